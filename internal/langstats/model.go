package langstats

import (
	"unicode"
	"unicode/utf8"
)

// Costs are stored in units of 1/costScale bit, so that a score is a sum of
// small integers; the generator uses the same scale.
const costScale = 8

// Score penalties, in bits.
const (
	// UnseenPenalty bounds the cost of any bigram of alphabet letters; a
	// bigram never seen in the sources costs close to it.
	UnseenPenalty = 16
	// ForeignPenalty is the cost of a letter outside the model's alphabet.
	ForeignPenalty = 20
)

// A Model is a letter-bigram model of one alphabetic language.
type Model struct {
	Lang   string // ISO 639-1 code
	Script string // "Latin", "Cyrillic", "Greek", "Hebrew", "Arabic" or "Thai"

	alphabet string // the letters of the model, case-folded, in code point order
	spans    []span // rune → letter index tables for the script's ranges
	k        int    // len(alphabet)+1: letter indexes run 1..k-1, 0 is the word boundary
	cost     string // cost[a*k+b] = -log2 P(b|a) in 1/costScale bits
}

// A span maps the runes lo, lo+1, ... to letter indexes (0 = not a letter of
// the alphabet). Upper- and lower-case forms map to the same index, so no case
// folding happens at scoring time.
type span struct {
	lo  rune
	idx string
}

// Alphabet returns the case-folded letters of the model's alphabet.
func (m *Model) Alphabet() string { return m.alphabet }

// Has reports whether r, in either case, is a letter of the alphabet.
func (m *Model) Has(r rune) bool { return m.index(r) > 0 }

// index returns the letter index of r, or 0 if r is not in the alphabet.
func (m *Model) index(r rune) int {
	for i := range m.spans {
		sp := &m.spans[i]
		if j := uint32(r - sp.lo); j < uint32(len(sp.idx)) {
			return int(sp.idx[j])
		}
	}
	return 0
}

// Score sums log2 P(b|a) over the letter bigrams of s and returns that sum
// with the number of bigrams scored.
//
// Letters are case-folded; any character that is neither a letter nor a
// combining mark is a word boundary, and each word contributes the boundary
// bigrams "_x" and "x_". Combining marks outside the alphabet (Hebrew points,
// Arabic harakat) are ignored. Bigrams of alphabet letters are smoothed, so
// an unseen one costs at most UnseenPenalty bits; a letter outside the
// alphabet costs ForeignPenalty bits and counts as one bigram, and the letter
// after it is scored as if it started a word. Invalid UTF-8 counts as a
// foreign letter. Score("") is (0, 0).
func (m *Model) Score(s string) (logp float64, n int) {
	const (
		outside = -1 // not inside a word
		foreign = -2 // just after a letter outside the alphabet
	)
	var total int // in 1/costScale bits
	prev := outside
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if c := m.index(r); c > 0 {
			from := max(prev, 0) // a word start and a foreign letter both use the boundary row
			total += int(m.cost[from*m.k+c])
			n++
			prev = c
			continue
		}
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				total += ForeignPenalty * costScale
				n++
				prev = foreign
				continue
			}
		case r == utf8.RuneError && size == 1, unicode.IsLetter(r):
			total += ForeignPenalty * costScale
			n++
			prev = foreign
			continue
		case unicode.Is(unicode.M, r):
			continue
		}
		if prev > 0 {
			total += int(m.cost[prev*m.k])
			n++
		}
		prev = outside
	}
	if prev > 0 {
		total += int(m.cost[prev*m.k])
		n++
	}
	return -float64(total) / costScale, n
}

// ByLang returns the model of the language with ISO 639-1 code lang, or nil.
func ByLang(lang string) *Model {
	for _, m := range Models {
		if m.Lang == lang {
			return m
		}
	}
	return nil
}

// Best returns the model with the highest mean log2-probability per bigram
// for s among the models of the given script ("" means all), with that mean.
// It returns (nil, 0) if s has no letters to score or no model has the script.
func Best(s string, script string) (*Model, float64) {
	var best *Model
	var bestMean float64
	for _, m := range Models {
		if script != "" && m.Script != script {
			continue
		}
		logp, n := m.Score(s)
		if n == 0 {
			continue
		}
		if mean := logp / float64(n); best == nil || mean > bestMean {
			best, bestMean = m, mean
		}
	}
	return best, bestMean
}

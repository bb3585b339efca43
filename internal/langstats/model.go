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

	// Runs of four letters (or of the word boundary, index 0, and three
	// letters) whose last letter is much likelier after the three before
	// it than the bigram cost says: quadKeys holds their letter indexes,
	// 4 bytes each, sorted; quadI4 each one's excess in tenths of a bit;
	// every byte plus quadBase.
	quadKeys string
	quadI4   string
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
	logp, n, _ = m.score(s, false)
	return logp, n
}

// ScoreKnown is Score of s with every character outside ASCII that is
// not a letter of the alphabet read as a word boundary, as a space in
// its place would be, and returns their count too: a caller that prices
// such letters apart (see plausible's languageCostWeighted) reads s once
// instead of blanking them first.
func (m *Model) ScoreKnown(s string) (logp float64, n, unknown int) {
	return m.score(s, true)
}

// score is Score, or ScoreKnown when blankUnknown is set.
func (m *Model) score(s string, blankUnknown bool) (logp float64, n, unknown int) {
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
		case blankUnknown:
			unknown++ // a boundary, as below
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
	return -float64(total) / costScale, n, unknown
}

// RunBonus returns how many bits likelier the words of s are than Score
// says, by the runs of four letters it knows (see derive_quads.py): a
// bigram sees one letter back and prices the Russian "меняется" and
// "менсется" alike, but "меня" and "еняе" are runs of Russian words and
// "енсе" is not. Only runs the model lists count, so the bonus is no
// cost: it tells apart readings that differ in a few letters, and says
// nothing of how ordinary either is. Words are read as Score reads them;
// a letter outside the alphabet ends the run.
func (m *Model) RunBonus(s string) float64 {
	if len(m.quadKeys) == 0 {
		return 0
	}
	var run [4]byte // the last four letter indexes, the newest last
	have := 0       // how many of them belong to the current word
	total := 0
	for i := 0; i <= len(s); {
		c := 0 // the boundary
		if i < len(s) {
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			i += size
			c = m.index(r)
			switch {
			case c > 0:
			case r < utf8.RuneSelf && r|0x20 >= 'a' && r|0x20 <= 'z', r >= utf8.RuneSelf && unicode.IsLetter(r):
				have = 0 // a foreign letter: no run ends the word here
				continue
			case r >= utf8.RuneSelf && unicode.Is(unicode.M, r):
				continue // as Score: marks outside the alphabet are skipped
			}
		} else {
			i++
		}
		if c == 0 {
			if have >= 3 {
				run[0], run[1], run[2], run[3] = run[1], run[2], run[3], 0
				total += m.runI4(run)
			}
			have = 0
			continue
		}
		if have == 0 {
			run[3] = 0 // the boundary before the word
			have = 1
		}
		run[0], run[1], run[2], run[3] = run[1], run[2], run[3], byte(c)
		have++
		if have >= 4 {
			total += m.runI4(run)
		}
	}
	return float64(total) / 10
}

// quadBase is added to every byte of a model's runs of four letters by
// the generator, which keeps its strings printable.
const quadBase = 0x20

// runI4 returns the excess of the run k (letter indexes) in tenths of a
// bit, 0 if unlisted.
func (m *Model) runI4(k [4]byte) int {
	key := uint32(k[0]+quadBase)<<24 | uint32(k[1]+quadBase)<<16 | uint32(k[2]+quadBase)<<8 | uint32(k[3]+quadBase)
	lo, hi := 0, len(m.quadI4)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		j := 4 * h
		x := uint32(m.quadKeys[j])<<24 | uint32(m.quadKeys[j+1])<<16 | uint32(m.quadKeys[j+2])<<8 | uint32(m.quadKeys[j+3])
		switch {
		case x < key:
			lo = h + 1
		case x > key:
			hi = h
		default:
			return int(m.quadI4[h]) - quadBase
		}
	}
	return 0
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

package langstats

import (
	"math"
	"sync"
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

	// Words of running text and how often they occur (see
	// derive_words.py): wordKeys holds each listed word as its length
	// then its letter indexes, every byte plus quadBase, sorted;
	// wordCounts each one's count, two bytes, big-endian; wordLengths,
	// per length (the last for that length or more), the tokens and the
	// distinct words of the sample. Nil where the language has no text.
	wordKeys    string
	wordCounts  string
	wordLengths *[maxWordLength][2]int32
	// Read from them on first use (see readWords).
	wordsOnce    sync.Once
	words        map[string]float64     // the listed words' bonuses (see wordBonus)
	wordTokens   float64                // the sample's tokens
	lengthBigram [maxWordLength]float64 // the bigram model's probability of each word length
	lexicon      *lexicon               // the language's word forms, or nil (see lexicon.go)
}

// maxWordLength is the length from which words are counted together;
// the generator uses the same.
const maxWordLength = 8

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

// ScoreKnownUnits is ScoreKnown with the sum in the model's units, the
// integer that logp is -units/CostScale of: the sums of parts of a text
// add up exactly to the text's, so a caller that scored a word can score
// it with one letter replaced by reading only around that letter (see
// plausible's Languages.CostReplaced).
func (m *Model) ScoreKnownUnits(s string) (units, n, unknown int) {
	return m.scoreUnits(s, true)
}

// ScoreUnits is Score with the sum in the model's units, as
// ScoreKnownUnits is ScoreKnown.
func (m *Model) ScoreUnits(s string) (units, n int) {
	units, n, _ = m.scoreUnits(s, false)
	return units, n
}

// CostScale is how many units make a bit in ScoreKnownUnits.
const CostScale = costScale

// score is Score, or ScoreKnown when blankUnknown is set.
func (m *Model) score(s string, blankUnknown bool) (logp float64, n, unknown int) {
	units, n, unknown := m.scoreUnits(s, blankUnknown)
	return -float64(units) / costScale, n, unknown
}

// scoreUnits is score, in units of 1/costScale bit.
func (m *Model) scoreUnits(s string, blankUnknown bool) (units, n, unknown int) {
	const (
		outside = -1 // not inside a word
		foreign = -2 // just after a letter outside the alphabet
	)
	var total int // in 1/costScale bits
	prev := outside
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r >= 0xC2 && r <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				// Two bytes, as DecodeRuneInString reads them, in line:
				// the letters of every alphabet but Thai's are two
				// bytes, and the call was a tenth of the score.
				r, size = (r&0x1F)<<6|rune(s[i+1]&0x3F), 2
			} else {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
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
	return total, n, unknown
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
	return float64(m.RunBonusUnits(s)) / 10
}

// RunBonusUnits is RunBonus in tenths of a bit, the integer it divides:
// the bonuses of texts that meet at a word boundary add up exactly to
// their whole's (see plausible's ChoiceSplit).
func (m *Model) RunBonusUnits(s string) int {
	if len(m.quadKeys) == 0 {
		return 0
	}
	var run [4]byte // the last four letter indexes, the newest last
	have := 0       // how many of them belong to the current word
	total := 0
	for i := 0; i <= len(s); {
		var c int
		c, i = m.nextLetter(s, i)
		switch c {
		case foreignLetter:
			have = 0 // no run ends the word here
			continue
		case skippedMark:
			continue
		}
		if c == wordEnd {
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
	return total
}

// WordBonus returns how many bits likelier the words of s are than Score
// says, by how often running text writes them (see derive_words.py). A
// letter bigram sees letters, not words: the Russian "с" and "я" read
// through windows-1252 with their second byte dropped are both "Ñ", and
// "я" is the likelier string of letters, for many words end in it; in
// running text "с" stands alone once in seventy words and "я" hardly
// ever. The sample's frequency and the bigram model are mixed per word
// length, Witten-Bell fashion: a word of length L is the sample's word
// with the weight λ = tokens/(tokens+types) of that length, and the
// bigram model's string of letters with the rest. Short words are few,
// and a sample sees nearly all of them (λ near 1); long words are many.
// Only a word the sample lists gets bits (see wordBonus). Words are read
// as Score reads them; a word with a letter outside the alphabet, or a
// language without text, gets none.
func (m *Model) WordBonus(s string) float64 {
	total, _ := m.wordBonuses(s, 0, nil, false)
	return total
}

// WordBonusFrom is total + WordBonus(s), added up word after word as
// WordBonus adds them: the bonus of a text that runs on after a word
// boundary, whose words before it added up to total.
func (m *Model) WordBonusFrom(total float64, s string) float64 {
	total, _ = m.wordBonuses(s, total, nil, false)
	return total
}

// AppendWordBonuses appends to dst the bonus of each word of s that
// WordBonus adds to its sum, in order, leaving out the words that add 0:
// a caller adds them to a sum of words before, in the same order, to the
// same figure (see plausible's ChoiceSplit). Every bonus is 0 or more,
// and so is every sum, to which adding 0 changes nothing.
func (m *Model) AppendWordBonuses(dst []float64, s string) []float64 {
	_, dst = m.wordBonuses(s, 0, dst, true)
	return dst
}

// wordBonuses adds the bonus of each word of s to total, or, when list
// is set, appends those that are not 0 to dst.
func (m *Model) wordBonuses(s string, total float64, dst []float64, list bool) (float64, []float64) {
	if m.wordLengths == nil {
		return total, dst
	}
	r := wordReader{m: m, s: s}
	for {
		w, foreign, ok := r.next()
		if !ok {
			break
		}
		if foreign {
			continue
		}
		if b := m.wordBonus(w); !list {
			total += b
		} else if b != 0 {
			dst = append(dst, b)
		}
	}
	return total, dst
}

// wordBonus is WordBonus of one word, its letter indexes w: for a word
// the sample lists, log2 of its probability over the bigram model's, or
// 0 where that is negative,
//
//	P(w) = P(L) · (λ_L · c(w)/N_L + (1-λ_L) · Pb(w)/Pb(L))
//
// where L is its length, N_L the sample's tokens of that length (P(L) =
// N_L/N), c(w) its count, λ_L = N_L/(N_L+T_L) with T_L the distinct
// words of that length, Pb(w) the bigram model's probability of the word
// and Pb(L) that of any word of length L: both the sample and the bigram
// model say how long words are, and the sample's lengths win. A word the
// sample does not list gets 0: charged its share 1-λ_L, it made readings
// that lengthen or shorten a word win or lose by it ("زف" against "زٍ",
// a letter or a mark after ز), where only a listed word is evidence.
func (m *Model) wordBonus(w []byte) float64 {
	m.readWords()
	b := m.words[string(w)] // 0 for a word the sample did not list
	if m.lexicon != nil && m.lexicon.has(w) {
		b += lexiconBits
	}
	return b
}

// lexiconBits is what a word gains, on top of its bonus as a word of the
// sample, where the language's lexicon of word forms has it: a form
// hunspell's affix rules make of one of its stems is a word, and a lost
// letter that makes no word is a guess. Russian "памяти" and "памсти"
// (я and с both lose their second byte to windows-1252) differ by 1.4
// bits in the letter bigrams, "ядра" and "сдра" by 2.6 the wrong way.
// Added, not in place of the sample's bonus: "с" and "я" are both forms,
// and the preposition is the likelier word.
const lexiconBits = 6.0

// listedBonus works out wordBonus of the listed word w, seen count
// times, once m.wordTokens and m.lengthBigram are known.
func (m *Model) listedBonus(w []byte, count int) float64 {
	l := min(len(w), maxWordLength)
	lengths := &m.wordLengths[l-1]
	tokens, types := float64(lengths[0]), float64(lengths[1])
	if tokens == 0 || m.lengthBigram[l-1] <= 0 {
		return 0
	}
	lambda := tokens / (tokens + types)
	lengthShift := tokens / m.wordTokens / m.lengthBigram[l-1]
	cost, prev := 0, 0
	for _, c := range w {
		cost += int(m.cost[prev*m.k+int(c)])
		prev = int(c)
	}
	cost += int(m.cost[prev*m.k])
	bigram := math.Exp2(-float64(cost) / costScale) // as Score prices the word
	return max(0, math.Log2(lambda*float64(count)/m.wordTokens/bigram+lengthShift*(1-lambda)))
}

// readWords works out the sample's size and the bigram model's
// probability of each word length, then each listed word's bonus, into a
// map, on first use: a choice among readings prices many words, often
// the same ones, and the table is a string of words of every length.
func (m *Model) readWords() {
	m.wordsOnce.Do(func() {
		m.lexicon = loadLexicon(m.Lang)
		for _, t := range m.wordLengths {
			m.wordTokens += float64(t[0])
		}
		// Pb(L): the probability of every path from the word boundary
		// through L letters back to it, summed a letter at a time;
		// the last length takes what the shorter ones leave.
		p := func(a, b int) float64 { return math.Exp2(-float64(m.cost[a*m.k+b]) / costScale) }
		at := make([]float64, m.k) // the probability of being at each letter after n letters
		next := make([]float64, m.k)
		for b := 1; b < m.k; b++ {
			at[b] = p(0, b)
		}
		rest := 1.0
		for l := 1; l < maxWordLength; l++ {
			var end float64
			for a := 1; a < m.k; a++ {
				end += at[a] * p(a, 0)
			}
			m.lengthBigram[l-1] = end
			rest -= end
			clear(next)
			for a := 1; a < m.k; a++ {
				if at[a] == 0 {
					continue
				}
				for b := 1; b < m.k; b++ {
					next[b] += at[a] * p(a, b)
				}
			}
			at, next = next, at
		}
		m.lengthBigram[maxWordLength-1] = max(rest, 1e-6)
		m.words = make(map[string]float64)
		keys := m.wordKeys
		for k, h := 0, 0; k < len(keys); h++ {
			l := int(keys[k] - quadBase)
			b := []byte(keys[k+1 : k+1+l])
			for j := range b {
				b[j] -= quadBase
			}
			count := int(m.wordCounts[2*h])<<8 | int(m.wordCounts[2*h+1])
			m.words[string(b)] = m.listedBonus(b, count)
			k += 1 + l
		}
	})
}

// What nextLetter reads besides a letter of the alphabet.
const (
	wordEnd       = 0  // anything that is no letter, or the end of the text
	foreignLetter = -1 // a letter outside the alphabet
	skippedMark   = -2 // a mark outside the alphabet, which Score skips
)

// nextLetter reads the character of s at byte i as RunBonus and
// WordBonus read words: a letter of the alphabet (its index), a letter
// outside it, a mark Score skips, or the end of a word; it returns that
// and the offset of the next character. At the end of s it reads one
// wordEnd, at len(s), and returns len(s)+1.
func (m *Model) nextLetter(s string, i int) (c, next int) {
	if i >= len(s) {
		return wordEnd, i + 1
	}
	r, size := rune(s[i]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(s[i:])
	}
	if c := m.index(r); c > 0 {
		return c, i + size
	}
	switch {
	case r < utf8.RuneSelf && r|0x20 >= 'a' && r|0x20 <= 'z', r >= utf8.RuneSelf && unicode.IsLetter(r):
		return foreignLetter, i + size
	case r >= utf8.RuneSelf && unicode.Is(unicode.M, r):
		return skippedMark, i + size
	}
	return wordEnd, i + size
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
// for s among the models of the given script ("" means all), with that mean,
// save that a Cyrillic text whose words are forms of the Russian lexicon is
// Russian (see formsOf).
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
	if best != nil && best.Lang != "ru" && best.Script == "Cyrillic" {
		// Russian's letter pairs, counted on hunspell's stems and a few
		// hundred lines, take some short Russian lines for Bulgarian
		// ("Пояснения к параметрам запуска"); a line whose words are
		// Russian forms is Russian.
		if ru := ByLang("ru"); ru != nil && ru.formsOf(s) {
			logp, n := ru.Score(s)
			best, bestMean = ru, logp/float64(n)
		}
	}
	return best, bestMean
}

// formsOf reports whether s has at least minFormWords words of three
// letters or more, and four in five of them are forms of m's lexicon.
func (m *Model) formsOf(s string) bool {
	m.readWords()
	if m.lexicon == nil {
		return false
	}
	r := wordReader{m: m, s: s}
	words, known := 0, 0
	for {
		w, foreign, ok := r.next()
		if !ok {
			break
		}
		if foreign {
			return false // a letter Russian does not write: "відносно"
		}
		if len(w) >= 3 {
			words++
			if m.lexicon.has(w) {
				known++
			}
		}
	}
	return words >= minFormWords && known*5 >= words*4
}

// wordReader reads a text a word at a time, as nextLetter splits it, for
// wordBonuses and formsOf.
type wordReader struct {
	m    *Model
	s    string
	i    int
	word [0x7E - quadBase]byte // the word's letter indexes
}

// next returns the next word's letter indexes and whether it holds a
// letter outside the alphabet or is longer than any listed word (then w
// is cut short), or ok false at the end of the text.
func (r *wordReader) next() (w []byte, foreign, ok bool) {
	n := 0
	for r.i <= len(r.s) {
		var c int
		c, r.i = r.m.nextLetter(r.s, r.i)
		switch {
		case c > 0:
			if n < len(r.word) {
				r.word[n] = byte(c)
			} else {
				foreign = true
			}
			n++
			continue
		case c == foreignLetter:
			foreign = true
			continue
		case c == skippedMark:
			continue
		}
		if n > 0 || foreign {
			return r.word[:min(n, len(r.word))], foreign, true
		}
	}
	return nil, false, false
}

// minFormWords is how many words of three letters or more a line needs
// for formsOf to speak for it; four in five of them must be forms. A
// line whose lost letters are guessed wrong holds a word that is none
// ("Ограничения реализации протокола связи с сдром"), and Bulgarian and
// Ukrainian lines have two in five words that are Russian forms at most
// ("Грешка при свързване със сървъра": "грешка" and "при").
const minFormWords = 3

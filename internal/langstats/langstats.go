// Package langstats holds compact language statistics for telling which of
// several decodings of the same bytes a person wrote: per-character frequency
// classes for Chinese, Japanese and Korean, the association of adjacent CJK
// characters and of runs of three, lexicons of katakana words and of words
// of two ideographs, and letter-bigram models for alphabetic languages with
// the runs of four letters that their bigrams underrate.
//
// The tables are generated from count files derived from Debian word lists
// and lexicons; see internal/gen/langstats/README.md. All lookups are
// allocation-free and use dense tables, no maps.
package langstats

import "sync"

//go:generate go run ../gen/langstats/main.go -data ../gen/langstats/data -out tables.go

// cjkTable holds one frequency class per rune, stored as the byte '0'+class,
// for each covered range. An empty string means class 0 throughout the range.
type cjkTable struct {
	punct  string // U+3000–U+30FF: CJK punctuation, hiragana, katakana
	han    string // U+4E00–U+9FFF: CJK unified ideographs
	hangul string // U+AC00–U+D7A3: Hangul syllables
	full   string // U+FF01–U+FF9F: full-width ASCII forms, half-width katakana
}

func (t *cjkTable) class(r rune) uint8 {
	var tab string
	var i uint32
	switch {
	case r >= 0x4E00:
		switch {
		case r <= 0x9FFF:
			tab, i = t.han, uint32(r-0x4E00)
		case r >= 0xAC00 && r <= 0xD7A3:
			tab, i = t.hangul, uint32(r-0xAC00)
		case r >= 0xFF01 && r <= 0xFF9F:
			tab, i = t.full, uint32(r-0xFF01)
		default:
			return 0
		}
	case r >= 0x3000 && r <= 0x30FF:
		tab, i = t.punct, uint32(r-0x3000)
	default:
		return 0
	}
	if i >= uint32(len(tab)) {
		return 0
	}
	return tab[i] - '0'
}

// Frequency classes returned by ZhHans, ZhHant, Japanese and Korean: 0 means
// the character was never seen in the language's sources; 1 to 15 are
// log2-scaled, a class step being a factor of two in frequency, and 15 the
// most frequent characters (about 0.8% of text or more).
//
// The encoding-standard level sets act as a floor, because a character that
// a national standard put in its common set is in use even when the lexicon
// missed it: GB2312 level 1 hanzi are at least class 6 in ZhHans and level 2
// at least 3; likewise JIS X 0208 level 1/2 kanji in Japanese, KS X 1001's
// 2,350 hangul in Korean (6) and Big5's frequent set in ZhHant (6).
const (
	ClassUnseen = 0
	ClassMax    = 15
)

// ZhHans returns the frequency class of r in simplified Chinese text. It
// covers Han ideographs U+4E00–U+9FFF, CJK punctuation and full-width forms.
func ZhHans(r rune) uint8 { return zhHansTable.class(r) }

// ZhHant returns the frequency class of r in traditional Chinese text. It
// covers Han ideographs U+4E00–U+9FFF, CJK punctuation and full-width forms.
func ZhHant(r rune) uint8 { return zhHantTable.class(r) }

// Japanese returns the frequency class of r in Japanese text: kanji,
// hiragana, katakana (full- and half-width), the prolonged sound mark, CJK
// punctuation and full-width forms.
func Japanese(r rune) uint8 { return japaneseTable.class(r) }

// Korean returns the frequency class of r in Korean text: Hangul syllables
// U+AC00–U+D7A3 and CJK punctuation.
func Korean(r rune) uint8 { return koreanTable.class(r) }

// HanMax returns max(ZhHans(r), ZhHant(r), Japanese(r)), the class the
// character model gives a Han character: from one table for the unified
// ideographs U+4E00–U+9FFF, which every hanzi of damaged CJK text and
// every candidate for a lost one is priced by, else from the three.
func HanMax(r rune) uint8 {
	if i := uint32(r - 0x4E00); i < uint32(len(hanMax)) {
		return hanMax[i]
	}
	return max(ZhHans(r), ZhHant(r), Japanese(r))
}

// hanMax is HanMax over U+4E00–U+9FFF, made from the three tables when
// the package is loaded (twenty thousand bytes).
var hanMax = func() (t [0x9FFF - 0x4E00 + 1]uint8) {
	for i := range t {
		r := rune(0x4E00 + i)
		t[i] = max(ZhHans(r), ZhHant(r), Japanese(r))
	}
	return t
}()

// LineEnd stands for the end of a line as the second member of a pair:
// PairPMI(r, LineEnd) says how much more often r ends a line than its
// frequency predicts ("。" does, "る" less so). It is a noncharacter, which
// no text holds.
const LineEnd = '\uFFFF'

// ASCIIWord stands for an ASCII word (letters or digits, with at most one
// space between it and the character) as a member of a pair: technical
// text puts particles after Latin names ("OS の", "II に設定"), and
// PairPMI(ASCIIWord, 'の') says how much more often than its frequency
// predicts. It is a noncharacter, which no text holds.
const ASCIIWord = '\uFFFE'

// ASCIIBreak stands for a space or an ASCII punctuation mark after a
// character, with neither a CJK character nor an ASCII word after it, as
// the second member of a pair: PairPMI('す', ASCIIBreak) says how much more
// often than its frequency a run of Japanese stops on す mid-line ("使われ
// ます (SMTP"); "ませ" never does. It is a noncharacter, which no text
// holds.
const ASCIIBreak = '\uFDD0'

// PairPMI returns how much more often a and b stand side by side in
// Chinese, Japanese or Korean text than their frequencies alone predict,
// in bits (pointwise mutual information): 进 and 行 make the word 进行,
// る and 。 end a sentence. It is 0 for pairs that are not notably
// associated, and for pairs the tables do not hold.
func PairPMI(a, b rune) float64 {
	// Only the pairs that begin with a are searched (see firstIndex).
	return PairsOf(a).PMI(b)
}

// firstIndex is, for each first rune U+3000–U+FFFF of a sorted table of
// keys of size bytes each, where the keys that begin with it start: those
// of rune r are entries first[r-0x3000] to first[r-0x3000+1]. A lost CJK
// character is scored against a thousand candidates, each looked up in
// five places; the tables' 4,370 and 2,999 first runes hold some eight
// keys each, which a search finds in three steps instead of fifteen.
type firstIndex [0x10000 - 0x3000 + 1]uint16

func buildFirstIndex(keys string, size int) *firstIndex {
	n := len(keys) / size
	if n > 0xFFFF {
		panic("langstats: table too large for a first-rune index")
	}
	first := new(firstIndex)
	k := 0
	for r := range first {
		// Entries before k begin with a rune below U+3000+r.
		for k < n && int(keys[size*k])<<8|int(keys[size*k+1]) < 0x3000+r {
			k++
		}
		first[r] = uint16(k)
	}
	return first
}

var (
	pairFirst   = sync.OnceValue(func() *firstIndex { return buildFirstIndex(pairKeys, 4) })
	tripleFirst = sync.OnceValue(func() *firstIndex { return buildFirstIndex(tripleKeys, 6) })
)

// Pairs is the entries of the pair table that begin with one rune a:
// p.PMI(b) is PairPMI(a, b). A lost CJK character is weighed against
// dozens or hundreds of candidates beside the same neighbour, and the
// neighbour's entries are then found once, not once per candidate.
type Pairs struct{ lo, hi int }

// PairsOf returns the pairs that begin with a.
func PairsOf(a rune) Pairs {
	if a > 0xFFFF || a < 0x3000 {
		return Pairs{}
	}
	first := pairFirst()
	return Pairs{int(first[a-0x3000]), int(first[a-0x3000+1])}
}

// PMI is PairPMI(a, b) for the a of p: the same entry, the same figure.
func (p Pairs) PMI(b rune) float64 {
	lo, hi := p.lo, p.hi
	if lo >= hi || b > 0xFFFF || b < 0x3000 {
		return 0
	}
	key := uint16(b)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		k := uint16(pairKeys[4*m+2])<<8 | uint16(pairKeys[4*m+3])
		switch {
		case k < key:
			lo = m + 1
		case k > key:
			hi = m
		default:
			return float64(pairPMI[m]) / pairScale
		}
	}
	return 0
}

// Triples is the entries of the triple table that begin with one rune
// a, or with a and then b (see Then): t.I3(b, c) is TripleI3(a, b, c),
// and after Then(b), t.Last(c) is. As for Pairs, a neighbour's entries
// are found once for all of a lost character's candidates.
type Triples struct{ lo, hi int }

// TriplesOf returns the triples that begin with a.
func TriplesOf(a rune) Triples {
	if a > 0xFFFF || a < 0x3000 {
		return Triples{}
	}
	first := tripleFirst()
	return Triples{int(first[a-0x3000]), int(first[a-0x3000+1])}
}

// tripleKey is the last four bytes of the entry m of the triple table:
// its second and third runes.
func tripleKey(m int) uint32 {
	return uint32(tripleKeys[6*m+2])<<24 | uint32(tripleKeys[6*m+3])<<16 | uint32(tripleKeys[6*m+4])<<8 | uint32(tripleKeys[6*m+5])
}

// Then narrows t, the triples that begin with a, to those that go on
// with b. The entries are sorted, so those of b are one stretch.
func (t Triples) Then(b rune) Triples {
	if t.lo >= t.hi || b > 0xFFFF || b < 0x3000 {
		return Triples{}
	}
	lo := uint32(b) << 16
	from := t.lo + sortSearch(t.hi-t.lo, func(i int) bool { return tripleKey(t.lo+i) >= lo })
	to := from + sortSearch(t.hi-from, func(i int) bool { return tripleKey(from+i) > lo|0xFFFF })
	return Triples{from, to}
}

// sortSearch is sort.Search, here without the package.
func sortSearch(n int, f func(int) bool) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// I3 is TripleI3(a, b, c) for the a of t (not narrowed by Then).
func (t Triples) I3(b, c rune) float64 {
	if t.lo >= t.hi || b > 0xFFFF || c > 0xFFFF || b < 0x3000 || c < 0x3000 {
		return 0
	}
	return t.find(uint32(b)<<16 | uint32(c))
}

// Last is TripleI3(a, b, c) for the a and b of t, narrowed by Then(b).
func (t Triples) Last(c rune) float64 {
	if t.lo >= t.hi || c > 0xFFFF || c < 0x3000 {
		return 0
	}
	// Every entry of t has the second rune b: its key's high half.
	return t.find(tripleKey(t.lo)&0xFFFF0000 | uint32(c))
}

// find returns the figure of the entry of t whose last four bytes are
// key, or 0, as TripleI3 does.
func (t Triples) find(key uint32) float64 {
	lo, hi := t.lo, t.hi
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		k := tripleKey(m)
		switch {
		case k < key:
			lo = m + 1
		case k > key:
			hi = m
		default:
			return float64(tripleI3[m]) / pairScale
		}
	}
	return 0
}

// TripleI3 returns how much likelier the run abc is in Chinese, Japanese or
// Korean text than its pairs ab and bc predict, in bits: ケット (in
// パケット, ソケット, チケット) against ケント, whose pairs ケン and ント are
// as common. It is 0 for runs that are not notably more likely, and for
// runs the tables do not hold.
func TripleI3(a, b, c rune) float64 {
	// Only the triples that begin with a are searched (see firstIndex).
	return TriplesOf(a).I3(b, c)
}

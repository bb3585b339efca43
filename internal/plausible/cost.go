package plausible

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/mojitext/moji/internal/langstats"
	"github.com/mojitext/moji/internal/utf8x"
)

// unigram is the cost in bits of one character of each class in running
// text. The figures are rough negative log-frequencies: ASCII letters are
// cheap, accented letters a little dearer, Latin-1 symbols (the "©" in
// "Ã©") dear, C1 controls and private-use characters, which a person
// almost never types, very dear. Han, kana and Hangul are priced by their
// frequency instead (see cjkCost).
var unigram = [numClasses]float64{
	Other:         9,
	Space:         2,
	Newline:       3,
	Digit:         4,
	Lower:         4,
	Upper:         5,
	Punct:         5,
	ASCIISymbol:   7,
	Control:       16,
	C1:            18,
	NBSP:          7,
	LatinLower:    6,
	LatinUpper:    7,
	LatinSymbol:   10,
	Modifier:      11,
	Combining:     10,
	GreekLower:    5,
	GreekUpper:    6,
	CyrillicLower: 5,
	CyrillicUpper: 6,
	Hebrew:        5,
	Arabic:        5,
	Thai:          5,
	OtherLetter:   8,
	GeneralPunct:  6,
	Currency:      10,
	Math:          10,
	Box:           10,
	Dingbat:       10,
	CJKPunct:      6,
	Kana:          6,
	HalfKana:      11,
	Fullwidth:     9,
	Han:           6,
	Hangul:        6,
	PrivateUse:    24,
	Replacement:   10,
	Format:        11,
	// A reading that decodes to a code point Unicode has not assigned is
	// wrong: Ukrainian "у є " with its no-break spaces, read as UTF-8
	// through windows-1251, is F3 A0 BA A0, U+E0EA0.
	Unassigned: 40,
}

// Frequency classes, 0 (never seen) to 15 (most frequent), of a
// character in each East Asian writing system.
var (
	freqZhHans   = langstats.ZhHans
	freqZhHant   = langstats.ZhHant
	freqJapanese = langstats.Japanese
	freqKorean   = langstats.Korean
)

// cjkCost prices a Han, kana or Hangul character by how often people
// write it. UTF-8 read as GBK lands on characters like 鈥 and 檚 that
// almost nobody writes; real Chinese is made of common ones.
func cjkCost(r rune, c Class) float64 {
	var f uint8
	switch c {
	case Hangul:
		f = freqKorean(r)
	case Kana:
		f = freqJapanese(r)
	default:
		// max(freqZhHans(r), freqZhHant(r), freqJapanese(r)), from one
		// table for the unified ideographs.
		f = langstats.HanMax(r)
	}
	return 4 + float64(15-int(f))
}

// FrequencyCost is RuneCost for Han, kana and Hangul, and for the CJK
// punctuation marks and full-width forms the frequency tables cover
// (，。「」！) a cost by how often East Asian text uses them, where
// RuneCost prices them all alike. It ranks the candidates for a lost
// character: "，" (EF BC 8C) and "！" (EF BC 81) share two bytes, and
// Chinese writes the comma far more often.
func FrequencyCost(r rune) float64 {
	c := ClassOf(r)
	if c == CJKPunct {
		if f := max(freqZhHans(r), freqZhHant(r), freqJapanese(r), freqKorean(r)); f > 0 {
			return 4 + float64(15-int(f))
		}
	}
	return RuneCost(r)
}

// rareLetter is the unigram cost of a letter that none of the modelled
// languages writes (Յ, ʏ, Dz, ᴴ): mojibake decoded the wrong way lands
// on such letters, while people writing the languages moji models almost
// never use them.
const rareLetter = 20

// knownLetter marks, for U+0080–U+1FFF, the letters some language model
// has in its alphabet, in either case.
var knownLetter [0x2000]bool

func init() {
	// Letters the language models fold into others: final sigma is σ,
	// Romanian comma-below ș ț are the cedilla ş ţ of cp1250.
	defer func() {
		for _, v := range "ςșȘțȚ" {
			knownLetter[v] = true
		}
		// The long s survives in some word lists but not in modern
		// text; as a repair it is the cp437 reading of line art "┼┐".
		knownLetter['ſ'] = false
		// Hepburn romanization writes Japanese long vowels with a
		// macron, and English text spells Japanese names so ("Ōsaka",
		// "Itō"). Latvian has ā ē ī ū but no ō, so no model's alphabet
		// holds it, and at rareLetter "ÅŒ" (C5 8C read through
		// windows-1254) cost less than the Ō it stood for. The
		// macron letters of pinyin's tones (ǎ ǐ ǒ ǔ) stay rare: Ç with
		// its 0x90 dropped would read as ǐ in every line of Arabic
		// shown as windows-1252.
		for _, v := range "ōŌ" {
			knownLetter[v] = true
		}
	}()
	for _, m := range langstats.Models {
		for _, r := range m.Alphabet() {
			for _, v := range []rune{r, unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r)} {
				if v < 0x2000 {
					knownLetter[v] = true
				}
			}
		}
		if m.Lang == "tr" {
			// Turkish writes the capital of i with a dot ("İstanbul"),
			// which the default case mapping of the alphabet's letters
			// never reaches.
			knownLetter[unicode.TurkishCase.ToUpper('i')] = true
		}
	}
}

// alphabets holds, for each rune below U+0500, the set of language
// models whose alphabet has it in either case, one bit per model in the
// order of langstats.Models.
var alphabets = func() (t [0x500]uint64) {
	// Hepburn romanization (see knownLetter), which no model has, is an
	// alphabet of its own: ASCII and the macron vowels.
	for _, r := range "āēīōūĀĒĪŌŪ" {
		t[r] |= 1 << hepburnBit
	}
	for i, m := range langstats.Models {
		if i >= hepburnBit {
			break
		}
		for _, r := range m.Alphabet() {
			for _, v := range []rune{r, unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r)} {
				if v < 0x500 {
					t[v] |= 1 << i
				}
			}
		}
	}
	return t
}()

// hepburnBit is the bit of alphabets that stands for Hepburn
// romanization's letters.
const hepburnBit = 63

// WrittenTogether reports whether some language moji models has in its
// alphabet every letter of word outside ASCII below U+0500 (Latin, Greek
// and Cyrillic): people write a word in one alphabet, and "Łódź" is
// Polish where "ŝódź" mixes Esperanto's ŝ with Polish letters. A word
// with no such letter, or with a letter no model has, is not judged.
func WrittenTogether(word string) bool {
	set := ^uint64(0)
	for _, r := range word {
		if r < utf8.RuneSelf || r >= 0x500 || !unicode.IsLetter(r) {
			continue
		}
		if a := alphabets[r]; a != 0 {
			set &= a
		}
	}
	return set != 0
}

// WrittenBeside reports whether some language moji models has in its
// alphabet the letter c and every letter of text outside ASCII below
// U+0500 but the letters except, in c's script: whether a line could be
// one language with c in it. A letter no model has makes it false;
// letters from U+0500 on are not judged.
func WrittenBeside(text string, except, c rune) bool {
	if c < utf8.RuneSelf || c >= 0x500 {
		return true
	}
	set := alphabets[c]
	script := ClassOf(c).Script()
	for _, r := range text {
		if r < utf8.RuneSelf || r >= 0x500 || r == except || !unicode.IsLetter(r) || ClassOf(r).Script() != script {
			continue
		}
		if set &= alphabets[r]; set == 0 {
			return false
		}
	}
	return set != 0
}

// letterCost is the unigram cost of a character of a letter class, or of
// a combining mark. Real text is nearly always precomposed (NFC), so even
// the marks that decomposed accents use (acute, diaeresis, cedilla...)
// cost more than the accented letter would; the rest are rare.
func letterCost(r rune, c Class) float64 {
	if c == Combining {
		switch r {
		case 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0306, 0x0307, 0x0308, 0x0309,
			0x030A, 0x030B, 0x030C, 0x031B, 0x0323, 0x0327, 0x0328:
			return unigram[c]
		}
		if arabicHaraka(r) || hebrewPoint(r) {
			// A short vowel, tanween, shadda or sukun: Arabic marks
			// them where a word could be misread ("الوَصل"), and
			// Hebrew points its vowels and dagesh in poetry, scripture
			// and books for children ("כָּל"). Off a letter of its
			// script it is priced as rare (see transitionRunes).
			return unigram[c]
		}
		if r < 0x2000 && knownLetter[r] {
			// A mark a language model spells with: Thai writes its
			// vowels above and below the consonants as combining marks
			// ("ศึกษา"), and they are as common as its letters.
			return unigram[c]
		}
		return rareLetter
	}
	if r >= 0x80 && r < 0x2000 && !knownLetter[r] {
		return rareLetter
	}
	if r >= 0x2000 && c != HalfKana && !writtenAbove2000(r) {
		// Above U+2000 no alphabet moji models has a letter: these are
		// Braille, Yi, Syloti Nagri, Latin Extended-C and -D, Mongolian
		// beyond the BMP, mathematical alphanumerics. UTF-8 read through
		// windows-1251 makes them of a Ukrainian letter before a no-break
		// space ("в ё" is E2 A0 B8, Braille "⠸").
		return rareLetter
	}
	return unigram[c]
}

// writtenAbove2000 reports whether r, a letter above U+2000 outside the
// CJK classes, is one people still write in the languages moji models:
// Bopomofo (Taiwan's phonetic annotation, ㄅㄆㄇ), the Latin ligatures
// ("ﬁ" from text copied out of PDFs) and the Hebrew and Arabic
// presentation forms of legacy text.
func writtenAbove2000(r rune) bool {
	return r >= 0x3100 && r <= 0x312F || r >= 0x31A0 && r <= 0x31BF || r >= 0xFB00 && r <= 0xFFFF
}

// hebrewPoint reports whether r is one of the points (niqqud) Hebrew
// writes on its letters: the vowels, dagesh, rafe, and the shin and sin
// dots (U+05B0–U+05BD, U+05BF, U+05C1, U+05C2, U+05C4, U+05C5, U+05C7),
// not the cantillation marks of scripture. UTF-8 read through
// windows-1255 makes them of lead bytes (C0–C9, CB–D2), which follow
// no Hebrew letter there: after a letter (E0–FA, a UTF-8 lead too)
// UTF-8 puts a continuation byte.
// shinDot and sinDot are the points that stand on ש alone.
const (
	shinDot = '\u05C1'
	sinDot  = '\u05C2'
)

func hebrewPoint(r rune) bool {
	return r >= 0x05B0 && r <= 0x05BD || r == 0x05BF || r == 0x05C1 || r == 0x05C2 ||
		r == 0x05C4 || r == 0x05C5 || r == 0x05C7
}

// arabicHaraka reports whether r is one of the marks Arabic writes on its
// letters: tanween, the short vowels, shadda and sukun (U+064B–U+0652),
// and the dagger alif (U+0670). The dev set's Arabic texts hold 26 in
// 3,388 letters (0.8%, 7 bits), fewer bits than unigram[Combining].
func arabicHaraka(r rune) bool { return r >= 0x064B && r <= 0x0652 || r == 0x0670 }

// RuneCost returns the unigram cost of r.
func RuneCost(r rune) float64 { return classCost(r, ClassOf(r)) }

// classCost is RuneCost for r of class c, which the callers that price
// whole texts have already looked up.
func classCost(r rune, c Class) float64 {
	switch {
	case c == Han || c == Kana || c == Hangul:
		return cjkCost(r, c)
	case c.IsLetter() || c == Combining:
		return letterCost(r, c)
	case c == Modifier && phoneticModifier(r), c == Math && rareSymbol(r):
		return rareLetter
	}
	return unigram[c]
}

// rareSymbol reports whether r, a symbol of class Math, lies outside the
// blocks of symbols people type (U+2000–U+33FF: arrows, operators,
// letterlike symbols, number forms, enclosed numbers, CJK units): the
// North Indic fractions, ancient and musical symbols. Ukrainian
// "к і" (к, no-break space, і) read as UTF-8 through windows-1251 is
// EA A0 B3, the North Indic "꠳".
func rareSymbol(r rune) bool {
	return r >= 0xA000 && r < 0xF900 || r >= 0x10000
}

// phoneticModifier reports whether r is one of the superscript letters and
// tone letters of phonetic transcription (ʰ ʲ ʳ ʷ ˠ ˥): no alphabet moji
// models writes them, and UTF-8 read as Mac Roman makes them of a
// no-break space before a symbol ("30 µs" is CA B5 there, "ʵ"). The
// rest of the block stays a modifier: the apostrophes ʻ ʼ (Hawaiian,
// Ukrainian), the primes, stress and length marks, and the spacing
// accents ˆ ˇ ˘ ˙ ˛ ˜ ˝ that the code pages hold.
func phoneticModifier(r rune) bool {
	return r >= 0x02B0 && r <= 0x02B8 || r >= 0x02E0 && r <= 0x02FF
}

// wordish reports whether the class continues a word: letters, digits,
// marks.
func wordish(c Class) bool {
	return c.IsLetter() || c == Digit || c == Combining
}

// symbolish reports whether the class is a symbol that mojibake scatters
// inside words ("Ã©", "â€™", "Ð¿").
func symbolish(c Class) bool {
	switch c {
	case LatinSymbol, C1, Modifier, Currency, Math, Box, Dingbat, PrivateUse, Control, NBSP, GeneralPunct, Replacement:
		return true
	}
	return false
}

// transition returns the cost of b following a. Real words keep one
// script and one case pattern; mojibake mixes them ("Ã©" puts a capital
// and a symbol inside a lowercase word, "Ð¿Ñ€" alternates capitals and
// symbols, "鈥淵es" glues hanzi to Latin letters).
func transition(a, b Class) float64 {
	if a == Space && b == Space {
		return 3 // two spaces in a row are rare between words
	}
	if a == b {
		// Symbols come in runs in real text (box drawing, half-width
		// katakana, arrows): a repeat is far likelier than a first one.
		switch a {
		case Box, HalfKana:
			return -6
		case Dingbat, CJKPunct:
			return -3
		}
	}
	if a.IsLetter() && b.IsLetter() {
		sa, sb := a.Script(), b.Script()
		if sa != sb {
			if sa == CJK || sb == CJK {
				return 6
			}
			return 9
		}
		if a.IsLowerCase() && b.IsUpper() {
			if a == Lower && b == Upper {
				return 3 // camelCase exists: "iPhone", "McDonald"
			}
			return 6
		}
		if (a == LatinUpper || a == LatinLower) && (b == LatinUpper || b == LatinLower) {
			return 1.5 // two accented letters in a row are uncommon but real ("ção")
		}
		return 0
	}
	if (a == Digit && b.Script() == CJK) || (a.Script() == CJK && b == Digit) {
		return 3 // "1혻MB": hanzi and Hangul glued to digits
	}
	if a == Digit && b == LatinUpper {
		// An accented capital glued to the end of a number is the lead
		// byte of a no-break space or a sign read through windows-1252:
		// "1Â MB" (1, C2 A0, MB, the 0xA0 made a space), "5Ã—3" (×).
		// Capitals after numbers are ASCII ("4K", "10GB"), and a
		// French ordinal in capitals ("2ÈME") is rare enough.
		return 7
	}
	if b == Combining && !a.IsLetter() && a != Combining {
		return 8 // a combining mark attaches to a letter; alone it is noise
	}
	if a.IsLetter() && b == Box || a == Box && b.IsLetter() {
		// Line art stands apart from words: a table pads its cells
		// ("│ Name │"). Box drawing glued to a letter is the trace of
		// UTF-8 read through cp437 ("f├╝r" for "für").
		return 5
	}
	if wordish(a) && symbolish(b) || symbolish(a) && wordish(b) {
		return 3
	}
	if symbolish(a) && symbolish(b) {
		return 2
	}
	return 0
}

// transitions is transition as a table, filled from it at start-up:
// every character of every text priced pays one, and the rules above
// are a chain of tests.
var transitions = func() (t [numClasses][numClasses]float64) {
	for a := range Class(numClasses) {
		for b := range Class(numClasses) {
			t[a][b] = transition(a, b)
		}
	}
	return t
}()

// capitalsRunDiscount is what charCost takes off the price of a capital
// after two capitals: a capital costs a bit more than its small letter
// (unigram), but a word in capitals is written so once, in a heading or
// a name of Unicode's list, and its case tells nothing letter by letter.
// Charged for every letter, the case made Greek capitals in cp1253 shown
// as windows-1252 ("ÑÕÈÌÉÓÅÉÓ", ΡΥΘΜΙΣΕΙΣ) dearer than the same bytes
// read as Russian small letters through KOI8-R ("яухлисеис"), and
// Russian capitals in KOI8-R ("ÏØÉÂËÁ", ОШИБКА) dearer than Greek small
// letters.
//
// Only Greek and Cyrillic capitals get it. Latin mojibake is itself made
// of runs of Latin capitals ("ÃƒÂ©", "Å Ã"), and a discount on Latin
// capitals paid a line for joining two words of capitals over a space
// read as a lost no-break space ("SPRÓCHNIEĆ UNTAR" through windows-1250
// as "SPRÓCHNIEƠUNTAR").
const capitalsRunDiscount = 1

// discountedCapital reports whether a capital of class c after two
// capitals takes capitalsRunDiscount off its price.
func discountedCapital(c Class) bool { return c == GreekUpper || c == CyrillicUpper }

// smallCapsCharge is what charCost charges for a small letter among
// capitals (see smallInCapitals).
const smallCapsCharge = 8

// smallInCapitals reports whether a small letter of class c among
// capitals is unusual: any cased script's small letter outside ASCII
// (ASCII ones are common in names: "McDONALD", "iPHONE").
func smallInCapitals(c Class) bool {
	return c == LatinLower || c == CyrillicLower || c == GreekLower
}

// Cost returns the cost in bits of s as a whole.
func Cost(s string) float64 {
	return charCost(Space, 0, s, Space, 0) + languageCost(s, nil)
}

// disjointBoxes is the transition between two box-drawing or block
// characters that do not join as line art (see boxesJoin): that of two
// symbols of different kinds, where joined ones are the run of line art
// transition gives Box.
const disjointBoxes = 2

// charCost sums the unigram and transition costs of s between classes
// before and after, whose runes are beforeRune and afterRune (0 where
// unknown).
func charCost(before Class, beforeRune rune, s string, after Class, afterRune rune) float64 {
	var total float64
	prev, prevRune := before, beforeRune
	upperRun, run := 0, 0 // capitals right before prev, and before the current rune
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r <= 0xDF && r >= 0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				r, size = (r&0x1F)<<6|rune(s[i+1]&0x3F), 2 // a two-byte letter, decoded in line:
				// the range loop called the runtime for each, and the
				// letters of every alphabet but Thai's are two bytes
			} else {
				r, size = utf8x.DecodeAt(s, i)
			}
		}
		i += size
		c := ClassOf(r)
		// classCost, written out: this loop prices every character of
		// every candidate, and the call would not be inlined.
		switch {
		case c == Han || c == Kana || c == Hangul:
			total += cjkCost(r, c)
		case c.IsLetter() || c == Combining:
			total += letterCost(r, c)
			if run >= 2 && discountedCapital(c) {
				total -= capitalsRunDiscount
			}
		case c == Modifier && phoneticModifier(r), c == Math && rareSymbol(r):
			total += rareLetter
		default:
			total += unigram[c]
		}
		total += transitionRunes(prev, prevRune, c, r)
		if smallInCapitals(prev) && (upperRun >= 1 && c.IsUpper() || upperRun >= 2 && !c.IsLowerCase()) {
			// An accented small letter inside or at the end of a word of
			// capitals: "MÄ£ÄM" read as UTF-8 gives "MģÄM", and the
			// Ukrainian "ШУРІ" through windows-1251 "ШУв" (D0 B2).
			total += smallCapsCharge
		}
		upperRun = run
		if c.IsUpper() {
			run++
		} else {
			run = 0
		}
		prev, prevRune = c, r
	}
	if smallInCapitals(prev) && upperRun >= 2 && !after.IsLowerCase() {
		total += smallCapsCharge
	}
	return total + transitionRunes(prev, prevRune, after, afterRune)
}

// charState is what charCost carries from one rune to the next: the
// class and the rune before, and the capitals right before it.
type charState struct {
	prev     Class
	prevRune rune
	// upperRun and run are the capitals right before prev, and up to
	// and including prev. Only whether each is 1 or 2 and more is ever
	// asked, so that two are as good as any more (see charStateAt).
	upperRun, run int
}

// add returns the sum of the costs of the runes of s after st, as
// charCost prices them, and leaves st after them. It is charCost's loop,
// kept apart so that charCost, which prices every word the search
// looks at, makes no call for it: TestCharCostReplaced holds the two
// to the same figures.
func (st *charState) add(s string) float64 {
	var total float64
	prev, prevRune := st.prev, st.prevRune
	upperRun, run := st.upperRun, st.run
	for _, r := range s {
		c := ClassOf(r)
		// classCost, written out: this loop prices every character of
		// every candidate, and the call would not be inlined.
		switch {
		case c == Han || c == Kana || c == Hangul:
			total += cjkCost(r, c)
		case c.IsLetter() || c == Combining:
			total += letterCost(r, c)
			if run >= 2 && discountedCapital(c) {
				total -= capitalsRunDiscount
			}
		case c == Modifier && phoneticModifier(r), c == Math && rareSymbol(r):
			total += rareLetter
		default:
			total += unigram[c]
		}
		total += transitionRunes(prev, prevRune, c, r)
		if smallInCapitals(prev) && (upperRun >= 1 && c.IsUpper() || upperRun >= 2 && !c.IsLowerCase()) {
			// An accented small letter inside or at the end of a word of
			// capitals: "MÄ£ÄM" read as UTF-8 gives "MģÄM", and the
			// Ukrainian "ШУРІ" through windows-1251 "ШУв" (D0 B2).
			total += smallCapsCharge
		}
		upperRun = run
		if c.IsUpper() {
			run++
		} else {
			run = 0
		}
		prev, prevRune = c, r
	}
	st.prev, st.prevRune, st.upperRun, st.run = prev, prevRune, upperRun, run
	return total
}

// finish returns total, the cost of a text that left st, with the end
// of the text before after added, as charCost adds it.
func (st *charState) finish(total float64, after Class, afterRune rune) float64 {
	if smallInCapitals(st.prev) && st.upperRun >= 2 && !after.IsLowerCase() {
		total += smallCapsCharge
	}
	return total + transitionRunes(st.prev, st.prevRune, after, afterRune)
}

// charStateAt returns the state charCost is in at offset i of s, read
// from the three runes before it: the run of capitals up to them counts
// only to two.
func charStateAt(before Class, beforeRune rune, s string, i int) charState {
	st := charState{prev: before, prevRune: beforeRune}
	var upper [3]bool
	k := 0
	for ; k < 3 && i > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		c := ClassOf(r)
		if k == 0 {
			st.prev, st.prevRune = c, r
		}
		upper[k] = c.IsUpper()
		i -= size
	}
	if upper[0] {
		st.run = 1
		if upper[1] {
			st.run = 2
		}
	}
	if upper[1] {
		st.upperRun = 1
		if upper[2] {
			st.upperRun = 2
		}
	}
	return st
}

// CharCostReplaced is CharCost(before, s[:from]+cand+s[to:], after), for
// whole = CharCost(before, s, after), where s and cand are valid UTF-8
// and from and to are rune boundaries of s: it reads cand and s[from:to]
// with the three runes after them, which is as far as a character's
// price depends on the characters before it (see ChoiceSplit).
//
// Why it is exact: every cost charCost adds is a multiple of one half
// (see TestCharCostHalves), and sums of those are exact in a float64, in
// any order; so the word's sum less the old span's plus the new one's is
// the new word's sum to the bit.
func CharCostReplaced(before rune, s string, after rune, from, to int, cand string, whole float64) float64 {
	prev, next := Space, Space
	if before > 0 {
		prev = ClassOf(before)
	}
	if after > 0 && after != utf8.RuneError {
		next = ClassOf(after)
	}
	st := charStateAt(prev, before, s, from)
	end := to
	for k := 0; k < 3 && end < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	oldSt, newSt := st, st
	old := oldSt.add(s[from:to])
	old += oldSt.add(s[to:end])
	repl := newSt.add(cand)
	repl += newSt.add(s[to:end])
	if end == len(s) {
		old = oldSt.finish(old, next, after)
		repl = newSt.finish(repl, next, after)
	}
	return whole - old + repl
}

// CostInContext returns the cost of s between the runes before and after
// it (utf8.RuneError or 0 for none): the transitions into and out of s
// count, so "Ã©" inside "cafÃ©s" pays for breaking the word.
func CostInContext(before rune, s string, after rune) float64 {
	return CostWith(before, s, after, nil)
}

// Languages holds, per script, the language model that best explains a
// text's surroundings. A word is judged in the language of its line:
// "hasznålat" may look Danish on its own, but in a Hungarian sentence
// "használat" is the word.
//
// It also remembers the language cost of the words it has priced: the
// search prices the same word under many hypotheses.
type Languages struct {
	models [numScripts]*langstats.Model
	main   Script // the script with the most letters
	// letters is the script with the most letters, not counting
	// NoScript's digits, spaces and punctuation, which are main in a
	// short line of numbers ("in 2019–2021.").
	letters Script
	memo    map[string]float64
	// parts remembers the LanguageParts of the words it has priced (see
	// Parts).
	parts map[string]LanguageParts
}

// SameAs reports whether l and o choose the same model for every script
// and have the same main scripts: then they price every text alike, and
// either's memory of priced words serves both.
func (l *Languages) SameAs(o *Languages) bool {
	return l.models == o.models && l.main == o.main && l.letters == o.letters
}

// Writes reports whether the language chosen for r's script has r in its
// alphabet.
func (l *Languages) Writes(r rune) bool {
	if l == nil {
		return false
	}
	m := l.models[ClassOf(r).Script()]
	return m != nil && m.Has(r)
}

// WritesAlone reports whether the language chosen for r's script writes
// r as a word of one letter: its bigram model prices the word "r", its
// two boundary bigrams, at most oneLetterWordBits. The French "à", the
// Italian "è" and the Swedish "å" are words (9 to 12 bits); the Spanish
// "ñ", the Portuguese "ã" and the German "ä" are not (20 to 22), and a
// lone "Ñ" between spaces in a Russian line, whose ASCII words chose a
// Latin model that has the letter, is the preposition "с" (D1 81) with
// its 0x81 dropped.
func (l *Languages) WritesAlone(r rune) bool {
	if l == nil {
		return false
	}
	m := l.models[ClassOf(r).Script()]
	if m == nil || !m.Has(r) {
		return false
	}
	var buf [utf8.UTFMax]byte
	logp, n := m.Score(string(utf8.AppendRune(buf[:0], r)))
	return n > 0 && -logp <= oneLetterWordBits
}

// oneLetterWordBits is the most a word of one letter may cost, its two
// boundary bigrams, for WritesAlone to take it for a word: twice
// lmBaseline per bigram, as unusual as two bigrams of an ordinary word
// may be together.
const oneLetterWordBits = 4 * lmBaseline

// LanguagesOf chooses a language model per script for the letters of s.
// The search asks once per line and round, clean lines included, so the
// text is read once: the letters of every script with a model are
// gathered straight into their cache keys (see bestModelKey) as the
// scripts are counted, and a line allocates its Languages alone.
func LanguagesOf(s string) *Languages {
	l := new(Languages)
	var (
		scripts [numScripts]int
		mem     [numScripts][256]byte
		keys    [numScripts][]byte // as appendOnlyScript builds them, after the script's name and a zero byte
		active  [numScripts]Script // the scripts with a key, in order of appearance
		nActive int
		runes   int
	)
	for _, r := range s {
		sc := ClassOf(r).Script()
		scripts[sc]++
		if keys[sc] == nil && langScript[sc] != "" {
			k := append(append(mem[sc][:0], langScript[sc]...), 0)
			for range runes {
				k = append(k, ' ') // the characters before its first letter
			}
			keys[sc] = k
			active[nActive] = sc
			nActive++
		}
		for _, a := range active[:nActive] {
			if a == sc {
				keys[a] = utf8.AppendRune(keys[a], r)
			} else {
				keys[a] = append(keys[a], ' ')
			}
		}
		runes++
	}
	for sc := Script(1); sc < numScripts; sc++ {
		if scripts[sc] > scripts[l.main] {
			l.main = sc
		}
		if scripts[sc] > scripts[l.letters] || l.letters == NoScript && scripts[sc] > 0 {
			l.letters = sc
		}
		if scripts[sc] < modelLetters || langScript[sc] == "" {
			continue // too little text to tell the language
		}
		l.models[sc] = bestModelKey(keys[sc], len(langScript[sc])+1)
	}
	return l
}

// CheapestLanguage returns the Languages that price line least by
// ChoiceCost, with that price: LanguagesOf's choice for every script but
// sc, and for sc whichever of its languages prices the line as a whole
// cheapest, its words included, among the cheapestCandidates whose
// letter pairs read it best (as langstats.Best ranks them) and whose
// alphabet has the letter writing (any language where writing is 0).
// LanguagesOf chooses by letter pairs alone, and a short line decides
// little: "LETRA ÃRABE
// FATHATAN", the Spanish name of an Arabic mark with Á's 0x81 dropped,
// has its letter pairs taken for French, whose words it has none of;
// Spanish prices it 8 bits cheaper than French as it stands, and 31 bits
// cheaper still as "LETRA ÁRABE FATHATAN". A caller that weighs readings
// of a line which differ in the letters that tell its language asks this
// of each reading. It returns (nil, 0) where sc has no language model
// that writes writing, or line has fewer than modelLetters letters of
// sc.
func CheapestLanguage(line string, sc Script, writing rune) (*Languages, float64) {
	if sc <= NoScript || sc >= numScripts || langScript[sc] == "" || !modelFor(line, sc) {
		return nil, 0
	}
	// The languages whose letter pairs read the line best, a few: the
	// words of the others are not priced. Pricing every language of
	// the script, runs of four letters and words, was a quarter of what
	// lines with lone leads cost the search.
	var (
		top   [cheapestCandidates]*langstats.Model
		means [cheapestCandidates]float64
		n     int
	)
	for _, m := range langstats.Models {
		if m.Script != langScript[sc] || writing != 0 && !m.Has(writing) {
			continue
		}
		logp, k := m.Score(line)
		if k == 0 {
			continue
		}
		mean := logp / float64(k)
		i := n
		if n < len(top) {
			n++
		} else if mean <= means[n-1] {
			continue
		} else {
			i = n - 1
		}
		for i > 0 && means[i-1] < mean {
			top[i], means[i] = top[i-1], means[i-1]
			i--
		}
		top[i], means[i] = m, mean
	}
	base := LanguagesOf(line)
	var best *Languages
	bestCost := math.Inf(1)
	// ChoiceCost's character model does not depend on the language.
	chars := CharCost(0, line, 0)
	for _, m := range top[:n] {
		l := &Languages{models: base.models, main: base.main, letters: base.letters}
		l.models[sc] = m
		c := chars + languageCostWeighted(line, l, choiceWords) + l.conventionCostIn(0, line, 0)
		if c < bestCost {
			if best != nil {
				best.Release()
			}
			best, bestCost = l, c
		} else {
			l.Release()
		}
	}
	base.Release()
	if best == nil {
		return nil, 0
	}
	return best, bestCost
}

// cheapestCandidates is how many languages CheapestLanguage prices in
// full.
const cheapestCandidates = 8

// modelLetters is how many characters of a script a text needs for
// LanguagesOf to choose that script's language from it.
const modelLetters = 12

// modelFor reports whether LanguagesOf(line) chooses a model for the
// script sc from line's letters: whether line has modelLetters
// characters of it. The count stops there, which a line of the script
// reaches in its first words.
func modelFor(line string, sc Script) bool {
	if langScript[sc] == "" {
		return false
	}
	n := 0
	for _, r := range line {
		if ClassOf(r).Script() == sc {
			if n++; n >= modelLetters {
				return true
			}
		}
	}
	return false
}

// LanguageGainMax bounds LanguageCost(orig, l) - LanguageCost(repl, l)
// from above, for l = LanguagesOf(line) (or any Languages that chooses
// as it does), where orig is a part of line, without choosing l: it needs neither a read of the whole line's
// letters nor their cache key. LanguageCostMax(orig) bounds the same
// difference, as the most any model prices orig, but a word that some
// model finds dear stays dear with an island read otherwise: the
// Russian "В связи" costs 10.8 bits under the Kazakh model, and "В"
// read through windows-1251 as a no-break space takes 2.2 of them off
// at most, under any one model.
//
// Why it bounds: languageCostWeighted prices each script apart. A
// script that orig does not write adds to orig's price nothing and to
// repl's no less than nothing. For a script that orig writes, where
// the line has modelLetters of its characters, LanguagesOf chose one
// model of the script for both texts, which is not nil: orig's letter
// of the script is in the line's key for it, and every model scores a
// letter (as one it knows, or as a foreign letter). The script's part
// of the difference is then its part under one of the script's models,
// the most of which bounds it. Elsewhere each text is priced by a
// model of its own letters, or by none: orig's part is at most the
// most a model prices it, and repl's at least nothing.
func LanguageGainMax(orig, repl, line string) float64 {
	var priced, fixed [numScripts]bool
	for _, r := range orig {
		if r < 0x80 && !(r|0x20 >= 'a' && r|0x20 <= 'z') {
			continue
		}
		sc := ClassOf(r).Script()
		if sc == NoScript || sc == CJK || sc == OtherScript {
			continue
		}
		priced[sc] = true
		if r < 0x80 || unicode.IsLetter(r) {
			fixed[sc] = true
		}
	}
	var total float64
	var a, b [256]byte
	for sc := Script(1); sc < numScripts; sc++ {
		if !priced[sc] {
			continue
		}
		ot := appendOnlyScript(a[:0], orig, sc)
		if fixed[sc] && modelFor(line, sc) {
			rt := appendOnlyScript(b[:0], repl, sc)
			if sameWords(ot, rt) {
				continue // the same words, at the same price under any model
			}
			most := math.Inf(-1)
			for _, m := range scriptModels[sc] {
				most = max(most, scriptCost(m, ot)-scriptCost(m, rt))
			}
			if len(scriptModels[sc]) > 0 {
				total += most
			}
			continue
		}
		most := 0.0
		for _, m := range scriptModels[sc] {
			most = max(most, scriptCost(m, ot))
		}
		total += most
	}
	return total
}

// scriptCost is what languageCostWeighted adds, at lmWeight, for text
// t, the letters of one script and spaces (see appendOnlyScript), under
// that script's model m.
func scriptCost(m *langstats.Model, t []byte) float64 {
	logp, n, unknown := m.ScoreKnown(unsafe.String(unsafe.SliceData(t), len(t)))
	var total float64
	for range unknown {
		total += foreignLetter
	}
	return total + lmWeight*min(max(0, -logp-lmBaseline*float64(n)), lmCap*float64(n))
}

// sameWords reports whether a and b, letters and spaces as
// appendOnlyScript writes them, are the same words: the same once runs
// of spaces are read as one and spaces at either end as none, which is
// how a model scores them (a space after a letter ends its word, and
// one after a space or at the start adds nothing).
func sameWords(a, b []byte) bool {
	for {
		for len(a) > 0 && a[0] == ' ' {
			a = a[1:]
		}
		for len(b) > 0 && b[0] == ' ' {
			b = b[1:]
		}
		if len(a) == 0 || len(b) == 0 {
			return len(a) == len(b)
		}
		i, j := bytes.IndexByte(a, ' '), bytes.IndexByte(b, ' ')
		if i < 0 {
			i = len(a)
		}
		if j < 0 {
			j = len(b)
		}
		if string(a[:i]) != string(b[:j]) {
			return false
		}
		a, b = a[i:], b[j:]
	}
}

// appendOnlyScript appends the letters of s of one script to buf, and a
// word boundary for everything else.
func appendOnlyScript(buf []byte, s string, sc Script) []byte {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r <= 0xDF && r >= 0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				r, size = (r&0x1F)<<6|rune(s[i+1]&0x3F), 2 // a two-byte letter, decoded in line (see charCost)
			} else {
				r, size = utf8x.DecodeAt(s, i)
			}
		}
		i += size
		if ClassOf(r).Script() == sc {
			buf = utf8.AppendRune(buf, r)
		} else {
			buf = append(buf, ' ')
		}
	}
	return buf
}

// CostWith is CostInContext with the language of each script taken from
// langs where it names one.
func CostWith(before rune, s string, after rune, langs *Languages) float64 {
	return CharCost(before, s, after) + languageCost(s, langs)
}

// lmBaseline is the cost per letter bigram, in bits, of ordinary words
// under their best language model; only the excess counts, so real words
// of any language cost nothing extra and mojibake ("Ð¿Ñ€Ð¸", "Ïðèâåò":
// 14–15 bits per bigram) pays for every unlikely pair.
const lmBaseline = 4.0

// lmCap bounds the excess cost per letter bigram.
const lmCap = 6.0

// lmWeight scales the language model against the character model: word
// lists make letter-bigram statistics noisy ("déjà" is rare in a French
// dictionary), so they inform rather than decide.
const lmWeight = 0.5

// foreignLetter is the extra cost of a letter outside the alphabet of
// the language its text is written in.
const foreignLetter = 4

// languageCost is the excess cost of the letters of s under the language
// models that explain them best, one model per alphabetic script. Han,
// kana and Hangul are priced by frequency instead, and letters of a script
// no model covers are left to the unigram costs.
func languageCost(s string, langs *Languages) float64 {
	if langs == nil {
		return languageCostOf(s, nil)
	}
	if c, ok := langs.memo[s]; ok {
		return c
	}
	c := languageCostOf(s, langs)
	langs.remember(s, c)
	return c
}

// remember keeps s's language cost c in l's memory of priced words.
func (l *Languages) remember(s string, c float64) {
	memoPut(&l.memo, &memoPool, s, c)
}

// memoPut keeps v under s in the memory *m, while it holds fewer than
// 4,096 entries. The map is made on first use: most clean lines price
// no word. A memory a released Languages gave back to pool is taken
// first (see memoRelease): a damaged line prices a hundred words or
// more, and a new map grew through every size up to that, line after
// line.
func memoPut[V any](m *map[string]V, pool *sync.Pool, s string, v V) {
	if len(*m) >= 4096 {
		return
	}
	if *m == nil {
		if got, ok := pool.Get().(map[string]V); ok {
			*m = got
		} else {
			*m = make(map[string]V)
		}
	}
	(*m)[s] = v
}

// memoRelease empties the memory *m and gives it back to pool, unless it
// grew beyond maxPooledMemo entries.
func memoRelease[V any](m *map[string]V, pool *sync.Pool) {
	got := *m
	if got == nil {
		return
	}
	*m = nil
	if len(got) > maxPooledMemo {
		return
	}
	clear(got)
	pool.Put(got)
}

// memoPool holds the emptied memories of released Languages.
var memoPool sync.Pool

// maxPooledMemo bounds the memories kept for reuse: one that grew to
// the cap costs more to clear and keep than it saves.
const maxPooledMemo = 1024

// Release gives l's memory of priced words back for another Languages
// to reuse, emptied; l forgets what it priced. A caller that will not
// price with l again calls it: the repair engine, when a window's search
// is done. The memory is only a cache, and l prices every text as before
// if it is used again.
func (l *Languages) Release() {
	memoRelease(&l.parts, &partsPool)
	memoRelease(&l.memo, &memoPool)
}

func languageCostOf(s string, langs *Languages) float64 {
	return languageCostWeighted(s, langs, lmWeight)
}

// ChoiceCost prices s for choosing among readings that differ only in a
// few letters (which byte was lost in "ÑÑ‚"): there the character model
// cannot tell them apart and the language model decides, at full weight,
// with how often running text writes each word (langstats'
// WordBonus: "с" and "я" are both "Ñ" once their second byte is lost)
// and the language's typographic conventions for dashes and quotes.
func ChoiceCost(before rune, s string, after rune, langs *Languages) float64 {
	return choiceCost(before, s, after, langs, choiceWords)
}

// choiceCost is ChoiceCost, with the word counts where how says so.
func choiceCost(before rune, s string, after rune, langs *Languages, how float64) float64 {
	return CharCost(before, s, after) + languageCostWeighted(s, langs, how) + langs.conventionCostIn(before, s, after)
}

// The negative weights of languageCostWeighted: the raw cost of choosing
// among readings, with or without the word counts.
const (
	choiceWords   = -1
	choiceLetters = -2
)

// LineChoiceCost is ChoiceCost(0, s, 0, langs) for choosing among whole
// readings of a line, with every general punctuation mark (U+2010–U+205E:
// dashes, quotes, daggers, bullets) charged what it costs between its
// neighbours beyond the likeliest mark there (see punctExcess): a mark
// where marks stand costs nothing more, a dagger where a quotation closes
// some 7 bits. Readings of a line
// through two pages may differ in a mark, not a letter: a German line read
// through windows-1252 with 0x9D dropped and through windows-1254 with
// 0xA0 made a space gives "“Höhepunkt” bemängeln" and "“Höhepunkt†
// bemängeln" at the same whole-line cost, and the German convention,
// which closes with “, would choose the dagger, which closes nothing.
func LineChoiceCost(s string, langs *Languages) float64 {
	var marks float64
	prev := rune(0)
	for i, r := range s {
		if r >= 0x2010 && r <= 0x205E {
			next := rune(0)
			if j := i + utf8.RuneLen(r); j < len(s) {
				next, _ = utf8.DecodeRuneInString(s[j:])
			}
			marks += punctExcess(prev, r, next)
		}
		prev = r
	}
	// Without the word counts: readings of a line through two pages
	// differ in more than a lost letter, and a word one of them writes
	// is no evidence where the other leaves a letter the next round
	// would make that word ("Ñ", undone later to "с", against the "С"
	// of a reading through windows-1251).
	return choiceCost(0, s, 0, langs, choiceLetters) + marks
}

// languageCostWeighted prices the letters of s under their language
// models. A positive weight scales the capped excess over lmBaseline; a
// negative one asks for the raw cost, which tells apart words that are
// all ordinary enough to have no excess ("пространств" and "проятранятв").
func languageCostWeighted(s string, langs *Languages, weight float64) float64 {
	var scripts [numScripts]bool
	// The scan gathers appendOnlyScript(s, sc) as it goes, for the
	// first two scripts of s, each after room for the script's name and
	// a zero byte, which make the key bestModelKey looks up: most words
	// are written in one script, and a line of Cyrillic or Greek with a
	// Latin name in it in two, and s need not be read and classified
	// again for each (the line of Ukrainian "readline використовує…",
	// which the page swaps price whole, was read three times). A text of
	// three scripts or more is read again for each.
	var arrA, arrB [256]byte
	a, b := arrA[:nameRoom], arrB[:0] // the first script's letters and the second's
	if len(s) > len(arrA)-nameRoom {
		// A line longer than the buffers on the stack (a Russian
		// sentence of 130 letters is 260 bytes) takes pooled ones: the
		// page swaps price a whole line of capitals and both its
		// readings here, and each grew two buffers of its own.
		bufs := longBufs.Get().(*[2][]byte)
		defer putLongBufs(bufs)
		bufs[0], bufs[1] = slices.Grow(bufs[0][:0], len(s)+nameRoom), slices.Grow(bufs[1][:0], len(s)+nameRoom)
		a, b = bufs[0][:nameRoom], bufs[1]
	}
	first, second, many := NoScript, NoScript, false
	rest := len(s) // where the second script begins
	for i, size := 0, 0; i < len(s); i += size {
		var r rune
		r, size = rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r <= 0xDF && r >= 0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				r, size = (r&0x1F)<<6|rune(s[i+1]&0x3F), 2 // a two-byte letter, decoded in line (see charCost)
			} else {
				r, size = utf8x.DecodeAt(s, i)
			}
		}
		if r < 0x80 && !(r|0x20 >= 'a' && r|0x20 <= 'z') {
			a = append(a, ' ')
			continue
		}
		sc := ClassOf(r).Script()
		if sc != NoScript && sc != CJK && sc != OtherScript {
			if first == NoScript {
				first = sc
				scripts[sc] = true
			} else if sc != first {
				rest = i
				break
			}
		}
		if sc == first && first != NoScript {
			a = utf8.AppendRune(a, r)
		} else {
			a = append(a, ' ')
		}
	}
	if first == NoScript {
		return 0
	}
	if rest < len(s) {
		// The second script's letters, after a space for each character
		// before its first.
		second = ClassOf(decodeFirst(s[rest:])).Script()
		scripts[second] = true
		b = appendSpaces(append(append(b, langScript[second]...), 0), utf8.RuneCountInString(s[:rest]))
		for i, r := range s[rest:] {
			sc := NoScript
			if r >= 0x80 || r|0x20 >= 'a' && r|0x20 <= 'z' {
				sc = ClassOf(r).Script()
				if sc != NoScript && sc != CJK && sc != OtherScript && sc != first && sc != second {
					// A third script: the rest is read for its scripts
					// alone, and each script's letters again below.
					many = true
					for _, r := range s[rest+i:] {
						if sc := ClassOf(r).Script(); sc != NoScript && sc != CJK && sc != OtherScript &&
							(r >= 0x80 || r|0x20 >= 'a' && r|0x20 <= 'z') {
							scripts[sc] = true
						}
					}
					break
				}
			}
			if sc == first {
				a = utf8.AppendRune(a, r)
			} else {
				a = append(a, ' ')
			}
			if sc == second {
				b = utf8.AppendRune(b, r)
			} else {
				b = append(b, ' ')
			}
		}
	}
	var total float64
	for sc := Script(1); sc < numScripts; sc++ {
		if !scripts[sc] {
			continue
		}
		// Only this script's letters; everything else is a word
		// boundary.
		at := len(langScript[sc]) + 1
		var key []byte
		switch {
		case many:
			key = appendOnlyScript(append(append(b[:0], langScript[sc]...), 0), s, sc)
		case sc == first:
			key = a[nameRoom-at:]
			copy(key, langScript[sc])
			key[at-1] = 0
		default:
			key = b
		}
		buf := key[at:]
		var m *langstats.Model
		if langs != nil {
			m = langs.models[sc]
		}
		if m == nil {
			m = bestModelKey(key, at)
		}
		if m == nil {
			continue
		}
		// Letters the language does not use pay a fixed foreignLetter
		// on top of their unigram cost, not the model's heavy penalty:
		// "Þórshöfn" in an English sentence is unusual, not mojibake, and
		// a repair must not win merely by removing such letters. Choosing
		// among readings (a negative weight) is another matter: there a
		// foreign letter must not undercut the language's own letters
		// because it drops out of the bigrams ("ÏLLAMI" is no likelier
		// Hungarian than "ÁLLAMI"), so the model prices it in full.
		//
		// buf is read in place: Score and RunBonus keep nothing of it,
		// and a copy of a whole line, which the lookahead prices, was an
		// allocation per script.
		text := unsafe.String(unsafe.SliceData(buf), len(buf))
		if weight >= 0 {
			// ScoreKnown reads each letter outside ASCII that the
			// language does not use as the word boundary a space in its
			// place would be, and counts them, in one pass.
			logp, n, unknown := m.ScoreKnown(text)
			for range unknown {
				total += foreignLetter
			}
			// The excess is capped per bigram: a word the model has
			// never seen ("Ôôô", an exclamation) is unusual, but no more
			// so than the symbols a wrong repair would put in its place.
			total += weight * min(max(0, -logp-lmBaseline*float64(n)), lmCap*float64(n))
			continue
		}
		// Choosing among readings, the runs of four letters the language
		// writes count too: the bigrams alone price "меняется" and
		// "менсется" alike.
		logp, _ := m.Score(text)
		total += -logp - m.RunBonus(text)
		if weight == choiceWords {
			total -= m.WordBonus(text)
		}
	}
	return total
}

// appendSpaces appends n spaces to buf.
func appendSpaces(buf []byte, n int) []byte {
	for range n {
		buf = append(buf, ' ')
	}
	return buf
}

// nameRoom is the room a key takes before its letters: a script's name
// and a zero byte.
const nameRoom = 16

// decodeFirst is the first rune of s.
func decodeFirst(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// longBufs holds the buffers languageCostWeighted reads a long text
// into.
var longBufs = sync.Pool{New: func() any { return new([2][]byte) }}

// putLongBufs gives bufs back to longBufs, unless a text of more than
// 64 KB grew them.
func putLongBufs(bufs *[2][]byte) {
	if cap(bufs[0]) <= 64<<10 && cap(bufs[1]) <= 64<<10 {
		longBufs.Put(bufs)
	}
}

// LanguageParts is what LanguageCost reads of a word in languages l,
// script by script, kept so that the word with an island replaced can be
// priced from it (see CostReplaced): the search prices a word as it
// stands and then each reading of each island in it, and on a line
// without spaces (Chinese in GBK shown as windows-1252) every island's
// word is a window of some fifty characters of which the reading
// changes one or two.
type LanguageParts struct {
	l       *Languages
	letters [numScripts]int32 // letters of each alphabetic script
	// The score of each script's letters under l's model for it, in the
	// model's units (see langstats' ScoreKnownUnits), where l has one.
	units, n, unknown [numScripts]int32
}

// alphabetic is the script of r where languageCostWeighted prices it,
// else NoScript.
func alphabetic(r rune) Script {
	if sc := ClassOf(r).Script(); sc != CJK && sc != OtherScript {
		return sc
	}
	return NoScript
}

// CostAndParts is LanguageCost(s, l), and what CostReplaced needs of s
// when l had not priced s before (ok); where l remembers the cost, the
// parts are left for Parts to work out if they are needed: the word's
// islands are most often refused on its cost alone.
func (l *Languages) CostAndParts(s string) (c float64, p LanguageParts, ok bool) {
	if c, ok := l.memo[s]; ok {
		return c, p, false
	}
	p = l.partsOf(s)
	c = l.costOf(&p, s, "", len(s), len(s))
	l.remember(s, c)
	return c, p, true
}

// Parts returns what CostReplaced needs of s. It remembers them as it
// remembers costs: where l remembers a word's cost, CostAndParts leaves
// the parts to this, and a line that repeats its words (1 MB of
// alternating scripts, a table) asked for the same word's parts at every
// island, which cost a quarter more time than pricing each reading whole
// from memory had.
func (l *Languages) Parts(s string) LanguageParts {
	if p, ok := l.parts[s]; ok {
		return p
	}
	p := l.partsOf(s)
	memoPut(&l.parts, &partsPool, s, p)
	return p
}

// partsPool holds the emptied part memories of released Languages.
var partsPool sync.Pool

// partsOf works out Parts(s).
func (l *Languages) partsOf(s string) LanguageParts {
	p := LanguageParts{l: l}
	for _, r := range s {
		p.letters[alphabetic(r)]++
	}
	var arr [256]byte
	for sc := Script(1); sc < numScripts; sc++ {
		if p.letters[sc] == 0 || l.models[sc] == nil {
			continue
		}
		only := appendOnlyScript(arr[:0], s, sc)
		u, n, unknown := l.models[sc].ScoreKnownUnits(unsafe.String(unsafe.SliceData(only), len(only)))
		p.units[sc], p.n[sc], p.unknown[sc] = int32(u), int32(n), int32(unknown)
	}
	return p
}

// CostReplaced is LanguageCost(s[:from]+cand+s[to:], l), for the s whose
// parts p are (see Parts), with l the languages p was worked out in.
//
// Why it is exact: languageCostWeighted scores, for each script, the
// text with every character outside the script made a space, left to
// right; what a character adds to the score depends on the character
// before it alone (a letter, a space, a letter outside the alphabet),
// and the sums are integers. So the score of the text with the island
// replaced is the word's less the score of the island with one
// character of context on each side, plus that of the reading in the
// same context: the context's first character is scored alike in both
// (after nothing), and everything after its last alike too. The figures
// are then combined in the order languageCostWeighted combines them.
func (l *Languages) CostReplaced(p *LanguageParts, s string, from, to int, cand string) float64 {
	if p.l != l {
		return languageCost(s[:from]+cand+s[to:], l)
	}
	q := *p
	for _, r := range s[from:to] {
		q.letters[alphabetic(r)]--
	}
	for _, r := range cand {
		q.letters[alphabetic(r)]++
	}
	before, after := "", ""
	if from > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:from])
		before = s[from-size : from]
	}
	if to < len(s) {
		_, size := utf8.DecodeRuneInString(s[to:])
		after = s[to : to+size]
	}
	for sc := Script(1); sc < numScripts; sc++ {
		m := l.models[sc]
		if q.letters[sc] == 0 || m == nil {
			continue
		}
		var arr [64]byte
		old := appendOnlyScript(appendOnlyScript(appendOnlyScript(arr[:0], before, sc), s[from:to], sc), after, sc)
		u, n, unknown := m.ScoreKnownUnits(unsafe.String(unsafe.SliceData(old), len(old)))
		q.units[sc] -= int32(u)
		q.n[sc] -= int32(n)
		q.unknown[sc] -= int32(unknown)
		repl := appendOnlyScript(appendOnlyScript(appendOnlyScript(arr[:0], before, sc), cand, sc), after, sc)
		u, n, unknown = m.ScoreKnownUnits(unsafe.String(unsafe.SliceData(repl), len(repl)))
		q.units[sc] += int32(u)
		q.n[sc] += int32(n)
		q.unknown[sc] += int32(unknown)
	}
	return l.costOf(&q, s, cand, from, to)
}

// costOf combines the parts p of the text s[:from]+cand+s[to:] into its
// language cost in l, as languageCostWeighted does at lmWeight. A script
// l has no model for is priced by the model of its letters there, read
// from the text (it needs the text's letters of the script to choose
// that model).
func (l *Languages) costOf(p *LanguageParts, s, cand string, from, to int) float64 {
	priced := false
	var total float64
	for sc := Script(1); sc < numScripts; sc++ {
		if p.letters[sc] == 0 {
			continue
		}
		priced = true
		m := l.models[sc]
		units, n, unknown := int(p.units[sc]), int(p.n[sc]), int(p.unknown[sc])
		if m == nil {
			var arr [256]byte
			key := append(append(arr[:0], langScript[sc]...), 0)
			at := len(key)
			key = appendOnlyScript(appendOnlyScript(appendOnlyScript(key, s[:from], sc), cand, sc), s[to:], sc)
			if m = bestModelKey(key, at); m == nil {
				continue
			}
			units, n, unknown = m.ScoreKnownUnits(unsafe.String(unsafe.SliceData(key[at:]), len(key)-at))
		}
		for range unknown {
			total += foreignLetter
		}
		logp := -float64(units) / langstats.CostScale
		total += lmWeight * min(max(0, -logp-lmBaseline*float64(n)), lmCap*float64(n))
	}
	if !priced {
		return 0
	}
	return total
}

// LanguageCostMax bounds LanguageCost(s, langs) from above, whatever
// langs is: for each script of s, the language cost under the model of
// that script that prices s highest. LanguageBound assumes the worst of
// every bigram, which for a word of ordinary letters is ten times too
// much; this bound needs no choice of languages, which reads a whole
// line, and lets the search refuse an island of correct text without
// making one.
func LanguageCostMax(s string) float64 {
	var scripts [numScripts]bool
	any := false
	for _, r := range s {
		if r < 0x80 && !(r|0x20 >= 'a' && r|0x20 <= 'z') {
			continue
		}
		if sc := ClassOf(r).Script(); sc != NoScript && sc != CJK && sc != OtherScript {
			scripts[sc], any = true, true
		}
	}
	if !any {
		return 0
	}
	var total float64
	var arr, tmp [256]byte
	for sc := Script(1); sc < numScripts; sc++ {
		if !scripts[sc] {
			continue
		}
		only := appendOnlyScript(arr[:0], s, sc)
		most := 0.0
		for _, m := range scriptModels[sc] {
			// As languageCostWeighted prices one script of s under m,
			// at lmWeight, on a copy: the foreign letters are blanked.
			buf := append(tmp[:0], only...)
			var cost float64
			for i := 0; i < len(buf); {
				if buf[i] < utf8.RuneSelf {
					i++
					continue
				}
				r, size := utf8.DecodeRune(buf[i:])
				if !m.Has(r) {
					cost += foreignLetter
					for j := i; j < i+size; j++ {
						buf[j] = ' '
					}
				}
				i += size
			}
			logp, n := m.Score(string(buf))
			cost += lmWeight * min(max(0, -logp-lmBaseline*float64(n)), lmCap*float64(n))
			most = max(most, cost)
		}
		total += most
	}
	return total
}

// scriptModels lists the language models of each script, for
// LanguageCostMax.
var scriptModels = func() (t [numScripts][]*langstats.Model) {
	for sc := Script(1); sc < numScripts; sc++ {
		for _, m := range langstats.Models {
			if langScript[sc] != "" && m.Script == langScript[sc] {
				t[sc] = append(t[sc], m)
			}
		}
	}
	return t
}()

// langScript names each script as package langstats does.
var langScript = [numScripts]string{
	Latin:        "Latin",
	Greek:        "Greek",
	Cyrillic:     "Cyrillic",
	HebrewScript: "Hebrew",
	ArabicScript: "Arabic",
	ThaiScript:   "Thai",
}

// LostCost returns the cost of r standing between before and after, for
// choosing a lost character: the cost of r with its transitions, plus
// how unusual r is in that punctuation context (see punctContext) and
// how likely as a symbol (see symbolContext).
//
// It leaves out the language model: a single character between two
// neighbours is no word, and the choice is refined in the whole word
// later (see ChoiceCost).
func LostCost(before, r, after rune) float64 {
	return charCostRune(before, r, after) + punctContext(before, r, after) + symbolContext(before, r, after)
}

// LostCostParts returns LostCost(before, r, after) and the part of it
// that is CharCost of r alone: ranking a lost byte's candidates needs
// both, and the character model need not price each one twice.
func LostCostParts(before, r, after rune) (lost, chars float64) {
	chars = charCostRune(before, r, after)
	return chars + punctContext(before, r, after) + symbolContext(before, r, after), chars
}

// LostCostClosing is LostCostParts for a mark r where the quotation
// opened by open is still open. A mark that closes it is priced where
// it stands as the closing mark it acts as: German closes „ with “
// ("„ODER“"), and “ after a word, before a space, where an opening “
// never stands, is as likely there as ” is in English. Which of the two
// the line's language writes is the convention's to say (see ChoiceCost).
func LostCostClosing(before, r, open, after rune) (lost, chars float64) {
	chars = charCostRune(before, r, after)
	role := r
	switch {
	case open == '„' && r == '“':
		role = '”'
	case open == '‚' && r == '‘':
		role = '’'
	}
	lost = chars + punctContext(before, role, after) + symbolContext(before, r, after)
	if (after == 0 || after == '\n') && Opens(role) && !(open != 0 && Closes(open, r)) {
		// An opening mark at the end of a line opens nothing: "It
		// allows [E2 80 ?]" at a line's end is no "It allows “". The
		// character model prices “ before the end as before a space,
		// where it ends a quotation as often as it opens one. (A mark
		// that closes the open quotation is no opening one: German
		// "»…«".)
		lost += openAtEndBits
	}
	return lost, chars
}

// openAtEndBits is what an opening quotation mark or bracket costs at the
// end of a line, where no text follows for it to open.
const openAtEndBits = 6.0

// charCostRune is CharCost(before, string(r), after), worked out for the
// one rune: a lost byte's every candidate is priced so, and a text of one
// rune has no run of capitals to look back on.
func charCostRune(before, r, after rune) float64 {
	prev, next := Space, Space
	if before > 0 {
		prev = ClassOf(before)
	}
	if after > 0 && after != utf8.RuneError {
		next = ClassOf(after)
	}
	if !utf8.ValidRune(r) {
		r = utf8.RuneError // as string(r) reads back
	}
	return charCostClasses(prev, before, ClassOf(r), r, next, after)
}

// charCostClasses is charCostRune(before, r, after) for a valid r of
// class c, with the classes of its neighbours as charCostRune reads them
// (prev and next): SwapBound prices two runes between the same
// neighbours, and looks each class up once.
func charCostClasses(prev Class, before rune, c Class, r rune, next Class, after rune) float64 {
	return classCost(r, c) + transitionRunes(prev, before, c, r) + transitionRunes(c, r, next, after)
}

// SwapBound bounds from above CharCost(before, x, after) minus
// CharCost(before, y, after), where y is the text x with one rune r
// replaced by c, and prev and next are the runes beside r as the cost
// sees them: x's own, or before where r begins x and after where r ends
// it (0 for none). Neither may be U+FFFD, nor a NUL inside x: CharCost
// reads those differently as a neighbour and as before or after. The
// bound is worked out on r, c and their neighbours alone, whatever the
// rest of x is; the search asks it of an island of one character, for
// every double-byte page of every correct line with a hanzi in it.
//
// Why: charCost adds for each rune its unigram, the transition from the
// rune before, and a charge of smallCapsCharge for a small letter among
// capitals (see charCost), which looks at the rune and the three before
// it. Only the unigram of r, the transitions into and out of it, and the
// charges at r and the three runes after it (or the one after the text,
// where r is one of its last three) differ: charCostRune prices the
// first three, and a charge of x that y does not also pay can only be
// one whose condition r meets and c does not. Where r and c are alike in
// case (IsUpper, IsLowerCase, smallInCapitals), every charge is paid
// alike. Otherwise each charge that reads r is counted as x's, when its
// condition holds of prev, r and next: at r, a small letter before it
// and r no small one; at the rune after r, r small after a capital; two
// after, next small after r a capital; three after, next and r capitals.
// The sums are taken in another order than CharCost's, which swapBoundSlack
// covers.
func SwapBound(prev, r, c, next rune) float64 {
	// The classes are looked up once, each where charCostRune would
	// look it up: the search asks the bound of every lone island, and
	// the lookups were most of its price.
	p, n := Space, Space
	if prev > 0 {
		p = ClassOf(prev)
	}
	if next > 0 && next != utf8.RuneError {
		n = ClassOf(next)
	}
	cr, cc := ClassOf(r), ClassOf(c)
	costR, costC := r, c // as string(r) and string(c) read back
	crCost, ccCost := cr, cc
	if !utf8.ValidRune(r) {
		costR = utf8.RuneError
		crCost = ClassOf(costR)
	}
	if !utf8.ValidRune(c) {
		costC = utf8.RuneError
		ccCost = ClassOf(costC)
	}
	bound := charCostClasses(p, prev, crCost, costR, n, next) - charCostClasses(p, prev, ccCost, costC, n, next) + swapBoundSlack
	bound += capitalsRunBound(p, cr, cc, n)
	if cr.IsUpper() == cc.IsUpper() && cr.IsLowerCase() == cc.IsLowerCase() && smallInCapitals(cr) == smallInCapitals(cc) {
		return bound
	}
	if next == utf8.RuneError {
		n = ClassOf(next) // the charges read it as it is
	}
	if smallInCapitals(p) && !cr.IsLowerCase() {
		bound += smallCapsCharge
	}
	if smallInCapitals(cr) && p.IsUpper() {
		bound += smallCapsCharge
	}
	if smallInCapitals(n) && cr.IsUpper() {
		bound += smallCapsCharge
	}
	if cr.IsUpper() && n.IsUpper() {
		bound += smallCapsCharge
	}
	return bound
}

// capitalsRunBound is what y may save over x in capitalsRunDiscount
// when x's rune of class r becomes one of class c between runes of
// classes p and n (see SwapBound): the discount at c itself, where c
// takes it and r does not, after p and the capital before it; and, where
// c is a capital and r is not, the discount at the rune after (p, c
// capitals) and at the one after that (c, n capitals).
func capitalsRunBound(p, r, c, n Class) float64 {
	var bound float64
	if discountedCapital(c) && !discountedCapital(r) && p.IsUpper() {
		bound += capitalsRunDiscount
	}
	if c.IsUpper() && !r.IsUpper() {
		if p.IsUpper() && discountedCapital(n) {
			bound += capitalsRunDiscount
		}
		if n.IsUpper() {
			bound += capitalsRunDiscount
		}
	}
	return bound
}

// swapBoundSlack covers the rounding by which SwapBound, summed in
// another order than CharCost, may fall short of the difference it
// bounds.
const swapBoundSlack = 1e-9

// transitionRunes is the transition from a to b, classes of the runes ra
// and rb, as charCost prices it. It is inlined, and reads the table
// where no rule of transitionSpecial can apply, as between most letters
// ("é" after "f"): charCost prices every character of every candidate,
// and a call per character cost LatinMojibake some 5%. (The test of one
// table entry keeps it within the inliner's budget, where the four
// comparisons of the classes did not.)
func transitionRunes(a Class, ra rune, b Class, rb rune) float64 {
	if t := plainTransitions[a][b]; t == t {
		return t
	}
	return transitionSpecial(a, ra, b, rb)
}

// plainTransitions is transitions where no rule of transitionSpecial can
// apply (neither class is NBSP, a is no Box and no Hebrew, which the
// maqaf is, b no Combining, and not a digit or a space then a Latin-1
// symbol, which the degree sign and "¡" are), and NaN,
// which equals nothing, where one may.
var plainTransitions = func() (t [numClasses][numClasses]float64) {
	for a := range Class(numClasses) {
		for b := range Class(numClasses) {
			t[a][b] = transitions[a][b]
			if a == Box || a == NBSP || a == Hebrew || b == Combining || b == NBSP || (a == Digit || a == Space) && b == LatinSymbol {
				t[a][b] = math.NaN()
			}
		}
	}
	return t
}()

// transitionSpecial is transitionRunes with the rules that read the runes
// themselves.
func transitionSpecial(a Class, ra rune, b Class, rb rune) float64 {
	if a == Box && b == Box && !boxesJoin(ra, rb) {
		return disjointBoxes
	}
	if b == Combining && a.Script() == CJK && rb != 0x3099 && rb != 0x309A {
		// A mark on a hanzi, kana or Hangul is noise, as one on no
		// letter is, save the voiced sound marks of decomposed Japanese
		// (か + U+3099 for が). Half-width "ﾌｧ" read as UTF-8 through
		// Shift_JIS is CC A7, a combining cedilla.
		return combiningOnCJK
	}
	if b == Combining && arabicHaraka(rb) && a.Script() != ArabicScript && !(a == Combining && arabicHaraka(ra)) {
		// A haraka on no Arabic letter is as rare as the marks no
		// language spells with: Latin-1 "ó" is F3, the fatha of
		// windows-1256.
		return transitions[a][b] + rareLetter - unigram[Combining]
	}
	if b == Combining && hebrewPoint(rb) && a.Script() != HebrewScript && !(a == Combining && hebrewPoint(ra)) {
		// So too a Hebrew point on no Hebrew letter: Latin-1 "é" is
		// C3 A9 in UTF-8, and windows-1255 reads C3 as hataf qamats.
		return transitions[a][b] + rareLetter - unigram[Combining]
	}
	if b == Combining && (rb == shinDot || rb == sinDot) && a == Hebrew && ra != 'ש' {
		// The shin and sin dots tell ש's two sounds apart, and stand on
		// no other letter: "ויציאה" with the 0x90 of א (D7 90) dropped
		// by windows-1252 is not "ויציׁה", a shin dot (D7 81) on י.
		return transitions[a][b] + rareLetter - unigram[Combining]
	}
	if ra == maqaf && b.IsLetter() && b.Script() != HebrewScript {
		// Hebrew joins a prefix to a foreign word with a maqaf, its
		// hyphen ("ל־libpam"): after it a word of another script begins
		// as it does after "-". Before it stands the Hebrew prefix, and a
		// maqaf after a Latin letter is still a Hebrew character glued
		// to a Latin word (Korean "ÁÖ¾î" read as UTF-8 is "Á־î").
		return transitions[Punct][b]
	}
	if a == NBSP && strings.ContainsRune(typographicAfterNBSP, rb) || ra == '«' && b == NBSP || a == Digit && b == NBSP {
		// Where French typography puts a no-break space (before ; : ! ?
		// % » € and after «), it is as ordinary as the space it stands
		// for, and pays back the symbol's transition into it. Without
		// that, "NIE PALIĆ\u00a0! NIE PIĆ\u00a0!" in capitals read
		// through windows-1250 was C6 A0 twice, two "Ơ" cheaper than
		// "Ć" and its space. So too after a digit, between a number
		// and its unit or its thousands ("5\u00a0Go", "10\u00a0000"):
		// "5Â Go" was cheaper than the no-break space it stood for.
		return nbspTypography
	}
	if a == Space && b == LatinSymbol && (rb == '¡' || rb == '¿') {
		// Spanish opens an exclamation with "¡" and a question with
		// "¿": after a space (or at the start of a line) they are the
		// punctuation they are, not the symbols of the class, which
		// mojibake scatters inside words ("Ã¡" is á read through
		// windows-1252, "Â¿" ¿). "¡Listo!" read through Mac Roman is
		// "¬°Listo!", and the sign cost as much as the two symbols it
		// stood for.
		return invertedMarkOpens
	}
	if a == Digit && b == LatinSymbol && rb == '°' {
		// The degree sign follows a number: CLDR's data writes "°"
		// after a digit 1,579 times and before one 8. After a number it
		// is as ordinary as the digits were, where another Latin-1
		// symbol glued to a number is the trace of a sign read
		// wrong; "38°" through EUC-KR is "38째", whose Hangul costs
		// less than the symbol.
		return degreeAfterDigit
	}
	return transitions[a][b]
}

// degreeAfterDigit is the transition from a digit to the degree sign.
const degreeAfterDigit = 0

// invertedMarkOpens is the transition from a space to "¡" or "¿": it
// pays back what the unigram of a Latin-1 symbol (10 bits) asks beyond
// that of punctuation (5).
const invertedMarkOpens = -5

// maqaf is the Hebrew hyphen, U+05BE.
const maqaf = '\u05BE'

// typographicAfterNBSP are the marks French typography puts a no-break
// space before.
const typographicAfterNBSP = ";:!?%»€"

// nbspTypography is the transition between a no-break space and the mark
// it stands beside by typography: the wordish-to-symbol transition into
// it, returned.
const nbspTypography = -3

// combiningOnCJK is the transition to a combining mark from a Han, kana
// or Hangul character: transition's price for a mark after no letter.
const combiningOnCJK = 8

// LanguageCost is the language model's part of CostWith: CostWith(b, s,
// a, langs) == CharCost(b, s, a) + LanguageCost(s, langs).
func LanguageCost(s string, langs *Languages) float64 { return languageCost(s, langs) }

// CharCost is CostWith without the language model: the unigram and
// transition costs of s between before and after.
func CharCost(before rune, s string, after rune) float64 {
	prev, next := Space, Space
	if before > 0 {
		prev = ClassOf(before)
	}
	if after > 0 && after != utf8.RuneError {
		next = ClassOf(after)
	}
	return charCost(prev, before, s, next, after)
}

// LanguageBound is the most the language model can add to the cost of s
// (CostWith minus CharCost): the capped, weighted excess and the foreign
// letter charge, for every letter of an alphabetic script.
func LanguageBound(s string) float64 {
	n := 0
	for _, r := range s {
		if sc := ClassOf(r).Script(); sc != NoScript && sc != CJK && sc != OtherScript {
			n++
		}
	}
	return LanguageBoundLetters(n)
}

// LanguageBoundLetters is LanguageBound of a text with n letters of
// alphabetic scripts (not hanzi, kana or Hangul): for a caller that
// counts them in a pass of its own over the text.
func LanguageBoundLetters(n int) float64 {
	// n letters make at most 2n bigrams with word boundaries (when
	// every letter stands alone).
	return float64(2*n)*lmWeight*lmCap + float64(n)*foreignLetter
}

// bestCache remembers langstats.Best by text: the search prices the same
// words under many hypotheses and rounds, and choosing a language scores
// every model of the script. It is shared by all goroutines (moji fix -j
// runs one engine per core), so lookups take no lock, and it is emptied
// when it grows past bestCacheSize, which bounds its memory.
var (
	bestCache      sync.Map // script + "\x00" + text → *langstats.Model
	bestCacheCount atomic.Int64
)

const bestCacheSize = 1 << 14

func bestModel(s, script string) *langstats.Model {
	var buf [256]byte
	key := append(append(buf[:0], script...), 0)
	return bestModelKey(append(key, s...), len(key))
}

// bestModelKey is bestModel for a key already built: the script's name, a
// zero byte, and the text from textAt on. A hit, the common case, looks
// the bytes up in place; only a miss copies them into a string to keep.
func bestModelKey(key []byte, textAt int) *langstats.Model {
	// The string aliases key only for the lookup, which keeps nothing.
	if m, ok := bestCache.Load(unsafe.String(unsafe.SliceData(key), len(key))); ok {
		return m.(*langstats.Model)
	}
	k := string(key)
	m, _ := langstats.Best(k[textAt:], k[:textAt-1])
	if bestCacheCount.Add(1) > bestCacheSize {
		bestCache.Clear()
		bestCacheCount.Store(0)
	}
	bestCache.Store(k, m)
	return m
}

// LeavesAlphabet reports whether orig is letters that some language
// writes side by side ("ÅØ": Danish and Norwegian) and no such language
// writes the letters of repl ("Ũ"). UTF-8 read through a single-byte
// page makes pairs of a lead letter and a symbol or a letter of another
// alphabet ("Ã©", "ÅŸ"); pairs that stay inside the alphabet are letters
// of the language of the repair ("РІ" for "в" in Ukrainian, "ÄŤ" for "č"
// in Slovak).
func LeavesAlphabet(orig, repl string) bool {
	if !nonASCIILetters(orig) {
		return false // most islands hold a symbol: "Ã©", "â€™"
	}
	if romanized(repl) {
		// Hepburn's macron letters are written in the text of any
		// language that names a Japanese place or person: "è‰‘shima"
		// is Ō read through GBK and then windows-1252.
		return false
	}
	spelled := false
	for _, m := range langstats.Models {
		if !spells(m, orig) {
			continue
		}
		if nonASCIILetters(repl) && spells(m, repl) {
			return false
		}
		spelled = true
	}
	return spelled
}

// romanized reports whether s is one or more of the macron letters of
// Hepburn romanization (see knownLetter), which no model's alphabet has.
func romanized(s string) bool {
	for _, r := range s {
		if r >= 0x500 || alphabets[r] != 1<<hepburnBit {
			return false
		}
	}
	return s != ""
}

// nonASCIILetters reports whether s is one or more letters, none ASCII.
func nonASCIILetters(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf || !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// spells reports whether m's alphabet has every character of s.
func spells(m *langstats.Model, s string) bool {
	for _, r := range s {
		if !m.Has(r) {
			return false
		}
	}
	return true
}

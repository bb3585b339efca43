package repair

import (
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/width"

	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/plausible"
	"github.com/mojitext/moji/internal/utf8x"
)

// legacyHypothesis is "text in a legacy charset, decoded with w":
// Chinese GBK shown as windows-1252 ("ÄãºÃ" for "你好"), Russian cp1251
// shown as KOI8-R. Most legacy pages accept almost any bytes, so here
// validity is weak evidence and the plausibility model decides.
type legacyHypothesis struct {
	wrong *wrongDecoder
	truth codec.Charset
	// script is what the true charset was made to write: a decoding
	// that does not produce it explains nothing (cp1256 has é and è
	// where Latin-1 has them, so "présence" decodes to itself in it).
	script plausible.Script
	// swap marks the two Russian pages read as each other, which keep
	// the script and invert the case of most letters.
	swap bool
	// hanBits is what each Han character of a reading costs beyond its
	// price as a hanzi, where the true charset's language writes few
	// (see hanjaBits).
	hanBits float64
	// single is what each byte decodes to in the true charset, where it
	// and the wrong page are single-byte (see readSingle), or nil.
	single *[256]singleRead
}

// singleRead is a byte of a single-byte true charset: the rune it
// decodes to, whether it decodes, whether the rune is a letter of the
// script the charset writes, and whether it is a mark that script puts
// on its letters (see scriptMark).
type singleRead struct {
	r                   rune
	valid, native, mark bool
}

// scriptMark reports whether r is a combining mark that the script sc
// writes on its letters: the Hebrew points and the Arabic harakat. A
// pointed Hebrew word is as many points as letters ("כָּל"), and counted
// as characters that are no letters they made the reading of pointed
// Hebrew through windows-1255 look like no Hebrew at all.
func scriptMark(r rune, sc plausible.Script) bool {
	switch sc {
	case plausible.HebrewScript:
		return r >= 0x0591 && r <= 0x05C7 && unicode.Is(unicode.Mn, r)
	case plausible.ArabicScript:
		return (r >= 0x064B && r <= 0x065F || r == 0x0670) && unicode.Is(unicode.Mn, r)
	}
	return false
}

// withSingle fills h.single where h reads through single-byte pages.
func (h legacyHypothesis) withSingle() legacyHypothesis {
	truth, ok := h.truth.(*codec.SingleByte)
	if !ok || h.wrong.sb == nil {
		return h
	}
	h.single = new([256]singleRead)
	for c := range 256 {
		r, size, valid := truth.Decode([]byte{byte(c)})
		h.single[c] = singleRead{r: r, valid: valid && size > 0, native: plausible.ClassOf(r).Script() == h.script, mark: scriptMark(r, h.script)}
	}
	return h
}

// hanPrice is hanBits for each true charset whose language writes few
// Han characters.
var hanPrice = map[string]float64{"cp949": hanjaBits}

// nativeScript is the script each legacy charset exists to write.
var nativeScript = map[string]plausible.Script{
	"gbk": plausible.CJK, "cp950": plausible.CJK, "cp932": plausible.CJK, "cp949": plausible.CJK, "euc-jp": plausible.CJK,
	"windows-1251": plausible.Cyrillic, "koi8-r": plausible.Cyrillic,
	"windows-1253": plausible.Greek, "windows-1255": plausible.HebrewScript, "windows-1256": plausible.ArabicScript,
}

var legacyHypotheses = func() []legacyHypothesis {
	var hs []legacyHypothesis
	truths := []string{"gbk", "cp950", "cp932", "cp949", "euc-jp", "windows-1251", "koi8-r", "windows-1253", "windows-1255", "windows-1256"}
	for _, wn := range []string{"sloppy-windows-1252", "iso-8859-1"} {
		w := newWrong(wn)
		for _, tn := range truths {
			hs = append(hs, legacyHypothesis{wrong: w, truth: mustCharset(tn), script: nativeScript[tn], hanBits: hanPrice[tn]}.withSingle())
		}
	}
	// The two Russian code pages read as each other.
	hs = append(hs,
		legacyHypothesis{wrong: newWrong("koi8-r"), truth: mustCharset("windows-1251"), script: plausible.Cyrillic, swap: true}.withSingle(),
		legacyHypothesis{wrong: newWrong("sloppy-windows-1251"), truth: mustCharset("koi8-r"), script: plausible.Cyrillic, swap: true}.withSingle(),
	)
	return hs
}()

// maxLegacy bounds len(legacyHypotheses).
const maxLegacy = 32

func init() {
	if len(legacyHypotheses) > maxLegacy {
		panic("repair: more legacy hypotheses than maxLegacy")
	}
}

// legacyTwins holds, for each legacy hypothesis, the index of an earlier
// one with the same true charset whose wrong page encodes every character
// both pages have to the same byte, or -1. Where both pages cover a text,
// the two read it alike, byte for byte: "ÄãºÃ" is C4 E3 BA C3 through
// windows-1252 and Latin-1, and "你好" in GBK either way.
var legacyTwins = func() []int {
	twins := make([]int, len(legacyHypotheses))
	for i, h := range legacyHypotheses {
		twins[i] = -1
		for j, e := range legacyHypotheses[:i] {
			if !h.swap && !e.swap && h.truth == e.truth && h.script == e.script &&
				h.wrong.sb != nil && e.wrong.sb != nil && pagesAgree(h.wrong.sb, e.wrong.sb) {
				twins[i] = j
				break
			}
		}
	}
	return twins
}()

// pagesAgree reports whether every character that both pages encode is
// encoded to the same byte by each.
func pagesAgree(a, b *codec.SingleByte) bool {
	for _, p := range [2][2]*codec.SingleByte{{a, b}, {b, a}} {
		for c := 0; c < 256; c++ {
			r, ok := p[0].DecodeByte(byte(c))
			if !ok {
				continue
			}
			x, okx := p[0].EncodeRune(r)
			y, oky := p[1].EncodeRune(r)
			if okx && oky && x != y {
				return false
			}
		}
	}
	return true
}

// undoLegacyAll tries every legacy hypothesis on s and appends the
// outcomes to found, in the order of legacyHypotheses. A hypothesis whose twin
// (see legacyTwins) covers s too takes the twin's outcome under its own
// name: the readings are the same text at the same gain, and pricing a
// whole line's reading twice was a tenth of the work on damaged lines.
func undoLegacyAll(sc *scratch, s string, opt Options, found []*outcome) []*outcome {
	if legacyScreened && sc.screenFor(s).covers&legacyPages == 0 {
		// No page of a legacy reading covers s, and each would refuse
		// it at once (see undoLegacy): most lines that reach the search
		// are a language's own letters, which no run of three read
		// through windows-1252 or KOI8-R explains, and asking each of
		// the readings in turn was a third of the search on such a line.
		return found
	}
	var outsBuf [maxLegacy]*outcome // on the stack: most lines have no legacy reading
	outs := outsBuf[:len(legacyHypotheses)]
	// covered holds the pages that cover s, when the screen knows them
	// all: a reading through another page is refused at once (see
	// undoLegacy), and is not asked.
	covered := ^pageSet(0)
	if legacyScreened {
		covered = sc.screenFor(s).covers
	}
	for i, h := range legacyHypotheses {
		if h.wrong.page >= 0 && covered&(1<<h.wrong.page) == 0 {
			continue
		}
		var o *outcome
		if j := legacyTwins[i]; j >= 0 && sc.covers(s, h.wrong) && sc.covers(s, legacyHypotheses[j].wrong) {
			if twin := outs[j]; twin != nil {
				c := *twin
				c.layer.WrongDecoder = h.wrong.name()
				o = &c
			}
		} else {
			o = undoLegacy(sc, s, h, opt, true)
		}
		if o != nil {
			outs[i] = o
			found = append(found, o)
		}
	}
	return found
}

// covers reports, without allocating, whether w can have produced every
// character of s and s has a run of three non-ASCII characters, as text
// in a legacy charset shown through a Latin page has: every hanzi is two
// such characters, every Cyrillic word a run of them ("Ïðèâåò"), while
// French or Portuguese rarely has more than two accented letters in a
// row ("ção").
func (w *wrongDecoder) covers(s string) bool {
	run, longest := 0, 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			run = 0
			continue
		}
		if w.sb != nil {
			if _, ok := w.sb.EncodeRune(r); !ok {
				return false
			}
		}
		run++
		longest = max(longest, run)
	}
	return longest >= 3
}

// caseInverted is the quick test for the Russian page swaps: KOI8-R and
// cp1251 put the two cases of each letter in swapped halves, so one read
// as the other turns "Данный файл" into "дБООЩК ЖБКМ": a small letter
// before a capital inside a word, or capitals for most letters, or (from
// text in capitals) no capital at all. Correct Russian, which capitalizes
// its sentences, has none of these, and skips the work.
func caseInverted(s string) bool {
	upper, lower := 0, 0
	prevLower := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// No ASCII character is Cyrillic; each ends a word's run,
			// and the rest of the run is stepped over eight bytes at a
			// time (see screenValid): the spaces, digits and Latin
			// words of a Cyrillic line were read byte by byte.
			prevLower = false
			for i++; i+8 <= len(s); i += 8 {
				if m := le64(s[i:i+8]) & 0x8080808080808080; m != 0 {
					i += bits.TrailingZeros64(m) >> 3
					break
				}
			}
			for i < len(s) && s[i] < utf8.RuneSelf {
				i++
			}
			continue
		}
		var k cyrCase
		if c >= 0xD0 && c <= 0xD3 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// U+0400–U+04FF, the Cyrillic block, from a table by its
			// two bytes: every rune of every Cyrillic line that reaches
			// the page swaps is read here.
			k = cyrillicCase[int(c&3)<<6|int(s[i+1]&0x3F)]
			i += 2
		} else {
			r, size := utf8x.DecodeAt(s, i)
			i += size
			switch plausible.ClassOf(r) {
			case plausible.CyrillicUpper:
				k = cyrUpper
			case plausible.CyrillicLower:
				k = cyrLower
			}
		}
		if k == cyrUpper {
			if prevLower {
				return true
			}
			upper++
		}
		lower += int(k & cyrLower)
		prevLower = k == cyrLower
	}
	return upper > lower || upper == 0 && lower >= 8
}

// cyrCase is a rune's Cyrillic case as caseInverted reads it: a small
// letter, a capital, or neither (0).
type cyrCase uint8

const (
	cyrLower cyrCase = 1 << iota
	cyrUpper
)

// cyrillicCase is the cyrCase of U+0400–U+04FF, from plausible.ClassOf.
var cyrillicCase = func() (t [0x100]cyrCase) {
	for k := range t {
		switch plausible.ClassOf(rune(0x400 + k)) {
		case plausible.CyrillicUpper:
			t[k] = cyrUpper
		case plausible.CyrillicLower:
			t[k] = cyrLower
		}
	}
	return t
}()

// caseInverted is caseInverted(s), computed once for both page swaps:
// KOI8-R and windows-1251 both cover every Cyrillic line, and correct
// Russian would otherwise be read for its cases twice.
func (sc *scratch) caseInverted(s string) bool {
	if !sc.invertedValid || sc.invertedOf != s {
		sc.inverted, sc.invertedOf, sc.invertedValid = caseInverted(s), s, true
	}
	return sc.inverted
}

// legacyMargin is higher than margin: a legacy page decodes nearly any
// byte string, so only a clear gain in plausibility counts.
const legacyMargin = 12.0

// legacyMarginFor raises the margin for short texts: three accented
// letters ("Ôôô") read as cp1251 make a Cyrillic word too, and principle
// one is to leave short, ambiguous strings alone.
func legacyMarginFor(chars int) float64 {
	return legacyMargin + 6*float64(max(0, 6-chars))
}

// undoLegacy tries a legacy hypothesis on s. A legacy charset explains
// a whole text, not islands of it: every non-ASCII character must be
// something w can produce, every run of them must decode in the true
// charset, and the decoding must be written mostly in the charset's own script. Only then does the
// plausibility model compare the text before and after, as a whole.
func undoLegacy(sc *scratch, s string, h legacyHypothesis, opt Options, decide bool) *outcome {
	if !sc.covers(s, h.wrong) || h.swap && !sc.caseInverted(s) {
		return nil
	}
	var (
		runs           []legacyRun
		dec            []byte // every run's decoding, one after another
		letters, total int
		longest        int // longest run of native letters
		ok             bool
	)
	if h.single != nil {
		runs, dec, letters, total, longest, ok = h.readSingle(sc, s)
	} else {
		runs, dec, letters, total, longest, ok = h.read(sc, s)
	}
	if !ok {
		return nil
	}
	sc.dec, sc.runs = dec[:0], runs[:0]
	// Real text in the charset has words: isolated letters ("Â, Ê, Î"
	// read as cp1256 gives five lone Arabic letters; a table's "│" read
	// as KOI8-R gives a lone "Ѓ") are no evidence.
	if len(runs) == 0 || decide && (letters*10 < total*7 || longest < 2) {
		return nil
	}
	// The reading is assembled in scratch space and read, up to the
	// bound below, through a string that shares it, as undoUTF8 reads
	// an island's candidate: most readings fall short of the bound (the
	// page swaps read every lowercase Cyrillic line), and a string made
	// for each was most of what a correct line that reaches them
	// allocated. A reading that passes the bound is copied into a
	// string of its own before anything may keep it.
	sc.legacyOut = appendRuns(sc.legacyOut[:0], s, runs, dec)
	view := unsafe.String(unsafe.SliceData(sc.legacyOut), len(sc.legacyOut))
	if view == s {
		return nil
	}
	// The language model only adds cost, so the character model alone
	// bounds the gain from above; most readings fall short of the margin
	// on that bound and are not priced further.
	whole := sc.wholeCost(s)
	chars := plausible.CharCost(0, pricedAs(view), 0)
	if decide && h.swap && whole-chars > 0 && whole-chars < legacyMarginFor(total) {
		// Both readings of a page swap are Cyrillic letters, and the
		// character model sees little between a line of capitals and
		// one of small letters: the words tell them apart (see
		// swapChoiceGain).
		if g := sc.swapChoiceGain(s, view); g >= swapMargin {
			return &outcome{text: string(sc.legacyOut), gain: g, layer: Layer{
				WrongDecoder: h.wrong.name(),
				TrueCharset:  h.truth.Name(),
			}}
		}
		return nil
	}
	if decide && (whole-chars < legacyMarginFor(total) || kanaInsideLatinWord(view)) {
		// (Katakana inside Latin words is asked second: it refuses only
		// Shift_JIS readings, and the bound refuses most readings of
		// every page, the Russian page swaps on every lowercase line.)
		return nil
	}
	priced := pricedAs(view) // chars is its price: the same text
	// plausible.Cost(view), whose character model is chars: a reading
	// that passes the bound is a whole line, not read twice. The view
	// is priced too: the language model keeps nothing of a text it
	// prices without languages, and a line of capitals, whose readings
	// through the page swaps pass the bound and fall short here, made
	// a string of each.
	gain := whole - (chars + plausible.LanguageCost(priced, nil))
	if h.hanBits > 0 {
		gain -= h.hanBits * float64(hanCount(dec))
	}
	if japaneseCharset[h.truth.Name()] && kanaLess(dec) {
		gain -= kanaLessBits
	}
	if decide && gain < legacyMarginFor(total) {
		return nil
	}
	out := string(sc.legacyOut)
	kept := ""
	if decide {
		if k := keptRuns(s, runs, dec, h.swap); len(k) < len(runs) {
			// Some words read as strangers through the legacy charset:
			// the line joins text written correctly to text in the
			// legacy charset, and the reading, once chosen, is undone
			// in the latter alone (see outcome.kept), where that still
			// clears the margin; where the words left as they stand
			// held the evidence, the reading stands whole.
			if o := assembleRuns(s, k, dec); whole-plausible.Cost(o) >= legacyMarginFor(total) {
				kept = o
			}
		}
	}
	return &outcome{text: out, kept: kept, gain: gain, layer: Layer{
		WrongDecoder: h.wrong.name(),
		TrueCharset:  h.truth.Name(),
	}}
}

// swapChoiceGain is what a page swap's reading out gains over s by
// plausible.ChoiceCost, each in its own languages: the language model at
// full weight, with the words it knows. "ДАННЫЕ УСПЕШНО ОБНОВЛЕНЫ" in
// KOI8-R shown as windows-1251 is "дбооще хуреыоп пвопчмеощ", small
// letters where the line had capitals: the character model finds the
// reading 9 bits cheaper, short of legacyMargin, and the words 127.
func (sc *scratch) swapChoiceGain(s, out string) float64 {
	// s is the round's text, read in its languages already; the
	// reading's are made for it alone.
	lo := plausible.LanguagesOf(out)
	defer lo.Release()
	return plausible.ChoiceCost(0, s, 0, sc.languagesOf(s)) - plausible.ChoiceCost(0, out, 0, lo)
}

// swapMargin is what swapChoiceGain must reach: twice legacyMargin, for
// ChoiceCost prices the language at full weight, and the readings of a
// page swap differ in every letter.
const swapMargin = 2 * legacyMargin

// pricedAs is the text the character model prices for a legacy
// reading out. A reading into half-width katakana is priced as the
// katakana it writes: the character model prices a run of half-width
// katakana as it prices runs of symbols, each after the first for less
// than nothing, so that correct half-width text looks like no mojibake;
// a reading gets that discount for nothing. Capitals of cp1251 read as
// Shift_JIS ("ЗАКРЫВАЮЩАЯ" as "ﾇﾀﾊﾐﾛﾂﾀﾞﾙﾀﾟ") cost 7 bits less than the
// Russian line; as "ヌタハミロツダルタプ" they cost more.
func pricedAs(out string) string {
	if hasHalfKana(out) {
		return width.Fold.String(out)
	}
	return out
}

// read decodes the runs of s outside ASCII as undoLegacy weighs them:
// s encoded through h's wrong page, each run of bytes 0x80 and above
// decoded in the true charset, with the ASCII trail bytes a double-byte
// character takes. It returns the runs, their decoding one after another,
// how many characters they decode to and how many of those are letters
// of h's script, and the longest run of such letters; ok is false where
// a byte is opaque or a lost one's mark, or a run does not decode.
func (h *legacyHypothesis) read(sc *scratch, s string) (runs []legacyRun, dec []byte, letters, total, longest int, ok bool) {
	sc.encode(s, h.wrong)
	b, kind := sc.b, sc.kind
	n := len(b)
	runs, dec = sc.runs[:0], sc.dec[:0]
	for i := 0; i < n; {
		if kind[i] == kindOpaque || kind[i] == kindFFFD {
			return nil, nil, 0, 0, 0, false
		}
		if kind[i] != kindFirst || b[i] < utf8.RuneSelf {
			i++
			continue
		}
		// Decode with the true charset from i for as long as the bytes
		// are non-ASCII, plus the ASCII trail bytes a double-byte
		// character takes.
		start := len(dec)
		j := i
		run := 0 // native letters in a row
		for j < n && b[j] >= utf8.RuneSelf {
			if kind[j] == kindOpaque || kind[j] == kindFFFD {
				return nil, nil, 0, 0, 0, false
			}
			end := min(n, j+4)
			r, size, valid := h.truth.Decode(b[j:end])
			if !valid || size == 0 {
				return nil, nil, 0, 0, 0, false
			}
			if scriptMark(r, h.script) {
				// A point or haraka on the letter before (see
				// singleRead).
				dec = utf8.AppendRune(dec, r)
				j += size
				continue
			}
			total++
			switch c := plausible.ClassOf(r); {
			case c.Script() == h.script:
				letters++
				run++
				longest = max(longest, run)
			case h.script == plausible.CJK && (c == plausible.CJKPunct || c == plausible.Fullwidth):
				// The charset's own punctuation is its writing's as
				// much as its letters, though no word: "占位符包括（名称）
				// （大小）" in GBK shown as windows-1252 is nine hanzi and
				// four full-width brackets, and with the brackets
				// counted as strangers fell short of seven in ten
				// and was read as windows-1251, Cyrillic capitals.
				letters++
				run = 0
			default:
				run = 0
			}
			dec = utf8.AppendRune(dec, r)
			j += size
		}
		if !sc.runeStart(j) {
			return nil, nil, 0, 0, 0, false
		}
		runs = append(runs, legacyRun{from: sc.offsetAt(s, i), to: sc.offsetAt(s, j), decFrom: start, decTo: len(dec)})
		i = j
	}
	return runs, dec, letters, total, longest, true
}

// readSingle is read for a wrong page and a true charset of one byte a
// character each, from h's table of what each byte decodes to (see
// singleRead): s is read rune by rune, not encoded first and decoded
// byte by byte. A Cyrillic line in capitals is read so through both
// Russian page swaps.
func (h *legacyHypothesis) readSingle(sc *scratch, s string) (runs []legacyRun, dec []byte, letters, total, longest int, ok bool) {
	runs, dec = sc.runs[:0], sc.dec[:0]
	from, start, run := -1, 0, 0 // the run being read, where its decoding starts, and its native letters in a row
	for i := 0; ; {
		c := byte(0)
		size := 1
		if i < len(s) {
			c = s[i]
			if c >= utf8.RuneSelf {
				var r rune
				r, size = utf8x.DecodeAt(s, i)
				if r == utf8.RuneError {
					return nil, nil, 0, 0, 0, false // a lost byte's mark, as encode reads it
				}
				var enc bool
				if c, enc = h.wrong.sb.EncodeRune(r); !enc {
					return nil, nil, 0, 0, 0, false // opaque
				}
			}
		}
		if i == len(s) || c < utf8.RuneSelf {
			if from >= 0 {
				runs = append(runs, legacyRun{from: from, to: i, decFrom: start, decTo: len(dec)})
				from = -1
			}
			if i == len(s) {
				break
			}
			i += size
			continue
		}
		if from < 0 {
			from, start, run = i, len(dec), 0
		}
		b := &h.single[c]
		if !b.valid {
			return nil, nil, 0, 0, 0, false
		}
		if b.mark {
			// A point or haraka on the letter before: neither a
			// letter nor a character apart, and no break in the run.
			dec = utf8.AppendRune(dec, b.r)
			i += size
			continue
		}
		total++
		if b.native {
			letters++
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
		dec = utf8.AppendRune(dec, b.r)
		i += size
	}
	return runs, dec, letters, total, longest, true
}

// hanjaBits is what each Han character costs a reading whose true
// charset is Korean, beyond its price as a hanzi: the character model
// prices a Han character by how often Chinese and Japanese write it, and
// modern Korean writes Hangul. The dev set's Korean texts hold no hanja
// in 2,904 syllables, hunspell-ko's word list none in 334,555; 7 bits
// (one in 128 characters) is generous to the mixed script of older and
// formal text. Arabic with a fatha read through windows-1252,
// "ÇáÌåÇÒ áÇ íäÝÐ ÇáæóÕá", read as cp949 was "햐竟할 簫 庄糞 햐閱量", two
// Hangul words with hanja inside and more hanja between, and priced
// below the Arabic "الجهاز لا ينفذ الوَصل".
const hanjaBits = 7

// hasHalfKana reports whether s holds a half-width katakana letter or
// mark, U+FF61–U+FF9F, encoded EF BD A1 to EF BE 9F.
func hasHalfKana(s string) bool {
	for {
		i := strings.IndexByte(s, 0xEF)
		if i < 0 || i+2 >= len(s) {
			return false
		}
		if c := s[i+1]; c == 0xBD && s[i+2] >= 0xA1 || c == 0xBE && s[i+2] <= 0x9F {
			return true
		}
		s = s[i+1:]
	}
}

// japaneseCharset names the true charsets whose text is Japanese.
var japaneseCharset = map[string]bool{"cp932": true, "euc-jp": true}

// kanaLess reports whether the UTF-8 text b holds kanaLessHan kanji or
// more and no kana: Japanese writes its particles and endings in kana.
// Of the dev set's Japanese texts with six kanji or more, 117, and of the
// lines of the Japanese text written for moji, 653, none is without kana.
// Russian capitals in windows-1251 shown as Latin-1, "ÏÐÎÂÅÐÊÀ
// ÎÁÍÎÂËÅÍÈÉ", read through EUC-JP are nine kanji, "椀梁登弊 料洋陀斗班",
// which cost the character model less than "ПРОВЕРКА ОБНОВЛЕНИЙ": two
// bytes make one kanji, one Cyrillic letter.
func kanaLess(b []byte) bool {
	han := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch c := plausible.ClassOf(r); {
		case c == plausible.Kana || c == plausible.HalfKana:
			return false
		case c == plausible.Han:
			han++
		}
		b = b[size:]
	}
	return han >= kanaLessHan
}

// kanaLessHan is how many kanji make a reading without kana unlike
// Japanese: a title or a compound of a few ("文字コード変換" has kana, "日本語
// 入力設定" none) may do without.
const kanaLessHan = 8

// kanaLessBits is what a Japanese reading without kana (see kanaLess)
// costs: none in 770 lines of Japanese, log2(770) is 9.6, less for the
// titles the sample holds too few of.
const kanaLessBits = 8.0

// hanCount counts the Han characters in the UTF-8 text b.
func hanCount(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if plausible.ClassOf(r) == plausible.Han {
			n++
		}
		b = b[size:]
	}
	return n
}

// keptRuns returns the runs of a legacy reading of s that do not read as
// strangers glued to a word written correctly, in place in runs. A UTF-8
// page whose template is correct and whose fields came from a legacy
// database joins the two in one line: in "Die Regeln könnten …
// ÊáíüíåòÂ" read as windows-1253, "könnten" would become "kφnnten", and
// the Italian "PIÙ" beside KOI8-R Russian "PIы". A run whose reading
// puts a letter of one alphabet against a letter of another is such a
// stranger (Hebrew's "ל־libpam" puts the maqaf there); one that reads
// as hanzi, kana or Hangul beside a letter or digit is one where the
// word reads worse by the character model ("FØRSTE" through GBK is
// "F豏STE", while Chinese glues its common characters to Latin words:
// "LinuxºÍWindows" is "Linux和Windows").
func keptRuns(s string, runs []legacyRun, dec []byte, swap bool) []legacyRun {
	var strange []bool // the runs left as written, by index
	for i, r := range runs {
		// The run's reading is read in place: strangeRun keeps nothing
		// of it, and a string per run of every reading that passes the
		// margin was an allocation each.
		if strangeRun(s, r, bytesView(dec[r.decFrom:r.decTo]), swap) {
			if strange == nil {
				strange = make([]bool, len(runs))
			}
			strange[i] = true
		}
	}
	if strange == nil {
		return runs
	}
	// The line joins text written correctly to legacy text. A word of
	// one or two letters read on its own ("é", "à", "È") then belongs to
	// the text its neighbours belong to: the Portuguese "expressão é um"
	// beside "próxima", left as written, is no "expressão й um". So do
	// marks and symbols standing among such words (the « » of a French
	// "« utiliser »"), and a word that is half written correctly, half
	// read, on a tie ("är" through windows-1255 is "הr").
	for i, r := range runs {
		if strange[i] {
			continue
		}
		if shortWord(s, r) || !hasLetter(s[r.from:r.to]) {
			strange[i] = asWritten(s, runs, strange, r.from, -1) && asWritten(s, runs, strange, r.to, +1)
		} else {
			strange[i] = againstAlphabet(s, r, bytesView(dec[r.decFrom:r.decTo])) >= 0
		}
	}
	kept := runs[:0]
	for i, r := range runs {
		if !strange[i] {
			kept = append(kept, r)
		}
	}
	return kept
}

// strangeRun reports whether run r of s, which a legacy reading reads as
// read, is a stranger where it stands (see keptRuns); swap says that
// the reading is one of the Russian page swaps.
func strangeRun(s string, r legacyRun, read string, swap bool) bool {
	before, after := lastRune(s[:r.from]), firstRune(s[r.to:])
	orig := s[r.from:r.to]
	switch {
	case againstAlphabet(s, r, read) > 0:
		// The longer part of the word says what it is: "PIÙ" is
		// Italian, but "Hàñòðîéêà" is Russian read through KOI8-R
		// after a stray Latin H ("Hастройка").
		return true
	case !hasLetter(orig) || (wordish(before) || wordish(after)) && strings.ContainsFunc(read, isCJKRune):
		// Marks, and hanzi glued to a word: "don’t" through the
		// Russian page swap is "don▓t", " — " is " ≈ ".
		ws, we := wordBounds(s, r.from, r.to)
		return plausible.CharCost(0, s[ws:we], 0) < plausible.CharCost(0, s[ws:r.from]+read+s[r.to:we], 0)
	case !hasLetter(read) && unicode.IsLetter(before) && unicode.IsLetter(after) && !cjkPunctOnly(read):
		// A letter inside a word read as no letter at all: "ž"
		// through windows-1256 is a zero-width joiner. Not the
		// punctuation of a double-byte charset, whose pair takes an
		// ASCII letter as its second byte: "K、M、G" in Big5 shown as
		// windows-1252 is "K¡BM¡BG".
		return true
	case swap:
		// The page swaps invert the cases of a word: a word that reads
		// inverted only once swapped was written correctly
		// ("Идентификатор" is no "хДЕМРХТХЙЮРНП").
		return smallBeforeCapital(read) && !smallBeforeCapital(orig)
	}
	return false
}

// cjkPunctOnly reports whether read is CJK punctuation alone (see
// plausible.CJKPunct): "、", "，", "（".
func cjkPunctOnly(read string) bool {
	for _, r := range read {
		if plausible.ClassOf(r) != plausible.CJKPunct {
			return false
		}
	}
	return read != ""
}

// againstAlphabet compares, where the reading of run r puts a letter of
// one alphabet against a letter of another in its word, the letters of
// the word outside the run with those of the reading: positive when the
// word outside holds more, 0 on a tie, negative when the reading holds
// more or no alphabets meet.
func againstAlphabet(s string, r legacyRun, read string) int {
	end := lastRune(read)
	if prefixedByTatweel(read) {
		// Arabic joins a prefix to a word of another script with a
		// tatweel: "بـUTF-8" (with UTF-8) meets no alphabet there.
		end = 0
	}
	if !alphabetsMeet(lastRune(s[:r.from]), firstRune(read)) && !alphabetsMeet(end, firstRune(s[r.to:])) {
		return -1
	}
	ws, we := wordBounds(s, r.from, r.to)
	return letterCount(s[ws:r.from]) + letterCount(s[r.to:we]) - letterCount(read)
}

// prefixedByTatweel reports whether read ends in an Arabic letter and a
// tatweel (U+0640), as an Arabic prefix written before a foreign word
// does. A tatweel alone is no prefix: windows-1256 puts it at 0xDC, where
// windows-1252 has Ü, and a German "UNTERSTÜTZT" beside Arabic read
// through it must stay a stranger.
func prefixedByTatweel(read string) bool {
	t, n := utf8.DecodeLastRuneInString(read)
	if t != 'ـ' {
		return false
	}
	a, _ := utf8.DecodeLastRuneInString(read[:len(read)-n])
	return plausible.ClassOf(a) == plausible.Arabic
}

// shortWord reports whether run r of s is a word of one or two letters
// on its own, between characters that are no letters.
func shortWord(s string, r legacyRun) bool {
	n := 0
	for _, c := range s[r.from:r.to] {
		if !unicode.IsLetter(c) {
			return false
		}
		n++
	}
	if n > 2 {
		return false
	}
	if r.from > 0 {
		if c, _ := utf8.DecodeLastRuneInString(s[:r.from]); unicode.IsLetter(c) {
			return false
		}
	}
	if r.to < len(s) {
		if c, _ := utf8.DecodeRuneInString(s[r.to:]); unicode.IsLetter(c) {
			return false
		}
	}
	return true
}

// asWritten reports whether the nearest letter of s from at, looking
// back (dir -1) or ahead (+1), is one the reading leaves as written: an
// ASCII letter outside every run, or a letter of a run marked in
// strange. No letter on that side within maxWord bytes counts as written
// too: the look is bounded, so that a line of many runs is read in
// linear time.
func asWritten(s string, runs []legacyRun, strange []bool, at, dir int) bool {
	p := at
	for n := 0; n < maxWord; n++ {
		var c rune
		var size int
		if dir < 0 {
			if p == 0 {
				return true
			}
			c, size = utf8.DecodeLastRuneInString(s[:p])
			p -= size
		} else {
			if p >= len(s) {
				return true
			}
			c, size = utf8.DecodeRuneInString(s[p:])
			p += size
		}
		if !unicode.IsLetter(c) {
			continue
		}
		pos := p
		if dir > 0 {
			pos = p - size
		}
		// The run holding pos, if any: the last that starts at or before it.
		i := sort.Search(len(runs), func(k int) bool { return runs[k].from > pos }) - 1
		if i >= 0 && pos < runs[i].to {
			return strange[i]
		}
		return true
	}
	return true
}

// smallBeforeCapital reports whether s has a small letter right before a
// capital, as no correctly cased word has (camel case aside, which
// Cyrillic text does not write).
func smallBeforeCapital(s string) bool {
	prevSmall := false
	for _, r := range s {
		if prevSmall && unicode.IsUpper(r) {
			return true
		}
		prevSmall = unicode.IsLower(r)
	}
	return false
}

// alphabetsMeet reports whether a and b, side by side, are letters of two
// alphabets (not hanzi, kana or Hangul, which mix with Latin letters).
func alphabetsMeet(a, b rune) bool {
	if !letterOrMark(a) || !letterOrMark(b) {
		return false // Hebrew's maqaf is of its script, but no letter
	}
	sa, sb := scriptOf(a), scriptOf(b)
	return sa != plausible.NoScript && sb != plausible.NoScript && sa != sb &&
		sa != plausible.CJK && sb != plausible.CJK
}

// scriptOf is the script of a letter, or of a mark of one script (the
// Arabic and Hebrew vowel signs, which plausible classes as marks).
func scriptOf(r rune) plausible.Script {
	if sc := plausible.ClassOf(r).Script(); sc != plausible.NoScript {
		return sc
	}
	switch {
	case unicode.Is(unicode.Arabic, r):
		return plausible.ArabicScript
	case unicode.Is(unicode.Hebrew, r):
		return plausible.HebrewScript
	}
	return plausible.NoScript
}

// letterOrMark reports whether r is a letter or a mark set on one (the
// Arabic vowel signs: "ó" through windows-1256 is the fatha "َ").
func letterOrMark(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// letterCount counts the letters of s.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// hasLetter reports whether s has a letter: letterCount(s) > 0, without
// reading past the first one. The runs a legacy reading weighs are
// mostly letters, and each was counted in full to be compared with 0.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// bytesView is b read as a string, without a copy: for a callee that
// keeps nothing of it, while b is not written.
func bytesView(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// wordish reports whether r is a letter or a digit.
func wordish(r rune) bool {
	c := plausible.ClassOf(r)
	return c.IsLetter() || c == plausible.Digit
}

// legacyRun is a run of s, s[from:to], that a legacy reading decodes to
// dec[decFrom:decTo]. The runs of a reading share one buffer, and the
// reading is assembled from it: most readings are rejected, and a string
// per run was most of what they allocated.
type legacyRun struct {
	from, to, decFrom, decTo int
}

// appendRuns appends to dst the text assembleRuns returns.
func appendRuns(dst []byte, s string, runs []legacyRun, dec []byte) []byte {
	pos := 0
	for _, r := range runs {
		dst = append(dst, s[pos:r.from]...)
		dst = append(dst, dec[r.decFrom:r.decTo]...)
		pos = r.to
	}
	return append(dst, s[pos:]...)
}

// assembleRuns is assemble for runs decoded into dec.
func assembleRuns(s string, runs []legacyRun, dec []byte) string {
	size := len(s)
	for _, r := range runs {
		size += r.decTo - r.decFrom - (r.to - r.from)
	}
	var b strings.Builder
	b.Grow(size)
	pos := 0
	for _, r := range runs {
		b.WriteString(s[pos:r.from])
		b.Write(dec[r.decFrom:r.decTo])
		pos = r.to
	}
	b.WriteString(s[pos:])
	return b.String()
}

// kanaInsideLatinWord reports whether s has half-width katakana with
// Latin letters on both sides. Shift_JIS puts half-width katakana at
// bytes 0xA1–0xDF, where Latin-1 has its accented capitals: capitals
// such as "GÄLÄW" read as Shift_JIS become "GﾄLﾄW", Latin words with
// katakana inside, which Japanese text does not write.
func kanaInsideLatinWord(s string) bool {
	if strings.IndexByte(s, 0xEF) < 0 {
		// Half-width katakana (U+FF61–U+FF9F) is EF BD xx or EF BE xx:
		// a reading without the byte has none, and is not read rune by
		// rune. Every Cyrillic line in capitals has its cases swapped
		// through KOI8-R and windows-1251, and each reading that the
		// character model does not refuse was read here in full.
		return false
	}
	prevLetter, inKana, kanaAfterLetter := false, false, false
	for _, r := range s {
		if plausible.ClassOf(r) == plausible.HalfKana {
			if !inKana {
				inKana, kanaAfterLetter = true, prevLetter
			}
			prevLetter = false
			continue
		}
		letter := r < utf8.RuneSelf && isASCIILetter(byte(r))
		if inKana && kanaAfterLetter && letter {
			return true
		}
		inKana, prevLetter = false, letter
	}
	return false
}

package repair

import (
	"strings"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/plausible"
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
}

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
			hs = append(hs, legacyHypothesis{wrong: w, truth: mustCharset(tn), script: nativeScript[tn]})
		}
	}
	// The two Russian code pages read as each other.
	hs = append(hs,
		legacyHypothesis{wrong: newWrong("koi8-r"), truth: mustCharset("windows-1251"), script: plausible.Cyrillic, swap: true},
		legacyHypothesis{wrong: newWrong("sloppy-windows-1251"), truth: mustCharset("koi8-r"), script: plausible.Cyrillic, swap: true},
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
		if s[i] < utf8.RuneSelf {
			// No ASCII character is Cyrillic; each ends a word's run.
			prevLower = false
			i++
			continue
		}
		var (
			r    rune
			size int
		)
		if b := s[i]; b <= 0xDF && b >= 0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r, size = rune(b&0x1F)<<6|rune(s[i+1]&0x3F), 2 // as in screenValid
		} else {
			r, size = decodeRune(s, i)
		}
		i += size
		var c plausible.Class
		if uint32(r)-0x400 < 0x100 {
			// The Cyrillic block from a table: every rune of every
			// Cyrillic line that reaches the page swaps is read here.
			c = cyrillicClass[r-0x400]
		} else {
			c = plausible.ClassOf(r)
		}
		switch c {
		case plausible.CyrillicUpper:
			if prevLower {
				return true
			}
			upper++
		case plausible.CyrillicLower:
			lower++
		}
		prevLower = c == plausible.CyrillicLower
	}
	return upper > lower || upper == 0 && lower >= 8
}

// cyrillicClass is plausible.ClassOf for U+0400–U+04FF.
var cyrillicClass = func() (t [0x100]plausible.Class) {
	for k := range t {
		t[k] = plausible.ClassOf(rune(0x400 + k))
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
	sc.encode(s, h.wrong)
	b, kind := sc.b, sc.kind
	n := len(b)
	var (
		runs           = sc.runs[:0]
		dec            = sc.dec[:0] // every run's decoding, one after another
		letters, total int
		longest        int // longest run of native letters
	)
	for i := 0; i < n; {
		if kind[i] == kindOpaque || kind[i] == kindFFFD {
			return nil
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
				return nil
			}
			end := min(n, j+4)
			r, size, valid := h.truth.Decode(b[j:end])
			if !valid || size == 0 {
				return nil
			}
			total++
			if plausible.ClassOf(r).Script() == h.script {
				letters++
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
			dec = utf8.AppendRune(dec, r)
			j += size
		}
		if !sc.runeStart(j) {
			return nil
		}
		runs = append(runs, legacyRun{from: sc.offsetAt(s, i), to: sc.offsetAt(s, j), decFrom: start, decTo: len(dec)})
		i = j
	}
	sc.dec, sc.runs = dec[:0], runs[:0]
	// Real text in the charset has words: isolated letters ("Â, Ê, Î"
	// read as cp1256 gives five lone Arabic letters; a table's "│" read
	// as KOI8-R gives a lone "Ѓ") are no evidence.
	if len(runs) == 0 || decide && (letters*10 < total*7 || longest < 2) {
		return nil
	}
	out := assembleRuns(s, runs, dec)
	if out == s {
		return nil
	}
	// The language model only adds cost, so the character model alone
	// bounds the gain from above; most readings fall short of the margin
	// on that bound and are not priced further.
	whole := sc.wholeCost(s)
	chars := plausible.CharCost(0, out, 0)
	if decide && (whole-chars < legacyMarginFor(total) || kanaInsideLatinWord(out)) {
		// (Katakana inside Latin words is asked second: it refuses only
		// Shift_JIS readings, and the bound refuses most readings of
		// every page, the Russian page swaps on every lowercase line.)
		return nil
	}
	// plausible.Cost(out), whose character model is chars: a reading
	// that passes the bound is a whole line, not read twice.
	gain := whole - (chars + plausible.LanguageCost(out, nil))
	if decide && gain < legacyMarginFor(total) {
		return nil
	}
	return &outcome{text: out, gain: gain, layer: Layer{
		WrongDecoder: h.wrong.name(),
		TrueCharset:  h.truth.Name(),
	}}
}

// legacyRun is a run of s, s[from:to], that a legacy reading decodes to
// dec[decFrom:decTo]. The runs of a reading share one buffer, and the
// reading is assembled from it: most readings are rejected, and a string
// per run was most of what they allocated.
type legacyRun struct {
	from, to, decFrom, decTo int
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

package repair

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/bits"
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/plausible"
)

// checkScreen fails unless the one-pass screen of s gives every
// decoder's own quick test's answer.
func checkScreen(t *testing.T, s string) {
	t.Helper()
	sn := screenOf(s)
	if _, valid := screenValid(s); valid != utf8.ValidString(s) {
		t.Errorf("screen of %q: valid = %v, utf8.ValidString = %v", s, valid, !valid)
	}
	if suspect, ok := quickSuspect(s); ok && suspect != mayHoldDoubleByteMojibake(s) {
		t.Errorf("quickSuspect(%q) = %v, mayHoldDoubleByteMojibake = %v", s, suspect, !suspect)
	}
	for _, w := range utf8Wrong {
		if w.sb == nil {
			if mayHoldDoubleByteMojibake(s) && !sn.cjk {
				t.Errorf("screen of %q: no CJK, but the double-byte test passes", s)
			}
			continue
		}
		if got, want := sn.utf8&(1<<w.page) != 0, w.mayHoldUTF8(s); got != want {
			t.Errorf("screen of %q: UTF-8 through %s = %v, mayHoldUTF8 = %v", s, w.name(), got, want)
		}
	}
	checkDoubleByteScan(t, s)
	starts := new(scratch).doubleByteStarts(s)
	for _, w := range doubleBytePages {
		if starts&(1<<w.dbPage) != 0 {
			continue
		}
		if o := undoUnscreened(s, w); o != nil {
			t.Errorf("screen of %q: no island starts through %s, but undoing it gives %q", s, w.name(), o.text)
		}
	}
	checkRefuted(t, s)
	for _, h := range legacyHypotheses {
		if got, want := sn.covers&(1<<h.wrong.page) != 0, h.wrong.covers(s); got != want {
			t.Errorf("screen of %q: covered by %s = %v, covers = %v", s, h.wrong.name(), got, want)
		}
	}
	// A line longer than a window is searched window by window, each
	// with a screen of its own: a window of Latin-1 letters may be
	// covered by a page that the whole line, with one Armenian letter
	// further on, is not (a case fuzzing found, kept in testdata/fuzz).
	if sn.empty() && len(s) <= window {
		if got, _ := Repair(s, allOptionsInternal); got != s {
			t.Errorf("screen of %q is empty, but Repair changes it to %q", s, got)
		}
	}
}

// checkDoubleByteScan fails unless doubleByteScan's one pass over s
// gives the answers of the definitions it stands for: the quick test
// mayHoldDoubleByteMojibake; every rune outside ASCII at which an island
// may begin on some page (islandStartsOf, every page beyond U+FFFF), in
// order, with its set; the join of the sets; and for each start whether
// mixedWord holds of its word, from a break to the next.
func checkDoubleByteScan(t *testing.T, s string) {
	t.Helper()
	sc := new(scratch)
	sc.doubleByteScan(s)
	if want := mayHoldDoubleByteMojibake(s); sc.suspect != want {
		t.Errorf("doubleByteScan(%q): suspect = %v, mayHoldDoubleByteMojibake = %v", s, sc.suspect, want)
	}
	var (
		want   []islandStart
		starts doubleByteSet
	)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		set := doubleByteSet(0)
		switch {
		case r > 0xFFFF:
			set = allDoubleByte
		case r >= utf8.RuneSelf:
			set = islandStartsOf(r)
		}
		if set != 0 {
			ws, we := i, i+size
			for ws > 0 && !isBreak(rune(s[ws-1])) {
				ws--
			}
			for we < len(s) && !isBreak(rune(s[we])) {
				we++
			}
			want = append(want, islandStart{off: int32(i), set: set, mixed: mixedWord(s[ws:we]), cjk: isCJKRune(r)})
			starts |= set
		}
		i += size
	}
	if fmt.Sprint(sc.startList) != fmt.Sprint(want) || sc.starts != starts {
		t.Errorf("doubleByteScan(%q): starts %v, joined %08b; want %v, %08b", s, sc.startList, sc.starts, want, starts)
	}
}

// passDoubleByte makes sc's double-byte screen of s pass on every page:
// the quick test and every page's island starts, over the starts the
// scan lists.
func passDoubleByte(sc *scratch, s string) {
	sc.doubleByteScan(s)
	sc.suspect, sc.starts = true, allDoubleByte
}

// undoUnscreened is undoUTF8 through w with every island undone and the
// quick tests passed, whatever they say about s.
func undoUnscreened(s string, w *wrongDecoder) *outcome {
	sc := new(scratch)
	sc.langsOf = s
	sc.screen, sc.screenOf, sc.screenValid = screen{utf8: ^pageSet(0), covers: ^pageSet(0), cjk: true}, s, true
	passDoubleByte(sc, s)
	return undoUTF8(sc, s, w, allOptionsInternal, false)
}

// checkRefuted fails unless, on every double-byte page that
// doubleByteRefuted refutes for s, the walk it stands in for keeps no
// island: undoUTF8, deciding, with the quick tests passed and the
// refutation off, whether the line's languages are still to be chosen
// (gainAtOrBelow may then bound an island) or chosen already (it prices
// each in full). It returns how many pages with an island start were
// refuted.
func checkRefuted(t *testing.T, s string) int {
	t.Helper()
	if bites := new(scratch).doubleByteStarts(s) & new(scratch).doubleByteRefuted(s); bites != 0 && len(s) <= 4*window {
		// End to end, where a refutation spares a walk: the search, and
		// the exit before it where only the double-byte readings had
		// anything to look at.
		got, layers := Repair(s, allOptionsInternal)
		refuteDoubleByte = false
		want, wantLayers := Repair(s, allOptionsInternal)
		refuteDoubleByte = true
		if got != want || fmt.Sprint(layers) != fmt.Sprint(wantLayers) {
			t.Errorf("Repair(%q) = %q %v, without refutations %q %v", s, got, layers, want, wantLayers)
		}
	}
	if !utf8.ValidString(s) {
		return 0 // the search reads valid stretches only
	}
	refuted := new(scratch).doubleByteRefuted(s)
	starts := new(scratch).doubleByteStarts(s)
	n := 0
	for _, w := range doubleBytePages {
		if refuted&(1<<w.dbPage) == 0 {
			continue
		}
		if starts&(1<<w.dbPage) != 0 {
			n++
		}
		for _, chosen := range []bool{false, true} {
			sc := new(scratch)
			sc.langsOf = s
			if chosen {
				sc.languages()
			}
			sc.screen, sc.screenOf, sc.screenValid = screen{utf8: ^pageSet(0), covers: ^pageSet(0), cjk: true}, s, true
			passDoubleByte(sc, s)
			refuteDoubleByte = false
			o := undoUTF8(sc, s, w, allOptionsInternal, true)
			refuteDoubleByte = true
			if o != nil || sc.spansUsed != 0 {
				t.Errorf("%q through %s (languages chosen: %v) is refuted, but the walk keeps %d islands, outcome %v", s, w.name(), chosen, sc.spansUsed, o != nil)
			}
		}
	}
	checkLoneIslands(t, s)
	checkRefutesAt(t, s)
	return n
}

// refutesAtRef is refutesAt as it was first written, from loneIsland,
// loneIslandBound and rareNonCJK, one island start and page at a time.
func refutesAtRef(sc *scratch, s string, st islandStart, w *wrongDecoder) bool {
	o := int(st.off)
	c, to, ok := w.loneIsland(s, o, nil)
	if !ok {
		return false
	}
	bound, ok := loneIslandBound(s, o, to, c, st.mixed)
	if !ok {
		return false
	}
	if rareNonCJK(c) {
		return bound < weakMargin
	}
	if bound+boundSlack >= weakMargin {
		return false
	}
	ws, we := wordBounds(s, o, to)
	return bound+sc.wordMax(s, ws, we)+boundSlack < weakMargin
}

// checkRefutesAt holds refutesAt, with what loneStart.read reads of each
// island start once for all its pages, to refutesAtRef at every island
// start of s on every page.
func checkRefutesAt(t *testing.T, s string) {
	t.Helper()
	sc := new(scratch)
	for _, st := range sc.islandStartList(s) {
		var lone loneStart
		ok := lone.read(s, st)
		for _, w := range doubleBytePages {
			if st.set&(1<<w.dbPage) == 0 {
				continue
			}
			got := ok && sc.refutesAt(s, &lone, w)
			if want := refutesAtRef(new(scratch), s, st, w); got != want {
				t.Errorf("%q through %s, the start at %d: refutesAt = %v, from loneIsland and loneIslandBound %v", s, w.name(), st.off, got, want)
			}
		}
	}
}

// TestRareLone holds rareLone to rareNonCJK below U+0800.
func TestRareLone(t *testing.T) {
	for c := rune(0); c < 0x800; c++ {
		if rareLone(c) != rareNonCJK(c) {
			t.Fatalf("rareLone(%q) = %v, rareNonCJK %v", c, rareLone(c), rareNonCJK(c))
		}
	}
}

// TestRuneStops holds dbRune's stops to stopsIsland on every rune up to
// U+FFFF.
func TestRuneStops(t *testing.T) {
	var buf [8]byte
	for r := rune(utf8.RuneSelf); r <= 0xFFFF; r++ {
		d := dbRuneOf(r)
		for _, w := range doubleBytePages {
			if got, want := d.stops()&(1<<w.dbPage) != 0, w.stopsIsland(r, buf[:0]); got != want {
				t.Fatalf("dbRune(%q) stops on %s = %v, stopsIsland %v", r, w.name(), got, want)
			}
		}
	}
}

// checkLoneIslands holds loneIsland and loneIslandBound to what they
// stand for, at every island start of s on every double-byte page: where
// loneIsland says the island is the rune alone, read as c, the walk
// undoing every island finds that island there or none; and
// loneIslandBound is no less than wordCharBound.
func checkLoneIslands(t *testing.T, s string) {
	t.Helper()
	starts := new(scratch).islandStartList(s)
	for _, w := range doubleBytePages {
		var spans []span
		walked := false
		for _, st := range starts {
			if st.set&(1<<w.dbPage) == 0 {
				continue
			}
			o := int(st.off)
			c, to, ok := w.loneIsland(s, o, make([]byte, 0, 8))
			if !ok {
				continue
			}
			if !walked {
				sc := new(scratch)
				sc.langsOf = s
				sc.screen, sc.screenOf, sc.screenValid = screen{utf8: ^pageSet(0), covers: ^pageSet(0), cjk: true}, s, true
				passDoubleByte(sc, s)
				undoUTF8(sc, s, w, allOptionsInternal, false)
				spans, walked = sc.spans[:sc.spansUsed], true
			}
			for _, sp := range spans {
				if sp.from >= o && sp.from < to && (sp.from != o || sp.to != to || sp.text != string(c)) {
					t.Errorf("%q through %s: lone island %q at %d, but the walk finds %q for %q", s, w.name(), string(c), o, sp.text, s[sp.from:sp.to])
				}
			}
			bound, ok := loneIslandBound(s, o, to, c, st.mixed)
			if !ok {
				continue
			}
			ws, we := wordBounds(s, o, to)
			b, okb := wordCharBound(s[ws:we], o-ws, to-ws, lastRune(s[:ws]), firstRune(s[we:]), string(c))
			if !okb || b > bound {
				t.Errorf("%q through %s: the lone island %q at %d is bounded by %v, but wordCharBound gives %v, %v", s, w.name(), string(c), o, bound, b, okb)
			}
		}
	}
}

var allOptionsInternal = Options{RestoreByteA0: true, LossySequences: true, Islands: true, Legacy: true, InferLost: true}

// screenCorners are texts at the edges of the quick tests: leads before
// spaces, question marks, U+FFFD, letters and other leads, and runs of
// three.
var screenCorners = []string{
	"", "a", "Ã", "Ã ", "Ã a", "Ã©", "Ã?", "Ã\uFFFD", "ÃR", "Ã3", "ÃÃ", "â€ ", "â€ ™", "â ™", "â €",
	"Größe", "café au lait", "Москва — столица", "Ð¡", "Ñ Ð", "ÄŤ", "ň ", "Ã«Ã", "¿é¥", "東京", "Gew枚hnlich",
	"ﾃｩ", "\uFFFD", "東京は日本の首都です。", "Москва 東京М\tМ東", "seek를 web的samba caf茅", "東京 Москва", "М\U0001F600 東", "都\U00020000", "Москва 東京", "日本 café 한국어", "鈥檚 it", "ｶﾀｶﾅ", "\xff", "Ã\xc3", "ab\xe2\x80", "Ïðèâåò", "дБООЩК ЖБКМ", "東 ab cd\tef 京", "東 a b 京x", "東  京", "東 \n", "東 ab", "ab 東京 cd ef", "東x y,z 京", "М 東 xy z1 都", "東 status, list-units 命令", "ǅ", "\U0001F600Ã©", "Ã\U0001F600", "Î±Î²", "├╝", "Ă¤", "Ã\u00a0",
}

func TestScreenMatchesQuickTests(t *testing.T) {
	for _, s := range screenCorners {
		checkScreen(t, s)
	}
	for _, s := range cleanTextsInternal(t) {
		checkScreen(t, s)
	}
}

// sliceCase is a case of the dev-set slice: its damaged text and the
// original (the same for a clean case).
type sliceCase struct{ Broken, Original string }

// sliceCases reads the cases of the dev-set slice.
func sliceCases(t *testing.T) []sliceCase {
	f, err := os.Open("../../testdata/mojibake-dev/slice.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sliceCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c sliceCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// cleanTextsInternal reads the clean and damaged texts of the dev-set
// slice.
func cleanTextsInternal(t *testing.T) []string {
	var out []string
	for _, c := range sliceCases(t) {
		out = append(out, c.Broken, c.Original)
	}
	return out
}

func FuzzScreen(f *testing.F) {
	for _, s := range screenCorners {
		f.Add(s)
	}
	// Lone islands of double-byte readings (see doubleByteRefuted): a
	// hanzi alone or in a run, a capital, beside letters of its own
	// script or another, at the ends of a word and of the line.
	for _, s := range append(liveCorners, "a 都 b", "都", "Москва 都 b", "МА", "ÅØ 東", "(東)", "日本語Größe", "東京Москва", "ΣΟΦΙΑ 首都", "x都y", "ǻ都", "都́") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		checkScreen(t, s)
	})
}

func TestKanaInsideLatinWord(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"GﾄLﾄW", true},          // "GÄLÄW" read as Shift_JIS
		{"Mﾄ｣ﾄM ﾌﾑﾌ", true},      // capitals with a pound sign
		{"ｶﾀｶﾅ ﾃﾞ ｶｲﾀ", false},   // text in half-width katakana
		{"CRLｻﾎﾟｰﾄ", false},      // katakana after a Latin word
		{"ﾃﾞﾊﾞｲｽ driver", false}, // and before one, apart
		{"", false},
	} {
		if got := kanaInsideLatinWord(c.s); got != c.want {
			t.Errorf("kanaInsideLatinWord(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestLostFits holds lostFits to what inferLost offers for a lone
// two-byte lead whose second byte a page dropped.
func TestLostFits(t *testing.T) {
	for _, w := range utf8Wrong {
		if w.sb == nil {
			continue
		}
		for x := 0xC2; x <= 0xDF; x++ {
			_, alts := inferLost([]byte{byte(x)}, w.lostCandidates(lossUndefined, 0x80, 0xBF), 0, 0, 0, true)
			if got, want := w.lostFits(byte(x)), len(alts) > 0; got != want {
				t.Errorf("%s: lostFits(%#x) = %v, inferLost offers %d", w.name(), x, got, len(alts))
			}
		}
	}
}

// TestScriptsAroundShortLine holds the counts of a span whose window is
// its whole line, taken as the line's less the span's, to the prefix
// sums, for every span of a few lines of mixed scripts.
func TestScriptsAroundShortLine(t *testing.T) {
	var sc, ref scratch
	for _, s := range []string{
		"Crème brûlée for 10 €. Москва — столица. 東京は日本の首都です。 Ελληνικά κείμενα.\n",
		"В этом каталоге содержатся различные файлы, 胁 и 懈\n",
		"",
		"ÃƒÂ©",
	} {
		for from := 0; from <= len(s); from++ {
			for to := from; to <= len(s); to++ {
				if !runeBoundary(s, from) || !runeBoundary(s, to) {
					continue
				}
				if got, want := sc.scriptsAround(s, from, to), ref.scriptsAroundPrefix(s, from, to); got != want {
					t.Fatalf("scriptsAround(%q, %d, %d) = %v, want %v", s, from, to, got, want)
				}
			}
		}
	}
}

// TestLostFitsMatchesInferLost holds the shortcuts of parseSeq and
// prefersDropped to what they skip: a two-byte lead that lostFits
// refuses is one for which inferLost offers no candidate.
func TestLostFitsMatchesInferLost(t *testing.T) {
	for _, w := range utf8Wrong {
		if w.sb == nil || len(w.dropped) == 0 {
			continue
		}
		for x := 0xC2; x <= 0xDF; x++ {
			_, alts := inferLost([]byte{byte(x)}, w.lostCandidates(lossUndefined, 0x80, 0xBF), 'a', ' ', 0, true)
			if got := len(alts) > 0; got != w.lostFits(byte(x)) {
				t.Errorf("%s: lead %02X: inferLost offers %d candidates, lostFits = %v", w.name(), x, len(alts), w.lostFits(byte(x)))
			}
		}
	}
}

// TestGainAtOrBelow holds the figure gainAtOrBelow may give a caller
// that refuses islands below weakMargin to gainAt itself, in the line's
// languages: on every span of up to three runes of the dev-set slice's
// texts, with candidates of several scripts, and the floors undoUTF8
// asks for, it is the gain, or, where the gain is below the floor,
// another figure below it (a bound on the gain, or on its character
// model's part for a rare letter).
func TestGainAtOrBelow(t *testing.T) {
	cands := []string{"Ǻ", "\u00a0", "é", "ы", "Ω", "’", "ā"}
	bounded, checked := 0, 0
	for _, s := range cleanTextsInternal(t) {
		if len(s) > 300 {
			continue
		}
		var exact, below scratch
		exact.langsOf, below.langsOf = s, s
		for from := 0; from < len(s); {
			_, size := utf8.DecodeRuneInString(s[from:])
			to := from
			for k := 0; k < 3 && to < len(s); k++ {
				_, n := utf8.DecodeRuneInString(s[to:])
				to += n
				for _, c := range cands {
					for _, floor := range []float64{weakMargin, weakMargin + lossPrior} {
						g, b := gainAt(&exact, s, from, to, c), gainAtOrBelow(&below, s, from, to, c, floor)
						checked++
						if b == g {
							continue
						}
						bounded++
						if b >= floor || g >= floor {
							t.Fatalf("%q: %q → %q: gainAt = %v, gainAtOrBelow above %v = %v", s, s[from:to], c, g, floor, b)
						}
					}
				}
			}
			from += size
		}
	}
	if bounded == 0 {
		t.Fatal("gainAtOrBelow bounded nothing")
	}
	t.Logf("%d of %d islands bounded", bounded, checked)
}

// TestMayHoldDoubleByteMojibakeTable holds the table-driven test to the
// rules it was written from (mayHoldDoubleByteMojibakeRef, the test as
// it read rune by rune), on the dev-set slice's texts, cut at every
// rune, and on the screen's corners.
func TestMayHoldDoubleByteMojibakeTable(t *testing.T) {
	texts := append(cleanTextsInternal(t), screenCorners...)
	texts = append(texts, "caf茅", "f체r", "seek를", "samba现在由开发组", "胁 в", "в 胁", "ﾃｽﾄ", "a\uFFFDb", "鈥檚", "Gew枚hnlich", "\xff\xfe中", "𠀋中", "中𠀋a")
	for _, s := range texts {
		for i := range s {
			if !utf8.RuneStart(s[i]) {
				continue
			}
			if got, want := mayHoldDoubleByteMojibake(s[i:]), mayHoldDoubleByteMojibakeRef(s[i:]); got != want {
				t.Fatalf("mayHoldDoubleByteMojibake(%q) = %v, want %v", s[i:], got, want)
			}
		}
	}
}

// mayHoldDoubleByteMojibakeRef is mayHoldDoubleByteMojibake as it read
// before its table: each rune classified and priced in turn.
func mayHoldDoubleByteMojibakeRef(s string) bool {
	prevLetter := false // the previous rune is an ASCII letter
	run, runGlued := 0, false
	runCost := 0.0 // the highest cost in the run
	sawCJK, sawOtherScript := false, false
	// glued reports whether the run that ends before a rune that is
	// (letterAfter) or is not an ASCII letter is suspect.
	glued := func(letterAfter bool) bool {
		return run <= maxGluedRun && (runGlued && letterAfter || (runGlued || letterAfter) && runCost >= gluedCJKCost)
	}
	for _, r := range s {
		c := plausible.ClassOf(r)
		if c == plausible.Han || c == plausible.Kana || c == plausible.Hangul {
			cost := plausible.RuneCost(r)
			if cost >= rareCJKCost || sawOtherScript {
				return true
			}
			if run == 0 {
				runGlued, runCost = prevLetter, 0
			}
			run++
			runCost = max(runCost, cost)
			sawCJK, prevLetter = true, false
			continue
		}
		letter := r < utf8.RuneSelf && isASCIILetter(byte(r))
		if run > 0 {
			if glued(letter) {
				return true
			}
			run = 0
		}
		prevLetter = letter
		switch {
		case c == plausible.HalfKana || c == plausible.Replacement:
			return true
		case r >= utf8.RuneSelf && c.IsLetter():
			// Hanzi among Cyrillic or Greek letters ("胁" left in a
			// repaired Russian line) are suspect too.
			if sawCJK {
				return true
			}
			sawOtherScript = true
		}
	}
	return run > 0 && glued(false)
}

// TestBeginsNothing holds undoUTF8's quick refusal to parseSeq: through
// every single-byte page that drops no bytes, wherever beginsNothing
// refuses a lead of the dev-set slice's texts or the screen's corners,
// parseSeq refuses it too, with each set of options.
func TestBeginsNothing(t *testing.T) {
	texts := append(cleanTextsInternal(t), screenCorners...)
	texts = append(texts, "Ã?", "Ã ", "Ð\uFFFD", "Ñ?x", "í\uFFFD\uFFFD", "ÐÐ", "í", "Ã", "\xed\xa0\xbd\xed\xb8\x8d")
	refused := 0
	for _, w := range utf8Wrong {
		if w.sb == nil || len(w.dropped) > 0 {
			continue
		}
		for _, opt := range []Options{allOptionsInternal, {}, {RestoreByteA0: true}, {LossySequences: true}} {
			for _, s := range texts {
				var sc scratch
				sc.encode(s, w)
				for i := range sc.b {
					if sc.kind[i] != kindFirst || sc.b[i] < 0xC2 || !w.beginsNothing(&sc, i, opt) {
						continue
					}
					refused++
					if _, _, _, _, _, ok := w.parseSeq(&sc, s, i, opt, nil); ok {
						t.Fatalf("%s, %+v: %q at %d: beginsNothing, but parseSeq reads a sequence", w.name(), opt, s, i)
					}
				}
			}
		}
	}
	if refused == 0 {
		t.Fatal("beginsNothing refused nothing")
	}
}

// undoBothWays is undoUTF8 through the double-byte page w on s, as
// undoUnscreened sets it up, from encodeLive's stretches and from encode's
// whole line (which encodeLive takes as it finds it).
func undoBothWays(s string, w *wrongDecoder, decide bool) (live, whole *outcome) {
	for k, out := range []**outcome{&live, &whole} {
		sc := new(scratch)
		sc.langsOf = s
		sc.screen, sc.screenOf, sc.screenValid = screen{utf8: ^pageSet(0), covers: ^pageSet(0), cjk: true}, s, true
		passDoubleByte(sc, s)
		if k == 1 {
			sc.encode(s, w)
		}
		*out = undoUTF8(sc, s, w, allOptionsInternal, decide)
	}
	return live, whole
}

// liveCorners are texts where a double-byte reading's islands meet the
// ends of encodeLive's stretches: barriers of each kind (a letter, a
// space or '?' that is none, a rune a page cannot encode, a lead that
// begins nothing) right after the mojibake, and stretches between.
var liveCorners = []string{
	"Japan鈥檚 鈥渂est鈥� food.", "鈥?x", "鈥 x", "鈥 鈥檚", "鈥�", "x鈥", "鈥檚a", "Москва 鈥檚 東京 x", "Crème 鈥檚 brûlée",
	"¦b status ©R¥Oªº¿é¥X¤¤¡A", "Åã¥Ü§¹¾ãªº³æ¤¸¦WºÙ", "縺薙ｓ縺ｫ縺｡縺ｯ", "繧ｨ繝ｩ繝ｼ 東京", "ÃƒÂ© 東京 鈥", "蜷?蜑", "浣?", "\uFFFD\uFFFD\uFFFD x 鈥",
	"Crème brûlée for 10 €. Москва — столица. 東京は日本の首都です。 Ελληνικά κείμενα.",
	"tar鐨勬渶鍚庝竴涓?鍙傛暟鏄?浣犺?佸?勭悊鐨勬枃浠舵垨鐩?褰曠殑鍚嶅瓧銆?", // '?' for lost bytes, read on
}

func TestEncodeLiveMatchesEncode(t *testing.T) {
	texts := append(append([]string(nil), screenCorners...), liveCorners...)
	for _, s := range texts {
		for _, w := range doubleBytePages {
			for _, decide := range []bool{false, true} {
				live, whole := undoBothWays(s, w, decide)
				if fmt.Sprintf("%+v", live) != fmt.Sprintf("%+v", whole) {
					t.Errorf("%q through %s (decide %v): from the stretches %+v, from the whole line %+v", s, w.name(), decide, live, whole)
				}
			}
		}
	}
}

// singleBytes are byte strings whose readings through a single-byte page
// put islands at the ends of encodeLiveSingle's stretches: sequences
// whole and cut short, a space for 0xA0 after leads of every length, the
// marks of lost bytes ('?', and U+FFFD, written here as a zero byte),
// CESU-8 pairs, and leads before letters, at the end of the line and
// before runes the page cannot encode (see singleCorners).
var singleBytes = []string{
	"\xc3\xa9", "\xe2\x80\x99", "\xf0\x9f\x98\x80", "\xc3 ", "\xe2 \x80", "\xe2\x80 ", "\xe2  ", "\xf0 \x9f \x80", "\xe0 \xa0",
	"\xc3?", "\xc5?", "\xe2??", "\xe2\x80?", "\xe2?\x80", "\xed\xa0\xbd\xed\xb8\x8d", "\xed\x9f\xbf", "\xed\xa0", "\xed\xb0\x80",
	"\xed ", "\xedx", "\xc3", "\xe2\x80", "\xc3\xc3\xa9", "\xc3\xa9\xc3", "\xe2\x80\x99\xe2\x80\x9c", "\xc2\xa0 ", "\xd0\xa0 ",
	"\xf4\x8f\xbf\xbf", "\xf4\x90", "\xc0\x80", "\xf5\x80", "\xee\xee\xee", "\xf0\x9f?\x80", "\xf0\x9f??\xc3\xa9", "\xc3?\xc3\xa9",
	"\xe2\x00\x99", "\xe2\x80\x00", "\xf0\x9f\x00\x80", "\xf0\x00\x00\x80", "\xc3\x00\xc3\xa9", "\xe2\x00 ",
}

// singleCorners are readings of singleBytes through each single-byte
// page of the search, alone and between words, and lines of Russian and
// Ukrainian through windows-1251, where most letters are leads.
func singleCorners() []string {
	texts := []string{
		"В Linux 2.6 он стал не рекомендуемым", "ЛАТИНСКАЯ СТРОЧНАЯ БУКВА «S» С СЕДИЛЬЮ", "вказівник на інструкцію — ї є ґ ё",
		"н", "нн", "н н", "н\u00a0н", "н\uFFFD", "В\uFFFD", "В?", "Т? ", "ГЕНДЕР ", "В  два", "он  и", "Р Ё", "е №5", "Москва 東京 н",
	}
	for _, w := range utf8Wrong {
		if w.sb == nil {
			continue
		}
		for _, bs := range singleBytes {
			var b strings.Builder
			for i := 0; i < len(bs); i++ {
				if r, ok := w.sb.DecodeByte(bs[i]); ok && bs[i] != 0 {
					b.WriteRune(r)
				} else {
					b.WriteRune(utf8.RuneError)
				}
			}
			m := b.String()
			texts = append(texts, m, "a"+m, m+"b", "x "+m+" y", "Москва"+m+"東京", "東"+m, m+"\uFFFD", "слово "+m+"слово", "ÀÉ"+m+"ÈÌ")
		}
	}
	return texts
}

// TestEncodeLiveSingleMatchesEncode holds undoUTF8 through every
// single-byte page, from encodeLiveSingle's stretches, to the same from
// encode's whole line, deciding and not, under options that change
// where an island may begin, on singleCorners, the screen's and
// encodeLive's corners, the dev slice and random lines of words of many
// scripts.
func TestEncodeLiveSingleMatchesEncode(t *testing.T) {
	texts := append(append(append(singleCorners(), screenCorners...), liveCorners...), cleanTextsInternal(t)...)
	rng := rand.New(rand.NewSource(11))
	for range 1000 {
		var b strings.Builder
		for k := range 1 + rng.Intn(12) {
			if k > 0 && rng.Intn(3) > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(refuteWords[rng.Intn(len(refuteWords))])
		}
		texts = append(texts, b.String())
	}
	noA0, noLoss := allOptionsInternal, allOptionsInternal
	noA0.RestoreByteA0, noLoss.LossySequences = false, false
	found := 0
	for _, s := range texts {
		found += checkLiveSingle(t, s, []Options{allOptionsInternal, noA0, noLoss})
	}
	if found == 0 {
		t.Error("no reading found anything: the test tests nothing")
	}
}

// checkLiveSingle is TestEncodeLiveSingleMatchesEncode's check on s.
func checkLiveSingle(t *testing.T, s string, opts []Options) (found int) {
	t.Helper()
	defer func() { liveSingle = true }()
	for _, w := range utf8Wrong {
		if w.sb == nil {
			continue
		}
		for _, opt := range opts {
			for _, decide := range []bool{false, true} {
				var got [2]string
				for k, live := range []bool{true, false} {
					liveSingle = live
					sc := new(scratch)
					sc.langsOf = s
					sc.screen, sc.screenOf, sc.screenValid = screen{utf8: ^pageSet(0), covers: ^pageSet(0), cjk: true}, s, true
					o := undoUTF8(sc, s, w, opt, decide)
					got[k] = fmt.Sprintf("%+v", o)
					if k == 0 && o != nil {
						found++
					}
				}
				if got[0] != got[1] {
					t.Errorf("%q through %s (%+v, decide %v): from the stretches %s, from the whole line %s", s, w.name(), opt, decide, got[0], got[1])
				}
			}
		}
	}
	return found
}

func FuzzEncodeLiveSingle(f *testing.F) {
	for _, s := range singleCorners() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1024 {
			return
		}
		checkLiveSingle(t, s, []Options{allOptionsInternal})
	})
}

// TestBeginsAtRefutesParseSeq holds encodeLiveSingle's two readings of
// the text to encode's whole line: where beginsAt says no sequence
// begins, parseSeq reads none; and beginsSequenceSingle, read from the
// text, answers as beginsSequence does from the whole line.
func TestBeginsAtRefutesParseSeq(t *testing.T) {
	texts := append(append(singleCorners(), screenCorners...), cleanTextsInternal(t)...)
	noA0 := allOptionsInternal
	noA0.RestoreByteA0 = false
	refused := 0
	for _, s := range texts {
		for _, w := range utf8Wrong {
			if w.sb == nil || len(w.dropped) > 0 {
				continue
			}
			var sc scratch
			sc.encode(s, w)
			for i := range sc.b {
				o := int(sc.owner[i])
				if got, want := w.beginsSequenceSingle(s, o), sc.beginsSequence(o); got != want {
					t.Fatalf("%s: %q at %d: beginsSequenceSingle = %v, beginsSequence %v", w.name(), s, o, got, want)
				}
				if sc.kind[i] != kindFirst || sc.b[i] < 0xC0 {
					continue
				}
				_, size := utf8.DecodeRuneInString(s[o:])
				for _, opt := range []Options{allOptionsInternal, noA0} {
					if w.beginsAt(s, o+size, sc.b[i], opt) {
						continue
					}
					refused++
					if _, _, _, _, _, ok := w.parseSeq(&sc, s, i, opt, nil); ok {
						t.Fatalf("%s, %+v: %q at %d: beginsAt is false, but parseSeq reads a sequence", w.name(), opt, s, i)
					}
					if r, n := utf8.DecodeRune(sc.b[i:]); r != utf8.RuneError || n != 1 {
						t.Fatalf("%s: %q at %d: beginsAt is false, but the bytes decode", w.name(), s, i)
					}
				}
			}
		}
	}
	if refused == 0 {
		t.Fatal("beginsAt refused nothing")
	}
}

// TestMayHoldBox holds mayHoldBox to the classes: a character is of
// class Box exactly when it is U+2500–U+25FF, which mayHoldBox finds by
// its bytes, and mayHoldBox finds each of them in any text.
func TestMayHoldBox(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		box := plausible.ClassOf(r) == plausible.Box
		if want := r >= 0x2500 && r <= 0x25FF; box != want {
			t.Fatalf("ClassOf(%U) is Box: %v, mayHoldBox assumes %v", r, box, want)
		}
		if got := mayHoldBox("a" + string(r) + "b"); box && !got {
			t.Fatalf("mayHoldBox misses %U", r)
		}
		if got := mayHoldBox(string(r)); got != box {
			t.Fatalf("mayHoldBox(%U) = %v, want %v", r, got, box)
		}
	}
}

// refuteWords are words of many scripts, correct text of the kind a
// corpus holds, for TestDoubleByteRefuted's random lines; the CJK ones
// come with and without spaces around them.
var refuteWords = []string{
	"Crème", "brûlée", "for", "10", "€.", "Москва", "—", "столица.", "東京は日本の首都です。", "Ελληνικά", "κείμενα.",
	"Größe", "ÉCOLE", "Łódź", "ŻÓŁW", "İstanbul", "ÇAĞ", "Ñandú", "ΑΘΗΝΑ", "Σοφία", "ПРИВЕТ", "Ёлки-палки", "ǅemal",
	"中文", "简体中文的句子，", "繁體中文", "漢字", "日本語", "カタカナ", "ひらがな", "한국어", "서울은", "대한민국의", "수도이다.",
	"東", "都", "す", "は", "の", "人", "大", "이", "가", "ア", "ｶﾀｶﾅ", "「引用」", "（括弧）", "¥100", "№5", "§2", "µs", "½",
	"(", ")", "“quoted”", "it’s", "«guillemets»", "a", "I", "x", "COVID-19", "ąę", "ĄĘ", "ß", "ẞ", "ÆØÅ", "æøå",
	"עברית", "العربية", "ไทย", "Հայերեն", "ქართული", "हिन्दी", "😀", "𠀋", "├──", "→", "•", "…", "\u00a0", "\t",
}

// TestDoubleByteRefuted holds doubleByteRefuted to the walk (see
// checkRefuted) on the dev slice, the screen's and encodeLive's corners
// and random lines of words of many scripts, joined by spaces or glued.
func TestDoubleByteRefuted(t *testing.T) {
	texts := append(append(append([]string(nil), screenCorners...), liveCorners...), cleanTextsInternal(t)...)
	rng := rand.New(rand.NewSource(7))
	for range 3000 {
		var b strings.Builder
		for k := range 1 + rng.Intn(12) {
			if k > 0 && rng.Intn(3) > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(refuteWords[rng.Intn(len(refuteWords))])
		}
		texts = append(texts, b.String())
	}
	refuted, started := 0, 0
	for _, s := range texts {
		refuted += checkRefuted(t, s)
		started += bits.OnesCount8(uint8(new(scratch).doubleByteStarts(s)))
	}
	t.Logf("%d of %d readings with an island start refuted", refuted, started)
	if refuted == 0 {
		t.Error("nothing refuted: the test tests nothing")
	}
}

// TestRareNonCJK holds rareNonCJK to holdsRareNonCJK, and runeBefore to
// lastRune.
func TestRareNonCJK(t *testing.T) {
	for c := rune(0); c <= 0x10FFFF; c++ {
		if c >= 0x10000 && c&0xFF != 0 {
			continue // a sample of the planes above the BMP
		}
		if got, want := rareNonCJK(c), holdsRareNonCJK(string(c)); got != want {
			t.Fatalf("rareNonCJK(%U) = %v, holdsRareNonCJK = %v", c, got, want)
		}
	}
	for _, s := range append(append([]string(nil), screenCorners...), liveCorners...) {
		for o := range len(s) + 1 {
			if o < len(s) && !utf8.RuneStart(s[o]) {
				continue
			}
			if got, want := runeBefore(s, o), lastRune(s[:o]); got != want {
				t.Fatalf("runeBefore(%q, %d) = %U, lastRune %U", s, o, got, want)
			}
		}
	}
}

// TestQuickSuspect holds quickSuspect to mayHoldDoubleByteMojibake on
// lines of CJK text and ASCII, where it answers: runs glued to Latin
// letters on either side or both, of each length up to past
// maxGluedRun, of common and of dear characters, at the ends of the line
// and beside punctuation, half-width katakana and letters of another
// script of three bytes; and lines with runes it leaves to
// doubleByteScan (of two and four bytes, an invalid sequence after ED).
func TestQuickSuspect(t *testing.T) {
	parts := []string{"a", "Z", "1", " ", ".", "的", "是", "茅", "鈥", "縺", "혻", "를", "の", "カ", "ｶ", "。", "，", "ក", "ა", "—", "€", "\uFFFD", "한", "\xed\xa0\x80", "é", "😀"}
	var build func(prefix string, depth int)
	answered := 0
	build = func(prefix string, depth int) {
		if suspect, ok := quickSuspect(prefix); ok {
			answered++
			if want := mayHoldDoubleByteMojibake(prefix); suspect != want {
				t.Fatalf("quickSuspect(%q) = %v, mayHoldDoubleByteMojibake = %v", prefix, suspect, want)
			}
		}
		if depth == 0 {
			return
		}
		for _, p := range parts {
			build(prefix+p, depth-1)
		}
	}
	build("", 4)
	for _, s := range cleanTextsInternal(t) {
		if suspect, ok := quickSuspect(s); ok {
			answered++
			if want := mayHoldDoubleByteMojibake(s); suspect != want {
				t.Fatalf("quickSuspect(%q) = %v, mayHoldDoubleByteMojibake = %v", s, suspect, want)
			}
		}
	}
	if answered == 0 {
		t.Fatal("quickSuspect answered nothing")
	}
}

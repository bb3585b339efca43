package repair

import (
	"fmt"
	"math"
	"testing"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/plausible"
)

// boundCands are readings of an island: ordinary letters, marks and
// spaces, and readings that hold a rare letter (see holdsRareNonCJK),
// alone and beside letters of several scripts.
var boundCands = []string{
	"é", "ы", "Ω", "’", "\u00a0", "\u00a0 ", "ā", "中", "é中", "日本",
	"Ǻ", "ƽ", "Դ", "ʏ", "\uFFFD", "\u0489", "Ǻo", "oǺ", "中Ǻ", "Ǻ中", "中Ǻ中", "日本Ǻ", "ｶǺ", "ЖǺ", "ǺЖ", "Ǻ中Ж", "ɐ", "ȸ", "Ŀ",
}

// TestWordCharBound holds wordCharBound to what it bounds, the character
// model's part of an island's gain (quickGain), and the gain itself to
// that bound plus LanguageCostMax, on every island of up to three
// characters of the dev set's texts read as each of boundCands: an
// island refused on these bounds could never have been kept (for a
// rare letter, the bound alone refuses below weakMargin). The
// differences wordCharBound works out near the island are the whole
// word's.
func TestWordCharBound(t *testing.T) {
	texts := append(cleanTextsInternal(t),
		"Crème brûlée for 10 €. Москва — столица. 東京は日本の首都です。 Ελληνικά κείμενα.",
		"aЖ中éБ語ü字Ωß ОШИБКА 中文Abc日本語 한국어Ж ｶﾀｶﾅ ﾃﾞ В этом",
	)
	checked, refused := 0, 0
	for _, s := range texts {
		if !utf8.ValidString(s) {
			continue
		}
		sc := getScratch()
		sc.langsOf = s
		var starts []int
		for i := range s {
			starts = append(starts, i)
		}
		starts = append(starts, len(s))
		for a := 0; a < len(starts)-1 && a < 16; a++ {
			for k := 1; k <= 3 && a+k < len(starts); k++ {
				from, to := starts[a], starts[a+k]
				for _, cand := range boundCands {
					ws, we := wordBounds(s, from, to)
					before, after := lastRune(s[:ws]), firstRune(s[we:])
					repl := s[ws:from] + cand + s[to:we]
					orig := s[ws:we]
					chars, cjkDiff := localDiffs(orig, from-ws, to-ws, before, after, cand, true)
					if want := plausible.CharCost(before, orig, after) - plausible.CharCost(before, repl, after); chars != want {
						t.Errorf("%q read as %q in %q: local character difference %v, the word's %v", s[from:to], cand, orig, chars, want)
					}
					co, _ := cjkCount(orig)
					cr, _ := cjkCount(repl)
					if cjkDiff != co-cr {
						t.Errorf("%q read as %q in %q: local CJK difference %v, the word's %v", s[from:to], cand, orig, cjkDiff, co-cr)
					}
					bound, ok := wordCharBound(orig, from-ws, to-ws, before, after, cand)
					if !ok {
						continue
					}
					checked++
					quick, _ := sc.quickGain(s, from, to, ws, we, before, after, cand, repl)
					if quick > bound+1e-9 {
						t.Errorf("%q read as %q in %q: quick %v > bound %v", s[from:to], cand, orig, quick, bound)
					}
					// The full computation, which a floor leaves out.
					g, _ := gainAtUncached(sc, s, from, to, cand, math.Inf(-1))
					if most := bound + plausible.LanguageCostMax(orig) + boundSlack; g > most {
						t.Errorf("%q read as %q in %q: gain %v > bound %v", s[from:to], cand, orig, g, most)
					}
					if holdsRareNonCJK(cand) && bound < weakMargin {
						refused++
						if g >= weakMargin {
							t.Errorf("%q read as %q in %q: gain %v, refused on bound %v", s[from:to], cand, orig, g, bound)
						}
					}
				}
			}
		}
		putScratch(sc)
	}
	if checked == 0 || refused == 0 {
		t.Fatalf("checked %d islands, refused %d", checked, refused)
	}
	t.Logf("checked %d islands, %d rare ones refused", checked, refused)
}

// TestStartsIsland holds the walk's skip through double-byte pages to
// what it stands for: at every lead of the dev set's texts and the
// screen's corners where startsIsland says no island begins, parseSeq
// refuses the sequence at once.
func TestStartsIsland(t *testing.T) {
	texts := append(cleanTextsInternal(t), screenCorners...)
	skipped := 0
	for _, s := range texts {
		if !utf8.ValidString(s) {
			continue
		}
		for _, w := range doubleBytePages {
			sc := new(scratch)
			sc.langsOf = s
			sc.encode(s, w)
			for i := range sc.b {
				if sc.kind[i] != kindFirst || sc.b[i] < 0xC2 || w.startsIsland(s, int(sc.owner[i])) {
					continue
				}
				skipped++
				if _, d, _, _, _, ok := w.parseSeq(sc, s, i, allOptionsInternal, nil); ok {
					t.Errorf("%s: %q at %d begins %q, but startsIsland says no", w.name(), s, sc.owner[i], d)
				}
			}
		}
	}
	if skipped == 0 {
		t.Fatal("startsIsland skipped nothing")
	}
	t.Logf("%d leads skipped", skipped)
}

// caseInvertedRef is caseInverted as it read every rune through
// plausible.ClassOf.
func caseInvertedRef(s string) bool {
	upper, lower := 0, 0
	prevLower := false
	for _, r := range s {
		c := plausible.ClassOf(r)
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

// TestCaseInverted holds caseInverted to the rune-by-rune reading on the
// dev set's texts, cut at every rune, and on the screen's corners.
func TestCaseInverted(t *testing.T) {
	texts := append(cleanTextsInternal(t), screenCorners...)
	texts = append(texts, "дБООЩК ЖБКМ", "данный файл\xffА", "ӀѐѝҐґ Ԁԁ ᲀ Ꙁꙁ аБ", "аaБ", "а-Б", "а\u0301Б")
	for _, s := range texts {
		for i := range s {
			if got, want := caseInverted(s[:i]), caseInvertedRef(s[:i]); got != want {
				t.Fatalf("caseInverted(%q) = %v, want %v", s[:i], got, want)
			}
		}
		if got, want := caseInverted(s), caseInvertedRef(s); got != want {
			t.Fatalf("caseInverted(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestScriptContextOfLine holds newScriptContext, which takes a short
// line's dominant script from its totals, to the context worked out from
// the counts around the word (as scriptsAround has them) and the word's
// own, for every word of a few lines of mixed scripts, short and long.
func TestScriptContextOfLine(t *testing.T) {
	lines := []string{
		"Le café de la gare", "Москва ist die Hauptstadt", "中文 and English 日本語 текст",
		"ΑΒΓ abc", "ab", "Ω", "Ça va? Ж Ж Ж", "日本", "a中b中c中d Жx",
	}
	long := ""
	for i := 0; i < 40; i++ {
		long += lines[i%len(lines)] + " "
	}
	lines = append(lines, long)
	for _, s := range lines {
		sc := getScratch()
		for from := 0; from <= len(s); from++ {
			for to := from; to <= len(s) && to-from <= 24; to++ {
				if !runeBoundary(s, from) || !runeBoundary(s, to) {
					continue
				}
				c := scriptContext{outside: sc.scriptsAround(s, from, to)}
				all := c.outside
				for _, r := range s[from:to] {
					all[plausible.ClassOf(r).Script()]++
				}
				c.dominant, c.enough = dominantOf(&all)
				if got := newScriptContext(sc, s, from, to, s[from:to]); got != c {
					t.Fatalf("newScriptContext(%q, %d, %d) = %+v, want %+v", s, from, to, got, c)
				}
			}
		}
		putScratch(sc)
	}
}

// TestReadSingleMatchesRead holds a legacy hypothesis's reading through
// its table of bytes (readSingle) to the reading of the text encoded
// through the wrong page and decoded byte by byte (read), on the dev
// slice, damaged and correct, and the screen's corners.
func TestReadSingleMatchesRead(t *testing.T) {
	texts := append(append(append(singleCorners(), screenCorners...), cleanTextsInternal(t)...),
		"ÏÐÈÂÅÒ ìèð", "привет", "ПРИВЕТ МИР", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "\xff\xfeabc", "ÁÖ¾î ÎÄ×Ö", "ОШИБКА — «ДИАПАЗОН»", "ëîãèí\uFFFD")
	singles, read := 0, 0
	for _, h := range legacyHypotheses {
		if h.single == nil {
			continue
		}
		singles++
		for _, s := range texts {
			var sc scratch
			runs, dec, letters, total, longest, ok := h.readSingle(&sc, s)
			got := fmt.Sprint(runs, string(dec), letters, total, longest, ok)
			runs, dec, letters, total, longest, ok = h.read(&sc, s)
			if want := fmt.Sprint(runs, string(dec), letters, total, longest, ok); got != want {
				t.Fatalf("%s as %s, %q: read through the table %s, encoded and decoded %s", h.truth.Name(), h.wrong.name(), s, got, want)
			}
			if ok && len(runs) > 0 {
				read++
			}
		}
	}
	if singles == 0 || read == 0 {
		t.Fatalf("%d hypotheses through single-byte pages, %d readings with runs: the test tests nothing", singles, read)
	}
}

// TestLanguageGainBound holds the bound gainAtUncached refuses islands
// on before the line's languages are chosen (see LanguageGainMax) to
// what it bounds, on every island of up to three characters of the dev
// set's texts read as each of boundCands: the character model's part of
// the gain plus the language model's in the line's languages is no more
// than the bound, and an island refused on it (below weakMargin, the
// lowest floor) has a gain below weakMargin.
func TestLanguageGainBound(t *testing.T) {
	texts := append(cleanTextsInternal(t),
		"В связи с этим, процесс получает все мандаты в своих наборах.",
		"В Linux 2.6 он стал не рекомендуемым (но ещё доступным через параметр CONFIG_PCI_LEGACY_PROC).",
		"aЖ中éБ語ü字Ωß ОШИБКА 中文Abc日本語 한국어Ж ｶﾀｶﾅ ﾃﾞ В этом",
	)
	checked, refused := 0, 0
	for _, s := range texts {
		if !utf8.ValidString(s) {
			continue
		}
		langs := plausible.LanguagesOf(s)
		var starts []int
		for i := range s {
			starts = append(starts, i)
		}
		starts = append(starts, len(s))
		for a := 0; a < len(starts)-1 && a < 16; a++ {
			for k := 1; k <= 3 && a+k < len(starts); k++ {
				from, to := starts[a], starts[a+k]
				for _, cand := range boundCands {
					sc := getScratch()
					sc.langsOf = s
					ws, we := wordBounds(s, from, to)
					before, after := lastRune(s[:ws]), firstRune(s[we:])
					repl := s[ws:from] + cand + s[to:we]
					orig := s[ws:we]
					quick, _ := sc.quickGain(s, from, to, ws, we, before, after, cand, repl)
					bound := quick + plausible.LanguageGainMax(orig, repl, s) + boundSlack
					if exact := quick + plausible.LanguageCost(orig, langs) - plausible.LanguageCost(repl, langs); exact > bound {
						t.Errorf("%q read as %q in %q: %v > bound %v", s[from:to], cand, orig, exact, bound)
					}
					checked++
					if bound < weakMargin {
						refused++
						// The full computation, which a floor leaves out.
						if g, _ := gainAtUncached(sc, s, from, to, cand, math.Inf(-1)); g >= weakMargin {
							t.Errorf("%q read as %q in %q: gain %v, refused on bound %v", s[from:to], cand, orig, g, bound)
						}
					}
					putScratch(sc)
				}
			}
		}
	}
	if checked == 0 || refused == 0 {
		t.Fatalf("checked %d islands, refused %d", checked, refused)
	}
	t.Logf("checked %d islands, %d refused", checked, refused)
}

package plausible

import (
	"math"
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// TestCostReplaced holds CostReplaced to LanguageCost of the text it
// prices, to the bit: the search decides on these figures, and a
// rounding apart could change a repair.
func TestCostReplaced(t *testing.T) {
	pieces := []string{
		"a", "e", "q", "Z", "é", "ü", "ß", "Ä", "ã", "º", "Ã", "£", "¬", "Ê", "À", "½", "ç",
		"д", "Я", "ё", "ж", "α", "Ω", "ש", "ل", "ก", "你", "ア", "한", "ǻ", "Ɛ", "ɐ", "ˆ",
		"\u0301", "\u05b7", " ", ".", ",", "1", "-", "’", "\uFFFD", "—", "\u00a0", "ʼ",
	}
	lines := []string{
		"ÄãºÃ£¬ÊÀ½ç Õâ¸öµ÷ÓÃ´´½¨Ò»¸öÐÂµÄ",
		"Москва — столица России, a Praha je hlavní město",
		"¦b status, list-units ©R¥Oªº¿é¥X¤¤¡A Åã¥Ü",
		"úÁÍÅÔÉÍ, ÞÔÏ ÎÁ Ä×ÕÁÒÈÉÔÅËÔÕÒÎÙÈ",
		"Η γλώσσα και עברית ו العربية",
	}
	rng := rand.New(rand.NewSource(1))
	randText := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	runeBounds := func(s string) []int {
		var at []int
		for i := range s {
			at = append(at, i)
		}
		return append(at, len(s))
	}
	for round := 0; round < 400; round++ {
		line := lines[round%len(lines)]
		if round%3 == 0 {
			line = randText(20 + rng.Intn(40))
		}
		l := LanguagesOf(line + " " + randText(10))
		word := randText(1 + rng.Intn(30))
		if round%2 == 0 {
			word = line
		}
		p := l.Parts(word)
		c, q, ok := l.CostAndParts(word)
		if want := LanguageCost(word, l); math.Float64bits(c) != math.Float64bits(want) {
			t.Fatalf("CostAndParts(%q) = %v, LanguageCost %v", word, c, want)
		}
		if ok && q != p {
			t.Fatalf("CostAndParts(%q): parts differ from Parts", word)
		}
		at := runeBounds(word)
		for k := 0; k < 20; k++ {
			i, j := rng.Intn(len(at)), rng.Intn(len(at))
			if i > j {
				i, j = j, i
			}
			from, to := at[i], at[j]
			cand := randText(rng.Intn(3))
			got := l.CostReplaced(&p, word, from, to, cand)
			want := LanguageCost(word[:from]+cand+word[to:], l)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("CostReplaced(%q, %d, %d, %q) = %v, LanguageCost %v", word, from, to, cand, got, want)
			}
		}
	}
}

// TestCharCostReplaced holds CharCostReplaced to CharCost of the text it
// prices, to the bit, capitals, marks, boxes and no-break spaces beside
// the span included.
func TestCharCostReplaced(t *testing.T) {
	pieces := []string{
		"a", "e", "Z", "Q", "é", "ü", "ß", "Ä", "Ã", "£", "¬", "Ê", "À", "½", "ç", "«", "»",
		"д", "Я", "Ж", "Ш", "ё", "α", "Ω", "Σ", "ש", "\u05be", "ل", "ก", "你", "ア", "한", "ǻ", "ʰ", "ˆ",
		"\u0301", "\u064e", "\u05b7", "\u3099", " ", "  ", ".", ";", "!", ",", "1", "-", "’", "\uFFFD",
		"—", "\u00a0", "─", "│", "█", "ﾃ", "\u2028", "\ue000", "\x01", "\u0085", "\t",
	}
	rng := rand.New(rand.NewSource(2))
	randText := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	contexts := []rune{0, ' ', 'a', 'Z', 'Ж', 'ж', '\u00a0', utf8.RuneError, '\u05be', '─', '«', '1'}
	for round := 0; round < 20000; round++ {
		s := randText(rng.Intn(12))
		var at []int
		for i := range s {
			at = append(at, i)
		}
		at = append(at, len(s))
		from := at[rng.Intn(len(at))]
		to := from
		for _, i := range at {
			if i >= from && rng.Intn(3) == 0 {
				to = i
				break
			}
		}
		cand := randText(rng.Intn(4))
		before, after := contexts[rng.Intn(len(contexts))], contexts[rng.Intn(len(contexts))]
		whole := CharCost(before, s, after)
		got := CharCostReplaced(before, s, after, from, to, cand, whole)
		want := CharCost(before, s[:from]+cand+s[to:], after)
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("CharCostReplaced(%q, %q, %q, %d, %d, %q) = %v, want %v", before, s, after, from, to, cand, got, want)
		}
	}
}

// TestCharCostHalves holds every figure charCost adds to a multiple of
// one half, which makes its sums exact in any order (see
// CharCostReplaced).
func TestCharCostHalves(t *testing.T) {
	half := func(what string, x float64) {
		t.Helper()
		if x*2 != math.Trunc(x*2) || math.Abs(x) > 1<<20 {
			t.Fatalf("%s = %v, not a multiple of one half", what, x)
		}
	}
	for a := range Class(numClasses) {
		half("unigram", unigram[a])
		for b := range Class(numClasses) {
			half("transition", transitions[a][b])
		}
	}
	for _, x := range []float64{rareLetter, smallCapsCharge, capitalsRunDiscount, disjointBoxes, combiningOnCJK, nbspTypography, degreeAfterDigit, invertedMarkOpens} {
		half("constant", x)
	}
	// Every rune's own cost, and its transitions from and to the runes
	// transitionSpecial reads.
	special := []rune{' ', 'a', 'A', '1', '«', '°', '¡', '¿', '\u00a0', '\u05be', '─', '█', '你', 'ア', '\u064e', '\u0301', '\u3099'}
	// The BMP rune by rune, the planes above a sample of them.
	var buf [utf8.UTFMax]byte
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF || r > 0xFFFF && r%61 != 0 {
			continue
		}
		c := ClassOf(r)
		n := utf8.EncodeRune(buf[:], r)
		half("cost", charCost(Space, 0, unsafe.String(&buf[0], n), Space, 0))
		if r < 0x3400 || r >= 0xAC00 && r < 0xAD00 {
			for _, o := range special {
				half("transition", transitionRunes(c, r, ClassOf(o), o))
				half("transition", transitionRunes(ClassOf(o), o, c, r))
			}
		}
	}
}

// TestChoiceSplit holds ChoiceSplit's prices to ChoiceCost's, to the
// bit: refineLost chooses lost letters by them.
func TestChoiceSplit(t *testing.T) {
	pieces := []string{
		"a", "e", "n", "s", "t", "Z", "é", "ü", "ß", "Ä", "Ã", "£", "¬", "Ê", "½", "ç", "ñ", "ó", "Õ", "â", "¸", "ö", "µ",
		"д", "Я", "ё", "ж", "с", "т", "о", "α", "Ω", "ש", "ל", "ก", "你", "ア", "한", "ǻ", "ˆ",
		"\u0301", "\u05b7", " ", ".", ",", "1", "2", "0x", "-", "’", "“", "”", "—", "…", "\uFFFD", "\u00a0", "the", "and", "что", "это", "der",
	}
	cands := []string{"", "a", "e", "s", "é", "ñ", "ö", "с", "я", "э", "α", "’", "“", "\u2019", "–", "…", "7", " ", "ab", "\uFFFD", "你", "ש", "Ѣ", "ʃ", "\xff"}
	lines := []string{
		"Õâ¸öµ÷ÓÃ´´½¨Ò»¸öÐÂµÄ´ò¿ªÎÄ¼þ£¬¼´·ÖÅäÒ»¸ö",
		"Москва — столица России, устройство и это",
		"Das ist der „Test“ und die Straße, señor niño",
		"úÁÍÅÔÉÍ, ÞÔÏ ÎÁ Ä×ÕÁÒÈÉÔÅËÔÕÒÎÙÈ the and",
		"Η γλώσσα και עברית ו the English words",
	}
	rng := rand.New(rand.NewSource(3))
	randText := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	var c ChoiceSplit
	split := 0
	for round := 0; round < 3000; round++ {
		line := lines[round%len(lines)]
		if round%3 == 0 {
			line = randText(20 + rng.Intn(40))
		}
		l := LanguagesOf(line + " " + randText(10))
		if round%17 == 0 {
			l = nil
		}
		s := randText(rng.Intn(25))
		if round%4 == 0 {
			s = line
		}
		var at []int
		for i := range s {
			at = append(at, i)
		}
		at = append(at, len(s))
		from := at[rng.Intn(len(at))]
		to := from
		for _, i := range at {
			if i >= from && rng.Intn(3) == 0 {
				to = i
				break
			}
		}
		before, after := []rune{0, ' ', 'a', 'Я'}[rng.Intn(4)], []rune{0, ' ', '.', 'z'}[rng.Intn(4)]
		c.Reset(l, before, s, after, from, to)
		if c.split {
			split++
		}
		for range 8 {
			cand := cands[rng.Intn(len(cands))]
			got := c.Cost(cand)
			want := ChoiceCost(before, s[:from]+cand+s[to:], after, l)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("ChoiceSplit(%q, %d, %d).Cost(%q) = %v, ChoiceCost %v", s, from, to, cand, got, want)
			}
		}
	}
	if split < 1000 {
		t.Errorf("only %d of 3000 texts were split", split)
	}
}

package plausible

import (
	"math"
	"math/rand"
	"strings"
	"testing"
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

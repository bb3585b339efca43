package plausible_test

import (
	"testing"

	"github.com/mojitext/moji/internal/plausible"
)

// TestDashAndQuoteConventions checks that a lost byte between two dashes
// or two closing quotes is settled by the typography of the line's
// language, and only by its main one.
func TestDashAndQuoteConventions(t *testing.T) {
	german := plausible.LanguagesOf("Die Konfiguration wird beim Start gelesen, und Änderungen werden erst nach einem Neustart wirksam.")
	polish := plausible.LanguagesOf("Konfiguracja jest odczytywana przy starcie, a zmiany zaczynają działać dopiero po ponownym uruchomieniu.")
	russian := plausible.LanguagesOf("Конфигурация читается при запуске системы, см. drivers/block/loop.c и Documentation/admin-guide.")
	cases := []struct {
		name         string
		langs        *plausible.Languages
		prefer, over string
		tie          bool // prefer may cost as much as over
	}{
		{"German spaced dash is an en dash", german, "–", "—", false},
		{"German closes „ with “", german, "“", "”", false},
		{"Polish closes „ with ”", polish, "”", "“", false},
		{"a Russian line's Latin words do not make its dash German", russian, "—", "–", true},
	}
	for _, c := range cases {
		p := plausible.ChoiceCost(' ', c.prefer, ' ', c.langs)
		o := plausible.ChoiceCost(' ', c.over, ' ', c.langs)
		if p > o || p == o && !c.tie {
			t.Errorf("%s: cost(%s) = %.1f, cost(%s) = %.1f", c.name, c.prefer, p, c.over, o)
		}
	}
}

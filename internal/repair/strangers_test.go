package repair

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/mojitext/moji/internal/plausible"
)

// TestWordStrangers holds the one pass of wordStrangers to the passes it
// stands for: cjkStrangers, strangers, and the letters LanguageBound
// counts, on words of mixed scripts in lines of every balance.
func TestWordStrangers(t *testing.T) {
	pieces := []string{"a", "Z", "é", "д", "Я", "α", "ש", "ل", "ก", "你", "好", "ア", "한", "1", " ", ".", "’", "\uFFFD", "ǻ", "\u0301"}
	rng := rand.New(rand.NewSource(1))
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	var sc scratch
	for range 3000 {
		line := text(rng.Intn(60))
		// Lines of one script most often, as text is.
		if rng.Intn(2) == 0 {
			line = strings.Repeat(pieces[rng.Intn(len(pieces))], 5+rng.Intn(30)) + line
		}
		from := rng.Intn(len(line) + 1)
		for from > 0 && !runeBoundary(line, from) {
			from--
		}
		word := text(rng.Intn(12))
		s := line[:from] + word + line[from:]
		ctx := newScriptContext(&sc, s, from, from+len(word), word)
		cjk, all, letters := ctx.wordStrangers(word)
		if want := cjkStrangers(word, &ctx); cjk != want {
			t.Fatalf("%q in %q: cjk %v, cjkStrangers %v", word, s, cjk, want)
		}
		if want := strangers(word, &ctx); all != want {
			t.Fatalf("%q in %q: all %v, strangers %v", word, s, all, want)
		}
		if got, want := plausible.LanguageBoundLetters(letters), plausible.LanguageBound(word); got != want {
			t.Fatalf("%q: bound %v, LanguageBound %v", word, got, want)
		}
	}
}

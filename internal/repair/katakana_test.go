package repair

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mojitext/moji/internal/langstats"
)

// TestKatakanaSplitter holds the splitter, which looks up only the words
// through the position and only while the lexicon has words beginning
// so, to the plain count of the fewest words over the whole run.
func TestKatakanaSplitter(t *testing.T) {
	fewest := func(run string) int {
		n := len(run) / 3
		k := make([]int, n+1)
		for end := 1; end <= n; end++ {
			for start := max(0, end-langstats.MaxKatakanaWord); start <= end-2; start++ {
				if (start == 0 || k[start] > 0) && langstats.KatakanaWord(run[3*start:3*end]) && (k[end] == 0 || k[start]+1 < k[end]) {
					k[end] = k[start] + 1
				}
			}
		}
		return k[n]
	}
	words := []string{"コントロール", "グループ", "プラット", "フォーム", "プラント", "キー", "ワード", "ダウン", "ロード", "アップ", "デート"}
	letters := []rune("ーアイウコトドプラッンロルグフォム")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for b.Len() < 3*(1+rng.IntN(2*langstats.MaxKatakanaWord-1)) {
			if rng.IntN(3) == 0 {
				b.WriteRune(letters[rng.IntN(len(letters))])
			} else {
				b.WriteString(words[rng.IntN(len(words))])
			}
		}
		run := []rune(b.String())[:min(len([]rune(b.String())), 2*langstats.MaxKatakanaWord)]
		at := rng.IntN(len(run))
		var sp katakanaSplitter
		sp.init(string(run[:at]), string(run[at+1:]))
		for _, l := range letters {
			whole := string(run[:at]) + string(l) + string(run[at+1:])
			if got, want := sp.fewestWith(string(l)), fewest(whole); got != want {
				t.Fatalf("fewest words of %q with %c at %d = %d, want %d", whole, l, at, got, want)
			}
		}
	}
}

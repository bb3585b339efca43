package plausible

import (
	"math/rand"
	"testing"
)

// swapRunes are runes of every case and of the classes around them that
// the capitals charge and the transitions read.
var swapRunes = []rune("aZbYéÉßŁłΩωΣσДдЖжЯяÅåǺǻҴҵƽ東京はの都すカ한글 .,-—…’\"1€©°×ˆ\u0301\u0300─│█→Ⅰⅰ\u00a0\t\nאبก\u0080ﾃｩＡ")

// TestSwapBound holds SwapBound to its claim: on random texts, replacing
// one rune never lowers CharCost by more than the bound says.
func TestSwapBound(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pick := func() rune { return swapRunes[rng.Intn(len(swapRunes))] }
	for range 200000 {
		n := 1 + rng.Intn(8)
		x := make([]rune, n)
		for i := range x {
			x[i] = pick()
		}
		var before, after rune
		if rng.Intn(4) > 0 {
			before = pick()
		}
		if rng.Intn(4) > 0 {
			after = pick()
		}
		k := rng.Intn(n)
		y := append([]rune(nil), x...)
		y[k] = pick()
		prev, next := before, after
		if k > 0 {
			prev = x[k-1]
		}
		if k+1 < n {
			next = x[k+1]
		}
		d := CharCost(before, string(x), after) - CharCost(before, string(y), after)
		if b := SwapBound(prev, x[k], y[k], next); d > b {
			t.Fatalf("%q→%q (before %q, after %q): CharCost falls by %v, bound %v", string(x), string(y), before, after, d, b)
		}
	}
}

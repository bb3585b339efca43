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

// swapBoundRef is SwapBound as it was written first, from charCostRune:
// TestSwapBoundClasses holds the version that looks each class up once
// to it, bit for bit.
func swapBoundRef(prev, r, c, next rune) float64 {
	bound := charCostRune(prev, r, next) - charCostRune(prev, c, next) + swapBoundSlack
	cr, cc := ClassOf(r), ClassOf(c)
	{
		p, n := Space, Space
		if prev > 0 {
			p = ClassOf(prev)
		}
		if next > 0 && next != 0xFFFD {
			n = ClassOf(next)
		}
		bound += capitalsRunBound(p, cr, cc, n)
	}
	if cr.IsUpper() == cc.IsUpper() && cr.IsLowerCase() == cc.IsLowerCase() && smallInCapitals(cr) == smallInCapitals(cc) {
		return bound
	}
	p, n := Space, Space
	if prev > 0 {
		p = ClassOf(prev)
	}
	if next > 0 {
		n = ClassOf(next)
	}
	if smallInCapitals(p) && !cr.IsLowerCase() {
		bound += smallCapsCharge
	}
	if smallInCapitals(cr) && p.IsUpper() {
		bound += smallCapsCharge
	}
	if smallInCapitals(n) && cr.IsUpper() {
		bound += smallCapsCharge
	}
	if cr.IsUpper() && n.IsUpper() {
		bound += smallCapsCharge
	}
	return bound
}

// TestSwapBoundClasses holds SwapBound to swapBoundRef on every
// combination of swapRunes, no neighbour, U+FFFD and runes that are no
// characters (a surrogate, beyond U+10FFFF) as all four of its runes.
func TestSwapBoundClasses(t *testing.T) {
	runes := append([]rune{0, 0xFFFD, 0xD800, 0x110000}, swapRunes...)
	for _, prev := range runes {
		for _, r := range runes {
			for _, c := range runes {
				for _, next := range runes {
					if got, want := SwapBound(prev, r, c, next), swapBoundRef(prev, r, c, next); got != want {
						t.Fatalf("SwapBound(%q, %q, %q, %q) = %v, from charCostRune %v", prev, r, c, next, got, want)
					}
				}
			}
		}
	}
}

// TestTransitionRunes holds transitionRunes, which reads plainTransitions
// where it can, to transitionSpecial, the rules, on every pair of classes
// and runes that the rules read (box drawing that joins and that does
// not, the voiced sound marks, the marks French typography spaces, «).
func TestTransitionRunes(t *testing.T) {
	runes := append([]rune{0, '─', '│', '█', ' ', 0x3099, 0x309A, 0x0301, '«', '»', ';', '!', '€', 0xA0}, swapRunes...)
	for a := range Class(numClasses) {
		for b := range Class(numClasses) {
			for _, ra := range runes {
				for _, rb := range runes {
					if got, want := transitionRunes(a, ra, b, rb), transitionSpecial(a, ra, b, rb); got != want {
						t.Fatalf("transitionRunes(%d, %q, %d, %q) = %v, the rules say %v", a, ra, b, rb, got, want)
					}
				}
			}
		}
	}
}

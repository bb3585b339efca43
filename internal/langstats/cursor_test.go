package langstats

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The tables' keys are strictly ascending: a lookup's search and a
// cursor's walk find the same entry.
func TestTableKeysAscending(t *testing.T) {
	for m := 1; m < len(pairKeys)/4; m++ {
		if pairKeys[4*m-4:4*m] >= pairKeys[4*m:4*m+4] {
			t.Fatalf("pair %d out of order", m)
		}
	}
	for m := 1; m < len(tripleKeys)/6; m++ {
		if tripleKeys[6*m-6:6*m] >= tripleKeys[6*m:6*m+6] {
			t.Fatalf("triple %d out of order", m)
		}
	}
}

// cursorRunes returns ascending candidate runes: every rune of the
// tables' entries near the neighbours', others at random, and runes
// outside U+3000–U+FFFF.
func cursorRunes(rng *rand.Rand) []rune {
	var rs []rune
	for m := range len(pairKeys) / 4 {
		if rng.IntN(8) == 0 {
			rs = append(rs, pairRune(m, 0), pairRune(m, 1))
		}
	}
	for m := range len(tripleKeys) / 6 {
		if rng.IntN(8) == 0 {
			rs = append(rs, tripleRune(m, 0), tripleRune(m, 1), tripleRune(m, 2))
		}
	}
	for range 2000 {
		rs = append(rs, rune(rng.IntN(0x11000)))
	}
	rs = append(rs, 0, 'a', 0x2FFF, 0x3000, 0xFFFE, 0xFFFF, 0x10000, LineEnd, ASCIIWord)
	slices.Sort(rs)
	return slices.Compact(rs)
}

// Each cursor returns, candidate by candidate in ascending order, the
// figure of the lookup it stands for, bit for bit.
func TestCursorsMatchLookups(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	rs := cursorRunes(rng)
	var neighbours []rune
	for range 300 {
		m := rng.IntN(len(tripleKeys) / 6)
		neighbours = append(neighbours, tripleRune(m, 0), tripleRune(m, 1), tripleRune(m, 2))
		m = rng.IntN(len(pairKeys) / 4)
		neighbours = append(neighbours, pairRune(m, 0), pairRune(m, 1))
	}
	neighbours = append(neighbours, 0, 'x', 0x3000, LineEnd, ASCIIWord, 0x10000)
	var found [5]int // the figures found, which must not all be 0
	for i, x := range neighbours {
		y := neighbours[(i+1)%len(neighbours)]
		pc, pb := PairsOf(x).Cursor(), PairsEndingIn(x).Cursor()
		tc, tl := TriplesOf(x).Cursor(), TriplesOf(x).Then(y).Cursor()
		tb := TriplesEndingIn(x, y).Cursor()
		for _, r := range rs {
			for k, v := range [5]float64{PairsOf(x).PMI(r), PairPMI(r, x), TriplesOf(x).I3(r, y), TriplesOf(x).Then(y).Last(r), TripleI3(r, x, y)} {
				if v != 0 {
					found[k]++
				}
			}
			if got, want := pc.PMI(r), PairsOf(x).PMI(r); got != want {
				t.Fatalf("PairsOf(%U).Cursor().PMI(%U) = %v, want %v", x, r, got, want)
			}
			if got, want := pb.PMI(r), PairPMI(r, x); got != want {
				t.Fatalf("PairsEndingIn(%U).Cursor().PMI(%U) = %v, want %v", x, r, got, want)
			}
			if got, want := tc.I3(r, y), TriplesOf(x).I3(r, y); got != want {
				t.Fatalf("TriplesOf(%U).Cursor().I3(%U, %U) = %v, want %v", x, r, y, got, want)
			}
			if got, want := tl.Last(r), TriplesOf(x).Then(y).Last(r); got != want {
				t.Fatalf("TriplesOf(%U).Then(%U).Cursor().Last(%U) = %v, want %v", x, y, r, got, want)
			}
			if got, want := tb.I3(r), TripleI3(r, x, y); got != want {
				t.Fatalf("TriplesEndingIn(%U, %U).Cursor().I3(%U) = %v, want %v", x, y, r, got, want)
			}
		}
	}
	for k, n := range found {
		if n < 20 {
			t.Errorf("lookup %d found %d figures: too few to test the cursors", k, n)
		}
	}
	t.Log(found)
}

package langstats

import (
	"slices"
	"sync"
)

// The cursors below read the figures PairPMI and TripleI3 return for a
// run of candidates in ascending rune order, where one of the pair's or
// triple's members is the candidate and the others are fixed: a lost CJK
// character is weighed against up to a lead byte's 1,594 candidates,
// which come in rune order (see repair's cjkCompletions), beside the same
// neighbours. A cursor walks the fixed members' entries once, alongside
// the candidates, where a lookup searched them once per candidate; each
// returns the same entry's figure, the same float64, or 0 where the
// lookup finds none. Called with a rune below the one before, a cursor
// answers wrongly: the caller checks the order first.

// PairCursor reads p.PMI(b) for b in ascending order.
type PairCursor struct{ m, hi int }

// Cursor returns a cursor over p's entries.
func (p Pairs) Cursor() PairCursor { return PairCursor{p.lo, p.hi} }

// PMI is p.PMI(b), for b no lower than the last b asked.
func (c *PairCursor) PMI(b rune) float64 {
	if c.m >= c.hi || b > 0xFFFF || b < 0x3000 {
		return 0
	}
	key := uint16(b)
	for ; c.m < c.hi; c.m++ {
		switch k := uint16(pairKeys[4*c.m+2])<<8 | uint16(pairKeys[4*c.m+3]); {
		case k == key:
			return float64(pairPMI[c.m]) / pairScale
		case k > key:
			return 0
		}
	}
	return 0
}

// PairsBefore is the entries of the pair table that end with one rune b,
// in the order of their first runes: PairsBefore(b).Cursor().PMI(a) is
// PairPMI(a, b).
type PairsBefore struct{ lo, hi int }

// pairsBySecond lists the pair table's entries whose runes are both
// U+3000–U+FFFF (those PairPMI can find), ordered by second rune, then
// first; pairSecond indexes it by second rune as firstIndex does.
var pairsBySecond = sync.OnceValues(func() ([]uint16, *firstIndex) {
	n := len(pairKeys) / 4
	if n > 0xFFFF {
		panic("langstats: pair table too large for its index")
	}
	var order []uint16
	for m := range n {
		if first, second := pairRune(m, 0), pairRune(m, 1); first >= 0x3000 && second >= 0x3000 {
			order = append(order, uint16(m))
		}
	}
	slices.SortFunc(order, func(x, y uint16) int {
		kx := int(pairRune(int(x), 1))<<16 | int(pairRune(int(x), 0))
		ky := int(pairRune(int(y), 1))<<16 | int(pairRune(int(y), 0))
		return kx - ky
	})
	idx := new(firstIndex)
	k := 0
	for r := range idx {
		for k < len(order) && int(pairRune(int(order[k]), 1)) < 0x3000+r {
			k++
		}
		idx[r] = uint16(k)
	}
	return order, idx
})

// pairRune returns the first (i = 0) or second (i = 1) rune of the pair
// table's entry m.
func pairRune(m, i int) rune {
	return rune(pairKeys[4*m+2*i])<<8 | rune(pairKeys[4*m+2*i+1])
}

// PairsEndingIn returns the pairs that end with b.
func PairsEndingIn(b rune) PairsBefore {
	if b > 0xFFFF || b < 0x3000 {
		return PairsBefore{}
	}
	_, idx := pairsBySecond()
	return PairsBefore{int(idx[b-0x3000]), int(idx[b-0x3000+1])}
}

// PairBeforeCursor reads PairPMI(a, b) for the b of its PairsBefore and
// a in ascending order.
type PairBeforeCursor struct {
	order []uint16
	m, hi int
}

// Cursor returns a cursor over p's entries.
func (p PairsBefore) Cursor() PairBeforeCursor {
	order, _ := pairsBySecond()
	return PairBeforeCursor{order, p.lo, p.hi}
}

// PMI is PairPMI(a, b), for a no lower than the last a asked.
func (c *PairBeforeCursor) PMI(a rune) float64 {
	if c.m >= c.hi || a > 0xFFFF || a < 0x3000 {
		return 0
	}
	for ; c.m < c.hi; c.m++ {
		m := int(c.order[c.m])
		switch k := pairRune(m, 0); {
		case k == a:
			return float64(pairPMI[m]) / pairScale
		case k > a:
			return 0
		}
	}
	return 0
}

// TripleCursor reads t.I3(b, c) for one c and b in ascending order, or,
// for t narrowed by Then, t.Last(c) for c in ascending order.
type TripleCursor struct {
	m, hi int
	high  uint32 // the key's fixed high half, for Last
}

// Cursor returns a cursor over t's entries.
func (t Triples) Cursor() TripleCursor {
	c := TripleCursor{m: t.lo, hi: t.hi}
	if t.lo < t.hi {
		c.high = tripleKey(t.lo) & 0xFFFF0000
	}
	return c
}

// I3 is t.I3(b, c), for c the same as at every call and b no lower than
// the last b asked.
func (c *TripleCursor) I3(b, next rune) float64 {
	if c.m >= c.hi || b > 0xFFFF || next > 0xFFFF || b < 0x3000 || next < 0x3000 {
		return 0
	}
	return c.find(uint32(b)<<16 | uint32(next))
}

// Last is t.Last(c), for c no lower than the last c asked.
func (c *TripleCursor) Last(r rune) float64 {
	if c.m >= c.hi || r > 0xFFFF || r < 0x3000 {
		return 0
	}
	return c.find(c.high | uint32(r))
}

func (c *TripleCursor) find(key uint32) float64 {
	for ; c.m < c.hi; c.m++ {
		switch k := tripleKey(c.m); {
		case k == key:
			return float64(tripleI3[c.m]) / pairScale
		case k > key:
			return 0
		}
	}
	return 0
}

// triplesByLast lists the triple table's entries whose runes are all
// U+3000–U+FFFF (those TripleI3 can find), ordered by their last two
// runes, then the first.
var triplesByLast = sync.OnceValue(func() []uint16 {
	n := len(tripleKeys) / 6
	if n > 0xFFFF {
		panic("langstats: triple table too large for its index")
	}
	var order []uint16
	for m := range n {
		if tripleRune(m, 0) >= 0x3000 && tripleRune(m, 1) >= 0x3000 && tripleRune(m, 2) >= 0x3000 {
			order = append(order, uint16(m))
		}
	}
	slices.SortFunc(order, func(x, y uint16) int {
		kx, ky := tripleKey(int(x)), tripleKey(int(y))
		if kx != ky {
			if kx < ky {
				return -1
			}
			return 1
		}
		return int(tripleRune(int(x), 0)) - int(tripleRune(int(y), 0))
	})
	return order
})

// tripleRune returns rune i (0, 1 or 2) of the triple table's entry m.
func tripleRune(m, i int) rune {
	return rune(tripleKeys[6*m+2*i])<<8 | rune(tripleKeys[6*m+2*i+1])
}

// TriplesBefore is the entries of the triple table that end with the
// runes b and c, in the order of their first runes:
// TriplesEndingIn(b, c).Cursor().I3(a) is TripleI3(a, b, c).
type TriplesBefore struct{ lo, hi int }

// TriplesEndingIn returns the triples that end with b and c.
func TriplesEndingIn(b, c rune) TriplesBefore {
	if b > 0xFFFF || c > 0xFFFF || b < 0x3000 || c < 0x3000 {
		return TriplesBefore{}
	}
	order := triplesByLast()
	key := uint32(b)<<16 | uint32(c)
	lo := sortSearch(len(order), func(i int) bool { return tripleKey(int(order[i])) >= key })
	hi := lo + sortSearch(len(order)-lo, func(i int) bool { return tripleKey(int(order[lo+i])) > key })
	return TriplesBefore{lo, hi}
}

// TripleBeforeCursor reads TripleI3(a, b, c) for the b and c of its
// TriplesBefore and a in ascending order.
type TripleBeforeCursor struct {
	order []uint16
	m, hi int
}

// Cursor returns a cursor over t's entries.
func (t TriplesBefore) Cursor() TripleBeforeCursor {
	return TripleBeforeCursor{triplesByLast(), t.lo, t.hi}
}

// I3 is TripleI3(a, b, c), for a no lower than the last a asked.
func (c *TripleBeforeCursor) I3(a rune) float64 {
	if c.m >= c.hi || a > 0xFFFF || a < 0x3000 {
		return 0
	}
	for ; c.m < c.hi; c.m++ {
		m := int(c.order[c.m])
		switch k := tripleRune(m, 0); {
		case k == a:
			return float64(tripleI3[m]) / pairScale
		case k > a:
			return 0
		}
	}
	return 0
}

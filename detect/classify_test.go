package detect

import (
	"testing"

	"github.com/mojitext/moji/internal/plausible"
)

// TestClassifyMatchesPlausible holds detection's copies of plausible's
// classifier and unigram cost equal to the originals.
func TestClassifyMatchesPlausible(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r > 0x10000 && r&0xFF != 0 && r < 0x1F000 || r > 0x20000 && r&0xFFF != 0 {
			continue // sample beyond the BMP: both call plausible
		}
		if got, want := classOf(r), plausible.ClassOf(r); got != want {
			t.Fatalf("classOf(%U) = %d, plausible says %d", r, got, want)
		}
		if 0x0E31 <= r && r <= 0x0E4E {
			continue // baseCost prices Thai marks as letters on purpose
		}
		if got, want := baseCost(r), plausible.RuneCost(r); got != want {
			t.Fatalf("baseCost(%U) = %v, plausible says %v", r, got, want)
		}
	}
}

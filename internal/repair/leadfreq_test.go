package repair

import (
	"math"
	"slices"
	"testing"

	"github.com/mojitext/moji/internal/plausible"
)

// leadFrequencies gives each candidate of a stretch of a lead byte's list
// the figure plausible.FrequencyCost gives it, and nothing for a list
// that is not such a stretch, however alike.
func TestLeadFrequencies(t *testing.T) {
	for lead := byte(0xE3); lead <= 0xEF; lead++ {
		all := leadCompletions(lead)
		if len(all) == 0 {
			continue
		}
		for _, cut := range [][2]int{{0, len(all)}, {len(all) / 3, len(all) / 2}, {len(all) - 1, len(all)}} {
			alts := all[cut[0]:cut[1]]
			freq := leadFrequencies(alts)
			if len(freq) != len(alts) {
				t.Fatalf("lead %X [%d:%d]: %d figures for %d candidates", lead, cut[0], cut[1], len(freq), len(alts))
			}
			for i, alt := range alts {
				if want := plausible.FrequencyCost(firstRune(alt.Text)); freq[i] != want {
					t.Fatalf("lead %X: %q costs %v, want %v", lead, alt.Text, freq[i], want)
				}
			}
		}
		if leadFrequencies(slices.Clone(all)) != nil {
			t.Errorf("lead %X: a copy of the list was taken for the list", lead)
		}
	}
	for _, prefix := range [][]byte{{0xE7}, {0xE7, 0x9A}, {0xE3, 0x81}} {
		alts := cjkCompletions(prefix, 3)
		if freq := leadFrequencies(alts); len(alts) > 0 && len(freq) != len(alts) {
			t.Errorf("cjkCompletions(% X): no figures", prefix)
		}
	}
}

// exp2Memo returns math.Exp2 of every argument, bit for bit, whether it
// remembers it or another argument took its slot.
func TestExp2Memo(t *testing.T) {
	var m exp2Memo
	xs := []float64{0, math.Copysign(0, -1), -0.25, -1, -1074.5, -1080, -3.75, 1e-300}
	for i := range 5000 {
		xs = append(xs, -float64(i%97)/4, -float64(i)*0.37, float64(i%13)/8)
	}
	for pass := range 2 {
		for _, x := range xs {
			if got, want := m.exp2(x), math.Exp2(x); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("pass %d: exp2(%v) = %v, want %v", pass, x, got, want)
			}
		}
	}
}

package repair

import (
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

package moji

import (
	"os"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		a, b string
		want []Change
	}{
		{"same", "same", nil},
		{"cafÃ©", "café", []Change{{InputOffset: 3, OutputOffset: 3, Before: "Ã©", After: "é"}}},
		{"Japan鈥檚 hopes", "Japan’s hopes", []Change{{InputOffset: 5, OutputOffset: 5, Before: "鈥檚", After: "’s"}}},
		{"a\nbÃ©\nc", "a\nbé\nc", []Change{{InputOffset: 3, OutputOffset: 3, Before: "Ã©", After: "é"}}},
		{"x", "", []Change{{Before: "x"}}},
	}
	for _, tt := range tests {
		got := Diff(tt.a, tt.b)
		if len(got) != len(tt.want) {
			t.Errorf("Diff(%q, %q) = %+v, want %+v", tt.a, tt.b, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Diff(%q, %q)[%d] = %+v, want %+v", tt.a, tt.b, i, got[i], tt.want[i])
			}
		}
	}
}

// TestExplainSeed checks that explaining the flagship article lists each
// repaired spot as its own change, at offsets that point into both texts.
func TestExplainSeed(t *testing.T) {
	broken, err := os.ReadFile("testdata/seed/nato-tokyo.gbk-mojibake.txt")
	if err != nil {
		t.Fatal(err)
	}
	e := Explain(string(broken))
	if len(e.Changes) < 30 {
		t.Fatalf("%d changes, want one per damaged spot (36 in the article)", len(e.Changes))
	}
	for _, c := range e.Changes {
		if !strings.HasPrefix(e.Input[c.InputOffset:], c.Before) || !strings.HasPrefix(e.Output[c.OutputOffset:], c.After) {
			t.Fatalf("change %+v does not point into the texts", c)
		}
		if len([]rune(c.Before)) > 4 {
			t.Errorf("change %+v spans more than one damaged spot", c)
		}
	}
}

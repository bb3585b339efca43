package ascii

import (
	"strings"
	"testing"
)

func TestPrefix(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"café", 3},
		{"é", 0},
		{strings.Repeat("a", 8), 8},
		{strings.Repeat("a", 15) + "é", 15},
		{strings.Repeat("a", 16) + "é" + "bc", 16},
		{"abcdefg\x80", 7},
		{"\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\xff", 8},
	} {
		if got := Prefix(tt.s); got != tt.want {
			t.Errorf("Prefix(%q) = %d, want %d", tt.s, got, tt.want)
		}
		if got := Prefix([]byte(tt.s)); got != tt.want {
			t.Errorf("Prefix([]byte(%q)) = %d, want %d", tt.s, got, tt.want)
		}
		if got, want := Is(tt.s), tt.want == len(tt.s); got != want {
			t.Errorf("Is(%q) = %v, want %v", tt.s, got, want)
		}
	}
}

package repair

import (
	"strings"
	"testing"
)

// TestBeginsEveryLayer holds the window's cut to places where a
// character begins at every layer of windows-1252 mojibake.
func TestBeginsEveryLayer(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"危", true},           // no mojibake begins here
		{"a", true},           // nor here
		{"å\u008d±", true},    // 危 read once: E5, a lead
		{"\u008d±", false},    // its continuation bytes
		{"Ã¥Â\u008dÂ±", true}, // read twice: "Ã¥" is å, a lead again
		{"Â\u008dÂ±", false},  // "Â\u008d" is a lead once, a continuation once more
		{"¥Â\u008d", false},   // a continuation byte of the layer above
		{"Ã©tÃ©", true},       // é (C3 A9), a lead read once
		{"\u00a9tÃ©", false},  // its continuation
		// ’ read once, but ’ is also windows-1252's 92, a continuation
		// byte were it a layer of its own: no cut here (a refused cut
		// only moves further back).
		{"â€™s", false},
	} {
		if got := beginsEveryLayer(c.text); got != c.want {
			t.Errorf("beginsEveryLayer(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestLongLineStackedMojibake: a line of Chinese read twice or three
// times through windows-1252 has no space or ASCII to cut its windows
// at; cut at any rune boundary, a window held part of a character's
// layers.
func TestLongLineStackedMojibake(t *testing.T) {
	clean := strings.Repeat("这是一个很长的句子，用来测试窗口的切分。", 30)
	w := findWrong("sloppy-windows-1252")
	damaged := clean
	for layers := 1; layers <= 3; layers++ {
		damaged, _ = readAs(damaged, w)
		if layers == 1 {
			continue
		}
		if len(damaged) < 4*window {
			t.Fatalf("the damaged line is %d bytes, no longer than four windows", len(damaged))
		}
		if got, _ := Repair(damaged, allOptionsInternal); got != clean {
			t.Errorf("Repair of a %d-byte line read %d times through windows-1252 differs from the original", len(damaged), layers)
		}
	}
}

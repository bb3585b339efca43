package repair

import (
	"strings"
	"testing"
)

// TestReadingPrices holds the island prices to what they say: a bracket
// the reading brings and nothing pairs, a mark of one script on a letter
// of another, the words of two ideographs a reading takes apart, and a
// reading of nothing but lost characters.
func TestReadingPrices(t *testing.T) {
	brackets := []struct {
		line, island, cand string
		unpaired           bool
	}{
		{"頗勒窶拏月、四月", "窶拏", "”[", true},      // opens, nothing closes
		{"頗勒窶拏月] 四月", "窶拏", "”[", false},    // closed later in the line
		{"頗勒窶拏月", "窶拏", "”[x]", false},      // closed in the reading
		{"a (b 窶拏 c", "窶拏", "”)", false},    // closes the line's opener
		{"a b 窶拏 c", "窶拏", "”)", true},      // closes nothing
		{"a [窶拏 c", "[窶拏", "[”", false},     // the bracket was there already
		{"plain 窶拏 text", "窶拏", "”", false}, // no bracket at all
	}
	for _, c := range brackets {
		sc := getScratch()
		from := strings.Index(c.line, c.island)
		if got := sc.bracketUnpaired(c.line, from, from+len(c.island), c.cand); got != c.unpaired {
			t.Errorf("bracketUnpaired(%q, %q as %q) = %v, want %v", c.line, c.island, c.cand, got, c.unpaired)
		}
		putScratch(sc)
	}
	marks := []struct {
		before, cand string
		stranger     bool
	}{
		{"sh", "\u0617", true},      // Arabic mark on a Latin letter
		{"caf", "e\u0301", false},   // the combining acute is every script's
		{"\u05e9", "\u05b8", false}, // Hebrew point on a Hebrew letter
		{"x", "\u05b8", true},       // Hebrew point on a Latin letter
		{"", "\u0617", false},       // no letter before it
		{"\u0628", "\u064e", false}, // Arabic fatha (Inherited) on an Arabic letter
	}
	for _, c := range marks {
		if got := markOnStranger(c.before, len(c.before), c.cand); got != c.stranger {
			t.Errorf("markOnStranger(%q + %q) = %v, want %v", c.before, c.cand, got, c.stranger)
		}
	}
	for _, c := range []struct {
		line, island string
		words        int
	}{
		{"他的眉毛很浓", "眉毛", 1},        // eyebrows
		{"猕猴桃", "猕猴桃", 1},          // kiwi fruit: 猕猴 is a word, 猴桃 is not
		{"Japan鈥檚 hopes", "鈥檚", 0}, // "’s" read through GBK
		{"銆€", "銆€", 0},            // "、" read through GBK: not two ideographs
		{"设置为默认", "设置为默认", 2},      // 设置, 默认
		{"保險櫃", "險櫃", 1},           // 保險 across the island's edge
		{"保險櫃", "保險", 1},           // 保險 inside; 險櫃 is no word
		{"網絡", "絡", 1},             // across the edge before it
		{"網絡", "網", 1},             // across the edge after it
	} {
		from := strings.Index(c.line, c.island)
		if got := hanWordsTaken(c.line, from, from+len(c.island)); got != c.words {
			t.Errorf("hanWordsTaken(%q, %q) = %d, want %d", c.line, c.island, got, c.words)
		}
	}
	for _, c := range []struct {
		t    string
		want bool
	}{{"\uFFFD\uFFFD", true}, {"\uFFFD \uFFFD", true}, {"\uFFFDa", false}, {"", false}, {" ", false}} {
		if got := unknownOnly(c.t); got != c.want {
			t.Errorf("unknownOnly(%q) = %v, want %v", c.t, got, c.want)
		}
	}
}

package repair

import (
	"reflect"
	"testing"
)

// TestMergeLayers holds the plan of a long line, window by window, to
// the layers each window undid: the same layer found again is one step,
// and a layer stacked on itself stays two.
func TestMergeLayers(t *testing.T) {
	mac := Layer{WrongDecoder: "macintosh", TrueCharset: "utf-8"}
	cp1252 := Layer{WrongDecoder: "sloppy-windows-1252", TrueCharset: "utf-8"}
	islands := cp1252
	islands.Islands = true
	for _, c := range []struct {
		name    string
		windows [][]Layer
		want    []Layer
	}{
		{"one layer in every window", [][]Layer{{mac}, {mac}, {mac}}, []Layer{mac}},
		{"stacked in every window", [][]Layer{{mac, mac}, {mac, mac}}, []Layer{mac, mac}},
		{"stacked in the second window only", [][]Layer{{mac}, {mac, mac}}, []Layer{mac, mac}},
		{"two decoders", [][]Layer{{cp1252, mac}, {mac}, {cp1252, mac}}, []Layer{cp1252, mac}},
		{"islands in one window", [][]Layer{{cp1252}, {islands}}, []Layer{islands}},
	} {
		var got []Layer
		for _, w := range c.windows {
			got = mergeLayers(got, w)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

// TestOnlyLoneLeads: what a round leaves of a line read through GBK with
// bytes dropped is a character made of a UTF-8 lead and its continuation
// ("涓" is E4 B8, 与 without its 8E); whole characters of correct text
// are not.
func TestOnlyLoneLeads(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    *wrongDecoder
		want bool
	}{
		{"涓 call", gbkWrong, true},  // E4 B8: a lead and one continuation
		{"� 涓 鍙", gbkWrong, true},   // 鍙 is E5 8F
		{"中 call", gbkWrong, false}, // D6 D0: no UTF-8 lead
		{"涓 中", gbkWrong, false},    // the correct hanzi speaks for itself
		{"Ñ с", findWrong("windows-1252"), false},
		{"Ñ Ð", findWrong("windows-1252"), true},
	} {
		if got := onlyLoneLeads(c.s, c.w); got != c.want {
			t.Errorf("onlyLoneLeads(%q, %s) = %v, want %v", c.s, c.w.name(), got, c.want)
		}
	}
	for _, c := range []struct {
		b    []byte
		want bool
	}{
		{[]byte{0xE4}, true}, {[]byte{0xE4, 0xB8}, true}, {[]byte{0xE4, 0xB8, 0x8E}, false},
		{[]byte{0xE0, 0x80}, false}, {[]byte{0xF0, 0x9F, 0x98}, true}, {[]byte{0xC3}, true},
		{[]byte{0xC3, 0xA9}, false}, {[]byte{0x80}, false}, {[]byte{0xD6, 0xD0}, false},
	} {
		if got := incompleteUTF8(c.b); got != c.want {
			t.Errorf("incompleteUTF8(% X) = %v, want %v", c.b, got, c.want)
		}
	}
}

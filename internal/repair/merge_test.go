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

package ftfystep

import (
	"testing"
	"unicode/utf8"
)

func TestBad(t *testing.T) {
	for _, tc := range []struct {
		text string
		bad  bool
	}{
		{"plain ASCII, nothing to see", false},
		{"café, naïve, Ελληνικά, Москва", false},
		{"cafÃ©", true},                  // Ã then © (a common 1252 pair)
		{"â€œquotedâ€\u009d", true},      // a C1 control
		{"10Î¼s", true},                  // an accented capital before a fraction
		{"Bremer/Mccoy – DrÃ¥ber", true}, // a lower-case letter, an accented capital, a currency sign
		{"Ã¥", false},                    // the same pair alone is no evidence
		{"voilÃ le", true},               // "Ã " after a letter
		{"Ã le", true},                   // "Ã " at the start
		{"x Ã le", true},                 // "Ã " after a letter and a space
		{"£Ä", true},                     // a currency sign before an accented capital
		{"Ä£", false},                    // the other way round is leetspeak
		{"вЂ™", true},                    // windows-1251's "’"
		{"Œuvre", false},                 // Œ before a letter
		{"Œ.", true},                     // Œ before anything else
		{"ГўВЂВ™s", true},
		{"\ufffd\ufffd", true},
	} {
		if got := Bad(tc.text); got != tc.bad {
			t.Errorf("Bad(%q) = %v, want %v", tc.text, got, tc.bad)
		}
	}
}

func TestRedecode(t *testing.T) {
	all := Options{RestoreByteA0: true, LossySequences: true, Islands: true}
	for _, tc := range []struct {
		text, encoding string
		o              Options
		want           string
		ok             bool
	}{
		{"cafÃ©", "iso-8859-1", all, "café", true},
		{"itâ€™s", "iso-8859-1", all, "itâ€™s", false}, // € is not Latin-1
		{"itâ€™s", "sloppy-windows-1252", all, "it’s", true},
		// A space for 0xA0 after "Ã" is kept: the 0xA0 and a space were
		// coalesced.
		{"voilÃ le", "iso-8859-1", all, "voilà le", true},
		{"voilÃ le", "iso-8859-1", Options{}, "voilÃ le", false},
		// Portuguese words that begin with à take the space.
		{"Ã s vezes", "iso-8859-1", all, "às vezes", true},
		{"Ã quele", "iso-8859-1", all, "àquele", true},
		// Other spaces stand for 0xA0 alone.
		{"Â foo", "iso-8859-1", all, "\u00a0foo", true},
		// A damaged sequence becomes one U+FFFD in a sloppy page only.
		{"â€\ufffd", "sloppy-windows-1252", all, "\ufffd", true},
		{"ItÃ?Â¢s", "sloppy-windows-1252", all, "It\ufffd¢s", true},
		{"ItÃ?Â¢s", "iso-8859-1", all, "ItÃ?Â¢s", false},
		{"\x1a", "sloppy-windows-1252", all, "\x1a", false},
		{"x", "no-such-page", all, "x", false},
	} {
		got, ok := Redecode(tc.text, tc.encoding, tc.o)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Redecode(%q, %s) = %q, %v; want %q, %v", tc.text, tc.encoding, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFix(t *testing.T) {
	all := Options{RestoreByteA0: true, LossySequences: true, Islands: true}
	for _, tc := range []struct {
		text, want string
	}{
		// Whole-text steps, in ftfy's order of pages.
		{"cafÃ©", "café"},
		{"La rГ©gion se trouve Г lвЂ™ouest", "La région se trouve à l’ouest"},
		{"cafÃƒÂ©", "café"}, // two layers, two steps
		// Islands: a correct "–" keeps the line from being re-decoded
		// whole; each island is judged alone.
		{"naïve – cafÃ©", "naïve – café"},
		{"Bremer/Mccoy – DrÃ¥ber", "Bremer/Mccoy – DrÃ¥ber"},
		// An island as long as the text is not repaired by pieces.
		{"ã†â€™ãƒâ€", "ã†â€™ãƒâ€"},
		// Nothing flagged, nothing done.
		{"Ã¥", "Ã¥"},
	} {
		got, ok := Fix(tc.text, all)
		if got != tc.want || ok != (tc.want != tc.text) {
			t.Errorf("Fix(%q) = %q, %v; want %q", tc.text, got, ok, tc.want)
		}
	}
}

func TestDecodeInconsistentKeepsTextOutsideIslands(t *testing.T) {
	all := Options{RestoreByteA0: true, LossySequences: true, Islands: true}
	in := "“Ce n’est pas” – dit-il, Ã©mu, à Paris"
	want := "“Ce n’est pas” – dit-il, ému, à Paris"
	if got := DecodeInconsistent(in, all); got != want {
		t.Errorf("DecodeInconsistent(%q) = %q, want %q", in, got, want)
	}
}

func FuzzFix(f *testing.F) {
	for _, s := range []string{"cafÃ©", "voilÃ le", "â€\ufffd", "naïve – cafÃ©", "ã†â€™ãƒâ€", "ItÃ?Â¢â?¬â?¢s"} {
		f.Add(s)
	}
	all := Options{RestoreByteA0: true, LossySequences: true, Islands: true}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		out, ok := Fix(s, all)
		if !utf8.ValidString(out) {
			t.Fatalf("Fix(%q) = %q: not UTF-8", s, out)
		}
		if ok == (out == s) {
			t.Fatalf("Fix(%q) = %q, %v: ok says the opposite", s, out, ok)
		}
		if !Bad(s) && ok {
			t.Fatalf("Fix(%q) changed text that is not bad", s)
		}
	})
}

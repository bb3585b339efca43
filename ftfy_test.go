package moji

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// ftfyCase is one case of ftfy 6.3.1's own test suite
// (testdata/ftfy/test-cases, Apache-2.0; see testdata/ftfy/SOURCE.md).
type ftfyCase struct {
	Label         string `json:"label"`
	Original      string `json:"original"`
	Fixed         string `json:"fixed"`
	FixedEncoding string `json:"fixed-encoding"`
	Expect        string `json:"expect"`
}

func (c ftfyCase) wantEncoding() string {
	if c.FixedEncoding != "" {
		return c.FixedEncoding
	}
	return c.Fixed
}

func loadFtfyCases(t testing.TB) map[string][]ftfyCase {
	t.Helper()
	files, err := filepath.Glob("testdata/ftfy/test-cases/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no ftfy test cases: %v", err)
	}
	out := map[string][]ftfyCase{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cases []ftfyCase
		if err := json.Unmarshal(data, &cases); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[filepath.Base(f)] = cases
	}
	return out
}

// latin1Layer adds one more layer of mojibake: UTF-8 bytes read as
// Latin-1, as ftfy's suite does to check that stacked layers are peeled.
func latin1Layer(s string) string {
	out, err := charmap.ISO8859_1.NewDecoder().String(s)
	if err != nil {
		panic(err)
	}
	return out
}

// TestFtfySuite runs every expected-pass case of ftfy's suite the way
// ftfy's own runner does: FtfyCompat gives "fixed", EncodingOnly gives
// "fixed-encoding", plans replay to the same text, and one more
// UTF-8→Latin-1 layer on top is still repaired.
func TestFtfySuite(t *testing.T) {
	for file, cases := range loadFtfyCases(t) {
		for _, c := range cases {
			if c.Expect != "pass" {
				continue
			}
			t.Run(file+"/"+c.Label, func(t *testing.T) {
				got, plan := FtfyCompat.Fix(c.Original)
				if got != c.Fixed {
					t.Errorf("FtfyCompat.Fix(%q)\n got %q\nwant %q\nplan %v", c.Original, got, c.Fixed, plan)
				}
				if replay, err := plan.Apply(c.Original); err != nil || replay != got {
					t.Errorf("FtfyCompat plan %v replays to %q, %v; want %q", plan, replay, err, got)
				}
				gotEnc, encPlan := EncodingOnly.Fix(c.Original)
				if gotEnc != c.wantEncoding() {
					t.Errorf("EncodingOnly.Fix(%q)\n got %q\nwant %q\nplan %v", c.Original, gotEnc, c.wantEncoding(), encPlan)
				}
				if replay, err := encPlan.Apply(c.Original); err != nil || replay != gotEnc {
					t.Errorf("EncodingOnly plan %v replays to %q, %v; want %q", encPlan, replay, err, gotEnc)
				}
				if got := FtfyCompat.FixString(latin1Layer(c.Original)); got != c.Fixed {
					t.Errorf("extra layer: FtfyCompat.FixString(latin1(%q))\n got %q\nwant %q", c.Original, got, c.Fixed)
				}
			})
		}
	}
}

// knownFailuresFixed tracks ftfy's known failures (cases ftfy 6.3.1 gets
// wrong) that moji's EncodingOnly repairs. The test fails when the list
// is out of date in either direction, so progress and regressions both
// show.
var knownFailuresFixed = map[string]bool{}

func TestFtfyKnownFailures(t *testing.T) {
	for _, c := range loadFtfyCases(t)["known-failures.json"] {
		got := EncodingOnly.FixString(c.Original)
		fixed := got == c.wantEncoding()
		if fixed != knownFailuresFixed[c.Label] {
			t.Errorf("known failure %q: fixed=%v, tracked as %v (got %q, want %q)", c.Label, fixed, knownFailuresFixed[c.Label], got, c.wantEncoding())
		}
	}
}

// TestDefaultLeavesCorrectTextAlone checks the promise of the Default
// preset on ftfy's negative cases: text that looks odd but is correct
// comes back byte for byte.
func TestDefaultLeavesCorrectTextAlone(t *testing.T) {
	for _, c := range loadFtfyCases(t)["negative.json"] {
		if c.wantEncoding() != c.Original {
			continue // ftfy changes it on purpose (C1 controls)
		}
		if got := Fix(c.Original); got != c.Original {
			t.Errorf("Fix(%q) = %q; correct text must not change", c.Original, got)
		}
	}
}

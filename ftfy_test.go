package moji

import (
	"encoding/json"
	"fmt"
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

// ftfyProblems checks one expected-pass case of ftfy's suite the way
// ftfy's own runner does: FtfyCompat gives "fixed", EncodingOnly gives
// "fixed-encoding", plans replay to the same text, and one more
// UTF-8→Latin-1 layer on top is still repaired. It returns what differs.
func ftfyProblems(c ftfyCase) []string {
	var p []string
	got, plan := FtfyCompat.Fix(c.Original)
	if got != c.Fixed {
		p = append(p, fmt.Sprintf("FtfyCompat.Fix(%q)\n got %q\nwant %q\nplan %v", c.Original, got, c.Fixed, plan))
	}
	if replay, err := plan.Apply(c.Original); err != nil || replay != got {
		p = append(p, fmt.Sprintf("FtfyCompat plan %v replays to %q, %v; want %q", plan, replay, err, got))
	}
	gotEnc, encPlan := EncodingOnly.Fix(c.Original)
	if gotEnc != c.wantEncoding() {
		p = append(p, fmt.Sprintf("EncodingOnly.Fix(%q)\n got %q\nwant %q\nplan %v", c.Original, gotEnc, c.wantEncoding(), encPlan))
	}
	if replay, err := encPlan.Apply(c.Original); err != nil || replay != gotEnc {
		p = append(p, fmt.Sprintf("EncodingOnly plan %v replays to %q, %v; want %q", encPlan, replay, err, gotEnc))
	}
	if got := FtfyCompat.FixString(latin1Layer(c.Original)); got != c.Fixed {
		p = append(p, fmt.Sprintf("extra layer: FtfyCompat.FixString(latin1(%q))\n got %q\nwant %q", c.Original, got, c.Fixed))
	}
	return p
}

// TestFtfySuite runs every expected-pass case of ftfy's suite. Cases in
// ftfyDeviations must still differ; every other case must pass.
func TestFtfySuite(t *testing.T) {
	passed, total := 0, 0
	for file, cases := range loadFtfyCases(t) {
		for _, c := range cases {
			if c.Expect != "pass" {
				continue
			}
			total++
			name := file + "/" + c.Label
			problems := ftfyProblems(c)
			if len(problems) == 0 {
				passed++
			}
			reason, deviates := ftfyDeviations[name]
			t.Run(name, func(t *testing.T) {
				switch {
				case deviates && len(problems) == 0:
					t.Errorf("now matches ftfy; remove it from ftfyDeviations (%s)", reason)
				case !deviates:
					for _, p := range problems {
						t.Error(p)
					}
				}
			})
		}
	}
	t.Logf("ftfy suite: %d of %d expected-pass cases give ftfy's results", passed, total)
}

// knownFailuresFixed tracks ftfy's known failures (cases ftfy 6.3.1 gets
// wrong) that moji's EncodingOnly repairs. The test fails when the list
// is out of date in either direction, so progress and regressions both
// show.
var knownFailuresFixed = map[string]bool{
	"Two levels of inconsistent mojibake":                    true,
	"A-with-grave in Vietnamese":                             true,
	"Italian UTF-8 / MacRoman mojibake that looks like math": true,
}

func TestFtfyKnownFailures(t *testing.T) {
	for _, c := range loadFtfyCases(t)["known-failures.json"] {
		got := EncodingOnly.FixString(c.Original)
		fixed := got == c.wantEncoding()
		if fixed != knownFailuresFixed[c.Label] {
			t.Errorf("known failure %q: fixed=%v, tracked as %v (got %q, want %q)", c.Label, fixed, knownFailuresFixed[c.Label], got, c.wantEncoding())
		}
	}
}

// knownFalsePositives are ftfy's negative cases that Default still
// changes, with why. Each is a defect to remove, tracked so that the list
// can only shrink.
var knownFalsePositives = map[string]string{
	"Sort of negative: this inconsistent mojibake could be Latin-1 or MacRoman, and it was meant to be Latin-1, but it's safest to not decode it as either": "\"Ã¥\" is å read as windows-1252; moji repairs it, ftfy declines because the line is inconsistent",
	"Negative: three raised eyebrows or something?": "\"Ôôô\" re-encodes through MacRoman to a private-use character",
	"Negative: Indonesian leetspeak":                "\"Ä£\" decodes to the Latvian ģ inside capitals",
	"Negative: math in Unicode":                     "\"√π\" re-encodes through MacRoman to ù",
}

// TestDefaultLeavesCorrectTextAlone checks the promise of the Default
// preset on ftfy's negative cases: text that looks odd but is correct
// comes back byte for byte.
func TestDefaultLeavesCorrectTextAlone(t *testing.T) {
	for _, c := range loadFtfyCases(t)["negative.json"] {
		if c.wantEncoding() != c.Original {
			continue // ftfy changes it on purpose (C1 controls)
		}
		got := Fix(c.Original)
		if _, known := knownFalsePositives[c.Label]; known {
			if got == c.Original {
				t.Errorf("%q is left alone now; remove it from knownFalsePositives", c.Label)
			}
			continue
		}
		if got != c.Original {
			t.Errorf("Fix(%q) = %q; correct text must not change", c.Original, got)
		}
	}
}

// ftfyDeviations lists the cases of ftfy's suite where moji's presets do not
// (yet) give ftfy's output, with the reason. The test fails when one of them
// starts to match, so the list only shrinks.
var ftfyDeviations = map[string]string{
	"in-the-wild.json/Latin-1 / Windows-1252 mixup in İstanbul (issue #192)":                           "not repaired yet",
	"in-the-wild.json/UTF-8 / Windows-1252 mixup in French":                                            "not repaired yet",
	"in-the-wild.json/Science! Mid-word Greek letter gets fixed correctly":                             "not repaired yet",
	"in-the-wild.json/For goodness' sake. We can come close to fixing this, but fail in the last step": "not repaired yet",
	"in-the-wild.json/UTF-8 / ISO-8859-2 mixup in Czech":                                               "not repaired yet",
	"in-the-wild.json/UTF-8 / Windows-1252 mixup in mixed French and Arabic":                           "not repaired yet",
	"in-the-wild.json/fancy Unicode crossing-out, but mojibaked":                                       "not repaired yet",
	"in-the-wild.json/We can mostly decode the face above when we lose the character U+009D":           "not repaired yet",
	"in-the-wild.json/An absolutely hopeless garble":                                                   "moji changes text ftfy leaves alone",
	"in-the-wild.json/French example containing non-breaking spaces":                                   "not repaired yet",
	"in-the-wild.json/Fix 'à' in inconsistent mojibake":                                                "not repaired yet",
	"in-the-wild.json/This is why we require a space after the 's' in 'às'":                            "not repaired yet",
	"in-the-wild.json/We can fix 'à' in windows-1251 sometimes as well":                                "not repaired yet",
	"in-the-wild.json/A complex, lossy pile-up of mojibake in Portuguese":                              "not repaired yet",
	"in-the-wild.json/UTF-8 / Windows-1252 mixup in Gaelic involving non-breaking spaces":              "not repaired yet",
	"in-the-wild.json/HTML entity on top of UTF-8 / Latin-1":                                           "moji changes text ftfy leaves alone",
	"in-the-wild.json/Latvian UTF-8 / Windows-1257 mojibake":                                           "not repaired yet",
	"in-the-wild.json/Lithuanian UTF-8 / Windows-1257 mojibake":                                        "not repaired yet",
	"language-names.json/Messy language names: Slovak":                                                 "not repaired yet",
	"negative.json/Sort of negative: this inconsistent mojibake could be Latin-1 or MacRoman, and it was meant to be Latin-1, but it's safest to not decode it as either": "moji changes text ftfy leaves alone",
	"negative.json/Negative: three raised eyebrows or something?":                                         "moji changes text ftfy leaves alone",
	"negative.json/Negative: Indonesian leetspeak":                                                        "moji changes text ftfy leaves alone",
	"negative.json/Negative: math in Unicode":                                                             "moji changes text ftfy leaves alone",
	"synthetic.json/Synthetic: we can recognize Ã in some cases when it's the only mojibake":              "not repaired yet",
	"synthetic.json/Synthetic: we can recognize Ã at the end of a word when it absorbs a following space": "not repaired yet",
	"synthetic.json/Synthetic: French word for hotel in all-caps windows-1252":                            "not repaired yet",
	"synthetic.json/Synthetic: Scottish Gaelic word for 'subject' in all-caps windows-1252":               "not repaired yet",
	"synthetic.json/Synthetic, negative: Norwegian capitalized nonsense":                                  "moji changes text ftfy leaves alone",
	"synthetic.json/Synthetic: mojibake with trademark sign at the end of a word":                         "not repaired yet",
}

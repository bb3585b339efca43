package moji

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
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
	status := loadFtfyStatus(t)
	ftfyDeviations := status.Deviations
	now := map[string]string{}
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
			if len(problems) > 0 {
				if !deviates {
					reason = "not repaired yet"
					if c.Original == c.wantEncoding() {
						reason = "moji changes text ftfy leaves alone"
					}
				}
				now[name] = reason
			}
			if *update {
				continue
			}
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
	if *update {
		status.Deviations = now
		saveFtfyStatus(t, status)
	}
}

// TestFtfyKnownFailures tracks the cases ftfy gets wrong. The ftfy
// presets reproduce ftfy, misses included; moji's own model (Default) is
// what repairs some of them, compared with ftfy's fix_encoding output.
func TestFtfyKnownFailures(t *testing.T) {
	status := loadFtfyStatus(t)
	knownFailuresFixed := map[string]bool{}
	for _, l := range status.KnownFailuresFixed {
		knownFailuresFixed[l] = true
	}
	var now []string
	for _, c := range loadFtfyCases(t)["known-failures.json"] {
		got := Default.FixString(c.Original)
		fixed := got == c.wantEncoding()
		if fixed {
			now = append(now, c.Label)
		}
		if *update {
			continue
		}
		if fixed != knownFailuresFixed[c.Label] {
			t.Errorf("known failure %q: fixed=%v, tracked as %v (got %q, want %q)", c.Label, fixed, knownFailuresFixed[c.Label], got, c.wantEncoding())
		}
	}
	if *update {
		status.KnownFailuresFixed = now
		saveFtfyStatus(t, status)
	}
}

// TestDefaultLeavesCorrectTextAlone checks the promise of the Default
// preset on ftfy's negative cases: text that looks odd but is correct
// comes back byte for byte.
func TestDefaultLeavesCorrectTextAlone(t *testing.T) {
	status := loadFtfyStatus(t)
	knownFalsePositives := status.FalsePositives
	now := map[string]string{}
	for _, c := range loadFtfyCases(t)["negative.json"] {
		if c.wantEncoding() != c.Original {
			continue // ftfy changes it on purpose (C1 controls)
		}
		got := Fix(c.Original)
		if got != c.Original {
			reason, ok := knownFalsePositives[c.Label]
			if !ok {
				reason = fmt.Sprintf("Default changes it to %q", got)
			}
			now[c.Label] = reason
		}
		if *update {
			continue
		}
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
	if *update {
		status.FalsePositives = now
		saveFtfyStatus(t, status)
	}
}

// ftfyDeviations lists the cases of ftfy's suite where moji's presets do not
// (yet) give ftfy's output, with the reason. The test fails when one of them
// starts to match, so the list only shrinks.

// ftfyStatus is where moji stands on ftfy's suite, kept as a golden file
// (testdata/ftfy/moji-status.json) so that every change shows in review:
//
//   - Deviations: expected-pass cases where a preset does not give ftfy's
//     result, with the reason;
//   - KnownFailuresFixed: cases ftfy itself gets wrong that moji's
//     Default preset repairs;
//   - FalsePositives: ftfy's negative cases that Default still changes.
//
// The tests fail when behaviour and file disagree in either direction;
// go test -run Ftfy -update rewrites the file from behaviour.
type ftfyStatus struct {
	Deviations         map[string]string `json:"deviations"`
	KnownFailuresFixed []string          `json:"known_failures_fixed"`
	FalsePositives     map[string]string `json:"false_positives"`
}

var update = flag.Bool("update", false, "rewrite golden files from the current behaviour")

const ftfyStatusPath = "testdata/ftfy/moji-status.json"

func loadFtfyStatus(t testing.TB) *ftfyStatus {
	t.Helper()
	data, err := os.ReadFile(ftfyStatusPath)
	if err != nil {
		t.Fatal(err)
	}
	var st ftfyStatus
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatalf("%s: %v", ftfyStatusPath, err)
	}
	return &st
}

func saveFtfyStatus(t testing.TB, st *ftfyStatus) {
	t.Helper()
	sort.Strings(st.KnownFailuresFixed)
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ftfyStatusPath, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

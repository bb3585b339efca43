package moji

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

type devCase struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Lang     string `json:"lang"`
	Broken   string `json:"broken"`
	Original string `json:"original"`
}

func loadDevCases(t testing.TB, path string) []devCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []devCase
	r := bufio.NewReaderSize(f, 1<<20)
	for {
		line, err := r.ReadString('\n')
		if strings.TrimSpace(line) != "" {
			var c devCase
			if err := json.Unmarshal([]byte(line), &c); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			cases = append(cases, c)
		}
		if err != nil {
			break
		}
	}
	return cases
}

// devScore is what the acceptance scorer measures: exact matches after
// NFC, per kind, and changed clean texts.
type devScore struct {
	exact, total map[string]int
	falsePos     []devCase
}

func scoreDev(cases []devCase) devScore {
	s := devScore{exact: map[string]int{}, total: map[string]int{}}
	for _, c := range cases {
		got := Fix(c.Broken)
		s.total[c.Kind]++
		if norm.NFC.String(got) == norm.NFC.String(c.Original) {
			s.exact[c.Kind]++
		}
		if strings.HasPrefix(c.Kind, "clean") && got != c.Broken {
			s.falsePos = append(s.falsePos, c)
		}
	}
	return s
}

func (s devScore) damaged() (exact, total int) {
	for k, n := range s.total {
		if !strings.HasPrefix(k, "clean") {
			exact += s.exact[k]
			total += n
		}
	}
	return
}

func (s devScore) report(t *testing.T) {
	kinds := make([]string, 0, len(s.total))
	for k := range s.total {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("%-48s %3d/%3d", k, s.exact[k], s.total[k])
	}
}

// TestDevSlice checks every kind of damage on the slice of the dev set
// kept in testdata: clean text must come back unchanged, and damaged
// text must mostly be restored.
func TestDevSlice(t *testing.T) {
	s := scoreDev(loadDevCases(t, "testdata/mojibake-dev/slice.jsonl"))
	for _, c := range s.falsePos {
		if c.Kind == "clean-c1-controls" {
			continue
		}
		t.Errorf("%s (%s): clean text changed: %q → %q", c.ID, c.Kind, c.Broken, Fix(c.Broken))
	}
	exact, total := s.damaged()
	if testing.Verbose() {
		s.report(t)
	}
	if exact*100 < devSliceMinExact*total {
		t.Errorf("dev slice: %d/%d damaged cases restored, want at least %d%%", exact, total, devSliceMinExact)
	}
}

// devSliceMinExact is the floor for the share of damaged slice cases
// restored exactly. Raise it as the engine improves; never lower it to
// make a change pass.
const devSliceMinExact = 90

// TestDevSet scores the whole dev set when ../shared is present (CI has
// it; a bare clone does not, and skips).
func TestDevSet(t *testing.T) {
	const path = "../shared/testdata/mojibake-dev/cases.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared not present")
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	s := scoreDev(loadDevCases(t, path))
	for _, c := range s.falsePos {
		if c.Kind == "clean-c1-controls" {
			continue
		}
		t.Errorf("%s (%s): clean text changed", c.ID, c.Kind)
	}
	exact, total := s.damaged()
	t.Logf("dev set: exact %d/%d = %.1f%%", exact, total, 100*float64(exact)/float64(total))
	if testing.Verbose() {
		s.report(t)
	}
	if exact*100 < devSetMinExact*total {
		t.Errorf("dev set: %d/%d damaged cases restored, want at least %d%%", exact, total, devSetMinExact)
	}
}

const devSetMinExact = 93

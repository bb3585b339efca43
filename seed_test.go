package moji

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSeedArticle is the flagship case (testdata/seed/README.md): a real
// English news article whose UTF-8 bytes were decoded as GBK with every
// undecodable pair dropped. Fix must give it back as written. Where a lost
// byte stood between two spaces the bytes cannot tell a dash from an
// ellipsis, so there any of — – … is accepted.
func TestSeedArticle(t *testing.T) {
	broken, err := os.ReadFile("testdata/seed/nato-tokyo.gbk-mojibake.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/seed/nato-tokyo.original.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := Fix(string(broken))
	if !equalUpToSpacedDash(got, string(want)) {
		t.Errorf("seed article not restored:\n%s", firstDifference(got, string(want)))
	}
	if FixString := Default.FixString(got); FixString != got {
		t.Errorf("fixing the restored article again changes it:\n%s", firstDifference(FixString, got))
	}
}

// equalUpToSpacedDash compares got and want rune by rune, treating — – …
// as one class where want has one between two spaces.
func equalUpToSpacedDash(got, want string) bool {
	g, w := []rune(got), []rune(want)
	if len(g) != len(w) {
		return false
	}
	for i := range w {
		if g[i] == w[i] {
			continue
		}
		spaced := i > 0 && i+1 < len(w) && w[i-1] == ' ' && w[i+1] == ' '
		if !spaced || !strings.ContainsRune("—–…", w[i]) || !strings.ContainsRune("—–…", g[i]) {
			return false
		}
	}
	return true
}

// firstDifference shows where two texts part, with some context.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	for i > 0 && !utf8.RuneStart(want[min(i, len(want)-1)]) {
		i--
	}
	lo := max(0, i-60)
	return "got:  …" + got[lo:min(len(got), i+60)] + "…\nwant: …" + want[lo:min(len(want), i+60)] + "…"
}

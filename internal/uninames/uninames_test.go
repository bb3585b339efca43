package uninames

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestName(t *testing.T) {
	tests := []struct {
		r    rune
		want string
	}{
		{'A', "LATIN CAPITAL LETTER A"},
		{'\n', "<control> LINE FEED (LF)"},
		{0x85, "<control> NEXT LINE (NEL)"},
		{'é', "LATIN SMALL LETTER E WITH ACUTE"},
		{'Ã', "LATIN CAPITAL LETTER A WITH TILDE"},
		{'Ω', "GREEK CAPITAL LETTER OMEGA"},
		{'Ж', "CYRILLIC CAPITAL LETTER ZHE"},
		{'’', "RIGHT SINGLE QUOTATION MARK"},
		{'€', "EURO SIGN"},
		{'鈥', "CJK UNIFIED IDEOGRAPH-9225"},
		{0x20000, "CJK UNIFIED IDEOGRAPH-20000"},
		{0xF900, "CJK COMPATIBILITY IDEOGRAPH-F900"},
		{'한', "HANGUL SYLLABLE HAN"},
		{'가', "HANGUL SYLLABLE GA"},
		{0xD7A3, "HANGUL SYLLABLE HIH"},
		{'ア', "KATAKANA LETTER A"},
		{'ﬁ', "LATIN SMALL LIGATURE FI"},
		{'Ａ', "FULLWIDTH LATIN CAPITAL LETTER A"},
		{'\uFFFD', "REPLACEMENT CHARACTER"},
		{'😀', "GRINNING FACE"},
		{0x2800, ""},   // Braille: not in the table
		{0x0378, ""},   // unassigned
		{0x10FFFF, ""}, // beyond every run
	}
	for _, tt := range tests {
		if got := Name(tt.r); got != tt.want {
			t.Errorf("Name(%U) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

// TestDataFile checks the generated table against every line of the
// committed data file it was generated from.
func TestDataFile(t *testing.T) {
	f, err := os.Open("../gen/uninames/names.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		code, name, _ := strings.Cut(line, ";")
		lo, hi, isRange := strings.Cut(code, "..")
		l, _ := strconv.ParseUint(lo, 16, 32)
		if !isRange {
			if got := Name(rune(l)); got != name {
				t.Errorf("Name(%U) = %q, want %q", l, got, name)
			}
			n++
			continue
		}
		h, _ := strconv.ParseUint(hi, 16, 32)
		for _, r := range []rune{rune(l), rune(h)} {
			if got := Name(r); got == "" || !strings.HasPrefix(got, strings.TrimSuffix(name, "*")) {
				t.Errorf("Name(%U) = %q, want %q", r, got, name)
			}
		}
		n++
	}
	if n < 5000 {
		t.Errorf("only %d entries in the data file", n)
	}
}

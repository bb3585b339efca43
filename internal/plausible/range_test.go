package plausible

import "testing"

// TestRangeCost checks that a mark between two numbers costs rangeBits
// more than the en dash in a line of Latin letters, and nothing more
// between code, between names, or in a line of Chinese.
func TestRangeCost(t *testing.T) {
	english := LanguagesOf("The report was published on Friday by the regional statistics office.")
	numbers := LanguagesOf("He did it in 2019–2021.") // more digits and spaces than letters
	chinese := LanguagesOf("报告由地区统计局在星期五发布，涵盖了过去三年的数据。")
	cases := []struct {
		name        string
		l           *Languages
		left, right string
		r           rune
		want        float64
	}{
		{"years", english, "2019", "2021.", '…', rangeBits},
		{"the en dash itself", english, "2019", "2021.", '–', 0},
		{"decimals before a percent sign", english, "1.5", "1.8%", '—', rangeBits},
		{"a score before a comma", english, "6", "4,", '…', rangeBits},
		{"a line of more numbers than letters", numbers, "2019", "2021.", '…', rangeBits},
		{"code", english, "0xd800", "0xdfff", '…', 0},
		{"paper sizes", english, "A4", "A5", '—', 0},
		{"an ordinal", english, "5", "6th", '—', 0},
		{"Chinese", chinese, "2011", "2012", '—', 0},
	}
	for _, c := range cases {
		if got := c.l.rangeCost(c.r, ' ', c.left, c.right, ' '); got != c.want {
			t.Errorf("%s: rangeCost(%q, %q%c%q) = %v, want %v", c.name, c.r, c.left, c.r, c.right, got, c.want)
		}
	}
}

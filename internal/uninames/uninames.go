// Package uninames gives the Unicode names of the characters moji's
// explanations show: Latin, Greek, Cyrillic, Hebrew, Arabic, Thai,
// punctuation, symbols, CJK ideographs, kana, Hangul, compatibility forms
// and common emoji. Other characters have no name here.
package uninames

import (
	"sort"
	"strconv"
	"strings"
)

//go:generate go run ../gen/uninames/gen.go -data ../gen/uninames/names.txt -out tables.go

type nameRun struct {
	lo, hi rune
	off    uint32 // offset of lo's name in names
}

type algoRange struct {
	lo, hi rune
	prefix string // "" for Hangul syllables
}

// Name returns the Unicode name of r, such as "RIGHT SINGLE QUOTATION
// MARK" for U+2019, "CJK UNIFIED IDEOGRAPH-9225" for 鈥 or "HANGUL
// SYLLABLE HAN" for 한. Controls are named "<control> " plus their old
// name ("<control> LINE FEED (LF)"). It returns "" when r has no name in
// the table.
func Name(r rune) string {
	i := sort.Search(len(runs), func(i int) bool { return runs[i].hi >= r })
	if i < len(runs) && runs[i].lo <= r {
		s := names[runs[i].off:]
		for k := runs[i].lo; k < r; k++ {
			s = s[strings.IndexByte(s, '\n')+1:]
		}
		return s[:strings.IndexByte(s, '\n')]
	}
	for _, a := range ranges {
		if a.lo <= r && r <= a.hi {
			if a.prefix == "" {
				return hangul(r)
			}
			return a.prefix + strings.ToUpper(strconv.FormatInt(int64(r), 16))
		}
	}
	return ""
}

// Jamo short names, from the Unicode Standard, section 3.12.
var (
	jamoL = [...]string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	jamoV = [...]string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	jamoT = [...]string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

// hangul names a precomposed syllable by its decomposition into jamo.
func hangul(r rune) string {
	s := int(r - 0xAC00)
	l, v, t := s/(21*28), s%(21*28)/28, s%28
	return "HANGUL SYLLABLE " + jamoL[l] + jamoV[v] + jamoT[t]
}

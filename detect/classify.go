package detect

import (
	"sync"
	"unicode"

	"github.com/mojitext/moji/internal/langstats"
	"github.com/mojitext/moji/internal/plausible"
)

// plausible.ClassOf builds a class table of the whole Basic Multilingual
// Plane the first time it meets a rune above U+024F: about 5 ms, which is
// more than detecting a dozen files costs, paid by every run of moji detect
// that sees non-Latin text. Detection memoises classes rune by rune
// instead (classMemo), so it classifies and prices the runes of the BMP
// above U+024F with the copies below, which TestClassifyMatchesPlausible
// holds equal to plausible's classifySlow and RuneCost.

// bmpClassSlow is plausible's classifySlow for U+0250–U+FFFF.
func bmpClassSlow(r rune) plausible.Class {
	switch {
	case r == 0xFFFD:
		return plausible.Replacement
	case r >= 0xE000 && r <= 0xF8FF:
		return plausible.PrivateUse
	case !unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r):
		return plausible.Unassigned
	case r >= 0x2000 && r <= 0x200F, r >= 0x2028 && r <= 0x202F, r >= 0x205F && r <= 0x206F:
		return plausible.Format
	case r >= 0x2010 && r <= 0x205E:
		return plausible.GeneralPunct
	case r >= 0x20A0 && r <= 0x20CF:
		return plausible.Currency
	case r >= 0x2500 && r <= 0x25FF:
		return plausible.Box
	case r >= 0x2600 && r <= 0x27BF:
		return plausible.Dingbat
	case r >= 0x2070 && r <= 0x209F, r >= 0x2100 && r <= 0x24FF, r >= 0x2900 && r <= 0x2BFF:
		return plausible.Math
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF60:
		return plausible.CJKPunct
	case r >= 0x3040 && r <= 0x30FF, r >= 0x31F0 && r <= 0x31FF:
		return plausible.Kana
	case r >= 0xFF61 && r <= 0xFF9F:
		return plausible.HalfKana
	case r >= 0xFF01 && r <= 0xFF5E:
		return plausible.Fullwidth
	case r >= 0xAC00 && r <= 0xD7A3, r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F:
		return plausible.Hangul
	case unicode.Is(unicode.Han, r):
		return plausible.Han
	case r >= 0x02B0 && r <= 0x02FF:
		return plausible.Modifier
	case unicode.Is(unicode.Mn, r):
		return plausible.Combining
	case unicode.Is(unicode.Greek, r) && unicode.IsLetter(r):
		if unicode.IsUpper(r) {
			return plausible.GreekUpper
		}
		return plausible.GreekLower
	case unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r):
		if unicode.IsUpper(r) {
			return plausible.CyrillicUpper
		}
		return plausible.CyrillicLower
	case unicode.Is(unicode.Hebrew, r):
		return plausible.Hebrew
	case unicode.Is(unicode.Arabic, r):
		return plausible.Arabic
	case unicode.Is(unicode.Thai, r):
		return plausible.Thai
	case unicode.Is(unicode.Latin, r) && unicode.IsLetter(r):
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return plausible.LatinUpper
		}
		return plausible.LatinLower
	case unicode.IsLetter(r):
		return plausible.OtherLetter
	case unicode.In(r, unicode.Sc):
		return plausible.Currency
	case r == 0x192:
		return plausible.LatinSymbol
	case unicode.In(r, unicode.Sm, unicode.So, unicode.No):
		return plausible.Math
	case unicode.IsSpace(r):
		return plausible.Space
	case unicode.IsPunct(r):
		return plausible.GeneralPunct
	}
	return plausible.Other
}

// unigramOf is plausible's unigram cost of each class.
var unigramOf = [numClasses]float64{
	plausible.Other: 9, plausible.Space: 2, plausible.Newline: 3, plausible.Digit: 4,
	plausible.Lower: 4, plausible.Upper: 5, plausible.Punct: 5, plausible.ASCIISymbol: 7,
	plausible.Control: 16, plausible.C1: 18, plausible.NBSP: 7, plausible.LatinLower: 6,
	plausible.LatinUpper: 7, plausible.LatinSymbol: 10, plausible.Modifier: 11, plausible.Combining: 10,
	plausible.GreekLower: 5, plausible.GreekUpper: 6, plausible.CyrillicLower: 5, plausible.CyrillicUpper: 6,
	plausible.Hebrew: 5, plausible.Arabic: 5, plausible.Thai: 5, plausible.OtherLetter: 8,
	plausible.GeneralPunct: 6, plausible.Currency: 10, plausible.Math: 10, plausible.Box: 10,
	plausible.Dingbat: 10, plausible.CJKPunct: 6, plausible.Kana: 6, plausible.HalfKana: 11,
	plausible.Fullwidth: 9, plausible.Han: 6, plausible.Hangul: 6, plausible.PrivateUse: 24,
	plausible.Replacement: 10, plausible.Format: 11, plausible.Unassigned: 24,
}

// bmpRuneCost is plausible.RuneCost for U+0250–U+FFFF.
func bmpRuneCost(r rune) float64 {
	c := classOf(r)
	switch {
	case c == plausible.Han || c == plausible.Kana || c == plausible.Hangul:
		var f uint8
		switch c {
		case plausible.Hangul:
			f = langstats.Korean(r)
		case plausible.Kana:
			f = langstats.Japanese(r)
		default:
			f = max(langstats.ZhHans(r), langstats.ZhHant(r), langstats.Japanese(r))
		}
		return 4 + float64(15-int(f))
	case c == plausible.Combining:
		switch r {
		case 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0306, 0x0307, 0x0308, 0x0309,
			0x030A, 0x030B, 0x030C, 0x031B, 0x0323, 0x0327, 0x0328:
			return unigramOf[c]
		}
		return rareLetter
	case c.IsLetter():
		if r < 0x2000 && !knownLetters()[r] {
			return rareLetter
		}
	}
	return unigramOf[c]
}

// rareLetter is plausible's cost of a letter no modelled language writes.
const rareLetter = 20

// knownLetters is plausible's knownLetter: for U+0000–U+1FFF, the letters
// some language model has in its alphabet, in either case.
var knownLetters = sync.OnceValue(func() *[0x2000]bool {
	var t [0x2000]bool
	for _, m := range langstats.Models {
		for _, r := range m.Alphabet() {
			for _, v := range []rune{r, unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r)} {
				if v < 0x2000 {
					t[v] = true
				}
			}
		}
	}
	for _, v := range "ςșȘțȚ" {
		t[v] = true
	}
	t['ſ'] = false
	return &t
})

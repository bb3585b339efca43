package repair

import (
	"sync"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/langstats"
)

// cjkLang is the writing a run of CJK text is in, as far as its own
// characters tell: simplified or traditional Chinese, Japanese, Korean,
// or unknown.
type cjkLang uint8

const (
	cjkLangUnknown cjkLang = iota
	cjkLangHans
	cjkLangHant
	cjkLangJa
	cjkLangKo
)

// islandLanguage tells the writing of the decoded island dec by its
// characters, those of its lost characters left out (their first choices
// were made by a frequency over all four writings). Kana are Japanese,
// Hangul Korean, and a hanzi tells a writing if it is in that writing's
// common set and in neither of the other two standard charsets: GB2312
// level 1 for simplified Chinese (进, 换, 态: forms only that script
// writes), Big5's frequent set for traditional Chinese (檔, 啟, 錄), JIS X
// 0208 level 1 for Japanese (効, 値, 変). An island that shows two
// writings, or none, is of none. A hanzi that two charsets hold tells
// nothing, as 証 (Big5, JIS X 0208), and "認証付[き][の]" with both kana
// lost is no Chinese; nor does a rare one, as 踦 (Big5 outside its
// frequent set), which mojibake read through the wrong page is full of.
// Of the dev set's distinct texts, the characters of 126 of 134 in
// simplified Chinese tell their writing, 55 of 120 in traditional
// Chinese and 194 of 196 in Japanese, and none tells another.
//
// The candidates for a lost hanzi are priced by a frequency over the three
// writings of Han (plausible.FrequencyCost, the largest of the three
// classes), so that a character one writing uses often is likely in any:
// "状[E6 ? 81]" in a Chinese line was 況, common in Japanese and
// traditional Chinese, over 态, though the line's 进 and 换 say that it is
// simplified Chinese, which never writes 況.
func islandLanguage(dec []byte, lost []Inferred) cjkLang {
	var c langCounts
	c.addIsland(dec, lost)
	return c.lang()
}

// addIsland counts the characters of the decoded island dec, those of
// its lost characters left out.
func (c *langCounts) addIsland(dec []byte, lost []Inferred) {
	for i := 0; i < len(dec); {
		r, size := utf8.DecodeRune(dec[i:])
		c.add(r, 1)
		i += size
	}
	for k := range lost {
		if lost[k].standsIn(dec) {
			c.add(firstRune(lost[k].Chosen), -1)
		}
	}
}

// langCounts counts the characters that tell a writing.
type langCounts struct {
	ja, ko, hans, hant int
}

func (c *langCounts) add(r rune, n int) {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		switch hanLang().sets[r-0x4E00] {
		case inGB2312 | inGB2312Common:
			c.hans += n
		case inBig5 | inBig5Common:
			c.hant += n
		case inJIS0208 | inJIS0208Common:
			c.ja += n
		}
	case r >= 0x3041 && r <= 0x3096 || r >= 0x30A1 && r <= 0x30FA:
		c.ja += n
	case r >= 0xAC00 && r <= 0xD7A3:
		c.ko += n
	}
}

// lang returns the one writing the counts tell, or cjkLangUnknown where
// they tell none or more than one.
func (c *langCounts) lang() cjkLang {
	lang := cjkLangUnknown
	for _, w := range [...]struct {
		n    int
		lang cjkLang
	}{{c.hans, cjkLangHans}, {c.hant, cjkLangHant}, {c.ja, cjkLangJa}, {c.ko, cjkLangKo}} {
		if w.n > 0 {
			if lang != cjkLangUnknown {
				return cjkLangUnknown
			}
			lang = w.lang
		}
	}
	return lang
}

// languageCost is how many bits rarer the candidate r for a lost
// character is in writing lang than plausible.FrequencyCost prices it,
// which is by the class of the writing that uses it most: 0 where the
// writing is unknown.
//
//   - A hanzi in Chinese is priced by that script's own classes
//     (langstats.ZhHans, ZhHant), which count the same lexicon, carried
//     to traditional forms by OpenCC: 況 is class 11 in traditional
//     Chinese and 0 in simplified, 态 the other way round.
//   - A kanji in Japanese pays japaneseOutsideBits if JIS X 0208 lacks
//     it. The Japanese classes count mecab-ipadic's entries, not how
//     often they are written, and priced the kanji of a Japanese line
//     too coarsely: "環[E5 ? ?] (environment)" was 効 over 境 by them.
//   - Kana outside Japanese and Hangul outside Korean, which the other
//     writings never use, lose their whole class: "。" or "あ" after
//     "作为选项的结束" is "。".
//
// Hanzi in Korean are left alone: the Korean classes hold Hangul only.
func languageCost(lang cjkLang, r rune) float64 {
	if lang == cjkLangUnknown {
		return 0
	}
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		if lang <= cjkLangJa {
			return float64(hanLang().cost[lang-cjkLangHans][r-0x4E00] &^ hanForeign)
		}
	case r >= 0x3041 && r <= 0x3096 || r >= 0x30A1 && r <= 0x30FA:
		if lang != cjkLangJa {
			return float64(langstats.Japanese(r))
		}
	case r >= 0xAC00 && r <= 0xD7A3:
		if lang != cjkLangKo {
			return float64(langstats.Korean(r))
		}
	}
	return 0
}

// foreignTo reports whether writing lang never uses r, so that r is
// no choice for a lost character of it, however its neighbours rank it:
// a hanzi of Chinese class 0 in that script's table, a kanji outside JIS
// X 0208, kana outside Japanese, Hangul outside Korean. It is false where
// the writing is unknown.
func foreignTo(lang cjkLang, r rune) bool {
	if lang == cjkLangUnknown {
		return false
	}
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return lang <= cjkLangJa && hanLang().cost[lang-cjkLangHans][r-0x4E00]&hanForeign != 0
	case r >= 0x3041 && r <= 0x3096 || r >= 0x30A1 && r <= 0x30FA:
		return lang != cjkLangJa
	case r >= 0xAC00 && r <= 0xD7A3:
		return lang != cjkLangKo
	}
	return false
}

// japaneseOutsideBits is what a kanji outside JIS X 0208 costs in a line
// of Japanese: none of the 18,449 kanji of the dev set's Japanese texts
// and of data/written/'s is outside it, so one in a thousand (10 bits)
// is generous.
const japaneseOutsideBits = 10

// The standard charsets that hold a unified ideograph, as bits.
const (
	inGB2312 = 1 << iota
	inBig5
	inJIS0208
	// The common sets of each: GB2312's level 1 (rows B0–D7), Big5's
	// frequent set (A440–C67E), JIS X 0208's level 1 (Shift_JIS
	// 889F–9872).
	inGB2312Common
	inBig5Common
	inJIS0208Common
)

// hanForeign marks, in hanLangTable's costs, a hanzi the writing never
// uses (see foreignTo).
const hanForeign = 0x80

// hanLangTable holds, for each unified ideograph U+4E00–U+9FFF, the
// standard charsets that hold it, and for simplified Chinese, traditional
// Chinese and Japanese, in that order, its languageCost, with hanForeign
// where foreignTo holds: one load per candidate for a lost character,
// where the classes took two tables' lookups.
type hanLangTable struct {
	sets [0x9FFF - 0x4E00 + 1]uint8
	cost [3][0x9FFF - 0x4E00 + 1]uint8
}

// hanLang returns the table, made on first use from the codecs' tables
// (every double-byte sequence of GB2312, Big5 and Shift_JIS decoded) and
// langstats' classes.
var hanLang = sync.OnceValue(func() *hanLangTable {
	t := new(hanLangTable)
	// mark sets bit for every ideograph c decodes from a pair of bytes
	// with a lead in leads and a trail in trails, and common too for
	// those of pairs first to last.
	mark := func(c codec.Charset, leads, trails [][2]byte, bit, common uint8, first, last int) {
		var p [2]byte
		for _, lr := range leads {
			for lead := int(lr[0]); lead <= int(lr[1]); lead++ {
				for _, tr := range trails {
					for trail := int(tr[0]); trail <= int(tr[1]); trail++ {
						p[0], p[1] = byte(lead), byte(trail)
						if r, n, ok := c.Decode(p[:]); ok && n == 2 && r >= 0x4E00 && r <= 0x9FFF {
							t.sets[r-0x4E00] |= bit
							if k := lead<<8 | trail; k >= first && k <= last {
								t.sets[r-0x4E00] |= common
							}
						}
					}
				}
			}
		}
	}
	mark(codec.GB2312, [][2]byte{{0xA1, 0xFE}}, [][2]byte{{0xA1, 0xFE}}, inGB2312, inGB2312Common, 0xB0A1, 0xD7FE)
	mark(codec.Big5, [][2]byte{{0xA1, 0xFE}}, [][2]byte{{0x40, 0x7E}, {0xA1, 0xFE}}, inBig5, inBig5Common, 0xA440, 0xC67E)
	mark(codec.ShiftJIS, [][2]byte{{0x81, 0x9F}, {0xE0, 0xFC}}, [][2]byte{{0x40, 0x7E}, {0x80, 0xFC}}, inJIS0208, inJIS0208Common, 0x889F, 0x9872)
	for i := range t.sets {
		r := rune(0x4E00 + i)
		top := langstats.HanMax(r)
		for k, c := range [2]uint8{langstats.ZhHans(r), langstats.ZhHant(r)} {
			t.cost[k][i] = top - c
			if c == 0 {
				t.cost[k][i] |= hanForeign
			}
		}
		if t.sets[i]&inJIS0208 == 0 {
			t.cost[2][i] = japaneseOutsideBits | hanForeign
		}
	}
	return t
})

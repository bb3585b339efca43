package langstats

import "unicode/utf8"

// HanWord reports whether a and b, side by side, are a word of two
// ideographs in the lexicons: one of libpinyin's (or its traditional
// form) or of mecab-ipadic's common entries. UTF-8 read
// through a double-byte page is a run of hanzi that almost never holds
// one ("鈥檚", "銆€"), while correct Chinese and Japanese text is made of
// them: "眉毛" in an English line is eyebrows, not "üë" read through GBK.
func HanWord(a, b rune) bool {
	if a < 0x4E00 || a > 0x9FFF || b < 0x4E00 || b > 0x9FFF {
		return false
	}
	var key [6]byte
	utf8.EncodeRune(key[:3], a) // three bytes each in U+4E00–U+9FFF
	utf8.EncodeRune(key[3:], b)
	k := string(key[:])
	lo, hi := 0, len(hanWords)/6
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if hanWords[m*6:m*6+6] < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(hanWords)/6 && hanWords[lo*6:lo*6+6] == k
}

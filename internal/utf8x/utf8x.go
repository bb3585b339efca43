// Package utf8x decodes UTF-8 where the standard library's decoder, a call
// that is not inlined, is the cost: the loops of the repair engine that
// read every character of every line.
package utf8x

import "unicode/utf8"

// DecodeAt is utf8.DecodeRuneInString(s[i:]) for s[i] >= 0x80, with
// the two- and three-byte sequences of the alphabets and of CJK text
// decoded in line: the repair engine's screen reads every non-ASCII rune of every line and
// its costs price every rune of every word they weigh,
// and the library's decoder is a call that is not inlined. Anything else
// (four bytes, invalid bytes, a sequence cut short) goes to it.
func DecodeAt(s string, i int) (rune, int) {
	c := s[i]
	switch {
	case c >= 0xC2 && c <= 0xDF:
		if i+1 < len(s) {
			if c1 := s[i+1]; c1&0xC0 == 0x80 {
				return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
			}
		}
	case c >= 0xE0 && c <= 0xEF:
		if i+2 < len(s) {
			c1, c2 := s[i+1], s[i+2]
			lo, hi := byte(0x80), byte(0xBF)
			if c == 0xE0 {
				lo = 0xA0
			} else if c == 0xED {
				hi = 0x9F
			}
			if c1 >= lo && c1 <= hi && c2&0xC0 == 0x80 {
				return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
			}
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// DecodeLast is utf8.DecodeLastRuneInString(s), with the two- and
// three-byte sequences decoded in line, as DecodeAt decodes them: the
// repair engine reads the character before every word and island it
// weighs, and widens each to its word a character at a time, backwards.
// Anything else (four bytes, invalid bytes) goes to the library.
func DecodeLast(s string) (rune, int) {
	n := len(s)
	if n == 0 {
		return utf8.RuneError, 0
	}
	c := s[n-1]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c&0xC0 == 0x80 && n >= 2 {
		c1 := s[n-2]
		if c1 >= 0xC2 && c1 <= 0xDF {
			return rune(c1&0x1F)<<6 | rune(c&0x3F), 2
		}
		if c1&0xC0 == 0x80 && n >= 3 {
			if c0 := s[n-3]; c0 >= 0xE0 && c0 <= 0xEF {
				lo, hi := byte(0x80), byte(0xBF)
				if c0 == 0xE0 {
					lo = 0xA0
				} else if c0 == 0xED {
					hi = 0x9F
				}
				if c1 >= lo && c1 <= hi {
					return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c&0x3F), 3
				}
			}
		}
	}
	return utf8.DecodeLastRuneInString(s)
}

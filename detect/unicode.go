package detect

import (
	"bytes"
	"unicode/utf8"
)

// bom returns the encoding announced by a byte order mark at the start of b
// and the mark's length, or ("", 0). UTF-32LE's mark starts with UTF-16LE's,
// so it is tested first.
func bom(b []byte) (string, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return UTF8, 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}):
		return UTF32, 4
	case bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		return UTF32, 4
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return UTF16, 2
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return UTF16, 2
	}
	return "", 0
}

// validUTF8 reports whether p is valid UTF-8, allowing an incomplete last
// sequence when p is a prefix of a longer input.
func validUTF8(p []byte, truncated bool) bool {
	if utf8.Valid(p) {
		return true
	}
	if !truncated {
		return false
	}
	// Drop a trailing partial sequence: at most 3 bytes after the last
	// lead byte.
	for i := len(p) - 1; i >= 0 && i >= len(p)-3; i-- {
		if c := p[i]; c >= 0xC0 {
			return utf8.Valid(p[:i]) && !utf8.FullRune(p[i:])
		} else if c < 0x80 {
			break
		}
	}
	return false
}

// A unicodeForm is a UTF-16 or UTF-32 byte order, decoded by hand so that
// invalid units are counted rather than replaced.
type unicodeForm struct {
	name  string
	width int  // 2 or 4
	big   bool // big-endian
}

var unicodeForms = []unicodeForm{
	{UTF16LE, 2, false},
	{UTF16BE, 2, true},
	{UTF32LE, 4, false},
	{UTF32BE, 4, true},
}

// next decodes the character at the start of p: the rune, the bytes it
// takes, and whether it is valid. n == 0 means p is too short.
func (f unicodeForm) next(p []byte) (rune, int, bool) {
	if f.width == 4 {
		if len(p) < 4 {
			return 0, 0, false
		}
		var u uint32
		if f.big {
			u = uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
		} else {
			u = uint32(p[3])<<24 | uint32(p[2])<<16 | uint32(p[1])<<8 | uint32(p[0])
		}
		if u > 0x10FFFF || 0xD800 <= u && u < 0xE000 {
			return utf8.RuneError, 4, false
		}
		return rune(u), 4, true
	}
	unit := func(q []byte) rune {
		if f.big {
			return rune(q[0])<<8 | rune(q[1])
		}
		return rune(q[1])<<8 | rune(q[0])
	}
	if len(p) < 2 {
		return 0, 0, false
	}
	u := unit(p)
	switch {
	case u < 0xD800 || u >= 0xE000:
		return u, 2, true
	case u >= 0xDC00: // a low surrogate first
		return utf8.RuneError, 2, false
	case len(p) < 4:
		return 0, 0, false
	}
	v := unit(p[2:])
	if v < 0xDC00 || v >= 0xE000 {
		return utf8.RuneError, 2, false
	}
	return 0x10000 + (u-0xD800)<<10 + (v - 0xDC00), 4, true
}

// decodeUnicode appends the UTF-8 of p in form f to dst, U+FFFD for each
// invalid unit.
func (f unicodeForm) appendDecode(dst, p []byte) []byte {
	for len(p) > 0 {
		r, n, ok := f.next(p)
		if n == 0 {
			break
		}
		if !ok {
			r = utf8.RuneError
		}
		dst = utf8.AppendRune(dst, r)
		p = p[n:]
	}
	return dst
}

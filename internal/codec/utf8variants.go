package codec

import (
	"unicode/utf8"
)

// DecodeUTF8Variants decodes UTF-8 that may hold CESU-8 surrogate pairs (ED A0-AF xx ED B0-BF xx) and Java's
// C0 80 for NUL, as ftfy's "utf-8-variants" codec does; ok=false if p is not valid in that sense (a lone
// surrogate, an overlong form other than C0 80, or any other byte that strict UTF-8 rejects).
func DecodeUTF8Variants(p []byte) (string, bool) {
	if utf8.Valid(p) {
		return string(p), true
	}
	out, ok := AppendDecodeUTF8Variants(make([]byte, 0, len(p)), p)
	if !ok {
		return "", false
	}
	return string(out), true
}

// AppendDecodeUTF8Variants is [DecodeUTF8Variants] appending to dst; on failure dst holds the text decoded
// before the first invalid byte.
func AppendDecodeUTF8Variants(dst, p []byte) ([]byte, bool) {
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		if c == 0xC0 && i+1 < len(p) && p[i+1] == 0x80 {
			dst = append(dst, 0)
			i += 2
			continue
		}
		if r, ok := cesuPair(p[i:]); ok {
			dst = utf8.AppendRune(dst, r)
			i += 6
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 {
			return dst, false
		}
		dst = append(dst, p[i:i+n]...)
		i += n
	}
	return dst, true
}

// cesuPair decodes a surrogate pair written as two three-byte sequences at the start of p.
func cesuPair(p []byte) (rune, bool) {
	if len(p) < 6 || p[0] != 0xED || p[3] != 0xED ||
		p[1]&0xF0 != 0xA0 || p[2]&0xC0 != 0x80 || p[4]&0xF0 != 0xB0 || p[5]&0xC0 != 0x80 {
		return 0, false
	}
	hi := rune(p[1]&0x0F)<<6 | rune(p[2]&0x3F) // 0..0x3FF
	lo := rune(p[4]&0x0F)<<6 | rune(p[5]&0x3F)
	return 0x10000 + hi<<10 | lo, true
}

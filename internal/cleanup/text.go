package cleanup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// RemoveTerminalEscapes deletes ANSI "CSI" terminal escape sequences, the
// ones that color text on Unix terminals, as ftfy's remove_terminal_escapes
// does: "\x1b[36;44mI'm blue\x1b[0m" becomes "I'm blue". A sequence is ESC
// "[" then any run of digits and ";" then one ASCII letter; like Python's \d,
// the digits may be any Unicode decimal digits. Other escapes stay.
func RemoveTerminalEscapes(s string) string {
	i := strings.IndexByte(s, 0x1B)
	if i < 0 {
		return s
	}
	e := editor{s: s}
	for i >= 0 {
		if end := matchCSI(s[i:]); end > 0 {
			e.replace(i, i+end, "")
			i += end
		} else {
			i++
		}
		next := strings.IndexByte(s[i:], 0x1B)
		if next < 0 {
			break
		}
		i += next
	}
	return e.result()
}

// matchCSI returns the length of the escape sequence ESC [ (\d|;)* [A-Za-z]
// at the start of s, or 0.
func matchCSI(s string) int {
	if len(s) < 3 || s[1] != '[' {
		return 0
	}
	for j := 2; j < len(s); {
		c := s[j]
		switch {
		case '0' <= c && c <= '9' || c == ';':
			j++
		case 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z':
			return j + 1
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[j:])
			if n == 1 || !unicode.IsDigit(r) {
				return 0
			}
			j += n
		default:
			return 0
		}
	}
	return 0
}

// FixLineBreaks converts every kind of line break to "\n", as ftfy's
// fix_line_breaks does: CRLF, a lone CR, LINE SEPARATOR U+2028, PARAGRAPH
// SEPARATOR U+2029 and NEXT LINE U+0085. "one\r\ntwo\rthree\u2028four" becomes
// "one\ntwo\nthree\nfour".
func FixLineBreaks(s string) string {
	e := editor{s: s}
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				e.replace(i, i+2, "\n")
				i += 2
			} else {
				e.replace(i, i+1, "\n")
				i++
			}
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0x85: // U+0085 is C2 85
			e.replace(i, i+2, "\n")
			i += 2
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			// U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
			e.replace(i, i+3, "\n")
			i += 3
		case c < utf8.RuneSelf:
			i = skipPrintable(s, i+1)
		default:
			i++
		}
	}
	return e.result()
}

// surrogate reports whether s starts with a surrogate code point in
// generalized UTF-8 (ED A0-BF 80-BF), and returns it.
func surrogate(s string) (rune, bool) {
	if len(s) < 3 || s[0] != 0xED || s[1] < 0xA0 || s[1] > 0xBF || s[2] < 0x80 || s[2] > 0xBF {
		return 0, false
	}
	return 0xD000 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), true
}

// FixSurrogates repairs UTF-16 surrogate code points, as ftfy's
// fix_surrogates does: a high surrogate followed by a low one is joined into
// the character they encode, and any other surrogate becomes U+FFFD.
//
// Go strings cannot hold surrogates as characters, so they arrive as the
// generalized UTF-8 bytes that Python's "surrogatepass" and Java's modified
// UTF-8 write: "\xed\xa0\xbd\xed\xb8\x80" (U+D83D U+DE00) becomes "😀", and a
// lone "\xed\xa0\xbd" becomes "\uFFFD". Any other bytes, valid or not, stay.
func FixSurrogates(s string) string {
	i := strings.IndexByte(s, 0xED)
	if i < 0 {
		return s
	}
	e := editor{s: s}
	for i < len(s) {
		hi, ok := surrogate(s[i:])
		if !ok {
			i++
		} else if lo, ok := surrogate(s[i+3:]); ok && hi < 0xDC00 && lo >= 0xDC00 {
			e.replaceRune(i, i+6, 0x10000+(hi-0xD800)<<10+(lo-0xDC00))
			i += 6
		} else {
			e.replace(i, i+3, "\uFFFD")
			i += 3
		}
		next := strings.IndexByte(s[i:], 0xED)
		if next < 0 {
			break
		}
		i += next
	}
	return e.result()
}

// Normalize returns s in the Unicode normalization form named by form:
// "NFC", "NFD", "NFKC" or "NFKD", as Python's unicodedata.normalize does
// (ftfy's last step, NFC by default). Any other form, including "", returns
// s unchanged. Bytes that are not valid UTF-8 stay as they are and
// interrupt composition.
func Normalize(s, form string) string {
	var f norm.Form
	switch form {
	case "NFC":
		f = norm.NFC
	case "NFD":
		f = norm.NFD
	case "NFKC":
		f = norm.NFKC
	case "NFKD":
		f = norm.NFKD
	default:
		return s
	}
	if utf8.ValidString(s) {
		return f.String(s)
	}
	// Normalize the valid stretches between invalid bytes one by one and
	// keep the invalid bytes as they are: the normalizer's own handling
	// of a stray lead byte depends on what follows it, so "\xf4ľ" would
	// otherwise decompose differently alone and before "\xff".
	if validStretchesNormal(s, f) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(f.String(s[start:i]))
			b.WriteByte(s[i])
			i++
			start = i
			continue
		}
		i += size
	}
	b.WriteString(f.String(s[start:]))
	if b.Len() == len(s) && b.String() == s {
		return s
	}
	return b.String()
}

// validStretchesNormal reports whether every valid stretch of s between
// invalid bytes is already in form f; for normal text it allocates
// nothing (the normalizer returns a normal string itself).
func validStretchesNormal(s string, f norm.Form) bool {
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if part := s[start:i]; f.String(part) != part {
				return false
			}
			i++
			start = i
			continue
		}
		i += size
	}
	part := s[start:]
	return f.String(part) == part
}

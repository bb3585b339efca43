package detect

import (
	"bytes"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/codec"
)

// Names of the 7-bit stateful encodings.
const (
	ISO2022JP = "iso-2022-jp"
	ISO2022KR = "iso-2022-kr"
	HZ        = "hz-gb-2312"
)

// escaped recognises the 7-bit stateful encodings in text without bytes
// >= 0x80. Their designations are escape sequences that plain ASCII text
// never contains, so one is enough; HZ's "~{" can occur in ASCII text, so
// HZ needs a closing "~}" and double-byte content between them.
func escaped(p []byte) string {
	if bytes.IndexByte(p, 0x1B) >= 0 {
		switch {
		case bytes.Contains(p, []byte("\x1b$)C")) && bytes.IndexByte(p, 0x0E) >= 0:
			return ISO2022KR
		case bytes.Contains(p, []byte("\x1b$B")), bytes.Contains(p, []byte("\x1b$@")),
			bytes.Contains(p, []byte("\x1b$(D")), bytes.Contains(p, []byte("\x1b(J")),
			bytes.Contains(p, []byte("\x1b(I")):
			return ISO2022JP
		}
	}
	if i := bytes.Index(p, []byte("~{")); i >= 0 {
		rest := p[i+2:]
		j := bytes.Index(rest, []byte("~}"))
		if j >= 2 && j%2 == 0 && validHZRun(rest[:j]) {
			return HZ
		}
	}
	return ""
}

// validHZRun reports whether p, the text between "~{" and "~}", is GB2312
// in 7-bit form: pairs of bytes 0x21–0x7E.
func validHZRun(p []byte) bool {
	for _, c := range p {
		if c < 0x21 || c > 0x7E {
			return false
		}
	}
	return true
}

// appendDecodeISO2022KR appends the UTF-8 of ISO-2022-KR text p to dst: the
// designation ESC $ ) C, then SO switches to KS X 1001 (EUC-KR with the high
// bits cleared) and SI back to ASCII. It returns false if p has an invalid
// sequence, which is then replaced by U+FFFD.
func appendDecodeISO2022KR(dst, p []byte) ([]byte, bool) {
	ok := true
	shifted := false
	var pair [2]byte
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == 0x1B && bytes.HasPrefix(p[i:], []byte("\x1b$)C")):
			i += 4
			continue
		case c == 0x0E:
			shifted = true
		case c == 0x0F:
			shifted = false
		case c == '\n' || c == '\r':
			shifted = false // a shift does not survive the end of a line
			dst = append(dst, c)
		case shifted && c > 0x20 && c < 0x7F && i+1 < len(p):
			pair[0], pair[1] = c|0x80, p[i+1]|0x80
			r, _, good := codec.EUCKR.Decode(pair[:])
			if !good || p[i+1] <= 0x20 || p[i+1] >= 0x7F {
				r, ok = utf8.RuneError, false
			}
			dst = utf8.AppendRune(dst, r)
			i += 2
			continue
		case c >= 0x80:
			dst = utf8.AppendRune(dst, utf8.RuneError)
			ok = false
		default:
			dst = append(dst, c)
		}
		i++
	}
	return dst, ok
}

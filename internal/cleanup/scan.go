package cleanup

import "unicode/utf8"

// Most text is ASCII, so the scans skip it eight bytes at a time, with the
// word tricks of Bit Twiddling Hacks ("determine if a word has a byte less
// than n"), before looking at single bytes.

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// load64 reads s[i:i+8] as a little-endian word; the compiler turns it into
// one load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// skipASCII returns the index of the first non-ASCII byte in s at or after
// i, or len(s).
func skipASCII(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if load64(s, i)&msb != 0 {
			break
		}
	}
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
	}
	return i
}

// skipPrintable returns the index of the first byte in s at or after i
// that is not printable ASCII (0x20-0x7E): a control byte, DEL, or the
// start or middle of a multi-byte character. It returns len(s) if there is
// none.
func skipPrintable(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w := load64(s, i)
		del := w ^ (0x7F * lsb) // zero bytes where w has DEL
		if (w|(w-0x20*lsb)&^w|(del-lsb)&^del)&msb != 0 {
			break
		}
	}
	for ; i < len(s) && 0x20 <= s[i] && s[i] < 0x7F; i++ {
	}
	return i
}

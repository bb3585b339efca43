// Package ascii finds the ASCII run at the start of a text, eight bytes at
// a time. Most real text is ASCII between its other characters, and every
// line moji is given passes through here first: this scan is what lets
// correct text pass at memory speed.
package ascii

import "math/bits"

// Prefix returns the length of the ASCII run that s starts with.
func Prefix[T ~string | ~[]byte](s T) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if m := w & 0x8080808080808080; m != 0 {
			// The first byte outside ASCII is the lowest whose top
			// bit is set: read from the word, not byte by byte again.
			// A line of other scripts has a short ASCII run between
			// its words, and the bytes up to the end of the run were
			// most of what each cost.
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(s) && s[i] < 0x80; i++ {
	}
	return i
}

// Is reports whether s is all ASCII.
func Is[T ~string | ~[]byte](s T) bool { return Prefix(s) == len(s) }

// Package ascii finds the ASCII run at the start of a text, eight bytes at
// a time. Most real text is ASCII between its other characters, and every
// line moji is given passes through here first: this scan is what lets
// correct text pass at memory speed.
package ascii

// Prefix returns the length of the ASCII run that s starts with.
func Prefix[T ~string | ~[]byte](s T) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(s) && s[i] < 0x80; i++ {
	}
	return i
}

// Is reports whether s is all ASCII.
func Is[T ~string | ~[]byte](s T) bool { return Prefix(s) == len(s) }

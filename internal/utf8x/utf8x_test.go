package utf8x

import (
	"testing"
	"unicode/utf8"
)

// TestDecodeRune holds DecodeAt to the library's on every
// sequence of up to three bytes that matters, valid or not, cut short
// or not.
func TestDecodeAt(t *testing.T) {
	check := func(s string) {
		r, size := DecodeAt(s, 0)
		wr, wsize := utf8.DecodeRuneInString(s)
		if r != wr || size != wsize {
			t.Fatalf("DecodeAt(%q) = %U, %d; want %U, %d", s, r, size, wr, wsize)
		}
	}
	for a := 0x80; a <= 0xFF; a++ {
		check(string([]byte{byte(a)}))
		for b := 0; b <= 0xFF; b++ {
			check(string([]byte{byte(a), byte(b)}))
			if a >= 0xE0 && a <= 0xEF {
				for _, c := range []byte{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
					check(string([]byte{byte(a), byte(b), c}))
				}
			}
		}
	}
}

// TestDecodeAtTwoByteLeads holds DecodeAt to the standard decoder on every
// sequence of three bytes after a byte beyond ASCII, cut short too.
func TestDecodeAtTwoByteLeads(t *testing.T) {
	for b0 := 0x80; b0 <= 0xFF; b0++ {
		for b1 := 0; b1 <= 0xFF; b1++ {
			for _, b2 := range []byte{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE3, 0xFF} {
				for _, s := range []string{string([]byte{byte(b0), byte(b1), b2}), string([]byte{byte(b0), byte(b1)})} {
					r, n := DecodeAt(s, 0)
					wr, wn := utf8.DecodeRuneInString(s)
					if r != wr || n != wn {
						t.Fatalf("DecodeAt(%q) = %U, %d; want %U, %d", s, r, n, wr, wn)
					}
				}
			}
		}
	}
}

// TestDecodeLast holds DecodeLast to the library's on every string of up
// to three bytes that ends outside ASCII, and on those after a prefix
// of ASCII or of a character of its own.
func TestDecodeLast(t *testing.T) {
	check := func(s string) {
		r, size := DecodeLast(s)
		wr, wsize := utf8.DecodeLastRuneInString(s)
		if r != wr || size != wsize {
			t.Fatalf("DecodeLast(%q) = %U, %d; want %U, %d", s, r, size, wr, wsize)
		}
	}
	check("")
	for c := 0; c <= 0xFF; c++ {
		check(string([]byte{byte(c)}))
		if c < 0x80 {
			continue
		}
		for b := 0; b <= 0xFF; b++ {
			check(string([]byte{byte(b), byte(c)}))
			for a := 0; a <= 0xFF; a++ {
				s := string([]byte{byte(a), byte(b), byte(c)})
				check(s)
				if a >= 0x80 && b >= 0x80 {
					check("x" + s)
					check("\xF0" + s)
					check("é" + s)
				}
			}
		}
	}
}

package codec

import (
	"unicode/utf8"
)

// SingleByte is a Charset of one byte per character, with O(1) helpers for hot loops.
type SingleByte struct {
	name  string
	sub   byte // the substitute byte an x/text encoder writes for an unsupported rune
	ascii bool // bytes 00-7F are ASCII
	dec   [256]rune
	valid [256]bool
	u8    [256][4]byte // UTF-8 of dec[b], its length in u8[b][3]
	// Encoding: a two-level table over the BMP (every rune of a single-byte table is in the BMP).
	// encPages[encIdx[r>>8]][r&0xFF] is 0x100|b for the byte b that decodes to r, 0 if none;
	// encPages[0] is all zero.
	encIdx   [256]uint8
	encPages [][256]uint16
}

// newSingleByte builds a charset from its 256-rune table, U+FFFD standing for an undefined byte.
func newSingleByte(name, table string) *SingleByte {
	c := &SingleByte{name: name, sub: 0x1A}
	c.encPages = make([][256]uint16, 1, 4)
	b := 0
	for _, r := range table {
		if b > 255 {
			panic("codec: table of " + name + " is too long")
		}
		if r != utf8.RuneError {
			c.dec[b] = r
			c.valid[b] = true
			hi := r >> 8
			if c.encIdx[hi] == 0 {
				c.encPages = append(c.encPages, [256]uint16{})
				c.encIdx[hi] = uint8(len(c.encPages) - 1)
			}
			c.encPages[c.encIdx[hi]][r&0xFF] = 0x100 | uint16(b)
		} else {
			c.dec[b] = utf8.RuneError
		}
		n := utf8.EncodeRune(c.u8[b][:3], c.dec[b])
		c.u8[b][3] = byte(n)
		b++
	}
	if b != 256 {
		panic("codec: table of " + name + " is too short")
	}
	c.ascii = true
	for i := 0; i < 0x80; i++ {
		if c.dec[i] != rune(i) || !c.valid[i] {
			c.ascii = false
		}
	}
	if !c.ascii {
		c.sub = 0x3F // EBCDIC SUB
	}
	return c
}

// Name returns the canonical name.
func (c *SingleByte) Name() string { return c.name }

// MaxLen is 1.
func (c *SingleByte) MaxLen() int { return 1 }

// String returns the canonical name.
func (c *SingleByte) String() string { return c.name }

// ASCIICompatible reports whether bytes 00-7F are ASCII (false for the EBCDIC pages).
func (c *SingleByte) ASCIICompatible() bool { return c.ascii }

// DecodeByte returns the character of byte b; false if b is undefined (then r is U+FFFD).
func (c *SingleByte) DecodeByte(b byte) (rune, bool) {
	return c.dec[b], c.valid[b]
}

// EncodeRune returns the byte that decodes to r; false if there is none. Constant time.
func (c *SingleByte) EncodeRune(r rune) (byte, bool) {
	if uint32(r) > 0xFFFF {
		return 0, false
	}
	v := c.encPages[c.encIdx[r>>8]][r&0xFF]
	return byte(v), v != 0
}

// Decode implements [Charset].
func (c *SingleByte) Decode(p []byte) (rune, int, bool) {
	if len(p) == 0 {
		return 0, 0, false
	}
	return c.dec[p[0]], 1, c.valid[p[0]]
}

// AppendEncode implements [Charset].
func (c *SingleByte) AppendEncode(dst []byte, r rune) ([]byte, bool) {
	b, ok := c.EncodeRune(r)
	if !ok {
		return dst, false
	}
	return append(dst, b), true
}

func (c *SingleByte) appendDecodeString(dst, p []byte, loss Loss) ([]byte, bool) {
	for i := 0; i < len(p); {
		if c.ascii && p[i] < utf8.RuneSelf {
			j := asciiEnd(p, i)
			dst = append(dst, p[i:j]...)
			i = j
			continue
		}
		b := p[i]
		i++
		if !c.valid[b] {
			var ok bool
			if dst, ok = markLoss(dst, loss); !ok {
				return dst, false
			}
			continue
		}
		u := &c.u8[b]
		dst = append(dst, u[:u[3]]...)
	}
	return dst, true
}

func (c *SingleByte) appendEncodeString(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); {
		if c.ascii && s[i] < utf8.RuneSelf {
			j := asciiEnd(s, i)
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return dst, false
		}
		b, ok := c.EncodeRune(r)
		if !ok {
			return dst, false
		}
		dst = append(dst, b)
		i += size
	}
	return dst, true
}

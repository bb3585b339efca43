package codec

import (
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// Encoding returns c as a golang.org/x/text encoding, for streaming (transform.NewReader and friends).
// Its decoder writes one U+FFFD per invalid sequence, exactly where Python's errors='replace' does; its
// encoder fails on a rune that is not in the charset with an error that encoding.ReplaceUnsupported and
// encoding.HTMLEscapeUnsupported understand. The encoder is the strict inverse of the decoder, as
// [AppendEncodeString] (no encode-only mappings).
func Encoding(c Charset) encoding.Encoding { return xEncoding{c} }

// NewDecoder implements golang.org/x/text/encoding.Encoding.
func (c *SingleByte) NewDecoder() *encoding.Decoder { return xEncoding{c}.NewDecoder() }

// NewEncoder implements golang.org/x/text/encoding.Encoding.
func (c *SingleByte) NewEncoder() *encoding.Encoder { return xEncoding{c}.NewEncoder() }

// NewDecoder implements golang.org/x/text/encoding.Encoding.
func (c *MultiByte) NewDecoder() *encoding.Decoder { return xEncoding{c}.NewDecoder() }

// NewEncoder implements golang.org/x/text/encoding.Encoding.
func (c *MultiByte) NewEncoder() *encoding.Encoder { return xEncoding{c}.NewEncoder() }

var (
	_ encoding.Encoding = (*SingleByte)(nil)
	_ encoding.Encoding = (*MultiByte)(nil)
	_ Charset           = (*SingleByte)(nil)
	_ Charset           = (*MultiByte)(nil)
)

type xEncoding struct{ c Charset }

func (e xEncoding) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: &decoder{c: e.c, ascii: asciiCompatible(e.c)}}
}

func (e xEncoding) NewEncoder() *encoding.Encoder {
	sub := repertoireError(0x1A)
	if sb, ok := e.c.(*SingleByte); ok {
		sub = repertoireError(sb.sub)
	}
	pe, _ := e.c.(pairEncoder)
	return &encoding.Encoder{Transformer: &encoder{c: e.c, ascii: asciiCompatible(e.c), sub: sub, pe: pe}}
}

func (e xEncoding) String() string { return e.c.Name() }

func asciiCompatible(c Charset) bool {
	switch c := c.(type) {
	case *SingleByte:
		return c.ascii
	case *MultiByte:
		return c.asciiSingle
	}
	return false
}

// repertoireError reports a rune the charset cannot encode; Replacement is the charset's substitute byte.
type repertoireError byte

func (e repertoireError) Error() string     { return "codec: rune not supported by the charset" }
func (e repertoireError) Replacement() byte { return byte(e) }

type decoder struct {
	transform.NopResetter
	c     Charset
	ascii bool
}

func (d *decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	var tmp [2 * utf8.UTFMax]byte
	for nSrc < len(src) {
		if b := src[nSrc]; b < utf8.RuneSelf && d.ascii {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = b
			nDst++
			nSrc++
			continue
		}
		out, n, ok := AppendDecode(tmp[:0], d.c, src[nSrc:])
		if n == 0 {
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			n = len(src) - nSrc
		}
		if !ok {
			out = append(tmp[:0], "\uFFFD"...)
		}
		if nDst+len(out) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], out)
		nSrc += n
	}
	return nDst, nSrc, nil
}

type encoder struct {
	transform.NopResetter
	c     Charset
	ascii bool
	sub   repertoireError
	pe    pairEncoder
}

func (e *encoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	var tmp [8]byte
	for nSrc < len(src) {
		r, size := rune(src[nSrc]), 1
		if r < utf8.RuneSelf && e.ascii {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = byte(r)
			nDst++
			nSrc++
			continue
		}
		if r >= utf8.RuneSelf {
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			r, size = utf8.DecodeRune(src[nSrc:])
			if r == utf8.RuneError && size == 1 {
				return nDst, nSrc, e.sub
			}
		}
		out, ok := tmp[:0], false
		if e.pe != nil && e.pe.pairStart(r) {
			rest := src[nSrc+size:]
			if !atEOF && !utf8.FullRune(rest) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			if r2, size2 := utf8.DecodeRune(rest); len(rest) > 0 {
				if out, ok = e.pe.appendEncodePair(tmp[:0], r, r2); ok {
					size += size2
				}
			}
		}
		if !ok {
			if out, ok = e.c.AppendEncode(tmp[:0], r); !ok {
				return nDst, nSrc, e.sub
			}
		}
		if nDst+len(out) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], out)
		nSrc += size
	}
	return nDst, nSrc, nil
}

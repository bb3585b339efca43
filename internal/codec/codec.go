// Package codec holds moji's legacy charsets: complete, reversible byte <-> rune tables that behave
// exactly like Python 3's codecs (and, for the sloppy-* single-byte pages, like browsers).
//
// moji repairs text that was encoded in one charset and decoded with the wrong one. Undoing that means
// re-encoding the damaged text through the wrong decoder and getting the original bytes back, byte for
// byte, so every table here is generated from Python's own codecs (internal/gen/codec) and tested against
// hashes of Python's output (testdata/python-golden.txt).
//
// Decoding model. A decoder walks its input one sequence at a time. A sequence is either a character, or an
// invalid sequence that a real (Python) decoder consumes as one error: errors='replace' puts one U+FFFD in
// its place, errors='ignore' drops it. In every multi-byte charset an invalid sequence is exactly one byte
// (the lead byte), and decoding resumes at the next byte, except at the end of the input, where an
// incomplete sequence ("needs more input") is one error however long it is. [Charset.Decode] reports
// exactly that.
//
// Python oddities that the tables reproduce, on purpose:
//   - a few sequences decode to a character that encodes back to a different sequence (decode-only:
//     big5 A2 CC "十" encodes as A4 51, euc-jp 8F A2 B7 "~" as 7E, cp932's IBM duplicates FA 40.. as NEC's
//     EE EF.., and euc-kr's 8-byte make-up sequence of a syllable that also has a two-byte code).
//     [Charset.AppendEncode] returns the canonical one, so encode∘decode is the identity on runes.
//   - a few characters encode to bytes that do not decode back to them (encode-only: shift_jis "¥" -> 5C,
//     euc-kr U+3164 -> A4 D4, cp950 "¢" -> A2 46). AppendEncode refuses them, since what it returns must
//     decode back to the rune; [AppendEncodeStringPython] reproduces them.
//   - big5-hkscs decodes four sequences (88 62, 88 64, 88 A3, 88 A5) to two runes each (Ê̄ Ê̌ ê̄ ê̌).
//     Decode returns the first rune only; use [AppendDecode] or [DecodeString], which return both, and
//     [AppendEncodeString], which encodes the pair back to its one sequence, as Python does.
package codec

import (
	"strings"
	"unicode/utf8"
)

//go:generate go run ../gen/codec/main.go

// Charset is a reversible mapping between byte sequences and runes that behaves exactly like Python's codec
// of the same name.
type Charset interface {
	Name() string
	// MaxLen is the length of the longest byte sequence of one character.
	MaxLen() int
	// Decode decodes the character at the start of p.
	//   ok:            r is the character of p[:n] (n >= 1).
	//   !ok && n > 0:  p[:n] is an invalid sequence that a real (Python) decoder would consume as ONE error
	//                  (replaced by one U+FFFD, or dropped with errors='ignore'), then resume at p[n].
	//                  r is utf8.RuneError.
	//   n == 0:        p is empty or a truncated prefix of a multi-byte sequence (needs more input); at end
	//                  of input a caller treats the whole rest as one error.
	Decode(p []byte) (r rune, n int, ok bool)
	// AppendEncode appends the byte sequence that Decode maps to r; false if r is not in the charset.
	AppendEncode(dst []byte, r rune) ([]byte, bool)
}

// Loss says what a lossy decoder put in place of an invalid sequence.
type Loss uint8

const (
	Strict          Loss = iota // errors='strict': decoding fails
	Drop                        // errors='ignore': the sequence is dropped
	ReplaceFFFD                 // errors='replace': one U+FFFD per invalid sequence
	ReplaceQuestion             // one '?' per invalid sequence (what an encoder-side '?' fallback leaves)
)

// String returns the name moji's reports use for the loss: "", "dropped", "fffd", "question".
func (l Loss) String() string {
	switch l {
	case Drop:
		return "dropped"
	case ReplaceFFFD:
		return "fffd"
	case ReplaceQuestion:
		return "question"
	}
	return ""
}

// appendDecoder is implemented by charsets in which one sequence may decode to more than one rune.
type appendDecoder interface {
	appendDecode(dst []byte, p []byte) ([]byte, int, bool)
}

// AppendDecode appends the UTF-8 text of the character at the start of p to dst. n and ok are as for
// [Charset.Decode]; dst is unchanged unless ok. Unlike Decode, it returns every rune of the sequences that
// decode to two (big5-hkscs 88 62 -> U+00CA U+0304).
func AppendDecode(dst []byte, c Charset, p []byte) ([]byte, int, bool) {
	if ad, isAD := c.(appendDecoder); isAD {
		return ad.appendDecode(dst, p)
	}
	r, n, ok := c.Decode(p)
	if ok {
		dst = utf8.AppendRune(dst, r)
	}
	return dst, n, ok
}

// DecodeString decodes p as Python's bytes.decode would with the given loss behaviour. With Strict it
// returns ok=false at the first invalid sequence, and s holds the text decoded before it; with the other
// losses ok is always true and s is the whole (lossy) text.
func DecodeString(c Charset, p []byte, loss Loss) (s string, ok bool) {
	out, ok := AppendDecodeString(make([]byte, 0, len(p)+len(p)/2), c, p, loss)
	return string(out), ok
}

// AppendDecodeString is [DecodeString] appending to dst.
func AppendDecodeString(dst []byte, c Charset, p []byte, loss Loss) ([]byte, bool) {
	if sb, isSB := c.(*SingleByte); isSB {
		return sb.appendDecodeString(dst, p, loss)
	}
	if mb, isMB := c.(*MultiByte); isMB {
		return mb.appendDecodeString(dst, p, loss)
	}
	for len(p) > 0 {
		var n int
		var ok bool
		dst, n, ok = AppendDecode(dst, c, p)
		if n == 0 { // truncated at the end of the input: the rest is one error
			n = len(p)
		}
		if !ok {
			if dst, ok = markLoss(dst, loss); !ok {
				return dst, false
			}
		}
		p = p[n:]
	}
	return dst, true
}

// markLoss appends what loss leaves where an undecodable sequence stood.
// It reports false under Strict, where decoding stops.
func markLoss(dst []byte, loss Loss) ([]byte, bool) {
	switch loss {
	case Strict:
		return dst, false
	case ReplaceFFFD:
		return append(dst, "\uFFFD"...), true
	case ReplaceQuestion:
		return append(dst, '?'), true
	}
	return dst, true // Drop
}

// asciiEnd returns the end of the run of ASCII bytes from p[i]: charsets
// whose ASCII range is ASCII copy such runs whole.
func asciiEnd[T string | []byte](p T, i int) int {
	for i < len(p) && p[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// pairEncoder is implemented by charsets in which some rune pairs encode to a single sequence.
type pairEncoder interface {
	pairStart(r rune) bool // r is the first rune of some pair
	appendEncodePair(dst []byte, r1, r2 rune) ([]byte, bool)
}

// AppendEncodeString appends the encoding of s to dst; ok=false if some rune of s is not in the charset (or
// s is not valid UTF-8), and then dst holds the encoding of the runes before it.
func AppendEncodeString(dst []byte, c Charset, s string) ([]byte, bool) {
	return appendEncodeString(dst, c, s, false)
}

// AppendEncodeStringPython is [AppendEncodeString] with Python's one-way (encode-only) mappings as well:
// it returns exactly what Python's s.encode(codec) returns, e.g. shift_jis "¥" -> 5C, which decodes
// as "\". Use it to simulate damage done by Python; use AppendEncodeString to undo damage.
func AppendEncodeStringPython(dst []byte, c Charset, s string) ([]byte, bool) {
	return appendEncodeString(dst, c, s, true)
}

func appendEncodeString(dst []byte, c Charset, s string, python bool) ([]byte, bool) {
	switch c := c.(type) {
	case *SingleByte:
		return c.appendEncodeString(dst, s)
	case *MultiByte:
		return c.appendEncodeString(dst, s, python)
	}
	pe, _ := c.(pairEncoder)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return dst, false
		}
		i += size
		if pe != nil && i < len(s) {
			r2, size2 := utf8.DecodeRuneInString(s[i:])
			if out, ok := pe.appendEncodePair(dst, r, r2); ok {
				dst = out
				i += size2
				continue
			}
		}
		var ok bool
		if dst, ok = c.AppendEncode(dst, r); !ok {
			return dst, false
		}
	}
	return dst, true
}

// EncodeString returns the encoding of s; ok=false if some rune of s is not in the charset.
func EncodeString(c Charset, s string) ([]byte, bool) {
	return AppendEncodeString(make([]byte, 0, len(s)), c, s)
}

// ByName returns the charset called name: a canonical name (codec.All's Name()s), one of Python's aliases
// for the codec, or a common alias (windows-31j, uhc, x-mac-roman...). Case, '-', '_', ' ', '.' and ':' are
// ignored.
func ByName(name string) (Charset, bool) {
	c, ok := byName[normalizeName(name)]
	return c, ok
}

func normalizeName(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b.WriteByte(c)
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == '-' || c == '_' || c == ' ' || c == '.' || c == ':':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

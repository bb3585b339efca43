// Package detect guesses the character encoding of bytes: which charset a
// person's text was saved in, or that the bytes are not text at all.
//
// Detection works in three steps, cheapest first:
//
//  1. Structure. Byte order marks, magic numbers of binary formats, escape
//     sequences of the 7-bit stateful encodings (ISO-2022-JP/KR, HZ), and a
//     full UTF-8 validation settle most inputs outright: valid UTF-8 with
//     multi-byte sequences is practically never legacy text.
//  2. Validity. Every legacy charset that cannot decode the bytes (an
//     undefined byte, an illegal multi-byte sequence) pays a heavy cost per
//     error, so it survives only if no charset decodes the input cleanly.
//  3. Plausibility. The survivors are ranked by how much the text each one
//     decodes looks like something a person wrote, in bits (lower is better):
//     a cost per character from its class and, for Han, kana and Hangul, from
//     its frequency in the charset's language; a cost per neighbouring pair;
//     and a letter-bigram language model. Siblings such as windows-1250 and
//     ISO-8859-2 are told apart by the bytes where they differ: the letters
//     one of them decodes fit the language, the other's do not.
//
// A small prior per charset (its popularity, and narrower before wider for
// supersets) breaks ties between decodings that are identical, such as
// ISO-8859-1 and windows-1252 for text without bytes 0x80–0x9F.
package detect

import (
	"io"
	"sync"
)

// Result is the outcome of a detection.
type Result struct {
	// Encoding is the canonical lower-case name of the charset (WHATWG or
	// IANA spelling: "utf-8", "windows-1252", "shift_jis", "utf-16le"...),
	// "ascii" for 7-bit text, or "binary" for data that is not text.
	Encoding string
	// Confidence is in [0, 1]: the estimated probability that Encoding
	// decodes the text as its author wrote it.
	Confidence float64
	// Language is the ISO 639-1 code of the text's language, or "" when
	// unknown.
	Language string
	// Alternatives are the runners-up, best first (at most a few).
	Alternatives []Candidate
}

// Candidate is one possible encoding with its confidence and language.
type Candidate struct {
	Encoding   string
	Confidence float64
	Language   string
}

// Names of the encodings that are not legacy charsets.
const (
	UTF8    = "utf-8"
	ASCII   = "ascii"
	Binary  = "binary"
	UTF16   = "utf-16" // with a byte order mark
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	UTF32   = "utf-32" // with a byte order mark
	UTF32LE = "utf-32le"
	UTF32BE = "utf-32be"
)

// MaxPrefix is how much of an input Bytes and Reader examine for the
// statistical steps. UTF-8 validity is checked over all of it.
const MaxPrefix = 64 << 10

// Bytes detects the encoding of b.
func Bytes(b []byte) Result {
	return detect(b, true)
}

// Reader detects the encoding of the text r yields. It reads MaxPrefix bytes
// and decides from them; it reads further only while everything seen so far
// is 7-bit ASCII, which says nothing about the rest, and then examines the
// first non-ASCII bytes it finds.
func Reader(r io.Reader) (Result, error) {
	// Detection keeps no reference to the bytes, so the buffer is reused:
	// callers that detect many small files would otherwise allocate
	// MaxPrefix bytes for each.
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	buf := *bp
	n, err := io.ReadFull(r, buf)
	buf = buf[:n]
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return detect(buf, true), nil
	}
	if err != nil {
		return Result{}, err
	}
	res := detect(buf, false)
	if res.Encoding != ASCII {
		return res, nil
	}
	// All ASCII so far: scan on for the first high byte, keeping a little
	// context before it, and decide from a window that starts there.
	const keep = 1 << 10
	win := make([]byte, 0, MaxPrefix+keep)
	win = append(win, buf[len(buf)-keep:]...)
	for {
		chunk := buf[:MaxPrefix]
		n, err := io.ReadFull(r, chunk)
		chunk = chunk[:n]
		if i := firstHigh(chunk); i >= 0 {
			win = append(win[:0], win[max(0, len(win)-keep):]...)
			win = append(win, chunk...)
			full := err != nil
			if !full {
				// Fill the window so that the statistics have material.
				rest := make([]byte, MaxPrefix-n)
				m, err2 := io.ReadFull(r, rest)
				win = append(win, rest[:m]...)
				full = err2 != nil
			}
			res := detect(win, full)
			if res.Encoding == ASCII {
				res.Encoding = UTF8 // cannot happen: win has a high byte
			}
			return res, nil
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return res, nil
		}
		if err != nil {
			return Result{}, err
		}
		win = append(win[:0], chunk[len(chunk)-keep:]...)
		if firstNonText(chunk) >= 0 {
			return detect(chunk, false), nil
		}
	}
}

var bufPool = sync.Pool{New: func() any { b := make([]byte, MaxPrefix); return &b }}

// firstHigh returns the index of the first byte >= 0x80 in p, or -1.
func firstHigh(p []byte) int {
	for i, c := range p {
		if c >= 0x80 {
			return i
		}
	}
	return -1
}

// firstNonText returns the index of the first C0 control other than
// whitespace, ESC, SO and SI in p, or -1.
func firstNonText(p []byte) int {
	for i, c := range p {
		if c < 0x20 && ctrlBad[c] {
			return i
		}
	}
	return -1
}

// ctrlBad marks the C0 controls that plain text does not contain. ESC, SO
// and SI belong to the ISO-2022 encodings; form feed and vertical tab turn
// up in old documents.
var ctrlBad = [32]bool{
	0: true, 1: true, 2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 8: true,
	16: true, 17: true, 18: true, 19: true, 20: true, 21: true, 22: true, 23: true,
	24: true, 25: true, 26: true, 28: true, 29: true, 30: true, 31: true,
}

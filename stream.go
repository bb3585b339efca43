package moji

import (
	"bytes"
	"io"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/transform"
)

// NewReader returns a reader of the repaired text of r. It segments at
// line ends (and, for lines longer than cfg's MaxDecodeLength, at a
// bounded length without splitting a UTF-8 sequence, and at a space where
// possible), exactly as [Config.FixString] segments a whole text, so
// memory stays bounded by the segment size and the output equals
// cfg.FixString of the whole input.
//
// Invalid UTF-8 is the one exception: its bytes are passed through
// unchanged, and the valid stretches between them are repaired on their
// own, so that nothing of a file in an unexpected charset is lost.
func NewReader(r io.Reader, cfg Config) io.Reader {
	return transform.NewReader(r, cfg.Transformer())
}

// Transformer returns a transform.SpanningTransformer doing the same as
// [NewReader]. Its Span passes clean lines (ASCII that no enabled
// cleanup acts on) without copying.
//
// The transformer keeps state between calls: the unfinished segment and,
// for HTMLAuto, whether a '<' has been seen (ftfy stops decoding entities
// for the rest of the text once a line holds markup: "&amp;\n<p>\n&amp;"
// becomes "&\n<p>\n&amp;").
func (c Config) Transformer() transform.SpanningTransformer {
	return &streamer{orig: c, cfg: c, max: c.maxSegment()}
}

// streamer cuts its input into the segments Config.fix would use and
// fixes them one at a time. A segment that arrives in pieces is gathered
// in buf; its fixed text waits in out until dst has room.
type streamer struct {
	orig, cfg Config
	max       int
	buf       []byte // the start of an unfinished segment
	scanned   int    // buf[:scanned] holds no '\n'
	out       []byte // fixed text not yet written
	outPos    int
}

func (t *streamer) Reset() {
	t.cfg = t.orig
	t.buf = t.buf[:0]
	t.scanned = 0
	t.out = t.out[:0]
	t.outPos = 0
}

// cut returns the length of the segment at the start of b, or false if
// b may not hold all of it yet. It agrees with segmentEnd, which looks at
// no more than max+1 bytes, and from scan on only: b[:scan] holds no '\n'.
func (t *streamer) cut(b []byte, scan int, atEOF bool) (int, bool) {
	if scan < t.max {
		if i := bytes.IndexByte(b[scan:min(len(b), t.max)], '\n'); i >= 0 {
			return scan + i + 1, true
		}
	}
	if len(b) > t.max {
		return segmentEnd(string(b[:t.max+1]), 0, t.max), true
	}
	if atEOF && len(b) > 0 {
		return len(b), true
	}
	return 0, false
}

func (t *streamer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for {
		if t.outPos < len(t.out) {
			n := copy(dst[nDst:], t.out[t.outPos:])
			nDst += n
			t.outPos += n
			if t.outPos < len(t.out) {
				return nDst, nSrc, transform.ErrShortDst
			}
		}
		t.out, t.outPos = t.out[:0], 0

		if len(t.buf) == 0 {
			// Segments wholly inside src need no gathering.
			end, ok := t.cut(src[nSrc:], 0, atEOF)
			if ok {
				t.fixSegment(src[nSrc : nSrc+end])
				nSrc += end
				continue
			}
		}
		if nSrc == len(src) && (!atEOF || len(t.buf) == 0) {
			return nDst, nSrc, nil
		}
		// Gather up to max+1 bytes, all cut needs to decide.
		n := min(len(src)-nSrc, t.max+1-len(t.buf))
		t.buf = append(t.buf, src[nSrc:nSrc+n]...)
		nSrc += n
		end, ok := t.cut(t.buf, t.scanned, atEOF && nSrc == len(src))
		if !ok {
			t.scanned = len(t.buf)
			continue
		}
		t.fixSegment(t.buf[:end])
		rest := copy(t.buf, t.buf[end:])
		t.buf, t.scanned = t.buf[:rest], 0
	}
}

// Span reports how many bytes of src are whole clean segments.
func (t *streamer) Span(src []byte, atEOF bool) (n int, err error) {
	if len(t.buf) > 0 || t.outPos < len(t.out) {
		return 0, transform.ErrEndOfSpan
	}
	for n < len(src) {
		end, ok := t.cut(src[n:], 0, atEOF)
		if !ok {
			return n, transform.ErrShortSrc
		}
		seg := src[n : n+end]
		cfg := t.cfg.after(seg)
		if !cfg.trivial(view(seg)) {
			return n, transform.ErrEndOfSpan
		}
		t.cfg = cfg
		n += end
	}
	return n, nil
}

// view returns b as a string without copying. The callers only read the
// string during the call, while b stays unmodified.
func view(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// after returns the config in force for seg, given c for the segments
// before it: as in Config.fix, markup ends HTMLAuto entity decoding for
// good.
func (c Config) after(seg []byte) Config {
	if c.UnescapeHTML == HTMLAuto && bytes.IndexByte(seg, '<') >= 0 {
		c.UnescapeHTML = HTMLNever
	}
	return c
}

// fixSegment appends the repair of seg to t.out.
func (t *streamer) fixSegment(seg []byte) {
	t.cfg = t.cfg.after(seg)
	if t.cfg.trivial(view(seg)) {
		t.out = append(t.out, seg...)
		return
	}
	for len(seg) > 0 {
		valid := validPrefix(seg)
		if valid > 0 {
			fixed, _ := t.cfg.fixSegment(string(seg[:valid]), false)
			t.out = append(t.out, fixed...)
			seg = seg[valid:]
		}
		bad := invalidPrefix(seg)
		t.out = append(t.out, seg[:bad]...)
		seg = seg[bad:]
	}
}

// validPrefix returns the length of the longest valid UTF-8 prefix of b.
func validPrefix(b []byte) int {
	if utf8.Valid(b) {
		return len(b)
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// invalidPrefix returns the length of the run of invalid bytes at the
// start of b.
func invalidPrefix(b []byte) int {
	i := 0
	for i < len(b) {
		if r, size := utf8.DecodeRune(b[i:]); r != utf8.RuneError || size != 1 {
			break
		}
		i++
	}
	return i
}

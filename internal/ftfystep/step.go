package ftfystep

import (
	"bytes"
	"strings"

	"github.com/mojitext/moji/internal/codec"
)

// pages are the single-byte pages ftfy tries, in its order: the first
// through which the whole text re-decodes wins, so a text that fits
// Latin-1 is never read as windows-1252.
var pages = []*codec.SingleByte{
	codec.ISO8859_1,
	codec.SloppyWindows1252,
	codec.SloppyWindows1251,
	codec.SloppyWindows1250,
	codec.SloppyWindows1253,
	codec.SloppyWindows1254,
	codec.SloppyWindows1257,
	codec.ISO8859_2,
	codec.Macintosh,
	codec.IBM437,
}

// sloppy reports whether ftfy treats the encoding as one of its sloppy
// pages, in which byte 0x1A stands for U+FFFD: the replacement character
// a decoder left is re-encoded, and the damaged sequence around it
// becomes one U+FFFD instead of failing the whole decode.
func sloppy(c *codec.SingleByte) bool {
	return strings.HasPrefix(c.Name(), "sloppy-")
}

// Options say which of ftfy's sub-fixes apply: the byte repairs made
// between encoding and decoding, and the repair of islands.
type Options struct {
	RestoreByteA0  bool // a space may stand for byte 0xA0
	LossySequences bool // sequences holding 0x1A or '?' become U+FFFD
	Islands        bool // text that cannot be re-decoded whole is repaired island by island
}

// Step is one step of ftfy's fix_encoding when the text is bad: the text
// re-decoded through the first encoding that takes all of it, and that
// encoding's name. ok is false when s is not bad or no encoding decodes
// it whole; then only islands of s can be repaired.
func Step(s string, o Options) (out, encoding string, ok bool) {
	if !Bad(s) {
		return s, "", false
	}
	for _, c := range pages {
		if out, ok := Redecode(s, c.Name(), o); ok {
			return out, c.Name(), true
		}
	}
	return s, "", false
}

// Fix repairs s as ftfy's fix_encoding does, one step after another
// while s looks bad: the whole text re-decoded if some encoding takes it,
// otherwise (with islands) each island of mojibake on its own. ok is
// false if nothing changed.
func Fix(s string, o Options) (string, bool) {
	out := s
	for range 16 {
		next, _, ok := Step(out, o)
		if !ok && o.Islands && Bad(out) {
			next = DecodeInconsistent(out, o)
		}
		if next == out {
			break
		}
		out = next
	}
	return out, out != s
}

// Redecode encodes s with the named encoding, makes the byte repairs,
// and decodes the bytes as UTF-8 (with CESU-8 surrogate pairs and Java's
// C0 80). ok is false if s does not fit the encoding or the bytes are not
// UTF-8.
func Redecode(s, encoding string, o Options) (string, bool) {
	var c *codec.SingleByte
	for _, e := range pages {
		if e.Name() == encoding {
			c = e
		}
	}
	if c == nil {
		return s, false
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r == 0x1A && sloppy(c):
			return s, false // 0x1A means U+FFFD in a sloppy page
		case r == '\ufffd' && sloppy(c):
			b = append(b, 0x1A)
		case r < 0x80:
			b = append(b, byte(r))
		default:
			x, ok := c.EncodeRune(r)
			if !ok {
				return s, false
			}
			b = append(b, x)
		}
	}
	if o.RestoreByteA0 && c != codec.Macintosh && alteredUTF8(b) {
		b = restoreByteA0(b)
	}
	if o.LossySequences && sloppy(c) {
		b = replaceLossy(b)
	}
	out, ok := codec.DecodeUTF8Variants(b)
	if !ok {
		return s, false
	}
	return out, true
}

func isCont(b byte) bool { return 0x80 <= b && b <= 0xBF }

// contNot85A0 is a continuation byte other than 0x85 and 0xA0, as ftfy
// requires beside a space in a three-byte sequence: 0x85 is windows-1252's
// "…", which a space often follows in correct text, and 0xA0 would be a
// second lost NBSP.
func contNot85A0(b byte) bool { return isCont(b) && b != 0x85 && b != 0xA0 }

// alteredAt returns the length of a UTF-8 sequence starting at i that one
// space (for 0xA0) spoils, or 0. The leads of two-byte sequences are the
// ones whose character with 0xA0 is common: NBSP (C2), à (C3), Š (C5),
// Π (CE), Р (D0), the Arabic-Indic zero ٠ (D9).
func alteredAt(b []byte, i int) int {
	at := func(k int) byte {
		if i+k < len(b) {
			return b[i+k]
		}
		return 0
	}
	switch c := b[i]; {
	case c == 0xC2 || c == 0xC3 || c == 0xC5 || c == 0xCE || c == 0xD0 || c == 0xD9:
		if at(1) == ' ' {
			return 2
		}
	case 0xE0 <= c && c <= 0xE3:
		if (c == 0xE2 || c == 0xE3) && at(1) == ' ' && contNot85A0(at(2)) {
			return 3
		}
		if contNot85A0(at(1)) && at(2) == ' ' {
			return 3
		}
	case c == 0xF0:
		n := 0
		for k := 1; k <= 3; k++ {
			switch {
			case at(k) == ' ':
				n++
			case !isCont(at(k)):
				return 0
			}
		}
		if n == 1 {
			return 4
		}
	}
	return 0
}

func alteredUTF8(b []byte) bool {
	for i := range b {
		if alteredAt(b, i) > 0 {
			return true
		}
	}
	return false
}

// restoreByteA0 puts 0xA0 back where a space spoils a UTF-8 sequence.
// "Ã " before a word is "à " whose 0xA0 and space were coalesced, so the
// space stays: "voilÃ le" is "voilà le". Portuguese "às", "àquele",
// "àquela", "àquilo" are the exceptions, where à is part of the word.
func restoreByteA0(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == 0xC3 && i+1 < len(b) && b[i+1] == ' ' && !aGraveWord(b[i+2:]) {
			out = append(out, 0xC3, 0xA0, ' ')
			i++
			continue
		}
		out = append(out, b[i])
	}
	b = out
	out = make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if n := alteredAt(b, i); n > 0 {
			for _, x := range b[i : i+n] {
				if x == ' ' {
					x = 0xA0
				}
				out = append(out, x)
			}
			i += n
			continue
		}
		out = append(out, b[i])
		i++
	}
	return out
}

// aGraveWord reports whether the bytes after "Ã " begin a word that à
// belongs to (or a second space).
func aGraveWord(rest []byte) bool {
	for _, w := range []string{" ", "quele", "quela", "quilo", "s "} {
		if bytes.HasPrefix(rest, []byte(w)) {
			return true
		}
	}
	return false
}

// lossyAt returns the length of a damaged UTF-8 sequence at i: one whose
// continuation bytes were replaced by 0x1A (from U+FFFD) or, once, by '?'.
func lossyAt(b []byte, i int) int {
	at := func(k int) byte {
		if i+k < len(b) {
			return b[i+k]
		}
		return 0
	}
	lost := func(x byte, q bool) bool { return x == 0x1A || q && x == '?' }
	contOrLost := func(x byte, q bool) bool { return isCont(x) || lost(x, q) }
	c := b[i]
	switch {
	case c == 0x1A:
		return 1
	case 0xC2 <= c && c <= 0xDF:
		if at(1) == 0x1A || c <= 0xC3 && at(1) == '?' {
			return 2
		}
	case c == 0xED && at(1) >= 0xA0 && at(1) <= 0xAF && at(3) == 0xED && at(4) >= 0xB0 && at(4) <= 0xBF:
		// A CESU-8 surrogate pair with a lost byte.
		if lost(at(2), true) && contOrLost(at(5), true) || contOrLost(at(2), true) && lost(at(5), true) {
			return 6
		}
		fallthrough
	case 0xE0 <= c && c <= 0xEF:
		if lost(at(1), true) && contOrLost(at(2), false) || contOrLost(at(1), false) && lost(at(2), true) {
			return 3
		}
	case 0xF0 <= c && c <= 0xF4:
		for k := 1; k <= 3; k++ {
			if !lost(at(k), true) {
				continue
			}
			ok := true
			for j := 1; j <= 3; j++ {
				if j != k && !contOrLost(at(j), false) {
					ok = false
				}
			}
			if ok {
				return 4
			}
		}
	}
	return 0
}

// replaceLossy turns each damaged sequence into U+FFFD: the lost
// character is unknown, but the text around it decodes.
func replaceLossy(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if n := lossyAt(b, i); n > 0 {
			out = append(out, "\ufffd"...)
			i += n
			continue
		}
		out = append(out, b[i])
		i++
	}
	return out
}

// The characters an island of UTF-8 read through a Latin-like page is
// made of: what each byte of a UTF-8 sequence decodes to in Latin-1 or a
// windows-125x page. A space counts as a continuation byte, as it may
// stand for 0xA0.
var (
	firstOf2, firstOf3, firstOf4 = map[rune]bool{}, map[rune]bool{}, map[rune]bool{}
	continuation                 = map[rune]bool{' ': true}
	// strictContinuation leaves out the characters that stand for
	// themselves beside mojibake as often as not: spaces, dashes,
	// quotation marks, bullets and ellipses. An island right after one
	// of the others is the tail of a larger garble, and repairing only
	// its tail would make that garble worse.
	strictContinuation = map[rune]bool{}
)

func init() {
	pages := []*codec.SingleByte{codec.ISO8859_1, codec.Windows1252, codec.Windows1250, codec.Windows1251,
		codec.Windows1253, codec.Windows1254, codec.Windows1257}
	for r := rune(0x80); r <= 0xBF; r++ {
		continuation[r] = true
	}
	for _, p := range pages {
		for b := 0x80; b <= 0xFF; b++ {
			r, ok := p.DecodeByte(byte(b))
			if !ok {
				continue
			}
			switch {
			case b <= 0xBF:
				continuation[r] = true
			case 0xC2 <= b && b <= 0xDF:
				firstOf2[r] = true
			case 0xE0 <= b && b <= 0xEF:
				firstOf3[r] = true
			case b == 0xF0 || b == 0xF3:
				firstOf4[r] = true
			}
		}
	}
	for r := range continuation {
		if !strings.ContainsRune(" –—―‘’‚“”„•…", r) {
			strictContinuation[r] = true
		}
	}
}

// islandEnd returns the end of the island of UTF-8-shaped sequences
// starting at runes[i], or i if none starts there. Sequences are tried
// as two-, three-, then four-byte ones, and the island takes as many as
// follow one another.
func islandEnd(runes []rune, i int) int {
	seq := func(i int) int {
		cont := func(k, n int) bool {
			if i+k+n > len(runes) {
				return false
			}
			for j := 1; j <= n; j++ {
				if !continuation[runes[i+k+j-1]] {
					return false
				}
			}
			return true
		}
		switch r := runes[i]; {
		case firstOf2[r] && cont(1, 1):
			return 2
		case firstOf3[r] && cont(1, 2):
			return 3
		case firstOf4[r] && cont(1, 3):
			return 4
		}
		return 0
	}
	j := i
	for j < len(runes) {
		n := seq(j)
		if n == 0 {
			break
		}
		j += n
	}
	return j
}

// DecodeInconsistent repairs the islands of mojibake in text that cannot
// be re-decoded whole, as ftfy's decode_inconsistent_utf8 does: each
// island shorter than the text that looks bad on its own is fixed as a
// text of its own.
func DecodeInconsistent(s string, o Options) string {
	runes := []rune(s)
	var b strings.Builder
	last := 0
	for i := 0; i < len(runes); {
		if i > 0 && strictContinuation[runes[i-1]] {
			i++
			continue
		}
		j := islandEnd(runes, i)
		if j == i {
			i++
			continue
		}
		island := string(runes[i:j])
		if j-i < len(runes) {
			if fixed, ok := Fix(island, o); ok {
				b.WriteString(string(runes[last:i]))
				b.WriteString(fixed)
				last = j
			}
		}
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(string(runes[last:]))
	return b.String()
}

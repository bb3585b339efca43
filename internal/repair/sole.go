package repair

import (
	"slices"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/ascii"
	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/plausible"
	"github.com/mojitext/moji/internal/utf8x"
)

// A sole reading is a round the search need not weigh. When one wrong
// decoder turns every character of a window outside ASCII back into
// bytes that are valid UTF-8, and no other decoder turns them into other
// valid UTF-8, the search has one reading to consider: "itâ€™s a cafÃ©
// crÃ¨me brÃ»lÃ©e" re-encoded through windows-1252 is "it’s a café crème
// brûlée"; windows-1254 gives the same bytes, and Mac Roman and GB18030,
// the other decoders that encode it all, give invalid UTF-8. Its islands
// cover the window, each a whole character, and there is nothing to
// price: the search took some twenty microseconds on a line of such
// mojibake (each island priced in its word, through every decoder that
// could have read it), the sole reading a tenth of that.
//
// The reading is taken only where the search has no better answer:
//   - at least minSoleSequences characters are restored, so that a short
//     string that happens to read as UTF-8 ("Â£" in a price list) is
//     still weighed with its margins;
//   - every restored character is of a class that text is written in
//     (see soleClass), or a mark a script writes on its own letters (see
//     marksOwnLetter), and no rare letter (see writable): a reading that
//     yields a C1 control, a mark every script shares, box drawing,
//     half-width kana or "ſ" is the search's to judge (leetspeak drawn
//     in box drawing, "├┤a┼┐a┼┐a", re-encoded through cp437 reads as
//     "ôaſaſa", which the search refuses), unless the next round reads
//     it whole again (see readsWhole);
//   - a text with U+FFFD has no sole reading, for no decoder encodes the
//     mark, and a byte a decoder dropped almost always breaks the shape
//     of UTF-8 (see encodeWhole): lost bytes are the search's.
//
// What the search does with the result is unchanged: the next round
// searches the repaired text as it would have ("ÃƒÂ©" is read twice).
// TestSoleReading holds the reading to the search's answers.
const minSoleSequences = 3

// soleReadings turns sole readings off for TestSoleReading, which
// compares them with the search's own answers.
var soleReadings = true

// soleReading returns the outcome of the sole reading of s, or nil when
// s has none and the search must weigh it.
func soleReading(sc *scratch, s string) *outcome {
	if !soleReadings {
		return nil
	}
	var (
		found    *wrongDecoder
		foundLen int
		strange  bool
		// unlike are the pages that encode a character of s other than
		// as likePage does (see runeBits), listed by likePage's reading
		// as it is made: a page outside them encodes s into the same
		// bytes, once likePage has encoded it all.
		unlike pageSet
	)
	sn := sc.screenFor(s)
	for _, w := range utf8Wrong {
		// mayHold, with the screen's answers for the pages and for a
		// line without CJK asked here: soleReading asks every decoder,
		// on every line that reaches the search.
		switch {
		case w.page >= 0:
			if sn.utf8&(1<<w.page) == 0 {
				continue
			}
		case w.sb == nil && !sn.cjk:
			continue
		case !sc.mayHold(s, w):
			continue
		}
		if found != nil && found.page == likePage && w.page >= 0 && unlike&(1<<w.page) == 0 {
			// w encodes every character of s as windows-1252 did, into
			// the reading found, whose verdict is w's: windows-1254, and
			// on most lines Latin-1, read Latin mojibake so, and encoding
			// and reading the line again cost as much as the first time.
			continue
		}
		var (
			n       int
			odd, ok bool
		)
		if w.page == likePage && found == nil {
			sc.sole, n, odd, ok = wholeReadingSingle(sc.sole[:0], s, w.sb, &unlike)
		} else {
			n, odd, ok = sc.wholeReading(s, w)
		}
		if !ok {
			continue
		}
		if found == nil {
			found, foundLen, strange = w, n, odd
			sc.soleText = append(sc.soleText[:0], sc.sole...)
			continue
		}
		if string(sc.sole) != string(sc.soleText) {
			return nil // two readings: the search weighs them
		}
	}
	if found == nil || foundLen < minSoleSequences || strange && !sc.readsWhole(sc.soleText) {
		return nil
	}
	return sc.soleOutcome(string(sc.soleText), found)
}

// readsWhole reports whether some wrong decoder reads the whole of b,
// valid UTF-8, as a sole reading would, with no strange character left:
// then the strange characters of b are a layer below, which the next
// round undoes. UTF-8 read twice through windows-1252 puts C1 controls
// and rare letters in the text the first round restores ("Ã£Â\u0081Å’"
// is "ã\u0081Œ" once undone, E3 81 8C = "が" once more; "Ã£Æ’Â¡" is
// "ãƒ¡", "メ"), and so does UTF-8 read through Latin-1 ("â\u0080\u0099"
// for ’).
func (sc *scratch) readsWhole(b []byte) bool {
	s := string(b)
	for _, w := range utf8Wrong {
		enc, n, strange, ok := wholeReadingOf(sc.soleBelow[:0], s, w)
		sc.soleBelow = enc
		if ok && !strange && n >= minSoleSequences {
			return true
		}
	}
	return false
}

// soleThrough returns the reading of s through w when it is whole, as a
// sole reading is, or nil: a plan replayed on other text (see Apply)
// undoes its layer as the search undid it, and the search took a sole
// reading without asking whether another decoder reads the text too,
// for the plan has chosen the decoder.
func soleThrough(sc *scratch, s string, w *wrongDecoder) *outcome {
	if !soleReadings {
		return nil
	}
	if n, strange, ok := sc.wholeReading(s, w); !ok || n < minSoleSequences || strange && !sc.readsWhole(sc.sole) {
		return nil
	}
	return sc.soleOutcome(string(sc.sole), w)
}

// soleOutcome is the outcome of a sole reading of text through w. It
// lies in sc, good until the next sole reading: every caller reads it,
// or copies what it keeps, before it asks for another. Allocated anew,
// it was a quarter of the allocations of a line of Latin mojibake.
func (sc *scratch) soleOutcome(text string, w *wrongDecoder) *outcome {
	sc.soleOut = outcome{
		text:     text,
		gain:     0, // no search compares it
		layer:    Layer{WrongDecoder: w.name(), TrueCharset: "utf-8"},
		produced: soleProduced(text),
	}
	return &sc.soleOut
}

// wholeReading encodes s through w into sc.sole and reports how many
// characters outside ASCII the bytes read as and whether one is strange,
// when they are valid UTF-8 of the characters soleSequences allows.
func (sc *scratch) wholeReading(s string, w *wrongDecoder) (n int, strange, ok bool) {
	sc.sole, n, strange, ok = wholeReadingOf(sc.sole[:0], s, w)
	return n, strange, ok
}

// wholeReadingOf appends s encoded through w to dst and reports how many
// characters outside ASCII the bytes read as and whether one is strange,
// when they are valid UTF-8 of the characters soleSequences allows.
func wholeReadingOf(dst []byte, s string, w *wrongDecoder) (b []byte, n int, strange, ok bool) {
	if w.sb != nil {
		return wholeReadingSingle(dst, s, w.sb, nil)
	}
	if b, ok = encodeWhole(dst, s, w); !ok {
		return b, 0, false, false
	}
	n, strange, ok = soleSequences(b)
	return b, n, strange, ok
}

// encodeWhole appends s encoded through w to dst, and reports whether w
// encodes every character of s into bytes shaped like UTF-8: each byte
// above 0x7F a lead followed by as many continuation bytes as it asks
// for. It stops at the first character that breaks the shape, and most
// texts break it at once: correct French re-encoded through
// windows-1252 has "é" as E9, a lead of three bytes, before a letter.
// (The finer rules of UTF-8, on overlong forms and surrogates, are left
// to soleSequences.)
func encodeWhole(dst []byte, s string, w *wrongDecoder) ([]byte, bool) {
	need := 0 // continuation bytes the last lead still asks for
	for i := 0; i < len(s); {
		if n := ascii.Prefix(s[i:]); n > 0 {
			if need > 0 {
				return dst, false
			}
			dst = append(dst, s[i:i+n]...)
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		from := len(dst)
		var ok bool
		if dst, ok = w.encodeRune(dst, r); !ok {
			return dst, false
		}
		for _, c := range dst[from:] {
			switch {
			case c < utf8.RuneSelf && need == 0:
				// The trail byte of a double-byte page: "檚" through
				// GBK is 99 73, the end of "’" and an "s".
			case need > 0 && c&0xC0 == 0x80:
				need--
			case need > 0 || c < 0xC2 || c > 0xF4:
				return dst, false
			case c < 0xE0:
				need = 1
			case c < 0xF0:
				need = 2
			default:
				need = 3
			}
		}
		i += size
	}
	return dst, need == 0
}

// wholeReadingSingle is wholeReadingOf for a single-byte page, one byte
// for each character, in one pass: each sequence is read as its last
// byte is encoded. The sole reading encodes every line of Latin mojibake
// through windows-1252 and the pages beside it, and encoding the line
// with the general loop's calls (the library's decoder, the page's
// encoder through wrongDecoder.encodeRune), then reading the bytes
// again, was most of its cost; a reading that fails on its first
// character, as Mac Roman's of "cafÃ©" does, was encoded whole first.
//
// Given unlike, it adds to it the unlike bits of each character it
// encodes (see runeBits), for soleReading: they were gathered by the
// screen's pass at first, which reads every line, correct or not, and
// was a fourteenth slower for it.
func wholeReadingSingle(dst []byte, s string, sb *codec.SingleByte, unlike *pageSet) (b []byte, n int, strange, ok bool) {
	var (
		need  int                  // continuation bytes the last lead still asks for
		seq   rune                 // the bits of the sequence so far
		least rune                 // the least character a sequence of its length encodes
		prev  = plausible.NoScript // the script of the character before, as soleSequences has it
	)
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			if need > 0 {
				return dst, 0, false, false
			}
			// Mojibake has one or two ASCII letters between its
			// characters outside ASCII ("cafÃ©", "Ð¡ÐµÐ³"): a lone
			// byte is taken without the call that finds a run's end.
			run := 1
			if i+1 < len(s) && s[i+1] < utf8.RuneSelf {
				run += ascii.Prefix(s[i+1:])
			}
			dst = append(dst, s[i:i+run]...)
			prev = plausible.ClassOf(rune(s[i+run-1])).Script()
			i += run
			continue
		}
		r, size := utf8x.DecodeAt(s, i)
		c, encoded := sb.EncodeRune(r)
		if !encoded {
			return dst, 0, false, false
		}
		if unlike != nil {
			*unlike |= screenTab.lookup(r).unlike
		}
		dst = append(dst, c)
		i += size
		switch {
		case c < utf8.RuneSelf && need == 0:
			// As in encodeWhole: a page a replayed plan names may put a
			// character outside ASCII below 0x80.
			prev = plausible.ClassOf(rune(c)).Script()
		case need > 0 && c&0xC0 == 0x80:
			seq = seq<<6 | rune(c&0x3F)
			if need--; need > 0 {
				continue
			}
			// An overlong form, a surrogate or a value beyond Unicode
			// is what utf8.DecodeRune refuses of a sequence of this
			// shape.
			if seq < least || seq >= 0xD800 && seq <= 0xDFFF || seq > utf8.MaxRune {
				return dst, 0, false, false
			}
			var odd bool
			if prev, odd, ok = soleRune(seq, prev); !ok {
				return dst, 0, false, false
			}
			strange = strange || odd
			n++
		case need > 0 || c < 0xC2 || c > 0xF4:
			return dst, 0, false, false
		case c < 0xE0:
			need, seq, least = 1, rune(c&0x1F), 0x80
		case c < 0xF0:
			need, seq, least = 2, rune(c&0x0F), 0x800
		default:
			need, seq, least = 3, rune(c&0x07), 0x10000
		}
	}
	if need > 0 {
		return dst, 0, false, false
	}
	return dst, n, strange, true
}

// soleSequences reports whether b is valid UTF-8 whose characters
// outside ASCII are all of a class text is written in, marks on letters
// of their own script, or C1 controls; how many it has; and whether one
// is strange: a C1 control or a rare letter or symbol (see writable).
func soleSequences(b []byte) (n int, strange, ok bool) {
	prev := plausible.NoScript // the script of the letter before, if any
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			prev = plausible.ClassOf(rune(b[i])).Script()
			i++
			continue
		}
		var (
			r    rune
			size int
		)
		if c := b[i]; c >= 0xC2 && c <= 0xDF && i+1 < len(b) && b[i+1]&0xC0 == 0x80 {
			// Two bytes, the letters of the alphabets, decoded here
			// as the screen does (see utf8x.DecodeAt).
			r, size = rune(c&0x1F)<<6|rune(b[i+1]&0x3F), 2
		} else if r, size = utf8.DecodeRune(b[i:]); r == utf8.RuneError && size <= 1 {
			return 0, false, false
		}
		var odd bool
		if prev, odd, ok = soleRune(r, prev); !ok {
			return 0, false, false
		}
		strange = strange || odd
		n++
		i += size
	}
	return n, strange, true
}

// soleRune is soleSequences' verdict on r, a character outside ASCII
// after a character of script prev: whether r may stand in a sole
// reading, whether it is strange, and the script the next character
// comes after.
func soleRune(r rune, prev plausible.Script) (next plausible.Script, strange, ok bool) {
	c := plausible.ClassOf(r)
	switch {
	case c == plausible.Combining:
		// prev stays the letter's: Thai stacks a tone mark on a vowel
		// sign ("ที่").
		return prev, false, marksOwnLetter(r, prev)
	case c == plausible.C1 || soleClass(c) && r <= 0xFFFF && !writableOf(r):
		return c.Script(), true, true
	case !soleClass(c):
		return prev, false, false
	}
	return c.Script(), false, true
}

// marksOwnLetter reports whether the combining mark r, after a letter of
// script prev, is one that script writes on its letters: the vowel signs
// and tone marks of Thai after a Thai letter ("ที่"), the harakat after
// an Arabic letter. A mark every script shares is no such mark: Mac
// Roman reads the "Ã©" of "café" as "c" and U+0329, and that reading must
// not stand beside windows-1252's (see soleReading).
func marksOwnLetter(r rune, prev plausible.Script) bool {
	if prev == plausible.NoScript {
		return false
	}
	if ms := plausible.MarkScript(r); ms != plausible.NoScript {
		return ms == prev
	}
	// The harakat are Inherited in Unicode, shared by the languages
	// written in Arabic script (see plausible's arabicHaraka).
	return prev == plausible.ArabicScript && (r >= 0x064B && r <= 0x0652 || r == 0x0670)
}

// soleClass reports whether a character of class c, restored, needs no
// weighing: the letters, punctuation and symbols of written text. A C1
// control or a private-use character is what the search refuses to
// write, a combining mark (see marksOwnLetter) or box drawing it writes
// only beside the right neighbours (see leavesLineArt), and half-width
// kana is itself a sign of mojibake.
func soleClass(c plausible.Class) bool {
	switch c {
	case plausible.LatinLower, plausible.LatinUpper, plausible.LatinSymbol, plausible.NBSP,
		plausible.GreekLower, plausible.GreekUpper, plausible.CyrillicLower, plausible.CyrillicUpper,
		plausible.Hebrew, plausible.Arabic, plausible.Thai, plausible.OtherLetter,
		plausible.GeneralPunct, plausible.Currency, plausible.Math, plausible.Dingbat,
		plausible.CJKPunct, plausible.Kana, plausible.Han, plausible.Hangul:
		return true
	}
	return false
}

// soleProduced returns the byte ranges of text's runs of characters
// outside ASCII: what a sole reading wrote.
func soleProduced(text string) [][2]int {
	// The runs are listed on the stack and copied once: a line of
	// Russian read through windows-1252 has one for each word, and the
	// slice grown run by run was allocated five or six times.
	var room [64][2]int
	produced := room[:0]
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			if i++; i < len(text) && text[i] < utf8.RuneSelf {
				i += ascii.Prefix(text[i:])
			}
			continue
		}
		j := i
		for j < len(text) && text[j] >= utf8.RuneSelf {
			j++
		}
		produced = append(produced, [2]int{i, j})
		i = j
	}
	if len(produced) == 0 {
		return nil
	}
	return slices.Clone(produced)
}

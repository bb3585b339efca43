package cleanup

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A runeMap is a per-character fix, like Python's str.translate: leads marks
// the first bytes (ASCII bytes included) of the characters it may change,
// and fix returns a character's replacement, or ok == false to keep it.
type runeMap struct {
	leads *[256]bool
	fix   func(r rune) (repl string, ok bool)
	// skip returns the next index at or after i whose byte may be a lead:
	// skipASCII when no lead is ASCII, skipPrintable otherwise.
	skip func(s string, i int) int
}

// apply rewrites each character of s that m fixes. Bytes that are not valid
// UTF-8 decode as a one-byte utf8.RuneError and are copied unchanged.
//
// A lead byte can never be a continuation byte, so stepping over other
// bytes one at a time still meets every lead byte at a character boundary.
func (m runeMap) apply(s string) string {
	e := editor{s: s}
	for i := 0; i < len(s); {
		if c := s[i]; !m.leads[c] {
			if c < utf8.RuneSelf {
				i = m.skip(s, i+1)
			} else {
				i++
			}
			continue
		}
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r, n = utf8.DecodeRuneInString(s[i:]); n == 1 {
				i++ // invalid UTF-8: keep the byte
				continue
			}
		}
		if repl, ok := m.fix(r); ok {
			e.replace(i, i+n, repl)
		}
		i += n
	}
	return e.result()
}

// leadBytes returns a table marking the first UTF-8 byte of each rune in rs.
func leadBytes(rs ...rune) *[256]bool {
	var t [256]bool
	var buf [utf8.UTFMax]byte
	for _, r := range rs {
		utf8.EncodeRune(buf[:], r)
		t[buf[0]] = true
	}
	return &t
}

// c1Windows1252 maps U+0080-U+009F to the character that byte 0x80-0x9F
// stands for in windows-1252, keeping the five bytes that windows-1252
// leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) as they are: ftfy's
// "sloppy-windows-1252" reading, and the HTML5 one.
var c1Windows1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// c1Fixes holds c1Windows1252 as strings, "" where the control stays.
var c1Fixes = func() (t [32]string) {
	for i, r := range c1Windows1252 {
		if r != rune(0x80+i) {
			t[i] = string(r)
		}
	}
	return t
}()

var c1Map = runeMap{
	skip:  skipASCII,
	leads: leadBytes(0x80),
	fix: func(r rune) (string, bool) {
		if r < 0x80 || r > 0x9F {
			return "", false
		}
		return c1Fixes[r-0x80], c1Fixes[r-0x80] != ""
	},
}

// FixC1Controls replaces each C1 control character U+0080-U+009F with the
// windows-1252 character of the same byte value, as ftfy's fix_c1_controls
// does: "It\u0092s" becomes "It’s", "\u0085" becomes "…". U+0081, U+008D,
// U+008F, U+0090 and U+009D have no windows-1252 character and stay.
func FixC1Controls(s string) string { return c1Map.apply(s) }

// ligatures is ftfy's LIGATURES table: Latin typographic ligatures, and
// digraph characters that exist only for round-tripping legacy encodings.
// Ligatures such as æ and œ, used on purpose, are not here.
var ligatures = map[rune]string{
	// Dutch.
	'Ĳ': "IJ", 'ĳ': "ij",
	// Afrikaans, with U+02BC so that no quote gets curled.
	'ŉ': "ʼn",
	// Serbian and Croatian digraphs, kept for Cyrillic conversion.
	'Ǳ': "DZ", 'ǲ': "Dz", 'ǳ': "dz",
	'Ǆ': "DŽ", 'ǅ': "Dž", 'ǆ': "dž",
	'Ǉ': "LJ", 'ǈ': "Lj", 'ǉ': "lj",
	'Ǌ': "NJ", 'ǋ': "Nj", 'ǌ': "nj",
	// Typographic ligatures.
	'ﬀ': "ff", 'ﬁ': "fi", 'ﬂ': "fl", 'ﬃ': "ffi", 'ﬄ': "ffl", 'ﬅ': "ſt", 'ﬆ': "st",
}

var ligatureMap = runeMap{
	skip:  skipASCII,
	leads: leadBytes('Ĳ', 'ŉ', 'Ǆ', 'ﬀ'),
	fix: func(r rune) (string, bool) {
		repl, ok := ligatures[r]
		return repl, ok
	},
}

// FixLatinLigatures splits the Latin ligatures and legacy digraphs of ftfy's
// LIGATURES table into their letters: "ﬂuﬃeﬆ" becomes "fluffiest", "ǆ"
// becomes "dž", "ŉ" becomes "ʼn". Such characters in text are usually a
// copy-and-paste accident from a PDF; NFKC would split them too, but also
// changes much more.
func FixLatinLigatures(s string) string { return ligatureMap.apply(s) }

// widthTable holds the NFKC form of U+FF01-U+FFEF, or "" where NFKC leaves
// the character alone; built on first use.
var widthTable = sync.OnceValue(func() *[0xFFEF - 0xFF01 + 1]string {
	var t [0xFFEF - 0xFF01 + 1]string
	for r := rune(0xFF01); r <= 0xFFEF; r++ {
		if nfkc := norm.NFKC.String(string(r)); nfkc != string(r) {
			t[r-0xFF01] = nfkc
		}
	}
	return &t
})

var widthMap = runeMap{
	skip:  skipASCII,
	leads: leadBytes(0x3000, 0xFF01),
	fix: func(r rune) (string, bool) {
		if r == 0x3000 {
			return " ", true
		}
		if r < 0xFF01 || r > 0xFFEF {
			return "", false
		}
		repl := widthTable()[r-0xFF01]
		return repl, repl != ""
	},
}

// FixCharacterWidth replaces the fullwidth and halfwidth forms
// U+FF01-U+FFEF with their NFKC (standard-width) forms, and the ideographic
// space U+3000 with a space, as ftfy's fix_character_width does:
// "ＬＯＵＤ　ＮＯＩＳＥＳ" becomes "LOUD NOISES", "Ｕﾀｰﾝ" becomes "Uターン".
// Each character maps on its own, so a halfwidth voiced-sound mark becomes
// the combining U+3099, which NFC later joins to the kana before it.
func FixCharacterWidth(s string) string { return widthMap.apply(s) }

var quoteMap = runeMap{
	skip:  skipASCII,
	leads: leadBytes(0x02BC, 0x2018),
	fix: func(r rune) (string, bool) {
		switch {
		case r == 0x02BC, 0x2018 <= r && r <= 0x201B:
			return "'", true
		case 0x201C <= r && r <= 0x201F:
			return `"`, true
		}
		return "", false
	},
}

// UncurlQuotes replaces curly quotation marks with straight ones, as ftfy's
// uncurl_quotes does: U+02BC and U+2018-U+201B (‘ ’ ‚ ‛) become "'", and
// U+201C-U+201F (“ ” „ ‟) become '"'. "“here’s a test”" becomes
// "\"here's a test\"".
func UncurlQuotes(s string) string { return quoteMap.apply(s) }

var controlMap = runeMap{
	skip: skipPrintable,
	leads: func() *[256]bool {
		t := leadBytes(0x206A, 0xFEFF)
		for c := 0; c < 0x20; c++ {
			t[c] = true
		}
		t[0x7F] = true
		return t
	}(),
	fix: func(r rune) (string, bool) {
		switch {
		case r <= 0x08, r == 0x0B, 0x0E <= r && r <= 0x1F, r == 0x7F,
			0x206A <= r && r <= 0x206F, r == 0xFEFF, 0xFFF9 <= r && r <= 0xFFFC:
			return "", true
		}
		return "", false
	},
}

// RemoveControlChars deletes the control characters that ftfy's
// remove_control_chars deletes: U+0000-U+0008, U+000B, U+000E-U+001F and
// U+007F (keeping tab, line feed, form feed and carriage return), the
// deprecated format characters U+206A-U+206F, the byte-order mark U+FEFF,
// and the interlinear annotation and object replacement characters
// U+FFF9-U+FFFC. "\ufeffHello\x7f" becomes "Hello".
func RemoveControlChars(s string) string { return controlMap.apply(s) }

package cleanup

import (
	"strings"
	"unicode/utf8"
)

// An entity is one named character reference: &name; stands for value.
type entity struct {
	name, value string
}

// maxEntityBody is the longest entity body ftfy looks at: its pattern is
// &#?[0-9A-Za-z]{1,24}; so "&CounterClockwiseContourIntegral;" (31
// letters) is never decoded.
const maxEntityBody = 24

// UnescapeHTML decodes the HTML character references in s that ftfy's
// unescape_html decodes, and leaves everything else alone. Only references
// that end in ";" count, so "&not html" stays as it is.
//
// Named references use the HTML5 table, plus the ALL-CAPS form of each
// lowercase name whose caps form is not itself an entity, decoded to the
// uppercased value: "P&EACUTE;REZ" is "PÉREZ", "STRA&SZLIG;E" is "STRASSE",
// but "&nTILDE;" (mixed case) stays.
//
// Numeric references follow Python's html.unescape: "&#x80;" is "€" (HTML5
// reads 0x80-0x9F as windows-1252), "&#0;" and surrogates and values past
// U+10FFFF are U+FFFD, "&#x1;" and "&#xFFFF;" (noncharacters and most
// controls) vanish, and "&#13;" is "\r". A reference that would decode to
// ";" itself ("&#59;") is left alone, as ftfy does.
//
// Entities are decoded once, left to right: "&amp;amp;" becomes "&amp;".
func UnescapeHTML(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	e := editor{s: s}
	for i >= 0 {
		end, repl, ok := matchReference(s[i:])
		if ok {
			e.replace(i, i+end, repl)
		}
		if end == 0 {
			end = 1
		}
		i += end
		next := strings.IndexByte(s[i:], '&')
		if next < 0 {
			break
		}
		i += next
	}
	return e.result()
}

// matchReference looks for ftfy's entity pattern &#?[0-9A-Za-z]{1,24}; at
// the start of s (which starts with "&"). It returns the length of the
// match (0 if none) and, when the match decodes, its replacement.
func matchReference(s string) (end int, repl string, ok bool) {
	start := 1
	if len(s) > 1 && s[1] == '#' {
		start = 2
	}
	j := start
	for j < len(s) && j-start <= maxEntityBody && isAlnum(s[j]) {
		j++
	}
	// With "#" present and no alphanumerics after it ("&#;"), the
	// pattern cannot fall back to treating "#" as the body: it is not
	// alphanumeric.
	if n := j - start; n < 1 || n > maxEntityBody || j >= len(s) || s[j] != ';' {
		return 0, "", false
	}
	end = j + 1
	body := s[start:j]
	if start == 1 {
		repl, ok = lookupEntity(body)
		return end, repl, ok
	}
	// ftfy looks "&#...;" up in its table first, but no entity name starts
	// with "#", so only the numeric rule applies.
	repl, ok = numericReference(body)
	return end, repl, ok
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
}

// lookupEntity finds name in the sorted entity table.
func lookupEntity(name string) (string, bool) {
	lo, hi := 0, len(entities)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if entities[m].name < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(entities) && entities[lo].name == name {
		return entities[lo].value, true
	}
	return "", false
}

// numericReference decodes the body of "&#body;" the way ftfy does: Python's
// html.unescape must consume the whole reference, and the result must not
// contain ";". So "20x6" (from "&#20x6;") is not a reference: html.unescape
// would decode only "&#20" and leave "x6;" behind.
func numericReference(body string) (string, bool) {
	base, digits := 10, body
	if body[0] == 'x' || body[0] == 'X' {
		base, digits = 16, body[1:]
	}
	if digits == "" {
		return "", false
	}
	cp := 0
	for i := 0; i < len(digits); i++ {
		d := hexValue(digits[i])
		if d >= base {
			return "", false
		}
		if cp <= utf8.MaxRune {
			cp = cp*base + d // stops growing once past U+10FFFF: no overflow
		}
	}
	r, ok := charref(cp)
	if r == ';' {
		return "", false
	}
	if !ok {
		return "", true // html.unescape drops it
	}
	return string(r), true
}

// hexValue returns the value of a hex digit, or 16 for any other byte.
func hexValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return 16
}

// charref maps a numeric character reference to a rune as Python's
// html.unescape does (its _replace_charref, after the HTML5 spec); ok is
// false when the reference decodes to nothing.
func charref(cp int) (r rune, ok bool) {
	switch {
	case cp == 0:
		return utf8.RuneError, true
	case cp == 0x0D:
		return '\r', true
	case 0x80 <= cp && cp <= 0x9F:
		// html.unescape's _invalid_charrefs: the windows-1252 reading,
		// with the five unassigned bytes kept as C1 controls
		// ("&#x81;" is U+0081), which its invalid-code-point rule does
		// not then delete.
		return rune(c1Windows1252[cp-0x80]), true
	case 0xD800 <= cp && cp <= 0xDFFF, cp > utf8.MaxRune:
		return utf8.RuneError, true
	case 0x01 <= cp && cp <= 0x08, cp == 0x0B, 0x0E <= cp && cp <= 0x1F, cp == 0x7F,
		0xFDD0 <= cp && cp <= 0xFDEF, cp&0xFFFE == 0xFFFE:
		return 0, false
	}
	return rune(cp), true
}

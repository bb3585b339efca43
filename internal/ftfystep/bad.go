// Package ftfystep decides one step of mojibake repair the way ftfy 6.3.1
// does, for the presets that promise ftfy's behaviour (moji.FtfyCompat and
// moji.EncodingOnly).
//
// moji's own search scores every hypothesis and acts only on a margin.
// ftfy instead acts whenever its badness heuristic fires, and then takes
// the first of ten single-byte encodings through which the whole text
// re-decodes as UTF-8. The two agree on most text but not all of it:
//
//   - ftfy leaves "Bremer/Mccoy – DrÃ¥ber" alone (no badness pattern
//     fires), where the search sees "Dråber";
//   - ftfy decodes "IL2RÎ³cKO" to "IL2RγcKO" on a single pair, which is
//     below the search's margin;
//   - ftfy keeps the space after "Ã" in "voilÃ le travail" ("voilà le"),
//     because a 0xA0 and a space were coalesced.
//
// A user who asked for ftfy's results gets them from these rules; the
// default preset never uses them.
package ftfystep

import (
	"unicode"
	"unicode/utf8"
)

// Character classes of ftfy's badness heuristic: the few hundred
// characters that UTF-8 read through a single-byte code page produces,
// grouped by how they behave in real text. Each is a bit of a rune's
// class mask; the bits after them are given out at start-up to the
// other sets of characters the patterns name.
const (
	clsC1             uint64 = 1 << iota // U+0080–U+009F: no use outside mojibake
	clsBad                               // ¦ ¤ ¨ ¬ ¯ ¸ ƒ ˆ ˇ ... almost only in mojibake
	clsLaw                               // ¶ §
	clsCurrency                          // ¢ £ ¥ ₧ €
	clsStart                             // opening punctuation: ¡ « ¿ © ‘ “ ...
	clsEnd                               // closing punctuation: ® » ” › ™ ...
	clsNumeric                           // ² ³ ± ¼ × µ ÷ ≤ ...
	clsKaomoji                           // letters used in emoticon faces, and °
	clsUpper                             // upper-case accented Latin letters of the code pages
	clsLower                             // lower-case accented Latin letters of the code pages
	clsUpperCommon                       // Þ, Greek and Cyrillic capitals
	clsLowerCommon                       // Greek and Cyrillic small letters
	clsBox                               // box drawing and blocks
	clsCommon                            // NBSP, soft hyphen, dashes, ellipsis, ’ ...
	clsASCIILetter                       // [A-Za-z]
	clsASCIILower                        // [a-z]
	clsSpace                             // Unicode white space
	clsWord                              // letters, digits and '_'
	clsNotASCIILetter                    // anything but [A-Za-z]
	clsNotNewline                        // anything but "\n"
	clsLiteral                           // the first bit for a set of listed characters
)

// Classes of the runes below classTableSize, where the alphabets ftfy's
// patterns name are, come from a table; the few listed above it from a
// map.
const classTableSize = 0x2600

var (
	classTable [classTableSize]uint64
	classMap   = map[rune]uint64{}
	nextBit    = clsLiteral
)

func addRune(c uint64, r rune) {
	if r < classTableSize {
		classTable[r] |= c
	} else {
		classMap[r] |= c
	}
}

func addClass(c uint64, chars string) {
	for _, r := range chars {
		addRune(c, r)
	}
}

func addRange(c uint64, lo, hi rune) {
	for r := lo; r <= hi; r++ {
		addRune(c, r)
	}
}

// classOf returns r's class mask; below classTableSize, start-up has
// put the classes that depend on r alone into the table.
func classOf(r rune) uint64 {
	if r < classTableSize {
		return classTable[r]
	}
	return classMap[r] | generalClass(r)
}

// generalClass is the part of r's class that Unicode's categories give.
func generalClass(r rune) uint64 {
	var c uint64
	switch {
	case 'a' <= r && r <= 'z':
		c |= clsASCIILetter | clsASCIILower | clsWord
	case 'A' <= r && r <= 'Z':
		c |= clsASCIILetter | clsWord
	default:
		c |= clsNotASCIILetter
		if r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) {
			c |= clsWord
		}
	}
	if unicode.IsSpace(r) {
		c |= clsSpace
	}
	if r != '\n' {
		c |= clsNotNewline
	}
	return c
}

func init() {
	addRange(clsC1, 0x80, 0x9f)
	addClass(clsCommon, "\u00a0\u00ad·´–—―…’")
	addClass(clsBad, "¦¤¨¬¯¸ƒˆˇ˘˛˜†‡‰⌐◊\ufffdªº")
	addClass(clsLaw, "¶§")
	addClass(clsCurrency, "¢£¥₧€")
	addClass(clsStart, "¡«¿©΄΅‘‚“„•‹\uf8ff")
	addClass(clsEnd, "®»˝”›™")
	addClass(clsNumeric, "²³¹±¼½¾×µ÷⁄∂∆∏∑√∞∩∫≈≠≡≤≥№")
	addRange(clsKaomoji, 'Ò', 'Ö')
	addRange(clsKaomoji, 'Ù', 'Ü')
	addRange(clsKaomoji, 'ò', 'ö')
	addRange(clsKaomoji, 'ø', 'ü')
	addClass(clsKaomoji, "ŐŌŪŲ°")
	addRange(clsUpper, 'À', 'Ñ')
	addClass(clsUpper, "ØÜÝĂĀĄĆČĎĐĘĚĒĖĞĢİĪĶĹĽŁĻŃŇŅŒŘŚŞŠŢŤŮŰŸŹŻŽҐ")
	addRange(clsLower, 'à', 'ñ')
	addClass(clsLower, "ßăąāćčďđęěēėğģįīķĺľłļœŕśşšťüźżžґﬁﬂ")
	addRange(clsUpperCommon, 'Α', 'Ω')
	addRange(clsUpperCommon, 'Ё', 'Я')
	addClass(clsUpperCommon, "ÞΆΈΉΊΌΎΏΪΫ")
	addRange(clsLowerCommon, 'α', 'ω')
	addRange(clsLowerCommon, 'а', 'џ')
	addClass(clsLowerCommon, "άέήίΰ")
	addClass(clsBox, "│┌┐┘├┤┬┼▀▄█▌▐░▒▓")
	addRange(clsBox, '═', '╬')
	for i := range patterns {
		for _, e := range patterns[i].elems {
			patterns[i].masks = append(patterns[i].masks, e.mask())
		}
	}
	for r := range rune(classTableSize) {
		classTable[r] |= generalClass(r)
	}
	// Every pattern has a position only characters outside ASCII fill:
	// matches are looked for around those characters alone.
	for i := range patterns {
		p := &patterns[i]
		p.anchor = -1
		for k, m := range p.masks {
			if !matchesASCII(m) {
				p.anchor = k
				break
			}
		}
		if p.anchor < 0 {
			panic("ftfystep: a badness pattern matches ASCII text")
		}
		anchorMasks |= p.masks[p.anchor]
	}
}

func matchesASCII(m uint64) bool {
	for r := range rune(0x80) {
		if classTable[r]&m != 0 {
			return true
		}
	}
	return false
}

// A position of a badness pattern: a rune matches it if it is in one of
// the classes or one of the listed characters.
type elem struct {
	classes uint64
	chars   string
}

// mask gives the listed characters a class bit of their own (shared by
// equal lists) and returns the position's mask.
func (e elem) mask() uint64 {
	if e.chars == "" {
		return e.classes
	}
	bit, ok := literalBits[e.chars]
	if !ok {
		if nextBit == 0 {
			panic("ftfystep: more character sets than class bits")
		}
		bit = nextBit
		nextBit <<= 1
		literalBits[e.chars] = bit
		addClass(bit, e.chars)
	}
	return e.classes | bit
}

var literalBits = map[string]uint64{}

func cls(c uint64) elem             { return elem{classes: c} }
func chars(s string) elem           { return elem{chars: s} }
func clsOr(c uint64, s string) elem { return elem{classes: c, chars: s} }

// pattern is a sequence of positions; atStart anchors it at the text's
// first character. anchor is its first position that only characters
// outside ASCII fill.
type pattern struct {
	elems   []elem
	masks   []uint64
	atStart bool
	anchor  int
}

// anchorMasks is the union of the patterns' anchors: a text without a
// character in it is not bad.
var anchorMasks uint64

const (
	accented = clsLower | clsUpper
	punct    = clsStart | clsEnd
)

// The juxtapositions ftfy counts as bad: two or three characters whose
// classes rarely meet in real text ("é" then "€"), and the most frequent
// two-character mojibake of each code page ("Ã©", "вЂ", "β€").
var patterns = []pattern{
	{elems: []elem{cls(clsC1)}},
	{elems: []elem{cls(clsBad | accented | clsBox | punct | clsCurrency | clsNumeric | clsLaw), cls(clsBad)}},
	{elems: []elem{cls(clsASCIILetter), cls(clsLowerCommon | clsUpperCommon), cls(clsBad)}},
	{elems: []elem{cls(clsBad), cls(accented | clsBox | punct | clsCurrency | clsNumeric | clsLaw)}},
	{elems: []elem{cls(clsLower | clsLowerCommon | clsBox | clsEnd | clsCurrency | clsNumeric), cls(clsUpper)}},
	{elems: []elem{cls(clsBox | clsEnd | clsCurrency | clsNumeric), cls(clsLower)}},
	{elems: []elem{cls(clsLower | clsBox | clsEnd), cls(clsCurrency)}},
	{elems: []elem{cls(clsSpace), cls(clsUpper), cls(clsCurrency)}},
	{elems: []elem{cls(clsUpper | clsBox), cls(clsNumeric | clsLaw)}},
	{elems: []elem{cls(accented | clsBox | clsCurrency | clsEnd), cls(clsStart), cls(clsNumeric)}},
	{elems: []elem{cls(accented | clsCurrency | clsNumeric | clsBox | clsLaw), cls(clsEnd), cls(clsStart)}},
	{elems: []elem{cls(clsCurrency | clsNumeric | clsBox), cls(clsStart)}},
	{elems: []elem{cls(clsASCIILower), cls(clsUpper), cls(clsStart | clsCurrency)}},
	{elems: []elem{cls(clsBox), cls(clsKaomoji)}},
	{elems: []elem{cls(accented | clsCurrency | clsNumeric | punct | clsLaw), cls(clsBox)}},
	{elems: []elem{cls(clsBox), cls(clsEnd)}},
	{elems: []elem{cls(accented), cls(punct), cls(clsWord)}},
	{elems: []elem{chars("Œœ"), cls(clsNotASCIILetter)}},
	{elems: []elem{cls(clsUpper), chars("°")}},
	{elems: []elem{chars("ÂÃÎÐ"), clsOr(punct, "€œŠš¢£Ÿž\u00a0\u00ad®©°·»–—´")}},
	{elems: []elem{chars("×"), chars("²³")}},
	{elems: []elem{chars("ØÙ"), clsOr(clsCommon|clsCurrency|clsBad|clsNumeric|clsStart, "ŸŠ®°µ»"),
		chars("ØÙ"), clsOr(clsCommon|clsCurrency|clsBad|clsNumeric|clsStart, "ŸŠ®°µ»")}},
	{elems: []elem{chars("à"), chars("²µ¹¼½¾")}},
	{elems: []elem{chars("√"), chars("±∂†≠®™´≤≥¥µø")}},
	{elems: []elem{chars("≈"), chars("°¢")}},
	{elems: []elem{chars("‚"), chars("Ä"), chars("ìîïòôúùû†°¢π")}},
	{elems: []elem{chars("‚"), chars("âó"), chars("àä°ê")}},
	{elems: []elem{chars("в"), chars("Ђ")}},
	{elems: []elem{chars("ВГРС"), clsOr(clsC1|clsBad|punct|clsCurrency, "°µ"), chars("ВГРС")}},
	{elems: []elem{chars("Г"), chars("ў"), chars("В"), chars("Ђ"), chars("В"), cls(clsNotNewline), clsOr(clsASCIILetter, " ")}},
	{elems: []elem{chars("Ã"), chars("\u00a0¡")}},
	{elems: []elem{cls(clsASCIILower), chars("ÃÂ"), chars(" ")}},
	{elems: []elem{cls(clsASCIILower), cls(clsSpace), chars("ÃÂ"), chars(" ")}},
	{elems: []elem{chars("ÃÂ"), chars(" ")}, atStart: true},
	{elems: []elem{clsOr(clsEnd, "abcdefghijklmnopqrstuvwxyz.,?!"), chars("Â"), clsOr(punct, " ")}},
	{elems: []elem{chars("β"), chars("€"), chars("™\u00a0Ά\u00ad®°")}},
	{elems: []elem{chars("ΒΓΞΟ"), clsOr(clsC1|clsBad|punct|clsCurrency, "°"), chars("ΒΓΞΟ")}},
	{elems: []elem{chars("ā"), chars("€")}},
}

// Bad reports whether s holds a sequence ftfy's badness heuristic flags:
// ftfy repairs text only when this is true.
func Bad(s string) bool {
	// Every pattern has a character outside ASCII.
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return false
	}
	var arr [256]uint64
	masks := arr[:0]
	for _, r := range s {
		masks = append(masks, classOf(r))
	}
	for j, m := range masks {
		if m&anchorMasks == 0 {
			continue
		}
		for _, p := range patterns {
			i := j - p.anchor
			if m&p.masks[p.anchor] == 0 || i < 0 || p.atStart && i > 0 || i+len(p.masks) > len(masks) {
				continue
			}
			ok := true
			for k, pm := range p.masks {
				if masks[i+k]&pm == 0 {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

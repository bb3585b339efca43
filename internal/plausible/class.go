// Package plausible estimates how likely a text is to have been written by
// a person, as a cost in bits: the more a text looks like mojibake, the
// higher its cost.
//
// The model is deliberately simple and explainable. A text costs the sum
// of
//   - a unigram cost per character, from its class (ASCII letter, Latin-1
//     symbol, C1 control, box drawing, ...) and, for Han, kana and Hangul,
//     from its frequency in real writing (package langstats);
//   - a transition cost per pair of neighbours inside a word: real words
//     keep one script and one case pattern, mojibake does not ("Ã©" is a
//     capital followed by a symbol inside a lowercase word, "鈥檚" glues
//     rare hanzi to Latin letters);
//   - for alphabetic scripts, a letter-bigram language model, which tells
//     "Привет" from its KOI8-R reading "пПЙЧЕФ".
//
// Repair compares the cost of a span as it stands with the cost of each
// candidate decoding, and acts only when the difference clears a margin.
package plausible

import (
	"sync"
	"sync/atomic"
	"unicode"
)

// Class is the kind of a character, as far as plausibility goes.
type Class uint8

// Character classes.
const (
	Other       Class = iota
	Space             // ASCII space and tab
	Newline           // \n \r
	Digit             // 0-9
	Lower             // ASCII a-z
	Upper             // ASCII A-Z
	Punct             // ASCII . , ; : ! ? ' " ( ) -
	ASCIISymbol       // other printable ASCII: # $ % & * + / < = > @ [ \ ] ^ _ ` { | } ~
	Control           // C0 controls other than whitespace, DEL
	C1                // U+0080–U+009F: almost only produced by a wrong decoder
	NBSP              // U+00A0
	LatinLower        // non-ASCII Latin lowercase letters: é ß ł ő
	LatinUpper        // non-ASCII Latin capitals: É Ł Ő
	LatinSymbol       // Latin-1 and code page symbols: ¡ ¢ £ ¤ ¥ ¦ § ¨ © ª « ¬ ® ¯ ° ± ² ³ ´ µ ¶ · ¸ ¹ º » ¼ ½ ¾ ¿ × ÷ ƒ
	Modifier          // spacing modifier letters: ˆ ˜ ˇ ˘ ˙ ˚ ˛ ˝
	Combining         // combining marks
	GreekLower
	GreekUpper
	CyrillicLower
	CyrillicUpper
	Hebrew
	Arabic
	Thai
	OtherLetter  // letters of other alphabets (Armenian, Devanagari, ...)
	GeneralPunct // U+2010–U+205E: ‘ ’ “ ” – — … • ‹ › ‰ †
	Currency     // € ₹ ...
	Math         // arrows, mathematical operators, letterlike symbols, super/subscripts
	Box          // box drawing, block elements, geometric shapes
	Dingbat      // dingbats, misc symbols, emoji
	CJKPunct     // U+3000–U+303F and fullwidth punctuation
	Kana         // hiragana, katakana
	HalfKana     // halfwidth katakana U+FF61–U+FF9F
	Fullwidth    // fullwidth ASCII forms
	Han          // CJK ideographs
	Hangul       // Hangul syllables and jamo
	PrivateUse   // U+E000–U+F8FF (Apple's logo U+F8FF in MacRoman mojibake)
	Replacement  // U+FFFD
	Unassigned   // code points Unicode has not assigned
	Format       // typographic spaces, zero-width and direction marks U+2000–U+200F, U+2028–U+202F
	numClasses
)

// Script groups letter classes for the "one script per word" rule.
type Script uint8

// Scripts.
const (
	NoScript Script = iota
	Latin
	Greek
	Cyrillic
	HebrewScript
	ArabicScript
	ThaiScript
	CJK // Han, kana and Hangul mix freely in East Asian text
	OtherScript
	numScripts
)

// latin1Class holds the classes of U+0000–U+024F, built at start-up;
// bmpPages those of the rest of the Basic Multilingual Plane, 256 runes a
// page, each built the first time a rune of it is met: classifying walks
// Unicode's tables, and a whole-plane table would cost milliseconds that
// a short run (one small file to detect) never earns back.
var (
	latin1Class [0x250]Class
	bmpPages    [0x100]atomic.Pointer[[0x100]Class]
)

func init() {
	for r := rune(0); r < 0x250; r++ {
		latin1Class[r] = classifySlow(r)
	}
}

// ClassOf returns the class of r. It is small enough to be inlined:
// every character of every word the search prices is classified, several
// times, and most are ASCII or Latin.
func ClassOf(r rune) Class {
	if r < 0x250 {
		return latin1Class[r]
	}
	return classOfPage(r)
}

// classOfPage is ClassOf above U+024F.
func classOfPage(r rune) Class {
	if r < 0x10000 {
		page := bmpPages[r>>8].Load()
		if page == nil {
			// Two goroutines may build the same page; both get the
			// same classes.
			page = new([0x100]Class)
			base := r &^ 0xFF
			for i := range page {
				page[i] = classifySlow(base + rune(i))
			}
			bmpPages[r>>8].Store(page)
		}
		return page[r&0xFF]
	}
	return classifySlow(r)
}

func classifySlow(r rune) Class {
	switch {
	case r == ' ' || r == '\t':
		return Space
	case r == '\n' || r == '\r':
		return Newline
	case r >= '0' && r <= '9':
		return Digit
	case r >= 'a' && r <= 'z':
		return Lower
	case r >= 'A' && r <= 'Z':
		return Upper
	case r < 0x80:
		switch r {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '(', ')', '-':
			return Punct
		}
		if r < 0x20 || r == 0x7f {
			return Control
		}
		return ASCIISymbol
	case r < 0xA0:
		return C1
	case r == 0xA0:
		return NBSP
	case r == 0xB5 || r == 0xAA || r == 0xBA:
		// Unicode calls the micro sign and the ordinal indicators letters,
		// but no alphabet spells with them: they are symbols written
		// after numbers ("30 µs", "nº 5", "1ª edición"), and priced as a
		// letter no language writes they made correct text look like
		// mojibake.
		return LatinSymbol
	case r == 0xFFFD:
		return Replacement
	case r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000:
		return PrivateUse
	case !unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r):
		// Unassigned code points: UTF-8 that decodes to one is an
		// accident of the wrong reading ("止す" in some code page
		// happens to be F2 AD AA B9).
		return Unassigned
	case r >= 0x2000 && r <= 0x200F, r >= 0x2028 && r <= 0x202F, r >= 0x205F && r <= 0x206F:
		// Typographic spaces, zero-width and direction marks: real but
		// rare, and invisible, which makes them a wrong repair's
		// favourite hiding place.
		return Format
	case r >= 0x2010 && r <= 0x205E:
		return GeneralPunct
	case r >= 0x20A0 && r <= 0x20CF:
		return Currency
	case r >= 0x2500 && r <= 0x25FF:
		return Box
	case r >= 0x2600 && r <= 0x27BF, r >= 0x1F000 && r <= 0x1FAFF:
		return Dingbat
	case r >= 0x2070 && r <= 0x209F, r >= 0x2100 && r <= 0x24FF, r >= 0x2900 && r <= 0x2BFF:
		return Math
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF60:
		return CJKPunct
	case r >= 0x3040 && r <= 0x30FF, r >= 0x31F0 && r <= 0x31FF:
		return Kana
	case r >= 0xFF61 && r <= 0xFF9F:
		return HalfKana
	case r >= 0xFF01 && r <= 0xFF5E:
		return Fullwidth
	case r >= 0xAC00 && r <= 0xD7A3, r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F:
		return Hangul
	case unicode.Is(unicode.Han, r):
		return Han
	case r >= 0x02B0 && r <= 0x02FF:
		return Modifier
	case unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me):
		// Spacing and enclosing marks outside a script of their own
		// (Vedic tone marks, the enclosing circle U+20DD) are marks too:
		// as Other they cost less than a letter nobody writes, and
		// "盖｡" read as UTF-8 through cp932 became the Vedic "᳡".
		return Combining
	case unicode.Is(unicode.Greek, r) && unicode.IsLetter(r):
		if unicode.IsUpper(r) {
			return GreekUpper
		}
		return GreekLower
	case unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r):
		if unicode.IsUpper(r) {
			return CyrillicUpper
		}
		return CyrillicLower
	case unicode.Is(unicode.Hebrew, r):
		return Hebrew
	case unicode.Is(unicode.Arabic, r):
		return Arabic
	case unicode.Is(unicode.Thai, r):
		return Thai
	case unicode.Is(unicode.Latin, r) && unicode.IsLetter(r):
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return LatinUpper
		}
		return LatinLower
	case unicode.IsLetter(r):
		return OtherLetter
	case !unicode.In(r, unicode.Common, unicode.Inherited):
		// Punctuation, digits and signs of a script without a class of
		// its own (Armenian ՝, Syriac ܁ and ܏, NKo and Mongolian digits)
		// belong to text in that script, as its letters do: in a Latin
		// line "VÕÕRANDATUS" is no "V՝՝RANDATUS" with two bytes lost.
		return OtherLetter
	case unicode.In(r, unicode.Sc):
		if r < 0x100 {
			return LatinSymbol
		}
		return Currency
	case r < 0x100 || r == 0x192 /* ƒ */ :
		return LatinSymbol
	case unicode.In(r, unicode.Sm, unicode.So, unicode.No):
		return Math
	case unicode.IsSpace(r):
		return Space
	case unicode.IsPunct(r):
		return GeneralPunct
	}
	return Other
}

// Script returns the script of a letter class, or NoScript.
func (c Class) Script() Script {
	if int(c) < len(classScript) {
		return classScript[c]
	}
	return NoScript
}

// classScript is Script as a table: it is asked for every character of
// every candidate the search prices.
var classScript = [numClasses]Script{
	Lower: Latin, Upper: Latin, LatinLower: Latin, LatinUpper: Latin,
	GreekLower: Greek, GreekUpper: Greek,
	CyrillicLower: Cyrillic, CyrillicUpper: Cyrillic,
	Hebrew: HebrewScript, Arabic: ArabicScript, Thai: ThaiScript,
	Kana: CJK, Han: CJK, Hangul: CJK, HalfKana: CJK,
	OtherLetter: OtherScript,
}

// IsLetter reports whether the class is a letter of some script.
func (c Class) IsLetter() bool { return c.Script() != NoScript }

// IsUpper reports whether the class is a capital letter.
func (c Class) IsUpper() bool {
	return c == Upper || c == LatinUpper || c == GreekUpper || c == CyrillicUpper
}

// IsLowerCase reports whether the class is a small letter of a cased script.
func (c Class) IsLowerCase() bool {
	return c == Lower || c == LatinLower || c == GreekLower || c == CyrillicLower
}

// MarkScript returns the script of the combining mark r by Unicode's
// Script property, as ClassOf places letters, or NoScript for the marks
// every script uses (Inherited: the combining diacritics, and also the
// Arabic harakat, which Persian and Urdu share) and for any r that is no
// mark.
func MarkScript(r rune) Script {
	return markScripts()[r]
}

// markScripts maps each combining mark of a script of its own to that
// script; built on first use.
var markScripts = sync.OnceValue(func() map[rune]Script {
	m := map[rune]Script{}
	known := map[string]Script{
		"Latin": Latin, "Greek": Greek, "Cyrillic": Cyrillic, "Hebrew": HebrewScript,
		"Arabic": ArabicScript, "Thai": ThaiScript,
		"Han": CJK, "Hiragana": CJK, "Katakana": CJK, "Hangul": CJK,
	}
	add := func(r rune, sc Script) {
		if unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) {
			m[r] = sc
		}
	}
	for name, table := range unicode.Scripts {
		if name == "Inherited" || name == "Common" {
			continue
		}
		sc, ok := known[name]
		if !ok {
			sc = OtherScript
		}
		for _, rng := range table.R16 {
			for r := rune(rng.Lo); r <= rune(rng.Hi); r += rune(rng.Stride) {
				add(r, sc)
			}
		}
		for _, rng := range table.R32 {
			for r := rune(rng.Lo); r <= rune(rng.Hi); r += rune(rng.Stride) {
				add(r, sc)
			}
		}
	}
	return m
})

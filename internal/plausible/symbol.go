package plausible

import "unicode"

// A byte lost inside a symbol leaves candidates from one block of 64 code
// points: "ðŸ“" and a lost 0x81, 0x8D, 0x8F, 0x90 or 0x9D is 📁, 📍, 📏,
// 📐 or 📝, all emoji, all priced alike. Nothing tells them apart, and the
// repair must say so with U+FFFD rather than guess (see
// repair.inferLostBytes). Two things can tell, and symbolContext prices
// them.

// nonEmojiSymbol is the extra cost of a dingbat or pictograph that is no
// emoji (⚁, the die face, against ⚠, the warning sign, both E2 9A xx):
// of the symbols in those blocks, the emoji are the ones people type.
const nonEmojiSymbol = 3

// symbolKin is what a symbol saves beside a neighbour of its own kind (the
// same general category in the same block of 64): symbols come in runs
// of their kind, and the subscript "₁" (E2 82 81) between "H" and "₂" is
// likelier than "₍" or "ₐ", which its lost byte could as well have been.
const symbolKin = 2

// emojiStyleCost is the cost of the variation selector U+FE0F after a
// character that takes it (⚠️, ❤️): there it is the usual follower,
// where elsewhere it is a stray combining mark nobody typed.
const emojiStyleCost = 3

// IsEmoji reports whether r, above ASCII, has the Unicode Emoji property.
func IsEmoji(r rune) bool { return r >= 0x80 && unicode.Is(emojiChars, r) }

// TakesEmojiStyle reports whether r takes the emoji variation selector
// U+FE0F (emoji-variation-sequences.txt).
func TakesEmojiStyle(r rune) bool { return r >= 0x80 && unicode.Is(emojiStyled, r) }

// symbolContext returns how much likelier or less likely than its class
// cost says the symbol r is between before and after, in bits, as a lost
// byte's candidate. Other characters cost nothing here.
func symbolContext(before, r, after rune) float64 {
	if r == 0xFE0F {
		if TakesEmojiStyle(before) {
			// Priced as a character of its own, not as a combining
			// mark after a symbol (RuneCost and transition).
			return emojiStyleCost - charCostRune(before, r, after)
		}
		return 0
	}
	c := ClassOf(r)
	if !isSymbolClass(c) {
		return 0
	}
	var cost float64
	if c == Dingbat && !IsEmoji(r) {
		cost += nonEmojiSymbol
	}
	cat := generalCategory(r)
	for _, n := range [2]rune{before, after} {
		if n>>6 == r>>6 && n != r && generalCategory(n) == cat {
			cost -= symbolKin
			break
		}
	}
	return cost
}

// isSymbolClass reports whether the class is one of the symbol classes
// whose members a lost byte leaves indistinguishable by class cost.
func isSymbolClass(c Class) bool {
	return c == Dingbat || c == Math || c == Box || c == Currency
}

// Unranked reports whether nothing but its class prices r as a lost
// byte's candidate, so that its neighbours in the block price alike: the
// symbol classes (dingbats and pictographs, mathematical and technical
// signs, box drawing, currency), and punctuation the punctuation model
// does not cover (the vertical forms ︐ ︑ ︒, EF B8 90–92). General
// punctuation (’ ” —) has its context model, letters their words, and
// Han, kana and Hangul their frequencies.
func Unranked(r rune) bool {
	c := ClassOf(r)
	return isSymbolClass(c) || c == GeneralPunct && markIndex(r) < 0
}

// generalCategory returns a small number for the general category of a
// symbol's neighbour that symbolContext compares: digits and numbers,
// math signs, other symbols, opening or closing punctuation, letters.
func generalCategory(r rune) int {
	switch {
	case unicode.In(r, unicode.N):
		return 1
	case unicode.In(r, unicode.Sm):
		return 2
	case unicode.In(r, unicode.So, unicode.Sc, unicode.Sk):
		return 3
	case unicode.In(r, unicode.Ps):
		return 4
	case unicode.In(r, unicode.Pe):
		return 5
	case unicode.In(r, unicode.L):
		return 6
	}
	return 0
}

package langstats

import (
	"sort"
	"strings"
)

// MaxKatakanaWord is the most letters a word KatakanaWord knows has.
const MaxKatakanaWord = maxKatakanaWord

// KatakanaWord reports whether w, a run of katakana letters (U+30A1–U+30FA)
// and prolonged sound marks (U+30FC), is a word of mecab-ipadic's lexicon.
// Katakana words are mostly loanwords, and a lost letter inside one is
// told by the whole word: "キーワー?" is キーワード, though ワール is as
// common a run as ワード, and "コント?ール" is コントロール.
func KatakanaWord(w string) bool {
	word, _ := KatakanaLookup(w)
	return word
}

// KatakanaPrefix reports whether some word of the lexicon begins with w.
func KatakanaPrefix(w string) bool {
	_, prefix := KatakanaLookup(w)
	return prefix
}

// KatakanaLookup reports whether w is a word of the lexicon, and whether
// some word of the lexicon is longer than w and begins with it: a search
// for words through a lost letter stops where prefix is false.
func KatakanaLookup(w string) (word, prefix bool) {
	i := sort.SearchStrings(katakanaWords[:], w)
	if i < len(katakanaWords) && katakanaWords[i] == w {
		word = true
		i++
	}
	prefix = i < len(katakanaWords) && strings.HasPrefix(katakanaWords[i], w)
	return word, prefix
}

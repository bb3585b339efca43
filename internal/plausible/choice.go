package plausible

import (
	"unicode/utf8"
	"unsafe"

	"github.com/mojitext/moji/internal/langstats"
)

// ChoiceSplit prices, as ChoiceCost does, readings of a text that differ
// only in one span: refineLost weighs up to eight letters for a lost
// byte in the word around it, and on a line without spaces (Chinese in
// GBK shown as windows-1252) the word is a window of some fifty
// characters. The language model reads each script's letters with
// everything else made a word boundary, and every sum it makes of them
// is of whole words: the bigram units, the runs' tenths of bits, and
// the words' bonuses, added word after word. So the text before the
// last boundary of all scripts ahead of the span, and after the first
// behind it, is read once, and each reading only from one to the
// other; the figures are then combined in the order ChoiceCost
// combines them, to the same float64 (see TestChoiceSplit).
type ChoiceSplit struct {
	l             *Languages
	before, after rune
	s             string
	from, to      int
	// p and q are the span widened to the boundaries: s[:p] ends with
	// one, or is empty, and s[q:] begins with one, or is empty.
	p, q int
	// split says the above applies: s is valid UTF-8, and has no mark
	// ChoiceCost prices by its convention outside the span. Otherwise
	// each reading is priced whole.
	split   bool
	chars   float64               // CharCost(before, s, after)
	scripts [numScripts]bool      // the scripts of s[:p] and s[q:]
	head    [numScripts]splitPart // of s[:p]
	tail    [numScripts]splitPart // of s[q:]
	buf     []byte
	xbuf    []byte // a reading's text from p to q
}

// splitPart is what the language model reads in a part of the text, in
// one script.
type splitPart struct {
	units, run int
	words      float64   // the sum of the words' bonuses (the text before the span)
	bonuses    []float64 // each word's bonus, as AppendWordBonuses lists them (after)
}

// Reset prepares c for the readings of s[from:to] in s, between the
// runes before and after, in the languages l. It reports whether c
// reads them from the span alone; where it does not, as where the span
// is all of the word's letters, ChoiceCost is as quick.
func (c *ChoiceSplit) Reset(l *Languages, before rune, s string, after rune, from, to int) bool {
	c.l, c.before, c.s, c.after, c.from, c.to = l, before, s, after, from, to
	c.split = false
	if l == nil || !utf8.ValidString(s) || from < len(s) && !utf8.RuneStart(s[from]) || to < len(s) && !utf8.RuneStart(s[to]) {
		return false
	}
	p, q := from, to
	for p > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:p])
		if alphabetic(r) == NoScript {
			break
		}
		p -= size
	}
	for q < len(s) {
		r, size := utf8.DecodeRuneInString(s[q:])
		if alphabetic(r) == NoScript {
			break
		}
		q += size
	}
	if p == 0 && q == len(s) {
		return false
	}
	c.p, c.q = p, q
	c.scripts = [numScripts]bool{}
	for _, part := range [2]string{s[:from], s[to:]} {
		for _, r := range part {
			if r >= 0x2010 && r <= 0x205E {
				return false
			}
		}
	}
	for _, r := range s[:p] {
		c.scripts[alphabetic(r)] = true
	}
	for _, r := range s[q:] {
		c.scripts[alphabetic(r)] = true
	}
	for sc := Script(1); sc < numScripts; sc++ {
		c.head[sc] = splitPart{bonuses: c.head[sc].bonuses[:0]}
		c.tail[sc] = splitPart{bonuses: c.tail[sc].bonuses[:0]}
		if !c.scripts[sc] {
			continue
		}
		m := l.models[sc]
		if m == nil {
			continue // chosen by each reading's letters (see Cost)
		}
		c.buf = appendOnlyScript(c.buf[:0], s[:p], sc)
		t := unsafe.String(unsafe.SliceData(c.buf), len(c.buf))
		h := &c.head[sc]
		h.units, _ = m.ScoreUnits(t)
		h.run = m.RunBonusUnits(t)
		h.words = m.WordBonusFrom(0, t)
		c.buf = appendOnlyScript(c.buf[:0], s[q:], sc)
		t = unsafe.String(unsafe.SliceData(c.buf), len(c.buf))
		tl := &c.tail[sc]
		tl.units, _ = m.ScoreUnits(t)
		tl.run = m.RunBonusUnits(t)
		tl.bonuses = m.AppendWordBonuses(tl.bonuses, t)
	}
	c.chars = CharCost(before, s, after)
	c.split = true
	return true
}

// Cost is ChoiceCost(before, s[:from]+cand+s[to:], after, l), for c
// Reset with them.
func (c *ChoiceSplit) Cost(cand string) float64 {
	s := c.s
	if !c.split || !utf8.ValidString(cand) {
		return ChoiceCost(c.before, s[:c.from]+cand+s[c.to:], c.after, c.l)
	}
	c.xbuf = append(append(append(c.xbuf[:0], s[c.p:c.from]...), cand...), s[c.to:c.q]...)
	x := unsafe.String(unsafe.SliceData(c.xbuf), len(c.xbuf))
	scripts := c.scripts
	for _, r := range x {
		scripts[alphabetic(r)] = true
	}
	// languageCostWeighted at choiceWords, script by script.
	var lang float64
	for sc := Script(1); sc < numScripts; sc++ {
		if !scripts[sc] {
			continue
		}
		m := c.l.models[sc]
		if m == nil && c.scripts[sc] {
			// The model is the one that explains the reading's letters
			// of the script best, and they are read whole, as
			// languageCostWeighted reads them.
			c.buf = append(append(c.buf[:0], langScript[sc]...), 0)
			at := len(c.buf)
			c.buf = appendOnlyScript(appendOnlyScript(appendOnlyScript(c.buf, s[:c.from], sc), cand, sc), s[c.to:], sc)
			if m = bestModelKey(c.buf, at); m == nil {
				continue
			}
			t := unsafe.String(unsafe.SliceData(c.buf[at:]), len(c.buf)-at)
			logp, _ := m.Score(t)
			lang += -logp - m.RunBonus(t)
			lang -= m.WordBonus(t)
			continue
		}
		c.buf = append(append(c.buf[:0], langScript[sc]...), 0)
		at := len(c.buf)
		c.buf = appendOnlyScript(c.buf, x, sc)
		t := unsafe.String(unsafe.SliceData(c.buf[at:]), len(c.buf)-at)
		if m == nil {
			// Only the reading writes the script (a lost byte after D0
			// may be a Cyrillic letter in a line of no Russian): around
			// x its letters are boundaries, which score nothing, and
			// the model that explains them best explains x's letters
			// best, by the same scores.
			if m = bestModelKey(c.buf, at); m == nil {
				continue
			}
		}
		h, tl := &c.head[sc], &c.tail[sc]
		units, _ := m.ScoreUnits(t)
		logp := -float64(h.units+units+tl.units) / langstats.CostScale
		lang += -logp - float64(h.run+m.RunBonusUnits(t)+tl.run)/10
		words := m.WordBonusFrom(h.words, t)
		for _, b := range tl.bonuses {
			words += b
		}
		lang -= words
	}
	return CharCostReplaced(c.before, s, c.after, c.from, c.to, cand, c.chars) + lang + c.l.conventionCostAround(c.before, s[:c.from], cand, s[c.to:], c.after)
}

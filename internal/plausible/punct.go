package plausible

import (
	"math"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ../gen/punct/main.go
//go:generate go run ../gen/emoji/main.go -dir ../gen/emoji/data -out emoji_table.go

// Context classes for punctuation, in the order of the generated tables.
const (
	ctxLetter = iota
	ctxDigit
	ctxSpace
	ctxEdge // start or end of the line
	ctxClose
	ctxOpen
	ctxQuote
	ctxOther
	numCtx
)

func contextClass(r rune) int {
	switch {
	case r == 0 || r == '\n':
		return ctxEdge
	case unicode.IsSpace(r):
		return ctxSpace
	case unicode.IsDigit(r):
		return ctxDigit
	case unicode.IsLetter(r):
		return ctxLetter
	}
	switch r {
	case '.', ',', ';', ':', '!', '?':
		return ctxClose
	case '(', '[', '{':
		return ctxOpen
	case '\'', '"', '‘', '’', '“', '”', '«', '»':
		return ctxQuote
	}
	return ctxOther
}

// punctPrior, punctLeftCost and punctRightCost are the naive-Bayes terms
// -log2 P(mark), -log2 P(left class | mark), -log2 P(right class | mark),
// smoothed so that unseen marks and contexts cost a bounded amount.
var punctPrior [numMarks]float64
var punctLeftCost, punctRightCost [numMarks][numCtx]float64

func init() {
	const alpha = 0.5
	var total float64
	var sums [numMarks]float64
	for m := range punctLeft {
		for _, n := range punctLeft[m] {
			sums[m] += float64(n)
		}
		total += sums[m] + alpha
	}
	for m := range punctLeft {
		punctPrior[m] = -math.Log2((sums[m] + alpha) / total)
		for c := 0; c < numCtx; c++ {
			punctLeftCost[m][c] = -math.Log2((float64(punctLeft[m][c]) + alpha) / (sums[m] + alpha*numCtx))
			punctRightCost[m][c] = -math.Log2((float64(punctRight[m][c]) + alpha) / (sums[m] + alpha*numCtx))
		}
	}
	for l := range numCtx {
		for r := range numCtx {
			best := math.Inf(1)
			for x := rune(0x2010); x <= 0x205E; x++ {
				m := markIndex(x)
				best = min(best, punctPrior[m]+punctLeftCost[m][l]+punctRightCost[m][r])
			}
			punctBest[l][r] = best
		}
	}
}

// punctBest holds, for each pair of context classes, the least
// punctContext of any general punctuation mark (U+2010–U+205E) between
// them: what the likeliest mark there costs.
var punctBest [numCtx][numCtx]float64

// punctExcess is how much more unusual mark r is between before and after
// than the likeliest general punctuation mark there (see punctContext).
func punctExcess(before, r, after rune) float64 {
	m := markIndex(r)
	if m < 0 {
		return 0
	}
	lc, rc := contextClass(before), contextClass(after)
	return punctPrior[m] + punctLeftCost[m][lc] + punctRightCost[m][rc] - punctBest[lc][rc]
}

// The marks the context model knows: U+2000–U+206F at 0x00–0x6F and the
// CJK symbols and punctuation U+3000–U+303F at 0x70–0xAF, where "。"
// (E3 80 82) loses its last byte as easily as "’" does, and box drawing
// U+2500–U+257F at 0xB0–0x12F: a table's "│" (E2 94 82) is no "─".
const numMarks = 0x130

func markIndex(r rune) int {
	switch {
	case r >= 0x2000 && r < 0x2070:
		return int(r - 0x2000)
	case r >= 0x3000 && r < 0x3040:
		return int(r-0x3000) + 0x70
	case r >= 0x2500 && r < 0x2580:
		return int(r-0x2500) + 0xB0
	}
	return -1
}

// punctContext returns how unusual general punctuation mark r is between
// before and after, in bits: a lost byte after E2 80 in “States鈥 most”
// is one of U+2000–U+203F, and after a letter before a space ’ is far
// likelier than ” or —. Other characters cost nothing here.
func punctContext(before, r, after rune) float64 {
	m := markIndex(r)
	if m < 0 {
		return 0
	}
	return punctPrior[m] + punctLeftCost[m][contextClass(before)] + punctRightCost[m][contextClass(after)]
}

// QuoteCost is the cost of mark r where the text so far leaves the
// opening mark open unclosed (0 when none is): a closing mark is likely
// only inside a quotation or bracket it closes, which tells “office,”
// apart from “States’ most”, German „ODER“ from „ODER’, »…« from »…\u00a0,
// and ⟨…⟩ from ⟨…⟅.
func QuoteCost(r, open rune) float64 {
	if open != 0 && Closes(open, r) {
		return -4
	}
	switch r {
	case '”':
		if open == 0 {
			return 3
		}
	case '“':
		if open == '“' {
			return 2
		}
	}
	return 0
}

// Closes reports whether mark r closes a quotation or bracket opened by
// open.
func Closes(open, r rune) bool {
	switch open {
	case '“':
		return r == '”'
	case '„':
		return r == '“' || r == '”' // German and Polish/Hungarian
	case '‚':
		return r == '‘' || r == '’'
	case '«':
		return r == '»'
	case '»':
		return r == '«' // German »…«
	case '‹':
		return r == '›'
	case '›':
		return r == '‹'
	case '⟨':
		return r == '⟩'
	case '「':
		return r == '」'
	case '『':
		return r == '』'
	case '（':
		return r == '）'
	}
	return false
}

// Closer reports whether r is a mark QuoteCost prices: one that closes a
// quotation or bracket Closes knows, or “. For any other r, QuoteCost is 0
// whatever is open, and the open mark need not be looked for.
func Closer(r rune) bool {
	switch r {
	case '”', '“', '‘', '’', '»', '«', '›', '‹', '⟩', '」', '』', '）':
		return true
	}
	return false
}

// Opens reports whether mark r opens a quotation or bracket that Closes
// knows.
func Opens(r rune) bool {
	switch r {
	case '“', '„', '‚', '«', '»', '‹', '›', '⟨', '「', '『', '（':
		return true
	}
	return false
}

// conventionCost is what the typography of the line's language says of
// mark r between before and after, in bits. A lost byte of "–" (E2 80
// 93) or "—" (E2 80 94) leaves the bytes unable to tell the dashes apart,
// and the neighbours (two spaces) cannot either; the language can. German
// and most languages of continental Europe set a spaced en dash where
// English and Russian set an em dash ("Bytes – wie"), and German closes „
// with “ where Polish and Hungarian close it with ”. Nor does German open
// a quotation with “, its closing mark: „ (E2 80 9E) and “ (E2 80 9C)
// both lose their last byte the same way (GBK reads E2 80 as a pair and
// drops 9E before a digit), and "meldet [E2 80 ?]42 Fehler" in a German
// line is „42.
func (l *Languages) conventionCost(before, r, after rune) float64 {
	if l == nil || l.main != Latin || l.models[Latin] == nil {
		// A Russian line's Latin words ("drivers/block") do not make its
		// dashes German.
		return 0
	}
	lang := l.models[Latin].Lang
	switch r {
	case '—':
		if enDashLanguages[lang] {
			return 3
		}
	case '”':
		if lowHighQuoteLanguages[lang] {
			return 3
		}
	case '“':
		if lowLowQuoteLanguages[lang] || lowHighQuoteLanguages[lang] && opensHere(before, after) {
			return 3
		}
	case '„':
		if (lowHighQuoteLanguages[lang] || lowLowQuoteLanguages[lang]) && opensHere(before, after) {
			// Where „ opens the quotation, it is priced as the
			// character and punctuation models price “ there, which
			// they learnt from English: the mark that plays that part
			// in the language.
			return charCostRune(before, '“', after) - charCostRune(before, '„', after) +
				punctContext(before, '“', after) - punctContext(before, '„', after)
		}
	}
	return 0
}

// conventionCostIn is conventionCost summed over the general punctuation
// of s (U+2010–U+205E), each mark between its neighbours: before s's
// first rune stands before, after its last after.
func (l *Languages) conventionCostIn(before rune, s string, after rune) float64 {
	return l.conventionCostAround(before, "", s, "", after)
}

// conventionCostAround is conventionCostIn for s where head and tail are
// the text of its word before and after it, and before and after the
// runes beyond them: a mark's neighbours may be in head or tail, and
// whether they are numbers (see rangeCost) may be seen only there.
func (l *Languages) conventionCostAround(before rune, head, s, tail string, after rune) float64 {
	var marks float64
	prev := before
	if head != "" {
		prev, _ = utf8.DecodeLastRuneInString(head)
	}
	for i, r := range s {
		if r >= 0x2010 && r <= 0x205E {
			j := i + utf8.RuneLen(r)
			next := after
			if j < len(s) {
				next, _ = utf8.DecodeRuneInString(s[j:])
			} else if tail != "" {
				next, _ = utf8.DecodeRuneInString(tail)
			}
			marks += l.conventionCost(prev, r, next)
			if isDigit(prev) && isDigit(next) {
				marks += l.rangeCost(r, before, head+s[:i], s[j:]+tail, after)
			}
		}
		prev = r
	}
	return marks
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// rangeCost is what a mark r between two numbers costs beyond the en
// dash: the typography of the languages written in Latin letters joins
// the two ends of a range with "–" ("1990–1994", "pages 12–18", "won
// 6–4"). CLDR says so twice: the range pattern of most of its locales is
// "{0}–{1}", and the text of its locale data (version 41) writes "–"
// between two digits 15,150 times, and "…", "—" or "‒" never. A lost
// byte of "–" (E2 80 93) leaves the bytes unable to tell it from "…"
// (E2 80 A6): "aged 9鈥12" through GBK. left and right are the text
// before and after the mark in its word, and before and after the
// runes beyond them. Only between numbers: "0xd800…0xdfff" is a range
// of code, written as code writes it, and "A4–A5" names no numbers.
func (l *Languages) rangeCost(r, before rune, left, right string, after rune) float64 {
	if r == '–' || l == nil || l.letters == CJK || l.letters == Cyrillic {
		// Chinese typography joins a range with "—" (2011—2012年),
		// Japanese with "〜", and Russian often with "—".
		return 0
	}
	if !endsNumber(left, before) || !beginsNumber(right, after) {
		return 0
	}
	return rangeBits
}

// RangeCost is rangeCost without the words: what general punctuation mark
// r costs between two digits, before and after, whatever their numbers
// and the line's language. A lost byte's candidates are first ranked by
// their neighbours alone, and "–" between digits would not be among the
// few weighed in their words, where rangeCost speaks.
func RangeCost(before, r, after rune) float64 {
	if r == '–' || r < 0x2010 || r > 0x205E || !isDigit(before) || !isDigit(after) {
		return 0
	}
	return rangeBits
}

// rangeBits is what rangeCost charges a mark other than "–" between two
// numbers: as much as would carry a line alone. The punctuation counts
// (see punctContext), from the dev set's few hundred lines, had seen "…"
// between digits eight times ("i = 1…42", "0xd800…0xdfff") and "–"
// never, and put "–" 7 bits behind "…" there; CLDR's fifteen thousand
// ranges outweigh them.
const rangeBits = 10

// endsNumber reports whether t ends in a number written in decimal
// digits, with its separators: "1.5", "2019", "R$ 63,11", not "0xd800"
// or "A4". before is the rune before t.
func endsNumber(t string, before rune) bool {
	i := len(t)
	for i > 0 {
		c := t[i-1]
		if c >= '0' && c <= '9' || (c == '.' || c == ',') && i > 1 && t[i-2] >= '0' && t[i-2] <= '9' {
			i--
			continue
		}
		break
	}
	r := before
	if i > 0 {
		r, _ = utf8.DecodeLastRuneInString(t[:i])
	}
	return !unicode.IsLetter(r) && r != '_'
}

// beginsNumber reports whether t begins with a number written in decimal
// digits and its separators, followed by no letter: "12;", "1.8%", not
// "0xdfff" or "12th". after is the rune after t.
func beginsNumber(t string, after rune) bool {
	i := 0
	for i < len(t) {
		c := t[i]
		if c >= '0' && c <= '9' || (c == '.' || c == ',') && i+1 < len(t) && t[i+1] >= '0' && t[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	r := after
	if i < len(t) {
		r, _ = utf8.DecodeRuneInString(t[i:])
	}
	return !unicode.IsLetter(r) && r != '_'
}

// opensHere reports whether a quotation mark between before and after
// stands where a quotation opens: at the start of the line or after a
// space or an opening bracket, and before a word, not before a space or
// the end of the line.
func opensHere(before, after rune) bool {
	switch {
	case before == 0 || before == '\n' || unicode.IsSpace(before) || before == '(' || before == '[':
	default:
		return false
	}
	return after != 0 && after != '\n' && !unicode.IsSpace(after)
}

// enDashLanguages set their dash between spaces as an en dash.
var enDashLanguages = map[string]bool{
	"de": true, "fr": true, "nl": true, "da": true, "nb": true, "no": true, "sv": true, "fi": true,
	"pl": true, "cs": true, "sk": true, "hu": true, "ro": true, "hr": true, "sl": true, "et": true,
	"lv": true, "lt": true,
}

// lowHighQuoteLanguages quote „like this“; lowLowQuoteLanguages „like
// this”.
var (
	lowHighQuoteLanguages = map[string]bool{"de": true, "cs": true, "sk": true, "lt": true, "sl": true, "is": true}
	lowLowQuoteLanguages  = map[string]bool{"pl": true, "hu": true, "ro": true, "hr": true}
)

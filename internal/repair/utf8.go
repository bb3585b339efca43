package repair

import (
	"cmp"
	"iter"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/mojitext/moji/internal/ascii"
	"github.com/mojitext/moji/internal/langstats"
	"github.com/mojitext/moji/internal/plausible"
)

// Loss kinds, as they appear in a Layer.
const (
	lossDropped   = "dropped"
	lossFFFD      = "fffd"
	lossQuestion  = "question"
	lossNBSPSpace = "nbsp-space"
	lossUndefined = "undefined-dropped"
)

// undoUTF8 tries the hypothesis "UTF-8 bytes decoded with w" on s. It
// re-encodes s through w and looks for islands: runs of complete UTF-8
// sequences in those bytes. With decide, an island is undone only if its
// decoding is more plausible by the margin; without, every island is
// undone (replaying a plan).
func undoUTF8(sc *scratch, s string, w *wrongDecoder, opt Options, decide bool) *outcome {
	if decide && w == gb18030Wrong && sc.settled != w.name() && sc.twinValid && sc.twinOf == s && sc.twinOpt == opt && readsAsGBK(s) {
		// GBK's islands on this text, found a moment ago, are this
		// decoder's too (see readsAsGBK): only what the decoder's name
		// and prior decide is worked out again.
		spans := append(sc.spans[:0], sc.twin...)
		sc.spans, sc.spansUsed = spans[:0], max(sc.spansUsed, len(spans))
		return finishUTF8(sc, s, w, decide, spans, sc.twinGain, sc.twinLoss, opt)
	}
	sc.near = sc.near[:0]
	if !sc.mayHold(s, w) {
		return nil
	}
	// symbolsOnly says the line passed the double-byte test only as a
	// line of Latin text whose one CJK character is glued to a number
	// (see loneCJKByNumber): that character may be read only as a
	// symbol where numbers put it (see symbolByNumber). Read as any
	// character, a hanzi in correct English ("a flock of 300墨 sheep")
	// is "ī" through GBK, no likelier than itself but no stranger to
	// the Latin line either.
	//
	// Where the line passed it only because the previous round wrote its
	// CJK characters (see wroteCJK), such a character may also be read
	// as letters the line's language writes (see readsOwnLetters).
	quiet := decide && w.sb == nil && !sc.doubleByteSuspect(s, sc.screenFor(s))
	wrote := quiet && sc.wroteCJK(s)
	symbolsOnly := quiet && !wrote
	if decide && w.dbPage >= 0 && sc.doubleByteRefuted(s)&(1<<w.dbPage) != 0 {
		// Every island of this reading is one character that prices
		// below weakMargin (see doubleByteRefuted): the walk would keep
		// none.
		if w == gbkWrong {
			// As the walk leaves it for GB18030: no islands.
			sc.twin = sc.twin[:0]
			sc.twinGain, sc.twinLoss, sc.twinOf, sc.twinOpt = 0, "", s, opt
			sc.twinValid = sc.settled != w.name()
		}
		return nil
	}
	switch {
	case w.dbPage >= 0:
		sc.encodeLive(s, w) // the walk reads only what islands can touch
	case w.sb != nil && len(w.dropped) == 0 && w.page >= 0 && liveSingle:
		sc.encodeLiveSingle(s, w, opt) // likewise (see beginsNothing)
	default:
		sc.encode(s, w)
	}
	sc.pairs, sc.pairPos, sc.openValid = sc.pairs[:0], 0, false
	b, kind := sc.b, sc.kind
	n := len(b)
	var (
		spans = sc.spans[:0]
		gain  float64
		loss  string
		dec   = sc.dec[:0]
		// skipASCII says that no byte below 0x80 can begin an island or
		// a run of lost bytes: only a double-byte page's U+FFFD, encoded
		// as 0, begins one there.
		skipASCII = !(w.multi && opt.LossySequences)
		// quickRefusal says that beginsNothing answers for parseSeq
		// where an island would begin.
		quickRefusal = w.sb != nil && len(w.dropped) == 0
		// line counts the characters of the islands kept so far in the
		// line that ends after lineTo, which tell the writing of the
		// islands after them (see islandLanguage).
		line   langCounts
		lineTo int
	)
	for i := 0; i < n; {
		if kind[i] == kindFFFD && w.multi && opt.LossySequences {
			if sp, g, next, ok := w.lostRun(sc, s, i, opt); ok {
				if !decide || g >= weakMargin {
					sp.gain = g
					spans = append(spans, sp)
					gain += g
					// The mark it puts back opens or closes a quotation
					// as an island's would: "���above���" through Big5
					// is “above”, its closing mark chosen after the
					// opening one.
					sc.acceptPairs(s, sp.from, sp.to, sp.text)
					if loss == "" {
						loss = lossFFFD
					}
				}
				i = next
				continue
			}
		}
		// A character whose lead byte was lost, with the bytes after it
		// (see headless), begins an island of its own.
		var head *Inferred
		headNext := -1
		if kind[i] == kindFFFD && w.multi && opt.LossySequences {
			head, headNext = w.headless(sc, i, opt)
		}
		if headNext < 0 && (kind[i] != kindFirst || b[i] < 0xC2) {
			if b[i] < utf8.RuneSelf && skipASCII {
				// Nothing below 0x80 begins an island here: skip the run,
				// eight bytes at a time.
				i += ascii.Prefix(b[i:])
				continue
			}
			i++
			continue
		}
		if headNext < 0 && quickRefusal && w.beginsNothing(sc, i, opt) {
			i++
			continue
		}
		if headNext < 0 && w.dbPage >= 0 && !w.startsIsland(s, int(sc.owner[i])) {
			i++
			continue
		}
		// Grow an island of consecutive sequences from i, remembering
		// the last point where it could end on a rune boundary.
		dec = dec[:0]
		j := i
		// The island's lost characters, in sc's buffer: the spans kept
		// copy them, and a slice made for each island with a lost byte
		// was most of what the walk allocated.
		if cap(sc.lost) == 0 {
			sc.lost = make([]Inferred, 0, 16)
		}
		lost := sc.lost[:0]
		sc.rankingsUsed = 0 // the last island's lost characters are done with
		islandLoss := ""
		endsInA0 := false
		type mark struct {
			j, dec, lost int
			loss         string
			a0           bool
		}
		good := mark{j: -1}
		if headNext >= 0 {
			dec = append(dec, "\uFFFD"...)
			if head != nil {
				lost = append(lost, *head) // at offset 0 of dec
			}
			islandLoss = lossFFFD
			j = headNext
			if sc.runeStart(j) {
				good = mark{j: j, dec: len(dec), lost: len(lost), loss: islandLoss}
			}
		}
		for j < n && (kind[j] == kindFirst || kind[j] == kindPlain) && b[j] >= 0xC2 {
			next, d, l, inf, a0, ok := w.parseSeq(sc, s, j, opt, dec)
			if !ok {
				if len(d) == len(dec) {
					// The same bytes, in the buffer parseSeq may have
					// grown: keep it. Every letter of a Russian line is a
					// lead byte in windows-1251 that begins no sequence,
					// and each would otherwise grow a buffer anew.
					dec = d
				}
				break
			}
			if sc.spaceEndsIsland(s, j, next, dec, d) {
				break
			}
			endsInA0 = a0
			dec = d
			if l != "" {
				islandLoss = l
				if inf != nil {
					inf.Offset = len(dec) - len(inf.Chosen) // within dec; made absolute below
					lost = append(lost, *inf)
				}
			}
			j = next
			// With a double-byte decoder a rune's remaining bytes may be
			// ASCII that the wrong decoder had swallowed ("檚" = 99 73 =
			// the end of "’" and an "s").
			k, d2 := j, dec
			for k < n && !sc.runeStart(k) && b[k] < utf8.RuneSelf {
				d2 = append(d2, b[k])
				k++
			}
			if sc.runeStart(k) {
				dec, j = d2, k
				good = mark{j: j, dec: len(dec), lost: len(lost), loss: islandLoss, a0: endsInA0}
			}
		}
		if good.j < 0 {
			i++
			continue
		}
		// Back off to the last rune boundary: the rest of the run is
		// left as it stands.
		j, dec, lost, islandLoss, endsInA0 = good.j, dec[:good.dec], lost[:good.lost], good.loss, good.a0
		if !utf8.Valid(dec) {
			i = j
			continue
		}
		from, to := sc.offsetAt(s, i), sc.offsetAt(s, j)
		// cand is dec's bytes, not a copy, until the island is kept (or
		// refined, which rewrites dec): most islands of a correct line
		// are refused, and a string for each was what the line
		// allocated. gainAt copies what it remembers.
		cand := unsafe.String(unsafe.SliceData(dec), len(dec))
		if symbolsOnly && !symbolByNumber(s, from, to, cand) ||
			wrote && !symbolByNumber(s, from, to, cand) && !sc.readsOwnLetters(s, from, to, cand) ||
			decide && w.multi && sc.survivorsRefute(s, from, to, cand) {
			i = j
			continue
		}
		if decide && sc.breaksPair(s, from, to, cand) {
			i = j
			continue
		}
		lp := sc.lossPriorAt(s, w, from, to, decide)
		// An island without lost characters is kept only from weakMargin
		// on, whatever else its gain decides: below that floor, a bound
		// will do (see gainAtOrBelow). A space read as 0xA0 that no other
		// space follows costs lossPrior below, and raises the floor by as
		// much. (With such a space the island is also tried with the
		// space kept, and the larger gain, less lossPrior, decides; a
		// bound below the floor never wins that choice from a gain that
		// could be kept.)
		floor := math.Inf(-1)
		// An island whose last byte is a space read as 0xA0, with
		// another space after it, explains a double space between
		// words: "configuration Ã  utiliser" is "à utiliser" with its
		// NBSP turned into a space. The character model charges any
		// two spaces in a row 3 bits; between the words of running
		// text they are rarer still, and the island's gain takes that
		// rarity beside (see doubleSpaceBits). Not where the
		// line doubles spaces that w cannot explain so: a list of
		// words laid out with two spaces between them
		// ("NIEDOTRUWANY  UPIĆ  POSZLAKÓWKA") would read its Polish
		// "Ć " as the C6 A0 of "Ơ" through windows-1250. Nor where the
		// island ends a word of capitals, whose last letter, read with
		// the space, is as likely a capital of a word list laid out so
		// ("WYLATYWAĆ  ULSAN"). A capital that ends a word of small
		// letters ("sarÃ  posizionato") is no such word.
		telltale := 0.0
		if islandLoss == lossNBSPSpace && endsInA0 && to < len(s) && s[to] == ' ' &&
			!plausible.ClassOf(lastRune(s[:from])).IsUpper() && w.explainsDoubleSpaces(s) {
			telltale = doubleSpaceBits
		}
		if decide && len(lost) == 0 && (islandLoss == "" || islandLoss == lossNBSPSpace) {
			floor = weakMargin - telltale
			if islandLoss == lossNBSPSpace && !(to < len(s) && s[to] == ' ') {
				floor += lossPrior
			}
		}
		if decide && len(lost) > 0 && islandLoss != lossNBSPSpace {
			// An island with lost characters is refined from
			// weakMargin-refineSlack on (without InferLost, kept from
			// weakMargin on), after the price of its losses; below, it
			// is refused whatever its gain, and a bound will do too.
			// Correct CJK text read through a double-byte page is full
			// of such islands: "所以" in a Chinese line through cp949 is
			// "��", two lost bytes, some 12 bits below any margin, and
			// its exact price chose the line's languages for nothing.
			// (A restored space is left out: its gain is weighed
			// against the space kept, below.) boundSlack keeps the
			// floor clear of the rounding of the sums it is compared
			// with.
			floor = weakMargin - telltale + lp*float64(len(lost)) - boundSlack
			if opt.InferLost {
				floor -= refineSlack
			}
		}
		g := gainAtOrBelow(sc, s, from, to, cand, floor) + telltale - lp*float64(len(lost))
		// Refining lost characters in their words is worth its cost only
		// for an island that could be kept: correct CJK text re-encoded
		// through a double-byte page is full of hopeless ones.
		// read is the island as it is judged: its text, unless a
		// character was withdrawn for U+FFFD (see below).
		read := ""
		if opt.InferLost && len(lost) > 0 && g+refineSlack >= weakMargin {
			for k := range lost {
				lost[k].settle()
			}
			first, firstGain := strings.Clone(cand), g
			if strings.IndexByte(s[min(lineTo, from):from], '\n') >= 0 {
				line = langCounts{}
			}
			dec = refineCJK(s, from, to, dec, lost, line)
			dec = sc.refineLost(s, from, to, dec, lost, sc.languages(), false)
			cand = string(dec)
			g = gainAt(sc, s, from, to, cand) - lp*float64(len(lost))
			if strings.Count(cand, "\uFFFD") > strings.Count(first, "\uFFFD") {
				// A character withdrawn for U+FFFD does not make the
				// island likelier than its first reading: "íš?" in a
				// Slovak word, read through windows-1254 as ED 9A and a
				// lost byte, is the Hangul "회" at best, a stranger in
				// the line, and U+FFFD must not hide that.
				g = min(g, firstGain)
				read = first
			}
		}
		if read == "" {
			read = cand
		}
		if decide && len(lost) == 1 && !w.multi && islandLoss == lossUndefined {
			if gain, letter := sc.loneLeadChoice(s, from, to, cand, w); gain-lp > g {
				if letter != cand {
					dec = rechoose(dec, lost, 0, letter)
					cand = string(dec)
					read = cand
				}
				g = gain - lp
			}
		}
		if decide && len(lost) == 0 && islandLoss == "" {
			// A word damaged twice by the same page reads, undone once,
			// as mojibake again: "schimbatÃ„Æ’" is "schimbatÄƒ", no
			// likelier than before, and the line had no other evidence
			// to carry the first layer. Judge the island by where it
			// leads, when its reading is that page's UTF-8 in full:
			// "Äƒ" is "ă".
			deep, ok := "", false
			if g < margin {
				deep, ok = w.deeper(sc, cand)
			}
			// So too through GBK, the page Chinese mojibake under
			// another layer most often came from, wherever the island
			// could not carry its hypothesis alone: "I donéˆ¥æª›
			// think" undone once is "don鈥檛", two rare hanzi that gain
			// 10 bits, and once more "don’t".
			// (Only a hanzi has a GBK lead that is a UTF-8 lead byte:
			// GBK's symbols, kana and Cyrillic begin with A1 to A9.)
			if !ok && g < totalMargin+w.prior() && strings.ContainsFunc(cand, isCJKRune) {
				deep, ok = gbkWrong.deeper(sc, cand)
			}
			// And through Latin-1, which alone writes C1 controls
			// for the bytes 0x80 to 0x9F: "GdaÃ…Â„sk" undone once
			// through windows-1252 is "GdaÅ\u0084sk", Å and a
			// control, and once more "Gdańsk" (C5 84).
			// (Single-byte pages only: GB18030 borrows GBK's walk,
			// gains and all, and their priors differ.)
			if !ok && g < totalMargin+w.prior() && w.sb != nil && w != latin1Wrong && strings.ContainsFunc(cand, isC1) {
				deep, ok = latin1Wrong.deeper(sc, cand)
			}
			if ok {
				g = max(g, gainAt(sc, s, from, to, deep))
			}
		}
		if islandLoss == lossNBSPSpace && !(to < len(s) && s[to] == ' ') {
			// A restored space costs the prior, unless another space
			// follows: converting NBSP to a space leaves "Ã  " (two
			// spaces) where "à " stood, a telltale of its own.
			g -= lossPrior
			second := 0.0
			if sc.dropsInWords(s) || sc.settledDrops && sc.settledOf == s {
				// And a second prior where the line shows bytes dropped
				// inside its words: one kind of loss explains the line,
				// and the space was real. Hebrew "לא ניתן" through
				// windows-1252 with 0x90 dropped is "× ×..." (א = D7 90),
				// and the "× " read as נ (D7 A0) joins the two words; "את"
				// in the same line is "××ª". The round before may have
				// read those already: its reading dropped bytes. (Where a
				// dropped byte completes the character, the space was not
				// read as 0xA0 at all: see oneKindOfLoss.)
				second = lossPrior
				g -= second
			}
			// The space may have stood for the 0xA0 alone ("Ã  le" for
			// "à le"), or for 0xA0 and a space that was coalesced with
			// it ("Ã le"): try keeping it too, at the same price. The
			// software that turns NBSP into a space is the software
			// that collapses runs of spaces (HTML), so neither reading
			// is the likelier before the words are read: "jusqu'Ã nos"
			// is "jusqu'à nos", not "jusqu'ànos". Not where the 0xA0
			// was a no-break space's own: "«Â Bonjour" is "« Bonjour",
			// whose space typography never doubles.
			if endsInA0 && to < len(s) && s[to] != ' ' && s[to] != '\n' && !strings.HasSuffix(cand, "\u00a0") {
				if g2 := gainAtOrBelow(sc, s, from, to, cand+" ", floor) - lossPrior - second; g2 > g {
					cand, g = cand+" ", g2
				}
			}
		}
		if !decide || g >= weakMargin {
			// Priced only here, where the island could be kept: the
			// reading as it will be written.
			g -= sc.readingPrice(w, s, from, to, cand)
			if (cand == "×" || cand == "÷") && betweenNumbers(s, from, to) || cand == "°" && spacedAfterNumber(s, from) ||
				symbolByNumber(s, from, to, cand) {
				// The operator between two numbers, where it
				// stands in "1920 × 1080", which the character
				// model prices as any mathematical symbol: through
				// windows-1253 it is "1920 Γ— 1080", a Greek capital
				// and an em dash, hardly dearer. So too the degree
				// sign a space after a number ("44 °C", "44 ¬∞C"
				// through Mac Roman), which the character model
				// sees only after the space, and any symbol where a
				// number puts it (see symbolByNumber): "£4.99" is
				// "ÂŁ4.99" through windows-1250 and "┬ú4.99" through
				// cp437, a line's only damage.
				g += operatorBetweenNumbers
			}
		}
		// A reading of nothing but lost characters is no evidence of
		// its own that the decoder was at work: the two hanzi of "憔悴"
		// in an English line, read through GBK with dropped bytes, are
		// "��", as any two characters could be. It may only follow a
		// hypothesis convincing elsewhere in the line, as the hanzi of a
		// Chinese line that lost a byte each do. Where the text held the
		// decoder's own marks (U+FFFD, '?'), they are its evidence; but
		// not a '?' where a question ends, after a letter and before a
		// space or the end of the line: correct Belarusian "прыйшоў?"
		// read through windows-1251 is EE A2 and a '?' for a lost byte, a
		// character of the Private Use Area that no candidate completes,
		// and U+FFFD stood for three correct characters. ("ItÃ?Â¢" is
		// marked: its '?' stands inside a word.)
		unknown := decide && unknownOnly(cand) && !heldMark(s, from, to)
		if unknown {
			g = min(g, margin-weakMargin)
		}
		if !decide || g >= margin || g >= weakMargin {
			sp := span{from: from, to: to, text: sc.candText(from, to, cand), loss: islandLoss}
			for _, in := range lost {
				in.settle()
				in.Alternatives = trimAlternatives(in.Alternatives)
				in.Offset += from // approximate: offset within the repaired text
				sp.inferred = append(sp.inferred, in)
			}
			sp.gain = g
			ctx := newScriptContext(sc, s, from, to, s[from:to])
			sp.scripts = scriptsOf(read)
			sp.strangerScripts = ctx.strangerScripts(read)
			sp.follower = g < margin && (ordinary(read) || unknown)
			spans = append(spans, sp)
			gain += g
			sc.acceptPairs(s, from, to, cand)
			if opt.InferLost {
				if strings.IndexByte(s[min(lineTo, from):from], '\n') >= 0 {
					line = langCounts{}
				}
				line.addIsland(dec, lost)
				lineTo = to
			}
			if islandLoss != "" && loss == "" {
				loss = islandLoss
			}
		} else if decide && len(lost) == 0 && completes(w, islandLoss) && g >= weakMargin-completionBits {
			// g may be a bound (see gainAtOrBelow): the island is
			// read and priced again only if it can complete the
			// reading, which few lines let it.
			sc.near = append(sc.near, span{from: from, to: to})
		}
		i = j
	}
	sc.dec = dec[:0] // the islands' text was copied into their spans
	// The spans stay in sc's buffer: a line's islands are many, its
	// outcome keeps only their text and lost characters, and most
	// hypotheses have none.
	sc.spans, sc.spansUsed = spans[:0], max(sc.spansUsed, len(spans))
	if opt.InferLost {
		sc.refineInDraft(s, spans)
	}
	if decide && w == gbkWrong {
		// Kept for GB18030, whose round comes next (see readsAsGBK).
		// GBK's islands do not depend on the settlement unless GBK is
		// the settled decoder (see lossPriorAt).
		sc.twin = append(sc.twin[:0], spans...)
		sc.twinGain, sc.twinLoss, sc.twinOf, sc.twinOpt = gain, loss, s, opt
		sc.twinValid = sc.settled != w.name()
	}
	return finishUTF8(sc, s, w, decide, spans, gain, loss, opt)
}

// doubleSpaceBits is what a double space between words costs correct
// text beyond the character model's 3 bits for two spaces in a row: of
// the 455,853 spaces between word characters in the identity corpus
// (correct text of many languages and sources), 188 are doubled (0.04%,
// 11 bits); the dev set's original texts have none in 31,083. Half of
// that is counted, for text laid out with runs of spaces.
const doubleSpaceBits = 5.5

// explainsDoubleSpaces reports whether every double space in s follows
// a character that w writes as a byte of a UTF-8 sequence, a lead or a
// continuation, so that each could be a space that stood for the
// sequence's lost 0xA0.
func (w *wrongDecoder) explainsDoubleSpaces(s string) bool {
	var buf [utf8.UTFMax]byte
	for i := strings.Index(s, "  "); i >= 0; {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		b, ok := w.encodeRune(buf[:0], r)
		if !ok || len(b) != 1 || b[0] < 0x80 || b[0] > 0xDF {
			return false
		}
		next := strings.Index(s[i+2:], "  ")
		if next < 0 {
			break
		}
		i += 2 + next
	}
	return true
}

// unpairedBracketBits is the price, in bits, of a bracket that a
// double-byte reading brings into a line and that nothing in the line
// pairs: the reading turns a trail byte in ASCII's range into the mark
// ("窶拏", two rare hanzi of a Cantonese transliteration, read through
// Shift_JIS are E2 80 9D 5B, "”["), and where the reading were true the
// bracket would be closed as correct text closes its brackets. In the dev
// set's original texts, 17 of 1,632 brackets are unpaired in their line
// (1.0%); log2(1/0.010) is 6.6.
const unpairedBracketBits = 6.0

// readingPrice is what the reading cand of the island s[from:to] through
// w costs beyond the character and language models: a combining mark on
// a stranger's letter, and for a double-byte page a bracket nothing
// pairs.
func (sc *scratch) readingPrice(w *wrongDecoder, s string, from, to int, cand string) float64 {
	price := 0.0
	if markOnStranger(s, from, cand) {
		price += strangerMarkBits
	}
	if w.multi {
		if sc.bracketUnpaired(s, from, to, cand) {
			price += unpairedBracketBits
		}
		price += hanWordBits * float64(hanWordsTaken(s, from, to))
	}
	return price
}

// hanWordBits is the price, in bits, of each word of two ideographs
// (langstats.HanWord) that a double-byte reading takes apart (see
// hanWordsTaken). UTF-8 read through GBK, Big5, Shift_JIS or EUC-JP
// writes runs of hanzi that are almost never words: of the 5,317 pairs
// of adjacent ideographs the dev set's double-byte damage wrote, 2 are
// words of the list (0.04%); of the
// pairs of adjacent ideographs in its Chinese and Japanese texts, 43–84%
// are (Chinese runs cross word boundaries more often), and of its runs
// of exactly two, 84–92%. log2(0.43/0.0004) is 10. "眉毛" (eyebrows) in
// an English line had become "üë", whose GBK bytes they are.
const hanWordBits = 10.0

// hanWordsTaken counts the words of two ideographs that a reading of the
// island s[from:to] takes apart: pairs of adjacent ideographs inside it,
// and across its edges with the character beside it ("保險櫃" read from
// 險 on takes 保險 apart).
func hanWordsTaken(s string, from, to int) int {
	n := 0
	prev, _ := utf8.DecodeLastRuneInString(s[:from])
	for _, r := range s[from:to] {
		if langstats.HanWord(prev, r) {
			n++
		}
		prev = r
	}
	if next, _ := utf8.DecodeRuneInString(s[to:]); langstats.HanWord(prev, next) {
		n++
	}
	return n
}

// asciiBrackets are the bracket pairs bracketUnpaired knows.
var asciiBrackets = [...]struct{ open, close byte }{{'(', ')'}, {'[', ']'}, {'{', '}'}}

// bracketUnpaired reports whether cand, the reading of s[from:to], holds
// more of an ASCII bracket than s[from:to] does, one that opens with no
// closer after it in the line, or closes with no opener before it.
func (sc *scratch) bracketUnpaired(s string, from, to int, cand string) bool {
	island := s[from:to]
	for k, p := range asciiBrackets {
		open, close := strings.IndexByte(cand, p.open), strings.LastIndexByte(cand, p.close)
		if open < 0 && close < 0 {
			continue // most readings hold no bracket
		}
		line := sc.bracketsIn(s)[k]
		if open >= 0 && strings.Count(cand, string(p.open)) > strings.Count(island, string(p.open)) &&
			strings.IndexByte(cand[open+1:], p.close) < 0 && line[1] < to {
			return true
		}
		if close >= 0 && strings.Count(cand, string(p.close)) > strings.Count(island, string(p.close)) &&
			strings.IndexByte(cand[:close], p.open) < 0 && !(line[0] >= 0 && line[0] < from) {
			return true
		}
	}
	return false
}

// bracketsIn returns, for each of asciiBrackets, the offset of its first
// opener in s and of its last closer, or -1: found once per line, so
// that a line of many islands is read once, not once an island.
func (sc *scratch) bracketsIn(s string) *[len(asciiBrackets)][2]int {
	if !sc.bracketsValid || sc.bracketsOf != s {
		for k, p := range asciiBrackets {
			sc.brackets[k] = [2]int{strings.IndexByte(s, p.open), strings.LastIndexByte(s, p.close)}
		}
		sc.bracketsOf, sc.bracketsValid = s, true
	}
	return &sc.brackets
}

// unknownOnly reports whether the reading t is nothing but U+FFFD,
// spaces aside.
func unknownOnly(t string) bool {
	unknown := false
	for _, r := range t {
		switch r {
		case utf8.RuneError:
			unknown = true
		case ' ', '\u00a0':
		default:
			return false
		}
	}
	return unknown
}

// heldMark reports whether s[from:to], an island, holds a mark of a lost
// byte: U+FFFD, or a '?' that ends no question (see undoUTF8): one after
// a letter and before a space, the end of the line or a mark that may
// follow a question ("прыйшоў?»", "(… прыйшоў?)") ends one.
func heldMark(s string, from, to int) bool {
	t := s[from:to]
	if strings.ContainsRune(t, '\uFFFD') {
		return true
	}
	for i := 0; i < len(t); i++ {
		if t[i] != '?' {
			continue
		}
		p := from + i
		endsQuestion := p > 0 && unicode.IsLetter(lastRune(s[:p])) &&
			(p+1 == len(s) || strings.ContainsRune(" \n)]}»”’\"'.,;:!?…", firstRune(s[p+1:])))
		if !endsQuestion {
			return true
		}
	}
	return false
}

// strangerMarkBits is the price, in bits, of a combining mark that an
// island's reading puts on a letter of another script: what a mark on no
// letter at all costs (see plausible's transition). Ngiemboon "shÿó"
// read through Mac Roman is D8 97, the Arabic small high zain on an "h",
// and three such in a line had paid for each other. The marks every
// script shares (the combining acute of decomposed "é") are no
// strangers. The price is the island's, not a transition of plausible's
// as a mark on a hanzi is: a legacy reading competes with its whole
// line priced, and windows-1255 reads the É of a correct Danish word as
// a Hebrew point, which would then weigh against the reading its Hebrew
// words need (measured on bench/tricky's joined lines: 3 of 11,209 lost).
const strangerMarkBits = 8.0

// markOnStranger reports whether cand, the reading of an island that
// begins at byte from of s, holds a combining mark of one script right
// after a letter of another.
func markOnStranger(s string, from int, cand string) bool {
	prev := lastRune(s[:from])
	for _, r := range cand {
		if c := plausible.ClassOf(r); c == plausible.Combining {
			if ms := plausible.MarkScript(r); ms != plausible.NoScript {
				if p := plausible.ClassOf(prev); p.IsLetter() && p.Script() != ms {
					return true
				}
			}
		}
		prev = r
	}
	return false
}

// finishUTF8 is the end of undoUTF8 through w, from the islands it found
// in s, their gain and their loss: which of them are kept, by the
// decoder's prior, and the outcome.
func finishUTF8(sc *scratch, s string, w *wrongDecoder, decide bool, spans []span, gain float64, loss string, opt Options) *outcome {
	// Leftovers: when the previous round undid this same decoder on this
	// line, islands it left because their words were still garbled
	// ("lΓÇÖh├┤tel": ├┤ gains little beside ΓÇÖ) need no new evidence
	// that the decoder was at work.
	// The lookahead also reads texts no round has chosen; the ranges
	// index settledOf, the text the previous round wrote, and say
	// nothing of those.
	leftovers := decide && sc.settled == w.name() && sc.settledOf == s && len(spans) > 0 && disjoint(spans, sc.settledRanges)
	if decide && !leftovers && w.multi {
		spans, gain = dropStrayLetters(sc, s, w, spans, gain)
	}
	if decide && !leftovers {
		spans, gain = keepConvincing(spans, gain, w.prior())
	}
	if len(spans) == 0 || decide && !leftovers && gain < totalMargin+w.prior() {
		return nil
	}
	if decide && !leftovers && len(sc.near) > 0 {
		spans, gain = sc.completeReading(s, w, spans, gain)
	}
	if decide && !opt.Islands && !coversAllNonASCII(s, spans) {
		return nil
	}
	out, produced := assembleTracked(s, spans, sc.newRanges(len(spans)))
	if out == s {
		return nil
	}
	if leftovers {
		// The rounds before wrote the rest: what this decoder read
		// stays its reading, for the round after to tell from correct
		// text (see readWhole). Latvian "KopÄ“jÄ darba izpildÄ«tÄ" is
		// read a few islands a round, and the lone leads left at the
		// ends of its words ("Ä", ā with 0x81 dropped) are read only
		// once everything else outside ASCII is this decoder's work.
		produced = carryRanges(produced, sc.settledRanges, spans)
	}
	if decide && !leftovers && w.leavesLineArt(out) {
		return nil
	}
	l := Layer{WrongDecoder: w.name(), TrueCharset: "utf-8", Loss: loss, Islands: !coversAllNonASCII(s, spans), Infer: opt.InferLost && loss != "" && loss != lossNBSPSpace}
	for _, sp := range spans {
		l.Inferred = append(l.Inferred, sp.inferred...)
	}
	o := sc.newOutcome()
	*o = outcome{text: out, gain: gain, layer: l, produced: produced, leftovers: leftovers}
	return o
}

// carryRanges appends to produced, the ranges the spans wrote in the
// text they were read from, the ranges of that text in old (ranges no
// span touches), moved to where the spans' rewriting puts them, and
// returns them in order.
func carryRanges(produced, old [][2]int, spans []span) [][2]int {
	k, shift := 0, 0
	for _, r := range old {
		for k < len(spans) && spans[k].to <= r[0] {
			shift += len(spans[k].text) - (spans[k].to - spans[k].from)
			k++
		}
		produced = append(produced, [2]int{r[0] + shift, r[1] + shift})
	}
	slices.SortFunc(produced, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	return produced
}

// dropStrayLetters takes out of a double-byte page's islands those that
// read CJK characters as characters of no CJK script where the run of
// text they stand in, between spaces, holds a CJK character outside the
// islands that the page cannot have made of UTF-8: that run is CJK text
// as it was written, which glues its words to names and numbers without
// a space. In a Chinese line, "在玩gcc偶" read "在玩gccż" (偶 is C5 BC
// through GBK, ż in UTF-8) and "大麻make貨http" read "大麻make؛http"; but
// 在 is D4 DA through GBK, a UTF-8 lead byte before a byte that continues
// nothing, which no UTF-8 text read through GBK holds. Text the page did
// damage holds no such character among its own: "Japan鈥檚" and the
// Polish "mo偶e" are made of UTF-8 bytes through and through, and so is a
// damaged English sentence after a correct Japanese one.
func dropStrayLetters(sc *scratch, s string, w *wrongDecoder, spans []span, gain float64) ([]span, float64) {
	// Plain loops, not closures: a closure that slices.ContainsFunc
	// takes escapes, and this runs for every reading through a
	// double-byte page.
	found := false
	for k := range spans {
		if strayLetters(sc, s, w, spans[k], spans) {
			found = true
			break
		}
	}
	if !found {
		return spans, gain // most readings: nothing to take out
	}
	kept := spans[:0]
	for k := range spans {
		sp := spans[k]
		if strayLetters(sc, s, w, sp, spans) {
			gain -= sp.gain
			continue
		}
		kept = append(kept, sp)
	}
	return kept, gain
}

// strayLetters reports whether the island sp reads CJK characters as no
// CJK where its run of text holds a CJK character the page w cannot
// make of UTF-8 (see dropStrayLetters).
func strayLetters(sc *scratch, s string, w *wrongDecoder, sp span, spans []span) bool {
	return strings.ContainsFunc(s[sp.from:sp.to], isCJKRune) && !strings.ContainsFunc(sp.text, cjkLike) &&
		nativeCJKBeside(sc, s, w, sp, spans)
}

// nativeCJKBeside reports whether the run of s between spaces around the
// island sp holds, outside spans, a CJK character whose bytes through the
// double-byte page w no UTF-8 text can hold: a byte that is no UTF-8 byte
// at all (C0, C1, F5 to FF), or a lead byte (C2 to F4) before a byte that
// is no continuation byte. UTF-8 read through w pairs only bytes that
// stood side by side in it, and in UTF-8 a lead byte is always followed
// by a continuation byte.
func nativeCJKBeside(sc *scratch, s string, w *wrongDecoder, sp span, spans []span) bool {
	from := strings.LastIndexByte(s[:sp.from], ' ') + 1
	to := len(s)
	if k := strings.IndexByte(s[sp.to:], ' '); k >= 0 {
		to = sp.to + k
	}
	for i, r := range s[from:to] {
		i += from
		if !isCJKRune(r) || inSpans(spans, i) {
			continue
		}
		b, ok := w.encodeRune(sc.stray[:0], r)
		sc.stray = b[:0]
		if !ok || len(b) != 2 {
			continue
		}
		if n, _, _ := utf8SeqLen(b[0]); !utf8Byte(b[0]) || !utf8Byte(b[1]) || n > 0 && !isCont(b[1]) {
			return true
		}
	}
	return false
}

// inSpans reports whether offset i of s lies in one of spans.
func inSpans(spans []span, i int) bool {
	for k := range spans {
		if spans[k].from <= i && i < spans[k].to {
			return true
		}
	}
	return false
}

// utf8Byte reports whether x may stand in UTF-8 text.
func utf8Byte(x byte) bool { return x < 0xC0 || x >= 0xC2 && x <= 0xF4 }

// completionBits is how much more than the text as it stands an island
// of a single-byte page may cost, read as UTF-8, and still be undone
// where it completes the reading of a line the page is shown to have
// damaged (see completeReading).
const completionBits = margin

// completes reports whether an island through w that lost nothing may
// complete a line's reading: single-byte pages only, whose islands in
// correct text are rare. Correct Chinese or Japanese holds pairs that a
// double-byte page reads as UTF-8 all along the line.
func completes(w *wrongDecoder, islandLoss string) bool {
	return w.sb != nil && islandLoss == ""
}

// completeReading adds to the convincing spans of w's reading of s the
// islands refused below weakMargin (sc.near) when, with them, nothing
// outside ASCII is left unread: the strong spans show that w read this
// line, and then a pair the page reads as UTF-8 is its damage too, unless
// the line was put together from correct text and damaged text, each
// whole. Such a pair may cost its reading up to completionBits more than
// it costs as it stands. In the Spanish name of a letter read through
// cp437, "├░ LETRA MIN├ÜSCULA ETH", "├Ü" is Ú by 19 bits, and "├░" is ð
// at 2 bits below the shade and junction as they stand: nothing else in
// the line is correct text a reader could have meant.
// The islands must read as letters of the line's scripts, as followers
// do (see keepConvincing), and the hypothesis must stay convincing with
// their cost. (Not only ordinary ones, as followers: ð costs 20 bits as
// a character, and the gain already counts that. Line art that cp437
// reads as a rare letter, "┼┐" as ſ, joins as line art and costs its
// reading far more than completionBits.)
func (sc *scratch) completeReading(s string, w *wrongDecoder, spans []span, gain float64) ([]span, float64) {
	if !coversAllNonASCIIWith(s, spans, sc.near) {
		return spans, gain // most lines: the refused islands were correct text's
	}
	if w.leavesLineArt(assemble(s, spans)) {
		// The strong spans' reading leaves line art glued to letters,
		// which refuses the hypothesis (see leavesLineArt); the islands
		// left must not be what takes it away: in the leetspeak
		// "├┤a┼┐a┼┐a", "┼┐" reads ſ at a cost close to the line art's.
		return spans, gain
	}
	merged := make([]span, 0, len(spans)+len(sc.near))
	var scripts uint32
	for _, sp := range spans {
		scripts |= sp.scripts
	}
	extra := 0.0
	i := 0
	for _, n := range sc.near {
		// The island lost nothing: its reading is its characters'
		// bytes through w.
		var b []byte
		for _, r := range s[n.from:n.to] {
			var ok bool
			if b, ok = w.encodeRune(b, r); !ok {
				return spans, gain
			}
		}
		if !utf8.Valid(b) {
			return spans, gain
		}
		n.text = string(b)
		n.gain = gainAt(sc, s, n.from, n.to, n.text) - sc.readingPrice(w, s, n.from, n.to, n.text)
		if n.gain < weakMargin-completionBits {
			return spans, gain
		}
		ctx := newScriptContext(sc, s, n.from, n.to, s[n.from:n.to])
		n.scripts = scriptsOf(n.text)
		n.strangerScripts = ctx.strangerScripts(n.text)
		if n.strangerScripts&^scripts != 0 {
			return spans, gain
		}
		for i < len(spans) && spans[i].from < n.from {
			merged = append(merged, spans[i])
			i++
		}
		merged = append(merged, n)
		extra += n.gain
	}
	merged = append(merged, spans[i:]...)
	if !coversAllNonASCII(s, merged) || gain+extra < totalMargin+w.prior() {
		return spans, gain
	}
	return merged, gain + extra
}

// deeper returns cand undone once more through w, a single-byte page or
// GBK: its characters re-encoded and read as UTF-8, when that works,
// gives other characters and leaves nothing outside ASCII unexplained.
func (w *wrongDecoder) deeper(sc *scratch, cand string) (string, bool) {
	if w.sb == nil && w != gbkWrong {
		return "", false
	}
	// The bytes are gathered in sc's buffer: GBK encodes through an
	// interface, and an array on the stack escaped for every island
	// asked.
	b, multi, ok := sc.deep[:0], false, true
	for _, r := range cand {
		if b, ok = w.encodeRune(b, r); !ok {
			break
		}
		multi = multi || r >= utf8.RuneSelf
	}
	sc.deep = b[:0]
	if !ok || !multi || !utf8.Valid(b) || string(b) == cand {
		return "", false
	}
	return string(b), true
}

// beginsNothing reports that parseSeq, through w, a single-byte page
// that drops no bytes, refuses at once the sequence that the lead b[i]
// would begin: the byte after it neither continues it nor stands for a
// lost byte (a space read as 0xA0, U+FFFD or '?'), and w drops none of
// its own. Every letter of a Russian line is such a lead in
// windows-1251, and most are followed by another letter; the call for
// each was most of what that page's reading of a correct line cost.
func (w *wrongDecoder) beginsNothing(sc *scratch, i int, opt Options) bool {
	b, kind := sc.b, sc.kind
	c := b[i]
	if c > 0xF4 {
		return true // no lead at all
	}
	if c == 0xED {
		return false // a CESU-8 surrogate pair is read on
	}
	_, lo, hi := utf8SeqLen(c)
	p := i + 1
	if p == len(b) {
		return true
	}
	switch kind[p] {
	case kindFFFD:
		return false
	case kindOpaque:
		return true
	}
	switch x := b[p]; {
	case x >= lo && x <= hi:
		return false
	case x == ' ':
		return !(opt.RestoreByteA0 && w.a0 && lo <= 0xA0 && 0xA0 <= hi)
	case x == '?':
		return c != 0xC2 && c != 0xC3
	}
	return true
}

// startsIsland reports whether an island may begin, through the
// double-byte page w, at the rune of s at offset o (see mayStartIsland):
// where it may not, parseSeq refuses the rune's lead at once, for the
// byte after it neither continues it nor begins a rune where a dropped
// byte could have stood. Correct hanzi, kana and Hangul are leads in
// every double-byte page, and few of them begin anything.
func (w *wrongDecoder) startsIsland(s string, o int) bool {
	r, _ := utf8.DecodeRuneInString(s[o:])
	return r > 0xFFFF || islandStartsOf(r)&(1<<w.dbPage) != 0
}

// lostRun reads a run of U+FFFD that a double-byte decoder left where a
// whole character stood: Python's CJK decoders replace each undecodable
// byte with one U+FFFD, so "don’t" (E2 80 99) read as Big5 is "don���t".
// Three marks between letters are most likely general punctuation
// (E2 80 xx), chosen from context; three marks among CJK text become one
// mark, which gives the text its length back.
func (w *wrongDecoder) lostRun(sc *scratch, s string, i int, opt Options) (span, float64, int, bool) {
	kind := sc.kind
	j := i
	for j < len(kind) && kind[j] == kindFFFD {
		j++
	}
	r := j - i
	if r != 3 {
		// Three marks are one lost character of three bytes, the
		// commonest kind; other runs cannot be told apart (two marks
		// may be one two-byte letter or two lost bytes of others), and
		// leaving them is what keeps repair a fixed point.
		return span{}, 0, j, false
	}
	from, to := sc.offsetAt(s, i), sc.offsetAt(s, j)
	before, after := lastRune(s[:from]), firstRune(s[to:])
	// The text the marks stand in is told by the characters beside them,
	// not by other marks: after "方法" read through Big5 ("寞��", 法 with
	// its last two bytes lost) the three marks of "。" follow a hanzi.
	beside := before
	if t := strings.TrimRight(s[:from], "\uFFFD"); len(t) < from {
		beside = lastRune(t)
	}
	// One mark for the lost character.
	cand := "\uFFFD"
	var inf *Inferred
	// The last mark is a byte that the decoder paired with nothing after
	// it: Big5 reads "’t" (E2 80 99 74) as three marks and "t" because 99
	// 74 is no character of Big5's, and a byte that pairs with the byte
	// after the marks would have taken it ("“W" is E2 80 9C 57, and 9C 57
	// is a hanzi).
	lastCands := func() []byte {
		c := w.lostCandidates(lossFFFD, 0x80, 0xBF)
		if j < len(sc.b) && (kind[j] == kindFirst || kind[j] == kindPlain) {
			c = w.lossTwin().unpairedWith(c, sc.b[j])
		}
		return c
	}
	// And the first two were lost too: a decoder that pairs E2 80 reads
	// it as a character ("鈥" in GBK), and no mark of E2 80 xx is three
	// marks there. Big5 pairs neither E2 80 nor E3 80, and GBK both: a
	// run of three marks before "Not" is "“" through Big5 (9C N is no
	// pair of Big5's), and through GBK no mark at all ("•", whose A2 N
	// GBK does not pair either, was chosen so).
	losesPrefix := func(p0, p1 byte) bool {
		tw := w.lossTwin()
		return !tw.pairs(p0, p1)
	}
	if r == 3 && opt.InferLost && isCJKRune(beside) && (to == len(s) || s[to] == '\n' || s[to] == '\r') && losesPrefix(0xE3, 0x80) {
		// A character of three bytes that ends a line of CJK text is
		// its full stop three times in four: of the dev set's Chinese
		// and Japanese lines that end in such a character, 289 of 384
		// end in "。". Its candidates are the CJK marks E3 80 xx.
		chosen, alts := inferLost([]byte{0xE3, 0x80}, lastCands(), beside, after, 0, true)
		cand = chosen
		inf = &Inferred{Chosen: chosen, Alternatives: alts}
	} else if r == 3 && opt.InferLost && !isCJKRune(beside) && !isCJKRune(after) && losesPrefix(0xE2, 0x80) {
		open := sc.openAt(s, from, "")
		chosen, alts := inferLost([]byte{0xE2, 0x80}, lastCands(), before, after, open, true)
		cand = chosen
		inf = &Inferred{Chosen: chosen, Alternatives: alts}
	}
	g := gainAt(sc, s, from, to, cand) - lossPrior
	sp := span{from: from, to: to, text: cand, loss: lossFFFD}
	if inf != nil {
		inf.Offset = from
		sp.inferred = []Inferred{*inf}
	}
	return sp, g, j, true
}

// headless reads, through the double-byte decoder w, a character of
// three bytes whose lead and middle bytes were lost, each marked U+FFFD,
// from the two marks at i: the last byte survived, the first byte of a
// character the decoder read. Big5 reads 在 (E5 9C A8) and the E9 of 這 after it
// as "��券": E5 pairs with no 9C and 9C begins no pair, so both are lost,
// and A8 E9 is 券. The island that begins here goes on into 這, whose
// lead is 券's second byte. It returns the inferred character, U+FFFD
// with the common CJK characters the bytes allow as alternatives, and
// the position after its bytes; or -1 where no such character begins
// at i.
func (w *wrongDecoder) headless(sc *scratch, i int, opt Options) (*Inferred, int) {
	b, kind := sc.b, sc.kind
	n := len(b)
	p := i + 2 // the last byte, which survived
	if p >= n || kind[i+1] != kindFFFD || kind[p] == kindFFFD {
		// Three marks are lostRun's, more are several characters. One
		// mark before a continuation byte that begins a character of
		// the decoder's is no lost lead: Big5 and GBK pair their CJK
		// leads with every byte that can begin such a character, and
		// a lead is lost only before a byte that begins nothing (GBK
		// read "�þʹÓ" so in a line of GBK read as windows-1252).
		return nil, -1
	}
	if kind[p] != kindFirst || !isCont(b[p]) {
		return nil, -1
	}
	alts := w.headlessCandidates(b[p])
	if len(alts) == 0 {
		// No character people write loses its first two bytes so
		// through w: GBK pairs every CJK lead with every byte that can
		// follow it, and never reads a character so.
		return nil, -1
	}
	if !opt.InferLost {
		return nil, p + 1
	}
	inf := &Inferred{Chosen: "\uFFFD", marked: true}
	if len(alts) >= 2 {
		inf.Alternatives, inf.shared = alts, true
	}
	return inf, p + 1
}

// headlessCands is the list headlessCandidates works out once.
type headlessCands struct {
	once sync.Once
	alts []Scored
}

// headlessCandidates lists the common CJK characters of three bytes x y
// last that the double-byte page w would have shown as two marks and
// last: x begins no pair with y, y none with last, and neither is a
// character alone. Worked out once per page and last byte: a line of
// Chinese read through Big5 asks for them at every other character.
func (w *wrongDecoder) headlessCandidates(last byte) []Scored {
	c := &w.headlessAlts[last]
	c.once.Do(func() {
		twin := w.lossTwin()
		var one [1]byte
		lostAlone := func(x, y byte) bool { // x was lost before y
			one[0] = x
			_, size, ok := twin.cs.Decode(one[:])
			return !(ok && size == 1) && !twin.pairs(x, y)
		}
		c.alts = commonCJK(func(yield func(rune) bool) {
			for x := 0xE2; x <= 0xEF; x++ {
				if x == 0xED {
					continue // surrogates
				}
				for y := 0x80; y <= 0xBF; y++ {
					if lostAlone(byte(x), byte(y)) && lostAlone(byte(y), last) {
						r, size := utf8.DecodeRune([]byte{byte(x), byte(y), last})
						if size == 3 && !yield(r) {
							return
						}
					}
				}
			}
		})
	})
	return c.alts
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

func isCJKRune(r rune) bool {
	return r != 0 && plausible.ClassOf(r).Script() == plausible.CJK
}

// mayHoldUTF8 is a quick, allocation-free test that s, encoded through a
// single-byte w, has a UTF-8 lead byte followed by something a
// continuation byte could be: a continuation byte, a space (0xA0 turned
// into a space) unless that space would end the island at once (see
// leadSpaceEnds), U+FFFD or '?' (a marked loss), or any byte at all when
// w drops bytes. Most clean text fails it at once ("café": é is E9, a
// lead, but "s" follows). Double-byte decoders always pass: their
// characters carry both kinds of byte.
func (w *wrongDecoder) mayHoldUTF8(s string) bool {
	if w.sb == nil {
		return mayHoldDoubleByteMojibake(s) || loneCJKByNumber(s)
	}
	lead, lead2 := false, false // after a lead byte; after a two-byte lead
	leadEnds := false           // after a lead that a space read as 0xA0 ends
	afterSpace := false         // after a longer lead and a space
	for _, r := range s {
		if afterSpace {
			// A space may stand for a lost 0xA0, but a three- or
			// four-byte sequence needs a continuation byte after it
			// too: Russian words end in letters that are leads in
			// windows-1251 ("Москва " is ...E2 20 ...), and the next
			// word's first letter is no continuation.
			afterSpace = false
			if b, ok := w.sb.EncodeRune(r); ok && isCont(b) {
				return true
			}
		}
		if lead {
			if r == ' ' && lead2 && len(w.dropped) > 0 {
				// The second byte of a word's last letter may be one w
				// dropped: the Russian preposition "с" (D1 81) through
				// windows-1252 without its 0x81 is "Ñ ". parseSeq
				// believes such a loss only where the rest of the line
				// was read through w (see settledWhole).
				return true
			}
			if r == ' ' && leadEnds {
				lead, lead2 = false, false
				continue
			}
			if r == ' ' && !lead2 {
				afterSpace = true
				lead, lead2 = false, false
				continue
			}
			if r == ' ' || r == '?' || r == utf8.RuneError {
				return true
			}
			b, ok := w.sb.EncodeRune(r)
			if ok && isCont(b) {
				return true
			}
			// A page that drops bytes may have taken the second byte
			// of a two-byte sequence before another lead or a letter
			// ("ÑÑ‚", "uzamÄeno"); a longer sequence needs a
			// continuation byte to be believed at all.
			if lead2 && len(w.dropped) > 0 && (r < utf8.RuneSelf && isASCIILetter(byte(r)) || ok && b >= 0xC2 && b <= 0xF4) {
				return true
			}
		}
		lead, lead2, leadEnds = false, false, false
		if r >= utf8.RuneSelf {
			if b, ok := w.sb.EncodeRune(r); ok && b >= 0xC2 && b <= 0xF4 {
				lead, lead2, leadEnds = true, b <= 0xDF, leadSpaceEnds(r, b)
			}
		}
	}
	return false
}

// leadSpaceEnds reports whether a space after r, which a page encodes as
// the lead byte b, ends an island that would begin at r: read as 0xA0,
// the space completes r to r itself or to a character nobody writes,
// whatever follows, and spaceEndsIsland ends the island before it.
// Windows-1251 shows Р (D0 A0) as "Р" and an NBSP, so "ГЕНДЕР " is no
// damage; in windows-1253 "ά " is DC A0, the Syriac U+0720, and in
// windows-1251 "а " is E0 A0, the start of the Samaritan block. An
// island that began earlier had evidence of its own, which the quick
// test finds there.
func leadSpaceEnds(r rune, b byte) bool {
	switch {
	case b >= 0xC2 && b <= 0xDF:
		c, _ := utf8.DecodeRune([]byte{b, 0xA0})
		return c == r || holdsRareNonCJK(string(c))
	case b >= 0xE0 && b <= 0xEF:
		if b == 0xED {
			return true // ED takes 80–9F second: 0xA0 completes nothing
		}
		for y := 0x80; y <= 0xBF; y++ {
			if !holdsRareNonCJK(string([]byte{b, 0xA0, byte(y)})) {
				return false
			}
		}
		return true
	}
	return false
}

// leavesLineArt reports whether out, a repair through w, still glues to a
// letter box drawing that w itself could have produced. UTF-8 read
// through cp437 turns every non-ASCII letter into box drawing and symbols
// inside words ("f├╝r" for "für"), and a true repair undoes them;
// leetspeak drawn with cp437's own characters keeps them between its
// letters ("├┤a┼┐a┼┐a", where the one readable island "├┤" = ô is chance).
// Box drawing that stands apart, as in a table's borders, decides nothing.
func (w *wrongDecoder) leavesLineArt(out string) bool {
	if w.sb == nil || !mayHoldBox(out) {
		return false
	}
	prevLetter, prevBox := false, false
	for _, r := range out {
		c := plausible.ClassOf(r)
		box := false
		if c == plausible.Box {
			_, box = w.sb.EncodeRune(r)
		}
		if box && prevLetter || prevBox && c.IsLetter() {
			return true
		}
		prevLetter, prevBox = c.IsLetter(), box
	}
	return false
}

// mayHoldBox reports whether the valid UTF-8 s may hold a character of
// class Box, U+2500–U+25FF, encoded E2 94 80 to E2 97 BF: leavesLineArt
// asks it first, for every outcome of a single-byte page, and most lines
// hold none, which a search for the byte E2 tells without decoding and
// classifying every character.
func mayHoldBox(s string) bool {
	for {
		i := strings.IndexByte(s, 0xE2)
		if i < 0 || i+1 >= len(s) {
			return false
		}
		if c := s[i+1]; c >= 0x94 && c <= 0x97 {
			return true
		}
		s = s[i+1:]
	}
}

// mayHoldDoubleByteMojibake is the quick test for the double-byte
// decoders. UTF-8 read through one of them leaves characters that people
// rarely write (鈥, 檚, 縺, 혻), or less common ones in short runs glued
// to Latin letters ("caf茅": each accented letter is one character), or
// any in a short run with Latin letters on both sides ("f체r", "Gew枚hnlich"),
// or among letters of another script, or half-width katakana, or U+FFFD
// marks. Correct Chinese, Japanese and Korean text made of common
// characters has none of these, and skips the work: where it meets a
// Latin word without a space, the run is a phrase ("samba现在由开发组") or
// one of the commonest characters, a Korean particle after a name
// ("seek를", "null일") or a Chinese preposition.
func mayHoldDoubleByteMojibake(s string) bool {
	prevLetter := false // the previous rune is an ASCII letter
	run, runGlued := 0, false
	runDear := false // a character of the run costs gluedCJKCost or more
	sawCJK, sawOtherScript := false, false
	// glued reports whether the run that ends before a rune that is
	// (letterAfter) or is not an ASCII letter is suspect.
	glued := func(letterAfter bool) bool {
		return run <= maxGluedRun && (runGlued && letterAfter || (runGlued || letterAfter) && runDear)
	}
	for _, r := range s {
		var f cjkFlags
		if r >= utf8.RuneSelf {
			f = cjkFlagsOf(r)
		}
		if f&cjkChar != 0 {
			if f&cjkRare != 0 || sawOtherScript {
				return true
			}
			if run == 0 {
				runGlued, runDear = prevLetter, false
			}
			run++
			runDear = runDear || f&cjkDear != 0
			sawCJK, prevLetter = true, false
			continue
		}
		letter := r < utf8.RuneSelf && isASCIILetter(byte(r))
		if run > 0 {
			if glued(letter) {
				return true
			}
			run = 0
		}
		prevLetter = letter
		switch {
		case f&cjkStop != 0:
			return true
		case f&cjkLetter != 0:
			// Hanzi among Cyrillic or Greek letters ("胁" left in a
			// repaired Russian line) are suspect too.
			if sawCJK {
				return true
			}
			sawOtherScript = true
		}
	}
	return run > 0 && glued(false)
}

// loneCJKByNumber reports whether s is a line of Latin text, with at
// least loneCJKLetters ASCII letters, whose one CJK character is glued
// to a digit, before or after it, or stands between two numbers. A Latin-1 symbol is two bytes of
// UTF-8, one character of a double-byte page, and where it was the
// line's only character outside ASCII nothing else betrays the page:
// "£4.99" through GBK is "拢4.99", through Big5 "瞿4.99", "38°" through
// EUC-KR "38째". A character glued to no Latin letter passes
// mayHoldDoubleByteMojibake only if it is rare, and these are common
// enough. What such a character may be read as is narrower still (see
// symbolByNumber).
func loneCJKByNumber(s string) bool {
	at, size, letters := -1, 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) {
				letters++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if cjkFlagsOf(r)&cjkChar != 0 {
			if at >= 0 {
				return false // more than one: CJK text, or read by the other tests
			}
			at, size = i, n
		}
		i += n
	}
	if at < 0 || letters < loneCJKLetters {
		return false
	}
	return at > 0 && isDigitByte(s[at-1]) || at+size < len(s) && isDigitByte(s[at+size]) || betweenNumbers(s, at, at+size)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// betweenNumbers reports whether s[from:to] stands between two numbers,
// a space on each side: "160 × 120".
func betweenNumbers(s string, from, to int) bool {
	return spacedAfterNumber(s, from) && to+1 < len(s) && s[to] == ' ' && isDigitByte(s[to+1])
}

// spacedAfterNumber reports whether s[:from] ends in a digit and a
// space.
func spacedAfterNumber(s string, from int) bool {
	return from >= 2 && s[from-1] == ' ' && isDigitByte(s[from-2])
}

// symbolByNumber reports whether cand, the reading of s[from:to], is a
// symbol where a number puts it: a currency's symbol glued before a
// digit ("£4.99") or the degree sign glued after one ("38°"). In
// CLDR's data the currencies with a symbol in Latin-1 are written "£"
// and "¥" (¢ and ¤ are no currency's symbol), its patterns put the
// currency before the number 3,517 times and after it 209, and "°"
// after a number 1,579 times and before one 8. Elsewhere a Latin-1
// symbol read from the one CJK character of an English line is no
// likelier than the character: correct text writes "bus 42路" and
// "floor 3楼", which GBK reads as "42·" and "3¥".
//
// The multiplication and division signs are operators, which Unicode
// classes as mathematical symbols (Sm), and stand between the numbers
// they join: "160 × 120" through GBK is "160 脳 120".
func symbolByNumber(s string, from, to int, cand string) bool {
	switch cand {
	case "°":
		return from > 0 && isDigitByte(s[from-1])
	case "£", "¥":
		return to < len(s) && isDigitByte(s[to])
	case "×", "÷":
		return betweenNumbers(s, from, to)
	}
	return false
}

// operatorBetweenNumbers is what the reading of an island as "×" or "÷"
// between two numbers, or as "°" a space after one, gains beyond the
// character model's price: the margin of any change.
const operatorBetweenNumbers = margin

// loneCJKLetters is how many ASCII letters a line needs for
// loneCJKByNumber to read its one CJK character as a stranger: a few
// words.
const loneCJKLetters = 12

// cjkFlags is what mayHoldDoubleByteMojibake asks of a rune outside
// ASCII: its class and, for Han, kana and Hangul, how its cost compares
// with the two thresholds. Looked up in a table, filled a block of 256
// runes at a time on first use: the test reads every rune of every line
// with a CJK character, and the cost of one is its frequency in three
// languages.
type cjkFlags uint8

const (
	cjkChar   cjkFlags = 1 << iota // Han, kana or Hangul
	cjkRare                        // ... costing rareCJKCost or more
	cjkDear                        // ... costing gluedCJKCost or more
	cjkStop                        // half-width katakana or U+FFFD
	cjkLetter                      // a letter of another kind
)

// cjkFlagTable holds cjkFlags for the runes up to U+FFFF, in blocks of
// 256 filled on first use.
var cjkFlagTable [0x100]atomic.Pointer[[0x100]cjkFlags]

// cjkFlagsOf returns the flags of r, a rune outside ASCII.
func cjkFlagsOf(r rune) cjkFlags {
	if r > 0xFFFF {
		return cjkFlagsSlow(r)
	}
	block := cjkFlagTable[r>>8].Load()
	if block == nil {
		block = new([0x100]cjkFlags)
		for k := range block {
			if c := r&^0xFF | rune(k); c >= utf8.RuneSelf {
				block[k] = cjkFlagsSlow(c)
			}
		}
		// Two goroutines may fill the same block: they fill it alike.
		cjkFlagTable[r>>8].Store(block)
	}
	return block[r&0xFF]
}

// cjkFlagsSlow works out the flags of r from its class and cost.
func cjkFlagsSlow(r rune) cjkFlags {
	c := plausible.ClassOf(r)
	switch {
	case c == plausible.Han || c == plausible.Kana || c == plausible.Hangul:
		f := cjkChar
		if cost := plausible.RuneCost(r); cost >= rareCJKCost {
			f |= cjkRare | cjkDear
		} else if cost >= gluedCJKCost {
			f |= cjkDear
		}
		return f
	case c == plausible.HalfKana || c == plausible.Replacement:
		return cjkStop
	case c.IsLetter():
		return cjkLetter
	}
	return 0
}

// maxGluedRun is the longest run of CJK characters glued to a Latin
// letter that may be a Latin word's accented letters read as double-byte
// text: "ção" is two characters through GBK.
const maxGluedRun = 3

// gluedCJKCost is the cost from which a character glued to a Latin word
// on one side only is suspect: the accented letters of Western languages
// read through GBK, Big5 or cp949 come out as uncommon characters (茅,
// 矇, 챕: cost 12 or more), the particles and prepositions that follow a
// Latin word in correct text are the commonest (를, 와, 在: 4 to 7).
const gluedCJKCost = 8

// rareCJKCost is the cost from which a Han, kana or Hangul character
// counts as rare: outside the common sets of every language (frequency
// class 5 or less).
const rareCJKCost = 14

// parseSeq parses one UTF-8 sequence starting at b[j], appending its
// bytes to dec. Where a continuation byte is missing it may infer it,
// according to how w loses bytes. a0 reports that the sequence ended in a
// space read as byte 0xA0.
func (w *wrongDecoder) parseSeq(sc *scratch, s string, j int, opt Options, dec []byte) (next int, out []byte, loss string, inf *Inferred, a0 bool, ok bool) {
	b, kind := sc.b, sc.kind
	n := len(b)
	if r, size := cesuPair(b[j:], kind[j:]); size > 0 {
		// Java and some databases write a character outside the BMP as
		// two three-byte surrogates (CESU-8): "😍" = ED A0 BD ED B8 8D.
		return j + size, utf8.AppendRune(dec, r), "", nil, false, true
	}
	need, lo, hi := utf8SeqLen(b[j])
	if need == 0 {
		return j, dec, "", nil, false, false
	}
	start := len(dec)
	dec = append(dec, b[j])
	p := j + 1
	for k := 1; k < need; k++ {
		l, h := byte(0x80), byte(0xBF)
		if k == 1 {
			l, h = lo, hi
		}
		if p < n && (kind[p] == kindFirst || kind[p] == kindPlain) && b[p] >= l && b[p] <= h {
			dec = append(dec, b[p])
			p++
			continue
		}
		// A space where byte 0xA0 belongs: software that "cleaned"
		// NBSP turned "à" (C3 A0) into "Ã ".
		if opt.RestoreByteA0 && w.a0 && p < n && b[p] == ' ' && l <= 0xA0 && 0xA0 <= h &&
			!(k == need-1 && (sc.oneKindOfLoss(s, dec[start:]) || w.prefersDropped(sc, s, j, p, dec, start, l, h, opt))) {
			dec = append(dec, 0xA0)
			p++
			loss = lossNBSPSpace
			a0 = k == need-1
			continue
		}
		if k == 1 && need == 3 && !w.multi && len(w.dropped) > 0 && opt.LossySequences && opt.InferLost && b[j] >= 0xE3 &&
			p < n && (kind[p] == kindFirst || kind[p] == kindPlain) && isCont(b[p]) && sc.runeStart(p+1) &&
			!(p+1 < n && isCont(b[p+1]) && kind[p+1] != kindOpaque) && sc.besideThreeBytes(s, j, dec, start, p+1) {
			// A continuation byte the lead does not allow second: the
			// page dropped the middle byte. "크" (ED 81 AC) through
			// windows-1252 is "í¬", and AC cannot follow ED.
			if next, d, inf, ok := w.lostMiddle(sc, s, j, p, dec, start, lo, hi, opt); ok {
				return next, d, lossUndefined, inf, false, true
			}
		}
		if opt.LossySequences && w.multi && k == 1 && start == 0 && sc.runeStart(p) &&
			!(p < n && kind[p] != kindOpaque && (b[p] >= 0xC2 && b[p] <= 0xF4 || isASCIILetter(b[p]) || kind[p] == kindFFFD)) {
			// A lead byte that a double-byte decoder read as a character
			// of its own (half-width katakana through Shift_JIS), opening
			// an island, is believed damaged on the evidence a single-byte
			// page needs (see below): the next byte begins a sequence or
			// continues a word, or is the decoder's own mark of a lost
			// byte ("ﾅ�ódź" through Shift_JIS is "Łódź", C5 81 with 0x81
			// lost). The shrug "¯\_(ﾂ)_/¯" is no "( )" with the 0xA0 of
			// a no-break space dropped after C2.
			return j, dec[:start], "", nil, false, false
		}
		if opt.LossySequences && w.multi && !(p < n && (kind[p] == kindFFFD || b[p] == '?')) {
			if next, d, inf, ok := w.droppedInside(sc, s, j, p, k, need, lo, hi, dec, start, opt); ok {
				return next, d, lossDropped, inf, false, true
			}
		}
		if !opt.LossySequences || !sc.runeStart(p) {
			return j, dec[:start], "", nil, false, false
		}
		// Bytes are missing from here on. A marked loss (U+FFFD, '?')
		// says where each byte went; an unmarked one (dropped) is only
		// believed after a lead and a continuation byte, or with a
		// double-byte decoder, which drops bytes inside CJK text too: a
		// lone lead byte ("Í") read by a single-byte page is far more
		// often a letter of its own than the remains of a character.
		missing, how := 0, ""
		resumed, marks := -1, 0 // where the bytes after a marked loss begin, and the marks before
		var lostTwo []Scored    // the candidates of a lead whose two bytes the page dropped
		for ; k < need; k++ {
			switch {
			case k == 1 && need == 3 && !w.multi && len(w.dropped) > 0 && opt.InferLost &&
				(start > 0 && cjkLike(lastRuneOf(dec[:start])) || p < n && kind[p] != kindOpaque && b[p] >= 0xE3 && b[p] <= 0xEF) &&
				len(w.lostTwoCandidates(b[j])) > 0:
				// A kana, Han or Hangul character may lose both its
				// last bytes to a page that drops bytes: "き" (E3 81 8D)
				// through windows-1252 keeps only "ã". Believed beside
				// another character of three bytes, read or to come,
				// and where the bytes the page drops complete the lead
				// to a character people write: a lone "ã" in Latin
				// text is the Portuguese letter.
				how = lossUndefined
				lostTwo = w.lostTwoCandidates(b[j])
			case p < n && kind[p] == kindFFFD:
				how = lossFFFD
				p++
			case p < n && b[p] == '?' && kind[p] == kindFirst && (w.multi || k >= 2 || b[j] == 0xC2 || b[j] == 0xC3):
				how = lossQuestion
				p++
			case k < 2 && !w.multi && !(len(w.dropped) > 0 && need == 2 &&
				(p < n && kind[p] != kindOpaque && (b[p] >= 0xC2 && b[p] <= 0xF4 || isASCIILetter(b[p])) ||
					start > 0 && (p == n || kind[p] != kindOpaque && b[p] < utf8.RuneSelf && !isASCIILetter(b[p])) &&
						!(opt.RestoreByteA0 && w.a0 && p < n && b[p] == ' ' && writtenWithA0(b[j])) ||
					start == 0 && sc.settledWhole(s, w))) ||
				k < 2 && !w.multi && start == 0 && w.lostFits(b[j]) && sc.writtenAlone(s, j, w):
				// A lone lead byte is believed damaged only where the
				// next byte starts another sequence (Russian "ÑÑ‚" is D1
				// [81 lost] D1 82, "ст") or continues a word (Czech
				// "uzamÄeno" is "uzamčeno", C4 [8D lost]), or where it
				// ends a word whose other letters were decoded in the same
				// island (Russian "ÑŽÑ‚ÑÑ " is "ются ", D1 [81 lost] D1 [8F
				// lost]); the model then weighs it against the letter as
				// it stands. A letter the line's language writes, alone
				// among the word's letters outside ASCII, is that letter:
				// the Portuguese "IRMÃS" in a line whose other half was
				// read as windows-1252 is no "IRMÁS" with 0x81 lost.
				// (Where no dropped byte completes the lead to a
				// character people write, as for "É", the loss is
				// refused below whatever the word says, and the
				// line's languages need not be chosen to ask.)
				// A lone lead that begins an island is believed
				// damaged, whatever follows it, where the previous
				// round read the line through w and left nothing else
				// outside ASCII but such leads (see settledWhole): in
				// "ВОТ БУКВА «Ф»" with the 0x90 of each А dropped, the
				// "Ð" the first round left before the space is А, not
				// the Р (D0 A0) of a space read as 0xA0.
				return j, dec[:start], "", nil, false, false
			case w.multi:
				// A double-byte decoder drops a lead byte whose trail
				// is invalid and resumes at the trail: “— at” = E2 80
				// 94 20 61 74 reads as 鈥 (E2 80), then 94 20 is no
				// pair, so 0x94 is lost and the space kept.
				how = lossDropped
			case len(w.dropped) > 0:
				how = lossUndefined
			default:
				return j, dec[:start], "", nil, false, false
			}
			missing++
			if how == lossUndefined && need-1-k > 0 && lostTwo == nil {
				// A single-byte page drops only its few undefined
				// bytes; two in one character happen only in the
				// kana, Han and Hangul (see above).
				return j, dec[:start], "", nil, false, false
			}
			if how == lossDropped || how == lossUndefined {
				// An unmarked loss takes the rest of the sequence.
				missing += need - 1 - k
				break
			}
			if p < n && (kind[p] == kindFirst || kind[p] == kindPlain) && isCont(b[p]) && k+1 < need {
				// The sequence resumes after a marked loss: take the
				// rest of its bytes; the character is unknown.
				resumed, marks = p, missing
				for k+1 < need && p < n && (kind[p] == kindFirst || kind[p] == kindPlain) && isCont(b[p]) {
					p++
					k++
				}
				missing++ // the character cannot be completed from one side
				break
			}
		}
		if missing > 1 || k < need-1 {
			// More than one byte lost: the bytes alone cannot tell the
			// character, so it becomes U+FFFD, and the plan says so.
			// When only its tail was lost, the common CJK characters
			// that begin with the surviving bytes are kept as
			// alternatives, for refineCJK to choose among by the
			// neighbours: "ください[E3 + 2 lost]" ends a sentence with 。.
			// Likewise when only a middle byte was lost: "の" (E3 81 AE)
			// read through Shift_JIS as E3 [81 lost] AE has 64
			// candidates, E3 xx AE.
			inf := &Inferred{Chosen: "\uFFFD"}
			switch {
			case lostTwo != nil:
				inf.Alternatives, inf.shared = lostTwo, true
			case !opt.InferLost || !w.multi:
			case k == need && missing == need-(len(dec)-start):
				inf.Alternatives, inf.shared = cjkCompletions(dec[start:], need), true
			case how == lossDropped && missing == need-(len(dec)-start):
				// The decoder dropped the whole tail: only the tails it
				// would have dropped are candidates.
				y := -1
				if p < n {
					if kind[p] != kindFirst && kind[p] != kindPlain {
						break
					}
					y = int(b[p])
				}
				inf.Alternatives = w.droppableTails(cjkCompletions(dec[start:], need), len(dec)-start, y)
			case resumed >= 0 && marks == 1 && len(dec)-start == 1 && need == 3 && p-resumed == 1:
				inf.Alternatives = cjkMiddles(b[j], b[resumed], lo, hi)
			}
			dec = append(dec[:start], "\uFFFD"...)
			return p, dec, how, inf, false, true
		}
		if how == lossUndefined && need == 2 && !w.lostFits(b[j]) {
			// No byte w drops completes the lead to a character people
			// write (see lostFits): inferLost would offer none, and the
			// loss is refused below. Refused here, without listing and
			// pricing the candidates: a capital or ß before a letter
			// ("Straße") is such a lead in windows-1252, and correct
			// German and French lines are full of them.
			return j, dec[:start], "", nil, false, false
		}
		var prefixBuf [utf8.UTFMax]byte
		prefix := append(prefixBuf[:0], dec[start:]...)
		after := rune(0)
		if p < n {
			after = firstRune(s[sc.offsetAt(s, p):])
			if r, size := utf8.DecodeRune(b[p:]); size > 1 && sc.readAs(p, size) {
				// The next bytes make a character of their own: that is
				// the neighbour, not the mojibake they show as ("â‚„"
				// after the lost byte of "₁" in "H₁₄" is "₄").
				after = r
			}
		}
		before := sc.islandRuneBefore(s, j, dec, start)
		var candBuf [0x40]byte // every continuation byte
		cands := w.appendLostCandidates(candBuf[:0], how, l, h)
		var open rune
		if mayClose(prefix, cands) {
			open = sc.openAt(s, sc.offsetAt(s, j), string(dec[:start]))
		}
		if len(cands) == 0 {
			// As inferLost answers: U+FFFD, and no alternatives.
			if how == lossUndefined {
				return j, dec[:start], "", nil, false, false
			}
			dec = append(dec[:start], "\uFFFD"...)
			return p, dec, how, sc.lostChar(Inferred{Chosen: "\uFFFD", marked: how == lossFFFD || how == lossQuestion}), false, true
		}
		// The candidates are priced and the choice made as inferLost
		// makes it; their list is made only if the island is weighed
		// further (see Inferred.settle), as droppedCands leaves it:
		// most islands with a lost byte are refused, and sorting and
		// copying out the candidates of each was for nothing. The
		// candidates share sc's backing array, which rank copies from.
		var fullBuf [maxLost][]byte
		full := fullBuf[:0]
		back := slices.Grow(sc.candBack[:0], 2*(len(prefix)+1)*len(cands))
		for _, x := range cands {
			at := len(back)
			back = append(append(back, prefix...), x)
			full = append(full, back[at:len(back):len(back)])
		}
		if how == lossUndefined && need == 3 && len(prefix) == 2 && prefix[0] >= 0xE3 && sc.besideThreeBytes(s, j, dec, start, p) {
			// The byte the page dropped may have been the middle one:
			// "の" (E3 81 AE) through windows-1252 is "ã®", E3 AE, and
			// the parser took AE for the middle byte. Both places are
			// candidates: E3 AE [81 8D 8F 90 9D] are rare ideographs of
			// Extension A, E3 [81 8D 8F 90 9D] AE holds の. Only from
			// E3 on, the kana, Han and Hangul: before it, the page's
			// losses are the last bytes of punctuation ("”", E2 80 9D,
			// is "â€"), and a middle byte would offer the symbols of
			// E2 81–9D beside them (E2 9D 80 is "❀"). And only beside
			// another character of three bytes (see besideThreeBytes):
			// in Latin text a lone "é™" or "è" before a no-break space
			// (E9 99, E8 A0) would read as a Han character that lost
			// its middle byte. (back has room for both lists: no
			// candidate moves.)
			full, back = middleCandidates(full, back, prefix, cands, lo, hi)
		}
		lr := sc.newRanking()
		chosen := lr.rank(full, before, after, open, opt.InferLost)
		sc.candBack = back[:0]
		if len(lr.rs) == 0 && how == lossUndefined {
			// Nothing a person writes fits an unmarked loss: there was
			// none.
			return j, dec[:start], "", nil, false, false
		}
		dec = append(dec[:start], chosen...)
		return p, dec, how, sc.lostChar(Inferred{Chosen: chosen, ranking: lr, marked: how == lossFFFD || how == lossQuestion}), false, true
	}
	return p, dec, loss, nil, a0, true
}

// besideThreeBytes reports whether the sequence being parsed, which
// began at dec[start] and whose bytes end before b[p], stands beside
// another character of three bytes from E3 on (kana, Han, Hangul), read
// in the island or to come: right after it, or across one space, as the
// words of Korean stand. "이 값이" (EC 9D B4 20 EA B0 92 ...) through
// windows-1252 with 0x9D dropped begins "ì´ ê°’", and the "ì´" at the
// start of the line, a word of its own, is 이 with its middle byte lost,
// not 총 (EC B4 9D) with its last.
func (sc *scratch) besideThreeBytes(s string, j int, dec []byte, start, p int) bool {
	b, kind := sc.b, sc.kind
	n := len(b)
	if start > 0 && cjkLike(lastRuneOf(dec[:start])) {
		return true
	}
	if start == 0 {
		// The island begins here: the character before it, or before
		// the space before it, is the text's own, repaired by an
		// earlier round ("옵션ì„ " once "옵션" is read).
		t := s[:sc.offsetAt(s, j)]
		t = strings.TrimSuffix(t, " ")
		if cjkLike(lastRune(t)) {
			return true
		}
	}
	threeLead := func(q int) bool {
		return q < n && kind[q] != kindOpaque && kind[q] != kindFFFD && b[q] >= 0xE3 && b[q] <= 0xEF
	}
	return threeLead(p) || p < n && b[p] == ' ' && threeLead(p+1) || sc.readsCJK()
}

// readsCJK reports whether the page's bytes of the text being read (sc.b)
// hold at least two whole characters of three bytes from E3 to ED, kana,
// Han or Hangul: the line is CJK text read through the page, and a
// particle between two words of ASCII ("rpc.statd は NFS", は = E3 81
// AF, "ã¯" once 0x81 is dropped) stands beside no other character of
// three bytes. Correct Latin text re-encoded through a single-byte page
// has none: "ã" or "í" followed by two of the page's symbols.
func (sc *scratch) readsCJK() bool {
	if sc.cjkBy == sc.encodedBy && sc.cjkOf == sc.encodedOf && sc.cjkLive == sc.encodedLive {
		return sc.cjk
	}
	sc.cjkBy, sc.cjkOf, sc.cjkLive = sc.encodedBy, sc.encodedOf, sc.encodedLive
	b, kind := sc.b, sc.kind
	found := 0
	for i := 0; i+2 < len(b) && found < 2; i++ {
		if b[i] < 0xE3 || b[i] > 0xED || kind[i] == kindOpaque || kind[i] == kindFFFD {
			continue
		}
		_, lo, hi := utf8SeqLen(b[i])
		if b[i+1] >= lo && b[i+1] <= hi && isCont(b[i+2]) &&
			kind[i+1] != kindOpaque && kind[i+1] != kindFFFD && kind[i+2] != kindOpaque && kind[i+2] != kindFFFD {
			found++
			i += 2
		}
	}
	sc.cjk = found >= 2
	return sc.cjk
}

// lostMiddle reads the character of three bytes whose lead is b[j] and
// whose last byte is b[p], the page having dropped the middle one, which
// the lead allows in [lo, hi] (see parseSeq): its candidates are ranked
// as inferLost ranks them, and appended to dec after dec[:start].
func (w *wrongDecoder) lostMiddle(sc *scratch, s string, j, p int, dec []byte, start int, lo, hi byte, opt Options) (int, []byte, *Inferred, bool) {
	var candBuf [8]byte
	cands := w.appendLostCandidates(candBuf[:0], lossUndefined, lo, hi)
	if len(cands) == 0 {
		return 0, nil, nil, false
	}
	var fullBuf [maxLost][]byte
	full, back := middleCandidates(fullBuf[:0], sc.candBack[:0], []byte{sc.b[j], sc.b[p]}, cands, lo, hi)
	before := sc.islandRuneBefore(s, j, dec, start)
	after := rune(0)
	if p+1 < len(sc.b) {
		after = firstRune(s[sc.offsetAt(s, p+1):])
	}
	lr := sc.newRanking()
	chosen := lr.rank(full, before, after, 0, opt.InferLost)
	sc.candBack = back[:0]
	if len(lr.rs) == 0 {
		return 0, nil, nil, false // nothing a person writes fits
	}
	dec = append(dec[:start], chosen...)
	return p + 1, dec, sc.lostChar(Inferred{Chosen: chosen, ranking: lr}), true
}

// middleCandidates appends to full, in back, the candidates of a
// character of three bytes whose middle byte the page dropped: prefix
// holds its lead and last byte, and cands the bytes the page drops; only
// those the lead allows second ([lo, hi]).
func middleCandidates(full [][]byte, back []byte, prefix, cands []byte, lo, hi byte) ([][]byte, []byte) {
	for _, x := range cands {
		if x >= lo && x <= hi {
			at := len(back)
			back = append(back, prefix[0], x, prefix[1])
			full = append(full, back[at:len(back):len(back)])
		}
	}
	return full, back
}

// lastRuneOf is the last character of b, without a string of it.
func lastRuneOf(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}

// islandRuneBefore returns the character before a lost one whose bytes
// begin at byte j of sc's encoding, start bytes into dec, the island's
// reading so far: the island's own last character where it has one (the
// text before it still shows that character's bytes as mojibake), else
// the text's character before the island, or 0 at the line's start.
func (sc *scratch) islandRuneBefore(s string, j int, dec []byte, start int) rune {
	if start > 0 {
		return lastRuneOf(dec[:start])
	}
	if o := sc.offsetAt(s, j); o > 0 {
		return lastRune(s[:o])
	}
	return 0
}

// lostTwoCandidates lists the common kana, Han and Hangul characters of
// three bytes that begin with lead and go on with two of the bytes w
// drops, the first of them one the lead allows second: "き" is E3 81 8D,
// and windows-1252 drops both. None for leads below E3, nor for a page
// that drops nothing. The list is shared and made once per lead: the
// search asks it of every lone lead beside CJK text, and text in a
// legacy charset shown as windows-1252 is full of them ("ã" is E3).
func (w *wrongDecoder) lostTwoCandidates(lead byte) []Scored {
	if lead < 0xE3 || lead > 0xEF || w.lostTwoAlts == nil {
		return nil
	}
	c := &w.lostTwoAlts[lead&0x0F]
	c.once.Do(func() {
		_, lo, hi := utf8SeqLen(lead)
		c.alts = commonCJK(func(yield func(rune) bool) {
			for _, x := range w.dropped {
				if x < lo || x > hi {
					continue
				}
				for _, y := range w.dropped {
					if y < 0x80 || y > 0xBF {
						continue
					}
					r, size := utf8.DecodeRune([]byte{lead, x, y})
					if size == 3 && !yield(r) {
						return
					}
				}
			}
		})
	})
	return c.alts
}

// droppableTails keeps the completions of a character whose first kept
// bytes survived and whose tail w dropped, byte by byte: a double-byte
// decoder drops a byte that it cannot read alone and that begins no pair
// with the byte after it (the next byte of the tail, then y, the byte
// after the loss, or none, -1, at the end of the line). "する。" at the
// end of a line read as GBK loses 80 82 of "。" (E3 80 82): GBK takes no
// lead 0x80, and 0x82 has no byte after it. "る" (E3 82 8B) is never lost
// so: 82 8B is a pair.
func (w *wrongDecoder) droppableTails(alts []Scored, kept, y int) []Scored {
	twin := w.lossTwin()
	var out []Scored // a list of its own: alts is shared (see cjkCompletions)
	for _, a := range alts {
		tail := a.Text[kept:]
		dropped := true
		for i := 0; i < len(tail) && dropped; i++ {
			next := y
			if i+1 < len(tail) {
				next = int(tail[i+1])
			}
			if _, n, ok := twin.cs.Decode([]byte{tail[i]}); ok && n == 1 || next >= 0 && twin.pairs(tail[i], byte(next)) {
				dropped = false
			}
		}
		if dropped {
			out = append(out, a)
		}
	}
	if len(out) < 2 {
		// One candidate left is no choice among neighbours; refineCJK
		// weighs two or more.
		return nil
	}
	return out
}

// droppedInside handles one byte that a double-byte decoder dropped
// inside a sequence, which may be anywhere after its lead. The decoder
// drops a byte x that cannot start a pair with the byte y after it, and
// resumes at y; so the candidates are, for each position the byte may
// have held, the values that fit there and make no pair with what
// follows. For GBK that is nearly always 0x80, which GBK never accepts as
// a lead: "选" = E9 80 89 read after a character that took E9 comes out
// as (E9 [80 dropped]) (89 ..), and the candidates collapse to one.
func (w *wrongDecoder) droppedInside(sc *scratch, s string, j, p, k, need int, l, h byte, dec []byte, start int, opt Options) (int, []byte, *Inferred, bool) {
	b, kind := sc.b, sc.kind
	n := len(b)
	usable := func(q int) bool { return q < n && kind[q] != kindOpaque && kind[q] != kindFFFD }
	rest := need - 1 - k // bytes of the sequence still to come after the lost one
	for q := 0; q < rest; q++ {
		if !usable(p+q) || !isCont(b[p+q]) {
			return 0, nil, nil, false
		}
	}
	if rest == 0 && usable(p) && isCont(b[p]) {
		return 0, nil, nil, false // the next byte would have completed it
	}
	prefix := dec[start:] // lead and k-1 continuation bytes
	// after is the byte after the lost one when it was lost at the end
	// of prefix, or -1: the decoder drops a byte that makes no pair with
	// the byte it resumes at.
	after := -1
	if usable(p) {
		after = int(b[p])
	}
	twin := w.lossTwin()
	// In correct CJK text most positions have no candidate at all: that
	// is asked first, before the candidates' buffers below (a kilobyte
	// and a half of stack to clear) are set up.
	if !w.anyDropped(sc, j, k, l, h, prefix, after, twin) {
		return 0, nil, nil, false
	}
	return w.droppedCands(sc, s, j, p, k, rest, l, h, dec, start, after, twin, opt)
}

// anyDropped reports whether droppedCands finds a candidate: a position
// m after the lead where a character of the reading starts, and a byte
// there that makes no pair with the byte after it.
func (w *wrongDecoder) anyDropped(sc *scratch, j, k int, l, h byte, prefix []byte, after int, twin *wrongDecoder) bool {
	for m := 1; m <= k; m++ {
		if !sc.runeStart(j + m) {
			continue
		}
		y := after
		if m < k {
			y = int(prefix[m])
		}
		if y < 0 {
			return true
		}
		lo, hi := byte(0x80), byte(0xBF)
		if m == 1 {
			lo, hi = l, h
		}
		col := twin.pairsBefore(byte(y))
		for x := int(lo); x <= int(hi); x++ {
			if col[x>>6]&(1<<(x&63)) == 0 {
				return true
			}
		}
	}
	return false
}

// droppedCands lists and ranks the candidates of droppedInside, which
// found there are some (see anyDropped).
func (w *wrongDecoder) droppedCands(sc *scratch, s string, j, p, k, rest int, l, h byte, dec []byte, start, afterByte int, twin *wrongDecoder, opt Options) (int, []byte, *Inferred, bool) {
	b := sc.b
	n := len(b)
	prefix := dec[start:]
	// The candidates on the stack, as in inferLost, and one backing
	// array for all of them, made with the first for a position's 64 at
	// once: grown from nothing it was reallocated several times per lost
	// byte.
	var candsBuf [maxLost][]byte
	cands := candsBuf[:0]
	back := sc.candBack[:0]
	for m := 1; m <= k; m++ {
		// The decoder resumed right after the lost byte, so a character
		// of its reading starts there.
		if !sc.runeStart(j + m) {
			continue
		}
		lo, hi := byte(0x80), byte(0xBF)
		if m == 1 {
			lo, hi = l, h
		}
		y := afterByte
		if m < k {
			y = int(prefix[m])
		}
		// The first bytes that make a pair with y, looked up once for
		// the 64 values of x (see pairsBefore).
		var col *[4]uint64
		if y >= 0 {
			col = twin.pairsBefore(byte(y))
		}
		for x := int(lo); x <= int(hi); x++ {
			if col != nil && col[x>>6]&(1<<(x&63)) != 0 {
				continue
			}
			// The candidates share one backing array, as in inferLost,
			// sc's: they are read once, by score, which copies them.
			if cap(back) == 0 {
				back = make([]byte, 0, maxLost*(len(prefix)+1+rest))
			}
			at := len(back)
			back = append(append(append(back, prefix[:m]...), byte(x)), prefix[m:]...)
			back = append(back, b[p:p+rest]...)
			cands = append(cands, back[at:len(back):len(back)])
		}
	}
	if len(cands) == 0 {
		return 0, nil, nil, false
	}
	before := sc.islandRuneBefore(s, j, dec, start)
	after := rune(0)
	if q := p + rest; q < n {
		after = firstRune(s[sc.offsetAt(s, q):])
	}
	var open rune
	for _, c := range cands {
		if r, _ := utf8.DecodeRune(c); plausible.Closer(r) {
			open = sc.openAt(s, sc.offsetAt(s, j), string(dec[:start]))
			break
		}
	}
	// The candidates are priced and the choice made; their list is made
	// only if the island is weighed further (see Inferred.settle).
	lr := sc.newRanking()
	chosen := lr.rank(cands, before, after, open, opt.InferLost)
	sc.candBack = back[:0]
	dec = append(dec[:start], chosen...)
	return p + rest, dec, sc.lostChar(Inferred{Chosen: chosen, ranking: lr}), true
}

// lossTwin is the decoder whose pairs tell which bytes w may have
// dropped. GB18030 reads as private-use characters the user-defined
// pairs GBK cannot decode ("ワ" = E3 83 AF before E3: AF E3), so where
// GBK drops 0xAF, GB18030 could only have dropped 0x80, and the text
// would be read as "ダ". Nothing in the text tells the two decoders
// apart, so the candidates are GBK's, the wider set.
func (w *wrongDecoder) lossTwin() *wrongDecoder {
	if w.name() == "gb18030" {
		return gbkWrong
	}
	return w
}

// pairs reports whether the double-byte decoder reads x y as one
// character. droppedInside asks it for every candidate of every lost
// byte, so the answers are worked out once, a row of 256 at a time (see
// pairRow).
func (w *wrongDecoder) pairs(x, y byte) bool {
	row := &w.pairRows[x]
	row.once.Do(func() {
		pair := []byte{x, 0} // one buffer: Decode takes a slice, which escapes
		for y := range 256 {
			pair[1] = byte(y)
			if _, n, ok := w.cs.Decode(pair); ok && n == 2 {
				row.bits[y>>6] |= 1 << (y & 63)
			}
		}
	})
	return row.bits[y>>6]&(1<<(y&63)) != 0
}

// pairsBefore is the set of first bytes x, one bit each, that the
// double-byte decoder reads x y with as one character: pairs(x, y) for
// every x at once, as droppedInside asks for the candidates of a lost
// byte, up to 64 of them before the same y. Filled a column at a time
// on first use from the same decodings as pairs' rows: asked for one
// pair at a time, each of the 64 cost a call and a check of its row.
func (w *wrongDecoder) pairsBefore(y byte) *[4]uint64 {
	col := &w.pairCols[y]
	col.once.Do(func() {
		pair := []byte{0, y}
		for x := range 256 {
			pair[0] = byte(x)
			if _, n, ok := w.cs.Decode(pair); ok && n == 2 {
				col.bits[x>>6] |= 1 << (x & 63)
			}
		}
	})
	return &col.bits
}

// pairRow says, for one first byte x, which second bytes y a double-byte
// decoder reads x y with as one character. droppedInside asks for up to
// 64 values of x at each lost byte, and a decoding per question cost an
// allocation; a row is filled on first use, so a run that meets few lead
// bytes decodes few pairs.
type pairRow struct {
	once sync.Once
	bits [4]uint64
}

// cesuPair decodes a CESU-8 surrogate pair at the start of b, or returns
// size 0.
func cesuPair(b []byte, kind []byteKind) (rune, int) {
	if len(b) < 6 || b[0] != 0xED || b[1] < 0xA0 || b[1] > 0xAF || !isCont(b[2]) ||
		b[3] != 0xED || b[4] < 0xB0 || b[4] > 0xBF || !isCont(b[5]) {
		return 0, 0
	}
	for _, k := range kind[:6] {
		if k == kindOpaque || k == kindFFFD {
			return 0, 0
		}
	}
	hi := rune(b[1]&0x0F)<<6 | rune(b[2]&0x3F)
	lo := rune(b[4]&0x0F)<<6 | rune(b[5]&0x3F)
	return 0x10000 + hi<<10 | lo, 6
}

// prefersDropped decides, where a sequence's last byte is followed by a
// space, between two explanations: the space was byte 0xA0 ("Ã " for
// "à"), or the byte was one the decoder drops and the space is real
// (“encodingâ€ is” for “encoding” is”, 0x9D lost). Context picks the
// likelier character.
func (w *wrongDecoder) prefersDropped(sc *scratch, s string, j, p int, dec []byte, start int, lo, hi byte, opt Options) bool {
	if len(w.dropped) == 0 || !opt.LossySequences {
		return false
	}
	prefix := dec[start:]
	// The character before, as the island reads it: within an island
	// the text still shows the bytes of the character before as
	// mojibake ("ため、 " through windows-1252 with 0x81 dropped is
	// "ãŸã‚ã€ ", and "、" follows め, not "‚").
	before := sc.islandRuneBefore(s, j, dec, start)
	var buf [utf8.UTFMax + 1]byte
	withA0 := append(append(buf[:0], prefix...), 0xA0)
	rA, size := utf8.DecodeRune(withA0)
	if rA == utf8.RuneError || size != len(withA0) {
		return true
	}
	if len(prefix) == 1 && !w.lostFits(prefix[0]) {
		// A two-byte lead that no dropped byte completes to a character
		// people write (see lostFits): inferLost would offer none.
		// "groß und" asks this of every ß before a space.
		return false
	}
	afterSpace := rune(0)
	if p+1 < len(sc.b) {
		afterSpace = firstRune(s[sc.offsetAt(s, p+1):])
	}
	var alts []Scored
	if need, l2, h2 := utf8SeqLen(prefix[0]); need == 3 && len(prefix) == 2 && prefix[0] >= 0xE3 && sc.besideThreeBytes(s, j, dec, start, p) {
		// The dropped byte may have been the middle one, as parseSeq
		// reads it (see besideThreeBytes): the Korean object particle
		// "을" (EC 9D 84) before a space is "ì„ ", which also reads as
		// 선 (EC 84 A0) with the space for its 0xA0.
		// On the stack, as in inferLost: the page drops five bytes, and
		// each candidate, in either place, is three bytes of back,
		// which is never regrown under the candidates.
		var candBuf [8]byte
		var fullBuf [16][]byte
		var backBuf [48]byte
		cands := w.appendLostCandidates(candBuf[:0], lossUndefined, lo, hi)
		full, back := fullBuf[:0], backBuf[:0]
		for _, x := range cands {
			at := len(back)
			back = append(append(back, prefix...), x)
			full = append(full, back[at:len(back):len(back)])
		}
		full, _ = middleCandidates(full, back, prefix, cands, l2, h2)
		_, alts = inferLostBytes(full, before, ' ', 0, true)
	} else {
		_, alts = inferLost(prefix, w.lostCandidates(lossUndefined, lo, hi), before, ' ', 0, true)
	}
	if len(alts) == 0 {
		return false
	}
	dropped, a0 := -alts[0].Score, plausible.LostCost(before, rA, afterSpace)
	if math.Abs(dropped-a0) < choiceTie && unicode.IsLetter(rA) && isLetterText(alts[0].Text) {
		// The characters alone do not tell: in Russian capitals through
		// windows-1252 with 0x90 dropped, "ЦИФРА ДВА" reads "ЦИФРÐ
		// ДВÐ", and А (D0 90) before a space costs what Р (D0 A0, the
		// space its 0xA0) costs before the next word's capital. Where
		// both are letters, the words do: "ЦИФРА" and "ДВА" against
		// "ЦИФРРДВР".
		return sc.droppedReadsBetter(s, j, p, rA, alts)
	}
	return dropped < a0
}

// droppedCompletes reports whether prefix, the first bytes of a UTF-8
// sequence that lacks its last byte, is completed by a byte windows-1252
// drops to a character people write: "、" is E3 80 81.
func droppedCompletes(prefix []byte) bool {
	if len(prefix) == 0 {
		return false
	}
	need, lo, hi := utf8SeqLen(prefix[0])
	if need != len(prefix)+1 {
		return false
	}
	if len(prefix) > 1 {
		lo, hi = 0x80, 0xBF
	}
	var buf [utf8.UTFMax]byte
	b := append(buf[:0], prefix...)
	b = append(b, 0)
	for _, x := range utf8Wrong[0].dropped {
		if x < lo || x > hi {
			continue
		}
		b[len(prefix)] = x
		if _, ok := writable(b); ok {
			return true
		}
	}
	return false
}

// oneKindOfLoss reports whether a space after prefix, the first bytes of
// a character of s that lacks its last byte, must stay a space rather
// than be read as the character's 0xA0: the line shows bytes dropped
// inside its words (see dropsInWords), or the previous round's reading
// dropped bytes, and a dropped byte completes the character. One kind of
// loss explains the line: the page that drops bytes reads the character
// with its dropped byte (see prefersDropped), and a page that drops none
// would take the Japanese "、 " (E3 80 81, its 0x81 dropped) for 〠 (E3
// 80 A0) before it could.
func (sc *scratch) oneKindOfLoss(s string, prefix []byte) bool {
	return (sc.dropsInWords(s) || sc.settledDrops && sc.settledOf == s) && droppedCompletes(prefix)
}

// dropsInWords reports whether s, as windows-1252 bytes (see
// latinByte), shows the page dropping a byte inside a word: a two-byte
// lead that a byte the page drops completes, followed at once by a whole
// sequence of two bytes, where no byte was there to read a space from
// ("××ª", D7 D7 AA, is את with its 0x90 dropped); and shows no double
// space after a lead, the mark of spaces made of 0xA0 (see
// explainsDoubleSpaces). Correct Latin text has its accented capitals
// side by side ("AÇÃO", C7 C3 4F), but a pair of them is followed by no
// continuation byte. It reads s itself, not the bytes of the reading
// being walked, which hold only what islands can touch (see
// encodeLiveSingle).
func (sc *scratch) dropsInWords(s string) bool {
	if sc.dropsOf == s && len(s) > 0 {
		return sc.drops
	}
	sc.dropsOf = s
	w := utf8Wrong[0] // sloppy-windows-1252, the page that drops bytes
	// The last four runes' bytes, -1 for none.
	p := [4]int{-1, -1, -1, -1}
	cont := func(x int) bool { return x >= 0x80 && x <= 0xBF }
	found := false
	for _, r := range s {
		c := -1
		if x, ok := latinByte(r); ok {
			c = int(x)
		}
		p[0], p[1], p[2], p[3] = p[1], p[2], p[3], c
		if p[1] >= 0xC2 && p[1] <= 0xF4 && p[2] == ' ' && p[3] == ' ' {
			sc.drops = false
			return false
		}
		switch {
		case p[1] >= 0xC2 && p[1] <= 0xDF && p[2] >= 0xC2 && p[2] <= 0xDF && cont(p[3]) && w.lostFits(byte(p[1])):
			found = true
		case p[0] >= 0xE3 && p[0] <= 0xED && cont(p[1]) && p[2] >= 0xE3 && p[2] <= 0xED && cont(p[3]):
			// Kana, Han and Hangul lose a byte as well: "ã®ãƒ•" is
			// "のフ" with the 0x81 of の (E3 81 AE) dropped.
			found = true
		}
	}
	sc.drops = found
	return found
}

// choiceTie is how close, in bits, the character costs of a space read
// as 0xA0 and of a dropped byte before a real space may be for
// prefersDropped to ask the words instead.
const choiceTie = 1.0

// droppedReadsBetter reports whether the word before the space at byte p
// of sc's encoding of s reads better, by plausible.ChoiceCost in the
// line's languages, ending in the best of alts (a dropped byte put back)
// and followed by the next word, than ending in rA (the space read as
// 0xA0) and joined to the next word.
func (sc *scratch) droppedReadsBetter(s string, j, p int, rA rune, alts []Scored) bool {
	o, ns := sc.offsetAt(s, j), sc.offsetAt(s, p+1)
	ws, _ := wordBounds(s, o, o)
	_, ne := wordBounds(s, ns, ns)
	langs := sc.languages()
	word, next := s[ws:o], s[ns:ne]
	best := math.Inf(1)
	for _, a := range alts {
		if c := plausible.ChoiceCost(0, word+a.Text, ' ', langs); c < best {
			best = c
		}
	}
	split := best + plausible.ChoiceCost(' ', next, 0, langs)
	joined := plausible.ChoiceCost(0, word+string(rA)+next, 0, langs)
	return split < joined
}

// breaksPair reports whether the island s[from:to] continues a word and
// ends in a mark that closes the one left open before it, and its
// repair cand would take that mark away: in «Toločková» (Czech) "á»" is
// E1 BB, Vietnamese ề once a dropped byte is put back, but the » closes
// the «, and the word is whole. Mojibake that ends in a closing mark
// begins after the word it follows ("English.â€”" through windows-1250
// is the dash E2 80 94, 0x94 being ”).
func (sc *scratch) breaksPair(s string, from, to int, cand string) bool {
	if !plausible.ClassOf(lastRune(s[:from])).IsLetter() {
		return false // the island begins no word's last letter
	}
	r := lastRune(strings.TrimRight(s[from:to], " "))
	if strings.ContainsRune(cand, r) {
		return false
	}
	if plausible.Closer(r) {
		if open := sc.openAt(s, from, ""); open != 0 && plausible.Closes(open, r) {
			return true
		}
	}
	// ’ is an apostrophe as often as a closing mark, so the stack does
	// not hold ‘; but a ‘ after the line's last ’ is open, and the ’ that
	// ends the word closes it ("‘PRZEWIDYWAĆ’", where Ć’ is C6 92 through
	// windows-1257), unless another ’ follows, which is the real one.
	return r == '’' && strings.LastIndex(s[:from], "‘") > strings.LastIndex(s[:from], "’") &&
		!strings.HasPrefix(s[to:], "’")
}

// spaceEndsIsland reports whether the sequence from byte j to next of
// sc's encoding of s, decoded as d after the island's dec, holds a space
// read as a lost 0xA0 that is better taken as a space, so that the island
// ends before the sequence. Where the 0xA0 completes the very character
// that stands before it, the repair would only delete the space:
// windows-1251 shows Р (D0 A0) as "Р" and an NBSP, so a correct "ГЕНДЕР "
// reads as that damage. Where it completes a character nobody writes
// here (see strangeCompletion), the space stood between words: read as
// 0xA0, a correct "GUANACEVÍ " became "GUANACEV͠", a combining double
// tilde, riding on the repair of the Hebrew mojibake after it
// ("×”×—×‘×™××ª×"). "à¸ à¸²" (Thai ภา) and "Â â€ž" (NBSP „) stay whole.
func (sc *scratch) spaceEndsIsland(s string, j, next int, dec, d []byte) bool {
	o := sc.offsetAt(s, j)
	if strings.IndexByte(s[o:sc.offsetAt(s, next)], ' ') < 0 {
		return false
	}
	if lastRuneString(d) == firstRuneString(s[o:]) {
		return true
	}
	before := lastRune(s[:o])
	if len(dec) > 0 {
		before, _ = utf8.DecodeLastRune(dec)
	}
	return strangeCompletion(s, before, d)
}

// strangeCompletion reports whether the last character of dec, a
// sequence completed with a space read as 0xA0, is one people rarely
// write, a lost byte's U+FFFD, Han, kana or Hangul in a line that has
// none ("maledì " read as EC A0 and a lost byte is Hangul 적), or a letter
// of another script than the letter before the island, in the same word
// ("ΕΦΈΛΚΕΣΤΕ " through windows-1253 ends in C5 A0, Latin Š). A word's
// last letter and a space may be the NBSP's damage even where the
// language writes that letter ("servesÂ crème" is "serves\u00a0crème"
// in French), so that alone is no reason: the Russian "БОЙНОВ " through
// windows-1251 (В, and C2 A0) stays a known false positive in lines
// damaged elsewhere.
func strangeCompletion(s string, before rune, dec []byte) bool {
	last := lastRuneString(dec)
	if holdsRareNonCJK(last) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(last)
	if isCJKRune(r) && !strings.ContainsFunc(s, isCJKRune) {
		return true
	}
	cr, cb := plausible.ClassOf(r), plausible.ClassOf(before)
	if !cb.IsLetter() {
		return false
	}
	switch cr {
	case plausible.Math, plausible.Box, plausible.Dingbat, plausible.Currency, plausible.PrivateUse, plausible.Other:
		// A symbol glued to the end of a word: "„петцифров“ " through
		// windows-1251 is E2 93 A0, a circled ⓠ.
		return true
	}
	return cr.IsLetter() && cr.Script() != cb.Script()
}

// firstRuneString returns the first character of s as a string.
func firstRuneString(s string) string {
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}

// lastRuneString returns the last character of dec as a string.
func lastRuneString(dec []byte) string {
	_, size := utf8.DecodeLastRune(dec)
	return string(dec[len(dec)-size:])
}

// writtenAlone reports whether the character at byte j of sc's encoding
// of s is a letter of the line's language, in the case of its word, and
// the only character outside ASCII in the word: "IRMÃS" in Portuguese.
// A letter that is the whole word must be one the language writes as a
// word (see plausible.Languages.WritesAlone). Every two-byte lead
// windows-1252 shows is a capital (À to Þ), so a lead after small letters
// ("uzamÄeno", Czech č with 0x8D lost) is no letter of its word whatever
// the language.
func (sc *scratch) writtenAlone(s string, j int, w *wrongDecoder) bool {
	o := sc.offsetAt(s, j)
	r, size := utf8.DecodeRuneInString(s[o:])
	// The word is read first: choosing the line's languages reads all of
	// it, and a word with other letters outside ASCII, or a capital after
	// small letters, needs no language to refuse.
	ws, we := wordBounds(s, o, o+size)
	if hasNonASCII(s[ws:o]) || hasNonASCII(s[o+size:we]) {
		return false
	}
	if unicode.IsUpper(r) && strings.ContainsFunc(s[ws:o], unicode.IsLower) {
		return false
	}
	langs := sc.languages()
	if ws == o && we == o+size {
		// The letter is the whole word: the language must write it so.
		return langs.WritesAlone(r)
	}
	if !langs.Writes(r) {
		return false
	}
	// A letter the language writes stands unless the word reads better
	// with a letter a dropped byte would have made, by more than the
	// lost byte's price and the margin of any change (lossPrior +
	// margin): "NECESSÃRIO" in a line of Portuguese capitals is
	// necessário, Á (C3 81) with its 0x81 dropped, 49 bits cheaper with
	// Á; "IRMÃS" is irmãs, though the word lists, which hold no plurals,
	// make "irmás" 3.6 bits cheaper. The Czech word list holds words
	// with ä, and "Ve Ätvrtek" (č, C4 8D, with its 0x8D dropped) is "Ve
	// čtvrtek".
	before, after := lastRune(s[:ws]), firstRune(s[we:])
	word := s[ws:we]
	as := plausible.ChoiceCost(before, word, after, langs)
	lead := sc.b[j]
	for _, d := range w.dropped {
		c, n := utf8.DecodeRune([]byte{lead, d})
		if n != 2 || !unicode.IsLetter(c) {
			continue
		}
		alt := s[ws:o] + string(c) + s[o+size:we]
		if plausible.ChoiceCost(before, alt, after, langs)+lossPrior+margin < as {
			return false
		}
	}
	return true
}

// loneLeadChoice is what a word gains, by plausible.ChoiceCost, when
// the one letter s[from:to], a lead byte of the single-byte page w that
// lost the byte after it, is read as cand: readings of a word that differ
// in one letter are what ChoiceCost prices, with the language model at
// full weight and the words the language is written with. "CARÃCTER" in
// a Spanish line is carácter, Á (C3 81) with its 0x81 dropped; the island
// of one letter gained a bit or two with the language model at lmWeight,
// and the line needed ten. Where the line's language does not make the
// word gain enough, the lead is read in the language the line itself
// chooses (see loneLeadInLine), which may make it another letter than
// cand; it returns that letter with its gain. 0 where s[from:to] is not
// one letter inside a word or cand not one letter.
func (sc *scratch) loneLeadChoice(s string, from, to int, cand string, w *wrongDecoder) (float64, string) {
	r, size := utf8.DecodeRuneInString(s[from:])
	c, csize := utf8.DecodeRuneInString(cand)
	if from+size != to || csize != len(cand) || !unicode.IsLetter(r) || !unicode.IsLetter(c) {
		return 0, cand
	}
	ws, we := wordBounds(s, from, to)
	if ws == from && we == to {
		return 0, cand // a word of one letter: WritesAlone's to judge
	}
	// Only a letter the language does not write, read as one it does:
	// between two letters of other alphabets the language model has
	// nothing to say ("MÅLSØGENDE" among Czech words is no
	// "MŐLSØGENDE").
	if langs := sc.languages(); !langs.Writes(r) && langs.Writes(c) && writesTheRest(s, r, langs) {
		before, after := lastRune(s[:ws]), firstRune(s[we:])
		as := plausible.ChoiceCost(before, s[ws:we], after, langs)
		with := plausible.ChoiceCost(before, s[ws:from]+cand+s[to:we], after, langs)
		if as-with >= loneLeadEvidence {
			return as - with, cand
		}
	}
	return sc.loneLeadInLine(s, from, to, r, cand, w)
}

// loneLeadInLine weighs the lone lead r at s[from:to] as each letter a
// dropped byte of w would complete it to, each reading of its line in
// the language that prices that reading cheapest
// (plausible.CheapestLanguage), against the line as it stands in the
// language that prices it cheapest; it returns the best letter's gain
// where it reaches loneLeadEvidence, else 0 and cand. The letter tells
// the language as much as the language the letter: in "LETRA ÃRABE
// FATHATAN", the Spanish name of an Arabic mark with Á's 0x81 dropped,
// the letter pairs of the ASCII words chose French, in which Ï is the
// likeliest lost letter and no reading gains; the line read as Spanish
// gains 31 bits with Á. Only a short line is weighed so (see
// maxLoneLeadLine), which bounds the work per island too.
func (sc *scratch) loneLeadInLine(s string, from, to int, r rune, cand string, w *wrongDecoder) (float64, string) {
	var buf [utf8.UTFMax]byte
	enc, ok := w.encodeRune(buf[:0], r)
	if !ok || len(enc) != 1 || len(w.dropped) == 0 {
		return 0, cand
	}
	ls, le := lineAround(s, from, to, maxLoneLeadLine)
	if (ls > 0 && s[ls-1] != '\n') || (le < len(s) && s[le] != '\n') {
		return 0, cand // a long line: its letter pairs have spoken
	}
	line := s[ls:le]
	// The letters a dropped byte would complete r to, where one
	// alphabet has each beside the rest of the line's letters: most
	// lone leads stand in lines of mojibake ("Ø§Ù„" is Arabic) that
	// no language writes, and need no pricing.
	// A letter of another script than r's is no letter of r's line:
	// windows-1252's "Ð" is D0, with 0x90 or 0x9D dropped the Cyrillic
	// А or Н, and Chinese in GBK shown as Latin is full of it ("ÐÂ").
	script := plausible.ClassOf(r).Script()
	var letters [8]rune
	cands := letters[:0]
	for _, d := range w.dropped {
		c, n := utf8.DecodeRune([]byte{enc[0], d})
		if n == 2 && unicode.IsLetter(c) && plausible.ClassOf(c).Script() == script &&
			len(cands) < len(letters) && plausible.WrittenBeside(line, r, c) {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return 0, cand
	}
	asLangs, as := sc.cheapestAsItStands(line, script)
	if asLangs == nil || asLangs.Writes(r) || !writesTheRest(line, r, asLangs) {
		// The line is a language that writes r ("SÃO PAULO"), or not
		// one language, or too short to tell.
		return 0, cand
	}
	best, bestGain := cand, 0.0
	for _, c := range cands {
		alt := line[:from-ls] + string(c) + line[to-ls:]
		// Only the languages that write c: the reading is priced in
		// one of them, or it is not weighed at all.
		l, cost := plausible.CheapestLanguage(alt, script, c)
		if l == nil {
			continue
		}
		if writesTheRest(alt, c, l) && as-cost > bestGain {
			best, bestGain = string(c), as-cost
		}
		l.Release()
	}
	if bestGain < loneLeadEvidence {
		return 0, cand
	}
	return bestGain, best
}

// cheapestAsItStands is plausible.CheapestLanguage(line, script, 0),
// remembered for the last line asked: a line's lone leads are weighed
// one island at a time, in every round, against the same line as it
// stands.
func (sc *scratch) cheapestAsItStands(line string, script plausible.Script) (*plausible.Languages, float64) {
	c := &sc.leadLine
	if !c.priced || c.line != line || c.script != script {
		if c.langs != nil {
			c.langs.Release()
		}
		c.line, c.script, c.priced = strings.Clone(line), script, true
		c.langs, c.cost = plausible.CheapestLanguage(line, script, 0)
	}
	return c.langs, c.cost
}

// cheapestLine is what cheapestAsItStands remembers.
type cheapestLine struct {
	priced bool
	line   string
	script plausible.Script
	langs  *plausible.Languages
	cost   float64
}

// maxLoneLeadLine is how far, in bytes, a lone lead's line may reach on
// either side for loneLeadInLine to weigh it: some ten words. The lines
// whose letter pairs choose a language from too little are short ones,
// labels and the names of characters; pricing a long line in every
// language, round after round, was a quarter of what the dev set's
// Latin lines cost the search, and changed none.
const maxLoneLeadLine = 60

// lineAround returns the bounds of the line of s around s[from:to], cut
// to at most max bytes beside it on each side, at a space where there is
// one.
func lineAround(s string, from, to, max int) (ls, le int) {
	ls = strings.LastIndexByte(s[:from], '\n') + 1
	if from-ls > max {
		ls = from - max
		if sp := strings.IndexByte(s[ls:from], ' '); sp >= 0 {
			ls += sp + 1
		}
	}
	le = len(s)
	if nl := strings.IndexByte(s[to:], '\n'); nl >= 0 {
		le = to + nl
	}
	if le-to > max {
		le = to + max
		if sp := strings.LastIndexByte(s[to:le], ' '); sp >= 0 {
			le = to + sp
		}
	}
	// A cut inside a character would leave bytes no reading prices.
	for ls < from && !utf8.RuneStart(s[ls]) {
		ls++
	}
	for le > to && le < len(s) && !utf8.RuneStart(s[le]) {
		le--
	}
	return ls, le
}

// loneLeadEvidence is the least a word must gain by its lone lead read
// as another letter for loneLeadChoice to speak: as much as would carry
// a line alone (totalMargin), pay for the lost byte (lossPrior) and clear
// the margin of any change. A German "Ätzen" among Latvian words reads
// 15.5 bits better as "ātzen"; Latvian "izdrukÄts" gains 28.8 as
// izdrukāts, Spanish "CARÃCTER" 36.5 as CARÁCTER.
const loneLeadEvidence = totalMargin + lossPrior + margin

// writesTheRest reports whether the language chosen for the script of r
// writes every other letter of that script in s outside ASCII, but r
// itself, wherever it stands, and whether s has at least
// loneLeadLetters letters of that script besides: whether the line
// speaks that language alone, and enough of it, for its model to judge
// a lone lead. A line of Danish and Czech words in capitals, "MÅLSØGENDE
// CHUTNÝ VAT RÁBIKOVÁ STÅLPROFIL", chose a language that writes Ő and
// neither Å nor Ø, and is correct; so is "“Ätzen” Ungursala", a German
// word beside a Latvian one, whose thirteen letters chose Latvian.
func writesTheRest(s string, r rune, langs *plausible.Languages) bool {
	script := plausible.ClassOf(r).Script()
	letters := 0
	for _, x := range s {
		if x == r || !unicode.IsLetter(x) || plausible.ClassOf(x).Script() != script {
			continue
		}
		letters++
		if x >= utf8.RuneSelf && !langs.Writes(x) {
			return false
		}
	}
	return letters >= loneLeadLetters
}

// loneLeadLetters is how many letters of its script a line needs beside
// a lone lead for writesTheRest: as many as plausible.LanguagesOf needs
// to choose a language at all. The word must still gain
// loneLeadEvidence, which a lone lead's reading in a line of the wrong
// language does not: short lines are where a lone lead is the only
// damage, as in the translated names of characters and the labels of
// user interfaces ("LETTRE THAÃE SO ROUSI" is THAÏE, C3 8F; "HIBA A
// FÃJL MEGNYITÃSAKOR" is FÁJL and MEGNYITÁSAKOR, C3 81). Twice as many
// left every such line of fewer than 24 letters as it stood, and lowering
// the count changed no correct line of bench/regress's sets.
const loneLeadLetters = 12

// writtenWithA0 reports whether lead byte x followed by 0xA0 is a
// character people write: then a space after a lone x more likely stood
// for that 0xA0 ("Ð " in "Ð¡Ð¢Ð ÐžÐ§" is Р, D0 A0) than for a dropped
// byte at the end of a word.
func writtenWithA0(x byte) bool {
	r, size := utf8.DecodeRune([]byte{x, 0xA0})
	return size == 2 && plausible.RuneCost(r) < 14
}

// unpairedWith keeps, in place, the candidates x that the double-byte
// decoder w reads with y as no character: w marks x lost because it pairs
// with nothing after it. Where none is left, the marks are no such loss,
// and all are kept.
func (w *wrongDecoder) unpairedWith(cands []byte, y byte) []byte {
	kept := cands[:0:len(cands)]
	for _, x := range cands {
		if !w.pairs(x, y) {
			kept = append(kept, x)
		}
	}
	if len(kept) == 0 {
		return cands[:cap(kept)]
	}
	return kept
}

// lostCandidates lists the byte values a lost byte may have had.
func (w *wrongDecoder) lostCandidates(how string, lo, hi byte) []byte {
	return w.appendLostCandidates(nil, how, lo, hi)
}

// appendLostCandidates appends lostCandidates(how, lo, hi) to c: parseSeq
// asks for them at every lost byte it weighs, into a buffer on its
// stack.
func (w *wrongDecoder) appendLostCandidates(c []byte, how string, lo, hi byte) []byte {
	// A strict single-byte decoder loses only the bytes it leaves
	// undefined, whether it drops them or marks them with U+FFFD.
	if how == lossUndefined || !w.multi && len(w.dropped) > 0 {
		for _, x := range w.dropped {
			if x >= lo && x <= hi {
				c = append(c, x)
			}
		}
		return c
	}
	for x := int(lo); x <= int(hi); x++ {
		c = append(c, byte(x))
	}
	return c
}

// inferLost completes prefix with each candidate byte and ranks the
// resulting characters in context. It returns the chosen character (or
// U+FFFD when context cannot decide and infer is off or the winner is not
// clear) and the ranked alternatives.
// mayClose reports whether some completion of prefix by one byte of
// cands is a mark QuoteCost prices, so that inferLost needs to know what
// quotation is open; finding out scans the line, and most lost bytes
// (those of hanzi, of accented letters) complete no such mark.
func mayClose(prefix []byte, cands []byte) bool {
	var buf [utf8.UTFMax]byte
	if len(prefix) >= len(buf) {
		return false
	}
	n := copy(buf[:], prefix)
	for _, x := range cands {
		buf[n] = x
		if r, size := utf8.DecodeRune(buf[:n+1]); size == n+1 && plausible.Closer(r) {
			return true
		}
	}
	return false
}

func inferLost(prefix []byte, cands []byte, before, after rune, open rune, infer bool) (string, []Scored) {
	// One backing array for all the candidates: a lost continuation
	// byte has up to 64 of them, and this runs for every lost byte.
	n := len(prefix) + 1
	back := make([]byte, 0, n*len(cands))
	// On the stack for the most candidates a lost byte has (see
	// lostCandidates): a line of damaged CJK text asks this at every
	// character.
	var fullBuf [maxLost][]byte
	full := fullBuf[:0]
	for _, x := range cands {
		back = append(append(back, prefix...), x)
		full = append(full, back[len(back)-n:len(back):len(back)])
	}
	return inferLostBytes(full, before, after, open, infer)
}

// inferLostBytes ranks complete candidate sequences for a damaged
// character in context, as inferLost does.
func inferLostBytes(cands [][]byte, before, after rune, open rune, infer bool) (string, []Scored) {
	if len(cands) == 0 {
		return "\uFFFD", nil
	}
	n := 0
	for _, buf := range cands {
		n += len(buf)
	}
	var rsBuf [maxLost]lostRanked // on the stack, as in inferLost
	rs, texts, vs16 := scoreLost(rsBuf[:0], make([]byte, 0, n), cands, before, after, open)
	chosen, trim := chooseLost(rs, texts, vs16, infer)
	return chosen, sortLost(rs, texts, trim)
}

// lostRanking is inferLostBytes's work on the candidates of a lost
// character, split where the choice is made: the candidates priced, in
// their order, and the choice, which needs the best two of them alone;
// the alternatives, every candidate sorted best first, are made from it
// when they are asked for. A double-byte page's walk through correct CJK
// text reads a lost byte here and there, each with 64 candidates, and
// most of their islands are refused: sorting the candidates and making
// the list of them was a third of the inference, for nothing (see
// droppedCands and Inferred.settle).
type lostRanking struct {
	rs    []lostRanked
	texts []byte // every kept candidate's text, one after another
	trim  bool   // the alternatives are trimmed (see chooseLost)
}

// lostRanked is a candidate's price and where its text lies in texts:
// sorting plain numbers moves no strings (a lost byte of a CJK
// character has 64 candidates, every one a character people write).
type lostRanked struct {
	score, context float64
	at, size       int
}

// rank prices cands as scoreLost does and makes the choice, which it
// returns, as chooseLost does, into lr's buffers.
func (lr *lostRanking) rank(cands [][]byte, before, after rune, open rune, infer bool) string {
	n := 0
	for _, buf := range cands {
		n += len(buf)
	}
	var (
		vs16   bool
		chosen string
	)
	lr.rs, lr.texts, vs16 = scoreLost(lr.rs[:0], slices.Grow(lr.texts[:0], n), cands, before, after, open)
	chosen, lr.trim = chooseLost(lr.rs, lr.texts, vs16, infer)
	return chosen
}

// alternatives returns the candidates best first, trimmed where the
// choice said so.
func (lr *lostRanking) alternatives() []Scored {
	return sortLost(lr.rs, lr.texts, lr.trim)
}

// scoreLost appends to rs the price of each of cands, the complete
// candidate sequences, between before and after, with open the
// quotation mark left open before them, and to texts their text; vs16
// says U+FE0F was a candidate, left out.
func scoreLost(rs []lostRanked, texts []byte, cands [][]byte, before, after rune, open rune) (_ []lostRanked, _ []byte, vs16 bool) {
	for _, buf := range cands {
		r, ok := writable(buf)
		if !ok && !(r == 0xFE0F && len(buf) == 3 && plausible.TakesEmojiStyle(before)) {
			// The emoji variation selector is invisible, but after a
			// character that takes it (⚠️ is E2 9A A0 EF B8 8F) it is
			// what a lost byte of EF B8 xx most likely was.
			vs16 = vs16 || r == 0xFE0F && len(buf) == 3
			continue
		}
		// buf is r's own encoding: DecodeRune takes the shortest form only.
		lost, chars := plausible.LostCostClosing(before, r, open, after)
		quote := plausible.QuoteCost(r, open) - heldSymbolBits(r)
		// The range convention ranks but is left out of the context
		// the words are weighed with, which price it themselves, where
		// they see the numbers (see plausible.RangeCost).
		rs = append(rs, lostRanked{score: -lost - quote - plausible.RangeCost(before, r, after), context: -(lost - chars) - quote, at: len(texts), size: len(buf)})
		texts = append(texts, buf...)
	}
	return rs, texts, vs16
}

// heldSymbolBits is what a symbol the character model prices by its
// class alone (plausible.Unranked) gains as a lost byte's candidate for
// each legacy code page that holds it: log2(1+n) bits for n of the
// single-byte pages UTF-8 is read through (utf8Wrong). The pages kept the
// symbols people wrote: "€" (E2 82 AC) is in seven of them, and a lost
// AC after "over [E2 82]" among the 48 currency signs and subscripts of
// E2 82 xx is "€50", where the class alone left U+FFFD; "™" is in seven,
// "≤" and "√" in two, "₧" in one, the rest of their blocks in none.
func heldSymbolBits(r rune) float64 {
	if r < 0x2000 || r >= 0x10000 || !plausible.Unranked(r) {
		return 0
	}
	return heldSymbols()[r]
}

// heldSymbols counts, once, the pages of utf8Wrong that hold each symbol
// heldSymbolBits prices, as bits.
var heldSymbols = sync.OnceValue(func() map[rune]float64 {
	n := map[rune]int{}
	for _, w := range utf8Wrong {
		if w.sb == nil {
			continue
		}
		for b := 0x80; b <= 0xFF; b++ {
			if r, ok := w.sb.DecodeByte(byte(b)); ok && r >= 0x2000 && plausible.Unranked(r) {
				n[r]++
			}
		}
	}
	bits := make(map[rune]float64, len(n))
	for r, k := range n {
		bits[r] = math.Log2(1 + float64(k))
	}
	return bits
})

// before reports whether x comes before y, best first: among equal
// scores the earlier stays first. Scores are sums of finite costs, so
// ">" orders them. The earlier is the one whose text comes first in
// texts: with that tie-break the order is total, and the unstable sort,
// which a lost CJK byte's 64 candidates take in half the time, puts them
// where the stable one would.
func (x lostRanked) before(y lostRanked) bool {
	return x.score > y.score || x.score == y.score && x.at < y.at
}

// chooseLost returns the character chosen for a loss whose candidates
// scoreLost priced, with infer, or U+FFFD, as inferLostBytes chooses from
// the sorted alternatives: it reads the best two candidates, found
// without sorting. trim says the alternatives are to be trimmed.
func chooseLost(rs []lostRanked, texts []byte, vs16, infer bool) (chosen string, trim bool) {
	best, second := -1, -1
	for k, c := range rs {
		switch {
		case best < 0 || c.before(rs[best]):
			best, second = k, best
		case second < 0 || c.before(rs[second]):
			second = k
		}
	}
	if !infer || best < 0 {
		return "\uFFFD", false
	}
	b := rs[best]
	text := texts[b.at : b.at+b.size]
	r, _ := utf8.DecodeRune(text)
	if c := plausible.ClassOf(r); c == plausible.Han || c == plausible.Kana || c == plausible.Hangul {
		// For a CJK character the neighbours rarely decide among 64
		// candidates: say so with U+FFFD rather than guess, unless one
		// stands out.
		if second >= 0 && b.score-rs[second].score < 2 {
			return "\uFFFD", false
		}
	}
	if (vs16 || second >= 0 && rs[second].score > b.score-symbolMargin) && plausible.Unranked(r) {
		// Symbols of one block that nothing tells apart (📁, 📍, 📏,
		// 📐 and 📝 are F0 9F 93 and a lost 0x81, 0x8D, 0x8F, 0x90 or
		// 0x9D): a guess would put a symbol the writer never chose
		// where U+FFFD says what happened. So too where U+FE0F was
		// left out, the commonest character of its block in text with
		// emoji: ︐ (EF B8 90) chosen over it would be a guess.
		return "\uFFFD", true
	}
	// A choice that is no CJK character trims the alternatives;
	// refineCJK needs them all.
	return string(text), !isCJKRune(r)
}

// sortLost returns the candidates scoreLost priced, best first, trimmed
// with trim. It sorts rs in place.
func sortLost(rs []lostRanked, texts []byte, trim bool) []Scored {
	slices.SortFunc(rs, func(x, y lostRanked) int {
		switch {
		case x.score > y.score:
			return -1
		case y.score > x.score:
			return 1
		}
		return x.at - y.at
	})
	if trim {
		// Only the best are listed (see trimAlternatives): a lost
		// continuation byte has 64 candidates, and a list of them all
		// was a tenth of what a line of damaged CJK text allocated.
		rs = rs[:min(len(rs), maxAlternatives)]
	}
	all := string(texts)
	alts := make([]Scored, len(rs))
	for i, c := range rs {
		alts[i] = Scored{Text: all[c.at : c.at+c.size], Score: c.score, context: c.context}
	}
	return alts
}

// readAs reports whether b[p:p+size] are bytes that the wrong decoder
// read (not U+FFFD or a character it could not have made) and begin and
// end on characters of the text.
func (sc *scratch) readAs(p, size int) bool {
	for k := p; k < p+size; k++ {
		if sc.kind[k] != kindFirst && sc.kind[k] != kindPlain {
			return false
		}
	}
	return sc.runeStart(p) && sc.runeStart(p+size)
}

// isLetterText reports whether t is one letter of some script. Marks
// have their punctuation context to choose them, letters only their word.
func isLetterText(t string) bool {
	r, size := utf8.DecodeRuneInString(t)
	return size > 0 && size == len(t) && plausible.ClassOf(r).IsLetter()
}

// tieMargin is how much cheaper than the next its word must make a
// marked loss's character, once the line's languages are known, for it
// to be put back rather than U+FFFD.
const tieMargin = 0.25

// symbolMargin is how much likelier than the next a lost symbol must be
// to be put back: a symbol has no word to be re-chosen in, so only its
// price against the others speaks for it.
const symbolMargin = 1.0

// maxLost is the most candidates a lost byte usually has: any of the 64
// continuation bytes. More are appended past the stack buffers sized by
// it.
const maxLost = 64

// writable decodes buf, a candidate for a damaged character, and reports
// whether it is one character people write, and a visible one: a lost
// byte is put back only as such ("ÖÄ£" is no Armenian sign that lost a
// byte, and a guessed zero-width joiner would hide the loss).
func writable(buf []byte) (rune, bool) {
	r, size := utf8.DecodeRune(buf)
	if r == utf8.RuneError || size != len(buf) {
		return r, false
	}
	if r <= 0xFFFF {
		// From the table: a lost byte's 64 candidates are priced at
		// every lost byte, and their classes and costs are the same
		// each time.
		return r, writableOf(r)
	}
	return r, writableRune(r)
}

// writableRune is writable for a rune: one people write, and visible.
func writableRune(r rune) bool {
	// isCJKRune first: a CJK candidate's cost is its frequency in four
	// languages, and it is not asked for.
	return !(!isCJKRune(r) && plausible.RuneCost(r) >= 14 || plausible.ClassOf(r) == plausible.Format)
}

// writableTable holds writableRune for the runes up to U+FFFF, in blocks
// of 256 filled on first use.
var writableTable [0x100]atomic.Pointer[[4]uint64]

// writableOf returns writableRune(r) for r up to U+FFFF, from the table.
func writableOf(r rune) bool {
	block := writableTable[r>>8].Load()
	if block == nil {
		block = new([4]uint64)
		for k := range 256 {
			if writableRune(r&^0xFF | rune(k)) {
				block[k>>6] |= 1 << (k & 63)
			}
		}
		// Two goroutines may fill the same block: they fill it alike.
		writableTable[r>>8].Store(block)
	}
	return block[r&0xFF>>6]&(1<<(r&63)) != 0
}

// maxRefined is how many of a lost letter's candidates, best first by
// their neighbours, refineLost weighs in the word.
const maxRefined = 8

// refineSlack is the most that re-choosing lost characters can be
// expected to add to an island's gain.
const refineSlack = 12.0

// refineLost re-chooses each inferred character of an island now that the
// whole island is decoded: the first choice saw only its neighbours, but
// the word it completes tells more. Russian "ÑÑ‚" (D1 [81 lost] D1 82)
// could be "ст", "эт" or "ят"; in "уСтройСтв" only "устройств" is a word.
func (sc *scratch) refineLost(s string, from, to int, dec []byte, lost []Inferred, langs *plausible.Languages, final bool) []byte {
	for k := range lost {
		dec = sc.refineOneLost(s, from, to, dec, lost, k, langs, final)
	}
	for k := 0; k+1 < len(lost); k++ {
		if next, changed := sc.refineLostPair(s, from, to, dec, lost, k, langs); changed {
			// Each is weighed again beside the other's new letter, so
			// that the plan lists its choice first among its
			// alternatives, scored as it stands.
			dec = sc.refineOneLost(s, from, to, next, lost, k, langs, final)
			dec = sc.refineOneLost(s, from, to, dec, lost, k+1, langs, final)
		}
	}
	return dec
}

// refineOneLost re-chooses lost[k] in its word (see refineLost).
func (sc *scratch) refineOneLost(s string, from, to int, dec []byte, lost []Inferred, k int, langs *plausible.Languages, final bool) []byte {
	in := &lost[k]
	if in.Chosen == "\uFFFD" || len(in.Alternatives) < 2 || cjkLike(firstRune(in.Chosen)) {
		return dec
	}
	if !in.standsIn(dec) {
		return dec
	}
	off := in.Offset
	best, bestCost, nextCost := in.Chosen, math.Inf(1), math.Inf(1)
	next := ""
	// The candidates weighed in the word are the plan's
	// alternatives from here on, scored as they were weighed: the
	// first scores saw only the neighbours, and "с -5.0 э -5.0 я
	// -5.0" would not say why "ст" was chosen.
	weighed := slices.Clone(in.Alternatives[:min(len(in.Alternatives), maxRefined)])
	if sc.lostSplit == nil {
		sc.lostSplit = new(lostSplit)
	}
	split := sc.lostSplit
	split.off, split.n, split.ready = off, len(in.Chosen), false
	for a := range weighed {
		alt := &weighed[a]
		sc.trial = append(append(append(sc.trial[:0], dec[:off]...), alt.Text...), dec[off+len(in.Chosen):]...)
		split.alt = alt.Text
		c := sc.wordCost(s, from, to, bytesView(sc.trial), langs, split, dec) - alt.context
		if !plausible.WrittenTogether(bytesView(wordAt(sc.trial, off, len(alt.Text)))) {
			c += mixedAlphabets
		}
		alt.Score = -c
		switch {
		case c < bestCost:
			best, bestCost, next, nextCost = alt.Text, c, best, bestCost
		case c < nextCost:
			next, nextCost = alt.Text, c
		}
	}
	for a := range weighed {
		weighed[a].Score -= -bestCost // relative to the best: 0, then below
	}
	// Best first, as the plan lists them; the stable sort keeps
	// the neighbours' order among equals, which breaks ties.
	slices.SortStableFunc(weighed, func(x, y Scored) int { return cmp.Compare(y.Score, x.Score) })
	in.Alternatives = weighed
	if final && in.marked && nextCost-bestCost < tieMargin && isLetterText(best) && isLetterText(next) {
		// A marked loss that neither the word nor the neighbours
		// decide: "ItÃ?Â¢", "It’s" read twice with one byte of ’
		// marked '?', is Á, Í, Ï or Ý in no word of any language.
		// The mark said a character was lost; U+FFFD says so still,
		// where a guessed letter adds one nobody wrote, and a later
		// layer reads it as more mojibake (Ï¢ through Mac Roman is
		// the Hangul 좉).
		best = "\uFFFD"
	}
	if best != in.Chosen {
		dec = rechoose(dec, lost, k, best)
	}
	return dec
}

// wordAt returns the word of t, letters and marks, around t[off:off+n].
func wordAt(t []byte, off, n int) []byte {
	i, j := off, off+n
	for i > 0 {
		r, size := utf8.DecodeLastRune(t[:i])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) {
			break
		}
		i -= size
	}
	for j < len(t) {
		r, size := utf8.DecodeRune(t[j:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) {
			break
		}
		j += size
	}
	return t[i:j]
}

// mixedAlphabets is what a lost letter costs in its word where with it
// no one alphabet writes the word's letters outside ASCII (see
// plausible.WrittenTogether): the margin of any change. In "Flights
// from ÅÃ³dÅº to Reykjavík", an English line, the lost byte after C5 is
// ō, ŝ, Ł or Ő, letters English has none of, and the capital cost a bit
// more than the small letters after a space; only Ł makes "Łó" a Polish
// pair.
const mixedAlphabets = margin

// maxPairRefined is how many of each of two adjacent lost letters'
// candidates refineLostPair weighs together.
const maxPairRefined = 4

// pairMargin is how much likelier a pair of lost letters chosen together
// must make their word than the pair chosen one at a time: as much as
// would carry a line (totalMargin). The pair a letter at a time is a
// choice the word's letters already weighed; overturning both at once
// leans on the language model alone, and where the line's language was
// taken for another (a Russian line of capitals for Bulgarian) or the
// model misprices a letter (Greek "σύρσιμο" costs 4 bits more than
// "σρύσιμο"), a smaller gain swapped two correct letters.
const pairMargin = totalMargin

// refineLostPair chooses two lost letters side by side, lost[k] and
// lost[k+1], together, among the best few of each: one at a time, each
// chosen beside the other's first letter, they can settle on a pair the
// word never writes. Russian "ЗНАЧЕНИЕ" read through windows-1252 with
// 0x9D and 0x90 dropped is "Ð—ÐÐ§..." (Н is D0 9D, А D0 90), each "Ð" one
// of the same few letters: beside a first choice of А, Н is the better
// second letter, and beside that Н, А the better first, and the line
// read "ЗАНЧЕНИЕ", 31 bits dearer than the word. It reports whether it
// changed them, and returns dec with the pair in place.
func (sc *scratch) refineLostPair(s string, from, to int, dec []byte, lost []Inferred, k int, langs *plausible.Languages) ([]byte, bool) {
	a, b := &lost[k], &lost[k+1]
	if a.Chosen == "\uFFFD" || b.Chosen == "\uFFFD" || len(a.Alternatives) < 2 || len(b.Alternatives) < 2 ||
		!isLetterText(a.Chosen) || !isLetterText(b.Chosen) || cjkLike(firstRune(a.Chosen)) || cjkLike(firstRune(b.Chosen)) ||
		!a.standsIn(dec) || !b.standsIn(dec) || a.Offset+len(a.Chosen) != b.Offset {
		return dec, false
	}
	off := a.Offset
	tail := dec[b.Offset+len(b.Chosen):]
	cost := func(x, y Scored) float64 {
		sc.trial = append(append(append(append(sc.trial[:0], dec[:off]...), x.Text...), y.Text...), tail...)
		return sc.wordCost(s, from, to, bytesView(sc.trial), langs, nil, dec) - x.context - y.context
	}
	var cur [2]Scored
	for _, alt := range a.Alternatives {
		if alt.Text == a.Chosen {
			cur[0] = alt
		}
	}
	for _, alt := range b.Alternatives {
		if alt.Text == b.Chosen {
			cur[1] = alt
		}
	}
	if cur[0].Text == "" || cur[1].Text == "" {
		return dec, false
	}
	best, bestCost := cur, cost(cur[0], cur[1])-pairMargin
	for _, x := range a.Alternatives[:min(len(a.Alternatives), maxPairRefined)] {
		if !isLetterText(x.Text) || cjkLike(firstRune(x.Text)) {
			continue
		}
		for _, y := range b.Alternatives[:min(len(b.Alternatives), maxPairRefined)] {
			if !isLetterText(y.Text) || cjkLike(firstRune(y.Text)) || x.Text == cur[0].Text && y.Text == cur[1].Text {
				continue
			}
			if c := cost(x, y); c < bestCost {
				best, bestCost = [2]Scored{x, y}, c
			}
		}
	}
	if best == cur {
		return dec, false
	}
	dec = rechoose(dec, lost, k, best[0].Text)
	dec = rechoose(dec, lost, k+1, best[1].Text)
	return dec, true
}

// standsIn reports whether in's chosen character is at its offset in dec.
func (in *Inferred) standsIn(dec []byte) bool {
	off := in.Offset
	return off >= 0 && off+len(in.Chosen) <= len(dec) && string(dec[off:off+len(in.Chosen)]) == in.Chosen
}

// rechoose puts best in place of lost[k]'s chosen character in a copy of
// dec, and moves the offsets of the lost characters after it.
func rechoose(dec []byte, lost []Inferred, k int, best string) []byte {
	in := &lost[k]
	off := in.Offset
	dec = append(append(append([]byte(nil), dec[:off]...), best...), dec[off+len(in.Chosen):]...)
	shift := len(best) - len(in.Chosen)
	in.Chosen = best
	for m := k + 1; m < len(lost); m++ {
		lost[m].Offset += shift
	}
	return dec
}

// cjkLike reports whether r is a Han, kana or Hangul character or CJK
// punctuation (。、「」，).
func cjkLike(r rune) bool {
	return isCJKRune(r) || plausible.ClassOf(r) == plausible.CJKPunct
}

// cjkCompletions lists the common Han, kana, Hangul and CJK punctuation
// characters whose UTF-8 encoding of need bytes begins with prefix, for a
// character that lost its other bytes. The list is shared: the caller
// copies it before changing it (see Inferred.borrowAlternatives).
func cjkCompletions(prefix []byte, need int) []Scored {
	if need != 3 || len(prefix) == 0 || len(prefix) >= need {
		return nil
	}
	if prefix[0]&0xF0 != 0xE0 || len(prefix) > 1 && !isCont(prefix[1]) {
		return nil
	}
	alts := leadCompletions(prefix[0])
	if len(prefix) == 2 {
		// Rune order is byte order: the runes that begin with the two
		// bytes are one stretch of the lead's list.
		lo := rune(prefix[0]&0x0F)<<12 | rune(prefix[1]&0x3F)<<6
		from := sort.Search(len(alts), func(i int) bool { return firstRune(alts[i].Text) >= lo })
		to := sort.Search(len(alts), func(i int) bool { return firstRune(alts[i].Text) > lo|0x3F })
		alts = alts[from:to]
	}
	if len(alts) < 2 {
		return nil
	}
	return alts
}

// cjkMiddles lists the common CJK characters of three bytes that begin
// with lead and end with last, the middle byte being any of lo..hi.
func cjkMiddles(lead, last, lo, hi byte) []Scored {
	alts := commonCJK(func(yield func(rune) bool) {
		for x := int(lo); x <= int(hi); x++ {
			r, size := utf8.DecodeRune([]byte{lead, byte(x), last})
			if size == 3 && !yield(r) {
				return
			}
		}
	})
	if len(alts) < 2 {
		return nil
	}
	return alts
}

// commonCJK scores the characters of three bytes among runes that are
// common Han, kana, Hangul or CJK punctuation by their own cost, their
// texts sharing one string.
func commonCJK(runes iter.Seq[rune]) []Scored {
	var alts []Scored
	var texts []byte // every candidate's text, one string in the end
	for r := range runes {
		if !cjkLike(r) || plausible.RuneCost(r) >= rareCJKCost {
			continue
		}
		texts = utf8.AppendRune(texts, r)
		alts = append(alts, Scored{Score: -plausible.RuneCost(r)})
	}
	all := string(texts)
	for i := range alts {
		alts[i].Text = all[3*i : 3*i+3]
	}
	return alts
}

// completionsOfLead caches, per lead byte E0–EF, the common CJK characters
// of three bytes that begin with it, in rune order, each scored by its
// own cost: every lost character that kept only its lead asks for the
// same list.
var completionsOfLead [16]struct {
	once  sync.Once
	alts  []Scored
	freq  []float64 // plausible.FrequencyCost of each of alts (see leadFrequencies)
	runes []rune    // the rune of each of alts, ascending (see ascendingRunes)
}

func leadCompletions(lead byte) []Scored {
	c := &completionsOfLead[lead&0x0F]
	c.once.Do(func() {
		lo, hi := rune(lead&0x0F)<<12, rune(lead&0x0F)<<12|0xFFF
		c.alts = commonCJK(func(yield func(rune) bool) {
			for r := max(lo, 0x3000); r <= hi; r++ {
				if !yield(r) {
					return
				}
			}
		})
		c.freq = make([]float64, len(c.alts))
		c.runes = make([]rune, len(c.alts))
		for i, alt := range c.alts {
			c.runes[i] = firstRune(alt.Text)
			c.freq[i] = plausible.FrequencyCost(c.runes[i])
		}
	})
	return c.alts
}

// leadStretch returns where alts lies in its lead byte's list (see
// leadCompletions and cjkCompletions) and the lead, when alts is a
// stretch of that list, the same elements of the same array; else ok is
// false.
func leadStretch(alts []Scored) (k int, lead byte, ok bool) {
	if len(alts) == 0 || len(alts[0].Text) != 3 || alts[0].Text[0]&0xF0 != 0xE0 {
		return 0, 0, false
	}
	lead = alts[0].Text[0]
	all := leadCompletions(lead)
	r := firstRune(alts[0].Text)
	k = sort.Search(len(all), func(i int) bool { return firstRune(all[i].Text) >= r })
	// The same element of the same array: alts is all[k:k+len(alts)].
	if k+len(alts) > len(all) || &all[k] != &alts[0] {
		return 0, 0, false
	}
	return k, lead, true
}

// leadRunes returns the runes of alts, ascending, from its lead byte's
// list, when alts is a stretch of it (see leadStretch); otherwise nil.
func leadRunes(alts []Scored) []rune {
	k, lead, ok := leadStretch(alts)
	if !ok {
		return nil
	}
	return completionsOfLead[lead&0x0F].runes[k : k+len(alts)]
}

// leadFrequencies returns plausible.FrequencyCost of the first rune of
// each of alts where alts is a stretch of a lead byte's list (see
// leadCompletions and cjkCompletions), from the list's own figures,
// worked out once; otherwise nil. A character that kept only its lead
// has a lead's candidates, up to 1,594, and each refinement priced them
// all again.
func leadFrequencies(alts []Scored) []float64 {
	k, lead, ok := leadStretch(alts)
	if !ok {
		return nil
	}
	return completionsOfLead[lead&0x0F].freq[k : k+len(alts)]
}

// frequencyCost is plausible.FrequencyCost(r) for the candidate a of a
// list whose figures leadFrequencies found, or freq nil.
func frequencyCost(freq []float64, a int, r rune) float64 {
	if freq != nil {
		return freq[a]
	}
	return plausible.FrequencyCost(r)
}

// cjkChoiceShare is the share of the probability of all candidates that
// the best one for a lost Han, kana or Hangul character must hold, three
// to two against all the others together, before it is put back; with
// less, the character stays U+FFFD. A wrong character is worse than
// U+FFFD, so a choice must be right well over half the time: on the
// Chinese and Japanese texts of the dev set's lossy GBK and Shift_JIS
// cases, with tables derived from the other half of its texts
// (bench/halves), the characters put back with a share between 0.6 and
// 0.75 were right 23 times in 31 (74%), those between 0.55 and 0.6 7 in
// 12. Those choices all had a CJK neighbour (or a line end, or an ASCII
// word before); a character whose neighbours are neither, which the
// tables know nothing about, is chosen by its frequency alone and must
// hold cjkBareShare ("ő[E5 92 ?]l" in a line of Shift_JIS read as
// windows-1252 is no 咏).
const cjkChoiceShare = 0.6

// cjkBareShare is cjkChoiceShare for a lost character without a
// neighbour in the pair table.
const cjkBareShare = 0.75

// choiceShare is the share the best candidate for a lost CJK character
// between prev and next must hold: cjkChoiceShare where either is in the
// pair table's range (CJK, langstats.LineEnd, langstats.ASCIIWord),
// cjkBareShare where neither is.
func choiceShare(prev, next rune) float64 {
	if inPairRange(prev) || inPairRange(next) {
		return cjkChoiceShare
	}
	return cjkBareShare
}

// inPairRange reports whether r can be a member of a pair of
// langstats.PairPMI: U+3000–U+FFFF.
func inPairRange(r rune) bool { return r >= 0x3000 && r <= 0xFFFF }

// cjkDisagree is how many bits below the best candidate by the neighbours
// a CJK mark chosen by the punctuation model may score before the two are
// said to disagree.
const cjkDisagree = 2.0

// refineCJK re-chooses each lost CJK character of an island by its
// neighbours once the island is decoded. Sixty-four characters share a
// lead and a middle byte, and their own frequencies rarely set one apart;
// the characters beside it often do: "进[E8 A1 8C]补全" with 0x8C lost
// could be 行 or 衍 or 衡 and a dozen more, and only 进行 is a word people
// write. A choice stands only when it is cjkChoiceMargin bits likelier
// than any other; otherwise the character is U+FFFD, as the plan says.
func refineCJK(s string, from, to int, dec []byte, lost []Inferred, line langCounts) []byte {
	// The island's writing, told once by the characters it kept and
	// those of the islands kept before it in its line (line; see
	// islandLanguage), prices each candidate (see languageCost).
	c := line
	c.addIsland(dec, lost)
	lang := c.lang()
	dec, done := refineCJKPairs(s, from, to, dec, lost, lang)
	for k := range lost {
		if done != nil && done[k] {
			continue
		}
		in := &lost[k]
		// A punctuation mark already chosen by its context (a closing
		// 」 for an open 「) stands; a hanzi chosen by frequency alone, or
		// U+FFFD, is chosen again.
		if len(in.Alternatives) < 2 || !cjkLike(firstRune(in.Alternatives[0].Text)) ||
			in.Chosen != "\uFFFD" && !cjkLike(firstRune(in.Chosen)) || plausible.Closer(firstRune(in.Chosen)) {
			continue
		}
		// A CJK mark the punctuation model chose is replaced only by a
		// confident choice: "没有输入[EF BC ?]" read "！" where Chinese
		// writes "，" far more often.
		keep := in.Chosen
		if isCJKRune(firstRune(keep)) {
			keep = "\uFFFD"
		}
		if !in.standsIn(dec) {
			continue
		}
		off := in.Offset
		prev2, prev, next, next2 := cjkNeighbours(s, from, to, dec, off, off+len(in.Chosen))

		// Score each candidate as a chain prev → r → next: its own
		// frequency, how strongly it pairs with each neighbour, and how
		// much likelier each run of three it makes than its pairs say
		// ("パケ?ト" is ケット, not ケント, though ケン and ント are
		// common pairs), all in bits. The scores replace the first ones
		// in the plan.
		// The neighbours' entries in the tables are found once for all
		// the candidates (up to a lead byte's hundreds); each term is the
		// lookup's own figure, summed in the same order.
		// The scores are written into a buffer of their own (see
		// scoreBuffer), not into a copy of the candidates.
		prevPairs, prevTriples := langstats.PairsOf(prev), langstats.TriplesOf(prev)
		beforeTriples := langstats.TriplesOf(prev2).Then(prev)
		buf := getScores(len(in.Alternatives))
		scores := *buf
		// The same sum, each term read by a cursor (see
		// langstats.PairCursor), the candidates taken in rune order:
		// their own where they come so, else an order sorted once.
		// Candidates ranked by their neighbours (a lost byte's 64 through
		// a double-byte page) come in no rune order, and were each
		// looked up in five tables, two of them by their own first
		// entry.
		pp, np, bt := prevPairs.Cursor(), langstats.PairsEndingIn(next).Cursor(), beforeTriples.Cursor()
		pt, nt := prevTriples.Cursor(), langstats.TriplesEndingIn(next, next2).Cursor()
		runes, order := orderedRunes(in.Alternatives)
		if order == nil {
			freq := leadFrequencies(in.Alternatives)
			for a, r := range *runes {
				scores[a] = -frequencyCost(freq, a, r) - languageCost(lang, r) + pp.PMI(r) + np.PMI(r) +
					bt.Last(r) + pt.I3(r, next) + nt.I3(r)
			}
		} else {
			// No stretch of a lead byte's list (see leadFrequencies),
			// which comes in rune order.
			for _, a := range *order {
				r := (*runes)[a]
				scores[a] = -plausible.FrequencyCost(r) - languageCost(lang, r) + pp.PMI(r) + np.PMI(r) +
					bt.Last(r) + pt.I3(r, next) + nt.I3(r)
			}
			putOrder(order)
		}
		putRunes(runes)
		scoreKatakanaWords(s, from, to, dec, off, off+len(in.Chosen), in.Alternatives, scores)
		in.rescored(scores)
		best, bestScore := "\uFFFD", math.Inf(-1)
		for a, alt := range in.Alternatives {
			if scores[a] > bestScore {
				best, bestScore = alt.Text, scores[a]
			}
		}
		// sum is of each candidate's probability relative to the best's,
		// and the best is put back only if it holds share of it. Every
		// term is positive and a rounded sum never shrinks as terms are
		// added, nor does a rounded 1/sum grow, so once the sum so far
		// leaves the best less than share, the whole sum does too, and
		// the rest need not be added: a lead byte's 1,594 candidates
		// with no neighbour to tell them apart ("[E7 ? ?]" between two
		// lost characters in Chinese read through Big5) outweigh the
		// best within a few dozen.
		share := choiceShare(prev, next)
		var sum float64
		unsure := false
		var powers exp2Memo
		for a := range in.Alternatives {
			sum += powers.exp2(scores[a] - bestScore)
			if a%16 == 15 && 1/sum < share {
				unsure = true
				break
			}
		}
		// Nor is a character the island's writing never uses put back,
		// however sure the neighbours: "作为选项的结束[E3 81 ?]" holds
		// only kana, all alike unlikely in Chinese, and ね pairs with 束
		// in Japanese.
		if unsure || 1/sum < share || foreignTo(lang, firstRune(best)) {
			best = keep
			// A disagreement puts back U+FFFD, which best holds already
			// where keep is U+FFFD: a character that kept only its lead
			// ("[E7 ? ?]" in Chinese read through Big5) has 1,594
			// candidates, each compared with keep for nothing.
			for a := 0; keep != "\uFFFD" && a < len(in.Alternatives); a++ {
				if in.Alternatives[a].Text == keep && scores[a] < bestScore-cjkDisagree {
					// The punctuation model and the neighbours disagree:
					// "！" where the pairs and frequencies want "，".
					// Neither is sure, so the mark is unknown.
					best = "\uFFFD"
				}
			}
		}
		in.Alternatives, in.shared = bestScoredOf(in.Alternatives, scores, maxAlternatives), false
		putScores(buf)
		if best != in.Chosen {
			dec = rechoose(dec, lost, k, best)
		}
	}
	return dec
}

// katakanaWordBits is how much likelier, in bits, a candidate for a lost
// katakana letter is when it makes its run of katakana the words of the
// lexicon (langstats.KatakanaWord): the letters beside it see two letters
// each way, and "キーワー?" is キーワード only by the whole word (ワール is
// as common a run as ワード). Measured on the runs of three katakana or
// more in the dev set's Japanese texts: 86% split into words of the
// lexicon, and of the runs one wrong letter makes of them (each other
// katakana that shares the letter's first two bytes, as a lost last byte
// leaves them), 6.8% do; log2(0.86/0.068) is 3.7.
const katakanaWordBits = 4.0

// isKatakanaLetter reports whether r is a letter of the katakana lexicon:
// U+30A1–U+30FA or the prolonged sound mark ー.
func isKatakanaLetter(r rune) bool { return r >= 0x30A1 && r <= 0x30FA || r == 0x30FC }

// scoreKatakanaWords adds katakanaWordBits to the score of each candidate
// for the lost character dec[lo:hi] that splits the run of katakana
// around it into words of the lexicon, and into the fewest such words of
// any candidate: of the wrong runs above that split where the right one
// also does, 65% need more words than it and 0.1% fewer, so a candidate
// that needs more earns nothing ("プラ?トフォーム" is one word with ッ, two
// with ン: プラント, フォーム). Runs of fewer than three letters, and runs
// too long for the lexicon's words to span, are left to the neighbours.
func scoreKatakanaWords(s string, from, to int, dec []byte, lo, hi int, alts []Scored, scores []float64) {
	// Each side is read only as far as a run the lexicon can span, so
	// that a long line of katakana with many lost letters costs each of
	// them the same.
	const most = 3 * 2 * langstats.MaxKatakanaWord
	left := katakanaBefore(dec[max(0, lo-most):lo])
	if left == lo {
		left += katakanaBefore(s[max(0, from-most):from])
	}
	right := katakanaAfter(dec[hi:min(len(dec), hi+most)])
	if right == len(dec)-hi {
		right += katakanaAfter(s[to:min(len(s), to+most)])
	}
	n := (left+right)/3 + 1 // letters in the run, three bytes each
	if n < 3 || n > 2*langstats.MaxKatakanaWord {
		return
	}
	// The run's text before and after the lost letter.
	before := s[from-(left-min(left, lo)):from] + string(dec[lo-min(left, lo):lo])
	after := string(dec[hi:hi+min(right, len(dec)-hi)]) + s[to:to+right-min(right, len(dec)-hi)]
	var split katakanaSplitter
	split.init(before, after)
	var wordsBuf [maxKatakanaCandidates]int
	words := wordsBuf[:min(len(alts), maxKatakanaCandidates)]
	fewest := 0
	for i := range words {
		words[i] = 0
		if isKatakanaLetter(firstRune(alts[i].Text)) {
			words[i] = split.fewestWith(alts[i].Text)
		}
		if k := words[i]; k > 0 && (fewest == 0 || k < fewest) {
			fewest = k
		}
	}
	for i, k := range words {
		if k == fewest && fewest > 0 {
			scores[i] += katakanaWordBits
		}
	}
}

// maxKatakanaCandidates bounds the candidates scoreKatakanaWords weighs:
// the best by their neighbours come first, and a lost last byte leaves 64.
const maxKatakanaCandidates = 64

// katakanaBefore returns the length in bytes of the run of katakana
// letters that ends t. Every letter is three bytes, E3 82 A1 to E3 83 BC,
// so the run is read three bytes at a time, without decoding.
func katakanaBefore[T string | []byte](t T) int {
	i := len(t)
	for i >= 3 && isKatakanaBytes(t[i-3], t[i-2], t[i-1]) {
		i -= 3
	}
	return len(t) - i
}

// katakanaAfter returns the length in bytes of the run of katakana
// letters that begins t.
func katakanaAfter[T string | []byte](t T) int {
	i := 0
	for i+3 <= len(t) && isKatakanaBytes(t[i], t[i+1], t[i+2]) {
		i += 3
	}
	return i
}

// isKatakanaBytes reports whether the UTF-8 sequence b0 b1 b2 encodes a
// letter isKatakanaLetter accepts.
func isKatakanaBytes(b0, b1, b2 byte) bool {
	if b0 != 0xE3 {
		return false
	}
	r := rune(b1&0x3F)<<6 | rune(b2&0x3F) | 0x3000
	return (b1 == 0x82 || b1 == 0x83) && b2&0xC0 == 0x80 && isKatakanaLetter(r)
}

// katakanaSplitter finds the fewest words of the lexicon a run of
// katakana splits into, for each letter that may stand at one position
// of it. The words on either side of the position are found once; for
// each letter only the words through it are looked up, and only as long
// as some word of the lexicon begins with what they hold.
type katakanaSplitter struct {
	before, after string // the run's letters before and after the position
	// head[i] is the fewest words before[:3i] splits into, and tail[i]
	// the fewest after[3i:] splits into, where headOK[i] and tailOK[i]
	// say it splits at all (the empty run splits into none).
	head, tail     [2*langstats.MaxKatakanaWord + 1]int
	headOK, tailOK [2*langstats.MaxKatakanaWord + 1]bool
	// starts lists the letters of before where a word through the
	// position may begin: the part before splits up to there, and some
	// word of the lexicon begins with the rest.
	starts    []int
	startsBuf [langstats.MaxKatakanaWord]int
}

// init prepares sp for the run before + letter + after, each of at most
// 2*langstats.MaxKatakanaWord letters.
func (sp *katakanaSplitter) init(before, after string) {
	*sp = katakanaSplitter{before: before, after: after}
	nb, na := len(before)/3, len(after)/3
	sp.headOK[0] = true
	for end := 2; end <= nb; end++ {
		for start := max(0, end-langstats.MaxKatakanaWord); start <= end-2; start++ {
			k := sp.head[start] + 1
			if sp.headOK[start] && (!sp.headOK[end] || k < sp.head[end]) && langstats.KatakanaWord(before[3*start:3*end]) {
				sp.head[end], sp.headOK[end] = k, true
			}
		}
	}
	sp.tailOK[na] = true
	for start := na - 2; start >= 0; start-- {
		for end := start + 2; end <= min(na, start+langstats.MaxKatakanaWord); end++ {
			k := sp.tail[end] + 1
			if sp.tailOK[end] && (!sp.tailOK[start] || k < sp.tail[start]) && langstats.KatakanaWord(after[3*start:3*end]) {
				sp.tail[start], sp.tailOK[start] = k, true
			}
		}
	}
	sp.starts = sp.startsBuf[:0]
	for start := nb; start >= max(0, nb-langstats.MaxKatakanaWord+1); start-- {
		if sp.headOK[start] && (start == nb || langstats.KatakanaPrefix(before[3*start:])) {
			sp.starts = append(sp.starts, start)
		}
	}
}

// fewestWith returns the fewest words the run splits into with letter
// at the position, or 0 if it splits into none.
func (sp *katakanaSplitter) fewestWith(letter string) int {
	nb, na := len(sp.before)/3, len(sp.after)/3
	fewest := 0
	for _, start := range sp.starts {
		// The word runs from before[3*start:] through letter into after.
		for end := 0; end <= na && nb-start+1+end <= langstats.MaxKatakanaWord; end++ {
			w := sp.before[3*start:] + letter + sp.after[:3*end]
			word, prefix := langstats.KatakanaLookup(w)
			if word && sp.tailOK[end] {
				if k := sp.head[start] + 1 + sp.tail[end]; fewest == 0 || k < fewest {
					fewest = k
				}
			}
			if !prefix {
				break
			}
		}
	}
	return fewest
}

// cjkNeighbours returns the two characters on each side of dec[lo:hi],
// across the island s[from:to]'s edges, as the pair and triple tables
// know them: the end of a line is langstats.LineEnd ("される[E3 80 ?]" at
// the end of a line is "される。"), and an ASCII word before, perhaps with
// a space between, is langstats.ASCIIWord ("OS [E3 81 ?]値" is "OS の値").
// (The tables also hold the pairs of a character and the ASCII word after
// it, but those chose too eagerly: "は" for "と" in "オプション[?]
// plugin", where any particle fits.) A space or an ASCII mark after the
// character, with no ASCII word after the space, is langstats.ASCIIBreak:
// a run of Japanese stops there on ます, never on ませ ("使われま[E3 81 ?]
// (SMTP"). A single space between CJK
// characters is passed over: Chinese written with spaces between its
// words ("是 [E4 B8 ?][E4 B8 ?] 字符串") keeps its words' associations
// across them: of the 4,096 pairs two lost last bytes allow, 是 and 字
// tell "一个".
func cjkNeighbours(s string, from, to int, dec []byte, lo, hi int) (prev2, prev, next, next2 rune) {
	left := s[max(0, from-2*utf8.UTFMax):from] + string(dec[:lo])
	right := string(dec[hi:]) + s[to:min(len(s), to+2*utf8.UTFMax)]
	prev, size := utf8.DecodeLastRuneInString(left)
	prev2 = lastRune(left[:len(left)-size])
	next, size = utf8.DecodeRuneInString(right)
	next2 = firstRune(right[size:])
	if next == utf8.RuneError && size == 0 || next == '\n' || next == '\r' {
		next, next2 = langstats.LineEnd, 0
	}
	if isASCIIWordRune(prev) || prev == ' ' && isASCIIWordRune(prev2) {
		prev, prev2 = langstats.ASCIIWord, 0
	} else if prev == ' ' && isCJKRune(prev2) {
		prev, prev2 = prev2, 0
	}
	switch {
	case next == ' ' && isCJKRune(next2):
		next, next2 = next2, 0
	case next < utf8.RuneSelf && !isASCIIWordRune(next) && !(next == ' ' && isASCIIWordRune(next2)):
		// A space or a mark ends the run; the ASCII word after a
		// space is no neighbour (see above).
		next, next2 = langstats.ASCIIBreak, 0
	}
	return prev2, prev, next, next2
}

// maxPairCandidates bounds how many candidates of each of two adjacent
// lost characters are weighed together: the best by their outer
// neighbours, out of the hundreds a lead byte alone allows.
const maxPairCandidates = 48

// refineCJKPairs chooses two adjacent lost CJK characters together, where
// neither has a first choice: each one's only inner neighbour is the
// other, unknown, so alone each is weighed against one side only. Together
// the pair is scored as one chain, and each character is put back when
// its share of the probability, summed over the other's candidates, is
// choiceShare: "るため[? ?]、" is には, though に and は alone each
// have rivals. It reports which lost characters it settled.
func refineCJKPairs(s string, from, to int, dec []byte, lost []Inferred, lang cjkLang) ([]byte, []bool) {
	if len(lost) < 2 {
		return dec, nil // most islands lose one character, or none
	}
	done := make([]bool, len(lost))
	pure := func(in *Inferred) bool {
		return in.Chosen == "\uFFFD" && len(in.Alternatives) >= 2 && cjkLike(firstRune(in.Alternatives[0].Text)) && in.standsIn(dec)
	}
	for k := 0; k+1 < len(lost); k++ {
		a, b := &lost[k], &lost[k+1]
		if !pure(a) || !pure(b) || a.Offset+len(a.Chosen) != b.Offset {
			continue
		}
		prev2, prev, _, _ := cjkNeighbours(s, from, to, dec, a.Offset, b.Offset)
		_, _, next, next2 := cjkNeighbours(s, from, to, dec, b.Offset, b.Offset+len(b.Chosen))
		share := choiceShare(prev, next)
		// Each side's own terms, then the best few of each. The
		// neighbours' entries in the tables are found once for all the
		// candidates (see refineCJK).
		prevPairs, prevTriples := langstats.PairsOf(prev), langstats.TriplesOf(prev)
		beforeTriples := langstats.TriplesOf(prev2).Then(prev)
		bufA, bufB := getScores(len(a.Alternatives)), getScores(len(b.Alternatives))
		scoresA, scoresB := *bufA, *bufB
		if runes := ascendingRunes(a.Alternatives); runes != nil {
			pp, bt := prevPairs.Cursor(), beforeTriples.Cursor()
			freq := leadFrequencies(a.Alternatives)
			for i, r := range *runes {
				scoresA[i] = -frequencyCost(freq, i, r) - languageCost(lang, r) + pp.PMI(r) + bt.Last(r)
			}
			putRunes(runes)
		} else {
			for i, alt := range a.Alternatives {
				r := firstRune(alt.Text)
				scoresA[i] = -plausible.FrequencyCost(r) - languageCost(lang, r) + prevPairs.PMI(r) + beforeTriples.Last(r)
			}
		}
		if runes := ascendingRunes(b.Alternatives); runes != nil {
			np, nt := langstats.PairsEndingIn(next).Cursor(), langstats.TriplesEndingIn(next, next2).Cursor()
			freq := leadFrequencies(b.Alternatives)
			for i, r := range *runes {
				scoresB[i] = -frequencyCost(freq, i, r) - languageCost(lang, r) + np.PMI(r) + nt.I3(r)
			}
			putRunes(runes)
		} else {
			for i, alt := range b.Alternatives {
				r := firstRune(alt.Text)
				scoresB[i] = -plausible.FrequencyCost(r) - languageCost(lang, r) + langstats.PairPMI(r, next) + langstats.TripleI3(r, next, next2)
			}
		}
		a.rescored(scoresA)
		b.rescored(scoresB)
		as, bs := bestScoredOf(a.Alternatives, scoresA, maxPairCandidates), bestScoredOf(b.Alternatives, scoresB, maxPairCandidates)
		putScores(bufA)
		putScores(bufB)
		// On the stack, as ma and mb below: a line of Chinese read
		// through Big5 weighs such a pair at every other character,
		// and these were most of the bytes it allocated.
		var jointBuf [maxPairCandidates * maxPairCandidates]float64
		joint := jointBuf[:len(as)*len(bs)]
		top := math.Inf(-1)
		// b's runes are decoded once, and for each of a's candidates its
		// entries in the tables are found once for all of b's: the
		// 48 by 48 pairs are most of what a line of damaged CJK text
		// costs. Each term is the lookup's own figure, summed in the
		// same order as PairPMI(rx, ry) + TripleI3(prev, rx, ry) +
		// TripleI3(rx, ry, next).
		// b's candidates are taken in rune order, which a stable sort
		// of their places gives once, so that cursors read a's entries
		// (see langstats.PairCursor); each figure still goes to its
		// own place in joint, and max is the same in any order.
		var rysBuf [maxPairCandidates]rune
		var byRuneBuf [maxPairCandidates]int
		rys, byRune := rysBuf[:0], byRuneBuf[:0]
		for j, y := range bs {
			rys = append(rys, firstRune(y.Text))
			byRune = append(byRune, j)
		}
		slices.SortStableFunc(byRune, func(x, y int) int { return cmp.Compare(rys[x], rys[y]) })
		for i, x := range as {
			rx := firstRune(x.Text)
			xPairs, xTriples, midTriples := langstats.PairsOf(rx).Cursor(), langstats.TriplesOf(rx).Cursor(), prevTriples.Then(rx).Cursor()
			for _, j := range byRune {
				ry := rys[j]
				v := x.Score + bs[j].Score + xPairs.PMI(ry) + midTriples.Last(ry) + xTriples.I3(ry, next)
				joint[i*len(bs)+j] = v
				// max(top, v) without its care for the sign of zero,
				// which nothing here sees (top is only subtracted, and
				// exp2(±0) is 1); a NaN is kept as max keeps it.
				if v > top || v != v {
					top = v
				}
			}
		}
		// Each candidate's probability, summed over the other's, relative
		// to the best pair's.
		var maBuf, mbBuf [maxPairCandidates]float64
		ma, mb := maBuf[:len(as)], mbBuf[:len(bs)]
		var total float64
		var powers exp2Memo
		for i := range as {
			for j := range bs {
				p := powers.exp2(joint[i*len(bs)+j] - top)
				ma[i] += p
				mb[j] += p
				total += p
			}
		}
		pick := func(cands []Scored, m []float64) string {
			best, bestP := "\uFFFD", 0.0
			for i := range cands {
				cands[i].Score = math.Log2(m[i] / total)
				if m[i] > bestP {
					best, bestP = cands[i].Text, m[i]
				}
			}
			if bestP/total < share || foreignTo(lang, firstRune(best)) {
				return "\uFFFD"
			}
			return best
		}
		ca, cb := pick(as, ma), pick(bs, mb)
		a.Alternatives, a.shared = bestScored(as, maxAlternatives), false
		b.Alternatives, b.shared = bestScored(bs, maxAlternatives), false
		if cb != b.Chosen {
			dec = rechoose(dec, lost, k+1, cb)
		}
		if ca != a.Chosen {
			dec = rechoose(dec, lost, k, ca)
		}
		done[k], done[k+1] = true, true
		k++
	}
	return dec, done
}

// exp2Memo is math.Exp2 remembered for the arguments asked last, each
// in a slot of its own bits. The candidates for a lost CJK character
// score on a coarse grid (a frequency class of whole bits, figures of
// the pair and triple tables in quarter bits, mostly none), so that the
// 48 by 48 pairs refineCJKPairs weighs, or a lead byte's 1,594
// candidates in refineCJK, differ from the best by a few dozen distinct
// amounts: each power is worked out once, the same float64 as before.
type exp2Memo struct {
	bits [exp2Slots]uint64
	pow  [exp2Slots]float64
	set  [exp2Slots]bool
}

const exp2Slots = 64

func (m *exp2Memo) exp2(x float64) float64 {
	b := math.Float64bits(x)
	i := b * 0x9E3779B97F4A7C15 >> 58 // 64 slots
	if m.set[i] && m.bits[i] == b {
		return m.pow[i]
	}
	p := math.Exp2(x)
	m.bits[i], m.pow[i], m.set[i] = b, p, true
	return p
}

// isASCIIWordRune reports whether r is an ASCII letter or digit.
func isASCIIWordRune(r rune) bool {
	return r < utf8.RuneSelf && (isASCIILetter(byte(r)) || r >= '0' && r <= '9')
}

// maxAlternatives is how many candidates for a lost character the plan
// lists: enough to show what else was considered, not the thousand
// characters a CJK lead byte begins.
const maxAlternatives = 12

func trimAlternatives(alts []Scored) []Scored {
	if len(alts) > maxAlternatives {
		return alts[:maxAlternatives:maxAlternatives]
	}
	return alts
}

// refineInDraft re-chooses the lost characters of spans once more, in the
// languages of the line as the spans repair it. The damaged line is in no
// language ("Ð¼ÐµÐ½ÑÐµÑ‚ÑÑ", with 0x8F and 0x81 dropped), so the
// first choices were made without a language's words and came out as
// "менсетяэ"; the draft line is Russian, and in Russian the word is
// "меняется". The spans' gains stand: they were measured against the
// damaged line.
func (sc *scratch) refineInDraft(s string, spans []span) {
	open := false
	for _, sp := range spans {
		for _, in := range sp.inferred {
			if len(in.Alternatives) > 1 && in.Chosen != "\uFFFD" && !cjkLike(firstRune(in.Chosen)) {
				open = true
			}
		}
	}
	if !open {
		return
	}
	langs := sc.languagesOf(assemble(s, spans))
	for i := range spans {
		sp := &spans[i]
		if len(sp.inferred) == 0 {
			continue
		}
		lost := make([]Inferred, len(sp.inferred))
		for k, in := range sp.inferred {
			in.Offset -= sp.from // back to an offset within the span's text
			lost[k] = in
		}
		dec := sc.refineLost(s, sp.from, sp.to, []byte(sp.text), lost, langs, true)
		if string(dec) != sp.text {
			sp.text = string(dec)
			sp.scripts = scriptsOf(sp.text)
		}
		// The plan lists the alternatives as weighed here, in the
		// line's languages, whether or not the choice changed.
		for k := range lost {
			lost[k].Offset += sp.from
		}
		sp.inferred = lost
	}
}

func lettersOnly(alts []Scored) []Scored {
	out := alts[:0]
	for _, a := range alts {
		if plausible.ClassOf(firstRune(a.Text)).IsLetter() {
			out = append(out, a)
		}
	}
	return out
}

// bestScored returns the k best of a, best first, as a stable sort of a
// would list them, without sorting all of a: the candidates for a lost
// CJK character run to a thousand, the plan keeps a dozen.
func bestScored(a []Scored, k int) []Scored {
	out := make([]Scored, 0, k+1)
	for _, x := range a {
		if len(out) == k && x.Score <= out[k-1].Score {
			continue
		}
		i := len(out)
		for i > 0 && out[i-1].Score < x.Score {
			i--
		}
		out = slices.Insert(out, i, x)
		if len(out) > k {
			out = out[:k]
		}
	}
	return out
}

// bestScoredOf is bestScored(a, k) for a list a whose candidates scored
// scores, each in place of its Score: the same candidates in the same
// order, with those scores. A lost character's candidates are a list
// the search shares (see cjkCompletions), up to a lead byte's 1,594,
// and its rescoring wrote a copy of them all to keep a dozen.
func bestScoredOf(a []Scored, scores []float64, k int) []Scored {
	var at [maxPairCandidates + 1]int // k is at most maxPairCandidates
	top := at[:0]
	// last is scores[top[k-1]] once top is full, kept beside it: most
	// of a lead byte's 1,594 candidates fall below it, and the check
	// read it through top for each.
	full, last := false, 0.0
	for i, x := range scores[:len(a)] {
		if full && x <= last {
			continue
		}
		j := len(top)
		for j > 0 && scores[top[j-1]] < x {
			j--
		}
		top = slices.Insert(top, j, i)
		if len(top) > k {
			top = top[:k]
		}
		if len(top) == k {
			full, last = true, scores[top[k-1]]
		}
	}
	out := make([]Scored, len(top), k+1)
	for j, i := range top {
		out[j] = Scored{Text: a[i].Text, Score: scores[i], context: a[i].context}
	}
	return out
}

// pairs is a stack of the quotation marks and brackets a text has
// opened and not closed, innermost last.
type pairs []rune

// scan updates the stack with the marks of s.
func (p pairs) scan(s string) pairs {
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		if n := len(p); n > 0 && plausible.Closes(p[n-1], r) {
			p = p[:n-1]
			continue
		}
		if plausible.Opens(r) && len(p) < 16 {
			p = append(p, r)
		}
	}
	return p
}

func (p pairs) top() rune {
	if len(p) == 0 {
		return 0
	}
	return p[len(p)-1]
}

// openAt returns the innermost mark left open before offset o of s, with
// extra (text already decoded in the current island) after it. The
// stack covers s up to pairPos, with accepted spans' readings in place
// of their text; islands are visited left to right.
//
// The stack is scanned on from the last offset asked for, not from
// pairPos: in a line where no island is accepted (a megabyte of "Ã"),
// scanning from pairPos every time made each window quadratic.
func (sc *scratch) openAt(s string, o int, extra string) rune {
	var buf [16]rune
	var p pairs
	switch {
	case o < sc.pairPos:
		p = append(pairs(buf[:0]), sc.pairs...)
	case sc.openValid && sc.openOf == s && sc.openPos <= o:
		p = append(pairs(buf[:0]), sc.openStack...).scan(s[sc.openPos:o])
	default:
		p = append(pairs(buf[:0]), sc.pairs...).scan(s[sc.pairPos:o])
	}
	if o >= sc.pairPos {
		sc.openStack = append(sc.openStack[:0], p...)
		sc.openPos, sc.openOf, sc.openValid = o, s, true
	}
	return p.scan(extra).top()
}

// acceptPairs moves the stack past an accepted span.
func (sc *scratch) acceptPairs(s string, from, to int, cand string) {
	if from >= sc.pairPos {
		sc.pairs = sc.pairs.scan(s[sc.pairPos:from])
	}
	sc.pairs = sc.pairs.scan(cand)
	sc.pairPos = to
	sc.openValid = false
}

// coversAllNonASCIIWith reports whether the spans of two sorted,
// disjoint lists together cover every non-ASCII rune of s.
func coversAllNonASCIIWith(s string, a, b []span) bool {
	pos := 0
	for len(a) > 0 || len(b) > 0 {
		var sp span
		if len(b) == 0 || len(a) > 0 && a[0].from < b[0].from {
			sp, a = a[0], a[1:]
		} else {
			sp, b = b[0], b[1:]
		}
		if hasNonASCII(s[pos:sp.from]) {
			return false
		}
		pos = sp.to
	}
	return !hasNonASCII(s[pos:])
}

// coversAllNonASCII reports whether the spans cover every non-ASCII rune
// of s.
func coversAllNonASCII(s string, spans []span) bool {
	pos := 0
	for _, sp := range spans {
		if hasNonASCII(s[pos:sp.from]) {
			return false
		}
		pos = sp.to
	}
	return !hasNonASCII(s[pos:])
}

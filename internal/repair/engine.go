package repair

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/mojitext/moji/internal/ascii"
	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/plausible"
	"github.com/mojitext/moji/internal/utf8x"
)

// wrongDecoder is a decoder W that may have produced the text.
type wrongDecoder struct {
	cs codec.Charset
	// nm is cs.Name(), kept here: every round asks each decoder whether
	// it is the settled one, and the interface call was a cost of its own
	// on every line the search reads.
	nm    string
	sb    *codec.SingleByte // set for single-byte pages (fast path)
	mb    *codec.MultiByte  // set for the double-byte pages, called directly
	multi bool              // double-byte page: trail bytes may be ASCII
	// dropped lists the bytes a strict decoder of this page drops; a
	// sequence missing one of them can be restored
	// (windows-1252 leaves 0x81 0x8D 0x8F 0x90 0x9D undefined, so “”” =
	// E2 80 9D comes out as “â€”).
	dropped []byte
	// a0 is set when the page shows byte 0xA0 as NBSP, which software
	// likes to turn into a plain space ("Ã " for "à").
	a0 bool
	// priorBits: see prior.
	priorBits float64
	// page is the index of sb in screenPages, or -1.
	page int
	// dbPage is the index of a double-byte decoder in doubleBytePages,
	// or -1.
	dbPage int
	// pairRows are the pairs a double-byte page reads as one character
	// (see pairs).
	pairRows *[256]pairRow
	// pairCols are the same pairs by second byte (see pairsBefore).
	pairCols *[256]pairRow
	// headlessAlts holds, by the byte that survived, the candidates for a
	// character whose lead and middle bytes the page lost (see
	// headlessCandidates).
	headlessAlts *[256]headlessCands
	// lostTwoAlts holds, by lead byte E0–EF, the candidates for a
	// character of three bytes whose last two bytes a single-byte page
	// dropped (see lostTwoCandidates).
	lostTwoAlts *[16]headlessCands
	// fits says, for each two-byte lead 0xC2–0xDF, whether one of the
	// bytes a single-byte page drops completes it to a character people
	// write (see lostFits).
	fits [0x20]bool
}

// lostFits reports whether a byte w drops, put back after the two-byte
// lead x, makes a character inferLostBytes would offer.
func (w *wrongDecoder) lostFits(x byte) bool {
	return x >= 0xC2 && x <= 0xDF && w.fits[x-0xC0]
}

func (w *wrongDecoder) name() string { return w.nm }

// encodeRune appends the bytes W decoded into r.
func (w *wrongDecoder) encodeRune(dst []byte, r rune) ([]byte, bool) {
	if r < utf8.RuneSelf {
		return append(dst, byte(r)), true
	}
	if w.sb != nil {
		b, ok := w.sb.EncodeRune(r)
		if !ok {
			return dst, false
		}
		return append(dst, b), true
	}
	if w.mb != nil {
		// A direct call: every character of every segment a double-byte
		// reading is tried on comes here.
		return w.mb.AppendEncode(dst, r)
	}
	return w.cs.AppendEncode(dst, r)
}

func mustCharset(name string) codec.Charset {
	cs, ok := codec.ByName(name)
	if !ok {
		panic("repair: no charset " + name)
	}
	return cs
}

func newWrong(name string, dropped ...byte) *wrongDecoder {
	cs := mustCharset(name)
	w := &wrongDecoder{cs: cs, nm: cs.Name(), dropped: dropped, page: -1, dbPage: -1}
	for x := 0xC2; x <= 0xDF; x++ {
		for _, d := range dropped {
			if _, ok := writable([]byte{byte(x), d}); ok && isCont(d) {
				w.fits[x-0xC0] = true
			}
		}
	}
	if sb, ok := cs.(*codec.SingleByte); ok {
		w.sb = sb
		r, ok := sb.DecodeByte(0xA0)
		w.a0 = ok && r == 0xA0
		w.lostTwoAlts = new([16]headlessCands)
	} else {
		w.multi = true
		w.mb, _ = cs.(*codec.MultiByte)
		w.pairRows = new([256]pairRow)
		w.pairCols = new([256]pairRow)
		w.headlessAlts = new([256]headlessCands)
	}
	return w
}

// utf8Wrong are the decoders that UTF-8 text is commonly mis-read with,
// in order of prior likelihood: a tie goes to the earlier one.
var utf8Wrong = []*wrongDecoder{
	withPrior(0, newWrong("sloppy-windows-1252", 0x81, 0x8D, 0x8F, 0x90, 0x9D)),
	withPrior(0, latin1Wrong),
	withPrior(2, newWrong("sloppy-windows-1250")),
	withPrior(2, newWrong("sloppy-windows-1251")),
	withPrior(3, newWrong("sloppy-windows-1253")),
	withPrior(2, newWrong("sloppy-windows-1254")),
	withPrior(4, newWrong("sloppy-windows-1257")),
	withPrior(3, newWrong("iso-8859-2")),
	withPrior(5, newWrong("macintosh")),
	withPrior(3, newWrong("ibm437")),
	withPrior(0, gbkWrong),
	withPrior(1, gb18030Wrong),
	withPrior(2, newWrong("cp950")),
	withPrior(1, newWrong("cp932")),
	withPrior(2, newWrong("cp949")),
	withPrior(3, newWrong("euc-jp")),
}

// latin1Wrong is ISO-8859-1 as a wrong decoder.
var latin1Wrong = newWrong("iso-8859-1")

// isC1 reports whether r is a C1 control, U+0080 to U+009F.
func isC1(r rune) bool { return r >= 0x80 && r <= 0x9F }

// gbkWrong is GBK as a wrong decoder; GB18030 borrows its pairs (see
// lossTwin).
var gbkWrong = newWrong("gbk")

// gb18030Wrong is GB18030 as a wrong decoder (see readsAsGBK).
var gb18030Wrong = newWrong("gb18030")

func withPrior(bits float64, w *wrongDecoder) *wrongDecoder {
	w.priorBits = bits
	return w
}

// Repair returns the repaired text and the layers it undid, outermost
// first. It returns s itself and no layers when it finds nothing to undo.
func Repair(s string, opt Options) (string, []Layer) {
	if !hasNonASCII(s) {
		return s, nil
	}
	if len(s) <= window {
		// The screen's reading checks the encoding too.
		sn, valid := screenValid(s)
		var (
			out    string
			layers []Layer
		)
		if !valid {
			out, layers = repairValidStretches(s, opt)
		} else {
			out, layers = repairScreened(s, sn, opt)
		}
		return out, briefed(layers, opt)
	}
	if !utf8.ValidString(s) {
		return repairValidStretches(s, opt)
	}
	// A long line is searched window by window, cut at spaces: the work
	// per byte stays bounded whatever the input (a megabyte of "Ã" is no
	// worse than a page of text), and damage rarely spans a space.
	var (
		b       strings.Builder
		layers  []Layer
		changed bool
	)
	for pos := 0; pos < len(s); {
		end := windowEnd(s, pos)
		out, ls := repairWindow(s[pos:end], opt)
		if out != s[pos:end] {
			if !changed {
				b.Grow(len(s))
				b.WriteString(s[:pos])
				changed = true
			}
		}
		if changed {
			b.WriteString(out)
		}
		layers = mergeLayers(layers, briefed(ls, opt))
		pos = end
	}
	if !changed {
		return s, nil
	}
	return b.String(), layers
}

// briefed returns layers without the alternatives of their lost
// characters when opt.Brief asks for that.
func briefed(layers []Layer, opt Options) []Layer {
	if !opt.Brief {
		return layers
	}
	for i := range layers {
		for k := range layers[i].Inferred {
			layers[i].Inferred[k].Alternatives = nil
		}
	}
	return layers
}

// repairValidStretches repairs the valid UTF-8 between invalid bytes and
// keeps the invalid bytes as they are: they are no characters, and
// nothing is silently changed or dropped (a stray 0x8E is not a U+FFFD
// mark of a lost byte).
func repairValidStretches(s string, opt Options) (string, []Layer) {
	var (
		b      strings.Builder
		layers []Layer
	)
	b.Grow(len(s))
	start := 0
	flush := func(end int) {
		out, ls := Repair(s[start:end], opt)
		b.WriteString(out)
		layers = mergeLayers(layers, ls)
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			flush(i)
			b.WriteByte(s[i])
			i++
			start = i
			continue
		}
		i += size
	}
	flush(len(s))
	if len(layers) == 0 {
		return s, nil
	}
	return b.String(), layers
}

// window is the most bytes searched at once.
const window = 1024

// windowEnd returns where the window starting at pos ends: after the last
// space in its second half, else after the last ASCII byte there, else
// before the last character that begins one at every layer of
// windows-1252 mojibake (see beginsEveryLayer), else at a rune boundary.
func windowEnd(s string, pos int) int {
	if len(s)-pos <= window {
		return len(s)
	}
	lo, hi := pos+window/2, pos+window
	if i := strings.LastIndexByte(s[lo:hi], ' '); i >= 0 {
		return lo + i + 1
	}
	for i := hi - 1; i >= lo; i-- {
		if s[i] < utf8.RuneSelf {
			return i + 1
		}
	}
	for hi > lo && !utf8.RuneStart(s[hi]) {
		hi--
	}
	for i := hi; i > lo; i-- {
		if utf8.RuneStart(s[i]) && beginsEveryLayer(s[i:]) {
			return i
		}
	}
	return hi
}

// beginsEveryLayer reports whether the text t begins a character at
// every layer of UTF-8 read through windows-1252 (or Latin-1: see
// latinByte), up to three: its first character is a lead byte through
// the page, and the first character of the layer below, read from there,
// is one again, down to a character of no byte of the page. Chinese read
// twice so has no space or ASCII to cut a long line at, and a cut at any
// rune boundary split "危" (E5 8D B1), once "å\u008d±" and twice
// "Ã¥Â\u008dÂ±", between its layers: each window held half.
func beginsEveryLayer(t string) bool {
	var arr [64]byte
	cur := t
	for range 3 {
		r, _ := utf8.DecodeRuneInString(cur)
		if r < utf8.RuneSelf {
			return true
		}
		c, ok := latinByte(r)
		if !ok {
			return true // no mojibake of windows-1252 begins here
		}
		if need, _, _ := utf8SeqLen(c); need == 0 {
			return false // a continuation byte of the layer below
		}
		// The layer below: as many of the next characters as read as
		// UTF-8 through the page, from this lead on.
		b := arr[:0]
		for _, r2 := range cur {
			c2, ok := latinByte(r2)
			if !ok || len(b) == cap(b) {
				break
			}
			b = append(b, c2)
		}
		n := 0
		for n < len(b) {
			d, size := utf8.DecodeRune(b[n:])
			if d == utf8.RuneError && size <= 1 {
				break
			}
			n += size
		}
		if n == 0 {
			return true // no valid UTF-8: no deeper layer to keep whole
		}
		cur = string(b[:n])
	}
	return true
}

// latinByte is r's byte through windows-1252 or, for the C1 controls
// that page leaves undefined, Latin-1: the pages a layer of mojibake
// most often went through.
func latinByte(r rune) (byte, bool) {
	if c, ok := utf8Wrong[0].sb.EncodeRune(r); ok {
		return c, true
	}
	if r < 0x100 {
		return byte(r), true
	}
	return 0, false
}

// mergeLayers adds the layers of one window to those of the windows
// before it: the same layer found again is one step. The layers of a
// window are matched in their order, each after the one matched before
// it, so that a layer stacked on itself stays two steps: a long line
// read twice through Mac Roman is undone twice in every window, and a
// plan of one step replayed undid it once.
func mergeLayers(layers, more []Layer) []Layer {
	from := 0 // where the next layer of more may match
	for _, l := range more {
		merged := false
		for i := from; i < len(layers); i++ {
			m := &layers[i]
			if m.WrongDecoder == l.WrongDecoder && m.TrueCharset == l.TrueCharset && m.Loss == l.Loss && m.Infer == l.Infer {
				m.Inferred = append(m.Inferred, l.Inferred...)
				m.Islands = m.Islands || l.Islands
				merged, from = true, i+1
				break
			}
		}
		if !merged {
			layers = append(layers, l)
			from = len(layers)
		}
	}
	return layers
}

// maxRounds bounds the layers peeled from one window. Every round must
// gain by the margin, so the search ends by itself; the bound only keeps
// the worst case linear. Three stacked layers is the most real text shows;
// badly damaged CJK text takes a few more rounds to settle. A window with
// marks of lost bytes gets a round more for every two of them
// (see repairScreened).
const maxRounds = 16

// repairWindow is Repair on one window of valid text.
func repairWindow(s string, opt Options) (string, []Layer) {
	return repairScreened(s, screenOf(s), opt)
}

// repairScreened is repairWindow with the window's screen, sn.
func repairScreened(s string, sn screen, opt Options) (string, []Layer) {
	if sn.empty() {
		return s, nil
	}
	if sn.utf8&utf8Pages == 0 && !sn.cjk && legacyNothing(s, sn, opt, nil) {
		// As below, for a line without the characters the double-byte
		// readings look at (see screen.cjk), which needs no scratch
		// space: a Cyrillic line covered by both Russian pages, that
		// the page swaps refuse.
		return s, nil
	}
	var layers []Layer
	sc := getScratch()
	sc.screen, sc.screenOf, sc.screenValid = sn, s, true
	if sn.utf8&utf8Pages == 0 && legacyNothing(s, sn, opt, sc) && sc.doubleByteNothing(s) {
		// Only the double-byte readings had anything to look at, and
		// none finds an island to keep: the round would find nothing.
		// (No single-byte reading of the search may hold UTF-8, and the
		// sole reading and undoUTF8 refuse each at once, see mayHold.)
		putQuickScratch(sc)
		return s, nil
	}
	defer putScratch(sc)
	// A run of marks may be read two at a time, one round after another:
	// the character before the run takes two marks as its lost bytes
	// and leaves one mark for itself, which begins the run the next
	// round reads ("篁��" and on). The fuzzer's run of thirty-six marks
	// ran out of sixteen rounds before it was done, and a second repair
	// of the text changed it again. The rounds stay bounded by the
	// window's size, so the worst case stays linear.
	rounds := maxRounds + strings.Count(s, "\uFFFD")/2
	for round := 0; round < rounds; round++ {
		best := soleReading(sc, s)
		if best == nil {
			best = searchRound(sc, s, opt, 1)
		}
		if best == nil && sc.settledOf != "" {
			// The round read the text under the settlement the rounds
			// before left, and a repair of the text it ends with
			// begins with none: what a settlement forbids, a repair
			// of the output would do. A space read as 0xA0 pays a
			// second prior where the decoder was seen dropping bytes
			// (see undoUTF8), and "0â\u0080 B" that the rounds left
			// was "0† B" when repaired again. Read once more without
			// it, so that the text returned is one Repair leaves as
			// it is.
			sc.restoreSettlement(settlement{})
			clear(sc.rounds)
			best = soleReading(sc, s)
			if best == nil {
				best = searchRound(sc, s, opt, 1)
			}
		}
		if best == nil {
			break
		}
		s = best.text
		if best.leftovers && len(layers) > 0 {
			// The same layer, finished: one step in the plan.
			last := &layers[len(layers)-1]
			// Clipped: the outcome that wrote last may be remembered
			// (see tried), and its Inferred must not grow under it.
			last.Inferred = append(slices.Clip(last.Inferred), best.layer.Inferred...)
			if last.Loss == "" {
				last.Loss = best.layer.Loss
			}
			last.Infer = last.Infer || best.layer.Infer
		} else {
			layers = append(layers, best.layer)
		}
		sc.settleOn(best, s)
		clear(sc.rounds) // rounds remembered under the old settlement no longer apply
	}
	return s, layers
}

func hasNonASCII(s string) bool { return !ascii.Is(s) }

// settlement is what a round leaves for the next about the line it
// read (see lossPriorAt and settledWhole).
type settlement struct {
	settled string
	drops   bool
	ranges  [][2]int
	of      string
	wholeOf string
	wholeBy *wrongDecoder
	whole   bool
	wrote   letterSet // the letters the rounds so far wrote
}

// settlement returns sc's settlement, to be restored.
func (sc *scratch) settlement() settlement {
	return settlement{sc.settled, sc.settledDrops, sc.settledRanges, sc.settledOf, sc.wholeOf, sc.wholeBy, sc.whole, sc.wrote}
}

// settleOn settles sc on the outcome o, whose text, once chosen, is
// written: a UTF-8 reading settles the line on its decoder.
func (sc *scratch) settleOn(o *outcome, written string) {
	sc.settleGen++
	sc.settled, sc.settledRanges, sc.settledOf = o.layer.WrongDecoder, o.produced, written
	sc.noteWritten(written, o.produced)
	sc.settledDrops = o.layer.Loss == lossUndefined
	if o.layer.TrueCharset != "utf-8" {
		sc.settled, sc.settledDrops = "", false
	}
	sc.wholeOf, sc.wholeBy = "", nil // readWhole's answer depends on the ranges
}

// restoreSettlement puts back a settlement sc had.
func (sc *scratch) restoreSettlement(st settlement) {
	sc.settleGen++
	sc.settled, sc.settledRanges, sc.settledOf, sc.settledDrops = st.settled, st.ranges, st.of, st.drops
	sc.wholeOf, sc.wholeBy, sc.whole = st.wholeOf, st.wholeBy, st.whole
	sc.wrote = st.wrote
}

// legacyNothing reports that every legacy reading of s, whose screen is
// sn, refuses it at once (see undoLegacy), so that undoLegacyAll finds
// nothing: the search tries none (opt.Legacy is off), or no legacy page
// covers s, or the pages that cover it are read only by the Russian
// page swaps and s is not caseInverted. Correct Russian and Ukrainian,
// capitalized as they are written, is covered by both Russian pages and
// reached the search for that alone.
// It asks caseInverted through sc, when it has one.
func legacyNothing(s string, sn screen, opt Options, sc *scratch) bool {
	if !legacyScreened {
		return false
	}
	covered := sn.covers & legacyPages
	if !opt.Legacy || covered == 0 {
		return true
	}
	if covered&plainLegacyPages != 0 {
		return false
	}
	if sc != nil {
		return !sc.caseInverted(s)
	}
	return !caseInverted(s)
}

// outcome is the result of one hypothesis on a whole segment.
type outcome struct {
	text  string
	gain  float64
	layer Layer
	// produced are the byte ranges of text that the layer wrote.
	produced [][2]int
	// leftovers is set when the layer only finished the previous round's
	// work with the same decoder (see undoUTF8).
	leftovers bool
	// kept, when set, is text with the words written correctly left as
	// they stand (see keptRuns): what a legacy reading writes once it is
	// chosen. The reading competes as text, whole: a reading that
	// explains the line worse ("«S»" through Shift_JIS is "ｫSｻ") must
	// not win by leaving its worst runs out.
	kept string
}

// chosen returns o as it is written once the search has chosen it.
func (o *outcome) chosen() *outcome {
	if o == nil || o.kept == "" {
		return o
	}
	c := *o
	c.text, c.kept = o.kept, ""
	return &c
}

// searchRound tries every hypothesis once and returns the best one that
// gains, or nil. Hypotheses are ranked with one round of lookahead: "ÃƒÂ¼"
// undone once as windows-1252 gains less than reading it as GBK hanzi,
// but undone twice it is "ü", which no other reading matches.
func searchRound(sc *scratch, s string, opt Options, lookahead int) *outcome {
	if lookahead == 0 {
		// The lookahead of one round is the next round itself: remember
		// it, so that the round after a choice costs nothing.
		if o, ok := sc.rounds[s]; ok {
			return o
		}
	}
	o := searchRoundUncached(sc, s, opt, lookahead).chosen()
	if lookahead == 0 {
		if sc.rounds == nil {
			sc.rounds = make(map[string]*outcome)
		}
		sc.rounds[s] = o
	}
	return o
}

func searchRoundUncached(sc *scratch, s string, opt Options, lookahead int) *outcome {
	sc.langs, sc.langsOf, sc.gainMaxTries = nil, s, 0
	clear(sc.gains)
	t := sc.triedOn(s)
	// On the stack for the hypotheses a round has (sixteen UTF-8
	// readings and the legacy ones, more only if the lists grow): a
	// slice grown for each round was the most the search allocated in
	// one place.
	var candsArr [48]*outcome
	cands := candsArr[:0]
	sn := sc.screenFor(s)
	for k, w := range utf8Wrong {
		if w.page >= 0 && sn.utf8&(1<<w.page) == 0 || w.sb == nil && !sn.cjk {
			// undoUTF8 would refuse it at once (see mayHold), as it
			// does most of the sixteen decoders on most lines: asked
			// one by one, through the round's memory, they were a
			// quarter of the round after a sole reading.
			continue
		}
		if o := t.undoUTF8(sc, s, k, w, opt); o != nil {
			cands = append(cands, o)
		}
	}
	// When a UTF-8 reading re-encodes every non-ASCII run of the segment
	// to valid UTF-8, no legacy reading can have better evidence: skip
	// them ("â€™" runs read as GBK would also decode, and explain nothing).
	explained := false
	for _, c := range cands {
		if !c.layer.Islands {
			explained = true
			break
		}
	}
	if opt.Legacy && !explained {
		if !t.legacyDone {
			t.legacy, t.legacyDone = undoLegacyAll(sc, s, opt, t.legacy[:0]), true
		}
		cands = append(cands, t.legacy...)
	}
	if len(cands) == 0 {
		return nil
	}
	// Stable by gain, so that among equals the earlier (more likely)
	// hypothesis wins.
	// (slices' stable sort is sort's, the same algorithm asking the
	// same questions, without the reflection that made cands escape.)
	slices.SortStableFunc(cands, func(a, b *outcome) int {
		if a.gain > b.gain+1e-9 {
			return -1
		}
		return 0
	})
	if lookahead == 0 || len(cands) == 1 {
		return cands[0]
	}
	// When the best few agree on the text, there is nothing to look
	// ahead for: windows-1252, Latin-1 and windows-1254 read "Ã©" alike.
	distinct := 0
	for i, c := range cands[:min(len(cands), 4)] {
		if i == 0 || c.text != cands[0].text {
			distinct++
		}
	}
	if distinct == 1 {
		return cands[0]
	}
	// Nor when the best leads by far: no later round can make up a gap
	// of that size (a whole line of "â€™" read as windows-1252 against
	// a stray hanzi).
	if second := nextDistinct(cands); second != nil && cands[0].gain > 2*second.gain+totalMargin {
		return cands[0]
	}
	// Judge each of the best few by the text it leads to after one more
	// round, priced as a whole: gains found in different rounds are not
	// additive, because each repair changes the context of the next.
	// Each of the best few is priced by the whole-line cost of the text
	// it leads to; those within lookaheadTie of the cheapest are then
	// told apart by the language model at full weight.
	type judged struct {
		c     *outcome
		final string
		langs *plausible.Languages
		cost  float64
	}
	var arr [4]judged
	judgedAll := arr[:0]
	seen := map[string]bool{}
	bestCost := math.Inf(1)
	for _, c := range cands[:min(len(cands), 4)] {
		// c is judged by the text it writes once chosen: a legacy
		// reading leaves the words that read as strangers through it
		// as they were written (see outcome.kept). Judged by its text
		// in full, a German line with Russian in KOI8-R shown as
		// windows-1252 read "Wörter" as "WЖrter" through KOI8-R and
		// as "Wцrter" through windows-1251, whose case swap then
		// leads to the same Russian, and the dearer capital inside the
		// German word chose windows-1251.
		written := c.chosen().text
		if seen[written] || c.gain < cands[0].gain/2 {
			// A reading that gains less than half as much as the best
			// is not worth a round of lookahead.
			continue
		}
		seen[written] = true
		final := written
		// The round after c would take a sole reading of its text
		// without a search, and so does the look at it: "ÃƒÂ¼" undone
		// once through windows-1252 is "Ã¼", which reads whole as "ü".
		//
		// The round after c runs as settled on c (see repairScreened),
		// and so does the look at it: in a Russian line with the
		// 0x81 of "с" dropped by windows-1252, the "Ñ " that reading
		// leaves is read as "с" only once the line is settled on it,
		// and judged without that, the reading lost to one through
		// windows-1251 that wrote "С" in its place.
		saved := sc.settlement()
		sc.settleOn(c, written)
		next := soleReading(sc, written)
		if next == nil {
			next = searchRound(sc, written, opt, lookahead-1)
		}
		sc.restoreSettlement(saved)
		if next != nil {
			final = next.text
		}
		// Each result is read in its own language: "aktuální" is Czech,
		// "aktuålní" is nothing.
		langs := sc.languagesOf(final)
		cost := sc.lineCost(final, langs) + lineCJKStrangers(final)
		judgedAll = append(judgedAll, judged{c, final, langs, cost})
		bestCost = min(bestCost, cost)
	}
	// A near tie: the whole-line cost weighs the language model lightly
	// and tolerates one odd word among many good ones, so readings that
	// differ in a few letters come out within a bit or two of each
	// other. windows-1250 and ISO-8859-2 read "FĂźr" as "Fßr" and "Für"
	// at the same price, and a Ukrainian line read through windows-1250
	// came out "Шимон зелюченке бедистість" through ISO-8859-2 first,
	// 0.12 bits cheaper than "Шимон Селюченко йодистість". Readings that
	// differ in a few letters are the language model's to tell apart, at
	// full weight, as for a lost letter (here by 15 bits).
	// Only readings in the same scripts as the cheapest are near it: the
	// letter model has nothing to say of hanzi, and a Ukrainian line
	// read as GBK would cost it nothing.
	cheapest := 0
	for i, j := range judgedAll {
		if j.cost < judgedAll[cheapest].cost {
			cheapest = i
		}
	}
	scripts := scriptsOf(judgedAll[cheapest].final)
	isNear := func(j judged) bool {
		return j.cost <= bestCost+1e-9 || j.cost <= bestCost+lookaheadTie && scriptsOf(j.final) == scripts
	}
	var best *outcome
	bestRaw := math.Inf(1)
	near := 0
	for _, j := range judgedAll {
		if isNear(j) {
			near++
		}
	}
	for _, j := range judgedAll {
		if !isNear(j) {
			continue
		}
		if near == 1 {
			return j.c
		}
		if raw := sc.lineChoiceCost(j.final, j.langs); best == nil || raw < bestRaw-1e-9 {
			best, bestRaw = j.c, raw
		}
	}
	if best == nil {
		return cands[0]
	}
	return best
}

// lineCost is plausible.CostWith(0, t, 0, langs), remembered for the
// window: the lookahead prices the text each of the best few candidates
// leads to, and the next round, reading the chosen one, prices most of
// them again (on the dev set's damaged lines, one in six). The figure is
// a function of the text and its languages, which languagesOf returns
// alike for a text all window long; the memory holds both.
func (sc *scratch) lineCost(t string, langs *plausible.Languages) float64 {
	m, ok := sc.lines[t]
	if ok && m.langs == langs && m.hasCost {
		return m.cost
	}
	if !ok || m.langs != langs {
		m = lineMemo{langs: langs}
	}
	m.cost, m.hasCost = plausible.CostWith(0, t, 0, langs), true
	sc.rememberLine(t, m)
	return m.cost
}

// lineChoiceCost is plausible.LineChoiceCost(t, langs), remembered as
// lineCost is: a tie between the best few is broken on the full language
// model, and the text that won the last tie is priced again at the next
// (on the dev set's damaged lines, nearly every time).
func (sc *scratch) lineChoiceCost(t string, langs *plausible.Languages) float64 {
	m, ok := sc.lines[t]
	if ok && m.langs == langs && m.hasRaw {
		return m.raw
	}
	if !ok || m.langs != langs {
		m = lineMemo{langs: langs}
	}
	m.raw, m.hasRaw = plausible.LineChoiceCost(t, langs), true
	sc.rememberLine(t, m)
	return m.raw
}

func (sc *scratch) rememberLine(t string, m lineMemo) {
	if sc.lines == nil {
		sc.lines = make(map[string]lineMemo)
	}
	if len(sc.lines) >= maxLines {
		clear(sc.lines) // Apply replays a whole document on one scratch
	}
	sc.lines[t] = m
}

// lineMemo is what lineCost and lineChoiceCost remember of a text, in
// the languages langs.
type lineMemo struct {
	langs           *plausible.Languages
	cost, raw       float64
	hasCost, hasRaw bool
}

// maxLines bounds the memory of lineCost and lineChoiceCost.
const maxLines = 256

// tried remembers the hypotheses tried on one text, for the rounds of a
// window: the lookahead tries a whole round on each of the best few
// candidates, and the round after the choice tries the same hypotheses on
// the chosen text again. Only the settled decoder reads differently once
// its round is settled (see lossPriorAt and undoUTF8's leftovers): after
// "ÃƒÂ©" is undone once as windows-1252, the next round on "Ã©" reuses
// the lookahead's readings through Latin-1, GBK and the rest, and tries
// windows-1252 afresh.
type tried struct {
	// utf8 and utf8Done are indexed by droppedSettled, then by decoder.
	utf8       [2][maxWrong]*outcome
	utf8Done   [2][maxWrong]bool
	legacy     []*outcome
	legacyDone bool
}

// maxWrong bounds len(utf8Wrong).
const maxWrong = 16

func init() {
	if len(utf8Wrong) > maxWrong {
		panic("repair: more wrong decoders than maxWrong")
	}
}

// triedOn returns what was tried on s in this window.
func (sc *scratch) triedOn(s string) *tried {
	if t, ok := sc.tried[s]; ok {
		return t
	}
	if sc.tried == nil {
		sc.tried = make(map[string]*tried)
	}
	// Reused from earlier windows (see putScratch): a correct line that
	// reaches the search tries one text, and a new tried per line was
	// one allocation more than it needs.
	var t *tried
	if n := len(sc.triedFree); n > 0 {
		t, sc.triedFree = sc.triedFree[n-1], sc.triedFree[:n-1]
	} else {
		t = new(tried)
	}
	sc.tried[s] = t
	sc.triedUsed = append(sc.triedUsed, t)
	return t
}

// maxTriedFree bounds the tried a pooled scratch keeps for reuse.
const maxTriedFree = 64

// undoUTF8 is undoUTF8(sc, s, w, opt, true) for utf8Wrong[k], remembered
// unless w is the settled decoder, whose reading depends on the
// settlement.
func (t *tried) undoUTF8(sc *scratch, s string, k int, w *wrongDecoder, opt Options) *outcome {
	settled := w.name() == sc.settled
	d := sc.droppedSettled(s)
	if t.utf8Done[d][k] && !settled {
		return t.utf8[d][k]
	}
	o := undoUTF8(sc, s, w, opt, true)
	if !settled {
		t.utf8[d][k], t.utf8Done[d][k] = o, true
	}
	return o
}

// droppedSettled is 1 where the previous round read s, the text it
// wrote, through a decoder that dropped bytes, and 0 elsewhere: every
// decoder's reading of s depends on it, not only the settled one's (a
// space read as 0xA0 pays a second prior, see undoUTF8).
func (sc *scratch) droppedSettled(s string) int {
	if sc.settledDrops && sc.settledOf == s {
		return 1
	}
	return 0
}

// lookaheadTie is how close, in bits, the whole-line costs of the texts
// two readings lead to must be for the language model at full weight to
// choose between them (see searchRoundUncached).
const lookaheadTie = 2.0

// nextDistinct returns the best candidate whose text differs from the
// first's.
func nextDistinct(cands []*outcome) *outcome {
	for _, c := range cands[1:] {
		if c.text != cands[0].text {
			return c
		}
	}
	return nil
}

// Apply replays one layer on s, line by line as a fix works: wherever
// the layer's reinterpretation clears the same margins it had to clear
// when it was found, it is undone. Other hypotheses are not considered:
// the plan already chose.
func Apply(s string, l Layer) string {
	out, _ := applyLayer(new(scratch), s, l, nil)
	return out
}

// ApplyLayers replays layers, outermost first, as Repair found them: one
// after another, each reading a line knowing what the layers before it
// wrote there, as each round of the search knows what the rounds before
// it wrote. A character the search itself made of mojibake may be
// mojibake once more (see wroteCJK and survivorsRefute), and Apply of
// the inner layer alone cannot tell it from text that stood so.
func ApplyLayers(s string, layers []Layer) string {
	var (
		sc    scratch
		lines []settlement
	)
	for _, l := range layers {
		s, lines = applyLayer(&sc, s, l, lines)
	}
	return s
}

// applyLayer replays l on s line by line, each line starting from the
// settlement the layer before left it (before, by line; none where nil),
// and returns the text with the settlement l leaves each line, the
// letters the layers so far wrote there included.
func applyLayer(sc *scratch, s string, l Layer, before []settlement) (string, []settlement) {
	opt := Options{RestoreByteA0: true, LossySequences: true, Islands: true, Legacy: true, InferLost: l.Infer}
	undo := func(sc *scratch, seg string) *outcome { return nil }
	if l.TrueCharset == "utf-8" {
		w := findWrong(l.WrongDecoder)
		if w == nil {
			return s, before
		}
		// A text the layer reads whole, as Repair read its window (see
		// soleReading), is undone whole: its lines one by one may hold
		// too few characters each ("fakeroot 채r ett vanligt program").
		if o := soleThrough(sc, s, w); o != nil {
			return o.text, soleStates(o, l, before)
		}
		undo = func(sc *scratch, seg string) *outcome {
			if o := soleThrough(sc, seg, w); o != nil {
				return o
			}
			return undoUTF8(sc, seg, w, opt, true)
		}
	} else {
		found := false
		for _, h := range legacyHypotheses {
			if h.wrong.name() == l.WrongDecoder && h.truth.Name() == l.TrueCharset {
				undo = func(sc *scratch, seg string) *outcome { return undoLegacy(sc, seg, h, opt, true).chosen() }
				found = true
				break
			}
		}
		if !found {
			return s, before
		}
	}
	var (
		b     strings.Builder
		after []settlement
	)
	for k := 0; len(s) > 0; k++ {
		end := strings.IndexByte(s, '\n') + 1
		if end == 0 {
			end = len(s)
		}
		seg := s[:end]
		s = s[end:]
		var st settlement
		if k < len(before) {
			st = before[k]
		}
		sc.restoreSettlement(st)
		for pass := 0; pass < 3; pass++ {
			sc.langs, sc.langsOf, sc.gainMaxTries = nil, seg, 0
			clear(sc.gains)
			o := undo(sc, seg)
			if o == nil || pass > 0 && !o.leftovers {
				break
			}
			// A layer is replayed with its leftovers, as Repair
			// found it.
			seg = o.text
			sc.settled, sc.settledRanges, sc.settledOf = l.WrongDecoder, o.produced, seg
			sc.settledDrops = l.Loss == lossUndefined
			sc.noteWritten(seg, o.produced)
			sc.settleGen++
			// The next layer sees the settlement the search leaves
			// a round (see settleOn).
			st = settlement{settled: l.WrongDecoder, drops: sc.settledDrops, ranges: o.produced, of: seg}
			if l.TrueCharset != "utf-8" {
				st.settled, st.drops = "", false
			}
		}
		st.wrote = sc.wrote.clip()
		after = append(after, st)
		b.WriteString(seg)
	}
	return b.String(), after
}

// soleStates is what a sole reading of a whole text through l leaves its
// lines: the ranges it wrote, line by line.
func soleStates(o *outcome, l Layer, before []settlement) []settlement {
	var after []settlement
	for k, start := 0, 0; start < len(o.text); k++ {
		end := strings.IndexByte(o.text[start:], '\n') + 1
		if end == 0 {
			end = len(o.text) - start
		}
		seg := o.text[start : start+end]
		var st settlement
		if k < len(before) {
			st = before[k]
		}
		var ranges [][2]int
		for _, r := range o.produced {
			if r[0] >= start && r[1] <= start+end {
				ranges = append(ranges, [2]int{r[0] - start, r[1] - start})
			}
		}
		if len(ranges) > 0 {
			wrote := st.wrote
			wrote.addWritten(seg, ranges)
			st = settlement{settled: l.WrongDecoder, drops: l.Loss == lossUndefined, ranges: ranges, of: seg, wrote: wrote.clip()}
		}
		after = append(after, st)
		start += end
	}
	return after
}

// findWrong returns the wrong decoder of that name: one the search uses,
// or any charset moji knows.
func findWrong(name string) *wrongDecoder {
	for _, w := range utf8Wrong {
		if w.name() == name {
			return w
		}
	}
	if _, ok := codec.ByName(name); ok {
		// Made once per name and kept, with the pairs it has learned
		// (see pairs): plans are replayed line after line.
		if w, ok := otherWrong.Load(name); ok {
			return w.(*wrongDecoder)
		}
		w, _ := otherWrong.LoadOrStore(name, newWrong(name))
		return w.(*wrongDecoder)
	}
	return nil
}

// otherWrong holds the wrong decoders findWrong made, by name.
var otherWrong sync.Map

// scratch holds buffers reused across hypotheses.
type scratch struct {
	b []byte // the text encoded through W
	// rankings hold the candidates of the lost characters of the island
	// being walked, the first rankingsUsed of them in use (see
	// droppedCands), and candBack their bytes as they are listed.
	rankings     []*lostRanking
	rankingsUsed int
	candBack     []byte
	// sole and soleText are a page's encoding of the whole window and
	// the first valid one, soleBelow an encoding of that (see
	// soleReading).
	sole, soleText, soleBelow []byte
	soleOut                   outcome     // the last sole reading (see soleOutcome)
	dec                       []byte      // an island's decoding, as it grows
	repl                      []byte      // the word gainAt prices with an island's reading in place
	runs                      []legacyRun // a legacy reading's runs (see undoLegacy)
	legacyOut                 []byte      // a legacy reading, assembled (see undoLegacy)
	spans                     []span      // a hypothesis's islands (see undoUTF8)
	owner                     []int32     // for each byte, the offset in s of the rune it came from
	// opaque marks bytes standing for runes W cannot encode (they break
	// islands), and lost marks a U+FFFD, which stands for lost bytes.
	kind []byteKind
	// encodedBy and encodedOf say what b holds; encodedLive, that it
	// holds encodeLive's reading, which legacy readings cannot use.
	encodedBy   *wrongDecoder
	encodedOf   string
	encodedLive bool
	// pairs and pairPos track the quotation marks and brackets left open
	// (see openAt).
	pairs   pairs
	pairPos int
	// openStack is the stack scanned on to openPos of openOf (see openAt).
	openStack pairs
	openPos   int
	openOf    string
	openValid bool
	// langs are the language models of the segment being repaired,
	// langsOf, chosen on first use: clean text never needs them.
	langs   *plausible.Languages
	langsOf string
	// langsSeen are the distinct Languages of the window (see
	// sameLanguages).
	langsSeen   []*plausible.Languages
	langsByText map[string]*plausible.Languages // see languagesOf
	// gainMaxTries counts the islands of langsOf that gainAtUncached
	// bounded with plausible.LanguageGainMax before its languages were
	// chosen.
	gainMaxTries int
	choices      map[choiceKey]float64 // see wordCost
	// choiceWord and trial hold the word wordCost looks up and the
	// island refineLost weighs in it: most words have been priced
	// before, and a string for each try was two allocations.
	choiceWord, trial []byte
	// choiceText holds the words sc.choices remembers, one after
	// another, and its keys are views of it: a string made for each
	// word priced was the most allocations of a damaged line (each
	// refined lost character tries up to eight words). Only the keys
	// refer to it, and it is emptied only with them.
	choiceText []byte
	// outcomes and ranges are room for the outcomes finishUTF8 makes
	// and the ranges they wrote: each lives only while its window is
	// searched (the rounds copy the layer and text they keep), and one
	// allocated for each hypothesis that read something was most of
	// what a line of Latin mojibake with a lost byte allocated.
	outcomes []outcome
	ranges   [][2]int
	// lostSplit prices refineLost's readings of one lost character
	// (see wordCost), made on first use and kept with its buffers: most
	// windows lose no character, and its kilobyte and a half cleared
	// with the rest of sc at every window was 1% of a short line's
	// repair.
	lostSplit *lostSplit
	// leadLine is the line loneLeadInLine last read as it stands.
	leadLine cheapestLine
	// wrote holds the letters outside ASCII that the window's rounds
	// wrote (see noteWritten).
	wrote letterSet
	// settleGen counts the changes of settlement, under which letters,
	// for lettersOf, were read.
	settleGen    int
	letters      lineLetters
	lettersOf    string
	lettersGen   int
	lettersValid bool
	// lost holds the lost characters of the island undoUTF8 walks, and
	// inferred the one parseSeq returns, good until its next call:
	// most islands with a lost byte are refused, and each made them
	// anew. deep is deeper's buffer.
	lost     []Inferred
	inferred Inferred
	deep     []byte
	// stray holds a character's bytes through a double-byte page for
	// nativeCJKBeside: a buffer on its stack escaped through the
	// codec's interface, once per island it asked about.
	stray []byte
	lines map[string]lineMemo // see lineCost

	// prefix holds, for each byte offset of prefixOf, the count of
	// letters of each script before it (see scratch.scriptsAround).
	prefix   [][16]uint16
	prefixOf string
	// totals counts the letters of each script in totalsOf, for the
	// spans whose window is the whole line (see scratch.scriptsAround).
	totals      [16]int
	totalsOf    string
	totalsValid bool
	// totalsDominant and totalsEnough are dominantOf(totals).
	totalsDominant plausible.Script
	totalsEnough   bool

	// settled names the decoder the previous round undid, and
	// settledRanges the text it wrote (see undoUTF8's leftovers).
	settled       string
	settledRanges [][2]int
	settledOf     string // the text settledRanges index
	// settledDrops says that the settled round's reading dropped bytes
	// (see undoUTF8's second prior on a restored space).
	settledDrops bool

	// cjk is readsCJK's answer for the bytes encodedOf read through
	// encodedBy (encodedLive as it was).
	cjk, cjkLive bool
	cjkBy        *wrongDecoder
	cjkOf        string

	// drops is dropsInWords' answer for dropsOf.
	drops   bool
	dropsOf string

	// near holds the islands of the reading undoUTF8 is walking that
	// were refused below weakMargin but could complete the line's
	// reading (see completeReading).
	near []span

	gains map[gainKey]gainMemo // gainAt's memory for the round
	// lastGain is the island gainAt remembered last (see candText).
	lastGain gainKey
	rounds   map[string]*outcome // searchRound's memory, by text, without lookahead
	tried    map[string]*tried   // searchRoundUncached's memory, by text, for the window
	// triedFree are tried of earlier windows, emptied, for triedOn.
	triedFree []*tried
	// triedUsed are the values of tried, listed for putScratch: ranging
	// over a map, even of one entry, costs what a correct line's whole
	// round of a decoder does.
	triedUsed []*tried
	// spansUsed is the most of spans' room a hypothesis filled: putScratch
	// clears that much, not all the room a damaged line once made, on
	// every line after it.
	spansUsed int

	// words and wordIndex are wordAt's memory for the text wordsOf.
	words     []wordPrice
	wordIndex map[[2]int]int32
	wordsOf   string
	word      wordPrice // wordAt's answer for a text it does not remember

	screen      screen // screenFor's memory
	screenOf    string
	screenValid bool
	// brackets holds, for bracketsOf, the first opener and the last
	// closer of each of asciiBrackets (see scanBrackets).
	brackets      [len(asciiBrackets)][2]int
	bracketsOf    string
	bracketsValid bool

	whole   bool // readWhole's memory
	wholeOf string
	wholeBy *wrongDecoder

	// doubleByteScan's memory: the quick test's answer, the join of
	// the island starts' sets, and the starts.
	suspect     bool
	starts      doubleByteSet
	startList   []islandStart
	dbScanOf    string
	dbScanValid bool
	// quickSuspect's memory of its answer, where it had one (see
	// doubleByteSuspect).
	quickSuspect      bool
	quickSuspectOf    string
	quickSuspectValid bool
	// loneCJKByNumber's answer, asked by each double-byte decoder's
	// quick test (see doubleByteMayHold).
	lone      bool
	loneOf    string
	loneValid bool

	refuted      doubleByteSet // doubleByteRefuted's memory
	refutedOf    string
	refutedValid bool
	loneBuf      [8]byte // room for loneIsland's encodings

	inverted      bool // caseInverted's memory
	invertedOf    string
	invertedValid bool

	cost      float64 // wholeCost's memory
	costOf    string
	costValid bool

	// twin are the islands GBK's reading of twinOf found with the
	// options twinOpt, before its prior chose among them, and their gain
	// and loss; twinValid says they were found without GBK settled (see
	// readsAsGBK).
	twin      []span
	twinGain  float64
	twinLoss  string
	twinOf    string
	twinOpt   Options
	twinValid bool
}

// scratchPool keeps scratch space between segments: a corpus is millions
// of short lines, and each would otherwise allocate its byte, owner, kind
// and script-count buffers afresh.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// maxPooledBytes bounds the buffers a pooled scratch keeps: one huge line
// must not pin its memory for the rest of a run.
const maxPooledBytes = 64 << 10

func putScratch(sc *scratch) {
	if cap(sc.b) > maxPooledBytes || cap(sc.prefix) > maxPooledBytes || cap(sc.dec) > maxPooledBytes || cap(sc.repl) > maxPooledBytes || cap(sc.candBack) > maxPooledBytes ||
		cap(sc.sole) > maxPooledBytes || cap(sc.soleText) > maxPooledBytes || cap(sc.soleBelow) > maxPooledBytes || cap(sc.legacyOut) > maxPooledBytes {
		return
	}
	clear(sc.gains)
	clear(sc.rounds)
	for _, t := range sc.triedUsed {
		if len(sc.triedFree) < maxTriedFree {
			clear(t.legacy)
			*t = tried{legacy: t.legacy[:0]}
			sc.triedFree = append(sc.triedFree, t)
		}
	}
	clear(sc.tried)
	clear(sc.triedUsed)
	clear(sc.wordIndex)
	for _, l := range sc.langsSeen {
		// The window's Languages are done with: their memories of
		// priced words serve the next window's, emptied (see
		// plausible.Languages.Release).
		l.Release()
	}
	clear(sc.langsSeen)
	clear(sc.langsByText)
	clear(sc.choices)
	clear(sc.outcomes) // their texts and layers
	clear(sc.lines)
	clear(sc.spans[:sc.spansUsed]) // their texts and lost characters
	clear(sc.twin[:cap(sc.twin)])
	clear(sc.lost[:cap(sc.lost)]) // their candidates
	if ls := sc.lostSplit; ls != nil {
		ls.alt = ""
		ls.cs.Reset(nil, 0, "", 0, 0, 0) // it held the window's languages
	}
	*sc = scratch{
		b: sc.b[:0], dec: sc.dec[:0], repl: sc.repl[:0], runs: sc.runs[:0], spans: sc.spans[:0], owner: sc.owner[:0], kind: sc.kind[:0], pairs: sc.pairs[:0],
		prefix: sc.prefix[:0], gains: sc.gains, rounds: sc.rounds, tried: sc.tried, triedFree: sc.triedFree, triedUsed: sc.triedUsed[:0], openStack: sc.openStack[:0],
		words: sc.words[:0], wordIndex: sc.wordIndex, startList: sc.startList[:0], langsSeen: sc.langsSeen[:0], langsByText: sc.langsByText, choices: sc.choices,
		lines: sc.lines, twin: sc.twin[:0], rankings: sc.rankings, candBack: sc.candBack[:0], choiceWord: sc.choiceWord[:0], trial: sc.trial[:0],
		lost: sc.lost[:0], deep: sc.deep[:0], lostSplit: sc.lostSplit,
		choiceText: sc.choiceText[:0], outcomes: sc.outcomes[:0], ranges: sc.ranges[:0],
		// The sole reading encodes every line that reaches the search
		// through each page that may hold UTF-8 (see wholeReading): its
		// buffers made afresh were a fifth of what a correct line of the
		// dev set allocated. Nothing outlives the window in them (the
		// outcomes copy what they keep).
		sole: sc.sole[:0], soleText: sc.soleText[:0], soleBelow: sc.soleBelow[:0], legacyOut: sc.legacyOut[:0],
	}
	scratchPool.Put(sc)
}

// lostChar returns in in sc's space for one lost character, which the
// caller copies before it asks for another (see scratch.inferred).
func (sc *scratch) lostChar(in Inferred) *Inferred {
	sc.inferred = in
	return &sc.inferred
}

// newRanking returns a lostRanking of sc's for a lost character of the
// island being walked, good until the walk begins another island (see
// Inferred.settle).
func (sc *scratch) newRanking() *lostRanking {
	if sc.rankingsUsed == len(sc.rankings) {
		// Sized once for a lost byte's candidates, as inferLostBytes's
		// buffer on the stack is.
		sc.rankings = append(sc.rankings, &lostRanking{rs: make([]lostRanked, 0, maxLost)})
	}
	lr := sc.rankings[sc.rankingsUsed]
	sc.rankingsUsed++
	return lr
}

// putQuickScratch returns to the pool a scratch that only
// doubleByteNothing and legacyNothing used, on a clean one from
// getScratch: its memories of the line, each kept with the text it is
// of, are let go, and nothing else needs the clearing putScratch gives
// a scratch a search used (the maps and the buffers of words and
// spans), which was a tenth of what a correct line with a few hanzi
// cost.
func putQuickScratch(sc *scratch) {
	sc.screenOf, sc.screenValid = "", false
	sc.dbScanOf, sc.dbScanValid = "", false
	sc.quickSuspectOf, sc.quickSuspectValid = "", false
	sc.loneOf, sc.loneValid = "", false
	sc.refutedOf, sc.refutedValid = "", false
	sc.invertedOf, sc.invertedValid = "", false
	scratchPool.Put(sc)
}

// wholeCost is plausible.Cost(s), remembered for the segment of the
// round: every legacy hypothesis compares its reading with the same text.
func (sc *scratch) wholeCost(s string) float64 {
	if !sc.costValid || sc.costOf != s {
		sc.cost, sc.costOf, sc.costValid = plausible.Cost(s), s, true
	}
	return sc.cost
}

// screenFor is screenOf(s), computed once for all the hypotheses of a
// round.
func (sc *scratch) screenFor(s string) screen {
	if !sc.screenValid || sc.screenOf != s {
		sc.screen, sc.screenOf, sc.screenValid = screenOf(s), s, true
	}
	return sc.screen
}

// mayHold is the quick test of w on s: whether w's reading of s can
// hold a UTF-8 sequence at all.
func (sc *scratch) mayHold(s string, w *wrongDecoder) bool {
	if w.sb == nil {
		if sn := sc.screenFor(s); !sn.cjk || !sc.doubleByteMayHold(s, sn) {
			return false
		}
		return w.dbPage < 0 || sc.doubleByteStarts(s)&(1<<w.dbPage) != 0
	}
	if w.page < 0 {
		return w.mayHoldUTF8(s) // a page no hypothesis uses, named by a replayed plan
	}
	return sc.screenFor(s).utf8&(1<<w.page) != 0
}

// covers is w.covers(s), from the screen when it knows w's page.
func (sc *scratch) covers(s string, w *wrongDecoder) bool {
	if w.page < 0 {
		return w.covers(s)
	}
	return sc.screenFor(s).covers&(1<<w.page) != 0
}

// doubleByteNothing reports that, deciding, no double-byte reading of s
// keeps an island: each fails the quick test (see mayHold) or is refuted
// (see doubleByteRefuted).
func (sc *scratch) doubleByteNothing(s string) bool {
	sn := sc.screenFor(s)
	return !sn.cjk || !sc.doubleByteMayHold(s, sn) || sc.doubleByteStarts(s)&^sc.doubleByteRefuted(s) == 0
}

// doubleByteMayHold is the quick test of the double-byte decoders on s,
// whose screen is sn: mayHoldDoubleByteMojibake, or a line of Latin text
// whose one CJK character stands by a number (see loneCJKByNumber).
func (sc *scratch) doubleByteMayHold(s string, sn screen) bool {
	if sc.doubleByteSuspect(s, sn) || sc.wroteCJK(s) {
		return true
	}
	// Asked once for the line, not once per decoder: a line of English
	// with one CJK character is read whole.
	if !sc.loneValid || sc.loneOf != s {
		sc.lone, sc.loneOf, sc.loneValid = loneCJKByNumber(s), s, true
	}
	return sc.lone
}

// wroteCJK reports whether the previous round, reading s, wrote a Han,
// kana or Hangul character into it: a character the search itself made
// of mojibake is no evidence of CJK text, and may be mojibake once more.
// UTF-8 read through GBK and then windows-1252 makes the Italian "è"
// (C3 A8) "猫" (cat) and then "çŒ«"; the first round reads 猫, a common
// hanzi that a line of Latin text may hold on its own, and the second
// must still weigh it as GBK.
func (sc *scratch) wroteCJK(s string) bool {
	if sc.settledOf != s {
		return false
	}
	for _, r := range sc.settledRanges {
		if r[1] <= len(s) && strings.ContainsFunc(s[r[0]:r[1]], isCJKRune) {
			return true
		}
	}
	return false
}

// readsOwnLetters reports whether the island s[from:to] lies in text
// the previous round wrote, and cand, its reading, is letters the line's
// language writes: "Questo 猫 il manuale", the first round's reading of
// "çŒ«", is "è" through GBK, the commonest word of Italian. A hanzi
// that UTF-8 read once through windows-1252 made ("The Chinese word for
// cat is çŒ«") reads as è too, which English writes in no word of its
// own.
func (sc *scratch) readsOwnLetters(s string, from, to int, cand string) bool {
	inside := false
	for _, r := range sc.settledRanges {
		if r[0] <= from && to <= r[1] {
			inside = true
			break
		}
	}
	if !inside || cand == "" {
		return false
	}
	langs := sc.languages()
	if !unicode.IsLetter(lastRune(s[:from])) && !unicode.IsLetter(firstRune(s[to:])) {
		// A word of its own: one the language writes as a word, as
		// Italian does è and English, whose alphabet has è for
		// "café" and "crème", does not.
		r, size := utf8.DecodeRuneInString(cand)
		if size != len(cand) || !unicode.IsLetter(r) {
			return false
		}
		if langs.WritesAlone(r) {
			return true
		}
		// The letter pairs of a short line may choose a language
		// without its words: "Il valore predefinito 猫 zero" is
		// Portuguese to them, Italian to its words.
		ls, le := lineAround(s, from, to, maxLoneLeadLine)
		cheapest, _ := sc.cheapestAsItStands(s[ls:le], plausible.ClassOf(r).Script())
		return cheapest.WritesAlone(r)
	}
	for _, r := range cand {
		if !unicode.IsLetter(r) || r >= utf8.RuneSelf && !langs.Writes(r) {
			return false
		}
	}
	return true
}

// noteWritten adds to sc.wrote the letters outside ASCII that a round
// wrote into text, in ranges.
func (sc *scratch) noteWritten(text string, ranges [][2]int) {
	sc.wrote.addWritten(text, ranges)
}

// letterSet is a set of letters outside ASCII: those below U+0800, the
// letters of the alphabetic scripts, in a bitmap, the others listed up
// to maxWroteRunes; beyond that, every letter is as good as in it.
type letterSet struct {
	low   [0x800 / 64]uint64
	other []rune
	full  bool
}

// maxWroteRunes bounds the letters above U+0800 a letterSet lists.
const maxWroteRunes = 64

// addWritten adds the letters outside ASCII of text in ranges.
func (w *letterSet) addWritten(text string, ranges [][2]int) {
	for _, r := range ranges {
		if r[1] > len(text) {
			continue
		}
		for _, x := range text[r[0]:r[1]] {
			if x < utf8.RuneSelf || !unicode.IsLetter(x) {
				continue
			}
			if x < 0x800 {
				w.low[x>>6] |= 1 << (x & 63)
			} else if !slices.Contains(w.other, x) {
				if len(w.other) >= maxWroteRunes {
					w.full = true
					continue
				}
				w.other = append(w.other, x)
			}
		}
	}
}

// has reports whether x is in the set, or the set overflowed.
func (w *letterSet) has(x rune) bool {
	if x < 0x800 {
		return w.low[x>>6]&(1<<(x&63)) != 0
	}
	return w.full || slices.Contains(w.other, x)
}

// clip returns w with a list no later append shares.
func (w *letterSet) clip() letterSet {
	c := *w
	c.other = slices.Clip(c.other)
	return c
}

// survivorsRefute reports whether the island s[from:to], one CJK
// character standing as a word of its own and the only one of its line,
// read through a double-byte page as cand, is refuted by the letters
// beside it:
//   - a letter outside ASCII elsewhere in the line, of an alphabetic
//     script, that no round before wrote (see noteWritten), is UTF-8
//     that the page left standing, and would have garbled with the
//     rest. The common hanzi 猫 is C3 A8 in GBK, the UTF-8 of è, and
//     "Ich lerne das Zeichen 猫 für Katze" is correct German, its ü the
//     proof; read through GBK from UTF-8, the line would show "f眉r"
//     too. So is 露 (C2 B6 in GBK, ¶) in "The word 露 (pronounced lù)";
//   - a letter of a script the rest of the line does not write stands
//     for nothing: the rare hanzi 賱, read through GBK as the Arabic ل
//     (D9 84) among Indonesian words, is a stranger still.
func (sc *scratch) survivorsRefute(s string, from, to int, cand string) bool {
	if from >= to || cand == "" || unicode.IsLetter(lastRune(s[:from])) || unicode.IsLetter(firstRune(s[to:])) {
		return false
	}
	n := 0
	for _, r := range s[from:to] {
		if n++; !isCJKRune(r) || n > maxLoneCJK {
			return false
		}
	}
	c, csize := utf8.DecodeRuneInString(cand)
	script := plausible.NoScript
	if csize == len(cand) && unicode.IsLetter(c) {
		script = plausible.ClassOf(c).Script()
	}
	ln := sc.lineLetters(s)
	if ln.cjk != n {
		// Not the line's one CJK word: a run of mojibake beside
		// correct text ("MÃE PAGOU. 校褋褌邪薪芯胁泻邪 蟹薪邪褔械薪懈褟
		// 胁 1", Russian through GBK after Portuguese) holds its lone
		// words too.
		return false
	}
	same := script != plausible.NoScript && ln.scripts&(1<<script) != 0
	other := ln.scripts&^(1<<script) != 0
	return ln.survivor || script != plausible.NoScript && other && !same
}

// lineLetters is what survivorsRefute asks of a line's letters, outside
// an island of CJK characters alone: how many CJK characters the line
// holds, the scripts of its other letters (ASCII ones as Latin), and
// whether one of them is a survivor, a letter outside ASCII that no
// round of the window wrote.
type lineLetters struct {
	cjk      int
	scripts  uint32
	survivor bool
}

// lineLetters returns s's lineLetters, remembered for the text and the
// settlement it is read under: a Korean line's words of one or two
// syllables each ask, and each read the whole line.
func (sc *scratch) lineLetters(s string) lineLetters {
	if sc.lettersValid && sc.lettersOf == s && sc.lettersGen == sc.settleGen {
		return sc.letters
	}
	var ln lineLetters
	written := sc.settledOf == s
	for i, x := range s {
		if x < utf8.RuneSelf {
			if isASCIILetter(byte(x)) {
				ln.scripts |= 1 << plausible.Latin
			}
			continue
		}
		if isCJKRune(x) {
			ln.cjk++
			continue
		}
		if !unicode.IsLetter(x) {
			continue
		}
		ln.scripts |= 1 << plausible.ClassOf(x).Script()
		if !ln.survivor && !(written && insideRanges(sc.settledRanges, i)) && !sc.wrote.has(x) {
			ln.survivor = true
		}
	}
	sc.letters, sc.lettersOf, sc.lettersGen, sc.lettersValid = ln, s, sc.settleGen, true
	return ln
}

// maxLoneCJK is the most CJK characters an island survivorsRefute
// judges may hold: a word of two ("驕別" in a Portuguese line, through
// GBK with a byte dropped "�e"). A longer run beside correct text is a
// part of the line damaged apart from the rest ("MÃE PAGOU. 校褋褌邪薪芯胁泻邪").
const maxLoneCJK = 2

// insideRanges reports whether offset i lies in one of the sorted ranges.
func insideRanges(ranges [][2]int, i int) bool {
	for _, r := range ranges {
		if i < r[0] {
			return false
		}
		if i < r[1] {
			return true
		}
	}
	return false
}

// doubleByteSuspect is mayHoldDoubleByteMojibake(s), computed once for
// all the double-byte decoders of a round (see doubleByteScan); sn is
// the screen of s.
func (sc *scratch) doubleByteSuspect(s string, sn screen) bool {
	if sc.dbScanValid && sc.dbScanOf == s {
		return sc.suspect
	}
	if sc.quickSuspectValid && sc.quickSuspectOf == s {
		return sc.quickSuspect
	}
	if sn.twoByte {
		// quickSuspect would give up at the rune.
	} else if suspect, ok := quickSuspect(s); ok {
		// A line of CJK text and ASCII: most are not suspect, and the
		// island starts doubleByteScan lists with the answer, which
		// only a suspect line needs, are not listed.
		sc.quickSuspect, sc.quickSuspectOf, sc.quickSuspectValid = suspect, s, true
		return suspect
	}
	sc.doubleByteScan(s)
	return sc.suspect
}

// doubleByteStarts is the set of double-byte pages on which an island
// may begin somewhere in s, computed once for all the double-byte
// decoders of a round (see doubleByteScan).
func (sc *scratch) doubleByteStarts(s string) doubleByteSet {
	sc.doubleByteScan(s)
	return sc.starts
}

func (sc *scratch) languages() *plausible.Languages {
	if sc.langs == nil {
		sc.langs = sc.languagesOf(sc.langsOf)
	}
	return sc.langs
}

// languagesOf is plausible.LanguagesOf(t), remembered for the window: a
// text is read in its languages as a round's text, as the text a
// lookahead ends in, and as a draft of lost letters (see refineInDraft),
// and a fifth of them come again.
func (sc *scratch) languagesOf(t string) *plausible.Languages {
	if l, ok := sc.langsByText[t]; ok {
		return l
	}
	l := sc.sameLanguages(plausible.LanguagesOf(t))
	if sc.langsByText == nil {
		sc.langsByText = make(map[string]*plausible.Languages)
	}
	if len(sc.langsByText) >= maxLangsByText {
		clear(sc.langsByText) // Apply replays a whole document on one scratch
	}
	sc.langsByText[t] = l
	return l
}

// maxLangsByText bounds languagesOf's memory: a window's rounds read a
// few dozen texts.
const maxLangsByText = 256

// sameLanguages returns the Languages of an earlier text of the window
// that chooses as l does, or l: the rounds and the lookahead price the
// words of texts that differ only in their islands, in the same languages
// (a Czech line is Czech before and after "Ã¡" becomes "á"), and the
// Languages remembers the words it priced.
func (sc *scratch) sameLanguages(l *plausible.Languages) *plausible.Languages {
	for _, o := range sc.langsSeen {
		if o.SameAs(l) {
			return o
		}
	}
	sc.langsSeen = append(sc.langsSeen, l)
	return l
}

type byteKind uint8

const (
	kindPlain  byteKind = iota // byte of an encodable rune
	kindFirst                  // first byte of an encodable non-ASCII rune
	kindOpaque                 // rune W cannot encode
	kindFFFD                   // U+FFFD: a lost byte's mark
)

// encode fills sc with s encoded through w. Every rune gets at least one
// byte so offsets map back.
func (sc *scratch) encode(s string, w *wrongDecoder) {
	if sc.encodedBy == w && sc.encodedOf == s && !sc.encodedLive && len(s) > 0 {
		return // the legacy readings through one page share its bytes
	}
	sc.encodedBy, sc.encodedOf, sc.encodedLive = w, s, false
	if w.sb != nil {
		sc.encodeSingleByte(s, w.sb)
		return
	}
	// The buffers are appended to as locals and sized for the common
	// case up front: every double-byte page with an island start in the
	// line encodes all of it, and appending through sc's fields kept
	// every slice header in memory.
	n := len(s) + len(s)/2
	b, owner, kind := slices.Grow(sc.b[:0], n), slices.Grow(sc.owner[:0], n), slices.Grow(sc.kind[:0], n)
	for i, r := range s {
		if r < utf8.RuneSelf {
			b = append(b, byte(r))
			owner = append(owner, int32(i))
			kind = append(kind, kindFirst)
			continue
		}
		n := len(b)
		var ok bool
		if r != utf8.RuneError {
			b, ok = w.encodeRune(b, r)
		}
		if !ok {
			b = append(b[:n], 0)
			k := kindOpaque
			if r == utf8.RuneError {
				k = kindFFFD
			}
			owner = append(owner, int32(i))
			kind = append(kind, k)
			continue
		}
		owner, kind = markRune(owner, kind, i, len(b)-n)
	}
	sc.b, sc.owner, sc.kind = b, owner, kind
}

// markRune records the size bytes a rune at offset i of the text was
// encoded to: each owned by i, the first marked kindFirst.
func markRune(owner []int32, kind []byteKind, i, size int) ([]int32, []byteKind) {
	for j := range size {
		owner = append(owner, int32(i))
		if j == 0 {
			kind = append(kind, kindFirst)
		} else {
			kind = append(kind, kindPlain)
		}
	}
	return owner, kind
}

// encodeLive fills sc for undoUTF8's walk through the double-byte page
// w. It reads through w only the stretches of s an island can touch:
// each begins at a rune where an island may begin on w (see
// islandStartList) and ends with the first barrier after it, a rune that
// no island reads past. Each stretch between stands as one opaque byte,
// owned by its first rune, which the walk steps over as it stepped over
// the runes themselves (none begins anything). Correct text with a few
// CJK characters among other scripts has a start or two on some pages,
// and encoding the whole line through each of those pages was a third
// of what such a line cost.
//
// The walk begins islands only at starts, and it and the readers it
// calls (parseSeq, lostRun, droppedInside, readAs) read the bytes
// forward from there, never back (what comes before an island is read
// in s). No sequence takes a barrier's first byte: an ASCII byte other
// than ' ' (a lost 0xA0) and '?' (a lost byte) continues none and begins
// none; nor does an opaque byte; nor the first byte of a rune that
// begins no island and is 0xC0 or above, which continues none, and the
// lead it is begins nothing (see mayStartIsland). A reader that looks
// at a barrier sees its first byte and stops; DecodeRune over it fails
// on that byte whether the bytes after it are the text's or the stand-in.
// So the walk finds the same islands in the same bytes, at other
// indices, with the same offsets in s; and the stand-ins keep the end of
// the buffer where the end of the line is.
func (sc *scratch) encodeLive(s string, w *wrongDecoder) {
	if sc.encodedBy == w && sc.encodedOf == s && len(s) > 0 {
		return // this reading, or encode's whole one, serves
	}
	sc.encodedBy, sc.encodedOf, sc.encodedLive = w, s, true
	bit := doubleByteSet(1) << w.dbPage
	b, owner, kind := sc.b[:0], sc.owner[:0], sc.kind[:0]
	pos := 0 // s[:pos] is in the buffers
	for _, st := range sc.islandStartList(s) {
		if int(st.off) < pos || st.set&bit == 0 {
			continue
		}
		if int(st.off) > pos {
			b, owner, kind = append(b, 0), append(owner, int32(pos)), append(kind, kindOpaque)
		}
		for pos = int(st.off); pos < len(s); {
			i := pos
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8x.DecodeAt(s, i) // the CJK and alphabets in line
			}
			pos += size
			if r < utf8.RuneSelf {
				b, owner, kind = append(b, byte(r)), append(owner, int32(i)), append(kind, kindFirst)
				if r != ' ' && r != '?' {
					break
				}
				continue
			}
			n := len(b)
			var ok bool
			if r != utf8.RuneError {
				b, ok = w.encodeRune(b, r)
			}
			if !ok {
				b, owner = append(b[:n], 0), append(owner, int32(i))
				if r != utf8.RuneError {
					kind = append(kind, kindOpaque)
					break
				}
				kind = append(kind, kindFFFD)
				continue
			}
			owner, kind = markRune(owner, kind, i, len(b)-n)
			if b[n] >= 0xC0 && r <= 0xFFFF && islandStartsOf(r)&bit == 0 {
				break
			}
		}
	}
	if pos < len(s) {
		b, owner, kind = append(b, 0), append(owner, int32(pos)), append(kind, kindOpaque)
	}
	sc.b, sc.owner, sc.kind = b, owner, kind
}

// encodeLiveSingle is encodeLive for the single-byte page w, which drops
// no byte (see beginsNothing), under opt: it reads through w only the
// stretches of s an island can touch, each from a rune where the walk
// may begin an island (see beginsAt) to the first barrier after it, and
// each stretch between stands as one opaque byte owned by its first
// rune. A Russian line through windows-1251 is every letter a lead byte,
// and a handful of them begin anything (the "В" of "В Linux", a letter
// before "ё" or "«"); encoding the whole line and stepping over every
// letter was most of that reading's cost, and that reading most of a
// correct Cyrillic line's.
//
// The walk finds an island only where parseSeq reads a sequence, which
// beginsAt says of every such rune, and it and the readers it calls
// (parseSeq, readAs) read the bytes forward from there. A barrier is a
// rune no sequence takes and none begins: an ASCII byte other than ' '
// (a lost 0xA0) and '?' (a lost byte), an opaque byte, or a byte 0xC0 or
// above where beginsAt is false, which continues no sequence (a CESU-8
// pair's second half is one where it is true) and begins none. Nothing
// read forward passes a barrier: parseSeq refuses a sequence over it,
// and DecodeRune reads it as one byte, whether the bytes after it are
// the text's or the stand-in. So the walk finds the same islands in the
// same bytes as in encode's whole line, with the same offsets in s; and
// the stand-ins keep the end of the buffer where the end of the line
// is. (The page's encoding of the runes left out, which
// wordShowsLanguage asks of the words around an island, is read from s;
// see beginsSequence.)
func (sc *scratch) encodeLiveSingle(s string, w *wrongDecoder, opt Options) {
	sc.encodedBy, sc.encodedOf, sc.encodedLive = w, s, true
	bit := pageSet(1) << w.page
	b, owner, kind := sc.b[:0], sc.owner[:0], sc.kind[:0]
	pos := 0 // s[:pos] is in the buffers
	for i := 0; ; {
		if i = w.nextStart(s, i, bit, opt); i == len(s) {
			break
		}
		if i > pos {
			b, owner, kind = append(b, 0), append(owner, int32(pos)), append(kind, kindOpaque)
		}
		for pos = i; pos < len(s); {
			o := pos
			r, size := rune(s[o]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8x.DecodeAt(s, o)
			}
			pos += size
			if r < utf8.RuneSelf {
				b, owner, kind = append(b, byte(r)), append(owner, int32(o)), append(kind, kindFirst)
				if r != ' ' && r != '?' {
					break
				}
				continue
			}
			var (
				c  byte
				ok bool
			)
			if r != utf8.RuneError {
				c, ok = w.sb.EncodeRune(r)
			}
			if !ok {
				b, owner = append(b, 0), append(owner, int32(o))
				if r != utf8.RuneError {
					kind = append(kind, kindOpaque)
					break
				}
				kind = append(kind, kindFFFD)
				continue
			}
			b, owner, kind = append(b, c), append(owner, int32(o)), append(kind, kindFirst)
			if c >= 0xC0 && !w.beginsAt(s, pos, c, opt) {
				break
			}
		}
		i = pos
	}
	if pos < len(s) {
		b, owner, kind = append(b, 0), append(owner, int32(pos)), append(kind, kindOpaque)
	}
	sc.b, sc.owner, sc.kind = b, owner, kind
}

// beginsAt reports whether parseSeq may read a sequence through the
// single-byte page w, which drops no byte, from a rune of s that w
// encodes as c, the runes after it beginning at s[next:]. It is true
// wherever parseSeq reads one (and in a few places more: a CESU-8 pair's
// first half, and a '?' or U+FFFD for a lost byte, are taken on sight),
// so where it is false, parseSeq refuses, and so does DecodeRune over the
// bytes. It reads parseSeq's paths for such a page: the bytes that
// continue the sequence, a space that stood for 0xA0, and the marks of a
// lost byte ('?' after a lead only after C2 and C3). The Russian "н" is
// ED in windows-1251, which begins a CESU-8 pair (ED A0–AF) or its
// second half (ED B0–BF, which cesuPair reads on from the first, and no
// barrier may stand in for), but only before a continuation byte; and
// every other letter of a Russian line is a lead that a letter after it
// refutes.
func (w *wrongDecoder) beginsAt(s string, next int, c byte, opt Options) bool {
	need, lo, hi := utf8SeqLen(c)
	if need == 0 {
		return false // C0, C1 and F5 and above lead nothing
	}
	if c == 0xED {
		hi = 0xBF // either half of a CESU-8 pair (see cesuPair)
	}
	p := next
	for k := 1; k < need; k++ {
		if p == len(s) {
			return false
		}
		r, size := decodeRuneAny(s, p)
		p += size
		if r == utf8.RuneError {
			return true // a lost byte's mark (encode marks it kindFFFD)
		}
		x, ok := byte(r), true
		if r >= utf8.RuneSelf {
			if x, ok = w.sb.EncodeRune(r); !ok {
				return false // an opaque byte
			}
		}
		l, h := byte(0x80), byte(0xBF)
		if k == 1 {
			l, h = lo, hi
		}
		switch {
		case x >= l && x <= h:
		case x == ' ' && opt.RestoreByteA0 && w.a0 && l <= 0xA0 && 0xA0 <= h:
		case x == '?':
			return k >= 2 || c == 0xC2 || c == 0xC3
		default:
			return false
		}
	}
	return true
}

// nextStart returns the offset of the first rune of s from i on where
// beginsAt says the walk through the single-byte page w (bit in the
// screen's sets) may begin an island under opt, or len(s). It asks
// beginsAt only of a lead, from the screen's table, before a rune that
// may continue it (one the page makes a continuation byte, or U+FFFD)
// or a space or '?': most letters of a Russian line are leads in
// windows-1251, and the letter after each, read once as its neighbour
// and then as a lead itself, refutes it.
func (w *wrongDecoder) nextStart(s string, i int, bit pageSet, opt Options) int {
outer:
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			i += ascii.Prefix(s[i:]) // no ASCII byte begins an island here
			continue
		}
		r, size := utf8x.DecodeAt(s, i)
		e := screenTab.lookup(r)
		for e.lead&bit != 0 {
			n := i + size
			if n == len(s) {
				return len(s)
			}
			if c := s[n]; c < utf8.RuneSelf {
				if (c == ' ' || c == '?') && w.beginsAfter(s, r, n, opt) {
					return i
				}
				i = n
				continue outer
			}
			next, nextSize := utf8x.DecodeAt(s, n)
			nextBits := screenTab.lookup(next)
			if (next == utf8.RuneError || nextBits.cont&bit != 0) && w.beginsAfter(s, r, n, opt) {
				return i
			}
			i, r, size, e = n, next, nextSize, nextBits
		}
		i += size
	}
	return len(s)
}

// beginsAfter is beginsAt for the rune r, which w encodes, before s[next:].
func (w *wrongDecoder) beginsAfter(s string, r rune, next int, opt Options) bool {
	c, _ := w.sb.EncodeRune(r)
	return w.beginsAt(s, next, c, opt)
}

// decodeRuneAny is utf8.DecodeRuneInString(s[i:]), with utf8x.DecodeAt's
// fast paths for a rune outside ASCII.
func decodeRuneAny(s string, i int) (rune, int) {
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return utf8x.DecodeAt(s, i)
}

// beginsSequenceSingle is beginsSequence for the single-byte page w, read
// from s: whether the bytes w encodes the rune at s[i:] and the runes
// after it to begin a complete UTF-8 sequence, as encode's whole line
// would say. A rune w cannot encode says nothing either way; U+FFFD is
// the zero byte encode puts for it.
func (w *wrongDecoder) beginsSequenceSingle(s string, i int) bool {
	var bytes [utf8.UTFMax]byte
	var opaque [utf8.UTFMax]bool
	n := 0
	for o := i; o < len(s) && n < len(bytes); {
		r, size := decodeRuneAny(s, o)
		o += size
		x, ok := byte(r), true
		if r == utf8.RuneError {
			x = 0
		} else if r >= utf8.RuneSelf {
			x, ok = w.sb.EncodeRune(r)
		}
		bytes[n], opaque[n] = x, !ok
		n++
		if n == 1 {
			if !ok {
				return true
			}
			need, _, _ := utf8SeqLen(x)
			if need < 2 {
				return false
			}
		}
	}
	need, lo, hi := utf8SeqLen(bytes[0])
	if need > n {
		return false
	}
	for k := 1; k < need; k++ {
		if opaque[k] {
			return true // cut short by a letter the page cannot encode
		}
		c := bytes[k]
		if k == 1 && (c < lo || c > hi) || !isCont(c) {
			return false
		}
	}
	return true
}

// encodeSingleByte is encode through a single-byte page, which gives
// every rune one byte: the buffers are sized once and written in place,
// not appended to rune by rune (every page of every round encodes the
// whole segment).
func (sc *scratch) encodeSingleByte(s string, sb *codec.SingleByte) {
	n := len(s) // at least the runes' count
	b, owner, kind := slices.Grow(sc.b[:0], n)[:n], slices.Grow(sc.owner[:0], n)[:n], slices.Grow(sc.kind[:0], n)[:n]
	j := 0
	for i, r := range s {
		c, k := byte(r), kindFirst
		if r >= utf8.RuneSelf {
			var ok bool
			if r != utf8.RuneError {
				c, ok = sb.EncodeRune(r)
			}
			if !ok {
				c, k = 0, kindOpaque
				if r == utf8.RuneError {
					k = kindFFFD
				}
			}
		}
		b[j], owner[j], kind[j] = c, int32(i), k
		j++
	}
	sc.b, sc.owner, sc.kind = b[:j], owner[:j], kind[:j]
}

// runeStart reports whether byte j starts a rune of the text.
func (sc *scratch) runeStart(j int) bool {
	return j == len(sc.b) || sc.kind[j] != kindPlain
}

// offsetAt maps byte position j (a rune start, or len) to an offset in s.
func (sc *scratch) offsetAt(s string, j int) int {
	if j >= len(sc.b) {
		return len(s)
	}
	return int(sc.owner[j])
}

// utf8SeqLen returns the length of the UTF-8 sequence a lead byte starts,
// and the range its second byte must fall in.
func utf8SeqLen(b byte) (n int, lo, hi byte) {
	switch {
	case b >= 0xC2 && b <= 0xDF:
		return 2, 0x80, 0xBF
	case b == 0xE0:
		return 3, 0xA0, 0xBF
	case b == 0xED:
		return 3, 0x80, 0x9F
	case b >= 0xE1 && b <= 0xEF:
		return 3, 0x80, 0xBF
	case b == 0xF0:
		return 4, 0x90, 0xBF
	case b >= 0xF1 && b <= 0xF3:
		return 4, 0x80, 0xBF
	case b == 0xF4:
		return 4, 0x80, 0x8F
	}
	return 0, 0, 0
}

func isCont(b byte) bool { return b >= 0x80 && b <= 0xBF }

// margin is the least gain, in bits, that justifies changing a span.
// Below it the text is left as it is: a miss is better than a false
// positive.
const margin = 4.0

// totalMargin is the least gain of all the spans a hypothesis changes in
// one segment. A single short span ("Å™" → "ř", "×£" → "ף") is weak
// evidence on its own; real mojibake usually repeats, and its spans'
// gains add up.
const totalMargin = 10.0

// weakMargin is the least gain of a span that is kept only because its
// hypothesis is convincing elsewhere in the segment: one wrong decoder
// usually damaged the whole line, so once "d端rfen" shows that UTF-8 was
// read as EUC-JP, "損\0束" in the same line is »\0« too.
const weakMargin = 1.0

// prior is the cost, in bits, of supposing w was the wrong decoder at
// all, added to the margin a hypothesis must clear. Text is mis-read as
// windows-1252 or Latin-1 far more often than as MacRoman or cp437, so a
// short island read through a rare page ("√π" as MacRoman gives "ù")
// needs more evidence than one read through a common page ("Ã´" → "ô").
func (w *wrongDecoder) prior() float64 { return w.priorBits }

// keepConvincing drops the spans below margin unless the hypothesis is
// convincing: its strong spans clear totalMargin (and the decoder's
// prior) on their own and, with the weak ones, twice that. Only
// followers may ride along: weak spans that decode to ordinary characters
// of the line's own scripts. A weak island that yields a rare letter
// (line art "┼┐" read through cp437 gives ſ) or a letter of a script the
// line does not use (correct Chinese re-read through EUC-JP gives Greek
// and Arabic) rides on no one's evidence.
func keepConvincing(spans []span, gain, prior float64) ([]span, float64) {
	strong, weak := 0.0, 0.0
	var strongScripts uint32
	for _, sp := range spans {
		if sp.gain >= margin {
			strong += sp.gain
			strongScripts |= sp.scripts
		}
	}
	// A follower's letters must belong to the line as it will be: its
	// scripts, or those the strong spans bring (Greek mojibake repaired in
	// one word makes Greek at home in the next).
	for i := range spans {
		sp := &spans[i]
		sp.follower = sp.follower && sp.strangerScripts&^strongScripts == 0
		if sp.follower {
			weak += sp.gain
		}
	}
	need := totalMargin + prior
	keepWeak := strong >= need && strong+weak >= 2*need
	kept := spans[:0]
	gain = 0
	for _, sp := range spans {
		if sp.gain >= margin || keepWeak && sp.follower {
			kept = append(kept, sp)
			gain += sp.gain
		}
	}
	return kept, gain
}

// ordinary reports whether every character of s is one people commonly
// write.
func ordinary(s string) bool {
	for _, r := range s {
		if plausible.RuneCost(r) >= 14 {
			return false
		}
	}
	return true
}

// lossPrior is the cost, in bits, of assuming a byte was lost: a repair
// that needs lost bytes must beat one that does not.
const lossPrior = 3.0

// settledLossPrior is lossPrior on a line that the previous round showed
// to be wholly read through the same decoder. There a lead byte standing
// alone is no coincidence to be paid for: the decoder is known to have
// read this line, and it drops or replaces exactly such bytes. In a
// Hungarian line repaired from windows-1252, "KÖZREADÃSRA" is left with
// "Ã" and a lost 0x81 (Á), and the Hungarian model prefers Á by about as
// much as lossPrior takes away.
const settledLossPrior = 1.0

// lossPriorAt is the price of a lost byte in an island s[from:to] read
// through w: settledLossPrior when the previous round undid w on this
// line, the island lies outside what that round wrote, and everything
// else the round left outside ASCII is a lone lead byte of w (see
// readWhole). A line that is only partly damaged keeps the full prior:
// "PÅSETS" among Danish words of a line whose Polish words were repaired
// from windows-1252 is a Danish word, not Å and a lost 0x81.
func (sc *scratch) lossPriorAt(s string, w *wrongDecoder, from, to int, decide bool) float64 {
	if !decide || sc.settled != w.name() || sc.settledOf != s {
		return lossPrior
	}
	for _, r := range sc.settledRanges {
		if from < r[1] && r[0] < to {
			return lossPrior
		}
	}
	if !sc.readWhole(s, w) {
		return lossPrior
	}
	return settledLossPrior
}

// settledWhole reports whether the previous round read s through w and
// left nothing outside ASCII but lone lead bytes of w (see readWhole).
func (sc *scratch) settledWhole(s string, w *wrongDecoder) bool {
	return sc.settled == w.name() && sc.settledOf == s && sc.readWhole(s, w)
}

// readWhole reports whether every rune of s outside ASCII and outside
// the previous round's ranges is one that w encodes as a UTF-8 lead byte,
// or U+FFFD: whether nothing in the line speaks for correct text of its
// own beside the damage w did.
func (sc *scratch) readWhole(s string, w *wrongDecoder) bool {
	if sc.wholeOf == s && sc.wholeBy == w {
		return sc.whole
	}
	sc.wholeOf, sc.wholeBy = s, w
	pos := 0
	for _, r := range sc.settledRanges {
		if !onlyLoneLeads(s[pos:r[0]], w) {
			sc.whole = false
			return false
		}
		pos = r[1]
	}
	sc.whole = onlyLoneLeads(s[pos:], w)
	return sc.whole
}

// onlyLoneLeads reports whether every rune of s outside ASCII is U+FFFD
// or one that w encodes as the beginning of a UTF-8 sequence cut short:
// a lone lead byte, or through a double-byte page a lead and the
// continuation bytes after it ("涓", E4 B8, is 与, E4 B8 8E, whose last
// byte GBK dropped before a space).
func onlyLoneLeads(s string, w *wrongDecoder) bool {
	var buf [utf8.UTFMax]byte
	for _, c := range s {
		if c < utf8.RuneSelf || c == utf8.RuneError {
			continue
		}
		b, ok := w.encodeRune(buf[:0], c)
		if !ok || !incompleteUTF8(b) {
			return false
		}
	}
	return true
}

// incompleteUTF8 reports whether b is a UTF-8 lead byte followed by
// fewer continuation bytes than it needs, and nothing else.
func incompleteUTF8(b []byte) bool {
	if len(b) == 0 || b[0] < 0xC2 || b[0] > 0xF4 {
		return false
	}
	need, lo, hi := utf8SeqLen(b[0])
	if len(b) >= need {
		return false
	}
	for k, x := range b[1:] {
		if k == 0 && (x < lo || x > hi) || k > 0 && (x < 0x80 || x > 0xBF) {
			return false
		}
	}
	return true
}

// span is a contiguous replacement in s.
type span struct {
	from, to int // offsets in s
	gain     float64
	follower bool // may ride on a convincing hypothesis; see keepConvincing
	// scripts and strangerScripts are bit sets (1<<Script) of the scripts
	// of the span's letters, and of those that are strangers to its line.
	scripts, strangerScripts uint32
	text                     string
	loss                     string
	inferred                 []Inferred
}

// assemble applies spans (sorted, disjoint) to s.
func assemble(s string, spans []span) string {
	var b strings.Builder
	b.Grow(len(s))
	pos := 0
	for _, sp := range spans {
		b.WriteString(s[pos:sp.from])
		b.WriteString(sp.text)
		pos = sp.to
	}
	b.WriteString(s[pos:])
	return b.String()
}

// assembleTracked is assemble that also returns the byte ranges of the
// output the spans wrote, appended to produced.
func assembleTracked(s string, spans []span, produced [][2]int) (string, [][2]int) {
	var b strings.Builder
	b.Grow(len(s))
	pos := 0
	for _, sp := range spans {
		b.WriteString(s[pos:sp.from])
		start := b.Len()
		b.WriteString(sp.text)
		produced = append(produced, [2]int{start, b.Len()})
		pos = sp.to
	}
	b.WriteString(s[pos:])
	return b.String(), produced
}

// disjoint reports whether no span touches any of the ranges.
func disjoint(spans []span, ranges [][2]int) bool {
	for _, sp := range spans {
		for _, r := range ranges {
			if sp.from < r[1] && r[0] < sp.to {
				return false
			}
		}
	}
	return true
}

// holdsRareNonCJK reports whether s has a character outside Han, kana
// and Hangul that costs as much as a rare letter, or a combining mark:
// text is written precomposed, and a mark that a repair leaves where two
// letters stood ("ВМЁТЫВАЮЩИЙ" through windows-1251 holds CC A8, an
// ogonek) is no accent anybody typed. (Han, kana and Hangul are priced
// by their frequency in each language instead.)
func holdsRareNonCJK(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r >= utf8.RuneSelf && !isCJKRune(r) &&
			(plausible.RuneCost(r) >= rareCJKCost || plausible.ClassOf(r) == plausible.Combining) {
			return true
		}
	}
	return false
}

// lastRune and firstRune decode in line (see utf8x): they read the
// neighbours of every island, word and lost character the search weighs,
// and the first rune of each of a lost CJK character's candidates.
func lastRune(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8x.DecodeLast(s)
	return r
}

func firstRune(s string) rune {
	if s != "" && s[0] < utf8.RuneSelf {
		return rune(s[0])
	}
	return firstRuneSlow(s)
}

// firstRuneSlow is firstRune outside ASCII, apart so that firstRune is
// inlined.
//
//go:noinline
func firstRuneSlow(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8x.DecodeAt(s, 0)
	return r
}

// gainAt is how much more plausible s becomes when s[from:to] is
// replaced by cand. Both are judged as whole words: the span is widened
// to the surrounding spaces (at most maxWord bytes each way), so that the
// language model sees "förteckning", not "ö" alone.
func gainAt(sc *scratch, s string, from, to int, cand string) float64 {
	return gainAtOrBelow(sc, s, from, to, cand, math.Inf(-1))
}

// gainAtOrBelow is gainAt, except that for a caller that refuses every
// island whose gain is below floor, whatever else it decides, it may
// return for such an island any other figure below floor: an island of
// correct text is then refused without choosing the line's languages,
// which reads all of it, or without pricing the word's languages at all
// (see gainAtUncached). The figure is a bound on the gain, or, for a
// reading that writes a rare letter, on the character model's part of
// it (see wordCharBound), which the gain may exceed while staying
// below floor. floor is weakMargin or more, or -Inf for a caller that
// needs the gain itself.
func gainAtOrBelow(sc *scratch, s string, from, to int, cand string, floor float64) float64 {
	// Several wrong decoders find the same island with the same
	// reading ("Ã©" is "é" through windows-1252, Latin-1 and
	// windows-1254 alike): price it once per round.
	key := gainKey{from, to, cand}
	if sc.langsOf == s {
		if m, ok := sc.gains[key]; ok {
			return m.g
		}
	}
	g, exact := gainAtUncached(sc, s, from, to, cand, floor)
	if !exact {
		return g // a bound, which another caller may not take for the gain
	}
	if sc.langsOf == s {
		if sc.gains == nil {
			sc.gains = make(map[gainKey]gainMemo)
		}
		key.cand = strings.Clone(cand) // cand may be the caller's buffer (see undoUTF8)
		sc.gains[key] = gainMemo{g: g, cand: key.cand}
		sc.lastGain = key
	}
	return g
}

type gainKey struct {
	from, to int
	cand     string
}

// gainMemo is a gain gainAt remembers, and its copy of the reading.
type gainMemo struct {
	g    float64
	cand string
}

// candText returns s[from:to]'s reading cand as a string of its own:
// gainAt's copy when it remembers the island, else a new one.
func (sc *scratch) candText(from, to int, cand string) string {
	if k := sc.lastGain; k.from == from && k.to == to && k.cand == cand {
		return k.cand // most often the island just priced
	}
	if m, ok := sc.gains[gainKey{from, to, cand}]; ok {
		return m.cand
	}
	return strings.Clone(cand)
}

// wordCost is the cost of the words around s[from:to] with cand in its
// place, as gainAt prices them, in the languages langs.
// Where split is not nil, cand is dec with split's alt in place of the
// lost character split says dec holds, and a word not remembered is
// priced through split, to the same figure.
func (sc *scratch) wordCost(s string, from, to int, cand string, langs *plausible.Languages, split *lostSplit, dec []byte) float64 {
	ws, we := wordBounds(s, from, to)
	// The word is looked up through a view of sc's buffer, and copied
	// only to be remembered.
	sc.choiceWord = append(append(append(sc.choiceWord[:0], s[ws:from]...), cand...), s[to:we]...)
	key := choiceKey{langs, lastRune(s[:ws]), firstRune(s[we:]), bytesView(sc.choiceWord)}
	// Remembered for the window: refineLost tries the letters of a lost
	// byte in the island's word, then again in the draft line (see
	// refineInDraft), often in the same languages, and rounds repeat
	// the tries of the lookahead; on the dev set's damaged lines, more
	// than half the words priced here had been priced before.
	if c, ok := sc.choices[key]; ok {
		return c
	}
	if split != nil && !split.ready {
		// The word with the character chosen so far, priced around its
		// place from here on (see plausible.ChoiceSplit).
		split.word = append(append(append(split.word[:0], s[ws:from]...), dec...), s[to:we]...)
		at := from - ws + split.off
		split.split = split.cs.Reset(langs, key.before, bytesView(split.word), key.after, at, at+split.n)
		split.ready = true
	}
	var c float64
	if split != nil && split.split {
		c = split.cs.Cost(split.alt)
	} else {
		c = plausible.ChoiceCost(key.before, key.word, key.after, langs)
	}
	if sc.choices == nil {
		sc.choices = make(map[choiceKey]float64)
	}
	if len(sc.choices) >= maxChoices {
		clear(sc.choices) // Apply replays a whole document on one scratch
		sc.choiceText = sc.choiceText[:0]
	}
	key.word = sc.keepChoiceWord(key.word)
	sc.choices[key] = c
	return c
}

// keepChoiceWord returns word, a view of a buffer, as a string in
// sc.choiceText, which is never written where a string it returned
// lies until sc.choices is emptied. A full buffer is left to the keys
// that refer to it, and a new one begun.
func (sc *scratch) keepChoiceWord(word string) string {
	if word == "" {
		return ""
	}
	if cap(sc.choiceText)-len(sc.choiceText) < len(word) {
		sc.choiceText = make([]byte, 0, max(choiceTextChunk, len(word)))
	}
	at := len(sc.choiceText)
	sc.choiceText = append(sc.choiceText, word...)
	return unsafe.String(&sc.choiceText[at], len(word))
}

// choiceTextChunk is the size of the buffers of sc.choiceText.
const choiceTextChunk = 4 << 10

// newOutcome returns room for an outcome in sc.outcomes, good until
// putScratch.
func (sc *scratch) newOutcome() *outcome {
	if len(sc.outcomes) == cap(sc.outcomes) {
		// Outcomes handed out stay in the full buffer.
		sc.outcomes = make([]outcome, 0, outcomeChunk)
	}
	sc.outcomes = sc.outcomes[:len(sc.outcomes)+1]
	return &sc.outcomes[len(sc.outcomes)-1]
}

// outcomeChunk is how many outcomes a buffer of sc.outcomes holds.
const outcomeChunk = 16

// newRanges returns an empty slice with room for n ranges in
// sc.ranges, good until putScratch.
func (sc *scratch) newRanges(n int) [][2]int {
	if cap(sc.ranges)-len(sc.ranges) < n {
		sc.ranges = make([][2]int, 0, max(rangesChunk, n))
	}
	at := len(sc.ranges)
	sc.ranges = sc.ranges[:at+n]
	return sc.ranges[at : at : at+n]
}

// rangesChunk is how many ranges a buffer of sc.ranges holds.
const rangesChunk = 64

// lostSplit is what wordCost needs to price the readings refineLost
// weighs for one lost character from the word around it: where the
// character chosen so far lies in the island's decoding, dec[off:off+n],
// and the reading alt being weighed. Eight readings of a lost byte, each
// priced in full, were a quarter of what a line of Chinese in GBK shown
// as windows-1252 cost, where the word is a window of fifty characters.
type lostSplit struct {
	off, n int
	alt    string
	ready  bool // cs and word are set up for dec
	split  bool // cs prices the readings (see plausible.ChoiceSplit.Reset)
	cs     plausible.ChoiceSplit
	word   []byte
}

// choiceKey is a word wordCost priced, in its languages and between its
// neighbours.
type choiceKey struct {
	langs         *plausible.Languages
	before, after rune
	word          string
}

// maxChoices bounds wordCost's memory.
const maxChoices = 4096

// wordBounds widens s[from:to] to the surrounding spaces, at most maxWord
// bytes each way.
func wordBounds(s string, from, to int) (ws, we int) {
	ws, we = from, to
	// An ASCII byte is a rune of its own, read without decoding: a
	// break is one, and words are mostly ASCII or two-byte letters.
	for ws > 0 && from-ws < maxWord {
		r, size := rune(s[ws-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8x.DecodeLast(s[:ws])
		}
		if isBreak(r) {
			break
		}
		ws -= size
	}
	for we < len(s) && we-to < maxWord {
		r, size := rune(s[we]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8x.DecodeAt(s, we)
		}
		if isBreak(r) {
			break
		}
		we += size
	}
	return ws, we
}

func gainAtUncached(sc *scratch, s string, from, to int, cand string, floor float64) (g float64, exact bool) {
	ws, we := wordBounds(s, from, to)
	before, after := lastRune(s[:ws]), firstRune(s[we:])
	orig := s[ws:we]
	// An island the caller would refuse below floor is first bounded on
	// the word alone, without the line's scripts and languages (see
	// wordCharBound): correct text re-encoded through Big5 reads the "М"
	// of "Москва" as "Ǻ", and windows-1251 reads the "В " that begins a
	// Russian sentence as an NBSP.
	// (Only while the line's languages are still to be chosen: a line
	// that chose them is being repaired, and its islands are mostly
	// mojibake, which the bound would not refuse.)
	if floor > math.Inf(-1) && sc.langs == nil {
		if b, ok := wordCharBound(orig, from-ws, to-ws, before, after, cand); ok && b < floor {
			if holdsRareNonCJK(cand) {
				// A reading that writes a rare letter gets no word of
				// support from the language model (see below), and
				// the bound on quick is one on the figure returned.
				return b, false
			}
			// Otherwise the language model adds at most what the word
			// as it stands costs it, as below; that is worth working
			// out only where the character model leaves room.
			if bound := b + sc.wordMax(s, ws, we) + boundSlack; bound < floor {
				return bound, false
			}
		}
	}
	// The word with cand in place is built in sc's buffer: most islands
	// are rejected on the character model, which keeps nothing of it,
	// and a string per island was most of what a correct line allocated.
	// repl is good until the next island; the language model, which
	// remembers the words it priced, gets a copy.
	sc.repl = append(append(append(sc.repl[:0], s[ws:from]...), cand...), s[to:we]...)
	repl := unsafe.String(unsafe.SliceData(sc.repl), len(sc.repl))
	quick, wp := sc.quickGain(s, from, to, ws, we, before, after, cand, repl)
	// The character model alone, plus the most the language model could
	// add to the text as it stands, bounds the gain from above. Most
	// islands found in correct text (Chinese re-encoded through GBK
	// happens to hold valid UTF-8) fall far below any margin on that
	// bound, and the language models are not consulted.
	if quick+wp.bound < weakMargin {
		return quick, true
	}
	if quick < floor && sc.langs == nil {
		// Whatever languages the line is in, the word as it stands costs
		// at most LanguageCostMax, and the language model can add no more
		// to the gain: an island of correct text (Big5 reads the "М" of
		// "Москва" as "Ǻ") falls far below, and the line's languages need
		// not be chosen. The bound is worth reading the word under each
		// model of its scripts only where the character model does not
		// already speak for the island, as it does for most mojibake,
		// and while the languages are still to be chosen.
		if !wp.maxValid {
			wp.max, wp.maxValid = plausible.LanguageCostMax(orig), true
		}
		if bound := quick + wp.max + boundSlack; bound < floor {
			return bound, false
		}
		// The word's dearest model may find it as dear with the island
		// read otherwise, and the difference is what the gain takes:
		// "В связи" that begins a Russian sentence is "В" and a lost
		// 0xA0 through windows-1251, whose no-break space gains 2 bits
		// of the 11 the Kazakh model asks of the word. Bounded so, the
		// island is refused without choosing the line's languages,
		// which read all of it (see LanguageGainMax); the line's are the
		// languages of sc.langsOf.
		if sc.langsOf == s && sc.gainMaxTries < maxGainMaxTries {
			// Each try reads the word and its reading under every model
			// of their scripts; a text with islands in many words pays
			// less to choose its languages once (see maxGainMaxTries).
			sc.gainMaxTries++
			if bound := quick + plausible.LanguageGainMax(orig, repl, s) + boundSlack; bound < floor {
				return bound, false
			}
		}
	}
	// A language cost is never negative, so the text as it stands bounds
	// the gain again, more tightly: a correct Russian word costs the
	// model little, and "СТРОЧНАЯ БУКВА" (Я and a space read as the
	// lead of a two-byte sequence and a lost 0xA0) is rejected without
	// pricing its repair.
	langs := sc.languages()
	if !wp.langValid {
		wp.lang, wp.parts, wp.partsValid = langs.CostAndParts(orig)
		wp.langValid = true
	}
	origLang := wp.lang
	if quick+origLang < weakMargin {
		return quick + origLang, true
	}
	// The word with cand in place is priced from the word as it stands,
	// reading only around the island (see CostReplaced): a word is
	// priced once and its islands' readings through every page, and on
	// a line without spaces each island's word is a window of some
	// fifty characters.
	if !wp.partsValid {
		wp.parts, wp.partsValid = langs.Parts(orig), true
	}
	lang := origLang - langs.CostReplaced(&wp.parts, orig, from-ws, to-ws, cand)
	if holdsRareNonCJK(cand) {
		// The language model prices letters, and it finds a word cheaper
		// once a letter foreign to the line's language is gone, whatever
		// took its place: the correct Czech "POBLÍŽE" in a line of
		// another language reads as Í Ž = CD 8E, a combining mark. A
		// repair that writes a character nobody writes, or a lost byte's
		// U+FFFD, may be spoken against by the model but gets no word of
		// support from it.
		lang = min(lang, 0)
	}
	return quick + lang, true
}

// quickGain is the character model's part of the gain of reading
// s[from:to] as cand, in the word s[ws:we] between the runes before and
// after, which repl is with cand in place: the difference of the
// character costs and of the strangers. It also returns the price of
// the word as it stands, good until the next call.
func (sc *scratch) quickGain(s string, from, to, ws, we int, before, after rune, cand, repl string) (float64, *wordPrice) {
	wp := sc.wordAt(s, ws, we, before, after)
	// Strangers: the text as it stands pays for its hanzi, kana and
	// Hangul among other scripts (the trace of UTF-8 read as GBK), and the
	// repair pays only for the strangers it brings: the Latin "hd" of
	// "В«hd=В»" is in both readings and decides nothing.
	origCJK, origOther := wp.cjkStrangers, wp.otherStrangers
	if origOther > 0 && symbolByNumber(s, from, to, cand) {
		// Strangers read as a symbol where a number puts it are no word
		// of another language cited in the line, but the trace of the
		// symbol read through a page of that script: "ВЈ4.99" in an
		// English line is £ through windows-1251 (C2 A3), "38В°" the
		// degree sign. The text as it stands pays for them, as it does
		// for its hanzi.
		origCJK += origOther
		origOther = 0
	}
	brought := max(0, strangers(repl, &wp.ctx)-origOther)
	chars := wp.chars - plausible.CharCost(before, repl, after)
	// The rule below asks about the island's letters only where the
	// character model speaks for the repair, and the line's languages
	// only for an island whose letters end their word.
	letters, wordAfter := "", s[to:we]
	if chars > 0 {
		letters = wordLetters(s[from:to])
	}
	if letters != "" && letters != s[from:to] {
		// The island ends its word with a mark or a space.
		wordAfter = ""
		if !wordOfItsOwn(s, from, len(letters)) && !sc.wordShowsLanguage(s, ws, from, to, we) {
			letters = ""
		}
	}
	if chars > 0 && letters != "" && utf8.RuneCountInString(cand) < utf8.RuneCountInString(s[from:to]) && plausible.LeavesAlphabet(letters, cand) &&
		!strangerInWord(s[ws:from], letters, wordAfter) && sc.lineWrites(letters) {
		// The island is letters that a language writes side by side,
		// and the repair a letter that language does not have: "ÅØ" in
		// the Norwegian capitals "HÅØYA" read through windows-1257 as
		// Ũ. Two characters read as one always look cheaper to the
		// character model, so here only the language model may speak
		// for the repair. Not so where the island's letters are of
		// another script than the rest of their word: the Ukrainian
		// "Гі" is no letters of "mutaciГіn", the Spanish "mutación"
		// read through windows-1251 (ó is C3 B3, Г and і there); nor
		// where the line's language does not write them: "Ăş" is
		// Romanian, but in a Spanish line it is "ú" read through
		// ISO-8859-2.
		//
		// The same holds for the letter that ends a word and the mark
		// after it, where another letter of the word shows it correct:
		// in a Polish line whose other half was read through
		// windows-1257, "OBWĄCHIWAĆ…" is no "OBWĄCHIWAÅ" (Ć … is C3 85
		// there, and Ą is C0, which begins nothing), nor "RADŽĀ %" a
		// Latvian word ending in a no-break space. "kuriÄ…" and
		// "iÅ¡siskleidÅ¾iantis" show nothing of the kind.
		chars = 0
	}
	return chars + origCJK - brought, wp
}

// wordOfItsOwn reports whether the n bytes of letters at s[from:] are a
// word on their own, after no letter: the Russian preposition "В" before
// a no-break space, as careful typography writes it ("В Linux"), which
// through windows-1251 is C2 A0, the no-break space itself. UTF-8 read
// so glues that "В " to the word before it ("РІВ Linux" for "в Linux"),
// and where it stands alone it is the word.
func wordOfItsOwn(s string, from, n int) bool {
	if n == 0 || from > 0 && unicode.IsLetter(lastRune(s[:from])) {
		return false
	}
	return !unicode.IsLetter(firstRune(s[from+n:]))
}

// wordShowsLanguage reports whether the word s[ws:we] holds, outside its
// island s[from:to], a letter beyond ASCII that the line's language
// writes and that begins no UTF-8 sequence in sc's encoding of s: a
// letter of the word as it was written, not the remains of mojibake.
func (sc *scratch) wordShowsLanguage(s string, ws, from, to, we int) bool {
	if sc.encodedOf != s || sc.encodedLive && sc.encodedBy.sb == nil {
		return false
	}
	langs := sc.languages()
	for _, part := range [2][2]int{{ws, from}, {to, we}} {
		for i, r := range s[part[0]:part[1]] {
			if r < utf8.RuneSelf || !plausible.ClassOf(r).IsLetter() || !langs.Writes(r) {
				continue
			}
			if !sc.beginsSequence(part[0] + i) {
				return true
			}
		}
	}
	return false
}

// beginsSequence reports whether the bytes that encode the rune at
// offset i of sc's text begin a complete UTF-8 sequence.
func (sc *scratch) beginsSequence(i int) bool {
	if sc.encodedLive && sc.encodedBy.sb != nil {
		// encodeLiveSingle left most runes out of the buffers.
		return sc.encodedBy.beginsSequenceSingle(sc.encodedOf, i)
	}
	j, _ := slices.BinarySearch(sc.owner, int32(i))
	if j >= len(sc.b) || int(sc.owner[j]) != i || sc.kind[j] == kindOpaque {
		// Not encoded here, or a letter the page cannot encode (the
		// "ž" of a line read through windows-1252 before, now undone
		// through windows-1254): no evidence either way.
		return true
	}
	need, lo, hi := utf8SeqLen(sc.b[j])
	if need < 2 || j+need > len(sc.b) {
		return false
	}
	for k := 1; k < need; k++ {
		if sc.kind[j+k] == kindOpaque {
			return true // cut short by a letter the page cannot encode
		}
		c := sc.b[j+k]
		if k == 1 && (c < lo || c > hi) || !isCont(c) {
			return false
		}
	}
	return true
}

// wordLetters returns the letters of island that LeavesAlphabet weighs:
// the island itself when it is all letters, or its letters when they
// open it and only punctuation or spaces follow them ("Ć…", "Ā "); or ""
// for any other island ("â\u0080\u009e", „ through ISO-8859-2).
func wordLetters(island string) string {
	end := 0
	for i, r := range island {
		if !plausible.ClassOf(r).IsLetter() {
			end = i
			break
		}
		end = len(island)
	}
	if end == 0 {
		return ""
	}
	for _, r := range island[end:] {
		switch plausible.ClassOf(r) {
		case plausible.GeneralPunct, plausible.Punct, plausible.NBSP, plausible.Space:
		default:
			return "" // a letter, or a symbol or control no word ends in
		}
	}
	return island[:end]
}

// lineWrites reports whether the line's language for their script writes
// every letter of island.
func (sc *scratch) lineWrites(island string) bool {
	langs := sc.languages()
	for _, r := range island {
		if !langs.Writes(r) {
			return false
		}
	}
	return true
}

// strangerInWord reports whether the letters of island are of another
// script than a letter of the word around it, before or after.
func strangerInWord(before, island, after string) bool {
	sc := plausible.NoScript
	for _, r := range island {
		if c := plausible.ClassOf(r); c.IsLetter() {
			sc = c.Script()
			break
		}
	}
	if sc == plausible.NoScript {
		return false
	}
	for _, part := range [2]string{before, after} {
		for _, r := range part {
			if c := plausible.ClassOf(r); c.IsLetter() && c.Script() != sc {
				return true
			}
		}
	}
	return false
}

// wordCharBound bounds, from above, quick, the character model's part
// of the gain (see quickGain) of reading the island orig[from:to] of the
// word orig, between the runes before and after, as cand; ok is false
// when the word has hanzi, kana or Hangul and letters of another script
// too, where the bound would need the line's scripts.
//
// Why: quick is chars + origCJK - brought, with repl the word with cand
// in place. chars is the character model's difference CharCost(orig) -
// CharCost(repl) (see localDiffs), or 0 where that is positive and
// LeavesAlphabet speaks, which is less. brought is max(0,
// strangers(repl) - origOther), and strangers counts the hanzi, kana
// and Hangul as cjkStrangers does and the other scripts' strangers on
// top, so quick is at most chars + origCJK and at most chars + origCJK +
// origOther - cjkStrangers(repl). Without hanzi, kana or Hangul in orig,
// origCJK is 0. Without letters of other scripts, origOther is 0; and
// cjkStrangers is 0 on a line where CJK letters are no strangers, else
// strangerCost for each of them and again for each that stands alone,
// so origCJK - cjkStrangers(repl) is at most the positive part of that
// count's difference between orig and repl, which differ only near the
// island (see localDiffs).
//
// gainAtUncached returns at most quick + LanguageCostMax(orig) (plus
// boundSlack): the language model's part is the word's cost as it
// stands less that of repl, never negative, or a bound on it. For a
// reading that writes a rare letter (holdsRareNonCJK) every figure it
// returns is below a floor of weakMargin or more once quick is: quick
// itself, when quick plus LanguageBound is below weakMargin; the bound
// quick + LanguageCostMax only when it is below the floor, and quick +
// LanguageCost only when it is below weakMargin; else quick + min(lang,
// 0), at most quick, for the language model gives a rare letter no
// support. The caller (see gainAtOrBelow) keeps no island below the
// floor and treats every figure below it alike.
func wordCharBound(orig string, from, to int, before, after rune, cand string) (bound float64, ok bool) {
	cjk, other := false, 0
	for _, r := range orig {
		switch sc := plausible.ClassOf(r).Script(); sc {
		case plausible.NoScript:
		case plausible.CJK:
			cjk = true
		default:
			other++
		}
	}
	if cjk && other > 0 {
		return 0, false
	}
	chars, cjkDiff := localDiffs(orig, from, to, before, after, cand, cjk)
	bound = chars + max(0, strangerCost*float64(cjkDiff))
	if other > 0 && symbolByNumber(orig, from, to, cand) {
		// The word's strangers, which the text pays for where they are
		// read as a symbol by a number (see quickGain): each letter at
		// most twice strangerCost, alone in its run.
		bound += 2 * strangerCost * float64(other)
	}
	return bound, true
}

// localContext is how many runes on each side of an island the
// character model and the count of lone CJK letters look at: a rune's
// cost depends on the three before it at most (the run of capitals
// charCost looks back on), and a run of CJK letters is alone or not by
// its neighbours.
const localContext = 3

// localDiffs returns, for the word orig with orig[from:to] read as cand,
// between the runes before and after, the differences between orig and
// that reading of CharCost and, when cjk, of cjkCount. Both differ only
// near the island, and are worked out on the island and localContext
// runes each side.
//
// Why that is exact: charCost adds for each rune its unigram, the
// transition from the rune before, and a charge that looks at the three
// runes before it (a small letter after two capitals); a rune further
// than three after the island, or any rune before it, costs the same in
// both readings. The window's first runes are priced with less history
// than the word gives them, but alike in both readings, and so is the
// rune after the window: where the window stops short of an end of the
// word, the rune beyond it is left out of both (before or after 0),
// where it reaches one, the word's neighbour is what CharCost saw. A run
// of CJK letters that the window cuts either reaches the island, and
// then holds all localContext runes on that side, no lone letter in
// either reading, or does not, and then is the same in both.
func localDiffs(orig string, from, to int, before, after rune, cand string, cjk bool) (chars float64, cjkDiff int) {
	ls, le := from, to
	for k := 0; k < localContext && ls > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(orig[:ls])
		ls -= n
	}
	for k := 0; k < localContext && le < len(orig); k++ {
		_, n := utf8.DecodeRuneInString(orig[le:])
		le += n
	}
	if ls > 0 {
		before = 0
	}
	if le < len(orig) {
		after = 0
	}
	var buf [64]byte
	repl := append(append(append(buf[:0], orig[ls:from]...), cand...), orig[to:le]...)
	w, r := orig[ls:le], unsafe.String(unsafe.SliceData(repl), len(repl))
	chars = plausible.CharCost(before, w, after) - plausible.CharCost(before, r, after)
	if cjk {
		cw, _ := cjkCount(w)
		cr, _ := cjkCount(r)
		cjkDiff = cw - cr
	}
	return chars, cjkDiff
}

// cjkCount returns what cjkStrangers would count in s on a line where
// hanzi, kana and Hangul are strangers, in units of strangerCost: each
// of them, and again each that stands alone; and whether s has letters
// of another script.
func cjkCount(s string) (n int, other bool) {
	run := 0
	for _, r := range s {
		sc := plausible.ClassOf(r).Script()
		if sc == plausible.CJK {
			n++
			run++
			continue
		}
		if run == 1 {
			n++
		}
		run = 0
		other = other || sc != plausible.NoScript
	}
	if run == 1 {
		n++
	}
	return n, other
}

// maxGainMaxTries is how many islands of a text gainAtUncached bounds by
// plausible.LanguageGainMax, each under every model of its scripts,
// before it chooses the text's languages instead: a correct Russian line
// asks it once or twice ("В связи"), but a megabyte of alternating
// scripts asked it of every island of a window, at five times the cost
// of choosing the languages once (0.95 MB/s against 5.19). Either way
// the island is refused alike: the bound only spares the choice.
const maxGainMaxTries = 4

// boundSlack covers the rounding by which LanguageCostMax, summed in
// another order, may fall short of the cost it bounds.
const boundSlack = 1e-6

// wordPrice is what gainAt learns of a word of the text as it stands,
// whatever replaces an island in it: islands share words ("Ã¼berprÃ¼ft"
// holds two), and the decoders of a round find the same island with
// different readings ("Ã©" is "é" through windows-1252 and "Ă©" through
// windows-1250), so a word is priced once per text.
type wordPrice struct {
	ctx                          scriptContext
	cjkStrangers, otherStrangers float64 // see gainAt
	chars                        float64 // plausible.CharCost
	bound                        float64 // plausible.LanguageBound
	lang                         float64 // plausible.LanguageCost in the text's languages
	langValid                    bool
	parts                        plausible.LanguageParts // of the word in the text's languages, for its readings
	partsValid                   bool
	max                          float64 // plausible.LanguageCostMax
	maxValid                     bool
	// priced says the fields above max are filled: wordMax remembers a
	// word's max alone.
	priced bool
}

// wordAt returns the price of the word s[ws:we], between the runes
// before and after, remembered for the text whose languages sc holds.
// The pointer is good until the next call.
func (sc *scratch) wordAt(s string, ws, we int, before, after rune) *wordPrice {
	remember := sc.langsOf == s
	if remember {
		if sc.wordsOf != s {
			clear(sc.wordIndex)
			sc.words, sc.wordsOf = sc.words[:0], s
		}
		if k, ok := sc.wordIndex[[2]int{ws, we}]; ok {
			wp := &sc.words[k]
			if !wp.priced {
				m := wp.max
				*wp = priceWord(sc, s, ws, we, before, after)
				wp.max, wp.maxValid = m, true
			}
			return wp
		}
	}
	if !remember {
		sc.word = priceWord(sc, s, ws, we, before, after)
		return &sc.word
	}
	if sc.wordIndex == nil {
		sc.wordIndex = make(map[[2]int]int32)
	}
	sc.wordIndex[[2]int{ws, we}] = int32(len(sc.words))
	sc.words = append(sc.words, priceWord(sc, s, ws, we, before, after))
	return &sc.words[len(sc.words)-1]
}

// wordMax is plausible.LanguageCostMax(s[ws:we]), remembered with the
// word's price (see wordAt): a word is bounded for each island a
// decoder finds in it, and for each of its readings.
func (sc *scratch) wordMax(s string, ws, we int) float64 {
	if sc.langsOf != s {
		return plausible.LanguageCostMax(s[ws:we])
	}
	if sc.wordsOf != s {
		clear(sc.wordIndex)
		sc.words, sc.wordsOf = sc.words[:0], s
	}
	if k, ok := sc.wordIndex[[2]int{ws, we}]; ok {
		wp := &sc.words[k]
		if !wp.maxValid {
			wp.max, wp.maxValid = plausible.LanguageCostMax(s[ws:we]), true
		}
		return wp.max
	}
	if sc.wordIndex == nil {
		sc.wordIndex = make(map[[2]int]int32)
	}
	m := plausible.LanguageCostMax(s[ws:we])
	sc.wordIndex[[2]int{ws, we}] = int32(len(sc.words))
	sc.words = append(sc.words, wordPrice{max: m, maxValid: true})
	return m
}

func priceWord(sc *scratch, s string, ws, we int, before, after rune) wordPrice {
	orig := s[ws:we]
	wp := wordPrice{ctx: newScriptContext(sc, s, ws, we, orig), priced: true}
	cjk, all, letters := wp.ctx.wordStrangers(orig)
	wp.cjkStrangers = cjk
	if all > cjk {
		wp.otherStrangers = all - cjk
	}
	wp.chars = plausible.CharCost(before, orig, after)
	wp.bound = plausible.LanguageBoundLetters(letters)
	return wp
}

// contextWindow bounds how far around a word its line is read for the
// scripts in use, which keeps the cost per island constant.
const contextWindow = 256

// scriptsAround counts the letters of each script within contextWindow
// bytes around s[from:to].
func scriptsAround(s string, from, to int) (counts [16]int) {
	lo, hi := max(0, from-contextWindow), min(len(s), to+contextWindow)
	for _, part := range []string{s[lo:from], s[to:hi]} {
		for _, r := range part {
			counts[plausible.ClassOf(r).Script()]++
		}
	}
	return counts
}

// scriptsAround is the package function, answered from prefix sums of
// the segment's script counts, built once per segment: islands are many,
// and each would otherwise read half a kilobyte around itself.
func (sc *scratch) scriptsAround(s string, from, to int) (counts [16]int) {
	counts, _ = sc.scriptsAroundWhole(s, from, to)
	return counts
}

// scriptsAroundWhole is scriptsAround, and whether its window was the
// whole line: then the counts and those of s[from:to] add up to
// sc.totals.
func (sc *scratch) scriptsAroundWhole(s string, from, to int) (counts [16]int, whole bool) {
	if from <= contextWindow && len(s)-to <= contextWindow && runeBoundary(s, from) && runeBoundary(s, to) {
		// The window reaches both ends of the line: the counts are the
		// line's less the span's. Most lines are that short, and a line
		// of correct text prices a word or two, if any: the prefix sums,
		// 32 bytes written per byte of the line, cost more than the
		// words they serve.
		if !sc.totalsValid || sc.totalsOf != s {
			var t [16]int
			for _, r := range s {
				t[plausible.ClassOf(r).Script()]++
			}
			sc.totals, sc.totalsOf, sc.totalsValid = t, s, true
			sc.totalsDominant, sc.totalsEnough = dominantOf(&t)
		}
		counts = sc.totals
		for _, r := range s[from:to] {
			counts[plausible.ClassOf(r).Script()]--
		}
		return counts, true
	}
	return sc.scriptsAroundPrefix(s, from, to), false
}

// scriptsAroundPrefix is scriptsAround from the prefix sums.
func (sc *scratch) scriptsAroundPrefix(s string, from, to int) (counts [16]int) {
	if sc.prefixOf != s || len(sc.prefix) == 0 {
		sc.prefixOf = s
		sc.prefix = sc.prefix[:0]
		var cur [16]uint16
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			for k := 0; k < size; k++ {
				sc.prefix = append(sc.prefix, cur)
			}
			cur[plausible.ClassOf(r).Script()]++
			i += size
		}
		sc.prefix = append(sc.prefix, cur)
	}
	lo, hi := max(0, from-contextWindow), min(len(s), to+contextWindow)
	p := sc.prefix
	for k := range counts {
		counts[k] = int(p[from][k]) - int(p[lo][k]) + int(p[hi][k]) - int(p[to][k])
	}
	return counts
}

// runeBoundary reports whether offset i of s is where a rune starts or
// s ends.
func runeBoundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// strangerCost is the cost of a letter whose script appears nowhere
// around it in a line of another script: a lone Hebrew "ה" in an English
// sentence (“×” read as UTF-8) is a repair nobody wants.
const strangerCost = 6

// cjkStrangers is strangers for the hanzi, kana and Hangul of a text as
// it stands: a lone "鈥" in an English sentence is the classic trace of
// UTF-8 read as GBK. Strangers of other scripts in the text as it stands
// are left alone ("ВІКІ is Ukrainian for WIKI" is correct).
func cjkStrangers(w string, ctx *scriptContext) float64 {
	return ctx.strangers(w, true)
}

// scriptsOf is the bit set of the scripts of the letters of w.
func scriptsOf(w string) uint32 {
	var set uint32
	for _, r := range w {
		if sc := plausible.ClassOf(r).Script(); sc != plausible.NoScript {
			set |= 1 << sc
		}
	}
	return set
}

// strangerScripts is the bit set of the scripts of w's strangers.
func (c *scriptContext) strangerScripts(w string) uint32 {
	if !c.enough {
		return 0
	}
	var set uint32
	for _, r := range w {
		if sc := plausible.ClassOf(r).Script(); c.isStranger(sc) {
			set |= 1 << sc
		}
	}
	return set
}

func strangers(w string, ctx *scriptContext) float64 {
	return ctx.strangers(w, false)
}

// scriptContext is what a word's line says about scripts: the letters of
// each script outside the word, and the line's dominant script counting
// the word as it stands. A letter is a stranger when its script is not
// the dominant one and hardly appears elsewhere on the line.
type scriptContext struct {
	outside  [16]int
	dominant plausible.Script
	enough   bool // the line has enough letters to judge by
}

func newScriptContext(sc *scratch, s string, from, to int, word string) scriptContext {
	outside, whole := sc.scriptsAroundWhole(s, from, to)
	c := scriptContext{outside: outside}
	if whole && word == s[from:to] {
		// The counts outside the word and the word's own add up to the
		// line's (see scriptsAroundWhole), whose dominant script was
		// found once: every caller's word is s[from:to], and each
		// would read it again and come to the same.
		c.dominant, c.enough = sc.totalsDominant, sc.totalsEnough
		return c
	}
	all := c.outside
	for _, r := range word {
		all[plausible.ClassOf(r).Script()]++
	}
	c.dominant, c.enough = dominantOf(&all)
	return c
}

// lineCJKStrangers prices the hanzi, kana and Hangul of the line t where
// they are strangers to it (see scriptContext.strangers), as the gain of
// an island does: the whole-line cost the lookahead compares has no such
// term, and a Spanish line's correct "¿TÄTVUXEN?", read in a later round
// as Big5 shown as windows-1252, came out "燜麴VUXEN?", 5 bits cheaper by
// that cost (a word of capitals and Ä is dear in Spanish; two hanzi cost
// only their frequency).
func lineCJKStrangers(t string) float64 {
	var c scriptContext
	for _, r := range t {
		c.outside[plausible.ClassOf(r).Script()]++
	}
	if c.outside[plausible.CJK] == 0 {
		return 0
	}
	c.dominant, c.enough = dominantOf(&c.outside)
	return c.strangers(t, true)
}

// dominantOf returns the script with the most letters in the counts all
// (the first of equals), and whether it has enough to judge by.
func dominantOf(all *[16]int) (dominant plausible.Script, enough bool) {
	most := 0
	for sc, n := range all {
		if plausible.Script(sc) != plausible.NoScript && n > most {
			dominant, most = plausible.Script(sc), n
		}
	}
	return dominant, most >= 3
}

// isStranger reports whether letters of script sc are strangers on the
// line: not its dominant script, and a small minority outside the word
// (two leftover "胁" and "懈" in a repaired Russian line vouch for each
// other no more than one does).
func (c *scriptContext) isStranger(sc plausible.Script) bool {
	return sc != plausible.NoScript && sc != c.dominant && c.outside[sc]*8 < c.outside[c.dominant]
}

// wordStrangers is cjkStrangers(w, c) and strangers(w, c), with the
// letters of w that plausible.LanguageBound counts, read in one pass:
// every word an island is found in is priced so, and on a line without
// spaces each island's word is a window of some fifty characters.
func (c *scriptContext) wordStrangers(w string) (cjk, all float64, letters int) {
	// Two runs of strangers, as strangers keeps one: of hanzi, kana and
	// Hangul alone, and of any script.
	cjkRun, allRun, allScript := 0, 0, plausible.NoScript
	for i := 0; i < len(w); {
		r, size := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			if r <= 0xDF && r >= 0xC2 && i+1 < len(w) && w[i+1]&0xC0 == 0x80 {
				r, size = (r&0x1F)<<6|rune(w[i+1]&0x3F), 2 // a two-byte letter, decoded in line (see plausible's charCost)
			} else {
				r, size = utf8x.DecodeAt(w, i)
			}
		}
		i += size
		sc := plausible.ClassOf(r).Script()
		if sc != plausible.NoScript && sc != plausible.CJK && sc != plausible.OtherScript {
			letters++
		}
		if !c.enough {
			continue
		}
		stranger := c.isStranger(sc)
		if stranger && sc == plausible.CJK {
			cjk += strangerCost
			cjkRun++
		} else {
			if cjkRun == 1 {
				cjk += strangerCost
			}
			cjkRun = 0
		}
		if stranger {
			all += strangerCost
			if sc != allScript {
				if allRun == 1 {
					all += strangerCost
				}
				allRun = 0
			}
			allRun, allScript = allRun+1, sc
			continue
		}
		if allRun == 1 {
			all += strangerCost
		}
		allRun, allScript = 0, plausible.NoScript
	}
	if cjkRun == 1 {
		cjk += strangerCost
	}
	if allRun == 1 {
		all += strangerCost
	}
	return cjk, all, letters
}

// strangers prices the strangers of w (only its hanzi, kana and Hangul
// when cjkOnly). A stranger alone costs double: a foreign word in a
// sentence is common enough, a single foreign letter between digits or
// symbols ("5×£35" read as UTF-8 gives "5ף35") is noise.
func (c *scriptContext) strangers(w string, cjkOnly bool) float64 {
	if !c.enough {
		return 0
	}
	var cost float64
	run, runScript := 0, plausible.NoScript
	flush := func() {
		if run == 1 {
			cost += strangerCost
		}
		run = 0
	}
	for i := 0; i < len(w); {
		r, size := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			if r <= 0xDF && r >= 0xC2 && i+1 < len(w) && w[i+1]&0xC0 == 0x80 {
				r, size = (r&0x1F)<<6|rune(w[i+1]&0x3F), 2 // a two-byte letter, decoded in line (see plausible's charCost)
			} else {
				r, size = utf8x.DecodeAt(w, i)
			}
		}
		i += size
		sc := plausible.ClassOf(r).Script()
		if c.isStranger(sc) && (!cjkOnly || sc == plausible.CJK) {
			cost += strangerCost
			if sc != runScript {
				flush()
			}
			run, runScript = run+1, sc
			continue
		}
		flush()
		runScript = plausible.NoScript
	}
	flush()
	return cost
}

const maxWord = 48

func isBreak(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r'
}

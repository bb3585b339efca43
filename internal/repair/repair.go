// Package repair searches for the chain of wrong decodings that best
// explains a damaged text, and undoes it.
//
// A hypothesis is a layer (true charset T, wrong decoder W): the text was
// encoded in T and its bytes were decoded with W. Undoing it means
// encoding the text back through W, which must reproduce the bytes
// exactly, and decoding them with T. Damage is usually local (a few words
// of a line, "fÃ¶rteckning Ã¶ver"), so a hypothesis is tried on islands:
// the stretches of text where re-encoding through W gives bytes that T
// decodes. Each island's candidate decoding is scored by the plausibility
// model against the island as it stands, and kept only with a margin.
// The hypothesis whose accepted islands gain the most wins the round;
// rounds repeat until nothing gains, which peels stacked layers
// ("cafÃƒÂ©" → "cafÃ©" → "café").
package repair

import (
	"cmp"
	"slices"
	"sync"
)

// Options select which hypotheses the search may consider.
type Options struct {
	RestoreByteA0  bool // a space may stand for a lost byte 0xA0
	LossySequences bool // U+FFFD / '?' / dropped bytes inside a damaged sequence
	Islands        bool // damage confined to spans inside otherwise correct text
	Legacy         bool // legacy (non-UTF-8) true charsets: CJK code pages, Cyrillic, Greek...
	InferLost      bool // infer lost bytes from context instead of collapsing them to U+FFFD
	// Brief leaves out of the layers the alternatives weighed for each
	// lost character, for a caller that wants the text and not the plan:
	// a line of CJK text that lost bytes has one lost character in two or
	// three, each with a dozen alternatives, and kept for a whole
	// segment they were 140 bytes of memory per byte of Chinese read
	// through Big5.
	Brief bool
}

// Layer is one undone mis-decoding: text that was encoded in TrueCharset
// and decoded with WrongDecoder.
type Layer struct {
	WrongDecoder string // e.g. "windows-1252", "gbk"
	TrueCharset  string // e.g. "utf-8", "gbk"
	Loss         string // "", "dropped", "fffd", "question", "nbsp-space"
	Islands      bool   // applied to spans, not to the whole text
	Infer        bool   // lost bytes were chosen from context, not marked U+FFFD
	Inferred     []Inferred
}

// Inferred is a lost byte (or character) chosen from context.
type Inferred struct {
	Offset       int      // byte offset in the repaired text
	Chosen       string   // the character put there
	Alternatives []Scored // every candidate considered, best first
	// marked says the loss was marked (U+FFFD or '?'): a character
	// stood there, whichever it was.
	marked bool
	// shared says Alternatives is a list the search keeps for every
	// character that lost the same bytes (see cjkCompletions): it is
	// copied before it is rescored (see borrowAlternatives).
	shared bool
	// ranking, while the island that lost the character is walked, is
	// its candidates priced, from which settle makes Alternatives (see
	// lostRanking); it lies in the search's scratch space, and nothing
	// that outlives the island holds it.
	ranking *lostRanking
}

// settle makes in's Alternatives from its ranking, if it has one: the
// island that lost it is weighed further (refined or kept).
func (in *Inferred) settle() {
	if in.ranking != nil {
		in.Alternatives, in.ranking = in.ranking.alternatives(), nil
	}
}

// rescored gives in's candidates, when they are its own, the scores a
// refinement found for them, as it wrote them before it kept the best
// few in a list of their own (see bestScoredOf); a list shared with
// other characters (see cjkCompletions) keeps its scores.
func (in *Inferred) rescored(scores []float64) {
	if in.shared {
		return
	}
	for i := range in.Alternatives {
		in.Alternatives[i].Score = scores[i]
	}
}

// getScores lends a buffer of n scores, which putScores takes back: a
// lost CJK character is rescored among up to a lead byte's 1,594
// candidates, each time it is refined.
func getScores(n int) *[]float64 {
	buf := scoreBufs.Get().(*[]float64)
	*buf = slices.Grow((*buf)[:0], n)[:n]
	return buf
}

func putScores(buf *[]float64) { scoreBufs.Put(buf) }

// scoreBufs holds the buffers getScores lends.
var scoreBufs = sync.Pool{New: func() any { return new([]float64) }}

// ascendingRunes returns the first runes of alts' texts, in a buffer lent
// as getScores lends one (putRunes takes it back), when they come in
// ascending order, as the lists of cjkCompletions and cjkMiddles do: the
// neighbours' entries in the pair and triple tables are then read by
// cursors, once for all the candidates. Otherwise it returns nil.
func ascendingRunes(alts []Scored) *[]rune {
	buf := runeBufs.Get().(*[]rune)
	if lead := leadRunes(alts); lead != nil {
		// A stretch of a lead byte's list, whose runes were decoded
		// once (see leadCompletions): a character that kept only its
		// lead has up to 1,594 candidates, and decoding each of them
		// again at every refinement was a tenth of what a line of
		// Chinese with lost bytes read through Big5 cost.
		*buf = append((*buf)[:0], lead...)
		return buf
	}
	runes := (*buf)[:0]
	for _, alt := range alts {
		r := firstRune(alt.Text)
		if len(runes) > 0 && r < runes[len(runes)-1] {
			runeBufs.Put(buf)
			return nil
		}
		runes = append(runes, r)
	}
	*buf = runes
	return buf
}

func putRunes(buf *[]rune) { runeBufs.Put(buf) }

// orderedRunes returns the first runes of alts' texts, in a buffer lent
// as ascendingRunes lends one, and, when they do not come in ascending
// order, the places of alts sorted by them, stably, in a buffer putOrder
// takes back; order is nil where the runes ascend as they come.
func orderedRunes(alts []Scored) (runes *[]rune, order *[]int32) {
	if buf := ascendingRunes(alts); buf != nil {
		return buf, nil
	}
	buf := runeBufs.Get().(*[]rune)
	rs := (*buf)[:0]
	for _, alt := range alts {
		rs = append(rs, firstRune(alt.Text))
	}
	*buf = rs
	ord := orderBufs.Get().(*[]int32)
	o := (*ord)[:0]
	for i := range rs {
		o = append(o, int32(i))
	}
	slices.SortStableFunc(o, func(x, y int32) int { return cmp.Compare(rs[x], rs[y]) })
	*ord = o
	return buf, ord
}

func putOrder(buf *[]int32) { orderBufs.Put(buf) }

// orderBufs holds the buffers orderedRunes lends for orders.
var orderBufs = sync.Pool{New: func() any { return new([]int32) }}

// runeBufs holds the buffers ascendingRunes lends.
var runeBufs = sync.Pool{New: func() any { return new([]rune) }}

// Scored is a candidate with its plausibility score.
type Scored struct {
	Text  string
	Score float64
	// context is the part of Score that the character's word does not
	// say: its punctuation context and the quotation mark it may close.
	// Re-choosing in the word adds it to the word's own cost, which
	// already holds the character's.
	context float64
}

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

import "sync"

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

// borrowAlternatives makes in's alternatives its own to rescore in
// place, in a buffer lent for the purpose when they are shared, which it
// returns (nil otherwise); the caller replaces in.Alternatives with a
// list of its own (bestScored) and gives the buffer back (returnScored).
// Most characters that lost bytes have a CJK lead byte's thousand
// candidates, and a copy of them made for each was most of what a line
// of Chinese read through Big5 allocated.
func (in *Inferred) borrowAlternatives() *[]Scored {
	if !in.shared {
		return nil
	}
	buf := scoredBufs.Get().(*[]Scored)
	*buf = append((*buf)[:0], in.Alternatives...)
	in.Alternatives, in.shared = *buf, false
	return buf
}

// scoredBufs holds the buffers borrowAlternatives lends.
var scoredBufs = sync.Pool{New: func() any { return new([]Scored) }}

// returnScored gives back a buffer borrowAlternatives lent, if any.
func returnScored(buf *[]Scored) {
	if buf != nil {
		clear(*buf) // the candidates' strings
		scoredBufs.Put(buf)
	}
}

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

// Package repair searches for the chain of wrong decodings that best
// explains a damaged text, and undoes it.
package repair

// Options select which hypotheses the search may consider.
type Options struct {
	RestoreByteA0  bool // a space may stand for a lost byte 0xA0
	LossySequences bool // U+FFFD / '?' / dropped bytes inside a damaged sequence
	Islands        bool // damage confined to spans inside otherwise correct text
	Legacy         bool // legacy (non-UTF-8) true charsets: CJK code pages, Cyrillic, Greek...
	InferLost      bool // infer lost bytes from context instead of collapsing them to U+FFFD
}

// Layer is one undone mis-decoding: text that was encoded in TrueCharset
// and decoded with WrongDecoder.
type Layer struct {
	WrongDecoder string // e.g. "windows-1252", "gbk"
	TrueCharset  string // e.g. "utf-8", "gbk"
	Loss         string // "", "dropped", "fffd", "question", "nbsp-space"
	Islands      bool   // applied to spans, not to the whole text
	Inferred     []Inferred
}

// Inferred is a lost byte (or character) chosen from context.
type Inferred struct {
	Offset       int      // byte offset in the repaired text
	Chosen       string   // the character put there
	Alternatives []Scored // every candidate considered, best first
}

// Scored is a candidate with its plausibility score.
type Scored struct {
	Text  string
	Score float64
}

// Repair returns the repaired text and the layers it undid, outermost
// first. It returns s itself and no layers when it finds nothing to undo.
func Repair(s string, opt Options) (string, []Layer) {
	return s, nil
}

// Apply replays one layer on s: wherever the layer's reinterpretation is
// valid (the whole text, or each island when l.Islands), it is undone.
func Apply(s string, l Layer) string {
	return s
}

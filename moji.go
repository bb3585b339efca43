// Package moji gives damaged text back its original characters.
//
// Text is damaged when its bytes are decoded with the wrong charset
// ("mojibake"): “Japan’s” stored as UTF-8 and read as GBK shows as
// “Japan鈥檚”; “café” read as windows-1252 shows as “cafÃ©”. moji searches
// for the chain of wrong decodings that best explains a text, scores each
// hypothesis with a plausibility model, and undoes it only when the
// evidence clears a margin. Correct text is returned unchanged.
//
// The simplest use is [Fix]; a [Config] selects what may change, and its
// Fix method also returns the [Plan] it followed, which can be replayed on
// other text with [Plan.Apply].
package moji

import (
	"strings"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/ascii"
	"github.com/mojitext/moji/internal/ftfystep"
	"github.com/mojitext/moji/internal/repair"
)

// HTMLMode says when HTML character references are decoded.
type HTMLMode uint8

const (
	// HTMLNever leaves "&amp;" and friends alone.
	HTMLNever HTMLMode = iota
	// HTMLAuto decodes entities unless the text contains '<', which
	// suggests real HTML whose entities are meant (ftfy's "auto").
	HTMLAuto
	// HTMLAlways decodes entities even inside markup.
	HTMLAlways
)

// Config selects the fixes moji applies. Its fields mirror the options of
// ftfy's TextFixerConfig under Go names, plus moji's own repair options.
// The zero Config changes nothing; start from a preset.
type Config struct {
	UnescapeHTML          HTMLMode // decode HTML character references
	RemoveTerminalEscapes bool     // strip ANSI "\x1b[...m" sequences

	FixEncoding            bool // undo mojibake (the search)
	RestoreByteA0          bool // a space may stand for a lost 0xA0 byte ("Ã " for "à")
	ReplaceLossySequences  bool // damaged sequences holding U+FFFD or '?' are repaired
	DecodeInconsistentUTF8 bool // repair islands of mojibake inside correct text
	FixC1Controls          bool // U+0080–U+009F become their windows-1252 characters
	Legacy                 bool // consider legacy true charsets (GBK, Shift_JIS, cp1251, ...)
	InferLostBytes         bool // choose lost bytes from context; otherwise they become U+FFFD

	// DecideLikeFtfy makes the repair decide as ftfy 6.3.1 does instead
	// of by moji's search: act only on text ftfy's badness heuristic
	// flags, re-decode the whole text through the first of its ten
	// single-byte pages that takes it, or else repair the islands that
	// look bad on their own. The ftfy presets set it, so that their
	// output is ftfy's, misses included; Legacy and InferLostBytes do
	// not apply under it. The default preset decides by its model.
	DecideLikeFtfy bool

	FixLatinLigatures  bool // "ﬁ" → "fi"
	FixCharacterWidth  bool // fullwidth/halfwidth forms → normal width
	UncurlQuotes       bool // ‘’“” → '"
	FixLineBreaks      bool // CRLF, CR, U+2028, U+2029, U+0085 → "\n"
	FixSurrogates      bool // CESU-8 surrogate pairs joined, lone ones → U+FFFD
	RemoveControlChars bool // drop C0 controls other than \t \n \f \r, BOM, bidi/format controls

	// Normalization is "", "NFC", "NFD", "NFKC" or "NFKD".
	Normalization string

	// MaxDecodeLength bounds the length of a segment, in bytes, for lines
	// that never end. Zero means the default, 1,000,000.
	MaxDecodeLength int
}

// Presets.
var (
	// Default repairs mojibake and nothing else: correct text, curly
	// quotes, widths and C1 controls included, comes back unchanged.
	Default = Config{
		FixEncoding:            true,
		RestoreByteA0:          true,
		ReplaceLossySequences:  true,
		DecodeInconsistentUTF8: true,
		Legacy:                 true,
		InferLostBytes:         true,
	}

	// FtfyCompat reproduces the defaults of ftfy 6.3.1's fix_text: every
	// cleanup on, quotes uncurled, NFC.
	FtfyCompat = Config{
		UnescapeHTML:           HTMLAuto,
		RemoveTerminalEscapes:  true,
		FixEncoding:            true,
		RestoreByteA0:          true,
		ReplaceLossySequences:  true,
		DecodeInconsistentUTF8: true,
		FixC1Controls:          true,
		DecideLikeFtfy:         true,
		FixLatinLigatures:      true,
		FixCharacterWidth:      true,
		UncurlQuotes:           true,
		FixLineBreaks:          true,
		FixSurrogates:          true,
		RemoveControlChars:     true,
		Normalization:          "NFC",
	}

	// EncodingOnly reproduces ftfy's fix_encoding: mojibake repair and its
	// sub-fixes, nothing else.
	EncodingOnly = Config{
		FixEncoding:            true,
		RestoreByteA0:          true,
		ReplaceLossySequences:  true,
		DecodeInconsistentUTF8: true,
		FixC1Controls:          true,
		DecideLikeFtfy:         true,
	}
)

// Preset returns the preset with the given name: "default", "ftfy" or
// "encoding".
func Preset(name string) (Config, bool) {
	switch name {
	case "default", "":
		return Default, true
	case "ftfy", "ftfy-compat", "fix_text":
		return FtfyCompat, true
	case "encoding", "encoding-only", "fix_encoding":
		return EncodingOnly, true
	}
	return Config{}, false
}

// Fix repairs s with the Default preset.
func Fix(s string) string {
	out, _ := Default.fix(s, false)
	return out
}

// FixBytes repairs b with the Default preset. It returns b itself when
// nothing changes.
func FixBytes(b []byte) []byte {
	if ascii.Is(b) {
		return b
	}
	out, _ := Default.fix(string(b), false)
	if len(out) == len(b) && out == string(b) {
		return b
	}
	return []byte(out)
}

// Fix repairs s and returns the plan it followed.
func (c Config) Fix(s string) (string, Plan) {
	return c.fix(s, true)
}

// FixString repairs s without building a plan.
func (c Config) FixString(s string) string {
	out, _ := c.fix(s, false)
	return out
}

// FixBytes repairs b without building a plan; it returns b itself when
// nothing changes.
func (c Config) FixBytes(b []byte) []byte {
	out, _ := c.fix(string(b), false)
	if out == string(b) {
		return b
	}
	return []byte(out)
}

func (c Config) maxSegment() int {
	if c.MaxDecodeLength > 0 {
		return c.MaxDecodeLength
	}
	return 1_000_000
}

// fix splits s into segments that end after "\n" (or at MaxDecodeLength
// for endless lines) and fixes each one, as ftfy's fix_text does: damage
// never spans a line break, and per-line work keeps the cost linear.
func (c Config) fix(s string, explain bool) (string, Plan) {
	if c.trivial(s) {
		return s, nil
	}
	var (
		b    strings.Builder
		plan Plan
		max  = c.maxSegment()
		cfg  = c
	)
	changed := false
	for pos := 0; pos < len(s); {
		end := segmentEnd(s, pos, max)
		seg := s[pos:end]
		if cfg.UnescapeHTML == HTMLAuto && strings.IndexByte(seg, '<') >= 0 {
			// ftfy turns entity decoding off for this and every later
			// segment once it sees markup.
			cfg.UnescapeHTML = HTMLNever
		}
		out, steps := cfg.fixSegment(seg, explain)
		if out != seg {
			if !changed {
				b.Grow(len(s))
				b.WriteString(s[:pos])
				changed = true
			}
		}
		if changed {
			b.WriteString(out)
		}
		plan = mergePlan(plan, steps)
		pos = end
	}
	if !changed {
		return s, plan
	}
	return b.String(), plan
}

// mergePlan adds one segment's steps to the plan of the segments before
// it. Steps the plan already has, in the same order, are not repeated, so
// a document whose every line was read as windows-1252 gets one step, and
// a line damaged twice keeps both of its steps.
func mergePlan(plan, steps []Step) []Step {
	at := 0
	for _, st := range steps {
		found := -1
		for i := at; i < len(plan); i++ {
			if plan[i].sameAs(st) {
				found = i
				break
			}
		}
		if found >= 0 {
			if len(st.Inferred) > 0 {
				plan[found].Inferred = append(plan[found].Inferred, st.Inferred...)
			}
			at = found + 1
			continue
		}
		plan = append(plan, st)
		at = len(plan)
	}
	return plan
}

// segmentEnd returns the end of the segment starting at pos: just after
// the next "\n", or at most max bytes on, moved back to a rune boundary
// and, when possible, to a space so that a damaged word is not cut.
func segmentEnd(s string, pos, max int) int {
	rest := s[pos:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 && i < max {
		return pos + i + 1
	}
	if len(rest) <= max {
		return len(s)
	}
	cut := max
	if sp := strings.LastIndexByte(rest[:max], ' '); sp > max/2 {
		cut = sp + 1
	}
	for cut > 0 && !utf8.RuneStart(rest[cut]) {
		cut--
	}
	if cut == 0 {
		cut = max
	}
	return pos + cut
}

// fixSegment runs the pipeline on one segment until it stops changing.
// The loop matters: uncurling a quote can make mojibake decodable on the
// next pass ("l’humanitÃ©").
func (c Config) fixSegment(s string, explain bool) (string, []Step) {
	var steps []Step
	if c.repairsOnly() {
		// The pipeline is the repair alone, as in the Default preset:
		// one pass of the loop below, which repair's own fixed point
		// ends (no other step changes anything), run without listing
		// the pipeline (an array of eleven stages zeroed, and a call)
		// for every line: correct text is most lines, and a line the
		// screen passes costs little more than that.
		opt := c.repairOptions()
		opt.Brief = !explain
		out, layers := repair.Repair(s, opt)
		if out == s {
			return s, nil
		}
		for _, l := range layers {
			steps = append(steps, stepFromLayer(l))
		}
		return out, steps
	}
	// The pipeline is listed into an array on the stack: a corpus is
	// millions of lines, and a slice allocated per line and pass was the
	// one allocation a correct line paid for.
	// Its stages are two strings each, not whole Steps: the array is
	// zeroed for every line, and eleven Steps were 1.2 KB, some 2% of
	// what a correct line of four scripts cost.
	var buf [maxPipeline]stage
	for iter := 0; iter < 16; iter++ {
		// Repair runs to its own fixed point, and the steps after it in
		// this pass already saw its output; only a change by another
		// step can open new work for a next pass.
		othersChanged := false
		for _, sg := range c.pipeline(buf[:0], s) {
			st := Step{Action: sg.action, Name: sg.name}
			var out string
			var layers []repair.Layer
			if st.Action == ActionReinterpret && c.DecideLikeFtfy {
				var ftfySteps []Step
				out, ftfySteps = c.repairLikeFtfy(s)
				steps = append(steps, ftfySteps...)
			} else if st.Action == ActionReinterpret {
				opt := c.repairOptions()
				opt.Brief = !explain
				out, layers = repair.Repair(s, opt)
			} else {
				out = st.apply(s)
			}
			if out == s {
				continue
			}
			s = out
			if st.Action == ActionReinterpret {
				for _, l := range layers {
					steps = append(steps, stepFromLayer(l))
				}
			} else {
				steps = append(steps, st)
				othersChanged = true
			}
		}
		if !othersChanged {
			break
		}
	}
	return s, steps
}

// repairLikeFtfy is the repair step under DecideLikeFtfy, ftfy's
// fix_encoding. Text its heuristic does not flag is left alone; flagged
// text is re-decoded whole through the first page that takes it, or else
// island by island, each island only if it looks bad on its own
// ("Bremer/Mccoy – DrÃ¥ber" stays: "Ã¥" alone is no evidence, and the
// line cannot be re-decoded whole because of its correct dash).
func (c Config) repairLikeFtfy(s string) (string, []Step) {
	if utf8.ValidString(s) {
		return c.repairValidLikeFtfy(s)
	}
	// ftfy never sees bytes that are not UTF-8 (Python decodes first),
	// and moji passes them through untouched: the valid runs between
	// them are repaired one by one.
	var (
		b     strings.Builder
		steps []Step
	)
	for len(s) > 0 {
		n := 0
		for n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			n += size
		}
		out, st := c.repairValidLikeFtfy(s[:n])
		b.WriteString(out)
		steps = mergePlan(steps, st)
		if n < len(s) {
			b.WriteByte(s[n])
			n++
		}
		s = s[n:]
	}
	return b.String(), steps
}

func (c Config) repairValidLikeFtfy(s string) (string, []Step) {
	var steps []Step
	o := c.ftfyOptions()
	for range 16 {
		if !ftfystep.Bad(s) {
			break
		}
		out, enc, ok := ftfystep.Step(s, o)
		st := Step{Action: ActionReinterpret, WrongDecoder: enc, TrueCharset: "utf-8", Loss: LossFtfy}
		if !ok && c.DecodeInconsistentUTF8 {
			out = ftfystep.DecodeInconsistent(s, o)
			st = Step{Action: ActionFix, Name: FixInconsistentUTF8}
		}
		if out == s {
			break
		}
		steps = append(steps, st)
		s = out
	}
	return s, steps
}

func (c Config) ftfyOptions() ftfystep.Options {
	return ftfystep.Options{RestoreByteA0: c.RestoreByteA0, LossySequences: c.ReplaceLossySequences, Islands: c.DecodeInconsistentUTF8}
}

func (c Config) repairOptions() repair.Options {
	return repair.Options{
		RestoreByteA0:  c.RestoreByteA0,
		LossySequences: c.ReplaceLossySequences,
		Islands:        c.DecodeInconsistentUTF8,
		Legacy:         c.Legacy,
		InferLost:      c.InferLostBytes,
	}
}

// repairsOnly reports whether the pipeline of c is the repair by its
// search and nothing else (see pipeline).
func (c Config) repairsOnly() bool {
	return c.FixEncoding && !c.DecideLikeFtfy && !c.FixC1Controls && c.UnescapeHTML == HTMLNever &&
		!c.FixLatinLigatures && !c.FixCharacterWidth && !c.UncurlQuotes && !c.FixLineBreaks &&
		!c.FixSurrogates && !c.RemoveTerminalEscapes && !c.RemoveControlChars && c.Normalization == ""
}

// maxPipeline is the most steps a pipeline holds: HTML, reinterpret, C1
// controls, seven cleanups and a normalization.
const maxPipeline = 11

// stage is a step of the pipeline: a Step's action and name.
type stage struct{ action, name string }

// pipeline appends to p the steps the config enables, in ftfy's order.
func (c Config) pipeline(p []stage, s string) []stage {
	if c.UnescapeHTML == HTMLAlways || (c.UnescapeHTML == HTMLAuto && strings.IndexByte(s, '<') < 0) {
		p = append(p, stage{ActionFix, FixUnescapeHTML})
	}
	if c.FixEncoding {
		p = append(p, stage{action: ActionReinterpret})
		if c.FixC1Controls {
			p = append(p, stage{ActionFix, FixC1Controls})
		}
	}
	add := func(on bool, name string) {
		if on {
			p = append(p, stage{ActionFix, name})
		}
	}
	add(c.FixLatinLigatures, FixLatinLigatures)
	add(c.FixCharacterWidth, FixCharacterWidth)
	add(c.UncurlQuotes, FixUncurlQuotes)
	add(c.FixLineBreaks, FixLineBreaks)
	add(c.FixSurrogates, FixSurrogates)
	add(c.RemoveTerminalEscapes, FixTerminalEscapes)
	add(c.RemoveControlChars, FixControlChars)
	if c.Normalization != "" {
		p = append(p, stage{ActionNormalize, c.Normalization})
	}
	return p
}

// trivial reports whether s certainly comes back unchanged: ASCII text
// with no character any enabled cleanup acts on. It reads eight bytes at
// a time and allocates nothing.
func (c Config) trivial(s string) bool {
	if !ascii.Is(s) {
		return false
	}
	if c.UnescapeHTML == HTMLNever && !c.RemoveTerminalEscapes && !c.FixLineBreaks && !c.RemoveControlChars {
		return true
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch < 0x20 && ch != '\n' && ch != '\t' || ch == 0x7f || ch == '&' {
			return false
		}
	}
	return true
}

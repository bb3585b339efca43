package moji

import (
	"fmt"
	"strings"

	"github.com/mojitext/moji/internal/cleanup"
	"github.com/mojitext/moji/internal/ftfystep"
	"github.com/mojitext/moji/internal/repair"
)

// Step actions.
const (
	// ActionReinterpret undoes a mis-decoding: the text is encoded back
	// with WrongDecoder and decoded with TrueCharset.
	ActionReinterpret = "reinterpret"
	// ActionFix applies the named cleanup (one of the Fix* names).
	ActionFix = "fix"
	// ActionNormalize applies the Unicode normalization form in Name.
	ActionNormalize = "normalize"
)

// LossFtfy is the Loss of a step that re-decoded the whole text as ftfy
// does (under Config.DecideLikeFtfy): a space may stand for byte 0xA0
// (and after "Ã" stays as well), and a damaged sequence holding U+FFFD or
// '?' becomes one U+FFFD.
const LossFtfy = "ftfy"

// Names of the cleanup fixes, as they appear in a plan. They are ftfy's
// names, so plans read the same to ftfy users.
const (
	FixUnescapeHTML    = "unescape_html"
	FixTerminalEscapes = "remove_terminal_escapes"
	FixC1Controls      = "fix_c1_controls"
	FixLatinLigatures  = "fix_latin_ligatures"
	FixCharacterWidth  = "fix_character_width"
	FixUncurlQuotes    = "uncurl_quotes"
	FixLineBreaks      = "fix_line_breaks"
	FixSurrogates      = "fix_surrogates"
	FixControlChars    = "remove_control_chars"

	// FixInconsistentUTF8 repairs islands of mojibake one by one, as
	// ftfy's decode_inconsistent_utf8 does (under Config.DecideLikeFtfy).
	FixInconsistentUTF8 = "decode_inconsistent_utf8"
)

// ftfyReplay are the byte repairs ftfy makes, for replaying its steps.
var ftfyReplay = ftfystep.Options{RestoreByteA0: true, LossySequences: true, Islands: true}

var fixers = map[string]func(string) string{
	FixUnescapeHTML:    cleanup.UnescapeHTML,
	FixTerminalEscapes: cleanup.RemoveTerminalEscapes,
	FixC1Controls:      cleanup.FixC1Controls,
	FixLatinLigatures:  cleanup.FixLatinLigatures,
	FixCharacterWidth:  cleanup.FixCharacterWidth,
	FixUncurlQuotes:    cleanup.UncurlQuotes,
	FixLineBreaks:      cleanup.FixLineBreaks,
	FixSurrogates:      cleanup.FixSurrogates,
	FixControlChars:    cleanup.RemoveControlChars,
	FixInconsistentUTF8: func(s string) string {
		return ftfystep.DecodeInconsistent(s, ftfyReplay)
	},
}

// A Plan is the list of steps a fix followed, in order. It marshals to
// JSON and back, and Apply replays it on other text.
type Plan []Step

// Step is one named transformation.
type Step struct {
	Action string `json:"action"`
	// Name is the cleanup name (ActionFix) or normalization form
	// (ActionNormalize).
	Name string `json:"name,omitempty"`
	// WrongDecoder and TrueCharset describe a mis-decoding
	// (ActionReinterpret): the text was encoded in TrueCharset and its
	// bytes were decoded with WrongDecoder.
	WrongDecoder string `json:"wrong_decoder,omitempty"`
	TrueCharset  string `json:"true_charset,omitempty"`
	// Loss says how the wrong decoder lost bytes: "dropped", "fffd",
	// "question", "nbsp-space", or "" when nothing was lost. LossFtfy
	// marks a whole-text decoding made as ftfy makes it.
	Loss string `json:"loss,omitempty"`
	// Islands is set when only spans of the text were damaged.
	Islands bool `json:"islands,omitempty"`
	// Infer is set when lost bytes were chosen from context; otherwise
	// each damaged sequence became U+FFFD.
	Infer bool `json:"infer,omitempty"`
	// Inferred lists the lost bytes chosen from context, with the
	// alternatives considered. It explains; Apply does not need it.
	Inferred []Inferred `json:"inferred,omitempty"`
}

// Inferred is a lost character chosen from context.
type Inferred struct {
	Offset       int           `json:"offset"`
	Chosen       string        `json:"chosen"`
	Alternatives []Alternative `json:"alternatives,omitempty"`
}

// Alternative is a candidate for a lost character and its score: higher
// is more plausible, in bits, and only the differences between the
// alternatives of one character mean anything ("moji explain" shows each
// against the best).
type Alternative struct {
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

// String describes the step in plain words, e.g. "utf-8 bytes decoded as
// gbk, undecodable pairs dropped".
func (s Step) String() string {
	switch s.Action {
	case ActionReinterpret:
		var b strings.Builder
		fmt.Fprintf(&b, "%s bytes decoded as %s", s.TrueCharset, s.WrongDecoder)
		switch s.Loss {
		case "dropped":
			b.WriteString(", undecodable bytes dropped")
		case "fffd":
			b.WriteString(", undecodable bytes replaced by U+FFFD")
		case "question":
			b.WriteString(", undecodable bytes replaced by '?'")
		case "nbsp-space":
			b.WriteString(", byte 0xA0 turned into a space")
		case LossFtfy:
			b.WriteString(", the whole text, as ftfy decodes it")
		}
		if s.Islands {
			b.WriteString(" (in parts of the text)")
		}
		return b.String()
	case ActionFix:
		if s.Name == FixInconsistentUTF8 {
			return "islands of utf-8 mojibake repaired one by one, as ftfy does"
		}
		return strings.ReplaceAll(s.Name, "_", " ")
	case ActionNormalize:
		return "Unicode normalization " + s.Name
	}
	return s.Action
}

// sameAs reports whether s and t are the same step, whatever they
// inferred: the same action, name, decoders, loss and inference. (It
// compares the fields one by one, where a key joined them into a string
// for each comparison: mergePlan compares a long document's every step
// with the plan so far.)
func (s Step) sameAs(t Step) bool {
	return s.Action == t.Action && s.Name == t.Name && s.WrongDecoder == t.WrongDecoder &&
		s.TrueCharset == t.TrueCharset && s.Loss == t.Loss && s.Infer == t.Infer
}

func (s Step) layer() repair.Layer {
	return repair.Layer{WrongDecoder: s.WrongDecoder, TrueCharset: s.TrueCharset, Loss: s.Loss, Islands: s.Islands, Infer: s.Infer}
}

func stepFromLayer(l repair.Layer) Step {
	st := Step{Action: ActionReinterpret, WrongDecoder: l.WrongDecoder, TrueCharset: l.TrueCharset, Loss: l.Loss, Islands: l.Islands, Infer: l.Infer}
	for _, in := range l.Inferred {
		x := Inferred{Offset: in.Offset, Chosen: in.Chosen}
		for _, a := range in.Alternatives {
			x.Alternatives = append(x.Alternatives, Alternative{Text: a.Text, Score: a.Score})
		}
		st.Inferred = append(st.Inferred, x)
	}
	return st
}

// apply runs a cleanup or normalization step.
func (s Step) apply(text string) string {
	switch s.Action {
	case ActionFix:
		if f := fixers[s.Name]; f != nil {
			return f(text)
		}
	case ActionNormalize:
		return cleanup.Normalize(text, s.Name)
	case ActionReinterpret:
		if s.Loss == LossFtfy {
			out, _ := ftfystep.Redecode(text, s.WrongDecoder, ftfyReplay)
			return out
		}
		return repair.Apply(text, s.layer())
	}
	return text
}

// Validate reports the first step that Apply cannot replay.
func (p Plan) Validate() error {
	for i, s := range p {
		switch s.Action {
		case ActionFix:
			if fixers[s.Name] == nil {
				return fmt.Errorf("moji: plan step %d: unknown fix %q", i, s.Name)
			}
		case ActionNormalize:
			switch s.Name {
			case "NFC", "NFD", "NFKC", "NFKD":
			default:
				return fmt.Errorf("moji: plan step %d: unknown normalization form %q", i, s.Name)
			}
		case ActionReinterpret:
			if s.WrongDecoder == "" || s.TrueCharset == "" {
				return fmt.Errorf("moji: plan step %d: reinterpret needs wrong_decoder and true_charset", i)
			}
		default:
			return fmt.Errorf("moji: plan step %d: unknown action %q", i, s.Action)
		}
	}
	return nil
}

// Apply replays the plan on s, step by step. Every kind of step replays,
// normalization included.
func (p Plan) Apply(s string) (string, error) {
	if err := p.Validate(); err != nil {
		return s, err
	}
	for i := 0; i < len(p); {
		// A run of reinterpretations is replayed together, each layer
		// knowing what the ones before it wrote (see
		// repair.ApplyLayers).
		j := i
		var layers []repair.Layer
		for j < len(p) && p[j].Action == ActionReinterpret && p[j].Loss != LossFtfy {
			layers = append(layers, p[j].layer())
			j++
		}
		if len(layers) > 1 {
			s = repair.ApplyLayers(s, layers)
			i = j
			continue
		}
		s = p[i].apply(s)
		i++
	}
	return s, nil
}

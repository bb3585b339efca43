package server

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mojitext/moji"
	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/uninames"
)

// maxDetailedChanges bounds the changes explained character by character,
// so that explaining a huge, thoroughly damaged text stays proportionate.
const maxDetailedChanges = 5000

// explanation is the body /v1/explain returns.
type explanation struct {
	Text    string    `json:"text"`
	Changed bool      `json:"changed"`
	Plan    moji.Plan `json:"plan"`
	// Steps are the plan's steps in plain words, one per step of Plan.
	Steps []string `json:"steps"`
	// Lost lists the bytes the wrong decoders lost that were chosen from
	// context, with every candidate and its score.
	Lost    []lostByte `json:"lost"`
	Changes []change   `json:"changes"`
	// Truncated is set when only the first changes are listed.
	Truncated bool `json:"truncated,omitempty"`
}

// lostByte is a moji.Inferred with the step it belongs to.
type lostByte struct {
	Step int `json:"step"`
	moji.Inferred
}

// change is a moji.Change explained character by character.
type change struct {
	moji.Change
	BeforeChars []char `json:"before_chars"`
	AfterChars  []char `json:"after_chars"`
	// Layers shows the bytes behind the damaged text: for each reinterpret
	// step that acts on this span, the bytes the wrong decoder read.
	Layers []layerView `json:"layers"`
}

// char is one character with its code point and, when known, its name.
type char struct {
	Char      string `json:"char"`
	CodePoint string `json:"code_point"`
	Name      string `json:"name,omitempty"`
}

// layerView is one undone mis-decoding of one span: Input, encoded back
// through WrongDecoder, gives Bytes, which decode as TrueCharset to
// Output.
type layerView struct {
	Step         int    `json:"step"`
	WrongDecoder string `json:"wrong_decoder"`
	TrueCharset  string `json:"true_charset"`
	Input        string `json:"input"`
	// Chars pairs each character of Input with the bytes it stood for.
	Chars []charBytes `json:"chars"`
	// Bytes is the whole sequence in hex, "E2 80 99 73".
	Bytes  string `json:"bytes"`
	Output string `json:"output"`
	// Complete is false when some character of Input has no bytes in the
	// wrong decoder: it stands for bytes that decoder lost.
	Complete bool `json:"complete"`
}

// charBytes is a character and the bytes a decoder read it from. Bytes
// is empty when the character has no encoding there (U+FFFD, a stand-in).
type charBytes struct {
	Char  string `json:"char"`
	Bytes string `json:"bytes"`
}

// explain builds the /v1/explain response for text under cfg.
func explain(cfg moji.Config, text string) explanation {
	// Explain's own Diff aligns the whole text at once and, past a size
	// bound, reports everything between the first and last change as one
	// change; aligning line by line keeps each change its own size.
	out, plan := cfg.Fix(text)
	ex := moji.Explanation{Input: text, Output: out, Plan: plan, Changes: diff(text, out)}
	e := explanation{
		Text:    ex.Output,
		Changed: ex.Output != text,
		Plan:    ex.Plan,
		Steps:   make([]string, len(ex.Plan)),
		Lost:    []lostByte{},
		Changes: []change{},
	}
	if e.Plan == nil {
		e.Plan = moji.Plan{}
	}
	for i, st := range ex.Plan {
		e.Steps[i] = st.String()
		for _, in := range st.Inferred {
			e.Lost = append(e.Lost, lostByte{Step: i, Inferred: in})
		}
	}
	changes := ex.Changes
	if len(changes) > maxDetailedChanges {
		changes, e.Truncated = changes[:maxDetailedChanges], true
	}
	for _, c := range changes {
		e.Changes = append(e.Changes, change{
			Change:      c,
			BeforeChars: chars(c.Before),
			AfterChars:  chars(c.After),
			Layers:      layers(ex.Plan, c.Before, c.After),
		})
	}
	return e
}

// diff aligns a and b line by line when both have as many lines: fixes
// work line by line, so a line's repair stays on its line. Otherwise it
// aligns the whole text.
func diff(a, b string) []moji.Change {
	if strings.Count(a, "\n") != strings.Count(b, "\n") {
		return moji.Diff(a, b)
	}
	var changes []moji.Change
	offA, offB := 0, 0
	for a != "" || b != "" {
		la, lb := lineLen(a), lineLen(b)
		for _, c := range moji.Diff(a[:la], b[:lb]) {
			c.InputOffset += offA
			c.OutputOffset += offB
			changes = append(changes, c)
		}
		a, b = a[la:], b[lb:]
		offA, offB = offA+la, offB+lb
	}
	return changes
}

// lineLen is the length of the first line of s, its "\n" included.
func lineLen(s string) int {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return i + 1
	}
	return len(s)
}

func chars(s string) []char {
	out := make([]char, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		out = append(out, char{Char: string(r), CodePoint: fmt.Sprintf("U+%04X", r), Name: uninames.Name(r)})
	}
	return out
}

// layers replays the plan's reinterpret steps on one damaged span and
// records the bytes each wrong decoder saw, until the span has become
// after. A step that leaves the span alone (it repaired other spans) is
// not listed. The steps are tried in rounds because a plan lists a
// mis-decoding once even when it was applied twice ("cafÃƒÂ©").
func layers(plan moji.Plan, span, after string) []layerView {
	views := []layerView{}
	for round := 0; round < 4 && span != after; round++ {
		progress := false
		for i, st := range plan {
			if st.Action != moji.ActionReinterpret || span == after {
				continue
			}
			cs, ok := codec.ByName(st.WrongDecoder)
			if !ok {
				continue
			}
			out, err := moji.Plan{st}.Apply(span)
			if err != nil || out == span {
				continue
			}
			views = append(views, layerView{
				Step:         i,
				WrongDecoder: st.WrongDecoder,
				TrueCharset:  st.TrueCharset,
				Input:        span,
				Output:       out,
			})
			v := &views[len(views)-1]
			v.Chars, v.Bytes, v.Complete = encodeChars(cs, span)
			span, progress = out, true
		}
		if !progress {
			break
		}
	}
	return views
}

// encodeChars encodes s through cs character by character. complete is
// false when some character has no bytes in cs.
func encodeChars(cs codec.Charset, s string) (chars []charBytes, all string, complete bool) {
	var buf []byte
	complete = true
	for _, r := range s {
		n := len(buf)
		var ok bool
		buf, ok = cs.AppendEncode(buf, r)
		if !ok || r == utf8.RuneError {
			buf, complete = buf[:n], false
		}
		chars = append(chars, charBytes{Char: string(r), Bytes: hexBytes(buf[n:])})
	}
	return chars, hexBytes(buf), complete
}

// hexBytes formats b as "E2 80 99".
func hexBytes(b []byte) string {
	var sb strings.Builder
	for i, c := range b {
		if i > 0 {
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "%02X", c)
	}
	return sb.String()
}

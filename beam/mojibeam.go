// Package mojibeam runs moji's mojibake repair as Apache Beam transforms.
//
// [FixJSONL] repairs the named string members of JSON Lines records
// exactly as "moji fix --jsonl" does: each line goes through the same
// byte-preserving rewriter and the same [moji.Config.FixString] repair, so
// every byte outside a changed value is kept, escapes and number spellings
// included. [FixText] repairs plain text lines. [WriteShards] writes the
// result as sharded, optionally gzip-compressed, text files, which the
// SDK's textio.Write cannot do.
//
// The transforms report Beam counters in the namespace "moji":
//
//	lines              input elements, blank and bad lines included
//	lines_changed      text lines that changed (FixText only)
//	fields_changed     JSONL members whose value changed (FixJSONL only)
//	bad_lines          JSONL lines that do not parse or lack a field
//	bad_lines_kept     bad lines passed through (--on-error keep)
//	bad_lines_skipped  bad lines dropped (--on-error skip)
//	step:KIND          changed values whose repair plan has a step KIND
//
// A step KIND is the cleanup name of a fix step ("uncurl_quotes"),
// "normalize_" and the form of a normalization ("normalize_NFC"), or
// "reinterpret_" TRUE "_as_" WRONG for undone mojibake
// ("reinterpret_utf-8_as_windows-1252"). Each distinct kind is counted once
// per changed value.
//
// The configuration travels to the workers inside the DoFns as JSON (a
// [moji.Config] holds only flags and a normalization name), never as a
// function value, so the transforms run on portable runners such as
// Prism, Flink and Dataflow.
package mojibeam

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/mojitext/moji"
	"github.com/mojitext/moji/internal/jsonl"
)

// Namespace is the namespace of the counters the transforms report.
const Namespace = "moji"

// Counter names; see the package documentation.
const (
	CounterLines           = "lines"
	CounterLinesChanged    = "lines_changed"
	CounterFieldsChanged   = "fields_changed"
	CounterBadLines        = "bad_lines"
	CounterBadLinesKept    = "bad_lines_kept"
	CounterBadLinesSkipped = "bad_lines_skipped"
	CounterStepPrefix      = "step:"
)

// Policies for a JSONL line that does not parse or lacks a field; they are
// the values of "moji fix --on-error".
const (
	OnErrorFail = "fail" // the pipeline fails, naming the line
	OnErrorKeep = "keep" // the line passes through unchanged
	OnErrorSkip = "skip" // the line is left out
)

var (
	linesCounter    = beam.NewCounter(Namespace, CounterLines)
	linesChanged    = beam.NewCounter(Namespace, CounterLinesChanged)
	fieldsChanged   = beam.NewCounter(Namespace, CounterFieldsChanged)
	badLinesCounter = beam.NewCounter(Namespace, CounterBadLines)
	badLinesKept    = beam.NewCounter(Namespace, CounterBadLinesKept)
	badLinesSkipped = beam.NewCounter(Namespace, CounterBadLinesSkipped)
)

func init() {
	register.DoFn3x0[context.Context, string, func(string)](&fixTextFn{})
	register.DoFn3x1[context.Context, string, func(string), error](&fixJSONLFn{})
	register.Emitter1[string]()
}

// FixText repairs each string of col, a PCollection<string> of text lines,
// with cfg, and returns the repaired PCollection<string>.
func FixText(s beam.Scope, col beam.PCollection, cfg moji.Config) beam.PCollection {
	s = s.Scope("moji.FixText")
	return beam.ParDo(s, &fixTextFn{Config: cfg}, col)
}

// FixJSONL repairs the string members named in fields of each line of col,
// a PCollection<string> of JSON Lines records without their "\n", and
// returns the repaired lines. Each line comes out exactly as "moji fix
// --jsonl" writes it; a blank line passes through.
//
// A line that is not one JSON object, or lacks one of the fields, or has
// a field that is not a string, is counted as bad and then handled by
// onError: [OnErrorFail] fails the pipeline with a message naming the
// problem, its byte offset and the start of the line; [OnErrorKeep] passes
// it through unchanged; [OnErrorSkip] leaves it out.
//
// FixJSONL panics, as beam.ParDo does for a malformed transform, when
// fields is empty or has more than 64 names or onError is not a policy.
func FixJSONL(s beam.Scope, col beam.PCollection, fields []string, cfg moji.Config, onError string) beam.PCollection {
	switch {
	case len(fields) == 0:
		panic("mojibeam.FixJSONL: no fields")
	case len(fields) > 64:
		panic("mojibeam.FixJSONL: more than 64 fields")
	}
	switch onError {
	case OnErrorFail, OnErrorKeep, OnErrorSkip:
	default:
		panic(fmt.Sprintf("mojibeam.FixJSONL: unknown on-error policy %q (want fail, keep or skip)", onError))
	}
	s = s.Scope("moji.FixJSONL")
	return beam.ParDo(s, &fixJSONLFn{Fields: fields, Config: cfg, OnError: onError}, col)
}

// stepCounters counts the kinds of repair step. Counters are made on first
// use because the kinds (charset pairs above all) are open-ended.
type stepCounters map[string]beam.Counter

// count increments the counter of every step kind in plan.
func (sc *stepCounters) count(ctx context.Context, plan moji.Plan) {
	if *sc == nil {
		*sc = make(stepCounters)
	}
	for _, st := range plan {
		kind := StepKind(st)
		c, ok := (*sc)[kind]
		if !ok {
			c = beam.NewCounter(Namespace, CounterStepPrefix+kind)
			(*sc)[kind] = c
		}
		c.Inc(ctx, 1)
	}
}

// StepKind names the kind of a plan step, as used in the "step:" counters.
func StepKind(st moji.Step) string {
	switch st.Action {
	case moji.ActionFix:
		return st.Name
	case moji.ActionNormalize:
		return "normalize_" + st.Name
	case moji.ActionReinterpret:
		return "reinterpret_" + st.TrueCharset + "_as_" + st.WrongDecoder
	}
	return st.Action
}

// fixTextFn repairs text lines. Its exported fields are what the runner
// serializes.
type fixTextFn struct {
	Config moji.Config `json:"config"`

	steps stepCounters
}

func (fn *fixTextFn) ProcessElement(ctx context.Context, line string, emit func(string)) {
	linesCounter.Inc(ctx, 1)
	// Config.Fix returns the same text as Config.FixString (the test
	// checks it) and also the plan, which the step counters need; one
	// call costs one repair.
	out, plan := fn.Config.Fix(line)
	if out != line {
		linesChanged.Inc(ctx, 1)
		fn.steps.count(ctx, plan)
	}
	emit(out)
}

// fixJSONLFn repairs the Fields members of JSONL lines. Its exported
// fields are what the runner serializes.
type fixJSONLFn struct {
	Fields  []string    `json:"fields"`
	Config  moji.Config `json:"config"`
	OnError string      `json:"on_error"`

	buf   []byte // reused output buffer
	fix   func(string) string
	steps stepCounters

	// What fix changed in the current line. It is counted only once the
	// line proves good: Rewrite may repair a field before it finds the
	// line bad, and a bad line's repairs are never written.
	changed int
	plans   []moji.Plan
}

func (fn *fixJSONLFn) Setup() {
	// The closure is made once per DoFn instance rather than per element.
	fn.fix = func(v string) string {
		// Config.Fix returns the same text as the CLI's
		// Config.FixString (the test checks it) and also the plan,
		// which the step counters need; one call costs one repair.
		out, plan := fn.Config.Fix(v)
		if out != v {
			fn.changed++
			fn.plans = append(fn.plans, plan)
		}
		return out
	}
}

func (fn *fixJSONLFn) ProcessElement(ctx context.Context, line string, emit func(string)) error {
	linesCounter.Inc(ctx, 1)
	if isBlank(line) {
		// As in the CLI: a blank line carries no record and is kept.
		emit(line)
		return nil
	}
	fn.changed, fn.plans = 0, fn.plans[:0]
	var err error
	fn.buf, err = jsonl.Rewrite(fn.buf[:0], []byte(line), fn.Fields, fn.fix)
	if err == nil {
		if fn.changed > 0 {
			fieldsChanged.Inc(ctx, int64(fn.changed))
			for _, plan := range fn.plans {
				fn.steps.count(ctx, plan)
			}
		}
		emit(string(fn.buf))
		return nil
	}
	badLinesCounter.Inc(ctx, 1)
	switch fn.OnError {
	case OnErrorKeep:
		badLinesKept.Inc(ctx, 1)
		emit(line)
	case OnErrorSkip:
		badLinesSkipped.Inc(ctx, 1)
	default:
		return badLineError(line, err)
	}
	return nil
}

// badLineError describes a bad line for --on-error fail. Beam does not say
// where in which file an element came from, so the message quotes the
// line's start (or, for a syntax error far in, the bytes around it).
func badLineError(line string, err error) error {
	const width = 80
	at := 0
	var se *jsonl.SyntaxError
	if errors.As(err, &se) {
		at = se.Offset
	}
	from := max(0, at-width/2)
	if from < width/2 {
		from = 0
	}
	to := min(len(line), from+width)
	// Keep the excerpt on rune boundaries so that %q shows characters.
	for from > 0 && !utf8.RuneStart(line[from]) {
		from--
	}
	for to < len(line) && !utf8.RuneStart(line[to]) {
		to++
	}
	excerpt := strconv.Quote(line[from:to])
	if from > 0 {
		excerpt = "…" + excerpt
	}
	if to < len(line) {
		excerpt += "…"
	}
	return fmt.Errorf("moji: bad JSONL line: %w; the line (%d bytes) from byte %d: %s", err, len(line), from, excerpt)
}

// isBlank reports whether line holds only the white space that the CLI
// treats as a blank line.
func isBlank(line string) bool {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

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
// The transforms report Beam counters in the namespace "moji", named
// after the keys of "moji fix --stats" so that the two read alike:
//
//	lines              input elements, blank and bad lines included
//	fields             values repaired: JSONL members, or text lines
//	fields_changed     values that the repair changed
//	bad_lines          JSONL lines that do not parse or lack a field
//	bad_lines_kept     bad lines passed through (--on-error keep)
//	bad_lines_skipped  bad lines dropped (--on-error skip)
//	repair:KIND        changed values whose repair plan has a step KIND
//
// A KIND is the plain-words name of a plan step, [moji.Step.String], as
// in the "repairs" of "moji fix --stats": "utf-8 bytes decoded as
// windows-1252", "uncurl quotes". Counts of bad lines include none of
// their fields: a bad line's repairs are never written.
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
	"io"
	"strconv"
	"strings"
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
	CounterFields          = "fields"
	CounterFieldsChanged   = "fields_changed"
	CounterBadLines        = "bad_lines"
	CounterBadLinesKept    = "bad_lines_kept"
	CounterBadLinesSkipped = "bad_lines_skipped"
	CounterRepairPrefix    = "repair:"
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
	fieldsCounter   = beam.NewCounter(Namespace, CounterFields)
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
// with cfg, and returns the repaired PCollection<string>. Each element is
// repaired as a text of its own, as [moji.Config.FixString] does; unlike
// "moji fix" on a file, no state carries from one line to the next (with
// the ftfy preset, markup on one line no longer turns off HTML entity
// decoding on the lines after it), since a PCollection has no order.
// Invalid UTF-8 passes through, as in the CLI.
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
	return FixJSONLWith(s, col, JSONLOptions{Fields: fields, Config: cfg, OnError: onError})
}

// JSONLOptions are the settings of [FixJSONLWith].
type JSONLOptions struct {
	Fields  []string    // the string members to repair
	Config  moji.Config // the repair
	OnError string      // OnErrorFail, OnErrorKeep or OnErrorSkip

	// NoRepairCounters leaves out the "repair:KIND" counters. They need
	// the plan of each changed value, and planning costs about as much
	// as the repair: on text that is mostly mojibake, leaving them out
	// about halves the time.
	NoRepairCounters bool
}

// FixJSONLWith is [FixJSONL] with all its settings in opts.
func FixJSONLWith(s beam.Scope, col beam.PCollection, opts JSONLOptions) beam.PCollection {
	switch {
	case len(opts.Fields) == 0:
		panic("mojibeam.FixJSONL: no fields")
	case len(opts.Fields) > 64:
		panic("mojibeam.FixJSONL: more than 64 fields")
	}
	switch opts.OnError {
	case OnErrorFail, OnErrorKeep, OnErrorSkip:
	default:
		panic(fmt.Sprintf("mojibeam.FixJSONL: unknown on-error policy %q (want fail, keep or skip)", opts.OnError))
	}
	s = s.Scope("moji.FixJSONL")
	fn := &fixJSONLFn{Fields: opts.Fields, Config: opts.Config, OnError: opts.OnError, Plan: !opts.NoRepairCounters}
	return beam.ParDo(s, fn, col)
}

// repairCounters counts the kinds of repair. Counters are made on first
// use because the kinds (charset pairs above all) are open-ended.
type repairCounters map[string]beam.Counter

// count increments the counter of every step of plan.
func (rc *repairCounters) count(ctx context.Context, plan moji.Plan) {
	if *rc == nil {
		*rc = make(repairCounters)
	}
	for _, st := range plan {
		kind := st.String()
		c, ok := (*rc)[kind]
		if !ok {
			c = beam.NewCounter(Namespace, CounterRepairPrefix+kind)
			(*rc)[kind] = c
		}
		c.Inc(ctx, 1)
	}
}

// fixTextFn repairs text lines. Its exported fields are what the runner
// serializes.
type fixTextFn struct {
	Config moji.Config `json:"config"`

	repairs repairCounters
}

func (fn *fixTextFn) ProcessElement(ctx context.Context, line string, emit func(string)) {
	linesCounter.Inc(ctx, 1)
	fieldsCounter.Inc(ctx, 1)
	valid := utf8.ValidString(line)
	var out string
	if valid {
		out = fn.Config.FixString(line)
	} else {
		// As "moji fix" does: the streaming repair passes invalid
		// bytes through and repairs the valid text between them.
		var b strings.Builder
		io.Copy(&b, moji.NewReader(strings.NewReader(line), fn.Config)) // reads from memory: no error
		out = b.String()
	}
	if out != line {
		fieldsChanged.Inc(ctx, 1)
		if valid { // the CLI, too, plans only valid text
			_, plan := fn.Config.Fix(line)
			fn.repairs.count(ctx, plan)
		}
	}
	emit(out)
}

// fixJSONLFn repairs the Fields members of JSONL lines. Its exported
// fields are what the runner serializes.
type fixJSONLFn struct {
	Fields  []string    `json:"fields"`
	Config  moji.Config `json:"config"`
	OnError string      `json:"on_error"`
	Plan    bool        `json:"plan"` // count repairs by kind

	buf     []byte // reused output buffer
	fix     func(string) string
	repairs repairCounters

	// The values of the current line, and those that fix changed. They
	// are counted only once the line proves good: Rewrite may repair a
	// field before it finds the line bad.
	fields  int
	changed []string
}

func (fn *fixJSONLFn) Setup() {
	// The closure is made once per DoFn instance rather than per element.
	fn.fix = func(v string) string {
		fn.fields++
		out := fn.Config.FixString(v)
		if out != v {
			fn.changed = append(fn.changed, v)
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
	fn.fields, fn.changed = 0, fn.changed[:0]
	var err error
	fn.buf, err = jsonl.Rewrite(fn.buf[:0], []byte(line), fn.Fields, fn.fix)
	if err == nil {
		fieldsCounter.Inc(ctx, int64(fn.fields))
		if len(fn.changed) > 0 {
			fieldsChanged.Inc(ctx, int64(len(fn.changed)))
			// As "moji fix --stats" does: the plan is asked for only
			// for values that changed, because planning costs more
			// than repairing and most of a corpus is clean.
			for _, v := range fn.changed {
				if fn.Plan {
					_, plan := fn.Config.Fix(v)
					fn.repairs.count(ctx, plan)
				}
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

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mojitext/moji"
	"github.com/mojitext/moji/internal/jsonl"
)

func init() {
	register(&command{name: "fix", summary: "repair text files or JSONL fields", usage: fixUsage, run: runFix})
}

const fixUsage = `usage: moji fix [flags] [FILE...]

Repairs mojibake in the named files (or standard input, also named "-")
and writes the result to standard output. Text is read and repaired a
line at a time, so files of any size run in constant memory.

Bytes that are not valid UTF-8 pass through unchanged and only the valid
text between them is repaired; a warning gives the file and byte offset
of the first one. --strict makes them an error.

With --jsonl every input line must be a JSON object; only the string
members named by --field are repaired, and every other byte of the line,
escapes and number spellings included, is kept exactly. Lines are split
at "\n" only: strings may hold raw U+2028 or U+0085.

Flags:
  -o FILE             write to FILE (replaced atomically) instead of standard output
  --in-place          replace each FILE with its repair (atomically; mode kept)
  --preset NAME       default (mojibake only), ftfy (ftfy's fix_text: also
                      uncurls quotes, fixes widths, NFC...), encoding (ftfy's
                      fix_encoding); default "default"
  --explain           print the plan followed, as JSON, on standard error
  --strict            fail on input that is not valid UTF-8
  --jsonl             input is JSON Lines; repair only the --field members
  --field NAME        a string member to repair (repeatable; default "text")
  --on-error POLICY   for a JSONL line that does not parse or lacks a field:
                      fail (stop, exit 1), keep (copy the line unchanged) or
                      skip (leave it out); default fail

Examples:
  moji fix < damaged.txt > repaired.txt
  moji fix --preset ftfy -o clean.txt notes.txt
  moji fix --in-place *.txt
  moji fix --explain <<< 'itâ€™s'
  moji fix --jsonl --field title --field text --on-error keep corpus.jsonl > fixed.jsonl

Exit status: 0 done, 1 an input failed (the message names file and line),
2 bad usage.
`

// fixer holds the settings of one "moji fix" run.
type fixer struct {
	e       *env
	cfg     moji.Config
	explain bool
	strict  bool
	jsonl   bool
	fields  []string
	onError string

	kept, skipped, reported int // bad JSONL lines
}

// maxReported bounds the per-line error messages of --on-error keep|skip;
// a corpus with a systematic problem should not flood the terminal.
const maxReported = 10

type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

func runFix(e *env, args []string) int {
	c := commands["fix"]
	fs := flag.NewFlagSet("fix", flag.ContinueOnError)
	output := fs.String("o", "", "")
	inPlace := fs.Bool("in-place", false, "")
	preset := fs.String("preset", "default", "")
	var fields stringsFlag
	fs.Var(&fields, "field", "")
	f := &fixer{e: e}
	fs.BoolVar(&f.explain, "explain", false, "")
	fs.BoolVar(&f.strict, "strict", false, "")
	fs.BoolVar(&f.jsonl, "jsonl", false, "")
	fs.StringVar(&f.onError, "on-error", "fail", "")
	files, code, ok := parseFlags(e, c, fs, args)
	if !ok {
		return code
	}

	var found bool
	if f.cfg, found = moji.Preset(*preset); !found {
		return usageError(e, c, "unknown preset %q (want default, ftfy or encoding)", *preset)
	}
	switch f.onError {
	case "fail", "keep", "skip":
	default:
		return usageError(e, c, "unknown --on-error policy %q (want fail, keep or skip)", f.onError)
	}
	f.fields = fields
	if len(f.fields) == 0 {
		f.fields = []string{"text"}
	}
	switch {
	case len(fields) > 0 && !f.jsonl:
		return usageError(e, c, "--field needs --jsonl")
	case len(f.fields) > 64:
		return usageError(e, c, "at most 64 --field flags")
	case f.jsonl && f.explain:
		return usageError(e, c, "--explain does not combine with --jsonl")
	case *inPlace && *output != "":
		return usageError(e, c, "--in-place and -o exclude each other")
	case *inPlace && len(files) == 0:
		return usageError(e, c, "--in-place needs FILE arguments")
	}

	var status int
	if *inPlace {
		for _, name := range files {
			if err := f.fixInPlace(name); err != nil {
				fmt.Fprintf(e.stderr, "moji: %v\n", err)
				status = exitFail
			}
		}
	} else {
		status = f.fixToOutput(files, *output)
	}
	f.summary()
	return status
}

// fixToOutput repairs files (or stdin) in order into one output.
func (f *fixer) fixToOutput(files []string, output string) int {
	var (
		out    io.Writer = f.e.stdout
		commit           = func() error { return nil }
		abort            = func() {}
	)
	if output != "" {
		var err error
		if out, commit, abort, err = openOutput(output); err != nil {
			fmt.Fprintf(f.e.stderr, "moji: %v\n", err)
			return exitFail
		}
	}
	w := bufio.NewWriterSize(out, 1<<20)
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		err := f.fixNamed(name, w)
		if err == nil {
			continue
		}
		fmt.Fprintf(f.e.stderr, "moji: %v\n", err)
		// Write what was repaired so far, so that the output ends where
		// the message says, but do not install a partial -o file.
		w.Flush()
		abort()
		return exitFail
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(f.e.stderr, "moji: write: %v\n", err)
		abort()
		return exitFail
	}
	if err := commit(); err != nil {
		fmt.Fprintf(f.e.stderr, "moji: %v\n", err)
		return exitFail
	}
	return exitOK
}

// fixNamed repairs the file name ("-" is standard input) into w.
func (f *fixer) fixNamed(name string, w *bufio.Writer) error {
	if name == "-" {
		return f.fix("<stdin>", f.e.stdin, w)
	}
	r, err := os.Open(name)
	if err != nil {
		return err
	}
	defer r.Close()
	return f.fix(name, r, w)
}

// fixInPlace replaces the file name with its repair. The repair goes to a
// temporary file next to it, renamed over it only once complete.
func (f *fixer) fixInPlace(name string) error {
	if name == "-" {
		return errors.New("--in-place cannot rewrite standard input")
	}
	// Replace the file a symlink points to, not the link.
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	r, err := os.Open(target)
	if err != nil {
		return err
	}
	defer r.Close()
	fi, err := r.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", name)
	}
	a, err := createAtomic(target, fi.Mode().Perm())
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(a, 1<<20)
	if err := f.fix(name, r, w); err != nil {
		a.Abort()
		return err
	}
	if err := w.Flush(); err != nil {
		a.Abort()
		return fmt.Errorf("%s: %v", name, err)
	}
	return a.Commit()
}

// fix repairs one input into w; name is used in messages.
func (f *fixer) fix(name string, r io.Reader, w *bufio.Writer) error {
	if f.jsonl {
		return f.fixJSONL(name, r, w)
	}
	chk := newUTF8Checker(r, f.strict)
	var err error
	if f.explain {
		err = f.fixExplained(name, chk, w)
	} else {
		_, err = io.Copy(w, moji.NewReader(chk, f.cfg))
	}
	var bad errInvalidUTF8
	switch {
	case errors.As(err, &bad):
		return fmt.Errorf("%s:%d: %v", name, bad.line, bad)
	case err != nil:
		return fmt.Errorf("%s: %v", name, err)
	case chk.bad >= 0:
		fmt.Fprintf(f.e.stderr, "moji: warning: %s:%d: invalid UTF-8 at byte offset %d; invalid bytes passed through unchanged\n",
			name, chk.badLine, chk.bad)
	}
	return nil
}

// fixExplained reads the whole input, as a plan covers the whole text,
// and prints the plan on stderr.
func (f *fixer) fixExplained(name string, r io.Reader, w *bufio.Writer) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, plan := f.cfg.Fix(string(data))
	if _, err := io.Copy(w, moji.NewReader(bytes.NewReader(data), f.cfg)); err != nil {
		return err
	}
	if plan == nil {
		plan = moji.Plan{}
	}
	enc := json.NewEncoder(f.e.stderr)
	enc.SetEscapeHTML(false) // "<stdin>", not "\u003cstdin\u003e"
	return enc.Encode(struct {
		File string    `json:"file"`
		Plan moji.Plan `json:"plan"`
	}{name, plan})
}

// fixJSONL repairs the --field members of each line of r. It reads with
// a large buffer and reuses its line and output buffers, so a line costs
// no allocation beyond what the repair itself needs.
func (f *fixer) fixJSONL(name string, r io.Reader, w *bufio.Writer) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var long, out []byte
	fix := f.cfg.FixString
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A line longer than the buffer: gather it.
			long = append(long[:0], line...)
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("%s:%d: %v", name, lineNo, err)
		}
		if len(line) == 0 {
			return nil
		}
		body := bytes.TrimSuffix(line, []byte{'\n'})
		if len(bytes.TrimLeft(body, " \t\r")) == 0 {
			// Blank lines carry no record; keep them so that line
			// numbers still match the input.
			w.Write(line)
		} else if out, err = jsonl.Rewrite(out[:0], body, f.fields, fix); err != nil {
			msg := fmt.Sprintf("%s:%d: %v", name, lineNo, err)
			if f.onError == "fail" {
				return errors.New(msg)
			}
			if f.reported++; f.reported <= maxReported {
				fmt.Fprintf(f.e.stderr, "moji: %s\n", msg)
			}
			if f.onError == "keep" {
				f.kept++
				w.Write(line)
			} else {
				f.skipped++
			}
		} else {
			w.Write(out)
			if len(body) < len(line) {
				w.WriteByte('\n')
			}
		}
		if len(body) == len(line) { // no '\n': the last line
			return nil
		}
	}
}

// summary reports the bad JSONL lines that --on-error kept or skipped.
func (f *fixer) summary() {
	if f.reported > maxReported {
		fmt.Fprintf(f.e.stderr, "moji: %d more bad lines not shown\n", f.reported-maxReported)
	}
	if f.kept > 0 {
		fmt.Fprintf(f.e.stderr, "moji: %d bad %s kept unchanged\n", f.kept, plural(f.kept, "line"))
	}
	if f.skipped > 0 {
		fmt.Fprintf(f.e.stderr, "moji: %d bad %s skipped\n", f.skipped, plural(f.skipped, "line"))
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/mojitext/moji"
)

func init() {
	register(&command{name: "fix", summary: "repair text files or JSONL fields", usage: fixUsage, run: runFix})
}

const fixUsage = `usage: moji fix [flags] [FILE|DIR...]

Repairs mojibake in the named files (or standard input, also named "-")
and writes the result to standard output. Input is read in batches of
lines repaired on every core (-j) and written in input order, so files of
any size run in bounded memory.

Files named *.gz or *.zst are decompressed; outputs so named (-o, or the
shards of --out-dir) are compressed the same way. A DIR stands for the
files in it. With --out-dir, each input gets an output of the same base
name in DIR, written under a temporary name and renamed once complete, so
an interrupted run (Ctrl-C, a crash) never leaves a partial file under a
final name; --resume then skips the inputs whose output exists.

Bytes that are not valid UTF-8 pass through unchanged and only the valid
text between them is repaired; a warning gives the file and byte offset
of the first one. --strict makes them an error.

With --jsonl every input line must be a JSON object; only the string
members named by --field are repaired, and every other byte of the line,
escapes and number spellings included, is kept exactly. Lines are split
at "\n" only: strings may hold raw U+2028 or U+0085.

On a terminal, progress (bytes, lines, rate, ETA) is shown on standard
error, and a summary at the end: lines, fields, fields changed and the
repairs made, by kind.

Flags:
  -o FILE             write to FILE (replaced atomically) instead of standard output
  --in-place          replace each FILE with its repair (atomically; mode kept)
  --out-dir DIR       write one output per input into DIR, same base name
  --resume            with --out-dir: skip inputs whose output exists
  -j N                repair on N cores; default: all of them
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
  --stats FILE        write the counts of the summary to FILE as JSON
  --quiet             no progress or summary on a terminal

Examples:
  moji fix < damaged.txt > repaired.txt
  moji fix --preset ftfy -o clean.txt notes.txt
  moji fix --in-place *.txt
  moji fix --explain <<< 'itâ€™s'
  moji fix --jsonl --field title --field text --on-error keep corpus.jsonl > fixed.jsonl
  moji fix --jsonl --out-dir fixed/ --resume --stats stats.json shards/

Exit status: 0 done, 1 an input failed (the message names file and line),
2 bad usage, 130 interrupted.
`

// fixer holds the settings of one "moji fix" run.
type fixer struct {
	e        *env
	cfg      moji.Config
	explain  bool
	strict   bool
	jsonl    bool
	fields   []string
	onError  string
	workers  int
	wantPlan bool // count repairs by kind (--stats, or the summary on a terminal)
	sizes    batchSizes

	// afterBatch, when set (by tests), is called after each batch written
	// with the number of lines written so far in the shard.
	afterBatch func(lines int64)

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
	outDir := fs.String("out-dir", "", "")
	resume := fs.Bool("resume", false, "")
	quiet := fs.Bool("quiet", false, "")
	statsFile := fs.String("stats", "", "")
	preset := fs.String("preset", "default", "")
	var fields stringsFlag
	fs.Var(&fields, "field", "")
	f := &fixer{e: e, afterBatch: e.afterBatch, sizes: defaultSizes}
	if e.sizes != nil {
		f.sizes = *e.sizes
	}
	fs.IntVar(&f.workers, "j", runtime.NumCPU(), "")
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
	outputs := 0
	for _, set := range []bool{*inPlace, *output != "", *outDir != ""} {
		if set {
			outputs++
		}
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
	case outputs > 1:
		return usageError(e, c, "--out-dir excludes -o and --in-place")
	case *inPlace && len(files) == 0:
		return usageError(e, c, "--in-place needs FILE arguments")
	case *outDir != "" && len(files) == 0:
		return usageError(e, c, "--out-dir needs FILE or DIR arguments")
	case *resume && *outDir == "":
		return usageError(e, c, "--resume needs --out-dir")
	case f.workers < 1:
		return usageError(e, c, "-j wants a positive number of workers")
	}

	files, err := expandInputs(files)
	if err != nil {
		fmt.Fprintf(e.stderr, "moji: %v\n", err)
		return exitFail
	}
	if *outDir != "" {
		if err := checkOutDir(*outDir, files); err != nil {
			return usageError(e, c, "%v", err)
		}
	}
	// SIGINT stops reading; temporary files are removed on the way out.
	ctx, stop := signal.NotifyContext(e.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	summary := !*quiet && isTerminal(e.stderr)
	f.wantPlan = *statsFile != "" || summary
	prog := newRunProgress(e.stderr, summary, files)
	var status int
	switch {
	case *inPlace:
		status = f.fixInPlace(ctx, files, prog)
	case *outDir != "":
		status = f.fixToDir(ctx, files, *outDir, *resume, prog)
	default:
		status = f.fixToOutput(ctx, files, *output, prog)
	}
	prog.finish()
	result := "ok"
	switch {
	case ctx.Err() != nil:
		fmt.Fprintln(e.stderr, "moji: interrupted")
		status, result = exitInterrupted, "interrupted"
	case status != exitOK:
		result = "failed"
	}
	f.summary()
	if summary {
		fmt.Fprintln(e.stderr, prog.summary(f.jsonl))
	}
	if *statsFile != "" {
		if err := prog.writeStats(*statsFile, result); err != nil {
			fmt.Fprintf(e.stderr, "moji: --stats: %v\n", err)
			status = max(status, exitFail)
		}
	}
	return status
}

// checkOutDir refuses an output directory that would receive two outputs
// of one name, or replace the inputs themselves.
func checkOutDir(dir string, files []string) error {
	seen := map[string]string{}
	dfi, derr := os.Stat(dir)
	for _, name := range files {
		if name == "-" {
			return errors.New("--out-dir cannot name the output of standard input")
		}
		base := filepath.Base(name)
		if prev, ok := seen[base]; ok {
			return fmt.Errorf("%s and %s would both be written to %s", prev, name, filepath.Join(dir, base))
		}
		seen[base] = name
		if ifi, err := os.Stat(filepath.Dir(name)); derr == nil && err == nil && os.SameFile(dfi, ifi) {
			return fmt.Errorf("%s is in --out-dir %s; use --in-place to replace inputs", name, dir)
		}
	}
	return nil
}

// fixToOutput repairs files (or stdin) in order into one output.
func (f *fixer) fixToOutput(ctx context.Context, files []string, output string, prog *runProgress) int {
	var (
		out    io.Writer = f.e.stdout
		commit           = func() error { return nil }
		abort            = func() {}
		end              = func() error { return nil }
	)
	if output != "" {
		var err error
		if out, commit, abort, err = openOutput(output); err != nil {
			fmt.Fprintf(f.e.stderr, "moji: %v\n", err)
			return exitFail
		}
		if out, end, err = compressor(out, output); err != nil {
			abort()
			fmt.Fprintf(f.e.stderr, "moji: %v\n", err)
			return exitFail
		}
	}
	w := bufio.NewWriterSize(out, 1<<20)
	if len(files) == 0 {
		files = []string{"-"}
	}
	for i, name := range files {
		sh := prog.shard(name, output, i, len(files))
		err := f.fixNamed(ctx, name, w, sh)
		if err == nil {
			continue
		}
		f.shardFailed(ctx, prog, sh, err)
		// Write what was repaired so far, so that the output ends where
		// the message says, but do not install a partial -o file.
		w.Flush()
		abort()
		return exitFail
	}
	err := w.Flush()
	if err == nil {
		err = end()
	}
	if err != nil {
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

// fixToDir repairs each file into dir under its own base name. A shard
// that fails is reported and the others go on; a rerun with --resume
// redoes only the shards without output.
func (f *fixer) fixToDir(ctx context.Context, files []string, dir string, resume bool, prog *runProgress) int {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		fmt.Fprintf(f.e.stderr, "moji: %v\n", err)
		return exitFail
	}
	status := exitOK
	for i, name := range files {
		final := filepath.Join(dir, filepath.Base(name))
		sh := prog.shard(name, final, i, len(files))
		if resume {
			if _, err := os.Lstat(final); err == nil {
				// Only complete files get a final name.
				sh.Skipped = true
				continue
			}
			removeStale(final)
		}
		if err := f.fixShard(ctx, name, final, 0o644, sh); err != nil {
			f.shardFailed(ctx, prog, sh, err)
			if ctx.Err() != nil {
				return exitFail
			}
			status = exitFail
		}
	}
	return status
}

// fixInPlace replaces each file with its repair.
func (f *fixer) fixInPlace(ctx context.Context, files []string, prog *runProgress) int {
	status := exitOK
	for i, name := range files {
		sh := prog.shard(name, name, i, len(files))
		if err := f.fixOneInPlace(ctx, name, sh); err != nil {
			f.shardFailed(ctx, prog, sh, err)
			if ctx.Err() != nil {
				return exitFail
			}
			status = exitFail
		}
	}
	return status
}

// shardFailed marks the shard failed and reports err, unless the run was
// interrupted: then the interruption is the message.
func (f *fixer) shardFailed(ctx context.Context, prog *runProgress, sh *shardProgress, err error) {
	sh.Failed = true
	if ctx.Err() == nil {
		prog.clearLine()
		fmt.Fprintf(f.e.stderr, "moji: %v\n", err)
	}
}

// fixNamed repairs the file name ("-" is standard input) into w.
func (f *fixer) fixNamed(ctx context.Context, name string, w io.Writer, sh *shardProgress) error {
	in, err := f.openInput(name, sh)
	if err != nil {
		return err
	}
	defer in.close()
	display := name
	if name == "-" {
		display = "<stdin>"
	}
	return f.fix(ctx, display, in, w, sh)
}

// fixShard repairs the file name into final, which appears only once
// complete.
func (f *fixer) fixShard(ctx context.Context, name, final string, perm os.FileMode, sh *shardProgress) error {
	in, err := f.openInput(name, sh)
	if err != nil {
		return err
	}
	defer in.close()
	out, err := createShard(final, perm)
	if err != nil {
		return err
	}
	if err := f.fix(ctx, name, in, out, sh); err != nil {
		out.Abort()
		return err
	}
	return out.Commit()
}

// fixOneInPlace replaces the file name with its repair. The repair goes
// to a temporary file next to it, renamed over it only once complete.
func (f *fixer) fixOneInPlace(ctx context.Context, name string, sh *shardProgress) error {
	if name == "-" {
		return errors.New("--in-place cannot rewrite standard input")
	}
	// Replace the file a symlink points to, not the link.
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	fi, err := os.Stat(target)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", name)
	}
	return f.fixShard(ctx, target, target, fi.Mode().Perm(), sh)
}

// fix repairs one input into w; name is used in messages.
func (f *fixer) fix(ctx context.Context, name string, r io.Reader, w io.Writer, sh *shardProgress) error {
	if f.jsonl {
		return f.run(ctx, name, r, w, sh)
	}
	chk := newUTF8Checker(r, f.strict)
	var err error
	if f.explain {
		err = f.fixExplained(name, chk, w)
		if err != nil {
			err = fmt.Errorf("%s: %v", name, err)
		}
	} else {
		err = f.run(ctx, name, chk, w, sh)
	}
	if err == nil && chk.bad >= 0 {
		fmt.Fprintf(f.e.stderr, "moji: warning: %s:%d: invalid UTF-8 at byte offset %d; invalid bytes passed through unchanged\n",
			name, chk.badLine, chk.bad)
	}
	return err
}

// fixExplained reads the whole input, as a plan covers the whole text,
// and prints the plan on stderr.
func (f *fixer) fixExplained(name string, r io.Reader, w io.Writer) error {
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

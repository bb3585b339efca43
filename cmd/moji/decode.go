package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/mojitext/moji"
	"github.com/mojitext/moji/detect"
)

func init() {
	register(&command{name: "decode", summary: "convert text in any charset to UTF-8", usage: decodeUsage,
		run: func(e *env, args []string) int { return cmdDecode(args, e.stdin, e.stdout, e.stderr) }})
}

const decodeUsage = `usage: moji decode [--from ENC] [-o FILE | --in-place] [FILE...]

Detects the charset of each FILE ("-" or none: standard input), converts it
to UTF-8 and repairs any mojibake in the result. Output goes to standard
output, to -o FILE, or back into each FILE with --in-place (written to a
temporary file, synced and renamed over the original, keeping its mode).

Binary input is refused: nothing is written for it.

Flags:
	--from ENC   the source charset, instead of detecting it
	-o FILE      write to FILE
	--in-place   replace each FILE with its UTF-8 version
	--no-fix     convert only, do not repair mojibake

Examples:
	moji decode legacy.txt > utf8.txt
	moji decode --from windows-1251 --in-place notes.txt
`

// cmdDecode runs "moji decode" and returns the exit status.
func cmdDecode(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	c := &command{name: "decode", usage: decodeUsage}
	fs := flag.NewFlagSet("decode", flag.ContinueOnError)
	from := fs.String("from", "", "")
	outName := fs.String("o", "", "")
	inPlace := fs.Bool("in-place", false, "")
	noFix := fs.Bool("no-fix", false, "")
	paths, code, ok := parseFlags(e, c, fs, args)
	if !ok {
		return code
	}
	if *inPlace && *outName != "" {
		return usageError(e, c, "-o and --in-place cannot be used together")
	}
	if len(paths) == 0 {
		if *inPlace {
			return usageError(e, c, "--in-place needs file names")
		}
		paths = []string{"-"}
	}
	if *from != "" {
		if _, _, err := detect.Decode(nil, *from); err != nil {
			return usageError(e, c, "unknown charset %q", *from)
		}
	}

	// convert returns the UTF-8 text of one input.
	convert := func(path string, b []byte) (string, bool) {
		enc := *from
		if enc == "" {
			enc = detect.Bytes(b).Encoding
		}
		s, _, err := detect.Decode(b, enc)
		if err != nil {
			fmt.Fprintf(stderr, "moji decode: %s: %s input, not converted\n", path, enc)
			return "", false
		}
		if !*noFix {
			s = moji.Default.FixString(s)
		}
		return s, true
	}
	read := func(path string) ([]byte, error) {
		if path == "-" {
			return io.ReadAll(stdin)
		}
		return os.ReadFile(path)
	}

	status := exitOK
	if *inPlace {
		for _, path := range paths {
			if err := decodeInPlace(path, convert); err != nil {
				fmt.Fprintf(stderr, "moji decode: %v\n", err)
				status = exitFail
			}
		}
		return status
	}

	w, commit, abort := stdout, func() error { return nil }, func() {}
	if *outName != "" {
		var err error
		w, commit, abort, err = openOutput(*outName)
		if err != nil {
			fmt.Fprintf(stderr, "moji decode: %v\n", err)
			return exitFail
		}
	}
	for _, path := range paths {
		b, err := read(path)
		if err != nil {
			fmt.Fprintf(stderr, "moji decode: %v\n", err)
			status = exitFail
			continue
		}
		s, ok := convert(path, b)
		if !ok {
			status = exitFail
			continue
		}
		if _, err := io.WriteString(w, s); err != nil {
			fmt.Fprintf(stderr, "moji decode: %v\n", err)
			abort()
			return exitFail
		}
	}
	if err := commit(); err != nil {
		fmt.Fprintf(stderr, "moji decode: %v\n", err)
		return exitFail
	}
	return status
}

// decodeInPlace replaces the file path by its UTF-8 version, atomically.
func decodeInPlace(path string, convert func(string, []byte) (string, bool)) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s, ok := convert(path, b)
	if !ok {
		return fmt.Errorf("%s: left unchanged", path)
	}
	a, err := createAtomic(path, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.WriteString(a, s); err != nil {
		a.Abort()
		return err
	}
	return a.Commit()
}

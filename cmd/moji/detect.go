package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/mojitext/moji/detect"
)

func init() {
	register(&command{name: "detect", summary: "guess the charset of files", usage: detectUsage,
		run: func(e *env, args []string) int { return cmdDetect(args, e.stdin, e.stdout, e.stderr) }})
}

const detectUsage = `usage: moji detect [--json] [--files-from FILE] [FILE...]

Guesses the character encoding of each FILE ("-" or none: standard input)
and prints one line per file:

	PATH<TAB>ENCODING<TAB>CONFIDENCE<TAB>LANGUAGE

ENCODING is a lower-case WHATWG/IANA name (utf-8, ascii, windows-1252,
shift_jis, utf-16le, ...) or "binary" for data that is not text.
CONFIDENCE is between 0 and 1; LANGUAGE is an ISO 639-1 code or empty.

Flags:
	--files-from FILE   also read paths from FILE, one a line ("-": stdin)
	--json              print one JSON object a line instead

A file that cannot be read is reported on standard error; the others are
still examined, and the exit status is 1.

Examples:
	moji detect notes.txt
	find . -name '*.txt' | moji detect --files-from -
`

// detectRecord is the --json form of one line.
type detectRecord struct {
	Path         string             `json:"path"`
	Encoding     string             `json:"encoding"`
	Confidence   float64            `json:"confidence"`
	Language     string             `json:"language,omitempty"`
	Alternatives []detect.Candidate `json:"alternatives,omitempty"`
}

// cmdDetect runs "moji detect" and returns the exit status.
func cmdDetect(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	c := &command{name: "detect", usage: detectUsage}
	fs := flag.NewFlagSet("detect", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	filesFrom := fs.String("files-from", "", "")
	paths, code, ok := parseFlags(e, c, fs, args)
	if !ok {
		return code
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	status := exitOK
	stdinUsed := false
	one := func(path string) {
		res, err := detectPath(path, stdin, &stdinUsed)
		if err != nil {
			out.Flush()
			fmt.Fprintf(stderr, "moji detect: %v\n", err)
			status = exitFail
			return
		}
		if *asJSON {
			b, _ := json.Marshal(detectRecord{path, res.Encoding, round3(res.Confidence), res.Language, res.Alternatives})
			out.Write(b)
			out.WriteByte('\n')
			return
		}
		fmt.Fprintf(out, "%s\t%s\t%s\t%s\n", path, res.Encoding, strconv.FormatFloat(res.Confidence, 'f', 3, 64), res.Language)
	}
	if *filesFrom != "" {
		var r io.Reader
		if *filesFrom == "-" {
			r, stdinUsed = stdin, true
		} else {
			f, err := os.Open(*filesFrom)
			if err != nil {
				fmt.Fprintf(stderr, "moji detect: %v\n", err)
				return exitFail
			}
			defer f.Close()
			r = f
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			if p := strings.TrimSuffix(sc.Text(), "\r"); p != "" {
				one(p)
			}
		}
		if err := sc.Err(); err != nil {
			fmt.Fprintf(stderr, "moji detect: reading %s: %v\n", *filesFrom, err)
			status = exitFail
		}
	} else if len(paths) == 0 {
		paths = []string{"-"}
	}
	for _, p := range paths {
		one(p)
	}
	return status
}

// detectPath detects the encoding of the file path, "-" meaning stdin
// (which can be read only once).
func detectPath(path string, stdin io.Reader, stdinUsed *bool) (detect.Result, error) {
	if path == "-" {
		if *stdinUsed {
			return detect.Result{}, fmt.Errorf("-: standard input is already used")
		}
		*stdinUsed = true
		res, err := detect.Reader(stdin)
		if err != nil {
			return res, fmt.Errorf("-: %v", err)
		}
		return res, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return detect.Result{}, err
	}
	defer f.Close()
	res, err := detect.Reader(f)
	if err != nil {
		return res, fmt.Errorf("%s: %v", path, err)
	}
	return res, nil
}

func round3(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}

package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"

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
	stdinUsed := *filesFrom == "-"
	write := func(path string, res detect.Result, err error) {
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

	// Files are detected by one worker per CPU and reported in input
	// order: detection is CPU-bound and independent per file, and a long
	// list from --files-from is the common case. The producer below feeds
	// the workers and, in the same order, the writer.
	type job struct {
		path string
		res  detect.Result
		err  error
		done chan struct{}
	}
	workers := max(1, runtime.GOMAXPROCS(0))
	jobs := make(chan *job, 4*workers)
	order := make(chan *job, 64*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res, j.err = detectPath(j.path, nil, nil)
				close(j.done)
			}
		}()
	}
	listErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		submit := func(path string) {
			j := &job{path: path, done: make(chan struct{})}
			if path == "-" {
				// Standard input can be read once only: it is read here,
				// in order, not by a worker.
				j.res, j.err = detectPath(path, stdin, &stdinUsed)
				close(j.done)
				order <- j
				return
			}
			order <- j
			jobs <- j
		}
		var err error
		if *filesFrom != "" {
			err = readPaths(*filesFrom, stdin, submit)
		} else if len(paths) == 0 {
			paths = []string{"-"}
		}
		for _, p := range paths {
			submit(p)
		}
		listErr <- err
	}()
	for j := range order {
		<-j.done
		write(j.path, j.res, j.err)
	}
	wg.Wait()
	if err := <-listErr; err != nil {
		fmt.Fprintf(stderr, "moji detect: %v\n", err)
		status = exitFail
	}
	return status
}

// readPaths calls submit with each path listed in the file name, one a
// line ("-": standard input).
func readPaths(name string, stdin io.Reader, submit func(string)) error {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if p := strings.TrimSuffix(sc.Text(), "\r"); p != "" {
			submit(p)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %v", name, err)
	}
	return nil
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

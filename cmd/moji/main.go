// Command moji repairs mojibake in text files and JSONL corpora.
//
//	moji fix [-o FILE | --in-place] [--preset NAME] [FILE...]
//	moji fix --jsonl [--field NAME]... [--on-error fail|keep|skip] [FILE...]
//	moji explain [TEXT|FILE]
//	moji version
//
// Run "moji help CMD" for the flags and examples of each command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK    = 0 // done
	exitFail  = 1 // a file could not be read, written or parsed
	exitUsage = 2 // bad command line

	exitInterrupted = 130 // SIGINT or SIGTERM, as shells report 128+2
)

// env is what a command may touch besides the file system.
type env struct {
	ctx            context.Context // cancelled to stop, as SIGINT does
	stdin          io.Reader
	stdout, stderr io.Writer

	// afterBatch, when set (by tests), is called by "fix" after each
	// batch it writes, with the lines written so far in the input.
	afterBatch func(lines int64)
	// sizes, when set (by tests), replaces the batch sizes of "fix", so
	// that small inputs cross batch boundaries and take the long-line path.
	sizes *batchSizes
}

// A command is one subcommand. New ones (detect, decode, serve) only need
// an entry in commands.
type command struct {
	name    string
	summary string // one line for "moji help"
	usage   string // synopsis, description and examples for "moji help CMD"
	run     func(e *env, args []string) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

func init() {
	register(&command{name: "help", summary: "show help for a command", usage: helpUsage, run: runHelp})
	register(&command{name: "version", summary: "print the version", usage: versionUsage, run: runVersion})
}

// run is main without the process: tests drive it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runEnv(&env{ctx: context.Background(), stdin: stdin, stdout: stdout, stderr: stderr}, args)
}

// runEnv is run with a given env.
func runEnv(e *env, args []string) int {
	stdout, stderr := e.stdout, e.stderr
	if len(args) == 0 {
		mainUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		mainUsage(stdout)
		return exitOK
	case "-version", "--version":
		return runVersion(e, nil)
	}
	c := commands[args[0]]
	if c == nil {
		fmt.Fprintf(stderr, "moji: unknown command %q\nRun 'moji help' for usage.\n", args[0])
		return exitUsage
	}
	return c.run(e, args[1:])
}

func mainUsage(w io.Writer) {
	fmt.Fprint(w, `moji repairs mojibake: text whose bytes were decoded with the wrong charset
("itâ€™s" for "it’s", "Japan鈥檚" for "Japan’s").

Usage:
	moji <command> [flags] [arguments]

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "\t%-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(w, `
Examples:
	moji fix < damaged.txt > repaired.txt
	moji fix --in-place notes.txt
	moji fix --jsonl --field text < corpus.jsonl > fixed.jsonl
	moji explain 'itâ€™s'

Run 'moji help <command>' for more about a command.
`)
}

const helpUsage = `usage: moji help [command]

Shows the usage and examples of a command.
`

func runHelp(e *env, args []string) int {
	if len(args) == 0 {
		mainUsage(e.stdout)
		return exitOK
	}
	c := commands[args[0]]
	if c == nil || len(args) > 1 {
		fmt.Fprintf(e.stderr, "moji help: unknown command %q\n", strings.Join(args, " "))
		return exitUsage
	}
	fmt.Fprint(e.stdout, c.usage)
	return exitOK
}

const versionUsage = `usage: moji version

Prints the version of moji and of the Go toolchain that built it.
`

// version is set at link time: -ldflags "-X main.version=v1.2.3".
var version = ""

func runVersion(e *env, args []string) int {
	if len(args) > 0 && args[0] != "--help" && args[0] != "-h" && args[0] != "-help" {
		fmt.Fprint(e.stderr, versionUsage)
		return exitUsage
	}
	if len(args) > 0 {
		fmt.Fprint(e.stdout, versionUsage)
		return exitOK
	}
	v, goVersion := version, ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
	}
	if v == "" {
		v = "devel"
	}
	fmt.Fprintf(e.stdout, "moji %s %s\n", v, goVersion)
	return exitOK
}

// parseFlags parses args with fs, letting flags follow operands
// ("moji fix a.txt --in-place") as users expect; "--" ends the flags.
// It returns the operands, or an exit code when parsing stopped: 0 after
// printing help on request, 2 after a bad flag.
func parseFlags(e *env, c *command, fs *flag.FlagSet, args []string) ([]string, int, bool) {
	fs.SetOutput(e.stderr)
	fs.Usage = func() {}
	var operands []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(e.stdout, c.usage)
			return nil, exitOK, false
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "Run 'moji help %s' for usage.\n", c.name)
			return nil, exitUsage, false
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(operands, rest...), 0, true
		}
		if len(rest) == 0 {
			return operands, 0, true
		}
		operands = append(operands, rest[0])
		args = rest[1:]
	}
}

// usageError reports a bad command line and returns exitUsage.
func usageError(e *env, c *command, format string, a ...any) int {
	fmt.Fprintf(e.stderr, "moji %s: %s\nRun 'moji help %s' for usage.\n", c.name, fmt.Sprintf(format, a...), c.name)
	return exitUsage
}

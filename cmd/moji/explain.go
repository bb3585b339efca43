package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/mojitext/moji"
	"github.com/mojitext/moji/internal/uninames"
)

func init() {
	register(&command{name: "explain", summary: "show what a repair changes and why", usage: explainUsage, run: runExplain})
}

const explainUsage = `usage: moji explain [--preset NAME] [TEXT|FILE]

Repairs TEXT (or the file FILE, if the argument names one, or standard
input) and explains the repair: the steps followed, in plain words, then
every changed character with its position, code point and Unicode name.

Flags:
  --preset NAME   default, ftfy or encoding (see 'moji help fix'); default "default"

Examples:
  moji explain 'itâ€™s'
  moji explain --preset ftfy '“curly” quotes'
  moji explain damaged.txt
`

func runExplain(e *env, args []string) int {
	c := commands["explain"]
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	preset := fs.String("preset", "default", "")
	operands, code, ok := parseFlags(e, c, fs, args)
	if !ok {
		return code
	}
	cfg, found := moji.Preset(*preset)
	if !found {
		return usageError(e, c, "unknown preset %q (want default, ftfy or encoding)", *preset)
	}
	var text string
	switch {
	case len(operands) == 0:
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			fmt.Fprintf(e.stderr, "moji: <stdin>: %v\n", err)
			return exitFail
		}
		text = string(b)
	case len(operands) == 1 && isFile(operands[0]):
		b, err := os.ReadFile(operands[0])
		if err != nil {
			fmt.Fprintf(e.stderr, "moji: %v\n", err)
			return exitFail
		}
		text = string(b)
	default:
		text = strings.Join(operands, " ")
	}
	out, plan := cfg.Fix(text)
	explain(e.stdout, text, out, plan)
	return exitOK
}

func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// explain writes the steps of plan and the character changes from before
// to after, e.g.
//
//	steps:
//	  1. utf-8 bytes decoded as windows-1252
//	changes:
//	  at 2 (line 1, column 3):
//	    - U+00E2 LATIN SMALL LETTER A WITH CIRCUMFLEX  â
//	    ...
//	    + U+2019 RIGHT SINGLE QUOTATION MARK  ’
func explain(w io.Writer, before, after string, plan moji.Plan) {
	if before == after {
		fmt.Fprintln(w, "no change")
		return
	}
	fmt.Fprintln(w, "steps:")
	for i, st := range plan {
		fmt.Fprintf(w, "  %d. %s\n", i+1, st)
		// Lost bytes were chosen from context: show what was weighed.
		for _, in := range st.Inferred {
			if len(in.Alternatives) == 0 {
				fmt.Fprintf(w, "     lost byte: %s (%U) — no candidate fits, marked as lost\n", in.Chosen, []rune(in.Chosen)[0])
				continue
			}
			// Scores are in bits, best first, and only their differences
			// mean anything: each is shown against the best one's.
			fmt.Fprintf(w, "     lost byte: chose %s (%U) among", in.Chosen, []rune(in.Chosen)[0])
			for k, a := range in.Alternatives {
				if k == 5 {
					fmt.Fprintf(w, " …")
					break
				}
				fmt.Fprintf(w, " %s %.1f", a.Text, a.Score-in.Alternatives[0].Score)
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintln(w, "changes:")
	a, b := []rune(before), []rune(after)
	for _, h := range diffRunes(a, b) {
		line, col := 1, 1
		for _, r := range a[:h.a0] {
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		fmt.Fprintf(w, "  at %d (line %d, column %d):\n", h.a0, line, col)
		for _, r := range a[h.a0:h.a1] {
			fmt.Fprintf(w, "    - %s\n", describe(r))
		}
		for _, r := range b[h.b0:h.b1] {
			fmt.Fprintf(w, "    + %s\n", describe(r))
		}
	}
}

// describe gives "U+2019 RIGHT SINGLE QUOTATION MARK  ’"; the character
// itself is left out when printing it would disturb the terminal.
func describe(r rune) string {
	s := fmt.Sprintf("%U", r)
	if name := uninames.Name(r); name != "" {
		s += " " + name
	}
	if unicode.IsPrint(r) {
		s += "  " + string(r)
	}
	return s
}

// A hunk replaces a[a0:a1] with b[b0:b1].
type hunk struct{ a0, a1, b0, b1 int }

// maxLCSCells bounds the table of the LCS alignment of the middle part;
// a larger middle is reported as one replacement.
const maxLCSCells = 4 << 20

// diffRunes aligns a and b: the common prefix and suffix are trimmed
// and, when what remains is small, a longest common subsequence splits it
// into hunks. Repairs are local ("cafÃ© au lait" → "café au lait"), so
// the middle is usually tiny.
func diffRunes(a, b []rune) []hunk {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	if len(ma) == 0 && len(mb) == 0 {
		return nil
	}
	if (len(ma)+1)*(len(mb)+1) > maxLCSCells {
		return []hunk{{p, p + len(ma), p, p + len(mb)}}
	}
	// l[i][j] = LCS length of ma[i:] and mb[j:].
	n, m := len(ma), len(mb)
	l := make([]int32, (n+1)*(m+1))
	at := func(i, j int) *int32 { return &l[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				*at(i, j) = *at(i+1, j+1) + 1
			} else {
				*at(i, j) = max(*at(i+1, j), *at(i, j+1))
			}
		}
	}
	var hunks []hunk
	var cur *hunk
	i, j := 0, 0
	for i < n || j < m {
		if i < n && j < m && ma[i] == mb[j] {
			cur = nil
			i, j = i+1, j+1
			continue
		}
		if cur == nil {
			hunks = append(hunks, hunk{p + i, p + i, p + j, p + j})
			cur = &hunks[len(hunks)-1]
		}
		if j == m || i < n && *at(i+1, j) >= *at(i, j+1) {
			i++
			cur.a1 = p + i
		} else {
			j++
			cur.b1 = p + j
		}
	}
	return hunks
}

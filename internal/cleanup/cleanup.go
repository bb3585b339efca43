// Package cleanup holds the small, independent text fixes that surround
// mojibake repair: HTML entities, terminal escapes, C1 controls, ligatures,
// character width, quotes, line breaks, surrogates, control characters and
// Unicode normalization.
//
// Each function reproduces the ftfy 6.3.1 fixer of the same name (see
// ftfy/fixes.py), character for character. The functions are independent:
// the caller decides their order and repeats them until the text stops
// changing, as ftfy's pipeline does.
//
// Go strings hold bytes, not code points, so two rules cover what Python
// never sees:
//
//   - Bytes that are not valid UTF-8 pass through every function unchanged;
//     only whole, valid characters are rewritten. ("caf\xe9 ﬁn" becomes
//     "caf\xe9 fin" under FixLatinLigatures.)
//   - A Python string that holds surrogate code points arrives as their
//     generalized UTF-8 form, ED A0..BF xx. FixSurrogates is the only
//     function that reads those bytes as characters.
//
// Every function returns its argument itself, without allocating, when there
// is nothing to fix, so a pipeline can compare results cheaply. The scans
// work on bytes: most text is ASCII, and each fix is triggered by a short
// list of lead bytes.
package cleanup

//go:generate go run ../gen/entities/main.go -in ../gen/entities/entities.tsv -out entities_table.go

import "strings"

// An editor builds a copy of s with some byte ranges replaced. It allocates
// only at the first edit, so a scan that finds nothing to change returns s
// itself.
type editor struct {
	s      string
	b      strings.Builder
	last   int // s[last:] is not yet copied to b
	edited bool
}

// replace copies s[e.last:i], then repl, and skips s[i:j].
func (e *editor) replace(i, j int, repl string) {
	if !e.edited {
		e.edited = true
		e.b.Grow(len(e.s))
	}
	e.b.WriteString(e.s[e.last:i])
	e.b.WriteString(repl)
	e.last = j
}

// replaceRune is replace with a single rune as the replacement.
func (e *editor) replaceRune(i, j int, r rune) {
	e.replace(i, i, "")
	e.b.WriteRune(r)
	e.last = j
}

// result returns the edited string, or s itself when nothing was replaced.
func (e *editor) result() string {
	if !e.edited {
		return e.s
	}
	e.b.WriteString(e.s[e.last:])
	return e.b.String()
}

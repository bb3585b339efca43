package moji

import (
	"strings"
	"unicode/utf8"
)

// Explanation says what Fix did to a text: the plan it followed and every
// change, character by character.
type Explanation struct {
	Input   string   `json:"input"`
	Output  string   `json:"output"`
	Plan    Plan     `json:"plan"`
	Changes []Change `json:"changes"`
}

// Change is one replaced stretch: Before (at byte offset InputOffset of
// the input) became After (at OutputOffset of the output). Either side
// may be empty.
type Change struct {
	InputOffset  int    `json:"input_offset"`
	OutputOffset int    `json:"output_offset"`
	Before       string `json:"before"`
	After        string `json:"after"`
}

// Explain fixes s with c and explains the result.
func (c Config) Explain(s string) Explanation {
	out, plan := c.Fix(s)
	return Explanation{Input: s, Output: out, Plan: plan, Changes: Diff(s, out)}
}

// Explain is Default.Explain.
func Explain(s string) Explanation { return Default.Explain(s) }

// maxLCSCells bounds the quadratic alignment; beyond it the middle is
// reported as one change, which keeps Diff linear in practice.
const maxLCSCells = 1 << 22

// Diff aligns a and b by runes and returns the changed stretches. It
// strips the common prefix and suffix, then aligns the middle by longest
// common subsequence when that is small enough. Texts with the same
// number of lines (a repair keeps line breaks) are aligned line by line,
// which keeps a long article's changes apart and the work linear.
func Diff(a, b string) []Change {
	if strings.Count(a, "\n") == strings.Count(b, "\n") && strings.IndexByte(a, '\n') >= 0 {
		var changes []Change
		offA, offB := 0, 0
		for a != "" || b != "" {
			la, lb := cutLine(a), cutLine(b)
			for _, c := range diffRunes(a[:la], b[:lb]) {
				c.InputOffset += offA
				c.OutputOffset += offB
				changes = append(changes, c)
			}
			offA, offB = offA+la, offB+lb
			a, b = a[la:], b[lb:]
		}
		return changes
	}
	return diffRunes(a, b)
}

// cutLine returns the length of s's first line, with its "\n".
func cutLine(s string) int {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return i + 1
	}
	return len(s)
}

func diffRunes(a, b string) []Change {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for p > 0 && (p < len(a) && !utf8.RuneStart(a[p]) || p < len(b) && !utf8.RuneStart(b[p])) {
		p--
	}
	sa, sb := len(a), len(b)
	for sa > p && sb > p && a[sa-1] == b[sb-1] {
		sa--
		sb--
	}
	for sa < len(a) && !utf8.RuneStart(a[sa]) || sb < len(b) && !utf8.RuneStart(b[sb]) {
		sa++
		sb++
	}
	if p == sa && p == sb {
		return nil
	}
	ra, rb := []rune(a[p:sa]), []rune(b[p:sb])
	if len(ra)*len(rb) > maxLCSCells || len(ra) == 0 || len(rb) == 0 {
		return []Change{{InputOffset: p, OutputOffset: p, Before: a[p:sa], After: b[p:sb]}}
	}
	// LCS table over the middle.
	n, m := len(ra), len(rb)
	dp := make([]int32, (n+1)*(m+1))
	at := func(i, j int) *int32 { return &dp[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ra[i] == rb[j] {
				*at(i, j) = *at(i+1, j+1) + 1
			} else {
				*at(i, j) = max(*at(i+1, j), *at(i, j+1))
			}
		}
	}
	var changes []Change
	offA, offB := p, p
	var cur *Change
	flush := func() {
		if cur != nil {
			changes = append(changes, *cur)
			cur = nil
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && ra[i] == rb[j]:
			flush()
			offA += utf8.RuneLen(ra[i])
			offB += utf8.RuneLen(rb[j])
			i++
			j++
		case j < m && (i == n || *at(i, j+1) >= *at(i+1, j)):
			if cur == nil {
				cur = &Change{InputOffset: offA, OutputOffset: offB}
			}
			cur.After += string(rb[j])
			offB += utf8.RuneLen(rb[j])
			j++
		default:
			if cur == nil {
				cur = &Change{InputOffset: offA, OutputOffset: offB}
			}
			cur.Before += string(ra[i])
			offA += utf8.RuneLen(ra[i])
			i++
		}
	}
	flush()
	return changes
}

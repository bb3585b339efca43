package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"
)

// counts are what a run saw. In text mode a line is a field.
type counts struct {
	Lines    int64            `json:"lines"`
	Fields   int64            `json:"fields"`
	Changed  int64            `json:"fields_changed"`
	BytesIn  int64            `json:"bytes_in"`
	BytesOut int64            `json:"bytes_out"`
	Kept     int64            `json:"bad_lines_kept,omitempty"`
	Skipped  int64            `json:"bad_lines_skipped,omitempty"`
	Kinds    map[string]int64 `json:"repairs"` // changed fields per plan step, by Step.String()
}

func (c *counts) reset() {
	kinds := c.Kinds
	clear(kinds)
	*c = counts{Kinds: kinds}
}

func (c *counts) add(o *counts) {
	c.Lines += o.Lines
	c.Fields += o.Fields
	c.Changed += o.Changed
	c.BytesIn += o.BytesIn
	c.BytesOut += o.BytesOut
	c.Kept += o.Kept
	c.Skipped += o.Skipped
	if c.Kinds == nil {
		c.Kinds = map[string]int64{}
	}
	for k, v := range o.Kinds {
		c.Kinds[k] += v
	}
}

// runProgress follows a whole "moji fix" run: the figures of the
// summary and of --stats, and the progress line drawn on a terminal.
type runProgress struct {
	w      io.Writer
	draw   bool  // redraw a progress line (stderr is a terminal)
	size   int64 // bytes of all inputs, or -1 when unknown (standard input)
	start  time.Time
	read   atomic.Int64 // input bytes read (compressed, as stored)
	lines  atomic.Int64 // lines written
	cur    atomic.Pointer[shardProgress]
	shards []*shardProgress
	total  counts

	mu   sync.Mutex // serialises drawing with messages (clearLine)
	stop chan struct{}
	wg   sync.WaitGroup
}

// clearLine erases the progress line, so that a message printed next
// starts on a clean line; the next tick redraws it.
func (p *runProgress) clearLine() {
	if p.draw {
		p.mu.Lock()
		fmt.Fprint(p.w, "\r\x1b[K")
		p.mu.Unlock()
	}
}

// shardProgress follows one input.
type shardProgress struct {
	run          *runProgress
	Input        string `json:"input"`
	Output       string `json:"output,omitempty"`
	Skipped      bool   `json:"skipped,omitempty"` // --resume: the output existed
	Failed       bool   `json:"failed,omitempty"`
	index, count int
	size         int64 // -1 when unknown
	start        time.Time
	read, lines  atomic.Int64
	counts
}

// redrawEvery bounds how often the progress line is drawn.
const redrawEvery = 200 * time.Millisecond

func newRunProgress(w io.Writer, draw bool, inputs []string) *runProgress {
	p := &runProgress{w: w, draw: draw, start: time.Now(), stop: make(chan struct{})}
	p.total.Kinds = map[string]int64{}
	for _, name := range inputs {
		if fi, err := os.Stat(name); name != "-" && err == nil && fi.Mode().IsRegular() {
			p.size += fi.Size()
		} else {
			p.size = -1
			break
		}
	}
	if draw {
		p.wg.Go(func() {
			t := time.NewTicker(redrawEvery)
			defer t.Stop()
			for {
				select {
				case <-t.C:
					p.mu.Lock()
					fmt.Fprint(p.w, "\r\x1b[K"+p.line(time.Now()))
					p.mu.Unlock()
				case <-p.stop:
					fmt.Fprint(p.w, "\r\x1b[K")
					return
				}
			}
		})
	}
	return p
}

// shard starts following input index (from 0) of count.
func (p *runProgress) shard(input, output string, index, count int) *shardProgress {
	sh := &shardProgress{run: p, Input: input, Output: output, index: index, count: count, size: -1, start: time.Now()}
	sh.Kinds = map[string]int64{}
	if fi, err := os.Stat(input); input != "-" && err == nil && fi.Mode().IsRegular() {
		sh.size = fi.Size()
	}
	p.shards = append(p.shards, sh)
	p.cur.Store(sh)
	return sh
}

// add counts a batch the writer wrote.
func (sh *shardProgress) add(c *counts) {
	sh.counts.add(c)
	sh.lines.Add(c.Lines)
	sh.run.lines.Add(c.Lines)
	sh.run.total.add(c)
}

// Read counts raw input bytes: it wraps the file, under decompression.
type countingReader struct {
	r  io.Reader
	sh *shardProgress
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.sh.read.Add(int64(n))
	c.sh.run.read.Add(int64(n))
	return n, err
}

// line is the progress line at now, e.g.
//
//	[2/8] b.jsonl.gz 45% 12.0 MB 81,234 lines 25.1 MB/s ETA 3s | all 23% 1.2 GB 4,123,456 lines 30.2 MB/s ETA 1m2s
func (p *runProgress) line(now time.Time) string {
	var b strings.Builder
	if sh := p.cur.Load(); sh != nil {
		if sh.count > 1 {
			fmt.Fprintf(&b, "[%d/%d] ", sh.index+1, sh.count)
		}
		b.WriteString(shortName(sh.Input))
		b.WriteString(meterText(sh.read.Load(), sh.size, sh.lines.Load(), now.Sub(sh.start)))
		if sh.count == 1 {
			return b.String()
		}
		b.WriteString(" | all")
	}
	b.WriteString(meterText(p.read.Load(), p.size, p.lines.Load(), now.Sub(p.start)))
	return b.String()
}

func shortName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	if r := []rune(name); len(r) > 30 {
		return "…" + string(r[len(r)-29:])
	}
	return name
}

// meterText gives " 45% 12.0 MB 81,234 lines 25.1 MB/s ETA 3s"; the
// percentage and ETA need the size.
func meterText(done, size, lines int64, elapsed time.Duration) string {
	var b strings.Builder
	if size > 0 {
		fmt.Fprintf(&b, " %d%%", min(100, done*100/size))
	}
	fmt.Fprintf(&b, " %s %s lines", byteSize(done), thousands(lines))
	if sec := elapsed.Seconds(); sec > 0.05 {
		rate := float64(done) / sec
		fmt.Fprintf(&b, " %s/s", byteSize(int64(rate)))
		if size > 0 && rate > 0 && done < size {
			eta := time.Duration(float64(size-done) / rate * float64(time.Second))
			fmt.Fprintf(&b, " ETA %s", eta.Round(time.Second))
		}
	}
	return b.String()
}

func byteSize(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.2f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}

// thousands writes n with comma separators: 1,234,567.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// finish stops the progress line and returns the summary line.
func (p *runProgress) finish() {
	close(p.stop)
	p.wg.Wait()
}

// summary is the line printed at the end on a terminal, e.g.
//
//	moji: 1,000 lines, 1,000 fields, 12 changed (10 utf-8 bytes decoded as windows-1252; 2 ...) in 1.2s, 45.0 MB/s
func (p *runProgress) summary(jsonlMode bool) string {
	t := &p.total
	var b strings.Builder
	fmt.Fprintf(&b, "moji: %s lines", thousands(t.Lines))
	if jsonlMode {
		fmt.Fprintf(&b, ", %s fields", thousands(t.Fields))
	}
	fmt.Fprintf(&b, ", %s changed", thousands(t.Changed))
	if kinds := sortedKinds(t.Kinds); len(kinds) > 0 {
		const shown = 5
		b.WriteString(" (")
		for i, k := range kinds[:min(shown, len(kinds))] {
			if i > 0 {
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "%s %s", thousands(t.Kinds[k]), k)
		}
		if len(kinds) > shown {
			fmt.Fprintf(&b, "; %d more kinds", len(kinds)-shown)
		}
		b.WriteString(")")
	}
	elapsed := time.Since(p.start)
	fmt.Fprintf(&b, " in %s", elapsed.Round(time.Millisecond))
	if sec := elapsed.Seconds(); sec > 0 {
		fmt.Fprintf(&b, ", %s/s", byteSize(int64(float64(p.read.Load())/sec)))
	}
	var done, skipped, failed int
	for _, sh := range p.shards {
		switch {
		case sh.Skipped:
			skipped++
		case sh.Failed:
			failed++
		default:
			done++
		}
	}
	if len(p.shards) > 1 {
		fmt.Fprintf(&b, "; %d %s done", done, plural(done, "file"))
		if skipped > 0 {
			fmt.Fprintf(&b, ", %d skipped (--resume)", skipped)
		}
		if failed > 0 {
			fmt.Fprintf(&b, ", %d failed", failed)
		}
	}
	return b.String()
}

// sortedKinds orders repair kinds by count, most frequent first.
func sortedKinds(kinds map[string]int64) []string {
	ks := make([]string, 0, len(kinds))
	for k := range kinds {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if kinds[ks[i]] != kinds[ks[j]] {
			return kinds[ks[i]] > kinds[ks[j]]
		}
		return ks[i] < ks[j]
	})
	return ks
}

// statsReport is the JSON written by --stats.
type statsReport struct {
	Status  string  `json:"status"` // "ok", "failed" or "interrupted"
	Seconds float64 `json:"seconds"`
	counts
	Shards []*shardProgress `json:"files"`
}

// writeStats writes the --stats file (atomically, like every output).
func (p *runProgress) writeStats(name, status string) error {
	rep := statsReport{Status: status, Seconds: time.Since(p.start).Seconds(), counts: p.total, Shards: p.shards}
	data, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	out, commit, abort, err := openOutput(name)
	if err != nil {
		return err
	}
	if _, err := out.Write(append(data, '\n')); err != nil {
		abort()
		return err
	}
	return commit()
}

// isTerminal reports whether w is a terminal, where progress is drawn.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"sync"
	"unicode/utf8"

	"github.com/mojitext/moji"
	"github.com/mojitext/moji/internal/jsonl"
)

// A batch is a run of whole input lines, repaired by one worker. The
// reader fills batches in input order; the writer writes them in the same
// order. Batches are recycled through a fixed pool, which bounds memory:
// at most 2*workers+2 batches of about batchBytes each are in flight.
type batchSizes struct {
	batchBytes int // the reader closes a batch at this size...
	batchLines int // ...or at this many lines
	// A line longer than the read buffer is "long": it does not go to a
	// worker but is repaired by the writer in its turn, streaming for
	// text, so that a 16 MB line does not multiply by the pool size.
	readBuffer int
}

// defaultSizes suit corpora: a batch is large enough that handing it to a
// worker costs nothing next to repairing it, and small enough that a few
// megabytes of input keep every worker busy to the end. With batches of
// 4,096 lines the dev set's damaged texts five times over (11,245 lines)
// made three batches, and -j 2 ran 1.3–1.8 times as fast as -j 1; with
// 1,024 lines, 1.7–1.8 times.
var defaultSizes = batchSizes{batchBytes: 256 << 10, batchLines: 1024, readBuffer: 1 << 20}

type batch struct {
	data  []byte      // whole lines of input
	line  int64       // number of the first line, from 1
	lines int64       // lines in data
	cfg   moji.Config // text mode: the config in force at the first line

	long *lineReader // a long line, repaired by the writer; data holds its start
	err  error       // the input failed after the lines before this batch

	out     []byte   // the repair of data
	stats   counts   // what the worker saw
	bad     []string // messages for bad JSONL lines (at most maxReported)
	failErr error    // --on-error fail: the first bad line; out holds the lines before it

	done chan struct{} // the worker finished (capacity 1)
}

func (b *batch) reset(line int64, cfg moji.Config) {
	b.data, b.out, b.bad = b.data[:0], b.out[:0], b.bad[:0]
	b.line, b.lines, b.cfg = line, 0, cfg
	b.long, b.err, b.failErr = nil, nil, nil
	b.stats.reset()
}

// pipeline repairs one input with workers goroutines, keeping the order.
type pipeline struct {
	f       *fixer
	name    string // for messages
	workers int

	free    chan *batch   // the pool
	work    chan *batch   // batches for the workers
	ordered chan *batch   // every batch, in input order, for the writer
	resume  chan struct{} // the writer finished a long line
}

// run reads r, repairs it and writes the result to w in input order. It
// stops at the first error, having written everything before it, or when
// ctx is done. onBatch, if set, is called by the writer after each batch.
func (f *fixer) run(ctx context.Context, name string, r io.Reader, w io.Writer, sh *shardProgress) error {
	n := max(f.workers, 1)
	pool := 2*n + 2 // enough for every worker to hold one while others wait to be written
	p := &pipeline{
		f: f, name: name, workers: n,
		free:    make(chan *batch, pool),
		work:    make(chan *batch, pool),
		ordered: make(chan *batch, pool),
		resume:  make(chan struct{}, 1),
	}
	for range pool {
		p.free <- &batch{done: make(chan struct{}, 1), stats: counts{Kinds: map[string]int64{}}}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var wg sync.WaitGroup
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		p.read(ctx, r)
	}()
	for range n {
		wg.Go(func() {
			for {
				select {
				case b, ok := <-p.work:
					if !ok {
						return
					}
					if ctx.Err() == nil {
						p.process(b)
					}
					b.done <- struct{}{}
				case <-ctx.Done():
					// The reader may still be blocked in a read.
					return
				}
			}
		})
	}
	err := p.write(ctx, w, sh)
	cancel()
	wg.Wait()
	// The reader may be blocked in a read of a terminal or a pipe that
	// will never end; when interrupted, do not wait for it. A regular
	// file's read ends promptly, and the caller closes the input after
	// run returns: a zstd decoder closed under a Read is a data race.
	if err == nil || !errors.Is(err, context.Canceled) || !mayBlock(r) {
		<-readerDone
	}
	return err
}

// mayBlock reports whether a read of r may wait for good. Inputs that do
// not say are assumed to.
func mayBlock(r io.Reader) bool {
	if b, ok := r.(interface{ mayBlock() bool }); ok {
		return b.mayBlock()
	}
	return true
}

// read cuts r into batches. It ends by closing p.work and p.ordered.
func (p *pipeline) read(ctx context.Context, r io.Reader) {
	defer close(p.ordered)
	defer close(p.work)
	sz := p.f.sizes
	br := bufio.NewReaderSize(r, sz.readBuffer)
	cfg := p.f.cfg
	lineNo := int64(1)
	var b *batch
	get := func() bool {
		select {
		case b = <-p.free:
			b.reset(lineNo, cfg)
			return true
		case <-ctx.Done():
			return false
		}
	}
	// send queues b; the channels hold the whole pool, so it never blocks.
	send := func() {
		if !p.f.jsonl {
			cfg = after(cfg, b.data)
		}
		p.ordered <- b
		if b.long == nil && b.err == nil {
			p.work <- b
		}
		b = nil
	}
	fail := func(err error) {
		if b != nil {
			send()
		}
		if get() {
			b.err = err
			send()
		}
	}
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			if b != nil && b.lines > 0 {
				send()
			}
			if b == nil && !get() {
				return
			}
			lr := &lineReader{br: br, ctx: ctx, sawLT: bytes.IndexByte(line, '<') >= 0}
			b.data = append(b.data, line...)
			b.lines, b.long = 1, lr
			long := b
			p.ordered <- long
			b = nil
			select {
			case <-p.resume:
			case <-ctx.Done():
				return
			}
			if lr.sawLT && cfg.UnescapeHTML == moji.HTMLAuto {
				cfg.UnescapeHTML = moji.HTMLNever
			}
			if lr.err != nil {
				fail(p.readError(lr.err, lineNo))
				return
			}
			if lr.eof {
				return
			}
			lineNo++
			continue
		}
		if len(line) > 0 && (err == nil || err == io.EOF) {
			if b == nil && !get() {
				return
			}
			b.data = append(b.data, line...)
			b.lines++
			lineNo++
			if len(b.data) >= sz.batchBytes || b.lines >= int64(sz.batchLines) {
				send()
			}
		}
		if err == io.EOF {
			if b != nil {
				send()
			}
			return
		}
		if err != nil {
			// The unfinished line is dropped: output ends with the last
			// whole line, and the message names the line that failed.
			fail(p.readError(err, lineNo))
			return
		}
	}
}

// readError names the file and line of an input error.
func (p *pipeline) readError(err error, lineNo int64) error {
	var bad errInvalidUTF8
	if errors.As(err, &bad) {
		lineNo = bad.line
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	return fmt.Errorf("%s:%d: %w", p.name, lineNo, err)
}

// write writes the batches in order and stops at the first error.
func (p *pipeline) write(ctx context.Context, w io.Writer, sh *shardProgress) error {
	f := p.f
	for {
		var b *batch
		select {
		case b = <-p.ordered:
		case <-ctx.Done():
			// The reader may wait on input that is not coming (a
			// terminal, a pipe): do not wait for it.
			return ctx.Err()
		}
		if b == nil {
			return ctx.Err() // the reader is done
		}
		if b.err != nil {
			return b.err
		}
		if b.long != nil {
			if err := p.writeLong(ctx, b, w); err != nil {
				return err
			}
		} else {
			select {
			case <-b.done:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := w.Write(b.out); err != nil {
			return fmt.Errorf("write: %v", err)
		}
		for _, msg := range b.bad {
			if f.reported < maxReported {
				fmt.Fprintf(f.e.stderr, "moji: %s\n", msg)
			}
			f.reported++
		}
		f.reported += int(b.stats.Kept+b.stats.Skipped) - len(b.bad)
		f.kept += int(b.stats.Kept)
		f.skipped += int(b.stats.Skipped)
		sh.add(&b.stats)
		if b.failErr != nil {
			return b.failErr
		}
		if f.afterBatch != nil {
			f.afterBatch(sh.lines.Load())
		}
		p.free <- b
	}
}

// writeLong repairs a long line in its turn, while the reader waits.
// Text streams through moji.NewReader, in bounded memory; a JSONL line is
// gathered first, as a record is repaired whole. An input error is left
// for the reader to report: it owns the line number.
func (p *pipeline) writeLong(ctx context.Context, b *batch, w io.Writer) error {
	defer func() { p.resume <- struct{}{} }()
	in := io.MultiReader(bytes.NewReader(b.data), b.long)
	if !p.f.jsonl {
		// Whether the line changed is told by hashes of what went in and
		// what came out: the line is never whole in memory.
		seed := maphash.MakeSeed()
		var hin, hout maphash.Hash
		hin.SetSeed(seed)
		hout.SetSeed(seed)
		cw := &countingWriter{w: io.MultiWriter(w, &hout)}
		_, err := io.Copy(cw, moji.NewReader(io.TeeReader(in, &hin), b.cfg))
		if cw.err != nil {
			return fmt.Errorf("write: %v", cw.err)
		}
		if err != nil && b.long.err == nil {
			return err
		}
		st := &b.stats
		st.Lines, st.Fields = 1, 1
		st.BytesIn, st.BytesOut = int64(len(b.data))+b.long.n, cw.n
		if st.BytesIn != st.BytesOut || hin.Sum64() != hout.Sum64() {
			st.Changed = 1
		}
		return nil
	}
	data, err := io.ReadAll(in)
	if err != nil {
		if b.long.err != nil {
			return nil
		}
		return err
	}
	b.data = data
	p.process(b)
	return nil
}

// process repairs b.data into b.out.
func (p *pipeline) process(b *batch) {
	f := p.f
	st := &b.stats
	st.BytesIn = int64(len(b.data))
	cfg := b.cfg
	lineNo := b.line
	for data := b.data; len(data) > 0; lineNo++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line = data[:i+1]
		}
		data = data[len(line):]
		st.Lines++
		if !f.jsonl {
			cfg = after(cfg, line)
			b.out = f.fixText(b.out, line, cfg, st)
			continue
		}
		body := bytes.TrimSuffix(line, nl)
		if len(bytes.TrimLeft(body, " \t\r")) == 0 {
			// Blank lines carry no record; keep them so that line
			// numbers still match the input.
			b.out = append(b.out, line...)
			continue
		}
		out, err := jsonl.Rewrite(b.out, body, f.fields, func(s string) string { return f.fixString(f.cfg, s, st) })
		if err != nil {
			msg := fmt.Sprintf("%s:%d: %v", p.name, lineNo, err)
			if f.onError == "fail" {
				b.failErr = errors.New(msg)
				break
			}
			if len(b.bad) < maxReported {
				b.bad = append(b.bad, msg)
			}
			if f.onError == "keep" {
				st.Kept++
				b.out = append(b.out, line...)
			} else {
				st.Skipped++
			}
			continue
		}
		b.out = out
		if len(body) < len(line) {
			b.out = append(b.out, '\n')
		}
	}
	st.BytesOut = int64(len(b.out))
}

// fixText appends the repair of one line of text to dst. A valid line is
// one segment of the library's streaming repair (lines end segments), so
// fixing it alone gives the same text; a line holding invalid UTF-8 goes
// through moji.NewReader, which passes the invalid bytes through.
func (f *fixer) fixText(dst, line []byte, cfg moji.Config, st *counts) []byte {
	if utf8.Valid(line) {
		return append(dst, f.fixString(cfg, string(line), st)...)
	}
	st.Fields++
	start := len(dst)
	buf := bytes.NewBuffer(dst)
	buf.ReadFrom(moji.NewReader(bytes.NewReader(line), cfg)) // reads from memory: no error
	dst = buf.Bytes()
	if !bytes.Equal(dst[start:], line) {
		st.Changed++
	}
	return dst
}

// fixString repairs one text (a line or a field) and counts it. The plan
// is asked for only when statistics are wanted: Config.Fix costs about
// what FixString does (BenchmarkFixPlan), so it replaces it then.
func (f *fixer) fixString(cfg moji.Config, s string, st *counts) string {
	st.Fields++
	if !f.wantPlan {
		out := cfg.FixString(s)
		if out != s {
			st.Changed++
		}
		return out
	}
	out, plan := cfg.Fix(s)
	if out != s {
		st.Changed++
		for _, step := range plan {
			st.Kinds[step.String()]++
		}
	}
	return out
}

// after returns the config in force after text, given c before it: as
// in the library, markup ends HTMLAuto entity decoding for the rest of
// the input.
func after(c moji.Config, text []byte) moji.Config {
	if c.UnescapeHTML == moji.HTMLAuto && bytes.IndexByte(text, '<') >= 0 {
		c.UnescapeHTML = moji.HTMLNever
	}
	return c
}

// lineReader reads the rest of a long line from br, through its '\n'.
// The reader goroutine hands br over to the writer while it waits.
type lineReader struct {
	br    *bufio.Reader
	ctx   context.Context
	rest  []byte // unread part of the last slice of br
	done  bool   // the line has ended
	eof   bool   // ...at the end of the input
	err   error  // ...with this input error
	n     int64  // bytes read
	sawLT bool   // a '<' was read
}

func (l *lineReader) Read(p []byte) (int, error) {
	for len(l.rest) == 0 {
		if l.done {
			if l.err != nil {
				return 0, l.err
			}
			return 0, io.EOF
		}
		if err := l.ctx.Err(); err != nil {
			l.done, l.err = true, err
			continue
		}
		line, err := l.br.ReadSlice('\n')
		l.rest = line
		l.n += int64(len(line))
		if bytes.IndexByte(line, '<') >= 0 {
			l.sawLT = true
		}
		switch err {
		case nil:
			l.done = true
		case bufio.ErrBufferFull:
		case io.EOF:
			l.done, l.eof = true, true
		default:
			l.done, l.err = true, err
			l.rest = nil // an unfinished line is not written
		}
	}
	n := copy(p, l.rest)
	l.rest = l.rest[n:]
	return n, nil
}

// countingWriter counts the bytes written through it and keeps the first
// write error.
type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

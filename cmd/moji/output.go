package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"unicode/utf8"
)

// atomicFile is written under a temporary name in the directory of its
// final name and renamed over it only when complete, so that a crash or
// an error never leaves a truncated file under the final name.
type atomicFile struct {
	*os.File
	final string
}

// createAtomic starts replacing (or creating) the file name. The new file
// gets perm, which callers take from the file being replaced.
func createAtomic(name string, perm fs.FileMode) (*atomicFile, error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".moji-*")
	if err != nil {
		return nil, err
	}
	// CreateTemp makes the file 0600; the result should look like the
	// file it replaces.
	if err := f.Chmod(perm); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &atomicFile{File: f, final: name}, nil
}

// Commit flushes the file to disk and renames it to its final name.
func (a *atomicFile) Commit() error {
	err := a.Sync()
	if cerr := a.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(a.Name(), a.final)
	}
	if err != nil {
		os.Remove(a.Name())
	}
	return err
}

// Abort throws the temporary file away.
func (a *atomicFile) Abort() {
	a.Close()
	os.Remove(a.Name())
}

// openOutput opens -o FILE: atomically when FILE is a regular file or does
// not exist yet, directly otherwise (a pipe, /dev/stdout).
func openOutput(name string) (w io.Writer, commit func() error, abort func(), err error) {
	perm := fs.FileMode(0o644)
	if fi, err := os.Stat(name); err == nil {
		if !fi.Mode().IsRegular() {
			f, err := os.OpenFile(name, os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				return nil, nil, nil, err
			}
			return f, f.Close, func() { f.Close() }, nil
		}
		perm = fi.Mode().Perm()
	}
	a, err := createAtomic(name, perm)
	if err != nil {
		return nil, nil, nil, err
	}
	return a, a.Commit, a.Abort, nil
}

// utf8Checker passes its reader's bytes through and notes the offset of
// the first invalid UTF-8 sequence. With strict set, reading stops there
// with an error.
type utf8Checker struct {
	r       io.Reader
	strict  bool
	off     int64   // bytes read so far
	bad     int64   // offset of the first invalid sequence, or -1
	lines   int64   // '\n' seen before the checked bytes
	badLine int64   // line of bad, from 1
	carry   [3]byte // a sequence cut by the end of the last read
	nc      int
	buf     []byte
}

// mayBlock forwards to the checked reader (see pipeline.run).
func (c *utf8Checker) mayBlock() bool { return mayBlock(c.r) }

func newUTF8Checker(r io.Reader, strict bool) *utf8Checker {
	return &utf8Checker{r: r, strict: strict, bad: -1}
}

// errInvalidUTF8 is returned by a strict utf8Checker.
type errInvalidUTF8 struct{ off, line int64 }

func (e errInvalidUTF8) Error() string {
	return "invalid UTF-8 at byte offset " + strconv.FormatInt(e.off, 10)
}

func (c *utf8Checker) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.bad < 0 && n > 0 {
		c.check(p[:n])
	}
	c.off += int64(n)
	if c.bad < 0 && err == io.EOF && c.nc > 0 {
		c.bad = c.off - int64(c.nc) // a sequence cut short by the end of input
		c.badLine = c.lines + 1
	}
	if c.strict && c.bad >= 0 {
		return 0, errInvalidUTF8{c.bad, c.badLine}
	}
	return n, err
}

// check validates b, continuing a sequence the previous read cut.
func (c *utf8Checker) check(b []byte) {
	base := c.off - int64(c.nc)
	if c.nc > 0 {
		c.buf = append(append(c.buf[:0], c.carry[:c.nc]...), b...)
		b = c.buf
	}
	// Hold back an incomplete sequence at the end for the next read.
	end := len(b)
	for k := 1; k <= 3 && k <= len(b); k++ {
		if utf8.RuneStart(b[len(b)-k]) {
			if !utf8.FullRune(b[len(b)-k:]) {
				end = len(b) - k
			}
			break
		}
	}
	c.nc = copy(c.carry[:], b[end:])
	if utf8.Valid(b[:end]) {
		c.lines += int64(bytes.Count(b[:end], nl))
		return
	}
	for i := 0; i < end; {
		r, size := utf8.DecodeRune(b[i:end])
		if r == utf8.RuneError && size == 1 {
			c.bad = base + int64(i)
			c.badLine = c.lines + int64(bytes.Count(b[:i], nl)) + 1
			return
		}
		i += size
	}
}

var nl = []byte{'\n'}

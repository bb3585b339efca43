package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Shards are named *.gz or *.zst when compressed; the extension alone
// decides, for inputs and outputs alike.
func compression(name string) string {
	switch {
	case strings.HasSuffix(name, ".gz"):
		return "gzip"
	case strings.HasSuffix(name, ".zst"):
		return "zstd"
	}
	return ""
}

// expandInputs replaces each directory among names by the files in it,
// sorted; hidden files (temporary outputs among them) are left out.
func expandInputs(names []string) ([]string, error) {
	var out []string
	for _, name := range names {
		fi, err := os.Stat(name)
		if name == "-" || err != nil || !fi.IsDir() {
			out = append(out, name) // a missing file fails when opened, in its turn
			continue
		}
		ents, err := os.ReadDir(name)
		if err != nil {
			return nil, err
		}
		var files []string
		for _, e := range ents {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			if fi, err := os.Stat(filepath.Join(name, e.Name())); err == nil && fi.Mode().IsRegular() {
				files = append(files, filepath.Join(name, e.Name()))
			}
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

// input is an open input, decompressed.
type input struct {
	io.Reader
	close    func()
	blocking bool // standard input or another non-regular file: see mayBlock
}

// mayBlock reports whether a read of the input may wait for good (a
// terminal, a pipe whose writer is stuck). A regular file's reads end
// promptly.
func (in *input) mayBlock() bool { return in.blocking }

// openInput opens the file name ("-" is standard input), counting its
// bytes in sh and decompressing it by its extension.
func (f *fixer) openInput(name string, sh *shardProgress) (*input, error) {
	var raw io.Reader = f.e.stdin
	closeRaw := func() {}
	blocking := true
	if name != "-" {
		file, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		fi, err := file.Stat()
		if err == nil && fi.IsDir() {
			file.Close()
			return nil, fmt.Errorf("%s: is a directory", name)
		}
		blocking = err != nil || !fi.Mode().IsRegular()
		raw, closeRaw = file, func() { file.Close() }
	}
	raw = countingReader{raw, sh}
	switch compression(name) {
	case "gzip":
		zr, err := gzip.NewReader(raw)
		if err != nil {
			closeRaw()
			return nil, fmt.Errorf("%s:1: %v", name, codecError("gzip", err))
		}
		return &input{codecReader{zr, "gzip"}, func() { zr.Close(); closeRaw() }, blocking}, nil
	case "zstd":
		// One decoding goroutine: the workers have the cores.
		zr, err := zstd.NewReader(raw, zstd.WithDecoderConcurrency(1))
		if err != nil {
			closeRaw()
			return nil, fmt.Errorf("%s: %v", name, codecError("zstd", err))
		}
		return &input{codecReader{zr, "zstd"}, func() { zr.Close(); closeRaw() }, blocking}, nil
	}
	return &input{raw, closeRaw, blocking}, nil
}

// codecReader names the codec in its errors: "gzip: unexpected EOF"
// tells a truncated shard apart from a truncated line.
type codecReader struct {
	r     io.Reader
	codec string
}

func (c codecReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if err != nil && err != io.EOF {
		err = codecError(c.codec, err)
	}
	return n, err
}

func codecError(codec string, err error) error {
	msg := err.Error()
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		msg = "unexpected end of data (truncated file?)"
	}
	if !strings.HasPrefix(msg, codec) {
		msg = codec + ": " + msg
	}
	return errors.New(msg)
}

// compressor compresses w by the extension of name; close ends the
// stream (and does not close w).
func compressor(w io.Writer, name string) (io.Writer, func() error, error) {
	switch compression(name) {
	case "gzip":
		zw := gzip.NewWriter(w)
		return zw, zw.Close, nil
	case "zstd":
		zw, err := zstd.NewWriter(w, zstd.WithEncoderConcurrency(1))
		if err != nil {
			return nil, nil, err
		}
		return zw, zw.Close, nil
	}
	return w, func() error { return nil }, nil
}

// shardOutput is an output file under construction: buffered, compressed
// by its name, written to a temporary name and renamed when complete.
type shardOutput struct {
	*bufio.Writer
	a   *atomicFile
	end func() error
}

func createShard(name string, perm os.FileMode) (*shardOutput, error) {
	a, err := createAtomic(name, perm)
	if err != nil {
		return nil, err
	}
	zw, end, err := compressor(a, name)
	if err != nil {
		a.Abort()
		return nil, err
	}
	return &shardOutput{Writer: bufio.NewWriterSize(zw, 1<<20), a: a, end: end}, nil
}

// Commit completes the file: flush, end the compressed stream, fsync,
// rename.
func (o *shardOutput) Commit() error {
	err := o.Flush()
	if err == nil {
		err = o.end()
	}
	if err != nil {
		o.a.Abort()
		return fmt.Errorf("%s: %v", o.a.final, err)
	}
	return o.a.Commit()
}

// Abort removes the temporary file.
func (o *shardOutput) Abort() { o.a.Abort() }

// removeStale removes temporary files of final left by a run that was
// killed (SIGKILL, power loss): they are hidden, but take space.
func removeStale(final string) {
	dir, base := filepath.Split(final)
	if dir == "" {
		dir = "."
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "."+escapeGlob(base)+".moji-*"))
	for _, m := range matches {
		os.Remove(m)
	}
}

func escapeGlob(s string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(`*?[\`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

package moji

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
)

// streamInputs are valid UTF-8 texts whose lines are shorter than the
// default MaxDecodeLength.
var streamInputs = []string{
	"",
	"\n",
	"plain ASCII\nand more\n",
	"no final newline",
	"itâ€™s Japan鈥檚\nâ€œquotedâ€\r\ncafÃ©",
	"“curly” quotes ‘here’\n\n\nﬁne ｆｕｌｌ\u2028width\u0085end",
	"&amp;\n<p>\n&amp; &lt;\n",
	"&eacute; &amp; no markup\n&amp;",
	"\x1b[31mred\x1b[0m\tcontrol\x01\x7f chars\r\rcr\n",
	"e\u0301 decomposed\nÅ\uFB01\n",
	strings.Repeat("line with “quotes” and cafÃ©\n", 300),
	strings.Repeat("x", 5000) + "\n" + strings.Repeat("é", 3000),
}

var streamConfigs = map[string]Config{
	"default":  Default,
	"ftfy":     FtfyCompat,
	"encoding": EncodingOnly,
	"html":     {UnescapeHTML: HTMLAuto},
}

func readAll(t *testing.T, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return string(b)
}

func TestNewReaderMatchesFixString(t *testing.T) {
	inputs := append([]string(nil), streamInputs...)
	seeds, _ := filepath.Glob("testdata/seed/*.txt")
	for _, name := range seeds {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	if len(seeds) == 0 {
		t.Error("no seed files found in testdata/seed")
	}
	readers := map[string]func(io.Reader) io.Reader{
		"whole":   func(r io.Reader) io.Reader { return r },
		"onebyte": iotest.OneByteReader,
		"half":    iotest.HalfReader,
		"dataerr": iotest.DataErrReader,
	}
	for cname, cfg := range streamConfigs {
		for i, in := range inputs {
			want := cfg.FixString(in)
			for rname, wrap := range readers {
				if got := readAll(t, NewReader(wrap(strings.NewReader(in)), cfg)); got != want {
					t.Errorf("%s/%s: NewReader(input %d) = %.80q..., want %.80q...", cname, rname, i, got, want)
				}
			}
			got, _, err := transform.String(cfg.Transformer(), in)
			if err != nil || got != want {
				t.Errorf("%s: transform.String(input %d) = %.80q, %v; want %.80q", cname, i, got, err, want)
			}
		}
	}
}

// TestLongLines cuts lines longer than MaxDecodeLength where FixString
// cuts them, whatever the read sizes.
func TestLongLines(t *testing.T) {
	words := strings.Repeat("naïve cafÃ© “x” ", 40) + "\n" + strings.Repeat("鈥檚", 100) + strings.Repeat("y", 90) + "\n"
	for _, max := range []int{1, 2, 3, 7, 16, 50, 1000} {
		for cname, cfg := range streamConfigs {
			cfg.MaxDecodeLength = max
			want := cfg.FixString(words)
			for _, r := range []io.Reader{strings.NewReader(words), iotest.OneByteReader(strings.NewReader(words))} {
				if got := readAll(t, NewReader(r, cfg)); got != want {
					t.Errorf("max %d %s: got %.60q, want %.60q", max, cname, got, want)
				}
			}
		}
	}
}

// TestHTMLStateCarried checks that markup in one segment ends entity
// decoding for the following ones, even across reads.
func TestHTMLStateCarried(t *testing.T) {
	cfg := Config{UnescapeHTML: HTMLAuto}
	tr := cfg.Transformer().(*streamer)
	in := []byte("&amp;\n<p>\n&amp;\n")
	dst := make([]byte, 64)
	var out []byte
	for i := range in {
		nDst, nSrc, err := tr.Transform(dst, in[i:i+1], i == len(in)-1)
		if err != nil || nSrc != 1 {
			t.Fatalf("Transform byte %d: nSrc %d, err %v", i, nSrc, err)
		}
		out = append(out, dst[:nDst]...)
		if i == 5 && tr.cfg.UnescapeHTML != HTMLAuto {
			t.Errorf("entity decoding off before any markup")
		}
	}
	if tr.cfg.UnescapeHTML != HTMLNever {
		t.Errorf("after a line with '<': UnescapeHTML = %v, want HTMLNever", tr.cfg.UnescapeHTML)
	}
	if want := cfg.FixString(string(in)); string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
	tr.Reset()
	if tr.cfg.UnescapeHTML != HTMLAuto {
		t.Errorf("Reset did not restore HTMLAuto")
	}
}

// TestInvalidUTF8Passthrough checks that invalid bytes come out where they
// went in and the stretches between them are fixed on their own.
func TestInvalidUTF8Passthrough(t *testing.T) {
	for cname, cfg := range streamConfigs {
		for _, parts := range [][]string{
			{"caf", "\xe9", " “au lait”\n"},
			{"", "\xff\xfe", "it’s\n", "\xc3", ""},
			{"a\n", "\xed\xa0\xbd", "b"},
			{"ok ", "\xe2\x80", ""}, // truncated sequence at EOF
		} {
			in, want := "", ""
			for i, p := range parts {
				in += p
				if i%2 == 1 {
					want += p
				} else {
					want += cfg.FixString(p)
				}
			}
			for _, r := range []io.Reader{strings.NewReader(in), iotest.OneByteReader(strings.NewReader(in))} {
				if got := readAll(t, NewReader(r, cfg)); got != want {
					t.Errorf("%s: NewReader(%q) = %q, want %q", cname, in, got, want)
				}
			}
		}
	}
}

func TestSpan(t *testing.T) {
	tests := []struct {
		cfg   Config
		in    string
		atEOF bool
		n     int
		err   error
	}{
		{Default, "abc\ndef\n", false, 8, nil},
		{Default, "abc\ndef", false, 4, transform.ErrShortSrc},
		{Default, "abc\ndef", true, 7, nil},
		{Default, "abc\ncafé\nx\n", true, 4, transform.ErrEndOfSpan},
		{FtfyCompat, "abc\n&amp;\n", true, 4, transform.ErrEndOfSpan},
		{FtfyCompat, "a\tb\n\x01\n", true, 4, transform.ErrEndOfSpan},
	}
	for _, tt := range tests {
		n, err := tt.cfg.Transformer().Span([]byte(tt.in), tt.atEOF)
		if n != tt.n || err != tt.err {
			t.Errorf("Span(%q, %v) = %d, %v; want %d, %v", tt.in, tt.atEOF, n, err, tt.n, tt.err)
		}
	}
}

// TestBoundedMemory streams one endless line and checks that the
// gathering buffer never outgrows a segment.
func TestBoundedMemory(t *testing.T) {
	cfg := Default
	cfg.MaxDecodeLength = 1000
	tr := cfg.Transformer().(*streamer)
	line := bytes.Repeat([]byte("ab cé "), 200_000)
	n, err := io.Copy(io.Discard, transform.NewReader(bytes.NewReader(line), tr))
	if err != nil || n != int64(len(cfg.FixString(string(line)))) {
		t.Fatalf("copied %d bytes, err %v", n, err)
	}
	if c := cap(tr.buf); c > 2*(cfg.MaxDecodeLength+1) {
		t.Errorf("segment buffer grew to %d bytes for MaxDecodeLength %d", c, cfg.MaxDecodeLength)
	}
}

func BenchmarkNewReader(b *testing.B) {
	text := bytes.Repeat([]byte("The quick brown fox jumps over the lazy dog. Ünïcödé “quotes” too.\n"), 2000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := io.Copy(io.Discard, NewReader(bytes.NewReader(text), Default)); err != nil {
			b.Fatal(err)
		}
	}
}

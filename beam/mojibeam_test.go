package mojibeam

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/mojitext/moji"
	"github.com/mojitext/moji/internal/jsonl"
)

// TestMain runs the pipelines of the tests on Prism unless --runner says
// otherwise; Prism runs in process and needs no network.
func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// devLines returns the lines of the committed development slice.
func devLines(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../testdata/mojibake-dev/slice.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

// Lines that exercise the byte-preserving path and the error policies.
var (
	// Good lines the rewriter must keep byte for byte outside the
	// repaired values.
	oddGoodLines = []string{
		"   \t",
		``,
		`{"broken": "caf\u00c3\u00a9 \ud83d", "original": "café", "n": 1.50e+00, "x": "<&>"}`,
		"{\"broken\": \"Ã©tÃ©\", \"original\": \"été\"}\r",
		"{\"broken\": \"it\u00e2\u20ac\u2122s\", \"original\": \"it’s\", \"raw\": \"\xff\xfe\"}",
	}
	// Bad lines, each of a different kind.
	badLines = []string{
		`{"broken": "caf\u00c3\u00a9", "original": `,
		`{"id": "no broken member", "original": "x"}`,
		`{"broken": 5, "original": "x"}`,
		`not json at all`,
	}
)

// want is what the library's JSONL path, as "moji fix --jsonl" runs it,
// gives for a set of lines, and the counters FixJSONL should report.
type want struct {
	lines    []string
	counters map[string]int64
}

// expectJSONL repairs lines with jsonl.Rewrite and cfg.FixString, as the
// CLI does, and derives the counters from the library's plans (the
// repair:KIND ones only when countRepairs is set).
func expectJSONL(lines, fields []string, cfg moji.Config, onError string, countRepairs bool) want {
	w := want{counters: map[string]int64{}}
	for _, line := range lines {
		w.counters[CounterLines]++
		if strings.Trim(line, " \t\r") == "" {
			w.lines = append(w.lines, line)
			continue
		}
		var changed []string
		nfields := int64(0)
		out, err := jsonl.Rewrite(nil, []byte(line), fields, func(v string) string {
			nfields++
			out := cfg.FixString(v)
			if out != v {
				changed = append(changed, v)
			}
			return out
		})
		if err != nil {
			w.counters[CounterBadLines]++
			switch onError {
			case OnErrorKeep:
				w.counters[CounterBadLinesKept]++
				w.lines = append(w.lines, line)
			case OnErrorSkip:
				w.counters[CounterBadLinesSkipped]++
			}
			continue
		}
		w.lines = append(w.lines, string(out))
		w.counters[CounterFields] += nfields
		for _, v := range changed {
			w.counters[CounterFieldsChanged]++
			if !countRepairs {
				continue
			}
			_, plan := cfg.Fix(v)
			for _, st := range plan {
				w.counters[CounterRepairPrefix+st.String()]++
			}
		}
	}
	return w
}

// writeShards spreads lines over n input files in dir, gzip-compressed
// except the last, and returns their glob.
func writeShards(t *testing.T, dir string, lines []string, n int) string {
	t.Helper()
	for i := range n {
		var buf bytes.Buffer
		for j := i; j < len(lines); j += n {
			buf.WriteString(lines[j])
			buf.WriteByte('\n')
		}
		name := filepath.Join(dir, fmt.Sprintf("in-%d.jsonl", i))
		data := buf.Bytes()
		if i < n-1 {
			name += ".gz"
			var z bytes.Buffer
			zw := gzip.NewWriter(&z)
			zw.Write(data)
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			data = z.Bytes()
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "in-*")
}

// readOutput returns the lines of the files named glob, gunzipping those
// whose name ends in ".gz".
func readOutput(t *testing.T, glob string) (lines []string, files []string) {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = f
		if strings.HasSuffix(name, ".gz") {
			if r, err = gzip.NewReader(f); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		data, err := io.ReadAll(r)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(data) > 0 && data[len(data)-1] != '\n' {
			t.Errorf("%s does not end in a newline", name)
		}
		if s := strings.TrimSuffix(string(data), "\n"); len(data) > 0 {
			lines = append(lines, strings.Split(s, "\n")...)
		}
	}
	return lines, files
}

// counters sums the counters of Namespace in res by name, over all the
// transforms that report one.
func counters(res beam.PipelineResult) map[string]int64 {
	m := map[string]int64{}
	if res == nil {
		return m
	}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == Namespace {
			m[c.Name()] += c.Result()
		}
	}
	return m
}

// diffMultisets describes the lines that differ between got and want,
// ignoring order.
func diffMultisets(got, want []string) string {
	count := map[string]int{}
	for _, l := range want {
		count[l]++
	}
	for _, l := range got {
		count[l]--
	}
	var b strings.Builder
	for l, n := range count {
		switch {
		case n > 0:
			fmt.Fprintf(&b, "missing %d× %.120q\n", n, l)
		case n < 0:
			fmt.Fprintf(&b, "extra %d× %.120q\n", -n, l)
		}
	}
	return b.String()
}

func TestFixJSONLPipeline(t *testing.T) {
	dev := devLines(t)
	tests := []struct {
		name    string
		preset  string
		fields  []string
		onError string
		bad     []string
		suffix  string
		shards  int
		noPlan  bool // JSONLOptions.NoRepairCounters
	}{
		{"keep", "default", []string{"broken"}, OnErrorKeep, badLines, ".jsonl.gz", 3, false},
		{"skip", "ftfy", []string{"broken", "original"}, OnErrorSkip, badLines, ".jsonl", 2, false},
		{"fail-clean-input", "encoding", []string{"broken"}, OnErrorFail, nil, ".jsonl.gz", 1, false},
		{"fail", "default", []string{"broken"}, OnErrorFail, badLines[1:2], ".jsonl.gz", 3, false},
		{"keep-no-repair-counters", "default", []string{"broken"}, OnErrorKeep, badLines, ".jsonl.gz", 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, ok := moji.Preset(tt.preset)
			if !ok {
				t.Fatalf("no preset %q", tt.preset)
			}
			input := slices.Concat(dev, oddGoodLines, tt.bad)
			dir := t.TempDir()
			glob := writeShards(t, dir, input, 4)
			prefix := filepath.Join(dir, "out", "fixed")

			p, s := beam.NewPipelineWithRoot()
			var fixed beam.PCollection
			if tt.noPlan {
				fixed = FixJSONLWith(s, ReadLines(s, glob), JSONLOptions{
					Fields: tt.fields, Config: cfg, OnError: tt.onError, NoRepairCounters: true})
			} else {
				fixed = FixJSONL(s, ReadLines(s, glob), tt.fields, cfg, tt.onError)
			}
			WriteShards(s, prefix, tt.suffix, tt.shards, fixed)
			res, err := ptest.RunWithMetrics(p)

			if tt.onError == OnErrorFail && len(tt.bad) > 0 {
				if err == nil {
					t.Fatal("pipeline succeeded on a bad line with --on-error fail")
				}
				// The message must let a person find the line.
				for _, frag := range []string{"bad JSONL line", "missing field", "no broken member"} {
					if !strings.Contains(err.Error(), frag) {
						t.Errorf("error does not mention %q:\n%v", frag, err)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}

			w := expectJSONL(input, tt.fields, cfg, tt.onError, !tt.noPlan)
			got, files := readOutput(t, prefix+"-*")
			if len(files) == 0 || len(files) > tt.shards {
				t.Errorf("%d output files, want 1 to %d", len(files), tt.shards)
			}
			for _, f := range files {
				if !strings.HasSuffix(f, fmt.Sprintf("-of-%05d%s", tt.shards, tt.suffix)) {
					t.Errorf("output file %s is not named for %d shards with suffix %s", f, tt.shards, tt.suffix)
				}
			}
			if d := diffMultisets(got, w.lines); d != "" {
				t.Errorf("output differs from the library's JSONL path (%d lines, want %d):\n%s", len(got), len(w.lines), d)
			}

			c := counters(res)
			t.Logf("counters: %v", c)
			if w.counters[CounterFieldsChanged] == 0 {
				t.Fatal("the input has nothing to repair; the test proves little")
			}
			for name, n := range w.counters {
				if c[name] != n {
					t.Errorf("counter %s = %d, want %d", name, c[name], n)
				}
			}
			for name, n := range c {
				if _, ok := w.counters[name]; !ok {
					t.Errorf("unexpected counter %s = %d", name, n)
				}
			}
		})
	}
}

func TestReadLinesNoMatch(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	passert.Empty(s, ReadLines(s, filepath.Join(t.TempDir(), "nothing-*.jsonl")))
	if err := ptest.Run(p); err == nil {
		t.Error("reading a glob that matches no file succeeded")
	}
}

func TestFixText(t *testing.T) {
	var texts, want []any
	var changed int64
	cfg := moji.FtfyCompat
	fix := func(s string) string {
		if utf8.ValidString(s) {
			return cfg.FixString(s)
		}
		var b strings.Builder
		io.Copy(&b, moji.NewReader(strings.NewReader(s), cfg))
		return b.String()
	}
	inputs := []string{"caf\xc3\xa9 \xff caf\xc3\x83\xc2\xa9", "\xfe"}
	for _, line := range devLines(t) {
		var rec struct{ Broken string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, rec.Broken)
	}
	for _, in := range inputs {
		out := fix(in)
		if out != in {
			changed++
		}
		texts = append(texts, in)
		want = append(want, out)
	}
	p, s, col := ptest.CreateList(texts)
	passert.Equals(s, FixText(s, col, cfg), want...)
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatal(err)
	}
	c := counters(res)
	t.Logf("counters: %v", c)
	n := int64(len(texts))
	if c[CounterLines] != n || c[CounterFields] != n || c[CounterFieldsChanged] != changed {
		t.Errorf("lines %d, fields %d, fields_changed %d; want %d, %d, %d",
			c[CounterLines], c[CounterFields], c[CounterFieldsChanged], n, n, changed)
	}
}

func TestBadLineError(t *testing.T) {
	long := strings.Repeat("a", 200)
	tests := []struct {
		line string
		err  error
		want []string // fragments of the message
	}{
		{`{"id": 1}`, &jsonl.FieldError{Field: "text"}, []string{`missing field "text"`, `(9 bytes) from byte 0: "{\"id\": 1}"`}},
		{`{"text": ` + long, &jsonl.SyntaxError{Offset: 150, Msg: "bad"}, []string{"column 151: bad", "from byte 110: …\"aaa", "aaa\"…"}},
		{"{\"text\": \"é" + long, &jsonl.SyntaxError{Offset: 2, Msg: "bad"}, []string{"from byte 0: \"{\\\"text\\\": \\\"é", "\"…"}},
	}
	for _, tt := range tests {
		msg := badLineError(tt.line, tt.err).Error()
		for _, frag := range tt.want {
			if !strings.Contains(msg, frag) {
				t.Errorf("badLineError(%.30q…) = %s\nwant it to contain %s", tt.line, msg, frag)
			}
		}
		if !errors.Is(badLineError(tt.line, tt.err), tt.err) {
			t.Errorf("badLineError(%.30q…) does not wrap %v", tt.line, tt.err)
		}
	}
}

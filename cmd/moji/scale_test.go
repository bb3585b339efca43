package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/mojitext/moji"
	"github.com/mojitext/moji/internal/jsonl"
)

// tiny makes small inputs cross batch boundaries and take the long-line
// path: batches of 3 lines or 40 bytes, lines over 32 bytes are long.
var tiny = &batchSizes{batchBytes: 40, batchLines: 3, readBuffer: 32}

// runWith runs the command line in-process with e's hooks.
func runWith(e *env, stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	if e.ctx == nil {
		e.ctx = context.Background()
	}
	e.stdin, e.stdout, e.stderr = strings.NewReader(stdin), &out, &errb
	code = runEnv(e, args)
	return code, out.String(), errb.String()
}

// texts are lines of every kind the pipeline treats apart: clean ASCII,
// mojibake, markup (which ends HTML unescaping for the rest of a text in
// the ftfy preset), entities, line breaks the ftfy preset rewrites,
// invalid UTF-8, and a line longer than tiny's read buffer.
var texts = []string{
	"plain ascii line",
	"itâ€™s cafÃ© — crème brûlée",
	"Japan鈥檚 cafe",
	"fish &amp; chips &lt;3",
	"<p>markup</p> then &amp;",
	"“curly” ｆｕｌｌ ﬁne",
	"crlf\r",
	"sep\u2028arator\u0085x",
	"bad \xff byte \xc3",
	"a long line, longer than the tiny read buffer, with itâ€™s mojibake and &amp; in it",
	"",
}

func textCorpus(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(texts[(i*7)%len(texts)])
		b.WriteByte('\n')
	}
	b.WriteString("last line without newline, cafÃ©")
	return b.String()
}

func jsonlCorpus(n int) string {
	var b strings.Builder
	for i := range n {
		t := texts[(i*5)%len(texts)]
		if !strings.Contains(t, "\xff") {
			fmt.Fprintf(&b, `{"id":%d,"text":%s,"n":1.50,"e":"\u00e9"}`+"\n", i, mustMarshal(t))
		} else {
			// Invalid bytes in a JSON string pass through as they are.
			fmt.Fprintf(&b, `{"id":%d,"text":"%s"}`+"\n", i, t)
		}
	}
	return b.String()
}

// fixStream is the library's repair of a whole text: the reference.
func fixStream(t testing.TB, cfg moji.Config, in string) string {
	t.Helper()
	out, err := io.ReadAll(moji.NewReader(strings.NewReader(in), cfg))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// fixJSONLSerial is the reference for --jsonl: each line rewritten alone.
func fixJSONLSerial(cfg moji.Config, in string) string {
	var out []byte
	for _, line := range strings.SplitAfter(in, "\n") {
		body := strings.TrimSuffix(line, "\n")
		if strings.TrimSpace(body) == "" {
			out = append(out, line...)
			continue
		}
		var err error
		if out, err = jsonl.Rewrite(out, []byte(body), []string{"text"}, cfg.FixString); err != nil {
			panic(err)
		}
		if len(body) < len(line) {
			out = append(out, '\n')
		}
	}
	return string(out)
}

// TestParallelMatchesSerial checks that the output does not depend on the
// number of workers or on where batches end, and equals the library's.
func TestParallelMatchesSerial(t *testing.T) {
	text, jl := textCorpus(200), jsonlCorpus(200)
	for _, preset := range []string{"default", "ftfy"} {
		cfg, _ := moji.Preset(preset)
		for _, mode := range []struct {
			name, in, want string
			args           []string
		}{
			{"text", text, fixStream(t, cfg, text), nil},
			{"jsonl", jl, fixJSONLSerial(cfg, jl), []string{"--jsonl"}},
		} {
			for _, sizes := range []*batchSizes{nil, tiny} {
				for _, j := range []string{"1", "2", "5"} {
					args := append([]string{"fix", "--preset", preset, "-j", j}, mode.args...)
					code, stdout, stderr := runWith(&env{sizes: sizes}, mode.in, args...)
					if code != 0 || stdout != mode.want {
						t.Errorf("%s %s -j %s (tiny batches %v): exit %d, stderr %q\n got %q\nwant %q",
							preset, mode.name, j, sizes != nil, code, stderr, stdout, mode.want)
					}
				}
			}
		}
	}
}

// TestLongLineText streams a line longer than the library's segment
// through the long-line path.
func TestLongLineText(t *testing.T) {
	long := strings.Repeat("plain words and a café, ", 60_000) // 1.4 MB
	in := "itâ€™s\n" + long + "\nend cafÃ©\n"
	want := fixStream(t, moji.Default, in)
	code, stdout, stderr := runWith(&env{}, in, "fix", "-j", "2")
	if code != 0 || stdout != want {
		t.Errorf("exit %d, stderr %q, output of %d bytes, want %d", code, stderr, len(stdout), len(want))
	}
}

func compress(t *testing.T, codec, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	var w io.WriteCloser
	switch codec {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "zstd":
		var err error
		if w, err = zstd.NewWriter(&b); err != nil {
			t.Fatal(err)
		}
	}
	io.WriteString(w, s)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// readShard reads a file, decompressing it by its name, and checks that
// it is compressed as its name says.
func readShard(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var r io.Reader
	switch compression(name) {
	case "gzip":
		if r, err = gzip.NewReader(bytes.NewReader(data)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	case "zstd":
		d, err := zstd.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		r = d
	default:
		return string(data)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(out)
}

// shardSet writes n JSONL shards, plain, gzip and zstd in turn, into a new
// directory, and returns it with each shard's uncompressed content.
func shardSet(t *testing.T, n, lines int) (dir string, content map[string]string) {
	dir = filepath.Join(t.TempDir(), "in")
	os.Mkdir(dir, 0o755)
	content = map[string]string{}
	for i := range n {
		s := jsonlCorpus(lines + i)
		var name string
		var data []byte
		switch i % 3 {
		case 0:
			name, data = fmt.Sprintf("part-%02d.jsonl", i), []byte(s)
		case 1:
			name, data = fmt.Sprintf("part-%02d.jsonl.gz", i), compress(t, "gzip", s)
		case 2:
			name, data = fmt.Sprintf("part-%02d.jsonl.zst", i), compress(t, "zstd", s)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		content[name] = s
	}
	return dir, content
}

func TestOutDirShards(t *testing.T) {
	in, content := shardSet(t, 6, 50)
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runWith(&env{sizes: tiny}, "", "fix", "--jsonl", "--out-dir", out, "-j", "3", in)
	if code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	checkOutputs(t, out, content)
}

// checkOutputs checks that out holds exactly the repair of each input.
func checkOutputs(t *testing.T, out string, content map[string]string) {
	t.Helper()
	var names []string
	for name, s := range content {
		names = append(names, name)
		if got, want := readShard(t, filepath.Join(out, name)), fixJSONLSerial(moji.Default, s); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	assertOnlyFiles(t, out, sortedStrings(names)...)
}

func sortedStrings(s []string) []string {
	s = append([]string(nil), s...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

// TestInterruptResume stops a run midway, as Ctrl-C does, then resumes.
func TestInterruptResume(t *testing.T) {
	in, content := shardSet(t, 5, 40)
	for _, stopAt := range []int64{1, 7, 30} {
		out := filepath.Join(t.TempDir(), "out")
		ctx, cancel := context.WithCancel(context.Background())
		var shardsSeen int
		e := &env{ctx: ctx, sizes: tiny, afterBatch: func(lines int64) {
			if lines == 3 { // the first batch of a shard
				shardsSeen++
			}
			if shardsSeen == 3 && lines >= stopAt {
				cancel() // midway through the third shard
			}
		}}
		code, _, stderr := runWith(e, "", "fix", "--jsonl", "--out-dir", out, "-j", "2", in)
		cancel()
		if code != exitInterrupted || !strings.Contains(stderr, "interrupted") {
			t.Fatalf("stop at %d: exit %d, stderr %q; want %d", stopAt, code, stderr, exitInterrupted)
		}
		// Only the two complete shards are there, and no temporary file.
		assertOnlyFiles(t, out, "part-00.jsonl", "part-01.jsonl.gz")

		code, _, stderr = runWith(&env{}, "", "fix", "--jsonl", "--out-dir", out, "--resume", in)
		if code != 0 || stderr != "" {
			t.Fatalf("resume: exit %d, stderr %q", code, stderr)
		}
		checkOutputs(t, out, content)
	}
}

// TestResumeSkipsDone checks that --resume leaves existing outputs alone
// (it does not even read their inputs) and removes stale temporary files.
func TestResumeSkipsDone(t *testing.T) {
	in, _ := shardSet(t, 2, 5)
	out := t.TempDir()
	writeFile(t, out, "part-00.jsonl", "done before\n", 0o644)
	writeFile(t, out, ".part-01.jsonl.gz.moji-123", "stale", 0o600)
	statsFile := filepath.Join(t.TempDir(), "stats.json")
	code, _, stderr := runWith(&env{}, "", "fix", "--jsonl", "--out-dir", out, "--resume", "--stats", statsFile, in)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if got := readShard(t, filepath.Join(out, "part-00.jsonl")); got != "done before\n" {
		t.Errorf("--resume rewrote a finished shard: %q", got)
	}
	assertOnlyFiles(t, out, "part-00.jsonl", "part-01.jsonl.gz")
	var rep statsReport
	data, _ := os.ReadFile(statsFile)
	if err := json.Unmarshal(data, &rep); err != nil || len(rep.Shards) != 2 || !rep.Shards[0].Skipped || rep.Shards[1].Skipped {
		t.Errorf("stats %s: %+v, %v", data, rep, err)
	}
}

// TestBadInputs checks that each kind of bad input is named with its
// file and line, fails the run, and spoils no output.
func TestBadInputs(t *testing.T) {
	good := jsonlCorpus(30)
	gz, zst := compress(t, "gzip", good), compress(t, "zstd", good)
	corrupt := append([]byte(nil), gz...)
	corrupt[len(corrupt)-6] ^= 0xff // the CRC-32 of the gzip trailer
	tests := []struct {
		name string
		data []byte
		msg  string // in stderr, after "NAME:"
	}{
		{"truncated.jsonl.gz", gz[:len(gz)*2/3], ": gzip: unexpected end of data (truncated file?)"},
		{"corrupt.jsonl.gz", corrupt, "gzip: invalid checksum"},
		{"notgzip.jsonl.gz", []byte(good), ":1: gzip: invalid header"},
		{"truncated.jsonl.zst", zst[:len(zst)*2/3], ": zstd: "},
		{"badline.jsonl", []byte(good + "{\"text\": nope}\n" + good), ":31: column 11: invalid character 'o' in literal null"},
		{"missing.jsonl", nil, "no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, out := t.TempDir(), t.TempDir()
			name := filepath.Join(in, tt.name)
			if tt.data != nil {
				if err := os.WriteFile(name, tt.data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			ok := writeFile(t, in, "ok.jsonl", good, 0o644)
			// A finished output of the bad input, from an earlier run,
			// must survive the failed run.
			writeFile(t, out, tt.name, "earlier\n", 0o644)
			code, _, stderr := runWith(&env{sizes: tiny}, "", "fix", "--jsonl", "--out-dir", out, name, ok)
			if code != exitFail || !strings.Contains(stderr, tt.name) || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, tt.msg)
			}
			if got, _ := os.ReadFile(filepath.Join(out, tt.name)); string(got) != "earlier\n" {
				t.Errorf("the earlier output became %q", got)
			}
			// The other input was repaired all the same.
			if got := readShard(t, filepath.Join(out, "ok.jsonl")); got != fixJSONLSerial(moji.Default, good) {
				t.Errorf("ok.jsonl: got %q", got)
			}
			assertOnlyFiles(t, out, sortedStrings([]string{tt.name, "ok.jsonl"})...)

			// To standard output, what comes before the error is written.
			code, stdout, stderr := runWith(&env{sizes: tiny}, "", "fix", "--jsonl", name)
			if code != exitFail || !strings.Contains(stderr, tt.msg) || !strings.HasPrefix(fixJSONLSerial(moji.Default, good), stdout) {
				t.Errorf("to stdout: exit %d, stderr %q, stdout %q", code, stderr, stdout)
			}
		})
	}
}

// TestCompressedOutput checks -o FILE.gz and FILE.zst.
func TestCompressedOutput(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "in.txt", textCorpus(40), 0o644)
	want := fixStream(t, moji.Default, textCorpus(40))
	for _, name := range []string{"out.txt.gz", "out.txt.zst", "out.txt"} {
		out := filepath.Join(dir, name)
		if code, _, stderr := runWith(&env{}, "", "fix", "-o", out, in); code != 0 {
			t.Fatalf("%s: exit %d, %s", name, code, stderr)
		}
		if got := readShard(t, out); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}

func TestStats(t *testing.T) {
	in := jsonlCorpus(100)
	cfg := moji.FtfyCompat
	want := counts{Kinds: map[string]int64{}}
	for _, line := range strings.Split(strings.TrimSuffix(in, "\n"), "\n") {
		want.Lines++
		jsonl.Rewrite(nil, []byte(line), []string{"text"}, func(s string) string {
			want.Fields++
			if out, plan := cfg.Fix(s); out != s {
				want.Changed++
				for _, st := range plan {
					want.Kinds[st.String()]++
				}
			}
			return s
		})
	}
	statsFile := filepath.Join(t.TempDir(), "stats.json")
	code, _, stderr := runWith(&env{sizes: tiny}, in, "fix", "--jsonl", "--preset", "ftfy", "-j", "3", "--stats", statsFile)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var got statsReport
	data, _ := os.ReadFile(statsFile)
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if got.Status != "ok" || got.Lines != want.Lines || got.Fields != want.Fields || got.Changed != want.Changed ||
		got.BytesIn != int64(len(in)) || fmt.Sprint(got.Kinds) != fmt.Sprint(want.Kinds) || len(got.Shards) != 1 {
		t.Errorf("stats:\n%s\nwant %+v", data, want)
	}
	if want.Changed == 0 || len(want.Kinds) == 0 {
		t.Errorf("the corpus should need repairs with the ftfy preset")
	}
}

func TestScaleUsage(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", "x", 0o644)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	b := writeFile(t, sub, "a.txt", "y", 0o644)
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"fix", "-j", "0"}, "-j wants a positive number"},
		{[]string{"fix", "--resume", a}, "--resume needs --out-dir"},
		{[]string{"fix", "--out-dir", dir}, "--out-dir needs FILE"},
		{[]string{"fix", "--out-dir", dir, "-o", "x", a}, "--out-dir excludes"},
		{[]string{"fix", "--out-dir", filepath.Join(dir, "o"), a, b}, "would both be written to"},
		{[]string{"fix", "--out-dir", dir, a}, "use --in-place"},
		{[]string{"fix", "--out-dir", dir, "-"}, "standard input"},
	}
	for _, tt := range tests {
		code, _, stderr := runMoji(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("moji %q = %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.stderr)
		}
	}
}

func TestMeterText(t *testing.T) {
	tests := []struct {
		done, size, lines int64
		sec               float64
		want              string
	}{
		{0, -1, 0, 0, " 0 B 0 lines"},
		{5_000_000, 20_000_000, 1234567, 1, " 25% 5.0 MB 1,234,567 lines 5.0 MB/s ETA 3s"},
		{2_500_000_000, -1, 999, 2, " 2.50 GB 999 lines 1.25 GB/s"},
		{20, 20, 1, 1, " 100% 20 B 1 lines 20 B/s"},
	}
	for _, tt := range tests {
		got := meterText(tt.done, tt.size, tt.lines, time.Duration(tt.sec*float64(time.Second)))
		if got != tt.want {
			t.Errorf("meterText(%d, %d, %d, %vs) = %q, want %q", tt.done, tt.size, tt.lines, tt.sec, got, tt.want)
		}
	}
}

// FuzzPipeline checks, for any input, batch sizes and worker count, that
// text output equals the library's streaming repair and that JSONL output
// (and its messages) does not depend on the number of workers.
func FuzzPipeline(f *testing.F) {
	f.Add([]byte(textCorpus(12)), uint8(3), uint8(0), uint8(2))
	f.Add([]byte(jsonlCorpus(12)), uint8(1), uint8(10), uint8(3))
	f.Add([]byte("a<b\n&amp;\n\xff\r\n"), uint8(2), uint8(1), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, lines, buf, preset uint8) {
		cfg, name := moji.Default, "default"
		if preset%2 == 1 {
			cfg, name = moji.FtfyCompat, "ftfy"
		}
		sizes := &batchSizes{batchBytes: 64, batchLines: 1 + int(lines%8), readBuffer: 16 + int(buf%64)}
		in := string(data)
		want := fixStream(t, cfg, in)
		for _, j := range []string{"1", "3"} {
			code, got, stderr := runWith(&env{sizes: sizes}, in, "fix", "--preset", name, "-j", j)
			if code != 0 || got != want {
				t.Fatalf("text -j %s: exit %d, stderr %q\n got %q\nwant %q", j, code, stderr, got, want)
			}
		}
		args := []string{"fix", "--jsonl", "--on-error", "keep", "--preset", name}
		code1, out1, err1 := runWith(&env{sizes: sizes}, in, append(args, "-j", "1")...)
		code3, out3, err3 := runWith(&env{sizes: sizes}, in, append(args, "-j", "3")...)
		if code1 != code3 || out1 != out3 || err1 != err3 {
			t.Fatalf("jsonl: -j 1 gave %d %q %q; -j 3 gave %d %q %q", code1, out1, err1, code3, out3, err3)
		}
	})
}

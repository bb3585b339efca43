package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/mojitext/moji"
)

// runMoji runs the command line in-process.
func runMoji(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name, content string, perm os.FileMode) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, perm); err != nil { // umask-proof
		t.Fatal(err)
	}
	return p
}

// sample holds text the ftfy preset changes (quotes are uncurled) and
// mojibake the repair engine is meant to undo.
const sample = "“curly” it’s ﬁne\nitâ€™s cafÃ©\nplain\n"

func TestUsage(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{nil, 2, "", "Usage:"},
		{[]string{"--help"}, 0, "moji fix --in-place", ""},
		{[]string{"help"}, 0, "Commands:", ""},
		{[]string{"help", "fix"}, 0, "--on-error POLICY", ""},
		{[]string{"help", "explain"}, 0, "moji explain 'itâ€™s'", ""},
		{[]string{"help", "nope"}, 2, "", `unknown command "nope"`},
		{[]string{"fix", "--help"}, 0, "usage: moji fix", ""},
		{[]string{"fix", "-h"}, 0, "Examples:", ""},
		{[]string{"explain", "--help"}, 0, "usage: moji explain", ""},
		{[]string{"version"}, 0, "moji ", ""},
		{[]string{"version", "--help"}, 0, "usage: moji version", ""},
		{[]string{"version", "x"}, 2, "", "usage: moji version"},
		{[]string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{[]string{"fix", "--bogus"}, 2, "", "flag provided but not defined: -bogus"},
		{[]string{"fix", "--preset", "x"}, 2, "", `unknown preset "x"`},
		{[]string{"fix", "--jsonl", "--on-error", "x"}, 2, "", `unknown --on-error policy "x"`},
		{[]string{"fix", "--field", "t"}, 2, "", "--field needs --jsonl"},
		{[]string{"fix", "--in-place"}, 2, "", "--in-place needs FILE"},
		{[]string{"fix", "--in-place", "-o", "x", "y"}, 2, "", "exclude each other"},
		{[]string{"fix", "--jsonl", "--explain"}, 2, "", "--explain does not combine"},
		{[]string{"explain", "--preset", "x", "a"}, 2, "", `unknown preset "x"`},
	}
	for _, tt := range tests {
		code, stdout, stderr := runMoji(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("moji %q = %d\nstdout %q\nstderr %q\nwant %d, stdout with %q, stderr with %q",
				tt.args, code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
		}
	}
}

func TestFixMatchesLibrary(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "in.txt", sample, 0o644)
	for _, preset := range []string{"default", "ftfy", "encoding"} {
		cfg, _ := moji.Preset(preset)
		want := cfg.FixString(sample)
		for _, args := range [][]string{
			{"fix", "--preset", preset},
			{"fix", "--preset", preset, "-"},
			{"fix", file, "--preset", preset}, // flags after operands
		} {
			code, stdout, stderr := runMoji(t, sample, args...)
			if code != 0 || stdout != want || stderr != "" {
				t.Errorf("moji %q = %d, %q, stderr %q; want 0, %q", args, code, stdout, stderr, want)
			}
		}
	}
	if ftfy := moji.FtfyCompat.FixString(sample); ftfy == sample {
		t.Errorf("the ftfy preset should change %q (quotes are uncurled)", sample)
	}
}

func TestFixSeveralFilesAndOutput(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", "“a”\n", 0o644)
	b := writeFile(t, dir, "b.txt", "‘b’", 0o644)
	out := filepath.Join(dir, "out.txt")
	code, stdout, stderr := runMoji(t, "", "fix", "--preset", "ftfy", "-o", out, a, b)
	if code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	got, _ := os.ReadFile(out)
	if want := moji.FtfyCompat.FixString("“a”\n") + moji.FtfyCompat.FixString("‘b’"); string(got) != want {
		t.Errorf("-o wrote %q, want %q", got, want)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o644 {
		t.Errorf("-o file mode %v, want 0644", fi.Mode().Perm())
	}
	code, _, stderr = runMoji(t, "", "fix", filepath.Join(dir, "missing.txt"))
	if code != 1 || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr)
	}
}

func TestFixInPlace(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", sample, 0o640)
	b := writeFile(t, dir, "b.txt", "‘b’\n", 0o755)
	code, stdout, stderr := runMoji(t, "", "fix", "--in-place", "--preset", "ftfy", a, b)
	if code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for name, c := range map[string]struct {
		in   string
		perm os.FileMode
	}{a: {sample, 0o640}, b: {"‘b’\n", 0o755}} {
		got, _ := os.ReadFile(name)
		if want := moji.FtfyCompat.FixString(c.in); string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
		if fi, _ := os.Stat(name); fi.Mode().Perm() != c.perm {
			t.Errorf("%s mode %v, want %v", name, fi.Mode().Perm(), c.perm)
		}
	}
	assertOnlyFiles(t, dir, "a.txt", "b.txt")
}

// TestFixInPlaceFailure checks that a failing --in-place run leaves the
// original untouched and no temporary file behind.
func TestFixInPlaceFailure(t *testing.T) {
	dir := t.TempDir()
	bad := "“ok”\nbad \xff byte\n"
	a := writeFile(t, dir, "a.txt", bad, 0o600)
	code, _, stderr := runMoji(t, "", "fix", "--in-place", "--strict", "--preset", "ftfy", a)
	if code != 1 || !strings.Contains(stderr, a+":2: invalid UTF-8 at byte offset 13") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if got, _ := os.ReadFile(a); string(got) != bad {
		t.Errorf("file changed to %q after a failure", got)
	}
	j := writeFile(t, dir, "j.jsonl", "{\"text\":\"a\"}\nnot json\n", 0o600)
	code, _, stderr = runMoji(t, "", "fix", "--in-place", "--jsonl", j)
	if code != 1 || !strings.Contains(stderr, j+":2: column 1: invalid character 'n'") {
		t.Errorf("jsonl: exit %d, stderr %q", code, stderr)
	}
	assertOnlyFiles(t, dir, "a.txt", "j.jsonl")
}

func assertOnlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("directory holds %q, want %q", got, names)
	}
}

func TestInvalidUTF8(t *testing.T) {
	in := "“x”\n\xe9t\xe9 \xff\n“y”"
	want := moji.FtfyCompat.FixString("“x”\n") + "\xe9" + moji.FtfyCompat.FixString("t") + "\xe9" +
		moji.FtfyCompat.FixString(" ") + "\xff" + moji.FtfyCompat.FixString("\n“y”")
	code, stdout, stderr := runMoji(t, in, "fix", "--preset", "ftfy")
	if code != 0 || stdout != want {
		t.Errorf("exit %d, stdout %q, want %q", code, stdout, want)
	}
	const warning = "warning: <stdin>:2: invalid UTF-8 at byte offset 8"
	if strings.Count(stderr, "warning") != 1 || !strings.Contains(stderr, warning) {
		t.Errorf("stderr %q, want one %q", stderr, warning)
	}
	code, _, stderr = runMoji(t, in, "fix", "--strict")
	if code != 1 || !strings.Contains(stderr, "<stdin>:2: invalid UTF-8 at byte offset 8") {
		t.Errorf("--strict: exit %d, stderr %q", code, stderr)
	}
}

// TestUTF8Checker feeds sequences split across reads.
func TestUTF8Checker(t *testing.T) {
	tests := []struct {
		in        string
		bad, line int64
	}{
		{"plain", -1, 0},
		{"é中😀\n€", -1, 0},
		{"ab\n\xffc", 3, 2},
		{"é\xe2\x82", 2, 1}, // cut short at the end
		{"\xed\xa0\xbd", 0, 1},
		{"x\n\ny\xc3(", 4, 3},
	}
	for _, tt := range tests {
		for _, one := range []bool{false, true} {
			var r = strings.NewReader(tt.in)
			c := newUTF8Checker(r, false)
			if one {
				c = newUTF8Checker(iotest.OneByteReader(r), false)
			}
			var out bytes.Buffer
			if _, err := out.ReadFrom(c); err != nil || out.String() != tt.in {
				t.Errorf("%q: read %q, %v", tt.in, out.String(), err)
			}
			if c.bad != tt.bad || tt.bad >= 0 && c.badLine != tt.line {
				t.Errorf("%q (one byte %v): bad at %d line %d, want %d line %d", tt.in, one, c.bad, c.badLine, tt.bad, tt.line)
			}
		}
	}
}

func TestFixExplain(t *testing.T) {
	code, stdout, stderr := runMoji(t, "“x”", "fix", "--explain", "--preset", "ftfy")
	cfg := moji.FtfyCompat
	want, plan := cfg.Fix("“x”")
	if code != 0 || stdout != want {
		t.Fatalf("exit %d, stdout %q, want %q", code, stdout, want)
	}
	var got struct {
		File string
		Plan moji.Plan
	}
	if err := json.Unmarshal([]byte(stderr), &got); err != nil {
		t.Fatalf("stderr %q is not JSON: %v", stderr, err)
	}
	if got.File != "<stdin>" || len(got.Plan) != len(plan) {
		t.Errorf("explain printed %+v, want plan %v", got, plan)
	}
}

func TestJSONL(t *testing.T) {
	line := func(id, text string) string {
		return `{"id":` + id + `, "text":` + string(mustMarshal(text)) + `, "n":1.50, "h":"<\u00e9>"}`
	}
	in := line("1", "“a”") + "\n" + line("2", "plain") + "\r\n" + "\n" + line("3", "it’s\u2028x\u0085") + "\n" + line("4", "end")
	for _, preset := range []string{"ftfy", "default"} {
		cfg, _ := moji.Preset(preset)
		// Build the expected output with encoding/json: only the text
		// value may change, re-encoded (no HTML escapes in this text).
		var want strings.Builder
		for _, l := range strings.SplitAfter(in, "\n") {
			out := []byte(l)
			if strings.TrimSpace(l) != "" {
				var v map[string]any
				if err := json.Unmarshal([]byte(l), &v); err != nil {
					t.Fatal(err)
				}
				text := v["text"].(string)
				out = bytes.Replace(out, mustMarshal(text), mustMarshal(cfg.FixString(text)), 1)
			}
			want.Write(out)
		}
		code, stdout, stderr := runMoji(t, in, "fix", "--jsonl", "--preset", preset)
		if code != 0 || stdout != want.String() || stderr != "" {
			t.Errorf("%s: exit %d, stderr %q\n got %q\nwant %q", preset, code, stderr, stdout, want.String())
		}
		if preset == "ftfy" && stdout == in {
			t.Errorf("nothing changed; the ftfy preset uncurls quotes")
		}
	}
}

func mustMarshal(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}

func TestJSONLFields(t *testing.T) {
	in := `{"title":"“t”","text":"“x”","other":"“o”"}` + "\n"
	code, stdout, _ := runMoji(t, in, "fix", "--jsonl", "--preset", "ftfy", "--field", "title", "--field", "other")
	q := func(s string) string { return string(mustMarshal(moji.FtfyCompat.FixString(s))) }
	want := `{"title":` + q("“t”") + `,"text":"“x”","other":` + q("“o”") + "}\n"
	if code != 0 || stdout != want {
		t.Errorf("exit %d, got %q, want %q", code, stdout, want)
	}
}

func TestJSONLOnError(t *testing.T) {
	in := "{\"text\":\"“a”\"}\n{\"id\":2}\n{bad\n{\"text\":\"“b”\"}"
	q := func(s string) string { return `{"text":` + string(mustMarshal(moji.FtfyCompat.FixString(s))) + "}" }
	tests := []struct {
		policy string
		code   int
		stdout string
		stderr []string
	}{
		{"fail", 1, q("“a”") + "\n", []string{`<stdin>:2: missing field "text"`}},
		{"keep", 0, q("“a”") + "\n{\"id\":2}\n{bad\n" + q("“b”"),
			[]string{`<stdin>:2: missing field "text"`, "<stdin>:3: column 2: expected string for object key", "2 bad lines kept unchanged"}},
		{"skip", 0, q("“a”") + "\n" + q("“b”"),
			[]string{`<stdin>:2: missing field "text"`, "<stdin>:3: column 2", "2 bad lines skipped"}},
	}
	for _, tt := range tests {
		code, stdout, stderr := runMoji(t, in, "fix", "--jsonl", "--preset", "ftfy", "--on-error", tt.policy)
		if code != tt.code || stdout != tt.stdout {
			t.Errorf("%s: exit %d, stdout %q; want %d, %q", tt.policy, code, stdout, tt.code, tt.stdout)
		}
		for _, s := range tt.stderr {
			if !strings.Contains(stderr, s) {
				t.Errorf("%s: stderr %q lacks %q", tt.policy, stderr, s)
			}
		}
	}
}

// TestJSONLLongLine crosses the 1 MiB read buffer.
func TestJSONLLongLine(t *testing.T) {
	long := strings.Repeat("“é” ", 400_000)
	in := `{"text":"` + long + `"}` + "\n" + `{"text":"x"}` + "\n"
	code, stdout, stderr := runMoji(t, in, "fix", "--jsonl", "--preset", "ftfy")
	want := `{"text":` + string(mustMarshal(moji.FtfyCompat.FixString(long))) + "}\n" + `{"text":"x"}` + "\n"
	if code != 0 || stdout != want {
		t.Errorf("exit %d, stderr %q, output of %d bytes, want %d", code, stderr, len(stdout), len(want))
	}
}

func TestExplain(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "x.txt", "it’s", 0o644)
	for _, args := range [][]string{
		{"explain", "--preset", "ftfy", "it’s"},
		{"explain", "--preset", "ftfy", file},
		{"explain", "--preset", "ftfy"}, // stdin
	} {
		code, stdout, stderr := runMoji(t, "it’s", args...)
		if code != 0 || stderr != "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
		for _, s := range []string{"steps:\n  1. uncurl quotes\n", "at 2 (line 1, column 3):",
			"- U+2019 RIGHT SINGLE QUOTATION MARK  ’", "+ U+0027 APOSTROPHE  '"} {
			if !strings.Contains(stdout, s) {
				t.Errorf("%q: output %q lacks %q", args, stdout, s)
			}
		}
	}
	if code, stdout, _ := runMoji(t, "", "explain", "plain text"); code != 0 || stdout != "no change\n" {
		t.Errorf("explain of correct text: %d %q", code, stdout)
	}
}

// TestExplainLostBytes checks how explain shows the candidates weighed for
// each lost byte: best first, each scored against the best (0.0), the
// chosen character on top. The damage is "’" and "—" read as GBK with the
// undecodable pairs dropped, as in the seed article, and Japanese read as
// Shift_JIS with U+FFFD for what it could not decode (の, プ and 。 lost a
// byte each), whose candidates the neighbours score.
func TestExplainLostBytes(t *testing.T) {
	for _, tt := range []struct {
		in   string
		lost int
	}{
		{"The States鈥 most senior official said 鈥 in Tokyo 鈥 that it was over.", 3},
		{"縺薙\ufffdｮ繝輔ぃ繧､繝ｫ縺ｯ縲√\ufffd励Ο繧ｻ繧ｹ縺梧園螻槭☆繧九さ繝ｳ繝医Ο繝ｼ繝ｫ繧ｰ繝ｫ繝ｼ繝励ｒ遉ｺ縺吶\u0080\ufffd", 3},
	} {
		explainLostBytes(t, tt.in, tt.lost)
	}
}

func explainLostBytes(t *testing.T, in string, lost int) {
	t.Helper()
	code, stdout, stderr := runMoji(t, "", "explain", in)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	n := 0
	for _, line := range strings.Split(stdout, "\n") {
		chosen, list, ok := strings.Cut(strings.TrimPrefix(strings.TrimSpace(line), "lost byte: chose "), " among ")
		if !ok {
			continue
		}
		n++
		// Split at ASCII spaces only: a candidate may be the
		// ideographic space U+3000.
		f := strings.Split(strings.TrimSuffix(list, " …"), " ")
		if len(f) < 4 || len(f)%2 != 0 {
			t.Errorf("%q: want pairs of candidate and score", line)
			continue
		}
		if c, _, _ := strings.Cut(chosen, " "); c != f[0] || f[1] != "0.0" {
			t.Errorf("%q: want the chosen %q first, at 0.0", line, c)
		}
		prev := 0.0
		for i := 3; i < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil || v > prev {
				t.Errorf("%q: scores not best first", line)
			}
			prev = v
		}
	}
	if n != lost {
		t.Errorf("explain %q listed %d lost bytes, want %d:\n%s", in, n, lost, stdout)
	}
}

func TestDiffRunes(t *testing.T) {
	tests := []struct {
		a, b string
		want []hunk
	}{
		{"abc", "abc", nil},
		{"cafÃ© au", "café au", []hunk{{3, 5, 3, 4}}},
		{"“a” b “c”", "\"a\" b \"c\"", []hunk{{0, 1, 0, 1}, {2, 3, 2, 3}, {6, 7, 6, 7}, {8, 9, 8, 9}}},
		{"ab", "", []hunk{{0, 2, 0, 0}}},
		{"", "xy", []hunk{{0, 0, 0, 2}}},
		{"axbxc", "abc", []hunk{{1, 2, 1, 1}, {3, 4, 2, 2}}},
	}
	for _, tt := range tests {
		got := diffRunes([]rune(tt.a), []rune(tt.b))
		if len(got) != len(tt.want) {
			t.Errorf("diffRunes(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("diffRunes(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
				break
			}
		}
	}
}

func BenchmarkFixJSONL(b *testing.B) {
	var in strings.Builder
	for i := range 1000 {
		in.WriteString(`{"id":"c` + string(rune('0'+i%10)) + `","text":"The café’s menu — “naïve” crème brûlée, 10 € each."}` + "\n")
	}
	data := in.String()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var out bytes.Buffer
		if code := run([]string{"fix", "--jsonl"}, strings.NewReader(data), &out, &out); code != 0 {
			b.Fatal(out.String())
		}
	}
}

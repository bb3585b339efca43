package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func upper(s string) string { return strings.ToUpper(s) }

func TestRewrite(t *testing.T) {
	tests := []struct {
		name   string
		line   string
		fields []string
		f      func(string) string
		want   string
	}{
		{"simple", `{"id":1,"text":"abc"}`, []string{"text"}, upper, `{"id":1,"text":"ABC"}`},
		{"unchanged keeps escapes", `{"text":"\u0041\/b"}`, []string{"text"}, func(s string) string { return s }, `{"text":"\u0041\/b"}`},
		{"changed re-encodes minimally", `{"text":"\u00e9<&>"}`, []string{"text"}, func(s string) string { return s + "é" }, `{"text":"é<&>é"}`},
		{"other bytes kept", "  {\"n\": 12345678901234567890.5e3 , \"t\":\"x\",\"h\":\"<\\u00e9>\", \"b\":\"\xff\"}\r",
			[]string{"t"}, upper, "  {\"n\": 12345678901234567890.5e3 , \"t\":\"X\",\"h\":\"<\\u00e9>\", \"b\":\"\xff\"}\r"},
		{"nested same name untouched", `{"o":{"text":"a"},"a":[{"text":"b"}],"text":"c"}`, []string{"text"}, upper,
			`{"o":{"text":"a"},"a":[{"text":"b"}],"text":"C"}`},
		{"two fields", `{"title":"a","text":"b","x":"c"}`, []string{"text", "title"}, upper, `{"title":"A","text":"B","x":"c"}`},
		{"duplicate member", `{"text":"a","text":"b"}`, []string{"text"}, upper, `{"text":"A","text":"B"}`},
		{"escaped key", `{"te\u0078t":"a"}`, []string{"text"}, upper, `{"te\u0078t":"A"}`},
		{"surrogate pair decoded", `{"text":"\ud83d\ude00"}`, []string{"text"}, func(s string) string {
			if s != "😀" {
				return "wrong:" + s
			}
			return s + "!"
		}, `{"text":"😀!"}`},
		{"lone surrogate survives change", `{"text":"a\ud83d"}`, []string{"text"}, func(s string) string { return "x" + s }, `{"text":"xa\ud83d"}`},
		{"controls escaped", `{"text":"a"}`, []string{"text"}, func(string) string { return "\"\\\n\r\t\b\f\x01\x7f" },
			`{"text":"\"\\\n\r\t\b\f\u0001` + "\x7f" + `"}`},
		{"line separators stay raw", `{"text":"a"}`, []string{"text"}, func(string) string { return "\u2028\u2029\u0085" },
			"{\"text\":\"\u2028\u2029\u0085\"}"},
		{"empty string", `{"text":""}`, []string{"text"}, func(string) string { return "x" }, `{"text":"x"}`},
		{"no fields validates only", `{"a":[1,true,false,null,{}]}`, nil, upper, `{"a":[1,true,false,null,{}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Rewrite([]byte("prefix:"), []byte(tt.line), tt.fields, tt.f)
			if err != nil {
				t.Fatalf("Rewrite(%q) error: %v", tt.line, err)
			}
			if want := "prefix:" + tt.want; string(got) != want {
				t.Errorf("Rewrite(%q)\n got %q\nwant %q", tt.line, got, want)
			}
		})
	}
}

func TestRewriteErrors(t *testing.T) {
	tests := []struct {
		line    string
		want    string // error text
		missing bool
		column  int // 0 when not a syntax error
	}{
		{`{"id":1}`, `missing field "text"`, true, 0},
		{`{"text":1}`, `field "text" is a number, not a string`, false, 0},
		{`{"text":null}`, `field "text" is null, not a string`, false, 0},
		{`{"text":{"a":1}}`, `field "text" is an object, not a string`, false, 0},
		{``, `column 1: unexpected end of line, expected '{'`, false, 1},
		{`[1]`, `column 1: invalid character '[' (expected '{')`, false, 1},
		{`{"text":"a"`, `column 12: unexpected end of line after object key:value pair`, false, 12},
		{`{"text":"a"} x`, `column 14: invalid character 'x' after top-level value`, false, 14},
		{`{"text":"a\x"}`, `column 12: invalid character 'x' in string escape code`, false, 12},
		{"{\"text\":\"a\x01\"}", `column 11: invalid byte 0x01 in string literal`, false, 11},
		{`{"a":01,"text":""}`, `column 7: invalid character '1' after object key:value pair`, false, 7},
		{`{"a":[1,],"text":""}`, `column 9: invalid character ']' looking for beginning of value`, false, 9},
		{`{"a":tru,"text":""}`, `column 9: invalid character ',' in literal true`, false, 9},
		{`{"text":"\u12"}`, `column 14: invalid character '"' in \u escape`, false, 14},
		{`{text:"a"}`, `column 2: expected string for object key`, false, 2},
		{`{"text":"a",}`, `column 13: expected string for object key`, false, 13},
		{`{"a":-,"text":""}`, `column 7: invalid character ',' in numeric literal`, false, 7},
		{`{"a":1.e5,"text":""}`, `column 8: invalid character 'e' after decimal point in numeric literal`, false, 8},
	}
	for _, tt := range tests {
		got, err := Rewrite([]byte("keep"), []byte(tt.line), []string{"text"}, upper)
		if err == nil {
			t.Errorf("Rewrite(%q) = %q, want error %q", tt.line, got, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("Rewrite(%q) error %q, want %q", tt.line, err, tt.want)
		}
		if string(got) != "keep" {
			t.Errorf("Rewrite(%q) on error returned dst %q, want it untouched", tt.line, got)
		}
		if errors.Is(err, ErrMissingField) != tt.missing {
			t.Errorf("Rewrite(%q): errors.Is(err, ErrMissingField) = %v", tt.line, !tt.missing)
		}
		var se *SyntaxError
		if errors.As(err, &se) != (tt.column > 0) || se != nil && se.Offset+1 != tt.column {
			t.Errorf("Rewrite(%q): syntax error %v, want column %d", tt.line, se, tt.column)
		}
	}
}

func TestDeepNesting(t *testing.T) {
	deep := `{"a":` + strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1) + `,"text":""}`
	if _, err := Rewrite(nil, []byte(deep), []string{"text"}, upper); err == nil || !strings.Contains(err.Error(), "max depth") {
		t.Errorf("deep nesting: err = %v, want max depth error", err)
	}
	ok := `{"a":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `,"text":""}`
	if _, err := Rewrite(nil, []byte(ok), []string{"text"}, upper); err != nil {
		t.Errorf("nesting 100: %v", err)
	}
}

// TestDecodeMatchesEncodingJSON checks the decoder against encoding/json
// on strings both handle the same way (valid UTF-8, paired surrogates).
func TestDecodeMatchesEncodingJSON(t *testing.T) {
	for _, raw := range []string{
		`"plain"`, `"\"\\\/\b\f\n\r\t"`, `"\u00e9\u4e2d\uFFFD"`, `"\ud83d\ude00 x \uD834\uDD1E"`,
		`"caf\u00c3\u00a9"`, `"\u2028"`, "\"raw \u2028 é\"",
	} {
		var want string
		if err := json.Unmarshal([]byte(raw), &want); err != nil {
			t.Fatal(err)
		}
		if got := decode([]byte(raw[1 : len(raw)-1])); got != want {
			t.Errorf("decode(%s) = %q, want %q", raw, got, want)
		}
	}
}

func TestAppendStringRoundTrip(t *testing.T) {
	for _, s := range []string{
		"", "abc", "\"\\", "\x00\x1f\x7f", "é中😀", "\u2028\u2029\u0085", "\xed\xa0\xbd", "a\xed\xb8\x80b", "\xff\xfe",
		"\xed\x9f\xbf", // U+D7FF, a real character: stays raw
	} {
		enc := AppendString(nil, s)
		if got := decode(enc[1 : len(enc)-1]); got != s {
			t.Errorf("decode(AppendString(%q)) = %q (via %s)", s, got, enc)
		}
		if _, err := Rewrite(nil, []byte(`{"text":`+string(enc)+`}`), []string{"text"}, upper); err != nil {
			t.Errorf("AppendString(%q) = %s, not a valid member: %v", s, enc, err)
		}
	}
}

func FuzzRewrite(f *testing.F) {
	for _, s := range []string{
		`{"id":1,"text":"abc"}`, `{"text":"\ud83d","n":1e5}`, `{"text":"a\u00e9\n","x":[{"text":1}]}`,
		"{\"text\":\"\xff\u2028\"}", ` { "text" : "" , "text":"\\"} `, `{"a":{"b":[null,true]},"text":"<&>"}`,
	} {
		f.Add([]byte(s))
	}
	fields := []string{"text"}
	f.Fuzz(func(t *testing.T, line []byte) {
		id, err := Rewrite(nil, line, fields, func(s string) string { return s })
		trimmed := bytes.TrimLeft(line, " \t\r\n")
		valid := json.Valid(line) && len(trimmed) > 0 && trimmed[0] == '{'
		var fe *FieldError
		if (err == nil || errors.As(err, &fe)) != valid {
			t.Fatalf("Rewrite(%q) err = %v, but json.Valid says %v", line, err, valid)
		}
		if err != nil {
			return
		}
		if !bytes.Equal(id, line) {
			t.Fatalf("identity rewrite changed %q to %q", line, id)
		}
		// Change every value; the result must still parse, hold the
		// changed values, and differ from the input only inside them:
		// blanking the values of both gives the same bytes.
		var values []string
		changed, err := Rewrite(nil, line, fields, func(s string) string { values = append(values, s); return s + "\"é\x01" })
		if err != nil {
			t.Fatalf("second Rewrite(%q): %v", line, err)
		}
		i := 0
		if _, err := Rewrite(nil, changed, fields, func(s string) string {
			if s != values[i]+"\"é\x01" {
				t.Errorf("value %d of %q reads back as %q, want %q", i, changed, s, values[i]+"\"é\x01")
			}
			i++
			return s
		}); err != nil {
			t.Fatalf("rewritten line %q does not parse: %v", changed, err)
		}
		blank := func(string) string { return "\x00" }
		b1, _ := Rewrite(nil, line, fields, blank)
		b2, _ := Rewrite(nil, changed, fields, blank)
		if !bytes.Equal(b1, b2) {
			t.Fatalf("bytes outside the values changed:\n in %q\nout %q", line, changed)
		}
	})
}

func BenchmarkRewrite(b *testing.B) {
	line := []byte(`{"id":"case-000123","text":"The café’s menu — “naïve” crème brûlée, 10 € each.","kind":"clean"}`)
	fields := []string{"text"}
	f := func(s string) string { return s }
	var dst []byte
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		var err error
		dst, err = Rewrite(dst[:0], line, fields, f)
		if err != nil {
			b.Fatal(err)
		}
	}
}

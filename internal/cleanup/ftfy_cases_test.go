package cleanup

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// unitCases is the part of testdata/ftfy/unit-cases.json that this package
// checks: expectations transcribed from ftfy 6.3.1's unit tests and
// doctests.
type unitCases struct {
	TextCases []struct {
		Source   string         `json:"source"`
		Function string         `json:"function"`
		Input    string         `json:"input"`
		Options  map[string]any `json:"options"`
		Expected string         `json:"expected"`
	} `json:"text_cases"`
}

// needsFixEncoding lists the fix_text inputs whose expectation also needs
// ftfy's mojibake repair, which lives outside this package.
var needsFixEncoding = map[string]bool{
	"\u00e2\u0153\u201d No problems":        true,
	"&macr;\\_(\u00e3\u0083\u0084)_/&macr;": true,
	"sch\u00c3\u00b6n":                      true,
}

// cleanupOnly runs ftfy's fix_text pipeline with fix_encoding left out:
// segments end after "\n" (fix_text) or the text is one segment
// (fix_text_segment); each segment runs the fixes in ftfy's order until it
// stops changing, then is normalized. With unescape_html "auto", a segment
// that contains "<" turns unescaping off for itself and every later one.
func cleanupOnly(text string, perLine bool, unescape any, form string) string {
	segments := []string{text}
	if perLine {
		segments = strings.SplitAfter(text, "\n")
	}
	var out strings.Builder
	for _, seg := range segments {
		if unescape == "auto" && strings.Contains(seg, "<") {
			unescape = false
		}
		for {
			prev := seg
			if unescape != false {
				seg = UnescapeHTML(seg)
			}
			for _, f := range []func(string) string{
				FixC1Controls, FixLatinLigatures, FixCharacterWidth, UncurlQuotes,
				FixLineBreaks, FixSurrogates, RemoveTerminalEscapes, RemoveControlChars,
			} {
				seg = f(seg)
			}
			if seg == prev {
				break
			}
		}
		out.WriteString(Normalize(seg, form))
	}
	return out.String()
}

func TestFtfyUnitCases(t *testing.T) {
	data, err := os.ReadFile("../../testdata/ftfy/unit-cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases unitCases
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	checked := map[string]int{}
	for _, c := range cases.TextCases {
		var got string
		switch c.Function {
		case "unescape_html":
			got = UnescapeHTML(c.Input)
		case "fix_surrogates":
			got = FixSurrogates(c.Input)
		case "remove_control_chars":
			got = RemoveControlChars(c.Input)
		case "fix_text", "fix_text_segment":
			if needsFixEncoding[c.Input] {
				continue
			}
			unescape, form := any("auto"), "NFC"
			if v, ok := c.Options["unescape_html"]; ok {
				unescape = v
			}
			if v, ok := c.Options["normalization"]; ok {
				form, _ = v.(string)
			}
			got = cleanupOnly(c.Input, c.Function == "fix_text", unescape, form)
		default:
			continue // fix_encoding: not this package
		}
		checked[c.Function]++
		if got != c.Expected {
			t.Errorf("%s: %s(%+q, %v) = %+q, want %+q", c.Source, c.Function, c.Input, c.Options, got, c.Expected)
		}
	}
	// The file has 42 text cases: 12 unescape_html, 2 remove_control_chars,
	// 9 fix_text (3 of which need fix_encoding), 14 fix_text_segment and 5
	// fix_encoding.
	want := map[string]int{"unescape_html": 12, "remove_control_chars": 2, "fix_text": 6, "fix_text_segment": 14}
	for fn, n := range want {
		if checked[fn] != n {
			t.Errorf("checked %d %s cases, want %d", checked[fn], fn, n)
		}
	}
	t.Logf("checked %v", checked)
}

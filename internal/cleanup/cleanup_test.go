package cleanup

import (
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
)

type testCase struct {
	in, want string
}

// run checks f on each case, and that f returns its argument itself when it
// changes nothing.
func run(t *testing.T, name string, f func(string) string, cases []testCase) {
	t.Helper()
	for _, c := range cases {
		got := f(c.in)
		if got != c.want {
			t.Errorf("%s(%+q) = %+q, want %+q", name, c.in, got, c.want)
		}
		if c.in == c.want && len(c.in) > 0 && unsafe.StringData(got) != unsafe.StringData(c.in) {
			t.Errorf("%s(%+q) returned an equal copy, not its argument", name, c.in)
		}
	}
}

func TestUnescapeHTML(t *testing.T) {
	run(t, "UnescapeHTML", UnescapeHTML, []testCase{
		{"", ""},
		{"plain text", "plain text"},
		{"&lt;tag&gt;", "<tag>"},
		{"AT&T; fish &amp; chips", "AT&T; fish & chips"},
		{"&amp;amp;amp;", "&amp;amp;"}, // one pass; the pipeline repeats
		{"&&amp;&", "&&&"},
		{"this is just informal english &not html", "this is just informal english &not html"},
		{"&not;", "¬"},
		{"&Jscr;ohn &HilbertSpace;ancock", "\U0001D4A5ohn ℋancock"},
		{"&NotEqualTilde;", "≂\u0338"}, // two code points
		// ALL-CAPS forms of lowercase names, uppercased.
		{"P&EACUTE;REZ", "PÉREZ"},
		{"BUNDESSTRA&SZLIG;E", "BUNDESSTRASSE"},
		{"EURO &EURO;", "EURO €"},
		{"V&SCARON;ICHNI", "VŠICHNI"},
		{"&ntilde; &Ntilde; &NTILDE; &nTILDE;", "ñ Ñ Ñ &nTILDE;"},
		{"&AMP; &LT;", "& <"},    // caps names that are HTML5 entities themselves
		{"&LTIMES;", "&LTIMES;"}, // html.unescape reads it as "&LT" + "IMES;", so no caps form
		{"&Amp;", "&Amp;"},
		// Names longer than 24 characters are never matched.
		{"&CounterClockwiseContourIntegral;", "&CounterClockwiseContourIntegral;"},
		{"&DoubleLongLeftRightArrow;", "⟺"}, // 24 letters
		{"&unknown;", "&unknown;"},
		{"&;", "&;"},
		{"&#;", "&#;"},
		{"& amp;", "& amp;"},
		// Numeric references, as Python's html.unescape decodes them.
		{"&#65;&#x42;&#X43;&#0068;", "ABCD"},
		{"euro &#x80; &#128;", "euro € €"},
		{"ellipsis&#133;", "ellipsis…"},
		{"broken&#x81;", "broken\u0081"},
		{"&#x2019;", "’"},
		{"&#x1F600;", "😀"},
		{"&#0;", "\uFFFD"},
		{"&#13;", "\r"},
		{"&#9;&#10;&#12;", "\t\n\f"},
		{"[&#1;&#x0B;&#x7F;&#xFDD0;&#xffff;&#x10FFFE;]", "[]"},
		{"&#xD800;&#xDFFF;", "\uFFFD\uFFFD"},
		{"&#x110000;&#xffffffff;&#99999999999999999999;", "\uFFFD\uFFFD\uFFFD"},
		{"&#59;&#x3B;", "&#59;&#x3B;"}, // would decode to ";": ftfy keeps these
		{"not an entity &#20x6;", "not an entity &#20x6;"},
		{"&#x;&#xg;&#65a;", "&#x;&#xg;&#65a;"},
		{"&#\u0663;", "&#\u0663;"}, // only ASCII digits
		// Invalid UTF-8 around entities passes through.
		{"\xff&amp;\xed\xa0\x80", "\xff&\xed\xa0\x80"},
		{"&am\xffp;", "&am\xffp;"},
	})
}

func TestRemoveTerminalEscapes(t *testing.T) {
	run(t, "RemoveTerminalEscapes", RemoveTerminalEscapes, []testCase{
		{"", ""},
		{"no escapes", "no escapes"},
		{"\x1b[36;44mI'm blue, da ba dee da ba doo...\x1b[0m", "I'm blue, da ba dee da ba doo..."},
		{"\x1b[mplain\x1b[K", "plain"},
		{"\x1b[1;31;40mred", "red"},
		{"\x1b[\u0663\u0661mx", "x"},       // Python's \d takes any decimal digit
		{"\x1b[\u00b2mx", "\x1b[\u00b2mx"}, // superscript two is not Nd
		{"\x1b[?25l", "\x1b[?25l"},         // private modes are not matched
		{"\x1b]0;title\x07", "\x1b]0;title\x07"},
		{"\x1b[12", "\x1b[12"},
		{"\x1b", "\x1b"},
		{"\x1b[\x1b[31mm", "\x1b[m"}, // one pass
		{"\x1b[3\xff1m", "\x1b[3\xff1m"},
		{"\xff\x1b[0m\xfe", "\xff\xfe"},
	})
}

func TestFixC1Controls(t *testing.T) {
	run(t, "FixC1Controls", FixC1Controls, []testCase{
		{"", ""},
		{"It\u0092s \u0093quoted\u0094\u0085", "It’s “quoted”…"},
		{"\u0080\u009f", "€Ÿ"},
		{"\u0081\u008d\u008f\u0090\u009d", "\u0081\u008d\u008f\u0090\u009d"},
		{"\u007f\u00a0", "\u007f\u00a0"},
		{"\xc2\xff\xc2", "\xc2\xff\xc2"},
		{"\xe2\xc2\x80", "\xe2€"},
	})
	// Every C1 control maps as windows-1252 reads its byte, except the
	// five bytes it leaves unassigned.
	dec := charmap.Windows1252.NewDecoder()
	for b := 0x80; b <= 0x9F; b++ {
		want, err := dec.String(string([]byte{byte(b)}))
		if err != nil {
			t.Fatal(err)
		}
		if want == "\uFFFD" {
			want = string(rune(b)) // x/text marks them as errors instead
		}
		if got := FixC1Controls(string(rune(b))); got != want {
			t.Errorf("FixC1Controls(U+%04X) = %+q, want %+q", b, got, want)
		}
	}
}

func TestFixLatinLigatures(t *testing.T) {
	run(t, "FixLatinLigatures", FixLatinLigatures, []testCase{
		{"", ""},
		{"ﬂuﬃeﬆ", "fluffiest"},
		{"ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ", "ff fi fl ffi ffl ſt st"},
		{"Ĳsselmeer ĳs", "IJsselmeer ijs"},
		{"ŉ", "ʼn"},
		{"Ǳ ǲ ǳ Ǆ ǅ ǆ Ǉ ǈ ǉ Ǌ ǋ ǌ", "DZ Dz dz DŽ Dž dž LJ Lj lj NJ Nj nj"},
		{"æ œ ﬓ ﬗ Ĵ", "æ œ ﬓ ﬗ Ĵ"}, // not in ftfy's table
		{"caf\xe9 ﬁn", "caf\xe9 fin"},
		{"\xef\xac", "\xef\xac"},
	})
}

func TestFixCharacterWidth(t *testing.T) {
	run(t, "FixCharacterWidth", FixCharacterWidth, []testCase{
		{"", ""},
		{"ＬＯＵＤ　ＮＯＩＳＥＳ", "LOUD NOISES"},
		{"Ｕﾀｰﾝ", "Uターン"},
		{"ｶﾞ", "カ\u3099"}, // per character; NFC joins them later
		{"￠￡￤￥￦", "¢£¦¥₩"},
		{"￨￩￮", "│←○"},
		{"ﾠ", "\u1160"},                  // halfwidth Hangul filler: NFKC gives the jungseong filler
		{"\uffbf\uffef", "\uffbf\uffef"}, // unassigned: NFKC keeps them
		{"全角カタカナ", "全角カタカナ"},
		{"\xef\xbc\xff", "\xef\xbc\xff"},
	})
}

func TestUncurlQuotes(t *testing.T) {
	run(t, "UncurlQuotes", UncurlQuotes, []testCase{
		{"", ""},
		{"“here’s a test”", `"here's a test"`},
		{"\u2018\u2019\u201a\u201b\u02bc", "'''''"},
		{"\u201c\u201d\u201e\u201f", `""""`},
		{"«guillemets» ‹›", "«guillemets» ‹›"},
		{"\u2018\xe2\x80", "'\xe2\x80"},
	})
}

func TestFixLineBreaks(t *testing.T) {
	run(t, "FixLineBreaks", FixLineBreaks, []testCase{
		{"", ""},
		{"unix\nlines\n", "unix\nlines\n"},
		{"one\r\ntwo\rthree\u2028four\u2029five\u0085six", "one\ntwo\nthree\nfour\nfive\nsix"},
		{"\r\r\n\n\r", "\n\n\n\n"},
		{"\r\u0085", "\n\n"},
		{"\xe2\x80\r\xc2", "\xe2\x80\n\xc2"},
	})
}

func TestFixSurrogates(t *testing.T) {
	run(t, "FixSurrogates", FixSurrogates, []testCase{
		{"", ""},
		{"no surrogates 😀", "no surrogates 😀"},
		{"\xed\xa0\xbd\xed\xb8\x80", "😀"},                    // U+D83D U+DE00
		{"\xed\xa0\xbc\xed\xbf\xb4 flag", "\U0001F3F4 flag"}, // U+D83C U+DFF4
		{"\xed\xaf\xbf\xed\xbf\xbf", "\U0010FFFF"},
		{"\xed\xa0\x80\xed\xb0\x80", "\U00010000"},
		{"lone \xed\xa0\xbd.", "lone \uFFFD."},
		{"\xed\xb8\x80\xed\xa0\xbd", "\uFFFD\uFFFD"},        // low then high: no pair
		{"\xed\xa0\xbd\xed\xa0\xbd\xed\xb8\x80", "\uFFFD😀"}, // high high low
		{"\xed\x9f\xbf", "\xed\x9f\xbf"},                    // U+D7FF is a real character
		{"\xed\xa0", "\xed\xa0"},                            // truncated: not a surrogate
		{"\xed\xa0\xbd\xff", "\uFFFD\xff"},
		{"\xff\xfe", "\xff\xfe"},
	})
}

func TestRemoveControlChars(t *testing.T) {
	run(t, "RemoveControlChars", RemoveControlChars, []testCase{
		{"", ""},
		{"tab\tnew\nff\fcr\r", "tab\tnew\nff\fcr\r"},
		{"\x00\x01\x08\x0b\x0e\x1b\x1f\x7fok", "ok"},
		{"\ufeffSometimes, \ufffcbad ideas \u007f\ufffalike these characters\ufffb \u206aget standardized.\r\n",
			"Sometimes, bad ideas like these characters get standardized.\r\n"},
		{"\u206a\u206b\u206c\u206d\u206e\u206f\ufff9\ufffa\ufffb\ufffc", ""},
		{"\u2069\u2070\ufff8\ufffd\u200b\u0085", "\u2069\u2070\ufff8\ufffd\u200b\u0085"},
		{"flag \U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "flag \U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"},
		{"\xff\x00\xfe", "\xff\xfe"},
		{"\xef\xbb", "\xef\xbb"},
	})
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, form, want string }{
		{"cafe\u0301", "NFC", "café"},
		{"café", "NFD", "cafe\u0301"},
		{"ﬁ ①", "NFKC", "fi 1"},
		{"ellipsis…", "NFKC", "ellipsis..."},
		{"Å", "NFKD", "A\u030a"},
		{"cafe\u0301", "", "cafe\u0301"},
		{"cafe\u0301", "nfc", "cafe\u0301"},   // unknown forms change nothing
		{"e\xff\u0301", "NFC", "e\xff\u0301"}, // invalid bytes block composition
		{"\xed\xa0\x80\u00e9", "NFD", "\xed\xa0\x80e\u0301"},
	} {
		if got := Normalize(c.in, c.form); got != c.want {
			t.Errorf("Normalize(%+q, %q) = %+q, want %+q", c.in, c.form, got, c.want)
		}
	}
}

// allFixes lists every fix with its name, in ftfy's pipeline order.
var allFixes = []struct {
	name string
	f    func(string) string
}{
	{"UnescapeHTML", UnescapeHTML},
	{"FixC1Controls", FixC1Controls},
	{"FixLatinLigatures", FixLatinLigatures},
	{"FixCharacterWidth", FixCharacterWidth},
	{"UncurlQuotes", UncurlQuotes},
	{"FixLineBreaks", FixLineBreaks},
	{"FixSurrogates", FixSurrogates},
	{"RemoveTerminalEscapes", RemoveTerminalEscapes},
	{"RemoveControlChars", RemoveControlChars},
	{"NFC", func(s string) string { return Normalize(s, "NFC") }},
	{"NFKD", func(s string) string { return Normalize(s, "NFKD") }},
}

// TestUnchangedNoAlloc checks the performance contract: text with nothing
// to fix comes back as the same string, with no allocation.
func TestUnchangedNoAlloc(t *testing.T) {
	inputs := []string{
		strings.Repeat("Plain ASCII text, with tabs\tand newlines\n; & # [ ] 0123. ", 20),
		"AT&T &notanentity; &#59; [?25l \xff\xed\xa0",
		"Ünïcödé “without” anything to fix? ‹no› — ﬓ 全角",
	}
	for _, fx := range allFixes {
		for _, in := range inputs {
			if in == inputs[2] && (fx.name == "UncurlQuotes" || fx.name == "NFKD") {
				continue // these do change the curly quotes and accents
			}
			got := fx.f(in)
			if got != in {
				// The inputs are meant to need no fixing.
				t.Errorf("%s changed %+q to %+q", fx.name, in, got)
				continue
			}
			if unsafe.StringData(got) != unsafe.StringData(in) {
				t.Errorf("%s(%.20q...) returned a copy", fx.name, in)
			}
			if n := testing.AllocsPerRun(100, func() { fx.f(in) }); n != 0 {
				t.Errorf("%s(%.20q...) allocates %v times, want 0", fx.name, in, n)
			}
		}
	}
}

// TestInvalidUTF8Boundary checks that a byte that is never valid UTF-8
// splits the text: no fix reaches across it, and the byte survives.
func TestInvalidUTF8Boundary(t *testing.T) {
	parts := []string{"&amp", ";", "\x1b[", "1m", "\r", "\n", "e", "\u0301", "\xed\xa0\xbd", "\xed\xb8\x80", "\xef\xac", "\x81", "&#", "65;"}
	for _, fx := range allFixes {
		for _, a := range parts {
			for _, b := range parts {
				got := fx.f(a + "\xff" + b)
				if want := fx.f(a) + "\xff" + fx.f(b); got != want {
					t.Errorf("%s(%+q) = %+q, want %+q", fx.name, a+"\xff"+b, got, want)
				}
			}
		}
	}
}

func TestValidUTF8Out(t *testing.T) {
	in := "&#xD800;&#0;ﬁ\u0085\u0092\ufeff\xed\xa0\xbd\xed\xb8\x80\xed\xb0\x80ｶﾞ"
	for _, fx := range allFixes {
		s := in
		if fx.name != "FixSurrogates" {
			s = FixSurrogates(in)
		}
		if out := fx.f(s); !utf8.ValidString(out) {
			t.Errorf("%s(%+q) = %+q, not valid UTF-8", fx.name, s, out)
		}
	}
}

// TestSkip checks the word-at-a-time scans against a byte loop, for every
// byte value at every position of a 17-byte printable string.
func TestSkip(t *testing.T) {
	base := []byte("abcdefgh ~!@#$%^&")
	for pos := range base {
		for c := 0; c < 256; c++ {
			b := append([]byte(nil), base...)
			b[pos] = byte(c)
			s := string(b)
			wantASCII, wantPrintable := len(s), len(s)
			if c >= 0x80 {
				wantASCII = pos
			}
			if c < 0x20 || c >= 0x7F {
				wantPrintable = pos
			}
			if got := skipASCII(s, 0); got != wantASCII {
				t.Errorf("skipASCII(%q) = %d, want %d", s, got, wantASCII)
			}
			if got := skipPrintable(s, 0); got != wantPrintable {
				t.Errorf("skipPrintable(%q) = %d, want %d", s, got, wantPrintable)
			}
		}
	}
}

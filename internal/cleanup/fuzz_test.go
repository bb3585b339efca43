package cleanup

import (
	"testing"
	"unicode/utf8"
)

// idempotent reports whether applying the fix twice equals applying it once,
// as for ftfy's fix. UnescapeHTML ("&amp;amp;") and RemoveTerminalEscapes
// ("\x1b[\x1b[0mm") are not: each pass can expose a new match.
var idempotent = map[string]bool{
	"FixC1Controls": true, "FixLatinLigatures": true, "FixCharacterWidth": true,
	"UncurlQuotes": true, "FixLineBreaks": true, "FixSurrogates": true,
	"RemoveControlChars": true, "NFC": true, "NFKD": true,
}

func FuzzFixes(f *testing.F) {
	for _, s := range []string{
		"", "plain", "&amp;amp; &#x80; &EACUTE; &#xD800; &#59;", "\x1b[31mred\x1b[0m",
		"It\u0092s \u0085", "ﬂuﬃeﬆ ǆ ŉ", "ＬＯＵＤ　ｶﾞ", "“here’s”", "a\r\nb\rc\u2028",
		"\xed\xa0\xbd\xed\xb8\x80\xed\xa0\xbd", "\ufeff\x00\x7f\u206a\ufffc", "cafe\u0301 \xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		valid := utf8.ValidString(s)
		for _, fx := range allFixes {
			out := fx.f(s)
			if valid && !utf8.ValidString(out) {
				t.Fatalf("%s(%+q) = %+q: valid UTF-8 in, invalid out", fx.name, s, out)
			}
			if out == s {
				continue
			}
			// Removing characters from invalid UTF-8 can join its pieces
			// into new characters ("\xe2" "\x00" "\x81\xaa"), so
			// idempotence is checked on valid text, and on any text for
			// FixSurrogates, which never removes bytes.
			if idempotent[fx.name] && (valid || fx.name == "FixSurrogates") {
				if again := fx.f(out); again != out {
					t.Fatalf("%s not idempotent: %+q -> %+q -> %+q", fx.name, s, out, again)
				}
			}
		}
		// No fix reaches across a byte that is never UTF-8.
		if len(s) > 1 {
			a, b := s[:len(s)/2], s[len(s)/2:]
			for _, fx := range allFixes {
				if got, want := fx.f(a+"\xff"+b), fx.f(a)+"\xff"+fx.f(b); got != want {
					t.Fatalf("%s(%+q) = %+q, want %+q", fx.name, a+"\xff"+b, got, want)
				}
			}
		}
	})
}

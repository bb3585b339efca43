package moji

import (
	"testing"
	"unicode/utf8"
)

func addFuzzSeeds(f *testing.F) {
	for _, s := range []string{
		"", "plain ASCII", "cafÃ©", "itâ€™s", "Japan鈥檚 hopes", "鈥淵es,", "ÄãºÃ", "Ïðèâåò",
		"cafÃƒÂ©", "voilÃ le travail", "鈥 at", "鈥�", "Łódź", "INFORMAÇÃO", "ｶﾀｶﾅ", "├┤a┼┐a",
		"\x80\xff", "a\r\nb", "&amp;", "\x1b[31mred",
	} {
		f.Add(s)
	}
}

// FuzzFix checks the invariants of Fix on any input: no panic, valid
// UTF-8 out for valid UTF-8 in, and a fixed point: Fix(Fix(x)) == Fix(x).
func FuzzFix(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		out := Fix(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Fix(%q) = %q is not valid UTF-8", s, out)
		}
		if again := Fix(out); again != out {
			t.Fatalf("not idempotent: Fix(%q) = %q, Fix of that = %q", s, out, again)
		}
	})
}

// FuzzFtfyCompat checks that the ftfy preset never panics and keeps
// valid UTF-8 valid.
func FuzzFtfyCompat(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		out, plan := FtfyCompat.Fix(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("FtfyCompat.Fix(%q) = %q is not valid UTF-8", s, out)
		}
		if _, err := plan.Apply(s); err != nil {
			t.Fatalf("plan %v does not replay: %v", plan, err)
		}
	})
}

package repair_test

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/repair"
)

// maxFuzzLen bounds the inputs the fuzz target repairs: the search is
// linear in the text, but the fuzzer finds nothing in long inputs that it
// does not find in short ones, and short ones run many times faster.
const maxFuzzLen = 4096

// FuzzRepair checks the invariants Repair must keep on any input: it does
// not panic, valid UTF-8 in gives valid UTF-8 out, and it is idempotent:
// repairing its own output changes nothing and names no layer. Inputs
// that break idempotence are kept in testdata/fuzz/FuzzRepair as
// regression cases.
func FuzzRepair(f *testing.F) {
	for _, s := range cleanTexts {
		f.Add(s)
	}
	for _, c := range slices.Concat(repairCases, knownMisses) {
		damaged, _ := c.build(f)
		f.Add(damaged)
	}
	// Hand-picked corners: lone leads, C1 controls, U+FFFD runs,
	// surrogate-like CESU-8 mojibake, invalid UTF-8.
	for _, s := range []string{
		"", "Ã", "Ã ", "â€", "\u0080\u0081", "\uFFFD\uFFFD?", "í\u00a0½í¸\u008d", "caf\xe9", "\xff\xfe", "鈥檚鈥",
		// Big5's lost leads: "在這" read with U+FFFD (see headless).
		"\uFFFD\uFFFD券\uFFFD\uFFFD鋆∩蝙", "�\uFFFD\uFFFD�瘙箏\uFFFD\uFFFD\uFFFD",
		// Sole readings, once and with a layer below (see soleReading).
		"itâ€™s a cafÃ© crÃ¨me brÃ»lÃ©e", "Ã£Â\u0081Å’Ã£Æ’Â¡Ã£Æ’Â¼Ã£Æ’Â« x", "◊î◊ô◊ô◊©◊ï◊ù ◊ú÷ælibpam",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxFuzzLen {
			return
		}
		got, layers := repair.Repair(s, allOptions)
		if !utf8.ValidString(s) {
			return // no promise beyond not panicking
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Repair(%q) = %q: invalid UTF-8 %s", s, got, describe(layers))
		}
		if len(layers) == 0 && got != s {
			t.Fatalf("Repair(%q) = %q with no layers", s, got)
		}
		again, more := repair.Repair(got, allOptions)
		if again != got || len(more) != 0 {
			t.Fatalf("Repair is not idempotent on %q:\n  once  %q %s\n  twice %q %s", s, got, describe(layers), again, describe(more))
		}
	})
}

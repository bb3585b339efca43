package moji

import (
	"flag"
	"strings"
	"testing"
)

// Benchmarks per class of input, for "go test -bench Fix -count 10" and
// benchstat. Each reports bytes per second (b.SetBytes) and allocations;
// bench/run.sh runs them and BENCHMARKS.md records the figures and the
// targets: clean ASCII ≥ 2 GB/s with no allocation, clean multilingual
// UTF-8 ≥ 1 GB/s, Latin mojibake ≥ 50 MB/s, CJK mojibake ≥ 20 MB/s. The
// adversarial inputs have no target of their own: compare their cost per
// byte with clean text's.

// benchSize is the size of each generated input of a class.
const benchSize = 256 << 10

// advSize is the size of the long adversarial inputs; bench/run.sh sets
// it to the 16 MB of the targets, which take minutes while the engine is
// slow on them.
var advSize = flag.Int("moji.advsize", 1<<20, "size in bytes of the long adversarial benchmark inputs")

// repeatTo repeats s, a line at a time, to about n bytes.
func repeatTo(s string, n int) string {
	return strings.Repeat(s, max(1, n/len(s)))
}

var benchInputs = []struct{ name, text string }{
	{"CleanASCII", repeatTo("The quick brown fox jumps over the lazy dog; it's 10 o'clock.\n", benchSize)},
	{"CleanUTF8", repeatTo("Crème brûlée for 10 €. Москва — столица. 東京は日本の首都です。 Ελληνικά κείμενα.\n", benchSize)},
	{"LatinMojibake", repeatTo("The cafÃ© servesÂ crÃ¨me brÃ»lÃ©e; itâ€™s â€œgoodâ€\x9d.\n", benchSize)},
	{"CJKMojibake", repeatTo("Japan鈥檚 鈥渂est鈥� food. ¦b status ©R¥Oªº¿é¥X¤¤¡A Åã¥Ü§¹¾ãªº³æ¤¸¦WºÙ\n", benchSize)},
}

func BenchmarkFixClass(b *testing.B) {
	// Besides the made-up lines above, the dev-set slice as documents:
	// every case's original, one a line (correct text of some twenty
	// languages, which a corpus mostly is), and every damaged text.
	// The damaged texts are also taken by kind: UTF-8 read through a
	// single-byte page (once, stacked, or with lost bytes), through a
	// double-byte page, and legacy text shown through a Latin page.
	var clean, damaged, latin, cjk, legacy strings.Builder
	for _, c := range loadDevCases(b, "testdata/mojibake-dev/slice.jsonl") {
		clean.WriteString(c.Original + "\n")
		if c.Broken == c.Original {
			continue
		}
		damaged.WriteString(c.Broken + "\n")
		switch devClass(c.Kind) {
		case "latin":
			latin.WriteString(c.Broken + "\n")
		case "cjk":
			cjk.WriteString(c.Broken + "\n")
		case "legacy":
			legacy.WriteString(c.Broken + "\n")
		}
	}
	inputs := append(benchInputs[:len(benchInputs):len(benchInputs)],
		struct{ name, text string }{"CleanDevLines", clean.String()},
		struct{ name, text string }{"DamagedDevLines", damaged.String()},
		struct{ name, text string }{"LatinDevLines", latin.String()},
		struct{ name, text string }{"CJKDevLines", cjk.String()},
		struct{ name, text string }{"LegacyDevLines", legacy.String()},
	)
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.text)))
			b.ReportAllocs()
			for b.Loop() {
				Default.FixString(in.text)
			}
		})
	}
}

// devClass names the class of a dev-set kind of damage: "latin" for
// UTF-8 read through a single-byte page ("utf8-as-windows-1250",
// "double-utf8-as-windows-1252", "lossy-utf8-as-windows-1252-…"), "cjk"
// for UTF-8 read through a double-byte page, "legacy" for text in a
// legacy charset shown through another ("gbk-as-latin-1",
// "koi8-r-as-cp1251"), and "" for the rest (clean, partial).
func devClass(kind string) string {
	switch {
	case strings.HasPrefix(kind, "clean"), strings.HasPrefix(kind, "partial"):
		return ""
	case !strings.Contains(kind, "utf8-as-"):
		return "legacy"
	}
	for _, page := range []string{"gbk", "gb18030", "big5", "shift_jis", "euc-jp", "euc-kr"} {
		if strings.Contains(kind, "utf8-as-"+page) {
			return "cjk"
		}
	}
	return "latin"
}

// BenchmarkFixAdversarial times inputs built to be slow: one 16 MB line
// of mojibake (no line ends to segment at), 16 MB of "Ã", alternating
// scripts, every byte value (as a string, invalid UTF-8 included),
// mojibake encoded again and again, and one line of Chinese read through
// Big5 with each lost byte a U+FFFD, where most characters lost bytes and
// every one is weighed among its candidates (256 KB: the plan keeps
// every lost character's alternatives for the whole line, and at
// -moji.advsize 16 MB they would take gigabytes).
func BenchmarkFixAdversarial(b *testing.B) {
	big := *advSize
	var all strings.Builder
	for range max(1, benchSize/256) {
		for c := range 256 {
			all.WriteByte(byte(c))
		}
	}
	deep := "café — it’s “fine”"
	for range 4 {
		deep = latin1Mojibake(deep)
	}
	inputs := []struct {
		name string
		text string
	}{
		{"LongLineMojibake", repeatTo("The cafÃ© servesÂ crÃ¨me brÃ»lÃ©e; itâ€™s good. ", big)},
		{"RepeatedA", strings.Repeat("Ã", big/2)},
		{"AlternatingScripts", repeatTo("aЖ中éБ語ü字Ωß", benchSize)},
		{"EveryByte", all.String()},
		{"DeepLayers", repeatTo(deep+"\n", benchSize)},
		// "我們來決定在這裡使用那種方法。" read as Big5.
		{"LostBig5", repeatTo("������靘�瘙箏����券��鋆∩蝙��券��蝔格�寞�����", benchSize)},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.text)))
			b.ReportAllocs()
			for b.Loop() {
				Default.FixString(in.text)
			}
		})
	}
}

// latin1Mojibake encodes s in UTF-8 and decodes the bytes as Latin-1,
// adding one layer of mojibake.
func latin1Mojibake(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

// BenchmarkFixPlan compares the cost of asking for the plan (Config.Fix)
// with FixString on mojibake: "moji fix --stats" asks for plans of the
// changed fields only.
func BenchmarkFixPlan(b *testing.B) {
	line := "The cafÃ© servesÂ crÃ¨me brÃ»lÃ©e; itâ€™s â€œgoodâ€\x9d."
	b.Run("FixString", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		for b.Loop() {
			Default.FixString(line)
		}
	})
	b.Run("Fix", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		for b.Loop() {
			Default.Fix(line)
		}
	})
}

// BenchmarkPresetDevLines runs each preset over the dev-set slice, damaged
// and correct lines alike: the ftfy presets decide as ftfy does (see
// Config.DecideLikeFtfy), the default preset by its search.
func BenchmarkPresetDevLines(b *testing.B) {
	var lines []string
	n := 0
	for _, c := range loadDevCases(b, "testdata/mojibake-dev/slice.jsonl") {
		lines = append(lines, c.Broken+"\n", c.Original+"\n")
		n += len(c.Broken) + len(c.Original) + 2
	}
	for _, p := range []struct {
		name string
		cfg  Config
	}{{"Default", Default}, {"FtfyCompat", FtfyCompat}, {"EncodingOnly", EncodingOnly}} {
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				for _, l := range lines {
					p.cfg.FixString(l)
				}
			}
		})
	}
}

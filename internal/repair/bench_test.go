package repair_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/mojitext/moji/internal/repair"
)

// benchRepair repairs each text once per iteration, reporting bytes of
// input per second and allocations.
func benchRepair(b *testing.B, texts []string) {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			repair.Repair(t, allOptions)
		}
	}
}

// damageAll applies one step to each text.
func damageAll(b *testing.B, st step, texts ...string) []string {
	var out []string
	for _, s := range texts {
		_, d := damage(b, s, st)
		out = append(out, d)
	}
	return out
}

// BenchmarkCleanASCII is the fast path: no byte above 0x7F.
func BenchmarkCleanASCII(b *testing.B) {
	benchRepair(b, []string{strings.Repeat("The quick brown fox jumps over the lazy dog. ", 20)})
}

// BenchmarkCleanMultilingual is correct text of many scripts, which every
// hypothesis must look at and reject.
func BenchmarkCleanMultilingual(b *testing.B) {
	benchRepair(b, cleanTexts)
}

// BenchmarkLatinMojibake is UTF-8 read as windows-1252 ("cafÃ©").
func BenchmarkLatinMojibake(b *testing.B) {
	benchRepair(b, damageAll(b, u8("sloppy-windows-1252"), french, german, spanish, portuguese, english, russian))
}

// BenchmarkCJKMojibake is UTF-8 read as GBK and Shift_JIS ("Japan鈥檚",
// "ﾃｩ").
func BenchmarkCJKMojibake(b *testing.B) {
	texts := damageAll(b, u8("gbk"), englishApos, french, polish, russian)
	texts = append(texts, damageAll(b, u8("shift_jis"), englishApos, german)...)
	benchRepair(b, texts)
}

// BenchmarkLegacyAsLatin is text in a legacy charset shown as
// windows-1252 ("ÄãºÃ" for "你好").
func BenchmarkLegacyAsLatin(b *testing.B) {
	var texts []string
	for _, c := range []struct{ enc, text string }{
		{"gbk", chinese}, {"big5", chineseT}, {"shift_jis", japanese}, {"euc-kr", korean},
		{"windows-1251", russian}, {"koi8-r", russian}, {"windows-1253", greek},
	} {
		texts = append(texts, damageAll(b, legacy(c.enc, "sloppy-windows-1252"), c.text)...)
	}
	benchRepair(b, texts)
}

// devTexts reads the damaged and clean texts of the dev-set slice kept in
// testdata.
func devTexts(tb testing.TB) (damaged, clean []string) {
	tb.Helper()
	f, err := os.Open("../../testdata/mojibake-dev/slice.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c struct{ Kind, Broken string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			tb.Fatal(err)
		}
		if strings.HasPrefix(c.Kind, "clean") {
			clean = append(clean, c.Broken)
		} else {
			damaged = append(damaged, c.Broken)
		}
	}
	return damaged, clean
}

// BenchmarkRepairDamaged is every damaged case of the dev-set slice.
func BenchmarkRepairDamaged(b *testing.B) {
	damaged, _ := devTexts(b)
	benchRepair(b, damaged)
}

// BenchmarkRepairClean is every clean case of the dev-set slice.
func BenchmarkRepairClean(b *testing.B) {
	_, clean := devTexts(b)
	benchRepair(b, clean)
}

package repair

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

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

var defaultOptions = Options{RestoreByteA0: true, LossySequences: true, Islands: true, Legacy: true, InferLost: true}

func benchTexts(b *testing.B, texts []string) {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Repair(t, defaultOptions)
		}
	}
}

func BenchmarkRepairDamaged(b *testing.B) {
	damaged, _ := devTexts(b)
	benchTexts(b, damaged)
}

func BenchmarkRepairClean(b *testing.B) {
	_, clean := devTexts(b)
	benchTexts(b, clean)
}

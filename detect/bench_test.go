package detect

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// charDataset is charset-normalizer's accuracy corpus, read in place: it
// has no licence, so it is never copied into the project.
const charDataset = "/work/shared/testdata/char-dataset"

// loadCorpus returns the files under dir, skipping the test when dir is
// absent.
func loadCorpus(tb testing.TB, dir string) map[string][]byte {
	tb.Helper()
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("%s not available", dir)
	}
	files := map[string][]byte{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Dir(path) == dir {
			return nil
		}
		b, err := os.ReadFile(path)
		if err == nil {
			files[path] = b
		}
		return nil
	})
	return files
}

func BenchmarkCharDataset(b *testing.B) {
	files := loadCorpus(b, charDataset)
	var total int64
	for _, f := range files {
		total += int64(len(f))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			Bytes(f)
		}
	}
}

package detect

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mojitext/moji/internal/codec"
)

// detectDev is the short- and medium-text development set, read in place.
const detectDev = "/work/shared/testdata/detect-dev"

// canonical reduces a charset name, ours or Python's, to one spelling, so
// that the answer and the folder name can be compared.
func canonical(name string) string {
	switch name {
	case Binary, "None", "none":
		return Binary
	case "hz":
		return HZ
	}
	if c, ok := codec.ByName(name); ok {
		return c.Name()
	}
	if f := datasetCharset(name); f != name {
		return f
	}
	return strings.ToLower(name)
}

// supersetsOK lists, for a true charset, the answers the lenient rule of
// the shared scorer (tools/detect_score.py) also accepts: a superset, or
// the sibling that is conflated with it in practice.
var supersetsOK = map[string][]string{
	"ascii":        {UTF8, "windows-1252", "iso-8859-1"},
	"iso-8859-1":   {"windows-1252"},
	"windows-1252": {"iso-8859-1"},
	"iso-8859-9":   {"windows-1254"},
	"windows-1254": {"iso-8859-9"},
	"iso-8859-8":   {"windows-1255"},
	"windows-1255": {"iso-8859-8"},
	"gb2312":       {"gbk", "gb18030"},
	"gbk":          {"gb18030"},
	"euc-kr":       {"cp949"},
	"shift_jis":    {"cp932"},
	"big5":         {"cp950"},
	"tis-620":      {"windows-874"},
	UTF16:          {UTF16LE, UTF16BE},
	UTF16LE:        {UTF16},
	UTF16BE:        {UTF16},
	UTF32:          {UTF32LE, UTF32BE},
	UTF32LE:        {UTF32},
	UTF32BE:        {UTF32},
}

// tally counts the answers that are right by the three rules of the shared
// scorer: strict (the true charset), lenient (or an accepted superset or
// sibling, or "ascii" for 7-bit text in an ASCII-compatible charset) and
// equiv (or a charset that decodes to at least 98% the same characters).
type tally struct{ n, strict, lenient, equiv int }

func (t *tally) add(b []byte, folder, got string) {
	t.n++
	want := canonical(folder)
	got = canonical(got)
	switch {
	case got == want:
		t.strict++
		t.lenient++
		t.equiv++
		return
	case contains(supersetsOK[want], got),
		got == ASCII && want != Binary && !strings.HasPrefix(want, "utf-16") && !strings.HasPrefix(want, "utf-32") &&
			bytes.IndexFunc(b, func(r rune) bool { return r >= 0x80 || r == 0xFFFD }) < 0:
		t.lenient++
	}
	if want == Binary || got == Binary {
		return
	}
	ws, _, err1 := Decode(b, want)
	gs, _, err2 := Decode(b, got)
	if err1 == nil && err2 == nil && sameText(ws, gs) {
		t.equiv++
	}
}

// sameText reports whether at least 98% of the characters of a and b agree
// position by position.
func sameText(a, b string) bool {
	ra, rb := []rune(strings.TrimPrefix(a, "\uFEFF")), []rune(strings.TrimPrefix(b, "\uFEFF"))
	n := max(len(ra), len(rb))
	if n == 0 {
		return true
	}
	same := 0
	for i := range min(len(ra), len(rb)) {
		if ra[i] == rb[i] {
			same++
		}
	}
	return same*100 >= n*98
}

func (t tally) pct(k int) float64 { return 100 * float64(k) / float64(max(t.n, 1)) }

// TestAccuracyFloors runs detection over both shared data sets, when they
// are present, and fails if accuracy drops below the levels reached so far.
// The floors are regression guards, not targets; neither set was used to
// fit any statistic.
func TestAccuracyFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("reads two data sets")
	}
	tests := []struct {
		dir                    string
		strict, lenient, equiv float64
		bucket                 string // a size bucket with its own equiv floor
		bucketEquiv            float64
	}{
		{charDataset, 96, 98, 99.5, "", 0},
		{detectDev, 75.5, 79, 97, "s0032", 95},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.dir), func(t *testing.T) {
			files := loadCorpus(t, tt.dir)
			var all, bucket tally
			for path, b := range files {
				folder := filepath.Base(filepath.Dir(path))
				got := Bytes(b).Encoding
				all.add(b, folder, got)
				if tt.bucket != "" && strings.HasPrefix(filepath.Base(path), tt.bucket+"-") {
					bucket.add(b, folder, got)
				}
			}
			t.Logf("%d files: strict %.1f%% lenient %.1f%% equiv %.1f%%", all.n,
				all.pct(all.strict), all.pct(all.lenient), all.pct(all.equiv))
			if all.pct(all.strict) < tt.strict || all.pct(all.lenient) < tt.lenient || all.pct(all.equiv) < tt.equiv {
				t.Errorf("accuracy below the floors %.1f / %.1f / %.1f", tt.strict, tt.lenient, tt.equiv)
			}
			if tt.bucket != "" {
				t.Logf("%s: %d files, equiv %.1f%%", tt.bucket, bucket.n, bucket.pct(bucket.equiv))
				if bucket.pct(bucket.equiv) < tt.bucketEquiv {
					t.Errorf("%s equiv below the floor %.1f", tt.bucket, tt.bucketEquiv)
				}
			}
		})
	}
}

package cleanup

import (
	"strings"
	"testing"
)

var (
	// benchASCII is clean English: nothing to fix, the common case.
	benchASCII = strings.Repeat("The quick brown fox jumps over the lazy dog; it's 42 degrees & sunny.\n", 60)
	// benchMixed has something for every fix on each line.
	benchMixed = strings.Repeat("Caf\u00e9 &amp; cr\u00e8me br\u00fbl\u00e9e \u201cﬁne\u201d it\u2019s \u0085 "+
		"ＦＵＬＬ\u3000width \x1b[1mbold\x1b[0m\ufeff\r\n", 30)
)

func BenchmarkFixes(b *testing.B) {
	for _, input := range []struct{ name, s string }{{"ASCII", benchASCII}, {"Mixed", benchMixed}} {
		for _, fx := range allFixes {
			b.Run(input.name+"/"+fx.name, func(b *testing.B) {
				b.SetBytes(int64(len(input.s)))
				b.ReportAllocs()
				for b.Loop() {
					fx.f(input.s)
				}
			})
		}
	}
}

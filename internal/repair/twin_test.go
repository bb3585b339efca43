package repair

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/plausible"
)

// twinTexts are the dev set's texts, each also read through GBK and
// GB18030 as UTF-8 with every loss a decoder may leave, and random strings
// of hanzi, mojibake, Latin, U+FFFD and characters GBK cannot encode.
func twinTexts(t *testing.T) []string {
	texts := cleanTextsInternal(t)
	var damaged []string
	for _, s := range texts {
		for _, name := range []string{"gbk", "gb18030"} {
			cs := mustCharset(name)
			for _, loss := range []codec.Loss{codec.Drop, codec.ReplaceFFFD} {
				d, _ := codec.DecodeString(cs, []byte(s), loss)
				damaged = append(damaged, d)
			}
		}
	}
	texts = append(texts, damaged...)
	pool := []string{"中", "文", "鈥", "檚", "檛", "锟", "斤", "拷", "茅", "矇", "é", "ü", "ß", "ж", "Ω", "\uFFFD", "€", "😀", "ｶ", "", "’", " ", " ", "a", "b", "?", ".", "\u00a0", "ǹ", "ḿ", "\ue5e5", "\U00020000"}
	rng := rand.New(rand.NewSource(6))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.Intn(24) {
			b.WriteString(pool[rng.Intn(len(pool))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestReadsAsGBK holds readsAsGBK to its definition, rune by rune of the
// two encoders.
func TestReadsAsGBK(t *testing.T) {
	for _, s := range twinTexts(t) {
		want := true
		for _, r := range s {
			if r < utf8.RuneSelf || r == utf8.RuneError {
				continue
			}
			x, okX := gbkWrong.encodeRune(nil, r)
			y, okY := gb18030Wrong.encodeRune(nil, r)
			if !okX || !okY || string(x) != string(y) {
				want = false
			}
		}
		if got := readsAsGBK(s); got != want {
			t.Fatalf("readsAsGBK(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestGB18030Twin holds GB18030's reading borrowed from GBK's islands to
// the reading worked out afresh, on texts where readsAsGBK holds, with
// each decoder settled or none, and with and without lossy sequences.
func TestGB18030Twin(t *testing.T) {
	borrowed, outcomes := 0, 0
	opts := []Options{allOptionsInternal, {RestoreByteA0: true, Islands: true}, {LossySequences: true, Islands: true, InferLost: false}}
	for _, s := range twinTexts(t) {
		if !utf8.ValidString(s) || len(s) > window {
			continue
		}
		for _, opt := range opts {
			for _, settled := range []string{"", "gbk", "gb18030"} {
				setup := func() *scratch {
					sc := getScratch()
					sc.langsOf = s
					sc.settled, sc.settledOf = settled, s
					return sc
				}
				ref := setup()
				want := undoUTF8(ref, s, gb18030Wrong, opt, true)
				sc := setup()
				undoUTF8(sc, s, gbkWrong, opt, true)
				sc.langs, sc.langsOf = nil, s
				clear(sc.gains)
				twin := sc.twinValid && sc.twinOf == s && settled != "gb18030" && readsAsGBK(s)
				got := undoUTF8(sc, s, gb18030Wrong, opt, true)
				if twin {
					borrowed++
				}
				if want != nil {
					outcomes++
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%q, %+v, settled %q: borrowed %v\n got %+v\nwant %+v", s, opt, settled, twin, got, want)
				}
				putScratch(ref)
				putScratch(sc)
			}
		}
	}
	if borrowed == 0 || outcomes == 0 {
		t.Fatalf("borrowed %d readings, %d outcomes", borrowed, outcomes)
	}
	t.Logf("borrowed %d readings; %d outcomes", borrowed, outcomes)
}

// TestPairsBefore holds the columns of pairs to its rows, on every
// double-byte page and the pages whose pairs they borrow.
func TestPairsBefore(t *testing.T) {
	for _, w := range append(doubleBytePages, gbkWrong) {
		for y := range 256 {
			col := w.pairsBefore(byte(y))
			for x := range 256 {
				if got, want := col[x>>6]&(1<<(x&63)) != 0, w.pairs(byte(x), byte(y)); got != want {
					t.Fatalf("%s: pairsBefore(%#x) has %#x: %v, pairs says %v", w.name(), y, x, got, want)
				}
			}
		}
	}
}

// TestWritableTable holds writable's table to the rune's class and cost,
// as writable read them for every candidate, for every rune up to U+FFFF.
func TestWritableTable(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		want := !(!isCJKRune(r) && plausible.RuneCost(r) >= 14 || plausible.ClassOf(r) == plausible.Format)
		if got := writableOf(r); got != want {
			t.Fatalf("writableOf(%U) = %v, want %v", r, got, want)
		}
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		buf := utf8.AppendRune(nil, r)
		if got, ok := writable(buf); got != r || ok != (want && r != utf8.RuneError) {
			t.Fatalf("writable(% X) = %U %v, want %v", buf, got, ok, want)
		}
	}
}

package codec

import (
	"strings"
	"testing"
)

var (
	benchEnglish = strings.Repeat("Japan’s “Yes” — the café’s naïve résumé, 10 € … ", 64)
	benchChinese = strings.Repeat("北约秘书长在东京表示，日本是北约最亲密的伙伴之一。", 64)
)

func benchDecode(b *testing.B, c Charset, p []byte, loss Loss) {
	b.SetBytes(int64(len(p)))
	b.ReportAllocs()
	buf := make([]byte, 0, 4*len(p))
	for b.Loop() {
		buf, _ = AppendDecodeString(buf[:0], c, p, loss)
	}
}

func benchEncode(b *testing.B, c Charset, s string) {
	if _, ok := EncodeString(c, s); !ok {
		b.Fatal("not encodable")
	}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	buf := make([]byte, 0, 2*len(s))
	for b.Loop() {
		buf, _ = AppendEncodeString(buf[:0], c, s)
	}
}

// UTF-8 read as sloppy windows-1252 ("itâ€™s"): the classic mojibake, and undoing it.
func BenchmarkDecodeSloppy1252(b *testing.B) {
	benchDecode(b, SloppyWindows1252, []byte(benchEnglish), Strict)
}

func BenchmarkEncodeSloppy1252(b *testing.B) {
	s, _ := DecodeString(SloppyWindows1252, []byte(benchEnglish), Strict)
	benchEncode(b, SloppyWindows1252, s)
}

func BenchmarkDecodeByte(b *testing.B) {
	p := []byte(benchEnglish)
	b.SetBytes(int64(len(p)))
	var sum rune
	for b.Loop() {
		for _, c := range p {
			r, _ := Windows1252.DecodeByte(c)
			sum += r
		}
	}
	_ = sum
}

func BenchmarkEncodeRune(b *testing.B) {
	s, _ := DecodeString(SloppyWindows1252, []byte(benchEnglish), Strict)
	rs := []rune(s)
	b.SetBytes(int64(len(rs)))
	var sum byte
	for b.Loop() {
		for _, r := range rs {
			c, _ := SloppyWindows1252.EncodeRune(r)
			sum += c
		}
	}
	_ = sum
}

// UTF-8 English read as GBK ("Japan鈥檚"), lossy: the flagship damage.
func BenchmarkDecodeGBKMojibake(b *testing.B) {
	benchDecode(b, GBK, []byte(benchEnglish), Drop)
}

func BenchmarkDecodeGBKChinese(b *testing.B) {
	p, _ := EncodeString(GBK, benchChinese)
	benchDecode(b, GBK, p, Strict)
}

func BenchmarkEncodeGBKChinese(b *testing.B) {
	benchEncode(b, GBK, benchChinese)
}

func BenchmarkEncodeGBKMojibake(b *testing.B) {
	s, _ := DecodeString(GBK, []byte(benchEnglish), Drop)
	benchEncode(b, GBK, s)
}

func BenchmarkDecodeGB18030FourByte(b *testing.B) {
	p, _ := EncodeString(GB18030, strings.Repeat("Ελληνικά Русский ✓ 😀 ", 64))
	benchDecode(b, GB18030, p, Strict)
}

func BenchmarkEncodeGB18030FourByte(b *testing.B) {
	benchEncode(b, GB18030, strings.Repeat("Ελληνικά Русский ✓ 😀 ", 64))
}

// Building a multi-byte charset's tables, paid once on first use.
func BenchmarkBuildTables(b *testing.B) {
	for _, c := range []*MultiByte{GBK, GB18030, Big5HKSCS, CP932, EUCKR} {
		b.Run(c.Name(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fresh := &MultiByte{name: c.name, maxLen: c.maxLen, asciiSingle: c.asciiSingle, data: c.data}
				fresh.tables()
			}
		})
	}
}

package detect

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/codec"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// encode returns s in the named legacy charset; the test fails if it cannot.
func encode(t testing.TB, name, s string) []byte {
	t.Helper()
	c, ok := codec.ByName(name)
	if !ok {
		t.Fatalf("no charset %s", name)
	}
	b, ok := codec.EncodeString(c, s)
	if !ok {
		t.Fatalf("%q is not encodable in %s", s, name)
	}
	return b
}

// accepted lists, for a true encoding, the answers that decode every text
// of the test identically (sibling pages on text that avoids their
// differences).
var accepted = map[string][]string{
	"iso-8859-1":   {"windows-1252", "iso-8859-15"},
	"windows-1252": {"iso-8859-1", "iso-8859-15"},
	"iso-8859-15":  {"iso-8859-1", "windows-1252"},
	"iso-8859-7":   {"windows-1253"},
	"windows-1253": {"iso-8859-7"},
	"iso-8859-9":   {"windows-1254"},
	"windows-1254": {"iso-8859-9"},
	"iso-8859-8":   {"windows-1255"},
	"windows-1255": {"iso-8859-8"},
	"windows-1257": {"iso-8859-13"},
	"iso-8859-13":  {"windows-1257"},
	"tis-620":      {"windows-874"},
	"gbk":          {"gb2312"},
	"cp949":        {"euc-kr"},
	"cp932":        {"shift_jis"},
	"cp950":        {"big5"},
}

func TestLegacy(t *testing.T) {
	tests := []struct {
		charset, lang, text string
	}{
		{"windows-1252", "fr", "Le cœur a ses raisons que la raison ne connaît point. « Ça va ? »"},
		{"iso-8859-1", "de", "Die Würde des Menschen ist unantastbar. Sie zu achten und zu schützen ist Verpflichtung."},
		{"windows-1250", "pl", "Zażółć gęślą jaźń. Wszyscy ludzie rodzą się wolni i równi pod względem swej godności."},
		{"iso-8859-2", "cs", "Všichni lidé rodí se svobodní a sobě rovní co do důstojnosti a práv. Příliš žluťoučký kůň."},
		{"windows-1251", "ru", "Все люди рождаются свободными и равными в своем достоинстве и правах."},
		{"koi8-r", "ru", "Все люди рождаются свободными и равными в своем достоинстве и правах."},
		{"ibm866", "ru", "Все люди рождаются свободными и равными в своем достоинстве и правах."},
		{"iso-8859-5", "ru", "Все люди рождаются свободными и равными в своем достоинстве и правах."},
		{"windows-1253", "el", "Όλοι οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι στην αξιοπρέπεια και τα δικαιώματα."},
		{"windows-1255", "he", "כל בני האדם נולדו בני חורין ושווים בערכם ובזכויותיהם."},
		{"windows-1256", "ar", "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق."},
		{"windows-1254", "tr", "Bütün insanlar hür, haysiyet ve haklar bakımından eşit doğarlar. Akıl ve vicdana sahiptirler."},
		{"tis-620", "th", "มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอภาคกันในเกียรติศักดิ์และสิทธิ"},
		{"shift_jis", "ja", "すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。"},
		{"euc-jp", "ja", "すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。"},
		{"gb2312", "zh", "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。"},
		{"big5", "zh", "人人生而自由，在尊嚴和權利上一律平等。他們賦有理性和良心，並應以兄弟關係的精神相對待。"},
		{"euc-kr", "ko", "모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다."},
	}
	for _, tt := range tests {
		t.Run(tt.charset, func(t *testing.T) {
			res := Bytes(encode(t, tt.charset, tt.text))
			if res.Encoding != tt.charset && !contains(accepted[tt.charset], res.Encoding) {
				t.Errorf("Bytes(%s text) = %s (%.2f), want %s", tt.charset, res.Encoding, res.Confidence, tt.charset)
			}
			if res.Language != tt.lang {
				t.Errorf("Bytes(%s text).Language = %q, want %q", tt.charset, res.Language, tt.lang)
			}
			checkResult(t, res)
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestStructure(t *testing.T) {
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("Привет, мир! Как дела?"))
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("Hello, world, this is plain text."))
	utf16bom, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("Hello"))
	utf32be, _ := utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM).NewEncoder().Bytes([]byte("日本語のテキストです。"))
	utf32bom, _ := utf32.UTF32(utf32.LittleEndian, utf32.UseBOM).NewEncoder().Bytes([]byte("Hi"))
	jis, _ := japanese.ISO2022JP.NewEncoder().Bytes([]byte("日本語のテキスト"))
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, ASCII},
		{"ascii", []byte("plain text, nothing else\n"), ASCII},
		{"utf-8", []byte("naïve café, ÿ"), UTF8},
		{"utf-8 one char", []byte("héllo world!"), UTF8},
		{"utf-8 bom", []byte("\xEF\xBB\xBFabc"), UTF8},
		{"utf-16le no bom", utf16le, UTF16LE},
		{"utf-16be no bom", utf16be, UTF16BE},
		{"utf-16 bom", utf16bom, UTF16},
		{"utf-32be no bom", utf32be, UTF32BE},
		{"utf-32 bom", utf32bom, UTF32},
		{"iso-2022-jp", jis, ISO2022JP},
		{"hz", []byte("~{<:Ky2;S{#,NpJ)l6HK!#~}Bye."), HZ},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Binary},
		{"gzip", []byte{0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3}, Binary},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3"), Binary},
		{"nul-heavy", bytes.Repeat([]byte{0x13, 0, 0xC4, 0xFF, 0, 0, 0xE8, 0x03}, 16), Binary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Bytes(tt.in)
			if res.Encoding != tt.want {
				t.Errorf("Bytes(%q) = %s, want %s", tt.in, res.Encoding, tt.want)
			}
			checkResult(t, res)
			r, err := Reader(bytes.NewReader(tt.in))
			if err != nil || r.Encoding != res.Encoding {
				t.Errorf("Reader = %s, %v; Bytes = %s", r.Encoding, err, res.Encoding)
			}
		})
	}
}

// TestReaderLateHigh checks that Reader looks past an ASCII prefix.
func TestReaderLateHigh(t *testing.T) {
	in := append(bytes.Repeat([]byte("ascii line\n"), 20000), encode(t, "windows-1251", "Привет, как дела у вас сегодня?")...)
	res, err := Reader(bytes.NewReader(in))
	if err != nil || res.Encoding != "windows-1251" {
		t.Errorf("Reader = %s, %v; want windows-1251", res.Encoding, err)
	}
}

// checkResult checks the invariants of any Result.
func checkResult(t testing.TB, res Result) {
	t.Helper()
	if res.Encoding == "" || res.Confidence < 0 || res.Confidence > 1 {
		t.Errorf("invalid result %+v", res)
	}
	if res.Encoding != Binary {
		if _, _, err := Decode(nil, res.Encoding); err != nil {
			t.Errorf("Decode cannot use %q: %v", res.Encoding, err)
		}
	}
	for _, a := range res.Alternatives {
		if a.Encoding == "" || a.Confidence < 0 || a.Confidence > 1 {
			t.Errorf("invalid alternative %+v", a)
		}
	}
}

func FuzzBytes(f *testing.F) {
	f.Add([]byte("hello"))
	f.Add([]byte("\xff\xfeh\x00"))
	f.Add([]byte("\x1b$B$3\x1b(B"))
	f.Add([]byte("caf\xe9"))
	f.Add([]byte("\x82\xa0\x82\xa2"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res := Bytes(b)
		checkResult(t, res)
		if res.Encoding != Binary {
			s, _, _ := Decode(b, res.Encoding)
			if !utf8.ValidString(s) {
				t.Errorf("Decode(%q, %s) is not UTF-8", b, res.Encoding)
			}
		}
	})
}

// datasetCharset maps a char-dataset folder (a Python codec name) to the
// name Decode knows it by.
func datasetCharset(folder string) string {
	switch folder {
	case "utf_16":
		return UTF16
	case "utf_32":
		return UTF32
	case "utf_16_le":
		return UTF16LE
	case "utf_16_be":
		return UTF16BE
	case "utf_32_le":
		return UTF32LE
	case "utf_32_be":
		return UTF32BE
	case "utf_8":
		return UTF8
	case "iso2022_jp":
		return ISO2022JP
	case "iso2022_kr":
		return ISO2022KR
	}
	return folder // codec.ByName knows Python's names
}

// TestDecodeDataset decodes every text file of the char-dataset with the
// detected charset and checks that the result is valid UTF-8 equal to the
// text decoded with the true charset, whenever the detected charset names
// the same text (the test runs only where /work/shared is present).
func TestDecodeDataset(t *testing.T) {
	files := loadCorpus(t, charDataset)
	right := 0
	for path, b := range files {
		folder := filepath.Base(filepath.Dir(path))
		if folder == "None" {
			if res := Bytes(b); res.Encoding != Binary {
				t.Logf("%s: binary file detected as %s", path, res.Encoding)
			}
			continue
		}
		want, _, err := Decode(b, datasetCharset(folder))
		if err != nil {
			t.Fatalf("%s: cannot decode with its true charset: %v", path, err)
		}
		res := Bytes(b)
		got, _, err := Decode(b, res.Encoding)
		if err != nil { // a miss: text detected as binary
			t.Logf("%s: detected %s: %v", path, res.Encoding, err)
			continue
		}
		if !utf8.ValidString(got) {
			t.Errorf("%s: decoding as %s is not valid UTF-8", path, res.Encoding)
		}
		if strings.TrimPrefix(got, "\uFEFF") == strings.TrimPrefix(want, "\uFEFF") {
			right++
		} else if res.Encoding == datasetCharset(folder) {
			t.Errorf("%s: detected correctly as %s but decodes differently", path, res.Encoding)
		}
	}
	if len(files) > 0 && right*100 < len(files)*90 {
		t.Errorf("only %d of %d files decode to their true text", right, len(files))
	}
}

func BenchmarkShort(b *testing.B) {
	in := encode(b, "windows-1251", "Все люди рождаются свободными")
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		Bytes(in)
	}
}

func BenchmarkUTF8(b *testing.B) {
	in := bytes.Repeat([]byte("Ünïcödé text, mostly ASCII. "), 2000)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		Bytes(in)
	}
}

var _ = os.Stat

func TestOrderCost(t *testing.T) {
	tests := []struct {
		s                   string
		visual, wantLogical float64 // cost under a visual and a logical page
	}{
		{"שלום עולם", 2, 0}, // logical: final mem ends both words
		{"םולש םלוע", 0, 2}, // the same words stored visually
		{"abc", 0, 0},       // no Hebrew: no evidence
		{"ילדים ילדים ילדים ילדים ילדים ילדים", 4, 0}, // capped
	}
	for _, tt := range tests {
		if got := orderCost(true, tt.s); got != tt.visual {
			t.Errorf("orderCost(visual, %q) = %v, want %v", tt.s, got, tt.visual)
		}
		if got := orderCost(false, tt.s); got != tt.wantLogical {
			t.Errorf("orderCost(logical, %q) = %v, want %v", tt.s, got, tt.wantLogical)
		}
	}
}

// TestHistogramSkip checks that the fast histogram of a long prefix counts
// every non-ASCII byte and control exactly, whatever it skips.
func TestHistogramSkip(t *testing.T) {
	tests := []string{
		"plain printable ASCII words, no more",
		"tab\there, newline\nthere, DEL\x7fand NUL\x00",
		"caf\xe9 na\xefve \xc3\xa9t\xc3\xa9 \x80\x9f\xff end",
		strings.Repeat("abcdefg\x7f", 9) + "\x01",
	}
	for _, s := range tests {
		var exact, fast [256]int
		histogram(&exact, []byte(s), true)
		histogram(&fast, []byte(s), false)
		for c := range 256 {
			if (c < 0x20 || c >= 0x7F) && exact[c] != fast[c] {
				t.Errorf("%q: byte %#x counted %d, want %d", s, c, fast[c], exact[c])
			}
		}
	}
}

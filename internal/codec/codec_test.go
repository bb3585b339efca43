package codec

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustByName(t testing.TB, name string) Charset {
	t.Helper()
	c, ok := ByName(name)
	if !ok {
		t.Fatalf("ByName(%q) failed", name)
	}
	return c
}

// Facts checked with CPython 3.11 (bytes.decode(codec, errors)), e.g.
// python3 -c 'print(ascii(bytes.fromhex("e2809420 61").decode("gbk", "ignore")))'.
var pythonFacts = []struct {
	charset string
	in      string // hex
	loss    Loss
	want    string
	ok      bool
}{
	{"gbk", "4A 61 70 61 6E E2 80 99 73", Strict, "Japan\u9225\u6a9a", true}, // "Japan’s" -> "Japan鈥檚"
	{"gbk", "E2 80 94 20 61", Drop, "\u9225 a", true},                        // "— a": 94 20 drops only 94
	{"gbk", "E2 80 94 20 61", ReplaceFFFD, "\u9225\ufffd a", true},
	{"gbk", "80", ReplaceFFFD, "\ufffd", true},                                // x/text reads €
	{"gbk", "E2 80 9C 59 65 73 E2 80 9D", Drop, "\u9225\u6df5es\u9225", true}, // "“Yes”" -> "鈥淵es鈥"
	{"windows-1252", "9D 81", ReplaceFFFD, "\ufffd\ufffd", true},
	{"sloppy-windows-1252", "9D 81", Strict, "\u009d\u0081", true},
	{"cp932", "81 60", Strict, "\uff5e", true},
	{"shift_jis", "81 60", Strict, "\u301c", true},
	{"shift_jis", "5C 7E", Strict, "\\~", true},
	{"cp932", "80 A0 FD FE FF", Strict, "\u0080\uf8f0\uf8f1\uf8f2\uf8f3", true},
	{"shift_jis", "C3 A9 E2 80 94", ReplaceFFFD, "\uff83\uff69\u7ab6\ufffd", true},
	{"gb18030", "94 39 FC 36", Strict, "\U0001f600", true},
	{"gb18030", "81 30 41", ReplaceFFFD, "\ufffd", true}, // an incomplete 4-byte sequence at the end is one error
	{"gb18030", "81 30 81 30", Strict, "\u0080", true},
	{"big5-hkscs", "88 62 88 66", Strict, "\u00ca\u0304\u00ca", true},
	{"euc-kr", "A4 D4 A4 A8 A4 C7 A4 B1", Strict, "\ub620", true}, // make-up sequence for 똠
	{"euc-kr", "A4 D4 41 41 41 41 41 41", ReplaceFFFD, "\ufffd\ufffdAAAAAA", true},
	{"euc-kr", "A4 D4", ReplaceFFFD, "\ufffd", true},
	{"cp949", "8C 63", Strict, "\ub620", true},
	{"euc-jp", "8F B0 A1", Strict, "\u4e02", true},
	{"euc-jp", "8F B0", ReplaceFFFD, "\ufffd", true},
	{"big5", "E4 B8 AD E6 96 87", ReplaceFFFD, "\u929d\u525c\ufffd\ufffd", true},
	{"cp950", "A3 E1 F9 FE", Strict, "\u20ac\u2593", true},
	{"ibm437", "80 B0 DB FE", Strict, "\u00c7\u2591\u2588\u25a0", true},
	{"macintosh", "A5 D0 D1 F0", Strict, "\u2022\u2013\u2014\uf8ff", true},
	{"iso-8859-3", "A5", ReplaceFFFD, "\ufffd", true},
	{"iso-8859-3", "41 A5", Strict, "A", false},
	{"koi8-r", "C1 C2 D7", Strict, "\u0430\u0431\u0432", true},
	{"windows-1251", "F0 D2 C9 D7 C5 D4", ReplaceFFFD, "\u0440\u0422\u0419\u0427\u0415\u0424", true},
	{"ibm037", "C1 81 40", Strict, "Aa ", true},
	{"johab", "88 61", Strict, "\uac00", true},
	{"gbk", "41 94 20", ReplaceQuestion, "A? ", true},
	{"gbk", "41 94", Strict, "A", false},
}

func TestPythonFacts(t *testing.T) {
	for _, f := range pythonFacts {
		c := mustByName(t, f.charset)
		got, ok := DecodeString(c, mustHex(t, f.in), f.loss)
		if got != f.want || ok != f.ok {
			t.Errorf("%s %s %v: got %+q %v, want %+q %v", f.charset, f.in, f.loss, got, ok, f.want, f.ok)
		}
		if f.ok && f.loss == Strict {
			back, ok := AppendEncodeString(nil, c, got)
			if !ok || !bytes.Equal(back, mustHex(t, f.in)) {
				t.Errorf("%s: encoding %+q gives % X %v, want %s", f.charset, got, back, ok, f.in)
			}
		}
	}
}

func TestEncodeFacts(t *testing.T) {
	for _, f := range []struct {
		charset, in, want string
		python            bool
		ok                bool
	}{
		{"gb18030", "😀", "94 39 FC 36", false, true},
		{"gbk", "😀", "", false, false},
		{"big5-hkscs", "\u00ca\u0304\u00ca\u030c", "88 62 88 64", false, true},
		{"big5-hkscs", "\u00ca", "88 66", false, true},
		{"euc-kr", "똠", "A4 D4 A4 A8 A4 C7 A4 B1", false, true},
		{"euc-kr", "가", "B0 A1", false, true},
		{"euc-kr", "\u3164", "", false, false}, // Python encodes it to A4 D4, which never decodes to it
		{"euc-kr", "\u3164", "A4 D4", true, true},
		{"shift_jis", "¥", "", false, false},
		{"shift_jis", "¥‾", "5C 7E", true, true},
		{"cp932", "\u301c", "", false, false},
		{"cp932", "\u301c", "81 60", true, true},
		{"cp932", "\uff5e", "81 60", false, true},
		{"shift_jis", "\u301c", "81 60", false, true},
		{"windows-1252", "\u0081", "", false, false},
		{"sloppy-windows-1252", "\u0081€", "81 80", false, true},
		{"ibm037", "Aa", "C1 81", false, true},
		{"windows-1252", "a\xffb", "61", false, false}, // invalid UTF-8
	} {
		c := mustByName(t, f.charset)
		var got []byte
		var ok bool
		if f.python {
			got, ok = AppendEncodeStringPython(nil, c, f.in)
		} else {
			got, ok = AppendEncodeString(nil, c, f.in)
		}
		if ok != f.ok || (ok && !bytes.Equal(got, mustHex(t, f.want))) {
			t.Errorf("%s %+q (python %v): got % X %v, want %s %v", f.charset, f.in, f.python, got, ok, f.want, f.ok)
		}
	}
}

// sequences lists every valid sequence of c with its decoding, and whether it is decode-only.
func sequences(c Charset) (seqs [][]byte, decodeOnly map[string]bool) {
	decodeOnly = map[string]bool{}
	switch c := c.(type) {
	case *SingleByte:
		for b := 0; b < 256; b++ {
			if _, ok := c.DecodeByte(byte(b)); ok {
				seqs = append(seqs, []byte{byte(b)})
			}
		}
	case *MultiByte:
		t := c.tables()
		for b := 0; b < 256; b++ {
			if t.lead[b] == leadSingle {
				seqs = append(seqs, []byte{byte(b)})
			}
			if pg := t.pages[b]; pg != nil {
				for b2, v := range pg {
					if v != 0 {
						seqs = append(seqs, []byte{byte(b), byte(b2)})
					}
				}
			}
			if pg := t.sub[b]; pg != nil {
				for b3, v := range pg {
					if v != 0 {
						seqs = append(seqs, []byte{0x8F, byte(b), byte(b3)})
					}
				}
			}
		}
		for _, s := range c.data.decodeOnly {
			decodeOnly[s] = true
		}
		for _, g := range c.data.gb4 {
			for idx := g.first; idx <= g.last; idx++ {
				i := idx
				b4 := i % 10
				i /= 10
				b3 := i % 126
				i /= 126
				s := []byte{byte(i/10 + 0x81), byte(i%10 + 0x30), byte(b3 + 0x81), byte(b4 + 0x30)}
				seqs = append(seqs, s)
				if g.decodeOnly {
					decodeOnly[string(s)] = true
				}
			}
		}
		if t.makeup != nil {
			for s := 0; s < 11172; s++ {
				seq := []byte{0xA4, 0xD4, 0xA4, t.makeupTo[0][s/588], 0xA4, t.makeupTo[1][s/28%21], 0xA4, t.makeupTo[2][s%28]}
				seqs = append(seqs, seq)
				if pi := t.encIdx[(0xAC00+s)>>8]; pi != 0 && t.encPages[pi][(0xAC00+s)&0xFF] != 0 {
					decodeOnly[string(seq)] = true // the syllable has a two-byte code
				}
			}
		}
	}
	return seqs, decodeOnly
}

// Every valid sequence decodes, and encodes back to itself (or, for the decode-only ones, to a sequence of
// the same text); every rune that encodes decodes back to itself.
func TestRoundTrip(t *testing.T) {
	for _, c := range All {
		seqs, decodeOnly := sequences(c)
		canonical := 0
		for _, seq := range seqs {
			text, n, ok := AppendDecode(nil, c, seq)
			if !ok || n != len(seq) {
				t.Errorf("%s: % X decodes to %+q n=%d ok=%v", c.Name(), seq, text, n, ok)
				continue
			}
			if r, n2, ok2 := c.Decode(seq); !ok2 || n2 != n || !strings.HasPrefix(string(text), string(r)) {
				t.Errorf("%s: Decode(% X) = %U %d %v, AppendDecode %+q", c.Name(), seq, r, n2, ok2, text)
			}
			back, ok := AppendEncodeString(nil, c, string(text))
			switch {
			case !ok:
				t.Errorf("%s: % X decodes to %+q, which does not encode", c.Name(), seq, text)
			case decodeOnly[string(seq)]:
				if bytes.Equal(back, seq) {
					t.Errorf("%s: decode-only % X encodes back to itself", c.Name(), seq)
				}
				if again, _ := DecodeString(c, back, Strict); again != string(text) {
					t.Errorf("%s: % X -> %+q -> % X -> %+q", c.Name(), seq, text, back, again)
				}
			case !bytes.Equal(back, seq):
				t.Errorf("%s: % X -> %+q -> % X", c.Name(), seq, text, back)
			default:
				if utf8.RuneCount(text) == 1 {
					canonical++
				}
			}
		}
		// decode∘encode over every rune
		encodable := 0
		var buf []byte
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if 0xD800 <= r && r < 0xE000 {
				continue
			}
			out, ok := c.AppendEncode(buf[:0], r)
			buf = out
			if !ok {
				continue
			}
			encodable++
			got, n, ok := c.Decode(out)
			if !ok || got != r || n != len(out) {
				t.Errorf("%s: %U -> % X -> %U n=%d ok=%v", c.Name(), r, out, got, n, ok)
			}
		}
		if encodable != canonical {
			t.Errorf("%s: %d runes encode, but %d sequences are canonical", c.Name(), encodable, canonical)
		}
		if testing.Verbose() {
			t.Logf("%-20s %7d sequences, %4d decode-only, %7d encodable runes", c.Name(), len(seqs), len(decodeOnly), encodable)
		}
	}
}

func TestDecodeLengths(t *testing.T) {
	for _, c := range All {
		if r, n, ok := c.Decode(nil); n != 0 || ok {
			t.Errorf("%s: Decode(nil) = %U %d %v", c.Name(), r, n, ok)
		}
		seqs, _ := sequences(c)
		maxLen := 0
		for _, s := range seqs {
			maxLen = max(maxLen, len(s))
			// every proper prefix of a multi-byte sequence needs more input
			for k := 1; k < len(s); k++ {
				if _, n, _ := c.Decode(s[:k]); n != 0 {
					t.Errorf("%s: prefix % X of % X: n=%d, want 0", c.Name(), s[:k], s, n)
					break
				}
			}
		}
		if maxLen != c.MaxLen() {
			t.Errorf("%s: MaxLen %d, longest sequence %d", c.Name(), c.MaxLen(), maxLen)
		}
	}
}

func TestSloppy(t *testing.T) {
	for _, c := range All {
		name := c.Name()
		if !strings.HasPrefix(name, "sloppy-") {
			continue
		}
		strict := mustByName(t, strings.TrimPrefix(name, "sloppy-")).(*SingleByte)
		sloppy := c.(*SingleByte)
		for b := 0; b < 256; b++ {
			r, ok := strict.DecodeByte(byte(b))
			sr, sok := sloppy.DecodeByte(byte(b))
			if !sok || (ok && sr != r) || (!ok && sr != rune(b)) {
				t.Errorf("%s %02X: %U %v (strict %U %v)", name, b, sr, sok, r, ok)
			}
		}
	}
}

func TestByName(t *testing.T) {
	for _, c := range All {
		if got := mustByName(t, c.Name()); got != c {
			t.Errorf("ByName(%q) = %s", c.Name(), got.Name())
		}
		if got := mustByName(t, strings.ToUpper(c.Name())); got != c {
			t.Errorf("ByName(upper %q) = %s", c.Name(), got.Name())
		}
	}
	for alias, want := range map[string]string{
		"latin-1": "iso-8859-1", "Latin1": "iso-8859-1", "ISO_8859-1": "iso-8859-1", "l1": "iso-8859-1",
		"cp1252": "windows-1252", "sloppy-cp1252": "sloppy-windows-1252", "mac-roman": "macintosh",
		"macroman": "macintosh", "cp437": "ibm437", "windows-31j": "cp932", "ms_kanji": "cp932", "sjis": "shift_jis",
		"Shift-JIS": "shift_jis", "uhc": "cp949", "euckr": "euc-kr", "big5hkscs": "big5-hkscs", "cp936": "gbk",
		"koi8_r": "koi8-r", "cp866": "ibm866", "eucjp": "euc-jp", "utf-8-variants": "",
	} {
		c, ok := ByName(alias)
		if want == "" {
			if ok {
				t.Errorf("ByName(%q) = %s, want none", alias, c.Name())
			}
			continue
		}
		if !ok || c.Name() != want {
			t.Errorf("ByName(%q) = %v %v, want %s", alias, c, ok, want)
		}
	}
	seen := map[string]bool{}
	for _, c := range All {
		if seen[c.Name()] {
			t.Errorf("%s twice in All", c.Name())
		}
		seen[c.Name()] = true
	}
	if len(All) != 64 {
		t.Errorf("len(All) = %d", len(All))
	}
}

// Where golang.org/x/text agrees with Python, the tables must be the same. The differences are known.
func TestCrossCheckXText(t *testing.T) {
	xt := map[string]*charmap.Charmap{
		"iso-8859-1": charmap.ISO8859_1, "iso-8859-2": charmap.ISO8859_2, "iso-8859-3": charmap.ISO8859_3,
		"iso-8859-4": charmap.ISO8859_4, "iso-8859-5": charmap.ISO8859_5, "iso-8859-6": charmap.ISO8859_6,
		"iso-8859-7": charmap.ISO8859_7, "iso-8859-8": charmap.ISO8859_8, "iso-8859-9": charmap.ISO8859_9,
		"iso-8859-10": charmap.ISO8859_10, "iso-8859-13": charmap.ISO8859_13, "iso-8859-14": charmap.ISO8859_14,
		"iso-8859-15": charmap.ISO8859_15, "iso-8859-16": charmap.ISO8859_16,
		"windows-1250": charmap.Windows1250, "windows-1251": charmap.Windows1251, "windows-1252": charmap.Windows1252,
		"windows-1253": charmap.Windows1253, "windows-1254": charmap.Windows1254, "windows-1255": charmap.Windows1255,
		"windows-1256": charmap.Windows1256, "windows-1257": charmap.Windows1257, "windows-1258": charmap.Windows1258,
		"windows-874": charmap.Windows874, "macintosh": charmap.Macintosh, "x-mac-cyrillic": charmap.MacintoshCyrillic,
		"ibm437": charmap.CodePage437, "ibm850": charmap.CodePage850, "ibm852": charmap.CodePage852,
		"ibm855": charmap.CodePage855, "ibm866": charmap.CodePage866, "koi8-r": charmap.KOI8R, "koi8-u": charmap.KOI8U,
		"ibm037": charmap.CodePage037,
	}
	known := map[string]string{
		"windows-1255 CA": "Python leaves 0xCA undefined; x/text (WHATWG) has U+05BA",
		"koi8-u AE":       "Python has RFC 2319 KOI8-U (U+255D); x/text has U+045E",
		"koi8-u BE":       "Python has RFC 2319 KOI8-U (U+256C); x/text has U+040E",
	}
	names := make([]string, 0, len(xt))
	for n := range xt {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		cm := xt[name]
		c := mustByName(t, name).(*SingleByte)
		for b := 0; b < 256; b++ {
			r, ok := c.DecodeByte(byte(b))
			xr := cm.DecodeByte(byte(b))
			xok := xr != utf8.RuneError
			if strings.HasPrefix(name, "iso-8859-") && 0x80 <= b && b < 0xA0 && ok && !xok {
				continue // x/text leaves the C1 controls of ISO-8859-x undefined; Python maps them
			}
			if ok == xok && (!ok || r == xr) {
				continue
			}
			key := fmt.Sprintf("%s %02X", name, b)
			if known[key] == "" {
				t.Errorf("%s: ours %U %v, x/text %U", key, r, ok, xr)
			}
			delete(known, key)
		}
	}
	for k := range known {
		t.Errorf("known difference %q is gone", k)
	}
}

func TestUTF8Variants(t *testing.T) {
	for _, tc := range []struct {
		in   string // hex
		want string
		ok   bool
	}{
		{"41 42", "AB", true},
		{"C0 80", "\x00", true},
		{"ED A0 BD ED B8 80", "\U0001F600", true}, // CESU-8 😀
		{"41 ED A0 BD ED B8 80 C3 A9", "A\U0001F600é", true},
		{"ED A0 BD", "", false},    // lone high surrogate
		{"ED B8 80", "", false},    // lone low surrogate
		{"ED A0 BD 41", "", false}, // high surrogate without its low half
		{"C0 81", "", false},       // overlong other than C0 80
		{"F0 9F 98 80", "\U0001F600", true},
		{"FF", "", false},
	} {
		got, ok := DecodeUTF8Variants(mustHex(t, tc.in))
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: %+q %v, want %+q %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// The x/text adapters decode like DecodeString(ReplaceFFFD) and encode like AppendEncodeString, also when
// the input arrives one byte at a time.
func TestXTextEncoding(t *testing.T) {
	inputs := [][]byte{
		[]byte("Japan’s “Yes” — 中文 日本語 한국어 😀"),
		mustHex(t, "E2 80 94 20 61 81 30 81 30 94 39 FC 36 88 62 88 66 A4 D4 A4 A8 A4 C7 A4 B1 8F B0 A1 81"),
	}
	for _, c := range All {
		var enc encoding.Encoding = Encoding(c)
		for _, in := range inputs {
			want, _ := DecodeString(c, in, ReplaceFFFD)
			got, err := io.ReadAll(transform.NewReader(iotestOneByte(in), enc.NewDecoder()))
			if err != nil || string(got) != want {
				t.Errorf("%s decoder: %+q %v, want %+q", c.Name(), got, err, want)
			}
			// encode the decoded text back
			wantEnc, ok := AppendEncodeString(nil, c, want)
			gotEnc, _, err := transform.Bytes(enc.NewEncoder(), []byte(want))
			if ok != (err == nil) || (ok && !bytes.Equal(gotEnc, wantEnc)) {
				t.Errorf("%s encoder: % X %v, want % X %v", c.Name(), gotEnc, err, wantEnc, ok)
			}
			gotEnc2, err := io.ReadAll(transform.NewReader(iotestOneByte([]byte(want)), encoding.ReplaceUnsupported(enc.NewEncoder())))
			if err != nil || (ok && !bytes.Equal(gotEnc2, wantEnc)) {
				t.Errorf("%s replacing encoder: % X %v, want % X", c.Name(), gotEnc2, err, wantEnc)
			}
		}
	}
	got, _, err := transform.Bytes(encoding.ReplaceUnsupported(Windows1252.NewEncoder()), []byte("a\u0081b中"))
	if err != nil || string(got) != "a\x1ab\x1a" {
		t.Errorf("ReplaceUnsupported: %q %v", got, err)
	}
}

type oneByteReader struct{ p []byte }

func (r *oneByteReader) Read(b []byte) (int, error) {
	if len(r.p) == 0 {
		return 0, io.EOF
	}
	if len(b) == 0 {
		return 0, nil
	}
	b[0] = r.p[0]
	r.p = r.p[1:]
	return 1, nil
}

func iotestOneByte(p []byte) io.Reader { return &oneByteReader{p} }

// A strict decoding that succeeds encodes back to the same bytes.
func FuzzStrictRoundTrip(f *testing.F) {
	f.Add(0, []byte("Japan\xe2\x80\x99s"))
	f.Add(1, []byte{0x88, 0x62, 0x88, 0x66, 0xA4, 0xD4, 0xA4, 0xA8, 0xA4, 0xC7, 0xA4, 0xB1})
	f.Add(2, []byte{0x81, 0x30, 0x81, 0x30, 0x8F, 0xB0, 0xA1, 0xFA, 0x40})
	f.Fuzz(func(t *testing.T, which int, p []byte) {
		if which < 0 {
			which = -which
		}
		c := All[which%len(All)]
		s, ok := DecodeString(c, p, Strict)
		if !ok {
			// the lossy decodings never fail and are valid UTF-8
			for _, l := range []Loss{Drop, ReplaceFFFD, ReplaceQuestion} {
				if d, ok := DecodeString(c, p, l); !ok || !utf8.ValidString(d) {
					t.Fatalf("%s %v: %+q %v", c.Name(), l, d, ok)
				}
			}
			return
		}
		back, ok := AppendEncodeString(nil, c, s)
		if !ok {
			t.Fatalf("%s: % X decodes to %+q, which does not encode", c.Name(), p, s)
		}
		if !bytes.Equal(back, p) {
			// only decode-only sequences may change, and then the text must survive
			if again, _ := DecodeString(c, back, Strict); again != s {
				t.Fatalf("%s: % X -> %+q -> % X -> %+q", c.Name(), p, s, back, again)
			}
			if !hasDecodeOnly(c, p) {
				t.Fatalf("%s: % X -> %+q -> % X", c.Name(), p, s, back)
			}
		}
	})
}

func hasDecodeOnly(c Charset, p []byte) bool {
	mb, ok := c.(*MultiByte)
	if !ok {
		return false
	}
	return len(mb.data.decodeOnly) > 0 || mb.data.makeup != nil || len(mb.data.gb4) > 0
}

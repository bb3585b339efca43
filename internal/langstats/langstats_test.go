package langstats

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

var classFuncs = map[string]func(rune) uint8{
	"ZhHans":   ZhHans,
	"ZhHant":   ZhHant,
	"Japanese": Japanese,
	"Korean":   Korean,
}

func TestClassFacts(t *testing.T) {
	tests := []struct {
		fn       string
		chars    string
		min, max uint8
	}{
		// Common hanzi are frequent in both Chinese tables.
		{"ZhHans", "你的是我中国人好", 12, 15},
		{"ZhHant", "你的是我中國人好為", 12, 15},
		// UTF-8 read as GBK yields characters almost never written.
		{"ZhHans", "鈥檚淵", 0, 2},
		// Traditional forms are rare in simplified text and vice versa.
		{"ZhHans", "國們這", 0, 3},
		{"ZhHant", "国们这", 0, 3},
		{"ZhHans", "，。", 12, 15},
		{"Japanese", "のはをにがでしたるいうカンー", 12, 15},
		{"Japanese", "日本語東京", 10, 15},
		// UTF-8 Japanese read as Shift_JIS yields these JIS level 2 kanji.
		{"Japanese", "縺繧", 1, 4},
		// Half-width katakana are what Shift_JIS makes of Latin-1 bytes
		// A1–DF; they must stay well below their full-width forms.
		{"Japanese", "ｱｲｳﾜﾝｿ", 1, 6},
		{"Korean", "한국이는다", 12, 15},
		// Outside the language's writing system.
		{"Korean", "你の", 0, 0},
		{"ZhHans", "aéЖ한", 0, 0},
		{"Japanese", "한", 0, 0},
		{"Korean", "\U00020000", 0, 0},
		// A rarely used but valid syllable, not in KS X 1001.
		{"Korean", "똠", 0, 5},
	}
	for _, tt := range tests {
		f := classFuncs[tt.fn]
		for _, r := range tt.chars {
			if c := f(r); c < tt.min || c > tt.max {
				t.Errorf("%s(%q) = %d, want %d..%d", tt.fn, r, c, tt.min, tt.max)
			}
		}
	}
}

// TestLevelFloors checks the encoding-standard floors against the sets as
// x/text decodes them, independently of the generator's data.
func TestLevelFloors(t *testing.T) {
	tests := []struct {
		fn     string
		enc    encoding.Encoding
		lo, hi int // inclusive two-byte codes
		floor  uint8
	}{
		{"ZhHans", simplifiedchinese.GBK, 0xB0A1, 0xD7F9, 6},
		{"ZhHans", simplifiedchinese.GBK, 0xD8A1, 0xF7FE, 3},
		{"Japanese", japanese.ShiftJIS, 0x889F, 0x9872, 6},
		{"Japanese", japanese.ShiftJIS, 0x989F, 0xEAA4, 3},
		{"Korean", korean.EUCKR, 0xB0A1, 0xC8FE, 6},
		{"ZhHant", traditionalchinese.Big5, 0xA440, 0xC67E, 6},
	}
	for _, tt := range tests {
		f := classFuncs[tt.fn]
		dec := tt.enc.NewDecoder()
		checked := 0
		for code := tt.lo; code <= tt.hi; code++ {
			trail := code & 0xFF
			if tt.fn != "Japanese" && tt.fn != "ZhHant" && (trail < 0xA1 || trail == 0xFF) {
				continue // EUC rows hold trail bytes A1–FE only
			}
			out, err := dec.Bytes([]byte{byte(code >> 8), byte(trail)})
			if err != nil {
				continue
			}
			r, size := utf8.DecodeRune(out)
			if size != len(out) || r == utf8.RuneError || r < 0x3000 {
				continue // unassigned code or a single-byte pair
			}
			checked++
			if c := f(r); c < tt.floor {
				t.Errorf("%s(%q) = %d, want at least %d (code %#x)", tt.fn, r, c, tt.floor, code)
			}
		}
		if checked < 2000 {
			t.Errorf("%s %#x–%#x: only %d characters checked", tt.fn, tt.lo, tt.hi, checked)
		}
	}
}

func TestLanguages(t *testing.T) {
	want := []string{"en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "cs", "pl", "hu", "ro", "tr",
		"lv", "lt", "et", "vi", "ru", "uk", "el", "he", "ar"}
	for _, lang := range want {
		if m := ByLang(lang); m == nil || m.Lang != lang {
			t.Errorf("ByLang(%q) = %v", lang, m)
		}
	}
	if m := ByLang("xx"); m != nil {
		t.Errorf("ByLang(xx) = %v, want nil", m.Lang)
	}
	scripts := map[string]bool{"Latin": true, "Cyrillic": true, "Greek": true, "Hebrew": true, "Arabic": true, "Thai": true}
	for i, m := range Models {
		if !scripts[m.Script] {
			t.Errorf("%s: script %q", m.Lang, m.Script)
		}
		if i > 0 && Models[i-1].Lang >= m.Lang {
			t.Errorf("Models not ordered by language: %s before %s", Models[i-1].Lang, m.Lang)
		}
		if n := utf8.RuneCountInString(m.Alphabet()); n < 20 || n+1 != m.k || len(m.cost) != m.k*m.k {
			t.Errorf("%s: %d letters, k=%d, %d costs", m.Lang, n, m.k, len(m.cost))
		}
	}
}

func TestScoreCounts(t *testing.T) {
	en := ByLang("en")
	ru := ByLang("ru")
	tests := []struct {
		m     *Model
		s     string
		n     int
		logp  float64 // checked when nonzero
		empty bool
	}{
		{m: en, s: "", n: 0, empty: true},
		{m: en, s: " 123, !? ", n: 0, empty: true},
		{m: en, s: "a", n: 2},     // _a a_
		{m: en, s: "ab", n: 3},    // _a ab b_
		{m: en, s: "ab cd", n: 6}, // two words
		{m: en, s: "it's", n: 5},  // it + s
		{m: en, s: "é", n: 2},     // in the English alphabet (café)
		{m: en, s: "Ж", n: 1, logp: -ForeignPenalty},
		{m: en, s: "aЖb", n: 4}, // _a, Ж (foreign), _b (after a foreign letter), b_
		{m: ru, s: "abc", n: 3, logp: -3 * ForeignPenalty},
		{m: ru, s: "\xff", n: 1, logp: -ForeignPenalty},
		{m: ByLang("he"), s: "שָׁלוֹם", n: 5}, // points are skipped
	}
	for _, tt := range tests {
		logp, n := tt.m.Score(tt.s)
		if n != tt.n {
			t.Errorf("%s.Score(%q) n = %d, want %d", tt.m.Lang, tt.s, n, tt.n)
		}
		if tt.empty && logp != 0 {
			t.Errorf("%s.Score(%q) logp = %v, want 0", tt.m.Lang, tt.s, logp)
		}
		if tt.logp != 0 && logp != tt.logp {
			t.Errorf("%s.Score(%q) logp = %v, want %v", tt.m.Lang, tt.s, logp, tt.logp)
		}
		if !tt.empty && (logp >= 0 || logp < -ForeignPenalty*float64(n)) {
			t.Errorf("%s.Score(%q) logp = %v out of range for %d bigrams", tt.m.Lang, tt.s, logp, n)
		}
	}
}

func TestScoreCaseFolding(t *testing.T) {
	tests := []struct{ lang, lower, upper string }{
		{"ru", "привет мир", "ПРИВЕТ МИР"},
		{"de", "straße über", "STRAßE ÜBER"},
		{"el", "καλημέρα κόσμε", "ΚΑΛΗΜΈΡΑ ΚΌΣΜΕ"},
		{"el", "κόσμος", "κόσμοσ"},   // final sigma is folded into sigma
		{"ro", "şi ţara", "și țara"}, // comma-below as cedilla
		{"tr", "istanbul", "İSTANBUL"},
	}
	for _, tt := range tests {
		m := ByLang(tt.lang)
		lp1, n1 := m.Score(tt.lower)
		lp2, n2 := m.Score(tt.upper)
		if lp1 != lp2 || n1 != n2 {
			t.Errorf("%s: Score(%q) = %v,%d but Score(%q) = %v,%d", tt.lang, tt.lower, lp1, n1, tt.upper, lp2, n2)
		}
	}
}

// Each right text and its mojibake twin were produced with python3 codecs:
// right.encode(enc).decode(dec).
var swaps = []struct {
	lang, right, wrong, how string
}{
	{"ru", "привет мир", "ОПХБЕР ЛХП", "cp1251 as koi8-r"},
	{"ru", "привет мир", "РТЙЧЕФ НЙТ", "koi8-r as cp1251"},
	{"ru", "Представленная", "оПЕДЯРЮБКЕММЮЪ", "cp1251 as koi8-r"},
	{"ru", "Съешь же ещё этих мягких французских булок", "яЗЕЬЭ ФЕ ЕЫ╦ ЩРХУ ЛЪЦЙХУ ТПЮМЖСГЯЙХУ АСКНЙ", "cp1251 as koi8-r"},
	{"uk", "Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів!", "вС╨Ь ©У, ДНЖЧ, ЦЮ? йСЛЕДМЮ Ф РХ, ОПНЫЮИЯЪ АЕГ ЄНКЭТЁБ!", "cp1251 as koi8-u"},
	{"cs", "Příliš žluťoučký kůň úpěl ďábelské ódy", "Přílią ľlu»oučký kůň úpěl ďábelské ódy", "iso-8859-2 as cp1250"},
	{"pl", "Zażółć gęślą jaźń, źdźbło śmiesznie ściągnąć", "Zażółć gę¶l± jaĽń, ĽdĽbło ¶miesznie ¶ci±gn±ć", "iso-8859-2 as cp1250"},
	{"el", "Καλημέρα κόσμε, τι κάνεις σήμερα;", "КблзмЭсб кьуме, фй кЬнейт уЮмесб;", "cp1253 as cp1251"},
	{"he", "שלום עולם, מה שלומך היום", "щмен темн, од щмеок дйен", "cp1255 as cp1251"},
	{"ar", "مرحبا بالعالم، كيف حالك اليوم", "гСНИЗ ИЗбЪЗбгЎ ЯнЭ НЗбЯ Збнжг", "cp1256 as cp1251"},
	{"de", "Größenwahn über Öl und Straßenbahn", "GrÃ¶ÃŸenwahn Ã¼ber Ã–l und StraÃŸenbahn", "utf-8 as cp1252"},
	{"fr", "Le cœur déçu mais l’âme plutôt naïve", "Le cÅ“ur dÃ©Ã§u mais lâ€™Ã¢me plutÃ´t naÃ¯ve", "utf-8 as cp1252"},
	{"tr", "Pijamalı hasta yağız şoföre çabucak güvendi", "Pijamalý hasta yaðýz þoföre çabucak güvendi", "cp1254 as cp1252"},
	{"ro", "Şi ţara, şi oraşul îşi aşteaptă ştirile", "ªi þara, ºi oraºul îºi aºteaptã ºtirile", "cp1250 as cp1252"},
	{"lv", "Glāžšķūņa rūķīši dzērumā čiepj Baha koncertflīģeļu vākus", "Glâþðíûòa rûíîði dzçrumâ èiepj Baha koncertflîìeïu vâkus", "cp1257 as cp1252"},
	{"lt", "Įlinkdama fechtuotojo špaga sublykčiojusi pragręžė apvalų arbūzą", "Álinkdama fechtuotojo ðpaga sublykèiojusi pragræþë apvalø arbûzà", "cp1257 as cp1252"},
	{"hu", "Árvíztűrő tükörfúrógép", "Árvíztûrõ tükörfúrógép", "iso-8859-2 as cp1252"},
}

// TestSwaps checks that a language's model prefers the right decoding by
// both the total and the mean log-probability.
func TestSwaps(t *testing.T) {
	const margin = 15 // bits in total
	for _, tt := range swaps {
		m := ByLang(tt.lang)
		right, n1 := m.Score(tt.right)
		wrong, n2 := m.Score(tt.wrong)
		if right < wrong+margin || right/float64(n1) <= wrong/float64(n2) {
			t.Errorf("%s (%s): %.1f/%d for %q, %.1f/%d for %q; want a margin of %v bits",
				tt.lang, tt.how, right, n1, tt.right, wrong, n2, tt.wrong, margin)
		}
	}
}

func TestBest(t *testing.T) {
	tests := []struct{ s, script, want string }{
		{"Příliš žluťoučký kůň úpěl ďábelské ódy", "", "cs"},
		{"Zażółć gęślą jaźń, źdźbło śmiesznie", "", "pl"},
		{"Mężny bądź, chroń pułk twój i sześć flag", "Latin", "pl"},
		{"Hřebec se napil vody a běžel dál", "Latin", "cs"},
		{"The quick brown fox jumps over the lazy dog", "", "en"},
		{"Съешь же ещё этих мягких французских булок", "Cyrillic", "ru"},
		{"Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів!", "", "uk"},
		{"Καλημέρα κόσμε", "", "el"},
		{"שלום עולם", "", "he"},
		{"مرحبا بالعالم", "", "ar"},
		{"Falsches Üben von Xylophonmusik quält jeden größeren Zwerg", "", "de"},
		{"Tiếng Việt có dấu rất đẹp", "", "vi"},
	}
	for _, tt := range tests {
		m, v := Best(tt.s, tt.script)
		if m == nil || m.Lang != tt.want {
			got := "nil"
			if m != nil {
				got = m.Lang
			}
			t.Errorf("Best(%q, %q) = %s (%.2f), want %s", tt.s, tt.script, got, v, tt.want)
		}
	}
	if m, v := Best("", ""); m != nil || v != 0 {
		t.Errorf("Best(\"\") = %v, %v; want nil, 0", m, v)
	}
	if m, _ := Best("hello", "Klingon"); m != nil {
		t.Errorf("Best with unknown script = %s, want nil", m.Lang)
	}
}

func TestAllocs(t *testing.T) {
	ru := ByLang("ru")
	s := "Съешь же ещё этих мягких французских булок, да выпей чаю. Hello 世界!"
	var sink uint8
	allocs := testing.AllocsPerRun(100, func() {
		ru.Score(s)
		Best(s, "")
		for _, r := range "你好鈥檚の한" {
			sink += ZhHans(r) + ZhHant(r) + Japanese(r) + Korean(r)
		}
		sink += uint8(PairPMI('进', '行') + TripleI3('て', 'い', 'る'))
	})
	if allocs != 0 {
		t.Errorf("got %v allocations per run, want 0", allocs)
	}
	_ = sink
}

func BenchmarkScore(b *testing.B) {
	m := ByLang("ru")
	s := "Съешь же ещё этих мягких французских булок, да выпей чаю."
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		m.Score(s)
	}
}

func BenchmarkBest(b *testing.B) {
	s := "Příliš žluťoučký kůň úpěl ďábelské ódy"
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Best(s, "Latin")
	}
}

func BenchmarkZhHans(b *testing.B) {
	s := "中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。"
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	var sink uint8
	for b.Loop() {
		for _, r := range s {
			sink += ZhHans(r)
		}
	}
	_ = sink
}

func TestPairPMI(t *testing.T) {
	// Pairs that make common words, or end a sentence, are associated;
	// the same characters the other way round, or mojibake neighbours,
	// are not.
	associated := []string{"进行", "一个", "执行", "文件", "る。", "して", "ください", "國家", "습니"}
	for _, p := range associated {
		rs := []rune(p)
		for i := 0; i+1 < len(rs); i++ {
			if got := PairPMI(rs[i], rs[i+1]); got < 1 {
				t.Errorf("PairPMI(%q, %q) = %.2f, want at least 1 bit", rs[i], rs[i+1], got)
			}
		}
	}
	for _, p := range []string{"。る", "鈥檚", "ab", "a。"} {
		rs := []rune(p)
		if got := PairPMI(rs[0], rs[1]); got != 0 {
			t.Errorf("PairPMI(%q, %q) = %.2f, want 0", rs[0], rs[1], got)
		}
	}
	if got := PairPMI(0x20000, '行'); got != 0 {
		t.Errorf("PairPMI outside the BMP = %.2f, want 0", got)
	}
	// Lines end in 。 far more often than its frequency says; particles
	// follow ASCII words ("OS の"); a run of Japanese stops before a
	// space or a mark on ます ("使われます (SMTP").
	for _, p := range [][2]rune{{'。', LineEnd}, {ASCIIWord, 'の'}, {ASCIIWord, 'は'}, {'す', ASCIIBreak}} {
		if got := PairPMI(p[0], p[1]); got < 1 {
			t.Errorf("PairPMI(%U, %U) = %.2f, want at least 1 bit", p[0], p[1], got)
		}
	}
	if got := PairPMI('、', LineEnd); got != 0 {
		t.Errorf("PairPMI('、', LineEnd) = %.2f, want 0: lines do not end in 、", got)
	}
	if got := PairPMI('せ', ASCIIBreak); got != 0 {
		t.Errorf("PairPMI('せ', ASCIIBreak) = %.2f, want 0: ませ goes on to ん", got)
	}
}

func TestPairTableSorted(t *testing.T) {
	if len(pairKeys) != 4*len(pairPMI) || len(pairPMI) == 0 {
		t.Fatalf("pair table: %d key bytes for %d entries", len(pairKeys), len(pairPMI))
	}
	prev := uint32(0)
	for i := 0; i < len(pairPMI); i++ {
		k := uint32(pairKeys[4*i])<<24 | uint32(pairKeys[4*i+1])<<16 | uint32(pairKeys[4*i+2])<<8 | uint32(pairKeys[4*i+3])
		if i > 0 && k <= prev {
			t.Fatalf("pair %d (%U %U) out of order", i, rune(k>>16), rune(k&0xFFFF))
		}
		if got := PairPMI(rune(k>>16), rune(k&0xFFFF)); got != float64(pairPMI[i])/pairScale {
			t.Fatalf("PairPMI(%U, %U) = %v, table holds %v", rune(k>>16), rune(k&0xFFFF), got, pairPMI[i])
		}
		prev = k
	}
}

func TestTripleI3(t *testing.T) {
	// Runs that make words, or join a verb's parts, are likelier than
	// their pairs say; their pairs in other runs, reversed runs, and
	// runs outside the tables are not.
	for _, p := range []string{"ケット", "ている", "されて", "しない"} {
		rs := []rune(p)
		if got := TripleI3(rs[0], rs[1], rs[2]); got < 1 {
			t.Errorf("TripleI3(%q) = %.2f, want at least 1 bit", p, got)
		}
	}
	for _, p := range []string{"ケント", "るいて", "鈥檚鈥", "abc"} {
		rs := []rune(p)
		if got := TripleI3(rs[0], rs[1], rs[2]); got != 0 {
			t.Errorf("TripleI3(%q) = %.2f, want 0", p, got)
		}
	}
	if got := TripleI3(0x20000, 'て', 'い'); got != 0 {
		t.Errorf("TripleI3 outside the BMP = %.2f, want 0", got)
	}
}

func TestTripleTableSorted(t *testing.T) {
	if len(tripleKeys) != 6*len(tripleI3) || len(tripleI3) == 0 {
		t.Fatalf("triple table: %d key bytes for %d entries", len(tripleKeys), len(tripleI3))
	}
	for i := 0; i < len(tripleI3); i++ {
		k := tripleKeys[6*i : 6*i+6]
		if i > 0 && k <= tripleKeys[6*i-6:6*i] {
			t.Fatalf("triple %d (% x) out of order", i, k)
		}
		a, b, c := rune(k[0])<<8|rune(k[1]), rune(k[2])<<8|rune(k[3]), rune(k[4])<<8|rune(k[5])
		if got := TripleI3(a, b, c); got != float64(tripleI3[i])/pairScale {
			t.Fatalf("TripleI3(%U, %U, %U) = %v, table holds %v", a, b, c, got, tripleI3[i])
		}
	}
}

// TestLookupsNearKeys holds PairPMI and TripleI3 to the tables on keys
// next to the tables' own, which they must miss unless the table holds
// them: the lookups search only the keys of their first rune (see
// firstIndex), and a key just past a first rune's last one, or before
// its first, must not be found in a neighbour's.
func TestLookupsNearKeys(t *testing.T) {
	pairs := map[[2]rune]float64{}
	for i := 0; i < len(pairPMI); i++ {
		k := pairKeys[4*i : 4*i+4]
		pairs[[2]rune{rune(k[0])<<8 | rune(k[1]), rune(k[2])<<8 | rune(k[3])}] = float64(pairPMI[i]) / pairScale
	}
	for p := range pairs {
		for _, d := range [][2]rune{{0, 1}, {0, -1}, {1, 0}, {-1, 0}, {1, -1}, {-1, 1}} {
			a, b := p[0]+d[0], p[1]+d[1]
			want := pairs[[2]rune{a, b}]
			if a < 0x3000 || b < 0x3000 || a > 0xFFFF || b > 0xFFFF {
				want = 0
			}
			if got := PairPMI(a, b); got != want {
				t.Fatalf("PairPMI(%U, %U) = %v, want %v", a, b, got, want)
			}
		}
	}
	triples := map[[3]rune]float64{}
	for i := 0; i < len(tripleI3); i++ {
		k := tripleKeys[6*i : 6*i+6]
		triples[[3]rune{rune(k[0])<<8 | rune(k[1]), rune(k[2])<<8 | rune(k[3]), rune(k[4])<<8 | rune(k[5])}] = float64(tripleI3[i]) / pairScale
	}
	for p := range triples {
		for _, d := range [][3]rune{{0, 0, 1}, {0, 0, -1}, {0, 1, 0}, {0, -1, 0}, {1, 0, 0}, {-1, 0, 0}, {1, -1, 0}, {0, 1, -1}} {
			a, b, c := p[0]+d[0], p[1]+d[1], p[2]+d[2]
			want := triples[[3]rune{a, b, c}]
			if min(a, b, c) < 0x3000 || max(a, b, c) > 0xFFFF {
				want = 0
			}
			if got := TripleI3(a, b, c); got != want {
				t.Fatalf("TripleI3(%U, %U, %U) = %v, want %v", a, b, c, got, want)
			}
		}
	}
}

// TestRunBonus checks the runs of four letters: a word of the language
// gets more from them than the same word with one letter swapped for a
// letter its lost byte could as well have been, which the bigrams alone
// price alike or the other way round.
func TestRunBonus(t *testing.T) {
	tests := []struct {
		lang, word, swapped string
	}{
		// с, э and я are D1 81, D1 8D and D1 8F: windows-1252 drops
		// the second byte of each.
		{"ru", "меняется", "менсется"},
		{"ru", "состояние", "состосние"},
		{"ru", "позволяет", "позволсет"},
		{"uk", "святошинський", "свстошинський"},
		// ρ is CF 81, ύ is CF 8D.
		{"el", "μορφή", "μούφή"},
		// Á is C3 81, Í is C3 8D.
		{"es", "árabe", "írabe"},
	}
	for _, tt := range tests {
		m := ByLang(tt.lang)
		if got, other := m.RunBonus(tt.word), m.RunBonus(tt.swapped); got <= other {
			t.Errorf("%s: RunBonus(%q) = %.1f, not above RunBonus(%q) = %.1f", tt.lang, tt.word, got, tt.swapped, other)
		}
	}
	ru := ByLang("ru")
	for _, s := range []string{"", "я", "abc", "a b c d"} {
		if b := ru.RunBonus(s); b != 0 {
			t.Errorf("RunBonus(%q) = %.1f, want 0 for a text with no run of four", s, b)
		}
	}
	// Words are read apart: a space ends one and begins the next, and a
	// letter outside the alphabet breaks the runs through it.
	if a, b := ru.RunBonus("меняется"), ru.RunBonus("меняется меняется"); b != 2*a {
		t.Errorf("RunBonus of a word twice = %.1f, want %.1f", b, 2*a)
	}
	if b := ru.RunBonus("меняeтся"); b >= ru.RunBonus("меняется") {
		t.Errorf("a Latin e inside a Russian word keeps its runs: %.1f", b)
	}
	// A model with no runs gives none.
	if b := (&Model{}).RunBonus("меняется"); b != 0 {
		t.Errorf("RunBonus without runs = %.1f", b)
	}
}

// TestWordBonus checks the word counts: a word running text writes often
// is likelier than its letters say, above another reading of the same
// lost byte that text does not write, and the bigram model's lengths of
// words, which the bonus works out from the model, make a distribution.
func TestWordBonus(t *testing.T) {
	tests := []struct {
		lang, word, other string
	}{
		// с, э and я are D1 81, D1 8D and D1 8F: windows-1252 drops
		// the second byte of each.
		{"ru", "с", "я"},
		{"ru", "этих", "стих"},
		{"ru", "процесс", "процеся"},
		// Á is C3 81, Í is C3 8D.
		{"es", "carácter", "carícter"},
	}
	for _, tt := range tests {
		m := ByLang(tt.lang)
		if got, other := m.WordBonus(tt.word), m.WordBonus(tt.other); got <= other {
			t.Errorf("%s: WordBonus(%q) = %.1f, not above WordBonus(%q) = %.1f", tt.lang, tt.word, got, tt.other, other)
		}
	}
	ru := ByLang("ru")
	for _, s := range []string{"", "abc", "процеся", "меняeтся"} {
		if b := ru.WordBonus(s); b != 0 {
			t.Errorf("WordBonus(%q) = %.1f, want 0 for no listed word", s, b)
		}
	}
	if a, b := ru.WordBonus("процесс"), ru.WordBonus("процесс, процесс"); b != 2*a {
		t.Errorf("WordBonus of a word twice = %.1f, want %.1f", b, 2*a)
	}
	if b := (&Model{}).WordBonus("процесс"); b != 0 {
		t.Errorf("WordBonus without words = %.1f", b)
	}
	for _, m := range Models {
		if m.wordLengths == nil {
			continue
		}
		m.readWords()
		var sum float64
		for l, p := range m.lengthBigram {
			if p <= 0 || p > 1 {
				t.Errorf("%s: the bigram model's words of length %d have probability %v", m.Lang, l+1, p)
			}
			sum += p
		}
		if sum < 0.99 || sum > 1.01 {
			t.Errorf("%s: the bigram model's word lengths sum to %v", m.Lang, sum)
		}
	}
}

// TestRowsMatchLookups holds Pairs and Triples, the lookups a lost CJK
// character's candidates share, to PairPMI and TripleI3: on every entry
// of the tables, on the runes beside each (present or not), and on runes
// outside the tables' range.
func TestRowsMatchLookups(t *testing.T) {
	near := func(r rune) []rune {
		return []rune{r - 1, r, r + 1, 0x41, 0x2FFF, 0x3000, 0xFFFE, 0xFFFF, 0x10000, 0x20000}
	}
	for i := 0; i < len(pairPMI); i++ {
		a, b := rune(pairKeys[4*i])<<8|rune(pairKeys[4*i+1]), rune(pairKeys[4*i+2])<<8|rune(pairKeys[4*i+3])
		for _, x := range near(a) {
			p := PairsOf(x)
			for _, y := range near(b) {
				if got, want := p.PMI(y), PairPMI(x, y); got != want {
					t.Fatalf("PairsOf(%U).PMI(%U) = %v, PairPMI %v", x, y, got, want)
				}
			}
		}
	}
	for i := 0; i < len(tripleI3); i++ {
		k := tripleKeys[6*i : 6*i+6]
		a, b, c := rune(k[0])<<8|rune(k[1]), rune(k[2])<<8|rune(k[3]), rune(k[4])<<8|rune(k[5])
		for _, x := range near(a) {
			ts := TriplesOf(x)
			for _, y := range near(b) {
				tb := ts.Then(y)
				for _, z := range near(c) {
					want := TripleI3(x, y, z)
					if got := ts.I3(y, z); got != want {
						t.Fatalf("TriplesOf(%U).I3(%U, %U) = %v, TripleI3 %v", x, y, z, got, want)
					}
					if got := tb.Last(z); got != want {
						t.Fatalf("TriplesOf(%U).Then(%U).Last(%U) = %v, TripleI3 %v", x, y, z, got, want)
					}
				}
			}
		}
	}
}

// TestHanMax holds HanMax to the three tables it stands for.
func TestHanMax(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if got, want := HanMax(r), max(ZhHans(r), ZhHant(r), Japanese(r)); got != want {
			t.Fatalf("HanMax(%U) = %d, want %d", r, got, want)
		}
	}
}

// TestScoreKnown holds ScoreKnown to Score of the text with each
// character outside ASCII that the model's alphabet lacks blanked to
// spaces, byte for byte, under every model, on texts drawn from the
// letters of all the alphabets, ASCII, marks, CJK, U+FFFD and
// bytes that are no UTF-8.
func TestScoreKnown(t *testing.T) {
	var pool []rune
	for _, m := range Models {
		for _, r := range m.Alphabet() {
			pool = append(pool, r, unicode.ToUpper(r))
		}
	}
	pool = append(pool, 'a', 'q', 'Z', ' ', '.', '-', '1', 0x301, 0x5B4, 0x64E, 'ß', 'Þ', '中', 'ア', 0xFFFD, '€', 'ſ', 'İ')
	rng := rand.New(rand.NewPCG(5, 5))
	for k := 0; k < 20000; k++ {
		var b strings.Builder
		for n := rng.IntN(12); n >= 0; n-- {
			b.WriteRune(pool[rng.IntN(len(pool))])
			if rng.IntN(30) == 0 {
				b.WriteByte(0xC3) // a sequence cut short
			}
		}
		s := b.String()
		for _, m := range Models {
			blank := []byte(s)
			want := 0
			for i := 0; i < len(blank); {
				if blank[i] < utf8.RuneSelf {
					i++
					continue
				}
				r, size := utf8.DecodeRune(blank[i:])
				if !m.Has(r) {
					want++
					for j := i; j < i+size; j++ {
						blank[j] = ' '
					}
				}
				i += size
			}
			wl, wn := m.Score(string(blank))
			gl, gn, got := m.ScoreKnown(s)
			if gl != wl || gn != wn || got != want {
				t.Fatalf("%s: ScoreKnown(%q) = %v, %d, %d; blanked Score = %v, %d, %d", m.Lang, s, gl, gn, got, wl, wn, want)
			}
		}
	}
}

func TestKatakanaWords(t *testing.T) {
	for i := 1; i < len(katakanaWords); i++ {
		if katakanaWords[i-1] >= katakanaWords[i] {
			t.Fatalf("katakanaWords not sorted and unique at %d: %q, %q", i, katakanaWords[i-1], katakanaWords[i])
		}
	}
	for _, c := range []struct {
		w            string
		word, prefix bool
	}{
		{"コントロール", true, false},
		{"コントロ", false, true},
		{"キーワード", true, true}, // キーワードテーブル begins with it
		{"コントリール", false, false},
		{"ダウンロード", true, false},
		{"アップデート", true, false},
	} {
		word, prefix := KatakanaLookup(c.w)
		if word != c.word || prefix != c.prefix {
			t.Errorf("KatakanaLookup(%q) = %v, %v; want %v, %v", c.w, word, prefix, c.word, c.prefix)
		}
		if KatakanaWord(c.w) != c.word || KatakanaPrefix(c.w) != c.prefix {
			t.Errorf("KatakanaWord/KatakanaPrefix(%q) disagree with KatakanaLookup", c.w)
		}
	}
}

func TestHanWords(t *testing.T) {
	if len(hanWords)%6 != 0 {
		t.Fatalf("len(hanWords) = %d, not six bytes a word", len(hanWords))
	}
	for i := 0; i < len(hanWords); i += 6 {
		if i > 0 && hanWords[i-6:i] >= hanWords[i:i+6] {
			t.Fatalf("hanWords not sorted and unique at %d: %q, %q", i/6, hanWords[i-6:i], hanWords[i:i+6])
		}
		rs := []rune(hanWords[i : i+6])
		if len(rs) != 2 || !HanWord(rs[0], rs[1]) {
			t.Fatalf("HanWord misses the table's word %q", hanWords[i:i+6])
		}
	}
	for _, c := range []struct {
		w    string
		word bool
	}{
		{"眉毛", true},  // libpinyin
		{"默认", true},  // libpinyin
		{"網絡", true},  // traditional form of 网络
		{"設定", true},  // mecab-ipadic
		{"鈥檚", false}, // "’s" read through GBK
		{"涓嶆", false}, // "不" read through GBK
		{"毛眉", false},
		{"一", false}, // one ideograph
		{"ab", false},
		{"銆€", false}, // U+20AC is no ideograph
	} {
		rs := []rune(c.w)
		got := len(rs) == 2 && HanWord(rs[0], rs[1])
		if got != c.word {
			t.Errorf("HanWord(%q) = %v, want %v", c.w, got, c.word)
		}
	}
}

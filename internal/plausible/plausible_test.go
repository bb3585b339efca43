package plausible

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/langstats"
)

func TestClassOf(t *testing.T) {
	tests := []struct {
		r    rune
		want Class
	}{
		{' ', Space},
		{'\t', Space},
		{'\n', Newline},
		{'\r', Newline},
		{'7', Digit},
		{'a', Lower},
		{'Z', Upper},
		{',', Punct},
		{'"', Punct},
		{'@', ASCIISymbol},
		{'~', ASCIISymbol},
		{0x01, Control},
		{0x7F, Control},
		{0x85, C1},
		{0x9D, C1},
		{0xA0, NBSP},
		{'é', LatinLower},
		{'ß', LatinLower},
		{'ł', LatinLower},
		{'É', LatinUpper},
		{'Ł', LatinUpper},
		{'©', LatinSymbol},
		{'¤', LatinSymbol},
		{'×', LatinSymbol},
		{'ˆ', Modifier},
		{'˜', Modifier},
		{0x0301, Combining},
		{'α', GreekLower},
		{'Ω', GreekUpper},
		{'ж', CyrillicLower},
		{'Ж', CyrillicUpper},
		{'ש', Hebrew},
		{'ع', Arabic},
		{'ก', Thai},
		{'Ա', OtherLetter},
		{'क', OtherLetter},
		{'’', GeneralPunct},
		{'—', GeneralPunct},
		{'…', GeneralPunct},
		{'€', Currency},
		{'₹', Currency},
		{'→', Math},
		{'≤', Math},
		{'™', Math},
		{'─', Box},
		{'█', Box},
		{'■', Box},
		{'☺', Dingbat},
		{'😀', Dingbat},
		{'、', CJKPunct},
		{'，', CJKPunct},
		{'あ', Kana},
		{'カ', Kana},
		{'ｶ', HalfKana},
		{'Ａ', Fullwidth},
		{'中', Han},
		{'𠀀', Han},
		{'한', Hangul},
		{0xE000, PrivateUse},
		{0xF8FF, PrivateUse},
		{0xF0000, PrivateUse},
		{0xFFFD, Replacement},
		{0x0378, Unassigned},
		{0x2001, Format},
		{0x200B, Format},
		{0x202F, Format},
	}
	for _, tt := range tests {
		if got := ClassOf(tt.r); got != tt.want {
			t.Errorf("ClassOf(%U %q) = %d, want %d", tt.r, tt.r, got, tt.want)
		}
	}
}

func TestScript(t *testing.T) {
	tests := []struct {
		c    Class
		want Script
	}{
		{Lower, Latin},
		{Upper, Latin},
		{LatinLower, Latin},
		{LatinUpper, Latin},
		{GreekLower, Greek},
		{GreekUpper, Greek},
		{CyrillicLower, Cyrillic},
		{CyrillicUpper, Cyrillic},
		{Hebrew, HebrewScript},
		{Arabic, ArabicScript},
		{Thai, ThaiScript},
		// East Asian writing mixes Han, kana and Hangul freely.
		{Han, CJK},
		{Kana, CJK},
		{HalfKana, CJK},
		{Hangul, CJK},
		{OtherLetter, OtherScript},
		// Not letters.
		{Digit, NoScript},
		{LatinSymbol, NoScript},
		{C1, NoScript},
		{GeneralPunct, NoScript},
		{CJKPunct, NoScript},
		{Fullwidth, NoScript},
		{Replacement, NoScript},
	}
	for _, tt := range tests {
		if got := tt.c.Script(); got != tt.want {
			t.Errorf("Class(%d).Script() = %d, want %d", tt.c, got, tt.want)
		}
		if got := tt.c.IsLetter(); got != (tt.want != NoScript) {
			t.Errorf("Class(%d).IsLetter() = %v", tt.c, got)
		}
	}
}

// TestClassTables checks that the tables ClassOf reads agree with the
// slow classification they cache, for every rune of the BMP and a sample
// beyond it: a mismatch would mean the tables were built from a stale
// classifier or indexed wrongly.
func TestClassTables(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0x10000 && r%97 != 0 {
			continue // beyond the BMP ClassOf is the slow path itself
		}
		if got, want := ClassOf(r), classifySlow(r); got != want {
			t.Errorf("ClassOf(%U) = %d, classifySlow = %d", r, got, want)
		}
	}
}

// TestMojibakeCostsMore checks the ordering the whole model exists for:
// a text costs less than its mojibake. Each pair is a real kind of
// damage.
func TestMojibakeCostsMore(t *testing.T) {
	tests := []struct{ mojibake, repaired string }{
		{"cafÃ©", "café"},
		{"Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет"},
		{"Japan鈥檚", "Japan’s"},
		{"ÄãºÃ", "你好"},
		{"â€œHelloâ€\u009d", "“Hello”"},
		{"naÃ¯ve rÃ©sumÃ©", "naïve résumé"},
		{"StraÃŸe", "Straße"},
		{"ZaÅ¼Ã³Å‚Ä‡ gÄ™Å›lÄ…", "Zażółć gęślą"},
		{"Ãœber", "Über"},
		{"cafÃƒÂ©", "cafÃ©"},
		{"Ïðèâåò", "Привет"},
		{"пПЙЧЕФ", "Привет"},
		{"Î•Î»Î»Î·Î½Î¹ÎºÎ¬", "Ελληνικά"},
		{"×©×œ×•×", "שלום"},
		{"æ—¥æœ¬èªž", "日本語"},
		{"ì•ˆë…•í•˜ì„¸ìš”", "안녕하세요"},
		{"縺薙ｓ縺ｫ縺｡縺ｯ", "こんにちは"},
		{"涓枃", "中文"},
		{"donâ€™t", "don’t"},
		{"Ã  bientÃ´t", "à bientôt"},
		{"caf\uFFFD", "café"},
		{"MÃ¼nchen", "München"},
		{"Ã‰cole", "École"},
	}
	for _, tt := range tests {
		m, r := Cost(tt.mojibake), Cost(tt.repaired)
		if r >= m {
			t.Errorf("Cost(%q) = %.1f is not below Cost(%q) = %.1f", tt.repaired, r, tt.mojibake, m)
		}
	}
}

// TestCommonHanziCheaper checks that Han characters are priced by how
// often people write them: the hanzi that UTF-8 read as GBK lands on (鈥,
// 檚, 锟, 斤, 拷) are rare, the ones Chinese is made of are common.
func TestCommonHanziCheaper(t *testing.T) {
	tests := []struct{ common, rare rune }{
		{'的', '鈥'},
		{'是', '檚'},
		{'我', '锟'},
		{'人', '拷'},
		{'中', '縺'},
		{'の', 'ｮ'},
		{'한', '힂'},
	}
	for _, tt := range tests {
		if c, r := RuneCost(tt.common), RuneCost(tt.rare); c >= r {
			t.Errorf("RuneCost(%q) = %.1f is not below RuneCost(%q) = %.1f", tt.common, c, tt.rare, r)
		}
	}
}

// TestRuneCostOrder checks the unigram ordering by class: letters people
// type are cheap, the symbols and controls wrong decoders produce dear.
func TestRuneCostOrder(t *testing.T) {
	order := [][2]rune{
		{'e', 'é'},    // ASCII letter < accented letter
		{'é', '©'},    // accented letter < Latin-1 symbol
		{'©', 0x85},   // Latin-1 symbol < C1 control
		{'е', 'Յ'},    // a letter some language writes < one none does
		{'’', 0xF8FF}, // punctuation < private use
		{'a', 0xFFFD}, // a letter < a marked loss
		{'─', 0x0378}, // box drawing < unassigned
		{'-', 0x0085}, // ASCII punctuation < C1 control
		{'€', 0xE000}, // currency < private use
		{'¿', 0x0081}, // inverted question mark < C1 control
	}
	for _, p := range order {
		if a, b := RuneCost(p[0]), RuneCost(p[1]); a >= b {
			t.Errorf("RuneCost(%U %q) = %.1f is not below RuneCost(%U) = %.1f", p[0], p[0], a, p[1], b)
		}
	}
}

// TestCostInContext checks that the neighbours of a span count: "Ã©"
// inside "cafÃ©s" breaks a word, "é" does not.
func TestCostInContext(t *testing.T) {
	tests := []struct {
		before             rune
		mojibake, repaired string
		after              rune
	}{
		{'f', "Ã©", "é", 's'},
		{'n', "â€™", "’", 't'},
		{'и', "Ð²", "в", 'е'},
		{0, "ÄãºÃ", "你好", '，'},
		{'n', "鈥檛", "’t", ' '},
	}
	for _, tt := range tests {
		m := CostInContext(tt.before, tt.mojibake, tt.after)
		r := CostInContext(tt.before, tt.repaired, tt.after)
		if r >= m {
			t.Errorf("in %q…%q: CostInContext(%q) = %.1f is not below CostInContext(%q) = %.1f", tt.before, tt.after, tt.repaired, r, tt.mojibake, m)
		}
		// Without languages, CostWith is CostInContext.
		if w := CostWith(tt.before, tt.mojibake, tt.after, nil); w != m {
			t.Errorf("CostWith(%q, nil) = %v, CostInContext = %v", tt.mojibake, w, m)
		}
	}
}

// TestCostWithLanguages checks that a word is judged in the language of
// its line, and that the line's languages still rank a repair below its
// mojibake.
func TestCostWithLanguages(t *testing.T) {
	tests := []struct {
		line               string
		mojibake, repaired string
	}{
		{"A használati útmutató szerint a készüléket száraz helyen kell tárolni.", "hasznĂĄlat", "használat"},
		{"A használati útmutató szerint a készüléket száraz helyen kell tárolni.", "hasznÃ¡lat", "használat"},
		{"Der Bürgermeister eröffnete gestern die neue Brücke über den Fluß.", "BÃ¼rgermeister", "Bürgermeister"},
		{"Сегодня в Москве очень холодная погода и весь день идёт снег.", "Ð¿Ð¾Ð³Ð¾Ð´Ð°", "погода"},
		{"Сегодня в Москве очень холодная погода и весь день идёт снег.", "ÐÏÇÏÄÁ", "погода"},
		{"Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και μία από τις αρχαιότερες πόλεις.", "Î±ÏÏ‡Î±Î¯Î±", "αρχαία"},
		{"Le café de la gare était fermé à cause de la grève, mais l’hôtel restait ouvert.", "fermÃ©", "fermé"},
	}
	for _, tt := range tests {
		langs := LanguagesOf(tt.line)
		m := CostWith(' ', tt.mojibake, ' ', langs)
		r := CostWith(' ', tt.repaired, ' ', langs)
		if r >= m {
			t.Errorf("in %q: CostWith(%q) = %.1f is not below CostWith(%q) = %.1f", tt.line, tt.repaired, r, tt.mojibake, m)
		}
		// Asking again must give the same price (the memo must not
		// change it).
		if again := CostWith(' ', tt.repaired, ' ', langs); again != r {
			t.Errorf("CostWith(%q) = %v, then %v", tt.repaired, r, again)
		}
	}
}

// TestLostCostQuotes checks the choice of a lost last byte of E2 80 xx
// between a letter and a space: with no quote open, "States’ most" (an
// apostrophe) is likelier than a closing double quote; inside a quotation
// “…office,” the closing double quote is. The score is the one the repair
// engine ranks candidates by: LostCost plus QuoteCost.
func TestLostCostQuotes(t *testing.T) {
	score := func(before, r, after rune, open rune) float64 {
		return LostCost(before, r, after) + QuoteCost(r, open)
	}
	tests := []struct {
		before, after rune
		open          rune // the innermost mark left open, 0 for none
		better, worse rune
	}{
		{'s', ' ', 0, '’', '”'},
		{'s', ' ', 0, '’', '—'},
		{'e', ' ', '“', '”', '’'},
		{',', ' ', '“', '”', '’'},
		{' ', 'T', 0, '“', '”'},
		{'n', 't', 0, '’', '”'},
		{'R', '-', '„', '“', '’'},      // German „ODER“
		{'.', ' ', '»', '«', '\u00a0'}, // German »…«
		{'g', ' ', '⟨', '⟩', '⟅'},
	}
	for _, tt := range tests {
		b := score(tt.before, tt.better, tt.after, tt.open)
		w := score(tt.before, tt.worse, tt.after, tt.open)
		if b >= w {
			t.Errorf("%q_%q with %d open: %q scores %.1f, not below %q at %.1f", tt.before, tt.after, tt.open, tt.better, b, tt.worse, w)
		}
	}
	// An open quotation makes a closing quote cheaper, and an opening
	// one dearer.
	if QuoteCost('”', '“') >= QuoteCost('”', 0) {
		t.Error("an open quotation does not make ” cheaper")
	}
	if QuoteCost('“', '“') <= QuoteCost('“', 0) {
		t.Error("an open quotation does not make “ dearer")
	}
	// Outside the punctuation blocks the context model adds nothing to
	// the character model.
	if d := LostCost('a', 'é', 'b') - CharCost('a', "é", 'b'); d != 0 {
		t.Errorf("LostCost adds %v to a letter", d)
	}
}

func TestLeavesAlphabet(t *testing.T) {
	for _, c := range []struct {
		orig, repl string
		want       bool
	}{
		{"ÅØ", "Ũ", true},  // Danish letters read as one Vietnamese letter
		{"РІ", "в", false}, // Ukrainian letters, a Ukrainian letter
		{"ÄŤ", "č", false}, // Slovak letters, a Slovak letter
		{"Ã©", "é", false}, // a symbol: no alphabet spells it
		{"ÅŸ", "ş", false}, // no alphabet has both Å and Ÿ
		{"ab", "ä", false}, // ASCII is no evidence either way
		{"", "é", false},
		{"è", "Ō", false}, // Hepburn's Ō, which no model has, is written
		{"è", "Ǒ", true},  // a pinyin tone letter is not
	} {
		if got := LeavesAlphabet(c.orig, c.repl); got != c.want {
			t.Errorf("LeavesAlphabet(%q, %q) = %v, want %v", c.orig, c.repl, got, c.want)
		}
	}
}

// Turkish capitals are letters like any other: the dotted capital İ costs
// what Ş costs.
func TestTurkishCapitalI(t *testing.T) {
	if RuneCost('İ') != RuneCost('Ş') {
		t.Errorf("RuneCost('İ') = %v, RuneCost('Ş') = %v", RuneCost('İ'), RuneCost('Ş'))
	}
}

// Choosing a lost letter, a letter the language does not have must not
// win because it drops out of the bigrams: in Hungarian, Á (C3 81 with
// its last byte dropped by windows-1252) beats Ï (C3 8F).
func TestChoiceCostForeignLetter(t *testing.T) {
	langs := LanguagesOf("A vizsgán a diákok átlaga jó volt, de senki sem kapta meg a díjat.")
	native, foreign := ChoiceCost(' ', "ÁLLAMI", ' ', langs), ChoiceCost(' ', "ÏLLAMI", ' ', langs)
	if native >= foreign {
		t.Errorf("ChoiceCost(ÁLLAMI) = %.1f, ChoiceCost(ÏLLAMI) = %.1f: want the Hungarian letter cheaper", native, foreign)
	}
}

// Punctuation and digits of a script without a class of its own count as
// its letters: rare, and strangers in a Latin line.
func TestOtherScriptMarks(t *testing.T) {
	for _, r := range []rune{0x055D, 0x0701, 0x070F, 0x07C1, 0x1810} {
		if c := ClassOf(r); c != OtherLetter {
			t.Errorf("ClassOf(%U) = %v, want OtherLetter", r, c)
		}
		if RuneCost(r) < 14 {
			t.Errorf("RuneCost(%U) = %v, want a rare character's", r, RuneCost(r))
		}
	}
	for _, r := range []rune{'’', '«', '…', '€', '→'} {
		if ClassOf(r) == OtherLetter {
			t.Errorf("ClassOf(%c) = OtherLetter, want a common class", r)
		}
	}
}

// TestArabicHaraka: a haraka on an Arabic letter costs a mark's unigram,
// on a Latin letter or after a space as much as a rare letter.
func TestArabicHaraka(t *testing.T) {
	const fatha = "\u064e"
	if got, want := CharCost(0, "الوَصل", 0)-CharCost(0, "الوصل", 0), unigram[Combining]; got != want {
		t.Errorf("a fatha on an Arabic letter costs %v, want %v", got, want)
	}
	if got := CharCost(0, "canci"+fatha+"n", 0) - CharCost(0, "cancin", 0); got < rareLetter {
		t.Errorf("a fatha on a Latin letter costs %v, want at least %v", got, rareLetter)
	}
	if got := CharCost(0, "a "+fatha, 0) - CharCost(0, "a ", 0); got < rareLetter {
		t.Errorf("a fatha after a space costs %v, want at least %v", got, rareLetter)
	}
}

func TestFrequencyCost(t *testing.T) {
	// East Asian text writes the full-width comma and the ideographic
	// full stop far more often than the exclamation mark or 〃.
	if FrequencyCost('，') >= FrequencyCost('！') {
		t.Errorf("FrequencyCost(，) = %v, not below FrequencyCost(！) = %v", FrequencyCost('，'), FrequencyCost('！'))
	}
	if FrequencyCost('。') >= FrequencyCost('〃') {
		t.Errorf("FrequencyCost(。) = %v, not below FrequencyCost(〃) = %v", FrequencyCost('。'), FrequencyCost('〃'))
	}
	// For other characters it is RuneCost.
	for _, r := range "的あ한a—é" {
		if FrequencyCost(r) != RuneCost(r) {
			t.Errorf("FrequencyCost(%q) = %v, RuneCost = %v", r, FrequencyCost(r), RuneCost(r))
		}
	}
}

// TestCharCostRune holds the one-rune shortcut to CharCost of the rune's
// text, for every rune of the BMP, some beyond, invalid ones, and
// neighbours of every kind.
func TestCharCostRune(t *testing.T) {
	neighbours := []rune{0, 'a', 'A', ' ', '.', 'É', 'é', 'ж', 'Ж', '中', '\uFFFD', 0x301, 0x1F600}
	runes := []rune{-1, 0xD800, 0xDFFF, 0x10FFFF, 0x110000, 0x1F600, 0x20000}
	for r := rune(0); r < 0x10000; r++ {
		runes = append(runes, r)
	}
	for _, r := range runes {
		for _, b := range neighbours {
			for _, a := range neighbours {
				if got, want := charCostRune(b, r, a), CharCost(b, string(r), a); got != want {
					t.Fatalf("charCostRune(%U, %U, %U) = %v, CharCost = %v", b, r, a, got, want)
				}
			}
		}
	}
}

// TestLanguageCostMax holds the bound to what it bounds: no choice of
// languages prices a text above it, and for a text of one script it is
// the price under one of the script's models.
func TestLanguageCostMax(t *testing.T) {
	texts := []string{
		"Москва", "В этом", "Ǻосква", "Crème brûlée", "Ελληνικά κείμενα", "ĂŽĂ©Ă",
		"füR", "ÄpfeL", "naïveté", "Ð¿Ñ€Ð¸", "Ïðèâåò", "hello", "東京は日本の首都です。",
		"Москва — столица Crème Ελληνικά", "ſſ", "Þórshöfn", "ПРИВЕТ", "ǅemal", "שלום", "مرحبا", "สวัสดี",
		"aЖ中éБ語ü字Ωß", "", "12345", "Ŀ", "ʹ", "Ǻ",
	}
	for _, s := range texts {
		bound := LanguageCostMax(s)
		if c := LanguageCost(s, nil); c > bound+1e-9 {
			t.Errorf("LanguageCost(%q, nil) = %v > LanguageCostMax = %v", s, c, bound)
		}
		var scripts []Script
		seen := map[Script]bool{}
		for _, r := range s {
			if sc := ClassOf(r).Script(); len(scriptModels[sc]) > 0 && !seen[sc] {
				seen[sc] = true
				scripts = append(scripts, sc)
			}
		}
		most := 0.0
		// Every choice of one model per script.
		var try func(k int, l *Languages)
		try = func(k int, l *Languages) {
			if k == len(scripts) {
				c := languageCostOf(s, l)
				if c > bound+1e-9 {
					t.Errorf("LanguageCost(%q) under %v = %v > LanguageCostMax = %v", s, l.models, c, bound)
				}
				most = max(most, c)
				return
			}
			for _, m := range scriptModels[scripts[k]] {
				m2 := *l
				m2.models[scripts[k]] = m
				try(k+1, &m2)
			}
		}
		try(0, &Languages{})
		if len(scripts) == 1 && math.Abs(most-bound) > 1e-9 {
			t.Errorf("LanguageCostMax(%q) = %v, want the most a model prices it, %v", s, bound, most)
		}
	}
}

// TestReleaseKeepsPrices holds LanguageCost to the same figures after
// a Languages released its memory, and for another that took it over.
func TestReleaseKeepsPrices(t *testing.T) {
	line := "Le café de la gare était fermé à cause de la grève"
	words := []string{"café", "cafÃ©", "était", "Ã©tait", "grève", "grÃ¨ve"}
	a := LanguagesOf(line)
	want := make([]float64, len(words))
	for i, w := range words {
		want[i] = LanguageCost(w, a)
	}
	a.Release()
	b := LanguagesOf(line)
	for round := 0; round < 2; round++ {
		for i, w := range words {
			if got := LanguageCost(w, a); got != want[i] {
				t.Errorf("after Release, LanguageCost(%q) = %v, want %v", w, got, want[i])
			}
			if got := LanguageCost(w, b); got != want[i] {
				t.Errorf("with a reused memory, LanguageCost(%q) = %v, want %v", w, got, want[i])
			}
		}
		b.Release()
	}
}

func TestBoxesJoin(t *testing.T) {
	for _, tt := range []struct {
		a, b rune
		want bool
	}{
		{'├', '─', true}, {'─', '┼', true}, {'═', '╗', true}, {'╒', '═', true},
		{'│', '│', true}, {'┐', '┌', true}, {'░', '▒', true}, {'■', '□', true},
		{'─', '─', true}, {'╭', '─', true},
		// UTF-8 read through cp437: ú, ð, õ, ü.
		{'├', '║', false}, {'├', '░', false}, {'├', '╡', false}, {'├', '╝', false},
		{'─', '═', false}, {'─', '━', false},
	} {
		if got := boxesJoin(tt.a, tt.b); got != tt.want {
			t.Errorf("boxesJoin(%c, %c) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestRarePrices holds the prices of characters that correct text writes
// (the micro sign, the ordinal indicators, the Ukrainian apostrophe ʼ,
// the spacing accents, Hepburn's ō) below those of characters only a
// wrong reading makes (phonetic superscripts, Braille, the North Indic
// fractions, a Vedic tone mark, an unassigned code point).
func TestRarePrices(t *testing.T) {
	for _, r := range "µªºʼˆ˜ﬁㄅōŌ" {
		if c := RuneCost(r); c >= rareLetter {
			t.Errorf("RuneCost(%q) = %v, want less than %v", r, c, rareLetter)
		}
	}
	for _, r := range "ʰʵˠ⠸꠳\u1CE1\U000E0EA0" {
		if c := RuneCost(r); c < rareLetter {
			t.Errorf("RuneCost(%q) = %v, want at least %v", r, c, rareLetter)
		}
	}
	// A mark on a hanzi is noise, but Japanese decomposes が into か and
	// U+3099.
	if CharCost(0, "定\u0327", 0) <= CharCost(0, "定", 0)+RuneCost('\u0327') {
		t.Errorf("a cedilla on 定 costs no more than its unigram")
	}
	if CharCost(0, "か\u3099", 0) > CharCost(0, "か", 0)+RuneCost('\u3099')+transitions[Kana][Combining] {
		t.Errorf("the voiced sound mark on か costs more than a mark on a letter")
	}
}

func TestWritesAlone(t *testing.T) {
	for _, c := range []struct {
		lang string
		r    rune
		want bool
	}{
		{"fr", 'à', true}, {"it", 'è', true}, {"sv", 'å', true}, {"sv", 'Ö', true},
		{"es", 'ñ', false}, {"es", 'Ñ', false}, {"pt", 'ã', false}, {"de", 'ä', false},
		{"en", 'ñ', false}, // not in the alphabet
	} {
		l := &Languages{main: Latin}
		l.models[Latin] = langstats.ByLang(c.lang)
		if got := l.WritesAlone(c.r); got != c.want {
			t.Errorf("%s WritesAlone(%q) = %v, want %v", c.lang, c.r, got, c.want)
		}
	}
	if (*Languages)(nil).WritesAlone('à') {
		t.Error("nil Languages writes à alone")
	}
}

// gainMaxLines are lines of many scripts, and corners of
// LanguageGainMax: scripts just under and at modelLetters, letters no
// model knows, marks, and a script a word writes only in its reading.
var gainMaxLines = []string{
	"В связи с этим, процесс получает все мандаты в своих наборах.",
	"В Linux 2.6 он стал не рекомендуемым (CONFIG_PCI_LEGACY_PROC), и, наконец, удалён.",
	"ОШИБКА ДИАПАЗОНА ВОЗНИКАЕТ, КОГДА ВЕЛИЧИНА РЕЗУЛЬТАТА НЕ МОЖЕТ БЫТЬ ПРЕДСТАВЛЕНА.",
	"недостатньо пам'яті для створення таблиці рядків заголовка розділу",
	"Crème brûlée for 10 €. Москва — столица. 東京は日本の首都です。 Ελληνικά κείμενα.",
	"Le café de la gare était fermé à cause de la grève",
	"Þórshöfn og Ísafjörður, ſſ ǅemal Ŀ ʹ Ǻ",
	"В этом abcdefghijk", "В этом abcdefghijkl", "Москва ЖЖЖЖЖ", "Москва ЖЖЖЖЖЖ",
	"שלום עולם מה שלומך היום", "مرحبا بالعالم كيف حالك اليوم", "สวัสดีครับ ยินดีต้อนรับ",
	"Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ïðèâåò ĂŽĂ©Ă füR ÄpfeL",
	"aЖ中éБ語ü字Ωß ОШИБКА 中文Abc日本語 한국어Ж",
	"й\u0306ё\u0308 ӂӝ Ѐѝ ҷҹ",
}

// gainMaxCands are readings of an island: nothing, a space, letters of
// several scripts, and a mark.
var gainMaxCands = []string{"", " ", "\u00a0", "é", "ы", "Ж", "Ω", "в", "ab", "\u0301", "中", "Ǻ", "ѝ", "ﬁ"}

// TestLanguageGainMax holds the bound to what it bounds: for every word
// of the lines above and every island in it read as each of
// gainMaxCands, the word's language cost in the line's languages less
// its reading's.
func TestLanguageGainMax(t *testing.T) {
	checked := 0
	for _, line := range gainMaxLines {
		checked += checkLanguageGainMax(t, line, -1, -1, gainMaxCands)
	}
	if checked == 0 {
		t.Fatal("nothing checked")
	}
	t.Logf("checked %d readings", checked)
}

// checkLanguageGainMax checks LanguageGainMax on the parts of line
// (from the rune at offset at, of up to eight runes, or from every
// rune) with each island of up to three runes in them read as each of
// cands, and returns how many it checked.
func checkLanguageGainMax(t *testing.T, line string, at, n int, cands []string) int {
	l := LanguagesOf(line)
	var starts []int
	for i := range line {
		starts = append(starts, i)
	}
	starts = append(starts, len(line))
	checked := 0
	for a := range len(starts) - 1 {
		if at >= 0 && starts[a] != at {
			continue
		}
		for b := a + 1; b < len(starts) && b <= a+8; b++ {
			if n >= 0 && b != a+n {
				continue
			}
			orig := line[starts[a]:starts[b]]
			oc := LanguageCost(orig, l)
			for x := a; x < b; x++ {
				for y := x + 1; y <= b && y <= x+3; y++ {
					for _, cand := range cands {
						repl := line[starts[a]:starts[x]] + cand + line[starts[y]:starts[b]]
						bound := LanguageGainMax(orig, repl, line)
						if d := oc - LanguageCost(repl, l); d > bound+1e-9 {
							t.Errorf("in %q, %q for %q: gain %v > LanguageGainMax %v", line, repl, orig, d, bound)
						}
						checked++
					}
				}
			}
		}
	}
	return checked
}

// TestSameWords holds sameWords to how a model scores: texts it calls
// the same score alike under every model.
func TestSameWords(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"ab cd", "ab cd", true}, {"  ab   cd ", "ab cd", true}, {"ab cd", "abcd", false},
		{"", "   ", true}, {"ab", "ab c", false}, {"ab c", "ab", false}, {"a", "b", false},
		{"связи", " связи", true}, {"в связи", " связи", false},
	} {
		if got := sameWords([]byte(c.a), []byte(c.b)); got != c.want {
			t.Errorf("sameWords(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if !c.want {
			continue
		}
		for _, m := range langstats.Models {
			if x, y := scriptCost(m, []byte(c.a)), scriptCost(m, []byte(c.b)); x != y {
				t.Errorf("%q and %q under %s: %v and %v", c.a, c.b, m.Lang, x, y)
			}
		}
	}
}

// FuzzLanguageGainMax checks the bound on a line of the fuzzer's, at
// one of its parts with every island in it read as the fuzzer's
// reading and a few of gainMaxCands.
func FuzzLanguageGainMax(f *testing.F) {
	for _, s := range gainMaxLines {
		f.Add(s, uint(0), uint(7), "\u00a0")
		f.Add(s, uint(3), uint(4), "")
	}
	f.Fuzz(func(t *testing.T, line string, at, n uint, cand string) {
		if len(line) > 512 || len(cand) > 16 || !utf8.ValidString(line) || !utf8.ValidString(cand) {
			return
		}
		if len(line) == 0 {
			return
		}
		off := int(at % uint(len(line)))
		for off > 0 && !utf8.RuneStart(line[off]) {
			off--
		}
		checkLanguageGainMax(t, line, off, 1+int(n%8), []string{cand, "", " ", "в"})
	})
}

// languageCostRef is languageCostWeighted as it read s once for each
// script, with the key of each gathered by appendOnlyScript.
func languageCostRef(s string, langs *Languages, weight float64) float64 {
	var scripts [numScripts]bool
	for _, r := range s {
		if r < 0x80 && !(r|0x20 >= 'a' && r|0x20 <= 'z') {
			continue
		}
		if sc := ClassOf(r).Script(); sc != NoScript && sc != CJK && sc != OtherScript {
			scripts[sc] = true
		}
	}
	var total float64
	for sc := Script(1); sc < numScripts; sc++ {
		if !scripts[sc] {
			continue
		}
		key := appendOnlyScript(append([]byte(langScript[sc]), 0), s, sc)
		at := len(langScript[sc]) + 1
		var m *langstats.Model
		if langs != nil {
			m = langs.models[sc]
		}
		if m == nil {
			m = bestModelKey(key, at)
		}
		if m == nil {
			continue
		}
		text := string(key[at:])
		if weight >= 0 {
			logp, n, unknown := m.ScoreKnown(text)
			for range unknown {
				total += foreignLetter
			}
			total += weight * min(max(0, -logp-lmBaseline*float64(n)), lmCap*float64(n))
			continue
		}
		logp, _ := m.Score(text)
		total += -logp - m.RunBonus(text)
		if weight == choiceWords {
			total -= m.WordBonus(text)
		}
	}
	return total
}

// checkLanguageCostRef holds languageCostWeighted to languageCostRef on
// s, at every weight, without languages and in s's own.
func checkLanguageCostRef(t *testing.T, s string) {
	for _, langs := range []*Languages{nil, LanguagesOf(s)} {
		for _, w := range []float64{lmWeight, choiceWords, choiceLetters} {
			if got, want := languageCostWeighted(s, langs, w), languageCostRef(s, langs, w); got != want {
				t.Errorf("languageCostWeighted(%q, %v) = %v, read script by script %v", s, w, got, want)
			}
		}
	}
}

// TestLanguageCostOnePass holds the scan that gathers the first two
// scripts' letters to the reading of each script apart, on texts of one,
// two and three scripts, long and short, and on every part of them.
func TestLanguageCostOnePass(t *testing.T) {
	long := strings.Repeat("readline використовує поточні параметри, ", 12)
	texts := append([]string{long, long + "Ελληνικά", "中文 " + long, "", "12345", "中文"}, gainMaxLines...)
	for _, s := range texts {
		checkLanguageCostRef(t, s)
		if len(s) > 200 {
			continue
		}
		for i := range s {
			for j := i + 1; j <= len(s); j++ {
				if utf8.ValidString(s[i:j]) {
					checkLanguageCostRef(t, s[i:j])
				}
			}
		}
	}
}

func FuzzLanguageCostOnePass(f *testing.F) {
	for _, s := range gainMaxLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1024 {
			return
		}
		checkLanguageCostRef(t, s)
	})
}

// TestWrittenTogether holds the alphabets a word's letters must share.
func TestWrittenBeside(t *testing.T) {
	for _, c := range []struct {
		text   string
		except rune
		c      rune
		want   bool
	}{
		{"ERROR CRÃTICO DEL SISTEMA", 'Ã', 'Í', true},
		{"IRMÃS", 0, 'Í', true}, // Portuguese writes both
		{"Þjóð", 0, 'Ő', false}, // Icelandic letters and Hungarian Ő
		{"Mosaïque", 0, 'É', true},
		{"ÐÂ", 'Ð', 'А', true}, // another script: the line's Latin letters are not judged
		{"Ø§Ù„", 0, 'Á', false},
	} {
		if got := WrittenBeside(c.text, c.except, c.c); got != c.want {
			t.Errorf("WrittenBeside(%q, %q, %q) = %v, want %v", c.text, c.except, c.c, got, c.want)
		}
	}
}

// TestCheapestLanguage: a short line's letter pairs choose a language
// without its words; the line as a whole, words included, is cheapest in
// its own.
func TestCheapestLanguage(t *testing.T) {
	for _, c := range []struct {
		line, pairs, cheapest string
		writing               rune
	}{
		{"ERROR CRÃTICO DEL SISTEMA", "pt", "es", 0},
		{"ERROR CRÍTICO DEL SISTEMA", "pt", "es", 'Í'},
		{"ÃLLAPOT ISMERETLEN", "de", "hu", 0},
		{"Über die Brücke gehen", "de", "de", 'ü'},
	} {
		if got := LanguagesOf(c.line).models[Latin].Lang; got != c.pairs {
			t.Errorf("LanguagesOf(%q) chose %s, want %s (the premise)", c.line, got, c.pairs)
		}
		l, cost := CheapestLanguage(c.line, Latin, c.writing)
		if l == nil {
			t.Fatalf("CheapestLanguage(%q) = nil", c.line)
		}
		if got := l.models[Latin].Lang; got != c.cheapest {
			t.Errorf("CheapestLanguage(%q) chose %s, want %s", c.line, got, c.cheapest)
		}
		if want := ChoiceCost(0, c.line, 0, l); cost != want {
			t.Errorf("CheapestLanguage(%q) cost %v, want ChoiceCost %v", c.line, cost, want)
		}
		if c.writing != 0 && !l.Writes(c.writing) {
			t.Errorf("CheapestLanguage(%q, %q) chose %s, which does not write it", c.line, c.writing, l.models[Latin].Lang)
		}
	}
	if l, _ := CheapestLanguage("short", Latin, 0); l != nil {
		t.Errorf("CheapestLanguage of five letters chose %s", l.models[Latin].Lang)
	}
	if l, _ := CheapestLanguage("ERROR CRÍTICO DEL SISTEMA", Latin, 'ǿ'); l != nil {
		t.Errorf("CheapestLanguage writing ǿ chose %s", l.models[Latin].Lang)
	}
}

func TestWrittenTogether(t *testing.T) {
	for _, c := range []struct {
		word string
		want bool
	}{
		{"Łódź", true},
		{"ŝódź", false}, // Esperanto's ŝ, Polish ó and ź
		{"ōódź", false}, // Hepburn's ō
		{"Ōsaka", true},
		{"Tōkyō", true},
		{"Dvořák", true},
		{"Ísafjörður", true},
		{"naïve", true},
		{"ćwiczenie", true},
		{"cañón", true},
		{"Øß", false},
		{"ASCII", true},
		{"Москва", true},
		{"Мöсква", false},
	} {
		if got := WrittenTogether(c.word); got != c.want {
			t.Errorf("WrittenTogether(%q) = %v, want %v", c.word, got, c.want)
		}
	}
}

// TestHebrewPoints holds the price of the points Hebrew writes on its
// letters below that of the same mark on a Latin letter, and the shin
// dot on ש below the same dot on another letter.
func TestHebrewPoints(t *testing.T) {
	const qamats = "\u05b8"
	on := CharCost(0, "כ"+qamats, 0) - CharCost(0, "כ", 0)
	if off := CharCost(0, "e"+qamats, 0) - CharCost(0, "e", 0); on+rareLetter-unigram[Combining] > off {
		t.Errorf("a qamats on כ costs %v, on e %v: want a rare letter's price apart", on, off)
	}
	if on, off := CharCost(0, "ש\u05c1", 0), CharCost(0, "י\u05c1", 0); on+rareLetter-unigram[Combining] > off {
		t.Errorf("a shin dot on ש costs %v, on י %v", on, off)
	}
}

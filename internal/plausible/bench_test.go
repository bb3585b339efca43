package plausible

import (
	"strings"
	"testing"
)

// benchTexts are inputs of the kinds the model prices: ASCII, accented
// Latin, another alphabet, East Asian, and mojibake of each.
var benchTexts = []struct{ name, text string }{
	{"ASCII", strings.Repeat("The quick brown fox jumps over the lazy dog. ", 8)},
	{"ASCIINoLetters", strings.Repeat("12:30 - 14:45, 2024-01-01 (#42) ", 8)},
	{"Latin", strings.Repeat("Le café de la gare était fermé à cause de la grève. ", 8)},
	{"LatinMojibake", strings.Repeat("Le cafÃ© de la gare Ã©tait fermÃ© Ã  cause de la grÃ¨ve. ", 8)},
	{"Cyrillic", strings.Repeat("Сегодня в Москве очень холодная погода. ", 8)},
	{"CyrillicMojibake", strings.Repeat("Ð¡ÐµÐ³Ð¾Ð´Ð½Ñ Ð² ÐœÐ¾ÑÐºÐ²Ðµ Ð¾Ñ‡ÐµÐ½ÑŒ. ", 8)},
	{"CJK", strings.Repeat("我们今天去北京参观了故宫和长城，天气非常好。", 8)},
	{"CJKMojibake", strings.Repeat("We鈥檙e sure the company鈥檚 manager didn鈥檛 know. ", 8)},
}

// BenchmarkCost prices whole texts. Cost allocates even on ASCII (the
// language model reads a one-script copy of the text): the allocation
// figures are reported here rather than asserted in a test.
func BenchmarkCost(b *testing.B) {
	for _, bt := range benchTexts {
		b.Run(bt.name, func(b *testing.B) {
			b.SetBytes(int64(len(bt.text)))
			b.ReportAllocs()
			for b.Loop() {
				Cost(bt.text)
			}
		})
	}
}

// BenchmarkCostWith prices a word in the languages of its line, as the
// repair search does for every island; the memo in Languages makes
// repeated words cheap.
func BenchmarkCostWith(b *testing.B) {
	line := "Le café de la gare était fermé à cause de la grève, mais l’hôtel près de l’église restait ouvert."
	words := strings.Fields("cafÃ© Ã©tait fermÃ© grÃ¨ve café était fermé grève")
	n := 0
	for _, w := range words {
		n += len(w)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		langs := LanguagesOf(line)
		for _, w := range words {
			CostWith(' ', w, ' ', langs)
		}
	}
}

// BenchmarkClassOf classifies runes across the BMP through the tables.
func BenchmarkClassOf(b *testing.B) {
	ClassOf(0x4E00) // build the BMP table outside the timing
	b.ReportAllocs()
	for b.Loop() {
		for r := rune(0); r < 0x10000; r += 7 {
			ClassOf(r)
		}
	}
}

// BenchmarkRuneCost prices single characters of several classes.
func BenchmarkRuneCost(b *testing.B) {
	runes := []rune("aé©\u0085Ж中鈥ｶ’\uFFFD")
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range runes {
			RuneCost(r)
		}
	}
}

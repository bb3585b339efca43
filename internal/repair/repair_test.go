package repair_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/plausible"
	"github.com/mojitext/moji/internal/repair"
)

// allOptions turns on every kind of hypothesis the engine knows, as the
// command-line tool does by default.
var allOptions = repair.Options{RestoreByteA0: true, LossySequences: true, Islands: true, Legacy: true, InferLost: true}

// Clean sentences, one per language, long enough to carry the evidence a
// plausibility model needs (a handful of accented letters, several words
// of one script). They are the ground truth every damage case starts from.
const (
	french     = "Le café de la gare était fermé à cause de la grève, mais l’hôtel près de l’église restait ouvert."
	frenchA0   = "Il est allé à Paris en été, puis à Lyon où il a déjà vu la cathédrale."
	german     = "Die Straße vor dem Bürogebäude wurde über das Wochenende für größere Bauarbeiten gesperrt."
	spanish    = "El niño pequeño comió una manzana en el jardín mientras su abuela leía el periódico."
	portuguese = "A informação sobre a eleição foi divulgada pelo governo na manhã de terça-feira."
	polish     = "Zażółć gęślą jaźń: w Łodzi pociąg przyjechał z półgodzinnym opóźnieniem."
	czech      = "Příliš žluťoučký kůň úpěl ďábelské ódy a běžel přes louku k řece."
	czechDaily = "Ve čtvrtek jsme se dočkali překvapení, když počasí konečně dovolilo výlet do hor."
	russian    = "Сегодня в Москве очень холодная погода, и весь день идёт сильный снег."
	greek      = "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και μία από τις αρχαιότερες πόλεις του κόσμου."
	lithuanian = "Šiandien Vilniuje buvo labai šalta, todėl vaikai žaidė namuose su šunimi ir katėmis."
	english    = "The company’s new office opened on Monday — “we’re thrilled,” said the manager’s assistant."
	chinese    = "我们今天去北京参观了故宫和长城，天气非常好，大家都很高兴。"
	chineseT   = "我們今天去台北參觀了故宮博物院，天氣非常好，大家都很高興。"
	japanese   = "東京の天気は今日とても良いので、友達と一緒に公園へ散歩に行きました。"
	korean     = "오늘 서울의 날씨가 매우 좋아서 친구와 함께 공원에 산책을 갔습니다."
	hebrew     = "שלום, מה שלומך היום? אני גר בירושלים כבר עשר שנים ואוהב את העיר."
	// Hebrew joins a prefix to a foreign word with a maqaf (U+05BE).
	hebrewMaqaf = "יש להתקין את ה־firmware לפני ההפעלה הראשונה"
	arabic      = "مرحبا، كيف حالك اليوم؟ أنا أعيش في القاهرة منذ عشر سنوات وأحب المدينة."
	turkish     = "Bugün İstanbul’da hava çok güzeldi, çocuklar sahilde oynadı ve dondurma yediler."
	// englishApos has only apostrophes followed by letters, so that its
	// UTF-8 survives a strict double-byte reading ("company鈥檚").
	englishApos = "We’re sure the company’s manager didn’t know the shop’s owner wasn’t in town."
	// pounds and degrees hold one character outside ASCII each.
	pounds  = "The service is charged at £3.95 per month for every user."
	degrees = "Temperatures are expected to top 38° on Friday afternoon."
	// ranges joins numbers with en dashes, as the typography of ranges
	// does: years, pages and a percentage.
	ranges = "Pages 12–18 of the report cover the years 2019–2021, when sales fell 6–8% a year."
	// romanized spells a Japanese name in Hepburn, with a macron.
	romanized = "The architect Kenji Ōtani has finished a library beside the harbour."
	// undefined1252 holds letters whose UTF-8 ends in a byte strict
	// windows-1252 leaves undefined.
	undefined1252 = "ÁRPÁD and ÝMIR met Ïda in Đakovo, then drove to Tōkyō and Ōsaka by night."
)

// step is one mis-decoding applied to a text: encode it in charset enc,
// decode the bytes with dec, losing undecodable sequences as loss says;
// post, if set, then alters the text as software downstream did
// (replacing NBSP by a space).
type step struct {
	enc, dec string
	loss     codec.Loss
	post     func(string) string
}

// encode returns s in charset name ("utf-8" or a codec name).
func encode(name, s string) ([]byte, bool) {
	if name == "utf-8" {
		return []byte(s), utf8.ValidString(s)
	}
	cs, ok := codec.ByName(name)
	if !ok {
		return nil, false
	}
	return codec.EncodeString(cs, s)
}

// decode reads b with the decoder called name ("utf-8" or a codec name).
// The engine only ever undoes UTF-8 strictly, so "utf-8" has no loss.
func decode(name string, b []byte, loss codec.Loss) (string, bool) {
	if name == "utf-8" {
		return string(b), utf8.Valid(b)
	}
	cs, ok := codec.ByName(name)
	if !ok {
		return "", false
	}
	return codec.DecodeString(cs, b, loss)
}

// damage applies st to s and returns the bytes it went through and the
// damaged text. The damage must be real: a strict step whose bytes the
// decoder rejects is a mistake in the test table, not a case.
func damage(tb testing.TB, s string, st step) ([]byte, string) {
	tb.Helper()
	b, ok := encode(st.enc, s)
	if !ok {
		tb.Fatalf("%q cannot be encoded in %s", s, st.enc)
	}
	out, ok := decode(st.dec, b, st.loss)
	if !ok {
		tb.Fatalf("%s bytes of %q do not decode strictly as %s", st.enc, s, st.dec)
	}
	if st.post != nil {
		out = st.post(out)
	}
	if out == s {
		tb.Fatalf("step %s→%s leaves %q unchanged", st.enc, st.dec, s)
	}
	return b, out
}

// nbspToSpace is what HTML "cleaners" and some editors do to U+00A0.
func nbspToSpace(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// damageCase is a clean sentence and the mis-decodings that damaged it,
// innermost first.
type damageCase struct {
	name  string
	clean string
	steps []step
	// loss is the Loss the outermost undone layer must report ("" for
	// none); lossy steps are always the outermost one.
	loss string
	// marked allows lost characters to come back as U+FFFD.
	marked bool
	// textOK, in knownMisses only, says the text is repaired and only the
	// plan is wrong: the text must stay repaired.
	textOK bool
}

// stage is a text before one damage step, with the bytes the step made
// of it and the text it produced.
type stage struct {
	before string
	bytes  []byte
	after  string
	step   step
}

// build applies the case's steps to its clean sentence.
func (c damageCase) build(tb testing.TB) (damaged string, stages []stage) {
	tb.Helper()
	s := c.clean
	for _, st := range c.steps {
		b, out := damage(tb, s, st)
		stages = append(stages, stage{before: s, bytes: b, after: out, step: st})
		s = out
	}
	return s, stages
}

// sameDecoder reports whether the decoder a layer names reads the bytes
// of a damage step as the step's decoder did. Decoders that agree on the
// bytes at hand (windows-1252 and Latin-1 on "Ã©", big5 and cp950 on
// common hanzi) are equally right: nothing in the text can tell them
// apart. The sloppy variant of a Windows page is the page itself with its
// holes filled, so it is also the right name where the step lost bytes in
// those holes.
func sameDecoder(layerDec string, st stage) bool {
	if layerDec == st.step.dec || layerDec == "sloppy-"+st.step.dec || layerDec == vendorSuperset[st.step.dec] {
		return true
	}
	out, ok := decode(layerDec, st.bytes, st.step.loss)
	if st.step.post != nil {
		out = st.step.post(out)
	}
	return ok && out == st.after
}

// vendorSuperset maps a standard East Asian charset to the Microsoft code
// page that extends it: the engine tries only the superset, which reads
// every valid sequence of the standard the same way.
var vendorSuperset = map[string]string{"shift_jis": "cp932", "big5": "cp950", "euc-kr": "cp949", "gb2312": "gbk"}

// sameCharset reports whether the true charset a layer names encodes the
// text before a damage step to the same bytes the step's charset did.
func sameCharset(layerCS string, st stage) bool {
	b, ok := encode(layerCS, st.before)
	return ok && string(b) == string(st.bytes)
}

// describe renders layers for failure messages.
func describe(layers []repair.Layer) string {
	var parts []string
	for _, l := range layers {
		parts = append(parts, fmt.Sprintf("%s read as %s (loss %q, islands %v)", l.TrueCharset, l.WrongDecoder, l.Loss, l.Islands))
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

// replay applies the layers Repair returned, outermost first.
func replay(s string, layers []repair.Layer) string {
	return repair.ApplyLayers(s, layers)
}

// verdict is what is wrong with a repair: its text, or its plan (the
// layers it names, and whether Apply replays them to the same text).
type verdict struct {
	text, plan []string
}

func (v verdict) ok() bool { return len(v.text) == 0 && len(v.plan) == 0 }

// sameText reports whether got is want, or, when marked, want with some
// characters replaced by U+FFFD: a lost byte of a hanzi leaves 64
// candidates that context rarely tells apart, and the engine says so
// rather than guess.
func sameText(got, want string, marked bool) bool {
	if got == want || !marked {
		return got == want
	}
	g, w := []rune(got), []rune(want)
	if len(g) != len(w) {
		return false
	}
	for i := range g {
		if g[i] != w[i] && g[i] != utf8.RuneError {
			return false
		}
	}
	return true
}

// checkRepair repairs the damaged text of c and reports every way the
// result falls short.
func checkRepair(tb testing.TB, c damageCase) (v verdict) {
	tb.Helper()
	damaged, stages := c.build(tb)
	got, layers := repair.Repair(damaged, allOptions)
	if !sameText(got, c.clean, c.marked) {
		v.text = append(v.text, fmt.Sprintf("Repair(%q)\n  = %q\n want %q\n layers %s", damaged, got, c.clean, describe(layers)))
	}
	if len(layers) != len(stages) {
		v.plan = append(v.plan, fmt.Sprintf("got %d layers %s, want %d", len(layers), describe(layers), len(stages)))
	} else {
		for i, l := range layers {
			st := stages[len(stages)-1-i] // layers are outermost first
			if !sameDecoder(l.WrongDecoder, st) {
				v.plan = append(v.plan, fmt.Sprintf("layer %d: wrong decoder %q, the damage used %s", i, l.WrongDecoder, st.step.dec))
			}
			if !sameCharset(l.TrueCharset, st) {
				v.plan = append(v.plan, fmt.Sprintf("layer %d: true charset %q, the damage used %s", i, l.TrueCharset, st.step.enc))
			}
		}
		if len(layers) > 0 && layers[0].Loss != c.loss {
			v.plan = append(v.plan, fmt.Sprintf("outermost layer reports loss %q, want %q", layers[0].Loss, c.loss))
		}
	}
	if again := replay(damaged, layers); again != got {
		v.plan = append(v.plan, fmt.Sprintf("Apply replays the layers to %q, Repair gave %q", again, got))
	}
	return v
}

// u8 is the step "UTF-8 text decoded with dec", the commonest damage.
func u8(dec string) step { return step{enc: "utf-8", dec: dec} }

// lossy is u8 with undecodable sequences lost as loss says.
func lossy(dec string, loss codec.Loss) step { return step{enc: "utf-8", dec: dec, loss: loss} }

// legacy is the step "text in legacy charset enc shown as dec".
func legacy(enc, dec string) step { return step{enc: enc, dec: dec} }

// repairCases are kinds of damage the engine undoes today.
var repairCases = []damageCase{
	// UTF-8 read as a single-byte page.
	{name: "fr/utf8-as-1252", clean: french, steps: []step{u8("sloppy-windows-1252")}},
	{name: "de/utf8-as-1252", clean: german, steps: []step{u8("sloppy-windows-1252")}},
	{name: "es/utf8-as-1252", clean: spanish, steps: []step{u8("sloppy-windows-1252")}},
	{name: "pt/utf8-as-1252", clean: portuguese, steps: []step{u8("sloppy-windows-1252")}},
	{name: "en/utf8-as-1252", clean: english, steps: []step{u8("sloppy-windows-1252")}},
	{name: "ru/utf8-as-1252", clean: russian, steps: []step{u8("sloppy-windows-1252")}},
	{name: "el/utf8-as-1252", clean: greek, steps: []step{u8("sloppy-windows-1252")}},
	{name: "zh/utf8-as-1252", clean: chinese, steps: []step{u8("sloppy-windows-1252")}},
	{name: "ja/utf8-as-1252", clean: japanese, steps: []step{u8("sloppy-windows-1252")}},
	{name: "fr/utf8-as-latin1", clean: french, steps: []step{u8("iso-8859-1")}},
	{name: "de/utf8-as-latin1", clean: german, steps: []step{u8("iso-8859-1")}},
	{name: "en/utf8-as-latin1", clean: english, steps: []step{u8("iso-8859-1")}},
	{name: "pl/utf8-as-1250", clean: polish, steps: []step{u8("sloppy-windows-1250")}},
	{name: "cs/utf8-as-1250", clean: czech, steps: []step{u8("sloppy-windows-1250")}},
	{name: "pt/utf8-as-1250", clean: portuguese, steps: []step{u8("sloppy-windows-1250")}},
	{name: "ru/utf8-as-1251", clean: russian, steps: []step{u8("sloppy-windows-1251")}},
	{name: "fr/utf8-as-1251", clean: french, steps: []step{u8("sloppy-windows-1251")}},
	{name: "el/utf8-as-1253", clean: greek, steps: []step{u8("sloppy-windows-1253")}},
	{name: "fr/utf8-as-1253", clean: french, steps: []step{u8("sloppy-windows-1253")}},
	{name: "lt/utf8-as-1257", clean: lithuanian, steps: []step{u8("sloppy-windows-1257")}},
	{name: "es/utf8-as-1257", clean: spanish, steps: []step{u8("sloppy-windows-1257")}},
	{name: "tr/utf8-as-1254", clean: turkish, steps: []step{u8("sloppy-windows-1254")}},
	// windows-1250 and ISO-8859-2 differ in "ź" (9F and BC), so "FĂźr"
	// is "Fßr" or "Für", at the same whole-line price: the words decide.
	{name: "de/utf8-as-iso-8859-2-tie", clean: "Für Geräte gibt es keine Abhängigkeiten.", steps: []step{u8("iso-8859-2")}},
	// Turkish capital İ is a letter of the alphabet, not a rare one:
	// "Ä°" alone is enough.
	{name: "tr/utf8-as-1252-capital-i", clean: "Yarın İzmir'e gidiyoruz.", steps: []step{u8("sloppy-windows-1252")}},
	{name: "fr/utf8-as-mac", clean: french, steps: []step{u8("macintosh")}},
	{name: "de/utf8-as-mac", clean: german, steps: []step{u8("macintosh")}},
	// "¡" (C2 A1) alone in its line is "¬°" through Mac Roman: the
	// sign that opens a Spanish exclamation, not a symbol.
	{name: "es/utf8-as-mac-inverted-mark", clean: "¡Hecho! Los cambios se guardaron correctamente.", steps: []step{u8("macintosh")}},
	{name: "fr/utf8-as-cp437", clean: french, steps: []step{u8("ibm437")}},
	{name: "es/utf8-as-cp437", clean: spanish, steps: []step{u8("ibm437")}},
	// One damaged word is enough when box drawing is glued inside it:
	// "f├╝r" is no line art.
	// A Japanese name romanized with macrons in English text: Ō is C5
	// 8C, which windows-1251 reads as "ЕЊ", windows-1253 as "Ε" and a
	// control, windows-1254 as "ÅŒ".
	{name: "en/utf8-as-1251-macron", clean: romanized, steps: []step{u8("sloppy-windows-1251")}},
	{name: "en/utf8-as-1253-macron", clean: romanized, steps: []step{u8("sloppy-windows-1253")}},
	{name: "en/utf8-as-1254-macron", clean: romanized, steps: []step{u8("sloppy-windows-1254")}},
	{name: "de/utf8-as-cp437-one-word", clean: "Der Preis für Kinder ist 5 Euro.", steps: []step{u8("ibm437")}},

	// UTF-8 read as a double-byte page: "Japan鈥檚". Native CJK text
	// rarely survives a strict double-byte reading of its UTF-8 (some
	// pair is always invalid), so these are Latin sentences, as in the
	// mojibake East Asian readers see on Western pages.
	{name: "en/utf8-as-gbk", clean: englishApos, steps: []step{u8("gbk")}},
	// A line whose one character outside ASCII is a Latin-1 symbol
	// where numbers put it: one character of the double-byte page,
	// glued to a digit ("拢3.95", "38째").
	{name: "en/utf8-as-gbk-pound", clean: pounds, steps: []step{u8("gbk")}},
	{name: "en/utf8-as-big5-pound", clean: pounds, steps: []step{u8("big5")}},
	{name: "en/utf8-as-euc-kr-pound", clean: pounds, steps: []step{u8("euc-kr")}},
	{name: "en/utf8-as-big5-degrees", clean: degrees, steps: []step{u8("big5")}},
	{name: "en/utf8-as-gbk-times", clean: "Thumbnails are 160 × 120 pixels wide by default.", steps: []step{u8("gbk")}},
	// Through the single-byte pages × (C3 97) is a letter and a dash:
	// "Γ—" through windows-1253, "√ó" through Mac Roman.
	{name: "en/utf8-as-1253-times", clean: "The screen resolution is 1920 × 1080 pixels by default.", steps: []step{u8("sloppy-windows-1253")}},
	{name: "en/utf8-as-mac-times", clean: "The screen resolution is 1920 × 1080 pixels by default.", steps: []step{u8("macintosh")}},
	// The degree sign a space after its number, SI style: "¬∞".
	{name: "en/utf8-as-mac-spaced-degrees", clean: "Water boils at 100 °C at sea level.", steps: []step{u8("macintosh")}},
	{name: "en/utf8-as-gb18030-degrees", clean: degrees, steps: []step{u8("gb18030")}},
	// Through EUC-KR and EUC-JP the degree sign is a common character,
	// 째 and 属, that only its place after a number gives away.
	{name: "en/utf8-as-euc-kr-degrees", clean: degrees, steps: []step{u8("euc-kr")}},
	{name: "en/utf8-as-euc-jp-degrees", clean: degrees, steps: []step{u8("euc-jp")}},
	{name: "fr/utf8-as-gbk", clean: french, steps: []step{u8("gbk")}},
	{name: "pl/utf8-as-gbk", clean: polish, steps: []step{u8("gbk")}},
	{name: "ru/utf8-as-gbk", clean: russian, steps: []step{u8("gbk")}},
	{name: "ar/utf8-as-gbk", clean: arabic, steps: []step{u8("gbk")}},
	{name: "en/utf8-as-shift_jis", clean: englishApos, steps: []step{u8("shift_jis")}},
	{name: "de/utf8-as-shift_jis", clean: german, steps: []step{u8("shift_jis")}},
	{name: "es/utf8-as-big5", clean: spanish, steps: []step{u8("big5")}},
	{name: "pt/utf8-as-big5", clean: portuguese, steps: []step{u8("big5")}},
	{name: "es/utf8-as-euc-kr", clean: spanish, steps: []step{u8("euc-kr")}},
	{name: "de/utf8-as-cp949", clean: german, steps: []step{u8("cp949")}},
	{name: "pt/utf8-as-euc-jp", clean: portuguese, steps: []step{u8("euc-jp")}},
	// One accented letter is enough: a common character inside a Latin
	// word ("f체r"), an uncommon one at its end ("caf茅").
	{name: "de/utf8-as-cp949-one-word", clean: "Der Preis für Kinder ist 5 Euro.", steps: []step{u8("cp949")}},
	{name: "fr/utf8-as-gbk-word-ends", clean: "Nous irons au café demain matin.", steps: []step{u8("gbk")}},

	// An English line whose only character outside ASCII is a symbol by
	// a number: through windows-1251 £ (C2 A3) is "ВЈ", two Cyrillic
	// letters glued to the price (see gluedToNumber).
	{name: "en/utf8-as-1251-pound", clean: "The basic plan costs £4.99 a month after the trial.", steps: []step{u8("sloppy-windows-1251")}},
	{name: "en/utf8-as-1251-degrees", clean: "By noon it was 38° in the shade.", steps: []step{u8("sloppy-windows-1251")}},
	{name: "en/utf8-as-1250-pound", clean: "The basic plan costs £4.99 a month after the trial.", steps: []step{u8("sloppy-windows-1250")}},
	{name: "en/utf8-as-cp437-pound", clean: "The basic plan costs £4.99 a month after the trial.", steps: []step{u8("cp437")}},
	// Stacked layers.
	{name: "fr/utf8-as-1252-twice", clean: french, steps: []step{u8("sloppy-windows-1252"), u8("sloppy-windows-1252")}},
	{name: "de/utf8-as-1252-thrice", clean: german, steps: []step{u8("sloppy-windows-1252"), u8("sloppy-windows-1252"), u8("sloppy-windows-1252")}},
	{name: "en/utf8-as-1252-twice", clean: english, steps: []step{u8("sloppy-windows-1252"), u8("sloppy-windows-1252")}},
	{name: "ru/utf8-as-1251-then-1252", clean: russian, steps: []step{u8("sloppy-windows-1251"), u8("sloppy-windows-1252")}},
	{name: "pl/utf8-as-1250-then-latin1", clean: polish, steps: []step{u8("sloppy-windows-1250"), u8("iso-8859-1")}},
	{name: "en/utf8-as-gbk-then-1252", clean: englishApos, steps: []step{u8("gbk"), u8("sloppy-windows-1252")}},
	// ń is C5 84: through Latin-1 "Å" and the C1 control U+0084, and
	// that through windows-1252 "Ã…Â„". Undone once, the island is a
	// letter and a control, no likelier than before; it is judged by
	// where it leads through Latin-1 (see deeper).
	{name: "en/utf8-as-latin1-then-1252-c1", clean: "Police in Gdańsk are searching for the driver.", steps: []step{u8("iso-8859-1"), u8("sloppy-windows-1252")}},
	// One apostrophe is all the evidence: undone once it is two rare
	// hanzi, "don鈥檛" (see undoUTF8's deeper readings).
	{name: "en/utf8-as-gbk-then-1252-one-apostrophe", clean: "We can’t stay here tonight.", steps: []step{u8("gbk"), u8("sloppy-windows-1252")}},
	// Ō (C5 8C) is 艑 through GBK, and that, through windows-1252, "è‰‘":
	// a letter no model's alphabet has, which the character model may
	// still speak for.
	{name: "en/utf8-as-gbk-then-1252-macron", clean: romanized, steps: []step{u8("gbk"), u8("sloppy-windows-1252")}},
	// The Italian "è" (C3 A8) is 猫 through GBK, a common hanzi, and
	// "çŒ«" through windows-1252 after that: undone once, the line holds
	// one CJK character between Italian words, no suspect on its own.
	// The search wrote it, and reads it once more (see readsOwnLetters);
	// a plan replays it so only with the layer before it (ApplyLayers).
	{name: "it/utf8-as-gbk-then-1252-lone-word", clean: "Il file di configurazione è letto all’avvio del servizio.", steps: []step{u8("gbk"), u8("sloppy-windows-1252")}},
	{name: "it/utf8-as-gbk-then-1252-lone-word-short", clean: "Il valore predefinito è zero.", steps: []step{u8("gbk"), u8("sloppy-windows-1252")}},
	// The same hanzi read once: English writes è in no word of its own.
	{name: "en/utf8-as-1252-lone-hanzi", clean: "The Chinese word for cat is 猫.", steps: []step{u8("sloppy-windows-1252")}},

	// Legacy charsets read as Latin.
	{name: "zh/gbk-as-1252", clean: chinese, steps: []step{legacy("gbk", "sloppy-windows-1252")}},
	// Four of its thirteen characters are full-width brackets, the
	// charset's own punctuation: counted as strangers, the reading
	// through GBK fell short of seven letters in ten and Shift_JIS's
	// half-width katakana took the line.
	{name: "zh/gbk-as-1252-brackets", clean: "参数（宽度）和（高度）可以省略。", steps: []step{legacy("gbk", "sloppy-windows-1252")}},
	{name: "zh/big5-as-1252", clean: chineseT, steps: []step{legacy("big5", "sloppy-windows-1252")}},
	// "、" is A1 42 in Big5: between two ASCII letters its pair takes
	// a letter as second byte ("A¡BB"), and is no letter read as a mark
	// inside a word.
	{name: "zh/big5-as-1252-enumeration-comma", clean: "選項A、B、C都可以省略，預設為B。", steps: []step{legacy("big5", "sloppy-windows-1252")}},
	{name: "ja/shift_jis-as-1252", clean: japanese, steps: []step{legacy("shift_jis", "sloppy-windows-1252")}},
	{name: "ko/euc-kr-as-1252", clean: korean, steps: []step{legacy("euc-kr", "sloppy-windows-1252")}},
	{name: "ru/1251-as-1252", clean: russian, steps: []step{legacy("windows-1251", "sloppy-windows-1252")}},
	// Capitals of windows-1251 are the bytes of Shift_JIS's half-width
	// katakana (see undoLegacy).
	{name: "ru/1251-as-1252-capitals", clean: "ПРОВЕРКА ПАРАМЕТРОВ СИСТЕМЫ ЗАВЕРШЕНА УСПЕШНО", steps: []step{legacy("windows-1251", "sloppy-windows-1252")}},
	{name: "ru/koi8-r-as-1252", clean: russian, steps: []step{legacy("koi8-r", "sloppy-windows-1252")}},
	{name: "el/1253-as-1252", clean: greek, steps: []step{legacy("windows-1253", "sloppy-windows-1252")}},
	// Words of capitals, as in headings. Greek capitals of windows-1253
	// are the bytes of KOI8-R's small letters, Russian capitals of KOI8-R
	// those of windows-1253's small letters, and Ukrainian capitals of
	// windows-1251 those of Shift_JIS's half-width katakana: priced a bit
	// dearer letter by letter, the capitals read as "яухлисеис",
	// "οϋιβλα" and "ﾏﾎﾊﾀﾇﾀﾒﾈ" (see capitalsRunDiscount).
	{name: "el/1253-as-1252-capitals", clean: "ΡΥΘΜΙΣΕΙΣ ΔΙΚΤΥΟΥ ΚΑΙ ΚΑΤΑΣΤΑΣΗ ΣΥΣΤΗΜΑΤΟΣ", steps: []step{legacy("windows-1253", "sloppy-windows-1252")}},
	{name: "ru/koi8-r-as-1252-capitals", clean: "ОШИБКА ДИАПАЗОНА ВОЗНИКАЕТ, КОГДА ЗНАЧЕНИЕ СЛИШКОМ ВЕЛИКО", steps: []step{legacy("koi8-r", "sloppy-windows-1252")}},
	{name: "uk/1251-as-latin1-capitals", clean: "ІНДИКАТОР ПОСТУПУ ПОКАЗУЄ ТАКІ ДАНІ", steps: []step{legacy("windows-1251", "iso-8859-1")}},
	// Russian capitals are lead bytes of EUC-JP pairs, and read so,
	// nine kanji and no kana, which no Japanese line of eight kanji
	// is without.
	{name: "ru/1251-as-latin1-capitals-short", clean: "ПРОВЕРКА ОБНОВЛЕНИЙ", steps: []step{legacy("windows-1251", "iso-8859-1")}},
	{name: "he/1255-as-1252", clean: hebrew, steps: []step{legacy("windows-1255", "sloppy-windows-1252")}},
	// Pointed Hebrew: as many points as letters, which the reading must
	// not count as characters that are no Hebrew.
	{name: "he/1255-as-1252-pointed", clean: "בְּרֵאשִׁית הָיָה הַדָּבָר, וְהַדָּבָר הָיָה טוֹב מְאֹד.", steps: []step{legacy("windows-1255", "sloppy-windows-1252")}},
	{name: "he/1255-as-latin-1-pointed", clean: "בְּרֵאשִׁית הָיָה הַדָּבָר, וְהַדָּבָר הָיָה טוֹב מְאֹד.", steps: []step{legacy("windows-1255", "iso-8859-1")}},
	{name: "he/utf8-as-macroman-maqaf", clean: hebrewMaqaf, steps: []step{u8("macintosh")}},
	{name: "ar/1256-as-1252", clean: arabic, steps: []step{legacy("windows-1256", "sloppy-windows-1252")}},
	// A prefix joined by a tatweel to a Latin word is no stranger to it.
	{name: "ar/1256-as-1252-tatweel-prefix", clean: "افتح الملف بـVim ثم احفظه باسم جديد في المجلد نفسه.", steps: []step{legacy("windows-1256", "sloppy-windows-1252")}},
	// A fatha (F3, "ó") in a short line: its reading as cp949 was
	// "礬龜 햐息干窮庄", Hangul with hanja inside, and cheaper than the
	// Arabic while the mark was priced as a rare letter.
	{name: "ar/1256-as-latin1-haraka", clean: "عَدد المستخدمين", steps: []step{legacy("windows-1256", "iso-8859-1")}},
	{name: "ru/1251-as-latin1", clean: russian, steps: []step{legacy("windows-1251", "iso-8859-1")}},
	{name: "zh/gbk-as-latin1", clean: chinese, steps: []step{legacy("gbk", "iso-8859-1")}},

	// The two Russian code pages read as each other.
	{name: "ru/1251-as-koi8-r", clean: russian, steps: []step{legacy("windows-1251", "koi8-r")}},
	{name: "ru/koi8-r-as-1251", clean: russian, steps: []step{legacy("koi8-r", "sloppy-windows-1251")}},
	// A short line of capitals in KOI8-R shown as windows-1251 is a line
	// of small letters the character model finds hardly dearer; the
	// words tell them apart (see swapChoiceGain).
	{name: "ru/koi8-r-as-1251-short-capitals", clean: "ДАННЫЕ УСПЕШНО ОБНОВЛЕНЫ", steps: []step{legacy("koi8-r", "sloppy-windows-1251")}},
	{name: "ru/1251-as-koi8-r-short-capitals", clean: "ПАРОЛЬ НЕВЕРНЫЙ", steps: []step{legacy("windows-1251", "koi8-r")}},

	// Lost bytes. A double-byte decoder loses the bytes of pairs it
	// cannot read; the curly quotes' last bytes come back from context.
	{name: "en/utf8-as-gbk-dropped", clean: english, steps: []step{lossy("gbk", codec.Drop)}, loss: "dropped"},
	{name: "en/utf8-as-gbk-fffd", clean: english, steps: []step{lossy("gbk", codec.ReplaceFFFD)}, loss: "fffd"},
	{name: "en/utf8-as-gbk-question", clean: english, steps: []step{lossy("gbk", codec.ReplaceQuestion)}, loss: "question"},
	// "€" (E2 82 AC) loses its AC before a digit; of the currency signs
	// and subscripts E2 82 xx can be, the legacy code pages hold "€" alone.
	{name: "en/utf8-as-gbk-dropped-euro", clean: "Tickets cost €12 at the door and €9 online, the organisers said.", steps: []step{lossy("gbk", codec.Drop)}, loss: "dropped"},
	{name: "en/utf8-as-gbk-fffd-euro", clean: "Tickets cost €12 at the door and €9 online, the organisers said.", steps: []step{lossy("gbk", codec.ReplaceFFFD)}, loss: "fffd"},
	// A range's "–" (E2 80 93) lost its last byte between two numbers,
	// where "…" (E2 80 A6) lost it as easily: the typography of ranges
	// says which.
	{name: "en/utf8-as-gbk-dropped-ranges", clean: ranges, steps: []step{lossy("gbk", codec.Drop)}, loss: "dropped"},
	{name: "en/utf8-as-gbk-question-ranges", clean: ranges, steps: []step{lossy("gbk", codec.ReplaceQuestion)}, loss: "question"},
	{name: "en/utf8-as-shift_jis-fffd-ranges", clean: ranges, steps: []step{lossy("shift_jis", codec.ReplaceFFFD)}, loss: "fffd"},
	// The closing quotation mark lost its last byte: German closes „
	// with “, Polish with ”, and the line's language says which.
	{name: "de/utf8-as-gbk-question-quotes", clean: "Die Straße vor dem Bürogebäude wurde über das Wochenende für „größere“ Bauarbeiten gesperrt.", steps: []step{lossy("gbk", codec.ReplaceQuestion)}, loss: "question"},
	{name: "pl/utf8-as-gbk-question-quotes", clean: "Zażółć gęślą jaźń: w Łodzi pociąg przyjechał z „półgodzinnym” opóźnieniem.", steps: []step{lossy("gbk", codec.ReplaceQuestion)}, loss: "question"},
	// Both marks lost: GBK reads E2 80 as a pair and drops the 9E of „
	// before a digit, so the opening mark is the language's to say too.
	{name: "de/utf8-as-gbk-dropped-opening-quote", clean: "Die Prüfung meldet „42 Fehler“ in der Datei, die gestern übertragen wurde.", steps: []step{lossy("gbk", codec.Drop)}, loss: "dropped"},
	{name: "pl/utf8-as-gbk-fffd-opening-quote", clean: "Zażółć gęślą jaźń: w Łodzi pociąg przyjechał z „5 minutowym” opóźnieniem.", steps: []step{lossy("gbk", codec.ReplaceFFFD)}, loss: "fffd"},
	// Strict windows-1252 has no character for 0x81 0x8D 0x8F 0x90 0x9D:
	// ” (E2 80 9D) loses its last byte (for two-byte letters, see
	// knownMisses).
	{name: "en/utf8-as-1252-dropped", clean: english, steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// Two-byte letters lose their last byte too: Russian "с" (D1 81) and
	// "я" (D1 8F) come out as a lone "Ñ", at the end of a word as well
	// ("ÑŽÑ‚ÑÑ" for "ются"). The words around them, read in the line's
	// language once repaired, choose the letter.
	{name: "ru/utf8-as-1252-dropped", clean: russian, steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// с, э and я (D1 81, D1 8D, D1 8F) all lose their second byte and
	// leave a lone "Ñ": the letter pairs cannot tell "меняется" from
	// "менсется" or "ядро" from "сдро"; the runs of four letters can.
	{name: "ru/utf8-as-1252-dropped-runs-of-four", clean: "Это состояние системы меняется каждый раз, когда ядро получает новый сигнал.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "ru/utf8-as-1252-dropped-verbs", clean: "Он объясняет, что настройки сохраняются в файле и не меняются после перезапуска.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// Н (D0 9D) and А (D0 90) side by side both lose their second byte:
	// one at a time, each beside the other's first choice, they read
	// "ЗАНЧЕНИЕ"; chosen together, the word.
	// Reflexive verbs end in "ся", D1 81 D1 8F, both of whose last
	// bytes windows-1252 drops: "остановился" is "...Ð»ÑÑ", which the
	// letter pairs alone read "остановиляя".
	// Ł (C5 81) loses its 0x81, and the lead's other letters with a
	// byte windows-1252 drops are ō, ŏ, Ő and ŝ; in an English line
	// only the alphabet of the rest of the word tells them apart.
	{name: "en/utf8-as-1252-dropped-polish-name", clean: "Flights from Łódź to Reykjavík leave twice a week.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// Latvian ā (C4 81) at the end of a word keeps only its lead, "Ä":
	// read once the rounds before have read every other letter of the
	// line.
	{name: "lv/utf8-as-1252-dropped-word-end", clean: "Noklusētā vērtība tiek izmantota, ja lietotājs neizvēlas citu iespēju.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "ru/utf8-as-1252-dropped-reflexive", clean: "Поезд остановился посреди поля, и никто из пассажиров не решался спросить машиниста, что случилось.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "ru/utf8-as-1252-dropped-letter-pair", clean: "ИСХОДНОЕ ЗНАЧЕНИЕ ПАРАМЕТРА БУДЕТ ВОССТАНОВЛЕНО ПРИ ПЕРЕЗАПУСКЕ.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// The reflexive ending "-ся" loses both bytes 0x81 (с) and 0x8F (я);
	// the word lists list stems, and the running text written for moji
	// counts the endings for the Russian letter pairs.
	{name: "ru/utf8-as-1252-dropped-reflexive", clean: "Вчера в нашем городе открылся новый книжный магазин.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// э, я and с lose 0x8D, 0x8F and 0x81 alike; the letter bigrams price
	// "несффективным", "сдерный" and "макроя" near the words, and
	// hunspell's forms (langstats' lexicon) tell them apart.
	{name: "ru/utf8-as-1252-dropped-lexicon", clean: "Запуск этой задачи может оказаться неэффективным на старых машинах.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "ru/utf8-as-1252-dropped-lexicon-2", clean: "Сообщение записывается в ядерный журнал при каждом сбое.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "ru/utf8-as-1252-dropped-lexicon-3", clean: "Кроме того, для сборки нужен макрос из заголовочного файла.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// Its letter pairs take the line for Bulgarian, which has no lexicon;
	// four words in five are Russian forms.
	{name: "ru/utf8-as-1252-dropped-short-line", clean: "Ограничения реализации протокола связи с ядром", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// The lost byte of « (C2 AB) closes the » before it: German quotes
	// »…« the other way round.
	{name: "de/utf8-as-gbk-dropped-guillemets", clean: "Leere Felder werden in der Liste durch »…« angezeigt.", steps: []step{lossy("gbk", codec.Drop)}, loss: "dropped"},
	// A lone "Ã" before a letter, in a word of a language that does not
	// write Ã, is what is left of Á.
	// Capitals А (D0 90) ending words: a line the first round proved
	// leaves lone leads "Ð" before a space, each a dropped 0x90.
	// Each mark is three U+FFFD through Big5; the closing one is chosen
	// after the opening one is put back, and the last byte of each is
	// one Big5 pairs with nothing after it (see lostRun).
	{name: "en/utf8-as-big5-fffd-quotes", clean: "It is “above” the line, they said.", steps: []step{lossy("big5", codec.ReplaceFFFD)}, loss: "fffd"},
	// Three marks that open the line: "“" (E2 80 9C) through Big5, whose 9C
	// pairs with no "N"; through GBK, which pairs E2 80, no mark of E2 80
	// xx is three marks.
	{name: "en/utf8-as-big5-fffd-opening-quote", clean: "“Not since last Tuesday,” said the player.", steps: []step{lossy("big5", codec.ReplaceFFFD)}, loss: "fffd"},
	// "с" alone before a space is "Ñ " once its 0x81 is dropped, and
	// "я" (0x8F) too: the words of running text tell them apart.
	// The preposition "с" (D1 81) alone between spaces, in a line whose
	// ASCII words are enough for a Latin model that writes "Ñ".
	// Czech "č" (C4 8D) loses its last byte and comes out as a lone "Ä",
	// at the start of a word too ("Ve Ätvrtek"), which the line's
	// language, read with its lone leads, took for a letter it writes
	// (see writtenAlone).
	{name: "cs/utf8-as-1252-dropped", clean: czechDaily, steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// Portuguese writes Ã, but not in "NECESSÃRIO": Á (C3 81) lost its
	// 0x81, and the word reads far better with Á than with Ã.
	{name: "pt/utf8-as-1252-dropped-capitals", clean: "É NECESSÁRIO REINICIAR O SERVIÇO APÓS A ATUALIZAÇÃO.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "pt/utf8-as-1252-dropped-capitals-maximum", clean: "O VALOR MÁXIMO PERMITIDO É DEFINIDO NO ARQUIVO DE CONFIGURAÇÃO.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// The only damage of the line: Á (C3 81) lost its 0x81 in a Spanish
	// word in capitals, which reads 36 bits better as CARÁCTER.
	{name: "es/utf8-as-1252-dropped-lone-capital", clean: "Los nombres de ficheros pueden contener cualquier CARÁCTER excepto la barra y el nulo.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// Short lines whose only damage is a lone lead: 12 letters of a
	// language are enough to judge the word (see loneLeadLetters).
	{name: "fr/utf8-as-1252-dropped-short-capitals", clean: "CETTE MOSAÏQUE EST HAUTE", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "es/utf8-as-1252-dropped-short-capitals", clean: "PÁGINA SIGUIENTE", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// Í (C3 8D) or Á (C3 81)? The letters alone prefer ÁNDICE; running
	// text writes "índice" (see derive_words.py and data/written/).
	{name: "es/utf8-as-1252-dropped-word-of-running-text", clean: "ÍNDICE GENERAL DEL LIBRO", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "hu/utf8-as-1252-dropped-short-capitals", clean: "HIBA A FÁJL MEGNYITÁSAKOR", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// The letter pairs of a short line's ASCII words chose a language
	// that has none of its words (Portuguese, German): the lone lead
	// is read in the language the line prices cheapest, with each
	// letter in its place (see loneLeadInLine).
	{name: "es/utf8-as-1252-dropped-short-line-language", clean: "ERROR CRÍTICO DEL SISTEMA", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "hu/utf8-as-1252-dropped-short-line-language", clean: "ÁLLAPOT ISMERETLEN", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// Capitals: А (D0 90) lost its 0x90 before a space, where Р (D0 A0)
	// with the space read as its 0xA0 costs as much as a character; the
	// words tell "ПРОГРАММА НЕ" from "ПРОГРАММРНЕ".
	{name: "ru/utf8-as-1252-dropped-capitals", clean: "ПРОГРАММА НЕ МОЖЕТ ОТКРЫТЬ ФАЙЛ, ПОТОМУ ЧТО ЗАПИСЬ ЗАПРЕЩЕНА ДЛЯ ВСЕХ", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "ru/utf8-as-1252-dropped-preposition-beside-ascii", clean: "При работе с сетью функция getaddrinfo возвращает EAI_AGAIN.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "ru/utf8-as-1252-dropped-preposition-beside-path", clean: "Файл /etc/fstab читается с диска при загрузке, затем mount монтирует разделы.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "ru/utf8-as-1252-dropped-preposition", clean: "Сервер работает с файлами, и эти данные лежат в памяти с начала запуска.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// windows-1252 drops 0x81 from the middle of "の" (E3 81 AE): "ã®",
	// E3 AE, which the parser reads as a lead and a middle byte, and
	// E3 AE with a last byte put back is no character people write.
	// The byte is put back in the middle too; the neighbours choose.
	{name: "ja/utf8-as-1252-dropped-middle", clean: "この設定ファイルの値は、サーバーの起動時に読み込まれます。", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "zh-hans/utf8-as-1252-dropped-middle", clean: "这个文件的内容会在服务器启动时被读取。", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// き (E3 81 8D) and 名 (E5 90 8D) lose both their last bytes to
	// windows-1252 and keep only "ã" and "å", beside characters of
	// three bytes.
	{name: "ja/utf8-as-1252-dropped-two", clean: "このオプションを指定すると、ログを書き込むことができます。", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "zh-hans/utf8-as-1252-dropped-two", clean: "这个名字可以在配置文件中修改。", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "ru/utf8-as-1252-dropped-capitals", clean: "ВОТ БУКВА «Ф» И БУКВА «Ш»", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	{name: "hu/utf8-as-1252-dropped-lone-lead", clean: "A vizsgán a diákok átlaga jó volt, de az ÁLLAMI díjat senki sem kapta meg.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// In capitals the letters around a lone lead say less. "BÉRLETÉRŐL"
	// loses the 0x90 of Ő (C5 90) and keeps "Å", a letter of its own in
	// Danish; once the rest of the line is undone as windows-1252, with
	// nothing correct left outside ASCII, the lone lead is the decoder's
	// doing too, and a lost byte costs less (settledLossPrior).
	{name: "hu/utf8-as-1252-dropped-lone-lead-in-capitals", clean: "SZERZŐDÉS A LAKÁS BÉRLETÉRŐL ÉS A KAUCIÓRÓL.", steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// GBK drops the last two bytes of the final "。" (E3 80 82) when a
	// line ends in "ん" (E3 82 93): 93 E3 is a pair, 80 is no lead, and
	// 82 has nothing after it. The tails GBK would drop so are few, and
	// the line's end names 。 among them.
	{name: "ja/utf8-as-gbk-dropped-sentence-end", clean: "この値は変更できません。", steps: []step{lossy("gbk", codec.Drop)}, loss: "dropped"},
	// Two lost characters side by side are weighed together: in
	// "8080 [に][設]定" each is the other's only CJK neighbour, and
	// alone neither に (after an ASCII word, like の and は) nor 設 (among
	// 64 characters of E8 A8) is sure; together に設定 is. So is 一番 at
	// the start of a line, where 一 has no neighbour before it.
	{name: "ja/utf8-as-gbk-dropped-adjacent", clean: "ポートを 8080 に設定します。", steps: []step{lossy("gbk", codec.Drop)}, loss: "dropped"},
	{name: "ja/utf8-as-gbk-dropped-adjacent-line-start", clean: "一番目の行を表示する。", steps: []step{lossy("gbk", codec.Drop)}, loss: "dropped"},
	// Shift_JIS loses bytes of Japanese UTF-8 with U+FFFD marks; the final
	// "。" (E3 80 82) lost its last byte and comes back from the context
	// model of CJK punctuation.
	{name: "ja/utf8-as-shift_jis-fffd", clean: japanese, steps: []step{lossy("shift_jis", codec.ReplaceFFFD)}, loss: "fffd", marked: true},

	// A katakana letter that lost its last byte is told by the whole
	// word (scoreKatakanaWords): クリ[E3 83 ?]ク is クリック, though リッ
	// and リン are both common runs; アップデート and スクリプト likewise.
	// "ň" (C5 88) before a full stop through Shift_JIS: C5 is a
	// half-width katakana of its own, and 88 pairs with no "." (see
	// parseSeq).
	{name: "cs/utf8-as-shift_jis-fffd-lone-lead", clean: "Na stole leží dlaň.", steps: []step{lossy("shift_jis", codec.ReplaceFFFD)}, loss: "fffd"},
	{name: "ja/utf8-as-shift_jis-fffd-katakana-word", clean: "ウィンドウの右上にあるボタンをクリックしてください。", steps: []step{lossy("shift_jis", codec.ReplaceFFFD)}, loss: "fffd"},
	{name: "ja/utf8-as-shift_jis-fffd-katakana-compound", clean: "セキュリティアップデートを自動で適用する。", steps: []step{lossy("shift_jis", codec.ReplaceFFFD)}, loss: "fffd"},
	{name: "ja/utf8-as-gbk-dropped-katakana-word", clean: "スクリプトの実行にはインタープリターが必要です。", steps: []step{lossy("gbk", codec.Drop)}, loss: "dropped"},
	{name: "ja/utf8-as-gbk-dropped-katakana-words", clean: "ログインするにはユーザー名とパスワードを入力してください。", steps: []step{lossy("gbk", codec.Drop)}, loss: "dropped"},

	// "à" is C3 A0, and 0xA0 is the NBSP that software turns into a space.
	{name: "fr/utf8-as-1252-nbsp-space", clean: frenchA0, steps: []step{{enc: "utf-8", dec: "sloppy-windows-1252", post: nbspToSpace}}, loss: "nbsp-space"},
	// A no-break space made a space is "Â " (C2, then the space for
	// 0xA0), and it is the no-break space alone: "«  Bonjour" with a
	// space kept after it would be two spaces where typography put one.
	// A no-break space between a number and its unit ("5\u00a0Go"), as
	// typography puts one (see plausible's transitionSpecial).
	{name: "fr/utf8-as-1252-nbsp-space-units", clean: "Il faut 5\u00a0Go d’espace libre.", steps: []step{{enc: "utf-8", dec: "sloppy-windows-1252", post: nbspToSpace}}, loss: "nbsp-space"},
	// An English line whose only character outside ASCII is the no-break
	// space between a number and its unit: "25Â MB" once the 0xA0 is a
	// space, an accented capital glued to a number.
	{name: "en/utf8-as-1252-nbsp-space-unit-alone", clean: "Each message may carry attachments of up to 25\u00a0MB in total.", steps: []step{{enc: "utf-8", dec: "sloppy-windows-1252", post: nbspToSpace}}, loss: "nbsp-space"},
	{name: "fr/utf8-as-1252-nbsp-space-guillemets", clean: "Il a dit\u00a0: «\u00a0Bonjour, ça va\u00a0?\u00a0» et il est parti à Lyon.", steps: []step{{enc: "utf-8", dec: "sloppy-windows-1252", post: nbspToSpace}}, loss: "nbsp-space"},

	// Native CJK text read as a double-byte page: pairs that straddle
	// characters are invalid and lost, so the hanzi they held come back
	// only as far as context tells them.
	{name: "zh/utf8-as-gbk-fffd", clean: chinese, steps: []step{lossy("gbk", codec.ReplaceFFFD)}, loss: "fffd", marked: true},
	// GBK drops 0xAF of "ワ" (E3 83 AF) before E3, as it drops every
	// byte of its user-defined rows AA–AF before a trail; GB18030 would
	// have read the pair, so under it only 0x80 ("ダ") could be lost. The
	// text cannot tell the decoders apart: the candidates are GBK's, and
	// none stands out.
	{name: "ja/utf8-as-gbk-dropped-user-defined-row", clean: "ファイルをネットワーク ASCII に設定する。", steps: []step{lossy("gbk", codec.Drop)}, loss: "dropped", marked: true},
}

// knownMisses are damage cases the engine gets wrong today. Each must
// still fail: when a change to the engine fixes one, this test says so,
// and the case moves to repairCases.
var knownMisses = []damageCase{
	// Not touched: every damaged letter here is a two-byte sequence that
	// lost its last byte ("ÃRPÃD"), and the engine deliberately believes a
	// dropped byte only after a lead and a continuation byte: a lone lead
	// ("Ã") is more often a letter of its own.
	{name: "mixed/utf8-as-1252-dropped", clean: undefined1252, steps: []step{lossy("windows-1252", codec.Drop)}, loss: "undefined-dropped"},
	// EUC-KR trail bytes start at A1, so most pairs of Korean UTF-8 are
	// invalid and lost: "오늘" → "��ㅻ��". The engine recovers fragments
	// ("매", "종", "공") in three layers: GBK twice, then cp949.
	{name: "ko/utf8-as-euc-kr-fffd", clean: korean, steps: []step{lossy("euc-kr", codec.ReplaceFFFD)}, loss: "fffd", marked: true},
	// Big5 loses most pairs of Chinese UTF-8; the engine recovers a few
	// hanzi in three layers (cp950, then GBK twice) and "！" where "，" was.
	{name: "zh/utf8-as-big5-fffd", clean: chineseT, steps: []step{lossy("big5", codec.ReplaceFFFD)}, loss: "fffd", marked: true},
	// EUC-JP loses most pairs; the engine recovers fragments in three layers
	// (euc-jp, then GBK twice).
	{name: "ja/utf8-as-euc-jp-fffd", clean: japanese, steps: []step{lossy("euc-jp", codec.ReplaceFFFD)}, loss: "fffd", marked: true},
}

func TestRepair(t *testing.T) {
	for _, c := range repairCases {
		t.Run(c.name, func(t *testing.T) {
			v := checkRepair(t, c)
			for _, p := range slices.Concat(v.text, v.plan) {
				t.Error(p)
			}
		})
	}
}

// TestKnownMisses checks that the known misses still miss, so that fixing
// one shows, and that the misses of the plan alone keep their text.
func TestKnownMisses(t *testing.T) {
	for _, c := range knownMisses {
		t.Run(c.name, func(t *testing.T) {
			v := checkRepair(t, c)
			switch {
			case v.ok():
				t.Errorf("%s is repaired now: move it to repairCases", c.name)
			case c.textOK && len(v.text) > 0:
				for _, p := range v.text {
					t.Errorf("the text of this plan miss is no longer repaired: %s", p)
				}
			case c.textOK && len(v.plan) == 0:
				t.Errorf("%s has the right plan now: move it to repairCases", c.name)
			}
		})
	}
}

// TestRepairStable checks that what Repair returns on damaged text
// is valid UTF-8 and that a second pass finds nothing more to undo.
func TestRepairStable(t *testing.T) {
	for _, c := range slices.Concat(repairCases, knownMisses) {
		damaged, _ := c.build(t)
		got, _ := repair.Repair(damaged, allOptions)
		if !utf8.ValidString(got) {
			t.Errorf("%s: invalid UTF-8 out: %q", c.name, got)
		}
		if again, layers := repair.Repair(got, allOptions); again != got || len(layers) != 0 {
			t.Errorf("%s: Repair is not idempotent:\n  once  %q\n  twice %q %s", c.name, got, again, describe(layers))
		}
	}
}

// cleanTexts are correct texts that Repair must leave alone: a sentence
// of every language above, and correct text that looks like the traces
// of mojibake (capitals with accents, symbols, runs of non-ASCII
// characters, halfwidth katakana, private-looking punctuation).
var cleanTexts = []string{
	french, frenchA0, german, spanish, portuguese, polish, czech, russian, greek, lithuanian,
	english, englishApos, undefined1252, turkish, chinese, chineseT, japanese, korean, hebrew, hebrewMaqaf, arabic,
	"INFORMAÇÃO DA ADMINISTRAÇÃO PÚBLICA",
	"ROMÂNIA ȘI REPUBLICA MOLDOVA",
	"Łódź, Gdańsk i Kraków leżą w Polsce.",
	"Þórshöfn og Ísafjörður eru á Íslandi.",
	"ÆØÅ æøå: Ærø, Øresund og Åbenrå.",
	"ｶﾀｶﾅ ﾃﾞ ｶｲﾀ ﾒｯｾｰｼﾞ",
	"┌──────┬──────┐\n│ name │ size │\n├──────┼──────┤\n│ a.go │ 12kB │\n└──────┴──────┘",
	"∀x ∈ ℝ: x² ≥ 0, and ∑ᵢ aᵢ ≤ √n · ‖a‖ ⇒ ∫₀¹ f(x) dx ≈ π/4",
	"(╯°□°)╯︵ ┻━┻ and ¯\\_(ツ)_/¯ and (｡◕‿◕｡)",
	// Line art: joined arms (├──┼──┤, ╒═╤═╕), parallel bars, shades and
	// shapes in runs, and tree's output. See plausible.boxesJoin.
	"┌──────┬─────┐ │ Name │ Age │ ├──────┼─────┤ │ Анна │ 42  │ └──────┴─────┘",
	"╔═══╗ ║ x ║ ╚═══╝ ╒═╤═╕ ╞═╪═╡ ╭─╮ ╰─╯ ┏━┓ ┗━┛ ║║ ││",
	"progress ░▒▓█▓▒░ rating ■■■□□ 60%",
	"├── src │   └── main.go └── README.md",
	"Great job 👍🎉 see you at 🏖️ with 🇫🇷 friends ❤️",
	"“Quoted,” she said — ‘nested’ … and « guillemets » too.",
	"Prices: 5 € / £4 / ¥600 / ₹300 — © 2024 ACME™, all rights reserved ®.",
	"Ça va? À bientôt! Ève, Œuvre, ÉCOLE, NAÏVE.",
	"Straße ÄÖÜ äöü ẞ",
	"São Paulo, Bogotá, Málaga, Curaçao, Zürich, Malmö, Tromsø, Reykjavík.",
	// A short line of Portuguese capitals: Ã is a letter of the
	// language that prices the line cheapest, not a lone lead.
	"SÃO PAULO FUTEBOL CLUBE",
	"IRMÃS E MÃES DA CIDADE",
	// A Portuguese "ã" before CJK text is no kana that lost two bytes.
	"Em japonês, irmã「姉」 e mãe「母」 são palavras comuns.",
	"Ελληνικά: ΑΒΓΔ αβγδ ά έ ή ί ό ύ ώ ΐ ΰ",
	"Москва — столица России. «Ёлки-палки», сказал он.",
	// Russian in small letters only, as chat writes it: both page swaps
	// read it, and find capitals that make no words.
	"все файлы сохранены без ошибок, можно закрывать",
	"ок, завтра созвонимся после обеда",
	"日本語のテキスト、カタカナとひらがな、漢字。",
	"한국어 텍스트와 English mixed 문장입니다.",
	"中文和English混合的句子，包括数字123和标点。",
	"스트림에서 seek를 지원하지 않습니다. null일 수 없음",
	"基于web的samba管理工具，由开发组作为类似Linux内核开发采用的方式",
	// Capitals of one alphabet side by side are no UTF-8 pair, though
	// windows-1257 reads "ÅØ" as C5 A8 = Ũ.
	"VI BOR PÅ SKÅØY OG HÅØYA",
	// Through windows-1251 "РІ" is D0 B2, a small в among capitals.
	"ПРІЗВИЩЕ: ШУРІ-БУРІ, ГРІХ",
	"naïve café résumé coöperate façade",
	"x = a ± b; ½ + ¼ = ¾; 90° north; 3×4 ÷ 2",
	// No-break spaces of careful typography, before units and after
	// one-letter words: through Mac Roman " µ" is CA B5 (ʵ), through
	// windows-1251 "к і" is EA A0 B3 (꠳) and "у є " F3 A0 BA A0,
	// an unassigned code point.
	"Durée\u00a0: 30\u00a0µs\u00a0± 2\u00a0%, valeur\u00a0≥\u00a010 et ≤\u00a020\u00a0µm",
	"підоболонок\u00a0і\u00a0середовища для\u00a0потоку\u00a0є\u00a0незавершеним",
	"nº 5, 1ª edición, 3º piso, 20 µg",
	// Serbian capitals: through windows-1251 "ВЉ" is C2 8A, a C1
	// control, and "ДЈЕЈ" C4 A3 C5 A3 (ģţ).
	"«ПРОЈАВЉИВАН» БЕСАВЈЕСНОСТ, ¿МОСКОВЉАНИН? ОЧАГЕ ДЈЕЈСТВОВАЊЕ",
	// Half-width katakana after kanji: through Shift_JIS "ﾌｧ" is CC A7,
	// a combining cedilla, which on 定 is noise.
	"resolv.conf - ﾚゾﾙバ設定ﾌｧｲﾙ",
	// The shrug with a half-width ツ: through Shift_JIS with dropped
	// bytes, ﾂ alone is C2, the lead of a no-break space.
	"¯\\_(ﾂ)_/¯ whatever, 35 times",
	// Two rare hanzi of a Cantonese transliteration (the month
	// Phalguna): through Shift_JIS 窶拏 is E2 80 9D 5B, "”[", a bracket
	// nothing in the line closes.
	"頗勒窶拏月、四月",
	// Ngiemboon month names (CLDR): through Mac Roman "ÿó" is D8 97, an
	// Arabic mark on a Latin letter, and the three paid for each other.
	"saŋ cÿó · saŋ tsɛ̀ɛ cÿó · Shwóŋò pʉa shÿó",
	// Two hanzi in an English line: through GBK with dropped bytes each
	// lost its last byte, and the reading is nothing but "��".
	"He played the harp 箜篌 in the old court.",
	// Chinese words in English lines: through Big5 猕猴 (macaque) is
	// E2 A8 BA A5 E8, and 瘰癧 (scrofula) is the UTF-8 of U+FFFD and "[";
	// each is a word, which mojibake hanzi side by side almost never are.
	"The macaque, 猕猴, lives in Asia.",
	"See 瘰癧 for details.",
	// A line of bench/cjkwords (english, seed 3): read from 險 on, the
	// reading takes apart 保險 across the island's edge.
	"serenading craggiest burps detrimental 保險櫃feeding malfeasance 哥倫布",
	// French typography's no-break spaces in a Polish sign in capitals:
	// through windows-1250 "Ć\u00a0" is C6 A0, the UTF-8 of "Ơ".
	"UWAGA\u00a0: NIE WOLNO PALIĆ\u00a0! NIE WOLNO PIĆ\u00a0!",
	"«\u00a0ZAKAZ PALENIA\u00a0» — NIE PALIĆ\u00a0! NIE PIĆ\u00a0!",
	// One Chinese character by a number in an English line: through
	// GBK 路 and 楼 are the UTF-8 of "·" and "¥", and 拢 that of "£",
	// but a symbol is read there only where numbers put it.
	"Take the 42路 bus from the airport to reach the hotel.",
	"We met on the 3楼 landing of the old building.",
	"The character 拢 means to gather, as in 拢共 (altogether).",
	"Our office moved to room 拢 7 after the renovation.",
	// One common CJK character standing alone in a line whose other
	// letters outside ASCII are correct: through GBK 猫 is C3 A8, the
	// UTF-8 of è, and 露 is C2 B6, ¶; through EUC-KR 캘 is C4 B6, ķ. Had
	// the line been UTF-8 read through the page, "für" and "māo" would
	// be mojibake too (see survivorsRefute).
	"Ich lerne das Zeichen 猫 für Katze.",
	"The Chinese word for cat is 猫, pronounced māo.",
	"The word 露 (pronounced lù) means dew.",
	"El carácter 캘 aparece en nombres coreanos.",
	// Two rare hanzi, through GBK with a byte dropped "�e"; a rare one
	// read as an Arabic letter among Indonesian words.
	"A palavra 驕別 é comum em japonês.",
	"Karakter 賱 sangat umum dalam bahasa.",
	// Through GBK 梅 (plum) is the UTF-8 of "÷", read so only between
	// two numbers.
	"The old 梅 tree by gate 3 flowers in 2 weeks.",
}

func TestCleanUnchanged(t *testing.T) {
	for _, s := range cleanTexts {
		got, layers := repair.Repair(s, allOptions)
		if got != s || len(layers) != 0 {
			t.Errorf("Repair(%q)\n  = %q %s, want it unchanged", s, got, describe(layers))
		}
	}
}

// TestPartialKeepsLettersOfTheLanguage: where half a line was read as
// windows-1252, a letter standing alone in a correct word is a letter,
// not a lead byte that lost its continuation: "IRMÃS" is no "IRMÁS"
// (the language writes Ã), "VÕÕRANDATUS" no "V՝՝RANDATUS" (no Latin line
// writes Armenian commas).
func TestPartialKeepsLettersOfTheLanguage(t *testing.T) {
	for _, c := range []struct {
		correct, damaged string
		st               step
	}{
		{"São Paulo e as IRMÃS: ", "Ação rápida é necessária já.", lossy("windows-1252", codec.Drop)},
		{"AS IRMÃS E OS IRMÃOS chegaram. ", "Ele disse que não sabe o que é a área.", lossy("windows-1252", codec.Drop)},
		// Õ and Ü with 0x9D and 0x8F lost would be U+055D and U+070F,
		// an Armenian comma and a Syriac mark: no characters of a Latin
		// line.
		{"VÕÕRANDATUS MOLARITÀ TEISTKÜMNETENIGI: ", "inurbanità autonòmico transitorietà precarietà", u8("sloppy-windows-1252")},
		{"KISALTACAĞI DÜŞÜRÜLMEYEREK ", "néo-kantisme déchiffrer intolérantisme palmacée", u8("sloppy-windows-1252")},
		// "Í " is CD A0 with the space read as a lost 0xA0: a combining
		// double tilde, not to be repaired along with the Hebrew after it.
		{"SOCIOLOGÍA GUANACEVÍ ", "החביאתם סטיריקן מחויבויותיהן", u8("sloppy-windows-1252")},
		// Í Ž is CD 8E, a combining mark; "é " with a lost byte after
		// the space read as 0xA0 is some hanzi or U+FFFD; "ì " the same
		// in Hangul: nothing the language model may speak for.
		{"ZELFBEVRIJDING POBLÍŽE REJMÁNEK ", "verlängern Straße", u8("sloppy-windows-1252")},
		{"géobiologue administré ", "прилошалият изпъплям", lossy("windows-1252", codec.Drop)},
		{"sbizzarrirò maledì ", "перемётный вегетарианский", lossy("windows-1252", codec.Drop)},
		// The Danish "Å" among Polish words repaired from windows-1252 is
		// no lone lead of Ł (C5 81) that lost its byte: the line's other
		// correct letters show it was not all read through that page.
		{"MEDDELELSE PÅSETS ST:PÅSE ZAGRYZAĆ ", "wydepilować niepogadujący popełłabyś", lossy("windows-1252", codec.Drop)},
		// Through windows-1251 "Р " is Р (D0 A0) with its NBSP made a
		// space, and МЁ is CC A8, a combining ogonek; through
		// windows-1253 "Ε " is C5 A0, Latin Š.
		{"ГЕНДЕР ", "неабсорбований матеріал", u8("sloppy-windows-1251")},
		{"ВМЁТЫВАЮЩИЙ СВАРЩИК ", "обустраивающий", u8("sloppy-windows-1251")},
		{"ΕΦΈΛΚΕΣΤΕ ", "κώμη οποιαδήποτε", u8("sloppy-windows-1253")},
		// "á»" is E1 BB, and with a dropped byte Vietnamese ề; but the »
		// closes the «, and the word is whole.
		{"Paní «Toločková» ", "vyvrhovaný střediskový", lossy("windows-1252", codec.Drop)},
		{"Slovo „ANASTIGMATĂ“ ", "puținteluL învățătură", u8("sloppy-windows-1250")},
		// "Ć’" through windows-1257 is C6 92, but the ’ closes the ‘.
		{"„WYJEŚĆ” ‘PRZEWIDYWAĆ’ ", "przewidywać przyszłość", u8("sloppy-windows-1257")},
		// "в“ " through windows-1251 is E2 93 and a space read as A0: ⓠ.
		{"канарски „петцифров“ ", "парижанка Костадинов", u8("sloppy-windows-1251")},
		// Through windows-1254 "íš?" is ED 9A and a '?' for a lost byte:
		// a Hangul syllable at best, which the neighbours cannot name;
		// its U+FFFD must not make the reading likelier than 회 did.
		{"debilný ¿rozježíš? zväzovanie pripášu αριστερίζουμε αλησμονιάς σατιρισμένοι protirakovinový ", "σκούξω Γκάσπερι φυγόστρατος", u8("sloppy-windows-1252")},
		// A word's last letter and the mark after it: through
		// windows-1257 "Ć…" is C3 85 (Å) and "Ć " with the no-break
		// space C3 A0 (à); Ą and Ł of the same words begin no sequence
		// there and show the words as written.
		{"OBWĄCHIWAĆ… PRYZMUJĄC ", "majaczeń niewpłacający – monumentalny", u8("sloppy-windows-1257")},
		{"ROZCZŁONKOWYWAĆ\u00a0% OSTĘP ", "majaczeń niewpłacający – monumentalny", u8("sloppy-windows-1257")},
		// A one-letter word before a no-break space: through
		// windows-1251 "В " is C2 A0, the no-break space itself.
		{"В\u00a0Linux и\u00a0в\u00a0каждом ", "загружаемый модуль ядра", u8("sloppy-windows-1251")},
	} {
		// Only the correct part is asserted: the damaged part's lost
		// letters are the other tests' business.
		_, d := damage(t, c.damaged, c.st)
		if got, layers := repair.Repair(c.correct+d, allOptions); !strings.HasPrefix(got, c.correct) {
			t.Errorf("Repair(%q)\n  = %q %s\n want it to start %q", c.correct+d, got, describe(layers), c.correct)
		}
	}
}

// TestLatinReadAsCyrillicOrGreek: Latin words read through windows-1251
// or windows-1253 come out with two Cyrillic or Greek letters inside
// ("mutaciГіn", ó = C3 B3 = Г і; "súvisieť" as "sΓΊvisieť"). The pair is
// letters a Ukrainian or Greek word could hold side by side, but inside a
// Latin word they are strangers, and the character model speaks for the
// repair. Each line holds one damaged word or two, among correct ones.
func TestLatinReadAsCyrillicOrGreek(t *testing.T) {
	for _, c := range []struct {
		before, word, after, page string
	}{
		{"Busque la ", "mutación", " de la deflexión.", "sloppy-windows-1251"},
		{"Ze zullen ", "wekelĳks", " bellen.", "sloppy-windows-1251"},
		{"De ", "mĳnbouwer", " werkt in Limburg.", "sloppy-windows-1251"},
		{"Il cane è ", "autonòmico", " e sereno.", "sloppy-windows-1251"},
		{"To ", "súvisieť", " nemusí.", "sloppy-windows-1253"},
		{"Wir wollen ", "abkühlen", " und ruhen.", "sloppy-windows-1253"},
		{"Hun var ", "dødsikker", " på det.", "sloppy-windows-1253"},
	} {
		_, d := damage(t, c.word, u8(c.page))
		in := c.before + d + c.after
		want := c.before + c.word + c.after
		if got, layers := repair.Repair(in, allOptions); got != want {
			t.Errorf("Repair(%q)\n  = %q %s\n want %q", in, got, describe(layers), want)
		}
	}
}

// TestCP437PairsInWords: UTF-8 read through cp437 turns half the small
// accented letters into two box-drawing characters whose arms do not meet
// ("ú" = C3 BA = ├║, "ù" = ├╣), glued to the letters of a word. Line
// art joins its arms; these pairs do not, and one word of them, even at
// the end of a word, is repaired. Cyrillic read so is whole runs of them.
func TestCP437PairsInWords(t *testing.T) {
	for _, want := range []string{
		"Il a dû partir.",
		"Sono più forte.",
		"El caso de Yapeyú.",
		"Tere, lõõtsutada on raske.",
		"Стебельський ланкійський компостований",
	} {
		_, in := damage(t, want, u8("ibm437"))
		if got, layers := repair.Repair(in, allOptions); got != want {
			t.Errorf("Repair(%q)\n  = %q %s\n want %q", in, got, describe(layers), want)
		}
	}
}

// TestCompletesTheLine: a letter that cp437 reads as a shade beside a
// junction ("ð" = C3 B0 = ├░) costs about what the pair as it stands
// costs, and alone it is no evidence. Where other words of the line show
// that UTF-8 was read through cp437 and the pair is all that is left
// outside ASCII, it is that damage too. Where the line also holds correct
// text the page could not have read so (a Þ, which cp437 does not have),
// it may have been put together from correct and damaged text, and the
// pair stays.
func TestCompletesTheLine(t *testing.T) {
	const want = "ð stendur fyrir íslenskt hljóð Á"
	_, in := damage(t, want, u8("ibm437"))
	if got, layers := repair.Repair(in, allOptions); got != want {
		t.Errorf("Repair(%q)\n  = %q %s\n want %q", in, got, describe(layers), want)
	}
	mixed := in + " (Þór)"
	want2 := "├░" + want[len("ð"):] + " (Þór)"
	if got, layers := repair.Repair(mixed, allOptions); got != want2 {
		t.Errorf("Repair(%q)\n  = %q %s\n want %q", mixed, got, describe(layers), want2)
	}
}

// TestMiddleByteLost: windows-1252 drops 0x81, 0x8D, 0x8F, 0x90 and 0x9D,
// which are the middle bytes of the commonest Hangul (이 = EC 9D B4, 을
// = EC 9D 84, 크 = ED 81 AC, 포 = ED 8F AC). A word of one syllable
// before a space is "ì´ ", which also reads as EC B4 and a lost last
// byte (총), or with the space for an 0xA0 (을 as 선, EC 84 A0); and
// "í¬" cannot be ED AC at all, since AC cannot follow ED. Korean puts
// spaces between its words, so the character beside the lost one is
// across a space.
func TestMiddleByteLost(t *testing.T) {
	for _, want := range []string{
		"이 프로그램은 파일 크기를 확인합니다.",
		"포트 번호를 바꾸면 서버를 다시 시작해야 합니다.",
		"이 옵션을 켜면 로그가 자세해집니다.",
	} {
		_, in := damage(t, want, lossy("windows-1252", codec.Drop))
		if got, layers := repair.Repair(in, allOptions); got != want {
			t.Errorf("Repair(%q)\n  = %q %s\n want %q", in, got, describe(layers), want)
		}
	}
}

// TestOneKindOfLoss: windows-1252 drops the 0x90 of א (D7 90), so that
// "לא ניתן" reads "× ×...", and the "× " also reads as נ (D7 A0) with
// the space for its 0xA0, joining the two words. Where the line shows
// bytes dropped inside its words ("את" is "××ª"), the space was real: a
// second kind of loss is not supposed where one explains the line.
// So too the Japanese "、 " (E3 80 81, then a space), which a page that
// drops nothing would read as 〠 (E3 80 A0).
func TestOneKindOfLoss(t *testing.T) {
	for _, want := range []string{
		"לא ניתן ליצור את הקובץ כי השם שלו ארוך מדי",
		"このコマンドは -v を付けると、 詳しい情報を表示します。",
	} {
		_, in := damage(t, want, lossy("windows-1252", codec.Drop))
		if got, layers := repair.Repair(in, allOptions); got != want {
			t.Errorf("Repair(%q)\n  = %q %s\n want %q", in, got, describe(layers), want)
		}
	}
}

// TestNearTieByLanguage: ISO-8859-2 reads some islands of a Ukrainian
// line read through windows-1250 (the two pages share most bytes), as
// other letters: "Селюченко йодистість" came out "зелюченке бедистість",
// 0.12 bits cheaper by the whole-line cost. Readings that close, in the
// same scripts, are told apart by the language model at full weight.
func TestNearTieByLanguage(t *testing.T) {
	const want = "Чжан: черниховецький Шпорлюк Шимон Селюченко йодистість ¿двадцятиразовий?"
	const correct = "Чжан: черниховецький Шпорлюк Шимон "
	_, d := damage(t, want[len(correct):], u8("sloppy-windows-1250"))
	in := correct + d
	if got, layers := repair.Repair(in, allOptions); got != want {
		t.Errorf("Repair(%q)\n  = %q %s\n want %q", in, got, describe(layers), want)
	}
}

// TestClosingQuoteNotDagger: a closing ” (E2 80 9D) whose 0x9D
// windows-1252 dropped reads "â€" and a space; so does a dagger (E2 80
// A0) whose 0xA0 became a space, and windows-1254 reads the rest of a
// German line as windows-1252 does. The two readings cost the same, and
// German closes its quotations with “, but a dagger after a word,
// before a space, closes nothing: the quotation mark stands.
func TestClosingQuoteNotDagger(t *testing.T) {
	for _, want := range []string{
		"Sie nannten es intermediär “Höhepunkt” bemängeln… Glacéhandschuh",
		"Mluvili o “Vinčálek” Hukelův a ještě déle.",
	} {
		_, in := damage(t, want, lossy("windows-1252", codec.Drop))
		if got, layers := repair.Repair(in, allOptions); got != want {
			t.Errorf("Repair(%q)\n  = %q %s\n want %q", in, got, describe(layers), want)
		}
	}
}

// TestLettersTheLineDoesNotWrite: ISO-8859-2 and windows-1250 read "ú"
// (C3 BA) as "Ăş" and the Dutch "ĳ" (C4 B3) as "Äł": letters Romanian or
// no language writes side by side, the kind of pair that stays when it is
// the line's own ("HÅØYA" in Norwegian). In a Spanish or Dutch line they
// are no letters of the line, and the character model speaks for the
// repair.
func TestLettersTheLineDoesNotWrite(t *testing.T) {
	for _, c := range []struct{ want, page string }{
		{"ELECTRÓGENO ÉCHALE COÑARIPE Gramínea gañido’s púnico, lapislázuli solíamos mapear", "iso-8859-2"},
		{"De vergemakkelĳk grenssteen is ongelĳkmatig.", "sloppy-windows-1250"},
	} {
		_, in := damage(t, c.want, u8(c.page))
		if got, layers := repair.Repair(in, allOptions); got != c.want {
			t.Errorf("Repair(%q)\n  = %q %s\n want %q", in, got, describe(layers), c.want)
		}
	}
}

// TestLookaheadPricesCJKStrangers: a line whose damaged part was read
// through windows-1252 twice is read, in a later round, as Big5 shown as
// windows-1252 too, which turns the correct "¿TÄT" into two hanzi. The
// readings the lookahead compares pay for hanzi among Latin words, as an
// island's gain does.
func TestLookaheadPricesCJKStrangers(t *testing.T) {
	const correct = "¿TÄTVUXEN? EMILIO HETEROCERCA "
	const damaged = "«Itagüí» disformar panorámica «Báguanos» decíselos"
	in := correct + latin1Twice(damaged)
	if got, layers := repair.Repair(in, allOptions); got != correct+damaged {
		t.Errorf("Repair(%q)\n  = %q %s\n want %q", in, got, describe(layers), correct+damaged)
	}
}

// TestNBSPAfterWord: an NBSP after a word reads as "Â" and a space even
// in a line whose language writes Â (French), and is restored; whether
// the space also stays is the NBSP-space ambiguity, not asserted here.
func TestNBSPAfterWord(t *testing.T) {
	in := "Le chef servesÂ crÃ¨me brÃ»lÃ©e Ã  la carte."
	got, layers := repair.Repair(in, allOptions)
	if strings.Contains(got, "Â") || !strings.Contains(got, "serves\u00a0") {
		t.Errorf("Repair(%q) = %q %s, want the NBSP after serves restored", in, got, describe(layers))
	}
}

// TestDoubleSpaceTelltale: "à" alone between words, its 0xA0 made a
// space, leaves "Ã" and two spaces, the line's only damage; the double
// space is the evidence that carries it. Where the line doubles spaces
// the damage cannot explain, or the island ends a word of capitals laid
// out with double spaces, nothing changes.
func TestDoubleSpaceTelltale(t *testing.T) {
	for _, want := range []string{
		"Merci à tous pour votre aide.",
		"Le train part à huit heures.",
		// A capital at the end of a word of small letters: with the
		// statistics of the word lists alone, "sarÃ" gained too little.
		"Il cursore sarà spostato.",
	} {
		in := nbspToSpace(strings.ReplaceAll(want, "à", "Ã\u00a0"))
		if got, layers := repair.Repair(in, allOptions); got != want {
			t.Errorf("Repair(%q) = %q %s, want %q", in, got, describe(layers), want)
		}
	}
	for _, s := range []string{
		"Il habite Ã  Paris  depuis longtemps.",
		"NIEDOTRUWANY  UPIĆ  POSZLAKÓWKA",
		"WYLATYWAĆ  ULSAN podpatrzył",
		"MÃ  NHẬN DIỆN NHÓM CHO VIỆC",
	} {
		if got, layers := repair.Repair(s, allOptions); got != s {
			t.Errorf("Repair(%q) = %q %s, want it unchanged", s, got, describe(layers))
		}
	}
}

// TestBig5LostLeads: Big5 loses the lead and middle bytes of many
// characters of Chinese read as UTF-8 ("在" is E5 9C A8: E5 pairs with no
// 9C, 9C begins nothing), and pairs the last byte with the next
// character's lead ("券" is A8 E9). Each such character must be read,
// even where it stays unknown: before, every one stopped the island, and
// the hanzi Big5 had made of its bytes ("券") stood in the repair. The
// full stop, all three bytes lost at the end of the line, is told by
// the hanzi before it, not by the marks between.
func TestBig5LostLeads(t *testing.T) {
	for _, want := range []string{
		"我們來決定在這裡使用那種方法。",
		"請參照說明文件中的範例。",
		chineseT,
	} {
		_, in := damage(t, want, lossy("big5", codec.ReplaceFFFD))
		got, layers := repair.Repair(in, allOptions)
		for _, r := range got {
			if plausible.ClassOf(r) == plausible.Han && !strings.ContainsRune(want, r) {
				t.Errorf("Repair(%q)\n  = %q %s\n holds %c, which %q lacks", in, got, describe(layers), r, want)
				break
			}
		}
		if !strings.HasSuffix(got, "。") {
			t.Errorf("Repair(%q)\n  = %q %s\n want it to end in 。 as %q does", in, got, describe(layers), want)
		}
	}
}

// TestBrief: with Options.Brief the text is the same and the lost
// characters are listed without their alternatives, on a line short
// enough for one window and on one of several.
func TestBrief(t *testing.T) {
	_, short := damage(t, "我們來決定在這裡使用那種方法。", lossy("big5", codec.ReplaceFFFD))
	for _, in := range []string{short, strings.Repeat(short+" ", 40)} {
		want, full := repair.Repair(in, allOptions)
		brief := allOptions
		brief.Brief = true
		got, layers := repair.Repair(in, brief)
		if got != want {
			t.Errorf("Repair(%q, Brief) = %q, want %q", in, got, want)
		}
		alternatives := 0
		for _, l := range full {
			for _, x := range l.Inferred {
				alternatives += len(x.Alternatives)
			}
		}
		if alternatives == 0 {
			t.Errorf("Repair(%q) lists no alternatives: nothing to leave out", in)
		}
		for _, l := range layers {
			for _, x := range l.Inferred {
				if len(x.Alternatives) != 0 {
					t.Fatalf("Repair(%q, Brief) lists alternatives for %q", in, x.Chosen)
				}
			}
		}
	}
}

// TestDroppedAlternativesListed: a character a double-byte page dropped
// a byte of inside (see droppedCands) is listed in the plan with its
// candidates, best first, whether the lost characters are inferred or
// marked U+FFFD; the candidates are made only for an island that is
// weighed further (see Inferred.settle), and without InferLost no
// island is refined before it is kept.
func TestDroppedAlternativesListed(t *testing.T) {
	_, in := damage(t, "スクリプトの実行にはインタープリターが必要です。", lossy("gbk", codec.Drop))
	marked := allOptions
	marked.InferLost = false
	for _, opt := range []repair.Options{allOptions, marked} {
		_, layers := repair.Repair(in, opt)
		alternatives := 0
		for _, l := range layers {
			for _, x := range l.Inferred {
				alternatives += len(x.Alternatives)
				for i := 1; i < len(x.Alternatives); i++ {
					if x.Alternatives[i].Score > x.Alternatives[i-1].Score {
						t.Errorf("Repair(%q, %+v): alternatives of %q not best first: %v", in, opt, x.Chosen, x.Alternatives)
					}
				}
			}
		}
		if alternatives == 0 {
			t.Errorf("Repair(%q, %+v) lists no alternatives for its lost characters: %+v", in, opt, layers)
		}
	}
}

// TestWordDamagedTwice checks a line whose only damage is one word read
// twice through windows-1252: undone once, "Ã„Æ’" reads "Äƒ", mojibake
// again, so the island is judged by its second reading.
func TestWordDamagedTwice(t *testing.T) {
	for _, want := range []string{
		"Parola nu a fost schimbată.",
		"Das ist schön.",
		"Le prix a été fixé.",
	} {
		in := latin1Twice(want)
		got, layers := repair.Repair(in, allOptions)
		if got != want {
			t.Errorf("Repair(%q) = %q %s, want %q", in, got, describe(layers), want)
		}
	}
}

// latin1Twice is s as UTF-8 read through windows-1252, twice.
func latin1Twice(s string) string {
	for range 2 {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			r, _ := codec.SloppyWindows1252.DecodeByte(s[i])
			b.WriteRune(r)
		}
		s = b.String()
	}
	return s
}

// TestLostLetterAlternativesAsWeighed checks what a plan says of the
// letters it put back for bytes windows-1252 dropped: the alternatives
// are the candidates weighed in the word, best first, the chosen one on
// top, so that "moji explain" shows why "ст" was chosen over "эт" and "ят".
func TestLostLetterAlternativesAsWeighed(t *testing.T) {
	for _, want := range []string{russian, "В Linux 3.7 и старее эти файлы видимы как жёсткие ссылки."} {
		in := dropUndefined1252(want)
		_, layers := repair.Repair(in, allOptions)
		n := 0
		for _, l := range layers {
			for _, inf := range l.Inferred {
				if len(inf.Alternatives) < 2 || inf.Chosen == "\uFFFD" {
					continue
				}
				n++
				if inf.Alternatives[0].Text != inf.Chosen || inf.Alternatives[0].Score != 0 {
					t.Errorf("%q: chose %q, alternatives %v: want the chosen first, at 0", in, inf.Chosen, inf.Alternatives)
				}
				for i := 1; i < len(inf.Alternatives); i++ {
					if inf.Alternatives[i].Score > inf.Alternatives[i-1].Score {
						t.Errorf("%q: alternatives %v not best first", in, inf.Alternatives)
					}
				}
			}
		}
		if n == 0 {
			t.Errorf("Repair(%q): no lost letter chosen among alternatives %s", in, describe(layers))
		}
	}
}

// dropUndefined1252 is s as UTF-8 read through windows-1252 by a decoder
// that drops the five bytes the page leaves undefined (0x81 of "с", 0x8F
// of "я").
func dropUndefined1252(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			continue
		}
		r, _ := codec.SloppyWindows1252.DecodeByte(s[i])
		b.WriteRune(r)
	}
	return b.String()
}

// TestLegacyLeavesCorrectWords: a UTF-8 page whose template is correct and
// whose field came from a legacy database joins both in one line. The
// legacy reading is undone in the legacy text alone: a word written
// correctly keeps its letters where the reading would put a letter of
// another alphabet against its own ("könnten" through windows-1253 is
// "kφnnten"), a mark that reads worse ("don’t" through the Russian page
// swap is "don▓t"), a short word whose neighbours are written correctly
// ("é" in "expressão é um" is no "й"), or a word whose cases the swap
// would invert.
func TestLegacyLeavesCorrectWords(t *testing.T) {
	for _, c := range []struct {
		correct, legacyText string
		st                  step
	}{
		{"Die obigen Regeln könnten auch in einer Datei stehen:", greek, legacy("windows-1253", "sloppy-windows-1252")},
		{"Med mandag som første dag i ugen:", chinese, legacy("gbk", "sloppy-windows-1252")},
		{"NELLA PIÙ RECENTE RICERCA:", russian, legacy("koi8-r", "iso-8859-1")},
		{"A próxima expressão é um terminal:", russian, legacy("windows-1251", "sloppy-windows-1252")},
		{"Gee, Toto, I don’t think we’re in Kansas — anymore.", russian, legacy("koi8-r", "sloppy-windows-1251")},
		{"ID Идентификатор, Таймер:", russian, legacy("koi8-r", "sloppy-windows-1251")},
		// Through windows-1255 "ó" is a Hebrew letter, through
		// windows-1256 "ö" the kasra, a mark of the Arabic script, and
		// "ž" a zero-width joiner.
		{"Esta información aún no está:", hebrew, legacy("windows-1255", "sloppy-windows-1252")},
		{"Den förtydligade aktu cizoložství:", arabic, legacy("windows-1256", "iso-8859-1")},
		// Judged by its text in full, windows-1251's reading (and its
		// case swapped once more) read "öffnen" as "цffnen", cheaper
		// than KOI8-R's "Жffnen" (see searchRoundUncached).
		{"Für Änderungen öffnen Sie die Datei.", "Настройки применяются после перезапуска.", legacy("koi8-r", "sloppy-windows-1252")},
	} {
		_, d := damage(t, c.legacyText, c.st)
		got, layers := repair.Repair(c.correct+" "+d, allOptions)
		if got != c.correct+" "+c.legacyText {
			t.Errorf("Repair(%q)\n  = %q %s\n want %q", c.correct+" "+d, got, describe(layers), c.correct+" "+c.legacyText)
		}
	}
	// Where the legacy text glues its words to Latin ones, they are its
	// own: Chinese "和" between two English names, Hebrew's maqaf.
	for _, c := range []struct {
		text string
		st   step
	}{
		{"系统支持Linux和Windows两种平台，安装时请选择正确的版本。", legacy("gbk", "sloppy-windows-1252")},
		{"יש לקרוא ל־libpam לפני שמשתמשים במודול הזה.", legacy("windows-1255", "sloppy-windows-1252")},
	} {
		_, d := damage(t, c.text, c.st)
		if got, layers := repair.Repair(d, allOptions); got != c.text {
			t.Errorf("Repair(%q)\n  = %q %s\n want %q", d, got, describe(layers), c.text)
		}
	}
}

// TestLostCJKAcrossSpaces: in Chinese written with spaces between its
// words, two characters that each lost their last byte through GBK ("一个"
// is E4 B8 80 E4 B8 AA, read "涓涓") are chosen by the words on either side.
func TestLostCJKAcrossSpaces(t *testing.T) {
	const clean = "它 返回 一个 新的 字符串。"
	_, broken := damage(t, clean, lossy("gbk", codec.Drop))
	got, _ := repair.Repair(broken, allOptions)
	if !strings.Contains(got, " 一个 新的 字符串") {
		t.Errorf("Repair(%q) = %q, want 一个 back", broken, got)
	}
}

// TestStrayLetterInCJK: a hanzi glued to a command name in correct
// Chinese is no Latin letter that GBK made of UTF-8, where its run of
// text holds a hanzi GBK cannot make of UTF-8 (see dropStrayLetters):
// 偶 is C5 BC through GBK, ż in UTF-8, but 玩 beside it is CD E6, a lead
// byte before a byte that continues nothing. (Lines of bench/regress's
// CJK token sets.)
func TestStrayLetterInCJK(t *testing.T) {
	for _, want := range []string{
		"内/etc/passwd 在玩gcc偶",
		"認識麥克變速箱叫做 -f大麻make貨http://example.com 款定製益陽新澤西州",
		"端午远 (default) make眺v2.0床位，扑克牌查处抗日战争巧合",
		"尾巴犧牲人人聯合國gcc釘make子漢學家README、",
	} {
		if got, layers := repair.Repair(want, allOptions); got != want {
			t.Errorf("Repair(%q)\n  = %q %s", want, got, describe(layers))
		}
	}
	// Damage that the page did is still undone: every character of the
	// run is made of UTF-8 bytes.
	_, in := damage(t, "Dateien für alle Benutzer", u8("gbk"))
	if got, _ := repair.Repair(in, allOptions); got != "Dateien für alle Benutzer" {
		t.Errorf("Repair(%q) = %q", in, got)
	}
}

// TestQuestionMarkIsNoLoss: a '?' after a correct word is the end of a
// question, not the mark of a lost byte, where the reading it would
// complete is no character at all: the Belarusian "прыйшоў?" through
// windows-1251 is EE A2 and '?', and U+FFFD stood for three correct
// characters.
func TestQuestionMarkIsNoLoss(t *testing.T) {
	for _, want := range []string{
		"Хто ён такі і адкуль ён прыйшоў?",
		"Ці ведаеш, куды ён пайшоў?",
		"Ён спытаў: «Ты прыйшоў?»",
		"Хто ён такі (адкуль ён прыйшоў?)",
	} {
		if got, layers := repair.Repair(want, allOptions); got != want {
			t.Errorf("Repair(%q)\n  = %q %s", want, got, describe(layers))
		}
	}
}

// TestNoOpeningMarkAtLineEnd: a mark that lost its last byte at the end
// of a line, after a space, is no opening quotation mark, which would
// open nothing: "copied 鈥" through GBK with the byte dropped is "…".
func TestNoOpeningMarkAtLineEnd(t *testing.T) {
	for _, want := range []string{
		"Please wait while the files are copied …",
		"The list goes on and on …",
		// « closes a German »: no opening mark.
		"Die Liste steht in der Tabelle »…«",
	} {
		_, in := damage(t, want, lossy("gbk", codec.Drop))
		if got, layers := repair.Repair(in, allOptions); got != want {
			t.Errorf("Repair(%q)\n  = %q %s\n want %q", in, got, describe(layers), want)
		}
	}
}

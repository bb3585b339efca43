package detect

import (
	"sync"
	"sync/atomic"

	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/langstats"
	"github.com/mojitext/moji/internal/plausible"
)

// A legacy is a legacy charset that detection considers.
type legacy struct {
	name  string
	prior float64 // bits: charsets rarely met, and supersets of a narrower sibling, pay a little more
	lang  string  // the language of a CJK charset ("zh", "ja", "ko"), or ""
	// freq is the frequency class of a Han, kana or Hangul character in the
	// charset's language: GBK text is judged as simplified Chinese, Big5 as
	// traditional, so the same bytes read with the wrong charset land on
	// characters that are rare in its language.
	freq func(rune) uint8
	c    codec.Charset
	sb   *codec.SingleByte // c, when it is single-byte
	// native lists the languages (with a langstats model) the charset was
	// made for: their models are always tried on its reading, and a
	// reading in one of them is preferred over the same text read by a
	// charset made for other languages.
	native []string

	// Single-byte tables, built once: the unigram cost and the class of
	// each byte's character (errCost for an undefined byte).
	cost  [256]float32
	class [256]plausible.Class

	// pairs caches, for a multi-byte charset, the reading of each pair of
	// bytes that starts with a non-ASCII byte (see pairEntry). Allocated on
	// first use.
	pairsOnce sync.Once
	pairs     *pairTab
}

// A pairReading is what a multi-byte charset makes of the sequence at the
// start of two bytes: its length n (0 when the two bytes do not settle it,
// as for GB18030's four-byte sequences), whether it is valid, and if so the
// character's unigram cost and class.
type pairReading struct {
	n     uint8
	ok    bool
	class plausible.Class
	cost  float32
}

// pairEntry returns l's reading of the sequence that starts with the bytes
// a >= 0x80 and b. Decoding and pricing a character (a table walk, a
// frequency look-up, a Unicode class) costs far more than this look-up,
// and text repeats its characters, across files as well as within one.
func (l *legacy) pairEntry(a, b byte) pairReading {
	return l.pairTable().entry(l, a, b)
}

// pairTab is a multi-byte charset's cache of pair readings (see pairEntry).
type pairTab [1 << 15]atomic.Uint32

// pairTable returns l's pair cache, allocating it on first use. Loops call
// it once and then entry per pair.
func (l *legacy) pairTable() *pairTab {
	l.pairsOnce.Do(func() { l.pairs = new(pairTab) })
	return l.pairs
}

// entry is l.pairEntry(a, b), with t = l.pairTable().
func (t *pairTab) entry(l *legacy, a, b byte) pairReading {
	v := t[int(a&0x7F)<<8|int(b)].Load()
	if v == 0 {
		v = l.fillPair(t, a, b)
	}
	return pairReading{n: uint8(v >> 28 & 3), ok: v>>30&1 != 0, class: plausible.Class(v >> 20 & 0xFF), cost: float32(v&0xFFFFF) / 256}
}

// fillPair decodes and prices the pair a, b and stores its packed reading.
func (l *legacy) fillPair(t *pairTab, a, b byte) uint32 {
	var e pairReading
	k := int(a&0x7F)<<8 | int(b)
	// A slice of a static table, not a fresh two-byte slice: the
	// decoder is an interface, so the bytes would escape to the heap.
	r, n, ok := l.c.Decode(allPairs[2*k : 2*k+2 : 2*k+2])
	if n > 0 {
		e = pairReading{n: uint8(n), ok: ok, cost: errCost}
		if ok {
			e.class, e.cost = classOf(r), float32(runeCost(r, l.freq))
		}
	}
	// Packed in 32 bits, to keep the table small: the cost in 1/256
	// bits (costs stay far below 256), the class, n, ok, and a mark
	// that the slot is filled.
	v := 1<<31 | uint32(e.n)<<28 | uint32(e.class)<<20 | uint32(e.cost*256)
	if e.ok {
		v |= 1 << 30
	}
	t[k].Store(v)
	return v
}

// allPairs holds every pair of bytes a >= 0x80, b: the pair of key
// k = (a&0x7F)<<8 | b at 2k.
var allPairs = func() *[1 << 16]byte {
	var t [1 << 16]byte
	for k := range 1 << 15 {
		t[2*k], t[2*k+1] = byte(k>>8)|0x80, byte(k)
	}
	return &t
}()

// errCost is the cost in bits of a sequence a charset cannot decode. It is
// far above any character's cost, so that a charset which decodes the input
// cleanly always wins, but finite, so that the least broken one is still
// chosen for damaged input.
const errCost = 40

// Priors, in bits. They matter only when the text does not decide: for very
// short inputs, and between charsets that decode the input identically.
const (
	priorCommon = 0   // windows-125x, the national standards
	priorSuper  = 0.5 // a superset of a common charset, used where the narrower one is not enough
	// priorISO puts an ISO-8859-x page just ahead of its windows sibling:
	// the windows page differs in 0x80–0x9F, where the ISO page has only
	// controls, so when both decode the input to the same text no byte of
	// the windows page's own repertoire occurs, and the text was more
	// likely written with the ISO page in mind.
	priorISO  = -0.2
	priorOld  = 3 // DOS and Mac pages, regional variants
	priorRare = 6 // EBCDIC and charsets of a few users
)

func newLegacy(name string, prior float64, lang string, freq func(rune) uint8) *legacy {
	c, ok := codec.ByName(name)
	if !ok {
		panic("detect: unknown charset " + name)
	}
	l := &legacy{name: name, prior: prior, lang: lang, freq: freq, c: c, native: natives[name]}
	l.sb, _ = c.(*codec.SingleByte)
	return l
}

// Languages by region, for natives.
var (
	westEuropean    = []string{"en", "fr", "de", "es", "it", "pt", "nl", "da", "sv"}
	centralEuropean = []string{"pl", "cs", "sk", "hu", "ro"}
	cyrillic        = []string{"ru", "uk", "bg"}
	baltic          = []string{"lt", "lv", "et"}
)

// natives maps a single-byte charset to the languages it was made for.
var natives = map[string][]string{
	"windows-1252": westEuropean, "iso-8859-1": westEuropean, "iso-8859-15": westEuropean,
	"macintosh": westEuropean, "ibm437": westEuropean, "ibm850": westEuropean, "ibm037": westEuropean,
	"windows-1250": centralEuropean, "iso-8859-2": centralEuropean, "ibm852": centralEuropean,
	"iso-8859-16":  {"ro", "pl", "hu"},
	"windows-1251": cyrillic, "iso-8859-5": cyrillic, "x-mac-cyrillic": cyrillic, "ibm855": cyrillic,
	"koi8-r": {"ru", "bg"}, "ibm866": {"ru"}, "koi8-u": {"uk", "ru"},
	"windows-1253": {"el"}, "iso-8859-7": {"el"}, "ibm869": {"el"},
	"windows-1254": {"tr"}, "iso-8859-9": {"tr"}, "ibm857": {"tr"},
	"windows-1255": {"he"}, "iso-8859-8": {"he"}, "ibm424": {"he"},
	"windows-1256": {"ar"}, "iso-8859-6": {"ar"},
	"windows-1257": baltic, "iso-8859-13": baltic, "iso-8859-4": baltic, "ibm775": baltic,
	"windows-1258": {"vi"},
	"tis-620":      {"th"}, "windows-874": {"th"},
}

// legacies is every legacy charset that detection considers. Python's
// sloppy variants are browser behaviour, not charsets, and big5-hkscs is
// left out in favour of big5/cp950: a Hong Kong extension is rarely what a
// file was written in, and its extra rows would steal Big5 text.
var legacies = []*legacy{
	newLegacy("windows-1252", priorCommon, "", nil),
	newLegacy("iso-8859-1", priorISO, "", nil),
	newLegacy("iso-8859-15", priorISO+0.7, "", nil),
	newLegacy("windows-1250", priorCommon, "", nil),
	newLegacy("iso-8859-2", priorISO, "", nil),
	newLegacy("windows-1251", priorCommon, "", nil),
	newLegacy("koi8-r", priorCommon+0.3, "", nil),
	newLegacy("koi8-u", priorOld, "", nil),
	newLegacy("iso-8859-5", 0.3, "", nil),
	newLegacy("x-mac-cyrillic", priorOld, "", nil),
	newLegacy("ibm866", priorOld-1, "", nil),
	newLegacy("ibm855", priorOld, "", nil),
	newLegacy("windows-1253", priorCommon, "", nil),
	newLegacy("iso-8859-7", priorISO, "", nil),
	newLegacy("windows-1254", priorCommon, "", nil),
	newLegacy("iso-8859-9", priorISO, "", nil),
	newLegacy("windows-1255", priorCommon, "", nil),
	newLegacy("iso-8859-8", priorISO, "", nil),
	newLegacy("windows-1256", priorCommon, "", nil),
	newLegacy("iso-8859-6", priorISO, "", nil),
	newLegacy("windows-1257", priorCommon, "", nil),
	newLegacy("iso-8859-13", priorISO, "", nil),
	newLegacy("iso-8859-4", priorOld, "", nil),
	newLegacy("windows-1258", priorCommon, "", nil),
	newLegacy("tis-620", priorCommon-0.2, "", nil),
	newLegacy("windows-874", priorCommon, "", nil),
	newLegacy("iso-8859-3", priorRare, "", nil),
	newLegacy("iso-8859-10", priorRare, "", nil),
	newLegacy("iso-8859-14", priorRare, "", nil),
	newLegacy("iso-8859-16", priorRare, "", nil),
	newLegacy("macintosh", priorOld, "", nil),
	newLegacy("ibm437", priorOld, "", nil),
	newLegacy("ibm850", priorOld, "", nil),
	newLegacy("ibm852", priorOld, "", nil),
	newLegacy("ibm857", priorOld, "", nil),
	newLegacy("ibm775", priorOld, "", nil),
	newLegacy("ibm869", priorOld, "", nil),
	newLegacy("kz-1048", priorRare, "", nil),
	newLegacy("ptcp154", priorRare, "", nil),
	newLegacy("ibm037", priorRare, "", nil),
	newLegacy("ibm424", priorRare, "", nil),

	newLegacy("gb2312", priorCommon, "zh", langstats.ZhHans),
	newLegacy("gbk", priorSuper, "zh", langstats.ZhHans),
	newLegacy("gb18030", priorSuper+0.5, "zh", langstats.ZhHans),
	newLegacy("big5", priorCommon, "zh", langstats.ZhHant),
	newLegacy("cp950", priorSuper, "zh", langstats.ZhHant),
	newLegacy("shift_jis", priorCommon, "ja", langstats.Japanese),
	newLegacy("cp932", priorSuper, "ja", langstats.Japanese),
	newLegacy("euc-jp", priorCommon, "ja", langstats.Japanese),
	newLegacy("euc-kr", priorCommon, "ko", langstats.Korean),
	newLegacy("cp949", priorSuper, "ko", langstats.Korean),
	newLegacy("johab", priorRare, "ko", langstats.Korean),
}

var tablesOnce sync.Once

// asciiCost is the unigram cost of each 7-bit byte, shared by every
// ASCII-compatible charset.
var asciiCost [128]float32

// buildTables fills the per-byte tables of the single-byte charsets.
func buildTables() {
	for b := range 128 {
		asciiCost[b] = float32(baseCost(rune(b)))
	}
	for _, l := range legacies {
		if l.sb == nil {
			continue
		}
		for b := range 256 {
			r, ok := l.sb.DecodeByte(byte(b))
			if !ok {
				l.cost[b] = errCost
				l.class[b] = plausible.Replacement
				continue
			}
			if b < 0x80 && l.sb.ASCIICompatible() && r != rune(b) {
				panic("detect: " + l.name + " is not ASCII-compatible") // pairCounts relies on it
			}
			l.class[b] = classOf(r)
			l.cost[b] = float32(baseCost(r))
		}
	}
}

// classOf is plausible.ClassOf.
func classOf(r rune) plausible.Class { return plausible.ClassOf(r) }

// runeCost is the unigram cost of r in text of the charset's language.
// Han, kana and Hangul cost by their frequency in that language (plausible
// uses the best of all languages, which cannot tell GBK from Big5).
func runeCost(r rune, freq func(rune) uint8) float64 {
	if freq != nil {
		switch classOf(r) {
		case plausible.Han, plausible.Kana, plausible.Hangul, plausible.HalfKana:
			// Class 15 is about 0.8% of text, 7 bits, and each class below
			// halves the frequency: this is -log2 P(r), so that a reading
			// as Han is not cheaper per byte than an alphabet's letters.
			return 7 + float64(15-int(freq(r)))
		}
	}
	return baseCost(r)
}

// baseCost is plausible.RuneCost, except for the combining vowel and tone
// signs of Thai. plausible prices marks beyond Latin's as rare, which suits
// mojibake repair, but Thai spells with them (every other character of Thai
// text is one): here they cost what a letter costs. Hebrew points and Arabic
// harakat keep their price: most text omits them.
func baseCost(r rune) float64 {
	if 0x0E31 <= r && r <= 0x0E4E && classOf(r) == plausible.Combining {
		return letterCost
	}
	return plausible.RuneCost(r)
}

// letterCost is the unigram cost of an ordinary letter of an alphabet.
var letterCost = plausible.RuneCost('a')

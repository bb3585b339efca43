package repair

import (
	"encoding/json"
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/plausible"
)

// soleCase is a text to repair and, when it is known, the text it
// must become.
type soleCase struct{ text, want string }

// soleCases are the dev slice's texts, which are correct or damaged in
// ways the slice records, ftfy's correct texts that look like mojibake,
// each of the slice's correct texts also read once and twice as UTF-8
// through every page of the search that decodes all its bytes, and
// random strings of mojibake, the letters it stands for, symbols and
// ASCII: short ones that read as UTF-8 by chance, and mixtures.
func soleCases(t *testing.T) (clean []string, damaged, random []soleCase) {
	for _, c := range sliceCases(t) {
		clean = append(clean, c.Original)
		if c.Broken == c.Original {
			continue
		}
		damaged = append(damaged, soleCase{c.Broken, c.Original})
		for _, w := range utf8Wrong {
			once, ok := readAs(c.Original, w)
			if !ok {
				continue
			}
			damaged = append(damaged, soleCase{once, c.Original})
			if twice, ok := readAs(once, w); ok {
				damaged = append(damaged, soleCase{twice, c.Original})
			}
		}
	}
	// ftfy's correct texts that look like mojibake: line art, Greek
	// diaereses used as quotes, accents as quotation marks.
	neg, err := os.ReadFile("../../testdata/ftfy/test-cases/negative.json")
	if err != nil {
		t.Fatal(err)
	}
	var negatives []struct{ Original, Fixed string }
	if err := json.Unmarshal(neg, &negatives); err != nil {
		t.Fatal(err)
	}
	for _, c := range negatives {
		if c.Fixed == c.Original {
			clean = append(clean, c.Original)
		}
	}
	pool := []string{"Ã©", "Ã¨", "Ã", "Â", "Â£", "Â ", "Â\u00a0", "â€™", "â€œ", "â€", "Ã¼", "ÃŸ", "Ð¾", "Ñ‚", "Ð", "Ñ", "Ä", "Å¡", "Ã\u0081", "Ã‚", "â”€",
		"é", "ü", "’", "—", "©", "®", "°", "±", "£", "€", "ж", "Ω", "ｶ", "中", "\u0301", "\u0081",
		"café", "über", "the", "a", " ", " ", " ", ".", ",", "5", "\n"}
	rng := rand.New(rand.NewSource(10))
	for range 4000 {
		var b strings.Builder
		for range 1 + rng.Intn(16) {
			b.WriteString(pool[rng.Intn(len(pool))])
		}
		random = append(random, soleCase{text: b.String()})
	}
	return clean, damaged, random
}

// readAs is s as UTF-8 read through w, when w decodes every byte.
func readAs(s string, w *wrongDecoder) (string, bool) {
	out, ok := codec.DecodeString(w.cs, []byte(s), codec.Strict)
	return out, ok && out != s && utf8.ValidString(out)
}

// searchAlone is Repair without sole readings.
func searchAlone(s string) string {
	soleReadings = false
	defer func() { soleReadings = true }()
	out, _ := Repair(s, allOptionsInternal)
	return out
}

// TestSoleReading holds sole readings to the search they stand in for.
// No correct text has one. Where the search alone restores a damaged
// text, so does the search with sole readings; where it leaves a random
// string as it is, so do sole readings. The search with them restores
// more: a line of Hebrew read twice through windows-1252 came back from
// the search alone as "לקרוא ×υ¾libpam", the second round weighing the
// leftovers of the first ("×œÖ¾") against readings through other pages,
// where the sole reading of each round is the whole line.
func TestSoleReading(t *testing.T) {
	clean, damaged, random := soleCases(t)
	sc := getScratch()
	defer putScratch(sc)
	for _, s := range clean {
		if soleReading(sc, s) != nil {
			t.Errorf("sole reading of the correct text %q", s)
		}
	}
	var taken, exactSole, exactAlone, replayFails int
	for _, c := range damaged {
		sole := soleReading(sc, c.text) != nil
		if sole {
			taken++
		}
		got, layers := Repair(c.text, allOptionsInternal)
		if replayed := replayLayers(c.text, layers); replayed != got {
			replayFails++
			if sole {
				t.Errorf("%q: repaired as %q, its plan replays as %q", c.text, got, replayed)
			}
		}
		alone := searchAlone(c.text)
		if got == c.want {
			exactSole++
		}
		if alone == c.want {
			exactAlone++
			if got != c.want {
				t.Errorf("%q:\n with sole readings %q\n the search alone   %q", c.text, got, alone)
			}
		}
	}
	for _, c := range random {
		got, _ := Repair(c.text, allOptionsInternal)
		if alone := searchAlone(c.text); alone == c.text && got != c.text {
			t.Errorf("%q: sole readings made it %q, the search alone left it", c.text, got)
		}
	}
	if taken < len(damaged)/3 {
		t.Errorf("a sole reading was taken on %d of %d damaged texts", taken, len(damaged))
	}
	t.Logf("sole readings taken on %d of %d damaged texts; restored %d with them, %d by the search alone; %d plans replay otherwise", taken, len(damaged), exactSole, exactAlone, replayFails)
}

// wholeReadingCases are the sole reading's cases and the screen's
// corners, and every single-byte page of the search and the legacy
// readings.
func wholeReadingCases(t *testing.T) (texts []string, pages []*wrongDecoder) {
	clean, damaged, random := soleCases(t)
	texts = append(clean, screenCorners...)
	texts = append(texts, liveCorners...)
	texts = append(texts, "\xff", "Ã\xc3", "ab\xe2\x80", "Ã©\xed\xa0\x80", "\xc3", "a\xc3\xa9")
	for _, cs := range [][]soleCase{damaged, random} {
		for _, c := range cs {
			texts = append(texts, c.text)
		}
	}
	for _, w := range utf8Wrong {
		if w.sb != nil {
			pages = append(pages, w)
		}
	}
	for _, h := range legacyHypotheses {
		if h.wrong.sb != nil {
			pages = append(pages, h.wrong)
		}
	}
	return texts, pages
}

// TestWholeReadingSingle holds wholeReadingSingle to encodeWhole and
// soleSequences, one pass after the other, on wholeReadingCases: the
// same verdict, and when the reading holds, the same bytes, count and
// strangeness; and when windows-1252 reads a text whole, the pages
// outside the unlike it lists to those that encodesLike the text.
func TestWholeReadingSingle(t *testing.T) {
	texts, pages := wholeReadingCases(t)
	// Readings through windows-1252 of sequences of every length, valid
	// or not: overlong (E0 80 80, F0 80 80 80), a surrogate (ED A0 80),
	// beyond U+10FFFF (F4 90 80 80), the last and first of the planes
	// beyond the first, U+FFFD, a mark on a letter of its script or not.
	texts = append(texts, "à€€", "í\u00a0€", "ð€€€", "ð\u0090€€", "ô\u0090€€", "ô\u008f¿¿", "ï¿½", "cÃ©", "à¸—à¸µà¹ˆ", "Ã‚\u0081", "x Ã")
	for _, s := range texts {
		for _, w := range pages {
			var unlike pageSet
			got, n, strange, ok := wholeReadingSingle(nil, s, w.sb, &unlike)
			if ok && w.page == likePage {
				for _, p := range pages {
					if p.page >= 0 && unlike&(1<<p.page) == 0 != encodesLike(s, p) {
						t.Errorf("%q through %s: %s outside unlike = %v, encodesLike = %v", s, w.name(), p.name(), unlike&(1<<p.page) == 0, encodesLike(s, p))
					}
				}
			}
			want, wantOK := encodeWhole(nil, s, w)
			var wantN int
			var wantStrange bool
			if wantOK {
				wantN, wantStrange, wantOK = soleSequences(want)
			}
			if ok != wantOK || ok && (string(got) != string(want) || n != wantN || strange != wantStrange) {
				t.Errorf("%q through %s: wholeReadingSingle = %q, %d, %v, %v; encodeWhole and soleSequences = %q, %d, %v, %v",
					s, w.name(), got, n, strange, ok, want, wantN, wantStrange, wantOK)
			}
		}
	}
}

// replayLayers applies each layer of a plan in turn, as a plan replays.
func replayLayers(s string, layers []Layer) string {
	for _, l := range layers {
		s = Apply(s, l)
	}
	return s
}

// TestMarksOwnLetter holds the combining marks a sole reading may restore
// to those a script writes on its own letters.
func TestMarksOwnLetter(t *testing.T) {
	for _, c := range []struct {
		text string // a letter and the mark after it
		want bool
	}{
		{"ท\u0e35", true},  // Thai sara ii on a Thai letter
		{"ب\u064f", true},  // damma on an Arabic letter
		{"ש\u05bc", true},  // dagesh on a Hebrew letter
		{"c\u0329", false}, // Mac Roman's reading of "Ã©" in "cafÃ©"
		{"o\u064e", false}, // fatha on a Latin letter
		{"ท\u0301", false}, // an acute, which every script shares
		{" \u0e35", false}, // a Thai mark on no letter
	} {
		base, size := utf8.DecodeRuneInString(c.text)
		mark, _ := utf8.DecodeRuneInString(c.text[size:])
		prev := plausible.ClassOf(base).Script()
		if got := marksOwnLetter(mark, prev); got != c.want {
			t.Errorf("marksOwnLetter(%U after %q) = %v, want %v", mark, base, got, c.want)
		}
	}
}

// encodesLike is the definition of runeBits' unlike, over a text:
// whether w encodes each character of s outside ASCII that likePage
// encodes, and encodes it into the same byte.
func encodesLike(s string, w *wrongDecoder) bool {
	like := screenPages[likePage]
	for _, r := range s {
		b, ok := like.EncodeRune(r)
		if r < utf8.RuneSelf || !ok {
			continue
		}
		if c, ok := w.sb.EncodeRune(r); !ok || c != b {
			return false
		}
	}
	return true
}

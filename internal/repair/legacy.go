package repair

import (
	"unicode/utf8"

	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/plausible"
)

// legacyHypothesis is "text in a legacy charset, decoded with w":
// Chinese GBK shown as windows-1252 ("ÄãºÃ" for "你好"), Russian cp1251
// shown as KOI8-R. Most legacy pages accept almost any bytes, so here
// validity is weak evidence and the plausibility model decides.
type legacyHypothesis struct {
	wrong *wrongDecoder
	truth codec.Charset
}

var legacyHypotheses = func() []legacyHypothesis {
	var hs []legacyHypothesis
	truths := []string{"gbk", "cp950", "cp932", "cp949", "euc-jp", "windows-1251", "koi8-r", "windows-1253", "windows-1255", "windows-1256"}
	for _, wn := range []string{"sloppy-windows-1252", "iso-8859-1"} {
		w := newWrong(wn)
		for _, tn := range truths {
			hs = append(hs, legacyHypothesis{wrong: w, truth: mustCharset(tn)})
		}
	}
	// The two Russian code pages read as each other.
	hs = append(hs,
		legacyHypothesis{wrong: newWrong("koi8-r"), truth: mustCharset("windows-1251")},
		legacyHypothesis{wrong: newWrong("sloppy-windows-1251"), truth: mustCharset("koi8-r")},
	)
	return hs
}()

// legacyMargin is higher than margin: a legacy page decodes nearly any
// byte string, so only a clear gain in plausibility counts.
const legacyMargin = 2 * margin

// undoLegacy tries a legacy hypothesis on s. A legacy charset explains
// a whole text, not islands of it: every non-ASCII character must be
// something w can produce, every run of them must decode in the true
// charset, and the decoding must read as letters. Only then does the
// plausibility model compare the text before and after, as a whole.
func undoLegacy(sc *scratch, s string, h legacyHypothesis, opt Options, decide bool) *outcome {
	sc.encode(s, h.wrong)
	b, kind := sc.b, sc.kind
	n := len(b)
	var (
		spans          []span
		dec            []byte
		letters, total int
	)
	for i := 0; i < n; {
		if kind[i] == kindOpaque || kind[i] == kindFFFD {
			return nil
		}
		if kind[i] != kindFirst || b[i] < utf8.RuneSelf {
			i++
			continue
		}
		// Decode with the true charset from i for as long as the bytes
		// are non-ASCII, plus the ASCII trail bytes a double-byte
		// character takes.
		dec = dec[:0]
		j := i
		for j < n && b[j] >= utf8.RuneSelf {
			if kind[j] == kindOpaque || kind[j] == kindFFFD {
				return nil
			}
			end := min(n, j+4)
			r, size, valid := h.truth.Decode(b[j:end])
			if !valid || size == 0 {
				return nil
			}
			total++
			if c := plausible.ClassOf(r); c.IsLetter() || c == plausible.Combining {
				letters++
			}
			dec = utf8.AppendRune(dec, r)
			j += size
		}
		if !sc.runeStart(j) {
			return nil
		}
		spans = append(spans, span{from: sc.offsetAt(s, i), to: sc.offsetAt(s, j), text: string(dec)})
		i = j
	}
	if len(spans) == 0 || decide && letters*10 < total*7 {
		return nil
	}
	out := assemble(s, spans)
	if out == s {
		return nil
	}
	gain := plausible.Cost(s) - plausible.Cost(out)
	if decide && gain < legacyMargin {
		return nil
	}
	return &outcome{text: out, gain: gain, layer: Layer{
		WrongDecoder: h.wrong.name(),
		TrueCharset:  h.truth.Name(),
	}}
}

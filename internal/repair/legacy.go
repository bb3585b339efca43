package repair

import (
	"unicode/utf8"

	"github.com/mojitext/moji/internal/codec"
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

// undoLegacy tries a legacy hypothesis on every run of non-ASCII text.
func undoLegacy(sc *scratch, s string, h legacyHypothesis, opt Options, decide bool) *outcome {
	sc.encode(s, h.wrong)
	b, kind := sc.b, sc.kind
	n := len(b)
	var (
		spans []span
		gain  float64
		dec   []byte
	)
	for i := 0; i < n; {
		if kind[i] != kindFirst || b[i] < utf8.RuneSelf {
			i++
			continue
		}
		// Decode with the true charset from i for as long as the bytes
		// are non-ASCII, plus the ASCII trail bytes a double-byte
		// character takes.
		dec = dec[:0]
		j := i
		ok := true
		for j < n && kind[j] != kindOpaque && kind[j] != kindFFFD && b[j] >= utf8.RuneSelf {
			end := j + 1
			for end < n && end < j+4 && kind[end] != kindOpaque && kind[end] != kindFFFD {
				end++
			}
			r, size, valid := h.truth.Decode(b[j:end])
			if !valid || size == 0 {
				ok = false
				break
			}
			dec = utf8.AppendRune(dec, r)
			j += size
		}
		if !ok || !sc.runeStart(j) {
			i = j + 1
			for i < n && !sc.runeStart(i) {
				i++
			}
			continue
		}
		from, to := sc.offsetAt(s, i), sc.offsetAt(s, j)
		cand := string(dec)
		g := gainAt(s, from, to, cand)
		if !decide || g > 0 {
			spans = append(spans, span{from: from, to: to, text: cand})
			gain += g
		}
		i = j
	}
	if len(spans) == 0 || decide && gain < legacyMargin {
		return nil
	}
	if decide && !opt.Islands && !coversAllNonASCII(s, spans) {
		return nil
	}
	out := assemble(s, spans)
	if out == s {
		return nil
	}
	return &outcome{text: out, gain: gain, layer: Layer{
		WrongDecoder: h.wrong.name(),
		TrueCharset:  h.truth.Name(),
		Islands:      !coversAllNonASCII(s, spans),
	}}
}

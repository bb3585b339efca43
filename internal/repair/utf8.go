package repair

import (
	"unicode/utf8"

	"github.com/mojitext/moji/internal/plausible"
)

// Loss kinds, as they appear in a Layer.
const (
	lossDropped   = "dropped"
	lossFFFD      = "fffd"
	lossQuestion  = "question"
	lossNBSPSpace = "nbsp-space"
	lossUndefined = "undefined-dropped"
)

// undoUTF8 tries the hypothesis "UTF-8 bytes decoded with w" on s. It
// re-encodes s through w and looks for islands: runs of complete UTF-8
// sequences in those bytes. With decide, an island is undone only if its
// decoding is more plausible by the margin; without, every island is
// undone (replaying a plan).
func undoUTF8(sc *scratch, s string, w *wrongDecoder, opt Options, decide bool) *outcome {
	sc.encode(s, w)
	b, kind := sc.b, sc.kind
	n := len(b)
	var (
		spans []span
		gain  float64
		loss  string
		dec   []byte
	)
	for i := 0; i < n; {
		if kind[i] != kindFirst || b[i] < 0xC2 {
			i++
			continue
		}
		// Grow an island of consecutive sequences from i.
		dec = dec[:0]
		j := i
		var lost []Inferred
		islandLoss := ""
		for j < n && (kind[j] == kindFirst || kind[j] == kindPlain) && b[j] >= 0xC2 {
			next, d, l, inf, ok := w.parseSeq(sc, s, j, opt, dec)
			if !ok {
				break
			}
			dec = d
			if l != "" {
				islandLoss = l
				if inf != nil {
					inf.Offset = len(dec) // fixed up below
					lost = append(lost, *inf)
				}
			}
			j = next
		}
		if j == i {
			i++
			continue
		}
		// The island must end on a rune boundary; with a double-byte
		// decoder the last rune's remaining bytes must be ASCII that the
		// wrong decoder had swallowed ("檚" = 99 73 = the end of "’" and
		// an "s").
		for j < n && !sc.runeStart(j) {
			if b[j] >= utf8.RuneSelf {
				break
			}
			dec = append(dec, b[j])
			j++
		}
		if !sc.runeStart(j) || !utf8.Valid(dec) {
			i = j
			if i < n && !sc.runeStart(i) {
				i++
			}
			continue
		}
		from, to := sc.offsetAt(s, i), sc.offsetAt(s, j)
		cand := string(dec)
		g := gainAt(s, from, to, cand) - lossPrior*float64(len(lost))
		if islandLoss == lossNBSPSpace {
			g -= lossPrior
		}
		if !decide || g >= margin {
			sp := span{from: from, to: to, text: cand, loss: islandLoss}
			for _, in := range lost {
				in.Offset += from // approximate: offset within the repaired text
				sp.inferred = append(sp.inferred, in)
			}
			spans = append(spans, sp)
			gain += g
			if islandLoss != "" && loss == "" {
				loss = islandLoss
			}
		}
		i = j
	}
	if len(spans) == 0 {
		return nil
	}
	if decide && !opt.Islands && !coversAllNonASCII(s, spans) {
		return nil
	}
	out := assemble(s, spans)
	if out == s {
		return nil
	}
	l := Layer{WrongDecoder: w.name(), TrueCharset: "utf-8", Loss: loss, Islands: !coversAllNonASCII(s, spans)}
	for _, sp := range spans {
		l.Inferred = append(l.Inferred, sp.inferred...)
	}
	return &outcome{text: out, gain: gain, layer: l}
}

// parseSeq parses one UTF-8 sequence starting at b[j], appending its
// bytes to dec. Where a continuation byte is missing it may infer it,
// according to how w loses bytes.
func (w *wrongDecoder) parseSeq(sc *scratch, s string, j int, opt Options, dec []byte) (next int, out []byte, loss string, inf *Inferred, ok bool) {
	b, kind := sc.b, sc.kind
	n := len(b)
	need, lo, hi := utf8SeqLen(b[j])
	if need == 0 {
		return j, dec, "", nil, false
	}
	start := len(dec)
	dec = append(dec, b[j])
	p := j + 1
	for k := 1; k < need; k++ {
		l, h := byte(0x80), byte(0xBF)
		if k == 1 {
			l, h = lo, hi
		}
		if p < n && (kind[p] == kindFirst || kind[p] == kindPlain) && b[p] >= l && b[p] <= h {
			dec = append(dec, b[p])
			p++
			continue
		}
		// A space where byte 0xA0 belongs: software that "cleaned"
		// NBSP turned "à" (C3 A0) into "Ã ".
		if opt.RestoreByteA0 && w.a0 && p < n && b[p] == ' ' && l <= 0xA0 && 0xA0 <= h {
			dec = append(dec, 0xA0)
			p++
			loss = lossNBSPSpace
			continue
		}
		// Only the last byte of a sequence of three or four is inferred:
		// a lone lead byte ("Í") is far more often a letter of its own
		// than the remains of a damaged character.
		if !opt.LossySequences || k != need-1 || k < 2 || !sc.runeStart(p) {
			return j, dec[:start], "", nil, false
		}
		// The last byte is missing. Which kinds of loss fit here?
		var how string
		consume := 0
		switch {
		case p < n && kind[p] == kindFFFD:
			how, consume = lossFFFD, 1
		case w.multi && p < n && b[p] == '?':
			how, consume = lossQuestion, 1
		case w.multi && (p == n || b[p] < 0x40 || b[p] == 0x7F):
			// A double-byte decoder drops a lead byte whose trail is
			// invalid and resumes at the trail: “— at” = E2 80 94 20
			// 61 74 reads as 鈥 (E2 80), then 94 20 is no pair, so 0x94
			// is lost and the space kept.
			how = lossDropped
		case len(w.dropped) > 0:
			how = lossUndefined
		default:
			return j, dec[:start], "", nil, false
		}
		prefix := append([]byte(nil), dec[start:]...)
		after := rune(0)
		if q := p + consume; q < n {
			after = firstRune(s[sc.offsetAt(s, q):])
		}
		before := rune(0)
		if start > 0 {
			before = lastRune(string(dec[:start]))
		} else if o := sc.offsetAt(s, j); o > 0 {
			before = lastRune(s[:o])
		}
		cands := w.lostCandidates(how, l, h)
		chosen, alts := inferLost(prefix, cands, before, after, opt.InferLost)
		dec = append(dec[:start], chosen...)
		return p + consume, dec, how, &Inferred{Chosen: chosen, Alternatives: alts}, true
	}
	return p, dec, loss, nil, true
}

// lostCandidates lists the byte values a lost byte may have had.
func (w *wrongDecoder) lostCandidates(how string, lo, hi byte) []byte {
	if how == lossUndefined {
		var c []byte
		for _, x := range w.dropped {
			if x >= lo && x <= hi {
				c = append(c, x)
			}
		}
		return c
	}
	c := make([]byte, 0, int(hi-lo)+1)
	for x := int(lo); x <= int(hi); x++ {
		c = append(c, byte(x))
	}
	return c
}

// inferLost completes prefix with each candidate byte and ranks the
// resulting characters in context. It returns the chosen character (or
// U+FFFD when context cannot decide and infer is off or the winner is not
// clear) and the ranked alternatives.
func inferLost(prefix []byte, cands []byte, before, after rune, infer bool) (string, []Scored) {
	if len(cands) == 0 {
		return "\uFFFD", nil
	}
	alts := make([]Scored, 0, len(cands))
	buf := make([]byte, len(prefix)+1)
	copy(buf, prefix)
	for _, x := range cands {
		buf[len(prefix)] = x
		r, size := utf8.DecodeRune(buf)
		if r == utf8.RuneError || size != len(buf) {
			continue
		}
		alts = append(alts, Scored{Text: string(r), Score: -plausible.LostCost(before, r, after)})
	}
	sortScored(alts)
	if !infer || len(alts) == 0 {
		return "\uFFFD", alts
	}
	best := alts[0]
	r, _ := utf8.DecodeRuneInString(best.Text)
	if c := plausible.ClassOf(r); c == plausible.Han || c == plausible.Kana || c == plausible.Hangul {
		// For a CJK character the neighbours rarely decide among 64
		// candidates: say so with U+FFFD rather than guess, unless one
		// stands out.
		if len(alts) > 1 && best.Score-alts[1].Score < 2 {
			return "\uFFFD", alts
		}
	}
	if len(alts) > 12 {
		alts = alts[:12]
	}
	return best.Text, alts
}

func sortScored(a []Scored) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j].Score > a[j-1].Score; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// coversAllNonASCII reports whether the spans cover every non-ASCII rune
// of s.
func coversAllNonASCII(s string, spans []span) bool {
	pos := 0
	for _, sp := range spans {
		if hasNonASCII(s[pos:sp.from]) {
			return false
		}
		pos = sp.to
	}
	return !hasNonASCII(s[pos:])
}

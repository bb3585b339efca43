package detect

import (
	"encoding/binary"
	"math"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/langstats"
	"github.com/mojitext/moji/internal/plausible"
)

// Tuning constants, in bits. They follow from the cost model's scale (an
// ASCII letter costs 4 bits, a rare symbol 10, a control character 16), not
// from any test set.
const (
	// binaryPerByte: text costs 3–6 bits a byte under its own charset;
	// random or packed data costs 10 or more under every charset.
	binaryPerByte = 9.0
	// shortlistPerHigh is how far behind the best unigram cost a candidate
	// may be, per non-ASCII byte, and still be judged on context: the
	// language model and transitions move a few bits per letter.
	shortlistPerHigh = 3.0
	shortlistMax     = 10
	// sampleMax is how many bytes of non-ASCII words the context scoring
	// looks at: a few hundred letters tell any two charsets apart.
	sampleMax = 320
	// temperature converts cost differences into probabilities: the cost
	// model is not a calibrated log-probability, and treating one bit of
	// difference as a factor of two would be overconfident.
	temperature = 2.5
	// skipMargin is how far behind the best judged candidate another may
	// be before judging it is not worth the time: its probability would be
	// below 2^(-skipMargin/temperature), about 3%.
	skipMargin = 5 * temperature
)

// debugRank, when set by a test, sees the final ranking.
var debugRank func([]scored, []byte)

// A scored candidate.
type scored struct {
	name  string
	l     *legacy      // nil for a Unicode form or UTF-8
	form  *unicodeForm // the UTF-16/32 form, or nil
	cost  float64      // unigram cost of the prefix, errors included
	total float64      // cost + prior + scaled context cost
	lang  string
	text  string // the decoded sample, to merge identical decodings
}

// detect is Bytes. complete reports whether b is the whole input.
func detect(b []byte, complete bool) Result {
	tablesOnce.Do(buildTables)
	if len(b) == 0 {
		return Result{Encoding: ASCII, Confidence: 1}
	}
	if enc, n := bom(b); enc != "" {
		return Result{Encoding: enc, Confidence: 1, Language: unicodeLanguage(enc, b[n:], b[:n])}
	}
	if isBinaryMagic(b) {
		return Result{Encoding: Binary, Confidence: 1}
	}
	p := b
	if len(p) > MaxPrefix {
		p = p[:MaxPrefix]
	}
	truncated := !complete || len(p) < len(b)

	var hist [256]int
	histogram(&hist, p, len(p) <= statsWindow)
	high := 0
	for c := 0x80; c < 0x100; c++ {
		high += hist[c]
	}
	badCtl := 0
	for c := range 32 {
		if ctrlBad[c] {
			badCtl += hist[c]
		}
	}
	badCtl += hist[0x7F]

	if high == 0 && badCtl == 0 {
		if enc := escaped(p); enc != "" {
			lang := map[string]string{ISO2022JP: "ja", ISO2022KR: "ko", HZ: "zh"}[enc]
			return Result{Encoding: enc, Confidence: 0.99, Language: lang}
		}
		return Result{Encoding: ASCII, Confidence: 1, Language: languageOf(p)}
	}
	if badCtl == 0 && validUTF8(b, !complete) {
		// Valid UTF-8 with multi-byte sequences: a legacy text passes the
		// UTF-8 check by chance with a probability that falls fast with the
		// number of sequences (each non-ASCII byte pair has roughly a 1 in
		// 16 chance to be a valid sequence in Latin text).
		seqs := 0
		for c := 0xC2; c < 0xF5; c++ {
			seqs += hist[c]
		}
		conf := 1 - math.Pow(0.08, float64(seqs))
		return Result{Encoding: UTF8, Confidence: max(conf, 0.9), Language: languageOf(p)}
	}
	// The statistics need a few kilobytes, not the whole prefix: rank a
	// window that starts near the first non-ASCII byte, then make sure the
	// winner decodes the whole prefix (widening to a superset if not).
	w, wTrunc := p, truncated
	full := hist // of all of p, before the window's replaces it
	if len(p) > statsWindow {
		start := 0
		if i := firstHigh(p); i > statsWindow/2 {
			// Start at a line or word boundary, so as not to cut a
			// multi-byte character.
			start = i - 256
			for start < i && p[start] > 0x20 {
				start++
			}
		}
		w, wTrunc = p[start:min(len(p), start+statsWindow)], true
		hist = [256]int{}
		for _, c := range w {
			hist[c]++
		}
		high = countHigh(w)
	}
	res, win, tied := rank(w, &hist, high, badCtl, wTrunc)
	if win != nil && len(w) < len(p) {
		if len(tied) > 1 {
			win = breakTie(tied, res.Language, p, &full, &hist)
		}
		res.Encoding = widen(win, p, truncated)
	}
	return res
}

// breakTie chooses among single-byte charsets that read the window alike
// the one that reads the rest of the prefix best: the bytes where they
// differ may occur only outside the window (a dash, a quotation mark).
// Only those bytes and their neighbours are priced.
func breakTie(tied []*legacy, lang string, p []byte, full, win *[256]int) *legacy {
	var differ [256]bool
	any := false
	for b := 0x80; b < 0x100; b++ {
		if full[b] == win[b] {
			continue // no occurrence outside the window
		}
		for _, l := range tied[1:] {
			if l.class[b] != tied[0].class[b] || l.cost[b] != tied[0].cost[b] {
				differ[b], any = true, true
				break
			}
		}
	}
	if !any {
		return tied[0]
	}
	var at []int // where those bytes are
	for i, b := range p {
		if differ[b] {
			at = append(at, i)
		}
	}
	best, bestCost := tied[0], math.Inf(1)
	for _, l := range tied {
		c := l.prior
		if slices.Contains(l.native, lang) {
			c -= nativeBonus
		}
		for _, i := range at {
			b := p[i]
			c += float64(l.cost[b])
			if i > 0 {
				c += transition(l.class[p[i-1]], l.class[b])
			}
			if i+1 < len(p) && !differ[p[i+1]] {
				c += transition(l.class[b], l.class[p[i+1]])
			}
		}
		if c < bestCost {
			best, bestCost = l, c
		}
	}
	return best
}

// histogram adds the byte counts of p to hist. Unless exact, it may leave
// out printable ASCII (0x20–0x7E): the counts of a prefix longer than the
// statistics window serve only to count non-ASCII bytes and controls, and
// skipping eight printable bytes at a time makes the pass over the 64 KB
// prefix of markup and other mostly-ASCII text cheap.
func histogram(hist *[256]int, p []byte, exact bool) {
	if !exact {
		const ones, highs = 0x0101010101010101, 0x8080808080808080
		for len(p) >= 8 {
			w := binary.LittleEndian.Uint64(p)
			// A high bit, a byte below 0x20, or a byte equal to 0x7F.
			if (w|(w-0x20*ones)|((w^0x7F*ones)-ones))&highs == 0 {
				p = p[8:]
				continue
			}
			for _, c := range p[:8] {
				hist[c]++
			}
			p = p[8:]
		}
	}
	for _, c := range p {
		hist[c]++
	}
}

// statsWindow is how many bytes the ranking examines; mbWindow how many of
// them the multi-byte and Unicode readings decode.
const (
	statsWindow = 2048
	mbWindow    = 1024
)

// supersets maps a charset to the wider one that decodes the same
// characters the same way, plus some more.
var supersets = map[string]string{
	"gb2312": "gbk", "gbk": "gb18030", "euc-kr": "cp949", "shift_jis": "cp932", "big5": "cp950",
	"iso-8859-1": "windows-1252", "iso-8859-9": "windows-1254", "iso-8859-8": "windows-1255",
	"tis-620": "windows-874",
}

// widen returns the name of l or of its narrowest superset that decodes all
// of p: the ranking saw only a window of it.
func widen(l *legacy, p []byte, truncated bool) string {
	for {
		next, ok := supersets[l.name]
		if !ok || cleanDecode(l, p, truncated) {
			return l.name
		}
		l = legacyByName(next)
	}
}

func legacyByName(name string) *legacy {
	for _, l := range legacies {
		if l.name == name {
			return l
		}
	}
	return nil
}

// cleanDecode reports whether l decodes p without an error or a C1 control
// (which a single-byte page with printable characters there would decode
// better).
func cleanDecode(l *legacy, p []byte, truncated bool) bool {
	if l.sb != nil {
		for _, c := range p {
			if c >= 0x80 && (l.class[c] == plausible.Replacement || l.class[c] == plausible.C1) {
				return false
			}
		}
		return true
	}
	pt := l.pairTable()
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			// Skip ASCII eight bytes at a time: markup around the text
			// is long.
			for i+8 <= len(p) && binary.LittleEndian.Uint64(p[i:])&0x8080808080808080 == 0 {
				i += 8
			}
			continue
		}
		if i+1 < len(p) {
			if e := pt.entry(l, p[i], p[i+1]); e.n != 0 {
				if !e.ok {
					return false
				}
				i += int(e.n)
				continue
			}
		}
		_, n, ok := l.c.Decode(p[i:])
		if n == 0 {
			return truncated
		}
		if !ok {
			return false
		}
		i += n
	}
	return true
}

// rank scores every candidate charset on p and builds the result; it also
// returns the winning legacy charset, if any, and when it is single-byte the
// single-byte charsets that read p's sample the same way, winner first.
func rank(p []byte, hist *[256]int, high, badCtl int, truncated bool) (Result, *legacy, []*legacy) {
	cands := make([]scored, 0, len(legacies)+5)

	// Single-byte charsets: the cost is a dot product of per-byte costs with
	// the byte histogram, plus the transitions of the byte pairs that
	// involve a non-ASCII byte (ASCII pairs read the same in all of them).
	pairs := pairHistogram(p)
	defer pairPool.Put(pairs)
	nz := pairs.nonzero[:0]
	for b := range 256 {
		if hist[b] != 0 {
			nz = append(nz, byteCount{byte(b), float64(hist[b])})
		}
	}
	pairs.nonzero = nz
	bestSB := math.Inf(1)
	var ebcdic []*legacy
	for _, l := range legacies {
		if l.sb == nil {
			continue
		}
		if !l.sb.ASCIICompatible() {
			ebcdic = append(ebcdic, l)
			continue
		}
		var c float64
		for _, e := range nz {
			c += e.n * float64(l.cost[e.b])
		}
		c += float64(pairs.transitions(&l.class))
		cands = append(cands, scored{name: l.name, l: l, cost: c})
		bestSB = min(bestSB, c)
	}
	// EBCDIC reads every byte differently, so its transitions need a full
	// pass; the unigram cost alone usually rules it out first.
	for _, l := range ebcdic {
		c := sbUnigram(l, hist)
		if c > bestSB+200 {
			continue
		}
		for i := 1; i < len(p); i++ {
			c += transition(l.class[p[i-1]], l.class[p[i]])
		}
		cands = append(cands, scored{name: l.name, l: l, cost: c})
		bestSB = min(bestSB, c)
	}
	// Give up on a multi-byte or Unicode reading once it is far behind the
	// best single-byte one: limit(n) is the most a reading of the first n
	// bytes may cost.
	perByte := bestSB / float64(len(p))
	limit := func(n int) float64 { return 1.5*perByte*float64(n) + 60 }

	// Multi-byte readings are out when the input has many runs of non-ASCII
	// bytes of odd length (see oddRuns).
	odd, runs := oddRuns(p)
	multi := odd <= 2+runs/16
	// Multi-byte readings are priced on the first mbWindow bytes and
	// scaled to the whole window: a few hundred characters tell the CJK
	// charsets apart, and decoding them is the costliest step.
	mb, mbTrunc, mbScale, asciiAll := p, truncated, 1.0, 0.0
	if len(p) > mbWindow {
		// Start just before the first non-ASCII byte, at a byte that is
		// no trail byte in any of the charsets, so as not to cut a
		// character.
		start := max(0, firstHigh(p)-64)
		for start < len(p) && p[start] >= 0x30 && p[start] < 0x80 {
			start++
		}
		start = min(start, len(p)-mbWindow)
		for start > 0 && p[start] >= 0x30 {
			start--
		}
		mb, mbTrunc = p[start:start+mbWindow], true
		mbScale = float64(len(p)) / mbWindow
		for b := range 128 {
			asciiAll += float64(hist[b]) * float64(asciiCost[b])
		}
	}
	// A superset decodes whatever its narrower sibling decodes cleanly to
	// the same characters, so it inherits that reading's cost.
	var clean []*legacy
	for _, l := range legacies {
		if l.sb != nil || !multi {
			continue
		}
		if sub := subsets[l.name]; sub != nil && slices.Contains(clean, sub) {
			for _, c := range cands {
				if c.l == sub {
					cands = append(cands, scored{name: l.name, l: l, cost: c.cost})
					clean = append(clean, l)
					break
				}
			}
			continue
		}
		if c, errs, ok := multiByteCost(l, mb, mbTrunc, limit); ok {
			if len(mb) < len(p) {
				// ASCII reads alike everywhere: price all of it, and
				// scale the rest by the share of non-ASCII bytes seen.
				c = asciiAll + (c-asciiCostOf(mb))*float64(high)/float64(max(1, countHigh(mb)))
			}
			cands = append(cands, scored{name: l.name, l: l, cost: c})
			if errs == 0 {
				clean = append(clean, l)
			}
		}
	}
	for i := range unicodeForms {
		f := &unicodeForms[i]
		// Every UTF-32 unit has a zero byte; text without them is not
		// UTF-32.
		if f.width == 4 && hist[0] < len(p)/4 {
			continue
		}
		// Unicode forms keep their alignment: their window starts at 0.
		if c, ok := unicodeCost(f, p[:len(mb)], mbTrunc, limit); ok {
			cands = append(cands, scored{name: f.name, form: f, cost: c * mbScale})
		}
	}
	if c, ok := utf8Cost(p, truncated, limit); ok {
		cands = append(cands, scored{name: UTF8, cost: c})
	}

	// Shortlist by unigram cost plus prior, then judge the shortlist on
	// context.
	best := math.Inf(1)
	for i := range cands {
		cands[i].total = cands[i].cost + cands[i].prior()
		best = min(best, cands[i].total)
	}
	margin := 20 + shortlistPerHigh*float64(max(high, badCtl))
	// Only readings within the margin can make the shortlist: dropping the
	// rest before sorting keeps the sort short.
	kept := cands[:0]
	for _, c := range cands {
		if c.total <= best+margin {
			kept = append(kept, c)
		}
	}
	cands = kept
	slices.SortStableFunc(cands, func(a, b scored) int { return cmpFloat(a.total, b.total) })
	// Readings with the same unigram cost are nearly always the same text
	// (siblings and supersets on bytes where they agree): they share one
	// place, so that a family of look-alikes cannot crowd out a reading of
	// another script.
	n, distinct := 1, 1
	for n < len(cands) && cands[n].total <= best+margin {
		if cands[n].cost != cands[n-1].cost {
			if distinct == shortlistMax {
				break
			}
			distinct++
		}
		n++
	}
	cands = cands[:n]
	sample := highWords(p)
	var letters []byte // built on first use: only single-byte readings need it
	var models modelCache
	bestFinal := math.Inf(1)
	for i := range cands {
		// Context costs are never negative but for nativeBonus: once a
		// candidate's unigram cost alone puts it far behind the best
		// judged one, it and all after it are out of the running.
		if cands[i].total-nativeBonus > bestFinal+skipMargin {
			cands = cands[:i]
			break
		}
		smp := sample
		if l := cands[i].l; l != nil && l.sb != nil && l.sb.ASCIICompatible() {
			if letters == nil {
				letters = highLetterRuns(p)
			}
			smp = letters
		}
		contextCost(&cands[i], p, smp, high, &models)
		bestFinal = min(bestFinal, cands[i].total)
	}
	slices.SortStableFunc(cands, func(a, b scored) int { return cmpFloat(a.total, b.total) })

	if debugRank != nil {
		debugRank(cands, p)
	}
	win := cands[0]
	// The binary test uses the character-level cost only: a language model
	// misled by a mixed text must not turn text into "binary".
	if perByte := win.cost / float64(len(p)); perByte > binaryPerByte || hist[0] > 0 && win.form == nil {
		// Legacy text never holds NUL bytes; Unicode text does (UTF-16/32).
		return Result{Encoding: Binary, Confidence: binaryConfidence(perByte)}, nil, nil
	}

	// Probabilities from cost differences. Readings that decode the sample
	// to the same text are the same answer for the reader, so they share
	// the winner's probability mass.
	weights := make([]float64, len(cands))
	var sum float64
	for i, c := range cands {
		weights[i] = math.Exp2(-(c.total - win.total) / temperature)
		sum += weights[i]
	}
	conf := 0.0
	res := Result{Encoding: win.name, Language: win.lang}
	var tied []*legacy
	for i, c := range cands {
		if c.text == win.text {
			conf += weights[i] / sum
			if sbASCII(win.l) && sbASCII(c.l) {
				tied = append(tied, c.l)
			}
		} else if len(res.Alternatives) < 4 {
			res.Alternatives = append(res.Alternatives, Candidate{Encoding: c.name, Confidence: weights[i] / sum, Language: c.lang})
		}
	}
	// A handful of non-ASCII bytes is weak evidence whatever the costs say.
	res.Confidence = conf * (1 - math.Exp(-float64(max(high, 1))/3))
	return res, win.l, tied
}

// sbASCII reports whether l is an ASCII-compatible single-byte charset.
func sbASCII(l *legacy) bool {
	return l != nil && l.sb != nil && l.sb.ASCIICompatible()
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (s *scored) prior() float64 {
	switch {
	case s.l != nil:
		return s.l.prior
	case s.form != nil:
		return 2 // BOM-less UTF-16/32 is unusual
	}
	return 0
}

// binaryConfidence maps the best per-byte cost of data judged binary to a
// confidence: the further above text's range, the surer.
func binaryConfidence(perByte float64) float64 {
	return min(0.99, 0.6+0.1*max(0, perByte-binaryPerByte))
}

// subsets maps a multi-byte charset to its narrower sibling, if any
// (the reverse of supersets).
var subsets = map[string]*legacy{
	"gbk": legacyByName("gb2312"), "gb18030": legacyByName("gbk"), "cp949": legacyByName("euc-kr"),
	"cp932": legacyByName("shift_jis"), "cp950": legacyByName("big5"),
}

// multiByteCost returns the unigram cost of p decoded with a multi-byte
// charset and the number of errors, or false if the reading costs more
// than limit allows. The limit is checked often, because single-byte text
// fails a multi-byte reading within its first few non-ASCII words.
func multiByteCost(l *legacy, p []byte, truncated bool, limit func(int) float64) (float64, int, bool) {
	var c float64
	errs := 0
	prevCl, prevEnd := plausible.Space, -1
	next := 128
	pt := l.pairTable()
	for i := 0; i < len(p); {
		if b := p[i]; b < utf8.RuneSelf {
			c += float64(asciiCost[b])
			i++
			continue
		}
		var n int
		if i+1 < len(p) {
			if e := pt.entry(l, p[i], p[i+1]); e.n != 0 {
				n = int(e.n)
				if e.ok {
					c += float64(e.cost) + edges(p, i, n, e.class, &prevCl, &prevEnd)
				} else {
					c += errCost
					errs++
				}
			}
		}
		if n == 0 {
			r, m, ok := l.c.Decode(p[i:])
			switch {
			case m == 0: // cut short at the end
				if truncated {
					return c, errs, true
				}
				return c + errCost, errs + 1, true
			case ok:
				c += runeCost(r, l.freq) + edges(p, i, m, classOf(r), &prevCl, &prevEnd)
			default:
				c += errCost
				errs++
			}
			n = m
		}
		i += n
		if i >= next {
			if c > limit(i) {
				return 0, errs, false
			}
			next += 128
		}
	}
	return c, errs, c <= limit(len(p))
}

// unicodeCost is multiByteCost for UTF-16 and UTF-32 without a byte order
// mark.
func unicodeCost(f *unicodeForm, p []byte, truncated bool, limit func(int) float64) (float64, bool) {
	if len(p) < 2*f.width || !truncated && len(p)%f.width != 0 {
		return 0, false
	}
	var c float64
	next := 64
	prevClass := plausible.Space
	for i := 0; i < len(p); {
		r, n, ok := f.next(p[i:])
		if n == 0 {
			break
		}
		if cl := classOf(r); ok && r < 0x30000 && graphic(cl) {
			c += runeCost(r, nil) + transition(prevClass, cl)
			prevClass = cl
		} else {
			c += errCost
		}
		i += n
		if i >= next {
			if c > limit(i) {
				return 0, false
			}
			next += 128
		}
	}
	return c, c <= limit(len(p))
}

// graphic reports whether characters of class c are visible text or
// whitespace: what a UTF-16 or UTF-32 reading of text yields.
func graphic(c plausible.Class) bool {
	switch c {
	case plausible.Control, plausible.C1, plausible.Unassigned, plausible.PrivateUse, plausible.Format,
		plausible.Replacement:
		return false
	}
	return true
}

// utf8Cost is multiByteCost for UTF-8 that failed the validity check: text
// with a few broken sequences is still more likely UTF-8 than anything else.
func utf8Cost(p []byte, truncated bool, limit func(int) float64) (float64, bool) {
	var c float64
	prevCl, prevEnd := plausible.Space, -1
	next := 1024
	for i := 0; i < len(p); {
		if b := p[i]; b < utf8.RuneSelf {
			c += float64(asciiCost[b])
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n <= 1 {
			if truncated && !utf8.FullRune(p[i:]) {
				break
			}
			c += errCost
		} else {
			c += runeCost(r, nil) + edges(p, i, n, classOf(r), &prevCl, &prevEnd)
		}
		i += n
		if i >= next {
			if c > limit(i) {
				return 0, false
			}
			next += 256
		}
	}
	return c, c <= limit(len(p))
}

// oddRuns counts the runs of bytes >= 0x80 between two bytes below 0x30
// whose length is odd, and all such runs. In the double-byte charsets no
// byte below 0x30 takes part in a character, so such runs are made of whole
// pairs; in single-byte text half the words end a run of odd length.
func oddRuns(p []byte) (odd, runs int) {
	for i := 0; i < len(p); {
		if p[i] < 0x80 {
			i++
			continue
		}
		j := i
		for j < len(p) && p[j] >= 0x80 {
			j++
		}
		if i > 0 && p[i-1] < 0x30 && j < len(p) && p[j] < 0x30 {
			runs++
			odd += (j - i) & 1
		}
		i = j
	}
	return odd, runs
}

// edges is the cost of the transitions between a character of class cl,
// decoded from p[i:i+n], and its neighbours: an ASCII byte on either side,
// or the previous non-ASCII character, of class *prev, if it ended at i
// (*prevEnd).
func edges(p []byte, i, n int, cl plausible.Class, prev *plausible.Class, prevEnd *int) float64 {
	var c float64
	if i > 0 && p[i-1] < utf8.RuneSelf {
		c += transition(classOf(rune(p[i-1])), cl)
	} else if *prevEnd == i {
		c += transition(*prev, cl)
	}
	*prev, *prevEnd = cl, i+n
	if j := i + n; j < len(p) && p[j] < utf8.RuneSelf {
		c += transition(cl, classOf(rune(p[j])))
	}
	return c
}

// sbUnigram is the unigram cost of the bytes counted in hist under the
// single-byte charset l.
func sbUnigram(l *legacy, hist *[256]int) float64 {
	var c float64
	for b := range 256 {
		if n := hist[b]; n != 0 {
			c += float64(n) * float64(l.cost[b])
		}
	}
	return c
}

// pairCounts counts the byte pairs of an input that involve a byte >= 0x80,
// so that each single-byte charset prices only the distinct pairs. An ASCII
// byte reads the same in every ASCII-compatible charset, so a pair with one
// is counted by that byte's class: transitions depend on classes only.
type pairCounts struct {
	// count is indexed by a<<8 | b for a pair of non-ASCII bytes, by
	// a<<8 | class for a non-ASCII byte a before an ASCII byte, and by
	// class<<8 | b for one after an ASCII byte (classes are below 0x80).
	count [1 << 16]uint32
	keys  []uint16
	// The distinct pairs of each kind with their counts, built from count.
	hh, hc, ch []pairCount
	nonzero    []byteCount // scratch for rank
}

type pairCount struct {
	a, b uint8 // bytes, or the class of the ASCII one
	n    int32
}

type byteCount struct {
	b byte
	n float64
}

var pairPool = sync.Pool{New: func() any { return new(pairCounts) }}

// asciiClass is the class of each 7-bit byte, as a byte.
var asciiClass = func() (t [128]uint8) {
	for b := range 128 {
		t[b] = uint8(plausible.ClassOf(rune(b)))
	}
	return t
}()

func pairHistogram(p []byte) *pairCounts {
	pc := pairPool.Get().(*pairCounts)
	for _, k := range pc.keys {
		pc.count[k] = 0
	}
	pc.keys = pc.keys[:0]
	for i := 1; i < len(p); i++ {
		a, b := p[i-1], p[i]
		if (a|b)&0x80 == 0 {
			continue
		}
		if a < 0x80 {
			a = asciiClass[a]
		} else if b < 0x80 {
			b = asciiClass[b]
		}
		k := uint16(a)<<8 | uint16(b)
		if pc.count[k] == 0 {
			pc.keys = append(pc.keys, k)
		}
		pc.count[k]++
	}
	pc.hh, pc.hc, pc.ch = pc.hh[:0], pc.hc[:0], pc.ch[:0]
	for _, k := range pc.keys {
		e := pairCount{uint8(k >> 8), uint8(k), int32(pc.count[k])}
		switch {
		case e.a < 0x80:
			pc.ch = append(pc.ch, e)
		case e.b < 0x80:
			pc.hc = append(pc.hc, e)
		default:
			pc.hh = append(pc.hh, e)
		}
	}
	return pc
}

// transitions is the cost of the counted pairs under an ASCII-compatible
// single-byte charset whose bytes have the classes class. The costs are
// whole bits, so the sum is exact in integers.
func (pc *pairCounts) transitions(class *[256]plausible.Class) int {
	t := &transInt
	s := 0
	for _, e := range pc.hh {
		s += int(e.n) * int(t[class[e.a]&63][class[e.b]&63])
	}
	for _, e := range pc.hc {
		s += int(e.n) * int(t[class[e.a]&63][e.b&63])
	}
	for _, e := range pc.ch {
		s += int(e.n) * int(t[e.a&63][class[e.b]&63])
	}
	return s
}

// highWords returns up to sampleMax bytes of the whitespace-separated words
// of p that contain a byte >= 0x80, joined by spaces. ASCII words decode the
// same in every ASCII-compatible charset, so only these words tell the
// candidates apart. Splitting at bytes <= 0x20 never cuts a multi-byte
// character: no CJK charset uses them as trail bytes.
func highWords(p []byte) []byte {
	out := make([]byte, 0, sampleMax+64)
	for i := 0; i < len(p) && len(out) < sampleMax; {
		for i < len(p) && p[i] <= 0x20 {
			i++
		}
		start, hasHigh := i, false
		for i < len(p) && p[i] > 0x20 {
			hasHigh = hasHigh || p[i] >= 0x80
			i++
		}
		if hasHigh {
			w := p[start:i]
			if room := sampleMax + 64 - len(out); len(w) > room {
				w = w[:room]
			}
			out = append(out, w...)
			out = append(out, ' ')
		}
	}
	return out
}

// highLetterRuns is highWords for single-byte charsets: the runs of bytes
// that are ASCII letters or non-ASCII, split at every other ASCII byte, that
// contain a non-ASCII byte. In markup and URLs a "word" between spaces holds
// long stretches of ASCII letters that a language model of another script
// would price as foreign letters, drowning the letters that matter; a
// single-byte charset has no trail bytes to cut, so the finer split is safe.
func highLetterRuns(p []byte) []byte {
	out := make([]byte, 0, sampleMax+64)
	for i := 0; i < len(p) && len(out) < sampleMax; {
		for i < len(p) && !runByte(p[i]) {
			i++
		}
		start, hasHigh := i, false
		for i < len(p) && runByte(p[i]) {
			hasHigh = hasHigh || p[i] >= 0x80
			i++
		}
		if hasHigh {
			w := p[start:i]
			if room := sampleMax + 64 - len(out); len(w) > room {
				w = w[:room]
			}
			out = append(out, w...)
			out = append(out, ' ')
		}
	}
	return out
}

// runByte reports whether c continues a letter run: an ASCII letter or a
// non-ASCII byte.
func runByte(c byte) bool {
	return c >= 0x80 || 'a' <= c|0x20 && c|0x20 <= 'z'
}

// contextCost adds to s.total the cost of transitions between neighbours
// and of the letter-bigram language model, measured on a sample and scaled
// to the whole prefix, and sets s.lang and s.text.
func contextCost(s *scored, p, sample []byte, high int, models *modelCache) {
	var text []byte
	scale := 1.0
	switch {
	case s.form != nil:
		q := p[:min(len(p), 4*sampleMax)&^3]
		text = s.form.appendDecode(nil, q)
		scale = float64(len(p)) / float64(max(len(q), 1))
	case s.l != nil && s.l.sb != nil && !s.l.sb.ASCIICompatible():
		q := p[:min(len(p), 2*sampleMax)]
		text, _ = codec.AppendDecodeString(nil, s.l.c, q, codec.ReplaceFFFD)
		scale = float64(len(p)) / float64(max(len(q), 1))
	default:
		if s.l != nil {
			text, _ = codec.AppendDecodeString(nil, s.l.c, sample, codec.ReplaceFFFD)
		} else {
			text = []byte(string([]rune(string(sample)))) // UTF-8, invalid bytes as U+FFFD
		}
		if h := countHigh(sample); h > 0 {
			scale = float64(high) / float64(h)
		}
	}
	str := string(text)
	s.text = str
	var native []string
	if s.l != nil {
		native = s.l.native
	}
	cost, lang := judge(str, models, native)
	if s.l != nil && slices.Contains(native, "he") {
		cost += orderCost(s.l.name == "iso-8859-8", str)
	}
	if s.l != nil && s.l.lang != "" {
		lang = s.l.lang
	}
	if s.l != nil && slices.Contains(native, lang) {
		// Readings that decode to the same text cost the same; the
		// charset made for the text's language is the likelier one.
		s.total -= nativeBonus
	}
	s.lang = lang
	s.total += scale * cost
}

// orderCost is the cost of Hebrew text s under a charset for visual order
// (ISO-8859-8, where lines are stored as displayed, right to left reversed)
// or for logical order (windows-1255, and the rest): each word whose final
// letter form stands at the wrong end for the order is one bit, up to
// four. Final forms (ך ם ן ף ץ) end a word; stored visually, they begin it.
// The two pages read Hebrew letters alike, so this is what tells them apart.
func orderCost(visual bool, s string) float64 {
	logical, reversed := 0, 0
	prevHeb := false
	var last rune
	for _, r := range s {
		heb := 0x05D0 <= r && r <= 0x05EA
		switch {
		case heb && !prevHeb && finalForm(r):
			reversed++
		case !heb && prevHeb && finalForm(last):
			logical++
		}
		prevHeb, last = heb, r
	}
	if prevHeb && finalForm(last) {
		logical++
	}
	wrong := reversed
	if visual {
		wrong = logical
	}
	return float64(min(wrong, 4))
}

func finalForm(r rune) bool {
	switch r {
	case 'ך', 'ם', 'ן', 'ף', 'ץ':
		return true
	}
	return false
}

// asciiCostOf is the unigram cost of the 7-bit bytes of p.
func asciiCostOf(p []byte) float64 {
	var c float64
	for _, b := range p {
		if b < utf8.RuneSelf {
			c += float64(asciiCost[b])
		}
	}
	return c
}

func countHigh(p []byte) int {
	n := 0
	for _, c := range p {
		if c >= 0x80 {
			n++
		}
	}
	return n
}

// modelScript names the langstats script of each plausible script.
var modelScript = [...]string{
	plausible.Latin:        "Latin",
	plausible.Greek:        "Greek",
	plausible.Cyrillic:     "Cyrillic",
	plausible.HebrewScript: "Hebrew",
	plausible.ArabicScript: "Arabic",
	plausible.ThaiScript:   "Thai",
	plausible.OtherScript:  "",
}

// lmBaseline is the cost per letter bigram of ordinary words under their
// own language's model; only the excess counts.
const lmBaseline = 4.0

// nativeBonus, in bits, favours a charset made for the language its reading
// is in over one that decodes the same text by accident (Hungarian
// "Hírügynökség" reads the same in windows-1250 and windows-1252).
const nativeBonus = 1.0

// intrusionCost is charged for a non-ASCII symbol between two letters
// ("n‰yttelyss‰", "Ð¿Ñ€"): a reading that turns a letter into a symbol splits
// the word in two for the language model, which would otherwise make it
// cheaper than the right reading. It equals the price of a letter foreign
// to the language, so that the trade never pays.
const intrusionCost = langstats.ForeignPenalty

// wordPunct reports whether r is punctuation that real words contain: the
// typographic apostrophe, hyphens, the soft hyphen and the middle dot.
func wordPunct(r rune) bool {
	switch r {
	case '\u2019', '\u2018', '\u2010', '\u2011', '\u00AD', '\u00B7', '\u02BC':
		return true
	}
	return false
}

// judge returns the context cost of s (transitions between neighbouring
// characters, and the excess cost of its letters under the language model
// that explains them best) with that model's language. The models tried are
// those that fit the first reading best and those of the native languages.
func judge(s string, models *modelCache, native []string) (float64, string) {
	b := models.judged(s)
	if b.final {
		return b.cost, b.lang
	}
	best, bestCost := b.best, b.bestCost
	for _, lang := range native {
		if m := modelByLang(lang); m != nil && m.Script == modelScript[b.main] && !slices.Contains(b.top, m) {
			logp, n := models.score(m, s)
			if c := max(0, -logp-lmBaseline*float64(n)); best == nil || c < bestCost {
				best, bestCost = m, c
			}
		}
	}
	if best == nil {
		return b.cost, ""
	}
	return b.cost + bestCost, best.Lang
}

// judgement is the part of judge that does not depend on the native
// languages: sibling charsets often read a sample alike, and it is
// computed once per distinct reading.
type judgement struct {
	s     string
	cost  float64 // of the transitions
	final bool    // no language model applies: cost and lang are the answer
	lang  string
	main  plausible.Script
	top   []*langstats.Model
	// The best of the top models, and its excess cost.
	best     *langstats.Model
	bestCost float64
}

// judged returns the judgement of s, memoised.
func (mc *modelCache) judged(s string) *judgement {
	if mc != nil {
		for _, j := range mc.judgements {
			if j.s == s {
				return j
			}
		}
	}
	j := &judgement{s: s}
	var cost float64
	var scripts [plausible.OtherScript + 1]int
	prev := plausible.Space
	inside := false // the previous character is a non-ASCII non-letter after a letter
	for _, r := range s {
		c := classOf(r)
		cost += transition(prev, c)
		if inside && c.IsLetter() {
			cost += intrusionCost
		}
		inside = prev.IsLetter() && r >= utf8.RuneSelf && !c.IsLetter() && c != plausible.Combining && !wordPunct(r)
		prev = c
		if sc := c.Script(); sc != plausible.NoScript && r >= utf8.RuneSelf {
			scripts[sc]++
		}
	}
	cost += transition(prev, plausible.Space)
	j.cost = cost
	main, most := plausible.Latin, 0
	for sc, n := range scripts {
		if n > most {
			main, most = plausible.Script(sc), n
		}
	}
	j.main = main
	switch {
	case main == plausible.CJK:
		j.final, j.lang = true, cjkLanguage(s)
	case int(main) >= len(modelScript) || modelScript[main] == "":
		j.final = true
	default:
		j.top = mc.forScript(main, s)
		for _, m := range j.top {
			logp, n := mc.score(m, s)
			if c := max(0, -logp-lmBaseline*float64(n)); j.best == nil || c < j.bestCost {
				j.best, j.bestCost = m, c
			}
		}
	}
	if mc != nil {
		mc.judgements = append(mc.judgements, j)
	}
	return j
}

// modelByLang is langstats.ByLang, indexed once.
func modelByLang(lang string) *langstats.Model {
	modelsOnce.Do(func() {
		modelIndex = make(map[string]*langstats.Model, len(langstats.Models))
		for _, m := range langstats.Models {
			modelIndex[m.Lang] = m
		}
	})
	return modelIndex[lang]
}

var (
	modelsOnce sync.Once
	modelIndex map[string]*langstats.Model
)

// modelCache remembers, per script, the few language models that fit the
// first candidate reading of that script best. The candidates read the
// same words, mostly the same letters, so the language does not change
// much between them; scoring a handful of models instead of twenty keeps
// the context step cheap.
type modelCache struct {
	top [plausible.OtherScript + 1][]*langstats.Model
	// judgements memoises judged.
	judgements []*judgement
	// scores memoises Score: sibling charsets often read the sample
	// alike, and the same text need not be scored twice by a model.
	scores []modelScore
}

type modelScore struct {
	m    *langstats.Model
	s    string
	logp float64
	n    int
}

// score is m.Score(s), memoised.
func (mc *modelCache) score(m *langstats.Model, s string) (float64, int) {
	if mc == nil {
		return m.Score(s)
	}
	for _, e := range mc.scores {
		if e.m == m && e.s == s {
			return e.logp, e.n
		}
	}
	logp, n := m.Score(s)
	mc.scores = append(mc.scores, modelScore{m, s, logp, n})
	return logp, n
}

const topModels = 4

// rankSample is how many bytes of a reading choose its candidate models.
const rankSample = 160

func (mc *modelCache) forScript(sc plausible.Script, s string) []*langstats.Model {
	if mc == nil || mc.top[sc] == nil {
		type ms struct {
			m    *langstats.Model
			mean float64
		}
		var all []ms
		// A hundred-odd bytes of letters are enough to pick a handful of
		// likely languages out of twenty; the chosen models then judge the
		// whole sample.
		q := s
		if len(q) > rankSample {
			q = q[:rankSample]
			for len(q) > 0 && !utf8.RuneStart(s[len(q)]) {
				q = q[:len(q)-1]
			}
		}
		for _, m := range langstats.Models {
			if m.Script != modelScript[sc] {
				continue
			}
			logp, n := m.Score(q)
			if n > 0 {
				all = append(all, ms{m, logp / float64(n)})
			}
		}
		slices.SortStableFunc(all, func(a, b ms) int { return cmpFloat(b.mean, a.mean) })
		top := make([]*langstats.Model, 0, topModels)
		for i := 0; i < len(all) && i < topModels; i++ {
			top = append(top, all[i].m)
		}
		if mc == nil {
			return top
		}
		mc.top[sc] = top
	}
	return mc.top[sc]
}

// transition is the cost of class b following class a: real words keep one
// script and one case pattern, misdecoded ones mix letters with symbols and
// scripts.
func transition(a, b plausible.Class) float64 {
	return float64(transTab[a][b])
}

// numClasses bounds plausible's classes (with room for new ones).
const numClasses plausible.Class = 64

// transTab holds transitionSlow for every pair of classes, and transInt
// the same whole numbers of bits as integers.
var (
	transTab [numClasses][numClasses]float32
	transInt [numClasses][numClasses]uint8
)

func init() {
	for a := range numClasses {
		for b := range numClasses {
			t := transitionSlow(a, b)
			if t != math.Trunc(t) || t < 0 || t > 255 {
				panic("detect: transition costs must be whole bits")
			}
			transTab[a][b] = float32(t)
			transInt[a][b] = uint8(t)
		}
	}
}

func transitionSlow(a, b plausible.Class) float64 {
	if a.IsLetter() && b.IsLetter() {
		sa, sb := a.Script(), b.Script()
		switch {
		case sa != sb && (sa == plausible.CJK || sb == plausible.CJK):
			return 4
		case sa != sb:
			return 9
		case a.IsLowerCase() && b.IsUpper():
			return 5
		}
		return 0
	}
	sa, sb := symbolish(a), symbolish(b)
	switch {
	case sa && sb:
		return 2
	case sa && wordish(b), wordish(a) && sb:
		return 3
	}
	return 0
}

func wordish(c plausible.Class) bool {
	return c.IsLetter() || c == plausible.Digit || c == plausible.Combining
}

func symbolish(c plausible.Class) bool {
	switch c {
	case plausible.LatinSymbol, plausible.C1, plausible.Modifier, plausible.Currency, plausible.Math,
		plausible.Box, plausible.Dingbat, plausible.PrivateUse, plausible.Control, plausible.NBSP,
		plausible.Replacement, plausible.Other:
		return true
	}
	return false
}

// cjkLanguage tells Japanese (kana), Korean (Hangul) and Chinese apart.
func cjkLanguage(s string) string {
	var kana, hangul, han int
	for _, r := range s {
		switch classOf(r) {
		case plausible.Kana, plausible.HalfKana:
			kana++
		case plausible.Hangul:
			hangul++
		case plausible.Han:
			han++
		}
	}
	switch {
	case hangul > 0 && hangul >= kana:
		return "ko"
	case kana > 0:
		return "ja"
	case han > 0:
		return "zh"
	}
	return ""
}

// languageOf returns the language of UTF-8 (or ASCII) text p, judged on its
// first kilobyte.
func languageOf(p []byte) string {
	q := p[:min(len(p), 1024)]
	for len(q) > 0 && !utf8.Valid(q) {
		q = q[:len(q)-1] // cut at a character boundary
	}
	_, lang := judge(string(q), nil, nil)
	return lang
}

// unicodeLanguage is languageOf for text with a byte order mark.
func unicodeLanguage(enc string, body, mark []byte) string {
	var f unicodeForm
	switch {
	case enc == UTF8:
		return languageOf(body)
	case enc == UTF16 && mark[0] == 0xFF:
		f = unicodeForms[0]
	case enc == UTF16:
		f = unicodeForms[1]
	case enc == UTF32 && mark[0] == 0xFF:
		f = unicodeForms[2]
	default:
		f = unicodeForms[3]
	}
	q := body[:min(len(body), 4096)&^3]
	return languageOf(f.appendDecode(nil, q))
}

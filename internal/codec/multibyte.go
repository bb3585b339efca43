package codec

import (
	"sort"
	"sync"
	"unicode/utf8"
)

// MultiByte is a Python CJK codec (gbk, gb18030, big5, shift_jis, euc-jp, euc-kr...). Its tables are built
// from the generated data the first time the charset is used (about 0.1-1 ms, 100-300 KB each).
type MultiByte struct {
	name        string
	maxLen      int
	asciiSingle bool // bytes 00-7F decode to themselves
	data        *mbData

	once sync.Once
	t    *mbTables
}

// mbData is the generated description of a multi-byte charset (internal/gen/codec).
type mbData struct {
	lead       string // 256 class letters, one per first byte: 's' a character by itself, 'm' needs more input, 'x' invalid
	rows       []mbRow
	decodeOnly []string // sequences whose character encodes back to another sequence
	multi      []mbMulti
	gb4        []gb4Range     // gb18030's four-byte runs, by index
	makeup     *[3][256]uint8 // value+1 of each byte in the cho, jung and jong positions; 0: not allowed
	encodeOnly []mbEncodeOnly // sorted by rune
	shape      uint8
}

// mbRow lists the characters of the sequences prefix+first, prefix+first+1, ...: text holds one rune per
// sequence, U+FFFD for an invalid one (no charset maps a sequence to U+FFFD) and for a multi-rune one.
type mbRow struct {
	prefix string
	first  uint8
	text   string
}

type mbMulti struct {
	seq  string
	text string
}

// gb4Range maps the GB18030 four-byte indexes first..last to the runes cp, cp+1, ...
// (index = (((b1-0x81)*10 + b2-0x30)*126 + b3-0x81)*10 + b4-0x30).
type gb4Range struct {
	first, last uint32
	cp          rune
	decodeOnly  bool
}

type mbEncodeOnly struct {
	r   rune
	seq string
}

const (
	shapeGB4    = 1 << iota // gb18030: lead, 30-39 starts a four-byte sequence
	shapeThree              // euc-jp: 8F starts a three-byte sequence
	shapeMakeup             // euc-kr: A4 D4 starts an eight-byte KS X 1001 Annex 3 make-up sequence
)

const (
	leadInvalid = iota
	leadSingle
	leadMore
)

// Decode table entries: 0 is an invalid sequence.
const (
	entValid = 1 << 31
	entMulti = 1 << 30 // the low bits index mbTables.multi
	entRune  = 1<<21 - 1
)

type mbTables struct {
	shape  uint8
	lead   [256]uint8
	single [256]rune
	pages  [256]*[256]uint32 // two-byte sequences, by first byte
	sub    [256]*[256]uint32 // euc-jp three-byte sequences 8F b2 b3, by b2
	multi  []mbMulti

	// encoding: encPages[encIdx[r>>8]][r&0xFF] = len<<24 | bytes (sequences of 1-3 bytes), 0 if none
	encIdx   [0x1100]uint16
	encPages [][256]uint32
	gb4Dec   []gb4Range // all runs, by index
	gb4Enc   []gb4Range // canonical runs, by rune
	makeup   *[3][256]uint8
	makeupTo [3][28]byte // the byte of each cho/jung/jong value
}

func (c *MultiByte) tables() *mbTables {
	c.once.Do(c.build)
	return c.t
}

func (c *MultiByte) build() {
	d := c.data
	t := &mbTables{shape: d.shape, multi: d.multi, gb4Dec: d.gb4, makeup: d.makeup}
	t.encPages = make([][256]uint32, 1, 128)
	for b := 0; b < 256; b++ {
		switch d.lead[b] {
		case 's':
			t.lead[b] = leadSingle
		case 'm':
			t.lead[b] = leadMore
		}
	}
	decodeOnly := make(map[string]bool, len(d.decodeOnly))
	for _, s := range d.decodeOnly {
		decodeOnly[s] = true
	}
	seq := make([]byte, 0, 4)
	for _, row := range d.rows {
		b := int(row.first)
		for _, r := range row.text {
			if r != utf8.RuneError {
				seq = append(append(seq[:0], row.prefix...), byte(b))
				t.set(seq, entValid|uint32(r))
				if !decodeOnly[string(seq)] {
					t.addEnc(r, seq)
				}
			}
			b++
		}
	}
	for i, m := range d.multi {
		t.set([]byte(m.seq), entValid|entMulti|uint32(i))
	}
	for _, g := range d.gb4 {
		if !g.decodeOnly {
			t.gb4Enc = append(t.gb4Enc, g)
		}
	}
	sort.Slice(t.gb4Enc, func(i, j int) bool { return t.gb4Enc[i].cp < t.gb4Enc[j].cp })
	if t.makeup != nil {
		for slot := range t.makeup {
			for b, v := range t.makeup[slot] {
				if v > 0 {
					t.makeupTo[slot][v-1] = byte(b)
				}
			}
		}
	}
	c.t = t
}

func (t *mbTables) set(seq []byte, v uint32) {
	switch len(seq) {
	case 1:
		if t.lead[seq[0]] != leadSingle {
			panic("codec: single byte outside the single-byte class")
		}
		t.single[seq[0]] = rune(v & entRune)
	case 2:
		pg := t.pages[seq[0]]
		if pg == nil {
			pg = new([256]uint32)
			t.pages[seq[0]] = pg
		}
		pg[seq[1]] = v
	case 3:
		pg := t.sub[seq[1]]
		if pg == nil {
			pg = new([256]uint32)
			t.sub[seq[1]] = pg
		}
		pg[seq[2]] = v
	default:
		panic("codec: unexpected sequence length")
	}
}

func (t *mbTables) addEnc(r rune, seq []byte) {
	hi := r >> 8
	if t.encIdx[hi] == 0 {
		t.encPages = append(t.encPages, [256]uint32{})
		t.encIdx[hi] = uint16(len(t.encPages) - 1)
	}
	var v uint32
	for _, b := range seq {
		v = v<<8 | uint32(b)
	}
	v |= uint32(len(seq)) << 24
	p := &t.encPages[t.encIdx[hi]][r&0xFF]
	if *p != 0 {
		panic("codec: two canonical sequences for one rune")
	}
	*p = v
}

// lookup returns the table entry of the sequence at the start of p (len(p) >= 2, p[0] of class leadMore)
// and its length; n == 0 if p is too short.
func (t *mbTables) lookup(p []byte) (v uint32, n int) {
	b, b2 := p[0], p[1]
	if t.shape != 0 {
		switch {
		case t.shape&shapeGB4 != 0 && b2-0x30 < 10:
			if len(p) < 4 {
				return 0, 0
			}
			return t.decodeGB4(p), 4
		case t.shape&shapeThree != 0 && b == 0x8F:
			if len(p) < 3 {
				return 0, 0
			}
			if pg := t.sub[b2]; pg != nil {
				return pg[p[2]], 3
			}
			return 0, 3
		case t.shape&shapeMakeup != 0 && b == 0xA4 && b2 == 0xD4:
			if len(p) < 8 {
				return 0, 0
			}
			return t.decodeMakeup(p), 8
		}
	}
	if pg := t.pages[b]; pg != nil {
		return pg[b2], 2
	}
	return 0, 2
}

func (t *mbTables) decodeGB4(p []byte) uint32 {
	b1, b2, b3, b4 := p[0], p[1], p[2], p[3]
	if b1 < 0x81 || b1 > 0xFE || b3 < 0x81 || b3 > 0xFE || b4 < 0x30 || b4 > 0x39 {
		return 0
	}
	idx := ((uint32(b1-0x81)*10+uint32(b2-0x30))*126+uint32(b3-0x81))*10 + uint32(b4-0x30)
	i := sort.Search(len(t.gb4Dec), func(i int) bool { return t.gb4Dec[i].last >= idx })
	if i == len(t.gb4Dec) || t.gb4Dec[i].first > idx {
		return 0
	}
	g := t.gb4Dec[i]
	return entValid | uint32(g.cp+rune(idx-g.first))
}

func (t *mbTables) decodeMakeup(p []byte) uint32 {
	if p[2] != 0xA4 || p[4] != 0xA4 || p[6] != 0xA4 {
		return 0
	}
	cho, jung, jong := t.makeup[0][p[3]], t.makeup[1][p[5]], t.makeup[2][p[7]]
	if cho == 0 || jung == 0 || jong == 0 {
		return 0
	}
	return entValid | uint32(0xAC00+int(cho-1)*588+int(jung-1)*28+int(jong-1))
}

// Name returns the canonical name.
func (c *MultiByte) Name() string { return c.name }

// String returns the canonical name.
func (c *MultiByte) String() string { return c.name }

// MaxLen implements [Charset].
func (c *MultiByte) MaxLen() int { return c.maxLen }

// entry returns the table entry of the sequence at the start of p and its length: v == 0 && n > 0 for an
// invalid sequence, n == 0 if p is empty or too short.
func (c *MultiByte) entry(p []byte) (v uint32, n int) {
	if len(p) == 0 {
		return 0, 0
	}
	b := p[0]
	if b < utf8.RuneSelf && c.asciiSingle {
		return entValid | uint32(b), 1
	}
	t := c.tables()
	switch t.lead[b] {
	case leadSingle:
		return entValid | uint32(t.single[b]), 1
	case leadInvalid:
		return 0, 1
	}
	if len(p) < 2 {
		return 0, 0
	}
	v, n = t.lookup(p)
	if n != 0 && v == 0 {
		n = 1 // Python's CJK decoders drop only the lead byte of an invalid sequence
	}
	return v, n
}

// Decode implements [Charset]. For the four big5-hkscs sequences that decode to two runes it returns the
// first one; see [AppendDecode].
func (c *MultiByte) Decode(p []byte) (rune, int, bool) {
	v, n := c.entry(p)
	switch {
	case v == 0:
		if n == 0 {
			return 0, 0, false
		}
		return utf8.RuneError, n, false
	case v&entMulti != 0:
		r, _ := utf8.DecodeRuneInString(c.t.multi[v&entRune].text)
		return r, n, true
	}
	return rune(v & entRune), n, true
}

func (c *MultiByte) appendDecode(dst, p []byte) ([]byte, int, bool) {
	v, n := c.entry(p)
	switch {
	case v == 0:
		return dst, n, false
	case v&entMulti != 0:
		return append(dst, c.t.multi[v&entRune].text...), n, true
	}
	return utf8.AppendRune(dst, rune(v&entRune)), n, true
}

// AppendEncode implements [Charset].
func (c *MultiByte) AppendEncode(dst []byte, r rune) ([]byte, bool) {
	if r < utf8.RuneSelf && r >= 0 && c.asciiSingle {
		return append(dst, byte(r)), true
	}
	if uint32(r) >= 0x110000 {
		return dst, false
	}
	t := c.tables()
	if pi := t.encIdx[r>>8]; pi != 0 {
		if v := t.encPages[pi][r&0xFF]; v != 0 {
			switch v >> 24 {
			case 1:
				return append(dst, byte(v)), true
			case 2:
				return append(dst, byte(v>>8), byte(v)), true
			default:
				return append(dst, byte(v>>16), byte(v>>8), byte(v)), true
			}
		}
	}
	if t.gb4Enc != nil {
		i := sort.Search(len(t.gb4Enc), func(i int) bool {
			g := t.gb4Enc[i]
			return g.cp+rune(g.last-g.first) >= r
		})
		if i < len(t.gb4Enc) && t.gb4Enc[i].cp <= r {
			g := t.gb4Enc[i]
			idx := g.first + uint32(r-g.cp)
			b4 := idx % 10
			idx /= 10
			b3 := idx % 126
			idx /= 126
			b2 := idx % 10
			b1 := idx / 10
			return append(dst, byte(b1+0x81), byte(b2+0x30), byte(b3+0x81), byte(b4+0x30)), true
		}
	}
	if t.makeup != nil && 0xAC00 <= r && r <= 0xD7A3 {
		s := int(r - 0xAC00)
		return append(dst, 0xA4, 0xD4, 0xA4, t.makeupTo[0][s/588], 0xA4, t.makeupTo[1][s/28%21],
			0xA4, t.makeupTo[2][s%28]), true
	}
	return dst, false
}

func (c *MultiByte) pairStart(r rune) bool {
	for _, m := range c.data.multi {
		if a, _ := utf8.DecodeRuneInString(m.text); a == r {
			return true
		}
	}
	return false
}

// plain2 reports whether b, b2 (b of class leadMore) is an ordinary two-byte sequence.
func (t *mbTables) plain2(b, b2 byte) bool {
	switch t.shape {
	case 0:
		return true
	case shapeGB4:
		return b2-0x30 >= 10
	case shapeThree:
		return b != 0x8F
	case shapeMakeup:
		return b != 0xA4 || b2 != 0xD4
	}
	return false
}

func (c *MultiByte) appendDecodeString(dst, p []byte, loss Loss) ([]byte, bool) {
	t := c.tables()
	for i := 0; i < len(p); {
		b := p[i]
		if b < utf8.RuneSelf && c.asciiSingle {
			j := asciiEnd(p, i)
			dst = append(dst, p[i:j]...)
			i = j
			continue
		}
		switch t.lead[b] {
		case leadSingle:
			dst = utf8.AppendRune(dst, t.single[b])
			i++
			continue
		case leadMore:
			if i+1 < len(p) && t.plain2(b, p[i+1]) {
				if pg := t.pages[b]; pg != nil {
					if v := pg[p[i+1]]; v != 0 && v&entMulti == 0 {
						dst = utf8.AppendRune(dst, rune(v&entRune))
						i += 2
						continue
					}
				}
			}
		}
		var n int
		var ok bool
		dst, n, ok = c.appendDecode(dst, p[i:])
		if n == 0 { // truncated at the end of the input: the rest is one error
			n = len(p) - i
		}
		if !ok {
			if dst, ok = markLoss(dst, loss); !ok {
				return dst, false
			}
		}
		i += n
	}
	return dst, true
}

func (c *MultiByte) appendEncodeString(dst []byte, s string, python bool) ([]byte, bool) {
	t := c.tables()
	pairs := len(c.data.multi) > 0
	for i := 0; i < len(s); {
		if c.asciiSingle && s[i] < utf8.RuneSelf {
			j := asciiEnd(s, i)
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return dst, false
		}
		i += size
		if pairs && i < len(s) {
			r2, size2 := utf8.DecodeRuneInString(s[i:])
			if out, ok := c.appendEncodePair(dst, r, r2); ok {
				dst = out
				i += size2
				continue
			}
		}
		if pi := t.encIdx[r>>8]; pi != 0 {
			if v := t.encPages[pi][r&0xFF]; v>>24 == 2 {
				dst = append(dst, byte(v>>8), byte(v))
				continue
			}
		}
		var ok bool
		dst, ok = c.AppendEncode(dst, r)
		if !ok && python {
			dst, ok = c.appendEncodeOnly(dst, r)
		}
		if !ok {
			return dst, false
		}
	}
	return dst, true
}

// appendEncodePair encodes the rune pairs that have one sequence of their own (big5-hkscs).
func (c *MultiByte) appendEncodePair(dst []byte, r1, r2 rune) ([]byte, bool) {
	if len(c.data.multi) == 0 {
		return dst, false
	}
	for _, m := range c.data.multi {
		a, n := utf8.DecodeRuneInString(m.text)
		if a == r1 {
			if b, _ := utf8.DecodeRuneInString(m.text[n:]); b == r2 {
				return append(dst, m.seq...), true
			}
		}
	}
	return dst, false
}

// appendEncodeOnly appends Python's one-way encoding of r, if it has one.
func (c *MultiByte) appendEncodeOnly(dst []byte, r rune) ([]byte, bool) {
	eo := c.data.encodeOnly
	i := sort.Search(len(eo), func(i int) bool { return eo[i].r >= r })
	if i < len(eo) && eo[i].r == r {
		return append(dst, eo[i].seq...), true
	}
	return dst, false
}

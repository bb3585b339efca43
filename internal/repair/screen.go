package repair

import (
	"math/bits"
	"sync/atomic"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/ascii"
	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/plausible"
	"github.com/mojitext/moji/internal/utf8x"
)

// The screen answers, in one pass over a segment, which hypotheses have
// anything to look at: the quick tests of every single-byte wrong decoder
// (mayHoldUTF8), of the legacy readings (covers) and whether the
// double-byte test needs to run at all. Correct text in a corpus is most
// lines, and most of them fail every test; run one decoder at a time,
// the tests cost some forty passes over each line ("Größe" is checked
// against windows-1252, Latin-1, windows-1250, ... in turn).
//
// The per-decoder functions stay the definition; the screen computes the
// same answers for all pages at once with one table lookup per rune, and
// TestScreenMatchesQuickTests and FuzzScreen hold it to them.

// pageSet is a set of single-byte pages, one bit per index into
// screenPages.
type pageSet uint16

// runeBits says, for one rune, what kind of byte each page encodes it as: any
// byte at all (enc), a UTF-8 lead byte 0xC2–0xF4 (lead) or 0xC2–0xDF
// (lead2), or a continuation byte 0x80–0xBF (cont); on which pages
// a space after it, read as 0xA0, ends the island (spaceEnds, see
// leadSpaceEnds); and, when likePage encodes it, which pages do not
// encode it as likePage does (unlike).
type runeBits struct {
	enc, lead, lead2, cont, spaceEnds, unlike pageSet
}

// screenTable maps runes up to U+FFFF to their bits, in blocks of 256
// like the codec's encoders: most blocks hold nothing any page encodes
// and share the zero block. The table points to each block itself:
// screenValid looks up every rune outside ASCII of every line, and a
// lookup through a block's index into a slice of blocks was four loads,
// each waiting for the one before.
type screenTable [256]*[256]runeBits

func (t *screenTable) lookup(r rune) *runeBits {
	if uint32(r) > 0xFFFF {
		return &noBits
	}
	return &t[r>>8][r&0xFF]
}

// noBits are the bits of a rune beyond the table: no page encodes it.
var noBits runeBits

// screenZero is the block of the screen's table that holds no bits,
// shared by every block of runes no page encodes.
var screenZero = new([256]runeBits)

// screenPages are the distinct single-byte pages of every wrong decoder,
// and screen's table and masks over them.
var (
	screenPages []*codec.SingleByte
	screenTab   = *buildScreen()
	// screenTwo is screenTab's entries for the runes of two bytes,
	// U+0000–U+07FF, in one array: the letters of the alphabets are
	// looked up in it by their rune alone (see screenValid), without
	// first loading their block's pointer, a load the lookup waited for.
	screenTwo = func() (t [0x800]runeBits) {
		for r := range rune(0x800) {
			t[r] = screenTab[r>>8][r&0xFF]
		}
		return t
	}()
	// screenWords is what screenValid's loop over a word of two-byte
	// runes asks of each, one word a rune: cont, lead, lead2 on the
	// pages that drop bytes, and enc, sixteen bits each from the lowest.
	screenWords = func() (t [0x800]uint64) {
		for r, e := range screenTwo {
			t[r] = uint64(e.cont) | uint64(e.lead)<<16 | uint64(e.lead2&droppingPages)<<32 | uint64(e.enc)<<48
		}
		return t
	}()
	// droppingPages are the pages whose UTF-8 wrong decoder drops bytes.
	droppingPages pageSet
	// legacyPages are the pages the legacy readings decode through, and
	// legacyScreened says that each of them has one, so that the screen's
	// covers answers for all of them (see undoLegacyAll).
	legacyPages    pageSet
	legacyScreened = true
	// utf8Pages are the pages of utf8Wrong's single-byte decoders, the
	// only pages whose bit of a screen's utf8 the search asks (see
	// mayHold). The screen sets the bits of the legacy readings' pages
	// too, which a replayed plan may name: KOI8-R's is set by most
	// Cyrillic lines (every letter is a lead through it, and a word
	// before a space may end in a lost 0xA0), and told the search
	// nothing.
	utf8Pages pageSet
	// plainLegacyPages are the pages of the legacy readings that are no
	// page swap: a page that covers a text and only swaps read through
	// it is refused at once unless caseInverted (see undoLegacy).
	plainLegacyPages pageSet
	// likePage is the page of the likeliest wrong decoder, windows-1252,
	// which runeBits' unlike compares the other pages with.
	likePage int
)

// buildScreen numbers the single-byte pages of utf8Wrong and the legacy
// hypotheses, gives each decoder its page, and fills the table from the
// pages' own encoders, so that it agrees with EncodeRune by construction.
func buildScreen() *screenTable {
	index := map[string]int{}
	assign := func(w *wrongDecoder) {
		if w.sb == nil {
			w.page = -1
			return
		}
		k, ok := index[w.name()]
		if !ok {
			k = len(screenPages)
			if k >= 16 {
				panic("repair: more single-byte pages than a pageSet holds")
			}
			index[w.name()] = k
			screenPages = append(screenPages, w.sb)
		}
		w.page = k
	}
	for _, w := range utf8Wrong {
		assign(w)
		if w.page >= 0 {
			utf8Pages |= 1 << w.page
		}
		if w.page >= 0 && len(w.dropped) > 0 {
			droppingPages |= 1 << w.page
		}
	}
	for _, h := range legacyHypotheses {
		assign(h.wrong)
		if h.wrong.page < 0 {
			legacyScreened = false
		} else {
			legacyPages |= 1 << h.wrong.page
			if !h.swap {
				plainLegacyPages |= 1 << h.wrong.page
			}
		}
	}
	if utf8Wrong[0].sb == nil {
		panic("repair: the likeliest wrong decoder has no single-byte page")
	}
	likePage = utf8Wrong[0].page
	t, zero := new(screenTable), screenZero
	for hi := range t {
		t[hi] = zero
	}
	for k, sb := range screenPages {
		for c := 0x80; c <= 0xFF; c++ {
			r, ok := sb.DecodeByte(byte(c))
			if !ok || r < utf8.RuneSelf || r > 0xFFFF {
				continue
			}
			b, ok := sb.EncodeRune(r)
			if !ok {
				continue
			}
			hi := r >> 8
			if t[hi] == zero {
				t[hi] = new([256]runeBits)
			}
			e := &t[hi][r&0xFF]
			bit := pageSet(1) << k
			e.enc |= bit
			if b >= 0xC2 && b <= 0xF4 {
				e.lead |= bit
			}
			if b >= 0xC2 && b <= 0xDF {
				e.lead2 |= bit
			}
			if isCont(b) {
				e.cont |= bit
			}
			if leadSpaceEnds(r, b) {
				e.spaceEnds |= bit
			}
		}
	}
	like := screenPages[likePage]
	for hi, block := range t {
		if block == zero {
			continue
		}
		for lo := range block {
			r := rune(hi)<<8 | rune(lo)
			b, ok := like.EncodeRune(r)
			if !ok {
				continue
			}
			for k, sb := range screenPages {
				if c, ok := sb.EncodeRune(r); !ok || c != b {
					block[lo].unlike |= 1 << k
				}
			}
		}
	}
	return t
}

// screen is what one pass over a segment found.
type screen struct {
	// utf8 holds the pages on which s may hold UTF-8 (mayHoldUTF8).
	utf8 pageSet
	// covers holds the pages that cover s (covers).
	covers pageSet
	// cjk is set when s has a Han, kana (full or half width) or Hangul
	// character, or U+FFFD: without one, mayHoldDoubleByteMojibake fails,
	// and no double-byte reading is tried. Curly quotes, dashes and the
	// euro sign, common in correct text of every language, are not
	// enough.
	cjk bool
	// twoByte is set when s has a rune of two bytes: quickSuspect
	// gives up on such a line, and is not asked (see doubleByteSuspect).
	twoByte bool
}

// empty reports whether no hypothesis has anything to look at.
func (sn screen) empty() bool { return sn.utf8 == 0 && sn.covers == 0 && !sn.cjk }

// screenOf runs the screen over s.
func screenOf(s string) screen {
	sn, _ := screenValid(s)
	return sn
}

// screenValid runs the screen over s and reports whether s is valid
// UTF-8, which the screen's reading of the runes finds out for free: a
// line then needs no pass of its own for the check. (A replayed plan
// screens invalid text too, reading each bad byte as U+FFFD.)
func screenValid(s string) (screen, bool) {
	// The state is kept in few words (the bits of the rune before are
	// read through a pointer to its entry, not copied out field by
	// field): the loop makes calls (ascii.Prefix, utf8x.DecodeAt,
	// plausible.ClassOf), and every variable live across them was
	// stored and loaded again on every rune.
	var (
		sn          screen
		valid       = true
		prev        = &noBits // the bits of the rune before, or none after ASCII
		after       pageSet   // the pages on which a space after a lead awaits a continuation
		unencodable pageSet
		// run counts the runes outside ASCII in a row, and stops
		// being reset once a run reaches three (see covers).
		run int
	)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if run < 3 {
				run = 0
			}
			after = 0
			if prev.lead == 0 {
				// Nothing is pending, and ASCII sets nothing: skip to
				// the next rune outside it. A lone space between words
				// of another script ("Москва — столица") is stepped
				// over at once. The rest of a run is read eight bytes at
				// a time, here rather than by ascii.Prefix: a call
				// anywhere in the loop's common paths made it store
				// its whole state to the stack at its head, on every
				// rune, and load it again.
				for i++; i+8 <= len(s); i += 8 {
					if m := le64(s[i:i+8]) & 0x8080808080808080; m != 0 {
						i += bits.TrailingZeros64(m) >> 3
						break
					}
				}
				for i < len(s) && s[i] < utf8.RuneSelf {
					i++
				}
				continue
			}
			i++
			lead, lead2 := prev.lead, prev.lead2
			switch {
			case c == ' ':
				// After a two-byte lead a space may be its lost 0xA0;
				// after a longer lead only if a continuation byte
				// follows it. A page that drops bytes may have taken
				// the second byte of a two-byte lead at the end of a
				// word, whatever a 0xA0 would make of it (see
				// mayHoldUTF8).
				sn.utf8 |= lead2&^prev.spaceEnds | lead2&droppingPages
				after = lead &^ lead2 &^ prev.spaceEnds
			case c == '?':
				sn.utf8 |= lead
			case isASCIILetter(c):
				sn.utf8 |= lead2 & droppingPages
			}
			prev = &noBits
			continue
		}
		var (
			r    rune
			size int
		)
		if c <= 0xDF && c >= 0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// Two bytes, the letters of the alphabets: a word of them
			// is read in a loop of its own, which asks what the loop
			// below asks of each rune, less what no rune of two bytes
			// can be (U+FFFD, a rune beyond the table, a hanzi). What
			// it asks of a rune after a lead is asked without a
			// branch: lead2 is part of lead, and both are empty after
			// no lead. The runs of Hebrew and Arabic that no page
			// encodes are read here too: each sets what the loop below
			// sets for them (nothing, but all of unencodable, and run).
			// Each rune's bits are one word of screenWords, and the
			// loop keeps in one word, want, the bits the previous rune
			// asks of the next (its lead, which a continuation meets,
			// and its lead2 on the pages that drop bytes, which a lead
			// meets), where they lie in the next rune's word: a rune
			// costs a load, an AND, a shift and two ORs, and the pages
			// found are taken out of found once, after the word. Read
			// two by two from the entries themselves, a word of
			// Cyrillic cost half as much again.
			sn.twoByte = true
			want := uint64(after|prev.lead) | uint64(prev.lead2&droppingPages)<<16
			found, enc := uint64(0), ^uint64(0)
			for i+1 < len(s) {
				// The rune's two bytes are tested together: a lead
				// 110xxxxx of C2 or more (not C0 or C1), then a
				// continuation 10xxxxxx.
				u := uint32(s[i]) | uint32(s[i+1])<<8
				if u&0xC0E0 != 0x80C0 || u&0x1E == 0 {
					break
				}
				r = rune(u&0x1F)<<6 | rune(u>>8&0x3F)
				w := screenWords[r&0x7FF]
				found |= want & w
				want = w >> 16 & 0xFFFFFFFF
				enc &= w
				run++
				i += 2
			}
			sn.utf8 |= pageSet(found) | pageSet(found>>16)
			unencodable |= ^pageSet(enc >> 48)
			after, prev = 0, &screenTwo[r&0x7FF]
			continue
		} else if i+2 < len(s) && c >= 0xE1 && c <= 0xEF && c != 0xED && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// Three bytes, CJK text and the punctuation of every
			// language (E0 and ED take a narrower second byte, and
			// go to utf8x.DecodeAt).
			r, size = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			if sn.cjk && screenTab[r>>8] == screenZero && r != utf8.RuneError {
				// A run of characters that no page encodes, once the
				// line is known to hold CJK: each only ends whatever a
				// lead awaited and counts in the run (see covers), and
				// the run is stepped over in a loop of its own. The
				// hanzi and kana of a Chinese or Japanese line are such
				// runs, and were half the screen's pass over them.
				// (U+FFFD is left to the loop: after a lead it is a
				// lost byte's mark.)
				// Each rune's three bytes are tested together (see
				// cjk3).
				after, prev, unencodable = 0, &noBits, ^pageSet(0)
				for {
					i += 3
					run++
					if i+2 >= len(s) {
						break
					}
					u := le24(s[i : i+3])
					if !cjk3(u) || screenTab[rune(u&0x0F)<<4|rune(u>>8&0x3F)>>2] != screenZero || u == 0xBDBFEF {
						break
					}
				}
				continue
			}
		} else if r, size = utf8x.DecodeAt(s, i); r == utf8.RuneError && size == 1 {
			valid = false
		}
		i += size
		e := screenTab.lookup(r)
		sn.utf8 |= after & e.cont
		after = 0
		if lead := prev.lead; lead != 0 {
			if r == utf8.RuneError {
				sn.utf8 |= lead
			}
			sn.utf8 |= lead&e.cont | prev.lead2&droppingPages&e.lead
		}
		prev = e
		unencodable |= ^e.enc
		run++
		if e.enc == 0 && c >= 0xD4 && c <= 0xDF {
			// Hebrew, Arabic and the scripts after them, which no page
			// encodes: the rest of the word is stepped over as the CJK
			// runs are above, and a word of Arabic took half as long.
			// (Asked here, of a rune already read, the test cost the
			// letters of the alphabets nothing.)
			for i+1 < len(s) {
				c = s[i]
				if c < 0xD4 || c > 0xDF || s[i+1]&0xC0 != 0x80 || screenTab[(c&0x1F)>>2] != screenZero {
					break
				}
				i += 2
				run++
			}
		}
		if !sn.cjk && r >= 0x1100 {
			switch plausible.ClassOf(r) {
			case plausible.Han, plausible.Kana, plausible.HalfKana, plausible.Hangul, plausible.Replacement:
				sn.cjk = true
			}
		}
	}
	if run >= 3 {
		sn.covers = ^unencodable
	}
	return sn, valid
}

// The double-byte pages get a screen of their own. A double-byte reading
// of a line can change something only where an island begins, and an
// island begins only at a character whose bytes in that page start a
// UTF-8 sequence: a lead byte 0xC2–0xF4 alone (the next character's
// bytes may be a lost byte's neighbours), or a lead followed by a byte
// the lead accepts second (ED takes A0–AF too, the start of a CESU-8
// surrogate). "日" is C8 D5 in GBK: C8 leads a two-byte sequence, D5
// continues none, and parseSeq cannot drop D5, which is the middle of
// a character of the reading itself. Correct text of a few hanzi among
// other scripts often has no such character in most of the six pages
// ("東京は日本の首都です" has none in GBK, GB18030, Shift_JIS or
// EUC-JP), and those readings need not encode the line at all. U+FFFD
// always passes: lostRun reads runs of it.

// doubleBytePages are the double-byte wrong decoders of utf8Wrong, in
// the order of their bits in a doubleByteSet.
var doubleBytePages []*wrongDecoder

// doubleByteSet is a set of double-byte pages, one bit per index into
// doubleBytePages.
type doubleByteSet uint8

// allDoubleByte is the set of every double-byte page.
var allDoubleByte doubleByteSet

func init() {
	for _, w := range utf8Wrong {
		if w.sb != nil {
			continue
		}
		if len(doubleBytePages) >= 8 {
			panic("repair: more double-byte pages than a doubleByteSet holds")
		}
		w.dbPage = len(doubleBytePages)
		allDoubleByte |= 1 << w.dbPage
		doubleBytePages = append(doubleBytePages, w)
	}
}

// islandStarts is, for each rune up to U+FFFF, the set of double-byte
// pages on which an island may begin at it, in blocks of 256 runes. A
// block is filled on first use from the pages' own encoders, so that it
// agrees with encodeRune by construction; filling all of them takes
// some 20 ms, and a run meets few blocks (a run of Latin and Cyrillic
// text, none).
var islandStarts [0x100]atomic.Pointer[[0x100]doubleByteSet]

// islandStartsOf returns the set of r's block.
func islandStartsOf(r rune) doubleByteSet {
	block := islandStarts[r>>8].Load()
	if block == nil {
		block = new([0x100]doubleByteSet)
		buf := make([]byte, 0, 16) // one buffer for the block's encodings
		for k := range block {
			c := r&^0xFF | rune(k)
			for _, w := range doubleBytePages {
				if w.mayStartIsland(c, buf) {
					block[k] |= 1 << w.dbPage
				}
			}
		}
		// Two goroutines may fill the same block: they fill it alike.
		islandStarts[r>>8].Store(block)
	}
	return block[r&0xFF]
}

// mayStartIsland reports whether undoUTF8 through the double-byte page w
// can begin an island, or a run of lost bytes, at r. buf is room for r's
// encoding.
func (w *wrongDecoder) mayStartIsland(r rune, buf []byte) bool {
	if r == utf8.RuneError {
		return true
	}
	if r < utf8.RuneSelf || r >= utf8.MaxRune || r >= 0xD800 && r <= 0xDFFF {
		return false
	}
	b, ok := w.encodeRune(buf[:0], r)
	if !ok || len(b) == 0 {
		return false
	}
	need, lo, hi := utf8SeqLen(b[0])
	switch {
	case need == 0:
		return false
	case len(b) == 1:
		return true
	case b[0] == 0xED:
		return isCont(b[1])
	}
	return b[1] >= lo && b[1] <= hi
}

// islandStart is a rune of a line outside ASCII, at byte offset off, and
// the set of double-byte pages on which an island may begin at it; mixed
// says that the rune's word, from a break (see isBreak) to the next,
// holds hanzi, kana or Hangul and letters of another script too (see
// mixedWord), which loneIslandBound asks of every start it bounds, as it
// asks whether the rune is CJK (cjk).
type islandStart struct {
	off   int32
	set   doubleByteSet
	mixed bool
	cjk   bool // isCJKRune of the rune
}

// dbRune is what doubleByteScan asks of a rune outside ASCII, in one
// word read at once: its cjkFlags (for mayHoldDoubleByteMojibake), its
// islandStartsOf set, and whether mixedWord counts it as CJK
// (dbWordCJK) or as a letter of another script (dbWordOther); and what
// refutesAt asks of the rune after an island start (stops).
type dbRune uint32

const (
	dbWordCJK dbRune = 1 << (16 + iota)
	dbWordOther
)

func (d dbRune) flags() cjkFlags       { return cjkFlags(d) }
func (d dbRune) starts() doubleByteSet { return doubleByteSet(d >> 8) }

// stops is the set of double-byte pages w on which w.stopsIsland(r)
// holds, for r up to U+FFFF; beyond, it is empty, and refutesAt asks
// stopsIsland itself (a rune there is rare, and the scan reads every
// rune's dbRune).
func (d dbRune) stops() doubleByteSet { return doubleByteSet(d >> 24) }

// dbRuneTable holds dbRune for the runes up to U+FFFF, in blocks of 256
// filled on first use from cjkFlagsOf, islandStartsOf and stopsIsland,
// so that it agrees with them by construction: one lookup per rune
// where the double-byte screen made two, each behind a block pointer of
// its own.
var dbRuneTable [0x100]atomic.Pointer[[0x100]dbRune]

// dbRuneTwo holds dbRune for the runes of two bytes, U+0080–U+07FF, in
// one array filled on first use from dbRuneOf, so that it agrees with
// it by construction: doubleByteScan reads the letters of the alphabets
// by their rune alone. No rune there is CJK (fillDbRuneTwo checks).
var dbRuneTwo atomic.Pointer[[0x800]dbRune]

// fillDbRuneTwo fills dbRuneTwo.
func fillDbRuneTwo() *[0x800]dbRune {
	t := new([0x800]dbRune)
	for r := rune(utf8.RuneSelf); r < 0x800; r++ {
		t[r] = dbRuneOf(r)
		if t[r]&dbRune(cjkChar) != 0 {
			panic("repair: a rune of two bytes is CJK")
		}
	}
	// Two goroutines may fill it: they fill it alike.
	dbRuneTwo.Store(t)
	return t
}

// dbRuneOf returns the dbRune of r, a rune outside ASCII.
func dbRuneOf(r rune) dbRune {
	if block := dbRuneTable[r>>8&0xFF].Load(); block != nil && r <= 0xFFFF {
		return block[r&0xFF]
	}
	return dbRuneFill(r)
}

// dbRuneFill is the dbRune of r, a rune outside ASCII, beyond the table
// or in a block not filled yet, which it fills. doubleByteScan looks in
// the table itself.
func dbRuneFill(r rune) dbRune {
	if r > 0xFFFF {
		return dbRuneSlow(r, nil)
	}
	block := new([0x100]dbRune)
	buf := make([]byte, 0, 16) // one buffer for the block's encodings
	for k := range block {
		if c := r&^0xFF | rune(k); c >= utf8.RuneSelf {
			block[k] = dbRuneSlow(c, buf)
		}
	}
	// Two goroutines may fill the same block: they fill it alike.
	dbRuneTable[r>>8].Store(block)
	return block[r&0xFF]
}

// dbRuneSlow works out the dbRune of r, a rune outside ASCII; buf is
// room for r's encodings where r is up to U+FFFF.
func dbRuneSlow(r rune, buf []byte) dbRune {
	starts := allDoubleByte // beyond the table: every page looks
	if r <= 0xFFFF {
		starts = islandStartsOf(r)
	}
	d := dbRune(cjkFlagsOf(r)) | dbRune(starts)<<8
	if r <= 0xFFFF {
		for _, w := range doubleBytePages {
			if w.stopsIsland(r, buf[:0]) {
				d |= dbRune(1) << (24 + w.dbPage)
			}
		}
	}
	switch plausible.ClassOf(r).Script() {
	case plausible.NoScript:
	case plausible.CJK:
		d |= dbWordCJK
	default:
		d |= dbWordOther
	}
	return d
}

// doubleByteScan answers, in one pass over s, the questions the
// double-byte readings ask of a line before any of them is tried:
// whether it passes their quick test (mayHoldDoubleByteMojibake, kept
// in sc.suspect), the runes at which an island may begin on some page
// (sc.startList, see mayStartIsland) and the join of their sets
// (sc.starts). Asked one at a time, they were three passes, each
// decoding every rune and looking it up in a table of its own: on a
// line like "Москва — столица. 東京は日本の首都です。" the quick test
// reads up to 東 before it passes, the list reads the whole line, and
// refutesAt read the words of the starts again to learn whether they
// were mixed. The answers depend on s alone, and are computed once for
// all the double-byte decoders of a round.
func (sc *scratch) doubleByteScan(s string) {
	if sc.dbScanOf == s && sc.dbScanValid {
		return
	}
	// The state is kept in few words: the loop makes calls (utf8x.DecodeAt,
	// dbRuneFill, append) that it seldom takes, and every variable live
	// across them was stored and loaded again on every rune.
	var (
		list = sc.startList[:0]
		// seen joins the dbRune of every rune: a rare character, a
		// stop, or CJK characters and letters of another script
		// anywhere in the line pass the quick test whatever their
		// order ("Москва 東京" passes at 東, "東京 Москва" at М), and
		// seen's starts are the join of the starts' sets.
		seen dbRune
		// word holds dbWordCJK and dbWordOther of the word so far,
		// and the quick test's state of the runs glued to Latin
		// letters, which it follows rune by rune.
		word     dbRune
		run      int // the CJK characters in the run so far
		wordFrom int // the index in list of the word's first start
	)
	const (
		prevLetter = 1 << iota // the previous rune is an ASCII letter
		runGlued               // the run follows an ASCII letter
		runDear                // a character of the run costs gluedCJKCost or more
		suspect                // the quick test passes
		mixed      = dbWordCJK | dbWordOther
	)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if run > 0 {
				// A run of CJK characters ends: glued, as
				// mayHoldDoubleByteMojibake reads it.
				letter := isASCIILetter(c)
				if run <= maxGluedRun && (word&runGlued != 0 && letter || (word&runGlued != 0 || letter) && word&runDear != 0) {
					word |= suspect
				}
				run = 0
			}
			// The ASCII run is then read in a loop of its own,
			// which asks only for letters and breaks, and keeps less
			// state live: read with the runes outside ASCII, the
			// "status, list-units, list-jobs, list-timers" of a Chinese
			// line of the dev set was a sixth of its pass.
			for {
				if isASCIILetter(c) {
					word |= prevLetter | dbWordOther
				} else {
					word &^= prevLetter
					if c <= ' ' && isBreak(rune(c)) {
						if word&mixed == mixed {
							for k := wordFrom; k < len(list); k++ {
								list[k].mixed = true
							}
						}
						wordFrom, word = len(list), word&suspect
						if i+1 < len(s) && s[i+1] < utf8.RuneSelf {
							// After a break, the rest of the ASCII run
							// tells only by what follows its last break:
							// each break between ends a word of ASCII
							// alone, never mixed, and sets the word
							// back as this one did. The run's end is
							// found eight bytes at a time, and only the
							// bytes after its last break are read: the
							// "status, list-units, list-jobs,
							// list-timers" of a Chinese line was read
							// byte by byte.
							// (Read here rather than by ascii.Prefix: a
							// call in the loop's common paths made it
							// store its state to the stack at its head,
							// on every rune, and load it again.)
							end := i + 1
							for ; end+8 <= len(s); end += 8 {
								if m := le64(s[end:end+8]) & 0x8080808080808080; m != 0 {
									end += bits.TrailingZeros64(m) >> 3
									break
								}
							}
							for end < len(s) && s[end] < utf8.RuneSelf {
								end++
							}
							k := end - 1
							for k > i && !isBreak(rune(s[k])) {
								k--
							}
							for j := k + 1; j < end; j++ {
								if isASCIILetter(s[j]) {
									word |= dbWordOther
								}
							}
							if isASCIILetter(s[end-1]) {
								word |= prevLetter
							}
							i = end
							break
						}
					}
				}
				if i++; i >= len(s) {
					break
				}
				if c = s[i]; c >= utf8.RuneSelf {
					break
				}
			}
			continue
		}
		// The CJK characters and the alphabets decoded in line, as
		// utf8x.DecodeAt would: a call per rune was a fifth of the pass.
		// The rune itself is not kept past its lookup, and the rest
		// goes to one call (dbRuneAt) that returns what the loop needs:
		// a rune live across a call was stored to the stack and loaded
		// back, on every rune, before its lookup could begin.
		// The letters of the alphabets and the runs of CJK characters
		// are read in loops of their own, which take the steps the
		// end of this loop takes for each of their runes: on this
		// machine the loop cost about as much per rune whatever it
		// asked, and a line of Cyrillic or Chinese took a third less
		// read two runes at a time, and less again in a loop of its
		// own. Anything else (a block of the table not filled yet
		// included) takes the steps one rune at a time.
		if c <= 0xDF && c >= 0xC2 && run == 0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// A word of the alphabets outside a run of CJK characters
			// is read in a loop of its own, from a table of every
			// rune of two bytes (see dbRuneTwo): no rune there is CJK,
			// so each only joins seen, sets the word's letters and may
			// be an island start. Read by the loop below, two by two,
			// every pair went back to its head and its tests of the
			// rune's first byte, and each rune's block pointer was
			// loaded before its entry; a word of Cyrillic cost half as
			// much again.
			two := dbRuneTwo.Load()
			if two == nil {
				two = fillDbRuneTwo()
			}
			// The word's runes are joined in all and set seen and the
			// word once, after it: they only join, and each clears
			// prevLetter alike. A rune's two bytes are tested together
			// (see screenValid).
			var all dbRune
			for i+1 < len(s) {
				u := uint32(s[i]) | uint32(s[i+1])<<8
				if u&0xC0E0 != 0x80C0 || u&0x1E == 0 {
					break
				}
				d := two[(rune(u&0x1F)<<6|rune(u>>8&0x3F))&0x7FF]
				all |= d
				if set := d.starts(); set != 0 {
					list = append(list, islandStart{off: int32(i), set: set, cjk: d&dbWordCJK != 0})
				}
				i += 2
			}
			seen |= all
			word = word&^prevLetter | all&mixed
			continue
		}
		var (
			d    dbRune
			size int
		)
		if i+2 < len(s) && c >= 0xE1 && c <= 0xEF && c != 0xED && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// Up to U+FFFF: in the table's range.
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if block := dbRuneTable[r>>8&0xFF].Load(); block != nil {
				d, size = block[r&0xFF], 3
				if d&dbRune(cjkChar) != 0 {
					// A run of CJK characters is read in a loop of
					// its own, which takes each step the one below
					// takes for a CJK character, until a rune that is
					// none (or not of three bytes, or in a block not
					// filled yet), which the loop below reads again.
					// Read two by two through the loop below, every
					// pair went back to its head and tested both
					// runes' bytes at once.
					if run == 0 {
						word &^= runGlued | runDear
						if word&prevLetter != 0 {
							word |= runGlued
						}
					}
					for {
						seen |= d
						run++
						if d&dbRune(cjkDear) != 0 {
							word |= runDear
						}
						word = word&^prevLetter | d&mixed
						if set := d.starts(); set != 0 {
							list = append(list, islandStart{off: int32(i), set: set, cjk: d&dbWordCJK != 0})
						}
						if i += 3; i+2 >= len(s) {
							break
						}
						u := le24(s[i : i+3])
						if !cjk3(u) {
							break
						}
						r = rune(u&0x0F)<<12 | rune(u>>8&0x3F)<<6 | rune(u>>16&0x3F)
						block = dbRuneTable[r>>8&0xFF].Load()
						if block == nil {
							break
						}
						if d = block[r&0xFF]; d&dbRune(cjkChar) == 0 {
							break
						}
					}
					continue
				}
			} else {
				d, size = dbRuneAt(s, i)
			}
		} else if c <= 0xDF && c >= 0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			if block := dbRuneTable[r>>8&0xFF].Load(); block != nil {
				d, size = block[r&0xFF], 2
			} else {
				d, size = dbRuneAt(s, i)
			}
		} else {
			d, size = dbRuneAt(s, i)
		}
		seen |= d
		if d&dbRune(cjkChar) != 0 {
			if run == 0 {
				word &^= runGlued | runDear
				if word&prevLetter != 0 {
					word |= runGlued
				}
			}
			run++
			if d&dbRune(cjkDear) != 0 {
				word |= runDear
			}
		} else if run > 0 {
			if run <= maxGluedRun && word&(runGlued|runDear) == runGlued|runDear {
				word |= suspect
			}
			run = 0
		}
		word = word&^prevLetter | d&mixed
		if set := d.starts(); set != 0 {
			st := islandStart{off: int32(i), set: set, cjk: d&dbWordCJK != 0}
			list = append(list, st)
		}
		i += size
	}
	if run > 0 && run <= maxGluedRun && word&(runGlued|runDear) == runGlued|runDear {
		word |= suspect
	}
	if word&mixed == mixed {
		for k := wordFrom; k < len(list); k++ {
			list[k].mixed = true
		}
	}
	f := seen.flags()
	sc.suspect = word&suspect != 0 || f&(cjkRare|cjkStop) != 0 || f&cjkChar != 0 && f&cjkLetter != 0
	sc.starts, sc.startList = seen.starts(), list
	sc.dbScanOf, sc.dbScanValid = s, true
}

// le24 is the first three bytes of t, little-endian, read as one word.
func le24(t string) uint32 {
	_ = t[2]
	return uint32(t[0]) | uint32(t[1])<<8 | uint32(t[2])<<16
}

// cjk3 reports whether u, three bytes read by le24, is a rune of three
// bytes led by E1–EF but ED (CJK text, and the punctuation of every
// language; E0 and ED take a narrower second byte): a lead 1110xxxx,
// two continuations 10xxxxxx, and the lead's low bits neither 0 nor D.
// The screens test a CJK character's bytes so, together, where they
// were five tests each with its own load.
func cjk3(u uint32) bool {
	return u&0xC0C0F0 == 0x8080E0 && u&0x0F != 0 && u&0x0F != 0x0D
}

// le64 is the first eight bytes of t, little-endian, read as one word
// (the compiler makes the reads one load).
func le64(t string) uint64 {
	_ = t[7]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// quickSuspect is mayHoldDoubleByteMojibake(s) for a line of ASCII and
// runes of three bytes led by E1–EF (hanzi, kana and Hangul, and the
// punctuation of CJK text among them; after ED only 80–9F, short of the
// surrogates), where ok is true; on any
// other rune it gives up at once (ok false), and doubleByteScan answers.
// A line of Chinese, Japanese or Korean is such a line, and most are not
// suspect: their double-byte readings then need no list of island
// starts, and doubleByteScan, which lists them as it reads, cost two and
// a half times as much as this reading of the runes' cjkFlags alone.
// A line of other scripts ("Crème", "Москва") gives up at its first
// letter outside ASCII. TestQuickSuspect and FuzzScreen hold it to
// mayHoldDoubleByteMojibake.
//
// Why it is the same answer: mayHoldDoubleByteMojibake passes where a
// rune is rare or a stop, or the line holds both CJK characters and
// letters of another script (in either order), or a run of at most
// maxGluedRun CJK characters is glued (see its glued), asked as each
// run ends, before the rune after it or at the end of the line. Each
// is a condition on the whole line, whatever the order in which it is
// found; the join of the flags answers the first three once the line is
// read, and each run is judged where it ends, with the ASCII byte
// before it and the one after it (a rune of three bytes is no ASCII
// letter).
func quickSuspect(s string) (suspect, ok bool) {
	var (
		seen       cjkFlags // the join of the runes' flags
		run        int      // the CJK characters in a row
		glued      bool     // the run follows an ASCII letter
		dear       bool     // a character of the run costs gluedCJKCost or more
		gluedFound bool
	)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if run > 0 {
				letter := isASCIILetter(c)
				gluedFound = gluedFound || run <= maxGluedRun && (glued && letter || (glued || letter) && dear)
				run = 0
			}
			// The rest of the run, eight bytes at a time, in line (see
			// screenValid).
			for i++; i+8 <= len(s); i += 8 {
				if m := le64(s[i:i+8]) & 0x8080808080808080; m != 0 {
					i += bits.TrailingZeros64(m) >> 3
					break
				}
			}
			for i < len(s) && s[i] < utf8.RuneSelf {
				i++
			}
			continue
		}
		if i+2 >= len(s) || c < 0xE1 || c > 0xEF || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 || c == 0xED && s[i+1] > 0x9F {
			return false, false
		}
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if i+5 < len(s) {
			// Two CJK characters in a row are read in one step, as two
			// steps would read them: the first begins the run or goes
			// on with it, the second goes on with it. On this machine
			// a step cost about as much whatever it asked.
			if c2 := s[i+3]; c2 >= 0xE1 && c2 <= 0xEF && s[i+4]&0xC0 == 0x80 && s[i+5]&0xC0 == 0x80 && (c2 != 0xED || s[i+4] <= 0x9F) {
				r2 := rune(c2&0x0F)<<12 | rune(s[i+4]&0x3F)<<6 | rune(s[i+5]&0x3F)
				b1, b2 := cjkFlagTable[r>>8].Load(), cjkFlagTable[r2>>8].Load()
				if b1 != nil && b2 != nil {
					if f1, f2 := b1[r&0xFF], b2[r2&0xFF]; f1&f2&cjkChar != 0 {
						seen |= f1 | f2
						if run == 0 {
							glued, dear = i > 0 && isASCIILetter(s[i-1]), false
						}
						run += 2
						dear = dear || (f1|f2)&cjkDear != 0
						i += 6
						continue
					}
				}
			}
		}
		var f cjkFlags
		if block := cjkFlagTable[r>>8].Load(); block != nil {
			f = block[r&0xFF]
		} else {
			f = cjkFlagsOf(r)
		}
		seen |= f
		if f&cjkChar != 0 {
			if run == 0 {
				glued, dear = i > 0 && isASCIILetter(s[i-1]), false
			}
			run++
			dear = dear || f&cjkDear != 0
		} else if run > 0 {
			gluedFound = gluedFound || run <= maxGluedRun && glued && dear
			run = 0
		}
		i += 3
	}
	if run > 0 {
		gluedFound = gluedFound || run <= maxGluedRun && glued && dear
	}
	return gluedFound || seen&(cjkRare|cjkStop) != 0 || seen&cjkChar != 0 && seen&cjkLetter != 0, true
}

// dbRuneAt returns the dbRune of the rune of s at i, outside ASCII, and
// its size, for doubleByteScan: the runes it does not decode in line,
// and those in a block of the table not filled yet.
func dbRuneAt(s string, i int) (dbRune, int) {
	r, size := utf8x.DecodeAt(s, i)
	return dbRuneOf(r), size
}

// islandStartList lists the runes of s at which an island may begin on
// some double-byte page, in order (see doubleByteScan): doubleByteStarts
// joins their sets, doubleByteRefuted bounds them, and encodeLive
// encodes from them.
func (sc *scratch) islandStartList(s string) []islandStart {
	sc.doubleByteScan(s)
	return sc.startList
}

// refuteDoubleByte enables doubleByteRefuted; the tests turn it off to
// hold it to the walk it stands in for.
var refuteDoubleByte = true

// liveSingle enables encodeLiveSingle; the tests turn it off to hold it
// to encode's whole line.
var liveSingle = true

// doubleByteRefuted is the set of double-byte pages on which undoUTF8,
// deciding, keeps no island of s, found without encoding s through them
// or walking their bytes: every island start on the page (see
// islandStartList) is a lone island that prices below weakMargin (see
// refutesAt). Correct text with a few hanzi among other scripts has a
// start or two on some pages, each a character whose two bytes in that
// page are a complete UTF-8 sequence of their own ("М" is C7 BA in Big5,
// "Ǻ"), and each priced far below any margin: the walk that found them,
// and the encoding it reads, were most of what such a line cost. Computed
// once for all the double-byte decoders of a round; it depends on s
// alone. A line with U+FFFD or an invalid byte has an island start on
// every page there, which refutes none.
func (sc *scratch) doubleByteRefuted(s string) doubleByteSet {
	if !refuteDoubleByte {
		return 0
	}
	if sc.refutedOf == s && sc.refutedValid {
		return sc.refuted
	}
	refuted := allDoubleByte
	for _, st := range sc.islandStartList(s) {
		set := st.set & refuted
		if set == 0 {
			continue
		}
		var lone loneStart
		if !lone.read(s, st) {
			refuted &^= set
		} else {
			// The start's pages, lowest first, as the walk over all
			// of doubleBytePages met them: a start is on one page or
			// two, and testing the bit of each of the six was a third
			// of the loop's price.
			for ; set != 0; set &= set - 1 {
				k := bits.TrailingZeros8(uint8(set))
				if !sc.refutesAt(s, &lone, doubleBytePages[k]) {
					refuted &^= 1 << k
				}
			}
		}
		if refuted == 0 {
			break
		}
	}
	sc.refuted, sc.refutedOf, sc.refutedValid = refuted, s, true
	return refuted
}

// mixedWord reports whether w holds hanzi, kana or Hangul and letters of
// another script too, as wordCharBound reads them.
func mixedWord(w string) bool {
	cjk, other := false, false
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			other = other || isASCIILetter(c)
			i++
			continue
		}
		r, size := utf8x.DecodeAt(w, i)
		i += size
		switch plausible.ClassOf(r).Script() {
		case plausible.NoScript:
		case plausible.CJK:
			cjk = true
		default:
			other = true
		}
	}
	return cjk && other
}

// refutesAt reports that undoUTF8 through the double-byte page w, with
// decide, keeps no island that begins at the island start lone (see
// loneStart.read), a start on w (see mayStartIsland): the island there is
// the rune alone (see loneIsland), and it prices below weakMargin. Its
// floor is weakMargin, and it is kept only if gainAtOrBelow returns
// weakMargin or more. That figure is at most wordCharBound's bound on
// the character model, where the reading is rare (see holdsRareNonCJK
// and wordCharBound), or that bound plus the language model's most on
// the word, LanguageCostMax (see gainAtUncached); loneIslandBound bounds
// wordCharBound's bound. It asks what loneIsland and loneIslandBound ask
// of the page, and takes what they ask of the start and its neighbours
// from lone: on a line of Russian and Japanese the starts are each on
// one page, and decoding the neighbours, encoding the next rune to ask
// whether the walk stops there, and pricing the reading's rarity were a
// third of the refutation. checkRefutesAt holds it to loneIsland and
// loneIslandBound, the definitions, at every start of the screen's test
// lines and FuzzScreen's.
func (sc *scratch) refutesAt(s string, lone *loneStart, w *wrongDecoder) bool {
	e, ok := w.encodeRune(sc.loneBuf[:0], lone.r)
	if !ok || len(e) != 2 || e[0] < 0xC2 || e[0] > 0xDF || !isCont(e[1]) {
		return false
	}
	c := rune(e[0]&0x1F)<<6 | rune(e[1]&0x3F)
	if lone.next >= utf8.RuneSelf {
		stops := lone.nextFacts.stops()&(1<<w.dbPage) != 0
		if lone.next > 0xFFFF {
			stops = w.stopsIsland(lone.next, sc.loneBuf[:0])
		}
		if !stops {
			return false
		}
	}
	bound := plausible.SwapBound(lone.prev, lone.r, c, lone.next) + lone.strangers
	if rareLone(c) {
		return bound < weakMargin
	}
	if bound+boundSlack >= weakMargin {
		// The word's LanguageCostMax is never negative: it cannot bring
		// the bound below weakMargin, and need not be priced.
		return false
	}
	ws, we := wordBounds(s, lone.o, lone.to)
	return bound+sc.wordMax(s, ws, we)+boundSlack < weakMargin
}

// loneStart is what refutesAt reads of an island start and its
// neighbours, the same on every page: the rune r at s[o:to], the runes
// before and after it (prev and next, 0 for none), next's dbRune, and
// what loneIslandBound adds to the character model's bound for the CJK
// letters the reading removes (strangers).
type loneStart struct {
	o, to         int
	r, prev, next rune
	nextFacts     dbRune
	strangers     float64
}

// read makes lone what refutesAt reads of the island start st of s, once
// for all its pages (filled in place: the struct came back by value, a
// copy as dear as the reading); it reports false where no page can
// refute the start: its rune is U+FFFD or beyond U+FFFF (see
// loneIsland), a neighbour is a NUL or U+FFFD, or its word holds hanzi
// and letters of another script (see loneIslandBound).
func (lone *loneStart) read(s string, st islandStart) bool {
	o := int(st.off)
	r, size := utf8x.DecodeAt(s, o)
	if r == utf8.RuneError || r > 0xFFFF {
		return false
	}
	lone.o, lone.to, lone.r, lone.prev, lone.next = o, o+size, r, runeBefore(s, o), 0
	if lone.to < len(s) {
		lone.next, _ = utf8x.DecodeAt(s, lone.to)
	}
	if o > 0 && (lone.prev == 0 || lone.prev == utf8.RuneError) || lone.to < len(s) && (lone.next == 0 || lone.next == utf8.RuneError) {
		return false // a NUL or U+FFFD beside it (see plausible.SwapBound)
	}
	if st.mixed {
		if ws, we := wordBounds(s, o, lone.to); mixedWord(s[ws:we]) {
			return false
		}
	}
	lone.nextFacts = 0
	if lone.next >= utf8.RuneSelf {
		lone.nextFacts = dbRuneOf(lone.next)
	}
	lone.strangers = 0
	if st.cjk {
		if cjkFacts(lone.prev) || lone.nextFacts&dbWordCJK != 0 {
			lone.strangers = strangerCost
		} else {
			lone.strangers = 2 * strangerCost
		}
	}
	return true
}

// cjkFacts is isCJKRune(r), from r's dbRune.
func cjkFacts(r rune) bool {
	return r >= utf8.RuneSelf && dbRuneOf(r)&dbWordCJK != 0
}

// loneIsland reports whether the island that undoUTF8's walk through the
// double-byte page w may begin at the rune of s at offset o is that rune
// alone, s[o:to], read as c, without lost bytes or a restored space: the
// rune's bytes in w are two, a complete UTF-8 sequence that reads as c,
// and the walk stops before the next rune (see stopsIsland), or
// spaceEndsIsland ends the island before it begins. U+FFFD begins an
// island on every page (see lostRun), and is no lone island. buf is room
// for an encoding.
func (w *wrongDecoder) loneIsland(s string, o int, buf []byte) (c rune, to int, ok bool) {
	r, size := utf8x.DecodeAt(s, o)
	if r == utf8.RuneError || r > 0xFFFF {
		return 0, 0, false
	}
	e, ok := w.encodeRune(buf[:0], r)
	if !ok || len(e) != 2 || e[0] < 0xC2 || e[0] > 0xDF || !isCont(e[1]) {
		return 0, 0, false
	}
	c, to = rune(e[0]&0x1F)<<6|rune(e[1]&0x3F), o+size
	if to < len(s) && s[to] >= utf8.RuneSelf {
		if next, _ := utf8x.DecodeAt(s, to); !w.stopsIsland(next, buf) {
			return 0, 0, false
		}
	}
	return c, to, true
}

// stopsIsland reports whether undoUTF8's walk through the double-byte
// page w, having read a complete sequence, stops before r, a rune
// outside ASCII, whatever comes after r: the island grows only by a
// sequence that begins at a byte 0xC2 or above of a rune w encodes
// (not U+FFFD, which lostRun reads), and parseSeq refuses one whose lead
// leads nothing (0xF5 and above) or is followed inside r's own bytes by
// a byte the lead does not take second (nor a space, a lost 0xA0). That
// byte is no rune's start: no dropped byte can have stood before it (see
// droppedInside), and no lost byte is inferred. ED goes to cesuPair
// first, and is left out. buf is room for r's encoding.
func (w *wrongDecoder) stopsIsland(r rune, buf []byte) bool {
	if r == utf8.RuneError {
		return false
	}
	e, ok := w.encodeRune(buf[:0], r)
	switch {
	case !ok:
		return true // an opaque byte
	case len(e) == 0:
		return false
	case e[0] < 0xC2:
		return true
	}
	need, lo, hi := utf8SeqLen(e[0])
	return need == 0 || len(e) >= 2 && e[0] != 0xED && e[1] != ' ' && (e[1] < lo || e[1] > hi)
}

// rareNonCJK is holdsRareNonCJK(string(c)) for one rune.
func rareNonCJK(c rune) bool {
	return c == utf8.RuneError || c >= utf8.RuneSelf && !isCJKRune(c) &&
		(plausible.RuneCost(c) >= rareCJKCost || plausible.ClassOf(c) == plausible.Combining)
}

// rareLoneBits holds rareNonCJK of every rune below U+0800, the readings
// of a lone island (two bytes of UTF-8), one bit each.
var rareLoneBits = func() (bits [0x800 / 64]uint64) {
	for c := rune(0); c < 0x800; c++ {
		if rareNonCJK(c) {
			bits[c>>6] |= 1 << (c & 63)
		}
	}
	return bits
}()

// rareLone is rareNonCJK(c) for c below U+0800.
func rareLone(c rune) bool { return rareLoneBits[c>>6&0x1F]&(1<<(c&63)) != 0 }

// runeBefore is lastRune(s[:o]) for the valid UTF-8 s and a rune start o,
// decoded by utf8x.DecodeAt.
func runeBefore(s string, o int) rune {
	if o == 0 {
		return 0
	}
	i := o - 1
	for i > 0 && i > o-utf8.UTFMax && !utf8.RuneStart(s[i]) {
		i--
	}
	if s[i] < utf8.RuneSelf {
		return rune(s[i])
	}
	r, size := utf8x.DecodeAt(s, i)
	if i+size != o {
		return lastRune(s[:o]) // not valid UTF-8 after all
	}
	return r
}

// loneIslandBound bounds from above what wordCharBound returns for the
// island s[o:to], one rune, read as the rune c, in its word (see
// gainAtUncached), worked out from the rune's neighbours alone; ok is
// false where wordCharBound bounds nothing (a word of hanzi and letters
// of another script) or a neighbour is one SwapBound cannot take. mixed
// is the island start's flag: the island's word, from a break to the
// next, holds hanzi, kana or Hangul and letters of another script (see
// islandStart); the word wordBounds gives the island is part of it, cut
// at maxWord bytes each way, and holds both only if it does.
//
// Why: wordCharBound is the character model's difference on the word,
// which plausible.SwapBound bounds, plus strangerCost for each lone CJK
// letter the reading removes, counted as cjkCount counts (each such
// letter, and again each that stands alone, among the runes localDiffs
// reads). c is below U+0800 (two bytes of UTF-8), never CJK: reading a
// hanzi as c loses the hanzi, and its run where no CJK letter stood
// beside it (a CJK letter is no break, and the word, and localDiffs'
// runes, take in the runes beside the island up to a break); the runs
// beside it may only come apart, which the reading pays for. Reading any
// other rune as c changes no run.
func loneIslandBound(s string, o, to int, c rune, mixed bool) (bound float64, ok bool) {
	r, _ := utf8x.DecodeAt(s, o)
	prev, next := runeBefore(s, o), rune(0)
	if to < len(s) {
		next, _ = utf8x.DecodeAt(s, to)
	}
	if o > 0 && (prev == 0 || prev == utf8.RuneError) || to < len(s) && (next == 0 || next == utf8.RuneError) {
		return 0, false // a NUL or U+FFFD beside it (see plausible.SwapBound)
	}
	if mixed {
		if ws, we := wordBounds(s, o, to); mixedWord(s[ws:we]) {
			return 0, false
		}
	}
	bound = plausible.SwapBound(prev, r, c, next)
	if isCJKRune(r) {
		if isCJKRune(prev) || isCJKRune(next) {
			bound += strangerCost
		} else {
			bound += 2 * strangerCost
		}
	}
	return bound, true
}

// readsAsGBK reports whether GB18030 encodes every rune of s outside
// ASCII as GBK does, U+FFFD aside (neither encodes it: both mark it
// kindFFFD). Then undoUTF8 finds the same islands through both: the walk
// reads the same bytes (encodeLive's stretches begin and end where the
// same bytes say, see mayStartIsland), the pages agree on every question
// the walk asks of a decoder itself (neither is single-byte, a0 is unset
// and nothing is dropped on both; lost bytes are judged by GBK's pairs
// on both, see lossTwin), and the price of a lost byte is the same for
// both unless one is settled. Only the prior, in keepConvincing and the
// total's margin, and the name set them apart. GBK encodes no rune
// differently from GB18030, so this is a test that GBK encodes them all;
// it is asked rune by rune of the two encoders, through a table filled a
// block at a time as islandStarts is.
func readsAsGBK(s string) bool {
	for i := ascii.Prefix(s); i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8x.DecodeAt(s, i)
		if r > 0xFFFF || !gbkAlikeOf(r) {
			return false
		}
		i += size
	}
	return true
}

// gbkAlike holds, for each rune up to U+FFFF, whether GBK encodes it, and
// GB18030 to the same bytes, or it is U+FFFD; in blocks of 256 runes
// filled on first use.
var gbkAlike [0x100]atomic.Pointer[[4]uint64]

// gbkAlikeOf returns r's bit of gbkAlike.
func gbkAlikeOf(r rune) bool {
	block := gbkAlike[r>>8].Load()
	if block == nil {
		block = new([4]uint64)
		var a, b [8]byte
		for k := range 256 {
			c := r&^0xFF | rune(k)
			x, okX := gbkWrong.encodeRune(a[:0], c)
			y, okY := gb18030Wrong.encodeRune(b[:0], c)
			if c == utf8.RuneError || okX && okY && string(x) == string(y) {
				block[k>>6] |= 1 << (k & 63)
			}
		}
		// Two goroutines may fill the same block: they fill it alike.
		gbkAlike[r>>8].Store(block)
	}
	return block[r&0xFF>>6]&(1<<(r&63)) != 0
}

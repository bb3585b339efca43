package repair

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/langstats"
	"github.com/mojitext/moji/internal/plausible"
)

func TestCJKCompletions(t *testing.T) {
	tests := []struct {
		prefix []byte
		want   string // must be among the completions
	}{
		{[]byte{0xE3}, "。"},       // E3 80 82: the lead alone survived
		{[]byte{0xE3, 0x80}, "、"}, // E3 80 81
		{[]byte{0xE8, 0xA1}, "行"}, // E8 A1 8C
		{[]byte{0xE4, 0xB8}, "个"}, // E4 B8 AA
		{[]byte{0xEC, 0x8A}, "습"}, // EC 8A B5
	}
	for _, tt := range tests {
		alts := cjkCompletions(tt.prefix, 3)
		found := false
		for _, a := range alts {
			if !strings.HasPrefix(a.Text, string(tt.prefix)) || utf8.RuneCountInString(a.Text) != 1 || len(a.Text) != 3 {
				t.Errorf("cjkCompletions(% X) holds %q", tt.prefix, a.Text)
			}
			if !cjkLike(firstRune(a.Text)) {
				t.Errorf("cjkCompletions(% X) holds %q, no CJK character", tt.prefix, a.Text)
			}
			found = found || a.Text == tt.want
		}
		if !found {
			t.Errorf("cjkCompletions(% X) lacks %q", tt.prefix, tt.want)
		}
	}
	// Leads of other lengths, and Latin ranges, have no CJK completions.
	for _, p := range [][]byte{{0xC3}, {0xE2, 0x80}, {0xF0, 0x9F}, {0xE3, 0x41}} {
		if alts := cjkCompletions(p, 3); len(alts) != 0 {
			t.Errorf("cjkCompletions(% X) = %d candidates, want none", p, len(alts))
		}
	}
}

func TestCJKMiddles(t *testing.T) {
	// の is E3 81 AE: with 0x81 lost, the candidates are E3 xx AE.
	alts := cjkMiddles(0xE3, 0xAE, 0x80, 0xBF)
	found := false
	for _, a := range alts {
		if len(a.Text) != 3 || a.Text[0] != 0xE3 || a.Text[2] != 0xAE || !cjkLike(firstRune(a.Text)) {
			t.Errorf("cjkMiddles(E3, AE) holds %q", a.Text)
		}
		found = found || a.Text == "の"
	}
	if !found {
		t.Errorf("cjkMiddles(E3, AE) = %v, lacks の", alts)
	}
	// E2 xx 99 are general punctuation and symbols, no CJK.
	if alts := cjkMiddles(0xE2, 0x99, 0x80, 0xBF); len(alts) != 0 {
		t.Errorf("cjkMiddles(E2, 99) = %v, want none", alts)
	}
}

// TestRefineCJK checks the choice of a lost CJK character by its
// neighbours: taken where they name one character, U+FFFD where they do
// not, and the plan lists the best candidates with their new scores.
func TestRefineCJK(t *testing.T) {
	tests := []struct {
		before, after string // the island's neighbours in the text
		prefix        []byte // the surviving bytes of the lost character
		want          string
		chosen        string // the first choice, U+FFFD if none
	}{
		// The punctuation model's "！" gives way to "，", which Chinese
		// writes far more often after 输入 and before a Latin word.
		{"没有输入", " Bas", []byte{0xEF, 0xBC}, "，", "！"},
		// A mark the neighbours say nothing of stays as first chosen.
		{"(", ")", []byte{0xE3, 0x80}, "、", "、"},
		// A mark the neighbours and frequencies rank far below another,
		// though not surely, becomes unknown: "〃" after ASCII.
		{"x", "y", []byte{0xE3, 0x80}, "\uFFFD", "〃"},
		// 进[E8 A1 ?]补全: 进行 is the word.
		{"进", "补全", []byte{0xE8, 0xA1}, "行", ""},
		// です[E3 80 ?] before another sentence: it ended.
		{"です", "これ", []byte{0xE3, 0x80}, "。", ""},
		// ください[E3 ? ?] at the end of a line: い is followed by る
		// (いる) as often as by 。, but few lines end in る.
		{"ください", "", []byte{0xE3}, "。", ""},
		{"ください", "\n", []byte{0xE3}, "。", ""},
		// Inside the line the same loss names nothing.
		{"ください", " x", []byte{0xE3}, "\uFFFD", ""},
		// ソケ[E3 83 ?]ト: ケッ and ット are common pairs, but so are ケン
		// and ント; the run ケット (ソケット, チケット, ロケット) decides.
		{"ソケ", "ト", []byte{0xE3, 0x83}, "ッ", ""},
		// 言われて[E3 ? ?]る: ている is the run, whatever else pairs with
		// て and る.
		{"言われて", "る", []byte{0xE3}, "い", ""},
		// After an ASCII word the particles stand out: "GNU [E3 81 ?]
		// ツール" is "GNU のツール".
		{"GNU ", "ツール", []byte{0xE3, 0x81}, "の", ""},
		// Between spaces nothing names the character.
		{" ", " ", []byte{0xE8, 0xA1}, "\uFFFD", ""},
		{"x", "y", []byte{0xE3}, "\uFFFD", ""},
	}
	for _, tt := range tests {
		alts := cjkCompletions(tt.prefix, 3)
		from := len(tt.before)
		if tt.chosen == "" {
			tt.chosen = "\uFFFD"
		}
		s := tt.before + tt.chosen + tt.after
		dec := []byte(tt.chosen)
		lost := []Inferred{{Chosen: tt.chosen, Alternatives: alts}}
		got := string(refineCJK(s, from, from+len(tt.chosen), dec, lost, langCounts{}))
		if got != tt.want || lost[0].Chosen != tt.want {
			t.Errorf("%s[% X]%s: chose %q (recorded %q), want %q", tt.before, tt.prefix, tt.after, got, lost[0].Chosen, tt.want)
		}
		if n := len(lost[0].Alternatives); n == 0 || n > maxAlternatives {
			t.Errorf("%s[% X]%s: plan lists %d alternatives, want 1 to %d", tt.before, tt.prefix, tt.after, n, maxAlternatives)
		}
		for i := 1; i < len(lost[0].Alternatives); i++ {
			if lost[0].Alternatives[i].Score > lost[0].Alternatives[i-1].Score {
				t.Errorf("%s[% X]%s: alternatives not best first", tt.before, tt.prefix, tt.after)
				break
			}
		}
		if tt.want != "\uFFFD" && tt.want != tt.chosen && lost[0].Alternatives[0].Text != tt.want {
			t.Errorf("%s[% X]%s: best alternative %q, chose %q", tt.before, tt.prefix, tt.after, lost[0].Alternatives[0].Text, tt.want)
		}
	}
}

// TestRefineCJKBeforeBreak: Shift_JIS reads the last byte of す (E3 81
// 99) as a lead, and a space cannot trail it, so "使われます (SMTP" lost it
// to U+FFFD; any of E3 81 80–A0 could have stood there. Before a space
// and a mark a run of Japanese stops on ます, and ませ goes on to ん: the
// neighbour after it is langstats.ASCIIBreak. An ASCII word after the
// space is no neighbour, and leaves the same loss unknown.
func TestRefineCJKBeforeBreak(t *testing.T) {
	var alts []Scored
	for _, a := range cjkCompletions([]byte{0xE3, 0x81}, 3) {
		if a.Text[2] <= 0xA0 {
			alts = append(alts, a)
		}
	}
	for _, tt := range []struct{ after, want string }{
		{" (SMTP", "す"},
		{")。", "す"},
		{" SMTP", "\uFFFD"},
	} {
		before := "使われま"
		s := before + "\uFFFD" + tt.after
		lost := []Inferred{{Chosen: "\uFFFD", Alternatives: slices.Clone(alts)}}
		got := string(refineCJK(s, len(before), len(before)+len("\uFFFD"), []byte("\uFFFD"), lost, langCounts{}))
		if got != tt.want {
			t.Errorf("%s[E3 81 ?]%s: chose %q, want %q", before, tt.after, got, tt.want)
		}
	}
}

// TestDroppableTails: a tail GBK dropped byte by byte is one whose bytes
// each begin no pair with the byte after them.
func TestDroppableTails(t *testing.T) {
	has := func(alts []Scored, want string) bool {
		for _, a := range alts {
			if a.Text == want {
				return true
			}
		}
		return false
	}
	// At the end of a line: 。 (E3 80 82) loses 80, which GBK never reads
	// as a lead, then 82, with nothing after it; る (E3 82 8B) keeps
	// 82 8B, which GBK reads as a pair.
	atEnd := gbkWrong.droppableTails(cjkCompletions([]byte{0xE3}, 3), 1, -1)
	if !has(atEnd, "。") || !has(atEnd, "、") || has(atEnd, "る") {
		t.Errorf("tails dropped at the end of a line: %v, want 。 and 、, not る", atEnd)
	}
	// Before another kana's lead E3, 82 E3 is a pair: 。 was not lost so.
	before := gbkWrong.droppableTails(cjkCompletions([]byte{0xE3}, 3), 1, 0xE3)
	if has(before, "。") {
		t.Errorf("tails dropped before E3: %v, want no 。", before)
	}
	// Before an ASCII space, which trails no GBK lead, 。 was.
	beforeSpace := gbkWrong.droppableTails(cjkCompletions([]byte{0xE3}, 3), 1, ' ')
	if !has(beforeSpace, "。") {
		t.Errorf("tails dropped before a space: %v, want 。", beforeSpace)
	}
}

// TestCJKNeighbours: the neighbours a lost CJK character is scored
// against. Chinese written with spaces between its words ("是 一个 字符串",
// as some translations are) keeps its characters' associations across a
// single space; an ASCII word beside the character is one neighbour.
func TestCJKNeighbours(t *testing.T) {
	tests := []struct {
		before, after     string
		prev, next, next2 rune
	}{
		{"是 ", " 字符串", '是', '字', 0},
		{"返回", "个", '回', '个', 0},
		{"OS ", "ツール", langstats.ASCIIWord, 'ツ', 'ー'},
		{"gcc", " 字", langstats.ASCIIWord, '字', 0},
		{"る ", "", 'る', langstats.LineEnd, 0},
		{"a ", " b", langstats.ASCIIWord, ' ', 'b'},
		{"ま", " (SMTP", 'ま', langstats.ASCIIBreak, 0},
		{"ま", ")。", 'ま', langstats.ASCIIBreak, 0},
	}
	for _, tt := range tests {
		s := tt.before + "涓" + tt.after
		from := len(tt.before)
		_, prev, next, next2 := cjkNeighbours(s, from, from+len("涓"), []byte("\uFFFD"), 0, len("\uFFFD"))
		if prev != tt.prev || next != tt.next || next2 != tt.next2 {
			t.Errorf("cjkNeighbours(%q ? %q) = %q, %q, %q; want %q, %q, %q", tt.before, tt.after, prev, next, next2, tt.prev, tt.next, tt.next2)
		}
	}
}

// TestLostRankingChoosesAsSorted holds chooseLost, which reads
// the best two candidates without sorting them, to the rules it stands
// for, read off the sorted alternatives: the best candidate, or U+FFFD
// where inference is off, nothing is left, a CJK character does not
// stand out by 2 bits, or symbols of one block are alike; and the
// alternatives trimmed for a choice that is no CJK character.
func TestLostRankingChoosesAsSorted(t *testing.T) {
	prefixes := [][]byte{{0xE4, 0xB8}, {0xE7}, {0xE3, 0x81}, {0xE3, 0x80}, {0xEC, 0x8A}, {0xE2, 0x80}, {0xF0, 0x9F, 0x93}, {0xEF, 0xB8}, {0xC3}, {0xD0}, {0xCE}, {0xE2, 0x9A}}
	contexts := []rune{0, 'a', 'Z', ' ', '.', '中', 'の', 'ア', '가', '“', '«', '⚠', 'é', 'д'}
	opens := []rune{0, '“', '«'}
	checked, cjkTies := 0, 0
	// Each prefix's 64 candidates in order and reversed, and in pairs and
	// threes, where the best two may come in either order.
	var lists [][][]byte
	for _, prefix := range prefixes {
		var cands [][]byte
		for x := 0x80; x <= 0xBF; x++ {
			cands = append(cands, append(append([]byte(nil), prefix...), byte(x)))
		}
		reversed := slices.Clone(cands)
		slices.Reverse(reversed)
		lists = append(lists, cands, reversed)
		for k := 0; k+3 <= len(cands); k += 3 {
			lists = append(lists, cands[k:k+2], []([]byte){cands[k+1], cands[k]}, []([]byte){cands[k+2], cands[k], cands[k+1]})
		}
	}
	for _, cands := range lists {
		prefix := cands[0][:len(cands[0])-1]
		for _, before := range contexts {
			for _, after := range contexts {
				for _, open := range opens {
					for _, infer := range []bool{true, false} {
						var lr lostRanking
						got := lr.rank(cands, before, after, open, infer)
						_, _, vs16 := scoreLost(nil, nil, cands, before, after, open)
						alts := lr.alternatives()
						want, trim := "\uFFFD", false
						if infer && len(alts) > 0 {
							best := alts[0]
							r, _ := utf8.DecodeRuneInString(best.Text)
							c := plausible.ClassOf(r)
							switch {
							case (c == plausible.Han || c == plausible.Kana || c == plausible.Hangul) && len(alts) > 1 && best.Score-alts[1].Score < 2:
								cjkTies++
							case (vs16 || len(alts) > 1 && alts[1].Score > best.Score-symbolMargin) && plausible.Unranked(r):
								trim = true
							default:
								want, trim = best.Text, !isCJKRune(r)
							}
						}
						if got != want || lr.trim != trim {
							t.Fatalf("% X[..] between %q and %q, open %q, infer %v: chose %q (trim %v), the sorted alternatives say %q (trim %v): %v",
								prefix, before, after, open, infer, got, lr.trim, want, trim, alts[:min(len(alts), 3)])
						}
						checked++
					}
				}
			}
		}
	}
	if cjkTies == 0 {
		t.Error("no CJK candidates tied: the test tests less than it says")
	}
	t.Logf("%d choices checked, %d CJK ties", checked, cjkTies)
}

package repair

import "testing"

// TestRefineCJKLanguage: a lost character is priced by the writing of
// its island, told by the characters the island kept (islandLanguage).
func TestRefineCJKLanguage(t *testing.T) {
	tests := []struct {
		before, after string // the rest of the island
		// The lost character's surviving bytes: a lead and a last byte
		// (its middle byte lost) or, with last false, a lead and a middle
		// byte.
		lead, b byte
		last    bool
		want    string
		line    string // the islands kept before it in the line
	}{
		// 状況 is a word of Japanese and traditional Chinese; 为 (and 这,
		// 个) make the line simplified Chinese, which writes 状态.
		{"命令的退出状", "为零。", 0xE6, 0x81, true, "态", ""},
		{"这个文件的状", "", 0xE6, 0x81, true, "态", ""},
		// In Japanese 状況 stands.
		{"現在の状", "を確認する。", 0xE6, 0x81, true, "況", ""},
		// Chinese writes no kana: "。" (E3 80 82), not "あ" (E3 81 82).
		{"作为选项的结束", "", 0xE3, 0x82, true, "。", ""},
		{"啟動選項的結束", "", 0xE3, 0x82, true, "。", ""},
		// Where only kana are left, none is put back in Chinese, though
		// ね pairs with 束 in Japanese.
		{"作为选项的结束", "", 0xE3, 0x81, false, "\uFFFD", ""},
		// An island that tells no writing (命令的状 are all in JIS X 0208
		// too) is priced as before, and 況 wins by its Japanese class,
		// unless the islands kept before it in the line tell one: 进, 换.
		{"命令的状", "", 0xE6, 0x81, true, "況", ""},
		{"命令的状", "", 0xE6, 0x81, true, "态", "进行替换"},
	}
	for _, tt := range tests {
		var alts []Scored
		if tt.last {
			alts = cjkMiddles(tt.lead, tt.b, 0x80, 0xBF)
		} else {
			alts = cjkCompletions([]byte{tt.lead, tt.b}, 3)
		}
		s := tt.before + "\uFFFD" + tt.after
		lost := []Inferred{{Chosen: "\uFFFD", Offset: len(tt.before), Alternatives: alts}}
		var line langCounts
		line.addIsland([]byte(tt.line), nil)
		got := string(refineCJK(s, 0, len(s), []byte(s), lost, line))
		if want := tt.before + tt.want + tt.after; got != want {
			t.Errorf("%s[%X %X %v]%s: got %q, want %q", tt.before, tt.lead, tt.b, tt.last, tt.after, got, want)
		}
	}
}

func TestIslandLanguage(t *testing.T) {
	tests := []struct {
		text string
		want cjkLang
	}{
		{"如果没有进行命令替换", cjkLangHans},
		{"如果沒有啟動檔案", cjkLangHant},
		{"このファイルは", cjkLangJa},
		{"파일을 읽습니다", cjkLangKo},
		{"命令", cjkLangUnknown},      // in GB2312, Big5 and JIS X 0208
		{"进行檔案", cjkLangUnknown},    // both scripts
		{"ファイル 파일", cjkLangUnknown}, // kana and Hangul
		{"状況を確認する", cjkLangJa},      // kana
		{"値の処理", cjkLangJa},         // kanji only JIS X 0208 holds
		{"認証付", cjkLangUnknown},     // 証 is in Big5 and JIS X 0208
	}
	for _, tt := range tests {
		if got := islandLanguage([]byte(tt.text), nil); got != tt.want {
			t.Errorf("islandLanguage(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
	// A lost character's first choice tells nothing: 況 was chosen by
	// its frequency over all writings.
	dec := []byte("状況为")
	lost := []Inferred{{Chosen: "況", Offset: len("状")}}
	if got := islandLanguage(dec, lost); got != cjkLangHans {
		t.Errorf("islandLanguage(状[況]为) = %d, want %d (simplified)", got, cjkLangHans)
	}
}

package moji

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/ascii"
	"github.com/mojitext/moji/internal/codec"
)

// TestDictionaryLinesUnchanged holds moji to its first principle on text
// nobody wrote and no statistic saw: lines of words from the hunspell
// dictionaries Debian installs (26 languages), in lower case, capitals and
// sentence case, with quotation marks, dashes and NBSPs around some
// words, must come back unchanged. bench/wordlines builds the larger sets
// this test samples; the dictionaries are not part of the repository, so
// the test skips where they are not installed.
func TestDictionaryLinesUnchanged(t *testing.T) {
	const dir = "/usr/share/hunspell"
	langs := []string{"ar", "bg_BG", "cs_CZ", "da_DK", "de_DE", "el_GR", "en_US", "es_ES", "et_EE", "fr_FR",
		"he_IL", "hu_HU", "it_IT", "ko_KR", "lt_LT", "lv_LV", "nl_NL", "pl_PL", "pt_PT", "ro_RO", "ru_RU",
		"sk_SK", "sv_SE", "th_TH", "tr_TR", "uk_UA", "vi_VN"}
	rnd := rand.New(rand.NewPCG(1, 2))
	marks := []string{"“%s”", "«%s»", "„%s“", "%s —", "%s…", "%s,", "(%s)", "%s\u00a0%%", "¿%s?", "%s:"}
	tested := 0
	for _, lang := range langs {
		words, err := dictionaryWords(filepath.Join(dir, lang))
		if err != nil {
			continue
		}
		var accented []string
		for _, w := range words {
			if !ascii.Is(w) {
				accented = append(accented, w)
			}
		}
		if len(accented) == 0 {
			continue
		}
		for k := range 40 {
			n := 3 + rnd.IntN(6)
			ws := make([]string, n)
			for i := range ws {
				pool := words
				if rnd.IntN(10) < 6 {
					pool = accented
				}
				ws[i] = pool[rnd.IntN(len(pool))]
				if rnd.IntN(10) < 3 {
					ws[i] = strings.Replace(marks[rnd.IntN(len(marks))], "%s", ws[i], 1)
					ws[i] = strings.ReplaceAll(ws[i], "%%", "%")
				}
			}
			line := strings.Join(ws, " ")
			switch k % 3 {
			case 1:
				line = strings.ToUpper(line)
			case 2:
				r, size := utf8.DecodeRuneInString(line)
				line = strings.ToUpper(string(r)) + line[size:] + "."
			}
			if got := Default.FixString(line); got != line {
				t.Errorf("%s: Fix(%q)\n  = %q, want it unchanged", lang, line, got)
			}
			tested++
		}
	}
	if tested == 0 {
		t.Skipf("no hunspell dictionaries under %s", dir)
	}
	t.Logf("%d lines of dictionary words unchanged", tested)
}

// dictionaryWords reads the stems of a hunspell dictionary (path without
// extension), decoded with the charset its .aff file names.
func dictionaryWords(path string) ([]string, error) {
	aff, err := os.ReadFile(path + ".aff")
	if err != nil {
		return nil, err
	}
	dic, err := os.ReadFile(path + ".dic")
	if err != nil {
		return nil, err
	}
	charset := "iso-8859-1" // hunspell's default, for a file that is no UTF-8
	if utf8.Valid(dic) {
		charset = "utf-8" // the Arabic dictionary names none
	}
	sc := bufio.NewScanner(bytes.NewReader(aff))
	for sc.Scan() {
		if set, ok := strings.CutPrefix(sc.Text(), "SET "); ok {
			charset = strings.ToLower(strings.Replace(strings.TrimSpace(set), "ISO8859", "ISO-8859", 1))
			break
		}
	}
	text := string(dic)
	if charset != "utf-8" {
		cs, ok := codec.ByName(charset)
		if !ok {
			return nil, os.ErrNotExist
		}
		if text, ok = codec.DecodeString(cs, dic, codec.ReplaceFFFD); !ok {
			return nil, os.ErrInvalid
		}
	}
	var words []string
	for i, line := range strings.Split(text, "\n") {
		w, _, _ := strings.Cut(line, "/")
		w = strings.TrimSpace(w)
		if i == 0 || w == "" || strings.ContainsAny(w, "\t ") || !utf8.ValidString(w) {
			continue // the first line is the word count
		}
		words = append(words, w)
	}
	return words, nil
}

// Copyright 2025 The moji Authors. All rights reserved.

//go:build ignore

// This program generates ../../langstats/tables.go from the committed count
// files in data/ (see README.md). It needs nothing but Go and those files.
//
// Usage (run by go generate in internal/langstats):
//
//	go run ../gen/langstats/main.go -data ../gen/langstats/data -out tables.go
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	dataDir     = flag.String("data", "data", "directory holding the count files")
	outFile     = flag.String("out", "tables.go", "output file")
	pairsFile   = flag.String("pairs", "pairs_table.go", "output file for the CJK pair table")
	triplesFile = flag.String("triples", "triples_table.go", "output file for the CJK triple table")
	quadsFile   = flag.String("quads", "quads_table.go", "output file for the runs of four letters")
	wordsFile   = flag.String("words", "words_table.go", "output file for the word counts")
	kanaFile    = flag.String("katakana", "katakana_table.go", "output file for the katakana words")
	hanFile     = flag.String("hanwords", "hanwords_table.go", "output file for the two-character Han words")
)

// Class scale: a character with relative frequency p gets class
// round(classOffset + log2 p), clamped to 1..15. With classOffset 22 a
// character making up 2^-7 (0.8%) of text or more is class 15 and one seen
// once in 2^21 characters is class 1.
const classOffset = 22

// Quantization of bigram costs: costs are stored in units of 1/costScale bit
// and capped at maxCost, the bounded penalty for an unseen bigram.
const (
	costScale = 8
	maxCost   = 16 * costScale
)

// CJK table ranges; must match internal/langstats.
var cjkRanges = []struct {
	name   string
	lo, hi rune // inclusive
}{
	{"punct", 0x3000, 0x30FF},
	{"han", 0x4E00, 0x9FFF},
	{"hangul", 0xAC00, 0xD7A3},
	{"full", 0xFF01, 0xFF9F},
}

// Rune spans covered by the alphabet index of each script.
var scriptSpans = map[string][][2]rune{
	"Latin":    {{0x0000, 0x0250}, {0x1E00, 0x1F00}},
	"Cyrillic": {{0x0400, 0x0530}},
	"Greek":    {{0x0370, 0x0400}},
	"Hebrew":   {{0x0590, 0x0600}},
	"Arabic":   {{0x0600, 0x0700}},
	"Thai":     {{0x0E00, 0x0E80}},
}

// fold mirrors derive_bigrams.py's canon: lower case, then final sigma as
// sigma and Romanian comma-below letters as their cedilla forms.
func fold(r rune) rune {
	r = unicode.ToLower(r)
	switch r {
	case 'ς':
		return 'σ'
	case 'ș':
		return 'ş'
	case 'ț':
		return 'ţ'
	}
	return r
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("langstats gen: ")
	flag.Parse()

	var b bytes.Buffer
	writeHeader(&b)

	floors := readLevels(filepath.Join(*dataDir, "levels.txt"))
	for _, l := range []struct{ lang, ident string }{
		{"zh-hans", "zhHansTable"}, {"zh-hant", "zhHantTable"}, {"ja", "japaneseTable"}, {"ko", "koreanTable"},
	} {
		genCJK(&b, l.lang, l.ident, floors[l.lang])
	}

	files, err := filepath.Glob(filepath.Join(*dataDir, "bigram-*.txt"))
	if err != nil {
		log.Fatal(err)
	}
	sort.Strings(files)
	var idents []string
	var quads, words bytes.Buffer
	writeHeader(&quads)
	writeHeader(&words)
	for _, f := range files {
		idents = append(idents, genModel(&b, &quads, &words, f))
	}
	b.WriteString("// Models lists every language model, ordered by language code.\n")
	b.WriteString("var Models = []*Model{\n")
	for _, id := range idents {
		fmt.Fprintf(&b, "\t%s,\n", id)
	}
	b.WriteString("}\n")

	writeSource(*outFile, b.Bytes())
	writeSource(*quadsFile, quads.Bytes())
	writeSource(*wordsFile, words.Bytes())
	genPairs(filepath.Join(*dataDir, "pairs-cjk.txt"), *pairsFile)
	genTriples(filepath.Join(*dataDir, "triples-cjk.txt"), *triplesFile)
	genKatakana(filepath.Join(*dataDir, "katakana-ja.txt"), *kanaFile)
	genHanWords(filepath.Join(*dataDir, "hanwords.txt"), *hanFile)
	copyLexicons(*dataDir, filepath.Dir(*outFile))
}

// copyLexicons copies the Bloom filters of word forms that
// derive_lexicon.py writes (data/lexicon-<lang>.bin, its docstring has
// the format) into the package, which embeds them: binary data has no
// room for a header, and the copy keeps data/ the one source, as the
// generated tables do.
func copyLexicons(dataDir, pkgDir string) {
	files, err := filepath.Glob(filepath.Join(dataDir, "lexicon-*.bin"))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		if len(b) < 16 || string(b[:8]) != "MOJILEX1" {
			log.Fatalf("%s: not a lexicon", f)
		}
		if err := os.WriteFile(filepath.Join(pkgDir, filepath.Base(f)), b, 0o666); err != nil {
			log.Fatal(err)
		}
	}
}

// genHanWords writes the two-character Han words as one string of their
// UTF-8 encodings, six bytes each (both ideographs are in U+4E00–U+9FFF),
// sorted, twenty to a line: a binary search needs no table built at init.
func genHanWords(path, out string) {
	var words []string
	eachLine(path, func(w string) {
		rs := []rune(w)
		if len(rs) != 2 || rs[0] < 0x4E00 || rs[0] > 0x9FFF || rs[1] < 0x4E00 || rs[1] > 0x9FFF {
			log.Fatalf("%s: %q is not two ideographs of U+4E00–U+9FFF", path, w)
		}
		words = append(words, w)
	})
	sort.Strings(words)
	var b bytes.Buffer
	writeHeader(&b)
	fmt.Fprintf(&b, "// hanWords holds the %d words of data/hanwords.txt, six bytes each, sorted.\nconst hanWords = \"\" +", len(words))
	for i, w := range words {
		if i > 0 && w == words[i-1] {
			log.Fatalf("%s: duplicate word %q", path, w)
		}
		if i%20 == 0 {
			if i > 0 {
				b.WriteString("\" +")
			}
			b.WriteString("\n\t\"")
		}
		b.WriteString(w)
	}
	b.WriteString("\"\n")
	writeSource(out, b.Bytes())
}

// genKatakana writes the katakana words as a sorted array of strings,
// eight to a line.
func genKatakana(path, out string) {
	var words []string
	eachLine(path, func(w string) {
		n := 0
		for _, r := range w {
			if !(r >= 0x30A1 && r <= 0x30FA || r == 0x30FC) {
				log.Fatalf("%s: %q is not all katakana", path, w)
			}
			n++
		}
		if n < 2 || n > maxKatakanaWord {
			log.Fatalf("%s: %q is not %d to %d letters", path, w, 2, maxKatakanaWord)
		}
		words = append(words, w)
	})
	sort.Strings(words)
	var b bytes.Buffer
	writeHeader(&b)
	fmt.Fprintf(&b, "// maxKatakanaWord is the most letters a word of katakanaWords has.\nconst maxKatakanaWord = %d\n\n", maxKatakanaWord)
	fmt.Fprintf(&b, "// katakanaWords holds the %d words of data/katakana-ja.txt, sorted.\nvar katakanaWords = [...]string{", len(words))
	for i, w := range words {
		if i > 0 && w == words[i-1] {
			log.Fatalf("%s: duplicate word %q", path, w)
		}
		if i%8 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%q, ", w)
	}
	b.WriteString("\n}\n")
	writeSource(out, b.Bytes())
}

// maxKatakanaWord is the most letters a katakana word may have.
const maxKatakanaWord = 20

// genTriples writes the CJK triple table as genPairs writes the pairs:
// each triple's three runes (all in the Basic Multilingual Plane) as 6
// big-endian bytes, sorted, in one string, and its interaction in
// 1/pairScale bit, one byte each, in another.
func genTriples(path, out string) {
	type triple struct {
		key [6]byte
		i3  uint8
	}
	var triples []triple
	eachLine(path, func(line string) {
		k, v, ok := strings.Cut(line, " ")
		rs := []rune(k)
		if !ok || len(rs) != 3 || rs[0] > 0xFFFF || rs[1] > 0xFFFF || rs[2] > 0xFFFF {
			log.Fatalf("%s: bad line %q", path, line)
		}
		tenths, err := strconv.Atoi(v)
		if err != nil || tenths < 0 {
			log.Fatalf("%s: bad interaction in %q", path, line)
		}
		var t triple
		for i, r := range rs {
			t.key[2*i], t.key[2*i+1] = byte(r>>8), byte(r)
		}
		t.i3 = uint8(min(255, int(math.Round(float64(tenths)/10*pairScale))))
		triples = append(triples, t)
	})
	sort.Slice(triples, func(i, j int) bool { return bytes.Compare(triples[i].key[:], triples[j].key[:]) < 0 })
	keys := make([]byte, 0, 6*len(triples))
	i3s := make([]byte, 0, len(triples))
	for i, t := range triples {
		if i > 0 && t.key == triples[i-1].key {
			log.Fatalf("%s: duplicate triple % x", path, t.key)
		}
		keys = append(keys, t.key[:]...)
		i3s = append(i3s, t.i3)
	}
	var b bytes.Buffer
	writeHeader(&b)
	fmt.Fprintf(&b, "// tripleKeys holds the %d triples of data/triples-cjk.txt, 6 bytes each.\nconst tripleKeys = ", len(triples))
	writeString(&b, keys)
	b.WriteString("\n\n// tripleI3 holds each triple's interaction in 1/pairScale bit.\nconst tripleI3 = ")
	writeString(&b, i3s)
	b.WriteString("\n")
	writeSource(out, b.Bytes())
}

// genPairs writes the CJK pair table: the pairs' keys (first rune << 16 |
// second rune, both in the Basic Multilingual Plane) as sorted big-endian
// uint32s in one string, and their pmi in quarter bits, one byte each, in
// another, so that a lookup is a binary search with no allocation.
func genPairs(path, out string) {
	type pair struct {
		key uint32
		pmi uint8
	}
	var pairs []pair
	eachLine(path, func(line string) {
		k, v, ok := strings.Cut(line, " ")
		rs := []rune(k)
		if !ok || len(rs) != 2 || rs[0] > 0xFFFF || rs[1] > 0xFFFF {
			log.Fatalf("%s: bad line %q", path, line)
		}
		tenths, err := strconv.Atoi(v)
		if err != nil || tenths < 0 {
			log.Fatalf("%s: bad pmi in %q", path, line)
		}
		q := min(255, int(math.Round(float64(tenths)/10*pairScale)))
		pairs = append(pairs, pair{uint32(rs[0])<<16 | uint32(rs[1]), uint8(q)})
	})
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].key < pairs[j].key })
	keys := make([]byte, 0, 4*len(pairs))
	pmis := make([]byte, 0, len(pairs))
	for i, p := range pairs {
		if i > 0 && p.key == pairs[i-1].key {
			log.Fatalf("%s: duplicate pair %U %U", path, rune(p.key>>16), rune(p.key&0xFFFF))
		}
		keys = append(keys, byte(p.key>>24), byte(p.key>>16), byte(p.key>>8), byte(p.key))
		pmis = append(pmis, p.pmi)
	}
	var b bytes.Buffer
	writeHeader(&b)
	fmt.Fprintf(&b, "// pairScale is the number of pmi steps per bit in pairPMI.\nconst pairScale = %d\n\n", pairScale)
	fmt.Fprintf(&b, "// pairKeys holds the %d pairs of data/pairs-cjk.txt, 4 bytes each.\nconst pairKeys = ", len(pairs))
	writeString(&b, keys)
	b.WriteString("\n\n// pairPMI holds each pair's pmi in 1/pairScale bit.\nconst pairPMI = ")
	writeString(&b, pmis)
	b.WriteString("\n")
	writeSource(out, b.Bytes())
}

// writeHeader starts a generated file of package langstats.
func writeHeader(b *bytes.Buffer) {
	b.WriteString("// Code generated by internal/gen/langstats/main.go from internal/gen/langstats/data; DO NOT EDIT.\n\n")
	b.WriteString("package langstats\n\n")
}

// writeSource formats src as Go and writes it to out.
func writeSource(out string, src []byte) {
	src, err := format.Source(src)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(out, src, 0o666); err != nil {
		log.Fatal(err)
	}
}

// pairScale is the number of stored pmi steps per bit.
const pairScale = 4

// readLevels returns, per language, the floor class of each character listed
// in levels.txt.
func readLevels(path string) map[string]map[rune]uint8 {
	out := map[string]map[rune]uint8{}
	var lang string
	var floor uint8
	eachLine(path, func(line string) {
		if strings.HasPrefix(line, "set ") {
			f := strings.Fields(line)
			if len(f) < 4 {
				log.Fatalf("%s: bad set line %q", path, line)
			}
			lang = f[2]
			n, err := strconv.Atoi(f[3])
			if err != nil {
				log.Fatalf("%s: %v", path, err)
			}
			floor = uint8(n)
			if out[lang] == nil {
				out[lang] = map[rune]uint8{}
			}
			return
		}
		for _, r := range line {
			out[lang][r] = max(out[lang][r], floor)
		}
	})
	return out
}

func genCJK(b *bytes.Buffer, lang, ident string, floor map[rune]uint8) {
	path := filepath.Join(*dataDir, "chars-"+lang+".txt")
	counts := map[rune]float64{}
	eachLine(path, func(line string) {
		r, size := utf8.DecodeRuneInString(line)
		n, err := strconv.ParseFloat(strings.TrimSpace(line[size:]), 64)
		if err != nil || r == utf8.RuneError {
			log.Fatalf("%s: bad line %q", path, line)
		}
		counts[r] += n
	})
	class := func(r rune) uint8 {
		c := uint8(0)
		if n := counts[r]; n > 0 {
			c = uint8(min(15, max(1, math.Round(classOffset+math.Log2(n/1e9)))))
		}
		return max(c, floor[r])
	}
	fmt.Fprintf(b, "// %s holds the frequency classes of %s, from %s.\n", ident, lang, filepath.Base(path))
	fmt.Fprintf(b, "var %s = cjkTable{\n", ident)
	for _, rg := range cjkRanges {
		buf := make([]byte, rg.hi-rg.lo+1)
		any := false
		for r := rg.lo; r <= rg.hi; r++ {
			c := class(r)
			any = any || c > 0
			buf[r-rg.lo] = '0' + c
		}
		if !any {
			continue // an empty table reads as class 0 everywhere
		}
		fmt.Fprintf(b, "\t%s: ", rg.name)
		writeString(b, buf)
		b.WriteString(",\n")
	}
	b.WriteString("}\n\n")
}

// quadBase is added to every byte of the runs' tables, letter indexes
// and tenths of a bit alike, so that the generated strings are printable
// and the file a quarter of the size it would be in escapes; it must
// match internal/langstats.
const quadBase = 0x20

// genQuads reads the runs of four letters of one language (see
// derive_quads.py) into q as the model's two strings: the runs' letter
// indexes (pos, 0 the word boundary), 4 bytes each, sorted, and their
// interaction in tenths of a bit, capped at 9.4 bits (17 of the 148,000
// runs are above), one byte each, all plus quadBase. It returns the names
// of the two strings, or "" when the language has no such file.
func genQuads(q *bytes.Buffer, path, ident string, pos map[rune]int) (keysName, valsName string) {
	if _, err := os.Stat(path); err != nil {
		return "", ""
	}
	type quad struct {
		key [4]byte
		i4  uint8
	}
	var quads []quad
	eachLine(path, func(line string) {
		k, v, ok := strings.Cut(line, " ")
		rs := []rune(k)
		tenths, err := strconv.Atoi(v)
		if !ok || len(rs) != 4 || err != nil || tenths < 0 || tenths > 255 {
			log.Fatalf("%s: bad line %q", path, line)
		}
		var t quad
		for i, r := range rs {
			p, ok := pos[r]
			if !ok {
				log.Fatalf("%s: %q not in alphabet", path, r)
			}
			if p > 0x7E-quadBase {
				log.Fatalf("%s: alphabet too large for printable runs", path)
			}
			t.key[i] = byte(p + quadBase)
		}
		t.i4 = uint8(min(tenths, 0x7E-quadBase) + quadBase)
		quads = append(quads, t)
	})
	sort.Slice(quads, func(i, j int) bool { return bytes.Compare(quads[i].key[:], quads[j].key[:]) < 0 })
	keys := make([]byte, 0, 4*len(quads))
	vals := make([]byte, 0, len(quads))
	for i, t := range quads {
		if i > 0 && t.key == quads[i-1].key {
			log.Fatalf("%s: duplicate run % x", path, t.key)
		}
		keys = append(keys, t.key[:]...)
		vals = append(vals, t.i4)
	}
	keysName, valsName = ident+"QuadKeys", ident+"QuadI4"
	fmt.Fprintf(q, "// %s holds the %d runs of %s as letter indexes plus quadBase, 4 bytes each.\nconst %s = ", keysName, len(quads), filepath.Base(path), keysName)
	writeString(q, keys)
	fmt.Fprintf(q, "\n\n// %s holds each run's interaction in tenths of a bit plus quadBase.\nconst %s = ", valsName, valsName)
	writeString(q, vals)
	q.WriteString("\n\n")
	return keysName, valsName
}

// maxWordLength is the length from which derive_words.py counts words
// together; it must match internal/langstats.
const maxWordLength = 8

// genWords reads the word counts of one language (see derive_words.py)
// into wb: the listed words as letter indexes plus quadBase, each after
// a byte of its length plus quadBase, sorted; their counts, two bytes
// each, big-endian; and per length the tokens and distinct words of the
// sample. Words with a letter outside the alphabet are left out: the
// bigram model prices them as foreign, and no reading is chosen by them.
// It returns the names of the three values, or "" when the language has
// no file or no word listed.
func genWords(wb *bytes.Buffer, path, ident string, pos map[rune]int) (keysName, countsName, lengthsName string) {
	if _, err := os.Stat(path); err != nil {
		return "", "", ""
	}
	var lengths [maxWordLength][2]int
	eachComment(path, func(key, val string) {
		if key != "lengths" {
			return
		}
		for _, f := range strings.Fields(val) {
			var n, tokens, types int
			if _, err := fmt.Sscanf(f, "%d:%d:%d", &n, &tokens, &types); err != nil || n < 1 || n > maxWordLength {
				log.Fatalf("%s: bad lengths %q", path, val)
			}
			lengths[n-1] = [2]int{tokens, types}
		}
	})
	type word struct {
		key   []byte
		count int
	}
	var words []word
	eachLine(path, func(line string) {
		w, v, ok := strings.Cut(line, " ")
		n, err := strconv.Atoi(v)
		if !ok || err != nil || n < 1 || n > 0xFFFF {
			log.Fatalf("%s: bad line %q", path, line)
		}
		rs := []rune(w)
		if len(rs) > 0x7E-quadBase {
			return
		}
		key := []byte{byte(len(rs) + quadBase)}
		for _, r := range rs {
			p, ok := pos[r]
			if !ok || p == 0 {
				return
			}
			key = append(key, byte(p+quadBase))
		}
		words = append(words, word{key, n})
	})
	if len(words) == 0 {
		return "", "", ""
	}
	sort.Slice(words, func(i, j int) bool { return bytes.Compare(words[i].key, words[j].key) < 0 })
	var keys, counts []byte
	for i, w := range words {
		if i > 0 && bytes.Equal(w.key, words[i-1].key) {
			log.Fatalf("%s: duplicate word % x", path, w.key)
		}
		keys = append(keys, w.key...)
		counts = append(counts, byte(w.count>>8), byte(w.count))
	}
	keysName, countsName, lengthsName = ident+"WordKeys", ident+"WordCounts", ident+"WordLengths"
	fmt.Fprintf(wb, "// %s holds the %d words of %s, each its length then its letter indexes, plus quadBase.\nconst %s = ", keysName, len(words), filepath.Base(path), keysName)
	writeString(wb, keys)
	fmt.Fprintf(wb, "\n\n// %s holds each word's count, two bytes, big-endian.\nconst %s = ", countsName, countsName)
	writeString(wb, counts)
	fmt.Fprintf(wb, "\n\n// %s holds the sample's tokens and distinct words by length.\nvar %s = &[maxWordLength][2]int32{", lengthsName, lengthsName)
	for i, l := range lengths {
		if i > 0 {
			wb.WriteString(", ")
		}
		fmt.Fprintf(wb, "{%d, %d}", l[0], l[1])
	}
	wb.WriteString("}\n\n")
	return keysName, countsName, lengthsName
}

func genModel(b, q, wb *bytes.Buffer, path string) string {
	var lang, script string
	var alpha []rune
	type pair struct{ a, b rune }
	counts := map[pair]float64{}
	eachComment(path, func(key, val string) {
		switch key {
		case "lang":
			lang = val
		case "script":
			script = val
		case "alphabet":
			alpha = []rune(val)
		}
	})
	if lang == "" || scriptSpans[script] == nil || len(alpha) == 0 || len(alpha) > 254 {
		log.Fatalf("%s: bad header (lang %q, script %q, %d letters)", path, lang, script, len(alpha))
	}
	pos := map[rune]int{'_': 0}
	for i, r := range alpha {
		if fold(r) != r {
			log.Fatalf("%s: alphabet letter %q is not folded", path, r)
		}
		pos[r] = i + 1
	}
	eachLine(path, func(line string) {
		f := strings.Fields(line)
		rs := []rune(f[0])
		n, err := strconv.ParseFloat(f[len(f)-1], 64)
		if len(f) != 2 || len(rs) != 2 || err != nil {
			log.Fatalf("%s: bad line %q", path, line)
		}
		if _, ok := pos[rs[0]]; !ok {
			log.Fatalf("%s: %q not in alphabet", path, rs[0])
		}
		if _, ok := pos[rs[1]]; !ok {
			log.Fatalf("%s: %q not in alphabet", path, rs[1])
		}
		counts[pair{rs[0], rs[1]}] += n
	})

	// Witten-Bell smoothing: P(b|a) = (c(a,b) + T(a) P(b)) / (c(a) + T(a)),
	// where T(a) is the number of distinct letters seen after a and P(b) is
	// the add-one unigram probability of b as a successor. Unseen bigrams
	// cost at most maxCost.
	k := len(alpha) + 1
	sym := append([]rune{'_'}, alpha...)
	uni := make([]float64, k)
	var total float64
	for p, n := range counts {
		uni[pos[p.b]] += n
		total += n
	}
	for i := range uni {
		uni[i] = (uni[i] + 1) / (total + float64(k))
	}
	cost := make([]byte, k*k)
	for i, a := range sym {
		var ca, ta float64
		for _, bb := range sym {
			if n := counts[pair{a, bb}]; n > 0 {
				ca += n
				ta++
			}
		}
		for j, bb := range sym {
			p := uni[j]
			if ca > 0 {
				p = (counts[pair{a, bb}] + ta*uni[j]) / (ca + ta)
			}
			q := math.Round(-math.Log2(p) * costScale)
			cost[i*k+j] = byte(min(maxCost, max(0, q)))
		}
	}

	ident := "model" + strings.ToUpper(lang[:1]) + lang[1:]
	fmt.Fprintf(b, "// %s is the letter-bigram model of %q (%s), from %s.\n", ident, lang, script, filepath.Base(path))
	fmt.Fprintf(b, "var %s = &Model{\n\tLang: %q,\n\tScript: %q,\n\talphabet: %q,\n", ident, lang, script, string(alpha))
	b.WriteString("\tspans: []span{\n")
	for _, sp := range scriptSpans[script] {
		idx := make([]byte, sp[1]-sp[0])
		for r := sp[0]; r < sp[1]; r++ {
			idx[r-sp[0]] = byte(pos[fold(r)]) // 0 when not a letter of the alphabet
			if pos[fold(r)] > 0 && !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) {
				idx[r-sp[0]] = 0
			}
		}
		fmt.Fprintf(b, "\t\t{lo: %#x, idx: ", sp[0])
		writeString(b, idx)
		b.WriteString("},\n")
	}
	b.WriteString("\t},\n")
	fmt.Fprintf(b, "\tk: %d,\n\tcost: ", k)
	writeString(b, cost)
	b.WriteString(",\n")
	if keys, vals := genQuads(q, filepath.Join(filepath.Dir(path), "quads-"+lang+".txt"), ident, pos); keys != "" {
		fmt.Fprintf(b, "\tquadKeys: %s,\n\tquadI4: %s,\n", keys, vals)
	}
	if keys, counts, lengths := genWords(wb, filepath.Join(filepath.Dir(path), "words-"+lang+".txt"), ident, pos); keys != "" {
		fmt.Fprintf(b, "\twordKeys: %s,\n\twordCounts: %s,\n\twordLengths: %s,\n", keys, counts, lengths)
	}
	b.WriteString("}\n\n")
	return ident
}

// writeString writes data as a Go string literal, split into lines of
// concatenated pieces so the generated file stays readable by tools.
func writeString(b *bytes.Buffer, data []byte) {
	const chunk = 64
	if len(data) > chunk {
		b.WriteString("\"\" +\n")
	}
	for i := 0; i < len(data); i += chunk {
		end := min(i+chunk, len(data))
		b.WriteByte('"')
		for _, c := range data[i:end] {
			switch {
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c >= 0x20 && c < 0x7F:
				b.WriteByte(c)
			default:
				fmt.Fprintf(b, "\\x%02x", c)
			}
		}
		b.WriteByte('"')
		if end < len(data) {
			b.WriteString(" +\n")
		}
	}
}

// eachLine calls fn for every non-empty, non-comment line of path.
func eachLine(path string, fn func(string)) {
	scan(path, func(line string) {
		if line != "" && !strings.HasPrefix(line, "#") {
			fn(line)
		}
	})
}

// eachComment calls fn for every "# key: value" header line of path.
func eachComment(path string, fn func(key, val string)) {
	scan(path, func(line string) {
		if rest, ok := strings.CutPrefix(line, "# "); ok {
			if k, v, ok := strings.Cut(rest, ": "); ok && !strings.Contains(k, " ") {
				fn(k, v)
			}
		}
	})
}

func scan(path string, fn func(string)) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	s.Buffer(nil, 1<<20)
	for s.Scan() {
		fn(strings.TrimRight(s.Text(), "\r"))
	}
	if err := s.Err(); err != nil {
		log.Fatal(err)
	}
}

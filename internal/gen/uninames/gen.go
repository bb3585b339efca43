//go:build ignore

// Gen builds the character name table of internal/uninames.
//
// It has two modes. The first derives the committed data file names.txt
// from the Unicode Character Database (Debian package unicode-data),
// keeping only the blocks listed below so that the table stays small:
//
//	go run gen.go -import /usr/share/unicode/UnicodeData.txt -data names.txt
//
// The second, run by go generate in internal/uninames, turns names.txt
// into Go source and needs nothing but Go:
//
//	go run ../gen/uninames/gen.go -data ../gen/uninames/names.txt -out tables.go
//
// names.txt holds "CODE;NAME" lines, or "LO..HI;PREFIX-*" for a range
// whose names are PREFIX-%04X of the code point (CJK ideographs), or
// "LO..HI;HANGUL SYLLABLE *" for the algorithmic Hangul names.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// blocks are the ranges kept: the scripts and symbols mojibake repair
// deals with (Latin, Greek, Cyrillic, Hebrew, Arabic, Thai, punctuation,
// symbols, CJK, kana, Hangul, compatibility forms, common emoji). Braille,
// mathematical operators beyond U+27FF and rarer pictographs are left out
// to keep the table small.
var blocks = [][2]rune{
	{0x0000, 0x052F},   // Basic Latin .. Cyrillic Supplement
	{0x0590, 0x06FF},   // Hebrew, Arabic
	{0x0E00, 0x0E7F},   // Thai
	{0x1E00, 0x1FFF},   // Latin Extended Additional, Greek Extended
	{0x2000, 0x27FF},   // General Punctuation .. Supplemental Arrows-A
	{0x2E00, 0x2E7F},   // Supplemental Punctuation
	{0x3000, 0x30FF},   // CJK Symbols and Punctuation, Hiragana, Katakana
	{0x3130, 0x318F},   // Hangul Compatibility Jamo
	{0x3400, 0x4DBF},   // CJK Extension A (algorithmic)
	{0x4E00, 0x9FFF},   // CJK Unified Ideographs (algorithmic)
	{0xAC00, 0xD7A3},   // Hangul Syllables (algorithmic)
	{0xF900, 0xFAFF},   // CJK Compatibility Ideographs (algorithmic)
	{0xFB00, 0xFB4F},   // Alphabetic Presentation Forms
	{0xFE00, 0xFE0F},   // Variation Selectors
	{0xFE30, 0xFE6F},   // CJK Compatibility Forms, Small Form Variants
	{0xFF00, 0xFFFF},   // Halfwidth and Fullwidth Forms, Specials
	{0x1F300, 0x1F64F}, // Miscellaneous Symbols and Pictographs, Emoticons
	{0x1F900, 0x1F9FF}, // Supplemental Symbols and Pictographs
	{0x20000, 0x323AF}, // CJK Extensions B..H (algorithmic)
}

func kept(r rune) bool {
	for _, b := range blocks {
		if b[0] <= r && r <= b[1] {
			return true
		}
	}
	return false
}

var ucdVersion *string

func main() {
	imp := flag.String("import", "", "UnicodeData.txt to derive the data file from")
	data := flag.String("data", "names.txt", "the derived data file")
	out := flag.String("out", "tables.go", "Go file to generate")
	ucdVersion = flag.String("version", "15.0.0", "Unicode version of the -import file, for the header")
	flag.Parse()
	if *imp != "" {
		if err := importUCD(*imp, *data); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := generate(*data, *out); err != nil {
		log.Fatal(err)
	}
}

type entry struct {
	lo, hi rune
	name   string
}

func importUCD(src, dst string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	var entries []entry
	var first rune
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), ";")
		if len(fields) < 11 {
			continue
		}
		v, err := strconv.ParseUint(fields[0], 16, 32)
		if err != nil {
			return err
		}
		r, name := rune(v), fields[1]
		switch {
		case strings.HasSuffix(name, ", First>"):
			first = r
			continue
		case strings.HasSuffix(name, ", Last>"):
			if !kept(first) {
				continue
			}
			switch {
			case strings.HasPrefix(name, "<CJK Ideograph"):
				entries = append(entries, entry{first, r, "CJK UNIFIED IDEOGRAPH-*"})
			case strings.HasPrefix(name, "<Hangul Syllable"):
				entries = append(entries, entry{first, r, "HANGUL SYLLABLE *"})
			}
			continue
		case name == "<control>":
			name = "<control>"
			if fields[10] != "" {
				name += " " + fields[10]
			}
		}
		if !kept(r) {
			continue
		}
		// Fold "CJK COMPATIBILITY IDEOGRAPH-F900" and its neighbours
		// into one algorithmic range.
		if p, ok := strings.CutSuffix(name, fmt.Sprintf("-%04X", r)); ok {
			name = p + "-*"
			if n := len(entries); n > 0 && entries[n-1].name == name && entries[n-1].hi == r-1 {
				entries[n-1].hi = r
				continue
			}
		}
		entries = append(entries, entry{r, r, name})
	}
	if err := sc.Err(); err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Character names derived from %s (Unicode %s) by gen.go -import.\n", filepath.Base(src), *ucdVersion)
	fmt.Fprintf(&b, "# Unicode Character Database; see https://www.unicode.org/license.txt\n")
	for _, e := range entries {
		if e.lo == e.hi {
			fmt.Fprintf(&b, "%04X;%s\n", e.lo, e.name)
		} else {
			fmt.Fprintf(&b, "%04X..%04X;%s\n", e.lo, e.hi, e.name)
		}
	}
	return os.WriteFile(dst, b.Bytes(), 0o644)
}

func readData(name string) ([]entry, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var entries []entry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		code, name, ok := strings.Cut(line, ";")
		if !ok {
			return nil, fmt.Errorf("%s: bad line %q", name, line)
		}
		lo, hi, isRange := strings.Cut(code, "..")
		if !isRange {
			hi = lo
		}
		l, err1 := strconv.ParseUint(lo, 16, 32)
		h, err2 := strconv.ParseUint(hi, 16, 32)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bad code in %q", line)
		}
		entries = append(entries, entry{rune(l), rune(h), name})
	}
	return entries, sc.Err()
}

func generate(data, out string) error {
	entries, err := readData(data)
	if err != nil {
		return err
	}
	var (
		names strings.Builder
		runs  bytes.Buffer
		algo  bytes.Buffer
		run   *entry // the run being built: consecutive single names
		off   int
	)
	flush := func() {
		if run != nil {
			fmt.Fprintf(&runs, "{0x%04X, 0x%04X, %d},\n", run.lo, run.hi, off)
			off = names.Len()
			run = nil
		}
	}
	for _, e := range entries {
		if strings.HasSuffix(e.name, "*") {
			flush()
			prefix := strings.TrimSuffix(e.name, "*")
			if prefix == "HANGUL SYLLABLE " {
				prefix = "" // named by its jamo, not its code
			}
			fmt.Fprintf(&algo, "{0x%04X, 0x%04X, %q},\n", e.lo, e.hi, prefix)
			continue
		}
		if run != nil && e.lo != run.hi+1 {
			flush()
		}
		if run == nil {
			run = &entry{lo: e.lo, hi: e.lo}
		}
		run.hi = e.lo
		names.WriteString(e.name)
		names.WriteByte('\n')
	}
	flush()

	var b bytes.Buffer
	b.WriteString("// Code generated by \"go run ../gen/uninames/gen.go\"; DO NOT EDIT.\n\npackage uninames\n\n")
	b.WriteString("// names holds the names of the runs, each ended by '\\n'.\nconst names = \"\" +\n")
	lines := strings.SplitAfter(names.String(), "\n")
	for i := 0; i < len(lines); i += 8 {
		chunk := strings.Join(lines[i:min(i+8, len(lines))], "")
		if chunk == "" {
			continue
		}
		fmt.Fprintf(&b, "\t%q +\n", chunk)
	}
	b.WriteString("\t\"\"\n\n")
	b.WriteString("// runs lists ranges of consecutive named code points and where their\n// names start in names.\nvar runs = [...]nameRun{\n")
	b.Write(runs.Bytes())
	b.WriteString("}\n\n// ranges lists the code points named by a prefix and the code point in\n// hex, and the Hangul syllables (empty prefix: named by their jamo).\nvar ranges = [...]algoRange{\n")
	b.Write(algo.Bytes())
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}

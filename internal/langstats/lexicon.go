package langstats

import (
	_ "embed" // the lexicons
	"encoding/binary"
)

// The lexicons of word forms, one Bloom filter per language, derived by
// internal/gen/langstats/derive_lexicon.py from hunspell's stems and affix
// rules and copied here by the generator. Embedded as strings, read in
// place: three megabytes for Russian.
var (
	//go:embed lexicon-ru.bin
	lexiconRU string
)

// lexiconData holds each language's lexicon file.
var lexiconData = map[string]string{"ru": lexiconRU}

// lexicon is a set of word forms, as their letter indexes, in a Bloom
// filter: m bits, k probes (see derive_lexicon.py).
type lexicon struct {
	bits string
	m    uint64
	k    int
}

// loadLexicon returns lang's lexicon, or nil where it has none.
func loadLexicon(lang string) *lexicon {
	b := lexiconData[lang]
	if len(b) < 16 || b[:8] != "MOJILEX1" {
		return nil
	}
	m := uint64(binary.LittleEndian.Uint32([]byte(b[8:12])))
	k := int(binary.LittleEndian.Uint32([]byte(b[12:16])))
	if m == 0 || uint64(len(b)-16)*8 != m {
		return nil
	}
	return &lexicon{bits: b[16:], m: m, k: k}
}

// has reports whether the word with letter indexes w is in the lexicon
// (or, once in two thousand or so, a word that is not: a Bloom filter's
// false positive).
func (l *lexicon) has(w []byte) bool {
	sum := uint64(0xcbf29ce484222325) // FNV-1a 64, as derive_lexicon.py hashes
	for _, c := range w {
		sum ^= uint64(c)
		sum *= 0x100000001b3
	}
	h1, h2 := sum&0xFFFFFFFF, sum>>32|1
	for i := range l.k {
		j := (h1 + uint64(i)*h2) % l.m
		if l.bits[j>>3]&(1<<(j&7)) == 0 {
			return false
		}
	}
	return true
}

#!/usr/bin/env python3
"""Derive the word-form lexicons of the alphabetic languages whose lost
letters a lexicon decides (langstats.Model's lexicon, see lexicon.go).

A lost byte's letter is chosen in its word (plausible.ChoiceCost), and the
letter bigrams price "памсти" next to "памяти" within a few bits: both are
strings of likely letters. The word counts of running text (derive_words.py)
list a few thousand words; hunspell lists every inflected form of its
stems through its affix rules. unmunch (hunspell-tools) expands them.

For each language below: the forms of unmunch's output, NFC, case-folded as
derive_bigrams.py folds letters, each turned into its letter indexes in the
alphabet of data/bigram-<lang>.txt (1 for its first letter; forms with a
letter outside it are left out), are put in a Bloom filter of BITS_PER_FORM
bits per form and K probes: FNV-1a 64 of the index bytes, h1 its low 32
bits, h2 its high 32 bits with the lowest bit set, probe i at (h1 + i*h2)
mod m.

Writes data/lexicon-<lang>.bin: "MOJILEX1", m and k as little-endian
uint32, then the m bits, bit j at byte j/8, mask 1 << (j%8). The generator
(main.go) copies it into internal/langstats.

Needs hunspell-ru and hunspell-tools (unmunch). Run from this directory:
    python3 derive_lexicon.py
"""
import os
import struct
import subprocess
import sys
import unicodedata

from common import pkg_version

HERE = os.path.dirname(os.path.abspath(__file__))
# Russian alone: its lost letters are the most (с, я and э lose 0x81,
# 0x8F and 0x8D to windows-1252 alike), and hunspell-ru's stems hold no
# inflected form the bigrams could learn from.
LEXICONS = {'ru': ('hunspell-ru', '/usr/share/hunspell/ru_RU')}
BITS_PER_FORM = 10
K = 7
MAX_LETTERS = 0x7E - 0x20  # longer words get no bonus (langstats.wordBonuses)


def fold(c):
    c = c.lower()
    return {'ς': 'σ', 'ș': 'ş', 'ț': 'ţ'}.get(c, c)


def alphabet(lang):
    with open(os.path.join(HERE, 'data', 'bigram-%s.txt' % lang), encoding='utf-8') as f:
        for line in f:
            if line.startswith('# alphabet: '):
                return line[len('# alphabet: '):].rstrip('\n')
    sys.exit('no alphabet for ' + lang)


def fnv1a64(b):
    h = 0xcbf29ce484222325
    for x in b:
        h ^= x
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def main():
    for lang, (pkg, base) in LEXICONS.items():
        pos = {c: i + 1 for i, c in enumerate(alphabet(lang))}
        out = subprocess.run(['unmunch', base + '.dic', base + '.aff'], capture_output=True, check=True).stdout
        keys = set()
        for line in out.decode('utf-8').splitlines():
            w = unicodedata.normalize('NFC', line.strip())
            if not w:
                continue
            idx = []
            for c in w:
                p = pos.get(fold(c))
                if p is None:
                    idx = None
                    break
                idx.append(p)
            if idx and len(idx) <= MAX_LETTERS:
                keys.add(bytes(idx))
        m = (len(keys) * BITS_PER_FORM + 7) // 8 * 8
        bits = bytearray(m // 8)
        for key in sorted(keys):
            h = fnv1a64(key)
            h1, h2 = h & 0xFFFFFFFF, (h >> 32) | 1
            for i in range(K):
                j = (h1 + i * h2) % m
                bits[j >> 3] |= 1 << (j & 7)
        path = os.path.join(HERE, 'data', 'lexicon-%s.bin' % lang)
        with open(path, 'wb') as f:
            f.write(b'MOJILEX1' + struct.pack('<II', m, K) + bytes(bits))
        print('%s: %d forms from %s %s, %d bytes' % (lang, len(keys), pkg, pkg_version(pkg), len(bits)), file=sys.stderr)


if __name__ == '__main__':
    main()

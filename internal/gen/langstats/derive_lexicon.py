#!/usr/bin/env python3
"""Derive the word-form lexicons of the alphabetic languages whose lost
letters a lexicon decides (langstats.Model's lexicon, see lexicon.go).

A lost byte's letter is chosen in its word (plausible.ChoiceCost), and the
letter bigrams price "памсти" next to "памяти" within a few bits: both are
strings of likely letters. The word counts of running text (derive_words.py)
list a few thousand words; hunspell lists every inflected form of its
stems through its affix rules, which expand() applies.

hunspell-tools' unmunch expands them too, but tests each rule's condition
a byte at a time: a class of Cyrillic letters ("[^сз]ться") never
matches, and "остановиться/BLRW" made no form at all. Its lexicon lacked
every reflexive verb form but the infinitive ("является", "остановился"),
the commonest words that end in "ся", whose two letters windows-1252
drops alike (D1 81 D1 8F).

For each language below: the dictionary's words and the forms its suffix
rules make of them, NFC, case-folded as
derive_bigrams.py folds letters, each turned into its letter indexes in the
alphabet of data/bigram-<lang>.txt (1 for its first letter; forms with a
letter outside it are left out), are put in a Bloom filter of BITS_PER_FORM
bits per form and K probes: FNV-1a 64 of the index bytes, h1 its low 32
bits, h2 its high 32 bits with the lowest bit set, probe i at (h1 + i*h2)
mod m.

Writes data/lexicon-<lang>.bin: "MOJILEX1", m and k as little-endian
uint32, then the m bits, bit j at byte j/8, mask 1 << (j%8). The generator
(main.go) copies it into internal/langstats.

Needs hunspell-ru. Run from this directory:
    python3 derive_lexicon.py
"""
import os
import re
import struct
import sys
import unicodedata

from common import pkg_version

HERE = os.path.dirname(os.path.abspath(__file__))
# Russian alone: its lost letters are the most (с, я and э lose 0x81,
# 0x8F and 0x8D to windows-1252 alike), and hunspell-ru's stems hold no
# inflected form the bigrams could learn from.
LEXICONS = {'ru': ('hunspell-ru', '/usr/share/hunspell/ru_RU')}
BITS_PER_FORM = 16
K = 11
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


def expand(dic, aff):
    """The words of hunspell dictionary dic and every form aff's suffix
    rules make of them. hunspell-ru's affix file has suffix rules only,
    one-letter flags and no continuation classes; anything else is
    refused rather than read wrong.

    A rule "SFX flag strip add condition" applies to a word with the flag
    that ends in strip and matches condition (a pattern of letters, "."
    and bracket classes, hunspell's, which are Python's too) at its end:
    the form is the word less strip, plus add ("0" is none)."""
    rules = {}
    with open(aff, encoding='utf-8') as f:
        for line in f:
            p = line.split()
            if not p or p[0] not in ('SFX', 'PFX', 'FLAG', 'COMPLEXPREFIXES', 'NEEDAFFIX', 'CIRCUMFIX'):
                continue
            if p[0] != 'SFX':
                sys.exit('%s: %s is not supported' % (aff, p[0]))
            if len(p) < 5:
                continue  # the header of a rule set: SFX flag cross count
            flag, strip, add, cond = p[1], p[2], p[3], p[4]
            if '/' in add:
                sys.exit('%s: continuation classes are not supported' % aff)
            strip = '' if strip == '0' else strip
            add = '' if add == '0' else add
            rules.setdefault(flag, []).append((strip, add, None if cond == '.' else re.compile('(?:%s)$' % cond)))
    forms = set()
    with open(dic, encoding='utf-8') as f:
        next(f)  # the count of words
        for line in f:
            word, _, flags = line.strip().partition('/')
            if not word:
                continue
            forms.add(word)
            for flag in flags:
                for strip, add, cond in rules.get(flag, ()):
                    if word.endswith(strip) and (cond is None or cond.search(word)):
                        forms.add(word[:len(word) - len(strip)] + add)
    return forms


def fnv1a64(b):
    h = 0xcbf29ce484222325
    for x in b:
        h ^= x
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def main():
    for lang, (pkg, base) in LEXICONS.items():
        pos = {c: i + 1 for i, c in enumerate(alphabet(lang))}
        keys = set()
        for form in sorted(expand(base + '.dic', base + '.aff')):
            w = unicodedata.normalize('NFC', form)
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

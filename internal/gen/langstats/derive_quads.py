#!/usr/bin/env python3
"""Derive the runs of four letters that a letter-bigram model underrates.

A bigram model sees one letter back. It cannot tell the Russian "меняется"
from "менсется" (the second letter of я, D1 8F, and of с, D1 81, lost
alike): "ня" and "нс" are both common pairs. Three letters back it can:
"меня" and "еняе" are runs of Russian words, "енсе" is not. For each
language this script keeps the frequent runs of four whose last letter is
much likelier after the three before it than after the one before it:

    i4(abcd) = log2( P(d | abc) / P(d | c) )

in tenths of a bit, for runs with i4 >= 1 bit and a count of at least
MIN_COUNT, the TOP most frequent per language. The words are those
derive_bigrams.py counts, with the same weights (word list weight 1,
case-text tokens TEXT_WEIGHT), each padded with one word boundary "_" on
either side; P(d | c) comes from the same padded words' bigrams.

Writes data/quads-<lang>.txt. Run from this directory:
    python3 -B derive_quads.py            # all languages, or name some
"""
import collections
import math
import os
import sys

import derive_bigrams
from common import pkg_version
from derive_bigrams import LANGS, word_counts

# TEXT_WEIGHT=0 leaves the case texts out (to measure what the word lists
# alone give); by default the runs are counted as the bigrams are.
TEXT_WEIGHT = int(os.environ.get('TEXT_WEIGHT', derive_bigrams.TEXT_WEIGHT))
derive_bigrams.TEXT_WEIGHT = TEXT_WEIGHT

TOP = 6000      # runs kept per language
MIN_COUNT = 5   # weighted occurrences a run needs to be kept
MIN_BITS = 1.0  # the least interaction kept, in bits


def quads(lang):
    script, pkg, path, ndict, ntext, wc, alpha = word_counts(lang)
    four = collections.Counter()
    two = collections.Counter()
    for w, n in wc.items():
        if any(c not in alpha for c in w):
            continue  # as derive_bigrams.py: the bigram model never saw it
        s = '_' + w + '_'
        for i in range(len(s) - 1):
            two[s[i:i + 2]] += n
        for i in range(len(s) - 3):
            four[s[i:i + 4]] += n
    first2 = collections.Counter()
    for k, n in two.items():
        first2[k[0]] += n
    first4 = collections.Counter()
    for k, n in four.items():
        first4[k[:3]] += n
    kept = []
    for k, n in four.items():
        if n < MIN_COUNT:
            continue
        i4 = math.log2((n / first4[k[:3]]) / (two[k[2:]] / first2[k[2]]))
        if i4 >= MIN_BITS:
            kept.append((n, k, i4))
    kept.sort(key=lambda x: (-x[0], x[1]))
    return script, pkg, path, ndict, ntext, kept[:TOP]


def main(argv):
    langs = argv[1:] or sorted(LANGS)
    for lang in langs:
        script, pkg, path, ndict, ntext, kept = quads(lang)
        out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'quads-%s.txt' % lang)
        with open(out, 'w', encoding='utf-8') as f:
            f.write('# moji langstats runs of four letters, written by derive_quads.py; do not edit.\n')
            f.write('# lang: %s\n# script: %s\n' % (lang, script))
            f.write('# source: %s %s (%s: %d words, stems only, weight 1 each)\n' %
                    (pkg, pkg_version(pkg), path, ndict))
            f.write('# source: mojibake-dev cases.jsonl originals with lang=%s (%d tokens, weight %d each)\n' %
                    (lang, ntext, TEXT_WEIGHT))
            f.write('# method: the words of bigram-%s.txt, each as "_word_"; i4(abcd) = log2(P(d|abc) / P(d|c));\n' % lang)
            f.write('#   runs with i4 >= %g bit and count >= %d, the %d most frequent.\n' % (MIN_BITS, MIN_COUNT, TOP))
            f.write('# format: <abcd> <i4 in tenths of a bit>\n')
            for n, k, i4 in sorted(kept, key=lambda x: x[1]):
                f.write('%s %d\n' % (k, min(255, round(i4 * 10))))
        print(lang, len(kept), file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv)

#!/usr/bin/env python3
"""Derive which runs of three CJK characters are likelier than their pairs
predict (パケット's ケット, されている's てい and いる joined as ている).

The pair table (derive_cjkpairs.py) scores a lost character by its left and
right neighbours one at a time. Where several candidates pair well with
each neighbour on its own ("パケ?ト": ケッ and ット, but also ケン and ント),
only the three together tell them apart. For each run abc the interaction

    i3(a, b, c) = log2( p(abc) p(_b_) / (p(ab_) p(_bc)) )

says how much likelier abc is than a chain of the pairs ab and bc predicts,
with the marginals taken from the same triple counts. The counts come from
the same lexicons, case texts and written texts as the pairs, with the same
shares; a triple
is kept when its share is at least MIN_SHARE, its i3 at least MIN_I3, and it
is among the TOP most frequent kept triples of its language; the languages
are merged by the largest i3.

Writes data/triples-cjk.txt. Needs the packages of derive_cjk.py. Run from
this directory:  python3 derive_cjktriples.py   (TEXT_SHARE=0 in the
environment leaves the case texts out, to measure what the lexicons alone
give.)
"""
import collections
import math

import derive_cjk
from common import case_texts
from derive_cjk import wanted
# Importing derive_cjkpairs also applies TEXT_SHARE=0 from the environment.
from derive_cjkpairs import lexicon_tables, write_merged, written_header

MIN_I3 = 1.0
TOP = 6000
MIN_SHARE = 5e-7

def triples_of(word, weight, out):
    for a, b, c in zip(word, word[1:], word[2:]):
        if wanted(a) and wanted(b) and wanted(c):
            out[a + b + c] += weight


def text_triples(lang, texts=case_texts):
    c = collections.Counter()
    for t in texts(lang):
        triples_of(t, 1, c)
    return c


def i3_table(dist):
    left, right, mid = collections.Counter(), collections.Counter(), collections.Counter()
    for k, v in dist.items():
        left[k[:2]] += v
        right[k[1:]] += v
        mid[k[1]] += v
    kept = []
    for k, v in dist.items():
        if v < MIN_SHARE:
            continue
        i3 = math.log2(v * mid[k[1]] / (left[k[:2]] * right[k[1:]]))
        if i3 >= MIN_I3:
            kept.append((v, k, i3))
    kept.sort(reverse=True)
    return {k: i3 for v, k, i3 in kept[:TOP]}


def main():
    write_merged('triples-cjk.txt', lexicon_tables(triples_of, text_triples, i3_table), [
        '# moji langstats CJK character-triple interaction, written by derive_cjktriples.py; do not edit.\n',
        '# source: mojibake-dev cases.jsonl originals, runs of three adjacent characters, mixed in with\n',
        '#   shares %s\n' % ', '.join('%s %.0f%%' % (k, 100 * v) for k, v in sorted(derive_cjk.TEXT_SHARE.items())),
        written_header(),
        '# method: i3 = log2(p(abc) p(_b_) / (p(ab_) p(_bc))) per language; triples with share >= %g\n' % MIN_SHARE,
        '#   and i3 >= %g, the %d most frequent per language, merged by the largest i3.\n' % (MIN_I3, TOP),
        '# format: <a><b><c> <i3 in tenths of a bit>\n'])


if __name__ == '__main__':
    main()

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
the same lexicons and case texts as the pairs, with the same shares; a triple
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
import os

import derive_cjk
from common import case_texts, pkg_version
from derive_cjk import PINYIN, DATA, ipadic_surfaces, ko_words, libpinyin_words, mix, opencc_table, wanted

MIN_I3 = 1.0
TOP = 6000
MIN_SHARE = 5e-7

if os.environ.get('TEXT_SHARE') == '0':
    for k in derive_cjk.TEXT_SHARE:
        derive_cjk.TEXT_SHARE[k] = 0.0


def triples_of(word, weight, out):
    for a, b, c in zip(word, word[1:], word[2:]):
        if wanted(a) and wanted(b) and wanted(c):
            out[a + b + c] += weight


def text_triples(lang):
    c = collections.Counter()
    for t in case_texts(lang):
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


def zh():
    lex = collections.Counter()
    for name in ('gb_char.bin', 'gbk_char.bin'):
        for w, f in libpinyin_words(PINYIN + name):
            triples_of(w, f, lex)
    hans = i3_table(mix('zh-hans', lex, text_triples('zh-hans')))
    st = opencc_table('STCharacters')
    tw = opencc_table('TWVariants')

    def trad(ch):
        t = st.get(ch, [ch])[0]
        return tw[t][0] if t in tw else t
    hant_lex = collections.Counter()
    for k, v in lex.items():
        hant_lex[''.join(trad(ch) for ch in k)] += v
    hant = i3_table(mix('zh-hant', hant_lex, text_triples('zh-hant')))
    return hans, hant


def ja():
    lex = collections.Counter()
    for w in ipadic_surfaces():
        triples_of(w, 1, lex)
    return i3_table(mix('ja', lex, text_triples('ja')))


def ko():
    lex = collections.Counter()
    for w in ko_words():
        triples_of(w, 1, lex)
    return i3_table(mix('ko', lex, text_triples('ko')))


def main():
    hans, hant = zh()
    tables = {'zh-hans': hans, 'zh-hant': hant, 'ja': ja(), 'ko': ko()}
    merged = {}
    for lang, t in tables.items():
        print(lang, len(t))
        for k, v in t.items():
            merged[k] = max(merged.get(k, 0), v)
    with open(os.path.join(DATA, 'triples-cjk.txt'), 'w', encoding='utf-8') as f:
        f.write('# moji langstats CJK character-triple interaction, written by derive_cjktriples.py; do not edit.\n')
        f.write('# source: libpinyin-data %s (gb_char.bin, gbk_char.bin word frequencies), zh-hant via\n' % pkg_version('libpinyin-data'))
        f.write('#   libopencc-data %s STCharacters + TWVariants\n' % pkg_version('libopencc-data'))
        f.write('# source: mecab-ipadic %s (*.csv surface forms, one count per entry)\n' % pkg_version('mecab-ipadic'))
        f.write('# source: hunspell-ko %s (ko.dic words, one count each)\n' % pkg_version('hunspell-ko'))
        f.write('# source: mojibake-dev cases.jsonl originals, runs of three adjacent characters, mixed in with\n')
        f.write('#   shares %s\n' % ', '.join('%s %.0f%%' % (k, 100 * v) for k, v in sorted(derive_cjk.TEXT_SHARE.items())))
        f.write('# method: i3 = log2(p(abc) p(_b_) / (p(ab_) p(_bc))) per language; triples with share >= %g\n' % MIN_SHARE)
        f.write('#   and i3 >= %g, the %d most frequent per language, merged by the largest i3.\n' % (MIN_I3, TOP))
        f.write('# format: <a><b><c> <i3 in tenths of a bit>\n')
        for k in sorted(merged):
            f.write('%s %d\n' % (k, round(merged[k] * 10)))
    print('merged', len(merged))


if __name__ == '__main__':
    main()

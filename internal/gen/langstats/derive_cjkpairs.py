#!/usr/bin/env python3
"""Derive the association of adjacent CJK characters: which characters
stand side by side more often than chance (进行, 一个, の前, る。).

A lost byte of a Han or kana character leaves up to 64 candidates that the
character's own frequency cannot tell apart; its neighbours can. For each
language the pair counts come from the same lexicons as derive_cjk.py (a
word's frequency credited to each pair inside it) mixed with the pairs of
the mojibake dev cases' original texts and with the running text written for
moji (data/written/, derive_cjk.WRITTEN_SHARE), which alone supply pairs
across word boundaries (particles, punctuation), the end of a line
(LINE_END) and ASCII words beside CJK text (ASCII_WORD). For each pair the pointwise mutual
information is

    pmi(a, b) = log2( p(a, b) / (p(a _) p(_ b)) )

with p(a _), p(_ b) the left and right marginals of the same pair counts.
A pair is kept when it was seen at least MIN_COUNT times (after mixing, in
units of the lexicon's smallest count), its pmi is at least MIN_PMI, and it
is among the TOP most frequent kept pairs of its language; the languages are
merged by the largest pmi.

Writes data/pairs-cjk.txt. Needs the packages of derive_cjk.py. Run from
this directory:  python3 derive_cjkpairs.py
"""
import collections
import math
import os

import derive_cjk
from common import case_texts, pkg_version, written_texts
from derive_cjk import PINYIN, DATA, TEXT_SHARE, ipadic_surfaces, ko_words, libpinyin_words, mix, opencc_table, wanted

if os.environ.get('TEXT_SHARE') == '0':  # the lexicons alone, to measure what the case texts add
    for k in derive_cjk.TEXT_SHARE:
        derive_cjk.TEXT_SHARE[k] = 0.0

MIN_PMI = 1.0
TOP = 10000
MIN_SHARE = 2e-7  # a pair must make up at least this share of its language's pairs


# LINE_END stands for the end of a line in the pairs of the case texts (it is
# langstats.LineEnd): "される" at the end of a line is followed by "。" far
# more often than by "る". The lexicons know no line ends.
LINE_END = '\uffff'


def pairs_of(word, weight, out):
    for a, b in zip(word, word[1:]):
        if (wanted(a) or a == ASCII_WORD and wanted(b)) and (wanted(b) or b in (LINE_END, ASCII_WORD, ASCII_BREAK)):
            out[a + b] += weight


# A pair with LINE_END is kept only when the case texts hold it at least
# MIN_LINE_ENDS times: a handful of lines says which marks end lines (。,
# ：, ）), not which words do.
MIN_LINE_ENDS = 5


# ASCII_WORD stands for an ASCII word (letters or digits), with at most one
# space between it and the character (it is langstats.ASCIIWord): technical
# text puts particles after Latin names ("OS の", "II に設定") and the
# lexicons hold no such pairs.
ASCII_WORD = '\ufffe'


def ascii_word(c):
    return c.isascii() and c.isalnum()


def with_ascii_words(line):
    """Yield line's characters, each ASCII word with at most one space
    before or after a wanted character replaced by one ASCII_WORD."""
    out = []
    i = 0
    while i < len(line):
        if ascii_word(line[i]):
            j = i
            while j < len(line) and ascii_word(line[j]):
                j += 1
            out.append(ASCII_WORD)
            if j < len(line) and line[j] == ' ' and j + 1 < len(line) and wanted(line[j + 1]):
                j += 1  # the space between the word and the character
            i = j
            continue
        if line[i] == ' ' and out and out[-1] != ' ' and wanted(out[-1]) and i + 1 < len(line) and ascii_word(line[i + 1]):
            i += 1  # the space between a character and the word after it
            continue
        out.append(line[i])
        i += 1
    return ''.join(out)


# ASCII_BREAK stands for a space or an ASCII punctuation mark after a
# character where neither a CJK character nor an ASCII word follows (it is
# langstats.ASCIIBreak): "使われます (SMTP" and "されています)。" end a run of
# Japanese mid-line on a verb's end, where "ませ" never stops.
ASCII_BREAK = '\ufdd0'


def with_ascii_breaks(line):
    """Return line, from with_ascii_words, with ASCII_BREAK after each
    wanted character that a space or an ASCII mark follows, unless a wanted
    character follows the space (a pair across it) or the next is an ASCII
    word (with_ascii_words took the space before it away)."""
    out = []
    for i, ch in enumerate(line):
        out.append(ch)
        if not wanted(ch) or i + 1 == len(line):
            continue
        n = line[i + 1]
        if not n.isascii() or ascii_word(n):
            continue
        if n == ' ' and i + 2 < len(line) and (wanted(line[i + 2]) or line[i + 2] in (ASCII_WORD, LINE_END)):
            continue
        out.append(ASCII_BREAK)
    return ''.join(out)


def text_pairs(lang, texts=case_texts):
    c = collections.Counter()
    for t in texts(lang):
        for line in t.split('\n'):
            pairs_of(with_ascii_breaks(with_ascii_words(line.rstrip())) + LINE_END, 1, c)
    for k in [k for k in c if (LINE_END in k or ASCII_WORD in k or ASCII_BREAK in k) and c[k] < MIN_LINE_ENDS]:
        del c[k]
    return c


def pmi_table(dist):
    left, right = collections.Counter(), collections.Counter()
    for k, v in dist.items():
        left[k[0]] += v
        right[k[1]] += v
    kept = []
    for k, v in dist.items():
        if v < MIN_SHARE:
            continue
        pmi = math.log2(v / (left[k[0]] * right[k[1]]))
        if pmi >= MIN_PMI:
            kept.append((v, k, pmi))
    kept.sort(reverse=True)
    return {k: pmi for v, k, pmi in kept[:TOP]}


def lexicon_tables(count, text_count, table):
    """Return, per language, table() of the lexicon counts that count(word,
    weight, counter) makes, mixed with text_count(lang) of the case texts.
    The pairs and the triples (derive_cjktriples.py) are counted so."""
    lex = collections.Counter()
    for name in ('gb_char.bin', 'gbk_char.bin'):
        for w, f in libpinyin_words(PINYIN + name):
            count(w, f, lex)
    st = opencc_table('STCharacters')
    tw = opencc_table('TWVariants')

    def trad(ch):
        t = st.get(ch, [ch])[0]
        return tw[t][0] if t in tw else t
    hant_lex = collections.Counter()
    for k, v in lex.items():
        hant_lex[''.join(trad(ch) for ch in k)] += v
    ja_lex, ko_lex = collections.Counter(), collections.Counter()
    for w in ipadic_surfaces():
        count(w, 1, ja_lex)
    for w in ko_words():
        count(w, 1, ko_lex)
    lexicons = {'zh-hans': lex, 'zh-hant': hant_lex, 'ja': ja_lex, 'ko': ko_lex}
    return {lang: table(mix(lang, lexicons[lang], text_count(lang), text_count(lang, written_texts)))
            for lang in lexicons}


def written_header():
    """The header line that names the written texts' share per language."""
    shares = derive_cjk.WRITTEN_SHARE if any(written_texts('ja')) else {}
    return '# source: data/written/ running text written for moji, mixed in with shares %s\n' % (
        ', '.join('%s %.0f%%' % (k, 100 * v) for k, v in sorted(shares.items()) if v) or 'none')


def write_merged(name, tables, header):
    """Merge the languages' tables by the largest value and write them to
    data/name in tenths of a bit, after the sources and the header lines."""
    merged = {}
    for lang, t in tables.items():
        print(lang, len(t))
        for k, v in t.items():
            merged[k] = max(merged.get(k, 0), v)
    with open(os.path.join(DATA, name), 'w', encoding='utf-8') as f:
        f.write(header[0])
        f.write('# source: libpinyin-data %s (gb_char.bin, gbk_char.bin word frequencies), zh-hant via\n' % pkg_version('libpinyin-data'))
        f.write('#   libopencc-data %s STCharacters + TWVariants\n' % pkg_version('libopencc-data'))
        f.write('# source: mecab-ipadic %s (*.csv surface forms, one count per entry)\n' % pkg_version('mecab-ipadic'))
        f.write('# source: hunspell-ko %s (ko.dic words, one count each)\n' % pkg_version('hunspell-ko'))
        for line in header[1:]:
            f.write(line)
        for k in sorted(merged):
            f.write('%s %d\n' % (k, round(merged[k] * 10)))
    print('merged', len(merged))


def main():
    write_merged('pairs-cjk.txt', lexicon_tables(pairs_of, text_pairs, pmi_table), [
        '# moji langstats CJK character-pair association, written by derive_cjkpairs.py; do not edit.\n',
        '# source: mojibake-dev cases.jsonl originals, pairs of adjacent characters, mixed in with\n',
        '#   shares %s\n' % ', '.join('%s %.0f%%' % (k, 100 * v) for k, v in sorted(TEXT_SHARE.items())),
        written_header(),
        '# method: pmi = log2(p(ab) / (p(a_) p(_b))) per language; pairs with share >= %g and\n' % MIN_SHARE,
        '#   pmi >= %g, the %d most frequent per language, merged by the largest pmi.\n' % (MIN_PMI, TOP),
        '# format: <a><b> <pmi in tenths of a bit>\n'])


if __name__ == '__main__':
    main()

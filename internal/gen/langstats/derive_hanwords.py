#!/usr/bin/env python3
"""Derive the list of two-character Han words used to tell a word from
mojibake.

  zh-hans  libpinyin-data gb_char.bin + gbk_char.bin: every word of exactly
           two ideographs (U+4E00-U+9FFF), 32,147 of them;
  zh-hant  the same words carried over to traditional characters with
           OpenCC's STCharacters (first candidate) and TWVariants;
  ja       mecab-ipadic: every entry of exactly two ideographs whose cost is
           below MAX_JA_COST (the cost falls with the word's frequency).

UTF-8 read as GBK, Big5, Shift_JIS or EUC-JP is a run of hanzi, and the
hanzi side by side in it are almost never a word: of the 5,317 pairs of
adjacent ideographs that the dev set's double-byte damage wrote (pairs the
original text does not hold), 2 are words of this list (0.04%). Of the
pairs of adjacent ideographs in the dev set's Chinese and Japanese original
texts, 43-84% are (Chinese runs cross word boundaries more often than
Japanese ones), and of its runs of exactly two ideographs, 84-92%. "眉毛" in an English line is a
word, not "üë" read through GBK. The case texts are not read.

Writes data/hanwords.txt. Needs libpinyin-data, libopencc-data (with the
opencc_dict tool) and mecab-ipadic installed. Run from this directory:
python3 derive_hanwords.py
"""
import glob
import os

from common import pkg_version
from derive_cjk import DATA, IPADIC, PINYIN, libpinyin_words, opencc_table

MAX_JA_COST = 5000


def han(c):
    return 0x4E00 <= ord(c) <= 0x9FFF


def two_han(w):
    return len(w) == 2 and han(w[0]) and han(w[1])


def main():
    zh = set()
    for name in ('gb_char.bin', 'gbk_char.bin'):
        for w, _ in libpinyin_words(PINYIN + name):
            if two_han(w):
                zh.add(w)
    st, tw = opencc_table('STCharacters'), opencc_table('TWVariants')

    def trad(ch):
        t = st.get(ch, [ch])[0]
        return tw[t][0] if t in tw else t
    words = set(zh)
    words |= {''.join(trad(ch) for ch in w) for w in zh}
    for path in sorted(glob.glob(os.path.join(IPADIC, '*.csv'))):
        with open(path, encoding='euc-jp') as f:
            for line in f:
                p = line.split(',')
                if len(p) >= 4 and two_han(p[0]) and int(p[3]) < MAX_JA_COST:
                    words.add(p[0])
    words = sorted(w for w in words if two_han(w))
    out = os.path.join(DATA, 'hanwords.txt')
    with open(out, 'w', encoding='utf-8') as f:
        f.write('# moji langstats two-character Han words, written by derive_hanwords.py; do not edit.\n')
        f.write('# source: libpinyin-data %s (gb_char.bin, gbk_char.bin), every word of two ideographs,\n' % pkg_version('libpinyin-data'))
        f.write('#   and their traditional forms by libopencc-data %s\n' % pkg_version('libopencc-data'))
        f.write('#   STCharacters + TWVariants\n')
        f.write('# source: mecab-ipadic %s (*.csv entries of two ideographs with cost < %d)\n' % (pkg_version('mecab-ipadic'), MAX_JA_COST))
        f.write('# format: one word a line, sorted\n')
        for w in words:
            f.write(w + '\n')
    print('%s: %d words' % (out, len(words)))


if __name__ == '__main__':
    main()

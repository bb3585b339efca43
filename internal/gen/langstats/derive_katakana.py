#!/usr/bin/env python3
"""Derive the katakana word list used to choose a lost katakana letter.

  ja  mecab-ipadic lexicon: every surface form of two to twenty letters,
      all of them full-width katakana (U+30A1-U+30FA) or the prolonged
      sound mark U+30FC, each once.

Katakana words are mostly loanwords ("コントロール", "デフォルト"), and a
lost letter inside one is told by the whole word, not by the letters
beside it: "キーワー?" is キーワード, though ワール is as common a run as
ワード. The case texts are not read: the list is the lexicon's alone.

Writes data/katakana-ja.txt. Needs mecab-ipadic installed. Run from this
directory:  python3 derive_katakana.py
"""
import glob
import os
import re

from common import pkg_version

IPADIC = '/usr/share/mecab/dic/ipadic/'
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
KATAKANA = re.compile('^[\u30a1-\u30fa\u30fc]{2,20}$')


def main():
    words = set()
    for path in sorted(glob.glob(os.path.join(IPADIC, '*.csv'))):
        with open(path, encoding='euc-jp') as f:
            for line in f:
                surface = line.split(',', 1)[0]
                if KATAKANA.match(surface):
                    words.add(surface)
    out = os.path.join(DATA, 'katakana-ja.txt')
    with open(out, 'w', encoding='utf-8') as f:
        f.write('# moji langstats katakana words, written by derive_katakana.py; do not edit.\n')
        f.write('# source: mecab-ipadic %s (*.csv surface forms)\n' % pkg_version('mecab-ipadic'))
        f.write('# method: every surface form of 2-20 letters, all katakana U+30A1-U+30FA or U+30FC, once, sorted\n')
        for w in sorted(words):
            f.write(w + '\n')
    print('%s: %d words' % (out, len(words)))


if __name__ == '__main__':
    main()

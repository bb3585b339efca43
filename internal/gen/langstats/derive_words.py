#!/usr/bin/env python3
"""Derive how often the words of running text occur, per alphabetic language.

A letter-bigram model knows letters, not words. Where a lost byte leaves
two readings that are both ordinary strings of letters, it cannot tell the
word people write from the one they do not: the Russian preposition "с"
(D1 81) and the pronoun "я" (D1 8F) read through windows-1252 with the
second byte dropped are both "Ñ", and "я" is the likelier string of
letters (many words end in it). In running technical text "с" is one word
in seventy and "я" almost never stands alone. So is "этих" against "стих",
"процесс" against "процеся".

For each language with case texts this script counts their words (split
and case-folded as derive_bigrams.py does), and writes the words seen at
least MIN_COUNT times with their counts, and for each word length (1 to
MAX_LEN, longer words counted as MAX_LEN) the number of tokens and of
distinct words. The Go side (langstats.Model.WordBonus) mixes the word
frequencies with the bigram model, Witten-Bell fashion per length: short
words are few and a sample of text sees nearly all of them, so an unseen
word of one letter is unlikely; long words are many and an unseen one
says little.

Sources: the 'original' texts of the dev cases (common.case_texts; CASES
names another file) and the running text written for moji
(data/written/<lang>-*.txt, common.written_texts; WRITTEN=0 leaves it
out), each token counted once. No word list is read: they list words, not
how often they are written.

Writes data/words-<lang>.txt. Run from this directory:
    python3 -B derive_words.py            # all languages, or name some
"""
import collections
import os
import sys

from common import CASES, case_texts, written_texts
from derive_bigrams import LANGS, words

MIN_COUNT = 2   # occurrences a word needs to be listed
MAX_LEN = 8     # lengths from here on are counted together


def count(lang):
    script = LANGS[lang][0]
    wc = collections.Counter()
    for t in case_texts(lang):
        for w in words(t, script):
            wc[w] += 1
    ncase = sum(wc.values())
    # And the running text written for moji (data/written/), token for
    # token: the dev cases are a few hundred lines per language, and a
    # word they never hold ("índice", "случаях") was priced by its
    # letters alone.
    for t in written_texts(lang):
        for w in words(t, script):
            wc[w] += 1
    return script, wc, ncase


def main(argv):
    langs = argv[1:] or sorted(LANGS)
    for lang in langs:
        script, wc, ncase = count(lang)
        tokens = collections.Counter()
        types = collections.Counter()
        for w, n in wc.items():
            length = min(len(w), MAX_LEN)
            tokens[length] += n
            types[length] += 1
        listed = sorted((w, n) for w, n in wc.items() if n >= MIN_COUNT)
        out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'words-%s.txt' % lang)
        with open(out, 'w', encoding='utf-8') as f:
            f.write('# moji langstats word counts, written by derive_words.py; do not edit.\n')
            f.write('# lang: %s\n# script: %s\n' % (lang, script))
            if ncase == sum(wc.values()):
                f.write('# source: %s originals with lang=%s (%d tokens, %d distinct words)\n' %
                        (os.path.basename(CASES), lang, sum(wc.values()), len(wc)))
            else:
                f.write('# source: %s originals with lang=%s (%d tokens) and data/written/%s-*.txt,\n'
                        '#   running text written for moji (%d tokens); %d distinct words in all\n' %
                        (os.path.basename(CASES), lang, ncase, lang, sum(wc.values()) - ncase, len(wc)))
            f.write('# method: words as derive_bigrams.py splits and case-folds them; listed when seen\n')
            f.write('#   at least %d times; per length (%d = %d or more letters) the tokens and distinct words.\n' %
                    (MIN_COUNT, MAX_LEN, MAX_LEN))
            f.write('# lengths: %s\n' % ' '.join('%d:%d:%d' % (n, tokens[n], types[n]) for n in range(1, MAX_LEN + 1)))
            f.write('# format: <word> <count>\n')
            for w, n in listed:
                f.write('%s %d\n' % (w, n))
        print(lang, sum(wc.values()), len(listed), file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv)

#!/usr/bin/env python3
"""Derive letter-bigram counts per alphabetic language.

Sources: the word lists of Debian hunspell/myspell dictionaries (stems as
listed in the .dic file, one count per word; affixes are not expanded) or
wamerican for English, plus the 'original' running texts of the mojibake dev
cases (every token counted with weight TEXT_WEIGHT, so that frequent function
words carry their real weight).

Writes data/bigram-<lang>.txt. Run from this directory:
    python3 derive_bigrams.py
"""
import collections
import os
import re
import sys
import unicodedata

from common import case_texts, pkg_version, written_texts

# Weight of a running-text token relative to a dictionary word; TEXT_WEIGHT=0
# in the environment leaves the case texts out.
TEXT_WEIGHT = int(os.environ.get('TEXT_WEIGHT', 3))
# Languages whose running text in data/written/ (common.written_texts) is
# counted like the case texts, at TEXT_WEIGHT: Russian, whose hunspell list
# has stems alone (no reflexive "-ся", few case endings), and whose written
# files are the largest. WRITTEN_BIGRAMS=ru,uk names others, '' none.
WRITTEN_BIGRAMS = set(os.environ.get('WRITTEN_BIGRAMS', 'ru').split(','))
MIN_LETTER = 2e-5  # a letter joins the alphabet at this share of all letters

H = '/usr/share/hunspell/'
# lang: (script, package, word list file)
LANGS = {
    'en': ('Latin', 'wamerican', '/usr/share/dict/american-english'),
    'de': ('Latin', 'hunspell-de-de', H + 'de_DE.dic'),
    'fr': ('Latin', 'hunspell-fr-classical', H + 'fr.dic'),
    'es': ('Latin', 'hunspell-es', H + 'es_ES.dic'),
    'pt': ('Latin', 'hunspell-pt-pt', H + 'pt_PT.dic'),
    'it': ('Latin', 'hunspell-it', H + 'it_IT.dic'),
    'nl': ('Latin', 'hunspell-nl', H + 'nl.dic'),
    'sv': ('Latin', 'hunspell-sv', H + 'sv_SE.dic'),
    'da': ('Latin', 'hunspell-da', H + 'da_DK.dic'),
    'cs': ('Latin', 'hunspell-cs', H + 'cs_CZ.dic'),
    'sk': ('Latin', 'hunspell-sk', H + 'sk_SK.dic'),
    'pl': ('Latin', 'hunspell-pl', H + 'pl_PL.dic'),
    'hu': ('Latin', 'hunspell-hu', H + 'hu_HU.dic'),
    'ro': ('Latin', 'hunspell-ro', H + 'ro_RO.dic'),
    'tr': ('Latin', 'hunspell-tr', H + 'tr_TR.dic'),
    'lv': ('Latin', 'hunspell-lv', H + 'lv_LV.dic'),
    'lt': ('Latin', 'hunspell-lt', H + 'lt_LT.dic'),
    'et': ('Latin', 'myspell-et', H + 'et_EE.dic'),
    'vi': ('Latin', 'hunspell-vi', H + 'vi_VN.dic'),
    'ru': ('Cyrillic', 'hunspell-ru', H + 'ru_RU.dic'),
    'uk': ('Cyrillic', 'hunspell-uk', H + 'uk_UA.dic'),
    'bg': ('Cyrillic', 'hunspell-bg', H + 'bg_BG.dic'),
    'el': ('Greek', 'hunspell-el', H + 'el_GR.dic'),
    'he': ('Hebrew', 'hunspell-he', H + 'he_IL.dic'),
    'ar': ('Arabic', 'hunspell-ar', H + 'ar.dic'),
    'th': ('Thai', 'hunspell-th', H + 'th_TH.dic'),
    # Languages with no dev-set text, modelled so that their letters are
    # letters people write: Serbian and Belarusian capitals read through
    # windows-1251 (ВЉ = C2 8A) were "repaired" into C1 controls.
    'sr': ('Cyrillic', 'hunspell-sr', H + 'sr_RS.dic'),
    'kk': ('Cyrillic', 'hunspell-kk', H + 'kk_KZ.dic'),
    'eo': ('Latin', 'myspell-eo', H + 'eo.dic'),
    'hr': ('Latin', 'hunspell-hr', H + 'hr_HR.dic'),
    'sl': ('Latin', 'hunspell-sl', H + 'sl_SI.dic'),
}


# FOLD merges letters that the legacy code pages cannot tell apart or that
# carry no information for plausibility: final sigma is sigma, and Romanian
# comma-below s/t are written with the cedilla forms that cp1250 and
# ISO 8859-2 have. The Go generator applies the same folds.
FOLD = {'ς': 'σ', 'ș': 'ş', 'ț': 'ţ'}


def canon(c):
    """Case-fold one character the way the Go side does (unicode.ToLower,
    first rune only, then FOLD)."""
    lc = c.lower()
    if len(lc) != 1:
        lc = lc[0]
    return FOLD.get(lc, lc)


def script_of(c):
    name = unicodedata.name(c, '')
    return name.split(' ')[0].capitalize() if name else ''


def words(text, script):
    """Split text into case-folded words of letters of script.

    A word is a maximal run of letters (and, for Thai, combining vowel and
    tone marks); other combining marks (Hebrew points, Arabic harakat) are
    dropped; any other character ends the word. Words holding a letter of
    another script are skipped."""
    text = unicodedata.normalize('NFC', text)
    cur = []
    bad = False
    for c in text + ' ':
        cat = unicodedata.category(c)
        if cat[0] == 'L' or (cat[0] == 'M' and script == 'Thai' and script_of(c) == 'Thai'):
            if script_of(c) != script:
                bad = True
            cur.append(canon(c))
        elif cat[0] == 'M':
            continue
        else:
            if cur and not bad:
                yield ''.join(cur)
            cur = []
            bad = False


def dic_words(path):
    enc = 'utf-8'
    aff = path[:-4] + '.aff'
    if os.path.exists(aff):
        with open(aff, 'rb') as f:
            for line in f:
                m = re.match(rb'SET\s+(\S+)', line)
                if m:
                    enc = m.group(1).decode()
                    break
    enc = {'microsoft-cp1251': 'cp1251'}.get(enc.lower(), enc)
    with open(path, 'rb') as f:
        data = f.read().decode(enc, errors='replace').splitlines()
    if path.endswith('.dic') and data and data[0].strip().isdigit():
        data = data[1:]
    for line in data:
        # word[/flags][<TAB or space> morphology]; '\/' escapes a slash.
        w = re.split(r'(?<!\\)/|\t| ', line.strip(), maxsplit=1)[0]
        if w:
            yield w.replace('\\/', '/')


def word_counts(lang):
    """Count the words of lang's word list (weight 1) and case texts (weight
    TEXT_WEIGHT); return (script, pkg, path, ndict, ntext, wc, alpha) with
    alpha the alphabet. derive_quads.py counts the same words."""
    script, pkg, path = LANGS[lang]
    wc = collections.Counter()
    for w in dic_words(path):
        for x in words(w, script):
            wc[x] += 1
    ndict = sum(wc.values())
    ntext = 0
    for t in case_texts(lang):
        for x in words(t, script):
            wc[x] += TEXT_WEIGHT
            ntext += 1
    if lang in WRITTEN_BIGRAMS:
        for t in written_texts(lang):
            for x in words(t, script):
                wc[x] += TEXT_WEIGHT
                ntext += 1
    letters = collections.Counter()
    for w, n in wc.items():
        for c in w:
            letters[c] += n
    total = sum(letters.values())
    alpha = {c for c, n in letters.items() if n >= MIN_LETTER * total and n >= 3}
    return script, pkg, path, ndict, ntext, wc, alpha


def count(lang):
    script, pkg, path, ndict, ntext, wc, alpha = word_counts(lang)
    big = collections.Counter()
    for w, n in wc.items():
        if any(c not in alpha for c in w):
            continue
        s = '_' + w + '_'
        for a, b in zip(s, s[1:]):
            big[a + b] += n
    return script, pkg, path, ndict, ntext, alpha, big


def main(argv):
    langs = argv[1:] or sorted(LANGS)
    for lang in langs:
        script, pkg, path, ndict, ntext, alpha, big = count(lang)
        out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'bigram-%s.txt' % lang)
        with open(out, 'w', encoding='utf-8') as f:
            f.write('# moji langstats letter-bigram counts, written by derive_bigrams.py; do not edit.\n')
            f.write('# lang: %s\n# script: %s\n' % (lang, script))
            f.write('# source: %s %s (%s: %d words, stems only, weight 1 each)\n' %
                    (pkg, pkg_version(pkg), path, ndict))
            f.write('# source: mojibake-dev cases.jsonl originals with lang=%s%s (%d tokens, weight %d each)\n' %
                    (lang, ' and data/written/%s-*.txt' % lang if lang in WRITTEN_BIGRAMS else '', ntext, TEXT_WEIGHT))
            f.write('# method: NFC, letters case-folded (lowercase, final sigma as sigma), other-script words\n')
            f.write('#   skipped, combining marks dropped (kept for Thai); alphabet = letters with >= %g of\n' % MIN_LETTER)
            f.write('#   all letter mass; "_" = word boundary.\n')
            f.write('# alphabet: %s\n' % ''.join(sorted(alpha)))
            f.write('# format: <a><b> <count>\n')
            for k in sorted(big):
                f.write('%s %d\n' % (k, big[k]))
        print(lang, len(alpha), len(big), file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv)

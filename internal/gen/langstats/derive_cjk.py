#!/usr/bin/env python3
"""Derive per-character frequencies for Chinese, Japanese and Korean, and the
encoding-standard level sets used as frequency floors.

  zh-hans  libpinyin-data gb_char.bin + gbk_char.bin: unigram word frequencies
           of the libpinyin lexicon, each word's frequency credited to each of
           its characters.
  zh-hant  the zh-hans counts carried over to traditional characters with
           OpenCC's STCharacters table (the first, default candidate gets the
           full count, further candidates a quarter; where OpenCC's
           TWVariants names a Taiwan form, it gets the count and the OpenCC
           form half).
  ja       mecab-ipadic lexicon: one count per entry, credited to each of its
           characters. (The entries' costs are not used: with connection
           costs doing much of the work they are no unigram probability; the
           particle の costs more than the noun 高級.)
  ko       hunspell-ko word list (one count per word).
Each lexicon distribution is mixed with the character distribution of the
mojibake dev cases' original texts for that language (weight TEXT_SHARE), which
also supplies punctuation that the lexicons lack.

Writes data/chars-<lang>.txt and data/levels.txt. Needs the Debian packages
above installed and the opencc_dict tool (package opencc). Run from this
directory:  python3 derive_cjk.py
"""
import collections
import os
import struct
import subprocess
import tempfile
import unicodedata

from common import case_texts, pkg_version

# Share of running text in the mixed distribution: small for Chinese, whose
# lexicon has corpus frequencies, larger where the lexicon only lists words
# and so misses how often particles and endings (の, は, 이, 는) occur.
TEXT_SHARE = {'zh-hans': 0.1, 'zh-hant': 0.1, 'ja': 0.3, 'ko': 0.3}
if os.environ.get('TEXT_SHARE') == '0':  # the lexicons alone, to measure what the case texts add
    TEXT_SHARE = {k: 0.0 for k in TEXT_SHARE}
# Share of the running text written for moji (common.written_texts) in the
# pair and triple counts (derive_cjkpairs.py, derive_cjktriples.py), taken
# from the lexicon's share; the character frequencies do not read it.
WRITTEN_SHARE = {'zh-hans': 0.1, 'zh-hant': 0.1, 'ja': 0.2, 'ko': 0.0}
if os.environ.get('WRITTEN_SHARE'):  # e.g. "ja=0.2,zh-hans=0.05", to measure other shares
    for kv in os.environ['WRITTEN_SHARE'].split(','):
        k, v = kv.split('=')
        WRITTEN_SHARE[k] = float(v)
TOP = 12000        # characters kept per language
HALFWIDTH_DIV = 256  # half-width katakana frequency relative to full-width
PINYIN = '/usr/lib/x86_64-linux-gnu/libpinyin/data/'
IPADIC = '/usr/share/mecab/dic/ipadic/'
KO_DIC = '/usr/share/hunspell/ko.dic'
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')


def wanted(c):
    """Characters the tables cover: CJK punctuation, kana, unified
    ideographs, Hangul syllables and full-width forms."""
    o = ord(c)
    return (0x3000 <= o <= 0x30FF or 0x4E00 <= o <= 0x9FFF or
            0xAC00 <= o <= 0xD7A3 or 0xFF01 <= o <= 0xFF9F)


def libpinyin_words(path):
    """Yield (phrase, unigram frequency) from a libpinyin SubPhraseIndex file.

    Layout (libpinyin 2.x): an 8-byte MemoryChunk header, then total_freq,
    three offsets (index, content, end) relative to the chunk, a '#'
    separator, an array of uint32 item offsets, and the items: length,
    number of pronunciations, uint32 frequency, UCS-4 characters."""
    b = open(path, 'rb').read()
    base = 8
    _, i1, i2, i3 = struct.unpack_from('<IIII', b, base)
    idx = b[base + i1:base + i2 - 1]
    cont = b[base + i2:base + i3 - 1]
    for t in range(len(idx) // 4):
        off, = struct.unpack_from('<I', idx, t * 4)
        if off == 0 and t > 0 or off + 6 > len(cont):
            continue
        n = cont[off]
        freq, = struct.unpack_from('<I', cont, off + 2)
        if n:
            chars = struct.unpack_from('<%dI' % n, cont, off + 6)
            yield ''.join(map(chr, chars)), freq


def text_dist(lang):
    c = collections.Counter()
    for t in case_texts(lang):
        for ch in t:
            if wanted(ch):
                c[ch] += 1
    return c


def normalize(c):
    tot = sum(c.values())
    return {k: v / tot for k, v in c.items()} if tot else {}


def mix(lang, lex, text, written=None):
    """Mix the normalized lexicon, case-text and written-text counts with
    the shares TEXT_SHARE and WRITTEN_SHARE; the lexicon takes the rest,
    and the share of a source that is empty."""
    lex, text, written = normalize(lex), normalize(text), normalize(written or {})
    share = TEXT_SHARE[lang] if text else 0
    wshare = WRITTEN_SHARE[lang] if written else 0
    out = collections.Counter()
    for k, v in lex.items():
        out[k] += (1 - share - wshare) * v
    for k, v in text.items():
        out[k] += share * v
    for k, v in written.items():
        out[k] += wshare * v
    return out


def write(lang, dist, sources):
    path = os.path.join(DATA, 'chars-%s.txt' % lang)
    items = sorted(((k, v) for k, v in dist.items() if wanted(k)), key=lambda kv: (-kv[1], kv[0]))
    items = [(k, round(v * 1e9)) for k, v in items[:TOP]]
    items = [(k, v) for k, v in items if v > 0]
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# moji langstats character frequencies, written by derive_cjk.py; do not edit.\n')
        f.write('# lang: %s\n' % lang)
        for s in sources:
            f.write('# source: %s\n' % s)
        f.write('# method: lexicon distribution mixed %.0f%%/%.0f%% with the running-text distribution;\n' %
                (100 * (1 - TEXT_SHARE[lang]), 100 * TEXT_SHARE[lang]))
        f.write('#   top %d characters of U+3000-30FF, U+4E00-9FFF, U+AC00-D7A3, U+FF01-FF9F.\n' % TOP)
        f.write('# format: <char> <estimated occurrences per 10^9 characters>\n')
        for k, v in items:
            f.write('%s %d\n' % (k, v))
    print(lang, len(items), items[:12])


def opencc_table(name):
    """Read an OpenCC dictionary as {key: [values]} via opencc_dict."""
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, name + '.txt')
        subprocess.run(['opencc_dict', '-i', '/usr/share/opencc/%s.ocd2' % name, '-o', out,
                        '-f', 'ocd2', '-t', 'text'], check=True)
        table = {}
        with open(out, encoding='utf-8') as f:
            for line in f:
                k, v = line.rstrip('\n').split('\t')
                table[k] = v.split(' ')
        return table


def zh():
    lex = collections.Counter()
    for name in ('gb_char.bin', 'gbk_char.bin'):
        for w, f in libpinyin_words(PINYIN + name):
            for ch in w:
                lex[ch] += f
    v = pkg_version('libpinyin-data')
    write('zh-hans', mix('zh-hans', lex, text_dist('zh-hans')), [
        'libpinyin-data %s (gb_char.bin, gbk_char.bin unigram word frequencies)' % v,
        'mojibake-dev cases.jsonl originals with lang=zh-hans'])

    # Carry simplified frequencies over to traditional characters.
    st = opencc_table('STCharacters')
    tw = opencc_table('TWVariants')
    hant = collections.Counter()
    for ch, f in lex.items():
        for i, t in enumerate(st.get(ch, [ch])):
            share = f if i == 0 else f / 4
            # OpenCC's traditional standard differs from Taiwan's usage
            # for some characters (爲/為): credit both, Taiwan's fully.
            if t in tw:
                hant[tw[t][0]] += share
                share /= 2
            hant[t] += share
    write('zh-hant', mix('zh-hant', hant, text_dist('zh-hant')), [
        'libpinyin-data %s word frequencies as for zh-hans' % v,
        'libopencc-data %s STCharacters (simplified to traditional) and TWVariants' % pkg_version('libopencc-data'),
        'mojibake-dev cases.jsonl originals with lang=zh-hant'])


def ipadic_surfaces():
    """Yield the surface form of every mecab-ipadic entry."""
    for name in sorted(os.listdir(IPADIC)):
        if not name.endswith('.csv'):
            continue
        with open(IPADIC + name, encoding='euc-jp', errors='replace') as f:
            for line in f:
                p = line.split(',')
                if len(p) >= 4:
                    yield p[0]


def ko_words():
    """Yield the words of hunspell-ko, composed from its conjoining jamo."""
    with open(KO_DIC, encoding='utf-8') as f:
        next(f)
        for line in f:
            yield unicodedata.normalize('NFC', line.split('/')[0].strip())


def ja():
    lex = collections.Counter()
    for w in ipadic_surfaces():
        for ch in w:
            lex[ch] += 1
    # Half-width katakana are rare in running text but are what Shift_JIS
    # makes of Latin-1 bytes A1-DF, so one dev text full of them must not
    # make them look common: they get their full-width form's lexicon count
    # divided by HALFWIDTH_DIV and no running-text share.
    text = text_dist('ja')
    for o in range(0xFF66, 0xFFA0):
        h = chr(o)
        text.pop(h, None)
        full = unicodedata.normalize('NFKC', h)
        if len(full) == 1:
            lex[h] = lex.get(full, 0) / HALFWIDTH_DIV
    write('ja', mix('ja', lex, text), [
        'mecab-ipadic %s (*.csv surface forms, one count per entry; half-width katakana = full-width / %d)' % (pkg_version('mecab-ipadic'), HALFWIDTH_DIV),
        'mojibake-dev cases.jsonl originals with lang=ja'])


def ko():
    lex = collections.Counter()
    for w in ko_words():
        for ch in w:
            lex[ch] += 1
    write('ko', mix('ko', lex, text_dist('ko')), [
        'hunspell-ko %s (ko.dic words, one count each)' % pkg_version('hunspell-ko'),
        'mojibake-dev cases.jsonl originals with lang=ko'])


def levels():
    """Encoding-standard level sets, computed with python3's codecs."""
    def dbcs(codec, leads, trails):
        out = []
        for a in leads:
            for b in trails:
                try:
                    ch = bytes([a, b]).decode(codec)
                except UnicodeDecodeError:
                    continue
                if len(ch) == 1 and ch.isprintable():
                    out.append(ch)
        return out

    def sjis_range(lo, hi):
        out = []
        for code in range(lo, hi + 1):
            b = code & 0xFF
            if b < 0x40 or b == 0x7F or b > 0xFC:
                continue
            try:
                ch = bytes([code >> 8, b]).decode('shift_jis')
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                out.append(ch)
        return out

    def big5_range(lo, hi):
        out = []
        for code in range(lo, hi + 1):
            b = code & 0xFF
            if not (0x40 <= b <= 0x7E or 0xA1 <= b <= 0xFE):
                continue
            try:
                ch = bytes([code >> 8, b]).decode('big5')
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                out.append(ch)
        return out

    trail = range(0xA1, 0xFF)
    sets = [
        ('gb2312-1', 'zh-hans', 6, 'EUC-CN (gb2312) rows 0xB0-0xD7', dbcs('gb2312', range(0xB0, 0xD8), trail)),
        ('gb2312-2', 'zh-hans', 3, 'EUC-CN (gb2312) rows 0xD8-0xF7', dbcs('gb2312', range(0xD8, 0xF8), trail)),
        ('jis0208-1', 'ja', 6, 'Shift_JIS 0x889F-0x9872', sjis_range(0x889F, 0x9872)),
        ('jis0208-2', 'ja', 3, 'Shift_JIS 0x989F-0xEAA4', sjis_range(0x989F, 0xEAA4)),
        ('ksx1001', 'ko', 6, 'EUC-KR 0xB0A1-0xC8FE', dbcs('euc_kr', range(0xB0, 0xC9), trail)),
        ('big5-1', 'zh-hant', 6, 'Big5 0xA440-0xC67E', big5_range(0xA440, 0xC67E)),
    ]
    with open(os.path.join(DATA, 'levels.txt'), 'w', encoding='utf-8') as f:
        f.write('# moji langstats encoding-standard level sets, written by derive_cjk.py; do not edit.\n')
        f.write('# source: python3 codecs (Python %s)\n' % '.'.join(map(str, __import__('sys').version_info[:3])))
        f.write('# format: "set <name> <lang> <floor class> <count> <byte range>" then the characters,\n')
        f.write('#   100 per line, until the next "set" line.\n')
        for name, lang, floor, desc, chars in sets:
            f.write('set %s %s %d %d %s\n' % (name, lang, floor, len(chars), desc.replace(' ', '_')))
            for i in range(0, len(chars), 100):
                f.write(''.join(chars[i:i + 100]) + '\n')
            print(name, len(chars))


if __name__ == '__main__':
    levels()
    zh()
    ja()
    ko()

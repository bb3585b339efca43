"""Build a held-out proxy of the dev set from text moji has never seen.

The dev set (../shared/testdata/mojibake-dev) is scored against a held-out
set of the same 54 kinds built from other documents. bench/halves and
bench/crosskind estimate that score from the dev texts themselves; this
set is built from texts/, running text and interface strings written for
this purpose (texts/README.md), which no table of moji reads: no
statistics script opens bench/. Every kind is made here as the dev set's
README describes it, with Python's codecs, so a gap between the dev score
and this one is a gap between the dev texts and others, not between
damages.

    python3 bench/heldout/make.py [SEED] > /tmp/heldout.jsonl
    python3 ../shared/tools/score_fix.py /tmp/heldout.jsonl -- moji fix --jsonl
    python3 bench/heldout/make.py SEED all > /tmp/heldout-all.jsonl

Each damaged kind gets up to 46 cases, its languages taken in turn (the
dev set's language lists per kind), each case a line of that language
the damage changes; the clean kinds get the dev set's counts. With
"all", every text of every language a damaged kind lists is damaged so
(15,952 cases with seed 5, no clean ones): not the dev set's proportions, but every
line of every kind, for finding what a sample of 46 leaves out.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEXTS = os.path.join(HERE, 'texts')
UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}

LATIN_ALL = 'ar cs da de el en es et fr he hu it ja ko lt lv nl pl pt ro ru sv th tr uk vi zh-hans zh-hant'.split()


def sloppy(page):
    """A single-byte page as browsers read it: an undefined byte is the
    code point of the same number."""
    table = []
    for x in range(256):
        try:
            table.append(bytes([x]).decode(page))
        except UnicodeDecodeError:
            table.append(chr(x))
    return lambda b: ''.join(table[x] for x in b)


S1252 = sloppy('cp1252')
SINGLE = {  # kind suffix: (decoder, languages)
    'sloppy-windows-1252': (S1252, LATIN_ALL),
    'latin-1': (lambda b: b.decode('latin-1'), LATIN_ALL),
    'windows-1250': (sloppy('cp1250'), 'cs de en hu pl ro'.split()),
    'windows-1251': (sloppy('cp1251'), 'en ru uk'.split()),
    'windows-1253': (sloppy('cp1253'), 'el en'.split()),
    'windows-1254': (sloppy('cp1254'), 'de en tr'.split()),
    'windows-1257': (sloppy('cp1257'), 'en et lt lv'.split()),
    'iso-8859-2': (sloppy('iso8859_2'), 'cs de hu pl ro'.split()),
    'macroman': (sloppy('mac_roman'), 'de en es fr it pt'.split()),
    'cp437': (sloppy('cp437'), 'de en es fr sv'.split()),
}
DOUBLE = {  # kind suffix: (Python codec, languages)
    'gbk': ('gbk', 'en ja zh-hans'.split()),
    'gb18030': ('gb18030', 'en ja ko ru zh-hans'.split()),
    'big5': ('cp950', 'en zh-hant'.split()),
    'shift_jis': ('cp932', 'en ja'.split()),
    'euc-kr': ('cp949', 'en ko'.split()),
    'euc-jp': ('euc_jp', 'de en fr ja'.split()),
}
LEGACY = {  # name: (Python codec, languages)
    'gbk': ('gbk', ['zh-hans']), 'big5': ('cp950', ['zh-hant']), 'shift_jis': ('cp932', ['ja']),
    'euc-kr': ('cp949', ['ko']), 'cp1251': ('cp1251', ['ru', 'uk']), 'koi8-r': ('koi8_r', ['ru']),
    'cp1253': ('cp1253', ['el']), 'cp1255': ('cp1255', ['he']), 'cp1256': ('cp1256', ['ar']),
}


def kinds():
    """Yields (kind, languages, damage), damage(text) returning the broken
    text or None where the kind does not apply."""
    for name, (dec, langs) in SINGLE.items():
        yield 'utf8-as-' + name, langs, lambda t, dec=dec: dec(t.encode('utf-8'))
    for name, (codec, langs) in DOUBLE.items():
        yield 'utf8-as-' + name, langs, lambda t, codec=codec: strict(t.encode('utf-8'), codec)
    for name, (codec, langs) in LEGACY.items():
        yield name + '-as-windows-1252', langs, lambda t, codec=codec: S1252(enc(t, codec))
        yield name + '-as-latin-1', langs, lambda t, codec=codec: enc(t, codec).decode('latin-1')
    yield 'cp1251-as-koi8-r', ['ru'], lambda t: enc(t, 'cp1251').decode('koi8_r')
    yield 'koi8-r-as-cp1251', ['ru'], lambda t: sloppy('cp1251')(enc(t, 'koi8_r'))
    yield 'double-utf8-as-windows-1252', LATIN_ALL, lambda t: S1252(S1252(t.encode('utf-8')).encode('utf-8'))
    yield 'double-utf8-as-gbk-then-windows-1252', 'en ja zh-hans'.split(), \
        lambda t: S1252(g.encode('utf-8')) if (g := strict(t.encode('utf-8'), 'gbk')) is not None else None
    yield 'double-utf8-as-latin-1-then-windows-1252', LATIN_ALL, \
        lambda t: S1252(t.encode('utf-8').decode('latin-1').encode('utf-8'))
    yield 'triple-utf8-as-windows-1252', 'da de en es fr it nl pt sv'.split(), \
        lambda t: S1252(S1252(S1252(t.encode('utf-8')).encode('utf-8')).encode('utf-8'))
    gbk_langs = 'de en ja ru zh-hans'.split()
    yield 'lossy-utf8-as-gbk-dropped', gbk_langs, lambda t: lossy(t, 'gbk', 'ignore')
    yield 'lossy-utf8-as-gbk-fffd', gbk_langs, lambda t: lossy(t, 'gbk', 'replace')
    yield 'lossy-utf8-as-gbk-question', gbk_langs, lambda t: (lossy(t, 'gbk', 'replace') or '').replace('\ufffd', '?') or None
    yield 'lossy-utf8-as-shift_jis-fffd', ['en', 'ja'], lambda t: lossy(t, 'cp932', 'replace')
    yield 'lossy-utf8-as-big5-fffd', ['en', 'zh-hant'], lambda t: lossy(t, 'cp950', 'replace')
    yield 'lossy-utf8-as-windows-1252-nbsp-space', 'en es fr it pt ru'.split(), \
        lambda t: S1252(t.encode('utf-8')).replace('\u00a0', ' ') if 0xA0 in t.encode('utf-8') else None
    yield 'lossy-utf8-as-windows-1252-undefined-dropped', 'cs en es hu ru'.split(), \
        lambda t: ''.join(bytes([x]).decode('cp1252') for x in t.encode('utf-8') if x not in UNDEFINED) \
        if UNDEFINED & set(t.encode('utf-8')) else None


def strict(b, codec):
    try:
        return b.decode(codec)
    except UnicodeDecodeError:
        return None


def enc(t, codec):
    try:
        return t.encode(codec)
    except UnicodeEncodeError:
        return b''  # damage() treats an empty result as not applicable


def lossy(t, codec, errors):
    """Only texts the strict decoder refuses: the others are the lossless
    kind's."""
    b = t.encode('utf-8')
    if strict(b, codec) is not None:
        return None
    return b.decode(codec, errors=errors)


def load():
    texts = {}
    for name in sorted(os.listdir(TEXTS)):
        if not name.endswith('.txt'):
            continue
        lang = name[:-4]
        lines = [l.rstrip('\n') for l in open(os.path.join(TEXTS, name), encoding='utf-8')]
        # The dev set's texts are 20 characters or more (a few of 12 to
        # 19, pieces of longer ones): its kinds are no test of the
        # shortest interface strings, which moji leaves alone when they
        # are ambiguous.
        texts[lang] = [l for l in dict.fromkeys(lines) if len(l.strip()) >= 20]
    return texts


UNITS = {'MB', 'GB', 'KB', 'TB', 'kB', 'km', 'kg', 'cm', 'mm', 'ms', 'MHz', 'GHz', 'kW', 'px', 'pt', '%', 'm', 's', 'h', 'min'}


def with_nbsp(rng, t):
    """English as the dev set's: its typography puts a no-break space
    between a number and its unit ("1\u00a0MB"), and nowhere else."""
    words = t.split(' ')
    out = [words[0]]
    for w in words[1:]:
        if out[-1][-1:].isdigit() and w.rstrip('.,;:)') in UNITS and rng.random() < 0.7:
            out[-1] += '\u00a0' + w
        else:
            out.append(w)
    return ' '.join(out)


def halfwidth(t):
    return any('\uff61' <= c <= '\uff9f' for c in t)


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    rng = random.Random(seed)
    texts = load()
    if 'en' in texts:
        texts['en'] = [with_nbsp(rng, t) for t in texts['en']]
    mixed = texts.pop('mixed', [])
    # Half-width katakana stand in the dev set's clean-tricky-cjk lines
    # alone: its damaged Japanese lines hold none.
    ja_halfwidth = [t for t in texts.get('ja', []) if halfwidth(t)]
    if 'ja' in texts:
        texts['ja'] = [t for t in texts['ja'] if not halfwidth(t)]
    cases = []

    def add(kind, lang, broken, original):
        cases.append({'id': 'h%05d' % len(cases), 'kind': kind, 'lang': lang, 'broken': broken, 'original': original})

    if len(sys.argv) > 2 and sys.argv[2] == 'all':
        for kind, langs, damage in kinds():
            for lang in langs:
                for t in texts.get(lang, []):
                    b = damage(t)
                    if b and b != t:
                        add(kind, lang, b, t)
        for c in cases:
            print(json.dumps(c, ensure_ascii=False))
        return

    for kind, langs, damage in kinds():
        pools = {}
        for lang in langs:
            pool = []
            for t in texts.get(lang, []):
                b = damage(t)
                if b and b != t:
                    pool.append((t, b))
            rng.shuffle(pool)
            if pool:
                pools[lang] = pool
        n, order = 0, [l for l in langs if l in pools]
        while n < 46 and any(pools[l] for l in order):
            for lang in order:
                if pools[lang] and n < 46:
                    t, b = pools[lang].pop()
                    add(kind, lang, b, t)
                    n += 1

    # partial-lines: a document of 3 to 6 lines of one language, one
    # mis-decoding for the lines it breaks; the correct lines hold
    # non-ASCII text.
    plangs = 'cs da de el en es fr hu it ja nl pl pt ro ru sv tr uk vi zh-hans'.split()
    decoders = [('sloppy', S1252), ('sloppy', S1252), ('sloppy', S1252), ('latin-1', lambda b: b.decode('latin-1'))]
    for i in range(45):
        lang = plangs[i % len(plangs)]
        pool = [t for t in texts.get(lang, []) if not t.isascii()]
        if len(pool) < 6:
            continue
        lines = rng.sample(pool, rng.randint(3, 6))
        dec = S1252
        if lang in ('ru', 'uk') and rng.random() < 0.3:
            dec = sloppy('cp1251')
        elif rng.random() < 0.25:
            dec = decoders[3][1]
        broken = list(lines)
        k = rng.randint(1, len(lines) - 1)
        for j in rng.sample(range(len(lines)), k):
            broken[j] = dec(lines[j].encode('utf-8'))
        if broken != lines:
            add('partial-lines', lang, '\n'.join(broken), '\n'.join(lines))

    # partial-inline: a word-aligned span of one line mis-decoded.
    ilangs = 'cs da de el es fr hu it nl pl pt ro ru sv tr uk vi en'.split()
    for i in range(45):
        lang = ilangs[i % len(ilangs)]
        pool = [t for t in texts.get(lang, []) if len(t.split(' ')) >= 4 and not t.isascii()]
        if not pool:
            continue
        t = rng.choice(pool)
        words = t.split(' ')
        a = rng.randrange(0, len(words) - 1)
        z = rng.randint(a + 1, min(len(words), a + 4))
        span = ' '.join(words[a:z])
        dec = sloppy('cp1251') if lang in ('ru', 'uk') and rng.random() < 0.5 else \
            (S1252 if rng.random() < 0.7 else (lambda b: b.decode('latin-1')))
        bspan = dec(span.encode('utf-8'))
        if bspan == span:
            continue
        add('partial-inline', lang, ' '.join(words[:a] + [bspan] + words[z:]), t)

    # The clean kinds.
    every = [(lang, t) for lang in sorted(texts) for t in texts[lang]]
    for lang, t in rng.sample(every, min(466, len(every))):
        add('clean', lang, t, t)
    latin = 'cs da de es et fr hu it lt lv nl pl pt ro sv tr vi'.split()
    tricky = [(l, t.upper()) for l in latin for t in texts.get(l, []) if not t.isascii()]
    tricky += [('en', t) for t in texts.get('en', []) if any(ord(c) > 0xFF for c in t if c.isalpha())]
    for lang, t in rng.sample(tricky, min(98, len(tricky))):
        add('clean-tricky-latin', lang, t, t)
    cjk = [(l, t) for l in ('ja', 'zh-hans', 'zh-hant', 'ko') for t in texts.get(l, [])]
    halfwidth_lines = [('ja', t) for t in ja_halfwidth]
    quoted = [(l, t) for l, t in cjk if '“' in t]
    pick = rng.sample(halfwidth_lines, min(30, len(halfwidth_lines))) + rng.sample(quoted, min(15, len(quoted)))
    rest = [x for x in cjk if x not in pick]
    pick += rng.sample(rest, 82 - len(pick))
    for lang, t in pick:
        add('clean-tricky-cjk', lang, t, t)
    for t in rng.sample(mixed, min(82, len(mixed))):
        add('clean-tricky-symbols', 'mixed', t, t)
    for _ in range(22):
        lang, a = rng.choice(every)
        b = rng.choice(texts[lang])
        t = a + rng.choice(['\x85', '\x85', '\x9b', '\x96']) + b
        add('clean-c1-controls', lang, t, t)
    for c in cases:
        print(json.dumps(c, ensure_ascii=False))


if __name__ == '__main__':
    main()

"""Build a cross-kind copy of the dev set: every kind of damage applied
to every original text it can apply to, not only to the texts the dev
set chose for it. A check that repair holds on sentences of other
languages and styles than a kind's own cases, as the held-out set's
other documents may bring.

For every distinct one-line original of ../shared/testdata/mojibake-dev/
cases.jsonl, with Python's codecs as the dev set's README describes the
damage:

  utf8-as-windows-1252-undefined-dropped  UTF-8 read as windows-1252, its
                                          five undefined bytes dropped
  utf8-as-windows-1252-nbsp-space         UTF-8 read as windows-1252, U+00A0
                                          made a space
  double-utf8-as-windows-1252             twice through windows-1252
  double-utf8-as-latin-1-then-windows-1252
  triple-utf8-as-windows-1252
  double-utf8-as-gbk-then-windows-1252    (texts GBK decodes without error)
  lossy-utf8-as-gbk-{dropped,fffd,question}  (English, German, Russian)
  <legacy>-as-{windows-1252,latin-1}      Chinese, Japanese, Korean,
                                          Russian, Ukrainian, Greek,
                                          Hebrew and Arabic texts in their
                                          legacy charsets
  cp1251-as-koi8-r, koi8-r-as-cp1251      Russian and Ukrainian texts
  <legacy>-as-…-capitals                  Russian, Ukrainian and Greek
                                          texts in capitals, in their
                                          legacy charsets

Each case's kind is "x-" plus the damage and the text's language, so the
scorer reports each language apart:

    python3 bench/crosskind/make.py > /tmp/crosskind.jsonl
    python3 ../shared/tools/score_fix.py /tmp/crosskind.jsonl -- moji fix --jsonl

The texts are the dev set's (read from ../shared): no held-out measure
of the sentences, but of the pairing of damage and text.
"""
import json
import os

DEV = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'testdata', 'mojibake-dev', 'cases.jsonl')
UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
LEGACY = {'zh-hans': ['gbk'], 'zh-hant': ['cp950'], 'ja': ['cp932'], 'ko': ['cp949'],
          'ru': ['cp1251', 'koi8_r'], 'uk': ['cp1251'], 'el': ['cp1253'], 'he': ['cp1255'], 'ar': ['cp1256']}


def sloppy1252(b):
    """windows-1252 as browsers read it: an undefined byte is the code
    point of the same number."""
    out = []
    for x in b:
        try:
            out.append(bytes([x]).decode('cp1252'))
        except UnicodeDecodeError:
            out.append(chr(x))
    return ''.join(out)


def damages(text, lang):
    """Yields (kind, broken) for every damage that applies to text."""
    b = text.encode('utf-8')
    if any(x >= 0x80 for x in b):
        if any(x in UNDEFINED for x in b):
            yield 'utf8-as-windows-1252-undefined-dropped', ''.join(
                bytes([x]).decode('cp1252') for x in b if x not in UNDEFINED)
        if 0xA0 in b:
            yield 'utf8-as-windows-1252-nbsp-space', sloppy1252(b).replace('\u00a0', ' ')
        once = sloppy1252(b)
        twice = sloppy1252(once.encode('utf-8'))
        yield 'double-utf8-as-windows-1252', twice
        yield 'double-utf8-as-latin-1-then-windows-1252', sloppy1252(b.decode('latin-1').encode('utf-8'))
        yield 'triple-utf8-as-windows-1252', sloppy1252(twice.encode('utf-8'))
        try:
            yield 'double-utf8-as-gbk-then-windows-1252', sloppy1252(b.decode('gbk').encode('utf-8'))
        except UnicodeDecodeError:
            pass
        if lang in ('en', 'de', 'ru'):
            try:
                b.decode('gbk')
            except UnicodeDecodeError:
                yield 'lossy-utf8-as-gbk-dropped', b.decode('gbk', errors='ignore')
                yield 'lossy-utf8-as-gbk-fffd', b.decode('gbk', errors='replace')
                yield 'lossy-utf8-as-gbk-question', b.decode('gbk', errors='replace').replace('\ufffd', '?')
    for enc in LEGACY.get(lang, []):
        try:
            lb = text.encode(enc)
        except UnicodeEncodeError:
            continue
        name = {'cp950': 'big5', 'cp932': 'shift_jis', 'cp949': 'euc-kr', 'koi8_r': 'koi8-r'}.get(enc, enc)
        yield name + '-as-windows-1252', sloppy1252(lb)
        yield name + '-as-latin-1', lb.decode('latin-1')


def alphabet_damages(text, lang):
    """Yields (kind, broken) for the damages that only Cyrillic and Greek
    text takes: the two Russian code pages read as each other, and every
    legacy damage of the text written in capitals, as headings and
    Unicode's names are ("ОШИБКА ДИАПАЗОНА"): a page's capitals are
    another page's small letters, and a reading's case is evidence."""
    if lang in ('ru', 'uk'):
        for enc, dec, name in (('cp1251', 'koi8_r', 'cp1251-as-koi8-r'), ('koi8_r', 'cp1251', 'koi8-r-as-cp1251')):
            try:
                yield name, text.encode(enc).decode(dec)
            except UnicodeError:
                pass
    if lang in ('ru', 'uk', 'el'):
        caps = text.upper()
        for kind, broken in damages(caps, lang):
            if '-as-' in kind and not kind.startswith(('utf8', 'double', 'triple', 'lossy')):
                yield kind + '-capitals', broken


def main():
    texts, seen = [], set()
    for line in open(DEV, encoding='utf-8'):
        c = json.loads(line)
        if c['original'] in seen or '\n' in c['original']:
            continue
        seen.add(c['original'])
        texts.append((c['original'], c['lang']))
    n = 0
    # The damages of every language first, then those of the alphabets
    # alone, so that the first cases keep their numbers.
    for damage in (damages, alphabet_damages):
        for text, lang in texts:
            for kind, broken in damage(text, lang):
                original = text.upper() if kind.endswith('-capitals') else text
                if broken == original:
                    continue
                print(json.dumps({'id': 'x%05d' % n, 'kind': 'x-%s-%s' % (kind, lang), 'lang': lang,
                                  'broken': broken, 'original': original}, ensure_ascii=False))
                n += 1


if __name__ == '__main__':
    main()

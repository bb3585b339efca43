"""Build lines of dictionary words to check what the dev set cannot:
sentences nobody wrote, in 26 languages, for false positives.

    python3 bench/wordlines/make.py clean   [SEED] > /tmp/clean.jsonl
    python3 bench/wordlines/make.py mixed   [SEED] > /tmp/mixed.jsonl
    python3 bench/wordlines/make.py partial [SEED] > /tmp/partial.jsonl
    python3 bench/wordlines/make.py mono    [SEED] > /tmp/mono.jsonl
    python3 ../shared/tools/score_fix.py /tmp/partial.jsonl -- moji fix --jsonl

A third argument "other" uses, instead, languages the dev set does not
hold (LANGS_OTHER; apt-get install hunspell-{af,be,ca,eu,gl,hr,sl,sr,kk}
myspell-eo first): correct text moji must leave alone whether it models
the language or not.

Words come from the hunspell dictionaries Debian installs under
/usr/share/hunspell (the stems of the .dic files, mostly words with a
letter outside ASCII). "clean": 3 to 10 words of one language, in lower
case, capitals or sentence case. "mixed": 2 to 8 words of two languages.
"partial": a correct part of two languages followed by 2 to 6 words of
one of them damaged as UTF-8 read as windows-1252 (sloppy, with its
undefined bytes dropped, with NBSP made a space, or twice), as another
single-byte page (windows-1250, -1251, -1253, -1254, -1257, ISO-8859-2,
MacRoman, cp437) or as GBK: the correct part must survive, as in the dev
set's partial kinds. "mono": the same with both parts in one language,
as damage in part mostly comes. Words are sometimes set in quotation
marks of several conventions («», “”, „“), followed by a dash, an
ellipsis, ’s or an NBSP and a percent sign. Every line is a JSON object with id, kind,
lang, broken and original, as score_fix.py reads them.
"""
import json
import os
import random
import sys

LANGS = ['ar', 'bg_BG', 'cs_CZ', 'da_DK', 'de_DE', 'el_GR', 'en_US', 'es_ES', 'et_EE', 'fr_FR', 'he_IL',
         'hu_HU', 'it_IT', 'ko_KR', 'lt_LT', 'lv_LV', 'nl_NL', 'pl_PL', 'pt_PT', 'ro_RO', 'ru_RU', 'sk_SK',
         'sv_SE', 'th_TH', 'tr_TR', 'uk_UA', 'vi_VN']
LANGS_OTHER = ['af_ZA', 'be_BY', 'ca', 'eo', 'eu', 'gl_ES', 'hr_HR', 'kk_KZ', 'sl_SI', 'sr_RS', 'sr_Latn_RS']


def words(lang):
    dic = f'/usr/share/hunspell/{lang}.dic'
    if not os.path.exists(dic):
        return None
    enc = 'utf-8'
    with open(dic[:-4] + '.aff', 'rb') as f:
        for line in f.read().decode('latin-1').splitlines():
            if line.startswith('SET '):
                enc = line.split()[1].strip()
                break
    with open(dic, 'rb') as f:
        lines = f.read().decode(enc, 'replace').splitlines()[1:]
    ws = [w.split('/')[0].strip() for w in lines]
    return [w for w in ws if w and '\t' not in w and not w.isdigit()]


def sloppy1252(b):
    out = []
    for x in b:
        try:
            out.append(bytes([x]).decode('cp1252'))
        except UnicodeDecodeError:
            out.append(chr(x))
    return ''.join(out)


SLOPPY = {'1250': 'cp1250', '1251': 'cp1251', '1253': 'cp1253', '1254': 'cp1254', '1257': 'cp1257',
          'latin2': 'iso8859_2', 'mac': 'mac_roman', 'cp437': 'cp437'}
DAMAGES = list(SLOPPY) + ['sloppy', 'drop', 'nbsp', 'double', 'gbk']


def sloppy(b, enc):
    out = []
    for x in b:
        try:
            out.append(bytes([x]).decode(enc))
        except UnicodeDecodeError:
            out.append(chr(x))
    return ''.join(out)


PUNCT = ['“{}”', '«{}»', '„{}“', '‘{}’', '{} —', '{} –', '{}…', '{}’s', '{},', '({})', '{}\u00a0%', '¿{}?', '¡{}!', '{}:']


def punctuate(rnd, ws):
    return [rnd.choice(PUNCT).format(w) if rnd.random() < 0.3 else w for w in ws]


def cased(s, i):
    if i % 3 == 1:
        return s.upper()
    if i % 3 == 2:
        return s[:1].upper() + s[1:] + '.'
    return s


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else 'clean'
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    vocab = {}
    for lang in LANGS_OTHER if len(sys.argv) > 3 and sys.argv[3] == 'other' else LANGS:
        ws = words(lang)
        if ws:
            accented = [w for w in ws if any(ord(c) > 127 for c in w)]
            if accented:
                vocab[lang] = (ws, accented)
    if not vocab:
        sys.exit('no hunspell dictionaries under /usr/share/hunspell')
    langs = sorted(vocab)

    def pick(lang):
        ws, accented = vocab[lang]
        return rnd.choice(accented if rnd.random() < 0.6 else ws)

    def emit(i, kind, lang, broken, original):
        print(json.dumps({'id': f'{mode}-{i}', 'kind': kind, 'lang': lang, 'broken': broken,
                          'original': original}, ensure_ascii=False))

    if mode == 'clean':
        i = 0
        for lang in langs:
            for k in range(150):
                s = cased(' '.join(punctuate(rnd, [pick(lang) for _ in range(rnd.randint(3, 10))])), k)
                emit(i, 'clean', lang, s, s)
                i += 1
        return
    for i in range(3000):
        a, b = rnd.sample(langs, 2)
        if mode == 'mono':
            b = a
        s = cased(' '.join(punctuate(rnd, [pick(rnd.choice([a, b])) for _ in range(rnd.randint(2, 8))])), i)
        if mode == 'mixed':
            emit(i, 'clean', a + '+' + b, s, s)
            continue
        t = ' '.join(punctuate(rnd, [pick(a) for _ in range(rnd.randint(2, 6))]))
        damage = rnd.choice(DAMAGES)
        if damage in SLOPPY:
            d = sloppy(t.encode('utf-8'), SLOPPY[damage])
        elif damage == 'double':
            d = sloppy1252(sloppy1252(t.encode('utf-8')).encode('utf-8'))
        elif damage == 'nbsp':
            d = sloppy1252(t.encode('utf-8')).replace('\xa0', ' ')
        elif damage == 'sloppy':
            d = sloppy1252(t.encode('utf-8'))
        elif damage == 'drop':
            d = t.encode('utf-8').decode('cp1252', errors='ignore')
        else:
            try:
                d = t.encode('utf-8').decode('gbk')
            except UnicodeDecodeError:
                continue
        if d == t:
            continue  # nothing in it the damage touches
        emit(i, 'partial-' + damage, a, s + ' ' + d, s + ' ' + t)


if __name__ == '__main__':
    main()

"""Build lines of correct text that mix CJK words with Latin ones, to
check that moji leaves alone what bilingual and technical text writes:
Chinese or Japanese words inside English sentences, and ASCII tokens
inside Chinese or Japanese text.

    apt-get install wamerican libpinyin-data opencc mecab-ipadic
    python3 bench/cjkwords/make.py english [SEED] > /tmp/encjk.jsonl
    python3 bench/cjkwords/make.py tokens  [SEED] > /tmp/cjktok.jsonl
    python3 bench/cjkwords/make.py boundary [SEED] > /tmp/cjkbound.jsonl
    python3 bench/cjkwords/make.py latin [SEED] > /tmp/cjklatin.jsonl
    python3 ../shared/tools/score_fix.py /tmp/encjk.jsonl -- moji fix --jsonl

"english": 4 to 12 wamerican words with one or two CJK words among them,
alone or glued to an English word, 3,000 lines each of simplified
Chinese (libpinyin's 20,000 most frequent words), traditional Chinese
(the same carried over by OpenCC's s2tw) and Japanese (mecab-ipadic
nouns of cost below 5,000). "tokens": 2 to 10 such CJK words with one to
three ASCII tokens ("gcc", "/etc/passwd", "UTF-8") inserted anywhere,
with or without spaces, 20,000 lines per variety; inserted anywhere,
a token may split a word ("釘make子"). "boundary": the same, with each
token between two words. "latin": 4 to 12 words of a hunspell
dictionary of a language written with letters outside ASCII (German,
French, Spanish, Portuguese, Italian, Polish, Czech, Hungarian, Swedish,
Turkish, Vietnamese, Russian, Greek), at least one of them with such a
letter, and one CJK word of one or two characters standing alone among
them, 1,000 lines per language: the way a dictionary or a lesson cites
a character ("Ich lerne das Zeichen 猫 für Katze"). Every line is correct
text, so every change is a false positive. Lines are JSON objects with
id, kind ("clean"), lang, broken and original, as score_fix.py reads
them.
"""
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'internal', 'gen', 'langstats'))
from derive_cjk import PINYIN, libpinyin_words  # noqa: E402

TOKENS = ['Xpdf', 'ISO8859-2', 'fontpath', 'shell', '1', 'GNU', 'Linux', '-f', '/etc/passwd', 'root',
          'UTF-8', 'TCP/IP', 'API', 'http://example.com', 'v2.0', 'README', 'make', 'gcc', '(default)',
          '"yes"', '0x1F']


def chinese_words():
    counts = {}
    for name in ('gb_char.bin', 'gbk_char.bin'):
        for w, c in libpinyin_words(PINYIN + name):
            if 2 <= len(w) <= 6:
                counts[w] = counts.get(w, 0) + c
    hans = [w for w, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:20000]]
    with tempfile.TemporaryDirectory() as d:
        src, dst = os.path.join(d, 'hans.txt'), os.path.join(d, 'hant.txt')
        with open(src, 'w', encoding='utf-8') as f:
            f.write('\n'.join(hans) + '\n')
        subprocess.run(['opencc', '-c', 's2tw.json', '-i', src, '-o', dst], check=True)
        with open(dst, encoding='utf-8') as f:
            hant = [line.strip() for line in f if line.strip()]
    return hans, hant


def japanese_words():
    words = []
    for path in sorted(glob.glob('/usr/share/mecab/dic/ipadic/Noun*.csv')):
        with open(path, encoding='euc-jp') as f:
            for line in f:
                p = line.split(',')
                if int(p[3]) < 5000:
                    words.append(p[0])
    return words


def english_lines(rng, pools, out):
    with open('/usr/share/dict/american-english', encoding='utf-8') as f:
        en = [w.strip() for w in f if w.strip().isalpha() and w.strip().islower()]
    n = 0
    for name, pool in pools:
        for _ in range(3000):
            words = [rng.choice(en) for _ in range(rng.randint(4, 12))]
            for _ in range(rng.randint(1, 2)):
                i = rng.randint(0, len(words))
                c = rng.choice(pool)
                glue = rng.random()
                if glue < 0.4 or i == len(words):
                    words.insert(i, c)
                elif glue < 0.7:
                    words[i] = words[i] + c
                else:
                    words[i] = c + words[i]
            out(n, name, ' '.join(words))
            n += 1


def spaced_token(rng):
    """Return one of TOKENS, with or without a space on either side."""
    tok = rng.choice(TOKENS)
    return (' ' if rng.random() < 0.5 else '') + tok + (' ' if rng.random() < 0.5 else '')


def words_with_marks(rng, words):
    """Join words, each followed now and then by a mark or a space."""
    line = ''
    for w in words:
        line += w
        if rng.random() < 0.15:
            line += rng.choice(['，', '、', '。', ' ', '：'])
    return line


def insert_tokens(rng, items):
    """Insert one to three spaced tokens into the list items, anywhere."""
    for _ in range(rng.randint(1, 3)):
        i = rng.randint(0, len(items))
        items.insert(i, spaced_token(rng))
    return items


def token_lines(rng, pools, out):
    n = 0
    for name, pool in pools:
        for _ in range(20000):
            # Each word is drawn as it is joined, before its mark.
            words = (rng.choice(pool) for _ in range(rng.randint(2, 10)))
            chars = insert_tokens(rng, list(words_with_marks(rng, words)))
            out(n, name, ''.join(chars))
            n += 1


def boundary_lines(rng, pools, out):
    """As token_lines, but each token goes between two words, never inside
    one: tokens inserted at any character split words ("釘子" as
    "釘make子"), which leaves lone hanzi glued to tokens that real text
    seldom writes."""
    n = 0
    for name, pool in pools:
        for _ in range(20000):
            words = [rng.choice(pool) for _ in range(rng.randint(2, 10))]
            out(n, name, words_with_marks(rng, insert_tokens(rng, words)))
            n += 1


LATIN_DICTS = ['de_DE', 'fr_FR', 'es_ES', 'pt_PT', 'it_IT', 'pl_PL', 'cs_CZ', 'hu_HU', 'sv_SE', 'tr_TR',
               'vi_VN', 'ru_RU', 'el_GR']


def latin_lines(rng, pools, out):
    """Words of a language written with letters outside ASCII, one CJK
    word of one or two characters among them, alone."""
    sys.path.insert(0, os.path.join(HERE, '..', 'wordlines'))
    from make import words  # noqa: E402
    cjk = [w[:rng.randint(1, 2)] for _, pool in pools for w in pool]
    n = 0
    for lang in LATIN_DICTS:
        ws = [w for w in (words(lang) or []) if w.isalpha()]
        if not ws:
            continue
        accented = [w for w in ws if not w.isascii()]
        for _ in range(1000):
            line = [rng.choice(ws) for _ in range(rng.randint(3, 11))]
            line.insert(rng.randint(0, len(line)), rng.choice(accented))
            line.insert(rng.randint(0, len(line)), rng.choice(cjk))
            out(n, lang, ' '.join(line))
            n += 1


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else 'english'
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = random.Random(seed)
    hans, hant = chinese_words()
    pools = [('zh-hans', hans), ('zh-hant', hant), ('ja', japanese_words())]

    def out(n, lang, line):
        print(json.dumps({'id': f'{mode}-{n:05d}', 'kind': 'clean', 'lang': lang,
                          'broken': line, 'original': line}, ensure_ascii=False))
    if mode == 'tokens':
        token_lines(rng, pools, out)
    elif mode == 'boundary':
        boundary_lines(rng, pools, out)
    elif mode == 'latin':
        latin_lines(rng, pools, out)
    else:
        english_lines(rng, pools, out)


if __name__ == '__main__':
    main()

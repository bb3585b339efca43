"""Build lines of correct text in the ~800 locales of Unicode CLDR, to
check that moji leaves alone the scripts and languages it does not model
(Devanagari, Georgian, Ethiopic, Sinhala, Tibetan, ...) as well as those
it does.

    apt-get install unicode-cldr-core
    python3 bench/cldr/make.py [SEED] > /tmp/cldr.jsonl
    python3 ../shared/tools/score_fix.py /tmp/cldr.jsonl -- moji fix --jsonl

Each line joins 3 to 10 display names of one locale (languages,
territories, scripts, months, weekdays), with spaces or the locale's
commas between them; every line is correct text, so every change is a
false positive. Lines are JSON objects with id, kind ("clean"), lang,
broken and original, as score_fix.py reads them.
"""
import glob
import json
import os
import random
import sys
import xml.etree.ElementTree as ET

MAIN = '/usr/share/unicode/cldr/common/main'
TAGS = ('language', 'territory', 'script', 'month', 'day', 'key', 'type', 'era', 'quarter')


def names(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return []
    out = []
    for el in root.iter():
        if el.tag in TAGS and el.text and el.text.strip() and el.get('alt') is None:
            t = el.text.strip()
            if not t.isascii() or len(out) % 4 == 0:
                out.append(t)
    return out


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    rng = random.Random(seed)
    n = 0
    for path in sorted(glob.glob(os.path.join(MAIN, '*.xml'))):
        locale = os.path.basename(path)[:-4]
        ns = names(path)
        if len(ns) < 10:
            continue
        for _ in range(6):
            k = rng.randint(3, 10)
            sep = rng.choice([' ', ', ', ' · ', '، ', '、', ' - '])
            line = sep.join(rng.sample(ns, k))
            if rng.random() < 0.3:
                line = line[0].upper() + line[1:]
            print(json.dumps({'id': f'cldr-{n:05d}', 'kind': 'clean', 'lang': locale,
                              'broken': line, 'original': line}, ensure_ascii=False))
            n += 1


if __name__ == '__main__':
    main()

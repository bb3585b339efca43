"""Build lines of correct text in the ~800 locales of Unicode CLDR, to
check that moji leaves alone the scripts and languages it does not model
(Devanagari, Georgian, Ethiopic, Sinhala, Tibetan, ...) as well as those
it does.

    apt-get install unicode-cldr-core
    python3 bench/cldr/make.py [SEED] [annotations] > /tmp/cldr.jsonl
    python3 ../shared/tools/score_fix.py /tmp/cldr.jsonl -- moji fix --jsonl

Each line joins 3 to 10 display names of one locale (languages,
territories, scripts, months, weekdays), with spaces or the locale's
commas between them. With "annotations", each line instead joins 2 to 6
of a locale's emoji names and keywords (common/annotations), alone, after
their emoji or before it. Every line is correct text, so every change is
a false positive. Lines are JSON objects with id, kind ("clean"), lang,
broken and original, as score_fix.py reads them.
"""
import glob
import json
import os
import random
import sys
import xml.etree.ElementTree as ET

MAIN = '/usr/share/unicode/cldr/common/main'
ANNOTATIONS = '/usr/share/unicode/cldr/common/annotations'
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


def annotations(path):
    """The emoji of a locale's annotation file with their names and
    keywords, as (emoji, text) pairs."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return []
    out = []
    for el in root.iter('annotation'):
        if el.text and el.text.strip():
            out.append((el.get('cp'), el.text.strip().replace(' | ', ', ')))
    return out


def locales(directory, read):
    """Yield each locale of directory with what read finds in its file,
    where that is ten items or more."""
    for path in sorted(glob.glob(os.path.join(directory, '*.xml'))):
        items = read(path)
        if len(items) >= 10:
            yield os.path.basename(path)[:-4], items


def emit(ident, locale, line):
    print(json.dumps({'id': ident, 'kind': 'clean', 'lang': locale,
                      'broken': line, 'original': line}, ensure_ascii=False))


def annotation_lines(rng):
    n = 0
    for locale, items in locales(ANNOTATIONS, annotations):
        for _ in range(30):
            sample = rng.sample(items, rng.randint(2, 6))
            mode = rng.random()
            if mode < 0.4:
                line = ' '.join(t for _, t in sample)
            elif mode < 0.7:
                line = ' '.join(c + ' ' + t for c, t in sample)
            else:
                line = ', '.join(t + ' ' + c for c, t in sample)
            emit(f'cldr-an-{n:05d}', locale, line)
            n += 1


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    rng = random.Random(seed)
    if len(sys.argv) > 2 and sys.argv[2] == 'annotations':
        annotation_lines(rng)
        return
    n = 0
    for locale, ns in locales(MAIN, names):
        for _ in range(6):
            k = rng.randint(3, 10)
            sep = rng.choice([' ', ', ', ' · ', '، ', '、', ' - '])
            line = sep.join(rng.sample(ns, k))
            if rng.random() < 0.3:
                line = line[0].upper() + line[1:]
            emit(f'cldr-{n:05d}', locale, line)
            n += 1


if __name__ == '__main__':
    main()

"""Build correct lines that look harder than the dev set's, to look for
false positives: every original text of the dev set, rewritten in ways
correct text is written too.

    python3 bench/tricky/make.py [SEED] > /tmp/tricky.jsonl
    python3 ../shared/tools/score_fix.py /tmp/tricky.jsonl -- moji fix --jsonl

Every line is correct, so clean_fp is the figure: the share of lines moji
changed. The kinds:

  upper, lower, title  the text in capitals, small letters, title case
  nbsp                 every space a no-break space
  typography           no-break spaces where French and careful typography
                       put them: before : ; ! ? » % €, after «, between a
                       number and its unit, after one-letter words
  units                a measurement inserted: "≈ 3 µm", "± 0,5 %", "90°"
  marks                ® ™ © † ‡ ′ ″ after two words
  quotes               two words quoted in one of eleven conventions
  markup               two words in Markdown or HTML emphasis, brackets
  emoji                an emoji or dingbat after two words
  halfwidth            katakana and CJK punctuation in their half-width forms
  join                 the text and two others, of any languages, in one line

With a second argument "partial", every other line but those of the
kinds join, lower and title is followed by the damaged text of a dev
case of a reversible kind, as a page joins a correct template to a field
damaged elsewhere; original is the line and that case's original, and
the kind is the case's.

    python3 bench/tricky/make.py 1 partial > /tmp/tricky-partial.jsonl

The texts are the dev set's originals (read from ../shared), so this is
no held-out measure; it finds the kinds of correct text the model
mistakes, as bench/wordlines does with dictionary words.
"""
import json
import random
import re
import sys
import unicodedata

CASES = '/work/shared/testdata/mojibake-dev/cases.jsonl'

QUOTES = [('„', '“'), ('«', '»'), ('‚', '‘'), ('「', '」'), ('『', '』'), ('“', '”'), ('‘', '’'),
          ('»', '«'), ('‹', '›'), ('« ', ' »'), ('«\u00a0', '\u00a0»')]
UNITS = ['(25 °C)', '≈ 3 µm', '5 × 10³', '± 0,5 %', '½ cup', '№ 5', '§ 12', '3 m²', '10 km/h', '−40 °F',
         '90°', '2–3', '1 000 000', '1\u202f000', '99,9 %', '£5', '¥300', '€10', '₹20', '₩1000', '$5.99',
         '30\u00a0µs', '≥\u00a010', '≤\u00a020', 'nº 5', '1ª', '3º']
MARKS = '®™©†‡′″'
EMOJI = ['👍', '🎉', '😀', '❤️', '✓', '✔', '★', '☺', '→', '⇒', '✅', '🇫🇷']
MARKUP = ['**%s**', '<b>%s</b>', '_%s_', '[%s]', '(%s)', '`%s`', '"%s"']

# Half-width forms of katakana and CJK punctuation, from their NFKC
# decompositions: ｶ for カ, ｡ for 。.
HALF = {unicodedata.normalize('NFKC', chr(c)): chr(c) for c in range(0xFF61, 0xFFA0)}
HALF = {k: v for k, v in HALF.items() if len(k) == 1}


def typography(t):
    t = re.sub(r' ([:;!?»%€])', '\u00a0\\1', t)
    t = re.sub(r'(\d) (\w)', '\\1\u00a0\\2', t)
    t = t.replace('« ', '«\u00a0')
    return re.sub(r'(^|\s)(\w) ', lambda m: m.group(1) + m.group(2) + '\u00a0', t)


def main():
    rnd = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    with open(CASES, encoding='utf-8') as f:
        cases = [json.loads(line) for line in f]
    texts = sorted({c['original'] for c in cases})
    damaged = [c for c in cases if c['broken'] != c['original'] and not c['kind'].startswith('lossy')
               and not c['kind'].startswith('partial')]
    partial = len(sys.argv) > 2 and sys.argv[2] == 'partial'
    pick = random.Random(rnd.random()) if partial else None
    n = 0

    def emit(kind, t):
        nonlocal n
        if not partial:
            print(json.dumps({'id': f'tricky-{n}', 'kind': kind, 'broken': t, 'original': t}, ensure_ascii=False))
        elif kind not in ('join', 'lower', 'title') and pick.random() < 0.5:
            c = pick.choice(damaged)
            print(json.dumps({'id': f'tricky-{n}', 'kind': c['kind'], 'broken': t + ' ' + c['broken'],
                              'original': t + ' ' + c['original']}, ensure_ascii=False))
        n += 1

    def rewrite(t, f, k=2):
        w = t.split(' ')
        for i in rnd.sample(range(len(w)), min(len(w), k)):
            w[i] = f(w[i])
        return ' '.join(w)

    for t in texts:
        emit('upper', t.upper())
        emit('lower', t.lower())
        emit('title', t.title())
        emit('nbsp', t.replace(' ', '\u00a0'))
        emit('typography', typography(t))
        w = t.split(' ')
        w.insert(rnd.randrange(len(w) + 1), rnd.choice(UNITS))
        emit('units', ' '.join(w))
        emit('marks', rewrite(t, lambda x: x + rnd.choice(MARKS)))
        emit('quotes', rewrite(t, lambda x: (lambda q: q[0] + x + q[1])(rnd.choice(QUOTES))))
        emit('markup', rewrite(t, lambda x: rnd.choice(MARKUP) % x))
        emit('emoji', rewrite(t, lambda x: x + ' ' + rnd.choice(EMOJI)))
        emit('halfwidth', ''.join(HALF.get(c, c) for c in t))
        a, b = rnd.sample(texts, 2)
        emit('join', t + ' ' + a + ' ' + b)


if __name__ == '__main__':
    main()

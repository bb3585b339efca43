"""Score a run's outputs (see run.sh) per set: damaged cases exact after
NFC, as score_fix.py counts them, and correct lines changed at all.

    python3 bench/regress/score.py DIR OUT [SET ...]
"""
import json
import os
import sys
import unicodedata


def nfc(s):
    return unicodedata.normalize('NFC', s)


def main(d, out, sets):
    sets = sets or sorted(f[:-4] for f in os.listdir(out) if f.endswith('.out') and not f.startswith('ident'))
    for s in sets:
        with open(os.path.join(d, 'sets', s + '.jsonl'), encoding='utf-8') as f:
            cases = [json.loads(l) for l in f]
        with open(os.path.join(out, s + '.out'), encoding='utf-8') as f:
            outs = [json.loads(l)['text'] for l in f]
        damaged = exact = clean = changed = 0
        for c, o in zip(cases, outs):
            if c['kind'].startswith('clean'):
                clean += 1
                changed += o != c['broken']
            else:
                damaged += 1
                exact += nfc(o) == nfc(c['original'])
        print(f'{s:14} exact {exact}/{damaged}  clean changed {changed}/{clean}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], sys.argv[3:])

"""Split the dev set in two halves by its original texts, for a held-out
estimate: statistics derived from one half's texts, scored on the other.

A case goes to half 0 or 1 by the lowest bit of the first byte of the MD5
of its original text, so that the cases of one text (the same sentence
damaged in several ways) stay on one side.

    python3 bench/halves/split.py OUTDIR   # writes OUTDIR/half0.jsonl, OUTDIR/half1.jsonl

bench/halves/run.sh does the whole measurement.
"""
import hashlib
import json
import os
import sys

DEV = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'testdata', 'mojibake-dev', 'cases.jsonl')


def main(out):
    files = [open(os.path.join(out, 'half%d.jsonl' % h), 'w', encoding='utf-8') for h in (0, 1)]
    with open(DEV, encoding='utf-8') as f:
        for line in f:
            c = json.loads(line)
            files[hashlib.md5(c['original'].encode()).digest()[0] & 1].write(line)
    for f in files:
        f.close()


if __name__ == '__main__':
    main(sys.argv[1])

#!/usr/bin/env python3
"""Derive how punctuation sits between its neighbours: general punctuation
(U+2000-U+206F), CJK symbols and punctuation (U+3000-U+303F) and box
drawing (U+2500-U+257F).

Input: the `original` texts of the mojibake dev set
(../shared/testdata/mojibake-dev/cases.jsonl), which the project may use
as a statistics source. Each distinct text is counted once.

Output (stdout, committed as data/context.tsv): one line per
(left class, mark, right class) with its count. Classes:
  L letter, D digit, S space, N line start/end, C closing punct . , ; : ! ?
  O opening ( [ {, Q quote ' " and curly quotes, X anything else.

Usage: python3 derive.py ../../../../shared/testdata/mojibake-dev/cases.jsonl > data/context.tsv
"""
import collections
import json
import sys
import unicodedata


def cls(ch):
    if ch is None or ch == "\n":
        return "N"
    if ch.isspace():
        return "S"
    if ch.isdigit():
        return "D"
    if ch.isalpha():
        return "L"
    if ch in ".,;:!?":
        return "C"
    if ch in "([{":
        return "O"
    if ch in "'\"\u2018\u2019\u201c\u201d\u00ab\u00bb":
        return "Q"
    return "X"


def main(path):
    seen = set()
    counts = collections.Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["original"]
            if text in seen:
                continue
            seen.add(text)
            for i, ch in enumerate(text):
                if not ("\u2000" <= ch <= "\u206f" or "\u3000" <= ch <= "\u303f" or "\u2500" <= ch <= "\u257f"):
                    continue
                left = text[i - 1] if i > 0 else None
                right = text[i + 1] if i + 1 < len(text) else None
                counts[(cls(left), ch, cls(right))] += 1
    print("# left\tmark\tright\tcount  (derived by derive.py from the mojibake dev set's original texts)")
    for (l, ch, r), n in sorted(counts.items(), key=lambda kv: (kv[0][1], kv[0][0], kv[0][2])):
        print(f"{l}\tU+{ord(ch):04X}\t{r}\t{n}")


if __name__ == "__main__":
    main(sys.argv[1])

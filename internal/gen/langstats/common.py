"""Helpers shared by the derive*.py scripts (not imported by the Go generator)."""
import glob
import json
import os
import subprocess

# CASES names another case file, e.g. one half of the dev set (bench/halves),
# so that the other half can be scored on tables that never saw its texts.
CASES = os.environ.get('CASES', '/work/shared/testdata/mojibake-dev/cases.jsonl')


def pkg_version(pkg):
    """Return the installed Debian version of pkg, or 'not installed'."""
    try:
        out = subprocess.run(['dpkg-query', '-W', '-f=${Version}', pkg],
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return 'not installed'


def case_texts(lang):
    """Yield the 'original' running texts of the dev cases written in lang."""
    with open(CASES, encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            if d.get('lang') == lang and d.get('original'):
                yield d['original']


# WRITTEN is running text written for moji by its engineers (data/written/,
# README.md there): technical and everyday prose in Japanese and Chinese,
# and in 24 alphabetic languages, whose words derive_words.py counts.
# Unlike the lexicons it shows the runs across word boundaries ("して|いる",
# "ファイル|を", "する|。"), and unlike the case texts it is not the
# evaluation set. WRITTEN=0 in the environment leaves it out.
WRITTEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'written')


def written_texts(lang):
    """Yield the paragraphs (lines) of data/written/<lang>-*.txt."""
    if os.environ.get('WRITTEN') == '0':
        return
    for path in sorted(glob.glob(os.path.join(WRITTEN, lang + '-*.txt'))):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if line.strip():
                    yield line

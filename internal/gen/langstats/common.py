"""Helpers shared by the derive*.py scripts (not imported by the Go generator)."""
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

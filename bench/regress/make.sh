#!/bin/bash
# Build the regression sets: the dev set and every bench/ set made from it
# or from the Debian sources, as JSONL cases (sets/) and as the
# {"id","text"} lines moji reads (in/), plus an identity corpus of correct
# lines (in/ident.jsonl) for the other presets.
#
#   apt-get install -y hunspell-{ru,uk,bg,de-de,fr,es,pt-pt,it,nl,sv,da,cs,sk,pl,hu,ro,tr,lv,lt,vi,el,he,ar,ko,th} \
#       hunspell-{sr,kk,hr,sl,af,be,ca,eu,gl} myspell-eo myspell-et wamerican mecab-ipadic libpinyin-data opencc unicode-cldr-core
#   bash bench/regress/make.sh DIR
#
# Then run.sh DIR BINARY OUT writes a binary's outputs, cmp.sh OUT1 OUT2
# counts the lines two outputs differ in, and score.py DIR OUT scores
# them: a change that should not move any output (speed work) must show
# 0 lines everywhere; one that should, shows where.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
dir=${1:?usage: make.sh DIR}
mkdir -p "$dir/sets" "$dir/in"
S=$dir/sets
cd "$root"
cp ../shared/testdata/mojibake-dev/cases.jsonl "$S/dev.jsonl"
python3 bench/shuffled/make.py 1 > "$S/shuf1.jsonl"
python3 bench/shuffled/make.py 2 > "$S/shuf2.jsonl"
python3 bench/crosskind/make.py > "$S/cross.jsonl"
python3 bench/tricky/make.py 1 > "$S/tricky.jsonl"
python3 bench/tricky/make.py 1 partial > "$S/trickyp1.jsonl"
for m in clean mixed partial mono; do python3 bench/wordlines/make.py $m 1 > "$S/wl-$m.jsonl"; done
python3 bench/wordlines/make.py clean 1 other > "$S/wl-other.jsonl"
python3 bench/cldr/make.py 1 > "$S/cldr.jsonl"
python3 bench/cldr/make.py 1 annotations > "$S/cldr-ann.jsonl"
for m in english tokens boundary latin; do python3 bench/cjkwords/make.py $m 1 > "$S/cjk-$m.jsonl"; done
for f in "$S"/*.jsonl; do
  python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    c = json.loads(line)
    sys.stdout.write(json.dumps({"id": c["id"], "text": c["broken"]}, ensure_ascii=False) + "\n")
' "$f" > "$dir/in/$(basename "$f")"
done
I=$dir/in
cat "$I/tricky.jsonl" "$I/wl-clean.jsonl" "$I/wl-mixed.jsonl" "$I/wl-mono.jsonl" "$I/wl-other.jsonl" \
  "$I/cldr.jsonl" "$I/cldr-ann.jsonl" "$I/cjk-english.jsonl" > "$I/ident.jsonl"
wc -l "$S"/*.jsonl | tail -1

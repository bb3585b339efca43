#!/usr/bin/env bash
# bench/run.sh: the figures of BENCHMARKS.md.
#
#  1. builds SIZE_MB (default 100) MB of JSONL from the texts of
#     testdata/mojibake-dev/slice.jsonl, repeated, and times
#     "moji fix --jsonl" with -j 1 and -j 2 (M characters/s);
#  2. streams a 1 GB text file of 16 MB lines through "moji fix" and
#     reports the peak RSS (/usr/bin/time -v);
#  3. runs the in-process benchmarks COUNT (default 10) times into
#     bench/out/bench.txt and summarises them with benchstat.
#
# Environment: SIZE_MB, MEM_MB (default 1024), COUNT, SKIP_MEM=1,
# SKIP_GOBENCH=1, ADVSIZE (bytes of the long adversarial inputs).
# Temporary files go to a temp dir, deleted at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-100}
MEM_MB=${MEM_MB:-1024}
COUNT=${COUNT:-10}
ADVSIZE=${ADVSIZE:-16777216}
out=bench/out
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== machine"
echo "nproc: $(nproc)"
grep -m1 'model name' /proc/cpuinfo || true
go version

go build -o "$tmp/moji" ./cmd/moji

echo "== corpus: ${SIZE_MB} MB of JSONL from testdata/mojibake-dev/slice.jsonl"
# One record per text of the slice (broken and original alike), with the
# text under "text"; repeated until the size is reached.
python3 - "$tmp/corpus.jsonl" "$SIZE_MB" <<'PY'
import json, sys
path, mb = sys.argv[1], int(sys.argv[2])
texts = []
for line in open("testdata/mojibake-dev/slice.jsonl", encoding="utf-8"):
    rec = json.loads(line)
    for k in ("broken", "original"):
        if isinstance(rec.get(k), str):
            texts.append(rec[k])
block = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
chars = sum(len(t) for t in texts)
n = max(1, mb * 1000000 // len(block.encode()))
with open(path, "w", encoding="utf-8") as f:
    for _ in range(n):
        f.write(block)
print(f"{n * len(texts)} records, {n * chars} characters of text, {n * len(block)} characters in all")
with open(path + ".chars", "w") as f:
    f.write(str(n * len(block)))
PY
chars=$(cat "$tmp/corpus.jsonl.chars")
for j in 1 2; do
  start=$(date +%s.%N)
  "$tmp/moji" fix --jsonl --quiet -j "$j" "$tmp/corpus.jsonl" > "$tmp/out-$j.jsonl"
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); c=int(sys.argv[3]); print(f'-j $j: {s:.2f} s, {c/s/1e6:.2f} M chars/s')" "$start" "$end" "$chars"
done
cmp "$tmp/out-1.jsonl" "$tmp/out-2.jsonl" && echo "-j 1 and -j 2 outputs are identical"
rm -f "$tmp"/corpus.jsonl "$tmp"/out-*.jsonl

if [ "${SKIP_MEM:-}" != 1 ]; then
  echo "== memory: ${MEM_MB} MB of text in 16 MB lines"
  python3 - "$tmp/big.txt" "$MEM_MB" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
line = ("The cafe serves creme brulee; it's good, and so is the tea. " * 300000)[: 16 * 1024 * 1024 - 1] + "\n"
with open(path, "w") as f:
    for _ in range(max(1, mb // 16)):
        f.write(line)
PY
  /usr/bin/time -v "$tmp/moji" fix --quiet "$tmp/big.txt" 2> "$tmp/time.txt" > /dev/null
  grep -E 'Maximum resident|Elapsed' "$tmp/time.txt"
  rm -f "$tmp/big.txt"
fi

if [ "${SKIP_GOBENCH:-}" != 1 ]; then
  echo "== go test -bench (count $COUNT)"
  go test -run '^$' -bench 'FixClass|FixAdversarial|FixPlan' -count "$COUNT" -moji.advsize "$ADVSIZE" . | tee "$out/bench.txt"
  go test -run '^$' -bench 'FixJSONL' -count "$COUNT" ./cmd/moji | tee -a "$out/bench.txt"
  if ! command -v benchstat >/dev/null; then
    go install golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
  fi
  "$(go env GOPATH)/bin/benchstat" "$out/bench.txt" || benchstat "$out/bench.txt"
fi

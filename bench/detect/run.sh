#!/bin/sh
# Measures charset detection on the char-dataset (read in place from
# /work/shared; it has no licence and is never copied here): accuracy and
# whole-process throughput per CPU second, with the acceptance scorer.
# Usage: bench/detect/run.sh [DATASET]   (from the repository root)
set -eu
data=${1:-/work/shared/testdata/char-dataset}
tools=/work/shared/tools
if [ ! -d "$data" ] || [ ! -f "$tools/detect_score.py" ]; then
	echo "run.sh: $data or $tools not available" >&2
	exit 0
fi
bin=$(mktemp -d)/moji
trap 'rm -rf "$(dirname "$bin")"' EXIT
# Prefer the real CLI; fall back to the stand-in while cmd/moji does not build.
if ! go build -o "$bin" ./cmd/moji 2>/dev/null; then
	go build -o "$bin" ./bench/detect/detectcli
	exec python3 "$tools/detect_score.py" "$data" -- "$bin"
fi
exec python3 "$tools/detect_score.py" "$data" -- "$bin" detect --files-from -

#!/usr/bin/env bash
# simulate-pipe.sh runs "moji fix --jsonl" the way Hadoop Streaming and
# Spark's RDD.pipe run a mapper, and checks that the parts add up to one
# run over the whole input.
#
# usage: simulate-pipe.sh MOJI INPUT.jsonl SPLITS [moji fix flags...]
#
# The mapper contract: each task gets one split of the input, whole lines,
# on standard input; what it writes on standard output becomes one part
# file; a non-zero exit fails the task. "split -n l/N" cuts the input into
# N line-aligned splits, as the input format does. The repair must then be
# a pure function of each line, so the concatenated parts equal a single
# run over the whole input, byte for byte.
set -euo pipefail
if [ $# -lt 3 ]; then
	echo "usage: $0 MOJI INPUT.jsonl SPLITS [moji fix flags...]" >&2
	exit 2
fi
moji=$1 input=$2 splits=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

split -n "l/$splits" -d -a 5 "$input" "$work/split-"
for s in "$work"/split-*; do
	part="$work/part-${s##*-}"
	if ! "$moji" fix --jsonl "$@" <"$s" >"$part"; then
		echo "$0: mapper failed on split ${s##*-}" >&2
		exit 1
	fi
done
cat "$work"/part-* >"$work/mapped"
"$moji" fix --jsonl "$@" <"$input" >"$work/whole"
if ! cmp -s "$work/mapped" "$work/whole"; then
	echo "$0: the parts differ from one run over the whole input" >&2
	exit 1
fi
echo "$0: $splits splits, $(wc -l <"$work/mapped") lines: parts equal one run over the whole input"

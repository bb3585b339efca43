#!/usr/bin/env bash
# test.sh checks the shell recipes of beam/README.md against the moji CLI
# built from this checkout: the pipe-mapper simulation (Hadoop Streaming,
# Spark RDD.pipe) and the Slurm job array, run here with the task ids set
# by hand as Slurm would set them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
check() { # check NAME COMMAND...: run COMMAND, count the outcome
	local name=$1
	shift
	if "$@" >"$work/out.log" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $name" >&2
		sed 's/^/	/' "$work/out.log" >&2
	fi
}
fails() { ! "$@"; } # succeeds when the command fails

(cd "$root" && go build -o "$work/moji" ./cmd/moji)
moji=$work/moji
slice=$root/testdata/mojibake-dev/slice.jsonl

# Pipe mappers: parts equal one run over the whole input, with a bad line
# kept or skipped; with --on-error fail the task fails.
cp "$slice" "$work/bad.jsonl"
echo '{"broken": ' >>"$work/bad.jsonl"
check "pipe: 7 splits" "$here/simulate-pipe.sh" "$moji" "$slice" 7 --field broken
check "pipe: 3 splits, ftfy, two fields" "$here/simulate-pipe.sh" "$moji" "$slice" 3 --field broken --field original --preset ftfy
check "pipe: bad line kept" "$here/simulate-pipe.sh" "$moji" "$work/bad.jsonl" 5 --field broken --on-error keep
check "pipe: bad line skipped" "$here/simulate-pipe.sh" "$moji" "$work/bad.jsonl" 5 --field broken --on-error skip
check "pipe: bad line fails the task" fails "$here/simulate-pipe.sh" "$moji" "$work/bad.jsonl" 5 --field broken

# Slurm array: four shards, two gzip-compressed; every task, then every
# task again (a resubmission), which must skip the done shards.
mkdir "$work/shards"
split -n l/4 -d -a 1 --additional-suffix=.jsonl "$slice" "$work/shards/part-"
gzip "$work/shards/part-0.jsonl" "$work/shards/part-2.jsonl"
ls "$work"/shards/* >"$work/shards.txt"
array() { # array JOBID: run every task of the array
	local i
	for i in 0 1 2 3; do
		SLURM_ARRAY_JOB_ID=$1 SLURM_ARRAY_TASK_ID=$i SLURM_CPUS_PER_TASK=2 MOJI=$moji \
			bash "$here/moji-array.sbatch" "$work/shards.txt" "$work/fixed" --field broken || return 1
	done
}
same() { # same: the shards' outputs equal one run over the whole input
	local f
	for f in "$work"/fixed/part-*; do
		case $f in *.gz) gzip -dc "$f" ;; *) cat "$f" ;; esac
	done >"$work/joined"
	"$moji" fix --jsonl --field broken <"$slice" >"$work/whole"
	cmp "$work/joined" "$work/whole"
}
check "slurm: array" array 100
check "slurm: outputs" same
check "slurm: four outputs, gzip kept" test "$(ls "$work"/fixed/*.gz | wc -l)" -eq 2 -a "$(ls "$work/fixed" | wc -l)" -eq 4
touch -d '2000-01-01' "$work"/fixed/*
check "slurm: resubmitted array" array 101
check "slurm: resubmission rewrote nothing" test -z "$(find "$work/fixed" -type f -newermt '2000-01-02')"
check "slurm: first run's stats kept" grep -q '"fields_changed": [1-9]' "$work/fixed.stats/part-1.jsonl.100.json"
check "slurm: second run skipped" grep -q '"skipped": true' "$work/fixed.stats/part-1.jsonl.101.json"

echo "recipes: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

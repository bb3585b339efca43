#!/bin/bash
# A held-out estimate for the dev set. The statistics tables mix in the
# dev cases' own texts (internal/gen/langstats/README.md), so a dev score
# is optimistic for text moji has not seen. This script splits the dev set
# in two halves by text (split.py), derives every table that reads the
# case texts from one half only (CASES=..., in a scratch git worktree of
# HEAD, so the checkout is untouched), and scores the other half with it;
# the running text of internal/gen/langstats/data/written/ is no dev text
# and is read whole for both halves;
# and both halves with the committed tables, for comparison.
#
# Needs the Debian packages of internal/gen/langstats/README.md and
# python3; takes some three minutes per half.
#
#   bash bench/halves/run.sh [OUTDIR]
set -euo pipefail
root=$(git rev-parse --show-toplevel)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
python3 "$root/bench/halves/split.py" "$out"
dev=$root/../shared/tools/score_fix.py
wt=$out/worktree
git -C "$root" worktree add -q --detach "$wt" HEAD
trap 'git -C "$root" worktree remove --force "$wt"' EXIT
(cd "$root" && go build -o "$out/moji-committed" ./cmd/moji)
for h in 0 1; do
	o=$((1 - h))
	(
		export CASES=$out/half$h.jsonl
		cd "$wt/internal/gen/langstats"
		for s in derive_bigrams derive_quads derive_words derive_cjk derive_cjkpairs derive_cjktriples; do
			python3 -B $s.py >/dev/null 2>>"$out/derive.log"
		done
		cd ../punct && python3 derive.py "$CASES" >data/context.tsv
		cd "$wt" && go generate ./internal/langstats ./internal/plausible && go build -o "$out/moji-half$h" ./cmd/moji
	)
	echo "half $o, committed tables (seen):"
	python3 "$dev" "$out/half$o.jsonl" --json "$out/seen$o.json" -- "$out/moji-committed" fix --jsonl | tail -1
	echo "half $o, tables from half $h (unseen):"
	python3 "$dev" "$out/half$o.jsonl" --json "$out/unseen$o.json" -- "$out/moji-half$h" fix --jsonl | tail -1
	git -C "$wt" checkout -q -- .
done
python3 - "$out" <<'PY'
import collections, json, sys
out = sys.argv[1]
def load(name):
    r = collections.defaultdict(lambda: [0, 0, 0.0])
    for h in (0, 1):
        for c in json.load(open('%s/%s%d.json' % (out, name, h)))['cases']:
            x = r[c['kind']]
            x[0] += 1; x[1] += c['exact']; x[2] += c['cer']
    return r
seen, unseen = load('seen'), load('unseen')
def total(r):
    damaged = [v for k, v in r.items() if not k.startswith('clean')]
    return sum(v[1] for v in damaged), sum(v[0] for v in damaged)
for name, r in (('seen', seen), ('unseen', unseen)):
    e, n = total(r)
    print('%-7s exact %d of %d damaged cases (%.1f%%)' % (name, e, n, 100 * e / n))
print('kinds that differ (exact, mean CER):')
for k in sorted(seen):
    s, u = seen[k], unseen[k]
    if s[1] != u[1] or abs(s[2] - u[2]) > 1e-9:
        print('  %-46s seen %3d/%3d %.4f   unseen %3d %.4f' % (k, s[1], s[0], s[2] / s[0], u[1], u[2] / u[0]))
PY

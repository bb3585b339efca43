#!/bin/bash
# Write BINARY's outputs for every set of DIR (see make.sh) to OUT, with
# the default preset, and those of the identity corpus with the ftfy and
# encoding presets; two sets at a time.
#
#   bash bench/regress/run.sh DIR BINARY OUT
set -euo pipefail
dir=${1:?usage: run.sh DIR BINARY OUT}; bin=${2:?}; out=${3:?}
mkdir -p "$out"
{
  for f in "$dir"/in/*.jsonl; do
    n=$(basename "$f" .jsonl)
    [ "$n" = ident ] && continue
    echo "'$bin' fix --jsonl < '$f' > '$out/$n.out'"
  done
  echo "'$bin' fix --jsonl --preset ftfy < '$dir/in/ident.jsonl' > '$out/ident-ftfy.out'"
  echo "'$bin' fix --jsonl --preset encoding < '$dir/in/ident.jsonl' > '$out/ident-enc.out'"
} | xargs -P 2 -I{} sh -c '{}'

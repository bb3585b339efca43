#!/bin/bash
# Count, per output file, the lines in which two runs (see run.sh) differ.
#
#   bash bench/regress/cmp.sh OUT1 OUT2
set -euo pipefail
for f in "${1:?usage: cmp.sh OUT1 OUT2}"/*.out; do
  n=$(basename "$f")
  printf '%-20s %s\n' "$n" "$(paste -d'\n' "$f" "${2:?}/$n" | awk 'NR%2{a=$0;next}{if(a!=$0)c++}END{print c+0}')"
done

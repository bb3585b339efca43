#!/usr/bin/env bash
# ci.sh checks the moji/beam module: vet, then the tests, which run the
# pipelines on the in-process Prism runner (no network, no Docker), then
# the shell recipes of README.md against the moji CLI.
#
# It is its own script because beam/ is a separate Go module: the root
# module's "go test ./..." never enters it, and should not pay for Beam's
# dependencies. A cold run (empty build cache, modules downloaded) costs
# about 6.7 minutes of CPU, nearly all of it compiling the Beam SDK: 6m43s
# of wall time measured on 2 busy cores, about 4 minutes on 2 idle ones.
set -euo pipefail
cd "$(dirname "$0")"
go vet ./...
go test ./...
bash recipes/test.sh

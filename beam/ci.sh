#!/usr/bin/env bash
# ci.sh checks the moji/beam module: vet, then the tests, which run the
# pipelines on the in-process Prism runner (no network, no Docker).
#
# It is its own script because beam/ is a separate Go module: the root
# module's "go test ./..." never enters it, and should not pay for Beam's
# dependencies. A cold run (empty build cache, modules downloaded) takes
# about 4 minutes on 2 cores, nearly all of it compiling the Beam SDK.
set -euo pipefail
cd "$(dirname "$0")"
go vet ./...
go test ./...

#!/usr/bin/env bash
# Sets everything up and runs corpusflow on real data: the sample this repository carries (data/sample:
# the seed page, three ANT Arabic news shards, the UDHR in 532 languages), or the shards given as arguments.
# Usage: scripts/demo.sh [SHARD_OR_FOLDER...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" corpusflow
inputs=("$@")
[[ ${#inputs[@]} -eq 0 ]] && inputs=("$root/data/sample")
out="$root/out/demo"
"$root/build/engine/corpusflow" run "${inputs[@]}" -o "$out" --overwrite --progress auto
"$root/build/engine/corpusflow" stats "$out"
echo "report: $out/report.html"

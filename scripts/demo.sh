#!/usr/bin/env bash
# Sets everything up and runs corpusflow on real data: the shards given as arguments; else the project's
# shared data beside the checkout (../shared/data: the seed page, the 31,523 ANT Arabic news pages, the UDHR
# in 532 languages) when it is there; else the sample this repository carries (data/sample).
# Usage: scripts/demo.sh [SHARD_OR_FOLDER...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" corpusflow
inputs=("$@")
shared="$(cd "$root/.." && pwd)/shared/data"
if [[ ${#inputs[@]} -eq 0 && -d "$shared/seed" && -d "$shared/ant-arabic-news" && -d "$shared/udhr" ]]; then
  inputs=("$shared/seed" "$shared/ant-arabic-news" "$shared/udhr")
elif [[ ${#inputs[@]} -eq 0 ]]; then
  inputs=("$root/data/sample")
fi
out="$root/out/demo"
"$root/build/corpusflow" run "${inputs[@]}" -o "$out" --overwrite --progress auto
"$root/build/corpusflow" stats "$out"
echo "report: $out/report.html"

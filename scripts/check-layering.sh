#!/usr/bin/env bash
# Checks the one-way layering of the product's folders (docs/architecture.md): each folder may include only the
# folders listed for it. Prints every include that breaks the rule and exits 1 if there is one.
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root"

# folder -> the folders its files may include (besides itself)
declare -A allowed=(
  [core]=""
  [io]="core"
  [stages]="core stages"
  [engine/gen]="core io"
  [engine/report]="core io stages/stats"
  [engine/graph]="core io stages engine/report"
  [engine/cli]="core io stages engine/gen engine/report engine/graph"
)

status=0
for folder in "${!allowed[@]}"; do
  while IFS= read -r line; do
    file="${line%%:*}"
    included="$(sed -E 's/.*#include "([^"]+)".*/\1/' <<<"$line")"
    ok=0
    for prefix in "$folder" ${allowed[$folder]}; do
      if [[ "$included" == "$prefix/"* ]]; then ok=1; break; fi
    done
    if [[ $ok == 0 ]]; then
      echo "layering: $file includes \"$included\" (allowed for $folder/: ${allowed[$folder]:-nothing but itself})"
      status=1
    fi
  done < <(grep -rn --include='*.h' --include='*.cpp' '#include "' "$folder" | sed -E 's/^([^:]+):[0-9]+:/\1:/')
done
# Subfolders of engine/ that no rule names would escape the check.
for dir in engine/*/; do
  dir="${dir%/}"
  [[ -n "${allowed[$dir]+set}" ]] || { echo "layering: $dir/ has no rule in scripts/check-layering.sh"; status=1; }
done
[[ $status == 0 ]] && echo "layering: every include follows the rules"
exit $status

#!/usr/bin/env bash
# Checks the code's layout (.clang-format) and the product's code with clang-tidy (.clang-tidy) over the
# unity translation units of a configured build folder (one per library, so headers are parsed once per
# library, not once per file). Exit 1 on any finding. Run it before every commit: scripts/test.sh (CI) checks
# the layout only, since clang-tidy over every unit takes two of CI's fifteen minutes.
# Usage: scripts/lint.sh [BUILD_DIR]     (default: build; it must have been built, for its unity sources)
#        scripts/lint.sh --format-only   (the layout alone; no build needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
format_only=false
if [[ "${1:-}" == "--format-only" ]]; then
  format_only=true
  shift
fi
build=${1:-$root/build}
cd "$root"
for tool in clang-format clang-tidy; do
  command -v "$tool" > /dev/null || { echo "lint.sh: $tool is missing (apt-get install -y clang-format clang-tidy)" >&2; exit 2; }
done

mapfile -t sources < <(git ls-files '*.cpp' '*.h')
if ! clang-format --dry-run -Werror "${sources[@]}" 2> /tmp/corpusflow-format.$$; then
  head -40 /tmp/corpusflow-format.$$
  echo "lint.sh: $(grep -c 'error:' /tmp/corpusflow-format.$$) lines are not as .clang-format lays them out;" \
       "run: clang-format -i \$(git ls-files '*.cpp' '*.h')"
  rm -f /tmp/corpusflow-format.$$
  exit 1
fi
rm -f /tmp/corpusflow-format.$$
echo "lint.sh: clang-format: ${#sources[@]} files as laid out"
$format_only && exit 0

[[ -f "$build/compile_commands.json" ]] || { echo "lint.sh: $build/compile_commands.json is missing" >&2; exit 2; }
mapfile -t units < <(python3 - "$build" <<'PY'
import json, re, sys
build = sys.argv[1]
for entry in json.load(open(build + "/compile_commands.json")):
    if re.search(r"/(core|io|stages|engine)/", entry["file"][len(build):]):
        print(entry["file"])
PY
)
[[ ${#units[@]} -gt 0 ]] || { echo "lint.sh: no product translation unit in $build" >&2; exit 2; }
log=$(mktemp)
if ! printf '%s\n' "${units[@]}" | xargs -P "$(nproc)" -n 1 clang-tidy -p "$build" --config-file="$root/.clang-tidy" --quiet > "$log" 2>&1; then
  grep -A3 'error:' "$log" | head -60
  echo "lint.sh: clang-tidy found $(grep -c 'error:' "$log") problems"
  rm -f "$log"
  exit 1
fi
rm -f "$log"
echo "lint.sh: clang-tidy: ${#units[@]} translation units clean"

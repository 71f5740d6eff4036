#!/usr/bin/env bash
# Configures (once) and builds corpusflow with CMake + Ninja.
# Usage: scripts/build.sh BUILD_DIR [TARGET...] [-- CMAKE_ARGS...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?build folder}; shift
targets=(); cmake_args=()
while [[ $# -gt 0 ]]; do
  if [[ "$1" == "--" ]]; then shift; cmake_args=("$@"); break; fi
  targets+=("$1"); shift
done
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${cmake_args[@]}" >/dev/null
fi
ninja -C "$build" "${targets[@]}"

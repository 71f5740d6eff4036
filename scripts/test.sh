#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite: a Release build, clang-format and clang-tidy, then the same suite under
# AddressSanitizer + UBSan, then every fuzz target briefly (scripts/fuzz.sh), then short end-to-end and
# corpus-size scaling tables (printed, never pass/fail).
# Usage: scripts/test.sh [--fast]   (--fast: Release only, no sanitizers, no fuzzing, no benchmark)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --test
jobs=$(nproc)

"$root/scripts/build.sh" "$root/build"
ctest --test-dir "$root/build" --output-on-failure -j "$jobs"
[[ "${1:-}" == "--fast" ]] && exit 0

# Layout and clang-tidy over the Release build's translation units (.clang-format, .clang-tidy).
"$root/scripts/lint.sh" "$root/build"

# -O1 without debug info: the sanitized build compiles fast and still runs the suite quickly.
"$root/scripts/build.sh" "$root/build-asan" -- -DCORPUSFLOW_SANITIZE=ON -DCORPUSFLOW_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O1
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir "$root/build-asan" --output-on-failure -j "$jobs"

# Every libFuzzer target for a short budget (clang build in build-fuzz; docs/formats.md, "Fuzzing"): about
# 2 minutes on two cores from a clean build folder (10 s per target keeps the whole CI run under 15 minutes).
# FUZZ_SECONDS changes the time per target.
FUZZ_SECONDS=${FUZZ_SECONDS:-10} "$root/scripts/fuzz.sh"

if [[ -x "$root/bench/e2e" ]]; then
  "$root/bench/e2e" --quick --no-record || echo "(benchmark table unavailable)"
  "$root/bench/e2e" --quick --scaling --no-record || echo "(scaling table unavailable)"
fi

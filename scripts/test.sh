#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite: a Release build and its tests, clang-format
# (scripts/lint.sh --format-only), the same suite under AddressSanitizer + UBSan, every fuzz target briefly
# (scripts/fuzz.sh), then a short end-to-end table (printed, never pass/fail). `bench/e2e --scaling` prints the
# corpus-size table, which no longer fits in CI's 15 minutes.
# Usage: scripts/test.sh [--fast]   (--fast: Release only, no sanitizers, no fuzzing, no benchmark)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --test
jobs=$(nproc)
# Seconds since the start at each step, so a slow CI run says where its time went.
step() { echo "test.sh: ${SECONDS} s: $*"; }

# The Release build leaves the fuzz targets to the sanitizer build below, which replays their corpora, and the
# per-stage benchmarks to scripts/build.sh (they are built there by default, and before every commit with
# scripts/lint.sh): this suite has to fit CI's fifteen minutes on two cores.
release_args=()
[[ "${1:-}" == "--fast" ]] || release_args=(-- -DCORPUSFLOW_FUZZ_REPLAY=OFF -DCORPUSFLOW_BENCH=OFF)
step "Release build"
"$root/scripts/build.sh" "$root/build" "${release_args[@]}"
step "Release tests"
ctest --test-dir "$root/build" --output-on-failure -j "$jobs"
[[ "${1:-}" == "--fast" ]] && exit 0

# Layout (.clang-format). clang-tidy (.clang-tidy) runs with scripts/lint.sh BUILD before each commit.
step "lint"
"$root/scripts/lint.sh" --format-only

# One clang build serves the sanitizers and the fuzzers: -O1 without debug info, ASan + UBSan everywhere, and
# libFuzzer's coverage in the libraries the fuzz targets exercise (tests/fuzz/CMakeLists.txt). A second, separate
# fuzz build cost two more minutes of CI.
step "sanitizer build"
CC=clang CXX=clang++ "$root/scripts/build.sh" "$root/build-asan" -- -DCORPUSFLOW_SANITIZE=ON \
  -DCORPUSFLOW_FUZZ=ON -DCORPUSFLOW_BENCH=OFF -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O1
step "sanitizer tests"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir "$root/build-asan" --output-on-failure -j "$jobs"

# Every libFuzzer target for a short budget (docs/formats.md, "Fuzzing"); 5 s per target, two at a time.
# FUZZ_SECONDS changes the time per target.
step "fuzzing"
FUZZ_SECONDS=${FUZZ_SECONDS:-5} FUZZ_BUILD="$root/build-asan" "$root/scripts/fuzz.sh"

step "end-to-end table"
if [[ -x "$root/bench/e2e" ]]; then
  "$root/bench/e2e" --quick --no-record || echo "(benchmark table unavailable)"
fi
step "done"

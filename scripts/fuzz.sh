#!/usr/bin/env bash
# Builds every libFuzzer target (tests/fuzz/<unit>_fuzz.cpp) with clang in its own build folder and runs each
# for a fixed time, FUZZ_PARALLEL at a time, each from a fresh copy of tests/fuzz/corpus/<unit> (plus, for the
# text targets, a sample of the UDHR texts when ../shared/data/udhr is there). Exits 1 on any finding (crash,
# sanitizer report, leak, timeout, out of memory) after copying the input to tests/fuzz/corpus/<unit>/ and
# printing how to replay it; one summary line per target either way. See docs/formats.md, "Fuzzing".
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [UNIT...]     (default: FUZZ_SECONDS or 30 s, every target)
# Environment: FUZZ_BUILD (build folder, default build-fuzz), FUZZ_PARALLEL (2), FUZZ_MAX_LEN (65536 bytes),
#   FUZZ_RSS_MB (2048), FUZZ_TIMEOUT (seconds one input may take, 30), FUZZ_UDHR (UDHR folder),
#   FUZZ_UDHR_SAMPLES (texts taken from it, 40), FUZZ_KEEP=1 (keep the work folder with logs and corpora).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${FUZZ_SECONDS:-30}
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
build=${FUZZ_BUILD:-$root/build-fuzz}
parallel=${FUZZ_PARALLEL:-2}
max_len=${FUZZ_MAX_LEN:-65536}
rss_mb=${FUZZ_RSS_MB:-2048}
timeout=${FUZZ_TIMEOUT:-30}
udhr=${FUZZ_UDHR:-$root/../shared/data/udhr}
udhr_samples=${FUZZ_UDHR_SAMPLES:-40}

units=("$@")
if [[ ${#units[@]} -eq 0 ]]; then
  for source in "$root"/tests/fuzz/*_fuzz.cpp; do
    name=$(basename "$source")
    units+=("${name%_fuzz.cpp}")
  done
fi
for unit in "${units[@]}"; do
  [[ -f "$root/tests/fuzz/${unit}_fuzz.cpp" ]] || { echo "fuzz.sh: no target tests/fuzz/${unit}_fuzz.cpp" >&2; exit 2; }
done

# clang, its sanitizer and libFuzzer runtimes, llvm-symbolizer for the stacks; python3 samples the UDHR texts.
"$root/scripts/install-deps.sh"
missing=()
for package in clang libclang-rt-dev llvm python3; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  echo "installing: ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Release with line tables (file:line in the stacks at little compile cost). Only the fuzz_<unit> binaries and
# what they link are built.
if [[ ! -f "$build/build.ninja" ]]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS=-gline-tables-only -DCORPUSFLOW_FUZZ=ON -DCORPUSFLOW_BENCH=OFF -DCORPUSFLOW_TESTS=ON \
    >/dev/null
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/corpusflow-fuzz.XXXXXX")
if [[ "${FUZZ_KEEP:-0}" == 1 ]]; then
  echo "fuzz.sh: work folder $work (kept)"
else
  trap 'rm -rf "$work"' EXIT
fi
build_start=$SECONDS
if ! ninja -C "$build" "${units[@]/#/fuzz_}" >"$work/build.log" 2>&1; then
  tail -60 "$work/build.log"
  echo "fuzz.sh: build failed ($build)" >&2
  exit 1
fi
echo "fuzz.sh: built ${#units[@]} targets in $((SECONDS - build_start)) s ($build)"

# The targets that read text: they get the UDHR seeds and tests/fuzz/text.dict.
is_text_target() {
  case "$1" in
    text_cleaner | normalizer | fingerprint | document_path | parser | utf8_json) return 0 ;;
    *) return 1 ;;
  esac
}

# UDHR seeds: every Nth text, cut to 4 KiB, as each text target reads its input (first byte: options).
udhr_seeds() {
  local unit=$1 out=$2
  [[ -f "$udhr/udhr.jsonl.zst" ]] || return 0
  is_text_target "$unit" || return 0
  zstd -dcq "$udhr/udhr.jsonl.zst" | python3 -c '
import json, sys
unit, out, samples = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [json.loads(line) for line in sys.stdin]
step = max(1, len(texts) // max(1, samples))
def cut(text, limit=4096):
    data = text.encode()[:limit]
    return data.decode(errors="ignore")
for doc in texts[::step][:samples]:
    text, title = cut(doc["text"]), cut(doc.get("title", ""), 256)
    if unit == "text_cleaner": data = b"\x01" + text.encode()
    elif unit == "normalizer": data = b"\x0f" + title.encode() + b"\x00" + text.encode()
    elif unit == "fingerprint": data = b"\x04" + text.encode()
    elif unit == "utf8_json": data = text.encode()
    else:
        line = json.dumps({"url": "https://example.org/" + doc["id"], "title": title, "text": text,
                           "language": doc.get("language")}, ensure_ascii=False).encode()
        data = (b"\x17" if unit == "document_path" else b"\x01") + line
    name = doc["id"]
    with open(f"{out}/udhr-{name}", "wb") as f:
        f.write(data)
' "$unit" "$out" "$udhr_samples" || echo "fuzz.sh: no UDHR seeds for $unit" >&2
}

# Runs one target; its result line goes to $work/<unit>/result.
run_target() {
  set +e  # a background job: every step below is checked by hand
  local unit=$1 dir=$work/$1
  mkdir -p "$dir/corpus" "$dir/artifacts"
  cp -r "$root/tests/fuzz/corpus/$unit/." "$dir/corpus/" 2>/dev/null || true
  udhr_seeds "$unit" "$dir/corpus"
  local dict=()
  is_text_target "$unit" && dict=(-dict="$root/tests/fuzz/text.dict")
  local start=$SECONDS status=0
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:symbolize=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/tests/fuzz/fuzz_$unit" -max_total_time="$seconds" -rss_limit_mb="$rss_mb" -max_len="$max_len" \
    -timeout="$timeout" -report_slow_units="$timeout" -print_final_stats=1 \
    "${dict[@]}" -artifact_prefix="$dir/artifacts/" "$dir/corpus" >"$dir/log" 2>&1 || status=$?
  local elapsed=$((SECONDS - start))
  local execs coverage
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
  coverage=$(grep -o 'cov: [0-9]*' "$dir/log" | tail -1 | cut -d' ' -f2)
  local finding
  finding=$(find "$dir/artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' -o -name 'deadly-signal-*' \) | head -1)
  if [[ $status -eq 0 && -z "$finding" ]]; then
    printf '%-14s ok     execs %-9s time %4d s  cov %s\n' "$unit" "${execs:-?}" "$elapsed" "${coverage:-?}" \
      >"$dir/result"
    return 0
  fi
  local kept=""
  if [[ -n "$finding" ]]; then
    local kind sum
    kind=$(basename "$finding" | cut -d- -f1)
    sum=$(sha1sum "$finding" | cut -c1-12)
    kept="tests/fuzz/corpus/$unit/$kind-$(date +%Y%m%d)-$sum"
    cp "$finding" "$root/$kept"
  fi
  {
    printf '%-14s FAILED execs %-9s time %4d s  exit %d  %s\n' "$unit" "${execs:-?}" "$elapsed" "$status" \
      "${kept:-(no input saved)}"
    echo "---- $unit: end of the libFuzzer log ----"
    grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse|INITED|DONE)|^(INFO|stat::)' "$dir/log" | tail -60
    if [[ -n "$kept" ]]; then
      echo "replay: $build/tests/fuzz/fuzz_$unit $root/$kept"
      echo "    or: build/tests/fuzz/fuzz_${unit}_replay $kept   (also run by ctest -R fuzz_${unit}_replay)"
    fi
    echo "----"
  } >"$dir/result"
  return 1
}

echo "fuzz.sh: ${#units[@]} targets x ${seconds} s, $parallel at a time (-max_len=$max_len -rss_limit_mb=$rss_mb)"
fuzz_start=$SECONDS
running=0
for unit in "${units[@]}"; do
  if [[ $running -ge $parallel ]]; then
    wait -n || true
    running=$((running - 1))
  fi
  run_target "$unit" &
  running=$((running + 1))
done
wait || true

failed=0
for unit in "${units[@]}"; do
  cat "$work/$unit/result" 2>/dev/null || { echo "$unit: no result"; failed=1; }
  grep -q ' FAILED ' "$work/$unit/result" 2>/dev/null && failed=1
done
verdict="no findings"
[[ $failed -eq 0 ]] || verdict="FINDINGS above"
echo "fuzz.sh: fuzzed for $((SECONDS - fuzz_start)) s; $verdict"
exit "$failed"

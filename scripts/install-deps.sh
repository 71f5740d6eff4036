#!/usr/bin/env bash
# Installs what corpusflow needs from Debian's packages; quiet and quick when everything is there.
# Usage: scripts/install-deps.sh [--test]   (--test adds what the test suite and benchmarks use)
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config zstd tar
          libtbb-dev libzstd-dev libisal-dev libicu-dev libxxhash-dev libcld2-dev libcli11-dev
          nlohmann-json3-dev libsimdjson-dev libxml2-dev libidn2-dev libgtest-dev libgmock-dev libbenchmark-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(zlib1g-dev chromium time python3 python3-zstandard clang-format clang-tidy clang libclang-rt-dev llvm)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
[[ $(id -u) -ne 0 ]] && sudo=(sudo)
echo "installing: ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# Builds the library and tests with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/) and
# runs the unit tests under them.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKURDI_SANITIZE=ON -DKURDI_BENCH=OFF \
  -DCMAKE_CXX_FLAGS="-O1" "$@" >/dev/null
cmake --build build-asan -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-asan --output-on-failure -j "$(nproc)"

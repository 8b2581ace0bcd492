#!/usr/bin/env bash
# Builds every libFuzzer harness in tests/fuzz/ with clang-14 (build-fuzz/) and runs each for
# SECONDS seconds (default 300) on a corpus seeded with the bundled sample text.
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-300}; shift || true
# Every stage (a cached KURDI_ONLY_STAGES or KURDI_XAPIAN=OFF from an earlier configure would drop
# harnesses silently).
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKURDI_FUZZ=ON -DKURDI_TESTS=OFF -DKURDI_BENCH=OFF -DKURDI_SERVE=OFF -DKURDI_XAPIAN=ON \
  -DKURDI_ONLY_STAGES= >/dev/null
cmake --build build-fuzz -j "$(nproc)"
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in build-fuzz/tests/fuzz/*_fuzz; do harnesses+=("$(basename "$f")"); done
fi
mkdir -p build-fuzz/corpus
status=0
for h in "${harnesses[@]}"; do
  if [ ! -x "build-fuzz/tests/fuzz/$h" ]; then
    echo "no harness build-fuzz/tests/fuzz/$h (see tests/fuzz/)"; status=1; continue
  fi
  corpus=build-fuzz/corpus/$h
  mkdir -p "$corpus"
  cp -n examples/*.txt "$corpus/" 2>/dev/null || true
  echo "== $h ($secs s)"
  if ! build-fuzz/tests/fuzz/$h "$corpus" -max_total_time="$secs" -max_len=4096 -timeout=10 \
       -rss_limit_mb=4096 -print_final_stats=1 2>build-fuzz/$h.log; then
    echo "FINDING in $h: see build-fuzz/$h.log"; tail -30 build-fuzz/$h.log; status=1
  else
    grep -E "stat::number_of_executed_units|Done" build-fuzz/$h.log | tail -2
  fi
done
exit $status

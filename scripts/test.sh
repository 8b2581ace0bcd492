#!/usr/bin/env bash
# Builds kurdi with warnings as errors and runs every test: C++ unit/golden/property tests (ctest),
# then the Python tests when the module is built. Tests that need ../shared/data skip without it.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKURDI_WERROR=ON "$@" >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j "$(nproc)"
# The HTTP service: robustness smoke test on loopback, then the browser test of the page (each skips
# with a message when its tools are missing).
tests/load/run.sh --smoke
tests/e2e/run.sh

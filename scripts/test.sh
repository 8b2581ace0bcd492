#!/usr/bin/env bash
# Builds kurdi with warnings as errors and runs every test: C++ unit/golden/property tests (ctest),
# the Python package's tests, the HTTP service's smoke test and the browser test of its page.
# Tests that need ../shared/data skip with a message without it; so do the service tests without
# their tools. KURDI_BUILD_DIR (default build) names the build directory.
set -euo pipefail
cd "$(dirname "$0")/.."
b=${KURDI_BUILD_DIR:-build}
cmake -S . -B "$b" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKURDI_WERROR=ON -DKURDI_PYTHON=ON "$@" >/dev/null
cmake --build "$b" -j "$(nproc)"
ctest --test-dir "$b" --output-on-failure -j "$(nproc)"
# The Python package (pybind11 module built into $b/python), with Debian's Python.
PYTHONPATH="$b/python" /usr/bin/python3 -m pytest -q python/tests
# The HTTP service: robustness smoke test on loopback, then the browser test of the page.
KURDI_BIN="$(cd "$b" && pwd)/kurdi" tests/load/run.sh --smoke
KURDI_BIN="$(cd "$b" && pwd)/kurdi" tests/e2e/run.sh

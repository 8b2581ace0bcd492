#!/usr/bin/env bash
# Installs everything kurdi needs from Debian packages (nothing is downloaded at build or run time).
# Usage: sudo scripts/setup.sh   (as root, or with sudo available)
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  cmake ninja-build g++ make pkg-config python3 \
  libicu-dev libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev nlohmann-json3-dev libfmt-dev \
  libxapian-dev xapian-tools python3-xapian \
  pybind11-dev python3-pybind11 python3-dev python3-pytest python3-dask python3-distributed python3-pandas python3-pip \
  libcpp-httplib-dev \
  clang-14 libfuzzer-14-dev libclang-rt-14-dev \
  hyperfine wrk curl >/dev/null
# The browser test of the web page needs Chromium; it is optional (the test skips without it).
if [ "${KURDI_WITH_BROWSER:-1}" = "1" ]; then
  # Debian's nodejs and npm only where the machine has none: its npm conflicts with a Node.js that
  # bundles its own (as NodeSource's does), and the whole install would then fail.
  browser_pkgs="chromium"
  command -v node >/dev/null 2>&1 || browser_pkgs="$browser_pkgs nodejs"
  command -v npm >/dev/null 2>&1 || browser_pkgs="$browser_pkgs npm"
  if $SUDO apt-get install -y -qq --no-install-recommends $browser_pkgs >/dev/null; then
    # playwright-core (drives Debian's chromium; no browser download) for tests/e2e, from the npm registry.
    (cd "$(dirname "$0")/../tests/e2e" && npm ci --no-audit --no-fund --silent) || \
      echo "setup: npm ci in tests/e2e failed; the browser test will skip" >&2
  else
    echo "setup: chromium/nodejs not installed; the browser test will skip" >&2
  fi
fi
echo "setup: done"

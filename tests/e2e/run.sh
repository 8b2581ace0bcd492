#!/usr/bin/env bash
# Browser end-to-end test of the `kurdi serve` web page (tests/e2e/page.test.js).
# Skips cleanly (exit 0 with a message) when chromium, node, playwright-core or the kurdi binary
# with `serve` is missing. Setup: apt-get install -y chromium nodejs npm && (cd tests/e2e && npm install)
#   KURDI_BIN=path/to/kurdi tests/e2e/run.sh      (default: build/kurdi)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export KURDI_BIN="${KURDI_BIN:-$root/build/kurdi}"
skip() { echo "e2e: SKIPPED: $*"; exit 0; }
[ -x /usr/bin/chromium ] || skip "/usr/bin/chromium is not installed (apt-get install -y chromium)"
command -v node >/dev/null || skip "node is not installed (apt-get install -y nodejs npm)"
[ -d "$here/node_modules/playwright-core" ] || skip "playwright-core is not installed (cd tests/e2e && npm install)"
[ -x "$KURDI_BIN" ] || skip "$KURDI_BIN not built"
"$KURDI_BIN" serve --help >/dev/null 2>&1 || skip "$KURDI_BIN was built without serve (needs libcpp-httplib-dev)"
cd "$here"
exec node page.test.js

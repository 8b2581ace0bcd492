#!/usr/bin/env bash
# Throughput benchmarks on the benchmark corpus (../shared/eval/make_corpus.sh: KTC, wishe and
# KurdishMT concatenated), each beside a baseline measured in the same run: memcpy for the library
# benchmarks, `cat` for the CLI. The machine is shared and noisy: each figure is a median.
# Usage: scripts/bench.sh [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/kurdi-bench/corpus.txt}
if [ ! -s "$corpus" ]; then
  bash ../shared/eval/make_corpus.sh ../shared/data "$corpus"
fi
[ -x build/kurdi ] || scripts/build.sh
for b in build/bench/*_bench; do
  echo "== $(basename "$b")"
  "$b" "$corpus" || echo "($(basename "$b") failed)"
done
echo "== CLI end to end (median of 5 runs, MB/s of child CPU time; cat is the baseline)"
/usr/bin/python3 - "$corpus" <<'PY'
import os, statistics, subprocess, sys, time
corpus = sys.argv[1]
size = os.path.getsize(corpus)
def rate(cmd):
    # CPU time (user + system) of the child: on a loaded shared machine wall time measures the others.
    ts = []
    for _ in range(5):
        with open(corpus, "rb") as f:
            p = subprocess.Popen(cmd, stdin=f, stdout=subprocess.DEVNULL)
            _, status, ru = os.wait4(p.pid, 0)
            if status != 0:
                raise RuntimeError(f"exit status {status}")
            ts.append(ru.ru_utime + ru.ru_stime)
    return size / 1e6 / max(statistics.median(ts), 1e-6)
cat = rate(["cat"])
print(f"{'cat':24s} {cat:10.1f} MB/s")
for name, cmd in [("kurdi normalize", ["build/kurdi", "normalize"]),
                  ("kurdi tokenize", ["build/kurdi", "tokenize"]),
                  ("kurdi sentences", ["build/kurdi", "sentences"])]:
    try:
        r = rate(cmd)
        print(f"{name:24s} {r:10.1f} MB/s  ({r / cat:.3f} of cat)")
    except Exception as e:
        print(f"{name:24s} failed: {e}")
PY

#!/usr/bin/python3
"""Python overhead of the kurdi bindings, beside the C++ library figure measured in the same run.

    PYTHONPATH=build-python/python /usr/bin/python3 python/bench/bench.py [corpus.txt]

corpus: the benchmark corpus (bash ../shared/eval/make_corpus.sh ../shared/data /tmp/kurdi-bench/corpus.txt),
default /tmp/kurdi-bench/corpus.txt, else the bundled test corpus. Prints medians of 5 runs:
  1. normalize on 1 MB strings: Python call vs the same C++ call in a C++ loop (bar: within 1.2x);
  2. tokenize on 20-word sentences: sentences/s through Python (bar: >= 50k/s), beside C++;
  3. threads calling normalize on big strings (the GIL is released): speed-up over one thread.
"""
import glob
import os
import statistics
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.append(os.path.join(HERE, "..", "..", "build-python", "python"))  # fallback
import kurdi  # noqa: E402
from kurdi import _kurdi  # noqa: E402

REPS = 5


def load_corpus():
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/kurdi-bench/corpus.txt"
    if os.path.exists(path):
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace"), path
    files = sorted(glob.glob(os.path.join(HERE, "..", "tests", "data", "corpus", "*", "*.txt")))
    text = "\n".join(open(p, encoding="utf-8", errors="replace").read() for p in files)
    return text, "bundled test corpus"


def median_time(fn, reps=REPS):
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def take_mb(text, mb):
    """A str of about mb MB of UTF-8, cut at a line end."""
    out, size = [], 0
    lines = text.splitlines(keepends=True)
    while size < mb * 1e6:
        for ln in lines:
            out.append(ln)
            size += len(ln.encode())
            if size >= mb * 1e6:
                break
    return "".join(out)


def main():
    text, src = load_corpus()
    print(f"corpus: {src} ({len(text.encode()) / 1e6:.1f} MB)")
    print(f"kurdi {kurdi.__version__}, Python {sys.version.split()[0]} ({sys.executable})\n")

    # 1. normalize on 1 MB strings ------------------------------------------------------------
    n = kurdi.Normalizer()
    s1 = take_mb(text, 1.0)
    mb = len(s1.encode()) / 1e6
    # C++ and Python runs alternate, so both see the same machine load; 15 pairs, medians.
    fresh = [s1[:-1] + s1[-1:] for _ in range(15)]  # new str objects: CPython's UTF-8 form not cached
    cpp, py, pyf = [], [], []
    for i in range(15):
        cpp.append(_kurdi._bench_normalize_cpp(n, s1, 1))
        t0 = time.perf_counter()
        n.normalize(s1)
        py.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n.normalize(fresh[i])
        pyf.append(time.perf_counter() - t0)
    t_cpp, t_py, t_py_fresh = statistics.median(cpp), statistics.median(py), statistics.median(pyf)
    print("1. normalize, 1 MB strings (median of 15 alternating runs)")
    print(f"   C++ library          {mb / t_cpp:8.1f} MB/s")
    print(f"   Python normalize()   {mb / t_py:8.1f} MB/s   overhead x{t_py / t_cpp:.3f}   (bar <= 1.2)")
    print(f"   Python, new str each {mb / t_py_fresh:8.1f} MB/s   overhead x{t_py_fresh / t_cpp:.3f}   "
          "(includes CPython's str -> UTF-8 encoding)")

    # 2. tokenize on 20-word sentences --------------------------------------------------------
    words = kurdi.words(take_mb(text, 2.0))
    words = [w for w in words if len(w) > 0]
    sents = [" ".join(words[i:i + 20]) for i in range(0, min(len(words), 20 * 20000) - 20, 20)]
    tok = kurdi.Tokenizer()
    N = len(sents)
    t_cpp = statistics.median(_kurdi._bench_tokenize_cpp(tok, sents, 1) for _ in range(REPS))

    def py_tokens():
        for s in sents:
            tok.tokenize(s)

    def py_tokens_raw():
        for s in sents:
            tok.tokenize(s, False)

    def py_words():
        for s in sents:
            tok.words(s)

    def py_batch():
        tok.words_batch(sents)

    print(f"\n2. tokenize, {N} sentences of 20 words (median of 5)")
    print(f"   C++ library                         {N / t_cpp:10.0f} sentences/s")
    for name, fn in (("tokenize(s) -> Token objects", py_tokens),
                     ("tokenize(s, normalized=False)", py_tokens_raw),
                     ("words(s) -> list[str]", py_words),
                     ("words_batch(sentences)", py_batch)):
        t = median_time(fn)
        print(f"   Python {name:30s} {N / t:10.0f} sentences/s   (bar >= 50000)")

    # 3. threads ----------------------------------------------------------------------------
    big = [take_mb(text, 2.0) + str(i) for i in range(8)]
    for b in big:
        n.normalize(b)  # warm the UTF-8 caches of the inputs

    def run(nthreads):
        chunks = [big[i::nthreads] for i in range(nthreads)]

        def work(ch):
            for b in ch:
                n.normalize(b)
        ths = [threading.Thread(target=work, args=(c,)) for c in chunks]
        t0 = time.perf_counter()
        for t in ths:
            t.start()
        for t in ths:
            t.join()
        return time.perf_counter() - t0

    total_mb = sum(len(b.encode()) for b in big) / 1e6
    print(f"\n3. threads calling normalize on 8 strings of 2 MB ({os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}, median of 5)")
    t1 = statistics.median(run(1) for _ in range(REPS))
    print(f"   1 thread   {total_mb / t1:8.1f} MB/s")
    for k in (2, 4):
        tk = statistics.median(run(k) for _ in range(REPS))
        print(f"   {k} threads  {total_mb / tk:8.1f} MB/s   speed-up x{t1 / tk:.2f}")
    # Control: hashlib also releases the GIL; if it does not scale either, the machine has no idle core.
    import hashlib
    blob = b"x" * 40_000_000

    def hrun(k):
        ths = [threading.Thread(target=lambda: hashlib.sha256(blob).digest()) for _ in range(k)]
        t0 = time.perf_counter()
        for t in ths:
            t.start()
        for t in ths:
            t.join()
        return time.perf_counter() - t0
    h1 = statistics.median(hrun(1) for _ in range(3))
    h2 = statistics.median(hrun(2) for _ in range(3))
    print(f"   control: hashlib.sha256 (GIL released) 2 threads, same work each: speed-up x{2 * h1 / h2:.2f}")


if __name__ == "__main__":
    main()

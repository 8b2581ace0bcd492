#!/usr/bin/env python3
"""Coverage: share of word tokens (Arabic-script words) that get at least one non-guessed analysis.

Usage: python3 eval/morph_coverage.py [--show-unknown] [--no-colloquial] BUILD/kurdi FILE_OR_DIR...
--no-colloquial counts only the spellings the spell checker accepts (`analyze --no-colloquial`: no
dropped-mark, single-و/ی or joined-word readings). --show-unknown adds the 15 most frequent unknown words: for the permissive corpora only. On an
evaluation text (FLORES) the unknown words are gold items: a lexicon must not be written from them.
e.g.   python3 eval/morph_coverage.py build/kurdi ../shared/data/ScriptNormalization-ckb/flores200.ckb_Arab.devtest.txt
       python3 eval/morph_coverage.py build/kurdi ../shared/data/DevelopersTree-KurdishResources/wishe
"""
import collections, json, os, re, subprocess, sys

WORD = re.compile(r"[\u0620-\u064A\u066E-\u06D5\u06E5\u06E6\u06EE\u06EF\u06FA-\u06FF\u200C]+")


def main():
    show = "--show-unknown" in sys.argv
    strict = "--no-colloquial" in sys.argv
    args = [a for a in sys.argv[1:] if a not in ("--show-unknown", "--no-colloquial")]
    binary = args[0]
    for path in args[1:]:
        names = [path]
        if os.path.isdir(path):
            names = [os.path.join(path, n) for n in sorted(os.listdir(path)) if n.endswith(".txt") and not n.startswith("$")]
        text = "\n".join(open(n, encoding="utf-8", errors="replace").read() for n in names)
        # a run of ZWNJ alone (a stray joiner between words) is not a word
        freq = collections.Counter(w for w in WORD.findall(text) if w.strip("\u200c"))
        types = list(freq)
        cmd = [binary, "analyze", "--format", "jsonl", "--max", "0"] + (["--no-colloquial"] if strict else [])
        out = subprocess.run(cmd, input="\n".join(types).encode(),
                             stdout=subprocess.PIPE, check=True).stdout.decode().splitlines()
        known = {}
        for line in out:
            if line.strip():
                o = json.loads(line)
                known[o["word"]] = any(not a["guessed"] for a in o["analyses"])
        tok = sum(freq.values())
        cov = sum(c for w, c in freq.items() if known.get(w))
        row = {"data": os.path.basename(path.rstrip("/")) + (" (--no-colloquial)" if strict else ""), "tokens": tok, "types": len(types),
               "coverage_tokens": round(cov / max(1, tok), 4),
               "coverage_types": round(sum(1 for w in types if known.get(w)) / max(1, len(types)), 4)}
        if show:
            unknown = sorted(((w, c) for w, c in freq.items() if not known.get(w)), key=lambda x: -x[1])
            row["top_unknown"] = [w for w, _ in unknown[:15]]
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()

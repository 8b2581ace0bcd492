#!/usr/bin/env python3
"""How many one-mark misspellings of frequent words the analyzer accepts (a project measure, no gold).

usage: mark_misspellings.py KURDI_BINARY [TOP_N]

Takes the TOP_N (default 6000) most frequent words of 3+ letters of the shipped frequency model
(data/spell/freq.tsv, induced from the permissive corpora), writes each with one letter swapped for
its confusable twin (ڵ→ل ڕ→ر ێ→ی ۆ→و وو→و ی→ێ و→ۆ ل→ڵ; not word-initial ڕ→ر, which the
normalizer restores), keeps the variants the model has never seen, and asks `kurdi analyze
--no-colloquial` (the analyzer as the spell checker runs it) which of them have a non-guessed analysis. Some accepted variants are real words; the rest are misspellings the analyzer lets through, which the spell
checker can then flag only by its frequency rules. Lower is better; the figure moves with the
lexicon and the affix grammar. Prints one JSON line, with the most frequent segmentations of the
accepted variants (where to look).
"""
import collections, json, os, subprocess, sys

if len(sys.argv) < 2:
    sys.exit(__doc__)
kurdi = sys.argv[1]
top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 6000
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
freq = {}
for line in open(os.path.join(root, "data", "spell", "freq.tsv"), encoding="utf-8"):
    if line.startswith("#") or line.startswith("*") or not line.strip():
        continue
    w, c = line.rstrip("\n").split("\t")
    freq[w] = int(c)
top = [w for w, c in sorted(freq.items(), key=lambda x: -x[1]) if len(w) >= 3][:top_n]
PAIRS = [("ڵ", "ل"), ("ڕ", "ر"), ("ێ", "ی"), ("ۆ", "و"), ("وو", "و"), ("ی", "ێ"), ("و", "ۆ"), ("ل", "ڵ")]
variants = {}
for w in top:
    for a, b in PAIRS:
        i = w.find(a)
        while i != -1:
            v = w[:i] + b + w[i + len(a):]
            if v != w and v not in freq and not (i == 0 and a == "ڕ"):
                variants.setdefault(v, w)
            i = w.find(a, i + 1)
words = sorted(variants)
r = subprocess.run([kurdi, "analyze", "--no-colloquial", "--format", "jsonl", "--max", "1"], input="\n".join(words) + "\n",
                   capture_output=True, text=True)
if r.returncode != 0:
    sys.exit("kurdi analyze failed: " + r.stderr[-300:])
accepted, patterns = 0, collections.Counter()
for line in r.stdout.split("\n"):
    if not line.strip():
        continue
    d = json.loads(line)
    a = d["analyses"][0] if d["analyses"] else None
    if a and not a["guessed"]:
        accepted += 1
        patterns[a["pos"] + ":" + "+".join(m["tag"] for m in a["morphs"])] += 1
print(json.dumps({"words": len(top), "variants": len(variants), "accepted": accepted,
                  "accepted_share": round(accepted / max(1, len(variants)), 4),
                  "top_segmentations": patterns.most_common(8)}, ensure_ascii=False))

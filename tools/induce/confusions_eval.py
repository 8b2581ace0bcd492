#!/usr/bin/env python3
"""Held-out check of the spell checker's ranking on real misspellings of the permissive corpora
(no gold set): the pairs tools/induce/confusions.py held out (OUT_DIR/heldout.tsv).

    python3 tools/induce/confusions_eval.py build/kurdi [OUT_DIR] [--pairs train] [extra kurdi spell options...]

The typos are taken out of the frequency model (a copy of data/spell/freq.tsv without them, given
with --model), so each is an unseen word, as a new typo is; `kurdi spell --suggest 5` then ranks
candidates for it. Prints flagged (err), top1 and top5 (the intended word first / in the first five)
over all held-out pairs. `--pairs train` measures the training pairs instead (in-sample: for tuning
the induction's constants without looking at the held-out pairs).
"""
import os, subprocess, sys


def main():
    binary = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith("-") else "build/induce"
    extra = [a for a in sys.argv[2:] if a != out]
    name = "heldout"
    if "--pairs" in extra:
        i = extra.index("--pairs")
        name = extra[i + 1]
        del extra[i:i + 2]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    pairs = [l.rstrip("\n").split("\t")[:2] for l in open(os.path.join(out, name + ".tsv"), encoding="utf-8")]
    typos = {t for t, _ in pairs}
    model = os.path.join(out, "freq_" + name + ".tsv")
    with open(os.path.join(root, "data/spell/freq.tsv"), encoding="utf-8") as src, open(model, "w", encoding="utf-8") as dst:
        for line in src:
            if line.split("\t")[0] not in typos:
                dst.write(line)
    res = subprocess.run([binary, "spell", "--model", model, "--suggest", "5"] + extra,
                         input="\n".join(t for t, _ in pairs).encode(), stdout=subprocess.PIPE, check=True).stdout.decode()
    flagged = top1 = top5 = 0
    for (t, w), line in zip(pairs, res.splitlines()):
        f = line.split("\t")
        if len(f) < 2 or f[1] != "err":
            continue
        flagged += 1
        sugg = f[2:]
        top1 += bool(sugg) and sugg[0] == w
        top5 += w in sugg[:5]
    n = len(pairs)
    print(f"{name} pairs {n}: flagged {flagged / n:.4f} top1 {top1 / n:.4f} top5 {top5 / n:.4f}")


if __name__ == "__main__":
    main()

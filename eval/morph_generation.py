#!/usr/bin/env python3
"""Generation accuracy of `kurdi inflect` on UniMorph rows (lemma, form, tags): exact match of the
first generated form with the gold form (after the harness's orthographic fold).

Usage: python3 eval/morph_generation.py BUILD/kurdi ../shared/data [files...]
Default files: UniMorph-ckb/arab/ckb-arab.train and .dev (gold). Measurement only: nothing is kept.
"""
import json, os, subprocess, sys, unicodedata

ZW = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f\ufeff"), None)


def fold(s):
    s = unicodedata.normalize("NFC", s).translate(ZW).strip()
    return " ".join(("ر" + w[1:]) if w.startswith("ڕ") else w for w in s.split())


def main():
    binary, data = sys.argv[1], sys.argv[2]
    files = sys.argv[3:] or [os.path.join(data, "UniMorph-ckb/arab", f) for f in ("ckb-arab.train", "ckb-arab.dev")]
    for f in files:
        rows = [l.rstrip("\n").split("\t") for l in open(f, encoding="utf-8") if l.strip()]
        rows = [r for r in rows if len(r) >= 3]
        inp = "".join(f"{r[0]}\t{r[2]}\n" for r in rows)
        out = subprocess.run([binary, "inflect"], input=inp.encode(), stdout=subprocess.PIPE).stdout.decode().split("\n")
        ok = sum(1 for r, p in zip(rows, out) if p.strip() and fold(p.split("|")[0]) == fold(r[1]))
        by = {}
        for r, p in zip(rows, out):
            pos = r[2].split(";")[0]
            t = by.setdefault(pos, [0, 0])
            t[1] += 1
            t[0] += bool(p.strip()) and fold(p.split("|")[0]) == fold(r[1])
        print(json.dumps({"task": "inflect", "data": os.path.basename(f), "rows": len(rows),
                          "exact": round(ok / max(1, len(rows)), 4),
                          "by_pos": {k: round(v[0] / v[1], 4) for k, v in sorted(by.items()) if v[1] >= 5}}))


if __name__ == "__main__":
    main()

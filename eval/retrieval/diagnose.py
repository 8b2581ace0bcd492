#!/usr/bin/python3
"""Why a query category scores what it scores: for each query, whether the relevant document holds
the stem term of every query word (as `kurdi search --explain` reports them), and the rank it gets.

usage: diagnose.py KURDI_BIN WORK_DIR [SYSTEM] [CATEGORY] [N_SHOWN]
  (after run.py: WORK_DIR/db-SYSTEM exists; SYSTEM kurdi or lucene; CATEGORY default inflected)
Prints, for queries whose relevant document has the stems of both / one / none of the words, how
many there are and how many rank first / in the top 10, then the first N_SHOWN queries.
"""
import collections
import json
import re
import subprocess
import sys

import xapian


def main():
    kurdi, work = sys.argv[1:3]
    name = sys.argv[3] if len(sys.argv) > 3 else "kurdi"
    cat = sys.argv[4] if len(sys.argv) > 4 else "inflected"
    shown = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    qs = [l.rstrip("\n").split("\t") for l in open(work + "/queries.tsv", encoding="utf-8")]
    qs = [q for q in qs if q[0] == cat]
    path = work + "/db-" + name
    db = xapian.Database(path)
    p = subprocess.run([kurdi, "search", "--db", path, "--batch", "--no-snippets", "-n", "1000", "--explain",
                        "--no-translit"], input="\n".join(q for _, _, q in qs) + "\n", capture_output=True,
                       text=True, check=True)
    out = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    stats = collections.Counter()
    rows = []
    for (_, did, q), o in zip(qs, out):
        ids = [h["id"] for h in o["hits"]]
        rank = ids.index(did) + 1 if did in ids else 0
        docid = next(iter(db.postlist("Q" + did))).docid
        terms = set(t.term.decode() for t in db.termlist(docid))
        stems = re.findall(r"stem (Z\S+)", o.get("explain", ""))
        have = sum(1 for s in stems if s in terms)
        key = "both" if stems and have == len(stems) else ("one" if have else "none")
        stats[key] += 1
        stats[key + " top1"] += rank == 1
        stats[key + " top10"] += 1 <= rank <= 10
        rows.append((did, q, rank, [(s, s in terms, db.get_termfreq(s)) for s in stems]))
    print(name, cat, dict(sorted(stats.items())))
    for r in rows[:shown]:
        print(*r, sep="\t")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Retrieval benchmark runner: MRR@10 per query category for each analyzer.

  kurdi    this stage: search normalization, kurdi tokens, morphological stems, stop words,
           Latin -> Arabic transliteration of queries, spelling correction (kurdi index/search)
  lucene   Lucene's SoraniNormalizer + SoraniStemmer reimplemented, same Xapian setup
           (kurdi index --stemmer lucene), without transliteration or spelling data
  none     kurdi tokens and search normalization, no stemming, no transliteration or spelling
  xapian   plain Xapian: TermGenerator and QueryParser with no stemmer (python3-xapian)

usage: run.py KURDI_BIN [WORK_DIR]   (WORK_DIR holds docs.jsonl + queries.tsv from gen_queries.py)
Prints a table and writes WORK_DIR/results.json.
"""
import collections
import json
import os
import shutil
import subprocess
import sys
import time


def mrr(ranked, rel):
    for i, d in enumerate(ranked[:10]):
        if d == rel:
            return 1.0 / (i + 1)
    return 0.0


def kurdi_system(kurdi, work, name, index_args, search_args, queries):
    db = os.path.join(work, "db-" + name)
    shutil.rmtree(db, ignore_errors=True)
    t0 = time.time()
    subprocess.run([kurdi, "index", "--db", db, "--format", "jsonl", *index_args, os.path.join(work, "docs.jsonl")],
                   check=True)
    t1 = time.time()
    p = subprocess.run([kurdi, "search", "--db", db, "--batch", "--no-snippets", "-n", "10", *search_args],
                       input="\n".join(q for _, _, q in queries) + "\n", capture_output=True, text=True, check=True)
    t2 = time.time()
    out = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    assert len(out) == len(queries), (len(out), len(queries))
    sys.stderr.write("%s: index %.1fs, %d queries %.1fs\n" % (name, t1 - t0, len(queries), t2 - t1))
    return [[h["id"] for h in o.get("hits", [])] for o in out]


def xapian_system(work, queries):
    import xapian
    path = os.path.join(work, "db-xapian")
    shutil.rmtree(path, ignore_errors=True)
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    with open(os.path.join(work, "docs.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(d["text"])
            doc.set_data(d["id"])
            doc.add_boolean_term("Q" + d["id"])
            db.replace_document("Q" + d["id"], doc)
    db.commit()
    qp = xapian.QueryParser()
    qp.set_database(db)
    res = []
    for _, _, q in queries:
        enq = xapian.Enquire(db)
        try:
            enq.set_query(qp.parse_query(q))
            res.append([m.document.get_data().decode("utf-8") for m in enq.get_mset(0, 10)])
        except xapian.QueryParserError:
            res.append([])
    return res


def main():
    kurdi = sys.argv[1]
    work = sys.argv[2] if len(sys.argv) > 2 else "/tmp/kurdi-retrieval"
    queries = []
    with open(os.path.join(work, "queries.tsv"), encoding="utf-8") as f:
        for line in f:
            cat, did, q = line.rstrip("\n").split("\t")
            queries.append((cat, did, q))
    systems = {
        "kurdi": kurdi_system(kurdi, work, "kurdi", [], [], queries),
        "lucene": kurdi_system(kurdi, work, "lucene", ["--stemmer", "lucene", "--no-spelling", "--no-translit"],
                               ["--no-translit"], queries),
        "none": kurdi_system(kurdi, work, "none", ["--stemmer", "none", "--no-spelling", "--no-translit"],
                             ["--no-translit"], queries),
    }
    try:
        systems["xapian"] = xapian_system(work, queries)
    except ImportError:
        sys.stderr.write("python3-xapian missing: no plain-Xapian baseline\n")
    cats = []
    for c, _, _ in queries:
        if c not in cats:
            cats.append(c)
    table = collections.OrderedDict()
    for name, ranked in systems.items():
        per = collections.defaultdict(list)
        for (cat, did, _), r in zip(queries, ranked):
            per[cat].append(mrr(r, did))
        table[name] = {c: sum(per[c]) / len(per[c]) for c in cats if per[c]}
    counts = collections.Counter(c for c, _, _ in queries)
    print("MRR@10        " + "".join("%14s" % ("%s(%d)" % (c, counts[c])) for c in cats))
    for name, row in table.items():
        print("%-12s  " % name + "".join("%14.4f" % row[c] for c in cats))
    if "lucene" in table:
        d = table["kurdi"]["inflected"] - table["lucene"]["inflected"]
        print("kurdi - lucene on inflected: %+.4f (goal >= +0.10); kurdi on latin: %.4f (goal >= 0.80)"
              % (d, table["kurdi"].get("latin", 0)))
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump({"mrr@10": table, "queries": counts}, f, indent=1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds the retrieval benchmark: documents from real text and queries from our own generator.

Documents: every FLORES-200 ckb_Arab devtest sentence and every KTC paragraph (line of >= 60 chars)
under DATA_DIR (../shared/data). Queries (one relevant document each: the one they were made from):

  inflected     the document's two rarest content words, each replaced by another inflection of the
                same noun (bare form, ەکە, ەکان, ێک, ان, ی ... with Sorani spelling rules); the lemma
                comes from our own suffix list (stripped repeatedly to the shortest attested base) and
                the new form must itself be attested as a word of the collection
  orthographic  the two rarest words as typed with Arabic conventions (ك ي ه for ک ی ە, ر for ڕ)
  latin         the two rarest words in Kurdish Latin (Hawar), made by `kurdi translit --to latin`
  typo          the rarest word (>= 5 letters) with one edit: deletion, substitution, transposition
                or a doubled letter
  exact         the two rarest words as they are (a sanity check)

Nothing here is shipped: the output goes to OUT_DIR (default /tmp/kurdi-retrieval): docs.jsonl and
queries.tsv (category, doc id, query). KTC is non-commercial: benchmark use only.

usage: gen_queries.py KURDI_BIN DATA_DIR [OUT_DIR] [--per-category N] [--seed S]
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WORD = re.compile(r"[\u0620-\u064A\u0660-\u0669\u066E-\u06D5\u06EE-\u06FF]+")
VOWEL_END = set("اەۆێ")

# surface suffix -> (kind) used to find a lemma; longest first
STRIP = ["ەکانیان", "ەکانی", "ەکەی", "ەکان", "ەکە", "یەکان", "یەکە", "یەکی", "یەک", "ێکی", "ێک",
         "کانی", "کان", "کەی", "کە", "انی", "ان", "ی"]


def inflections(lemma):
    """Other forms of a noun lemma, written by Sorani spelling rules."""
    last = lemma[-1]
    if last == "ە":
        return [lemma, lemma + "کە", lemma + "کان", lemma + "یەک", lemma + "ی", lemma + "کانی"]
    if last in VOWEL_END:  # ا ۆ ێ
        return [lemma, lemma + "کە", lemma + "کان", lemma + "یەک", lemma + "یان", lemma + "ی"]
    if last == "ی" and len(lemma) > 1 and lemma[-2] not in "اۆە":  # long î
        return [lemma, lemma + "یەکە", lemma + "یەکان", lemma + "یەک", lemma + "یان"]
    return [lemma, lemma + "ەکە", lemma + "ەکان", lemma + "ێک", lemma + "ان", lemma + "ی", lemma + "ەکانی"]


BAD_BASE_END = ("دا", "ەوە", "ەو", "مان", "تان", "یان", "ەکە", "ەکان", "ێک", "یەک", "ش")


def lemma_of(word, vocab):
    """The shortest attested base left by stripping our suffixes (repeatedly); None if unsure."""
    cur, changed = word, True
    while changed:
        changed = False
        for s in STRIP:
            if cur.endswith(s) and len(cur) - len(s) >= 3:
                base = cur[: -len(s)]
                if s.startswith("ک") and base[-1] not in VOWEL_END:
                    continue
                if vocab.get(base, 0) >= 2:
                    cur, changed = base, True
                    break
    if vocab.get(cur, 0) < 2 or cur.endswith(BAD_BASE_END) or cur.startswith("ال"):
        return None
    return cur


def arabic_typing(word):
    out = word.replace("ک", "ك").replace("ی", "ي").replace("ێ", "ي").replace("ە", "ه")
    if out.startswith("ڕ"):
        out = "ر" + out[1:]
    return out


LETTERS = "ابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆهەیێ"


def typo(word, rng):
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["del", "sub", "swap", "dup"])
    if kind == "del":
        return word[:i] + word[i + 1:]
    if kind == "sub":
        c = rng.choice([x for x in LETTERS if x != word[i]])
        return word[:i] + c + word[i + 1:]
    if kind == "swap" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


def run_lines(cmd, lines):
    p = subprocess.run(cmd, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    out = p.stdout.split("\n")
    return out[: len(lines)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kurdi")
    ap.add_argument("data")
    ap.add_argument("out", nargs="?", default="/tmp/kurdi-retrieval")
    ap.add_argument("--per-category", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)

    docs = []
    flores = os.path.join(a.data, "ScriptNormalization-ckb", "flores200.ckb_Arab.devtest.txt")
    with open(flores, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if line.strip():
                docs.append(("flores%d" % i, line.strip()))
    ktc = os.path.join(a.data, "KTC")
    for dirpath, _, files in sorted(os.walk(ktc)):
        for fn in sorted(files):
            if not fn.endswith(".txt") or fn == "SOURCE.txt":
                continue
            with open(os.path.join(dirpath, fn), encoding="utf-8", errors="replace") as f:
                for j, line in enumerate(f):
                    line = line.strip().lstrip("\ufeff")
                    if len(line) >= 60:
                        docs.append(("ktc/%s/%s:%d" % (os.path.basename(dirpath), fn, j + 1), line))
    with open(os.path.join(a.out, "docs.jsonl"), "w", encoding="utf-8") as f:
        for did, text in docs:
            f.write(json.dumps({"id": did, "title": "", "text": text}, ensure_ascii=False) + "\n")

    norm = run_lines([a.kurdi, "normalize", "--profile", "search"], [t.replace("\n", " ") for _, t in docs])
    stop = set()
    with open(os.path.join(ROOT, "data", "stopwords", "sorani.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("*"):
                continue
            stop.add(line.split("\t")[0])
    doc_words = [WORD.findall(n) for n in norm]
    vocab = collections.Counter(w for ws in doc_words for w in ws)
    df = collections.Counter(w for ws in doc_words for w in set(ws))

    def rare(ws, k, minlen=4):
        cands = sorted({w for w in ws if w not in stop and len(w) >= minlen and 2 <= df[w] <= 50},
                       key=lambda w: (df[w], w))
        # (words seen once are often typing errors or glued words in KTC: a query word is attested twice)
        return cands[:k]

    order = list(range(len(docs)))
    rng.shuffle(order)
    queries = collections.defaultdict(list)
    latin_src = []
    for i in order:
        ws = doc_words[i]
        if len(ws) < 6:
            continue
        did = docs[i][0]
        r2 = rare(ws, 2)
        if len(r2) == 2:
            if len(queries["exact"]) < a.per_category:
                queries["exact"].append((did, " ".join(r2)))
            if len(queries["orthographic"]) < a.per_category:
                queries["orthographic"].append((did, " ".join(arabic_typing(w) for w in r2)))
            if len(latin_src) < a.per_category:
                latin_src.append((did, " ".join(r2)))
        if len(queries["inflected"]) < a.per_category:
            forms = []
            for w in rare(ws, 6):
                lem = lemma_of(w, vocab)
                if not lem:
                    continue
                alts = [x for x in inflections(lem) if x != w]
                attested = [x for x in alts if vocab.get(x, 0) > 0]
                if not attested or len(lem) < 4:  # only forms the collection attests: real words
                    continue
                forms.append(rng.choice(attested))
                if len(forms) == 2:
                    break
            if len(forms) == 2:
                queries["inflected"].append((did, " ".join(forms)))
        if len(queries["typo"]) < a.per_category:
            r1 = rare(ws, 1, minlen=5)
            if r1:
                queries["typo"].append((did, typo(r1[0], rng)))
        if all(len(queries[c]) >= a.per_category for c in ("exact", "orthographic", "inflected", "typo")) \
                and len(latin_src) >= a.per_category:
            break
    lat = run_lines([a.kurdi, "translit", "--to", "latin"], [q for _, q in latin_src])
    queries["latin"] = [(d, l.strip()) for (d, _), l in zip(latin_src, lat)]
    with open(os.path.join(a.out, "queries.tsv"), "w", encoding="utf-8") as f:
        for cat in ("inflected", "orthographic", "latin", "typo", "exact"):
            for did, q in queries[cat]:
                f.write("%s\t%s\t%s\n" % (cat, did, q))
    print("%d documents, queries: %s" % (len(docs), {c: len(v) for c, v in queries.items()}), file=sys.stderr)


if __name__ == "__main__":
    main()

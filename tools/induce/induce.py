#!/usr/bin/env python3
"""Induce candidate nominal stems from permissively licensed raw Sorani text, for review.

Usage: induce.py KURDI_BIN OUT.tsv RAW_FILE_OR_DIR...
  (wishe: MIT, KurdishMT: Apache-2.0 -- never KTC, never gold sets)

1. Tokenizes the raw text into Arabic-script words and normalizes them with `kurdi normalize`.
2. Analyses every word type seen at least twice with `kurdi analyze --format jsonl` (the project's own
   affix grammar and lexicon); words that already have a non-guessed analysis are explained.
3. For the rest, every guessed analysis proposes its stem. A stem is kept when it occurs bare at
   least MIN_BARE times, explains at least MIN_FORMS distinct word types, and is not itself a
   suffixed form of a shorter stem already kept (shorter stems win), except for ی-final stems attested
   with the doubled ی of an î-final stem (کوردی → کوردییەکان).
4. Writes stem<TAB>pos<TAB>freq<TAB>why; pos is ADJ when -تر/-ترین forms are attested, else N.
"""
import collections, json, os, re, subprocess, sys

MIN_BARE, MIN_FORMS, MIN_TYPE_FREQ = 2, 2, 2
MIN_LEN = 3  # letters: shorter stems are mostly pieces of longer words (خو of خودا); hand-write the real ones
WORD = re.compile(r"[\u0620-\u064A\u0660-\u0669\u066E-\u06D5\u06E5\u06E6\u06EE-\u06FF\u200C]+")


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    if n.endswith(".txt") and not n.startswith("$"):
                        yield os.path.join(root, n)
        else:
            yield p


def run(binary, args, text):
    return subprocess.run([binary] + args, input=text.encode(), stdout=subprocess.PIPE, check=True).stdout.decode()


def main():
    binary, out_path, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    raw = []
    for f in files(paths):
        with open(f, encoding="utf-8", errors="replace") as fh:
            raw.append(fh.read())
    text = run(binary, ["normalize"], "\n".join(raw))
    freq = collections.Counter(w.replace("\u200c", "") for w in WORD.findall(text))
    freq = collections.Counter({w: c for w, c in freq.items() if len(w) >= 2 and not re.search(r"[\u0660-\u0669\u06F0-\u06F9]", w)})
    types = [w for w, c in freq.items() if c >= MIN_TYPE_FREQ]
    res = run(binary, ["analyze", "--format", "jsonl", "--max", "0"], "\n".join(types))
    props = collections.defaultdict(set)  # stem -> word types it would explain
    degree = collections.Counter()
    known = 0
    known_types = set()
    for line in res.splitlines():
        if not line.strip():
            continue
        o = json.loads(line)
        an = o["analyses"]
        if any(not a["guessed"] for a in an):
            known += freq[o["word"]]
            known_types.add(o["word"])
            continue
        for a in an:
            if a["pos"] not in ("N", "ADJ"):
                continue
            props[a["lemma"]].add(o["word"])
            if "CMPR" in a["features"] or "SPRL" in a["features"]:
                degree[a["lemma"]] += 1
    total = sum(freq.values())
    print(f"tokens {total}, explained by the lexicon {known / total:.3f}, candidate stems {len(props)}", file=sys.stderr)
    kept = {}
    for s in sorted(props, key=lambda x: (len(x), -freq[x])):
        if freq[s] < MIN_BARE or len(props[s]) < MIN_FORMS or len(s) < MIN_LEN or s in known_types:
            continue
        # a suffixed form of a shorter kept stem?
        shorter = any(s.startswith(t) and s != t and s in props[t] for t in kept if len(t) < len(s))
        idouble = s.endswith("ی") and len(s) > 2 and s[-2] not in "اەۆێوی" and any(x.startswith(s + "ی") for x in props[s])
        if shorter and not idouble:
            continue
        kept[s] = ("ADJ" if degree[s] else "N", freq[s], len(props[s]))
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# Induced stems: output of tools/induce/induce.py over wishe (MIT) and KurdishMT (Apache-2.0)\n")
        out.write("# raw text, filtered by the analyzer's affix grammar (see the tool's docstring) and reviewed.\n")
        out.write("# freq = bare occurrences; why = number of word types the stem explains.\n")
        out.write("*stem\tpos\tfreq\twhy\n")
        for s, (pos, f, n) in sorted(kept.items(), key=lambda kv: -kv[1][1]):
            out.write(f"{s}\t{pos}\t{f}\tinduced: {n} forms\n")
    print(f"kept {len(kept)} stems", file=sys.stderr)


if __name__ == "__main__":
    main()

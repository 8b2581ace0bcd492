#!/usr/bin/env python3
"""Single-word language identification: ckb recall on the words of FLORES-200 ckb text.

usage: lid_words.py KURDI_BINARY DATA_DIR [extra kurdi detect options]

Takes every distinct word (letters only, punctuation and digits stripped) of
DATA_DIR/ScriptNormalization-ckb/flores200.ckb_Arab.devtest.txt (the FLORES-200 ckb text available to
the project), runs `kurdi detect` on one word per line and prints the share labelled ckb (recall), with
the other labels counted. Prints one JSON line. Bar (issue 8): recall >= 0.90.
"""
import collections, glob, json, os, re, subprocess, sys

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    kurdi, data, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    files = sorted(glob.glob(os.path.join(data, "ScriptNormalization-ckb", "flores200.ckb_Arab.*.txt")))
    if not files:
        sys.exit("no FLORES-200 ckb file under " + data)
    words, seen = [], set()
    for f in files:
        for line in open(f, encoding="utf-8"):
            for w in line.split():
                w = re.sub(r"[^\w\u200c]|[\d_]", "", w)
                if w and w not in seen:
                    seen.add(w)
                    words.append(w)
    r = subprocess.run([kurdi, "detect"] + extra, input="\n".join(words) + "\n", capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("kurdi detect failed: " + r.stderr[-300:])
    pred = r.stdout.split("\n")[:-1]
    assert len(pred) == len(words), (len(pred), len(words))
    counts = collections.Counter(pred)
    print(json.dumps({"task": "lid-words", "data": os.path.basename(files[0]), "words": len(words),
                      "ckb_recall": round(counts["ckb"] / len(words), 4), "labels": dict(counts.most_common())},
                     ensure_ascii=False))

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Round-trip check of the transliterator: Arabic -> Latin -> Arabic gives back the normalized input.

usage: translit_roundtrip.py KURDI_BINARY TEXT_FILE [--show N]

Word types: the whitespace-separated tokens of TEXT_FILE, with punctuation stripped from both ends,
that contain at least one Arabic-script letter and nothing outside the Arabic script block (so
numbers, Latin words and URLs, which the transliterator passes through, are not counted). Each type
is normalized with `kurdi normalize` (standard profile); the check is
    translit --to arabic (translit --to latin (normalized)) == normalized
compared after the score.py fold (NFC, no zero-width marks, word-initial ڕ written ر, digits ASCII).
Prints one JSON line: types, round-tripped, ratio; --show N lists N failures on stderr.
"""
import json, subprocess, sys, unicodedata

ZW = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f\ufeff"))
PUNCT = "«»\"'()[]{}.,:;!?،؛؟-–—…/\\|*%٪“”‘’"


def fold(s):
    s = unicodedata.normalize("NFC", s).translate(ZW)
    s = s.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))
    return " ".join(("ر" + w[1:]) if w.startswith("ڕ") else w for w in s.split())


def arabic_word(w):
    return any("\u0620" <= c <= "\u06ff" for c in w) and all("\u0600" <= c <= "\u06ff" or c in "\u200c\u200d" for c in w)


def run(kurdi, args, lines):
    r = subprocess.run([kurdi] + args, input="".join(l + "\n" for l in lines), capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"kurdi {' '.join(args)} failed: {r.stderr.strip()[-300:]}")
    out = r.stdout.split("\n")
    return out[:len(lines)]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    kurdi, path = sys.argv[1], sys.argv[2]
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    types = set()
    for line in open(path, encoding="utf-8"):
        for tok in line.split():
            tok = tok.strip(PUNCT)
            if tok and arabic_word(tok):
                types.add(tok)
    types = sorted(types)
    norm = run(kurdi, ["normalize"], types)
    latin = run(kurdi, ["translit", "--to", "latin"], norm)
    back = run(kurdi, ["translit", "--to", "arabic"], latin)
    ok = 0
    fails = []
    for n, l, b in zip(norm, latin, back):
        if fold(n) == fold(b):
            ok += 1
        else:
            fails.append((n, l, b))
    for f in fails[:show]:
        print("\t".join(f), file=sys.stderr)
    print(json.dumps({"task": "translit-roundtrip", "data": path.split("/")[-1], "types": len(types),
                      "round_tripped": ok, "ratio": round(ok / max(1, len(types)), 4)}, ensure_ascii=False))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Legacy-font decoding: font auto-detection and word exactness on generated paragraphs.

usage: legacy_eval.py KURDI_BINARY DATA_DIR [--per-class N] [--seed S]

Builds, at run time, N paragraphs (default 100, seed 8) of each class:
  * Unicode Sorani from KurdishMT (data/Ku/ted_sent_ku_normalized.txt) and wishe, 1-5 sentences each,
    encoded with the project's inverse mapping (data/decode/<font>.tsv, rows with encode=1, longest
    match first) for alik, aliweb, dylan, zarnegar;
  * unencoded Sorani (same source), Arabic and Persian (KurdishLID Arabic/Persian lines) -> "none".
Runs `kurdi decode --from auto --format jsonl` once over all of them and reports
  * detection accuracy: predicted font == true font (none for the unencoded classes), per class;
  * decode exactness: share of words of the encoded paragraphs equal to the reference, the original
    paragraph through `kurdi decode --from none` (the same normalizer settings);
  * unchanged: share of unencoded paragraphs (Sorani, Arabic, Persian) output byte-identical.
Prints one JSON line. Bars (issue 8): detection >= 0.99 on >= 500 paragraphs; words >= 0.99.
"""
import glob, json, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FONTS = ["alik", "aliweb", "dylan", "zarnegar"]

def load_encoder(font):
    rules = {}
    header = None
    for line in open(os.path.join(HERE, "..", "data", "decode", font + ".tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if header is None:
            header = [h.lstrip("*") for h in f]
            continue
        row = dict(zip(header, f))
        if row["encode"] == "1" and row["to"]:
            rules[row["to"]] = row["from"]
    keys = sorted(rules, key=len, reverse=True)
    def enc(text):
        out, i = [], 0
        while i < len(text):
            for k in keys:
                if text.startswith(k, i):
                    out.append(rules[k]); i += len(k); break
            else:
                out.append(text[i]); i += 1
        return "".join(out)
    return enc

def lines_of(path):
    return [l.strip() for l in open(path, encoding="utf-8", errors="replace") if len(l.split()) >= 3]

def paragraphs(lines, n, rng):
    out = []
    for _ in range(n):
        k = rng.randint(1, 5)
        i = rng.randrange(0, max(1, len(lines) - k))
        out.append(" ".join(lines[i:i + k]))
    return out

def run(kurdi, args, lines):
    r = subprocess.run([kurdi] + args, input="\n".join(lines) + "\n", capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("kurdi " + " ".join(args) + " failed: " + r.stderr[-300:])
    out = r.stdout.split("\n")[:-1]
    assert len(out) == len(lines), (len(out), len(lines))
    return out

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    kurdi, data = sys.argv[1], sys.argv[2]
    n = int(sys.argv[sys.argv.index("--per-class") + 1]) if "--per-class" in sys.argv else 100
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 8
    rng = random.Random(seed)
    sorani = lines_of(os.path.join(data, "KurdishMT", "data", "Ku", "ted_sent_ku_normalized.txt"))
    wishe = sorted(glob.glob(os.path.join(data, "DevelopersTree-KurdishResources", "wishe", "[0-9]*.txt")))
    for f in wishe[:200]:
        sorani += [l for l in lines_of(f) if len(l) < 400]
    arabic = lines_of(os.path.join(data, "KurdishLID", "datasets", "Arabic-arab_train.txt"))
    persian = lines_of(os.path.join(data, "KurdishLID", "datasets", "Persian-arab_train.txt"))

    items = []  # (true font, input text, reference or None)
    src = paragraphs(sorani, n * (len(FONTS) + 1), rng)
    refs = run(kurdi, ["decode", "--from", "none"], src)
    for fi, font in enumerate(FONTS):
        enc = load_encoder(font)
        for ref in refs[fi * n:(fi + 1) * n]:
            items.append((font, enc(ref), ref, font))
    for p in src[len(FONTS) * n:]:
        items.append(("none", p, None, "sorani-unicode"))
    for p in paragraphs(arabic, n, rng):
        items.append(("none", p, None, "arabic"))
    for p in paragraphs(persian, n, rng):
        items.append(("none", p, None, "persian"))

    out = run(kurdi, ["decode", "--from", "auto", "--format", "jsonl"], [t for _, t, _, _ in items])
    per = {}
    ok = words = words_ok = unchanged = unenc = 0
    for (font, text, ref, cls), o in zip(items, out):
        j = json.loads(o)
        good = j["font"] == font
        ok += good
        per.setdefault(cls, [0, 0])
        per[cls][0] += good; per[cls][1] += 1
        if ref is not None:
            rw, hw = ref.split(), j["text"].split()
            words += len(rw)
            words_ok += sum(a == b for a, b in zip(rw, hw)) if len(rw) == len(hw) else 0
        else:
            unenc += 1
            unchanged += j["text"] == text
    print(json.dumps({"task": "legacy", "paragraphs": len(items), "detect_accuracy": round(ok / len(items), 4),
                      "per_class": {k: round(a / b, 4) for k, (a, b) in per.items()},
                      "decode_word_exact": round(words_ok / max(1, words), 4), "words": words,
                      "unencoded_unchanged": round(unchanged / max(1, unenc), 4)}, ensure_ascii=False))

if __name__ == "__main__":
    main()

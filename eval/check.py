#!/usr/bin/env python3
"""Runs the shared evaluation harness and the project's own measurements (PROJECT below) and fails
when any figure recorded in eval/baseline.json got worse. Lower is better for error rates (cer,
cer_folded, per, false_alarm_rate); higher is better for everything else.

usage: eval/check.py KURDI_BINARY DATA_DIR [BASELINE_JSON] [--update]
  --update   write the current figures into the baseline (after an improvement)
"""
import json, os, subprocess, sys

LOWER_IS_BETTER = {"cer", "cer_folded", "per", "false_alarm_rate"}
EPS = 1e-9

# The project's own measurements of issue bars that the shared harness does not cover: task name,
# script and arguments (KURDI, DATA and FLORES are filled in), the headline metrics kept in the
# baseline. Each script prints JSON lines; a line without "task" gets this task name, and "data" (or
# "text") names the data set.
FLORES = "ScriptNormalization-ckb/flores200.ckb_Arab.devtest.txt"
PROJECT = [
    ("inflect", ["morph_generation.py", "KURDI", "DATA"], ["exact"]),
    ("coverage", ["morph_coverage.py", "KURDI", "FLORES", "DATA/DevelopersTree-KurdishResources/wishe"],
     ["coverage_tokens"]),
    ("false-alarms", ["spell_false_alarms.py", "KURDI", "DATA"], ["false_alarm_rate"]),
    ("lid-words", ["lid_words.py", "KURDI", "DATA"], ["ckb_recall"]),
    ("legacy", ["legacy_eval.py", "KURDI", "DATA"], ["detect_accuracy", "decode_word_exact"]),
    ("translit-roundtrip", ["translit_roundtrip.py", "KURDI", "FLORES"], ["ratio"]),
]


def project_figures(kurdi, data, here):
    """{task/data: {metric: value}} from the PROJECT scripts (a script that fails gives an error row)."""
    out = {}
    for task, argv, _ in PROJECT:
        args = []
        for a in argv[1:]:
            a = a.replace("KURDI", kurdi).replace("FLORES", os.path.join(data, FLORES))
            args.append(a.replace("DATA", data) if a.startswith("DATA") else a)
        r = subprocess.run([sys.executable, os.path.join(here, argv[0])] + args, capture_output=True, text=True)
        rows = [json.loads(l) for l in r.stdout.splitlines() if l.startswith("{")]
        if r.returncode != 0 or not rows:
            out[f"{task}/-"] = {"error": (r.stderr.strip().splitlines() or ["no output"])[-1]}
            continue
        for row in rows:
            name = os.path.basename(str(row.get("data", row.get("text", "all"))).rstrip("/"))
            out[f"{task}/{name}"] = {k: v for k, v in row.items()
                                     if isinstance(v, (int, float)) and not isinstance(v, bool) and k != "seconds"}
    return out

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    update = "--update" in sys.argv
    if len(args) < 2:
        sys.exit(__doc__)
    kurdi, data = args[0], args[1]
    here = os.path.dirname(os.path.abspath(__file__))
    baseline_path = args[2] if len(args) > 2 else os.path.join(here, "baseline.json")
    run = os.path.join(os.path.dirname(os.path.abspath(data)), "eval", "run.py")
    if not os.path.exists(run):
        run = os.path.join(here, "..", "..", "shared", "eval", "run.py")
    if not os.path.isdir(data) or not os.path.exists(run):
        print(f"eval/check.py: no shared data at {data}: evaluation skipped")
        return 0
    baseline = json.load(open(baseline_path, encoding="utf-8")) if os.path.exists(baseline_path) else {}
    own = {task for task, _, _ in PROJECT}
    tasks = sorted({k.split("/")[0] for k in baseline} - own) if baseline and not update else []
    out = subprocess.run([sys.executable, run, kurdi, data] + tasks, capture_output=True, text=True)
    current = {}
    for line in out.stdout.splitlines():
        row = json.loads(line)
        key = f"{row['task']}/{row['data']}"
        if "error" in row:
            current[key] = {"error": row["error"]}
            continue
        current[key] = {k: v for k, v in row.items() if isinstance(v, (int, float)) and k != "seconds"
                        and not isinstance(v, bool)}
    current.update(project_figures(kurdi, data, here))
    worse, lines = [], []
    for key, figures in sorted(baseline.items()):
        now = current.get(key)
        if now is None or "error" in now:
            worse.append(f"{key}: {'missing' if now is None else now['error']}")
            continue
        for metric, ref in figures.items():
            if metric not in now:
                worse.append(f"{key} {metric}: missing")
                continue
            v = now[metric]
            bad = v > ref + EPS if metric in LOWER_IS_BETTER else v < ref - EPS
            lines.append(f"{'WORSE' if bad else 'ok   '} {key:45s} {metric:22s} {v:<8} (baseline {ref})")
            if bad:
                worse.append(f"{key} {metric}: {v} vs baseline {ref}")
    print("\n".join(lines))
    if update:
        # The headline figure(s) of each task: the ones the issues set bars on.
        keep = {"norm": ["cer"], "repair": ["cer"], "tok": ["f1"], "sent": ["f1"], "stem": ["f1"],
                "lemma": ["accuracy"], "translit-latin": ["accuracy"], "translit-arabic": ["accuracy"],
                "g2p": ["phoneme_accuracy"], "spell": ["detected", "top1", "top5", "corrections_accepted"],
                "detect": ["accuracy", "macro_f1"], "numbers": ["exact"]}
        keep.update({task: metrics for task, _, metrics in PROJECT})
        new = {k: {m: v for m, v in f.items() if m in keep.get(k.split("/")[0], [])}
               for k, f in current.items() if "error" not in f}
        json.dump(new, open(baseline_path, "w", encoding="utf-8"), indent=1, ensure_ascii=False, sort_keys=True)
        print(f"baseline written: {len(new)} data sets")
        return 0
    if worse:
        print("\nFigures worse than eval/baseline.json:\n  " + "\n  ".join(worse))
        return 1
    print(f"\n{len(lines)} passed, 0 failed: no figure worse than eval/baseline.json")
    return 0

if __name__ == "__main__":
    sys.exit(main())

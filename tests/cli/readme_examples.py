#!/usr/bin/env python3
"""The README's worked examples: every `$ ... build/kurdi ...` line in a code block is run (with
build/kurdi replaced by the binary under test) and its output compared with the lines printed
under it. Examples that need a server or an index (serve, index, search) are left out.
usage: readme_examples.py README.md KURDI"""
import subprocess
import sys


def main():
    readme, kurdi = sys.argv[1], sys.argv[2]
    lines = open(readme, encoding="utf-8").read().split("\n")
    ran = failed = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.startswith("$ ") or "build/kurdi " not in line:
            continue
        expected = []
        while i < len(lines) and not lines[i].startswith("$ ") and not lines[i].startswith("```"):
            expected.append(lines[i].rstrip())
            i += 1
        if any(f"build/kurdi {c}" in line for c in ("serve", "index", "search")):
            continue
        cmd = line[2:].replace("build/kurdi ", kurdi + " ")
        r = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=120)
        got = [x.rstrip() for x in r.stdout.rstrip("\n").split("\n")] if r.stdout else []
        ran += 1
        if got != expected:
            failed += 1
            print(f"README example differs: {line}\n  expected: {expected}\n  got:      {got}\n  stderr: {r.stderr[:300]}")
    print(f"{ran} README examples run, {failed} differ")
    return 1 if failed or ran == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

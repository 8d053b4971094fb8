"""Benchmark: the lexicon's start-up and per-word cost, and its memory.

    .venv/bin/python bench/lexicon.py [--runs 5]

Each figure comes from fresh processes so that nothing is warm but the cache file (and the
operating system's file cache): building the cache from the Buckwalter files (first use), a
later start up to the first analysed word, and the time per word over the sample article
(every word, then the same words again, answered from memory). "× budget" divides by the
targets (150 ms to the first word, 1 ms a word). Memory is the resident-set growth of
opening the lexicon and analysing the article.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, sys.argv[1])
mode = sys.argv[2]
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
from desktop.core.lexicon import cache
from desktop.core.lexicon.analyzer import Lexicon
from desktop.core.lexicon.words import words
if mode == "build":
    from desktop.core.lexicon import source
    folder = source.data_folder()
    digest = source.data_hash(folder)
    cache.cache_path(digest).unlink(missing_ok=True)
    t0 = time.perf_counter()
    Lexicon.open()
    print(json.dumps({"build": time.perf_counter() - t0}))
    sys.exit()
lexicon = Lexicon.open()
lexicon.analyze("المدير")
first = time.perf_counter() - t0
text = open(sys.argv[3], encoding="utf-8").read()
tokens = [w for _s, _e, w in words(text)]
t1 = time.perf_counter()
for w in tokens:
    lexicon.analyze(w)
cold = (time.perf_counter() - t1) / len(tokens)
t2 = time.perf_counter()
for w in tokens:
    lexicon.analyze(w)
warm = (time.perf_counter() - t2) / len(tokens)
rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
print(json.dumps({"first": first, "cold": cold, "warm": warm, "words": len(tokens), "rss_mb": rss}))
"""


def child(mode: str, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), mode,
                          str(ROOT / "resources" / "sample" / "article.txt")],
                         capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import os

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_CACHE_HOME=tmp)
        builds = [child("build", env)["build"] for _ in range(max(1, args.runs // 2))]
        runs = [child("use", env) for _ in range(args.runs)]

    def show(label: str, values: list[float], unit: float, budget: float | None) -> None:
        med = statistics.median(values)
        ratio = f"  {med / budget:5.2f} × budget" if budget else ""
        print(f"  {label:34} median {med * unit:8.2f}  ({min(values) * unit:.2f}–{max(values) * unit:.2f})"
              f"{ratio}")

    print(f"lexicon, {args.runs} fresh processes each ({runs[0]['words']:.0f} words of the sample)")
    show("build the cache (first use), s", builds, 1, None)
    show("start to first word, ms", [r["first"] for r in runs], 1000, 0.150)
    show("per word, first time, µs", [r["cold"] for r in runs], 1e6, 0.001)
    show("per word, again (memory), µs", [r["warm"] for r in runs], 1e6, 0.001)
    show("resident memory added, MB", [r["rss_mb"] for r in runs], 1, None)


if __name__ == "__main__":
    main()

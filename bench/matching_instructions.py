"""Benchmark: instructions to find a dense glossary's terms, now and at a baseline commit.

    .venv/bin/python bench/matching_instructions.py [--baseline REF]

Time on a shared machine moves with its load; an instruction count does not. Each tree runs
the same child under ``valgrind --tool=callgrind`` twice, once building the index only and
once also finding the terms twice; the difference over two is what one ``find`` costs. The
case is ``bench/scale.py``'s dense one: 5,000 terms of which every word of the sample article
is one, over 256,000 characters of the article (about 35,000 matches).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r'''
import json, sys
sys.path.insert(0, sys.argv[1])
from desktop.core.glossary.matcher import IndexedTerm, TermIndex
pairs = json.load(open(sys.argv[2], encoding="utf-8"))
text = open(sys.argv[3], encoding="utf-8").read()
index = TermIndex([IndexedTerm(i, s, t, "other") for i, (s, t) in enumerate(pairs)])
for _ in range(int(sys.argv[4])):
    found = index.find(text)
'''


def instructions(tree: Path, data: Path, finds: int) -> int:
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", CHILD,
         str(tree), str(data / "terms.json"), str(data / "text.txt"), str(finds)],
        cwd=tree, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--baseline", default="149ec66", help="the commit to compare with")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed (Debian: apt-get install valgrind)")
    sys.path.insert(0, str(ROOT / "bench"))
    import json
    import random

    import scale

    work = Path(tempfile.mkdtemp(prefix="tarjuman-instructions-"))
    base = work / "baseline"
    try:
        (work / "terms.json").write_text(json.dumps(scale.make_terms(5_000, random.Random(11), dense=True),
                                                    ensure_ascii=False), encoding="utf-8")
        (work / "text.txt").write_text(scale.make_text(500), encoding="utf-8")
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base),
                        args.baseline], check=True)
        counts = {}
        for name, tree in (("baseline", base), ("now", ROOT)):
            counts[name] = (instructions(tree, work, 2) - instructions(tree, work, 0)) // 2
        print("One find, dense 5,000 terms over 256,000 characters (callgrind, instructions):")
        print(f"  baseline {args.baseline}: {counts['baseline'] / 1e9:.3f} G")
        print(f"  now:              {counts['now'] / 1e9:.3f} G   "
              f"({counts['baseline'] / counts['now']:.2f}x fewer)")
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

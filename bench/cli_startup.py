"""Benchmark: how soon the CLI's short commands answer, against a baseline commit.

    .venv/bin/python bench/cli_startup.py [--baseline REF] [--terms 100000] [--repeat 15]

Each row runs ``python -m desktop …`` in a fresh process (wall clock and CPU time of the
child, median and range over the repeats), the trees taking turns so that the machine's
load weighs on both alike; ``python -c pass`` is the floor that no command can beat. The
glossary is the one bench/scale.py generates (its ``make_terms``), imported once per tree
with that tree's own code; the search for a rare term looks for a term in the middle of it.

Compiled bytecode is kept in a temporary folder (PYTHONPYCACHEPREFIX), as an installed
program has it: with PYTHONDONTWRITEBYTECODE every start compiles Tarjuman's modules again.
``--source`` measures that way instead.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from scale import git_describe, make_terms, platform_name, sandbox_env, write_csv  # noqa: E402


def child(tree: Path, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall s, CPU s) of ``python ARGS`` run in ``tree``; a failure stops the benchmark."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=tree, env={**env, "PYTHONPATH": str(tree)},
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{args} failed ({done.returncode}) in {tree}:\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cell(values: list[float], scale: float, unit: str) -> str:
    med = statistics.median(values) * scale
    return f"{med:8.1f} {unit} ({min(values) * scale:.1f}–{max(values) * scale:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--baseline", help="also measure this commit (e.g. 21e2ae5)")
    parser.add_argument("--now", help="measure this commit instead of the working tree (which "
                                      "others may be editing)")
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--import-repeat", type=int, default=3)
    parser.add_argument("--rows", default="", help="only the rows whose label contains this "
                                                   "(the CSV import always runs: it makes the glossary)")
    parser.add_argument("--source", action="store_true",
                        help="no compiled bytecode kept (every start compiles the modules)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tarjuman-cli-"))
    trees = {"now": ROOT}
    try:
        for name, ref in (("now", args.now), ("baseline", args.baseline)):
            if ref:
                trees[name] = work / name
                subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q",
                                str(trees[name]), ref], check=True)
        print(f"Machine: {os.cpu_count()} CPUs, {platform_name()}; load {os.getloadavg()[0]:.1f}")
        if args.baseline:
            now = git_describe(args.now) if args.now else f"{git_describe('HEAD')} plus the working tree"
            print(f"Baseline: {args.baseline} = {git_describe(args.baseline)}; now: {now}")
        terms = make_terms(args.terms, random.Random(7))
        source = work / "terms.csv"
        write_csv(source, terms)
        envs, dbs = {}, {}
        for name in trees:
            home = work / f"home-{name}"
            env = sandbox_env(home)
            if not args.source:
                env.pop("PYTHONDONTWRITEBYTECODE", None)
                env["PYTHONPYCACHEPREFIX"] = str(work / f"pyc-{name}")
            envs[name], dbs[name] = env, home / "glossary.db"
        rare = terms[len(terms) // 2][0]
        rows: list[tuple[str, list[str], int]] = [
            ("python -c pass (the floor)", ["-c", "pass"], args.repeat),
            ("tarjuman --version", ["-m", "desktop", "--version"], args.repeat),
            ("tarjuman --help", ["-m", "desktop", "--help"], args.repeat),
            (f"glossary import ({args.terms:,} rows, CSV)",
             ["-m", "desktop", "--db", "DB", "glossary", "import", str(source)], args.import_repeat),
            ("glossary search (a rare term)", ["-m", "desktop", "--db", "DB", "glossary", "search", rare],
             args.repeat),
            ("glossary search ال", ["-m", "desktop", "--db", "DB", "glossary", "search", "ال"],
             max(3, args.repeat // 3)),
            ("glossary list", ["-m", "desktop", "--db", "DB", "glossary", "list"], max(3, args.repeat // 3)),
            ("glossary list --json", ["-m", "desktop", "--db", "DB", "glossary", "list", "--json"],
             max(3, args.repeat // 3)),
            ("glossary export (CSV)", ["-m", "desktop", "--db", "DB", "glossary", "export", "OUT"],
             max(3, args.repeat // 3)),
            # The same terms from TBX (written by the glossary export of the tree measured),
            # into a glossary of their own.
            (f"glossary import ({args.terms:,} terms, TBX)",
             ["-m", "desktop", "--db", "TBXDB", "glossary", "import", "TBX"], args.import_repeat),
        ]
        print(f"\n{args.terms:,} terms; wall clock (CPU) in ms, median (range); bytecode "
              f"{'compiled at every start' if args.source else 'kept'}")
        for label, argv, repeat in rows:
            if args.rows not in label and "CSV" not in label:
                continue
            walls: dict[str, list[float]] = {n: [] for n in trees}
            cpus: dict[str, list[float]] = {n: [] for n in trees}
            if "import" not in argv:  # once uncounted: the bytecode compiled, the files cached
                for name, tree in trees.items():
                    out = dbs[name].parent / "out.csv"
                    child(tree, [str(dbs[name]) if a == "DB" else str(out) if a == "OUT" else a
                                 for a in argv], envs[name])
            for _ in range(repeat):
                for name, tree in trees.items():
                    db = dbs[name] if "TBXDB" not in argv else dbs[name].with_name("tbx.db")
                    tbx = db.parent / "terms.tbx"
                    if "TBX" in argv and not tbx.exists():
                        child(tree, ["-m", "desktop", "--db", str(dbs[name]), "glossary", "export",
                                     str(tbx)], envs[name])
                    if "import" in argv:
                        for suffix in ("", "-wal", "-shm"):
                            Path(f"{db}{suffix}").unlink(missing_ok=True)
                    out = db.parent / "out.csv"
                    wall, cpu = child(tree, [str(db) if a in ("DB", "TBXDB") else str(out) if a == "OUT"
                                             else str(tbx) if a == "TBX" else a for a in argv],
                                      envs[name])
                    walls[name].append(wall)
                    cpus[name].append(cpu)
            line = f"  {label:<38}{cell(walls['now'], 1000, 'ms')}  CPU {cell(cpus['now'], 1000, 'ms')}"
            if "baseline" in trees:
                ratio = statistics.median(walls["baseline"]) / statistics.median(walls["now"])
                cpu_ratio = statistics.median(cpus["baseline"]) / statistics.median(cpus["now"])
                line += (f"\n  {'  was':<38}{cell(walls['baseline'], 1000, 'ms')}  CPU "
                         f"{cell(cpus['baseline'], 1000, 'ms')}   {ratio:.2f}x (CPU {cpu_ratio:.2f}x)")
            print(line, flush=True)
            if "import" in argv:
                # As a user's glossary is: not changed in the last seconds (a glossary found
                # healthy is remembered only once its file has been left alone 3 s).
                time.sleep(4)
        print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}")
    finally:
        for tree in trees.values():
            if tree != ROOT:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                               check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

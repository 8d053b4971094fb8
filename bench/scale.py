"""Benchmark: a big glossary and big documents, at growing sizes, against a baseline.

    .venv/bin/python bench/scale.py [--baseline REF] [--sizes 1000,10000,100000]
                                    [--texts 10,100,1000,5000] [--repeat 3]

Every figure comes from a fresh process (a cold start, as a user has it), measured the way a
user meets it: the CLI's wall and CPU time and peak memory, and in the window (offscreen) the
time from the process's start to the first sentences on screen, to the glossary's terms
highlighted in the document and to the glossary table filled, and what one keystroke in the
glossary's search box costs. Each row is repeated (median, with the range).

Glossary rows: 1,000, 10,000 and 100,000 generated terms (made-up names, some with the
article, and phrases of the sample article's words), imported from CSV, then ``glossary
list``, ``list --json``, ``search`` for a common (ال) and a rare query, ``export``, and the
window with the sample article. Text rows: the sample article repeated to 10 KB … 5 MB with
5,000 terms of which every word of the article is one (dense: nearly every word is a match),
through ``tarjuman terms --json`` and opened in the window.

``--baseline REF`` also runs every row on the commit REF (a temporary git worktree) in the
same run and prints the ratio baseline / now; "growth" is the ratio to the row one size
smaller, so that a step that grows faster than the input shows.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"

# --- the child: one measurement in the window ----------------------------------------------
WINDOW_CHILD = r'''
import os, resource, sys, time, json
START = time.perf_counter()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, sys.argv[1])
db, doc, query = sys.argv[2], sys.argv[3], sys.argv[4]
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from desktop.core.workspace import Workspace
from desktop.ui import style
from desktop.ui.app import after_first_paint, configure_application
from desktop.ui.main_window import MainWindow
from pathlib import Path
app = QApplication([])
configure_application(app)
style.load_fonts()
times = {}
settings = QSettings(os.path.join(os.environ["XDG_CONFIG_HOME"], "bench.ini"), QSettings.Format.IniFormat)
window = MainWindow(Workspace.open(db), settings)
window.resize(1280, 800)
def mark(name):
    times.setdefault(name, time.perf_counter() - START)
window.documentShown.connect(lambda: mark("shown"))
window.termsHighlighted.connect(lambda: mark("highlighted"))
window.glossary.model.loaded.connect(lambda: mark("table"))
if not window.glossary.model.loading:  # a small glossary is read before the window shows
    mark("table")
# As the app starts: the engine, the term index, the lexicon and the document once the
# window is on screen.
after_first_paint(window, lambda: mark("window"), lambda: window.start(Path(doc)))
window.show()
deadline = time.perf_counter() + float(os.environ.get('SCALE_WAIT', '300'))
while len(times) < 4 and time.perf_counter() < deadline:
    if "shown" in times and "table" in times and window.workspace.count_terms() == 0:
        break  # an empty glossary highlights nothing
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    time.sleep(0.005)
if len(times) < 4:
    # A glossary with no term in the document never highlights: say so, not a time.
    times.setdefault("highlighted", None)
# One keystroke in the search box, once the start-up work is done (the lexicon, the table):
# the query grows a letter at a time; each costs what the search takes once the typing pause
# is over (the pause itself is not counted).
idle_by = time.perf_counter() + 60
while window.runner.running() and time.perf_counter() < idle_by:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    time.sleep(0.01)
panel = window.glossary
keys = []
for n in range(1, len(query) + 1):
    panel.search.setText(query[:n])
    panel._search_timer.stop()
    t = time.perf_counter()
    panel._apply_search()
    app.processEvents()
    keys.append(time.perf_counter() - t)
times["keystroke"] = max(keys)
times["keystroke_median"] = sorted(keys)[len(keys) // 2]
times["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the reopening
# The same text opened again from File > Open in the running window (another file name):
# the time from the choice to the text on screen and to its terms highlighted.
again = Path(os.environ["XDG_CACHE_HOME"]) / ("again-" + Path(doc).name)
again.write_bytes(Path(doc).read_bytes())
reopened = {}
opened_at = time.perf_counter()
window.documentShown.connect(lambda: reopened.setdefault("shown", time.perf_counter() - opened_at))
window.termsHighlighted.connect(lambda: reopened.setdefault("highlighted", time.perf_counter() - opened_at))
window.documents.open_document(again)
wanted = 2 if window.workspace.count_terms() else 1
until = time.perf_counter() + float(os.environ.get('SCALE_WAIT', '300'))
while len(reopened) < wanted and time.perf_counter() < until:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    time.sleep(0.005)
times["reopen_shown"] = reopened.get("shown")
times["reopen_highlighted"] = reopened.get("highlighted")
print(json.dumps(times))
window.close()
'''


def sandbox_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        (home / var.lower()).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / var.lower())
    env["HOME"] = str(home)
    env["ARGOS_PACKAGES_DIR"] = str(home / "packages")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


CLI_CHILD = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: print('\\nRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
    " file=sys.stderr))\n"
    "from desktop.__main__ import main\n"
    "sys.argv = ['tarjuman', *sys.argv[1:]]\n"
    "sys.exit(main())\n"
)


def run(tree: Path, argv: list[str], env: dict[str, str], stdout: int | None = subprocess.DEVNULL
        ) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak MiB, stdout) of one child process running ``argv`` in ``tree``; the
    peak is what the child reports (a CLI_CHILD prints it), else 0."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *argv], cwd=tree, env={**env, "PYTHONPATH": str(tree)},
                          stdout=subprocess.PIPE if stdout is None else stdout,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{argv[-1]} failed ({done.returncode}) in {tree}:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peaks = re.findall(r"^RSS (\d+)$", done.stderr, flags=re.MULTILINE)
    return wall, cpu, int(peaks[-1]) / 1024 if peaks else 0.0, done.stdout or ""


def cli(tree: Path, db: Path, *args: str) -> tuple[float, float, float, str]:
    """``tarjuman --db DB ARGS`` in ``tree``, with its home in DB's folder."""
    return run(tree, ["-c", CLI_CHILD, "--db", str(db), *args], sandbox_env(db.parent))


# --- generated data ------------------------------------------------------------------------
def article() -> str:
    return (ROOT / "resources" / "sample" / "article.txt").read_text(encoding="utf-8")


def vocabulary() -> list[str]:
    return sorted({w for w in re.findall(r"\w+", article()) if len(w) > 2 and not w.isdigit()})


def make_terms(n: int, rng: random.Random, dense: bool = False) -> list[tuple[str, str]]:
    words = vocabulary()
    terms: list[tuple[str, str]] = []
    seen: set[str] = set()
    # Some of the article's words are terms in every glossary (so the window has terms to
    # highlight); with ``dense`` every one of them is.
    for word in words if dense else words[::25]:
        seen.add(word)
        terms.append((word, f"word {len(terms)}"))
    while len(terms) < n:
        if rng.random() < 0.1:
            source = " ".join(rng.sample(words, rng.choice((2, 3))))
        else:
            source = "".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 8)))
            if rng.random() < 0.3:
                source = "ال" + source
        if source not in seen:
            seen.add(source)
            terms.append((source, f"term {len(terms)}"))
    return terms


def write_csv(path: Path, terms: list[tuple[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["source", "target", "category", "note"])
        for source, target in terms:
            writer.writerow([source, target, "other", ""])


def make_text(kb: int) -> str:
    text = article()
    return ("\n\n".join([text] * (kb * 1024 // len(text.encode()) + 1)))[: kb * 1024 // 2]


# --- rows ----------------------------------------------------------------------------------
class Table:
    def __init__(self, title: str, trees: dict[str, Path]) -> None:
        self.title, self.trees = title, trees
        self.rows: list[tuple[str, str, dict[str, list[float]]]] = []

    def add(self, label: str, unit: str, values: dict[str, list[float]]) -> None:
        self.rows.append((label, unit, values))
        self.print_row(label, unit, values)

    def print_row(self, label: str, unit: str, values: dict[str, list[float]]) -> None:
        now = values["now"]
        cells = f"{statistics.median(now):9.2f} ({min(now):.2f}–{max(now):.2f}) {unit:<4}"
        if "baseline" in values:
            base = values["baseline"]
            cells += (f"  was {statistics.median(base):9.2f} ({min(base):.2f}–{max(base):.2f})"
                      f"  {statistics.median(base) / max(statistics.median(now), 1e-9):6.1f}x")
        previous = [r for r in self.rows[:-1] if r[0].split(" @ ")[0] == label.split(" @ ")[0]]
        if previous:
            before = statistics.median(previous[-1][2]["now"])
            cells += f"  growth {statistics.median(now) / max(before, 1e-9):5.1f}x"
        print(f"  {label:<52}{cells}", flush=True)


def measure(trees: dict[str, Path], repeat: int, fn: Callable[[Path], float]) -> dict[str, list[float]]:
    values: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(repeat):  # the trees take turns, so that load affects both alike
        for name, tree in trees.items():
            values[name].append(fn(tree))
    return values


def _value(result: dict[str, float | None], key: str) -> float | None:
    """One figure of a window child's result; "after_window" is the highlights' time from
    the window's first paint. None where the child had none (a baseline without the mark)."""
    if key == "after_window":
        highlighted, window = result.get("highlighted"), result.get("window")
        return highlighted - window if highlighted is not None and window is not None else None
    return result.get(key)


def glossary_rows(trees: dict[str, Path], sizes: list[int], repeat: int, work: Path) -> None:
    rng = random.Random(7)
    doc = work / "article.txt"
    doc.write_text(article(), encoding="utf-8")
    print("\nGlossary (times in seconds of wall clock unless marked CPU; memory in MiB)")
    table = Table("glossary", trees)
    for n in sizes:
        terms = make_terms(n, rng)
        source = work / f"terms-{n}.csv"
        write_csv(source, terms)
        dbs: dict[str, Path] = {}

        def import_once(tree: Path, source: Path = source,
                        dbs: dict[str, Path] = dbs) -> tuple[float, float, float]:
            home = Path(tempfile.mkdtemp(dir=work))
            db = home / "glossary.db"
            wall, cpu, rss, _ = cli(tree, db, "glossary", "import", str(source))
            dbs[str(tree)] = db
            return wall, cpu, rss

        results = {name: [import_once(tree) for _ in range(repeat)] for name, tree in trees.items()}
        table.add(f"CSV import, wall @ {n:,}", "s", {k: [r[0] for r in v] for k, v in results.items()})
        table.add(f"CSV import, CPU @ {n:,}", "s", {k: [r[1] for r in v] for k, v in results.items()})
        table.add(f"CSV import, peak memory @ {n:,}", "MiB",
                  {k: [r[2] for r in v] for k, v in results.items()})
        for label, args in (("glossary list", ["glossary", "list"]),
                            ("glossary list --json", ["glossary", "list", "--json"]),
                            ("glossary search ال", ["glossary", "search", "ال"]),
                            ("glossary search (rare)", ["glossary", "search", terms[n // 2][0]]),
                            ("glossary export (CSV)", ["glossary", "export", "OUT"])):
            def command(tree: Path, args: list[str] = args, dbs: dict[str, Path] = dbs) -> float:
                db = dbs[str(tree)]
                out = db.parent / "out.csv"
                return cli(tree, db, *[a if a != "OUT" else str(out) for a in args])[0]
            table.add(f"{label} @ {n:,}", "s", measure(trees, repeat, command))
        window = {name: [] for name in trees}  # type: dict[str, list[dict[str, float]]]
        for _ in range(repeat):
            for name, tree in trees.items():
                db = dbs[str(tree)]
                _w, _c, _r, out = run(tree, ["-c", WINDOW_CHILD, str(tree), str(db), str(doc),
                                             "التحقيقات"], sandbox_env(db.parent), stdout=None)
                window[name].append(json.loads(out.strip().splitlines()[-1]))
        for key, label, unit, scale in (("window", "window: on screen", "s", 1),
                                        ("shown", "window: document shown", "s", 1),
                                        ("highlighted", "window: terms highlighted", "s", 1),
                                        ("after_window", "window: highlighted, after on screen", "s", 1),
                                        ("table", "window: glossary table filled", "s", 1),
                                        ("keystroke", "window: one search keystroke (slowest)", "ms", 1000),
                                        ("keystroke_median", "window: one search keystroke (median)", "ms",
                                         1000),
                                        ("reopen_highlighted", "window: File > Open to highlighted", "s", 1),
                                        ("rss", "window: peak memory", "MiB", 1)):
            values = {k: [(_value(r, key) or float("nan")) * scale for r in v] for k, v in window.items()}
            table.add(f"{label} @ {n:,}", unit, values)


def text_rows(trees: dict[str, Path], texts: list[int], repeat: int, work: Path) -> None:
    rng = random.Random(11)
    print("\nDocuments, with 5,000 terms of which every word of the article is one (dense)")
    table = Table("text", trees)
    terms = make_terms(5_000, rng, dense=True)
    source = work / "dense.csv"
    write_csv(source, terms)
    dbs: dict[str, Path] = {}
    for tree in trees.values():
        home = Path(tempfile.mkdtemp(dir=work))
        dbs[str(tree)] = home / "glossary.db"
        cli(tree, dbs[str(tree)], "glossary", "import", str(source))
    for kb in texts:
        doc = work / f"text-{kb}.txt"
        doc.write_text(make_text(kb), encoding="utf-8")
        size = f"{kb:,} KB" if kb < 1000 else f"{kb / 1000:g} MB"
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in trees}
        for _ in range(repeat):
            for name, tree in trees.items():
                db = dbs[str(tree)]
                wall, cpu, rss, _ = cli(tree, db, "terms", str(doc), "--json")
                results[name].append((wall, cpu, rss))
        table.add(f"terms --json, wall @ {size}", "s", {k: [r[0] for r in v] for k, v in results.items()})
        table.add(f"terms --json, peak memory @ {size}", "MiB",
                  {k: [r[2] for r in v] for k, v in results.items()})
        window: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for _ in range(repeat):
            for name, tree in trees.items():
                db = dbs[str(tree)]
                _w, _c, _r, out = run(tree, ["-c", WINDOW_CHILD, str(tree), str(db), str(doc), "و"],
                                      sandbox_env(db.parent), stdout=None)
                window[name].append(json.loads(out.strip().splitlines()[-1]))
        for key, label, unit in (("shown", "window: document shown", "s"),
                                 ("highlighted", "window: terms highlighted", "s"),
                                 ("reopen_shown", "window: File > Open to shown", "s"),
                                 ("reopen_highlighted", "window: File > Open to highlighted", "s"),
                                 ("rss", "window: peak memory", "MiB")):
            table.add(f"{label} @ {size}", unit,
                      {k: [_value(r, key) or float("nan") for r in v] for k, v in window.items()})
        # The same document with an empty glossary: what the text itself costs.
        plain: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for _ in range(repeat):
            for name, tree in trees.items():
                # One home per tree, as for the rows above: its lexicon cache is built once.
                home = work / f"empty-{name}"
                home.mkdir(exist_ok=True)
                _w, _c, _r, out = run(tree, ["-c", WINDOW_CHILD, str(tree), str(home / "empty.db"),
                                             str(doc), "و"], {**sandbox_env(home), "SCALE_WAIT": "20"},
                                      stdout=None)
                plain[name].append(json.loads(out.strip().splitlines()[-1]))
        for key, label, unit in (("shown", "window, no glossary: document shown", "s"),
                                 ("reopen_shown", "window, no glossary: File > Open to shown", "s"),
                                 ("rss", "window, no glossary: peak memory", "MiB")):
            table.add(f"{label} @ {size}", unit,
                      {k: [_value(r, key) or float("nan") for r in v] for k, v in plain.items()})
    # Matching alone, in this process: the dense 5,000-term glossary over the article.
    print("\nMatching alone (in one process, warm, CPU time): the dense 5,000-term glossary over "
          "256,000 characters of the article")
    (work / "dense.json").write_text(json.dumps(terms, ensure_ascii=False), encoding="utf-8")
    (work / "dense.txt").write_text(make_text(500), encoding="utf-8")  # 256,000 characters
    for name, tree in trees.items():
        code = ("import json, statistics, sys, time\n"
                "from desktop.core.glossary.matcher import IndexedTerm, TermIndex\n"
                f"pairs = json.load(open({str(work / 'dense.json')!r}, encoding='utf-8'))\n"
                "terms = [IndexedTerm(i, s, t, 'other') for i, (s, t) in enumerate(pairs)]\n"
                f"text = open({str(work / 'dense.txt')!r}, encoding='utf-8').read()\n"
                "index = TermIndex(terms); index.find(text)\n"
                "runs = []\n"
                "for _ in range(7):\n"
                "    t = time.process_time(); found = index.find(text)\n"
                "    runs.append(time.process_time() - t)\n"
                "print(statistics.median(runs) * 1000, min(runs) * 1000, max(runs) * 1000, len(found))")
        _w, _c, _r, out = run(tree, ["-c", code], sandbox_env(work / "match"), stdout=None)
        median, low, high, found = out.split()
        print(f"  {name:<9} dense matching, CPU: median {float(median):.0f} ms "
              f"({float(low):.0f}–{float(high):.0f}), {int(found):,} matches", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--baseline", help="also measure this commit (e.g. HEAD~5) in the same run")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--texts", default="10,100,1000,5000", help="text sizes in KB")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("glossary", "text"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tarjuman-scale-"))
    trees = {"now": ROOT}
    try:
        if args.baseline:
            base = work / "baseline"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base),
                            args.baseline], check=True)
            trees["baseline"] = base
        print(f"Machine: {os.cpu_count()} CPUs, {platform_name()}; load {os.getloadavg()[0]:.1f}")
        if args.baseline:
            print(f"Baseline: {args.baseline} = {git_describe(args.baseline)}; now: {git_describe('HEAD')}"
                  " plus the working tree")
        if args.only != "text":
            glossary_rows(trees, [int(s) for s in args.sizes.split(",")], args.repeat, work)
        if args.only != "glossary":
            text_rows(trees, [int(s) for s in args.texts.split(",")], args.repeat, work)
        print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}")
    finally:
        if "baseline" in trees:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(trees["baseline"])],
                           check=False)
        shutil.rmtree(work, ignore_errors=True)


def git_describe(ref: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %s", ref],
                          capture_output=True, text=True).stdout.strip()[:70]


def platform_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform
    return platform.processor() or platform.machine()


if __name__ == "__main__":
    main()

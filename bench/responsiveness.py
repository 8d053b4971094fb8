"""Benchmark: how long the GUI thread waits while background work runs.

    .venv/bin/python bench/responsiveness.py [--terms 30000] [--seconds 2]

A 10 ms heartbeat (a ``QTimer`` on the main thread, as in the GUI) runs while one worker
thread repeats a job: reading the glossary catalogue, building the term index, finding the
terms in a 2,000-sentence document, importing 10,000 rows, exporting every term to CSV (also
with Python's default 8 KB file buffer instead of ``atomic_write``'s 1 MB), and a pure-Python
loop as a yardstick. For each job it prints the 99th percentile and the
longest gap between beats, and their ratio to the same heartbeat with no work running,
measured in the same process. Every job runs twice: with the interpreter as Tarjuman tunes it
(``desktop.ui.app.tune_interpreter``: garbage-collector thresholds, lock switch interval)
and with Python's defaults, so the last column is the ratio of the two.

The heartbeat test (``tests/ui/test_safety_ui.py::test_gui_never_stalls``) checks the whole
app against 50 ms; this script shows where the waiting comes from.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from desktop.core import atomic  # noqa: E402
from desktop.core.db.engine import open_database  # noqa: E402
from desktop.core.documents import document_from_text  # noqa: E402
from desktop.core.glossary import exchange, store  # noqa: E402
from desktop.core.glossary.catalog import Catalog  # noqa: E402
from desktop.core.glossary.store import NewTerm  # noqa: E402
from desktop.ui.app import tune_interpreter  # noqa: E402
from tests.heartbeat import Heartbeat  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "article.txt"


def heartbeat(app: QCoreApplication, seconds: float, job: Callable[[], object] | None) -> list[float]:
    """Gaps (seconds) between 10 ms beats while ``job`` runs over and over in a thread."""
    stop = threading.Event()

    def repeat() -> None:
        while not stop.is_set():
            job()  # type: ignore[misc]

    worker = threading.Thread(target=repeat, daemon=True) if job is not None else None
    heartbeat = Heartbeat()
    if worker is not None:
        worker.start()
    QTimer.singleShot(round(seconds * 1000), app.quit)
    heartbeat.start()
    app.exec()
    heartbeat.stop()
    stop.set()
    if worker is not None:
        worker.join()
    return heartbeat.gaps[1:]


def p99(gaps: list[float]) -> float:
    return statistics.quantiles(gaps, n=100)[98]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--terms", type=int, default=30_000)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="tarjuman-bench-"))
    factory = open_database(folder / "glossary.db")
    with factory.begin() as session:
        store.add_terms(session, [NewTerm(f"مصطلح{i} اختبار", f"term {i}") for i in range(args.terms)])
    article = SAMPLE.read_text(encoding="utf-8")
    text = "\n".join(article.replace(".", f" {i}.") for i in range(100))
    document = document_from_text(text, "long.txt")
    index = store.build_index_from(factory)
    rows = [exchange.ImportRow(i + 2, f"جديد{i}", f"new {i}", "other", "", "", "", None)
            for i in range(10_000)]
    imports = [0]

    def read_catalog() -> object:
        with factory() as session:
            return Catalog.load(session).query(sort="source")

    def import_rows() -> object:
        imports[0] += 1
        target = open_database(folder / f"import-{imports[0]}.db")
        with target.begin() as session:
            return exchange.import_rows(session, rows)

    def export() -> object:
        with factory() as session:
            return exchange.export_terms(store.iter_terms(session), folder / "out.csv", "csv")

    with factory() as session:
        records = store.search(session)

    def write_records() -> object:
        return exchange.export_terms(records, folder / "out.csv", "csv")

    def write_records_small() -> object:
        atomic.WRITE_BUFFER = 8192  # Python's default: the file goes out in 8 KB system calls
        try:
            return write_records()
        finally:
            atomic.WRITE_BUFFER = buffer

    buffer = atomic.WRITE_BUFFER

    def spin() -> object:
        table: dict[int, str] = {}
        for i in range(100_000):
            table[i % 1000] = str(i)
        return table

    jobs: list[tuple[str, Callable[[], object]]] = [
        ("pure Python loop", spin),
        (f"read catalogue ({args.terms} terms)", read_catalog),
        (f"build term index ({args.terms} terms)", lambda: store.build_index_from(factory)),
        (f"find terms in {len(document.sentences)} sentences", lambda: index.find(document.text)),
        ("import 10,000 rows", import_rows),
        (f"export {args.terms} terms to CSV", export),
        (f"write {args.terms} terms (read before) as CSV", write_records),
        ("  the same, written in 8 KB calls", write_records_small),
    ]
    app = QCoreApplication([])
    defaults = (gc.get_threshold(), sys.getswitchinterval())
    print(f"{args.seconds:.0f} s per row; gaps between 10 ms beats, in ms; × = ratio to the idle heartbeat")
    print(f"{'background job':40} {'tuned p99':>10} {'max':>6} {'× p99':>6}   "
          f"{'default p99':>11} {'max':>6} {'× p99':>6}   {'default/tuned max':>17}")
    results: dict[str, dict[str, list[float]]] = {}
    for setting in ("tuned", "default"):
        if setting == "tuned":
            tune_interpreter()
        else:
            gc.set_threshold(*defaults[0])
            sys.setswitchinterval(defaults[1])
        results[setting] = {"idle": heartbeat(app, args.seconds, None)}
        for name, job in jobs:
            results[setting][name] = heartbeat(app, args.seconds, job)
    for name in ["idle"] + [n for n, _ in jobs]:
        tuned, default = results["tuned"][name], results["default"][name]
        idle_t, idle_d = p99(results["tuned"]["idle"]), p99(results["default"]["idle"])
        print(f"{name:40} {p99(tuned) * 1000:10.1f} {max(tuned) * 1000:6.1f} {p99(tuned) / idle_t:6.2f}   "
              f"{p99(default) * 1000:11.1f} {max(default) * 1000:6.1f} {p99(default) / idle_d:6.2f}   "
              f"{max(default) / max(tuned):17.2f}")


if __name__ == "__main__":
    main()

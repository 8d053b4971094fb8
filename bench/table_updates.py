"""Benchmark: GUI-thread time to show a saved term and a small import in the glossary table.

    .venv/bin/python bench/table_updates.py [--terms 19999] [--repeat 5]

Before the application layer, the window re-read the whole catalogue on the GUI thread after
each save below 20,000 terms (``GlossaryModel.refresh``). Now the table takes the action's
``Changes`` (``GlossaryModel.apply``): the saved record goes into the catalogue in place; an
import of more than 100 terms is sorted in on a worker and only installed on the GUI thread.
Both ways are timed in the same process on the same glossary; the last column is the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.core.changes import Changes  # noqa: E402
from desktop.core.glossary.exchange import ImportRow  # noqa: E402
from desktop.core.glossary.store import NewTerm, add_terms  # noqa: E402
from desktop.core.workspace import Workspace  # noqa: E402
from desktop.ui.glossary_model import GlossaryModel  # noqa: E402
from desktop.ui.workers import TaskRunner  # noqa: E402


def timed(fn: Callable[[], None], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--terms", type=int, default=19_999)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "glossary.db")
        with ws.factory.begin() as session:
            add_terms(session, [NewTerm(f"مصطلح{i} اختبار", f"term {i}") for i in range(args.terms)])
        runner = TaskRunner()
        model = GlossaryModel(ws, runner=runner)
        counter = iter(range(10**9))

        def save_then(show: Callable[[Changes], None]) -> Callable[[], None]:
            def run() -> None:
                changes = ws.save_term(f"اسم{next(counter)}", "Name").changes
                show(changes)
            return run

        def import_then(show: Callable[[Changes], None], gui: list[float]) -> None:
            n = next(counter)
            rows = [ImportRow(i, f"جديد{n}x{i}", f"new {i}", "", "", "", "", None) for i in range(1_000)]
            changes = ws.import_rows(rows).changes  # the worker's part in the window: not timed
            start = time.perf_counter()
            show(changes)
            spent = time.perf_counter() - start
            runner.wait()  # the worker sorting the catalogue in (not GUI-thread time)
            start = time.perf_counter()
            app.processEvents()  # the sorted catalogue is installed on the GUI thread
            gui.append(spent + time.perf_counter() - start)
            assert not model.loading

        def reread(_changes: Changes) -> None:
            model._install(ws.catalog(model._sort))  # what refresh() did on the GUI thread

        rows_out = []
        for label, old, new in (("save one term (Ctrl+T)", save_then(reread), save_then(model.apply)),):
            before = timed(old, args.repeat)
            after = timed(new, args.repeat)
            rows_out.append((label, before, after))
        imports: list[list[float]] = []
        for show in (reread, model.apply):
            gui: list[float] = []
            for _ in range(args.repeat):
                import_then(show, gui)
            imports.append(gui)
        rows_out.append(("import 1,000 rows", imports[0], imports[1]))
        print(f"{args.terms} terms, {args.repeat} runs, GUI-thread milliseconds (median, min-max)")
        for label, before, after in rows_out:
            b, a = statistics.median(before) * 1000, statistics.median(after) * 1000
            print(f"  {label:24} before {b:6.1f} ({min(before) * 1000:.0f}-{max(before) * 1000:.0f})"
                  f"  now {a:5.1f} ({min(after) * 1000:.0f}-{max(after) * 1000:.0f})  ratio {b / a:4.1f}x")
        runner.shutdown()
        ws.close()


if __name__ == "__main__":
    main()

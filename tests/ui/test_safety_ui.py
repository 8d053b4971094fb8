"""GUI: backups and restore, the unexpected-error dialog, closing during work, no stalls."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from desktop.core.db import backup
from desktop.core.glossary import store
from desktop.ui.app import show_unexpected_error
from tests.heartbeat import Heartbeat
from tests.ui.conftest import WindowFactory, add_numbered_terms, numbered_csv

TIMEOUT = 30_000


def test_backup_now_and_restore(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "الرباط", "Rabat")
    window.glossary.model.refresh()
    window.files.backup_action.trigger()
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    model = window.glossary.model
    window.glossary.undo_stack.push(__import__("desktop.ui.glossary_panel", fromlist=["DeleteTerms"])
                                    .DeleteTerms(model, [model.term_id(0)]))
    assert model.rowCount() == 0
    dialog = window.files.restore_glossary()
    assert dialog.table.rowCount() >= 1 and dialog.table.item(0, 1).text() == "1"
    dialog.accept()
    assert window.glossary.model.rowCount() == 1
    with window.workspace.factory() as session:
        assert [t.target for t in store.search(session)] == ["Rabat"]
    assert any(b.reason == "before-restore" for b in backup.list_backups(window.workspace.db_path))


def test_import_makes_a_backup_first(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                                     tmp_path: Path) -> None:
    window = make_window()
    csv_path = tmp_path / "in.csv"
    csv_path.write_text("source,target\nالرباط,Rabat\n", encoding="utf-8")
    window.exchange.import_glossary(csv_path)
    qtbot.waitUntil(lambda: window.exchange.import_preview is not None
                    and window.exchange.import_preview.rows() != [],
                    timeout=TIMEOUT)
    with qtbot.waitSignal(window.glossaryImported, timeout=TIMEOUT):
        window.exchange.import_preview.accept()  # type: ignore[union-attr]
    assert "before-import" in [b.reason for b in backup.list_backups(window.workspace.db_path)]


def test_unexpected_error_dialog_copies_details(qtbot: QtBot, make_window: WindowFactory,
                                                empty_model_dir: Path) -> None:
    window = make_window()
    box = show_unexpected_error(window, "Traceback: boom")
    assert "keeps running" in box.text()
    copy = next(b for b in box.findChildren(QPushButton) if b.text() == "Copy Details")
    copy.click()
    assert QApplication.clipboard().text() == "Traceback: boom"
    assert window.isVisible()


def test_closing_during_translation_ends_cleanly(qtbot: QtBot, make_window: WindowFactory,
                                                 installed_model: Path, tmp_path: Path,
                                                 sample_text: str) -> None:
    big = tmp_path / "big.txt"
    big.write_text("\n".join(sample_text.replace(".", f" {i}.") for i in range(30)), encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start(big)
    qtbot.waitUntil(lambda: window.translation.translating, timeout=TIMEOUT)
    window.close()  # cancels and waits for the workers
    assert window.runner.running() == [] or all(h.cancelled for h in window.runner.running())
    assert window.runner.shutdown(1000)


# The heartbeat limit is 50 ms on the 2-vCPU build machine, where this fixed piece of
# Python takes REFERENCE_WORK_S of CPU time at best; a slower machine gets a proportionally
# longer limit. CPU time, not the clock: a loaded machine's scheduler delays are taken out of
# the gaps themselves (tests/heartbeat.py), and must not stretch the limit as well.
GAP_LIMIT_S = 0.050
REFERENCE_WORK_S = 0.021
STARTUP_FRAMES = 2  # laying out the first page of the document, then highlighting its terms


def _work() -> None:
    table: dict[int, str] = {}
    for i in range(200_000):
        table[i % 1000] = str(i)


def machine_slowness() -> float:
    """How much slower than the build machine this one runs plain Python (1.0 at best)."""
    best = min(_timed(_work) for _ in range(5))
    return max(1.0, best / REFERENCE_WORK_S)


def _timed(fn: Callable[[], None]) -> float:
    """The CPU time ``fn`` takes on this thread."""
    start = time.thread_time()
    fn()
    return time.thread_time() - start


def test_the_heartbeat_counts_what_holds_the_gui_thread(qtbot: QtBot) -> None:
    """Work on the GUI thread and a wait on it (here a sleep, as a lock or I/O would be) are
    stalls, on a loaded machine as on an idle one: only waits for a CPU are taken out."""
    heartbeat = Heartbeat()
    heartbeat.start()
    qtbot.wait(50)

    def busy() -> None:
        end = time.thread_time() + 0.15
        while time.thread_time() < end:
            pass

    for hold in (busy, lambda: time.sleep(0.3)):
        QTimer.singleShot(0, hold)
        qtbot.wait(80)
    heartbeat.stop()
    held = sorted(heartbeat.stalls)[-2:]
    assert len(held) == 2 and min(held) >= 0.14, [round(s * 1000) for s in heartbeat.stalls]
    if heartbeat.measures_cpu_waits:
        assert max(heartbeat.cpu) >= 0.14  # the busy one ran on the GUI thread


def test_gui_never_stalls(qtbot: QtBot, make_window: WindowFactory, installed_model: Path,
                          tmp_path: Path, sample_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 10 ms heartbeat runs while the window opens a 2,000-sentence document, translates
    it, highlights a 20,000-term glossary, imports 10,000 CSV rows and exports 30,000 terms:
    after the window is shown, no gap between beats is over 50 ms, except the first two
    frames of the document (Qt lays out its first page on the GUI thread)."""
    from PySide6.QtWidgets import QFileDialog

    from desktop.core.db.engine import dispose, open_database
    from desktop.core.glossary.store import NewTerm, add_terms

    db = tmp_path / "glossary.db"
    factory = open_database(db)
    with factory.begin() as session:
        add_terms(session, [NewTerm(f"مصطلح{i} اختبار", f"term {i}") for i in range(19_990)]
                  + [NewTerm("حموشي", "Hammouchi"), NewTerm("الرباط", "Rabat")])
    dispose(factory)
    document = tmp_path / "long.txt"
    document.write_text("\n".join(sample_text.replace(".", f" {i}.") for i in range(100)), encoding="utf-8")
    rows = tmp_path / "import.csv"
    rows.write_text("source,target\n" + "".join(f"جديد{i},new {i}\n" for i in range(10_000)),
                    encoding="utf-8")
    out = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "CSV (*.csv)"))
    slowness = machine_slowness()

    window = make_window(db)  # shown
    heartbeat = Heartbeat()
    gaps = heartbeat.gaps
    heartbeat.start()
    shown_at: list[int] = []
    window.documentShown.connect(lambda: shown_at.append(len(gaps)))
    with qtbot.waitSignal(window.translationFinished, timeout=120_000):
        window.start(document)
    assert window.workspace.document is not None and len(window.workspace.document.sentences) >= 2000
    qtbot.waitUntil(lambda: window.workspace.term_index is not None
                    and len(window.workspace.term_index) == 19_992,
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: bool(window.workspace.document.rows_with_terms()), timeout=TIMEOUT)
    window.exchange.import_glossary(rows)
    qtbot.waitUntil(lambda: window.exchange.import_preview is not None
                    and window.exchange.import_preview.rows() != [],
                    timeout=TIMEOUT)
    with qtbot.waitSignal(window.glossaryImported, timeout=120_000):
        qtbot.mouseClick(window.exchange.import_preview.buttons.button(  # type: ignore[union-attr]
            QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.glossary.model.total() == 29_992, timeout=TIMEOUT)
    window.exchange.export_action.trigger()
    qtbot.waitUntil(lambda: "Exported 29992 terms" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    qtbot.wait(100)  # the export's last beats
    heartbeat.stop()
    limit = GAP_LIMIT_S * max(slowness, machine_slowness())  # measured before and after

    # Every gap counts from the first beat after the window is shown, except the frames in
    # which the first page of the document is laid out (the gap ending at documentShown's beat
    # and the next one).
    # A gap counts less the waits for a CPU that explain it (tests/heartbeat.py): a loaded
    # machine's scheduler is not the window's doing; the GUI thread's work and its waits on
    # the program's other threads are.
    first_page = range(shown_at[0], shown_at[0] + STARTUP_FRAMES)
    stalls = heartbeat.stalls
    counted = [g for i, g in enumerate(stalls) if i not in first_page]
    assert len(counted) > 150  # the heartbeat really ran through all of it
    worst = max((i for i in range(len(stalls)) if i not in first_page), key=stalls.__getitem__)
    figures = (f"limit {limit * 1000:.0f} ms; max {stalls[worst] * 1000:.0f} ms "
               f"of a {gaps[worst] * 1000:.0f} ms gap "
               f"(at {sum(gaps[:worst + 1]):.2f} s; document shown at {sum(gaps[:shown_at[0] + 1]):.2f} s); "
               f"longest gap {max(gaps) * 1000:.0f} ms; most CPU in a gap "
               f"{max(heartbeat.cpu, default=0) * 1000:.0f} ms; start-up frames "
               f"{[round(stalls[i] * 1000) for i in first_page]} ms; {len(counted)} beats")
    print(figures)
    assert max(counted) <= limit, figures


def test_closing_during_an_import_leaves_nothing_half_written(qtbot: QtBot, make_window: WindowFactory,
                                                              empty_model_dir: Path, tmp_path: Path) -> None:
    rows = numbered_csv(tmp_path / "many.csv", 30_000)
    window = make_window()
    window.exchange.import_glossary(rows)
    qtbot.waitUntil(lambda: window.exchange.import_preview is not None
                    and window.exchange.import_preview.rows() != [],
                    timeout=TIMEOUT)
    window.exchange.import_preview.accept()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: any(h.name == "import" for h in window.runner.running()), timeout=TIMEOUT)
    window.close()  # cancels the import and waits for it
    assert window.runner.shutdown(1000)
    with window.workspace.factory() as session:
        assert store.count_terms(session) in (0, 30_000)  # all or nothing, never a part


def test_closing_during_a_download_ends_cleanly(qtbot: QtBot, make_window: WindowFactory,
                                                empty_model_dir: Path, tiny_model_file: Path,
                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from desktop.core.translation import argos
    from tests.core.test_download import IndexServer

    server = IndexServer(tiny_model_file)
    release = threading.Event()

    def trickle(handler: object) -> None:  # send a little, then wait until the test is done
        data = server.package
        handler.send_response(200)  # type: ignore[attr-defined]
        handler.send_header("Content-Length", str(len(data)))  # type: ignore[attr-defined]
        handler.end_headers()  # type: ignore[attr-defined]
        handler.wfile.write(data[: len(data) // 2])  # type: ignore[attr-defined]
        handler.wfile.flush()  # type: ignore[attr-defined]
        release.wait(timeout=30)

    monkeypatch.setattr(server, "serve_package", trickle)
    monkeypatch.setattr(argos, "remote_index_url", lambda: f"{server.base}/index.json")
    downloads = tmp_path / "downloads"
    monkeypatch.setattr(argos, "downloads_dir", lambda: downloads)
    try:
        window = make_window()
        handle = window.models.download_model()
        part = downloads / "translate-ar_en-1.0.argosmodel.part"
        qtbot.waitUntil(part.exists, timeout=TIMEOUT)
        release.set()  # the server finishes; the client's next check sees the cancel
        window.close()
        assert handle.cancelled and window.runner.shutdown(5000)
        assert list(empty_model_dir.iterdir()) == []  # nothing installed, no staging folder
        assert not (downloads / "translate-ar_en-1.0.argosmodel").exists()
    finally:
        release.set()
        server.close()


def test_tasks_still_queued_at_shutdown_end_as_cancelled(qtbot: QtBot) -> None:
    """A glossary restore shuts the workers down and goes on: a task that was still waiting
    must end (as cancelled, without running), or its progress bar would stay forever."""
    import threading

    from desktop.ui.workers import TaskRunner

    runner = TaskRunner()
    release = threading.Event()
    ran: list[str] = []
    cancelled: list[str] = []
    runner.start("running", lambda ctx: release.wait(5), heavy=True)
    runner.start("queued", lambda ctx: ran.append("queued"), heavy=True,
                 on_cancelled=lambda: cancelled.append("queued"))
    threading.Timer(0.2, release.set).start()
    assert runner.shutdown(5000)
    qtbot.waitUntil(lambda: cancelled == ["queued"], timeout=TIMEOUT)
    assert ran == [] and runner.running() == []


def test_closing_during_an_export_keeps_the_old_file(qtbot: QtBot, make_window: WindowFactory,
                                                     empty_model_dir: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    add_numbered_terms(window, 40_000)
    target = tmp_path / "glossary.tbx"
    target.write_text("the export from last week\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "TBX for CAT tools (*.tbx)"))
    window.exchange.export_action.trigger()
    qtbot.waitUntil(lambda: window.exchange.job_progress.value() > 0, timeout=TIMEOUT)  # under way
    window.close()  # cancels the export and waits for it
    assert window.runner.shutdown(1000)
    assert target.read_text(encoding="utf-8") == "the export from last week\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".glossary")] == []


def test_saving_a_term_and_a_small_import_never_stall(qtbot: QtBot, make_window: WindowFactory,
                                                      empty_model_dir: Path, tmp_path: Path) -> None:
    """With 19,999 terms (below the size at which the glossary table is read in the
    background), saving one term with Ctrl+T and Enter, then importing 1,000 CSV rows, update
    the table in place: no gap between heartbeat beats is over 50 ms."""
    from desktop.core.glossary.store import NewTerm, add_terms
    from desktop.core.workspace import Workspace

    db = tmp_path / "glossary.db"
    seed = Workspace.open(db)
    with seed.factory.begin() as session:
        add_terms(session, [NewTerm(f"مصطلح{i} اختبار", f"term {i}") for i in range(19_999)])
    seed.close()
    rows = tmp_path / "import.csv"
    rows.write_text("source,target\n" + "".join(f"جديد{i},new {i}\n" for i in range(1_000)),
                    encoding="utf-8")
    slowness = machine_slowness()
    window = make_window(db)
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start()
    qtbot.waitUntil(lambda: window.workspace.term_index is not None
                    and not window.workspace.index_stale, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not window.runner.running(), timeout=TIMEOUT)
    assert window.glossary.model.total() == 19_999

    heartbeat = Heartbeat()
    heartbeat.start()
    qtbot.wait(30)  # the event loop runs between the user's actions, as it does for a person
    doc = window.workspace.document
    assert doc is not None
    row = next(s.index for s in doc.sentences if "حموشي" in s.text)
    offset = doc.sentences[row].text.index("حموشي")
    window.reader.select_in_sentence(row, offset, offset + len("حموشي"))
    qtbot.keyClick(window.reader, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(30)
    dialog = window.terms.term_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.target, "Hammouchi")
    qtbot.wait(30)
    with qtbot.waitSignal(window.termSaved, timeout=TIMEOUT):
        qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    assert window.glossary.model.total() == 20_000
    selected = window.glossary.selected_ids()
    assert len(selected) == 1 and window.glossary.model.record(
        window.glossary.model.row_of(selected[0])).target == "Hammouchi"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not window.runner.running(), timeout=TIMEOUT)

    window.exchange.import_glossary(rows)
    qtbot.waitUntil(lambda: window.exchange.import_preview is not None
                    and window.exchange.import_preview.rows() != [], timeout=TIMEOUT)
    with qtbot.waitSignal(window.glossaryImported, timeout=120_000):
        qtbot.mouseClick(window.exchange.import_preview.buttons.button(  # type: ignore[union-attr]
            QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.glossary.model.total() == 21_000, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not window.runner.running(), timeout=TIMEOUT)
    qtbot.wait(100)
    heartbeat.stop()
    limit = GAP_LIMIT_S * max(slowness, machine_slowness())  # measured before and after
    stalls = heartbeat.stalls  # gaps less the waits for a CPU that explain them
    assert len(stalls) > 20
    figures = (f"limit {limit * 1000:.0f} ms; max {max(stalls) * 1000:.0f} ms "
               f"(longest gap {max(heartbeat.gaps) * 1000:.0f} ms); {len(stalls)} beats")
    print(figures)
    assert max(stalls) <= limit, figures


def test_a_read_only_glossary_opens_for_reading(qtbot: QtBot, make_window: WindowFactory,
                                                empty_model_dir: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A glossary the user may not write opens with a banner, its terms readable, and the
    actions that would change it off (root may write anything, so the check is patched)."""
    from desktop.core.db import engine
    from desktop.core.workspace import Workspace

    db = tmp_path / "shared.db"
    seed = Workspace.open(db)
    seed.save_term("الرباط", "Rabat", category="place")
    seed.close()
    monkeypatch.setattr(engine, "writable", lambda _path: False)
    window = make_window(db)
    assert window.glossary.read_only_label.isVisible()
    assert "(read-only)" in window.windowTitle()
    assert window.glossary.model.rowCount() == 1
    assert not window.terms.capture_action.isEnabled() and not window.exchange.import_action.isEnabled()
    assert window.exchange.export_action.isEnabled()
    table = window.glossary.table
    table.setCurrentIndex(window.glossary.model.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.viewport().findChildren(QLineEdit) == []  # no editor opens

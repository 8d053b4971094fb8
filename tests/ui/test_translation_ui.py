"""GUI tests for post-editing, the translation memory, models, preferences and export."""

from __future__ import annotations

import re
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from desktop.core.translation import engine as engine_module
from desktop.core.translation import memory
from desktop.core.translation.engine import ArgosEngine, EngineSettings
from desktop.ui import settings as opts
from desktop.ui.main_window import MainWindow
from desktop.ui.reader_pages import ARABIC, EDIT_MARK, ENGLISH
from tests.conftest import SAMPLE
from tests.ui.conftest import WindowFactory
from tests.ui.test_window import start_translated

TIMEOUT = 30_000


def edit_row(qtbot: QtBot, window: MainWindow, row: int, text: str) -> None:
    """Double-click the English of ``row``, replace it with ``text``, press Ctrl+Enter."""
    rect = window.reader.cell_rect(row, ENGLISH)
    point = QPoint(rect.left() + 30, rect.top() + 8)
    qtbot.mouseDClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = window.reader.editor
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_edit_is_marked_saved_and_shown_after_reopening(qtbot: QtBot, make_window: WindowFactory,
                                                         installed_model: Path, tmp_path: Path) -> None:
    window = make_window()
    start_translated(qtbot, window)
    machine = window.workspace.document.translations[4]
    edit_row(qtbot, window, 4, "Hammouchi received Christopher Wray in Rabat.")
    assert window.workspace.document.translations[4] == "Hammouchi received Christopher Wray in Rabat."
    assert window.workspace.document.edited[4]
    assert window.reader.cell_text(4, ENGLISH).endswith(EDIT_MARK.strip())
    assert window.reader.editor is None

    # Reopen the document in a fresh window: the edit is there, marked, from the memory.
    window.close()
    second = make_window()
    with qtbot.waitSignal(second.translationFinished, timeout=TIMEOUT):
        second.start(SAMPLE)
    assert second.workspace.document.translations[4] == "Hammouchi received Christopher Wray in Rabat."
    assert second.workspace.document.edited[4]
    # Revert through the context menu action.
    menu = second.reader.build_context_menu((4, ENGLISH))
    revert = next(a for a in menu.actions() if a.text() == "Revert to Machine Translation")
    assert revert.isEnabled()
    revert.trigger()
    assert second.workspace.document.translations[4] == machine and not second.workspace.document.edited[4]


def test_f2_edit_escape_cancels(qtbot: QtBot, make_window: WindowFactory, installed_model: Path) -> None:
    window = make_window()
    start_translated(qtbot, window)
    before = window.workspace.document.translations[2]
    window.reader.set_current(2)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F2)
    editor = window.reader.editor
    assert editor is not None and editor.toPlainText() == before
    qtbot.keyClicks(editor, " changed")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.reader.editor is None and window.workspace.document.translations[2] == before
    assert not window.workspace.document.edited[2]


def test_edit_applies_to_every_occurrence(qtbot: QtBot, make_window: WindowFactory, installed_model: Path,
                                          tmp_path: Path) -> None:
    path = tmp_path / "twice.txt"
    path.write_text("الرباط عاصمة المغرب.\n\nجملة أخرى.\n\nالرِّباط عاصمة المغرب.", encoding="utf-8")
    window = make_window()
    start_translated(qtbot, window, path)
    edit_row(qtbot, window, 0, "Rabat is the capital of Morocco.")
    assert window.workspace.document.translations[2] == "Rabat is the capital of Morocco."
    assert window.workspace.document.edited[2]


def test_reopening_makes_no_model_calls(qtbot: QtBot, make_window: WindowFactory, installed_model: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    start_translated(qtbot, window)
    calls: list[int] = []
    real = ArgosEngine._translate_tokens

    def counting(self: ArgosEngine, batch: list[list[str]], n: int) -> list[list[str]]:
        calls.append(len(batch))
        return real(self, batch, n)

    monkeypatch.setattr(ArgosEngine, "_translate_tokens", counting)
    with qtbot.waitSignal(window.translationFinished, timeout=TIMEOUT):
        window.documents.open_document(SAMPLE)
    assert calls == []
    assert all(window.workspace.document.translations)
    assert "translation memory" in window.statusBar().currentMessage()


def test_alternatives_menu_offers_n_best_and_picking_one_saves_it(
        qtbot: QtBot, make_window: WindowFactory, installed_model: Path) -> None:
    window = make_window()
    start_translated(qtbot, window)
    menu = window.reader.build_context_menu((1, ENGLISH), QPoint(100, 100))
    action = next(a for a in menu.actions() if a.text() == "Alternative Translations…")
    with qtbot.waitSignal(window.alternativesShown, timeout=TIMEOUT):
        action.trigger()
    alternatives = window.translation.alternatives_menu
    assert alternatives is not None
    choices = [a for a in alternatives.actions() if a.isEnabled()]
    assert 1 <= len(choices) <= 4
    pick = choices[-1]
    pick.trigger()
    assert window.workspace.document.translations[1] == pick.toolTip() and window.workspace.document.edited[1]
    with window.workspace.factory() as session:
        known = memory.lookup(session, None, [window.workspace.document.sentences[1].text])  # type: ignore[union-attr]
    assert known[0] is not None and known[0].target == pick.toolTip() and known[0].edited


def test_cancel_stops_at_the_next_batch(qtbot: QtBot, make_window: WindowFactory, installed_model: Path,
                                      tmp_path: Path, sample_text: str,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    # Every sentence distinct, so the memory cannot shortcut any of them.
    big.write_text("\n".join(sample_text.replace(".", f" {i}.") for i in range(40)), encoding="utf-8")
    # Each model batch waits for the test's permission, so the test decides what runs when.
    gate = threading.Semaphore(0)
    batches: list[float] = []
    real = ArgosEngine._translate_tokens

    def gated(self: ArgosEngine, batch: list[list[str]], *args: Any) -> Any:
        assert gate.acquire(timeout=20)
        batches.append(time.monotonic())
        return real(self, batch, *args)

    monkeypatch.setattr(ArgosEngine, "_translate_tokens", gated)
    window = make_window()
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT):
        window.models.load_engine()
    assert window.workspace.engine is not None
    window.workspace.engine.settings = EngineSettings(batch_tokens=64)
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.documents.open_document(big)
    gate.release(2)  # two batches may run
    qtbot.waitUntil(lambda: window.translation.progress.value() > 0 and len(batches) == 2, timeout=TIMEOUT)
    assert window.translation.progress.isVisible()
    qtbot.mouseClick(window.translation.cancel_button, Qt.MouseButton.LeftButton)
    clicked = len(batches)
    gate.release(50)  # let anything that still wants to run, run
    qtbot.waitUntil(lambda: "Translation cancelled" in window.statusBar().currentMessage(),
                    timeout=TIMEOUT)
    # At most the batch already waiting at the click runs after it; nothing after that.
    # (How long a batch takes is measured by bench/translate.py, not asserted here.)
    assert len(batches) - clicked <= 1
    assert not window.translation.progress.isVisible() and not window.translation.cancel_button.isVisible()
    translated = [t for t in window.workspace.document.translations if t is not None]
    assert 0 < len(translated) < len(window.workspace.document)
    # What was finished is in the memory: translating again skips it.
    with window.workspace.factory() as session:
        texts = [s.text for s in window.workspace.document.sentences]  # type: ignore[union-attr]
        known = memory.lookup(session, window.workspace.engine.model_id, texts)
    assert sum(k is not None for k in known) >= len(translated)


def test_the_sentences_on_screen_are_translated_first(qtbot: QtBot, make_window: WindowFactory,
                                                     installed_model: Path, tmp_path: Path,
                                                     sample_text: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A document reopened at sentence 300 of 500: the first English to arrive is for the
    sentences from 300 on (what the reader sees), not the shortest sentences of the
    document's start; then the whole document is translated."""
    path = tmp_path / "long.txt"
    path.write_text("\n".join(sample_text.replace(".", f" {i}.") for i in range(25)),
                    encoding="utf-8")
    first = make_window()
    with qtbot.waitSignal(first.documentShown, timeout=TIMEOUT):
        first.documents.open_document(path)  # no engine loaded: nothing is translated
    first.reader.set_current(300)
    first.close()

    gate = threading.Semaphore(0)
    real = ArgosEngine._translate_tokens

    def gated(self: ArgosEngine, batch: list[list[str]], *args: Any) -> Any:
        assert gate.acquire(timeout=20)
        return real(self, batch, *args)

    monkeypatch.setattr(ArgosEngine, "_translate_tokens", gated)
    # One batch at a time: a long sentence on screen is cut in pieces, and the batch that
    # completes it must be delivered before a third is sent.
    monkeypatch.setattr(engine_module, "default_threads", lambda: 1)
    window = make_window()
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start()
    doc = window.workspace.document
    assert doc is not None and len(doc) > 450 and window.reader.current_row == 300
    qtbot.waitUntil(lambda: window.translation.translating, timeout=TIMEOUT)
    gate.release(2)  # the first two batches
    qtbot.waitUntil(lambda: doc.translated_count() > 0, timeout=TIMEOUT)
    shown = window.translation.rows_on_screen()
    assert shown is not None and 300 in shown  # the rows in view, scrolled to sentence 300
    # Only those sentences are translated, and wherever else the same sentence occurs (a
    # heading repeated in every copy; sentences without letters are kept as they are).
    on_screen = {memory.source_key(doc.sentences[r].text) for r in shown}
    translated = [r for r, t in enumerate(doc.translations) if t is not None]
    assert any(r in shown for r in translated)
    assert all(memory.source_key(doc.sentences[r].text) in on_screen
               or not re.search(r"\w", doc.sentences[r].text) for r in translated)
    gate.release(10_000)
    qtbot.waitUntil(lambda: doc.translated_count() == len(doc), timeout=TIMEOUT)


def test_the_rows_in_view_are_sent_first_and_a_taller_view_sends_more(
        qtbot: QtBot, make_window: WindowFactory, installed_model: Path, tmp_path: Path,
        sample_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sentences sent to the model before all others are those the reading view shows:
    a short window sends fewer of them first than a tall one."""
    from desktop.core.workspace import TranslationJob, Workspace

    path = tmp_path / "long.txt"
    path.write_text("\n".join(sample_text.replace(".", f" {i}.") for i in range(5)),
                    encoding="utf-8")
    jobs: list[TranslationJob] = []
    real = Workspace.translation_job

    def recording(self: Any, *args: Any, **kwargs: Any) -> TranslationJob | None:
        job = real(self, *args, **kwargs)
        if job is not None:
            jobs.append(job)
        return job

    monkeypatch.setattr(Workspace, "translation_job", recording)
    sent_first: dict[int, list[int]] = {}
    for height in (480, 1000):  # the window's smallest height, and a tall screen
        jobs.clear()
        window = make_window()
        window.resize(820, height)
        qtbot.waitUntil(lambda w=window, h=height: w.height() == h, timeout=TIMEOUT)
        with qtbot.waitSignal(window.translationFinished, timeout=TIMEOUT):
            window.start(path)
        reader = window.reader
        assert jobs
        view = reader.viewport().rect()
        visible = [row for row, _ in reader.page_sentences()
                   if reader.cell_rect(row, ARABIC).intersects(view)]
        job = jobs[-1]
        sent_first[height] = job.rows[:job.first]
        assert sent_first[height] == visible  # exactly the rows on screen, from the top
        assert 0 < len(visible) < len(window.workspace.document or [])
        window.close()
    assert len(sent_first[480]) < len(sent_first[1000])


def test_model_manager_installs_from_file_and_lists_it(qtbot: QtBot, make_window: WindowFactory,
                                                       empty_model_dir: Path, tiny_model_file: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT):
        window.start(SAMPLE)
    dialog = window.models.show_model_manager()
    assert dialog.table.rowCount() == 0 and "No Arabic→English model" in dialog.status.text()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tiny_model_file), ""))
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT) as changed:
        qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
    assert changed.args == ["ready"]
    window.models._refresh_model_manager()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text().startswith("Arabic → English")
    assert dialog.table.item(0, 4).text() == "✔"
    assert "meaningless" in dialog.table.item(0, 3).text()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT) as changed:
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert changed.args == ["missing"]
    assert dialog.table.rowCount() == 0 and list(empty_model_dir.iterdir()) == []
    assert window.banner.isVisible()


def test_preferences_persist_and_reach_the_engine(qtbot: QtBot, make_window: WindowFactory,
                                                  installed_model: Path) -> None:
    window = make_window()
    start_translated(qtbot, window)
    dialog = window.show_preferences()
    assert dialog.beam.value() == 2 and dialog.compute.currentText() == "auto"
    dialog.beam.setValue(4)
    dialog.accept()
    assert opts.BEAM_SIZE.get(window.settings) == 4
    assert window.workspace.engine is not None and window.workspace.engine.settings.beam_size == 4
    dialog = window.show_preferences()
    dialog.compute.setCurrentText("float32")
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT):
        dialog.accept()
    assert window.workspace.engine is not None and window.workspace.engine.settings.compute_type == "float32"
    reloaded = QSettings(window.settings.fileName(), QSettings.Format.IniFormat)
    assert opts.preferences(reloaded).compute_type == "float32"


def test_export_translation_as_tmx(qtbot: QtBot, make_window: WindowFactory, installed_model: Path,
                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    start_translated(qtbot, window)
    target = tmp_path / "article"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "TMX 1.4 for CAT tools (*.tmx)"))
    window.translation.export_translation_action.trigger()
    qtbot.waitUntil(lambda: "Exported the translation" in window.statusBar().currentMessage(),
                    timeout=TIMEOUT)
    root = ET.parse(tmp_path / "article.tmx").getroot()
    assert len(root.findall("./body/tu")) == 20


def test_reading_position_is_restored(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                                      tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n".join([sample_text] * 5), encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start(path)
    window.reader.set_current(73)
    window.close()
    second = make_window()
    with qtbot.waitSignal(second.documentShown, timeout=TIMEOUT):
        second.start()
    assert second.reader.current_row == 73
    qtbot.waitUntil(lambda: abs(second.reader.top_row() - 73) <= 2)
    assert QApplication.instance() is not None


def test_long_document_is_shown_in_pages(qtbot: QtBot, make_window: WindowFactory, installed_model: Path,
                                         tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n".join(sample_text.replace(".", f" {i}.") for i in range(25)), encoding="utf-8")
    window = make_window()
    start_translated(qtbot, window, path)
    reader = window.reader
    assert window.workspace.document is not None
    assert len(window.workspace.document) > 450 and reader.page_count >= 3
    label = window.documents.page_label
    assert label.isVisible() and label.text() == f"Page 1 of {reader.page_count}"
    assert not window.documents.prev_page_button.isEnabled()
    # Translations of rows on later pages were kept and show when their page does.
    last = len(window.workspace.document) - 1
    qtbot.mouseClick(window.documents.next_page_button, Qt.MouseButton.LeftButton)
    assert reader.current_page == 1 and window.documents.page_label.text().startswith("Page 2 of")
    window.documents.next_page_action.trigger()
    assert reader.current_page == 2
    reader.scroll_to_row(last)
    assert reader.current_page == reader.page_of(last)
    assert reader.cell_text(last, ENGLISH) == window.workspace.document.translations[last]
    # A click on a sentence of this page makes it current (rows keep document numbering).
    row = len(window.workspace.document) - 3
    reader.select_in_sentence(row, 0, 3)
    assert reader.current_row == row


def test_damaged_model_shows_a_banner_and_reading_works(qtbot: QtBot, make_window: WindowFactory,
                                                        empty_model_dir: Path, tiny_model_file: Path) -> None:
    from desktop.core.translation import packages

    info = packages.install_package_file(tiny_model_file)
    (info.path / "model" / "model.bin").write_bytes(b"\x00garbage")
    window = make_window()
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT) as changed:
        window.start(SAMPLE)
    assert changed.args == ["broken"]
    qtbot.waitUntil(lambda: window.workspace.document is not None, timeout=TIMEOUT)
    assert window.banner.isVisible()
    banner = window.banner.label.text()
    assert "could not be loaded" in banner and str(info.path) in banner
    assert window.reader.cell_text(0, 0) == window.workspace.document.sentences[0].text  # type: ignore[union-attr]


def test_download_from_the_banner_with_progress(qtbot: QtBot, make_window: WindowFactory,
                                                empty_model_dir: Path, tiny_model_file: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.translation import argos
    from tests.core.test_download import IndexServer

    server = IndexServer(tiny_model_file)
    monkeypatch.setattr(argos, "remote_index_url", lambda: f"{server.base}/index.json")
    monkeypatch.setattr(argos, "downloads_dir", lambda: tmp_path / "downloads")
    try:
        window = make_window()
        with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT):
            window.start(SAMPLE)
        labels: list[str] = []
        with qtbot.waitSignal(window.translationFinished, timeout=TIMEOUT):
            handle = window.models.download_model()
            dialog = window.findChild(QProgressDialog, "modelProgress")
            assert dialog is not None and dialog.isVisible()
            handle.signals.progress.connect(lambda d, t: labels.append(dialog.labelText()))
        assert any(" MB" in label for label in labels)
        assert window.workspace.engine_state == "ready" and not window.banner.isVisible()
    finally:
        server.close()


def test_terms_pane_follows_the_english_without_a_click(qtbot: QtBot, make_window: WindowFactory,
                                                       installed_model: Path) -> None:
    """The pane's ✓ for a term follows the sentence's English as it changes: after the
    translator's edit and after reverting to the machine's English (a change that used to
    leave the old ✓ until the sentence was clicked again)."""
    from desktop.ui.term_pane import MISSING, PRESENT

    window = make_window()
    window.workspace.save_term("الرباط", "Rabat", category="place")
    start_translated(qtbot, window)
    doc = window.workspace.document
    assert doc is not None
    qtbot.waitUntil(lambda: bool(doc.rows_with_terms()), timeout=TIMEOUT)
    row = next(r for r in doc.rows_with_terms() if doc.matches_in(r)[0].term.target == "Rabat")
    machine = doc.translations[row]
    assert machine is not None and "Rabat" not in machine  # the tiny model's English
    window.reader.scroll_to_row(row)
    window.reader.set_current(row)
    status = window.term_pane.table.item(0, 0)
    assert status is not None and status.text() == MISSING

    window.reader.start_edit(row)
    editor = window.reader.editor
    assert editor is not None
    editor.setPlainText("The meeting was in Rabat.")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert doc.edited[row]
    assert window.term_pane.table.item(0, 0).text() == PRESENT  # type: ignore[union-attr]

    menu = window.reader.build_context_menu((row, ENGLISH))
    revert = next(a for a in menu.actions() if a.text() == "Revert to Machine Translation")
    revert.trigger()
    assert doc.translations[row] == machine and not doc.edited[row]
    assert window.term_pane.table.item(0, 0).text() == MISSING  # type: ignore[union-attr]
    assert window.term_pane.insert_button(0) is not None


def test_status_bar_names_a_sentence_of_the_page_shown(qtbot: QtBot, make_window: WindowFactory,
                                                      installed_model: Path, tmp_path: Path,
                                                      sample_text: str) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n".join(sample_text.replace(".", f" {i}.") for i in range(25)), encoding="utf-8")
    window = make_window()
    start_translated(qtbot, window, path)
    reader = window.reader
    reader.set_current(3)
    assert window.statusBar().currentMessage().startswith("Sentence 4 of ")
    qtbot.mouseClick(window.documents.next_page_button, Qt.MouseButton.LeftButton)
    assert reader.current_page == 1
    first_row = reader.current_row
    assert reader.page_of(first_row) == 1
    assert window.statusBar().currentMessage().startswith(f"Sentence {first_row + 1} of ")
    assert window.workspace.document is not None and window.workspace.document.position == first_row


def test_a_translation_arriving_during_an_edit_shows_when_it_is_cancelled(
        qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    window = make_window()
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start(SAMPLE)
    doc = window.workspace.document
    assert doc is not None and doc.translations[2] is None
    window.reader.start_edit(2)
    editor = window.reader.editor
    assert editor is not None
    # A batch of the running translation arrives while the translator is in the editor.
    window.ctx.publish(window.workspace.apply_translations(doc, [2], ["It arrived."], [False]))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.reader.editor is None
    assert window.reader.cell_text(2, ENGLISH) == "It arrived."


def test_a_post_edit_is_not_overwritten_by_a_late_machine_translation(
        qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    window = make_window()
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start(SAMPLE)
    doc = window.workspace.document
    assert doc is not None
    window.translation.save_translation(3, "My own English.")
    window.ctx.publish(window.workspace.apply_translations(doc, [3], ["machine"], [False]))
    assert doc.translations[3] == "My own English." and doc.edited[3]
    assert window.reader.cell_text(3, ENGLISH).startswith("My own English.")

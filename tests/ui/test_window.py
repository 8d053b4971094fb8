from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.cli import main as cli_main
from desktop.core.glossary import store
from desktop.core.translation.engine import EngineSettings
from desktop.ui.main_window import MainWindow
from desktop.ui.reader_pages import ARABIC, ENGLISH, PENDING
from tests.conftest import SAMPLE
from tests.ui.conftest import WindowFactory, drop_file

TIMEOUT = 30_000


def start_translated(qtbot: QtBot, window: MainWindow, path: Path = SAMPLE) -> None:
    with qtbot.waitSignal(window.translationFinished, timeout=TIMEOUT):
        window.start(path)


def click_at_position(qtbot: QtBot, window: MainWindow, position: int,
                      modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Click the reading view where the text cursor would land at ``position``."""
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(position)
    rect = window.reader.cursorRect(cursor)
    point = QPoint(rect.center().x(), rect.center().y())
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, modifier, point)


def type_text(widget: object, text: str) -> None:
    """Type ``text`` key by key, as an Arabic keyboard layout would deliver it.

    (QTest.keyClicks aborts on characters outside Latin-1.)
    """
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def cell_position(window: MainWindow, row: int, offset: int) -> int:
    return window.reader.position_of(row, ARABIC, offset)


def test_sample_opens_and_translation_fills_every_row(qtbot: QtBot, make_window: WindowFactory,
                                                      installed_model: Path) -> None:
    window = make_window()
    values: list[int] = []
    window.translation.progress.valueChanged.connect(values.append)
    start_translated(qtbot, window)
    doc = window.workspace.document
    assert doc is not None and doc.title == "article.txt" and len(doc.sentences) == 20
    for row, sentence in enumerate(doc.sentences):
        assert window.reader.cell_text(row, ARABIC) == sentence.text
        english = window.reader.cell_text(row, ENGLISH)
        assert english and english != PENDING
        assert english == window.workspace.document.translations[row]
    assert values and values[-1] == 20 and window.translation.progress.maximum() == 20
    assert not window.translation.progress.isVisible() and not window.translation.cancel_button.isVisible()
    assert not window.banner.isVisible()
    assert "20 sentences" in window.documents.doc_label.text()


def test_clicking_a_sentence_highlights_it_and_its_translation(qtbot: QtBot, make_window: WindowFactory,
                                                               installed_model: Path) -> None:
    window = make_window()
    start_translated(qtbot, window)
    click_at_position(qtbot, window, cell_position(window, 2, 5))
    assert window.reader.current_row == 2
    arabic_bg = window.reader.row_background(2, ARABIC)
    english_bg = window.reader.row_background(2, ENGLISH)
    assert arabic_bg is not None and arabic_bg == english_bg
    assert window.reader.row_background(3, ARABIC) != arabic_bg


def test_select_ctrl_t_enter_saves_a_term(qtbot: QtBot, make_window: WindowFactory,
                                          installed_model: Path, tmp_path: Path) -> None:
    window = make_window()
    start_translated(qtbot, window)
    doc = window.workspace.document
    assert doc is not None
    row = next(s.index for s in doc.sentences if "عبد اللطيف حموشي" in s.text)
    sentence = doc.sentences[row].text
    start = sentence.index("عبد اللطيف حموشي")
    end = start + len("عبد اللطيف حموشي")
    # Click before the name, shift+click after it: the way a reader selects a span.
    click_at_position(qtbot, window, cell_position(window, row, start))
    click_at_position(qtbot, window, cell_position(window, row, end), Qt.KeyboardModifier.ShiftModifier)
    # A click between letters may catch the comma that follows; capture trims it.
    assert window.reader.textCursor().selectedText() in ("عبد اللطيف حموشي", "عبد اللطيف حموشي،")

    qtbot.keyClick(window.reader, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.terms.term_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.source.text() == "عبد اللطيف حموشي"
    assert dialog.context.toPlainText() == sentence
    qtbot.waitUntil(lambda: dialog.target.text() != "", timeout=TIMEOUT)  # machine suggestion
    suggestion = dialog.target.text()
    with qtbot.waitSignal(window.termSaved, timeout=TIMEOUT) as saved:
        qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    term_id = saved.args[0]

    model = window.glossary.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "عبد اللطيف حموشي"
    assert model.index(0, 1).data() == suggestion
    with window.workspace.factory() as session:
        rec = store.get_term(session, term_id)
    assert rec is not None and rec.source == "عبد اللطيف حموشي" and rec.context == sentence
    assert rec.document == "article.txt"


def test_ctrl_t_suggests_the_existing_glossary_entry(qtbot: QtBot, make_window: WindowFactory,
                                                     installed_model: Path) -> None:
    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "مكتب التحقيقات الفيدرالي", "Federal Bureau of Investigation",
                       category="organization")
    window.glossary.model.refresh()
    start_translated(qtbot, window)
    doc = window.workspace.document
    assert doc is not None
    row = next(s.index for s in doc.sentences if "مكتب التحقيقات الفيدرالي" in s.text)
    start = doc.sentences[row].text.index("مكتب التحقيقات الفيدرالي")
    window.reader.select_in_sentence(row, start, start + len("مكتب التحقيقات الفيدرالي"))
    window.terms.capture_action.trigger()
    dialog = window.terms.term_dialog
    assert dialog is not None
    assert dialog.target.text() == "Federal Bureau of Investigation"
    assert dialog.category.currentText() == "organization"
    assert "Already in the glossary" in dialog.existing_label.text()


def test_ctrl_t_without_selection_in_arabic_explains(qtbot: QtBot, make_window: WindowFactory,
                                                     installed_model: Path) -> None:
    window = make_window()
    start_translated(qtbot, window)
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.position_of(0, ARABIC))
    cursor.setPosition(window.reader.position_of(1, ENGLISH, 3), QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)  # a selection across sentences and languages
    qtbot.keyClick(window.reader, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.terms.term_dialog is None
    assert "Select Arabic text" in window.statusBar().currentMessage()


def _add_terms(window: MainWindow) -> None:
    with window.workspace.factory.begin() as session:
        store.add_term(session, "مكتب التحقيقات الفيدرالي", "FBI", category="organization")
        store.add_term(session, "عبد اللطيف حموشي", "Abdellatif Hammouchi", category="person",
                       note="DGSN")
        store.add_term(session, "الرباط", "Rabat", category="place")
    window.glossary.model.refresh()


def test_search_filters_the_table_as_you_type(qtbot: QtBot, make_window: WindowFactory,
                                              empty_model_dir: Path) -> None:
    window = make_window()
    _add_terms(window)
    table_model = window.glossary.model
    assert table_model.rowCount() == 3
    type_text(window.glossary.search, "حمّوشي")  # with a shadda the entry does not have
    qtbot.waitUntil(lambda: table_model.rowCount() == 1)
    assert table_model.index(0, 1).data() == "Abdellatif Hammouchi"
    assert window.glossary.count_label.text() == "1 matching term of 3"
    window.glossary.search.clear()
    qtbot.keyClicks(window.glossary.search, "rab")
    qtbot.waitUntil(lambda: table_model.rowCount() == 1 and table_model.index(0, 1).data() == "Rabat")
    window.glossary.search.clear()
    qtbot.waitUntil(lambda: table_model.rowCount() == 3)


def test_edit_in_place_and_delete(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    _add_terms(window)
    view = window.glossary.table
    model = window.glossary.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "Rabat")
    index = model.index(row, 1)
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not view
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "Rabat, capital of Morocco")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(row, 1).data() == "Rabat, capital of Morocco")
    with window.workspace.factory() as session:
        assert [t.target for t in store.search(session, "الرباط")] == ["Rabat, capital of Morocco"]

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.selectRow(row)
    qtbot.mouseClick(window.glossary.delete_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 2
    with window.workspace.factory() as session:
        assert store.search(session, "الرباط") == []
        assert store.count_terms(session) == 2


def test_export_writes_the_same_csv_as_the_cli(qtbot: QtBot, make_window: WindowFactory,
                                               empty_model_dir: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    _add_terms(window)
    target = tmp_path / "from-gui.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV files (*.csv)"))
    qtbot.mouseClick(window.glossary.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Exported 3 terms" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    cli_target = tmp_path / "from-cli.csv"
    assert cli_main(["glossary", "export", str(cli_target), "--db", str(window.workspace.db_path)],
                    stdout=io.StringIO()) == 0
    assert target.read_bytes() == cli_target.read_bytes()
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert sorted(r["target"] for r in rows) == ["Abdellatif Hammouchi", "FBI", "Rabat"]


def test_no_model_shows_banner_and_reading_still_works(qtbot: QtBot, make_window: WindowFactory,
                                                       empty_model_dir: Path) -> None:
    window = make_window()
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT) as changed:
            window.start(SAMPLE)
    assert changed.args == ["missing"]
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    assert window.banner.isVisible()
    assert "No Arabic→English translation model" in window.banner.label.text()
    assert window.banner.install_button.isVisible() and window.banner.download_button.isVisible()
    doc = window.workspace.document
    assert doc is not None
    assert window.reader.cell_text(0, ARABIC) == doc.sentences[0].text
    assert window.reader.cell_text(0, ENGLISH) == ""
    assert not window.translation.progress.isVisible()
    # The glossary still works: capture a term and type the English by hand.
    window.reader.select_in_sentence(0, 0, len("التهديدات"))
    qtbot.keyClick(window.reader, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.terms.term_dialog
    assert dialog is not None and dialog.target.text() == ""
    qtbot.keyClicks(dialog.target, "threats")
    with qtbot.waitSignal(window.termSaved, timeout=TIMEOUT):
        qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    assert window.glossary.model.rowCount() == 1


def test_install_model_from_the_banner(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                                       tiny_model_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT):
        window.start(SAMPLE)
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(tiny_model_file), "Argos models (*.argosmodel)"))
    with qtbot.waitSignal(window.translationFinished, timeout=TIMEOUT):
        qtbot.mouseClick(window.banner.install_button, Qt.MouseButton.LeftButton)
    assert window.workspace.engine_state == "ready" and not window.banner.isVisible()
    assert all(window.workspace.document.translations)
    assert [p.name for p in empty_model_dir.iterdir()] == ["translate-ar_en-tiny"]


def test_installing_a_bad_model_file_shows_a_message(qtbot: QtBot, make_window: WindowFactory,
                                                     empty_model_dir: Path, tmp_path: Path) -> None:
    window = make_window()
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT):
        window.start(SAMPLE)
    bad = tmp_path / "broken.argosmodel"
    bad.write_bytes(b"PK\x03\x04 truncated")
    window.models.install_model(bad)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=TIMEOUT)
    box = window.findChild(QMessageBox, "errorBox")
    assert "not an Argos model package" in box.text() or "damaged" in box.text()
    assert list(empty_model_dir.iterdir()) == []


def test_download_without_network_fails_gracefully(qtbot: QtBot, make_window: WindowFactory,
                                                   empty_model_dir: Path) -> None:
    window = make_window()
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT):
        window.start(SAMPLE)
    qtbot.mouseClick(window.banner.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=TIMEOUT)
    assert "Could not reach the Argos package index" in window.findChild(QMessageBox, "errorBox").text()
    assert window.banner.isVisible()


def test_cancel_keeps_translated_sentences(qtbot: QtBot, make_window: WindowFactory,
                                           installed_model: Path, tmp_path: Path,
                                           sample_text: str) -> None:
    big = tmp_path / "big.txt"
    big.write_text("\n".join([sample_text] * 15), encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT):
        window.models.load_engine()
    assert window.workspace.engine is not None
    window.workspace.engine.settings = EngineSettings(batch_tokens=32)

    def cancel_on_first_batch(value: int) -> None:
        if value > 0 and window.translation.cancel_button.isVisible():
            qtbot.mouseClick(window.translation.cancel_button, Qt.MouseButton.LeftButton)

    window.translation.progress.valueChanged.connect(cancel_on_first_batch)
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.documents.open_document(big)
    qtbot.waitUntil(lambda: "Translation cancelled" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    done = [t for t in window.workspace.document.translations if t is not None]
    assert 0 < len(done) < len(window.workspace.document)
    assert not window.translation.progress.isVisible()


def test_paste_opens_clipboard_text(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    window = make_window()
    QGuiApplication.clipboard().setText("الرباط عاصمة المغرب. وهي مدينة جميلة.")
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        qtbot.keyClick(window.reader, Qt.Key.Key_V,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    doc = window.workspace.document
    assert doc is not None and doc.title == "Pasted text"
    assert [s.text for s in doc.sentences] == ["الرباط عاصمة المغرب.", "وهي مدينة جميلة."]


def test_drop_a_file_opens_it(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                              tmp_path: Path) -> None:
    path = tmp_path / "dropped.txt"
    path.write_text("جملة أولى. جملة ثانية.", encoding="utf-8")
    window = make_window()
    drop_file(qtbot, window, path)
    assert window.workspace.document is not None and window.workspace.document.title == "dropped.txt"
    assert window.documents.recent_menu.actions()[0].text() == "dropped.txt"


def test_unreadable_file_shows_a_message_and_keeps_the_document(
        qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path, tmp_path: Path) -> None:
    window = make_window()
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start(SAMPLE)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00\x00IHDR")
    window.documents.open_document(binary)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=TIMEOUT)
    assert "binary" in window.findChild(QMessageBox, "errorBox").text()
    assert window.workspace.document is not None and window.workspace.document.title == "article.txt"


def test_reopens_the_last_document(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                                   tmp_path: Path) -> None:
    path = tmp_path / "last.txt"
    path.write_text("نص أخير.", encoding="utf-8")
    first = make_window()
    with qtbot.waitSignal(first.documentShown, timeout=TIMEOUT):
        first.start(path)
    first.close()
    second = make_window()
    with qtbot.waitSignal(second.documentShown, timeout=TIMEOUT):
        second.start()
    assert second.workspace.document is not None and second.workspace.document.path == path


def test_glossary_model_passes_qtmodeltester(qtmodeltester: object, make_window: WindowFactory,
                                             empty_model_dir: Path) -> None:
    window = make_window()
    _add_terms(window)
    qtmodeltester.check(window.glossary.model)  # type: ignore[attr-defined]

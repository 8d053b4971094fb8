"""GUI: learner mode (colours, status keys, Mark Page Known, the known share), the Vocabulary
dock and a review session with the keyboard only."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from desktop.core import vocabulary
from desktop.ui import style
from desktop.ui.main_window import MainWindow
from desktop.ui.reader_pages import ARABIC
from tests.ui.conftest import WindowFactory
from tests.ui.test_words_ui import click_word, started

TIMEOUT = 30_000


def word_background(window: MainWindow, word: str) -> object:
    doc = window.workspace.document
    assert doc is not None
    row = next(s.index for s in doc.sentences if word in s.text)
    offset = doc.sentences[row].text.index(word)
    window.reader.cell_text(row, ARABIC)  # draws what is pending
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.position_of(row, ARABIC, offset) + 1)
    brush = cursor.charFormat().background()
    return brush.color() if brush.style() != Qt.BrushStyle.NoBrush else None


def learner_on(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.wordStatusesShown, timeout=TIMEOUT):
        qtbot.keyClick(window.reader, Qt.Key.Key_L,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_learner_mode_colours_words_and_keys_set_their_status(qtbot: QtBot, make_window: WindowFactory,
                                                              empty_model_dir: Path) -> None:
    window = started(qtbot, make_window)
    learner_on(qtbot, window)
    new = style.scheme().word_status[vocabulary.NEW]
    assert word_background(window, "التنسيق") == new
    assert window.learner.share_label.text().startswith("Known: 0% (0 of ")
    # Click a word, press 2: it and its other forms are learning 2.
    with qtbot.waitSignal(window.wordShown, timeout=TIMEOUT):
        click_word(qtbot, window, "المدير")
    with qtbot.waitSignal(window.wordStatusesShown, timeout=TIMEOUT):
        qtbot.keyClick(window.reader, Qt.Key.Key_2)
    assert word_background(window, "المدير") == style.scheme().word_status[2]
    assert window.workspace.word_statuses("للمدير")["للمدير"] == 2
    # K marks known: no colour.
    with qtbot.waitSignal(window.wordStatusesShown, timeout=TIMEOUT):
        qtbot.keyClick(window.reader, Qt.Key.Key_K)
    assert word_background(window, "المدير") is None
    entry = window.workspace.vocabulary_list()[0]
    assert (entry.word, entry.status, entry.document) == ("المدير", vocabulary.KNOWN, "article.txt")
    # The page's remaining new words, at once.
    with qtbot.waitSignal(window.wordStatusesShown, timeout=TIMEOUT):
        window.learner.mark_known_action.trigger()
    assert word_background(window, "التنسيق") is None
    assert window.learner.share_label.text().startswith("Known: 100%")
    # Off: plain text again, remembered.
    window.learner.learner_action.trigger()
    assert word_background(window, "التنسيق") is None and not window.learner.share_label.isVisible()


def test_vocabulary_dock_lists_learning_words(qtbot: QtBot, make_window: WindowFactory,
                                             empty_model_dir: Path) -> None:
    window = started(qtbot, make_window)
    window.workspace.set_word_status("بالرباط", 1, "في الرباط", "article.txt")
    window.workspace.set_word_status("المدير", vocabulary.KNOWN)
    panel = window.learner.panel
    panel.toggleViewAction().trigger()  # View → Vocabulary
    panel.raise_()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=TIMEOUT)
    assert [panel.table.item(0, c).text() for c in range(4)] == ["بالرباط", "رِباط", "learning 1", "Rabat"]
    panel.status_filter.setCurrentText("All words")
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=TIMEOUT)
    qtbot.keyClicks(panel.search, "director")
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1 and panel.table.item(0, 0).text() == "المدير",
                    timeout=TIMEOUT)


def test_a_review_session_with_the_keyboard_only(qtbot: QtBot, make_window: WindowFactory,
                                                 empty_model_dir: Path) -> None:
    window = started(qtbot, make_window)
    window.workspace.set_word_status("المدير", 1, "قال المدير")
    record, _ = window.workspace.save_term("الرباط", "Rabat").value
    window.glossary.model.refresh()
    window.glossary.studyRequested.emit(record.id)  # Glossary → Study in Reviews
    qtbot.waitUntil(lambda: "(2 due)" in window.learner.review_action.text(), timeout=TIMEOUT)
    qtbot.keyClick(window.reader, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.learner.review_dialog
    assert dialog is not None and dialog.progress.text().startswith("Card 1 of 2")
    assert "المدير" in dialog.front.text() and dialog.back.text() == ""
    qtbot.keyClick(dialog, Qt.Key.Key_3)  # rating before the answer does nothing
    assert dialog.position == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert "director" in dialog.back.text() and "al-mudir" in dialog.back.text()
    qtbot.keyClick(dialog, Qt.Key.Key_3)  # Good
    assert "الرباط" in dialog.front.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert "Rabat" in dialog.back.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)  # on the answer, as in Anki: Good
    assert dialog.progress.text() == "Done: 2 cards reviewed."
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.learner.review_dialog is None
    assert window.workspace.due_count() == 0
    with window.workspace.factory() as session:
        month = datetime.now(timezone.utc) + timedelta(days=30)
        ratings = [vocabulary.reviews(session, item.card_id)[0][0]
                   for item in window.workspace.due_reviews(now=month)]
    assert ratings == [3, 3]
    qtbot.waitUntil(lambda: window.learner.review_action.text() == "&Review…", timeout=TIMEOUT)


def test_export_vocabulary_from_the_window(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                                           tmp_path: Path, monkeypatch: object) -> None:
    import pytest
    from PySide6.QtWidgets import QFileDialog

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    window = started(qtbot, make_window)
    window.workspace.set_word_status("المدير", 2, "قال المدير")
    target = tmp_path / "deck"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Anki deck (*.apkg)"))
    window.learner.export_action.trigger()
    qtbot.waitUntil(lambda: "Exported 1 notes" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    assert (tmp_path / "deck.apkg").stat().st_size > 100_000  # the notes and the bundled font

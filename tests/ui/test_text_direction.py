"""Text without Arabic: a warning once, and each run keeps its own direction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.ui.reader_pages import ARABIC
from tests.ui.conftest import WindowFactory

TIMEOUT = 30_000


def direction(window, row: int) -> Qt.LayoutDirection:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.position_of(row, ARABIC))
    return cursor.blockFormat().layoutDirection()


def test_pasting_english_warns_once_and_reads_left_to_right(qtbot: QtBot, make_window: WindowFactory,
                                                            empty_model_dir: Path) -> None:
    window = make_window()
    QGuiApplication.clipboard().setText("The director arrived in Rabat. He met the minister.")
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_V,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "noArabicWarning") is not None, timeout=TIMEOUT)
    box = window.findChild(QMessageBox, "noArabicWarning")
    assert "has no Arabic text" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert direction(window, 0) == Qt.LayoutDirection.LeftToRight  # the full stop stays at the end


def test_mixed_text_keeps_each_sentences_direction(qtbot: QtBot, make_window: WindowFactory,
                                                   empty_model_dir: Path) -> None:
    window = make_window()
    QGuiApplication.clipboard().setText("وصل المدير إلى الرباط.\n\nAnnex 2: figures.\n\nوقال إن التعاون مهم.")
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.documents.paste_document()
    assert window.findChild(QMessageBox, "noArabicWarning") is None  # it has Arabic: no warning
    sentences = [s.text for s in window.workspace.document.sentences]  # type: ignore[union-attr]
    english = next(i for i, s in enumerate(sentences) if s.startswith("Annex"))
    assert direction(window, english) == Qt.LayoutDirection.LeftToRight
    assert direction(window, 0) == Qt.LayoutDirection.RightToLeft

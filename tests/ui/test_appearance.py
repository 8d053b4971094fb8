"""Themes and zoom: every colour Tarjuman sets keeps WCAG AA contrast in both schemes, View →
Theme switches the whole window, and the reading text zooms with the keyboard and the wheel,
remembered."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.db.models import DEFAULT_COLOURS
from desktop.ui import style
from desktop.ui.main_window import MainWindow
from desktop.ui.reader_pages import ARABIC, ENGLISH
from tests.ui.conftest import WindowFactory

TIMEOUT = 30_000


@pytest.fixture(autouse=True)
def keep_palette(qapp: QApplication) -> Iterator[None]:
    """The palette is the application's: put it back for the other tests."""
    palette = QPalette(qapp.palette())
    yield
    qapp.setPalette(palette)
    style.use_scheme(False)


@pytest.mark.parametrize("scheme", [style.LIGHT, style.DARK], ids=["light", "dark"])
def test_every_colour_pair_keeps_aa_contrast(scheme: style.Scheme) -> None:
    low = {name: round(style.contrast(text, background), 2)
           for name, (text, background) in scheme.pairs().items()
           if style.contrast(text, background) < 4.5}
    assert low == {}
    style.use_scheme(scheme.dark)
    for category in DEFAULT_COLOURS:
        background = style.category_colour(category)
        assert style.contrast(style.category_text(category), background) >= 4.5, category


def test_text_on_any_user_colour_is_readable() -> None:
    for red in range(0, 256, 17):
        for green in range(0, 256, 17):
            for blue in range(0, 256, 51):
                colour = QColor(red, green, blue)
                assert style.contrast(style.text_on(colour), colour) >= 4.5, colour.name()


def open_sample(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start()


def trigger(qtbot: QtBot, window: MainWindow, name: str) -> None:
    [action] = [a for a in window.appearance.theme_actions.values() if a.objectName() == name]
    action.trigger()


def test_dark_theme_from_the_view_menu(qtbot: QtBot, make_window: WindowFactory,
                                       empty_model_dir: Path) -> None:
    window = make_window()
    window.workspace.save_term("الرباط", "Rabat", category="place")
    window.glossary.model.refresh()
    open_sample(qtbot, window)
    light_english = window.reader.row_background(1, ENGLISH)
    trigger(qtbot, window, "theme-dark")
    assert style.palette_is_dark(QApplication.palette()) and style.scheme().dark
    assert window.reader.row_background(1, ENGLISH) == style.DARK.english_background != light_english
    text = window.reader.palette().color(QPalette.ColorRole.Text)
    assert style.contrast(text, style.DARK.english_background) >= 4.5
    cell = window.glossary.model.item(0, 2)
    assert style.contrast(cell.foreground().color(), cell.background().color()) >= 4.5
    assert cell.background().color().lightness() < 100  # a dark shade, not a glaring pastel
    assert window.settings.value("view/theme") == "dark"
    trigger(qtbot, window, "theme-light")
    assert not style.scheme().dark
    assert window.reader.row_background(1, ENGLISH) == style.LIGHT.english_background


def arabic_points(window: MainWindow) -> float:
    return window.reader.formats.arabic.font().pointSizeF()


def test_zoom_with_keys_and_wheel_is_remembered(qtbot: QtBot, make_window: WindowFactory,
                                                empty_model_dir: Path) -> None:
    window = make_window()
    open_sample(qtbot, window)
    assert arabic_points(window) == style.READING_SIZE
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert arabic_points(window) == style.READING_SIZE + 2
    cursor_font = window.reader.cell_text(0, ARABIC)  # the page was laid out again
    assert cursor_font
    qtbot.keyClick(window.reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert arabic_points(window) == style.READING_SIZE + 1
    wheel = QWheelEvent(QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(window.reader.viewport(), wheel)
    assert arabic_points(window) == style.READING_SIZE + 2
    assert int(window.settings.value("view/readingSize")) == style.READING_SIZE + 2
    qtbot.keyClick(window.reader, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert arabic_points(window) == style.READING_SIZE


def test_no_two_actions_share_a_shortcut(make_window: WindowFactory, empty_model_dir: Path) -> None:
    """A key bound twice (even twice to one action) is ambiguous: Qt then runs nothing."""
    from PySide6.QtGui import QAction

    window = make_window()
    seen: dict[str, str] = {}
    clashes = []
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            if not key:
                continue
            if key in seen and action.shortcutContext() == Qt.ShortcutContext.WindowShortcut:
                clashes.append((key, seen[key], action.text()))
            seen[key] = action.text()
    assert clashes == []


def arabic_line_breaks_inside_words(window: MainWindow, rows: range) -> list[str]:
    """Words of the Arabic column that a line break cuts in two."""
    from PySide6.QtGui import QTextCursor

    cut = []
    for row in rows:
        start = window.reader.position_of(row, ARABIC)
        block = QTextCursor(window.reader.document())
        block.setPosition(start)
        layout = block.block().layout()
        text = block.block().text()
        for i in range(1, layout.lineCount()):
            at = layout.lineAt(i).textStart()
            if 0 < at < len(text) and not text[at - 1].isspace() and not text[at].isspace():
                cut.append(text[max(0, at - 6):at] + "|" + text[at:at + 6])
    return cut


@pytest.mark.parametrize("size", [(640, 480), (1024, 768), (1920, 1080)])
def test_any_window_size_keeps_the_reading_view(qtbot: QtBot, make_window: WindowFactory,
                                               empty_model_dir: Path, size: tuple[int, int]) -> None:
    window = make_window()
    open_sample(qtbot, window)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0], timeout=TIMEOUT)
    QApplication.processEvents()
    assert window.minimumSize().width() == 640 and window.minimumSize().height() == 480
    reader_width = window.reader.width()
    assert reader_width >= 0.45 * size[0]  # the docks give way
    assert window.glossary.width() <= size[0] // 2
    buttons = (window.banner.install_button, window.banner.download_button)
    # Never cut, once the banner's layout has run (on a busy machine a few events later).
    qtbot.waitUntil(lambda: all(b.width() >= b.sizeHint().width() for b in buttons), timeout=TIMEOUT)
    if size[1] < 640:  # a low window: the panes are tabs beside the glossary
        assert window.term_pane in window.tabifiedDockWidgets(window.glossary)
    assert arabic_line_breaks_inside_words(window, range(0, 12)) == []
    picture = window.grab().toImage()
    assert picture.width() == size[0] and picture.pixelColor(5, size[1] // 2).isValid()

"""Help → User Guide and Keyboard Shortcuts; keys that cannot act say why; exact status
messages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.ui.translation import finished_message
from tests.ui.conftest import WindowFactory

TIMEOUT = 30_000


def test_f1_opens_the_bundled_guide(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    window = make_window()
    from desktop.ui.help import GuideDialog

    qtbot.keyClick(window, Qt.Key.Key_F1)

    qtbot.waitUntil(lambda: window.findChild(GuideDialog) is not None, timeout=TIMEOUT)
    guide = window.findChild(GuideDialog)
    assert guide is not None
    text = guide.browser.toPlainText()
    assert "Tarjuman — User Guide" in text and "Ctrl+T" in text


def test_the_shortcut_sheet_lists_every_menu_shortcut(qtbot: QtBot, make_window: WindowFactory,
                                                      empty_model_dir: Path) -> None:
    window = make_window()
    dialog = window.help.show_shortcuts()
    table = dialog.table
    listed = {(table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    assert ("Add Term…", "Ctrl+T") in listed
    assert ("Edit Translation", "F2") in listed  # shown in the menu, though the view binds it
    assert any(name == "Zoom In" and keys.startswith("Ctrl+=") for name, keys in listed)
    # Every menu action with keys is on the sheet.
    from desktop.ui.help import menu_shortcuts

    for action in window.menuBar().actions():
        menu = action.menu()
        for _where, name, keys in menu_shortcuts(menu):  # type: ignore[arg-type]
            assert (name, keys) in listed
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close),
                     Qt.MouseButton.LeftButton)


def test_keys_that_cannot_act_say_why(qtbot: QtBot, make_window: WindowFactory,
                                      empty_model_dir: Path) -> None:
    window = make_window()
    assert not window.translation.cancel_action.isEnabled()  # nothing runs
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "Open a document first" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "No translation model" in window.statusBar().currentMessage()
    window.translation.edit_translation_action.trigger()
    assert "Click a sentence first" in window.statusBar().currentMessage()


def test_the_finished_message_is_exact() -> None:
    assert finished_message(18, 0, 0.1) == "All 18 sentences came from the translation memory."
    assert finished_message(0, 1, 2.0) == "Translated 1 sentence with the model in 2.0 s."
    assert finished_message(3, 5, 1.25) == \
        "Translated 5 sentences with the model in 1.2 s; 3 came from the translation memory."


def test_enter_without_english_says_what_is_missing(qtbot: QtBot, make_window: WindowFactory,
                                                    empty_model_dir: Path) -> None:
    window = make_window()
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start()
    dialog = window.terms.capture("حموشي", "قال حموشي")
    dialog.target.clear()
    qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Type the English rendering" in dialog.existing_label.text()

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.workspace import Workspace
from desktop.ui.app import configure_application
from desktop.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, qapp: object, tmp_path: Path) -> Iterator[WindowFactory]:
    """Build a main window over a temporary glossary and settings file (not yet started)."""
    configure_application(qapp)  # type: ignore[arg-type]
    made: list[MainWindow] = []

    def make(db: Path | None = None) -> MainWindow:
        db = db or tmp_path / "glossary.db"
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Workspace.open(db), settings)
        qtbot.addWidget(window)
        # Shortcuts only reach the active window. The request is repeated while waiting: on
        # the offscreen platform one request is now and then lost after another window closed.
        window.show()

        def active() -> bool:
            if QApplication.activeWindow() is not window:
                window.activateWindow()
                return False
            return True

        qtbot.waitUntil(active, timeout=10_000)
        made.append(window)
        return window

    yield make
    for window in made:
        window.runner.shutdown()
        window.workspace.close()


def drop_file(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    """Drop ``path`` on the window as a file manager would, and wait for it to show."""
    from PySide6.QtCore import QMimeData, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(window.rect().center().toPointF(), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.documentShown, timeout=30_000):
        window.dropEvent(event)


def numbered_pairs(count: int) -> list[tuple[str, str]]:
    """``count`` distinct term pairs: كلمة0 → word 0, …"""
    return [(f"كلمة{i}", f"word {i}") for i in range(count)]


def numbered_csv(path: Path, count: int) -> Path:
    """A glossary CSV of the ``numbered_pairs``."""
    path.write_text("source,target\n" + "".join(f"{a},{e}\n" for a, e in numbered_pairs(count)),
                    encoding="utf-8")
    return path


def add_numbered_terms(window: MainWindow, count: int) -> None:
    """Put the ``numbered_pairs`` in the window's glossary (in bulk)."""
    from desktop.core.glossary.store import NewTerm, add_terms

    with window.workspace.factory.begin() as session:
        add_terms(session, [NewTerm(a, e) for a, e in numbered_pairs(count)])

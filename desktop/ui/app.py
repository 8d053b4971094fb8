"""Starting the GUI: QApplication, fonts, the glossary, error handling, the main window."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from desktop import APP_ID, APP_NAME, __version__
from desktop.core import paths
from desktop.core.errors import GlossaryError
from desktop.core.workspace import Workspace, backups_of, restore_into
from desktop.ui import style
from desktop.ui.backups import describe

log = logging.getLogger(__name__)


def configure_application(app: QCoreApplication) -> None:
    """Names used by QSettings and the desktop: one reverse-DNS id everywhere; and an
    interpreter tuned for a GUI thread sharing it with background work."""
    tune_interpreter()
    app.setOrganizationName("org.tarjuman")
    app.setOrganizationDomain("tarjuman.org")
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    if isinstance(app, QApplication):
        app.setDesktopFileName(APP_ID)


def tune_interpreter() -> None:
    """Garbage-collector pace and lock switch interval for an interactive app holding big
    glossaries (``bench/responsiveness.py`` measures both against Python's defaults)."""
    # The collector runs in whichever thread allocates, holding the GIL, so its pauses are
    # the GUI's too. Young collections of 5,000 objects (about 1 ms) and middle ones of at
    # most 50,000 (a few ms) stay short; full collections, which walk every object (millions
    # with a big glossary: 100-300 ms), are left rare. Reference counting frees everything
    # that is not in a cycle anyway. (With the default (700, 10, 10), reading a 30,000-term
    # catalogue triggers full collections of 80 ms; bench/responsiveness.py compares both.)
    gc.set_threshold(5_000, 10, 1_000)
    # Background work is Python too: a thread waiting for the interpreter lock asks for it
    # after this interval, so the GUI thread's many short calls while painting wait 0.5 ms
    # at most instead of 5 ms each.
    sys.setswitchinterval(0.0005)


def install_excepthook(parent: QWidget | None = None) -> None:
    """Log unexpected exceptions and tell the user, who can copy the details; Tarjuman keeps
    running."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unexpected error:\n%s", details)
        if QApplication.instance() is not None:
            show_unexpected_error(parent, details)

    sys.excepthook = hook


def show_unexpected_error(parent: QWidget | None, details: str) -> QMessageBox:
    """The dialog for a bug: what happened in plain words, and the details to copy."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                      "Something unexpected went wrong. Tarjuman keeps running; your glossary is "
                      f"safe. The details were written to the log file in {paths.user_log_dir()}.",
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("unexpectedError")
    box.setDetailedText(details)
    copy = box.addButton("Copy Details", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_glossary_interactively(path: Path) -> Workspace | None:
    """Open the glossary. A damaged file is never changed: the user may restore a backup,
    open another glossary or create a new one."""
    while True:
        try:
            return Workspace.open(path)
        except GlossaryError as exc:
            backups = backups_of(path)
            box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                              f"{exc}\n\nThe file was not changed.")
            # Restoring helps only with damage (not a newer, refused or unreadable file).
            restore = box.addButton("Restore from Backup…", QMessageBox.ButtonRole.AcceptRole) \
                if backups and exc.damaged else None
            other = box.addButton("Open Another Glossary…", QMessageBox.ButtonRole.AcceptRole)
            create = box.addButton("Create New Glossary…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            clicked = box.clickedButton()
            if restore is not None and clicked is restore:
                labels = [describe(b) for b in backups]
                label, ok = QInputDialog.getItem(None, "Restore from backup", "Backup:", labels, 0, False)
                if ok:
                    restore_into(backups[labels.index(label)], path)
                continue
            if clicked is other:
                name, _ = QFileDialog.getOpenFileName(None, "Open a glossary", str(path.parent),
                                                      "Glossaries (*.db);;All files (*)")
            elif clicked is create:
                name, _ = QFileDialog.getSaveFileName(None, "Create a glossary",
                                                      str(path.with_name("glossary-new.db")),
                                                      "Glossaries (*.db)")
            else:
                return None
            if not name:
                return None
            path = Path(name)


def run(argv: Sequence[str]) -> int:
    """Start the window; ``argv`` is ``[--db PATH] [FILE]``."""
    parser = argparse.ArgumentParser(prog="tarjuman", description="Tarjuman window")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("file", nargs="?", type=Path)
    args = parser.parse_args(list(argv))

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    configure_application(app)
    style.load_fonts()
    from desktop.ui.main_window import MainWindow, window_icon

    app.setWindowIcon(window_icon())
    install_excepthook()
    workspace = open_glossary_interactively(args.db or paths.default_glossary_path())
    if workspace is None:
        return 4
    window = MainWindow(workspace, QSettings())
    install_excepthook(window)
    window.show()
    window.start(args.file)
    try:
        return app.exec()
    finally:
        workspace.close()

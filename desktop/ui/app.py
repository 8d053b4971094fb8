"""Starting the GUI: QApplication, fonts, the glossary, error handling, the main window."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from desktop import APP_ID, APP_NAME, __version__
from desktop.core import paths
from desktop.core.db.engine import open_database
from desktop.core.errors import GlossaryError
from desktop.ui import style

log = logging.getLogger(__name__)


def configure_application(app: QCoreApplication) -> None:
    """Names used by QSettings and the desktop: one reverse-DNS id everywhere."""
    app.setOrganizationName("org.tarjuman")
    app.setOrganizationDomain("tarjuman.org")
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    if isinstance(app, QApplication):
        app.setDesktopFileName(APP_ID)


def install_excepthook(parent: QWidget | None = None) -> None:
    """Log unexpected exceptions and tell the user, instead of printing a traceback."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if QApplication.instance() is not None:
            QMessageBox.critical(
                parent, APP_NAME,
                "Something unexpected went wrong. Tarjuman keeps running; the details were "
                f"written to the log file in {paths.user_log_dir()}.")

    sys.excepthook = hook


def open_glossary_interactively(path: Path) -> tuple[object, Path] | None:
    """Open the glossary, asking the user for another file if it cannot be opened."""
    while True:
        try:
            return open_database(path), path
        except GlossaryError as exc:
            box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                              f"{exc}\n\nThe file was not changed.")
            other = box.addButton("Open Another Glossary…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not other:
                return None
            name, _ = QFileDialog.getSaveFileName(
                None, "Open or create a glossary", str(path.with_name("glossary-new.db")),
                "Glossaries (*.db);;All files (*)",
                options=QFileDialog.Option.DontConfirmOverwrite)
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
    opened = open_glossary_interactively(args.db or paths.default_glossary_path())
    if opened is None:
        return 4
    factory, db_path = opened
    window = MainWindow(factory, db_path, QSettings())  # type: ignore[arg-type]
    install_excepthook(window)
    window.show()
    window.start(args.file)
    return app.exec()

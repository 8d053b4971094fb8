"""Starting the GUI: QApplication, fonts, the glossary, error handling, the main window."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from desktop import APP_ID, APP_NAME, __version__
from desktop.core import paths
from desktop.core.errors import GlossaryError
from desktop.core.location import is_team
from desktop.core.workspace import Workspace, backups_of, restore_into
from desktop.ui import i18n, style
from desktop.ui.backups import describe
from desktop.ui.i18n import translate

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


class _AfterFirstPaint(QObject):
    """Runs ``callbacks`` once, when ``window`` is first on screen: on the turn of the event
    loop after its first paint (the whole window is then drawn and flushed), or after
    ``FALLBACK_MS`` if it is never painted (a window started minimised)."""

    FALLBACK_MS = 3_000

    def __init__(self, window: QWidget, callbacks: list[Callable[[], None]]) -> None:
        super().__init__(window)
        self.app = QApplication.instance()
        self.window = window
        self.callbacks = callbacks
        self.fired = False
        if self.app is not None:
            self.app.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._fire)  # cancelled with the window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and watched.window() is self.window):
            self._unwatch()
            QTimer.singleShot(0, self, self._fire)
        return False

    def _unwatch(self) -> None:
        if self.app is not None:
            self.app.removeEventFilter(self)

    def _fire(self) -> None:
        if self.fired:
            return
        self.fired = True
        self._unwatch()
        for callback in self.callbacks:
            callback()


def after_first_paint(window: QWidget, *callbacks: Callable[[], None]) -> None:
    """Call ``callbacks`` once ``window`` is on screen (see ``_AfterFirstPaint``)."""
    _AfterFirstPaint(window, list(callbacks))


def report_shown() -> None:
    """With ``TARJUMAN_REPORT_SHOWN=PATH``, write the wall-clock time (``time.time()``) at which
    the window was first on screen to that file (``bench/startup.py`` reads it)."""
    target = os.environ.get("TARJUMAN_REPORT_SHOWN")
    if not target:
        return
    try:
        Path(target).write_text(f"{time.time():.6f}\n", encoding="utf-8")
    except OSError:
        log.exception("could not write %s", target)


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
    box = QMessageBox(QMessageBox.Icon.Critical, i18n.app_name(),
                      translate("Tarjuman", "Something unexpected went wrong. Tarjuman keeps running; "
                                "your glossary is safe. The details were written to the log file "
                                "in {folder}.").format(folder=paths.user_log_dir()),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("unexpectedError")
    box.setDetailedText(details)
    copy = box.addButton(translate("Tarjuman", "Copy Details"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_team_interactively(url: str) -> Workspace | None:
    """Connect to a team termbase; when that fails, say why and open the usual glossary file
    instead (File → Connect to Team Glossary… tries again)."""
    try:
        return Workspace.open(url)
    except GlossaryError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, i18n.app_name(), translate(
            "Tarjuman", "{problem}\n\nTarjuman opens your own glossary instead; File → Connect to "
            "Team Glossary… tries again.").format(problem=exc))
        box.exec()
    return open_glossary_interactively(paths.default_glossary_path())


def open_glossary_interactively(path: Path) -> Workspace | None:
    """Open the glossary. A damaged file is never changed: the user may restore a backup,
    open another glossary or create a new one."""
    while True:
        try:
            return Workspace.open(path)
        except GlossaryError as exc:
            backups = backups_of(path)
            box = QMessageBox(QMessageBox.Icon.Critical, i18n.app_name(),
                              translate("Tarjuman", "{problem}\n\nThe file was not changed.").format(
                                  problem=exc))
            # Restoring helps only with damage (not a newer, refused or unreadable file).
            restore = box.addButton(translate("Tarjuman", "Restore from Backup…"),
                                    QMessageBox.ButtonRole.AcceptRole) if backups and exc.damaged else None
            accept = QMessageBox.ButtonRole.AcceptRole
            other = box.addButton(translate("Tarjuman", "Open Another Glossary…"), accept)
            create = box.addButton(translate("Tarjuman", "Create New Glossary…"), accept)
            box.addButton(translate("Tarjuman", "Quit"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            clicked = box.clickedButton()
            if restore is not None and clicked is restore:
                labels = [describe(b) for b in backups]
                label, ok = QInputDialog.getItem(None, translate("Tarjuman", "Restore from backup"),
                                                 translate("Tarjuman", "Backup:"), labels, 0, False)
                if ok:
                    restore_into(backups[labels.index(label)], path)
                continue
            if clicked is other:
                name, _ = QFileDialog.getOpenFileName(None, translate("Tarjuman", "Open a glossary"),
                                                      str(path.parent), translate(
                                                          "Tarjuman", "Glossaries (*.db);;All files (*)"))
            elif clicked is create:
                name, _ = QFileDialog.getSaveFileName(None, translate("Tarjuman", "Create a glossary"),
                                                      str(path.with_name("glossary-new.db")),
                                                      translate("Tarjuman", "Glossaries (*.db)"))
            else:
                return None
            if not name:
                return None
            path = Path(name)


def run(argv: Sequence[str]) -> int:
    """Start the window; ``argv`` is ``[--db PATH] [FILE]``."""
    parser = argparse.ArgumentParser(prog="tarjuman", description="Tarjuman window")
    parser.add_argument("--db", default=None, help="a glossary file, or a team glossary's "
                        "postgresql://user@host:port/database")
    parser.add_argument("file", nargs="?", type=Path)
    args = parser.parse_args(list(argv))

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    configure_application(app)
    i18n.install(app, QSettings())  # before any window: the texts and the layout direction
    style.load_fonts()
    from desktop.ui.main_window import MainWindow, window_icon

    app.setWindowIcon(window_icon())
    install_excepthook()
    workspace = (open_team_interactively(args.db) if is_team(args.db or "")
                 else open_glossary_interactively(Path(args.db or paths.default_glossary_path())))
    if workspace is None:
        return 4
    window = MainWindow(workspace, QSettings())
    install_excepthook(window)
    # The background work (the engine, the term index, the lexicon, the backup, the
    # document) starts once the window is on screen, so that none of it delays the first paint.
    after_first_paint(window, report_shown, lambda: window.start(args.file))
    window.show()
    try:
        return app.exec()
    finally:
        workspace.close()

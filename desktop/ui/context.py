"""What the window's controllers share: the workspace, the settings, the one background
helper, the status bar, error reporting, and the one ``changed`` signal every view listens
to."""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop.core import paths
from desktop.core.changes import Changes
from desktop.core.errors import TarjumanError
from desktop.core.workspace import Workspace
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)


class AppContext(QObject):
    """Shared by the controllers of one window. Lives on the GUI thread.

    ``changed(Changes)`` is emitted for every user action that changed something (see
    ``publish``); views redraw from it instead of being refreshed by hand.
    """

    changed = Signal(object)

    def __init__(self, window: QMainWindow, workspace: Workspace, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.workspace = workspace
        self.settings = settings
        self.runner = TaskRunner(self)

    def publish(self, changes: Changes) -> None:
        """Tell the workspace and then every view what changed (nothing for no change)."""
        if changes:
            self.workspace.changed(changes)
            self.changed.emit(changes)

    def status(self, text: str, ms: int = 0) -> None:
        self.window.statusBar().showMessage(text, ms)

    def show_error(self, title: str, exc: BaseException) -> None:
        """Say what went wrong in plain words; unexpected errors go to the log in full."""
        if isinstance(exc, TarjumanError):
            message = str(exc)
        else:
            log.error("%s", title, exc_info=exc)
            message = self.tr("Something unexpected went wrong. The details were written to the log "
                              "file in {folder}.").format(folder=paths.user_log_dir())
        self.window.statusBar().clearMessage()
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def error_handler(self, title: str) -> Callable[[BaseException], None]:
        return lambda exc: self.show_error(title, exc)

    def action(self, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str = "") -> QAction:
        """A window action calling ``slot`` (its checked flag is dropped)."""
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

"""A team glossary in the window: File → Connect to Team Glossary…, the recent termbases,
Save Offline Copy…, other translators' changes shown live, the banner while the server cannot
be reached, and the dialog for an edit that crossed someone else's.

Connecting, testing and copying run on the TaskRunner (a server may take seconds to answer);
the termbase's listener runs on a thread of its own and reaches the GUI thread through this
controller's signals (queued), where its changes are published like the user's own.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.core.errors import ConnectionLostError, EditConflictError
from desktop.core.location import team_name
from desktop.core.workspace import TermRecord
from desktop.ui import settings as opts
from desktop.ui import style
from desktop.ui.context import AppContext
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "disable")
# The fields of a term a conflict shows, with their labels.
CONFLICT_FIELDS = (("source", QT_TRANSLATE_NOOP("Tarjuman", "Arabic")),
                   ("target", QT_TRANSLATE_NOOP("Tarjuman", "English")),
                   ("category", QT_TRANSLATE_NOOP("Tarjuman", "Category")),
                   ("note", QT_TRANSLATE_NOOP("Tarjuman", "Note")),
                   ("subject", QT_TRANSLATE_NOOP("Tarjuman", "Subject")),
                   ("pos", QT_TRANSLATE_NOOP("Tarjuman", "Part of speech")))


class ConnectDialog(QDialog):
    """Host, port, database, user, SSL mode and password of a team termbase, with a Test
    button. The password is handed to the session only, never stored (``~/.pgpass`` is the
    place for one that should be remembered)."""

    testRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to Team Glossary"))
        form = QFormLayout(self)
        self.host = QLineEdit("localhost", self)
        self.host.setObjectName("host")
        self.port = QSpinBox(self)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self)
        self.database.setObjectName("database")
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.ssl = QComboBox(self)
        self.ssl.setObjectName("sslMode")
        for mode in SSL_MODES:
            self.ssl.addItem(mode, mode)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("From ~/.pgpass when empty"))
        self.password.setToolTip(self.tr("Kept for this session only. To be remembered, a password "
                                         "goes in ~/.pgpass (PostgreSQL's own password file)."))
        form.addRow(self.tr("Host:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("SSL mode:"), self.ssl)
        form.addRow(self.tr("Password:"), self.password)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("connectResult")
        self.result_label.setWordWrap(True)
        form.addRow(self.result_label)
        buttons = QDialogButtonBox(self)
        self.test_button = buttons.addButton(self.tr("&Test"), QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.setObjectName("testButton")
        self.connect_button = buttons.addButton(self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("connectButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.test_button.clicked.connect(self.testRequested)
        buttons.accepted.connect(self._accept_if_complete)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def url(self) -> str:
        """The termbase's URI (no password: libpq takes it from the session or ~/.pgpass)."""
        user = quote(self.user.text().strip(), safe="")
        host = self.host.text().strip() or "localhost"
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"  # an IPv6 address
        query = urlencode({"sslmode": self.ssl.currentData()})
        return (f"postgresql://{user + '@' if user else ''}{host}:{self.port.value()}/"
                f"{quote(self.database.text().strip(), safe='')}?{query}")

    def typed_password(self) -> str | None:
        return self.password.text() or None

    def show_result(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet("" if ok else "color: #c62828;")

    def _accept_if_complete(self) -> None:
        if not self.database.text().strip():
            self.show_result(self.tr("Name the database of the team glossary."), False)
            return
        self.accept()


class ConflictDialog(QDialog):
    """Someone changed a term while it was being edited: their version and this one side by
    side; keep mine, take theirs, or edit again."""

    KEEP_MINE, TAKE_THEIRS, EDIT = 1, 2, 3

    def __init__(self, message: str, theirs: TermRecord | None, mine: dict[str, str],
                 base: TermRecord | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.theirs, self.mine = theirs, mine
        self.choice = self.EDIT
        layout = QVBoxLayout(self)
        text = QLabel(message, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Theirs (saved)</b>"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Yours (not saved)</b>"), self), 0, 2)
        for row, (field, label) in enumerate(CONFLICT_FIELDS, 1):
            their_value = str(getattr(theirs, field)) if theirs is not None else self.tr("(deleted)")
            my_value = mine.get(field, str(getattr(base, field)) if base is not None else their_value)
            if theirs is not None and my_value == their_value and field not in mine:
                continue
            grid.addWidget(QLabel(translate(CONTEXT, label), self), row, 0)
            for column, value in ((1, their_value), (2, my_value)):
                cell = QLabel(value, self)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                cell.setWordWrap(True)
                if value != (my_value if column == 1 else their_value):
                    cell.setStyleSheet("font-weight: bold;")
                grid.addWidget(cell, row, column)
        layout.addLayout(grid)
        if theirs is not None and theirs.changed_by:
            layout.addWidget(QLabel(self.tr("Last changed by {name}.").format(name=theirs.changed_by), self))
        buttons = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("&Keep Mine"), self)
        self.keep_button.setObjectName("keepMine")
        self.take_button = QPushButton(self.tr("&Take Theirs"), self)
        self.take_button.setObjectName("takeTheirs")
        self.edit_button = QPushButton(self.tr("&Edit Again"), self)
        self.edit_button.setObjectName("editAgain")
        self.keep_button.setEnabled(theirs is not None)
        for button, choice in ((self.keep_button, self.KEEP_MINE), (self.take_button, self.TAKE_THEIRS),
                               (self.edit_button, self.EDIT)):
            button.clicked.connect(lambda _c=False, chosen=choice: self._choose(chosen))
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()


class ConnectionBanner(QFrame):
    """Shown while the team termbase's server cannot be reached."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        colours = style.scheme()
        self.setStyleSheet(
            f"#connectionBanner {{ background: {colours.banner_background.name()}; "
            f"border: 1px solid {colours.banner_border.name()}; border-radius: 6px; }}"
            f"#connectionBanner QLabel {{ color: {colours.banner_text.name()}; }}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.label = QLabel(self)
        self.label.setObjectName("connectionBannerText")
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)

    def show_lost(self, name: str) -> None:
        self.label.setText(self.tr(
            "<b>The team glossary “{name}” cannot be reached.</b> Reading, highlighting and "
            "translation go on with the terms already loaded; changes cannot be saved until it is "
            "back. Tarjuman keeps trying.").format(name=name))
        self.show()


class TeamController(QObject):
    """Connects to team termbases and keeps the window in step with the team."""

    #: Other clients' changes (from the listener's thread; delivered queued).
    remoteChanged = Signal(object)
    #: Whether the server is reachable (from the listener's thread).
    connectionChanged = Signal(bool)
    #: A team termbase was connected to (tests wait for it).
    connected = Signal()
    #: A conflict dialog was shown (tests use it).
    conflictShown = Signal(object)

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.listener: Any = None
        self.online = True
        action = ctx.action
        self.connect_action = action(self.tr("Connect to &Team Glossary…"), self.show_connect)
        self.offline_action = action(self.tr("Save O&ffline Copy…"), self.save_offline_copy)
        self.recent_menu = QMenu(self.tr("Recent Team Glossaries"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.banner = ConnectionBanner(window)
        self.banner.hide()
        self.where = QLabel(window)
        self.where.setObjectName("termbaseName")
        window.statusBar().addPermanentWidget(self.where)
        self.remoteChanged.connect(self._remote_changed, Qt.ConnectionType.QueuedConnection)
        self.connectionChanged.connect(self._connection_changed, Qt.ConnectionType.QueuedConnection)
        ctx.changed.connect(self._on_changed)
        window.glossary.model.conflictOccurred.connect(self.show_conflict)
        self._show_where()

    # -- lifetime ----------------------------------------------------------------------------
    def start(self) -> None:
        """Follow the team's changes when the glossary is a team termbase."""
        self.stop()
        workspace = self.ctx.workspace
        if workspace.team:
            self.listener = workspace.listen(self.remoteChanged.emit, self.connectionChanged.emit)

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        self.online = True
        self.banner.hide()

    def _on_changed(self, changes: Changes) -> None:
        if changes.glossary:
            self._show_where()
            self.start()

    def _show_where(self) -> None:
        workspace = self.ctx.workspace
        self.where.setText(self.tr("Team glossary: {name}").format(name=workspace.name) if workspace.team
                           else self.tr("Glossary: {name}").format(name=workspace.name))
        self.offline_action.setEnabled(workspace.team)

    # -- the team's changes --------------------------------------------------------------------
    def _remote_changed(self, changes: Changes) -> None:
        self.ctx.publish(changes)

    def _connection_changed(self, online: bool) -> None:
        was, self.online = self.online, online
        if not online:
            self.banner.show_lost(self.ctx.workspace.name)
            self.ctx.status(self.tr("The team glossary cannot be reached; retrying…"))
        elif not was:
            self.banner.hide()
            self.ctx.status(self.tr("The team glossary is back."), 6000)

    # -- connecting ----------------------------------------------------------------------------
    def show_connect(self) -> ConnectDialog:
        dialog = ConnectDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.testRequested.connect(lambda: self._test(dialog))
        dialog.accepted.connect(lambda: self.connect_to(dialog.url(), dialog.typed_password()))
        dialog.open()
        return dialog

    def _test(self, dialog: ConnectDialog) -> None:
        url, password = dialog.url(), dialog.typed_password()
        dialog.show_result(self.tr("Connecting…"), True)
        workspace = self.ctx.workspace

        def done(description: str) -> None:
            dialog.show_result(self.tr("Connected: {what}").format(what=description), True)

        self.ctx.runner.start("test connection", lambda _t: workspace.check_connection(url, password),
                              on_done=done, on_error=lambda exc: dialog.show_result(str(exc), False))

    def connect_to(self, url: str, password: str | None = None) -> None:
        """Open the termbase at ``url`` (off the GUI thread), then switch to it."""
        workspace = self.ctx.workspace
        self.ctx.status(self.tr("Connecting to {name}…").format(name=team_name(url)))

        def opened(factory: Any) -> None:
            self.window.files.before_switch()
            self.ctx.publish(workspace.use_glossary(url, factory))
            opts.remember_termbase(self.ctx.settings, workspace.location)
            self.ctx.status(self.tr("Team glossary: {name}").format(name=workspace.name), 6000)
            self.connected.emit()

        self.ctx.runner.start("connect", lambda _t: workspace.open_factory(url, password), on_done=opened,
                              on_error=self.ctx.error_handler(self.tr("Cannot connect to the team glossary")))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = opts.recent_termbases(self.ctx.settings)
        for url in recent:
            item = self.recent_menu.addAction(team_name(url))
            item.setToolTip(url)
            item.triggered.connect(lambda _c=False, chosen=url: self.connect_to(chosen))
        if not recent:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    # -- offline -------------------------------------------------------------------------------
    def save_offline_copy(self, path: Path | None = None) -> None:
        workspace = self.ctx.workspace
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save offline copy"),
                                                  str(workspace.db_path), self.tr("Glossaries (*.db)"))
            if not name:
                return
            path = Path(name)
        chosen = path
        self.ctx.status(self.tr("Saving an offline copy…"))
        self.ctx.runner.start(
            "offline copy", lambda t: workspace.save_offline_copy(chosen, t.progress, t.cancel).value,
            on_done=lambda count: self.ctx.status(self.tr("Saved %n terms to {path} for work offline.",
                                                          None, count).format(path=chosen), 8000),
            on_error=self.ctx.error_handler(self.tr("Cannot save the offline copy")))

    # -- conflicts -----------------------------------------------------------------------------
    def show_conflict(self, error: EditConflictError, base: TermRecord | None = None) -> ConflictDialog:
        theirs = error.theirs if isinstance(error.theirs, TermRecord) else None
        dialog = ConflictDialog(str(error), theirs, error.mine, base, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._resolve(dialog))
        dialog.open()
        self.conflictShown.emit(dialog)
        return dialog

    def _resolve(self, dialog: ConflictDialog) -> None:
        theirs, workspace = dialog.theirs, self.ctx.workspace
        if theirs is None:
            return
        if dialog.choice == ConflictDialog.KEEP_MINE:
            try:
                outcome = workspace.update_term(theirs.id, theirs.version, **dialog.mine)
            except EditConflictError as again:  # changed once more meanwhile: ask again
                self.show_conflict(again)
                return
            except ConnectionLostError as exc:
                self.ctx.show_error(self.tr("Cannot save the term"), exc)
                return
            self.ctx.publish(outcome.changes)
        else:
            self.ctx.publish(Changes(terms=(theirs,)))
            self.window.glossary.select_term(theirs.id)

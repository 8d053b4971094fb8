"""Glossary files: File → New Glossary…, Open Glossary…, Back Up Glossary Now, Restore
Glossary from Backup…, and the backup made when Tarjuman opens a glossary."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog

from desktop.core.changes import Changes
from desktop.core.workspace import BackupInfo
from desktop.ui.backups import RestoreDialog
from desktop.ui.context import AppContext

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class GlossaryFilesController(QObject):
    """Switches, backs up and restores the open glossary."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        action = ctx.action
        self.new_glossary_action = action(self.tr("&New Glossary…"), self.new_glossary)
        self.open_glossary_action = action(self.tr("Open &Glossary…"), self.open_glossary)
        self.backup_action = action(self.tr("&Back Up Glossary Now"), self.backup_glossary)
        self.restore_action = action(self.tr("Restore Glossary from Bac&kup…"), self.restore_glossary)

    def backup_at_open(self) -> None:
        workspace = self.ctx.workspace
        self.ctx.runner.start("backup at open", lambda _t: workspace.backup_at_open(),
                              on_error=lambda exc: log.warning("backup at open failed: %s", exc))

    def new_glossary(self) -> None:
        suggested = str(self.ctx.workspace.db_path.with_name("glossary-new.db"))
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("New glossary"), suggested,
                                              self.tr("Glossaries (*.db)"))
        if name:
            self.switch_glossary(Path(name), new=True)

    def open_glossary(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open glossary"),
                                              str(self.ctx.workspace.db_path.parent),
                                              self.tr("Glossaries (*.db);;All files (*)"))
        if name:
            self.switch_glossary(Path(name))

    def before_switch(self) -> None:
        """Let go of what belongs to the glossary being left (positions, jobs, undo)."""
        self.window.documents.sync_position()
        self.window.exchange.forget_job()
        self.window.glossary.undo_stack.clear()

    def switch_glossary(self, path: Path, new: bool = False) -> None:
        """Use the glossary (and its translation memory) in ``path``; the old one is closed.
        With ``new``, ``path`` must not exist yet."""
        workspace = self.ctx.workspace
        try:
            if new and path.exists():
                workspace.create_glossary(path)  # says that it exists
            self.before_switch()
            changes = workspace.switch_glossary(path)
        except Exception as exc:
            self.ctx.show_error(self.tr("New glossary") if new else self.tr("Cannot open the glossary"), exc)
            return
        self.ctx.publish(changes)
        self.ctx.status(self.tr("Glossary: {path}").format(path=path), 6000)

    def backup_glossary(self) -> None:
        workspace = self.ctx.workspace
        self.ctx.runner.start("backup", lambda _t: workspace.backup_now(),
                              on_done=lambda path: self.ctx.status(
                                  self.tr("Backed up to {path}").format(path=path), 8000),
                              on_error=self.ctx.error_handler(self.tr("Backup failed")))

    def restore_glossary(self) -> RestoreDialog:
        dialog = RestoreDialog(self.ctx.workspace.db_path, self.ctx.workspace.backups(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._restore(dialog.chosen()))
        dialog.open()
        return dialog

    def _restore(self, chosen: BackupInfo | None) -> None:
        if chosen is None:
            return
        self.window.translation.cancel_translation()
        self.before_switch()
        self.ctx.runner.shutdown(5000)  # nothing may hold the glossary open while it is replaced
        changes: Changes | None = None
        try:
            changes = self.ctx.workspace.restore_backup(chosen)
        except Exception as exc:
            self.ctx.show_error(self.tr("Restore failed"), exc)
        if changes is not None:
            self.ctx.publish(changes)
            self.ctx.status(self.tr("Restored the backup of {date}").format(
                date=f"{chosen.created.astimezone():%Y-%m-%d %H:%M}"), 8000)
        else:
            self.ctx.publish(Changes(glossary=True, all_terms=True, categories=True, matches=True))

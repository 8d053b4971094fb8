"""File → Restore Glossary from Backup…: a glossary's backups, with date, terms and reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.workspace import BackupInfo
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate

REASONS = {"open": QT_TRANSLATE_NOOP("Tarjuman", "when opened"),
           "manual": QT_TRANSLATE_NOOP("Tarjuman", "by you"),
           "before-import": QT_TRANSLATE_NOOP("Tarjuman", "before an import"),
           "before-upgrade": QT_TRANSLATE_NOOP("Tarjuman", "before an upgrade"),
           "before-restore": QT_TRANSLATE_NOOP("Tarjuman", "before a restore"),
           "before-repair": QT_TRANSLATE_NOOP("Tarjuman", "before repairing damaged values")}


def reason(info: BackupInfo) -> str:
    """Why the backup was made, in the interface language."""
    return translate(CONTEXT, REASONS[info.reason]) if info.reason in REASONS else info.reason


def describe(info: BackupInfo) -> str:
    terms = (translate("Tarjuman", "term count unknown") if info.terms is None
             else translate("Tarjuman", "{count} terms").format(count=info.terms))
    return f"{info.created.astimezone():%Y-%m-%d %H:%M:%S} · {terms} · {reason(info)}"


class RestoreDialog(QDialog):
    """Pick a backup; ``chosen()`` after ``accept``."""

    def __init__(self, db_path: Path, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setObjectName("restoreDialog")
        self.resize(560, 340)
        self.backups = backups
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Replace <b>{name}</b> with one of its backups. The glossary as it is now is "
            "backed up first.").format(name=db_path.name), self))
        self.table = QTableWidget(len(self.backups), 3, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Terms"), self.tr("Why")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        for row, info in enumerate(self.backups):
            cells = (f"{info.created.astimezone():%Y-%m-%d %H:%M:%S}",
                     self.tr("unreadable") if info.terms is None else str(info.terms), reason(info))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

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

REASONS = {"open": "when opened", "manual": "by you", "before-import": "before an import",
           "before-upgrade": "before an upgrade", "before-restore": "before a restore",
           "before-repair": "before repairing damaged values"}


def describe(info: BackupInfo) -> str:
    terms = "term count unknown" if info.terms is None else f"{info.terms} terms"
    why = REASONS.get(info.reason, info.reason)
    return f"{info.created.astimezone():%Y-%m-%d %H:%M:%S} · {terms} · {why}"


class RestoreDialog(QDialog):
    """Pick a backup; ``chosen()`` after ``accept``."""

    def __init__(self, db_path: Path, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.setObjectName("restoreDialog")
        self.resize(560, 340)
        self.backups = backups
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            f"Replace <b>{db_path.name}</b> with one of its backups. The glossary as it is now is "
            "backed up first.", self))
        self.table = QTableWidget(len(self.backups), 3, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels(["Made", "Terms", "Why"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        for row, info in enumerate(self.backups):
            cells = (f"{info.created.astimezone():%Y-%m-%d %H:%M:%S}",
                     "unreadable" if info.terms is None else str(info.terms),
                     REASONS.get(info.reason, info.reason))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Restore")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

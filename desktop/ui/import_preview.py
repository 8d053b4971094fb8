"""The import preview: what a glossary file holds, how its columns map, what will happen."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.errors import TarjumanError
from desktop.core.glossary import exchange
from desktop.core.glossary.exchange import FIELDS, ImportRow, Table

Background = Callable[[Callable[[], object], Callable[[object], None]], None]

IGNORE = "(ignore)"
POLICIES = {"Update entries with the same Arabic and English": "update",
            "Skip terms whose Arabic is already in the glossary": "skip",
            "Keep both (add new English, leave existing entries as they are)": "keep-both"}
PREVIEW_ROWS = 12
COUNT_UP_TO = 20_000  # rows: counting what would happen is a rolled-back import
COUNT_DELAY_MS = 50  # after the dialog shows


class ImportPreviewDialog(QDialog):
    """Shows the first rows and a column → field mapping; nothing is written here.

    After ``accept``, ``rows()`` and ``policy()`` say what to import.
    """

    def __init__(self, path: Path, fmt: str, table: Table | None, rows: list[ImportRow] | None,
                 factory: sessionmaker[Session], parent: QWidget | None = None,
                 background: Background | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {path.name}")
        self.setObjectName("importPreview")
        self.resize(820, 520)
        self._table = table
        self._fixed_rows = rows
        self._factory = factory
        self._background = background
        self._count_serial = 0
        self._rows: list[ImportRow] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{path.name}</b> · {fmt.upper()}", self))
        self.preview = QTableWidget(self)
        self.preview.setObjectName("importTable")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview, 1)
        self.mapping_boxes: list[QComboBox] = []
        form = QFormLayout()
        self.policy_box = QComboBox(self)
        self.policy_box.setObjectName("importPolicy")
        self.policy_box.addItems(list(POLICIES))
        form.addRow("Terms already in the glossary:", self.policy_box)
        layout.addLayout(form)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill_preview()
        # A count still running when the dialog closes must not touch its deleted widgets.
        self.finished.connect(self._forget_counts)
        self.policy_box.currentTextChanged.connect(lambda _t: self.update_summary())
        self._counting_started = background is None
        if background is None:
            self.update_summary()
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self.summary.setText("Reading the rows and counting what would change…")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._counting_started:
            # The count is Python work in the background; started once the dialog has been
            # drawn, it does not compete with drawing it for the interpreter lock.
            self._counting_started = True
            QTimer.singleShot(COUNT_DELAY_MS, self.update_summary)

    def _fill_preview(self) -> None:
        if self._table is not None:
            table = self._table
            mapping = exchange.guess_mapping(table)
            by_column = {column: field for field, column in mapping.items()}
            self.preview.setColumnCount(table.width)
            sample = table.rows[:PREVIEW_ROWS]
            self.preview.setRowCount(len(sample) + 1)
            for column in range(table.width):
                box = QComboBox(self.preview)
                box.addItems([IGNORE, *FIELDS])
                box.setCurrentText(by_column.get(column, IGNORE))
                box.currentTextChanged.connect(lambda _t: self.update_summary())
                self.preview.setCellWidget(0, column, box)
                self.mapping_boxes.append(box)
            self.preview.setVerticalHeaderLabels(["Field"] + [str(line) for line, _ in sample])
            headers = table.header or [f"Column {c + 1}" for c in range(table.width)]
            self.preview.setHorizontalHeaderLabels(headers + [""] * (table.width - len(headers)))
            for row, (_line, cells) in enumerate(sample, 1):
                for column, value in enumerate(cells):
                    self.preview.setItem(row, column, QTableWidgetItem(value))
        else:
            rows = self._fixed_rows or []
            labels = ["Arabic", "English", "Category", "Note", "Context"]
            self.preview.setColumnCount(len(labels))
            self.preview.setHorizontalHeaderLabels(labels)
            self.preview.setRowCount(min(len(rows), PREVIEW_ROWS))
            for row, r in enumerate(rows[:PREVIEW_ROWS]):
                for column, value in enumerate((r.source, r.target, r.category, r.note, r.context)):
                    self.preview.setItem(row, column, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()

    def _forget_counts(self, _result: int = 0) -> None:
        self._count_serial = -1

    def mapping(self) -> dict[str, int]:
        return {box.currentText(): column for column, box in enumerate(self.mapping_boxes)
                if box.currentText() != IGNORE}

    def policy(self) -> str:
        return POLICIES[self.policy_box.currentText()]

    def rows(self) -> list[ImportRow]:
        return self._rows

    def update_summary(self) -> None:
        """Convert the rows with the current mapping and count what the import would do: in
        the background when there is one (Import stays disabled until then)."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        if self._count_serial < 0:
            return
        self._count_serial += 1
        serial = self._count_serial
        factory, table, fixed, mapping, policy = (self._factory, self._table, self._fixed_rows,
                                                  self.mapping(), self.policy())

        def work() -> object:
            try:
                rows = (exchange.rows_from_table(table, mapping) if table is not None
                        else list(fixed or []))
                if len(rows) > COUNT_UP_TO:
                    return rows, None
                with factory.begin() as session:
                    result = exchange.import_rows(session, rows, policy=policy)
                    session.rollback()  # a dry run: nothing is written
                return rows, result
            except TarjumanError as exc:
                return exc

        def show(outcome: object) -> None:
            if serial != self._count_serial or self._count_serial < 0:
                return  # the mapping or policy changed meanwhile, or the dialog closed
            if isinstance(outcome, TarjumanError):
                self._rows = []
                self.summary.setText(f"⚠ {outcome}")
                return
            assert isinstance(outcome, tuple)
            rows, result = outcome
            self._rows = rows
            ok.setEnabled(bool(rows))
            if result is None:
                self.summary.setText(f"{len(rows)} terms to import. Nothing is written until you "
                                     "press Import; an error in any row cancels the whole import.")
            else:
                self.summary.setText(
                    f"{len(rows)} terms: {result.added} new, {result.updated} updated, "
                    f"{result.skipped} skipped. Nothing is written until you press Import.")

        if self._background is None:
            show(work())
        else:
            self.summary.setText("Reading the rows and counting what would change…")
            self._background(work, show)

"""The import preview: what a glossary file holds, how its columns map, what will happen."""

from __future__ import annotations

from typing import Union

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

from desktop.core.errors import TarjumanError
from desktop.core.glossary import exchange
from desktop.core.glossary.exchange import FIELDS, ImportResult, ImportRow
from desktop.core.workspace import ImportFile, Workspace
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate
from desktop.ui.workers import TaskRunner

#: What counting gives: the rows and what importing them would do (None: too many to
#: count), or why they cannot be imported.
Count = Union[tuple[list[ImportRow], Union[ImportResult, None]], TarjumanError]

POLICIES = {QT_TRANSLATE_NOOP("Tarjuman", "Update entries with the same Arabic and English"): "update",
            QT_TRANSLATE_NOOP("Tarjuman", "Skip terms whose Arabic is already in the glossary"): "skip",
            QT_TRANSLATE_NOOP("Tarjuman", "Keep both (add new English, leave existing entries as they are)"):
                "keep-both"}
NEW_CATEGORIES = {QT_TRANSLATE_NOOP("Tarjuman", "Map them to “other”"): "other",
                  QT_TRANSLATE_NOOP("Tarjuman", "Create them"): "create"}
PREVIEW_ROWS = 12
COUNT_UP_TO = 20_000  # rows: counting what would happen is a rolled-back import
COUNT_DELAY_MS = 50  # after the dialog shows


class ImportPreviewDialog(QDialog):
    """Shows the first rows and a column → field mapping; nothing is written here.

    After ``accept``, ``rows()`` and ``policy()`` say what to import.
    """

    def __init__(self, file: ImportFile, workspace: Workspace, parent: QWidget | None = None,
                 runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        path, fmt = file.path, file.format
        self.setWindowTitle(self.tr("Import {name}").format(name=path.name))
        self.setObjectName("importPreview")
        self.resize(820, 520)
        self._table = file.table
        self._fixed_rows = file.rows
        self._workspace = workspace
        self._runner = runner
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
        for label, policy in POLICIES.items():
            self.policy_box.addItem(translate(CONTEXT, label), policy)
        form.addRow(self.tr("Terms already in the glossary:"), self.policy_box)
        self.categories_box = QComboBox(self)
        self.categories_box.setObjectName("importNewCategories")
        for label, choice in NEW_CATEGORIES.items():
            self.categories_box.addItem(translate(CONTEXT, label), choice)
        form.addRow(self.tr("Categories the glossary lacks:"), self.categories_box)
        layout.addLayout(form)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill_preview()
        # A count still running when the dialog closes must not touch its deleted widgets.
        self.finished.connect(self._forget_counts)
        self.policy_box.currentTextChanged.connect(lambda _t: self.update_summary())
        self.categories_box.currentTextChanged.connect(lambda _t: self.update_summary())
        self._counting_started = runner is None
        if runner is None:
            self.update_summary()
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self.summary.setText(self.tr("Reading the rows and counting what would change…"))

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
                box.addItem(self.tr("(ignore)"), None)
                for field in FIELDS:
                    box.addItem(field, field)
                box.setCurrentIndex(max(box.findData(by_column[column]), 0) if column in by_column else 0)
                box.currentTextChanged.connect(lambda _t: self.update_summary())
                self.preview.setCellWidget(0, column, box)
                self.mapping_boxes.append(box)
            self.preview.setVerticalHeaderLabels([self.tr("Field")] + [str(line) for line, _ in sample])
            column_name = self.tr("Column {number}")
            headers = table.header or [column_name.format(number=c + 1) for c in range(table.width)]
            self.preview.setHorizontalHeaderLabels(headers + [""] * (table.width - len(headers)))
            for row, (_line, cells) in enumerate(sample, 1):
                for column, value in enumerate(cells):
                    self.preview.setItem(row, column, QTableWidgetItem(value))
        else:
            rows = self._fixed_rows or []
            labels = [self.tr("Arabic"), self.tr("English"), self.tr("Category"), self.tr("Note"),
                      self.tr("Context"), self.tr("Subject"), self.tr("Part of speech")]
            self.preview.setColumnCount(len(labels))
            self.preview.setHorizontalHeaderLabels(labels)
            self.preview.setRowCount(min(len(rows), PREVIEW_ROWS))
            for row, r in enumerate(rows[:PREVIEW_ROWS]):
                for column, value in enumerate((r.source, r.target, r.category or "", r.note, r.context,
                                                r.subject, r.pos)):
                    self.preview.setItem(row, column, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()

    def _forget_counts(self, _result: int = 0) -> None:
        self._count_serial = -1

    def mapping(self) -> dict[str, int]:
        return {box.currentData(): column for column, box in enumerate(self.mapping_boxes)
                if box.currentData() is not None}

    def policy(self) -> str:
        return str(self.policy_box.currentData())

    def new_categories(self) -> str:
        return str(self.categories_box.currentData())

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
        workspace, table, fixed, mapping, policy = (self._workspace, self._table, self._fixed_rows,
                                                    self.mapping(), self.policy())
        new_categories = self.new_categories()

        def work() -> Count:
            try:
                rows = (exchange.rows_from_table(table, mapping) if table is not None
                        else list(fixed or []))
                if len(rows) > COUNT_UP_TO:
                    return rows, None
                return rows, workspace.dry_run_import(rows, policy, new_categories)
            except TarjumanError as exc:
                return exc

        def show(outcome: Count) -> None:
            if serial != self._count_serial or self._count_serial < 0:
                return  # the mapping or policy changed meanwhile, or the dialog closed
            if isinstance(outcome, TarjumanError):
                self._rows = []
                self.summary.setText(f"⚠ {outcome}")
                return
            rows, result = outcome
            self._rows = rows
            ok.setEnabled(bool(rows))
            if result is None:
                self.summary.setText(self.tr("%n terms to import. Nothing is written until you press "
                                             "Import; an error in any row cancels the whole import.", None,
                                             len(rows)))
            else:
                self.summary.setText(self.tr(
                    "%n terms: {added} new, {updated} updated, {skipped} skipped. Nothing is written until "
                    "you press Import.", None, len(rows)).format(added=result.added, updated=result.updated,
                                                                 skipped=result.skipped))

        if self._runner is None:
            show(work())
        else:
            self.summary.setText(self.tr("Reading the rows and counting what would change…"))
            self._runner.start("count import", lambda _t: work(), on_done=show, heavy=True)

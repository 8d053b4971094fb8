"""The glossary dock: search box, editable table, delete and export."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.db.models import CATEGORIES
from desktop.ui.glossary_model import GlossaryModel

SEARCH_DELAY_MS = 120


class CategoryDelegate(QStyledItemDelegate):
    """Edits the category column with a combo box of the known categories."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(list(CATEGORIES))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: object,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]


class GlossaryPanel(QDockWidget):
    """Dock widget presenting a ``GlossaryModel``. ``exportRequested`` asks for a CSV export."""

    exportRequested = Signal()

    def __init__(self, factory: sessionmaker[Session], parent: QWidget | None = None) -> None:
        super().__init__("Glossary", parent)
        self.setObjectName("glossaryDock")
        self.model = GlossaryModel(factory, self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.search = QLineEdit(body)
        self.search.setObjectName("glossarySearch")
        self.search.setPlaceholderText("Search Arabic, English or notes…")
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)

        self.table = QTableView(body)
        self.table.setObjectName("glossaryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegateForColumn(2, CategoryDelegate(self.table))
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.count_label = QLabel(body)
        self.count_label.setObjectName("glossaryCount")
        buttons.addWidget(self.count_label, 1)
        self.delete_button = QPushButton("Delete", body)
        self.delete_button.setToolTip("Delete the selected terms (Delete)")
        self.export_button = QPushButton("Export CSV…", body)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.setWidget(body)

        self.delete_action = QAction("Delete selected terms", self.table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        self.delete_action.triggered.connect(self.delete_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.exportRequested)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.model.modelReset.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.model.errorOccurred.connect(self._show_error)
        self._update_count()

    def _apply_search(self) -> None:
        self.model.set_query(self.search.text())

    def refresh(self) -> None:
        self.model.refresh()

    def select_term(self, term_id: int) -> None:
        """Scroll to and select a term if it is in the current result."""
        row = self.model.row_of(term_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def delete_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            return
        if len(rows) == 1:
            rec = self.model.record(rows[0])
            question = f"Delete “{rec.source if rec else ''}” → “{rec.target if rec else ''}”?"
        else:
            question = f"Delete {len(rows)} terms?"
        answer = QMessageBox.question(self, "Delete terms", question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.model.delete_rows(rows)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if self.model.query:
            self.count_label.setText(f"{n} matching term{'s' if n != 1 else ''}")
        else:
            self.count_label.setText(f"{n} term{'s' if n != 1 else ''}")

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, "Glossary", message)

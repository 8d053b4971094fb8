"""The glossary dock: search, category filter, sortable editable table, undoable delete."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.core.workspace import TermRecord, Workspace
from desktop.ui import style
from desktop.ui.glossary_model import COLUMNS, GlossaryModel
from desktop.ui.i18n import CONTEXT, plural, translate
from desktop.ui.workers import TaskRunner

ADDED_COLUMN = [field for field, _label in COLUMNS].index("created")
NOTE_COLUMN = [field for field, _label in COLUMNS].index("note")
OPTIONAL_COLUMNS = tuple(i for i, (field, _label) in enumerate(COLUMNS)
                         if field in ("subject", "pos", "created_by", "changed_by"))
WHO_COLUMNS = tuple(i for i, (field, _label) in enumerate(COLUMNS) if field in ("created_by", "changed_by"))

# The search runs once typing pauses this long: enough to take a burst (a paste, a held key,
# a fast typist's next letter) as one search, short enough that each letter of ordinary typing
# (150 ms or more apart) shows its result. A search of 100,000 terms costs about 10-30 ms.
SEARCH_DELAY_MS = 50


class CategoryDelegate(QStyledItemDelegate):
    """Edits the category column with a combo box of the known categories."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(style.category_names())
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: object,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]


class GlossaryTable(QTableView):
    """The glossary table; says when it is resized, so that the rows coming into view are
    filled."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class DeleteTerms(QUndoCommand):
    """Deleting terms, undoable: undo puts them back with the same ids and fields."""

    def __init__(self, model: GlossaryModel, ids: list[int], text: str = "") -> None:
        super().__init__(text or translate("Tarjuman", "Delete terms"))
        self._model = model
        self._ids = ids
        self._records: list[TermRecord] = []

    def redo(self) -> None:
        self._records = self._model.delete_ids(self._ids)

    def undo(self) -> None:
        self._model.restore(self._records)


class GlossaryPanel(QDockWidget):
    """Dock widget presenting a ``GlossaryModel``.

    Signals: ``exportRequested()``; ``changed(Changes)`` after any change made here (edit,
    delete, undo, redo); ``showInDocumentRequested(term_id)``. ``apply(changes)`` updates
    the panel after any action.
    """

    exportRequested = Signal()
    changed = Signal(object)
    showInDocumentRequested = Signal(int)
    studyRequested = Signal(int)  # a term to add to the reviews

    def __init__(self, workspace: Workspace, parent: QWidget | None = None,
                 runner: TaskRunner | None = None, defer_load: bool = False) -> None:
        super().__init__(self.tr("Glossary"), parent)
        self.setObjectName("glossaryDock")
        self.model = GlossaryModel(workspace, self, runner, defer=defer_load)
        self.undo_stack = QUndoStack(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        row = QHBoxLayout()
        self.search = QLineEdit(body)
        self.search.setObjectName("glossarySearch")
        self.search.setPlaceholderText(self.tr("Search Arabic, English or notes…"))
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 1)
        self.category_filter = QComboBox(body)
        self.category_filter.setObjectName("categoryFilter")
        # Narrow docks: the filter shows a few letters rather than holding the dock wide.
        self.category_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category_filter.setMinimumContentsLength(8)
        row.addWidget(self.category_filter)
        layout.addLayout(row)

        self.read_only_label = QLabel(self.tr(
            "<b>Read-only glossary.</b> You may read, search and export its terms; nothing can be "
            "saved in it (you may not write the file or its folder)."), body)
        self.read_only_label.setObjectName("readOnlyBanner")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.hide()
        layout.addWidget(self.read_only_label)

        self.legend = QHBoxLayout()
        self.legend.setSpacing(4)
        layout.addLayout(self.legend)
        self._legend_body = body
        self._show_categories()

        self.table = GlossaryTable(body)
        self.table.setObjectName("glossaryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._edit_triggers = (QAbstractItemView.EditTrigger.DoubleClicked
                               | QAbstractItemView.EditTrigger.EditKeyPressed
                               | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setEditTriggers(self._edit_triggers)
        self.table.setItemDelegateForColumn(2, CategoryDelegate(self.table))
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((2, 96), (3, 96), (4, 80), (5, 60), (6, 84)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)  # the Arabic and English columns get the rest
        # Subject field and part of speech show once a term has one (TBX imports), or by choice
        # from the header's menu.
        self._chosen_columns: set[int] = set()
        for column in OPTIONAL_COLUMNS:
            self.table.setColumnHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.count_label = QLabel(body)
        self.count_label.setObjectName("glossaryCount")
        buttons.addWidget(self.count_label, 1)
        self.delete_button = QPushButton(self.tr("Delete"), body)
        self.delete_button.setToolTip(self.tr("Delete the selected terms (Delete; Ctrl+Z undoes)"))
        self.export_button = QPushButton(self.tr("Export…"), body)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.setWidget(body)

        self.delete_action = QAction(self.tr("Delete Selected Terms"), self.table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        self.delete_action.triggered.connect(self.delete_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.exportRequested)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.category_filter.currentIndexChanged.connect(
            lambda _index: self.model.set_category(self.category_filter.currentData()))

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.model.modelReset.connect(self._update_count)
        self.model.loaded.connect(self._show_used_columns)
        self.model.modelReset.connect(self._fill_visible)
        self.model.rowsInserted.connect(lambda *_args: self._fill_visible())
        self.table.verticalScrollBar().valueChanged.connect(self._fill_visible)
        self.table.resized.connect(self._fill_visible)
        self.table.resized.connect(self._show_used_columns)
        self.model.errorOccurred.connect(self._show_error)
        self.model.changed.connect(self.changed)
        self._update_count()
        self._show_used_columns()

    def apply(self, changes: Changes) -> None:
        """Show what an action changed: categories, rows (in place), another glossary."""
        if changes.glossary:
            self.undo_stack.clear()
        if changes.categories:
            self._show_categories()
        self.model.apply(changes)
        if changes.categories:
            self._fill_visible()
        if changes.terms or changes.removed_terms:
            self._update_count()
            self._show_used_columns()

    def restyle(self) -> None:
        """The colour scheme changed: category chips and cells take its colours."""
        self._show_categories()
        self.model.restyle()
        self._fill_visible()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only_label.setVisible(read_only)
        self.delete_button.setEnabled(not read_only)
        self.delete_action.setEnabled(not read_only)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                   else self._edit_triggers)

    def _show_used_columns(self) -> None:
        """Show the subject, part-of-speech and who-added/changed columns when a term has a
        value there (a team glossary records who), and in a narrow panel leave out the names,
        then the date, then the note, so that the Arabic and English keep room (unless the
        user chose otherwise from the header's menu)."""
        width = self.table.viewport().width()
        for column in OPTIONAL_COLUMNS:
            if column not in self._chosen_columns:
                narrow = column in WHO_COLUMNS and width < 640
                self.table.setColumnHidden(column, narrow or not self.model.uses(COLUMNS[column][0]))
        for column, below in ((ADDED_COLUMN, 460), (NOTE_COLUMN, 360)):
            if column not in self._chosen_columns:
                self.table.setColumnHidden(column, width < below)

    def _header_menu(self, pos: QPoint) -> None:
        """Show or hide columns (the Arabic and English always show)."""
        menu = QMenu(self)
        for column in range(2, len(COLUMNS)):
            action = menu.addAction(translate(CONTEXT, COLUMNS[column][1]))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.set_column_shown(c, on))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def set_column_shown(self, column: int, shown: bool) -> None:
        self._chosen_columns.add(column)
        self.table.setColumnHidden(column, not shown)

    def show_term(self, term_id: int) -> None:
        """Show every term and select this one (the term dialog's "Show existing")."""
        self.show()
        self.search.clear()
        self.category_filter.setCurrentIndex(0)
        self.model.set_query("")
        self.select_term(term_id)

    def _show_categories(self) -> None:
        while self.legend.count():
            item = self.legend.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for category in style.category_names():
            swatch = QLabel(category, self._legend_body)
            swatch.setObjectName(f"legend-{category}")
            swatch.setStyleSheet(f"background: {style.category_colour(category).name()};"
                                 f"color: {style.category_text(category).name()};"
                                 "border-radius: 3px; padding: 1px 6px;")
            swatch.setToolTip(self.tr("Terms of category “{category}” are highlighted in this colour").format(
                category=category))
            # In a narrow dock the chips are cut rather than holding the dock wide.
            swatch.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            swatch.setMinimumWidth(24)
            self.legend.addWidget(swatch)
        self.legend.addStretch(1)
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for name in style.category_names():
            self.category_filter.addItem(name, name)
        self.category_filter.setCurrentIndex(max(self.category_filter.findData(current), 0)
                                             if current in style.category_names() else 0)
        self.category_filter.blockSignals(False)
        if self.category_filter.currentData() is None and self.model.category:
            self.model.set_category(None)

    def _fill_visible(self) -> None:
        """Have the model fill the rows in view (and half a screenful either side) before Qt
        paints them."""
        height = self.table.viewport().height()
        first = self.table.rowAt(0)
        last = self.table.rowAt(height - 1)
        first = max(first, 0)
        if last < 0:
            last = first + max(height // max(self.table.verticalHeader().defaultSectionSize(), 1), 1)
        margin = (last - first) // 2 + 1
        self.model.ensure_rows(first - margin, last + margin)

    def _apply_search(self) -> None:
        self.model.set_query(self.search.text())

    def select_term(self, term_id: int) -> None:
        """Scroll to and select a term if it is in the current result."""
        row = self.model.row_of(term_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.term_id(r) for r in rows]

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            rec = self.model.record(self.model.row_of(ids[0]))
            question = self.tr("Delete “{source}” → “{target}”? (Ctrl+Z undoes it.)").format(
                source=rec.source if rec else "", target=rec.target if rec else "")
        else:
            question = self.tr("Delete %n terms? (Ctrl+Z undoes it.)", None, len(ids))
        answer = QMessageBox.question(self, self.tr("Delete terms"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            n = len(ids)
            text = plural(n, self.tr("Delete %n term", None, n), self.tr("Delete %n terms", None, n))
            self.undo_stack.push(DeleteTerms(self.model, ids, text))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        term_id = self.model.term_id(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Show in Document"), lambda: self.showInDocumentRequested.emit(term_id))
        menu.addAction(self.tr("Study in Reviews"), lambda: self.studyRequested.emit(term_id))
        menu.addAction(self.tr("Delete"), self.delete_selected)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        total = self.model.total()
        if self.model.query or self.model.category:
            text = plural(n, self.tr("%n matching term of {total}", None, n),
                          self.tr("%n matching terms of {total}", None, n))
            self.count_label.setText(text.format(total=total))
        elif self.model.loading and not total:
            self.count_label.setText(self.tr("Reading the glossary…"))
        else:
            self.count_label.setText(plural(n, self.tr("%n term", None, n), self.tr("%n terms", None, n)))

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Glossary"), message)

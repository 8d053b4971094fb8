"""The Vocabulary dock: a learner's words with their gloss, status, context and document."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.vocabulary import VocabEntry
from desktop.ui import style

FILTERS = {"Learning": (1, 2, 3, 4), "New": (0,), "Known": (5,), "Ignored": (6,), "All words": ()}
COLUMNS = ("Word", "Lemma", "Status", "Gloss", "Context", "Document")


class VocabularyPanel(QDockWidget):
    """Shows the entries it is given; ``filterChanged()`` asks for another list."""

    filterChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Vocabulary", parent)
        self.setObjectName("vocabularyDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.search = QLineEdit(body)
        self.search.setObjectName("vocabularySearch")
        self.search.setPlaceholderText("Search words, lemmas, glosses…")
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 1)
        self.status_filter = QComboBox(body)
        self.status_filter.setObjectName("vocabularyFilter")
        self.status_filter.addItems(list(FILTERS))
        row.addWidget(self.status_filter)
        layout.addLayout(row)
        self.table = QTableWidget(0, len(COLUMNS), body)
        self.table.setObjectName("vocabularyTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.count = QLabel(body)
        self.count.setObjectName("vocabularyCount")
        layout.addWidget(self.count)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.filterChanged)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.status_filter.currentTextChanged.connect(lambda _t: self.filterChanged.emit())

    def statuses(self) -> tuple[int, ...]:
        return FILTERS[self.status_filter.currentText()]

    def show_entries(self, entries: list[VocabEntry]) -> None:
        self.table.setRowCount(len(entries))
        arabic = style.arabic_font(13)
        for r, e in enumerate(entries):
            cells = (e.word, e.lemma, e.status_name, e.gloss, e.context, e.document)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 1, 4):
                    item.setFont(arabic)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.count.setText(f"{len(entries)} word{'s' if len(entries) != 1 else ''}")

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
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, plural, translate

FILTERS = {QT_TRANSLATE_NOOP("Tarjuman", "Learning"): (1, 2, 3, 4),
           QT_TRANSLATE_NOOP("Tarjuman", "New"): (0,),
           QT_TRANSLATE_NOOP("Tarjuman", "Known"): (5,), QT_TRANSLATE_NOOP("Tarjuman", "Ignored"): (6,),
           QT_TRANSLATE_NOOP("Tarjuman", "All words"): ()}
COLUMNS = (QT_TRANSLATE_NOOP("Tarjuman", "Word"), QT_TRANSLATE_NOOP("Tarjuman", "Lemma"),
           QT_TRANSLATE_NOOP("Tarjuman", "Status"), QT_TRANSLATE_NOOP("Tarjuman", "Gloss"),
           QT_TRANSLATE_NOOP("Tarjuman", "Context"), QT_TRANSLATE_NOOP("Tarjuman", "Document"))
#: The core's word statuses, as the interface language writes them.
STATUS_LABELS = {0: QT_TRANSLATE_NOOP("Tarjuman", "new"),
                 1: QT_TRANSLATE_NOOP("Tarjuman", "learning 1"),
                 2: QT_TRANSLATE_NOOP("Tarjuman", "learning 2"),
                 3: QT_TRANSLATE_NOOP("Tarjuman", "learning 3"),
                 4: QT_TRANSLATE_NOOP("Tarjuman", "learning 4"),
                 5: QT_TRANSLATE_NOOP("Tarjuman", "known"),
                 6: QT_TRANSLATE_NOOP("Tarjuman", "ignored")}


def status_label(entry: VocabEntry) -> str:
    """The word's status in the interface language."""
    label = STATUS_LABELS.get(entry.status)
    return translate(CONTEXT, label) if label is not None else entry.status_name


class VocabularyPanel(QDockWidget):
    """Shows the entries it is given; ``filterChanged()`` asks for another list."""

    filterChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Vocabulary"), parent)
        self.setObjectName("vocabularyDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.search = QLineEdit(body)
        self.search.setObjectName("vocabularySearch")
        self.search.setPlaceholderText(self.tr("Search words, lemmas, glosses…"))
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 1)
        self.status_filter = QComboBox(body)
        self.status_filter.setObjectName("vocabularyFilter")
        for label in FILTERS:
            self.status_filter.addItem(translate(CONTEXT, label), label)
        row.addWidget(self.status_filter)
        layout.addLayout(row)
        self.table = QTableWidget(0, len(COLUMNS), body)
        self.table.setObjectName("vocabularyTable")
        self.table.setHorizontalHeaderLabels([translate(CONTEXT, column) for column in COLUMNS])
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
        self.status_filter.currentIndexChanged.connect(lambda _i: self.filterChanged.emit())

    def statuses(self) -> tuple[int, ...]:
        return FILTERS[self.status_filter.currentData()]

    def show_entries(self, entries: list[VocabEntry]) -> None:
        self.table.setRowCount(len(entries))
        arabic = style.arabic_font(13)
        for r, e in enumerate(entries):
            cells = (e.word, e.lemma, status_label(e), e.gloss, e.context, e.document)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 1, 4):
                    item.setFont(arabic)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        count = len(entries)
        self.count.setText(plural(count, self.tr("%n word", None, count), self.tr("%n words", None, count)))

"""The term pane: glossary terms of the current sentence and whether the English has them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.glossary.check import missing_terms
from desktop.core.glossary.matcher import TermMatch
from desktop.ui import style
from desktop.ui.i18n import plural

MISSING = "⚠"
PRESENT = "✔"
LEMMA_MARK = "≈"  # a match through the lemma: another form of the term


class TermPane(QDockWidget):
    """Lists the terms found in one sentence; ``insertRequested(row, english)`` on a click."""

    insertRequested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Terms in This Sentence"), parent)
        self.setObjectName("termPane")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.caption = QLabel(body)
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.table = QTableWidget(0, 4, body)
        self.table.setObjectName("termPaneTable")
        self.table.setHorizontalHeaderLabels(["", self.tr("Arabic"), self.tr("English"), ""])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.row = -1
        self.show_sentence(-1, [], None)

    def show_sentence(self, row: int, matches: list[TermMatch], translation: str | None) -> None:
        """Show the terms of sentence ``row`` against its current translation."""
        self.row = row
        unique: dict[int, TermMatch] = {}
        for match in matches:
            unique.setdefault(match.term.id, match)
        missing = {m.term.id for m in missing_terms(translation, list(unique.values()))}
        self.table.clearContents()  # also removes the old Insert buttons
        self.table.setRowCount(0)
        self.table.setRowCount(len(unique))
        for i, match in enumerate(unique.values()):
            lacking = match.term.id in missing
            status = QTableWidgetItem(MISSING if lacking else PRESENT)
            status.setToolTip(self.tr("The English of this term is not in the translation") if lacking
                              else self.tr("The translation uses the glossary English"))
            colours = style.scheme()
            status.setForeground(QBrush(colours.missing_text if lacking else colours.pending_text))
            arabic = QTableWidgetItem(match.text + (" " + LEMMA_MARK if match.lemma else ""))
            if match.lemma:
                arabic.setToolTip(self.tr("Another form of the glossary entry “{source}”").format(
                    source=match.term.source))
            arabic.setFont(style.arabic_font(13))
            arabic.setBackground(QBrush(style.category_colour(match.term.category)))
            arabic.setForeground(QBrush(style.category_text(match.term.category)))
            arabic.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            english = QTableWidgetItem(match.term.target)
            english.setToolTip(f"{match.term.category}\n{match.term.note}".strip())
            for column, item in enumerate((status, arabic, english)):
                self.table.setItem(i, column, item)
            if lacking:
                button = QPushButton(self.tr("Insert"), self.table)
                button.setToolTip(self.tr("Add the glossary English to this sentence's translation"))
                button.clicked.connect(
                    lambda _c=False, r=row, t=match.term.target: self.insertRequested.emit(r, t))
                self.table.setCellWidget(i, 3, button)
        count = len(unique)
        if row < 0:
            self.caption.setText(self.tr("Click a sentence to see its glossary terms."))
        elif not unique:
            self.caption.setText(self.tr("Sentence {row}: no glossary terms.").format(row=row + 1))
        elif missing:
            self.caption.setText(plural(
                count, self.tr("Sentence {row}: %n glossary term, {missing} missing from the "
                               "translation.", None, count),
                self.tr("Sentence {row}: %n glossary terms, {missing} missing from the "
                        "translation.", None, count)).format(row=row + 1, missing=len(missing)))
        else:
            self.caption.setText(plural(count, self.tr("Sentence {row}: %n glossary term.", None, count),
                                        self.tr("Sentence {row}: %n glossary terms.", None, count)).format(
                row=row + 1))

    def insert_button(self, index: int) -> QPushButton | None:
        widget = self.table.cellWidget(index, 3)
        return widget if isinstance(widget, QPushButton) else None

"""View → Term Check: every sentence whose translation lacks a glossary term's English."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.core.glossary.matcher import TermMatch


class TermCheckDialog(QDialog):
    """Lists (row, missing matches); activating an item emits ``jumpRequested(row)``."""

    jumpRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Term Check"))
        self.setObjectName("termCheck")
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        self.list = QListWidget(self)
        self.list.setObjectName("termCheckList")
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(
            lambda item: self.jumpRequested.emit(item.data(Qt.ItemDataRole.UserRole)))

    def set_problems(self, problems: list[tuple[int, list[TermMatch]]], sentences: int) -> None:
        self.list.clear()
        for row, missing in problems:
            terms = "; ".join(f"{m.text} → {m.term.target}" for m in missing)
            item = QListWidgetItem(self.tr("Sentence {row}: {terms}").format(row=row + 1, terms=terms))
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.list.addItem(item)
        if problems:
            self.summary.setText(self.tr("{count} of %n sentences lack a glossary term's English. "
                                         "Double-click one to go there.", None, sentences).format(
                count=len(problems)))
        else:
            self.summary.setText(self.tr("Every glossary term found in the document has its English in the "
                                         "translation."))

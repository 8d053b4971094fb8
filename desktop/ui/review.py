"""Tools → Review: flashcards of learning words and study terms, keyboard only.

Space or Enter shows the answer, and on the answer means Good; 1 Again, 2 Hard, 3 Good,
4 Easy rate the card (FSRS schedules it) and the next one shows; Esc closes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.vocabulary import StudyItem
from desktop.ui import style
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, plural, translate

RATINGS = ((QT_TRANSLATE_NOOP("Tarjuman", "Again"), 1), (QT_TRANSLATE_NOOP("Tarjuman", "Hard"), 2),
           (QT_TRANSLATE_NOOP("Tarjuman", "Good"), 3), (QT_TRANSLATE_NOOP("Tarjuman", "Easy"), 4))


class ReviewDialog(QDialog):
    """Shows ``items`` one by one; ``rated(card_id, rating)`` for each answer."""

    rated = Signal(int, int)

    def __init__(self, items: list[StudyItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review"))
        self.setObjectName("reviewDialog")
        self.resize(620, 420)
        self.items = list(items)
        self.position = 0
        self.answer_shown = False
        layout = QVBoxLayout(self)
        self.progress = QLabel(self)
        self.progress.setObjectName("reviewProgress")
        layout.addWidget(self.progress)
        self.front = QLabel(self)
        self.front.setObjectName("reviewFront")
        self.front.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.front.setWordWrap(True)
        layout.addWidget(self.front, 2)
        self.back = QLabel(self)
        self.back.setObjectName("reviewBack")
        self.back.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back.setWordWrap(True)
        layout.addWidget(self.back, 1)
        buttons = QHBoxLayout()
        self.show_button = QPushButton(self.tr("Show Answer (Space)"), self)
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the dialog
        self.show_button.clicked.connect(self.show_answer)
        buttons.addWidget(self.show_button)
        self.rate_buttons: list[QPushButton] = []
        for name, rating in RATINGS:
            button = QPushButton(f"{rating} {translate(CONTEXT, name)}", self)
            button.setObjectName(f"rate{name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must not press "Again"
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, r=rating: self.rate(r))
            buttons.addWidget(button)
            self.rate_buttons.append(button)
        layout.addLayout(buttons)
        self._show_card()

    @property
    def current(self) -> StudyItem | None:
        return self.items[self.position] if self.position < len(self.items) else None

    def _show_card(self) -> None:
        item = self.current
        family = escape(style.ARABIC_FAMILY)
        self.answer_shown = False
        self.back.clear()
        for button in self.rate_buttons:
            button.setEnabled(False)
        if item is None:
            count = len(self.items)
            self.progress.setText(plural(count, self.tr("Done: %n card reviewed.", None, count),
                                         self.tr("Done: %n cards reviewed.", None, count)))
            self.front.setText(self.tr("Nothing more is due now. Esc closes."))
            self.show_button.setEnabled(False)
            return
        kind = self.tr("word") if item.kind == "word" else self.tr("glossary term")
        self.progress.setText(self.tr("Card {number} of {count} · {kind}").format(
            number=self.position + 1, count=len(self.items), kind=kind))
        self.front.setText(
            f"<div dir='rtl' style=\"font-family:'{family}'; font-size:30pt\">{escape(item.arabic)}</div>"
            f"<div dir='rtl' style=\"font-family:'{family}'; font-size:14pt; color:gray\">"
            f"{escape(item.context)}</div>")
        self.show_button.setEnabled(True)

    def show_answer(self) -> None:
        item = self.current
        if item is None or self.answer_shown:
            return
        self.answer_shown = True
        parts = [f"<div style='font-size:18pt'><b>{escape(item.english)}</b></div>"]
        if item.gloss:
            parts.append(f"<div style='color:gray'>{escape(item.gloss)}</div>")
        if item.romanized:
            parts.append(f"<div><i>{escape(item.romanized)}</i></div>")
        self.back.setText("".join(parts))
        for button in self.rate_buttons:
            button.setEnabled(True)
        self.show_button.setEnabled(False)

    def rate(self, rating: int) -> None:
        item = self.current
        if item is None or not self.answer_shown:
            return
        self.rated.emit(item.card_id, rating)
        self.position += 1
        self._show_card()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.answer_shown:
                self.rate(3)  # as in Anki: Space or Enter on the answer is Good
            else:
                self.show_answer()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_4:
            self.rate(int(key) - int(Qt.Key.Key_0))
        else:
            super().keyPressEvent(event)

"""The dialog that saves a term pair: Ctrl+T, check the English, Enter."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.core.glossary.record import TermRecord
from desktop.ui import style
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate

#: TBX-Basic's picklist for partOfSpeech, after an empty choice.
PARTS_OF_SPEECH = ("", "noun", "properNoun", "verb", "adjective", "adverb", "other")


class TermDialog(QDialog):
    """Collects source, target, category and note. The caller saves on ``accept``.

    ``showExistingRequested`` asks to show the entry that already has this Arabic.

    ``set_suggestion`` fills the English field later (e.g. when the machine translation of the
    span arrives) unless the user has typed there already.
    """

    showExistingRequested = Signal()

    def __init__(self, source: str, context: str, document: str, *,
                 existing: list[TermRecord] | None = None, suggestion: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Saves the term on Save (the caller's): returns why it could not ("" when saved),
        # and the dialog then stays open. None: Save only closes it (``accepted``).
        self.save: Callable[[TermDialog], str] | None = None
        self.setWindowTitle(self.tr("Add term to glossary"))
        self.setObjectName("termDialog")
        self.setMinimumWidth(520)
        form = QFormLayout(self)

        self.source = QLineEdit(source, self)
        self.source.setObjectName("termSource")
        self.source.setFont(style.arabic_font(15))
        self.source.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        form.addRow(self.tr("Arabic:"), self.source)

        self.target = QLineEdit(self)
        self.target.setObjectName("termTarget")
        self.target.setPlaceholderText(self.tr("English rendering"))
        english_row = QHBoxLayout()
        english_row.addWidget(self.target, 1)
        self.transliteration_button = QPushButton(self)
        self.transliteration_button.setObjectName("transliterationButton")
        self.transliteration_button.setToolTip(
            self.tr("Use this romanisation (a suggestion for names; edit it freely)"))
        self.transliteration_button.clicked.connect(self._use_transliteration)
        self._transliteration = ""
        self.transliteration_button.setAutoDefault(False)
        self.transliteration_button.hide()
        english_row.addWidget(self.transliteration_button)
        form.addRow(self.tr("English:"), english_row)
        self._typed = False
        self.target.textEdited.connect(self._on_edited)

        self.category = QComboBox(self)
        self.category.setObjectName("termCategory")
        self.category.addItems(style.category_names())
        self.category.setCurrentText("other")
        form.addRow(self.tr("Category:"), self.category)

        self.note = QLineEdit(self)
        self.note.setObjectName("termNote")
        form.addRow(self.tr("Note:"), self.note)

        # TBX's subject field and part of speech: optional, kept for CAT tools.
        details = QHBoxLayout()
        self.subject = QLineEdit(self)
        self.subject.setObjectName("termSubject")
        self.subject.setPlaceholderText(self.tr("e.g. law, security"))
        details.addWidget(self.subject, 1)
        self.part_of_speech = QComboBox(self)
        self.part_of_speech.setObjectName("termPos")
        self.part_of_speech.setEditable(True)
        self.part_of_speech.addItems(PARTS_OF_SPEECH)
        self.part_of_speech.setToolTip(self.tr("Part of speech (TBX-Basic's values, or your own)"))
        details.addWidget(QLabel(self.tr("Part of speech:"), self))
        details.addWidget(self.part_of_speech)
        form.addRow(self.tr("Subject field:"), details)

        self.context = QPlainTextEdit(context, self)
        self.context.setReadOnly(True)
        self.context.setFont(style.arabic_font(12))
        self.context.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.context.setFixedHeight(70)
        self.context.setTabChangesFocus(True)
        form.addRow(self.tr("Context:"), self.context)
        self.document = document
        if document:
            form.addRow(self.tr("Document:"), QLabel(document, self))

        self.existing_label = QLabel(self)
        self.existing_label.setObjectName("termExisting")
        self.existing_label.setWordWrap(True)
        form.addRow(self.existing_label)
        self.existing_label.setVisible(bool(existing))
        self.show_existing_button = QPushButton(self.tr("Show in Glossary"), self)
        self.show_existing_button.setAutoDefault(False)
        self.show_existing_button.setVisible(bool(existing))
        self.show_existing_button.clicked.connect(self.showExistingRequested)
        form.addRow(self.show_existing_button)
        if existing:
            best = existing[0]
            others = "; ".join(t.target for t in existing)
            self.existing_label.setText(self.tr("⚠ Already in the glossary as: {others}. Saving the same "
                                                "English merges into that entry; another English adds a "
                                                "second entry.").format(others=others))
            self.target.setText(best.target)
            self.category.setCurrentText(best.category)
            self.note.setText(best.note)
            self.subject.setText(best.subject)
            self.part_of_speech.setCurrentText(best.pos)
            self._typed = True  # the glossary's English beats the machine's
        elif suggestion:
            self.target.setText(suggestion)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.source.textChanged.connect(self._update_ok)
        self.target.textChanged.connect(self._update_ok)
        self._update_ok()
        self.target.setFocus()
        self.target.selectAll()

    def set_transliteration(self, text: str) -> None:
        """Offer a romanisation of the Arabic (for names) on a button next to the English."""
        self._transliteration = text
        self.transliteration_button.setText(self.tr("Use “{text}”").format(text=text))
        self.transliteration_button.setVisible(bool(text) and text != self.target.text())

    def _use_transliteration(self) -> None:
        self._typed = True
        self.target.setText(self._transliteration)
        self.target.setFocus()

    def _on_edited(self, _text: str) -> None:
        self._typed = True

    SOURCES = {"glossary": QT_TRANSLATE_NOOP("Tarjuman", "from the glossary"),
               "name": QT_TRANSLATE_NOOP("Tarjuman", "the name's usual spelling"),
               "translation": QT_TRANSLATE_NOOP("Tarjuman", "machine translation"),
               "lexicon": QT_TRANSLATE_NOOP("Tarjuman", "from the dictionary")}

    def set_suggestion(self, text: str, source: str = "") -> None:
        """Offer English (where it came from in the tooltip) unless the user or the glossary
        supplied one; Enter then saves it."""
        if not self._typed and text:
            self.target.setText(text)
            self.target.selectAll()
            where = translate(CONTEXT, self.SOURCES[source]) if source in self.SOURCES else source
            self.target.setToolTip(self.tr("Suggested: {source}").format(source=where))

    def _update_ok(self) -> None:
        # Save stays enabled: Enter on an empty English says what is missing instead of
        # doing nothing.
        if self.source.text().strip() and self.target.text().strip():
            self.existing_label.setVisible(bool(self.existing_label.text()))

    def accept(self) -> None:
        empty = (self.source if not self.source.text().strip() else
                 self.target if not self.target.text().strip() else None)
        if empty is not None:
            self.existing_label.setText(self.tr("Type the Arabic to save the term.") if empty is self.source
                                        else self.tr("Type the English rendering to save the term."))
            self.existing_label.setVisible(True)
            empty.setFocus()
            return
        if self.save is not None:
            problem = self.save(self)
            if problem:  # not saved: the dialog stays, with everything typed, and says why
                self.existing_label.setText(problem)
                self.existing_label.setVisible(True)
                return
        super().accept()

    def values(self) -> dict[str, str]:
        return {
            "source": self.source.text().strip(),
            "target": self.target.text().strip(),
            "category": self.category.currentText(),
            "note": self.note.text().strip(),
            "subject": self.subject.text().strip(),
            "pos": self.part_of_speech.currentText().strip(),
        }

"""The Word panel: what the lexicon says of the Arabic word clicked or hovered in the text,
the glossary's entries for the same lemma, and "Add to Glossary" for the word or its lemma."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.lexicon.analyzer import Analysis
from desktop.core.workspace import TermRecord
from desktop.ui import style

MAX_ANALYSES = 6


class WordPanel(QDockWidget):
    """Shows one word's analyses. ``addRequested(arabic, english)`` asks to add the word
    (as written) or its lemma to the glossary."""

    addRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Word"), parent)
        self.setObjectName("wordPanel")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.view = QTextBrowser(body)
        self.view.setObjectName("wordView")
        self.view.setOpenLinks(False)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.add_word_button = QPushButton(self.tr("Add Word…"), body)
        self.add_word_button.setObjectName("addWord")
        self.add_word_button.setToolTip(self.tr("Add this word, as written, to the glossary"))
        self.add_lemma_button = QPushButton(self.tr("Add Lemma…"), body)
        self.add_lemma_button.setObjectName("addLemma")
        self.add_lemma_button.setToolTip(self.tr("Add the word's dictionary form to the glossary"))
        buttons.addWidget(self.add_word_button)
        buttons.addWidget(self.add_lemma_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.word = ""
        self.analyses: list[Analysis] = []
        self.add_word_button.clicked.connect(self._add_word)
        self.add_lemma_button.clicked.connect(self._add_lemma)
        self.show_message(self.tr("Click an Arabic word to see what it means."))

    def show_message(self, text: str) -> None:
        self.word, self.analyses = "", []
        self.view.setHtml(f"<p style='color:gray'>{escape(text)}</p>")
        self.add_word_button.setEnabled(False)
        self.add_lemma_button.setEnabled(False)

    def show_word(self, word: str, analyses: list[Analysis], entries: list[TermRecord]) -> None:
        """Show ``word``'s analyses (its own spelling first) and the glossary's entries for
        the lemma of the first one."""
        self.word, self.analyses = word, analyses
        family = escape(style.ARABIC_FAMILY)
        arabic = f"font-family:'{family}'; font-size:18pt"
        parts = [f"<p dir='rtl' style=\"{arabic}\">{escape(word)}</p>"]
        if not analyses:
            unknown = self.tr("The dictionary does not know this word: a name, perhaps, or a word it "
                              "lacks. Add it to the glossary with its English.")
            parts.append(f"<p>{escape(unknown)}</p>")
        # The analyses are in English (the lexicon's): left to right in any interface language.
        parts_label, lemma_label = escape(self.tr("parts")), escape(self.tr("lemma"))
        lemma_style = f"font-family:'{family}'"
        for n, a in enumerate(analyses[:MAX_ANALYSES], 1):
            affixes = "; ".join(g for g in (a.prefix_gloss, a.suffix_gloss) if g)
            parts.append(
                f"<hr><p dir='ltr'><b>{n}.</b> <span dir='rtl' style=\"{arabic}\">{escape(a.vowelled)}</span>"
                f" &nbsp;<i>{escape(a.romanized)}</i><br>"
                f"<b>{escape(a.gloss)}</b>"
                + (f" <span style='color:gray'>[{escape(affixes)}]</span>" if affixes else "")
                + f"<br>{escape(a.pos)} · {parts_label} <span dir='rtl'>{escape(a.segmentation)}</span>"
                f" ({escape(a.parts_latin)})<br>{lemma_label} <span dir='rtl' style=\"{lemma_style}\">"
                f"{escape(a.lemma_arabic)}</span> <span style='color:gray'>{escape(a.lemma_id)}</span></p>")
        if len(analyses) > MAX_ANALYSES:
            more = len(analyses) - MAX_ANALYSES
            more_text = escape(self.tr("and %n more analyses", None, more))
            parts.append(f"<p style='color:gray'>{more_text}</p>")
        if entries:
            rows = "".join(f"<li><span dir='rtl' style=\"font-family:'{family}'\">{escape(t.source)}</span>"
                           f" → {escape(t.target)}</li>" for t in entries)
            heading = escape(self.tr("In the glossary (same lemma)"))
            parts.append(f"<hr><p><b>{heading}</b></p><ul dir='ltr'>{rows}</ul>")
        self.view.setHtml("".join(parts))
        self.add_word_button.setEnabled(True)
        self.add_lemma_button.setEnabled(bool(analyses))

    def _english(self) -> str:
        return self.analyses[0].gloss.split(";")[0].strip() if self.analyses else ""

    def _add_word(self) -> None:
        if self.word:
            self.addRequested.emit(self.word, self._english())

    def _add_lemma(self) -> None:
        if self.analyses:
            lemma = self.analyses[0].lemma_arabic
            plain = "".join(c for c in lemma if not "\u064b" <= c <= "\u0652")
            self.addRequested.emit(plain, self._english())

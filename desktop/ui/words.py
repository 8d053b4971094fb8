"""Words: the offline lexicon in the window. It is opened in the background at start (the
first start builds its cache: a second or two); the Word panel shows the word clicked, or
hovered for a moment, with the glossary's entries for its lemma."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from desktop.core.lexicon.analyzer import Lexicon
from desktop.core.workspace import TermRecord
from desktop.ui.context import AppContext
from desktop.ui.reader_surface import WordHit
from desktop.ui.word_panel import WordPanel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

HOVER_MS = 300


class WordsController(QObject):
    """Loads the lexicon and keeps the Word panel on the word the reader points at."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window, self.reader = ctx, window, window.reader
        self.panel = WordPanel(window)
        self._hovered: WordHit | None = None
        self._shown: WordHit | None = None
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(HOVER_MS)
        self._hover_timer.timeout.connect(self._show_hovered)
        self.reader.wordClicked.connect(self.show_word)
        self.reader.wordHovered.connect(self._on_hover)
        self.panel.addRequested.connect(self._add_to_glossary)

    def load_lexicon(self) -> None:
        workspace = self.ctx.workspace
        if workspace.lexicon is not None:
            return
        self.panel.show_message("Preparing the Arabic dictionary…")
        self.ctx.runner.start("lexicon",
                              lambda task: workspace.load_lexicon(task.progress, task.cancel, names=True),
                              on_done=self._loaded, heavy=True, on_error=self._failed)

    def _loaded(self, lexicon: Lexicon) -> None:
        self.ctx.workspace.lexicon_loaded(lexicon)
        self.window.lexiconReady.emit()
        if self._shown is not None:
            self.show_word(self._shown)
        else:
            self.panel.show_message("Click an Arabic word to see what it means.")

    def _failed(self, exc: BaseException) -> None:
        self.panel.show_message(f"The Arabic dictionary is not available: {exc}")

    def _on_hover(self, hit: WordHit) -> None:
        if self.panel.isVisible() and hit != self._shown:
            self._hovered = hit
            self._hover_timer.start()

    def _show_hovered(self) -> None:
        if self._hovered is not None:
            self.show_word(self._hovered)

    def show_word(self, hit: WordHit) -> None:
        """Show one word's analyses now, and its lemma's glossary entries when they are found
        (in the background: a glossary search)."""
        self._shown = hit
        self._hover_timer.stop()
        workspace = self.ctx.workspace
        lexicon = workspace.lexicon
        if lexicon is None:
            self.panel.show_message(f"{hit.word}: the Arabic dictionary is still being prepared…")
            return
        analyses = lexicon.analyze(hit.word)
        self.panel.show_word(hit.word, analyses, [])
        self.window.wordShown.emit(hit.word)
        if not analyses:
            return
        first = analyses[0]

        def found(entries: list[TermRecord]) -> None:
            if self._shown == hit and entries:
                self.panel.show_word(hit.word, analyses, entries)

        self.ctx.runner.start("lemma entries", lambda _t: workspace.terms_for_lemma(first),
                              on_done=found, heavy=True)

    def _add_to_glossary(self, arabic: str, _english: str) -> None:
        doc, hit = self.ctx.workspace.document, self._shown
        context = ""
        if doc is not None and hit is not None and doc.valid(hit.row):
            context = doc.sentences[hit.row].text
        self.window.terms.capture(arabic, context)

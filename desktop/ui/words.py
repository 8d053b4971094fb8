"""Words: the offline lexicon in the window. It is opened in the background at start (the
first start builds its cache: a second or two); the Word panel shows the word clicked, or
hovered for a moment, with the glossary's entries for its lemma."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from desktop.core.lexicon.analyzer import Lexicon
from desktop.core.lexicon.vowels import vowelled_text
from desktop.core.workspace import TermRecord
from desktop.ui import settings as opts
from desktop.ui.context import AppContext
from desktop.ui.reader_surface import WordHit
from desktop.ui.word_panel import WordPanel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

HOVER_MS = 300
# At the latest this long after start the name romaniser is made ready (see load_lexicon).
NAMES_AFTER_MS = 3000


class WordsController(QObject):
    """Loads the lexicon and keeps the Word panel on the word the reader points at."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window, self.reader = ctx, window, window.reader
        self.panel = WordPanel(window)
        self._hovered: WordHit | None = None
        self._shown: WordHit | None = None
        self._names_started = False
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(HOVER_MS)
        self._hover_timer.timeout.connect(self._show_hovered)
        self.reader.wordClicked.connect(self.show_word)
        self.reader.wordHovered.connect(self._on_hover)
        self.panel.addRequested.connect(self._add_to_glossary)
        self.glosses_action = ctx.action(
            self.tr("Word &Glosses"), lambda: self.show_glosses(self.glosses_action.isChecked()),
            "Ctrl+Shift+G",
            self.tr("A small English gloss under each Arabic word"))
        self.glosses_action.setCheckable(True)
        self.vowels_action = ctx.action(
            self.tr("&Vowelled Text"), lambda: self.show_vowelled(self.vowels_action.isChecked()),
            "Ctrl+Shift+H",
            self.tr("Show the Arabic with the vowel marks of each word's first analysis"))
        self.vowels_action.setCheckable(True)
        self.vowels_action.setChecked(bool(opts.VOWELLED.get(ctx.settings)))
        self._gloss_serial = 0
        # After the page is on screen (not before it shows): its glosses and vowels.
        self.reader.pageChanged.connect(lambda _page, _count: QTimer.singleShot(0, self._page_shown))
        self._vowel_serial = 0
        if opts.WORD_GLOSSES.get(ctx.settings):
            self.glosses_action.setChecked(True)
            self.reader.show_glosses(True)

    def load_lexicon(self) -> None:
        workspace = self.ctx.workspace
        if workspace.lexicon is not None:
            return
        self.panel.show_message(self.tr("Preparing the Arabic dictionary…"))
        self.ctx.runner.start("lexicon", lambda task: workspace.load_lexicon(task.progress, task.cancel),
                              on_done=self._loaded, heavy=True, on_error=self._failed)
        # The name romaniser starts a process of its own and loads its model there: made
        # ready once the document's terms are highlighted (or after NAMES_AFTER_MS), so that
        # its start takes no CPU from the first highlights, and never before the term index
        # on the thread for Python-heavy work.
        self.window.termsHighlighted.connect(self._prepare_names)
        QTimer.singleShot(NAMES_AFTER_MS, self._prepare_names)

    def _prepare_names(self) -> None:
        if self._names_started:
            return
        self._names_started = True
        self.window.termsHighlighted.disconnect(self._prepare_names)
        self.ctx.runner.start("names", lambda _t: self.ctx.workspace.prepare_names(),
                              on_error=lambda exc: log.warning("name romaniser not ready: %s", exc))

    def _loaded(self, lexicon: Lexicon) -> None:
        self.ctx.workspace.lexicon_loaded(lexicon)
        if self.vowels_action.isChecked():
            self.show_vowelled(True)
        if self.ctx.workspace.preferences.lemma_matching:
            # Now with the lemmas of the terms: after the table, the highlights are already up.
            self.window.terms.load_lemma_index()
        self.window.lexiconReady.emit()
        self._gloss_page()
        if self._shown is not None:
            self.show_word(self._shown)
        else:
            self.panel.show_message(self.tr("Click an Arabic word to see what it means."))

    def _failed(self, exc: BaseException) -> None:
        self.panel.show_message(self.tr("The Arabic dictionary is not available: {problem}").format(
            problem=exc))

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
            self.panel.show_message(self.tr("{word}: the Arabic dictionary is still being prepared…").format(
                word=hit.word))
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

    # -- the gloss line ------------------------------------------------------------------------
    def show_glosses(self, on: bool) -> None:
        """View → Word Glosses: a small English gloss under each Arabic word (the first sense
        of its first analysis); a reading aid that needs no translation model."""
        self.glosses_action.setChecked(on)
        opts.WORD_GLOSSES.set(self.ctx.settings, int(on))
        self.reader.show_glosses(on)
        self._gloss_page()

    def _page_shown(self) -> None:
        if self.reader.glosses_shown or self.vowels_action.isChecked():
            page_words = self.reader.page_words()
            self._gloss_page(page_words)
            self._vowel_page(page_words)

    def show_vowelled(self, on: bool) -> None:
        """View → Vowelled Text: the Arabic with the vowel marks of its first analyses (a
        reading aid without any model; selections and terms keep working on the text as
        written)."""
        self.vowels_action.setChecked(on)
        opts.VOWELLED.set(self.ctx.settings, int(on))
        if not on:
            self.reader.show_vowelled(None)
        else:
            self._vowel_page()

    def _vowel_page(self, page_words: list[str] | None = None) -> None:
        """Analyse the page's words off the GUI thread, then lay the page out vowelled (the
        analyses are then remembered: a fast layout)."""
        lexicon = self.ctx.workspace.lexicon
        if not self.vowels_action.isChecked() or lexicon is None:
            return
        self._vowel_serial += 1
        serial = self._vowel_serial
        page_words = self.reader.page_words() if page_words is None else page_words

        def warm() -> None:
            for word in page_words:
                lexicon.first(word)

        def done(_none: None) -> None:
            if serial == self._vowel_serial and self.vowels_action.isChecked():
                self.reader.show_vowelled(lambda text: vowelled_text(lexicon, text))
                self.window.vowelsShown.emit()

        self.ctx.runner.start("vowels", lambda _t: warm(), on_done=done, heavy=True)

    def _gloss_page(self, page_words: list[str] | None = None) -> None:
        """Look up the glosses of the page's words in the background, then draw them."""
        lexicon = self.ctx.workspace.lexicon
        if not self.reader.glosses_shown or lexicon is None:
            return
        self._gloss_serial += 1
        serial = self._gloss_serial
        page_words = self.reader.page_words() if page_words is None else page_words

        def work() -> dict[str, str]:
            glosses = {}
            for word in page_words:
                first = lexicon.first(word)
                if first is not None:
                    glosses[word] = first.gloss.split(";")[0].strip()
            return glosses

        def done(glosses: dict[str, str]) -> None:
            if serial == self._gloss_serial:
                self.reader.add_glosses(glosses)
                self.window.glossesShown.emit()

        self.ctx.runner.start("glosses", lambda _t: work(), on_done=done, heavy=True)

    def _add_to_glossary(self, arabic: str, _english: str) -> None:
        doc, hit = self.ctx.workspace.document, self._shown
        context = ""
        if doc is not None and hit is not None and doc.valid(hit.row):
            context = doc.sentences[hit.row].text
        self.window.terms.capture(arabic, context)

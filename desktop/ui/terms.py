"""Glossary terms in the document: the term index and highlighting, capturing a term
(Ctrl+T), the "Terms in This Sentence" pane, Term Check, Show in Document, categories and
duplicates."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence

from desktop.core.changes import Changes
from desktop.core.errors import TarjumanError
from desktop.core.glossary.lemmas import LemmaIndex
from desktop.core.glossary.matcher import TermIndex, TermMatch
from desktop.core.open_document import OpenDocument, RowMatch
from desktop.core.workspace import Suggestion, Workspace
from desktop.ui.categories import CategoriesDialog
from desktop.ui.context import AppContext
from desktop.ui.duplicates import DuplicatesDialog
from desktop.ui.term_check import TermCheckDialog
from desktop.ui.term_dialog import TermDialog
from desktop.ui.workers import TaskContext

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# From this many terms, the document open when the glossary's first index is built is matched
# before it, reading only the terms it can contain (20,000: about a second of indexing on a
# 2-core machine) ...
EARLY_MATCHES_FROM = 20_000
# ... if it has at most this many characters (the words of a longer one take longer to list).
EARLY_MATCHES_UP_TO = 500_000
# How long a big glossary's first index waits for the document being opened at start.
DOCUMENT_WAIT_MS = 1000


Found = tuple[list[TermMatch], dict[int, list[RowMatch]]]


def _matches(workspace: Workspace, index: TermIndex, lemmas: LemmaIndex | None,
             doc: OpenDocument) -> Found:
    """The glossary's matches in ``doc``, and grouped by sentence (any thread)."""
    matches = workspace.match_terms(index, doc.text, lemmas)
    return matches, doc.group_matches(matches)


class TermsController(QObject):
    """Keeps the glossary's matches in the open document current and captures new terms."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window, self.reader = ctx, window, window.reader
        self.term_dialog: TermDialog | None = None
        self.term_check: TermCheckDialog | None = None
        self._match_serial = 0
        self._lemmas_after_table = False  # the lemmas wait for a big glossary's table
        self._index_builds = 0  # term index builds on their way
        self._index_waits = False  # the first index waits for the document being opened
        self._occurrence: tuple[int, int] = (-1, -1)  # (term id, last shown occurrence)
        action = ctx.action
        self.capture_action = action(self.tr("Add &Term…"), self.capture_term, "Ctrl+T",
                                     self.tr("Save the selected Arabic as a glossary term (Ctrl+T)"))
        self.find_action = action(self.tr("&Find in Glossary"), self.focus_search,
                                  QKeySequence.StandardKey.Find)
        self.duplicates_action = action(self.tr("Find &Duplicate Terms…"), self.show_duplicates)
        self.categories_action = action(self.tr("C&ategories…"), self.show_categories)
        self.term_check_action = action(self.tr("Term &Check…"), self.show_term_check, "Ctrl+Shift+K",
                                        self.tr("Sentences whose translation lacks a glossary term"))
        self.reader.captureRequested.connect(self.capture_term)
        self.reader.currentChanged.connect(lambda _row: self.refresh_term_pane())
        window.term_pane.insertRequested.connect(self.insert_glossary_english)
        window.glossary.showInDocumentRequested.connect(self.show_term_in_document)
        ctx.changed.connect(self._on_changed)

    # -- keeping matches current -------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.glossary_terms or changes.categories or changes.preferences:
            if self.ctx.workspace.index_stale:
                self.load_term_index()
            else:
                self.update_term_matches()
        elif changes.document:
            if self._index_waits:
                self.load_term_index()
            else:
                self.update_term_matches()
        if changes.matches or changes.translations or changes.document:
            self.refresh_term_pane()
            if self.term_check is not None and self.term_check.isVisible():
                self._fill_term_check()
        if changes.matches:
            self.window.termsHighlighted.emit()

    def load_term_index_with_document(self) -> None:
        """Build the term index at start. A big glossary's waits for the document being
        opened (at most ``DOCUMENT_WAIT_MS``): its terms in the document are found first,
        without the whole index, for the first highlights."""
        # The table's model has counted the terms already (a big glossary's table waits):
        # no second count on this thread.
        if self.ctx.workspace.document is not None or not self.window.glossary.model.deferred:
            self.load_term_index()
            return
        self._index_waits = True
        QTimer.singleShot(DOCUMENT_WAIT_MS, self._document_wait_over)

    def _document_wait_over(self) -> None:
        if self._index_waits:
            self.load_term_index()

    def load_term_index(self, urgent: bool = True) -> None:
        """(Re)build the term index from the glossary in the background, then match.

        The document open when the index is ready is matched in the same task, and an
        ``urgent`` build goes before other waiting Python-heavy work (the lexicon, a big
        glossary's table): the first highlights wait for nothing else."""
        self._index_waits = False
        workspace = self.ctx.workspace
        factory, version = workspace.factory, workspace.terms_version
        self._match_serial += 1  # matches still being found use the old index: drop them
        first = workspace.term_index is None
        Built = tuple[TermIndex, LemmaIndex | None, OpenDocument | None, list[TermMatch],
                      dict[int, list[RowMatch]]]

        def build(task: TaskContext) -> Built:
            # A first index of a big glossary (counted here, not on the GUI thread: a team
            # glossary's server may be slow to answer): the open document is matched first.
            big = first and workspace.count_terms() >= EARLY_MATCHES_FROM
            doc = workspace.document
            if big and doc is not None and len(doc.text) <= EARLY_MATCHES_UP_TO:
                found = workspace.early_term_matches(doc.text)
                task.partial((doc, found, doc.group_matches(found)))
            index = workspace.build_term_index()
            # A big glossary's lemmas come in a task of their own, after its table.
            lemmas = None if big else workspace.build_lemma_index(index)
            doc = workspace.document  # set on the GUI thread; its text never changes
            if doc is None:
                return index, lemmas, None, [], {}
            return index, lemmas, doc, *_matches(workspace, index, lemmas, doc)

        def loaded(built: Built) -> None:
            self._index_builds -= 1
            index, lemmas, doc, matches, grouped = built
            if not workspace.set_term_index(index, factory, version, lemmas):
                return
            self._show_matches(doc, matches, grouped)
            if lemmas is None and workspace.lexicon is not None and workspace.preferences.lemma_matching:
                self.load_lemma_index()  # the lexicon came while the index was being built

        report = self.ctx.error_handler(self.tr("Glossary"))

        def failed(exc: BaseException) -> None:
            self._index_builds -= 1
            report(exc)

        def cancelled() -> None:
            self._index_builds -= 1

        serial = self._match_serial

        def early_found(value: object) -> None:
            doc, found, grouped = cast(tuple[OpenDocument, list[TermMatch], dict[int, list[RowMatch]]], value)
            # Not once another index or other matches came (the glossary or document changed).
            if serial == self._match_serial and workspace.term_index is None:
                self.ctx.publish(workspace.set_matches(doc, found, grouped))

        self._index_builds += 1
        self.ctx.runner.start("term index", build, on_done=loaded, heavy=True, urgent=urgent,
                              on_error=failed, on_cancelled=cancelled, on_partial=early_found)

    def load_lemma_index(self) -> None:
        """The lexicon is ready: index the lemmas of the glossary's terms (in the background,
        after a big glossary's table), then match the document again with them.

        The term index already built is kept: only the lemmas are added."""
        workspace = self.ctx.workspace
        model = self.window.glossary.model
        if model.loading:  # the table first: the user looks at it once the highlights are up
            if not self._lemmas_after_table:
                self._lemmas_after_table = True
                model.loaded.connect(self._table_loaded)
                model.errorOccurred.connect(self._table_loaded)
            return
        index, factory = workspace.term_index, workspace.factory
        if index is None or workspace.index_stale:
            if not self._index_builds:  # else the index on its way comes with the lemmas
                self.load_term_index(urgent=False)
            return
        known = len(index.terms)  # terms saved from now on are added in place
        # Matches found meanwhile without the lemmas stay on screen until these come.
        Built = tuple[LemmaIndex | None, OpenDocument | None, list[TermMatch], dict[int, list[RowMatch]]]

        def build() -> Built:
            lemmas = workspace.build_lemma_index(index)
            doc = workspace.document
            if doc is None or lemmas is None:
                return lemmas, None, [], {}
            return lemmas, doc, *_matches(workspace, index, lemmas, doc)

        def loaded(built: Built) -> None:
            lemmas, doc, matches, grouped = built
            if workspace.term_index is not index or workspace.index_stale or lemmas is None:
                return  # another index is on its way (or came): it brings its own lemmas
            # Terms saved meanwhile went into this index in place: their lemmas too.
            added = index.terms[known:]
            for term in added:
                lemmas.add(term)
            if not workspace.set_term_index(index, factory, None, lemmas):
                return
            self._show_matches(None if added else doc, matches, grouped)

        self.ctx.runner.start("lemma index", lambda _t: build(), on_done=loaded, heavy=True,
                              on_error=self.ctx.error_handler(self.tr("Glossary")))

    def _show_matches(self, doc: OpenDocument | None, matches: list[TermMatch],
                      grouped: dict[int, list[RowMatch]]) -> None:
        """Show the matches a new index found in ``doc`` if it is still the open document
        (they are the newest); else match the open document again."""
        if doc is not None and doc is self.ctx.workspace.document:
            self._match_serial += 1
            self.ctx.publish(self.ctx.workspace.set_matches(doc, matches, grouped))
        else:
            self.update_term_matches()

    def _table_loaded(self, *_args: object) -> None:
        if not self._lemmas_after_table:
            return
        self._lemmas_after_table = False
        model = self.window.glossary.model
        model.loaded.disconnect(self._table_loaded)
        model.errorOccurred.disconnect(self._table_loaded)
        self.load_lemma_index()

    def update_term_matches(self) -> None:
        """Find the glossary's terms in the open document (in the background) and show them."""
        workspace = self.ctx.workspace
        index, lemmas, doc = workspace.term_index, workspace.lemma_index, workspace.document
        if index is None or doc is None:
            return
        self._match_serial += 1
        serial = self._match_serial

        def found(result: Found) -> None:
            if serial == self._match_serial:
                self.ctx.publish(workspace.set_matches(doc, *result))

        self.ctx.runner.start("match terms", lambda _t: _matches(workspace, index, lemmas, doc),
                              on_done=found, heavy=True, urgent=True,
                              on_error=self.ctx.error_handler(self.tr("Term matching failed")))

    # -- the pane and the term check ---------------------------------------------------------
    def _document(self) -> OpenDocument | None:
        return self.ctx.workspace.document

    def refresh_term_pane(self) -> None:
        row, doc = self.reader.current_row, self._document()
        if row < 0 or doc is None or not doc.valid(row):
            self.window.term_pane.show_sentence(-1, [], None)
        else:
            self.window.term_pane.show_sentence(row, doc.matches_in(row), doc.translations[row])

    def insert_glossary_english(self, row: int, english: str) -> None:
        """One click: put the glossary English into the sentence's translation (a post-edit)."""
        try:
            self.ctx.publish(self.ctx.workspace.insert_term_english(row, english))
        except Exception as exc:
            self.ctx.show_error(self.tr("Cannot save the translation"), exc)

    def show_term_check(self) -> TermCheckDialog:
        if self.term_check is None:
            self.term_check = TermCheckDialog(self.window)
            self.term_check.jumpRequested.connect(self.window.documents.go_to_sentence)
        self._fill_term_check()
        self.term_check.show()
        self.term_check.raise_()
        return self.term_check

    def _fill_term_check(self) -> None:
        doc = self._document()
        assert self.term_check is not None
        self.term_check.set_problems(doc.term_problems() if doc is not None else [],
                                     len(doc) if doc is not None else 0)

    def show_term_in_document(self, term_id: int) -> None:
        """Select the next occurrence of a glossary term in the document (cycling)."""
        doc = self._document()
        if doc is None:
            return
        places = doc.occurrences(term_id)
        if not places:
            self.ctx.status(self.tr("This term does not occur in the document."), 5000)
            return
        last = self._occurrence[1] if self._occurrence[0] == term_id else -1
        number = (last + 1) % len(places)
        self._occurrence = (term_id, number)
        row, match = places[number]
        self.reader.scroll_to_row(row)
        self.reader.select_in_sentence(row, match.start, match.end)
        self.ctx.status(self.tr("Occurrence {number} of {count}").format(
            number=number + 1, count=len(places)), 4000)

    # -- capturing terms ---------------------------------------------------------------------
    def capture_term(self) -> None:
        """Open the term dialog for the selected Arabic (Ctrl+T)."""
        selection = self.reader.arabic_selection()
        if selection is None or self.ctx.workspace.document is None:
            self.ctx.status(self.tr("Select Arabic text in the document first, then press Ctrl+T."), 6000)
            return
        self.capture(selection.text, selection.sentence.text)

    def capture(self, span: str, context: str) -> TermDialog:
        """Open the term dialog for ``span`` (found in the sentence ``context``), with its
        English suggested in the background; Enter saves."""
        workspace = self.ctx.workspace
        doc = workspace.document
        existing = workspace.existing_terms(span)
        dialog = TermDialog(span, context, doc.title if doc is not None else "", existing=existing,
                            parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.term_dialog = dialog
        if not existing:
            dialog.target.setPlaceholderText(self.tr("Looking up…"))
        def failed(exc: BaseException) -> None:
            log.warning("suggestion failed: %s", exc)
            if self.term_dialog is dialog:
                dialog.target.setPlaceholderText(self.tr("English rendering"))

        self.ctx.runner.start("suggest", lambda _t: workspace.suggest_english(span),
                              on_done=lambda suggestion: self._offer_suggestion(dialog, suggestion),
                              on_error=failed)
        if existing:
            dialog.showExistingRequested.connect(lambda: self.window.glossary.show_term(existing[0].id))
        dialog.save = self._save_term
        dialog.finished.connect(lambda _r: setattr(self, "term_dialog", None))
        dialog.open()
        return dialog

    def _offer_suggestion(self, dialog: TermDialog, suggestion: Suggestion) -> None:
        if self.term_dialog is dialog:
            dialog.target.setPlaceholderText(
                self.tr("English rendering") if suggestion.text else
                self.tr("Type the English (no glossary entry, dictionary word or model to suggest one)"))
            dialog.set_suggestion(suggestion.text, suggestion.source)
            dialog.set_transliteration(suggestion.romanized)

    def _save_term(self, dialog: TermDialog) -> str:
        """Save the dialog's term; returns why it could not (the dialog then stays open with
        what was typed: a team glossary out of reach, a read-only one) or "" when saved."""
        values = dialog.values()
        try:
            outcome = self.ctx.workspace.save_term(
                values["source"], values["target"], category=values["category"], note=values["note"],
                context=dialog.context.toPlainText(), document=dialog.document,
                subject=values["subject"], pos=values["pos"])
        except TarjumanError as exc:
            return str(exc)
        except Exception as exc:
            self.ctx.show_error(self.tr("Cannot save the term"), exc)
            return ""
        record, created = outcome.value
        self.ctx.publish(outcome.changes)
        self.window.glossary.select_term(record.id)
        text = (self.tr("Added “{source}” → “{target}”") if created
                else self.tr("Updated “{source}” → “{target}”"))
        self.ctx.status(text.format(source=record.source, target=record.target), 6000)
        self.window.termSaved.emit(record.id)
        return ""

    # -- dialogs -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        panel = self.window.glossary
        panel.show()
        panel.search.setFocus()
        panel.search.selectAll()

    def show_categories(self) -> CategoriesDialog:
        dialog = CategoriesDialog(self.ctx.workspace, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.ctx.publish)
        dialog.show()
        return dialog

    def show_duplicates(self) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self.ctx.workspace, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self.ctx.publish)
        dialog.show()
        return dialog

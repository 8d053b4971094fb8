"""Learners: Learner Mode colours words by status (keys 1–5, K and I set the status of the
word at the cursor; Mark Page Known), the Vocabulary dock, the share of known words in the
status bar, and Tools → Review."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel

from desktop.core import vocabulary
from desktop.core.changes import Changes, Outcome
from desktop.ui import settings as opts
from desktop.ui.context import AppContext
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate
from desktop.ui.review import ReviewDialog
from desktop.ui.vocabulary_panel import VocabularyPanel, status_label

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

#: Learner-mode keys → status: 1–4 learning, 5 and K known, I ignored.
STATUS_KEYS = {"1": 1, "2": 2, "3": 3, "4": 4, "5": vocabulary.KNOWN, "K": vocabulary.KNOWN,
               "I": vocabulary.IGNORED}
VOCABULARY_FILTERS = {QT_TRANSLATE_NOOP("Tarjuman", "Anki deck (*.apkg)"): "apkg",
                      QT_TRANSLATE_NOOP("Tarjuman", "CSV table (*.csv)"): "csv"}


class LearnerController(QObject):
    """Keeps the word colours, the vocabulary list, the known share and the due count."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window, self.reader = ctx, window, window.reader
        self.panel = VocabularyPanel(window)
        self.review_dialog: ReviewDialog | None = None
        self._serial = 0
        action = ctx.action
        self.learner_action = action(self.tr("&Learner Mode"), lambda: self.set_learner_mode(
            self.learner_action.isChecked()), "Ctrl+Shift+L",
            self.tr("Colour words by status; 1–5, K and I set the status of the word at the cursor"))
        self.learner_action.setCheckable(True)
        self.mark_known_action = action(self.tr("Mark Page &Known"), self.mark_page_known, "Ctrl+Shift+J",
                                        self.tr("Every word of this page that is still new becomes known"))
        self.review_action = action(self.tr("&Review…"), self.show_review, "Ctrl+Shift+R",
                                    self.tr("Flashcards of learning words and study terms"))
        self.export_action = action(self.tr("Export &Vocabulary…"), self.export_vocabulary, None,
                                    self.tr("Learning words and study terms as an Anki deck (.apkg) or CSV"))
        self.key_actions: list[QAction] = []
        for key, status in STATUS_KEYS.items():
            key_action = QAction(self.reader)
            key_action.setShortcut(QKeySequence(key))
            key_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            key_action.triggered.connect(lambda _c=False, s=status: self.set_status_at_cursor(s))
            self.reader.addAction(key_action)
            self.key_actions.append(key_action)
        self.share_label = QLabel(window)
        self.share_label.setObjectName("knownShare")
        window.statusBar().addPermanentWidget(self.share_label)
        self.share_label.hide()
        self.panel.filterChanged.connect(self.refresh_list)
        window.glossary.studyRequested.connect(self.study_term)
        self.panel.visibilityChanged.connect(lambda visible: self.refresh_list() if visible else None)
        ctx.changed.connect(self._on_changed)
        self._enable_keys(False)
        if opts.LEARNER_MODE.get(ctx.settings):
            self.learner_action.setChecked(True)
            self._enable_keys(True)

    # -- learner mode ------------------------------------------------------------------------------
    @property
    def learner_mode(self) -> bool:
        return self.learner_action.isChecked()

    def _enable_keys(self, on: bool) -> None:
        for key_action in self.key_actions:
            key_action.setEnabled(on)
        self.mark_known_action.setEnabled(on)

    def set_learner_mode(self, on: bool) -> None:
        self.learner_action.setChecked(on)
        opts.LEARNER_MODE.set(self.ctx.settings, int(on))
        self._enable_keys(on)
        if on:
            self.refresh_statuses()
        else:
            self.reader.set_word_statuses(None)
            self.share_label.hide()

    def _on_changed(self, changes: Changes) -> None:
        if changes.vocabulary or changes.document or changes.glossary:
            if self.learner_mode:
                self.refresh_statuses()
            if self.panel.isVisible():
                self.refresh_list()
            self.refresh_due_count()

    def lexicon_ready(self) -> None:
        self.refresh_due_count()
        if self.learner_mode:
            self.refresh_statuses()

    def refresh_statuses(self) -> None:
        """Find the status of every word of the document (in the background), then colour
        them and show the share of known words."""
        workspace, doc = self.ctx.workspace, self.ctx.workspace.document
        if doc is None or workspace.lexicon is None:
            return
        self._serial += 1
        serial = self._serial
        text = doc.text

        def work() -> tuple[dict[str, int], tuple[int, int]]:
            statuses = workspace.word_statuses(text)
            return statuses, workspace.known_share(text, statuses)

        def done(result: tuple[dict[str, int], tuple[int, int]]) -> None:
            if serial != self._serial or not self.learner_mode or doc is not workspace.document:
                return
            statuses, (known, total) = result
            self.reader.set_word_statuses(statuses)
            share = known / total if total else 0.0
            self.share_label.setText(self.tr("Known: {share} ({known} of %n words)", None, total).format(
                share=f"{share:.0%}", known=known))
            self.share_label.show()
            self.window.wordStatusesShown.emit()

        self.ctx.runner.start("word statuses", lambda _t: work(), on_done=done, heavy=True,
                              on_error=self.ctx.error_handler(self.tr("Learner mode")))

    def set_status_at_cursor(self, status: int) -> None:
        """A key in learner mode: the word at the text cursor gets ``status``."""
        hit = self.reader.word_at_cursor()
        doc = self.ctx.workspace.document
        if hit is None or doc is None:
            self.ctx.status(self.tr("Click an Arabic word first, then press 1–5, K or I."), 5000)
            return
        try:
            outcome = self.ctx.workspace.set_word_status(hit.word, status, doc.sentences[hit.row].text,
                                                         doc.title)
        except Exception as exc:
            self.ctx.show_error(self.tr("Cannot set the word's status"), exc)
            return
        entry = outcome.value
        self.ctx.publish(outcome.changes)
        self.ctx.status(f"{entry.word} ({entry.lemma}): {status_label(entry)}", 4000)

    def mark_page_known(self) -> None:
        """Every word of the page that is still new becomes known (the others keep theirs)."""
        doc = self.ctx.workspace.document
        if doc is None or self.ctx.workspace.lexicon is None:
            return
        from desktop.core.lexicon.words import words

        found = [(word, sentence) for _row, sentence in self.reader.page_sentences()
                 for _s, _e, word in words(sentence)]
        workspace, title = self.ctx.workspace, doc.title

        def done(outcome: Outcome[int]) -> None:
            self.ctx.publish(outcome.changes)
            self.ctx.status(self.tr("%n new words marked known.", None, outcome.value), 5000)

        self.ctx.runner.start("mark known", lambda _t: workspace.mark_known(found, title), heavy=True,
                              on_done=done, on_error=self.ctx.error_handler(self.tr("Mark Page Known")))

    # -- the vocabulary list and reviews ---------------------------------------------------------
    def refresh_list(self) -> None:
        workspace = self.ctx.workspace
        statuses, query = self.panel.statuses(), self.panel.search.text().strip()
        self.ctx.runner.start("vocabulary", lambda _t: workspace.vocabulary_list(statuses or None, query),
                              on_done=self.panel.show_entries, heavy=True)

    def refresh_due_count(self) -> None:
        workspace = self.ctx.workspace

        def show(count: int) -> None:
            self.review_action.setText(self.tr("&Review… (%n due)", None, count) if count
                                       else self.tr("&Review…"))

        self.ctx.runner.start("due count", lambda _t: workspace.due_count(), on_done=show, heavy=True)

    def export_vocabulary(self) -> None:
        """File → Export Vocabulary…: an Anki deck (exporting again updates the cards in
        Anki) or a CSV table, written in the background."""
        filters = {translate(CONTEXT, label): fmt for label, fmt in VOCABULARY_FILTERS.items()}
        name, chosen = QFileDialog.getSaveFileName(self.window, self.tr("Export vocabulary"),
                                                   str(Path.home() / "tarjuman-vocabulary.apkg"),
                                                   ";;".join(filters))
        if not name:
            return
        fmt = filters.get(chosen, "apkg")
        path = Path(name)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        workspace = self.ctx.workspace
        self.ctx.runner.start(
            "export vocabulary", lambda _t: workspace.export_vocabulary(path, fmt), heavy=True,
            on_done=lambda done: self.ctx.status(
                self.tr("Exported %n notes to {path}", None, done.value).format(path=path), 8000),
            on_error=self.ctx.error_handler(self.tr("Export failed")))

    def study_term(self, term_id: int) -> None:
        """Glossary → Study in Reviews: the term joins the flashcards."""
        try:
            self.ctx.publish(self.ctx.workspace.study_term(term_id))
        except Exception as exc:
            self.ctx.show_error(self.tr("Cannot study the term"), exc)
            return
        self.ctx.status(self.tr("The term joins your reviews (Tools → Review)."), 5000)

    def show_review(self) -> ReviewDialog:
        dialog = ReviewDialog(self.ctx.workspace.due_reviews(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rated.connect(self._rate)
        dialog.finished.connect(lambda _r: setattr(self, "review_dialog", None))
        self.review_dialog = dialog
        dialog.open()
        return dialog

    def _rate(self, card_id: int, rating: int) -> None:
        try:
            self.ctx.publish(self.ctx.workspace.review_card(card_id, rating).changes)
        except Exception as exc:
            self.ctx.show_error(self.tr("Cannot save the review"), exc)

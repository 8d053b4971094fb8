"""Translation: translating the open document in the background (progress and Cancel in the
status bar), post-editing and reverting sentences, alternatives, exporting the translation."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QFileDialog, QMenu, QProgressBar, QToolButton

from desktop.core.changes import Changes
from desktop.core.workspace import TranslationJob
from desktop.ui.context import AppContext
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, plural, translate
from desktop.ui.workers import TaskContext, TaskHandle

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

EXPORT_FILTERS = {
    QT_TRANSLATE_NOOP("Tarjuman", "Plain English text (*.txt)"): "txt",
    QT_TRANSLATE_NOOP("Tarjuman", "Bilingual web page (*.html)"): "html",
    QT_TRANSLATE_NOOP("Tarjuman", "Bilingual table, tab-separated (*.tsv)"): "tsv",
    QT_TRANSLATE_NOOP("Tarjuman", "Bilingual table, CSV (*.csv)"): "csv",
    QT_TRANSLATE_NOOP("Tarjuman", "TMX 1.4 for CAT tools (*.tmx)"): "tmx",
}
Batch = tuple[list[int], list[str], list[bool]]


class FinishedMessage(QObject):
    """What a finished translation says (a QObject for ``self.tr``: lupdate reads plural
    forms only there)."""

    def text(self, memory: int, model: int, seconds: float) -> str:
        if not model:
            return plural(memory,
                          self.tr("All %n sentence came from the translation memory.", None, memory),
                          self.tr("All %n sentences came from the translation memory.", None, memory))
        if memory:
            text = plural(model, self.tr("Translated %n sentence with the model in {seconds} s; {memory} "
                                         "came from the translation memory.", None, model),
                          self.tr("Translated %n sentences with the model in {seconds} s; {memory} came "
                                  "from the translation memory.", None, model))
        else:
            text = plural(model,
                          self.tr("Translated %n sentence with the model in {seconds} s.", None, model),
                          self.tr("Translated %n sentences with the model in {seconds} s.", None, model))
        return text.format(seconds=f"{seconds:.1f}", memory=memory)


def finished_message(memory: int, model: int, seconds: float) -> str:
    """What a finished translation says: how many sentences the model translated, and how
    many came from the translation memory."""
    return FinishedMessage().text(memory, model, seconds)


class TranslationController(QObject):
    """Runs one translation at a time; a new document or model starts it again."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window, self.reader = ctx, window, window.reader
        self._task: TaskHandle | None = None
        self._serial = 0
        self._started = 0.0
        self.alternatives_menu: QMenu | None = None
        action = ctx.action
        self.retranslate_action = action(self.tr("&Translate Again"), self.translate_again, "F5")
        self.cancel_action = action(self.tr("&Cancel Translation"), self.cancel_translation, "Esc")
        self.cancel_action.setEnabled(False)  # while a translation runs
        self.export_translation_action = action(
            self.tr("Export &Translation…"), self.export_translation, "Ctrl+E",
            self.tr("Save the English, a bilingual page or table, or TMX for CAT tools"))
        # F2 is the reading view's own key (in the glossary table it edits a cell): the menu
        # shows it without binding it for the whole window.
        self.edit_translation_action = action(
            self.tr("&Edit Translation\tF2"), self.edit_translation, None,
            self.tr("Edit the English of the current sentence (F2 or double-click)"))
        bar = window.statusBar()
        self.progress = QProgressBar(window)
        self.progress.setObjectName("translationProgress")
        # Wide enough for "Translating 1260 of 6200" at any window size.
        progress_format = self.tr("Translating %v of %m")
        self.progress.setMinimumWidth(self.progress.fontMetrics().horizontalAdvance(
            progress_format.replace("%v", "00000").replace("%m", "00000")) + 24)
        self.progress.setMaximumWidth(max(260, self.progress.minimumWidth()))
        self.progress.setTextVisible(True)
        self.progress.setFormat(progress_format)
        self.progress.hide()
        bar.addPermanentWidget(self.progress)
        self.cancel_button = QToolButton(window)
        self.cancel_button.setObjectName("cancelTranslation")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop translating; finished sentences are kept"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_translation)
        bar.addPermanentWidget(self.cancel_button)
        self.reader.translationEdited.connect(self.save_translation)
        self.reader.revertRequested.connect(self.revert_translation)
        self.reader.alternativesRequested.connect(self.show_alternatives)
        ctx.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if changes.document or (changes.engine and self.ctx.workspace.engine is not None):
            self.translate_document()

    # -- translating -------------------------------------------------------------------------
    @property
    def translating(self) -> bool:
        return self._task is not None and not self._task.finished

    def translate_document(self) -> None:
        """Translate the sentences still missing in the background: the memory answers first,
        only the rest go to the model. Results of a superseded run are ignored."""
        workspace = self.ctx.workspace
        job = workspace.translation_job(page=self.rows_on_screen())
        if job is None or not len(job.document):
            return
        self.cancel_translation()
        if not job.rows:
            count = len(job.document)
            self.ctx.status(plural(count, self.tr("All %n sentence come from the translation memory.", None,
                                                  count),
                                   self.tr("All %n sentences come from the translation memory.", None,
                                           count)), 6000)
            self.window.translationFinished.emit()
            return
        self._serial += 1
        serial = self._serial
        self._run(job, serial)

    def rows_on_screen(self) -> range | None:
        """The rows translated first: those the reading view shows, or, when the sentence
        the reader is on is not among them (a reopened document is about to scroll there),
        a screenful from that sentence."""
        if self.ctx.workspace.document is None:
            return None
        shown, current = self.reader.rows_in_view(), self.reader.current_row
        if current >= 0 and current not in shown:
            shown = self.reader.rows_in_view(current)
        return shown or None

    def _run(self, job: TranslationJob, serial: int) -> None:
        workspace, doc = self.ctx.workspace, job.document

        def work(task: TaskContext) -> tuple[int, int]:
            """(sentences from the translation memory, sentences from the model)."""
            results = job.run(lambda rows, targets, edited: task.partial((rows, targets, edited)),
                              progress=task.progress, cancel=task.cancel)
            memory = sum(1 for r in results if r is not None and r.from_memory)
            return memory, sum(1 for r in results if r is not None) - memory

        def current() -> bool:
            return serial == self._serial

        def batch(value: object) -> None:
            if current():
                assert isinstance(value, tuple)
                rows, targets, edited = value
                self.ctx.publish(workspace.apply_translations(doc, rows, targets, edited))

        def progress(done: int, _total: int) -> None:
            if current():
                self.progress.setValue(done)

        def done(counts: tuple[int, int]) -> None:
            if current():
                self._ended()
                seconds = time.monotonic() - self._started
                self.ctx.status(finished_message(*counts, seconds), 8000)
                self.window.translationFinished.emit()

        def cancelled() -> None:
            if current():
                self._ended()
                self.ctx.status(self.tr("Translation cancelled: {done} of %n sentences translated.", None,
                                        len(doc)).format(done=doc.translated_count()), 8000)
                self.window.translationCancelled.emit()

        def failed(exc: BaseException) -> None:
            if current():
                self._ended()
                self.ctx.show_error(self.tr("Translation failed"), exc)

        self.progress.setRange(0, len(job.rows))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_action.setEnabled(True)
        self._started = time.monotonic()
        self._task = self.ctx.runner.start("translate", work, on_partial=batch, on_progress=progress,
                                           on_done=done, on_cancelled=cancelled, on_error=failed)

    def _ended(self) -> None:
        self._task = None
        self.reader.flush_visible()  # the last batches, drawn in the next turn otherwise
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_action.setEnabled(False)

    def translate_again(self) -> None:
        """F5: translate what is missing, or say why nothing happens."""
        workspace = self.ctx.workspace
        doc = workspace.document
        if doc is None or not len(doc):
            self.ctx.status(self.tr("Open a document first (Ctrl+O); then F5 translates it."), 6000)
        elif workspace.engine is None:
            self.ctx.status(self.tr("No translation model is loaded: install one from Translation → Install "
                                    "Model from File… or Download Model…"), 8000)
        elif self.translating:
            self.ctx.status(self.tr("The translation is already running."), 4000)
        elif not doc.missing_rows():
            self.ctx.status(plural(len(doc), self.tr("All %n sentence are translated.", None, len(doc)),
                                   self.tr("All %n sentences are translated.", None, len(doc))), 5000)
        else:
            self.translate_document()

    def cancel_translation(self) -> None:
        """Ask the running translation to stop; sentences already translated stay."""
        if self._task is not None and not self._task.finished:
            self._task.cancel()

    def edit_translation(self) -> None:
        if self.reader.current_row < 0:
            self.ctx.status(self.tr("Click a sentence first; then F2 edits its English."), 5000)
            return
        self.reader.start_edit(self.reader.current_row)

    def stop_for_new_document(self) -> None:
        """Another document is about to show: results for this one are stale from now on."""
        self.cancel_translation()
        self._serial += 1
        self._ended()

    # -- post-editing ------------------------------------------------------------------------
    def save_translation(self, row: int, text: str) -> None:
        """Store the translator's English for sentence ``row``, here and wherever it occurs."""
        workspace = self.ctx.workspace
        if not text.strip():
            self.revert_translation(row)
            return
        try:
            changes = workspace.post_edit(row, text)
        except Exception as exc:
            self.ctx.show_error(self.tr("Cannot save the translation"), exc)
            return
        self.ctx.publish(changes)
        others = len(changes.translations) - 1
        if others > 0:
            text = plural(others, self.tr("Saved your translation of sentence {row} and %n other occurrence; "
                                          "it is used wherever this sentence appears.", None, others),
                          self.tr("Saved your translation of sentence {row} and %n other occurrences; "
                                  "it is used wherever this sentence appears.", None, others))
        else:
            text = self.tr("Saved your translation of sentence {row}; it is used wherever this sentence "
                           "appears.")
        self.ctx.status(text.format(row=row + 1), 6000)

    def revert_translation(self, row: int) -> None:
        """Forget the translator's English for sentence ``row``; show the machine's again."""
        try:
            outcome = self.ctx.workspace.revert(row)
        except Exception as exc:
            self.ctx.show_error(self.tr("Cannot revert the translation"), exc)
            return
        self.ctx.publish(outcome.changes)
        if not outcome.value:
            if self.ctx.workspace.engine is None:
                self.reader.clear_pending("")
            self.translate_document()
        self.ctx.status(self.tr("Reverted to the machine translation."), 5000)

    def show_alternatives(self, row: int, where: QPoint) -> None:
        """Offer the model's n-best translations of sentence ``row`` in a menu at ``where``."""
        workspace = self.ctx.workspace
        doc = workspace.document
        if doc is None or not doc.valid(row):
            return
        if workspace.engine is None:
            self.ctx.status(self.tr("Alternative translations need a translation model."), 6000)
            return
        sentence = doc.sentences[row].text

        def shown(choices: list[str]) -> None:
            menu = QMenu(self.window)
            menu.setObjectName("alternativesMenu")
            for text in choices:
                action = menu.addAction(text if len(text) < 120 else text[:117] + "…")
                action.setToolTip(text)
                action.triggered.connect(lambda _c=False, t=text: self.save_translation(row, t))
            if not choices:
                menu.addAction(self.tr("No alternatives")).setEnabled(False)
            self.alternatives_menu = menu
            menu.popup(where)
            self.window.alternativesShown.emit()

        self.ctx.runner.start("alternatives", lambda _t: workspace.alternatives(sentence), on_done=shown,
                              on_error=self.ctx.error_handler(self.tr("No alternatives")))

    # -- export ------------------------------------------------------------------------------
    def export_translation(self) -> None:
        workspace = self.ctx.workspace
        doc = workspace.document
        if doc is None or not len(doc):
            self.ctx.status(self.tr("There is no document to export."), 5000)
            return
        base = Path(doc.title).stem or "translation"
        start = doc.path.parent if doc.path is not None else Path.home()
        filters = {translate(CONTEXT, label): fmt for label, fmt in EXPORT_FILTERS.items()}
        name, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export translation"), str(start / f"{base}.en.txt"), ";;".join(filters))
        if not name:
            return
        path = Path(name)
        fmt = filters.get(chosen) or path.suffix.lower().lstrip(".") or "txt"
        if path.suffix.lower().lstrip(".") != fmt:
            path = path.with_name(f"{path.name}.{fmt}")
        snapshot = type(doc)(doc.document, list(doc.translations), list(doc.edited))
        missing = len(snapshot.missing_rows())

        def done(_fmt: str) -> None:
            if missing:
                text = self.tr("Exported the translation to {path} (%n sentences not translated yet)", None,
                               missing)
            else:
                text = self.tr("Exported the translation to {path}")
            self.ctx.status(text.format(path=path), 8000)

        self.ctx.runner.start("export translation",
                              lambda _t: workspace.export_translation(snapshot, path, fmt),
                              on_done=done, heavy=True,
                              on_error=self.ctx.error_handler(self.tr("Export failed")))

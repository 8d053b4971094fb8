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
from desktop.ui.workers import TaskContext, TaskHandle

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

EXPORT_FILTERS = {
    "Plain English text (*.txt)": "txt",
    "Bilingual web page (*.html)": "html",
    "Bilingual table, tab-separated (*.tsv)": "tsv",
    "Bilingual table, CSV (*.csv)": "csv",
    "TMX 1.4 for CAT tools (*.tmx)": "tmx",
}
Batch = tuple[list[int], list[str], list[bool]]


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def finished_message(memory: int, model: int, seconds: float) -> str:
    """What a finished translation says: how many sentences the model translated, and how
    many came from the translation memory."""
    if not model:
        return f"All {plural(memory, 'sentence')} came from the translation memory."
    text = f"Translated {plural(model, 'sentence')} with the model in {seconds:.1f} s"
    return text + (f"; {memory} came from the translation memory." if memory else ".")


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
        self.retranslate_action = action("&Translate Again", self.translate_again, "F5")
        self.cancel_action = action("&Cancel Translation", self.cancel_translation, "Esc")
        self.cancel_action.setEnabled(False)  # while a translation runs
        self.export_translation_action = action(
            "Export &Translation…", self.export_translation, "Ctrl+E",
            "Save the English, a bilingual page or table, or TMX for CAT tools")
        # F2 is the reading view's own key (in the glossary table it edits a cell): the menu
        # shows it without binding it for the whole window.
        self.edit_translation_action = action(
            "&Edit Translation\tF2", self.edit_translation, None,
            "Edit the English of the current sentence (F2 or double-click)")
        bar = window.statusBar()
        self.progress = QProgressBar(window)
        self.progress.setObjectName("translationProgress")
        # Wide enough for "Translating 1260 of 6200" at any window size.
        self.progress.setMinimumWidth(self.progress.fontMetrics().horizontalAdvance(
            "Translating 00000 of 00000") + 24)
        self.progress.setMaximumWidth(max(260, self.progress.minimumWidth()))
        self.progress.setTextVisible(True)
        self.progress.setFormat("Translating %v of %m")
        self.progress.hide()
        bar.addPermanentWidget(self.progress)
        self.cancel_button = QToolButton(window)
        self.cancel_button.setObjectName("cancelTranslation")
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop translating; finished sentences are kept")
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
        job = workspace.translation_job()
        if job is None or not len(job.document):
            return
        self.cancel_translation()
        if not job.rows:
            self.ctx.status(f"All {plural(len(job.document), 'sentence')} come from the translation "
                            "memory.", 6000)
            self.window.translationFinished.emit()
            return
        self._serial += 1
        serial = self._serial
        self._run(job, serial)

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
                self.ctx.status(f"Translation cancelled: {doc.translated_count()} of {len(doc)} "
                                "sentences translated.", 8000)
                self.window.translationCancelled.emit()

        def failed(exc: BaseException) -> None:
            if current():
                self._ended()
                self.ctx.show_error("Translation failed", exc)

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
            self.ctx.status("Open a document first (Ctrl+O); then F5 translates it.", 6000)
        elif workspace.engine is None:
            self.ctx.status("No translation model is loaded: install one from Translation → Install "
                            "Model from File… or Download Model…", 8000)
        elif self.translating:
            self.ctx.status("The translation is already running.", 4000)
        elif not doc.missing_rows():
            self.ctx.status(f"All {plural(len(doc), 'sentence')} are translated.", 5000)
        else:
            self.translate_document()

    def cancel_translation(self) -> None:
        """Ask the running translation to stop; sentences already translated stay."""
        if self._task is not None and not self._task.finished:
            self._task.cancel()

    def edit_translation(self) -> None:
        if self.reader.current_row < 0:
            self.ctx.status("Click a sentence first; then F2 edits its English.", 5000)
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
            self.ctx.show_error("Cannot save the translation", exc)
            return
        self.ctx.publish(changes)
        others = len(changes.translations) - 1
        extra = f" and {others} other occurrence{'s' if others != 1 else ''}" if others > 0 else ""
        self.ctx.status(f"Saved your translation of sentence {row + 1}{extra}; "
                        "it is used wherever this sentence appears.", 6000)

    def revert_translation(self, row: int) -> None:
        """Forget the translator's English for sentence ``row``; show the machine's again."""
        try:
            outcome = self.ctx.workspace.revert(row)
        except Exception as exc:
            self.ctx.show_error("Cannot revert the translation", exc)
            return
        self.ctx.publish(outcome.changes)
        if not outcome.value:
            if self.ctx.workspace.engine is None:
                self.reader.clear_pending("")
            self.translate_document()
        self.ctx.status("Reverted to the machine translation.", 5000)

    def show_alternatives(self, row: int, where: QPoint) -> None:
        """Offer the model's n-best translations of sentence ``row`` in a menu at ``where``."""
        workspace = self.ctx.workspace
        doc = workspace.document
        if doc is None or not doc.valid(row):
            return
        if workspace.engine is None:
            self.ctx.status("Alternative translations need a translation model.", 6000)
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
                menu.addAction("No alternatives").setEnabled(False)
            self.alternatives_menu = menu
            menu.popup(where)
            self.window.alternativesShown.emit()

        self.ctx.runner.start("alternatives", lambda _t: workspace.alternatives(sentence), on_done=shown,
                              on_error=self.ctx.error_handler("No alternatives"))

    # -- export ------------------------------------------------------------------------------
    def export_translation(self) -> None:
        workspace = self.ctx.workspace
        doc = workspace.document
        if doc is None or not len(doc):
            self.ctx.status("There is no document to export.", 5000)
            return
        base = Path(doc.title).stem or "translation"
        start = doc.path.parent if doc.path is not None else Path.home()
        name, chosen = QFileDialog.getSaveFileName(
            self.window, "Export translation", str(start / f"{base}.en.txt"), ";;".join(EXPORT_FILTERS))
        if not name:
            return
        path = Path(name)
        fmt = EXPORT_FILTERS.get(chosen) or path.suffix.lower().lstrip(".") or "txt"
        if path.suffix.lower().lstrip(".") != fmt:
            path = path.with_name(f"{path.name}.{fmt}")
        snapshot = type(doc)(doc.document, list(doc.translations), list(doc.edited))
        missing = len(snapshot.missing_rows())

        def done(_fmt: str) -> None:
            note = f" ({missing} sentences not translated yet)" if missing else ""
            self.ctx.status(f"Exported the translation to {path}{note}", 8000)

        self.ctx.runner.start("export translation",
                              lambda _t: workspace.export_translation(snapshot, path, fmt),
                              on_done=done, heavy=True, on_error=self.ctx.error_handler("Export failed"))

"""Glossary import and export: File → Import Glossary… (read, preview, then write) and
Export Glossary…, one at a time, with progress and a Stop button in the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressBar, QToolButton

from desktop.core.changes import Outcome
from desktop.core.errors import BadInputError
from desktop.core.glossary import exchange
from desktop.core.glossary.exchange import ImportResult, ImportRow
from desktop.core.translation.tmx import MemoryUnit
from desktop.core.workspace import Exported, ImportFile
from desktop.ui.context import AppContext
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate
from desktop.ui.import_preview import ImportPreviewDialog
from desktop.ui.workers import TaskContext, TaskHandle

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

T = TypeVar("T")
GLOSSARY_EXPORT_FILTERS = {
    QT_TRANSLATE_NOOP("Tarjuman", "CSV (*.csv)"): "csv",
    QT_TRANSLATE_NOOP("Tarjuman", "CSV for Excel (*.csv)"): "excel",
    QT_TRANSLATE_NOOP("Tarjuman", "Anki deck (*.tsv)"): "anki",
    QT_TRANSLATE_NOOP("Tarjuman", "TBX for CAT tools (*.tbx)"): "tbx",
    QT_TRANSLATE_NOOP("Tarjuman", "TBX v3, ISO 30042:2019 (*.tbx)"): "tbx3",
    QT_TRANSLATE_NOOP("Tarjuman", "OmegaT glossary (*.utf8)"): "omegat",
}


class ExchangeController(QObject):
    """Runs glossary imports and exports in the background, one at a time."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.import_preview: ImportPreviewDialog | None = None
        self.memory_preview: QMessageBox | None = None
        self._job: TaskHandle | None = None
        action = ctx.action
        self.export_action = action(self.tr("&Export Glossary…"), lambda: self.export_glossary(excel=False),
                                    None, self.tr("CSV, CSV for Excel, Anki, TBX or OmegaT"))
        self.export_excel_action = action(self.tr("Export Glossary for E&xcel…"),
                                          lambda: self.export_glossary(excel=True))
        self.import_action = action(self.tr("&Import Glossary…"), lambda: self.import_glossary(),
                                    None, self.tr("CSV, TSV, Anki, TBX or OmegaT, with a preview"))
        self.import_memory_action = action(self.tr("Import Translation &Memory…"),
                                           lambda: self.import_memory(), None,
                                           self.tr("TMX from a CAT tool: preferred translations"))
        self.export_memory_action = action(self.tr("Export Translation Memor&y…"), self.export_memory, None,
                                           self.tr("The translation memory as TMX 1.4"))
        bar = window.statusBar()
        self.job_progress = QProgressBar(window)
        self.job_progress.setObjectName("jobProgress")
        self.job_progress.setMinimumWidth(250)
        self.job_progress.setMaximumWidth(300)
        self.job_progress.setTextVisible(True)
        self.job_progress.hide()
        bar.addPermanentWidget(self.job_progress)
        self.job_cancel = QToolButton(window)
        self.job_cancel.setObjectName("cancelJob")
        self.job_cancel.setText(self.tr("Stop"))
        self.job_cancel.hide()
        bar.addPermanentWidget(self.job_cancel)
        self.job_cancel.clicked.connect(lambda: self._job.cancel() if self._job is not None else None)
        window.glossary.exportRequested.connect(lambda: self.export_glossary(excel=False))

    # -- the status-bar job ------------------------------------------------------------------
    def _job_running(self, wanted: str) -> bool:
        """One glossary import or export at a time: say so if one is running."""
        if self._job is None:
            return False
        texts = {("import", "import"): self.tr("Wait for the running import to finish (or stop it) before "
                                               "starting an import."),
                 ("import", "export"): self.tr("Wait for the running import to finish (or stop it) before "
                                               "starting an export."),
                 ("export", "import"): self.tr("Wait for the running export to finish (or stop it) before "
                                               "starting an import."),
                 ("export", "export"): self.tr("Wait for the running export to finish (or stop it) before "
                                               "starting an export.")}
        self.ctx.status(texts[self._job.name, wanted], 6000)
        return True

    def forget_job(self) -> None:
        """Stop the running import or export and stop showing it (the glossary is switched)."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self.job_progress.hide()
        self.job_cancel.hide()

    def _run_job(self, name: str, work: Callable[[TaskContext], T],
                 on_done: Callable[[T], None], error_title: str, stopped: str) -> TaskHandle:
        """Run the import or export (``name``) with the progress bar and Stop button."""
        bar, button = self.job_progress, self.job_cancel
        if name == "import":
            bar.setFormat(self.tr("Importing %v of %m"))
            button.setToolTip(self.tr("Stop importing; nothing is changed"))
        else:
            bar.setFormat(self.tr("Exporting %v of %m"))
            button.setToolTip(self.tr("Stop exporting; nothing is changed"))
        bar.setRange(0, 0)  # busy until the first progress report
        bar.show()
        button.show()

        def progress(done: int, total: int) -> None:
            if handle is self._job and total > 0:
                bar.setRange(0, total)
                bar.setValue(done)

        def finish() -> None:
            if handle is self._job:
                self._job = None
                bar.hide()
                button.hide()

        def done(result: T) -> None:
            finish()
            on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            self.ctx.show_error(error_title, exc)

        def cancelled() -> None:
            shown = handle is self._job  # not when the glossary was switched meanwhile
            finish()
            if shown:
                self.ctx.status(stopped, 8000)
                self.window.jobStopped.emit()

        handle = self.ctx.runner.start(name, work, heavy=True, on_done=done, on_error=failed,
                                       on_progress=progress, on_cancelled=cancelled)
        self._job = handle
        return handle

    # -- import ------------------------------------------------------------------------------
    def import_glossary(self, path: Path | None = None) -> None:
        """File → Import Glossary…: read and preview in the background; write on confirm."""
        if self._job_running("import"):
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import glossary"), "",
                self.tr("Glossaries (*.csv *.tsv *.txt *.tab *.tbx *.xml *.utf8 *.db);;All files (*)"))
            if not name:
                return
            path = Path(name)
        chosen, workspace = path, self.ctx.workspace
        self.ctx.runner.start("read glossary", lambda _t: workspace.read_import(chosen), heavy=True,
                              on_done=self._preview_import,
                              on_error=self.ctx.error_handler(self.tr("Cannot import the glossary")))

    def _preview_import(self, file: ImportFile) -> None:
        dialog = ImportPreviewDialog(file, self.ctx.workspace, self.window, runner=self.ctx.runner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_preview = dialog
        dialog.accepted.connect(lambda: self._run_import(dialog.rows(), dialog.policy(),
                                                         dialog.new_categories()))
        dialog.finished.connect(lambda _r: setattr(self, "import_preview", None))
        dialog.open()

    def _run_import(self, rows: list[ImportRow], policy: str, new_categories: str = "other") -> None:
        workspace = self.ctx.workspace

        def work(task: TaskContext) -> Outcome[ImportResult]:
            return workspace.import_rows(rows, policy, new_categories=new_categories,
                                         progress=task.progress, cancel=task.cancel)

        def done(outcome: Outcome[ImportResult]) -> None:
            result = outcome.value
            self.ctx.publish(outcome.changes)
            self.ctx.status(self.tr("Imported %n terms ({added} new, {updated} updated, {skipped} skipped)",
                                    None, result.total).format(added=result.added, updated=result.updated,
                                                               skipped=result.skipped), 8000)
            self.window.glossaryImported.emit()

        self._run_job("import", work, done, self.tr("Import failed"),
                      self.tr("Import stopped; the glossary is as it was."))

    # -- translation memories ------------------------------------------------------------------
    def import_memory(self, path: Path | None = None) -> None:
        """File → Import Translation Memory…: read the TMX in the background, show what it
        holds, and store it (after a backup, all or nothing) when the user agrees."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import translation memory"), "",
                                                  self.tr("Translation memories (*.tmx);;All files (*)"))
            if not name:
                return
            path = Path(name)
        chosen, workspace = path, self.ctx.workspace
        self.ctx.runner.start("read memory", lambda _t: workspace.read_memory_file(chosen), heavy=True,
                              on_done=lambda units: self._confirm_memory(chosen, units),
                              on_error=self.ctx.error_handler(
                                  self.tr("Cannot import the translation memory")))

    def _confirm_memory(self, path: Path, units: list[MemoryUnit]) -> None:
        if not units:
            self.ctx.show_error(self.tr("Nothing to import"), BadInputError(
                self.tr("“{name}” holds no Arabic → English translation units.").format(name=path.name)))
            return
        sample = "\n".join(f"• {u.source}  →  {u.target}" for u in units[:5])
        text = self.tr("“{name}” holds %n Arabic → English units, for example:\n\n{sample}\n\nThey become "
                       "your preferred translations, used wherever these sentences appear. The glossary is "
                       "backed up first.", None, len(units)).format(name=path.name, sample=sample)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import translation memory"), text,
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("memoryPreview")
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Import"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.memory_preview = box
        box.accepted.connect(lambda: self._run_memory_import(units))
        box.open()

    def _run_memory_import(self, units: list[MemoryUnit]) -> None:
        workspace = self.ctx.workspace

        def done(outcome: Outcome[int]) -> None:
            self.ctx.publish(outcome.changes)
            self.ctx.status(self.tr("Imported %n translations into the memory", None, outcome.value), 8000)
            self.window.memoryImported.emit()

        self._run_job("import", lambda _t: workspace.import_memory(units), done,
                      self.tr("Import failed"), self.tr("Import stopped; the memory is as it was."))

    def export_memory(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export translation memory"),
                                              str(Path.home() / "tarjuman-memory.tmx"),
                                              self.tr("Translation memories (*.tmx)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".tmx") else Path(name + ".tmx")
        workspace = self.ctx.workspace
        self.ctx.runner.start(
            "export memory", lambda _t: workspace.export_memory(path), heavy=True,
            on_done=lambda done: self.ctx.status(
                self.tr("Exported %n translations to {path}", None, done.value).format(path=path), 8000),
            on_error=self.ctx.error_handler(self.tr("Export failed")))

    # -- export ------------------------------------------------------------------------------
    def export_glossary(self, excel: bool = False) -> None:
        """File → Export Glossary…: CSV (Excel or plain), Anki, TBX or OmegaT, atomically."""
        if self._job_running("export"):
            return
        filters = {translate(CONTEXT, label): fmt for label, fmt in GLOSSARY_EXPORT_FILTERS.items()}
        first = next(label for label, fmt in filters.items() if fmt == ("excel" if excel else "csv"))
        suggested = str(Path.home() / ("glossary-excel.csv" if excel else "glossary.csv"))
        name, chosen = QFileDialog.getSaveFileName(self.window, self.tr("Export glossary"), suggested,
                                                   ";;".join(filters), first)
        if not name:
            return
        path = Path(name)
        fmt = filters.get(chosen) or exchange.format_for_export(path)
        if excel and chosen not in filters:
            fmt = "excel"
        suffix = exchange.SUFFIXES[fmt]
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        deck = "Tarjuman"
        if fmt == "anki":
            deck, ok = QInputDialog.getText(self.window, self.tr("Anki deck"), self.tr("Deck name:"),
                                            text=deck)
            if not ok:
                return
        workspace = self.ctx.workspace

        def work(task: TaskContext) -> Outcome[Exported]:
            return workspace.export_glossary(path, fmt, deck=deck, progress=task.progress,
                                             cancel=task.cancel)

        def exported(done: Outcome[Exported]) -> None:
            result = done.value
            if result.not_carried:
                text = self.tr("Exported %n terms to {path} ({format} does not carry {fields})", None,
                               result.count)
            else:
                text = self.tr("Exported %n terms to {path}", None, result.count)
            self.ctx.status(text.format(path=path, format=result.format,
                                        fields=", ".join(result.not_carried)), 10000)
            if result.skipped:
                terms = ", ".join(result.skipped[:20]) + (" …" if len(result.skipped) > 20 else "")
                self.ctx.show_error(self.tr("Some terms were left out"), BadInputError(
                    self.tr("%n terms cannot be written as {format}: {terms}", None,
                            len(result.skipped)).format(format=result.format, terms=terms)))

        self._run_job("export", work, exported, self.tr("Export failed"),
                      self.tr("Export stopped; {name} was not written.").format(name=path.name))

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
from desktop.ui.import_preview import ImportPreviewDialog
from desktop.ui.workers import TaskContext, TaskHandle

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

T = TypeVar("T")
GLOSSARY_EXPORT_FILTERS = {
    "CSV (*.csv)": "csv",
    "CSV for Excel (*.csv)": "excel",
    "Anki deck (*.tsv)": "anki",
    "TBX for CAT tools (*.tbx)": "tbx",
    "TBX v3, ISO 30042:2019 (*.tbx)": "tbx3",
    "OmegaT glossary (*.utf8)": "omegat",
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
        self.export_action = action("&Export Glossary…", lambda: self.export_glossary(excel=False),
                                    None, "CSV, CSV for Excel, Anki, TBX or OmegaT")
        self.export_excel_action = action("Export Glossary for E&xcel…",
                                          lambda: self.export_glossary(excel=True))
        self.import_action = action("&Import Glossary…", lambda: self.import_glossary(),
                                    None, "CSV, TSV, Anki, TBX or OmegaT, with a preview")
        self.import_memory_action = action("Import Translation &Memory…", lambda: self.import_memory(),
                                           None, "TMX from a CAT tool: preferred translations")
        self.export_memory_action = action("Export Translation Memor&y…", self.export_memory, None,
                                           "The translation memory as TMX 1.4")
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
        self.job_cancel.setText("Stop")
        self.job_cancel.hide()
        bar.addPermanentWidget(self.job_cancel)
        self.job_cancel.clicked.connect(lambda: self._job.cancel() if self._job is not None else None)
        window.glossary.exportRequested.connect(lambda: self.export_glossary(excel=False))

    # -- the status-bar job ------------------------------------------------------------------
    def _job_running(self, wanted: str) -> bool:
        """One glossary import or export at a time: say so if one is running."""
        if self._job is None:
            return False
        self.ctx.status(f"Wait for the running {self._job.name} to finish (or stop it) "
                        f"before starting an {wanted}.", 6000)
        return True

    def forget_job(self) -> None:
        """Stop the running import or export and stop showing it (the glossary is switched)."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self.job_progress.hide()
        self.job_cancel.hide()

    def _run_job(self, name: str, work: Callable[[TaskContext], T], verb: str,
                 on_done: Callable[[T], None], error_title: str, stopped: str) -> TaskHandle:
        bar, button = self.job_progress, self.job_cancel
        bar.setFormat(f"{verb} %v of %m")
        bar.setRange(0, 0)  # busy until the first progress report
        bar.show()
        button.setToolTip(f"Stop {verb.lower()}; nothing is changed")
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
                self.window, "Import glossary", "",
                "Glossaries (*.csv *.tsv *.txt *.tab *.tbx *.xml *.utf8 *.db);;All files (*)")
            if not name:
                return
            path = Path(name)
        chosen, workspace = path, self.ctx.workspace
        self.ctx.runner.start("read glossary", lambda _t: workspace.read_import(chosen), heavy=True,
                              on_done=self._preview_import,
                              on_error=self.ctx.error_handler("Cannot import the glossary"))

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
            self.ctx.status(f"Imported {result.total} terms ({result.added} new, {result.updated} "
                            f"updated, {result.skipped} skipped)", 8000)
            self.window.glossaryImported.emit()

        self._run_job("import", work, "Importing", done, "Import failed",
                      "Import stopped; the glossary is as it was.")

    # -- translation memories ------------------------------------------------------------------
    def import_memory(self, path: Path | None = None) -> None:
        """File → Import Translation Memory…: read the TMX in the background, show what it
        holds, and store it (after a backup, all or nothing) when the user agrees."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.window, "Import translation memory", "",
                                                  "Translation memories (*.tmx);;All files (*)")
            if not name:
                return
            path = Path(name)
        chosen, workspace = path, self.ctx.workspace
        self.ctx.runner.start("read memory", lambda _t: workspace.read_memory_file(chosen), heavy=True,
                              on_done=lambda units: self._confirm_memory(chosen, units),
                              on_error=self.ctx.error_handler("Cannot import the translation memory"))

    def _confirm_memory(self, path: Path, units: list[MemoryUnit]) -> None:
        if not units:
            self.ctx.show_error("Nothing to import", BadInputError(
                f"“{path.name}” holds no Arabic → English translation units."))
            return
        sample = "\n".join(f"• {u.source}  →  {u.target}" for u in units[:5])
        box = QMessageBox(QMessageBox.Icon.Question, "Import translation memory",
                          f"“{path.name}” holds {len(units)} Arabic → English units, for example:\n\n"
                          f"{sample}\n\nThey become your preferred translations, used wherever these "
                          "sentences appear. The glossary is backed up first.",
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("memoryPreview")
        box.button(QMessageBox.StandardButton.Ok).setText("Import")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.memory_preview = box
        box.accepted.connect(lambda: self._run_memory_import(units))
        box.open()

    def _run_memory_import(self, units: list[MemoryUnit]) -> None:
        workspace = self.ctx.workspace

        def done(outcome: Outcome[int]) -> None:
            self.ctx.publish(outcome.changes)
            self.ctx.status(f"Imported {outcome.value} translations into the memory", 8000)
            self.window.memoryImported.emit()

        self._run_job("import", lambda _t: workspace.import_memory(units), "Importing", done,
                      "Import failed", "Import stopped; the memory is as it was.")

    def export_memory(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window, "Export translation memory",
                                              str(Path.home() / "tarjuman-memory.tmx"),
                                              "Translation memories (*.tmx)")
        if not name:
            return
        path = Path(name) if name.lower().endswith(".tmx") else Path(name + ".tmx")
        workspace = self.ctx.workspace
        self.ctx.runner.start(
            "export memory", lambda _t: workspace.export_memory(path), heavy=True,
            on_done=lambda done: self.ctx.status(f"Exported {done.value} translations to {path}", 8000),
            on_error=self.ctx.error_handler("Export failed"))

    # -- export ------------------------------------------------------------------------------
    def export_glossary(self, excel: bool = False) -> None:
        """File → Export Glossary…: CSV (Excel or plain), Anki, TBX or OmegaT, atomically."""
        if self._job_running("export"):
            return
        filters = GLOSSARY_EXPORT_FILTERS
        first = "CSV for Excel (*.csv)" if excel else "CSV (*.csv)"
        suggested = str(Path.home() / ("glossary-excel.csv" if excel else "glossary.csv"))
        name, chosen = QFileDialog.getSaveFileName(self.window, "Export glossary", suggested,
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
            deck, ok = QInputDialog.getText(self.window, "Anki deck", "Deck name:", text="Tarjuman")
            if not ok:
                return
        workspace = self.ctx.workspace

        def work(task: TaskContext) -> Outcome[Exported]:
            return workspace.export_glossary(path, fmt, deck=deck, progress=task.progress,
                                             cancel=task.cancel)

        def exported(done: Outcome[Exported]) -> None:
            result = done.value
            lost = ""
            if result.not_carried:
                lost = f" ({result.format} does not carry {', '.join(result.not_carried)})"
            self.ctx.status(f"Exported {result.count} terms to {path}{lost}", 10000)
            if result.skipped:
                self.ctx.show_error("Some terms were left out", BadInputError(
                    f"{len(result.skipped)} terms cannot be written as {result.format}: "
                    f"{', '.join(result.skipped[:20])}{' …' if len(result.skipped) > 20 else ''}"))

        self._run_job("export", work, "Exporting", exported,
                      "Export failed", f"Export stopped; {path.name} was not written.")

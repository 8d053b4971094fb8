"""Translation models: loading the engine (the banner when there is none), installing from
a file, downloading, removing (Manage Models…), and the preferences that reload it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from desktop.core.changes import Changes, Outcome
from desktop.core.translation.engine import ArgosEngine
from desktop.core.translation.packages import ModelInfo
from desktop.ui import settings as opts
from desktop.ui.context import AppContext
from desktop.ui.model_manager import ModelManagerDialog
from desktop.ui.preferences import PreferencesDialog
from desktop.ui.workers import TaskContext, TaskHandle

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class ModelsController(QObject):
    """Keeps the engine loaded and the banner and model manager in step with the models."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window, self.banner = ctx, window, window.banner
        self.model_manager: ModelManagerDialog | None = None
        action = ctx.action
        self.models_action = action(self.tr("&Manage Models…"), self.show_model_manager)
        self.install_action = action(self.tr("&Install Model from File…"), self.install_model_from_file)
        self.download_action = action(self.tr("&Download Model…"), self.download_model)
        self.banner.installRequested.connect(self.install_model_from_file)
        self.banner.downloadRequested.connect(self.download_model)
        ctx.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if changes.models:
            self._refresh_model_manager()

    # -- the engine --------------------------------------------------------------------------
    def load_engine(self) -> None:
        workspace = self.ctx.workspace
        workspace.unload_engine()
        self.ctx.runner.start("load engine", lambda _t: workspace.load_engine(),
                              on_done=self._engine_loaded, on_error=self._engine_failed)

    def _engine_loaded(self, engine: ArgosEngine) -> None:
        changes = self.ctx.workspace.engine_loaded(engine)
        self.banner.hide()
        self.window.engineChanged.emit("ready")
        info = engine.info
        self.ctx.status(self.tr("Model: {source} → {target} {version}").format(
            source=info.from_name, target=info.to_name, version=info.version), 5000)
        self.ctx.publish(changes)

    def _engine_failed(self, exc: BaseException) -> None:
        workspace = self.ctx.workspace
        changes = workspace.engine_failed(exc)
        if workspace.engine_state == "missing":
            self.banner.show_missing()
        else:
            self.banner.show_broken(workspace.engine_problem)
        self.banner.show()
        self.window.reader.clear_pending("")
        self.window.engineChanged.emit(workspace.engine_state)
        self.ctx.publish(changes)

    # -- installing and removing -------------------------------------------------------------
    def install_model_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Install translation model"), "",
                                              self.tr("Argos models (*.argosmodel);;All files (*)"))
        if name:
            self.install_model(Path(name))

    def install_model(self, path: Path) -> TaskHandle:
        dialog = self._progress_dialog(self.tr("Installing model…"),
                                       self.tr("Installing {name}…").format(name=path.name))
        install = self.ctx.workspace.install_model

        def work(task: TaskContext) -> Outcome[ModelInfo]:
            return install(path, progress=task.progress, cancel=task.cancel)

        return self._run_with_dialog("install", work, dialog)

    def download_model(self) -> TaskHandle:
        dialog = self._progress_dialog(self.tr("Downloading model…"), self.tr(
            "Downloading the Arabic→English model from the Argos package index…"))
        download = self.ctx.workspace.download_model

        def work(task: TaskContext) -> Outcome[ModelInfo]:
            return download(progress=task.progress, cancel=task.cancel, on_stage=task.partial)

        return self._run_with_dialog("download", work, dialog, bytes_progress=True)

    def _progress_dialog(self, title: str, text: str) -> QProgressDialog:
        dialog = QProgressDialog(text, self.tr("Cancel"), 0, 0, self.window)
        dialog.setObjectName("modelProgress")
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    def _run_with_dialog(self, name: str, work: Callable[[TaskContext], Outcome[ModelInfo]],
                         dialog: QProgressDialog, bytes_progress: bool = False) -> TaskHandle:
        label = dialog.labelText()

        def progress(done: int, total: int) -> None:
            if total > 0:
                scale = 1024 if total > 2**31 - 1 else 1
                dialog.setMaximum(total // scale)
                dialog.setValue(done // scale)
                if bytes_progress:
                    dialog.setLabelText(label + "\n" + self.tr("{done} of {total} MB").format(
                        done=f"{done / 1_048_576:.1f}", total=f"{total / 1_048_576:.1f}"))
            else:
                dialog.setMaximum(0)

        def stage(value: object) -> None:
            if value == "install":
                dialog.setLabelText(self.tr("Installing the downloaded model…"))

        def finish() -> None:
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

        def done(outcome: Outcome[ModelInfo]) -> None:
            finish()
            info = outcome.value
            self.ctx.status(self.tr("Installed {source} → {target} {version}").format(
                source=info.from_name, target=info.to_name, version=info.version), 8000)
            self.ctx.publish(outcome.changes)
            self.load_engine()

        def failed(exc: BaseException) -> None:
            finish()
            self.ctx.show_error(self.tr("The model could not be installed"), exc)

        def cancelled() -> None:
            finish()
            self.ctx.status(self.tr("Cancelled; nothing was installed."), 6000)

        handle = self.ctx.runner.start(name, work, on_done=done, on_error=failed, on_progress=progress,
                                       on_partial=stage, on_cancelled=cancelled)
        dialog.canceled.connect(handle.cancel)
        dialog.show()
        return handle

    def show_model_manager(self) -> ModelManagerDialog:
        if self.model_manager is None:
            dialog = ModelManagerDialog(self.window)
            dialog.installRequested.connect(self.install_model_from_file)
            dialog.downloadRequested.connect(self.download_model)
            dialog.removeRequested.connect(self.remove_model)
            self.model_manager = dialog
        self._refresh_model_manager()
        self.model_manager.show()
        self.model_manager.raise_()
        return self.model_manager

    def _refresh_model_manager(self) -> None:
        if self.model_manager is not None:
            listed = self.ctx.workspace.models()
            self.model_manager.set_models(listed.models, listed.active)

    def remove_model(self, path: Path) -> None:
        """Remove an installed package (already confirmed by the user) in the background."""
        workspace = self.ctx.workspace
        in_use = workspace.model_in_use(path)
        if in_use:
            self.window.translation.cancel_translation()
            workspace.unload_engine()

        def done(outcome: Outcome[ModelInfo]) -> None:
            info = outcome.value
            self.ctx.status(self.tr("Removed {source} → {target} {version}").format(
                source=info.from_name, target=info.to_name, version=info.version), 6000)
            self.ctx.publish(outcome.changes)
            if in_use:
                self.load_engine()

        self.ctx.runner.start("remove model", lambda _t: workspace.remove_model(path), on_done=done,
                              on_error=self.ctx.error_handler(self.tr("The model could not be removed")))

    # -- preferences -------------------------------------------------------------------------
    def show_preferences(self) -> PreferencesDialog:
        language = opts.LANGUAGE.get(self.ctx.settings)
        dialog = PreferencesDialog(self.ctx.workspace.preferences, self.window, language=language)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def apply() -> None:
            chosen = dialog.chosen()
            opts.save_preferences(self.ctx.settings, chosen)
            if dialog.language() != language:
                opts.LANGUAGE.set(self.ctx.settings, dialog.language())
                self.ctx.settings.sync()
                self.ctx.status(self.tr("The interface language changes the next time Tarjuman starts."),
                                8000)
            outcome = self.ctx.workspace.set_preferences(chosen)
            self.ctx.publish(outcome.changes)
            if outcome.value:
                self.window.translation.cancel_translation()
                self.load_engine()  # a new CTranslate2 translator with the new settings

        dialog.accepted.connect(apply)
        dialog.open()
        return dialog

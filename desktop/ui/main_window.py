"""The main window: reading view, glossary dock, menus, status bar and background tasks."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from desktop import APP_NAME, __version__
from desktop.core import paths
from desktop.core.arabic import transliterate
from desktop.core.db import backup
from desktop.core.db.engine import dispose, open_database
from desktop.core.documents import ENCODING_CHOICES, Document, document_from_text, read_document
from desktop.core.errors import NoModelError, TarjumanError
from desktop.core.glossary import exchange, store
from desktop.core.glossary.check import insert_term, missing_terms
from desktop.core.glossary.matcher import IndexedTerm, TermIndex, TermMatch
from desktop.core.translation import export, memory, packages
from desktop.core.translation.engine import ArgosEngine
from desktop.core.translation.service import Translated, translate_sentences
from desktop.ui import settings as opts
from desktop.ui import style
from desktop.ui.backups import RestoreDialog
from desktop.ui.banner import ModelBanner
from desktop.ui.categories import CategoriesDialog
from desktop.ui.duplicates import DuplicatesDialog
from desktop.ui.glossary_panel import GlossaryPanel
from desktop.ui.import_preview import ImportPreviewDialog
from desktop.ui.model_manager import ModelManagerDialog
from desktop.ui.preferences import PreferencesDialog
from desktop.ui.reader import ReaderContent, ReaderFormats, ReaderView, build_reader_document
from desktop.ui.term_check import TermCheckDialog
from desktop.ui.term_dialog import TermDialog
from desktop.ui.term_pane import TermPane
from desktop.ui.workers import TaskContext, TaskHandle, TaskRunner

log = logging.getLogger(__name__)
MAX_RECENT = 10
TEXT_FILTER = ("Documents (*.txt *.text *.md *.srt *.docx *.html *.htm *.xhtml *.pdf);;"
               "Text (*.txt *.text *.md *.srt);;Word (*.docx);;Web pages (*.html *.htm);;PDF (*.pdf);;"
               "All files (*)")
EXPORT_FILTERS = {
    "Plain English text (*.txt)": "txt",
    "Bilingual web page (*.html)": "html",
    "Bilingual table, tab-separated (*.tsv)": "tsv",
    "Bilingual table, CSV (*.csv)": "csv",
    "TMX 1.4 for CAT tools (*.tmx)": "tmx",
}
ALTERNATIVES = 4
GLOSSARY_EXPORT_FILTERS = {
    "CSV (*.csv)": "csv",
    "CSV for Excel (*.csv)": "excel",
    "Anki deck (*.tsv)": "anki",
    "TBX for CAT tools (*.tbx)": "tbx",
    "OmegaT glossary (*.utf8)": "omegat",
}


def prepare_document(doc: Document, factory: sessionmaker[Session], model_id: str | None,
                     formats: ReaderFormats) -> tuple[ReaderContent, int | None]:
    """Worker side of opening a document: memory lookup, saved position, the reading view.

    Touches no widget; the built document is handed to the GUI thread.
    """
    texts = [s.text for s in doc.sentences]
    with factory() as session:
        known = memory.lookup(session, model_id, texts)
        position = memory.document_position(session, str(doc.path)) if doc.path else None
    content = build_reader_document(
        doc, formats, [k.target if k else None for k in known], [bool(k and k.edited) for k in known],
        move_to_gui_thread=True)
    return content, position


class MainWindow(QMainWindow):
    """Tarjuman's window. Signals let tests and other code wait for background work."""

    documentShown = Signal()
    engineChanged = Signal(str)  # "ready", "missing" or "broken"
    translationFinished = Signal()
    translationCancelled = Signal()
    termSaved = Signal(int)
    termsHighlighted = Signal()
    glossaryImported = Signal()
    jobStopped = Signal()  # a glossary import or export was stopped by the user
    alternativesShown = Signal()

    def __init__(self, factory: sessionmaker[Session], db_path: Path,
                 settings: QSettings | None = None) -> None:
        super().__init__()
        self.factory = factory
        self.db_path = db_path
        self.settings = settings or QSettings()
        self.runner = TaskRunner(self)
        self.engine: ArgosEngine | None = None
        self.engine_state = "loading"
        self.document: Document | None = None
        self._serial = 0
        self._translate_task: TaskHandle | None = None
        self._translate_started = 0.0
        self.term_dialog: TermDialog | None = None
        self.model_manager: ModelManagerDialog | None = None
        self.import_preview: ImportPreviewDialog | None = None
        self.alternatives_menu: QMenu | None = None
        self._closing = False

        self.setWindowTitle(f"{db_path.name} — {APP_NAME}")
        self.setAcceptDrops(True)
        self.resize(1280, 820)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        self.banner = ModelBanner(central)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.reader = ReaderView(central)
        layout.addWidget(self.reader, 1)
        self.setCentralWidget(central)

        self.load_categories()
        self.glossary = GlossaryPanel(factory, self, loader=self._load_in_background)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.glossary)
        self.term_pane = TermPane(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.term_pane)
        self.splitDockWidget(self.glossary, self.term_pane, Qt.Orientation.Vertical)
        self.term_index: TermIndex | None = None
        self._match_serial = 0
        self.term_check: TermCheckDialog | None = None
        self.resizeDocks([self.glossary], [430], Qt.Orientation.Horizontal)

        self._build_status_bar()
        self._build_actions()
        self._build_menus()

        self.banner.installRequested.connect(self.install_model_from_file)
        self.banner.downloadRequested.connect(self.download_model)
        self.reader.captureRequested.connect(self.capture_term)
        self.reader.currentChanged.connect(self._on_current_sentence)
        self.reader.currentChanged.connect(lambda _row: self.refresh_term_pane())
        self.term_pane.insertRequested.connect(self.insert_glossary_english)
        self.glossary.glossaryChanged.connect(self.load_term_index)
        self.glossary.showInDocumentRequested.connect(self.show_term_in_document)
        self._occurrence: tuple[int, int] = (-1, -1)  # (term id, last shown occurrence)
        self.reader.pageChanged.connect(self._on_page_changed)
        self.reader.translationEdited.connect(self.save_translation)
        self.reader.revertRequested.connect(self.revert_translation)
        self.reader.alternativesRequested.connect(self.show_alternatives)
        self.glossary.exportRequested.connect(lambda: self.export_glossary(excel=False))
        self.glossary.export_button.setText("Export…")
        self._restore_state()

    # -- construction ----------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.doc_label = QLabel(self)
        bar.addWidget(self.doc_label, 1)
        self.prev_page_button = QToolButton(self)
        self.prev_page_button.setObjectName("previousPage")
        self.prev_page_button.setText("◀")
        self.prev_page_button.setToolTip("Previous page (Ctrl+Page Up)")
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")
        self.next_page_button = QToolButton(self)
        self.next_page_button.setObjectName("nextPage")
        self.next_page_button.setText("▶")
        self.next_page_button.setToolTip("Next page (Ctrl+Page Down)")
        for widget in (self.prev_page_button, self.page_label, self.next_page_button):
            bar.addPermanentWidget(widget)
            widget.hide()
        self.prev_page_button.clicked.connect(lambda: self.reader.show_page(self.reader.current_page - 1))
        self.next_page_button.clicked.connect(lambda: self.reader.show_page(self.reader.current_page + 1))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("translationProgress")
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.setFormat("Translating %v of %m")
        self.progress.hide()
        bar.addPermanentWidget(self.progress)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("cancelTranslation")
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop translating; finished sentences are kept")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_translation)
        bar.addPermanentWidget(self.cancel_button)
        # Glossary imports and exports: their own bar, so that they can run beside a translation.
        self.job_progress = QProgressBar(self)
        self.job_progress.setObjectName("jobProgress")
        self.job_progress.setMinimumWidth(250)
        self.job_progress.setMaximumWidth(300)
        self.job_progress.setTextVisible(True)
        self.job_progress.hide()
        bar.addPermanentWidget(self.job_progress)
        self.job_cancel = QToolButton(self)
        self.job_cancel.setObjectName("cancelJob")
        self.job_cancel.setText("Stop")
        self.job_cancel.hide()
        bar.addPermanentWidget(self.job_cancel)
        self._job: TaskHandle | None = None
        self.job_cancel.clicked.connect(lambda: self._job.cancel() if self._job is not None else None)

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action("&Open…", self.choose_document, QKeySequence.StandardKey.Open,
                                        "Open an Arabic text document")
        self.paste_action = self._action("&Paste as Document", self.paste_document, "Ctrl+Shift+V",
                                         "Open the text on the clipboard as a document")
        self.sample_action = self._action("Open &Sample Document", self.open_sample)
        self.reopen_action = self._action("Reopen with &Encoding…", self.reopen_with_encoding)
        self.export_action = self._action("&Export Glossary…", lambda: self.export_glossary(excel=False),
                                          None, "CSV, CSV for Excel, Anki, TBX or OmegaT")
        self.export_excel_action = self._action("Export Glossary for E&xcel…",
                                                lambda: self.export_glossary(excel=True))
        self.import_action = self._action("&Import Glossary…", lambda: self.import_glossary(),
                                          None, "CSV, TSV, Anki, TBX or OmegaT, with a preview")
        self.export_translation_action = self._action(
            "Export &Translation…", self.export_translation, "Ctrl+E",
            "Save the English, a bilingual page or table, or TMX for CAT tools")
        self.preferences_action = self._action("&Preferences…", self.show_preferences,
                                               QKeySequence.StandardKey.Preferences)
        self.models_action = self._action("&Manage Models…", self.show_model_manager)
        self.edit_translation_action = self._action(
            "&Edit Translation", lambda: self.reader.start_edit(self.reader.current_row), None,
            "Edit the English of the current sentence (F2 or double-click)")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.capture_action = self._action("Add &Term…", self.capture_term, "Ctrl+T",
                                           "Save the selected Arabic as a glossary term (Ctrl+T)")
        self.find_action = self._action("&Find in Glossary", self.focus_search, QKeySequence.StandardKey.Find)
        self.retranslate_action = self._action("&Translate Again", self.translate_document, "F5")
        self.cancel_action = self._action("&Cancel Translation", self.cancel_translation, "Esc")
        self.install_action = self._action("&Install Model from File…", self.install_model_from_file)
        self.download_action = self._action("&Download Model…", self.download_model)
        self.about_action = self._action("&About Tarjuman", self.show_about)
        self.undo_action = self.glossary.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.glossary.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        self.new_glossary_action = self._action("&New Glossary…", self.new_glossary)
        self.backup_action = self._action("&Back Up Glossary Now", self.backup_glossary)
        self.restore_action = self._action("Restore Glossary from Bac&kup…", self.restore_glossary)
        self.open_glossary_action = self._action("Open &Glossary…", self.open_glossary)
        self.duplicates_action = self._action("Find &Duplicate Terms…", self.show_duplicates)
        self.categories_action = self._action("C&ategories…", self.show_categories)
        self.term_check_action = self._action("Term &Check…", self.show_term_check, "Ctrl+Shift+K",
                                              "Sentences whose translation lacks a glossary term")
        self.next_page_action = self._action(
            "&Next Page", lambda: self.reader.show_page(self.reader.current_page + 1), "Ctrl+PgDown")
        self.prev_page_action = self._action(
            "&Previous Page", lambda: self.reader.show_page(self.reader.current_page - 1), "Ctrl+PgUp")
        self.log_action = self._action("Open &Log Folder", self.open_log_folder)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        _fill(file_menu, [self.reopen_action, self.paste_action, self.sample_action, None,
                          self.new_glossary_action, self.open_glossary_action,
                          self.backup_action, self.restore_action, None,
                          self.export_translation_action, None,
                          self.import_action, self.export_action, self.export_excel_action, None,
                          self.quit_action])
        _fill(menu.addMenu("&Edit"), [
            self.undo_action, self.redo_action, None,
            self.capture_action, self.edit_translation_action, self.find_action,
            self.duplicates_action, self.categories_action, None, self.preferences_action])
        _fill(menu.addMenu("&Translation"), [
            self.retranslate_action, self.cancel_action, None,
            self.models_action, self.install_action, self.download_action])
        _fill(menu.addMenu("&View"), [
            self.glossary.toggleViewAction(), self.term_pane.toggleViewAction(),
            self.term_check_action, None, self.prev_page_action, self.next_page_action])
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.log_action)
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.capture_action)
        toolbar.addAction(self.glossary.toggleViewAction())
        self._refresh_recent_menu()

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    # -- start-up --------------------------------------------------------------------------
    def start(self, open_path: Path | None = None) -> None:
        """Load the engine in the background and open a document: the given one, the last one,
        or the bundled sample."""
        self.load_engine()
        self.load_term_index()
        db_path, keep = self.db_path, opts.backups_kept(self.settings)
        self.runner.start("backup at open", lambda ctx: backup.backup_if_changed(db_path, keep),
                          on_error=lambda exc: log.warning("backup at open failed: %s", exc))
        if open_path is not None:
            self.open_document(open_path)
            return
        last = self.settings.value("session/lastDocument", "", str)
        if last and Path(last).is_file():
            self.open_document(Path(last))
        else:
            self.open_sample()

    def load_engine(self) -> None:
        self.engine_state = "loading"
        engine_settings = opts.engine_settings(self.settings)
        self.runner.start("load engine", lambda ctx: ArgosEngine.load(settings=engine_settings),
                          on_done=self._engine_loaded, on_error=self._engine_failed)

    def _engine_loaded(self, engine: ArgosEngine) -> None:
        self.engine = engine
        self.engine_state = "ready"
        self.banner.hide()
        self.engineChanged.emit("ready")
        self.statusBar().showMessage(f"Model: {engine.info.from_name} → {engine.info.to_name} "
                                     f"{engine.info.version}", 5000)
        self.translate_document()

    def _engine_failed(self, exc: BaseException) -> None:
        self.engine = None
        if isinstance(exc, NoModelError):
            self.engine_state = "missing"
            self.banner.show_missing()
        elif isinstance(exc, TarjumanError):
            self.engine_state = "broken"
            self.banner.show_broken(str(exc))
        else:
            log.error("loading the engine failed", exc_info=exc)
            self.engine_state = "broken"
            self.banner.show_broken("An unexpected error occurred; details are in the log file.")
        self.banner.show()
        self.reader.clear_pending("")
        self.engineChanged.emit(self.engine_state)

    # -- documents -------------------------------------------------------------------------
    def choose_document(self) -> None:
        start = str(self.document.path.parent) if self.document and self.document.path else ""
        name, _ = QFileDialog.getOpenFileName(self, "Open document", start, TEXT_FILTER)
        if name:
            self.open_document(Path(name))

    def open_sample(self) -> None:
        self.open_document(paths.sample_document())

    def open_document(self, path: Path, encoding: str | None = None) -> None:
        """Read, segment and lay out ``path`` in the background, then show and translate it."""
        self.statusBar().showMessage(f"Opening {path.name}…")
        limit = opts.max_document_bytes(self.settings)
        self._prepare(lambda: read_document(path, max_bytes=limit, encoding=encoding))

    def reopen_with_encoding(self, encoding: str | None = None) -> None:
        """File → Reopen with Encoding…: read the current file again as ``encoding``."""
        doc = self.document
        if doc is None or doc.path is None or doc.encoding in ("docx", "pdf"):
            self.statusBar().showMessage("Only text and web-page files have an encoding to choose.", 5000)
            return
        if encoding is None:
            choices = list(ENCODING_CHOICES)
            current = choices.index(doc.encoding) if doc.encoding in choices else 0
            encoding, ok = QInputDialog.getItem(self, "Reopen with encoding",
                                                f"Read “{doc.title}” as:", choices, current, False)
            if not ok:
                return
        self.open_document(doc.path, encoding)

    def paste_document(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage("The clipboard holds no text to open.", 5000)
            return
        self._prepare(lambda: document_from_text(text, title="Pasted text"))

    def show_document(self, doc: Document) -> None:
        """Show an already read document (its view is still built in the background)."""
        self._prepare(lambda: doc)

    def _prepare(self, load: Any) -> None:
        factory, formats = self.factory, self.reader.formats
        model_id = self.engine.model_id if self.engine is not None else None
        self.runner.start(
            "open", lambda ctx: prepare_document(load(), factory, model_id, formats),
            on_done=self._show_prepared,  # not queued behind glossary work: the user waits
            on_error=lambda exc: self._show_error("Cannot open the document", exc))

    def _show_prepared(self, prepared: tuple[ReaderContent, int | None]) -> None:
        content, position = prepared
        self.save_position()
        self.cancel_translation()
        self._serial += 1  # results for the previous document are now stale
        self._translation_ended()
        doc = content.document
        self.document = doc
        self.reader.show_content(content)
        if self.engine_state in ("missing", "broken"):
            self.reader.clear_pending("")
        self._update_title()
        self._update_doc_label()
        self.statusBar().clearMessage()
        if doc.path is not None:
            self.settings.setValue("session/lastDocument", str(doc.path))
            self._remember_recent(doc.path)
        if position is not None and 0 <= position < len(doc.sentences):
            self.reader.set_current(position)
            QTimer.singleShot(0, lambda row=position: self.reader.scroll_to_row(row))
        self.documentShown.emit()
        self.update_term_matches()
        if not doc.sentences:
            self.statusBar().showMessage("The document is empty.", 5000)
        self.translate_document()

    def save_position(self) -> None:
        """Remember where the reader is in the current document file."""
        doc = self.document
        if doc is None or doc.path is None or not doc.sentences:
            return
        row = self.reader.current_row if self.reader.current_row >= 0 else max(self.reader.top_row(), 0)
        try:
            with self.factory.begin() as session:
                memory.save_document_position(session, str(doc.path), doc.title, row, len(doc.sentences))
        except Exception:  # losing a reading position must never block opening or closing
            log.exception("could not save the reading position")

    def _update_doc_label(self) -> None:
        doc = self.document
        if doc is None:
            self.doc_label.setText("")
            return
        encoding = doc.encoding.upper() + (" (guessed: File → Reopen with Encoding… to change)"
                                           if doc.encoding_guessed else "")
        self.doc_label.setText(f"{doc.title} · {len(doc.sentences)} sentences · "
                               f"{doc.paragraph_count} paragraphs · {encoding}")

    def _remember_recent(self, path: Path) -> None:
        recent = [p for p in self._recent() if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("session/recent", recent[:MAX_RECENT])
        self._refresh_recent_menu()

    def _recent(self) -> list[str]:
        value = self.settings.value("session/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value or []]

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._recent()
        for item in recent:
            action = self.recent_menu.addAction(Path(item).name)
            action.setToolTip(item)
            action.triggered.connect(lambda _c=False, p=item: self.open_document(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    # -- translation -----------------------------------------------------------------------
    def translate_document(self) -> None:
        """Translate the sentences still missing from the view in the background.

        The memory answers first (post-edits, this model's earlier translations); only the rest
        go to the model. Each run gets a serial number; results of a superseded run are ignored.
        """
        doc = self.document
        if doc is None or self.engine is None or not doc.sentences:
            return
        self.cancel_translation()
        rows = self.reader.missing_rows()
        if not rows:
            self.statusBar().showMessage(
                f"All {len(doc.sentences)} sentences come from the translation memory.", 6000)
            self.translationFinished.emit()
            return
        self._serial += 1
        serial = self._serial
        engine, factory = self.engine, self.factory
        texts = [doc.sentences[r].text for r in rows]

        def work(ctx: TaskContext) -> None:
            def deliver(items: list[Translated]) -> None:
                ctx.partial(([rows[t.index] for t in items], [t.target for t in items],
                             [t.edited for t in items]))

            translate_sentences(texts, engine, factory, on_results=deliver, progress=ctx.progress,
                                cancel=ctx.cancel)

        def current() -> bool:
            return serial == self._serial

        def batch(value: tuple[list[int], list[str], list[bool]]) -> None:
            if current():
                self.reader.set_translations(*value, later=True)

        def progress(done: int, total: int) -> None:
            if current():
                self.progress.setValue(done)

        def done(_result: None) -> None:
            if current():
                self._translation_ended()
                seconds = time.monotonic() - self._translate_started
                self.statusBar().showMessage(
                    f"Translated {len(texts)} sentences in {seconds:.1f} s", 8000)
                self.translationFinished.emit()

        def cancelled() -> None:
            if current():
                self._translation_ended()
                finished = sum(t is not None for t in self.reader.translations())
                self.statusBar().showMessage(
                    f"Translation cancelled: {finished} of {len(doc.sentences)} sentences translated.",
                    8000)
                self.translationCancelled.emit()

        def failed(exc: BaseException) -> None:
            if current():
                self._translation_ended()
                self._show_error("Translation failed", exc)

        self.progress.setRange(0, len(texts))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self._translate_started = time.monotonic()
        self._translate_task = self.runner.start(
            "translate", work, on_partial=batch, on_progress=progress, on_done=done,
            on_cancelled=cancelled, on_error=failed)

    # -- post-editing ----------------------------------------------------------------------
    def _same_sentence_rows(self, row: int) -> list[int]:
        assert self.document is not None
        key = memory.source_key(self.document.sentences[row].text)
        return [s.index for s in self.document.sentences if memory.source_key(s.text) == key]

    def save_translation(self, row: int, text: str) -> None:
        """Store the translator's English for sentence ``row``, here and wherever it occurs."""
        if self.document is None or not 0 <= row < len(self.document.sentences):
            return
        if not text.strip():
            self.revert_translation(row)
            return
        sentence = self.document.sentences[row].text
        try:
            with self.factory.begin() as session:
                memory.set_edit(session, sentence, text)
        except Exception as exc:
            self._show_error("Cannot save the translation", exc)
            return
        rows = self._same_sentence_rows(row)
        self.reader.set_translations(rows, [text] * len(rows), [True] * len(rows))
        self.refresh_term_pane()
        others = len(rows) - 1
        extra = f" and {others} other occurrence{'s' if others != 1 else ''}" if others else ""
        self.statusBar().showMessage(f"Saved your translation of sentence {row + 1}{extra}; "
                                     "it is used wherever this sentence appears.", 6000)

    def revert_translation(self, row: int) -> None:
        """Forget the translator's English for sentence ``row``; show the machine's again."""
        if self.document is None or not 0 <= row < len(self.document.sentences):
            return
        sentence = self.document.sentences[row].text
        with self.factory.begin() as session:
            memory.clear_edit(session, sentence)
            machine = (memory.machine_translation(session, self.engine.model_id, sentence)
                       if self.engine is not None else None)
        rows = self._same_sentence_rows(row)
        if machine is not None:
            self.reader.set_translations(rows, [machine] * len(rows), [False] * len(rows))
        else:
            for r in rows:
                self.reader.clear_translation(r)
            if self.engine is None:
                self.reader.clear_pending("")
            self.translate_document()
        self.statusBar().showMessage("Reverted to the machine translation.", 5000)

    def show_alternatives(self, row: int, where: Any) -> None:
        """Offer the model's n-best translations of sentence ``row`` in a menu at ``where``."""
        if self.document is None or not 0 <= row < len(self.document.sentences):
            return
        if self.engine is None:
            self.statusBar().showMessage("Alternative translations need a translation model.", 6000)
            return
        engine = self.engine
        sentence = self.document.sentences[row].text

        def shown(hypotheses: list[list[str]]) -> None:
            menu = QMenu(self)
            menu.setObjectName("alternativesMenu")
            choices = list(dict.fromkeys(h for h in hypotheses[0] if h))
            for text in choices:
                action = menu.addAction(text if len(text) < 120 else text[:117] + "…")
                action.setToolTip(text)
                action.triggered.connect(lambda _c=False, t=text: self.save_translation(row, t))
            if not choices:
                menu.addAction("No alternatives").setEnabled(False)
            self.alternatives_menu = menu
            menu.popup(where)
            self.alternativesShown.emit()

        self.runner.start(
            "alternatives",
            lambda ctx: engine.translate_hypotheses([sentence], num_hypotheses=ALTERNATIVES),
            on_done=shown, on_error=lambda exc: self._show_error("No alternatives", exc))

    def _translation_ended(self) -> None:
        self._translate_task = None
        self.reader.flush_visible()  # the last batches, drawn in the next turn otherwise
        self.progress.hide()
        self.cancel_button.hide()

    @property
    def translating(self) -> bool:
        return self._translate_task is not None and not self._translate_task.finished

    def cancel_translation(self) -> None:
        """Ask the running translation to stop; sentences already translated stay."""
        if self._translate_task is not None and not self._translate_task.finished:
            self._translate_task.cancel()

    # -- glossary --------------------------------------------------------------------------
    def _on_current_sentence(self, row: int) -> None:
        if self.document is not None and 0 <= row < len(self.document.sentences):
            s = self.document.sentences[row]
            self.statusBar().showMessage(f"Sentence {row + 1} of {len(self.document.sentences)} · "
                                         f"characters {s.start}–{s.end}", 4000)

    def _on_page_changed(self, page: int, count: int) -> None:
        several = count > 1
        for widget in (self.prev_page_button, self.page_label, self.next_page_button):
            widget.setVisible(several)
        self.page_label.setText(f"Page {page + 1} of {count}")
        self.prev_page_button.setEnabled(page > 0)
        self.next_page_button.setEnabled(page + 1 < count)
        self.prev_page_action.setEnabled(page > 0)
        self.next_page_action.setEnabled(page + 1 < count)

    def _load_in_background(self, read: Any, install: Any) -> None:
        self.runner.start("load glossary", lambda ctx: read(), on_done=install, heavy=True,
                          on_error=lambda exc: self._show_error("Cannot read the glossary", exc))

    # -- glossary terms in the text --------------------------------------------------------
    def load_term_index(self) -> None:
        """(Re)build the term index from the glossary in the background, then highlight."""
        factory = self.factory

        def loaded(index: TermIndex) -> None:
            if factory is self.factory:
                self.term_index = index
                self.update_term_matches()

        self.runner.start("term index", lambda ctx: store.build_index_from(factory),
                          on_done=loaded, heavy=True,
                          on_error=lambda exc: self._show_error("Glossary", exc))

    def update_term_matches(self) -> None:
        """Find the glossary's terms in the current document (in the background) and show them."""
        index, doc = self.term_index, self.document
        if index is None or doc is None:
            return
        self._match_serial += 1
        serial = self._match_serial

        def found(matches: list[TermMatch]) -> None:
            if serial == self._match_serial and doc is self.document:
                self.reader.set_term_matches(matches)
                self.refresh_term_pane()
                self.termsHighlighted.emit()

        self.runner.start("match terms", lambda ctx: index.find(doc.text), on_done=found, heavy=True,
                          on_error=lambda exc: self._show_error("Term matching failed", exc))

    def refresh_term_pane(self) -> None:
        row = self.reader.current_row
        if row < 0 or self.document is None:
            self.term_pane.show_sentence(-1, [], None)
        else:
            self.term_pane.show_sentence(row, self.reader.term_matches(row), self.reader.translation(row))

    def insert_glossary_english(self, row: int, english: str) -> None:
        """One click: put the glossary English into the sentence's translation (a post-edit)."""
        translation = self.reader.translation(row) or ""
        self.save_translation(row, insert_term(translation, english))
        self.refresh_term_pane()

    def term_problems(self) -> list[tuple[int, list[TermMatch]]]:
        """Every sentence whose translation lacks the English of one of its terms."""
        problems = []
        for row in self.reader.rows_with_terms():
            missing = missing_terms(self.reader.translation(row), self.reader.term_matches(row))
            if missing:
                problems.append((row, missing))
        return problems

    def show_term_check(self) -> TermCheckDialog:
        if self.term_check is None:
            self.term_check = TermCheckDialog(self)
            self.term_check.jumpRequested.connect(self.go_to_sentence)
        count = len(self.document.sentences) if self.document is not None else 0
        self.term_check.set_problems(self.term_problems(), count)
        self.term_check.show()
        self.term_check.raise_()
        return self.term_check

    def show_term_in_document(self, term_id: int) -> None:
        """Select the next occurrence of a glossary term in the document (cycling)."""
        if self.document is None:
            return
        places = [(row, m) for row in self.reader.rows_with_terms()
                  for m in self.reader.term_matches(row) if m.term.id == term_id]
        if not places:
            self.statusBar().showMessage("This term does not occur in the document.", 5000)
            return
        last = self._occurrence[1] if self._occurrence[0] == term_id else -1
        number = (last + 1) % len(places)
        self._occurrence = (term_id, number)
        row, match = places[number]
        sentence = self.document.sentences[row]
        self.reader.scroll_to_row(row)
        self.reader.select_in_sentence(row, match.start - sentence.start, match.end - sentence.start)
        self.statusBar().showMessage(f"Occurrence {number + 1} of {len(places)}", 4000)

    def load_categories(self) -> None:
        """Read the glossary's categories and colours (a handful of rows)."""
        with self.factory() as session:
            style.set_categories([(c.name, c.colour) for c in store.categories(session)])

    def show_categories(self) -> CategoriesDialog:
        dialog = CategoriesDialog(self.factory, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._categories_changed)
        dialog.show()
        return dialog

    def _categories_changed(self) -> None:
        self.load_categories()
        self.glossary.update_categories()
        self.glossary.refresh()
        self.load_term_index()  # matches carry the category, which colours the highlight

    def show_duplicates(self) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self.factory, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self.glossary.refresh)
        dialog.merged.connect(self.load_term_index)
        dialog.show()
        return dialog

    # -- switching glossaries --------------------------------------------------------------
    def new_glossary(self) -> None:
        suggested = str(self.db_path.with_name("glossary-new.db"))
        name, _ = QFileDialog.getSaveFileName(self, "New glossary", suggested, "Glossaries (*.db)")
        if name:
            path = Path(name)
            if path.exists():
                self._show_error("New glossary", TarjumanError(
                    f"“{path.name}” already exists; use File → Open Glossary to open it."))
                return
            self.switch_glossary(path)

    def open_glossary(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open glossary", str(self.db_path.parent),
                                              "Glossaries (*.db);;All files (*)")
        if name:
            self.switch_glossary(Path(name))

    def switch_glossary(self, path: Path) -> None:
        """Use the glossary (and its translation memory) in ``path``; the old one is closed."""
        try:
            factory = open_database(path)
        except TarjumanError as exc:
            self._show_error("Cannot open the glossary", exc)
            return
        self.save_position()
        self._forget_job()
        old = self.factory
        self.factory, self.db_path = factory, path
        self.glossary.undo_stack.clear()
        self.glossary.model.set_factory(factory)
        self.load_categories()
        self.glossary.update_categories()
        self.term_index = None
        self.reader.set_term_matches([])
        dispose(old)
        self.settings.setValue("session/glossary", str(path))
        self._update_title()
        self.load_term_index()
        self.statusBar().showMessage(f"Glossary: {path}", 6000)

    def backup_glossary(self) -> None:
        db_path, keep = self.db_path, opts.backups_kept(self.settings)
        self.runner.start("backup", lambda ctx: backup.make_backup(db_path, "manual", keep),
                          on_done=lambda path: self.statusBar().showMessage(f"Backed up to {path}", 8000),
                          on_error=lambda exc: self._show_error("Backup failed", exc))

    def restore_glossary(self) -> RestoreDialog:
        dialog = RestoreDialog(self.db_path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._restore(dialog.chosen()))
        dialog.open()
        return dialog

    def _restore(self, chosen: backup.BackupInfo | None) -> None:
        if chosen is None:
            return
        path = self.db_path
        self.cancel_translation()
        self._forget_job()
        self.runner.shutdown(5000)  # nothing may hold the glossary open while it is replaced
        dispose(self.factory)
        try:
            backup.restore_backup(chosen.path, path)
        except TarjumanError as exc:
            self._show_error("Restore failed", exc)
        self.switch_glossary(path)
        self.statusBar().showMessage(f"Restored the backup of {chosen.created.astimezone():%Y-%m-%d %H:%M}",
                                     8000)

    def _update_title(self) -> None:
        doc = f"{self.document.title} — " if self.document is not None else ""
        self.setWindowTitle(f"{doc}{self.db_path.name} — {APP_NAME}")

    def go_to_sentence(self, row: int) -> None:
        self.reader.scroll_to_row(row)
        self.reader.set_current(row)

    def focus_search(self) -> None:
        self.glossary.show()
        self.glossary.search.setFocus()
        self.glossary.search.selectAll()

    def capture_term(self) -> None:
        """Open the term dialog for the selected Arabic (Ctrl+T)."""
        selection = self.reader.arabic_selection()
        if selection is None or self.document is None:
            self.statusBar().showMessage("Select Arabic text in the document first, then press Ctrl+T.",
                                         6000)
            return
        with self.factory() as session:
            existing = store.find_by_source(session, selection.text)
        dialog = TermDialog(selection.text, selection.sentence.text, self.document.title,
                            existing=existing, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.term_dialog = dialog
        if not existing and self.engine is not None:
            engine = self.engine
            span = selection.text
            dialog.target.setPlaceholderText("Translating…")
            self.runner.start("suggest", lambda ctx: engine.translate([span])[0] or "",
                              on_done=lambda text: self._offer_suggestion(dialog, text),
                              on_error=lambda exc: log.warning("suggestion failed: %s", exc))
        dialog.set_transliteration(transliterate(selection.text))
        if existing:
            dialog.showExistingRequested.connect(lambda: self._show_existing(existing[0].id))
        dialog.accepted.connect(lambda: self._save_term(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "term_dialog", None))
        dialog.open()

    def _show_existing(self, term_id: int) -> None:
        self.glossary.show()
        self.glossary.search.clear()
        self.glossary.category_filter.setCurrentIndex(0)
        self.glossary.model.set_query("")
        self.glossary.select_term(term_id)

    def _offer_suggestion(self, dialog: TermDialog, text: str) -> None:
        if self.term_dialog is dialog:
            dialog.target.setPlaceholderText("English rendering")
            dialog.set_suggestion(text)

    def _save_term(self, dialog: TermDialog) -> None:
        values = dialog.values()
        try:
            with self.factory.begin() as session:
                record, created = store.add_term(
                    session, values["source"], values["target"], category=values["category"],
                    note=values["note"], context=dialog.context.toPlainText(),
                    document=dialog.document)
        except TarjumanError as exc:
            self._show_error("Cannot save the term", exc)
            return
        self.glossary.refresh()
        self.glossary.select_term(record.id)
        if self.term_index is not None and created:
            self.term_index.add(IndexedTerm(record.id, record.source, record.target, record.category,
                                            record.note))
            self.update_term_matches()
        elif created is False:
            self.load_term_index()
        verb = "Added" if created else "Updated"
        self.statusBar().showMessage(f"{verb} “{record.source}” → “{record.target}”", 6000)
        self.termSaved.emit(record.id)

    def export_glossary(self, excel: bool = False) -> None:
        """File → Export Glossary…: CSV (Excel or plain), Anki, TBX or OmegaT, atomically."""
        if self._job_running("export"):
            return
        filters = dict(GLOSSARY_EXPORT_FILTERS)
        first = "CSV for Excel (*.csv)" if excel else "CSV (*.csv)"
        suggested = str(Path.home() / ("glossary-excel.csv" if excel else "glossary.csv"))
        name, chosen = QFileDialog.getSaveFileName(self, "Export glossary", suggested, ";;".join(filters),
                                                   first)
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
            deck, ok = QInputDialog.getText(self, "Anki deck", "Deck name:", text="Tarjuman")
            if not ok:
                return
        factory = self.factory

        def work(ctx: TaskContext) -> int:
            with factory() as session:
                return exchange.export_terms(store.iter_terms(session), path, fmt, deck=deck,
                                             progress=ctx.progress, cancel=ctx.cancel,
                                             total=store.count_terms(session))

        self._run_job("export", work, "Exporting",
                      lambda n: self.statusBar().showMessage(f"Exported {n} terms to {path}", 8000),
                      lambda exc: self._show_error("Export failed", exc),
                      f"Export stopped; {path.name} was not written.")

    def _job_running(self, wanted: str) -> bool:
        """One glossary import or export at a time: say so if one is running."""
        if self._job is None:
            return False
        self.statusBar().showMessage(f"Wait for the running {self._job.name} to finish (or stop it) "
                                     f"before starting an {wanted}.", 6000)
        return True

    def _forget_job(self) -> None:
        """Stop the running import or export and stop showing it (the glossary is switched)."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self.job_progress.hide()
        self.job_cancel.hide()

    def _run_job(self, name: str, work: Any, verb: str, on_done: Any, on_error: Any,
                 stopped: str) -> TaskHandle:
        """Run a glossary import or export with a progress bar and a Stop button in the
        status bar."""
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

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            on_error(exc)

        def cancelled() -> None:
            shown = handle is self._job  # not when the glossary was switched meanwhile
            finish()
            if shown:
                self.statusBar().showMessage(stopped, 8000)
                self.jobStopped.emit()

        handle = self.runner.start(name, work, heavy=True, on_done=done, on_error=failed,
                                   on_progress=progress, on_cancelled=cancelled)
        self._job = handle
        return handle

    def import_glossary(self, path: Path | None = None) -> None:
        """File → Import Glossary…: read and preview in the background; write on confirm."""
        if self._job_running("import"):
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, "Import glossary", "",
                "Glossaries (*.csv *.tsv *.txt *.tbx *.xml *.utf8);;All files (*)")
            if not name:
                return
            path = Path(name)
        chosen = path
        self.runner.start("read glossary", lambda ctx: exchange.read_import(chosen), heavy=True,
                          on_done=lambda result: self._preview_import(chosen, *result),
                          on_error=lambda exc: self._show_error("Cannot import the glossary", exc))

    def _preview_import(self, path: Path, fmt: str, table: Any, rows: Any) -> None:
        dialog = ImportPreviewDialog(path, fmt, table, rows, self.factory, self,
                                     background=self._load_in_background)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_preview = dialog
        dialog.accepted.connect(lambda: self._run_import(dialog.rows(), dialog.policy()))
        dialog.finished.connect(lambda _r: setattr(self, "import_preview", None))
        dialog.open()

    def _run_import(self, rows: list[exchange.ImportRow], policy: str) -> None:
        factory = self.factory

        db_path, keep = self.db_path, opts.backups_kept(self.settings)

        def work(ctx: TaskContext) -> exchange.ImportResult:
            backup.make_backup(db_path, "before-import", keep)
            with factory.begin() as session:
                return exchange.import_rows(session, rows, progress=ctx.progress, cancel=ctx.cancel,
                                            policy=policy)

        def done(result: exchange.ImportResult) -> None:
            self.glossary.refresh()
            self.load_term_index()
            self.statusBar().showMessage(
                f"Imported {result.total} terms ({result.added} new, {result.updated} updated, "
                f"{result.skipped} skipped)", 8000)
            self.glossaryImported.emit()

        self._run_job("import", work, "Importing", done,
                      lambda exc: self._show_error("Import failed", exc),
                      "Import stopped; the glossary is as it was.")

    # -- models ----------------------------------------------------------------------------
    def install_model_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Install translation model", "",
                                              "Argos models (*.argosmodel);;All files (*)")
        if name:
            self.install_model(Path(name))

    def install_model(self, path: Path) -> TaskHandle:
        dialog = self._progress_dialog("Installing model…", f"Installing {path.name}…")

        def work(ctx: TaskContext) -> packages.ModelInfo:
            return packages.install_package_file(path, progress=ctx.progress, cancel=ctx.cancel)

        return self._run_with_dialog("install", work, dialog, self._model_installed)

    def download_model(self) -> TaskHandle:
        dialog = self._progress_dialog("Downloading model…",
                                       "Downloading the Arabic→English model from the Argos package index…")

        def work(ctx: TaskContext) -> packages.ModelInfo:
            file = packages.download_package(progress=ctx.progress, cancel=ctx.cancel)
            ctx.partial("install")
            return packages.install_package_file(file, progress=ctx.progress, cancel=ctx.cancel)

        return self._run_with_dialog("download", work, dialog, self._model_installed, bytes_progress=True)

    def _progress_dialog(self, title: str, text: str) -> QProgressDialog:
        dialog = QProgressDialog(text, "Cancel", 0, 0, self)
        dialog.setObjectName("modelProgress")
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    def _run_with_dialog(self, name: str, work: Any, dialog: QProgressDialog, on_done: Any,
                         bytes_progress: bool = False) -> TaskHandle:
        label = dialog.labelText()

        def progress(done: int, total: int) -> None:
            if total > 0:
                scale = 1024 if total > 2**31 - 1 else 1
                dialog.setMaximum(total // scale)
                dialog.setValue(done // scale)
                if bytes_progress:
                    dialog.setLabelText(f"{label}\n{done / 1_048_576:.1f} of {total / 1_048_576:.1f} MB")
            else:
                dialog.setMaximum(0)

        def partial(stage: Any) -> None:
            if stage == "install":
                dialog.setLabelText("Installing the downloaded model…")

        def finish() -> None:
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            self._show_error("The model could not be installed", exc)

        def cancelled() -> None:
            finish()
            self.statusBar().showMessage("Cancelled; nothing was installed.", 6000)

        handle = self.runner.start(name, work, on_done=done, on_error=failed, on_progress=progress,
                                   on_partial=partial, on_cancelled=cancelled)
        dialog.canceled.connect(handle.cancel)
        dialog.show()
        return handle

    def _model_installed(self, info: packages.ModelInfo) -> None:
        self.statusBar().showMessage(f"Installed {info.from_name} → {info.to_name} {info.version}", 8000)
        self.engine = None
        self.load_engine()
        self._refresh_model_manager()

    def show_model_manager(self) -> ModelManagerDialog:
        if self.model_manager is None:
            dialog = ModelManagerDialog(self)
            dialog.installRequested.connect(self.install_model_from_file)
            dialog.downloadRequested.connect(self.download_model)
            dialog.removeRequested.connect(self.remove_model)
            self.model_manager = dialog
        self._refresh_model_manager()
        self.model_manager.show()
        self.model_manager.raise_()
        return self.model_manager

    def _refresh_model_manager(self) -> None:
        if self.model_manager is None:
            return
        active = self.engine.info.path if self.engine is not None else None
        if active is None:
            package = packages.find_package()
            active = Path(package.package_path) if package is not None else None
        self.model_manager.set_models(packages.list_installed(), active)

    def remove_model(self, path: Path) -> None:
        """Remove an installed package (already confirmed by the user) in the background."""
        in_use = self.engine is not None and self.engine.info.path == path
        if in_use:
            self.cancel_translation()
            self.engine = None

        def done(info: packages.ModelInfo) -> None:
            self.statusBar().showMessage(f"Removed {info.from_name} → {info.to_name} {info.version}", 6000)
            if in_use:
                self.load_engine()
            self._refresh_model_manager()

        self.runner.start("remove model", lambda ctx: packages.remove_installed(path), on_done=done,
                          on_error=lambda exc: self._show_error("The model could not be removed", exc))

    # -- preferences and export ------------------------------------------------------------
    def show_preferences(self) -> PreferencesDialog:
        before = opts.engine_settings(self.settings)
        dialog = PreferencesDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def apply() -> None:
            after = opts.engine_settings(self.settings)
            if self.engine is None:
                return
            if (after.compute_type, after.threads) != (before.compute_type, before.threads):
                self.cancel_translation()
                self.engine = None
                self.load_engine()  # a new CTranslate2 translator with the new settings
            else:
                self.engine.settings = after

        dialog.accepted.connect(apply)
        dialog.open()
        return dialog

    def export_translation(self) -> None:
        doc = self.document
        if doc is None or not doc.sentences:
            self.statusBar().showMessage("There is no document to export.", 5000)
            return
        base = Path(doc.title).stem or "translation"
        start = doc.path.parent if doc.path is not None else Path.home()
        name, chosen = QFileDialog.getSaveFileName(
            self, "Export translation", str(start / f"{base}.en.txt"), ";;".join(EXPORT_FILTERS))
        if not name:
            return
        path = Path(name)
        fmt = EXPORT_FILTERS.get(chosen) or export.format_for(path)
        if path.suffix.lower().lstrip(".") != fmt:
            path = path.with_name(f"{path.name}.{fmt}")
        targets = self.reader.translations()
        missing = sum(t is None for t in targets)

        def done(_fmt: str) -> None:
            note = f" ({missing} sentences not translated yet)" if missing else ""
            self.statusBar().showMessage(f"Exported the translation to {path}{note}", 8000)

        self.runner.start("export translation",
                          lambda ctx: export.export_translation(doc, targets, path, fmt),
                          on_done=done, heavy=True,
                          on_error=lambda exc: self._show_error("Export failed", exc))

    # -- help ------------------------------------------------------------------------------
    def show_about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Read Arabic documents beside their offline machine translation and build a "
            "glossary of names, titles and places.</p>"
            "<p>Translation runs on this computer with Argos Translate models and CTranslate2; "
            "nothing is sent over the network.</p>"
            "<p>MIT License. Arabic font: Noto Naskh Arabic (SIL Open Font License 1.1).</p>"
            f"<p>Glossary: {self.db_path}</p>")

    def open_log_folder(self) -> None:
        folder = paths.user_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _show_error(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, TarjumanError):
            message = str(exc)
        else:
            log.error("%s", title, exc_info=exc)
            message = ("Something unexpected went wrong. The details were written to the log "
                       f"file in {paths.user_log_dir()}.")
        self.statusBar().clearMessage()
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- drag and drop, close --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if (mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())) or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        if files:
            self.open_document(files[0])
            event.acceptProposedAction()
        elif mime.hasText() and mime.text().strip():
            self.show_document(document_from_text(mime.text(), title="Dropped text"))
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self.reader.cancel_edit()
        self.save_position()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self.runner.shutdown()
        super().closeEvent(event)


def _fill(menu: QMenu, actions: list[QAction | None]) -> None:
    """Add ``actions`` to ``menu``; ``None`` is a separator."""
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)


def window_icon() -> QIcon:
    icon_path = paths.resources_dir() / "icons" / "org.tarjuman.Tarjuman.svg"
    return QIcon(str(icon_path)) if icon_path.exists() else QIcon()

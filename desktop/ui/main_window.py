"""The main window: a shell of menus, docks and the status bar around the reading view.

Each feature has its controller (``documents``, ``translation``, ``terms``, ``exchange``,
``models``, ``files``), which acts through the ``Workspace`` and publishes what changed;
views redraw from that one ``changed`` signal. The window's own signals let tests and other
code wait for background work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QVBoxLayout, QWidget

from desktop import __version__
from desktop.core import names, paths
from desktop.core.changes import Changes
from desktop.core.documents import document_from_text
from desktop.core.workspace import Workspace
from desktop.ui import settings as opts
from desktop.ui import style
from desktop.ui.appearance import AppearanceController
from desktop.ui.banner import ModelBanner
from desktop.ui.context import AppContext
from desktop.ui.documents import DocumentController
from desktop.ui.exchange import ExchangeController
from desktop.ui.glossary_files import GlossaryFilesController
from desktop.ui.glossary_panel import GlossaryPanel
from desktop.ui.help import HelpController
from desktop.ui.i18n import app_name
from desktop.ui.learner import LearnerController
from desktop.ui.models import ModelsController
from desktop.ui.preferences import PreferencesDialog
from desktop.ui.reader import ReaderView
from desktop.ui.team import TeamController
from desktop.ui.term_pane import TermPane
from desktop.ui.terms import TermsController
from desktop.ui.translation import TranslationController
from desktop.ui.words import WordsController

#: The smallest window that still reads: two or three Arabic words a line in the narrowest
#: reading view the docks leave.
MINIMUM_SIZE = (640, 480)
DOCK_MIN_WIDTH = 220
DOCK_WIDTH = 430
# A big glossary's table is read at the latest this long after start (see MainWindow.start).
LOAD_TABLE_AFTER_MS = 10_000
TAB_BELOW_HEIGHT = 640

class MainWindow(QMainWindow):
    """Tarjuman's window over one ``Workspace``."""

    documentShown = Signal()
    engineChanged = Signal(str)  # "ready", "missing" or "broken"
    translationFinished = Signal()
    translationCancelled = Signal()
    termSaved = Signal(int)
    termsHighlighted = Signal()
    glossaryImported = Signal()
    jobStopped = Signal()  # a glossary import or export was stopped by the user
    alternativesShown = Signal()
    lexiconReady = Signal()
    wordShown = Signal(str)  # the Word panel shows this word
    glossesShown = Signal()  # word glosses of the page were drawn
    wordStatusesShown = Signal()  # learner mode coloured the words by status
    vowelsShown = Signal()  # the Arabic is shown vowelled
    memoryImported = Signal()  # a translation memory (TMX) was imported

    def __init__(self, workspace: Workspace, settings: QSettings | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.settings = settings or QSettings()
        opts.upgrade(self.settings)
        workspace.set_preferences(opts.preferences(self.settings))
        names.use_worker_process()  # ONNX Runtime never loads in the window's process
        self.ctx = AppContext(self, workspace, self.settings)
        self.runner = self.ctx.runner
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self.load_categories()

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        self.banner = ModelBanner(central)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.reader = ReaderView(central)
        layout.addWidget(self.reader, 1)
        self.setCentralWidget(central)
        # A big glossary's table is read once the document's terms are highlighted (see start).
        self.glossary = GlossaryPanel(workspace, self, runner=self.runner, defer_load=True)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.glossary)
        self.term_pane = TermPane(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.term_pane)
        self.splitDockWidget(self.glossary, self.term_pane, Qt.Orientation.Vertical)
        self.resizeDocks([self.glossary], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.setMinimumSize(*MINIMUM_SIZE)
        self._state_before_tabs: QByteArray | None = None  # docks tabbed for a low window

        # Views first: they redraw before the controllers act on the same change.
        self.ctx.changed.connect(self._on_changed)
        self.ctx.changed.connect(self.reader.apply)
        self.ctx.changed.connect(self.glossary.apply)
        self.glossary.changed.connect(self.ctx.publish)
        self.translation = TranslationController(self.ctx, self)
        self.documents = DocumentController(self.ctx, self)
        self.terms = TermsController(self.ctx, self)
        self.exchange = ExchangeController(self.ctx, self)
        self.models = ModelsController(self.ctx, self)
        self.files = GlossaryFilesController(self.ctx, self)
        self.team = TeamController(self.ctx, self)
        layout.insertWidget(1, self.team.banner)
        self.words = WordsController(self.ctx, self)
        self.learner = LearnerController(self.ctx, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.words.panel)
        self.tabifyDockWidget(self.term_pane, self.words.panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.learner.panel)
        self.tabifyDockWidget(self.words.panel, self.learner.panel)
        self.learner.panel.hide()
        self.term_pane.raise_()
        self.lexiconReady.connect(self.learner.lexicon_ready)
        self.appearance = AppearanceController(self.ctx, self)
        self.help = HelpController(self.ctx, self)
        self._build_menus()
        self._update_title()
        self._show_read_only()
        self._restore_state()

    # -- construction ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        docs, tr, terms, ex, models, files = (self.documents, self.translation, self.terms,
                                              self.exchange, self.models, self.files)
        action = self.ctx.action
        self.preferences_action = action(self.tr("&Preferences…"), self.show_preferences,
                                         QKeySequence.StandardKey.Preferences)
        self.quit_action = action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.log_action = action(self.tr("Open &Log Folder"), self.open_log_folder)
        self.about_action = action(self.tr("&About Tarjuman"), self.show_about)
        self.undo_action = self.glossary.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.glossary.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"),
                                       QKeySequence(QKeySequence.StandardKey.Redo)])
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(docs.open_action)
        file_menu.addMenu(docs.recent_menu)
        _fill(file_menu, [docs.reopen_action, docs.paste_action, docs.sample_action, None,
                          files.new_glossary_action, files.open_glossary_action,
                          self.team.connect_action, self.team.offline_action,
                          files.backup_action, files.restore_action, None,
                          tr.export_translation_action, None,
                          ex.import_action, ex.export_action, ex.export_excel_action,
                          self.learner.export_action, None, ex.import_memory_action,
                          ex.export_memory_action, None, self.quit_action])
        file_menu.insertMenu(self.team.offline_action, self.team.recent_menu)
        _fill(menu.addMenu(self.tr("&Edit")), [
            self.undo_action, self.redo_action, None,
            terms.capture_action, tr.edit_translation_action, terms.find_action,
            terms.duplicates_action, terms.categories_action, None, self.preferences_action])
        _fill(menu.addMenu(self.tr("&Translation")), [
            tr.retranslate_action, tr.cancel_action, None,
            models.models_action, models.install_action, models.download_action])
        learner = self.learner
        _fill(menu.addMenu(self.tr("T&ools")), [learner.review_action, learner.mark_known_action])
        word_panel = self.words.panel.toggleViewAction()
        word_panel.setShortcut(QKeySequence("Ctrl+Shift+D"))
        appearance = self.appearance
        view_menu = menu.addMenu(self.tr("&View"))
        _fill(view_menu, [
            self.glossary.toggleViewAction(), self.term_pane.toggleViewAction(), word_panel,
            learner.panel.toggleViewAction(), terms.term_check_action, None,
            self.words.glosses_action, self.words.vowels_action, learner.learner_action, None,
            docs.prev_page_action, docs.next_page_action, None,
            appearance.zoom_in_action, appearance.zoom_out_action, appearance.zoom_reset_action])
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        for choice in appearance.theme_actions.values():
            theme_menu.addAction(choice)
        _fill(menu.addMenu(self.tr("&Help")), [self.help.guide_action, self.help.shortcuts_action, None,
                                      self.log_action, self.about_action])
        toolbar = self.addToolBar(self.tr("Main", "the toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for item in (docs.open_action, terms.capture_action, self.glossary.toggleViewAction()):
            toolbar.addAction(item)

    def _restore_state(self) -> None:
        geometry = opts.GEOMETRY.get(self.settings)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = opts.WINDOW_STATE.get(self.settings)
        if not state.isEmpty():
            self.restoreState(state)

    # -- any window size ------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_docks(grew=event.size().width() > event.oldSize().width() > 0)

    def _fit_docks(self, grew: bool = False) -> None:
        """The docks give way to the reading view: together at most half the window's width
        (narrower first), and at a low height the term pane becomes a tab beside the
        glossary instead of sharing its height."""
        limit = max(DOCK_MIN_WIDTH, self.width() // 2)
        for dock in (self.glossary, self.term_pane, self.words.panel, self.learner.panel):
            dock.setMaximumWidth(limit)
        low = self.height() < TAB_BELOW_HEIGHT
        if low and self._state_before_tabs is None and self.term_pane not in \
                self.tabifiedDockWidgets(self.glossary):
            self._state_before_tabs = self.saveState()  # the layout to go back to
            self.tabifyDockWidget(self.glossary, self.term_pane)
            self.tabifyDockWidget(self.term_pane, self.words.panel)
            self.glossary.raise_()
        elif not low and self._state_before_tabs is not None:
            state, self._state_before_tabs = self._state_before_tabs, None
            self.restoreState(state)
        wanted = min(DOCK_WIDTH, limit)
        if grew and self.glossary.isVisible() and self.glossary.width() < wanted:
            # A window made small and then large again gives the docks their room back
            # (Qt would give all of it to the reading view).
            self.resizeDocks([self.glossary], [wanted], Qt.Orientation.Horizontal)

    # -- start-up --------------------------------------------------------------------------
    def start(self, open_path: Path | None = None) -> None:
        """Load the engine and the term index in the background, back the glossary up if it
        changed, and open a document: the given one, the last one, or the bundled sample."""
        self.models.load_engine()
        # The document is read first: the other start-up work waits behind it, not it
        # behind them.
        if open_path is not None:
            self.documents.open_document(open_path)
        else:
            self.documents.open_last_or_sample()
        self.terms.load_term_index_with_document()
        if self.glossary.model.deferred:
            # Both are read on the one thread for Python-heavy work: the document's highlights
            # come first, then the table's catalogue (at the latest after LOAD_TABLE_AFTER_MS).
            self.termsHighlighted.connect(self.glossary.model.load_deferred)
            QTimer.singleShot(LOAD_TABLE_AFTER_MS, self.glossary.model.load_deferred)
        self.words.load_lexicon()
        self.files.backup_at_open()
        self.team.start()

    def _on_changed(self, changes: Changes) -> None:
        if changes.categories:
            self.load_categories()
        if changes.document or changes.glossary:
            self._update_title()
        if changes.glossary:
            self._show_read_only()

    def load_categories(self) -> None:
        """Give the views the glossary's categories and colours (a handful of rows)."""
        style.set_categories([(c.name, c.colour) for c in self.workspace.categories()])

    def _update_title(self) -> None:
        doc = self.workspace.document
        glossary = self.workspace.name
        if self.workspace.read_only:
            glossary = self.tr("{glossary} (read-only)").format(glossary=glossary)
        title = f"{glossary} — {app_name()}"
        if doc is not None:
            title = f"{doc.title} — {title}"
        self.setWindowTitle(title)

    def _show_read_only(self) -> None:
        """A glossary the user may not write opens for reading: one banner says so, and the
        actions that would change it are off (instead of failing on save)."""
        read_only = self.workspace.read_only
        if self.workspace.repaired:
            self.ctx.status(self.tr("%n damaged values in the glossary were repaired (a backup was made "
                                    "first).", None, self.workspace.repaired), 0)
        self.glossary.set_read_only(read_only)
        for action in (self.terms.capture_action, self.terms.duplicates_action,
                       self.terms.categories_action, self.exchange.import_action,
                       self.exchange.import_memory_action, self.files.restore_action):
            action.setEnabled(not read_only)

    # -- dialogs ---------------------------------------------------------------------------
    def show_preferences(self) -> PreferencesDialog:
        return self.models.show_preferences()

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Tarjuman"),
            f"<h3>{app_name()} {__version__}</h3>"
            + self.tr("<p>Read Arabic documents beside their offline machine translation and build a "
                      "glossary of names, titles and places.</p>"
                      "<p>Translation runs on this computer with Argos Translate models and CTranslate2; "
                      "nothing is sent over the network.</p>"
                      "<p>MIT License. Arabic font: Noto Naskh Arabic (SIL Open Font License 1.1).</p>"
                      "<p>Glossary: {path}</p>").format(path=self.workspace.location))

    def open_log_folder(self) -> None:
        folder = paths.user_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- drag and drop, close --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if (mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())) or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        if files:
            self.documents.open_document(files[0])
            event.acceptProposedAction()
        elif mime.hasText() and mime.text().strip():
            self.documents.show_document(document_from_text(mime.text(), title=self.tr("Dropped text")))
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.cancel_edit()
        self.documents.sync_position()
        self.workspace.save_position()
        opts.GEOMETRY.set(self.settings, self.saveGeometry())
        # The layout the user made, not the one a low window forced.
        opts.WINDOW_STATE.set(self.settings, self._state_before_tabs or self.saveState())
        self.settings.sync()
        self.team.stop()
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

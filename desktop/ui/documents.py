"""Documents: File → Open, Open Recent, Paste, drop, Reopen with Encoding, the sample; the
document line and page buttons in the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMenu, QMessageBox, QToolButton

from desktop.core import paths
from desktop.core.arabic import has_arabic
from desktop.core.changes import Changes
from desktop.core.documents import ENCODING_CHOICES, Document, document_from_text
from desktop.ui import settings as opts
from desktop.ui.context import AppContext
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate
from desktop.ui.reader_pages import ReaderContent, build_reader_document
from desktop.ui.workers import TaskContext

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

TEXT_FILTER = QT_TRANSLATE_NOOP(
    "Tarjuman", "Documents (*.txt *.text *.md *.srt *.docx *.html *.htm *.xhtml *.pdf);;"
    "Text (*.txt *.text *.md *.srt);;Word (*.docx);;Web pages (*.html *.htm);;PDF (*.pdf);;All files (*)")


class DocumentController(QObject):
    """Opens documents in the background and shows them in the reader."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window, self.reader = ctx, window, window.reader
        self._serial = 0
        action = ctx.action
        self.open_action = action(self.tr("&Open…"), self.choose_document, QKeySequence.StandardKey.Open,
                                  self.tr("Open an Arabic text document"))
        self.paste_action = action(self.tr("&Paste as Document"), self.paste_document, "Ctrl+Shift+V",
                                   self.tr("Open the text on the clipboard as a document"))
        self.sample_action = action(self.tr("Open &Sample Document"), self.open_sample)
        self.reopen_action = action(self.tr("Reopen with &Encoding…"), self.reopen_with_encoding)
        self.next_page_action = action(self.tr("&Next Page"), lambda: self.turn_page(1), "Ctrl+PgDown")
        self.prev_page_action = action(self.tr("&Previous Page"), lambda: self.turn_page(-1), "Ctrl+PgUp")
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self._build_status_bar()
        self.reader.currentChanged.connect(self._on_current_sentence)
        self.reader.pageChanged.connect(self._on_page_changed)
        ctx.changed.connect(self._on_changed)
        self._refresh_recent_menu()

    def _build_status_bar(self) -> None:
        bar = self.window.statusBar()
        self.doc_label = QLabel(self.window)
        bar.addWidget(self.doc_label, 1)
        self.prev_page_button = QToolButton(self.window)
        self.prev_page_button.setObjectName("previousPage")
        self.prev_page_button.setText("◀")
        self.prev_page_button.setToolTip(self.tr("Previous page (Ctrl+Page Up)"))
        self.page_label = QLabel(self.window)
        self.page_label.setObjectName("pageLabel")
        self.next_page_button = QToolButton(self.window)
        self.next_page_button.setObjectName("nextPage")
        self.next_page_button.setText("▶")
        self.next_page_button.setToolTip(self.tr("Next page (Ctrl+Page Down)"))
        for widget in (self.prev_page_button, self.page_label, self.next_page_button):
            bar.addPermanentWidget(widget)
            widget.hide()
        self.prev_page_button.clicked.connect(lambda: self.turn_page(-1))
        self.next_page_button.clicked.connect(lambda: self.turn_page(1))

    # -- opening -----------------------------------------------------------------------------
    def open_last_or_sample(self) -> None:
        last = opts.LAST_DOCUMENT.get(self.ctx.settings)
        if last and Path(last).is_file():
            self.open_document(Path(last))
        else:
            self.open_sample()

    def choose_document(self) -> None:
        doc = self.ctx.workspace.document
        start = str(doc.path.parent) if doc is not None and doc.path is not None else ""
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open document"), start,
                                              translate(CONTEXT, TEXT_FILTER))
        if name:
            self.open_document(Path(name))

    def open_sample(self) -> None:
        self.open_document(paths.sample_document())

    def open_document(self, path: Path, encoding: str | None = None) -> None:
        """Read, segment and lay out ``path`` in the background, then show and translate it."""
        self.ctx.status(self.tr("Opening {name}…").format(name=path.name))
        workspace = self.ctx.workspace
        self._prepare(lambda: workspace.read_document(path, encoding))

    def reopen_with_encoding(self, encoding: str | None = None) -> None:
        """File → Reopen with Encoding…: read the current file again as ``encoding``."""
        doc = self.ctx.workspace.document
        if doc is None or doc.path is None or doc.document.encoding in ("docx", "pdf"):
            self.ctx.status(self.tr("Only text and web-page files have an encoding to choose."), 5000)
            return
        if encoding is None:
            choices = list(ENCODING_CHOICES)
            current = choices.index(doc.document.encoding) if doc.document.encoding in choices else 0
            encoding, ok = QInputDialog.getItem(self.window, self.tr("Reopen with encoding"),
                                                self.tr("Read “{title}” as:").format(title=doc.title),
                                                choices, current, False)
            if not ok:
                return
        self.open_document(doc.path, encoding)

    def paste_document(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.ctx.status(self.tr("The clipboard holds no text to open."), 5000)
            return
        title = self.tr("Pasted text")
        self._prepare(lambda: document_from_text(text, title=title))

    def show_document(self, doc: Document) -> None:
        """Show an already read document (its view is still built in the background)."""
        self._prepare(lambda: doc)

    def _prepare(self, load: Callable[[], Document]) -> None:
        workspace, formats = self.ctx.workspace, self.reader.formats
        self._serial += 1
        serial = self._serial

        def work(_task: TaskContext) -> ReaderContent:
            opened = workspace.prepare_document(load())
            return build_reader_document(opened, formats, move_to_gui_thread=True)

        def done(content: ReaderContent) -> None:
            if serial == self._serial:  # the last document asked for wins
                self._show(content)

        def failed(exc: BaseException) -> None:
            if serial == self._serial:
                self.ctx.show_error(self.tr("Cannot open the document"), exc)

        self.ctx.runner.start("open", work, on_done=done, on_error=failed)  # not queued: the user waits

    def _show(self, content: ReaderContent) -> None:
        workspace = self.ctx.workspace
        self.sync_position()
        self.window.translation.stop_for_new_document()
        self.reader.show_content(content)
        if workspace.engine_state in ("missing", "broken"):
            self.reader.clear_pending("")
        opened = content.document
        changes = workspace.show_document(opened)
        self.ctx.window.statusBar().clearMessage()
        if opened.path is not None:
            opts.remember_document(self.ctx.settings, opened.path)
            self._refresh_recent_menu()
        if opened.position >= 0:
            row = opened.position
            self.reader.set_current(row)
            QTimer.singleShot(0, lambda: self.reader.scroll_to_row(row))
        self.window.documentShown.emit()
        self.ctx.publish(changes)
        if not len(opened):
            self.ctx.status(self.tr("The document is empty."), 5000)
        elif not any(has_arabic(s.text) for s in opened.sentences[:2000]):
            self._warn_no_arabic(opened.title)

    def _warn_no_arabic(self, title: str) -> None:
        """Once per document: it has no Arabic, so there is nothing to translate."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("No Arabic text"),
                          self.tr("“{title}” has no Arabic text. Tarjuman translates Arabic into English, "
                                  "so there is nothing to translate here; you can still read it and use the "
                                  "glossary.").format(title=title),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("noArabicWarning")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def sync_position(self) -> None:
        """Hand the reader's position to the workspace (which saves it)."""
        row = self.reader.current_row if self.reader.current_row >= 0 else self.reader.top_row()
        self.ctx.workspace.set_position(max(row, 0))

    # -- views -------------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.document:
            doc = self.ctx.workspace.document
            if doc is None:
                self.doc_label.setText("")
                return
            encoding = doc.document.encoding.upper()
            if doc.document.encoding_guessed:
                encoding = self.tr("{encoding} (guessed: File → Reopen with Encoding… to change)").format(
                    encoding=encoding)
            sentences = self.tr("%n sentences", None, len(doc))
            paragraphs = self.tr("%n paragraphs", None, doc.document.paragraph_count)
            self.doc_label.setText(f"{doc.title} · {sentences} · {paragraphs} · {encoding}")

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = opts.recent_documents(self.ctx.settings)
        for item in recent:
            action = self.recent_menu.addAction(Path(item).name)
            action.setToolTip(item)
            action.triggered.connect(lambda _c=False, p=item: self.open_document(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _on_current_sentence(self, row: int) -> None:
        doc = self.ctx.workspace.document
        if doc is not None and doc.valid(row):
            self.ctx.workspace.set_position(row)
            s = doc.sentences[row]
            self.ctx.status(self.tr("Sentence {row} of {count} · characters {start}–{end}").format(
                row=row + 1, count=len(doc), start=s.start, end=s.end), 4000)

    def turn_page(self, step: int) -> None:
        self.reader.show_page(self.reader.current_page + step)

    def _on_page_changed(self, page: int, count: int) -> None:
        several = count > 1
        for widget in (self.prev_page_button, self.page_label, self.next_page_button):
            widget.setVisible(several)
        self.page_label.setText(self.tr("Page {page} of {count}").format(page=page + 1, count=count))
        self.prev_page_button.setEnabled(page > 0)
        self.next_page_button.setEnabled(page + 1 < count)
        self.prev_page_action.setEnabled(page > 0)
        self.next_page_action.setEnabled(page + 1 < count)

    def go_to_sentence(self, row: int) -> None:
        self.reader.scroll_to_row(row)
        self.reader.set_current(row)

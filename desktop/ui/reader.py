"""The reading view: each Arabic sentence beside its English translation, row by row.

A read-only ``QTextBrowser`` over pages built by ``desktop.ui.reader_pages``. Being one
document, both sides scroll together and the reader can select any span of Arabic. The view
displays an ``OpenDocument`` (the core's: sentences, translations, edits, glossary matches)
and redraws from ``apply(changes)``; it keeps only what drawing needs.

The translator edits an English sentence in place (double-click or F2; Ctrl+Enter or leaving
the editor saves, Esc cancels); the view only reports edits through signals.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from dataclasses import replace
from typing import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextTable,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from desktop.core.changes import Changes
from desktop.ui import style
from desktop.ui.reader_pages import (
    ARABIC,
    ENGLISH,
    PENDING,
    ReaderContent,
    build_reader_document,
    write_english,
)
from desktop.ui.reader_surface import BUDGET_SECONDS, ReaderSurface, term_tooltip
from desktop.ui.sentence_editor import SentenceEditor

# Pixels left above a row that ``scroll_to_row`` brings to the top of the view.
SCROLL_MARGIN = 24


class ReaderView(ReaderSurface):
    """Shows an ``OpenDocument`` and its translation.

    Signals: ``currentChanged(row)`` when the reader clicks or moves to a sentence;
    ``captureRequested()`` for "add to glossary"; ``translationEdited(row, text)`` when an
    edit is saved; ``revertRequested(row)`` and ``alternativesRequested(row, globalPos)`` from
    the English side's context menu; ``wordClicked(WordHit)`` and ``wordHovered(WordHit)``
    for an Arabic word under the mouse.
    """

    currentChanged = Signal(int)
    pageChanged = Signal(int, int)  # page, page count
    captureRequested = Signal()
    translationEdited = Signal(int, str)
    revertRequested = Signal(int)
    alternativesRequested = Signal(int, QPoint)
    wordClicked = Signal(object)  # a WordHit
    wordHovered = Signal(object)  # a WordHit, while no button is pressed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setMouseTracking(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._current = -1
        self._glosses: dict[str, str] | None = None
        # The page on screen is vowelled with this (None: as written); a rebuild is due
        # when the edit in progress ends.
        self._vowelled: Callable[[str], tuple[str, list[int]]] | None = None
        self._rebuild_wanted = False
        self._hover = -1
        self._editor: SentenceEditor | None = None
        self._editing_row = -1
        self._placeholder = PENDING
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._on_view_moved)
        # Tables on screen (plus one each side); updated when the view scrolls or resizes, as
        # hit-testing while Qt is still laying out a long document forces a full layout.
        self._visible = range(0, 2)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._flush_timer.start())
        self.capture_action = QAction(self.tr("Add Selection to Glossary…"), self)
        self.capture_action.triggered.connect(self.captureRequested)

    # -- content ---------------------------------------------------------------------------
    def show_content(self, content: ReaderContent) -> None:
        """Show a document built by ``build_reader_document`` (possibly on a worker)."""
        self.cancel_edit()
        self._vowelled = None
        self._doc = content.document
        self._placeholder = content.placeholder
        self._pages = content.pages
        self._current = -1
        self._marked = set()
        if self._word_statuses is not None:
            self._word_statuses = {}  # another document: its words' statuses come later
        self._install(content)

    def _install(self, content: ReaderContent, announce: bool = True) -> None:
        self._starts = content.chunk_starts
        self._maps = content.maps
        self._page = content.page
        self._first, self._end = content.first, content.end
        self._dirty = {}
        self._to_highlight = set()
        self._visible = range(0, 2)
        self._hover = -1
        content.qdoc.setParent(self)
        self.setDocument(content.qdoc)  # QTextEdit deletes the document it owned before
        tables = {t.objectName(): t for t in content.qdoc.rootFrame().childFrames()
                  if isinstance(t, QTextTable)}
        self._tables = [tables[f"rows:{i}"] for i in range(len(self._starts))]
        self._paint_row(self._current)
        # The page is built with plain formats: only rows with glossary terms need marking.
        self._highlight_rows(range(self._first, self._end) if self._word_statuses is not None
                             else self._doc_rows_with_terms())
        if announce:
            self.pageChanged.emit(self._page, self.page_count)
        if self._current >= 0 and not self._first <= self._current < self._end and self._end > self._first:
            self.set_current(self._first)  # the current sentence is on the page shown

    # -- changes -----------------------------------------------------------------------------
    def apply(self, changes: Changes) -> None:
        """Redraw what ``changes`` says changed in the open document: English rows (in the
        next turn of the event loop, with any other batch that arrives meanwhile) and
        glossary marks."""
        if self._doc is None or not self._tables or changes.document:
            return
        for row in changes.translations:
            if row != self._editing_row:
                self._mark_dirty(row)
        if changes.translations:
            self._flush_timer.start()
        if changes.matches:
            now = set(self._doc.rows_with_terms())
            self._highlight_rows(sorted(now | self._marked))

    # -- pages -----------------------------------------------------------------------------
    # -- word glosses --------------------------------------------------------------------------
    @property
    def glosses_shown(self) -> bool:
        return self._glosses is not None

    def show_glosses(self, on: bool) -> None:
        """Leave room for a gloss line under each Arabic line (the page is built again) and
        draw the glosses given by ``add_glosses`` there."""
        if on == self.glosses_shown:
            return
        self._glosses = {} if on else None
        self.formats.gloss_space = on
        self._rebuild_page()
        self.pageChanged.emit(self._page, self.page_count)  # the page's aids come again

    def show_vowelled(self, vowelled: Callable[[str], tuple[str, list[int]]] | None) -> None:
        """Lay the page out again with the Arabic vowelled by ``vowelled`` (None: as
        written). Pages are first shown as written (their words are analysed meanwhile, off
        the GUI thread); offsets everywhere stay those of the sentence as written."""
        self._vowelled = vowelled
        self._rebuild_page()

    def _rebuild_page(self) -> None:
        """Lay the page on screen out again, where it was, with the selection kept. While
        the translator edits a sentence it waits until the edit ends."""
        if self._doc is None or not self._tables:
            return
        if self._editor is not None:
            self._rebuild_wanted = True
            return
        self._rebuild_wanted = False
        cursor = self.textCursor()
        anchor, position = self._text_place(cursor.anchor()), self._text_place(cursor.position())
        scroll = self.verticalScrollBar().value()
        formats = replace(self.formats, vowelled=self._vowelled)
        self._install(build_reader_document(self._doc, formats, placeholder=self._placeholder,
                                            page=self._page), announce=False)
        self.verticalScrollBar().setValue(scroll)
        if anchor is not None and position is not None:
            kept = QTextCursor(self.document())
            kept.setPosition(self.position_of(*anchor))
            kept.setPosition(self.position_of(*position), QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(kept)

    def add_glosses(self, glosses: dict[str, str]) -> None:
        if self._glosses is not None:
            self._glosses.update(glosses)
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._glosses:
            painter = QPainter(self.viewport())
            try:
                self.paint_glosses(painter, self._glosses)
            finally:
                painter.end()

    def show_page(self, page: int) -> None:
        """Show page ``page`` (built here, on the GUI thread: a few tens of milliseconds)."""
        if self._doc is None or not 0 <= page < len(self._pages) or page == self._page:
            return
        self.cancel_edit()
        self._vowelled = None  # vowels come back once the page's words are analysed
        self._install(build_reader_document(self._doc, self.formats, placeholder=self._placeholder,
                                            page=page))
        self.verticalScrollBar().setValue(0)

    def ensure_row_shown(self, row: int) -> None:
        """Switch to the page holding ``row`` if it is not the page on screen."""
        if not self._first <= row < self._end and self._doc is not None and self._doc.valid(row):
            self.show_page(self.page_of(row))

    def flush_visible(self) -> None:
        """Draw what is pending in the tables on screen now."""
        self._on_view_moved()

    def clear_pending(self, text: str) -> None:
        """Show ``text`` instead of the placeholder in untranslated rows ("" when there is no model)."""
        self._placeholder = text
        for row in self._doc.missing_rows() if self._doc is not None else []:
            self._mark_dirty(row)
        self._flush_visible()

    def _mark_dirty(self, row: int) -> None:
        if self._first <= row < self._end:  # other pages are drawn from the lists when shown
            self._dirty.setdefault(bisect_right(self._starts, row) - 1, set()).add(row)

    def _on_view_moved(self) -> None:
        height = self.viewport().height()
        rows = [r for y in (2, height // 3, 2 * height // 3, height - 2)
                if (r := self.row_at(QPoint(self.viewport().width() // 4, y))) >= 0]
        if rows:
            first = bisect_right(self._starts, min(rows)) - 1
            last = bisect_right(self._starts, max(rows)) - 1
            self._visible = range(max(first - 1, 0), last + 2)
        self._flush_visible()

    def _flush_visible(self) -> None:
        if self._dirty:
            self.flush(self._visible)

    def flush(self, chunks: range | None = None, budget: float | None = BUDGET_SECONDS) -> None:
        """Draw pending English changes of the given tables (all when ``None``), a table at a
        time; past the time ``budget`` the rest waits for the next turn of the event loop."""
        deadline = time.perf_counter() + budget if budget is not None else None
        for chunk in list(chunks if chunks is not None else self._dirty):
            rows = self._dirty.pop(chunk, None)
            if not rows:
                continue
            block = self._cell_cursor(min(rows), ENGLISH)
            block.beginEditBlock()  # one relayout of this table
            for row in sorted(rows):
                self._rewrite(row)
            block.endEditBlock()
            if deadline is not None and time.perf_counter() > deadline:
                if self._dirty:
                    self._flush_timer.start()
                return

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._flush_timer.start()

    def _rewrite(self, row: int) -> None:
        assert self._doc is not None
        cursor = self._cell_cursor(row, ENGLISH)
        cursor.removeSelectedText()
        write_english(cursor, self._doc.translations[row], self._doc.edited[row], self.formats,
                      self._placeholder)
        self._highlight_english(row)

    def cell_text(self, row: int, column: int) -> str:
        """The text drawn in a cell (pending changes of that table are drawn first)."""
        self.ensure_row_shown(row)
        chunk = bisect_right(self._starts, row) - 1
        if chunk in self._dirty:
            self.flush(range(chunk, chunk + 1), budget=None)
        if row in self._to_highlight:
            self._to_highlight.discard(row)
            self._highlight_arabic(row)
            self._highlight_english(row)
        return self._cell_cursor(row, column).selectedText()

    def select_in_sentence(self, row: int, start: int, end: int) -> None:
        """Select ``sentence.text[start:end]`` of row ``row`` (as a mouse drag would)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.position_of(row, ARABIC, start))
        cursor.setPosition(self.position_of(row, ARABIC, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.set_current(row)

    def scroll_to_row(self, row: int) -> None:
        """Put ``row`` near the top of the view."""
        if self._doc is None or not self._doc.valid(row):
            return
        self.ensure_row_shown(row)
        chunk = bisect_right(self._starts, row) - 1
        self._visible = range(max(chunk - 1, 0), chunk + 2)
        self._flush_visible()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self._row_top(row) - SCROLL_MARGIN)

    def rows_in_view(self, top: int = -1) -> range:
        """The rows a screenful of the view shows from row ``top`` as ``scroll_to_row``
        puts it; without ``top``, the rows visible now (also in part). A row on a page not
        built yet gets as many rows as are visible now."""
        doc = self._doc
        if doc is None or self._end <= self._first:
            return range(0)
        on_page = self._first <= top < self._end
        if on_page:
            start, origin = top, self._row_top(top) - SCROLL_MARGIN
        else:  # the row at the top edge: the last one that begins above it
            rows = range(self._first, self._end)
            start, origin = rows[max(bisect_right(rows, 0, key=self._row_top) - 1, 0)], 0
        end = start + 1
        while end < self._end and self._row_top(end) < origin + self.viewport().height():
            end += 1
        if doc.valid(top) and not on_page:
            return range(top, min(top + end - start, len(doc)))
        return range(start, end)

    def _row_top(self, row: int) -> int:
        """Where row ``row`` (on the page shown) begins, in viewport coordinates."""
        return int(self.cursorRect(self._cell(row, ARABIC).firstCursorPosition()).top())

    # -- editing ---------------------------------------------------------------------------
    @property
    def editor(self) -> QPlainTextEdit | None:
        return self._editor

    def start_edit(self, row: int) -> None:
        """Open the in-place editor on row ``row``'s English."""
        if self._doc is None or not self._doc.valid(row):
            return
        self.cancel_edit()
        self.ensure_row_shown(row)
        self.set_current(row)
        editor = SentenceEditor(self._doc.translations[row] or "", self.viewport())
        editor.setFont(self.formats.english.font())
        rect = self.cell_rect(row, ENGLISH).adjusted(2, -4, -2, 12)
        rect.setHeight(max(rect.height(), 70))
        editor.setGeometry(rect)
        editor.committed.connect(lambda text, r=row: self._end_edit(r, text))
        editor.cancelled.connect(lambda: self._end_edit(-1, ""))
        self._editor, self._editing_row = editor, row
        editor.show()
        editor.setFocus()
        editor.selectAll()

    def cancel_edit(self) -> None:
        if self._editor is not None:
            self._editor.finish(False)

    def _end_edit(self, row: int, text: str) -> None:
        editing = self._editing_row
        editor, self._editor, self._editing_row = self._editor, None, -1
        if editor is not None:
            editor.hide()
            editor.deleteLater()
        self.setFocus()
        if editing >= 0:  # draw what the row holds now: a translation may have arrived
            self._mark_dirty(editing)
            self._flush_visible()
        if row >= 0 and self._doc is not None and text != (self._doc.translations[row] or ""):
            self.translationEdited.emit(row, text)
        if self._rebuild_wanted:
            self._rebuild_page()

    # -- current and hover rows ------------------------------------------------------------
    @property
    def current_row(self) -> int:
        return self._current

    def set_current(self, row: int) -> None:
        if row == self._current:
            return
        previous, self._current = self._current, row
        self._paint_row(previous)
        self._paint_row(row)
        if row >= 0:
            self.currentChanged.emit(row)

    def _set_hover(self, row: int) -> None:
        if row == self._hover:
            return
        previous, self._hover = self._hover, row
        self._paint_row(previous)
        self._paint_row(row)

    def _paint_row(self, row: int) -> None:
        if not self._tables or not self._first <= row < self._end:
            return
        colour: QColor | None = None
        if row == self._current:
            colour = style.scheme().current_row
        elif row == self._hover:
            colour = style.scheme().hover_row
        for column in (ARABIC, ENGLISH):
            cell = self._cell(row, column)
            fmt = cell.format().toTableCellFormat()
            if colour is not None:
                fmt.setBackground(QBrush(colour))
            elif column == ENGLISH:
                fmt.setBackground(QBrush(style.scheme().english_background))
            else:
                fmt.clearBackground()
            cell.setFormat(fmt)

    def row_background(self, row: int, column: int) -> QColor | None:
        fmt = self._cell(row, column).format()
        return fmt.background().color() if fmt.hasProperty(fmt.Property.BackgroundBrush) else None

    # -- events ----------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        self._set_hover(self.row_at(point))
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            word = self.word_at(point)
            if word is not None:
                self.wordHovered.emit(word)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        point = event.position().toPoint()
        row = self.row_at(point)
        if row >= 0:
            self.set_current(row)
        word = self.word_at(point)
        if word is not None:
            self.wordClicked.emit(word)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.cell_at_position(self.cursorForPosition(event.position().toPoint()).position())
        if hit is not None and hit[1] == ENGLISH:
            self.start_edit(hit[0])
            return
        super().mouseDoubleClickEvent(event)

    def event(self, event: QEvent) -> bool:
        # Leaving the widget clears the hover highlight.
        if event.type() == QEvent.Type.Leave:
            self._set_hover(-1)
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            match = self.term_at(self.cursorForPosition(event.pos()).position())
            if match is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), term_tooltip(match), self.viewport())
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F2 and self._current >= 0:
            self.start_edit(self._current)
            return
        super().keyPressEvent(event)
        hit = self.cell_at_position(self.textCursor().position())
        if hit is not None:
            self.set_current(hit[0])

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        hit = self.cell_at_position(self.cursorForPosition(event.pos()).position())
        menu = self.build_context_menu(hit)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, hit: tuple[int, int] | None, pos: QPoint | None = None) -> QMenu:
        """The context menu for a cell (``hit`` = (row, column)); exposed for tests."""
        menu = self.createStandardContextMenu()
        added: list[QAction] = []
        if hit is not None and hit[1] == ENGLISH:
            row = hit[0]
            edit = QAction(self.tr("Edit Translation\tF2"), menu)
            edit.triggered.connect(lambda: self.start_edit(row))
            revert = QAction(self.tr("Revert to Machine Translation"), menu)
            revert.setEnabled(self._doc is not None and self._doc.edited[row])
            revert.triggered.connect(lambda: self.revertRequested.emit(row))
            alternatives = QAction(self.tr("Alternative Translations…"), menu)
            where = pos or self.viewport().mapToGlobal(self.cell_rect(row, ENGLISH).center())
            alternatives.triggered.connect(lambda: self.alternativesRequested.emit(row, where))
            added = [edit, revert, alternatives]
        else:
            self.capture_action.setEnabled(self.arabic_selection() is not None)
            added = [self.capture_action]
        first = menu.actions()[0] if menu.actions() else None
        if first is None:
            menu.addActions(added)
        else:
            menu.insertActions(first, added)
            menu.insertSeparator(first)
        return menu

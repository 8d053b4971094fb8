"""The reading view: each Arabic sentence beside its English translation, row by row.

A read-only ``QTextBrowser`` whose document is a run of two-column tables (one row per
sentence, a new table roughly every ``CHUNK_ROWS`` rows at a paragraph break). Being one
document, both sides scroll together and the reader can select any span of Arabic.

Qt lays out a rich-text document in one go, about 0.2 ms per row, so a long document is shown
a page at a time (about ``PAGE_ROWS`` sentences, cut at paragraph breaks): a page lays out in
a few tens of milliseconds. The first page is built by ``build_reader_document`` on a worker
thread; translations and edits for every page are kept here and drawn when their page shows.

The translator edits an English sentence in place (double-click or F2; Ctrl+Enter or leaving
the editor saves, Esc cancels); the view only reports edits through signals.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableCell,
    QTextTableCellFormat,
    QTextTableFormat,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextBrowser, QToolTip, QWidget

from desktop.core.documents import Document
from desktop.core.glossary.check import english_spans
from desktop.core.glossary.matcher import TermMatch
from desktop.core.segment import Sentence
from desktop.ui import style

ARABIC, ENGLISH = 0, 1
PENDING = "…"
EDIT_MARK = " ✎"
CHUNK_ROWS = 20
PAGE_ROWS = 80
# GUI-thread time spent on redrawing per event-loop turn; the rest waits for the next turn.
BUDGET_SECONDS = 0.01


@dataclass(frozen=True)
class Selection:
    """A span of one Arabic sentence: ``sentence.text[start:end]``."""

    sentence: Sentence
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]


@dataclass
class ReaderFormats:
    """Text formats of the reading view. Built on the GUI thread, read by any thread."""

    arabic: QTextCharFormat
    english: QTextCharFormat
    pending: QTextCharFormat
    edited: QTextCharFormat
    mark: QTextCharFormat
    english_offset: float

    @classmethod
    def create(cls, base_font: QFont) -> ReaderFormats:
        arabic = QTextCharFormat()
        arabic.setFont(style.arabic_font(17))
        english_font = QFont(base_font)
        english_font.setPointSizeF(max(english_font.pointSizeF(), 10.0) * 1.15)
        english = QTextCharFormat()
        english.setFont(english_font)
        pending = QTextCharFormat(english)
        pending.setForeground(style.PENDING_TEXT)
        edited = QTextCharFormat(english)
        edited.setForeground(style.EDITED_TEXT)
        mark = QTextCharFormat(english)
        mark.setForeground(style.PENDING_TEXT)
        # Drop the first English line so that it sits on the Arabic first line's baseline.
        offset = max(0.0, QFontMetricsF(arabic.font()).ascent() - QFontMetricsF(english_font).ascent())
        return cls(arabic, english, pending, edited, mark, offset)


@dataclass
class ReaderContent:
    """A built reading document and where its rows are (see ``build_reader_document``)."""

    document: Document
    qdoc: QTextDocument
    chunk_starts: list[int]
    translations: list[str | None]
    edited: list[bool] = field(default_factory=list)
    placeholder: str = PENDING
    pages: list[int] = field(default_factory=lambda: [0])
    page: int = 0

    @property
    def first(self) -> int:
        return self.pages[self.page]

    @property
    def end(self) -> int:
        return self.pages[self.page + 1] if self.page + 1 < len(self.pages) else len(self.translations)


def split_rows(doc: Document, size: int, first: int = 0, end: int | None = None) -> list[int]:
    """Starts of runs of about ``size`` rows in ``[first, end)``, cut at paragraph starts
    (or anywhere after 3 × ``size`` rows of one paragraph)."""
    end = len(doc.sentences) if end is None else end
    starts = [first]
    for s in doc.sentences[first + 1 : end]:
        length = s.index - starts[-1]
        new_paragraph = s.paragraph != doc.sentences[s.index - 1].paragraph
        if (length >= size and new_paragraph) or length >= 3 * size:
            starts.append(s.index)
    return starts


def build_reader_document(doc: Document, formats: ReaderFormats,
                          translations: list[str | None] | None = None,
                          edited: list[bool] | None = None,
                          move_to_gui_thread: bool = False,
                          placeholder: str = PENDING, page: int = 0) -> ReaderContent:
    """Build the reading view's ``QTextDocument`` for one page of ``doc``. Safe on any thread.

    With ``move_to_gui_thread`` the result is handed to the application's main thread, as it
    must be when built by a worker.
    """
    n = len(doc.sentences)
    translations = list(translations) if translations else [None] * n
    edited = list(edited) if edited else [False] * n
    pages = split_rows(doc, PAGE_ROWS)
    page = min(max(page, 0), len(pages) - 1)
    content_first = pages[page]
    content_end = pages[page + 1] if page + 1 < len(pages) else n
    qdoc = QTextDocument()
    qdoc.setDocumentMargin(12)
    qdoc.setUndoRedoEnabled(False)
    cursor = QTextCursor(qdoc)
    starts = split_rows(doc, CHUNK_ROWS, content_first, content_end) if n else []
    if not doc.sentences:
        cursor.insertText("This document has no text to show.", formats.pending)
    table_format = QTextTableFormat()
    table_format.setBorder(0)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
    table_format.setCellSpacing(0)
    table_format.setCellPadding(0)
    table_format.setMargin(0)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 50)] * 2)
    rtl = QTextBlockFormat()
    rtl.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    rtl.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    ltr = QTextBlockFormat()
    ltr.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    ltr.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
    spacer = QTextBlockFormat()
    spacer.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    tiny = QTextCharFormat()
    tiny.setFontPointSize(1)
    english_background = QBrush(style.ENGLISH_BACKGROUND)
    ends = starts[1:] + [content_end]
    for chunk, (first, last) in enumerate(zip(starts, ends, strict=True)):
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if chunk:
            cursor.setBlockFormat(spacer)
            cursor.setCharFormat(tiny)
        table = cursor.insertTable(last - first, 2, table_format)
        table.setObjectName(f"rows:{chunk}")
        for row in range(first, last):
            sentence = doc.sentences[row]
            gap = 16.0 if row and sentence.paragraph != doc.sentences[row - 1].paragraph else 3.0
            for column in (ARABIC, ENGLISH):
                cell = table.cellAt(row - first, column)
                cell_format = QTextTableCellFormat()
                cell_format.setTopPadding(gap + (formats.english_offset if column == ENGLISH else 0))
                cell_format.setBottomPadding(3)
                cell_format.setLeftPadding(14 if column == ENGLISH else 8)
                cell_format.setRightPadding(14 if column == ARABIC else 8)
                if column == ENGLISH:
                    cell_format.setBackground(english_background)
                cell.setFormat(cell_format)
                cell_cursor = cell.firstCursorPosition()
                cell_cursor.setBlockFormat(rtl if column == ARABIC else ltr)
                if column == ARABIC:
                    cell_cursor.insertText(sentence.text, formats.arabic)
                else:
                    _write_english(cell_cursor, translations[row], edited[row], formats, placeholder)
    if move_to_gui_thread:
        app = QCoreApplication.instance()
        if app is not None:
            qdoc.moveToThread(app.thread())
    return ReaderContent(doc, qdoc, starts, translations, edited, placeholder, pages, page)


def _write_english(cursor: QTextCursor, text: str | None, edited: bool, formats: ReaderFormats,
                   placeholder: str = PENDING) -> None:
    if text is None:
        if placeholder:
            cursor.insertText(placeholder, formats.pending)
    elif edited:
        cursor.insertText(text, formats.edited)
        cursor.insertText(EDIT_MARK, formats.mark)
    else:
        cursor.insertText(text, formats.english)


def term_tooltip(match: TermMatch) -> str:
    """What hovering a highlighted term shows."""
    term = match.term
    lines = [f"{term.target}", f"{term.category}"]
    if term.note:
        lines.append(term.note)
    if not match.exact and match.text != term.source:
        lines.append(f"glossary entry: {term.source}")
    return "\n".join(lines)


class _SentenceEditor(QPlainTextEdit):
    """The in-place editor of one English sentence."""

    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("sentenceEditor")
        self.setPlainText(text)
        self.setTabChangesFocus(True)
        self.setStyleSheet("QPlainTextEdit { border: 2px solid #3b78c4; background: white; }")
        self._done = False

    def finish(self, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        if commit:
            self.committed.emit(self.toPlainText().strip())
        else:
            self.cancelled.emit()

    def event(self, event: QEvent) -> bool:
        # Keep Esc and Ctrl+Enter from window shortcuts (Esc also cancels translation there).
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.finish(True)
        elif event.key() == Qt.Key.Key_Escape:
            self.finish(False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finish(True)


class ReaderView(QTextBrowser):
    """Shows a ``Document`` and its translation.

    Signals: ``currentChanged(row)`` when the reader clicks or moves to a sentence;
    ``captureRequested()`` for "add to glossary"; ``translationEdited(row, text)`` when an
    edit is saved; ``revertRequested(row)`` and ``alternativesRequested(row, globalPos)`` from
    the English side's context menu.
    """

    currentChanged = Signal(int)
    pageChanged = Signal(int, int)  # page, page count
    captureRequested = Signal()
    translationEdited = Signal(int, str)
    revertRequested = Signal(int)
    alternativesRequested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setMouseTracking(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.formats = ReaderFormats.create(self.font())
        self._doc: Document | None = None
        self._tables: list[QTextTable] = []
        self._starts: list[int] = []
        self._pages: list[int] = [0]
        self._page = 0
        self._first = self._end = 0
        self._translations: list[str | None] = []
        self._edited: list[bool] = []
        self._current = -1
        self._hover = -1
        self._editor: _SentenceEditor | None = None
        self._editing_row = -1
        self._placeholder = PENDING
        # Glossary terms found in each row: (start, end) in the sentence, and the match.
        self._terms: dict[int, list[tuple[int, int, TermMatch]]] = {}
        # Rows whose English changed but is not drawn yet, by table. Tables near the visible
        # part are redrawn at once, the rest when they scroll into view: redrawing a table
        # costs a relayout, and a long document's results arrive all over it.
        self._dirty: dict[int, set[int]] = {}
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._on_view_moved)
        self._to_highlight: set[int] = set()
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(0)
        self._highlight_timer.timeout.connect(self._drain_highlights)
        # Tables on screen (plus one each side); updated when the view scrolls or resizes, as
        # hit-testing while Qt is still laying out a long document forces a full layout.
        self._visible = range(0, 2)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._flush_timer.start())
        self.capture_action = QAction("Add Selection to Glossary…", self)
        self.capture_action.triggered.connect(self.captureRequested)

    # -- content ---------------------------------------------------------------------------
    @property
    def tarjuman_document(self) -> Document | None:
        return self._doc

    def show_content(self, content: ReaderContent) -> None:
        """Show a document built by ``build_reader_document`` (possibly on a worker)."""
        self.cancel_edit()
        self._doc = content.document
        self._translations = content.translations
        self._edited = content.edited
        self._placeholder = content.placeholder
        self._pages = content.pages
        self._current = -1
        self._terms = {}
        self._install(content)

    def _install(self, content: ReaderContent) -> None:
        self._starts = content.chunk_starts
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
        self._highlight_rows(sorted(r for r in self._terms if self._first <= r < self._end))
        self.pageChanged.emit(self._page, self.page_count)

    # -- glossary terms --------------------------------------------------------------------
    def set_term_matches(self, matches: list[TermMatch]) -> None:
        """Highlight these glossary matches (offsets into the document text)."""
        if self._doc is None:
            return
        starts = [s.start for s in self._doc.sentences]
        old_rows = set(self._terms)
        self._terms = {}
        for match in matches:
            row = bisect_right(starts, match.start) - 1
            if row < 0:
                continue
            sentence = self._doc.sentences[row]
            if match.end <= sentence.end:
                self._terms.setdefault(row, []).append(
                    (match.start - sentence.start, match.end - sentence.start, match))
        rows = sorted((old_rows | set(self._terms)) & set(range(self._first, self._end)))
        self._highlight_rows(rows)

    def term_matches(self, row: int) -> list[TermMatch]:
        return [m for _, _, m in self._terms.get(row, [])]

    def rows_with_terms(self) -> list[int]:
        return sorted(self._terms)

    def term_at(self, position: int) -> TermMatch | None:
        hit = self.cell_at_position(position)
        if hit is None or hit[1] != ARABIC:
            return None
        offset = position - self.position_of(hit[0], ARABIC)
        for start, end, match in self._terms.get(hit[0], []):
            if start <= offset < end:
                return match
        return None

    def _highlight_rows(self, rows: "range | list[int]") -> None:
        """Queue rows of this page for (re)highlighting; as many as the time budget allows
        are done at once, the rest in the next turns of the event loop."""
        if not self._tables or self._doc is None:
            return
        self._to_highlight.update(r for r in rows if self._first <= r < self._end)
        self._drain_highlights()

    def _drain_highlights(self) -> None:
        if not self._to_highlight:
            return
        deadline = time.perf_counter() + BUDGET_SECONDS
        while self._to_highlight and time.perf_counter() < deadline:
            # One table per edit block: Qt then lays out only that table.
            first = min(self._to_highlight)
            chunk = bisect_right(self._starts, first) - 1
            end = self._starts[chunk + 1] if chunk + 1 < len(self._starts) else self._end
            rows = sorted(r for r in self._to_highlight if r < end)
            block = QTextCursor(self.document())
            block.beginEditBlock()
            for row in rows:
                self._to_highlight.discard(row)
                self._highlight_arabic(row)
                self._highlight_english(row)
            block.endEditBlock()
        if self._to_highlight:
            self._highlight_timer.start()

    @property
    def busy(self) -> bool:
        """True while highlights or redraws are still queued."""
        return bool(self._to_highlight or self._dirty)

    def _highlight_arabic(self, row: int) -> None:
        cursor = self._cell_cursor(row, ARABIC)
        cursor.setCharFormat(self.formats.arabic)
        base = self.position_of(row, ARABIC)
        for start, end, match in self._terms.get(row, []):
            mark = QTextCharFormat()
            mark.setBackground(QBrush(style.category_colour(match.term.category)))
            cursor.setPosition(base + start)
            cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(mark)

    def _highlight_english(self, row: int) -> None:
        text = self._translations[row]
        matches = self._terms.get(row)
        if not text or not matches:
            return
        base = self.position_of(row, ENGLISH)
        cursor = QTextCursor(self.document())
        for _, _, match in matches:
            for start, end in english_spans(text, match.term.target):
                mark = QTextCharFormat()
                mark.setForeground(style.ENGLISH_TERM)
                mark.setFontUnderline(True)
                mark.setUnderlineColor(style.category_colour(match.term.category).darker(150))
                cursor.setPosition(base + start)
                cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(mark)

    # -- pages -----------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return len(self._pages)

    @property
    def current_page(self) -> int:
        return self._page

    def page_of(self, row: int) -> int:
        return max(bisect_right(self._pages, row) - 1, 0)

    def show_page(self, page: int) -> None:
        """Show page ``page`` (built here, on the GUI thread: a few tens of milliseconds)."""
        if self._doc is None or not 0 <= page < len(self._pages) or page == self._page:
            return
        self.cancel_edit()
        self._install(build_reader_document(self._doc, self.formats, self._translations, self._edited,
                                            placeholder=self._placeholder, page=page))
        self.verticalScrollBar().setValue(0)

    def ensure_row_shown(self, row: int) -> None:
        """Switch to the page holding ``row`` if it is not the page on screen."""
        if not self._first <= row < self._end and 0 <= row < len(self._translations):
            self.show_page(self.page_of(row))

    def _locate(self, row: int) -> tuple[QTextTable, int]:
        chunk = bisect_right(self._starts, row) - 1
        return self._tables[chunk], row - self._starts[chunk]

    def _cell(self, row: int, column: int) -> QTextTableCell:
        table, local = self._locate(row)
        return table.cellAt(local, column)

    def set_translations(self, rows: list[int], targets: list[str],
                         edited: list[bool] | None = None, *, later: bool = False) -> None:
        """Fill in or replace translations (``edited`` marks the translator's own).

        With ``later`` they are drawn in the next turn of the event loop, together with any
        other batch that arrives meanwhile (one budgeted redraw instead of several)."""
        if not self._tables:
            return
        marks = edited or [False] * len(rows)
        for row, target, is_edited in zip(rows, targets, marks, strict=True):
            if 0 <= row < len(self._translations) and row != self._editing_row:
                self._translations[row] = target
                self._edited[row] = is_edited
                self._mark_dirty(row)
        if later:
            self._flush_timer.start()
        else:
            self._flush_visible()

    def flush_visible(self) -> None:
        """Draw what is pending in the tables on screen now."""
        self._on_view_moved()

    def clear_translation(self, row: int) -> None:
        """Show the placeholder again (e.g. until a reverted sentence is retranslated)."""
        if 0 <= row < len(self._translations):
            self._translations[row] = None
            self._edited[row] = False
            self._mark_dirty(row)
            self._flush_visible()

    def clear_pending(self, text: str) -> None:
        """Show ``text`` instead of the placeholder in untranslated rows ("" when there is no model)."""
        self._placeholder = text
        for row, target in enumerate(self._translations):
            if target is None:
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
                self._rewrite(row, self._translations[row], self._edited[row])
            block.endEditBlock()
            if deadline is not None and time.perf_counter() > deadline:
                if self._dirty:
                    self._flush_timer.start()
                return

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._flush_timer.start()

    def _cell_cursor(self, row: int, column: int) -> QTextCursor:
        cell = self._cell(row, column)
        cursor = cell.firstCursorPosition()
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _rewrite(self, row: int, text: str | None, edited: bool) -> None:
        cursor = self._cell_cursor(row, ENGLISH)
        cursor.removeSelectedText()
        _write_english(cursor, text, edited, self.formats, self._placeholder)
        if row in self._terms:
            self._highlight_english(row)

    def translation(self, row: int) -> str | None:
        return self._translations[row] if 0 <= row < len(self._translations) else None

    def is_edited(self, row: int) -> bool:
        return 0 <= row < len(self._edited) and self._edited[row]

    def translations(self) -> list[str | None]:
        return list(self._translations)

    def missing_rows(self) -> list[int]:
        return [i for i, t in enumerate(self._translations) if t is None]

    def row_count(self) -> int:
        return len(self._translations)

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

    # -- geometry --------------------------------------------------------------------------
    def cell_at_position(self, position: int) -> tuple[int, int] | None:
        if not self._tables:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        table = cursor.currentTable()
        if table is None or not table.objectName().startswith("rows:"):
            return None
        cell = table.cellAt(position)
        if not cell.isValid():
            return None
        chunk = int(table.objectName()[5:])
        return self._starts[chunk] + cell.row(), cell.column()

    def row_at(self, point: QPoint) -> int:
        hit = self.cell_at_position(self.cursorForPosition(point).position())
        return hit[0] if hit else -1

    def cell_rect(self, row: int, column: int) -> QRect:
        """Viewport rectangle covering the text of a cell."""
        self.ensure_row_shown(row)
        cell = self._cell(row, column)
        first = self.cursorRect(cell.firstCursorPosition())
        last = self.cursorRect(cell.lastCursorPosition())
        width = self.viewport().width()
        left = width // 2 if column == ENGLISH else 0
        return QRect(left, first.top(), width // 2, max(last.bottom() - first.top(), first.height()))

    def position_of(self, row: int, column: int, offset: int = 0) -> int:
        """Document position of character ``offset`` in a cell."""
        self.ensure_row_shown(row)
        return self._cell(row, column).firstCursorPosition().position() + offset

    def select_in_sentence(self, row: int, start: int, end: int) -> None:
        """Select ``sentence.text[start:end]`` of row ``row`` (as a mouse drag would)."""
        base = self.position_of(row, ARABIC)
        cursor = QTextCursor(self.document())
        cursor.setPosition(base + start)
        cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.set_current(row)

    def scroll_to_row(self, row: int) -> None:
        """Put ``row`` near the top of the view."""
        if not 0 <= row < len(self._translations):
            return
        self.ensure_row_shown(row)
        chunk = bisect_right(self._starts, row) - 1
        self._visible = range(max(chunk - 1, 0), chunk + 2)
        self._flush_visible()
        rect = self.cursorRect(self._cell(row, ARABIC).firstCursorPosition())
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - 24)

    def top_row(self) -> int:
        """The first row visible at the top of the view."""
        return self.row_at(QPoint(self.viewport().width() // 4, 30))

    # -- selection -------------------------------------------------------------------------
    def arabic_selection(self) -> Selection | None:
        """The selected span if it lies in one Arabic sentence, else the word under the cursor.

        Returns ``None`` when the selection spans several sentences or the English side.
        """
        if not self._tables or self._doc is None:
            return None
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
            if not cursor.hasSelection():
                return None
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        first, last = self.cell_at_position(a), self.cell_at_position(max(a, b - 1))
        if first is None or first != last or first[1] != ARABIC:
            return None
        row = first[0]
        base = self.position_of(row, ARABIC)
        sentence = self._doc.sentences[row]
        start, end = a - base, b - base
        text = sentence.text
        # Trim spaces and punctuation a mouse selection tends to catch at either end.
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start >= end:
            return None
        return Selection(sentence, start, end)

    # -- editing ---------------------------------------------------------------------------
    @property
    def editing_row(self) -> int:
        return self._editing_row

    @property
    def editor(self) -> QPlainTextEdit | None:
        return self._editor

    def start_edit(self, row: int) -> None:
        """Open the in-place editor on row ``row``'s English."""
        if not 0 <= row < len(self._translations):
            return
        self.cancel_edit()
        self.ensure_row_shown(row)
        self.set_current(row)
        editor = _SentenceEditor(self._translations[row] or "", self.viewport())
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
        editor, self._editor, self._editing_row = self._editor, None, -1
        if editor is not None:
            editor.hide()
            editor.deleteLater()
        self.setFocus()
        if row >= 0 and text != (self._translations[row] or ""):
            self.translationEdited.emit(row, text)

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
            colour = style.CURRENT_ROW
        elif row == self._hover:
            colour = style.HOVER_ROW
        for column in (ARABIC, ENGLISH):
            cell = self._cell(row, column)
            fmt = cell.format().toTableCellFormat()
            if colour is not None:
                fmt.setBackground(QBrush(colour))
            elif column == ENGLISH:
                fmt.setBackground(QBrush(style.ENGLISH_BACKGROUND))
            else:
                fmt.clearBackground()
            cell.setFormat(fmt)

    def row_background(self, row: int, column: int) -> QColor | None:
        fmt = self._cell(row, column).format()
        return fmt.background().color() if fmt.hasProperty(fmt.Property.BackgroundBrush) else None

    # -- events ----------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hover(self.row_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        row = self.row_at(event.position().toPoint())
        if row >= 0:
            self.set_current(row)

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
        first = menu.actions()[0] if menu.actions() else None
        if hit is not None and hit[1] == ENGLISH:
            row = hit[0]
            edit = QAction("Edit Translation\tF2", menu)
            edit.triggered.connect(lambda: self.start_edit(row))
            revert = QAction("Revert to Machine Translation", menu)
            revert.setEnabled(self.is_edited(row))
            revert.triggered.connect(lambda: self.revertRequested.emit(row))
            alternatives = QAction("Alternative Translations…", menu)
            where = pos or self.viewport().mapToGlobal(self.cell_rect(row, ENGLISH).center())
            alternatives.triggered.connect(lambda: self.alternativesRequested.emit(row, where))
            for action in (edit, revert, alternatives):
                menu.insertAction(first, action)
        else:
            self.capture_action.setEnabled(self.arabic_selection() is not None)
            menu.insertAction(first, self.capture_action)
        menu.insertSeparator(first)
        return menu

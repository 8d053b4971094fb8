"""The reading view's surface: where each sentence's cells are in the laid-out page, and the
glossary marks drawn on them. ``ReaderView`` (``desktop.ui.reader``) builds on it with pages,
redraws, editing and events."""

from __future__ import annotations

import time
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import NamedTuple

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
    QTextTable,
    QTextTableCell,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.glossary.check import english_spans
from desktop.core.glossary.matcher import TermMatch
from desktop.core.lexicon.words import words
from desktop.core.open_document import OpenDocument
from desktop.core.segment import Sentence
from desktop.ui import style
from desktop.ui.i18n import translate
from desktop.ui.reader_pages import ARABIC, ENGLISH, ReaderFormats


@dataclass(frozen=True)
class Selection:
    """A span of one Arabic sentence: ``sentence.text[start:end]``."""

    sentence: Sentence
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]


def term_tooltip(match: TermMatch) -> str:
    """What hovering a highlighted term shows."""
    term = match.term
    lines = [f"{term.target}", f"{term.category}"]
    if term.note:
        lines.append(term.note)
    if match.lemma:
        lines.append(translate("Tarjuman", "another form of the glossary entry {source}").format(
            source=term.source))
    elif not match.exact and match.text != term.source:
        lines.append(translate("Tarjuman", "glossary entry: {source}").format(source=term.source))
    return "\n".join(lines)


class WordHit(NamedTuple):
    """A word of sentence ``row``: ``sentence.text[start:end]``."""

    row: int
    start: int
    end: int
    word: str


# GUI-thread time spent on redrawing per event-loop turn; the rest waits for the next turn.
BUDGET_SECONDS = 0.01


class ReaderSurface(QTextBrowser):
    """A page of an ``OpenDocument`` laid out as tables of (Arabic, English) rows."""

    zoomRequested = Signal(int)  # steps: +1 larger, -1 smaller

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formats = ReaderFormats.create(self.font())
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # never inside a word
        self._doc: OpenDocument | None = None
        self._tables: list[QTextTable] = []
        self._starts: list[int] = []
        self._pages: list[int] = [0]
        self._page = 0
        self._first = self._end = 0
        # Rows drawn with glossary marks (to unmark them when the matches change).
        self._marked: set[int] = set()
        self._to_highlight: set[int] = set()
        # Rows whose English changed but is not drawn yet, by table. Tables near the visible
        # part are redrawn at once, the rest when they scroll into view: redrawing a table
        # costs a relayout, and a long document's results arrive all over it.
        self._dirty: dict[int, set[int]] = {}
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(0)
        self._highlight_timer.timeout.connect(self._drain_highlights)
        self._word_statuses: dict[str, int] | None = None
        # Rows shown vowelled: display offset of each sentence offset.
        self._maps: dict[int, list[int]] = {}
        self._gloss_font = QFont(self.font())
        self._gloss_font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 0.85)
        self._reading_size = float(style.READING_SIZE)
        self._use_scheme_colours()

    # -- appearance ----------------------------------------------------------------------------
    def restyle(self, reading_size: float) -> None:
        """Draw at ``reading_size`` points (the Arabic; the English and glosses in
        proportion) in the current colour scheme: the page is laid out again."""
        old = self.formats
        self.formats = replace(ReaderFormats.create(self.font(), reading_size),
                               gloss_space=old.gloss_space, vowelled=old.vowelled)
        self._reading_size = reading_size
        scale = reading_size / style.READING_SIZE
        self._gloss_font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 0.85 * scale)
        self._use_scheme_colours()
        self._rebuild_page()

    def _use_scheme_colours(self) -> None:
        colours = style.scheme()
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, colours.base)
        palette.setColor(QPalette.ColorRole.Text, colours.text)
        self.setPalette(palette)

    def _rebuild_page(self) -> None:
        """Lay the page out again (the reading view does it; nothing to do without one)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """QTextEdit zooms its own font on Ctrl+- and Ctrl++; the window's zoom does it."""
        if event.matches(QKeySequence.StandardKey.ZoomIn):
            self.zoomRequested.emit(1)
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoomRequested.emit(-1)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms the reading text through the window (so the size is remembered)
        instead of QTextEdit's own zoom."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = 1 if event.angleDelta().y() > 0 else -1 if event.angleDelta().y() < 0 else 0
            if steps:
                self.zoomRequested.emit(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def word_at(self, point: QPoint) -> WordHit | None:
        """The Arabic word under a viewport point, if any."""
        position = self.cursorForPosition(point).position()
        hit = self.cell_at_position(position)
        if hit is None or hit[1] != ARABIC or self._doc is None:
            return None
        row = hit[0]
        offset = self._source(row, position - self._cell(row, ARABIC).firstCursorPosition().position())
        text = self._doc.sentences[row].text
        for start, end, word in words(text):
            if start <= offset <= end:
                return WordHit(row, start, end, word)
        return None

    # -- the gloss line ------------------------------------------------------------------------
    def word_at_cursor(self) -> WordHit | None:
        """The Arabic word at the text cursor (where the reader last clicked or moved)."""
        position = self.textCursor().position()
        hit = self.cell_at_position(position)
        if hit is None or hit[1] != ARABIC or self._doc is None:
            return None
        row = hit[0]
        offset = self._source(row, position - self._cell(row, ARABIC).firstCursorPosition().position())
        for start, end, word in words(self._doc.sentences[row].text):
            if start <= offset <= end:
                return WordHit(row, start, end, word)
        return None

    def page_sentences(self) -> list[tuple[int, str]]:
        """(row, sentence) of the page shown."""
        if self._doc is None:
            return []
        return [(row, self._doc.sentences[row].text) for row in range(self._first, self._end)]

    def page_words(self) -> list[str]:
        """The distinct Arabic words of the page shown."""
        if self._doc is None:
            return []
        found = {w for row in range(self._first, self._end)
                 for _s, _e, w in words(self._doc.sentences[row].text)}
        return sorted(found)

    def paint_glosses(self, painter: QPainter, glosses: dict[str, str]) -> None:
        """Draw each visible Arabic word's gloss under it, in the room the gloss line height
        leaves (the text itself, its offsets and selections are untouched)."""
        if self._doc is None or not self._tables:
            return
        height = self.viewport().height()
        top = self.row_at(QPoint(self.viewport().width() // 4, 2))
        bottom = self.row_at(QPoint(self.viewport().width() // 4, height - 2))
        first = top if top >= 0 else self._first
        last = bottom if bottom >= 0 else self._end - 1
        painter.setFont(self._gloss_font)
        painter.setPen(style.scheme().gloss_text)
        metrics = QFontMetrics(self._gloss_font)
        space = QFontMetrics(self.formats.arabic.font()).horizontalAdvance(" ")
        cursor = QTextCursor(self.document())
        for row in range(max(first, self._first), min(last + 1, self._end)):
            base = self._cell(row, ARABIC).firstCursorPosition().position()
            for start, end, word in words(self._doc.sentences[row].text):
                gloss = glosses.get(word)
                if not gloss:
                    continue
                cursor.setPosition(base + self._shown(row, start))
                a = self.cursorRect(cursor)
                cursor.setPosition(base + self._shown(row, end))
                b = self.cursorRect(cursor)
                if a.top() != b.top():  # the word was broken across lines: skip it
                    continue
                # The word's width and half the space on either side: glosses never overlap.
                left, right = min(a.left(), b.left()) - space // 2, max(a.left(), b.left()) + space // 2
                text = metrics.elidedText(gloss, Qt.TextElideMode.ElideRight, right - left)
                box = QRect(left, a.bottom() - 2, right - left, metrics.height())
                painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)

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
        start, end = self._source(row, a - base), self._source(row, b - base)
        text = sentence.text
        # Trim spaces and punctuation a mouse selection tends to catch at either end.
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start >= end:
            return None
        return Selection(sentence, start, end)

    def _text_place(self, position: int) -> tuple[int, int, int] | None:
        """(row, column, offset in the sentence or its English) of a document position."""
        hit = self.cell_at_position(position)
        if hit is None:
            return None
        row, column = hit
        offset = position - self._cell(row, column).firstCursorPosition().position()
        return row, column, self._source(row, offset) if column == ARABIC else offset

    def ensure_row_shown(self, row: int) -> None:
        """Show the page holding ``row`` (the view with pages does; one page here)."""

    def _doc_rows_with_terms(self) -> list[int]:
        return self._doc.rows_with_terms() if self._doc is not None else []

    # -- glossary terms --------------------------------------------------------------------
    def term_at(self, position: int) -> TermMatch | None:
        hit = self.cell_at_position(position)
        if hit is None or hit[1] != ARABIC:
            return None
        offset = self._source(hit[0], position - self.position_of(hit[0], ARABIC))
        for start, end, match in self._doc.spans(hit[0]) if self._doc is not None else []:
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

    def set_word_statuses(self, statuses: dict[str, int] | None) -> None:
        """Learner mode: colour each Arabic word by its status (new, learning 1–4); None
        turns the colours off. The page's rows are marked again."""
        self._word_statuses = statuses
        self._highlight_rows(range(self._first, self._end))

    def _highlight_arabic(self, row: int) -> None:
        cursor = self._cell_cursor(row, ARABIC)
        cursor.setCharFormat(self.formats.arabic)
        base = self.position_of(row, ARABIC)
        spans = self._doc.spans(row) if self._doc is not None else []
        statuses = self._word_statuses
        if spans or statuses:
            self._marked.add(row)
        else:
            self._marked.discard(row)
        if statuses and self._doc is not None:
            for start, end, word in words(self._doc.sentences[row].text):
                status = statuses.get(word)
                colour = style.scheme().word_status.get(status) if status is not None else None
                if colour is not None:
                    mark = QTextCharFormat()
                    mark.setBackground(QBrush(colour))
                    mark.setForeground(QBrush(style.text_on(colour)))
                    cursor.setPosition(base + self._shown(row, start))
                    cursor.setPosition(base + self._shown(row, end), QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(mark)
        for start, end, match in spans:
            mark = QTextCharFormat()
            colour = style.category_colour(match.term.category)
            if match.lemma:  # another form of the term: a paler mark, dotted underline
                colour = colour.darker(125) if style.scheme().dark else colour.lighter(112)
                mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                mark.setUnderlineColor(style.text_on(colour))
            mark.setBackground(QBrush(colour))
            mark.setForeground(QBrush(style.text_on(colour)))
            cursor.setPosition(base + self._shown(row, start))
            cursor.setPosition(base + self._shown(row, end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(mark)

    def _highlight_english(self, row: int) -> None:
        if self._doc is None:
            return
        text = self._doc.translations[row]
        matches = self._doc.matches_in(row)
        if not text or not matches:
            return
        base = self.position_of(row, ENGLISH)
        cursor = QTextCursor(self.document())
        for match in matches:
            for start, end in english_spans(text, match.term.target):
                mark = QTextCharFormat()
                mark.setForeground(style.scheme().english_term)
                mark.setFontUnderline(True)
                underline = style.stored_category_colour(match.term.category)
                mark.setUnderlineColor(underline if style.scheme().dark else underline.darker(150))
                cursor.setPosition(base + start)
                cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(mark)

    @property
    def page_count(self) -> int:
        return len(self._pages)

    @property
    def current_page(self) -> int:
        return self._page

    def page_of(self, row: int) -> int:
        return max(bisect_right(self._pages, row) - 1, 0)

    def _locate(self, row: int) -> tuple[QTextTable, int]:
        chunk = bisect_right(self._starts, row) - 1
        return self._tables[chunk], row - self._starts[chunk]

    def _cell(self, row: int, column: int) -> QTextTableCell:
        table, local = self._locate(row)
        return table.cellAt(local, column)

    def _cell_cursor(self, row: int, column: int) -> QTextCursor:
        cell = self._cell(row, column)
        cursor = cell.firstCursorPosition()
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        return cursor

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
        """Document position of character ``offset`` of a cell's text (of the sentence, for
        the Arabic side, also when it is shown vowelled)."""
        self.ensure_row_shown(row)
        shown = self._shown(row, offset) if column == ARABIC else offset
        return self._cell(row, column).firstCursorPosition().position() + shown

    def _shown(self, row: int, offset: int) -> int:
        """Where offset ``offset`` of sentence ``row`` is in its Arabic cell."""
        mapping = self._maps.get(row)
        return mapping[min(max(offset, 0), len(mapping) - 1)] if mapping else offset

    def _source(self, row: int, shown: int) -> int:
        """The sentence offset of the character at ``shown`` in row ``row``'s Arabic cell."""
        mapping = self._maps.get(row)
        return max(bisect_right(mapping, shown) - 1, 0) if mapping else shown

    def top_row(self) -> int:
        """The first row visible at the top of the view."""
        return self.row_at(QPoint(self.viewport().width() // 4, 30))

"""The reading view: each Arabic sentence beside its English translation, row by row.

A read-only ``QTextBrowser`` holding a two-column table: one row per sentence, extra space
above the first sentence of each paragraph. Being one document, both sides scroll together
and the reader can select any span of Arabic with the mouse or keyboard.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.documents import Document
from desktop.core.segment import Sentence
from desktop.ui import style

ARABIC, ENGLISH = 0, 1
PENDING = "…"


@dataclass(frozen=True)
class Selection:
    """A span of one Arabic sentence: ``sentence.text[start:end]``."""

    sentence: Sentence
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]


class ReaderView(QTextBrowser):
    """Shows a ``Document`` and its translation; emits ``currentChanged(row)`` on click/keys."""

    currentChanged = Signal(int)
    captureRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setMouseTracking(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDocumentMargin(12)
        self._doc: Document | None = None
        self._table: QTextTable | None = None
        self._translations: list[str | None] = []
        self._current = -1
        self._hover = -1
        self._arabic_format = QTextCharFormat()
        self._arabic_format.setFont(style.arabic_font(17))
        self._english_format = QTextCharFormat()
        english_font = self.font()
        english_font.setPointSizeF(max(english_font.pointSizeF(), 10.0) * 1.15)
        self._english_format.setFont(english_font)
        # Drop the first English line so that it sits on the Arabic first line's baseline.
        self._english_offset = max(
            0.0, QFontMetricsF(self._arabic_format.font()).ascent()
            - QFontMetricsF(english_font).ascent())
        self._pending_format = QTextCharFormat(self._english_format)
        self._pending_format.setForeground(style.PENDING_TEXT)
        self.capture_action = QAction("Add selection to glossary…", self)
        self.capture_action.triggered.connect(self.captureRequested)

    # -- content ---------------------------------------------------------------------------
    @property
    def tarjuman_document(self) -> Document | None:
        return self._doc

    def set_document(self, doc: Document, translations: list[str | None] | None = None) -> None:
        """Show ``doc``; rows without a translation show a placeholder until ``set_translations``."""
        self._doc = doc
        self._translations = list(translations) if translations else [None] * len(doc.sentences)
        self._current = self._hover = -1
        qdoc = QTextDocument(self)
        qdoc.setDocumentMargin(12)
        qdoc.setUndoRedoEnabled(False)
        self.setDocument(qdoc)  # QTextEdit deletes the document it owned before
        self._table = None
        cursor = QTextCursor(qdoc)
        if not doc.sentences:
            cursor.insertText("This document has no text to show.", self._pending_format)
            return
        fmt = QTextTableFormat()
        fmt.setBorder(0)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        fmt.setCellSpacing(0)
        fmt.setCellPadding(0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 50)] * 2
        )
        cursor.beginEditBlock()
        table = cursor.insertTable(len(doc.sentences), 2, fmt)
        rtl = QTextBlockFormat()
        rtl.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        rtl.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        ltr = QTextBlockFormat()
        ltr.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        ltr.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        previous_paragraph = 0
        for row, sentence in enumerate(doc.sentences):
            top = 16.0 if row and sentence.paragraph != previous_paragraph else 3.0
            previous_paragraph = sentence.paragraph
            for column in (ARABIC, ENGLISH):
                cell = table.cellAt(row, column)
                cell_format = QTextTableCellFormat()
                cell_format.setTopPadding(top + (self._english_offset if column == ENGLISH else 0))
                if column == ENGLISH:
                    cell_format.setBackground(QBrush(style.ENGLISH_BACKGROUND))
                cell_format.setBottomPadding(3)
                cell_format.setLeftPadding(14 if column == ENGLISH else 8)
                cell_format.setRightPadding(14 if column == ARABIC else 8)
                cell.setFormat(cell_format)
                cell_cursor = cell.firstCursorPosition()
                cell_cursor.setBlockFormat(rtl if column == ARABIC else ltr)
                if column == ARABIC:
                    cell_cursor.insertText(sentence.text, self._arabic_format)
                else:
                    target = self._translations[row]
                    if target is None:
                        cell_cursor.insertText(PENDING, self._pending_format)
                    else:
                        cell_cursor.insertText(target, self._english_format)
        cursor.endEditBlock()
        self._table = table

    def set_translations(self, rows: list[int], targets: list[str]) -> None:
        """Fill in translations as they arrive."""
        if self._table is None:
            return
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for row, target in zip(rows, targets, strict=True):
            if not 0 <= row < len(self._translations):
                continue
            self._translations[row] = target
            self._replace_cell(row, ENGLISH, target, self._english_format)
        cursor.endEditBlock()

    def clear_pending(self, text: str) -> None:
        """Replace the placeholder of every untranslated row (e.g. with "" when there is no model)."""
        if self._table is None:
            return
        rows = [i for i, t in enumerate(self._translations) if t is None]
        for row in rows:
            self._replace_cell(row, ENGLISH, text, self._pending_format)

    def _replace_cell(self, row: int, column: int, text: str, fmt: QTextCharFormat) -> None:
        assert self._table is not None
        cell = self._table.cellAt(row, column)
        cursor = cell.firstCursorPosition()
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text, fmt)

    def translation(self, row: int) -> str | None:
        return self._translations[row] if 0 <= row < len(self._translations) else None

    def translations(self) -> list[str | None]:
        return list(self._translations)

    def row_count(self) -> int:
        return len(self._translations)

    def cell_text(self, row: int, column: int) -> str:
        assert self._table is not None
        cell = self._table.cellAt(row, column)
        cursor = cell.firstCursorPosition()
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    # -- geometry --------------------------------------------------------------------------
    def cell_at_position(self, position: int) -> tuple[int, int] | None:
        if self._table is None:
            return None
        cell = self._table.cellAt(position)
        if not cell.isValid():
            return None
        return cell.row(), cell.column()

    def row_at(self, point: QPoint) -> int:
        hit = self.cell_at_position(self.cursorForPosition(point).position())
        return hit[0] if hit else -1

    def cell_rect_center(self, row: int, column: int) -> QPoint:
        """Viewport coordinates of the middle of a cell's text (for tests and tooltips)."""
        assert self._table is not None
        cell = self._table.cellAt(row, column)
        first = self.cursorRect(cell.firstCursorPosition())
        last = self.cursorRect(cell.lastCursorPosition())
        return QPoint((first.center().x() + last.center().x()) // 2, first.center().y())

    def select_in_sentence(self, row: int, start: int, end: int) -> None:
        """Select ``sentence.text[start:end]`` of row ``row`` (as a mouse drag would)."""
        assert self._table is not None
        base = self._table.cellAt(row, ARABIC).firstCursorPosition().position()
        cursor = QTextCursor(self.document())
        cursor.setPosition(base + start)
        cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.set_current(row)

    # -- selection -------------------------------------------------------------------------
    def arabic_selection(self) -> Selection | None:
        """The selected span if it lies in one Arabic sentence, else the word under the cursor.

        Returns ``None`` when the selection spans several sentences or the English side.
        """
        if self._table is None or self._doc is None:
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
        base = self._table.cellAt(row, ARABIC).firstCursorPosition().position()
        sentence = self._doc.sentences[row]
        start, end = a - base, b - base
        text = sentence.text
        # Trim spaces and punctuation a mouse selection tends to catch at either end.
        while start < end and not (text[start].isalnum()):
            start += 1
        while end > start and not (text[end - 1].isalnum()):
            end -= 1
        if start >= end:
            return None
        return Selection(sentence, start, end)

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
        if self._table is None or not 0 <= row < self._table.rows():
            return
        colour: QColor | None = None
        if row == self._current:
            colour = style.CURRENT_ROW
        elif row == self._hover:
            colour = style.HOVER_ROW
        for column in (ARABIC, ENGLISH):
            cell = self._table.cellAt(row, column)
            fmt = cell.format().toTableCellFormat()
            if colour is not None:
                fmt.setBackground(QBrush(colour))
            elif column == ENGLISH:
                fmt.setBackground(QBrush(style.ENGLISH_BACKGROUND))
            else:
                fmt.clearBackground()
            cell.setFormat(fmt)

    def row_background(self, row: int, column: int) -> QColor | None:
        assert self._table is not None
        fmt = self._table.cellAt(row, column).format()
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

    def leaveEvent(self, event: object) -> None:
        self._set_hover(-1)
        super().leaveEvent(event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: object) -> None:
        super().keyPressEvent(event)  # type: ignore[arg-type]
        hit = self.cell_at_position(self.textCursor().position())
        if hit is not None:
            self.set_current(hit[0])

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.insertAction(menu.actions()[0] if menu.actions() else None, self.capture_action)
        menu.insertSeparator(menu.actions()[1] if len(menu.actions()) > 1 else None)
        self.capture_action.setEnabled(self.arabic_selection() is not None)
        menu.exec(event.globalPos())
        menu.deleteLater()

"""Building the reading view's pages: each Arabic sentence beside its English, row by row.

The view's document is a run of two-column tables (one row per sentence, a new table
roughly every ``CHUNK_ROWS`` rows at a paragraph break). Qt lays out a rich-text document in
one go, about 0.2 ms per row, so a long document is shown a page at a time (about
``PAGE_ROWS`` sentences, cut at paragraph breaks): a page lays out in a few tens of
milliseconds. ``build_reader_document`` may run on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextOption,
    QTextTableCellFormat,
    QTextTableFormat,
)

from desktop.core.arabic import has_arabic
from desktop.core.open_document import OpenDocument
from desktop.ui import style
from desktop.ui.i18n import translate

ARABIC, ENGLISH = 0, 1
PENDING = "…"
EDIT_MARK = " ✎"
CHUNK_ROWS = 20
PAGE_ROWS = 80
GLOSS_LINE_HEIGHT = 175  # percent: an Arabic line and the gloss line under it

@dataclass
class ReaderFormats:
    """Text formats of the reading view. Built on the GUI thread, read by any thread."""

    arabic: QTextCharFormat
    english: QTextCharFormat
    pending: QTextCharFormat
    edited: QTextCharFormat
    mark: QTextCharFormat
    english_offset: float
    #: Room under each line of Arabic for a gloss line (the reader draws the glosses).
    gloss_space: bool = False
    #: Shows a sentence vowelled: (display text, display offset of each original offset).
    #: Called on the thread that builds the page.
    vowelled: Callable[[str], tuple[str, list[int]]] | None = None

    @classmethod
    def create(cls, base_font: QFont, reading_size: float = style.READING_SIZE) -> ReaderFormats:
        """Formats at ``reading_size`` points for the Arabic (the English keeps its
        proportion to it) in the current colour scheme."""
        arabic = QTextCharFormat()
        arabic.setFont(style.arabic_font(reading_size))
        english_font = QFont(base_font)
        english_font.setPointSizeF(max(english_font.pointSizeF(), 10.0) * 1.15
                                   * reading_size / style.READING_SIZE)
        english = QTextCharFormat()
        english.setFont(english_font)
        pending = QTextCharFormat(english)
        colours = style.scheme()
        pending.setForeground(colours.pending_text)
        edited = QTextCharFormat(english)
        edited.setForeground(colours.edited_text)
        mark = QTextCharFormat(english)
        mark.setForeground(colours.pending_text)
        # Drop the first English line so that it sits on the Arabic first line's baseline.
        offset = max(0.0, QFontMetricsF(arabic.font()).ascent() - QFontMetricsF(english_font).ascent())
        return cls(arabic, english, pending, edited, mark, offset)


@dataclass
class ReaderContent:
    """A built reading document and where its rows are (see ``build_reader_document``)."""

    document: OpenDocument
    qdoc: QTextDocument
    chunk_starts: list[int]
    placeholder: str = PENDING
    pages: list[int] = field(default_factory=lambda: [0])
    page: int = 0
    #: Rows shown vowelled: where each offset of the sentence is in the cell.
    maps: dict[int, list[int]] = field(default_factory=dict)

    @property
    def first(self) -> int:
        return self.pages[self.page]

    @property
    def end(self) -> int:
        return self.pages[self.page + 1] if self.page + 1 < len(self.pages) else len(self.document)


def split_rows(doc: OpenDocument, size: int, first: int = 0, end: int | None = None) -> list[int]:
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


def build_reader_document(doc: OpenDocument, formats: ReaderFormats,
                          move_to_gui_thread: bool = False,
                          placeholder: str = PENDING, page: int = 0) -> ReaderContent:
    """Build the reading view's ``QTextDocument`` for one page of ``doc``, with the
    translations it holds. Safe on any thread (give it a ``doc`` no other thread changes).

    With ``move_to_gui_thread`` the result is handed to the application's main thread, as it
    must be when built by a worker.
    """
    n = len(doc.sentences)
    translations, edited = doc.translations, doc.edited
    pages = split_rows(doc, PAGE_ROWS)
    page = min(max(page, 0), len(pages) - 1)
    content_first = pages[page]
    content_end = pages[page + 1] if page + 1 < len(pages) else n
    maps: dict[int, list[int]] = {}
    qdoc = QTextDocument()
    # Lines break between words only: breaking inside an Arabic word draws its letters in
    # the wrong (unjoined) shapes. A word wider than its column overflows instead.
    option = qdoc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    qdoc.setDefaultTextOption(option)
    qdoc.setDocumentMargin(12)
    qdoc.setUndoRedoEnabled(False)
    cursor = QTextCursor(qdoc)
    starts = split_rows(doc, CHUNK_ROWS, content_first, content_end) if n else []
    if not doc.sentences:
        cursor.insertText(translate("Tarjuman", "This document has no text to show."), formats.pending)
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
    if formats.gloss_space:
        rtl.setLineHeight(GLOSS_LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    ltr = QTextBlockFormat()
    ltr.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    ltr.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
    spacer = QTextBlockFormat()
    spacer.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    tiny = QTextCharFormat()
    tiny.setFontPointSize(1)
    english_background = QBrush(style.scheme().english_background)
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
                # A sentence without Arabic (English pasted by mistake, a Latin heading) keeps
                # its own direction: a full stop stays at its end.
                cell_cursor.setBlockFormat(rtl if column == ARABIC and has_arabic(sentence.text)
                                           else ltr)
                if column == ARABIC:
                    if formats.vowelled is not None:
                        shown, maps[row] = formats.vowelled(sentence.text)
                        cell_cursor.insertText(shown, formats.arabic)
                    else:
                        cell_cursor.insertText(sentence.text, formats.arabic)
                else:
                    write_english(cell_cursor, translations[row], edited[row], formats, placeholder)
    if move_to_gui_thread:
        app = QCoreApplication.instance()
        if app is not None:
            qdoc.moveToThread(app.thread())
    return ReaderContent(doc, qdoc, starts, placeholder, pages, page, maps)


def write_english(cursor: QTextCursor, text: str | None, edited: bool, formats: ReaderFormats,
                   placeholder: str = PENDING) -> None:
    if text is None:
        if placeholder:
            cursor.insertText(placeholder, formats.pending)
    elif edited:
        cursor.insertText(text, formats.edited)
        cursor.insertText(EDIT_MARK, formats.mark)
    else:
        cursor.insertText(text, formats.english)

"""Arabic PDFs made here with Qt's PDF writer (offline), read back in logical order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument, QTextOption

from desktop.core.documents import read_document
from desktop.core.errors import BadInputError
from desktop.ui import style
from tests.conftest import SAMPLE


def make_pdf(path: Path, text: str) -> Path:
    style.load_fonts()
    document = QTextDocument()
    document.setDefaultFont(style.arabic_font(14))
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    document.setDefaultTextOption(option)
    document.setPlainText(text)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)
    del writer  # finishes the file
    return path


def test_arabic_pdf_reads_in_logical_order(qapp: object, tmp_path: Path) -> None:
    article = SAMPLE.read_text(encoding="utf-8")
    pdf = make_pdf(tmp_path / "article.pdf", article)
    doc = read_document(pdf)
    assert doc.encoding == "pdf" and doc.sentences
    # Words come in reading order, not reversed letter by letter.
    assert "أمريكا تستلهم تجربة المغرب" in doc.text
    assert "نجح التنسيق" in doc.text and "حجن" not in doc.text
    # Qt's PDF writer maps lam-alef ligatures badly (لأ, لإ); everything else survives.
    words = re.findall(r"\w+", article)
    found = set(re.findall(r"\w+", doc.text))
    assert sum(w in found for w in words) / len(words) > 0.85


def test_pdf_without_text_and_protected_pdf(qapp: object, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    blank = tmp_path / "scan.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with blank.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(BadInputError, match="no text layer"):
        read_document(blank)

    source = make_pdf(tmp_path / "plain.pdf", "نص سري.")
    locked = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=str(source))
    writer.encrypt("secret")
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(BadInputError, match="password-protected"):
        read_document(locked)

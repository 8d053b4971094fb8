"""Every document format and encoding yields the same sentences as the UTF-8 original."""

from __future__ import annotations

import codecs
import html
import io
import zipfile
from pathlib import Path

import pytest

from desktop.core.documents import read_document
from desktop.core.errors import BadInputError
from tests.conftest import SAMPLE

ORIGINAL = read_document(SAMPLE)
SENTENCES = [s.text for s in ORIGINAL.sentences]
PARAGRAPHS = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]


@pytest.mark.parametrize("encoding, bom, detected", [
    ("utf-8", b"", "utf-8"),
    ("utf-8", codecs.BOM_UTF8, "utf-8"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    ("cp1256", b"", "cp1256"),
    ("iso8859-6", b"", "iso8859-6"),
])
def test_text_encodings(tmp_path: Path, encoding: str, bom: bytes, detected: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    if encoding == "iso8859-6":  # ISO-8859-6 has no curly quotes, “…” or Persian letters
        text = text.replace("“", '"').replace("”", '"')
    path = tmp_path / "article.txt"
    path.write_bytes(bom + text.encode(encoding, errors="strict" if encoding != "iso8859-6" else "replace"))
    doc = read_document(path)
    assert doc.encoding == detected
    expected = [s.text for s in read_document(_utf8(tmp_path, text)).sentences]
    assert [s.text for s in doc.sentences] == expected
    if encoding != "iso8859-6":
        assert [s.text for s in doc.sentences] == SENTENCES


def _utf8(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "reference.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_encoding_override_and_short_input(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes("مرحبا".encode("cp1256"))
    doc = read_document(path)
    assert doc.encoding_guessed and doc.text == "مرحبا"
    forced = read_document(path, encoding="iso-8859-6")
    assert forced.encoding == "iso8859-6" and not forced.encoding_guessed
    with pytest.raises(BadInputError, match="not an encoding"):
        read_document(path, encoding="klingon")


def test_presentation_forms_become_letters(tmp_path: Path) -> None:
    path = tmp_path / "pdfcopy.txt"
    path.write_text("ﺍﻟﺘﻬﺪﻳﺪﺍﺕ ﺍﻹﺭﻫﺎﺑﻴﺔ. ﻧﺠﺢ ﺍﻟﺘﻨﺴﻴﻖ.", encoding="utf-8")
    doc = read_document(path)
    assert [s.text for s in doc.sentences] == ["التهديدات الإرهابية.", "نجح التنسيق."]


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in PARAGRAPHS[:6]:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "مكتب التحقيقات الفيدرالي"
    table.cell(0, 1).text = "الرباط"
    for paragraph in PARAGRAPHS[6:]:
        document.add_paragraph(paragraph)
    path = tmp_path / "article.docx"
    document.save(str(path))
    doc = read_document(path)
    texts = [s.text for s in doc.sentences]
    assert [t for t in texts if t not in ("مكتب التحقيقات الفيدرالي", "الرباط")] == SENTENCES
    assert texts.index("مكتب التحقيقات الفيدرالي") < texts.index("الرباط")


def test_html_visible_text_only(tmp_path: Path) -> None:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in PARAGRAPHS)
    page = (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="windows-1256">'
        "<title>تجربة</title><style>p { color: red }</style><script>var x = '<p>no</p>';</script>"
        "</head><body><nav><a href='/'>الرئيسية</a> | <a href='/a'>حول</a></nav>"
        f"<article>{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    path = tmp_path / "article.html"
    path.write_bytes(page.encode("cp1256"))
    doc = read_document(path)
    got = [s.text for s in doc.sentences]
    assert got == SENTENCES
    assert not any("الرئيسية" in t or "var x" in t or "محفوظة" in t for t in got)


@pytest.mark.parametrize("name, content, message", [
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a Word document"),
    ("fake.docx", b"hello", "not a Word document"),
    ("broken.pdf", b"%PDF-1.4\n garbage", "not a readable PDF"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "does not look like text"),
])
def test_damaged_files_get_a_message(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BadInputError, match=message):
        read_document(path)


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("hello.txt", "hi")
    path = tmp_path / "odd.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(BadInputError, match="could not be read as a Word document"):
        read_document(path)


def test_oversized_file_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.seek(30 * 1024 * 1024)
        fh.write(b"x")
    with pytest.raises(BadInputError, match="MB"):
        read_document(path)

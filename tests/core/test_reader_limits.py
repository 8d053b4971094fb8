"""Hostile and broken input for the readers: each one refuses with a plain message, or reads,
in bounded time and memory.

Each hostile read runs in a child process with its address space limited (``RLIMIT_AS``)
and a wall-clock timeout, so a reader that hangs or fills the memory fails the test instead
of the test run. The inputs are built here, shaped like the real formats: a .docx with a
huge ``gridSpan``, a zip bomb, HTML made of unclosed tags, a FIFO, ``/dev/zero``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from desktop.core.documents import read_document
from desktop.core.glossary import exchange
from tests.conftest import REPO, SAMPLE

MEMORY = 1536 * 1024 * 1024  # bytes of address space for the child
TIMEOUT = 20.0  # seconds for the child, imports included
MB = 1024 * 1024

ARABIC = SAMPLE.read_text(encoding="utf-8")

_CHILD = textwrap.dedent("""
    import json, os, pathlib, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
    from desktop.core.documents import read_document
    from desktop.core.errors import BadInputError
    from desktop.core.glossary import exchange

    how, path = sys.argv[1], pathlib.Path(sys.argv[2])
    if how == "race":  # the check saw a regular file; a FIFO is there when the file is opened
        seen = os.stat(sys.executable)
        pathlib.Path.stat = lambda self, **kwargs: seen
    start = time.perf_counter()
    try:
        if how == "glossary":
            fmt, rows = exchange.parse_file(path)
            result = {{"rows": len(rows)}}
        else:
            doc = read_document(path)
            result = {{"text": doc.text, "encoding": doc.encoding}}
    except BadInputError as exc:
        result = {{"refused": str(exc)}}
    result["seconds"] = time.perf_counter() - start
    print(json.dumps(result))
""")


def _read_in_child(path: Path, how: str = "document") -> dict[str, Any]:
    """Read ``path`` in a child limited to ``MEMORY`` and ``TIMEOUT``: the document's text
    and encoding (or the number of glossary rows), or the refusal's message, and the seconds
    the read took."""
    script = _CHILD.format(memory=MEMORY)
    try:
        done: subprocess.CompletedProcess[str] | None = subprocess.run(
            [sys.executable, "-c", script, how, str(path)], cwd=REPO, capture_output=True,
            text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        done = None
    if done is None:
        pytest.fail(f"reading {path.name} did not finish in {TIMEOUT:.0f} s")
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout)
    size = path.stat().st_size if path.is_file() else 0
    assert result["seconds"] < 5 + 2 * size / MB, result["seconds"]  # 2 s per MB, with slack
    return result


# -- files that are not files --------------------------------------------------------------
@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def test_fifo_as_document_is_refused(fifo: Path) -> None:
    assert "not a regular file" in _read_in_child(fifo)["refused"]


def test_fifo_as_glossary_file_is_refused(fifo: Path) -> None:
    fifo = fifo.rename(fifo.with_suffix(".csv"))
    assert "not a regular file" in _read_in_child(fifo, "glossary")["refused"]


def test_fifo_swapped_in_after_the_check_does_not_hang(fifo: Path) -> None:
    assert "not a regular file" in _read_in_child(fifo, "race")["refused"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused() -> None:
    assert "not a regular file" in _read_in_child(Path("/dev/zero"))["refused"]


# -- .docx ---------------------------------------------------------------------------------
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>')
_DOCUMENT_START = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
                   '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
_DOCUMENT_END = "</w:body></w:document>"


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx(path: Path, body: str | list[bytes]) -> Path:
    """A minimal .docx whose body is ``body``: a string, or chunks written one by one (so
    a huge body is never in memory whole)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w") as part:
            part.write(_DOCUMENT_START.encode())
            for chunk in [body.encode()] if isinstance(body, str) else body:
                part.write(chunk)
            part.write(_DOCUMENT_END.encode())
    return path


def test_docx_huge_grid_span_reads_the_cell_once(tmp_path: Path) -> None:
    # One cell spanning 2³¹−1 grid columns: python-docx's row.cells repeats it for each.
    table = ('<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr>'
             f'<w:gridSpan w:val="{2**31 - 1}"/></w:tcPr>{_paragraph("خلية")}</w:tc></w:tr></w:tbl>')
    path = _docx(tmp_path / "span.docx", _paragraph("قبل") + table + _paragraph("بعد"))
    assert path.stat().st_size < 2048
    result = _read_in_child(path)
    assert result["text"].split() == ["قبل", "خلية", "بعد"]


def test_docx_long_vertical_merge_reads_each_cell_once(tmp_path: Path) -> None:
    # A cell merged down 3,000 rows: python-docx looks each continuation up row by row.
    rows = [f'<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>{_paragraph("عمود")}</w:tc>'
            f'<w:tc>{_paragraph("0")}</w:tc></w:tr>']
    rows += [f"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>{_paragraph(str(n))}</w:tc></w:tr>"
             for n in range(1, 3000)]
    grid = "<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
    path = _docx(tmp_path / "merged.docx", f"<w:tbl>{grid}{''.join(rows)}</w:tbl>")
    words = _read_in_child(path)["text"].split()
    assert words.count("عمود") == 1
    assert words[1:] == [str(n) for n in range(3000)]


def test_docx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    # 120 MB of empty paragraphs, packed into about 200 KB.
    chunk = b"<w:p/>" * (1 << 20)
    path = _docx(tmp_path / "bomb.docx", [chunk] * 20)
    assert path.stat().st_size < 400_000
    message = _read_in_child(path)["refused"]
    assert "unpacks to more than" in message


def test_docx_of_a_million_empty_paragraphs_is_refused(tmp_path: Path) -> None:
    path = _docx(tmp_path / "empty.docx", [b"<w:p/>" * 1_000_000])
    assert path.stat().st_size < 20_000
    assert "XML elements and attributes" in _read_in_child(path)["refused"]


def test_docx_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = _docx(tmp_path / "parts.docx", _paragraph("نص"))
    with zipfile.ZipFile(path, "a") as archive:
        for n in range(3000):
            archive.writestr(f"customXml/item{n}.xml", "")
    assert "parts" in _read_in_child(path)["refused"]


# -- HTML ----------------------------------------------------------------------------------
@pytest.mark.parametrize("unit", ["</", "<a ", "<!--a>"])
def test_html_of_unclosed_tags_reads_in_linear_time(tmp_path: Path, unit: str) -> None:
    # html.parser scanned the rest of the page at each unclosed "<": 600 KB of "</" took 81 s.
    path = tmp_path / "page.html"
    path.write_text(unit * (600_000 // len(unit)), encoding="utf-8")
    assert "text" in _read_in_child(path)


def test_html_unknown_marked_section_is_skipped(tmp_path: Path) -> None:
    # html.parser (3.11) raises AssertionError on "<![" followed by anything but CDATA or if.
    path = tmp_path / "page.html"
    path.write_text("<p>قبل</p><![foo bar]><p>بعد</p><![ x", encoding="utf-8")
    assert read_document(path).text == "قبل\nبعد\n<![ x"


# -- PDF -----------------------------------------------------------------------------------
_FONT = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
_TEXT = b"BT /F1 12 Tf 10 10 Td (a) Tj ET\n"


def _pdf(path: Path, pages: int, content: bytes, form: bytes = b"") -> Path:
    """A PDF of ``pages`` pages that all draw the one content stream ``content``, with
    ``form``, if any, as the form XObject ``/X``."""
    def stream(data: bytes, head: bytes = b"") -> bytes:
        packed = zlib.compress(data, 9)
        return (b"<< %s /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream"
                % (head, len(packed), packed))

    kids = " ".join(f"{5 + n} 0 R" for n in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
               stream(content),
               stream(form, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << %s >>" % _FONT)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                b"/Resources << /XObject << /X 4 0 R >> %s >> >>" % _FONT] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_pdf_of_one_huge_stream_on_every_page_is_refused(tmp_path: Path) -> None:
    # 4 MB of text operators, packed into 10 KB, drawn by 50 pages: 8 minutes of parsing.
    path = _pdf(tmp_path / "pages.pdf", 50, _TEXT * 130_000)
    assert path.stat().st_size < 32_000
    assert "page content" in _read_in_child(path)["refused"]


def test_pdf_drawing_one_form_many_times_is_refused(tmp_path: Path) -> None:
    # A page that draws a 10 KB form 5,000 times: pypdf parses the form each time (2 minutes).
    path = _pdf(tmp_path / "form.pdf", 1, b"/X Do\n" * 5000, _TEXT * 300)
    assert path.stat().st_size < 2_000
    assert "page content" in _read_in_child(path)["refused"]


# -- encodings -----------------------------------------------------------------------------
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_in_arabic_letters_only(tmp_path: Path, codec: str) -> None:
    # No byte is 0 (U+06xx is the bytes xx 06): valid UTF-8 made of control characters.
    path = tmp_path / "word.txt"
    path.write_bytes("مرحبا".encode(codec))
    doc = read_document(path)
    assert doc.text == "مرحبا" and doc.encoding == codec


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_cut_short(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(ARABIC.encode(codec)[:-1])  # the last letter lost a byte
    doc = read_document(path)
    assert doc.encoding == codec and doc.encoding_guessed
    assert doc.text[:-1] == read_document(SAMPLE).text[:-1] and doc.text[-1] == "\ufffd"
    assert "1 damaged character" in doc.warning


def test_utf8_with_one_bad_byte_is_utf8(tmp_path: Path) -> None:
    data = bytearray(ARABIC.encode("utf-8"))
    letter = data.index(0xD8, 1000)  # the first byte of an Arabic letter
    data[letter] = 0xFF
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(data))
    doc = read_document(path)
    assert doc.encoding == "utf-8" and doc.encoding_guessed
    assert "2 damaged characters" in doc.warning  # the bad byte, and the rest of the letter
    original = read_document(SAMPLE)
    changed = [s.text for s, o in zip(doc.sentences, original.sentences, strict=True) if s.text != o.text]
    assert len(changed) == 1 and "\ufffd\ufffd" in changed[0]


def test_glossary_with_one_bad_byte_is_read(tmp_path: Path) -> None:
    header = b"source,target\n"
    rows = "".join(f"كلمة{n},word {n}\n" for n in range(50)).encode("utf-8")
    path = tmp_path / "terms.csv"
    path.write_bytes(header + b"\xff" + rows)
    fmt, parsed = exchange.parse_file(path)
    assert fmt == "csv" and len(parsed) == 50
    assert parsed[0].source == "\ufffdكلمة0" and parsed[49].source == "كلمة49"

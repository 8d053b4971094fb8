"""Reading documents into a ``Document``: plain text in any common Arabic encoding, .docx,
.html and .pdf, or pasted text. Every format goes through the same cleaning and segmenting.

Text decoding: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8; otherwise UTF-16
without a BOM, recognised by its shape; otherwise UTF-8 with a few damaged bytes (shown as
U+FFFD, with a warning); otherwise charset-normalizer, restricted to encodings that Arabic
text really comes in. Arabic Presentation Forms (what text copied out of many PDFs carries)
become standard letters.

Every reader does work proportional to the file: only a regular file is read, and only up to
the size limit; a .docx is checked before it is unpacked (entries, unpacked size, amount of
XML), a PDF before its text is extracted (content to parse); the HTML parser is kept from
rescanning the rest of the page at each unclosed "<".
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from desktop.core.arabic import standard_text
from desktop.core.errors import BadInputError
from desktop.core.files import read_user_file
from desktop.core.segment import Sentence, clean_text, segment

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# Candidates for detection, in order of preference when scores tie.
ARABIC_ENCODINGS = ("utf_8", "cp1256", "iso8859_6", "utf_16_le", "utf_16_be", "cp864", "mac_arabic")
ENCODING_CHOICES = ("utf-8", "windows-1256", "iso-8859-6", "utf-16", "utf-16-le", "utf-16-be",
                    "cp864", "mac-arabic")
SHORT_INPUT = 64  # bytes: below this, a guessed encoding is flagged as unreliable
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# Control characters that text files do not contain (tab, line breaks and form feed aside).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_SAMPLE = 65536  # bytes looked at to recognise UTF-16 without a BOM
# Damaged UTF-8 is still read as UTF-8 when it has at least this many well-formed non-ASCII
# characters per damaged one: text in a legacy Arabic code page, read as UTF-8, has fewer
# than one per eight.
_GOOD_PER_DAMAGED = 2

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Document:
    """A decoded document and its sentences; offsets refer to ``text``."""

    text: str
    title: str
    path: Path | None = None
    encoding: str = "utf-8"
    sentences: list[Sentence] = field(default_factory=list)
    encoding_guessed: bool = False  # detection on very little text: the user may override
    warning: str = ""  # something the reader had to repair, in a sentence (damaged bytes)

    @property
    def paragraph_count(self) -> int:
        return self.sentences[-1].paragraph + 1 if self.sentences else 0


def document_from_text(raw: str, title: str = "Pasted text", path: Path | None = None,
                       encoding: str = "utf-8", encoding_guessed: bool = False,
                       warning: str = "", segmented: bool = True) -> Document:
    """Build a ``Document`` from already decoded text (without ``segmented``, no sentences:
    for what needs only the text, such as finding terms)."""
    # Composed and in standard letters, so that search and matching work; offsets refer to
    # this text, which is the text shown.
    text = clean_text(standard_text(raw)).replace("\ufeff", "")
    return Document(text=text, title=title, path=path, encoding=encoding,
                    sentences=segment(text) if segmented else [], encoding_guessed=encoding_guessed,
                    warning=warning)


def read_document(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES, encoding: str | None = None,
                  segmented: bool = True) -> Document:
    """Read a document from ``path``: text (any supported encoding), .docx, .html or .pdf
    (with its sentences unless ``segmented`` is False).

    ``encoding`` overrides detection for text and HTML. Raises ``BadInputError`` with a
    plain message for a missing, unreadable, oversized, binary, damaged or protected file;
    a few damaged bytes in otherwise good text are replaced, and ``Document.warning`` says so.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    data = read_user_file(path, max_bytes, "document")
    if suffix == ".docx":
        return document_from_text(_docx_text(data, path.name), path.name, path, "docx",
                                  segmented=segmented)
    if suffix == ".pdf":
        return document_from_text(_pdf_text(data, path.name), path.name, path, "pdf",
                                  segmented=segmented)
    decoded = _decode(data, path.name, encoding)
    text = decoded.text
    if suffix in (".html", ".htm", ".xhtml"):
        text = html_text(text)
    return document_from_text(text, path.name, path, decoded.encoding, decoded.guessed,
                              decoded.warning, segmented)


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str, bool]:
    """Decode document bytes; returns (text, encoding name, whether the encoding is a guess).

    Damaged bytes that were replaced are logged as a warning (``read_document`` puts the
    warning in the ``Document``)."""
    decoded = _decode(data, name, encoding)
    if decoded.warning:
        log.warning("%s", decoded.warning)
    return decoded.text, decoded.encoding, decoded.guessed


@dataclass(frozen=True)
class _Decoded:
    text: str
    encoding: str
    guessed: bool = False
    warning: str = ""


def _decode(data: bytes, name: str, encoding: str | None = None) -> _Decoded:
    if encoding:
        try:
            return _Decoded(data.decode(encoding), codecs.lookup(encoding).name)
        except LookupError:
            raise BadInputError(f"“{encoding}” is not an encoding Tarjuman knows.") from None
        except UnicodeDecodeError as exc:
            raise BadInputError(f"“{name}” is not valid {encoding} (byte {exc.start}).") from None
    if data.startswith(codecs.BOM_UTF8):
        return _Decoded(data.decode("utf-8-sig", errors="replace"), "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        repaired = _repaired(data, "utf-16", name, len(data) // 2)
        if repaired is None:
            raise BadInputError(f"“{name}” starts like UTF-16 text but is damaged.")
        return repaired
    if not data:
        return _Decoded("", "utf-8")
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    if utf8 is not None and "\x00" not in utf8[:8192] and not _control_heavy(utf8[:8192]):
        return _Decoded(utf8, "utf-8")
    # Control characters in "valid UTF-8" are often Arabic UTF-16 (U+06xx is the bytes xx 06).
    utf16 = _utf16_without_bom(data, name)
    if utf16 is not None:
        return utf16
    if utf8 is not None and "\x00" not in utf8[:8192]:
        return _Decoded(utf8, "utf-8")
    if utf8 is None:
        repaired = _damaged_utf8(data, name)
        if repaired is not None:
            return repaired
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000], cp_isolation=list(ARABIC_ENCODINGS)).best()
    if best is None or (b"\x00" in data[:8192] and not best.encoding.startswith("utf_16")):
        repaired = _damaged_utf8(data, name, last_resort=True) if utf8 is None else None
        if repaired is not None:
            return repaired
        raise BadInputError(
            f"“{name}” does not look like text (it may be a binary file). If it is text in an "
            "unusual encoding, reopen it with File → Reopen with Encoding…")
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError:
        raise BadInputError(f"“{name}” could not be decoded; try File → Reopen with Encoding…") from None
    return _Decoded(text, codecs.lookup(best.encoding).name, len(data) < SHORT_INPUT)


def _control_heavy(sample: str) -> bool:
    """Whether more than a tenth of ``sample`` is control characters, which text is not."""
    return len(_CONTROLS.findall(sample)) * 10 > len(sample)


def _utf16_without_bom(data: bytes, name: str) -> _Decoded | None:
    """UTF-16 without a BOM, told by its shape: in each two-byte unit, one byte (the high
    one) takes a few values only (0 for Latin letters, digits and spaces, 6 for Arabic,
    0x20 for curly quotes) while the other varies, and what it decodes to is text."""
    sample = data[: min(len(data), _SAMPLE) & ~1]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        common = sum(count for _value, count in Counter(high).most_common(3))
        if common * 10 < len(high) * 9 or len(set(low)) <= len(set(high)):
            continue
        decoded = _repaired(data, codec, name, len(data) // 2)
        if decoded is not None and not _control_heavy(decoded.text[:8192]):
            return _Decoded(decoded.text, decoded.encoding, decoded.guessed or len(data) < SHORT_INPUT,
                            decoded.warning)
    return None


def _damaged_utf8(data: bytes, name: str, last_resort: bool = False) -> _Decoded | None:
    """UTF-8 in which a few bytes are damaged (a file cut in the middle of a letter, a
    stray byte from another encoding): decoded with U+FFFD for each damaged sequence, when
    well-formed non-ASCII characters outnumber them. As a ``last_resort`` (no other
    encoding fits), when they are few: one, or one in fifty characters."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())
    if last_resort:
        enough = damaged <= max(1, len(text) // 50)
    else:
        non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - damaged
        enough = damaged * _GOOD_PER_DAMAGED <= non_ascii
    if not enough or "\x00" in text[:8192] or _control_heavy(text[:8192]):
        return None
    return _Decoded(text, "utf-8", True, _damage_warning(name, "UTF-8", damaged))


def _repaired(data: bytes, codec: str, name: str, units: int) -> _Decoded | None:
    """``data`` decoded with ``codec``, damaged sequences replaced by U+FFFD, if they are
    few: one (a file cut short), or one in fifty ``units``; otherwise None."""
    try:
        return _Decoded(data.decode(codec), codecs.lookup(codec).name)
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    damaged = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    if damaged > max(1, units // 50):
        return None
    label = "UTF-16" if codec == "utf-16" else codecs.lookup(codec).name.upper()
    return _Decoded(text, codecs.lookup(codec).name, True, _damage_warning(name, label, damaged))


def _damage_warning(name: str, label: str, damaged: int) -> str:
    what = "1 damaged character" if damaged == 1 else f"{damaged} damaged characters"
    return (f"“{name}” is {label} text with {what}, shown as “\ufffd”; if the text looks "
            "wrong, reopen it with File → Reopen with Encoding…")


# -- .docx -----------------------------------------------------------------------------------
# A .docx is a zip of XML parts. A few kilobytes can unpack to gigabytes (a "zip bomb") or to
# millions of XML elements, and python-docx builds all of it in memory, so the archive is
# checked before python-docx sees it. Each limit grows with the file's size, from a floor that
# any real document of that size stays under (Word's XML packs 10 to 70 times, with up to 6
# tags and attributes per packed byte) to a ceiling: the work stays proportional to the file.
MAX_ZIP_ENTRIES = 2_000
DOCX_UNPACKED = (20 * 1024 * 1024, 100, 200 * 1024 * 1024)  # bytes: floor, per byte, ceiling
DOCX_MARKUP = (500_000, 10, 4_000_000)  # XML tags and attributes, all parts together
DOCX_BLOCKS = (100_000, 0.5, 4_000_000)  # paragraphs and table cells read
MAX_TABLE_NESTING = 32  # tables in table cells (libxml2 stops at 256 levels of XML anyway)
_CHUNK = 1 << 20
_ENTRY_SIGNATURE = b"PK\x01\x02"  # starts each entry of a zip's central directory
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R, _LINK, _T, _BR = (
    _W + tag for tag in ("p", "tbl", "tr", "tc", "r", "hyperlink", "t", "br"))
_BR_TYPE = _W + "type"
_RUN_MARKS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def _docx_text(data: bytes, name: str) -> str:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BadInputError(f"“{name}” is not a Word document (.docx); it may be damaged.")
    try:
        _check_docx_archive(data, name)
        import docx

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        _docx_blocks(document.element.body, lines, name, _scaled(DOCX_BLOCKS, len(data)))
        return "\n".join(lines)
    except BadInputError:
        raise
    except Exception as exc:  # python-docx raises many kinds for damaged files
        raise BadInputError(
            f"“{name}” could not be read as a Word document ({type(exc).__name__}).") from None


def _check_docx_archive(data: bytes, name: str) -> None:
    """Refuse a .docx that would make python-docx work out of proportion to its size: too
    many entries, too many bytes unpacked, too much XML.

    Every entry is unpacked here with a budget, and reading stops once it is spent, whatever
    size the archive declares. ``zipfile``, which python-docx reads with, returns no more
    than an entry's declared size (and then fails on the checksum), so the declared sizes,
    checked first, bound what python-docx unpacks.
    """
    size = _readable_size(len(data))
    # zipfile makes an object for each entry of the central directory, each of which starts
    # with the signature: counting signatures bounds the entries before zipfile reads any.
    if data.count(_ENTRY_SIGNATURE) > MAX_ZIP_ENTRIES:
        raise BadInputError(f"“{name}” has more than {MAX_ZIP_ENTRIES:,} parts; Tarjuman does "
                            "not read it as a Word document (it may be damaged).")
    budget = _scaled(DOCX_UNPACKED, len(data))
    most_markup = _scaled(DOCX_MARKUP, len(data))
    too_big = BadInputError(
        f"“{name}” unpacks to more than {_readable_size(budget)}, the most Tarjuman unpacks from a "
        f"Word document of {size}; it may be damaged, or made to exhaust memory.")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        if sum(entry.file_size for entry in entries) > budget:
            raise too_big
        left = budget
        markup = 0
        for entry in entries:
            with archive.open(entry) as member:
                while chunk := member.read(min(_CHUNK, left + 1)):
                    left -= len(chunk)
                    if left < 0:
                        raise too_big
                    # Every element has a "<" and every attribute a "=".
                    markup += chunk.count(b"<") + chunk.count(b"=")
                    if markup > most_markup:
                        raise BadInputError(
                            f"“{name}” holds more than {most_markup:,} XML elements and "
                            f"attributes, the most Tarjuman reads from a Word document of "
                            f"{size}. Save it as plain text (.txt) and open that instead.")


def _scaled(limit: tuple[int, float, int], size: int) -> int:
    """A limit for a file of ``size`` bytes: ``(floor, per byte, ceiling)``."""
    floor, per_byte, ceiling = limit
    return min(ceiling, max(floor, int(per_byte * size)))


def _readable_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1_048_576 else f"{size / 1_048_576:.1f} MB"


def _docx_blocks(container: Any, lines: list[str], name: str, most: int, depth: int = 0) -> None:
    """The paragraphs of ``container`` (the body, or a table cell) appended to ``lines``,
    at most ``most`` of them; a table cell by cell, each followed by an empty line.

    Each ``<w:tc>`` is read once. python-docx's ``row.cells`` repeats a cell for each grid
    column it spans and for each row of a vertical merge: a gridSpan of 2³¹−1 in a 36 KB
    file took 13 GB, and merged cells had their text repeated.
    """
    for child in container:
        if child.tag == _P:
            lines.append(_docx_paragraph(child))
        elif child.tag == _TBL:
            if depth >= MAX_TABLE_NESTING:
                raise BadInputError(f"“{name}” has tables nested more than {MAX_TABLE_NESTING} "
                                    "deep; it may be damaged.")
            for row in child:
                if row.tag == _TR:
                    for cell in row:
                        if cell.tag == _TC:
                            _docx_blocks(cell, lines, name, most, depth + 1)
                            lines.append("")
        if len(lines) > most:
            raise BadInputError(
                f"“{name}” has more than {most:,} paragraphs and table cells, the most Tarjuman "
                "reads from a Word document of its size. Save it as plain text (.txt) and open "
                "that instead.")


def _docx_paragraph(paragraph: Any) -> str:
    """The text of a ``<w:p>`` as python-docx's ``Paragraph.text`` gives it (runs, also in
    hyperlinks; tabs and line breaks as characters), by walking the elements: python-docx
    runs an XPath query per paragraph and per run, 20 µs each."""
    parts: list[str] = []
    for child in paragraph:
        if child.tag == _R:
            _docx_run(child, parts)
        elif child.tag == _LINK:
            for run in child:
                if run.tag == _R:
                    _docx_run(run, parts)
    return "".join(parts)


def _docx_run(run: Any, parts: list[str]) -> None:
    for item in run:
        if item.tag == _T:
            parts.append(item.text or "")
        elif item.tag == _BR:
            if item.get(_BR_TYPE, "textWrapping") == "textWrapping":  # page breaks are not text
                parts.append("\n")
        elif item.tag in _RUN_MARKS:
            parts.append(_RUN_MARKS[item.tag])


# -- HTML ------------------------------------------------------------------------------------
_SKIP = {"script", "style", "noscript", "template", "head", "nav", "footer", "aside", "svg",
         "button", "form", "select", "iframe"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
          "table", "section", "article", "blockquote", "pre", "header", "main", "dd", "dt", "dl",
          "figcaption", "caption", "hr", "address"}


# html.parser, when a construct is not closed (no ">" after "</" or "<a", no "-->" after
# "<!--"), passes its "<" on as text and looks again from the next "<": markup made of
# unclosed openings made it scan the rest of the page at each one (600 KB of "</": a minute;
# of "<a ": over an hour).
_COMMENT_END = re.compile(r"--\s*>")  # what Python 3.11's html.parser looks for
_SECTION_START = re.compile(r"<!\[([a-zA-Z][-_.a-zA-Z0-9]*)")
_SECTION_END = re.compile(r"]\s*]\s*>")  # <![CDATA[ … ]]>
_WORD_SECTION_END = re.compile(r"]\s*>")  # <![if !supportLists]> in HTML saved by Word


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []
        # Where a search for the end of a comment or section found none, by pattern, in the
        # buffer ``_searched``: a search from a later position would find none either.
        self._searched: str | None = None
        self._nothing_from: dict[re.Pattern[str], int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping.append(tag)
        elif tag in _BLOCK and not self._skipping:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        elif tag in _BLOCK and not self._skipping:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK and not self._skipping:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(re.sub(r"\s+", " ", data))

    def parse_comment(self, i: int, report: bool = True) -> int:
        """The end of the comment at ``i``, or -1 if it is not closed (as html.parser's)."""
        return self._end_of(_COMMENT_END, i + 4)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """The end of ``<![CDATA[…]]>`` or Word's ``<![if …]>`` at ``i`` (skipped, as by
        html.parser), or -1 if it is not closed. Any other ``<![`` is a bogus comment, up
        to the next ">", where html.parser (3.11) raises AssertionError."""
        start = _SECTION_START.match(self.rawdata, i)
        keyword = start.group(1).lower() if start else ""
        if keyword in ("temp", "cdata", "ignore", "include", "rcdata"):
            return self._end_of(_SECTION_END, i + 3)
        if keyword in ("if", "else", "endif"):
            return self._end_of(_WORD_SECTION_END, i + 3)
        return self.parse_bogus_comment(i, report)

    def _end_of(self, pattern: re.Pattern[str], start: int) -> int:
        """The end of the first match of ``pattern`` from ``start`` in the buffer, or -1;
        a search that found nothing is not repeated from a later position."""
        if self._searched is not self.rawdata:
            self._searched, self._nothing_from = self.rawdata, {}
        if start >= self._nothing_from.get(pattern, sys.maxsize):
            return -1
        match = pattern.search(self.rawdata, start)
        if match is None:
            self._nothing_from[pattern] = start
            return -1
        return match.end()


def html_text(markup: str) -> str:
    """The visible text of an HTML page: no scripts, styles, navigation or footers; block
    elements and ``<br>`` become line breaks."""
    # After the last ">" no construct can be closed, and html.parser passes each "<" on as
    # text after scanning to the end for a ">": escaped, they are text at once.
    last = markup.rfind(">") + 1
    markup = markup[:last] + markup[last:].replace("<", "&lt;")
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return "\n".join(line for line in lines if line)


# -- PDF -------------------------------------------------------------------------------------
_ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# pypdf parses the content of each page (and of the forms it draws) at about 2.5 µs a byte,
# and a 10 KB file can hold a stream that unpacks to 75 MB (pypdf's own cap per stream), used
# by every page. So the unpacked content, counted for each page that uses it, is limited (a
# PDF written by Qt unpacks to 11 times its size; pypdf reads it at about 24 s per MB).
PDF_CONTENT = (512 * 1024, 32, 64 * 1024 * 1024)  # bytes: floor, per byte of file, ceiling


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise BadInputError(f"“{name}” is password-protected; Tarjuman cannot open it.")
            except (NotImplementedError, PdfReadError):
                raise BadInputError(f"“{name}” is password-protected; Tarjuman cannot open it.") from None
        _check_pdf_content(reader, name, len(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except BadInputError:
        raise
    except Exception as exc:  # pypdf raises many kinds for damaged files
        raise BadInputError(f"“{name}” is not a readable PDF ({type(exc).__name__}).") from None
    text = "\n\n".join(_logical_order(p) for p in pages)
    if not text.strip():
        raise BadInputError(
            f"“{name}” has no text layer (it is probably a scan); Tarjuman needs text, not images.")
    return text


def _check_pdf_content(reader: Any, name: str, size: int) -> None:
    """Refuse a PDF whose text extraction would parse more content than the budget for its
    size allows: each page's content streams, and each form (``/XObject /Form``) as many
    times as the page, or a form, draws it with ``Do``."""
    budget = _scaled(PDF_CONTENT, size)
    total = 0
    for page in reader.pages:
        contents = _resolved(page.get("/Contents"))
        streams = [_resolved(item) for item in contents] if isinstance(contents, list) else [contents]
        total += _pdf_cost(streams, page.get("/Resources"), {}, budget)
        if total > budget:
            raise BadInputError(
                f"“{name}” has more than {_readable_size(budget)} of page content to read, the most "
                f"Tarjuman reads from a PDF of {_readable_size(size)}; it may be damaged, or made to "
                "exhaust the reader.")


_DRAW = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")  # "/Name Do" draws the XObject Name


def _pdf_cost(streams: list[Any], resources: Any, costs: dict[int, int], budget: int) -> int:
    """The bytes of content that extracting the text of ``streams`` parses: theirs, and for
    each form they draw, its cost each time (``costs`` holds the cost of forms measured).
    What cannot be unpacked counts nothing: the extraction reports it as before."""
    cost = 0
    drawn: Counter[bytes] = Counter()
    for stream in streams:
        try:
            data = stream.get_data() if hasattr(stream, "get_data") else b""
        except Exception:  # damaged: left to the extraction
            continue
        cost += len(data)
        drawn.update(_DRAW.findall(data))
    found = _resolved(resources)
    xobjects = _resolved(found.get("/XObject")) if isinstance(found, dict) else None
    if not isinstance(xobjects, dict):
        return min(cost, budget + 1)
    for xname, times in drawn.items():
        form = _resolved(xobjects.get("/" + xname.decode("latin-1")))
        if not isinstance(form, dict) or form.get("/Subtype") != "/Form":
            continue
        if id(form) not in costs:
            costs[id(form)] = 0  # while it is measured: a form that draws itself adds nothing
            own = form.get("/Resources")
            costs[id(form)] = _pdf_cost([form], resources if own is None else own, costs, budget)
        cost += times * costs[id(form)]
        if cost > budget:
            break
    return min(cost, budget + 1)


def _resolved(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def _logical_order(page: str) -> str:
    """PDF text of right-to-left lines often comes out in visual order (last letter first),
    in Presentation Forms. Such lines are reversed, keeping digits and Latin runs readable."""
    lines = []
    for line in page.replace("\t", " ").split("\n"):
        visual = bool(_PRESENTATION_FORMS.search(line))
        line = standard_text(line)
        if visual and _ARABIC_RUN.search(line):
            reversed_line = line[::-1]
            # Numbers and Latin words were reversed too: put them back.
            line = re.sub(r"[0-9A-Za-z][0-9A-Za-z.,:%/\-]*[0-9A-Za-z]|[0-9A-Za-z]",
                          lambda m: m.group()[::-1], reversed_line)
            line = line.translate(_MIRROR)
        lines.append(line.strip())
    # A PDF breaks paragraphs into lines; join lines that do not end a sentence.
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and paragraphs[-1] and line and not re.search(r"[.!?؟…:]$", paragraphs[-1]):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs)


_MIRROR = str.maketrans("()[]{}«»", ")(][}{»«")

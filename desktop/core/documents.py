"""Reading documents into a ``Document``: plain text in any common Arabic encoding, .docx,
.html and .pdf, or pasted text. Every format goes through the same cleaning and segmenting.

Text decoding: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8; otherwise
charset-normalizer, restricted to encodings that Arabic text really comes in. Arabic
Presentation Forms (what text copied out of many PDFs carries) become standard letters.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

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


@dataclass(frozen=True)
class Document:
    """A decoded document and its sentences; offsets refer to ``text``."""

    text: str
    title: str
    path: Path | None = None
    encoding: str = "utf-8"
    sentences: list[Sentence] = field(default_factory=list)
    encoding_guessed: bool = False  # detection on very little text: the user may override

    @property
    def paragraph_count(self) -> int:
        return self.sentences[-1].paragraph + 1 if self.sentences else 0


def document_from_text(raw: str, title: str = "Pasted text", path: Path | None = None,
                       encoding: str = "utf-8", encoding_guessed: bool = False) -> Document:
    """Build a ``Document`` from already decoded text."""
    # Composed and in standard letters, so that search and matching work; offsets refer to
    # this text, which is the text shown.
    text = clean_text(standard_text(raw)).replace("\ufeff", "")
    return Document(text=text, title=title, path=path, encoding=encoding,
                    sentences=segment(text), encoding_guessed=encoding_guessed)


def read_document(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES, encoding: str | None = None) -> Document:
    """Read a document from ``path``: text (any supported encoding), .docx, .html or .pdf.

    ``encoding`` overrides detection for text and HTML. Raises ``BadInputError`` with a
    plain message for a missing, unreadable, oversized, binary, damaged or protected file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    data = read_user_file(path, max_bytes, "document")
    if suffix == ".docx":
        return document_from_text(_docx_text(data, path.name), path.name, path, "docx")
    if suffix == ".pdf":
        return document_from_text(_pdf_text(data, path.name), path.name, path, "pdf")
    text, used, guessed = decode_bytes(data, path.name, encoding)
    if suffix in (".html", ".htm", ".xhtml"):
        text = html_text(text)
    return document_from_text(text, path.name, path, used, guessed)


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str, bool]:
    """Decode document bytes; returns (text, encoding name, whether the encoding is a guess)."""
    if encoding:
        try:
            return data.decode(encoding), codecs.lookup(encoding).name, False
        except LookupError:
            raise BadInputError(f"“{encoding}” is not an encoding Tarjuman knows.") from None
        except UnicodeDecodeError as exc:
            raise BadInputError(f"“{name}” is not valid {encoding} (byte {exc.start}).") from None
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig", errors="replace"), "utf-8", False
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", False
        except UnicodeDecodeError:
            raise BadInputError(f"“{name}” starts like UTF-16 text but is damaged.") from None
    if not data:
        return "", "utf-8", False
    try:
        text = data.decode("utf-8")
        if "\x00" not in text[:8192]:
            return text, "utf-8", False
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000], cp_isolation=list(ARABIC_ENCODINGS)).best()
    if best is None or (b"\x00" in data[:8192] and not best.encoding.startswith("utf_16")):
        raise BadInputError(
            f"“{name}” does not look like text (it may be a binary file). If it is text in an "
            "unusual encoding, reopen it with File → Reopen with Encoding…")
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError:
        raise BadInputError(f"“{name}” could not be decoded; try File → Reopen with Encoding…") from None
    return text, codecs.lookup(best.encoding).name, len(data) < SHORT_INPUT


# -- .docx -----------------------------------------------------------------------------------
def _docx_text(data: bytes, name: str) -> str:
    import io

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BadInputError(f"“{name}” is not a Word document (.docx); it may be damaged.")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []

        def paragraphs(container: object) -> None:
            for block in container.iter_inner_content():  # type: ignore[attr-defined]
                if isinstance(block, Paragraph):
                    lines.append(block.text)
                elif isinstance(block, Table):
                    for row in block.rows:
                        for cell in row.cells:
                            paragraphs(cell)
                            lines.append("")

        paragraphs(document)
        return "\n".join(lines)
    except BadInputError:
        raise
    except Exception as exc:  # python-docx raises many kinds for damaged files
        raise BadInputError(
            f"“{name}” could not be read as a Word document ({type(exc).__name__}).") from None


# -- HTML ------------------------------------------------------------------------------------
_SKIP = {"script", "style", "noscript", "template", "head", "nav", "footer", "aside", "svg",
         "button", "form", "select", "iframe"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
          "table", "section", "article", "blockquote", "pre", "header", "main", "dd", "dt", "dl",
          "figcaption", "caption", "hr", "address"}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []

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


def html_text(markup: str) -> str:
    """The visible text of an HTML page: no scripts, styles, navigation or footers; block
    elements and ``<br>`` become line breaks."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return "\n".join(line for line in lines if line)


# -- PDF -------------------------------------------------------------------------------------
_ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _pdf_text(data: bytes, name: str) -> str:
    import io
    import logging

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

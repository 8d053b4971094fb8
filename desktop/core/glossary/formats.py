"""Glossary exchange with other tools: Excel and plain CSV, Anki, TBX (CAT tools), OmegaT.

Every export is written atomically and every format can be imported again:

- ``csv``: UTF-8 without BOM; ``excel``: UTF-8 with BOM and CRLF. Both guard against formula
  injection unless ``raw``.
- ``anki``: tab-separated with Anki's file headers (``#separator:tab``, ``#html:true``,
  ``#deck:``, ``#tags column:``, ``#columns:``). The fields are Arabic, English,
  transliteration, category, context (the term in ``<b>``), note and tags, plus an optional
  cloze. Arabic is wrapped in ``<span dir="rtl">`` and everything is HTML-escaped.
- ``tbx``: TBX-Basic (``martif`` › ``text`` › ``body`` › ``termEntry`` › ``langSet`` ›
  ``tig`` › ``term``). The category is a ``descrip type="subjectField"``, the note a ``note``
  and the context a ``descrip type="context"``.
- ``omegat``: OmegaT's tab-separated glossary (source, target, comment), one line per entry.
  OmegaT cannot hold tabs or line breaks in a field, so they become spaces.
"""

from __future__ import annotations

import csv
import html
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from desktop.core.arabic import transliterate
from desktop.core.atomic import atomic_write
from desktop.core.errors import BadInputError
from desktop.core.files import read_user_file
from desktop.core.glossary.interchange import (
    ImportRow,
    Table,
    delimited_rows,
    guess_mapping,
    read_table,
    rows_from_table,
    write_csv,
)
from desktop.core.glossary.store import TermRecord, category_key
from desktop.core.tasks import CancelToken, ProgressFn, check, report

EXPORT_FORMATS = ("csv", "excel", "anki", "tbx", "omegat")
SUFFIXES = {"csv": ".csv", "excel": ".csv", "anki": ".tsv", "tbx": ".tbx", "omegat": ".utf8"}
MAX_IMPORT_BYTES = 50 * 1024 * 1024
ANKI_COLUMNS = ("Arabic", "English", "Transliteration", "Category", "Context", "Note", "Tags")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def format_for_export(path: Path, requested: str | None = None) -> str:
    if requested:
        if requested not in EXPORT_FORMATS:
            raise BadInputError(f"“{requested}” is not a glossary format; use one of "
                                f"{', '.join(EXPORT_FORMATS)}.")
        return requested
    suffix = Path(path).suffix.lower()
    by_suffix = {".tbx": "tbx", ".xml": "tbx", ".utf8": "omegat", ".tsv": "anki", ".txt": "anki"}
    return by_suffix.get(suffix, "csv")


def export_terms(terms: Iterable[TermRecord], path: Path, fmt: str, *, deck: str = "Tarjuman",
                 cloze: bool = False, raw: bool = False, progress: ProgressFn | None = None,
                 cancel: CancelToken | None = None, total: int = 0) -> int:
    """Write ``terms`` in format ``fmt``; returns how many were written.

    ``terms`` is read once, as it is written (``store.iter_terms`` streams them from the
    database). ``progress(done, total)`` is called every few hundred terms; ``cancel`` stops
    the export with ``Cancelled`` and leaves any existing file at ``path`` as it was.
    """
    terms = _watched(terms, progress, cancel, total)
    if fmt in ("csv", "excel"):
        return write_csv(terms, path, excel=fmt == "excel", protect=not raw)
    if fmt == "anki":
        return write_anki(terms, path, deck=deck, cloze=cloze)
    if fmt == "tbx":
        return write_tbx(terms, path)
    if fmt == "omegat":
        return write_omegat(terms, path)
    raise BadInputError(f"“{fmt}” is not a glossary format.")


# -- Anki --------------------------------------------------------------------------------------
def _html(text: str) -> str:
    return html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def _watched(terms: Iterable[TermRecord], progress: ProgressFn | None, cancel: CancelToken | None,
             total: int, every: int = 500) -> Iterator[TermRecord]:
    for n, term in enumerate(terms):
        if n % every == 0:
            check(cancel)
            report(progress, n, total)
        yield term
    check(cancel)


def _rtl(markup: str) -> str:
    return f'<span dir="rtl">{markup}</span>'


def _bold_term(context: str, source: str) -> tuple[str, str]:
    """The context as HTML with the term in <b>, and as a cloze (term in {{c1::…}})."""
    at = context.find(source) if source else -1
    if at < 0:
        return _html(context), _html(context)
    before, term, after = context[:at], context[at : at + len(source)], context[at + len(source) :]
    return (f"{_html(before)}<b>{_html(term)}</b>{_html(after)}",
            f"{_html(before)}{{{{c1::{_html(term)}}}}}{_html(after)}")


def write_anki(terms: Iterable[TermRecord], path: Path, deck: str = "Tarjuman", cloze: bool = False) -> int:
    columns = list(ANKI_COLUMNS) + (["Cloze"] if cloze else [])
    with atomic_write(path, encoding="utf-8", newline="") as fh:
        fh.write("#separator:tab\n#html:true\n")
        fh.write(f"#deck:{deck.replace(chr(10), ' ').strip() or 'Tarjuman'}\n")
        fh.write(f"#tags column:{ANKI_COLUMNS.index('Tags') + 1}\n")
        fh.write("#columns:" + "\t".join(columns) + "\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        count = 0
        for t in terms:
            count += 1
            bold, cloze_text = _bold_term(t.context, t.source)
            row = [_rtl(_html(t.source)), _html(t.target), _html(transliterate(t.source)),
                   _html(t.category), _rtl(bold) if t.context else "", _html(t.note),
                   t.category.replace(" ", "_")]
            if cloze:
                row.append(_rtl(cloze_text) if t.context else "")
            writer.writerow(row)
    return count


_TAGS = re.compile(r'</?b>|<span dir="rtl">|</span>')


def _from_html(markup: str) -> str:
    return html.unescape(_TAGS.sub("", markup).replace("<br>", "\n"))


def parse_anki(text: str, name: str) -> list[ImportRow]:
    lines = text.split("\n")
    columns = list(ANKI_COLUMNS)
    header_lines = 0
    for header in lines:
        if not header.startswith("#"):
            break
        header_lines += 1
        key, _, value = header[1:].partition(":")
        if key.strip().lower() == "columns":
            columns = [c.strip() for c in value.rstrip("\r").split("\t")]
    body = "\n".join(lines[header_lines:])
    index = {c.lower(): i for i, c in enumerate(columns)}
    rows: list[ImportRow] = []
    for row_line, cells in delimited_rows(body, name, "\t", first_line=header_lines + 1):

        def cell(column: str, cells: list[str] = cells) -> str:
            i = index.get(column.lower())
            return _from_html(cells[i]) if i is not None and i < len(cells) else ""

        source, target = cell("Arabic").strip(), cell("English").strip()
        if not source or not target:
            raise BadInputError(f"“{name}”, line {row_line}: both Arabic and English are needed.")
        rows.append(ImportRow(row_line, source, target, category_key(cell("Category") or "other"),
                              cell("Note"), cell("Context"), "", None))
    return rows


# -- TBX ---------------------------------------------------------------------------------------
def write_tbx(terms: Iterable[TermRecord], path: Path) -> int:
    martif = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = ET.SubElement(martif, "martifHeader")
    source_desc = ET.SubElement(ET.SubElement(header, "fileDesc"), "sourceDesc")
    ET.SubElement(source_desc, "p").text = "Glossary exported from Tarjuman (Arabic → English)"
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    count = 0
    for t in terms:
        count += 1
        entry = ET.SubElement(body, "termEntry", {"id": f"t{t.id}"})
        ET.SubElement(entry, "descrip", {"type": "subjectField"}).text = t.category
        if t.note:
            ET.SubElement(entry, "note").text = _xml_safe(t.note)
        transaction = ET.SubElement(entry, "transacGrp")
        ET.SubElement(transaction, "transac", {"type": "transactionType"}).text = "origination"
        ET.SubElement(transaction, "date").text = t.created_at.astimezone(timezone.utc).isoformat(
            timespec="seconds")
        arabic = ET.SubElement(ET.SubElement(entry, "langSet", {XML_LANG: "ar"}), "tig")
        ET.SubElement(arabic, "term").text = _xml_safe(t.source)
        if t.context:
            ET.SubElement(arabic, "descrip", {"type": "context"}).text = _xml_safe(t.context)
        if t.document:
            ET.SubElement(arabic, "admin", {"type": "source"}).text = _xml_safe(t.document)
        english = ET.SubElement(ET.SubElement(entry, "langSet", {XML_LANG: "en"}), "tig")
        ET.SubElement(english, "term").text = _xml_safe(t.target)
    ET.indent(martif)
    data = ET.tostring(martif, encoding="unicode")
    # A CR would be read back as LF: write it as a character reference.
    data = data.replace("\r", "&#13;")
    with atomic_write(path, encoding="utf-8", newline="") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        fh.write(data + "\n")
    return count


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff"))


def parse_tbx(text: str, name: str) -> list[ImportRow]:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        line, column = exc.position
        raise BadInputError(f"“{name}” is not well-formed XML (line {line}, column {column}).") from None
    if root.tag != "martif":
        raise BadInputError(f"“{name}” is XML but not a TBX glossary (no <martif> root).")
    rows: list[ImportRow] = []
    for number, entry in enumerate(root.iter("termEntry"), 1):
        terms: dict[str, str] = {}
        context = document = ""
        for lang_set in entry.iter("langSet"):
            lang = (lang_set.get(XML_LANG) or lang_set.get("lang") or "").lower()[:2]
            term = lang_set.find("./tig/term")
            if term is None:
                term = lang_set.find(".//term")
            if term is not None and term.text and lang not in terms:
                terms[lang] = term.text
            if lang == "ar":
                context = lang_set.findtext(".//descrip[@type='context']") or context
                document = lang_set.findtext(".//admin[@type='source']") or document
        source, target = terms.get("ar", "").strip(), terms.get("en", "").strip()
        where = f"termEntry {entry.get('id') or number}"
        if not source or not target:
            raise BadInputError(f"“{name}”, {where}: an Arabic and an English term are needed.")
        category = (entry.findtext("descrip[@type='subjectField']")
                    or entry.findtext(".//termNote[@type='partOfSpeech']") or "other")
        created = None
        date = entry.findtext("./transacGrp/date")
        if date:
            try:
                created = datetime.fromisoformat(date.strip())
            except ValueError:
                raise BadInputError(f"“{name}”, {where}: “{date}” is not a date.") from None
            if created.tzinfo is None:
                created = created.replace(tzinfo=timezone.utc)
        rows.append(ImportRow(number, source, target, category_key(category),
                              entry.findtext("note") or "", context, document, created))
    return rows


# -- OmegaT ------------------------------------------------------------------------------------
def _one_line(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text).strip()


def write_omegat(terms: Iterable[TermRecord], path: Path) -> int:
    count = 0
    with atomic_write(path, encoding="utf-8", newline="") as fh:
        for t in terms:
            count += 1
            fh.write(f"{_one_line(t.source)}\t{_one_line(t.target)}\t{_one_line(t.note)}\n")
    return count


def parse_omegat(text: str, name: str) -> list[ImportRow]:
    rows: list[ImportRow] = []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise BadInputError(f"“{name}”, line {number}: expected “source<TAB>target<TAB>comment”.")
        rows.append(ImportRow(number, cells[0].strip(), cells[1].strip(), "other",
                              cells[2] if len(cells) > 2 else "", "", "", None))
    return rows


# -- reading any of them -------------------------------------------------------------------------
def read_glossary_text(path: Path) -> str:
    """The text of a glossary file, decoded like documents (Excel's UTF-16 included)."""
    from desktop.core.documents import decode_bytes

    data = read_user_file(path, MAX_IMPORT_BYTES, "glossary file")
    text, _encoding, _guessed = decode_bytes(data, Path(path).name)
    if "\x00" in text:
        raise BadInputError(f"“{Path(path).name}” looks like a binary file, not a glossary.")
    return text.lstrip("\ufeff")


def detect_format(path: Path, text: str) -> str:
    """Which import format ``text`` is, from its content first and then its file name."""
    head = text.lstrip()[:500]
    if head.startswith("<?xml") or "<martif" in head:
        return "tbx"
    if head.startswith(("#separator:", "#html:", "#deck:", "#columns:")):
        return "anki"
    suffix = Path(path).suffix.lower()
    if suffix in (".tbx", ".xml"):
        return "tbx"
    if suffix == ".utf8":
        return "omegat"
    first = text.split("\n", 1)[0]
    if suffix in (".tsv", ".tab", ".txt") or first.count("\t") > first.count(","):
        return "tsv"
    return "csv"


def read_import(path: Path) -> tuple[str, Table | None, list[ImportRow] | None]:
    """Read a glossary file for import: (format, table to map, rows).

    Delimited files (CSV/TSV) come back as a ``Table`` whose columns the user may map; the
    others come back as rows directly.
    """
    text = read_glossary_text(path)
    fmt = detect_format(path, text)
    name = Path(path).name
    if fmt == "tbx":
        return fmt, None, parse_tbx(text, name)
    if fmt == "anki":
        return fmt, None, parse_anki(text, name)
    if fmt == "omegat":
        return fmt, None, parse_omegat(text, name)
    table = read_table(text, name, "\t" if fmt == "tsv" else ",")
    return fmt, table, None


def parse_file(path: Path) -> tuple[str, list[ImportRow]]:
    """Read any supported glossary file into rows, guessing CSV/TSV columns."""
    fmt, table, rows = read_import(path)
    if table is not None:
        rows = rows_from_table(table, guess_mapping(table))
    assert rows is not None
    return fmt, rows



"""Glossary exchange with other tools: Excel and plain CSV, Anki, TBX (CAT tools), OmegaT.

The one dispatch between formats, and the public API. Every export is written atomically and
every format can be imported again:

- ``csv``: UTF-8 without BOM; ``excel``: UTF-8 with BOM and CRLF. Both guard against formula
  injection unless ``raw`` (``delimited``).
- ``anki``: tab-separated with Anki's file headers (``anki``).
- ``tbx``: TBX-Basic (``tbx``).
- ``omegat``: OmegaT's tab-separated glossary (``omegat``).

What does not depend on the format (rows, tables of cells, column mapping, import into the
glossary, reading a file) is in ``rows``. The format modules import only from ``rows`` and
``delimited``, never from this package, so there is no import cycle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from desktop.core.errors import BadInputError
from desktop.core.glossary.record import TermRecord
from desktop.core.tasks import CancelToken, ProgressFn, check, report

from .anki import parse_anki, write_anki
from .delimited import write_csv
from .omegat import parse_omegat, write_omegat
from .rows import (
    FIELDS,
    HEADER_NAMES,
    ImportResult,
    ImportRow,
    Table,
    guess_mapping,
    import_rows,
    read_glossary_text,
    read_table,
    rows_from_table,
)
from .sqlite_file import is_sqlite, parse_glossary_file
from .tbx import parse_tbx, write_tbx, write_tbx3

__all__ = [
    "NEW_CATEGORY_POLICIES",
    "NOT_CARRIED",
    "EXPORT_FORMATS",
    "FIELDS",
    "SUFFIXES",
    "ImportResult",
    "ImportRow",
    "Table",
    "detect_format",
    "export_terms",
    "format_for_export",
    "guess_mapping",
    "import_rows",
    "parse_file",
    "read_import",
    "rows_from_table",
]

EXPORT_FORMATS = ("csv", "excel", "anki", "tbx", "tbx3", "omegat")
SUFFIXES = {"csv": ".csv", "excel": ".csv", "anki": ".tsv", "tbx": ".tbx", "tbx3": ".tbx", "omegat": ".utf8"}
#: What a format cannot carry of a term (the export says so; everything else round-trips).
NOT_CARRIED = {"anki": ("document", "date added", "subject field", "part of speech"),
               "tbx3": ("document", "date added"),
               "omegat": ("category", "context", "document", "date added", "subject field",
                          "part of speech")}


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
                 cancel: CancelToken | None = None, total: int = 0,
                 skipped: list[str] | None = None) -> int:
    """Write ``terms`` in format ``fmt``; returns how many were written. The Arabic of a
    term the format cannot carry goes to ``skipped`` (reported to the user, never dropped
    silently).

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
    if fmt == "tbx3":
        return write_tbx3(terms, path)
    if fmt == "omegat":
        return write_omegat(terms, path, skipped)
    raise BadInputError(f"“{fmt}” is not a glossary format.")


def _watched(terms: Iterable[TermRecord], progress: ProgressFn | None, cancel: CancelToken | None,
             total: int, every: int = 500) -> Iterator[TermRecord]:
    for n, term in enumerate(terms):
        if n % every == 0:
            check(cancel)
            report(progress, n, total)
        yield term
    check(cancel)


def detect_format(path: Path, text: str) -> str:
    """Which import format ``text`` is, from its content first and then its file name."""
    head = text.lstrip()[:500]
    if head.startswith("<?xml") or "<martif" in head or "<tbx" in head:
        return "tbx"
    if head.startswith(("#separator:", "#html:", "#deck:", "#columns:", "#guid column:",
                        "#notetype column:", "#deck column:", "#tags column:")):
        return "anki"
    if head.startswith("# Glossary in tab-separated format"):
        return "omegat"
    suffix = Path(path).suffix.lower()
    if suffix in (".tbx", ".xml"):
        return "tbx"
    first_cells = [c.strip().lower() for c in text.lstrip("\ufeff").split("\n", 1)[0].split("\t")]
    names_fields = any(c in {n for names in HEADER_NAMES.values() for n in names} for c in first_cells)
    if suffix == ".utf8" or (suffix in (".tab", ".txt") and not names_fields):
        return "omegat"  # OmegaT's glossary names; a header row (as Excel writes) is a table
    first = text.split("\n", 1)[0]
    if suffix in (".tsv", ".tab", ".txt") or first.count("\t") > first.count(","):
        return "tsv"
    return "csv"


def read_import(path: Path, encoding: str | None = None) -> tuple[str, Table | None, list[ImportRow] | None]:
    """Read a glossary file for import: (format, table to map, rows).

    Delimited files (CSV/TSV) come back as a ``Table`` whose columns the user may map; the
    others come back as rows directly.
    """
    if is_sqlite(path):  # another glossary file: its terms, read as data
        return "glossary", None, parse_glossary_file(path)
    text = read_glossary_text(path, encoding)
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


def parse_file(path: Path, encoding: str | None = None) -> tuple[str, list[ImportRow]]:
    """Read any supported glossary file into rows, guessing CSV/TSV columns."""
    fmt, table, rows = read_import(path, encoding)
    if table is not None:
        rows = rows_from_table(table, guess_mapping(table))
    assert rows is not None
    return fmt, rows

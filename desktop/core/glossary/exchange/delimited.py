"""Delimited glossary files: CSV, Excel CSV (UTF-8 with BOM) and TSV, written and read.

The CSV has a header row ``source,target,category,note,context,document,created,subject,pos``, is quoted
per RFC 4180 and is written atomically, with formula-like cells guarded (``desktop.core.cells.protect_cell``).
"""

from __future__ import annotations

import csv
from datetime import timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from desktop.core.atomic import atomic_write
from desktop.core.cells import protect_cell
from desktop.core.glossary.record import TermRecord

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

from .rows import (
    COLUMNS,
    ImportRow,
    guess_mapping,
    read_glossary_text,
    read_table,
    rows_from_table,
)


def _row(term: TermRecord) -> list[str]:
    return [
        term.source,
        term.target,
        term.category,
        term.note,
        term.context,
        term.document,
        term.created_at.astimezone(timezone.utc).isoformat(timespec="seconds"),
        term.subject,
        term.pos,
    ]


def write_csv(terms: Iterable[TermRecord], path: Path, *, excel: bool = False,
              protect: bool = True) -> int:
    """Write ``terms`` to ``path`` as CSV, atomically; returns the number of rows.

    ``excel`` writes a UTF-8 BOM so Excel detects the encoding; ``protect`` (default) guards
    against formula injection.
    """
    count = 0
    with atomic_write(path, encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for term in terms:
            row = _row(term)
            writer.writerow([protect_cell(c) for c in row] if protect else row)
            count += 1
    return count


def export_csv(session: Session, path: Path, *, excel: bool = False, query: str = "") -> int:
    """Export the glossary (or the terms matching ``query``) to ``path``."""
    from desktop.core.glossary.store import search

    return write_csv(search(session, query), path, excel=excel)


def parse_csv(path: Path) -> list[ImportRow]:
    """Read and validate a glossary CSV completely, without touching any database.

    Raises ``BadInputError`` naming the line of the first problem.
    """
    path = Path(path)
    text = read_glossary_text(path)
    return parse_csv_text(text, path.name)


def parse_csv_text(text: str, name: str = "CSV", delimiter: str = ",") -> list[ImportRow]:
    """Parse delimited text with a header row (see ``parse_csv``)."""
    table = read_table(text, name, delimiter)
    return rows_from_table(table, guess_mapping(table))

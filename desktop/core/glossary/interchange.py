"""Glossary CSV export and import.

The CSV has a header row ``source,target,category,note,context,document,created``, is quoted
per RFC 4180 and is written atomically. Cells that a spreadsheet would run as a formula get a
leading apostrophe; import removes exactly that apostrophe, so a round trip is lossless.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from sqlalchemy.orm import Session

from desktop.core.atomic import atomic_write
from desktop.core.errors import BadInputError
from desktop.core.files import read_user_file
from desktop.core.glossary.store import NewTerm, TermRecord, add_terms, category_key, search
from desktop.core.tasks import CancelToken, ProgressFn

COLUMNS = ("source", "target", "category", "note", "context", "document", "created")
REQUIRED = ("source", "target")
# A cell that starts with one of = + - @ tab CR, after any apostrophes already there.
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_MAX_IMPORT_BYTES = 50 * 1024 * 1024


def protect_cell(value: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would evaluate (and to one that already looks escaped)."""
    return "'" + value if _FORMULA.match(value) else value


def unprotect_cell(value: str) -> str:
    """Undo ``protect_cell``."""
    return value[1:] if value.startswith("'") and _FORMULA.match(value[1:]) else value


def _row(term: TermRecord) -> list[str]:
    return [
        term.source,
        term.target,
        term.category,
        term.note,
        term.context,
        term.document,
        term.created_at.astimezone(timezone.utc).isoformat(timespec="seconds"),
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
    return write_csv(search(session, query), path, excel=excel)


@dataclass(frozen=True)
class ImportRow:
    line: int
    source: str
    target: str
    category: str
    note: str
    context: str
    document: str
    created: datetime | None


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int

    @property
    def total(self) -> int:
        return self.added + self.updated


def parse_csv(path: Path) -> list[ImportRow]:
    """Read and validate a glossary CSV completely, without touching any database.

    Raises ``BadInputError`` naming the line of the first problem.
    """
    path = Path(path)
    data = read_user_file(path, _MAX_IMPORT_BYTES, "CSV file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadInputError(f"“{path.name}” is not UTF-8 text (line {line}).") from None
    if "\x00" in text:
        raise BadInputError(f"“{path.name}” looks like a binary file, not CSV.")
    return parse_csv_text(text, path.name)


def parse_csv_text(text: str, name: str = "CSV") -> list[ImportRow]:
    """Parse CSV text (see ``parse_csv``)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise BadInputError(f"“{name}” is empty.") from None
    except csv.Error as exc:
        raise BadInputError(f"“{name}”, line 1: {exc}.") from None
    columns = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise BadInputError(
            f"“{name}”, line 1: the header must name the columns "
            f"{', '.join(COLUMNS)} (missing: {', '.join(missing)})."
        )
    index = {c: columns.index(c) for c in COLUMNS if c in columns}
    rows: list[ImportRow] = []
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise BadInputError(f"“{name}”, line {line}: {exc}.") from None
        row_line, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(columns):
            raise BadInputError(
                f"“{name}”, line {row_line}: {len(cells)} cells but the header has {len(columns)}."
            )

        def cell(col: str, cells: list[str] = cells) -> str:
            i = index.get(col)
            return unprotect_cell(cells[i]) if i is not None and i < len(cells) else ""

        source, target = cell("source").strip(), cell("target").strip()
        if not source or not target:
            raise BadInputError(f"“{name}”, line {row_line}: both source and target are needed.")
        # Whether the category exists is checked against the glossary at import.
        category = category_key(cell("category") or "other")
        created = None
        if cell("created").strip():
            try:
                created = datetime.fromisoformat(cell("created").strip())
            except ValueError:
                raise BadInputError(
                    f"“{name}”, line {row_line}: “{cell('created')}” is not a date "
                    "(use ISO 8601, e.g. 2024-05-01T10:00:00+00:00)."
                ) from None
            if created.tzinfo is None:
                created = created.replace(tzinfo=timezone.utc)
        rows.append(
            ImportRow(row_line, source, target, category, cell("note"), cell("context"),
                      cell("document"), created)
        )
    return rows


def import_rows(session: Session, rows: list[ImportRow], *, progress: ProgressFn | None = None,
                cancel: CancelToken | None = None) -> ImportResult:
    """Add or update every row in the caller's transaction (roll it back to undo all)."""
    items = [NewTerm(r.source, r.target, r.category, r.note, r.context, r.document, r.created)
             for r in rows]
    try:
        added, updated = add_terms(session, items, progress=progress, cancel=cancel)
    except BadInputError as exc:
        message = str(exc)
        if message.startswith("Item "):
            number, _, rest = message[5:].partition(":")
            message = f"Line {rows[int(number) - 1].line}:{rest}"
        raise BadInputError(message) from None
    return ImportResult(added, updated)

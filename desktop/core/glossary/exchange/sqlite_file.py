"""Terms read out of another glossary file (``.db``), as data only.

This is how the terms of a glossary that Tarjuman refuses to open (one with triggers or views
of its own) are saved into a new glossary: the file is opened read-only and immutable, with
an untrusted schema and a time limit, and only the plain columns of a real ``terms`` table
are read. Nothing in the file runs, and nothing in it changes.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path

from desktop.core.errors import BadInputError
from desktop.core.files import read_head
from desktop.core.glossary.record import category_key

from .rows import ImportRow

SQLITE_HEADER = b"SQLite format 3\x00"
COLUMNS = ("source", "target", "category", "note", "context", "document", "created_at", "subject", "pos")
TIME_LIMIT_S = 60.0


def is_sqlite(path: Path) -> bool:
    """Whether ``path`` is an SQLite file (a pipe or device is not, and never blocks)."""
    return read_head(path, 16) == SQLITE_HEADER


def parse_glossary_file(path: Path) -> list[ImportRow]:
    from desktop.core.db.checks import open_untrusted

    path = Path(path)
    try:
        con = open_untrusted(path, [time.monotonic() + TIME_LIMIT_S], immutable=True)
    except sqlite3.Error as exc:
        raise BadInputError(f"“{path.name}” cannot be read as a glossary: {exc}.") from None
    try:
        kind = con.execute("SELECT type FROM sqlite_master WHERE name = 'terms'").fetchone()
        if kind is None or kind[0] != "table":
            raise BadInputError(f"“{path.name}” is an SQLite file without a table of terms.")
        present = {row[1] for row in con.execute('PRAGMA table_info("terms")')}
        if not {"source", "target"} <= present:
            raise BadInputError(f"“{path.name}”: its table of terms has no source and target columns.")
        wanted = [c for c in COLUMNS if c in present]
        select = ", ".join(f'CAST("{c}" AS TEXT)' for c in wanted)
        rows: list[ImportRow] = []
        for number, values in enumerate(con.execute(f'SELECT {select} FROM "terms" ORDER BY rowid'), 1):
            row = dict(zip(wanted, ("" if v is None else str(v) for v in values), strict=True))
            source, target = row["source"].strip(), row["target"].strip()
            if not source or not target:
                continue  # a damaged row is left out; the message counts them
            rows.append(ImportRow(number, source, target,
                                  category_key(row["category"]) if row.get("category", "").strip() else None,
                                  row.get("note", ""), row.get("context", ""), row.get("document", ""),
                                  _date(row.get("created_at", "")), f"term {number}",
                                  subject=row.get("subject", ""), pos=row.get("pos", "")[:40]))
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise BadInputError(f"Reading “{path.name}” took more than {TIME_LIMIT_S:g} s and was "
                                "stopped.") from None
        raise BadInputError(f"“{path.name}” cannot be read as a glossary: {exc}.") from None
    except sqlite3.DatabaseError as exc:
        raise BadInputError(f"“{path.name}” is damaged: {exc}.") from None
    finally:
        con.close()
    if not rows:
        raise BadInputError(f"“{path.name}” has no terms to import.")
    return rows


def _date(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        return None  # a damaged date: the import's time stands in
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)

"""A glossary entry as plain data: what the store returns and what ``quick`` reads without the
ORM (this module imports neither SQLAlchemy nor the models, so both can use it)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timezone


@dataclass(frozen=True)
class TermRecord:
    """A glossary entry as plain data."""

    id: int
    source: str
    target: str
    category: str
    note: str
    context: str
    document: str
    created_at: datetime
    updated_at: datetime
    #: The subject field ("law") and part of speech ("noun") that TBX files carry.
    subject: str = ""
    pos: str = ""
    #: Counts the term's changes: an edit made on an older version is a conflict.
    version: int = 1
    #: Who added the term and who changed it last ("" before revision 0005).
    created_by: str = ""
    changed_by: str = ""


#: TermRecord's fields in order: also the names of the ``terms`` columns they are read from.
RECORD_FIELDS = tuple(f.name for f in fields(TermRecord))


def category_key(category: str) -> str:
    """A category name in canonical form (trimmed, lower case, British spelling accepted)."""
    value = " ".join((category or "other").split()).lower()
    return "organization" if value == "organisation" else value


def utc_from_db(value: object) -> datetime:
    """A date as the database driver gives it (SQLite: "2024-05-01 10:00:00.000000", in UTC;
    PostgreSQL: a datetime) as an aware UTC datetime."""
    when = datetime.fromisoformat(value) if isinstance(value, str) else value
    if not isinstance(when, datetime):
        raise TypeError(f"not a date: {value!r}")
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)

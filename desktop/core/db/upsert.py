"""INSERT … ON CONFLICT for the session's database: SQLite's or PostgreSQL's ``insert``, which
both offer ``on_conflict_do_nothing`` and ``on_conflict_do_update`` with the same arguments."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session


def insert(session: Session, entity: Any) -> Any:
    """The dialect's INSERT for ``entity`` (a model or table) in ``session``'s database (typed
    ``Any``: the two dialects' classes share these methods but no base class)."""
    if session.get_bind().dialect.name == "postgresql":
        # Imported here: the PostgreSQL dialect loads all its drivers' modules (0.1 s), which
        # a SQLite glossary never needs.
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(entity)
    return sqlite.insert(entity)

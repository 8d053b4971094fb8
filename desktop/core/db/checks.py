"""Checks on a glossary file that need only the sqlite3 module (no SQLAlchemy): used when a
file is opened for use (``engine``) and by the read-only path that finds terms without the
ORM (``desktop.core.quick``).

A glossary file is data, never code: a connection to one treats its schema as untrusted and
stops any statement that runs too long, and a file with objects that run code (triggers,
views, virtual tables) is refused.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from desktop.core.files import read_only_uri

#: The newest schema revision in ``migrations/versions`` (tests/core/test_startup.py checks it
#: against Alembic's head): a glossary stamped with it needs no migration.
HEAD = "0006"
QUERY_LIMIT_S = 120.0  # no statement of Tarjuman's comes near it; a hostile file's would
PROGRESS_STEPS = 20_000  # virtual machine steps between two looks at the clock


def query_limit_s() -> float:
    """How long one statement may run (``TARJUMAN_QUERY_LIMIT_S`` overrides it for tests)."""
    try:
        return max(0.05, float(os.environ.get("TARJUMAN_QUERY_LIMIT_S", QUERY_LIMIT_S)))
    except ValueError:
        return QUERY_LIMIT_S


def guard(con: sqlite3.Connection, deadline: list[float]) -> None:
    """Make a connection treat the schema as untrusted and stop any statement that runs past
    ``deadline[0]`` (a monotonic time the caller moves before each statement)."""
    con.execute("PRAGMA trusted_schema = OFF")
    con.set_progress_handler(lambda: 1 if time.monotonic() > deadline[0] else 0, PROGRESS_STEPS)


def code_objects(con: sqlite3.Connection) -> str:
    """The first object in the file's schema that could run code when the file is used
    (a trigger, a view or a virtual table), described; empty when there is none."""
    for kind, name, sql in con.execute("SELECT type, name, sql FROM sqlite_master"):
        if kind in ("trigger", "view"):
            return f"it contains a {kind} (“{name}”), which Tarjuman never creates"
        if kind == "table" and (sql or "").lstrip().upper().startswith("CREATE VIRTUAL"):
            return f"it contains a virtual table (“{name}”)"
    return ""


def wal_pending(path: Path) -> bool:
    """Whether a write-ahead log beside ``path`` holds pages not yet in the file."""
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def open_untrusted(path: Path, deadline: list[float] | None = None,
                   immutable: bool | None = None) -> sqlite3.Connection:
    """A read-only, guarded (``guard``) connection to the SQLite file at ``path``.

    ``immutable`` (by default: when no write-ahead log is pending) opens it without locks:
    SQLite then creates no ``-wal`` or ``-shm`` file beside it. Raises ``sqlite3.Error``."""
    if immutable is None:
        immutable = not wal_pending(path)
    con = sqlite3.connect(read_only_uri(path) + ("&immutable=1" if immutable else ""), uri=True)
    try:
        guard(con, deadline if deadline is not None else fresh_deadline())
    except BaseException:
        con.close()
        raise
    return con


def fresh_deadline() -> list[float]:
    """A deadline for ``guard``: the statement limit from now."""
    return [time.monotonic() + query_limit_s()]

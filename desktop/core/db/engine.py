"""Opening a glossary database: engine, pragmas, schema, session factory."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.db import migrate
from desktop.core.db.models import CATEGORIES, DEFAULT_COLOURS, Category
from desktop.core.errors import GlossaryBusyError, GlossaryError
from desktop.core.files import read_only_uri

BUSY_TIMEOUT_MS = 10_000


def busy_timeout_ms() -> int:
    """How long a write waits for another program's write to finish (``TARJUMAN_BUSY_TIMEOUT_MS``
    overrides the default of 10 s; tests use it to make a long hold short)."""
    try:
        return max(100, int(os.environ.get("TARJUMAN_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def create_db_engine(path: Path) -> Engine:
    """Create an engine for the SQLite file at ``path`` with WAL, foreign keys and a busy timeout."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": busy_timeout_ms() / 1000})
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "handle_error", _busy_error)
    return engine


def _busy_error(context: Any) -> None:
    """Turn SQLite's "database is locked" into a message for the user."""
    original = context.original_exception
    if isinstance(original, sqlite3.OperationalError) and "locked" in str(original).lower():
        seconds = busy_timeout_ms() / 1000
        raise GlossaryBusyError(
            f"The glossary is busy: another program (perhaps another Tarjuman window) kept "
            f"writing to it for more than {seconds:g} s. Nothing was lost; try again in a moment."
        ) from None


def open_database(path: Path) -> sessionmaker[Session]:
    """Open (creating if needed) the glossary at ``path`` and return a session factory.

    Raises ``GlossaryError`` when the file is not a usable SQLite database; the file is then
    left exactly as it was.
    """
    path = Path(path)
    if path.exists():
        _check_existing(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GlossaryError(f"Cannot create the folder for “{path}”: {exc.strerror}.") from None
    engine = create_db_engine(path)
    try:
        migrate.upgrade(engine, before_upgrade=lambda _old, _new: _backup_before_upgrade(path))
        _seed_categories(engine)
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        raise GlossaryError(f"Cannot open the glossary “{path}”: {exc.orig}.") from None
    return sessionmaker(engine, expire_on_commit=False)


def _backup_before_upgrade(path: Path) -> None:
    from desktop.core.db.backup import make_backup

    make_backup(path, "before-upgrade")


def _seed_categories(engine: Engine) -> None:
    """Make sure the built-in categories exist (a new glossary, or one from before categories)."""
    with Session(engine) as session, session.begin():
        present = set(session.scalars(select(Category.name)))
        for position, name in enumerate(CATEGORIES):
            if name not in present:
                session.add(Category(name=name, colour=DEFAULT_COLOURS[name], position=position))


def _check_existing(path: Path) -> None:
    """Refuse, without writing anything, a file that is not a healthy SQLite database."""
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise GlossaryError(f"Cannot read the glossary “{path}”: {exc.strerror}.") from None
    if header and header != b"SQLite format 3\x00":
        raise GlossaryError(f"“{path}” is not a Tarjuman glossary (not an SQLite database).")
    if not header:
        return  # an empty file: SQLite treats it as a new database
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise GlossaryError(f"The glossary “{path}” is damaged: {exc}.") from None
    if row is None or row[0] != "ok":
        raise GlossaryError(f"The glossary “{path}” is damaged: {row[0] if row else 'unknown'}.")


def dispose(factory: sessionmaker[Session]) -> None:
    """Close every pooled connection of a session factory (e.g. before deleting the file)."""
    bind = factory.kw.get("bind")
    if isinstance(bind, Engine):
        bind.dispose()


def journal_mode(factory: sessionmaker[Session]) -> str:
    with factory() as session:
        return str(session.execute(text("PRAGMA journal_mode")).scalar_one())

"""Opening a glossary database: engine, pragmas, schema, session factory.

A glossary file is data, never code: colleagues exchange them, so a file may have been made to
harm. Before anything runs on it, its schema (``sqlite_master``) is compared with what
Tarjuman's migrations create, and a file with triggers, views, virtual tables or generated
columns is refused, untouched. Connections run with ``trusted_schema=OFF`` and every statement
has a time limit (a progress handler), so that nothing in a file can hang Tarjuman.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
import stat
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Callable, Iterator

from sqlalchemy import Engine, Text, create_engine, event, select, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.db import migrate
from desktop.core.db.checks import code_objects, guard, open_untrusted, query_limit_s, wal_pending
from desktop.core.db.models import CATEGORIES, DEFAULT_COLOURS, Base, Category, UTCDateTime
from desktop.core.errors import GlossaryBusyError, GlossaryDamagedError, GlossaryError
from desktop.core.files import read_only_uri

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 10_000
def busy_timeout_ms() -> int:
    """How long a write waits for another program's write to finish (``TARJUMAN_BUSY_TIMEOUT_MS``
    overrides the default of 10 s; tests use it to make a long hold short)."""
    try:
        return max(100, int(os.environ.get("TARJUMAN_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def _set_pragmas(dbapi_connection: Any, record: Any) -> None:
    deadline = record.info.setdefault("deadline", [math.inf])
    guard(dbapi_connection, deadline)
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cursor.execute("PRAGMA foreign_keys = ON")
    if not record.info.get("read_only"):
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _start_clock(conn: Any, _cursor: Any, _statement: Any, _parameters: Any, _context: Any,
                 _executemany: bool) -> None:
    deadline = conn.info.get("deadline")
    if deadline is not None:
        deadline[0] = time.monotonic() + query_limit_s()


def create_db_engine(path: Path, read_only: bool = False) -> Engine:
    """Create an engine for the SQLite file at ``path`` with WAL, foreign keys, a busy timeout,
    an untrusted schema and a time limit per statement; ``read_only`` opens it for reading
    only (a file or folder the user may not write)."""
    if read_only:
        url = f"sqlite:///{read_only_uri(path)}{'&immutable=1' if _immutable(path) else ''}&uri=true"
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms() / 1000})
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": busy_timeout_ms() / 1000})

    def connect(dbapi_connection: Any, record: Any) -> None:
        record.info["read_only"] = read_only
        _set_pragmas(dbapi_connection, record)

    event.listen(engine, "connect", connect)
    event.listen(engine, "before_cursor_execute", _start_clock)
    event.listen(engine, "handle_error", _database_error)
    engine.info = {"path": Path(path), "read_only": read_only}  # type: ignore[attr-defined]
    return engine


def _immutable(path: Path) -> bool:
    """A read-only glossary in a folder SQLite cannot write: without a write-ahead log beside
    it, it is opened as immutable (SQLite needs no lock files then)."""
    return not os.access(Path(path).parent, os.W_OK) and not wal_pending(path)


def _database_error(context: Any) -> None:
    """Turn SQLite's errors that are not bugs into messages for the user."""
    original = context.original_exception
    message = str(original).lower()
    bind = getattr(getattr(context, "connection", None), "engine", None)
    path = getattr(bind, "info", {}).get("path", "the glossary") if bind is not None else "the glossary"
    if isinstance(original, sqlite3.OperationalError) and "locked" in message:
        seconds = busy_timeout_ms() / 1000
        raise GlossaryBusyError(
            f"The glossary is busy: another program (perhaps another Tarjuman window) kept "
            f"writing to it for more than {seconds:g} s. Nothing was lost; try again in a moment."
        ) from None
    if isinstance(original, sqlite3.OperationalError) and "interrupted" in message:
        raise GlossaryError(
            f"The glossary “{path}” took more than {query_limit_s():g} s to answer and was stopped; "
            "it may be damaged or made to hang Tarjuman. Nothing was changed.") from None
    if isinstance(original, sqlite3.OperationalError) and "readonly" in message.replace("-", ""):
        raise GlossaryError(
            f"The glossary “{path}” is read-only: you may read its terms, but nothing can be "
            "saved in it. Nothing was changed.") from None
    if isinstance(original, sqlite3.OperationalError) and ("disk is full" in message
                                                            or "disk full" in message):
        raise GlossaryError(
            f"The disk is full: nothing was saved in the glossary “{path}”, which is as it was. "
            "Free some space and try again.") from None
    if isinstance(original, sqlite3.DatabaseError) and ("malformed" in message
                                                         or "not a database" in message):
        raise GlossaryDamagedError(
            f"The glossary “{path}” is damaged ({original}); restore a backup, or import "
            "its terms into a new glossary.") from None


def open_database(path: Path) -> sessionmaker[Session]:
    """Open (creating if needed) the glossary at ``path`` and return a session factory.

    Raises ``GlossaryError`` when the file is not a usable SQLite database; the file is then
    left exactly as it was.
    """
    path = Path(path)
    read_only = False
    if path.exists():
        _check_existing(path)
        read_only = not writable(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GlossaryError(f"Cannot create the folder for “{path}”: {exc.strerror}.") from None
    engine = create_db_engine(path, read_only)
    repaired = 0
    try:
        with creation_lock(path):  # two programs creating or upgrading it: one does, once
            migrate.upgrade(engine, before_upgrade=lambda _old, _new: _backup_before_upgrade(path),
                            read_only=read_only)
            if not read_only:
                Base.metadata.create_all(engine)  # a table an old or partial file lacks
                seed_categories(engine)
                repaired = repair_values(engine, lambda: _backup_before_upgrade(path, "before-repair"))
        with engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            problem = schema_problem(raw, at_head=True)
        if problem:
            raise GlossaryError(_refusal(path, problem))
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        raise GlossaryError(f"Cannot open the glossary “{path}”: {exc.orig}.") from None
    except BaseException:
        engine.dispose()
        raise
    if repaired:
        log.warning("repaired %d damaged values in %s", repaired, path)
    engine.info["repaired"] = repaired
    return sessionmaker(engine, expire_on_commit=False)


def repaired_values(factory: sessionmaker[Session]) -> int:
    """How many damaged values opening the glossary repaired (0 for most files)."""
    bind = factory.kw.get("bind")
    return int(getattr(bind, "info", {}).get("repaired", 0)) if isinstance(bind, Engine) else 0


def _damaged(column: Any) -> str:
    """SQL that is true where a value cannot be what its column says (a file edited by another
    program, or damaged): a number or blob in a text column, a date that is not a date."""
    name = f'"{column.name}"'
    if isinstance(column.type, UTCDateTime):
        return (f"({name} IS NULL OR typeof({name}) != 'text' OR {name} NOT GLOB "
                "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*')")
    return f"({name} IS NULL OR typeof({name}) != 'text')"


def repair_values(engine: Engine, before: Callable[[], None]) -> int:
    """Make every value of the text and date columns readable (a damaged date becomes
    1970-01-01, a blob its hexadecimal text, a missing value empty), after ``before`` (a
    backup); returns how many rows were repaired. Checking costs one scan per table."""
    plan: list[tuple[str, list[Any]]] = []
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, (Text, UTCDateTime))]
            if not columns:
                continue
            where = " OR ".join(_damaged(c) for c in columns)
            if connection.execute(text(f'SELECT 1 FROM "{table.name}" WHERE {where} LIMIT 1')).first():
                plan.append((table.name, columns))
    if not plan:
        return 0
    before()
    fixed = 0
    with engine.begin() as connection:
        for table_name, columns in plan:
            for column in columns:
                name = f'"{column.name}"'
                value = ("'1970-01-01 00:00:00.000000'" if isinstance(column.type, UTCDateTime)
                         else f"CASE WHEN typeof({name}) = 'blob' THEN hex({name}) "
                              f"WHEN {name} IS NULL THEN '' ELSE CAST({name} AS TEXT) END")
                result = connection.execute(text(
                    f'UPDATE "{table_name}" SET {name} = {value} WHERE {_damaged(column)}'))
                fixed += int(getattr(result, "rowcount", 0) or 0)
    return fixed


def writable(path: Path) -> bool:
    """Whether Tarjuman may write the glossary: the file and (for its journal) its folder."""
    return os.access(path, os.W_OK) and os.access(Path(path).parent, os.W_OK)


def is_read_only(factory: sessionmaker[Session]) -> bool:
    bind = factory.kw.get("bind")
    return bool(isinstance(bind, Engine) and getattr(bind, "info", {}).get("read_only"))


@contextmanager
def creation_lock(path: Path, timeout_s: float = 60.0) -> Iterator[None]:
    """Hold a lock file beside the glossary while it is created or upgraded, so that two
    programs opening a new glossary at once do not both create its tables."""
    from filelock import FileLock, Timeout

    lock_path = Path(f"{path}.lock")
    if not os.access(Path(path).parent, os.W_OK):
        yield  # a read-only folder: nobody can create or upgrade anything here
        return
    try:
        with FileLock(str(lock_path), timeout=timeout_s):
            yield
    except Timeout:
        raise GlossaryBusyError(f"Another program has been creating or upgrading the glossary "
                                f"“{path}” for over {timeout_s:g} s.") from None
    finally:
        with suppress(OSError):
            lock_path.unlink()


def schema_problem(con: sqlite3.Connection, at_head: bool) -> str:
    """What in the file's schema Tarjuman did not create (empty when nothing): triggers,
    views, virtual tables, generated columns, and at the current revision a table of ours
    without its columns (replaced)."""
    problem = code_objects(con)
    if problem or not at_head:
        return problem
    tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for name, table in Base.metadata.tables.items():
        if name not in tables:
            continue  # missing is no risk: opening for writing creates it
        columns = con.execute(f'PRAGMA table_xinfo("{name}")').fetchall()
        if any(column[6] not in (0, 1) for column in columns):  # 2, 3: generated columns
            return f"its table “{name}” has generated columns"
        missing = set(table.columns.keys()) - {column[1] for column in columns}
        if missing:
            return f"its table “{name}” was replaced (no column {', '.join(sorted(missing))})"
    return ""


def _refusal(path: Path, problem: str) -> str:
    return (f"Tarjuman does not open “{path}”: {problem}. A glossary file holds data only, and "
            "this one could run code of its own when used. The file was not changed. To use its "
            "terms, export them with the program that made it, or import the file into a new "
            "glossary (File → Import Glossary… or `tarjuman glossary import`).")


def _backup_before_upgrade(path: Path, reason: str = "before-upgrade") -> None:
    from desktop.core.db.backup import make_backup

    make_backup(path, reason)


def seed_categories(engine: Engine) -> None:
    """Make sure the built-in categories exist (a new glossary, or one from before categories)."""
    with Session(engine) as session, session.begin():
        present = set(session.scalars(select(Category.name)))
        for position, name in enumerate(CATEGORIES):
            if name not in present:
                session.add(Category(name=name, colour=DEFAULT_COLOURS[name], position=position))


def _check_existing(path: Path) -> None:
    """Refuse, without writing anything, a file that is not a healthy SQLite glossary: not a
    regular file, not SQLite, truncated or damaged, or with a schema of its own (code)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise GlossaryError(f"“{path}” is not a regular file (a folder, device or pipe), "
                                "so it is not a glossary.")
        with path.open("rb") as fh:
            header = fh.read(100)
    except PermissionError:
        raise GlossaryError(f"You do not have permission to read the glossary “{path}”.") from None
    except OSError as exc:
        raise GlossaryError(f"Cannot read the glossary “{path}”: {exc.strerror}.") from None
    if header and not header.startswith(b"SQLite format 3\x00"):
        raise GlossaryError(f"“{path}” is not a Tarjuman glossary (not an SQLite database).")
    if not header:
        return  # an empty file: SQLite treats it as a new database
    if _truncated(path, header):
        raise GlossaryDamagedError(f"The glossary “{path}” is damaged: the file is shorter than "
                                   "its header says (it was cut off).")
    try:
        # Immutable unless a write-ahead log is pending: the check leaves no -wal or -shm.
        con = open_untrusted(path)
        try:
            problem = schema_problem(con, at_head=False)
            row = None if problem else con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise GlossaryError(f"Checking the glossary “{path}” took more than {query_limit_s():g} s; "
                                "it may be damaged or made to hang Tarjuman.") from None
        if "unable to open" in str(exc) or "readonly" in str(exc):
            raise GlossaryError(f"Cannot open the glossary “{path}”: {exc}. Check that you may "
                                "read the file and its folder.") from None
        raise GlossaryDamagedError(f"The glossary “{path}” is damaged: {exc}.") from None
    except sqlite3.DatabaseError as exc:
        raise GlossaryDamagedError(f"The glossary “{path}” is damaged: {exc}.") from None
    if problem:
        raise GlossaryError(_refusal(path, problem))
    if row is None or row[0] != "ok":
        raise GlossaryDamagedError(f"The glossary “{path}” is damaged: {row[0] if row else 'unknown'}.")


def _truncated(path: Path, header: bytes) -> bool:
    """Whether the file is shorter than its header's page count says (only when the count is
    valid and no write-ahead log may hold the rest)."""
    if len(header) < 100:
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96] and pages > 0
    wal = Path(f"{path}-wal")
    if not valid or (wal.exists() and wal.stat().st_size > 0):
        return False
    return Path(path).stat().st_size < pages * page_size


def dispose(factory: sessionmaker[Session]) -> None:
    """Close every pooled connection of a session factory (e.g. before deleting the file)."""
    bind = factory.kw.get("bind")
    if isinstance(bind, Engine):
        bind.dispose()


def journal_mode(factory: sessionmaker[Session]) -> str:
    with factory() as session:
        return str(session.execute(text("PRAGMA journal_mode")).scalar_one())

"""Opening a team termbase on PostgreSQL: engine, schema under an advisory lock, the
privileges of the user, and PostgreSQL's errors as messages.

The connection URI goes to libpq (psycopg 3) unchanged: ``~/.pgpass`` / ``PGPASSFILE``,
``?service=`` from ``pg_service.conf``, ``sslmode`` and the rest work as in every PostgreSQL
client, and Tarjuman stores no secret. A password typed in the window is handed over for the
session only (``password``).

The SQLite checks (a file's untrusted schema, quick_check, WAL, backups before an upgrade,
the lock file) belong to files; a server keeps its own integrity and backups. What is
checked here: the schema revision (a newer one is refused with the same message as a file),
and whether the user may write (a role with only SELECT gets a read-only window).
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.db import migrate
from desktop.core.db.models import Base
from desktop.core.db.notify import Notice, TermListener
from desktop.core.errors import ConnectionLostError, GlossaryBusyError, GlossaryError
from desktop.core.location import team_name, without_password

log = logging.getLogger(__name__)

#: The key of the advisory lock under which a client creates or upgrades the schema, so that
#: two clients opening an old termbase at once migrate it once ("TRJM" in ASCII).
MIGRATION_LOCK = 0x54524A4D
CONNECT_TIMEOUT_S = 10
#: How long a statement may wait for a row another client holds (an edit in progress).
LOCK_TIMEOUT_MS = 10_000


#: The server cannot be reached (down, network gone): nothing was saved; retry later.
ConnectionLost = ConnectionLostError


def _connect_args(password: str | None) -> dict[str, Any]:
    args: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "Tarjuman"}
    if password:
        args["password"] = password
    return args


def create_server_engine(url: str, password: str | None = None) -> Engine:
    """An engine whose connections libpq opens from ``url`` as given (with ``password`` when
    one was typed); connections are checked before use, so a restarted server is found again."""
    import psycopg

    conninfo = url.strip()
    if conninfo.lower().startswith("postgres://"):
        conninfo = "postgresql://" + conninfo[len("postgres://"):]
    extra = _connect_args(password)
    pids: set[int] = set()

    def connect() -> Any:
        connection = psycopg.connect(conninfo, **extra)
        connection.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
        connection.commit()
        pids.add(connection.info.backend_pid)
        return connection

    engine = create_engine("postgresql+psycopg://", creator=connect, pool_pre_ping=True,
                           pool_size=5, max_overflow=5)
    event.listen(engine, "handle_error", _server_error)
    name = team_name(conninfo)
    engine.info = {"path": None, "url": without_password(conninfo),  # type: ignore[attr-defined]
                   "name": name, "team": True, "read_only": False,
                   # For the listener: a connection like the pool's (the typed password stays
                   # in this closure, in memory), and the pool's server processes, whose own
                   # notifications the workspace already knows.
                   "connect": connect, "pids": pids}
    return engine


def _server_error(context: Any) -> None:
    """PostgreSQL's errors that are not bugs, as messages for the user."""
    import psycopg
    from psycopg import errors

    if getattr(context, "is_pre_ping", False):
        return  # the pool's check of a connection: it reconnects by itself
    original = context.original_exception
    name = getattr(context.engine, "info", {}).get("name", "the team glossary")
    if isinstance(original, errors.InsufficientPrivilege):
        raise GlossaryError(
            f"You may read the team glossary “{name}” but not change it (your database role "
            "has no write permission). Nothing was changed; ask its administrator for "
            "write access.") from None
    if isinstance(original, (errors.LockNotAvailable, errors.QueryCanceled)):
        raise GlossaryBusyError(
            f"The team glossary “{name}” is busy: another translator's change held the same "
            f"terms for more than {LOCK_TIMEOUT_MS / 1000:g} s. Nothing was lost; try again.") \
            from None
    if isinstance(original, psycopg.OperationalError) and not isinstance(
            original, (errors.SerializationFailure, errors.DeadlockDetected)):
        detail = str(original).strip().splitlines()[0] if str(original).strip() else ""
        raise ConnectionLost(
            f"Cannot reach the team glossary “{name}”: {detail or 'the server does not answer'}. "
            "Nothing was saved there; Tarjuman tries again.") from None


def open_server(url: str, password: str | None = None) -> sessionmaker[Session]:
    """Connect to the termbase at ``url``, creating or upgrading its schema once (under an
    advisory lock) when the user may, and return a session factory. Raises ``GlossaryError``
    (``ConnectionLost`` when the server cannot be reached)."""
    engine = create_server_engine(url, password)
    info: dict[str, Any] = engine.info  # type: ignore[attr-defined]
    try:
        read_only = _prepare(engine)
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        raise GlossaryError(f"Cannot open the team glossary “{info['name']}”: "
                            f"{str(exc.orig).strip()}.") from None
    except BaseException:
        engine.dispose()
        raise
    info["read_only"] = read_only
    return sessionmaker(engine, expire_on_commit=False)


def _prepare(engine: Engine) -> bool:
    """Bring the schema to the current revision under the migration lock; returns whether the
    user may only read."""
    with engine.connect() as lock:
        lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        lock.commit()
        try:
            read_only = not _may_write(engine)
            try:
                migrate.upgrade(engine, read_only=read_only)
            except GlossaryError as exc:
                if "may read" not in str(exc):
                    raise
                # A translator's role may change terms but not the schema (its owner's).
                raise GlossaryError(
                    f"The team glossary “{engine.info['name']}” must be upgraded to this "  # type: ignore[attr-defined]
                    "version of Tarjuman by its owner: ask its administrator to open it once "
                    "with this version. Nothing was changed.") from None
            if not read_only:
                Base.metadata.create_all(engine)  # a table the schema lacks
                from desktop.core.db.engine import seed_categories

                seed_categories(engine)
            with engine.connect() as connection:
                engine.info["user"] = str(  # type: ignore[attr-defined]
                    connection.execute(text("SELECT current_user")).scalar_one())
            return read_only or not _may_write(engine)
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
            lock.commit()


def _may_write(engine: Engine) -> bool:
    """Whether the user may change terms: INSERT on ``terms`` when it exists, else CREATE in
    the schema (a new termbase)."""
    with engine.connect() as connection:
        exists = connection.execute(text("SELECT to_regclass('terms') IS NOT NULL")).scalar()
        if exists:
            return bool(connection.execute(text(
                "SELECT has_table_privilege('terms', 'INSERT') "
                "AND has_table_privilege('terms', 'UPDATE')")).scalar())
        return bool(connection.execute(text(
            "SELECT has_schema_privilege(current_schema(), 'CREATE')")).scalar())


def server_user(factory: sessionmaker[Session]) -> str:
    """The database user a team termbase's session factory connects as ("" for a file)."""
    bind = factory.kw.get("bind")
    return str(getattr(bind, "info", {}).get("user", "")) if isinstance(bind, Engine) else ""


def listener(factory: sessionmaker[Session], on_notice: Callable[[Notice], None],
             on_connection: Callable[[bool], None] | None = None) -> TermListener | None:
    """A started ``TermListener`` for a team termbase's session factory (None for a file):
    it reports other clients' changes, not those of this factory's own connections."""
    bind = factory.kw.get("bind")
    info = getattr(bind, "info", {}) if isinstance(bind, Engine) else {}
    if "connect" not in info:
        return None
    pids: set[int] = info["pids"]
    return TermListener(info["connect"], on_notice, on_connection, ignore=lambda: pids).start()


def check_connection(url: str, password: str | None = None) -> str:
    """Connect once and say to what (the Connect dialog's Test button; any thread): the user,
    database and server version. Raises ``ConnectionLostError`` with libpq's reason."""
    import psycopg

    from desktop.core.location import team_name

    try:
        with psycopg.connect(url.strip(), **_connect_args(password)) as connection:
            user, database, version = connection.execute(
                "SELECT current_user, current_database(), current_setting('server_version')"
            ).fetchone() or ("", "", "")
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise ConnectionLostError(f"Cannot connect to “{team_name(url)}”: {reason}") from None
    return f"{user}@{database}, PostgreSQL {version}"

"""Bringing a glossary database to the current schema with Alembic, from code.

A new database is created at the current schema and stamped. A database from before Alembic
is stamped with the revision its tables match, then upgraded. Before any upgrade, the
caller's ``before_upgrade`` runs (Tarjuman makes a backup there).

Most opens find the glossary at ``HEAD`` already: one query of ``alembic_version`` says so,
and Alembic (0.2–0.5 s to import) is loaded only for a database that is new, older, newer
or from before Alembic.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from sqlalchemy import Connection, Engine, inspect, text

from desktop.core.db.checks import HEAD
from desktop.core.db.models import Base
from desktop.core.errors import GlossaryError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The head revision as Alembic finds it in ``migrations/versions`` (``HEAD`` is it)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def _legacy_revision(connection: Connection) -> str:
    """Which revision a database made before Alembic matches (only SQLite files predate it)."""
    if connection.dialect.name != "sqlite":
        return head_revision()
    sql = connection.execute(
        text("SELECT sql FROM sqlite_master WHERE type='table' AND name='terms'")).scalar()
    return "0001" if sql and "ck_terms_category" in sql else head_revision()


def _name(engine: Engine) -> str:
    info = getattr(engine, "info", {})
    return str(info.get("path") or info.get("name") or engine.url.database)


def known_revision(revision: str) -> bool:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        return ScriptDirectory.from_config(config).get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown revision
        return False


def stamped_revision(connection: Connection) -> str | None:
    """The revision in ``alembic_version``, read without Alembic; None when the table is
    missing or holds anything but one revision (Alembic then decides)."""
    if connection.dialect.name == "sqlite":
        found = connection.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")).first()
    else:
        found = connection.execute(text(
            "SELECT 1 WHERE to_regclass('alembic_version') IS NOT NULL")).first()
    if found is None:
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version LIMIT 2")).all()
    return str(rows[0][0]) if len(rows) == 1 and isinstance(rows[0][0], str) else None


def upgrade(engine: Engine, before_upgrade: Callable[[str | None, str], None] | None = None,
            read_only: bool = False) -> bool:
    """Create or upgrade the schema; returns True if an upgrade ran. A glossary made by a newer
    Tarjuman (a revision this one does not know), or one that is read-only and behind, is
    refused before anything is written or backed up."""
    with engine.connect() as connection:
        if stamped_revision(connection) == HEAD:
            return False  # the usual case: nothing to do, and no Alembic to load
    return _upgrade_with_alembic(engine, before_upgrade, read_only)


def _upgrade_with_alembic(engine: Engine, before_upgrade: Callable[[str | None, str], None] | None,
                          read_only: bool) -> bool:
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    head = head_revision()
    with engine.begin() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current is not None and not known_revision(current):
            raise GlossaryError(
                f"The glossary “{_name(engine)}” was made by a newer version of Tarjuman "
                f"(schema revision {current}); update Tarjuman to open it. The file was not "
                "changed.")
        if read_only and current != head:
            raise GlossaryError(
                f"The glossary “{_name(engine)}” is read-only and was made by an older "
                "version of Tarjuman: it must be upgraded before use, which needs write access. "
                "Copy it somewhere you may write, or ask for write access.")
        if current is None:
            if "terms" not in inspect(connection).get_table_names():
                if connection.dialect.name == "sqlite":
                    Base.metadata.create_all(connection)
                    command.stamp(_config(connection), "head")
                else:  # a new termbase: every revision runs (triggers are not in the models)
                    command.upgrade(_config(connection), "head")
                return False
            current = _legacy_revision(connection)
            command.stamp(_config(connection), current)
        if current == head:
            return False
    if before_upgrade is not None:
        before_upgrade(current, head)
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    return True

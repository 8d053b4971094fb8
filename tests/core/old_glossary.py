"""A glossary file at an old schema revision, for tests of the upgrades
(``tests/core/test_safety.py``, ``tests/core/test_interop.py``)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from alembic import command
from sqlalchemy import Connection, create_engine

from desktop.core.db import migrate


@contextmanager
def old_glossary(path: Path, revision: str) -> Iterator[Connection]:
    """Make an SQLite glossary at ``path`` with the schema of ``revision`` (the migrations run
    up to it), and yield a connection in a transaction for the test to put rows in as that
    version of Tarjuman wrote them; committed and closed when the block ends."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            command.upgrade(migrate._config(connection), revision)  # the app's own configuration
            yield connection
    finally:
        engine.dispose()

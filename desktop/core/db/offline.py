"""An offline copy of a team termbase: a plain glossary file (SQLite) with its categories,
terms (who added and changed them included), translation memory and post-edits, for work
with no network. Importing it back into the team termbase goes through the ordinary import
(``glossary import copy.db``), with its preview and duplicate policy.

The copy is written to a temporary file beside the target and renamed into place at the
end: a cancelled or failed copy leaves any older file as it was.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.db.engine import dispose, open_database
from desktop.core.db.models import Category, MemoryEntry, PostEdit, Term
from desktop.core.errors import BadInputError
from desktop.core.tasks import CancelToken, ProgressFn, check, report

CHUNK = 2000


def save_offline_copy(source: sessionmaker[Session], path: Path, *, progress: ProgressFn | None = None,
                      cancel: CancelToken | None = None) -> int:
    """Write everything of ``source`` into a new glossary file at ``path`` (replaced
    atomically when it exists); returns how many terms (any thread)."""
    path = Path(path)
    if path.exists() and not path.is_file():
        raise BadInputError(f"“{path}” is not a file; choose a file name for the copy.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise BadInputError(f"Cannot write in “{path.parent}”: {exc.strerror}.") from None
    os.close(handle)
    temporary = Path(name)
    temporary.unlink()  # open_database creates it, at the current schema
    target: sessionmaker[Session] | None = None
    try:
        target = open_database(temporary)
        count = _copy(source, target, progress, cancel)
        dispose(target)
        target = None
        os.replace(temporary, path)
        return count
    finally:
        if target is not None:
            dispose(target)
        for suffix in ("", "-wal", "-shm", ".lock"):
            with suppress(OSError):
                Path(f"{temporary}{suffix}").unlink()


def _copy(source: sessionmaker[Session], target: sessionmaker[Session], progress: ProgressFn | None,
          cancel: CancelToken | None) -> int:
    with source() as reading, target.begin() as writing:
        total = int(reading.scalar(select(func.count()).select_from(Term)) or 0)
        done = 0
        report(progress, 0, total)
        writing.query(Category).delete()
        for model in (Category, Term, MemoryEntry, PostEdit):
            table: Table = model.__table__  # type: ignore[assignment]
            columns = [c.name for c in table.columns]
            rows = reading.execute(select(*table.columns).order_by(*table.primary_key.columns)
                                   .execution_options(yield_per=CHUNK))
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(dict(zip(columns, row, strict=True)))
                if len(batch) >= CHUNK:
                    check(cancel)
                    writing.execute(insert(table), batch)
                    if model is Term:
                        done += len(batch)
                        report(progress, done, total)
                    batch = []
            if batch:
                writing.execute(insert(table), batch)
                if model is Term:
                    done += len(batch)
        report(progress, done, total)
        return done

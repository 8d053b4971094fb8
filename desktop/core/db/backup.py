"""Rolling backups of a glossary with SQLite's online backup API.

Backups of ``/path/to/glossary.db`` go to ``<user data>/backups/glossary-<hash of the path>/``
as ``glossary-YYYYMMDD-HHMMSS-<reason>.db``; the newest ``keep`` are kept. SQLite's backup API
copies a consistent snapshot even while another connection writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from desktop.core.errors import GlossaryError
from desktop.core.files import read_only_uri
from desktop.core.paths import user_data_dir

DEFAULT_KEEP = 10
_NAME = re.compile(r"-(\d{8}-\d{6}(?:-\d+)?)-([a-z-]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    terms: int | None  # None when the backup cannot be read


def backup_dir(db_path: Path) -> Path:
    resolved = str(Path(db_path).resolve())
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:10]
    return user_data_dir() / "backups" / f"{Path(db_path).stem}-{digest}"


def _copy(source: Path, destination: Path) -> None:
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def make_backup(db_path: Path, reason: str = "manual", keep: int | None = DEFAULT_KEEP) -> Path:
    """Copy the glossary now; returns the backup file. Old backups beyond ``keep`` go
    (none with ``keep=None``: call ``prune`` later)."""
    db_path = Path(db_path)
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}-{stamp}-{n}-{reason}.db"
    partial = target.with_suffix(".partial")
    try:
        _copy(db_path, partial)
        os.replace(partial, target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise GlossaryError(f"Could not back up “{db_path.name}”: {exc}.") from None
    (folder / "last.json").write_text(json.dumps({"signature": _signature(db_path)}), encoding="utf-8")
    if keep is not None:
        prune(db_path, keep)
    return target


def prune(db_path: Path, keep: int) -> None:
    """Delete the backups of ``db_path`` beyond the newest ``keep``."""
    for old in list_backups(db_path)[keep:]:
        old.path.unlink(missing_ok=True)


def _signature(db_path: Path) -> list[int]:
    """What changes when the database changes (the file and its write-ahead log)."""
    parts = []
    for path in (db_path, Path(f"{db_path}-wal")):
        try:
            st = path.stat()
            parts += [st.st_size, st.st_mtime_ns]
        except FileNotFoundError:
            parts += [0, 0]
    return parts


def backup_if_changed(db_path: Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """Back up at open when the glossary changed since its last backup."""
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    marker = backup_dir(db_path) / "last.json"
    try:
        last = json.loads(marker.read_text(encoding="utf-8")).get("signature")
    except (OSError, ValueError):
        last = None
    if last == _signature(db_path):
        return None
    return make_backup(db_path, "open", keep)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of ``db_path``, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.db"):
        match = _NAME.search(path.name)
        if match is None:
            continue
        stamp = match.group(1)[:15]
        created = datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=timezone.utc)
        found.append(BackupInfo(path, created, match.group(2), _count_terms(path)))
    found.sort(key=lambda b: (b.created, b.path.stat().st_mtime_ns), reverse=True)
    return found


def _count_terms(path: Path) -> int | None:
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            return int(con.execute("SELECT count(*) FROM terms").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return None


def restore_backup(backup: Path, db_path: Path) -> None:
    """Replace the glossary with a backup (the current file is itself backed up first if it
    is readable). Close every connection to ``db_path`` before calling this."""
    db_path = Path(db_path)
    if db_path.exists():
        try:
            make_backup(db_path, "before-restore")
        except GlossaryError:
            pass  # a damaged glossary cannot be copied by SQLite; it is replaced anyway
    fd, name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".restore", dir=db_path.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        _copy(Path(backup), temporary)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(temporary, db_path)
    except sqlite3.Error as exc:
        raise GlossaryError(f"Could not restore “{Path(backup).name}”: {exc}.") from None
    finally:
        temporary.unlink(missing_ok=True)

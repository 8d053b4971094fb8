"""Rolling, compressed backups of a glossary, made with SQLite's online backup API.

Backups of ``/path/to/glossary.db`` go to ``<user data>/backups/glossary-<hash of the path>/``
as ``glossary-YYYYMMDD-HHMMSS-<reason>.db.gz``: a gzip of a consistent snapshot (SQLite's
backup API copies one even while another connection writes). Beside each is a small
``….db.gz.json`` with what the backup holds (its term count and content signature), so that
listing the backups reads no backup. Backups made before compression (``….db``) still list
and restore. The backup made when a glossary opens is made only when its content changed
since its newest backup (``content_signature``): a launch that changed nothing costs a read.

Pruning keeps the newest ``keep`` backups within ``max_mb`` megabytes in all, and never the
newest one: a glossary always keeps a backup however small the limit. A backup goes with
everything SQLite may have left beside it (``-wal``, ``-shm``, ``-journal``).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import pickle
import re
import shutil
import sqlite3
import tempfile
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from desktop.core.db.checks import fresh_deadline, guard, open_untrusted
from desktop.core.errors import GlossaryError
from desktop.core.files import read_only_uri
from desktop.core.paths import user_data_dir

DEFAULT_KEEP = 10
DEFAULT_MAX_MB = 500
_NAME = re.compile(r"-(\d{8}-\d{6}(?:-\d+)?)-([a-z-]+)\.db(\.gz)?$")
#: What SQLite (or Tarjuman) may leave beside a database file, and the facts of a backup.
_SIDE_FILES = ("-wal", "-shm", "-journal")
_FACTS = ".json"
_SIDE = re.compile(r"^(.+\.db(?:\.gz)?)(-wal|-shm|-journal|\.json)$")
#: Temporary files of a backup in progress; older ones were left by a backup that was killed.
_TEMPORARY = re.compile(r"^\..+\.(?:snapshot|partial)(?:-wal|-shm|-journal)?$")
_STALE_S = 24 * 3600
#: Tables whose changes alone do not call for a new backup: the reading position of each
#: document, which Tarjuman saves whenever it closes.
_NOT_CONTENT = frozenset({"documents"})
_CHUNK = 1 << 20


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


def _open_backup(path: Path) -> sqlite3.Connection:
    """A read-only connection to a backup (or a restore being checked). ``immutable``: a
    backup never changes, and SQLite then creates no ``-wal`` or ``-shm`` beside it, which
    a plain read-only connection to a file in WAL mode does (and older backups are)."""
    return open_untrusted(path, immutable=True)


def content_signature(con: sqlite3.Connection) -> str:
    """A hash of everything the glossary holds: its schema and every row of its tables,
    read in one transaction (one consistent snapshot).

    "Changed" means this hash changed. Not the file's size or time: opening a glossary
    creates its write-ahead log anew, which changed them at every launch although nothing
    was written. Not SQLite's file change counter either, which WAL mode does not update at
    every commit. Rows are compared as SQLite returns them, so equal content gives equal
    hashes however the pages are laid out (about 0.1 s for a glossary of 20 MB).

    Left out are SQLite's own bookkeeping (``sqlite_sequence``, statistics) and the reading
    positions (``documents``), which every launch with a document open saves: losing one
    costs nothing, and counting them would back up the whole glossary at every launch
    again. A backup still holds them.
    """
    digest = hashlib.sha256()
    factory = con.text_factory
    con.execute("BEGIN")
    try:
        schema = con.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!' "
            "ORDER BY type, name").fetchall()
        digest.update(repr(schema).encode("ascii", "backslashreplace"))
        con.text_factory = bytes  # rows undecoded: faster, and text that is not UTF-8 hashes too
        for kind, name, sql in schema:
            if kind != "table" or name in _NOT_CONTENT or (sql or "").lstrip().upper().startswith(
                    "CREATE VIRTUAL"):
                continue
            digest.update(f"\0{name}\0".encode("utf-8"))
            quoted = '"' + name.replace('"', '""') + '"'
            cursor = con.execute(f"SELECT * FROM {quoted}")
            while rows := cursor.fetchmany(2000):
                digest.update(_serialized(rows))
    finally:
        con.rollback()
        con.text_factory = factory
    return digest.hexdigest()


def _serialized(rows: list[Any]) -> bytes:
    """Rows as bytes that depend on their values only: pickle (four times faster than
    ``repr``) without its memo, which would depend on which values are the same object."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True
    pickler.dump(rows)
    return out.getvalue()


def _facts_of(con: sqlite3.Connection, signature: bool = True) -> dict[str, Any]:
    """What a listing shows of a backup and what ``backup_if_changed`` compares with."""
    facts: dict[str, Any] = {}
    try:
        facts["terms"] = int(con.execute("SELECT count(*) FROM terms").fetchone()[0])
    except sqlite3.Error:
        facts["terms"] = None
    if signature:
        try:
            facts["signature"] = content_signature(con)
        except sqlite3.Error:
            facts["signature"] = None
    return facts


def _temporary(folder: Path, name: str, suffix: str) -> Path:
    fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=suffix, dir=folder)
    os.close(fd)
    return Path(temporary)


def _remove(path: Path) -> None:
    """Delete a database file and whatever SQLite or Tarjuman left beside it."""
    for suffix in ("", *_SIDE_FILES, _FACTS):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _write_json(path: Path, value: dict[str, Any]) -> None:
    temporary = _temporary(path.parent, path.name, ".partial")
    try:
        temporary.write_text(json.dumps(value), encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _compress(snapshot: Path, target: Path) -> None:
    """gzip ``snapshot`` into ``target``, which appears whole or not at all."""
    partial = _temporary(target.parent, target.name, ".partial")
    try:
        with open(snapshot, "rb") as source, open(partial, "wb") as raw:
            with gzip.GzipFile(filename=target.stem, mode="wb", fileobj=raw, compresslevel=6) as out:
                shutil.copyfileobj(source, out, _CHUNK)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def make_backup(db_path: Path, reason: str = "manual", keep: int | None = DEFAULT_KEEP,
                max_mb: int | None = DEFAULT_MAX_MB) -> Path:
    """Copy the glossary now, compressed; returns the backup file. Old backups beyond
    ``keep`` or ``max_mb`` go (none with ``keep=None``: call ``prune`` later).

    The snapshot is taken into a temporary file, switched from WAL mode to SQLite's plain
    journal (so that opening it never creates ``-wal`` or ``-shm`` files), measured, then
    compressed; the temporary file goes whatever happens."""
    db_path = Path(db_path)
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.db.gz"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}-{stamp}-{n}-{reason}.db.gz"
    snapshot = _temporary(folder, target.name, ".snapshot")
    try:
        _copy(db_path, snapshot)
        con = sqlite3.connect(snapshot)
        try:
            guard(con, fresh_deadline())
            con.execute("PRAGMA journal_mode = DELETE")
            facts = _facts_of(con)
        finally:
            con.close()
        _compress(snapshot, target)
        _write_json(Path(f"{target}{_FACTS}"), facts)
    except sqlite3.Error as exc:
        _remove(target)
        raise GlossaryError(f"Could not back up “{db_path.name}”: {exc}.") from None
    except OSError as exc:
        _remove(target)
        raise GlossaryError(f"Could not back up “{db_path.name}”: {exc.strerror or exc}.") from None
    finally:
        _remove(snapshot)
    if keep is not None:
        prune(db_path, keep, max_mb)
    return target


def _backups(folder: Path) -> list[tuple[Path, datetime, str]]:
    """The backup files in ``folder`` with their date and reason, newest first."""
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.search(path.name)
        if match is None:
            continue
        try:
            mtime = path.stat().st_mtime_ns
        except OSError:
            continue  # deleted meanwhile (another Tarjuman pruning)
        created = datetime.strptime(match.group(1)[:15], "%Y%m%d-%H%M%S").replace(tzinfo=timezone.utc)
        found.append((created, mtime, path, match.group(2)))
    found.sort(key=lambda b: (b[0], b[1]), reverse=True)
    return [(path, created, reason) for created, _mtime, path, reason in found]


def _size(path: Path) -> int:
    total = 0
    for suffix in ("", *_SIDE_FILES):
        try:
            total += Path(f"{path}{suffix}").stat().st_size
        except OSError:
            pass
    return total


def prune(db_path: Path, keep: int, max_mb: int | None = DEFAULT_MAX_MB) -> None:
    """Delete the oldest backups of ``db_path`` until at most ``keep`` remain and they take
    at most ``max_mb`` megabytes (no size limit with ``None``); the newest always stays.
    Files a deleted backup left beside it (an older Tarjuman's ``-wal`` and ``-shm``) go too."""
    folder = backup_dir(db_path)
    paths = [path for path, _created, _reason in _backups(folder)]
    sizes = [_size(path) for path in paths]
    count, total = len(paths), sum(sizes)
    limit = None if max_mb is None else max_mb * 1024 * 1024
    for index in range(len(paths) - 1, 0, -1):
        if count <= keep and (limit is None or total <= limit):
            break
        _remove(paths[index])
        count -= 1
        total -= sizes[index]
    _sweep(folder)


def _sweep(folder: Path) -> None:
    """Delete what no backup needs: files beside a backup that is gone, temporary files of a
    backup that was killed a day ago, and the marker older versions wrote."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    now = time.time()
    for path in entries:
        try:
            side = _SIDE.match(path.name)
            if side is not None and _NAME.search(side.group(1)) and not (folder / side.group(1)).exists():
                path.unlink(missing_ok=True)
            elif _TEMPORARY.match(path.name) and now - path.stat().st_mtime > _STALE_S:
                path.unlink(missing_ok=True)
            elif path.name == "last.json":
                path.unlink(missing_ok=True)
        except OSError:
            pass


def _facts(path: Path, signature: bool = False) -> dict[str, Any]:
    """The term count (and with ``signature`` the content signature) of a backup: from the
    file beside it, or for a backup made before compression from the backup itself (then
    kept beside it). Listing needs no signature: counting is quick, hashing is not."""
    beside = Path(f"{path}{_FACTS}")
    known: dict[str, Any] = {}
    try:
        value = json.loads(beside.read_text(encoding="utf-8"))
        if isinstance(value, dict):
            known = value
    except (OSError, ValueError):
        pass
    if path.suffix == ".gz" or ("terms" in known and (not signature or "signature" in known)):
        return known  # a compressed backup's lost facts would mean decompressing it all
    try:
        con = _open_backup(path)
        try:
            known = {**known, **_facts_of(con, signature)}
        finally:
            con.close()
    except sqlite3.Error:
        return {}
    try:
        _write_json(beside, known)
    except OSError:
        pass  # a read-only backup folder: counted again next time
    return known


def backup_if_changed(db_path: Path, keep: int = DEFAULT_KEEP,
                      max_mb: int | None = DEFAULT_MAX_MB) -> Path | None:
    """Back up at open when the glossary's content changed since its newest backup (see
    ``content_signature``); a launch that changed nothing makes no backup. Comparing reads
    the glossary but copies nothing."""
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    newest = next(iter(_backups(backup_dir(db_path))), None)
    last = _facts(newest[0], signature=True).get("signature") if newest is not None else None
    if last is not None:
        try:
            con = open_untrusted(db_path, immutable=False)  # the live glossary: it may change
            try:
                current: str | None = content_signature(con)
            finally:
                con.close()
        except sqlite3.Error:
            current = None
        if current == last:
            return None
    return make_backup(db_path, "open", keep, max_mb)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of ``db_path``, newest first."""
    found = []
    for path, created, reason in _backups(backup_dir(db_path)):
        terms = _facts(path).get("terms")
        found.append(BackupInfo(path, created, reason, terms if isinstance(terms, int) else None))
    return found


def _extract(backup: Path, destination: Path) -> None:
    """Write the database a backup holds into ``destination`` and check it whole."""
    with open(destination, "wb") as out:
        if backup.suffix == ".gz":
            with gzip.open(backup, "rb") as source:
                shutil.copyfileobj(source, out, _CHUNK)
        else:
            with open(backup, "rb") as source:
                shutil.copyfileobj(source, out, _CHUNK)
        out.flush()
        os.fsync(out.fileno())
    con = _open_backup(destination)
    try:
        verdict = [row[0] for row in con.execute("PRAGMA quick_check").fetchall()]
        tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    finally:
        con.close()
    if verdict != ["ok"]:
        raise sqlite3.DatabaseError("; ".join(str(v) for v in verdict[:3]))
    if not tables:
        raise sqlite3.DatabaseError("it holds no glossary")


def restore_backup(backup: Path, db_path: Path) -> None:
    """Replace the glossary with a backup (the current file is itself backed up first if it
    is readable). Close every connection to ``db_path`` before calling this.

    The backup is decompressed next to the glossary and checked before anything else: an
    unreadable backup leaves the glossary as it was, with no extra backup."""
    backup, db_path = Path(backup), Path(db_path)
    fd, name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".restore", dir=db_path.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        try:
            _extract(backup, temporary)
        except (OSError, EOFError, zlib.error, sqlite3.Error) as exc:
            detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise GlossaryError(f"Could not restore “{backup.name}”: the backup cannot be read "
                                f"({detail}). The glossary was not changed.") from None
        if db_path.exists():
            try:
                # Not pruned now: pruning could delete the very backup being restored.
                make_backup(db_path, "before-restore", keep=None)
            except GlossaryError:
                pass  # a damaged glossary cannot be copied by SQLite; it is replaced anyway
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(temporary, db_path)
    finally:
        _remove(temporary)

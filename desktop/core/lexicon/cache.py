"""A compact SQLite copy of the lexicon in the user cache folder, keyed by the data's hash.

Parsing the six files takes about a second; the cache then opens in milliseconds, and each
stem lookup is one indexed query. The cache is written to a temporary file and renamed into
place, so a half-built cache is never used; a damaged one is rebuilt.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from pathlib import Path

from desktop.core import paths
from desktop.core.arabic import normalize
from desktop.core.files import read_only_uri
from desktop.core.lexicon import source
from desktop.core.lexicon.buckwalter import to_arabic
from desktop.core.tasks import CancelToken, ProgressFn, check, report

log = logging.getLogger(__name__)
SCHEMA = 1
_TABLES = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE affixes (kind TEXT NOT NULL, key TEXT NOT NULL, bw TEXT NOT NULL, voc TEXT NOT NULL,
                      cat TEXT NOT NULL, gloss TEXT NOT NULL, pos TEXT NOT NULL, seq INTEGER NOT NULL);
CREATE TABLE stems (key TEXT NOT NULL, bw TEXT NOT NULL, voc TEXT NOT NULL, cat TEXT NOT NULL,
                    gloss TEXT NOT NULL, pos TEXT NOT NULL, lemma TEXT NOT NULL, seq INTEGER NOT NULL);
CREATE TABLE compat (tbl TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL);
"""


def key(unvowelled_buckwalter: str) -> str:
    """The folded Arabic that words are looked up by (hamza forms, ى/ي and ة/ه alike)."""
    return normalize(to_arabic(unvowelled_buckwalter))


def cache_path(digest: str) -> Path:
    return paths.user_cache_dir() / f"lexicon-{SCHEMA}-{digest}.sqlite"


def is_valid(path: Path, digest: str) -> bool:
    if not path.is_file():
        return False
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE name = 'hash'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == digest


def build(folder: Path, path: Path, digest: str, progress: ProgressFn | None = None,
          cancel: CancelToken | None = None) -> Path:
    """Parse the lexicon in ``folder`` into a new cache at ``path`` (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    report(progress, 0, 4)
    stems = source.read_stems(folder / "dictStems")
    check(cancel)
    report(progress, 1, 4)
    fd, name = tempfile.mkstemp(prefix=".lexicon-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        con = sqlite3.connect(temporary)
        try:
            con.executescript(_TABLES)
            for kind, file in (("p", "dictPrefixes"), ("s", "dictSuffixes")):
                con.executemany(
                    "INSERT INTO affixes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(kind, key(e.unvowelled), e.unvowelled, e.vowelled, e.category, e.gloss, e.pos, n)
                     for n, e in enumerate(source.read_affixes(folder / file))])
            for table in ("AB", "AC", "BC"):
                con.executemany("INSERT INTO compat VALUES (?, ?, ?)",
                                [(table, a, b) for a, b in source.read_table(folder / f"table{table}")])
            check(cancel)
            report(progress, 2, 4)
            con.executemany(
                "INSERT INTO stems VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(key(e.unvowelled), e.unvowelled, e.vowelled, e.category, e.gloss, e.pos, e.lemma_id, n)
                 for n, e in enumerate(stems)])
            con.execute("CREATE INDEX stems_key ON stems (key)")
            con.execute("CREATE INDEX stems_lemma ON stems (lemma)")
            con.execute("INSERT INTO meta VALUES ('hash', ?)", (digest,))
            con.commit()
            con.execute("VACUUM")
        finally:
            con.close()
        check(cancel)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
        Path(f"{temporary}-journal").unlink(missing_ok=True)  # left by a full disk
    report(progress, 4, 4)
    log.info("built the lexicon cache %s", path)
    return path


def ensure(progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> Path:
    """The current cache, built first when it is missing, stale or damaged (slow: seconds)."""
    folder = source.data_folder()
    digest = source.data_hash(folder)
    path = cache_path(digest)
    if not is_valid(path, digest):
        build(folder, path, digest, progress, cancel)
    return path

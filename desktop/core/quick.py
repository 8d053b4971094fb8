"""Read-only actions that need neither the ORM nor Alembic: the CLI's ``terms``, ``glossary
list``, ``glossary search`` and ``glossary export``.

Matching a glossary in a document only reads the terms, so for a healthy glossary at the
current schema revision they are read with the sqlite3 module (opened read-only, immutable
when no write-ahead log is pending, with an untrusted schema and a time limit); the
SQLAlchemy ORM, which takes most of a short command's start-up, never loads. Any other file
(missing, older, newer, refused or with damaged values) gives ``None``, and the caller goes
through the ``Workspace``, which creates, upgrades, refuses or repairs it as usual.

Looking for damaged values reads every value of every term (0.2 s for 100,000 terms, four
times what a search costs), so a file over a megabyte found healthy is remembered in the
user's cache folder by what changes whenever the file does (its inode, size, modification
and change times, the change counter in its header, its write-ahead log's): the next command
skips the look until the file changes. A file changed in the last seconds is not remembered (a second change
within one tick of the file system's clock would look the same).

This module imports only what a search needs (the matcher and the document reader load when
terms are found in a document, the term records, a dataclass, for a listing in JSON or an
export): ``glossary search`` starts in a few tens of milliseconds.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generator

from desktop.core.arabic import bare_key, bare_of_key, search_key
from desktop.core.db.checks import HEAD, code_objects, open_untrusted

if TYPE_CHECKING:
    from desktop.core.documents import Document
    from desktop.core.glossary.matcher import IndexedTerm, TermMatch
    from desktop.core.glossary.record import TermRecord

COLUMNS = ("id", "source", "target", "category", "note")
_TEXT_COLUMNS = ("source", "target", "category", "note", "context", "document", "subject", "pos",
                 "created_by", "changed_by", "search_text", "source_norm", "created_at",
                 "updated_at")


def _open_current(db_path: Path) -> sqlite3.Connection | None:
    """The glossary at ``db_path`` opened untrusted and read-only, if it is a healthy SQLite
    glossary at the current revision; else ``None`` (the caller takes the full path)."""
    path = Path(db_path)
    if not path.is_file():
        return None
    try:
        con = open_untrusted(path)
    except sqlite3.Error:
        return None
    try:
        if code_objects(con) or _generated_columns(con):
            raise LookupError
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD:
            raise LookupError
        stamp = _stamp(path)
        if stamp is None or stamp[1] != _remembered(stamp[0]):
            # A value of the wrong type is damage that opening the glossary repairs.
            damaged = " OR ".join(f"typeof({c}) != 'text'" for c in _TEXT_COLUMNS)
            dates = " OR ".join(f"{c} NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] *'"
                                for c in ("created_at", "updated_at"))
            if con.execute(f"SELECT 1 FROM terms WHERE {damaged} OR typeof(version) != 'integer' "
                           f"OR {dates} LIMIT 1").fetchone():
                raise LookupError
            if stamp is not None:
                _remember(*stamp)
    except (sqlite3.Error, LookupError):
        con.close()
        return None
    return con


#: Changes when what ``_open_current`` checks changes: a file checked by older rules is
#: checked again.
_RULES = f"{HEAD}/1"
_SETTLED_NS = 3_000_000_000  # a file changed less than 3 s ago is not remembered
_now_ns = time.time_ns
_REMEMBERED_FROM = 1 << 20  # bytes (about 5,000 terms)


def _stamp(path: Path) -> tuple[str, str] | None:
    """The name of the file that remembers the glossary at ``path`` and what identifies the
    file's present state (see the module's docstring); ``None`` when it cannot be told or the
    file changed too recently to be remembered."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
            st = os.fstat(fh.fileno())
        wal = Path(f"{path}-wal")
        wst = wal.stat() if wal.exists() else None
    except OSError:
        return None
    newest = max(st.st_mtime_ns, st.st_ctime_ns, wst.st_mtime_ns if wst else 0,
                 wst.st_ctime_ns if wst else 0)
    if st.st_size + (wst.st_size if wst else 0) < _REMEMBERED_FROM:
        return None  # looked over in a few milliseconds: sooner than finding the cache folder
    if len(header) < 100 or _now_ns() - newest < _SETTLED_NS:
        return None
    parts = [_RULES, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns,
             header[24:32].hex(), header[40:44].hex(), header[92:100].hex()]
    if wst is not None:
        parts += [wst.st_ino, wst.st_size, wst.st_mtime_ns, wst.st_ctime_ns]
    return f"{st.st_dev:x}-{st.st_ino:x}", " ".join(str(p) for p in parts)


def _memo(name: str) -> Path:
    from desktop.core.paths import user_cache_dir

    return user_cache_dir() / "healthy" / name


def _remembered(name: str) -> str | None:
    try:
        return _memo(name).read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None


def _remember(name: str, stamp: str) -> None:
    """Note that the glossary file ``name`` is healthy in the state ``stamp`` (a cache: best
    effort)."""
    memo = _memo(name)
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        temporary = memo.with_name(f"{name}.{os.getpid()}")
        temporary.write_text(stamp, encoding="utf-8")
        os.replace(temporary, memo)
    except OSError:
        pass


def _generated_columns(con: sqlite3.Connection) -> bool:
    """Whether a table has generated columns (code: the full path refuses the file)."""
    tables = [name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return any(column[6] not in (0, 1) for name in tables
               for column in con.execute(f'PRAGMA table_xinfo("{name}")'))


def glossary_terms(db_path: Path) -> list[IndexedTerm] | None:
    """The terms of the glossary at ``db_path`` as the matcher needs them, or ``None`` when the
    file needs the full path (see the module's docstring)."""
    from desktop.core.glossary.matcher import IndexedTerm

    con = _open_current(db_path)
    if con is None:
        return None
    try:
        rows = con.execute(f"SELECT {', '.join(COLUMNS)} FROM terms ORDER BY id").fetchall()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    return [IndexedTerm(*row) for row in rows]


def list_terms(db_path: Path, query: str = "") -> Generator[TermRecord, None, None] | None:
    """The terms matching ``query`` (all when empty) in the table's order, read as they are
    written out; ``None`` when the glossary needs the full path. Matching is the store's:
    the query's search key in a term's search text, or its bare form (articles taken off)
    in the Arabic's bare form."""
    from desktop.core.glossary.record import RECORD_FIELDS

    rows = list_rows(db_path, query, RECORD_FIELDS)
    return None if rows is None else _records(rows)


#: The columns of the CLI's text listing.
LISTED = ("id", "source", "target", "category", "note")


def list_rows(db_path: Path, query: str = "", columns: tuple[str, ...] = LISTED
              ) -> Generator[tuple[Any, ...], None, None] | None:
    """``list_terms``'s terms as tuples of ``columns`` (the CLI's text listing, which needs
    no whole records: a third less time for 100,000 terms); ``None`` when the glossary needs
    the full path."""
    con = _open_current(db_path)
    if con is None:
        return None
    key = search_key(query)
    bare = bare_key(query) if key else ""
    where, params = "", ()  # type: tuple[str, tuple[str, ...]]
    if key and bare == key:
        where, params = "WHERE instr(search_text, ?) > 0", (key,)
    elif key and " " not in bare:
        # A word's bare form is a piece of the word: the rows to check hold it somewhere.
        where, params = "WHERE instr(search_text, ?) > 0", (bare,)
    # The search text comes along only when the rows are checked here (a query with an
    # article, whose bare form is looked for in the Arabic's).
    checked = bool(key) and bare != key
    selected = ", ".join(columns + (("search_text",) if checked else ()))
    # A search reads every row and sorts the few it keeps: walking the order's index instead
    # would look each of 100,000 rows up by its id (ten times slower). A listing streams in
    # the index's order.
    scan = "NOT INDEXED" if where else ""
    try:
        cursor = con.execute(f"SELECT {selected} FROM terms {scan} {where} "
                             "ORDER BY source_norm, target, id", params)
    except sqlite3.Error:
        con.close()
        return None
    return _rows(con, cursor, key, bare) if checked else _rows(con, cursor)


def _rows(con: sqlite3.Connection, cursor: sqlite3.Cursor, key: str = "", bare: str = ""
          ) -> Generator[tuple[Any, ...], None, None]:
    """The cursor's rows as they are read; with ``bare``, only those whose search text (their
    last column, left out) holds ``key`` or whose Arabic's bare form holds ``bare``."""
    try:
        while rows := cursor.fetchmany(1000):
            if not bare:
                yield from rows
                continue
            for *values, search_text in rows:
                if key in search_text or bare in bare_of_key(search_text.partition("\x1f")[0]):
                    yield tuple(values)
    finally:
        con.close()


def _records(rows: Generator[tuple[Any, ...], None, None]) -> Generator[TermRecord, None, None]:
    """``TermRecord``s of rows of ``RECORD_FIELDS``; closing this closes ``rows``."""
    from desktop.core.glossary.record import TermRecord
    dates: dict[str, datetime] = {}  # an import gives its terms one date: each read once
    try:
        for row in rows:
            values = list(row)
            values[7] = dates.get(row[7]) or _date(dates, row[7])
            values[8] = dates.get(row[8]) or _date(dates, row[8])
            yield TermRecord(*values)
    finally:
        rows.close()


def _date(dates: dict[str, datetime], text: str) -> datetime:
    if len(dates) > 10_000:  # memory for a few pages of terms, not all of them
        dates.clear()
    from desktop.core.glossary.record import utc_from_db

    when = dates[text] = utc_from_db(text)
    return when


def export_glossary(db_path: Path, path: Path, fmt: str, *, deck: str = "Tarjuman",
                    cloze: bool = False, raw: bool = False) -> tuple[int, list[str]] | None:
    """``Workspace.export_glossary`` of the glossary at ``db_path`` in format ``fmt``, read as
    it is written (the same terms in the same order, so the same file, written atomically):
    how many terms were written and the Arabic of those the format cannot carry; ``None``
    when the glossary needs the full path."""
    from desktop.core.glossary import exchange

    terms = list_terms(db_path)
    if terms is None:
        return None
    skipped: list[str] = []
    try:
        count = exchange.export_terms(terms, Path(path), fmt, deck=deck, cloze=cloze, raw=raw,
                                      skipped=skipped)
    finally:
        terms.close()  # the connection with it, also when the export stopped half-way
    return count, skipped


def find_terms(doc: Document, db_path: Path, lemma_matching: bool = True
               ) -> tuple[list[TermMatch], str] | None:
    """The glossary's terms in ``doc`` (exact and clitic forms, then with ``lemma_matching``
    other inflected forms) and a note when other forms could not be matched; ``None`` when the
    glossary needs the ``Workspace``."""
    from desktop.core.glossary.matcher import TermIndex

    terms = glossary_terms(db_path)
    if terms is None:
        return None
    index = TermIndex(terms)
    found = index.find(doc.text)
    if not lemma_matching:
        return found, ""
    from desktop.core.errors import TarjumanError
    from desktop.core.glossary.lemmas import LemmaIndex
    from desktop.core.lexicon.analyzer import Lexicon

    try:
        lexicon = Lexicon.open()
    except (TarjumanError, OSError, sqlite3.Error) as exc:
        problem = str(exc) if isinstance(exc, TarjumanError) else \
            f"The Arabic dictionary could not be opened ({exc})."
        return found, problem
    try:
        return LemmaIndex(lexicon, index.terms).find(doc.text, found), ""
    finally:
        lexicon.close()

"""Read-only actions that need neither the ORM nor Alembic: the CLI's ``terms``, ``glossary
list`` and ``glossary search``.

Matching a glossary in a document only reads the terms, so for a healthy glossary at the
current schema revision they are read with the sqlite3 module (opened read-only, immutable
when no write-ahead log is pending, with an untrusted schema and a time limit); the
SQLAlchemy ORM, which takes most of a short command's start-up, never loads. Any other file
(missing, older, newer, refused or with damaged values) gives ``None``, and the caller goes
through the ``Workspace``, which creates, upgrades, refuses or repairs it as usual.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterator

from desktop.core.arabic import bare_key, bare_of_key, search_key
from desktop.core.db.checks import HEAD, code_objects, open_untrusted
from desktop.core.documents import Document
from desktop.core.errors import TarjumanError
from desktop.core.glossary.matcher import IndexedTerm, TermIndex, TermMatch
from desktop.core.glossary.record import RECORD_FIELDS, TermRecord, utc_from_db

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
        # A value of the wrong type is damage that opening the glossary repairs.
        damaged = " OR ".join(f"typeof({c}) != 'text'" for c in _TEXT_COLUMNS)
        dates = " OR ".join(f"{c} NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] *'"
                            for c in ("created_at", "updated_at"))
        if con.execute(f"SELECT 1 FROM terms WHERE {damaged} OR typeof(version) != 'integer' "
                       f"OR {dates} LIMIT 1").fetchone():
            raise LookupError
    except (sqlite3.Error, LookupError):
        con.close()
        return None
    return con


def _generated_columns(con: sqlite3.Connection) -> bool:
    """Whether a table has generated columns (code: the full path refuses the file)."""
    tables = [name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return any(column[6] not in (0, 1) for name in tables
               for column in con.execute(f'PRAGMA table_xinfo("{name}")'))


def glossary_terms(db_path: Path) -> list[IndexedTerm] | None:
    """The terms of the glossary at ``db_path`` as the matcher needs them, or ``None`` when the
    file needs the full path (see the module's docstring)."""
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


def list_terms(db_path: Path, query: str = "") -> Iterator[TermRecord] | None:
    """The terms matching ``query`` (all when empty) in the table's order, read as they are
    written out; ``None`` when the glossary needs the full path. Matching is the store's:
    the query's search key in a term's search text, or its bare form (articles taken off)
    in the Arabic's bare form."""
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
    columns = ", ".join(RECORD_FIELDS)
    try:
        cursor = con.execute(f"SELECT {columns}, search_text FROM terms {where} "
                             "ORDER BY source_norm, target, id", params)
    except sqlite3.Error:
        con.close()
        return None
    return _rows(con, cursor, key if bare != key else "", bare if bare != key else "")


def _rows(con: sqlite3.Connection, cursor: sqlite3.Cursor, key: str, bare: str) -> Iterator[TermRecord]:
    try:
        while rows := cursor.fetchmany(1000):
            for *values, search_text in rows:
                if bare and not (key in search_text
                                 or bare in bare_of_key(search_text.partition("\x1f")[0])):
                    continue
                values[7], values[8] = utc_from_db(values[7]), utc_from_db(values[8])
                yield TermRecord(*values)
    finally:
        con.close()


def find_terms(doc: Document, db_path: Path, lemma_matching: bool = True
               ) -> tuple[list[TermMatch], str] | None:
    """The glossary's terms in ``doc`` (exact and clitic forms, then with ``lemma_matching``
    other inflected forms) and a note when other forms could not be matched; ``None`` when the
    glossary needs the ``Workspace``."""
    terms = glossary_terms(db_path)
    if terms is None:
        return None
    index = TermIndex(terms)
    found = index.find(doc.text)
    if not lemma_matching:
        return found, ""
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

"""Read-only actions that need neither the ORM nor Alembic: the CLI's ``terms``.

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

from desktop.core.db.checks import HEAD, code_objects, open_untrusted
from desktop.core.documents import Document
from desktop.core.errors import TarjumanError
from desktop.core.glossary.matcher import IndexedTerm, TermIndex, TermMatch

COLUMNS = ("id", "source", "target", "category", "note")


def glossary_terms(db_path: Path) -> list[IndexedTerm] | None:
    """The terms of the glossary at ``db_path`` as the matcher needs them, or ``None`` when the
    file needs the full path (see the module's docstring)."""
    path = Path(db_path)
    if not path.is_file():
        return None
    try:
        con = open_untrusted(path)
    except sqlite3.Error:
        return None
    try:
        if code_objects(con):
            return None
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD:
            return None
        # A value of the wrong type is damage that opening the glossary repairs.
        damaged = " OR ".join(f"typeof({c}) != 'text'" for c in COLUMNS[1:])
        if con.execute(f"SELECT 1 FROM terms WHERE {damaged} LIMIT 1").fetchone():
            return None
        rows = con.execute(f"SELECT {', '.join(COLUMNS)} FROM terms ORDER BY id").fetchall()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    return [IndexedTerm(*row) for row in rows]


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

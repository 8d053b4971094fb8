"""An in-memory catalogue of the glossary for the table: search, filter and sort in
milliseconds over 100,000 terms, without a database round trip per keystroke.

It holds, per term, only what searching and sorting need; the rows shown are read from the
database by id, a page at a time. Matching is the store's: the query's ``search_key`` is a
substring of the term's source, target or note key (so a two-letter Arabic query works and
harakat, hamza forms and case are ignored).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.arabic import normalize, search_key
from desktop.core.db.models import Term
from desktop.core.glossary.store import TermRecord

SORT_FIELDS = ("source", "target", "category", "note", "created")


@dataclass
class _Entry:
    id: int
    search: str
    source: str
    target: str
    category: str
    note: str
    created: datetime


class Catalog:
    """Search and sort over every term; update it with ``upsert``/``remove`` after changes."""

    def __init__(self, entries: Sequence[_Entry] = ()) -> None:
        self._entries: dict[int, _Entry] = {e.id: e for e in entries}
        self._orders: dict[str, list[int]] = {}

    @classmethod
    def load(cls, session: Session) -> Catalog:
        """Read the catalogue (about 0.5 s for 100,000 terms: not on the GUI thread)."""
        rows = session.execute(
            select(Term.id, Term.search_text, Term.source_norm, Term.target, Term.category,
                   Term.note, Term.created_at)
        )
        return cls([_Entry(i, s, src, tgt.casefold(), cat, note.casefold(), created)
                    for i, s, src, tgt, cat, note, created in rows])

    def __len__(self) -> int:
        return len(self._entries)

    def upsert(self, record: TermRecord) -> None:
        self._entries[record.id] = _Entry(
            record.id,
            "\x1f".join((search_key(record.source), search_key(record.target), search_key(record.note))),
            normalize(record.source), record.target.casefold(), record.category,
            record.note.casefold(), record.created_at)
        self._orders.clear()

    def remove(self, ids: Sequence[int]) -> None:
        for term_id in ids:
            self._entries.pop(term_id, None)
        self._orders.clear()

    def categories(self) -> list[str]:
        return sorted({e.category for e in self._entries.values()})

    def _order(self, field: str) -> list[int]:
        order = self._orders.get(field)
        if order is None:
            entries = self._entries.values()
            if field == "source":
                ranked = sorted(entries, key=lambda e: (e.source, e.target, e.id))
            elif field == "target":
                ranked = sorted(entries, key=lambda e: (e.target, e.source, e.id))
            elif field == "category":
                ranked = sorted(entries, key=lambda e: (e.category, e.source, e.id))
            elif field == "note":
                ranked = sorted(entries, key=lambda e: (e.note, e.source, e.id))
            else:
                ranked = sorted(entries, key=lambda e: (e.created, e.id))
            order = self._orders[field] = [e.id for e in ranked]
        return order

    def query(self, text: str = "", category: str | None = None, sort: str = "source",
              descending: bool = False) -> list[int]:
        """Ids of matching terms in display order."""
        if sort not in SORT_FIELDS:
            raise ValueError(sort)
        key = search_key(text)
        entries = self._entries
        ids = self._order(sort)
        if key:
            ids = [i for i in ids if key in entries[i].search]
        if category:
            ids = [i for i in ids if entries[i].category == category]
        return ids[::-1] if descending else list(ids)

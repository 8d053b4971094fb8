"""An in-memory catalogue of the glossary for the table: search, filter and sort in
milliseconds over 100,000 terms, without a database round trip per keystroke.

It holds, per term, only what searching and sorting need; the rows shown are read from the
database by id, a page at a time. Matching is the store's: the query's ``search_key`` is a
substring of the term's source, target or note key (so a two-letter Arabic query works and
harakat, hamza forms and case are ignored).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

from sqlalchemy import Dialect, String, func, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from desktop.core.arabic import bare_key, bare_of_key, normalize, search_key
from desktop.core.db.models import Term
from desktop.core.glossary.matcher import no_gc
from desktop.core.glossary.record import utc_from_db
from desktop.core.glossary.store import TermRecord, search_text

SORT_FIELDS = ("source", "target", "category", "note", "subject", "pos", "created", "created_by",
               "changed_by")
_SortKey = tuple[object, ...]
OPTIONAL_FIELDS = ("subject", "pos", "created_by", "changed_by")
SEPARATOR = "\x1f"  # between the fields of a search text


@dataclass(slots=True)
class _Entry:
    id: int
    search: str
    source: str
    target: str
    category: str
    note: str
    created: datetime
    subject: str = ""
    pos: str = ""
    # Who added the term and who changed it last (a team glossary, or a name in Preferences).
    created_by: str = ""
    changed_by: str = ""


class _Raw(TypeDecorator[object]):
    """A column read as the driver returns it (no result processing)."""

    impl = String
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: object) -> None:
        return None


def _people(created_by: str, changed_by: str) -> str:
    """The end of a search string: who added and who changed the term (the search box finds
    a translator's terms by name)."""
    if not created_by and not changed_by:
        return ""
    return f"\x1f{search_key(created_by)}\x1f{search_key(changed_by)}"


def _sort_key(field: str, e: _Entry) -> _SortKey:
    """Where an entry sorts by ``field`` (ties broken by the Arabic, then the id)."""
    if field == "source":
        return (e.source, e.target, e.id)
    if field == "target":
        return (e.target, e.source, e.id)
    if field == "category":
        return (e.category, e.source, e.id)
    if field == "note":
        return (e.note, e.source, e.id)
    if field == "created_by":
        return (e.created_by, e.source, e.id)
    if field == "changed_by":
        return (e.changed_by, e.source, e.id)
    if field == "subject":
        return (e.subject, e.source, e.id)
    if field == "pos":
        return (e.pos, e.source, e.id)
    return (e.created, e.id)


class Catalog:
    """Search and sort over every term; update it with ``upsert``/``remove`` after changes."""

    # A letter typed narrows the last result when it is this many times smaller than the
    # catalogue: looking a term up costs about three steps of the scan over all of them.
    NARROW_FROM = 3

    def __init__(self, entries: Sequence[_Entry] = ()) -> None:
        self._entries: dict[int, _Entry] = {e.id: e for e in entries}
        # How many terms have a subject field and a part of speech (the table shows their
        # columns when any has).
        self._used = {field: sum(1 for e in entries if getattr(e, field)) for field in OPTIONAL_FIELDS}
        # Per sort field: ids, search strings and categories in that order (parallel lists,
        # so that a query is one comprehension over plain strings).
        self._orders: dict[str, tuple[list[int], list[str], list[str], list[_SortKey]]] = {}
        # Per sort field also the sort keys, in the same order: a changed term moves to its
        # place by bisection instead of the whole catalogue being sorted again.
        # All search strings joined by newlines (which they never contain), in source order,
        # with where each one starts: a rare query is found by str.find in C.
        self._blob: tuple[str, list[int], list[int]] | None = None
        # The last query and its result: typing a letter more narrows it (no term changed).
        self._last: tuple[tuple[str, str, str | None, str, bool], list[int]] | None = None

    @classmethod
    def load(cls, session: Session) -> Catalog:
        """Read the catalogue (about 0.5 s for 100,000 terms: not on the GUI thread)."""
        # SQLite sorts by source (the table's default order) without holding Python's GIL,
        # which a 100,000-item sort in Python would hold for tens of milliseconds.
        # The dates as the driver gives them (SQLAlchemy's parsing of SQLite's date strings
        # costs more than all the rest of the catalogue): fromisoformat, in C, instead.
        rows = session.execute(
            select(Term.id, Term.search_text, Term.source_norm, Term.target, Term.category,
                   Term.note, type_coerce(Term.created_at, _Raw()), Term.subject, Term.pos,
                   Term.created_by, Term.changed_by)
            .order_by(Term.source_norm, func.lower(Term.target), Term.id)
        )
        # The search text starts with the source's search key: its bare form needs no
        # second normalisation. Each distinct date is read once (an import gives all its
        # terms one date).
        dates: dict[object, datetime] = {}

        def date(raw: object) -> datetime:
            found = dates.get(raw)
            if found is None:
                found = dates[raw] = utc_from_db(raw)
            return found

        with no_gc():
            catalog = cls([_Entry(i, f"{s}\x1f{bare_of_key(s.partition(SEPARATOR)[0])}"
                                     f"{_people(by, changed)}", src, tgt.casefold(), cat,
                                  note.casefold(), date(created), subject.casefold(), pos.casefold(),
                                  by, changed)
                           for i, s, src, tgt, cat, note, created, subject, pos, by, changed in rows])
        entries = list(catalog._entries.values())  # insertion order = the query's order
        keys = [_sort_key("source", e) for e in entries]
        # SQLite's lower() folds ASCII only: where that orders a name differently, Python sorts.
        if all(a < b for a, b in itertools.pairwise(keys)):
            catalog._orders["source"] = ([e.id for e in entries], [e.search for e in entries],
                                         [e.category for e in entries], keys)
        return catalog

    def __len__(self) -> int:
        return len(self._entries)

    def copy(self) -> Catalog:
        """Another catalogue with the same terms, to change on another thread (entries are
        replaced on upsert, never changed, so the two may share them)."""
        return Catalog(list(self._entries.values()))

    def upsert(self, record: TermRecord) -> None:
        """Add or replace a term; it moves to its place in every sorted order (bisection:
        microseconds, where sorting 100,000 terms again takes a tenth of a second)."""
        entry = _Entry(
            record.id,
            f"{search_text(record.source, record.target, record.note, record.subject)}"
            f"\x1f{bare_key(record.source)}{_people(record.created_by, record.changed_by)}",
            normalize(record.source), record.target.casefold(), record.category,
            record.note.casefold(), record.created_at, record.subject.casefold(), record.pos.casefold(),
            record.created_by, record.changed_by)
        old = self._entries.get(record.id)
        self._entries[record.id] = entry
        self._count(old, -1)
        self._count(entry, 1)
        for field in list(self._orders):
            if old is not None and not self._unplace(field, old):
                continue
            ids, searches, categories, keys = self._orders[field]
            key = _sort_key(field, entry)
            at = bisect_left(keys, key)
            ids.insert(at, entry.id)
            searches.insert(at, entry.search)
            categories.insert(at, entry.category)
            keys.insert(at, key)
        self._blob = self._last = None

    def remove(self, ids: Sequence[int]) -> None:
        for term_id in ids:
            old = self._entries.pop(term_id, None)
            self._count(old, -1)
            if old is not None:
                for field in list(self._orders):
                    self._unplace(field, old)
        self._blob = self._last = None

    def _count(self, entry: _Entry | None, step: int) -> None:
        for field in OPTIONAL_FIELDS if entry is not None else ():
            if getattr(entry, field):
                self._used[field] += step

    def uses(self, field: str) -> bool:
        """Whether any term has a value in ``field`` ("subject" or "pos")."""
        return self._used.get(field, 0) > 0

    def _unplace(self, field: str, entry: _Entry) -> bool:
        """Take ``entry`` out of one sorted order; False (the order is dropped, to be sorted
        again when needed) if it is not where its key says."""
        ids, searches, categories, keys = self._orders[field]
        at = bisect_left(keys, _sort_key(field, entry))
        if at < len(ids) and ids[at] == entry.id:
            for column in (ids, searches, categories, keys):
                del column[at]
            return True
        del self._orders[field]
        return False

    def categories(self) -> list[str]:
        return sorted({e.category for e in self._entries.values()})

    def _order(self, field: str) -> tuple[list[int], list[str], list[str], list[_SortKey]]:
        order = self._orders.get(field)
        if order is None:
            keyed = sorted((_sort_key(field, e), e) for e in self._entries.values())
            order = self._orders[field] = ([e.id for _k, e in keyed], [e.search for _k, e in keyed],
                                           [e.category for _k, e in keyed], [k for k, _e in keyed])
        return order

    def _rare_hits(self, key: str, limit: int = 2000) -> list[int] | None:
        """Where in source order the terms are whose search string contains ``key`` (each
        once, ascending), if there are at most ``limit``."""
        if self._blob is None:
            ids, searches, _categories, _keys = self._order("source")
            starts: list[int] = []
            position = 0
            for s in searches:
                starts.append(position)
                position += len(s) + 1
            self._blob = ("\n".join(searches), starts, ids)
        blob, starts, ids = self._blob
        if blob.count(key) > limit:
            return None
        hits: list[int] = []
        position = blob.find(key)
        while position != -1:
            entry = bisect_right(starts, position) - 1
            hits.append(entry)
            if entry + 1 >= len(starts):
                break
            position = blob.find(key, starts[entry + 1])
        return hits

    def query(self, text: str = "", category: str | None = None, sort: str = "source",
              descending: bool = False) -> list[int]:
        """Ids of matching terms in display order (a keystroke in the search box: a few
        milliseconds for 100,000 terms)."""
        if sort not in SORT_FIELDS:
            raise ValueError(sort)
        key = search_key(text)
        # "الأمن" also finds "للأمن": the query without its article, against the terms'
        # Arabic without theirs (the last part of each search string).
        bare = bare_key(text) if key else ""
        keys = [key] if bare == key else [key, bare]
        asked = (key, bare, category, sort, descending)
        found: list[int]
        if self._last is not None and key:
            (last_key, last_bare, *settings), before = self._last
            if settings == [category, sort, descending] and last_key and key.startswith(last_key) \
                    and bare.startswith(last_bare) and self.NARROW_FROM * len(before) < len(self._entries):
                # A letter typed: every term found now was found by the last query (each key
                # holds the last one's), in the same order; only those are looked at again.
                entries, first, last = self._entries, keys[0], keys[-1]
                found = [i for i in before if first in entries[i].search or last in entries[i].search]
                self._last = (asked, found)
                return list(found)
        found = self._query(keys, category, sort, descending)
        self._last = (asked, found)
        return list(found)

    def _query(self, keys: list[str], category: str | None, sort: str, descending: bool) -> list[int]:
        key = keys[0]
        ids, searches, categories, _keys = self._order(sort)
        found: list[int]
        if key and not category:
            places = [self._rare_hits(k) for k in keys]
            if all(p is not None for p in places):
                # Few hits: found with str.find over all the search strings (in C).
                in_source_order = sorted(set().union(*(p for p in places if p is not None)))
                source_ids = self._blob[2] if self._blob is not None else []
                found = [source_ids[p] for p in in_source_order]
                if sort != "source":
                    wanted = set(found)
                    found = [i for i in ids if i in wanted]
                return found[::-1] if descending else found
        first, last = keys[0], keys[-1]
        if key and category:
            found = [i for i, s, c in zip(ids, searches, categories, strict=True)
                     if c == category and (first in s or last in s)]
        elif key and len(keys) == 1:
            found = [i for i, s in zip(ids, searches, strict=True) if first in s]
        elif key:
            found = [i for i, s in zip(ids, searches, strict=True) if first in s or last in s]
        elif category:
            found = [i for i, c in zip(ids, categories, strict=True) if c == category]
        else:
            found = list(ids)
        return found[::-1] if descending else found

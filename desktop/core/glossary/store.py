"""Glossary CRUD and search over a SQLAlchemy ``Session``.

Functions take the caller's session and do not commit: the caller owns the transaction
(``with factory.begin() as session:``). They return plain ``TermRecord`` dataclasses, never
ORM objects, so results can cross threads safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterator, NamedTuple, Protocol, Sequence, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.arabic import bare_key, normalize, search_key, standard_text
from desktop.core.db import upsert
from desktop.core.db.models import CATEGORIES, Category, Term, utcnow
from desktop.core.errors import BadInputError, EditConflictError
from desktop.core.glossary.matcher import IndexedTerm, TermIndex
from desktop.core.glossary.record import RECORD_FIELDS
from desktop.core.glossary.record import TermRecord as TermRecord  # where callers have found it
from desktop.core.glossary.record import category_key as category_key  # where callers found it
from desktop.core.tasks import CancelToken, ProgressFn, check, report

EDITABLE_FIELDS = ("source", "target", "category", "note", "context", "document", "subject", "pos")


# A TermRecord's fields, in order, read as a plain row (no ORM object: several times faster).
_RECORD_COLUMNS = select(*(getattr(Term, name) for name in RECORD_FIELDS))


def _record(term: Term) -> TermRecord:
    return TermRecord(
        id=term.id,
        source=term.source,
        target=term.target,
        category=term.category,
        note=term.note,
        context=term.context,
        document=term.document,
        created_at=term.created_at,
        updated_at=term.updated_at,
        subject=term.subject,
        pos=term.pos,
        version=term.version,
        created_by=term.created_by,
        changed_by=term.changed_by,
    )


def who(session: Session) -> str:
    """Who makes this session's changes (``session.info["who"]``: the Workspace sets the
    database user or the display name from Preferences); "" when nobody said."""
    return str(session.info.get("who", ""))


def search_text(source: str, target: str, note: str, subject: str = "") -> str:
    """What the search box matches in a term: its source, target, note and subject field."""
    return "\x1f".join((search_key(source), search_key(target), search_key(note), search_key(subject)))


def _search_text(term: Term) -> str:
    return search_text(term.source, term.target, term.note, term.subject)


def check_category(category: str, session: Session | None = None,
                   known: Sequence[str] | None = None) -> str:
    """Return ``category`` in canonical form, or raise ``BadInputError`` if it is not among
    ``known`` (default: the glossary's categories, or without a session the built-in ones)."""
    value = category_key(category)
    if known is None:
        known = category_names(session) if session is not None else list(CATEGORIES)
    if value not in known:
        raise BadInputError(f"“{category}” is not a category; use one of: {', '.join(known)}.")
    return value


@dataclass(frozen=True)
class CategoryInfo:
    name: str
    colour: str
    builtin: bool
    terms: int


def category_names(session: Session) -> list[str]:
    return list(session.scalars(select(Category.name).order_by(Category.position, Category.name)))


def categories(session: Session) -> list[CategoryInfo]:
    """Every category with its colour and how many terms use it."""
    counts = dict(session.execute(select(Term.category, func.count()).group_by(Term.category)).all())
    rows = session.scalars(select(Category).order_by(Category.position, Category.name))
    return [CategoryInfo(c.name, c.colour, c.name in CATEGORIES, int(counts.get(c.name, 0))) for c in rows]


def _valid_colour(colour: str) -> str:
    value = colour.strip()
    hex_digits = "0123456789abcdefABCDEF"
    if len(value) != 7 or not value.startswith("#") or any(c not in hex_digits for c in value[1:]):
        raise BadInputError(f"“{colour}” is not a colour like #ffcc00.")
    return value.lower()


def add_category(session: Session, name: str, colour: str = "#e0e0e0") -> CategoryInfo:
    key = category_key(name)
    if not key or len(key) > 40:
        raise BadInputError("A category needs a name of 1 to 40 characters.")
    if session.get(Category, key) is not None:
        raise BadInputError(f"There is already a category “{key}”.")
    position = int(session.scalar(select(func.max(Category.position))) or 0) + 1
    session.add(Category(name=key, colour=_valid_colour(colour), position=position))
    session.flush()
    return CategoryInfo(key, colour.lower(), False, 0)


def rename_category(session: Session, old: str, new: str) -> None:
    """Rename a user-defined category; its terms follow."""
    old_key, new_key = category_key(old), category_key(new)
    if old_key in CATEGORIES:
        raise BadInputError(f"“{old_key}” is built in and keeps its name.")
    category = session.get(Category, old_key)
    if category is None:
        raise BadInputError(f"There is no category “{old}”.")
    if not new_key or len(new_key) > 40:
        raise BadInputError("A category needs a name of 1 to 40 characters.")
    if new_key != old_key and session.get(Category, new_key) is not None:
        raise BadInputError(f"There is already a category “{new_key}”.")
    session.add(Category(name=new_key, colour=category.colour, position=category.position))
    session.flush()
    session.execute(update(Term).where(Term.category == old_key).values(
        category=new_key, version=Term.version + 1, changed_by=who(session)))
    session.delete(category)
    session.flush()


def set_category_colour(session: Session, name: str, colour: str) -> None:
    category = session.get(Category, category_key(name))
    if category is None:
        raise BadInputError(f"There is no category “{name}”.")
    category.colour = _valid_colour(colour)
    session.flush()


def delete_category(session: Session, name: str, move_to: str = "other") -> int:
    """Delete a user-defined category; its terms move to ``move_to``. Returns how many moved."""
    key = category_key(name)
    if key in CATEGORIES:
        raise BadInputError(f"“{key}” is built in and cannot be deleted.")
    category = session.get(Category, key)
    if category is None:
        raise BadInputError(f"There is no category “{name}”.")
    target = check_category(move_to, session)
    result = session.execute(update(Term).where(Term.category == key).values(
        category=target, version=Term.version + 1, changed_by=who(session)))
    session.delete(category)
    session.flush()
    return int(getattr(result, "rowcount", 0) or 0)


def _clean_pair(source: str, target: str) -> tuple[str, str]:
    source, target, _norm = _clean_triple(source, target)
    return source, target


def _clean_triple(source: str, target: str) -> tuple[str, str, str]:
    """The source and target as stored, and the source's ``normalize``d form (its key)."""
    source, target = standard_text(source).strip(), standard_text(target).strip()
    norm = normalize(source)
    if not norm:
        raise BadInputError("A term needs its Arabic source text.")
    if not target:
        raise BadInputError("A term needs its English translation.")
    return source, target, norm


def add_term(
    session: Session,
    source: str,
    target: str,
    *,
    category: str | None = None,
    note: str = "",
    context: str = "",
    document: str = "",
    created_at: datetime | None = None,
    subject: str = "",
    pos: str = "",
) -> tuple[TermRecord, bool]:
    """Add a term, or update the entry with the same normalised source and target.

    Returns ``(record, created)``. On update, a given category and non-empty note, context,
    document, subject field and part of speech replace the stored ones and ``updated_at``
    moves; ``created_at`` stays.
    """
    source, target = _clean_pair(source, target)
    category = check_category(category, session) if category is not None else None
    if len(pos.strip()) > 40:
        raise BadInputError("A part of speech has at most 40 characters.")
    source_norm = normalize(source)
    same = select(Term).where(Term.source_norm == source_norm, Term.target == target).with_for_update()
    existing = session.scalars(same).first()
    now = utcnow()
    if existing is None:
        # Another client may add the same pair at this moment: the unique constraint decides,
        # and the loser updates the winner's term instead of failing.
        values = dict(source=source, target=target, source_norm=source_norm,
                      search_text=search_text(source, target, note, subject),
                      category=category or "other", note=note, context=context, document=document,
                      subject=subject.strip(), pos=pos.strip(), created_at=created_at or now,
                      updated_at=now, version=1, created_by=who(session), changed_by=who(session))
        added = session.execute(
            upsert.insert(session, Term).values(**values)
            .on_conflict_do_nothing(index_elements=["source_norm", "target"])
            .returning(*_RECORD_COLUMNS.selected_columns)
        ).first()
        if added is not None:
            return TermRecord(*added), True
        existing = session.scalars(same.execution_options(populate_existing=True)).one()
    if existing is not None:
        existing.source = source
        if category is not None:
            existing.category = category
        for name, value in (("note", note), ("context", context), ("document", document),
                            ("subject", subject), ("pos", pos)):
            if value:
                setattr(existing, name, value.strip())
        existing.search_text = _search_text(existing)
        existing.updated_at = now
        existing.changed_by = who(session)
        session.flush()
    return _record(existing), False


def update_term(session: Session, term_id: int, expected_version: int | None = None,
                **changes: str) -> TermRecord:
    """Change fields of one term; raises ``BadInputError`` for unknown ids or bad values.

    Changing the source or target onto another existing entry's pair is refused. With
    ``expected_version`` (the version the user saw), a term changed since then raises
    ``EditConflictError`` with both sides, and nothing is written (no lost update).
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    term = session.get(Term, term_id, with_for_update=True, populate_existing=True)
    if term is None:
        if expected_version is not None:
            raise EditConflictError("Someone deleted this term since you opened it; nothing was "
                                    "saved. Add it again to keep your version.", None, dict(changes))
        raise BadInputError("That glossary entry no longer exists.")
    if expected_version is not None and term.version != expected_version:
        theirs = _record(term)
        by = f" by {theirs.changed_by}" if theirs.changed_by else ""
        raise EditConflictError(
            f"“{theirs.source}” → “{theirs.target}” was changed{by} since you opened it; your "
            "edit was not saved. Compare the two versions, then keep yours, take theirs or "
            "edit again.", theirs, dict(changes))
    source = changes.get("source", term.source)
    target = changes.get("target", term.target)
    source, target = _clean_pair(source, target)
    if "category" in changes:
        changes["category"] = check_category(changes["category"], session)
    for name in ("subject", "pos"):
        if name in changes:
            changes[name] = changes[name].strip()
    if len(changes.get("pos", "")) > 40:
        raise BadInputError("A part of speech has at most 40 characters.")
    source_norm = normalize(source)
    clash = session.scalars(
        select(Term.id).where(
            Term.source_norm == source_norm, Term.target == target, Term.id != term_id
        )
    ).first()
    if clash is not None:
        raise BadInputError(f"The glossary already has “{source}” → “{target}”.")
    changes["source"], changes["target"] = source, target
    for name, value in changes.items():
        setattr(term, name, value)
    term.source_norm = source_norm
    term.search_text = _search_text(term)
    term.updated_at = utcnow()
    term.changed_by = who(session)
    session.flush()
    return _record(term)


def delete_terms(session: Session, term_ids: Sequence[int]) -> int:
    """Delete the given terms; returns how many were deleted."""
    if not term_ids:
        return 0
    result = session.execute(delete(Term).where(Term.id.in_(list(term_ids))))
    return int(getattr(result, "rowcount", 0) or 0)


def get_term(session: Session, term_id: int) -> TermRecord | None:
    term = session.get(Term, term_id)
    return _record(term) if term is not None else None


def find_by_source(session: Session, source: str) -> list[TermRecord]:
    """Entries whose normalised source equals ``normalize(source)``, newest first."""
    rows = session.scalars(
        select(Term).where(Term.source_norm == normalize(source)).order_by(Term.updated_at.desc())
    )
    return [_record(t) for t in rows]


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_ids(session: Session, query: str = "") -> list[int]:
    """Ids of the terms matching ``query`` in source, target or note, in display order.

    Matching ignores harakat, tatweel, hamza forms of alef, ى/ي, ة/ه and letter case. An
    empty query matches everything.
    """
    stmt = select(Term.id).order_by(Term.source_norm, Term.target, Term.id)
    key = search_key(query)
    bare = bare_key(query) if key else ""
    if key and bare != key:
        # "الأمن" also finds "للأمن": compare the Arabic without articles, in Python.
        return [i for i, text, norm in session.execute(
                    select(Term.id, Term.search_text, Term.source_norm)
                    .order_by(Term.source_norm, Term.target, Term.id))
                if key in text or bare in bare_key(norm)]
    if key:
        stmt = stmt.where(Term.search_text.like(f"%{_escape_like(key)}%", escape="\\"))
    return list(session.scalars(stmt))


def search(session: Session, query: str = "") -> list[TermRecord]:
    """Like ``search_ids`` but returns the records."""
    return list(iter_terms(session, query))


def iter_terms(session: Session, query: str = "", chunk: int = 1000) -> Iterator[TermRecord]:
    """The terms matching ``query`` (all when empty) in display order, read ``chunk`` rows at a
    time as plain rows (no ORM objects): an export of 100,000 terms never holds them all."""
    if search_key(query):
        ids = search_ids(session, query)
        for start in range(0, len(ids), chunk):
            yield from get_terms(session, ids[start : start + chunk])
        return
    rows = session.execute(_RECORD_COLUMNS.order_by(Term.source_norm, Term.target, Term.id)
                           .execution_options(yield_per=chunk))
    for row in rows:
        yield TermRecord(*row)


def get_terms(session: Session, term_ids: Sequence[int]) -> list[TermRecord]:
    """Records for ``term_ids`` in the same order; ids that no longer exist are skipped."""
    found: dict[int, TermRecord] = {}
    ids = list(term_ids)
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        for row in session.execute(_RECORD_COLUMNS.where(Term.id.in_(chunk))):
            found[row[0]] = TermRecord(*row)
    return [found[i] for i in ids if i in found]


def count_terms(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Term)) or 0)


def index_terms(session: Session) -> list[IndexedTerm]:
    """Every term as the matcher needs it (plain columns, no ORM objects: fast for 100k)."""
    rows = _plain_rows(session, "SELECT id, source, target, category, note FROM terms ORDER BY id")
    return [IndexedTerm(i, source, target, category, note) for i, source, target, category, note in rows]


def term_sources(session: Session) -> tuple[list[int], list[str]]:
    """The id and the Arabic of every term (two columns: a fifth of reading whole terms)."""
    rows = _plain_rows(session, "SELECT id, source FROM terms")
    if not rows:
        return [], []
    ids, sources = zip(*rows, strict=True)
    return list(ids), list(sources)


def _plain_rows(session: Session, sql: str) -> list[Any]:
    """The rows of a fixed query of plain columns (the same SQL on SQLite and PostgreSQL),
    without the ORM's statement building and type processing; through the engine all the
    same, so that its per-statement time limit and error messages apply."""
    return list(session.connection().exec_driver_sql(sql).all())


def indexed_terms(session: Session, term_ids: Sequence[int]) -> list[IndexedTerm]:
    """``index_terms`` of the given terms only, in id order."""
    found: list[IndexedTerm] = []
    ids = sorted(term_ids)
    columns = select(Term.id, Term.source, Term.target, Term.category, Term.note)
    for at in range(0, len(ids), 500):
        chunk = ids[at : at + 500]
        found.extend(IndexedTerm(*row) for row in session.execute(
            columns.where(Term.id.in_(chunk)).order_by(Term.id)))
    return found


def build_index(session: Session) -> TermIndex:
    """A ``TermIndex`` over the whole glossary (slow for big glossaries: not on the GUI thread)."""
    return TermIndex(index_terms(session))


def build_index_from(factory: sessionmaker[Session]) -> TermIndex:
    """``build_index`` in a session of its own (for a worker thread)."""
    with factory() as session:
        return build_index(session)


class NewTerm(NamedTuple):
    """One term for ``add_terms``. (A named tuple: an import makes one per row, and a frozen
    dataclass, which sets each field through ``object.__setattr__``, takes 0.4 s for 100,000.)"""

    source: str
    target: str
    category: str | None = None
    note: str = ""
    context: str = ""
    document: str = ""
    created_at: datetime | None = None
    subject: str = ""
    pos: str = ""


class TermFields(Protocol):
    """What ``add_terms`` reads of an item: a ``NewTerm``, or a row read from a file whose
    category is the one to store."""

    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def category(self) -> str | None: ...
    @property
    def note(self) -> str: ...
    @property
    def context(self) -> str: ...
    @property
    def document(self) -> str: ...
    @property
    def created_at(self) -> datetime | None: ...
    @property
    def subject(self) -> str: ...
    @property
    def pos(self) -> str: ...


POLICIES = ("update", "skip", "keep-both")


def add_terms(session: Session, items: Sequence[TermFields], *, progress: ProgressFn | None = None,
              cancel: CancelToken | None = None, policy: str = "update") -> tuple[int, int, int]:
    """``add_term`` for many terms at once, with bulk statements; returns (added, updated,
    skipped).

    ``policy`` decides what happens to an item whose normalised Arabic is already in the
    glossary: "update" (the same English updates that entry, another English is added),
    "skip" (the item is left out) or "keep-both" (another English is added, the same English
    leaves the entry as it is). Item ``i`` that is invalid raises ``BadInputError`` whose
    message starts "Item i:"; the caller's transaction then holds nothing of this call once
    rolled back.
    """
    if policy not in POLICIES:
        raise ValueError(policy)
    existing: dict[tuple[str, str], int] = {
        (norm, target): term_id
        for term_id, norm, target in session.execute(select(Term.id, Term.source_norm, Term.target))
    }
    # A new term is a list of its column values (_INSERTED order): a fifth of a dict's memory,
    # and what the driver takes.
    inserts: dict[tuple[str, str], list[object]] = {}
    updates: dict[int, dict[str, object]] = {}
    known = category_names(session)
    sources = {norm for norm, _ in existing}
    skipped = 0
    now = utcnow()
    author = who(session)
    for n, item in enumerate(items):
        if n % 1000 == 0:
            check(cancel)
            report(progress, n, len(items))
        try:
            source, target, norm = _clean_triple(item.source, item.target)
            category = (None if item.category is None else item.category if item.category in known
                        else check_category(item.category, known=known))
            if len(item.pos) > 40 and len(item.pos.strip()) > 40:
                raise BadInputError(f"“{item.pos.strip()[:50]}…” is too long for a part of speech.")
        except BadInputError as exc:
            raise BadInputError(f"Item {n + 1}: {exc}") from None
        key = (norm, target)
        if policy == "skip" and key[0] in sources:
            skipped += 1
            continue
        if policy == "keep-both" and (key in existing or key in inserts):
            skipped += 1
            continue
        if key not in existing and key not in inserts:
            inserts[key] = [source, target, key[0], category or "other", item.note, item.context,
                            item.document, item.created_at or now, now, item.subject.strip(),
                            item.pos.strip(), author, author, ""]
            continue
        changes: dict[str, object] = {"source": source, "updated_at": now, "changed_by": author}
        if category is not None:
            changes["category"] = category
        for name, value in (("note", item.note), ("context", item.context), ("document", item.document),
                            ("subject", item.subject.strip()), ("pos", item.pos.strip())):
            if value:
                changes[name] = value
        if key in existing:
            updates.setdefault(existing[key], {"id": existing[key]}).update(changes)
        else:  # the same term earlier in this import
            new = inserts[key]
            for name, change in changes.items():
                new[_INSERTED_AT[name]] = change
    if updates:
        ids = list(updates)
        stored: dict[int, tuple[str, str, str, int]] = {}
        for start in range(0, len(ids), 500):
            for term_id, target, note, subject, version in session.execute(
                select(Term.id, Term.target, Term.note, Term.subject, Term.version)
                .where(Term.id.in_(ids[start : start + 500])).with_for_update()
            ):
                stored[term_id] = (target, note, subject, version)
        for term_id, row in updates.items():
            target, note, subject, row["version"] = stored[term_id]
            row["search_text"] = search_text(str(row["source"]), target, str(row.get("note", note)),
                                             str(row.get("subject", subject)))
        session.execute(update(Term), list(updates.values()))
    if inserts:
        note_at, subject_at = _INSERTED_AT["note"], _INSERTED_AT["subject"]
        for (norm, target), new in inserts.items():
            # search_key(source) is its normalised form case-folded: no second normalize;
            # most notes and subjects are empty.
            note, subject = str(new[note_at]), str(new[subject_at])
            new[-1] = "\x1f".join((norm.casefold(), search_key(target),
                                    search_key(note) if note else "",
                                    search_key(subject) if subject else ""))
        _insert_many(session, list(inserts.values()))
    session.flush()
    report(progress, len(items), len(items))
    return len(inserts), len(items) - len(inserts) - skipped, skipped


#: The columns of a new term, in the order ``add_terms`` lists their values.
_INSERTED = ("source", "target", "source_norm", "category", "note", "context", "document",
             "created_at", "updated_at", "subject", "pos", "created_by", "changed_by", "search_text")
_INSERTED_AT = {name: at for at, name in enumerate(_INSERTED)}


def _insert_many(session: Session, rows: list[list[object]]) -> None:
    """Insert new terms (lists of their ``_INSERTED`` column values) in one executemany.

    For 100,000 terms SQLAlchemy's per-row parameter handling costs more than SQLite's
    insert itself, so the rows go to the driver as plain tuples. The dates pass through the
    columns' own bind processors (each distinct date once: most rows share the import's
    time), so they are stored exactly as before; the rows' values are replaced in place."""
    table = cast(Table, Term.__table__)
    connection = session.connection()
    dialect = connection.dialect
    marker = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(dialect.paramstyle)
    if marker is None:
        session.execute(insert(table), [dict(zip(_INSERTED, row, strict=True)) for row in rows])
        return
    processors = [(at, process) for at, name in enumerate(_INSERTED)
                  if (process := table.c[name].type.bind_processor(dialect)) is not None]
    stored = _sqlite_date if dialect.driver == "pysqlite" else _unchanged
    done: dict[tuple[int, object], object] = {}
    for row in rows:
        for at, process in processors:
            key = (at, row[at])
            if key not in done:
                done[key] = stored(process(row[at]))
            row[at] = done[key]
    sql = (f"INSERT INTO {table.name} ({', '.join(_INSERTED)}) "
           f"VALUES ({', '.join([marker] * len(_INSERTED))})")
    connection.exec_driver_sql(sql, [tuple(row) for row in rows])  # (SQLAlchemy wants tuples)


def _sqlite_date(value: object) -> object:
    """A date as the sqlite3 module stores it (its default adapter: ISO 8601 with a space),
    converted once per distinct date instead of once per row."""
    return value.isoformat(" ") if isinstance(value, datetime) else value


def _unchanged(value: object) -> object:
    return value


def restore_terms(session: Session, records: Sequence[TermRecord]) -> None:
    """Put deleted terms back exactly as they were, ids included (undo of a delete)."""
    for rec in records:
        session.add(Term(
            id=rec.id, source=rec.source, target=rec.target, source_norm=normalize(rec.source),
            search_text=search_text(rec.source, rec.target, rec.note, rec.subject),
            category=rec.category, note=rec.note, context=rec.context, document=rec.document,
            created_at=rec.created_at, updated_at=rec.updated_at, subject=rec.subject, pos=rec.pos,
            version=rec.version + 1, created_by=rec.created_by, changed_by=who(session)))
    session.flush()


def duplicate_groups(session: Session, by: str = "source") -> list[list[TermRecord]]:
    """Groups of two or more terms with the same normalised source (or the same target,
    ignoring case), each group oldest first."""
    column = Term.source_norm if by == "source" else func.lower(Term.target)
    keys = select(column).group_by(column).having(func.count() > 1)
    rows = session.scalars(select(Term).where(column.in_(keys)).order_by(column, Term.created_at, Term.id))
    groups: dict[str, list[TermRecord]] = {}
    for term in rows:
        key = term.source_norm if by == "source" else term.target.lower()
        groups.setdefault(key, []).append(_record(term))
    return list(groups.values())


def merge_terms(session: Session, keep_id: int, other_ids: Sequence[int]) -> TermRecord:
    """Fold ``other_ids`` into ``keep_id``: their notes and contexts are appended (without
    repeats), then they are deleted. Returns the kept term."""
    keep = session.get(Term, keep_id)
    if keep is None:
        raise BadInputError("That glossary entry no longer exists.")
    others = [t for t in session.scalars(select(Term).where(Term.id.in_(list(other_ids))))
              if t.id != keep_id]
    for name, separator in (("note", " · "), ("context", "\n")):
        parts = [getattr(keep, name)] + [getattr(t, name) for t in others]
        merged = list(dict.fromkeys(p.strip() for p in parts if p and p.strip()))
        setattr(keep, name, separator.join(merged))
    for name in ("document", "subject", "pos"):
        if not getattr(keep, name):
            setattr(keep, name, next((getattr(t, name) for t in others if getattr(t, name)), ""))
    keep.search_text = _search_text(keep)
    keep.updated_at = utcnow()
    keep.changed_by = who(session)
    for term in others:
        session.delete(term)
    session.flush()
    return _record(keep)


def changed_since(session: Session, when: datetime) -> list[TermRecord]:
    """Terms added or updated at or after ``when`` (what an import just wrote)."""
    rows = session.execute(_RECORD_COLUMNS.where(Term.updated_at >= when).order_by(Term.id))
    return [TermRecord(*row) for row in rows]

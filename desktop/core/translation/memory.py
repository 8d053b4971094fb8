"""The translation memory: machine translations per model, and the translator's post-edits.

Keys are ``normalize(sentence)``, so the same sentence written with or without harakat or
hamza variants is found again. A post-edit is independent of the model and wins over every
machine translation, in every document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.arabic import normalize
from desktop.core.db import upsert
from desktop.core.db.models import DocumentState, MemoryEntry, PostEdit, utcnow

_CHUNK = 500


@dataclass(frozen=True)
class Known:
    """A translation from memory; ``edited`` when it is the translator's own."""

    target: str
    edited: bool


def source_key(sentence: str) -> str:
    return normalize(sentence)


def lookup(session: Session, model_id: str | None, sentences: Sequence[str]) -> list[Known | None]:
    """For each sentence: its post-edit, else its machine translation by ``model_id``, else None."""
    keys = [source_key(s) for s in sentences]
    unique = list(dict.fromkeys(keys))
    edits: dict[str, str] = {}
    machine: dict[str, str] = {}
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        for key, target in session.execute(
            select(PostEdit.source_key, PostEdit.target).where(PostEdit.source_key.in_(chunk))
        ):
            edits[key] = target
        if model_id is not None:
            for key, target in session.execute(
                select(MemoryEntry.source_key, MemoryEntry.target).where(
                    MemoryEntry.model_id == model_id, MemoryEntry.source_key.in_(chunk)
                )
            ):
                machine[key] = target
    found: list[Known | None] = []
    for key in keys:
        if key in edits:
            found.append(Known(edits[key], True))
        elif key in machine:
            found.append(Known(machine[key], False))
        else:
            found.append(None)
    return found


def remember(session: Session, model_id: str, pairs: Iterable[tuple[str, str]]) -> None:
    """Store machine translations (replacing an older one for the same model and sentence)."""
    rows = {source_key(s): (s, t) for s, t in pairs}
    if not rows:
        return
    values = [
        {"model_id": model_id, "source_key": k, "source": s, "target": t, "created_at": utcnow()}
        for k, (s, t) in rows.items()
    ]
    for start in range(0, len(values), _CHUNK):
        stmt = upsert.insert(session, MemoryEntry).values(values[start : start + _CHUNK])
        stmt = stmt.on_conflict_do_update(
            index_elements=[MemoryEntry.model_id, MemoryEntry.source_key],
            set_={"target": stmt.excluded.target, "source": stmt.excluded.source},
        )
        session.execute(stmt)


def machine_translation(session: Session, model_id: str, sentence: str) -> str | None:
    return session.scalar(
        select(MemoryEntry.target).where(
            MemoryEntry.model_id == model_id, MemoryEntry.source_key == source_key(sentence)
        )
    )


def set_edit(session: Session, sentence: str, target: str) -> None:
    """Store the translator's translation of ``sentence`` (used for every occurrence)."""
    key = source_key(sentence)
    edit = session.scalar(select(PostEdit).where(PostEdit.source_key == key))
    if edit is None:
        session.add(PostEdit(source_key=key, source=sentence, target=target))
    else:
        edit.target = target
        edit.updated_at = utcnow()
    session.flush()


def clear_edit(session: Session, sentence: str) -> bool:
    """Forget the post-edit of ``sentence``; returns whether there was one."""
    edit = session.scalar(select(PostEdit).where(PostEdit.source_key == source_key(sentence)))
    if edit is None:
        return False
    session.delete(edit)
    session.flush()
    return True


def document_position(session: Session, path: str) -> int | None:
    """The sentence the reader was at in this document file, if it was opened before."""
    return session.scalar(select(DocumentState.position).where(DocumentState.path == path))


def save_document_position(session: Session, path: str, title: str, position: int,
                           sentence_count: int) -> None:
    state = session.scalar(select(DocumentState).where(DocumentState.path == path))
    if state is None:
        session.add(DocumentState(path=path, title=title, position=position,
                                  sentence_count=sentence_count))
    else:
        state.position = position
        state.title = title
        state.sentence_count = sentence_count
        state.opened_at = utcnow()
    session.flush()


def import_units(session: Session, units: Sequence[tuple[str, str]]) -> int:
    """Store units from another tool as preferred translations (like post-edits), in the
    caller's transaction; returns how many distinct sentences they gave."""
    seen: dict[str, tuple[str, str]] = {source_key(s): (s, t) for s, t in units}
    for source, target in seen.values():
        set_edit(session, source, target)
    return len(seen)


def export_units(session: Session) -> list[tuple[str, str]]:
    """The memory as (Arabic, English): post-edits, then machine translations of sentences
    without one (the newest model's where several translated it)."""
    found: dict[str, tuple[str, str]] = {}
    for key, source, target in session.execute(select(PostEdit.source_key, PostEdit.source, PostEdit.target)
                                               .order_by(PostEdit.id)):
        found[key] = (source, target)
    for key, source, target in session.execute(
            select(MemoryEntry.source_key, MemoryEntry.source, MemoryEntry.target)
            .order_by(MemoryEntry.created_at.desc(), MemoryEntry.id.desc())):
        found.setdefault(key, (source, target))
    return list(found.values())

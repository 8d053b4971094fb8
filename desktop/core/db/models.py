"""SQLAlchemy 2.0 typed ORM models."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import DateTime, Dialect, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

CATEGORIES = ("person", "organization", "title", "place", "other")  # built in, cannot be removed
DEFAULT_COLOURS = {
    "person": "#ffd3dc",
    "organization": "#cfe3ff",
    "title": "#e4d7ff",
    "place": "#d3f0d3",
    "other": "#f3e4bf",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes (SQLite itself stores them without a zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=timezone.utc) if value is not None else None


class Base(DeclarativeBase):
    pass


class Term(Base):
    """A glossary entry: an Arabic term and its English rendering."""

    __tablename__ = "terms"
    __table_args__ = (
        UniqueConstraint("source_norm", "target", name="uq_terms_source_norm_target"),
        Index("ix_terms_source_norm", "source_norm"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    # normalize(source): the key for matching and de-duplication.
    source_norm: Mapped[str] = mapped_column(Text)
    # search_key() of source, target and note joined: what the search box matches.
    search_text: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(20), default="other")
    note: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")
    document: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # TBX's subjectField ("law", "manufacturing") and partOfSpeech ("noun", "properNoun").
    subject: Mapped[str] = mapped_column(Text, default="", server_default="")
    pos: Mapped[str] = mapped_column(String(40), default="", server_default="")
    # Optimistic concurrency: every change adds 1 (the ORM does it on each flush and checks
    # it in the UPDATE's WHERE); an edit made on an older version is a conflict, not a lost
    # update.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    # Who added the term and who changed it last (the database user, or the display name set
    # in Preferences); empty for terms from before revision 0005.
    created_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    changed_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}


class MemoryEntry(Base):
    """A machine translation of one source sentence by one model (the translation memory)."""

    __tablename__ = "translation_memory"
    __table_args__ = (UniqueConstraint("model_id", "source_key", name="uq_tm_model_source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    model_id: Mapped[str] = mapped_column(String(200))
    # normalize(source): equal keys are the same sentence for the memory.
    source_key: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PostEdit(Base):
    """The translator's own translation of a source sentence; wins over any machine's."""

    __tablename__ = "post_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_key: Mapped[str] = mapped_column(Text, unique=True)
    source: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DocumentState(Base):
    """What Tarjuman remembers about a document file: where the reader was."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)
    sentence_count: Mapped[int] = mapped_column(default=0)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Category(Base):
    """A term category: the five built-in ones and the user's own, each with a colour."""

    __tablename__ = "categories"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    colour: Mapped[str] = mapped_column(String(9), default="#f3e4bf")
    position: Mapped[int] = mapped_column(default=0)


class VocabularyWord(Base):
    """A learner's word, by lemma: its status (new, learning 1–4, known, ignored), where it
    was first seen, and its study card (FSRS state, as JSON) once it is learning."""

    __tablename__ = "vocabulary"

    lemma_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    lemma: Mapped[str] = mapped_column(Text, default="")  # Arabic, vowelled
    word: Mapped[str] = mapped_column(Text, default="")  # the form first seen
    gloss: Mapped[str] = mapped_column(Text, default="")
    romanized: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[int] = mapped_column(default=0)
    context: Mapped[str] = mapped_column(Text, default="")  # the sentence it was first seen in
    document: Mapped[str] = mapped_column(Text, default="")
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (Index("ix_vocabulary_status", "status"),)


class StudyCard(Base):
    """A flashcard scheduled with FSRS: a vocabulary word ("word", key = lemma id) or a
    glossary term marked for study ("term", key = term id)."""

    __tablename__ = "study_cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    key: Mapped[str] = mapped_column(String(80))
    card: Mapped[str] = mapped_column(Text)  # fsrs.Card as JSON
    due: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (UniqueConstraint("kind", "key", name="uq_study_cards_kind_key"),
                      Index("ix_study_cards_due", "due"))


class ReviewEntry(Base):
    """One review of a study card: the rating (1 Again … 4 Easy) and when."""

    __tablename__ = "review_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(index=True)
    rating: Mapped[int] = mapped_column()
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

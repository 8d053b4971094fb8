"""Learners' vocabulary in the glossary database: a status per lemma (as LWT, Lute and LingQ
keep one per word), and flashcards of learning words and of glossary terms marked for study,
scheduled with FSRS (the ``fsrs`` package) and logged.

Functions take a SQLAlchemy ``Session`` (one per action, as the glossary store does) and
return plain dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Sequence

from fsrs import Card, Rating, Scheduler
from sqlalchemy import String, cast, delete, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.db.models import ReviewEntry, StudyCard, Term, VocabularyWord, utcnow
from desktop.core.errors import BadInputError

NEW, KNOWN, IGNORED = 0, 5, 6
LEARNING = (1, 2, 3, 4)
STATUS_NAMES = {0: "new", 1: "learning 1", 2: "learning 2", 3: "learning 3", 4: "learning 4",
                5: "known", 6: "ignored"}
RATINGS = {1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy}
_SCHEDULER = Scheduler(enable_fuzzing=False)


@dataclass(frozen=True)
class WordInfo:
    """What the vocabulary stores of a word when its status is first set."""

    lemma_id: str
    lemma: str  # Arabic, vowelled
    word: str  # as it was written
    gloss: str
    romanized: str
    context: str = ""
    document: str = ""


@dataclass(frozen=True)
class VocabEntry:
    lemma_id: str
    lemma: str
    word: str
    gloss: str
    romanized: str
    status: int
    context: str
    document: str
    first_seen: datetime
    updated_at: datetime

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status, str(self.status))


@dataclass(frozen=True)
class StudyItem:
    """A flashcard due for review: Arabic and its context in front, English behind."""

    card_id: int
    kind: str  # "word" or "term"
    key: str
    arabic: str
    context: str
    english: str
    gloss: str
    romanized: str
    due: datetime


def _entry(row: VocabularyWord) -> VocabEntry:
    return VocabEntry(row.lemma_id, row.lemma, row.word, row.gloss, row.romanized, row.status,
                      row.context, row.document, row.first_seen, row.updated_at)


def check_status(status: int) -> int:
    if status not in STATUS_NAMES:
        raise BadInputError(f"“{status}” is not a word status; use 0 (new), 1–4 (learning), "
                            "5 (known) or 6 (ignored).")
    return status


def statuses(session: Session, lemma_ids: Iterable[str]) -> dict[str, int]:
    """The stored status of each of ``lemma_ids`` that has one (others are new)."""
    ids = list(set(lemma_ids))
    found: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        for lemma_id, status in session.execute(
                select(VocabularyWord.lemma_id, VocabularyWord.status)
                .where(VocabularyWord.lemma_id.in_(ids[start : start + 500]))):
            found[lemma_id] = status
    return found


def set_status(session: Session, words: Sequence[WordInfo], status: int,
               only_new: bool = False) -> list[VocabEntry]:
    """Give ``words`` a status (their first-seen form, context and date stay as they were);
    with ``only_new``, words that already have a status keep it. A learning word gets a
    study card; returns the entries changed."""
    check_status(status)
    now = utcnow()
    changed: list[VocabEntry] = []
    seen: set[str] = set()
    for info in words:
        if info.lemma_id in seen:
            continue
        seen.add(info.lemma_id)
        row = session.get(VocabularyWord, info.lemma_id)
        if row is None:
            row = VocabularyWord(lemma_id=info.lemma_id, lemma=info.lemma, word=info.word,
                                 gloss=info.gloss, romanized=info.romanized, status=status,
                                 context=info.context, document=info.document, first_seen=now,
                                 updated_at=now)
            session.add(row)
        elif only_new and row.status != NEW:
            continue
        else:
            row.status, row.updated_at = status, now
        if status in LEARNING:
            ensure_card(session, "word", info.lemma_id, now)
        changed.append(_entry(row))
    session.flush()
    return changed


def words(session: Session, status: Sequence[int] | None = None, query: str = "",
          document: str = "") -> list[VocabEntry]:
    """Vocabulary entries, newest first, filtered by status, text and document."""
    stmt = select(VocabularyWord).order_by(VocabularyWord.updated_at.desc(), VocabularyWord.lemma_id)
    if status:
        stmt = stmt.where(VocabularyWord.status.in_(list(status)))
    if query:
        like = f"%{query}%"
        stmt = stmt.where(or_(VocabularyWord.word.like(like), VocabularyWord.lemma.like(like),
                              VocabularyWord.gloss.like(like), VocabularyWord.romanized.like(like)))
    if document:
        stmt = stmt.where(VocabularyWord.document == document)
    return [_entry(row) for row in session.scalars(stmt)]


def counts(session: Session) -> dict[int, int]:
    """How many words have each status."""
    return {status: n for status, n in session.execute(
        select(VocabularyWord.status, func.count()).group_by(VocabularyWord.status))}


# -- study cards -----------------------------------------------------------------------------
def ensure_card(session: Session, kind: str, key: str, now: datetime | None = None) -> int:
    """The id of the card for (kind, key), made due now if there was none."""
    existing = session.scalar(select(StudyCard.id).where(StudyCard.kind == kind, StudyCard.key == key))
    if existing is not None:
        return int(existing)
    when = now or utcnow()
    card = Card(due=when)
    row = StudyCard(kind=kind, key=key, card=card.to_json(), due=when)
    session.add(row)
    session.flush()
    return row.id


def study_term(session: Session, term_id: int, on: bool = True) -> None:
    """Mark a glossary term for study (a card) or stop studying it."""
    if session.get(Term, term_id) is None:
        raise BadInputError("That glossary entry no longer exists.")
    if on:
        ensure_card(session, "term", str(term_id))
    else:
        session.execute(delete(StudyCard).where(StudyCard.kind == "term", StudyCard.key == str(term_id)))


def studied_terms(session: Session) -> list[tuple[int, str, str, str, str]]:
    """Glossary terms marked for study: (id, Arabic, context, English, note), by id."""
    keys = select(StudyCard.key).where(StudyCard.kind == "term")
    rows = session.execute(select(Term.id, Term.source, Term.context, Term.target, Term.note)
                           .where(cast(Term.id, String).in_(keys)).order_by(Term.id))
    return [(i, s, c, t, n) for i, s, c, t, n in rows]


def forget_terms(session: Session, term_ids: Sequence[int]) -> None:
    """Deleted glossary terms leave the reviews (their cards go too)."""
    keys = [str(i) for i in term_ids]
    for start in range(0, len(keys), 500):
        session.execute(delete(StudyCard).where(StudyCard.kind == "term",
                                                StudyCard.key.in_(keys[start : start + 500])))


def _due_rows(session: Session, now: datetime) -> list[StudyCard]:
    learning = select(VocabularyWord.lemma_id).where(VocabularyWord.status.in_(LEARNING))
    terms = select(cast(Term.id, String))
    return list(session.scalars(
        select(StudyCard).where(StudyCard.due <= now,
                                or_((StudyCard.kind == "term") & StudyCard.key.in_(terms),
                                    (StudyCard.kind == "word") & StudyCard.key.in_(learning)))
        .order_by(StudyCard.due, StudyCard.id)))


def due_count(session: Session, now: datetime | None = None) -> int:
    return len(_due_rows(session, now or utcnow()))


def due_items(session: Session, now: datetime | None = None, limit: int = 200) -> list[StudyItem]:
    """The cards due for review, oldest due first, with what their faces show."""
    items = []
    for row in _due_rows(session, now or utcnow())[:limit]:
        if row.kind == "word":
            word = session.get(VocabularyWord, row.key)
            if word is None:
                continue
            items.append(StudyItem(row.id, "word", row.key, word.word, word.context, word.gloss,
                                   f"{word.lemma} · {word.gloss}", word.romanized, row.due))
        else:
            term = session.get(Term, int(row.key))
            if term is None:
                continue
            items.append(StudyItem(row.id, "term", row.key, term.source, term.context, term.target,
                                   term.note, "", row.due))
    return items


def review(session: Session, card_id: int, rating: int, now: datetime | None = None) -> datetime:
    """Rate a card (1 Again, 2 Hard, 3 Good, 4 Easy): FSRS schedules it and the review is
    logged. Returns when it is due next."""
    if rating not in RATINGS:
        raise BadInputError("A rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")
    row = session.get(StudyCard, card_id)
    if row is None:
        raise BadInputError("That card no longer exists.")
    when = now or utcnow()
    card, _log = _SCHEDULER.review_card(Card.from_json(row.card), RATINGS[rating], review_datetime=when)
    row.card, row.due = card.to_json(), card.due
    session.add(ReviewEntry(card_id=card_id, rating=rating, reviewed_at=when))
    session.flush()
    return card.due


def reviews(session: Session, card_id: int) -> list[tuple[int, datetime]]:
    """A card's review log: (rating, when), oldest first."""
    return [(r, t) for r, t in session.execute(
        select(ReviewEntry.rating, ReviewEntry.reviewed_at).where(ReviewEntry.card_id == card_id)
        .order_by(ReviewEntry.id))]

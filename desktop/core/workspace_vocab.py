"""The ``Workspace``'s learner actions: word statuses by lemma, the vocabulary list, reviews
scheduled with FSRS, and exporting words and terms to Anki or CSV. A mixin of
``desktop.core.workspace.Workspace``, with its threading contract."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from desktop.core import vocabulary
from desktop.core.arabic import normalize
from desktop.core.atomic import atomic_write
from desktop.core.changes import Changes, Outcome
from desktop.core.errors import BadInputError
from desktop.core.lexicon.words import words
from desktop.core.names import romanize_name
from desktop.core.vocabulary import StudyItem, VocabEntry, WordInfo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from desktop.core.anki_deck import DeckNote
    from desktop.core.lexicon.analyzer import Lexicon
    from desktop.core.open_document import OpenDocument

VOCABULARY_FORMATS = ("apkg", "csv")


class VocabActions:
    """Learner actions; the state they use is the ``Workspace``'s."""

    factory: sessionmaker[Session]
    lexicon: Lexicon | None
    document: OpenDocument | None

    def ensure_lexicon(self) -> Lexicon:  # WordActions'
        raise NotImplementedError

    # -- words and their statuses --------------------------------------------------------------
    def word_key(self, word: str) -> str:
        """The key a word's status is kept under: its lemma's id, or the folded word itself
        ("=" + word) when the dictionary does not know it (a name, say)."""
        lexicon = self.lexicon
        first = lexicon.first(word) if lexicon is not None else None
        return first.lemma_id if first is not None and first.lemma_id else "=" + normalize(word)

    def word_info(self, word: str, context: str = "", document: str = "") -> WordInfo:
        lexicon = self.ensure_lexicon()
        first = lexicon.first(word)
        if first is not None and first.lemma_id:
            return WordInfo(first.lemma_id, first.lemma_arabic, word, first.gloss.split(";")[0].strip(),
                            first.romanized, context, document)
        return WordInfo("=" + normalize(word), word, word, "", romanize_name(word), context, document)

    def set_word_status(self, word: str, status: int, context: str = "",
                        document: str = "") -> Outcome[VocabEntry]:
        """Give a word (by its lemma) a status: 0 new, 1–4 learning, 5 known, 6 ignored."""
        if len(list(words(word))) != 1 or len(word.split()) != 1:
            raise BadInputError(f"“{word}” is not one Arabic word.")
        info = self.word_info(word, context, document)
        with self.factory.begin() as session:
            [entry] = vocabulary.set_status(session, [info], status)
        return Outcome(entry, Changes(vocabulary=True))

    def mark_known(self, found: Sequence[tuple[str, str]], document: str = "") -> Outcome[int]:
        """Mark the words that are still new as known (a page read through): ``found`` holds
        (word, its sentence). Words with a status keep it."""
        infos = [self.word_info(word, context, document) for word, context in found]
        with self.factory.begin() as session:
            changed = vocabulary.set_status(session, infos, vocabulary.KNOWN, only_new=True)
        return Outcome(len(changed), Changes(vocabulary=True) if changed else Changes())

    def word_statuses(self, text: str) -> dict[str, int]:
        """The status of every distinct Arabic word of ``text`` (any thread, once the lexicon
        is loaded): new unless stored otherwise."""
        keys = {word: self.word_key(word) for _s, _e, word in words(text)}
        with self.factory() as session:
            stored = vocabulary.statuses(session, keys.values())
        return {word: stored.get(key, vocabulary.NEW) for word, key in keys.items()}

    def known_share(self, text: str, statuses: dict[str, int] | None = None) -> tuple[int, int]:
        """(known words, all words) of ``text``, counting each occurrence; ignored words are
        left out of both. ``statuses``: ``word_statuses(text)`` when the caller has it."""
        statuses = self.word_statuses(text) if statuses is None else statuses
        known = total = 0
        for _s, _e, word in words(text):
            status = statuses[word]
            if status == vocabulary.IGNORED:
                continue
            total += 1
            known += status == vocabulary.KNOWN
        return known, total

    def vocabulary_list(self, status: Sequence[int] | None = None, query: str = "",
                        document: str = "") -> list[VocabEntry]:
        with self.factory() as session:
            return vocabulary.words(session, status, query, document)

    def vocabulary_counts(self) -> dict[int, int]:
        with self.factory() as session:
            return vocabulary.counts(session)

    # -- reviews --------------------------------------------------------------------------------
    def study_term(self, term_id: int, on: bool = True) -> Changes:
        """Mark a glossary term for study (it joins the reviews) or stop."""
        with self.factory.begin() as session:
            vocabulary.study_term(session, term_id, on)
        return Changes(vocabulary=True)

    def due_count(self, now: datetime | None = None) -> int:
        with self.factory() as session:
            return vocabulary.due_count(session, now)

    def due_reviews(self, now: datetime | None = None, limit: int = 200) -> list[StudyItem]:
        with self.factory() as session:
            return vocabulary.due_items(session, now, limit)

    def review_card(self, card_id: int, rating: int, now: datetime | None = None) -> Outcome[datetime]:
        """Rate a card 1 (Again) … 4 (Easy); the value is when it is due next."""
        with self.factory.begin() as session:
            due = vocabulary.review(session, card_id, rating, now)
        return Outcome(due, Changes(vocabulary=True))

    # -- export ---------------------------------------------------------------------------------
    def study_notes(self, include_terms: bool = True) -> list[DeckNote]:
        """Learning words and (with ``include_terms``) glossary terms marked for study."""
        from desktop.core.anki_deck import DeckNote  # genanki: only when a deck is made

        notes: list[DeckNote] = []
        with self.factory() as session:
            for e in vocabulary.words(session, vocabulary.LEARNING):
                notes.append(DeckNote("word", e.lemma_id, e.word, e.context, e.gloss,
                                      f"{e.lemma} · {e.gloss}", e.romanized))
            if include_terms:
                for _term_id, source, context, target, note in vocabulary.studied_terms(session):
                    # Keyed by the Arabic, not the id: ids are reused after deletes and differ
                    # between glossaries; an edited English updates the same Anki note.
                    notes.append(DeckNote("term", normalize(source), source, context, target, note,
                                          romanize_name(source)))
        return notes

    def export_vocabulary(self, path: Path, fmt: str | None = None, *, deck: str = "Tarjuman",
                          include_terms: bool = True) -> Outcome[int]:
        """Write learning words and study terms as an Anki deck or a CSV table; the value is
        how many notes (any thread)."""
        path = Path(path)
        fmt = (fmt or path.suffix.lstrip(".").lower() or "apkg")
        if fmt not in VOCABULARY_FORMATS:
            raise BadInputError(f"“{fmt}” is not a vocabulary format; use apkg or csv.")
        notes = self.study_notes(include_terms)
        if not notes:
            raise BadInputError("There is nothing to export yet: no word is learning and no "
                                "glossary term is marked for study.")
        if fmt == "apkg":
            from desktop.core.anki_deck import write_apkg

            return Outcome(write_apkg(notes, path, deck))
        with atomic_write(path, encoding="utf-8-sig") as out:
            writer = csv.writer(out)
            writer.writerow(["kind", "arabic", "english", "gloss", "romanized", "context"])
            for n in notes:
                writer.writerow([n.kind, n.arabic, n.english, n.gloss, n.romanized, n.context])
        return Outcome(len(notes))

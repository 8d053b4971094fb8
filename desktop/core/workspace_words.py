"""The ``Workspace``'s word actions: the lexicon (analyses and glosses of Arabic words),
romanising names and words, and the English a new glossary term starts with. A mixin of
``desktop.core.workspace.Workspace``, with its threading contract."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.lexicon.analyzer import Analysis, Lexicon
from desktop.core.lexicon.words import words
from desktop.core.names import romanize_name
from desktop.core.tasks import CancelToken, ProgressFn

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from desktop.core.glossary.store import TermRecord
    from desktop.core.open_document import OpenDocument
    from desktop.core.translation.engine import ArgosEngine

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Suggestion:
    """The English a captured term starts with, and where it came from: "glossary", "name",
    "translation", "lexicon" or "" (nothing to suggest)."""

    text: str
    source: str
    romanized: str = ""


#: Words that begin Arabic personal names: عبد اللطيف, أبو بكر, ابن رشد…
NAME_STARTS = frozenset({"عبد", "أبو", "ابو", "أبي", "ابي", "بن", "ابن", "بنت", "أم", "ام", "آل"})


def _is_name(span: str, analyses: list[Analysis | None]) -> bool:
    """A span to romanise as a person's name: it starts like one, or the dictionary knows
    none of its words (or only as proper nouns)."""
    first = next(iter(words(span)), None)
    if first is not None and first[2] in NAME_STARTS:
        return True
    return bool(analyses) and all(a is None or a.pos == "proper noun" for a in analyses)


class WordActions:
    """Word actions; the state they use is the ``Workspace``'s."""

    factory: sessionmaker[Session]
    engine: ArgosEngine | None
    document: OpenDocument | None
    lexicon: Lexicon | None

    def existing_terms(self, source: str) -> list[TermRecord]:  # GlossaryActions'
        raise NotImplementedError

    @staticmethod
    def load_lexicon(progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> Lexicon:
        """Open the lexicon, building its cache on first use (any thread; seconds then,
        milliseconds after)."""
        return Lexicon.open(progress, cancel)

    @staticmethod
    def prepare_names() -> None:
        """Make the name romaniser ready (any thread; its first use loads a names dictionary
        and ONNX Runtime in a process of its own: a few hundred milliseconds)."""
        romanize_name("محمد")

    def lexicon_loaded(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def ensure_lexicon(self) -> Lexicon:
        """The lexicon, opened now if it is not yet (blocking: for the CLI)."""
        if self.lexicon is None:
            self.lexicon = self.load_lexicon()
        return self.lexicon

    def search_terms(self, query: str = "") -> list[TermRecord]:  # GlossaryActions'
        raise NotImplementedError

    def terms_for_lemma(self, analysis: Analysis, limit: int = 20) -> list[TermRecord]:
        """Glossary entries with a word of the same lemma as ``analysis`` (its other forms
        included: the plural, the feminine, with clitics)."""
        lexicon = self.lexicon
        if lexicon is None or not analysis.lemma_id:
            return []
        found: dict[int, TermRecord] = {}
        for form in lexicon.lemma_entries(analysis.lemma_id)[:6]:
            for record in self.search_terms(form):
                if record.id in found:
                    continue
                lemmas = {a.lemma_id for _s, _e, w in words(record.source) for a in lexicon.analyze(w)[:4]}
                if analysis.lemma_id in lemmas:
                    found[record.id] = record
                    if len(found) >= limit:
                        return list(found.values())
        return list(found.values())

    def romanize(self, span: str) -> str:
        """A Latin spelling of an Arabic span (any thread): a name's usual spelling when the
        lexicon does not know its words as common words, else their vowelled forms."""
        analyses = self._analyses(span)
        if not analyses or any(a is None or a.pos == "proper noun" for a in analyses):
            return romanize_name(span)
        return " ".join(a.romanized for a in analyses if a is not None)

    def _analyses(self, span: str) -> list[Analysis | None]:
        lexicon = self.lexicon
        if lexicon is None:
            return []
        return [lexicon.first(word) for _s, _e, word in words(span)]

    def suggest_english(self, span: str) -> Suggestion:
        """What a new term's English starts as (any thread): the glossary's entry for the
        same Arabic; for a name (a word the lexicon does not know) its usual Latin spelling;
        else the machine translation of the span when a model is installed; else the
        lexicon's first sense of each word (a proper noun's is its English name)."""
        romanized = ""
        try:
            romanized = self.romanize(span)
        except Exception:  # the romaniser is a convenience: it never blocks a capture
            log.exception("romanising %r failed", span)
        existing = self.existing_terms(span)
        if existing:
            return Suggestion(existing[0].target, "glossary", romanized)
        analyses = self._analyses(span)
        if self.lexicon is not None and romanized and _is_name(span, analyses):
            return Suggestion(romanized, "name", romanized)
        engine = self.engine
        if engine is not None:
            text = engine.translate([span])[0] or ""
            if text:
                return Suggestion(text, "translation", romanized)
        # A word at a time: the dictionary's first sense, or a word it lacks romanised
        # ("المدير العام حموشي" → "director general Hammouchi").
        parts = [a.gloss.split(";")[0].strip() if a is not None else romanize_name(word)
                 for a, (_s, _e, word) in zip(analyses, words(span), strict=True)] if analyses else []
        if parts:
            return Suggestion(" ".join(parts), "lexicon", romanized)
        return Suggestion(romanized, "name" if romanized else "", romanized)

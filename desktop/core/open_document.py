"""The open document: its sentences, their translations and post-edits, the glossary terms
found in it and the reading position. Plain Python: the reading view only displays it, the
CLI and the tests use it without Qt.

Threading: an ``OpenDocument`` belongs to the thread that owns the ``Workspace`` (the GUI
thread in the window). Workers read a snapshot (``texts``, ``translations``) and hand their
results back to be applied there.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Sequence

from desktop.core.documents import Document
from desktop.core.glossary.check import missing_terms
from desktop.core.glossary.matcher import TermMatch
from desktop.core.segment import Sentence
from desktop.core.translation import memory


class RowMatch(NamedTuple):
    """A glossary match inside one sentence: ``sentence.text[start:end]``."""

    start: int
    end: int
    match: TermMatch


@dataclass
class OpenDocument:
    """One document as the reader sees it. ``translations[i]`` is sentence ``i``'s English
    (``None`` until translated); ``edited[i]`` marks the translator's own."""

    document: Document
    translations: list[str | None] = field(default_factory=list)
    edited: list[bool] = field(default_factory=list)
    #: The sentence the reader is on (-1: none yet); saved as the reading position.
    position: int = -1
    _matches: list[TermMatch] = field(default_factory=list)
    _by_row: dict[int, list[RowMatch]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        n = len(self.document.sentences)
        if not self.translations:
            self.translations = [None] * n
        if not self.edited:
            self.edited = [False] * n

    # -- the document ------------------------------------------------------------------------
    @property
    def sentences(self) -> list[Sentence]:
        return self.document.sentences

    @property
    def title(self) -> str:
        return self.document.title

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def text(self) -> str:
        return self.document.text

    def __len__(self) -> int:
        return len(self.document.sentences)

    def valid(self, row: int) -> bool:
        return 0 <= row < len(self.document.sentences)

    # -- translations ----------------------------------------------------------------------
    def missing_rows(self) -> list[int]:
        return [i for i, t in enumerate(self.translations) if t is None]

    def translated_count(self) -> int:
        return sum(t is not None for t in self.translations)

    def set_translations(self, rows: Sequence[int], targets: Sequence[str],
                         edited: Sequence[bool] | None = None) -> tuple[int, ...]:
        """Fill in or replace translations; returns the rows that changed."""
        marks = edited if edited is not None else [False] * len(rows)
        changed = []
        for row, target, is_edited in zip(rows, targets, marks, strict=True):
            if self.valid(row) and (self.translations[row], self.edited[row]) != (target, is_edited):
                self.translations[row] = target
                self.edited[row] = is_edited
                changed.append(row)
        return tuple(changed)

    def clear_translations(self, rows: Sequence[int]) -> tuple[int, ...]:
        """Forget these rows' English (until they are translated again)."""
        for row in rows:
            self.translations[row] = None
            self.edited[row] = False
        return tuple(rows)

    def same_sentence_rows(self, row: int) -> list[int]:
        """Every row holding the same sentence as ``row`` (the memory's key)."""
        key = memory.source_key(self.sentences[row].text)
        return [s.index for s in self.sentences if memory.source_key(s.text) == key]

    # -- glossary terms in the text --------------------------------------------------------
    def group_matches(self, matches: list[TermMatch]) -> dict[int, list[RowMatch]]:
        """The matches by the row (sentence) that holds them, as ``set_matches`` keeps them
        (any thread: the sentences never change; 5 MB of dense text has 350,000 matches,
        so this is not for the GUI thread). A match across two sentences belongs to none."""
        sentences = self.sentences
        starts = [s.start for s in sentences]
        by_row: dict[int, list[RowMatch]] = {}
        row, last = -1, -1
        for match in matches:
            if match.start < last:  # out of order: look the row up
                row = bisect_right(starts, match.start) - 1
            else:  # in order (as matching gives them): walk on
                while row + 1 < len(starts) and starts[row + 1] <= match.start:
                    row += 1
            last = match.start
            if row < 0:
                continue
            sentence = sentences[row]
            if match.end <= sentence.end:
                by_row.setdefault(row, []).append(
                    RowMatch(match.start - sentence.start, match.end - sentence.start, match))
        return by_row

    def set_matches(self, matches: list[TermMatch],
                    grouped: dict[int, list[RowMatch]] | None = None) -> None:
        """Use these glossary matches (offsets into ``text``), with ``grouped`` their
        ``group_matches`` when it was worked out on another thread."""
        self._by_row = self.group_matches(matches) if grouped is None else grouped
        self._matches = matches

    @property
    def matches(self) -> list[TermMatch]:
        return list(self._matches)

    def spans(self, row: int) -> list[RowMatch]:
        return list(self._by_row.get(row, ()))

    def matches_in(self, row: int) -> list[TermMatch]:
        return [m.match for m in self._by_row.get(row, ())]

    def rows_with_terms(self) -> list[int]:
        return sorted(self._by_row)

    def term_problems(self) -> list[tuple[int, list[TermMatch]]]:
        """Every sentence whose translation lacks the English of one of its terms."""
        problems = []
        for row in self.rows_with_terms():
            missing = missing_terms(self.translations[row], self.matches_in(row))
            if missing:
                problems.append((row, missing))
        return problems

    def occurrences(self, term_id: int) -> list[tuple[int, RowMatch]]:
        """Where a glossary term occurs: (row, match in that row), in document order."""
        return [(row, m) for row in self.rows_with_terms() for m in self._by_row[row]
                if m.match.term.id == term_id]

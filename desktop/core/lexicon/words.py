"""Arabic words in running text, with their offsets, and their first analyses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from desktop.core.lexicon.analyzer import Analysis, Lexicon

# What a word goes on with: Arabic letters with their marks and tatweel (for a class).
WORD_CHARS = "\u0621-\u065f\u0670-\u06d3\u06d5\u0640"
# A word starts with a letter and ends at anything but those.
WORD = re.compile(f"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5][{WORD_CHARS}]*")


@dataclass(frozen=True)
class WordGloss:
    """One word of a text: ``text[start:end]``, and its first analysis (None: unknown)."""

    start: int
    end: int
    word: str
    analysis: Analysis | None

    def as_json(self) -> dict[str, Any]:
        first = self.analysis.as_json() if self.analysis is not None else None
        return {"start": self.start, "end": self.end, "word": self.word, "analysis": first}


def words(text: str) -> Iterator[tuple[int, int, str]]:
    for match in WORD.finditer(text):
        yield match.start(), match.end(), match.group()


def iter_gloss(lexicon: Lexicon, text: str) -> Iterator[WordGloss]:
    """Every Arabic word of ``text`` with its first analysis, one at a time (a 20 MB
    document is never held twice in memory)."""
    for start, end, word in words(text):
        yield WordGloss(start, end, word, lexicon.first(word))


def gloss_text(lexicon: Lexicon, text: str) -> list[WordGloss]:
    """Every Arabic word of ``text`` with its first analysis (any thread)."""
    return list(iter_gloss(lexicon, text))

"""Cut text into paragraphs and sentences that keep exact character offsets.

Every ``Sentence`` satisfies ``text[s.start:s.end] == s.text`` for the text it was cut from,
which is the text after ``clean_text`` (BOM stripped, newlines normalised to ``\\n``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence-final punctuation: full stop, ! and ?, Arabic question mark, ellipsis, Urdu full stop.
TERMINATORS = frozenset(".!?\u061f\u2026\u06d4")
# Closing marks that belong to the sentence they follow ("… انتهى.” ثم").
CLOSERS = frozenset("\"'”’»)]}")
# Quote and bracket pairs whose contents are never split.
PAIRS = {"“": "”", "«": "»", '"': '"', "(": ")", "‘": "’"}
_MAX_PROTECTED = 600
_DIGITS = re.compile(r"\d")
_TERMINATOR = re.compile("[" + re.escape("".join(sorted(TERMINATORS))) + "]")
_TERMINATORS_AND_CLOSERS = re.compile("[" + re.escape("".join(sorted(TERMINATORS | CLOSERS))) + "]+")
_OPENER = re.compile("[" + re.escape("".join(sorted(PAIRS))) + "]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its position in the document and its exact text."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


def clean_text(raw: str) -> str:
    """Strip a leading BOM and turn CRLF and lone CR into ``\\n``."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def segment(text: str) -> list[Sentence]:
    """Split cleaned ``text`` into sentences.

    Paragraphs end at line breaks; blank lines only separate them. Sentences end after
    ``TERMINATORS`` (and any closing quotes that follow) when whitespace or the line end
    comes next, but never inside a number (``2.5``), inside quotes or brackets that close on
    the same line, after a single-letter abbreviation, or at a colon.
    """
    sentences: list[Sentence] = []
    paragraph = -1
    line_start = 0
    for line in text.split("\n"):
        if not line or line.isspace():  # a blank line (text of many: linear, and fast)
            line_start += len(line) + 1
            continue
        if _TERMINATOR.search(line) is None:  # no sentence ends inside: the line is one
            first = len(line) - len(line.lstrip())
            spans = [(first, len(line.rstrip()))]
        else:
            spans = _sentence_spans(line)
        if spans:
            paragraph += 1
            for start, end in spans:
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        paragraph=paragraph,
                        start=line_start + start,
                        end=line_start + end,
                        text=line[start:end],
                    )
                )
        line_start += len(line) + 1
    return sentences


def _sentence_spans(line: str) -> list[tuple[int, int]]:
    protected = _protected_ranges(line)
    boundaries = [0]
    n = len(line)
    i = 0
    # From one terminator to the next (found in C), not a character at a time.
    while (found := _TERMINATOR.search(line, i)) is not None:
        i = found.start()
        if _inside_number(line, i):
            i += 1
            continue
        j = _TERMINATORS_AND_CLOSERS.match(line, i).end()  # type: ignore[union-attr]
        # Inside quotes only a terminator right before the closing quote ends a sentence.
        closes = _protected_end(i, protected)
        if (
            (closes is None or closes < j)
            and (j == n or line[j].isspace())
            and not _after_abbreviation(line, i)
        ):
            boundaries.append(j)
        i = j
    boundaries.append(n)
    spans: list[tuple[int, int]] = []
    for a, b in zip(boundaries, boundaries[1:], strict=False):
        while a < b and line[a].isspace():
            a += 1
        while b > a and line[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def _protected_ranges(line: str) -> list[tuple[int, int]]:
    """Ranges (open, close) of quoted or bracketed spans that close on this line."""
    ranges: list[tuple[int, int]] = []
    i = 0
    n = len(line)
    while (found := _OPENER.search(line, i)) is not None:  # from one opener to the next
        i = found.start()
        j = line.find(PAIRS[line[i]], i + 1, min(n, i + 1 + _MAX_PROTECTED))
        if j != -1:
            ranges.append((i, j))
            i = j + 1
        else:
            i += 1
    return ranges


def _protected_end(i: int, ranges: list[tuple[int, int]]) -> int | None:
    """The closing position of the protected range containing ``i``, if any."""
    for a, b in ranges:
        if a < i < b:
            return b
    return None


def _inside_number(line: str, i: int) -> bool:
    return (
        line[i] in ".\u066b"
        and 0 < i < len(line) - 1
        and bool(_DIGITS.match(line[i - 1]))
        and bool(_DIGITS.match(line[i + 1]))
    )


def _after_abbreviation(line: str, i: int) -> bool:
    """A full stop after a lone letter, as in "U.S." or "د. أحمد", ends no sentence."""
    if line[i] != ".":
        return False
    return i >= 1 and line[i - 1].isalpha() and (i == 1 or not line[i - 2].isalpha())

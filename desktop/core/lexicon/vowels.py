"""Showing a text vowelled: the vowel marks of each word's first analysis, added to the
word's own letters (a reading aid; the letters and their order never change)."""

from __future__ import annotations

from desktop.core.arabic import normalize
from desktop.core.lexicon.analyzer import Lexicon
from desktop.core.lexicon.words import words

MARKS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670"}


def vowelize(word: str, vowelled: str) -> str:
    """``word`` with the marks of ``vowelled`` (an analysis of it) after its letters; the
    word as it is when it already has marks or the letters do not line up."""
    if any(c in MARKS or c == "\u0640" for c in word):
        return word
    letters: list[str] = []
    marks: list[str] = []
    for c in vowelled:
        if c in MARKS:
            if letters:
                marks[-1] += c
        else:
            letters.append(c)
            marks.append("")
    if len(letters) != len(word) or normalize("".join(letters)) != normalize(word):
        return word
    return "".join(c + m for c, m in zip(word, marks, strict=True))


def vowelled_text(lexicon: Lexicon, text: str) -> tuple[str, list[int]]:
    """``text`` with its known words vowelled, and where each offset of ``text`` went:
    ``mapping[i]`` is the display offset of ``text[i]`` (``len(text) + 1`` entries)."""
    out: list[str] = []
    mapping: list[int] = []
    position = 0
    shown = 0
    for start, end, word in words(text):
        for _ in range(position, start):
            mapping.append(shown)
            shown += 1
        out.append(text[position:start])
        first = lexicon.first(word)
        display = vowelize(word, first.vowelled) if first is not None else word
        out.append(display)
        for i, c in enumerate(display):  # each letter of the word, then its marks
            if c not in MARKS or display is word:
                if len(mapping) - start < len(word):
                    mapping.append(shown + i)
        shown += len(display)
        position = end
    for _ in range(position, len(text)):
        mapping.append(shown)
        shown += 1
    out.append(text[position:])
    mapping.append(shown)
    return "".join(out), mapping

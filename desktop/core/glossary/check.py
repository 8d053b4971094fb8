"""Term check: is each glossary term of a sentence rendered in its translation?"""

from __future__ import annotations

import re
from typing import Sequence

from desktop.core.glossary.matcher import TermMatch

_FINAL_PUNCTUATION = re.compile(r"([.!?…:;]+[\"'”’»)]*)\s*$")


def english_spans(translation: str, target: str) -> list[tuple[int, int]]:
    """Where ``target`` occurs in ``translation`` (ignoring case), as whole words."""
    if not target.strip() or not translation:
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(target.strip()) + r"(?!\w)", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(translation)]


def missing_terms(translation: str | None, matches: Sequence[TermMatch]) -> list[TermMatch]:
    """The matches whose English does not appear in ``translation`` (each term once)."""
    if translation is None:
        return []
    missing: list[TermMatch] = []
    seen: set[int] = set()
    for match in matches:
        if match.term.id in seen:
            continue
        seen.add(match.term.id)
        if not english_spans(translation, match.term.target):
            missing.append(match)
    return missing


def insert_term(translation: str, target: str) -> str:
    """``translation`` with the glossary English added, before the final punctuation, in
    parentheses so the translator sees what was inserted and can move it."""
    text = translation.rstrip()
    if not text:
        return target
    found = _FINAL_PUNCTUATION.search(text)
    if found:
        return f"{text[: found.start()]} ({target}){found.group(1)}"
    return f"{text} ({target})"

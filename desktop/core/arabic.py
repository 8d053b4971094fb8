"""Arabic text helpers: normalisation for matching and search."""

from __future__ import annotations

import re

# Harakat and other combining marks (U+064B–U+065F), superscript alef (U+0670), tatweel.
_STRIP = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans(
    {
        "\u0623": "\u0627",  # أ → ا
        "\u0625": "\u0627",  # إ → ا
        "\u0622": "\u0627",  # آ → ا
        "\u0671": "\u0627",  # ٱ → ا
        "\u0649": "\u064a",  # ى → ي
        "\u0629": "\u0647",  # ة → ه
    }
)
_SPACES = re.compile(r"\s+")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def normalize(text: str) -> str:
    """Fold Arabic spelling variants so that equal words compare equal.

    Drops harakat and tatweel, folds hamza-carrying alefs to bare alef, alef maqsura to ya and
    ta marbuta to ha, and collapses runs of whitespace; other characters are kept as they are.
    """
    return _SPACES.sub(" ", _STRIP.sub("", text).translate(_FOLD)).strip()


def search_key(text: str) -> str:
    """``normalize`` plus case folding, for case- and variant-insensitive search."""
    return normalize(text).casefold()


def has_arabic(text: str) -> bool:
    """True if ``text`` contains at least one Arabic-script character."""
    return _ARABIC_LETTER.search(text) is not None


def normalize_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()

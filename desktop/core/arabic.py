"""Arabic text helpers: normalisation for matching and search."""

from __future__ import annotations

import re
import unicodedata

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
_FOLD_PAIRS = tuple((chr(letter), folded) for letter, folded in _FOLD.items())
_SPACES = re.compile(r"\s+")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def standard_text(text: str) -> str:
    """Arabic as it should be stored and compared: Presentation Forms (contextual glyph codes
    some PDFs and old tools produce) as standard letters, and composed (NFC: a hamza typed
    as U+0654 after its seat becomes أ, ؤ, ئ…)."""
    if _PRESENTATION_FORMS.search(text):
        text = _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def normalize(text: str) -> str:
    """Fold Arabic spelling variants so that equal words compare equal.

    Composes the text (``standard_text``), drops harakat and tatweel, folds hamza-carrying
    alefs to bare alef, alef maqsura to ya and ta marbuta to ha, and collapses runs of
    whitespace; other characters are kept as they are.
    """
    if text.isascii():  # English: nothing to compose, strip or fold (a third of the time)
        return " ".join(text.split())
    text = _STRIP.sub("", standard_text(text))
    # str.replace for the six letters folded: str.translate looks every character up in a
    # dict, fifteen times slower (what opening a 5 MB document spends on its sentences).
    for letter, folded in _FOLD_PAIRS:
        if letter in text:
            text = text.replace(letter, folded)
    return " ".join(text.split())  # runs of whitespace as one space, none at the ends


def search_key(text: str) -> str:
    """``normalize`` plus case folding, for case- and variant-insensitive search."""
    return normalize(text).casefold()


def has_arabic(text: str) -> bool:
    """True if ``text`` contains at least one Arabic-script character."""
    return _ARABIC_LETTER.search(text) is not None


def normalize_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# Proclitics that end in the article (folded: أ/إ/آ are ا already): a glossary search for
# "الأمن" also finds "للأمن", "والأمن", "بالأمن".
_ARTICLE_PREFIXES = ("ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")


def bare_key(text: str) -> str:
    """``search_key`` with the article and the proclitics before it taken off every word
    (a word keeps at least two letters): what the glossary search compares besides the
    words as written."""
    return bare_of_key(search_key(text))


def bare_of_key(key: str) -> str:
    """``bare_key`` of a text whose ``search_key`` is ``key``: at the start of every word the
    first of ``_ARTICLE_PREFIXES`` that leaves two characters or more is taken off."""
    return _ARTICLE_AT_WORD_START.sub("", key) if "ل" in key else key


_ARTICLE_AT_WORD_START = re.compile(
    "(?:^|(?<= ))(?:" + "|".join(_ARTICLE_PREFIXES) + ")(?=[^ ][^ ])")

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


# Simplified ALA-LC without diacritics, for suggesting how a name might be written in English.
_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j",
    "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s",
    "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "ة": "a", "ء": "'", "ئ": "'", "ؤ": "'", "ى": "a", "پ": "p",
    "چ": "ch", "ڤ": "v", "گ": "g",
}
_VOWELS = set("aiu")


def transliterate(text: str) -> str:
    """A readable romanisation of an Arabic name (a suggestion for the translator to edit).

    و and ي between letters read as the long vowels u and i, the article is written "al-",
    a shadda doubles its letter, and a short a is guessed after a first consonant that is
    followed by another: حموشي → "Hamushi", عبد اللطيف → "Abd al-Latif".
    """
    words = []
    for word in normalize_spaces(text).split(" "):
        if not word:
            continue
        if not has_arabic(word):
            words.append(word)
            continue
        body = word
        prefix = ""
        if body.startswith("ال") and len(body) > 3:
            prefix, body = "al-", body[2:]
        out: list[str] = []
        letters = [c for c in body if not ("\u064b" <= c <= "\u0652" and c != "\u0651") and c != "\u0640"]
        for i, ch in enumerate(letters):
            if ch == "\u0651":  # shadda: double the previous consonant
                if out:
                    out.append(out[-1])
                continue
            if ch in "وي":
                inside = 0 < i
                roman = ("u" if ch == "و" else "i") if inside else ("w" if ch == "و" else "y")
                if inside and i + 1 < len(letters) and letters[i + 1] in "اوي":
                    roman = "w" if ch == "و" else "y"
                out.append(roman)
                continue
            # A word-initial ع reads as its vowel in simplified spelling: عبد → Abd.
            out.append("a" if ch == "ع" and i == 0 else _LETTERS.get(ch, ch))
        roman = "".join(out)
        # Guess the unwritten short vowel after a first consonant followed by a consonant.
        first = out[0] if out else ""
        if len(out) >= 2 and first and first[-1] not in _VOWELS and first != "'" \
                and out[1][:1] not in _VOWELS and out[1] != out[0]:
            roman = first + "a" + "".join(out[1:])
        roman = roman.lstrip("'")
        words.append(prefix + roman[:1].upper() + roman[1:])
    text_out = " ".join(words)
    return text_out[:1].upper() + text_out[1:]


def normalize_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()

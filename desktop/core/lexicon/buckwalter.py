"""Buckwalter transliteration (the lexicon's spelling) to Arabic script and to plain Latin."""

from __future__ import annotations

_PAIRS = (
    ("'", "\u0621"), ("|", "\u0622"), (">", "\u0623"), ("&", "\u0624"), ("<", "\u0625"),
    ("}", "\u0626"), ("A", "\u0627"), ("b", "\u0628"), ("p", "\u0629"), ("t", "\u062a"),
    ("v", "\u062b"), ("j", "\u062c"), ("H", "\u062d"), ("x", "\u062e"), ("d", "\u062f"),
    ("*", "\u0630"), ("r", "\u0631"), ("z", "\u0632"), ("s", "\u0633"), ("$", "\u0634"),
    ("S", "\u0635"), ("D", "\u0636"), ("T", "\u0637"), ("Z", "\u0638"), ("E", "\u0639"),
    ("g", "\u063a"), ("_", "\u0640"), ("f", "\u0641"), ("q", "\u0642"), ("k", "\u0643"),
    ("l", "\u0644"), ("m", "\u0645"), ("n", "\u0646"), ("h", "\u0647"), ("w", "\u0648"),
    ("Y", "\u0649"), ("y", "\u064a"), ("F", "\u064b"), ("N", "\u064c"), ("K", "\u064d"),
    ("a", "\u064e"), ("u", "\u064f"), ("i", "\u0650"), ("~", "\u0651"), ("o", "\u0652"),
    ("`", "\u0670"), ("{", "\u0671"), ("P", "\u067e"), ("J", "\u0686"), ("V", "\u06a4"),
    ("G", "\u06af"),
)
_TO_ARABIC = str.maketrans(dict(_PAIRS))
_FROM_ARABIC = str.maketrans({arabic: latin for latin, arabic in _PAIRS})
VOWEL_MARKS = frozenset("FNKauio~`")

# Plain Latin for reading aloud (not a scholarly transliteration): long vowels are written
# as one letter, hamza and ayn as an apostrophe except at the start of a word.
_LATIN = {
    "'": "'", "|": "a", ">": "'", "&": "'", "<": "'", "}": "'", "A": "a", "b": "b", "p": "a",
    "t": "t", "v": "th", "j": "j", "H": "h", "x": "kh", "d": "d", "*": "dh", "r": "r", "z": "z",
    "s": "s", "$": "sh", "S": "s", "D": "d", "T": "t", "Z": "z", "E": "'", "g": "gh", "_": "",
    "f": "f", "q": "q", "k": "k", "l": "l", "m": "m", "n": "n", "h": "h", "w": "w", "Y": "a",
    "y": "y", "F": "an", "N": "un", "K": "in", "a": "a", "u": "u", "i": "i", "o": "", "`": "a",
    "{": "", "P": "p", "J": "ch", "V": "v", "G": "g",
}


def to_arabic(buckwalter: str) -> str:
    return buckwalter.translate(_TO_ARABIC)


def from_arabic(arabic: str) -> str:
    return arabic.translate(_FROM_ARABIC)


def strip_vowels(buckwalter: str) -> str:
    return "".join(c for c in buckwalter if c not in VOWEL_MARKS)


def latin(vowelled: str) -> str:
    """A vowelled Buckwalter form as plain Latin: "maktab" for maktab, "mudir" for mudiyr,
    "kitab" for kitAb, "amniyya" for >amoniy~ap; a shadda doubles its consonant."""
    out: list[str] = []
    previous = ""
    for i, c in enumerate(vowelled):
        if c == "~":
            out.append(out[-1] if out and out[-1] not in "aiu" else "")
            continue
        piece = _LATIN.get(c, c)
        if i == 0 and c in "'><|&}E":
            piece = "a" if c == "|" else ""  # a hamza or ayn opening a word is not written
        # Long vowels: iy → i, uw → u, aA → a (the glide letter after its own short vowel).
        if (previous, c) in (("i", "y"), ("u", "w"), ("a", "A"), ("a", "Y"), ("a", "p")) and \
                (i + 1 == len(vowelled) or vowelled[i + 1] not in "aiuFNK~"):
            piece = ""
        out.append(piece)
        previous = c
    return "".join(out)

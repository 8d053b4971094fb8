"""Romanising Arabic personal names: arabic-name-romanizer (MIT; a names dictionary from
Wikidata and other sources, with a small ONNX model for names it has not seen), offline.

It gives the spelling a name is usually written with ("Abdellatif Hammouchi", "Nasser
Bourita"), which a letter-by-letter scheme cannot. The first call loads its data (about a
quarter of a second); later ones take well under a millisecond for known names.
"""

from __future__ import annotations

import threading

_lock = threading.Lock()


def romanize_name(arabic: str) -> str:
    """A person's name in its usual Latin spelling (any thread). Text that is not Arabic
    comes back as it is."""
    from arabic_name_romanizer import transliterate

    with _lock:  # one ONNX session and its caches, shared
        result = transliterate(arabic)
    return result if isinstance(result, str) else str(result)

"""Romanising Arabic personal names: arabic-name-romanizer (MIT; a names dictionary from
Wikidata and other sources, with a small ONNX model for names it has not seen), offline.

It gives the spelling a name is usually written with ("Abdellatif Hammouchi", "Nasser
Bourita"), which a letter-by-letter scheme cannot. The first call loads its data (about a
quarter of a second); later ones take well under a millisecond for known names.
"""

from __future__ import annotations

import atexit
import functools
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.lexicon.analyzer import Lexicon

_lock = threading.Lock()
_process: ProcessPoolExecutor | None = None


def _transliterate(arabic: str) -> str:
    from arabic_name_romanizer import transliterate

    result = transliterate(arabic)
    return result if isinstance(result, str) else str(result)


def use_worker_process() -> None:
    """Romanise in a process of its own from now on. The window does this: loading ONNX
    Runtime holds the interpreter lock for 50–150 ms, which would stall the GUI thread if
    it happened in a thread of the window's process. Calls then cost about a millisecond
    more."""
    global _process
    with _lock:
        if _process is None:
            _process = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            atexit.register(_process.shutdown, wait=False, cancel_futures=True)


@functools.lru_cache(maxsize=20_000)
def romanize_name(arabic: str) -> str:
    """A person's name in its usual Latin spelling (any thread). Text that is not Arabic
    comes back as it is. A name in the names dictionary takes under a millisecond; one the
    small model has to spell, 10–80 ms."""
    process = _process
    if process is not None:
        return process.submit(_transliterate, arabic).result(timeout=60)
    with _lock:  # one ONNX session and its caches, shared
        return _transliterate(arabic)


def romanize_term(arabic: str, category: str, lexicon: Lexicon | None) -> str:
    """A glossary term in Latin letters: a person's name as it is usually spelled; other
    terms from the lexicon's vowelled forms (fast), the name romaniser only for the words
    the lexicon does not know."""
    if category == "person" or lexicon is None:
        return romanize_name(arabic)
    from desktop.core.lexicon.words import words

    parts = []
    for _start, _end, word in words(arabic):
        first = lexicon.first(word)
        parts.append(first.romanized if first is not None else romanize_name(word))
    return " ".join(parts)

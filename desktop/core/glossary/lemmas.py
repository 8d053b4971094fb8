"""Lemma-aware term matching: a glossary term also matches the inflected forms of its words
(plural, dual, feminine, attached pronouns) through the lexicon's lemmas.

Each word of a term and of the text gets the lemma of its first analysis; a run of text
words whose lemmas equal a term's, word for word, with only spaces between them, is a lemma
match. Exact and clitic matches (``TermIndex``) come first: a lemma match is kept only where
none of them overlaps it. A word the lexicon does not know has no lemma, so a term with such
a word matches only by the usual rules.
"""

from __future__ import annotations

import heapq
import itertools
import re
import threading
from bisect import bisect_left
from collections import deque
from typing import Iterable, Iterator, cast

from desktop.core.glossary.matcher import IndexedTerm, TermMatch
from desktop.core.lexicon.analyzer import Analysis, Lexicon
from desktop.core.lexicon.words import words

Lemmas = tuple[str, ...]


_ONLY_WORDS = re.compile(r"[\s\u0621-\u065f\u0670-\u06d3\u06d5\u0640]+")


# Words analysed in one batch while indexing: the lexicon is locked meanwhile, and a word
# clicked in the reading view waits for it (about 50 ms for 1,000 words).
BATCH_WORDS = 1000


def lemmas_of(lexicon: Lexicon, text: str,
              analysed: dict[str, list[Analysis]] | None = None) -> Lemmas | None:
    """The first-analysis lemma of each word of ``text``; None when a word has none or the
    term holds anything but Arabic words (digits, Latin letters, punctuation: "عام 2020"
    must not match every form of عام). ``analysed``: analyses already looked up."""
    if not _ONLY_WORDS.fullmatch(text.strip()):
        return None
    found = []
    for _start, _end, word in words(text):
        readings = analysed.get(word) if analysed is not None else None
        first = (readings[0] if readings else None) if readings is not None else lexicon.first(word)
        if first is None or not first.lemma_id:
            return None
        found.append(first.lemma_id)
    return tuple(found) or None


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping ``spans``."""
    at = bisect_left(starts, end)  # spans starting at or after ``end`` cannot overlap
    return at > 0 and spans[at - 1][1] > start


class LemmaIndex:
    """Terms by the lemmas of their words. ``add`` and ``find`` may run on different
    threads."""

    def __init__(self, lexicon: Lexicon, terms: Iterable[IndexedTerm] = (),
                 previous: LemmaIndex | None = None) -> None:
        """Index ``terms``; the lemmas of a term whose Arabic is unchanged since
        ``previous`` was built are taken from it (analysing 20,000 terms anew takes
        seconds)."""
        self.lexicon = lexicon
        self._lock = threading.Lock()
        self._terms: dict[Lemmas, list[IndexedTerm]] = {}
        self._keys: dict[str, Lemmas | None] = dict(previous._keys) if previous is not None else {}
        self._longest = 0
        terms = list(terms)
        new = list(dict.fromkeys(t.source for t in terms if t.source not in self._keys
                                 and _ONLY_WORDS.fullmatch(t.source.strip())))
        for at in range(0, len(new), BATCH_WORDS):
            # The lexicon read for a thousand words at a time (one query a word otherwise).
            sources = new[at : at + BATCH_WORDS]
            analysed = lexicon.analyze_many(w for source in sources for _s, _e, w in words(source))
            for source in sources:
                self._keys[source] = lemmas_of(lexicon, source, analysed)
        for term in terms:
            self.add(term)

    def __len__(self) -> int:
        return sum(len(v) for v in self._terms.values())

    def add(self, term: IndexedTerm) -> None:
        if term.source in self._keys:
            key = self._keys[term.source]
        else:
            key = self._keys[term.source] = lemmas_of(self.lexicon, term.source)
        if key is None:
            return
        with self._lock:
            self._terms.setdefault(key, []).append(term)
            self._longest = max(self._longest, len(key))

    def find(self, text: str, taken: list[TermMatch]) -> list[TermMatch]:
        """Lemma matches in ``text`` that overlap none of the ``taken`` matches (ordered by
        start, as ``TermIndex.find`` gives them); merged with them, ordered by start.

        The words are read as a stream with a look-ahead of the longest term: 5 MB of text
        has a million words, which as a list took over 100 MB at once."""
        with self._lock:
            table, longest = dict(self._terms), self._longest
        if not table:
            return taken
        starts = {key[0] for key in table}  # the lemmas a term's first word can have
        busy = [(m.start, m.end) for m in taken]
        if any(a[0] > b[0] for a, b in itertools.pairwise(busy)):
            busy.sort()
        busy_starts = [a for a, _b in busy]
        lexicon = self.lexicon
        seen: dict[str, str | None] = {}  # a text repeats its words: each is looked up once

        def lemma(word: str) -> str | None:
            if word not in seen:
                first = lexicon.first(word)
                # Only a reading of the word as it is spelled (hamza forms included) counts.
                seen[word] = first.lemma_id if first is not None and first.lemma_id and first.exact else None
            return seen[word]

        def stream() -> Iterator[tuple[int, int, str, bool]]:
            """Each word with whether it starts inside a match already found (it then starts
            no other: each match would overlap that one)."""
            k = 0
            for start, end, word in words(text):
                while k < len(busy) and busy[k][1] <= start:
                    k += 1
                yield start, end, word, k < len(busy) and busy[k][0] <= start

        ahead: deque[tuple[int, int, str, bool]] = deque()
        upcoming = stream()

        def fill() -> None:
            while len(ahead) < longest:
                step = next(upcoming, None)
                if step is None:
                    return
                ahead.append(step)

        found: list[TermMatch] = []
        fill()
        while ahead:
            _s, _e, word, covered = ahead[0]
            if covered or lemma(word) not in starts:  # no term starts here (most words)
                ahead.popleft()
                fill()
                continue
            hit = None
            for size in range(min(longest, len(ahead)), 0, -1):
                window = [lemma(ahead[j][2]) for j in range(size)]
                if None in window:
                    continue
                key = cast(Lemmas, tuple(window))  # no None in it
                if key not in table:
                    continue
                start, end = ahead[0][0], ahead[size - 1][1]
                if any(not text[ahead[j][1] : ahead[j + 1][0]].isspace() for j in range(size - 1)):
                    continue  # punctuation between the words: not one phrase
                if _overlaps(busy, busy_starts, start, end):
                    continue
                hit = (size, TermMatch(start, end, text[start:end], table[key][0], False, True))
                break
            if hit is None:
                ahead.popleft()
            else:
                found.append(hit[1])
                for _ in range(hit[0]):
                    ahead.popleft()
            fill()
        if not found:
            return taken
        return list(heapq.merge(taken, found))

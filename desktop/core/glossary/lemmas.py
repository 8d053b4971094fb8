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

from desktop.core.glossary.lemma_cache import LemmaCache, Lemmas
from desktop.core.glossary.matcher import IndexedTerm, TermMatch
from desktop.core.lexicon.analyzer import Analysis, Lexicon
from desktop.core.lexicon.words import WORD, WORD_CHARS, words

_ONLY_WORDS = re.compile(rf"[\s{WORD_CHARS}]+")


# Terms whose words are analysed in one batch while indexing (the lexicon is read in a few
# queries for all of them).
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
        if analysed is not None and word in analysed:
            first = analysed[word][0] if analysed[word] else None
        else:
            first = lexicon.first(word)
        if first is None or not first.lemma_id:
            return None
        found.append(first.lemma_id)
    return tuple(found) or None


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping ``spans``."""
    at = bisect_left(starts, end)  # spans starting at or after ``end`` cannot overlap
    return at > 0 and spans[at - 1][1] > start


# Whether lemma matching skips the words inside exact matches (off only to test that this
# changes nothing).
SKIP_MATCHED = True
_LETTERS = re.compile(f"[{WORD_CHARS}]")


def _next_word_from(text: str, at: int) -> int:
    """Where to look for the next word of ``words(text)`` that starts at or after ``at``: ``at``
    itself, or, if ``at`` cuts a word that began before it, that word's end."""
    if at <= 0 or at >= len(text) or not (_LETTERS.match(text, at - 1) and _LETTERS.match(text, at)):
        return at
    run = at - 1
    while run > 0 and _LETTERS.match(text, run - 1):
        run -= 1
    word = WORD.search(text, run)
    return word.end() if word is not None and word.start() < at else at


class LemmaIndex:
    """Terms by the lemmas of their words. ``add`` and ``find`` may run on different
    threads."""

    def __init__(self, lexicon: Lexicon, terms: Iterable[IndexedTerm] = (),
                 previous: LemmaIndex | None = None, cache: LemmaCache | None = None) -> None:
        """Index ``terms``; the lemmas of a term whose Arabic is unchanged since
        ``previous`` was built are taken from it, else from ``cache`` (kept between runs),
        else worked out (and kept in ``cache``): analysing 100,000 terms anew takes seconds."""
        self.lexicon = lexicon
        self._lock = threading.Lock()
        self._terms: dict[Lemmas, list[IndexedTerm]] = {}
        self._keys: dict[str, Lemmas | None] = dict(previous._keys) if previous is not None else {}
        self._longest = 0
        terms = list(terms)
        new = list(dict.fromkeys(t.source for t in terms if t.source not in self._keys
                                 and _ONLY_WORDS.fullmatch(t.source.strip())))
        if cache is not None and new:  # analysed in an earlier run
            known = cache.get_many(new)
            self._keys.update(known)
            new = [source for source in new if source not in known]
        computed: dict[str, Lemmas | None] = {}
        for at in range(0, len(new), BATCH_WORDS):
            # The lexicon read for a thousand words at a time (one query a word otherwise).
            sources = new[at : at + BATCH_WORDS]
            analysed = lexicon.analyze_many(w for source in sources for _s, _e, w in words(source))
            for source in sources:
                computed[source] = lemmas_of(lexicon, source, analysed)
        self._keys.update(computed)
        if cache is not None:
            cache.put_many(computed)
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
            taken = sorted(taken)  # merged with the lemma matches below, in order
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
            no other: each match would overlap that one). Of the words inside a match only
            the first is given: every window holding it is refused, so the others would
            change nothing (dense text: most words are inside a match)."""
            k, n, pos = 0, len(busy), 0
            next_busy = busy[0][0] if busy else len(text) + 1
            while True:
                jump = None
                for found in WORD.finditer(text, pos):
                    start = found.start()
                    if start < next_busy:  # before the next match found already (most words)
                        yield start, found.end(), found.group(), False
                        continue
                    while k < n and busy[k][1] <= start:
                        k += 1
                    next_busy = busy[k][0] if k < n else len(text) + 1
                    if start < next_busy:
                        yield start, found.end(), found.group(), False
                        continue
                    end = found.end()
                    yield start, end, found.group(), True
                    if SKIP_MATCHED and busy[k][1] > end:
                        jump = _next_word_from(text, busy[k][1])
                        break
                if jump is None:
                    return
                pos = jump

        upcoming = stream()
        ahead: deque[tuple[int, int, str, bool]] = deque()  # read past a word that may start a term
        found: list[TermMatch] = []
        while (token := ahead.popleft() if ahead else next(upcoming, None)) is not None:
            word = token[2]
            if token[3] or (seen[word] if word in seen else lemma(word)) not in starts:
                continue  # no term starts here (most words)
            while len(ahead) < longest - 1 and (step := next(upcoming, None)) is not None:
                ahead.append(step)
            window_tokens = [token, *ahead]
            for size in range(min(longest, len(window_tokens)), 0, -1):
                window = [lemma(window_tokens[j][2]) for j in range(size)]
                if None in window:
                    continue
                key = cast(Lemmas, tuple(window))  # no None in it
                if key not in table:
                    continue
                start, end = token[0], window_tokens[size - 1][1]
                if any(not text[window_tokens[j][1] : window_tokens[j + 1][0]].isspace()
                       for j in range(size - 1)):
                    continue  # punctuation between the words: not one phrase
                if _overlaps(busy, busy_starts, start, end):
                    continue
                found.append(TermMatch(start, end, text[start:end], table[key][0], False, True))
                for _ in range(size - 1):  # the words of the match start no other
                    ahead.popleft()
                break
        if not found:
            return taken
        return list(heapq.merge(taken, found))

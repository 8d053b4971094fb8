"""Finding glossary terms in running Arabic text.

Text and terms are folded the way Lucene's ArabicNormalizer does it: harakat and tatweel
dropped, hamza-carrying alefs and alef wasla folded to bare alef, ى to ي, ة to ه, and
Arabic-Indic digits to ASCII. Latin letters are lower-cased and runs of whitespace become one
space. Every folded character remembers its offset in the original text, so a match is
reported on the original text exactly, diacritics included.

A term also matches a word that carries proclitics: و ف (conjunctions), then ب ك ل
(prepositions), then the article ال, where ل + ال is written لل. This only happens when what
is left is exactly the term, so وليد or بغداد are never cut unless ليد or غداد are
themselves terms. A term stored with its article also matches after لل ("للأمن" contains
"الأمن"). Matches end at a word boundary. Where matches overlap, the longest wins; between
equal spans, an exact (unfolded) match ranks first.

One Aho-Corasick automaton (pyahocorasick, in C) finds every folded term in a single pass.
Adding a term to a built index is cheap: the automaton is rebuilt over its existing trie.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import re
import threading
from array import array
from dataclasses import dataclass
from typing import Iterable, Iterator, NamedTuple, Sequence, TypeAlias

import ahocorasick

#: Where each folded character came from in the original text (see ``fold_with_map``).
Offsets: TypeAlias = "list[int] | array[int]"

# Dropped: harakat and Quranic annotation marks, superscript alef, tatweel.
DROPPED = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)]
)
_FOLD = {
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a", "\u0629": "\u0647",
}
_FOLD.update({chr(0x0660 + d): str(d) for d in range(10)})  # ٠١٢… Arabic-Indic digits
_FOLD.update({chr(0x06F0 + d): str(d) for d in range(10)})  # ۰۱۲… Extended (Persian) digits
# Python lower-cases a capital sigma by its context (ς at the end of a word): fold it to σ
# first, so that folding is the same character by character as for a whole text.
_FOLD["\u03a3"] = "\u03c3"

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
_ARTICLES = ("", "ال")


def _prefixes() -> dict[str, bool]:
    """Every proclitic sequence, folded, mapped to whether it contains the article."""
    found: dict[str, bool] = {}
    for conj, prep, art in itertools.product(_CONJUNCTIONS, _PREPOSITIONS, _ARTICLES):
        prefix = conj + (("لل" if prep == "ل" else prep + "ال") if art else prep)
        if prefix:
            found[prefix] = bool(art)
    return found


PREFIXES = _prefixes()
_LONGEST_PREFIX = max(len(p) for p in PREFIXES)


_SPACE_RUNS = re.compile(r"\s{2,}|[^\S ]")  # whitespace that is not already one plain space
_DROPPED_RE = re.compile("[" + "".join(sorted(DROPPED)) + "]+")


# Long texts are folded a slice at a time: each C string operation on a whole document holds
# the interpreter lock for milliseconds, during which the GUI thread cannot run.
SLICE = 16_384
COMPACT_FROM = 1_000_000  # characters


def fold_with_map(text: str) -> tuple[str, Offsets]:
    """Fold ``text``; ``offsets[i]`` is the original index of folded character ``i``.

    The offsets are a list (fastest to fill and read) up to ``COMPACT_FROM`` characters, and
    an array of machine integers beyond (8 bytes a character where a list of ints takes
    about 36: 5 MB of Arabic would need 100 MB)."""
    if len(text) <= SLICE:
        return _fold_piece(text)
    pieces: list[str] = []
    offsets: Offsets = array("q") if len(text) > COMPACT_FROM else []
    start = 0
    for end in _slice_ends(text):
        folded, piece_offsets = _fold_piece(text[start:end], start)
        pieces.append(folded)
        offsets.extend(piece_offsets)
        start = end
    return "".join(pieces), offsets


def _slice_ends(text: str) -> Iterator[int]:
    """Where to cut ``text`` into slices of about ``SLICE`` characters: between two Arabic
    letters, so that folding each slice alone gives the same result as folding the whole.
    Spaces and harakat are never next to the cut, and Arabic letters have no case, which
    stops the one context-dependent lower-casing rule (Greek final sigma) at the cut. A text
    without such a pair (no Arabic) is folded whole."""
    n = len(text)
    end = SLICE
    while end < n:
        while end < n and not (_plain(text[end - 1]) and _plain(text[end])):
            end += 1
        if end >= n:
            break
        yield end
        end += SLICE
    yield n


def _plain(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" and ch not in DROPPED


_FOLD_PAIRS = tuple(_FOLD.items())


def _drop_and_fold(text: str) -> str:
    """``text`` without ``DROPPED`` marks and with ``_FOLD`` applied. A translate table would
    do both, five times slower: str.translate looks every character up in a dict, where a
    regular expression drops the marks and str.replace folds each of the few letters there."""
    text = _DROPPED_RE.sub("", text)
    for letter, folded in _FOLD_PAIRS:
        if letter in text:
            text = text.replace(letter, folded)
    return text


def _fold_piece(text: str, base: int = 0) -> tuple[str, Offsets]:
    """Fold one slice of a text that starts at ``base`` in the whole (offsets are into the
    whole)."""
    # Fast path (C string methods), valid whenever lower-casing keeps the length.
    folded = _drop_and_fold(text)
    kept_length = len(folded)
    folded = folded.lower()
    if len(folded) == kept_length:
        offsets: Offsets = []
        last_kept = 0
        for run in _DROPPED_RE.finditer(text):
            offsets.extend(range(base + last_kept, base + run.start()))
            last_kept = run.end()
        offsets.extend(range(base + last_kept, base + len(text)))
        if not _SPACE_RUNS.search(folded):
            return folded, offsets
        pieces: list[str] = []
        new_offsets: Offsets = []
        last = 0
        for run in _SPACE_RUNS.finditer(folded):
            pieces.append(folded[last : run.start()])
            new_offsets.extend(offsets[last : run.start()])
            pieces.append(" ")
            new_offsets.append(offsets[run.start()])
            last = run.end()
        pieces.append(folded[last:])
        new_offsets.extend(offsets[last:])
        return "".join(pieces), new_offsets
    return _fold_slowly(text, base)


def _fold_slowly(text: str, base: int = 0) -> tuple[str, Offsets]:
    out: list[str] = []
    offsets: Offsets = []
    for i, ch in enumerate(text):
        if ch in DROPPED:
            continue
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            out.append(" ")
            offsets.append(base + i)
            continue
        for c in _FOLD.get(ch, ch).lower():
            out.append(c)
            offsets.append(base + i)
    return "".join(out), offsets


def fold(text: str) -> str:
    """The folded form of a term or query (no leading or trailing space)."""
    return fold_with_map(text)[0].strip()


_NON_WORD = re.compile(r"[\W_]")
_WORDS = re.compile(r"[^\W_]+")


def separate_words(folded: str) -> str:
    """``folded`` with every non-word character turned into a space (same length)."""
    if len(folded) <= SLICE:
        return _NON_WORD.sub(" ", folded)
    return "".join(_NON_WORD.sub(" ", folded[i : i + SLICE]) for i in range(0, len(folded), SLICE))


def term_key(source: str) -> str:
    """A term's matching key: its folded words joined by single spaces."""
    return " ".join(_WORDS.findall(fold(source)))


_NON_WORD_OR_LINE = re.compile(r"[^\w\n]|_")


def term_keys(sources: Sequence[str]) -> list[str]:
    """``term_key`` of many terms at once: each C string operation runs once over all of
    them (100,000 terms: a tenth of the time of one call per term). Words are what is left
    between non-word characters, so folding's whitespace rule does not matter here."""
    if not sources:
        return []
    joined = "\n".join(sources)
    if joined.count("\n") != len(sources) - 1:  # a term with a line break in it
        return [term_key(s) for s in sources]
    folded = _drop_and_fold(joined)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # lower-casing changed a length: fold one by one
        return [term_key(s) for s in sources]
    return [" ".join(words.split()) for words in _NON_WORD_OR_LINE.sub(" ", lowered).split("\n")]


def without_article(key: str) -> str | None:
    """A key without the article of its first word (which keeps at least a letter), as a
    term is written after لل, where the article's alef is not; None without an article."""
    return key[2:] if key.startswith("ال") and len(key) > 2 and key[2] != " " else None


def keys_in_reach(keys: Sequence[str], text: str) -> list[int]:
    """The positions in ``keys`` (``term_keys``) of the terms that may be found in ``text``:
    ``TermIndex`` over those terms alone finds in ``text`` exactly what it finds over all of
    them. A key is found where its first word ends a word of the folded text (a proclitic
    may come before it, or take the place of its ال after لل) and each of its other words
    is the next word of the text. Reading and indexing only these terms is the quick way
    to a big glossary's first highlights in a short document."""
    tokens = separate_words(fold_with_map(text)[0]).split()
    longest = _LONGEST_PREFIX

    def tails(token: str) -> Iterator[str]:
        return (token[i:] for i in range(min(len(token), longest + 1)))

    ends = {tail for token in set(tokens) for tail in tails(token)}
    pairs = set(zip(tokens, tokens[1:], strict=False))
    starts = {(tail, after) for token, after in pairs for tail in tails(token)}
    found = []
    for at, key in enumerate(keys):
        if not key:
            continue
        words = key.split(" ")
        first = words[0]
        bare = without_article(first)
        if len(words) == 1:
            if first in ends or bare in ends:
                found.append(at)
        elif ((first, words[1]) in starts or (bare, words[1]) in starts) \
                and all(pair in pairs for pair in zip(words[1:], words[2:], strict=False)):
            found.append(at)
    return found


@dataclass(frozen=True)
class IndexedTerm:
    """What the matcher needs of a glossary entry."""

    id: int
    source: str
    target: str
    category: str
    note: str = ""


class TermMatch(NamedTuple):
    """A term found in a text: ``text[start:end]`` of the original text."""

    start: int
    end: int
    text: str
    term: IndexedTerm
    exact: bool
    #: Found through the lemmas of its words (another inflected form), not its letters.
    lemma: bool = False

    def as_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "source": self.term.source, "target": self.term.target,
                "category": self.term.category, "lemma": self.lemma}


class _Entry(NamedTuple):
    term_index: int
    length: int
    needs_article: bool  # the key is the term without its ال, valid only after an article


class TermIndex:
    """An index of glossary terms for ``find``. Build it off the GUI thread for big glossaries.

    Keys live in Aho-Corasick automatons of at most about ``SHARD_KEYS`` keys: finalising an
    automaton is one C call that holds the interpreter lock (about 10 ms for 20,000 keys, 50
    ms for 100,000), so the GUI thread never waits for a long one. Keys added after
    construction go to a small automaton, rebuilt on each ``add``; once it holds ``MERGE_AT``
    keys it joins the last shard. So adding a term costs about a millisecond even with 100,000
    terms indexed.
    """

    SHARD_KEYS = 20_000
    MERGE_AT = 2000

    def __init__(self, terms: Iterable[IndexedTerm] = ()) -> None:
        # ``add`` (GUI thread) and ``find`` (workers) may run at the same time.
        self._lock = threading.Lock()
        self.terms: list[IndexedTerm] = []
        self._keys: dict[str, list[_Entry]] = {}
        self._shards: list[tuple[ahocorasick.Automaton, list[str]]] = []
        self._recent = ahocorasick.Automaton()
        self._recent_words: list[str] = []
        with no_gc():  # hundreds of thousands of lists and tuples, none in a cycle
            self._add_all(list(terms))
        self._seal()

    def _add_all(self, terms: list[IndexedTerm]) -> None:
        """``_add`` of every term, written out (for 100,000 terms)."""
        indexed, keys = self.terms, self._keys
        recent, recent_words = self._recent, self._recent_words
        for term, key in zip(terms, term_keys([t.source for t in terms]), strict=True):
            if not key:
                continue
            index = len(indexed)
            indexed.append(term)
            pairs = [(key, _Entry(index, len(key), False))]
            bare = without_article(key)
            if bare is not None:
                pairs.append((bare, _Entry(index, len(bare), True)))
            for k, entry in pairs:
                entries = keys.get(k)
                if entries is None:
                    entries = keys[k] = []
                    word = k + " "
                    recent.add_word(word, entries)
                    recent_words.append(word)
                entries.append(entry)
            if len(recent_words) >= self.SHARD_KEYS:
                self._seal()
                recent, recent_words = self._recent, self._recent_words

    def __len__(self) -> int:
        return len(self.terms)

    def add(self, term: IndexedTerm) -> None:
        """Add one term; it is found by the next ``find``. Thread-safe."""
        with self._lock:
            self._add(term)
            if len(self._recent_words) >= self.MERGE_AT:
                self._seal(merge=True)
            elif self._recent_words:
                self._recent.make_automaton()

    def _seal(self, merge: bool = False) -> None:
        """Finalise the recent keys as a shard (with ``merge``, into the last shard if it has
        room) and start an empty recent automaton."""
        words = self._recent_words
        if words:
            if merge and self._shards and len(self._shards[-1][1]) + len(words) <= self.SHARD_KEYS:
                words = self._shards.pop()[1] + words
                automaton = ahocorasick.Automaton()
                for word in words:
                    automaton.add_word(word, self._keys[word[:-1]])
            else:
                automaton = self._recent
            automaton.make_automaton()
            self._shards.append((automaton, words))
        self._recent = ahocorasick.Automaton()
        self._recent_words = []

    def _add(self, term: IndexedTerm, key: str | None = None) -> None:
        key = term_key(term.source) if key is None else key
        if not key:
            return
        index = len(self.terms)
        self.terms.append(term)
        self._add_key(key, _Entry(index, len(key), False))
        bare = without_article(key)
        if bare is not None:
            self._add_key(bare, _Entry(index, len(bare), True))

    def _add_key(self, key: str, entry: _Entry) -> None:
        entries = self._keys.get(key)
        if entries is None:
            entries = self._keys[key] = []
            # The trailing space makes the automaton report only matches that end a word.
            word = key + " "
            self._recent.add_word(word, entries)
            self._recent_words.append(word)
        entries.append(entry)  # a key already indexed shares this list with its automaton

    def find(self, text: str) -> list[TermMatch]:
        """Terms in ``text``, non-overlapping, ordered by start."""
        folded, offsets = fold_with_map(text)
        words = separate_words(folded)
        with self._lock, no_gc():
            return _choose(text, self.terms, self._spans(text, offsets, words))

    def _spans(self, text: str, offsets: Offsets, words: str) -> list[tuple[int, int, int]]:
        """``candidates`` as spans of the original text, ``(start, -end, term index)``, in
        one pass (the dense case has tens of thousands: each step here counts)."""
        spans: list[tuple[int, int, int]] = []
        if not self._keys:
            return spans
        append = spans.append
        prefixes, dropped, n = PREFIXES, DROPPED, len(text)
        longest = _LONGEST_PREFIX
        padded = words + " "
        automatons = [automaton for automaton, _words in self._shards]
        if self._recent_words:
            automatons.append(self._recent)
        for end, entries in itertools.chain.from_iterable(a.iter(padded) for a in automatons):
            first = entries[0]
            start = end - first.length
            if start == 0 or words[start - 1] == " ":
                prefix = ""
                article = False
            else:
                word_start = words.rfind(" ", max(0, start - longest - 1), start) + 1
                if word_start == 0 and start > longest:
                    continue
                prefix = words[word_start:start]
                found = prefixes.get(prefix)
                if found is None:
                    continue
                article = found
            b = offsets[end - 1] + 1
            while b < n and text[b] in dropped:  # trailing harakat belong to the word
                b += 1
            if len(entries) == 1 and not first.needs_article:
                append((offsets[start], -b, first.term_index))
                continue
            for entry in entries:
                if entry.needs_article:
                    # The key without its ال is needed only after لل (ل + ال), where the
                    # article is not written out: after any other proclitic ending in ال the
                    # whole key is found as well, with the same span.
                    if article and prefix.endswith("لل"):
                        append((offsets[start - 1], -b, entry.term_index))
                else:
                    append((offsets[start], -b, entry.term_index))
        return spans


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: matching allocates tens of thousands of tuples
    that hold no cycles, and collections triggered by them cost about a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _select(text: str, offsets: Offsets, terms: Sequence[IndexedTerm],
            found: Iterable[tuple[int, int, _Entry, str]]) -> list[TermMatch]:
    """Turn folded candidates into original-text spans and keep the winners of overlaps."""
    n = len(text)
    dropped = DROPPED
    spans: list[tuple[int, int, int]] = []  # (start, -end, term index)
    append = spans.append
    for start, end, entry, prefix in found:
        if entry.needs_article:  # include the article folded into the proclitics
            start -= 1 if prefix.endswith("لل") else 2
        b = offsets[end - 1] + 1
        while b < n and text[b] in dropped:  # trailing harakat belong to the word
            b += 1
        append((offsets[start], -b, entry.term_index))
    return _choose(text, terms, spans)


def _choose(text: str, terms: Sequence[IndexedTerm], spans: list[tuple[int, int, int]]) -> list[TermMatch]:
    """Keep the winners of overlapping spans ``(start, -end, term index)``; as matches in
    text order. Spans that overlap one another, directly or through a chain, form a cluster;
    clusters are disjoint, so each is settled alone (most are one span)."""
    spans.sort()
    result: list[TermMatch] = []
    append = result.append
    new = tuple.__new__  # TermMatch(...) without its Python-level __new__: 35,000 times
    cluster: list[tuple[int, int, int]] = []
    cluster_end = -1
    # A dense text repeats the same few hundred matched words: each kept once (350,000
    # matches in 5 MB: 25 MB less).
    texts: dict[str, str] = {}
    once = texts.setdefault
    for span in itertools.chain(spans, [(len(text) + 1, 0, -1)]):  # the sentinel closes the last cluster
        a = span[0]
        if a < cluster_end:
            cluster.append(span)
            if -span[1] > cluster_end:
                cluster_end = -span[1]
            continue
        if len(cluster) == 1:
            ka, kb, i = cluster[0]
            matched = text[ka:-kb]
            matched = once(matched, matched)
            term = terms[i]
            append(new(TermMatch, (ka, -kb, matched, term, matched == term.source, False)))
        elif cluster:
            for ka, kb, i in sorted(_resolve(text, terms, cluster)):
                matched = text[ka:-kb]
                matched = once(matched, matched)
                term = terms[i]
                append(new(TermMatch, (ka, -kb, matched, term, matched == term.source, False)))
        cluster = [span]
        cluster_end = -span[1]
    return result


def _rank(text: str, terms: Sequence[IndexedTerm], span: tuple[int, int, int]) -> tuple[int, bool, int, int]:
    """How a span ranks among those it overlaps (least first): longest, then exact (the text
    as the term is written), then leftmost, then the first term."""
    a, negative_b, i = span
    return (a + negative_b, text[a:-negative_b] != terms[i].source, a, i)


def _resolve(text: str, terms: Sequence[IndexedTerm],
             cluster: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Within overlapping spans: longest first, then exact, then leftmost, then first term."""
    ranked = sorted(cluster, key=lambda s: _rank(text, terms, s))
    kept: list[tuple[int, int, int]] = []
    for span in ranked:
        a, b = span[0], -span[1]
        if all(b <= ka or a >= -kb for ka, kb, _ in kept):
            kept.append(span)
    return kept


def find_naive(terms: Sequence[IndexedTerm], text: str) -> list[TermMatch]:
    """Reference implementation for tests: try every term at every word start and after
    every proclitic sequence, with plain string comparison."""
    folded, offsets = fold_with_map(text)
    words = separate_words(folded)
    keys: list[tuple[str, _Entry]] = []
    kept: list[IndexedTerm] = []
    for term in terms:
        key = term_key(term.source)
        if not key:
            continue
        kept.append(term)
        keys.append((key, _Entry(len(kept) - 1, len(key), False)))
        if key.startswith("ال") and len(key) > 2 and key[2] != " ":
            keys.append((key[2:], _Entry(len(kept) - 1, len(key) - 2, True)))
    found: list[tuple[int, int, _Entry, str]] = []
    n = len(words)
    for word_start in range(n):
        if words[word_start] == " " or (word_start > 0 and words[word_start - 1] != " "):
            continue
        for prefix, has_article in [("", False), *PREFIXES.items()]:
            if not words.startswith(prefix, word_start):
                continue
            start = word_start + len(prefix)
            for key, entry in keys:
                end = start + len(key)
                if not words.startswith(key, start) or (end < n and words[end] != " "):
                    continue
                if entry.needs_article and not has_article:
                    continue
                found.append((start, end, entry, prefix))
    return _select(text, offsets, kept, found)

"""Analysing Arabic words with the Buckwalter lexicon: Tarjuman's own implementation of the
algorithm the lexicon documents.

A word is split every possible way into prefix + stem + suffix (prefixes of up to 4 letters,
suffixes of up to 6); each split whose three parts are all in the dictionaries, and whose
categories are pairwise compatible (tables AB, AC and BC), is an analysis. Words are folded
as everywhere in Tarjuman (harakat, tatweel, hamza forms, ى/ي, ة/ه), so an undotted or
unvowelled spelling still finds its entries; analyses that match the word's own spelling
letter for letter come first.

Threading: a ``Lexicon`` may be used from any thread (lookups are serialised on one lock).
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from desktop.core.arabic import normalize
from desktop.core.errors import TarjumanError
from desktop.core.files import read_only_uri
from desktop.core.lexicon import cache
from desktop.core.lexicon.buckwalter import from_arabic, latin, strip_vowels, to_arabic
from desktop.core.lexicon.source import Entry
from desktop.core.tasks import CancelToken, ProgressFn

MAX_PREFIX, MAX_SUFFIX = 4, 6
# Stem keys looked up in one query (SQLite allows 32,766 parameters; a smaller IN list is
# planned as fast).
STEM_KEYS_PER_QUERY = 500
_NOT_LETTERS = re.compile("[^\u0621-\u064a\u0671]")
_HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
TAGS = {
    "ADJ": "adjective", "ADV": "adverb", "NOUN": "noun", "NOUN_PROP": "proper noun",
    "PREP": "preposition", "PRON": "pronoun", "CONJ": "conjunction", "DET": "article",
    "NEG_PART": "negative particle", "INTERROG_PART": "interrogative particle",
    "REL_PRON": "relative pronoun", "DEM_PRON": "demonstrative pronoun", "PART": "particle",
    "FUNC_WORD": "function word", "NUM": "number", "INTERJ": "interjection",
    "ABBREV": "abbreviation", "VERB_PERFECT": "verb (perfect)",
}


#: Prefix particles that the lexicon allows on many words but that rarely begin one: their
#: analyses come after the others.
RARE = frozenset({"EMPHATIC_PARTICLE", "RESULT_CLAUSE_PARTICLE", "INTERROG_PART"})


@dataclass(frozen=True)
class Morpheme:
    """One part of a word: "ال" (al, "the"), "أمن" (amn, "security")."""

    arabic: str  # without vowel marks
    vowelled: str  # Arabic with its vowel marks
    latin: str
    tag: str  # the lexicon's tag: DET, PREP, NOUN…


@dataclass(frozen=True)
class Analysis:
    """One reading of a word."""

    word: str
    vowelled: str  # the whole word in Arabic with vowel marks
    prefixes: tuple[Morpheme, ...]
    stem: Morpheme
    suffixes: tuple[Morpheme, ...]
    lemma: str  # Buckwalter, vowelled: "mudiyr"
    lemma_id: str  # "mudiyr_1"
    pos: str  # "noun", "verb (perfect)", …
    gloss: str  # the stem's senses: "director; manager; chief"
    prefix_gloss: str
    suffix_gloss: str
    exact: bool  # the word's letters are the entry's, hamza forms included

    @property
    def lemma_arabic(self) -> str:
        return to_arabic(self.lemma)

    @property
    def segmentation(self) -> str:
        """The parts in Arabic: "و + ال + أمن"."""
        return " + ".join(m.arabic for m in (*self.prefixes, self.stem, *self.suffixes) if m.arabic)

    @property
    def parts_latin(self) -> str:
        """The parts in Latin: "li + al + amn"."""
        return " + ".join(m.latin for m in (*self.prefixes, self.stem, *self.suffixes) if m.arabic)

    @property
    def romanized(self) -> str:
        """The whole word in plain Latin, from its vowelled form, clitics hyphenated:
        "maktab", "al-mudir", "wa-qala"."""
        body = self.stem.latin + "".join(m.latin for m in self.suffixes)
        return "-".join([*(m.latin for m in self.prefixes), body])

    def as_json(self) -> dict[str, Any]:
        return {
            "word": self.word, "vowelled": self.vowelled, "segmentation": self.segmentation,
            "parts": self.parts_latin, "romanized": self.romanized, "lemma": self.lemma,
            "lemma_id": self.lemma_id, "lemma_arabic": self.lemma_arabic, "pos": self.pos,
            "gloss": self.gloss, "prefix_gloss": self.prefix_gloss, "suffix_gloss": self.suffix_gloss,
        }


FUNCTION_TAGS = frozenset({"PREP", "CONJ", "SUB_CONJ", "PART", "NEG_PART", "FUNC_WORD", "REL_PRON",
                           "DEM_PRON", "PRON", "INTERROG_PART", "ADV", "FUT", "VERB_PART"})


def _rank(a: Analysis) -> tuple[bool, int, int, bool, bool]:
    """Readings that spell the word as written come first; then those without rare
    particles; then those with fewer affixes that have letters (a verb's subject vowel is
    not one); then not a clitic pseudo-lemma (li-); then function words (إلى before آلى)."""
    affixes = sum(1 for m in (*a.prefixes, *a.suffixes) if m.arabic)
    return (not a.exact, sum(m.tag in RARE for m in a.prefixes), affixes,
            a.lemma.endswith("-"), a.stem.tag not in FUNCTION_TAGS)


def _senses(gloss: str) -> str:
    return "; ".join(s.strip() for s in gloss.split(";") if s.strip())


def _morphemes(pos: str) -> tuple[Morpheme, ...]:
    """The parts named in an affix's <pos> tag: "wa/CONJ+bi/PREP+" → و, ب."""
    parts = []
    for piece in pos.split("+"):
        voc, _, tag = piece.strip().partition("/")
        if not voc or voc == "(null)" or not tag:
            continue
        parts.append(Morpheme(to_arabic(strip_vowels(voc)), to_arabic(voc), latin(voc), tag))
    return tuple(parts)


def _stem_pos(entry: Entry) -> tuple[str, str]:
    """(tag, readable part of speech) of a stem."""
    if "/" in entry.pos:
        tag = entry.pos.rsplit("/", 1)[1].strip()
    elif entry.category.startswith(("PV", "IV", "CV")):
        tag = {"PV": "VERB_PERFECT", "IV": "VERB_IMPERFECT", "CV": "VERB_IMPERATIVE"}[entry.category[:2]]
        if "_Pass" in entry.category:
            tag += "_PASSIVE"
    elif entry.category.startswith("F"):
        tag = "FUNC_WORD"
    elif entry.category.startswith("N") and entry.gloss[:1].isupper():
        tag = "NOUN_PROP"
    else:
        tag = "NOUN"
    readable = TAGS.get(tag) or tag.lower().replace("verb_imperfect", "verb (imperfect)") \
        .replace("verb_imperative", "verb (imperative)").replace("_passive", " (passive)") \
        .replace("verb_perfect", "verb (perfect)").replace("_", " ")
    return tag, readable


class LexiconDamaged(TarjumanError):
    """The lexicon cache could not be read (it is deleted, to be built again)."""


class Lexicon:
    """Word analyses from a lexicon cache (``Lexicon.open`` builds the cache if needed)."""

    CACHED_WORDS = 20_000

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()  # analyze holds it while _stems takes it again
        self._con = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
        self._prefixes: dict[str, list[Entry]] = {}
        self._suffixes: dict[str, list[Entry]] = {}
        for kind, k, bw, voc, cat, gloss, pos in self._con.execute(
                "SELECT kind, key, bw, voc, cat, gloss, pos FROM affixes ORDER BY kind, seq"):
            table = self._prefixes if kind == "p" else self._suffixes
            table.setdefault(k, []).append(Entry(bw, voc, cat, gloss, pos))
        self._compat: dict[str, set[tuple[str, str]]] = {"AB": set(), "AC": set(), "BC": set()}
        for tbl, a, b in self._con.execute("SELECT tbl, a, b FROM compat"):
            self._compat[tbl].add((a, b))
        self._words: OrderedDict[str, list[Analysis]] = OrderedDict()

    @classmethod
    def open(cls, progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> Lexicon:
        """The lexicon, its cache built first when needed (seconds, the first time). A cache
        that cannot be read is built again."""
        path = cache.ensure(progress, cancel)
        try:
            return cls(path)
        except sqlite3.DatabaseError:
            path.unlink(missing_ok=True)
            return cls(cache.ensure(progress, cancel))

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def _stems(self, keys: set[str]) -> dict[str, list[Entry]]:
        """The stems of the lexicon under each of ``keys`` (their unvowelled, folded form)."""
        found: dict[str, list[Entry]] = {}
        ordered = sorted(keys)
        try:
            for at in range(0, len(ordered), STEM_KEYS_PER_QUERY):
                chunk = ordered[at : at + STEM_KEYS_PER_QUERY]
                marks = ",".join("?" * len(chunk))
                with self._lock:  # one connection for all threads: one query at a time
                    rows = self._con.execute(
                        f"SELECT key, bw, voc, cat, gloss, pos, lemma FROM stems WHERE key IN ({marks}) "
                        "ORDER BY seq", chunk).fetchall()
                for k, bw, voc, cat, gloss, pos, lemma in rows:
                    found.setdefault(k, []).append(Entry(bw, voc, cat, gloss, pos, lemma))
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)  # the next start builds it again
            raise LexiconDamaged("The Arabic dictionary's cache was damaged; it is built again when "
                                 "Tarjuman next starts.") from None
        return found  # a key's stems all come from one query, in the lexicon's order

    def analyze(self, word: str) -> list[Analysis]:
        """Every analysis of ``word`` (its own spelling first); [] for non-Arabic or unknown
        words. About 0.1–0.5 ms a word; repeated words are answered from memory."""
        with self._lock:
            cached = self._words.get(word)
            if cached is not None:
                self._words.move_to_end(word)
                return cached
            result = self._analyze(word)
            self._remember(word, result)
            return result

    def analyze_many(self, words: Iterable[str]) -> dict[str, list[Analysis]]:
        """``analyze`` of many words at once: the lexicon is read in a few queries for all of
        them instead of one query a word (100,000 glossary terms: several times faster).

        The lock is held only to look at the words remembered and for each query, so that a
        word pointed at in the reading view is not kept waiting by a glossary's batch."""
        asked = list(dict.fromkeys(words))
        known: dict[str, list[Analysis]] = {}
        with self._lock:
            for word in asked:
                cached = self._words.get(word)
                if cached is not None:
                    known[word] = cached
        # The affix tables never change after opening: cutting words needs no lock.
        todo = {word: self._splits(word) for word in asked if word not in known}
        stems = self._stems({s for _w, _spelled, splits in todo.values() for _p, s, _x in splits})
        for word, (shown, spelled, splits) in todo.items():
            known[word] = self._compose(shown, spelled, splits, stems)
        with self._lock:
            for word in todo:
                self._remember(word, known[word])
        return {word: known[word] for word in asked}

    def _remember(self, word: str, analyses: list[Analysis]) -> None:
        self._words[word] = analyses
        if len(self._words) > self.CACHED_WORDS:
            self._words.popitem(last=False)

    def _analyze(self, word: str) -> list[Analysis]:
        shown, spelled, splits = self._splits(word)
        stems = self._stems({s for _, s, _ in splits}) if splits else {}
        return self._compose(shown, spelled, splits, stems)

    def _splits(self, word: str) -> tuple[str, str, list[tuple[str, str, str]]]:
        """The word as its analyses show it (presentation forms made standard letters), as
        Buckwalter spells it, and every way to cut its folded letters into a known prefix, a
        stem and a known suffix."""
        if _PRESENTATION.search(word):  # ﻣﻜﺘﺐ as some PDFs give it: the standard letters
            word = unicodedata.normalize("NFKC", word)
        plain = _NOT_LETTERS.sub("", _HARAKAT.sub("", word))
        folded = normalize(plain)
        if not folded:
            return word, "", []
        n = len(folded)
        splits = []
        for i in range(min(MAX_PREFIX, n - 1) + 1):
            if folded[:i] not in self._prefixes:
                continue
            for j in range(max(i + 1, n - MAX_SUFFIX), n + 1):
                if folded[j:] in self._suffixes:
                    splits.append((folded[:i], folded[i:j], folded[j:]))
        return word, from_arabic(plain), splits

    def _compose(self, word: str, spelled: str, splits: list[tuple[str, str, str]],
                 stems: dict[str, list[Entry]]) -> list[Analysis]:
        ab, ac, bc = self._compat["AB"], self._compat["AC"], self._compat["BC"]
        seen: set[tuple[str, ...]] = set()
        found: list[Analysis] = []
        for p_key, s_key, x_key in splits:
            for stem in stems.get(s_key, ()):
                for pre in self._prefixes[p_key]:
                    if (pre.category, stem.category) not in ab:
                        continue
                    for suf in self._suffixes[x_key]:
                        if (pre.category, suf.category) not in ac or (stem.category, suf.category) not in bc:
                            continue
                        identity = (pre.pos, stem.vowelled, stem.lemma_id, stem.gloss,
                                    "+".join(m.tag for m in _morphemes(suf.pos)))
                        if identity in seen:
                            continue
                        seen.add(identity)
                        found.append(self._analysis(word, pre, stem, suf, spelled))
        found.sort(key=_rank)
        return found

    @staticmethod
    def _analysis(word: str, pre: Entry, stem: Entry, suf: Entry, spelled: str) -> Analysis:
        _tag, readable = _stem_pos(stem)
        stem_part = Morpheme(to_arabic(stem.unvowelled), to_arabic(stem.vowelled), latin(stem.vowelled),
                             _tag)
        # "qAl-u_1": the lemma qAl (-u marks its imperfect vowel, _1 its sense); "li-_1" is a
        # clitic's own entry and keeps its dash.
        base = stem.lemma_id.rsplit("_", 1)[0] if stem.lemma_id else stem.vowelled
        lemma = base if base.endswith("-") else base.split("-")[0]
        return Analysis(
            word=word,
            vowelled=to_arabic(pre.vowelled + stem.vowelled + suf.vowelled),
            prefixes=_morphemes(pre.pos), stem=stem_part, suffixes=_morphemes(suf.pos),
            lemma=lemma, lemma_id=stem.lemma_id, pos=readable, gloss=_senses(stem.gloss),
            prefix_gloss=_senses(pre.gloss), suffix_gloss=_senses(suf.gloss),
            exact=pre.unvowelled + stem.unvowelled + suf.unvowelled == spelled,
        )

    def first(self, word: str) -> Analysis | None:
        found = self.analyze(word)
        return found[0] if found else None

    def lemma_entries(self, lemma_id: str) -> list[str]:
        """The unvowelled Arabic forms of a lemma's stems (to find its other spellings)."""
        with self._lock:
            rows = self._con.execute("SELECT DISTINCT bw FROM stems WHERE lemma = ? ORDER BY seq",
                                     (lemma_id,))
            return [to_arabic(bw) for (bw,) in rows]

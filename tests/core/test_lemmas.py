"""Lemma-aware matching: a term also matches other inflected forms of its words."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from desktop.core.glossary.check import missing_terms
from desktop.core.glossary.lemmas import LemmaIndex
from desktop.core.glossary.matcher import IndexedTerm, TermIndex
from desktop.core.lexicon.analyzer import Lexicon

TERMS = [IndexedTerm(1, "الأمني", "security", "other"), IndexedTerm(2, "المدير", "director", "title"),
         IndexedTerm(3, "الرباط", "Rabat", "place"), IndexedTerm(4, "حموشي", "Hammouchi", "person")]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.open()


class Counting:
    """The lexicon, noting in ``asked`` every word it is asked to analyse."""

    def __init__(self, lexicon: Lexicon, asked: list[str]) -> None:
        self.lexicon, self.asked = lexicon, asked

    def first(self, word: str) -> object:
        self.asked.append(word)
        return self.lexicon.first(word)

    def analyze_many(self, words: Iterable[str]) -> object:
        wanted = list(words)
        self.asked.extend(wanted)
        return self.lexicon.analyze_many(wanted)


def test_other_forms_match_through_the_lemma(lexicon: Lexicon) -> None:
    text = "التعاون الأمني والخبرة الأمنية للمديرين، وقال المدير في الرباط. والمدراء حموشيون"
    exact = TermIndex(TERMS).find(text)
    found = LemmaIndex(lexicon, TERMS).find(text, exact)
    got = [(m.start, m.text, m.term.id, m.lemma) for m in found]
    assert got == [
        (text.index("الأمني "), "الأمني", 1, False),
        (text.index("الأمنية"), "الأمنية", 1, True),  # feminine
        (text.index("للمديرين"), "للمديرين", 2, True),  # plural, with li + al
        (text.index("المدير "), "المدير", 2, False),
        (text.index("الرباط"), "الرباط", 3, False),
        (text.index("والمدراء"), "والمدراء", 2, True),  # broken plural, with wa + al
    ]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_exact_and_clitic_matches_come_first(lexicon: Lexicon) -> None:
    terms = [IndexedTerm(1, "المديرين", "the directors", "title"),
             IndexedTerm(2, "المدير", "director", "title")]
    text = "اجتمع المديرين"
    found = LemmaIndex(lexicon, terms).find(text, TermIndex(terms).find(text))
    assert [(m.term.id, m.lemma) for m in found] == [(1, False)]


def test_words_the_lexicon_lacks_match_by_the_usual_rules_only(lexicon: Lexicon) -> None:
    index = LemmaIndex(lexicon, TERMS)
    assert len(index) == 3  # حموشي has no lemma: not in the lemma index
    text = "وحموشي وحموشيون"
    found = index.find(text, TermIndex(TERMS).find(text))
    assert [(m.text, m.lemma) for m in found] == [("حموشي", False)]  # the clitic rule


def test_multi_word_terms_need_every_word_and_no_punctuation_between(lexicon: Lexicon) -> None:
    terms = [IndexedTerm(1, "المدير العام", "director general", "title")]
    index = LemmaIndex(lexicon, terms)
    assert [m.text for m in index.find("المديرين العامين", [])] == ["المديرين العامين"]
    assert index.find("المديرين، العامين", []) == []
    assert index.find("المديرين الجدد", []) == []


def test_the_term_check_counts_lemma_matches(lexicon: Lexicon) -> None:
    text = "الخبرة الأمنية"
    found = LemmaIndex(lexicon, TERMS).find(text, [])
    assert [m.term.target for m in missing_terms("The expertise.", found)] == ["security"]
    assert missing_terms("Security expertise.", found) == []


def test_terms_with_more_than_arabic_words_match_only_as_written(lexicon: Lexicon) -> None:
    terms = [IndexedTerm(1, "عام 2020", "year 2020", "other"), IndexedTerm(2, "F-16", "F-16", "other")]
    index = LemmaIndex(lexicon, terms)
    assert len(index) == 0
    assert index.find("القيادة العامة في العام الماضي", []) == []


def test_a_rebuilt_index_reuses_the_lemmas_of_unchanged_terms(lexicon: Lexicon) -> None:
    first = LemmaIndex(lexicon, TERMS)
    calls: list[str] = []
    again = LemmaIndex(Counting(lexicon, calls), TERMS + [IndexedTerm(9, "الأجهزة", "devices", "other")],  # type: ignore[arg-type]
                       previous=first)
    assert calls == ["الأجهزة"] and len(again) == 4


def test_skipping_the_words_of_exact_matches_changes_no_match(
        lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lemma matching jumps over the words inside exact matches (most of a dense text): the
    matches are those found when every word is looked at, with other forms of the terms
    right after exact matches, marks, tatweel, clitics and punctuation between them."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from desktop.core.glossary import lemmas
    from desktop.core.lexicon.words import words
    from tests.conftest import SAMPLE

    article = [w for _s, _e, w in words(SAMPLE.read_text(encoding="utf-8"))]
    always = ["الأمني", "المدير", "الجهاز", "مدير الأمن", "الأمن الوطني"]
    terms = article[:40:3]
    forms = ["الأمنية", "للمديرين", "والمدراء", "الأجهزة", "مديري الأمن", "الأمن الوطنية",
             "الأمني", "المدير", "الجهاز", "مدير الأمن", *article[:12]]
    between = st.sampled_from([" ", "  ", "، ", " و", "ـ ", "َ ", " ال", ". "])

    @settings(max_examples=80, deadline=None)
    @given(st.lists(st.tuples(st.sampled_from(forms), between), min_size=1, max_size=40),
           st.lists(st.sampled_from(terms), max_size=8))
    def check(pieces: list[tuple[str, str]], sources: list[str]) -> None:
        text = "".join(word + gap for word, gap in pieces)
        indexed = [IndexedTerm(i, s, f"t{i}", "other") for i, s in enumerate(dict.fromkeys(always + sources))]
        index, lemma_index = TermIndex(indexed), LemmaIndex(lexicon, indexed)
        exact = index.find(text)
        skipping = lemma_index.find(text, exact)
        monkeypatch.setattr(lemmas, "SKIP_MATCHED", False)
        every_word = lemma_index.find(text, exact)
        monkeypatch.setattr(lemmas, "SKIP_MATCHED", True)
        assert skipping == every_word

    check()
    # Words right after matches of two words (the ones jumped over), with every gap.
    indexed = [IndexedTerm(i, s, f"t{i}", "other") for i, s in enumerate(always)]
    index, lemma_index = TermIndex(indexed), LemmaIndex(lexicon, indexed)
    for gap in (" ", "  ", "، ", " و", ". "):
        text = gap.join(["مدير الأمن", "للمديرين", "الأمن الوطني", "الأجهزة", "مديري الأمن"])
        exact = index.find(text)
        skipping = lemma_index.find(text, exact)
        monkeypatch.setattr(lemmas, "SKIP_MATCHED", False)
        assert skipping == lemma_index.find(text, exact), gap
        monkeypatch.setattr(lemmas, "SKIP_MATCHED", True)
        assert any(m.lemma for m in skipping), gap  # forms of the terms after the matches


def test_the_lemmas_of_the_terms_are_kept_between_runs(lexicon: Lexicon, tmp_path: Path) -> None:
    """The next start reads the terms' lemmas from the cache instead of analysing them
    again, and finds the same; a damaged cache is replaced and changes nothing found."""
    from desktop.core.glossary.lemma_cache import LemmaCache

    asked: list[str] = []

    text = "التعاون الأمني والخبرة الأمنية للمديرين، وقال المدير في الرباط. والمدراء حموشيون"
    exact = TermIndex(TERMS).find(text)
    cache = LemmaCache(tmp_path / "lemmas.sqlite")
    first = LemmaIndex(Counting(lexicon, asked), TERMS, cache=cache)  # type: ignore[arg-type]
    assert asked and cache.path.exists()
    found = first.find(text, exact)
    assert any(m.lemma for m in found)
    asked.clear()
    again = LemmaIndex(Counting(lexicon, asked), TERMS, cache=cache)  # type: ignore[arg-type]
    assert asked == []  # nothing analysed again
    assert again.find(text, exact) == found and len(again) == len(first)
    cache.path.write_bytes(b"not a database at all" * 100)
    damaged = LemmaIndex(Counting(lexicon, asked), TERMS, cache=cache)  # type: ignore[arg-type]
    assert asked and damaged.find(text, exact) == found
    asked.clear()
    LemmaIndex(Counting(lexicon, asked), TERMS, cache=cache)  # type: ignore[arg-type]
    assert asked == []  # written again in place of the damaged file


def test_another_lexicon_has_its_own_cache_of_lemmas(tmp_path: Path) -> None:
    from desktop.core.glossary.lemma_cache import LemmaCache

    one = LemmaCache.beside(tmp_path / "lexicon-1-aaaa.sqlite")
    other = LemmaCache.beside(tmp_path / "lexicon-1-bbbb.sqlite")
    one.put_many({"المدير": ("mudiyr_1",), "2020": None})
    assert one.get_many(["المدير", "2020", "بغداد"]) == {"المدير": ("mudiyr_1",), "2020": None}
    assert other.get_many(["المدير"]) == {}

"""Term matching: a table of cases with exact offsets, and matcher == naive reference."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.glossary.matcher import IndexedTerm, TermIndex, find_naive, fold, fold_with_map

GLOSSARY = [
    IndexedTerm(1, "الأمن", "security", "other"),
    IndexedTerm(2, "مكتب التحقيقات الفيدرالي", "Federal Bureau of Investigation", "organization"),
    IndexedTerm(3, "مكتب", "office", "other"),
    IndexedTerm(4, "بغداد", "Baghdad", "place"),
    IndexedTerm(5, "حموشي", "Hammouchi", "person"),
    IndexedTerm(6, "وليد", "Walid", "person"),
    IndexedTerm(7, "مدرسة", "school", "place"),
    IndexedTerm(8, "مصطفى", "Mustafa", "person"),
    IndexedTerm(9, "الرباط", "Rabat", "place"),
    IndexedTerm(10, "إرهاب", "terrorism", "other"),
    IndexedTerm(11, "كتاب", "book", "other"),
    IndexedTerm(12, "عبد اللطيف حموشي", "Abdellatif Hammouchi", "person"),
    IndexedTerm(13, "مجموعة 25", "group 25", "other"),
    IndexedTerm(14, "FBI", "FBI", "organization"),
    IndexedTerm(15, "لبنان", "Lebanon", "place"),
    IndexedTerm(16, "أمن", "security (bare)", "other"),
    IndexedTerm(17, "الساحل", "the Sahel", "place"),
    IndexedTerm(18, "مَكتبُ", "office (vowelled entry)", "other"),
]
INDEX = TermIndex(GLOSSARY)

# (text, [(matched text, term id)]) – offsets are checked by locating the matched text.
CASES: list[tuple[str, list[tuple[str, int]]]] = [
    # plain and exact
    ("الأمن", [("الأمن", 1)]),
    ("حموشي", [("حموشي", 5)]),
    # conjunctions و ف
    ("والأمن", [("الأمن", 1)]),
    ("فالأمن", [("الأمن", 1)]),
    ("وحموشي", [("حموشي", 5)]),
    ("فحموشي", [("حموشي", 5)]),
    # prepositions ب ك ل
    ("بالأمن", [("الأمن", 1)]),
    ("كالأمن", [("الأمن", 1)]),
    ("لحموشي", [("حموشي", 5)]),
    ("بحموشي", [("حموشي", 5)]),
    ("كحموشي", [("حموشي", 5)]),
    # ل + ال = لل
    ("للأمن", [("لأمن", 1)]),
    ("وللأمن", [("لأمن", 1)]),
    ("فللأمن", [("لأمن", 1)]),
    ("للرباط", [("لرباط", 9)]),
    # combinations
    ("وبالأمن", [("الأمن", 1)]),
    ("فبحموشي", [("حموشي", 5)]),
    ("وكالأمن", [("الأمن", 1)]),
    # term without article matches the word with it
    ("الكتاب", [("كتاب", 11)]),
    ("والكتاب", [("كتاب", 11)]),
    ("بالكتاب", [("كتاب", 11)]),
    # diacritics and tatweel in the text, highlight includes them
    ("الأَمْنُ", [("الأَمْنُ", 1)]),
    ("حمـوشي", [("حمـوشي", 5)]),
    ("حَمُّوشِيّ", [("حَمُّوشِيّ", 5)]),
    # hamza forms, ة/ه, ى/ي
    ("ارهاب", [("ارهاب", 10)]),
    ("آرهاب", [("آرهاب", 10)]),
    ("مدرسه", [("مدرسه", 7)]),
    ("مصطفي", [("مصطفي", 8)]),
    ("الامن", [("الامن", 1)]),
    # digits: Arabic-Indic in the text, ASCII in the term
    ("مجموعة ٢٥", [("مجموعة ٢٥", 13)]),
    ("مجموعة 25", [("مجموعة 25", 13)]),
    # multi-word terms across runs of spaces, tatweel and diacritics
    ("مكتب   التحقيقات الفيدرالي", [("مكتب   التحقيقات الفيدرالي", 2)]),
    ("مكتبُ التحقيقاتِ ـ الفيدرالي", [("مكتبُ التحقيقاتِ ـ الفيدرالي", 2)]),
    ("عبد اللطيف حموشي", [("عبد اللطيف حموشي", 12)]),
    # overlap: longest wins
    ("مدير مكتب التحقيقات الفيدرالي", [("مكتب التحقيقات الفيدرالي", 2)]),
    ("واستقبل عبد اللطيف حموشي", [("عبد اللطيف حموشي", 12)]),
    # exact beats folded when two entries fold alike
    ("مَكتبُ", [("مَكتبُ", 18)]),
    ("مكتب", [("مكتب", 3)]),
    # names starting with clitic letters are never cut
    ("وليد", [("وليد", 6)]),
    ("بغداد", [("بغداد", 4)]),
    ("لبنان", [("لبنان", 15)]),
    ("ببغداد", [("بغداد", 4)]),
    # terms inside longer words must NOT match
    ("مكتبة", []),
    ("الحموشيين", []),
    ("كتابات", []),
    ("المكتبات", []),
    ("أمنية", []),
    ("مالأمن", []),  # م is not a proclitic
    ("ساحل", []),  # the article is required by the stored term and absent here
    # Latin terms, any case, word boundaries
    ("مدير الـFBI", [("FBI", 14)]),  # the article joined by tatweel, as in the seed article
    ("FBIs", []),
    ("مدير fbi الأمريكي", [("fbi", 14)]),
    # several in one text, ordered by start
    ("الأمن في الرباط وبغداد", [("الأمن", 1), ("الرباط", 9), ("بغداد", 4)]),
    # article-less stored term after لل, and bare term
    ("للساحل", [("لساحل", 17)]),
    ("أمن", [("أمن", 16)]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_matching_cases(text: str, expected: list[tuple[str, int]]) -> None:
    matches = INDEX.find(text)
    got = [(m.text, m.term.id) for m in matches]
    assert got == expected
    position = 0
    for m, (fragment, _) in zip(matches, expected, strict=True):
        start = text.index(fragment, position)
        assert (m.start, m.end) == (start, start + len(fragment))
        assert text[m.start : m.end] == m.text
        position = m.end
    assert find_naive(GLOSSARY, text) == matches


def test_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


def test_fold_keeps_a_map_to_the_original() -> None:
    text = "أَحْمَـد  ٢٠٢٠ FBI"
    folded, offsets = fold_with_map(text)
    assert folded == "احمد 2020 fbi"
    assert [text[i] for i in offsets[:4]] == ["أ", "ح", "م", "د"]
    assert fold("  إسلام   آمن ") == "اسلام امن"


def test_adding_a_term_is_found_at_once() -> None:
    index = TermIndex(GLOSSARY[:3])
    assert index.find("وبغداد") == []
    index.add(IndexedTerm(99, "بغداد", "Baghdad", "place"))
    assert [(m.text, m.term.id) for m in index.find("وبغداد")] == [("بغداد", 99)]


def test_empty_index_and_empty_text() -> None:
    assert TermIndex().find("الأمن") == []
    assert INDEX.find("") == []
    assert TermIndex([IndexedTerm(1, "ـــ", "x", "other")]).find("ـــ") == []


_LETTERS = list("ابتلمنوفكيهةىأإآلد") + ["ال", "لل", " ", "ـ", "َ", "ّ"]
_word = st.text(alphabet=st.sampled_from(list("ابتلمنوفكيهةىأإآد")), min_size=1, max_size=5)
_term = st.one_of(_word, st.builds(lambda a, b: f"{a} {b}", _word, _word),
                  st.builds(lambda a: "ال" + a, _word))


@settings(max_examples=300, deadline=None)
@given(st.lists(_term, min_size=1, max_size=12),
       st.lists(st.sampled_from(_LETTERS), max_size=60))
def test_matcher_equals_naive_reference(sources: list[str], pieces: list[str]) -> None:
    terms = [IndexedTerm(i, s, f"t{i}", "other") for i, s in enumerate(sources)]
    text = "".join(pieces)
    assert TermIndex(terms).find(text) == find_naive(terms, text)


@settings(max_examples=150, deadline=None)
@given(st.lists(_term, min_size=1, max_size=8), st.lists(_term, max_size=8),
       st.lists(st.sampled_from(["", "و", "ب", "ل", "ف", "ك", "وال", "لل", "بال"]), max_size=8))
def test_matcher_equals_naive_on_texts_made_of_terms(sources: list[str], words: list[str],
                                                     prefixes: list[str]) -> None:
    terms = [IndexedTerm(i, s, f"t{i}", "other") for i, s in enumerate(sources)]
    text = " ".join(p + w for p, w in zip(prefixes + [""] * len(words), words + sources, strict=False))
    assert TermIndex(terms).find(text) == find_naive(terms, text)


def test_many_additions_merge_into_the_last_shard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TermIndex, "MERGE_AT", 3)
    index = TermIndex(GLOSSARY[:2])
    names = ["بغداد", "وليد", "لبنان", "حموشي", "الرباط"]
    for i, name in enumerate(names):
        index.add(IndexedTerm(100 + i, name, name, "person"))
        text = " و".join(names[: i + 1])
        assert [m.term.id for m in index.find(text)] == list(range(100, 101 + i))
    assert len(index._recent_words) < 3  # merged at least once
    assert sum(len(words) for _, words in index._shards) + len(index._recent_words) == len(index._keys)


@settings(max_examples=150, deadline=None)
@given(st.lists(_term, min_size=1, max_size=14), st.lists(_term, max_size=6),
       st.lists(st.sampled_from(_LETTERS), max_size=60))
def test_sharded_index_finds_what_the_naive_reference_finds(built: list[str], added: list[str],
                                                            pieces: list[str]) -> None:
    """Keys are split over several small automatons (so that finalising one never holds the
    interpreter lock long); the matches are the same as with one."""
    from unittest import mock

    terms = [IndexedTerm(i, s, f"t{i}", "other") for i, s in enumerate(built + added)]
    text = "".join(pieces) + " " + " و".join(built + added)
    with mock.patch.object(TermIndex, "SHARD_KEYS", 3), mock.patch.object(TermIndex, "MERGE_AT", 2):
        index = TermIndex(terms[: len(built)])
        for term in terms[len(built) :]:
            index.add(term)
        assert all(len(words) <= 4 for _, words in index._shards)
        assert index.find(text) == find_naive(terms, text)


# Greek capital sigma lower-cases differently at the end of a word, and "'" is skipped by that
# rule: a cut must not change which form it gets.
_MIXED = st.text(alphabet=st.sampled_from(list("ابتلمنأإآـَُِّ  ٢0aZİßΣΛΟ'\n\t.،")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_MIXED, st.integers(min_value=1, max_value=9))
def test_long_texts_fold_in_slices_exactly_as_whole(text: str, size: int) -> None:
    """Documents are folded a slice at a time (so the GUI thread is never kept waiting for the
    interpreter lock); the result is the same as folding the text in one go."""
    from unittest import mock

    from desktop.core.glossary import matcher

    whole, whole_offsets = matcher._fold_piece(text)
    whole_words = matcher._NON_WORD.sub(" ", whole)
    terms = [IndexedTerm(1, "أمن", "security", "other"), IndexedTerm(2, "ابت لمن", "x", "other"),
             IndexedTerm(3, "ΛΟΓΟΣ", "logos", "other")]
    expected = find_naive(terms, text)  # texts this short are never sliced
    with mock.patch.object(matcher, "SLICE", size):
        assert fold_with_map(text) == (whole, whole_offsets)
        assert matcher.separate_words(whole) == whole_words
        assert TermIndex(terms).find(text) == expected


def test_a_document_is_folded_in_slices() -> None:
    from unittest import mock

    from desktop.core.glossary import matcher

    text = " ".join(["الأمن"] * 20_000)  # 120,000 characters
    with mock.patch.object(matcher, "_fold_piece", wraps=matcher._fold_piece) as piece:
        folded, offsets = fold_with_map(text)
    assert piece.call_count >= len(text) // matcher.SLICE
    assert max(len(c.args[0]) for c in piece.call_args_list) < matcher.SLICE + 10
    assert folded == " ".join(["الامن"] * 20_000) and len(offsets) == len(folded)


# Characters where folding and normalising differ from a plain copy: harakat, tatweel,
# hamza seats, ى and ة, both kinds of Arabic digits, capital sigma, Unicode whitespace.
_TRICKY = st.text(st.sampled_from(
    list("أإآٱىةاب ـًٌٍَُِّْٰۖۗ٠١۹ΣσaZ\t\n\r\x0b\x0c\x1c\x85\xa0\u2000\u2028\u3000\u200b") + ["\ufe8d", "ﻻ"]),
    max_size=40)


@given(_TRICKY)
@settings(max_examples=500)
def test_fast_folding_is_the_translate_table(text: str) -> None:
    """The replace-based folding gives what one str.translate table of the same rules gives."""
    from desktop.core.glossary import matcher

    table = str.maketrans({**matcher._FOLD, **{c: None for c in matcher.DROPPED}})
    assert matcher._drop_and_fold(text) == text.translate(table)


@given(_TRICKY)
@settings(max_examples=500)
def test_fast_normalize_is_the_plain_definition(text: str) -> None:
    """``normalize`` as its docstring defines it, written the slow way."""
    import re

    from desktop.core import arabic

    plain = re.sub(r"\s+", " ", re.sub("[\u064b-\u065f\u0670\u0640]", "", arabic.standard_text(text))
                   .translate(str.maketrans(arabic._FOLD))).strip()
    assert arabic.normalize(text) == plain


def test_matches_are_grouped_by_sentence_in_any_order() -> None:
    """Matches go to the sentence that holds them, whatever order they come in."""
    import random

    from desktop.core.documents import document_from_text
    from desktop.core.open_document import OpenDocument

    doc = OpenDocument(document_from_text("زار حموشي الرباط. ثم غادر الرباط إلى حموشي.\nالرباط جميلة."))
    index = TermIndex([IndexedTerm(1, "الرباط", "Rabat", "place"),
                       IndexedTerm(2, "حموشي", "Hammouchi", "person")])
    matches = index.find(doc.text)
    grouped = doc.group_matches(matches)
    shuffled = list(matches)
    random.Random(1).shuffle(shuffled)
    again = doc.group_matches(shuffled)
    assert {r: sorted(v) for r, v in again.items()} == grouped
    assert sorted(grouped) == [0, 1, 2]
    assert [m.match.term.target for m in grouped[0]] == ["Hammouchi", "Rabat"]
    assert [m.match.term.target for m in grouped[1]] == ["Rabat", "Hammouchi"]
    for row, spans in grouped.items():
        sentence = doc.sentences[row]
        assert all(sentence.text[m.start:m.end] == m.match.text for m in spans)
    doc.set_matches(matches, grouped)
    assert doc.rows_with_terms() == [0, 1, 2] and doc.matches == matches


_words3 = st.builds(lambda a, b, c: f"{a} {b} {c}", _word, _word, _word)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_term, _words3), min_size=1, max_size=14), st.lists(_term, max_size=8),
       st.lists(st.sampled_from(["", "و", "ب", "ل", "ف", "ك", "وال", "لل", "بال", "ـ", "َ"]), max_size=8),
       st.lists(st.sampled_from(_LETTERS + ["،", ".", "  "]), max_size=40))
def test_the_terms_in_reach_of_a_text_find_all_it_holds(sources: list[str], words: list[str],
                                                        prefixes: list[str], pieces: list[str]) -> None:
    """A big glossary's first highlights index only the terms ``keys_in_reach`` picks: they
    find in the text exactly what the whole glossary finds."""
    from desktop.core.glossary.matcher import keys_in_reach, term_keys

    terms = [IndexedTerm(i, s, f"t{i}", "other") for i, s in enumerate(sources)]
    text = " ".join(p + w for p, w in zip(prefixes + [""] * len(words), words + sources[::2], strict=False))
    text += "".join(pieces) + " ".join("لل" + s[2:] for s in sources[1::2] if s.startswith("ال"))
    reach = keys_in_reach(term_keys(sources), text)
    assert TermIndex([terms[i] for i in reach]).find(text) == TermIndex(terms).find(text)
    found = {m.term.id for m in TermIndex(terms).find(text)}
    assert found <= set(reach)


def test_terms_out_of_reach_are_left_out() -> None:
    from desktop.core.glossary.matcher import keys_in_reach, term_keys

    sources = ["الأمن الوطني", "الوطني", "بغداد", "الأمن", "مديرية الأمن الوطني", "الأمن العام"]
    text = "قال مدير للأمن الوطني في بغداد"
    # لل + أمن: the article's place taken; "العام" and "مديرية" are not in the text.
    assert [sources[i] for i in keys_in_reach(term_keys(sources), text)] == [
        "الأمن الوطني", "الوطني", "بغداد", "الأمن"]

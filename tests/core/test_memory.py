from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.documents import document_from_text
from desktop.core.errors import Cancelled
from desktop.core.tasks import CancelToken
from desktop.core.translation import memory
from desktop.core.translation.engine import ArgosEngine, EngineSettings
from desktop.core.translation.service import Translated, translate_sentences
from desktop.core.workspace_glossary import open_glossary


class CallCounter:
    """Wraps an engine's CTranslate2 translator and counts translate_batch calls."""

    def __init__(self, engine: ArgosEngine) -> None:
        self.inner = engine._load_locked()
        self.calls = 0
        self.sentences = 0
        engine._translator = self

    def translate_batch(self, batch: list[list[str]], **kwargs: object) -> object:
        self.calls += 1
        self.sentences += len(batch)
        return self.inner.translate_batch(batch, **kwargs)


def test_second_translation_makes_no_model_calls(installed_model: Path, glossary_db: str,
                                                 sample_text: str) -> None:
    factory = open_glossary(glossary_db)
    engine = ArgosEngine.load()
    counter = CallCounter(engine)
    texts = [s.text for s in document_from_text(sample_text).sentences]
    first = translate_sentences(texts, engine, factory)
    assert counter.calls > 0 and all(r is not None and not r.from_memory for r in first)
    calls_after_first = counter.calls
    delivered: list[Translated] = []
    second = translate_sentences(texts, engine, factory, on_results=delivered.extend)
    assert counter.calls == calls_after_first  # zero model calls
    assert [r.target for r in second if r] == [r.target for r in first if r]
    assert all(r is not None and r.from_memory for r in second)
    assert sorted(r.index for r in delivered) == list(range(len(texts)))


def test_only_new_sentences_reach_the_model(installed_model: Path, glossary_db: str) -> None:
    factory = open_glossary(glossary_db)
    engine = ArgosEngine.load()
    counter = CallCounter(engine)
    translate_sentences(["الرباط عاصمة المغرب.", "نجح التنسيق."], engine, factory)
    before = counter.sentences
    # Same sentences (one with harakat added), one new one, one repeated twice.
    results = translate_sentences(
        ["الرِّباط عاصمة المغرب.", "جملة جديدة تماما.", "نجح التنسيق.", "جملة جديدة تماما."],
        engine, factory)
    assert counter.sentences - before == 1
    assert results[1] is not None and results[3] is not None and results[1].target == results[3].target


def test_without_database_nothing_is_stored(installed_model: Path, db_path: Path) -> None:
    engine = ArgosEngine.load()
    counter = CallCounter(engine)
    translate_sentences(["الرباط عاصمة المغرب."], engine, None)
    translate_sentences(["الرباط عاصمة المغرب."], engine, None)
    assert counter.calls == 2


def test_post_edit_wins_everywhere_and_revert_restores(installed_model: Path, glossary_db: str) -> None:
    factory = open_glossary(glossary_db)
    engine = ArgosEngine.load()
    sentence = "واستقبل عبد اللطيف حموشي مدير مكتب التحقيقات."
    [machine] = translate_sentences([sentence], engine, factory)
    assert machine is not None
    with factory.begin() as s:
        memory.set_edit(s, sentence, "Abdellatif Hammouchi received the FBI director.")
    # Another document with the same sentence (plus harakat) gets the edit, marked as edited.
    results = translate_sentences(["جملة أخرى.", "واستقبلَ عبد اللطيف حموشي مدير مكتب التحقيقات."],
                                  engine, factory)
    assert results[1] == Translated(1, "Abdellatif Hammouchi received the FBI director.", True, True)
    with factory.begin() as s:
        assert memory.clear_edit(s, sentence)
        assert not memory.clear_edit(s, sentence)
        assert memory.machine_translation(s, engine.model_id, sentence) == machine.target
    [again] = translate_sentences([sentence], engine, factory)
    assert again is not None and again.target == machine.target and not again.edited


def test_edits_show_even_without_a_model(glossary_db: str) -> None:
    factory = open_glossary(glossary_db)
    with factory.begin() as s:
        memory.set_edit(s, "الرباط.", "Rabat.")
    results = translate_sentences(["الرباط.", "المغرب."], None, factory)
    assert results == [Translated(0, "Rabat.", True, True), None]


def test_cancel_keeps_finished_batches_in_memory(installed_model: Path, glossary_db: str,
                                                 sample_text: str) -> None:
    factory = open_glossary(glossary_db)
    engine = ArgosEngine.load(settings=EngineSettings(batch_tokens=48))
    texts = [s.text for s in document_from_text(sample_text).sentences]
    token = CancelToken()
    delivered: list[Translated] = []

    def on_results(items: list[Translated]) -> None:
        delivered.extend(items)
        token.cancel()

    with pytest.raises(Cancelled):
        translate_sentences(texts, engine, factory, on_results=on_results, cancel=token)
    assert 0 < len(delivered) < len(texts)
    with factory() as s:
        known = memory.lookup(s, engine.model_id, texts)
    assert {i for i, k in enumerate(known) if k is not None} == {d.index for d in delivered}


def test_n_best_alternatives(installed_model: Path) -> None:
    engine = ArgosEngine.load()
    [hyps] = engine.translate_hypotheses(["نجح التنسيق الأمريكي المغربي."], num_hypotheses=4)
    assert len(hyps) == 4 and all(isinstance(h, str) for h in hyps)


def test_document_position(glossary_db: str) -> None:
    factory = open_glossary(glossary_db)
    with factory.begin() as s:
        assert memory.document_position(s, "/x/a.txt") is None
        memory.save_document_position(s, "/x/a.txt", "a.txt", 7, 20)
        memory.save_document_position(s, "/x/a.txt", "a.txt", 9, 20)
    with factory() as s:
        assert memory.document_position(s, "/x/a.txt") == 9

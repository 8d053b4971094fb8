"""Learners' vocabulary without Qt: statuses by lemma, FSRS reviews, Anki decks read back by
the real Anki library."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

import pytest

from desktop.core import vocabulary
from desktop.core.errors import BadInputError
from desktop.core.workspace import Workspace

SENTENCE = "استقبل المدير العام وفدا في الرباط"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "glossary.db")
    workspace.ensure_lexicon()
    yield workspace
    workspace.close()


def test_a_status_is_kept_by_lemma_with_where_it_was_first_seen(ws: Workspace) -> None:
    entry = ws.set_word_status("المدير", 2, SENTENCE, "article.txt").value
    assert (entry.lemma_id, entry.lemma, entry.word, entry.gloss, entry.status_name) == \
        ("mudiyr_1", "مُدِير", "المدير", "director", "learning 2")
    assert (entry.context, entry.document) == (SENTENCE, "article.txt")
    # Another form of the same word shares the status; its first sighting stays.
    assert ws.word_statuses("للمديرين المدير الرباط") == {"للمديرين": 2, "المدير": 2, "الرباط": 0}
    again = ws.set_word_status("المديرين", 5, "another sentence").value
    assert again.status == vocabulary.KNOWN and again.context == SENTENCE and again.word == "المدير"
    with pytest.raises(BadInputError):
        ws.set_word_status("FBI", 1)
    with pytest.raises(BadInputError):
        ws.set_word_status("المدير", 9)


def test_names_the_dictionary_lacks_have_a_status_too(ws: Workspace) -> None:
    entry = ws.set_word_status("حموشي", 6).value
    assert entry.lemma_id == "=حموشي" and entry.romanized == "Hammouchi"
    assert ws.word_statuses("حموشي") == {"حموشي": vocabulary.IGNORED}


def test_marking_a_page_known_keeps_other_statuses_and_counts_the_share(ws: Workspace) -> None:
    ws.set_word_status("الرباط", 1)
    found = [(w, SENTENCE) for w in SENTENCE.split()]
    assert ws.mark_known(found).value == 5  # every word but الرباط, which is learning
    assert ws.word_statuses(SENTENCE)["الرباط"] == 1
    assert ws.known_share(SENTENCE) == (5, 6)
    assert ws.mark_known(found).value == 0 and not ws.mark_known(found).changes
    assert ws.vocabulary_counts() == {1: 1, 5: 5}
    assert [e.word for e in ws.vocabulary_list(vocabulary.LEARNING)] == ["الرباط"]


def test_reviews_are_scheduled_with_fsrs_and_logged(ws: Workspace) -> None:
    now = datetime.now(timezone.utc)
    ws.set_word_status("المدير", 1, SENTENCE)
    record, _ = ws.save_term("الرباط", "Rabat", context=SENTENCE).value
    ws.study_term(record.id)
    due = ws.due_reviews(now + timedelta(minutes=1))
    assert [(i.kind, i.arabic, i.english) for i in due] == [("word", "المدير", "director"),
                                                              ("term", "الرباط", "Rabat")]
    assert due[0].context == SENTENCE and due[0].romanized == "al-mudir"
    word, term = due
    later = now + timedelta(minutes=1)
    good = ws.review_card(word.card_id, 3, later).value
    again = ws.review_card(term.card_id, 1, later).value
    assert later < again < good  # Again comes back sooner than Good
    assert ws.due_count(later) == 0
    assert ws.due_count(good + timedelta(seconds=1)) == 2
    easy = ws.review_card(word.card_id, 4, good + timedelta(seconds=1)).value
    assert easy - good > timedelta(days=1)  # a well-known card waits days
    with ws.factory() as session:
        assert [r for r, _t in vocabulary.reviews(session, word.card_id)] == [3, 4]
    ws.set_word_status("المدير", vocabulary.KNOWN)
    assert [i.kind for i in ws.due_reviews(easy + timedelta(days=400))] == ["term"]  # known: no review
    with pytest.raises(BadInputError):
        ws.review_card(word.card_id, 7)


def test_anki_deck_opens_in_anki_and_a_new_export_updates_the_notes(
        ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    ws.set_word_status("المدير", 1, SENTENCE)
    record, _ = ws.save_term("عبد اللطيف حموشي", "Abdellatif Hammouchi", context=SENTENCE).value
    ws.study_term(record.id)
    deck = tmp_path / "words.apkg"
    assert ws.export_vocabulary(deck, deck="Arabic").value == 2
    (tmp_path / "anki").mkdir()
    collection = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        options = ImportAnkiPackageOptions(merge_notetypes=True, update_notes=1)
        collection.import_anki_package(ImportAnkiPackageRequest(package_path=str(deck), options=options))
        notes = {collection.get_note(i).fields[0]: collection.get_note(i) for i in collection.find_notes("")}
        assert notes["المدير"].fields[1:5] == [SENTENCE, "director", "مُدِير · director", "al-mudir"]
        assert notes["عبد اللطيف حموشي"].fields[2:5] == ["Abdellatif Hammouchi", "", "Abdellatif Hammouchi"]
        note_type = collection.models.by_name("Tarjuman Arabic")
        assert note_type is not None and 'dir="rtl"' in note_type["tmpls"][0]["qfmt"]
        assert "_NotoNaskhArabic-Regular.ttf" in note_type["css"]
        assert (Path(collection.media.dir()) / "_NotoNaskhArabic-Regular.ttf").is_file()
        assert "Arabic" in [d.name for d in collection.decks.all_names_and_ids()]
        # Exported again after an edit: the same notes are updated, none are added.
        ws.save_term("عبد اللطيف حموشي", "Abdellatif Hammouchi", note="DGSN")
        later = time.time() + 60  # Anki updates a note whose modification time differs
        monkeypatch.setattr(time, "time", lambda: later)
        ws.export_vocabulary(deck, deck="Arabic")
        monkeypatch.undo()
        collection.import_anki_package(ImportAnkiPackageRequest(package_path=str(deck), options=options))
        assert collection.note_count() == 2
        updated = [collection.get_note(i) for i in collection.find_notes("")]
        assert "DGSN" in [n.fields[3] for n in updated]
    finally:
        collection.close()


def test_csv_export_and_a_bad_format(ws: Workspace, tmp_path: Path) -> None:
    ws.set_word_status("المدير", 3, SENTENCE)
    out = tmp_path / "words.csv"
    assert ws.export_vocabulary(out).value == 1
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows == [["kind", "arabic", "english", "gloss", "romanized", "context"],
                    ["word", "المدير", "director", "مُدِير · director", "al-mudir", SENTENCE]]
    with pytest.raises(BadInputError):
        ws.export_vocabulary(tmp_path / "words.xlsx")


def test_a_deleted_term_leaves_the_reviews(ws: Workspace) -> None:
    record, _ = ws.save_term("الرباط", "Rabat").value
    ws.study_term(record.id)
    assert ws.due_count(datetime.now(timezone.utc) + timedelta(minutes=1)) == 1
    ws.delete_terms([record.id])
    later = datetime.now(timezone.utc) + timedelta(minutes=1)
    assert ws.due_count(later) == 0 and ws.due_reviews(later) == []
    ws.save_term("المدير", "director")  # may get the old id: it is not studied
    assert ws.due_count(later) == 0 and ws.study_notes() == []

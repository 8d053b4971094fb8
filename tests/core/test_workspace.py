"""The application layer without Qt: each action's result and what it says changed."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from desktop.core import workspace as workspace_module
from desktop.core import workspace_glossary
from desktop.core.changes import Changes
from desktop.core.documents import document_from_text
from desktop.core.errors import BadInputError, GlossaryError
from desktop.core.glossary.exchange import ImportRow
from desktop.core.preferences import Preferences
from desktop.core.workspace import Workspace, backups_of

TEXT = "ذهب الوزير إلى الرباط. عاد الوزير.\n\nذهب الوزير إلى الرباط."


@pytest.fixture
def ws(glossary_db: str) -> Iterator[Workspace]:
    """A workspace on each engine: a glossary file, and a team termbase on PostgreSQL."""
    workspace = Workspace.open(glossary_db)
    yield workspace
    workspace.close()


@pytest.fixture
def file_ws(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace on a glossary file (backups and damaged files are a file's)."""
    workspace = Workspace.open(tmp_path / "glossary.db")
    yield workspace
    workspace.close()


def _open(ws: Workspace, path: Path | None = None) -> None:
    doc = document_from_text(TEXT, title="t", path=path)
    changes = ws.show_document(ws.prepare_document(doc))
    assert changes.document and changes.translations == (0, 1, 2)


def test_changes_combine_without_repeats() -> None:
    a = Changes(translations=(1, 2), matches=True)
    b = Changes(translations=(2, 3), models=True)
    both = a | b
    assert both.translations == (1, 2, 3) and both.matches and both.models and not both.document
    assert not Changes() and bool(b)


def test_post_edit_reaches_every_occurrence_and_revert_without_a_model_waits(ws: Workspace) -> None:
    _open(ws)
    changes = ws.post_edit(0, "He went to Rabat.")
    assert changes.translations == (0, 2)  # the same sentence further down
    assert ws.document is not None and ws.document.translations[2] == "He went to Rabat."
    assert ws.document.edited == [True, False, True]
    reverted = ws.revert(2)
    assert reverted.value is False  # no model: the rows wait for one
    assert reverted.changes.translations == (0, 2)
    assert ws.document.translations == [None, None, None]


def test_a_post_edit_and_the_position_come_back_with_the_document(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    _open(ws, path)
    ws.post_edit(1, "The minister came back.")
    ws.set_position(2)
    ws.save_position()
    reopened = ws.prepare_document(document_from_text(TEXT, title="t", path=path))
    assert reopened.translations[1] == "The minister came back." and reopened.edited[1]
    assert reopened.position == 2


def test_saving_a_term_names_it_and_joins_the_fresh_index(ws: Workspace) -> None:
    _open(ws)
    ws.set_term_index(ws.build_term_index())
    outcome = ws.save_term("الرباط", "Rabat", category="place")
    record, created = outcome.value
    assert created and outcome.changes.terms == (record,) and not outcome.changes.all_terms
    ws.changed(outcome.changes)  # as the window does for every change
    assert not ws.index_stale  # added in place: no rebuild needed
    assert [m.term.target for m in ws.find_terms()] == ["Rabat", "Rabat"]
    version = ws.terms_version
    index = ws.build_term_index()  # a rebuild starts…
    again = ws.save_term("الرباط", "Rabat", note="capital")
    ws.changed(again.changes)
    assert again.value[1] is False and ws.index_stale  # an update: the index is rebuilt
    assert not ws.set_term_index(index, ws.factory, version)  # …and ends too late: ignored
    assert ws.index_stale
    assert ws.set_term_index(ws.build_term_index(), ws.factory, ws.terms_version)
    assert not ws.index_stale


def test_import_backs_up_first_and_names_the_changed_terms(file_ws: Workspace,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    ws = file_ws
    rows = [ImportRow(n + 2, f"كلمة{n}", f"word {n}", "", "", "", "", None) for n in range(8)]
    outcome = ws.import_rows(rows[:3])
    assert outcome.value.added == 3
    assert sorted(r.target for r in outcome.changes.terms) == ["word 0", "word 1", "word 2"]
    assert [b.reason for b in backups_of(ws.db_path)] == ["before-import"]
    monkeypatch.setattr(workspace_glossary, "IN_PLACE_LIMIT", 4)
    big = ws.import_rows(rows)
    assert big.changes.all_terms and not big.changes.terms  # views read everything again
    assert ws.count_terms() == 8 and len(backups_of(ws.db_path)) == 2
    ws.set_preferences(Preferences(backups_kept=2))
    bad = [ImportRow(2, "خطأ", " ", "other", "", "", "", None)]  # no English
    with pytest.raises(BadInputError):
        ws.import_rows(bad)
    kept = backups_of(ws.db_path)  # a failed import backs up but deletes no older backup
    assert len(kept) == 3 and ws.count_terms() == 8
    ws.import_rows(rows[:1])
    assert len(backups_of(ws.db_path)) == 2  # pruned after a successful one


def test_a_damaged_glossary_is_refused_and_the_open_one_stays(file_ws: Workspace, tmp_path: Path) -> None:
    ws = file_ws
    ws.save_term("الرباط", "Rabat")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GlossaryError):
        ws.switch_glossary(bad)
    assert ws.db_path == tmp_path / "glossary.db" and ws.count_terms() == 1
    assert bad.read_bytes() == b"not a database at all" * 100
    changes = ws.switch_glossary(tmp_path / "other.db")
    assert changes.glossary and changes.all_terms and ws.count_terms() == 0


def test_preferences_are_clamped_and_need_no_reload_without_an_engine(ws: Workspace) -> None:
    outcome = ws.set_preferences(Preferences(beam_size=99, compute_type="float64", backups_kept=0))
    assert outcome.value is False and outcome.changes.preferences
    assert (ws.preferences.beam_size, ws.preferences.compute_type, ws.preferences.backups_kept) == \
        (8, "auto", 1)
    assert ws.preferences.engine.beam_size == 8


def test_built_in_categories_come_first_and_new_ones_are_announced(ws: Workspace) -> None:
    assert workspace_module.BUILTIN_CATEGORIES[0] == "person"
    assert [c.name for c in ws.categories()][:5] == list(workspace_module.BUILTIN_CATEGORIES)
    changes = ws.add_category("Official", "#ff8800").changes
    assert changes.categories and "official" in [c.name for c in ws.categories()]


def test_capture_suggests_english_without_a_model(ws: Workspace) -> None:
    ws.ensure_lexicon()
    name = ws.suggest_english("عبد اللطيف حموشي")
    assert (name.text, name.source) == ("Abdellatif Hammouchi", "name")
    word = ws.suggest_english("المدير العام")
    assert (word.text, word.source, word.romanized) == ("director general", "lexicon", "al-mudir al-amm")
    assert ws.suggest_english("مكتب").romanized == "maktab"
    mixed = ws.suggest_english("المدير العام حموشي")  # one word the dictionary lacks: a word at a time
    assert (mixed.text, mixed.source) == ("director general Hammouchi", "lexicon")
    assert ws.suggest_english("الرباط").text == "Rabat"  # a proper noun's gloss is its name
    ws.save_term("المدير العام", "Director General")
    assert ws.suggest_english("المدير العام") == type(word)("Director General", "glossary", "al-mudir al-amm")


def test_capture_suggests_a_name_before_the_dictionary_is_loaded(ws: Workspace) -> None:
    assert ws.lexicon is None
    suggestion = ws.suggest_english("المدير العام حموشي")
    assert suggestion.text == suggestion.romanized != ""

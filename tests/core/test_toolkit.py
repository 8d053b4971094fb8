"""Our interchange files as another tool reads them, and its files as we read them: Translate
Toolkit (the library behind Pootle and Weblate) parses every TBX, TMX and OmegaT export, and
files it writes import right."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from translate.storage import omegat, tbx, tmx

from desktop.core.documents import document_from_text
from desktop.core.glossary import exchange
from desktop.core.workspace import Workspace

TERMS = [("الرباط", "Rabat", "place", "capital"),
         ("عبد اللطيف حموشي", "Abdellatif Hammouchi", "person", ""),
         ("المديرية العامة للأمن الوطني", "General Directorate of National Security", "organization",
          "DGSN; <b>not</b> bold & co")]


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "g.db")
    for source, target, category, note in TERMS:
        workspace.save_term(source, target, category=category, note=note)
    yield workspace
    workspace.close()


def test_our_tbx_is_read_by_translate_toolkit(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    ws.export_glossary(path)
    parsed = tbx.tbxfile.parsefile(str(path))
    assert sorted((u.source, u.target) for u in parsed.units) == sorted((s, t) for s, t, _c, _n in TERMS)


def test_our_omegat_glossary_is_read_by_translate_toolkit(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "g.utf8"
    ws.export_glossary(path)
    parsed = omegat.OmegaTFile.parsefile(str(path))
    # Translate Toolkit reads OmegaT's own first line as an entry without a translation.
    units = [(u.source, u.target) for u in parsed.units if u.target]
    assert sorted(units) == sorted((s, t) for s, t, _c, _n in TERMS)


def test_our_tmx_is_read_by_translate_toolkit(ws: Workspace, tmp_path: Path) -> None:
    doc = ws.prepare_document(document_from_text("وصل المدير إلى الرباط. وقال إن <التعاون> مهم."))
    doc.translations[:] = ["The director arrived in Rabat.", "He said that <cooperation> matters."]
    path = tmp_path / "t.tmx"
    ws.export_translation(doc, path, "tmx")
    parsed = tmx.tmxfile.parsefile(str(path))
    assert parsed.getsourcelanguage() == "ar"
    assert [(u.source, u.target) for u in parsed.units] == [
        ("وصل المدير إلى الرباط.", "The director arrived in Rabat."),
        ("وقال إن <التعاون> مهم.", "He said that <cooperation> matters.")]


def test_files_translate_toolkit_writes_are_imported(tmp_path: Path) -> None:
    glossary = tbx.tbxfile()
    glossary.setsourcelanguage("ar")
    glossary.settargetlanguage("en")
    unit = glossary.addsourceunit("المدير")
    unit.target = "director"
    (tmp_path / "tt.tbx").write_bytes(bytes(glossary))
    fmt, rows = exchange.parse_file(tmp_path / "tt.tbx")
    assert fmt == "tbx" and [(r.source, r.target) for r in rows] == [("المدير", "director")]
    table = omegat.OmegaTFile()
    unit = table.UnitClass("الأمن")
    unit.target = "security"
    table.addunit(unit)
    (tmp_path / "tt.utf8").write_bytes(bytes(table))
    fmt, rows = exchange.parse_file(tmp_path / "tt.utf8")
    assert fmt == "omegat" and [(r.source, r.target) for r in rows] == [("الأمن", "security")]


def test_a_memory_from_translate_toolkit_imports_and_exports_again(ws: Workspace, tmp_path: Path) -> None:
    from desktop.core.workspace import backups_of

    memory = tmx.tmxfile(sourcelanguage="ar", targetlanguage="en")
    memory.addtranslation("وصل المدير إلى الرباط.", "ar", "The director reached Rabat.", "en")
    memory.addtranslation("قال المدير.", "ar", "The director said.", "en")
    (tmp_path / "cat.tmx").write_bytes(bytes(memory))
    units = ws.read_memory_file(tmp_path / "cat.tmx")
    assert [(u.source, u.target) for u in units] == [
        ("وصل المدير إلى الرباط.", "The director reached Rabat."), ("قال المدير.", "The director said.")]
    doc = ws.prepare_document(document_from_text("قال المدير. ثم غادر."))
    ws.show_document(doc)
    outcome = ws.import_memory(units)
    assert outcome.value == 2 and outcome.changes.translations == (0,)
    assert doc.translations[0] == "The director said." and doc.edited[0]  # preferred, as a post-edit
    assert [b.reason for b in backups_of(ws.db_path)] == ["before-import"]
    out = tmp_path / "out.tmx"
    assert ws.export_memory(out).value == 2
    parsed = tmx.tmxfile.parsefile(str(out))
    assert {(u.source, u.target) for u in parsed.units} == {(u.source, u.target) for u in units}


def test_a_file_that_is_not_a_memory_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    from desktop.core.errors import BadInputError

    bad = tmp_path / "bad.tmx"
    bad.write_text("<martif/>", encoding="utf-8")
    with pytest.raises(BadInputError, match="not a translation memory"):
        ws.read_memory_file(bad)
    with pytest.raises(BadInputError, match="no Arabic"):
        ws.import_memory([])

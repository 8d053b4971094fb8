"""Hostile and broken input: what a file does not carry is kept, a glossary file is data and
never code, every failure is named (exit 4, never 1), and nothing is left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.workspace import Workspace
from tests.core.test_cli import run


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(tmp_path / "g.db")
    workspace.add_category("agency", "#123456")
    workspace.save_term("المديرية", "Directorate", category="agency", note="kept note",
                        subject="security")
    return workspace


FILES_WITHOUT_CATEGORIES = {
    "two-columns.csv": "source,target\nالمديرية,Directorate\n",
    "glossary.utf8": "# Glossary in tab-separated format -*- coding: utf-8 -*-\nالمديرية\tDirectorate\t\n",
    "tool.tbx": """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="c1">
<langSet xml:lang="ar"><tig><term>المديرية</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Directorate</term></tig></langSet></termEntry></body></text></martif>
""",
    "deck.tsv": "#separator:tab\n#html:true\n#columns:Arabic\tEnglish\nالمديرية\tDirectorate\n",
}


@pytest.mark.parametrize("policy", ["update", "skip", "keep-both"])
@pytest.mark.parametrize("name", sorted(FILES_WITHOUT_CATEGORIES))
def test_an_import_keeps_what_the_file_does_not_carry(ws: Workspace, tmp_path: Path, name: str,
                                                      policy: str) -> None:
    path = tmp_path / name
    path.write_text(FILES_WITHOUT_CATEGORIES[name], encoding="utf-8")
    ws.import_file(path, policy)
    [term] = ws.search_terms("")
    assert (term.category, term.note, term.subject) == ("agency", "kept note", "security")
    ws.close()


def test_the_cli_import_keeps_categories_and_backs_up_first(ws: Workspace, tmp_path: Path) -> None:
    from desktop.core.workspace import backups_of

    db = ws.db_path
    ws.close()
    path = tmp_path / "two-columns.csv"
    path.write_text(FILES_WITHOUT_CATEGORIES["two-columns.csv"], encoding="utf-8")
    code, out, err = run("glossary", "import", str(path), "--db", str(db))
    assert code == 0, err
    assert [b.reason for b in backups_of(db)] == ["before-import"]
    code, out, _ = run("glossary", "list", "--db", str(db))
    assert "\tagency\t" in out

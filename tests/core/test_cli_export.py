"""``glossary export`` reads a healthy glossary with sqlite3 alone and writes the very file the
Workspace writes, in every format; any other glossary takes the full path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core import quick
from desktop.core.glossary import exchange
from desktop.core.glossary.store import NewTerm, add_terms
from desktop.core.workspace import Workspace
from tests.core.test_cli import run
from tests.core.test_cli_startup import heavy, loaded


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    """Terms with what formats find hard: diacritics, a category of the user's, notes with
    quotes, commas, tabs and new lines, cells a spreadsheet would run, markup, a term OmegaT
    cannot carry (it would read it as a comment)."""
    path = tmp_path / "glossary.db"
    ws = Workspace.open(path)
    ws.add_category("law term")
    ws.save_term("المُدِيرِيَّة العامة للأمن الوطني", "General Directorate of National Security",
                 category="organization", note='the "DGSN", Rabat\nsecond line', subject="police",
                 pos="noun", context="قالت المديرية العامة للأمن الوطني", document="article.txt")
    ws.save_term("قانون", "=law", category="law term", note="+1 <b>&</b>\ttabbed")
    ws.save_term("الرباط", "Rabat", category="place")
    ws.save_term("الرباط", "Rabat city", category="place", note="the capital")
    with ws.factory.begin() as session:
        add_terms(session, [NewTerm("عبد اللطيف حموشي", "Abdellatif Hammouchi", "person"),
                            NewTerm("سطر\tمع علامة", "a source with a tab"),
                            NewTerm("#وسم", "a hashtag"),
                            *(NewTerm(f"مصطلح {i}", f"term {i}") for i in range(40))])
    ws.close()
    return path


@pytest.mark.parametrize("fmt", exchange.EXPORT_FORMATS)
def test_the_quick_export_writes_the_workspaces_file(glossary: Path, tmp_path: Path, fmt: str) -> None:
    ws = Workspace.open(glossary)
    try:
        full = ws.export_glossary(tmp_path / f"full.{fmt}", fmt, deck="Deck", cloze=True).value
    finally:
        ws.close()
    done = quick.export_glossary(glossary, tmp_path / f"quick.{fmt}", fmt, deck="Deck", cloze=True)
    assert done is not None
    count, skipped = done
    assert (count, tuple(skipped)) == (full.count, full.skipped)
    assert count >= 45 - (fmt == "omegat")
    assert (tmp_path / f"quick.{fmt}").read_bytes() == (tmp_path / f"full.{fmt}").read_bytes()


def test_a_raw_csv_is_the_workspaces_too(glossary: Path, tmp_path: Path) -> None:
    ws = Workspace.open(glossary)
    try:
        ws.export_glossary(tmp_path / "full.csv", "csv", raw=True)
    finally:
        ws.close()
    assert quick.export_glossary(glossary, tmp_path / "quick.csv", "csv", raw=True) is not None
    assert (tmp_path / "quick.csv").read_bytes() == (tmp_path / "full.csv").read_bytes()
    assert b"'=law" not in (tmp_path / "quick.csv").read_bytes()  # raw: not guarded


def test_the_cli_exports_without_the_orm_and_says_the_same(glossary: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.utf8"
    code, out, modules = loaded("--db", str(glossary), "glossary", "export", str(target))
    assert code == 0
    assert heavy([m for m in modules if m.split(".")[0] != "html"]) == []  # (Anki's escapes)
    ws = Workspace.open(glossary)
    try:
        full = ws.export_glossary(tmp_path / "full.utf8").value
    finally:
        ws.close()
    assert out.splitlines()[0] == f"Exported {full.count} terms to {target} (omegat)"
    assert "1 terms cannot be written as omegat and were left out: #وسم" in out
    assert out.splitlines()[-1].startswith("omegat does not carry a term's category, context")
    assert target.read_bytes() == (tmp_path / "full.utf8").read_bytes()


def test_a_damaged_glossary_is_exported_by_the_full_path(glossary: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    con = sqlite3.connect(glossary)
    con.execute("UPDATE terms SET note = x'3432' WHERE target = 'Rabat'")  # a blob: damage
    con.commit()
    con.close()
    assert quick.export_glossary(glossary, tmp_path / "quick.csv", "csv") is None
    assert not (tmp_path / "quick.csv").exists()
    code, out, err = run("glossary", "export", str(tmp_path / "out.csv"), "--db", str(glossary))
    assert code == 0, err
    assert "1 damaged values in the glossary were repaired" in capsys.readouterr().err
    assert "Rabat,place,3432" in (tmp_path / "out.csv").read_text(encoding="utf-8")


def test_an_export_that_cannot_be_written_says_so(glossary: Path, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    code, _out, err = run("glossary", "export", str(folder), "--db", str(glossary))
    assert code == 4 and err.startswith("tarjuman: ")
    assert list(folder.iterdir()) == []

"""The CLI writes big listings as it reads them: ``glossary list``/``search`` (read without the
ORM for a healthy glossary), ``terms --json``; a closed pipe ends it quietly."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core import quick
from desktop.core.glossary.store import NewTerm, add_terms
from desktop.core.workspace import Workspace
from tests.conftest import SAMPLE
from tests.core.test_cli import run

TERMS = [("الأمن الوطني", "national security"), ("وزارة الداخلية", "Ministry of the Interior"),
         ("المكتب المركزي للأبحاث القضائية", "Central Bureau of Judicial Investigations"),
         ("حموشي", "Hammouchi"), ("الرباط", "Rabat"), ("أمن", "security"),
         ("Interpol", "Interpol"), ("مكافحة الإرهاب", "counter-terrorism")]


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "glossary.db"
    ws = Workspace.open(path)
    ws.save_term("الرباط", "Rabat city", category="place", note="the capital")
    with ws.factory.begin() as session:
        add_terms(session, [NewTerm(a, e) for a, e in TERMS])
    ws.close()
    return path


@pytest.mark.parametrize("query", ["", "الأمن", "للأمن", "امن", "الرِّباط", "RABAT", "للأبحاث القضائية",
                                   "capital", "zzz", "ال"])
def test_the_quick_listing_is_the_workspaces(glossary: Path, query: str) -> None:
    """Read with sqlite3 alone, a search finds what the Workspace finds, in the same order,
    with the same fields."""
    ws = Workspace.open(glossary)
    try:
        expected = ws.search_terms(query)
    finally:
        ws.close()
    found = quick.list_terms(glossary, query)
    assert found is not None
    got = list(found)
    assert [t.id for t in got] == [t.id for t in expected]
    assert got == expected  # every field, dates included
    # The text listing's columns alone: the same terms, the same values.
    assert list(quick.list_rows(glossary, query) or ["not read"]) == [
        (t.id, t.source, t.target, t.category, t.note) for t in expected]


def test_an_older_or_damaged_glossary_takes_the_full_path(glossary: Path) -> None:
    import sqlite3

    con = sqlite3.connect(glossary)
    con.execute("UPDATE terms SET note = x'3432' WHERE source = 'حموشي'")  # a blob: damage
    con.commit()
    con.close()
    assert quick.list_terms(glossary) is None
    code, out, err = run("glossary", "list", "--db", str(glossary))
    assert code == 0, err
    assert "Hammouchi\tother\t3432" in out  # repaired as text (hex), and listed


def test_list_json_is_one_document_with_every_term(glossary: Path) -> None:
    code, out, err = run("glossary", "list", "--json", "--db", str(glossary))
    assert code == 0, err
    data = json.loads(out)
    assert sorted(d["target"] for d in data) == sorted([e for _a, e in TERMS] + ["Rabat city"])
    rabat = next(d for d in data if d["target"] == "Rabat city")
    assert rabat["note"] == "the capital" and rabat["category"] == "place"
    assert rabat["created"].endswith("+00:00") and rabat["version"] == 1
    # Exactly what json.dump(indent=2) writes: tools diffing two listings see no change.
    assert out == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    code, out, _err = run("glossary", "search", "zzz", "--json", "--db", str(glossary))
    assert code == 0 and out == "[]\n"


def test_list_json_writes_every_field_as_json_does(tmp_path: Path) -> None:
    """The listing writes a term's fields itself (faster than the general writer): the same
    text as json.dumps, for the quick path and the full path alike."""
    from desktop import cli

    path = tmp_path / "odd.db"
    ws = Workspace.open(path)
    ws.add_category("law term")
    ws.save_term("قَانُون", 'a "law"\\', category="law term", note="line\nnext\ttab \u0001 \u2028 é",
                 context="</script>", subject="law", pos="noun")
    with ws.factory.begin() as session:
        add_terms(session, [NewTerm(f"مصطلح {i}", f"term {i}") for i in range(3)])
    expected = json.dumps([cli._term_json(t) for t in ws.iter_terms()], ensure_ascii=False,
                          indent=2) + "\n"
    ws.close()
    code, out, err = run("glossary", "list", "--json", "--db", str(path))
    assert code == 0, err
    assert out == expected
    ws = Workspace.open(path)
    try:
        listed = io.StringIO()
        cli._print_terms(ws.iter_terms(), True, listed)  # the full path's records
    finally:
        ws.close()
    assert listed.getvalue() == expected


def test_terms_json_is_streamed_and_complete(glossary: Path) -> None:
    code, out, err = run("terms", str(SAMPLE), "--json", "--no-lemmas", "--db", str(glossary))
    assert code == 0, err
    matches = json.loads(out)
    text = SAMPLE.read_text(encoding="utf-8")
    assert matches and all(text[m["start"]:m["end"]] == m["text"] for m in matches)
    assert out == json.dumps(matches, ensure_ascii=False, indent=2) + "\n"


def test_a_closed_pipe_ends_the_listing_quietly(tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    ws = Workspace.open(path)
    with ws.factory.begin() as session:
        add_terms(session, [NewTerm(f"مصطلح {i}", f"term {i}") for i in range(20_000)])
    ws.close()
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(path), "glossary", "list"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert first.decode().split("\t")[2] == "term 0"
    assert err == ""

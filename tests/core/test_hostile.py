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


# -- a glossary file is data, never code -------------------------------------------------------
def _healthy(tmp_path: Path, name: str = "shared.db") -> Path:
    path = tmp_path / name
    ws = Workspace.open(path)
    ws.save_term("الرباط", "Rabat", category="place")
    ws.save_term("المغرب", "Morocco", category="place")
    ws.close()
    return path


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


HOSTILE_SCHEMAS = {
    "trigger": "CREATE TRIGGER wipe AFTER INSERT ON terms BEGIN DELETE FROM terms WHERE id != new.id; END",
    "recursive view": "CREATE VIEW endless AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                      "FROM c) SELECT x FROM c",
    "view as terms": "ALTER TABLE terms RENAME TO real_terms; CREATE VIEW terms AS SELECT * FROM "
                     "real_terms",
    "replaced table": "DROP TABLE terms; CREATE TABLE terms (id INTEGER PRIMARY KEY, source TEXT, "
                      "target TEXT)",
    "generated column": "ALTER TABLE categories ADD COLUMN big TEXT GENERATED ALWAYS AS "
                        "(zeroblob(1000000000)) VIRTUAL",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_SCHEMAS))
def test_a_glossary_with_code_of_its_own_is_refused_untouched(tmp_path: Path, kind: str) -> None:
    import sqlite3

    path = _healthy(tmp_path)
    con = sqlite3.connect(path)
    con.executescript(HOSTILE_SCHEMAS[kind])
    con.close()
    before = _digest(path)
    for command in (["glossary", "add", "حموشي", "Hammouchi"], ["glossary", "list"]):
        code, out, err = run(*command, "--db", str(path))
        assert code == 4 and "Tarjuman does not open" in err and "import the file" in err, (kind, err)
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    from desktop.core.db.backup import list_backups

    assert list_backups(path) == []


def test_a_statement_that_would_run_forever_is_stopped(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import text

    from desktop.core.errors import GlossaryError

    monkeypatch.setenv("TARJUMAN_QUERY_LIMIT_S", "0.3")
    ws = Workspace.open(_healthy(tmp_path))
    try:
        with pytest.raises(GlossaryError, match="took more than 0.3 s"):
            with ws.factory() as session:
                session.execute(text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                     "SELECT count(*) FROM c")).scalar()
        assert len(ws.search_terms("")) == 2  # the glossary goes on working
    finally:
        ws.close()


def test_a_glossary_from_a_newer_tarjuman_is_named_and_not_backed_up(tmp_path: Path) -> None:
    import sqlite3

    from desktop.core.db.backup import list_backups

    path = _healthy(tmp_path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0042'")
    con.commit()
    con.close()
    code, _out, err = run("glossary", "list", "--db", str(path))
    assert code == 4 and "made by a newer version of Tarjuman" in err and "0042" in err
    assert list_backups(path) == []


def test_a_glossary_cut_short_is_called_damaged(tmp_path: Path) -> None:
    path = _healthy(tmp_path)
    path.write_bytes(path.read_bytes()[:-1])
    code, _out, err = run("glossary", "add", "حموشي", "Hammouchi", "--db", str(path))
    assert code == 4 and "damaged" in err and "cut off" in err


def test_a_read_only_glossary_reads_and_refuses_writes(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.db import engine

    path = _healthy(tmp_path)
    monkeypatch.setattr(engine, "writable", lambda _path: False)  # (root may write anything)
    code, out, err = run("glossary", "list", "--db", str(path))
    assert code == 0 and "Rabat" in out and "damaged" not in err
    code, _out, err = run("glossary", "add", "حموشي", "Hammouchi", "--db", str(path))
    assert code == 4 and "read-only" in err and "damaged" not in err
    ws = Workspace.open(path)
    assert ws.read_only
    ws.close()


# -- files Tarjuman writes ---------------------------------------------------------------------
def test_an_export_never_replaces_a_folder_or_a_device(tmp_path: Path) -> None:
    import os
    import stat

    path = _healthy(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    code, _out, err = run("glossary", "export", str(folder), "--format", "csv", "--db", str(path))
    assert code == 4 and "is a folder" in err and folder.is_dir()
    code, _out, err = run("glossary", "export", "/dev/null", "--format", "csv", "--db", str(path))
    assert code == 4 and "not a regular file" in err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_full_disk_is_named_and_the_old_file_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    from desktop.core import atomic

    path = _healthy(tmp_path)
    out = tmp_path / "terms.csv"
    out.write_text("old", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    code, _out, err = run("glossary", "export", str(out), "--db", str(path))
    assert code == 4 and "The disk is full" in err
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_exports_follow_the_umask(tmp_path: Path) -> None:
    import os

    path = _healthy(tmp_path)
    old = os.umask(0o022)
    try:
        assert run("glossary", "export", str(tmp_path / "t.csv"), "--db", str(path))[0] == 0
    finally:
        os.umask(old)
    assert (tmp_path / "t.csv").stat().st_mode & 0o777 == 0o644


def test_a_very_long_field_round_trips(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "a.db")
    ws.save_term("الرباط", "Rabat", note="n" * 300_000)
    ws.export_glossary(tmp_path / "long.csv")
    ws.close()
    other = Workspace.open(tmp_path / "b.db")
    other.import_file(tmp_path / "long.csv")
    assert len(other.search_terms("")[0].note) == 300_000
    other.close()


def test_a_failed_command_creates_no_glossary(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    code, _out, err = run("glossary", "import", str(tmp_path / "missing.csv"), "--db", str(db))
    assert code == 4 and "does not exist" in err and not db.exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("source,target\n,oops\n", encoding="utf-8")
    code, _out, err = run("glossary", "import", str(bad), "--db", str(db))
    assert code == 4 and list(tmp_path.glob("new.db*")) == []


# -- races and signals -------------------------------------------------------------------------
def test_two_programs_creating_one_glossary_lose_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    for attempt in range(6):
        db = tmp_path / f"race{attempt}.db"
        procs = [subprocess.Popen([sys.executable, "-m", "desktop", "glossary", "add", f"مصطلح {n}",
                                   f"term {n}", "--db", str(db)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for n in range(2)]
        results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
        assert [r[2] for r in results] == [0, 0], results
        code, out, _err = run("glossary", "list", "--db", str(db))
        assert sorted(line.split("\t")[2] for line in out.splitlines()) == ["term 0", "term 1"]


def test_sigterm_during_an_export_leaves_no_temporary_file(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    from desktop.core.glossary.store import NewTerm, add_terms

    ws = Workspace.open(tmp_path / "big.db")
    with ws.factory.begin() as session:
        add_terms(session, [NewTerm(f"مصطلح {i}", f"term {i}", note="note " * 40) for i in range(60_000)])
    ws.close()
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "glossary", "export",
                             str(tmp_path / "out.csv"), "--db", str(tmp_path / "big.db")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.csv.*.tmp")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert proc.poll() is None, "the export ended before it could be stopped"
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and "SIGTERM" in err
    assert list(tmp_path.glob("*.tmp")) == [] and not (tmp_path / "out.csv").exists()


def test_the_terms_of_a_refused_glossary_import_into_a_new_one(tmp_path: Path) -> None:
    """The refusal's advice works: the terms are read as data and nothing in the file runs."""
    import sqlite3

    path = _healthy(tmp_path)
    con = sqlite3.connect(path)
    con.executescript(HOSTILE_SCHEMAS["trigger"] + ";" + HOSTILE_SCHEMAS["recursive view"])
    con.close()
    before = _digest(path)
    code, out, err = run("glossary", "import", str(path), "--db", str(tmp_path / "new.db"))
    assert code == 0, err
    assert "Imported 2 terms (2 new" in out
    code, out, _err = run("glossary", "list", "--db", str(tmp_path / "new.db"))
    assert sorted(line.split("\t")[2:4] for line in out.splitlines()) == [["Morocco", "place"],
                                                                           ["Rabat", "place"]]
    assert _digest(path) == before


def test_damaged_values_are_repaired_after_a_backup_and_the_rest_is_usable(tmp_path: Path) -> None:
    import sqlite3

    from desktop.core.db.backup import list_backups

    path = _healthy(tmp_path)
    con = sqlite3.connect(path)
    con.execute("UPDATE terms SET created_at = 'yesterday', note = x'00ff10' WHERE target = 'Rabat'")
    con.execute("UPDATE terms SET context = 42 WHERE target = 'Morocco'")
    con.commit()
    con.close()
    code, out, err = run("glossary", "list", "--json", "--db", str(path))
    assert code == 0, err
    import json

    terms = {t["target"]: t for t in json.loads(out)}
    assert terms["Rabat"]["note"] == "00FF10" and terms["Rabat"]["created"].startswith("1970-01-01")
    assert terms["Morocco"]["context"] == "42"
    assert [b.reason for b in list_backups(path)] == ["before-repair"]
    assert run("glossary", "list", "--db", str(path))[0] == 0
    assert len(list_backups(path)) == 1  # repaired once


def test_a_glossary_import_takes_an_encoding(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes("source,target\nالرباط,Rabat\n".encode("cp1256"))
    db = str(tmp_path / "g.db")
    code, out, err = run("glossary", "import", str(path), "--encoding", "windows-1256", "--db", db)
    assert code == 0, err
    assert "الرباط" in run("glossary", "list", "--db", db)[1]
    code, _out, err = run("glossary", "import", str(path), "--encoding", "utf-8", "--db", db)
    assert code == 4 and "is not valid utf-8" in err


SCHEMA_FUZZ = r"""
import json, random, resource, sqlite3, sys, tempfile, hashlib
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))
from desktop.core.errors import TarjumanError
from desktop.core.workspace import Workspace

rng = random.Random(int(sys.argv[1]))
folder = Path(tempfile.mkdtemp())
seed = folder / "seed.db"
ws = Workspace.open(seed)
ws.save_term("الرباط", "Rabat", category="place")
ws.close()
TABLES = ["terms", "categories", "translation_memory", "post_edits", "documents", "vocabulary"]
BODIES = ["DELETE FROM terms", "UPDATE terms SET target = 'x'",
          "INSERT INTO categories VALUES ('x', '#000000', 9)", "SELECT 1"]
def hostile_object(n):
    kind = rng.choice(["trigger", "view", "recursive view", "virtual", "generated", "rename", "index"])
    table = rng.choice(TABLES)
    name = rng.choice(["t", "terms_v", "x" * rng.randint(1, 60), "ملف", "a b"]) + str(n)
    quoted = '"' + name + '"'
    if kind == "trigger":
        event = rng.choice(["INSERT", "UPDATE", "DELETE"])
        return (f"CREATE TRIGGER {quoted} {rng.choice(['BEFORE', 'AFTER'])} {event} ON {table} "
                f"BEGIN {rng.choice(BODIES)}; END")
    if kind == "view":
        return f"CREATE VIEW {quoted} AS SELECT * FROM {table}"
    if kind == "recursive view":
        return (f"CREATE VIEW {quoted} AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                "SELECT x FROM c")
    if kind == "virtual":
        return f"CREATE VIRTUAL TABLE {quoted} USING fts4(a)"
    if kind == "generated":
        return (f"ALTER TABLE {table} ADD COLUMN {quoted} TEXT GENERATED ALWAYS AS "
                "(hex(randomblob(8))) VIRTUAL")
    if kind == "rename":
        return f"ALTER TABLE {table} RENAME TO {quoted}; CREATE VIEW {table} AS SELECT * FROM {quoted}"
    return f"CREATE INDEX {quoted} ON {table} (rowid)"

outcomes = []
for case in range(int(sys.argv[2])):
    path = folder / f"case{case}.db"
    path.write_bytes(seed.read_bytes())
    con = sqlite3.connect(path)
    made = []
    for n in range(rng.randint(1, 3)):
        statement = hostile_object(n)
        try:
            con.executescript(statement)
            made.append(statement.split(" ")[1])
        except sqlite3.Error:
            pass
    con.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        ws = Workspace.open(path)
        ws.save_term("حموشي", "Hammouchi")
        count = len(ws.search_terms(""))
        ws.close()
        outcome = "opened" if count == 2 else f"lost terms: {count}"
        hostile = any(kind in ("TRIGGER", "VIEW", "VIRTUAL") for kind in made)
        if hostile:
            outcome = "opened a hostile file: " + ", ".join(made)
    except TarjumanError:
        unchanged = hashlib.sha256(path.read_bytes()).hexdigest() == before
        outcome = "refused" if unchanged else "refused but changed"
    except Exception as exc:
        outcome = f"unexpected {type(exc).__name__}: {exc}"
    outcomes.append(outcome)
print(json.dumps(outcomes))
"""


def test_generated_hostile_schemas_are_refused_or_harmless(tmp_path: Path) -> None:
    """Random schema objects (triggers, views, recursive views, virtual tables, generated
    columns, renamed tables, indexes), in a subprocess with a memory limit and a time limit:
    each file is refused untouched, or opened without losing a term; never an unexpected error."""
    import json
    import subprocess
    import sys

    from tests.conftest import REPO

    proc = subprocess.run([sys.executable, "-c", SCHEMA_FUZZ, "7", "40"], capture_output=True, text=True,
                          timeout=300, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-3000:]
    outcomes = json.loads(proc.stdout)
    assert len(outcomes) == 40
    assert [o for o in outcomes if o not in ("refused", "opened")] == []
    assert "refused" in outcomes and "opened" in outcomes

"""Migrations, backups and restore, crash safety with SIGKILL, atomic exports."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.core.db import backup, migrate
from desktop.core.db.engine import dispose, open_database
from desktop.core.errors import GlossaryError
from desktop.core.glossary import store
from desktop.core.translation import memory
from tests.conftest import REPO
from tests.core.old_glossary import old_glossary


def test_new_glossary_is_created_at_head_and_stamped(db_path: Path) -> None:
    factory = open_database(db_path)
    dispose(factory)
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
    con.close()
    assert backup.list_backups(db_path) == []  # nothing to protect yet, nothing upgraded


def test_first_released_schema_is_upgraded_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "first.db"
    with old_glossary(path, "0001") as connection:
        connection.execute(text(
            "INSERT INTO terms VALUES (3, 'الرباط', 'Rabat', 'الرباط', 'الرباط' || char(31) || 'rabat' "
            "|| char(31), 'place', 'capital', 'في الرباط', 'a.txt', '2024-01-01 10:00:00.000000', "
            "'2024-01-02 10:00:00.000000')"))
        connection.execute(text(
            "INSERT INTO translation_memory VALUES (1, 'm@1', 'الرباط', 'الرباط', 'Rabat', "
            "'2024-01-01 10:00:00.000000')"))
        connection.execute(text(
            "INSERT INTO post_edits VALUES (1, 'الرباط', 'الرباط', 'Rabat (edited)', "
            "'2024-01-01 10:00:00.000000', '2024-01-01 10:00:00.000000')"))
    factory = open_database(path)
    with factory.begin() as s:
        [term] = store.search(s)
        assert (term.id, term.source, term.target, term.category, term.note, term.context) == \
            (3, "الرباط", "Rabat", "place", "capital", "في الرباط")
        assert memory.lookup(s, "m@1", ["الرباط"])[0].target == "Rabat (edited)"  # type: ignore[union-attr]
        store.add_category(s, "agency", "#123456")  # the upgrade removed the fixed category list
        store.add_term(s, "المديرية", "Directorate", category="agency")
    dispose(factory)
    assert [b.reason for b in backup.list_backups(path)] == ["before-upgrade"]
    assert backup.list_backups(path)[0].terms == 1


def test_rolling_backups_and_restore(db_path: Path) -> None:
    factory = open_database(db_path)
    with factory.begin() as s:
        store.add_term(s, "الرباط", "Rabat")
    assert backup.backup_if_changed(db_path) is not None
    assert backup.backup_if_changed(db_path) is None  # unchanged since
    with factory.begin() as s:
        store.add_term(s, "المغرب", "Morocco")
    assert backup.backup_if_changed(db_path) is not None
    for _ in range(4):
        backup.make_backup(db_path, "manual", keep=3)
    backups = backup.list_backups(db_path)
    assert len(backups) == 3 and all(b.terms == 2 for b in backups)
    first = backups[-1]
    with factory.begin() as s:
        store.delete_terms(s, store.search_ids(s))
    dispose(factory)
    backup.restore_backup(first.path, db_path)
    factory = open_database(db_path)
    with factory() as s:
        assert sorted(t.target for t in store.search(s)) == ["Morocco", "Rabat"]
    dispose(factory)
    assert any(b.reason == "before-restore" for b in backup.list_backups(db_path))


def test_damaged_glossary_can_be_restored(db_path: Path) -> None:
    factory = open_database(db_path)
    with factory.begin() as s:
        store.add_term(s, "الرباط", "Rabat")
    dispose(factory)
    saved = backup.make_backup(db_path)
    db_path.write_bytes(b"garbage" * 1000)
    with pytest.raises(GlossaryError):
        open_database(db_path)
    backup.restore_backup(saved, db_path)
    factory = open_database(db_path)
    with factory() as s:
        assert [t.target for t in store.search(s)] == ["Rabat"]
    dispose(factory)


_WRITER = """
import sys
from desktop.core.db.engine import open_database
from desktop.core.glossary import store
factory = open_database(sys.argv[1])
for i in range(1000):
    with factory.begin() as s:
        rec, _ = store.add_term(s, "مصطلح %d" % i, "term %d" % i)
    print(rec.id, flush=True)
"""


@pytest.mark.parametrize("run", range(5))
def test_killed_writer_loses_no_acknowledged_term(tmp_path: Path, run: int) -> None:
    path = tmp_path / "crash.db"
    open_database(path)  # created before the child starts
    child = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE,
                             text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert child.stdout is not None
    acknowledged: list[int] = []
    stop_after = 40 + run * 97  # a different point each run
    for line in child.stdout:
        acknowledged.append(int(line))
        if len(acknowledged) >= stop_after:
            break
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    present = {row[0] for row in con.execute("SELECT id FROM terms")}
    con.close()
    assert set(acknowledged) <= present


_EXPORTER = """
import sys
from desktop.core.glossary.exchange.delimited import write_csv
from desktop.core.glossary.store import TermRecord
from datetime import datetime, timezone
now = datetime.now(timezone.utc)
def terms():
    for i in range(10**7):
        if i == 2000:
            print("writing", flush=True)
        yield TermRecord(i, "مصطلح %d" % i, "term %d" % i, "other", "note " * 20, "", "", now, now)
write_csv(terms(), sys.argv[1])
"""


def test_killed_export_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "glossary.csv"
    target.write_text("source,target\nold,complete\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", _EXPORTER, str(target)], stdout=subprocess.PIPE,
                             text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    # 2,000 rows are written to the temporary file by now; kill it in the middle of the rest.
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert target.read_text(encoding="utf-8") == "source,target\nold,complete\n"


_HOLDER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE terms SET note = 'held' WHERE id = 1")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("COMMIT")
"""


def _hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path), str(seconds)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "locked"
    return child


def test_second_writer_waits_for_a_short_hold(db_path: Path) -> None:
    factory = open_database(db_path)
    with factory.begin() as s:
        store.add_term(s, "الرباط", "Rabat")
    holder = _hold(db_path, 2.0)  # another Tarjuman writing for 2 s
    with factory.begin() as s:
        store.add_term(s, "المغرب", "Morocco")  # waits, then succeeds
    holder.wait(timeout=30)
    with factory() as s:
        assert {t.target for t in store.search(s)} == {"Rabat", "Morocco"}
        assert store.search(s, "Rabat")[0].note == "held"
    dispose(factory)


def test_long_hold_gives_a_clear_message_and_loses_nothing(db_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.errors import GlossaryBusyError

    monkeypatch.setenv("TARJUMAN_BUSY_TIMEOUT_MS", "300")  # stands in for the real 10 s
    factory = open_database(db_path)
    with factory.begin() as s:
        store.add_term(s, "الرباط", "Rabat")
    holder = _hold(db_path, 3.0)
    with pytest.raises(GlossaryBusyError, match="glossary is busy"):
        with factory.begin() as s:
            store.add_term(s, "المغرب", "Morocco")
    holder.wait(timeout=30)
    with factory.begin() as s:
        store.add_term(s, "المغرب", "Morocco")
        assert {t.target for t in store.search(s)} == {"Rabat", "Morocco"}
    dispose(factory)

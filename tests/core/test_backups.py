"""Backups: made only when the glossary's content changed, compressed, kept within a count and a
total size, and deleted with whatever SQLite left beside them. Older, uncompressed backups
still list and restore."""

from __future__ import annotations

import base64
import gzip
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.core.db import backup
from desktop.core.db.engine import dispose, open_database
from desktop.core.documents import document_from_text
from desktop.core.errors import GlossaryError
from desktop.core.glossary import store
from desktop.core.preferences import LIMITS, Preferences
from desktop.core.workspace import Workspace

LEFT_BY_SQLITE = ("-wal", "-shm", "-journal")


def _with_terms(db_path: Path, count: int, note: str = "") -> None:
    factory = open_database(db_path)
    with factory.begin() as s:
        store.add_terms(s, [store.NewTerm(f"مصطلح {i}", f"term {i}", note=note) for i in range(count)])
    dispose(factory)


def _targets(db_path: Path) -> list[str]:
    factory = open_database(db_path)
    with factory() as s:
        targets = sorted(t.target for t in store.search(s))
    dispose(factory)
    return targets


def _launch(db_path: Path, change: bool = False) -> Path | None:
    """What the window does at a launch: back up if changed, read a document (its reading
    position is saved on close), perhaps change the glossary."""
    ws = Workspace.open(db_path)
    made = ws.backup_at_open()
    doc = document_from_text("ذهب الوزير إلى الرباط. عاد الوزير.", title="t", path=db_path.parent / "d.txt")
    ws.show_document(ws.prepare_document(doc))
    ws.set_position(1)
    if change:
        ws.save_term("المغرب", "Morocco")
    ws.close()
    return made


def _left_beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(LEFT_BY_SQLITE))


def _old_style_backup(db_path: Path, stamp: str = "20240101-120000") -> Path:
    """A backup as Tarjuman made them before compression: a plain copy, in WAL mode."""
    folder = backup.backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db_path.stem}-{stamp}-open.db"
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(target)
    src.backup(dst)
    dst.close()
    src.close()
    assert target.read_bytes()[18:20] == b"\x02\x02"  # WAL: a plain read-only open makes -wal/-shm
    return target


def test_a_launch_that_changed_nothing_makes_no_backup(db_path: Path) -> None:
    _with_terms(db_path, 3)
    assert _launch(db_path) is not None
    assert _launch(db_path) is None  # opened and closed, a reading position saved: no content changed
    assert _launch(db_path, change=True) is None  # changed during this launch…
    assert _launch(db_path) is not None  # …so the next launch backs it up
    assert _launch(db_path) is None
    assert [b.terms for b in backup.list_backups(db_path)] == [4, 3]


def test_backups_are_gzip_and_smaller_than_the_glossary(db_path: Path) -> None:
    _with_terms(db_path, 2000, note="used in legal texts of the ministry " * 5)
    made = backup.make_backup(db_path)
    assert made.name.endswith(".db.gz")
    assert made.read_bytes()[:2] == b"\x1f\x8b"
    assert made.stat().st_size * 4 < db_path.stat().st_size
    snapshot = gzip.decompress(made.read_bytes())
    assert snapshot[:16] == b"SQLite format 3\0"
    assert snapshot[18:20] == b"\x01\x01"  # not WAL: opening it creates no -wal or -shm
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name, f"{made.name}.json"]


def test_listing_reports_term_counts_without_decompressing(db_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _with_terms(db_path, 7)
    made = backup.make_backup(db_path, "manual")
    assert made.suffix == ".gz"

    def no_decompressing(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a listing decompressed a backup")

    monkeypatch.setattr(gzip, "open", no_decompressing)
    monkeypatch.setattr(gzip, "GzipFile", no_decompressing)
    [info] = backup.list_backups(db_path)
    assert (info.path, info.reason, info.terms) == (made, "manual", 7)


def test_restore_from_a_compressed_backup(db_path: Path) -> None:
    _with_terms(db_path, 2)
    made = backup.make_backup(db_path)
    assert made.suffix == ".gz"
    factory = open_database(db_path)
    with factory.begin() as s:
        store.delete_terms(s, store.search_ids(s))
    dispose(factory)
    backup.restore_backup(made, db_path)
    assert _targets(db_path) == ["term 0", "term 1"]
    assert [b.reason for b in backup.list_backups(db_path)] == ["before-restore", "manual"]
    assert [b.terms for b in backup.list_backups(db_path)] == [0, 2]
    assert not [p for p in db_path.parent.iterdir() if p.name.endswith(".restore")]


def test_a_damaged_compressed_backup_changes_nothing(db_path: Path) -> None:
    _with_terms(db_path, 2)
    made = backup.make_backup(db_path)
    made.write_bytes(made.read_bytes()[:200])  # cut short
    before = db_path.read_bytes()
    with pytest.raises(GlossaryError, match="cannot be read"):
        backup.restore_backup(made, db_path)
    assert db_path.read_bytes() == before
    assert len(backup.list_backups(db_path)) == 1  # no "before-restore" for a restore that did not happen
    assert not [p for p in db_path.parent.iterdir() if p.name.endswith(".restore")]


def test_an_old_uncompressed_backup_lists_restores_and_counts_as_the_last_backup(db_path: Path) -> None:
    _with_terms(db_path, 5)
    old = _old_style_backup(db_path)
    assert backup.backup_if_changed(db_path) is None  # it holds what the glossary holds
    [info] = backup.list_backups(db_path)
    assert (info.path, info.reason, info.terms) == (old, "open", 5)
    assert f"{info.created:%Y-%m-%d %H:%M}" == "2024-01-01 12:00"
    factory = open_database(db_path)
    with factory.begin() as s:
        store.delete_terms(s, store.search_ids(s)[:3])
    dispose(factory)
    backup.restore_backup(old, db_path)
    assert len(_targets(db_path)) == 5
    assert _left_beside(old.parent) == []  # reading it made no -wal or -shm


def test_the_size_limit_prunes_the_oldest_and_never_the_newest(db_path: Path) -> None:
    # About 0.4 MB compressed (the note is also in the search text): random bytes do not compress.
    _with_terms(db_path, 1, note=base64.b64encode(os.urandom(200_000)).decode())
    made = [backup.make_backup(db_path, "manual", keep=None) for _ in range(4)]
    size = made[0].stat().st_size
    assert 300_000 < size < 1_048_576 // 2
    backup.prune(db_path, keep=10, max_mb=1)
    kept = [b.path for b in backup.list_backups(db_path)]
    assert kept == [made[3], made[2]]  # the newest two fit in 1 MB
    assert sum(p.stat().st_size for p in kept) <= 1_048_576
    backup.prune(db_path, keep=1, max_mb=1)
    assert [b.path for b in backup.list_backups(db_path)] == [made[3]]
    backup.prune(db_path, keep=1, max_mb=0)  # even a limit it exceeds alone keeps the newest
    assert [b.path for b in backup.list_backups(db_path)] == [made[3]]
    assert sorted(p.name for p in made[3].parent.iterdir()) == [made[3].name, f"{made[3].name}.json"]


def test_pruning_leaves_no_wal_or_shm_beside_the_backups(db_path: Path) -> None:
    _with_terms(db_path, 2)
    old = _old_style_backup(db_path, "20240101-120000")
    folder = old.parent
    for suffix in ("-wal", "-shm"):  # what an older Tarjuman's listing left
        Path(f"{old}{suffix}").write_bytes(b"")
        (folder / f"{db_path.stem}-20230101-120000-open.db{suffix}").write_bytes(b"")  # its backup is gone
    (folder / "last.json").write_text("{}", encoding="utf-8")
    for _ in range(3):
        backup.make_backup(db_path, "manual", keep=2)
    backup.list_backups(db_path)
    assert _left_beside(folder) == []
    assert len(backup.list_backups(db_path)) == 2 and not old.exists()
    assert sorted(p.suffix for p in folder.iterdir()) == [".gz", ".gz", ".json", ".json"]


def test_a_failed_backup_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(GlossaryError, match="Could not back up"):
        backup.make_backup(path)
    assert list(backup.backup_dir(path).iterdir()) == []


def test_the_workspace_prunes_with_both_preferences(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int | None]] = []
    monkeypatch.setattr(backup, "prune", lambda _path, keep, max_mb=None: seen.append((keep, max_mb)))
    ws = Workspace.open(db_path, Preferences(backups_kept=3, backups_max_mb=42))
    ws.save_term("الرباط", "Rabat")
    ws.backup_now()
    ws.backup_at_open()
    ws.close()
    assert seen == [(3, 42)]  # the second made none: nothing changed


def test_the_size_limit_is_a_preference_kept_in_the_settings(tmp_path: Path, qtbot: QtBot) -> None:
    from desktop.ui import settings as opts
    from desktop.ui.preferences import PreferencesDialog

    ini = tmp_path / "settings.ini"
    assert Preferences().backups_max_mb == 500
    assert opts.preferences(QSettings(str(ini), QSettings.Format.IniFormat)).backups_max_mb == 500
    opts.save_preferences(QSettings(str(ini), QSettings.Format.IniFormat),
                          Preferences(backups_kept=4, backups_max_mb=1234))
    reread = opts.preferences(QSettings(str(ini), QSettings.Format.IniFormat))
    assert (reread.backups_kept, reread.backups_max_mb) == (4, 1234)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.setValue(opts.BACKUPS_MAX_MB.key, 1)
    assert opts.preferences(settings).backups_max_mb == LIMITS["backups_max_mb"][0]
    assert Preferences(backups_max_mb=10**9).checked().backups_max_mb == LIMITS["backups_max_mb"][1]
    dialog = PreferencesDialog(reread)
    qtbot.addWidget(dialog)
    assert (dialog.backups_mb.minimum(), dialog.backups_mb.maximum()) == LIMITS["backups_max_mb"]
    assert dialog.backups_mb.value() == 1234
    dialog.backups_mb.setValue(800)
    assert dialog.chosen().backups_max_mb == 800

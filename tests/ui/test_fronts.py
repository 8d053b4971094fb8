"""The window and the CLI offer the same actions through one ``Workspace``: each test runs an
action through both fronts, on separate glossaries, and compares what a user would see."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.core.glossary.exchange import SUFFIXES
from desktop.core.glossary.store import NewTerm, add_terms
from desktop.core.workspace import Workspace, backups_of
from desktop.ui.main_window import MainWindow
from tests.conftest import SAMPLE
from tests.ui.conftest import WindowFactory
from tests.ui.test_glossary_ui import row_with
from tests.ui.test_window import start_translated

TIMEOUT = 30_000
Term = tuple[str, str, str, str]
CREATED = datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc)
#: Awkward cells on purpose: quotes, commas, a newline, a would-be formula, a user category.
SEED = [NewTerm("الرباط", "Rabat", "place", 'capital, "old" name', "الرباط عاصمة المغرب.", "a.txt", CREATED),
        NewTerm("حموشي", "Hammouchi", "person", "=1+1", "", "", CREATED),
        NewTerm("مكتب التحقيقات الفيدرالي", "FBI", "organization", "line one\nline two", "", "b.txt",
                CREATED),
        NewTerm("المغرب", "Morocco", "place", "", "", "", CREATED),
        NewTerm("المغرب", "Maghreb", "other", "also", "", "", CREATED)]
GLOSSARY_FILTERS = {"csv": "CSV (*.csv)", "excel": "CSV for Excel (*.csv)", "anki": "Anki deck (*.tsv)",
                    "tbx": "TBX for CAT tools (*.tbx)", "omegat": "OmegaT glossary (*.utf8)"}
TRANSLATION_FILTERS = {"tsv": "Bilingual table, tab-separated (*.tsv)",
                       "tmx": "TMX 1.4 for CAT tools (*.tmx)"}


def cli(*args: str) -> str:
    """Run one CLI command, which must succeed; returns what it printed."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def terms_in(db: Path) -> list[Term]:
    """The glossary as the user sees it: (Arabic, English, category, note), sorted."""
    workspace = Workspace.open(db)
    try:
        return sorted((t.source, t.target, t.category, t.note) for t in workspace.search_terms())
    finally:
        workspace.close()


def import_backups(db: Path) -> list[int | None]:
    """How many terms each "before-import" backup of ``db`` holds."""
    return [b.terms for b in backups_of(db) if b.reason == "before-import"]


def seed(db: Path) -> Path:
    """The same terms, with the same creation date, in a new glossary at ``db``."""
    workspace = Workspace.open(db)
    try:
        workspace.add_category("legal", "#aabbcc")
        with workspace.factory.begin() as session:
            add_terms(session, SEED + [NewTerm("محكمة", "court", "legal", "", "", "", CREATED)])
    finally:
        workspace.close()
    return db


def status_shows(window: MainWindow, text: str) -> bool:
    return text in window.statusBar().currentMessage()


def test_import_csv_same_terms_and_one_backup_each(qtbot: QtBot, make_window: WindowFactory,
                                                   empty_model_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "import.csv"
    categories = ("person", "place", "organization")
    path.write_text("source,target,category,note\n"
                    + "".join(f"كلمة{i},word {i},{categories[i % 3]},note {i}\n" for i in range(30))
                    + 'الرباط,Rabat,place,"capital, updated"\n', encoding="utf-8")
    cli_db, window_db = tmp_path / "cli" / "glossary.db", tmp_path / "window" / "glossary.db"
    for db in (cli_db, window_db):
        db.parent.mkdir()
        cli("glossary", "add", "الرباط", "Rabat", "--note", "old", "--db", str(db))
        cli("glossary", "add", "المغرب", "Morocco", "--category", "place", "--db", str(db))

    assert "Imported 31 terms (30 new, 1 updated, 0 skipped)" in cli("glossary", "import", str(path),
                                                                     "--db", str(cli_db))
    window = make_window(window_db)
    window.exchange.import_glossary(path)
    qtbot.waitUntil(lambda: window.exchange.import_preview is not None, timeout=TIMEOUT)
    dialog = window.exchange.import_preview
    assert dialog is not None and dialog.policy() == "update"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(ok.isEnabled, timeout=TIMEOUT)
    with qtbot.waitSignal(window.glossaryImported, timeout=TIMEOUT):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert status_shows(window, "Imported 31 terms (30 new, 1 updated, 0 skipped)")

    terms = terms_in(cli_db)
    assert len(terms) == 32 and ("الرباط", "Rabat", "place", "capital, updated") in terms
    assert ("كلمة29", "word 29", "organization", "note 29") in terms
    assert terms_in(window_db) == terms
    assert import_backups(cli_db) == [2]  # one backup, of the glossary as it was before
    assert import_backups(window_db) == [2]


@pytest.mark.parametrize("fmt", list(GLOSSARY_FILTERS))
def test_export_glossary_files_are_identical(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             fmt: str) -> None:
    cli_db, window_db = seed(tmp_path / "cli.db"), seed(tmp_path / "window.db")
    cli_file = tmp_path / f"cli{SUFFIXES[fmt]}"
    window_file = tmp_path / f"window{SUFFIXES[fmt]}"
    assert f"Exported 6 terms to {cli_file} ({fmt})" in cli("glossary", "export", str(cli_file),
                                                            "--format", fmt, "--db", str(cli_db))
    window = make_window(window_db)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(window_file), GLOSSARY_FILTERS[fmt]))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (k.get("text", "Tarjuman"), True))
    window.exchange.export_action.trigger()
    qtbot.waitUntil(lambda: status_shows(window, "Exported 6 terms"), timeout=TIMEOUT)
    written = window_file.read_bytes()
    assert b"Hammouchi" in written
    if fmt in ("csv", "excel", "tbx"):  # these carry the creation date: the seeded one, not today
        assert b"2024-05-01" in written
    assert written == cli_file.read_bytes()


def test_add_term_same_record(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                              tmp_path: Path) -> None:
    cli_db, window_db = tmp_path / "cli.db", tmp_path / "window.db"
    assert "Added #1: حموشي → Hammouchi" in cli("glossary", "add", "حموشي", "Hammouchi", "--category",
                                               "person", "--note", "head of the DGSN", "--db", str(cli_db))
    window = make_window(window_db)
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start(SAMPLE)
    row, offset = row_with(window, "حموشي")
    window.reader.select_in_sentence(row, offset, offset + len("حموشي"))
    qtbot.keyClick(window.reader, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # Add Term…
    dialog = window.terms.term_dialog
    assert dialog is not None and dialog.source.text() == "حموشي"
    qtbot.keyClicks(dialog.target, "Hammouchi")
    dialog.category.setCurrentText("person")
    qtbot.keyClicks(dialog.note, "head of the DGSN")
    with qtbot.waitSignal(window.termSaved, timeout=TIMEOUT):
        qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    assert status_shows(window, "Added “حموشي” → “Hammouchi”")
    assert terms_in(window_db) == terms_in(cli_db) == [("حموشي", "Hammouchi", "person", "head of the DGSN")]


def read_pairs(path: Path, fmt: str) -> list[tuple[str, str]]:
    """The (Arabic, English) sentence pairs of an exported translation, in order."""
    if fmt == "tmx":
        return [(tu[0].findtext("seg") or "", tu[1].findtext("seg") or "")
                for tu in ET.parse(path).getroot().findall("./body/tu")]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline=""), delimiter="\t"))
    assert rows[0] == ["paragraph", "arabic", "english"]
    return [(arabic, english) for _paragraph, arabic, english in rows[1:]]


@pytest.mark.parametrize("fmt", list(TRANSLATION_FILTERS))
def test_translate_and_export_same_sentences(qtbot: QtBot, make_window: WindowFactory, installed_model: Path,
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             fmt: str) -> None:
    cli_file, window_file = tmp_path / f"cli.{fmt}", tmp_path / f"window.{fmt}"
    cli("translate", str(SAMPLE), "-o", str(cli_file), "--db", str(tmp_path / "cli.db"))
    window = make_window(tmp_path / "window.db")
    start_translated(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(window_file), TRANSLATION_FILTERS[fmt]))
    window.translation.export_translation_action.trigger()
    qtbot.waitUntil(lambda: status_shows(window, "Exported the translation"), timeout=TIMEOUT)
    assert "not translated yet" not in window.statusBar().currentMessage()

    sentences = [line.split("\t")[3] for line in cli("segment", str(SAMPLE)).splitlines()]
    cli_pairs, window_pairs = read_pairs(cli_file, fmt), read_pairs(window_file, fmt)
    assert [arabic for arabic, _ in cli_pairs] == [arabic for arabic, _ in window_pairs] == sentences
    assert len(sentences) == 20 and all(english for _, english in cli_pairs + window_pairs)
    assert [english for _, english in window_pairs] == [english for _, english in cli_pairs]


def test_install_and_remove_a_model_same_listing(qtbot: QtBot, make_window: WindowFactory,
                                                 empty_model_dir: Path, tiny_model_file: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert "Installed Arabic → English" in cli("models", "install", str(tiny_model_file))
    by_cli = Workspace.models_installed()
    assert [m.pair for m in by_cli.models] == ["ar-en"] and by_cli.active is not None
    assert "Removed ar-en" in cli("models", "remove", "ar-en")
    assert Workspace.models_installed().models == [] and list(empty_model_dir.iterdir()) == []

    window = make_window(tmp_path / "window.db")
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT):
        window.start(SAMPLE)
    dialog = window.models.show_model_manager()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tiny_model_file), ""))
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT) as changed:
        qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
    assert changed.args == ["ready"]
    assert Workspace.models_installed() == window.workspace.models() == by_cli
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.models._refresh_model_manager()
    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.engineChanged, timeout=TIMEOUT) as changed:
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert changed.args == ["missing"] and Workspace.models_installed().models == []
    assert list(empty_model_dir.iterdir()) == []

"""GUI: the import preview, glossary export presets, opening a .docx by drag and drop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.core.glossary import store
from desktop.ui.glossary_model import COLUMNS
from tests.conftest import SAMPLE
from tests.ui.conftest import WindowFactory, add_numbered_terms, drop_file, numbered_csv

TIMEOUT = 30_000


def open_preview(qtbot: QtBot, window, path: Path):  # type: ignore[no-untyped-def]
    window.exchange.import_glossary(path)
    qtbot.waitUntil(lambda: window.exchange.import_preview is not None, timeout=TIMEOUT)
    dialog = window.exchange.import_preview
    qtbot.waitUntil(lambda: "Reading the rows" not in dialog.summary.text(), timeout=TIMEOUT)
    return dialog


def test_preview_shows_mapping_and_cancel_imports_nothing(qtbot: QtBot, make_window: WindowFactory,
                                                          empty_model_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "from-excel.csv"
    path.write_text("English,Arabic,Comment\nRabat,الرباط,capital\nMorocco,المغرب,\n", encoding="utf-8")
    window = make_window()
    dialog = open_preview(qtbot, window, path)
    assert [box.currentText() for box in dialog.mapping_boxes] == ["target", "source", "note"]
    assert dialog.preview.item(1, 1).text() == "الرباط"
    qtbot.waitUntil(lambda: "2 terms: 2 new, 0 updated, 0 skipped" in dialog.summary.text(),
                    timeout=TIMEOUT)
    dialog.mapping_boxes[0].setCurrentText("(ignore)")  # no English column left: cannot import
    qtbot.waitUntil(lambda: "target" in dialog.summary.text(), timeout=TIMEOUT)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    with window.workspace.factory() as session:
        assert store.count_terms(session) == 0


def test_preview_import_with_policy(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                                    tmp_path: Path) -> None:
    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "الرباط", "Rabat", note="kept")
    window.glossary.model.refresh()
    path = tmp_path / "terms.tbx"
    from desktop.core.glossary import exchange
    from desktop.core.glossary.store import TermRecord

    with window.workspace.factory() as session:
        existing = store.search(session)
    new = [TermRecord(50, "الرباط", "Rabat", "place", "replaced", "", "", existing[0].created_at,
                      existing[0].created_at),
           TermRecord(51, "المغرب", "Morocco", "place", "", "", "", existing[0].created_at,
                      existing[0].created_at)]
    exchange.export_terms(new, path, "tbx")
    dialog = open_preview(qtbot, window, path)
    assert dialog.mapping_boxes == [] and dialog.preview.rowCount() == 2
    dialog.policy_box.setCurrentIndex(1)  # skip terms whose Arabic exists
    qtbot.waitUntil(lambda: "1 new, 0 updated, 1 skipped" in dialog.summary.text(), timeout=TIMEOUT)
    with qtbot.waitSignal(window.glossaryImported, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with window.workspace.factory() as session:
        notes = {t.target: t.note for t in store.search(session)}
    assert notes == {"Rabat": "kept", "Morocco": ""}
    assert window.glossary.model.rowCount() == 2


@pytest.mark.parametrize("chosen, suffix, first_line", [
    ("Anki deck (*.tsv)", ".tsv", "#separator:tab"),
    ("TBX for CAT tools (*.tbx)", ".tbx", '<?xml version="1.0" encoding="UTF-8"?>'),
    ("OmegaT glossary (*.utf8)", ".utf8", "# Glossary in tab-separated format -*- coding: utf-8 -*-"),
    ("CSV for Excel (*.csv)", ".csv",
     "\ufeffsource,target,category,note,context,document,created,subject,pos"),
])
def test_export_presets_from_the_window(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chosen: str,
                                        suffix: str, first_line: str) -> None:
    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "الرباط", "Rabat", note="capital")
    target = tmp_path / "glossary"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Morocco deck", True))
    window.exchange.export_action.trigger()
    written = tmp_path / f"glossary{suffix}"
    qtbot.waitUntil(written.exists, timeout=TIMEOUT)
    assert written.read_text(encoding="utf-8").splitlines()[0] == first_line
    if suffix == ".tsv":
        assert "#deck:Morocco deck" in written.read_text(encoding="utf-8")


def test_drop_a_docx_opens_it(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                              tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in SAMPLE.read_text(encoding="utf-8").split("\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph)
    path = tmp_path / "article.docx"
    document.save(str(path))
    window = make_window()
    drop_file(qtbot, window, path)
    assert window.workspace.document is not None and window.workspace.document.title == "article.docx"
    assert len(window.workspace.document.sentences) == 20
    assert "DOCX" in window.documents.doc_label.text()


def test_document_size_limit_is_a_preference(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path,
                                              tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "two-megabytes.txt"
    path.write_text("جملة. " * 200_000, encoding="utf-8")
    window = make_window()
    dialog = window.show_preferences()
    dialog.max_mb.setValue(1)
    dialog.accept()
    window.documents.open_document(path)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=TIMEOUT)
    assert "up to 1 MB" in window.findChild(QMessageBox, "errorBox").text()
    assert window.workspace.document is None or window.workspace.document.path != path


def test_export_shows_progress_and_stop_keeps_the_old_file(qtbot: QtBot, make_window: WindowFactory,
                                                           empty_model_dir: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    add_numbered_terms(window, 20_000)
    target = tmp_path / "glossary.csv"
    target.write_text("an earlier export\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV (*.csv)"))
    window.exchange.export_action.trigger()
    assert window.exchange.job_progress.isVisible() and window.exchange.job_cancel.isVisible()
    window.exchange.import_glossary(tmp_path / "other.csv")  # one import or export at a time
    assert "Wait for the running export" in window.statusBar().currentMessage()
    assert window.exchange.import_preview is None
    with qtbot.waitSignal(window.jobStopped, timeout=TIMEOUT):
        qtbot.mouseClick(window.exchange.job_cancel, Qt.MouseButton.LeftButton)
    assert target.read_text(encoding="utf-8") == "an earlier export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".glossary")) == []
    assert not window.exchange.job_progress.isVisible() and not window.exchange.job_cancel.isVisible()
    assert "Export stopped" in window.statusBar().currentMessage()

    shown: list[int] = []
    window.exchange.job_progress.valueChanged.connect(shown.append)
    window.exchange.export_action.trigger()
    qtbot.waitUntil(lambda: "Exported 20000 terms" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    assert len(target.read_text(encoding="utf-8").splitlines()) == 20_001
    assert window.exchange.job_progress.maximum() == 20_000 and max(shown) >= 19_500
    assert not window.exchange.job_progress.isVisible()


def test_stopping_an_import_leaves_the_glossary_as_it_was(qtbot: QtBot, make_window: WindowFactory,
                                                          empty_model_dir: Path, tmp_path: Path) -> None:
    path = numbered_csv(tmp_path / "many.csv", 5000)
    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "الرباط", "Rabat")
    window.glossary.model.refresh()
    dialog = open_preview(qtbot, window, path)
    qtbot.waitUntil(lambda: dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled(),
                    timeout=TIMEOUT)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.exchange.job_progress.isVisible()
    with qtbot.waitSignal(window.jobStopped, timeout=TIMEOUT):
        qtbot.mouseClick(window.exchange.job_cancel, Qt.MouseButton.LeftButton)
    with window.workspace.factory() as session:
        assert store.count_terms(session) == 1
    assert window.glossary.model.rowCount() == 1
    assert "Import stopped" in window.statusBar().currentMessage()


def test_import_a_translation_memory_from_the_window(qtbot: QtBot, make_window: WindowFactory,
                                                     empty_model_dir: Path, tmp_path: Path) -> None:
    from translate.storage import tmx

    document = tmp_path / "doc.txt"
    document.write_text("قال المدير. ثم غادر.", encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
        window.start(document)
    memory = tmx.tmxfile(sourcelanguage="ar", targetlanguage="en")
    memory.addtranslation("قال المدير.", "ar", "The director said.", "en")
    (tmp_path / "cat.tmx").write_bytes(bytes(memory))
    window.exchange.import_memory(tmp_path / "cat.tmx")
    qtbot.waitUntil(lambda: window.exchange.memory_preview is not None, timeout=TIMEOUT)
    preview = window.exchange.memory_preview
    assert preview is not None and "1 Arabic → English units" in preview.text()
    with qtbot.waitSignal(window.memoryImported, timeout=TIMEOUT):
        qtbot.mouseClick(preview.button(preview.StandardButton.Ok), Qt.MouseButton.LeftButton)
    doc = window.workspace.document
    assert doc is not None and doc.translations[0] == "The director said." and doc.edited[0]


def test_subject_field_and_part_of_speech_show_in_the_preview_and_the_table(
        qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path, tmp_path: Path) -> None:
    from tests.core.test_interop import FOREIGN_TBX

    path = tmp_path / "tool.tbx"
    path.write_text(FOREIGN_TBX.split('<termEntry id="c18">')[0] + "</body></text></martif>",
                    encoding="utf-8")
    window = make_window()
    table = window.glossary.table
    subject_column = [label for _f, label in COLUMNS].index("Subject")
    assert table.isColumnHidden(subject_column)  # no term has one yet
    dialog = open_preview(qtbot, window, path)
    headers = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())]
    row = {h: dialog.preview.item(0, c).text() for c, h in enumerate(headers)}
    assert (row["Subject"], row["Part of speech"], row["Category"]) == ("manufacturing", "noun", "")
    with qtbot.waitSignal(window.glossaryImported, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not table.isColumnHidden(subject_column), timeout=TIMEOUT)
    model = window.glossary.model
    assert model.item(0, subject_column).text() == "manufacturing"
    assert model.item(0, subject_column + 1).text() == "noun"
    assert "Part of speech: noun" in model.item(0, 0).toolTip()
    # Edited in the table like the other fields.
    table.setCurrentIndex(model.index(0, subject_column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    [editor] = table.viewport().findChildren(QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "industry")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    with window.workspace.factory() as session:
        [term] = store.search(session)
    assert term.subject == "industry"

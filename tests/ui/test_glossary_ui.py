"""GUI tests for glossary intelligence: highlights, term pane, term check, table tools."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QToolTip
from pytestqt.qtbot import QtBot

from desktop.core.changes import Changes
from desktop.core.glossary import store
from desktop.ui import style
from desktop.ui.main_window import MainWindow
from desktop.ui.reader_pages import ARABIC, ENGLISH
from desktop.ui.term_pane import MISSING, PRESENT
from tests.conftest import SAMPLE
from tests.ui.conftest import WindowFactory
from tests.ui.test_window import start_translated

TIMEOUT = 30_000


def arabic_background(window: MainWindow, row: int, offset: int) -> object:
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.position_of(row, ARABIC, offset) + 1)
    brush = cursor.charFormat().background()
    return brush.color() if brush.style() != Qt.BrushStyle.NoBrush else None


def row_with(window: MainWindow, fragment: str) -> tuple[int, int]:
    assert window.workspace.document is not None
    for s in window.workspace.document.sentences:
        if fragment in s.text:
            return s.index, s.text.index(fragment)
    raise AssertionError(fragment)


def test_new_term_is_highlighted_everywhere_at_once(qtbot: QtBot, make_window: WindowFactory,
                                                    installed_model: Path) -> None:
    window = make_window()
    start_translated(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace.term_index is not None, timeout=TIMEOUT)
    row, offset = row_with(window, "حموشي")
    assert arabic_background(window, row, offset) is None
    window.reader.select_in_sentence(row, offset, offset + len("حموشي"))
    qtbot.keyClick(window.reader, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.terms.term_dialog
    assert dialog is not None
    # The name's usual spelling is suggested, or one click away when the model's English is.
    qtbot.waitUntil(lambda: dialog.target.placeholderText() != "Looking up…", timeout=TIMEOUT)
    if dialog.target.text() != "Hammouchi":
        assert dialog.transliteration_button.text() == "Use “Hammouchi”"
        qtbot.mouseClick(dialog.transliteration_button, Qt.MouseButton.LeftButton)
    assert dialog.target.text() == "Hammouchi"
    dialog.target.setText("Hammouchi")
    dialog.category.setCurrentText("person")
    qtbot.keyClicks(dialog.subject, "security")
    dialog.part_of_speech.setCurrentText("properNoun")
    with qtbot.waitSignal(window.termsHighlighted, timeout=TIMEOUT):
        qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    [saved] = window.workspace.search_terms("Hammouchi")
    assert (saved.subject, saved.pos) == ("security", "properNoun")
    person = style.category_colour("person")
    rows = [s.index for s in window.workspace.document.sentences if "حموشي" in s.text]  # type: ignore[union-attr]
    assert len(rows) >= 3
    for r in rows:
        sentence = window.workspace.document.sentences[r].text  # type: ignore[union-attr]
        assert arabic_background(window, r, sentence.index("حموشي")) == person
        assert [m.term.target for m in window.workspace.document.matches_in(r)].count("Hammouchi") >= 1


def test_hover_shows_the_english_category_and_note(qtbot: QtBot, make_window: WindowFactory,
                                                   installed_model: Path) -> None:
    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "مكتب التحقيقات الفيدرالي", "Federal Bureau of Investigation",
                       category="organization", note="FBI")
    window.glossary.model.refresh()
    with qtbot.waitSignal(window.termsHighlighted, timeout=TIMEOUT):
        start_translated(qtbot, window)
    row, offset = row_with(window, "مكتب التحقيقات الفيدرالي")
    window.reader.scroll_to_row(row)
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.position_of(row, ARABIC, offset + 3))
    point = window.reader.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, window.reader.viewport().mapToGlobal(point))
    QApplication.sendEvent(window.reader.viewport(), event)
    text = QToolTip.text()
    assert "Federal Bureau of Investigation" in text and "organization" in text and "FBI" in text


def test_term_pane_warns_and_one_click_insert_fixes_it(qtbot: QtBot, make_window: WindowFactory,
                                                       installed_model: Path) -> None:
    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "الرباط", "Rabat", category="place")
        store.add_term(session, "حموشي", "Hammouchi", category="person")
    window.glossary.model.refresh()
    with qtbot.waitSignal(window.termsHighlighted, timeout=TIMEOUT):
        start_translated(qtbot, window)
    row, _ = row_with(window, "بمكتبه بالرباط")
    window.reader.set_current(row)
    pane = window.term_pane
    statuses = [pane.table.item(i, 0).text() for i in range(pane.table.rowCount())]
    assert statuses == [MISSING, MISSING]  # the demo model's English has neither
    assert "2 missing" in pane.caption.text()
    problems = dict(window.workspace.document.term_problems())
    assert row in problems
    button = pane.insert_button(0)
    assert button is not None
    english = pane.table.item(0, 2).text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    doc = window.workspace.document
    assert english in (doc.translations[row] or "") and doc.edited[row]
    statuses = [pane.table.item(i, 0).text() for i in range(pane.table.rowCount())]
    assert sorted(statuses) == sorted([PRESENT, MISSING])
    # The English side now highlights the inserted term.
    english_text = window.reader.cell_text(row, ENGLISH)
    at = english_text.index(english)
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.position_of(row, ENGLISH, at) + 1)
    assert cursor.charFormat().fontUnderline()


def test_term_check_lists_sentences_and_jumps(qtbot: QtBot, make_window: WindowFactory,
                                              installed_model: Path) -> None:
    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "الإرهاب", "terrorism", category="other")
    window.glossary.model.refresh()
    with qtbot.waitSignal(window.termsHighlighted, timeout=TIMEOUT):
        start_translated(qtbot, window)
    dialog = window.terms.show_term_check()
    assert dialog.list.count() >= 3 and "lack a glossary term" in dialog.summary.text()
    item = dialog.list.item(dialog.list.count() - 1)
    target_row = item.data(Qt.ItemDataRole.UserRole)
    dialog.list.itemActivated.emit(item)
    assert window.reader.current_row == target_row


def test_undo_restores_a_deleted_term_and_redo_deletes_again(qtbot: QtBot, make_window: WindowFactory,
                                                             empty_model_dir: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    with window.workspace.factory.begin() as session:
        rabat, _ = store.add_term(session, "الرباط", "Rabat", category="place", note="capital")
        store.add_term(session, "المغرب", "Morocco", category="place")
    window.glossary.model.refresh()
    model = window.glossary.model
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.glossary.table.selectRow(model.row_of(rabat.id))
    qtbot.mouseClick(window.glossary.delete_button, Qt.MouseButton.LeftButton)
    assert model.row_of(rabat.id) == -1
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.row_of(rabat.id) >= 0
    with window.workspace.factory() as session:
        assert store.get_term(session, rabat.id) == rabat
    qtbot.keyClick(window.reader, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert model.row_of(rabat.id) == -1


def test_sort_filter_and_show_in_document(qtbot: QtBot, make_window: WindowFactory,
                                          empty_model_dir: Path) -> None:
    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "حموشي", "Hammouchi", category="person")
        store.add_term(session, "الرباط", "Rabat", category="place")
        store.add_term(session, "المغرب", "Morocco", category="place")
    window.glossary.model.refresh()
    with qtbot.waitSignal(window.termsHighlighted, timeout=TIMEOUT):
        window.start(SAMPLE)
    model = window.glossary.model
    header = window.glossary.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(1) + 10, 5))
    order = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert order in (["Hammouchi", "Morocco", "Rabat"], ["Rabat", "Morocco", "Hammouchi"])
    window.glossary.category_filter.setCurrentText("place")
    assert sorted(model.index(r, 1).data() for r in range(model.rowCount())) == ["Morocco", "Rabat"]
    window.glossary.category_filter.setCurrentIndex(0)
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "Hammouchi")
    term_id = model.term_id(row)
    window.glossary.showInDocumentRequested.emit(term_id)
    first = window.reader.arabic_selection()
    assert first is not None and first.text == "حموشي"
    window.glossary.showInDocumentRequested.emit(term_id)
    second = window.reader.arabic_selection()
    assert second is not None and second.sentence.index != first.sentence.index
    assert "Occurrence 2 of" in window.statusBar().currentMessage()


def test_duplicates_dialog_merges(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "الرباط", "Rabat", note="capital")
        store.add_term(session, "الرِّباط", "Rabat city", note="on the Atlantic")
    window.glossary.model.refresh()
    dialog = window.terms.show_duplicates()
    assert dialog.tree.topLevelItemCount() == 1
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.topLevelItemCount() == 0
    assert window.glossary.model.rowCount() == 1
    rec = window.glossary.model.record(0)
    assert rec is not None and rec.note == "capital · on the Atlantic"


def test_new_and_open_glossary_switch_the_file(qtbot: QtBot, make_window: WindowFactory,
                                              empty_model_dir: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "الرباط", "Rabat")
    window.glossary.model.refresh()
    other = tmp_path / "second.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    window.files.new_glossary_action.trigger()
    assert window.workspace.db_path == other and "second.db" in window.windowTitle()
    assert window.glossary.model.rowCount() == 0
    first = tmp_path / "glossary.db"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(first), ""))
    window.files.open_glossary_action.trigger()
    assert window.workspace.db_path == first and window.glossary.model.rowCount() == 1
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not sqlite" * 10)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.files.open_glossary_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None)
    assert window.workspace.db_path == first


def test_hundred_thousand_terms_model(qtbot: QtBot, qtmodeltester: object, tmp_path: Path) -> None:
    from desktop.core.glossary.store import NewTerm, add_terms
    from desktop.core.workspace import Workspace
    from desktop.ui.glossary_model import GlossaryModel

    workspace = Workspace.open(tmp_path / "big.db")
    with workspace.factory.begin() as session:
        add_terms(session, [NewTerm(f"مصطلح {i}", f"term {i}", "other" if i % 3 else "person")
                            for i in range(100_000)])
    model = GlossaryModel(workspace)
    assert model.rowCount() == 100_000
    assert model.index(99_999, 1).data() is None  # filled when it comes into view
    model.ensure_rows(99_950, 99_999)
    assert model.index(99_999, 1).data().startswith("term ")
    model.set_query("مصطلح 9999")
    found = sorted(model.index(r, 1).data() for r in range(model.rowCount()))
    assert found == ["term 9999"] + [f"term {n}" for n in range(99990, 100000)]
    model.set_query("")
    model.set_category("person")
    assert model.rowCount() == 33_334
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_big_glossary_loads_in_the_background(qtbot: QtBot, make_window: WindowFactory,
                                              empty_model_dir: Path, tmp_path: Path) -> None:
    from desktop.core.db.engine import dispose, open_database
    from desktop.core.glossary.store import NewTerm, add_terms

    db = tmp_path / "big.db"
    factory = open_database(db)
    with factory.begin() as session:
        add_terms(session, [NewTerm(f"اسم {i}", f"name {i}") for i in range(25_000)])
    dispose(factory)
    window = make_window(db)
    model = window.glossary.model
    assert model.loading  # the window is up before the catalogue is read
    assert window.glossary.count_label.text() == "Reading the glossary…"
    window.start(SAMPLE)
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 25_000, timeout=TIMEOUT)
    assert window.glossary.count_label.text() == "25000 terms"


def test_user_defined_category_with_its_own_colour(qtbot: QtBot, make_window: WindowFactory,
                                                   empty_model_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QLabel

    window = make_window()
    with window.workspace.factory.begin() as session:
        store.add_term(session, "حموشي", "Hammouchi", category="person")
    window.glossary.model.refresh()
    with qtbot.waitSignal(window.termsHighlighted, timeout=TIMEOUT):
        window.start(SAMPLE)
    dialog = window.terms.show_categories()
    assert dialog.add("Official", "#ff8800")
    assert window.glossary.findChild(QLabel, "legend-official") is not None
    assert "official" in [window.glossary.category_filter.itemText(i)
                          for i in range(window.glossary.category_filter.count())]
    model = window.glossary.model
    with qtbot.waitSignal(window.termsHighlighted, timeout=TIMEOUT):
        assert model.setData(model.index(0, 2), "official")
    row, offset = row_with(window, "حموشي")
    assert arabic_background(window, row, offset) == QColor("#ff8800")
    dialog.table.selectRow([c.name for c in dialog.items].index("official"))
    assert dialog.rename("senior official")
    assert model.record(0).category == "senior official"  # type: ignore[union-attr]
    dialog.table.selectRow([c.name for c in dialog.items].index("senior official"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.delete()
    assert model.record(0).category == "other"  # type: ignore[union-attr]
    assert window.glossary.findChild(QLabel, "legend-senior official") is None or \
        not window.glossary.findChild(QLabel, "legend-senior official").isVisible()


def test_rows_fill_as_they_scroll_into_view(qtbot: QtBot, make_window: WindowFactory,
                                            empty_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.glossary.store import NewTerm, add_terms

    window = make_window()
    with window.workspace.factory.begin() as session:
        add_terms(session, [NewTerm(f"كلمة {i:04}", f"word {i:04}", note=f"n{i}") for i in range(3000)])
    window.glossary.model.refresh()
    table, model = window.glossary.table, window.glossary.model
    assert model.index(2999, 1).data() is None  # far below the view: not read yet
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = table.rowAt(table.viewport().height() - 1)
    assert last == 2999
    assert model.index(2999, 1).data() == "word 2999"  # sorted by Arabic: كلمة 2999 is last
    assert model.index(2999, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("كلمة 2999 → word 2999")
    assert model.index(2999, 3).data() == "n2999"
    for _ in range(6):
        qtbot.keyClick(table, Qt.Key.Key_PageUp)
    first, last = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
    assert first < 2999 - 3 * (last - first)  # well above what was filled for the end
    assert all(model.index(r, 1).data() == f"word {r:04}" for r in range(first, last + 1))

    # A new category colour shows at once; rows are updated in place (replacing a Qt item
    # costs time in proportion to the number of rows).
    from PySide6.QtGui import QColor

    from desktop.ui import style

    item = model.item(first, 2)
    monkeypatch.setattr(style, "category_colour", lambda _name: QColor("#123456"))
    window.glossary.apply(Changes(categories=True))
    assert model.item(first, 2) is item
    assert model.index(first, 2).data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#123456")


def test_a_late_catalogue_never_replaces_another_glossarys_table(
        qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.ui.glossary_model import GlossaryModel
    from tests.ui.conftest import add_numbered_terms

    monkeypatch.setattr(GlossaryModel, "BACKGROUND_FROM", 10)  # read off the GUI thread
    window = make_window()
    add_numbered_terms(window, 150)
    model = window.glossary.model
    model.refresh()  # reading 150 terms on a worker…
    assert model.loading
    window.files.switch_glossary(tmp_path / "other.db")  # …while another glossary opens
    qtbot.waitUntil(lambda: not window.runner.running(), timeout=TIMEOUT)
    qtbot.wait(50)
    assert model.total() == 0 and model.rowCount() == 0 and not model.loading
    assert window.glossary.count_label.text() == "0 terms"


def test_a_big_glossarys_highlights_come_before_its_table(
        qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With a big glossary (100,000 terms in real life), the document's terms are highlighted
    first, then the table is read: both use the one thread for Python-heavy work."""
    from desktop.core.workspace import Workspace
    from desktop.ui import terms
    from desktop.ui.glossary_model import GlossaryModel
    from tests.ui.conftest import numbered_pairs

    monkeypatch.setattr(GlossaryModel, "BACKGROUND_FROM", 10)
    monkeypatch.setattr(terms, "EARLY_MATCHES_FROM", 10)
    db = tmp_path / "big.db"
    workspace = Workspace.open(db)
    with workspace.factory.begin() as session:
        store.add_terms(session, [store.NewTerm(a, e) for a, e in numbered_pairs(150)])
        store.add_term(session, "حموشي", "Hammouchi", category="person")
    workspace.close()
    window = make_window(db)
    model, panel = window.glossary.model, window.glossary
    assert model.deferred and model.rowCount() == 0
    assert panel.count_label.text() == "Reading the glossary…"
    table_at_highlight: list[int] = []
    early: list[list[tuple[int, int, int]]] = []  # highlights found before the whole index

    def highlighted() -> None:
        table_at_highlight.append(model.total())
        doc = window.workspace.document
        if window.workspace.term_index is None and doc is not None:
            early.append([(m.start, m.end, m.term.id) for m in doc.matches])

    window.termsHighlighted.connect(highlighted)
    import threading
    counted_on: list[bool] = []  # the terms are counted off the GUI thread (a server may be slow)
    count = window.workspace.count_terms
    window.workspace.count_terms = lambda: counted_on.append(  # type: ignore[method-assign]
        threading.current_thread() is threading.main_thread()) or count()
    with qtbot.waitSignal(model.loaded, timeout=TIMEOUT):
        window.start(SAMPLE)
    assert table_at_highlight and table_at_highlight[0] == 0  # the highlights came first
    doc = window.workspace.document
    assert doc is not None
    assert any(m.term.target == "Hammouchi" for m in doc.matches)
    # They came before the whole glossary was indexed, and the index found the same terms.
    qtbot.waitUntil(lambda: window.workspace.term_index is not None, timeout=TIMEOUT)
    assert early and early[0] == [(m.start, m.end, m.term.id) for m in doc.matches if not m.lemma]
    assert counted_on and not any(counted_on)
    assert model.total() == 151 and not model.deferred and not model.loading
    assert panel.count_label.text() == "151 terms"


def test_the_table_shows_and_finds_who_added_a_term(qtbot: QtBot, make_window: WindowFactory,
                                                    empty_model_dir: Path) -> None:
    """Once a term records who added it (a team glossary, or a name set in Preferences), the
    table shows the "Added by" and "Changed by" columns, sorts by them, and the search box
    finds a translator's terms by name."""
    from dataclasses import replace

    from desktop.ui.glossary_model import COLUMNS

    window = make_window()
    window.workspace.save_term("الرباط", "Rabat", category="place")
    window.glossary.model.refresh()
    panel, model = window.glossary, window.glossary.model
    window.resize(3000, 900)  # a dock may take up to half the window
    panel.setFloating(True)  # so that its width is the test's to set
    panel.resize(1400, 500)
    added_by = [field for field, _label in COLUMNS].index("created_by")
    changed_by = [field for field, _label in COLUMNS].index("changed_by")
    panel._show_used_columns()
    assert panel.table.isColumnHidden(added_by) and panel.table.isColumnHidden(changed_by)
    window.workspace.set_preferences(replace(window.workspace.preferences, display_name="Salma Idrissi"))
    term = window.workspace.save_term("حموشي", "Hammouchi", category="person").value[0]
    window.ctx.publish(Changes(terms=(term,)))
    qtbot.waitUntil(lambda: not panel.table.isColumnHidden(added_by), timeout=TIMEOUT)
    panel.resize(430, 500)  # the dock's usual width: the Arabic and English keep their room
    qtbot.waitUntil(lambda: panel.table.isColumnHidden(added_by), timeout=TIMEOUT)
    panel.resize(1400, 500)
    qtbot.waitUntil(lambda: not panel.table.isColumnHidden(added_by), timeout=TIMEOUT)
    assert model.headerData(added_by, Qt.Orientation.Horizontal) == "Added by"
    row = model.row_of(term.id)
    assert model.index(row, added_by).data() == "Salma Idrissi"
    assert not model.index(row, added_by).flags() & Qt.ItemFlag.ItemIsEditable
    panel.search.clear()
    qtbot.keyClicks(panel.search, "salma")
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=TIMEOUT)
    assert model.index(0, 1).data() == "Hammouchi"
    assert panel.count_label.text() == "1 matching term of 2"

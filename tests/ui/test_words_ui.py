"""GUI: the Word panel on a click, and capturing a term without a model (Enter saves)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.reader_pages import ARABIC
from tests.conftest import SAMPLE
from tests.ui.conftest import WindowFactory
from tests.ui.test_glossary_ui import arabic_background

TIMEOUT = 30_000


def started(qtbot: QtBot, make_window: WindowFactory, term: tuple[str, str, str] | None = None) -> MainWindow:
    """A window on the sample once the dictionary is ready; with ``term`` (Arabic, English,
    category) in its glossary first."""
    window = make_window()
    if term is not None:
        window.workspace.save_term(term[0], term[1], category=term[2])
    with qtbot.waitSignal(window.lexiconReady, timeout=60_000):
        with qtbot.waitSignal(window.documentShown, timeout=TIMEOUT):
            window.start(SAMPLE)
    return window


def click_word(qtbot: QtBot, window: MainWindow, word: str) -> None:
    """Click in the middle of the first occurrence of ``word`` in the Arabic column."""
    doc = window.workspace.document
    assert doc is not None
    row = next(s.index for s in doc.sentences if word in s.text)
    offset = doc.sentences[row].text.index(word) + len(word) // 2
    window.reader.scroll_to_row(row)
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.position_of(row, ARABIC, offset))
    rect = window.reader.cursorRect(cursor)
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(rect.center().x(), rect.center().y()))


def test_clicking_a_word_shows_what_it_means(qtbot: QtBot, make_window: WindowFactory,
                                             empty_model_dir: Path) -> None:
    window = started(qtbot, make_window)
    window.workspace.save_term("المديرين", "the directors")
    panel = window.words.panel
    with qtbot.waitSignal(window.wordShown, timeout=TIMEOUT) as shown:
        click_word(qtbot, window, "بالرباط")
    assert shown.args == ["بالرباط"]
    assert panel.analyses[0].gloss == "Rabat" and panel.analyses[0].segmentation == "ب + ال + رباط"
    assert "Rabat" in panel.view.toPlainText() and "proper noun" in panel.view.toPlainText()
    with qtbot.waitSignal(window.wordShown, timeout=TIMEOUT):
        click_word(qtbot, window, "المدير")
    assert panel.analyses[0].lemma_id == "mudiyr_1"
    # The glossary's entries for the same lemma come in the background.
    qtbot.waitUntil(lambda: "the directors" in panel.view.toPlainText(), timeout=TIMEOUT)
    assert "director; manager; chief" in panel.view.toPlainText()


def test_a_name_unknown_to_the_dictionary_can_be_added(qtbot: QtBot, make_window: WindowFactory,
                                                      empty_model_dir: Path) -> None:
    window = started(qtbot, make_window)
    with qtbot.waitSignal(window.wordShown, timeout=TIMEOUT):
        click_word(qtbot, window, "حموشي")
    panel = window.words.panel
    assert panel.analyses == [] and "does not know this word" in panel.view.toPlainText()
    assert panel.add_word_button.isEnabled() and not panel.add_lemma_button.isEnabled()
    qtbot.mouseClick(panel.add_word_button, Qt.MouseButton.LeftButton)
    dialog = window.terms.term_dialog
    assert dialog is not None and dialog.source.text() == "حموشي"
    qtbot.waitUntil(lambda: dialog.target.text() == "Hammouchi", timeout=TIMEOUT)  # the name's spelling
    with qtbot.waitSignal(window.termSaved, timeout=TIMEOUT):
        qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    assert [t.target for t in window.workspace.search_terms("حموشي")] == ["Hammouchi"]


def test_capture_without_a_model_suggests_english_and_enter_saves(
        qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    window = started(qtbot, make_window)
    assert window.workspace.engine is None
    doc = window.workspace.document
    assert doc is not None
    row = next(s.index for s in doc.sentences if "المدير العام" in s.text)
    offset = doc.sentences[row].text.index("المدير العام")
    window.reader.select_in_sentence(row, offset, offset + len("المدير العام"))
    qtbot.keyClick(window.reader, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.terms.term_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.target.text() != "", timeout=TIMEOUT)
    assert dialog.target.text() == "director general"
    assert "dictionary" in dialog.target.toolTip()
    with qtbot.waitSignal(window.termSaved, timeout=TIMEOUT):
        qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    assert [t.target for t in window.workspace.search_terms("المدير العام")] == ["director general"]


def test_add_lemma_from_the_panel(qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    window = started(qtbot, make_window)
    with qtbot.waitSignal(window.wordShown, timeout=TIMEOUT):
        click_word(qtbot, window, "المدير")
    qtbot.mouseClick(window.words.panel.add_lemma_button, Qt.MouseButton.LeftButton)
    dialog = window.terms.term_dialog
    assert dialog is not None and dialog.source.text() == "مدير"
    qtbot.waitUntil(lambda: dialog.target.text() == "director", timeout=TIMEOUT)


def test_word_glosses_are_drawn_under_the_words(qtbot: QtBot, make_window: WindowFactory,
                                                empty_model_dir: Path) -> None:
    from PySide6.QtGui import QImage

    window = started(qtbot, make_window)
    reader = window.reader
    doc = window.workspace.document
    assert doc is not None
    row = next(s.index for s in doc.sentences if "بالرباط" in s.text)
    reader.scroll_to_row(row)
    qtbot.wait(50)
    plain = reader.viewport().grab().toImage()
    line_before = reader.cursorRect().height()
    with qtbot.waitSignal(window.glossesShown, timeout=TIMEOUT):
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(reader, Qt.Key.Key_G, ctrl_shift)
    assert window.words.glosses_action.isChecked() and reader.glosses_shown
    assert reader._glosses is not None and reader._glosses["بالرباط"] == "Rabat"
    assert reader._glosses["المدير"] == "director"
    reader.scroll_to_row(row)
    qtbot.wait(50)
    glossed = reader.viewport().grab().toImage()
    assert glossed != plain  # the gloss line is drawn
    assert isinstance(glossed, QImage)
    # Selecting and capturing still work on the text itself.
    offset = doc.sentences[row].text.index("بالرباط")
    reader.select_in_sentence(row, offset, offset + len("بالرباط"))
    selection = reader.arabic_selection()
    assert selection is not None and selection.text == "بالرباط"
    # Off again: the page is laid out without the room, and the choice is remembered.
    window.words.glosses_action.trigger()
    assert not reader.glosses_shown
    from desktop.ui import settings as opts

    assert opts.WORD_GLOSSES.get(window.settings) == 0
    assert line_before > 0


def test_other_forms_of_a_term_are_marked_differently(qtbot: QtBot, make_window: WindowFactory,
                                                      empty_model_dir: Path) -> None:
    from PySide6.QtGui import QTextCharFormat

    from desktop.ui.term_pane import LEMMA_MARK

    window = make_window()
    window.workspace.save_term("الجهاز", "the apparatus", category="organization")
    builds = []  # the whole glossary indexed once: the lexicon only adds the lemmas
    build = window.workspace.build_term_index
    window.workspace.build_term_index = lambda: builds.append(1) or build()  # type: ignore[method-assign]
    with qtbot.waitSignal(window.lexiconReady, timeout=60_000):
        window.start(SAMPLE)
    doc = window.workspace.document
    assert doc is not None
    qtbot.waitUntil(lambda: any(m.lemma for m in doc.matches), timeout=TIMEOUT)
    assert len(builds) == 1 and window.workspace.lemma_index is not None
    forms = {m.text: m.lemma for m in doc.matches if m.term.target == "the apparatus"}
    assert forms["الجهاز"] is False and forms["الأجهزة"] is True  # the broken plural
    match = next(m for m in doc.matches if m.text == "الأجهزة")
    row = next(r for r in doc.rows_with_terms() if match in doc.matches_in(r))
    offset = match.start - doc.sentences[row].start
    window.reader.scroll_to_row(row)
    window.reader.cell_text(row, ARABIC)  # draws what is pending
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.position_of(row, ARABIC, offset) + 1)
    assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    window.reader.set_current(row)
    texts = [window.term_pane.table.item(i, 1).text() for i in range(window.term_pane.table.rowCount())]
    assert f"الأجهزة {LEMMA_MARK}" in texts
    # Off in the preferences: only the glossary's own forms are marked.
    dialog = window.show_preferences()
    dialog.lemmas.setChecked(False)
    with qtbot.waitSignal(window.termsHighlighted, timeout=TIMEOUT):
        dialog.accept()
    qtbot.waitUntil(lambda: not any(m.lemma for m in doc.matches), timeout=TIMEOUT)
    assert any(m.text == "الجهاز" for m in doc.matches)


def test_vowelled_text_keeps_selection_terms_and_words_on_the_written_text(
        qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    window = started(qtbot, make_window, ("بالرباط", "in Rabat", "place"))
    doc = window.workspace.document
    assert doc is not None
    qtbot.waitUntil(lambda: bool(doc.rows_with_terms()), timeout=TIMEOUT)
    row = next(s.index for s in doc.sentences if "بالرباط" in s.text)
    written = window.reader.cell_text(row, ARABIC)
    with qtbot.waitSignal(window.vowelsShown, timeout=TIMEOUT):
        qtbot.keyClick(window.reader, Qt.Key.Key_H,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    shown = window.reader.cell_text(row, ARABIC)
    assert "بِالرِباط" in shown and "المُدِير" in shown and "حموشي" in shown
    assert len(shown) > len(written)
    # The term is still marked on its letters; a selection still gives the written word.
    offset = doc.sentences[row].text.index("بالرباط")
    assert arabic_background(window, row, offset) is not None
    window.reader.select_in_sentence(row, offset, offset + len("بالرباط"))
    selection = window.reader.arabic_selection()
    assert selection is not None and selection.text == "بالرباط"
    with qtbot.waitSignal(window.wordShown, timeout=TIMEOUT):
        click_word(qtbot, window, "المدير")
    assert window.words.panel.word == "المدير"
    window.words.vowels_action.trigger()
    assert window.reader.cell_text(row, ARABIC) == written


def test_vowels_arriving_never_close_an_edit_or_lose_the_selection(
        qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    window = started(qtbot, make_window)
    reader, doc = window.reader, window.workspace.document
    assert doc is not None
    with qtbot.waitSignal(window.vowelsShown, timeout=TIMEOUT):
        window.words.show_vowelled(True)
    # The translator is typing when the page's vowels come (as after a page turn).
    reader.start_edit(3)
    editor = reader.editor
    assert editor is not None
    editor.setPlainText("My English.")
    with qtbot.waitSignal(window.vowelsShown, timeout=TIMEOUT):
        window.words._vowel_page()
    assert reader.editor is editor and editor.toPlainText() == "My English."
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert doc.translations[3] == "My English." and doc.edited[3]
    assert "بِالرِباط" in reader.cell_text(next(s.index for s in doc.sentences if "بالرباط" in s.text), ARABIC)
    # A selection and the word at the cursor survive a new layout (glosses on).
    row = next(s.index for s in doc.sentences if "بالرباط" in s.text)
    offset = doc.sentences[row].text.index("بالرباط")
    reader.select_in_sentence(row, offset, offset + len("بالرباط"))
    window.words.show_glosses(True)
    selection = reader.arabic_selection()
    assert selection is not None and selection.text == "بالرباط"
    hit = reader.word_at_cursor()
    assert hit is not None and hit.word == "بالرباط"


def test_a_term_saved_while_the_lemmas_are_indexed_keeps_lemma_matching(
        qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    """A term saved (Ctrl+T) while the lemmas of the glossary are worked out joins them: the
    other forms of the old and the new term are both found afterwards."""
    window = started(qtbot, make_window, ("الجهاز", "the apparatus", "organization"))
    doc = window.workspace.document
    assert doc is not None
    qtbot.waitUntil(lambda: any(m.lemma for m in doc.matches), timeout=TIMEOUT)
    # As at a big glossary's start: the index has no lemmas yet when the dictionary comes.
    window.workspace.lemma_index = None
    window.terms.load_lemma_index()  # the task is queued
    outcome = window.workspace.save_term("المدير", "the director", category="title")
    window.ctx.publish(outcome.changes)  # in place: no new index is built
    qtbot.waitUntil(lambda: {"the apparatus", "the director"} <= {m.term.target for m in doc.matches
                                                                  if m.lemma}, timeout=TIMEOUT)
    lemmas = window.workspace.lemma_index
    assert lemmas is not None and len(lemmas) == 2

"""The Arabic interface: every user-visible text goes through Qt's translation system, the
Arabic translation is complete and up to date, and under Arabic the window speaks Arabic and
reads right to left."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.ui import i18n
from desktop.ui import settings as opts
from tests.ui.conftest import WindowFactory

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "desktop" / "ui"
TS = ROOT / "resources" / "i18n" / "tarjuman_ar.ts"
QM = TS.with_suffix(".qm")

#: (context, source, disambiguation, numerus)
Message = tuple[str, str, str, bool]

ARABIC = re.compile(r"[\u0600-\u06ff]")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%[nvm]")
TAG = re.compile(r"</?[a-z0-9]+>")
#: What may stay as it is in a translation: key names, file patterns, format and product
#: names, units and placeholders.
UNTRANSLATED_TOKENS = re.compile(
    r"\{[a-z_]+\}|%[nvm]|<[^>]+>|\*\.[a-z0-9]+|\(\*\)|\b(Ctrl|Shift|Alt|Enter|Esc|Space|Delete|"
    r"Page Up|Page Down|PgUp|PgDown|F\d+|K|I|CSV|TSV|TBX|TMX|HTML|ISO|Anki|OmegaT|Excel|Argos|"
    r"Translate|CTranslate2|argosmodel|apkg|int8|auto|MB|pt|Noto Naskh Arabic|SIL|MIT|Tarjuman)\b")
#: Calls whose text arguments the user sees (methods and constructors).
USER_FACING = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText",
    "setLabelText", "setFormat", "setSuffix", "setPrefix", "setSpecialValueText", "setTitle",
    "addAction", "addMenu", "addItem", "addItems", "addRow", "addButton", "addTab", "addToolBar",
    "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setHeaderLabels", "showMessage",
    "status", "show_error", "error_handler", "show_message", "action", "question", "warning",
    "information", "critical", "about", "getText", "getItem", "getInt", "getOpenFileName",
    "getSaveFileName", "getExistingDirectory", "getColor", "insertText", "createUndoAction",
    "createRedoAction", "__init__",
    "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QMenu", "QMessageBox", "QProgressDialog", "QDockWidget", "QTableWidgetItem", "QTreeWidgetItem",
    "QListWidgetItem", "QStandardItem",
}
#: Literal arguments of those calls that are not words: keys (as QKeySequence reads them).
NOT_WORDS = re.compile(r"^((Ctrl|Shift|Alt|Meta)\+)*(F\d{1,2}|Esc|PgUp|PgDown|[A-Z0-9=+\-/])$")


# -- reading the code and the translation file --------------------------------------------------
def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _is_self_tr(node: ast.Call) -> bool:
    func = node.func
    return (isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name)
            and func.value.id == "self")


def _walk_with_class(node: ast.AST, cls: str = "") -> Iterator[tuple[ast.AST, str]]:
    """Every node with the name of the class it is written in ("" outside classes)."""
    for child in ast.iter_child_nodes(node):
        inner = child.name if isinstance(child, ast.ClassDef) else cls
        yield child, inner
        yield from _walk_with_class(child, inner)


def code_messages() -> tuple[set[Message], list[str]]:
    """The messages the code asks Qt to translate, read as lupdate should read them, and the
    calls it cannot read (a text or context that is not written out)."""
    found: set[Message] = set()
    unreadable: list[str] = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node, cls in _walk_with_class(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.name}:{node.lineno}"
            name, args = _call_name(node), node.args
            keywords = {k.arg for k in node.keywords}
            if _is_self_tr(node):
                text = _literal(args[0]) if args else None
                if text is None or not cls:
                    unreadable.append(where)
                    continue
                comment = _literal(args[1]) if len(args) > 1 else ""
                found.add((cls, text, comment or "", len(args) > 2 or "n" in keywords))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and not (
                    path.name == "i18n.py" and isinstance(node.func, ast.Attribute)):  # the wrapper
                context = _literal(args[0]) if args else None
                text = _literal(args[1]) if len(args) > 1 else None
                if context is None or text is None:
                    # Texts marked with QT_TRANSLATE_NOOP, translated where they are shown.
                    if name == "translate" and isinstance(args[0], ast.Name) and args[0].id == "CONTEXT" \
                            and _literal(args[1]) is None:
                        continue
                    unreadable.append(where)
                    continue
                if len(args) > 3 or "n" in keywords:  # lupdate reads plural forms only from self.tr
                    unreadable.append(f"{where} (a count: use self.tr)")
                    continue
                comment = _literal(args[2]) if len(args) > 2 else ""
                found.add((context, text, comment or "", False))
    return found, unreadable


def ts_messages(path: Path) -> dict[Message, ET.Element]:
    root = ET.parse(path).getroot()
    messages: dict[Message, ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "",
                   message.get("numerus") == "yes")
            messages[key] = message
    return messages


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations", ROOT / "packaging" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the translation file -----------------------------------------------------------------------
def test_every_message_has_an_arabic_translation() -> None:
    messages = ts_messages(TS)
    assert len(messages) > 300
    problems = []
    for (context, source, _comment, numerus), message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        texts = _translations(message)
        label = f"{context}: {source!r}"
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{label} is {translation.get('type')}")
            continue
        if numerus and len(texts) != 6:  # Arabic: zero, one, two, few, many, other
            problems.append(f"{label} has {len(texts)} plural forms, not 6")
        for text in texts:
            if not text.strip():
                problems.append(f"{label} has an empty translation")
            elif UNTRANSLATED_TOKENS.sub("", source).strip(" .,:;()/–-…→·|'\"\t") and (
                    text == source or not ARABIC.search(text)):
                problems.append(f"{label} is not translated: {text!r}")
    assert not problems, "\n".join(problems)


def test_translations_keep_placeholders_markup_keys_and_accelerators() -> None:
    problems = []
    for (context, source, _comment, _numerus), message in ts_messages(TS).items():
        label = f"{context}: {source!r}"
        texts = _translations(message)
        wanted = set(PLACEHOLDER.findall(source)) - {"%n"}
        for text in texts:
            if set(PLACEHOLDER.findall(text)) - {"%n"} != wanted:
                problems.append(f"{label}: placeholders {sorted(set(PLACEHOLDER.findall(text)))} in {text!r}")
            if sorted(TAG.findall(text)) != sorted(TAG.findall(source)):
                problems.append(f"{label}: markup differs in {text!r}")
            if "\t" in source and text.split("\t")[-1] != source.split("\t")[-1]:
                problems.append(f"{label}: the key after the tab differs in {text!r}")
            if ("&" in source.replace("&nbsp;", "")) != ("&" in text.replace("&nbsp;", "")):
                problems.append(f"{label}: the accelerator (&) is missing or added in {text!r}")
            try:
                text.format(**{name.strip("{}"): 0 for name in wanted if name.startswith("{")})
            except (KeyError, IndexError, ValueError) as exc:
                problems.append(f"{label}: {text!r} does not format ({exc})")
        if "%n" in source and not any("%n" in text for text in texts):
            problems.append(f"{label}: no form shows the count (%n)")
    assert not problems, "\n".join(problems)


def test_the_translation_file_matches_the_code() -> None:
    """Every message the code translates is in the .ts file, and nothing else is (run
    ``python packaging/translations.py`` after changing a text)."""
    in_code, unreadable = code_messages()
    assert not unreadable, f"texts lupdate cannot read (not written out): {unreadable}"
    in_file = set(ts_messages(TS))
    assert not in_code - in_file, f"missing from {TS.name}: {sorted(in_code - in_file)}"
    assert not in_file - in_code, f"no longer in the code: {sorted(in_file - in_code)}"


def test_lupdate_reads_the_code_as_the_test_does(tmp_path: Path) -> None:
    """Extracting again changes nothing (lupdate finds the same messages, in the same
    contexts), and the shipped .qm is the compiled .ts."""
    script = _load_script()
    try:
        script.tool("lupdate")
        lrelease = script.tool("lrelease")
    except SystemExit:
        pytest.skip("Qt's lupdate/lrelease are not installed")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    script.extract("ar", copy)
    assert set(ts_messages(copy)) == set(ts_messages(TS))
    import subprocess

    compiled = tmp_path / QM.name
    subprocess.run([lrelease, str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    fresh, shipped = QTranslator(), QTranslator()
    assert fresh.load(str(compiled)) and shipped.load(str(QM))
    stale = [source for (context, source, comment, numerus) in ts_messages(TS)
             for n in ((0, 1, 2, 3, 11, 100) if numerus else (-1,))
             if fresh.translate(context, source, comment or None, n)
             != shipped.translate(context, source, comment or None, n)]
    assert not stale, f"resources/i18n/tarjuman_ar.qm is stale (compile it): {stale[:5]}"


def test_no_user_facing_call_gets_an_untranslated_literal() -> None:
    """Texts given straight to the calls that show them are translated (keys aside)."""
    problems = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _call_name(node) not in USER_FACING:
                continue
            func = node.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                    and func.value.id == "log":
                continue  # the log file is English
            values: list[ast.AST] = [*node.args, *(k.value for k in node.keywords)]
            while values:
                value = values.pop()
                if isinstance(value, (ast.List, ast.Tuple)):
                    values.extend(value.elts)
                elif isinstance(value, ast.BinOp):
                    values.extend((value.left, value.right))
                elif isinstance(value, ast.IfExp):
                    values.extend((value.body, value.orelse))
                elif isinstance(value, ast.JoinedStr):
                    literal = "".join(_literal(v) or "" for v in value.values)
                    if re.search(r"[A-Za-z]{2}", re.sub(r"<[^>]*>", "", literal)):
                        problems.append(f"{path.name}:{node.lineno}: f-string {literal!r}")
                elif (text := _literal(value)) and re.search(r"[A-Za-z]", text) and not NOT_WORDS.match(text):
                    problems.append(f"{path.name}:{node.lineno}: {text!r}")
    assert not problems, "untranslated texts:\n" + "\n".join(problems)


# -- choosing the language ------------------------------------------------------------------------
def test_the_system_language_is_the_first_one_tarjuman_speaks() -> None:
    assert i18n.language_for(["ar-EG", "en-US"]) == "ar"
    assert i18n.language_for(["fr-FR", "ar_MA", "en"]) == "ar"
    assert i18n.language_for(["en-GB", "ar"]) == "en"
    assert i18n.language_for(["de-DE"]) == "en"
    assert i18n.language_for([]) == "en"


def test_english_installs_nothing(qapp: QApplication, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    opts.LANGUAGE.set(settings, "en")
    assert i18n.install(qapp, settings) == "en"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    settings.setValue(opts.LANGUAGE.key, "klingon")  # an unknown value reads as "system"
    assert opts.LANGUAGE.get(settings) == "system"


def test_preferences_choose_the_interface_language(qtbot: QtBot, make_window: WindowFactory,
                                                   empty_model_dir: Path) -> None:
    window = make_window()
    dialog = window.show_preferences()
    box = dialog.language_box
    assert [box.itemText(i) for i in range(box.count())] == ["System", "English", "العربية"]
    assert box.currentData() == "system"
    assert "next time" in dialog.findChild(QLabel, "languageNote").text()
    box.setCurrentIndex(box.findData("ar"))
    dialog.accept()
    assert opts.LANGUAGE.get(window.settings) == "ar"
    assert "next time Tarjuman starts" in window.statusBar().currentMessage()
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight  # not before a restart


# -- the Arabic window ----------------------------------------------------------------------------
@pytest.fixture
def arabic(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The Arabic interface for the windows built in the test; English again afterwards."""
    settings = QSettings(str(tmp_path / "language.ini"), QSettings.Format.IniFormat)
    opts.LANGUAGE.set(settings, "ar")
    try:
        assert i18n.install(qapp, settings) == "ar"
        yield
    finally:
        i18n.uninstall(qapp)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert qapp.translate("MainWindow", "&File") == "&File"


def _latin_only(text: str) -> bool:
    """A text with words but no Arabic (keys, names and placeholders aside)."""
    rest = UNTRANSLATED_TOKENS.sub("", text.replace("&", ""))
    return bool(re.search(r"[A-Za-z]{2}", rest)) and not ARABIC.search(text)


def _texts_shown(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) of the menus, actions, buttons, labels, fields and headers in ``widget``."""
    texts: list[tuple[str, str]] = []
    for action in widget.findChildren(QAction):
        texts += [(f"action {action.text()!r}", action.text()), ("tooltip", action.toolTip()),
                  ("status tip", action.statusTip())]
    for button in widget.findChildren(QAbstractButton):
        texts += [(f"button {button.objectName()}", button.text()), ("tooltip", button.toolTip())]
    for label in widget.findChildren(QLabel):
        if not label.objectName().startswith("legend-"):  # category names: the user's data
            texts.append((f"label {label.objectName()}", label.text()))
    for field in widget.findChildren(QLineEdit):
        texts.append((f"field {field.objectName()}", field.placeholderText()))
    for dock in widget.findChildren(QDockWidget):
        texts.append((f"dock {dock.objectName()}", dock.windowTitle()))
    for table in widget.findChildren(QTableView):
        model = table.model()
        for column in range(model.columnCount()):
            header = model.headerData(column, Qt.Orientation.Horizontal)
            texts.append((f"header of {table.objectName()}", str(header or "")))
    return [(where, text) for where, text in texts if text]


def test_the_arabic_interface_is_arabic_and_right_to_left(
        arabic: None, qtbot: QtBot, make_window: WindowFactory, empty_model_dir: Path) -> None:
    window = make_window()
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:3] == ["&ملف", "&تحرير", "ت&رجمة"]
    assert window.windowTitle().endswith("ترجمان")
    assert window.glossary.windowTitle() == "المسرد"
    assert window.glossary.model.headerData(0, Qt.Orientation.Horizontal) == "العربية"
    assert window.translation.retranslate_action.text() == "إعادة ال&ترجمة"
    # Keys are still read as written (Qt's Arabic names keys differently).
    portable = QKeySequence.SequenceFormat.PortableText
    assert window.terms.capture_action.shortcut().toString(portable) == "Ctrl+T"
    assert window.learner.review_action.shortcut().toString(portable) == "Ctrl+Shift+R"
    untranslated = [f"{where}: {text!r}" for where, text in _texts_shown(window) if _latin_only(text)]
    assert not untranslated, "\n".join(untranslated)

    dialog = window.show_preferences()
    form = dialog.layout()
    assert isinstance(form, QFormLayout)
    labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount())]
    texts = [item.widget().text() for item in labels
             if item is not None and isinstance(item.widget(), QLabel)]
    assert "حجم الحزمة (Beam):" in texts and "لغة الواجهة:" in texts
    assert dialog.windowTitle() == "التفضيلات"
    untranslated = [f"{where}: {text!r}" for where, text in _texts_shown(dialog) if _latin_only(text)]
    assert not untranslated, "\n".join(untranslated)
    dialog.reject()

    # Messages built at run time, and Qt's own texts (the standard buttons).
    window.translation.translate_again()
    assert window.statusBar().currentMessage() == "افتح مستندًا أولًا (Ctrl+O)؛ ثم يترجمه المفتاح F5."
    from desktop.ui.translation import finished_message

    assert finished_message(0, 2, 1.5) == "تُرجمت جملتان بالنموذج في 1.5 ثانية."
    assert finished_message(0, 11, 1.5) == "تُرجمت 11 جملة بالنموذج في 1.5 ثانية."
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert ARABIC.search(buttons.button(QDialogButtonBox.StandardButton.Cancel).text())

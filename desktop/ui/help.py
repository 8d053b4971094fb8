"""Help → Keyboard Shortcuts (a sheet generated from the window's actions) and Help → User
Guide (F1, the bundled HTML guide)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.paths import resources_dir
from desktop.ui.context import AppContext
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

#: Keys that act inside one view, so no menu shows them: (where, what, key).
VIEW_KEYS = (
    (QT_TRANSLATE_NOOP("Tarjuman", "Reading view"),
     QT_TRANSLATE_NOOP("Tarjuman", "Edit the English of the current sentence"),
     QT_TRANSLATE_NOOP("Tarjuman", "F2 or double-click")),
    (QT_TRANSLATE_NOOP("Tarjuman", "Sentence editor"),
     QT_TRANSLATE_NOOP("Tarjuman", "Save the English / leave it as it was"),
     QT_TRANSLATE_NOOP("Tarjuman", "Enter / Esc")),
    (QT_TRANSLATE_NOOP("Tarjuman", "Reading view"), QT_TRANSLATE_NOOP("Tarjuman", "Zoom the reading text"),
     QT_TRANSLATE_NOOP("Tarjuman", "Ctrl+wheel")),
    (QT_TRANSLATE_NOOP("Tarjuman", "Glossary table"),
     QT_TRANSLATE_NOOP("Tarjuman", "Edit a cell / delete the selected terms"),
     QT_TRANSLATE_NOOP("Tarjuman", "F2 / Delete")),
    (QT_TRANSLATE_NOOP("Tarjuman", "Learner mode"),
     QT_TRANSLATE_NOOP("Tarjuman", "Set the hovered word's status"),
     QT_TRANSLATE_NOOP("Tarjuman", "1–4, 5 or K known, I ignored")),
    (QT_TRANSLATE_NOOP("Tarjuman", "Review"), QT_TRANSLATE_NOOP("Tarjuman", "Show the answer / rate it"),
     QT_TRANSLATE_NOOP("Tarjuman", "Space or Enter / 1–4")),
    (QT_TRANSLATE_NOOP("Tarjuman", "Term dialog"), QT_TRANSLATE_NOOP("Tarjuman", "Save the term"), "Enter"),
)


def shortcut_text(action: QAction) -> str:
    """An action's keys as the menus show them (the first is the main one)."""
    keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
    if not keys and "\t" in action.text():
        keys = [action.text().split("\t", 1)[1]]
    return ", ".join(k for k in keys if k)


def menu_shortcuts(menu: QMenu, path: str = "") -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action with keys in ``menu`` and its submenus."""
    rows: list[tuple[str, str, str]] = []
    title = menu.title().replace("&", "")
    if path:
        title = translate("Tarjuman", "{menu} → {submenu}").format(menu=path, submenu=title)
    for action in menu.actions():
        if action.menu() is not None:
            sub = action.menu()
            assert isinstance(sub, QMenu)
            rows.extend(menu_shortcuts(sub, title))
        elif not action.isSeparator():
            keys = shortcut_text(action)
            if keys:
                rows.append((title, action.text().split("\t", 1)[0].replace("&", ""), keys))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setObjectName("shortcutsDialog")
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tarjuman User Guide"))
        self.setObjectName("guideDialog")
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(False)
        guide = resources_dir() / "help" / "guide.html"
        self.browser.setSearchPaths([str(guide.parent)])
        self.browser.setHtml(guide.read_text(encoding="utf-8"))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class HelpController(QObject):
    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.guide_action = ctx.action(self.tr("Tarjuman &User Guide"), self.show_guide,
                                       QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action = ctx.action(self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "Ctrl+/")

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        rows: list[tuple[str, str, str]] = []
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu):
                rows.extend(menu_shortcuts(menu))
        return rows + [(translate(CONTEXT, where), translate(CONTEXT, what), translate(CONTEXT, keys))
                       for where, what, keys in VIEW_KEYS]

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.shortcut_rows(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_guide(self) -> GuideDialog:
        dialog = GuideDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

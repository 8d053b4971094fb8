"""Edit → Categories…: add, rename, recolour and delete term categories."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes, Outcome
from desktop.core.errors import TarjumanError
from desktop.core.workspace import CategoryInfo, Workspace


class CategoriesDialog(QDialog):
    """Categories of the open glossary; ``changed(Changes)`` after every change."""

    changed = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Categories"))
        self.setObjectName("categoriesDialog")
        self.resize(460, 340)
        self._workspace = workspace
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("categoriesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Colour"), self.tr("Terms")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.colour_button = QPushButton(self.tr("Colour…"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        close = QPushButton(self.tr("Close"), self)
        for button in (self.add_button, self.rename_button, self.colour_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.colour_button.clicked.connect(self.recolour)
        self.delete_button.clicked.connect(self.delete)
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.items: list[CategoryInfo] = []
        self.reload()

    def reload(self) -> None:
        self.items = self._workspace.categories()
        self.table.setRowCount(len(self.items))
        built_in = self.tr("{name}  (built in)")
        for row, info in enumerate(self.items):
            name = QTableWidgetItem(built_in.format(name=info.name) if info.builtin else info.name)
            colour = QTableWidgetItem(info.colour)
            colour.setBackground(QBrush(QColor(info.colour)))
            count = QTableWidgetItem(str(info.terms))
            for column, item in enumerate((name, colour, count)):
                self.table.setItem(row, column, item)
        self._update_buttons()

    def selected(self) -> CategoryInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        info = self.selected()
        self.colour_button.setEnabled(info is not None)
        self.rename_button.setEnabled(info is not None and not info.builtin)
        self.delete_button.setEnabled(info is not None and not info.builtin)

    def _run(self, action: Callable[[], Changes | Outcome[Any]]) -> bool:
        try:
            result = action()
        except TarjumanError as exc:
            QMessageBox.warning(self, self.tr("Categories"), str(exc))
            return False
        self.reload()
        self.changed.emit(result if isinstance(result, Changes) else result.changes)
        return True

    def add(self, name: str | None = None, colour: str | None = None) -> bool:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New category"), self.tr("Name:"))
            if not ok or not name.strip():
                return False
        if colour is None:
            chosen = QColorDialog.getColor(QColor("#e0e0e0"), self, self.tr("Colour for highlights"))
            if not chosen.isValid():
                return False
            colour = chosen.name()
        return self._run(lambda: self._workspace.add_category(name, colour))

    def rename(self, new: str | None = None) -> bool:
        info = self.selected()
        if info is None:
            return False
        if new is None:
            new, ok = QInputDialog.getText(self, self.tr("Rename category"), self.tr("New name:"),
                                           text=info.name)
            if not ok:
                return False
        return self._run(lambda: self._workspace.rename_category(info.name, new))

    def recolour(self, colour: str | None = None) -> bool:
        info = self.selected()
        if info is None:
            return False
        if colour is None:
            chosen = QColorDialog.getColor(QColor(info.colour), self, self.tr("Colour for highlights"))
            if not chosen.isValid():
                return False
            colour = chosen.name()
        return self._run(lambda: self._workspace.recolour_category(info.name, colour))

    def delete(self) -> bool:
        info = self.selected()
        if info is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Delete category"),
            self.tr("Delete the category “{name}”? Its %n terms move to “other”.", None, info.terms).format(
                name=info.name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._run(lambda: self._workspace.delete_category(info.name))

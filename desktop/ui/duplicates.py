"""Finding and merging duplicate glossary entries."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.workspace import TermRecord, Workspace

MODES = {"Same Arabic (ignoring harakat and hamza)": "source", "Same English": "target"}


class DuplicatesDialog(QDialog):
    """Groups of entries with the same normalised Arabic (or English); merge keeps the
    selected entry (or the oldest) and folds the others' notes and contexts into it."""

    merged = Signal(object)  # the Changes of a merge

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Duplicate Terms")
        self.setObjectName("duplicatesDialog")
        self.resize(720, 420)
        self._workspace = workspace
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Show entries with:", self))
        self.mode = QComboBox(self)
        self.mode.addItems(list(MODES))
        top.addWidget(self.mode, 1)
        layout.addLayout(top)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("duplicatesTree")
        self.tree.setHeaderLabels(["Arabic", "English", "Category", "Note"])
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.summary = QLabel(self)
        buttons.addWidget(self.summary, 1)
        self.merge_button = QPushButton("Merge Group", self)
        self.merge_button.setToolTip("Keep the selected entry (or the oldest) and fold the others into it")
        close = QPushButton("Close", self)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.mode.currentTextChanged.connect(lambda _t: self.reload())
        self.merge_button.clicked.connect(self.merge_selected)
        close.clicked.connect(self.accept)
        self.groups: list[list[TermRecord]] = []
        self.reload()

    def reload(self) -> None:
        self.groups = self._workspace.duplicate_groups(MODES[self.mode.currentText()])
        self.tree.clear()
        for number, group in enumerate(self.groups):
            parent = QTreeWidgetItem([f"{len(group)} entries: {group[0].source}", "", "", ""])
            parent.setData(0, Qt.ItemDataRole.UserRole, (number, None))
            for rec in group:
                child = QTreeWidgetItem([rec.source, rec.target, rec.category, rec.note])
                child.setData(0, Qt.ItemDataRole.UserRole, (number, rec.id))
                parent.addChild(child)
            self.tree.addTopLevelItem(parent)
            parent.setExpanded(True)
        self.summary.setText(f"{len(self.groups)} group{'s' if len(self.groups) != 1 else ''}")
        self.merge_button.setEnabled(bool(self.groups))

    def merge_selected(self) -> None:
        item = self.tree.currentItem() or self.tree.topLevelItem(0)
        if item is None:
            return
        number, keep_id = item.data(0, Qt.ItemDataRole.UserRole)
        group = self.groups[number]
        keep = keep_id if keep_id is not None else group[0].id
        outcome = self._workspace.merge_terms(keep, [r.id for r in group if r.id != keep])
        self.reload()
        self.merged.emit(outcome.changes)

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
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, plural, translate

MODES = {QT_TRANSLATE_NOOP("Tarjuman", "Same Arabic (ignoring harakat and hamza)"): "source",
         QT_TRANSLATE_NOOP("Tarjuman", "Same English"): "target"}


class DuplicatesDialog(QDialog):
    """Groups of entries with the same normalised Arabic (or English); merge keeps the
    selected entry (or the oldest) and folds the others' notes and contexts into it."""

    merged = Signal(object)  # the Changes of a merge

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duplicate Terms"))
        self.setObjectName("duplicatesDialog")
        self.resize(720, 420)
        self._workspace = workspace
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show entries with:"), self))
        self.mode = QComboBox(self)
        for label, mode in MODES.items():
            self.mode.addItem(translate(CONTEXT, label), mode)
        top.addWidget(self.mode, 1)
        layout.addLayout(top)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("duplicatesTree")
        self.tree.setHeaderLabels([self.tr("Arabic"), self.tr("English"), self.tr("Category"),
                                   self.tr("Note")])
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.summary = QLabel(self)
        buttons.addWidget(self.summary, 1)
        self.merge_button = QPushButton(self.tr("Merge Group"), self)
        self.merge_button.setToolTip(
            self.tr("Keep the selected entry (or the oldest) and fold the others into it"))
        close = QPushButton(self.tr("Close"), self)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.mode.currentIndexChanged.connect(lambda _i: self.reload())
        self.merge_button.clicked.connect(self.merge_selected)
        close.clicked.connect(self.accept)
        self.groups: list[list[TermRecord]] = []
        self.reload()

    def reload(self) -> None:
        self.groups = self._workspace.duplicate_groups(self.mode.currentData())
        self.tree.clear()
        for number, group in enumerate(self.groups):
            heading = self.tr("%n entries: {source}", None, len(group)).format(source=group[0].source)
            parent = QTreeWidgetItem([heading, "", "", ""])
            parent.setData(0, Qt.ItemDataRole.UserRole, (number, None))
            for rec in group:
                child = QTreeWidgetItem([rec.source, rec.target, rec.category, rec.note])
                child.setData(0, Qt.ItemDataRole.UserRole, (number, rec.id))
                parent.addChild(child)
            self.tree.addTopLevelItem(parent)
            parent.setExpanded(True)
        count = len(self.groups)
        self.summary.setText(plural(count, self.tr("%n group", None, count),
                                    self.tr("%n groups", None, count)))
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

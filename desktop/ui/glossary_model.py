"""A table model over the glossary store that keeps ids and fetches rows lazily."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.db.models import CATEGORIES
from desktop.core.errors import TarjumanError
from desktop.core.glossary import store
from desktop.core.glossary.store import TermRecord
from desktop.ui import style

ModelIndex = QModelIndex | QPersistentModelIndex
COLUMNS = (("source", "Arabic"), ("target", "English"), ("category", "Category"), ("note", "Note"))
PAGE = 200


class GlossaryModel(QAbstractTableModel):
    """Rows are glossary terms matching ``query``; edits go straight to the database.

    Only ids are held for the whole result; records are read in pages of ``PAGE`` as rows
    are shown. ``errorOccurred(message)`` reports a refused edit.
    """

    errorOccurred = Signal(str)

    def __init__(self, factory: sessionmaker[Session], parent: Any = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._query = ""
        self._ids: list[int] = []
        self._cache: dict[int, TermRecord] = {}
        self._arabic_font = style.arabic_font(13)
        self.refresh()

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, query: str) -> None:
        self._query = query
        self.refresh()

    def set_factory(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query (after adds, deletes or imports)."""
        self.beginResetModel()
        with self._factory() as session:
            self._ids = store.search_ids(session, self._query)
        self._cache.clear()
        self.endResetModel()

    def term_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, term_id: int) -> int:
        try:
            return self._ids.index(term_id)
        except ValueError:
            return -1

    def record(self, row: int) -> TermRecord | None:
        if not 0 <= row < len(self._ids):
            return None
        term_id = self._ids[row]
        if term_id not in self._cache:
            start = (row // PAGE) * PAGE
            with self._factory() as session:
                for rec in store.get_terms(session, self._ids[start : start + PAGE]):
                    self._cache[rec.id] = rec
        return self._cache.get(term_id)

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(COLUMNS):
                return COLUMNS[section][1]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        rec = self.record(index.row())
        if rec is None:
            return None
        field = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return str(getattr(rec, field))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{rec.source} → {rec.target}"]
            if rec.note:
                lines.append(f"Note: {rec.note}")
            if rec.context:
                lines.append(f"Context: {rec.context}")
            if rec.document:
                lines.append(f"From: {rec.document}")
            lines.append(f"Added {rec.created_at.astimezone():%Y-%m-%d %H:%M}")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and field == "source":
            return self._arabic_font
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "source":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = COLUMNS[index.column()][0]
        value = str(value)
        rec = self.record(index.row())
        if rec is None or getattr(rec, field) == value:
            return False
        if field == "category" and value not in CATEGORIES:
            self.errorOccurred.emit(f"“{value}” is not a category.")
            return False
        try:
            with self._factory.begin() as session:
                updated = store.update_term(session, rec.id, **{field: value})
        except TarjumanError as exc:
            self.errorOccurred.emit(str(exc))
            return False
        self._cache[updated.id] = updated
        row = index.row()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    def delete_rows(self, rows: list[int]) -> int:
        """Delete the terms in ``rows`` from the database and the model."""
        ids = [self._ids[r] for r in rows if 0 <= r < len(self._ids)]
        if not ids:
            return 0
        with self._factory.begin() as session:
            deleted = store.delete_terms(session, ids)
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._ids):
                self.beginRemoveRows(QModelIndex(), row, row)
                self._cache.pop(self._ids[row], None)
                del self._ids[row]
                self.endRemoveRows()
        return deleted

"""A table model over the glossary: ids from an in-memory ``Catalog``, rows filled lazily,
updated in place from each action's ``Changes``."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from desktop.core.changes import Changes
from desktop.core.errors import EditConflictError, TarjumanError
from desktop.core.glossary.catalog import Catalog
from desktop.core.workspace import TermRecord, Workspace
from desktop.ui import style
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate
from desktop.ui.workers import TaskRunner

ModelIndex = QModelIndex | QPersistentModelIndex
#: (field, header): the headers are translated where they are shown.
COLUMNS = (("source", QT_TRANSLATE_NOOP("Tarjuman", "Arabic")),
           ("target", QT_TRANSLATE_NOOP("Tarjuman", "English")),
           ("category", QT_TRANSLATE_NOOP("Tarjuman", "Category")),
           ("note", QT_TRANSLATE_NOOP("Tarjuman", "Note")),
           ("subject", QT_TRANSLATE_NOOP("Tarjuman", "Subject")),
           ("pos", QT_TRANSLATE_NOOP("Tarjuman", "Part of speech")),
           ("created", QT_TRANSLATE_NOOP("Tarjuman", "Added")),
           ("created_by", QT_TRANSLATE_NOOP("Tarjuman", "Added by")),
           ("changed_by", QT_TRANSLATE_NOOP("Tarjuman", "Changed by")))
EDITABLE = 6  # all but the date and the names of who added and changed the term
PAGE = 200


class GlossaryModel(QStandardItemModel):
    """Rows are the glossary terms matching ``query`` and ``category``, in ``sort`` order.

    Searching, filtering and sorting run on the catalogue in memory (milliseconds for 100,000
    terms). The rows themselves are Qt items, filled from the database a page at a time when
    they come into view (``ensure_rows``): painting, scrolling and selecting then run in C++
    without calling into Python, so the table stays smooth while background work holds the
    interpreter. Edits go through the workspace; ``errorOccurred(message)`` reports a refused
    edit and ``changed(Changes)`` any change made through the model. ``apply(changes)``
    brings the model up to date after any action: changed terms are updated in the catalogue
    and their rows in place, without reading the glossary again.
    """

    errorOccurred = Signal(str)
    #: An edit crossed someone else's (a team glossary): the EditConflictError, nothing saved.
    conflictOccurred = Signal(object)
    changed = Signal(object)
    loaded = Signal()

    BACKGROUND_FROM = 20_000  # terms: bigger catalogues load off the GUI thread
    IN_PLACE_UP_TO = 100  # changed terms applied on the GUI thread; more are sorted in on a worker
    FIRST_ROWS = 50  # rows filled at once after every query

    def __init__(self, workspace: Workspace, parent: Any = None, runner: TaskRunner | None = None,
                 defer: bool = False) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([translate(CONTEXT, label) for _field, label in COLUMNS])
        self._workspace = workspace
        self._runner = runner
        self._generation = 0  # of the catalogue being read or updated on a worker
        self._pending: list[Changes] = []  # changes that came while it was
        self._catalog = Catalog()
        self._query = ""
        self._category: str | None = None
        self._sort = "source"
        self._descending = False
        self._ids: list[int] = []
        self._filled = bytearray()
        self._cache: dict[int, TermRecord] = {}
        self._arabic_font = style.arabic_font(13)
        self._colours: dict[str, tuple[QColor, QColor]] = {}  # per category: background, text
        # The tooltip's lines, translated once (a row is filled for every page scrolled to).
        self._labels = (self.tr("Note: {value}"), self.tr("Context: {value}"), self.tr("From: {value}"),
                        self.tr("Subject field: {value}"), self.tr("Part of speech: {value}"),
                        self.tr("Added {value}"), self.tr("Added by {name}"),
                        self.tr("Last changed by {name}, {when}"))
        self.loading = False
        # With ``defer``, a big glossary's catalogue is read only when ``load_deferred`` is
        # called (the window does, once the document's terms are highlighted).
        self.deferred = False
        if defer and runner is not None and workspace.count_terms() >= self.BACKGROUND_FROM:
            self.deferred = self.loading = True
        else:
            self.refresh()

    # -- state -----------------------------------------------------------------------------
    @property
    def query(self) -> str:
        return self._query

    @property
    def category(self) -> str | None:
        return self._category

    def set_query(self, query: str) -> None:
        self._query = query
        self._requery()

    def set_category(self, category: str | None) -> None:
        self._category = category or None
        self._requery()

    def reload(self) -> None:
        """Another glossary is open: the old rows go at once (their ids mean nothing in the
        new file), the new ones come when read."""
        self._catalog = Catalog()
        self._requery()
        self.refresh()

    def refresh(self, big: bool | None = None) -> None:
        """Read the catalogue from the database again (another glossary, a huge import).

        A big glossary is read with the ``runner``, off the GUI thread; the table keeps its
        rows until the new catalogue arrives. ``big``: whether it is, if known (else the
        terms are counted).
        """
        workspace, sort = self._workspace, self._sort
        self.deferred = False
        self._pending.clear()  # the catalogue read from now on has every change so far
        if big is None:
            big = workspace.count_terms() >= self.BACKGROUND_FROM
        if self._runner is not None and big:
            self._start_loading("load glossary", lambda: workspace.catalog(sort))
            return
        self._generation += 1  # a catalogue still being read is older: it is dropped
        self.loading = False
        self._install_now(workspace.catalog(sort))

    def load_deferred(self) -> None:
        """Read the catalogue whose reading was deferred (nothing if it was not), in the
        background: it was deferred for being big (not counted again on this thread)."""
        if self.deferred:
            self.refresh(big=True)

    def apply(self, changes: Changes) -> None:
        """Bring the rows up to date with what an action changed."""
        if changes.glossary:
            self.reload()
            return
        if changes.all_terms:
            self.refresh()
            return
        if changes.categories:
            self.restyle()
        if not (changes.terms or changes.removed_terms):
            return
        if self.loading:  # applied to the catalogue on its way, once it arrives
            self._pending.append(changes)
            return
        if self._runner is not None and len(changes.terms) > self.IN_PLACE_UP_TO:
            self._apply_in_background(changes)
            return
        known = set(self._ids)
        added = [rec.id for rec in changes.terms if rec.id not in known]
        for rec in changes.terms:
            self._catalog.upsert(rec)  # to its place by bisection: no sort
            self._cache[rec.id] = rec
        if changes.removed_terms:
            self._catalog.remove(list(changes.removed_terms))
        if added or any(i in known for i in changes.removed_terms):
            only_new = len(added) == len(changes.terms) and not changes.removed_terms
            self._requery(added if only_new else None)
            return
        for rec in changes.terms:  # edited rows stay where they are until the next query
            row = self.row_of(rec.id)
            if row >= 0 and self._filled[row]:
                self._fill_row(row, rec)
        if changes.terms:
            rows = sorted(self.row_of(r.id) for r in changes.terms)
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], len(COLUMNS) - 1))

    def _apply_in_background(self, changes: Changes) -> None:
        """Many changed terms (an import), or a new one in a big glossary: a copy of the
        catalogue takes them and is sorted on a worker (sorting 20,000 terms or more holds
        the GUI thread too long), then replaces this one. The table keeps its rows meanwhile."""
        catalog, sort = self._catalog.copy(), self._sort

        def work() -> Catalog:
            for rec in changes.terms:
                catalog.upsert(rec)
            catalog.remove(list(changes.removed_terms))
            catalog.query(sort=sort)
            return catalog

        self._start_loading("update glossary", work)

    def _start_loading(self, name: str, read: Callable[[], Catalog]) -> None:
        assert self._runner is not None
        self._generation += 1
        generation = self._generation
        self.loading = True

        def done(catalog: Catalog) -> None:
            if generation == self._generation:  # not when another glossary or read followed
                self._install(catalog)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
                self.errorOccurred.emit(str(exc))

        # The table is what the user looks at once the document is up: before other waiting
        # work (the lexicon, the lemmas of the terms).
        self._runner.start(name, lambda _t: read(), on_done=done, heavy=True, urgent=True,
                           on_error=failed)

    def _install(self, catalog: Catalog) -> None:
        """A catalogue read or updated on a worker arrives: use it, with the changes that
        came meanwhile."""
        self.loading = False
        pending, self._pending = self._pending, []
        self._catalog = catalog
        for changes in pending:
            for rec in changes.terms:
                catalog.upsert(rec)
            catalog.remove(list(changes.removed_terms))
        self._install_now(catalog)

    def _install_now(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._requery()
        self.loaded.emit()

    def _requery(self, inserted: list[int] | None = None) -> None:
        """Show the rows of the current query; with ``inserted`` (new terms, the others
        unchanged) only their rows are inserted, else the model is reset."""
        ids = self._catalog.query(self._query, self._category, self._sort, self._descending)
        if inserted is not None and self._insert_rows(ids, inserted):
            return
        self.beginResetModel()
        # Row bookkeeping only: the reset tells views everything has changed.
        blocked = self.blockSignals(True)
        try:
            self.setRowCount(0)
            self.setRowCount(len(ids))
        finally:
            self.blockSignals(blocked)
        self._ids = ids
        self._filled = bytearray(len(ids))
        self._cache.clear()
        self.endResetModel()
        self.ensure_rows(0, self.FIRST_ROWS - 1)

    def _insert_rows(self, ids: list[int], inserted: list[int]) -> bool:
        """Insert just the rows of the ``inserted`` terms that the query shows (the view keeps
        its scroll position and selection); False when the rest moved too (reset)."""
        positions = sorted(ids.index(term_id) for term_id in inserted if term_id in ids)
        if len(ids) != len(self._ids) + len(positions):
            return False
        self._ids = ids
        for position in positions:  # ascending: each lands where the new order has it
            self._filled.insert(position, 0)
            self.insertRow(position)
        return True

    def restyle(self) -> None:
        """Category colours changed: rebuild the rows shown (and later the others)."""
        self._colours.clear()
        self._filled = bytearray(len(self._ids))
        self.ensure_rows(0, self.FIRST_ROWS - 1)

    def term_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, term_id: int) -> int:
        try:
            return self._ids.index(term_id)
        except ValueError:
            return -1

    def total(self) -> int:
        return len(self._catalog)

    def uses(self, field: str) -> bool:
        """Whether any term of the glossary has a value in ``field`` (a column worth showing)."""
        return self._catalog.uses(field)

    def record(self, row: int) -> TermRecord | None:
        if not 0 <= row < len(self._ids):
            return None
        term_id = self._ids[row]
        if term_id not in self._cache:
            start = (row // PAGE) * PAGE
            for rec in self._workspace.get_terms(self._ids[start : start + PAGE]):
                self._cache[rec.id] = rec
        return self._cache.get(term_id)

    # -- rows as Qt items --------------------------------------------------------------------
    def ensure_rows(self, first: int, last: int) -> None:
        """Fill rows ``first``..``last`` (inclusive) that are not filled yet; views call this
        for the rows they are about to show."""
        first, last = max(first, 0), min(last, len(self._ids) - 1)
        todo = [row for row in range(first, last + 1) if not self._filled[row]]
        if not todo:
            return
        missing = [self._ids[row] for row in todo if self._ids[row] not in self._cache]
        if missing:  # one query for the rows about to show (not a page of 200 around each)
            self._cache.update((r.id, r) for r in self._workspace.get_terms(missing))
        blocked = self.blockSignals(True)
        try:
            for row in todo:
                rec = self._cache.get(self._ids[row])
                if rec is not None:
                    self._fill_row(row, rec)
        finally:
            self.blockSignals(blocked)
        self.dataChanged.emit(self.index(todo[0], 0), self.index(todo[-1], len(COLUMNS) - 1))

    def _fill_row(self, row: int, rec: TermRecord) -> None:
        lines = [f"{rec.source} → {rec.target}"]
        for value, label in ((rec.note, self._labels[0]), (rec.context, self._labels[1]),
                             (rec.document, self._labels[2]), (rec.subject, self._labels[3]),
                             (rec.pos, self._labels[4])):
            if value:
                lines.append(label.format(value=value))
        lines.append(self._labels[5].format(value=f"{rec.created_at.astimezone():%Y-%m-%d %H:%M}"))
        if rec.created_by:  # a team glossary, or a name set in Preferences
            lines.append(self._labels[6].format(name=rec.created_by))
        if rec.changed_by and (rec.changed_by != rec.created_by or rec.version > 1):
            lines.append(self._labels[7].format(name=rec.changed_by,
                                                when=f"{rec.updated_at.astimezone():%Y-%m-%d %H:%M}"))
        tooltip = "\n".join(lines)
        colours = self._colours.get(rec.category)
        if colours is None:  # a contrast computation: once per category, not per row
            colours = self._colours[rec.category] = (style.category_colour(rec.category),
                                                     style.category_text(rec.category))
        background, foreground = colours
        for column, (field, _label) in enumerate(COLUMNS):
            if field == "created":
                text = f"{rec.created_at.astimezone():%Y-%m-%d}"
            else:
                text = str(getattr(rec, field))
            item = self.item(row, column)
            if item is not None:  # changed in place: replacing an item costs time per row
                item.setText(text)
                item.setToolTip(tooltip)
                if field == "category":
                    item.setBackground(background)
                    item.setForeground(foreground)
                continue
            item = QStandardItem(text)
            item.setToolTip(tooltip)
            if field in ("created", "created_by", "changed_by"):
                item.setEditable(False)
            elif field == "source":
                item.setFont(self._arabic_font)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            elif field == "category":
                item.setBackground(background)
                item.setForeground(foreground)
            self.setItem(row, column, item)
        self._filled[row] = 1

    # -- Qt model interface (called on edits and header clicks, never while painting) --------
    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() >= EDITABLE:
            return False
        field = COLUMNS[index.column()][0]
        value = str(value)
        rec = self.record(index.row())
        if rec is None or getattr(rec, field) == value:
            return False
        try:
            outcome = self._workspace.update_term(rec.id, rec.version, **{field: value})
        except EditConflictError as exc:
            self.conflictOccurred.emit(exc)
            return False
        except TarjumanError as exc:
            self.errorOccurred.emit(str(exc))
            return False
        self.changed.emit(outcome.changes)  # comes back through apply: the row is refilled
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self._sort = COLUMNS[column][0]
            self._descending = order == Qt.SortOrder.DescendingOrder
            self._requery()

    # -- deleting and restoring --------------------------------------------------------------
    def delete_ids(self, ids: list[int]) -> list[TermRecord]:
        """Delete terms; returns them as they were (for undo)."""
        outcome = self._workspace.delete_terms(ids)
        self.changed.emit(outcome.changes)
        return outcome.value

    def restore(self, records: list[TermRecord]) -> None:
        self.changed.emit(self._workspace.restore_terms(records))

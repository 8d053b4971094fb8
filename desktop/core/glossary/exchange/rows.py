"""The format-independent part of glossary exchange: rows to import, tables of cells, reading.

``ImportRow`` is one term read from any format and ``import_rows`` adds them to the glossary.
Delimited files are read into a ``Table`` whose columns ``guess_mapping`` maps to ``FIELDS``;
``rows_from_table`` validates them. Cells that a spreadsheet would run as a formula get a
leading apostrophe on export (``protect_cell``); import removes exactly that apostrophe
(``unprotect_cell``), so a round trip is lossless. ``read_glossary_text`` reads any glossary
file, up to ``MAX_IMPORT_BYTES``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Sequence

from desktop.core.arabic import has_arabic
from desktop.core.cells import unprotect_cell
from desktop.core.errors import BadInputError
from desktop.core.files import read_user_file
from desktop.core.glossary.record import category_key
from desktop.core.tasks import CancelToken, ProgressFn

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

COLUMNS = ("source", "target", "category", "note", "context", "document", "created", "subject", "pos")
REQUIRED = ("source", "target")
# A cell that starts with one of = + - @ tab CR, after any apostrophes already there.
MAX_IMPORT_BYTES = 50 * 1024 * 1024
# Python's csv refuses fields over 131,072 characters; an export may write a longer note, so
# any field that fits in an importable file is read back.
csv.field_size_limit(max(csv.field_size_limit(), MAX_IMPORT_BYTES))


class ImportRow(NamedTuple):
    """One term read from a file. (A named tuple: a frozen dataclass, which sets each field
    through ``object.__setattr__``, takes 0.4 s to make 100,000 of them.)"""

    line: int
    source: str
    target: str
    #: None when the file does not say: a new term gets "other", an existing one keeps its own.
    category: str | None
    note: str
    context: str
    document: str
    created: datetime | None
    #: How a message names this row when "Line N" would not (a TBX entry: its id and line).
    where: str = ""
    subject: str = ""
    pos: str = ""

    @property
    def place(self) -> str:
        return self.where or f"Line {self.line}"

    @property
    def created_at(self) -> datetime | None:
        """``created`` under ``NewTerm``'s name (``store.add_terms`` reads rows as they are)."""
        return self.created


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.added + self.updated


# Header names (lower case) that name each field, in English, French and Arabic.
HEADER_NAMES = {
    "source": ("source", "arabic", "ar", "term", "source term", "arabic term", "المصطلح", "عربي",
               "العربية", "front"),
    "target": ("target", "english", "en", "translation", "target term", "english term",
               "الترجمة", "إنجليزي", "back"),
    "category": ("category", "type", "class", "الفئة", "tags"),
    "note": ("note", "notes", "comment", "comments", "remark", "ملاحظة", "ملاحظات"),
    "context": ("context", "example", "sentence", "السياق"),
    "document": ("document", "file", "source document", "المستند"),
    "created": ("created", "date", "added"),
    "subject": ("subject", "subject field", "subjectfield", "subject_field", "domain", "field", "المجال"),
    "pos": ("pos", "part of speech", "part_of_speech", "partofspeech", "word class", "نوع الكلمة"),
}
FIELDS = tuple(HEADER_NAMES)


@dataclass(frozen=True)
class Table:
    """A delimited file read into cells: ``rows`` are (line number, cells)."""

    name: str
    header: list[str] | None
    rows: list[tuple[int, list[str]]]

    @property
    def width(self) -> int:
        return max([len(self.header or [])] + [len(cells) for _, cells in self.rows])


def delimited_rows(text: str, name: str, delimiter: str = ",",
                   first_line: int = 1) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every non-blank record; a quoting error names its line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    line = first_line  # where the record being read starts
    try:
        for cells in reader:
            if "".join(cells).strip():  # not a blank record
                rows.append((line, cells))
            line = first_line + reader.line_num
    except csv.Error as exc:
        raise BadInputError(f"“{name}”, line {line}: {exc}.") from None
    return rows


def read_table(text: str, name: str, delimiter: str = ",") -> Table:
    """Split delimited text into cells; the first row is a header if it names fields."""
    rows = delimited_rows(text, name, delimiter)
    if not rows:
        raise BadInputError(f"“{name}” is empty.")
    first = [c.strip().lower() for c in rows[0][1]]
    known = {n for names in HEADER_NAMES.values() for n in names}
    if any(c in known for c in first):
        return Table(name, rows[0][1], rows[1:])
    return Table(name, None, rows)


def guess_mapping(table: Table) -> dict[str, int]:
    """Field → column: from the header's names, else Arabic script → source, Latin → target."""
    mapping: dict[str, int] = {}
    if table.header is not None:
        for column, title in enumerate(table.header):
            key = title.strip().lower()
            for field, names in HEADER_NAMES.items():
                if key in names and field not in mapping:
                    mapping[field] = column
        if "source" in mapping and "target" in mapping:
            return mapping
    sample = [cells for _, cells in table.rows[:50]]
    for column in range(table.width):
        values = [cells[column] for cells in sample if column < len(cells) and cells[column].strip()]
        if not values or column in mapping.values():
            continue
        arabic = sum(has_arabic(v) for v in values) / len(values)
        if arabic > 0.5 and "source" not in mapping:
            mapping["source"] = column
        elif arabic <= 0.5 and "target" not in mapping:
            mapping["target"] = column
        elif "note" not in mapping:
            mapping["note"] = column
    return mapping


def rows_from_table(table: Table, mapping: dict[str, int], unprotect: bool = True) -> list[ImportRow]:
    """Validate and convert table rows; ``BadInputError`` names the line of the first problem."""
    name = table.name
    if "source" not in mapping or "target" not in mapping:
        missing = [f for f in REQUIRED if f not in mapping]
        raise BadInputError(
            f"“{name}”, line 1: which columns hold the {' and the '.join(missing)}? The header should "
            f"name the columns {', '.join(COLUMNS)}."
        )
    rows: list[ImportRow] = []
    width = len(table.header) if table.header is not None else None
    fields = ("source", "target", "category", "note", "context", "document", "created", "subject", "pos")
    columns = [mapping.get(field) for field in fields]
    # Each row's cells are taken by one itemgetter (in C), from the row cut or padded to a
    # column past every mapped one, which is empty and stands for the fields not mapped.
    # Only a row with a cell that starts with an apostrophe is unprotected cell by cell.
    slot = max(i for i in columns if i is not None) + 1
    take = itemgetter(*[slot if i is None else i for i in columns])
    blank = [""] * (slot + 1)
    categories: dict[str, str] = {}  # a file has a handful of category spellings
    for line, cells in table.rows:
        count = len(cells)
        if width is not None and count > width and any(c.strip() for c in cells[width:]):
            raise BadInputError(f"“{name}”, line {line}: {count} cells but the header has {width}.")
        values: tuple[str, ...] = take(cells[:slot] + blank[min(count, slot):])
        if unprotect and "\x00'" in "\x00" + "\x00".join(values):
            values = tuple(unprotect_cell(v) for v in values)
        source, target, category_cell, note, context, document, created_cell, subject, pos = values
        source, target = source.strip(), target.strip()
        if not source or not target:
            raise BadInputError(f"“{name}”, line {line}: both source and target are needed.")
        # Whether the category exists is checked against the glossary at import; a file
        # without one leaves an existing term's category as it is.
        category = None
        if category_cell and category_cell.strip():
            category = categories.get(category_cell)
            if category is None:
                category = categories[category_cell] = category_key(category_cell)
        created = None
        if created_cell and created_cell.strip():
            try:
                created = datetime.fromisoformat(created_cell.strip())
            except ValueError:
                raise BadInputError(
                    f"“{name}”, line {line}: “{created_cell}” is not a date "
                    "(use ISO 8601, e.g. 2024-05-01T10:00:00+00:00)."
                ) from None
            if created.tzinfo is None:
                created = created.replace(tzinfo=timezone.utc)
        rows.append(ImportRow(line, source, target, category, note, context, document, created,
                              subject=subject.strip(), pos=pos.strip()))
    return rows


NEW_CATEGORY_POLICIES = ("other", "create")


def import_rows(session: Session, rows: list[ImportRow], *, progress: ProgressFn | None = None,
                cancel: CancelToken | None = None, policy: str = "update",
                new_categories: str = "other") -> ImportResult:
    """Add or update every row in the caller's transaction (roll it back to undo all);
    ``policy`` is ``store.add_terms``'s. A category the glossary does not have is mapped to
    "other" or, with ``new_categories="create"``, added (in the same transaction)."""
    from desktop.core.glossary.store import (
        NewTerm,
        TermFields,
        add_category,
        add_terms,
        category_names,
    )

    if new_categories not in NEW_CATEGORY_POLICIES:
        raise ValueError(new_categories)
    known = set(category_names(session))
    spellings = {r.category for r in rows if r.category is not None}
    unknown = sorted({category_key(c) for c in spellings} - known)
    for name in unknown if new_categories == "create" else ():
        try:
            add_category(session, name)
        except BadInputError as exc:
            first = next(r for r in rows if r.category is not None and category_key(r.category) == name)
            raise BadInputError(f"{first.place}: {exc}") from None
    mapped = set(unknown) if new_categories == "other" else set()
    # Each spelling of a category as the import stores it.
    stored: dict[str | None, str | None] = {None: None}
    stored.update({c: "other" if category_key(c) in mapped else c for c in spellings})
    items: Sequence[TermFields] = rows
    if any(stored[c] != c for c in spellings):  # a category mapped to "other": new items
        items = [NewTerm(r.source, r.target, stored[r.category], r.note, r.context, r.document,
                         r.created, r.subject, r.pos)
                 for r in rows]
    try:
        added, updated, skipped = add_terms(session, items, progress=progress, cancel=cancel,
                                            policy=policy)
    except BadInputError as exc:
        message = str(exc)
        if message.startswith("Item "):
            number, _, rest = message[5:].partition(":")
            message = f"{rows[int(number) - 1].place}:{rest}"
        raise BadInputError(message) from None
    return ImportResult(added, updated, skipped)


def read_glossary_text(path: Path, encoding: str | None = None) -> str:
    """The text of a glossary file, decoded like documents (Excel's UTF-16 included), or as
    ``encoding`` when given."""
    from desktop.core.documents import decode_bytes

    data = read_user_file(path, MAX_IMPORT_BYTES, "glossary file")
    text, _encoding, _guessed = decode_bytes(data, Path(path).name, encoding)
    if "\x00" in text:
        raise BadInputError(f"“{Path(path).name}” looks like a binary file, not a glossary.")
    return text.lstrip("\ufeff")

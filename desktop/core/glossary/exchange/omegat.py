"""OmegaT glossaries: tab-separated (source, target, comment), one line per entry, written and read.

OmegaT cannot hold tabs or line breaks in a field, so they become spaces.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from desktop.core.atomic import atomic_write
from desktop.core.errors import BadInputError
from desktop.core.glossary.store import TermRecord

from .rows import ImportRow


def _one_line(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text).strip()


def write_omegat(terms: Iterable[TermRecord], path: Path) -> int:
    count = 0
    with atomic_write(path, encoding="utf-8", newline="") as fh:
        for t in terms:
            count += 1
            fh.write(f"{_one_line(t.source)}\t{_one_line(t.target)}\t{_one_line(t.note)}\n")
    return count


def parse_omegat(text: str, name: str) -> list[ImportRow]:
    rows: list[ImportRow] = []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise BadInputError(f"“{name}”, line {number}: expected “source<TAB>target<TAB>comment”.")
        rows.append(ImportRow(number, cells[0].strip(), cells[1].strip(), "other",
                              cells[2] if len(cells) > 2 else "", "", "", None))
    return rows

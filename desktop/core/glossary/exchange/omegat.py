"""OmegaT glossaries: tab-separated (source, target, comment), one line per entry, written and read.

OmegaT writes ``# Glossary in tab-separated format -*- coding: utf-8 -*-`` as the first line
of every glossary it creates, and skips lines starting with ``#``: so does Tarjuman, and a
term whose Arabic starts with ``#`` cannot be written (it is reported, never dropped
silently). OmegaT cannot hold tabs or line breaks in a field, so they become spaces.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from desktop.core.atomic import atomic_write
from desktop.core.errors import BadInputError
from desktop.core.glossary.record import TermRecord

from .rows import ImportRow


def _one_line(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text).strip()


FIRST_LINE = "# Glossary in tab-separated format -*- coding: utf-8 -*-"


def write_omegat(terms: Iterable[TermRecord], path: Path, skipped: list[str] | None = None) -> int:
    """Write the terms OmegaT can read; the Arabic of the others goes to ``skipped``."""
    count = 0
    with atomic_write(path, encoding="utf-8", newline="") as fh:
        fh.write(FIRST_LINE + "\n")
        for t in terms:
            source = _one_line(t.source)
            if source.startswith("#"):  # OmegaT would read the line as a comment
                if skipped is not None:
                    skipped.append(t.source)
                continue
            count += 1
            fh.write(f"{source}\t{_one_line(t.target)}\t{_one_line(t.note)}\n")
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
        rows.append(ImportRow(number, cells[0].strip(), cells[1].strip(), None,
                              cells[2] if len(cells) > 2 else "", "", "", None))
    return rows

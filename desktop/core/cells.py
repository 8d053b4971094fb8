"""Spreadsheet cells that must not run: a cell a spreadsheet would read as a formula gets a
leading ``'`` when written and loses it when read back (glossary and translation tables)."""

from __future__ import annotations

import re

_FORMULA = re.compile(r"^'*[=+\-@\t\r]")


def protect_cell(value: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would evaluate (and to one that already looks escaped)."""
    return "'" + value if _FORMULA.match(value) else value


def unprotect_cell(value: str) -> str:
    """Undo ``protect_cell``."""
    return value[1:] if value.startswith("'") and _FORMULA.match(value[1:]) else value

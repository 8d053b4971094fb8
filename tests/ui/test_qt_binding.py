from __future__ import annotations

import sys

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument


def test_void_qt_calls_keep_none_alive(qapp: object) -> None:
    """PySide6 6.12.0 decrements None's refcount on every void call; on Python < 3.12 (where None
    is not immortal) the reading view then crashes with "deallocating None" after a few
    thousand cells. pyproject.toml excludes that release; this guards the pin."""
    doc = QTextDocument()
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(2000):
        QTextCursor(doc).insertText("x", fmt)
    after = sys.getrefcount(None)
    assert after >= before - 50  # allow for unrelated interpreter activity

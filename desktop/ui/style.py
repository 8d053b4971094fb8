"""Fonts and colours shared by the widgets."""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QFontDatabase

from desktop.core.paths import resources_dir
from desktop.core.workspace import BUILTIN_CATEGORIES as CATEGORIES
from desktop.core.workspace import DEFAULT_COLOURS

log = logging.getLogger(__name__)

ARABIC_FAMILY = "Noto Naskh Arabic"
CURRENT_ROW = QColor("#fff3c4")
HOVER_ROW = QColor("#eef3fb")
PENDING_TEXT = QColor("#8a8f98")
ENGLISH_BACKGROUND = QColor("#f6f7f9")
EDITED_TEXT = QColor("#1d5e2c")
ENGLISH_TERM = QColor("#2a6fbb")
GLOSS_TEXT = QColor("#5b6b7d")
# Learner mode, as LWT colours words: new in blue, learning from red to yellow; known and
# ignored words plain.
WORD_STATUS_COLOURS = {0: QColor("#cfe8fb"), 1: QColor("#f8c9bd"), 2: QColor("#f7d6bb"),
                       3: QColor("#f5e4b5"), 4: QColor("#f2f0b8")}

# The open glossary's categories and colours (set by the main window from the database).
_category_colours: dict[str, QColor] = {name: QColor(c) for name, c in DEFAULT_COLOURS.items()}


def set_categories(colours: list[tuple[str, str]]) -> None:
    """Use these (name, #rrggbb) categories, in this order."""
    _category_colours.clear()
    _category_colours.update((name, QColor(colour)) for name, colour in colours)


def category_names() -> list[str]:
    return list(_category_colours) or list(CATEGORIES)


def category_colour(category: str) -> QColor:
    return _category_colours.get(category) or QColor(DEFAULT_COLOURS["other"])

_loaded = False


def load_fonts() -> str:
    """Register the bundled Arabic font with Qt (once) and return its family name."""
    global _loaded
    if not _loaded:
        for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
            if QFontDatabase.addApplicationFont(str(path)) < 0:
                log.warning("could not load font %s", path)
        _loaded = True
    return ARABIC_FAMILY


def arabic_font(point_size: float = 16.0) -> QFont:
    font = QFont(load_fonts())
    font.setPointSizeF(point_size)
    return font

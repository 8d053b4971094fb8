"""Fonts and colours shared by the widgets."""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QFontDatabase

from desktop.core.paths import resources_dir

log = logging.getLogger(__name__)

ARABIC_FAMILY = "Noto Naskh Arabic"
CURRENT_ROW = QColor("#fff3c4")
HOVER_ROW = QColor("#eef3fb")
PENDING_TEXT = QColor("#8a8f98")
ENGLISH_BACKGROUND = QColor("#f6f7f9")
EDITED_TEXT = QColor("#1d5e2c")
CATEGORY_COLOURS = {
    "person": QColor("#ffd3dc"),
    "organization": QColor("#cfe3ff"),
    "title": QColor("#e4d7ff"),
    "place": QColor("#d3f0d3"),
    "other": QColor("#f3e4bf"),
}
ENGLISH_TERM = QColor("#2a6fbb")


def category_colour(category: str) -> QColor:
    return CATEGORY_COLOURS.get(category, CATEGORY_COLOURS["other"])
EDGE = QColor("#d9dde3")

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

"""Fonts and colours shared by the widgets: every colour Tarjuman sets comes from here.

Colours come in two schemes, light and dark, chosen from the application palette (the
system's scheme, or View → Theme). Each scheme is a set of (text, background) pairs that keep
WCAG AA contrast (4.5:1); ``tests/ui/test_appearance.py`` computes every pair. Category colours
are the user's (light pastels by default): in the dark scheme they are drawn as a dark shade
of the same hue, and text on any category or status colour is black or white, whichever
contrasts more.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette

from desktop.core.paths import resources_dir
from desktop.core.workspace import BUILTIN_CATEGORIES as CATEGORIES
from desktop.core.workspace import DEFAULT_COLOURS

log = logging.getLogger(__name__)

ARABIC_FAMILY = "Noto Naskh Arabic"
#: The reading text's size in points, and its limits (View → Zoom, Preferences).
READING_SIZE, READING_SIZE_LIMITS = 17, (9, 40)


@dataclass(frozen=True)
class Scheme:
    """The colours of one scheme. ``text`` on ``base`` is the reading view's text."""

    dark: bool
    text: QColor
    base: QColor
    current_row: QColor
    hover_row: QColor
    english_background: QColor
    pending_text: QColor
    edited_text: QColor
    english_term: QColor
    gloss_text: QColor
    missing_text: QColor
    banner_background: QColor
    banner_text: QColor
    banner_border: QColor
    editor_border: QColor
    # Learner mode, as LWT colours words: new in blue, learning from red to yellow; known and
    # ignored words plain.
    word_status: dict[int, QColor] = field(default_factory=dict)

    def pairs(self) -> dict[str, tuple[QColor, QColor]]:
        """Every (text, background) pair the scheme draws, by name (for the contrast test)."""
        pairs = {
            "text": (self.text, self.base),
            "current row": (self.text, self.current_row),
            "hover row": (self.text, self.hover_row),
            "English": (self.text, self.english_background),
            "English, current row": (self.text, self.current_row),
            "pending": (self.pending_text, self.english_background),
            "pending, current row": (self.pending_text, self.current_row),
            "edited": (self.edited_text, self.english_background),
            "edited, current row": (self.edited_text, self.current_row),
            "term in English": (self.english_term, self.english_background),
            "term in English, current row": (self.english_term, self.current_row),
            "gloss": (self.gloss_text, self.base),
            "missing term": (self.missing_text, self.base),
            "banner": (self.banner_text, self.banner_background),
        }
        for status, colour in self.word_status.items():
            pairs[f"word status {status}"] = (text_on(colour), colour)
        return pairs


def _c(value: str) -> QColor:
    return QColor(value)


LIGHT = Scheme(
    dark=False, text=_c("#1b1b1b"), base=_c("#ffffff"), current_row=_c("#fff3c4"),
    hover_row=_c("#eef3fb"), english_background=_c("#f6f7f9"), pending_text=_c("#5f6670"),
    edited_text=_c("#1d5e2c"), english_term=_c("#1f5c9e"), gloss_text=_c("#4d5b6b"),
    missing_text=_c("#a31515"), banner_background=_c("#fff4d6"), banner_text=_c("#4a3b00"),
    banner_border=_c("#e8c66a"), editor_border=_c("#3b78c4"),
    word_status={0: _c("#cfe8fb"), 1: _c("#f8c9bd"), 2: _c("#f7d6bb"), 3: _c("#f5e4b5"),
                 4: _c("#f2f0b8")},
)
DARK = Scheme(
    dark=True, text=_c("#e8e8e8"), base=_c("#1e1f22"), current_row=_c("#4a3f16"),
    hover_row=_c("#2a3240"), english_background=_c("#26282c"), pending_text=_c("#a4abb5"),
    edited_text=_c("#8fd19e"), english_term=_c("#8cc4ff"), gloss_text=_c("#aab6c3"),
    missing_text=_c("#ff9b9b"), banner_background=_c("#3d3414"), banner_text=_c("#f5e6b0"),
    banner_border=_c("#8a7428"), editor_border=_c("#6fa3e0"),
    word_status={0: _c("#1f4a6b"), 1: _c("#6b2c22"), 2: _c("#6b4424"), 3: _c("#62531f"),
                 4: _c("#55531c")},
)

_scheme = LIGHT


def scheme() -> Scheme:
    return _scheme


def use_scheme(dark: bool) -> Scheme:
    """Draw with the dark or the light scheme from now on (views restyle themselves)."""
    global _scheme
    _scheme = DARK if dark else LIGHT
    return _scheme


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A dark palette for View → Theme → Dark where the platform has none to give."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#2b2d30"), (roles.WindowText, "#e8e8e8"),
                         (roles.Base, "#1e1f22"), (roles.AlternateBase, "#26282c"),
                         (roles.ToolTipBase, "#3c3f41"), (roles.ToolTipText, "#e8e8e8"),
                         (roles.PlaceholderText, "#9aa0a6"), (roles.Text, "#e8e8e8"),
                         (roles.Button, "#3c3f41"), (roles.ButtonText, "#e8e8e8"),
                         (roles.BrightText, "#ffffff"), (roles.Link, "#8cc4ff"),
                         (roles.Highlight, "#2f65ca"), (roles.HighlightedText, "#ffffff"),
                         (roles.Light, "#4a4d50"), (roles.Midlight, "#3a3d40"),
                         (roles.Mid, "#303235"), (roles.Dark, "#1b1c1e"), (roles.Shadow, "#000000")):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f848a"))
    return palette


# -- contrast (WCAG 2.1) ---------------------------------------------------------------------
def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + \
        0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(background: QColor) -> QColor:
    """Black or white: whichever reads better on ``background``."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast(black, background) >= contrast(white, background) else white


# -- categories ------------------------------------------------------------------------------
# The open glossary's categories and colours (set by the main window from the database).
_category_colours: dict[str, QColor] = {name: QColor(c) for name, c in DEFAULT_COLOURS.items()}


def set_categories(colours: list[tuple[str, str]]) -> None:
    """Use these (name, #rrggbb) categories, in this order."""
    _category_colours.clear()
    _category_colours.update((name, QColor(colour)) for name, colour in colours)


def category_names() -> list[str]:
    return list(_category_colours) or list(CATEGORIES)


def stored_category_colour(category: str) -> QColor:
    """The colour the user chose for ``category`` (what the categories dialog shows)."""
    return _category_colours.get(category) or QColor(DEFAULT_COLOURS["other"])


def category_colour(category: str) -> QColor:
    """The background ``category`` is drawn with in the current scheme: the user's colour,
    or in the dark scheme a dark shade of its hue."""
    colour = stored_category_colour(category)
    if not _scheme.dark:
        return colour
    return QColor.fromHslF(max(colour.hslHueF(), 0.0), min(colour.hslSaturationF(), 0.55), 0.26)


def category_text(category: str) -> QColor:
    """The text colour on ``category_colour(category)``."""
    return text_on(category_colour(category))


# -- fonts -----------------------------------------------------------------------------------
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

"""View → Theme and View → Zoom: the light or dark scheme and the reading text's size.

The theme follows the system (its colour scheme, as the platform reports it through the
palette) unless the user picks Light or Dark; the choice and the reading size are remembered.
Every view that draws Tarjuman's own colours restyles itself when the scheme changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication

from desktop.ui import settings as opts
from desktop.ui import style
from desktop.ui.context import AppContext
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

THEMES = (("system", QT_TRANSLATE_NOOP("Tarjuman", "&System")),
          ("light", QT_TRANSLATE_NOOP("Tarjuman", "&Light")),
          ("dark", QT_TRANSLATE_NOOP("Tarjuman", "&Dark")))


def _unique(sequences: list[QKeySequence]) -> list[QKeySequence]:
    seen: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in seen:
            seen.append(sequence)
    return seen


class AppearanceController(QObject):
    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        # What the platform gave, to go back to for "System".
        self._system_palette = QPalette(app.palette())
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, label in THEMES:
            choice = self.theme_group.addAction(translate(CONTEXT, label))
            choice.setCheckable(True)
            choice.setObjectName(f"theme-{key}")
            choice.triggered.connect(lambda _checked=False, k=key: self.set_theme(k))
            self.theme_actions[key] = choice
        action = ctx.action
        self.zoom_in_action = action(self.tr("Zoom &In"), lambda: self.zoom(+1))
        # Ctrl+= as well as the platform's Ctrl++ (on most keyboards + needs Shift). Each key
        # once: an action with the same key twice makes it ambiguous and it does nothing.
        self.zoom_in_action.setShortcuts(_unique([QKeySequence("Ctrl+="), QKeySequence("Ctrl++"),
                                                  *QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn)]))
        self.zoom_out_action = action(self.tr("Zoom &Out"), lambda: self.zoom(-1))
        self.zoom_out_action.setShortcuts(_unique([
            QKeySequence("Ctrl+-"), *QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut)]))
        self.zoom_reset_action = action(self.tr("&Actual Size"),
                                        lambda: self.set_reading_size(style.READING_SIZE), "Ctrl+0")
        window.reader.zoomRequested.connect(self.zoom)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: self._follow_system())
        self.theme = opts.THEME.get(ctx.settings)
        self.reading_size = opts.READING_SIZE.get(ctx.settings)
        self.theme_actions[self.theme].setChecked(True)
        self._apply()

    # -- theme ---------------------------------------------------------------------------
    def set_theme(self, theme: str) -> None:
        self.theme = theme
        opts.THEME.set(self.ctx.settings, theme)
        self.theme_actions[theme].setChecked(True)
        self._apply()

    def _follow_system(self) -> None:
        if self.theme == "system":
            self._system_palette = QPalette(self._app.palette())
            self._apply()

    def _apply(self) -> None:
        if self.theme == "dark":
            palette = style.dark_palette()
        elif self.theme == "light":
            palette = self._app.style().standardPalette()
            if style.palette_is_dark(palette):  # a style whose own palette is dark
                palette = QPalette(self._system_palette if not style.palette_is_dark(
                    self._system_palette) else palette)
        else:
            palette = self._system_palette
        self._app.setPalette(palette)
        style.use_scheme(style.palette_is_dark(palette))
        self.restyle()

    def restyle(self) -> None:
        """Redraw everything drawn in Tarjuman's own colours or at the reading size."""
        window = self.window
        window.reader.restyle(self.reading_size)
        window.banner.restyle()
        window.glossary.restyle()
        window.terms.refresh_term_pane()

    # -- zoom ----------------------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        self.set_reading_size(self.reading_size + steps)

    def set_reading_size(self, size: int) -> None:
        low, high = style.READING_SIZE_LIMITS
        size = min(max(size, low), high)
        if size == self.reading_size:
            if size == high:
                text = self.tr("The reading text is already at its largest size ({size} pt).")
            elif size == low:
                text = self.tr("The reading text is already at its smallest size ({size} pt).")
            else:
                text = ""
            self.ctx.status(text.format(size=size), 3000)
            return
        self.reading_size = size
        opts.READING_SIZE.set(self.ctx.settings, size)
        self.window.reader.restyle(size)
        self.ctx.status(self.tr("Reading text: {size} pt ({percent} %)").format(
            size=size, percent=round(100 * size / style.READING_SIZE)), 2000)

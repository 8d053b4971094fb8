"""The banner shown over the reading view when no translation model is available."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QPushButton, QWidget

from desktop.ui import style

NARROW_WIDTH = 620


class ModelBanner(QFrame):
    """Explains that translation is unavailable and offers both ways to get a model."""

    installRequested = Signal()
    downloadRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelBanner")
        self.restyle()
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(12, 8, 12, 8)
        self._layout = layout
        self.label = QLabel(self)
        self.label.setObjectName("modelBannerText")
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.install_button = QPushButton(self.tr("Install model from file…"), self)
        self.install_button.setObjectName("installModelButton")
        self.download_button = QPushButton(self.tr("Download model…"), self)
        self.download_button.setObjectName("downloadModelButton")
        layout.addWidget(self.install_button)
        layout.addWidget(self.download_button)
        self.install_button.clicked.connect(self.installRequested)
        self.download_button.clicked.connect(self.downloadRequested)
        self.show_missing()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Buttons beside the text when there is room, under it in a narrow window."""
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_WIDTH
        self._layout.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                  else QBoxLayout.Direction.LeftToRight)

    def restyle(self) -> None:
        colours = style.scheme()
        self.setStyleSheet(
            f"#modelBanner {{ background: {colours.banner_background.name()}; "
            f"border: 1px solid {colours.banner_border.name()}; border-radius: 6px; }}"
            f"#modelBanner QLabel {{ color: {colours.banner_text.name()}; }}")

    def show_missing(self) -> None:
        self.label.setText(self.tr(
            "<b>No Arabic→English translation model is installed.</b> You can still read the "
            "document and use the glossary. Install a model from a .argosmodel file, or download "
            "it from the Argos package index (needs an internet connection, about 100 MB)."
        ))

    def show_broken(self, message: str) -> None:
        self.label.setText(self.tr("<b>The translation model could not be loaded.</b> {problem}").format(
            problem=message))

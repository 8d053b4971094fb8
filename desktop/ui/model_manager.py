"""The model manager: installed packages, install from file, download, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.translation.packages import ModelInfo
from desktop.ui.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate

HEADERS = (QT_TRANSLATE_NOOP("Tarjuman", "Languages"), QT_TRANSLATE_NOOP("Tarjuman", "Version"),
           QT_TRANSLATE_NOOP("Tarjuman", "Size"), QT_TRANSLATE_NOOP("Tarjuman", "Notes"),
           QT_TRANSLATE_NOOP("Tarjuman", "In use"))


class ModelManagerDialog(QDialog):
    """Lists ``ModelInfo`` rows; asks the main window to install, download or remove.

    ``removeRequested(path)`` is emitted only after the user confirmed.
    """

    installRequested = Signal()
    downloadRequested = Signal()
    removeRequested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Translation Models"))
        self.setObjectName("modelManager")
        self.resize(760, 320)
        layout = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("modelTable")
        self.table.setHorizontalHeaderLabels([translate(CONTEXT, header) for header in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.install_button = QPushButton(self.tr("Install from File…"), self)
        self.download_button = QPushButton(self.tr("Download Arabic→English…"), self)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.install_button, self.download_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.install_button.clicked.connect(self.installRequested)
        self.download_button.clicked.connect(self.downloadRequested)
        self.remove_button.clicked.connect(self._confirm_remove)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._models: list[ModelInfo] = []

    def set_models(self, models: list[ModelInfo], active: Path | None) -> None:
        self._models = list(models)
        self.table.setRowCount(len(models))
        for row, m in enumerate(models):
            cells = (f"{m.from_name} → {m.to_name} ({m.pair})", m.version,
                     self.tr("{size} MB").format(size=f"{m.size_bytes / 1_048_576:.1f}"), m.note,
                     "✔" if m.path == active else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(m.path))
                if column == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        if active is not None:
            self.status.setText(self.tr("Arabic→English translation uses the model marked “In use”."))
        else:
            self.status.setText(self.tr("<b>No Arabic→English model is installed.</b> Install one from a "
                                        ".argosmodel file or download it (needs an internet connection)."))
        self._update_buttons()

    def selected_model(self) -> ModelInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._models[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_model() is not None)

    def _confirm_remove(self) -> None:
        model = self.selected_model()
        if model is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove model"),
            self.tr("Remove the {source} → {target} model {version} ({size} MB) from this computer?").format(
                source=model.from_name, target=model.to_name, version=model.version,
                size=f"{model.size_bytes / 1_048_576:.0f}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.removeRequested.emit(model.path)

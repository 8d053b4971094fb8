"""The Preferences dialog: translation quality and speed settings."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from desktop.core.translation.engine import default_threads
from desktop.ui import settings as opts


class PreferencesDialog(QDialog):
    """Edits the options in ``desktop.ui.settings``; writes them on OK."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        self._settings = settings
        form = QFormLayout(self)
        current = opts.engine_settings(settings)

        self.beam = QSpinBox(self)
        self.beam.setObjectName("beamSize")
        self.beam.setRange(1, 8)
        self.beam.setValue(current.beam_size)
        self.beam.setToolTip(
            "More candidates per step: slightly better English, slower. 2 is a good balance.")
        form.addRow("Beam size:", self.beam)

        self.compute = QComboBox(self)
        self.compute.setObjectName("computeType")
        self.compute.addItems(list(opts.COMPUTE_TYPES))
        self.compute.setCurrentText(current.compute_type)
        self.compute.setToolTip("auto uses the model's own precision (int8 for Argos models): fastest.")
        form.addRow("Computation:", self.compute)

        self.threads = QSpinBox(self)
        self.threads.setObjectName("threads")
        self.threads.setRange(0, max(os.cpu_count() or 1, 1) * 2)
        self.threads.setSpecialValueText(f"Automatic ({default_threads()})")
        self.threads.setValue(current.threads)
        form.addRow("Threads:", self.threads)
        form.addRow(QLabel("Changes to computation or threads reload the model.", self))

        self.max_mb = QSpinBox(self)
        self.max_mb.setObjectName("maxDocumentMegabytes")
        self.max_mb.setRange(1, 500)
        self.max_mb.setSuffix(" MB")
        self.max_mb.setValue(opts.max_document_bytes(settings) // (1024 * 1024))
        self.max_mb.setToolTip("Bigger files are refused at once, before anything is read")
        form.addRow("Largest document:", self.max_mb)

        self.backups = QSpinBox(self)
        self.backups.setObjectName("backupsKept")
        self.backups.setRange(1, 100)
        self.backups.setValue(opts.backups_kept(settings))
        self.backups.setToolTip("How many backups of each glossary to keep (the newest)")
        form.addRow("Backups kept:", self.backups)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        opts.BEAM_SIZE.set(self._settings, self.beam.value())
        opts.COMPUTE_TYPE.set(self._settings, self.compute.currentText())
        opts.THREADS.set(self._settings, self.threads.value())
        opts.MAX_DOCUMENT_MB.set(self._settings, self.max_mb.value())
        opts.BACKUPS_KEPT.set(self._settings, self.backups.value())
        self._settings.sync()
        super().accept()

"""The Preferences dialog: translation quality and speed, document size, backups."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from desktop.core.preferences import COMPUTE_TYPES, LIMITS, Preferences
from desktop.core.translation.engine import default_threads


def _spin(parent: QWidget, name: str, value: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setRange(*LIMITS[name])
    box.setValue(value)
    return box


class PreferencesDialog(QDialog):
    """Edits ``Preferences``; ``chosen()`` after ``accept``. Ranges are the core's limits."""

    def __init__(self, current: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        form = QFormLayout(self)

        self.beam = _spin(self, "beam_size", current.beam_size)
        self.beam.setToolTip(
            "More candidates per step: slightly better English, slower. 2 is a good balance.")
        form.addRow("Beam size:", self.beam)

        self.compute = QComboBox(self)
        self.compute.setObjectName("computeType")
        self.compute.addItems(list(COMPUTE_TYPES))
        self.compute.setCurrentText(current.compute_type)
        self.compute.setToolTip("auto uses the model's own precision (int8 for Argos models): fastest.")
        form.addRow("Computation:", self.compute)

        self.threads = _spin(self, "threads", current.threads)
        self.threads.setSpecialValueText(f"Automatic ({default_threads()})")
        form.addRow("Threads:", self.threads)
        form.addRow(QLabel("Changes to computation or threads reload the model.", self))

        self.max_mb = _spin(self, "max_document_mb", current.max_document_mb)
        self.max_mb.setSuffix(" MB")
        self.max_mb.setToolTip("Bigger files are refused at once, before anything is read")
        form.addRow("Largest document:", self.max_mb)

        self.backups = _spin(self, "backups_kept", current.backups_kept)
        self.backups.setToolTip("How many backups of each glossary to keep (the newest)")
        form.addRow("Backups kept:", self.backups)

        self.backups_mb = _spin(self, "backups_max_mb", current.backups_max_mb)
        self.backups_mb.setSuffix(" MB")
        self.backups_mb.setToolTip("The most disk space the backups of each glossary may take; the "
                                   "oldest go first, the newest always stays")
        form.addRow("Backups' total size:", self.backups_mb)

        self.lemmas = QCheckBox("Also find other forms of glossary terms (plural, feminine, …)", self)
        self.lemmas.setObjectName("lemmaMatching")
        self.lemmas.setChecked(current.lemma_matching)
        self.lemmas.setToolTip("Through the dictionary's lemmas: المدير also marks المديرين. "
                               "These matches are underlined with dots.")
        form.addRow("Glossary terms:", self.lemmas)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> Preferences:
        return Preferences(beam_size=self.beam.value(), compute_type=self.compute.currentText(),
                           threads=self.threads.value(), max_document_mb=self.max_mb.value(),
                           backups_kept=self.backups.value(), backups_max_mb=self.backups_mb.value(),
                           lemma_matching=self.lemmas.isChecked())

"""The Preferences dialog: translation quality and speed, document size, backups, and the
interface language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.core.preferences import COMPUTE_TYPES, LIMITS, Preferences
from desktop.core.translation.engine import default_threads
from desktop.ui.i18n import CONTEXT, LANGUAGES, translate


def _spin(parent: QWidget, name: str, value: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setRange(*LIMITS[name])
    box.setValue(value)
    return box


class PreferencesDialog(QDialog):
    """Edits ``Preferences`` and the interface language; ``chosen()`` and ``language()``
    after ``accept``. Ranges are the core's limits."""

    def __init__(self, current: Preferences, parent: QWidget | None = None, language: str = "system") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferencesDialog")
        form = QFormLayout(self)

        self.beam = _spin(self, "beam_size", current.beam_size)
        self.beam.setToolTip(
            self.tr("More candidates per step: slightly better English, slower. 2 is a good balance."))
        form.addRow(self.tr("Beam size:"), self.beam)

        self.compute = QComboBox(self)
        self.compute.setObjectName("computeType")
        self.compute.addItems(list(COMPUTE_TYPES))
        self.compute.setCurrentText(current.compute_type)
        self.compute.setToolTip(
            self.tr("auto uses the model's own precision (int8 for Argos models): fastest."))
        form.addRow(self.tr("Computation:"), self.compute)

        self.threads = _spin(self, "threads", current.threads)
        self.threads.setSpecialValueText(self.tr("Automatic ({count})").format(count=default_threads()))
        form.addRow(self.tr("Threads:"), self.threads)
        form.addRow(QLabel(self.tr("Changes to computation or threads reload the model."), self))

        megabytes = self.tr(" MB", "the suffix of a size in megabytes")
        self.max_mb = _spin(self, "max_document_mb", current.max_document_mb)
        self.max_mb.setSuffix(megabytes)
        self.max_mb.setToolTip(self.tr("Bigger files are refused at once, before anything is read"))
        form.addRow(self.tr("Largest document:"), self.max_mb)

        self.backups = _spin(self, "backups_kept", current.backups_kept)
        self.backups.setToolTip(self.tr("How many backups of each glossary to keep (the newest)"))
        form.addRow(self.tr("Backups kept:"), self.backups)

        self.backups_mb = _spin(self, "backups_max_mb", current.backups_max_mb)
        self.backups_mb.setSuffix(megabytes)
        self.backups_mb.setToolTip(self.tr("The most disk space the backups of each glossary may take; the "
                                           "oldest go first, the newest always stays"))
        form.addRow(self.tr("Backups' total size:"), self.backups_mb)

        self.lemmas = QCheckBox(self.tr("Also find other forms of glossary terms (plural, feminine, …)"),
                                self)
        self.lemmas.setObjectName("lemmaMatching")
        self.lemmas.setChecked(current.lemma_matching)
        self.lemmas.setToolTip(self.tr("Through the dictionary's lemmas: المدير also marks المديرين. "
                                       "These matches are underlined with dots."))
        form.addRow(self.tr("Glossary terms:"), self.lemmas)

        self.display_name = QLineEdit(current.display_name, self)
        self.display_name.setObjectName("displayName")
        self.display_name.setMaxLength(80)
        self.display_name.setPlaceholderText(self.tr("Your database user name"))
        self.display_name.setToolTip(self.tr("The name a team glossary records as who added or changed "
                                             "a term"))
        form.addRow(self.tr("Your name in team glossaries:"), self.display_name)

        self.language_box = QComboBox(self)
        self.language_box.setObjectName("interfaceLanguage")
        for key, label in LANGUAGES:
            self.language_box.addItem(translate(CONTEXT, label), key)
        self.language_box.setCurrentIndex(max(self.language_box.findData(language), 0))
        form.addRow(self.tr("Interface language:"), self.language_box)
        note = QLabel(self.tr("The interface language changes the next time Tarjuman starts."), self)
        note.setObjectName("languageNote")
        note.setWordWrap(True)
        form.addRow(note)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> Preferences:
        return Preferences(beam_size=self.beam.value(), compute_type=self.compute.currentText(),
                           threads=self.threads.value(), max_document_mb=self.max_mb.value(),
                           backups_kept=self.backups.value(), backups_max_mb=self.backups_mb.value(),
                           lemma_matching=self.lemmas.isChecked(),
                           display_name=self.display_name.text())

    def language(self) -> str:
        """The chosen interface language: "system", "en" or "ar"."""
        return str(self.language_box.currentData())

"""The interface language: every text the window shows goes through Qt's translation system.

Classes derived from QObject translate with ``self.tr("…")`` (the context is the class);
other code (functions, plain classes) with ``translate("Tarjuman", "…")``, and constants
translated where they are shown are marked with ``QT_TRANSLATE_NOOP("Tarjuman", "…")``.
``pyside6-lupdate`` finds all three (``packaging/translations.py`` runs it); it reads the
context only when it is written out, so ``CONTEXT`` serves just for texts held in variables. Counts use Qt's
``%n`` (Arabic has six plural forms); where the English says "1 term" but "2 terms", the code
picks one of two messages with ``plural``, so that English needs no translation file. (A
plural message is found for instances of the class that asks, not of a subclass: PySide
takes Qt's untranslated text, its count filled in, for the subclass's translation.)

``install`` loads the bundled translation (``resources/i18n/tarjuman_LANG.qm``) and Qt's own
(standard buttons and dialogs) for the language in the settings, and mirrors the layout for
a right-to-left language. It runs once at start-up, before any window is built.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from desktop.core import paths
from desktop.ui import settings as opts

log = logging.getLogger(__name__)

#: The translation context of texts outside QObject classes.
CONTEXT = "Tarjuman"
#: Languages with a bundled translation (English is the source language).
TRANSLATED = ("ar",)
RIGHT_TO_LEFT = ("ar",)

_installed: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``; called by this name so that lupdate reads every call
    the same way."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for translation where it is defined; ``translate(context, text)`` where
    it is shown."""
    return text


def app_name() -> str:
    """Tarjuman's name as the interface language writes it (ترجمان in Arabic)."""
    return translate("Tarjuman", "Tarjuman", "the application's name")


def plural(count: int, one: str, other: str) -> str:
    """``one`` for 1, else ``other``: two translated ``%n`` messages, for English that says
    "1 term" but "2 terms" (the translations carry their language's own plural forms)."""
    return one if count == 1 else other


#: The choices of Preferences → Interface language: (setting, label). Each language is
#: named in itself.
LANGUAGES = (("system", QT_TRANSLATE_NOOP("Tarjuman", "System")), ("en", "English"), ("ar", "العربية"))


def translations_dir() -> Path:
    return paths.resources_dir() / "i18n"


def language_for(ui_languages: Iterable[str]) -> str:
    """The first of ``ui_languages`` ("ar-EG", "en_GB", "fr", …, most preferred first) that
    Tarjuman speaks: "en" or a translated one; "en" when none is."""
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code == "en" or code in TRANSLATED:
            return code
    return "en"


def system_language() -> str:
    """The language of the interface under "system": from the system's UI languages."""
    return language_for(QLocale.system().uiLanguages())


def chosen_language(settings: QSettings) -> str:
    """The interface language: the setting, or the system's for "system"."""
    language = opts.LANGUAGE.get(settings)
    return system_language() if language == "system" else language


def install(app: QCoreApplication, settings: QSettings) -> str:
    """Translate the interface into the chosen language and mirror the layout for a
    right-to-left one; returns the language ("en" needs nothing). Replaces what an earlier
    call installed."""
    uninstall(app)
    language = chosen_language(settings)
    if language not in TRANSLATED:
        return "en"
    ours = QTranslator()
    if not ours.load(str(translations_dir() / f"tarjuman_{language}.qm")):
        log.warning("no %s translation in %s; the interface stays English", language, translations_dir())
        return "en"
    qt_own = QTranslator()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for translator in (qt_own, ours) if qt_own.load(f"qtbase_{language}", qt_folder) else (ours,):
        app.installTranslator(translator)
        _installed.append(translator)
    if language in RIGHT_TO_LEFT and isinstance(app, QGuiApplication):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    return language


def uninstall(app: QCoreApplication) -> None:
    """Back to the English interface (windows built afterwards show it) and the layout
    direction Qt would choose."""
    if not _installed:
        return
    while _installed:
        app.removeTranslator(_installed.pop())
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(Qt.LayoutDirection.LayoutDirectionAuto)

"""Every QSettings key Tarjuman uses, declared once with its type, default and limits.

Preferences (``Preferences`` in the core, with the limits the dialog also uses) and window
state alike. Values read back are checked: a wrong type, an out-of-range number or an
unknown choice gives the default (or the nearest limit), never an error. ``upgrade`` brings
settings written by an older Tarjuman to ``VERSION``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from desktop.core.preferences import COMPUTE_TYPES, LIMITS, Preferences

T = TypeVar("T", int, str, QByteArray)
VERSION = 2
MAX_RECENT = 10


@dataclass(frozen=True)
class Option(Generic[T]):
    """One key: ``get`` returns a ``T`` inside ``limits`` (ints) or ``choices`` (strings)."""

    key: str
    default: T
    limits: tuple[int, int] | None = None
    choices: tuple[str, ...] | None = None

    def get(self, settings: QSettings) -> T:
        value: Any = settings.value(self.key, self.default)
        if isinstance(self.default, QByteArray):
            return value if isinstance(value, QByteArray) else self.default
        checked: Any
        try:
            checked = type(self.default)(value)
        except (TypeError, ValueError):
            return self.default
        if self.limits is not None and isinstance(checked, int):
            low, high = self.limits
            checked = min(max(checked, low), high)
        if self.choices is not None and checked not in self.choices:
            return self.default
        result: T = checked
        return result

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


_DEFAULTS = Preferences()
# Preferences (the core acts on these).
BEAM_SIZE = Option("translation/beamSize", _DEFAULTS.beam_size, LIMITS["beam_size"])
COMPUTE_TYPE = Option("translation/computeType", _DEFAULTS.compute_type, choices=COMPUTE_TYPES)
THREADS = Option("translation/threads", _DEFAULTS.threads, LIMITS["threads"])
MAX_DOCUMENT_MB = Option("documents/maxMegabytes", _DEFAULTS.max_document_mb, LIMITS["max_document_mb"])
BACKUPS_KEPT = Option("glossary/backupsKept", _DEFAULTS.backups_kept, LIMITS["backups_kept"])
BACKUPS_MAX_MB = Option("glossary/backupsMaxMegabytes", _DEFAULTS.backups_max_mb, LIMITS["backups_max_mb"])
LEMMA_MATCHING = Option("glossary/lemmaMatching", int(_DEFAULTS.lemma_matching), (0, 1))
DISPLAY_NAME = Option("team/displayName", _DEFAULTS.display_name)
# Window and session state.
GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
LAST_DOCUMENT = Option("session/lastDocument", "")
WORD_GLOSSES = Option("view/wordGlosses", 0, (0, 1))
LEARNER_MODE = Option("view/learnerMode", 0, (0, 1))
VOWELLED = Option("view/vowelled", 0, (0, 1))
THEME = Option("view/theme", "system", choices=("system", "light", "dark"))
READING_SIZE = Option("view/readingSize", 17, (9, 40))
#: The interface language: "system" follows the computer's (desktop.ui.i18n); read at start.
LANGUAGE = Option("view/language", "system", choices=("system", "en", "ar"))
SETTINGS_VERSION = Option("settings/version", 0)
#: Recently opened documents, newest first (a list: read with ``recent_documents``).
RECENT_KEY = "session/recent"


def preferences(settings: QSettings) -> Preferences:
    """The preferences stored in ``settings`` (defaults where unset or invalid)."""
    return Preferences(beam_size=BEAM_SIZE.get(settings), compute_type=COMPUTE_TYPE.get(settings),
                       threads=THREADS.get(settings), max_document_mb=MAX_DOCUMENT_MB.get(settings),
                       backups_kept=BACKUPS_KEPT.get(settings),
                       backups_max_mb=BACKUPS_MAX_MB.get(settings),
                       lemma_matching=bool(LEMMA_MATCHING.get(settings)),
                       display_name=DISPLAY_NAME.get(settings))


def save_preferences(settings: QSettings, chosen: Preferences) -> None:
    chosen = chosen.checked()
    BEAM_SIZE.set(settings, chosen.beam_size)
    COMPUTE_TYPE.set(settings, chosen.compute_type)
    THREADS.set(settings, chosen.threads)
    MAX_DOCUMENT_MB.set(settings, chosen.max_document_mb)
    BACKUPS_KEPT.set(settings, chosen.backups_kept)
    BACKUPS_MAX_MB.set(settings, chosen.backups_max_mb)
    LEMMA_MATCHING.set(settings, int(chosen.lemma_matching))
    DISPLAY_NAME.set(settings, chosen.display_name)
    settings.sync()


def recent_documents(settings: QSettings) -> list[str]:
    value: Any = settings.value(RECENT_KEY, [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value or []] if isinstance(value, list) else []


#: Team termbases connected to, newest first: their URIs without a password (a list).
RECENT_TERMBASES_KEY = "team/recentTermbases"


def recent_termbases(settings: QSettings) -> list[str]:
    value: Any = settings.value(RECENT_TERMBASES_KEY, [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value or []] if isinstance(value, list) else []


def remember_termbase(settings: QSettings, url: str) -> None:
    """``url`` (without its password) heads the list of recent termbases."""
    recent = [u for u in recent_termbases(settings) if u != url]
    settings.setValue(RECENT_TERMBASES_KEY, [url, *recent][:MAX_RECENT])


def remember_document(settings: QSettings, path: Path) -> None:
    """``path`` is the last document and heads the recent list."""
    LAST_DOCUMENT.set(settings, str(path))
    recent = [p for p in recent_documents(settings) if p != str(path)]
    settings.setValue(RECENT_KEY, [str(path), *recent][:MAX_RECENT])


def upgrade(settings: QSettings) -> None:
    """Bring settings written by an older Tarjuman to ``VERSION``.

    Version 1 (unversioned) wrote ``session/glossary`` and never read it, and allowed a beam
    of up to 16, which the dialog could not show.
    """
    version = SETTINGS_VERSION.get(settings)
    if version >= VERSION:
        return
    if version < 2:
        settings.remove("session/glossary")
        beam = settings.value(BEAM_SIZE.key)
        if beam is not None:
            BEAM_SIZE.set(settings, BEAM_SIZE.get(settings))  # clamped to today's limits
    SETTINGS_VERSION.set(settings, VERSION)
    settings.sync()

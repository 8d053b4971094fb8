"""Preferences, each declared once with its type and default, stored in QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

from desktop.core.translation.engine import EngineSettings

T = TypeVar("T", int, str)


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T

    def get(self, settings: QSettings) -> T:
        value = settings.value(self.key, self.default)
        try:
            return type(self.default)(value)
        except (TypeError, ValueError):
            return self.default

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


COMPUTE_TYPES = ("auto", "int8", "float32")
BEAM_SIZE = Option("translation/beamSize", 2)
COMPUTE_TYPE = Option("translation/computeType", "auto")
THREADS = Option("translation/threads", 0)
MAX_DOCUMENT_MB = Option("documents/maxMegabytes", 20)
BACKUPS_KEPT = Option("glossary/backupsKept", 10)


def backups_kept(settings: QSettings) -> int:
    return min(max(BACKUPS_KEPT.get(settings), 1), 100)


def max_document_bytes(settings: QSettings) -> int:
    return min(max(MAX_DOCUMENT_MB.get(settings), 1), 500) * 1024 * 1024


def engine_settings(settings: QSettings) -> EngineSettings:
    """The engine settings the user chose (defaults where unset or invalid)."""
    beam = min(max(BEAM_SIZE.get(settings), 1), 16)
    compute = COMPUTE_TYPE.get(settings)
    if compute not in COMPUTE_TYPES:
        compute = COMPUTE_TYPE.default
    threads = min(max(THREADS.get(settings), 0), 64)
    return EngineSettings(beam_size=beam, compute_type=compute, threads=threads)

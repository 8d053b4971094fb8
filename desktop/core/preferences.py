"""The user's preferences that the core acts on, with their limits, declared once.

The window stores them (``desktop.ui.settings``) and its Preferences dialog takes its ranges
from ``LIMITS``; the ``Workspace`` uses them. Out-of-range or unknown values are clamped to
the limits or fall back to the default, so a hand-edited settings file cannot break anything.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from desktop.core.translation.engine import EngineSettings

COMPUTE_TYPES = ("auto", "int8", "float32")
#: Inclusive (lowest, highest) of every numeric preference.
LIMITS: dict[str, tuple[int, int]] = {
    "beam_size": (1, 8),
    "threads": (0, 64),
    "max_document_mb": (1, 500),
    "backups_kept": (1, 100),
    "backups_max_mb": (10, 100_000),
}


@dataclass(frozen=True)
class Preferences:
    beam_size: int = 2
    compute_type: str = "auto"
    threads: int = 0  # 0: automatic (one per physical core)
    max_document_mb: int = 20
    backups_kept: int = 10
    #: The backups of one glossary take at most this much (the oldest go first; never the newest).
    backups_max_mb: int = 500
    #: Glossary terms also match other inflected forms of their words (through lemmas).
    lemma_matching: bool = True
    #: The name a team glossary records as who added or changed a term ("": the database
    #: user; a glossary file records the name only when one is set).
    display_name: str = ""

    def checked(self) -> Preferences:
        """These preferences with every value inside its limits."""
        values: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in LIMITS:
                low, high = LIMITS[f.name]
                values[f.name] = min(max(int(value), low), high)
        if self.compute_type not in COMPUTE_TYPES:
            values["compute_type"] = "auto"
        values["display_name"] = " ".join(str(self.display_name or "").split())[:80]
        return replace(self, **values)  # type: ignore[arg-type]

    @property
    def max_document_bytes(self) -> int:
        return self.max_document_mb * 1024 * 1024

    @property
    def engine(self) -> EngineSettings:
        return EngineSettings(beam_size=self.beam_size, compute_type=self.compute_type,
                              threads=self.threads)

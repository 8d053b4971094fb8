"""What a user action changed, so that every view can decide for itself whether to redraw.

In the spirit of Anki's ``OpChanges``: each ``Workspace`` action returns its result with a
``Changes``; the window hands that record to every view through one signal, and no caller
refreshes a view by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

from desktop.core.glossary.store import TermRecord

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Flags and ids of what changed; combine two with ``|``."""

    #: Terms added or edited, as they are now (views update these rows in place).
    terms: tuple[TermRecord, ...] = ()
    #: Ids of terms deleted or merged away.
    removed_terms: tuple[int, ...] = ()
    #: The whole glossary may have changed (another file, a restore, a very large import):
    #: views read it again, off the GUI thread.
    all_terms: bool = False
    categories: bool = False
    #: Rows of the open document whose English changed.
    translations: tuple[int, ...] = ()
    #: The glossary terms found in the open document changed.
    matches: bool = False
    #: Another document is open.
    document: bool = False
    #: Models were installed or removed, or the engine was (re)loaded.
    models: bool = False
    #: The translation engine was loaded, or failed to load.
    engine: bool = False
    #: Another glossary file is open (or it was restored from a backup).
    glossary: bool = False
    preferences: bool = False
    #: Word statuses, study cards or reviews changed.
    vocabulary: bool = False

    def __or__(self, other: Changes) -> Changes:
        values: dict[str, object] = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = (mine + tuple(x for x in theirs if x not in mine)
                              if isinstance(mine, tuple) else mine or theirs)
        return Changes(**values)  # type: ignore[arg-type]

    @property
    def glossary_terms(self) -> bool:
        """True when any term may differ (the term index and the table care)."""
        return bool(self.terms or self.removed_terms or self.all_terms or self.glossary)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = Changes()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """An action's result and what it changed."""

    value: T
    changes: Changes = NOTHING

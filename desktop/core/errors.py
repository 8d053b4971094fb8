"""The error types that the core raises on purpose.

The UI and the CLI turn every ``TarjumanError`` into a plain message (and the CLI into an
exit code); anything else is a bug and is logged with its traceback.
"""

from __future__ import annotations


class TarjumanError(Exception):
    """Base class: ``str(error)`` is a complete sentence fit to show a user."""

    exit_code = 1


class BadInputError(TarjumanError):
    """An unreadable or invalid file or value; nothing was changed."""

    exit_code = 4


class NoModelError(TarjumanError):
    """No Arabic→English translation model is installed."""

    exit_code = 3

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "No Arabic→English translation model is installed. Install one from a "
            ".argosmodel file or download it from the Argos package index."
        )


class ModelLoadError(TarjumanError):
    """A model is installed but could not be loaded (damaged files, wrong format)."""

    exit_code = 4


class EngineStoppedError(TarjumanError):
    """The translation engine's worker process ended in the middle of a run (a crash, out
    of memory, killed): what was translated before is kept; the next run starts a new one."""


class GlossaryError(TarjumanError):
    """The glossary database cannot be opened or written."""

    exit_code = 4
    #: The file is damaged (restoring a backup may help); other refusals are not damage.
    damaged = False


class GlossaryDamagedError(GlossaryError):
    """The file is not a healthy SQLite database, or fails on reading."""

    damaged = True


class GlossaryBusyError(GlossaryError):
    """Another program held the glossary's write lock for longer than the busy timeout."""


class ConnectionLostError(GlossaryError):
    """A team termbase's server cannot be reached (down, network gone): nothing was saved
    there; Tarjuman tries again, and what was typed stays where it was typed."""


class Cancelled(TarjumanError):
    """The user cancelled a long task; work done before the cancel is kept."""

    exit_code = 1

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)


class EditConflictError(BadInputError):
    """An edit of a term that someone else changed (or deleted) since it was shown: nothing
    was saved. ``theirs`` is the term as it is now (a ``TermRecord``, None when deleted) and
    ``mine`` the fields the user tried to save, so that a dialog can show both."""

    def __init__(self, message: str, theirs: object | None, mine: dict[str, str]) -> None:
        super().__init__(message)
        self.theirs = theirs
        self.mine = mine

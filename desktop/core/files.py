"""Reading a file the user chose, with plain-language errors."""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import BadInputError


def read_user_file(path: Path, max_bytes: int, what: str = "document") -> bytes:
    """Return the bytes of ``path``; raise ``BadInputError`` if it is missing, a folder,
    unreadable or larger than ``max_bytes`` (checked before reading anything)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise BadInputError(f"“{path}” is a folder, not a {what}.")
        size = path.stat().st_size
        if size > max_bytes:
            raise BadInputError(
                f"“{path.name}” is {size / 1_048_576:.1f} MB; Tarjuman reads a {what} of up to "
                f"{max_bytes / 1_048_576:.0f} MB."
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise BadInputError(f"“{path}” does not exist.") from None
    except PermissionError:
        raise BadInputError(f"You do not have permission to read “{path}”.") from None
    except OSError as exc:
        raise BadInputError(f"“{path}” could not be read: {exc.strerror or exc}.") from None


def read_only_uri(path: Path) -> str:
    """A SQLite URI opening ``path`` read-only; any character of the path (``#``, ``?``,
    ``%``, spaces) is escaped, which an f-string "file:" URI does not do."""
    return Path(path).resolve().as_uri() + "?mode=ro"

"""Reading a file the user chose, with plain-language errors."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from desktop.core.errors import BadInputError

_CHUNK = 1 << 20
# Opening never waits: a FIFO opened for reading blocks until a writer appears, and a serial
# device may wait for a carrier. Regular files ignore the flag.
_NEVER_WAIT = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_user_file(path: Path, max_bytes: int, what: str = "document") -> bytes:
    """Return the bytes of ``path``; raise ``BadInputError`` if it is missing, a folder,
    not a regular file, unreadable or larger than ``max_bytes``.

    Only regular files are read: a FIFO would hang the read and ``/dev/zero`` would fill the
    memory. The size is checked before reading, and the read stops after ``max_bytes + 1``
    bytes whatever the size said (a file may grow, and some file systems report no size).
    """
    path = Path(path)
    try:
        with _open_regular(path, what) as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise _too_big(path, size, max_bytes, what)
            chunks: list[bytes] = []
            left = max_bytes + 1
            while left > 0:
                chunk = fh.read(min(left, _CHUNK))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        if left <= 0:  # it grew since the check, or its size was not known
            raise _too_big(path, None, max_bytes, what)
        return b"".join(chunks)
    except FileNotFoundError:
        raise BadInputError(f"“{path}” does not exist.") from None
    except PermissionError:
        raise BadInputError(f"You do not have permission to read “{path}”.") from None
    except IsADirectoryError:
        raise BadInputError(f"“{path}” is a folder, not a {what}.") from None
    except OSError as exc:
        raise BadInputError(f"“{path}” could not be read: {exc.strerror or exc}.") from None


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of ``path``, or ``b""`` if it is not a readable regular file:
    for telling a file's format before reading it, without hanging on a FIFO."""
    try:
        with _open_regular(Path(path), "file") as fh:
            return fh.read(size) or b""
    except (BadInputError, OSError):
        return b""


def _open_regular(path: Path, what: str) -> io.FileIO:
    """``path`` opened for reading, unbuffered; ``BadInputError`` if it is not a regular
    file. The opened file is checked again, so a FIFO put in its place after the first
    check can hang neither the open nor the read."""
    _check_kind(path, path.stat(), what)
    fh = io.FileIO(path, "rb", opener=_open_never_waiting)
    try:
        _check_kind(path, os.fstat(fh.fileno()), what)
    except BaseException:
        fh.close()
        raise
    return fh


def _open_never_waiting(path: str, flags: int) -> int:
    return os.open(path, flags | _NEVER_WAIT)


def _check_kind(path: Path, info: os.stat_result, what: str) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise BadInputError(f"“{path}” is a folder, not a {what}.")
    if not stat.S_ISREG(mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "a special file")
        raise BadInputError(
            f"“{path}” is not a regular file but {kind}; Tarjuman reads a {what} only from a "
            "file.")


def _too_big(path: Path, size: int | None, max_bytes: int, what: str) -> BadInputError:
    limit = f"{max_bytes / 1_048_576:.0f} MB"
    measured = f"is {size / 1_048_576:.1f} MB" if size is not None else f"is larger than {limit}"
    return BadInputError(f"“{path.name}” {measured}; Tarjuman reads a {what} of up to {limit}.")


def read_only_uri(path: Path) -> str:
    """A SQLite URI opening ``path`` read-only; any character of the path (``#``, ``?``,
    ``%``, spaces) is escaped, which an f-string "file:" URI does not do."""
    return Path(path).resolve().as_uri() + "?mode=ro"

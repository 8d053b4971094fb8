"""Atomic file writing: a reader sees the old complete file or the new complete file."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Iterator

from desktop.core.errors import BadInputError

WRITE_BUFFER = 1 << 20  # bytes


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_target(path: Path) -> None:
    """Refuse to write over anything but a regular file: a folder, a device (``/dev/full``,
    ``/dev/null``), a FIFO or a socket is never replaced by an export."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise BadInputError(f"Cannot write “{path}”: {exc.strerror or exc}.") from None
    if stat.S_ISDIR(mode):
        raise BadInputError(f"“{path}” is a folder; choose a file name to write to.")
    if not stat.S_ISREG(mode):
        raise BadInputError(f"“{path}” is not a regular file (a device, pipe or socket); "
                            "Tarjuman writes only to files.")


def disk_error(exc: OSError, path: Path) -> BadInputError:
    """A plain message for an error while writing ``path``."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return BadInputError(f"The disk is full: “{path.name}” could not be written, and nothing "
                             "was changed. Free some space and try again.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BadInputError(f"You do not have permission to write “{path}”.")
    return BadInputError(f"“{path}” could not be written: {exc.strerror or exc}.")


@contextlib.contextmanager
def atomic_write(path: Path, *, encoding: str = "utf-8", newline: str | None = "") -> Iterator[IO[str]]:
    """Open a temporary file next to ``path`` for writing text; on success it replaces ``path``.

    On any exception (a full disk included, reported as ``BadInputError``) the temporary file
    is removed and ``path`` is untouched. A target that is not a regular file is refused. The
    new file gets the permissions the user's umask gives (mkstemp's are 0600).
    """
    path = Path(path)
    check_target(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileNotFoundError:
        raise BadInputError(f"The folder “{path.parent}” does not exist.") from None
    except PermissionError:
        raise BadInputError(f"You do not have permission to write in “{path.parent}”.") from None
    except OSError as exc:
        raise disk_error(exc, path) from None
    tmp = Path(tmp_name)
    try:
        # A big buffer: the file is written in a few large system calls. With the default
        # 8 KB, writing a 30,000-term CSV from a worker thread stalled the GUI thread for up to
        # 120 ms at a time (bench/responsiveness.py measures it; 12 ms with this buffer).
        with os.fdopen(fd, "w", encoding=encoding, newline=newline, buffering=WRITE_BUFFER) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, (FileNotFoundError,)):
            raise disk_error(exc, path) from None
        raise

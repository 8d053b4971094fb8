"""Atomic file writing: a reader sees the old complete file or the new complete file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

from desktop.core.errors import BadInputError


@contextlib.contextmanager
def atomic_write(path: Path, *, encoding: str = "utf-8", newline: str | None = "") -> Iterator[IO[str]]:
    """Open a temporary file next to ``path`` for writing text; on success it replaces ``path``.

    On any exception the temporary file is removed and ``path`` is untouched.
    """
    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileNotFoundError:
        raise BadInputError(f"The folder “{path.parent}” does not exist.") from None
    except PermissionError:
        raise BadInputError(f"You do not have permission to write in “{path.parent}”.") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise

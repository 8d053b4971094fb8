"""Logging to a rotating file in the user's log folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop.core.paths import user_log_dir

_configured: Path | None = None


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to ``<user log dir>/tarjuman.log`` (rotated at 1 MB, 5 kept).

    Returns the log file, or ``None`` if the folder cannot be created. Idempotent.
    """
    global _configured
    if _configured is not None:
        return _configured
    folder = user_log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "tarjuman.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = folder / "tarjuman.log"
    return _configured

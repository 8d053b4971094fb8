"""Process state as the kernel reports it (for tests and bench/translate.py)."""

from __future__ import annotations

from pathlib import Path


def running(pid: int) -> bool:
    """Whether process ``pid`` exists and has not exited: an exited process that is not
    reaped yet (a zombie) uses no CPU and counts as gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"

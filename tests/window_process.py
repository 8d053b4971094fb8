"""The window in a process of its own, waited for until its first paint and ended with every
process it started (``tests/packaging/test_bundle.py`` and ``bench/startup.py``).

The window runs in a new session, so that ending its process group also ends the name
romaniser's worker process, which the window spawns and which would otherwise outlive it.
``TARJUMAN_REPORT_SHOWN`` makes the window write ``time.time()`` at its first paint
(``desktop.ui.app.report_shown``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping, Sequence


class WindowFailed(RuntimeError):
    """The window exited, or did not show in time; the message ends with its stderr."""


@dataclass
class ShownWindow:
    """A window that has painted once."""

    process: subprocess.Popen[bytes]
    #: ``time.time()`` just before the process was started, and at the window's first paint.
    launched: float
    shown: float
    errors: Path

    def error_text(self) -> str:
        """The end of what the window wrote to stderr so far."""
        return _tail(self.errors)

    def check_running(self) -> None:
        """Raise ``WindowFailed`` when the window has exited."""
        if self.process.poll() is not None:
            raise WindowFailed(f"the window exited with {self.process.returncode}:\n{self.error_text()}")


def _tail(path: Path) -> str:
    try:
        return path.read_text(errors="replace")[-3000:]
    except OSError:
        return ""


def end_process_group(process: subprocess.Popen[bytes]) -> None:
    """End ``process`` and everything in its process group (SIGTERM, then SIGKILL after 10 s);
    the process must lead its group (``start_new_session=True``)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def shown_window(command: Sequence[str], env: Mapping[str, str], marker: Path, errors: Path,
                 cwd: Path | str, timeout: float = 90.0, poll: float = 0.05) -> Iterator[ShownWindow]:
    """Start the window (``command``) and wait for its first paint, looking at ``marker``
    every ``poll`` seconds; its stderr goes to ``errors``. The window and the processes it
    started are ended when the block ends. Raises ``WindowFailed`` when it exits first or
    does not show within ``timeout`` seconds."""
    marker.unlink(missing_ok=True)
    with errors.open("wb") as handle:
        launched = time.time()
        process = subprocess.Popen(list(command), cwd=cwd, env=dict(env, TARJUMAN_REPORT_SHOWN=str(marker)),
                                   stdout=subprocess.DEVNULL, stderr=handle, start_new_session=True)
        try:
            deadline = time.monotonic() + timeout
            while not (marker.exists() and marker.read_text().strip()):
                if process.poll() is not None:
                    raise WindowFailed(f"the window exited with {process.returncode}:\n{_tail(errors)}")
                if time.monotonic() > deadline:
                    raise WindowFailed(f"the window did not show within {timeout:.0f} s:\n{_tail(errors)}")
                time.sleep(poll)
            yield ShownWindow(process, launched, float(marker.read_text()), errors)
        finally:
            end_process_group(process)


def free_x_display(first: int) -> str:
    """The first X display number from ``first`` with no server's lock or socket (":N")."""
    number = first
    while Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    return f":{number}"


def x_socket(display: str) -> Path:
    """Where the X server of ``display`` (":N") listens."""
    return Path(f"/tmp/.X11-unix/X{display.lstrip(':')}")


@contextmanager
def display_server(command: Sequence[str], socket: Path, env: Mapping[str, str] | None = None,
                   timeout: float = 20.0) -> Iterator[subprocess.Popen[bytes]]:
    """A display server (Xvfb, a headless Weston) started with ``command`` and waited for
    until its ``socket`` exists; stopped when the block ends. Raises ``RuntimeError`` when it
    exits first or makes no socket within ``timeout`` seconds."""
    server = subprocess.Popen(list(command), env=None if env is None else dict(env),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while not socket.exists():
            if server.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {server.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command[0]} made no {socket} within {timeout:.0f} s")
            time.sleep(0.05)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

"""Progress reporting and cooperative cancellation for long core functions, in plain Python.

Long functions take ``progress: ProgressFn | None`` and ``cancel: CancelToken | None``.
They call ``progress(done, total)`` from whatever thread they run in and check
``cancel.raise_if_cancelled()`` between units of work.
"""

from __future__ import annotations

import threading
from typing import Callable

from desktop.core.errors import Cancelled

ProgressFn = Callable[[int, int], None]


class CancelToken:
    """A flag one thread sets and another polls; safe to share across threads."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise ``Cancelled`` if ``cancel()`` was called."""
        if self._event.is_set():
            raise Cancelled()


def report(progress: ProgressFn | None, done: int, total: int) -> None:
    """Call ``progress`` if there is one."""
    if progress is not None:
        progress(done, total)


def check(cancel: CancelToken | None) -> None:
    """Raise ``Cancelled`` if ``cancel`` is set."""
    if cancel is not None:
        cancel.raise_if_cancelled()

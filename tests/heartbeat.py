"""A 10 ms heartbeat on the GUI thread, for measuring how long that thread is kept waiting
(``tests/ui/test_safety_ui.py`` and ``bench/responsiveness.py``)."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer


class Heartbeat:
    """Records the gaps (seconds) between the beats of a ``QTimer`` on the thread that makes
    it; a gap much longer than ``interval_ms`` is a time that thread could not run."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.gaps: list[float] = []
        self._interval = interval_ms
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start(self._interval)

    def stop(self) -> None:
        self._timer.stop()

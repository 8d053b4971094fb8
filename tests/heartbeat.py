"""A 10 ms heartbeat on the GUI thread, for measuring how long that thread is kept waiting
(``tests/ui/test_safety_ui.py`` and ``bench/responsiveness.py``).

A gap between two beats is the time the thread could not run its event loop. On a busy
machine much of a gap can be the scheduler's doing, not the program's: the GUI thread was
ready to run while every CPU ran other programs, or it waited for the GIL or a lock held by
one of the program's threads that was itself ready but waiting for a CPU. Linux counts, for
each thread, the time it spent runnable but waiting for a CPU (the second field of
``/proc/self/task/TID/schedstat``, in nanoseconds), and the time it ran (the first).

``stalls`` are the gaps less those waits: the GUI thread's own wait for a CPU, and, of the
time it was blocked (neither running nor waiting for a CPU), as much as the longest such wait
of another thread of the program in the same gap. What stays is the program's doing whatever
the load: the GUI thread's own work, and its waits on locks, the GIL, I/O or other threads
while they run. On an idle machine nothing waits for a CPU, and a stall is the whole gap.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer

_TASKS = Path("/proc/self/task")


def _schedstats() -> dict[int, tuple[int, int]]:
    """Each thread of this process: (nanoseconds run, nanoseconds waited for a CPU)."""
    found: dict[int, tuple[int, int]] = {}
    for name in os.listdir(_TASKS):
        try:
            ran, waited = (_TASKS / name / "schedstat").read_text().split()[:2]
        except (OSError, ValueError):  # the thread ended meanwhile
            continue
        found[int(name)] = (int(ran), int(waited))
    return found


class Heartbeat:
    """Records the gaps (seconds) between the beats of a ``QTimer`` on the thread that makes
    it; a gap much longer than ``interval_ms`` is a time that thread could not run.

    ``stalls`` holds each gap less the waits for a CPU that explain it (see the module's
    documentation); ``cpu`` the time the thread ran in it. Where the system does not count
    waits (off Linux), a stall is the whole gap and ``cpu`` is empty."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.gaps: list[float] = []
        self.stalls: list[float] = []
        self.cpu: list[float] = []
        self._interval = interval_ms
        self._thread = threading.get_native_id()
        self.measures_cpu_waits = self._thread in self._read()
        self._last = time.perf_counter()
        self._last_stats = self._read()
        self._timer = QTimer()
        self._timer.timeout.connect(self._beat)

    def _read(self) -> dict[int, tuple[int, int]]:
        try:
            return _schedstats()
        except OSError:
            return {}

    def _beat(self) -> None:
        now = time.perf_counter()
        stats = self._read() if self.measures_cpu_waits else {}
        gap = now - self._last
        self.gaps.append(gap)
        if self._thread in stats and self._thread in self._last_stats:
            before = self._last_stats
            ran = (stats[self._thread][0] - before[self._thread][0]) / 1e9
            waited = (stats[self._thread][1] - before[self._thread][1]) / 1e9
            # A thread born in this gap waited all its life in it.
            others = max(((w - before.get(tid, (0, 0))[1]) / 1e9 for tid, (_, w) in stats.items()
                          if tid != self._thread), default=0.0)
            blocked = max(0.0, gap - waited - ran)
            self.stalls.append(max(0.0, gap - waited - min(blocked, others)))
            self.cpu.append(ran)
        else:
            self.stalls.append(gap)
        self._last, self._last_stats = now, stats

    def start(self) -> None:
        self._last, self._last_stats = time.perf_counter(), self._read()
        self._timer.start(self._interval)

    def stop(self) -> None:
        self._timer.stop()

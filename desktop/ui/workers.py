"""Running core functions off the GUI thread: Tarjuman's one background helper.

``TaskRunner.start`` runs ``fn(ctx)`` on a thread pool; it is generic over the function's
result type ``T``, so ``on_done`` is checked to take a ``T``. The function must never touch a
widget; it reports through ``ctx`` (progress, partial results) and checks ``ctx.cancel``.
Every callback (``on_done``, ``on_error``, ``on_progress``, ``on_partial``, ``on_cancelled``)
runs later on the GUI thread, through queued signals.
"""

from __future__ import annotations

import logging
import time
from typing import Callable, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.core.errors import Cancelled
from desktop.core.tasks import CancelToken

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Signals(QObject):
    progress = Signal(int, int)
    partial = Signal(object)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class TaskContext:
    """What a background function may use: progress, partial results, the cancel token.
    Its methods may be called from the worker thread; the callbacks run on the GUI thread."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self.cancel = CancelToken()

    def progress(self, done: int, total: int) -> None:
        self._signals.progress.emit(done, total)

    def partial(self, value: object) -> None:
        self._signals.partial.emit(value)


class TaskHandle:
    """A started task; ``cancel()`` asks it to stop at its next check."""

    def __init__(self, name: str, ctx: TaskContext, signals: _Signals) -> None:
        self.name = name
        self.ctx = ctx
        self.signals = signals
        self.finished = False

    def cancel(self) -> None:
        self.ctx.cancel.cancel()

    @property
    def cancelled(self) -> bool:
        return self.ctx.cancel.cancelled


class _Runnable(QRunnable, Generic[T]):
    def __init__(self, fn: Callable[[TaskContext], T], ctx: TaskContext, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._ctx = ctx
        self._signals = signals

    def run(self) -> None:
        if self._ctx.cancel.cancelled:  # cancelled while it waited in the queue
            self._signals.cancelled.emit()
            return
        try:
            result = self._fn(self._ctx)
        except Cancelled:
            self._signals.cancelled.emit()
        except BaseException as exc:  # delivered to on_error on the GUI thread
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


class TaskRunner(QObject):
    """Starts background tasks and keeps them alive until they end. Lives on the GUI thread.

    Tasks that are mostly Python (``heavy=True``: reading, indexing, importing, exporting)
    run one at a time on their own thread. Each of them holds the interpreter lock most of
    the time, and every extra one makes the GUI thread wait longer for it: with two at once
    the GUI thread's pauses about double. Other tasks (translation, which runs in
    CTranslate2 without the lock; downloads; backups) share a second pool.
    """

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._heavy = QThreadPool(self)
        self._heavy.setMaxThreadCount(1)
        self._running: set[TaskHandle] = set()

    def start(
        self,
        name: str,
        fn: Callable[[TaskContext], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_partial: Callable[[object], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        heavy: bool = False,
        urgent: bool = False,
    ) -> TaskHandle:
        """Run ``fn`` on a pool thread; ``urgent`` tasks go before the others waiting in
        their pool (what the user is looking at now: the document's highlights)."""
        signals = _Signals(self)
        ctx = TaskContext(signals)
        handle = TaskHandle(name, ctx, signals)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        if on_partial is not None:
            signals.partial.connect(on_partial)

        def finish() -> None:
            handle.finished = True
            self._running.discard(handle)
            signals.deleteLater()

        def done(result: T) -> None:
            finish()
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background task %s failed", name, exc_info=exc)

        def cancelled() -> None:
            finish()
            if on_cancelled is not None:
                on_cancelled()

        signals.done.connect(done)
        signals.failed.connect(failed)
        signals.cancelled.connect(cancelled)
        self._running.add(handle)
        (self._heavy if heavy else self._pool).start(_Runnable(fn, ctx, signals), 1 if urgent else 0)
        return handle

    def running(self) -> list[TaskHandle]:
        return list(self._running)

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Wait for every started task's thread to finish (blocks the caller; the results
        are delivered when the event loop next runs)."""
        deadline = time.monotonic() + timeout_ms / 1000
        return all([pool.waitForDone(max(0, round((deadline - time.monotonic()) * 1000)))
                    for pool in (self._heavy, self._pool)])

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel every task and wait for the threads to end (blocks the caller)."""
        for handle in list(self._running):
            handle.cancel()  # queued ones end at once, as cancelled, without running
        return self.wait(timeout_ms)

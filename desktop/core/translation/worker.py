"""CTranslate2 in a process of its own, which a cancel can end.

CTranslate2 cannot stop a beam search inside a batch: a cancelled batch keeps its threads
busy to the end, seconds at real size. Ending the process that runs it frees the CPU at
once. Once a run that can be cancelled has started, a spare process with the model loaded
waits beside the working one, so the next run (another document) starts at once after a
kill; a new spare is then started in the background.

``ProcessTranslator`` looks like a ``ctranslate2.Translator`` to the engine:
``translate_batch(..., asynchronous=True)`` returns one result per sentence with ``done()``
and ``result().hypotheses``. The engine passes the results of the batches still running
when a run ends early (cancel, error) to ``abandon()``, and the process running them is
ended. Batches of other runs in that process are sent again to the one taking over.

Processes are started with "spawn" (never forked from a process with threads, such as the
window's). They are daemonic, so they end with the program; each also ends by itself when
its pipe to the program closes (the program was killed), and ``close()`` or the
translator's garbage collection ends them at once.

This module is imported by the worker processes: it imports nothing heavy at the top.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import signal
import threading
import weakref
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Sequence

from desktop.core.errors import EngineStoppedError, ModelLoadError

log = logging.getLogger(__name__)

# How often a worker that has batches running looks for new messages, in seconds.
WORKER_POLL_SECONDS = 0.005
# How long ``close()`` and a crash report wait for a process to be reaped, in seconds.
JOIN_SECONDS = 5.0
# A spare is started this much later than the run that wants one, in seconds: loading a
# model takes a core for a second or two, which the run's first sentences need more.
SPARE_DELAY_SECONDS = 1.0
# Options the engine passes that mean nothing across processes (the worker always waits
# for its own results asynchronously; a callback cannot be sent to another process).
_LOCAL_OPTIONS = ("asynchronous", "callback")


@dataclass(frozen=True)
class TranslatorSpec:
    """What a worker process needs to load the model: ``ctranslate2.Translator``'s arguments."""

    model_dir: str
    compute_type: str
    inter_threads: int
    intra_threads: int


def serve(conn: Connection, spec: TranslatorSpec) -> None:
    """A worker process's main function: load the model, then translate the batches sent.

    Messages in: ``(job, batch, options)``, or None to stop. Out: ``("ready", compute type)`` or
    ``("error", message)`` once, then ``("done", job, hypotheses)`` per batch, or
    ``("failed", job, message)``. Ends when the pipe closes.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is the program's
    try:
        import ctranslate2

        translator = ctranslate2.Translator(spec.model_dir, device="cpu",
                                            compute_type=spec.compute_type,
                                            inter_threads=spec.inter_threads,
                                            intra_threads=spec.intra_threads)
    except Exception as exc:  # CTranslate2 raises RuntimeError/ValueError for bad files
        conn.send(("error", str(exc)))
        return
    try:  # a first translation allocates what every later one reuses: not on a user's time
        translator.translate_batch([["▁"]], beam_size=1, max_decoding_length=2)
    except Exception:
        pass
    conn.send(("ready", str(translator.compute_type)))
    running: dict[int, list[Any]] = {}
    while True:
        try:
            if conn.poll(WORKER_POLL_SECONDS if running else None):
                message = conn.recv()
                if message is None:
                    return
                job, batch, options = message
                try:
                    running[job] = translator.translate_batch(batch, asynchronous=True, **options)
                except Exception as exc:  # bad options: the job fails, the worker goes on
                    conn.send(("failed", job, str(exc)))
            for job in [j for j, results in running.items() if all(r.done() for r in results)]:
                results = running.pop(job)
                try:
                    hypotheses = [r.result().hypotheses for r in results]
                except Exception as exc:
                    conn.send(("failed", job, str(exc)))
                else:
                    conn.send(("done", job, hypotheses))
        except (EOFError, OSError):  # the program is gone
            return


class _Job:
    """One batch sent to a worker; finished once, with hypotheses or an error."""

    def __init__(self, number: int, batch: list[list[str]], options: dict[str, Any],
                 owner: ProcessTranslator) -> None:
        self.number = number
        self.batch = batch
        self.options = options
        # Weak: the thread reading a worker's answers may hold a job for a while, and must
        # not keep the translator (and its processes) alive.
        self.owner = weakref.ref(owner)
        self.abandoned = False
        self.finished = threading.Event()
        self.hypotheses: list[list[list[str]]] = []
        self.error: BaseException | None = None

    def finish(self, hypotheses: list[list[list[str]]] | None,
               error: BaseException | None = None) -> None:
        if not self.finished.is_set():
            self.hypotheses, self.error = hypotheses or [], error
            self.finished.set()


@dataclass(frozen=True)
class _Output:
    """What ``ctranslate2.TranslationResult`` offers that the engine reads."""

    hypotheses: list[list[str]]


class RemoteResult:
    """One sentence of a batch sent to a worker (like CTranslate2's ``AsyncTranslationResult``)."""

    def __init__(self, job: _Job, position: int) -> None:
        self._job = job
        self._position = position

    def done(self) -> bool:
        return self._job.finished.is_set()

    def result(self) -> _Output:
        """The sentence's hypotheses; waits for the batch. Raises ``EngineStoppedError``
        when its process ended unexpectedly."""
        self._job.finished.wait()
        if self._job.error is not None:
            raise self._job.error
        return _Output(self._job.hypotheses[self._position])

    @property
    def job(self) -> _Job:
        return self._job


def abandon(results: Sequence[Any]) -> None:
    """A run ended early and wants none of these results: the worker processes still
    running their batches are ended (see the module doc). Results of an in-process
    CTranslate2 are left to finish."""
    by_owner: dict[int, tuple[ProcessTranslator, list[_Job]]] = {}
    for result in results:
        owner = result.job.owner() if isinstance(result, RemoteResult) else None
        if owner is not None:
            by_owner.setdefault(id(owner), (owner, []))[1].append(result.job)
    for owner, jobs in by_owner.values():
        owner.abandon(list({job.number: job for job in jobs}.values()))


class _Worker:
    """One worker process and the thread in this process that reads its answers."""

    def __init__(self, spec: TranslatorSpec) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=serve, args=(child, spec),
                                       name="tarjuman-ctranslate2", daemon=True)
        self.process.start()
        child.close()  # so that this end sees the pipe close when the process dies
        self.ready = threading.Event()
        self.load_error: str | None = None
        self.compute_type = ""
        self.ended = False  # on purpose (a cancel, close) or not
        self._lock = threading.Lock()
        self.jobs: dict[int, _Job] = {}
        threading.Thread(target=self._read, name="ctranslate2-worker-reader", daemon=True).start()

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def alive(self) -> bool:
        return not self.ended and self.load_error is None

    def send(self, job: _Job) -> None:
        """Send one batch (with the translator's lock held, so sends do not interleave)."""
        with self._lock:
            self.jobs[job.number] = job
        options = {k: v for k, v in job.options.items() if k not in _LOCAL_OPTIONS}
        try:
            self.conn.send((job.number, job.batch, options))
        except (OSError, ValueError):  # the process is gone; the reader fails its jobs
            pass

    def take_jobs(self) -> list[_Job]:
        """The batches sent and not answered, which this worker forgets."""
        with self._lock:
            jobs, self.jobs = list(self.jobs.values()), {}
        return jobs

    def kill(self) -> None:
        """End the process at once (its batches stop where they are)."""
        self.ended = True
        if self.process.is_alive():
            self.process.kill()

    def _read(self) -> None:
        try:
            kind, message = self.conn.recv()
            if kind == "error":
                self.load_error = str(message)
                return
            self.compute_type = str(message)
            self.ready.set()
            while True:
                kind, number, payload = self.conn.recv()
                with self._lock:
                    job = self.jobs.pop(number, None)
                if job is None:
                    continue
                if kind == "done":
                    job.finish(payload)
                else:
                    job.finish(None, EngineStoppedError(
                        f"The translation engine could not translate a batch ({payload})."))
        except (EOFError, OSError):
            pass
        finally:
            self._ended()

    def _ended(self) -> None:
        """The pipe closed: reap the process; fail the batches it still had, unless it was
        ended on purpose (its batches were taken first)."""
        self.process.join(JOIN_SECONDS)
        self.conn.close()
        deliberate = self.ended
        self.ended = True
        self.ready.set()
        if self.load_error is not None:
            return
        jobs = self.take_jobs()
        if jobs and not deliberate:
            reason = _exit_reason(self.process.exitcode)
            log.error("the CTranslate2 worker process ended unexpectedly (%s)", reason)
            error = EngineStoppedError(
                f"The translation engine stopped unexpectedly ({reason}). The sentences "
                "translated so far are kept; translate again to continue.")
            for job in jobs:
                job.finish(None, error)


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "it stopped answering"
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        hint = "; the computer may have run out of memory" if code == -signal.SIGKILL else ""
        return f"it was ended by signal {name}{hint}"
    return f"exit code {code}"


class ProcessTranslator:
    """A CTranslate2 translator in a worker process, with a warm spare (thread-safe)."""

    def __init__(self, spec: TranslatorSpec, spare: bool = True) -> None:
        self.spec = spec
        self.keep_spare = spare
        self._lock = threading.Lock()
        self._numbers = itertools.count()
        self._active = _Worker(spec)
        self._spare: _Worker | None = None
        self._spare_timer: threading.Timer | None = None
        self._all: list[_Worker] = [self._active]
        self._finalizer = weakref.finalize(self, _end_all, self._all)

    def wait_ready(self) -> None:
        """Wait until the model is loaded. Raises ``ModelLoadError`` (and ends the process)
        when the model cannot be loaded."""
        active = self._active
        active.ready.wait()
        if active.load_error is not None or active.ended:
            self.close()
            raise ModelLoadError(active.load_error or _exit_reason(active.process.exitcode))

    def expect_cancel(self) -> None:
        """A run that may be cancelled uses this translator: have a spare ready soon. (The
        CLI's runs cannot be cancelled and never start one.)"""
        with self._lock:
            self._schedule_spare_locked()

    @property
    def compute_type(self) -> str:
        """The computation type CTranslate2 chose (like ``Translator.compute_type``)."""
        return self._active.compute_type

    @property
    def pids(self) -> list[int]:
        """The worker processes (working first, then the spare) that are running."""
        with self._lock:
            workers = [self._active] + ([self._spare] if self._spare else [])
            return [w.pid for w in workers if w.pid is not None and w.process.is_alive()]

    def translate_batch(self, batch: Sequence[list[str]], **options: Any) -> list[RemoteResult]:
        """Send a batch to the working process; one result per sentence (never blocks on
        the translation)."""
        with self._lock:
            job = _Job(next(self._numbers), list(batch), options, self)
            self._ensure_active_locked().send(job)
        return [RemoteResult(job, k) for k in range(len(batch))]

    def abandon(self, jobs: Sequence[_Job]) -> None:
        """Their run ended: if one of the batches is still running, end the process running
        it and let the spare take over (other runs' batches there are sent again)."""
        with self._lock:
            for job in jobs:
                job.abandoned = True
            worker = self._active
            if not any(not job.finished.is_set() and job.number in worker.jobs for job in jobs):
                return
            others = [j for j in worker.take_jobs() if not j.abandoned]
            worker.kill()
            self._active = self._take_spare_locked()
            for other in others:
                self._active.send(other)
            self._schedule_spare_locked()

    def close(self) -> None:
        """End every worker process and wait for them (idempotent)."""
        with self._lock:
            self.keep_spare = False  # a pending spare is not started any more
        self._finalizer()

    def _start_spare(self) -> None:
        with self._lock:
            self._spare_timer = None
            if self._finalizer.alive:
                self._start_spare_locked()

    def _ensure_active_locked(self) -> _Worker:
        if not self._active.alive():  # it crashed: the spare takes over
            self._active = self._take_spare_locked()
            self._schedule_spare_locked()
        return self._active

    def _schedule_spare_locked(self) -> None:
        """Start a spare in ``SPARE_DELAY_SECONDS`` unless there is one (or one is coming):
        not at once, since loading the model takes a core that the first sentences of the
        run just started need more."""
        if not self.keep_spare or self._spare_timer is not None or (
                self._spare is not None and self._spare.alive()):
            return
        self._spare_timer = threading.Timer(SPARE_DELAY_SECONDS, self._start_spare)
        self._spare_timer.daemon = True
        self._spare_timer.start()

    def _take_spare_locked(self) -> _Worker:
        spare, self._spare = self._spare, None
        if spare is None or not spare.alive():
            spare = _Worker(self.spec)
            self._all.append(spare)
        return spare

    def _start_spare_locked(self) -> None:
        self._all[:] = [w for w in self._all if not w.ended]
        if self.keep_spare and (self._spare is None or not self._spare.alive()):
            self._spare = _Worker(self.spec)
            self._all.append(self._spare)


def _end_all(workers: list[_Worker]) -> None:
    for worker in list(workers):
        worker.kill()
    for worker in list(workers):
        worker.process.join(JOIN_SECONDS)

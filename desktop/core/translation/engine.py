"""Batched offline translation with CTranslate2, using an installed Argos package.

Tarjuman segments documents itself and never calls ``argostranslate.translate`` (its default
sentence splitter downloads a model on first use). The engine tokenizes with the package's
own tokenizer and drives ``ctranslate2.Translator.translate_batch`` directly.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence, TypedDict, Unpack

from desktop.core.errors import ModelLoadError, NoModelError
from desktop.core.tasks import CancelToken, ProgressFn, check, report
from desktop.core.translation import packages
from desktop.core.translation.worker import ProcessTranslator, TranslatorSpec, abandon

BatchFn = Callable[[list[int], list[str]], None]
"""``on_batch(indices, targets)``: called after each batch, from the translating thread."""

_WORDLIKE = re.compile(r"\w")
# Longest token run sent to the model in one piece; longer "sentences" are cut and rejoined.
MAX_SOURCE_TOKENS = 200
# CTranslate2 translators (replicas sharing the weights) working on batches at the same time.
MAX_PARALLEL_BATCHES = 2
# How often a wait for CTranslate2 looks at the cancel token, in seconds.
POLL_SECONDS = 0.01


@dataclass(frozen=True)
class EngineSettings:
    """Decoding and performance settings (see the README's Speed section for the figures)."""

    beam_size: int = 2
    compute_type: str = "auto"
    threads: int = 0  # 0: automatic, see default_threads()
    batch_tokens: int = 1024
    # Sentences are taken in document order, this many at a time, and sorted by length only
    # within that window: results arrive from the top of the document down, and each batch
    # touches one region of the reading view instead of rows scattered over all of it.
    window: int = 256
    # Argos' own value (argostranslate.translate.apply_packaged_translation), so that at the
    # same beam size Tarjuman's translations are Argos' translations.
    length_penalty: float = 0.2
    # When there is more than one batch, the first (the shortest sentences of the first
    # window) is this small, so that the first translations show early.
    first_batch_tokens: int = 16
    # CTranslate2 replicas beyond the batches sent at a time. A cancelled run's batches cannot
    # be stopped at beam 2 or more and keep their replicas busy to the end; a spare one lets
    # the next run (another document) start at once instead of waiting for them.
    spare_replicas: int = 1
    # CTranslate2 runs in a worker process of its own, which a cancel ends (its CPU is free
    # at once, at every beam), with a spare process ready to take over (worker.py). False:
    # in this process, where a cancel stops a batch only at beam 1.
    process: bool = True
    # With ``process``: keep a spare worker process, model loaded, to take over after a cancel.
    spare_process: bool = True


def default_threads() -> int:
    """CTranslate2 threads when the user chose "automatic": one per physical core.

    ``os.cpu_count()`` counts logical CPUs; CTranslate2 runs best with one thread per
    physical core, which is half of them on machines with SMT. The cores are counted from
    the CPU topology where Linux exposes it, else assumed to be half the logical CPUs.
    """
    return max(1, _physical_cores() or (os.cpu_count() or 1) // 2)


def _physical_cores() -> int:
    """Distinct physical cores among the CPUs this process may run on (0: unknown)."""
    try:
        cpus = sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return 0
    cores: set[str] = set()
    for cpu in cpus:
        topology = Path(f"/sys/devices/system/cpu/cpu{cpu}/topology/thread_siblings_list")
        try:
            cores.add(topology.read_text(encoding="ascii").strip())
        except OSError:
            return 0
    return len(cores)


def thread_layout(threads: int) -> tuple[int, int]:
    """(batches translated in parallel, threads per batch) for ``threads`` threads in all.

    Two batches at a time, each on half the threads. On the 2-core machine of the README,
    two batches of one thread each beat one batch on two threads (bench/translate.py): one
    batch's matrix products are too small to split well. Larger machines were not measured.
    """
    threads = max(1, threads)
    parallel = min(threads, MAX_PARALLEL_BATCHES)
    return parallel, max(1, threads // parallel)


class RunOptions(TypedDict, total=False):
    """A translation run's options (see ``ArgosEngine.translate``)."""

    on_batch: BatchFn | None
    progress: ProgressFn | None
    cancel: CancelToken | None
    first: int


class TranslationEngine(Protocol):
    """What the rest of Tarjuman needs from a translator."""

    model_id: str

    def translate(self, sentences: Sequence[str], **options: Unpack[RunOptions]) -> list[str | None]: ...


class ArgosEngine:
    """Translates with one installed Argos package; the CTranslate2 model is loaded once.

    ``translate`` may be called from any thread, also while another call runs: CTranslate2
    queues the batches of both. ``close()`` ends its worker processes (garbage collection
    and the program's exit do too).
    """

    def __init__(self, package: Any, settings: EngineSettings | None = None) -> None:
        self.package = package
        self.settings = settings or EngineSettings()
        self.info = packages._info(package)
        self.model_id = self.info.model_id
        self._lock = threading.Lock()
        self._translator: Any | None = None
        self.target_prefix = str(getattr(package, "target_prefix", "") or "")
        self.parallel, self.threads_per_batch = thread_layout(
            self.settings.threads or default_threads())

    @classmethod
    def load(cls, from_code: str = packages.SOURCE, to_code: str = packages.TARGET,
             settings: EngineSettings | None = None) -> ArgosEngine:
        """Find the installed package for the pair and load its model.

        Raises ``NoModelError`` when none is installed and ``ModelLoadError`` when it is broken.
        """
        package = packages.find_package(from_code, to_code)
        if package is None:
            raise NoModelError()
        engine = cls(package, settings)
        engine.ensure_loaded()
        return engine

    def ensure_loaded(self) -> None:
        """Load the CTranslate2 translator if it is not loaded yet (slow for real models)."""
        with self._lock:
            self._load_locked()

    def close(self) -> None:
        """End the worker processes, if any (idempotent; a later call starts new ones)."""
        with self._lock:
            translator, self._translator = self._translator, None
        if isinstance(translator, ProcessTranslator):
            translator.close()

    def _load_locked(self) -> Any:
        if self._translator is None:
            if getattr(self.package, "tokenizer", None) is None:
                raise ModelLoadError(f"The model in “{self.info.path}” has no tokenizer.")
            spec = TranslatorSpec(
                model_dir=str(self.info.path / "model"),
                compute_type=self.settings.compute_type,
                inter_threads=self.parallel + max(0, self.settings.spare_replicas),
                intra_threads=self.threads_per_batch,
            )
            try:
                if self.settings.process:
                    translator = ProcessTranslator(spec, spare=self.settings.spare_process)
                    translator.wait_ready()
                    self._translator = translator
                else:
                    import ctranslate2

                    self._translator = ctranslate2.Translator(
                        spec.model_dir, device="cpu", compute_type=spec.compute_type,
                        inter_threads=spec.inter_threads, intra_threads=spec.intra_threads)
            except Exception as exc:  # CTranslate2 raises RuntimeError/ValueError for bad files
                raise ModelLoadError(
                    f"The translation model in “{self.info.path}” cannot be loaded ({exc}). "
                    "Remove it and install it again."
                ) from None
        return self._translator

    def translate(self, sentences: Sequence[str], **options: Unpack[RunOptions]) -> list[str | None]:
        """Translate ``sentences``; returns one English string per sentence, in order.

        Sentences are tokenized and taken in windows of ``settings.window`` in the order
        given; the first ``first`` sentences (the page on screen) make a window of their own,
        translated before all others. Within a window sentences are sorted by length and cut
        into batches of about ``batch_tokens`` tokens (the very first is smaller:
        ``first_batch_tokens``). CTranslate2 translates ``self.parallel`` batches at a time
        (see ``thread_layout``), and each batch is delivered to ``on_batch`` as soon as it is
        done. On cancel, ``Cancelled`` is raised within about ``POLL_SECONDS``, also in the
        middle of a batch: sentences already delivered stay delivered. With
        ``settings.process`` the worker process running the batches is ended at once (see
        worker.py); in this process the batches stop at their next token at beam 1, and
        finish in CTranslate2's threads and are dropped at larger beams (CTranslate2 offers
        no way to stop a beam search). ``EngineStoppedError``: the worker process died.
        Sentences without any letter or digit are returned unchanged.
        """
        return [h[0] if h else None for h in self.translate_hypotheses(sentences, **options)]

    def translate_hypotheses(
        self,
        sentences: Sequence[str],
        *,
        on_batch: BatchFn | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
        num_hypotheses: int = 1,
        first: int = 0,
    ) -> list[list[str]]:
        """Like ``translate`` but returns up to ``num_hypotheses`` translations per sentence."""
        results: list[list[str]] = [[] for _ in sentences]
        tokenizer = self.package.tokenizer
        pieces: list[tuple[int, list[str]]] = []  # (sentence index, tokens of one piece)
        passthrough: list[int] = []
        for i, sentence in enumerate(sentences):
            if not _WORDLIKE.search(sentence):
                passthrough.append(i)
                continue
            tokens = tokenizer.encode(sentence)
            for k in range(0, max(len(tokens), 1), MAX_SOURCE_TOKENS):
                pieces.append((i, tokens[k : k + MAX_SOURCE_TOKENS]))
        for i in passthrough:
            results[i] = [sentences[i]]
        if passthrough and on_batch is not None:
            on_batch(passthrough, [sentences[i] for i in passthrough])

        total = len(sentences)
        done = len(passthrough)
        report(progress, done, total)
        remaining = {i: 0 for i, _ in pieces}
        for i, _ in pieces:
            remaining[i] += 1
        partial: dict[int, list[tuple[int, list[str]]]] = {}

        def finish(batch: list[int], outputs: list[list[str]]) -> None:
            nonlocal done
            finished: list[int] = []
            for p, hyps in zip(batch, outputs, strict=True):
                i = pieces[p][0]
                partial.setdefault(i, []).append((p, hyps))
                remaining[i] -= 1
                if remaining[i] == 0:
                    finished.append(i)
            finished.sort()
            for i in finished:
                results[i] = _join_pieces(partial.pop(i))
            done += len(finished)
            if finished and on_batch is not None:
                on_batch(finished, [results[i][0] for i in finished])
            report(progress, done, total)

        # Keep ``self.parallel`` batches inside CTranslate2 (one per translator); deliver each
        # as soon as it is done and send the next one.
        waiting = deque(_plan(pieces, self.settings, first))
        running: list[tuple[list[int], _Pending]] = []
        try:
            while waiting or running:
                while waiting and len(running) < self.parallel:
                    check(cancel)
                    batch = waiting.popleft()
                    running.append((batch, self._translate_tokens(
                        [pieces[p][1] for p in batch], num_hypotheses, cancel)))
                ready = [job for job in running if job[1].done()]
                if not ready:
                    check(cancel)
                    time.sleep(POLL_SECONDS)
                for job in ready:
                    check(cancel)
                    running.remove(job)
                    finish(job[0], job[1].outputs())
        except BaseException:
            # Cancelled, or a failure: the batches still running are of no use. In a worker
            # process they are ended at once; in this process they finish and are dropped.
            abandon([r for _batch, pending in running for r in pending.results])
            raise
        return results

    def _translate_tokens(self, batch: list[list[str]], num_hypotheses: int,
                          cancel: CancelToken | None = None) -> _Pending:
        """Send one batch to CTranslate2, which translates it in its own threads."""
        longest = max(len(t) for t in batch)
        prefix = [[self.target_prefix] for _ in batch] if self.target_prefix else None
        beam_size = max(self.settings.beam_size, num_hypotheses)
        options: dict[str, Any] = {}
        if beam_size == 1 and cancel is not None and not self.settings.process:
            # Called by CTranslate2 after each decoding step; True stops the batch. It works
            # only for greedy search (CTranslate2 refuses a callback with a beam). A stopped
            # batch's outputs are cut short, and are never delivered: the token stays set.
            options["callback"] = lambda _step: cancel.cancelled
        with self._lock:
            translator = self._load_locked()
        if cancel is not None and isinstance(translator, ProcessTranslator):
            translator.expect_cancel()
        return _Pending(translator.translate_batch(
            batch,
            target_prefix=prefix,
            max_batch_size=self.settings.batch_tokens,
            batch_type="tokens",
            asynchronous=True,
            beam_size=beam_size,
            num_hypotheses=num_hypotheses,
            length_penalty=self.settings.length_penalty,
            max_decoding_length=min(512, 2 * longest + 16),
            replace_unknowns=True,
            **options,
        ), self._decode)

    def _decode(self, tokens: list[str]) -> str:
        text = str(self.package.tokenizer.decode(tokens))
        if self.target_prefix and text.startswith(self.target_prefix):
            text = text[len(self.target_prefix) :]
        return text.strip()


class _Pending:
    """A batch inside CTranslate2: poll ``done()``, then take its ``outputs()``.

    Dropping one that is not done leaves CTranslate2 to finish it and discard the result.
    """

    def __init__(self, results: Sequence[Any], decode: Callable[[list[str]], str]) -> None:
        self._results = list(results)
        self._decode = decode

    def done(self) -> bool:
        return all(r.done() for r in self._results)

    def outputs(self) -> list[list[str]]:
        return [[self._decode(h) for h in r.result().hypotheses] for r in self._results]

    @property
    def results(self) -> list[Any]:
        return self._results


def _plan(pieces: list[tuple[int, list[str]]], settings: EngineSettings,
          first: int = 0) -> list[list[int]]:
    """The batches of piece numbers, in the order they are sent (see ``translate``)."""
    batches: list[list[int]] = []
    start = 0
    window = max(1, settings.window)
    while start < len(pieces):
        # A window ends at a sentence boundary so a cut sentence stays in one window. The
        # sentences before ``first`` (the page on screen) are a window of their own.
        end = start
        first_sentence = pieces[start][0]
        limit = first if first_sentence < first else first_sentence + window
        while end < len(pieces) and pieces[end][0] < limit:
            end += 1
        order = sorted(range(start, end), key=lambda p: len(pieces[p][1]))
        window_batches = _batches(order, pieces, settings.batch_tokens)
        if not batches and (len(window_batches) > 1 or end < len(pieces)):
            # A small first batch, so that the first results come early (when there is more
            # than one batch to wait for at all).
            small = _batches(order, pieces, min(settings.first_batch_tokens,
                                                settings.batch_tokens))[0]
            batches.append(small)
            window_batches = _batches(order[len(small) :], pieces, settings.batch_tokens)
        batches.extend(window_batches)
        start = end
    return batches


def _batches(order: list[int], pieces: list[tuple[int, list[str]]], budget: int) -> list[list[int]]:
    """Group piece numbers (already sorted by length) into batches of about ``budget`` tokens."""
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for p in order:
        length = max(len(pieces[p][1]), 1)
        if current and (len(current) + 1) * max(longest, length) > budget:
            batches.append(current)
            current, longest = [], 0
        current.append(p)
        longest = max(longest, length)
    if current:
        batches.append(current)
    return batches


def _join_pieces(parts: list[tuple[int, list[str]]]) -> list[str]:
    """Rejoin the translations of a sentence that was cut into pieces (piece numbers keep order)."""
    if len(parts) == 1:
        return parts[0][1]
    return [" ".join(hyps[0] for _, hyps in sorted(parts) if hyps)]

"""Batched offline translation with CTranslate2, using an installed Argos package.

Tarjuman segments documents itself and never calls ``argostranslate.translate`` (its default
sentence splitter downloads a model on first use). The engine tokenizes with the package's
own tokenizer and drives ``ctranslate2.Translator.translate_batch`` directly.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from typing import Any, Callable, Protocol, Sequence

from desktop.core.errors import ModelLoadError, NoModelError
from desktop.core.tasks import CancelToken, ProgressFn, check, report
from desktop.core.translation import packages

BatchFn = Callable[[list[int], list[str]], None]
"""``on_batch(indices, targets)``: called after each batch, from the translating thread."""

_WORDLIKE = re.compile(r"\w")
# Longest token run sent to the model in one piece; longer "sentences" are cut and rejoined.
MAX_SOURCE_TOKENS = 200


@dataclass(frozen=True)
class EngineSettings:
    """Decoding and performance settings (see the README for how the defaults were chosen)."""

    beam_size: int = 2
    compute_type: str = "auto"
    threads: int = 0  # 0: automatic, see default_threads()
    batch_tokens: int = 1024
    # Sentences are taken in document order, this many at a time, and sorted by length only
    # within that window: results arrive from the top of the document down, and each batch
    # touches one region of the reading view instead of rows scattered over all of it.
    window: int = 256


def default_threads() -> int:
    """CTranslate2 threads when the user chose "automatic": one per physical core.

    ``os.cpu_count()`` counts logical CPUs; CTranslate2 runs best with one thread per
    physical core, which is about half of them on machines with SMT. On the 2-vCPU build
    machine, 1 thread measured 1.5-2x faster than 2 (bench/translate.py).
    """
    return max(1, (os.cpu_count() or 1) // 2)


class TranslationEngine(Protocol):
    """What the rest of Tarjuman needs from a translator."""

    model_id: str

    def translate(
        self,
        sentences: Sequence[str],
        *,
        on_batch: BatchFn | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
    ) -> list[str | None]: ...


class ArgosEngine:
    """Translates with one installed Argos package; the CTranslate2 model is loaded once.

    ``translate`` may be called from any thread; calls are serialised.
    """

    def __init__(self, package: Any, settings: EngineSettings | None = None) -> None:
        self.package = package
        self.settings = settings or EngineSettings()
        self.info = packages._info(package)
        self.model_id = self.info.model_id
        self._lock = threading.Lock()
        self._translator: Any | None = None
        self.target_prefix = str(getattr(package, "target_prefix", "") or "")

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

    def _load_locked(self) -> Any:
        if self._translator is None:
            import ctranslate2

            threads = self.settings.threads or default_threads()
            model_dir = self.info.path / "model"
            try:
                self._translator = ctranslate2.Translator(
                    str(model_dir),
                    device="cpu",
                    compute_type=self.settings.compute_type,
                    inter_threads=1,
                    intra_threads=threads,
                )
            except Exception as exc:  # CTranslate2 raises RuntimeError/ValueError for bad files
                raise ModelLoadError(
                    f"The translation model in “{self.info.path}” cannot be loaded ({exc}). "
                    "Remove it and install it again."
                ) from None
            if getattr(self.package, "tokenizer", None) is None:
                raise ModelLoadError(f"The model in “{self.info.path}” has no tokenizer.")
        return self._translator

    def translate(
        self,
        sentences: Sequence[str],
        *,
        on_batch: BatchFn | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
        num_hypotheses: int = 1,
    ) -> list[str | None]:
        """Translate ``sentences``; returns one English string per sentence, in order.

        Sentences are tokenized and taken in windows of ``settings.window`` in document order;
        within a window they are sorted by length and sent in batches of about
        ``batch_tokens`` tokens, one ``translate_batch`` call per batch, so that results stream
        to ``on_batch`` and a cancel takes effect between batches. On cancel, ``Cancelled`` is
        raised; sentences already delivered to ``on_batch`` stay delivered. Sentences without
        any letter or digit are returned unchanged.
        """
        return [h[0] if h else None for h in self.translate_hypotheses(
            sentences, on_batch=on_batch, progress=progress, cancel=cancel,
            num_hypotheses=num_hypotheses)]

    def translate_hypotheses(
        self,
        sentences: Sequence[str],
        *,
        on_batch: BatchFn | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
        num_hypotheses: int = 1,
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
        window = max(1, self.settings.window)
        batches: list[list[int]] = []
        start = 0
        while start < len(pieces):
            # A window ends at a sentence boundary so a cut sentence stays in one window.
            end = start
            first_sentence = pieces[start][0]
            while end < len(pieces) and pieces[end][0] < first_sentence + window:
                end += 1
            order = sorted(range(start, end), key=lambda p: len(pieces[p][1]))
            batches.extend(_batches(order, pieces, self.settings.batch_tokens))
            start = end
        for batch in batches:
            check(cancel)
            outputs = self._translate_tokens([pieces[p][1] for p in batch], num_hypotheses)
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
        return results

    def _translate_tokens(self, batch: list[list[str]], num_hypotheses: int) -> list[list[str]]:
        longest = max(len(t) for t in batch)
        prefix = [[self.target_prefix] for _ in batch] if self.target_prefix else None
        with self._lock:
            translator = self._load_locked()
            outputs = translator.translate_batch(
                batch,
                target_prefix=prefix,
                max_batch_size=self.settings.batch_tokens,
                batch_type="tokens",
                beam_size=max(self.settings.beam_size, num_hypotheses),
                num_hypotheses=num_hypotheses,
                max_decoding_length=min(512, 2 * longest + 16),
                replace_unknowns=True,
            )
        return [[self._decode(h) for h in out.hypotheses] for out in outputs]

    def _decode(self, tokens: list[str]) -> str:
        text = str(self.package.tokenizer.decode(tokens))
        if self.target_prefix and text.startswith(self.target_prefix):
            text = text[len(self.target_prefix) :]
        return text.strip()


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

"""Benchmark: Argos Translate's own path vs Tarjuman's engine, at equal decoding settings.

    .venv/bin/python bench/translate.py [--repeat 5] [--skip-cancel] [--only-cancel] [--sweep]

What runs. One copy of the seed article (20 sentences, all distinct), translated with a
random model built like a real Argos ar→en package: a 6-layer Transformer with d_model 512,
8 heads, FFN 2048 and a 50,000-piece vocabulary (argos-train's config.yml), its weights
quantized to int8 (Argos' converter uses ``--quantization int8``). The tokenizer is a BPE
model trained on the article, which cuts its Arabic into about 1.5 pieces a word (our
estimate of what a real package's 50,000-piece SentencePiece model does with news text). The
weights are random, so the output is filler words, but the model is wired so that each
sentence's translation ends near 1.2 x its source length plus a few tokens (see
``tests/tiny_model._wire_output_length``): decoding then costs what it costs with a real
model, where the output is about as long as the input. A random model that stops after a
few tokens would time mostly the encoder. The output lengths are printed below.

Fair comparison. Both sides translate the same sentences (Argos' path is given Tarjuman's
sentence split, so no sentence splitter is downloaded) with the same beam, the same length
penalty (Argos' 0.2), the same number of threads, and the same computation type: Argos
leaves ``compute_type`` out, so CTranslate2 runs the model's own int8, and Tarjuman's "auto"
picks the same type (both are printed). Neither side reaches its maximum decoding length.

(a) Argos: ``argostranslate.translate.apply_packaged_translation`` once per paragraph, as
    Argos' ``translate()`` does, on a ``ctranslate2.Translator`` built as Argos builds it
    (device, inter/intra threads from ``argostranslate.settings``), beam from its settings.
(b) Tarjuman: ``translate_sentences`` (the memory's de-duplication, no database) through
    ``ArgosEngine`` with the given beam and threads.

Every row is run once to warm up, then ``--repeat`` times; the rows take turns (one run of
each, then again), so that load from other programs spreads over all of them. Each row shows
the median wall-clock time with its range and the median CPU time of the process (CTranslate2
threads included), which other programs' load affects much less.

Then: the gain of each of Tarjuman's choices on its own (batching, threads, beam, memory);
the screen first: a document reopened in its middle, the time to the first English on screen
and to the whole screen, with the screen sent first (as the window does) and in document
order (as before), beside Argos' time to its first output; and a cancel: the time until the
run stops, until CTranslate2 is idle, and until the next document's first sentence, at beam
1, 2 and 4, with CTranslate2 in a worker process (now) and in the bench's own process (before),
with the start-up time and the memory of each.

Tarjuman's CTranslate2 runs in worker processes: the CPU column adds their CPU time to the
bench process's own.

``--sweep`` instead times batch sizes of 1,024 to 4,096 tokens at beam 4.
"""

from __future__ import annotations

import argparse
import atexit
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SANDBOX = Path(tempfile.mkdtemp(prefix="tarjuman-bench-"))
atexit.register(shutil.rmtree, SANDBOX, ignore_errors=True)
for _var in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(SANDBOX / _var.lower())
    (SANDBOX / _var.lower()).mkdir()

from desktop.core.db.engine import open_database  # noqa: E402
from desktop.core.documents import document_from_text  # noqa: E402
from desktop.core.errors import Cancelled  # noqa: E402
from desktop.core.tasks import CancelToken  # noqa: E402
from desktop.core.translation import argos  # noqa: E402
from desktop.core.translation.engine import (  # noqa: E402
    ArgosEngine,
    EngineSettings,
    default_threads,
    thread_layout,
)
from desktop.core.translation.service import translate_sentences  # noqa: E402
from desktop.core.translation.worker import ProcessTranslator  # noqa: E402
from tests.processes import running  # noqa: E402
from tests.tiny_model import build_tiny_argosmodel  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from common import cpu_model  # noqa: E402

REAL_SIZE = (6, 512, 8, 2048)
REAL_VOCABULARY = 50_000
LENGTH_RATIO = 1.2
BPE_PIECES = 1300
# The sentences on screen that the screen-first rows send first. The window sends the rows
# its reading view shows; 30 is what it sent before it measured them, kept for comparison.
SCREEN_ROWS = 30
WORKER = "tarjuman-ctranslate2"


def worker_pids() -> list[int]:
    import multiprocessing

    return [p.pid for p in multiprocessing.active_children() if p.name == WORKER and p.pid]


def worker_cpu() -> float:
    """CPU seconds used so far by the worker processes that are running."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in worker_pids():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def cpu_now() -> float:
    """This process's CPU time and its worker processes'."""
    return time.process_time() + worker_cpu()


def memory_kb(pid: int | str = "self") -> tuple[int, int]:
    """(RSS, PSS) of a process in kB (PSS shares each shared page among its users)."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("Rss", "Pss"):
            values[key] = int(rest.split()[0])
    return values["Rss"], values["Pss"]


class SameSplit:
    """Stands in for Argos' sentence splitter (which would download a model): it returns
    the sentences Tarjuman's segmenter finds, so both sides translate the same sentences."""

    def split_sentences(self, text: str) -> list[str]:
        return [s.text for s in document_from_text(text).sentences]


@dataclass
class Row:
    label: str
    run: Callable[[], Any]
    threads: int = 0
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    first: list[float] = field(default_factory=list)  # seconds to the first output
    top: list[float] = field(default_factory=list)  # seconds to the document's first sentence

    def measure(self, keep: bool) -> None:
        marks.clear()
        start_wall, start_cpu = time.perf_counter(), cpu_now()
        self.run()
        wall, cpu = time.perf_counter() - start_wall, cpu_now() - start_cpu
        if keep:
            self.wall.append(wall)
            self.cpu.append(cpu)
            if "first" in marks:
                self.first.append(marks["first"] - start_wall)
                self.top.append(marks["top"] - start_wall)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    def cells(self) -> str:
        return (f"{self.median:8.2f} ({min(self.wall):.2f}–{max(self.wall):.2f})"
                f"{statistics.median(self.cpu):9.2f}")


marks: dict[str, float] = {}  # perf_counter() of the current run's first outputs


def mark(top: bool) -> None:
    """Record an output; ``top``: it includes the document's first sentence."""
    now = time.perf_counter()
    marks.setdefault("first", now)
    if top:
        marks.setdefault("top", now)


def take_turns(rows: list[Row], repeat: int) -> None:
    """One warm-up run of every row, then ``repeat`` runs each, the rows taking turns."""
    for turn in range(repeat + 1):
        for row in rows:
            row.measure(keep=turn > 0)
        print(f"  {'warm-up' if turn == 0 else f'run {turn}/{repeat}'} done "
              f"(load average {os.getloadavg()[0]:.1f})", flush=True)


def machine() -> str:
    model = cpu_model() or platform.processor() or "unknown CPU"
    return (f"{model}, {os.cpu_count()} logical CPUs, {default_threads()} physical core(s); "
            f"{platform.system()} {platform.release()}; Python {platform.python_version()}")


def openmp_threads(translator: Any) -> int:
    """Threads a translator's batch runs on (counted from the threads it starts)."""
    before = len(os.listdir("/proc/self/task"))
    translator.translate_batch([["▁a"] * 8], beam_size=1)
    return 1 + len(os.listdir("/proc/self/task")) - before


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="measured runs of each row")
    parser.add_argument("--skip-cancel", action="store_true", help="skip the cancel section")
    parser.add_argument("--only-cancel", action="store_true",
                        help="only the cancel section (with start-up and memory)")
    parser.add_argument("--sweep", action="store_true",
                        help="only time batch sizes of 1,024-4,096 tokens at beam 4 (about 10 minutes)")
    args = parser.parse_args()
    # Worker processes start as the window's do: "spawn" runs no __main__ module of
    # ``python -m desktop`` in them, but would run this script again in each.
    del sys.modules["__main__"].__file__

    from importlib.metadata import version

    import ctranslate2
    from argostranslate import settings as argos_settings
    from argostranslate import translate as argos_translate

    print(f"Machine: {machine()}")
    print(f"ctranslate2 {ctranslate2.__version__}, argos-translate-lt {version('argos-translate-lt')}; "
          f"load average at start {os.getloadavg()[0]:.1f}")
    print("Building the real-size random model (6x512, FFN 2048, 50,000 pieces, int8)…", flush=True)
    archive = build_tiny_argosmodel(
        SANDBOX / "base", size=REAL_SIZE, tokenizer_type="bpe", vocab_size=BPE_PIECES,
        model_vocab_size=REAL_VOCABULARY, length_ratio=LENGTH_RATIO, quantization="int8")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(SANDBOX / "base-unpacked")
    pkg = argos.load_package(SANDBOX / "base-unpacked" / "translate-ar_en-tiny")
    model_dir = str(Path(pkg.package_path) / "model")

    text = (ROOT / "resources" / "sample" / "article.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    split = SameSplit()
    sentences = [s for p in paragraphs for s in split.split_sentences(p)]
    tokens = [pkg.tokenizer.encode(s) for s in sentences]
    words = sum(len(s.split()) for s in sentences)
    print(f"Document: the seed article, {len(sentences)} sentences in {len(paragraphs)} "
          f"paragraphs, {words} words, {sum(map(len, tokens))} tokens "
          f"({sum(map(len, tokens)) / words:.2f} a word)\n")

    if args.sweep:
        batch_sizes(pkg, sentences, args.repeat)
        return
    if args.only_cancel:
        cancel_latency(pkg, sentences)
        print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}")
        return

    def argos_translator(threads: int | None = None) -> Any:
        """A translator built as Argos' PackageTranslation builds it (threads overridable)."""
        params: dict[str, Any] = {
            "model_path": model_dir, "device": argos_settings.device,
            "inter_threads": argos_settings.inter_threads,
            "intra_threads": argos_settings.intra_threads if threads is None else threads,
        }
        if argos_settings.compute_type != "auto":
            params["compute_type"] = argos_settings.compute_type
        return ctranslate2.Translator(**params)

    def argos_path(translator: Any, beam: int) -> list[str]:
        argos_settings.beam_size = beam  # what ARGOS_BEAM_SIZE sets; read at each call
        out = []
        for paragraph in paragraphs:
            out.append(argos_translate.apply_packaged_translation(
                pkg, paragraph, translator, split, num_hypotheses=1)[0].value)
            mark(top=True)
        return out

    engines: dict[tuple[int, int, int, bool], ArgosEngine] = {}

    def engine(beam: int, threads: int, parallel: int | None = None,
               process: bool = True) -> ArgosEngine:
        """Tarjuman's engine; ``parallel`` overrides the thread layout (batches at a time);
        ``process``: CTranslate2 in a worker process (else in this one)."""
        key = (beam, threads, parallel or 0, process)
        if key not in engines:
            e = ArgosEngine(pkg, EngineSettings(beam_size=beam, threads=threads, process=process))
            if parallel is not None:
                e.parallel, e.threads_per_batch = parallel, threads // parallel
            e.ensure_loaded()
            engines[key] = e
        return engines[key]

    def tarjuman(e: ArgosEngine, texts: list[str] = sentences, factory: Any = None) -> list[str]:
        out = translate_sentences(texts, e, factory,
                                  on_results=lambda r: mark(any(t.index == 0 for t in r)))
        return [r.target if r else "" for r in out]

    argos_default = argos_translator()
    cores = default_threads()
    defaults = EngineSettings()
    print(f"Argos' translator: compute type {argos_default.compute_type}, "
          f"{argos_settings.inter_threads} x {openmp_threads(argos_default)} thread(s) "
          f"(intra_threads={argos_settings.intra_threads}; 0 is CTranslate2's default), "
          f"beam {argos_settings.beam_size}, batches of {argos_settings.batch_size} tokens")
    shipped = engine(defaults.beam_size, 0)
    print(f"Tarjuman's engine: compute type {shipped._load_locked().compute_type}, "
          f"{shipped.parallel} x {shipped.threads_per_batch} thread(s) (automatic), "
          f"beam {defaults.beam_size}, batches of {defaults.batch_tokens} tokens\n")

    quality_and_lengths(pkg, tokens, paragraphs, argos_path, argos_translator(1), engine(4, 1),
                        tarjuman)

    # ---- the main table ------------------------------------------------------------------
    thread_counts = [1] + ([cores] if cores > 1 else [])
    argos_threaded = {n: argos_translator(n) for n in thread_counts}
    table: dict[int, list[Row]] = {}
    rows: list[Row] = []
    for beam in (4, 2):
        table[beam] = []
        for n in thread_counts:
            table[beam].append(Row(f"(a) Argos path, {n} thread(s)",
                                   lambda t=argos_threaded[n], b=beam: argos_path(t, b), n))
        for n in thread_counts:
            parallel, per_batch = thread_layout(n)
            laid_out = engine(beam, n)
            table[beam].append(Row(f"(b) Tarjuman, {n} thread(s): {parallel} x {per_batch}",
                                   lambda e=laid_out: tarjuman(e), n))
            if n > 1 and parallel > 1:
                one_batch = engine(beam, n, 1)
                table[beam].append(Row(f"(b) Tarjuman, {n} thread(s): 1 x {n}",
                                       lambda e=one_batch: tarjuman(e), n))
            if beam == 4 and n == 1:  # what the worker process costs
                local = engine(beam, n, process=False)
                table[beam].append(Row(f"(b) Tarjuman, {n} thread(s), in this process",
                                       lambda e=local: tarjuman(e), n))
        rows += table[beam]
    print(f"Timing {len(rows)} rows, {args.repeat} runs each after a warm-up…", flush=True)
    take_turns(rows, args.repeat)

    w = 44
    for beam in (4, 2):
        print(f"\nBeam {beam}, one copy of the article; seconds: median (range), CPU seconds; "
              "ratio = the Argos row with the same threads / this row")
        print(f"{'path':<{w}}{'wall (range)':>22}{'CPU':>9}{'vs Argos':>10}{'first':>8}"
              f"{'top':>7}")
        for row in table[beam]:
            base = next(r for r in table[beam] if r.label.startswith("(a)")
                        and r.threads == row.threads)
            print(f"{row.label:<{w}}{row.cells()}{base.median / row.median:9.2f}x"
                  f"{statistics.median(row.first):8.2f}{statistics.median(row.top):7.2f}")
    print("first: median seconds to the first output (Argos: its first paragraph; Tarjuman: its "
          "first delivered sentences); top: to the document's first sentence")

    # ---- the gain of each choice -----------------------------------------------------------
    def find(beam: int, prefix: str) -> Row:
        return next(r for r in table[beam] if r.label.startswith(prefix))

    print("\nGains, one choice at a time (median wall-clock ratios from the table):")
    argos1, ours1 = find(4, "(a) Argos path, 1 "), find(4, "(b) Tarjuman, 1 ")
    print(f"  batching (beam 4, 1 thread, same settings otherwise): {argos1.median / ours1.median:.2f}x "
          f"(CPU {statistics.median(argos1.cpu) / statistics.median(ours1.cpu):.2f}x)")
    if cores > 1:
        oursn = find(4, f"(b) Tarjuman, {cores} thread(s): {thread_layout(cores)[0]} ")
        argosn = find(4, f"(a) Argos path, {cores} ")
        print(f"  threads (Tarjuman, beam 4, 1 -> {cores}): {ours1.median / oursn.median:.2f}x; "
              f"the same for Argos' path: {argos1.median / argosn.median:.2f}x")
        alt = next((r for r in table[4] if r.label.endswith(f"1 x {cores}")), None)
        if alt is not None:
            print(f"  thread layout ({thread_layout(cores)[0]} batches x {thread_layout(cores)[1]} "
                  f"vs 1 batch x {cores} threads, beam 4): {alt.median / oursn.median:.2f}x")
        beam_gain = find(4, f"(b) Tarjuman, {cores} thread(s): {thread_layout(cores)[0]} ").median / \
            find(2, f"(b) Tarjuman, {cores} thread(s): {thread_layout(cores)[0]} ").median
    else:
        beam_gain = ours1.median / find(2, "(b) Tarjuman, 1 ").median
    print(f"  beam 2 instead of 4 (Tarjuman's default; a different search, not equal quality): "
          f"{beam_gain:.2f}x")
    memory_rows(shipped, sentences, tarjuman, args.repeat)
    argos_first = {beam: statistics.median(next(r for r in table[beam] if r.label.startswith(
        f"(a) Argos path, {cores} ")).first) for beam in (4, 2)}
    screen_first(engine, sentences, min(args.repeat, 3), argos_first)
    for e in engines.values():
        e.close()

    if not args.skip_cancel:
        cancel_latency(pkg, sentences)
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}")


def quality_and_lengths(pkg: Any, tokens: list[list[str]], paragraphs: list[str],
                        argos_path: Callable[[Any, int], list[str]], argos_translator: Any,
                        engine: ArgosEngine, tarjuman: Callable[..., list[str]]) -> None:
    """Output lengths of the random model, and whether both sides give the same output."""
    results = argos_translator.translate_batch(tokens, beam_size=4, length_penalty=0.2,
                                               max_batch_size=1024, batch_type="tokens")
    out = [len(r.hypotheses[0]) for r in results]
    source = sum(map(len, tokens))
    print(f"Output lengths at beam 4: {sum(out)} tokens for {source} source tokens "
          f"({sum(out) / source:.2f}x); longest {max(out)} for a {max(map(len, tokens))}-token "
          f"source (caps: Argos 256, Tarjuman 2 x source + 16)")
    alone = [argos_translator.translate_batch([t], beam_size=4, length_penalty=0.2)[0]
             .hypotheses[0] for t in tokens]
    same_alone = sum(a == r.hypotheses[0] for a, r in zip(alone, results, strict=True))
    theirs = argos_path(argos_translator, 4)
    ours = tarjuman(engine)
    split = SameSplit()
    start, same = 0, 0
    for paragraph, value in zip(paragraphs, theirs, strict=True):
        count = len(split.split_sentences(paragraph))
        joined = "".join(" ".join(ours[start : start + count]).split())
        same += joined == "".join(value.split())
        start += count
    print(f"Same output as Argos' path at beam 4: {same} of {len(paragraphs)} paragraphs "
          "(ignoring spaces). Control: the same translator gives the same tokens one sentence "
          f"at a time as in one batch for {same_alone} of {len(tokens)} sentences (batch "
          "composition changes the arithmetic a little, and random logits are close)\n")


def memory_rows(engine: ArgosEngine, sentences: list[str], tarjuman: Callable[..., list[str]],
                repeat: int) -> None:
    """What the memory saves on a text whose every sentence occurs twice."""
    twice = sentences + sentences
    counter = 0

    def cold() -> None:
        nonlocal counter
        counter += 1
        tarjuman(engine, twice, open_database(SANDBOX / f"cold-{counter}.db"))

    warm_db = open_database(SANDBOX / "warm.db")
    tarjuman(engine, twice, warm_db)
    rows = [Row("engine alone (no de-duplication)", lambda: engine.translate(twice)),
            Row("translate_sentences, empty memory", cold),
            Row("translate_sentences, all in memory", lambda: tarjuman(engine, twice, warm_db))]
    print("\nMemory: the article twice (40 sentences, 20 distinct), Tarjuman's default settings…",
          flush=True)
    take_turns(rows, repeat)
    for row in rows:
        print(f"  {row.label:<40}{row.cells()}{rows[0].median / row.median:9.1f}x")


def batch_sizes(pkg: Any, sentences: list[str], repeat: int) -> None:
    """How the batch size (tokens) changes the time for 60 distinct sentences at beam 4."""
    texts = [f"{i} {s}" for i in range(3) for s in sentences]
    rows = []
    cores = default_threads()
    for threads in sorted({1, cores}):
        for size in (1024, 2048, 4096):
            engine = ArgosEngine(pkg, EngineSettings(beam_size=4, threads=threads,
                                                     batch_tokens=size))
            engine.ensure_loaded()
            rows.append(Row(f"{threads} thread(s), batches of {size} tokens",
                            lambda e=engine: e.translate(texts), threads))
    print(f"Batch sizes: {len(texts)} distinct sentences, beam 4…", flush=True)
    take_turns(rows, repeat)
    print(f"  {'':<40}{'wall (range)':>22}{'CPU':>9}{'vs 1,024':>10}")
    for row in rows:
        base = next(r for r in rows if r.threads == row.threads)
        print(f"  {row.label:<40}{row.cells()}{base.median / row.median:9.2f}x")


def busy(translator: Any) -> bool:
    """Whether a translator still has batches (in a worker process: sent, not answered)."""
    if isinstance(translator, ProcessTranslator):
        return bool(translator._active.jobs)
    return bool(translator.num_active_batches or translator.num_queued_batches)


def wait_idle(translator: Any, step: float = 0.01) -> None:
    while busy(translator):
        time.sleep(step)


def screen_first(engine: Callable[[int, int], ArgosEngine], sentences: list[str], repeat: int,
                 argos_first: dict[int, float]) -> None:
    """A document reopened in its middle: time to the first English on screen, and until all
    of the screen is translated, with the screen first (as the window asks since #15) and in
    document order (the engine's windows of 256 sentences, as before)."""
    texts = [f"{i} {s}" for i in range(5) for s in sentences]  # 100 distinct sentences
    top = len(texts) // 2
    screen = range(top, top + SCREEN_ROWS)
    # What Workspace.translation_job sends for this screen: its rows, the rows after, before.
    order = list(screen) + list(range(screen.stop, len(texts))) + list(range(top))
    reordered = [texts[i] for i in order]
    cores = default_threads()
    print(f"\nThe screen first: {len(texts)} distinct sentences reopened at sentence {top}; "
          f"the screen is sentences {top}-{screen.stop - 1} ({SCREEN_ROWS}; the window sends "
          f"the rows its view shows); {cores} thread(s), the run cancelled once the screen is done; seconds: "
          f"median (range) of {repeat} runs after a warm-up", flush=True)
    print(f"  {'':<44}{'first on screen':>20}{'whole screen':>20}")
    for beam in (2, 4):
        e = engine(beam, cores)
        for label, run_texts, first, rows in (
                ("screen first (now)", reordered, len(screen), range(len(screen))),
                ("document order (before)", texts, 0, screen)):
            firsts, wholes = [], []
            for turn in range(repeat + 1):
                wait_idle(e._load_locked())
                token = CancelToken()
                seen: set[int] = set()
                marks_: list[float] = []
                start = time.perf_counter()

                def on_results(results: list[Any], rows: range = rows, seen: set[int] = seen,
                               marks_: list[float] = marks_, token: CancelToken = token) -> None:
                    hits = {r.index for r in results if r.index in rows}
                    if hits and not seen:
                        marks_.append(time.perf_counter())
                    seen.update(hits)
                    if len(seen) == len(rows):
                        marks_.append(time.perf_counter())
                        token.cancel()

                try:
                    translate_sentences(run_texts, e, None, on_results=on_results, cancel=token,
                                        first=first)
                except Cancelled:
                    pass
                if turn:
                    firsts.append(marks_[0] - start)
                    wholes.append(marks_[1] - start)
            print(f"  beam {beam}, {label:<36}{statistics.median(firsts):8.2f} "
                  f"({min(firsts):.2f}–{max(firsts):.2f}){statistics.median(wholes):9.2f} "
                  f"({min(wholes):.2f}–{max(wholes):.2f})", flush=True)
        print(f"  beam {beam}, Argos' first output (its first paragraph, {cores} thread(s), "
              f"from the table): {argos_first[beam]:.2f}")
    wait_idle(engine(2, cores)._load_locked())


def cancel_latency(pkg: Any, sentences: list[str]) -> None:
    """Cancel a long run at several moments, with CTranslate2 in a worker process (now) and in
    this process (before), at beam 1, 2 and 4. Once: the time until the run stops and until
    CTranslate2 is idle (in a worker process: the process that ran the batches has exited,
    or it has nothing left to do). Again: the time until the next document's first sentence,
    translated right after the cancel (as when another document is opened). Each engine's
    start-up time (until it can translate) and memory are measured too."""
    texts = [f"{i} {s}" for i in range(3) for s in sentences]  # 60 distinct sentences
    following = [f"{i} {s}" for i in range(3, 5) for s in sentences]  # another document
    delays = (1.0, 1.7, 2.4, 3.1, 3.8)
    cores = default_threads()
    print(f"\nCancel: {len(texts)} distinct sentences, {cores} thread(s), cancelled "
          f"{', '.join(map(str, delays))} s after the start; ms from the cancel: median (range)",
          flush=True)
    cases: list[tuple[str, EngineSettings]] = []
    for beam in (1, 2, 4):
        cases.append((f"beam {beam}, worker process", EngineSettings(beam_size=beam)))
        cases.append((f"beam {beam}, in this process", EngineSettings(beam_size=beam, process=False)))
    cases.append(("beam 2, worker process, no spare", EngineSettings(beam_size=2, spare_process=False)))

    def cancel_at(delay: float, e: ArgosEngine) -> tuple[float, float, Any]:
        """Start a run, cancel it after ``delay``; (perf_counter of the cancel, ms until the
        run returned, the worker that was working at the cancel)."""
        token = CancelToken()
        ended: list[float] = []

        def work() -> None:
            try:
                translate_sentences(texts, e, None, cancel=token)
            except Cancelled:
                pass
            ended.append(time.perf_counter())

        worker = threading.Thread(target=work)
        worker.start()
        time.sleep(delay)
        translator = e._load_locked()
        working = translator._active if isinstance(translator, ProcessTranslator) else None
        asked = time.perf_counter()
        token.cancel()
        worker.join()
        return asked, 1000 * (ended[0] - asked), working

    def quiet(translator: Any, working: Any) -> bool:
        if working is None:
            return not busy(translator)
        # Exited (the kernel's view: not waiting for this process to reap it), or still
        # working with nothing left to do.
        return not running(working.pid) or (translator._active is working and not working.jobs)

    def cell(values: list[float]) -> str:
        return (f"{statistics.median(values):7.0f} ({min(values):.0f}–{max(values):.0f})"
                if values else "")

    print(f"  {'':<34}{'start s':>8}{'run stopped':>18}{'CTranslate2 idle':>20}"
          f"{'next first sentence':>22}")
    footprints: list[str] = []
    for label, settings in cases:
        before_kb = memory_kb()[0]
        begin = time.perf_counter()
        e = ArgosEngine(pkg, settings)
        e.ensure_loaded()
        started = time.perf_counter() - begin
        translator = e._load_locked()
        # Warm (buffers allocated); a run that can be cancelled, as the window's, which has
        # the spare worker process started.
        translate_sentences(sentences[:4], e, None, cancel=CancelToken())
        if isinstance(translator, ProcessTranslator):
            while settings.spare_process and not (translator._spare and translator._spare.ready.is_set()):
                time.sleep(0.01)
            sizes = [memory_kb(pid) for pid in translator.pids]
            footprints.append(f"  {label}: " + "; ".join(
                f"{'working' if i == 0 else 'spare'} process RSS {rss / 1024:.0f} MB, PSS "
                f"{pss / 1024:.0f} MB" for i, (rss, pss) in enumerate(sizes)))
        else:
            footprints.append(f"  {label}: this process grew by {(memory_kb()[0] - before_kb) / 1024:.0f} MB "
                              "RSS on loading the model")
        stopped, idle, next_first = [], [], []
        for delay in delays:
            wait_idle(e._load_locked())
            asked, took, working = cancel_at(delay, e)
            stopped.append(took)
            while not quiet(e._load_locked(), working):
                time.sleep(0.002)
            idle.append(1000 * (time.perf_counter() - asked))
        for delay in delays:
            wait_idle(e._load_locked())
            asked, _took, _working = cancel_at(delay, e)
            nxt = CancelToken()
            got: list[float] = []

            def first_out(_r: Any, got: list[float] = got, nxt: CancelToken = nxt) -> None:
                got.append(time.perf_counter())
                nxt.cancel()

            try:  # the next document at once, its screen first, on the same engine
                translate_sentences(following, e, None, on_results=first_out, cancel=nxt,
                                    first=SCREEN_ROWS)
            except Cancelled:
                pass
            next_first.append(1000 * (got[0] - asked))
        print(f"  {label:<34}{started:8.2f}{cell(stopped):>18}{cell(idle):>20}{cell(next_first):>22}"
              f"   (load {os.getloadavg()[0]:.1f})", flush=True)
        wait_idle(e._load_locked())
        e.close()
    print("Memory after a first translation (the real-size model):")
    print("\n".join(footprints))


if __name__ == "__main__":
    main()

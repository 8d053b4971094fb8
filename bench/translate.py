"""Benchmark: Argos Translate's own path vs Tarjuman's engine, side by side in one run.

    .venv/bin/python bench/translate.py [--repeat 16]

Uses the seed article repeated to >= 300 sentences and the tiny test model (random weights,
so the figures compare the two pipelines, not translation quality). Prints ratios against
the Argos baseline measured in the same process:

(a) Argos: ``argostranslate.translate.apply_packaged_translation`` once per paragraph, with
    Argos' defaults (beam 4, max_batch_size 32 tokens) and a trivial sentence splitter (no
    download);
(b) Tarjuman: ``translate_sentences`` over the whole document, cold (empty memory) and warm
    (every sentence in memory). The repeated article has only 20 distinct sentences, which
    the memory translates once each; a second cold row makes every sentence distinct, to show
    the engine's own gain.

A random model of a real Argos model's size (6 layers, d_model 512, 8 heads, FFN 2048) then
measures how long a cancel takes to stop a run, and the speed for each beam size, compute
type and thread count: how the defaults were chosen.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SANDBOX = Path(tempfile.mkdtemp(prefix="tarjuman-bench-"))
for _var in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(SANDBOX / _var.lower())
    (SANDBOX / _var.lower()).mkdir()

from desktop.core.db.engine import open_database  # noqa: E402
from desktop.core.documents import document_from_text  # noqa: E402
from desktop.core.errors import Cancelled  # noqa: E402
from desktop.core.tasks import CancelToken  # noqa: E402
from desktop.core.translation import packages  # noqa: E402
from desktop.core.translation.engine import ArgosEngine, EngineSettings, default_threads  # noqa: E402
from desktop.core.translation.service import translate_sentences  # noqa: E402
from tests.tiny_model import build_tiny_argosmodel  # noqa: E402


class TrivialSentencizer:
    """Stands in for Argos' sentence splitter (which would download a model)."""

    def split_sentences(self, text: str) -> list[str]:
        return [s for s in text.replace("؟", "؟\n").replace(". ", ".\n").split("\n") if s.strip()]


def timed(fn, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=16, help="copies of the seed article")
    args = parser.parse_args()

    packages.install_package_file(build_tiny_argosmodel(SANDBOX))
    text = "\n".join([(ROOT / "resources" / "sample" / "article.txt").read_text(encoding="utf-8")]
                     * args.repeat)
    doc = document_from_text(text)
    sentences = [s.text for s in doc.sentences]
    paragraphs = [p for p in text.split("\n") if p.strip()]
    print(f"Document: {len(sentences)} sentences in {len(paragraphs)} paragraphs; "
          f"{os.cpu_count()} CPU cores; tiny test model (random weights)\n")

    import ctranslate2
    from argostranslate import settings as argos_settings
    from argostranslate import translate as argos_translate

    pkg = packages.find_package()
    argos_translator = ctranslate2.Translator(
        str(Path(pkg.package_path) / "model"), device="cpu", compute_type=argos_settings.compute_type,
        inter_threads=argos_settings.inter_threads, intra_threads=argos_settings.intra_threads)
    sentencizer = TrivialSentencizer()

    def argos_path(translator: object = argos_translator) -> None:
        for paragraph in paragraphs:
            argos_translate.apply_packaged_translation(pkg, paragraph, translator, sentencizer,
                                                       num_hypotheses=1)

    # The same Argos path with Tarjuman's thread count, to separate batching from threads.
    argos_one_thread = ctranslate2.Translator(
        str(Path(pkg.package_path) / "model"), device="cpu", compute_type=argos_settings.compute_type,
        inter_threads=1, intra_threads=default_threads())

    engine = ArgosEngine.load()
    counter = 0

    def cold() -> None:
        nonlocal counter
        counter += 1
        factory = open_database(SANDBOX / f"cold-{counter}.db")
        translate_sentences(sentences, engine, factory)

    warm_factory = open_database(SANDBOX / "warm.db")
    translate_sentences(sentences, engine, warm_factory)

    def warm() -> None:
        translate_sentences(sentences, engine, warm_factory)

    distinct = [f"{i}: {s}" for i, s in enumerate(sentences)]

    def cold_distinct() -> None:
        nonlocal counter
        counter += 1
        translate_sentences(distinct, engine, open_database(SANDBOX / f"cold-{counter}.db"))

    baseline = timed(argos_path)
    t_argos_threads = timed(lambda: argos_path(argos_one_thread))
    t_cold = timed(cold)
    t_distinct = timed(cold_distinct)
    t_warm = timed(warm, runs=5)
    w = 50
    print(f"{'path':<{w}}{'seconds':>9}{'vs Argos':>11}")
    rows = [("(a) Argos apply_packaged_translation/paragraph", baseline),
            (f"(a) same, with {default_threads()} thread(s) like Tarjuman", t_argos_threads),
            ("(b) Tarjuman, cold (empty memory)", t_cold),
            ("(b) Tarjuman, cold, all 320 sentences distinct", t_distinct),
            ("(b) Tarjuman, warm (all in memory)", t_warm)]
    for label, seconds in rows:
        print(f"{label:<{w}}{seconds:>9.3f}{baseline / seconds:>10.1f}x")

    base_size(sentences, paragraphs)


def base_size(sentences: list[str], paragraphs: list[str]) -> None:
    """Cancel latency and settings sweep with a random model the size of a real one."""
    import zipfile

    from desktop.core.translation import argos

    print("\nBuilding a random model of a real Argos model's size (6x512, FFN 2048)…", flush=True)
    archive = build_tiny_argosmodel(SANDBOX / "base", size=(6, 512, 8, 2048))
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(SANDBOX / "base-unpacked")
    pkg = argos.load_package(SANDBOX / "base-unpacked" / "translate-ar_en-tiny")
    sample = [f"{i}: {s}" for i, s in enumerate(sentences[:20])]
    engine = ArgosEngine(pkg)
    engine.ensure_loaded()

    import ctranslate2
    from argostranslate import settings as argos_settings
    from argostranslate import translate as argos_translate

    article = paragraphs[:17]  # one copy of the seed article
    article_sentences = sentences[:20]
    model_dir = str(Path(pkg.package_path) / "model")
    argos_default = ctranslate2.Translator(model_dir, device="cpu", compute_type="auto",
                                           inter_threads=1, intra_threads=argos_settings.intra_threads)
    argos_same = ctranslate2.Translator(model_dir, device="cpu", compute_type="auto",
                                        inter_threads=1, intra_threads=default_threads())
    sentencizer = TrivialSentencizer()

    def argos_path(translator: object) -> None:
        for paragraph in article:
            argos_translate.apply_packaged_translation(pkg, paragraph, translator, sentencizer,
                                                       num_hypotheses=1)

    base = timed(lambda: argos_path(argos_default), runs=1)
    same = timed(lambda: argos_path(argos_same), runs=1)
    ours = timed(lambda: translate_sentences(article_sentences, engine, None), runs=1)
    print("\nOne copy of the article (20 sentences) with the real-size random model:")
    for label, seconds in (("(a) Argos path, its default threads", base),
                           (f"(a) Argos path, {default_threads()} thread(s)", same),
                           ("(b) Tarjuman, cold", ours)):
        print(f"{label:<50}{seconds:>9.3f}{base / seconds:>10.1f}x")

    # Cancel latency: cancel 1 s into a long run, time until the engine stops.
    long_texts = [f"{i} {s}" for i in range(3) for s in sentences]  # all distinct
    token = CancelToken()
    stopped: list[float] = []

    def run() -> None:
        try:
            translate_sentences(long_texts, engine, None, cancel=token)
        except Cancelled:
            stopped.append(time.perf_counter())

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(1.0)
    asked = time.perf_counter()
    token.cancel()
    worker.join()
    if stopped:
        print(f"\nCancel: stopped {1000 * (stopped[0] - asked):.0f} ms after the request "
              f"(batches of {engine.settings.batch_tokens} tokens)")
    else:
        print("\nCancel: the run finished before the cancel arrived")

    print(f"\nEngine settings ({len(sample)} distinct sentences, no memory):")
    print(f"{'beam':>6}{'compute':>10}{'threads':>9}{'seconds':>10}")
    for beam in (1, 2, 4):
        for compute in ("int8", "float32"):
            for threads in (1, os.cpu_count() or 1):
                variant = ArgosEngine(pkg, EngineSettings(beam_size=beam, compute_type=compute,
                                                          threads=threads))
                variant.ensure_loaded()
                seconds = timed(lambda v=variant: v.translate(sample), runs=1)
                print(f"{beam:>6}{compute:>10}{threads:>9}{seconds:>10.3f}")


if __name__ == "__main__":
    main()

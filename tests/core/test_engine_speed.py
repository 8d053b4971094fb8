"""The engine's speed choices, as behaviour: parallel batches, a cancel in the middle of a
batch, Argos' decoding settings, the small first batch, the thread layout, and the test
model that decodes to realistic lengths. (How fast they are is measured by
bench/translate.py, never asserted here.)"""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop.core.documents import document_from_text
from desktop.core.errors import Cancelled
from desktop.core.tasks import CancelToken
from desktop.core.translation.engine import ArgosEngine, EngineSettings, thread_layout
from tests.processes import running

WAIT = 30  # seconds; a safety net for a broken engine, not a timing assertion


class Held:
    """One sentence's asynchronous result that reports done only when the test allows."""

    def __init__(self, inner: Any, allowed: Any) -> None:
        self.inner = inner
        self.allowed = allowed

    def done(self) -> bool:
        return bool(self.allowed() and self.inner.done())

    def result(self) -> Any:
        return self.inner.result()


class Spy:
    """Stands in for the CTranslate2 translator: records each batch and its options, and
    holds a batch's results back while ``hold(batch_number)`` is true."""

    def __init__(self, engine: ArgosEngine, hold: Any = None) -> None:
        self.inner = engine._load_locked()
        self.calls: list[dict[str, Any]] = []
        self.events: list[str] = []
        self.hold = hold or (lambda _n: False)
        engine._translator = self

    def translate_batch(self, batch: list[list[str]], **kwargs: Any) -> list[Held]:
        number = len(self.calls)
        self.calls.append({"lengths": [len(t) for t in batch], **kwargs})
        self.events.append("submit")
        return [Held(r, lambda n=number: not self.hold(n))
                for r in self.inner.translate_batch(batch, **kwargs)]


@pytest.fixture
def sentences(sample_text: str) -> list[str]:
    return [s.text for s in document_from_text(sample_text).sentences]


def test_thread_layout() -> None:
    assert thread_layout(0) == (1, 1)
    assert thread_layout(1) == (1, 1)
    assert thread_layout(2) == (2, 1)
    assert thread_layout(4) == (2, 2)
    assert thread_layout(7) == (2, 3)


def test_the_translator_runs_two_batches_of_one_thread_each_and_has_a_spare(installed_model: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import ctranslate2

    real = ctranslate2.Translator
    options: list[dict[str, object]] = []

    def recording(path: str, *args: object, **kwargs: object) -> object:
        options.append(kwargs)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ctranslate2, "Translator", recording)
    ArgosEngine.load(settings=EngineSettings(threads=2, process=False))
    ArgosEngine.load(settings=EngineSettings(threads=1, process=False))
    # One replica more than the batches sent at a time: free for the next run after a cancel.
    assert [(o["inter_threads"], o["intra_threads"]) for o in options] == [(3, 1), (2, 1)]


def test_decoding_settings_are_argos_own(installed_model: Path, sentences: list[str]) -> None:
    engine = ArgosEngine.load(settings=EngineSettings(beam_size=4, batch_tokens=64))
    spy = Spy(engine)
    engine.translate(sentences)
    assert spy.calls
    for call in spy.calls:
        assert call["beam_size"] == 4 and call["length_penalty"] == 0.2
        assert call["batch_type"] == "tokens" and call["asynchronous"] is True


def test_the_first_batch_is_small(installed_model: Path, sentences: list[str]) -> None:
    settings = EngineSettings(batch_tokens=256, first_batch_tokens=32)
    engine = ArgosEngine.load(settings=settings)
    spy = Spy(engine)
    engine.translate(sentences)
    first, *rest = [c["lengths"] for c in spy.calls]
    assert len(first) == 1 or len(first) * max(first) <= 32
    assert all(len(b) == 1 or len(b) * max(b) <= 256 for b in rest)
    assert len(rest) < len(sentences) - len(first)  # the rest are real batches, not one by one


def test_the_page_on_screen_is_translated_before_the_rest(installed_model: Path,
                                                         sentences: list[str]) -> None:
    """``first``: the sentences on screen (put first by the caller) are all delivered before
    any other sentence is even sent to the model, starting with a small batch."""
    texts = [f"{i} {s}" for i in range(3) for s in sentences]  # 3 pages' worth, all distinct
    on_screen = 7
    settings = EngineSettings(batch_tokens=128, first_batch_tokens=16, threads=1)
    engine = ArgosEngine.load(settings=settings)
    spy = Spy(engine)
    delivered: list[list[int]] = []
    out = engine.translate(texts, first=on_screen, on_batch=lambda i, _t: delivered.append(i))
    assert all(out) and sorted(i for b in delivered for i in b) == list(range(len(texts)))
    flat = [i for b in delivered for i in b]
    assert sorted(flat[:on_screen]) == list(range(on_screen))  # the page on screen, first
    first, *_ = [c["lengths"] for c in spy.calls]
    assert len(first) == 1 or len(first) * max(first) <= 16
    # Without ``first`` the first window is the first 256 sentences in document order: the
    # shortest of them come first, wherever they are.
    plain: list[int] = []
    engine.translate(texts, on_batch=lambda i, _t: plain.extend(i))
    assert sorted(plain[:on_screen]) != list(range(on_screen))


def test_at_beam_1_a_cancel_stops_the_batches_inside_ctranslate2(installed_model: Path,
                                                                 sentences: list[str]) -> None:
    """In this process, greedy search takes CTranslate2's per-token callback: a cancel stops
    a running batch at its next token (a beam search cannot take one, so its batches run to
    their end; a worker process is ended instead, see below)."""
    greedy = ArgosEngine.load(settings=EngineSettings(beam_size=1, batch_tokens=4096,
                                                      process=False))
    token = CancelToken()
    steps: list[int] = []
    real = greedy._load_locked().translate_batch

    def cancelling(batch: list[list[str]], **kwargs: Any) -> Any:
        stop = kwargs["callback"]

        def callback(step: Any) -> bool:
            steps.append(step.step)
            token.cancel()  # the user cancels while the batch is decoding
            return bool(stop(step))

        return real(batch, **{**kwargs, "callback": callback})

    greedy._translator = type("T", (), {"translate_batch": staticmethod(cancelling)})()
    with pytest.raises(Cancelled):
        greedy.translate(sentences, cancel=token)
    assert steps and set(steps) == {0}  # CTranslate2 stopped each sentence at its first token

    for settings in (EngineSettings(beam_size=2, process=False), EngineSettings(beam_size=1)):
        engine = ArgosEngine.load(settings=settings)
        spy = Spy(engine)
        engine.translate(sentences[:3], cancel=CancelToken())
        assert all("callback" not in c for c in spy.calls)


def test_two_batches_are_inside_ctranslate2_at_once(installed_model: Path,
                                                    sentences: list[str]) -> None:
    engine = ArgosEngine.load(settings=EngineSettings(batch_tokens=64, threads=2))
    spy = Spy(engine)
    engine.translate(sentences, on_batch=lambda _i, _t: spy.events.append("deliver"))
    assert spy.events[:2] == ["submit", "submit"]  # the second is sent before the first is back

    single = ArgosEngine.load(settings=EngineSettings(batch_tokens=64, threads=1))
    one = Spy(single)
    single.translate(sentences, on_batch=lambda _i, _t: one.events.append("deliver"))
    assert one.events[:4] == ["submit", "deliver", "submit", "deliver"]


def test_batches_finishing_out_of_order_are_delivered_right(installed_model: Path,
                                                           sentences: list[str]) -> None:
    settings = EngineSettings(batch_tokens=64, threads=1)
    in_order: list[list[int]] = []
    reference = ArgosEngine.load(settings=settings).translate(
        sentences, on_batch=lambda i, _t: in_order.append(i))
    engine = ArgosEngine.load(settings=EngineSettings(batch_tokens=64, threads=2))
    # The first batch finishes only after a third was sent, i.e. after the second was delivered.
    spy = Spy(engine, hold=lambda n: n == 0 and len(spy.calls) < 3)
    delivered: list[list[int]] = []
    progress: list[int] = []
    out = engine.translate(sentences, on_batch=lambda i, _t: delivered.append(i),
                           progress=lambda d, _t: progress.append(d))
    assert out == reference  # the same batches give the same translations, in order
    assert delivered[0] != in_order[0] and in_order[0] in delivered[1:]
    assert sorted(i for b in delivered for i in b) == list(range(len(sentences)))  # each once
    assert progress == sorted(progress) and progress[-1] == len(sentences)


def test_cancel_stops_the_run_in_the_middle_of_a_batch(installed_model: Path,
                                                       sentences: list[str]) -> None:
    engine = ArgosEngine.load(settings=EngineSettings(batch_tokens=64))
    release = threading.Event()
    spy = Spy(engine, hold=lambda _n: not release.is_set())  # no batch finishes by itself
    token = CancelToken()
    delivered: list[int] = []
    outcome: list[str] = []

    def run() -> None:
        try:
            engine.translate(sentences, cancel=token, on_batch=lambda i, _t: delivered.extend(i))
            outcome.append("finished")
        except Cancelled:
            outcome.append("cancelled")

    worker = threading.Thread(target=run)
    worker.start()
    for _ in range(WAIT * 100):
        if spy.calls:
            break
        threading.Event().wait(0.01)
    token.cancel()
    worker.join(WAIT)
    assert not worker.is_alive() and outcome == ["cancelled"]
    assert not release.is_set() and delivered == []  # it stopped while the batch was running
    assert len(spy.calls) <= engine.parallel  # nothing was sent after the cancel
    release.set()
    assert all(engine.translate(sentences[:2]))  # the engine still works afterwards


def test_a_cancel_mid_run_keeps_what_was_delivered_and_sends_no_more(installed_model: Path,
                                                                     sentences: list[str]) -> None:
    engine = ArgosEngine.load(settings=EngineSettings(batch_tokens=64))
    spy = Spy(engine)
    token = CancelToken()
    delivered: list[int] = []

    def on_batch(indices: list[int], _targets: list[str]) -> None:
        delivered.extend(indices)
        token.cancel()

    with pytest.raises(Cancelled):
        engine.translate(sentences, on_batch=on_batch, cancel=token)
    assert 0 < len(delivered) < len(sentences)
    assert len(spy.calls) <= engine.parallel  # only the batches that were already running


def test_results_do_not_depend_on_the_thread_layout(installed_model: Path,
                                                    sentences: list[str]) -> None:
    one = ArgosEngine.load(settings=EngineSettings(threads=1)).translate(sentences)
    two = ArgosEngine.load(settings=EngineSettings(threads=2)).translate(sentences)
    assert one == two


def test_the_bench_model_decodes_to_about_the_source_length(tmp_path: Path) -> None:
    import ctranslate2
    import sentencepiece as spm

    from tests.tiny_model import build_tiny_argosmodel

    archive = build_tiny_argosmodel(tmp_path, size=(2, 64, 4, 128), tokenizer_type="bpe",
                                    vocab_size=400, model_vocab_size=3000, length_ratio=1.2,
                                    quantization="int8")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path / "unpacked")
    package = tmp_path / "unpacked" / "translate-ar_en-tiny"
    vocabulary = json.loads((package / "model" / "shared_vocabulary.json").read_text())
    assert len(vocabulary) == 3000
    sp = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(package / "model"))
    assert translator.compute_type.startswith("int8")
    sources = [sp.encode(" ".join(["التنسيق الأمريكي المغربي"] * k), out_type=str)
               for k in (1, 4, 8)]
    outputs = [len(r.hypotheses[0]) for r in translator.translate_batch(sources, beam_size=2)]
    # Longer sources give proportionally longer outputs, each ended by the model itself.
    assert outputs == sorted(outputs) and outputs[0] < outputs[-1]
    for source, length in zip(sources, outputs, strict=True):
        assert len(source) <= length < 2 * len(source) + 16
    words = sp.decode(translator.translate_batch(sources[:1], beam_size=1)[0].hypotheses[0])
    assert words.strip()  # the filler pieces decode to text


# --- CTranslate2 in a worker process ------------------------------------------------------


def _until(condition: Any) -> bool:
    for _ in range(WAIT * 100):
        if condition():
            return True
        threading.Event().wait(0.01)
    return bool(condition())


def _children() -> set[int]:
    """This process's worker processes that are running."""
    import multiprocessing

    return {p.pid for p in multiprocessing.active_children()
            if p.name == "tarjuman-ctranslate2" and p.pid is not None and running(p.pid)}


@pytest.mark.parametrize("beam", [2, 4])
def test_a_cancel_ends_the_worker_process_running_the_batch(installed_model: Path,
                                                            sentences: list[str], beam: int) -> None:
    """At beam 2 and 4 CTranslate2 cannot stop a batch: the process running it is ended, so
    its CPU is free at once; the spare takes over and the next run translates as before."""
    import os
    import signal

    engine = ArgosEngine.load(settings=EngineSettings(beam_size=beam))
    translator = engine._load_locked()
    reference = ArgosEngine.load(settings=EngineSettings(beam_size=beam, process=False))
    expected = reference.translate(sentences)
    assert engine.translate(sentences[:2], cancel=CancelToken())  # a run that can be cancelled:
    assert _until(lambda: len(translator.pids) == 2)  # a spare is loaded beside the worker
    working, spare = translator.pids
    # Hold the worker so the batches are certainly still running when the user cancels.
    os.kill(working, signal.SIGSTOP)
    token = CancelToken()
    outcome: list[str] = []

    def run() -> None:
        try:
            engine.translate(sentences, cancel=token)
            outcome.append("finished")
        except Cancelled:
            outcome.append("cancelled")

    thread = threading.Thread(target=run)
    thread.start()
    assert _until(lambda: translator._active.jobs)  # a batch was sent to the worker
    token.cancel()
    thread.join(WAIT)
    assert outcome == ["cancelled"]
    assert _until(lambda: not running(working))  # it has exited: it uses no CPU
    assert translator.pids[0] == spare  # the spare, already loaded, works now
    assert engine.translate(sentences) == expected  # the same as in this process
    assert _until(lambda: len(translator.pids) == 2)  # and a new spare waits
    pids = translator.pids
    engine.close()
    assert _until(lambda: not any(running(p) for p in pids))


def test_a_finished_run_leaves_the_worker_alone(installed_model: Path, sentences: list[str]) -> None:
    engine = ArgosEngine.load(settings=EngineSettings(beam_size=4))
    working = engine._load_locked().pids[0]
    token = CancelToken()
    engine.translate(sentences, cancel=token)
    token.cancel()  # too late: nothing is running
    assert engine._load_locked().pids[0] == working and running(working)
    engine.close()


def test_a_run_that_cannot_be_cancelled_starts_no_spare(installed_model: Path,
                                                       sentences: list[str]) -> None:
    """The CLI cannot cancel: it loads the model once, in one process."""
    engine = ArgosEngine.load()
    assert all(engine.translate(sentences))
    translator = engine._load_locked()
    assert translator._spare is None and translator._spare_timer is None
    assert len(translator.pids) == 1
    engine.close()


def test_a_crashed_worker_is_a_clear_error_and_the_next_run_works(installed_model: Path,
                                                                 sentences: list[str]) -> None:
    import os
    import signal

    from desktop.core.errors import EngineStoppedError

    engine = ArgosEngine.load()
    translator = engine._load_locked()
    working = translator.pids[0]
    expected = engine.translate(sentences)
    os.kill(working, signal.SIGSTOP)
    errors: list[BaseException] = []
    delivered: list[int] = []

    def run() -> None:
        try:
            engine.translate(sentences, on_batch=lambda i, _t: delivered.extend(i))
        except BaseException as exc:  # noqa: B036 - the test looks at what reached the caller
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    assert _until(lambda: translator._active.jobs)
    os.kill(working, signal.SIGKILL)  # out of memory, or killed by someone
    thread.join(WAIT)
    assert len(errors) == 1 and isinstance(errors[0], EngineStoppedError)
    message = str(errors[0])
    assert "stopped unexpectedly" in message and "SIGKILL" in message and "kept" in message
    assert delivered == []
    assert engine.translate(sentences) == expected  # the spare took over
    engine.close()


def test_a_broken_model_is_a_load_error_and_leaves_no_process(tmp_path: Path, empty_model_dir: Path) -> None:
    from desktop.core.errors import ModelLoadError
    from desktop.core.translation import packages
    from tests.tiny_model import build_tiny_argosmodel

    info = packages.install_package_file(build_tiny_argosmodel(tmp_path))
    (info.path / "model" / "model.bin").write_bytes(b"garbage")
    before = _children()
    with pytest.raises(ModelLoadError, match="cannot be loaded.*install it again"):
        ArgosEngine.load()
    assert _until(lambda: _children() <= before)


def test_no_worker_process_outlives_the_engine_or_the_program(installed_model: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    engine = ArgosEngine.load()
    assert engine.translate(["الرباط"], cancel=CancelToken())[0]
    assert _until(lambda: len(engine._load_locked().pids) == 2)  # working and spare
    pids = engine._load_locked().pids
    engine.close()
    assert _until(lambda: not any(running(p) for p in pids))
    dropped = ArgosEngine.load()
    assert dropped.translate(["الرباط"])[0]
    pids = dropped._load_locked().pids
    del dropped  # no reference left: its processes end (no cycle waits for the collector)
    assert _until(lambda: not any(running(p) for p in pids))

    script = ("import sys, time\n"
              "from desktop.core.tasks import CancelToken\n"
              "from desktop.core.translation.engine import ArgosEngine\n"
              "e = ArgosEngine.load(); e.translate(['الرباط'], cancel=CancelToken())\n"
              "while len(e._load_locked().pids) < 2: time.sleep(0.01)\n"
              "print(*e._load_locked().pids, flush=True)\n"
              "sys.stdin.readline()\n")
    for ending in ("exits", "is killed"):
        program = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, text=True, env=os.environ.copy())
        assert program.stdout is not None and program.stdin is not None
        children = [int(p) for p in program.stdout.readline().split()]
        assert len(children) == 2 and all(running(p) for p in children)
        if ending == "exits":
            program.stdin.write("\n")
            program.stdin.close()
        else:
            program.send_signal(signal.SIGKILL)
        program.wait(WAIT)
        assert _until(lambda pids=children: not any(running(p) for p in pids)), ending

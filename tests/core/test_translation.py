from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from desktop.core.documents import document_from_text
from desktop.core.errors import BadInputError, Cancelled, ModelLoadError, NoModelError
from desktop.core.tasks import CancelToken
from desktop.core.translation import packages
from desktop.core.translation.engine import MAX_SOURCE_TOKENS, ArgosEngine, EngineSettings


def test_translates_every_sentence_of_the_sample(installed_model: Path, sample_text: str) -> None:
    doc = document_from_text(sample_text)
    engine = ArgosEngine.load()
    batches: list[list[int]] = []
    progress: list[tuple[int, int]] = []
    targets = engine.translate([s.text for s in doc.sentences],
                               on_batch=lambda idx, _t: batches.append(idx),
                               progress=lambda d, t: progress.append((d, t)))
    assert len(targets) == len(doc.sentences)
    assert all(isinstance(t, str) and t for t in targets)
    delivered = sorted(i for b in batches for i in b)
    assert delivered == list(range(len(doc.sentences)))  # each sentence delivered exactly once
    assert progress[-1] == (len(doc.sentences), len(doc.sentences))
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_punctuation_only_sentences_pass_through(installed_model: Path) -> None:
    engine = ArgosEngine.load()
    assert engine.translate(["...", "*", "—"]) == ["...", "*", "—"]
    assert engine.translate([]) == []


def test_model_is_loaded_once(installed_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ctranslate2

    real = ctranslate2.Translator
    loads: list[str] = []

    def counting(path: str, *args: object, **kwargs: object) -> object:
        loads.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ctranslate2, "Translator", counting)
    engine = ArgosEngine.load(settings=EngineSettings(process=False))
    engine.translate(["نجح التنسيق الأمريكي المغربي."])
    engine.translate(["مدير مكتب التحقيقات الفيدرالي.", "الرباط"])
    assert len(loads) == 1
    # In a worker process (the default): the same working process for every run.
    engine = ArgosEngine.load()
    working = engine._load_locked().pids[0]
    assert all(engine.translate(["نجح التنسيق الأمريكي المغربي."]))
    assert all(engine.translate(["مدير مكتب التحقيقات الفيدرالي.", "الرباط"]))
    assert engine._load_locked().pids[0] == working
    engine.close()


def test_batches_are_small_and_sorted(installed_model: Path, sample_text: str,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    engine = ArgosEngine.load(settings=EngineSettings(batch_tokens=64))
    calls: list[list[int]] = []
    translator = engine._load_locked()

    class Spy:
        def translate_batch(self, batch: list[list[str]], **kwargs: object) -> object:
            calls.append([len(t) for t in batch])
            assert kwargs["batch_type"] == "tokens"
            assert kwargs["max_decoding_length"] <= 2 * max(len(t) for t in batch) + 16
            return translator.translate_batch(batch, **kwargs)

    monkeypatch.setattr(engine, "_translator", Spy())
    doc = document_from_text(sample_text)
    engine.translate([s.text for s in doc.sentences])
    assert len(calls) > 1
    flat = [n for call in calls for n in call]
    assert flat == sorted(flat)


def test_long_sentence_is_cut_and_rejoined(installed_model: Path) -> None:
    engine = ArgosEngine.load()
    long = " ".join(["التنسيق الأمريكي المغربي"] * 300)
    out = engine.translate([long, "الرباط"])
    assert len(out) == 2 and all(out)


def test_no_model_is_a_typed_error(empty_model_dir: Path) -> None:
    with pytest.raises(NoModelError, match="No Arabic→English translation model"):
        ArgosEngine.load()


def test_install_list_and_remove(empty_model_dir: Path, tiny_model_file: Path) -> None:
    progress: list[tuple[int, int]] = []
    info = packages.install_package_file(tiny_model_file, progress=lambda d, t: progress.append((d, t)))
    assert (info.from_code, info.to_code) == ("ar", "en")
    assert progress and progress[-1][0] == progress[-1][1]
    assert [m.pair for m in packages.list_installed()] == ["ar-en"]
    assert "meaningless" in packages.list_installed()[0].note
    assert ArgosEngine.load().translate(["الرباط"])[0]
    assert sorted(p.name for p in empty_model_dir.iterdir()) == [info.path.name]
    packages.remove_package("ar", "en")
    assert packages.list_installed() == []
    assert list(empty_model_dir.iterdir()) == []


def _rezip(src: Path, dest: Path, *, drop: str | None = None, rename_top: str | None = None,
           metadata: dict[str, object] | None = None, extra: dict[str, bytes] | None = None,
           replace: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            name = item.filename
            rel = name.split("/", 1)[1] if "/" in name else ""
            if drop and rel == drop:
                continue
            data = zin.read(item)
            if metadata is not None and rel == "metadata.json":
                meta = json.loads(data)
                meta.update(metadata)
                data = json.dumps(meta).encode()
            if replace and rel in replace:
                data = replace[rel]
            if rename_top:
                name = rename_top + "/" + rel
            zout.writestr(name, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return dest


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda src, d: (d / "x.argosmodel").write_bytes(b"not a zip") and d / "x.argosmodel", "not a zip"),
        (lambda src, d: _rezip(src, d / "x.argosmodel", drop="metadata.json"), "no metadata.json"),
        (lambda src, d: _rezip(src, d / "x.argosmodel", metadata={"to_code": "fr"}), "ar→fr"),
        (lambda src, d: _rezip(src, d / "x.argosmodel", drop="model/model.bin"), "no CTranslate2 model"),
        (lambda src, d: _rezip(src, d / "x.argosmodel", drop="sentencepiece.model"), "no tokenizer"),
        (lambda src, d: _rezip(src, d / "x.argosmodel", extra={"../evil.txt": b"x"}), "unsafe path"),
        (lambda src, d: _rezip(src, d / "x.argosmodel", extra={"/abs.txt": b"x"}), "unsafe path"),
        (lambda src, d: _rezip(src, d / "x.argosmodel", replace={"model/model.bin": b"garbage"}),
         "cannot be loaded"),
    ],
    ids=["not-zip", "no-metadata", "wrong-pair", "no-model", "no-tokenizer", "dotdot", "absolute",
         "garbage-model"],
)
def test_bad_model_files_are_refused_and_leave_nothing(empty_model_dir: Path, tiny_model_file: Path,
                                                       tmp_path: Path, make, message: str) -> None:
    bad = make(tiny_model_file, tmp_path)
    with pytest.raises((BadInputError, ModelLoadError), match=message):
        packages.install_package_file(bad)
    assert list(empty_model_dir.iterdir()) == []
    assert not (tmp_path / "evil.txt").exists()


def test_failed_reinstall_keeps_the_working_model(empty_model_dir: Path, tiny_model_file: Path,
                                                  tmp_path: Path) -> None:
    packages.install_package_file(tiny_model_file)
    broken = _rezip(tiny_model_file, tmp_path / "broken.argosmodel",
                    replace={"model/model.bin": b"garbage"})
    with pytest.raises(ModelLoadError):
        packages.install_package_file(broken)
    assert ArgosEngine.load().translate(["الرباط"])[0]


def test_cancelled_install_leaves_nothing(empty_model_dir: Path, tiny_model_file: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        packages.install_package_file(tiny_model_file, cancel=token)
    assert list(empty_model_dir.iterdir()) == []


def test_download_without_network_is_a_clear_error(empty_model_dir: Path) -> None:
    with pytest.raises(packages.NetworkError, match="Could not reach the Argos package index"):
        packages.download_package()


def test_target_prefix_is_sent_and_stripped(tmp_path: Path, empty_model_dir: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.tiny_model import build_tiny_argosmodel

    packages.install_package_file(build_tiny_argosmodel(tmp_path, target_prefix="__en__"))
    engine = ArgosEngine.load()
    assert engine.target_prefix == "__en__"
    translator = engine._load_locked()
    prefixes: list[object] = []

    class Spy:
        def translate_batch(self, batch: list[list[str]], **kwargs: object) -> object:
            prefixes.append(kwargs["target_prefix"])
            return translator.translate_batch(batch, **kwargs)

    monkeypatch.setattr(engine, "_translator", Spy())
    out = engine.translate(["نجح التنسيق.", "الرباط"])
    assert prefixes == [[["__en__"], ["__en__"]]]
    assert all(t and not t.startswith("__en__") for t in out)


def test_damaged_installed_model_names_the_package(empty_model_dir: Path, tiny_model_file: Path) -> None:
    info = packages.install_package_file(tiny_model_file)
    (info.path / "model" / "model.bin").write_bytes(b"\x00garbage")
    with pytest.raises(ModelLoadError) as caught:
        ArgosEngine.load()
    assert str(info.path) in str(caught.value) and "install it again" in str(caught.value)


def test_symlink_member_is_refused(empty_model_dir: Path, tiny_model_file: Path, tmp_path: Path) -> None:
    import stat

    bad = tmp_path / "link.argosmodel"
    with zipfile.ZipFile(tiny_model_file) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item))
        link = zipfile.ZipInfo("translate-ar_en-tiny/evil")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zout.writestr(link, "/etc/passwd")
    with pytest.raises(BadInputError, match="symbolic link"):
        packages.install_package_file(bad)
    assert list(empty_model_dir.iterdir()) == []


def test_oversized_archive_is_refused_before_extracting(empty_model_dir: Path, tiny_model_file: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_UNCOMPRESSED_BYTES", 10_000)
    with pytest.raises(BadInputError, match="would unpack to"):
        packages.install_package_file(tiny_model_file)
    assert list(empty_model_dir.iterdir()) == []


def test_failure_mid_extraction_leaves_nothing_and_keeps_the_old_model(
        empty_model_dir: Path, tiny_model_file: Path) -> None:
    first = packages.install_package_file(tiny_model_file)
    before = sorted(p.relative_to(first.path) for p in first.path.rglob("*"))
    token = CancelToken()
    calls = 0

    def progress(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:  # some files are already written to the staging folder
            token.cancel()

    with pytest.raises(Cancelled):
        packages.install_package_file(tiny_model_file, progress=progress, cancel=token)
    assert [p.name for p in empty_model_dir.iterdir()] == [first.path.name]  # no staging left
    assert sorted(p.relative_to(first.path) for p in first.path.rglob("*")) == before
    assert ArgosEngine.load().translate(["الرباط"])[0]


def test_the_screen_is_translated_first_then_the_document_from_there(
        installed_model: Path, tmp_path: Path, sample_text: str) -> None:
    """Workspace.translation_job(page=...): the rows on screen go to the model first, then
    the rows after them, then those before; every row is translated once in the end."""
    import re

    from desktop.core.translation import memory
    from desktop.core.workspace import Workspace

    ws = Workspace.open(tmp_path / "glossary.db")
    try:
        ws.engine = ArgosEngine.load(settings=EngineSettings(threads=1, batch_tokens=128))
        text = "\n".join(sample_text.replace(".", f" {i}.") for i in range(3))
        ws.show_document(ws.prepare_document(document_from_text(text)))
        doc = ws.document
        assert doc is not None
        n = len(doc)
        screen = range(n // 2, n // 2 + 10)
        job = ws.translation_job(page=screen)
        assert job is not None
        assert job.rows == list(screen) + list(range(screen.stop, n)) + list(range(screen.start))
        assert job.first == len(screen)
        delivered: list[int] = []
        job.run(lambda rows, _targets, _edited: delivered.extend(rows))
        assert sorted(delivered) == list(range(n))
        # Sentences elsewhere come with the screen's only when they are the same sentence
        # (translated once) or have no letters at all (kept as they are, at once).
        keys = {memory.source_key(doc.sentences[r].text) for r in screen}
        others = [k for k, r in enumerate(delivered)
                  if memory.source_key(doc.sentences[r].text) not in keys
                  and re.search(r"\w", doc.sentences[r].text)]
        assert max(delivered.index(r) for r in screen) < min(others)
    finally:
        ws.close()


def test_a_sentence_is_argos_own_translation_at_the_same_settings(
        installed_model: Path, sample_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """At Argos' beam (4) and the model's own computation type, each sentence gets exactly
    what Argos' own path gives it (``apply_packaged_translation``, one sentence per call, on
    a translator built as Argos builds it). Batching changes CTranslate2's arithmetic a
    little, so sentences are compared one at a time on both sides."""
    import ctranslate2
    from argostranslate import settings as argos_settings
    from argostranslate import translate as argos_translate

    engine = ArgosEngine.load(settings=EngineSettings(beam_size=4, compute_type="default",
                                                      threads=1))
    translator = ctranslate2.Translator(str(engine.info.path / "model"), device="cpu",
                                        inter_threads=1, intra_threads=1)
    monkeypatch.setattr(argos_settings, "beam_size", 4)

    class AsGiven:  # Argos' sentence splitter would download a model
        @staticmethod
        def split_sentences(text: str) -> list[str]:
            return [text]

    # (A sentence longer than MAX_SOURCE_TOKENS is cut in pieces, which Argos does not do.)
    sentences = [s.text for s in document_from_text(sample_text).sentences
                 if any(c.isalpha() for c in s.text)
                 and len(engine.package.tokenizer.encode(s.text)) <= MAX_SOURCE_TOKENS][:12]
    assert len(sentences) >= 8
    for sentence in sentences:
        theirs = argos_translate.apply_packaged_translation(
            engine.package, sentence, translator, AsGiven(), num_hypotheses=1)[0].value
        assert engine.translate([sentence]) == [theirs.strip()]

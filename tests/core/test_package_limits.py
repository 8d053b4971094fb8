"""Hostile .argosmodel packages are refused with a message naming the problem, leave the
packages folder as it was, and never disturb the working model already installed.

Every hostile package is the tiny real package of tests/tiny_model.py with one thing changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import shutil
import struct
import zipfile
from pathlib import Path
from typing import Any, Callable

import pytest

from desktop.cli import main as cli_main
from desktop.core.errors import BadInputError
from desktop.core.translation import packages
from desktop.core.translation.engine import ArgosEngine
from desktop.core.translation.packages import ModelInfo

TINY_TOP = "translate-ar_en-tiny"
HOSTILE_TOP = "translate-ar_en-hostile"


def _metadata(tiny: Path) -> dict[str, Any]:
    with zipfile.ZipFile(tiny) as zf:
        meta: dict[str, Any] = json.loads(zf.read(f"{TINY_TOP}/metadata.json"))
    return meta


def _repack(tiny: Path, dest: Path, *, top: str = HOSTILE_TOP, metadata: bytes | None = None,
            extra: dict[str, bytes] | None = None) -> Path:
    """The tiny package under top folder ``top``, with metadata.json replaced by ``metadata``
    and ``extra`` files (paths below the top folder) added, all deflated."""
    with zipfile.ZipFile(tiny) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            rel = item.filename.split("/", 1)[1]
            data = zin.read(item)
            if rel == "metadata.json" and metadata is not None:
                data = metadata
            zout.writestr(f"{top}/{rel}", data)
        for rel, data in (extra or {}).items():
            zout.writestr(f"{top}/{rel}", data)
    return dest


def _declare_size(archive: Path, member: str, size: int) -> None:
    """Make ``member`` claim ``size`` uncompressed bytes in both its headers (size < 4 GiB).

    A zip bomb for the price of a few bytes: zipfile trusts the central directory's size.
    """
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        local = zf.getinfo(member).header_offset
        offset = zf.start_dir
    struct.pack_into("<I", data, local + 22, size)  # local file header: uncompressed size
    while data[offset:offset + 4] == b"PK\x01\x02":  # central directory records
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, offset + 28)
        if data[offset + 46:offset + 46 + name_len] == member.encode():
            struct.pack_into("<I", data, offset + 24, size)
        offset += 46 + name_len + extra_len + comment_len
    archive.write_bytes(bytes(data))
    with zipfile.ZipFile(archive) as zf:
        assert zf.getinfo(member).file_size == size


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def working(empty_model_dir: Path, tiny_model_file: Path) -> ModelInfo:
    """The tiny ar→en package, installed and working."""
    return packages.install_package_file(tiny_model_file)


@pytest.fixture
def untouched(working: ModelInfo, empty_model_dir: Path) -> Callable[[], None]:
    """Call after a refusal: the packages folder is as it was and the working model still
    lists, is the one chosen, and translates."""
    before = _snapshot(working.path)

    def check() -> None:
        assert [p.name for p in empty_model_dir.iterdir()] == [working.path.name]
        assert _snapshot(working.path) == before
        assert [(m.pair, m.path) for m in packages.list_installed()] == [("ar-en", working.path)]
        engine = ArgosEngine.load()
        assert engine.info.path == working.path
        assert engine.translate(["الرباط"])[0]

    return check


class _OpenedMembers:
    """Records the names of the zip members opened for reading."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.names: list[str] = []
        real_open = zipfile.ZipFile.open

        def spy(zf: zipfile.ZipFile, name: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            if mode == "r":
                self.names.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
            return real_open(zf, name, mode, *args, **kwargs)

        monkeypatch.setattr(zipfile.ZipFile, "open", spy)


# --- metadata.json -------------------------------------------------------------------------


def test_oversized_metadata_is_refused_without_reading_it(
        tiny_model_file: Path, tmp_path: Path, untouched: Callable[[], None],
        monkeypatch: pytest.MonkeyPatch) -> None:
    padded = json.dumps(_metadata(tiny_model_file)).encode() + b" " * (2 * 1024**2)
    bad = _repack(tiny_model_file, tmp_path / "big-metadata.argosmodel", metadata=padded)
    opened = _OpenedMembers(monkeypatch)
    with pytest.raises(BadInputError, match=r"metadata\.json: it is 2\.0 MB, more than the 1\.0 MB"):
        packages.install_package_file(bad)
    assert opened.names == []
    untouched()


@pytest.mark.parametrize("depth", [30, 100_000], ids=["30-levels", "recursion-error"])
def test_deeply_nested_metadata_is_refused(tiny_model_file: Path, tmp_path: Path,
                                           untouched: Callable[[], None], depth: int) -> None:
    meta = json.dumps(_metadata(tiny_model_file))
    nested = (meta[:-1] + f', "extra": {_nested(depth)}}}').encode()
    bad = _repack(tiny_model_file, tmp_path / "nested.argosmodel", metadata=nested)
    with pytest.raises(BadInputError, match="metadata.json: it nests more than 20 levels deep"):
        packages.install_package_file(bad)
    untouched()


def test_nesting_scan_skips_brackets_inside_strings() -> None:
    assert not packages._nests_deeper_than(json.dumps({"note": "[" * 50 + '\\"{' * 50}), 20)
    assert packages._nests_deeper_than(json.dumps({"a": [[[["x"]]]]}), 4)
    assert not packages._nests_deeper_than(json.dumps({"a": [[["x"]]]}), 4)


def _copy_installed(working: ModelInfo, folder: Path, metadata: bytes) -> Path:
    """A copy of the working package's folder, as if installed earlier, with ``metadata``."""
    copy = folder / HOSTILE_TOP
    shutil.copytree(working.path, copy)
    (copy / "metadata.json").write_bytes(metadata)
    return copy


@pytest.mark.parametrize("problem", ["oversized", "nested"])
def test_installed_folder_with_hostile_metadata_is_skipped(
        working: ModelInfo, empty_model_dir: Path, tiny_model_file: Path,
        caplog: pytest.LogCaptureFixture, problem: str) -> None:
    meta = _metadata(tiny_model_file) | {"package_version": "9.9"}  # would be preferred
    if problem == "oversized":
        raw = json.dumps(meta).encode() + b" " * (2 * 1024**2)
        reason = "it is 2.0 MB, more than the 1.0 MB allowed"
    else:
        raw = json.dumps(meta | {"extra": "NESTED"}).replace('"NESTED"', _nested(30)).encode()
        reason = "it nests more than 20 levels deep"
    hostile = _copy_installed(working, empty_model_dir, raw)
    with caplog.at_level(logging.WARNING, logger=packages.__name__):
        assert [m.path for m in packages.list_installed()] == [working.path]
    assert any(str(hostile) in r.getMessage() and reason in r.getMessage() for r in caplog.records)
    engine = ArgosEngine.load()
    assert engine.info.path == working.path and engine.translate(["الرباط"])[0]


# --- size and number of files --------------------------------------------------------------


def test_declared_size_over_the_cap_is_refused_without_extracting(
        tiny_model_file: Path, tmp_path: Path, untouched: Callable[[], None],
        monkeypatch: pytest.MonkeyPatch) -> None:
    bad = _repack(tiny_model_file, tmp_path / "bomb.argosmodel", extra={"blob.bin": bytes(1024)})
    _declare_size(bad, f"{HOSTILE_TOP}/blob.bin", 3584 * 1024**2)  # 3.5 GB, under the old cap
    opened = _OpenedMembers(monkeypatch)
    with pytest.raises(BadInputError, match=r"would unpack to 3\.5 GB, more than the 2\.0 GB"):
        packages.install_package_file(bad)
    assert opened.names == []  # refused on the declared sizes alone
    untouched()


def test_zip_bomb_of_zeros_is_refused(tiny_model_file: Path, tmp_path: Path,
                                      untouched: Callable[[], None],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _repack(tiny_model_file, tmp_path / "zeros.argosmodel",
                   extra={"zeros.bin": bytes(16 * 1024**2)})
    assert bomb.stat().st_size < 1024**2  # 16 MB of zeros deflate to a few KB
    monkeypatch.setattr(packages, "MAX_UNCOMPRESSED_BYTES", 8 * 1024**2)
    with pytest.raises(BadInputError,
                       match=r"would unpack to 16\.\d MB, more than the 8\.0 MB a model package may take"):
        packages.install_package_file(bomb)
    untouched()


def test_member_larger_than_it_declares_never_gets_past_its_size(
        tiny_model_file: Path, tmp_path: Path, untouched: Callable[[], None],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """zipfile itself stops at the declared size; should a member still yield more (another
    zip reader, a zipfile bug), not one byte past its declared size is written."""
    package = _repack(tiny_model_file, tmp_path / "liar.argosmodel")
    liar = f"{HOSTILE_TOP}/model/model.bin"
    with zipfile.ZipFile(package) as zf:
        declared = zf.getinfo(liar).file_size
    real_open = zipfile.ZipFile.open

    def lying_open(zf: zipfile.ZipFile, name: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(zf, name, mode, *args, **kwargs)
        if getattr(name, "filename", name) != liar:
            return handle
        with handle:
            return io.BytesIO(handle.read() + bytes(2 * 1024**2))

    staged: dict[str, int] = {}
    real_rmtree = shutil.rmtree

    def rmtree_spy(path: Any, *args: Any, **kwargs: Any) -> None:
        staged.update({p.name: p.stat().st_size for p in Path(path).rglob("*") if p.is_file()})
        real_rmtree(path, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(zipfile.ZipFile, "open", lying_open)
        patch.setattr(packages.shutil, "rmtree", rmtree_spy)
        with pytest.raises(BadInputError, match=r"model/model\.bin unpacks to more than the .* it declares"):
            packages.install_package_file(package)
    assert staged["model.bin"] <= declared
    untouched()


def test_too_many_files_are_refused(tiny_model_file: Path, tmp_path: Path,
                                    untouched: Callable[[], None]) -> None:
    many = {f"notes/{i}.txt": b"" for i in range(packages.MAX_MEMBERS)}
    bad = _repack(tiny_model_file, tmp_path / "many.argosmodel", extra=many)
    with pytest.raises(BadInputError, match=r"too many files \(10,006; a model package may have 10,000\)"):
        packages.install_package_file(bad)
    untouched()


# --- type and top folder -------------------------------------------------------------------


@pytest.mark.parametrize("kind, shown", [("sbd", "'sbd'"), (["translate"], r"\['translate'\]")])
def test_package_that_is_not_a_translation_model_is_refused(
        tiny_model_file: Path, tmp_path: Path, untouched: Callable[[], None], kind: object,
        shown: str) -> None:
    # Same top folder as the working package: installing it would replace that package.
    meta = _metadata(tiny_model_file) | {"type": kind}
    bad = _repack(tiny_model_file, tmp_path / "sbd.argosmodel", top=TINY_TOP,
                  metadata=json.dumps(meta).encode())
    with pytest.raises(BadInputError, match=f"is a {shown} package, not a translation model"):
        packages.install_package_file(bad)
    untouched()


def test_package_without_a_type_is_a_translation_model(
        working: ModelInfo, tiny_model_file: Path, tmp_path: Path) -> None:
    """As in argostranslate, which reads a missing type as "translate"."""
    meta = _metadata(tiny_model_file)
    del meta["type"]
    untyped = _repack(tiny_model_file, tmp_path / "untyped.argosmodel",
                      metadata=json.dumps(meta).encode())
    info = packages.install_package_file(untyped)
    assert info.path.name == HOSTILE_TOP
    assert sorted(m.path.name for m in packages.list_installed()) == [HOSTILE_TOP, TINY_TOP]


@pytest.mark.parametrize("top", [".hidden-ar_en", "...", "a" * 101, "ar en", "ar_en" + "é"])
def test_unusable_top_folder_name_is_refused(tiny_model_file: Path, tmp_path: Path,
                                             untouched: Callable[[], None], top: str) -> None:
    bad = _repack(tiny_model_file, tmp_path / "top.argosmodel", top=top)
    with pytest.raises(BadInputError, match="unusable top folder name"):
        packages.install_package_file(bad)
    untouched()


@pytest.mark.parametrize("top", ["ar_en", "translate-ar_en-1_9", "ar_en.v2", "_x"])
def test_plain_top_folder_names_install(empty_model_dir: Path, tiny_model_file: Path,
                                        tmp_path: Path, top: str) -> None:
    info = packages.install_package_file(_repack(tiny_model_file, tmp_path / "ok.argosmodel", top=top))
    assert [m.path for m in packages.list_installed()] == [info.path] == [empty_model_dir / top]


# --- the command line ----------------------------------------------------------------------


def _deep(tiny: Path, dest: Path) -> Path:
    meta = json.dumps(_metadata(tiny))
    return _repack(tiny, dest, metadata=(meta[:-1] + f', "x": {_nested(100_000)}}}').encode())


def _bomb(tiny: Path, dest: Path) -> Path:
    bomb = _repack(tiny, dest, extra={"blob.bin": bytes(1024)})
    _declare_size(bomb, f"{HOSTILE_TOP}/blob.bin", 3584 * 1024**2)
    return bomb


def _sbd(tiny: Path, dest: Path) -> Path:
    return _repack(tiny, dest, top=TINY_TOP,
                   metadata=json.dumps(_metadata(tiny) | {"type": "sbd"}).encode())


def _big_metadata(tiny: Path, dest: Path) -> Path:
    return _repack(tiny, dest, metadata=json.dumps(_metadata(tiny)).encode() + b" " * 1024**2)


@pytest.mark.parametrize("make, message", [
    (_deep, "nests more than 20 levels deep"),
    (_bomb, "would unpack to 3.5 GB"),
    (_sbd, "not a translation model"),
    (_big_metadata, "more than the 1.0 MB allowed"),
    (lambda tiny, dest: _repack(tiny, dest, top=".hidden-ar_en"), "unusable top folder name"),
], ids=["nested", "bomb", "sbd", "big-metadata", "hidden-top"])
def test_cli_install_exits_4_on_a_hostile_package(
        tiny_model_file: Path, tmp_path: Path, untouched: Callable[[], None],
        make: Callable[[Path, Path], Path], message: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(["models", "install", str(make(tiny_model_file, tmp_path / "x.argosmodel"))],
                    stdout=out, stderr=err)
    assert (code, out.getvalue()) == (4, "")
    assert err.getvalue().startswith("tarjuman: ") and message in err.getvalue()
    untouched()

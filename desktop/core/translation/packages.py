"""Installed Argos model packages: list, validate, install atomically, remove, download.

Argostranslate's own ``install_from_path`` runs ``extractall`` straight into the packages
folder with no checks, so a bad or hostile file can leave half a package (or write outside
the folder). Tarjuman validates the zip first, extracts into a temporary folder next to the
packages folder, checks that the package loads, and only then renames it into place.

A package is untrusted input: its size, its number of files, its metadata.json (size and
nesting), its type and its top folder name are all limited before anything is unpacked, and
installed folders are read with the same metadata limits, so one hostile package can neither
fill the disk nor make every listing of the installed models slow or crash it.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import re
import shutil
import stat
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from desktop.core.errors import BadInputError, ModelLoadError, TarjumanError
from desktop.core.tasks import CancelToken, ProgressFn, check, report
from desktop.core.translation import argos

log = logging.getLogger(__name__)

# A real Argos model unpacks to a few hundred MB; the caps leave room for bigger ones.
MAX_UNCOMPRESSED_BYTES = 2 * 1024**3
MAX_MEMBERS = 10_000
# metadata.json is a few hundred bytes of flat JSON, read at every listing of the models.
MAX_METADATA_BYTES = 1024**2
MAX_METADATA_DEPTH = 20
# The top folder becomes the installed folder's name: listing skips names starting with ".",
# so such a package could never be listed or removed.
MAX_TOP_NAME = 100
_TOP_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")
# Tokens that matter for JSON nesting: an escape pair (so an escaped quote is not a quote),
# a quote, or a bracket.
_JSON_TOKEN = re.compile(r'\\.|["\[\]{}]', re.DOTALL)
SOURCE, TARGET = "ar", "en"


class NetworkError(TarjumanError):
    """The package index or a download could not be reached."""

    exit_code = 1


@dataclass(frozen=True)
class ModelInfo:
    """An installed model package as plain data."""

    from_code: str
    to_code: str
    from_name: str
    to_name: str
    version: str
    path: Path
    size_bytes: int
    note: str

    @property
    def pair(self) -> str:
        return f"{self.from_code}-{self.to_code}"

    @property
    def model_id(self) -> str:
        return f"{self.path.name}@{self.version}"


def _dir_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:
                pass
    return total


def _size(count: int) -> str:
    """A byte count for a message, e.g. “3.5 GB” or “2.0 MB”."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} bytes"


def _short(value: object, limit: int = 40) -> str:
    """``repr(value)`` cut to ``limit`` characters: hostile names and values can be huge."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _nests_deeper_than(text: str, limit: int) -> bool:
    """Whether arrays and objects in JSON ``text`` nest more than ``limit`` levels deep.

    Found by scanning, without parsing: ``json.loads`` recurses once per level, so thousands
    of levels raise ``RecursionError`` (and could overflow a worker thread's smaller stack).
    """
    depth = 0
    in_string = False
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token == '"':
            in_string = not in_string
        elif in_string or token[0] == "\\":
            continue
        elif token in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _parse_metadata(raw: bytes) -> dict[str, Any]:
    """The metadata.json object in ``raw``; ``ValueError`` (a plain reason) if it is unusable."""
    if len(raw) > MAX_METADATA_BYTES:
        raise ValueError(f"it is larger than the {_size(MAX_METADATA_BYTES)} allowed")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8 text") from None
    too_deep = f"it nests more than {MAX_METADATA_DEPTH} levels deep"
    if _nests_deeper_than(text, MAX_METADATA_DEPTH):
        raise ValueError(too_deep)
    try:
        metadata = json.loads(text)
    except RecursionError:  # the scan above should make this impossible
        raise ValueError(too_deep) from None
    except ValueError:
        raise ValueError("it is not valid JSON") from None
    if not isinstance(metadata, dict):
        raise ValueError("it is not a JSON object")
    return metadata


def _read_installed_metadata(folder: Path) -> dict[str, Any]:
    """An installed folder's metadata.json, read with the install limits.

    A folder installed by an older Tarjuman or by argostranslate itself may hold a huge file;
    it is never read whole. Raises ``OSError`` or ``ValueError`` (a plain reason).
    """
    path = folder / "metadata.json"
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("it is not a regular file")
    if info.st_size > MAX_METADATA_BYTES:
        raise ValueError(f"it is {_size(info.st_size)}, more than the {_size(MAX_METADATA_BYTES)} allowed")
    with path.open("rb") as fh:
        return _parse_metadata(fh.read(MAX_METADATA_BYTES + 1))


def _info(pkg: Any) -> ModelInfo:
    path = Path(pkg.package_path)
    note = ""
    try:
        meta = _read_installed_metadata(path)
        note = str(meta.get("note") or meta.get("license") or "")
    except (OSError, ValueError):
        pass
    return ModelInfo(
        from_code=str(pkg.from_code or ""),
        to_code=str(pkg.to_code or ""),
        from_name=str(pkg.from_name or pkg.from_code or ""),
        to_name=str(pkg.to_name or pkg.to_code or ""),
        version=str(pkg.package_version or ""),
        path=path,
        size_bytes=_dir_size(path),
        note=note,
    )


def installed_packages() -> list[Any]:
    """Every loadable installed translation package (``argostranslate`` ``Package`` objects).

    Unlike ``argostranslate.package.get_installed_packages`` this skips (and logs) folders that
    are not valid packages instead of failing on them, and checks metadata.json against the
    install limits before argostranslate reads it whole.
    """
    found = []
    for directory in argos.package_dirs():
        if not directory.is_dir():
            continue
        for child in sorted(directory.iterdir()):
            if not child.is_dir() or child.name.startswith("."):
                continue
            try:
                _read_installed_metadata(child)
            except (OSError, ValueError) as exc:
                log.warning("skipping package folder %s: unusable metadata.json (%s)", child, exc)
                continue
            try:
                pkg = argos.load_package(child)
            except Exception as exc:  # a damaged folder must not hide the good ones
                log.warning("skipping invalid package folder %s: %s", child, exc)
                continue
            if getattr(pkg, "type", "translate") == "translate":
                found.append(pkg)
    return found


def list_installed() -> list[ModelInfo]:
    return [_info(p) for p in installed_packages()]


def find_package(from_code: str = SOURCE, to_code: str = TARGET) -> Any | None:
    """The installed package for the pair (the highest version if several), or ``None``."""
    matches = [p for p in installed_packages() if p.from_code == from_code and p.to_code == to_code]
    if not matches:
        return None
    return max(matches, key=lambda p: _version_key(str(p.package_version or "")))


def _version_key(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.replace("-", ".").split("."):
        parts.append(int(piece) if piece.isdigit() else 0)
    return tuple(parts)


@dataclass(frozen=True)
class PackageCheck:
    top: str
    metadata: dict[str, Any]
    members: list[zipfile.ZipInfo]


def validate_package_file(path: Path, expected: tuple[str, str] | None = (SOURCE, TARGET)) -> PackageCheck:
    """Check a ``.argosmodel`` file without extracting it; raise ``BadInputError`` if unusable."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise BadInputError(f"“{path}” does not exist or is not a file.")
    try:
        if not zipfile.is_zipfile(path):
            raise BadInputError(f"“{name}” is not an Argos model package (it is not a zip archive).")
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            top = _check_members(name, members)
            metadata = _packed_metadata(zf, name, top)
    except zipfile.BadZipFile as exc:
        raise BadInputError(f"“{name}” is a damaged zip archive ({exc}).") from None
    except OSError as exc:
        raise BadInputError(f"“{name}” could not be read: {exc.strerror or exc}.") from None
    names = {m.filename.rstrip("/") for m in members}
    if f"{top}/model/model.bin" not in names:
        raise BadInputError(f"“{name}” has no CTranslate2 model (model/model.bin is missing).")
    if f"{top}/sentencepiece.model" not in names and f"{top}/bpe.model" not in names:
        raise BadInputError(f"“{name}” has no tokenizer (sentencepiece.model or bpe.model).")
    # argostranslate reads a missing "type" as "translate" (IPackage.load_metadata_from_json:
    # metadata.get("type", "translate")), so a package without one is a translation package.
    # Any other type ("sbd") is not, yet would replace an installed package of the same name.
    kind = metadata.get("type", "translate")
    if kind != "translate":
        raise BadInputError(
            f"“{name}” is a {_short(kind)} package, not a translation model; refused."
        )
    pair = (metadata.get("from_code"), metadata.get("to_code"))
    if not all(isinstance(c, str) and c for c in pair):
        raise BadInputError(f"“{name}”: metadata.json does not say which languages it translates.")
    if expected is not None and pair != expected:
        raise BadInputError(
            f"“{name}” translates {pair[0]}→{pair[1]}; Tarjuman needs an "
            f"{expected[0]}→{expected[1]} (Arabic→English) model."
        )
    return PackageCheck(top, metadata, members)


def _packed_metadata(zf: zipfile.ZipFile, name: str, top: str) -> dict[str, Any]:
    """The package's metadata.json, refused by its declared size before any of it is read."""
    try:
        info = zf.getinfo(f"{top}/metadata.json")
    except KeyError:
        raise BadInputError(f"“{name}” is not an Argos model package (no metadata.json).") from None
    if info.file_size > MAX_METADATA_BYTES:
        raise BadInputError(
            f"“{name}” has an unusable metadata.json: it is {_size(info.file_size)}, more than "
            f"the {_size(MAX_METADATA_BYTES)} allowed; refused."
        )
    with zf.open(info) as fh:
        raw = fh.read(MAX_METADATA_BYTES + 1)
    try:
        return _parse_metadata(raw)
    except ValueError as exc:
        raise BadInputError(f"“{name}” has an unusable metadata.json: {exc}; refused.") from None


def _check_members(name: str, members: list[zipfile.ZipInfo]) -> str:
    if not members:
        raise BadInputError(f"“{name}” is an empty archive.")
    if len(members) > MAX_MEMBERS:
        raise BadInputError(
            f"“{name}” has too many files ({len(members):,}; a model package may have "
            f"{MAX_MEMBERS:,}); refused."
        )
    tops = set()
    total = 0
    for m in members:
        pure = PurePosixPath(m.filename.replace("\\", "/"))
        # "" and "." have no parts at all
        unsafe = not pure.parts or pure.is_absolute() or ".." in pure.parts or ":" in pure.parts[0]
        if unsafe or m.filename.startswith(("/", "\\")):
            raise BadInputError(f"“{name}” contains an unsafe path ({m.filename!r}); refused.")
        mode = m.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise BadInputError(f"“{name}” contains a symbolic link ({m.filename!r}); refused.")
        tops.add(pure.parts[0])
        total += m.file_size
    if total > MAX_UNCOMPRESSED_BYTES:
        raise BadInputError(
            f"“{name}” would unpack to {_size(total)}, more than the "
            f"{_size(MAX_UNCOMPRESSED_BYTES)} a model package may take; refused."
        )
    if len(tops) != 1 or all(len(PurePosixPath(m.filename).parts) == 1 and not m.is_dir() for m in members):
        raise BadInputError(f"“{name}” is not an Argos model package (expected one top folder).")
    top = tops.pop()
    if len(top) > MAX_TOP_NAME or not _TOP_NAME.fullmatch(top):
        raise BadInputError(
            f"“{name}” has an unusable top folder name ({_short(top)}): it must be at most "
            f"{MAX_TOP_NAME} letters, digits, “_”, “-” or “.”, not starting with “.”; refused."
        )
    return top


def install_package_file(
    path: Path,
    expected: tuple[str, str] | None = (SOURCE, TARGET),
    *,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> ModelInfo:
    """Validate and install a ``.argosmodel`` file; a failure or cancel leaves no trace.

    An installed package with the same folder name is replaced only once the new one loads.
    Reports progress in uncompressed bytes.
    """
    checked = validate_package_file(path, expected)
    dest_root = argos.packages_dir()
    dest_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tarjuman-install-", dir=dest_root))
    try:
        total = sum(m.file_size for m in checked.members) or 1
        done = 0
        with zipfile.ZipFile(path) as zf:
            for member in checked.members:
                check(cancel)
                target = staging / member.filename
                if member.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(member) as src, target.open("wb") as dst:
                    # zipfile stops at the declared size (then fails the CRC check); counting
                    # here as well keeps every member within its declared size before a byte
                    # reaches the disk, so the whole stays within the declared total that
                    # _check_members held to MAX_UNCOMPRESSED_BYTES.
                    written = 0
                    while chunk := src.read(1 << 20):
                        written += len(chunk)
                        if written > member.file_size:
                            raise BadInputError(
                                f"“{path.name}”: {member.filename} unpacks to more than the "
                                f"{_size(member.file_size)} it declares; refused."
                            )
                        dst.write(chunk)
                        done += len(chunk)
                        report(progress, done, total)
                        check(cancel)
        unpacked = staging / checked.top
        _check_loads(unpacked, path.name)
        final = dest_root / checked.top
        backup = None
        if final.exists():
            backup = staging / ".previous"
            os.replace(final, backup)
        try:
            os.replace(unpacked, final)
        except OSError:
            if backup is not None:
                os.replace(backup, final)
            raise
        pkg = argos.load_package(final)
        report(progress, total, total)
        return _info(pkg)
    except zipfile.BadZipFile as exc:
        raise BadInputError(f"“{path.name}” is a damaged zip archive ({exc}).") from None
    except OSError as exc:
        raise BadInputError(f"Could not install “{path.name}”: {exc.strerror or exc}.") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_loads(folder: Path, name: str) -> None:
    """Load the unpacked package's metadata, tokenizer and CTranslate2 model once."""
    try:
        pkg = argos.load_package(folder)
        tokenizer = getattr(pkg, "tokenizer", None)
        if tokenizer is None:
            raise ValueError("no tokenizer")
        tokenizer.encode("اختبار")
        import ctranslate2

        translator = ctranslate2.Translator(str(folder / "model"), device="cpu", intra_threads=1)
        del translator
    except Exception as exc:  # any failure to load means the package is unusable
        raise ModelLoadError(f"“{name}” is damaged and cannot be loaded ({exc}).") from None


def remove_package(from_code: str, to_code: str) -> list[ModelInfo]:
    """Remove every installed package for the pair; returns what was removed."""
    removed = []
    for pkg in installed_packages():
        if pkg.from_code == from_code and pkg.to_code == to_code:
            info = _info(pkg)
            shutil.rmtree(info.path)
            removed.append(info)
    if not removed:
        raise BadInputError(f"No {from_code}→{to_code} model is installed.")
    return removed


def fetch_index(timeout: float = 20.0) -> list[dict[str, Any]]:
    """Download the Argos package index. Raises ``NetworkError`` when it cannot be reached."""
    url = argos.remote_index_url()
    try:
        with urllib.request.urlopen(_request(url), timeout=timeout) as response:
            data = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise NetworkError(
            "Could not reach the Argos package index. Check your internet connection, or "
            f"install a model from a .argosmodel file instead. ({_reason(exc)})"
        ) from None
    except ValueError:
        raise NetworkError("The Argos package index sent an unreadable answer; try again later.") from None
    if not isinstance(data, list):
        raise NetworkError("The Argos package index sent an unexpected answer; try again later.")
    return [entry for entry in data if isinstance(entry, dict)]


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    return str(reason or exc)


def _request(url: str, headers: dict[str, str] | None = None) -> urllib.request.Request:
    return urllib.request.Request(url, headers={"User-Agent": "Tarjuman", **(headers or {})})


def download_package(
    from_code: str = SOURCE,
    to_code: str = TARGET,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    timeout: float = 30.0,
) -> Path:
    """Download the pair's package from the Argos index into the downloads folder.

    Resumes a partial download (``.part`` file) when the server supports ranges. Progress is
    reported in bytes (total 0 when the server does not say). Returns the finished file.
    """
    entries = [
        e for e in fetch_index()
        if e.get("from_code") == from_code and e.get("to_code") == to_code
        and e.get("type", "translate") == "translate"
    ]
    if not entries:
        raise NetworkError(f"The Argos package index has no {from_code}→{to_code} package.")
    entry = max(entries, key=lambda e: _version_key(str(e.get("package_version", ""))))
    links = [str(u) for u in entry.get("links", []) if str(u).startswith(("https://", "http://"))]
    if not links:
        raise NetworkError("The Argos package index lists no download link for this package.")
    folder = argos.downloads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"translate-{from_code}_{to_code}-{entry.get('package_version', '0')}.argosmodel"
    part = final.with_name(final.name + ".part")
    last_error: BaseException | None = None
    for url in links:
        try:
            _stream(url, part, progress, cancel, timeout)
            os.replace(part, final)
            return final
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            last_error = exc
            log.warning("download from %s failed: %s", url, exc)
    raise NetworkError(
        f"The download failed ({_reason(last_error) if last_error else 'no link worked'}). "
        "Try again: it resumes where it stopped."
    )


def _stream(url: str, part: Path, progress: ProgressFn | None, cancel: CancelToken | None,
            timeout: float) -> None:
    have = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    with urllib.request.urlopen(_request(url, headers), timeout=timeout) as response:
        status = getattr(response, "status", 200)
        if have and status != 206:
            have = 0  # the server ignored the range: start again
        length = int(response.headers.get("Content-Length") or 0)
        total = have + length if length else 0
        with part.open("ab" if have else "wb") as fh:
            done = have
            while True:
                check(cancel)
                chunk = response.read(256 * 1024)
                if not chunk:
                    break
                fh.write(chunk)
                done += len(chunk)
                report(progress, done, total)
        if total and done < total:
            raise http.client.IncompleteRead(b"", total - done)


def remove_installed(path: Path) -> ModelInfo:
    """Remove the installed package in folder ``path`` (one of the package folders)."""
    path = Path(path)
    for pkg in installed_packages():
        if Path(pkg.package_path) == path:
            info = _info(pkg)
            shutil.rmtree(path)
            return info
    raise BadInputError(f"No installed model package is at “{path}”.")

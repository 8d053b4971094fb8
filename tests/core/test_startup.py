"""Start-up: what the command line and the window load before they answer, the migration check
that spares Alembic, and ``dev.py``'s check of the system libraries Qt's X11 plugin needs."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from pytestqt.qtbot import QtBot

from desktop.cli import CATEGORIES
from desktop.core.db import migrate
from desktop.core.db.engine import dispose, open_database
from desktop.core.workspace import BUILTIN_CATEGORIES
from tests.conftest import REPO, SAMPLE

#: Runs ``tarjuman ARGS`` in a fresh interpreter, then writes the modules it loaded to $PROBE_OUT.
PROBE = """
import json, os, sys
from desktop.__main__ import main
code = main(sys.argv[1:])
with open(os.environ["PROBE_OUT"], "w") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""
HEAVY = ("sqlalchemy.orm", "alembic", "ctranslate2", "argostranslate", "PySide6")


def loaded_by(tmp_path: Path, *args: str, code: str = PROBE) -> set[str]:
    out = tmp_path / "modules.json"
    env = dict(os.environ, PROBE_OUT=str(out))
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(out.read_text())
    assert result.get("code", 0) == 0, proc.stderr
    return set(result["modules"])


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m in HEAVY or m.split(".")[0] in ("alembic", "ctranslate2"))


@pytest.mark.parametrize("args", [("--help",), ("segment", str(SAMPLE)), ("segment", str(SAMPLE), "--json")])
def test_help_and_segment_load_no_database_layer_or_engine(tmp_path: Path, args: tuple[str, ...]) -> None:
    modules = loaded_by(tmp_path, *args)
    assert not heavy(modules)
    assert "sqlalchemy" not in modules


def test_terms_loads_neither_alembic_nor_the_engine(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    dispose(open_database(db))  # an existing glossary at the current revision
    modules = loaded_by(tmp_path, "terms", str(SAMPLE), "--db", str(db))
    assert not [m for m in heavy(modules) if m != "sqlalchemy.orm"]


def test_terms_loads_no_orm(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    dispose(open_database(db))
    assert "sqlalchemy.orm" not in loaded_by(tmp_path, "terms", str(SAMPLE), "--db", str(db))


def test_the_cli_help_names_the_builtin_categories() -> None:
    assert CATEGORIES == BUILTIN_CATEGORIES


# -- migrations ---------------------------------------------------------------------------------
def test_head_is_alembics_head() -> None:
    assert migrate.HEAD == migrate.head_revision()


def test_a_glossary_at_head_opens_without_alembic(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    dispose(open_database(db))  # created and stamped: Alembic runs here
    code = ("import json, os, sys\n"
            "from desktop.core.db.engine import dispose, open_database\n"
            f"dispose(open_database({str(db)!r}))\n"
            "json.dump({'modules': sorted(sys.modules)}, open(os.environ['PROBE_OUT'], 'w'))\n")
    modules = loaded_by(tmp_path, code=code)
    assert not [m for m in modules if m.split(".")[0] == "alembic"]


def test_stamped_revision_reads_one_revision_or_none(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.begin() as connection:
        assert migrate.stamped_revision(connection) is None  # no table: Alembic decides
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        assert migrate.stamped_revision(connection) is None
        connection.execute(text("INSERT INTO alembic_version VALUES ('0003')"))
        assert migrate.stamped_revision(connection) == "0003"
        connection.execute(text("INSERT INTO alembic_version VALUES ('0004')"))
        assert migrate.stamped_revision(connection) is None  # two heads: Alembic decides
    engine.dispose()


# -- the window ---------------------------------------------------------------------------------
def test_work_waits_for_the_first_paint(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from desktop.ui.app import after_first_paint

    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    after_first_paint(window, lambda: calls.append("shown"), lambda: calls.append("start"))
    qtbot.wait(50)
    assert calls == []  # not shown yet
    window.show()
    qtbot.waitUntil(lambda: calls == ["shown", "start"], timeout=2_000)
    window.update()
    qtbot.wait(50)
    assert calls == ["shown", "start"]  # once


def test_work_starts_anyway_when_the_window_is_never_painted(qtbot: QtBot,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QWidget

    from desktop.ui import app

    monkeypatch.setattr(app._AfterFirstPaint, "FALLBACK_MS", 50)
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    app.after_first_paint(window, lambda: calls.append("start"))
    qtbot.waitUntil(lambda: calls == ["start"], timeout=2_000)

    closed = QWidget()
    app.after_first_paint(closed, lambda: calls.append("closed"))
    closed.deleteLater()  # a window gone before it was painted starts nothing
    qtbot.wait(200)
    assert calls == ["start"]


def test_the_shown_time_is_written_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.ui.app import report_shown

    marker = tmp_path / "shown"
    monkeypatch.delenv("TARJUMAN_REPORT_SHOWN", raising=False)
    report_shown()
    assert not marker.exists()
    monkeypatch.setenv("TARJUMAN_REPORT_SHOWN", str(marker))
    report_shown()
    assert float(marker.read_text()) > 1.7e9


# -- dev.py: Qt's X11 plugin and the system libraries -------------------------------------------
@pytest.fixture
def dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_script", REPO / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FRESH_DEBIAN_LDD = """\
\tlinux-vdso.so.1 (0x00007ffd3a5f0000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f1)
\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f2)
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-image.so.0 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-render-util.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibEGL.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f3)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f4)
"""


def test_ldd_not_found_lines_become_package_names(dev: ModuleType) -> None:
    missing = dev.missing_libraries(FRESH_DEBIAN_LDD)
    assert missing == ["libxkbcommon-x11.so.0", "libxcb-cursor.so.0", "libxcb-icccm.so.4",
                       "libxcb-image.so.0", "libxcb-keysyms.so.1", "libxcb-render-util.so.0",
                       "libEGL.so.1"]
    debian, fedora = dev.install_commands(missing)
    assert debian == ("Debian, Ubuntu:  sudo apt-get install libxkbcommon-x11-0 libxcb-cursor0 "
                      "libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libegl1")
    assert fedora == ("Fedora:          sudo dnf install libxkbcommon-x11 xcb-util-cursor xcb-util-wm "
                      "xcb-util-image xcb-util-keysyms xcb-util-renderutil libglvnd-egl")


def test_an_unknown_library_is_looked_up_by_name(dev: ModuleType) -> None:
    lines = dev.install_commands(["libxcb-cursor.so.0", "libwhatever.so.7"])
    assert lines[0].endswith("apt-get install libxcb-cursor0")
    assert "apt-file search libwhatever.so.7" in lines[1]
    assert lines[2].endswith("dnf install xcb-util-cursor 'libwhatever.so.7()(64bit)'")


def test_qts_own_libraries_are_not_system_packages(dev: ModuleType) -> None:
    assert dev.missing_libraries("\tlibQt6Gui.so.6 => not found\n\tlibxcb-util.so.1 => not found\n") \
        == ["libxcb-util.so.1"]


LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's X11 plugin is Linux's")


@LINUX
def test_the_check_runs_only_when_the_window_uses_x11(dev: ModuleType) -> None:
    assert dev.uses_xcb({"DISPLAY": ":0"})
    assert dev.uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"})
    assert not dev.uses_xcb({})
    assert not dev.uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"})
    assert not dev.uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})  # Qt picks Wayland


@LINUX
def test_dev_app_names_the_packages_instead_of_qts_abort(dev: ModuleType, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = tmp_path / "lib/python3.11/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so"
    plugin.parent.mkdir(parents=True)
    plugin.write_bytes(b"")
    monkeypatch.setattr(dev, "VENV", tmp_path)
    monkeypatch.setattr(dev.shutil, "which", lambda name: f"/usr/bin/{name}")

    def fake_ldd(command: list[str], **_kwargs: object) -> subprocess.CompletedProcess[str]:
        assert command == ["ldd", str(plugin)]
        return subprocess.CompletedProcess(command, 0, FRESH_DEBIAN_LDD, "")

    monkeypatch.setattr(dev.subprocess, "run", fake_ldd)
    problem = dev.xcb_problem({"DISPLAY": ":0"})
    assert "libxcb-cursor.so.0" in problem
    assert "sudo apt-get install libxkbcommon-x11-0 libxcb-cursor0" in problem
    assert "sudo dnf install libxkbcommon-x11 xcb-util-cursor" in problem
    assert dev.xcb_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}) is None

    launched: list[list[str]] = []
    monkeypatch.setattr(dev, "ensure_environment", lambda: None)
    monkeypatch.setattr(dev.subprocess, "call", lambda command, **_kw: launched.append(command) or 0)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert dev.main(["app"]) == 1 and not launched  # the packages instead of a window
    assert dev.main(["app", "segment", str(SAMPLE)]) == 0 and len(launched) == 1  # no window: no check


@LINUX
def test_this_machines_plugin_finds_its_libraries(dev: ModuleType) -> None:
    plugin = sorted(Path(sys.prefix).glob("lib/python3*/site-packages/PySide6/Qt/plugins/platforms/"
                                           "libqxcb.so"))
    if not plugin:
        pytest.skip("no X11 plugin in this environment")
    ldd = subprocess.run(["ldd", str(plugin[0])], capture_output=True, text=True, timeout=60)
    assert dev.missing_libraries(ldd.stdout) == []


def test_the_quick_terms_path_finds_what_the_workspace_finds(tmp_path: Path) -> None:
    """The ORM-free read gives the same matches (exact, clitic and other forms), and leaves a
    glossary that needs more (behind, refused) to the Workspace."""
    import sqlite3

    from desktop.core import quick
    from desktop.core.documents import read_document
    from desktop.core.workspace import Workspace

    db = tmp_path / "g.db"
    ws = Workspace.open(db)
    for source, target in (("حموشي", "Hammouchi"), ("الرباط", "Rabat"), ("مدير", "director"),
                           ("مكتب التحقيقات الفيدرالي", "FBI")):
        ws.save_term(source, target)
    doc = read_document(SAMPLE)
    ws.show_document(ws.prepare_document(doc))
    expected = [m.as_json() for m in ws.find_terms()]
    ws.close(save_position=False)
    found = quick.find_terms(doc, db)
    assert found is not None
    matches, problem = found
    assert problem == "" and [m.as_json() for m in matches] == expected
    assert any(m.lemma for m in matches)  # other forms too
    con = sqlite3.connect(db)
    con.execute("CREATE TRIGGER t AFTER INSERT ON terms BEGIN SELECT 1; END")
    con.commit()
    con.close()
    assert quick.find_terms(doc, db) is None  # refused by the Workspace, with its message
    assert quick.find_terms(doc, tmp_path / "missing.db") is None

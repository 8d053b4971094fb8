"""The CLI's quick commands load only what they use, and the parser they build reads the same
as the whole one; a glossary found healthy is not searched for damage again until it changes."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.core import quick
from desktop.core.glossary.store import NewTerm, add_terms
from desktop.core.workspace import Workspace

#: Run ``tarjuman ARGS`` as ``python -m desktop`` does, then list the modules it loaded.
CHILD = (
    "import json, sys\n"
    "from desktop.__main__ import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "print(json.dumps({'code': code, 'modules': sorted(sys.modules)}), file=sys.stderr)\n"
)
#: What a quick command never needs: the GUI, the ORM and migrations, the translation engine,
#: the document reader, the matcher, logging.
HEAVY = ("PySide6", "sqlalchemy", "alembic", "ctranslate2", "argostranslate",
         "desktop.core.workspace", "desktop.core.db.engine", "desktop.core.documents",
         "desktop.core.glossary.matcher", "desktop.core.glossary.store", "logging", "html")


def loaded(*args: str) -> tuple[int, str, list[str]]:
    """Exit code, standard output and loaded modules of ``python -m desktop ARGS``."""
    done = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True,
                          timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], done.stdout, report["modules"]


def heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY
            or any(m.startswith(h + ".") for h in HEAVY)]


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "glossary.db"
    ws = Workspace.open(path)
    with ws.factory.begin() as session:
        add_terms(session, [NewTerm("الرباط", "Rabat"), NewTerm("مكافحة الإرهاب", "counter-terrorism")])
    ws.close()
    return path


@pytest.mark.parametrize("command", [["search", "رباط"], ["list"], ["list", "--json"]])
def test_a_quick_listing_loads_only_sqlite3(glossary: Path, command: list[str]) -> None:
    code, out, modules = loaded("--db", str(glossary), "glossary", *command)
    assert code == 0
    assert "Rabat" in out
    assert "sqlite3" in modules
    assert heavy(modules) == []
    if "--json" not in command:  # printed as read: no records (dataclasses loads inspect)
        assert "dataclasses" not in modules and "inspect" not in modules


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["glossary", "--help"]])
def test_help_and_version_load_no_database(args: list[str]) -> None:
    code, out, modules = loaded(*args)
    assert code == 0 and "tarjuman" in out
    assert "sqlite3" not in modules and "desktop.core.quick" not in modules
    assert heavy(modules) == []


def test_a_damaged_glossary_still_takes_the_full_path_and_logs(glossary: Path) -> None:
    con = sqlite3.connect(glossary)
    con.execute("UPDATE terms SET note = x'3432'")  # a blob: damage, repaired by the full path
    con.commit()
    con.close()
    code, out, modules = loaded("--db", str(glossary), "glossary", "search", "رباط")
    assert code == 0 and "Rabat" in out
    assert "sqlalchemy" in modules and "logging.handlers" in modules  # the log file is set up


def _parse(parser_of: object, argv: list[str]) -> tuple[str, str, object]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(parser_of(argv).parse_args(argv))  # type: ignore[operator]
        except SystemExit as exc:
            result = exc.code
    return out.getvalue(), err.getvalue(), result


ACTIONS = {"memory": ["import", "export"], "vocab": ["list", "set", "stats", "export"],
           "models": ["list", "install", "remove", "download"],
           "glossary": ["add", "edit", "list", "search", "export", "import"]}
ARGVS = [[], *([c] for c in cli.COMMANDS), *([c, a] for c, acts in ACTIONS.items() for a in acts)]


@pytest.mark.parametrize("argv", ARGVS, ids=lambda a: " ".join(a) or "-")
@pytest.mark.parametrize("tail", [["--help"], [], ["--bogus"], ["a.txt", "b", "c"],
                                  ["x", "--db", "g.db", "--json"], ["-h", "list"]])
def test_the_parser_of_one_command_reads_as_the_whole_one(argv: list[str], tail: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Help, usage errors and parsed values are the same whether every command's options are
    declared or only those of the command and action run (as main() builds it)."""
    monkeypatch.setenv("COLUMNS", "100")
    whole = _parse(lambda _argv: cli.build_parser(), argv + tail)
    one = _parse(lambda a: cli.build_parser(cli.command_of(a) or "", cli.action_of(a)), argv + tail)
    assert one == whole


def test_command_of_skips_options_and_the_db_value() -> None:
    assert cli.command_of(["--db", "glossary", "terms", "x"]) == "terms"
    assert cli.action_of(["--db", "g.db", "glossary", "--db", "h.db", "search", "x"]) == "search"
    assert cli.action_of(["glossary"]) is None
    assert cli.command_of(["--db=g.db", "glossary", "list"]) == "glossary"
    assert cli.command_of(["notacommand"]) is None
    assert cli.command_of(["--help"]) is None


def _statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL that the quick path runs from now on."""
    seen: list[str] = []
    opener = quick.open_untrusted

    def traced(path: Path) -> sqlite3.Connection:
        con = opener(path)
        con.set_trace_callback(seen.append)
        return con

    monkeypatch.setattr(quick, "open_untrusted", traced)
    return seen


def _settled(glossary: Path, monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """Make the glossary look last changed ``seconds`` ago (``quick`` reads the clock), and
    big enough to be remembered."""
    monkeypatch.setattr(quick, "_REMEMBERED_FROM", 0)
    st = glossary.stat()
    newest = max(st.st_mtime_ns, st.st_ctime_ns)
    monkeypatch.setattr(quick, "_now_ns", lambda: newest + int(seconds * 1e9))


def test_a_healthy_glossary_is_looked_over_once_until_it_changes(
        glossary: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _statements(monkeypatch)
    _settled(glossary, monkeypatch, 60)
    first = list(quick.list_terms(glossary, "رباط") or [])
    assert any("typeof(" in s for s in seen)  # looked over for damage
    seen.clear()
    second = list(quick.list_terms(glossary, "رباط") or [])
    assert second == first and [t.target for t in first] == ["Rabat"]
    assert seen and not any("typeof(" in s for s in seen)  # remembered healthy
    # Damage written later is found. (The file is dated back first: the damage is written
    # seconds after the look, as a user's later change is, not within the same clock tick.)
    os.utime(glossary, ns=(glossary.stat().st_atime_ns, glossary.stat().st_mtime_ns - 10**10))
    con = sqlite3.connect(glossary)
    con.execute("UPDATE terms SET note = x'3432'")
    con.commit()
    con.close()
    _settled(glossary, monkeypatch, 60)
    assert quick.list_terms(glossary, "رباط") is None


def test_a_glossary_changed_a_moment_ago_is_not_remembered(
        glossary: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second change within one tick of the file system's clock would not show in the
    file's times: the look is repeated until the file has been left alone a while."""
    seen = _statements(monkeypatch)
    _settled(glossary, monkeypatch, 1)
    for _ in range(2):
        seen.clear()
        assert list(quick.list_terms(glossary) or [])
        assert any("typeof(" in s for s in seen)


def test_an_unexpected_error_in_a_quick_listing_is_logged(glossary: Path) -> None:
    """The log file is set up late for a quick listing, but still before an error is logged."""
    from desktop.core.paths import user_log_dir

    child = ("import sys\n"
             "from desktop.core import quick\n"
             "def broken(*_args, **_kwargs):\n"
             "    raise RuntimeError('a bug in the listing')\n"
             "quick._open_current = broken\n"
             "from desktop.__main__ import main\n"
             "sys.exit(main(sys.argv[1:]))\n")
    done = subprocess.run([sys.executable, "-c", child, "--db", str(glossary), "glossary", "list"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == "tarjuman: unexpected error; details are in the log file.\n"
    log = (user_log_dir() / "tarjuman.log").read_text(encoding="utf-8")
    assert "RuntimeError: a bug in the listing" in log

"""Benchmark: start-up time of the window and of the command line, in fresh processes.

    .venv/bin/python bench/startup.py [--runs 5] [--display :77] [--no-window] [--no-cli]
    .venv/bin/python bench/startup.py --program build/bundle/tarjuman/tarjuman   (the bundle)

Every command runs ``--runs`` times after one warm-up run, with a temporary HOME and XDG
folders, so that nothing of the user's is read or written; a glossary with one term is made
first. Python's compiled bytecode goes to a temporary folder too (``PYTHONPYCACHEPREFIX``):
the warm-up run writes it, as a user's first start does. For each command the bench prints
the median wall-clock time and its range, the median CPU time (user + system), and both
less those of ``python -c pass`` measured in the same run. CPU time varies less than
wall-clock time when other programs share the machine.

The window is timed from launch (just before the process is started) to its first paint:
``TARJUMAN_REPORT_SHOWN=PATH`` makes the app write the time then
(``desktop.ui.app.report_shown``), and the bench reads the CPU time the process has used by
then. The window runs on the X server of ``--display``, or on an Xvfb server that the bench
starts (with openbox as its window manager, when installed).

``--program PATH`` times that program instead of this checkout's ``python -m desktop``: the
bundle that ``packaging/build.py`` makes (``build/bundle/tarjuman/tarjuman``, or
``/opt/tarjuman/tarjuman`` once the .deb is installed), so that its start can be measured beside
the checkout's. Its rows have no "less python -c pass" column.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.window_process import display_server, free_x_display, shown_window, x_socket  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "article.txt"
PYTHON = sys.executable
TARJUMAN = [PYTHON, "-m", "desktop"]


def environment(home: Path) -> dict[str, str]:
    """The process environment with every per-user folder inside ``home``."""
    env = dict(os.environ)
    for name, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env.pop("TARJUMAN_DB", None)
    env["PYTHONPATH"] = str(ROOT)
    # Compiled bytecode as a user has it after the first start, kept out of the source tree
    # (the warm-up run writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    return env


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``command`` once; (wall seconds, CPU seconds of the process)."""
    home = Path(env["HOME"])
    with (home / "stderr.txt").open("w+b") as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            logs = "".join(log.read_text(errors="replace")[-3000:] for log in home.rglob("*.log"))
            raise RuntimeError(f"{' '.join(command)} exited with {proc.returncode}:\n"
                               f"{errors.read().decode(errors='replace')}\n{logs}")
    return wall, usage.ru_utime + usage.ru_stime


def cpu_seconds(pid: int) -> float:
    """The CPU time (user + system) a running process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def window_once(env: dict[str, str], marker: Path, settle: float = 0.0,
                command: list[str] | None = None) -> tuple[float, float]:
    """Launch the window once; (seconds from launch to its first paint, CPU seconds the
    process used until then, give or take the 5 ms between two looks)."""
    with shown_window(command or TARJUMAN, dict(env, QT_QPA_PLATFORM="xcb"), marker,
                      marker.parent / "window-stderr.txt", cwd=ROOT, timeout=60, poll=0.005) as window:
        cpu = cpu_seconds(window.process.pid)
        time.sleep(settle)  # the warm-up run: let background work fill the caches
    return window.shown - window.launched, cpu


def summary(label: str, values: list[float], base: float | None) -> str:
    median = statistics.median(values)
    over = f"{(median - base) * 1000:+8.0f}" if base is not None else f"{'':>8}"
    return (f"{label:<34} {median * 1000:7.0f} ms ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"
            f"  {over} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--display", help="an X server to use (default: start Xvfb)")
    parser.add_argument("--no-window", action="store_true", help="only the command line")
    parser.add_argument("--no-cli", action="store_true", help="only the window")
    parser.add_argument("--program", type=Path, help="time this program (e.g. the bundle's "
                        "build/bundle/tarjuman/tarjuman) instead of the checkout's python -m desktop")
    args = parser.parse_args()
    tarjuman = [str(args.program.resolve())] if args.program else TARJUMAN

    home = Path(tempfile.mkdtemp(prefix="tarjuman-startup-"))
    env = environment(home)
    db = home / "glossary.db"
    env["TARJUMAN_DB"] = str(db)
    if args.program:
        env.pop("PYTHONPATH", None)
        print(f"program: {args.program}")
    subprocess.run([*tarjuman, "glossary", "add", "الرباط", "Rabat", "--category", "place"],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "tarjuman --help": [*tarjuman, "--help"],
        "tarjuman segment article.txt": [*tarjuman, "segment", str(SAMPLE)],
        "tarjuman terms article.txt": [*tarjuman, "terms", str(SAMPLE)],
        "tarjuman glossary list": [*tarjuman, "glossary", "list"],
    }
    if not args.program:
        commands["import desktop.ui.main_window"] = [PYTHON, "-c", "import desktop.ui.main_window"]
    print(f"{args.runs} runs each after a warm-up: median (range); the last column is the "
          "median less python -c pass's")
    try:
        if not args.no_cli:
            walls: dict[str, list[float]] = {}
            cpus: dict[str, list[float]] = {}
            for label, command in commands.items():
                timed(command, env)
                runs = [timed(command, env) for _ in range(args.runs)]
                walls[label], cpus[label] = [r[0] for r in runs], [r[1] for r in runs]
            base_wall = statistics.median(walls["python -c pass"])
            base_cpu = statistics.median(cpus["python -c pass"])
            print("\nwall-clock time")
            plain = args.program is not None  # a bundle has no python -c pass to subtract

            def less(label: str, base: float) -> float | None:
                return None if plain or label.startswith("python -c") else base

            for label in commands:
                print(summary(label, walls[label], less(label, base_wall)))
            print("\nCPU time (user + system)")
            for label in commands:
                print(summary(label, cpus[label], less(label, base_cpu)))
        if not args.no_window:
            with contextlib.ExitStack() as stack:
                display = args.display
                if display is None:
                    if shutil.which("Xvfb") is None:
                        sys.exit("Xvfb is not installed: give --display or --no-window")
                    display = free_x_display(77)
                    stack.enter_context(display_server(
                        ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                        x_socket(display), timeout=10))
                env["DISPLAY"] = display
                if args.display is None and shutil.which("openbox"):
                    manager = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                                               stderr=subprocess.DEVNULL)
                    stack.callback(manager.wait)
                    stack.callback(manager.terminate)
                    time.sleep(0.5)
                marker = home / "shown"
                window_once(env, marker, settle=10.0, command=tarjuman)
                runs = [window_once(env, marker, command=tarjuman) for _ in range(args.runs)]
                print("\nwindow (launch to first paint, Xvfb)")
                print(summary("tarjuman: wall-clock", [r[0] for r in runs], None))
                print(summary("tarjuman: CPU", [r[1] for r in runs], None))
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()

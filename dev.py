#!/usr/bin/env python3
"""Set up Tarjuman's environment in .venv (if missing or outdated) and run the app or the tests.

    python3 dev.py app [ARGS...]    launch the window (ARGS go to ``tarjuman``)
    python3 dev.py test [ARGS...]   run the whole test suite (ARGS go to pytest)
    python3 dev.py test --skip-slow  the same without the slow packaging tests, which build the
                                    bundle and the .deb (a few minutes; TARJUMAN_SKIP_BUNDLE=1)

Needs only Python >= 3.11 with venv and pip, and access to the package index the first time.
On Linux the window also needs the X11 libraries of Qt's xcb plugin: when some are missing,
``dev.py app`` names the packages to install instead of starting a window that Qt would abort.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".tarjuman-installed"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> None:
    """Create .venv and install Tarjuman (editable) with its test extras, when needed."""
    if sys.version_info < (3, 11):
        sys.exit(f"Tarjuman needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print(f"Creating the environment in {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text().strip() == _fingerprint():
        return
    print("Installing Tarjuman and its dependencies (first run only) …", flush=True)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(_fingerprint())


#: Libraries Qt's xcb platform plugin (and the Qt libraries it loads) needs from the system,
#: with the Debian/Ubuntu and the Fedora package that installs each.
SYSTEM_LIBRARIES = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libXau.so.6": ("libxau6", "libXau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libGLdispatch.so.0": ("libglvnd0", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
}


def xcb_plugin() -> Path | None:
    """Qt's X11 platform plugin in .venv (None when PySide6 has none there)."""
    found = sorted(VENV.glob("lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so"))
    return found[-1] if found else None


def missing_libraries(ldd_output: str) -> list[str]:
    """The system libraries that ``ldd`` reports as "not found", in its order, once each (Qt's
    own libraries are PySide6's, not the system's)."""
    found = re.findall(r"^\s*(\S+)\s+=>\s+not found", ldd_output, flags=re.MULTILINE)
    return [lib for lib in dict.fromkeys(found) if not lib.startswith("libQt")]


def install_commands(libraries: list[str]) -> list[str]:
    """The commands that install ``libraries`` on Debian/Ubuntu and on Fedora. A library not in
    ``SYSTEM_LIBRARIES`` is asked of dnf by its name, and of apt-file on Debian."""
    debian = list(dict.fromkeys(SYSTEM_LIBRARIES[lib][0] for lib in libraries if lib in SYSTEM_LIBRARIES))
    fedora = list(dict.fromkeys(SYSTEM_LIBRARIES[lib][1] if lib in SYSTEM_LIBRARIES
                                else f"'{lib}()(64bit)'" for lib in libraries))
    unknown = [lib for lib in libraries if lib not in SYSTEM_LIBRARIES]
    lines = []
    if debian:
        lines.append("Debian, Ubuntu:  sudo apt-get install " + " ".join(debian))
    if unknown:
        lines.append(("                 " if debian else "Debian, Ubuntu:  ")
                     + "apt-file search " + " ".join(unknown) + " names the package to add")
    lines.append("Fedora:          sudo dnf install " + " ".join(fedora))
    return lines


def uses_xcb(env: dict[str, str]) -> bool:
    """Whether Qt will start the window on X11 (Linux, a display, no other platform asked for,
    and no Wayland session that Qt would prefer)."""
    platform = env.get("QT_QPA_PLATFORM", "")
    return (sys.platform.startswith("linux") and bool(env.get("DISPLAY"))
            and (platform == "xcb" or (not platform and not env.get("WAYLAND_DISPLAY"))))


def xcb_problem(env: dict[str, str]) -> str | None:
    """What to install when Qt's xcb plugin cannot load for want of system libraries (None when
    it can, or when the window will not use it). Qt itself would abort with a bare message."""
    plugin = xcb_plugin()
    if not uses_xcb(env) or plugin is None or shutil.which("ldd") is None:
        return None
    try:
        ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    missing = missing_libraries(ldd.stdout)
    if not missing:
        return None
    return ("Tarjuman's window cannot start: Qt's X11 platform plugin needs system libraries "
            "that are not installed:\n    " + ", ".join(missing) + "\n\nInstall them, then run "
            "`python3 dev.py app` again:\n    " + "\n    ".join(install_commands(missing)))


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_environment()
    if command == "app":
        from desktop.__main__ import opens_window

        problem = xcb_problem(dict(os.environ)) if opens_window(rest) else None
        if problem:
            print(problem, file=sys.stderr)
            return 1
        return subprocess.call([str(PYTHON), "-m", "desktop", *rest], cwd=ROOT)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "--skip-slow" in rest:
        rest = [arg for arg in rest if arg != "--skip-slow"]
        env["TARJUMAN_SKIP_BUNDLE"] = "1"
    return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

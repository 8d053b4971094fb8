"""The bundled app's entry point (packaging/build.py freezes this script with PyInstaller).

``multiprocessing.freeze_support()`` comes first: the name romaniser runs in a process of
its own started with "spawn", which in a frozen app starts this same executable, and that
child must become the worker instead of opening a second window.
"""

from __future__ import annotations

import multiprocessing
import sys


def run() -> int:
    multiprocessing.freeze_support()
    from desktop.__main__ import main

    return main()


if __name__ == "__main__":
    sys.exit(run())

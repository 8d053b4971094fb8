"""``python -m desktop``: the CLI when a command is given, else the window."""

from __future__ import annotations

import sys
from typing import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not opens_window(args):
        from desktop.cli import main as cli_main

        # The CLI sets the log file up itself: a quick read of the glossary needs none.
        return cli_main(args, log_file=True)
    from desktop.core.logsetup import setup_logging

    setup_logging()
    # The core (SQLAlchemy and some 400 modules, none of them Qt's) before PySide6: once
    # imported, PySide6 reads the source of every module imported after it (for its
    # ``__feature__`` switches), which costs about 0.15 s over the core.
    import desktop.core.workspace  # noqa: F401
    from desktop.ui.app import run

    return run(args)


def opens_window(args: Sequence[str]) -> bool:
    """Whether ``tarjuman ARGS`` opens the window: no command, no --help, no --version.
    (It loads only ``desktop.cli``, which needs nothing outside the standard library:
    ``dev.py`` asks it with the system's Python.)"""
    from desktop.cli import command_of

    return not (command_of(args) is not None or any(a in ("-h", "--help", "--version") for a in args))


if __name__ == "__main__":
    sys.exit(main())

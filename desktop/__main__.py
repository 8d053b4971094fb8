"""``python -m desktop``: the CLI when a command is given, else the window."""

from __future__ import annotations

import sys
from typing import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from desktop.cli import COMMANDS
    from desktop.core.logsetup import setup_logging

    args = list(sys.argv[1:] if argv is None else argv)
    setup_logging()
    if _first_positional(args) in COMMANDS or any(a in ("-h", "--help", "--version") for a in args):
        from desktop.cli import main as cli_main

        return cli_main(args)
    from desktop.ui.app import run

    return run(args)


def _first_positional(args: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


if __name__ == "__main__":
    sys.exit(main())

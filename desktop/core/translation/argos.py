"""The one place that imports ``argostranslate``.

``argostranslate.settings`` reads ``ARGOS_PACKAGES_DIR`` and the ``XDG_*`` variables and
creates folders when it is first imported, so it is imported lazily, on first use, never at
start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def settings() -> Any:
    from argostranslate import settings as argos_settings

    return argos_settings


def package_module() -> Any:
    from argostranslate import package as argos_package

    return argos_package


def packages_dir() -> Path:
    """The folder new packages are installed into."""
    return Path(settings().package_data_dir)


def package_dirs() -> list[Path]:
    """Every folder argostranslate looks in for installed packages."""
    return [Path(p) for p in settings().package_dirs]


def downloads_dir() -> Path:
    return Path(settings().downloads_dir)


def remote_index_url() -> str:
    return str(settings().remote_package_index)


def load_package(path: Path) -> Any:
    """An ``argostranslate.package.Package`` for an installed package folder."""
    return package_module().Package(path)

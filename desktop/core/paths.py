"""Where Tarjuman keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from desktop import APP_NAME

GLOSSARY_FILENAME = "glossary.db"
_CHECKOUT = Path(__file__).resolve().parents[2]


def is_source_checkout() -> bool:
    """True when running from a git checkout (not an installed wheel or bundle)."""
    return (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / ".git").exists()


def default_glossary_path() -> Path:
    """``glossary.db`` at the checkout root from a source checkout, else in the user data folder.

    ``TARJUMAN_DB`` overrides both (the ``--db`` option overrides everything).
    """
    env = os.environ.get("TARJUMAN_DB")
    if env:
        return Path(env)
    if is_source_checkout():
        return _CHECKOUT / GLOSSARY_FILENAME
    return user_data_dir() / GLOSSARY_FILENAME


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    """Rebuildable data (the lexicon cache): safe to delete."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """The bundled resources: inside the package when installed, else the checkout's."""
    packaged = Path(__file__).resolve().parents[1] / "resources"
    return packaged if packaged.is_dir() else _CHECKOUT / "resources"


def sample_document() -> Path:
    return resources_dir() / "sample" / "article.txt"

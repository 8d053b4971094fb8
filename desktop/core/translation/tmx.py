"""Translation memories from and for CAT tools: TMX 1.4 files of Arabic → English units.

Imported units become preferred translations (as a translator's post-edit is: used wherever
the sentence appears); the memory is exported as the translator's translations first, then
the machine's for sentences without one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

from desktop import __version__
from desktop.core.atomic import atomic_write
from desktop.core.errors import BadInputError
from desktop.core.files import read_user_file
from desktop.core.xml_stream import events, local

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_TMX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class MemoryUnit:
    """One translation unit: an Arabic segment and its English; ``where`` names it."""

    source: str
    target: str
    where: str = ""


def _segment_text(seg: ET.Element) -> str:
    """A segment's text without its inline markup (bpt/ept/ph codes are dropped; the text of
    hi and sub is kept). Nesting is bounded by the reader (``xml_stream.MAX_DEPTH``)."""
    parts = [seg.text or ""]
    for child in seg:
        if local(child.tag) in ("hi", "sub"):
            parts.append(_segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts).strip()


def read_tmx(path: Path) -> list[MemoryUnit]:
    """The Arabic → English units of a TMX file, read as a stream (each unit once, in time
    linear in the file); a unit without both is skipped, a file that is not TMX is refused
    with a plain message."""
    name = Path(path).name
    data = read_user_file(Path(path), MAX_TMX_BYTES, "translation memory")
    units: list[MemoryUnit] = []
    root = ""
    number = 0
    for _line, event, element in events(data, name):
        tag = local(element.tag)
        if not root:
            root = tag
            if tag != "tmx":
                raise BadInputError(f"“{name}” is XML but not a translation memory (no <tmx> root).")
        if event != "end" or tag != "tu":
            continue
        number += 1
        segments: dict[str, str] = {}
        for tuv in element:
            if local(tuv.tag) != "tuv":
                continue
            lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()[:2]
            seg = next((child for child in tuv if local(child.tag) == "seg"), None)
            if seg is not None and lang in ("ar", "en") and lang not in segments:
                segments[lang] = _segment_text(seg)
        if segments.get("ar") and segments.get("en"):
            units.append(MemoryUnit(segments["ar"], segments["en"], f"tu {element.get('tuid') or number}"))
        element.clear()  # read once: an enclosing unit does not read it again
    if not root:
        raise BadInputError(f"“{name}” is empty.")
    return units


def write_tmx(units: Iterable[tuple[str, str]], path: Path) -> int:
    """Write Arabic → English units as TMX 1.4 (atomically); returns how many."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    count = 0
    with atomic_write(path, newline="\n") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n')
        fh.write(f'  <header creationtool="Tarjuman" creationtoolversion={quoteattr(__version__)} '
                 'datatype="plaintext" segtype="sentence" adminlang="en" srclang="ar" '
                 f'o-tmf="Tarjuman" creationdate="{stamp}"/>\n  <body>\n')
        for source, target in units:
            count += 1
            fh.write("    <tu>\n"
                     f'      <tuv xml:lang="ar"><seg>{escape(_xml_text(source))}</seg></tuv>\n'
                     f'      <tuv xml:lang="en"><seg>{escape(_xml_text(target))}</seg></tuv>\n'
                     "    </tu>\n")
        fh.write("  </body>\n</tmx>\n")
    return count


def _xml_text(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20 and ch not in "\ufffe\uffff")

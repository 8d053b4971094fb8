"""Reading untrusted XML (TBX, TMX) as a stream, with bounded work.

Files come from other tools and other people, so a reader must finish in time linear in the
file whatever its structure: elements are delivered as they end (a reader handles an entry
and clears it, so an enclosing element never walks it again), nesting deeper than
``MAX_DEPTH`` is refused, and the element count is capped. Expat itself refuses entity
expansion bombs ("billion laughs") and never fetches external entities.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import Iterable, Iterator

from desktop.core.errors import BadInputError

#: TBX and TMX need about 8 levels; a hundred leaves room for inline markup.
MAX_DEPTH = 100
#: Elements in one file (a 50 MB glossary of small entries has about 3 million).
MAX_ELEMENTS = 10_000_000


def local(tag: object) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def events(data: str | bytes, name: str) -> Iterator[tuple[int, str, ET.Element]]:
    """(line, "start" | "end", element) for every element of ``data``, fed a line at a time so
    that an element's line is known; a syntax error names its line and column, and too deep
    or too many elements are refused."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    depth = count = 0

    def read(line: int) -> Iterator[tuple[int, str, ET.Element]]:
        nonlocal depth, count
        for item in parser.read_events():
            if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], ET.Element)):
                continue
            event = str(item[0])
            if event == "start":
                depth += 1
                count += 1
                if depth > MAX_DEPTH:
                    raise BadInputError(f"“{name}”, line {line}: elements nest more than {MAX_DEPTH} "
                                        "deep, which no glossary or memory needs; refused.")
                if count > MAX_ELEMENTS:
                    raise BadInputError(f"“{name}” has more than {MAX_ELEMENTS:,} elements; refused.")
            else:
                depth -= 1
            yield line, event, item[1]

    chunks: Iterable[str | bytes] = io.StringIO(data, newline="") if isinstance(data, str) \
        else io.BytesIO(data)
    line = 0
    try:
        for line, chunk in enumerate(chunks, 1):
            parser.feed(chunk)
            yield from read(line)
        parser.close()
        yield from read(line)
    except ET.ParseError as exc:
        at, column = exc.position
        raise BadInputError(f"“{name}” is not well-formed XML (line {at}, column {column}).") from None

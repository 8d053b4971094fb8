"""Writing a translated document: plain English, bilingual HTML, TSV/CSV table, TMX 1.4.

Every writer is atomic (``atomic_write``). Untranslated sentences are written as empty
targets (and left out of TMX, which pairs only translated segments).
"""

from __future__ import annotations

import csv
import html
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence
from xml.sax.saxutils import escape, quoteattr

from desktop import __version__
from desktop.core.atomic import atomic_write
from desktop.core.cells import protect_cell
from desktop.core.documents import Document
from desktop.core.errors import BadInputError

FORMATS = ("txt", "html", "tsv", "csv", "tmx")
Targets = Sequence[str | None]


def format_for(path: Path, requested: str | None = None) -> str:
    """The export format: ``requested``, else guessed from the file suffix."""
    fmt = (requested or path.suffix.lstrip(".").lower() or "txt").lower()
    fmt = {"htm": "html", "text": "txt"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise BadInputError(f"“{fmt}” is not an export format; use one of: {', '.join(FORMATS)}.")
    return fmt


def export_translation(doc: Document, targets: Targets, path: Path, fmt: str | None = None,
                       raw: bool = False) -> str:
    """Write ``doc`` and its ``targets`` to ``path``; returns the format used. In CSV and TSV
    a cell that a spreadsheet would run as a formula gets a leading ``'`` unless ``raw``."""
    fmt = format_for(Path(path), fmt)
    if len(targets) != len(doc.sentences):
        raise ValueError("one target per sentence is needed")
    if fmt in ("tsv", "csv"):
        _write_table(doc, targets, Path(path), "\t" if fmt == "tsv" else ",", protect=not raw)
        return fmt
    writer = {"txt": _write_txt, "html": _write_html, "tmx": _write_tmx}[fmt]
    writer(doc, targets, Path(path))
    return fmt


def english_paragraphs(doc: Document, targets: Targets) -> list[str]:
    """The English text, one string per paragraph (sentences joined by spaces)."""
    paragraphs: list[list[str]] = []
    last = -1
    for sentence, target in zip(doc.sentences, targets, strict=True):
        if sentence.paragraph != last:
            paragraphs.append([])
            last = sentence.paragraph
        if target:
            paragraphs[-1].append(target)
    return [" ".join(p) for p in paragraphs]


def _write_txt(doc: Document, targets: Targets, path: Path) -> None:
    with atomic_write(path, newline="\n") as fh:
        fh.write("\n\n".join(english_paragraphs(doc, targets)))
        fh.write("\n")


def _write_html(doc: Document, targets: Targets, path: Path) -> None:
    title = html.escape(doc.title)
    with atomic_write(path, newline="\n") as fh:
        fh.write(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{title}</title>\n<style>\n"
            "body{font-family:sans-serif;margin:2em;}table{border-collapse:collapse;width:100%;}\n"
            "td{vertical-align:top;padding:.3em .8em;width:50%;}\n"
            "td.ar{font-family:'Noto Naskh Arabic','Amiri',serif;font-size:1.25em;text-align:right;}\n"
            "tr.p td{padding-top:1.2em;}\n</style>\n</head>\n<body>\n"
            f"<h1>{title}</h1>\n<table>\n"
        )
        last = 0
        for sentence, target in zip(doc.sentences, targets, strict=True):
            css = ' class="p"' if sentence.paragraph != last and sentence.index else ""
            last = sentence.paragraph
            fh.write(
                f"<tr{css}><td class=\"ar\" dir=\"rtl\" lang=\"ar\">{html.escape(sentence.text)}</td>"
                f"<td class=\"en\" lang=\"en\">{html.escape(target or '')}</td></tr>\n"
            )
        fh.write("</table>\n</body>\n</html>\n")


def _write_table(doc: Document, targets: Targets, path: Path, delimiter: str, protect: bool = True) -> None:
    guard = protect_cell if protect else str
    with atomic_write(path, encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(["paragraph", "arabic", "english"])
        for sentence, target in zip(doc.sentences, targets, strict=True):
            writer.writerow([sentence.paragraph + 1, guard(sentence.text), guard(target or "")])


def _write_tmx(doc: Document, targets: Targets, path: Path) -> None:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    with atomic_write(path, newline="\n") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n')
        fh.write(
            f'  <header creationtool="Tarjuman" creationtoolversion={quoteattr(__version__)} '
            'datatype="plaintext" segtype="sentence" adminlang="en" srclang="ar" '
            f'o-tmf="Tarjuman" creationdate="{stamp}"/>\n  <body>\n'
        )
        for sentence, target in zip(doc.sentences, targets, strict=True):
            if not target:
                continue
            fh.write(
                "    <tu>\n"
                f'      <tuv xml:lang="ar"><seg>{escape(_xml_text(sentence.text))}</seg></tuv>\n'
                f'      <tuv xml:lang="en"><seg>{escape(_xml_text(target))}</seg></tuv>\n'
                "    </tu>\n"
            )
        fh.write("  </body>\n</tmx>\n")


def _xml_text(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters other than tab/newline)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20 and ch not in "\ufffe\uffff")

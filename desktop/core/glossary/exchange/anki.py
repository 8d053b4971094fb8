"""Anki glossary decks: tab-separated with Anki's file headers, written and read.

The headers are ``#separator:tab``, ``#html:true``, ``#deck:``, ``#tags column:`` and
``#columns:``. The fields are Arabic, English, transliteration, category, context (the term in
``<b>``), note and tags (``ANKI_COLUMNS``), plus an optional cloze. Arabic is wrapped in
``<span dir="rtl">`` and everything is HTML-escaped.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path
from typing import Iterable

from desktop.core.atomic import atomic_write
from desktop.core.errors import BadInputError, TarjumanError
from desktop.core.glossary.store import TermRecord, category_key
from desktop.core.lexicon.analyzer import Lexicon
from desktop.core.names import romanize_term

from .rows import ImportRow, delimited_rows

ANKI_COLUMNS = ("Arabic", "English", "Transliteration", "Category", "Context", "Note", "Tags")


def _html(text: str) -> str:
    return html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def _rtl(markup: str) -> str:
    return f'<span dir="rtl">{markup}</span>'


def _bold_term(context: str, source: str) -> tuple[str, str]:
    """The context as HTML with the term in <b>, and as a cloze (term in {{c1::…}})."""
    at = context.find(source) if source else -1
    if at < 0:
        return _html(context), _html(context)
    before, term, after = context[:at], context[at : at + len(source)], context[at + len(source) :]
    return (f"{_html(before)}<b>{_html(term)}</b>{_html(after)}",
            f"{_html(before)}{{{{c1::{_html(term)}}}}}{_html(after)}")


def _lexicon() -> Lexicon | None:
    """The lexicon for romanising terms (None when it is not installed)."""
    try:
        return Lexicon.open()
    except TarjumanError:
        return None


def write_anki(terms: Iterable[TermRecord], path: Path, deck: str = "Tarjuman", cloze: bool = False) -> int:
    columns = list(ANKI_COLUMNS) + (["Cloze"] if cloze else [])
    with atomic_write(path, encoding="utf-8", newline="") as fh:
        fh.write("#separator:tab\n#html:true\n")
        fh.write(f"#deck:{deck.replace(chr(10), ' ').strip() or 'Tarjuman'}\n")
        fh.write(f"#tags column:{ANKI_COLUMNS.index('Tags') + 1}\n")
        fh.write("#columns:" + "\t".join(columns) + "\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        lexicon = _lexicon()
        count = 0
        for t in terms:
            count += 1
            bold, cloze_text = _bold_term(t.context, t.source)
            romanized = romanize_term(t.source, t.category, lexicon)
            row = [_rtl(_html(t.source)), _html(t.target), _html(romanized),
                   _html(t.category), _rtl(bold) if t.context else "", _html(t.note),
                   t.category.replace(" ", "_")]
            if cloze:
                row.append(_rtl(cloze_text) if t.context else "")
            writer.writerow(row)
    return count


_TAGS = re.compile(r'</?b>|<span dir="rtl">|</span>')


def _from_html(markup: str) -> str:
    return html.unescape(_TAGS.sub("", markup).replace("<br>", "\n"))


def parse_anki(text: str, name: str) -> list[ImportRow]:
    lines = text.split("\n")
    columns = list(ANKI_COLUMNS)
    header_lines = 0
    for header in lines:
        if not header.startswith("#"):
            break
        header_lines += 1
        key, _, value = header[1:].partition(":")
        if key.strip().lower() == "columns":
            columns = [c.strip() for c in value.rstrip("\r").split("\t")]
    body = "\n".join(lines[header_lines:])
    index = {c.lower(): i for i, c in enumerate(columns)}
    rows: list[ImportRow] = []
    for row_line, cells in delimited_rows(body, name, "\t", first_line=header_lines + 1):

        def cell(column: str, cells: list[str] = cells) -> str:
            i = index.get(column.lower())
            return _from_html(cells[i]) if i is not None and i < len(cells) else ""

        source, target = cell("Arabic").strip(), cell("English").strip()
        if not source or not target:
            raise BadInputError(f"“{name}”, line {row_line}: both Arabic and English are needed.")
        rows.append(ImportRow(row_line, source, target, category_key(cell("Category") or "other"),
                              cell("Note"), cell("Context"), "", None))
    return rows

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
from typing import TYPE_CHECKING, Iterable

from desktop.core.atomic import atomic_write
from desktop.core.errors import BadInputError, TarjumanError
from desktop.core.glossary.record import TermRecord, category_key

if TYPE_CHECKING:
    from desktop.core.lexicon.analyzer import Lexicon

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
    from desktop.core.lexicon.analyzer import Lexicon

    try:
        return Lexicon.open()
    except TarjumanError:
        return None


def _category(value: str) -> str | None:
    """A category named by the note, or None (the glossary keeps the one it has)."""
    return category_key(value) if value.strip() else None


def write_anki(terms: Iterable[TermRecord], path: Path, deck: str = "Tarjuman", cloze: bool = False) -> int:
    from desktop.core.names import romanize_term  # (an Anki export romanises; nothing else does)

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


_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
_BREAKS = re.compile(r"(?i)<br\s*/?>|</(?:div|p|li|h[1-6]|tr|blockquote)\s*>")
_MARKUP = re.compile(r"<[^>]*>")
_BLANKS = re.compile(r"[ \t\u00a0]+")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")


_OWN_TAGS = re.compile(r'</?b>|<span dir="rtl">|</span>')


def _from_own_html(markup: str) -> str:
    """A field as Tarjuman writes it, exactly as it was (a round trip loses nothing)."""
    return html.unescape(_OWN_TAGS.sub("", markup).replace("<br>", "\n"))


def html_to_text(markup: str) -> str:
    """A field as Anki stores it, as plain text: tags dropped, line breaks and block ends
    as new lines, entities (&nbsp; too) decoded."""
    text = html.unescape(_MARKUP.sub("", _BREAKS.sub("\n", markup)))
    lines = [_BLANKS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def parse_anki(text: str, name: str) -> list[ImportRow]:
    """Notes exported from Anki ("Notes in Plain Text") or by Tarjuman.

    Anki's file headers are honoured: ``#separator``, ``#html`` (HTML fields become plain
    text), ``#guid column``, ``#notetype column``, ``#deck column`` and ``#tags column`` (those
    columns are not fields; the deck is kept as the term's document) and ``#columns`` (field
    names). Without field names, the Arabic is the first field holding Arabic and the English
    the next one holding Latin letters. A category comes only from a field named Category.
    """
    lines = text.split("\n")
    headers: dict[str, str] = {}
    header_lines = 0
    for line in lines:
        if not line.startswith("#") or ":" not in line:
            break
        header_lines += 1
        key, _, value = line[1:].partition(":")
        headers[key.strip().lower()] = value.rstrip("\r")
    separator = headers.get("separator", "tab").strip()
    delimiter = _SEPARATORS.get(separator.lower(), separator[:1] or "\t")
    as_html = headers.get("html", "true").strip().lower() != "false"
    special: dict[int, str] = {}
    for kind in ("guid", "notetype", "deck", "tags"):
        value = headers.get(f"{kind} column", "").strip()
        if value.isdigit() and int(value) > 0:
            special[int(value) - 1] = kind
    names = [c.strip() for c in headers["columns"].split(delimiter)] if "columns" in headers else None
    own = names is not None and names[: len(ANKI_COLUMNS)] == list(ANKI_COLUMNS)
    decode = _from_own_html if own else html_to_text
    body = "\n".join(lines[header_lines:])
    rows: list[ImportRow] = []
    for row_line, cells in delimited_rows(body, name, delimiter, first_line=header_lines + 1):
        plain = [decode(c) if as_html else c for c in cells]
        named: dict[str, str] = {}
        if names is not None:
            named = {n.lower(): plain[i] for i, n in enumerate(names) if i < len(plain) and i not in special}
        fields = [v for i, v in enumerate(plain) if i not in special]
        source = (named.get("arabic") or next((f for f in fields if _ARABIC.search(f)), "")).strip()
        target = (named.get("english") or next(
            (f for f in fields if f != source and _LATIN.search(f) and not _ARABIC.search(f)), "")).strip()
        if not source or not target:
            raise BadInputError(f"“{name}”, line {row_line}: no Arabic field and English field "
                                "were found in this note.")
        deck = next((plain[i] for i, kind in special.items() if kind == "deck" and i < len(plain)), "")
        rows.append(ImportRow(row_line, source, target, _category(named.get("category", "")),
                              named.get("note", ""), named.get("context", ""), deck, None))
    return rows

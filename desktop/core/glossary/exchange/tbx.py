"""TBX glossaries (TBX-Basic, for CAT tools), written and read: TBX 2 (``martif``) and TBX 3
(ISO 30042:2019, ``tbx``, DCA and DCT styles).

TBX 2 is ``martif`` › ``text`` › ``body`` › ``termEntry`` › ``langSet`` › ``tig`` › ``term``;
TBX 3 is ``tbx`` › ``text`` › ``body`` › ``conceptEntry`` › ``langSec`` › ``termSec`` ›
``term``. A term's subject field is a ``subjectField`` of its entry, its part of speech a
``partOfSpeech`` of the Arabic term, its context a ``context`` of the Arabic term and its
note a ``note``. TBX-Basic has no data category for Tarjuman's categories, so the category
is written as a note that names it, ``Tarjuman category: person``: another tool shows it as
a note, and an import takes a category only from such a note (or from the subject field of
a file Tarjuman wrote before it had subject fields, which used it for the category).

Files are read as a stream, entry by entry (an entry is dropped once read), so the work is
linear in the size of the file, and every message names the entry by its id and line.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from desktop.core.atomic import atomic_write
from desktop.core.errors import BadInputError
from desktop.core.glossary.record import TermRecord, category_key
from desktop.core.xml_stream import events, local

from .rows import ImportRow

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX3 = "urn:iso:std:iso:30042:ed-2"
#: What our TBX files say they are.
OWN_MARK = "Glossary exported from Tarjuman"
#: The note that carries a term's category.
CATEGORY_NOTE = "Tarjuman category: "


# -- writing ---------------------------------------------------------------------------------
def _describe(root: ET.Element, header_tag: str) -> ET.Element:
    """The header saying who wrote the file; returns the body to fill."""
    header = ET.SubElement(root, header_tag)
    ET.SubElement(ET.SubElement(ET.SubElement(header, "fileDesc"), "sourceDesc"), "p").text = \
        f"{OWN_MARK} (Arabic → English)"
    return ET.SubElement(ET.SubElement(root, "text"), "body")


def _entry_fields(entry: ET.Element, term: TermRecord) -> None:
    """Subject field, category and note: what belongs to the concept, not to one term."""
    if term.subject:
        ET.SubElement(entry, "descrip", {"type": "subjectField"}).text = _xml_safe(term.subject)
    ET.SubElement(entry, "note").text = CATEGORY_NOTE + term.category
    if term.note:
        ET.SubElement(entry, "note").text = _xml_safe(term.note)


def _arabic_fields(term_group: ET.Element, term: TermRecord, document: bool) -> None:
    if term.pos:
        ET.SubElement(term_group, "termNote", {"type": "partOfSpeech"}).text = _xml_safe(term.pos)
    if term.context:
        ET.SubElement(term_group, "descrip", {"type": "context"}).text = _xml_safe(term.context)
    if document and term.document:
        ET.SubElement(term_group, "admin", {"type": "source"}).text = _xml_safe(term.document)


def _transaction(entry: ET.Element, kind: str, who: str, when: datetime) -> None:
    """TBX-Basic's record of who did what when: ``transacGrp`` with the transaction type, the
    responsible person (when known) and the date."""
    group = ET.SubElement(entry, "transacGrp")
    ET.SubElement(group, "transac", {"type": "transactionType"}).text = kind
    if who:
        ET.SubElement(group, "transacNote", {"type": "responsibility"}).text = _xml_safe(who)
    ET.SubElement(group, "date").text = when.astimezone(timezone.utc).isoformat(timespec="seconds")


def write_tbx(terms: Iterable[TermRecord], path: Path) -> int:
    martif = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    body = _describe(martif, "martifHeader")
    count = 0
    for t in terms:
        count += 1
        entry = ET.SubElement(body, "termEntry", {"id": f"t{t.id}"})
        _entry_fields(entry, t)
        _transaction(entry, "origination", t.created_by, t.created_at)
        if t.changed_by:  # who changed it last (a team glossary, or a name set in Preferences)
            _transaction(entry, "modification", t.changed_by, t.updated_at)
        arabic = ET.SubElement(ET.SubElement(entry, "langSet", {XML_LANG: "ar"}), "tig")
        ET.SubElement(arabic, "term").text = _xml_safe(t.source)
        _arabic_fields(arabic, t, document=True)
        english = ET.SubElement(ET.SubElement(entry, "langSet", {XML_LANG: "en"}), "tig")
        ET.SubElement(english, "term").text = _xml_safe(t.target)
    _save(martif, path)
    return count


def write_tbx3(terms: Iterable[TermRecord], path: Path) -> int:
    """TBX-Basic v3, DCA style, with the same fields as our TBX 2 except the document and the
    date."""
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en", "xmlns": TBX3})
    body = _describe(root, "tbxHeader")
    count = 0
    for t in terms:
        count += 1
        entry = ET.SubElement(body, "conceptEntry", {"id": f"t{t.id}"})
        _entry_fields(entry, t)
        for lang, text in (("ar", t.source), ("en", t.target)):
            term_sec = ET.SubElement(ET.SubElement(entry, "langSec", {XML_LANG: lang}), "termSec")
            ET.SubElement(term_sec, "term").text = _xml_safe(text)
            if lang == "ar":
                _arabic_fields(term_sec, t, document=False)
    _save(root, path, '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/'
                      'TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" '
                      'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n')
    return count


def _save(root: ET.Element, path: Path, preamble: str = "") -> None:
    """Write ``root`` indented, after the XML declaration and ``preamble``, atomically."""
    ET.indent(root)
    # A CR would be read back as LF: write it as a character reference.
    data = ET.tostring(root, encoding="unicode").replace("\r", "&#13;")
    with atomic_write(path, encoding="utf-8", newline="") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n' + preamble)
        fh.write(data + "\n")


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff"))


# -- reading ---------------------------------------------------------------------------------
ENTRIES = {"termEntry", "conceptEntry"}  # TBX 2, TBX 3
LANGUAGE_SECTIONS = {"langSet", "langSec"}
TERM_SECTIONS = {"tig", "ntig", "termSec", "termGrp"}


def _kind(element: ET.Element) -> str:
    """What a data category element holds: its ``type`` (DCA style) or its name (DCT style)."""
    return element.get("type") or local(element.tag)


def _text(element: ET.Element, strip: bool = True) -> str:
    text = "".join(element.itertext())
    return text.strip() if strip else text


def parse_tbx(text: str, name: str) -> list[ImportRow]:
    """Every entry of a TBX 2 or TBX 3 file, as rows; the first bad entry raises
    ``BadInputError`` naming it by id and line."""
    rows: list[ImportRow] = []
    root_name = ""
    own = False
    depth = 0  # of entries: one inside another is read as its own entry
    lines: dict[int, int] = {}  # id(entry element) → line of its start tag
    for line, event, element in events(text, name):
        tag = local(element.tag)
        if not root_name:
            root_name = tag
            if tag not in ("martif", "tbx"):
                raise BadInputError(f"“{name}” is XML but not a TBX glossary (no <martif> or <tbx> root).")
            continue
        if tag == "p" and event == "end" and not rows and (element.text or "").startswith(OWN_MARK):
            own = True
        if tag not in ENTRIES:
            continue
        if event == "start":
            depth += 1
            lines[id(element)] = line
            continue
        depth -= 1
        number = len(rows) + 1
        at = lines.pop(id(element), line)
        where = f"{tag} {element.get('id') or number} (line {at})"
        rows.append(_entry_row(element, number, where, name, own))
        element.clear()  # read once: an enclosing entry does not read it again
    if not root_name:
        raise BadInputError(f"“{name}” is empty.")
    return rows


def _entry_row(entry: ET.Element, number: int, where: str, name: str, own: bool) -> ImportRow:
    """One entry (``termEntry`` or ``conceptEntry``) as a row."""
    terms: dict[str, str] = {}
    notes: list[str] = []
    category = subject = pos = context = document = ""
    created = None
    for child in entry:
        kind, tag = _kind(child), local(child.tag)
        if tag in LANGUAGE_SECTIONS:
            lang = (child.get(XML_LANG) or child.get("lang") or "").lower()[:2]
            found = _language_section(child)
            if found["term"] and lang not in terms:
                terms[lang] = found["term"]
            if lang == "ar":
                pos = found["pos"] or pos
                context = found["context"] or context
                document = found["document"] or document
            elif not pos and found["pos"] and lang != "en":
                pos = found["pos"]
        elif kind == "subjectField":
            subject = subject or _text(child)
        elif tag == "note":
            note = _text(child, strip=False)
            if note.startswith(CATEGORY_NOTE):
                category = note[len(CATEGORY_NOTE):].strip()
            elif note:
                notes.append(note)
        elif tag == "transacGrp" and created is None:
            created = _date(child, where, name)
    source, target = terms.get("ar", ""), terms.get("en", "")
    if not source or not target:
        raise BadInputError(f"“{name}”, {where}: an Arabic and an English term are needed.")
    if own and not category and subject:
        category, subject = subject, ""  # written before subject fields: it was the category
    return ImportRow(number, source, target, category_key(category) if category else None,
                     "; ".join(dict.fromkeys(notes)), context, document, created, where,
                     subject=subject, pos=pos)


def _language_section(section: ET.Element) -> dict[str, str]:
    """The first term of a ``langSet``/``langSec`` and its part of speech, context and source
    (looked for two levels down: ``tig``/``termSec`` and ``ntig``'s ``termGrp``)."""
    found = {"term": "", "pos": "", "context": "", "document": ""}
    todo = [(section, 0)]
    while todo:
        element, level = todo.pop(0)
        for child in element:
            kind, tag = _kind(child), local(child.tag)
            if tag == "term":
                found["term"] = found["term"] or _text(child)
            elif kind == "partOfSpeech":
                found["pos"] = found["pos"] or _text(child)
            elif kind == "context":
                found["context"] = found["context"] or _text(child, strip=False)
            elif kind == "source" and tag == "admin":
                found["document"] = found["document"] or _text(child, strip=False)
            elif tag in TERM_SECTIONS and level < 2:
                todo.append((child, level + 1))
        if found["term"] and level >= 1:
            break
    return found


def _date(group: ET.Element, where: str, name: str) -> datetime | None:
    date = next((_text(c) for c in group if local(c.tag) == "date"), "")
    if not date:
        return None
    try:
        created = datetime.fromisoformat(date)
    except ValueError:
        raise BadInputError(f"“{name}”, {where}: “{date}” is not a date.") from None
    return created if created.tzinfo is not None else created.replace(tzinfo=timezone.utc)

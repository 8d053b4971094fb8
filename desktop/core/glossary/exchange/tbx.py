"""TBX glossaries (TBX-Basic, for CAT tools), written and read.

The structure is ``martif`` › ``text`` › ``body`` › ``termEntry`` › ``langSet`` › ``tig`` ›
``term``. The category is a ``descrip type="subjectField"``, the note a ``note`` and the
context a ``descrip type="context"``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from desktop.core.atomic import atomic_write
from desktop.core.errors import BadInputError
from desktop.core.glossary.store import TermRecord, category_key

from .rows import ImportRow

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: What our TBX files say they are; in them, and only in them, the subject field is the category.
OWN_MARK = "Glossary exported from Tarjuman"


def _describe(root: ET.Element, header_tag: str) -> ET.Element:
    """The header saying who wrote the file; returns the body to fill."""
    header = ET.SubElement(root, header_tag)
    ET.SubElement(ET.SubElement(ET.SubElement(header, "fileDesc"), "sourceDesc"), "p").text = \
        f"{OWN_MARK} (Arabic → English)"
    return ET.SubElement(ET.SubElement(root, "text"), "body")


def _category_and_note(entry: ET.Element, term: TermRecord) -> None:
    ET.SubElement(entry, "descrip", {"type": "subjectField"}).text = term.category
    if term.note:
        ET.SubElement(entry, "note").text = _xml_safe(term.note)


def write_tbx(terms: Iterable[TermRecord], path: Path) -> int:
    martif = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    body = _describe(martif, "martifHeader")
    count = 0
    for t in terms:
        count += 1
        entry = ET.SubElement(body, "termEntry", {"id": f"t{t.id}"})
        _category_and_note(entry, t)
        transaction = ET.SubElement(entry, "transacGrp")
        ET.SubElement(transaction, "transac", {"type": "transactionType"}).text = "origination"
        ET.SubElement(transaction, "date").text = t.created_at.astimezone(timezone.utc).isoformat(
            timespec="seconds")
        arabic = ET.SubElement(ET.SubElement(entry, "langSet", {XML_LANG: "ar"}), "tig")
        ET.SubElement(arabic, "term").text = _xml_safe(t.source)
        if t.context:
            ET.SubElement(arabic, "descrip", {"type": "context"}).text = _xml_safe(t.context)
        if t.document:
            ET.SubElement(arabic, "admin", {"type": "source"}).text = _xml_safe(t.document)
        english = ET.SubElement(ET.SubElement(entry, "langSet", {XML_LANG: "en"}), "tig")
        ET.SubElement(english, "term").text = _xml_safe(t.target)
    ET.indent(martif)
    data = ET.tostring(martif, encoding="unicode")
    # A CR would be read back as LF: write it as a character reference.
    data = data.replace("\r", "&#13;")
    with atomic_write(path, encoding="utf-8", newline="") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        fh.write(data + "\n")
    return count


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff"))


def parse_tbx(text: str, name: str) -> list[ImportRow]:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        line, column = exc.position
        raise BadInputError(f"“{name}” is not well-formed XML (line {line}, column {column}).") from None
    if _local(root.tag) == "tbx":
        return _parse_tbx3(root, name)
    if root.tag != "martif":
        raise BadInputError(f"“{name}” is XML but not a TBX glossary (no <martif> or <tbx> root).")
    rows: list[ImportRow] = []
    for number, entry in enumerate(root.iter("termEntry"), 1):
        terms: dict[str, str] = {}
        context = document = ""
        for lang_set in entry.iter("langSet"):
            lang = (lang_set.get(XML_LANG) or lang_set.get("lang") or "").lower()[:2]
            term = lang_set.find("./tig/term")
            if term is None:
                term = lang_set.find(".//term")
            if term is not None and term.text and lang not in terms:
                terms[lang] = term.text
            if lang == "ar":
                context = lang_set.findtext(".//descrip[@type='context']") or context
                document = lang_set.findtext(".//admin[@type='source']") or document
        source, target = terms.get("ar", "").strip(), terms.get("en", "").strip()
        where = f"termEntry {entry.get('id') or number}"
        if not source or not target:
            raise BadInputError(f"“{name}”, {where}: an Arabic and an English term are needed.")
        # A category only from what names one (Tarjuman writes its own as a subject field
        # with the origin "tarjuman"); another subject field or a part of speech is kept
        # in the note as what it is.
        subject = (entry.findtext("descrip[@type='subjectField']") or "").strip()
        speech = (entry.findtext(".//termNote[@type='partOfSpeech']") or "").strip()
        own = root.findtext("./martifHeader/fileDesc/sourceDesc/p") or ""
        category = subject if subject and own.startswith(OWN_MARK) else "other"
        extras = []
        if subject and category == "other":
            extras.append(f"subject field: {subject}")
        if speech:
            extras.append(f"part of speech: {speech}")
        note = "; ".join(part for part in [entry.findtext("note") or "", *extras] if part)
        created = None
        date = entry.findtext("./transacGrp/date")
        if date:
            try:
                created = datetime.fromisoformat(date.strip())
            except ValueError:
                raise BadInputError(f"“{name}”, {where}: “{date}” is not a date.") from None
            if created.tzinfo is None:
                created = created.replace(tzinfo=timezone.utc)
        rows.append(ImportRow(number, source, target, category_key(category), note, context, document,
                              created, where))
    return rows


# -- TBX v3 (ISO 30042:2019): <tbx> › text › body › conceptEntry › langSec › termSec › term ----
TBX3 = "urn:iso:std:iso:30042:ed-2"


def _local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element.iter() if _local(child.tag) == name]


def _parse_tbx3(root: ET.Element, name: str) -> list[ImportRow]:
    """TBX-Basic in either style: DCA (``<descrip type="subjectField">``) or DCT
    (``<basic:subjectField>``); subject fields and parts of speech go into the note, as for
    TBX 2."""
    own = next((p.text or "" for p in _children(root, "p")), "").startswith(OWN_MARK)
    rows: list[ImportRow] = []
    for number, entry in enumerate(_children(root, "conceptEntry"), 1):
        terms: dict[str, str] = {}
        notes: list[str] = []
        category = "other"
        context = ""
        for lang_sec in _children(entry, "langSec"):
            lang = (lang_sec.get(XML_LANG) or "").lower()[:2]
            for term in _children(lang_sec, "term"):
                if term.text and lang not in terms:
                    terms[lang] = term.text.strip()
            for element in lang_sec.iter():
                kind = element.get("type") or _local(element.tag)
                if kind == "partOfSpeech" and element.text:
                    notes.append(f"part of speech: {element.text.strip()}")
                elif kind == "context" and lang == "ar" and element.text:
                    context = element.text.strip()
        for element in entry:
            kind = element.get("type") or _local(element.tag)
            if kind == "subjectField" and element.text:
                if own:  # our own export: the subject field is the category
                    category = element.text.strip()
                else:
                    notes.insert(0, f"subject field: {element.text.strip()}")
            elif _local(element.tag) == "note" and element.text:
                notes.insert(0, element.text.strip())
        where = f"conceptEntry {entry.get('id') or number}"
        source, target = terms.get("ar", ""), terms.get("en", "")
        if not source or not target:
            raise BadInputError(f"“{name}”, {where}: an Arabic and an English term are needed.")
        rows.append(ImportRow(number, source, target, category_key(category), "; ".join(dict.fromkeys(notes)),
                              context, "", None, where))
    return rows


def write_tbx3(terms: Iterable[TermRecord], path: Path) -> int:
    """TBX-Basic v3, DCA style: the category as a subject field, the note as a note, the
    context as a context (as in our TBX 2)."""
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en", "xmlns": TBX3})
    body = _describe(root, "tbxHeader")
    count = 0
    for t in terms:
        count += 1
        entry = ET.SubElement(body, "conceptEntry", {"id": f"t{t.id}"})
        _category_and_note(entry, t)
        for lang, text in (("ar", t.source), ("en", t.target)):
            term_sec = ET.SubElement(ET.SubElement(entry, "langSec", {XML_LANG: lang}), "termSec")
            ET.SubElement(term_sec, "term").text = _xml_safe(text)
            if lang == "ar" and t.context:
                ET.SubElement(term_sec, "descrip", {"type": "context"}).text = _xml_safe(t.context)
    ET.indent(root)
    with atomic_write(path, encoding="utf-8", newline="") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        fh.write('<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/'
                 'master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
                 'schematypens="http://relaxng.org/ns/structure/1.0"?>\n')
        fh.write(ET.tostring(root, encoding="unicode").replace("\r", "&#13;") + "\n")
    return count

"""Glossary export presets and imports: each parses back to the same terms."""

from __future__ import annotations

import csv
import dataclasses
import io
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.db.engine import dispose, open_database
from desktop.core.errors import BadInputError
from desktop.core.glossary import exchange, store
from desktop.core.glossary.exchange.anki import parse_anki
from desktop.core.glossary.exchange.delimited import parse_csv_text
from desktop.core.glossary.exchange.omegat import parse_omegat
from desktop.core.glossary.exchange.tbx import parse_tbx
from desktop.core.glossary.store import TermRecord

NOW = datetime(2024, 5, 1, 10, 0, 0, tzinfo=timezone.utc)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def term(i: int, source: str, target: str, category: str = "other", note: str = "",
         context: str = "", document: str = "") -> TermRecord:
    return TermRecord(i, source, target, category, note, context, document, NOW, NOW)


SAMPLE_TERMS = [
    term(1, "عبد اللطيف حموشي", "Abdellatif Hammouchi", "person", "DGSN, DGST chief",
         "استقبل عبد اللطيف حموشي، المدير العام", "article.txt"),
    term(2, "مكتب التحقيقات الفيدرالي", "Federal Bureau of Investigation", "organization",
         'the "FBI"\nsecond line', "", ""),
    term(3, "الرباط", "=Rabat", "place", "<capital> & largest", "", ""),
]


def fields(rows: list[exchange.ImportRow], with_extra: bool = True) -> list[tuple[object, ...]]:
    if with_extra:
        return [(r.source, r.target, r.category, r.note, r.context) for r in rows]
    return [(r.source, r.target, r.note) for r in rows]


def expected(terms: list[TermRecord], with_extra: bool = True) -> list[tuple[object, ...]]:
    if with_extra:
        return [(t.source, t.target, t.category, t.note, t.context) for t in terms]
    return [(t.source, t.target, t.note) for t in terms]


def test_anki_file_headers_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "deck.tsv"
    exchange.export_terms(SAMPLE_TERMS, path, "anki", deck="Security::Morocco", cloze=True)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    head = text.split("\n")[:5]
    assert head == ["#separator:tab", "#html:true", "#deck:Security::Morocco", "#tags column:7",
                    "#columns:Arabic\tEnglish\tTransliteration\tCategory\tContext\tNote\tTags\tCloze"]
    rows = list(csv.reader(io.StringIO("\n".join(text.split("\n")[5:])), delimiter="\t"))
    first = rows[0]
    assert first[0] == '<span dir="rtl">عبد اللطيف حموشي</span>'
    assert first[2] == "Abdellatif Hammouchi"
    assert first[4] == '<span dir="rtl">استقبل <b>عبد اللطيف حموشي</b>، المدير العام</span>'
    assert first[6] == "person"
    assert first[7] == '<span dir="rtl">استقبل {{c1::عبد اللطيف حموشي}}، المدير العام</span>'
    assert rows[1][5] == 'the "FBI"<br>second line'
    assert rows[2][5] == "&lt;capital&gt; &amp; largest"
    assert fields(parse_anki(text, "deck.tsv")) == expected(SAMPLE_TERMS)


def test_tbx_structure(tmp_path: Path) -> None:
    path = tmp_path / "glossary.tbx"
    exchange.export_terms(SAMPLE_TERMS, path, "tbx")
    root = ET.parse(path).getroot()
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert root.find("martifHeader/fileDesc/sourceDesc/p") is not None
    entries = root.findall("text/body/termEntry")
    assert len(entries) == 3
    first = entries[0]
    # TBX-Basic has no category: it is a note that names it; the subject field is the term's own.
    assert first.find("descrip[@type='subjectField']") is None
    assert [n.text for n in first.findall("note")] == ["Tarjuman category: person", "DGSN, DGST chief"]
    langs = {ls.get(XML_LANG): ls.findtext("tig/term") for ls in first.findall("langSet")}
    assert langs == {"ar": "عبد اللطيف حموشي", "en": "Abdellatif Hammouchi"}
    rows = parse_tbx(path.read_text(encoding="utf-8"), "glossary.tbx")
    assert fields(rows) == expected(SAMPLE_TERMS)
    assert rows[0].document == "article.txt" and rows[0].created == NOW


def test_omegat_lines(tmp_path: Path) -> None:
    path = tmp_path / "glossary.utf8"
    exchange.export_terms(SAMPLE_TERMS, path, "omegat")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# Glossary in tab-separated format -*- coding: utf-8 -*-"  # as OmegaT writes
    assert lines[2] == 'مكتب التحقيقات الفيدرالي\tFederal Bureau of Investigation\tthe "FBI" second line'
    assert fields(parse_omegat(path.read_text(encoding="utf-8"), "g"), False)[0] == \
        ("عبد اللطيف حموشي", "Abdellatif Hammouchi", "DGSN, DGST chief")


def test_omegat_comments_file_names_and_terms_it_cannot_carry(tmp_path: Path) -> None:
    written_by_omegat = ("# Glossary in tab-separated format -*- coding: utf-8 -*-\n"
                         "# a comment OmegaT skips\nالرباط\tRabat\tcapital\n")
    for name in ("glossary.txt", "project.tab", "glossary.utf8"):
        path = tmp_path / name
        path.write_text(written_by_omegat.split("\n", 1)[1], encoding="utf-8")  # even without its first line
        fmt, rows = exchange.parse_file(path)
        assert fmt == "omegat" and fields(rows, False) == [("الرباط", "Rabat", "capital")]
    hashtag = [SAMPLE_TERMS[0],
               dataclasses.replace(SAMPLE_TERMS[0], id=99, source="#الأمن", target="#security")]
    skipped: list[str] = []
    path = tmp_path / "out.utf8"
    assert exchange.export_terms(hashtag, path, "omegat", skipped=skipped) == 1
    assert skipped == ["#الأمن"]  # reported, not dropped silently
    assert len(exchange.parse_file(path)[1]) == 1


def test_excel_utf16_unicode_text_import(tmp_path: Path) -> None:
    # Excel's "Unicode text": UTF-16 LE with BOM, tab-separated, its own header names.
    text = "Arabic\tEnglish\tComment\r\nالرباط\tRabat\tcapital\r\nحموشي\tHammouchi\t\r\n"
    path = tmp_path / "excel.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    fmt, rows = exchange.parse_file(path)
    assert fmt == "tsv"
    assert fields(rows, False) == [("الرباط", "Rabat", "capital"), ("حموشي", "Hammouchi", "")]


def test_headerless_columns_are_guessed_by_script(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Rabat,الرباط\nMorocco,المغرب\n", encoding="utf-8")
    _, rows = exchange.parse_file(path)
    assert [(r.source, r.target) for r in rows] == [("الرباط", "Rabat"), ("المغرب", "Morocco")]


@pytest.mark.parametrize("content, message", [
    ("<?xml version='1.0'?><martif><text><body><termEntry>", "not well-formed XML \\(line 1"),
    ("<?xml version='1.0'?><glossary/>", "not a TBX glossary"),
    ("<?xml version='1.0'?><martif><text><body><termEntry id='x9'><langSet xml:lang='ar'><tig>"
     "<term>الرباط</term></tig></langSet></termEntry></body></text></martif>", "termEntry x9"),
])
def test_bad_tbx_names_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInputError, match=message):
        exchange.parse_file(path)


def test_bad_anki_and_omegat_lines(tmp_path: Path) -> None:
    anki = tmp_path / "deck.tsv"
    anki.write_text("#separator:tab\n#html:true\n<span dir=\"rtl\">الرباط</span>\tRabat\n\tOrphan\n",
                    encoding="utf-8")
    with pytest.raises(BadInputError, match="line 4"):
        exchange.parse_file(anki)
    omegat = tmp_path / "g.utf8"
    omegat.write_text("الرباط\tRabat\nno tab here\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="line 2"):
        exchange.parse_file(omegat)


def test_import_policies(tmp_path: Path) -> None:
    factory = open_database(tmp_path / "g.db")
    with factory.begin() as s:
        store.add_term(s, "الرباط", "Rabat", note="old")
    rows = parse_csv_text(
        "source,target,note\nالرِّباط,Rabat,new\nالرباط,Rabat City,\nالمغرب,Morocco,\n")
    for policy, counts, note in (("skip", (1, 0, 2), "old"), ("keep-both", (2, 0, 1), "old"),
                                 ("update", (2, 1, 0), "new")):
        with factory.begin() as s:
            result = exchange.import_rows(s, rows, policy=policy)
            assert (result.added, result.updated, result.skipped) == counts, policy
            assert [t.note for t in store.search(s, "Rabat") if t.target == "Rabat"] == [note]
            s.rollback()
    dispose(factory)


_text = st.text(alphabet=st.sampled_from(list("ابتَةىأ ءـحموشيRab,\"'\t\n<>&;=+-@") + ["😀", "ً"]),
                max_size=12)


@pytest.mark.parametrize("fmt", ["csv", "excel", "anki", "tbx", "tbx3", "omegat"])
@given(st.lists(st.tuples(_text, _text, _text, _text), min_size=1, max_size=6, unique_by=lambda t: t[0]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_round_trip_into_an_empty_glossary(tmp_path: Path, fmt: str,
                                           cells: list[tuple[str, str, str, str]]) -> None:
    """Everything a format carries comes back as it was; what it does not carry is listed in
    ``NOT_CARRIED`` (and said by every export)."""
    terms = [TermRecord(i + 1, "ك" + a.strip() + str(i), "t" + b.strip(), "place", c, d, f"doc{i}.txt",
                        NOW, NOW, subject=b.strip(), pos=a.strip()) for i, (a, b, c, d) in enumerate(cells)]
    suffix = {"tbx": "tbx", "tbx3": "tbx", "omegat": "utf8", "anki": "tsv"}.get(fmt, "csv")
    path = tmp_path / f"out-{fmt}.{suffix}"
    exchange.export_terms(terms, path, fmt)
    _, rows = exchange.parse_file(path)
    if fmt == "omegat":  # one line per entry: tabs and line breaks become spaces, no category
        import re

        def one_line(s: str) -> str:
            return re.sub(r"[\t\r\n]+", " ", s).strip()

        assert fields(rows, False) == [(one_line(t.source), one_line(t.target), one_line(t.note))
                                       for t in terms]
    else:
        assert fields(rows) == expected(terms)
    lost = set(exchange.NOT_CARRIED.get(fmt, ()))
    for label, read, written in (
            ("subject field", [r.subject for r in rows], [t.subject for t in terms]),
            ("part of speech", [r.pos for r in rows], [t.pos for t in terms]),
            ("document", [r.document for r in rows], [t.document for t in terms]),
            ("date added", [r.created for r in rows], [t.created_at for t in terms])):
        if label not in lost:
            assert read == written, label

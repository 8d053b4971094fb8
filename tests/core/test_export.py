from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desktop.core.documents import document_from_text
from desktop.core.errors import BadInputError
from desktop.core.translation.export import export_translation, format_for

TEXT = "الرباط عاصمة المغرب. وهي مدينة <جميلة> & قديمة.\n\nقال: “مرحبا”."
TARGETS = ["Rabat is the capital of Morocco.", "It is a <beautiful> & old city.", None]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def doc():  # type: ignore[no-untyped-def]
    return document_from_text(TEXT, title="مدن.txt")


def test_plain_text_keeps_paragraphs(doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.txt"
    assert export_translation(doc, TARGETS, out) == "txt"
    assert out.read_text(encoding="utf-8") == (
        "Rabat is the capital of Morocco. It is a <beautiful> & old city.\n\n\n")


def test_tmx_parses_back_with_the_pairs(doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.tmx"
    export_translation(doc, TARGETS, out)
    root = ET.parse(out).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "ar"  # type: ignore[union-attr]
    pairs = []
    for tu in root.iter("tu"):
        segs = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in tu.iter("tuv")}
        pairs.append((segs["ar"], segs["en"]))
    assert pairs == [("الرباط عاصمة المغرب.", TARGETS[0]), ("وهي مدينة <جميلة> & قديمة.", TARGETS[1])]


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[dict[str, str | None], str]]] = []
        self._cell: tuple[dict[str, str | None], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._cell = (dict(attrs), [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.rows[-1].append((self._cell[0], "".join(self._cell[1])))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell[1].append(data)


def test_html_is_two_columns_with_rtl_arabic(doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.html"
    export_translation(doc, TARGETS, out)
    parser = _Cells()
    parser.feed(out.read_text(encoding="utf-8"))
    assert len(parser.rows) == 3
    for row, sentence, target in zip(parser.rows, doc.sentences, TARGETS, strict=True):
        (ar_attrs, ar_text), (_, en_text) = row
        assert ar_attrs["dir"] == "rtl" and ar_text == sentence.text
        assert en_text == (target or "")


@pytest.mark.parametrize("fmt, delimiter", [("tsv", "\t"), ("csv", ",")])
def test_bilingual_table(doc, tmp_path: Path, fmt: str, delimiter: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"out.{fmt}"
    export_translation(doc, TARGETS, out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline=""), delimiter=delimiter))
    assert rows[0] == ["paragraph", "arabic", "english"]
    assert rows[1:] == [["1", "الرباط عاصمة المغرب.", TARGETS[0]],
                        ["1", "وهي مدينة <جميلة> & قديمة.", TARGETS[1]],
                        ["2", "قال: “مرحبا”.", ""]]


def test_unknown_format_refused(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="not an export format"):
        format_for(tmp_path / "x.docx")
    assert format_for(tmp_path / "x.htm") == "html"
    assert format_for(tmp_path / "x", "tmx") == "tmx"


def test_translation_tables_guard_formula_cells_unless_raw(tmp_path: Path) -> None:
    doc = document_from_text("=HYPERLINK(\"http://x\") في الرباط.", title="t")
    targets = ["=1+1 in Rabat."]
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        guarded = tmp_path / f"guarded.{fmt}"
        export_translation(doc, targets, guarded, fmt)
        rows = list(csv.reader(guarded.open(encoding="utf-8", newline=""), delimiter=delimiter))
        assert rows[1][1].startswith("'=HYPERLINK") and rows[1][2] == "'=1+1 in Rabat."
        raw = tmp_path / f"raw.{fmt}"
        export_translation(doc, targets, raw, fmt, raw=True)
        rows = list(csv.reader(raw.open(encoding="utf-8", newline=""), delimiter=delimiter))
        assert rows[1][2] == "=1+1 in Rabat."

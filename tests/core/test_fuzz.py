"""Hostile input, fuzzed: readers, segmenter, matcher and importers may only raise
Tarjuman's documented errors (which the window shows as messages).

Bounded for CI (a few seconds). For a long run:
``TARJUMAN_FUZZ=long python3 dev.py test tests/core/test_fuzz.py``.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.documents import read_document
from desktop.core.errors import TarjumanError
from desktop.core.glossary import exchange
from desktop.core.glossary.matcher import IndexedTerm, TermIndex, find_naive
from desktop.core.segment import clean_text, segment

LONG = os.environ.get("TARJUMAN_FUZZ") == "long"
FUZZ = settings(max_examples=5000 if LONG else 300, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

_SPICE = list("ابتثلمنوهيةىأإآءؤئـًٌٍَُِّْ\u200f\u200e\ufeff.،؟!\n\r\t \"“”«»<>&")
_arabicish = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(_SPICE)), max_size=300)


def _only_documented(call: object) -> None:
    try:
        call()  # type: ignore[operator]
    except TarjumanError:
        pass


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf", ".srt"]))
def test_document_readers_on_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    _only_documented(lambda: read_document(path))


def _zip_with(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buffer.getvalue()


@FUZZ
@given(st.dictionaries(st.sampled_from(["[Content_Types].xml", "word/document.xml", "_rels/.rels",
                                        "word/_rels/document.xml.rels", "x"]),
                       st.binary(max_size=300), max_size=4))
def test_docx_reader_on_random_zips(tmp_path: Path, members: dict[str, bytes]) -> None:
    path = tmp_path / "fuzz.docx"
    path.write_bytes(_zip_with(members))
    _only_documented(lambda: read_document(path))


@FUZZ
@given(st.binary(max_size=2000))
def test_pdf_reader_on_pdf_like_bytes(tmp_path: Path, tail: bytes) -> None:
    path = tmp_path / "fuzz.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + tail)
    _only_documented(lambda: read_document(path))


@FUZZ
@given(_arabicish)
def test_segmenter_keeps_offsets_on_any_text(raw: str) -> None:
    text = clean_text(raw)
    for s in segment(text):
        assert text[s.start : s.end] == s.text


@FUZZ
@given(st.lists(_arabicish.filter(lambda s: len(s) < 30), max_size=8), _arabicish)
def test_matcher_on_any_text(sources: list[str], text: str) -> None:
    terms = [IndexedTerm(i, s, "t", "other") for i, s in enumerate(sources)]
    matches = TermIndex(terms).find(text)
    assert matches == find_naive(terms, text)
    for m in matches:
        assert text[m.start : m.end] == m.text


@FUZZ
@given(_arabicish, st.sampled_from([".csv", ".tsv", ".tbx", ".utf8", ".txt"]))
def test_glossary_importers_on_any_text(tmp_path: Path, content: str, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(content.encode("utf-8", errors="replace"))
    _only_documented(lambda: exchange.parse_file(path))


@FUZZ
@given(st.text(max_size=400))
def test_tbx_importer_on_xml_like_text(tmp_path: Path, body: str) -> None:
    path = tmp_path / "fuzz.tbx"
    path.write_bytes(f"<?xml version='1.0'?><martif><text><body>{body}</body></text></martif>"
                     .encode("utf-8", errors="replace"))
    _only_documented(lambda: exchange.parse_file(path))


@pytest.mark.parametrize("payload", [
    "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>"
    "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;'>]><martif>&d;</martif>",
    "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><martif>&x;</martif>",
])
def test_xml_entity_tricks_are_harmless(tmp_path: Path, payload: str) -> None:
    path = tmp_path / "evil.tbx"
    path.write_text(payload, encoding="utf-8")
    _only_documented(lambda: exchange.parse_file(path))

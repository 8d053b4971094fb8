from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.cells import protect_cell, unprotect_cell
from desktop.core.db.engine import dispose, open_database
from desktop.core.errors import BadInputError
from desktop.core.glossary import exchange, store
from desktop.core.glossary.exchange import delimited
from desktop.core.glossary.exchange.rows import COLUMNS


def _fill(path: Path) -> None:
    factory = open_database(path)
    with factory.begin() as s:
        store.add_term(s, "مكتب التحقيقات الفيدرالي", "FBI, the \"Bureau\"", category="organization",
                       note="line one\nline two", context="كريستوفر راي، مدير مكتب التحقيقات الفيدرالي")
        store.add_term(s, "الرباط", "=HYPERLINK(\"http://x\")", category="place", note="@cmd")
        store.add_term(s, "حموشي", "-Hammouchi", category="person", note="+1")
    dispose(factory)


def test_export_format(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    _fill(db)
    out = tmp_path / "out.csv"
    factory = open_database(db)
    with factory() as s:
        assert delimited.export_csv(s, out) == 3
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.startswith(b"source,target,category,note,context,document,created,subject,pos\r\n")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows[0] == list(COLUMNS)
    by_source = {r[0]: r for r in rows[1:]}
    assert by_source["الرباط"][1] == "'=HYPERLINK(\"http://x\")"
    assert by_source["الرباط"][3] == "'@cmd"
    assert by_source["حموشي"][1] == "'-Hammouchi" and by_source["حموشي"][3] == "'+1"
    assert by_source["مكتب التحقيقات الفيدرالي"][3] == "line one\nline two"
    with factory() as s:
        delimited.export_csv(s, tmp_path / "excel.csv", excel=True)
    assert (tmp_path / "excel.csv").read_bytes().startswith(b"\xef\xbb\xbfsource,target")


def test_round_trip_into_a_new_glossary(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    _fill(db)
    out = tmp_path / "out.csv"
    factory = open_database(db)
    with factory() as s:
        delimited.export_csv(s, out, excel=True)
        original = store.search(s)
    other = open_database(tmp_path / "other.db")
    with other.begin() as s:
        result = exchange.import_rows(s, delimited.parse_csv(out))
    assert (result.added, result.updated) == (3, 0)
    with other() as s:
        copied = store.search(s)
    def key(t: store.TermRecord) -> tuple[object, ...]:
        return (t.source, t.target, t.category, t.note, t.context, t.document,
                t.created_at.replace(microsecond=0))

    assert [key(t) for t in copied] == [key(t) for t in original]


_cell = st.text(alphabet=st.sampled_from(list("اب حموشيabc =+-@'\t\r\n,\"،“”")), max_size=12)


@given(st.lists(st.tuples(_cell, _cell, _cell), min_size=1, max_size=8))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_csv_round_trip_property(tmp_path: Path, rows: list[tuple[str, str, str]]) -> None:
    from datetime import datetime, timezone

    from desktop.core.glossary.store import TermRecord

    now = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    terms = [TermRecord(i, "ك" + a.strip(), "t" + b.strip(), "other", c, a, b, now, now)
             for i, (a, b, c) in enumerate(rows)]
    path = tmp_path / "prop.csv"
    delimited.write_csv(terms, path)
    parsed = delimited.parse_csv(path)
    assert [(r.source, r.target, r.note, r.context, r.document, r.created) for r in parsed] == [
        (t.source, t.target, t.note, t.context, t.document, now) for t in terms
    ]


@given(st.text(max_size=20))
def test_protect_is_reversible(value: str) -> None:
    protected = protect_cell(value)
    assert unprotect_cell(protected) == value
    assert protected[:1] not in ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty"),
        ("source,note\nا,b\n", "line 1"),
        ("source,target\nالرباط,Rabat\n,missing source\n", "line 3"),
        ("source,target\nالرباط,Rabat\n\"unterminated,x\n", "line 3"),
        ("source,target\nالرباط,Rabat,extra,cells\n", "line 2"),
        ("source,target,created\nالرباط,Rabat,yesterday\n", "line 2"),
    ],
)
def test_bad_csv_is_refused_with_line_and_nothing_changes(tmp_path: Path, content: str,
                                                          message: str) -> None:
    db = tmp_path / "g.db"
    _fill(db)
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInputError, match=message):
        delimited.parse_csv(path)


def test_import_is_all_or_nothing(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    factory = open_database(db)
    rows = delimited.parse_csv_text("source,target\nالرباط,Rabat\nالمغرب,Morocco\n")
    bad = exchange.ImportRow(4, "كلمة", "   ", "other", "", "", "", None)  # no English
    with pytest.raises(BadInputError, match="Line 4"):
        with factory.begin() as s:
            exchange.import_rows(s, rows + [bad])
    with factory() as s:
        assert store.count_terms(s) == 0


def test_legacy_encoding_csv_is_read_and_missing_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "cp1256.csv"
    path.write_bytes("source,target,note\nالرباط,Rabat,عاصمة المغرب وأكبر مدنها\n".encode("cp1256"))
    rows = delimited.parse_csv(path)
    assert [(r.source, r.note) for r in rows] == [("الرباط", "عاصمة المغرب وأكبر مدنها")]
    with pytest.raises(BadInputError, match="does not exist"):
        delimited.parse_csv(tmp_path / "missing.csv")


def test_import_updates_duplicates_within_the_file_and_on_reimport(tmp_path: Path) -> None:
    factory = open_database(tmp_path / "g.db")
    text = ("source,target,category,note\n"
            "الرباط,Rabat,place,first note\n"
            "المغرب,Morocco,place,\n"
            "الرَّباط,Rabat,place,second note\n")
    with factory.begin() as s:
        result = exchange.import_rows(s, delimited.parse_csv_text(text))
    assert (result.added, result.updated) == (2, 1)
    with factory.begin() as s:
        again = exchange.import_rows(s, delimited.parse_csv_text(text))
        assert (again.added, again.updated) == (0, 3)
    with factory() as s:
        terms = {t.target: t for t in store.search(s)}
        assert len(terms) == 2
        assert terms["Rabat"].note == "second note" and terms["Rabat"].source == "الرَّباط"
        assert store.search_ids(s, "second") == [terms["Rabat"].id]  # search text follows the note


def test_unknown_categories_are_mapped_to_other_or_created(tmp_path: Path) -> None:
    factory = open_database(tmp_path / "g.db")
    rows = delimited.parse_csv_text("source,target,category\nالرباط,Rabat,place\nحموشي,H,planet\n")
    with factory.begin() as s:
        exchange.import_rows(s, rows)  # default: "other"
        assert [(t.source, t.category) for t in store.search(s)] == [("الرباط", "place"), ("حموشي", "other")]
        s.rollback()
    with factory.begin() as s:
        assert exchange.import_rows(s, rows, new_categories="create").added == 2
    with factory() as s:
        assert "planet" in store.category_names(s)
        assert {t.category for t in store.search(s)} == {"place", "planet"}
    bad_name = delimited.parse_csv_text("source,target,category\nالقمر,Moon," + "x" * 60 + "\n")
    with pytest.raises(BadInputError, match="Line 2"):
        with factory.begin() as s:
            exchange.import_rows(s, bad_name, new_categories="create")


def test_short_rows_unmapped_columns_and_guarded_cells(tmp_path: Path) -> None:
    """A row with fewer cells than the header leaves the missing fields empty, a column the
    header does not name is ignored, and a cell guarded against formulas loses its guard."""
    from desktop.core.glossary import exchange

    table = exchange.read_table("source,target,extra,note\nكتاب,book\nقلم,'=pen,x,'+a note\n"
                                "بيت,house,,\n", "t.csv")
    rows = exchange.rows_from_table(table, exchange.guess_mapping(table))
    assert [(r.line, r.source, r.target, r.note, r.category, r.context) for r in rows] == [
        (2, "كتاب", "book", "", None, ""), (3, "قلم", "=pen", "+a note", None, ""),
        (4, "بيت", "house", "", None, "")]
    raw = exchange.rows_from_table(table, exchange.guess_mapping(table), unprotect=False)
    assert raw[1].target == "'=pen"

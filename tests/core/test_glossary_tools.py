"""Catalog (search/sort/filter in memory), undo of deletes, duplicates and merge,
names romanised as they are usually spelled."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.glossary import store
from desktop.core.glossary.catalog import Catalog
from desktop.core.names import romanize_name
from desktop.core.workspace_glossary import open_glossary


@pytest.fixture
def factory(glossary_db: str):  # type: ignore[no-untyped-def]
    """Five terms on each engine (a glossary file, a team termbase)."""
    factory = open_glossary(glossary_db)
    with factory.begin() as s:
        store.add_term(s, "مكتب التحقيقات الفيدرالي", "Federal Bureau of Investigation",
                       category="organization", note="FBI")
        store.add_term(s, "عبد اللطيف حموشي", "Abdellatif Hammouchi", category="person", note="DGSN")
        store.add_term(s, "الرباط", "Rabat", category="place")
        store.add_term(s, "الرِّباط", "Rabat city", category="place", note="capital")
        store.add_term(s, "وزير الشؤون الخارجية", "Minister of Foreign Affairs", category="title")
    return factory


def test_catalog_matches_the_database_search(factory) -> None:  # type: ignore[no-untyped-def]
    with factory() as s:
        catalog = Catalog.load(s)
        for query in ("", "مك", "حمّوشي", "rab", "CAPITAL", "ألرباط", "zz", "fbi"):
            assert catalog.query(query) == store.search_ids(s, query), query


def test_catalog_sorts_and_filters(factory) -> None:  # type: ignore[no-untyped-def]
    with factory() as s:
        catalog = Catalog.load(s)
        records = {r.id: r for r in store.search(s)}
    by_target = [records[i].target for i in catalog.query(sort="target")]
    assert by_target == sorted(by_target, key=str.casefold)
    assert [records[i].target for i in catalog.query(sort="target", descending=True)] == by_target[::-1]
    assert {records[i].category for i in catalog.query(category="place")} == {"place"}
    assert len(catalog.query("rab", category="place")) == 2
    assert catalog.query("rab", category="person") == []
    assert catalog.categories() == ["organization", "person", "place", "title"]


def test_catalog_follows_changes(factory) -> None:  # type: ignore[no-untyped-def]
    with factory() as s:
        catalog = Catalog.load(s)
    with factory.begin() as s:
        rec, _ = store.add_term(s, "بغداد", "Baghdad", category="place")
    catalog.upsert(rec)
    assert catalog.query("بغد") == [rec.id]
    catalog.remove([rec.id])
    assert catalog.query("بغد") == []


def test_undo_delete_restores_the_same_terms(factory) -> None:  # type: ignore[no-untyped-def]
    with factory() as s:
        before = store.search(s)
    victims = [t for t in before if t.category == "place"]
    with factory.begin() as s:
        assert store.delete_terms(s, [t.id for t in victims]) == 2
    with factory.begin() as s:
        store.restore_terms(s, victims)
    with factory() as s:
        assert store.search(s) == before
        assert store.search_ids(s, "capital") == [t.id for t in victims if t.note == "capital"]


def test_duplicates_and_merge(factory) -> None:  # type: ignore[no-untyped-def]
    with factory.begin() as s:
        store.add_term(s, "الرباط", "Rabat", context="في الرباط")
        store.add_term(s, "العاصمة", "rabat", note="the capital, lower case")
    with factory() as s:
        groups = store.duplicate_groups(s, "source")
        assert [[t.target for t in g] for g in groups] == [["Rabat", "Rabat city"]]
        by_target = store.duplicate_groups(s, "target")
        assert [sorted(t.source for t in g) for g in by_target] == [["الرباط", "العاصمة"]]
    keep, other = groups[0]
    with factory.begin() as s:
        merged = store.merge_terms(s, keep.id, [other.id])
    assert merged.note == "capital" and merged.context == "في الرباط"
    with factory() as s:
        assert store.get_term(s, other.id) is None
        assert store.duplicate_groups(s, "source") == []
        assert keep.id in store.search_ids(s, "capital")


@pytest.mark.parametrize("arabic, english", [
    ("حموشي", "Hammouchi"),
    ("عبد اللطيف حموشي", "Abdellatif Hammouchi"),  # as the man signs
    ("ناصر بوريطة", "Nasser Bourita"),
    ("كريستوفر راي", "Christofr Ray"),  # not in the names dictionary: the model's guess
    ("وليد", "Waleed"),
    ("FBI", "FBI"),
])
def test_names_are_romanised_as_they_are_usually_spelled(arabic: str, english: str) -> None:
    assert romanize_name(arabic) == english


def test_user_categories(factory) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.errors import BadInputError

    with factory.begin() as s:
        assert [c.name for c in store.categories(s)] == ["person", "organization", "title", "place", "other"]
        store.add_category(s, "Agency", "#AABBCC")
        rec, _ = store.add_term(s, "المديرية العامة", "General Directorate", category="agency")
        with pytest.raises(BadInputError, match="already a category"):
            store.add_category(s, "agency")
        with pytest.raises(BadInputError, match="not a colour"):
            store.set_category_colour(s, "agency", "blue")
        store.set_category_colour(s, "agency", "#112233")
    with factory.begin() as s:
        store.rename_category(s, "agency", "security service")
        info = {c.name: c for c in store.categories(s)}
        assert info["security service"].colour == "#112233" and info["security service"].terms == 1
        assert store.get_term(s, rec.id).category == "security service"  # type: ignore[union-attr]
        with pytest.raises(BadInputError, match="built in"):
            store.rename_category(s, "person", "people")
        with pytest.raises(BadInputError, match="built in"):
            store.delete_category(s, "place")
    with factory.begin() as s:
        assert store.delete_category(s, "security service", move_to="organization") == 1
        assert store.get_term(s, rec.id).category == "organization"  # type: ignore[union-attr]
        with pytest.raises(BadInputError, match="not a category"):
            store.add_term(s, "س", "x", category="security service")


def test_catalog_kept_in_order_by_bisection_equals_sorting_again() -> None:
    """Random upserts and removals on a catalogue whose orders are kept in place give the
    same query results as a catalogue sorted from scratch (every sort field, both ways)."""
    from datetime import datetime, timedelta, timezone

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from desktop.core.glossary.catalog import SORT_FIELDS, Catalog
    from desktop.core.glossary.store import TermRecord

    base = datetime(2026, 1, 1, tzinfo=timezone.utc)
    texts = st.text(alphabet="اأبتمنلé Éab", max_size=5)
    op = st.tuples(st.booleans(), st.integers(0, 12), texts, texts, st.sampled_from(["person", "other"]),
                   texts, st.integers(0, 3))

    def record(i: int, src: str, tgt: str, cat: str, note: str, day: int) -> TermRecord:
        when = base + timedelta(days=day)
        return TermRecord(i, src or "س", tgt or "x", cat, note, "", "", when, when)

    @settings(max_examples=150, deadline=None)
    @given(st.lists(op, max_size=30))
    def check(ops: list[tuple[bool, int, str, str, str, str, int]]) -> None:
        kept = Catalog()
        for field in SORT_FIELDS:
            kept.query(sort=field)  # every order cached, so every change bisects
        records: dict[int, TermRecord] = {}
        for remove, i, src, tgt, cat, note, day in ops:
            if remove:
                kept.remove([i])
                records.pop(i, None)
            else:
                rec = record(i, src, tgt, cat, note, day)
                kept.upsert(rec)
                records[i] = rec
        fresh = Catalog()
        for rec in records.values():
            fresh.upsert(rec)
        for field in SORT_FIELDS:
            for descending in (False, True):
                assert kept.query(sort=field, descending=descending) == \
                    fresh.query(sort=field, descending=descending)
            assert kept.query("ا", "person", field) == fresh.query("ا", "person", field)

    check()


@pytest.mark.parametrize("narrow_from", [0, 3])  # 0: every letter narrows the last result
def test_typing_a_query_letter_by_letter_finds_what_a_fresh_search_finds(
        narrow_from: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each letter typed narrows the last result instead of searching every term again; the
    results are those of a search from scratch, also after terms change between letters."""
    from datetime import datetime, timezone

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from desktop.core.glossary.catalog import SORT_FIELDS, Catalog
    from desktop.core.glossary.store import TermRecord

    monkeypatch.setattr(Catalog, "NARROW_FROM", narrow_from)
    when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    arabic = st.text(alphabet="الأمنبتوزيرة ", min_size=1, max_size=10)
    terms = st.lists(st.tuples(arabic, st.text(alphabet="abAB ", max_size=5),
                               st.sampled_from(["person", "place"])), max_size=25)

    def record(i: int, src: str, tgt: str, cat: str) -> TermRecord:
        return TermRecord(i, src, tgt or "x", cat, "", "", "", when, when)

    @settings(max_examples=200, deadline=None)
    @given(terms, st.text(alphabet="الأمنبتوزيرةaB ", max_size=8), st.sampled_from(SORT_FIELDS),
           st.booleans(), st.sampled_from([None, "place"]), st.integers(0, 8), arabic)
    def check(rows: list[tuple[str, str, str]], query: str, sort: str, descending: bool,
              category: str | None, change_at: int, changed: str) -> None:
        typed = Catalog()
        for i, row in enumerate(rows):
            typed.upsert(record(i, *row))
        for n in range(len(query) + 1):
            if n == change_at:  # a term edited (or a new one) while the user types
                typed.upsert(record(0, changed, "edited", "place"))
                rows = [(changed, "edited", "place"), *rows[1:]] if rows else [(changed, "edited", "place")]
            fresh = Catalog()
            for i, row in enumerate(rows):
                fresh.upsert(record(i, *row))
            assert typed.query(query[:n], category, sort, descending) == \
                fresh.query(query[:n], category, sort, descending), query[:n]

    check()
    # "الأمن" typed: "للأمن" is found by the query without its article.
    catalog = Catalog()
    for i, source in enumerate(["للأمن", "الأمن العام", "أمن", "المدير", "الأمير"]):
        catalog.upsert(record(i, source, "x", "place"))
    found = [catalog.query("الأمن"[:n]) for n in range(1, 6)]
    assert found[-1] == [1, 2, 0] and found[-2] == [1, 4, 2, 0]  # "الأم" finds more than "الأ"
    assert found == [Catalog([*catalog._entries.values()]).query("الأمن"[:n]) for n in range(1, 6)]


def test_a_documents_terms_found_before_the_whole_index_on_each_engine(glossary_db: str) -> None:
    """A big glossary's first highlights read only the Arabic of its terms and index those
    the document can hold: the same matches as the whole index, on a glossary file and on a
    team termbase."""
    from desktop.core.workspace import Workspace
    from tests.conftest import SAMPLE

    workspace = Workspace.open(glossary_db)
    try:
        for source, target in (("حموشي", "Hammouchi"), ("الأمن الوطني", "national security"),
                               ("المديرية العامة", "Directorate General"), ("بغداد", "Baghdad"),
                               ("الرباط", "Rabat"), ("مكتب التحقيقات الفيدرالي", "FBI")):
            workspace.save_term(source, target)
        text = SAMPLE.read_text(encoding="utf-8")
        early = workspace.early_term_matches(text)
        assert early == workspace.build_term_index().find(text)
        assert {m.term.target for m in early} >= {"Hammouchi", "Rabat"}
        assert "Baghdad" not in {m.term.target for m in early}
    finally:
        workspace.close()


def test_reading_the_terms_for_the_index_keeps_the_time_limit_per_statement(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The term index reads its columns through the engine: each read gets the statement
    time limit afresh, also on a connection idle for longer than the limit."""
    import time

    from desktop.core.workspace import Workspace

    monkeypatch.setenv("TARJUMAN_QUERY_LIMIT_S", "0.3")
    workspace = Workspace.open(tmp_path / "g.db")
    try:
        with workspace.factory.begin() as session:
            store.add_terms(session, [store.NewTerm(f"مصطلح {i}", f"term {i}") for i in range(30_000)])
        assert workspace.count_terms() == 30_000
        time.sleep(0.5)  # longer than the limit since the connection's last statement
        assert len(workspace.build_term_index()) == 30_000
        assert workspace.early_term_matches("مصطلح 12 و مصطلح 29999")
    finally:
        workspace.close()

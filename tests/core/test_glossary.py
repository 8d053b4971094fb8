from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core.arabic import normalize
from desktop.core.db.engine import journal_mode, open_database
from desktop.core.errors import BadInputError, GlossaryError
from desktop.core.glossary import store
from desktop.core.workspace_glossary import open_glossary


def test_normalize_folds_arabic_variants() -> None:
    assert normalize("أَحْمَد") == "احمد"
    assert normalize("إسلام آمن ٱلله") == "اسلام امن الله"
    assert normalize("مصطفى") == "مصطفي"
    assert normalize("مدرسة") == "مدرسه"
    assert normalize("عـــربي") == "عربي"
    assert normalize("  كلمة   أخرى ") == "كلمه اخري"


def test_pragmas(db_path: Path) -> None:
    factory = open_database(db_path)
    assert journal_mode(factory) == "wal"
    with factory() as session:
        conn = session.connection().connection.dbapi_connection
        assert conn is not None
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_add_then_same_pair_updates_instead_of_duplicating(glossary_db: str) -> None:
    factory = open_glossary(glossary_db)
    with factory.begin() as s:
        first, created = store.add_term(s, "عبد اللطيف حموشي", "Abdellatif Hammouchi",
                                        category="person", context="ctx", document="a.txt")
    assert created
    with factory.begin() as s:
        # Same normalised source (harakat, hamza and tatweel differ), same English.
        again, created = store.add_term(s, "عَبْد اللّطيـف حموشي", "Abdellatif Hammouchi",
                                        note="DGSN chief")
    assert not created and again.id == first.id
    assert again.note == "DGSN chief" and again.context == "ctx" and again.category == "person"
    assert again.created_at == first.created_at and again.updated_at >= first.updated_at
    with factory.begin() as s:
        _, created = store.add_term(s, "عبد اللطيف حموشي", "Abdellatif Hamouchi")
        assert created  # a different English rendering is a separate entry
        assert store.count_terms(s) == 2


def test_search_ignores_harakat_hamza_tatweel_and_case(glossary_db: str) -> None:
    factory = open_glossary(glossary_db)
    with factory.begin() as s:
        fbi, _ = store.add_term(s, "مكتب التحقيقات الفيدرالي", "Federal Bureau of Investigation",
                                category="organization", note="FBI")
        dgst, _ = store.add_term(s, "المديرية العامة لمراقبة التراب الوطني",
                                 "General Directorate for Territorial Surveillance",
                                 category="organization", note="تعرف بـ الديستي")
        place, _ = store.add_term(s, "الرباط", "Rabat", category="place")
    with factory() as s:
        assert store.search_ids(s, "التَّحقيقات") == [fbi.id]
        assert store.search_ids(s, "المُديريـة") == [dgst.id]
        assert store.search_ids(s, "federal") == [fbi.id]
        assert store.search_ids(s, "fbi") == [fbi.id]  # note, case-insensitive
        assert store.search_ids(s, "الدّيستي") == [dgst.id]  # Arabic in the note
        assert store.search_ids(s, "ألرباط") == [place.id]  # hamza on the alef
        assert store.search_ids(s, "100%") == []
        assert sorted(store.search_ids(s, "")) == sorted([fbi.id, dgst.id, place.id])


def test_update_and_delete(glossary_db: str) -> None:
    factory = open_glossary(glossary_db)
    with factory.begin() as s:
        a, _ = store.add_term(s, "الرباط", "Rabat")
        b, _ = store.add_term(s, "المغرب", "Morocco")
    with factory.begin() as s:
        updated = store.update_term(s, a.id, target="Rabat (capital)", category="place")
    assert updated.target == "Rabat (capital)" and updated.category == "place"
    with factory.begin() as s, pytest.raises(BadInputError, match="already has"):
        store.update_term(s, b.id, source="الرباط", target="Rabat (capital)")
    with factory.begin() as s, pytest.raises(BadInputError, match="not a category"):
        store.update_term(s, b.id, category="planet")
    with factory.begin() as s:
        assert store.delete_terms(s, [a.id]) == 1
    with factory() as s:
        assert [t.source for t in store.search(s)] == ["المغرب"]


def test_empty_source_or_target_refused(glossary_db: str) -> None:
    factory = open_glossary(glossary_db)
    with factory.begin() as s:
        with pytest.raises(BadInputError):
            store.add_term(s, "  ", "x")
        with pytest.raises(BadInputError):
            store.add_term(s, "الرباط", " ")
        with pytest.raises(BadInputError):
            store.add_term(s, "َّ", "harakat only")


def test_not_a_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    path.write_bytes(b"this is a text file, not sqlite\n" * 10)
    before = path.read_bytes()
    with pytest.raises(GlossaryError, match="not a Tarjuman glossary"):
        open_database(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary.db"]


def test_damaged_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    factory = open_database(path)
    with factory.begin() as s:
        for i in range(300):
            store.add_term(s, f"كلمة {i}", f"word {i}", note="x" * 200)
    from desktop.core.db.engine import dispose

    dispose(factory)
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\xff" * 8192  # wreck two pages
    path.write_bytes(bytes(data))
    with pytest.raises(GlossaryError, match="damaged"):
        open_database(path)
    assert path.read_bytes() == bytes(data)


def test_glossary_from_before_categories_is_upgraded(tmp_path: Path) -> None:
    """The first schema had a CHECK constraint on the category; opening rebuilds the table."""
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE terms (
            id INTEGER NOT NULL PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL,
            source_norm TEXT NOT NULL, search_text TEXT NOT NULL, category VARCHAR(20) NOT NULL,
            note TEXT NOT NULL, context TEXT NOT NULL, document TEXT NOT NULL,
            created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
            CONSTRAINT uq_terms_source_norm_target UNIQUE (source_norm, target),
            CONSTRAINT ck_terms_category
                CHECK (category IN ('person', 'organization', 'title', 'place', 'other')));
        CREATE INDEX ix_terms_source_norm ON terms (source_norm);
        INSERT INTO terms VALUES (7, 'الرباط', 'Rabat', 'الرباط',
                                  'الرباط' || char(31) || 'rabat' || char(31), 'place', '', '', '',
                                  '2024-01-01 10:00:00.000000', '2024-01-01 10:00:00.000000');
    """)
    con.close()
    factory = open_database(path)
    with factory.begin() as s:
        store.add_category(s, "agency", "#112233")
        rec, _ = store.add_term(s, "المديرية", "Directorate", category="agency")
        assert [t.id for t in store.search(s, "rabat")] == [7]
        assert store.get_term(s, rec.id).category == "agency"  # type: ignore[union-attr]

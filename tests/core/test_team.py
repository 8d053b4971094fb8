"""The team glossary (#16): the same Workspace, store, memory and interchange on SQLite and on a
real PostgreSQL server (``glossary_db`` runs each test on both), the schema's revisions on
PostgreSQL, and connecting from the CLI."""

from __future__ import annotations

import io
import multiprocessing
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from desktop import cli
from desktop.core.db import migrate
from desktop.core.errors import BadInputError, GlossaryError
from desktop.core.location import display_name, is_team, team_name, without_password
from desktop.core.translation import memory
from desktop.core.workspace import Workspace
from tests.pgcluster import Cluster

REPO = Path(__file__).resolve().parents[2]


def test_locations_name_a_termbase_without_its_password() -> None:
    url = "postgresql://anna:s3cret@db.example.org:5433/termbase?sslmode=verify-full"
    assert is_team(url) and is_team("postgres://x@y/z") and not is_team(Path("postgresql:/x"))
    assert not is_team("glossary.db")
    assert team_name(url) == "anna@db.example.org:5433/termbase"
    assert "s3cret" not in without_password(url) and "sslmode=verify-full" in without_password(url)
    assert team_name("postgresql:///?service=team") == "team (service)"
    assert display_name("/home/anna/glossary.db") == "glossary.db"


def test_terms_categories_and_search_on_both_engines(glossary_db: str) -> None:
    ws = Workspace.open(glossary_db)
    try:
        assert ws.team == is_team(glossary_db)
        record, created = ws.save_term("وزارة الخارجية", "Ministry of Foreign Affairs",
                                       category="organization", note="gov").value
        assert created
        again, created = ws.save_term("وزارة الخارجيّة", "Ministry of Foreign Affairs", note="x").value
        assert not created and again.id == record.id and again.note == "x"
        ws.save_term("كتاب", "book")
        assert [t.target for t in ws.search_terms("الخارجية")] == ["Ministry of Foreign Affairs"]
        assert [t.target for t in ws.search_terms("book")] == ["book"]
        edited = ws.update_term(record.id, target="Foreign Ministry").value
        assert edited.target == "Foreign Ministry"
        with pytest.raises(BadInputError):
            ws.update_term(record.id, source="كتاب", target="book")
        ws.add_category("law", "#112233")
        ws.update_term(record.id, category="law")
        ws.rename_category("law", "legal")
        assert ws.get_terms([record.id])[0].category == "legal"
        assert ws.delete_category("legal").value == 1
        deleted = ws.delete_terms([record.id]).value
        assert ws.count_terms() == 1
        ws.restore_terms(deleted)
        assert ws.count_terms() == 2 and ws.get_terms([record.id])[0].target == "Foreign Ministry"
        assert {t.target for t in ws.build_term_index().terms} == {"Foreign Ministry", "book"}
    finally:
        ws.close()


def test_translation_memory_lives_in_the_same_database(glossary_db: str) -> None:
    ws = Workspace.open(glossary_db)
    try:
        with ws.factory.begin() as session:
            memory.remember(session, "m1", [("جملة أولى.", "First."), ("جملة ثانية.", "Second.")])
            memory.remember(session, "m1", [("جملة أولى.", "First, again.")])
            memory.set_edit(session, "جملة ثانية.", "My second.")
            memory.save_document_position(session, "/doc.txt", "doc", 3, 10)
        with ws.factory() as session:
            found = memory.lookup(session, "m1", ["جملة أولى.", "جملة ثانية.", "أخرى."])
            assert [k.target if k else None for k in found] == ["First, again.", "My second.", None]
            assert memory.document_position(session, "/doc.txt") == 3
            assert sorted(memory.export_units(session)) == sorted(
                [("جملة ثانية.", "My second."), ("جملة أولى.", "First, again.")])
    finally:
        ws.close()


@pytest.mark.parametrize("suffix", ["csv", "tbx"])
def test_export_and_import_on_both_engines(glossary_db: str, tmp_path: Path, suffix: str) -> None:
    ws = Workspace.open(glossary_db)
    try:
        ws.save_term("محكمة", "court", category="place", subject="law")
        ws.save_term("قاض", "judge", category="person")
        out = tmp_path / f"terms.{suffix}"
        assert ws.export_glossary(out).value.count == 2
        ws.delete_terms([t.id for t in ws.search_terms()])
        imported = ws.import_file(out).value
        assert imported.result.added == 2
        assert {(t.source, t.target) for t in ws.search_terms()} == {("محكمة", "court"), ("قاض", "judge")}
    finally:
        ws.close()


def test_a_new_termbase_is_created_at_the_current_schema(pg_url: str) -> None:
    Workspace.open(pg_url).close()
    with psycopg.connect(pg_url) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (migrate.head_revision(),)]
        tables = {r[0] for r in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert {"terms", "translation_memory", "post_edits", "categories", "vocabulary"} <= tables


def _build_first_schema(url: str) -> None:
    """A termbase at revision 0001 with one term, written by Alembic itself."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        command.upgrade(migrate._config(connection), "0001")
        connection.exec_driver_sql(
            "INSERT INTO terms (source, target, source_norm, search_text, category, note, context, "
            "document, created_at, updated_at) VALUES ('كتاب', 'book', 'كتاب', '', 'other', "
            "'subject field: law', '', '', now(), now())")
    engine.dispose()


def test_revisions_0001_to_head_run_on_postgresql(pg_url: str) -> None:
    _build_first_schema(pg_url)
    ws = Workspace.open(pg_url)
    try:
        [term] = ws.search_terms()
        assert (term.source, term.target, term.subject, term.note) == ("كتاب", "book", "law", "")
        ws.add_category("law")  # 0002: no fixed list of categories any more
        ws.update_term(term.id, category="law")
    finally:
        ws.close()


def _open_and_count(url: str, queue: multiprocessing.Queue[object]) -> None:
    try:
        ws = Workspace.open(url)
        queue.put(ws.count_terms())
        ws.close()
    except BaseException as exc:  # reported to the test
        queue.put(repr(exc))


def test_two_clients_opening_an_old_schema_migrate_it_once(pg_url: str) -> None:
    _build_first_schema(pg_url)
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[object] = context.Queue()
    processes = [context.Process(target=_open_and_count, args=(pg_url, queue)) for _ in range(3)]
    for process in processes:
        process.start()
    results = [queue.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(30)
    assert results == [1, 1, 1]
    with psycopg.connect(pg_url) as connection:
        assert connection.execute("SELECT count(*) FROM categories").fetchone() == (5,)


def test_a_newer_schema_is_refused_untouched(pg_url: str) -> None:
    Workspace.open(pg_url).close()
    with psycopg.connect(pg_url) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(GlossaryError, match="newer version of Tarjuman"):
        Workspace.open(pg_url)
    with psycopg.connect(pg_url) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


def test_the_cli_takes_a_termbase_uri(pg_url: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["glossary", "add", "--db", pg_url, "كتاب", "book"], out, err) == 0, err.getvalue()
    assert cli.main(["--db", pg_url, "glossary", "add", "قلم", "pen"], out, err) == 0, err.getvalue()
    out = io.StringIO()
    assert cli.main(["glossary", "list", "--db", pg_url, "--json"], out, err) == 0, err.getvalue()
    assert {t["target"] for t in __import__("json").loads(out.getvalue())} == {"book", "pen"}


def test_an_unreachable_server_is_a_message_not_a_traceback(pg_cluster: Cluster) -> None:
    url = f"postgresql://postgres@127.0.0.1:{_closed_port()}/nothing?connect_timeout=3"
    result = subprocess.run([sys.executable, "-m", "desktop", "glossary", "list", "--db", url],
                            capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 4, result.stderr
    assert "Cannot reach the team glossary" in result.stderr or "Cannot open" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_wrong_password_is_a_message(pg_cluster: Cluster, pg_url: str) -> None:
    wrong = pg_cluster.url(pg_url.rsplit("/", 1)[1], password="wrong")
    err = io.StringIO()
    assert cli.main(["glossary", "list", "--db", wrong], io.StringIO(), err) == 4
    assert "password authentication failed" in err.getvalue()


def test_libpq_finds_the_password_in_a_pgpass_file(pg_cluster: Cluster, pg_url: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    database = pg_url.rsplit("/", 1)[1]
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_cluster.port}:{database}:postgres:{'tarjuman-test'}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    ws = Workspace.open(pg_cluster.url(database, password=None))
    try:
        assert ws.count_terms() == 0 and "tarjuman-test" not in ws.location
    finally:
        ws.close()


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_offline_copy_and_back(pg_url: str, tmp_path: Path) -> None:
    from desktop.core.preferences import Preferences

    team = Workspace.open(pg_url, Preferences(display_name="Anna"))
    try:
        team.add_category("law", "#123456")
        team.save_term("محكمة", "court", category="law", note="n")
        team.save_term("قاض", "judge")
        with team.factory.begin() as session:
            memory.set_edit(session, "جملة.", "A sentence.")
        copy = tmp_path / "travel" / "glossary.db"
        assert team.save_offline_copy(copy).value == 2
        assert not [p for p in copy.parent.iterdir() if p.name != "glossary.db"]  # no leftovers
        offline = Workspace.open(copy)
        try:
            terms = {t.target: t for t in offline.search_terms()}
            assert terms["court"].category == "law" and terms["court"].created_by == "Anna"
            with offline.factory() as session:
                assert memory.lookup(session, None, ["جملة."])[0] is not None
            offline.save_term("شاهد", "witness")  # work on the train
            offline.update_term(terms["judge"].id, note="offline note")
        finally:
            offline.close()
        imported = team.import_file(copy, policy="update").value.result
        assert (imported.added, imported.updated) == (1, 2)
        assert {t.target: t.note for t in team.search_terms()} == {
            "court": "n", "judge": "offline note", "witness": ""}
        assert team.save_offline_copy(copy).value == 3  # an older copy is replaced
    finally:
        team.close()


def test_the_connect_dialogs_test_says_what_it_reached(pg_cluster: Cluster, pg_url: str) -> None:
    database = pg_url.rsplit("/", 1)[1]
    assert Workspace.check_connection(pg_cluster.url(database, password=None), "tarjuman-test") \
        .startswith(f"postgres@{database}, PostgreSQL 16")
    with pytest.raises(GlossaryError, match="Cannot connect to .*password authentication failed"):
        Workspace.check_connection(pg_cluster.url(database, password=None), "wrong")


def test_tbx_says_who_added_and_who_changed_each_term(glossary_db: str, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    from desktop.core.preferences import Preferences

    anna = Workspace.open(glossary_db, Preferences(display_name="Anna"))
    omar = Workspace.open(glossary_db, Preferences(display_name="Omar"))
    try:
        term = anna.save_term("سفارة", "embassy").value[0]
        omar.update_term(term.id, term.version, note="of Egypt")
        anna.export_glossary(tmp_path / "team.tbx")
    finally:
        anna.close()
        omar.close()
    [entry] = ET.parse(tmp_path / "team.tbx").getroot().iter("termEntry")
    groups = [{child.get("type") or child.tag: child.text for child in group}
              for group in entry.iter("transacGrp")]
    assert [(g["transactionType"], g["responsibility"]) for g in groups] == [
        ("origination", "Anna"), ("modification", "Omar")]
    assert all(g["date"] for g in groups)

"""A team termbase live (#16), against a real PostgreSQL server: other clients' changes arrive
within 2 s (LISTEN/NOTIFY), a role that may only SELECT reads, and a server stopped and
started again mid-session is survived with nothing lost."""

from __future__ import annotations

import queue
import statistics
import threading
import time
from contextlib import contextmanager
from typing import Iterator

import psycopg
import pytest

from desktop.core.changes import Changes
from desktop.core.db.notify import TermListener
from desktop.core.errors import ConnectionLostError as ConnectionLost
from desktop.core.errors import GlossaryError
from desktop.core.workspace import Workspace
from tests.pgcluster import Cluster


class Inbox:
    """What a listener delivered, for a test to wait on."""

    def __init__(self) -> None:
        self.changes: queue.Queue[tuple[float, Changes]] = queue.Queue()
        self.states: queue.Queue[bool] = queue.Queue()

    def on_changes(self, changes: Changes) -> None:
        self.changes.put((time.monotonic(), changes))

    def on_connection(self, connected: bool) -> None:
        self.states.put(connected)

    def next(self, timeout: float = 5.0) -> tuple[float, Changes]:
        return self.changes.get(timeout=timeout)


@contextmanager
def two_clients(url: str) -> Iterator[tuple[Workspace, Workspace]]:
    """Two translators' workspaces on one termbase, closed when the block ends."""
    mine, theirs = Workspace.open(url), Workspace.open(url)
    try:
        yield mine, theirs
    finally:
        mine.close()
        theirs.close()


@contextmanager
def listening(workspace: Workspace) -> Iterator[tuple[Inbox, TermListener]]:
    """``workspace`` following the team's changes into an ``Inbox``, from the moment its
    listener is connected; the listener is stopped when the block ends."""
    inbox = Inbox()
    listener = workspace.listen(inbox.on_changes, inbox.on_connection)
    assert listener is not None
    try:
        assert inbox.states.get(timeout=10) is True
        yield inbox, listener
    finally:
        listener.stop()


def test_other_clients_changes_arrive_within_two_seconds(pg_url: str) -> None:
    with two_clients(pg_url) as (mine, theirs), listening(mine) as (inbox, _listener):
        mine.save_term("نفسي", "myself")  # its own change: the workspace knows it already
        latencies = []
        for i in range(20):
            sent = time.monotonic()
            record = theirs.save_term(f"كلمة {'ابتثجحخدذرزسشصضطظعغف'[i]}", f"word {i}").value[0]
            arrived, changes = inbox.next()
            latencies.append(arrived - sent)
            assert [r.id for r in changes.terms] == [record.id] and changes.terms[0] == record
        edited = theirs.update_term(record.id, note="edited").value
        assert inbox.next()[1].terms == (edited,)
        theirs.delete_terms([record.id])
        assert inbox.next()[1].removed_terms == (record.id,)
        theirs.add_category("law")
        assert inbox.next()[1].categories
        assert inbox.changes.empty()  # nothing of its own came back
        p95 = statistics.quantiles(latencies, n=20)[-1]
        print(f"notification latency: median {statistics.median(latencies) * 1000:.0f} ms, "
              f"p95 {p95 * 1000:.0f} ms")
        assert max(latencies) < 2.0


def test_a_large_import_arrives_whole(pg_url: str) -> None:
    with two_clients(pg_url) as (mine, theirs), listening(mine) as (inbox, _listener):
        rows = "\n".join(f"مصطلح{'ابتثجحخدذر'[i % 10]}{'ابتثجحخدذر'[i // 10 % 10]}{'ابتثجحخدذر'[i // 100]},"
                         f"term {i}" for i in range(600))
        path = __import__("pathlib").Path(pg_url.rsplit("/", 1)[1] + ".csv")
        try:
            path.write_text("source,target\n" + rows + "\n", encoding="utf-8")
            theirs.import_file(path)
        finally:
            path.unlink()
        seen: set[int] = set()
        while len(seen) < 600:  # named in a few notices, or one that says "read it all"
            changes = inbox.next()[1]
            if changes.all_terms:
                break
            seen |= {r.id for r in changes.terms}
        assert inbox.changes.empty()


def _reader_url(cluster: Cluster, url: str) -> str:
    database = url.rsplit("/", 1)[1]
    role = f"reader_{database}"
    cluster.sql(f"CREATE ROLE {role} LOGIN PASSWORD 'read'")
    cluster.sql(f"GRANT CONNECT ON DATABASE {database} TO {role}")
    cluster.sql(f"GRANT USAGE ON SCHEMA public TO {role}", database)
    cluster.sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", database)
    return cluster.url(database, user=role, password="read")


def test_a_role_that_may_only_select_gets_a_read_only_workspace(pg_cluster: Cluster, pg_url: str) -> None:
    admin = Workspace.open(pg_url)
    admin.save_term("قانون", "law")
    reader = Workspace.open(_reader_url(pg_cluster, pg_url))
    try:
        assert reader.read_only and not admin.read_only
        assert [t.target for t in reader.search_terms()] == ["law"]
        with pytest.raises(GlossaryError, match="may read the team glossary .* but not change it"):
            reader.save_term("حق", "right")
        with listening(reader) as (inbox, _listener):
            added = admin.save_term("حق", "right").value[0]
            assert inbox.next()[1].terms == (added,)  # readers see the team's work live
    finally:
        reader.close()
        admin.close()


def test_a_server_stopped_and_started_again_mid_session(pg_cluster: Cluster, pg_url: str) -> None:
    try:
        with two_clients(pg_url) as (mine, theirs):
            kept = mine.save_term("مدينة", "city").value[0]
            with listening(mine) as (inbox, listener):
                listener.retry_s = 0.3
                pg_cluster.stop()
                assert inbox.states.get(timeout=10) is False  # the window shows its banner
                with pytest.raises(ConnectionLost, match="Cannot reach the team glossary"):
                    mine.save_term("قرية", "village")
                pg_cluster.start()
                assert inbox.states.get(timeout=20) is True
                assert inbox.next(10)[1].all_terms  # what was missed meanwhile: read it all again
                saved = mine.save_term("قرية", "village").value[0]  # the same save, once it is back
                assert {t.id for t in theirs.search_terms()} == {kept.id, saved.id}
    finally:
        if not pg_cluster.running():
            pg_cluster.start()
    with psycopg.connect(pg_url) as connection:
        assert connection.execute("SELECT count(*) FROM terms").fetchone() == (2,)


def test_a_file_has_no_listener(tmp_path: object) -> None:
    ws = Workspace.open(str(__import__("pathlib").Path(str(tmp_path)) / "g.db"))
    try:
        assert ws.listen(lambda _c: None) is None
    finally:
        ws.close()


def test_the_listener_thread_stops(pg_url: str) -> None:
    ws = Workspace.open(pg_url)
    listener = ws.listen(lambda _c: None)
    assert listener is not None
    listener.stop()
    assert not any(t.name == "termbase-listener" and t.is_alive() for t in threading.enumerate()
                   if t is listener._thread)
    ws.close()


def test_reading_and_translation_go_on_while_the_server_is_down(
        pg_cluster: Cluster, pg_url: str, installed_model: object, tmp_path: object) -> None:
    from pathlib import Path

    from desktop.core.preferences import Preferences

    ws = Workspace.open(pg_url, Preferences(lemma_matching=False))
    ws.save_term("الرباط", "Rabat")
    ws.set_term_index(ws.build_term_index())  # built while the server is up, as the window does
    document = Path(str(tmp_path)) / "doc.txt"
    document.write_text("زار الوزير الرباط أمس. وعاد اليوم.", encoding="utf-8")
    try:
        pg_cluster.stop()
        ws.show_document(ws.prepare_document(ws.read_document(document)))
        english = ws.translate_document()
        assert len(english) == 2 and all(english)  # the model alone, without the memory
        assert [m.term.target for m in ws.find_terms()] == ["Rabat"]  # highlights from memory
    finally:
        pg_cluster.start()
        ws.close(save_position=False)


def test_the_readmes_roles_for_a_team(pg_cluster: Cluster, pg_url: str) -> None:
    """The administrator's recipe in the README: the owner creates the schema, translators may
    change terms, a reviewer may only read; Tarjuman upgrades need the owner."""
    database = pg_url.rsplit("/", 1)[1]
    owner, translator, reviewer = (f"{r}_{database}" for r in ("owner", "anna", "rev"))
    for role in (owner, translator, reviewer):
        pg_cluster.sql(f"CREATE ROLE {role} LOGIN PASSWORD 'pw'")
    pg_cluster.sql(f"ALTER DATABASE {database} OWNER TO {owner}")
    pg_cluster.sql(f"ALTER SCHEMA public OWNER TO {owner}", database)
    for statement in (f"GRANT USAGE ON SCHEMA public TO {translator}, {reviewer}",
                      f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
                      f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {translator}",
                      f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
                      f"GRANT USAGE ON SEQUENCES TO {translator}",
                      f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
                      f"GRANT SELECT ON TABLES TO {reviewer}"):
        pg_cluster.sql(statement, database)
    Workspace.open(pg_cluster.url(database, user=owner, password="pw")).close()  # the schema
    anna = Workspace.open(pg_cluster.url(database, user=translator, password="pw"))
    rev = Workspace.open(pg_cluster.url(database, user=reviewer, password="pw"))
    try:
        assert not anna.read_only and rev.read_only
        term = anna.save_term("وثيقة", "document").value[0]
        assert term.created_by == translator  # the database user, no name set
        anna.update_term(term.id, term.version, note="n")
        anna.add_category("legal")
        assert [t.note for t in rev.search_terms()] == ["n"]
        anna.delete_terms([term.id])
    finally:
        anna.close()
        rev.close()
    with psycopg.connect(pg_url) as connection:  # an older schema: only its owner upgrades it
        connection.execute("UPDATE alembic_version SET version_num = '0005'")
    with pytest.raises(GlossaryError, match="must be upgraded to this version of Tarjuman by its owner"):
        Workspace.open(pg_cluster.url(database, user=translator, password="pw"))


def test_a_service_name_from_pg_service_conf(pg_cluster: Cluster, pg_url: str, tmp_path: object,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    database = pg_url.rsplit("/", 1)[1]
    services = Path(str(tmp_path)) / "pg_service.conf"
    services.write_text(f"[termbase]\nhost=127.0.0.1\nport={pg_cluster.port}\ndbname={database}\n"
                        "user=postgres\npassword=tarjuman-test\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    ws = Workspace.open("postgresql://?service=termbase")
    try:
        assert ws.team and ws.name == "termbase (service)"
        ws.save_term("خدمة", "service")
        assert ws.count_terms() == 1
    finally:
        ws.close()

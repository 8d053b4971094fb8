"""No lost updates on a team termbase (#16), against a real PostgreSQL server: writers in
separate processes adding overlapping terms, two editors of one term, and the same checks on
SQLite where they apply."""

from __future__ import annotations

import multiprocessing
import time
from typing import Any

import psycopg
import pytest

from desktop.core.errors import EditConflictError
from desktop.core.preferences import Preferences
from desktop.core.workspace import Workspace

WRITERS, ADDS, DISTINCT = 8, 500, 1000


def _pair(i: int) -> tuple[str, str]:
    """The i-th of DISTINCT terms (Arabic letters for the number, and its English)."""
    digits = "".join("ابتثجحخدذر"[int(d)] for d in str(i))
    return f"مصطلح {digits}", f"term {i}"


def _writer(url: str, offset: int, start: Any, queue: Any) -> None:
    try:
        ws = Workspace.open(url, Preferences(display_name=f"writer {offset}"))
        start.wait(60)
        created = 0
        for n in range(ADDS):
            # Writers overlap: writer k adds terms k*125 … k*125+499 (mod DISTINCT), so every
            # term is added by four writers at about the same time.
            source, target = _pair((offset * 125 + n) % DISTINCT)
            created += ws.save_term(source, target, note=f"w{offset}").value[1]
        ws.close(save_position=False)
        queue.put(("ok", created))
    except BaseException as exc:  # the test reports it
        queue.put(("error", repr(exc)))


def test_eight_writers_adding_overlapping_terms_make_each_term_once(pg_url: str) -> None:
    Workspace.open(pg_url).close()  # the schema, once
    context = multiprocessing.get_context("spawn")
    start, queue = context.Event(), context.Queue()
    processes = [context.Process(target=_writer, args=(pg_url, k, start, queue)) for k in range(WRITERS)]
    for process in processes:
        process.start()
    start.set()
    results = [queue.get(timeout=300) for _ in processes]
    for process in processes:
        process.join(30)
    assert [r for r in results if r[0] != "ok"] == []
    assert sum(r[1] for r in results) == DISTINCT  # each term created by exactly one writer
    with psycopg.connect(pg_url) as connection:
        assert connection.execute("SELECT count(*), count(DISTINCT (source_norm, target)) FROM terms"
                                  ).fetchone() == (DISTINCT, DISTINCT)
        # Every add after the first was an update: the versions count them all.
        assert connection.execute("SELECT sum(version) FROM terms").fetchone() == (WRITERS * ADDS,)


def test_an_edit_of_a_changed_term_is_a_conflict_not_a_lost_update(glossary_db: str) -> None:
    anna = Workspace.open(glossary_db, Preferences(display_name="Anna"))
    omar = Workspace.open(glossary_db, Preferences(display_name="Omar"))
    try:
        shown = anna.save_term("وزير", "minister").value[0]
        assert (shown.version, shown.created_by, shown.changed_by) == (1, "Anna", "Anna")
        seen_by_omar = omar.get_terms([shown.id])[0]
        theirs = omar.update_term(shown.id, seen_by_omar.version, note="Omar's note").value
        assert (theirs.version, theirs.changed_by, theirs.created_by) == (2, "Omar", "Anna")
        with pytest.raises(EditConflictError) as caught:
            anna.update_term(shown.id, shown.version, target="Minister")
        assert "changed by Omar since you opened it" in str(caught.value)
        assert caught.value.theirs == theirs and caught.value.mine == {"target": "Minister"}
        assert anna.get_terms([shown.id])[0] == theirs  # nothing of Anna's was written
        # Keeping hers after seeing theirs: the edit names the version she now saw.
        kept = anna.update_term(shown.id, theirs.version, target="Minister").value
        assert (kept.target, kept.note, kept.version) == ("Minister", "Omar's note", 3)
        omar.delete_terms([shown.id])
        with pytest.raises(EditConflictError, match="deleted"):
            anna.update_term(shown.id, kept.version, note="x")
    finally:
        anna.close()
        omar.close()


def _editor(url: str, term_id: int, version: int, text: str, start: Any, queue: Any) -> None:
    try:
        ws = Workspace.open(url)
        start.wait(60)
        ws.update_term(term_id, version, note=text)
        queue.put(("saved", text))
        ws.close(save_position=False)
    except EditConflictError as exc:
        queue.put(("conflict", str(exc)))
    except BaseException as exc:
        queue.put(("error", repr(exc)))


def test_two_editors_of_one_term_at_once_one_conflict(pg_url: str) -> None:
    ws = Workspace.open(pg_url)
    term = ws.save_term("سفير", "ambassador").value[0]
    context = multiprocessing.get_context("spawn")
    start, queue = context.Event(), context.Queue()
    processes = [context.Process(target=_editor, args=(pg_url, term.id, term.version, f"edit {k}",
                                                       start, queue)) for k in range(2)]
    for process in processes:
        process.start()
    time.sleep(0.5)
    start.set()
    results = sorted(queue.get(timeout=120) for _ in processes)
    for process in processes:
        process.join(30)
    assert [kind for kind, _ in results] == ["conflict", "saved"], results
    stored = ws.get_terms([term.id])[0]
    assert stored.note == results[1][1] and stored.version == term.version + 1
    ws.close()


def test_adding_a_pair_another_client_just_added_updates_it(glossary_db: str) -> None:
    first = Workspace.open(glossary_db)
    second = Workspace.open(glossary_db)
    try:
        a, created_a = first.save_term("عاصمة", "capital").value
        b, created_b = second.save_term("عاصمة", "capital", note="city").value
        assert (created_a, created_b, a.id) == (True, False, b.id)
        assert second.count_terms() == 1 and b.version == 2
    finally:
        first.close()
        second.close()


def test_the_cli_refuses_an_edit_of_a_changed_term_with_exit_4(glossary_db: str) -> None:
    import io
    import json

    from desktop import cli

    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["glossary", "add", "--db", glossary_db, "نهر", "river"], out, err) == 0
    listed = io.StringIO()
    assert cli.main(["glossary", "list", "--db", glossary_db, "--json"], listed, err) == 0
    [term] = json.loads(listed.getvalue())
    assert term["version"] == 1
    edit = ["glossary", "edit", "--db", glossary_db, str(term["id"]), "--expect-version", "1"]
    assert cli.main([*edit, "--note", "first"], out, err) == 0, err.getvalue()
    err = io.StringIO()
    assert cli.main([*edit, "--note", "second"], out, err) == 4
    assert "since you opened it; your edit was not saved" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def _importer(url: str, path: str, start: Any, queue: Any) -> None:
    try:
        ws = Workspace.open(url)
        start.wait(60)
        result = ws.import_file(__import__("pathlib").Path(path)).value.result
        ws.close(save_position=False)
        queue.put(("ok", result.added + result.updated))
    except BaseException as exc:
        queue.put(("error", repr(exc)))


def test_two_overlapping_imports_at_once_both_succeed(pg_url: str, tmp_path: Any) -> None:
    Workspace.open(pg_url).close()
    files = []
    for k, numbers in enumerate((range(0, 1500), range(500, 2000))):
        path = tmp_path / f"import{k}.csv"
        path.write_text("source,target\n" + "".join(f"{s},{t}\n" for s, t in map(_pair, numbers)),
                        encoding="utf-8")
        files.append(str(path))
    context = multiprocessing.get_context("spawn")
    start, queue = context.Event(), context.Queue()
    processes = [context.Process(target=_importer, args=(pg_url, f, start, queue)) for f in files]
    for process in processes:
        process.start()
    time.sleep(0.5)
    start.set()
    results = [queue.get(timeout=300) for _ in processes]
    for process in processes:
        process.join(30)
    assert sorted(results) == [("ok", 1500), ("ok", 1500)], results
    with psycopg.connect(pg_url) as connection:
        assert connection.execute("SELECT count(*) FROM terms").fetchone() == (2000,)

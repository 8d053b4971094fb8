"""A team glossary in the window (#16), against a real PostgreSQL server: the termbase named in
the title and status bar, other translators' changes in the table within 2 s, the conflict
dialog, the banner while the server is down, a read-only role, Connect… and Save Offline
Copy…."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.core.workspace import Workspace
from desktop.ui.team import ConflictDialog
from tests.pgcluster import Cluster
from tests.ui.conftest import WindowFactory


def _row_of_target(window: object, target: str) -> int:
    model = window.glossary.model  # type: ignore[attr-defined]
    for row in range(model.rowCount()):
        record = model.record(row)
        if record is not None and record.target == target:
            return int(row)
    return -1


def test_a_team_window_follows_the_team(qtbot: QtBot, make_window: WindowFactory, pg_url: str) -> None:
    window = make_window(pg_url)  # type: ignore[arg-type]
    window.start()
    database = pg_url.rsplit("/", 1)[1]
    assert f"/{database}" in window.windowTitle() and "tarjuman-test" not in window.windowTitle()
    assert window.findChild(QLabel, "termbaseName").text().startswith("Team glossary: postgres@")
    qtbot.waitUntil(lambda: window.team.listener is not None and window.team.listener.connected,
                    timeout=10_000)
    other = Workspace.open(pg_url)
    try:
        sent = time.monotonic()
        record = other.save_term("مجلس", "council").value[0]
        qtbot.waitUntil(lambda: _row_of_target(window, "council") >= 0, timeout=2_000)
        assert time.monotonic() - sent < 2.0
        edited = other.update_term(record.id, target="Council").value
        qtbot.waitUntil(lambda: _row_of_target(window, "Council") >= 0, timeout=2_000)
        row = _row_of_target(window, "Council")
        assert window.glossary.model.record(row) == edited
        window.glossary.model.ensure_rows(row, row)
        tooltip = window.glossary.model.item(row, 0).toolTip()
        assert "Added by postgres" in tooltip and "Last changed by postgres" in tooltip
        other.delete_terms([record.id])
        qtbot.waitUntil(lambda: _row_of_target(window, "Council") < 0, timeout=2_000)
    finally:
        other.close()


def test_an_edit_that_crossed_another_opens_the_conflict_dialog(
        qtbot: QtBot, make_window: WindowFactory, pg_url: str) -> None:
    window = make_window(pg_url)  # type: ignore[arg-type]
    window.team.stop()  # nothing live: the table still shows the old version when editing
    outcome = window.workspace.save_term("رئيس", "president")
    mine = outcome.value[0]
    window.ctx.publish(outcome.changes)
    qtbot.waitUntil(lambda: _row_of_target(window, "president") >= 0)
    other = Workspace.open(pg_url)
    try:
        other.update_term(mine.id, note="their note")
        model = window.glossary.model
        row = _row_of_target(window, "president")
        with qtbot.waitSignal(window.team.conflictShown) as shown:
            assert not model.setData(model.index(row, 3), "my note")  # the note column
        dialog = shown.args[0]
        assert isinstance(dialog, ConflictDialog)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        assert "their note" in texts and "my note" in texts
        dialog.keep_button.click()
        stored = other.get_terms([mine.id])[0]
        assert stored.note == "my note"
        qtbot.waitUntil(lambda: window.glossary.model.record(_row_of_target(window, "president")).note
                        == "my note")
    finally:
        other.close()


def test_the_banner_while_the_server_is_down(qtbot: QtBot, make_window: WindowFactory, pg_url: str,
                                             pg_cluster: Cluster) -> None:
    window = make_window(pg_url)  # type: ignore[arg-type]
    window.team.start()
    qtbot.waitUntil(lambda: window.team.listener is not None and window.team.listener.connected,
                    timeout=10_000)
    window.team.listener.retry_s = 0.3
    try:
        pg_cluster.stop()
        qtbot.waitUntil(lambda: window.team.banner.isVisible(), timeout=10_000)
        assert "cannot be reached" in window.team.banner.label.text()
        pg_cluster.start()
        qtbot.waitUntil(lambda: not window.team.banner.isVisible(), timeout=20_000)
    finally:
        if not pg_cluster.running():
            pg_cluster.start()
    window.workspace.save_term("جسر", "bridge")  # saving works again


def test_a_read_only_member_gets_the_read_only_window(make_window: WindowFactory, pg_url: str,
                                                      pg_cluster: Cluster) -> None:
    Workspace.open(pg_url).close()
    database = pg_url.rsplit("/", 1)[1]
    role = f"viewer_{database}"
    pg_cluster.sql(f"CREATE ROLE {role} LOGIN PASSWORD 'view'")
    pg_cluster.sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", database)
    window = make_window(pg_cluster.url(database, user=role, password="view"))  # type: ignore[arg-type]
    assert window.workspace.read_only
    assert "(read-only)" in window.windowTitle()
    assert window.glossary.read_only_label.isVisibleTo(window.glossary)
    assert not window.terms.capture_action.isEnabled()


def test_connect_test_and_offline_copy(qtbot: QtBot, make_window: WindowFactory, pg_url: str,
                                      pg_cluster: Cluster, tmp_path: Path) -> None:
    window = make_window()
    assert not window.team.offline_action.isEnabled()  # a file: nothing to take offline
    dialog = window.team.show_connect()
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(pg_cluster.port)
    dialog.database.setText(pg_url.rsplit("/", 1)[1])
    dialog.user.setText("postgres")
    dialog.ssl.setCurrentIndex(dialog.ssl.findData("disable"))
    dialog.password.setText("wrong")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "password authentication failed" in dialog.result_label.text(), timeout=10_000)
    dialog.password.setText("tarjuman-test")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.result_label.text().startswith("Connected: postgres@"), timeout=10_000)
    with qtbot.waitSignal(window.team.connected, timeout=20_000):
        dialog.connect_button.click()
    assert window.workspace.team and window.team.offline_action.isEnabled()
    assert "tarjuman-test" not in window.workspace.location
    qtbot.waitUntil(lambda: window.team.listener is not None and window.team.listener.connected,
                    timeout=10_000)
    from desktop.ui import settings as opts

    assert opts.recent_termbases(window.settings) == [window.workspace.location]
    window.team.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.team.recent_menu.actions()] == [window.workspace.name]
    window.workspace.save_term("ميناء", "port")
    copy = tmp_path / "offline.db"
    window.team.save_offline_copy(copy)
    qtbot.waitUntil(copy.exists, timeout=10_000)
    offline = Workspace.open(copy)
    try:
        assert [t.target for t in offline.search_terms()] == ["port"]
    finally:
        offline.close()


def test_the_window_opens_a_termbase_given_with_db(qapp: object, pg_url: str) -> None:
    from desktop.ui.app import open_team_interactively

    workspace = open_team_interactively(pg_url)
    assert workspace is not None
    try:
        assert workspace.team and workspace.name.endswith(pg_url.rsplit("/", 1)[1])
    finally:
        workspace.close()


def test_a_save_that_cannot_reach_the_server_stays_in_the_dialog(
        qtbot: QtBot, make_window: WindowFactory, pg_url: str, pg_cluster: Cluster) -> None:
    window = make_window(pg_url)  # type: ignore[arg-type]
    dialog = window.terms.capture("مطار", "مطار القاهرة الدولي")
    dialog.target.setText("airport")
    dialog.note.setText("typed before the network went")
    try:
        pg_cluster.stop()
        dialog.accept()
        assert dialog.isVisible() and "Cannot reach the team glossary" in dialog.existing_label.text()
        assert dialog.target.text() == "airport" and dialog.note.text() == "typed before the network went"
    finally:
        pg_cluster.start()
    with qtbot.waitSignal(window.termSaved, timeout=10_000):
        dialog.accept()
    assert [(t.target, t.note) for t in window.workspace.search_terms()] == [
        ("airport", "typed before the network went")]

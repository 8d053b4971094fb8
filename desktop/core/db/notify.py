"""Live changes of a team termbase: a thread that LISTENs to PostgreSQL's notifications
(sent by the triggers of revision 0006 in the same transaction as each change) and reports
which terms other clients added, changed or deleted.

Threading contract: ``TermListener`` runs one daemon thread with its own connection; its
callbacks run in that thread and must not block long (the window hands them to the GUI
thread through a signal). ``stop`` ends it and waits.

A lost connection is reported (``on_connection(False)``) and retried every ``retry_s``; once
back, notifications sent meanwhile are lost, so the listener reports ``everything`` (read the
glossary again) before carrying on.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

log = logging.getLogger(__name__)

CHANNEL = "tarjuman_terms"


@dataclass(frozen=True)
class Notice:
    """What other clients changed since the last notice."""

    #: Terms added or changed (read them again).
    changed: tuple[int, ...] = ()
    #: Terms deleted.
    removed: tuple[int, ...] = ()
    #: Too much to name, or notifications were missed: read the whole glossary again.
    everything: bool = False
    categories: bool = False

    def __or__(self, other: Notice) -> Notice:
        removed = tuple(dict.fromkeys(self.removed + other.removed))
        changed = tuple(i for i in dict.fromkeys(self.changed + other.changed) if i not in other.removed)
        return Notice(changed, removed, self.everything or other.everything,
                      self.categories or other.categories)

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed or self.everything or self.categories)


def parse(payload: str) -> Notice:
    """A notification's payload as a ``Notice`` (anything unexpected: read everything)."""
    try:
        data = json.loads(payload)
        kind = data["op"]
        if kind == "C":
            return Notice(categories=True)
        ids = data.get("ids")
        if ids is None:
            return Notice(everything=True)
        ids = tuple(int(i) for i in ids)
        return Notice(removed=ids) if kind == "D" else Notice(changed=ids)
    except (ValueError, KeyError, TypeError):
        return Notice(everything=True)


class TermListener:
    """Listens to a termbase's notifications on a thread of its own (see the module)."""

    def __init__(self, connect: Callable[[], Any], on_notice: Callable[[Notice], None],
                 on_connection: Callable[[bool], None] | None = None,
                 ignore: Callable[[], set[int]] | None = None, batch_s: float = 0.02,
                 retry_s: float = 2.0) -> None:
        self._connect = connect
        self._on_notice = on_notice
        self._on_connection = on_connection
        self._ignore = ignore or set
        self._batch_s = batch_s
        self.retry_s = retry_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="termbase-listener", daemon=True)
        #: Whether the listener is connected now (None before its first try).
        self.connected: bool | None = None

    def start(self) -> TermListener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening and wait for the thread (at most ``timeout``)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        missed = False
        while not self._stop.is_set():
            connection = None
            try:
                connection = self._connect()
                connection.autocommit = True
                connection.execute(f"LISTEN {CHANNEL}")
                if missed:
                    self._deliver(Notice(everything=True, categories=True))
                self._set_connected(True)
                self._listen(connection)
            except Exception as exc:  # a lost or refused connection; anything else is logged
                import psycopg

                if not isinstance(exc, psycopg.Error):
                    log.exception("the termbase listener failed")
                if self.connected:
                    missed = True
                self._set_connected(False)
                self._stop.wait(self.retry_s)
            finally:
                if connection is not None:
                    try:
                        connection.close()
                    except Exception:  # already broken
                        pass

    def _listen(self, connection: Any) -> None:
        while not self._stop.is_set():
            pending = Notice()
            for note in connection.notifies(timeout=0.25, stop_after=1):
                if note.pid not in self._ignore():
                    pending = pending | parse(note.payload)
            if not pending:
                continue
            deadline = time.monotonic() + self._batch_s  # a burst becomes one notice
            while time.monotonic() < deadline:
                for note in connection.notifies(timeout=max(0.0, deadline - time.monotonic())):
                    if note.pid not in self._ignore():
                        pending = pending | parse(note.payload)
            if pending:
                self._deliver(pending)

    def _deliver(self, notice: Notice) -> None:
        try:
            self._on_notice(notice)
        except Exception:
            log.exception("handling a termbase notification failed")

    def _set_connected(self, connected: bool) -> None:
        if connected == self.connected:
            return
        self.connected = connected
        if self._on_connection is not None:
            try:
                self._on_connection(connected)
            except Exception:
                log.exception("handling the termbase connection state failed")

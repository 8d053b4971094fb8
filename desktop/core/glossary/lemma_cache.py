"""The lemmas of glossary terms, kept between runs in the user cache folder.

Analysing the Arabic of 100,000 terms takes seconds of CPU at every start; read back from
this cache it takes a fraction of a second. Entries are keyed by the term's Arabic; the file
is named after the lexicon cache it was computed with (which is named after the lexicon
data's hash), Tarjuman's version and ``RULES``, so another lexicon or other analysis rules
never read old entries. The cache only saves time: any problem with it (unreadable, damaged,
locked, a full disk) is logged, and the lemmas are worked out as without it.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from desktop import __version__

log = logging.getLogger(__name__)

Lemmas = tuple[str, ...]

# Bump when the analysis that picks a word's lemma changes (lemmas_of, the analyzer's ranking).
RULES = 1
# From this many terms to look up, the whole file is read instead (one scan beats batches).
READ_ALL_FROM = 5000
_BATCH = 500


class LemmaCache:
    """A term's Arabic → the lemmas of its words (None: a word without one)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def beside(cls, lexicon_path: Path) -> LemmaCache:
        """The cache for the lexicon whose cache file is ``lexicon_path``."""
        name = f"{lexicon_path.stem}.lemmas-{__version__}-{RULES}.sqlite"
        return cls(lexicon_path.with_name(name))

    def get_many(self, sources: Iterable[str]) -> dict[str, Lemmas | None]:
        """The cached lemmas of those of ``sources`` that are in the cache."""
        wanted = list(dict.fromkeys(sources))
        if not wanted or not self.path.exists():
            return {}
        try:
            with self._connect() as con:
                if len(wanted) >= READ_ALL_FROM:
                    rows = con.execute("SELECT source, lemmas FROM lemmas").fetchall()
                    asked = set(wanted)
                    return {s: _decode(v) for s, v in rows if s in asked}
                found: dict[str, Lemmas | None] = {}
                for at in range(0, len(wanted), _BATCH):
                    chunk = wanted[at : at + _BATCH]
                    marks = ",".join("?" * len(chunk))
                    found.update((s, _decode(v)) for s, v in con.execute(
                        f"SELECT source, lemmas FROM lemmas WHERE source IN ({marks})", chunk))
                return found
        except (sqlite3.Error, OSError, ValueError) as exc:
            self._damaged(exc)
            return {}

    def put_many(self, lemmas: Mapping[str, Lemmas | None]) -> None:
        """Remember these terms' lemmas (written in one transaction)."""
        if not lemmas:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as con:
                con.execute("CREATE TABLE IF NOT EXISTS lemmas (source TEXT PRIMARY KEY, lemmas TEXT)")
                con.executemany("INSERT OR REPLACE INTO lemmas VALUES (?, ?)",
                                ((s, _encode(v)) for s, v in lemmas.items()))
        except (sqlite3.Error, OSError) as exc:
            self._damaged(exc)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection in a transaction (committed at the end), closed afterwards."""
        con = sqlite3.connect(self.path, timeout=2)
        try:
            with con:
                yield con
        finally:
            con.close()

    def _damaged(self, exc: BaseException) -> None:
        log.warning("the cache of the terms' lemmas (%s) could not be used: %s", self.path, exc)
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            # Not a lock or a full disk: a damaged file, rebuilt from scratch next time.
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def _encode(lemmas: Lemmas | None) -> str | None:
    return None if lemmas is None else "\t".join(lemmas)


def _decode(value: object) -> Lemmas | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise ValueError("not a list of lemmas")
    return tuple(value.split("\t"))

"""The ``Workspace``'s glossary actions: terms, categories, import and export, backups, and
switching glossary files. A mixin of ``desktop.core.workspace.Workspace`` (same threading
contract: *any thread* methods only read the workspace and open their own session)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core import vocabulary
from desktop.core.changes import Changes, Outcome
from desktop.core.db import backup
from desktop.core.db.backup import BackupInfo
from desktop.core.db.engine import dispose, open_database
from desktop.core.db.models import utcnow
from desktop.core.db.notify import Notice, TermListener
from desktop.core.db.offline import save_offline_copy
from desktop.core.db.server import check_connection, listener, open_server, server_user
from desktop.core.errors import BadInputError, TarjumanError
from desktop.core.glossary import exchange, store
from desktop.core.glossary.catalog import Catalog
from desktop.core.glossary.lemma_cache import LemmaCache
from desktop.core.glossary.lemmas import LemmaIndex
from desktop.core.glossary.matcher import IndexedTerm, TermIndex, TermMatch, keys_in_reach, term_keys
from desktop.core.glossary.store import CategoryInfo, TermRecord
from desktop.core.lexicon.analyzer import Lexicon
from desktop.core.location import is_team, team_name, without_password
from desktop.core.paths import user_data_dir
from desktop.core.tasks import CancelToken, ProgressFn

if TYPE_CHECKING:
    from desktop.core.open_document import OpenDocument, RowMatch
    from desktop.core.preferences import Preferences
    from desktop.core.translation.engine import ArgosEngine

def open_glossary(location: Path | str, password: str | None = None) -> sessionmaker[Session]:
    """A session factory for a glossary file or a team termbase's URI (``location``)."""
    if is_team(location):
        return open_server(str(location), password)
    return open_database(Path(location))


def location_of(location: Path | str) -> str:
    """How a workspace names where its glossary lives: a file's path, or a termbase's URI
    without its password."""
    return without_password(str(location)) if is_team(location) else str(Path(location))


def offline_path(url: str | Path) -> Path:
    """Where the offline copy of a team termbase goes by default (a file in the user's data
    folder named after the termbase)."""
    name = "".join(c if c.isalnum() or c in "-_." else "-" for c in team_name(str(url)))
    return user_data_dir() / "offline" / f"{name.strip('-') or 'team'}.db"


#: Up to this many changed terms, an import's changes name them (views update those rows in
#: place); above it, views read the whole glossary again, off the GUI thread.
IN_PLACE_LIMIT = 5_000


@dataclass(frozen=True)
class ImportFile:
    """A glossary file read for import: its format and either a table to map or rows."""

    path: Path
    format: str
    table: exchange.Table | None
    rows: list[exchange.ImportRow] | None


@dataclass(frozen=True)
class Exported:
    count: int
    format: str
    #: The Arabic of terms the format cannot carry (not written).
    skipped: tuple[str, ...] = ()
    #: What the format leaves out of every term ("document", "date added"…).
    not_carried: tuple[str, ...] = ()


@dataclass(frozen=True)
class Imported:
    format: str
    result: exchange.ImportResult


class GlossaryActions:
    """Glossary actions; the state they use is the ``Workspace``'s."""

    db_path: Path
    location: str
    factory: sessionmaker[Session]
    preferences: Preferences
    engine: ArgosEngine | None
    document: OpenDocument | None
    term_index: TermIndex | None
    lemma_index: LemmaIndex | None
    #: Why the last ``find_terms`` found no other forms (the dictionary failed), or "".
    lemma_problem: str
    lexicon: Lexicon | None
    terms_version: int
    _index_version: int
    _added_in_place: set[int]

    def save_position(self) -> None:  # the Workspace's
        raise NotImplementedError

    @property
    def author(self) -> str:
        """Who this workspace records as adding and changing terms: the display name from
        Preferences, else (team termbase) the database user; "" for a file without a name."""
        return self.preferences.display_name or server_user(self.factory)

    def _sign(self) -> None:
        """Make every session of the glossary record ``author`` (after opening a glossary or
        changing the preferences)."""
        self.factory.kw.setdefault("info", {})["who"] = self.author

    # -- terms -------------------------------------------------------------------------------
    def existing_terms(self, source: str) -> list[TermRecord]:
        """Entries whose Arabic is ``source`` (normalised), for the term dialog."""
        with self.factory() as session:
            return store.find_by_source(session, source)

    def save_term(self, source: str, target: str, *, category: str | None = None, note: str = "",
                  context: str = "", document: str = "", subject: str = "",
                  pos: str = "") -> Outcome[tuple[TermRecord, bool]]:
        """Add a term, or update the entry with the same Arabic and English. The value is
        (record, created); a new term joins the term index at once."""
        with self.factory.begin() as session:
            record, created = store.add_term(session, source, target, category=category, note=note,
                                             context=context, document=document, subject=subject,
                                             pos=pos)
        if created and self.term_index is not None:
            indexed = IndexedTerm(record.id, record.source, record.target, record.category, record.note)
            self.term_index.add(indexed)
            if self.lemma_index is not None:
                self.lemma_index.add(indexed)
            self._added_in_place.add(record.id)
        return Outcome((record, created), Changes(terms=(record,)))

    def update_term(self, term_id: int, expected_version: int | None = None,
                    **fields: str) -> Outcome[TermRecord]:
        """Change fields of one term (``BadInputError`` for a clash or a bad value). With
        ``expected_version`` (the version shown), a term someone changed since raises
        ``EditConflictError`` carrying theirs and mine; nothing is saved then."""
        with self.factory.begin() as session:
            record = store.update_term(session, term_id, expected_version, **fields)
        return Outcome(record, Changes(terms=(record,)))

    def delete_terms(self, ids: Sequence[int]) -> Outcome[list[TermRecord]]:
        """Delete terms; the value is the terms as they were (to restore them on undo)."""
        with self.factory.begin() as session:
            records = store.get_terms(session, ids)
            store.delete_terms(session, [r.id for r in records])
            vocabulary.forget_terms(session, [r.id for r in records])
        return Outcome(records, Changes(removed_terms=tuple(r.id for r in records)))

    def restore_terms(self, records: Sequence[TermRecord]) -> Changes:
        """Put deleted terms back exactly as they were (undo of a delete)."""
        with self.factory.begin() as session:
            store.restore_terms(session, records)
        return Changes(terms=tuple(records))

    def duplicate_groups(self, by: str = "source") -> list[list[TermRecord]]:
        with self.factory() as session:
            return store.duplicate_groups(session, by)

    def merge_terms(self, keep: int, others: Sequence[int]) -> Outcome[TermRecord]:
        """Fold ``others`` into ``keep`` (notes and contexts joined)."""
        with self.factory.begin() as session:
            kept = store.merge_terms(session, keep, others)
            vocabulary.forget_terms(session, [i for i in others if i != keep])
        return Outcome(kept, Changes(terms=(kept,), removed_terms=tuple(i for i in others if i != keep)))

    def get_terms(self, ids: Sequence[int]) -> list[TermRecord]:
        with self.factory() as session:
            return store.get_terms(session, ids)

    def count_terms(self) -> int:
        with self.factory() as session:
            return store.count_terms(session)

    def search_terms(self, query: str = "") -> list[TermRecord]:
        with self.factory() as session:
            return store.search(session, query)

    def iter_terms(self, query: str = "") -> Iterator[TermRecord]:
        """``search_terms`` a thousand at a time, as they are read (to write out 100,000
        terms without holding them)."""
        with self.factory() as session:
            yield from store.iter_terms(session, query)

    def catalog(self, sort: str = "source") -> Catalog:
        """The whole glossary for the table, sorted (any thread; 0.5 s for 100k terms)."""
        with self.factory() as session:
            catalog = Catalog.load(session)
        catalog.query(sort=sort)
        return catalog

    # -- a team termbase's live changes -----------------------------------------------------
    def listen(self, on_changes: Callable[[Changes], None],
               on_connection: Callable[[bool], None] | None = None) -> TermListener | None:
        """Follow the changes other clients make to a team termbase (None for a file: nobody
        else writes it while it is open). ``on_changes`` gets each as a ``Changes`` record and
        ``on_connection`` whether the server is reachable, both in the listener's thread: hand
        them to the owning thread, which publishes the record (``changed``). Stop the
        listener before the glossary closes (``TermListener.stop``)."""
        factory = self.factory

        def deliver(notice: Notice) -> None:
            on_changes(self.changes_from(notice, factory))

        return listener(factory, deliver, on_connection)

    def changes_from(self, notice: Notice, factory: sessionmaker[Session] | None = None) -> Changes:
        """What a notice of other clients' changes means for the views (any thread: reads the
        changed terms as they are now)."""
        if notice.everything:
            return Changes(all_terms=True, categories=notice.categories)
        records: list[TermRecord] = []
        if notice.changed:
            with (factory or self.factory)() as session:
                records = store.get_terms(session, notice.changed)
        found = {r.id for r in records}
        gone = tuple(dict.fromkeys(notice.removed + tuple(i for i in notice.changed if i not in found)))
        return Changes(terms=tuple(records), removed_terms=gone, categories=notice.categories)

    # -- terms in documents ------------------------------------------------------------------
    def build_term_index(self) -> TermIndex:
        """A term index over the whole glossary (any thread; slow for big glossaries)."""
        with self.factory() as session:
            return store.build_index(session)

    def early_term_matches(self, text: str) -> list[TermMatch]:
        """The glossary's terms in ``text``, as ``build_term_index().find(text)`` gives them,
        without indexing the whole glossary: only the Arabic of the terms is read, and the
        few whose words are in the text are indexed (any thread; a big glossary's first
        highlights, in a fraction of the time of its whole index)."""
        with self.factory() as session:
            ids, sources = store.term_sources(session)
            reach = keys_in_reach(term_keys(sources), text)
            terms = store.indexed_terms(session, [ids[i] for i in reach])
        return TermIndex(terms).find(text)

    def build_lemma_index(self, index: TermIndex) -> LemmaIndex | None:
        """The lemmas of ``index``'s terms, for lemma-aware matching (any thread); None when
        the preference is off or the lexicon is not loaded yet."""
        lexicon = self.lexicon
        if lexicon is None or not self.preferences.lemma_matching:
            return None
        return LemmaIndex(lexicon, index.terms, previous=self.lemma_index,
                          cache=LemmaCache.beside(lexicon.path))

    @property
    def index_stale(self) -> bool:
        """The term index misses changes made since it was built (rebuild it)."""
        return self.term_index is None or self._index_version != self.terms_version

    def changed(self, changes: Changes) -> None:
        """Note that an action changed something (owning thread; the window calls this for
        every change it publishes). A change to the terms or categories makes the term index
        stale, unless the change was only new terms already added to it in place."""
        if changes.glossary_terms or changes.categories or changes.preferences:
            current = not self.index_stale
            self.terms_version += 1
            in_place = (changes.terms and not (changes.removed_terms or changes.all_terms
                                                or changes.categories or changes.glossary
                                                or changes.preferences)
                        and all(r.id in self._added_in_place for r in changes.terms))
            if current and in_place:
                self._index_version = self.terms_version
        self._added_in_place.clear()

    def set_term_index(self, index: TermIndex, factory: sessionmaker[Session] | None = None,
                       version: int | None = None, lemmas: LemmaIndex | None = None) -> bool:
        """Use an index built by ``build_term_index`` from the glossary as it was at
        ``version`` (``terms_version`` when it started; None: now). False (ignored) when it
        was built for another glossary (``factory``) or the terms changed meanwhile."""
        if factory is not None and factory is not self.factory:
            return False
        version = self.terms_version if version is None else version
        if version != self.terms_version:
            return False
        self.term_index, self.lemma_index, self._index_version = index, lemmas, version
        return True

    @staticmethod
    def match_terms(index: TermIndex, text: str, lemmas: LemmaIndex | None = None) -> list[TermMatch]:
        """Glossary terms in a text (any thread): exact and clitic forms, then, with
        ``lemmas``, other inflected forms where those found nothing."""
        found = index.find(text)
        return lemmas.find(text, found) if lemmas is not None else found

    def set_matches(self, doc: OpenDocument, matches: list[TermMatch],
                    grouped: dict[int, list[RowMatch]] | None = None) -> Changes:
        """Use the matches found in ``doc`` (ignored when another document is open); with
        ``grouped``, their ``doc.group_matches(matches)`` worked out off the owning thread."""
        if doc is not self.document:
            return Changes()
        doc.set_matches(matches, grouped)
        return Changes(matches=True)

    def find_terms(self) -> list[TermMatch]:
        """Match the glossary in the open document now (blocking, for the CLI)."""
        self.lemma_problem = ""
        if self.preferences.lemma_matching and self.lexicon is None:
            try:
                self.lexicon = Lexicon.open()
            except (TarjumanError, OSError, sqlite3.Error) as exc:
                # Exact and clitic matching need no dictionary: carry on without other forms.
                self.lemma_problem = str(exc) if isinstance(exc, TarjumanError) else \
                    f"The Arabic dictionary could not be opened ({exc})."
        if self.term_index is None or self.index_stale:
            index = self.build_term_index()
            self.set_term_index(index, lemmas=self.build_lemma_index(index))
        assert self.term_index is not None and self.document is not None
        self.set_matches(self.document, self.match_terms(self.term_index, self.document.text,
                                                         self.lemma_index))
        return self.document.matches

    # -- categories --------------------------------------------------------------------------
    def categories(self) -> list[CategoryInfo]:
        with self.factory() as session:
            return store.categories(session)

    def add_category(self, name: str, colour: str = "#e0e0e0") -> Outcome[CategoryInfo]:
        with self.factory.begin() as session:
            info = store.add_category(session, name, colour)
        return Outcome(info, Changes(categories=True))

    def rename_category(self, old: str, new: str) -> Changes:
        with self.factory.begin() as session:
            store.rename_category(session, old, new)
        return Changes(categories=True, all_terms=True)

    def recolour_category(self, name: str, colour: str) -> Changes:
        with self.factory.begin() as session:
            store.set_category_colour(session, name, colour)
        return Changes(categories=True)

    def delete_category(self, name: str) -> Outcome[int]:
        """Delete a category; its terms move to "other". The value is how many moved."""
        with self.factory.begin() as session:
            moved = store.delete_category(session, name)
        return Outcome(moved, Changes(categories=True, all_terms=True))

    # -- import and export -------------------------------------------------------------------
    @staticmethod
    def read_import(path: Path, encoding: str | None = None) -> ImportFile:
        """Read and recognise a glossary file for import (any thread); nothing is written.
        ``encoding`` overrides detection for delimited files."""
        fmt, table, rows = exchange.read_import(Path(path), encoding)
        return ImportFile(Path(path), fmt, table, rows)

    def dry_run_import(self, rows: list[exchange.ImportRow], policy: str = "update",
                       new_categories: str = "other") -> exchange.ImportResult:
        """What importing ``rows`` would do (any thread); nothing is written."""
        with self.factory.begin() as session:
            result = exchange.import_rows(session, rows, policy=policy, new_categories=new_categories)
            session.rollback()
        return result

    def import_rows(self, rows: list[exchange.ImportRow], policy: str = "update", *,
                    new_categories: str = "other", progress: ProgressFn | None = None,
                    cancel: CancelToken | None = None) -> Outcome[exchange.ImportResult]:
        """Back the glossary up, then add or update every row in one transaction: all or
        nothing (any thread). A cancelled import leaves the glossary as it was; old backups
        are pruned only after a successful one."""
        team = is_team(self.location)  # a team termbase is backed up on its server
        if not team:
            backup.make_backup(self.db_path, "before-import", keep=None)
        started = utcnow()
        for attempt in (1, 2):
            try:
                with self.factory.begin() as session:
                    result = exchange.import_rows(session, rows, progress=progress, cancel=cancel,
                                                  policy=policy, new_categories=new_categories)
                    changed = (store.changed_since(session, started)
                               if result.total <= IN_PLACE_LIMIT else [])
                break
            except IntegrityError:
                # A team termbase: another client added some of the same terms at this very
                # moment (all of this import was rolled back). Once more, they are updates.
                if attempt == 2:
                    raise
        if not team:
            backup.prune(self.db_path, self.preferences.backups_kept, self.preferences.backups_max_mb)
        if result.total > IN_PLACE_LIMIT:
            return Outcome(result, Changes(all_terms=True))
        return Outcome(result, Changes(terms=tuple(changed)))

    def import_file(self, path: Path, policy: str = "update", new_categories: str = "other",
                    encoding: str | None = None) -> Outcome[Imported]:
        """Read and import a glossary file (its format detected), backing up first."""
        fmt, rows = exchange.parse_file(Path(path), encoding)
        outcome = self.import_rows(rows, policy, new_categories=new_categories)
        return Outcome(Imported(fmt, outcome.value), outcome.changes)

    def export_glossary(self, path: Path, fmt: str | None = None, *, deck: str = "Tarjuman",
                        cloze: bool = False, raw: bool = False, progress: ProgressFn | None = None,
                        cancel: CancelToken | None = None) -> Outcome[Exported]:
        """Write every term to ``path`` atomically (any thread); the value says how many in
        which format. A cancelled export leaves any old file as it was."""
        fmt = exchange.format_for_export(Path(path), fmt)
        skipped: list[str] = []
        with self.factory() as session:
            count = exchange.export_terms(store.iter_terms(session), Path(path), fmt, deck=deck,
                                          cloze=cloze, raw=raw, progress=progress, cancel=cancel,
                                          total=store.count_terms(session), skipped=skipped)
        return Outcome(Exported(count, fmt, tuple(skipped), exchange.NOT_CARRIED.get(fmt, ())))

    # -- glossary files and backups ----------------------------------------------------------
    def switch_glossary(self, path: Path | str, password: str | None = None) -> Changes:
        """Use the glossary (and translation memory) in ``path`` (a file, or a team termbase's
        URI); the old one is closed. Raises ``GlossaryError`` (the old one stays open) when it
        cannot be opened."""
        return self.use_glossary(path, open_glossary(path, password))

    @staticmethod
    def open_factory(location: Path | str, password: str | None = None) -> sessionmaker[Session]:
        """Open a glossary file or connect to a termbase (any thread: connecting may take a
        while); ``use_glossary`` then makes it the workspace's."""
        return open_glossary(location, password)

    @staticmethod
    def check_connection(url: str, password: str | None = None) -> str:
        """Connect to a termbase once and describe it (any thread); ``ConnectionLostError``
        says why not."""
        return check_connection(url, password)

    def use_glossary(self, path: Path | str, factory: sessionmaker[Session]) -> Changes:
        """Make the glossary that ``open_factory`` opened at ``path`` the workspace's; the old
        one is closed."""
        self.save_position()
        old = self.factory
        self.factory, self.location = factory, location_of(path)
        self.db_path = offline_path(path) if is_team(path) else Path(path)
        self._sign()
        self.term_index = self.lemma_index = None
        self.terms_version += 1
        if self.document is not None:
            self.document.set_matches([])
        dispose(old)
        return Changes(glossary=True, all_terms=True, categories=True, matches=True)

    def create_glossary(self, path: Path) -> Changes:
        """Start a new, empty glossary at ``path`` (refused when the file exists)."""
        if Path(path).exists():
            raise BadInputError(f"“{Path(path).name}” already exists; open it instead.")
        return self.switch_glossary(path)

    def save_offline_copy(self, path: Path, progress: ProgressFn | None = None,
                          cancel: CancelToken | None = None) -> Outcome[int]:
        """Write the glossary (a team termbase, or a file) with its translation memory to a
        glossary file at ``path`` for work offline (any thread); the value is how many terms.
        Importing that file back goes through ``import_file``."""
        return Outcome(save_offline_copy(self.factory, Path(path), progress=progress, cancel=cancel))

    def backup_now(self, reason: str = "manual") -> Path:
        """Copy the glossary now (any thread); returns the backup file."""
        if is_team(self.location):
            raise BadInputError("A team glossary is backed up on its server by its administrator; "
                                "File → Save Offline Copy… makes a copy of your own.")
        return backup.make_backup(self.db_path, reason, self.preferences.backups_kept,
                                  self.preferences.backups_max_mb)

    def backup_at_open(self) -> Path | None:
        """Back up the glossary if it changed since the last backup (any thread)."""
        if is_team(self.location):
            return None
        return backup.backup_if_changed(self.db_path, self.preferences.backups_kept,
                                        self.preferences.backups_max_mb)

    def backups(self) -> list[BackupInfo]:
        """This glossary's backups, newest first (none for a team termbase)."""
        if is_team(self.location):
            return []
        return backup.list_backups(self.db_path)

    def restore_backup(self, chosen: BackupInfo) -> Changes:
        """Replace the glossary with a backup (the current file is backed up first). Stop
        every background task that uses the glossary before calling this. Raises
        ``GlossaryError`` when the backup cannot be read; the glossary is then opened as
        it is."""
        self.save_position()
        dispose(self.factory)
        problem: TarjumanError | None = None
        try:
            backup.restore_backup(chosen.path, self.db_path)
        except TarjumanError as exc:
            problem = exc
        changes = self.switch_glossary(self.db_path)
        if problem is not None:
            raise problem
        return changes

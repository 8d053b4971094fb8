"""The application layer: one ``Workspace`` method per user action, for the window and the CLI.

A ``Workspace`` owns the open glossary (its database, backups and term index), the
translation engine, the user's preferences and the open document. Every action returns its
result and a ``Changes`` record (``desktop.core.changes``); the fronts print or display the
result, and the window's views redraw from the record.

Threading contract. Methods marked *any thread* only read the workspace and do their own
I/O (each opens its own database session); the window runs them on a worker when they may
take longer than a frame. All other methods change the workspace's state and belong to the
thread that owns it (the GUI thread in the window). No method touches a widget.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from sqlalchemy.orm import Session, sessionmaker

from desktop.core.changes import NOTHING, Changes, Outcome
from desktop.core.db import backup
from desktop.core.db.backup import BackupInfo
from desktop.core.db.engine import dispose, is_read_only, repaired_values
from desktop.core.db.models import CATEGORIES, DEFAULT_COLOURS
from desktop.core.documents import Document, read_document
from desktop.core.errors import BadInputError, ConnectionLostError, NoModelError, TarjumanError
from desktop.core.glossary.check import insert_term
from desktop.core.glossary.lemmas import LemmaIndex
from desktop.core.glossary.matcher import TermIndex
from desktop.core.glossary.store import CategoryInfo, TermRecord
from desktop.core.lexicon.analyzer import Lexicon
from desktop.core.location import display_name, is_team
from desktop.core.open_document import OpenDocument
from desktop.core.preferences import Preferences
from desktop.core.tasks import CancelToken, ProgressFn
from desktop.core.translation import export, memory, packages
from desktop.core.translation.engine import ArgosEngine
from desktop.core.translation.packages import ModelInfo
from desktop.core.translation.service import Translated, translate_sentences
from desktop.core.translation.tmx import MemoryUnit, read_tmx, write_tmx
from desktop.core.workspace_glossary import (
    Exported,
    GlossaryActions,
    Imported,
    ImportFile,
    location_of,
    offline_path,
    open_glossary,
)
from desktop.core.workspace_vocab import VocabActions
from desktop.core.workspace_words import Suggestion, WordActions

log = logging.getLogger(__name__)

BUILTIN_CATEGORIES = CATEGORIES
__all__ = ["BUILTIN_CATEGORIES", "DEFAULT_COLOURS", "BackupInfo", "CategoryInfo", "Exported",
           "ImportFile", "Imported", "ModelInfo", "OpenDocument", "TermRecord", "TranslationJob",
           "Workspace", "backups_of", "restore_into", "Suggestion"]
ALTERNATIVES = 4

ResultsFn = Callable[[list[int], list[str], list[bool]], None]


@dataclass(frozen=True)
class TranslationJob:
    """The rows of one document still to translate, and what translates them (a snapshot
    taken on the owning thread; ``run`` goes on a worker)."""

    document: OpenDocument
    rows: list[int]
    texts: list[str]
    engine: ArgosEngine | None
    factory: sessionmaker[Session] | None
    #: The first ``first`` of ``rows`` (the page on screen) are translated before the others.
    first: int = 0

    def run(self, on_results: ResultsFn | None = None, *, progress: ProgressFn | None = None,
            cancel: CancelToken | None = None) -> list[Translated | None]:
        """Translate (any thread): memory first, the engine for the rest. ``on_results`` gets
        each batch as (rows, targets, edited) in the calling thread."""
        rows = self.rows

        def deliver(items: list[Translated]) -> None:
            if on_results is not None:
                on_results([rows[t.index] for t in items], [t.target for t in items],
                           [t.edited for t in items])

        try:
            return translate_sentences(self.texts, self.engine, self.factory, on_results=deliver,
                                       progress=progress, cancel=cancel, first=self.first)
        except ConnectionLostError:
            if self.engine is None:
                raise
            # A team glossary out of reach: translation goes on with the model alone (nothing
            # is remembered until the server is back).
            log.warning("the translation memory cannot be reached; translating without it")
            return translate_sentences(self.texts, self.engine, None, on_results=deliver,
                                       progress=progress, cancel=cancel, first=self.first)


@dataclass(frozen=True)
class ModelList:
    models: list[ModelInfo]
    active: Path | None


class Workspace(GlossaryActions, WordActions, VocabActions):
    """Tarjuman's state and actions, without Qt. Open one with ``Workspace.open``.

    The glossary's actions (terms, categories, import and export, backups, glossary files)
    are in ``GlossaryActions``; the lexicon's and romanisation in ``WordActions``; the
    learners' (word statuses, reviews, decks) in ``VocabActions``."""

    def __init__(self, db_path: Path | str, factory: sessionmaker[Session],
                 preferences: Preferences | None = None) -> None:
        #: Where the glossary lives: a file's path, or a team termbase's URI (no password).
        self.location = location_of(db_path)
        #: The glossary file (for a team termbase: where its offline copy goes by default).
        self.db_path = offline_path(db_path) if is_team(db_path) else Path(db_path)
        #: The glossary's session factory. Core modules and tests use it; the fronts call
        #: the workspace instead.
        self.factory = factory
        self.preferences = (preferences or Preferences()).checked()
        self._sign()
        self.engine: ArgosEngine | None = None
        self.engine_state = "loading"
        self.engine_problem = ""
        self.document: OpenDocument | None = None
        self.term_index: TermIndex | None = None
        self.lemma_index: LemmaIndex | None = None
        self.lemma_problem = ""
        #: Counts the changes to the terms (``changed``); the index knows which it reflects.
        self.terms_version = 0
        self._index_version = -1
        self._added_in_place: set[int] = set()
        #: Opened on first use (``load_lexicon`` on a worker, or ``ensure_lexicon``).
        self.lexicon: Lexicon | None = None

    @property
    def team(self) -> bool:
        """Whether the glossary is a team termbase on PostgreSQL (not a file)."""
        return is_team(self.location)

    @property
    def name(self) -> str:
        """The glossary's name for titles: a file's name, or ``user@host:port/database``."""
        return display_name(self.location)

    @property
    def read_only(self) -> bool:
        """Whether the glossary may only be read (a file or folder the user may not write):
        reading works, every save fails with a message saying so."""
        return is_read_only(self.factory)

    @property
    def repaired(self) -> int:
        """How many damaged values (a date that is not a date, a blob in a text field)
        opening the glossary repaired, after a "before-repair" backup."""
        return repaired_values(self.factory)

    @classmethod
    def open(cls, db_path: Path | str, preferences: Preferences | None = None,
             password: str | None = None) -> Workspace:
        """Open (creating if needed) the glossary at ``db_path``: an SQLite file, or a team
        termbase's ``postgresql://`` URI (``password``, when typed, is kept for this session
        only). Raises ``GlossaryError`` for a damaged or foreign file, which is left as it
        was, or a termbase that cannot be reached or is newer than this Tarjuman."""
        return cls(db_path, open_glossary(db_path, password), preferences)

    def close(self, save_position: bool = True) -> None:
        """Close the glossary, the lexicon and the engine, remembering the reading position
        unless told not to (the CLI reads documents without moving the window's place in them)."""
        if save_position:
            self.save_position()
        dispose(self.factory)
        if self.lexicon is not None:
            self.lexicon.close()
        if self.engine is not None:
            self.engine.close()  # its worker processes

    # -- documents -------------------------------------------------------------------------
    def read_document(self, path: Path, encoding: str | None = None) -> Document:
        """Read and segment a file (any thread), within the size the preferences allow."""
        return read_document(Path(path), max_bytes=self.preferences.max_document_bytes,
                             encoding=encoding)

    def prepare_document(self, doc: Document) -> OpenDocument:
        """A document with what the memory knows of it and its saved reading position
        (any thread); ``show_document`` makes it the open one."""
        model_id = self.engine.model_id if self.engine is not None else None
        try:
            with self.factory() as session:
                known = memory.lookup(session, model_id, [s.text for s in doc.sentences])
                position = memory.document_position(session, str(doc.path)) if doc.path else None
        except ConnectionLostError:  # a team glossary out of reach: the document opens all the same
            known, position = [None] * len(doc.sentences), None
        opened = OpenDocument(doc, [k.target if k else None for k in known],
                              [bool(k and k.edited) for k in known])
        if position is not None and opened.valid(position):
            opened.position = position
        return opened

    def show_document(self, opened: OpenDocument) -> Changes:
        """Make ``opened`` the open document (the old one's reading position is saved)."""
        self.save_position()
        self.document = opened
        return Changes(document=True, translations=tuple(range(len(opened))))

    def save_position(self) -> None:
        """Remember where the reader is in the open document's file. Never raises: losing a
        reading position must not block opening or closing."""
        doc = self.document
        if doc is None or doc.path is None or not len(doc):
            return
        try:
            with self.factory.begin() as session:
                memory.save_document_position(session, str(doc.path), doc.title,
                                              max(doc.position, 0), len(doc))
        except Exception:
            log.exception("could not save the reading position")

    def set_position(self, row: int) -> None:
        if self.document is not None and self.document.valid(row):
            self.document.position = row

    # -- translation -----------------------------------------------------------------------
    def translation_job(self, use_memory: bool = True,
                        page: range | None = None) -> TranslationJob | None:
        """What is left to translate in the open document (``None``: nothing, or no model).
        With ``page`` (the rows on screen), its rows come first, then the rows after it,
        then those before it."""
        doc = self.document
        if doc is None or self.engine is None:
            return None
        rows = doc.missing_rows()
        first = 0
        if page is not None:
            shown = [r for r in rows if r in page]
            first = len(shown)
            rows = (shown + [r for r in rows if r >= page.stop]
                    + [r for r in rows if r < page.start])
        return TranslationJob(doc, rows, [doc.sentences[r].text for r in rows], self.engine,
                              self.factory if use_memory else None, first)

    def apply_translations(self, doc: OpenDocument, rows: Sequence[int], targets: Sequence[str],
                           edited: Sequence[bool]) -> Changes:
        """Store a translated batch in ``doc`` (ignored when another document is open). A
        machine translation never replaces the translator's own English saved meanwhile."""
        if doc is not self.document:
            return NOTHING
        keep = [i for i, row in enumerate(rows) if edited[i] or not (doc.valid(row) and doc.edited[row])]
        return Changes(translations=doc.set_translations([rows[i] for i in keep], [targets[i] for i in keep],
                                                         [edited[i] for i in keep]))

    def translate_document(self, use_memory: bool = True, progress: ProgressFn | None = None,
                           cancel: CancelToken | None = None) -> list[str]:
        """Translate the whole open document now (blocking); returns its English.
        Raises ``NoModelError`` when no model is loaded."""
        if self.engine is None:
            self.load_engine_now()
        job = self.translation_job(use_memory)
        if job is not None and job.rows:
            doc = job.document

            def apply(rows: list[int], targets: list[str], edited: list[bool]) -> None:
                self.apply_translations(doc, rows, targets, edited)

            job.run(apply, progress=progress, cancel=cancel)
        assert self.document is not None
        return [t or "" for t in self.document.translations]

    def post_edit(self, row: int, text: str) -> Changes:
        """Store the translator's English for sentence ``row``, here and wherever the same
        sentence occurs (in any document). Empty text reverts to the machine's."""
        doc = self.document
        if doc is None or not doc.valid(row):
            return NOTHING
        if not text.strip():
            return self.revert(row).changes
        with self.factory.begin() as session:
            memory.set_edit(session, doc.sentences[row].text, text)
        rows = doc.same_sentence_rows(row)
        return Changes(translations=doc.set_translations(rows, [text] * len(rows), [True] * len(rows)))

    def revert(self, row: int) -> Outcome[bool]:
        """Forget the translator's English for sentence ``row``. The value is True when the
        machine's translation is back; False when the rows wait for the engine."""
        doc = self.document
        if doc is None or not doc.valid(row):
            return Outcome(False)
        sentence = doc.sentences[row].text
        with self.factory.begin() as session:
            memory.clear_edit(session, sentence)
            machine = (memory.machine_translation(session, self.engine.model_id, sentence)
                       if self.engine is not None else None)
        rows = doc.same_sentence_rows(row)
        if machine is not None:
            changed = doc.set_translations(rows, [machine] * len(rows), [False] * len(rows))
            return Outcome(True, Changes(translations=changed))
        return Outcome(False, Changes(translations=doc.clear_translations(rows)))

    def insert_term_english(self, row: int, english: str) -> Changes:
        """Put a glossary term's English into sentence ``row``'s translation (a post-edit)."""
        if self.document is None or not self.document.valid(row):
            return NOTHING
        return self.post_edit(row, insert_term(self.document.translations[row] or "", english))

    def alternatives(self, sentence: str) -> list[str]:
        """The model's n-best translations of one sentence, distinct (any thread)."""
        if self.engine is None:
            raise NoModelError("Alternative translations need a translation model.")
        hypotheses = self.engine.translate_hypotheses([sentence], num_hypotheses=ALTERNATIVES)
        return list(dict.fromkeys(h for h in hypotheses[0] if h))

    @staticmethod
    def export_translation(doc: OpenDocument, path: Path, fmt: str | None = None, raw: bool = False) -> str:
        """Write the document and its English (untranslated rows empty) atomically; returns
        the format (any thread, with a snapshot of ``doc``). CSV/TSV cells that would run as
        formulas are guarded unless ``raw``."""
        return export.export_translation(doc.document, list(doc.translations), Path(path), fmt, raw)

    # -- translation memories from CAT tools ------------------------------------------------
    @staticmethod
    def read_memory_file(path: Path) -> list[MemoryUnit]:
        """The Arabic → English units of a TMX file (any thread); nothing is written."""
        return read_tmx(Path(path))

    def import_memory(self, units: Sequence[MemoryUnit]) -> Outcome[int]:
        """Back the glossary up, then store ``units`` as preferred translations, all or
        nothing; the open document shows them at once. The value is how many sentences."""
        if not units:
            raise BadInputError("The file holds no Arabic → English units to import.")
        if not self.team:  # a team termbase is backed up on its server
            backup.make_backup(self.db_path, "before-import", keep=None)
        with self.factory.begin() as session:
            count = memory.import_units(session, [(u.source, u.target) for u in units])
        if not self.team:
            backup.prune(self.db_path, self.preferences.backups_kept, self.preferences.backups_max_mb)
        doc = self.document
        if doc is None:
            return Outcome(count)
        by_key = {memory.source_key(u.source): u.target for u in units}
        rows = [s.index for s in doc.sentences if memory.source_key(s.text) in by_key]
        targets = [by_key[memory.source_key(doc.sentences[r].text)] for r in rows]
        return Outcome(count, Changes(translations=doc.set_translations(rows, targets, [True] * len(rows))))

    def export_memory(self, path: Path) -> Outcome[int]:
        """Write the translation memory as TMX 1.4 (any thread): the translator's
        translations, then the machine's for the other sentences."""
        with self.factory() as session:
            units = memory.export_units(session)
        if not units:
            raise BadInputError("The translation memory is empty: nothing was translated yet.")
        return Outcome(write_tmx(units, Path(path)))

    # -- the engine and models -------------------------------------------------------------
    def load_engine(self) -> ArgosEngine:
        """Load the installed model with the preferred settings (any thread; slow)."""
        return self.load_model(self.preferences)

    @staticmethod
    def load_model(preferences: Preferences | None = None) -> ArgosEngine:
        """Load the installed Arabic→English model (no glossary needed; slow). Raises
        ``NoModelError`` when none is installed."""
        return ArgosEngine.load(settings=(preferences or Preferences()).engine)

    @staticmethod
    def translate_without_memory(doc: Document, engine: ArgosEngine) -> list[str]:
        """A document's English straight from the model, touching no glossary (blocking)."""
        opened = OpenDocument(doc)
        job = TranslationJob(opened, list(range(len(opened))), [s.text for s in doc.sentences],
                             engine, None)
        return [r.target if r else "" for r in job.run()]

    def engine_loaded(self, engine: ArgosEngine) -> Changes:
        self.engine, self.engine_state, self.engine_problem = engine, "ready", ""
        return Changes(models=True, engine=True)

    def engine_failed(self, exc: BaseException) -> Changes:
        """The engine could not load: no model ("missing") or a broken one ("broken")."""
        self.engine = None
        if isinstance(exc, NoModelError):
            self.engine_state, self.engine_problem = "missing", str(exc)
        elif isinstance(exc, TarjumanError):
            self.engine_state, self.engine_problem = "broken", str(exc)
        else:
            log.error("loading the engine failed", exc_info=exc)
            self.engine_state = "broken"
            self.engine_problem = "An unexpected error occurred; details are in the log file."
        return Changes(models=True, engine=True)

    def unload_engine(self) -> None:
        self.engine, self.engine_state = None, "loading"

    def load_engine_now(self) -> ArgosEngine:
        """``load_engine`` and ``engine_loaded`` in one (for the CLI)."""
        try:
            engine = self.load_engine()
        except BaseException as exc:
            self.engine_failed(exc)
            raise
        self.engine_loaded(engine)
        return engine

    def models(self) -> ModelList:
        """Installed models and the one in use (or that would be used)."""
        if self.engine is None:
            return self.models_installed()
        return ModelList(packages.list_installed(), self.engine.info.path)

    @staticmethod
    def models_installed() -> ModelList:
        """Installed models and the one that would be used (no glossary needed)."""
        package = packages.find_package()
        return ModelList(packages.list_installed(),
                         Path(package.package_path) if package is not None else None)

    @staticmethod
    def install_model(path: Path, progress: ProgressFn | None = None,
                      cancel: CancelToken | None = None) -> Outcome[ModelInfo]:
        """Check and install a ``.argosmodel`` file (any thread)."""
        info = packages.install_package_file(Path(path), progress=progress, cancel=cancel)
        return Outcome(info, Changes(models=True))

    @staticmethod
    def download_model(from_code: str = packages.SOURCE, to_code: str = packages.TARGET, *,
                       progress: ProgressFn | None = None, cancel: CancelToken | None = None,
                       on_stage: Callable[[str], None] | None = None) -> Outcome[ModelInfo]:
        """Download the pair's model from the Argos index and install it (any thread)."""
        file = packages.download_package(from_code, to_code, progress=progress, cancel=cancel)
        if on_stage is not None:
            on_stage("install")
        info = packages.install_package_file(file, (from_code, to_code), progress=progress,
                                             cancel=cancel)
        return Outcome(info, Changes(models=True))

    def model_in_use(self, path: Path) -> bool:
        return self.engine is not None and self.engine.info.path == Path(path)

    @staticmethod
    def remove_model(path: Path) -> Outcome[ModelInfo]:
        """Remove the installed package in folder ``path`` (any thread; unload it first when
        it is in use)."""
        return Outcome(packages.remove_installed(Path(path)), Changes(models=True))

    @staticmethod
    def remove_pair(pair: str) -> Outcome[list[ModelInfo]]:
        """Remove every installed model for a pair such as "ar-en"."""
        codes = pair.replace("_", "-").split("-")
        if len(codes) != 2 or not all(codes):
            raise BadInputError(f"“{pair}” is not a language pair like ar-en.")
        return Outcome(packages.remove_package(codes[0], codes[1]), Changes(models=True))

    def set_preferences(self, preferences: Preferences) -> Outcome[bool]:
        """Use new preferences. The value is True when the engine must be loaded again
        (its computation or threads changed); it is then unloaded."""
        before, self.preferences = self.preferences, preferences.checked()
        self._sign()
        reload = False
        if self.engine is not None:
            if (before.compute_type, before.threads) != (self.preferences.compute_type,
                                                         self.preferences.threads):
                self.unload_engine()
                reload = True
            else:
                self.engine.settings = self.preferences.engine
        return Outcome(reload, Changes(preferences=True))


def backups_of(db_path: Path) -> list[BackupInfo]:
    """The backups of a glossary file, newest first (also of one that cannot be opened)."""
    return backup.list_backups(Path(db_path))


def restore_into(chosen: BackupInfo, db_path: Path) -> None:
    """Replace a glossary file that is not open with one of its backups."""
    backup.restore_backup(chosen.path, Path(db_path))

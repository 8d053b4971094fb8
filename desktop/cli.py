"""Tarjuman's command line: headless commands over the core.

Exit codes: 0 ok, 2 usage, 3 no Arabic→English model installed, 4 bad input (message on
stderr, nothing changed), 1 anything unexpected.

Each command imports what it uses when it runs: ``--help`` and ``segment`` load neither the
database layer nor the translation engine (tests/core/test_startup.py checks it), and
``glossary list``/``search`` on a healthy glossary load neither logging nor the document
reader (tests/core/test_cli_startup.py): the log file is set up only for a command that may
change something, or when something goes wrong.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence, TextIO

from desktop import __version__
from desktop.core.errors import BadInputError, TarjumanError

if TYPE_CHECKING:
    from desktop.core.workspace import Workspace

EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, EXIT_NO_MODEL, EXIT_BAD_INPUT = 0, 1, 2, 3, 4
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # Ctrl+C, SIGTERM (128 + signal number)
EXIT_BROKEN_PIPE = 141  # the reader closed the pipe (128 + SIGPIPE)
COMMANDS = ("segment", "translate", "terms", "models", "glossary", "lookup", "gloss", "vocab", "memory")
#: The glossary's built-in categories, for the help (the Workspace's ``BUILTIN_CATEGORIES``,
#: written out so that ``--help`` loads no database layer; a test checks that they agree).
CATEGORIES = ("person", "organization", "title", "place", "other")
DB_HELP = ("glossary file (default: glossary.db), or a team glossary on PostgreSQL: "
           "postgresql://user@host:port/database (libpq's ~/.pgpass, ?service=, ?sslmode= apply)")


def build_parser(command: str | None = None, action: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser. With ``command``, only that command's options are declared
    ("": none of them), and with ``action`` only those of that action of it (``glossary
    search``): the others keep their names and help, so ``--help`` and usage errors read the
    same, and a command does not spend its start-up declaring eighty options it will not use."""
    parser = argparse.ArgumentParser(
        prog="tarjuman",
        description="Read Arabic documents beside their offline English translation and keep a "
        "glossary. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"tarjuman {__version__}")
    parser.add_argument("--db", default=None, metavar="DB", help=DB_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, declare) in _DECLARE.items():
        p = sub.add_parser(name, help=help_text)
        if command in (None, name):
            declare(p, action if command is not None else None)
    return parser


def command_of(argv: Sequence[str]) -> str | None:
    """The command that ``tarjuman ARGV`` runs (its first argument that is neither an option
    nor the value of --db), if it is one."""
    words = _positionals(argv)
    return words[0] if words and words[0] in COMMANDS else None


def action_of(argv: Sequence[str]) -> str | None:
    """The word after the command (``search`` in ``glossary search``), if any."""
    words = _positionals(argv)
    return words[1] if len(words) > 1 else None


def _positionals(argv: Sequence[str]) -> list[str]:
    """The first two arguments that are neither options nor the value of --db."""
    words: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif not arg.startswith("-"):
            words.append(arg)
            if len(words) == 2:
                break
    return words


# The options that several commands share, in the order their help lists them.
def _json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON")


def _db(p: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a --db given before the command from being reset by the sub-parser.
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="DB", help=DB_HELP)


def _encoding(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoding", metavar="NAME",
                   help="text encoding of FILE (default: detected), e.g. windows-1256")


class _Actions:
    """A command's actions, of which only ``wanted`` (None: all) has its options declared;
    the others are named with their help (``add_parser`` gives them an ``_Unused``)."""

    def __init__(self, p: argparse.ArgumentParser, dest: str, wanted: str | None) -> None:
        self.sub = p.add_subparsers(dest=dest, metavar="ACTION", required=True)
        self.wanted = wanted

    def add_parser(self, name: str, help: str) -> Any:  # noqa: A002 (argparse's name)
        parser = self.sub.add_parser(name, help=help)
        return parser if self.wanted in (None, name) else _Unused()


class _Unused:
    """Takes the options of an action that is not run, and declares nothing."""

    def add_argument(self, *_args: Any, **_kwargs: Any) -> None:
        pass


def _actions(p: argparse.ArgumentParser, dest: str, wanted: str | None) -> _Actions:
    return _Actions(p, dest, wanted)


def _segment_options(p: argparse.ArgumentParser, action: str | None = None) -> None:
    _json(p)
    _encoding(p)
    p.add_argument("file", type=Path)


def _translate_options(p: argparse.ArgumentParser, action: str | None = None) -> None:
    _json(p)
    _db(p)
    _encoding(p)
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=("txt", "html", "tsv", "csv", "tmx"),
                   help="output format (default: from the -o suffix, else plain text)")
    p.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    p.add_argument("--no-cache", action="store_true",
                   help="ignore and do not fill the translation memory")
    p.add_argument("--raw", action="store_true",
                   help="CSV/TSV: do not guard cells that a spreadsheet would run as formulas")


def _terms_options(p: argparse.ArgumentParser, action: str | None = None) -> None:
    _json(p)
    _db(p)
    _encoding(p)
    p.add_argument("file", type=Path)
    p.add_argument("--no-lemmas", action="store_true",
                   help="only the glossary's own forms (not plurals and other forms found through lemmas)")


def _lookup_options(p: argparse.ArgumentParser, action: str | None = None) -> None:
    _json(p)
    p.add_argument("word")


def _gloss_options(p: argparse.ArgumentParser, action: str | None = None) -> None:
    _json(p)
    _encoding(p)
    p.add_argument("file", type=Path)


def _memory_options(p: argparse.ArgumentParser, action: str | None = None) -> None:
    mem = _actions(p, "memory_command", action)
    a = mem.add_parser("import", help="load Arabic→English TMX units as preferred translations "
                                      "(backup first)")
    _db(a)
    a.add_argument("file", type=Path)
    a = mem.add_parser("export", help="write the memory as TMX 1.4")
    _db(a)
    a.add_argument("file", type=Path)


def _vocab_options(p: argparse.ArgumentParser, action: str | None = None) -> None:
    vocab = _actions(p, "vocab_command", action)
    a = vocab.add_parser("list", help="list words by status")
    _db(a)
    _json(a)
    a.add_argument("--status", action="append", metavar="STATUS",
                   help="new, 1-4 (learning), learning, known or ignored; repeat for several")
    a.add_argument("--search", default="", help="words, lemmas or glosses containing this")
    a = vocab.add_parser("set", help="set a word's status (by its lemma)")
    _db(a)
    a.add_argument("word")
    a.add_argument("status", metavar="STATUS", help="new, 1-4, known or ignored")
    a.add_argument("--context", default="", help="the sentence the word was seen in")
    a = vocab.add_parser("stats", help="how many of a document's words are known")
    _db(a)
    _json(a)
    _encoding(a)
    a.add_argument("file", type=Path)
    a = vocab.add_parser("export", help="learning words and study terms as an Anki deck or CSV")
    _db(a)
    a.add_argument("file", type=Path)
    a.add_argument("--format", choices=("apkg", "csv"), help="default: from the file name")
    a.add_argument("--deck", default="Tarjuman", help="Anki deck name")
    a.add_argument("--no-terms", action="store_true", help="learning words only")


def _models_options(p: argparse.ArgumentParser, action: str | None = None) -> None:
    models = _actions(p, "models_command", action)
    _json(models.add_parser("list", help="list installed models"))
    a = models.add_parser("install", help="install a .argosmodel file")
    a.add_argument("file", type=Path)
    a = models.add_parser("remove", help="remove an installed model, e.g. ar-en")
    a.add_argument("pair", metavar="FROM-TO")
    a = models.add_parser("download", help="download and install a model from the Argos index")
    a.add_argument("from_code", metavar="FROM", nargs="?", default="ar")
    a.add_argument("to_code", metavar="TO", nargs="?", default="en")


def _glossary_options(p: argparse.ArgumentParser, action: str | None = None) -> None:
    glossary = _actions(p, "glossary_command", action)
    a = glossary.add_parser("add", help="add or update a term")
    _db(a)
    a.add_argument("source")
    a.add_argument("target")
    a.add_argument("--category", default=None,
                   help=f"one of {', '.join(CATEGORIES)} or a category you added in the window")
    a.add_argument("--note", default="")
    a.add_argument("--subject", default="", help="the subject field, e.g. law")
    a.add_argument("--pos", default="", help="the part of speech, e.g. noun")
    a = glossary.add_parser("edit", help="change fields of one term, by its id (see list --json)")
    _db(a)
    a.add_argument("id", type=int)
    for field in ("source", "target", "category", "note", "subject", "pos"):
        a.add_argument(f"--{field}", default=None)
    a.add_argument("--expect-version", type=int, default=None, metavar="N",
                   help="refuse (exit 4) when the term is no longer at version N: someone "
                        "changed it since you read it")
    a = glossary.add_parser("list", help="list all terms")
    _db(a)
    _json(a)
    a = glossary.add_parser("search", help="search terms")
    _db(a)
    _json(a)
    a.add_argument("query")
    a = glossary.add_parser("export", help="export the glossary (CSV, Excel CSV, Anki, TBX, OmegaT)")
    _db(a)
    a.add_argument("file", type=Path)
    a.add_argument("--format", choices=("csv", "excel", "anki", "tbx", "tbx3", "omegat"),
                   help="default: from the file name (.tbx, .utf8, .tsv, else CSV)")
    a.add_argument("--excel", action="store_true", help="same as --format excel")
    a.add_argument("--deck", default="Tarjuman", help="Anki deck name")
    a.add_argument("--cloze", action="store_true", help="Anki: add a cloze field")
    a.add_argument("--raw", action="store_true",
                   help="CSV: do not guard cells that a spreadsheet would run as formulas")
    a = glossary.add_parser("import", help="import a glossary (CSV, TSV, Anki, TBX, OmegaT, "
                                           "another glossary .db; detected)")
    _db(a)
    _encoding(a)
    a.add_argument("file", type=Path)
    a.add_argument("--policy", choices=("update", "skip", "keep-both"), default="update",
                   help="for Arabic already in the glossary (default: update)")
    a.add_argument("--new-categories", choices=("other", "create"), default="other",
                   help="a category the glossary lacks: map it to “other” (default) or create it")


#: Each command's help and the function that declares its options, in the order of --help.
_DECLARE: dict[str, tuple[str, Callable[[argparse.ArgumentParser, str | None], None]]] = {
    "segment": ("split a document into sentences", _segment_options),
    "translate": ("translate a document offline", _translate_options),
    "terms": ("find glossary terms in a document", _terms_options),
    "lookup": ("analyse an Arabic word with the offline lexicon", _lookup_options),
    "gloss": ("each Arabic word of a document with its first analysis", _gloss_options),
    "memory": ("the translation memory: TMX from and for CAT tools", _memory_options),
    "vocab": ("a learner's words: statuses, statistics, Anki decks", _vocab_options),
    "models": ("manage translation models", _models_options),
    "glossary": ("work with the glossary", _glossary_options),
}


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None, log_file: bool = False) -> int:
    """Run one CLI command; returns the exit code. ``log_file``: send log records to the
    user's log file (``python -m desktop`` does), once the command does more than read a
    healthy glossary."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    # Only what the command run declares (none for --help, --version or an error).
    parser = build_parser(command_of(argv) or "", action_of(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    args.log_file = log_file
    if not _may_read_quickly(args):
        _start_logging(args)
    previous = _on_terminate()
    try:
        return _dispatch(args, out, err)
    except TarjumanError as exc:
        print(f"tarjuman: {exc}", file=err)
        return exc.exit_code
    except KeyboardInterrupt:
        print("tarjuman: interrupted", file=err)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader stopped reading (``tarjuman glossary list | head``): as a program killed
        # by SIGPIPE would, say nothing more (Python would complain when it flushes at exit).
        _silence(out)
        return EXIT_BROKEN_PIPE
    except Terminated:
        print("tarjuman: stopped (SIGTERM); nothing was left half-written", file=err)
        return EXIT_TERMINATED
    except Exception:
        import logging

        _start_logging(args)
        logging.getLogger(__name__).exception("unexpected error in CLI")
        print("tarjuman: unexpected error; details are in the log file.", file=err)
        return EXIT_UNEXPECTED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _may_read_quickly(args: argparse.Namespace) -> bool:
    """Whether the command may only read a healthy glossary with sqlite3 (``desktop.core.quick``)."""
    return args.command == "glossary" and args.glossary_command in ("list", "search", "export")


def _start_logging(args: argparse.Namespace) -> None:
    """Send log records to the log file, if the caller asked for it (idempotent)."""
    if args.log_file:
        from desktop.core.logsetup import setup_logging

        setup_logging()


def _silence(out: TextIO) -> None:
    """Send what is left for a closed pipe to /dev/null (the standard output's descriptor)."""
    try:
        if out is sys.stdout:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
    except (OSError, ValueError):
        pass


class Terminated(BaseException):
    """SIGTERM arrived: unwinding removes temporary files and rolls back transactions, as
    Ctrl+C does."""


def _terminated(_signum: int, _frame: object) -> None:
    raise Terminated


def _on_terminate() -> Any:
    """Turn SIGTERM into ``Terminated`` while a command runs (main thread only: elsewhere
    signal.signal raises ValueError); returns the handler to restore."""
    try:
        return signal.signal(signal.SIGTERM, _terminated)
    except (ValueError, OSError):
        return None


def _dispatch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "models":
        return _models(args, out, err)
    commands: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
        "segment": _segment, "translate": _translate, "terms": _terms, "glossary": _glossary,
        "lookup": _lookup, "vocab": _vocab, "gloss": _gloss, "memory": _memory,
    }
    return commands[args.command](args, out)


def _print_json(data: Any, out: TextIO) -> None:
    import json

    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _print_json_items(items: Iterable[dict[str, Any]], out: TextIO) -> None:
    """``_print_json`` of a list of objects, written an object at a time: the same text, with
    memory for one object (``terms --json`` on 5 MB of text, ``glossary list --json``)."""
    _print_json_objects((_json_object(item) for item in items), out)


def _print_json_objects(objects: Iterable[str], out: TextIO) -> None:
    """A JSON list of objects already written by ``_json_object`` (or as it writes them)."""
    batch: list[str] = []
    written = False
    for text in objects:
        batch.append(text)
        if len(batch) == 500:  # one write for many objects: a write per object costs more
            out.write(("[\n" if not written else ",\n") + ",\n".join(batch))
            written, batch = True, []
    if batch:
        out.write(("[\n" if not written else ",\n") + ",\n".join(batch))
        written = True
    out.write("\n]\n" if written else "[]\n")


@cache
def _writers() -> tuple[Callable[[str], str], dict[type, Callable[[Any], str]]]:
    """json's C string encoder (what json.dumps(ensure_ascii=False) uses) and how json writes
    a value of each plain type (exact types: an IntEnum or a float goes the slow way). The
    json module loads with the first JSON written: a text listing does without it."""
    from json.encoder import encode_basestring

    return encode_basestring, {str: encode_basestring, int: int.__repr__,
                               bool: lambda v: "true" if v else "false",
                               type(None): lambda _v: "null"}


def _json_object(item: dict[str, Any]) -> str:
    """``json.dumps(item, ensure_ascii=False, indent=2)`` of an object in a list (indented one
    level). A flat object of strings, whole numbers, booleans and nulls is written here with
    the C string encoder: with ``indent``, json.dumps runs its pure-Python encoder, five
    times slower."""
    encode, plain = _writers()
    try:
        lines = [f"    {encode(key)}: {plain[type(value)](value)}" for key, value in item.items()]
    except KeyError:
        import json

        return "  " + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    return "  {\n" + ",\n".join(lines) + "\n  }" if lines else "  {}"


def _print_terms(terms: Iterable[Any], as_json: bool, out: TextIO) -> None:
    """Terms as they are read: tab-separated lines, or JSON."""
    if as_json:
        dates: dict[Any, str] = {}  # an import gives its terms one date: written once
        encode, _plain = _writers()
        _print_json_objects((_term_object(t, dates, encode) for t in terms), out)
        return
    out.writelines(f"{t.id}\t{t.source}\t{t.target}\t{t.category}\t{t.note}\n" for t in terms)


def _segment(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.documents import read_document

    doc = read_document(args.file, encoding=args.encoding)
    if args.json:
        _print_json([{"paragraph": s.paragraph, "start": s.start, "end": s.end, "text": s.text}
                     for s in doc.sentences], out)
    else:
        for s in doc.sentences:
            print(f"{s.paragraph}\t{s.start}\t{s.end}\t{s.text}", file=out)
    return EXIT_OK


def _open_workspace(args: argparse.Namespace) -> Workspace:
    from desktop.core.paths import default_glossary_path

    _start_logging(args)
    from desktop.core.preferences import LIMITS, Preferences
    from desktop.core.workspace import Workspace

    # The window's preferences live in its settings; the CLI keeps as many backups as the
    # window could (it prunes none that the window would keep).
    keep_all = Preferences(backups_kept=LIMITS["backups_kept"][1],
                           backups_max_mb=LIMITS["backups_max_mb"][1])
    workspace = Workspace.open(args.db or default_glossary_path(), keep_all)
    if workspace.repaired:
        print(f"tarjuman: note: {workspace.repaired} damaged values in the glossary were repaired "
              "(a date that was not a date, binary data in a text field); a backup was made "
              "first.", file=sys.stderr)
    return workspace


def _translate(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.documents import read_document
    from desktop.core.open_document import OpenDocument
    from desktop.core.translation import export
    from desktop.core.workspace import Workspace

    fmt = export.format_for(args.output, args.format) if args.output else (args.format or "txt")
    # The document and the model first: a bad file or no model changes no glossary.
    doc = read_document(args.file, encoding=args.encoding)
    engine = Workspace.load_model()
    if args.no_cache:
        targets = Workspace.translate_without_memory(doc, engine)
    else:
        workspace = _open_workspace(args)
        try:
            workspace.engine_loaded(engine)
            workspace.show_document(workspace.prepare_document(doc))
            targets = workspace.translate_document()
        finally:
            workspace.close(save_position=False)
    opened = OpenDocument(doc, list(targets))
    if args.json:
        _print_json([{"start": s.start, "end": s.end, "source": s.text, "target": t}
                     for s, t in zip(doc.sentences, targets, strict=True)], out)
    elif args.output:
        Workspace.export_translation(opened, args.output, fmt, args.raw)
    elif fmt == "txt":
        out.write("\n\n".join(export.english_paragraphs(doc, list(targets))) + "\n")
    else:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / f"out.{fmt}"
            Workspace.export_translation(opened, target, fmt, args.raw)
            out.write(target.read_text(encoding="utf-8"))
    return EXIT_OK


def _unremembered(doc: Any) -> Any:
    """A document opened without the translation memory (``--no-cache``)."""
    from desktop.core.open_document import OpenDocument

    return OpenDocument(doc)


def _terms(args: argparse.Namespace, out: TextIO) -> int:
    from dataclasses import replace

    from desktop.core import quick
    from desktop.core.documents import read_document
    from desktop.core.paths import default_glossary_path

    # A bad file changes no glossary. Finding terms needs the text, not its sentences.
    doc = read_document(args.file, encoding=args.encoding, segmented=False)
    # A healthy glossary at the current schema is only read: no ORM, no Alembic.
    found = quick.find_terms(doc, Path(args.db or default_glossary_path()), not args.no_lemmas)
    if found is not None:
        matches, problem = found
    else:
        from desktop.core.segment import segment

        doc = replace(doc, sentences=segment(doc.text))
        workspace = _open_workspace(args)
        workspace.set_preferences(replace(workspace.preferences, lemma_matching=not args.no_lemmas))
        try:
            workspace.show_document(_unremembered(doc))
            matches, problem = workspace.find_terms(), workspace.lemma_problem
        finally:
            workspace.close(save_position=False)
    if problem:
        print(f"tarjuman: note: other forms of terms were not matched: {problem}", file=sys.stderr)
    if args.json:
        _print_json_items((m.as_json() for m in matches), out)
    else:
        out.writelines(f"{m.start}\t{m.end}\t{m.text}\t{m.term.target}\t{m.term.category}"
                       f"{chr(9) + 'lemma' if m.lemma else ''}\n" for m in matches)
    return EXIT_OK


def _models(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.core.workspace import Workspace

    if args.models_command == "list":
        listed = Workspace.models_installed()
        models, active_path = listed.models, listed.active
        if args.json:
            _print_json([{"pair": m.pair, "from": m.from_name, "to": m.to_name,
                          "version": m.version, "path": str(m.path), "size": m.size_bytes,
                          "note": m.note, "active": m.path == active_path} for m in models], out)
        elif not models:
            print("No translation models installed.", file=out)
        else:
            for m in models:
                mark = "*" if m.path == active_path else " "
                print(f"{mark} {m.pair}\t{m.version}\t{m.size_bytes / 1_048_576:.1f} MB\t{m.path}",
                      file=out)
        return EXIT_OK
    if args.models_command == "download":
        bar = _TextProgress(err, "Downloading")
        info = Workspace.download_model(args.from_code, args.to_code, progress=bar,
                                        on_stage=lambda _stage: bar.finish()).value
        print(f"Installed {info.from_name} → {info.to_name} {info.version} in {info.path}", file=out)
        return EXIT_OK
    if args.models_command == "install":
        info = Workspace.install_model(args.file).value
        print(f"Installed {info.from_name} → {info.to_name} {info.version} in {info.path}", file=out)
        return EXIT_OK
    for info in Workspace.remove_pair(args.pair).value:
        print(f"Removed {info.pair} {info.version} ({info.path})", file=out)
    return EXIT_OK


class _TextProgress:
    """A one-line text progress bar for byte counts, redrawn in place on a terminal."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream = stream
        self.label = label
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        mb = done / 1_048_576
        if total:
            percent = int(100 * done / total)
            if percent == self.last:
                return
            self.last = percent
            filled = percent * 30 // 100
            line = f"{self.label} [{'#' * filled}{'.' * (30 - filled)}] {percent:3d}% {mb:.1f} MB"
        else:
            line = f"{self.label} {mb:.1f} MB"
        self.stream.write("\r" + line)
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def _glossary(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.location import is_team
    from desktop.core.paths import default_glossary_path

    db = Path(args.db or default_glossary_path())
    new = not is_team(args.db or "") and not db.exists()
    if args.glossary_command in ("list", "search", "export") and not is_team(args.db or ""):
        from desktop.core import quick

        # A healthy glossary at the current schema is only read: no ORM, no Alembic.
        if args.glossary_command == "export":
            from desktop.core.glossary.exchange import NOT_CARRIED, format_for_export

            fmt = format_for_export(args.file, "excel" if args.excel else args.format)
            done = quick.export_glossary(db, args.file, fmt, deck=args.deck, cloze=args.cloze,
                                         raw=args.raw)
            if done is not None:
                _print_exported(args.file, done[0], fmt, done[1], NOT_CARRIED.get(fmt, ()), out)
                return EXIT_OK
        else:
            query = args.query if args.glossary_command == "search" else ""
            if args.json:
                found = quick.list_terms(db, query)
                if found is not None:
                    _print_terms(found, True, out)
                    return EXIT_OK
            else:
                rows = quick.list_rows(db, query)  # (the five columns printed: no records)
                if rows is not None:
                    out.writelines("%s\t%s\t%s\t%s\t%s\n" % row for row in rows)
                    return EXIT_OK
    if args.glossary_command == "import" and not Path(args.file).exists():
        raise BadInputError(f"“{args.file}” does not exist.")  # and no glossary is created
    workspace = _open_workspace(args)
    failed = True
    try:
        code = _glossary_command(args, workspace, out)
        failed = False
        return code
    finally:
        workspace.close(save_position=False)
        if failed and new:  # a command that failed leaves no glossary behind that it created
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)


def _glossary_command(args: argparse.Namespace, workspace: Workspace, out: TextIO) -> int:
    cmd = args.glossary_command
    if cmd == "add":
        term, created = workspace.save_term(args.source, args.target, category=args.category,
                                            note=args.note, subject=args.subject,
                                            pos=args.pos).value
        print(f"{'Added' if created else 'Updated'} #{term.id}: {term.source} → {term.target}",
              file=out)
    elif cmd == "edit":
        fields = {f: getattr(args, f) for f in ("source", "target", "category", "note", "subject",
                                                "pos") if getattr(args, f) is not None}
        if not fields:
            raise BadInputError("Say what to change: --source, --target, --category, --note, "
                                "--subject or --pos.")
        term = workspace.update_term(args.id, args.expect_version, **fields).value
        print(f"Saved #{term.id} (version {term.version}): {term.source} → {term.target}", file=out)
    elif cmd in ("list", "search"):
        _print_terms(workspace.iter_terms(args.query if cmd == "search" else ""), args.json, out)
    elif cmd == "export":
        fmt = "excel" if args.excel else args.format
        done = workspace.export_glossary(args.file, fmt, deck=args.deck, cloze=args.cloze,
                                         raw=args.raw).value
        _print_exported(args.file, done.count, done.format, done.skipped, done.not_carried, out)
    elif cmd == "import":
        imported = workspace.import_file(args.file, args.policy, args.new_categories, args.encoding)
        result = imported.value.result
        print(f"Imported {result.total} terms ({result.added} new, {result.updated} updated, "
              f"{result.skipped} skipped) from {imported.value.format.upper()}", file=out)
    return EXIT_OK


def _print_exported(path: Path, count: int, fmt: str, skipped: Sequence[str],
                    not_carried: Sequence[str], out: TextIO) -> None:
    print(f"Exported {count} terms to {path} ({fmt})", file=out)
    if skipped:
        print(f"{len(skipped)} terms cannot be written as {fmt} and were left out: "
              f"{', '.join(skipped)}", file=out)
    if not_carried:
        print(f"{fmt} does not carry a term's {', '.join(not_carried)}.", file=out)


def _lookup(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.arabic import has_arabic
    from desktop.core.workspace import Workspace

    if not has_arabic(args.word) or len(args.word.split()) != 1:
        raise BadInputError(f"“{args.word}” is not one Arabic word.")
    lexicon = Workspace.load_lexicon()  # no glossary needed
    try:
        analyses = lexicon.analyze(args.word)
    finally:
        lexicon.close()
    if args.json:
        _print_json([a.as_json() for a in analyses], out)
        return EXIT_OK
    if not analyses:
        print(f"The lexicon has no analysis of “{args.word}” (a name, or a word it lacks).", file=out)
    for n, a in enumerate(analyses, 1):
        affixes = "; ".join(g for g in (a.prefix_gloss, a.suffix_gloss) if g)
        print(f"{n}. {a.vowelled}  {a.segmentation}  ({a.parts_latin})\n"
              f"   {a.pos} · lemma {a.lemma_arabic} ({a.lemma_id})\n"
              f"   {a.gloss}" + (f"  [{affixes}]" if affixes else ""), file=out)
    return EXIT_OK


def _gloss(args: argparse.Namespace, out: TextIO) -> int:
    import json

    from desktop.core.documents import read_document
    from desktop.core.lexicon.words import iter_gloss
    from desktop.core.workspace import Workspace

    doc = read_document(args.file, encoding=args.encoding)
    lexicon = Workspace.load_lexicon()  # no glossary needed
    try:
        # Written as found: a long document's words are never all held at once.
        if args.json:
            out.write("[")
            for n, g in enumerate(iter_gloss(lexicon, doc.text)):
                out.write(("," if n else "") + "\n  " + json.dumps(g.as_json(), ensure_ascii=False))
            out.write("\n]\n")
        else:
            for g in iter_gloss(lexicon, doc.text):
                a = g.analysis
                shown = (a.vowelled, a.gloss) if a is not None else ("", "")
                print(f"{g.start}\t{g.end}\t{g.word}\t{shown[0]}\t{shown[1]}", file=out)
    finally:
        lexicon.close()
    return EXIT_OK


def _memory(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.workspace import Workspace

    if args.memory_command == "import":
        units = Workspace.read_memory_file(args.file)  # a bad file changes no glossary
        workspace = _open_workspace(args)
        try:
            count = workspace.import_memory(units).value
        finally:
            workspace.close(save_position=False)
        print(f"Imported {count} translations from {args.file} ({len(units)} units)", file=out)
        return EXIT_OK
    workspace = _open_workspace(args)
    try:
        count = workspace.export_memory(args.file).value
    finally:
        workspace.close(save_position=False)
    print(f"Exported {count} translations to {args.file}", file=out)
    return EXIT_OK


STATUS_WORDS = {"new": [0], "learning": [1, 2, 3, 4], "known": [5], "ignored": [6]}


def _statuses(text: str) -> list[int]:
    from desktop.core.errors import BadInputError

    if text in STATUS_WORDS:
        return STATUS_WORDS[text]
    if text.isdigit() and 0 <= int(text) <= 6:
        return [int(text)]
    raise BadInputError(f"“{text}” is not a status: use new, 1-4, learning, known or ignored.")


def _vocab(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.arabic import has_arabic
    from desktop.core.errors import BadInputError

    # Bad input is refused before the glossary is opened (or created, or upgraded).
    if args.vocab_command == "set":
        _statuses(args.status)
        if not has_arabic(args.word) or len(args.word.split()) != 1:
            raise BadInputError(f"“{args.word}” is not one Arabic word.")
    if args.vocab_command == "list":
        for text in args.status or []:
            _statuses(text)
    if args.vocab_command == "stats" and not args.file.is_file():
        raise BadInputError(f"“{args.file}” is not a file.")
    if args.vocab_command == "export" and (args.format or args.file.suffix.lstrip(".").lower()) \
            not in ("apkg", "csv"):
        raise BadInputError(f"“{args.file.name}”: choose --format apkg or csv.")
    workspace = _open_workspace(args)
    try:
        cmd = args.vocab_command
        if cmd == "list":
            wanted = sorted({s for text in args.status or [] for s in _statuses(text)})
            entries = workspace.vocabulary_list(wanted or None, args.search)
            if args.json:
                _print_json([{"lemma_id": e.lemma_id, "lemma": e.lemma, "word": e.word, "gloss": e.gloss,
                              "romanized": e.romanized, "status": e.status_name, "context": e.context,
                              "document": e.document,
                              "first_seen": e.first_seen.isoformat(timespec="seconds")}
                             for e in entries], out)
            else:
                for e in entries:
                    print(f"{e.word}\t{e.lemma}\t{e.status_name}\t{e.gloss}\t{e.context}", file=out)
        elif cmd == "set":
            [status] = _statuses(args.status) if args.status not in ("learning",) else [1]
            entry = workspace.set_word_status(args.word, status, args.context).value
            print(f"{entry.word} ({entry.lemma}): {entry.status_name}", file=out)
        elif cmd == "stats":
            from desktop.core.documents import read_document

            doc = read_document(args.file, encoding=args.encoding)
            workspace.ensure_lexicon()
            statuses = workspace.word_statuses(doc.text)
            known, total = workspace.known_share(doc.text, statuses)
            by_status: dict[str, int] = {}
            for status in statuses.values():
                name = "learning" if status in (1, 2, 3, 4) else \
                    {0: "new", 5: "known", 6: "ignored"}[status]
                by_status[name] = by_status.get(name, 0) + 1
            share = known / total if total else 0.0
            if args.json:
                _print_json({"words": total, "known": known, "share_known": round(share, 4),
                             "distinct": by_status}, out)
            else:
                print(f"{known} of {total} words known ({share:.0%}); distinct words: "
                      + ", ".join(f"{n} {name}" for name, n in sorted(by_status.items())), file=out)
        elif cmd == "export":
            exported = workspace.export_vocabulary(args.file, args.format, deck=args.deck,
                                                   include_terms=not args.no_terms)
            print(f"Exported {exported.value} notes to {args.file}", file=out)
        else:
            raise BadInputError(cmd)
        return EXIT_OK
    finally:
        workspace.close(save_position=False)


def _term_object(t: Any, dates: dict[Any, str], e: Callable[[str], str]) -> str:
    """``_json_object(_term_json(t))``, written field by field (a term's fields have fixed
    names and types: half the time of the general writer for 100,000 terms). ``dates``
    keeps the text of the dates already written; ``e`` is json's string encoder."""
    if type(t.id) is not int or type(t.version) is not int:
        return _json_object(_term_json(t))
    text = []
    for when in (t.created_at, t.updated_at):
        key = (when, when.utcoffset())  # (equal instants in two zones are written apart)
        if key not in dates:
            if len(dates) > 10_000:
                dates.clear()
            dates[key] = e(when.isoformat(timespec="seconds"))
        text.append(dates[key])
    return (f'  {{\n    "id": {t.id},\n    "source": {e(t.source)},\n    "target": {e(t.target)},'
            f'\n    "category": {e(t.category)},\n    "note": {e(t.note)},'
            f'\n    "context": {e(t.context)},\n    "document": {e(t.document)},'
            f'\n    "subject": {e(t.subject)},\n    "pos": {e(t.pos)},'
            f'\n    "created": {text[0]},\n    "updated": {text[1]},\n    "version": {t.version},'
            f'\n    "created_by": {e(t.created_by)},\n    "changed_by": {e(t.changed_by)}\n  }}')


def _term_json(t: Any) -> dict[str, Any]:
    return {"id": t.id, "source": t.source, "target": t.target, "category": t.category,
            "note": t.note, "context": t.context, "document": t.document,
            "subject": t.subject, "pos": t.pos, "created": t.created_at.isoformat(timespec="seconds"),
            "updated": t.updated_at.isoformat(timespec="seconds"), "version": t.version,
            "created_by": t.created_by, "changed_by": t.changed_by}

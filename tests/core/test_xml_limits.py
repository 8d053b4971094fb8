"""Structure-aware hostile XML for the TBX and TMX readers, each read in a subprocess with a
memory limit (``RLIMIT_AS``) and a time limit enforced by the test: every file is refused with
a plain message or read, in under 2 s per MB, never a hang, a crash or exit 1."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO

MEMORY_LIMIT = 1536 * 1024 * 1024

READER = r"""
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from pathlib import Path
from desktop.core.errors import TarjumanError
kind, path = sys.argv[1], Path(sys.argv[2])
try:
    if kind == "tmx":
        from desktop.core.translation.tmx import read_tmx
        count = len(read_tmx(path))
    else:
        from desktop.core.glossary import exchange
        count = len(exchange.parse_file(path)[1])
    print(json.dumps({{"read": count}}))
except TarjumanError as exc:
    print(json.dumps({{"refused": str(exc)}}))
"""


def read_bounded(kind: str, path: Path, timeout_s: float) -> dict[str, object]:
    """Read ``path`` in a subprocess under the memory limit; fail the test past ``timeout_s``."""
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", READER.format(limit=MEMORY_LIMIT), kind, str(path)],
                          capture_output=True, text=True, timeout=timeout_s, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result: dict[str, object] = json.loads(proc.stdout)
    result["seconds"] = time.monotonic() - started
    return result


TBX_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><martif type="TBX-Basic"><text><body>')
TBX_TAIL = "</body></text></martif>"
ENTRY = ('<termEntry><langSet xml:lang="ar"><tig><term>مصطلح</term></tig></langSet>'
         '<langSet xml:lang="en"><tig><term>term</term></tig></langSet></termEntry>')


def hostile_tbx(kind: str, size: int) -> str:
    if kind == "nested entries":  # quadratic for a reader that walks every entry's subtree
        n = size // 40
        return TBX_HEAD + "<termEntry>" * n + ENTRY + "</termEntry>" * n + TBX_TAIL
    if kind == "nested langSets":
        n = size // 30
        return TBX_HEAD + "<termEntry>" + "<langSet>" * n + "</langSet>" * n + TBX_TAIL
    if kind == "many entries":
        return TBX_HEAD + ENTRY * (size // len(ENTRY)) + TBX_TAIL
    if kind == "many terms in one entry":
        arabic = '<langSet xml:lang="ar"><tig><term>مصطلح</term></tig></langSet>'
        return (TBX_HEAD + "<termEntry>" + arabic * (size // len(arabic))
                + '<langSet xml:lang="en"><tig><term>x</term></tig></langSet></termEntry>' + TBX_TAIL)
    if kind == "entity bomb":
        entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">'
                                                   for i in range(1, 12))
        return (f'<?xml version="1.0"?><!DOCTYPE martif [{entities}]><martif><text><body><termEntry>'
                '<langSet xml:lang="ar"><tig><term>&a11;</term></tig></langSet></termEntry>' + TBX_TAIL)
    raise ValueError(kind)


@pytest.mark.parametrize("kind", ["nested entries", "nested langSets", "many entries",
                                  "many terms in one entry", "entity bomb"])
def test_hostile_tbx_is_read_or_refused_in_bounded_time(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "hostile.tbx"
    path.write_text(hostile_tbx(kind, 3 * 1024 * 1024), encoding="utf-8")
    megabytes = path.stat().st_size / 1_048_576
    result = read_bounded("tbx", path, timeout_s=10 + 2 * megabytes)
    assert "read" in result or "refused" in result
    if kind.startswith("nested"):
        assert "nest more than 100" in str(result["refused"])
    if kind == "entity bomb":
        assert "refused" in result


UNIT = ('<tu><tuv xml:lang="ar"><seg>جملة</seg></tuv><tuv xml:lang="en"><seg>a sentence</seg>'
        "</tuv></tu>")


def hostile_tmx(kind: str, size: int) -> str:
    head = '<?xml version="1.0"?><tmx version="1.4"><header srclang="ar"/><body>'
    unit = UNIT
    if kind == "nested units":
        n = size // 10
        return head + "<tu>" * n + unit + "</tu>" * n + "</body></tmx>"
    if kind == "nested inline markup":
        n = size // 10
        return (head + '<tu><tuv xml:lang="ar"><seg>' + "<hi>" * n + "نص" + "</hi>" * n
                + '</seg></tuv><tuv xml:lang="en"><seg>text</seg></tuv></tu></body></tmx>')
    if kind == "many units":
        return head + unit * (size // len(unit)) + "</body></tmx>"
    raise ValueError(kind)


@pytest.mark.parametrize("kind", ["nested units", "nested inline markup", "many units"])
def test_hostile_tmx_is_read_or_refused_in_bounded_time(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "hostile.tmx"
    path.write_text(hostile_tmx(kind, 3 * 1024 * 1024), encoding="utf-8")
    megabytes = path.stat().st_size / 1_048_576
    result = read_bounded("tmx", path, timeout_s=10 + 2 * megabytes)
    if kind.startswith("nested"):
        assert "nest more than 100" in str(result["refused"])
    else:
        assert result["read"] == 3 * 1024 * 1024 // len(UNIT)


_NAMES = st.sampled_from(["martif", "text", "body", "termEntry", "langSet", "tig", "ntig", "termGrp",
                          "term", "note", "descrip", "termNote", "transacGrp", "date", "p"])


@st.composite
def xml_trees(draw: st.DrawFn, depth: int = 0) -> str:
    """Random TBX-like trees: the reader's element names, nested and repeated at random."""
    name = draw(_NAMES)
    if depth > 6 or draw(st.booleans()):
        text = draw(st.text(alphabet="ابت abc<&>\"'", max_size=8))
        from xml.sax.saxutils import escape

        return f"<{name}>{escape(text)}</{name}>"
    children = draw(st.lists(xml_trees(depth + 1), max_size=4))
    attributes = draw(st.sampled_from(["", ' xml:lang="ar"', ' xml:lang="en"', ' type="subjectField"',
                                       ' type="partOfSpeech"', ' id="x"']))
    return f"<{name}{attributes}>{''.join(children)}</{name}>"


@given(st.lists(xml_trees(), min_size=1, max_size=5))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
def test_random_tbx_structures_never_fail_unexpectedly(tmp_path: Path, trees: list[str]) -> None:
    from desktop.core.errors import BadInputError
    from desktop.core.glossary.exchange.tbx import parse_tbx

    text = "<martif><text><body>" + "".join(trees) + "</body></text></martif>"
    try:
        rows = parse_tbx(text, "random.tbx")
    except BadInputError:
        return
    assert all(r.source and r.target for r in rows)

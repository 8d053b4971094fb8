"""Worst-case files for every reader, timed against an ordinary file of the same size read by
the same reader in the same run (the ratio shows whether a structure costs more than its
size), each in a subprocess with a memory limit.

    python bench/hostile.py [--megabytes 3]

Prints, per reader and hostile structure: the outcome (read or refused, with the message),
seconds, peak memory (MB, from the subprocess's rusage), seconds per MB, and the ratio to the
ordinary file. The README's "Your data is safe" section quotes a run.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.core.test_xml_limits import hostile_tbx, hostile_tmx  # noqa: E402

MEMORY_LIMIT = 2 * 1024**3

RUNNER = r"""
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from pathlib import Path
from desktop.core.errors import TarjumanError
kind, path = sys.argv[1], Path(sys.argv[2])
started = time.perf_counter()
try:
    if kind == "tmx":
        from desktop.core.translation.tmx import read_tmx
        outcome = f"read {{len(read_tmx(path))}} units"
    elif kind == "glossary":
        from desktop.core.glossary import exchange
        outcome = f"read {{len(exchange.parse_file(path)[1])}} terms"
    else:
        from desktop.core.documents import read_document
        outcome = f"read {{len(read_document(path).text)}} characters"
except TarjumanError as exc:
    outcome = "refused: " + str(exc)[:90]
seconds = time.perf_counter() - started
# VmHWM: this process's own peak (ru_maxrss would include the parent's at fork time).
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) / 1024
print(json.dumps({{"outcome": outcome, "seconds": seconds, "peak_mb": peak}}))
"""


def run(kind: str, path: Path) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-c", RUNNER.format(limit=MEMORY_LIMIT), kind, str(path)],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    if proc.returncode != 0:
        return {"outcome": f"exit {proc.returncode}: {proc.stderr.strip()[-120:]}", "seconds": 0.0,
                "peak_mb": 0.0}
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def docx_with(body_xml: str) -> bytes:
    """A minimal .docx whose document body is ``body_xml``."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        z.writestr("word/document.xml",
                   '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                   f'wordprocessingml/2006/main"><w:body>{body_xml}</w:body></w:document>')
    return data.getvalue()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def cases(size: int, folder: Path) -> list[tuple[str, str, str, Path, Path]]:
    """(reader, structure, kind, hostile file, ordinary file of about the same size)."""
    def write(name: str, data: str | bytes) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    made = []
    ordinary_tbx = write("ordinary.tbx", hostile_tbx("many entries", size))
    for structure in ("nested entries", "nested langSets", "many terms in one entry", "entity bomb"):
        made.append(("TBX", structure, "glossary", write(f"{structure}.tbx", hostile_tbx(structure, size)),
                     ordinary_tbx))
    ordinary_tmx = write("ordinary.tmx", hostile_tmx("many units", size))
    for structure in ("nested units", "nested inline markup"):
        made.append(("TMX", structure, "tmx", write(f"{structure}.tmx", hostile_tmx(structure, size)),
                     ordinary_tmx))
    sentence = "وصل المدير العام إلى الرباط صباح اليوم. "
    ordinary_html = write("ordinary.html",
                          "<html><body>" + f"<p>{sentence}</p>" * (size // 80) + "</body></html>")
    made.append(("HTML", "</ repeated", "document", write("slashes.html", "</" * (size // 2)), ordinary_html))
    made.append(("HTML", "unclosed tags", "document", write("open.html", "<div>" * (size // 5)),
                 ordinary_html))
    # As big as the others in text (a .docx compresses it about 40×).
    ordinary_docx = write("ordinary.docx", docx_with(paragraph(sentence) * (size // 60)))
    span = ('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2147483647"/></w:tcPr>'
            + paragraph("خلية") + "</w:tc></w:tr></w:tbl>")
    made.append(("DOCX", "table cell spanning 2³¹−1 columns", "document", write("span.docx", docx_with(span)),
                 ordinary_docx))
    bomb = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_with(paragraph("x"))), "r") as source, \
            zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            z.writestr(item, source.read(item))
        z.writestr("word/media/zeros.bin", b"\0" * (600 * 1024 * 1024))
    made.append(("DOCX", "zip bomb (600 MB of zeros)", "document", write("bomb.docx", bomb.getvalue()),
                 ordinary_docx))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=3.0)
    args = parser.parse_args()
    size = int(args.megabytes * 1024 * 1024)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baselines: dict[Path, dict[str, object]] = {}
        print(f"{'reader':6} {'structure':38} {'MB':>6} {'s':>7} {'s/MB':>6} {'peak MB':>8} "
              f"{'× ordinary':>10}  outcome")
        for reader, structure, kind, path, ordinary in cases(size, folder):
            if ordinary not in baselines:
                baselines[ordinary] = run(kind, ordinary)
                base = baselines[ordinary]
                megabytes = ordinary.stat().st_size / 1_048_576
                per_mb = f"{float(base['seconds']) / megabytes:6.2f}" if megabytes >= 0.1 else f"{'—':>6}"
                print(f"{reader:6} {'(ordinary file)':38} {megabytes:6.2f} {float(base['seconds']):7.2f} "
                      f"{per_mb} {float(base['peak_mb']):8.0f} {'1.0':>10}  "
                      f"{base['outcome']}")
            result = run(kind, path)
            megabytes = path.stat().st_size / 1_048_576
            seconds = float(result["seconds"])
            ratio = seconds / max(float(baselines[ordinary]["seconds"]), 1e-6)
            per_mb = f"{seconds / megabytes:6.2f}" if megabytes >= 0.1 else f"{'—':>6}"
            print(f"{reader:6} {structure:38} {megabytes:6.2f} {seconds:7.2f} {per_mb} "
                  f"{float(result['peak_mb']):8.0f} {ratio:10.1f}  {result['outcome']}")


if __name__ == "__main__":
    main()

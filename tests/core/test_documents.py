from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from desktop.core.documents import read_document
from desktop.core.errors import BadInputError

TEXT = "نجح التنسيق الأمريكي المغربي. وحسب يومية “الصباح” في عددها الصادر الخميس.\r\nسطر ثان"


@pytest.mark.parametrize(
    "encoded, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_reads_utf8_and_utf16(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(encoded)
    doc = read_document(path)
    assert doc.encoding == encoding
    assert doc.text == TEXT.replace("\r\n", "\n")
    assert [s.text for s in doc.sentences] == [
        "نجح التنسيق الأمريكي المغربي.",
        "وحسب يومية “الصباح” في عددها الصادر الخميس.",
        "سطر ثان",
    ]
    assert doc.title == "doc.txt"


def test_bad_files_get_clear_messages(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="does not exist"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(BadInputError, match="folder"):
        read_document(tmp_path)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(BadInputError, match="binary"):
        read_document(binary)
    legacy = tmp_path / "cp1256.txt"  # legacy Windows Arabic is detected, not refused
    legacy.write_bytes(TEXT.encode("cp1256"))
    assert read_document(legacy).text == TEXT.replace("\r\n", "\n")
    assert read_document(legacy).encoding == "cp1256"
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(BadInputError, match="MB"):
        read_document(big, max_bytes=1024)


def test_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_document(path).sentences == []

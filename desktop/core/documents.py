"""Reading documents from files or pasted text into a ``Document``."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import BadInputError
from desktop.core.files import read_user_file
from desktop.core.segment import Sentence, clean_text, segment

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".text", ".md")


@dataclass(frozen=True)
class Document:
    """A decoded document and its sentences; offsets refer to ``text``."""

    text: str
    title: str
    path: Path | None = None
    encoding: str = "utf-8"
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def paragraph_count(self) -> int:
        return self.sentences[-1].paragraph + 1 if self.sentences else 0


def document_from_text(raw: str, title: str = "Pasted text", path: Path | None = None,
                       encoding: str = "utf-8") -> Document:
    """Build a ``Document`` from already decoded text."""
    text = clean_text(raw)
    return Document(text=text, title=title, path=path, encoding=encoding, sentences=segment(text))


def read_document(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> Document:
    """Read a plain-text document from ``path``.

    Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM. Raises ``BadInputError`` with a
    plain message for a missing, unreadable, oversized, binary or wrongly encoded file.
    """
    path = Path(path)
    data = read_user_file(path, max_bytes, "text file")
    text, encoding = decode_bytes(data, path.name)
    return document_from_text(text, title=path.name, path=path, encoding=encoding)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode document bytes, returning (text, encoding name)."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        if b"\x00" in data[:8192]:
            raise BadInputError(f"“{name}” looks like a binary file, not text.")
        candidates = ["utf-8"]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except UnicodeDecodeError:
            continue
    raise BadInputError(
        f"“{name}” is not UTF-8 or UTF-16 text. Save it as UTF-8 and open it again."
    )

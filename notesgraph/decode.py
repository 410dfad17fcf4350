"""Bytes of a ``.md`` file → note text, with a warning for everything unusual.

Korean Windows editors still save CP949; a shared vault may hold a binary file
named ``.md`` or text with NUL bytes. Each case is decoded as well as it can be
(or skipped) and reported with the file and line, never raised.
"""

from __future__ import annotations

import codecs

from .model import Diagnostic
from .parse import normalize_text

_BINARY_MAGIC = (
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x7fELF",
    b"\x1f\x8b",
)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def looks_binary(data: bytes) -> bool:
    """A file that is not text: a known binary signature, or many NUL/control bytes."""
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:4096]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.10


def decode_note(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode a note; ``None`` means skipped (the diagnostics say why)."""
    problems: list[Diagnostic] = []
    if looks_binary(data):
        return None, [Diagnostic(path, 0, "binary-note", "binary data in a .md file", "skipped")]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        problems.append(Diagnostic(path, 0, "encoding", "saved as UTF-16", "decoded as UTF-16"))
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            text, problem = _fallback(data, error, path)
            problems.append(problem)
    if "\x00" in text:
        first = text.index("\x00")
        line = text.count("\n", 0, first) + 1
        problems.append(
            Diagnostic(
                path, line, "nul-bytes", f"{text.count(chr(0))} NUL byte(s) in the text", "removed"
            )
        )
        text = text.replace("\x00", "")
    return normalize_text(text), problems


def _fallback(data: bytes, error: UnicodeDecodeError, path: str) -> tuple[str, Diagnostic]:
    line = _line_of(data, error.start)
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        return text, Diagnostic(
            path,
            line,
            "encoding",
            "bytes that are neither UTF-8 nor CP949",
            "decoded with replacement characters",
        )
    return text, Diagnostic(
        path, line, "encoding", "not UTF-8 (looks like CP949/EUC-KR)", "decoded as CP949"
    )

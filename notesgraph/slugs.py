"""Heading anchors and URL-safe path slugs that keep Hangul.

``215. 서버리스 소개`` → ``215-서버리스-소개``: lower-case, punctuation removed,
runs of spaces and hyphens collapsed to one hyphen, letters of every script kept
(the same shape as Python-Markdown's default toc slugs, but Unicode-aware).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[-\s]+")
_UNSAFE_PATH = re.compile(r"[\s?#%\"'<>\\|*:^`{}\[\]]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def slugify(text: str, fallback: str = "section") -> str:
    """An anchor for ``text``; Hangul and other letters are kept as they are."""
    value = _NOT_WORD.sub("", nfc(text).strip().lower())
    value = _SPACES.sub("-", value).strip("-_")
    return value or fallback


class UniqueSlugs:
    """Hands out slugs, suffixing ``_1``, ``_2`` … to repeats within one page."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def __call__(self, text: str, fallback: str = "section") -> str:
        base = slugify(text, fallback)
        slug = base
        n = 0
        while slug in self._seen:
            n += 1
            slug = f"{base}_{n}"
        self._seen.add(slug)
        return slug


MAX_SEGMENT_BYTES = 120


def path_slug(segment: str) -> str:
    """One path segment for a URL: Hangul and case kept, spaces and URL-special characters → ``-``.

    Segments longer than 120 UTF-8 bytes are cut and get a short hash of the full
    name, so a 250-byte Hangul file name still fits the file system (255 bytes)
    with room for suffixes, and two long names never collide.
    """
    value = _UNSAFE_PATH.sub("-", nfc(segment).strip()).strip("-.") or "_"
    if len(value.encode("utf-8")) <= MAX_SEGMENT_BYTES:
        return value
    digest = hashlib.blake2b(value.encode("utf-8"), digest_size=4).hexdigest()
    cut = value.encode("utf-8")[: MAX_SEGMENT_BYTES - 9].decode("utf-8", errors="ignore")
    return f"{cut.rstrip('-.')}-{digest}"

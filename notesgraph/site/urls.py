"""Where every page lives: docs/ file paths, site URLs and relative links between them.

Pages use MkDocs' directory URLs (``notes/AWS-SAA/215-229-서버리스.md`` is served at
``notes/AWS-SAA/215-229-서버리스/``). Path segments keep Hangul and case; spaces and
URL-special characters become ``-``; clashes get ``-2``, ``-3`` in sorted order.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable

from ..slugs import path_slug

NOTES = "notes"
SERVICES = "services"
COMPARE = "compare"
ATTACHMENTS = "attachments"
_RESERVED = {"index", "readme"}


@functools.lru_cache(maxsize=65536)
def page_url(docs_path: str) -> str:
    """Site URL (relative to the site root) of the page generated at ``docs_path``."""
    bare = docs_path[:-3] if docs_path.endswith(".md") else docs_path
    if bare == "index":
        return ""
    if bare.endswith("/index"):
        return bare[: -len("index")]
    return bare + "/"


@functools.lru_cache(maxsize=8192)
def _folders(from_dir: str) -> tuple[tuple[str, ...], str]:
    """The folders of ``from_dir`` and the ``../`` that climbs out of all of them."""
    here = tuple(p for p in from_dir.split("/") if p)
    return here, "../" * len(here)


def _relative_path(from_dir: str, to_path: str) -> str:
    """``to_path`` seen from the folder ``from_dir`` (both site-root relative, no leading /)."""
    here, up = _folders(from_dir)
    if not here:
        return to_path
    there = to_path.split("/")
    if there[0] != here[0]:  # nothing in common (most links): climb to the root
        return up + to_path
    common = 1
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    if common == 1 and len(there) == 1:  # to_path is the bare first folder name
        return up + to_path
    return up[: 3 * (len(here) - common)] + "/".join(there[common:])


def relative(from_url: str, to_url: str) -> str:
    """An href from the page at ``from_url`` to ``to_url`` (both site-root relative).

    Pages use directory URLs (``notes/a/``), so a page's links are relative to
    the page URL itself.
    """
    fragment = ""
    if "#" in to_url:
        to_url, _, fragment = to_url.partition("#")
        fragment = "#" + fragment if fragment else ""
        if to_url == from_url and fragment:
            return fragment
    base = from_url if not from_url or from_url[-1] == "/" else posixpath.dirname(from_url) + "/"
    return (_relative_path(base, to_url) or "./") + fragment


class PagePaths:
    """Stable, clash-free docs/ paths for notes and attachments."""

    def __init__(self, notes: Iterable[str], attachments: Iterable[str] = ()) -> None:
        self.notes: dict[str, str] = {}
        self.attachments: dict[str, str] = {}
        taken: set[str] = set()
        for path in sorted(notes):
            self.notes[path] = _claim(_note_slug(path), ".md", taken)
        for path in sorted(attachments):
            self.attachments[path] = _claim(_attachment_slug(path), "", taken)

    def note_url(self, path: str) -> str:
        return page_url(self.notes[path])

    def attachment_url(self, path: str) -> str:
        return self.attachments[path]


def _note_slug(path: str) -> str:
    parts = (
        [path_slug(p) for p in path[:-3].split("/")]
        if path.endswith(".md")
        else [path_slug(p) for p in path.split("/")]
    )
    if parts[-1].casefold() in _RESERVED:
        parts[-1] += "-note"
    return NOTES + "/" + "/".join(parts)


def _attachment_slug(path: str) -> str:
    folder, _, name = path.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    slug_name = (path_slug(stem) + dot + ext.lower()) if dot else path_slug(name)
    parts = [path_slug(p) for p in folder.split("/") if p] + [slug_name]
    return ATTACHMENTS + "/" + "/".join(parts)


def _claim(base: str, suffix: str, taken: set[str]) -> str:
    candidate, n = base, 1
    while (candidate + suffix).casefold() in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add((candidate + suffix).casefold())
    return candidate + suffix


def service_page(service: str) -> str:
    return f"{SERVICES}/{service}.md"


def compare_page(slug: str) -> str:
    return f"{COMPARE}/{slug}.md"

"""Finished HTML pages kept between builds, keyed by everything that shapes them.

Rendering a page through Material's templates and Python-Markdown is most of a
MkDocs build. A page's HTML is a function of its Markdown (after the plugins'
Markdown events), its place in the site (navigation, the set of files, the
config and theme overrides: the build stamp), and the versions of MkDocs,
Material and notesgraph's Markdown extension. When all of those are the same as
in an earlier build, the earlier HTML is reused: hard-linked from the cache into
the new site (copied where the cache is on another file system), with the
warnings MkDocs gave when it rendered the page replayed.

The cache keeps the pages of the latest build only; each build drops the pages
it did not use. Tag listing pages are always rendered (their content comes
from every page's tags, outside their own Markdown).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from contextlib import suppress
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..fingerprint import source_fingerprint
from .writer import atomic_write, link_into


def _versions() -> str:
    found = []
    for package in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2"):
        try:
            found.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package}=-")
    return ";".join(found)


#: What Markdown links, images and reference links need (generated pages hold their
#: links in HTML). Starting with a literal "]", it is found fast: 0.04 s over the 107 MB
#: of Markdown of a 5,000-note site (one alternation starting anywhere took 1 s). A
#: false alarm only costs the reuse.
_MARKDOWN_LINK = re.compile(r"\](?:\(|\[|:| \[)")


def _has_markdown_link(markdown: str) -> bool:
    """Whether MkDocs may resolve a link in ``markdown`` against the page set."""
    return (
        _MARKDOWN_LINK.search(markdown) is not None or "<http" in markdown or "<mailto:" in markdown
    )


def _base(stamp: str) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for part in (stamp, _versions(), source_fingerprint("mdext.py", "site/pagecache.py")):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.digest()


class PageCache:
    """Rendered pages under ``<cache>/pages/<key>.html`` (+ ``<key>.json`` for warnings)."""

    def __init__(self, directory: Path, stamp: str, outside_stamp: str | None = None) -> None:
        self.folder = directory / "pages"
        self._base = _base(stamp)
        self._outside_stamp = outside_stamp
        self._outside: bytes | None = None

    def outside_nav(self, skeleton: object) -> None:
        """Key pages outside the navigation by ``outside_stamp`` and the navigation's
        ``skeleton`` (what such a page shows of it: the tabs) instead of the whole
        navigation and page set.

        A note page is not in the navigation; its sidebar is the site's sections and
        the notes tree, drawn in the browser. A new comparison or service changes the
        navigation and the page set, and before this re-rendered every note page as
        well (1,284 pages instead of 372 in a 1,000-note site).
        """
        if self._outside_stamp is not None:
            shape = json.dumps(skeleton, ensure_ascii=False, sort_keys=True, default=str)
            self._outside = _base(self._outside_stamp + "\0" + shape)

    def key(self, src_uri: str, markdown: str, in_nav: bool = True) -> str:
        """The key of a page with this Markdown. A page outside the navigation whose
        Markdown has no Markdown links (MkDocs resolves those against the page set)
        is keyed without the navigation (see :meth:`outside_nav`)."""
        base = self._base
        if not in_nav and self._outside is not None and not _has_markdown_link(markdown):
            base = self._outside
        digest = hashlib.blake2b(base, digest_size=20)
        digest.update(src_uri.encode())
        digest.update(b"\0")
        digest.update(markdown.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def fetch(self, key: str, destination: str) -> list[str] | None:
        """Put the cached page at ``destination``; its warnings, or None if not cached."""
        source = self.folder / f"{key}.html"
        if not source.is_file():
            return None
        warnings: list[str] = []
        note = self.folder / f"{key}.json"
        if note.is_file():
            try:
                loaded = json.loads(note.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
            if not isinstance(loaded, list):
                return None
            warnings = [str(w) for w in loaded]
        try:
            link_into(source, Path(destination))
        except OSError:
            return None
        return warnings

    def store(self, key: str, rendered: str, warnings: list[str]) -> None:
        """Keep the page MkDocs just wrote at ``rendered``; a failure only costs the reuse."""
        if not os.path.isfile(rendered):
            return
        try:
            if warnings:
                text = json.dumps(warnings, ensure_ascii=False)
                atomic_write(self.folder / f"{key}.json", text.encode("utf-8"))
            page = self.folder / f"{key}.html"
            linked = page.with_name(f".{page.name}.{os.getpid()}")
            link_into(Path(rendered), linked)  # then renamed: no reader sees it half there
            os.replace(linked, page)
        except OSError:
            return

    def keep_only(self, keys: Iterable[str]) -> None:
        """Drop the pages this build did not use."""
        wanted = set(keys)
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            stem = entry.name.rsplit(".", 1)[0]
            if stem not in wanted:
                with suppress(OSError):
                    os.unlink(entry.path)

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


class PageCache:
    """Rendered pages under ``<cache>/pages/<key>.html`` (+ ``<key>.json`` for warnings)."""

    def __init__(self, directory: Path, stamp: str) -> None:
        self.folder = directory / "pages"
        digest = hashlib.blake2b(digest_size=16)
        for part in (stamp, _versions(), source_fingerprint("mdext.py", "site/pagecache.py")):
            digest.update(part.encode())
            digest.update(b"\0")
        self._base = digest.digest()

    def key(self, src_uri: str, markdown: str) -> str:
        digest = hashlib.blake2b(self._base, digest_size=20)
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

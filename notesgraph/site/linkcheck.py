"""Check a built site's internal links: every href and src must reach a file, every #anchor an id.

MkDocs validates links written in Markdown, but note bodies reach MkDocs as raw
HTML, so notesgraph checks the finished HTML itself (used by the tests, and by
``notesgraph build --check-links``).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True, slots=True)
class BrokenLink:
    page: str  # site-relative file
    href: str
    reason: str


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        for name in ("href", "src"):
            value = values.get(name)
            if value and tag in ("a", "img", "audio", "video", "source", "iframe"):
                self.links.append(value)


def _scan(file: Path) -> _Scan:
    scan = _Scan()
    scan.feed(file.read_text(encoding="utf-8", errors="replace"))
    return scan


def check_site(site: Path, skip: tuple[str, ...] = ("404.html",)) -> list[BrokenLink]:
    """Every broken internal link in the HTML pages under ``site``."""
    pages = {str(p.relative_to(site)).replace("\\", "/"): p for p in sorted(site.rglob("*.html"))}
    scans = {rel: _scan(path) for rel, path in pages.items() if rel not in skip}
    broken: list[BrokenLink] = []
    for rel, scan in scans.items():
        base = posixpath.dirname(rel)
        for href in scan.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:", "javascript:")):
                continue
            path = unquote(parts.path)
            target = rel if not path else posixpath.normpath(posixpath.join(base, path))
            if target.startswith("../"):
                broken.append(BrokenLink(rel, href, "leaves the site"))
                continue
            file = site / target
            if file.is_dir():
                target = posixpath.join(target, "index.html")
                file = site / target
            if not file.is_file():
                broken.append(BrokenLink(rel, href, "no such file"))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html"):
                ids = scans[target].ids if target in scans else _scan(file).ids
                if fragment not in ids:
                    broken.append(BrokenLink(rel, href, f"no id {fragment!r}"))
    return broken

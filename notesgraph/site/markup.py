"""Writing generated pages: Markdown headings (for MkDocs' table of contents) and raw HTML.

Everything that comes from a note is HTML-escaped before it reaches a page, and
text put into a Markdown heading also has Markdown's special characters turned
into entities, so no note can inject markup or script into the site.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import Any

from ..mdext import BLOCK_END, BLOCK_START

_MD_SPECIAL = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]#!~=^"})
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


_NEEDS_ESCAPE = re.compile("[&<>\"']")


def esc(text: object) -> str:
    """HTML-escape any value (quotes included, so it is safe in attributes)."""
    value = text if type(text) is str else str(text)
    # Most labels have nothing to escape: one search instead of five replacements.
    return html.escape(value, quote=True) if _NEEDS_ESCAPE.search(value) else value


def heading_html(inline_html: str) -> str:
    """Inline HTML made safe inside a Markdown heading: text parts lose Markdown meaning."""
    parts = _TAG_OR_TEXT.split(inline_html)
    return "".join(p if p.startswith("<") else p.translate(_MD_SPECIAL) for p in parts)


class Page:
    """A generated page: front matter, then Markdown headings and raw HTML blocks."""

    def __init__(self, meta: Mapping[str, Any] | None = None) -> None:
        self.meta = dict(meta or {})
        if "title" in self.meta:
            # Material prints page titles without escaping them (header, <title>, tag listings).
            self.meta["title"] = esc(self.meta["title"])
        self.parts: list[str] = []

    def heading(
        self, level: int, html_text: str, anchor: str | None = None, classes: str = ""
    ) -> None:
        attrs = []
        if anchor:
            attrs.append("#" + anchor.translate(_ATTR_SAFE))
        if classes:
            attrs.append("." + classes)
        suffix = " { " + " ".join(attrs) + " }" if attrs else ""
        self.parts.append("#" * min(max(level, 1), 6) + " " + heading_html(html_text) + suffix)

    def html(self, block: str) -> None:
        """A raw HTML block; wrapped so Python-Markdown passes it through untouched.

        Consecutive blocks share one wrapper: fewer blocks, less work for MkDocs.
        """
        block = block.strip("\n")
        if not block:
            return
        if self.parts and self.parts[-1].endswith(BLOCK_END):
            self.parts[-1] = self.parts[-1][: -len(BLOCK_END)] + block + "\n" + BLOCK_END
        else:
            self.parts.append(f"{BLOCK_START}\n{block}\n{BLOCK_END}")

    def markdown(self, text: str) -> None:
        """Trusted Markdown written by notesgraph itself (never note text)."""
        self.parts.append(text.strip("\n"))

    def render(self) -> str:
        head = ""
        if self.meta:
            # JSON is YAML: a flow mapping MkDocs reads like any front matter, written fast.
            head = "---\n" + json.dumps(self.meta, ensure_ascii=False, sort_keys=True) + "\n---\n\n"
        return head + "\n\n".join(self.parts) + "\n"


# Anchors go into `{ #id }`: drop characters attr_list would end the id on.
_ATTR_SAFE = str.maketrans({c: "" for c in " {}\"'<>=#"})

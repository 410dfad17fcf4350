"""Raw HTML in notes: harmless formatting tags pass, everything else shows as text.

Obsidian users write ``<br>`` in table cells and ``<u>``/``<sup>`` for emphasis;
a shared vault could also hold ``<script>`` or ``<img onerror=…>``. Allowed tags
are re-emitted without any attribute; any other tag, and every comment, is
escaped so it reads as text and never runs.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset(
    [
        "b",
        "i",
        "u",
        "s",
        "em",
        "strong",
        "mark",
        "small",
        "sup",
        "sub",
        "kbd",
        "del",
        "ins",
        "code",
        "br",
        "hr",
        "p",
        "div",
        "span",
        "details",
        "summary",
        "ul",
        "ol",
        "li",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "abbr",
    ]
)
_VOID = frozenset({"br", "hr"})
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>|<!--.*?-->", re.S)


def sanitize_html(raw: str) -> str:
    """Keep allowed tags (attributes dropped); escape all other markup."""
    out: list[str] = []
    pos = 0
    for match in _TAG.finditer(raw):
        out.append(_text(raw[pos : match.start()]))
        pos = match.end()
        name = (match.group(2) or "").lower()
        if match.group(0).startswith("<!--"):
            continue
        if name in ALLOWED_TAGS:
            closing = match.group(1)
            out.append(f"<{name}>" if name in _VOID else f"<{closing}{name}>")
        else:
            out.append(html.escape(match.group(0), quote=False))
    out.append(_text(raw[pos:]))
    return "".join(out)


def _text(part: str) -> str:
    """Text between tags: entities stay entities, stray angle brackets are escaped."""
    return part.replace("<", "&lt;").replace(">", "&gt;")


def _render_inline(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    return sanitize_html(tokens[idx].content)


def _render_block(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    return sanitize_html(tokens[idx].content)


def safe_html_plugin(md: MarkdownIt) -> None:
    md.add_render_rule("html_inline", _render_inline)
    md.add_render_rule("html_block", _render_block)

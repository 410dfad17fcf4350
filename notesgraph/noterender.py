"""The note body as HTML, rendered once from the parse's tokens.

Top-level headings stay separate segments (the page writer turns them into Markdown
headings for MkDocs' table of contents); blocks with an Obsidian ``^id`` are also
rendered alone, for ``![[note#^id]]`` embeds.
"""

from __future__ import annotations

from typing import Any, cast

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from .markdown import parser
from .model import Segment


def body_segments(tokens: list[Token], env: dict[str, Any]) -> tuple[Segment, ...]:
    md = parser()
    render = md.renderer.render
    renderer = cast(RendererHTML, md.renderer)
    segments: list[Segment] = []
    buffer: list[Token] = []

    def flush() -> None:
        if buffer:
            html = render(buffer, md.options, env)
            if html.strip():
                segments.append(Segment(kind="html", html=html))
            buffer.clear()

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open" and token.level == 0:
            flush()
            inline = tokens[i + 1]
            html = renderer.renderInline(inline.children or [], md.options, env)
            segments.append(
                Segment(
                    kind="heading",
                    html=html,
                    level=int(token.tag[1]),
                    anchor=str(token.attrGet("id") or ""),
                )
            )
            i += 3
            continue
        if token.type != "front_matter":
            buffer.append(token)
        i += 1
    flush()
    return tuple(segments)


def block_html(tokens: list[Token], env: dict[str, Any]) -> dict[str, str]:
    """The rendered HTML of every block carrying an Obsidian ``^id`` (for block embeds)."""
    md = parser()
    found: dict[str, str] = {}
    for start, token in enumerate(tokens):
        block_id = token.attrGet("id") if token.nesting == 1 else None
        if not isinstance(block_id, str) or not block_id.startswith("^"):
            continue
        depth, end = 0, start
        for end in range(start, len(tokens)):
            depth += tokens[end].nesting
            if depth == 0:
                break
        html = md.renderer.render(tokens[start : end + 1], md.options, env)
        if token.type == "list_item_open":
            html = f"<ul>\n{html}</ul>\n"
        found.setdefault(block_id[1:], html)
    return found

"""Obsidian wikilinks ``[[Note#제목|별칭]]`` and embeds ``![[그림.png|300]]``.

One inline rule produces a ``wikilink`` or ``embed`` token whose ``meta`` holds
the parsed parts (see :func:`split_target`). Resolution to a file happens later,
across the whole vault; the renderer only writes a placeholder for it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import StateInline

_SIZE = re.compile(r"^\s*(\d{1,5})\s*(?:[xX×]\s*(\d{1,5}))?\s*$")


@dataclass(frozen=True, slots=True)
class WikiTarget:
    """The parts of ``target#heading#sub|alias`` or ``target#^block|300x200``."""

    target: str
    heading: str | None
    block: str | None
    alias: str | None
    width: int | None
    height: int | None


def split_target(raw: str, embed: bool) -> WikiTarget:
    """Split the text between ``[[`` and ``]]`` the way Obsidian reads it."""
    inner = raw.replace("\\|", "|")
    link, sep, alias = inner.partition("|")
    alias_text: str | None = alias.strip() if sep else None
    width = height = None
    if embed and alias_text is not None:
        size = _SIZE.match(alias_text)
        if size:
            width = int(size.group(1))
            height = int(size.group(2)) if size.group(2) else None
            alias_text = None
    target, hsep, fragment = link.partition("#")
    heading = block = None
    if hsep:
        fragment = fragment.strip()
        if fragment.startswith("^"):
            block = fragment[1:].strip() or None
        else:
            parts = [p.strip() for p in fragment.split("#") if p.strip()]
            heading = "#".join(parts) or None
    return WikiTarget(
        target=unicodedata.normalize("NFC", target.strip()),
        heading=unicodedata.normalize("NFC", heading) if heading else None,
        block=block,
        alias=alias_text or None,
        width=width,
        height=height,
    )


def _wikilink(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    embed = src.startswith("![[", pos)
    if not embed and not src.startswith("[[", pos):
        return False
    start = pos + (3 if embed else 2)
    end = src.find("]]", start, state.posMax)
    if end < 0:
        return False
    raw = src[start:end]
    if "\n" in raw or "[[" in raw or not raw.strip():
        return False
    parts = split_target(raw, embed)
    if not parts.target and not parts.heading and not parts.block:
        return False
    if not silent:
        token = state.push("embed" if embed else "wikilink", "", 0)
        token.content = raw
        token.markup = "![[" if embed else "[["
        token.meta = {
            "target": parts.target,
            "heading": parts.heading,
            "block": parts.block,
            "alias": parts.alias,
            "width": parts.width,
            "height": parts.height,
            "pos": pos,
        }
    state.pos = end + 2
    return True


def display_text(meta: dict) -> str:  # type: ignore[type-arg]
    """What Obsidian shows for a link without alias: ``Note > 제목``."""
    if meta.get("alias"):
        return str(meta["alias"])
    parts = [p for p in (meta.get("target"), meta.get("heading")) if p]
    if meta.get("block"):
        parts.append("^" + meta["block"])
    return " > ".join(p.replace("#", " > ") for p in parts)


def placeholder(kind: str, index: int) -> str:
    """``\\x00L3\\x00``: filled in when pages are written (see notesgraph.model)."""
    return f"\x00{kind}{index}\x00"


def _render_wikilink(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    meta = tokens[idx].meta
    text = html.escape(display_text(meta))
    if "index" not in meta:
        return text
    return f'<a class="ng-wikilink" href="{placeholder("L", meta["index"])}">{text}</a>'


def _render_embed(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    meta = tokens[idx].meta
    if "index" not in meta:
        return html.escape("![[" + tokens[idx].content + "]]")
    return placeholder("E", meta["index"]) + ("\n" if meta.get("block") else "")


def wikilink_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "wikilink", _wikilink)
    md.add_render_rule("wikilink", _render_wikilink)
    md.add_render_rule("embed", _render_embed)

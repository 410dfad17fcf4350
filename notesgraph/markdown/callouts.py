"""Obsidian callouts ``> [!tip]- 제목`` → Material admonitions.

A core rule runs after block parsing: a blockquote whose first line is
``[!kind]`` (with optional ``+``/``-`` fold mark and title) becomes
``callout_open`` / ``callout_close``, with a ``callout_title`` holding the title
as its own inline token (so the title keeps its markup). Nested callouts work
because every blockquote is examined.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_HEAD = re.compile(r"^\[!([\w-]+)\]([+-]?)[ \t]*(.*)$")

#: Obsidian callout kinds → the Material admonition type that looks like them.
MATERIAL_TYPE = {
    "note": "note",
    "abstract": "abstract", "summary": "abstract", "tldr": "abstract",
    "info": "info", "todo": "info",
    "tip": "tip", "hint": "tip", "important": "tip",
    "success": "success", "check": "success", "done": "success",
    "question": "question", "help": "question", "faq": "question",
    "warning": "warning", "caution": "warning", "attention": "warning",
    "failure": "failure", "fail": "failure", "missing": "failure",
    "danger": "danger", "error": "danger",
    "bug": "bug",
    "example": "example",
    "quote": "quote", "cite": "quote",
}  # fmt: skip


def _closing(tokens: list[Token], start: int) -> int:
    level = tokens[start].level
    for j in range(start + 1, len(tokens)):
        if tokens[j].type == "blockquote_close" and tokens[j].level == level:
            return j
    return len(tokens) - 1


def _callouts(state: StateCore) -> None:
    tokens = state.tokens
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            token.type != "blockquote_open"
            or i + 2 >= len(tokens)
            or tokens[i + 1].type != "paragraph_open"
            or tokens[i + 2].type != "inline"
        ):
            i += 1
            continue
        inline = tokens[i + 2]
        first, _, rest = inline.content.partition("\n")
        head = _HEAD.match(first.strip())
        if not head:
            i += 1
            continue
        kind, fold, title = head.group(1).lower(), head.group(2), head.group(3).strip()
        close = tokens[_closing(tokens, i)]
        token.type, token.tag = "callout_open", "div"
        close.type, close.tag = "callout_close", "div"
        token.meta = {"kind": kind, "fold": fold, "title": title}
        close.meta = dict(token.meta)
        title_tokens = _title_tokens(token, title)
        if rest.strip():
            inline.content = rest
            if inline.map:
                inline.map = [inline.map[0] + 1, inline.map[1]]
            tokens[i + 1 : i + 1] = title_tokens
        else:
            # The paragraph held only the callout line: drop it.
            tokens[i + 1 : i + 4] = title_tokens
        i += 1


def _title_tokens(opener: Token, title: str) -> list[Token]:
    head = Token("callout_title_open", "p", 1)
    head.block = True
    head.map = opener.map and [opener.map[0], opener.map[0] + 1]
    head.level = opener.level + 1
    tail = Token("callout_title_close", "p", -1)
    tail.block = True
    tail.level = opener.level + 1
    head.meta = tail.meta = opener.meta
    if not title:
        return [head, tail]
    inline = Token("inline", "", 0)
    inline.content = title
    inline.map = head.map
    inline.level = opener.level + 2
    inline.children = []
    return [head, inline, tail]


def render_callout_open(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    meta = tokens[idx].meta
    css = MATERIAL_TYPE.get(meta["kind"], "note")
    classes = html.escape(f"{css} ng-callout ng-callout-{meta['kind']}", quote=True)
    if meta["fold"] == "-":
        return f'<details class="{classes}">\n'
    if meta["fold"] == "+":
        return f'<details class="{classes}" open="open">\n'
    return f'<div class="admonition {classes}">\n'


def render_callout_close(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    return "</details>\n" if tokens[idx].meta.get("fold") else "</div>\n"


def render_title_open(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    meta = tokens[idx].meta
    default = "" if tokens[idx + 1].type == "inline" else html.escape(meta["kind"].capitalize())
    return ("<summary>" if meta["fold"] else '<p class="admonition-title">') + default


def render_title_close(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    return "</summary>\n" if tokens[idx].meta["fold"] else "</p>\n"


def callout_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("block", "obsidian_callouts", _callouts)
    md.add_render_rule("callout_open", render_callout_open)
    md.add_render_rule("callout_close", render_callout_close)
    md.add_render_rule("callout_title_open", render_title_open)
    md.add_render_rule("callout_title_close", render_title_close)

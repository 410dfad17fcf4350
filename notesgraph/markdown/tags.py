"""Obsidian tags: ``#태그``, ``#aws/lambda``.

A tag starts after whitespace or at the start of the text, is made of letters,
digits, ``_``, ``-`` and ``/``, and has at least one non-digit (``#123`` is not a
tag). Headings never reach inline rules and ``x/#frag`` is preceded by ``/``, so
neither becomes a tag; code spans are consumed before this rule runs.
"""

from __future__ import annotations

import html
import re
import unicodedata

from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import StateInline

TAG_BODY = re.compile(r"[\w/\-]+")
_ALL_DIGITS = re.compile(r"^[\d/\-_]+$")


def _tag(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    if src[pos] != "#":
        return False
    if pos > 0 and not src[pos - 1].isspace():
        return False
    match = TAG_BODY.match(src, pos + 1, state.posMax)
    if not match:
        return False
    name = match.group(0).rstrip("/-")
    if not name or _ALL_DIGITS.match(name):
        return False
    if not silent:
        token = state.push("tag", "", 0)
        token.content = unicodedata.normalize("NFC", name)
        token.markup = "#"
        token.meta = {"pos": pos}
    state.pos = pos + 1 + len(name)
    return True


def _render_tag(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    name = html.escape(tokens[idx].content)
    return f'<a class="ng-tag" href="\x00T{name}\x00">#{name}</a>'


def tag_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "tag", _tag)
    md.add_render_rule("tag", _render_tag)

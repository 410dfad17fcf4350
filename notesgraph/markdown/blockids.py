"""Obsidian block ids: ``some text ^abc123`` and a lone ``^abc123`` after a table.

A core rule runs after inline parsing: a trailing ``^id`` is removed from the
text and becomes the ``id`` of the block it names (the paragraph, or the list
item of a tight list; for a lone ``^id`` paragraph, the block just before it).
Found ids go to ``env["notesgraph_block_ids"]`` as ``(id, line)``.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_TRAILING = re.compile(r"(?:^|[ \t])\^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*$")

BLOCK_ID_PREFIX = "^"


def _opener_of(tokens: list[Token], close: int) -> int | None:
    """Index of the opening token matching the closing token at ``close``."""
    depth = 0
    for j in range(close, -1, -1):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return None


def _target_block(tokens: list[Token], para: int) -> int:
    """The token that should carry the id of the paragraph at ``para``."""
    if tokens[para].hidden:
        level = tokens[para].level - 1
        for j in range(para - 1, -1, -1):
            if tokens[j].type == "list_item_open" and tokens[j].level == level:
                return j
    return para


def _block_ids(state: StateCore) -> None:
    tokens = state.tokens
    found: list[tuple[str, int]] = state.env.setdefault("notesgraph_block_ids", [])
    i = 0
    while i < len(tokens):
        inline = tokens[i]
        if inline.type != "inline" or not inline.children or i == 0:
            i += 1
            continue
        opener = tokens[i - 1]
        last = inline.children[-1]
        match = _TRAILING.search(last.content) if last.type == "text" else None
        if opener.type != "paragraph_open" or not match:
            i += 1
            continue
        block_id = match.group(1)
        line = inline.map[1] if inline.map else 0
        last.content = last.content[: match.start()].rstrip()
        children = inline.children
        while children and children[-1].type in ("softbreak", "hardbreak", "text"):
            if children[-1].type == "text" and children[-1].content:
                break
            children.pop()
        if children:
            tokens[_target_block(tokens, i - 1)].attrSet("id", BLOCK_ID_PREFIX + block_id)
            found.append((block_id, line))
            i += 1
            continue
        # A paragraph holding only "^id": it names the block before it.
        previous = _opener_of(tokens, i - 2) if i >= 2 and tokens[i - 2].nesting == -1 else None
        found.append((block_id, line))
        if previous is None:
            opener.attrSet("id", BLOCK_ID_PREFIX + block_id)
            i += 1
        else:
            tokens[previous].attrSet("id", BLOCK_ID_PREFIX + block_id)
            del tokens[i - 1 : i + 2]
            i -= 1


def block_id_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("inline", "obsidian_block_ids", _block_ids)

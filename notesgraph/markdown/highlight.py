"""``==highlight==`` → ``<mark>``, with emphasis allowed inside.

A delimiter rule like markdown-it's strikethrough: each ``==`` becomes a text
token and a delimiter; ``balance_pairs`` pairs them and the post-processor turns
matched pairs into ``mark_open`` / ``mark_close``. An unmatched ``==`` stays text.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import Delimiter, StateInline

from .cjk_emphasis import scan_delims

_EQ = 0x3D


def _tokenize(state: StateInline, silent: bool) -> bool:
    if silent or state.src[state.pos] != "=":
        return False
    scanned = scan_delims(state, state.pos, True)
    length = scanned.length
    if length < 2:
        return False
    if length % 2:
        token = state.push("text", "", 0)
        token.content = "="
        length -= 1
    for _ in range(length // 2):
        token = state.push("text", "", 0)
        token.content = "=="
        state.delimiters.append(
            Delimiter(
                marker=_EQ,
                length=0,
                token=len(state.tokens) - 1,
                end=-1,
                open=scanned.can_open,
                close=scanned.can_close,
            )
        )
    state.pos += scanned.length
    return True


def _pair_up(state: StateInline, delimiters: list[Delimiter]) -> None:
    for delim in delimiters:
        if delim.marker != _EQ or delim.end == -1:
            continue
        opener = state.tokens[delim.token]
        closer = state.tokens[delimiters[delim.end].token]
        opener.type, opener.tag, opener.nesting, opener.markup = "mark_open", "mark", 1, "=="
        closer.type, closer.tag, closer.nesting, closer.markup = "mark_close", "mark", -1, "=="
        opener.content = closer.content = ""


def _post_process(state: StateInline) -> None:
    _pair_up(state, state.delimiters)
    for meta in state.tokens_meta:
        if meta and "delimiters" in meta:
            _pair_up(state, meta["delimiters"])


def highlight_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("emphasis", "highlight", _tokenize)
    md.inline.ruler2.before("emphasis", "highlight", _post_process)

"""Emphasis that closes before a Hangul particle, as Obsidian renders it.

CommonMark refuses ``**FaaS(Function as a Service)**를`` as bold: the closing
``**`` sits between punctuation and a letter. Korean attaches particles directly
to the word, so that rule fails on ordinary Korean notes. This plugin scans
delimiter runs with one change: a CJK character next to the run counts like
whitespace when deciding whether punctuation on the other side blocks it.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline.state_inline import Delimiter, Scanned, StateInline


def is_cjk(ch: str) -> bool:
    """Hangul, Han and Kana code points (and their compatibility blocks)."""
    code = ord(ch)
    return (
        0xAC00 <= code <= 0xD7A3  # Hangul syllables
        or 0x1100 <= code <= 0x11FF  # Hangul Jamo
        or 0x3130 <= code <= 0x318F  # Hangul compatibility Jamo
        or 0x3040 <= code <= 0x30FF  # Kana
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= code <= 0x4DBF
    )


def scan_delims(state: StateInline, start: int, can_split_word: bool) -> Scanned:
    """Like ``StateInline.scanDelims`` but CJK-friendly (see module docstring)."""
    src = state.src
    maximum = state.posMax
    marker = src[start]
    last = src[start - 1] if start > 0 else " "
    pos = start
    while pos < maximum and src[pos] == marker:
        pos += 1
    nxt = src[pos] if pos < maximum else " "

    last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
    next_punct = isMdAsciiPunct(ord(nxt)) or isPunctChar(nxt)
    last_space = isWhiteSpace(ord(last))
    next_space = isWhiteSpace(ord(nxt))
    last_open = last_space or last_punct or is_cjk(last)
    next_open = next_space or next_punct or is_cjk(nxt)

    left = not (next_space or (next_punct and not last_open))
    right = not (last_space or (last_punct and not next_open))
    can_open = left and (can_split_word or not right or last_punct)
    can_close = right and (can_split_word or not left or next_punct)
    return Scanned(can_open, can_close, pos - start)


def _emphasis(state: StateInline, silent: bool) -> bool:
    marker = state.src[state.pos]
    if silent or marker not in ("_", "*"):
        return False
    scanned = scan_delims(state, state.pos, marker == "*")
    for _ in range(scanned.length):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(
            Delimiter(
                marker=ord(marker),
                length=scanned.length,
                token=len(state.tokens) - 1,
                end=-1,
                open=scanned.can_open,
                close=scanned.can_close,
            )
        )
    state.pos += scanned.length
    return True


def cjk_emphasis_plugin(md: MarkdownIt) -> None:
    """Replace the ``emphasis`` tokenizer; post-processing stays markdown-it's own."""
    md.inline.ruler.at("emphasis", _emphasis)

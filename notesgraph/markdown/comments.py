"""Obsidian comments ``%%hidden%%``, inline or spanning lines.

A core rule runs right after ``normalize`` and blanks comments out of the source
before any other rule sees it, keeping every newline so line numbers stay true.
Fenced code and inline code spans keep their ``%%``. As in Obsidian, an unclosed
``%%`` hides the rest of the note; the plugin records that in
``env["notesgraph_problems"]`` so the caller can warn.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Character ranges of inline code spans on one line (backtick runs matched by length)."""
    spans: list[tuple[int, int]] = []
    i = 0
    while True:
        start = line.find("`", i)
        if start < 0:
            return spans
        run = start
        while run < len(line) and line[run] == "`":
            run += 1
        ticks = line[start:run]
        close = line.find(ticks, run)
        while close >= 0 and line.startswith("`", close + len(ticks)):
            close = line.find(ticks, close + len(ticks) + 1)
        if close < 0:
            i = run
            continue
        spans.append((start, close + len(ticks)))
        i = close + len(ticks)


def strip_comments(src: str) -> tuple[str, int | None]:
    """Return ``src`` without comments, and the 1-based line of an unclosed ``%%``."""
    if "%%" not in src:
        return src, None
    out: list[str] = []
    fence: str | None = None
    open_line: int | None = None
    for number, line in enumerate(src.split("\n"), start=1):
        fence_match = _FENCE.match(line)
        if open_line is None and fence is None and fence_match:
            fence = fence_match.group(1)
            out.append(line)
        elif fence is not None:
            run = fence_match.group(1) if fence_match else ""
            if run[:1] == fence[0] and len(run) >= len(fence) and not line.strip(" `~"):
                fence = None
            out.append(line)
        elif "%%" in line or open_line is not None:
            text, open_line = _strip_line(line, number, open_line)
            out.append(text)
        else:
            out.append(line)
    return "\n".join(out), open_line


def _strip_line(line: str, number: int, open_line: int | None) -> tuple[str, int | None]:
    """Blank the commented parts of one line; return it and the still-open comment's line."""
    spans = _code_spans(line) if open_line is None else []
    kept: list[str] = []
    i = 0
    while i <= len(line):
        mark = line.find("%%", i)
        while mark >= 0 and open_line is None and any(a <= mark < b for a, b in spans):
            mark = line.find("%%", mark + 2)
        if mark < 0:
            if open_line is None:
                kept.append(line[i:])
            break
        if open_line is None:
            kept.append(line[i:mark])
            open_line = number
        else:
            open_line = None
        i = mark + 2
    return "".join(kept), open_line


def _comments(state: StateCore) -> None:
    cleaned, unclosed = strip_comments(state.src)
    state.src = cleaned
    if unclosed is not None:
        state.env.setdefault("notesgraph_problems", []).append(
            (unclosed, "unclosed-comment", "unclosed %% comment hides the rest of the note")
        )


def comments_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("normalize", "obsidian_comments", _comments)

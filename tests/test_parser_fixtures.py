"""Golden fixtures for every Obsidian syntax plugin, in markdown-it's fixture-file style.

Each case is ``title / . / input / . / expected / .``; the expected text is the
rendered body with link/embed/tag placeholders spelled out, so a fixture checks
both what the parser understood and what the page will show.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from notesgraph.model import Link, Note
from notesgraph.parse import parse_note

from .conftest import FIXTURES, REGEN

PARSER_FIXTURES = sorted((FIXTURES / "parser").glob("*.md"))
_PLACEHOLDER = re.compile("\x00([LET])([^\x00]*)\x00")


def describe(link: Link) -> str:
    text = f"{link.kind} {link.target}"
    if link.heading:
        text += f"#{link.heading}"
    if link.block:
        text += f"#^{link.block}"
    if link.alias:
        text += f"|{link.alias}"
    if link.width:
        text += f"|{link.width}" + (f"x{link.height}" if link.height else "")
    return text + f" @{link.line}"


def fixture_html(note: Note) -> str:
    """The rendered body, placeholders spelled out as ``{L:wikilink Note#제목 @3}``."""
    parts = []
    for segment in note.body:
        if segment.kind == "heading":
            tag = f"h{segment.level}"
            parts.append(f'<{tag} id="{segment.anchor}">{segment.html}</{tag}>\n')
        else:
            parts.append(segment.html)

    def spell(match: re.Match[str]) -> str:
        kind, payload = match.group(1), match.group(2)
        if kind == "T":
            return "{T:" + payload + "}"
        return "{" + kind + ":" + describe(note.links[int(payload)]) + "}"

    return _PLACEHOLDER.sub(spell, "".join(parts))


def _cases() -> list[tuple[Path, int, str, str, str]]:
    cases = []
    for path in PARSER_FIXTURES:
        for line, title, source, expected in read_fixture_file(path):
            cases.append((path, line, title, source, expected))
    return cases


def _regenerate(path: Path) -> None:
    """Rewrite one fixture file's expected sections from the current parser."""
    out = []
    for _, title, source, _ in read_fixture_file(path):
        out.append(f"{title}\n.\n{source}.\n{fixture_html(parse_note('fixture.md', source))}.\n")
    path.write_text("\n".join(out), encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "line", "title", "source", "expected"),
    _cases(),
    ids=[f"{c[0].stem}:{c[1]}:{c[2]}" for c in _cases()],
)
def test_fixture(path: Path, line: int, title: str, source: str, expected: str) -> None:
    if REGEN:
        _regenerate(path)
        return
    assert fixture_html(parse_note("fixture.md", source)) == expected

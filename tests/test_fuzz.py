"""Property-based fuzzing: arbitrary Obsidian-ish text never breaks the parser or the page generator."""

from __future__ import annotations

import tempfile
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notesgraph.parse import normalize_text, parse_note
from notesgraph.pipeline import analyse, site_context
from notesgraph.site.notepages import note_page

PIECES = [
    "[[",
    "]]",
    "![[",
    "==",
    "**",
    "|",
    "\\|",
    "#",
    "#태그",
    "^",
    "^abc",
    "%%",
    "---\n",
    "\n---\n",
    "> [!tip]- ",
    "> ",
    "- ",
    "1. ",
    "| a | b |\n|---|---|\n",
    "```\n",
    "`",
    "\n",
    "\n\n",
    " ",
    "람다",
    "람다는",
    "람다의",
    "코그니토를",
    "Lambda",
    "DynamoDB를",
    "128MB ~ 10GB",
    "900초",
    "<script>",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "[x](y.md)",
    "![](a.png)",
    "^[note]",
    "[^1]",
    "\r\n",
    "\t",
    "\x00",
    "\ufeff",
    "사용자 풀",
    "#",
    "##",
    "######",
    "\\",
    "백만",
    "백만회선",
    "천",
    "만 건",
    "1억",
    "$0.20",
    "66%",
    "~",
    "최대 ",
    "GB",
    "초",
    "분",
    "10배",
    " → ",
    "→ Lambda 실행",
    ": ",
    "**메모리**: ",
    "에서",
    "를 호출",
    "와 비교",
]
obsidianish = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map(
    "".join
)


class _Balance(HTMLParser):
    """Counts open elements; void elements need no end tag."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        else:
            self.errors.append(f"stray </{tag}>")


def well_formed(html: str) -> bool:
    checker = _Balance()
    checker.feed(html)
    checker.close()
    # markdown-it leaves <p> and <li> implicitly closed nowhere; anything else must close.
    return not checker.errors and not [t for t in checker.stack if t not in ("p", "li")]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(obsidianish)
def test_parser_never_fails_and_stays_consistent(text: str) -> None:
    note = parse_note("퍼지/노트.md", normalize_text(text))
    for link in note.links:
        assert 1 <= link.line <= max(note.line_count, 1)
    for highlight in note.highlights:
        block = note.blocks[highlight.block]
        assert 0 <= highlight.start <= highlight.end <= len(block.text)
    for section in note.sections:
        assert section.start_line <= section.end_line
    html = "".join(s.html for s in note.body)
    assert "<script" not in html.lower() and "onerror=" not in html.split("&lt;")[0]
    assert well_formed(html)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(obsidianish, obsidianish)
def test_page_generator_never_fails(first: str, second: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        vault = Path(tmp)
        (vault / "가.md").write_text(first + "\n[[나]] ![[나]]", encoding="utf-8")
        (vault / "나.md").write_text(second + "\n![[가]]", encoding="utf-8")
        ctx = site_context(analyse(vault, cache_dir=None, jobs=1))
        for path in ctx.notes:
            page = note_page(ctx, path)
            assert "\x00" not in page
            assert "<script>" not in page

"""The parsed form of one Obsidian note.

Everything here is plain data: built once by :func:`notesgraph.parse.parse_note`,
cached on disk by content hash, and read by every later stage (resolution,
extraction, graph, pages, search). Line numbers are 1-based and count lines of
the decoded note text, front matter included, as an editor shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .pickling import compact

LinkKind = Literal["wikilink", "embed", "markdown", "image"]
BlockKind = Literal["paragraph", "list_item", "heading", "table_row", "callout_title"]
SegmentKind = Literal["heading", "html"]

#: Placeholders inside rendered HTML. NUL never survives decoding, so it cannot
#: come from a note: ``\x00L3\x00`` is the href of link 3, ``\x00E3\x00`` the
#: rendered content of embed 3 (both indexes into ``Note.links``).
PLACEHOLDER = "\x00"


@compact
@dataclass(frozen=True, slots=True)
class Heading:
    """A heading; ``anchor`` keeps Hangul and is unique within the note."""

    level: int
    text: str
    anchor: str
    line: int
    end_line: int  # last line of everything under this heading (sub-headings included)
    parent: int | None  # index of the enclosing heading in Note.headings
    lecture: int | None = None  # 215 for "215. 서버리스 소개"
    lecture_title: str | None = None  # "서버리스 소개"


@compact
@dataclass(frozen=True, slots=True)
class Section:
    """The text from a heading to the next heading (index 0 may be the preamble)."""

    index: int
    heading: int | None  # index into Note.headings; None for text before the first heading
    title: str
    anchor: str
    start_line: int
    end_line: int
    text: str


@compact
@dataclass(frozen=True, slots=True)
class TextBlock:
    """A unit of plain text (paragraph, list item, heading, table row) for extraction.

    ``text`` has the markup removed and wikilinks shown as their alias or target;
    ``parent`` is the enclosing list item, so ``압축 시: 최대 50MB`` knows it sits
    under ``패키지 크기:``.
    """

    kind: BlockKind
    text: str
    line: int
    end_line: int
    section: int
    parent: int | None = None
    depth: int = 0
    links: tuple[int, ...] = ()  # indexes into Note.links that occur in this block
    highlights: tuple[int, ...] = ()  # indexes into Note.highlights


@compact
@dataclass(frozen=True, slots=True)
class Highlight:
    """An ``==highlight==``: its words, and where they sit inside their block's text."""

    text: str
    line: int
    section: int
    block: int  # index into Note.blocks
    start: int  # offset of the highlighted words in Note.blocks[block].text
    end: int
    anchor: str = ""  # id of its <mark> on the note page: "hl-102-1"
    block_line: int = 0  # Note.blocks[block].line
    context: str = ""  # Note.blocks[block].text (the same string): the words around it


@compact
@dataclass(frozen=True, slots=True)
class Link:
    """A wikilink, embed or local Markdown link as written in the note."""

    kind: LinkKind
    raw: str  # text between the brackets, as written
    target: str  # note or file part, NFC; "" for a link inside the same note
    heading: str | None = None  # "제목" of [[Note#제목]]; sub-heading paths joined with "#"
    block: str | None = None  # "abc123" of [[Note#^abc123]]
    alias: str | None = None
    width: int | None = None  # ![[그림.png|300]] or |300x200
    height: int | None = None
    line: int = 0
    section: int = 0


@compact
@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int
    end_line: int
    section: int


@compact
@dataclass(frozen=True, slots=True)
class Tag:
    name: str  # without "#", NFC, as written (case kept)
    line: int  # 0 for front matter tags without a line
    source: Literal["inline", "frontmatter"] = "inline"


@compact
@dataclass(frozen=True, slots=True)
class Callout:
    kind: str  # note, tip, warning, ... lower-case
    title: str
    fold: Literal["", "+", "-"]
    line: int
    section: int


@compact
@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the rendered note body.

    Top-level headings stay headings so MkDocs builds the table of contents;
    everything between them is HTML rendered once by markdown-it-py, with link
    and embed placeholders (see :data:`PLACEHOLDER`).
    """

    kind: SegmentKind
    html: str
    level: int = 0
    anchor: str = ""


@compact
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem a user can act on: where, what, and what notesgraph does about it."""

    path: str
    line: int  # 0 when the problem has no line
    code: str  # short stable identifier, e.g. "broken-link"
    message: str
    action: str = ""  # "skipped", "decoded as CP949", ...
    severity: Literal["warning", "error"] = "warning"

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        tail = f" ({self.action})" if self.action else ""
        return f"{where}: {self.message}{tail}"

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line, self.code, self.message)


@compact
@dataclass(slots=True)
class Note:
    """One note of the vault, parsed."""

    path: str  # vault-relative, POSIX separators, NFC
    title: str
    frontmatter: dict[str, Any] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    tags: tuple[Tag, ...] = ()
    publish: bool | None = None
    headings: tuple[Heading, ...] = ()
    sections: tuple[Section, ...] = ()
    blocks: tuple[TextBlock, ...] = ()
    highlights: tuple[Highlight, ...] = ()
    links: tuple[Link, ...] = ()
    tables: tuple[Table, ...] = ()
    callouts: tuple[Callout, ...] = ()
    block_ids: dict[str, int] = field(default_factory=dict)  # id -> line
    block_html: dict[str, str] = field(default_factory=dict)  # id -> rendered block, for ![[n#^id]]
    body: tuple[Segment, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    line_count: int = 0

    @property
    def stem(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        return name[:-3] if name.lower().endswith(".md") else name

    def section_at(self, line: int) -> int:
        """Index of the section holding ``line`` (the preamble or first section if none)."""
        for section in self.sections:
            if section.start_line <= line <= section.end_line:
                return section.index
        return 0

    def outline(self) -> NoteOutline:
        """This note without its texts (rendered body, text blocks, tables, section
        texts): what the concept graph reads, in half the memory. Highlights keep
        their block's words (``Highlight.context``)."""
        return NoteOutline(
            path=self.path,
            title=self.title,
            frontmatter=self.frontmatter,
            aliases=self.aliases,
            tags=self.tags,
            publish=self.publish,
            headings=self.headings,
            sections=tuple(
                Section(s.index, s.heading, s.title, s.anchor, s.start_line, s.end_line, "")
                for s in self.sections
            ),
            highlights=self.highlights,
            links=self.links,
            callouts=self.callouts,
            block_ids=self.block_ids,
            diagnostics=self.diagnostics,
            line_count=self.line_count,
        )  # without blocks, tables, block_html and body

    def heading_path(self, heading: int | None) -> list[Heading]:
        """The heading and its ancestors, outermost first."""
        chain: list[Heading] = []
        while heading is not None:
            chain.append(self.headings[heading])
            heading = self.headings[heading].parent
        return chain[::-1]


class NoteOutline(Note):
    """A :meth:`Note.outline`. Never cached nor rendered: it has no texts."""

    __slots__ = ()

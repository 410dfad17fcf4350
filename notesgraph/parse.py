"""Turn one decoded note into a :class:`~notesgraph.model.Note`.

One markdown-it-py parse; one walk over its tokens collects headings, text
blocks, highlights, links, tables, tags and callouts; the same tokens are then
rendered to HTML segments with placeholders for links and embeds (filled when
pages are written, once every link is resolved).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from markdown_it.token import Token

from .frontmatter import front_matter, frontmatter_tags, publish_flag, string_list
from .markdown import MAX_NESTING, parser
from .markdown.wikilinks import display_text, placeholder
from .model import (
    Callout,
    Diagnostic,
    Heading,
    Highlight,
    Link,
    Note,
    Section,
    Table,
    Tag,
    TextBlock,
)
from .noterender import block_html, body_segments
from .slugs import UniqueSlugs, nfc

_LECTURE = re.compile(
    r"^\s*(\d{1,4})\s*(?:강)?\s*[.):]\s*(\S.*?)\s*$|^\s*(\d{1,4})강\s+(\S.*?)\s*$"
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LOOSE_MARK = re.compile(r"(?:^|\s)(==|\*\*)\S")


def lecture_of(text: str) -> tuple[int, str] | None:
    """``215. 서버리스 소개`` → ``(215, "서버리스 소개")``; also ``215강 서버리스``."""
    match = _LECTURE.match(text)
    if not match:
        return None
    number = match.group(1) or match.group(3)
    title = match.group(2) or match.group(4)
    return int(number), title


@dataclass
class _InlineResult:
    text: str
    highlights: list[tuple[int, int, int, str]] = field(
        default_factory=list
    )  # start, end, line, id
    links: list[int] = field(default_factory=list)
    only_embeds: bool = False


class _Walker:
    """Collects the Note's parts while walking the token stream once."""

    def __init__(self, path: str, tokens: list[Token], env: dict[str, Any]) -> None:
        self.path = path
        self.tokens = tokens
        self.env = env
        self.slugs = UniqueSlugs()
        self.headings: list[Heading] = []
        self.heading_stack: list[int] = []
        self.blocks: list[TextBlock] = []
        self.block_sections: list[int] = []
        self.highlights: list[Highlight] = []
        self.links: list[Link] = []
        self.tables: list[Table] = []
        self.tags: list[Tag] = []
        self.callouts: list[Callout] = []
        self.diagnostics: list[Diagnostic] = []
        self.section = 0
        self.preamble = _has_preamble(tokens)
        self.list_stack: list[int | None] = []  # TextBlock index of each open list item
        self.item_has_text: list[bool] = []
        self.marks_on_line: dict[int, int] = {}

    # -- walking -------------------------------------------------------------

    def walk(self) -> None:
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "heading_open":
                self._heading(i)
                i += 3
                continue
            if kind == "list_item_open":
                self.list_stack.append(None)
                self.item_has_text.append(False)
            elif kind == "list_item_close":
                self.list_stack.pop()
                self.item_has_text.pop()
            elif kind == "paragraph_open" and tokens[i + 1].type == "inline":
                self._paragraph(i)
                i += 3
                continue
            elif kind == "table_open":
                i = self._table(i)
                continue
            elif kind == "callout_open":
                self._callout(i)
            elif kind == "inline":
                # callout titles and any inline outside a paragraph
                self._block(token, "callout_title")
            i += 1

    def _line(self, token: Token) -> int:
        return token.map[0] + 1 if token.map else 0

    def _heading(self, i: int) -> None:
        opener, inline = self.tokens[i], self.tokens[i + 1]
        level = int(opener.tag[1])
        result = self._inline(inline)
        text = " ".join(result.text.split())
        while self.heading_stack and self.headings[self.heading_stack[-1]].level >= level:
            self.heading_stack.pop()
        parent = self.heading_stack[-1] if self.heading_stack else None
        lecture = lecture_of(text) if level <= 2 else None
        heading = Heading(
            level=level,
            text=text,
            anchor=self.slugs(text),
            line=self._line(opener),
            end_line=0,
            parent=parent,
            lecture=lecture[0] if lecture else None,
            lecture_title=lecture[1] if lecture else None,
        )
        self.heading_stack.append(len(self.headings))
        self.headings.append(heading)
        self.section = len(self.headings) - (0 if self.preamble else 1)
        opener.attrSet("id", heading.anchor)
        self._add_block("heading", result, inline, depth=0, parent=None)

    def _paragraph(self, i: int) -> None:
        opener, inline = self.tokens[i], self.tokens[i + 1]
        in_item = bool(self.list_stack) and not self.item_has_text[-1]
        result = self._inline(inline)
        if result.only_embeds and not opener.hidden:
            # An embed alone on its line is a block (a transcluded note, an image).
            opener.hidden = self.tokens[i + 2].hidden = True
            for child in inline.children or []:
                if child.type == "embed":
                    child.meta["block"] = True
        if in_item:
            parent = next((b for b in reversed(self.list_stack[:-1]) if b is not None), None)
            index = self._add_block("list_item", result, inline, len(self.list_stack), parent)
            self.list_stack[-1] = index
            self.item_has_text[-1] = True
        else:
            parent = next((b for b in reversed(self.list_stack) if b is not None), None)
            self._add_block("paragraph", result, inline, len(self.list_stack), parent)

    def _block(self, inline: Token, kind: Any) -> None:
        self._add_block(kind, self._inline(inline), inline, len(self.list_stack), None)

    def _add_block(
        self, kind: Any, result: _InlineResult, inline: Token, depth: int, parent: int | None
    ) -> int:
        index = len(self.blocks)
        line = self._line(inline)
        end_line = inline.map[1] if inline.map else line
        first_highlight = len(self.highlights)
        for start, end, hl_line, anchor in result.highlights:
            self.highlights.append(
                Highlight(
                    text=result.text[start:end].strip(),
                    line=hl_line,
                    section=self.section,
                    block=index,
                    start=start,
                    end=end,
                    anchor=anchor,
                    block_line=line,
                    context=result.text,
                )
            )
        self.blocks.append(
            TextBlock(
                kind=kind,
                text=result.text,
                line=line,
                end_line=max(end_line, line),
                section=self.section,
                parent=parent,
                depth=depth,
                links=tuple(result.links),
                highlights=tuple(range(first_highlight, len(self.highlights))),
            )
        )
        return index

    def _table(self, i: int) -> int:
        tokens = self.tokens
        start_line = self._line(tokens[i])
        source_map = tokens[i].map
        end_line = source_map[1] if source_map else start_line
        header: list[str] = []
        rows: list[list[str]] = []
        row: list[str] = []
        first_row_inline: Token | None = None
        row_result = _InlineResult(text="")
        j = i + 1
        while j < len(tokens) and tokens[j].type != "table_close":
            token = tokens[j]
            if token.type == "tr_open":
                row, first_row_inline, row_result = [], None, _InlineResult(text="")
            elif token.type == "inline":
                cell = self._inline(token)
                first_row_inline = first_row_inline or token
                offset = len(row_result.text) + (3 if row else 0)
                row_result.text += (" | " if row else "") + cell.text
                row_result.highlights += [
                    (s + offset, e + offset, ln, a) for s, e, ln, a in cell.highlights
                ]
                row_result.links += cell.links
                row.append(" ".join(cell.text.split()))
            elif token.type == "tr_close":
                if not header:
                    header = row
                else:
                    rows.append(row)
                if first_row_inline is not None:
                    self._add_block("table_row", row_result, first_row_inline, 0, None)
            j += 1
        self.tables.append(
            Table(
                header=tuple(header),
                rows=tuple(tuple(r) for r in rows),
                line=start_line,
                end_line=end_line,
                section=self.section,
            )
        )
        return j + 1

    def _callout(self, i: int) -> None:
        meta = self.tokens[i].meta
        self.callouts.append(
            Callout(
                kind=meta["kind"],
                title=meta["title"],
                fold=meta["fold"],
                line=self._line(self.tokens[i]),
                section=self.section,
            )
        )

    # -- inline content ------------------------------------------------------

    def _inline(self, inline: Token) -> _InlineResult:
        """Plain text of an inline token, recording its links, tags and highlights."""
        parts: list[str] = []
        length = 0
        line = self._line(inline)
        result = _InlineResult(text="")
        mark_starts: list[tuple[int, int, str]] = []
        embeds = other = 0
        for child in inline.children or []:
            kind = child.type
            piece = ""
            if kind == "text":
                piece = child.content
                if piece.strip():
                    other += 1
                if "==" in piece or "**" in piece:
                    self._loose_marks(piece, line)
            elif kind == "code_inline":
                piece = child.content
                other += 1
            elif kind in ("softbreak", "hardbreak"):
                piece = " "
                line += 1
            elif kind == "wikilink":
                piece = display_text(child.meta)
                result.links.append(self._wikilink(child, line))
                other += 1
            elif kind in ("embed", "image"):
                embed = self._embed(child, line)
                if embed is None:
                    other += 1  # an image on the web stays inline
                else:
                    result.links.append(embed)
                    embeds += 1
            elif kind == "link_open":
                index = self._markdown_link(child, line)
                if index is not None:
                    result.links.append(index)
            elif kind == "tag":
                piece = "#" + child.content
                self.tags.append(Tag(name=child.content, line=line))
                other += 1
            elif kind == "mark_open":
                self.marks_on_line[line] = self.marks_on_line.get(line, 0) + 1
                anchor = f"hl-{line}-{self.marks_on_line[line]}"
                child.attrSet("id", anchor)
                mark_starts.append((length, line, anchor))
            elif kind == "mark_close" and mark_starts:
                start, start_line, anchor = mark_starts.pop()
                result.highlights.append((start, length, start_line, anchor))
            if piece:
                parts.append(piece)
                length += len(piece)
        result.text = "".join(parts)
        result.highlights.sort()
        result.only_embeds = embeds > 0 and other == 0
        return result

    def _loose_marks(self, text: str, line: int) -> None:
        match = _LOOSE_MARK.search(text)
        if match:
            marker = "==highlight==" if match.group(1) == "==" else "**bold**"
            self.diagnostics.append(
                Diagnostic(
                    self.path, line, "unclosed-markup", f"unclosed {marker}", "shown as text"
                )
            )

    def _record(self, link: Link, token: Token) -> int:
        index = len(self.links)
        self.links.append(link)
        token.meta = {**(token.meta or {}), "index": index}
        return index

    def _wikilink(self, token: Token, line: int) -> int:
        """A ``[[…]]`` or ``![[…]]`` token (its parts are in ``token.meta``)."""
        meta = token.meta
        return self._record(
            Link(
                kind="embed" if token.type == "embed" else "wikilink",
                raw=token.content,
                target=meta["target"],
                heading=meta["heading"],
                block=meta["block"],
                alias=meta["alias"],
                width=meta.get("width"),
                height=meta.get("height"),
                line=line,
                section=self.section,
            ),
            token,
        )

    def _embed(self, token: Token, line: int) -> int | None:
        if token.type == "image":
            src = _local_href(str(token.attrGet("src") or ""))
            if src is None:
                return None  # an image on the web: rendered as written
            target, _, fragment = src.partition("#")
            link = Link(
                kind="image",
                raw=str(token.attrGet("src") or ""),
                target=target,
                heading=fragment or None,
                alias=token.content or None,
                line=line,
                section=self.section,
            )
            token.type = "embed"
            token.content = link.raw
            return self._record(link, token)
        return self._wikilink(token, line)

    def _markdown_link(self, token: Token, line: int) -> int | None:
        href = str(token.attrGet("href") or "")
        local = _local_href(href)
        if local is None:
            return None
        target, _, fragment = local.partition("#")
        block = fragment[1:] if fragment.startswith("^") else None
        index = self._record(
            Link(
                kind="markdown",
                raw=href,
                target=target,
                heading=None if block or not fragment else fragment,
                block=block,
                line=line,
                section=self.section,
            ),
            token,
        )
        token.attrSet("href", placeholder("L", index))
        return index

    # -- results -------------------------------------------------------------

    def sections(self, title: str, line_count: int) -> tuple[tuple[Heading, ...], list[Section]]:
        """Fill heading end lines and cut the note into sections."""
        headings = list(self.headings)
        for n, heading in enumerate(headings):
            end = line_count
            for later in headings[n + 1 :]:
                if later.level <= heading.level:
                    end = later.line - 1
                    break
            headings[n] = _replace_end(heading, end)
        starts: list[tuple[int | None, str, str, int]] = []
        if self.preamble or not headings:
            starts.append((None, title, "", 1))
        starts += [(n, h.text, h.anchor, h.line) for n, h in enumerate(headings)]
        texts: dict[int, list[str]] = {}
        for block in self.blocks:
            texts.setdefault(block.section, []).append(block.text)
        sections = []
        for index, (heading_index, stitle, anchor, start) in enumerate(starts):
            end = starts[index + 1][3] - 1 if index + 1 < len(starts) else line_count
            sections.append(
                Section(
                    index=index,
                    heading=heading_index,
                    title=stitle,
                    anchor=anchor,
                    start_line=start,
                    end_line=max(end, start),
                    text="\n".join(texts.get(index, [])),
                )
            )
        return tuple(headings), sections


def _replace_end(heading: Heading, end: int) -> Heading:
    return Heading(
        level=heading.level,
        text=heading.text,
        anchor=heading.anchor,
        line=heading.line,
        end_line=max(end, heading.line),
        parent=heading.parent,
        lecture=heading.lecture,
        lecture_title=heading.lecture_title,
    )


def _has_preamble(tokens: list[Token]) -> bool:
    for token in tokens:
        if token.type == "heading_open":
            return False
        if token.type != "front_matter" and token.nesting >= 0:
            return True
    return False


def _local_href(href: str) -> str | None:
    """A link to a file of the vault (decoded, NFC), or None for URLs and mail."""
    href = href.strip().strip("<>")
    if not href or _SCHEME.match(href) or href.startswith("//"):
        return None
    return nfc(unquote(href))


# -- the whole note ------------------------------------------------------------


LARGE_NOTE = 1_000_000  # characters
WIDE_TABLE = 50  # columns


def _shape_warnings(
    path: str, text: str, tokens: list[Token], walker: _Walker, frontmatter: dict[str, Any]
) -> list[Diagnostic]:
    """Notes that are odd in shape: empty, huge, too deeply nested, very wide tables."""
    found: list[Diagnostic] = []
    if not walker.blocks:
        what = (
            "has only front matter"
            if frontmatter or text.lstrip().startswith("---")
            else "is empty"
        )
        found.append(
            Diagnostic(path, 0, "empty-note", f"the note {what}", "published as an empty page")
        )
    if len(text) > LARGE_NOTE:
        found.append(
            Diagnostic(
                path,
                0,
                "large-note",
                f"the note is {len(text) / 1e6:.1f} million characters",
                "rendered in full; builds take longer",
            )
        )
    deep = next((t for t in tokens if t.level >= MAX_NESTING - 1 and t.map), None)
    if deep is not None or any(t.level >= MAX_NESTING - 1 for t in tokens):
        line = deep.map[0] + 1 if deep is not None and deep.map else 0
        found.append(
            Diagnostic(
                path,
                line,
                "deep-nesting",
                f"lists or quotes nested deeper than {MAX_NESTING} levels",
                "the deeper part is not shown",
            )
        )
    for table in walker.tables:
        if len(table.header) > WIDE_TABLE:
            found.append(
                Diagnostic(
                    path,
                    table.line,
                    "wide-table",
                    f"a table with {len(table.header)} columns",
                    "shown with horizontal scrolling",
                )
            )
    return found


def parse_note(path: str, text: str) -> Note:
    """Parse the decoded text of the note at vault-relative ``path``."""
    path = nfc(path)
    env: dict[str, Any] = {}
    tokens = parser().parse(text, env)
    frontmatter, diagnostics = front_matter(tokens, path)
    stem = path.rsplit("/", 1)[-1]
    stem = stem[:-3] if stem.lower().endswith(".md") else stem
    title_value = frontmatter.get("title")
    title = nfc(str(title_value)).strip() if title_value else stem

    walker = _Walker(path, tokens, env)
    walker.walk()
    line_count = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    headings, sections = walker.sections(title, line_count)

    good_tags, bad_tags = frontmatter_tags(frontmatter.get("tags"))
    tags = [Tag(name=n, line=0, source="frontmatter") for n in good_tags]
    for name in bad_tags:
        diagnostics.append(
            Diagnostic(
                path,
                1,
                "bad-tag",
                f"front-matter tag {name[:60]!r} is not a valid Obsidian tag",
                "ignored",
            )
        )
    tags += walker.tags
    aliases = [
        nfc(a).strip() for a in string_list(frontmatter.get("aliases", frontmatter.get("alias")))
    ]
    for line, code, message in env.get("notesgraph_problems", []):
        diagnostics.append(Diagnostic(path, line, code, message, "hidden as in Obsidian"))
    diagnostics += _shape_warnings(path, text, tokens, walker, frontmatter)
    block_ids: dict[str, int] = {}
    for block_id, line in env.get("notesgraph_block_ids", []):
        if block_id in block_ids:
            diagnostics.append(
                Diagnostic(
                    path,
                    line,
                    "duplicate-block-id",
                    f"block id ^{block_id} is used twice",
                    "links go to the first",
                )
            )
            continue
        block_ids[block_id] = line

    return Note(
        path=path,
        title=title,
        frontmatter=frontmatter,
        aliases=tuple(a for a in aliases if a),
        tags=tuple(tags),
        publish=publish_flag(frontmatter.get("publish")),
        headings=headings,
        sections=tuple(sections),
        blocks=tuple(walker.blocks),
        highlights=tuple(walker.highlights),
        links=tuple(walker.links),
        tables=tuple(walker.tables),
        callouts=tuple(walker.callouts),
        block_ids=block_ids,
        body=body_segments(tokens, env),
        block_html=block_html(tokens, env),
        diagnostics=tuple(diagnostics + walker.diagnostics),
        line_count=line_count,
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """NFC, CRLF/CR turned into LF, control characters removed.

    Line numbers assume LF; NUL is notesgraph's placeholder mark and STX/ETX are
    Python-Markdown's, so none of them may come from a note.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))

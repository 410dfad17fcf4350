"""Comparisons: tables that set concepts side by side, and clear prose comparisons.

A table compares when its header names two or more concepts (``| 항목 | CloudFront
Functions | Lambda@Edge |``) or its first column does (``| 서비스 | … |`` with one
service per row). Each table is its own comparison, even when two tables compare
the same pair: the seed's ``비교 요약표`` and ``주요 사용 사례`` become
``cloudfront-functions-vs-lambda-edge`` and
``cloudfront-functions-vs-lambda-edge-주요-사용-사례``, both with the same keys and
label, so a page can group them per pair while each keeps its own rows.

Prose comparisons are headings or sentences with ``비교``, ``vs``, ``차이`` or ``보다``
(``전통적인 서버 방식 (Amazon EC2)와 비교`` under the Lambda lecture → Lambda vs EC2);
their rows are the sentences that follow (or the sentence itself), one per row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..model import Table
from ..slugs import slugify
from .catalog import load_catalog
from .context import MatchLike, NoteContext, key_of
from .facts import Comparison, Relation, split_key
from .relations import block_context
from .sentences import Arg, analyse

_VERSUS = re.compile(r"(?<![A-Za-z])vs\.?(?![A-Za-z])", re.IGNORECASE)
_PROSE = re.compile(rf"비교|{_VERSUS.pattern}|차이|보다|대신[^.]*이유", re.IGNORECASE)
_MARKUP = re.compile(r"\([^()]*\)|[*_`]")
_NOT_WORD = re.compile(r"[^\w]+")
_PREFIX = re.compile(r"^(?:AWS|Amazon|아마존)\s+")
_CELL_NOISE = re.compile(r"\([^()]*\)|[\s*_`~=:|,./·&+-]+")
_MAX_PROSE_ROWS = 12


def extract_comparisons(ctx: NoteContext) -> list[Comparison]:
    """Every comparison table of the note, then its prose comparisons, with unique slugs."""
    found: list[Comparison] = []
    for table in ctx.note.tables:
        comparison = _table_comparison(ctx, table)
        if comparison is not None:
            found.append(comparison)
    table_sections = {c.source.section for c in found}
    seen: set[frozenset[str]] = set()
    for comparison in _prose_comparisons(ctx):
        keys = frozenset(comparison.keys)
        if keys in seen or comparison.source.section in table_sections:
            continue
        seen.add(keys)
        found.append(comparison)
    return _unique_slugs(ctx, found)


def comparison_relations(comparisons: Sequence[Comparison]) -> list[Relation]:
    """``compared_with`` from the first concept of each comparison to each other one."""
    relations: list[Relation] = []
    for comparison in comparisons:
        first, *others = comparison.keys
        for other in others:
            relations.append(Relation(first, other, "compared_with", comparison.source))
    return relations


# ---------------------------------------------------------------------- tables
def _table_comparison(ctx: NoteContext, table: Table) -> Comparison | None:
    """A comparison when the header names the concepts, or the first column does."""
    rows = _table_blocks(ctx, table)
    if rows is None:
        return None
    header_index, row_indexes = rows
    header = ctx.note.blocks[header_index]
    header_keys = _cell_keys(table.header, header.text, ctx.matches[header_index])
    columns = [(cell, key) for cell, key in zip(table.header, header_keys, strict=True) if key]
    plain = [i for i, key in enumerate(header_keys) if key is None]
    if len(columns) < 2 or plain not in ([], [0]):
        columns = [] if header_keys[0] else _first_column(ctx, table, row_indexes)
    keys = tuple(dict.fromkeys(key for _, key in columns))
    if len(keys) < 2:
        return None
    label = " vs ".join(dict.fromkeys(_clean_name(cell) for cell, _ in columns))
    source = ctx.source(header_index)
    return Comparison(_slug(label), label, keys, table.header, table.rows, "table", source)


def _first_column(ctx: NoteContext, table: Table, row_indexes: list[int]) -> list[tuple[str, str]]:
    """``| 서비스 | … |`` with one concept per row: the rows are what is compared."""
    found: list[tuple[str, str]] = []
    for cells, index in zip(table.rows, row_indexes, strict=True):
        key = _cell_keys(cells, ctx.note.blocks[index].text, ctx.matches[index])[0]
        if key:
            found.append((cells[0], key))
    return found if 2 * len(found) >= len(table.rows) else []


def _table_blocks(ctx: NoteContext, table: Table) -> tuple[int, list[int]] | None:
    """Block indexes of the header row and of each body row of ``table``."""
    indexes = [
        i
        for i, block in enumerate(ctx.note.blocks)
        if block.kind == "table_row" and table.line <= block.line <= table.end_line
    ]
    if len(indexes) != len(table.rows) + 1:
        return None
    return indexes[0], indexes[1:]


def _cell_keys(cells: Sequence[str], text: str, matches: Sequence[MatchLike]) -> list[str | None]:
    """For each cell, the concept it names when the cell is (almost) only that name."""
    keys: list[str | None] = []
    offset = 0
    for cell in cells:
        start = text.find(cell, offset) if cell else offset
        end = start + len(cell)
        inside = [m for m in matches if start <= m.start and m.end <= end] if start >= 0 else []
        rest = cell
        for match in sorted(inside, key=lambda m: -m.start):
            rest = rest[: match.start - start] + rest[match.end - start :]
        owners = {key_of(m) for m in inside}
        alone = len(owners) == 1 and len(_CELL_NOISE.sub("", rest)) <= 2
        keys.append(owners.pop() if alone else None)
        offset = end if start >= 0 else offset
    return keys


def _clean_name(cell: str) -> str:
    """A header cell as a label: no asides, no markup, no AWS/Amazon prefix."""
    return _PREFIX.sub("", _MARKUP.sub("", cell).strip())


# ----------------------------------------------------------------------- prose
def _prose_comparisons(ctx: NoteContext) -> Iterator[Comparison]:
    for index, block in enumerate(ctx.note.blocks):
        if block.kind == "table_row" or not ctx.matches[index] or not _PROSE.search(block.text):
            continue
        sentence = analyse(block.text, ctx.matches[index])
        head, colon, _ = block.text.partition(":")
        cut = len(head) if colon and _PROSE.search(head) else len(block.text)
        args = sentence.args_in(0, cut)
        keys = _compared_keys(args, block.text[:cut])
        if len(keys) == 1 and any(a.role in ("with", "than") for a in args):
            context = block_context(ctx, index)
            keys = (context, *keys) if context and context not in keys else ()
        if len(set(keys)) < 2 or len({split_key(k)[0] for k in keys}) < 2 and not _features(keys):
            continue
        label = " vs ".join(_label(k) for k in keys)
        rows = tuple((row,) for row in _prose_rows(ctx, index))
        yield Comparison(_slug(label), label, keys, (), rows, "prose", ctx.source(index))


def _features(keys: Sequence[str]) -> bool:
    """Features of one service may be compared (provisioned vs on-demand mode)."""
    return all(split_key(k)[1] for k in keys)


def _compared_keys(args: Sequence[Arg], text: str) -> tuple[str, ...]:
    """The concepts a comparing sentence sets against each other, in written order."""
    if _VERSUS.search(text):
        return tuple(dict.fromkeys(k for a in args for k in a.keys))
    for arg in args:
        if arg.joined_by_with and len(arg.keys) > 1:
            return arg.keys
    roles = ("than", "instead", "with", "topic", "subject", "object")
    marked = [a for a in args if a.role in roles]
    if any(a.role in ("than", "instead", "with") for a in marked):
        return tuple(dict.fromkeys(k for a in marked for k in a.keys))
    return ()


def _prose_rows(ctx: NoteContext, index: int) -> list[str]:
    """The sentences that make the comparison: a heading's items, an item's children, or itself."""
    note = ctx.note
    block = note.blocks[index]
    if block.kind == "heading":
        wanted = [b for b in note.blocks if b.section == block.section and b.kind == "list_item"]
        top = min((b.depth for b in wanted), default=0)
        rows = [b.text for b in wanted if b.depth == top]
    else:
        rows = [b.text for b in note.blocks if b.parent == index]
        if not rows:
            _, colon, after = block.text.partition(":")
            rows = [after.strip() if colon and after.strip() else block.text]
    return [r for r in rows if r.strip()][:_MAX_PROSE_ROWS]


def _label(key: str) -> str:
    """The catalogue's label for a concept key, for prose comparisons."""
    service, feature = split_key(key)
    try:
        catalog = load_catalog()
        return (
            catalog.feature(service, feature).label if feature else catalog.service(service).label
        )
    except KeyError:
        return key


# ----------------------------------------------------------------------- slugs
def _slug(label: str) -> str:
    """``CloudFront Functions vs Lambda@Edge`` → ``cloudfront-functions-vs-lambda-edge``."""
    return slugify(_NOT_WORD.sub(" ", label), fallback="comparison")


def _unique_slugs(ctx: NoteContext, comparisons: list[Comparison]) -> list[Comparison]:
    """Repeated slugs get the section title (``…-주요-사용-사례``), else a number."""
    used: set[str] = set()
    result: list[Comparison] = []
    for comparison in comparisons:
        slug = comparison.slug
        if slug in used:
            section = ctx.note.sections[comparison.source.section].title
            slug = f"{slug}-{_slug(section)}" if section else slug
            number = 2
            while slug in used:
                slug = f"{comparison.slug}-{number}"
                number += 1
        used.add(slug)
        result.append(
            Comparison(
                slug,
                comparison.label,
                comparison.keys,
                comparison.columns,
                comparison.rows,
                comparison.form,
                comparison.source,
            )
        )
    return result

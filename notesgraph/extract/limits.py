"""Limits and quotas stated in a note, normalised and attached to the service they limit.

Reads list items (``메모리: 128MB ~ 10GB``), sentences (``기본 TTL은 5분``,
``최대 10배 성능 향상``), nested items (``패키지 크기:`` → ``압축 시: 최대 50MB``)
and comparison tables whose columns (or rows) are services. Examples and
exercises (``예:``, headings with 예시, ``… → Lambda 부적합``) are skipped.

How the words map onto :class:`Limit` (the fit check relies on this)::

    written                                min     max     qualifier
    128MB ~ 10GB                           128MB   10GB    ""
    최대 4KB, 4KB 이하, 66%까지, 35일 내     None    value   최대
    1ms 미만                               None    1ms     미만  (strict)
    최소 1분, 1분 이상                     1분     None    최소
    1분 초과                               1분     None    초과  (strict)
    기본 1,000개                           None    1,000   기본  (a default; can be raised)
    약 3초                                 None    3초     약
    24시간 보존 (a plain figure)           None    24시간  ""    (the stated ceiling)
    월 100만 건 … 무료                      None    value   무료  (a free-tier allowance)

A rate keeps its unit and says its period in the name: ``초당 3,000건`` is
``count`` 3000 named ``… (초당)``. :func:`limit_dimension` names what a limit
measures (memory, duration, item_size, …) for matching a workload against it.

The Korean reading of a figure (its label, qualifier and name) is in :mod:`.limit_names`,
the word lists and particles it uses in :mod:`.limit_words`; this module walks the blocks
and tables and turns each figure into a :class:`Limit`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Table
from .context import MatchLike, NoteContext, key_of
from .facts import Limit, split_key
from .limit_names import (
    NO_LABEL,
    Block,
    Label,
    Span,
    has_own_qualifier,
    paren_of,
    paren_spans,
    preferred_subject,
    read_label,
    read_name,
    read_qualifier,
)
from .limit_words import MEASURE_COUNTERS, PER_SUFFIX, PREFIX_RE, SUFFIX_RE
from .units import Quantity, find_quantities

# ----------------------------------------------------------------------------- words

_EXAMPLE_HEADING = re.compile(
    r"예시|예제|시나리오|연습|퀴즈|(?:^|\s)예(?:\s|:|\)|$)|example|exercise", re.IGNORECASE
)
_EXAMPLE_START = re.compile(r"^\s*(?:예시?\s*[:)]|예\s|e\.g\.|ex[:)]|example\s*:)", re.IGNORECASE)
_EXAMPLE_PAREN = re.compile(r"\(\s*(?:예시?\s*[:)]|예\s|e\.g\.|ex[:)])", re.IGNORECASE)
_DECISION = re.compile(r"(?:→|->|=>)[^→]*(?:부적합|적합|불가|불가능|정답|추천|선택)")
_GRANULARITY = re.compile(r"\s?단위")
_RELATIVE_TIME = re.compile(r"\s?(?:전|후|뒤)(?:에|부터)?(?![가-힣])")
_LIMIT_WORDS = re.compile(r"수$|개수|한도|제한|할당량|quota|limit|최대|동시", re.IGNORECASE)


# ----------------------------------------------------------------------------- entry points


def extract_limits(ctx: NoteContext) -> list[Limit]:
    """Every limit or quota stated in the note, in line order, duplicates merged."""
    headings = {b.line: i for i, b in enumerate(ctx.note.blocks) if b.kind == "heading"}
    found: list[Limit] = []
    for index, block in enumerate(ctx.note.blocks):
        if block.kind not in ("heading", "table_row"):
            found.extend(_block_limits(ctx, index, headings))
    for table in ctx.note.tables:
        found.extend(_table_limits(ctx, table, headings))
    found.sort(key=lambda limit: limit.source.line)
    return _merge_duplicates(found)


def _block_limits(ctx: NoteContext, index: int, headings: dict[int, int]) -> list[Limit]:
    text = ctx.note.blocks[index].text
    quantities = find_quantities(text, bare=True)
    if not quantities or _is_example(ctx, index):
        return []
    parens = paren_spans(text)
    hidden = [p for p in parens if _EXAMPLE_PAREN.match(text, p.start)]
    quantities = [q for q in quantities if not any(p.holds(q.start) for p in hidden)]
    mentions = _usable_mentions(ctx, index, headings)
    colon = _label_colon(text, parens, quantities)
    label = read_label(text[:colon], mentions) if colon >= 0 else NO_LABEL
    block = Block(index, text, mentions, tuple(quantities), tuple(parens), label, headings)
    limits: list[Limit] = []
    carried: str | None = None
    for clause in _clauses(text, colon + 1, parens):
        for quantity in _values(block, clause):
            if quantity.per is None and carried and quantity.unit == "count":
                quantity = replace(quantity, per=carried)
            carried = quantity.per or carried
            limit = _limit(ctx, block, clause, quantity)
            if limit is not None:
                limits.append(limit)
    return limits


def _is_example(ctx: NoteContext, index: int) -> bool:
    """Examples, exercises and decisions (``… → Lambda 부적합``) state no limits."""
    note = ctx.note
    block = note.blocks[index]
    if _DECISION.search(block.text):
        return True
    current: int | None = index
    while current is not None:
        if _EXAMPLE_START.match(note.blocks[current].text):
            return True
        current = note.blocks[current].parent
    heading = note.sections[block.section].heading if block.section < len(note.sections) else None
    return any(_EXAMPLE_HEADING.search(h.text) for h in note.heading_path(heading))


def _usable_mentions(
    ctx: NoteContext, index: int, headings: dict[int, int]
) -> tuple[MatchLike, ...]:
    """Mentions of the block, without short feature words of a service the context never names.

    Shared words belong to one service in the catalogue (``TTL`` is DynamoDB's);
    ``캐시 TTL`` under an API Gateway heading is API Gateway's TTL, not DynamoDB's.
    """
    note = ctx.note
    services = {m.service for m in ctx.matches[index] if m.feature is None}
    context = ctx.parent_subject(index)
    if context:
        services.add(split_key(context)[0])
    section = note.sections[note.blocks[index].section] if note.sections else None
    for heading in note.heading_path(section.heading if section else None):
        if heading.line in headings:
            services.update(m.service for m in ctx.matches[headings[heading.line]])
    return tuple(
        m
        for m in ctx.matches[index]
        if m.feature is None or m.service in services or not _ACRONYM.fullmatch(m.surface)
    )


_ACRONYM = re.compile(r"[A-Za-z0-9-]{1,5}")


def _label_colon(text: str, parens: list[Span], quantities: list[Quantity]) -> int:
    """Offset of the colon ending a short label (``메모리:``), or -1."""
    for match in re.finditer(r"[:：]", text):
        offset = match.start()
        if any(p.holds(offset) for p in parens):
            continue
        if offset > 40 or any(q.start < offset and not q.bare for q in quantities):
            return -1
        return offset
    return -1


def _clauses(text: str, start: int, parens: list[Span]) -> list[Span]:
    """Split the value part at top-level commas, semicolons and sentence ends."""
    clauses: list[Span] = []
    begin = start
    for match in re.finditer(r",(?!\d)|;|\.(?=\s|$)", text[start:]):
        offset = start + match.start()
        if any(p.holds(offset) for p in parens):
            continue
        clauses.append(Span(begin, offset))
        begin = offset + 1
    clauses.append(Span(begin, len(text)))
    return [c for c in clauses if text[c.start : c.end].strip()]


def _values(block: Block, clause: Span) -> list[Quantity]:
    """The figures of a clause that state a value (not ``100만 건당`` or ``1MB 단위``).

    A figure in parentheses restates or details the one before it
    (``900초 (15분)``): it counts when the clause has no other, or when it
    brings its own qualifier and value (``100개 (최대 1,000개까지 …)``).
    """
    text = block.text
    candidates = [
        q
        for q in block.quantities
        if clause.holds(q.start) and not q.each and not _GRANULARITY.match(text, q.end)
    ]
    plain = [q for q in candidates if not q.bare]
    outside = [q for q in plain if not paren_of(block, q)]
    if outside:
        stated = {(q.unit, q.high) for q in outside}
        extra = [
            q
            for q in plain
            if paren_of(block, q) and (q.unit, q.high) not in stated and has_own_qualifier(text, q)
        ]
        return sorted(outside + extra, key=lambda q: q.start)
    if plain:
        return plain
    bare = [q for q in candidates if q.bare]
    qualified = [q for q in bare if _BARE_QUALIFIER.search(text, clause.start, q.start)]
    if qualified:
        return qualified
    if block.label.name and len(bare) == 1:
        rest = text[clause.start : clause.end].replace(bare[0].text, " ", 1)
        if not re.sub(r"최대|최소|기본|미만|이하|이상|초과|까지|\(.*?\)|\s", "", rest):
            return bare
    return []


_BARE_QUALIFIER = re.compile(r"(?:^|(?<=[\s(]))(?:최대|최소|기본)\s*$")


# ----------------------------------------------------------------------------- one limit


def _limit(ctx: NoteContext, block: Block, clause: Span, quantity: Quantity) -> Limit | None:
    text, label = block.text, block.label
    paren = paren_of(block, quantity)
    if paren is None and not label.text and _RELATIVE_TIME.match(text, quantity.end):
        return None  # "2분 전에 알림": a moment, not a limit
    qualifier = read_qualifier(text, clause, quantity, label)
    name = read_name(ctx, block, clause, quantity)
    if not name.text or not _is_plausible(quantity, qualifier, label, name.text):
        return None
    key = _subject(ctx, block, clause, quantity, name.used)
    if key is None:
        return None
    low, high = _bounds(quantity, qualifier)
    suffix = SUFFIX_RE.match(text, quantity.end)
    prefix = PREFIX_RE.search(text, clause.start, quantity.start)
    start = prefix.start() if prefix else quantity.start
    end = suffix.end(suffix.lastindex or 0) if suffix else quantity.end
    value_text = text[start:end].strip()
    source = ctx.source(block.index)
    return Limit(key, name.text, quantity.unit, low, high, value_text, qualifier, source)


def _bounds(quantity: Quantity, qualifier: str) -> tuple[float | None, float | None]:
    if quantity.is_range:
        return quantity.low, quantity.high
    if qualifier in ("최소", "초과"):
        return quantity.low, None
    return None, quantity.high


def _is_plausible(quantity: Quantity, qualifier: str, label: Label, name: str) -> bool:
    """Counts are everywhere (``서비스 2개``); keep those said to be a limit."""
    if quantity.unit != "count":
        return True
    return bool(
        qualifier or quantity.per or quantity.is_range or label.text or _LIMIT_WORDS.search(name)
    )


# ----------------------------------------------------------------------------- subjects


def _subject(
    ctx: NoteContext,
    block: Block,
    clause: Span,
    quantity: Quantity,
    used: Sequence[MatchLike],
) -> str | None:
    """The label's concept; else the nearest one before the figure in its clause, the block's
    first one before the clause (the topic: ``RDS 프록시는 …, … 66%까지``), one after the figure
    in the clause, or the block's context (parent items, headings, title)."""
    if block.label.subject:
        return block.label.subject
    mentions = [m for m in block.mentions if m not in used]
    before = [m for m in mentions if clause.start <= m.start < quantity.start]
    if before:
        return key_of(before[-1])
    earlier = [m for m in mentions if m.start < clause.start]
    later = [m for m in mentions if quantity.start <= m.start < clause.end]
    return preferred_subject(earlier) or preferred_subject(later) or ctx.parent_subject(block.index)


# ----------------------------------------------------------------------------- tables


def _table_limits(ctx: NoteContext, table: Table, headings: dict[int, int]) -> list[Limit]:
    """One limit per service cell of a table whose columns (or rows) are services."""
    note = ctx.note
    rows = [
        i
        for i, b in enumerate(note.blocks)
        if b.kind == "table_row" and table.line <= b.line <= table.end_line
    ]
    if len(rows) != len(table.rows) + 1 or _is_example(ctx, rows[0]):
        return []
    columns = [
        _cell_subject(ctx, rows[0], table.header, j, headings) for j in range(len(table.header))
    ]
    limits: list[Limit] = []
    for block, row in zip(rows[1:], table.rows, strict=True):
        row_subject = _cell_subject(ctx, block, row, 0, headings)
        for j, cell in enumerate(row[1:], start=1):
            column = columns[j] if j < len(columns) and not columns[0] else None
            if column:
                limits.extend(_cell_limits(ctx, block, column, row[0], cell))
            elif row_subject and j < len(table.header):
                limits.extend(_cell_limits(ctx, block, row_subject, table.header[j], cell))
    return limits


def _cell_subject(
    ctx: NoteContext, block: int, cells: Sequence[str], column: int, headings: dict[int, int]
) -> str | None:
    """The concept a header or first cell names (found by offset in the ``a | b`` row text)."""
    if column >= len(cells) or not cells[column]:
        return None
    text = ctx.note.blocks[block].text
    start = 0
    for cell in cells[:column]:
        start = text.find(cell, start) + len(cell)
    start = text.find(cells[column], start)
    usable = _usable_mentions(ctx, block, headings)
    return preferred_subject([m for m in usable if start <= m.start < start + len(cells[column])])


def _cell_limits(ctx: NoteContext, index: int, key: str, name: str, cell: str) -> list[Limit]:
    label = read_label(name, ())
    label = replace(label, name=label.name or " ".join(name.split()), subject=key)
    cell = cell.strip()
    parens = paren_spans(cell)
    quantities = tuple(q for q in find_quantities(cell) if not q.each)
    block = Block(index, cell, (), quantities, tuple(parens), label, {})
    found: list[Limit] = []
    for clause in _clauses(cell, 0, parens):
        for quantity in _values(block, clause):
            qualifier = read_qualifier(cell, clause, quantity, label)
            low, high = _bounds(quantity, qualifier)
            full = label.name
            if quantity.per and not MEASURE_COUNTERS.get(quantity.counter):
                full = f"{full} ({PER_SUFFIX[quantity.per]})"
            source = ctx.source(index)
            found.append(Limit(key, full, quantity.unit, low, high, cell, qualifier, source))
    return found


# ----------------------------------------------------------------------------- merging


def _merge_duplicates(limits: list[Limit]) -> list[Limit]:
    """One limit per concept, base name and value; the first statement is kept."""
    seen: set[tuple[object, ...]] = set()
    kept: list[Limit] = []
    for limit in limits:
        base = re.sub(r"\([^)]*\)|^(최대|최소|기본)\s+", "", limit.name)
        identity = (
            limit.key,
            " ".join(base.split()),
            limit.unit,
            limit.min,
            limit.max,
            limit.qualifier,
        )
        if identity not in seen:
            seen.add(identity)
            kept.append(limit)
    return kept


# ----------------------------------------------------------------------------- dimensions

_DIMENSIONS: tuple[tuple[str, str, str], ...] = (
    # (unit or "*", dimension, pattern over the lower-cased name), first match wins
    ("*", "price", r"요금|비용|가격|price|cost"),
    ("percent", "availability", r"가용성|availability|sla"),
    ("percent", "durability", r"내구성|durability"),
    ("*", "improvement", r"향상|개선|단축|감소|절감|절약|faster|improv|reduc"),
    ("bytes", "memory", r"메모리|\bram\b|memory|램"),
    ("bytes", "package_size", r"패키지|package|배포|deploy|zip|레이어|layer|이미지|image"),
    ("bytes", "environment", r"환경\s?변수|environment"),
    ("bytes", "item_size", r"항목|아이템|item|메시지|message|페이로드|payload|레코드|record|이벤트"
                           r"|event|요청|응답|request|response|body|본문"),
    ("bytes", "file_size", r"객체|오브젝트|object|파일|file|업로드|upload"),
    ("bytes", "storage", r"저장|스토리지|storage|디스크|disk|볼륨|volume|tmp|임시|용량|capacity"),
    ("seconds", "retention", r"보존|보관|유지|retention|복구|백업|backup|recovery|pitr"),
    ("seconds", "ttl", r"ttl|캐시|cache|만료|expir"),
    ("seconds", "latency", r"지연|latency|시작 시간|콜드|cold|응답 시간|start"),
    ("seconds", "visibility", r"가시성|visibility"),
    ("seconds", "delay", r"딜레이|delay|대기|polling|폴링"),
    ("seconds", "duration", r"실행|타임아웃|timeout|제한 시간|처리 시간|duration|run|execution"),
    ("count", "concurrency", r"동시|concurren|병렬|parallel"),
    ("count", "connections", r"연결|connection"),
    ("count", "requests", r"요청|호출|request|invocation|call"),
)  # fmt: skip
_COMPILED = tuple((unit, dim, re.compile(pattern)) for unit, dim, pattern in _DIMENSIONS)
_RATE_NAME = re.compile(r"\((?:초당|분당|시간당)\)|처리량|throughput|iops|tps|rps|qps")


def limit_dimension(limit: Limit) -> str | None:
    """What a limit measures, for matching a workload field: ``memory``, ``duration``, ….

    Read from the unit and the words of the name (Korean or English); None when
    the name says nothing a workload field could be matched to.
    """
    name = limit.name.lower()
    if limit.qualifier == "무료":
        return "free_tier"
    if limit.unit == "usd":
        return "price"
    if _RATE_NAME.search(name):
        return "throughput" if limit.unit == "bytes" else "rate"
    for unit, dimension, pattern in _COMPILED:
        if unit in ("*", limit.unit) and pattern.search(name):
            return dimension
    return None

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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Table
from .context import MatchLike, NoteContext, key_of
from .facts import Limit, split_key
from .units import Quantity, find_quantities

# ----------------------------------------------------------------------------- words


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_QUALIFIER_WORDS = {
    "최대": "최대", "최대치": "최대", "최고": "최대", "up to": "최대", "max": "최대",
    "maximum": "최대", "최소": "최소", "min": "최소", "minimum": "최소", "at least": "최소",
    "기본": "기본", "기본값": "기본", "디폴트": "기본", "default": "기본",
    "약": "약", "대략": "약", "about": "약", "less than": "미만", "more than": "초과",
}  # fmt: skip
_PREFIX_RE = re.compile(
    r"(?:^|(?<=[\s(]))(최대치?|최고|최소|기본값?|디폴트|약|대략|up to|max(?:imum)?|min(?:imum)?"
    r"|at least|default|about|less than|more than)\s*$",
    re.IGNORECASE,
)
_SUFFIX_RE = re.compile(
    r"\s?(?:(미만|이하|이상|초과|까지|이내)[가-힣]*|(내)(?:에|로|의)?(?![가-힣]))"
    r"|\s(or less|or more)\b"
)
_SUFFIX_QUALIFIER = {
    "미만": "미만", "초과": "초과", "이상": "최소", "or more": "최소",
    "이하": "최대", "까지": "최대", "이내": "최대", "내": "최대", "or less": "최대",
}  # fmt: skip
_PAREN_QUALIFIER = re.compile(r"\(\s*(기본|최대|최소)(?![가-힣])")
_FREE = re.compile(r"무료|프리\s?티어|free\s?tier", re.IGNORECASE)
_PER_SUFFIX = {"초": "초당", "분": "분당", "시간": "시간당", "일": "일당", "주": "주당",
               "월": "월간", "년": "연간"}  # fmt: skip
_PER_WORDS = _words("초당 분당 시간당 일당 하루 매일 일일 매주 주당 매월 월간 월 매년 연간 연")
#: Counting words that name what is counted; IOPS/TPS/… are already per second.
_MEASURE_COUNTERS = {"IOPS": True, "TPS": True, "RPS": True, "QPS": True, "RCU": False,
                     "WCU": False, "GB-초": False}  # fmt: skip

_EXAMPLE_HEADING = re.compile(
    r"예시|예제|시나리오|연습|퀴즈|(?:^|\s)예(?:\s|:|\)|$)|example|exercise", re.IGNORECASE
)
_EXAMPLE_START = re.compile(r"^\s*(?:예시?\s*[:)]|예\s|e\.g\.|ex[:)]|example\s*:)", re.IGNORECASE)
_EXAMPLE_PAREN = re.compile(r"\(\s*(?:예시?\s*[:)]|예\s|e\.g\.|ex[:)])", re.IGNORECASE)
_DECISION = re.compile(r"(?:→|->|=>)[^→]*(?:부적합|적합|불가|불가능|정답|추천|선택)")
_VAGUE = re.compile(r"(?:수|몇)\s?(?:십|백|천|만)*\s?(?:초|분|시간|일|개|건|배|[KMGT]B)")
_GRANULARITY = re.compile(r"\s?단위")
_RELATIVE_TIME = re.compile(r"\s?(?:전|후|뒤)(?:에|부터)?(?![가-힣])")
_CHANGE = re.compile(r"\s*(단축|감소|향상|증가|개선|절감|절약|감축)")
_LIMIT_NAME = re.compile(r"\s+(?:제한|한도|limit|quota)$", re.IGNORECASE)
_LIMIT_WORDS = re.compile(r"수$|개수|한도|제한|할당량|quota|limit|최대|동시", re.IGNORECASE)

_GENERIC_LABELS = _words(
    "장점 단점 특징 대상 결론 참고 요약 비고 주의 팁 예 예시 연동 통합 사용 활용"
    " 효과 목적 이유 방법 위치 종류 유형 핵심 포인트 정리 설명 개념 특성 기능 비교"
    " 기타 중요 설정 note tip"
)
_STOP_WORDS = _words(
    "후 전 때 없이 이후 이전 최근 또는 및 그리고 등 각 경우 중 동안 대비 → -> + = / ~ :"
)
#: Verbal nouns say what is done with a figure ("설정 가능", "멀티파트 업로드 사용"), never
#: what it measures; next to the figure they are skipped, after it they end the name.
_VERBAL_NOUNS = _words("설정 사용 구성 지정 선택 조정 변경 생성 수신 전송 조회")
_COPULAS = _words("is are was were be = :")
_VERB_END = re.compile(
    r"(?:하며|하고|하여|해서|되며|되고|되어|하면|이며|으며|으면|지만|므로|는데|니다|습니다"
    r"|있는|없는|되는|하는|가능|불가|필요|지원|제공|처리|적합|권장)$"
)
#: Nouns that end like a particle (길이 is not 길 + 이).
_NOUN_ENDINGS = tuple(
    _words(
        "길이 높이 깊이 넓이 차이 사이 증가 추가 평가 단가 정의 주의 결과 효과 초과"
        " 통과 부과 한도 속도 빈도 정도 용도"
    )
)
_CORE_PARTICLES = ("은", "는", "이", "가", "을", "를", "의", "도")
_ADVERB_PARTICLES = ("에서", "으로", "에", "로", "와", "과", "보다", "부터", "마다", "만")


def strip_particle(word: str, *, core_only: bool = False) -> str:
    """``메모리는`` → ``메모리``, ``TTL은`` → ``TTL``; nouns like ``길이``, ``한도`` stay whole."""
    if word.endswith(_NOUN_ENDINGS):
        return word
    particles = _CORE_PARTICLES if core_only else _CORE_PARTICLES + _ADVERB_PARTICLES
    for particle in sorted(particles, key=len, reverse=True):
        if word.endswith(particle) and len(word) > len(particle) and _fits(word, particle):
            return word[: -len(particle)]
    return word


def _fits(word: str, particle: str) -> bool:
    """은/이/을/과/으로 follow a final consonant, 는/가/를/와 a vowel (Latin fits both)."""
    before = word[-len(particle) - 1]
    if not "가" <= before <= "힣":
        return True
    final = (ord(before) - ord("가")) % 28 != 0
    if particle in ("은", "이", "을", "과", "으로"):
        return final
    if particle in ("는", "가", "를", "와"):
        return not final
    return True


# ----------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int

    def holds(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class _Label:
    """The part of ``이름: 값`` before the colon."""

    text: str  # as written, "" when the block has no label
    name: str  # usable as a limit name ("" if generic or only a service name)
    subject: str | None  # concept the label names
    qualifier: str  # from 최대/기본 in the name ("최대 실행 시간"), or 최대 from "… 제한"


_NO_LABEL = _Label("", "", None, "")


@dataclass(frozen=True, slots=True)
class _Block:
    """One block's text and what reading its limits needs, computed once."""

    index: int
    text: str
    mentions: tuple[MatchLike, ...]  # mentions that may be subjects
    quantities: tuple[Quantity, ...]
    parens: tuple[_Span, ...]
    label: _Label
    headings: dict[int, int]  # line of each heading -> its block index


@dataclass(frozen=True, slots=True)
class _Name:
    text: str
    used: tuple[MatchLike, ...] = ()  # mentions that are the thing measured, not the subject


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
    parens = _paren_spans(text)
    hidden = [p for p in parens if _EXAMPLE_PAREN.match(text, p.start)]
    quantities = [q for q in quantities if not any(p.holds(q.start) for p in hidden)]
    mentions = _usable_mentions(ctx, index, headings)
    colon = _label_colon(text, parens, quantities)
    label = _label(text[:colon], mentions) if colon >= 0 else _NO_LABEL
    block = _Block(index, text, mentions, tuple(quantities), tuple(parens), label, headings)
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


def _paren_spans(text: str) -> list[_Span]:
    """Top-level ``( … )`` spans (an unclosed one runs to the end)."""
    spans: list[_Span] = []
    depth, start = 0, 0
    for offset, char in enumerate(text):
        if char == "(":
            start = offset if depth == 0 else start
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append(_Span(start, offset + 1))
    if depth:
        spans.append(_Span(start, len(text)))
    return spans


def _label_colon(text: str, parens: list[_Span], quantities: list[Quantity]) -> int:
    """Offset of the colon ending a short label (``메모리:``), or -1."""
    for match in re.finditer(r"[:：]", text):
        offset = match.start()
        if any(p.holds(offset) for p in parens):
            continue
        if offset > 40 or any(q.start < offset and not q.bare for q in quantities):
            return -1
        return offset
    return -1


def _label(raw: str, mentions: Sequence[MatchLike]) -> _Label:
    text = " ".join(raw.split())
    inside = [m for m in mentions if m.end <= len(raw)]
    name = text
    if inside and not raw[: inside[0].start].strip():
        rest = strip_particle(raw[inside[0].end :].strip(), core_only=True)
        name = rest if rest and not rest.startswith("(") else name
    if _is_mention_only(raw, inside) or name.lower() in _GENERIC_LABELS:
        name = ""
    qualifier = next((q for q in ("최대", "최소", "기본") if q in name.split()), "")
    if _LIMIT_NAME.search(name):
        name, qualifier = _LIMIT_NAME.sub("", name), qualifier or "최대"
    return _Label(text, name, _preferred(inside), qualifier)


def _is_mention_only(raw: str, mentions: Sequence[MatchLike]) -> bool:
    rest = raw
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[: mention.start] + rest[mention.end :]
    if mentions:
        rest = re.sub(r"\(.*?\)", "", rest)  # "PITR (지정 시간 복구)": a gloss of the name
    rest = re.sub(r"[()\s=]|연동|통합|사용\s?시", "", rest)
    return not strip_particle(rest)


def _clauses(text: str, start: int, parens: list[_Span]) -> list[_Span]:
    """Split the value part at top-level commas, semicolons and sentence ends."""
    clauses: list[_Span] = []
    begin = start
    for match in re.finditer(r",(?!\d)|;|\.(?=\s|$)", text[start:]):
        offset = start + match.start()
        if any(p.holds(offset) for p in parens):
            continue
        clauses.append(_Span(begin, offset))
        begin = offset + 1
    clauses.append(_Span(begin, len(text)))
    return [c for c in clauses if text[c.start : c.end].strip()]


def _values(block: _Block, clause: _Span) -> list[Quantity]:
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
    outside = [q for q in plain if not _paren_of(block, q)]
    if outside:
        stated = {(q.unit, q.high) for q in outside}
        extra = [
            q
            for q in plain
            if _paren_of(block, q) and (q.unit, q.high) not in stated and _own_qualifier(text, q)
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


def _paren_of(block: _Block, quantity: Quantity) -> _Span | None:
    return next((p for p in block.parens if p.holds(quantity.start)), None)


def _own_qualifier(text: str, quantity: Quantity) -> bool:
    return bool(_PREFIX_RE.search(text[: quantity.start]) or _SUFFIX_RE.match(text, quantity.end))


# ----------------------------------------------------------------------------- one limit


def _limit(ctx: NoteContext, block: _Block, clause: _Span, quantity: Quantity) -> Limit | None:
    text, label = block.text, block.label
    paren = _paren_of(block, quantity)
    if paren is None and not label.text and _RELATIVE_TIME.match(text, quantity.end):
        return None  # "2분 전에 알림": a moment, not a limit
    qualifier = _qualifier(text, clause, quantity, label)
    name = _name(ctx, block, clause, quantity)
    if not name.text or not _is_plausible(quantity, qualifier, label, name.text):
        return None
    key = _subject(ctx, block, clause, quantity, name.used)
    if key is None:
        return None
    low, high = _bounds(quantity, qualifier)
    suffix = _SUFFIX_RE.match(text, quantity.end)
    prefix = _PREFIX_RE.search(text, clause.start, quantity.start)
    start = prefix.start() if prefix else quantity.start
    end = suffix.end(suffix.lastindex or 0) if suffix else quantity.end
    value_text = text[start:end].strip()
    source = ctx.source(block.index)
    return Limit(key, name.text, quantity.unit, low, high, value_text, qualifier, source)


def _qualifier(text: str, clause: _Span, quantity: Quantity, label: _Label) -> str:
    """Precedence: free tier, strict 미만/초과, 기본, other suffixes, prefixes, the label."""
    if _FREE.search(text) and quantity.unit != "usd":
        return "무료"
    suffix = _SUFFIX_RE.match(text, quantity.end)
    found = _SUFFIX_QUALIFIER[next(g for g in suffix.groups() if g)] if suffix else ""
    if quantity.is_range or found in ("미만", "초과"):
        return "" if quantity.is_range else found
    paren = next((p for p in _paren_spans(text) if p.holds(quantity.start)), None)
    before = text[max(clause.start, paren.start + 1 if paren else 0) : quantity.start]
    words = [_QUALIFIER_WORDS.get(w.lower(), "") for w in before.replace("(", " ").split()[-4:]]
    if "기본" in words:
        return "기본"
    if found:
        return found
    prefix = _PREFIX_RE.search(before)
    if prefix:
        return _QUALIFIER_WORDS[prefix.group(1).lower()]
    nearest = next((w for w in reversed(words) if w), "")
    if nearest:
        return nearest
    after = _PAREN_QUALIFIER.search(text, suffix.end() if suffix else quantity.end, clause.end)
    return after.group(1) if after else label.qualifier


def _bounds(quantity: Quantity, qualifier: str) -> tuple[float | None, float | None]:
    if quantity.is_range:
        return quantity.low, quantity.high
    if qualifier in ("최소", "초과"):
        return quantity.low, None
    return None, quantity.high


def _is_plausible(quantity: Quantity, qualifier: str, label: _Label, name: str) -> bool:
    """Counts are everywhere (``서비스 2개``); keep those said to be a limit."""
    if quantity.unit != "count":
        return True
    return bool(
        qualifier or quantity.per or quantity.is_range or label.text or _LIMIT_WORDS.search(name)
    )


# ----------------------------------------------------------------------------- names


@dataclass(slots=True)
class _Before:
    """The words just before a figure, read right to left."""

    words: list[str]
    used: list[MatchLike]
    scopes: int = 0  # how many of the words are scopes such as "계정당"
    condition: str = ""  # "배치 사용 시" when the figure holds under a condition


def _name(ctx: NoteContext, block: _Block, clause: _Span, quantity: Quantity) -> _Name:
    """What the figure measures: the words around it, else its label, parent item or heading."""
    paren = _paren_of(block, quantity)
    phrase = _Name("")
    condition = ""
    if paren is None or not block.label.name:
        phrase, condition = _phrase(block, clause, quantity, paren)
    measure = quantity.counter if quantity.counter in _MEASURE_COUNTERS else ""
    text = phrase.text or _fallback(ctx, block, bool(measure))
    if measure and measure not in text:
        text = f"{text} {measure}".strip()
    notes = [condition] if condition else []
    if quantity.per and not _MEASURE_COUNTERS.get(quantity.counter):
        notes.append(_PER_SUFFIX[quantity.per])
    if text and notes:
        text = f"{text} ({', '.join(notes)})"
    return _Name(text, phrase.used)


def _phrase(
    block: _Block, clause: _Span, quantity: Quantity, paren: _Span | None
) -> tuple[_Name, str]:
    """The noun phrase next to the figure, and a ``… 시`` condition before it.

    Before the figure (``SQS 메시지 크기는 최대 256KB``), else after it
    (``24시간 보존``, ``최대 10배 성능 향상``); a feature named right before it
    is the thing measured (``기본 TTL은 5분``).
    """
    text = block.text
    value_end = _after_value(text, quantity)
    before = _words_before(block, clause.start, paren.start if paren else quantity.start, quantity)
    scope = " ".join(before.words[: before.scopes]) if before.scopes == len(before.words) else ""
    head = before.words if before.scopes < len(before.words) else []
    if head and not before.used:
        change = _CHANGE.match(text, value_end)
        phrase = " ".join(head) + (f" {change.group(1)}" if change else "")
        label = block.label.name
        return _Name(f"{label} ({phrase})" if label and label != phrase else phrase), ""
    after = _words_after(block, paren.end if paren else value_end)
    if after:
        after = f"{block.label.name} {after}" if block.label.name else after
        return _Name(f"{scope} {after}".strip()), ""
    if head and quantity.counter not in _MEASURE_COUNTERS:
        return _Name(" ".join(head), tuple(before.used)), ""
    return _Name(""), before.condition


def _after_value(text: str, quantity: Quantity) -> int:
    suffix = _SUFFIX_RE.match(text, quantity.end)
    return suffix.end() if suffix else quantity.end


def _words_before(block: _Block, start: int, end: int, quantity: Quantity) -> _Before:
    text = block.text
    before = _VAGUE.sub(lambda m: " " * len(m.group()), text[start:end])
    qualifier = _PREFIX_RE.search(before)
    before = before[: qualifier.start()] if qualifier else before  # "up to" is two words
    found = _Before([], [])
    tokens = list(re.finditer(r"\S+", before))
    for position in range(len(tokens) - 1, -1, -1):
        offset = start + tokens[position].start()
        word = tokens[position].group().strip("*()[]\"'")
        if any(q.each and q.start <= offset < q.end for q in block.quantities):
            found.words.insert(0, word)
            continue
        mention = next((m for m in block.mentions if m.start <= offset < m.end), None)
        if mention is not None:
            if not found.words and mention.feature:
                found.used.append(mention)
                found.words.insert(0, strip_particle(text[mention.start : mention.end]))
            break
        is_per = quantity.per is not None and word in _PER_WORDS
        if word.lower() in _QUALIFIER_WORDS or is_per:
            if found.words:
                break
            continue
        if word == "시":
            if not found.words:
                found.condition = " ".join(
                    t.group() for t in tokens[max(0, position - 2) : position + 1]
                )
            break
        if len(found.words) == 4 or any(q.start <= offset < q.end for q in block.quantities):
            break
        if (
            re.fullmatch(r"[가-힣A-Za-z]+(?:당|마다)", word)
            and found.words == found.words[: found.scopes]
        ):
            found.words.insert(0, word)
            found.scopes += 1
            continue
        if (word in _VERBAL_NOUNS or word.lower() in _COPULAS) and not found.words:
            continue
        stem = _noun(word, last=not found.words)
        if stem is None:
            break
        found.words.insert(0, stem)
    return found


def _words_after(block: _Block, offset: int) -> str:
    """``보존`` of ``24시간 보존, …``; ``요청`` of ``100만 건의 요청``; else ""."""
    rest = block.text[offset:]
    skip = 2 if rest.startswith("의 ") else 0
    words: list[str] = []
    for match in re.finditer(r"[^\s,;.]+|[,;.]", rest[skip:]):
        word = match.group()
        at = offset + skip + match.start()
        if word in ",;." or word.lower() in _QUALIFIER_WORDS or word == "무료":
            break
        if _VERB_END.search(word) or any(m.start <= at < m.end for m in block.mentions):
            break
        if word in _STOP_WORDS or word in _VERBAL_NOUNS or word.startswith("("):
            break
        if len(words) == 3 or strip_particle(word) != word or re.search(r"[다요]$", word):
            return ""  # a verb phrase ("만들 수 있다"), not a name
        words.append(word)
    return " ".join(words)


def _noun(word: str, *, last: bool) -> str | None:
    """The word without its particle, or None if it ends the noun phrase (going left)."""
    if word in _STOP_WORDS or word in _VERBAL_NOUNS or _VERB_END.search(word):
        return None
    if not re.search(r"[\w/]", word):
        return None
    stem = strip_particle(word)
    if stem == word:
        return word
    particle = word[len(stem) :]
    if particle == "의" or (last and particle in _CORE_PARTICLES):
        return stem
    return None


def _fallback(ctx: NoteContext, block: _Block, measured: bool) -> str:
    """Own label (joined to a parent item label: ``패키지 크기 (압축 시)``), parent, heading."""
    label = block.label
    parent = _parent_label(ctx, block.index)
    if label.name:
        return f"{parent} ({label.name})" if parent else label.name
    if measured:
        return ""
    if parent:
        return parent
    if label.subject:
        return label.text
    return _heading_name(ctx, block)


def _parent_label(ctx: NoteContext, index: int) -> str:
    """``패키지 크기`` when the parent item reads ``패키지 크기:`` with nothing after it."""
    parent = ctx.note.blocks[index].parent
    if parent is None:
        return ""
    text = ctx.note.blocks[parent].text.strip()
    if not text.endswith((":", "：")):
        return ""
    return _label(text[:-1], ctx.matches[parent]).name


_GROUPING = re.compile(r"한도|제한|limit|quota|요약|정리|특징|비교|개요|기본", re.IGNORECASE)


def _heading_name(ctx: NoteContext, block: _Block) -> str:
    """The block's own heading (``### 가시성 타임아웃``) when it names a measure or feature."""
    note = ctx.note
    section = note.sections[note.blocks[block.index].section]
    if section.heading is None or note.headings[section.heading].lecture is not None:
        return ""
    title = re.sub(r"^[^\w가-힣]*(?:\d+(?:\.\d+)*\.?\s+)?", "", note.headings[section.heading].text)
    title = " ".join(title.split())
    if not title or title.lower() in _GENERIC_LABELS or _GROUPING.search(title):
        return ""
    heading_block = block.headings.get(section.start_line)
    mentions = ctx.matches[heading_block] if heading_block is not None else ()
    if mentions and all(m.feature is None for m in mentions):
        return ""  # a service is a subject, not a name
    return title


# ----------------------------------------------------------------------------- subjects


def _preferred(mentions: Sequence[MatchLike]) -> str | None:
    """The first mention, or a later feature of that same service (``EBS gp3``)."""
    if not mentions:
        return None
    first = mentions[0]
    if first.feature is None:
        for later in mentions[1:]:
            if later.service == first.service and later.feature:
                return key_of(later)
    return key_of(first)


def _subject(
    ctx: NoteContext,
    block: _Block,
    clause: _Span,
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
    return _preferred(earlier) or _preferred(later) or ctx.parent_subject(block.index)


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
    return _preferred([m for m in usable if start <= m.start < start + len(cells[column])])


def _cell_limits(ctx: NoteContext, index: int, key: str, name: str, cell: str) -> list[Limit]:
    label = _label(name, ())
    label = replace(label, name=label.name or " ".join(name.split()), subject=key)
    cell = cell.strip()
    parens = _paren_spans(cell)
    quantities = tuple(q for q in find_quantities(cell) if not q.each)
    block = _Block(index, cell, (), quantities, tuple(parens), label, {})
    found: list[Limit] = []
    for clause in _clauses(cell, 0, parens):
        for quantity in _values(block, clause):
            qualifier = _qualifier(cell, clause, quantity, label)
            low, high = _bounds(quantity, qualifier)
            full = label.name
            if quantity.per and not _MEASURE_COUNTERS.get(quantity.counter):
                full = f"{full} ({_PER_SUFFIX[quantity.per]})"
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

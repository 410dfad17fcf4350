"""Label, qualifier and name of a figure, read from the Korean words around it (for limits.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .context import MatchLike, NoteContext, key_of
from .limit_words import (
    CHANGE,
    COPULAS,
    CORE_PARTICLES,
    FREE,
    GENERIC_LABELS,
    LIMIT_NAME,
    MEASURE_COUNTERS,
    PAREN_QUALIFIER,
    PER_SUFFIX,
    PER_WORDS,
    PREFIX_RE,
    QUALIFIER_WORDS,
    STOP_WORDS,
    SUFFIX_QUALIFIER,
    SUFFIX_RE,
    VAGUE,
    VERB_END,
    VERBAL_NOUNS,
    strip_particle,
)
from .units import Quantity

# ----------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Span:
    """Offsets ``start`` (included) to ``end`` (excluded) in a block's text."""

    start: int
    end: int

    def holds(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class Label:
    """The part of ``이름: 값`` before the colon."""

    text: str  # as written, "" when the block has no label
    name: str  # usable as a limit name ("" if generic or only a service name)
    subject: str | None  # concept the label names
    qualifier: str  # from 최대/기본 in the name ("최대 실행 시간"), or 최대 from "… 제한"


NO_LABEL = Label("", "", None, "")


@dataclass(frozen=True, slots=True)
class Block:
    """One block's text and what reading its limits needs, computed once."""

    index: int
    text: str
    mentions: tuple[MatchLike, ...]  # mentions that may be subjects
    quantities: tuple[Quantity, ...]
    parens: tuple[Span, ...]
    label: Label
    headings: dict[int, int]  # line of each heading -> its block index


@dataclass(frozen=True, slots=True)
class LimitName:
    """What a figure measures, and the mentions read as that thing rather than its subject."""

    text: str
    used: tuple[MatchLike, ...] = ()  # mentions that are the thing measured, not the subject


# ----------------------------------------------------------------------------- labels


def paren_spans(text: str) -> list[Span]:
    """Top-level ``( … )`` spans (an unclosed one runs to the end)."""
    spans: list[Span] = []
    depth, start = 0, 0
    for offset, char in enumerate(text):
        if char == "(":
            start = offset if depth == 0 else start
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append(Span(start, offset + 1))
    if depth:
        spans.append(Span(start, len(text)))
    return spans


def read_label(raw: str, mentions: Sequence[MatchLike]) -> Label:
    """The label ``raw`` (the text before ``:``) as a limit name, subject and qualifier."""
    text = " ".join(raw.split())
    inside = [m for m in mentions if m.end <= len(raw)]
    name = text
    if inside and not raw[: inside[0].start].strip():
        rest = strip_particle(raw[inside[0].end :].strip(), core_only=True)
        name = rest if rest and not rest.startswith("(") else name
    if _is_mention_only(raw, inside) or name.lower() in GENERIC_LABELS:
        name = ""
    qualifier = next((q for q in ("최대", "최소", "기본") if q in name.split()), "")
    if LIMIT_NAME.search(name):
        name, qualifier = LIMIT_NAME.sub("", name), qualifier or "최대"
    return Label(text, name, preferred_subject(inside), qualifier)


def _is_mention_only(raw: str, mentions: Sequence[MatchLike]) -> bool:
    rest = raw
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[: mention.start] + rest[mention.end :]
    if mentions:
        rest = re.sub(r"\(.*?\)", "", rest)  # "PITR (지정 시간 복구)": a gloss of the name
    rest = re.sub(r"[()\s=]|연동|통합|사용\s?시", "", rest)
    return not strip_particle(rest)


def paren_of(block: Block, quantity: Quantity) -> Span | None:
    """The top-level parentheses the figure is written in, if any."""
    return next((p for p in block.parens if p.holds(quantity.start)), None)


def preferred_subject(mentions: Sequence[MatchLike]) -> str | None:
    """The first mention, or a later feature of that same service (``EBS gp3``)."""
    if not mentions:
        return None
    first = mentions[0]
    if first.feature is None:
        for later in mentions[1:]:
            if later.service == first.service and later.feature:
                return key_of(later)
    return key_of(first)


# ----------------------------------------------------------------------------- qualifiers


def has_own_qualifier(text: str, quantity: Quantity) -> bool:
    """Whether a qualifier (``최대``, ``이하`` …) is written right before or after the figure."""
    return bool(PREFIX_RE.search(text[: quantity.start]) or SUFFIX_RE.match(text, quantity.end))


def read_qualifier(text: str, clause: Span, quantity: Quantity, label: Label) -> str:
    """Precedence: free tier, strict 미만/초과, 기본, other suffixes, prefixes, the label."""
    if FREE.search(text) and quantity.unit != "usd":
        return "무료"
    suffix = SUFFIX_RE.match(text, quantity.end)
    found = SUFFIX_QUALIFIER[next(g for g in suffix.groups() if g)] if suffix else ""
    if quantity.is_range or found in ("미만", "초과"):
        return "" if quantity.is_range else found
    paren = next((p for p in paren_spans(text) if p.holds(quantity.start)), None)
    before = text[max(clause.start, paren.start + 1 if paren else 0) : quantity.start]
    words = [QUALIFIER_WORDS.get(w.lower(), "") for w in before.replace("(", " ").split()[-4:]]
    if "기본" in words:
        return "기본"
    if found:
        return found
    prefix = PREFIX_RE.search(before)
    if prefix:
        return QUALIFIER_WORDS[prefix.group(1).lower()]
    nearest = next((w for w in reversed(words) if w), "")
    if nearest:
        return nearest
    after = PAREN_QUALIFIER.search(text, suffix.end() if suffix else quantity.end, clause.end)
    return after.group(1) if after else label.qualifier


# ----------------------------------------------------------------------------- names


@dataclass(slots=True)
class _Before:
    """The words just before a figure, read right to left."""

    words: list[str]
    used: list[MatchLike]
    scopes: int = 0  # how many of the words are scopes such as "계정당"
    condition: str = ""  # "배치 사용 시" when the figure holds under a condition


def read_name(ctx: NoteContext, block: Block, clause: Span, quantity: Quantity) -> LimitName:
    """What the figure measures: the words around it, else its label, parent item or heading."""
    paren = paren_of(block, quantity)
    phrase = LimitName("")
    condition = ""
    if paren is None or not block.label.name:
        phrase, condition = _phrase(block, clause, quantity, paren)
    measure = quantity.counter if quantity.counter in MEASURE_COUNTERS else ""
    text = phrase.text or _fallback(ctx, block, bool(measure))
    if measure and measure not in text:
        text = f"{text} {measure}".strip()
    notes = [condition] if condition else []
    if quantity.per and not MEASURE_COUNTERS.get(quantity.counter):
        notes.append(PER_SUFFIX[quantity.per])
    if text and notes:
        text = f"{text} ({', '.join(notes)})"
    return LimitName(text, phrase.used)


def _phrase(
    block: Block, clause: Span, quantity: Quantity, paren: Span | None
) -> tuple[LimitName, str]:
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
        change = CHANGE.match(text, value_end)
        phrase = " ".join(head) + (f" {change.group(1)}" if change else "")
        label = block.label.name
        return LimitName(f"{label} ({phrase})" if label and label != phrase else phrase), ""
    after = _words_after(block, paren.end if paren else value_end)
    if after:
        after = f"{block.label.name} {after}" if block.label.name else after
        return LimitName(f"{scope} {after}".strip()), ""
    if head and quantity.counter not in MEASURE_COUNTERS:
        return LimitName(" ".join(head), tuple(before.used)), ""
    return LimitName(""), before.condition


def _after_value(text: str, quantity: Quantity) -> int:
    suffix = SUFFIX_RE.match(text, quantity.end)
    return suffix.end() if suffix else quantity.end


def _words_before(block: Block, start: int, end: int, quantity: Quantity) -> _Before:
    text = block.text
    before = VAGUE.sub(lambda m: " " * len(m.group()), text[start:end])
    qualifier = PREFIX_RE.search(before)
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
        is_per = quantity.per is not None and word in PER_WORDS
        if word.lower() in QUALIFIER_WORDS or is_per:
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
        if (word in VERBAL_NOUNS or word.lower() in COPULAS) and not found.words:
            continue
        stem = _noun(word, last=not found.words)
        if stem is None:
            break
        found.words.insert(0, stem)
    return found


def _words_after(block: Block, offset: int) -> str:
    """``보존`` of ``24시간 보존, …``; ``요청`` of ``100만 건의 요청``; else ""."""
    rest = block.text[offset:]
    skip = 2 if rest.startswith("의 ") else 0
    words: list[str] = []
    for match in re.finditer(r"[^\s,;.]+|[,;.]", rest[skip:]):
        word = match.group()
        at = offset + skip + match.start()
        if word in ",;." or word.lower() in QUALIFIER_WORDS or word == "무료":
            break
        if VERB_END.search(word) or any(m.start <= at < m.end for m in block.mentions):
            break
        if word in STOP_WORDS or word in VERBAL_NOUNS or word.startswith("("):
            break
        if len(words) == 3 or strip_particle(word) != word or re.search(r"[다요]$", word):
            return ""  # a verb phrase ("만들 수 있다"), not a name
        words.append(word)
    return " ".join(words)


def _noun(word: str, *, last: bool) -> str | None:
    """The word without its particle, or None if it ends the noun phrase (going left)."""
    if word in STOP_WORDS or word in VERBAL_NOUNS or VERB_END.search(word):
        return None
    if not re.search(r"[\w/]", word):
        return None
    stem = strip_particle(word)
    if stem == word:
        return word
    particle = word[len(stem) :]
    if particle == "의" or (last and particle in CORE_PARTICLES):
        return stem
    return None


def _fallback(ctx: NoteContext, block: Block, measured: bool) -> str:
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
    return read_label(text[:-1], ctx.matches[parent]).name


_GROUPING = re.compile(r"한도|제한|limit|quota|요약|정리|특징|비교|개요|기본", re.IGNORECASE)


def _heading_name(ctx: NoteContext, block: Block) -> str:
    """The block's own heading (``### 가시성 타임아웃``) when it names a measure or feature."""
    note = ctx.note
    section = note.sections[note.blocks[block.index].section]
    if section.heading is None or note.headings[section.heading].lecture is not None:
        return ""
    title = re.sub(r"^[^\w가-힣]*(?:\d+(?:\.\d+)*\.?\s+)?", "", note.headings[section.heading].text)
    title = " ".join(title.split())
    if not title or title.lower() in GENERIC_LABELS or _GROUPING.search(title):
        return ""
    heading_block = block.headings.get(section.start_line)
    mentions = ctx.matches[heading_block] if heading_block is not None else ()
    if mentions and all(m.feature is None for m in mentions):
        return ""  # a service is a subject, not a name
    return title

"""Review data drawn from the graph: flashcard decks and the workload fit check.

A limit becomes a question and answer (``Lambda · 최대 실행 시간?`` → ``900초 (15분)``);
an ==highlight== becomes a cloze card (its sentence with the highlighted words
hidden). The fit check gets every limit a workload can be measured against
(memory, run time, sizes, concurrency, rate …) with its value in base units, so
the page can say which limit decides, quoting the note. Exercises the notes
already contain (``RAM 30GB, 실행 시간 30분, 3GB 파일 → Lambda 부적합``) become
presets the user can load and check against the note's own verdict.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..extract.facts import Limit, Source
from ..extract.limits import limit_dimension
from ..extract.units import find_quantities
from ..graph import schema as ids
from .conceptpages import limit_value
from .context import SiteContext
from .mapdata import FORMAT, evidence, where
from .maplayout import Adjacency, service_of

_GB, _MB, _KB = 1024.0**3, 1024.0**2, 1024.0


@dataclass(frozen=True, slots=True)
class Field:
    """One workload input: what it measures, its units, which limit dimensions decide it."""

    id: str
    label: str
    unit: str  # base unit: bytes, seconds, count
    scales: tuple[tuple[str, float], ...]  # shown units, first is the default
    dimensions: tuple[str, ...]
    words: str  # how a note names it in an exercise (regex, lower case)


FIELDS = (
    Field(
        "memory",
        "메모리",
        "bytes",
        (("GB", _GB), ("MB", _MB)),
        ("memory",),
        r"메모리|\bram\b|램|memory",
    ),
    Field(
        "duration",
        "실행 시간",
        "seconds",
        (("분", 60.0), ("초", 1.0), ("시간", 3600.0)),
        ("duration",),
        r"실행|타임아웃|처리 시간|duration|timeout|run ?time",
    ),
    Field(
        "file_size",
        "파일 크기",
        "bytes",
        (("GB", _GB), ("MB", _MB), ("TB", _GB * 1024)),
        ("file_size", "storage"),
        r"파일|file|객체|object",
    ),
    Field(
        "item_size",
        "항목·메시지 크기",
        "bytes",
        (("KB", _KB), ("MB", _MB)),
        ("item_size",),
        r"항목|아이템|item|메시지|message|페이로드|payload|레코드|record",
    ),
    Field(
        "package_size",
        "배포 패키지 크기",
        "bytes",
        (("MB", _MB), ("GB", _GB)),
        ("package_size",),
        r"패키지|package|배포|deploy",
    ),
    Field(
        "concurrency", "동시 실행 수", "count", (("개", 1.0),), ("concurrency",), r"동시|concurren"
    ),
    Field(
        "rate",
        "초당 요청 수",
        "count",
        (("건/초", 1.0),),
        ("rate",),
        r"초당|per second|\brps\b|\btps\b",
    ),
    Field(
        "retention",
        "보존 기간",
        "seconds",
        (("일", 86400.0), ("시간", 3600.0)),
        ("retention",),
        r"보존|보관|retention",
    ),
    Field(
        "environment",
        "환경 변수 크기",
        "bytes",
        (("KB", _KB),),
        ("environment",),
        r"환경\s?변수|environment",
    ),
)
_BY_DIMENSION = {d: f for f in FIELDS for d in f.dimensions}
#: Qualifiers that make a value a default the user can have raised, not a hard ceiling.
_SOFT = frozenset({"기본"})
_STRICT = frozenset({"미만"})
_PERIOD = {"초당": 1.0, "분당": 60.0, "시간당": 3600.0}
_DECISION = re.compile(r"(?:→|->|⇒|=>)\s*(?P<target>[^→]*?)\s*\**\s*(?P<verdict>부적합|적합)")
_CHUNK = re.compile(r"\s*(?:[,，、;]|\s및\s|\s그리고\s)\s*")


def _limit_of(attrs: dict[str, Any]) -> Limit:
    """The extractor's view of a limit node, for :func:`limit_dimension`."""
    return Limit(
        key="",
        name=attrs["name"],
        unit=attrs["unit"],
        min=attrs.get("min"),
        max=attrs.get("max"),
        value_text=attrs.get("value", ""),
        qualifier=attrs.get("qualifier", ""),
        source=Source(attrs.get("note", ""), 0, attrs.get("line", 0), attrs.get("text", "")),
    )


def limit_answer(attrs: dict[str, Any]) -> str:
    """The value as a card's answer (``최대 실행 시간?`` → ``900초 (15분)``)."""
    return limit_value(attrs)


# ----------------------------------------------------------------------------- flashcards


def limit_cards(ctx: SiteContext) -> Iterator[dict[str, Any]]:
    seen: set[tuple[str, str, str]] = set()
    for node in sorted(
        ctx.nodes_of("limit"), key=lambda n: (ctx.node(n)["note"], ctx.node(n)["line"], n)
    ):
        attrs = ctx.node(node)
        owner = attrs.get("owner", "")
        label = ctx.node(owner)["label"] if owner in ctx.graph else attrs["name"]
        answer = limit_answer(attrs)
        if (owner, attrs["name"], answer) in seen:
            continue
        seen.add((owner, attrs["name"], answer))
        source = evidence(ctx, attrs)
        yield {
            "id": node,
            "type": "limit",
            "q": f"{label} · {attrs['name']}?",
            "a": answer,
            "quote": source.pop("text"),
            "service": attrs.get("service", ""),
            **source,
        }


def cloze_cards(ctx: SiteContext, adj: Adjacency) -> Iterator[dict[str, Any]]:
    named = _services_by_line(ctx, adj)
    seen: set[tuple[str, int, int]] = set()
    for node in sorted(
        ctx.nodes_of("highlight"), key=lambda n: (ctx.node(n)["note"], ctx.node(n)["line"], n)
    ):
        attrs = ctx.node(node)
        context, start, end = attrs.get("context", ""), attrs.get("start", 0), attrs.get("end", 0)
        if not (0 <= start < end <= len(context)):
            context, start, end = attrs["label"], 0, len(attrs["label"])
        if (context, start, end) in seen or not context[start:end].strip():
            continue
        seen.add((context, start, end))
        services = highlight_services(ctx, adj, node, named)
        section = ctx.adjacency.nodes.get(attrs.get("section", ""), {})
        hint = {"note": attrs.get("note", ""), "section": attrs.get("section", "")}
        url = ctx.url_of(node) or ""
        yield {
            "id": node,
            "type": "cloze",
            "before": context[:start],
            "answer": context[start:end],
            "after": context[end:],
            "services": services,
            "url": url,
            "where": where(ctx, hint),
            "line": attrs.get("line", 0),
            "heading": section.get("label", ""),
        }


def _services_by_line(ctx: SiteContext, adj: Adjacency) -> dict[tuple[str, int], set[str]]:
    """Services named on each line (note id, line): by a mention or by a limit stated there."""
    named: dict[tuple[str, int], set[str]] = defaultdict(set)
    services: dict[str, str | None] = {}  # concept key → its service (a few hundred keys)
    for found in ctx.concepts:
        note = ids.note_id(found.path)
        for mention in found.mentions:
            key = mention.key
            if key not in services:
                services[key] = service_of(adj.nodes, ids.concept_id(key))
            service = services[key]
            if service:
                named[(note, mention.source.line)].add(service)
    for node in ctx.nodes_of("limit"):
        attrs = adj.nodes[node]
        if attrs.get("service"):
            named[(attrs["note"], attrs["line"])].add(attrs["service"])
    return named


def highlight_services(
    ctx: SiteContext, adj: Adjacency, node: str, named: dict[tuple[str, int], set[str]]
) -> list[str]:
    """The services a key point is about: named in it, or a limit of theirs stated on its line
    (``==128MB ~ 10GB==`` is Lambda's memory), or else named by the nearest heading above."""
    attrs = adj.nodes[node]
    found = {s for v, _ in adj.out(node, "mentions") if (s := service_of(ctx.adjacency.nodes, v))}
    found |= {s for s in named.get((attrs["note"], attrs["line"]), set()) if s in adj.nodes}
    section = attrs.get("section")
    while not found and section in adj.nodes:
        heading = adj.nodes[section]
        if heading.get("level"):
            found = {
                s
                for s in named.get((attrs["note"], heading.get("start_line", 0)), set())
                if s in adj.nodes
            }
        section = heading.get("parent")
    return sorted(found)


def flashcards(ctx: SiteContext, adj: Adjacency) -> dict[str, Any]:
    """Cards and decks: ``all`` first, then one per service, each a list of card indexes."""
    cards = [*limit_cards(ctx), *cloze_cards(ctx, adj)]
    by_service: dict[str, list[int]] = defaultdict(list)
    for index, card in enumerate(cards):
        for service in [card["service"]] if card["type"] == "limit" else card["services"]:
            if service in ctx.graph:
                by_service[service].append(index)
    decks = [{"id": "all", "label": "전체", "cards": list(range(len(cards)))}]
    for service in sorted(by_service, key=lambda s: (ctx.node(s)["label"].casefold(), s)):
        decks.append(
            {"id": service, "label": ctx.node(service)["label"], "cards": by_service[service]}
        )
    return {"cards": cards, "decks": decks}


# ----------------------------------------------------------------------------- fit check


def fit_limit(ctx: SiteContext, node: str) -> dict[str, Any] | None:
    """A limit a workload can exceed: its upper bound per field unit, or None."""
    attrs = ctx.node(node)
    dimension = limit_dimension(_limit_of(attrs))
    field = _BY_DIMENSION.get(dimension or "")
    if field is None or attrs.get("max") is None or attrs["unit"] != field.unit:
        return None
    if attrs.get("qualifier") == "무료":
        return None
    bound = float(attrs["max"])
    if field.id == "rate":
        period = next((p for word, p in _PERIOD.items() if word in attrs["name"]), None)
        if period is None:
            return None
        bound /= period
    qualifier = attrs.get("qualifier", "")
    return {
        "id": node,
        "field": field.id,
        "dimension": dimension,
        "name": attrs["name"],
        "value": limit_value(attrs),
        "max": bound,
        "strict": qualifier in _STRICT,
        "soft": qualifier in _SOFT,
        **evidence(ctx, attrs),
    }


def fit_check(ctx: SiteContext) -> dict[str, Any]:
    """Workload fields, and every service or feature with limits they can be checked against."""
    per_owner: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in sorted(
        ctx.nodes_of("limit"), key=lambda n: (ctx.node(n)["note"], ctx.node(n)["line"], n)
    ):
        record = fit_limit(ctx, node)
        if record:
            per_owner[ctx.node(node).get("owner", "")].append(record)
    options = []
    for owner in sorted(
        (o for o in per_owner if o in ctx.graph), key=lambda o: (ctx.node(o)["label"].casefold(), o)
    ):
        attrs = ctx.node(owner)
        service = service_of(ctx.adjacency.nodes, owner) or owner
        options.append(
            {
                "id": owner,
                "label": attrs["label"],
                "kind": attrs["kind"],
                "service": service,
                "url": ctx.url_of(owner) or "",
                "limits": per_owner[owner],
            }
        )
    fields = [
        {"id": f.id, "label": f.label, "unit": f.unit, "scales": [list(s) for s in f.scales]}
        for f in FIELDS
    ]
    known = {o["id"] for o in options}
    return {
        "fields": fields,
        "options": options,
        "exercises": [e for e in exercises(ctx) if set(e["options"]) & known],
    }


def exercises(ctx: SiteContext) -> list[dict[str, Any]]:
    """``RAM 30GB, 실행 시간 30분, 3GB 파일 → Lambda 부적합``: a workload, a verdict, a source."""
    concepts = {found.path: found for found in ctx.concepts}
    result = []
    for path in sorted(ctx.notes):
        # A verdict ends in 적합 (부적합 too): the few blocks with one are read further.
        decided = [
            (block, match)
            for block in ctx.notes[path].blocks
            if "적합" in block.text and (match := _DECISION.search(block.text))
        ]
        if not decided:
            continue
        named: dict[int, list[tuple[str, str]]] = defaultdict(list)  # line → (surface, key)
        found = concepts.get(path)
        for mention in found.mentions if found else ():
            named[mention.source.line].append((mention.surface, mention.key))
        for block, match in decided:
            values = workload(block.text[: match.start()])
            targets = [
                ids.concept_id(key)
                for surface, key in named.get(block.line, [])
                if surface and surface in match["target"]
            ]
            if not values or not targets:
                continue
            section = ctx.notes[path].sections[block.section]
            url = ctx.paths.note_url(path) + ("#" + section.anchor if section.anchor else "")
            result.append(
                {
                    "text": block.text,
                    "values": values,
                    "options": sorted(set(targets)),
                    "fits": match["verdict"] == "적합",
                    "url": url,
                    "line": block.line,
                    "where": f"{ctx.notes[path].title} › {section.title}",
                }
            )
    return result


def workload(text: str) -> dict[str, float]:
    """Field values (base units) named in the text of an exercise."""
    values: dict[str, float] = {}
    for chunk in _CHUNK.split(text):
        for quantity in find_quantities(chunk):
            words = (chunk[: quantity.start] + " " + chunk[quantity.end :]).lower()
            field = next(
                (f for f in FIELDS if f.unit == quantity.unit and re.search(f.words, words)), None
            )
            if field is None and quantity.unit == "seconds":
                field = FIELDS[1]
            if field and field.id not in values:
                values[field.id] = quantity.high
    return values


def review_data(ctx: SiteContext) -> dict[str, Any]:
    return {"format": FORMAT, **flashcards(ctx, ctx.adjacency), "fit": fit_check(ctx)}

"""Service pages, comparison pages and their indexes, drawn from the concept graph."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..extract.facts import RELATION_KINDS, Mention
from ..extract.units import format_quantity
from .context import COMPARE_INDEX, SERVICES_INDEX, SiteContext
from .labels import category_label, relation_label
from .markup import Page, esc
from .notepages import NOTE_META
from .urls import compare_page, page_url, service_page

#: A service page quotes at most this many blocks; the rest are counted per note.
MAX_QUOTES = 40


#: Qualifiers Korean writes after the number: ``1ms 미만``, ``35일 내``, ``100만 건 무료``.
_AFTER = frozenset({"미만", "초과", "이하", "이상", "까지", "내", "무료"})


def _amount(attrs: dict[str, Any]) -> str:
    unit = attrs["unit"]
    low, high = attrs.get("min"), attrs.get("max")
    if low is not None and high is not None and low != high:
        return f"{format_quantity(low, unit)} ~ {format_quantity(high, unit)}"
    value = high if high is not None else low
    return attrs.get("value", "") if value is None else format_quantity(value, unit)


def limit_value(attrs: dict[str, Any]) -> str:
    """A limit's value in readable units: ``128 MB ~ 10 GB``, ``최대 4 KB``, ``1ms 미만``.

    Sizes and times are re-formatted from base units (``900초 (15분)``); counts keep
    the words as written (``40만 GB-초``), which name what is counted. The qualifier
    is left out when the name already says it (``최대 실행 시간``).
    """
    qualifier = attrs.get("qualifier", "")
    written = attrs.get("value", "")
    text = written if attrs["unit"] == "count" and written else _amount(attrs)
    if not qualifier or qualifier in text or qualifier in attrs.get("name", ""):
        return text
    return f"{text} {qualifier}" if qualifier in _AFTER else f"{qualifier} {text}"


def _link(ctx: SiteContext, page: str, node: str, text: str | None = None) -> str:
    href = ctx.link(page, node)
    label = esc(text if text is not None else ctx.node(node)["label"])
    return f'<a href="{esc(href)}">{label}</a>' if href else label


def _source_link(ctx: SiteContext, page: str, attrs: dict[str, Any]) -> str:
    """``노트 › 섹션 (줄 N)`` linking to the section the fact was read from."""
    note = ctx.node(attrs["note"])
    section = ctx.node(attrs["section"])
    where = note["label"] + (f" › {section['label']}" if section.get("anchor") else "")
    href = ctx.link(page, attrs["section"])
    return f'<a class="ng-source" href="{esc(href)}">{esc(where)}</a> <span class="ng-line">{attrs["line"]}행</span>'


def limits_table(ctx: SiteContext, page: str, limits: Sequence[str], with_service: bool) -> str:
    head = "<th>서비스</th>" if with_service else ""
    rows = []
    for node in limits:
        attrs = ctx.node(node)
        owner = attrs["owner"]
        service_cell = f"<td>{_link(ctx, page, owner)}</td>" if with_service else ""
        sort_value = attrs.get("max") if attrs.get("max") is not None else attrs.get("min")
        rows.append(
            f"<tr>{service_cell}<td>{esc(attrs['name'])}</td>"
            f'<td class="ng-value" data-sort="{esc(sort_value if sort_value is not None else "")}" '
            f'data-unit="{esc(attrs["unit"])}">{esc(limit_value(attrs))}</td>'
            f'<td class="ng-quote">{esc(attrs["text"])}</td>'
            f"<td>{_source_link(ctx, page, attrs)}</td></tr>"
        )
    return (
        '<table class="ng-limits ng-sortable"><thead><tr>'
        f"{head}<th>항목</th><th>값</th><th>원문</th><th>출처</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _quote(mention: Mention) -> str:
    """The block text with the service's words emphasised (escaped first)."""
    text = mention.source.text
    surface = mention.surface
    at = text.find(surface) if surface else -1
    if at < 0:
        return esc(text)
    return esc(text[:at]) + f"<strong>{esc(surface)}</strong>" + esc(text[at + len(surface) :])


def service_page_text(ctx: SiteContext, node: str) -> str:
    attrs = ctx.node(node)
    service = node.split(":", 1)[1]
    page_path = service_page(service)
    page = Page({"title": attrs["label"], **NOTE_META, "notesgraph": {"node": node}})
    page.heading(1, esc(attrs["label"]))
    aliases = attrs.get("aliases", [])
    facts = [
        f'<span class="ng-chip ng-category">{esc(category_label(attrs.get("category", "other")))}</span>'
    ]
    if aliases:
        facts.append(f'<span class="ng-aliases">노트 속 이름: {esc(", ".join(aliases))}</span>')
    facts.append(f'<span class="ng-count">언급 {attrs.get("mentions", 0)}회</span>')
    page.html(f'<p class="ng-service-meta">{" · ".join(facts)}</p>')
    page.html(
        f'<div class="ng-local-map" data-node="{esc(node)}" data-depth="2" '
        f'aria-label="{esc(attrs["label"])} 주변 지도"></div>'
    )

    features = sorted(u for u, _ in ctx.in_edges(node, ["feature_of"]))
    limits = [v for v, _ in ctx.out_edges(node, ["has_limit"])]
    for feature in features:
        limits += [v for v, _ in ctx.out_edges(feature, ["has_limit"])]
    page.heading(2, "한도", "limits")
    if limits:
        page.html(limits_table(ctx, page_path, sorted(set(limits), key=_limit_order(ctx)), False))
    else:
        page.html('<p class="ng-empty">노트에 적힌 한도가 없습니다.</p>')

    _relations(ctx, page, page_path, node)

    if features:
        page.heading(2, "기능", "features")
        for feature in features:
            fattrs = ctx.node(feature)
            page.heading(3, esc(fattrs["label"]), "feature-" + feature.split("/", 1)[1])
            names = fattrs.get("aliases", [])
            count = fattrs.get("mentions", 0)
            detail = f"언급 {count}회" + (f" · 노트 속 이름: {', '.join(names)}" if names else "")
            page.html(f'<p class="ng-feature-meta">{esc(detail)}</p>')
            quotes = ctx.mentions.get(feature, [])[:5]
            if quotes:
                page.html(_quote_list(ctx, page_path, quotes))

    comparisons = sorted(u for u, _ in ctx.in_edges(node, ["compares"]))
    if comparisons:
        page.heading(2, "비교", "comparisons")
        items = "".join(f"<li>{_link(ctx, page_path, c)}</li>" for c in comparisons)
        page.html(f"<ul>{items}</ul>")

    highlights = sorted(
        u for u, _ in ctx.in_edges(node, ["mentions"]) if ctx.node(u)["kind"] == "highlight"
    )
    if highlights:
        page.heading(2, "시험 포인트", "key-points")
        items = "".join(
            f"<li><mark>{esc(ctx.node(h)['label'])}</mark> "
            f'<span class="ng-context">{esc(ctx.node(h)["context"])}</span> '
            f"{_link(ctx, page_path, h, '↗')}</li>"
            for h in highlights
        )
        page.html(f'<ul class="ng-keypoints">{items}</ul>')

    page.heading(2, "노트에서", "in-notes")
    page.html(_what_notes_say(ctx, page_path, ctx.mentions.get(node, [])))
    return page.render()


def _limit_order(ctx: SiteContext):  # type: ignore[no-untyped-def]
    def key(node: str) -> tuple[str, int, str]:
        attrs = ctx.node(node)
        return (attrs["note"], attrs["line"], node)

    return key


def _evidence(ctx: SiteContext, page_path: str, data: dict[str, Any]) -> str:
    if "note" not in data:  # a family link from the catalogue, not from a note
        return '<span class="ng-source">(서비스 카탈로그)</span>'
    return f'<span class="ng-quote">{esc(data.get("text", ""))}</span> {_source_link(ctx, page_path, data)}'


def _relations(ctx: SiteContext, page: Page, page_path: str, node: str) -> None:
    groups: dict[str, list[str]] = defaultdict(list)
    label = esc(ctx.node(node)["label"])
    for target, data in ctx.out_edges(node, RELATION_KINDS):
        groups[data["kind"]].append(
            f'<li><span class="ng-rel">{label} → {esc(relation_label(data["kind"]))} →</span> '
            f"{_link(ctx, page_path, target)} {_evidence(ctx, page_path, data)}</li>"
        )
    for source, data in ctx.in_edges(node, RELATION_KINDS):
        groups[data["kind"]].append(
            f'<li>{_link(ctx, page_path, source)} <span class="ng-rel">→ '
            f"{esc(relation_label(data['kind']))} → {label}</span> {_evidence(ctx, page_path, data)}</li>"
        )
    page.heading(2, "관계", "relations")
    if not groups:
        page.html('<p class="ng-empty">노트에서 찾은 관계가 없습니다.</p>')
        return
    for kind in RELATION_KINDS:
        if groups.get(kind):
            page.heading(3, esc(relation_label(kind)), "rel-" + kind.replace("_", "-"))
            page.html(f'<ul class="ng-relations">{"".join(sorted(groups[kind]))}</ul>')


def _quote_list(ctx: SiteContext, page_path: str, mentions: Sequence[Mention]) -> str:
    items = []
    seen: set[tuple[str, int]] = set()
    for mention in mentions:
        marker = (mention.source.note, mention.source.line)
        if marker in seen:
            continue
        seen.add(marker)
        href = ctx.link_url(page_path, ctx.source_url(mention.source))
        items.append(
            f'<li><a class="ng-line" href="{esc(href)}">{mention.source.line}행</a> {_quote(mention)}</li>'
        )
    return f'<ul class="ng-quotes">{"".join(items)}</ul>'


def _what_notes_say(ctx: SiteContext, page_path: str, mentions: list[Mention]) -> str:
    """Sentences naming the service, grouped by note and section, each linking back."""
    if not mentions:
        return '<p class="ng-empty">언급이 없습니다.</p>'
    by_note: dict[str, dict[int, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for mention in mentions:
        by_note[mention.source.note][mention.source.section].append(mention)
    parts = []
    quoted = 0
    for note_path in sorted(by_note, key=lambda p: (-sum(len(v) for v in by_note[p].values()), p)):
        note = ctx.notes[note_path]
        note_href = ctx.link_url(page_path, ctx.paths.note_url(note_path))
        sections = by_note[note_path]
        count = sum(len(v) for v in sections.values())
        if quoted >= MAX_QUOTES:
            parts.append(
                f'<li><a href="{esc(note_href)}">{esc(note.title)}</a> <span class="ng-count">{count}회</span></li>'
            )
            continue
        inner = []
        for section_index in sorted(sections):
            section = note.sections[section_index]
            href = ctx.link_url(page_path, ctx.source_url(sections[section_index][0].source))
            inner.append(
                f'<li><a href="{esc(href)}">{esc(section.title)}</a>'
                f"{_quote_list(ctx, page_path, sections[section_index])}</li>"
            )
            quoted += len(sections[section_index])
        parts.append(
            f'<li><a class="ng-note-link" href="{esc(note_href)}">{esc(note.title)}</a>'
            f' <span class="ng-count">{count}회</span><ul>{"".join(inner)}</ul></li>'
        )
    return f'<ul class="ng-in-notes">{"".join(parts)}</ul>'


def services_index(ctx: SiteContext) -> str:
    page = Page({"title": "서비스", **NOTE_META})
    page.heading(1, "서비스")
    by_category: dict[str, list[str]] = defaultdict(list)
    for node in ctx.nodes_of("service"):
        by_category[ctx.node(node).get("category", "other")].append(node)
    page.html(f"<p>노트에 나온 AWS 서비스 {len(ctx.nodes_of('service'))}개</p>")
    for category in sorted(by_category, key=category_label):
        page.heading(2, esc(category_label(category)), "cat-" + category)
        items = []
        for node in sorted(by_category[category], key=lambda n: ctx.node(n)["label"].casefold()):
            attrs = ctx.node(node)
            limits = len(ctx.out_edges(node, ["has_limit"]))
            extra = f"언급 {attrs.get('mentions', 0)}회" + (f" · 한도 {limits}개" if limits else "")
            items.append(
                f'<li>{_link(ctx, SERVICES_INDEX, node)} <span class="ng-count">{esc(extra)}</span></li>'
            )
        page.html(f'<ul class="ng-service-list">{"".join(items)}</ul>')
    return page.render()


def comparison_groups(ctx: SiteContext) -> dict[str, list[str]]:
    """Comparison nodes grouped by the set of concepts compared: one page per group."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for node in ctx.nodes_of("comparison"):
        members = tuple(sorted(ctx.node(node).get("services", [])))
        groups[members].append(node)
    pages: dict[str, list[str]] = {}
    for _members, nodes in sorted(groups.items()):
        first = sorted(nodes)[0].split(":", 1)[1]
        slug = first[:-2] if first[-2:-1] == "-" and first[-1].isdigit() else first
        pages[compare_page(slug)] = sorted(nodes)
    return pages


def comparison_title(ctx: SiteContext, nodes: list[str]) -> str:
    """A comparison page's title: its members as written (``Lambda vs Fargate``)."""
    first = ctx.node(nodes[0])
    return " vs ".join(ctx.node(m)["label"] for m in first.get("services", [])) or first["label"]


#: A category with more comparisons than this files them under their first service.
SHELF_SIZE = 10

#: One category's comparisons: ``(service node, [(page, title)])`` per shelf; the
#: service is None for the pages listed directly (a small category, or no member).
Shelves = list[tuple[str | None, list[tuple[str, str]]]]


def comparison_shelves(ctx: SiteContext, groups: dict[str, list[str]]) -> list[tuple[str, Shelves]]:
    """Comparison pages by category (of the first member, as titled), and in a large
    category by that first member's service, for the navigation and the index.

    A flat list of every comparison grows with the vault, and the theme puts the
    whole visible navigation into every page: 291 comparison pages listed flat made
    85,000 navigation items in a 1,000-note site. Filed under their first service,
    only the open shelf is drawn.
    """
    by_category: dict[str, dict[str | None, list[tuple[str, str]]]] = defaultdict(dict)
    for page_path, nodes in groups.items():
        members = ctx.node(nodes[0]).get("services", [])
        lead = _service_of(ctx, members[0]) if members else None
        category = concept_category(ctx, lead) if lead is not None else "other"
        shelf = by_category[category].setdefault(lead, [])
        shelf.append((page_path, comparison_title(ctx, nodes)))
    result: list[tuple[str, Shelves]] = []
    for category in sorted(by_category, key=category_label):
        shelves = by_category[category]
        for pages in shelves.values():
            pages.sort(key=lambda item: (item[1].casefold(), item[0]))
        if sum(len(pages) for pages in shelves.values()) <= SHELF_SIZE:
            flat = sorted(
                (item for pages in shelves.values() for item in pages),
                key=lambda item: (item[1].casefold(), item[0]),
            )
            result.append((category, [(None, flat)]))
            continue
        named = sorted(
            (lead for lead in shelves if lead is not None),
            key=lambda lead: ctx.node(lead)["label"].casefold(),
        )
        ordered: Shelves = [(lead, shelves[lead]) for lead in named]
        if None in shelves:
            ordered.append((None, shelves[None]))
        result.append((category, ordered))
    return result


def _service_of(ctx: SiteContext, node: str) -> str:
    """A feature's service (a comparison of Lambda@Edge is shelved with Lambda's)."""
    return str(ctx.node(node).get("service") or node)


def concept_category(ctx: SiteContext, concept: str) -> str:
    """The category of a service, or of a feature's service."""
    attrs = ctx.node(concept)
    if attrs.get("kind") == "feature":
        attrs = ctx.node(attrs["service"])
    return str(attrs.get("category") or "other")


def comparison_page_text(ctx: SiteContext, page_path: str, nodes: list[str]) -> str:
    first = ctx.node(nodes[0])
    members = first.get("services", [])
    title = comparison_title(ctx, nodes)
    page = Page({"title": title, **NOTE_META, "notesgraph": {"node": nodes[0]}})
    page.heading(1, esc(title))
    links = " · ".join(_link(ctx, page_path, m) for m in members)
    page.html(f'<p class="ng-compare-members">{links}</p>')
    for node in nodes:
        attrs = ctx.node(node)
        page.heading(
            2,
            esc(attrs["label"] if len(nodes) == 1 else _section_title(ctx, attrs)),
            node.split(":", 1)[1],
        )
        if attrs.get("columns"):
            page.html(_comparison_table(ctx, page_path, attrs))
        else:
            page.html(f'<blockquote class="ng-quote">{esc(attrs.get("text", ""))}</blockquote>')
        page.html(f'<p class="ng-source-line">출처: {_source_link(ctx, page_path, attrs)}</p>')
    prose = _prose_comparisons(ctx, members, set(nodes))
    if prose:
        page.heading(2, "노트 속 다른 비교", "prose")
        items = "".join(
            f"<li>{esc(data.get('text', ''))} {_source_link(ctx, page_path, data)}</li>"
            for data in prose
        )
        page.html(f'<ul class="ng-quotes">{items}</ul>')
    return page.render()


def _section_title(ctx: SiteContext, attrs: dict[str, Any]) -> str:
    return ctx.node(attrs["section"])["label"]


def _comparison_table(ctx: SiteContext, page_path: str, attrs: dict[str, Any]) -> str:
    columns = attrs["columns"]
    members = attrs.get("services", [])
    by_label = {ctx.node(m)["label"].casefold(): m for m in members}
    head = []
    for column in columns:
        member = by_label.get(column.casefold())
        head.append(f"<th>{_link(ctx, page_path, member, column) if member else esc(column)}</th>")
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>"
        for row in attrs.get("rows", [])
    )
    return (
        f'<div class="ng-compare-wrap"><table class="ng-compare"><thead><tr>{"".join(head)}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _prose_comparisons(
    ctx: SiteContext, members: list[str], exclude: set[str]
) -> list[dict[str, Any]]:
    """``compared_with`` relations between the members stated elsewhere than the
    comparisons on the page (those already show their own table or words)."""
    found = []
    wanted = set(members)
    shown = {(ctx.node(n).get("note"), ctx.node(n).get("line")) for n in exclude}
    for source in members:
        for target, data in ctx.out_edges(source, ["compared_with", "alternative_to"]):
            if target in wanted and (data.get("note"), data.get("line")) not in shown:
                found.append(data)
    return sorted(found, key=lambda d: (d.get("note", ""), d.get("line", 0)))


def compare_index(ctx: SiteContext, groups: dict[str, list[str]]) -> str:
    page = Page({"title": "비교", **NOTE_META})
    page.heading(1, "비교")
    if not groups:
        page.html('<p class="ng-empty">노트에서 찾은 비교가 없습니다.</p>')
        return page.render()
    page.html(f"<p>비교 {len(groups)}개</p>")
    for category, shelves in comparison_shelves(ctx, groups):
        page.heading(2, esc(category_label(category)), f"cat-{category}")
        items = []
        for lead, pages in shelves:
            links = []
            for page_path, title in pages:
                nodes = groups[page_path]
                href = ctx.link_url(COMPARE_INDEX, page_url(page_path))
                kinds = "표" if any(ctx.node(n).get("columns") for n in nodes) else "글"
                links.append(
                    f'<li><a href="{esc(href)}">{esc(title)}</a> '
                    f'<span class="ng-count">{len(nodes)}개 ({kinds})</span></li>'
                )
            if lead is None:
                items.extend(links)
            else:
                items.append(
                    f"<li>{_link(ctx, COMPARE_INDEX, lead)}"
                    f'<ul class="ng-compare-list">{"".join(links)}</ul></li>'
                )
        page.html(f'<ul class="ng-compare-list">{"".join(items)}</ul>')
    return page.render()

"""Review pages: every limit, every key point, tags, problems; map and explorer shells."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable
from typing import Any

from ..model import Diagnostic
from ..slugs import path_slug
from .body import tag_anchor
from .conceptpages import concept_category, limits_table
from .context import (
    EXPLORER_PAGE,
    KEYPOINTS_PAGE,
    LIMITS_PAGE,
    MAP_PAGE,
    PROBLEMS_PAGE,
    TAGS_PAGE,
    SiteContext,
)
from .labels import category_label
from .markup import Page, esc
from .notepages import NOTE_META
from .urls import page_url

LIMITS_FOLDER = "limits"
KEYPOINTS_FOLDER = "keypoints"
#: Where the index goes when a review page is split (the same URL as the single page).
LIMITS_INDEX = LIMITS_FOLDER + "/index.md"
KEYPOINTS_INDEX = KEYPOINTS_FOLDER + "/index.md"


#: Above this many limits (or key points) a review page becomes an index with a page per
#: service category: a 5,000-note vault's 37,000 limits made an 18 MB page, too big for
#: a browser, converted again by MkDocs in every rebuild that touched a limit.
SPLIT_AT = 300


def limit_groups(ctx: SiteContext) -> dict[str, list[str]]:
    """Docs path → the limits on that page, in table order: everything on ``limits.md``
    up to ``SPLIT_AT`` limits, else a page per category of the limits' services."""
    if "limit_groups" not in ctx.memo:
        ctx.memo["limit_groups"] = _limit_groups(ctx)
    return ctx.memo["limit_groups"]  # type: ignore[no-any-return]


def _limit_groups(ctx: SiteContext) -> dict[str, list[str]]:
    limits = sorted(
        ctx.nodes_of("limit"),
        key=lambda n: (
            ctx.node(ctx.node(n)["owner"])["label"].casefold(),
            ctx.node(n)["note"],
            ctx.node(n)["line"],
            n,
        ),
    )
    if len(limits) <= SPLIT_AT:
        return {LIMITS_PAGE: limits}
    by_category: dict[str, list[str]] = defaultdict(list)
    for node in limits:
        by_category[concept_category(ctx, ctx.node(node)["owner"])].append(node)
    pages = category_pages(LIMITS_FOLDER, by_category, ctx.memo.setdefault("category_pages", {}))
    return {pages[category]: by_category[category] for category in pages}


def limits_pages(
    ctx: SiteContext, groups: dict[str, list[str]], skip: Container[str] = ()
) -> tuple[dict[str, str], dict[str, Any]]:
    """The limits page (groups from :func:`limit_groups`), or its index and category
    pages but those in ``skip`` (kept from the last build); and their navigation entry."""
    total = sum(len(nodes) for nodes in groups.values())
    services = {ctx.node(n)["service"] for nodes in groups.values() for n in nodes}
    summary = f"서비스 {len(services)}개의 한도 {total}개."
    sorting = "열 제목을 누르면 정렬됩니다 (값은 같은 단위끼리 크기순)."
    if list(groups) == [LIMITS_PAGE]:
        page = Page({"title": "한도 모음", **NOTE_META})
        page.heading(1, "한도 모음")
        page.html(f"<p>{summary} {sorting}</p>")
        page.html(limits_table(ctx, LIMITS_PAGE, groups[LIMITS_PAGE], True))
        return {LIMITS_PAGE: page.render()}, {"한도 모음": LIMITS_PAGE}
    pages: dict[str, str] = {}
    shelves = []
    for path, nodes in groups.items():
        label = page_category(ctx, path)
        owners = sorted(
            {ctx.node(n)["service"] for n in nodes}, key=lambda s: ctx.node(s)["label"].casefold()
        )
        shelves.append((path, label, owners, len(nodes)))
        if path in skip:
            continue
        page = Page({"title": f"한도 모음 · {label}", **NOTE_META})
        page.heading(1, esc(f"한도 모음 · {label}"))
        page.html(f"<p>서비스 {len(owners)}개의 한도 {len(nodes)}개. {sorting}</p>")
        page.html(limits_table(ctx, path, nodes, True))
        pages[path] = page.render()
    index = Page({"title": "한도 모음", **NOTE_META})
    index.heading(1, "한도 모음")
    index.html(f"<p>{summary} 서비스 분류마다 한 페이지입니다.</p>")
    index.html(_shelf_list(ctx, LIMITS_INDEX, shelves, "한도"))
    pages[LIMITS_INDEX] = index.render()
    return pages, _nav_entry("한도 모음", LIMITS_INDEX, shelves)


def keypoint_groups(ctx: SiteContext) -> dict[str, dict[str, list[str]]]:
    """Docs path → service → its highlights, for the by-service part of the key points:
    all on ``keypoints.md`` up to ``SPLIT_AT`` highlights, else a page per category."""
    if "keypoint_groups" not in ctx.memo:
        ctx.memo["keypoint_groups"] = _keypoint_groups(ctx)
    return ctx.memo["keypoint_groups"]  # type: ignore[no-any-return]


def _keypoint_groups(ctx: SiteContext) -> dict[str, dict[str, list[str]]]:
    highlights = ctx.nodes_of("highlight")
    by_service: dict[str, list[str]] = defaultdict(list)
    for node in highlights:
        for target, _ in ctx.out_edges(node, ["mentions"]):
            owner = (
                ctx.node(target).get("service", target)
                if ctx.node(target)["kind"] == "feature"
                else target
            )
            if node not in by_service[owner]:
                by_service[owner].append(node)
    ordered = {
        service: sorted(by_service[service], key=_order(ctx))
        for service in sorted(by_service, key=lambda s: ctx.node(s)["label"].casefold())
    }
    if len(highlights) <= SPLIT_AT:
        return {KEYPOINTS_PAGE: ordered}
    by_category: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for service, nodes in ordered.items():
        by_category[concept_category(ctx, service)][service] = nodes
    pages = category_pages(KEYPOINTS_FOLDER, by_category, ctx.memo.setdefault("category_pages", {}))
    return {pages[category]: by_category[category] for category in pages}


def keypoints_pages(
    ctx: SiteContext, groups: dict[str, dict[str, list[str]]], skip: Container[str] = ()
) -> tuple[dict[str, str], dict[str, Any]]:
    """Every ==highlight==, by service and by note: the exam-review page (groups from
    :func:`keypoint_groups`); split, an index with the notes' counts and a page per
    category with the services' highlights, but those in ``skip`` (kept from the last
    build). And their entry in the navigation."""
    highlights = ctx.nodes_of("highlight")
    by_note: dict[str, list[str]] = defaultdict(list)
    for node in highlights:
        by_note[ctx.node(node)["note"]].append(node)
    notes = sorted(by_note, key=lambda n: ctx.node(n)["label"])
    count = f"<p>노트의 <mark>하이라이트</mark> {len(highlights)}개</p>"
    if list(groups) == [KEYPOINTS_PAGE]:
        page = Page({"title": "시험 포인트", **NOTE_META})
        page.heading(1, "시험 포인트")
        page.html(count)
        page.heading(2, "서비스별", "by-service")
        if groups[KEYPOINTS_PAGE]:
            _service_points(ctx, page, KEYPOINTS_PAGE, groups[KEYPOINTS_PAGE], 3)
        else:
            page.html('<p class="ng-empty">서비스 이름이 들어간 하이라이트가 없습니다.</p>')
        page.heading(2, "노트별", "by-note")
        for note in notes:
            page.heading(3, esc(ctx.node(note)["label"]), None)
            page.html(_items(ctx, KEYPOINTS_PAGE, sorted(by_note[note], key=_order(ctx)), True))
        return {KEYPOINTS_PAGE: page.render()}, {"시험 포인트": KEYPOINTS_PAGE}
    pages: dict[str, str] = {}
    shelves = []
    for path, services in groups.items():
        label = page_category(ctx, path)
        total = len({n for nodes in services.values() for n in nodes})
        shelves.append((path, label, list(services), total))
        if path in skip:
            continue
        page = Page({"title": f"시험 포인트 · {label}", **NOTE_META})
        page.heading(1, esc(f"시험 포인트 · {label}"))
        page.html(f"<p>서비스 {len(services)}개, <mark>하이라이트</mark> {total}개</p>")
        _service_points(ctx, page, path, services, 2)
        pages[path] = page.render()
    index = Page({"title": "시험 포인트", **NOTE_META})
    index.heading(1, "시험 포인트")
    index.html(count)
    index.heading(2, "서비스별", "by-service")
    index.html(_shelf_list(ctx, KEYPOINTS_INDEX, shelves, "하이라이트"))
    index.heading(2, "노트별", "by-note")
    items = "".join(
        f'<li><a href="{esc(ctx.link(KEYPOINTS_INDEX, note) or "#")}">'
        f"{esc(ctx.node(note)['label'])}</a> "
        f'<span class="ng-count">하이라이트 {len(by_note[note])}개</span></li>'
        for note in notes
    )
    index.html(f'<ul class="ng-note-list">{items}</ul>')
    pages[KEYPOINTS_INDEX] = index.render()
    return pages, _nav_entry("시험 포인트", KEYPOINTS_INDEX, shelves)


def _nav_entry(
    title: str, index: str, shelves: list[tuple[str, str, list[str], int]]
) -> dict[str, Any]:
    return {title: [index, *({esc(label): path} for path, label, _, _ in shelves)]}


def keypoint_places(groups: dict[str, dict[str, list[str]]]) -> dict[str, str]:
    """Service → the docs path its key points are on."""
    return {service: path for path, services in groups.items() for service in services}


def _service_points(
    ctx: SiteContext, page: Page, path: str, services: dict[str, list[str]], level: int
) -> None:
    for service, nodes in services.items():
        page.heading(level, esc(ctx.node(service)["label"]), "svc-" + service.split(":", 1)[1])
        page.html(_items(ctx, path, nodes))


def _shelf_list(
    ctx: SiteContext, index: str, shelves: list[tuple[str, str, list[str], int]], what: str
) -> str:
    """The index of a split review page: each category's page, its count and services."""
    items = []
    for path, label, services, count in shelves:
        names = " · ".join(esc(ctx.node(s)["label"]) for s in services)
        items.append(
            f'<li><a href="{esc(ctx.link_url(index, page_url(path)))}">{esc(label)}</a> '
            f'<span class="ng-count">서비스 {len(services)}개 · {what} {count}개</span>'
            f'<br><span class="ng-services">{names}</span></li>'
        )
    return f'<ul class="ng-shelves">{"".join(items)}</ul>'


def category_pages(
    folder: str, categories: Iterable[str], labels: dict[str, str] | None = None
) -> dict[str, str]:
    """Category → ``<folder>/<slug>.md``, in the order of the categories' labels (each
    page's label put in ``labels``, if given)."""
    taken = {"index", "readme"}
    pages = {}
    for category in sorted(categories, key=lambda c: (category_label(c), c)):
        base = slug = path_slug(category).casefold()
        n = 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        pages[category] = f"{folder}/{slug}.md"
        if labels is not None:
            labels[pages[category]] = category_label(category)
    return pages


def page_category(ctx: SiteContext, path: str) -> str:
    """The category label of one of the split limits or key points pages."""
    limit_groups(ctx)
    keypoint_groups(ctx)
    return ctx.memo["category_pages"][path]  # type: ignore[no-any-return]


def _order(ctx: SiteContext):  # type: ignore[no-untyped-def]
    return lambda n: (ctx.node(n)["note"], ctx.node(n)["line"], n)


def _items(ctx: SiteContext, page: str, nodes: list[str], with_section: bool = False) -> str:
    items = []
    for node in nodes:
        attrs = ctx.node(node)
        href = ctx.link(page, node) or "#"
        context = attrs.get("context", "")
        start, end = attrs.get("start", 0), attrs.get("end", 0)
        if 0 <= start < end <= len(context):
            quote = (
                esc(context[:start])
                + f"<mark>{esc(context[start:end])}</mark>"
                + esc(context[end:])
            )
        else:
            quote = f"<mark>{esc(attrs['label'])}</mark>"
        where = (
            ctx.node(attrs["section"])["label"]
            if with_section
            else ctx.node(attrs["note"])["label"]
        )
        items.append(
            f'<li class="ng-keypoint">{quote} <a class="ng-source" href="{esc(href)}">'
            f"{esc(where)} · {attrs['line']}행</a></li>"
        )
    return f'<ul class="ng-keypoints">{"".join(items)}</ul>'


def tags_page(ctx: SiteContext) -> str:
    """Every tag, in the notes or their front matter, with the notes that carry it.

    Obsidian matches tags without regard to case (``#Lambda`` is ``#lambda``): they
    share one entry, under the anchor note bodies and tag chips link to. Drawn here
    rather than by Material's tags plugin, whose listing is filled in by a whole-site
    event on every build, so the page was converted again in every build (its
    5,000 Markdown links cost ≈ 0.4 s of each rebuild of a 5,000-note site).
    """
    page = Page({"title": "태그", **NOTE_META})
    page.heading(1, "태그")
    spellings: dict[str, dict[str, None]] = defaultdict(dict)
    carriers: dict[str, set[str]] = defaultdict(set)
    for path in sorted(ctx.notes):
        for tag in ctx.notes[path].tags:
            anchor = tag_anchor(tag.name)
            spellings[anchor][tag.name] = None
            carriers[anchor].add(path)
    if not carriers:
        page.html('<p class="ng-empty">태그가 붙은 노트가 없습니다.</p>')
        return page.render()
    page.html(f"<p>태그 {len(carriers)}개</p>")
    order = sorted(carriers, key=lambda a: (min(n.casefold() for n in spellings[a]), a))
    for anchor in order:
        names = " · ".join("#" + name for name in spellings[anchor])
        page.heading(2, esc(names), anchor)
        notes = sorted(carriers[anchor], key=lambda p: (ctx.notes[p].title.casefold(), p))
        items = "".join(
            f'<li><a href="{esc(ctx.link_url(TAGS_PAGE, ctx.paths.note_url(p)))}">'
            f"{esc(ctx.notes[p].title)}</a></li>"
            for p in notes
        )
        page.html(
            f'<p class="ng-count">노트 {len(notes)}개</p><ul class="ng-tag-notes">{items}</ul>'
        )
    return page.render()


def problems_page(ctx: SiteContext, problems: list[Diagnostic]) -> str:
    page = Page({"title": "문제", **NOTE_META})
    page.heading(1, "문제")
    page.html(
        "<p>깨진 링크, 없는 첨부 파일, 읽지 못한 노트 — 사이트 관리자를 위한 목록입니다. "
        "<code>notesgraph check</code>와 같은 내용입니다.</p>"
    )
    if not problems:
        page.html('<p class="ng-empty">문제가 없습니다.</p>')
        return page.render()
    by_code: dict[str, list[Diagnostic]] = defaultdict(list)
    for problem in problems:
        by_code[problem.code].append(problem)
    for code in sorted(by_code):
        page.heading(2, esc(f"{code} ({len(by_code[code])})"), "p-" + code)
        rows = []
        for problem in by_code[code]:
            where = f"{problem.path}:{problem.line}" if problem.line else problem.path
            rows.append(
                f"<tr><td><code>{esc(where)}</code></td><td>{esc(problem.message)}</td>"
                f"<td>{esc(problem.action)}</td></tr>"
            )
        page.html(
            '<table class="ng-problems"><thead><tr><th>위치</th><th>문제</th><th>처리</th>'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    return page.render()


def map_page(ctx: SiteContext) -> str:
    page = Page({"title": "서비스 지도", "template": "graph.html", **NOTE_META, "hide": ["toc"]})
    page.heading(1, "서비스 지도")
    page.html('<div id="ng-service-map" class="ng-map-root" data-page="map"></div>')
    return page.render()


def explorer_page(ctx: SiteContext) -> str:
    page = Page(
        {
            "title": "복습 탐색기",
            "template": "explorer.html",
            **NOTE_META,
            "hide": ["toc", "navigation"],
        }
    )
    page.heading(1, "복습 탐색기")
    page.html('<div id="ng-explorer" class="ng-explorer-root" data-page="explorer"></div>')
    return page.render()


__all__ = ["EXPLORER_PAGE", "MAP_PAGE", "PROBLEMS_PAGE", "TAGS_PAGE"]

"""Review pages: every limit, every key point, tags, problems; map and explorer shells."""

from __future__ import annotations

from collections import defaultdict

from ..model import Diagnostic
from .body import tag_anchor
from .conceptpages import limits_table
from .context import (
    EXPLORER_PAGE,
    KEYPOINTS_PAGE,
    LIMITS_PAGE,
    MAP_PAGE,
    PROBLEMS_PAGE,
    TAGS_PAGE,
    SiteContext,
)
from .markup import Page, esc
from .notepages import NOTE_META


def limits_page(ctx: SiteContext) -> str:
    page = Page({"title": "한도 모음", **NOTE_META})
    page.heading(1, "한도 모음")
    limits = ctx.nodes_of("limit")
    page.html(
        f"<p>서비스 {len({ctx.node(n)['service'] for n in limits})}개의 한도 {len(limits)}개. "
        "열 제목을 누르면 정렬됩니다 (값은 같은 단위끼리 크기순).</p>"
    )
    ordered = sorted(
        limits,
        key=lambda n: (
            ctx.node(ctx.node(n)["owner"])["label"].casefold(),
            ctx.node(n)["note"],
            ctx.node(n)["line"],
            n,
        ),
    )
    page.html(limits_table(ctx, LIMITS_PAGE, ordered, True))
    return page.render()


def keypoints_page(ctx: SiteContext) -> str:
    """Every ==highlight==, by service and by note: the exam-review page."""
    page = Page({"title": "시험 포인트", **NOTE_META})
    page.heading(1, "시험 포인트")
    highlights = ctx.nodes_of("highlight")
    page.html(f"<p>노트의 <mark>하이라이트</mark> {len(highlights)}개</p>")

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
    page.heading(2, "서비스별", "by-service")
    if by_service:
        for service in sorted(by_service, key=lambda s: ctx.node(s)["label"].casefold()):
            page.heading(3, esc(ctx.node(service)["label"]), "svc-" + service.split(":", 1)[1])
            page.html(_items(ctx, sorted(by_service[service], key=_order(ctx))))
    else:
        page.html('<p class="ng-empty">서비스 이름이 들어간 하이라이트가 없습니다.</p>')

    page.heading(2, "노트별", "by-note")
    by_note: dict[str, list[str]] = defaultdict(list)
    for node in highlights:
        by_note[ctx.node(node)["note"]].append(node)
    for note in sorted(by_note, key=lambda n: ctx.node(n)["label"]):
        page.heading(3, esc(ctx.node(note)["label"]), None)
        page.html(_items(ctx, sorted(by_note[note], key=_order(ctx)), with_section=True))
    return page.render()


def _order(ctx: SiteContext):  # type: ignore[no-untyped-def]
    return lambda n: (ctx.node(n)["note"], ctx.node(n)["line"], n)


def _items(ctx: SiteContext, nodes: list[str], with_section: bool = False) -> str:
    items = []
    for node in nodes:
        attrs = ctx.node(node)
        href = ctx.link(KEYPOINTS_PAGE, node) or "#"
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

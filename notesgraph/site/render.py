"""Render the whole site as data: every generated page, data file and file to copy, and the nav.

Pure: reads the vault's parse, the concepts and the graph; writes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from ..jsontext import compact
from ..model import Diagnostic
from .conceptpages import (
    compare_index,
    comparison_groups,
    comparison_page_text,
    comparison_shelves,
    service_page_text,
    services_index,
)
from .context import (
    COMPARE_INDEX,
    EXPLORER_PAGE,
    KEYPOINTS_PAGE,
    LIMITS_PAGE,
    MAP_PAGE,
    NOTES_INDEX,
    PROBLEMS_PAGE,
    SERVICES_INDEX,
    TAGS_PAGE,
    SiteContext,
)
from .labels import category_label
from .mapdata import map_files, review_files, vendor_files
from .markup import esc
from .notepages import note_page, notes_index
from .pagesigs import Signatures
from .reviewpages import (
    explorer_page,
    keypoint_groups,
    keypoints_pages,
    limit_groups,
    limits_pages,
    map_page,
    problems_page,
    tags_page,
)
from .urls import service_page
from .writer import Record

HOME = "index.md"
NOTES_TREE = "assets/generated/notes-tree.json"


@dataclass
class SiteFiles:
    pages: dict[str, str] = field(default_factory=dict)  # docs path → Markdown
    data: dict[str, str] = field(default_factory=dict)  # docs path → JSON or other text
    copies: dict[str, Path] = field(default_factory=dict)  # docs path → file to copy
    nav: list[Any] = field(default_factory=list)
    #: Pages not rendered: their files in docs/ are what rendering would write.
    kept: set[str] = field(default_factory=set)
    #: Signature and problems of each page that has a signature, kept or rendered.
    records: dict[str, Record] = field(default_factory=dict)

    def texts(self) -> dict[str, str]:
        return {**self.pages, **self.data}


@dataclass
class Reuse:
    """What lets a build keep pages an earlier one wrote: this build's signatures and
    the records of the pages in docs/ (see :mod:`.pagesigs`)."""

    signatures: Signatures
    recorded: dict[str, Record]


def render_site(
    ctx: SiteContext,
    problems: list[Diagnostic],
    attachments: dict[str, Path],
    home_exists: bool,
    reuse: Reuse | None = None,
) -> SiteFiles:
    files = SiteFiles()
    groups = prepare(ctx)
    files.copies.update(vendor_files())
    sigs = reuse.signatures if reuse else None

    def keep(docs_path: str, signature: str | None) -> bool:
        """Keep the page's file if its signature is the recorded one (and report the
        problems its rendering reported again); else note the signature for later."""
        record = reuse.recorded.get(docs_path) if reuse and signature else None
        if record is not None and record[0] == signature:
            files.kept.add(docs_path)
            ctx.problems.extend(record[1])
            files.records[docs_path] = record
            return True
        if signature is not None:
            files.records[docs_path] = (signature, [])
        return False

    def render_or_keep(docs_path: str, signature: str | None, render: Callable[[], str]) -> None:
        """Render the page unless it is kept; record the problems its rendering reports."""
        if keep(docs_path, signature):
            return
        start = len(ctx.problems)
        files.pages[docs_path] = render()
        if signature is not None:
            files.records[docs_path] = (signature, ctx.problems[start:])

    for path in ctx.notes:
        render_or_keep(
            ctx.paths.notes[path],
            sigs.note(path) if sigs else None,
            partial(note_page, ctx, path),
        )
    for node in ctx.nodes_of("service"):
        render_or_keep(
            service_page(node.split(":", 1)[1]),
            sigs.service(node) if sigs else None,
            partial(service_page_text, ctx, node),
        )
    for page, nodes in groups.items():
        render_or_keep(
            page,
            sigs.comparison(page, nodes) if sigs else None,
            partial(comparison_page_text, ctx, page, nodes),
        )
    files.pages[NOTES_INDEX] = notes_index(ctx)
    files.pages[SERVICES_INDEX] = services_index(ctx)
    files.pages[COMPARE_INDEX] = compare_index(ctx, groups)
    # A split review page's category pages (the index is made each time).
    limits = limit_groups(ctx)
    keypoints = keypoint_groups(ctx)
    kept = {
        path
        for path, nodes in [
            *((p, n) for p, n in limits.items() if p != LIMITS_PAGE),
            *(
                (p, [n for service, hs in by_service.items() for n in (service, *hs)])
                for p, by_service in keypoints.items()
                if p != KEYPOINTS_PAGE
            ),
        ]
        if keep(path, sigs.nodes(path, nodes) if sigs else None)
    }
    limit_pages, limits_nav = limits_pages(ctx, limits, skip=kept)
    keypoint_pages, keypoints_nav = keypoints_pages(ctx, keypoints, skip=kept)
    files.pages.update(limit_pages)
    files.pages.update(keypoint_pages)
    files.pages[TAGS_PAGE] = tags_page(ctx)
    files.pages[MAP_PAGE] = map_page(ctx)
    files.pages[EXPLORER_PAGE] = explorer_page(ctx)
    files.pages[PROBLEMS_PAGE] = problems_page(
        ctx, sorted(problems + ctx.problems, key=Diagnostic.sort_key)
    )
    if not home_exists:
        files.pages[HOME] = default_home(ctx, _first_page(keypoints_nav), _first_page(limits_nav))
    for source, target in ctx.paths.attachments.items():
        if source in attachments:
            files.copies[target] = attachments[source]
    files.data[NOTES_TREE] = notes_tree(ctx)
    files.nav = build_nav(ctx, groups, [keypoints_nav, limits_nav])
    return files


def prepare(ctx: SiteContext) -> dict[str, list[str]]:
    """Settle what every renderer needs to know first: which page each comparison is on
    (worked out once per context)."""
    if ctx.comparison_groups is None:
        groups = ctx.comparison_groups = comparison_groups(ctx)
        ctx.comparison_pages = {node: page for page, nodes in groups.items() for node in nodes}
    return ctx.comparison_groups


def map_data(ctx: SiteContext, review: bool = True) -> dict[str, str]:
    """The JSON the maps, the explorer, the flashcards and the fit check read (but
    the flashcards' and fit check's, :func:`review_data`, unless ``review``).

    Independent of the pages, so the pipeline computes it in the background.
    """
    prepare(ctx)
    return map_files(ctx, review)


def review_data(ctx: SiteContext) -> dict[str, str]:
    """The flashcards' and the fit check's JSON."""
    prepare(ctx)
    return review_files(ctx)


def _first_page(entry: dict[str, Any]) -> str:
    """The page a navigation entry opens: the page, or a section's first (its index)."""
    target = next(iter(entry.values()))
    return target if isinstance(target, str) else str(target[0])


def default_home(ctx: SiteContext, keypoints: str, limits: str) -> str:
    """The home page when the docs have none (``keypoints``, ``limits``: where those
    review pages start)."""
    from .markup import Page

    page = Page({"title": "홈"})
    page.heading(1, "공부 노트")
    page.markdown(
        f"노트 {len(ctx.notes)}개, 서비스 {len(ctx.nodes_of('service'))}개, "
        f"한도 {len(ctx.nodes_of('limit'))}개.\n\n"
        "- [노트](notes/index.md)\n- [서비스](services/index.md)\n- [비교](compare/index.md)\n"
        f"- [시험 포인트]({keypoints})\n- [한도 모음]({limits})\n- [서비스 지도](map.md)\n"
        "- [복습 탐색기](explorer.md)"
    )
    return page.render()


def notes_tree(ctx: SiteContext) -> str:
    """The vault's folders and published notes as nested JSON, for the sidebar tree.

    ``{"n": name, "d": [subfolders], "f": [[title, url], ...]}``; URLs are site-root relative.
    """
    root: dict[str, Any] = {"n": "", "d": {}, "f": []}
    for path in sorted(ctx.notes):
        node = root
        for folder in path.split("/")[:-1]:
            node = node["d"].setdefault(folder, {"n": folder, "d": {}, "f": []})
        node["f"].append([ctx.notes[path].title, ctx.paths.note_url(path)])

    def pack(node: dict[str, Any]) -> dict[str, Any]:
        return {
            "n": node["n"],
            "d": [pack(node["d"][k]) for k in sorted(node["d"])],
            "f": sorted(node["f"], key=lambda f: f[0].casefold()),
        }

    return compact(pack(root)) + "\n"


def build_nav(
    ctx: SiteContext, groups: dict[str, list[str]], review: list[dict[str, Any]]
) -> list[Any]:
    """The navigation; ``review`` holds the key points' and limits' entries (a page,
    or a section of category pages when they are split)."""
    by_category: dict[str, list[str]] = defaultdict(list)
    for node in ctx.nodes_of("service"):
        by_category[ctx.node(node).get("category", "other")].append(node)
    services: list[Any] = [SERVICES_INDEX]
    for category in sorted(by_category, key=category_label):
        members = sorted(by_category[category], key=lambda n: ctx.node(n)["label"].casefold())
        services.append(
            {
                esc(category_label(category)): [
                    {esc(ctx.node(n)["label"]): service_page(n.split(":", 1)[1])} for n in members
                ]
            }
        )
    compare: list[Any] = [COMPARE_INDEX]
    for category, shelves in comparison_shelves(ctx, groups):
        entries: list[Any] = []
        for lead, pages in shelves:
            items = [{esc(title): page} for page, title in pages]
            if lead is None:
                entries.extend(items)
            else:
                entries.append({esc(ctx.node(lead)["label"]): items})
        compare.append({esc(category_label(category)): entries})
    return [
        {"홈": HOME},
        {"노트": [NOTES_INDEX]},
        {"서비스": services},
        {"비교": compare},
        {
            "복습": [
                *review,
                {"서비스 지도": MAP_PAGE},
                {"복습 탐색기": EXPLORER_PAGE},
                {"태그": TAGS_PAGE},
            ]
        },
        {"문제": PROBLEMS_PAGE},
    ]

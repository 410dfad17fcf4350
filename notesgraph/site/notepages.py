"""Note pages (faithful to Obsidian, plus backlinks and services) and the notes index."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Sequence

from ..graph import schema as ids
from ..model import Tag
from .body import tag_anchor
from .context import NOTES_INDEX, SiteContext
from .markup import Page, esc

NOTE_META = {"search": {"exclude": True}}


def _chip(href: str | None, text: str, css: str = "ng-chip") -> str:
    if href is None:
        return f'<span class="{css}">{esc(text)}</span>'
    return f'<a class="{css}" href="{esc(href)}">{esc(text)}</a>'


def _tag_chips(ctx: SiteContext, docs_path: str, tags: Sequence[Tag]) -> list[list[str]]:
    """``[name, href]`` for each of a note's tags (one per tag, ignoring case), for the
    chips above the page (site_overrides/partials/tags.html); both HTML-escaped."""
    chips: dict[str, list[str]] = {}
    for name in sorted({t.name for t in tags}, key=lambda n: (n.casefold(), n)):
        anchor = tag_anchor(name)
        if anchor not in chips:
            chips[anchor] = [esc(name), esc(ctx.link(docs_path, ids.tag_id(name)) or "")]
    return list(chips.values())


def _same_text(heading_html: str, title: str) -> bool:
    text = re.sub(r"<[^>]+>", "", heading_html)
    return " ".join(html.unescape(text).casefold().split()) == " ".join(title.casefold().split())


def note_page(ctx: SiteContext, path: str) -> str:
    note = ctx.notes[path]
    docs_path = ctx.paths.notes[path]
    page_url_ = ctx.paths.note_url(path)
    page_data: dict[str, object] = {"node": ids.note_id(path)}
    tag_chips = _tag_chips(ctx, docs_path, note.tags)
    if tag_chips:
        page_data["tags"] = tag_chips
    page = Page(
        {"title": note.title, "template": "note.html", **NOTE_META, "notesgraph": page_data}
    )
    segments = ctx.body.segments(path, page_url_)
    h1 = [seg for seg in segments if seg.kind == "heading" and seg.level == 1]
    first = segments[0] if segments else None
    opens_with_title = (
        first is not None
        and first.kind == "heading"
        and first.level == 1
        and _same_text(first.html, note.title)
    )
    # A note that opens with "# <its title>" keeps its headings as written; a note
    # with several top-level headings (lecture notes) gets the title above them.
    shift = 0 if opens_with_title and len(h1) == 1 else 1
    if opens_with_title and first is not None:
        page.heading(1, first.html, first.anchor)
        segments = segments[1:]
    else:
        page.heading(1, esc(note.title))
    meta = [f'<span class="ng-path" title="vault 경로">{esc(path)}</span>']
    lectures = [h for h in note.headings if h.lecture is not None]
    if lectures:
        meta.append(
            f'<span class="ng-lectures">강의 {esc(", ".join(str(h.lecture) for h in lectures))}</span>'
        )
    if note.aliases:
        meta.append(f'<span class="ng-aliases">별칭: {esc(", ".join(note.aliases))}</span>')
    page.html(f'<p class="ng-note-meta">{" · ".join(meta)}</p>')

    for segment in segments:
        if segment.kind == "heading":
            page.heading(min(segment.level + shift, 6), segment.html, segment.anchor)
        else:
            page.html(f'<div class="ng-note-body">\n{segment.html}</div>')

    services = sorted(
        (
            (v, d.get("count", 1))
            for v, d in ctx.out_edges(ids.note_id(path), ["mentions"])
            if ctx.node(v)["kind"] in ("service", "feature")
        ),
        key=lambda item: (-item[1], ctx.node(item[0])["label"]),
    )
    if services:
        page.heading(2, "언급된 서비스", "ng-services")
        chips = "".join(
            _chip(ctx.link(docs_path, node), f"{ctx.node(node)['label']} {count}")
            for node, count in services
        )
        page.html(f'<div class="ng-chips">{chips}</div>')

    backlinks = ctx.backlinks.get(path, [])
    page.heading(2, "이 노트를 링크한 노트", "ng-backlinks")
    if backlinks:
        items = []
        for link in backlinks:
            href = ctx.link_url(docs_path, ctx.paths.note_url(link.source))
            title = ctx.notes[link.source].title
            items.append(
                f'<li><a href="{esc(href)}">{esc(title)}</a>'
                f'<span class="ng-context">{esc(link.text)}</span></li>'
            )
        page.html(f'<ul class="ng-backlinks">{"".join(items)}</ul>')
    else:
        page.html('<p class="ng-empty">아직 이 노트를 링크한 노트가 없습니다.</p>')

    page.heading(2, "노트 지도", "ng-map")
    page.html(
        f'<div class="ng-local-map" data-node="{esc(ids.note_id(path))}" '
        f'data-depth="1" aria-label="이 노트의 링크와 서비스 지도"></div>'
    )
    return page.render()


def notes_index(ctx: SiteContext) -> str:
    """All published notes by folder, with their lectures."""
    page = Page({"title": "노트", **NOTE_META})
    page.heading(1, "노트")
    folders: dict[str, list[str]] = defaultdict(list)
    for path in sorted(ctx.notes):
        folders[path.rpartition("/")[0]].append(path)
    page.html(f"<p>노트 {len(ctx.notes)}개 · 폴더 {len(folders)}개</p>")
    for folder in sorted(folders):
        page.heading(2, esc(folder or "(vault 최상위)"), None)
        items = []
        for path in folders[folder]:
            note = ctx.notes[path]
            href = ctx.link_url(NOTES_INDEX, ctx.paths.note_url(path))
            lectures = [str(h.lecture) for h in note.headings if h.lecture is not None]
            extra = (
                f' <span class="ng-lectures">강의 {esc(", ".join(lectures))}</span>'
                if lectures
                else ""
            )
            items.append(f'<li><a href="{esc(href)}">{esc(note.title)}</a>{extra}</li>')
        page.html(f'<ul class="ng-note-list">{"".join(items)}</ul>')
    return page.render()

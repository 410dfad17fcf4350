"""Fill a note's rendered HTML: link targets, embeds (transclusion, images, placeholders), tags.

The parser left placeholders where a link's href or an embed's content goes;
here they become real relative URLs for the page being written. A link to a
missing or private note becomes plain text; an embedded note is transcluded
(cycle-safe); a missing screenshot becomes a visible placeholder naming the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pymdownx.slugs import slugify as pymdownx_slugify

from ..check import is_attachment_name
from ..model import Diagnostic, Link, Note, Segment
from ..resolve import Resolution
from .markup import esc
from .urls import PagePaths, relative

_ANCHOR = re.compile('<a (class="ng-wikilink" )?href="\x00L(\\d+)\x00"([^>]*)>(.*?)</a>', re.S)
_EMBED = re.compile("\x00E(\\d+)\x00")
_TAG = re.compile("\x00T([^\x00]*)\x00")
_TAG_SLUG = pymdownx_slugify(case="lower")

IMAGE_EXTENSIONS = frozenset(["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "avif", "ico"])
AUDIO_EXTENSIONS = frozenset(["mp3", "wav", "m4a", "ogg", "flac", "3gp"])
VIDEO_EXTENSIONS = frozenset(["mp4", "webm", "mov", "mkv", "ogv"])
MAX_EMBED_DEPTH = 4


def tag_anchor(name: str) -> str:
    """A tag's anchor on the tags page (``tag:<slug>``, the form Material's tags plugin used)."""
    return "tag:" + _TAG_SLUG(name, "-")


@dataclass
class BodyContext:
    """What filling placeholders needs to know about the whole site."""

    notes: dict[str, Note]
    resolutions: dict[str, tuple[Resolution, ...]]
    published: frozenset[str]
    paths: PagePaths
    tags_url: str
    service_url: Callable[[str], str | None]  # a wikilink target naming a service → its page
    problems: list[Diagnostic] = field(default_factory=list)


class BodyRenderer:
    def __init__(self, ctx: BodyContext) -> None:
        self.ctx = ctx

    # -- public -------------------------------------------------------------------

    def segments(self, path: str, page_url: str) -> list[Segment]:
        """The note's body segments with every placeholder filled for ``page_url``."""
        note = self.ctx.notes[path]
        return [
            Segment(s.kind, self.fill(note, s.html, page_url, (path,)), s.level, s.anchor)
            for s in note.body
        ]

    def fill(self, note: Note, html: str, page_url: str, stack: tuple[str, ...]) -> str:
        if "\x00" not in html:
            return html
        html = _ANCHOR.sub(lambda m: self._anchor(note, m, page_url), html)
        html = _EMBED.sub(lambda m: self._embed(note, int(m.group(1)), page_url, stack), html)
        return _TAG.sub(
            lambda m: esc(relative(page_url, self.ctx.tags_url + "#" + tag_anchor(m.group(1)))),
            html,
        )

    # -- links ----------------------------------------------------------------------

    def link_href(self, note: Note, index: int, page_url: str) -> str | None:
        """Where link ``index`` of ``note`` goes from ``page_url``; None if nowhere to go."""
        link = note.links[index]
        resolution = self.ctx.resolutions[note.path][index]
        if resolution.kind == "note" and resolution.path:
            if resolution.path not in self.ctx.published:
                return None
            target = self.ctx.paths.note_url(resolution.path)
            if resolution.anchor:
                target += "#" + resolution.anchor
            return relative(page_url, target)
        if resolution.kind == "attachment" and resolution.path:
            return relative(page_url, self.ctx.paths.attachment_url(resolution.path))
        if resolution.status == "missing" and link.kind == "wikilink":
            service_page = self.ctx.service_url(link.target)
            if service_page:
                return relative(page_url, service_page)
        return None

    def _anchor(self, note: Note, match: re.Match[str], page_url: str) -> str:
        index = int(match.group(2))
        text = match.group(4)
        href = self.link_href(note, index, page_url)
        css = "ng-wikilink" if match.group(1) else "ng-link"
        if href is None:
            title = esc(note.links[index].target or note.links[index].raw)
            return f'<span class="ng-unresolved" title="{title}">{text}</span>'
        resolution = self.ctx.resolutions[note.path][index]
        if resolution.kind == "none":
            css += " ng-service-link"
        return f'<a class="{css}" href="{esc(href)}"{match.group(3)}>{text}</a>'

    # -- embeds ---------------------------------------------------------------------

    def _embed(self, note: Note, index: int, page_url: str, stack: tuple[str, ...]) -> str:
        link = note.links[index]
        resolution = self.ctx.resolutions[note.path][index]
        if resolution.kind == "attachment" and resolution.path:
            return self._file(link, resolution.path, page_url)
        if resolution.kind == "note" and resolution.path:
            if resolution.path not in self.ctx.published:
                return f'<span class="ng-unresolved">{esc(link.alias or link.target)}</span>'
            return self._transclude(note, link, resolution, page_url, stack)
        if resolution.status == "refused":
            return f'<span class="ng-unresolved">{esc(link.raw)}</span>'
        label = "파일 없음" if is_attachment_name(link.target) else "노트 없음"
        icon = "🖼️" if _extension(link.target) in IMAGE_EXTENSIONS else "📄"
        return (
            f'<span class="ng-missing-embed" role="img" aria-label="{label}: {esc(link.target)}">'
            f'<span class="ng-missing-icon" aria-hidden="true">{icon}</span> '
            f'<span class="ng-missing-label">{label}</span> '
            f'<span class="ng-missing-name">{esc(link.target)}</span></span>'
        )

    def _file(self, link: Link, path: str, page_url: str) -> str:
        src = esc(relative(page_url, self.ctx.paths.attachment_url(path)))
        name = esc(path.rsplit("/", 1)[-1])
        ext = _extension(path)
        if ext in IMAGE_EXTENSIONS:
            size = ""
            if link.width:
                size += f' width="{link.width}"'
            if link.height:
                size += f' height="{link.height}"'
            alt = esc(link.alias or path.rsplit("/", 1)[-1])
            return f'<img class="ng-embed-image" src="{src}" alt="{alt}"{size} loading="lazy">'
        if ext in AUDIO_EXTENSIONS:
            return f'<audio class="ng-embed-audio" controls preload="none" src="{src}"></audio>'
        if ext in VIDEO_EXTENSIONS:
            return f'<video class="ng-embed-video" controls preload="none" src="{src}"></video>'
        return f'<a class="ng-embed-file" href="{src}">📎 {name}</a>'

    def _transclude(
        self, note: Note, link: Link, resolution: Resolution, page_url: str, stack: tuple[str, ...]
    ) -> str:
        target_path = resolution.path or ""
        target = self.ctx.notes[target_path]
        title = target.title + (f" › {link.heading}" if link.heading else "")
        if link.block:
            title = target.title + f" › ^{link.block}"
        if target_path in stack or len(stack) > MAX_EMBED_DEPTH:
            self.ctx.problems.append(
                Diagnostic(
                    note.path,
                    link.line,
                    "embed-cycle",
                    f'embedding "{link.target}" would repeat itself',
                    "shown as a link instead",
                )
            )
            href = esc(relative(page_url, self.ctx.paths.note_url(target_path)))
            return f'<div class="ng-embed ng-embed-cycle"><a href="{href}">↻ {esc(title)}</a></div>'
        inner = self._embedded_html(target, resolution)
        body = self.fill(target, inner, page_url, (*stack, target_path))
        url = self.ctx.paths.note_url(target_path) + (
            "#" + resolution.anchor if resolution.anchor else ""
        )
        href = esc(relative(page_url, url))
        return (
            f'<div class="ng-embed" data-embed="{esc(target_path)}">'
            f'<div class="ng-embed-title"><a href="{href}">{esc(title)}</a></div>'
            f'<div class="ng-embed-body">\n{body}</div></div>\n'
        )

    def _embedded_html(self, target: Note, resolution: Resolution) -> str:
        """The part of ``target`` an embed shows: a block, a section, or the whole note."""
        anchor = resolution.anchor
        if anchor and anchor.startswith("^"):
            return target.block_html.get(anchor[1:], "")
        segments = list(target.body)
        if anchor:
            start = next(
                (i for i, s in enumerate(segments) if s.kind == "heading" and s.anchor == anchor),
                None,
            )
            if start is not None:
                level = segments[start].level
                end = next(
                    (
                        i
                        for i in range(start + 1, len(segments))
                        if segments[i].kind == "heading" and segments[i].level <= level
                    ),
                    len(segments),
                )
                segments = segments[start:end]
        return "".join(
            f"<h{s.level}>{s.html}</h{s.level}>\n" if s.kind == "heading" else s.html
            for s in segments
        )


def _extension(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[1].lower() if "." in base else ""

"""MkDocs' build, with the page templates rendered by forked workers.

Rendering each page through Material's templates is most of a MkDocs build and
is independent per page, so after MkDocs has read every page and run every
plugin's whole-site events in this process, the template step is shared out
among ``fork()``ed workers (each inherits the loaded config, navigation and
Jinja environment). Everything else runs exactly as ``mkdocs.commands.build``
runs it. Where ``fork`` is missing, or the site is small, it is the plain build.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
from collections.abc import Callable, Sequence
from contextlib import suppress
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..mdext import BLOCK_END, BLOCK_START
from .pagecache import PageCache

#: Below this many pages, forking costs more than it saves.
FORK_THRESHOLD = 200
#: Fewer pages than this to render (an incremental build): rendered here, since forking
#: a process that holds a large vault's notes and graph costs more (2 s at 5,000 notes).
FORK_MIN_PAGES = 32

log = logging.getLogger("mkdocs.notesgraph")


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def build_with_workers(
    config: Any,
    dirty: bool,
    workers: int,
    messages: list[str],
    pages_cache: PageCache | None = None,
) -> None:
    """``mkdocs.commands.build.build(config, dirty=dirty)`` with parallel page rendering.

    ``messages`` is the list the caller's warning handler fills; workers' warnings
    are appended to it too. With ``pages_cache``, pages rendered by an earlier
    build from the same Markdown in the same site are reused (large sites only:
    MkDocs' own anchor check, run on small sites, needs every page converted).
    """
    from mkdocs.commands import build as mk
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils import clean_directory

    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        if not dirty:
            clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        if pages_cache is not None:
            env.bytecode_cache = template_cache(pages_cache.folder.parent)
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        pages = []
        for file in files.documentation_pages():
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            pages.append(file.page)
        forking = workers > 1 and hasattr(os, "fork") and len(pages) >= FORK_THRESHOLD
        # Reading pages and the plugins' Markdown events run here for every page, also
        # in an incremental (dirty) build: plugins such as tags collect across pages,
        # and MkDocs' own dirty build, which skips them, writes a tags export and
        # search index of the changed pages only. Converting Markdown to HTML, the
        # expensive part, runs in the workers (or here, for a small site), and only for
        # changed pages, except for pages a whole-site event or the search index needs.
        here_ids = {id(page) for page in pages if _read_page(page, config, files)}
        in_nav = {id(page) for page in nav.pages}
        if pages_cache is not None:
            pages_cache.outside_nav(nav_skeleton(nav))
        for page in pages:
            if id(page) in here_ids or (not forking and (not dirty or page.file.is_modified())):
                _convert_page(page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(dirty=dirty)
        for template in config.theme.static_templates:
            mk._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            mk._build_extra_template(template, files, config, nav)
        doc_files = files.documentation_pages()
        todo = [
            f for f in doc_files if not dirty or f.page.file.is_modified() or id(f.page) in here_ids
        ]
        cache = pages_cache if forking else None
        # Pages rendered here (search index, tag listings) are not cached. A full build
        # knows every key (to drop the rest from the cache); a dirty one works them
        # out for the changed pages only.
        keys = (
            {id(f): _cache_key(cache, f, in_nav) for f in doc_files if id(f.page) not in here_ids}
            if cache and not dirty
            else {}
        )

        def render(file: Any) -> None:
            key = None
            if cache is not None and id(file.page) not in here_ids:
                key = keys.get(id(file)) or _cache_key(cache, file, in_nav)
            if cache is not None and key is not None:
                replayed = cache.fetch(key, file.page.file.abs_dest_path)
                if replayed is not None:
                    messages.extend(replayed)
                    return
            start = len(messages)
            if file.page.content is None and file.page.markdown is not None:
                _convert_page(file.page, config, files)
            mk._build_page(
                file.page, config, doc_files, nav, env, False, excluded=file.inclusion.is_excluded()
            )
            if cache is not None and key is not None:
                cache.store(key, file.page.file.abs_dest_path, messages[start:])

        here = [f for f in todo if id(f.page) in here_ids]
        rest = [f for f in todo if id(f.page) not in here_ids]
        share = workers if forking and len(rest) >= FORK_MIN_PAGES else 1
        fork_map(render, rest, share, messages)
        for file in here:
            render(file)
        if not forking:
            # Converted pages are all here only without workers; notesgraph's own link
            # check covers the generated pages either way.
            for file in doc_files:
                file.page.validate_anchor_links(
                    files=files, log_level=config.validation.links.anchors
                )
        if cache is not None and not dirty:
            cache.keep_only(k for k in keys.values() if k is not None)
        config.plugins.on_post_build(config=config)
    except Exception as error:
        config.plugins.on_build_error(error=error)
        raise


_LISTING = "<!-- material/tags"


def template_cache(directory: Path) -> Any:
    """Compiled theme templates kept between builds, under ``<cache>/templates``.

    Jinja compiles Material's 50-odd templates in every new process (0.2 s of
    each ``notesgraph build``); its file cache keeps the compiled code, checked
    against each template's source and Jinja's own version when loaded. A cache
    that cannot be read or written (a full disk, a read-only folder) only costs
    the compiling: None, or the template is compiled as if nothing were cached.
    """
    from jinja2 import FileSystemBytecodeCache

    class Forgiving(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            with suppress(OSError):
                super().load_bytecode(bucket)

        def dump_bytecode(self, bucket: Any) -> None:
            with suppress(OSError):
                super().dump_bytecode(bucket)

    folder = directory / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return Forgiving(str(folder))


def _cache_key(cache: PageCache, file: Any, in_nav: set[int]) -> str | None:
    """The page's cache key; None for drafts and pages that were not read."""
    page = file.page
    if page is None or page.markdown is None or file.inclusion.is_excluded():
        return None
    return cache.key(file.src_uri, page.markdown, id(page) in in_nav)


def nav_skeleton(nav: Any) -> list[Any]:
    """What a page outside the navigation shows of it: Material's tabs (each top-level
    item's title and the address and icon of the page its tab opens) and the home
    page's address. Its sidebar is notesgraph's own (site_overrides/note.html)."""
    tabs = []
    for item in nav.items:
        first = item
        while getattr(first, "children", None):
            first = first.children[0]
        meta = getattr(first, "meta", None) or {}
        tabs.append([item.title, getattr(first, "url", None), meta.get("icon")])
    home = nav.homepage.url if nav.homepage is not None else None
    return [tabs, home]


def _needed_here(page: Any) -> bool:
    """Pages converted in this process: tag listings (filled by a whole-site event)
    and pages Material's search indexes (its index is written here)."""
    search = page.meta.get("search") if isinstance(page.meta, dict) else None
    excluded = isinstance(search, dict) and search.get("exclude")
    return _LISTING in (page.markdown or "") or not excluded


def _read_page(page: Any, config: Any, files: Any) -> bool:
    """The first half of MkDocs' ``_populate_page``: read the source, run Markdown events.

    Returns whether the page must be converted in this process (see ``_needed_here``),
    judged on its source before plugins rewrite it.
    """
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        _read_source(page, config)
        here = _needed_here(page)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        return here
    finally:
        config._current_page = None


def _read_source(page: Any, config: Any) -> None:
    """``Page.read_source``, reading notesgraph's front matter (one line of JSON, see
    ``markup.Page.render``) as the JSON it is: PyYAML took 0.1 s per 1,000 pages of every
    build. Any other source, and any failure, goes MkDocs' way."""
    from mkdocs.utils.meta import get_data

    source = config.plugins.on_page_read_source(page=page, config=config)
    if source is None:
        try:
            source = page.file.content_string
        except (OSError, ValueError):
            page.read_source(config)  # MkDocs says what went wrong, and raises
            return
    page.markdown, page.meta = json_front_matter(source) or get_data(source)


def json_front_matter(source: str) -> tuple[str, dict[str, Any]] | None:
    """``(markdown, meta)`` of a page whose front matter is one line holding a JSON
    object, as MkDocs would read it; None for any other page."""
    if not source.startswith("---\n{"):
        return None
    end = source.find("\n---\n", 4)
    line = source[4:end]
    if end < 0 or "\n" in line or not line.endswith("}"):
        return None
    try:
        meta = json.loads(line)
    except ValueError:
        return None
    if not isinstance(meta, dict):
        return None
    return source[end + 5 :].lstrip("\n"), meta


def _convert_page(page: Any, config: Any, files: Any) -> None:
    """The second half: Markdown to HTML, then the content events."""
    config._current_page = page
    try:
        if not direct_render(page, config):
            page.render(config, files)
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files
        )
    finally:
        config._current_page = None


def fork_map(
    work: Callable[[Any], None], items: Sequence[Any], workers: int, messages: list[str]
) -> None:
    """Run ``work`` on every item, shared among ``workers`` processes (this one included)."""
    if workers <= 1 or not hasattr(os, "fork") or len(items) < 2:
        for item in items:
            work(item)
        return
    shares = [items[i::workers] for i in range(workers)]
    children: list[tuple[int, int]] = []
    for share in shares[1:]:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: render its share, report warnings, leave at once
            os.close(read_end)
            _child(work, share, write_end, messages)
        os.close(write_end)
        children.append((pid, read_end))
    failure: str | None = None
    try:
        for item in shares[0]:
            work(item)
    except Exception as error:
        failure = f"{type(error).__name__}: {error}"
    for pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            report = pipe.read()
        _, status = os.waitpid(pid, 0)
        try:
            data = json.loads(report.decode("utf-8") or "{}")
        except ValueError:
            data = {}
        messages.extend(data.get("warnings", []))
        if status != 0 and failure is None:
            failure = data.get("error") or f"a page worker stopped (status {status})"
    if failure:
        raise RuntimeError(failure)


def _child(
    work: Callable[[Any], None], share: Sequence[Any], write_end: int, messages: list[str]
) -> None:
    start = len(messages)
    status, error = 0, None
    try:
        for item in share:
            work(item)
    except BaseException as problem:  # noqa: BLE001 - reported to the parent, never raised here
        status, error = 1, f"{type(problem).__name__}: {problem}"
    try:
        payload = json.dumps({"warnings": messages[start:], "error": error}).encode("utf-8")
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    finally:
        os._exit(status)


#: The Markdown setup the direct rendering reproduces (notesgraph's mkdocs.yml; MkDocs
#: adds toc, tables and fenced_code to every configuration).
_DIRECT_EXTENSIONS = frozenset({"notesgraph.mdext", "attr_list", "toc", "tables", "fenced_code"})
_DIRECT_CONFIGS = {"toc": {"permalink": True}}
#: A heading as notesgraph writes one: level, plain text, optional ``{ #anchor }``.
_HEADING = re.compile(r"(#{1,6}) ([^\n]*?)(?: \{ #([^ {}]+) \})?")
#: Text Python-Markdown would do something with in a heading (inline syntax, entities,
#: HTML, attribute lists): such a page goes through Python-Markdown.
_MARKUP = re.compile(r"[\\`*_\[\]<>&!{}~=^#|]|\s$|^\s")


def direct_render(page: Any, config: Any) -> bool:
    """``Page.render`` for a page notesgraph generated (headings and its HTML blocks), done
    directly; False, with nothing changed, for any other page or Markdown setup.

    Python-Markdown took 1.8 ms a page to turn such pages into what is written here:
    each heading with its id (given, or made by the toc extension's slugify) and a
    permalink, each block as it is (after Python-Markdown's whitespace clean-up), the
    table of contents and the anchors MkDocs checks links against. A test compares it
    with Python-Markdown on every page of generated sites.
    """
    from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
    from mkdocs.structure.toc import get_toc
    from mkdocs.utils.rendering import _strip_tags as heading_text

    if (
        set(config.markdown_extensions) != _DIRECT_EXTENSIONS
        or dict(config.mdx_configs or {}) != _DIRECT_CONFIGS
        or not isinstance(page.meta, dict)
        or "title" not in page.meta
        or page.markdown is None
    ):
        return False
    source = page.markdown.replace("\x02", "").replace("\x03", "")
    source = source.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    source = re.sub(r"(?<=\n) +\n", "\n", source + "\n\n")
    lines = source.split("\n")
    parts: list[str] = []
    headings: list[tuple[int, str, str | None, int]] = []  # level, text, id, part index
    block: list[str] | None = None
    for line in lines:
        if block is not None:
            block.append(line)
            if line == BLOCK_END:
                parts.append("\n".join(block))
                block = None
        elif line == BLOCK_START:
            block = [line]
        elif line:
            match = _HEADING.fullmatch(line)
            if match is None or not _plain_heading(match.group(2)):
                return False
            anchor = match.group(3)
            if anchor is not None and ("&" in anchor or '"' in anchor):
                return False
            headings.append((len(match.group(1)), match.group(2), anchor, len(parts)))
            parts.append("")
    if block is not None or (headings and headings[0][3] == 0 and "<img" in headings[0][1]):
        return False  # (MkDocs titles a page by an image's alt text)
    used = {anchor for _, _, anchor, _ in headings if anchor is not None}
    counters: dict[str, int] = {}
    tokens = []
    ids = _IdsInTags()
    for level, text, anchor, at in headings:
        name = strip_tags(text)
        ident = anchor
        if ident is None:
            ident = unique(slugify(html.unescape(name), "-"), used, counters)
        parts[at] = (
            f'<h{level} id="{ident}">{text}<a class="headerlink" href="#{ident}" '
            f'title="Permanent link">&para;</a></h{level}>'
        )
        tokens.append(
            {"level": level, "id": ident, "name": name, "html": text, "data-toc-label": ""}
        )
        if "<" in text:
            ids.feed(text)
    page.present_anchor_ids = {token["id"] for token in tokens} | ids.found
    page.content = "\n".join(parts).strip()
    page.toc = get_toc(nest_toc_tokens(tokens))  # (which empties ``tokens``)
    first = headings[0] if headings and headings[0][3] == 0 else None
    page._title_from_render = (
        heading_text(first[1]) if first is not None and first[0] == 1 else None
    )
    page.links_to_anchors = {}
    return True


def _plain_heading(text: str) -> bool:
    """Whether Python-Markdown leaves a heading's text as it is: plain words, whole HTML
    tags and entities (what ``markup.heading_html`` writes), nothing it would parse."""
    from markdown.inlinepatterns import ENTITY_RE, HTML_RE

    if not text or "<!--" in text:
        return False
    words = re.sub(ENTITY_RE, "", re.sub(HTML_RE, "", text))
    return _MARKUP.search(words) is None


class _IdsInTags(HTMLParser):
    """The ids (and ``<a name>``) in HTML tags, as MkDocs collects them from raw HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value is not None and (key == "id" or (key == "name" and tag == "a")):
                self.found.add(value)

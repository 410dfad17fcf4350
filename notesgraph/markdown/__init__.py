"""The markdown-it-py parser configured for Obsidian notes: one plugin per syntax."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .blockids import block_id_plugin
from .callouts import callout_plugin
from .cjk_emphasis import cjk_emphasis_plugin
from .comments import comments_plugin
from .highlight import highlight_plugin
from .safe_html import safe_html_plugin
from .tags import tag_plugin
from .tasks import task_plugin
from .wikilinks import wikilink_plugin

__all__ = ["MAX_NESTING", "make_parser", "parser"]

#: Lists and quotes nested deeper than this are cut (markdown-it's guard against recursion).
MAX_NESTING = 64


def make_parser() -> MarkdownIt:
    """A new parser with every Obsidian plugin; see each plugin module for its syntax."""
    md = MarkdownIt("commonmark", {"html": True, "typographer": False, "maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    md.use(comments_plugin)
    md.use(cjk_emphasis_plugin)
    md.use(highlight_plugin)
    md.use(wikilink_plugin)
    md.use(tag_plugin)
    md.use(callout_plugin)
    md.use(footnote_plugin)
    md.use(task_plugin)
    md.use(block_id_plugin)
    md.use(safe_html_plugin)
    return md


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The shared parser (markdown-it instances are reusable across documents)."""
    return make_parser()

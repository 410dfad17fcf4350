"""A Python-Markdown extension that passes notesgraph's pre-rendered HTML blocks through untouched.

Generated pages hold note bodies already rendered to HTML, each block between
``<div class="ng-block">`` and ``</div><!--/ng-block-->``. Without this extension
Python-Markdown (and MkDocs' anchor scan) parse every tag of those blocks as raw
HTML, which is most of a build's time; with it each block goes straight into
Python-Markdown's HTML stash. The output is the same either way, so plain
``mkdocs serve`` works even where the extension is not configured.

Enable with ``markdown_extensions: [notesgraph.mdext]``.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

BLOCK_START = '<div class="ng-block">'
BLOCK_END = "</div><!--/ng-block-->"


class _StashBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line == BLOCK_START:
                    block = [line]
                else:
                    out.append(line)
                continue
            block.append(line)
            if line == BLOCK_END:
                out.extend(("", self.md.htmlStash.store("\n".join(block)), ""))
                block = None
        if block is not None:  # an unterminated block: leave it to Python-Markdown
            out.extend(block)
        return out


class NotesgraphExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # Before MkDocs' raw-HTML scan (21) and Python-Markdown's html_block (20).
        md.preprocessors.register(_StashBlocks(md), "notesgraph_blocks", 25)


def makeExtension(**kwargs: object) -> NotesgraphExtension:  # noqa: N802
    return NotesgraphExtension(**kwargs)

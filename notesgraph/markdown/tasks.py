"""Task lists ``- [x] 218강 복습``: mdit-py-plugins' rule, with checkboxes that survive sanitising.

The upstream plugin emits its checkbox as raw ``html_inline``, which
:mod:`.safe_html` would escape; a core rule right after it turns those tokens into
``task_checkbox`` tokens rendered from their ``checked`` flag only.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.tasklists import tasklists_plugin

_MARK = '<input class="task-list-item-checkbox"'


def _retype(state: StateCore) -> None:
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            if child.type == "html_inline" and child.content.startswith(_MARK):
                child.type = "task_checkbox"
                child.meta = {"checked": 'checked="checked"' in child.content}


def _render(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    checked = " checked" if tokens[idx].meta.get("checked") else ""
    return f'<input class="task-list-item-checkbox" type="checkbox" disabled{checked}>'


def task_plugin(md: MarkdownIt) -> None:
    md.use(tasklists_plugin)
    md.core.ruler.after("github-tasklists", "notesgraph_task_checkbox", _retype)
    md.add_render_rule("task_checkbox", _render)

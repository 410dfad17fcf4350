"""Generated pages turned into HTML directly (mkparallel.direct_render) against
Python-Markdown through MkDocs' own ``Page.render``, on every page of several sites:
the seed vault, the fixture vault, a generated vault, a vault of hostile input and one
whose headings carry HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from benchmarks.vaultgen import generate_vault
from notesgraph.site.mkparallel import _read_source, direct_render

from .browser.mapsite import write_xss_vault
from .conftest import FIXTURES, ROOT
from .hostile import make_hostile_vault
from .sitebuild import build


def _vault(kind: str, work: Path) -> Path:
    if kind == "seed":
        return ROOT / "vault"
    if kind == "fixture":
        return FIXTURES / "vault"
    if kind == "generated":
        generate_vault(work / "vault", 40, seed=5)
        return work / "vault"
    if kind == "hostile":
        return make_hostile_vault(work / "vault", work / "outside")
    return write_xss_vault(work)


def _toc(items: Any) -> list[Any]:
    return [(i.title, i.id, i.level, _toc(i.children)) for i in items]


@pytest.mark.parametrize("kind", ["seed", "fixture", "generated", "hostile", "xss"])
def test_direct_render_equals_python_markdown(kind: str, tmp_path: Path) -> None:
    build(_vault(kind, tmp_path), tmp_path / "out", cache_dir=None)
    docs = tmp_path / "out" / "docs"
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "x"))
    config = config.plugins.on_config(config)
    sources = sorted(str(p.relative_to(docs)) for p in docs.rglob("*.md"))
    files = Files([File(s, config.docs_dir, config.site_dir, True) for s in sources])
    direct = 0
    for file in files:
        ours, theirs = Page(None, file, config), Page(None, file, config)
        for page in (ours, theirs):
            _read_source(page, config)
        theirs.render(config, files)
        if not direct_render(ours, config):
            continue
        direct += 1
        where = file.src_uri
        assert ours.content == theirs.content, where
        assert _toc(ours.toc.items) == _toc(theirs.toc.items), where
        assert ours.present_anchor_ids == theirs.present_anchor_ids, where
        assert ours._title_from_render == theirs._title_from_render, where
    assert direct >= len(files) * 0.8, (direct, len(files))


def test_other_markdown_setups_and_pages_go_through_python_markdown(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    pages = {
        "plain.md": '---\n{"title": "람다"}\n---\n\n# 람다는 *강조*\n',
        "prose.md": '---\n{"title": "람다"}\n---\n\n# 람다의\n\n람다를 쓴다.\n',
        "untitled.md": "# 람다\n",
        "open.md": '---\n{"title": "람다"}\n---\n\n<div class="ng-block">\n<p>끝이 없다</p>\n',
    }
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "x"))
    for name in pages:
        page = Page(None, File(name, str(docs), str(tmp_path / "x"), True), config)
        _read_source(page, config)
        assert not direct_render(page, config), name
        assert page.content is None
    config["mdx_configs"] = {"toc": {"permalink": "#"}}
    page = Page(None, File("plain.md", str(docs), str(tmp_path / "x"), True), config)
    page.markdown, page.meta = "# 람다\n", {"title": "람다"}
    assert not direct_render(page, config)

"""Build a vault's site for the map and explorer browser tests, served at its ``site_url``.

Material's instant navigation only follows URLs listed in sitemap.xml and matches
them on host and port, so the test server's port is chosen first and the build is
told its ``site_url``: the local-map-after-instant-navigation test then really
uses instant navigation. Sites are built and served once per test session and vault.
"""

from __future__ import annotations

import atexit
from pathlib import Path
from typing import Any

from notesgraph import pipeline

from .conftest import ROOT, LoopbackServer

_served: dict[str, str] = {}


def map_site(vault: Path, work: Path) -> str:
    """Build ``vault`` into ``work`` and serve it on 127.0.0.1; the base URL (once per session)."""
    key = str(vault.resolve())
    if key not in _served:
        work.mkdir(parents=True, exist_ok=True)
        server = LoopbackServer(work / "site")  # bound first: the build needs its address
        atexit.register(server.close)
        pipeline.build_site(
            pipeline.BuildOptions(
                vault=vault,
                docs=work / "docs",
                site=work / "site",
                config=ROOT / "mkdocs.yml",
                cache_dir=work / "cache",
                site_url=server.url,
            )
        )
        _served[key] = server.url
    return _served[key]


XSS_NOTE = """---
aliases: ["<img src=x onerror=window.__xss=1>"]
tags: ["<script>window.__xss=3</script>", "보안"]
---
# Lambda 한도 <b onmouseover=window.__xss=5>굵게</b>

- **메모리**: 128MB ~ 10GB `<img src=x onerror=window.__xss=6>`
- ==<script>window.__xss=2</script> Lambda는 최대 15분== 실행
- **최대 실행 시간**: 900초 <img src=x onerror=window.__xss=7>
- API Gateway → Lambda 호출 <svg onload=window.__xss=8>

[[다른 노트]]
"""
OTHER_NOTE = """# 다른 노트

[[xss 노트]]를 보세요. Cognito와 Lambda.
"""


def write_xss_vault(root: Path) -> Path:
    """A vault whose alias, tag, heading, limit and relation text all carry HTML."""
    vault = root / "vault"
    vault.mkdir(parents=True, exist_ok=True)
    (vault / "xss 노트.md").write_text(XSS_NOTE, encoding="utf-8")
    (vault / "다른 노트.md").write_text(OTHER_NOTE, encoding="utf-8")
    return vault


# ----------------------------------------------------------------------------- page helpers


def wait_drawn(page: Any, selector: str, timeout: float = 15_000) -> None:
    """Wait until the map under ``selector`` has drawn its first frame."""
    page.wait_for_function(
        "s => { const el = document.querySelector(s); return !!(el && el.dataset.ngDrawn); }",
        arg=selector,
        timeout=timeout,
    )


def node_point(page: Any, selector: str, node: Any) -> tuple[float, float]:
    """Where a node is drawn on the screen (page coordinates), to click it like a person."""
    x, y = page.evaluate(
        """([s, id]) => {
          const root = document.querySelector(s), net = root.ngNetwork;
          const p = net.canvasToDOM(net.getPositions([id])[id]);
          const box = root.querySelector('.ng-canvas').getBoundingClientRect();
          return [box.left + p.x, box.top + p.y];
        }""",
        [selector, node],
    )
    return float(x), float(y)


def drawn_nodes(page: Any, selector: str) -> list[Any]:
    """Ids of the nodes handed to vis-network (what is on the canvas)."""
    return list(
        page.evaluate("s => document.querySelector(s).ngNetwork.body.data.nodes.getIds()", selector)
    )

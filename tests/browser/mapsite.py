"""Build a vault's site with the maps wired in, for the map and explorer browser tests.

The maps need two things the pipeline owner wires: ``render_site`` writing the map
data (:func:`notesgraph.site.mapdata.map_files`, :func:`~notesgraph.site.mapdata.vendor_files`)
and ``mkdocs.yml`` loading ``map.js``/``maps.css`` on every page. Where either is not
there yet, :func:`map_site` adds it for the test build only (a wrapped
``render_site``, a copy of ``mkdocs.yml``); once wired, it is the plain build. The copy
also sets ``site_url`` to the test server, so instant navigation is really used.
Sites are built and served once per test session and vault.
"""

from __future__ import annotations

import atexit
import functools
import re
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from unittest import mock

from notesgraph import pipeline
from notesgraph.site import mapdata

ROOT = Path(__file__).resolve().parents[2]
MAP_JS = "assets/notesgraph/map.js"
MAPS_CSS = "assets/notesgraph/maps.css"

_served: dict[str, str] = {}


def site_config(work: Path, port: int) -> Path:
    """mkdocs.yml as the project has it, plus the map script and style if not listed yet,
    and ``site_url`` pointing at the test server: Material's instant navigation only follows
    URLs listed in sitemap.xml, and it matches them on host and port."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(
        r"(?m)^(\s*custom_dir:\s*)site_overrides\s*$",
        lambda m: m.group(1) + str(ROOT / "site_overrides"),
        text,
    )

    # Paths of hooks are relative to the config file, which now lives in ``work``.
    def absolute(match: re.Match[str]) -> str:
        path = ROOT / match.group(2)
        return match.group(1) + (str(path) if path.is_file() else match.group(2))

    text = re.sub(r"(?m)^(\s*-\s*)(\S+\.py)\s*$", absolute, text)
    for key, entry in (("extra_javascript", MAP_JS), ("extra_css", MAPS_CSS)):
        if entry not in text:
            if re.search(rf"(?m)^{key}:\s*$", text):
                text = re.sub(rf"(?m)^{key}:\s*$", f"{key}:\n  - {entry}", text, count=1)
            else:
                text += f"\n{key}:\n  - {entry}\n"
    text = re.sub(r"(?m)^site_url:.*\n", "", text)
    text = f"site_url: http://127.0.0.1:{port}/\n" + text
    config = work / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


@contextmanager
def maps_rendered() -> Iterator[None]:
    """render_site, plus the map data and vis-network where it does not write them yet."""
    original: Callable[..., Any] = pipeline.render_site

    def render(ctx: Any, *args: Any, **kwargs: Any) -> Any:
        files = original(ctx, *args, **kwargs)
        if mapdata.SERVICES_JSON not in files.data:
            files.data.update(mapdata.map_files(ctx))
            files.copies.update(mapdata.vendor_files())
        return files

    with mock.patch.object(pipeline, "render_site", render):
        yield


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def map_site(vault: Path, work: Path) -> str:
    """Build ``vault`` into ``work`` and serve it on 127.0.0.1; the base URL (once per session)."""
    key = str(vault.resolve())
    if key not in _served:
        work.mkdir(parents=True, exist_ok=True)
        port = _free_port()
        with maps_rendered():
            pipeline.build_site(
                pipeline.BuildOptions(
                    vault=vault,
                    docs=work / "docs",
                    site=work / "site",
                    config=site_config(work, port),
                    cache_dir=work / "cache",
                )
            )
        handler = functools.partial(_Quiet, directory=str(work / "site"))
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        atexit.register(server.shutdown)
        _served[key] = f"http://127.0.0.1:{port}/"
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

"""Browser tests: build a vault with the real pipeline, serve it on loopback, drive Debian's Chromium.

Shared fixtures:
- ``browser``: one headless Chromium (``/usr/bin/chromium``) per session.
- ``seed_site``: base URL of the seed vault's site, built once per session.
- ``served``: call ``served(site_dir)`` to serve any built site; returns its base URL.
- ``page``: a new page that refuses (and records) every request leaving 127.0.0.1 and
  records console errors; the test fails if either happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.chromium import LoopbackServer, launch
from notesgraph.pipeline import BuildOptions, build_site

ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


def build_vault_site(vault: Path, work: Path) -> Path:
    """Build ``vault`` with the project's mkdocs.yml into ``work``; return the site folder."""
    build_site(
        BuildOptions(
            vault=vault,
            docs=work / "docs",
            site=work / "site",
            config=ROOT / "mkdocs.yml",
            cache_dir=work / "cache",
        )
    )
    return work / "site"


@pytest.fixture(scope="session")
def served() -> Iterator[Callable[[Path], str]]:
    servers: list[LoopbackServer] = []

    def serve(root: Path) -> str:
        server = LoopbackServer(root)
        servers.append(server)
        return server.url

    yield serve
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory, served: Callable[[Path], str]) -> str:
    site = build_vault_site(ROOT / "vault", tmp_path_factory.mktemp("seed-site"))
    return served(site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


class PageWatch:
    """What a page tried that it must not: requests off loopback, script errors."""

    def __init__(self) -> None:
        self.external: list[str] = []
        self.errors: list[str] = []


@pytest.fixture
def watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def page(browser: Any, watch: PageWatch) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    tab = context.new_page()

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            request_route.continue_()
        else:
            watch.external.append(url)
            request_route.abort()

    tab.route("**/*", route)
    tab.on("pageerror", lambda error: watch.errors.append(str(error)))
    tab.on(
        "console",
        lambda message: watch.errors.append(message.text) if message.type == "error" else None,
    )
    yield tab
    context.close()
    assert watch.external == [], f"requests left loopback: {watch.external}"
    assert watch.errors == [], f"errors in the page: {watch.errors}"


@pytest.fixture(scope="session")
def maps_seed_site(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seed site for the map and explorer tests, built knowing its ``site_url``."""
    from .mapsite import map_site

    return map_site(ROOT / "vault", tmp_path_factory.mktemp("maps-seed"))


@pytest.fixture(scope="session")
def maps_xss_site(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A vault whose alias, heading, limit and relation text carry HTML, for the maps."""
    from .mapsite import map_site, write_xss_vault

    work = tmp_path_factory.mktemp("maps-xss")
    return map_site(write_xss_vault(work), work / "out")


def sort_limits_by_value(page: Any) -> int:
    """Click the limits table's value heading and check each unit's values come in order
    (a count written in words has no value to sort by); returns how many were sorted."""
    table = page.locator("table.ng-limits")
    value_header = table.locator("thead th", has_text="값")
    value_header.click()
    assert value_header.get_attribute("aria-sort") == "ascending"
    cells = table.locator("tbody td.ng-value").evaluate_all(
        "cells => cells.map(c => [c.dataset.unit, parseFloat(c.dataset.sort)])"
    )
    by_unit: dict[str, list[float]] = {}
    for unit, value in cells:
        if value == value:  # not NaN
            by_unit.setdefault(unit, []).append(value)
    for values in by_unit.values():
        assert values == sorted(values)
    value_header.click()
    assert value_header.get_attribute("aria-sort") == "descending"
    return sum(len(values) for values in by_unit.values())

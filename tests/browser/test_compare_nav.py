"""The comparisons' shelves and the limits' category pages, in headless Chromium: a
generated vault (60 notes) has enough comparisons in a category to file them under
services, and more limits than one page holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from benchmarks.vaultgen import generate_vault

from .conftest import build_vault_site, sort_limits_by_value


@pytest.fixture(scope="module")
def shelved_site(tmp_path_factory: pytest.TempPathFactory, served: Callable[[Path], str]) -> str:
    work = tmp_path_factory.mktemp("shelves")
    generate_vault(work / "vault", 60, seed=3)
    return served(build_vault_site(work / "vault", work / "out"))


def test_a_shelf_opens_on_its_comparison_and_the_others_stay_shut(
    page: Any, shelved_site: str
) -> None:
    page.goto(shelved_site + "compare/")
    listed = page.locator("article ul.ng-compare-list a[href*='-vs-']")
    total = listed.count()
    sidebar = page.locator("nav.md-nav--primary")
    shelves = sidebar.locator("li.md-nav__item--pruned", has=page.locator("> a[href*='-vs-']"))
    assert shelves.count() >= 2, "a large category is filed under its services"
    label = shelves.first.inner_text().strip()
    shelves.first.locator("> a").click()
    page.wait_for_url("**/compare/*-vs-*/")
    opened = sidebar.locator("li.md-nav__item--active.md-nav__item--nested").last
    assert opened.locator("> label, > a").first.inner_text().strip() == label
    current = opened.locator("a.md-nav__link--active:not([href*='#'])")  # not the TOC's
    assert current.count() == 1 and current.is_visible()
    assert unquote(current.get_attribute("href")) == unquote(page.url)
    drawn = sidebar.locator("a[href*='-vs-']").count()
    assert 0 < drawn < total, "only the open shelf's comparisons are drawn"
    assert (
        page.locator("article h1").inner_text().strip().rstrip("¶") == current.inner_text().strip()
    )


def test_a_limits_category_page_opens_from_the_index_and_sorts(
    page: Any, shelved_site: str
) -> None:
    """More limits than one page holds: the index leads to a page per category, whose
    table sorts by value and whose entry is the open one in the sidebar."""
    page.goto(shelved_site + "limits/")
    shelves = page.locator("article ul.ng-shelves > li > a")
    assert shelves.count() >= 2
    label = shelves.nth(1).inner_text().strip()
    shelves.nth(1).click()
    page.wait_for_url("**/limits/*/")
    assert page.locator("article h1").inner_text().strip().rstrip("¶") == f"한도 모음 · {label}"
    current = page.locator("nav.md-nav--primary a.md-nav__link--active:not([href*='#'])")
    assert current.count() == 1 and current.inner_text().strip() == label
    assert sort_limits_by_value(page) > 1

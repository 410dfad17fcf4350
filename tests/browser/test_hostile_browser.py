"""A hostile vault in a real browser: no string from a note ever runs as script, nothing leaks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ..hostile import XSS, make_hostile_vault
from .conftest import build_vault_site

PAGES = [
    "",
    "notes/홈/",
    "notes/",
    "services/lambda/",
    "keypoints/",
    "limits/",
    "tags/",
    "problems/",
    "map/",
    "explorer/",
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, served: Callable[[Path], str]) -> str:
    work = tmp_path_factory.mktemp("hostile-browser")
    vault = make_hostile_vault(work / "vault", work / "outside")
    return served(build_vault_site(vault, work / "out"))


def no_script_ran(page: Any) -> None:
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x']").count() == 0


def test_no_page_runs_note_text(page: Any, hostile_site: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in PAGES:
        page.goto(hostile_site + path)
        page.wait_for_load_state("networkidle")
        no_script_ran(page)
    assert dialogs == []


def test_hostile_strings_show_as_text(page: Any, hostile_site: str) -> None:
    page.goto(hostile_site + "notes/홈/")
    body = page.locator("article").inner_text()
    assert XSS in body, "the alias and highlight text are shown literally"
    title = page.title()
    assert "<img" in title and page.evaluate("document.title") == title


def test_search_results_stay_text(page: Any, hostile_site: str) -> None:
    page.goto(hostile_site + "notes/홈/")
    box = page.locator("input.md-search__input")
    box.click()
    for query in ("onerror", "img", "script", "람다"):
        box.fill(query)
        box.press("End")  # Material searches on key events
        page.wait_for_timeout(500)
        no_script_ran(page)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    no_script_ran(page)


def test_explorer_search_for_the_alias(page: Any, hostile_site: str) -> None:
    page.goto(hostile_site + "explorer/")
    box = page.locator("input[type=search], input[placeholder*='찾기']").first
    box.fill("<img")
    box.press("Enter")
    page.wait_for_timeout(500)
    no_script_ran(page)

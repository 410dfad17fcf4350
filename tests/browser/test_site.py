"""What a person sees on the built seed site, in headless Chromium (issue: the site)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from .conftest import ROOT, build_vault_site, sort_limits_by_value

SEED_NOTE = "notes/AWS-SAA/215-229-서버리스/"
LECTURE_218_LIMITS = [
    "메모리",
    "최대 실행 시간",
    "환경변수 크기",
    "임시 저장소 (/tmp)",
    "동시 실행 수",
    "패키지 크기 (압축 시)",
    "패키지 크기 (비압축 시)",
]

COMPANION = """# 시험 직전 요약

- 람다의 한도는 [[215-229 서버리스#218. 람다 limit|람다 한도 정리]]를 다시 본다.
- 엣지 비교: [[215-229 서버리스#220. 람다@엣지 & CloudFront Functions]]
- 서비스 페이지로: [[Lambda|람다]]
"""


TAGGED = """---
tags: [시험/대비]
---
# 태그 연습

람다는 #Lambda 서버리스, 람다의 한도는 #lambda 로 묶는다.
"""


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory: pytest.TempPathFactory, served: Callable[[Path], str]) -> str:
    """The seed vault plus one note of ours that links into it (the seed has no wikilinks)."""
    work = tmp_path_factory.mktemp("linked")
    vault = work / "vault"
    shutil.copytree(ROOT / "vault", vault)
    (vault / "AWS SAA" / "시험 직전 요약.md").write_text(COMPANION, encoding="utf-8")
    (vault / "AWS SAA" / "태그 연습.md").write_text(TAGGED, encoding="utf-8")
    return served(build_vault_site(vault, work / "out"))


def test_note_page_shows_highlight_and_missing_screenshot(page: Any, seed_site: str) -> None:
    page.goto(seed_site + SEED_NOTE)
    mark = page.locator("mark", has_text="128MB ~ 10GB")
    assert mark.count() == 1 and mark.is_visible()
    nested = page.locator("mark strong", has_text="자동 스케일링")
    assert nested.count() == 1
    placeholder = page.locator(".ng-missing-embed", has_text="스크린샷 2025-05-14 오후 9.28.27.png")
    assert placeholder.count() == 1 and placeholder.is_visible()
    assert page.locator(".ng-missing-embed").count() == 3
    heading = page.locator("h2[id='218-람다-limit']")
    assert heading.is_visible() and "218. 람다 limit" in heading.inner_text()


def test_clicking_a_wikilink_opens_the_heading(page: Any, linked_site: str) -> None:
    page.goto(linked_site + "notes/AWS-SAA/시험-직전-요약/")
    page.get_by_role("link", name="람다 한도 정리").click()
    page.wait_for_url("**/215-229-*/#218-*")
    assert unquote(page.url).endswith(SEED_NOTE + "#218-람다-limit")
    target = page.locator("h2[id='218-람다-limit']")
    assert target.is_visible()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 300, "the heading is scrolled into view"


def test_wikilink_with_at_sign_and_ampersand_heading(page: Any, linked_site: str) -> None:
    page.goto(linked_site + "notes/AWS-SAA/시험-직전-요약/")
    page.locator("a.ng-wikilink", has_text="CloudFront Functions").click()
    page.wait_for_url("**#220-*")
    assert unquote(page.url).endswith("#220-람다엣지-cloudfront-functions")


def test_unresolved_service_wikilink_goes_to_the_service_page(page: Any, linked_site: str) -> None:
    page.goto(linked_site + "notes/AWS-SAA/시험-직전-요약/")
    page.get_by_role("link", name="람다", exact=True).click()
    page.wait_for_url("**/services/lambda/")
    assert page.locator("article h1").inner_text().strip().rstrip("¶") == "Lambda"


def test_lambda_service_page_lists_lecture_218_limits(page: Any, seed_site: str) -> None:
    page.goto(seed_site + "services/lambda/")
    rows = page.locator("table.ng-limits tbody tr")
    names = [rows.nth(i).locator("td").nth(0).inner_text().strip() for i in range(rows.count())]
    for name in LECTURE_218_LIMITS:
        assert name in names, name
    memory = rows.filter(has_text="메모리").first
    assert "128 MB ~ 10 GB" in memory.inner_text()
    time_row = rows.filter(has_text="최대 실행 시간").first
    assert "900초 (15분)" in time_row.inner_text()
    time_row.locator("a.ng-source").click()
    page.wait_for_url("**/215-229-*/#*")
    assert unquote(page.url).endswith(SEED_NOTE + "#실행-한도")


def test_lambda_relations_link_to_other_services(page: Any, seed_site: str) -> None:
    page.goto(seed_site + "services/lambda/")
    invokes = page.locator("#rel-invokes + .ng-block li, h3#rel-invokes ~ div li").first
    assert "API Gateway" in invokes.inner_text()
    page.locator("h3#rel-invokes ~ div a", has_text="API Gateway").first.click()
    page.wait_for_url("**/services/api-gateway/")


def test_comparison_page_shows_both_columns(page: Any, seed_site: str) -> None:
    page.goto(seed_site + "compare/")
    page.locator("article").get_by_role("link", name="CloudFront Functions vs Lambda@Edge").click()
    page.wait_for_url("**/compare/cloudfront-functions-vs-lambda-edge/")
    table = page.locator("table.ng-compare").first
    table.wait_for()
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    assert headers == ["항목", "CloudFront Functions", "Lambda@Edge"]
    assert table.locator("tbody tr").count() == 7
    first_row = table.locator("tbody tr").first.all_inner_texts()[0]
    assert "JavaScript" in first_row and "Node.js, Python" in first_row
    assert (
        table.locator("thead a", has_text="Lambda@Edge")
        .get_attribute("href")
        .endswith("services/lambda-edge/")
    )


def test_key_points_page_holds_all_nine_highlights(page: Any, seed_site: str) -> None:
    page.goto(seed_site + "keypoints/")
    by_note = page.locator("h2#by-note ~ div .ng-keypoint")
    assert by_note.count() == 9
    texts = " ".join(by_note.all_inner_texts())
    for words in (
        "128MB ~ 10GB",
        "(15분)",
        "자동 스케일링, 사용한 만큼 과금",
        "트랜잭션 적음 + 간혈적 사용",
    ):
        assert words in texts
    by_note.filter(has_text="128MB ~ 10GB").locator("a").click()
    page.wait_for_url("**#hl-*")
    assert page.locator("mark:target").inner_text() == "128MB ~ 10GB"


def test_limits_index_sorts_by_value(page: Any, seed_site: str) -> None:
    page.goto(seed_site + "limits/")
    assert sort_limits_by_value(page) > 5


def test_notes_tree_and_dark_mode(page: Any, seed_site: str) -> None:
    page.goto(seed_site + SEED_NOTE)
    current = page.locator("nav.ng-tree [aria-current=page]")
    current.wait_for()
    assert current.inner_text() == "215-229 서버리스"
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^=__palette]:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme


def test_everything_is_served_locally(page: Any, seed_site: str, watch: Any) -> None:
    for path in ("", SEED_NOTE, "services/lambda/", "limits/", "keypoints/", "compare/"):
        page.goto(seed_site + path)
        page.wait_for_load_state("networkidle")
    assert watch.external == []
    fonts = page.evaluate("[...document.styleSheets].map(s => s.href || '').join(' ')")
    assert "fonts.googleapis" not in fonts


def test_tag_chips_and_inline_tags_open_the_tag_on_the_tags_page(
    page: Any, linked_site: str
) -> None:
    page.goto(linked_site + "notes/AWS-SAA/태그-연습/")
    chips = page.locator("nav.md-tags a.md-tag")
    assert [c.strip() for c in chips.all_inner_texts()] == ["Lambda", "시험/대비"]
    chips.filter(has_text="시험/대비").click()
    page.wait_for_url("**/tags/#tag:*")
    assert unquote(page.url).endswith("tags/#tag:시험대비")
    heading = page.locator("h2[id='tag:시험대비']")
    assert heading.is_visible() and "#시험/대비" in heading.inner_text()
    listed = page.locator("h2[id='tag:시험대비'] + div ul.ng-tag-notes a")
    assert listed.all_inner_texts() == ["태그 연습"]

    page.go_back()
    page.wait_for_url(lambda url: unquote(url).endswith("/태그-연습/"))
    page.locator("article").get_by_role("link", name="#lambda", exact=True).click()
    page.wait_for_url("**/tags/#tag:lambda")
    merged = page.locator("h2[id='tag:lambda']")
    assert merged.is_visible() and "#Lambda · #lambda" in merged.inner_text()

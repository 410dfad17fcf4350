"""The service map and the local maps, as a person uses them in headless Chromium.

The seed vault is built with the real pipeline (plus the map wiring, see ``mapsite``)
and served on 127.0.0.1; the ``page`` fixture fails a test on any request that
leaves loopback and on any console error.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from .mapsite import drawn_nodes, node_point, wait_drawn

pytestmark = pytest.mark.browser

MAP = "#ng-service-map"
PANEL = MAP + " .ng-panel"
SEED_NOTE = "notes/AWS-SAA/215-229-서버리스/"


def open_map(page: Any, base: str) -> None:
    page.goto(base + "map/")
    wait_drawn(page, MAP)


def choose_from_list(page: Any, name: str) -> None:
    page.locator(MAP + " details.ng-fallback > summary").click()
    page.locator(MAP + " .ng-fallback").get_by_role("button", name=name, exact=True).click()


def test_service_map_has_the_seed_services(page: Any, maps_seed_site: str) -> None:
    open_map(page, maps_seed_site)
    drawn = set(drawn_nodes(page, MAP))
    assert {
        "service:lambda",
        "service:cognito",
        "service:dynamodb",
        "service:api-gateway",
        "service:s3",
        "service:rds-proxy",
    } <= drawn
    assert all(node.startswith("service:") for node in drawn)
    legend = page.locator(MAP + " .ng-legend").inner_text()
    assert "컴퓨팅" in legend and "보안·자격 증명" in legend and "호출" in legend
    status = page.locator(MAP + " .ng-status").inner_text()
    assert re.search(r"서비스 \d+개 · 관계 \d+개", status)


def test_clicking_lambda_shows_its_limits(page: Any, maps_seed_site: str) -> None:
    open_map(page, maps_seed_site)
    panel = page.locator(PANEL)
    assert panel.locator("h2").count() == 0
    page.mouse.click(*node_point(page, MAP, "service:lambda"))
    panel.locator("h2").wait_for()
    assert panel.locator("h2").inner_text() == "Lambda"
    run_time = panel.locator("tr", has_text="최대 실행 시간").inner_text()
    assert "900초 (15분)" in run_time and "최대 실행 시간: 900초 (15분)" in run_time
    memory = panel.locator("tr", has_text="메모리: 128MB").inner_text()
    assert "128 MB ~ 10 GB" in memory
    relations = panel.inner_text().split("관계", 1)[1]
    assert "API Gateway" in relations
    source = panel.locator("tr", has_text="최대 실행 시간").get_by_role("link")
    assert source.get_attribute("href").endswith(
        "#%EC%8B%A4%ED%96%89-%ED%95%9C%EB%8F%84"
    ) or source.get_attribute("href").endswith("#실행-한도")


def test_double_click_opens_the_service_page(page: Any, maps_seed_site: str) -> None:
    open_map(page, maps_seed_site)
    page.mouse.dblclick(*node_point(page, MAP, "service:cognito"))
    page.wait_for_url("**/services/cognito/")
    page.locator("h1", has_text="Cognito").wait_for()


def test_panel_button_leads_to_a_service_page_whose_local_map_draws(
    page: Any, maps_seed_site: str
) -> None:
    open_map(page, maps_seed_site)
    page.evaluate("window.__stayed = true")  # survives only instant navigation
    choose_from_list(page, "Lambda")
    page.locator(PANEL).get_by_role("link", name="서비스 페이지 열기").click()
    page.wait_for_url("**/services/lambda/")
    page.locator("h1", has_text="Lambda").wait_for()
    assert page.evaluate("window.__stayed") is True, "Material's instant navigation was used"
    local = page.locator(".ng-local-map")
    local.scroll_into_view_if_needed()
    wait_drawn(page, ".ng-local-map")
    local.locator("details.ng-fallback > summary").click()
    listed = local.locator(".ng-fallback").inner_text()
    assert "SnapStart" in listed and "API Gateway" in listed
    assert local.get_by_role("link", name="탐색기에서 크게 보기").is_visible()


def test_note_page_map_shows_the_services_the_note_mentions(page: Any, maps_seed_site: str) -> None:
    page.goto(maps_seed_site + SEED_NOTE)
    local = page.locator(".ng-local-map")
    local.scroll_into_view_if_needed()
    wait_drawn(page, ".ng-local-map")
    assert len(drawn_nodes(page, ".ng-local-map")) > 10
    local.locator("details.ng-fallback > summary").click()
    mentioned = local.locator(".ng-fallback li", has_text="언급된 서비스").first.inner_text()
    for name in ("Lambda", "Cognito", "DynamoDB", "API Gateway"):
        assert name in mentioned


def test_keyboard_pans_and_zooms_the_map(page: Any, maps_seed_site: str) -> None:
    open_map(page, maps_seed_site)
    frame = page.locator(MAP + " .vis-network")
    assert frame.get_attribute("role") == "application"
    assert "서비스 지도" in frame.get_attribute("aria-label")
    view = (
        "s => { const n = document.querySelector(s).ngNetwork; "
        "return [n.getViewPosition().x, n.getScale()]; }"
    )
    before = page.evaluate(view, MAP)
    frame.focus()
    for key in ("ArrowLeft", "Equal"):
        page.keyboard.down(key)
        page.wait_for_timeout(250)
        page.keyboard.up(key)
    after = page.evaluate(view, MAP)
    assert after[0] != before[0], "arrow keys pan"
    assert after[1] > before[1], "= zooms in"


def test_keyboard_and_list_select_a_service(page: Any, maps_seed_site: str) -> None:
    open_map(page, maps_seed_site)
    summary = page.locator(MAP + " details.ng-fallback > summary")
    summary.focus()
    page.keyboard.press("Enter")
    button = page.locator(MAP + " .ng-fallback").get_by_role("button", name="Cognito", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator(PANEL + " h2").inner_text() == "Cognito"
    assert page.evaluate(f"document.querySelector('{MAP}').ngNetwork.getSelectedNodes()") == [
        "service:cognito"
    ]
    page.fill(MAP + " input[type=search]", "람다를")
    page.keyboard.press("Enter")
    assert page.locator(PANEL + " h2").inner_text() == "Lambda"


def test_map_follows_the_dark_scheme(page: Any, maps_seed_site: str) -> None:
    open_map(page, maps_seed_site)
    colour = (
        "s => document.querySelector(s).ngNetwork.body.data.nodes"
        ".get('service:lambda').color.background"
    )
    light = page.evaluate(colour, MAP)
    page.locator("label[title='어두운 테마로']").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function(f"({colour})('{MAP}') !== '{light}'")
    dark = page.evaluate(colour, MAP)
    wanted = page.evaluate(
        "getComputedStyle(document.body).getPropertyValue('--ng-cat-compute').trim()"
    )
    assert dark == wanted and dark != light
    label = page.evaluate(
        f"document.querySelector('{MAP}').ngNetwork.body.data.nodes"
        ".get('service:lambda').font.color"
    )
    assert label == page.evaluate(
        "getComputedStyle(document.body).getPropertyValue('--ng-map-fg').trim()"
    )


def test_html_in_notes_shows_as_text_on_the_map(page: Any, maps_xss_site: str) -> None:
    open_map(page, maps_xss_site)
    choose_from_list(page, "Lambda")
    panel = page.locator(PANEL)
    text = panel.inner_text()
    assert "<img src=x onerror=window.__xss=6>" in text
    assert "<svg onload=window.__xss=8>" in text
    assert "Lambda 한도 <b onmouseover=window.__xss=5>굵게" in text
    assert panel.locator("img, svg, script, b").count() == 0
    page.goto(maps_xss_site + "notes/다른-노트/")
    page.locator(".ng-local-map").scroll_into_view_if_needed()
    wait_drawn(page, ".ng-local-map")
    assert page.evaluate("window.__xss") is None

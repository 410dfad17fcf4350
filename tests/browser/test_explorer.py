"""The review explorer in headless Chromium: filters, Korean search and focus, the details
panel, flashcards with progress kept across reloads, and the workload fit check.

Built from the seed vault with the real pipeline (see ``mapsite``); the ``page`` fixture
fails a test on any request leaving 127.0.0.1 and on any console error.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from .mapsite import drawn_nodes, wait_drawn

pytestmark = pytest.mark.browser

EXPLORER = "#ng-explorer"
PANEL = EXPLORER + " .ng-panel"
SEARCH = EXPLORER + " input[role=combobox]"
SEED_NOTE = "note:AWS SAA/215-229 서버리스.md"


def open_explorer(page: Any, base: str, fragment: str = "") -> None:
    page.goto(base + "explorer/" + fragment)
    wait_drawn(page, EXPLORER)


def status(page: Any) -> str:
    return str(page.locator(EXPLORER + " .ng-status").first.inner_text())


def index_of(page: Any, node: str) -> int:
    return int(
        page.evaluate(
            "id => document.querySelector('#ng-explorer').ngExplorer.model.index[id]", node
        )
    )


def kinds_drawn(page: Any) -> set[str]:
    return set(
        page.evaluate("""() => {
      const x = document.querySelector('#ng-explorer').ngExplorer;
      return x.shownIds().map(i => x.model.kindOf(i));
    }""")
    )


def search(page: Any, text: str) -> None:
    page.fill(SEARCH, text)
    page.locator(EXPLORER + " #ng-suggest li").first.wait_for()
    page.press(SEARCH, "Enter")


def test_explorer_opens_with_the_whole_typed_graph(page: Any, maps_seed_site: str) -> None:
    open_explorer(page, maps_seed_site)
    text = status(page)
    for kind in ("서비스", "기능", "한도", "노트 1", "섹션", "시험 포인트"):
        assert kind in text
    assert index_of(page, SEED_NOTE) in drawn_nodes(page, EXPLORER)
    assert page.locator(PANEL).inner_text().startswith("노드를 누르거나")


def test_filtering_to_services_hides_notes(page: Any, maps_seed_site: str) -> None:
    open_explorer(page, maps_seed_site)
    page.locator(EXPLORER + " input[data-kind=note]").uncheck()
    assert index_of(page, SEED_NOTE) not in drawn_nodes(page, EXPLORER)
    assert "노트" not in status(page).split("),")[0]
    page.get_by_role("button", name="서비스와 관계만").click()
    assert kinds_drawn(page) == {"service"}
    assert page.locator(EXPLORER + " input[data-edge=mentions]").is_checked() is False
    page.get_by_role("button", name="초기화").click()
    assert index_of(page, SEED_NOTE) in drawn_nodes(page, EXPLORER)


@pytest.mark.parametrize("query", ["코그니토", "코그니토를", "cognito"])
def test_search_in_korean_or_english_focuses_cognito(
    page: Any, maps_seed_site: str, query: str
) -> None:
    open_explorer(page, maps_seed_site)
    page.fill(SEARCH, query)
    first = page.locator(EXPLORER + " #ng-suggest li").first
    first.wait_for()
    assert first.inner_text().startswith("Cognito")
    page.press(SEARCH, "Enter")
    assert page.locator(PANEL + " h2").inner_text() == "Cognito"
    assert "초점: Cognito (깊이 1)" in status(page)
    drawn = set(drawn_nodes(page, EXPLORER))
    cognito, gateway = index_of(page, "service:cognito"), index_of(page, "service:api-gateway")
    assert {cognito, gateway} <= drawn
    assert index_of(page, "service:athena") not in drawn, "only Cognito's neighbourhood is drawn"
    assert page.evaluate("document.querySelector('#ng-explorer').ngNetwork.getSelectedNodes()") == [
        cognito
    ]


def test_depth_grows_the_focus_and_reset_restores(page: Any, maps_seed_site: str) -> None:
    open_explorer(page, maps_seed_site)
    everything = len(drawn_nodes(page, EXPLORER))
    search(page, "Cognito")
    one = len(drawn_nodes(page, EXPLORER))
    page.select_option(EXPLORER + " select[aria-label='초점 깊이']", "2")
    assert "(깊이 2)" in status(page)
    assert len(drawn_nodes(page, EXPLORER)) > one
    page.get_by_role("button", name="초기화").click()
    assert "초점" not in status(page)
    assert len(drawn_nodes(page, EXPLORER)) == everything


def test_details_panel_for_a_service(page: Any, maps_seed_site: str) -> None:
    open_explorer(page, maps_seed_site)
    search(page, "람다")
    panel = page.locator(PANEL)
    assert panel.locator("h2").inner_text() == "Lambda"
    run_time = panel.locator("tr", has_text="최대 실행 시간: 900초").inner_text()
    assert "900초 (15분)" in run_time and "(시간)" in run_time
    memory = panel.locator("tr", has_text="메모리: 128MB").inner_text()
    assert "128 MB ~ 10 GB" in memory and "(크기)" in memory
    assert (
        "API Gateway"
        in panel.locator("div", has=page.locator("h3", has_text="관계")).first.inner_text()
    )
    note = panel.get_by_role("link", name="215-229 서버리스", exact=True).first
    assert note.get_attribute("href").endswith(
        "/notes/AWS-SAA/215-229-%EC%84%9C%EB%B2%84%EB%A6%AC%EC%8A%A4/"
    )
    search(page, "DynamoDB")
    key_points = panel.locator("div", has=page.locator("h3", has_text="시험 포인트")).first
    assert key_points.locator("mark", has_text="퍼블릭 API나 DynamoDB").count() == 1


def test_neighbour_list_is_a_keyboard_path(page: Any, maps_seed_site: str) -> None:
    open_explorer(page, maps_seed_site)
    search(page, "Lambda")
    button = page.locator(PANEL + " .ng-neighbours").get_by_role(
        "button", name="SnapStart", exact=True
    )
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator(PANEL + " h2").inner_text() == "SnapStart"
    assert index_of(page, "feature:lambda/snapstart") in drawn_nodes(page, EXPLORER)


def test_a_link_can_open_the_explorer_on_a_node(page: Any, maps_seed_site: str) -> None:
    open_explorer(page, maps_seed_site, "#node=service%3Acognito")
    assert page.locator(PANEL + " h2").inner_text() == "Cognito"
    assert "초점: Cognito" in status(page)


# ----------------------------------------------------------------------------- flashcards


def open_cards(page: Any, deck: str) -> Any:
    page.get_by_role("tab", name="플래시카드").click()
    cards = page.locator("#ng-pane-cards")
    cards.locator(".ng-card-question").wait_for()
    cards.locator("select").select_option(deck)
    return cards


def test_flashcard_flips_and_progress_survives_a_reload(page: Any, maps_seed_site: str) -> None:
    open_explorer(page, maps_seed_site)
    cards = open_cards(page, "service:lambda")
    count = cards.locator(".ng-status")
    total = int(re.search(r"알아요 0 / (\d+)", count.inner_text()).group(1))
    answer = cards.locator(".ng-card-answer")
    assert answer.is_hidden()
    first_question = cards.locator(".ng-card-question").inner_text()
    cards.get_by_role("button", name="정답 보기").click()
    assert answer.is_visible()
    cards.get_by_role("button", name="알아요").click()
    assert f"알아요 1 / {total}" in count.inner_text()
    assert cards.locator(".ng-card-question").inner_text() != first_question

    page.reload()
    wait_drawn(page, EXPLORER)
    page.get_by_role("tab", name="플래시카드").click()
    cards = page.locator("#ng-pane-cards")
    cards.locator(".ng-card-question").wait_for()
    assert cards.locator("select").input_value() == "service:lambda", "the deck is remembered"
    assert f"알아요 1 / {total}" in cards.locator(".ng-status").inner_text()
    assert cards.locator(".ng-card-question").inner_text() != first_question

    cards.get_by_role("button", name="진행 초기화").click()
    assert f"알아요 0 / {total}" in cards.locator(".ng-status").inner_text()


def find_card(cards: Any, wanted: Any, limit: int = 60) -> str:
    """Go through the deck with 정답 보기 / 다시 until a question matches; return it."""
    for _ in range(limit):
        question = cards.locator(".ng-card-question").inner_text()
        if wanted(question):
            return str(question)
        cards.get_by_role("button", name="정답 보기").click()
        cards.get_by_role("button", name="다시").click()
    raise AssertionError("card not found in the deck")


def test_limit_card_and_cloze_card(page: Any, maps_seed_site: str) -> None:
    open_explorer(page, maps_seed_site)
    cards = open_cards(page, "service:lambda")
    find_card(cards, lambda q: q == "Lambda · 최대 실행 시간?")
    cards.get_by_role("button", name="정답 보기").click()
    answer = cards.locator(".ng-card-answer").inner_text()
    assert "900초 (15분)" in answer and "최대 실행 시간: 900초 (15분)" in answer
    cards.get_by_role("button", name="다시").click()

    question = find_card(cards, lambda q: q.startswith("메모리:") and "단위로 증가" in q)
    assert "128MB" not in question and "10GB" not in question, "the highlighted words are hidden"
    assert cards.locator(".ng-card-question .ng-blank").count() == 1
    cards.get_by_role("button", name="정답 보기").click()
    assert cards.locator(".ng-card-answer mark").first.inner_text() == "128MB ~ 10GB"


def test_shuffle_keeps_the_deck(page: Any, maps_seed_site: str) -> None:
    open_explorer(page, maps_seed_site)
    cards = open_cards(page, "all")
    before = cards.locator(".ng-status").inner_text()
    cards.get_by_role("button", name="섞기").click()
    assert cards.locator(".ng-status").inner_text() == before
    cards.locator(".ng-card").focus()
    page.keyboard.press(" ")
    assert cards.locator(".ng-card-answer").is_visible(), "space reveals the answer"


# ----------------------------------------------------------------------------- fit check


def open_fit(page: Any) -> Any:
    page.get_by_role("tab", name="적합성 검사").click()
    fit = page.locator("#ng-pane-fit")
    fit.locator("input[data-field=memory]").wait_for()
    return fit


def test_fit_check_marks_lambda_unsuitable_for_30_gb_and_30_minutes(
    page: Any, maps_seed_site: str
) -> None:
    open_explorer(page, maps_seed_site)
    fit = open_fit(page)
    fit.locator("input[data-field=memory]").fill("30")
    fit.locator("select[data-unit=memory]").select_option(label="GB")
    fit.locator("input[data-field=duration]").fill("30")
    fit.locator("select[data-unit=duration]").select_option(label="분")
    fit.locator("input[data-option='service:lambda']").check()
    result = fit.locator(".ng-fit-result[data-option='service:lambda']")
    assert "ng-fails" in result.get_attribute("class")
    assert result.locator(".ng-verdict").inner_text() == "부적합"
    deciding = result.locator(".ng-deciding").inner_text()
    assert "메모리" in deciding and "최대 실행 시간" in deciding
    text = result.inner_text()
    assert "필요 30 GB > 한도 128 MB ~ 10 GB" in text
    assert "필요 30분 > 한도 900초 (15분)" in text
    assert "메모리: 128MB ~ 10GB (1MB 단위로 증가)" in text, "the note is quoted"

    fit.locator("input[data-field=memory]").fill("2")
    fit.locator("input[data-field=duration]").fill("5")
    assert result.locator(".ng-verdict").inner_text() == "적합"


def test_fit_check_loads_the_notes_own_exercise(page: Any, maps_seed_site: str) -> None:
    open_explorer(page, maps_seed_site)
    fit = open_fit(page)
    fit.locator("select[aria-label='노트의 예제']").select_option(index=1)
    fit.get_by_role("button", name="불러오기").click()
    assert fit.locator("input[data-field=memory]").input_value() == "30"
    assert fit.locator("select[data-unit=memory] option:checked").inner_text() == "GB"
    assert fit.locator("input[data-field=duration]").input_value() == "30"
    assert fit.locator("input[data-field=file_size]").input_value() == "3"
    assert fit.locator("input[data-option='service:lambda']").is_checked()
    assert "노트의 판단: 부적합" in fit.inner_text()
    result = fit.locator(".ng-fit-result[data-option='service:lambda']")
    assert result.locator(".ng-verdict").inner_text() == "부적합"
    assert "임시 저장소 (/tmp)" in result.locator("li.ng-pass").first.inner_text()


# ----------------------------------------------------------------------------- safety


def test_html_in_notes_shows_as_text_in_the_explorer(page: Any, maps_xss_site: str) -> None:
    open_explorer(page, maps_xss_site)
    page.fill(SEARCH, "<img src")
    option = page.locator(EXPLORER + " #ng-suggest li").first
    option.wait_for()
    assert "<img src=x onerror=window.__xss=1>" in option.inner_text()
    page.press(SEARCH, "Enter")
    panel = page.locator(PANEL)
    assert "다른 이름: <img src=x onerror=window.__xss=1>" in panel.inner_text()
    assert "Lambda 한도 <b onmouseover=window.__xss=5>굵게" in panel.inner_text()
    search(page, "Lambda")
    assert "<img src=x onerror=window.__xss=7>" in panel.inner_text()
    assert "<svg onload=window.__xss=8>" in panel.inner_text()
    assert page.locator("#ng-explorer img, #ng-explorer svg, #ng-explorer b").count() == 0
    cards = open_cards(page, "all")
    find_card(cards, lambda q: q.startswith("Lambda · 최대 실행 시간"))
    cards.get_by_role("button", name="정답 보기").click()
    assert (
        "900초 <img src=x onerror=window.__xss=7>" in cards.locator(".ng-card-answer").inner_text()
    )
    assert page.evaluate("window.__xss") is None

"""Korean search on the real seed site, driven through Material's own search box.

Builds the seed vault (plus our SQS, Kinesis, S3, EC2 and DAX notes) with the
real pipeline and notesgraph's search, and the *same generated pages* with plain
Material search (see :func:`search_site.plain_material_variant`). Types every
query of :data:`search_site.QUERIES` into the header search box of headless
Chromium (the shared ``browser`` of ``conftest.py``), reads the result list and
prints the recall@5 of both. All of the issue's queries must pass with ours; no
request may leave 127.0.0.1 and no script may fail.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from notesgraph.search.index import INDEX_PATH

from .search_site import QUERIES, Query, build_with_search, make_vault, plain_material_variant

pytestmark = pytest.mark.browser

VARIANTS = ("notesgraph", "material")
SEARCH_BOX = "input[data-md-component=search-query]"
HANGUL = re.compile(r"[가-힣]")

# Wraps the page's Worker so the test knows when a query was answered (results
# arrive in QUERY order) and how long the worker took, whoever's worker it is.
WORKER_SPY = """
(() => {
  const Native = window.Worker
  window.__search = { ready: false, sent: [], answered: [], latency: [], setup: 0 }
  window.Worker = function (url, options) {
    const worker = new Native(url, options)
    const state = window.__search
    const post = worker.postMessage.bind(worker)
    worker.postMessage = (message, ...rest) => {
      if (message && message.type === 0) state.setup = performance.now()
      if (message && message.type === 2) state.sent.push([message.data, performance.now()])
      return post(message, ...rest)
    }
    worker.addEventListener("message", ev => {
      if (ev.data && ev.data.type === 1) {
        state.ready = true
        state.setup = performance.now() - state.setup
      }
      if (ev.data && ev.data.type === 3) {
        const [query, at] = state.sent.shift() || ["", 0]
        state.answered.push(query)
        state.latency.push(performance.now() - at)
      }
    })
    return worker
  }
  window.Worker.prototype = Native.prototype
})()
"""

RESULT_LINKS = """
() => [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")]
  .map(a => a.href)
"""


@dataclass
class Outcome:
    """What one site answered: result locations and marks per query, timings, requests."""

    top: dict[str, list[str]] = field(default_factory=dict)
    marks: dict[str, list[str]] = field(default_factory=dict)
    latency_ms: list[float] = field(default_factory=list)
    ready_ms: float = 0.0
    external: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def rank(self, query: Query) -> int | None:
        for i, location in enumerate(self.top.get(query.text, [])[:5]):
            if query.matches(location):
                return i
        return None

    def recall(self, queries: tuple[Query, ...]) -> float:
        return sum(self.rank(q) is not None for q in queries) / len(queries)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("search")
    vault = make_vault(root)
    build_with_search(vault, root / "ours")
    return {
        "notesgraph": root / "ours" / "site",
        "material": plain_material_variant(root / "ours" / "docs", root / "plain"),
    }


@pytest.fixture(scope="module")
def outcomes(
    browser: Any, sites: dict[str, Path], served: Callable[[Path], str]
) -> dict[str, Outcome]:
    return {v: run_queries(browser, served(sites[v]), QUERIES) for v in VARIANTS}


def run_queries(browser: Any, base: str, queries: tuple[Query, ...]) -> Outcome:
    """Type each query into Material's search box on the site at ``base``, read the results."""
    outcome = Outcome()
    context = browser.new_context(locale="ko-KR")

    def guard(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outcome.external.append(url)
            route.abort()

    context.route("**/*", guard)
    context.on("request", lambda r: outcome.requested.append(r.url))
    page = context.new_page()
    page.on("pageerror", lambda error: outcome.errors.append(str(error)))
    page.on("console", lambda m: outcome.errors.append(m.text) if m.type == "error" else None)
    page.add_init_script(WORKER_SPY)
    page.goto(base)
    page.click(SEARCH_BOX)
    page.wait_for_function("window.__search.ready", timeout=15000)
    outcome.ready_ms = page.evaluate("window.__search.setup")
    for query in queries:
        page.fill(SEARCH_BOX, query.text)
        page.press(SEARCH_BOX, "End")  # Material reads the box on keyup
        page.wait_for_function(
            f"window.__search.answered.at(-1) === {json.dumps(query.text)}", timeout=10000
        )
        outcome.top[query.text] = [_location(h, base) for h in page.evaluate(RESULT_LINKS)]
        outcome.marks[query.text] = page.eval_on_selector_all(
            ".md-search-result__list mark", "els => els.map(e => e.textContent)"
        )
    outcome.latency_ms = page.evaluate("window.__search.latency")[-len(queries) :]
    context.close()
    outcome.external += [u for u in outcome.requested if not u.startswith((base, "data:", "blob:"))]
    outcome.external = sorted(set(outcome.external))
    return outcome


def _location(href: str, base: str) -> str:
    """A result link as a site-relative location (``notes/a/#섹션``), without ``?h=``."""
    parts = urlsplit(href)
    path = unquote(parts.path)[len(urlsplit(base).path) :]
    return path + ("#" + unquote(parts.fragment) if parts.fragment else "")


def test_recall_against_plain_material(
    outcomes: dict[str, Outcome], capsys: pytest.CaptureFixture[str]
) -> None:
    ours, plain = outcomes["notesgraph"], outcomes["material"]
    issue = tuple(q for q in QUERIES if q.issue)
    with capsys.disabled():
        print("\n\nrank in top 5 (- = missing)  notesgraph  material   query → first expected")
        for q in QUERIES:
            shown = ["-" if r is None else str(r + 1) for r in (ours.rank(q), plain.rank(q))]
            print(
                f"{'issue' if q.issue else '':<29}{shown[0]:^12}{shown[1]:^10} "
                f"{q.text}  → {q.expected[0]}"
            )
        for label, subset in (("issue queries", issue), ("all queries", QUERIES)):
            print(
                f"recall@5 {label:<14} notesgraph {ours.recall(subset):.2f}   "
                f"plain material {plain.recall(subset):.2f}   (n={len(subset)})"
            )
        for name, outcome in outcomes.items():
            lat = outcome.latency_ms
            print(
                f"{name}: worker ready {outcome.ready_ms:.0f} ms after setup; per query "
                f"median {statistics.median(lat):.1f} ms, max {max(lat):.1f} ms"
            )
    missed = [q.text for q in issue if ours.rank(q) is None]
    assert not missed, f"issue queries not in the top 5: {missed}"
    assert ours.recall(QUERIES) >= 0.95
    assert ours.recall(QUERIES) > plain.recall(QUERIES)


def test_snippets_mark_korean_words(outcomes: dict[str, Outcome]) -> None:
    marks = outcomes["notesgraph"].marks
    assert "코그니토" in marks["코그니토를"]
    assert any("사용자풀" in m.replace(" ", "") for m in marks["사용자풀"])
    assert "캐시" in marks["캐시"]
    assert any(m.startswith("900") for m in marks["900"])
    assert any(m.lower() == "lambda" for m in marks["람다는"])  # the alias is marked too
    korean = [m for ms in marks.values() for m in ms if HANGUL.search(m)]
    assert len(korean) > 20


def test_no_request_leaves_loopback_and_no_script_fails(outcomes: dict[str, Outcome]) -> None:
    for variant, outcome in outcomes.items():
        assert outcome.external == [], f"{variant}: {outcome.external}"
    assert outcomes["notesgraph"].errors == []


def test_our_worker_replaces_materials(outcomes: dict[str, Outcome]) -> None:
    ours = outcomes["notesgraph"].requested
    assert any(u.endswith("assets/notesgraph/search-worker.js") for u in ours)
    assert any(u.endswith(INDEX_PATH) for u in ours)
    assert not any("/workers/search." in u for u in ours)
    assert any("/workers/search." in u for u in outcomes["material"].requested)


def test_every_indexed_location_exists(sites: dict[str, Path]) -> None:
    """Each doc of the index points at a built page, and a section at an id on it."""
    site = sites["notesgraph"]
    index = json.loads((site / INDEX_PATH).read_text(encoding="utf-8"))
    ids: dict[str, set[str]] = {}
    missing = []
    for url, _kind, _boost, docs, _terms, _postings in index["pages"]:
        html = site / url / "index.html"
        if not html.is_file():
            missing.append(url)
            continue
        if url not in ids:
            ids[url] = set(re.findall(r'\sid="([^"]+)"', html.read_text(encoding="utf-8")))
        missing += [f"{url}#{d[0]}" for d in docs if d[0] and d[0] not in ids[url]]
    assert not missing

"""How fast the explorer and the service map open and respond, in headless Chromium.

For a site built by ``notesgraph build``: serves it on 127.0.0.1, opens the explorer
in a fresh browser context (cold cache) a few times and reports medians of

- first render: navigation start → vis-network's first frame of the explorer;
- data: explorer.json fetched and parsed, and the typed arrays built;
- search + focus: typing a name, Enter, until the focused neighbourhood is drawn;
- show all kinds: ticking every node kind (the view is capped, see explorer.js);
- service map first render.

A benchmark prints figures; it does not fail on a slow machine.

    python -m benchmarks.browser_bench /tmp/s1000 --query Lambda
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.chromium import launch, serve_static

# Types a name into the explorer's search box, presses Enter and resolves when the
# focused view has been drawn: the time a person waits.
_SEARCH_AND_FOCUS = """
async (query) => {
  const root = document.getElementById('ng-explorer');
  const net = root.ngNetwork, input = root.querySelector('input[role=combobox]');
  const drawn = new Promise(resolve => net.once('afterDrawing', resolve));
  const start = performance.now();
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
  await drawn;
  return {ms: performance.now() - start, drawn: net.body.data.nodes.length,
          focused: root.ngExplorer.state.focus !== null};
}
"""
_SHOW_ALL = """
async () => {
  const root = document.getElementById('ng-explorer');
  const net = root.ngNetwork;
  const boxes = [...root.querySelectorAll('input[data-kind]')];
  const start = performance.now();
  const drawn = new Promise(resolve => net.once('afterDrawing', resolve));
  root.ngExplorer.state.focus = null;
  boxes.forEach(b => { b.checked = true; });
  root.ngExplorer.state.kindOn = root.ngExplorer.state.kindOn.map(() => true);
  root.ngExplorer.refresh();
  await drawn;
  return {ms: performance.now() - start, drawn: net.body.data.nodes.length};
}
"""


@dataclass
class BrowserTimings:
    """Medians over the runs, in milliseconds; node counts of the last run."""

    first_render_ms: float
    data_ms: float
    search_focus_ms: float
    show_all_ms: float
    map_first_render_ms: float
    nodes: int
    drawn_first: int
    drawn_focus: int
    drawn_all: int
    runs: int


def _wait_drawn(page: Any, selector: str) -> float:
    page.wait_for_function(
        "s => { const el = document.querySelector(s); return !!(el && el.dataset.ngDrawn); }",
        arg=selector,
        timeout=120_000,
    )
    return float(
        page.evaluate("s => parseFloat(document.querySelector(s).dataset.ngDrawn)", selector)
    )


def explorer_timings(site: Path, query: str = "Lambda", runs: int = 3) -> BrowserTimings:
    """Open the explorer of a built site ``runs`` times (cold cache each) and time it."""
    from playwright.sync_api import sync_playwright

    samples: dict[str, list[float]] = {k: [] for k in ("first", "data", "search", "all", "map")}
    counts: dict[str, int] = {}
    with serve_static(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                page.goto(base + "explorer/")
                samples["first"].append(_wait_drawn(page, "#ng-explorer"))
                timing = page.evaluate("document.getElementById('ng-explorer').ngTimings")
                samples["data"].append(timing["model"] - timing["start"])
                counts["nodes"] = page.evaluate(
                    "document.getElementById('ng-explorer').ngExplorer.model.n"
                )
                counts["first"] = page.evaluate(
                    "document.getElementById('ng-explorer').ngNetwork.body.data.nodes.length"
                )
                focus = page.evaluate(_SEARCH_AND_FOCUS, query)
                if not focus["focused"]:
                    raise RuntimeError(f"search for {query!r} focused nothing")
                samples["search"].append(focus["ms"])
                counts["focus"] = focus["drawn"]
                everything = page.evaluate(_SHOW_ALL)
                samples["all"].append(everything["ms"])
                counts["all"] = everything["drawn"]
                page.goto(base + "map/")
                samples["map"].append(_wait_drawn(page, "#ng-service-map"))
                context.close()
        finally:
            browser.close()
    median = {k: round(statistics.median(v), 1) for k, v in samples.items()}
    return BrowserTimings(
        median["first"],
        median["data"],
        median["search"],
        median["all"],
        median["map"],
        counts["nodes"],
        counts["first"],
        counts["focus"],
        counts["all"],
        runs,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a site folder built by notesgraph build")
    parser.add_argument("--query", default="Lambda", help="what to search for (default: Lambda)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    timings = explorer_timings(args.site, args.query, args.runs)
    for key, value in asdict(timings).items():
        print(f"{key:<22}{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

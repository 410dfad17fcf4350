"""Search figures for a real vault: per-note analysis, assembly, index size, Chromium latency.

Run: ``python tests/browser/search_site/bench_search.py /tmp/v1000 [--vocab 0.2]``.
Prints figures, asserts nothing. ``--vocab R`` first copies the vault and swaps
a share R of its Hangul words for new compounds (``사용자캐시를``), so the vault
has as many distinct words as a hand-written one (the generated vault repeats
a small vocabulary, which flatters a cold analysis).

Figures, in the order the build meets them:

* cold per-note analysis: a fresh process (Kiwi not loaded, nothing memoised)
  analysing every published note, in-process and in a 2-worker pool as the
  parse stage runs it;
* the parse cache: pickled size of all per-note results and their load time;
* warm assembly: :func:`search_files` on the real :class:`SiteContext`;
* the index: raw and gzip size;
* Chromium: worker start to READY (fetch + parse + invert) and the time per
  keystroke for every query of :data:`queries.QUERIES` typed one character at a time.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import pickle
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # the repository, for benchmarks/

from search_site.queries import QUERIES  # noqa: E402

from benchmarks.chromium import launch  # noqa: E402
from benchmarks.chromium import serve_static as serve_site
from notesgraph.pipeline import analyse  # noqa: E402
from notesgraph.search import (
    korean,  # noqa: E402
    noteterms,  # noqa: E402
)
from notesgraph.search.fields import PageTerms, decode_varints  # noqa: E402
from notesgraph.search.index import INDEX_PATH  # noqa: E402
from notesgraph.search.noteterms import SearchAnalyser  # noqa: E402
from notesgraph.search.sitedocs import search_files  # noqa: E402
from notesgraph.site.conceptpages import comparison_groups  # noqa: E402
from notesgraph.site.context import SiteContext  # noqa: E402
from notesgraph.site.urls import PagePaths  # noqa: E402
from notesgraph.vault import load_vault  # noqa: E402

T = TypeVar("T")
OVERRIDES = Path(__file__).resolve().parents[3] / "site_overrides"
PARTICLES = ["", "는", "가", "를", "의", "에서", "으로", "와", "도", "까지", "처럼", "하는"]


def timed(label: str, fn: Callable[[], T]) -> T:
    """Run ``fn``, print its wall and CPU time (CPU is steadier on a busy machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<52}{wall:7.2f} s wall {cpu:7.2f} s CPU")
    return result


def mutate_vault(source: Path, target: Path, share: float, seed: int = 7) -> None:
    """Copy ``source`` to ``target`` with ``share`` of its Hangul words made into new compounds."""
    shutil.copytree(source, target)
    rng = random.Random(seed)
    files = sorted(target.rglob("*.md"))
    # Korean number words (백만, 천) are left out: the extractor would read them as numbers.
    words = {w for f in files[:50] for w in re.findall(r"[가-힣]{2,4}", f.read_text())}
    nouns = sorted(w for w in words if not re.search("[십백천만억조]", w))

    def vary(match: re.Match[str]) -> str:
        if rng.random() < share:
            return rng.choice(nouns) + rng.choice(nouns) + rng.choice(PARTICLES)
        return match.group(0)

    for file in files:
        file.write_text(re.sub(r"[가-힣]+", vary, file.read_text()), encoding="utf-8")


def _analyse_chunk(item: tuple[SearchAnalyser, list[object]]) -> list[PageTerms]:
    analyser, notes = item
    return [analyser(note) for note in notes]  # type: ignore[arg-type]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--vocab", type=float, default=0.0, help="share of words to replace")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        vault = args.vault
        if args.vocab:
            vault = Path(tmp) / "vault"
            mutate_vault(args.vault, vault, args.vocab)
        # Search analysis first, in a process that holds only the parsed notes, as a
        # parse worker does.
        parsed = load_vault(vault, Path(tmp) / "c")
        notes = [parsed.notes[p] for p in parsed.published]
        words = {w for n in notes for s in n.sections for w in korean.normalise(s.text).split()}
        print(
            f"{len(notes)} published notes, {sum(len(n.sections) for n in notes):,} sections, "
            f"{sum(len(s.text) for n in notes for s in n.sections) / 1e6:.1f} M characters, "
            f"{len(words):,} distinct words"
        )
        analyser = SearchAnalyser(parsed.config.catalog_extra)

        noteterms.clear_memory()
        korean._KIWI = None  # noqa: SLF001 - measure Kiwi's load as a fresh worker pays it
        first = timed("cold: first note (Kiwi load + warm-up)", lambda: analyser(notes[0]))
        cpu = time.process_time()
        rest = timed("cold: the other notes, one process", lambda: [analyser(n) for n in notes[1:]])
        cold = (time.process_time() - cpu) / (len(notes) - 1) * 1000
        print(
            f"{'cold: per note, Kiwi loaded':<52}{cold:7.2f} ms/note CPU "
            f"({len(korean._MEMORY):,} distinct Hangul runs analysed)"
        )  # noqa: SLF001
        terms = dict(zip(parsed.published, [first, *rest], strict=True))
        start = time.process_time()
        for note in notes:
            analyser(note)
        hot = (time.process_time() - start) / len(notes) * 1000
        print(f"{'hot: words memoised (second build in serve)':<52}{hot:7.2f} ms/note CPU")

        noteterms.clear_memory()
        korean._KIWI = None  # noqa: SLF001 - the pool's workers start cold
        chunks = [(analyser, notes[i : i + 16]) for i in range(0, len(notes), 16)]

        def pooled() -> list[list[PageTerms]]:
            with ProcessPoolExecutor(max_workers=2) as pool:
                return list(pool.map(_analyse_chunk, chunks))

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        timed("cold: all notes in 2 worker processes", pooled)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        workers = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        print(f"{'cold: CPU of those 2 workers together':<52}{workers:7.2f} s CPU")
        analysis = timed(
            "parse + extract + graph (not search)", lambda: analyse(vault, Path(tmp) / "c")
        )

        blob = pickle.dumps(terms, protocol=pickle.HIGHEST_PROTOCOL)
        timed(
            f"parse cache: load {len(blob) / 1e6:.2f} MB of per-note results",
            lambda: pickle.loads(blob),
        )

        vault_ = analysis.vault
        published = {p: vault_.notes[p] for p in analysis.published}
        ctx = SiteContext(
            notes=published,
            resolutions=vault_.resolutions,
            graph=analysis.graph,
            concepts=analysis.concepts,
            paths=PagePaths(published, vault_.attachments),
        )
        groups = comparison_groups(ctx)
        ctx.comparison_pages = {node: page for page, nodes in groups.items() for node in nodes}
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            files = search_files(ctx, terms, analysis.catalog)
            runs.append(time.perf_counter() - start)
        print(
            f"{'warm assembly (search_files), best / median of 5':<52}"
            f"{min(runs):7.3f} s / {statistics.median(runs):.3f} s"
        )
        raw = files[INDEX_PATH].encode()
        data = json.loads(raw)
        entries = sum(_entries(decode_varints(p[5])) for p in data["pages"])
        docs = sum(len(p[3]) for p in data["pages"])
        text = sum(len(d[2].encode()) for p in data["pages"] for d in p[3])
        print(
            f"index: {len(raw) / 1e6:.2f} MB raw, {len(gzip.compress(raw)) / 1e6:.2f} MB gzip; "
            f"{len(data['pages']):,} pages, {docs:,} docs, {len(data['terms']):,} terms, "
            f"{entries:,} postings; snippets {text / 1e6:.2f} MB"
        )
        if not args.no_browser:
            site = Path(tmp) / "site"
            (site / "assets" / "notesgraph").mkdir(parents=True)
            shutil.copy(
                OVERRIDES / "assets" / "notesgraph" / "search-worker.js",
                site / "assets" / "notesgraph",
            )
            (site / INDEX_PATH).parent.mkdir(parents=True)
            (site / INDEX_PATH).write_bytes(raw)
            (site / "index.html").write_text(
                "<!doctype html><title>bench</title>", encoding="utf-8"
            )
            browser_latency(site)
    return 0


def _entries(flat: list[int]) -> int:
    """Number of postings in a page's decoded postings (per term: a count, then entries)."""
    at = total = 0
    while at < len(flat):
        total += flat[at]
        at += flat[at] + 1
    return total


LATENCY = """
async (queries) => {
  const worker = new Worker("assets/notesgraph/search-worker.js")
  const next = () => new Promise(resolve => worker.addEventListener("message",
    ev => resolve(ev.data), { once: true }))
  let start = performance.now()
  worker.postMessage({ type: 0, data: { config: {}, docs: [], options: { suggest: false } } })
  await next()
  const ready = performance.now() - start
  const times = []
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) {  // as typed, one character at a time
      start = performance.now()
      worker.postMessage({ type: 2, data: query.slice(0, i) })
      await next()
      times.push(performance.now() - start)
    }
  }
  return { ready, times }
}
"""


def browser_latency(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    with (
        sync_playwright() as pw,
        contextlib.closing(launch(pw)) as browser,
        serve_site(site) as base,
    ):
        page = browser.new_page()
        page.goto(base)
        result = page.evaluate(LATENCY, [q.text for q in QUERIES])
        times = sorted(result["times"])
        p95 = times[int(len(times) * 0.95)]
        print(
            f"Chromium: worker start → ready (fetch + parse + invert) {result['ready']:.0f} ms; "
            f"per keystroke median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
            f"max {times[-1]:.1f} ms over {len(times)} keystrokes"
        )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

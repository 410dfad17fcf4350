"""notesgraph's benchmark: prints figures, never fails on a slow machine.

    python benchmarks/bench.py                      # 1,000 and 5,000 notes
    python benchmarks/bench.py --sizes 1000 --quick # one size, no 5,000-note baseline

For each vault size it generates a realistic Korean vault (benchmarks/vaultgen.py)
and measures, each in a fresh process: parse+graph cold and warm (as
``notesgraph graph`` does it: no search analysis, notes kept as outlines), a full
``notesgraph build`` (cold cache, then warm cache), the time to rebuild after
editing one note, a plain ``mkdocs build`` of the same notes with Material's
default settings (the baseline, measured in the same run), page sizes and peak
memory. It also prints the parser's throughput on 1,000 copies of the seed note
and, if Chromium is installed, the explorer's first render and interaction times.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.baseline import Measured, page_sizes, plain_mkdocs_build, run_measured  # noqa: E402
from benchmarks.vaultgen import edit_one_note, generate_vault  # noqa: E402

ANALYSE = """
import os, sys, time
from pathlib import Path
from notesgraph.pipeline import analyse
start = time.perf_counter()
# as `notesgraph graph` runs it: notes kept as outlines, no search analysis
a = analyse(Path(sys.argv[1]), Path(sys.argv[2]) if sys.argv[2] != '-' else None, outline=True)
seconds = time.perf_counter() - start
print('NODES', a.graph.number_of_nodes(), 'EDGES', a.graph.number_of_edges(),
      'SECONDS', round(seconds, 3), 'TIMINGS', {k: round(v, 3) for k, v in a.timings.items()},
      flush=True)
os._exit(0)  # like the CLI: no object-by-object teardown (seconds at 5,000 notes)
"""


#: Fills the notes cache as a build reads it (parse, concepts and search terms per note).
FILL_CACHE = """
import os, sys
from pathlib import Path
from notesgraph.pipeline import analyse
analyse(Path(sys.argv[1]), Path(sys.argv[2]))
os._exit(0)
"""


def _analyse_seconds(result: Measured) -> float:
    """analyse()'s own time, as the snippet measured it (without interpreter start-up)."""
    try:
        return float(result.output.split("SECONDS")[1].split()[0])
    except (IndexError, ValueError):
        return result.seconds


PARSE_SEED = """
import sys, time
from pathlib import Path
from notesgraph.vault import load_vault
start = time.perf_counter()
v = load_vault(Path(sys.argv[1]), None, jobs=int(sys.argv[2]))
print('NOTES', len(v.notes), 'SECONDS', round(time.perf_counter() - start, 3))
"""


SERVE_REBUILD = """
import io, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[5])
from benchmarks.vaultgen import edit_one_note
from notesgraph.pipeline import BuildOptions
from notesgraph.report import Reporter
from notesgraph.serve import Rebuilder
vault, work, cache = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
options = BuildOptions(vault=vault, docs=work / 'docs', site=work / 'site', config=Path(sys.argv[4]),
                       cache_dir=cache, keep_cache=True, site_url='http://127.0.0.1:8000/')
rebuild = Rebuilder(options, Reporter(quiet=True, out=io.StringIO(), err=io.StringIO()))
start = time.perf_counter(); rebuild(); first = time.perf_counter() - start
times = []
for seed in (2, 3, 4):
    edit_one_note(vault, seed=seed)
    start = time.perf_counter(); rebuild(); times.append(time.perf_counter() - start)
print('FIRST', round(first, 2), 'REBUILDS', ' '.join(f'{t:.2f}' for t in times))
"""


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MiB"


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def python(code: str, *args: str) -> Measured:
    return run_measured([sys.executable, "-c", code, *args], cwd=ROOT, env=_env())


def notesgraph(*args: str) -> Measured:
    return run_measured([sys.executable, "-m", "notesgraph", *args], cwd=ROOT, env=_env())


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def _check(result: Measured, what: str) -> Measured:
    if result.returncode not in (0, 1):
        print(f"  !! {what} failed (exit {result.returncode}):\n{result.output[-3000:]}")
    return result


def build_args(vault: Path, work: Path, cache: Path | None) -> list[str]:
    args = [
        "build",
        "--vault",
        str(vault),
        "--docs",
        str(work / "docs"),
        "--site",
        str(work / "site"),
        "--config",
        str(ROOT / "mkdocs.yml"),
        "--quiet",
    ]
    return args + (["--cache-dir", str(cache)] if cache else ["--no-cache"])


def bench_size(notes: int, scratch: Path, baseline: bool) -> dict[str, object]:
    print(f"\n== {notes:,} notes ==")
    vault = scratch / f"vault{notes}"
    stats = generate_vault(vault, notes, seed=0)
    print(
        f"vault: {stats.notes} notes in {stats.folders} folders, {mib(stats.total_bytes)}, "
        f"median note {stats.median_note_bytes:,} B, {stats.wikilinks:,} wikilinks, "
        f"{stats.embeds:,} embeds"
    )
    row: dict[str, object] = {"notes": notes}
    cache = scratch / f"cache{notes}"
    graph_cache = scratch / f"graph-cache{notes}"  # without search terms: not the build's

    cold = _check(python(ANALYSE, str(vault), "-"), "analyse")
    warm_seed = _check(python(ANALYSE, str(vault), str(graph_cache)), "analyse")  # fills it
    warm = _check(python(ANALYSE, str(vault), str(graph_cache)), "analyse")
    row.update(
        parse_graph_cold=_analyse_seconds(cold),
        parse_graph_warm=_analyse_seconds(warm),
        parse_graph_cold_process=cold.seconds,
        parse_graph_warm_process=warm.seconds,
        parse_graph_peak=cold.peak_rss_bytes,
        parse_graph_warm_peak=warm.peak_rss_bytes,
    )
    print(
        f"parse+graph: cold {_analyse_seconds(cold):.2f} s (peak {mib(cold.peak_rss_bytes)}), "
        f"warm {_analyse_seconds(warm):.2f} s (peak {mib(warm.peak_rss_bytes)})  "
        f"[whole process with Python start-up and imports: cold {cold.seconds:.2f} s, "
        f"warm {warm.seconds:.2f} s; {warm_seed.seconds:.2f} s filling the cache]"
    )
    print("   " + cold.output.strip().splitlines()[-1][:300])

    full_cold = _check(notesgraph(*build_args(vault, scratch / f"site{notes}-cold", None)), "build")
    _check(python(FILL_CACHE, str(vault), str(cache)), "notes cache")
    full_warm = _check(
        notesgraph(*build_args(vault, scratch / f"site{notes}-warm", cache)), "build"
    )
    # The same build once more into a fresh docs/ and site/: now the cache also holds the
    # pages the previous build rendered (FILL_CACHE fills only the notes cache).
    full_again = _check(
        notesgraph(*build_args(vault, scratch / f"site{notes}-again", cache)), "build"
    )
    shutil.rmtree(scratch / f"site{notes}-again", ignore_errors=True)
    sizes = page_sizes(scratch / f"site{notes}-warm" / "site")
    row.update(
        build_cold=full_cold.seconds,
        build_warm=full_warm.seconds,
        build_again=full_again.seconds,
        build_peak=max(full_cold.peak_rss_bytes, full_warm.peak_rss_bytes),
        median_page=statistics.median(sizes),
        max_page=max(sizes),
        pages=len(sizes),
    )
    print(
        f"notesgraph build: cold cache {full_cold.seconds:.2f} s, warm notes cache "
        f"{full_warm.seconds:.2f} s, warm notes and pages cache (fresh docs/ and site/) "
        f"{full_again.seconds:.2f} s, "
        f"peak {mib(int(row['build_peak']))}; {len(sizes):,} pages, median {kib(statistics.median(sizes))}, "
        f"largest {kib(max(sizes))}"
    )

    edited = edit_one_note(vault, seed=1)
    started = time.perf_counter()
    incremental = _check(
        notesgraph(*build_args(vault, scratch / f"site{notes}-warm", cache)), "rebuild"
    )
    row["rebuild_one"] = incremental.seconds
    print(
        f"rebuild after editing {edited.relative_to(vault)}: {incremental.seconds:.2f} s "
        f"(wall {time.perf_counter() - started:.2f} s with process start)"
    )
    # Editing on: from the second incremental build on, the site the previous swap kept
    # (.site-spare) is where MkDocs starts, instead of a tree of links to the live site.
    edited = edit_one_note(vault, seed=5)
    again = _check(notesgraph(*build_args(vault, scratch / f"site{notes}-warm", cache)), "rebuild")
    row["rebuild_next"] = again.seconds
    print(f"next rebuild after editing {edited.relative_to(vault)}: {again.seconds:.2f} s")

    served = _check(
        python(
            SERVE_REBUILD,
            str(vault),
            str(scratch / f"site{notes}-serve"),
            str(cache),
            str(ROOT / "mkdocs.yml"),
            str(ROOT),
        ),
        "serve",
    )
    line = served.output.strip().splitlines()[-1] if served.output.strip() else ""
    if line.startswith("FIRST"):
        rebuilds = [float(t) for t in line.split("REBUILDS")[1].split()]
        row["serve_rebuild"] = statistics.median(rebuilds)
        print(
            f"serve (one process, notes kept in memory): first build {line.split()[1]} s, "
            f"rebuild after editing one note {' / '.join(f'{t:.2f}' for t in rebuilds)} s "
            f"(median {statistics.median(rebuilds):.2f} s)"
        )

    if baseline:
        plain = plain_mkdocs_build(vault, scratch / f"plain{notes}")
        row.update(
            plain=plain.seconds,
            plain_median_page=plain.median_page_bytes,
            plain_max_page=plain.max_page_bytes,
            plain_peak=plain.peak_rss_bytes,
        )
        print(
            f"plain mkdocs build (Material defaults): {plain.seconds:.2f} s, {plain.pages:,} pages, "
            f"median {kib(plain.median_page_bytes)}, largest {kib(plain.max_page_bytes)}, "
            f"peak {mib(plain.peak_rss_bytes)}"
        )
        print(
            f"ratio notesgraph/plain: cold cache {full_cold.seconds / plain.seconds:.2f}x, "
            f"warm notes cache {full_warm.seconds / plain.seconds:.2f}x, "
            f"warm notes and pages cache {full_again.seconds / plain.seconds:.2f}x  "
            "(target <= 0.2x)"
        )
        shutil.rmtree(scratch / f"plain{notes}", ignore_errors=True)
    else:
        print(
            "plain mkdocs build: skipped (its time grows with the square of the notes; "
            "pass --baseline-all to run it)"
        )
    _browser(scratch / f"site{notes}-warm" / "site", row)
    return row


def _browser(site: Path, row: dict[str, object]) -> None:
    try:
        from benchmarks.browser_bench import explorer_timings
    except ImportError:
        return
    try:
        timings = explorer_timings(site)
    except Exception as error:  # the benchmark reports, it does not fail
        print(f"explorer timings: unavailable ({type(error).__name__}: {error})")
        return
    row["explorer"] = timings
    print(f"explorer in Chromium: {timings}")


def bench_seed_parse(scratch: Path) -> None:
    """Issue 2's figure: parsing 1,000 notes of the seed's size."""
    seed = ROOT / "vault" / "AWS SAA" / "215-229 서버리스.md"
    vault = scratch / "seed1000"
    vault.mkdir()
    text = seed.read_bytes()
    for n in range(1000):
        (vault / f"{n:04d} 서버리스.md").write_bytes(text)
    one = _check(python(PARSE_SEED, str(vault), "1"), "parse")
    two = _check(python(PARSE_SEED, str(vault), str(os.cpu_count() or 1)), "parse")
    for label, result in (("1 process", one), (f"{os.cpu_count()} processes", two)):
        seconds = float(result.output.split("SECONDS")[1].split()[0])
        print(
            f"parse 1,000 seed-sized notes ({len(text) / 1024:.1f} KB each), {label}: {seconds:.2f} s "
            f"= {1000 / seconds:,.0f} notes/s"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument(
        "--baseline-all",
        action="store_true",
        help="also run the plain MkDocs baseline above 1,000 notes (slow)",
    )
    parser.add_argument("--keep", help="keep generated vaults and sites in this folder")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    scratch = (
        Path(args.keep)
        if args.keep
        else Path(
            tempfile.mkdtemp(
                prefix="ng-bench-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None
            )
        )
    )
    scratch.mkdir(parents=True, exist_ok=True)
    print(f"notesgraph benchmark on {os.cpu_count()} CPUs, scratch {scratch}")
    try:
        bench_seed_parse(scratch)
        rows = [bench_size(n, scratch, baseline=n <= 1000 or args.baseline_all) for n in args.sizes]
        if len(rows) > 1:
            first, last = rows[0], rows[-1]
            factor = int(last["notes"]) / int(first["notes"])  # type: ignore[arg-type]
            grow = float(last["parse_graph_cold"]) / float(first["parse_graph_cold"])  # type: ignore[arg-type]
            print(
                f"\nparse+graph scaling {first['notes']}→{last['notes']}: x{grow:.1f} for x{factor:.0f} notes"
            )
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=2, default=str), encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

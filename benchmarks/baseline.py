"""The baseline notesgraph is compared against: a plain ``mkdocs build`` of the vault.

The vault's notes and attachments are copied unchanged into ``docs/``, next to a
``mkdocs.yml`` with nothing but a site name and the Material theme on its default
settings, and built in a child process. This is what a student would get by pointing
MkDocs Material at the vault, and it is the figure the product is measured against
("a full notesgraph build takes at most 0.2x the plain build of the same notes").
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: Runs a command as its only child and records that child's peak RSS. A fresh
#: wrapper is needed because RUSAGE_CHILDREN reports the largest of *all* children
#: ever waited for, so measuring in the benchmark process would report whichever
#: earlier build was biggest.
_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[2:])
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(sys.argv[1], "w") as handle:
    json.dump({"returncode": code, "seconds": seconds, "maxrss": peak}, handle)
"""

MKDOCS_YML = "site_name: Plain MkDocs baseline\ntheme:\n  name: material\n"


@dataclass(frozen=True)
class Measured:
    """Wall time and peak memory of one command run in a fresh wrapper process."""

    seconds: float
    peak_rss_bytes: int
    returncode: int
    output: str  # stdout and stderr of the command, interleaved


@dataclass(frozen=True)
class BaselineResult:
    """Figures of a plain default MkDocs Material build of a vault."""

    seconds: float
    pages: int
    median_page_bytes: int
    max_page_bytes: int
    peak_rss_bytes: int
    site_bytes: int
    copied_files: int

    def summary(self) -> str:
        """Aligned ``key  value`` lines for benchmark output."""
        rows = {
            "build seconds": f"{self.seconds:.2f}",
            "pages": self.pages,
            "median page bytes": self.median_page_bytes,
            "max page bytes": self.max_page_bytes,
            "peak RSS MiB": f"{self.peak_rss_bytes / 2**20:.1f}",
            "site bytes": self.site_bytes,
        }
        return "\n".join(f"{key:<20} {value}" for key, value in rows.items())


def run_measured(argv: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Measured:
    """Run ``argv`` in ``cwd`` and measure its wall time and peak RSS (POSIX only).

    The benchmark can time notesgraph with this too, so both sides are measured the
    same way.
    """
    with tempfile.TemporaryDirectory(prefix="measure-") as tmp:
        report = Path(tmp) / "report.json"
        done = subprocess.run(
            [sys.executable, "-c", _WRAPPER, str(report), *argv],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        if not report.exists():
            raise RuntimeError(f"measuring {argv[0]} failed before it ran:\n{done.stdout[-2000:]}")
        data = json.loads(report.read_text())
    return Measured(data["seconds"], _maxrss_bytes(data["maxrss"]), data["returncode"], done.stdout)


def _maxrss_bytes(maxrss: int) -> int:
    """ru_maxrss is in KiB on Linux and in bytes on macOS."""
    return maxrss if sys.platform == "darwin" else maxrss * 1024


def copy_vault(vault: Path, docs: Path) -> int:
    """Copy notes and attachments as they are, skipping Obsidian's hidden folders."""
    copied = 0
    for source in sorted(vault.rglob("*")):
        relative = source.relative_to(vault)
        if not source.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        copied += 1
    return copied


def page_sizes(site: Path) -> list[int]:
    """Byte sizes of the built HTML pages (the 404 page is not a note)."""
    return sorted(
        p.stat().st_size
        for p in site.rglob("*.html")
        if p.relative_to(site).as_posix() != "404.html"
    )


def plain_mkdocs_build(vault: Path, workdir: Path) -> BaselineResult:
    """Build ``vault`` with plain MkDocs Material defaults under ``workdir`` and measure it.

    ``workdir/docs``, ``workdir/site`` and ``workdir/mkdocs.yml`` are replaced.
    """
    vault, workdir = Path(vault), Path(workdir)
    docs, site = workdir / "docs", workdir / "site"
    for old in (docs, site):
        if old.exists():
            shutil.rmtree(old)
    workdir.mkdir(parents=True, exist_ok=True)
    copied = copy_vault(vault, docs)
    (workdir / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = run_measured([sys.executable, "-m", "mkdocs", "build", "-q"], workdir, env)
    if run.returncode != 0:
        raise RuntimeError(
            f"mkdocs build failed with exit code {run.returncode}:\n{run.output[-2000:]}"
        )
    sizes = page_sizes(site)
    if not sizes:
        raise RuntimeError(f"mkdocs build wrote no pages under {site}")
    return BaselineResult(
        seconds=run.seconds,
        pages=len(sizes),
        median_page_bytes=int(statistics.median(sizes)),
        max_page_bytes=sizes[-1],
        peak_rss_bytes=run.peak_rss_bytes,
        site_bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        copied_files=copied,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.baseline VAULT WORKDIR``: build and print the figures."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m benchmarks.baseline VAULT WORKDIR", file=sys.stderr)
        return 2
    try:
        result = plain_mkdocs_build(Path(args[0]), Path(args[1]))
    except RuntimeError as error:
        print(f"baseline: {error}", file=sys.stderr)
        return 1
    print(result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())

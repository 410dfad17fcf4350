"""Build a vault into a temporary docs/ and site/ with the project's mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from notesgraph.pipeline import BuildOptions, BuildReport, build_site

from .conftest import ROOT


def options_for(vault: Path, workdir: Path, **overrides: object) -> BuildOptions:
    values: dict[str, object] = {
        "vault": vault,
        "docs": workdir / "docs",
        "site": workdir / "site",
        "config": ROOT / "mkdocs.yml",
        "cache_dir": workdir / "cache",
        **overrides,
    }
    return BuildOptions(**values)  # type: ignore[arg-type]


def cli_args(
    command: str, vault: Path, workdir: Path, *, docs: str = "docs", cache: bool = True
) -> list[str]:
    """The command line of ``notesgraph build`` or ``serve`` writing under ``workdir``
    (the same folders as :func:`options_for`), with a cache there or ``--no-cache``."""
    return [
        command,
        "--vault",
        str(vault),
        "--docs",
        str(workdir / docs),
        "--site",
        str(workdir / "site"),
        "--config",
        str(ROOT / "mkdocs.yml"),
        *(["--cache-dir", str(workdir / "cache")] if cache else ["--no-cache"]),
    ]


def build(vault: Path, workdir: Path, **overrides: object) -> BuildReport:
    return build_site(options_for(vault, workdir, **overrides))


def site_files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }

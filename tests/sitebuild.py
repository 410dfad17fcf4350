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


def build(vault: Path, workdir: Path, **overrides: object) -> BuildReport:
    return build_site(options_for(vault, workdir, **overrides))


def site_files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }

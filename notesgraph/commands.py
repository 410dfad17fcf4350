"""The ``graph``, ``build`` and ``serve`` commands: options in, report out."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from .report import Reporter

if TYPE_CHECKING:
    from .pipeline import BuildOptions


def _in_vault(path: Path, vault: Path) -> bool:
    try:
        path.resolve().relative_to(vault.resolve())
    except ValueError:
        return False
    return True


def graph_command(args: argparse.Namespace, cache_dir: Path | None) -> int:
    from .graph.export import write_graphml, write_json
    from .pipeline import analyse

    output = Path(args.output) if args.output else None
    if output is not None and _in_vault(output, Path(args.vault)):
        print(f"notesgraph: refusing to write into the vault: {output}", file=sys.stderr)
        return 2
    analysis = analyse(Path(args.vault), cache_dir, outline=True)
    with (
        output.open("w", encoding="utf-8", newline="\n") if output else nullcontext(sys.stdout)
    ) as out:
        (write_json if args.format == "json" else write_graphml)(analysis.graph, out)
    return 0


def build_options(args: argparse.Namespace, cache_dir: Path | None) -> BuildOptions:
    from .pipeline import BuildOptions

    return BuildOptions(
        vault=Path(args.vault),
        docs=Path(args.docs),
        site=Path(args.site or "site"),
        config=Path(args.config),
        cache_dir=cache_dir,
    )


def check_paths(options) -> str | None:  # type: ignore[no-untyped-def]
    """Why these options cannot be used, or None."""
    if not options.config.is_file():
        return f"MkDocs config not found: {options.config} (run from the project folder or pass --config)"
    for name, path in (("--docs", options.docs), ("--site", options.site)):
        if _in_vault(path, options.vault):
            return f"{name} {path} is inside the vault; notesgraph never writes into the vault"
    return None


def _checked_options(args: argparse.Namespace, cache_dir: Path | None) -> BuildOptions | None:
    """The build options, or None (having said why) when a path would write into the vault."""
    options = build_options(args, cache_dir)
    problem = check_paths(options)
    if problem:
        print(f"notesgraph: {problem}", file=sys.stderr)
        return None
    return options


def build_command(args: argparse.Namespace, cache_dir: Path | None) -> int:
    from .pipeline import build_site
    from .site.mkbuild import MkDocsError

    options = _checked_options(args, cache_dir)
    if options is None:
        return 2
    reporter = Reporter(quiet=args.quiet, verbose=args.verbose, strict=args.strict)
    try:
        with reporter.progress("노트 읽는 중") as progress:
            report = build_site(options, progress=progress, step=reporter.step)
    except MkDocsError as error:
        reporter.error(f"MkDocs build failed: {error}; the previous site is left as it was")
        return 1
    reporter.summary(report)
    failed = args.strict and (report.warnings or report.mkdocs_warnings)
    return 1 if failed else 0


def serve_command(args: argparse.Namespace, cache_dir: Path | None) -> int:
    from .serve import serve

    options = _checked_options(args, cache_dir)
    if options is None:
        return 2
    host, _, port = args.dev_addr.rpartition(":")
    return serve(
        options,
        host or "127.0.0.1",
        int(port or 8000),
        Reporter(quiet=args.quiet, verbose=args.verbose),
    )

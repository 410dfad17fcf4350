"""The ``notesgraph`` command: check, graph, build, serve.

``main(argv)`` returns an exit status and never exits itself, so tests call it
directly: 0 = done and clean, 1 = problems found (or a failed build), 2 = usage.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, interrupt


def default_cache_dir(vault: Path) -> Path:
    """Per-vault cache under ``$XDG_CACHE_HOME`` (never inside the vault)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.blake2b(str(vault.resolve()).encode(), digest_size=6).hexdigest()
    return base / "notesgraph" / digest


def _cache_dir(args: argparse.Namespace) -> Path | None:
    if args.no_cache:
        return None
    return Path(args.cache_dir) if args.cache_dir else default_cache_dir(Path(args.vault))


def _vault_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vault", default="vault", help="the Obsidian vault (default: vault/)")
    parser.add_argument("--cache-dir", help="where parse results are cached")
    parser.add_argument("--no-cache", action="store_true", help="parse every note again")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="notesgraph",
        description="Obsidian vault of Korean study notes → concept graph and static site.",
    )
    parser.add_argument("--version", action="version", version=f"notesgraph {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="report broken links and missing attachments")
    _vault_arg(check)
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument(
        "--all",
        action="store_true",
        help="also list parse warnings (unclosed markup, duplicate block ids)",
    )

    graph = commands.add_parser("graph", help="write the concept graph")
    _vault_arg(graph)
    graph.add_argument("--format", choices=("json", "graphml"), default="json")
    graph.add_argument("-o", "--output", help="file to write (default: standard output)")

    build = commands.add_parser("build", help="generate docs/ and build the site")
    _vault_arg(build)
    _site_args(build)

    serve = commands.add_parser("serve", help="build, serve on loopback, rebuild on save")
    _vault_arg(serve)
    _site_args(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="IP:PORT (loopback)")
    return parser


def _site_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", default=None, help="output folder (default: site/)")
    parser.add_argument("--docs", default="docs", help="where pages are generated (default: docs/)")
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs config to use")
    parser.add_argument("--strict", action="store_true", help="fail when there are warnings")
    verbosity = parser.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    verbosity.add_argument("-v", "--verbose", action="store_true", help="print every step")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help and on usage errors
        return int(stop.code or 0)
    vault = Path(args.vault)
    if not vault.is_dir():
        print(f"notesgraph: vault folder not found: {vault}", file=sys.stderr)
        return 2
    if args.command == "check":
        return _check(args)
    if args.command == "graph":
        from .commands import graph_command

        return graph_command(args, _cache_dir(args))
    if args.command == "build":
        from .commands import build_command

        return build_command(args, _cache_dir(args))
    from .commands import serve_command

    return serve_command(args, _cache_dir(args))


def _check(args: argparse.Namespace) -> int:
    from .check import check_report, summary
    from .vault import load_vault

    vault = load_vault(Path(args.vault), _cache_dir(args), outline=True)  # links, not texts
    problems = check_report(vault, include_all=args.all)
    facts = summary(vault, problems)
    if args.json:
        report = {"problems": [_as_dict(p) for p in problems], "summary": facts}
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem.format())
        counts = ", ".join(f"{n} {code}" for code, n in facts["by_code"].items())  # type: ignore[attr-defined]
        print(
            f"{facts['notes']} notes, {facts['attachments']} attachments, {facts['links']} links: "
            + (f"{facts['problems']} problems ({counts})" if problems else "no problems")
        )
    return 1 if problems else 0


def _as_dict(problem: object) -> dict[str, object]:
    from dataclasses import asdict

    return asdict(problem)  # type: ignore[call-overload]


def run() -> None:
    """Console-script entry point."""
    interrupt.install()
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:  # `notesgraph graph | head` is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    except KeyboardInterrupt:
        print("notesgraph: interrupted", file=sys.stderr)
        status = 130
    # Leave without tearing down every object one by one: after a large build that
    # alone takes seconds (2 s for 5,000 notes), and the system frees it all at once.
    # Everything is written and flushed; no worker is left (pools are closed, forked
    # children reaped).
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    logging.shutdown()
    os._exit(status)


if __name__ == "__main__":
    run()

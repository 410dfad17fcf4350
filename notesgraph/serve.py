"""``notesgraph serve``: build, serve on loopback, rebuild on save, reload the browser.

MkDocs' own live-reload server serves site/ and injects its reload script; its
builder is our incremental build. The vault, mkdocs.yml and site_overrides/ are
watched (docs/ is not: we write it). A note that cannot be read while serving
keeps its last good version, with a warning; a failed rebuild keeps the last
good site.
"""

from __future__ import annotations

import gc
import ipaddress
import logging
import time
from pathlib import Path
from typing import Any

from .model import Note
from .report import Reporter


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Rebuilder:
    """Runs the pipeline; remembers the last good parse of every note."""

    def __init__(self, options: Any, reporter: Reporter) -> None:
        self.options = options
        self.reporter = reporter
        self.last_good: dict[str, Note] = {}
        self.builds = 0

    def __call__(self) -> bool:
        from .pipeline import build_site

        started = time.perf_counter()
        try:
            report = build_site(self.options, fallback=self.last_good)
        except Exception as error:  # keep serving the last good site
            self.reporter.error(
                f"rebuild failed ({type(error).__name__}: {error}); "
                "still serving the last good site"
            )
            return False
        finally:
            gc.unfreeze()  # the build froze what it made (see gc_paused); old builds can go now
        self.last_good = dict(report.analysis.vault.notes)
        self.builds += 1
        if self.builds == 1:  # before the first edit arrives, not when it does
            from .search.korean import warm_up

            warm_up()
        for warning in report.warnings:
            if warning.code in (
                "kept-last-good",
                "binary-note",
                "unreadable",
                "encoding",
                "bad-front-matter",
            ):
                print(f"warning: {warning.format()}", file=self.reporter.err)
        changed = len(report.written.written)
        print(
            f"notesgraph: rebuilt in {time.perf_counter() - started:.2f}s "
            f"({changed} page{'s' if changed != 1 else ''} changed)",
            file=self.reporter.out,
            flush=True,
        )
        return True


def serve(options: Any, host: str, port: int, reporter: Reporter) -> int:
    from mkdocs.livereload import LiveReloadServer

    if not is_loopback(host):
        reporter.error(f"serve listens on loopback only (127.0.0.1 or ::1), not {host}")
        return 2
    options.site_url = f"http://{host}:{port}/"  # instant navigation and the sitemap need it
    options.keep_cache = True  # parsed notes stay in memory between rebuilds
    rebuild = Rebuilder(options, reporter)
    if not rebuild():
        return 1
    logging.getLogger("mkdocs").setLevel(logging.WARNING if reporter.quiet else logging.INFO)
    if not logging.getLogger("mkdocs").handlers:
        logging.basicConfig(format="%(message)s")

    def builder() -> None:
        rebuild()  # a failed rebuild has said why, and the last good site stays

    server = LiveReloadServer(
        builder=builder, host=host, port=port, root=str(Path(options.site).resolve())
    )
    for path in (options.vault, options.config, options.config.parent / "site_overrides"):
        if Path(path).exists():
            server.watch(str(Path(path).resolve()))
    print(
        f"notesgraph: serving on http://{host}:{port}/ (Ctrl-C to stop)",
        file=reporter.out,
        flush=True,
    )
    try:
        server.serve()
    except KeyboardInterrupt:
        print("notesgraph: stopped", file=reporter.out)
    finally:
        server.shutdown()
    return 0

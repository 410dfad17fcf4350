"""Debian's Chromium for the browser tests and benchmarks, and a loopback server for a built site.

One place for the launch options: Playwright's own browser download does not
work here, and without the background-networking flags Chromium keeps trying
to reach Google's hosts from a machine with no such network.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(playwright: Any) -> Any:
    """A headless Chromium from Debian's package."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


class LoopbackServer:
    """A static file server for one folder on 127.0.0.1 (a free port), in a thread.

    The folder may appear later (a build can be told the server's address first)."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_Quiet, directory=str(root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@contextmanager
def serve_static(site: Path) -> Iterator[str]:
    """Serve ``site`` on loopback for the duration of the block; yields the base URL."""
    server = LoopbackServer(site)
    try:
        yield server.url
    finally:
        server.close()

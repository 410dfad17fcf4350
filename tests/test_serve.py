"""`notesgraph serve`: loopback only, rebuild on save, live reload, last good page kept."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from notesgraph.cli import main
from notesgraph.serve import is_loopback

from .conftest import ROOT
from .sitebuild import cli_args


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


def wait_for(predicate, timeout: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_loopback_only() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.0.10")
    assert (
        main(
            [
                "serve",
                "--vault",
                str(ROOT / "vault"),
                "--dev-addr",
                "0.0.0.0:8000",
                "--config",
                str(ROOT / "mkdocs.yml"),
            ]
        )
        == 2
    )


def test_serve_rebuilds_on_save_and_keeps_the_last_good_page(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    note = vault / "람다.md"
    note.write_text("# 람다\n\n람다는 ==첫 번째 버전== 이다.\n", encoding="utf-8")
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "notesgraph",
            *cli_args("serve", vault, tmp_path),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    page = f"http://127.0.0.1:{port}/notes/%EB%9E%8C%EB%8B%A4/"  # notes/람다/
    try:
        assert wait_for(lambda: "첫 번째 버전" in fetch(page)), "the first build is served"
        first = fetch(page)
        assert "livereload" in first, "MkDocs' reload script is injected"

        note.write_text("# 람다\n\n람다는 ==두 번째 버전== 이다.\n", encoding="utf-8")
        assert wait_for(lambda: "두 번째 버전" in fetch(page)), "a save is rebuilt and served"

        note.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)  # the note breaks
        time.sleep(4)
        assert "두 번째 버전" in fetch(page), "the last good page stays"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "serving on" in output
    assert re.search(r"람다\.md.*(binary|cannot be read)", output), output[-2000:]

"""What `notesgraph build` prints: a summary, warnings as file:line, quiet and verbose modes."""

from __future__ import annotations

from pathlib import Path

import pytest

from notesgraph.cli import main

from .conftest import ROOT
from .sitebuild import cli_args


@pytest.fixture
def args(tmp_path: Path) -> list[str]:
    return cli_args("build", ROOT / "vault", tmp_path)


def test_default_output_is_a_summary_and_warnings(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert out.strip().splitlines()[-1].startswith("notesgraph: 1 notes, 35 services, 22 limits")
    warnings = err.strip().splitlines()
    assert (
        'warning: AWS SAA/215-229 서버리스.md:76: missing attachment "스크린샷 2025-05-14 오후 9.28.27.png"'
        " (shown as a placeholder)" in warnings
    )
    assert all(line.startswith("warning: ") for line in warnings)


def test_quiet_prints_nothing_on_success(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == ""


def test_verbose_prints_every_step_with_times(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "--verbose"]) == 0
    out = capsys.readouterr().out
    for step in (
        "notes parsed",
        "graph:",
        "pages rendered",
        "docs/:",
        "site built",
        "times: parse",
    ):
        assert step in out, step


def test_no_progress_bar_when_not_a_terminal(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "\r" not in out + err and "\x1b[" not in out + err


def test_quiet_strict_still_says_why_it_failed(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "--quiet", "--strict"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "missing attachment" in err

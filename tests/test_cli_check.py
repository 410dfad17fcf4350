"""``notesgraph check``: output, JSON, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from notesgraph.cli import main

from .conftest import FIXTURES, ROOT


def test_seed_vault_reports_exactly_the_three_screenshots(capsys) -> None:  # type: ignore[no-untyped-def]
    status = main(["check", "--vault", str(ROOT / "vault"), "--no-cache"])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    problems = [line for line in out if ": missing attachment" in line]
    assert problems == [
        'AWS SAA/215-229 서버리스.md:76: missing attachment "스크린샷 2025-05-14 오후 9.28.27.png" (shown as a placeholder)',
        'AWS SAA/215-229 서버리스.md:80: missing attachment "스크린샷 2025-05-14 오후 9.28.43.png" (shown as a placeholder)',
        'AWS SAA/215-229 서버리스.md:392: missing attachment "스크린샷 2025-05-14 오후 9.20.48.png" (shown as a placeholder)',
    ]
    assert len(out) == 4 and out[-1].endswith("3 problems (3 missing-attachment)")


def test_json_report(capsys) -> None:  # type: ignore[no-untyped-def]
    status = main(["check", "--vault", str(FIXTURES / "vault"), "--json", "--no-cache"])
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    codes = sorted({p["code"] for p in report["problems"]})
    assert codes == [
        "ambiguous-link",
        "broken-link",
        "missing-attachment",
        "refused-link",
        "unknown-block",
        "unknown-heading",
    ]
    assert report["summary"]["notes"] == 8
    first = report["problems"][0]
    assert set(first) >= {"path", "line", "code", "message", "action"}


def test_clean_vault_exits_zero(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.md").write_text("[[b]]")
    (tmp_path / "b.md").write_text("# b")
    assert main(["check", "--vault", str(tmp_path), "--no-cache"]) == 0
    assert "no problems" in capsys.readouterr().out


def test_usage_errors_exit_two(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "--vault", str(tmp_path / "nope")]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["check", "--bogus"]) == 2
    capsys.readouterr()

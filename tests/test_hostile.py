"""Hostile and broken vaults: nothing leaks, nothing lost, nothing crashes (no browser here)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from notesgraph.cli import main

from .conftest import ROOT
from .hostile import LONG_NAME, NEVER, make_hostile_vault
from .sitebuild import build, cli_args, site_files
from .test_vault_input import snapshot


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    work = tmp_path_factory.mktemp("hostile")
    vault = make_hostile_vault(work / "vault", work / "outside")
    before = snapshot(vault)
    report = build(vault, work / "out")
    assert snapshot(vault) == before, "the vault was written to"
    return vault, work / "out", report


def codes(report: object) -> set[tuple[str, str]]:
    return {(w.path, w.code) for w in report.warnings}  # type: ignore[attr-defined]


def test_every_problem_is_a_warning_with_a_place(hostile: tuple[Path, Path, object]) -> None:
    _, _, report = hostile
    found = codes(report)
    expected = {
        ("cp949 노트.md", "encoding"),
        ("깨진 바이트.md", "encoding"),
        ("nul.md", "nul-bytes"),
        ("binary.md", "binary-note"),
        ("깨진 front matter.md", "bad-front-matter"),
        ("닫히지 않은 강조.md", "unclosed-markup"),
        ("큰 노트.md", "large-note"),
        ("깊은 목록.md", "deep-nesting"),
        ("넓은 표.md", "wide-table"),
        ("빈 노트.md", "empty-note"),
        ("front matter만.md", "empty-note"),
        ("홈.md", "unknown-heading"),
        ("홈.md", "unknown-block"),
        ("홈.md", "refused-link"),
        ("홈.md", "ambiguous-link"),
        ("홈.md", "embed-cycle"),
        ("홈.md", "bad-tag"),
        ("link-out.png", "outside-vault"),
        ("link-out-note.md", "outside-vault"),
    }
    assert expected <= found, expected - found
    for warning in report.warnings:  # type: ignore[attr-defined]
        text = warning.format()
        assert text.startswith(warning.path) and warning.message


def test_refused_links_are_reported_per_link(hostile: tuple[Path, Path, object]) -> None:
    _, _, report = hostile
    refused = [w for w in report.warnings if w.code == "refused-link"]  # type: ignore[attr-defined]
    assert len(refused) >= 4 and all(w.line == 9 for w in refused)


def test_nothing_private_or_outside_reaches_any_output(hostile: tuple[Path, Path, object]) -> None:
    _, out, _ = hostile
    for folder in ("docs", "site"):
        for rel, data in site_files(out / folder).items():
            text = data.decode("utf-8", errors="ignore")
            for secret in NEVER:
                assert secret not in text, (folder, rel, secret)
    assert not list((out / "site").rglob("*일기*"))


def test_every_other_page_is_built(hostile: tuple[Path, Path, object]) -> None:
    _, out, _ = hostile
    site = out / "site" / "notes"
    for name in (
        "홈",
        "폴더/노트-A",
        "cp949-노트",
        "깨진-바이트",
        "nul",
        "bom-crlf",
        "큰-노트",
        "깊은-목록",
        "넓은-표",
        "빈-노트",
        "front-matter만",
        "깨진-front-matter",
        "순환-A",
        "순환-B",
    ):
        assert (site / name / "index.html").is_file(), name
    long_pages = [p for p in site.iterdir() if p.name.startswith("가" * 30)]
    assert len(long_pages) == 1 and len(long_pages[0].name.encode()) <= 120
    assert (ROOT / "vault").exists() and LONG_NAME


def test_scripts_stay_text_in_generated_html(hostile: tuple[Path, Path, object]) -> None:
    _, out, _ = hostile
    for rel, data in site_files(out / "site").items():
        if not rel.endswith(".html"):
            continue
        text = data.decode("utf-8", errors="ignore")
        assert "<img src=x onerror" not in text, rel
        assert "<script>window.__xss" not in text, rel


def test_cycle_is_cut_and_self_embed_shown_as_link(hostile: tuple[Path, Path, object]) -> None:
    _, out, _ = hostile
    home = (out / "site" / "notes" / "홈" / "index.html").read_text(encoding="utf-8")
    assert home.count("ng-embed-cycle") >= 2


def test_strict_turns_warnings_into_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = make_hostile_vault(tmp_path / "vault", tmp_path / "outside")
    args = cli_args("build", vault, tmp_path, cache=False)
    assert main(args) == 0
    assert main([*args, "--strict"]) == 1
    err = capsys.readouterr().err
    assert "cp949 노트.md:1: not UTF-8" in err


def test_ctrl_c_that_python_dropped_still_keeps_the_previous_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A KeyboardInterrupt raised inside a finalizer is dropped by Python; the build
    goes on, but the remembered Ctrl-C stops it before the new site is swapped in."""
    from notesgraph import interrupt

    from .test_site_build import VAULT

    build(VAULT, tmp_path)
    before = site_files(tmp_path / "site")
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    (vault / "람다를 새로.md").write_text("# 람다를 새로\n\n람다는 ==새 노트==\n", encoding="utf-8")
    monkeypatch.setattr(interrupt, "_pressed", True)
    with pytest.raises(KeyboardInterrupt):
        build(vault, tmp_path)
    assert site_files(tmp_path / "site") == before
    assert not list(tmp_path.glob(".site-building-*")), "the half-built site was cleaned up"


def test_interrupted_build_leaves_the_previous_site(tmp_path: Path) -> None:
    """Ctrl-C in the middle of the MkDocs step: the old site/ stays as it was."""
    from benchmarks.vaultgen import generate_vault

    from .test_site_build import VAULT

    build(VAULT, tmp_path)
    before = site_files(tmp_path / "site")
    # A vault big enough that the MkDocs step lasts long enough to be interrupted in.
    changed = tmp_path / "vault2"
    generate_vault(changed, 300, seed=3)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "notesgraph",
            *cli_args("build", changed, tmp_path, docs="docs2", cache=False),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".site-building-*")):
        time.sleep(0.01)
    child.send_signal(signal.SIGINT)
    child.communicate(timeout=60)  # read its output: a full pipe would stop it for good
    assert child.returncode != 0, "the build was interrupted, not finished"
    assert site_files(tmp_path / "site") == before
    assert not list(tmp_path.glob(".site-building-*")), "the half-built site was cleaned up"

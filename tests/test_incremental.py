"""Pages kept from an earlier build (page signatures) against a build from nothing.

A generated vault plus notes of ours that link, embed and alias one another (with
Korean particles) goes through a series of edits; after each, a build that keeps
what it may must write exactly the docs/ and the warnings of a build without any
cache. An edit the signatures miss leaves a stale page and fails here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.vaultgen import edit_one_note, generate_vault
from notesgraph.site import reviewpages

from .sitebuild import build, site_files

OURS = {
    "연습/람다는.md": (
        "# 람다는\n\n## 개요\n\n람다는 서버리스 컴퓨팅. [[람다 요약]]은 아직 없다.\n\n"
        "![[람다를 쓰는 곳#용도]]\n\n- 메모리: 128MB ~ 10GB\n"
    ),
    "연습/람다의 한도.md": (
        "# 람다의 한도\n\n## 메모리\n\n==람다의 메모리==는 최대 10GB.\n\n"
        "## 실행 시간\n\n- 최대 실행 시간: 900초 (15분)\n"
    ),
    "연습/람다를 쓰는 곳.md": (
        "# 람다를 쓰는 곳\n\n## 용도\n\nAPI Gateway 뒤에서 람다를 호출한다. ![[람다의 한도#실행 시간]]\n"
    ),
    "연습/비교.md": (
        "# 비교\n\n[[람다의 한도#메모리]]를 보라.\n\n"
        "| 항목 | CloudFront Functions | Lambda@Edge |\n| --- | --- | --- |\n"
        "| 런타임 | JavaScript | Node.js, Python |\n| 최대 실행 시간 | 1ms 미만 | 5초 |\n"
    ),
}


def _write(vault: Path, rel: str, text: str) -> None:
    (vault / rel).parent.mkdir(parents=True, exist_ok=True)
    (vault / rel).write_text(text, encoding="utf-8")


def _replace(vault: Path, rel: str, old: str, new: str) -> None:
    text = (vault / rel).read_text(encoding="utf-8")
    assert old in text, (rel, old)
    _write(vault, rel, text.replace(old, new))


EDITS: list[tuple[str, Callable[[Path], object]]] = [
    ("a generated note grows", lambda v: edit_one_note(v, seed=1)),
    (
        "an embedded heading is renamed",
        lambda v: _replace(v, "연습/람다의 한도.md", "## 실행 시간", "## 실행 제한"),
    ),
    (
        "a link is added",
        lambda v: _replace(v, "연습/비교.md", "# 비교\n", "# 비교\n\n[[람다는]] 참고.\n"),
    ),
    ("a note is added", lambda v: _write(v, "연습/새 노트.md", "# 새 노트\n\nS3를 쓴다.\n")),
    (
        "a note takes a name a link was waiting for",
        lambda v: _replace(
            v,
            "연습/람다의 한도.md",
            "# 람다의 한도\n",
            "---\naliases: [람다 요약]\n---\n# 람다의 한도\n",
        ),
    ),
    (
        "a service is named",
        lambda v: _replace(v, "연습/람다를 쓰는 곳.md", "API Gateway", "API Gateway와 DynamoDB"),
    ),
    (
        "a note is made private",
        lambda v: _replace(
            v, "연습/람다를 쓰는 곳.md", "# 람다를", "---\npublish: false\n---\n# 람다를"
        ),
    ),
    ("a comparison row changes", lambda v: _replace(v, "연습/비교.md", "5초", "30초")),
    (
        "a comparison is added",
        lambda v: _replace(
            v,
            "연습/람다는.md",
            "- 메모리:",
            "| 항목 | S3 | EFS |\n| --- | --- | --- |\n| 종류 | 객체 | 파일 |\n\n- 메모리:",
        ),
    ),
    ("a note is deleted", lambda v: (v / "연습/새 노트.md").unlink()),
    ("another generated note grows", lambda v: edit_one_note(v, seed=7)),
    ("a link is removed", lambda v: _replace(v, "연습/비교.md", "[[람다는]] 참고.\n", "")),
]


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("incremental") / "vault"
    generate_vault(root, 40, seed=11)
    for rel, text in OURS.items():
        _write(root, rel, text)
    return root


def test_kept_pages_match_a_build_from_nothing(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reviewpages, "SPLIT_AT", 40)  # limits and key points split too
    kept = build(vault, tmp_path / "kept")
    assert (tmp_path / "kept" / "docs" / "limits" / "index.md").is_file()
    assert (tmp_path / "kept" / "docs" / "keypoints" / "index.md").is_file()
    assert kept.pages > 100
    for name, edit in EDITS:
        edit(vault)
        report = build(vault, tmp_path / "kept")
        fresh = build(vault, tmp_path / "fresh", cache_dir=None)
        assert [w.format() for w in report.warnings] == [w.format() for w in fresh.warnings], name
        ours = site_files(tmp_path / "kept" / "docs")
        theirs = site_files(tmp_path / "fresh" / "docs")
        assert ours.keys() == theirs.keys(), name
        assert [p for p in ours if ours[p] != theirs[p]] == [], name
        assert report.written.kept > 0, name


def test_a_page_changed_by_hand_is_rendered_again(vault: Path, tmp_path: Path) -> None:
    """A page file in docs/ that is not as the build wrote it is never kept."""
    build(vault, tmp_path)
    page = tmp_path / "docs" / "notes" / "연습" / "람다는.md"
    original = page.read_bytes()
    page.write_bytes(original.replace("람다는 서버리스".encode(), "바뀐 문장".encode()))
    build(vault, tmp_path)
    assert page.read_bytes() == original


def test_pages_are_kept_for_each_docs_folder(vault: Path, tmp_path: Path) -> None:
    """Two docs/ folders built from one cache (a preview beside the site) keep their
    own records: building into one does not make the other render everything again."""
    cache = tmp_path / "cache"
    first = build(vault, tmp_path / "a", cache_dir=cache)
    assert first.written.kept == 0
    build(vault, tmp_path / "b", cache_dir=cache)
    again = build(vault, tmp_path / "a", cache_dir=cache)
    assert again.written.kept > again.pages * 0.8  # all but the indexes
    assert not [p for p in again.written.written if p.endswith(".md")]


def test_damaged_page_records_cost_only_the_rendering(vault: Path, tmp_path: Path) -> None:
    """Records that cannot be read (a cut file, rows of the wrong shape) keep nothing."""
    first = build(vault, tmp_path)
    expected = site_files(tmp_path / "docs")
    records = sorted((tmp_path / "cache" / "page-records").glob("*.json"))
    assert len(records) == 1
    text = records[0].read_text(encoding="utf-8")
    for damaged in (text[: len(text) // 2], text.replace("[", "{", 3), '{"docs": 1}', "[]"):
        records[0].write_text(damaged, encoding="utf-8")
        again = build(vault, tmp_path)
        assert again.written.kept == 0
        assert site_files(tmp_path / "docs") == expected
        assert [w.format() for w in again.warnings] == [w.format() for w in first.warnings]
        records = sorted((tmp_path / "cache" / "page-records").glob("*.json"))

"""Obsidian-style link resolution on the fixture vault (folders, same names, NFD, missing files)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from notesgraph.model import Link
from notesgraph.resolve import LinkIndex, escapes_vault
from notesgraph.vault import Vault, load_vault

from .conftest import FIXTURES

VAULT = FIXTURES / "vault"


@pytest.fixture(scope="module")
def vault() -> Vault:
    return load_vault(VAULT, cache_dir=None)


def resolve(vault: Vault, raw_target: str, source: str = "홈.md", kind: str = "wikilink", **kw):  # type: ignore[no-untyped-def]
    target, _, heading = raw_target.partition("#")
    link = Link(
        kind=kind,
        raw=raw_target,
        target=target,  # type: ignore[arg-type]
        heading=heading or None,
        **kw,
    )
    return vault.index.resolve(link, source)


def test_scan_sees_notes_and_skips_dot_folders(vault: Vault) -> None:
    assert sorted(vault.notes) == [
        "데이터베이스/DynamoDB/DynamoDB 정리.md",
        "데이터베이스/개요.md",
        "비공개/일기.md",
        "세션 관리.md",
        "컴퓨팅/EC2.md",
        "컴퓨팅/개요.md",
        "컴퓨팅/람다 정리.md",
        "홈.md",
    ]
    assert list(vault.attachments) == ["첨부/구성도.png"]


def test_exact_path_and_name_anywhere(vault: Vault) -> None:
    assert resolve(vault, "컴퓨팅/EC2").path == "컴퓨팅/EC2.md"
    assert resolve(vault, "EC2").path == "컴퓨팅/EC2.md"
    assert resolve(vault, "DynamoDB 정리").path == "데이터베이스/DynamoDB/DynamoDB 정리.md"


def test_md_suffix_optional_and_case_insensitive(vault: Vault) -> None:
    for target in (
        "람다 정리.md",
        "람다 정리.MD",
        "컴퓨팅/람다 정리",
        "컴퓨팅/람다 정리.md",
        "ec2",
    ):
        assert resolve(vault, target).status == "ok", target


def test_nfd_and_nfc_both_resolve(vault: Vault) -> None:
    nfd_file = [
        p
        for p in VAULT.iterdir()
        if p.name.endswith(".md") and "관리" in unicodedata.normalize("NFC", p.name)
    ]
    assert nfd_file and not unicodedata.is_normalized("NFC", nfd_file[0].name)
    assert resolve(vault, "세션 관리").path == "세션 관리.md"
    nfd_target = unicodedata.normalize("NFD", "세션 관리")
    link = Link(kind="wikilink", raw=nfd_target, target=unicodedata.normalize("NFC", nfd_target))
    assert vault.index.resolve(link, "홈.md").path == "세션 관리.md"


def test_same_name_same_depth_is_ambiguous(vault: Vault) -> None:
    result = resolve(vault, "개요")
    assert result.status == "ambiguous"
    assert result.candidates == ("데이터베이스/개요.md", "컴퓨팅/개요.md")
    assert result.path == "데이터베이스/개요.md"


def test_note_beside_the_source_wins(vault: Vault) -> None:
    assert resolve(vault, "개요", source="컴퓨팅/EC2.md").path == "컴퓨팅/개요.md"
    assert resolve(vault, "개요", source="데이터베이스/개요.md").status == "ok"


def test_shortest_path_wins(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "노트.md").write_text("얕은")
    (tmp_path / "a" / "b" / "노트.md").write_text("깊은")
    (tmp_path / "홈.md").write_text("[[노트]]")
    vault = load_vault(tmp_path, cache_dir=None)
    assert vault.resolutions["홈.md"][0].path == "a/노트.md"
    assert vault.resolutions["홈.md"][0].status == "ok"


def test_headings_and_blocks(vault: Vault) -> None:
    assert resolve(vault, "람다 정리#메모리").anchor == "메모리"
    assert resolve(vault, "람다 정리#람다 정리#메모리").anchor == "메모리"
    block = resolve(vault, "람다 정리", block="limit-mem")
    assert (block.status, block.anchor) == ("ok", "^limit-mem")
    assert resolve(vault, "람다 정리#없는 제목").status == "missing-heading"
    assert resolve(vault, "람다 정리", block="nope").status == "missing-block"
    same = Link(kind="wikilink", raw="#메모리", target="", heading="메모리")
    assert vault.index.resolve(same, "컴퓨팅/람다 정리.md").anchor == "메모리"


def test_heading_match_ignores_markup_and_case(tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text("# 218. **람다** Limit\n")
    vault = load_vault(tmp_path, cache_dir=None)
    index = LinkIndex(vault.notes, [])
    assert index.resolve_heading("n.md", "218. 람다 limit") == "218-람다-limit"


def test_attachments_by_name_anywhere(vault: Vault) -> None:
    found = resolve(vault, "구성도.png", kind="embed")
    assert (found.status, found.kind, found.path) == ("ok", "attachment", "첨부/구성도.png")
    assert resolve(vault, "없는 그림.png", kind="embed").status == "missing"


def test_markdown_links_relative_first(vault: Vault) -> None:
    link = Link(
        kind="markdown",
        raw="컴퓨팅/EC2.md#인스턴스-유형",
        target="컴퓨팅/EC2.md",
        heading="인스턴스-유형",
    )
    result = vault.index.resolve(link, "홈.md")
    assert (result.path, result.anchor) == ("컴퓨팅/EC2.md", "인스턴스-유형")
    up = Link(kind="markdown", raw="../홈.md", target="../홈.md")
    assert vault.index.resolve(up, "컴퓨팅/EC2.md").path == "홈.md"


@pytest.mark.parametrize(
    "target", ["../밖", "../../etc/passwd", "a/../../b", "..%2F..%2Fsecret", "C:\\secret.md", "~/x"]
)
def test_ways_out_of_the_vault_are_refused(vault: Vault, target: str) -> None:
    assert escapes_vault(target)
    link = Link(kind="markdown", raw=target, target=target)
    assert vault.index.resolve(link, "홈.md").status == "refused"


def test_every_fixture_link_is_classified(vault: Vault) -> None:
    statuses = {
        (link.raw, r.status)
        for link, r in zip(vault.notes["홈.md"].links, vault.resolutions["홈.md"], strict=True)
    }
    assert ("SQS 정리", "missing") in statuses
    assert ("없는 그림.png", "missing") in statuses
    assert ("구성도.png|300", "ok") in statuses
    assert ("일기", "ok") in statuses  # resolved; the site hides it because it is private

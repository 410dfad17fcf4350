"""Tests for the benchmark vault generator and the plain-MkDocs baseline."""

from __future__ import annotations

import re
import statistics
import unicodedata
from pathlib import Path

import pytest
import yaml

from benchmarks import vaultgen
from benchmarks.baseline import plain_mkdocs_build
from benchmarks.vaultgen import VaultStats, attach, edit_one_note, final_of, generate_vault

NOTES = 60
WIKILINK = re.compile(r"(?<!!)\[\[((?:[^\]\\]|\\.)+?)\]\]")
EMBED = re.compile(r"!\[\[([^\]]+?)\]\]")


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, VaultStats]:
    root = tmp_path_factory.mktemp("vault")
    return root, generate_vault(root, NOTES, seed=0)


def _notes(root: Path) -> list[Path]:
    return sorted(root.rglob("*.md"), key=lambda p: p.relative_to(root).as_posix())


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _all_text(root: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in _notes(root))


def _target(link: str) -> tuple[str, str]:
    """``name#heading|alias`` → (NFC name or path, heading)."""
    target = re.split(r"\\?\|", link, maxsplit=1)[0]
    name, _, heading = target.partition("#")
    return unicodedata.normalize("NFC", name), heading


def test_same_seed_gives_byte_identical_files(
    vault: tuple[Path, VaultStats], tmp_path: Path
) -> None:
    root, stats = vault
    again = generate_vault(tmp_path / "again", NOTES, seed=0)
    assert _files(tmp_path / "again") == _files(root)
    assert again == stats


def test_other_seed_gives_other_notes(vault: tuple[Path, VaultStats], tmp_path: Path) -> None:
    generate_vault(tmp_path / "other", NOTES, seed=1)
    assert _files(tmp_path / "other") != _files(vault[0])


def test_writes_the_requested_number_of_notes(vault: tuple[Path, VaultStats]) -> None:
    root, stats = vault
    assert len(_notes(root)) == stats.notes == NOTES
    assert stats.note_bytes == sum(p.stat().st_size for p in _notes(root))


def test_notes_sit_in_nested_folders_of_bounded_size(vault: tuple[Path, VaultStats]) -> None:
    root, _ = vault
    folders: dict[str, int] = {}
    for note in _notes(root):
        folder = note.parent.relative_to(root)
        assert 2 <= len(folder.parts) <= 4, note
        folders[folder.as_posix()] = folders.get(folder.as_posix(), 0) + 1
    assert len(folders) >= 4
    assert max(len(Path(f).parts) for f in folders) >= 3
    assert max(folders.values()) <= 60
    tops = {Path(f).parts[0] for f in folders}
    assert {"일일 노트", "네트워크", "시험 오답노트"} <= tops


def test_folder_sizes_stay_between_ten_and_sixty_in_a_real_sized_vault(tmp_path: Path) -> None:
    root = tmp_path / "v"
    generate_vault(root, 600, seed=3)
    counts: dict[Path, int] = {}
    for note in root.rglob("*.md"):
        counts[note.parent] = counts.get(note.parent, 0) + 1
    sizes = sorted(counts.values())
    assert sizes[-1] <= 60
    assert statistics.median(sizes) >= 10


def test_some_file_names_are_nfd_and_recorded(vault: tuple[Path, VaultStats]) -> None:
    root, stats = vault
    on_disk = [p.relative_to(root).as_posix() for p in _notes(root)]
    nfd = [p for p in on_disk if unicodedata.normalize("NFC", p) != p]
    assert nfd and sorted(nfd) == sorted(stats.nfd_paths)
    assert stats.nfd_names == len(nfd) >= 3


def test_a_few_base_names_repeat_in_different_folders(tmp_path: Path) -> None:
    root = tmp_path / "v"
    stats = generate_vault(root, 400, seed=0)
    names: dict[str, list[Path]] = {}
    for note in root.rglob("*.md"):
        names.setdefault(unicodedata.normalize("NFC", note.stem), []).append(note.parent)
    repeated = {name for name, where in names.items() if len(where) > 1}
    assert repeated == set(stats.duplicate_names)
    assert 2 <= len(repeated) <= 8
    assert all(len(set(names[name])) == len(names[name]) for name in repeated)


def test_links_mostly_point_at_existing_notes(vault: tuple[Path, VaultStats]) -> None:
    root, stats = vault
    names = {unicodedata.normalize("NFC", p.stem) for p in _notes(root)}
    paths = {
        unicodedata.normalize("NFC", p.relative_to(root).with_suffix("").as_posix())
        for p in _notes(root)
    }
    links = [_target(link) for link in WIKILINK.findall(_all_text(root))]
    assert len(links) == stats.wikilinks
    resolved = [name in names or name in paths for name, _ in links]
    assert 0.85 <= sum(resolved) / len(resolved) < 1.0
    assert len(resolved) - sum(resolved) == stats.broken_wikilinks


def test_links_use_aliases_headings_and_table_escapes(tmp_path: Path) -> None:
    root = tmp_path / "v"
    generate_vault(root, 300, seed=0)
    links = WIKILINK.findall(_all_text(root))
    assert any("|" in link and "\\|" not in link for link in links)
    assert any("\\|" in link for link in links)
    headings = {
        unicodedata.normalize("NFC", p.stem): p.read_text(encoding="utf-8")
        for p in root.rglob("*.md")
    }
    real = [(name, h) for name, h in map(_target, links) if h and name in headings]
    assert any(f"# {h}\n" in headings[name] for name, h in real)


def test_some_embedded_images_exist_as_pngs_and_some_are_missing(
    vault: tuple[Path, VaultStats],
) -> None:
    root, stats = vault
    embeds = EMBED.findall(_all_text(root))
    assert len(embeds) == stats.embeds
    images = {e.split("|")[0] for e in embeds if e.split("|")[0].endswith(".png")}
    present = {p.name for p in (root / "첨부").iterdir()}
    assert images & present and images - present
    assert len(images - present) == stats.missing_images
    assert len(present) == stats.attachments
    for name in present:
        data = (root / "첨부" / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"


def test_front_matter_is_valid_yaml_on_about_half_the_notes(vault: tuple[Path, VaultStats]) -> None:
    root, _ = vault
    with_front = 0
    for note in _notes(root):
        text = note.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            data = yaml.safe_load(text.split("---\n", 2)[1])
            assert isinstance(data, dict) and isinstance(data["tags"], list), note
            assert data.get("publish", True) in (True, False)
            with_front += 1
    assert 0.25 <= with_front / NOTES <= 0.75


def test_text_mixes_service_names_with_correct_particles(vault: tuple[Path, VaultStats]) -> None:
    text = _all_text(vault[0])
    names = (
        "|".join(re.escape(s.en) for s in vaultgen.SERVICES)
        + "|"
        + "|".join(re.escape(s.ko) for s in vaultgen.SERVICES if s.ko)
    )
    with_particle = re.findall(
        rf"(?:{names})(?:은|는|이|가|을|를|의|에|와|과|로|으로)(?=[\s,.])", text
    )
    assert len(with_particle) >= 30
    assert re.search(r"[가-힣]", text) and re.search(
        r"\b(?:Lambda|SQS|S3|EC2|DynamoDB|VPC)\b", text
    )
    for wrong in (
        "람다은",
        "람다을",
        "람다이 ",
        "IAM는",
        "IAM를",
        "SQS은",
        "SQS을",
        "코그니토은",
        "DynamoDB을",
    ):
        assert wrong not in text


def test_particles_follow_the_final_consonant() -> None:
    assert attach("람다", final_of("람다"), "은") == "람다는"
    assert attach("IAM", final_of("IAM"), "를") == "IAM을"
    assert attach("CloudTrail", "ㄹ", "으로") == "CloudTrail로"
    assert attach("VPC", final_of("VPC"), "으로") == "VPC로"
    assert attach("넵튠", final_of("넵튠"), "으로") == "넵튠으로"
    assert attach("오토 스케일링", final_of("오토 스케일링"), "과") == "오토 스케일링과"
    assert attach("관리형 DNS", final_of("관리형 DNS"), "이다") == "관리형 DNS다"
    assert final_of("OSI 7계층", "") == "x"


def test_notes_use_the_seed_markup(tmp_path: Path) -> None:
    root = tmp_path / "v"
    generate_vault(root, 200, seed=0)
    text = _all_text(root)
    for pattern in (
        r"^# \d+\. \S",
        r"^#{3,4} \*\*.+\*\*$",
        r"==\*\*[^=]+\*\*",
        r"^- \*\*[^*]+\*\*: .*\d+(?:MB|KB|GB|초|일|개|%)",
        r"\$\d",
        r"→",
        r"^\|\s*항목\s*\|",
        r"^> \[!tip\] 시험 포인트",
        r"%%",
        r"^\[\^1\]: ",
        r"^- \[[ x]\] ",
        r"^```(?:bash|json|python)$",
        r"^#aws/",
        r"!\[\[스크린샷 \d{4}-\d\d-\d\d 오[전후] ",
        r"!\[\[[^\]#]+#[^\]]+\]\]",
    ):
        assert re.search(pattern, text, re.M), pattern


def test_note_sizes_look_like_a_study_vault(tmp_path: Path) -> None:
    stats = generate_vault(tmp_path / "v", 400, seed=0)
    sizes = [p.stat().st_size for p in (tmp_path / "v").rglob("*.md")]
    assert 3_000 <= stats.median_note_bytes <= 5_000
    assert 12_000 <= stats.max_note_bytes <= 25_000
    assert sum(size < 400 for size in sizes) >= 3


def test_edit_one_note_appends_to_the_same_note_each_time(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    generate_vault(first, 40, seed=2)
    generate_vault(second, 40, seed=2)
    before = {p: p.read_text(encoding="utf-8") for p in first.rglob("*.md")}
    edited = edit_one_note(first, seed=5)
    assert edited.relative_to(first) == edit_one_note(second, seed=5).relative_to(second)
    after = edited.read_text(encoding="utf-8")
    added = after[len(before[edited]) :]
    assert after.startswith(before[edited])
    assert "==" in added and re.search(r"^- \*\*[^*]+\*\*: ", added, re.M)
    assert all(p.read_text(encoding="utf-8") == text for p, text in before.items() if p != edited)


def test_refuses_to_write_into_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "old.md").write_text("x", encoding="utf-8")
    with pytest.raises(FileExistsError):
        generate_vault(tmp_path, 5)


def test_command_line_prints_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert vaultgen.main([str(tmp_path / "v"), "--notes", "12"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^notes\s+12$", out, re.M) and "generated in" in out
    assert vaultgen.main([str(tmp_path / "v"), "--notes", "12"]) == 2


def test_vocabulary_refers_to_known_services() -> None:
    known = {s.en for s in vaultgen.SERVICES}
    assert all(src in known and dst in known for src, dst, _ in vaultgen.RELATIONS)
    assert all(set(services) <= known for services, _, _ in vaultgen.TABLES)
    assert len(vaultgen.SERVICES) >= 40


def test_plain_mkdocs_build_reports_plausible_figures(tmp_path: Path) -> None:
    stats = generate_vault(tmp_path / "vault", 30, seed=0)
    result = plain_mkdocs_build(tmp_path / "vault", tmp_path / "work")
    assert result.pages >= 30
    assert 0 < result.median_page_bytes <= result.max_page_bytes
    assert result.seconds > 0 and result.peak_rss_bytes > 10 * 2**20
    assert result.copied_files == stats.notes + stats.attachments
    assert (tmp_path / "work" / "mkdocs.yml").read_text(encoding="utf-8").count("\n") == 3

"""Reading hostile or broken vault files: warn with file and line, never crash, never write."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from notesgraph.decode import decode_note
from notesgraph.vault import load_vault


def snapshot(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file under root with its size, mtime and bytes (to prove nothing was written)."""
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            stat = path.stat()
            files[str(path)] = (stat.st_size, stat.st_mtime_ns, path.read_bytes())
    return files


def test_cp949_is_decoded_with_a_warning() -> None:
    text, problems = decode_note("# 람다\n메모리 10GB\n".encode("cp949"), "a.md")
    assert text == "# 람다\n메모리 10GB\n"
    assert [(p.code, p.line, p.action) for p in problems] == [("encoding", 1, "decoded as CP949")]


def test_undecodable_bytes_are_replaced() -> None:
    text, problems = decode_note(b"# ok\n\xff\xfe\xfa bad\n", "a.md")
    assert text is not None and "\ufffd" in text
    assert problems[0].line == 2 and "replacement" in problems[0].action


def test_nul_bytes_are_removed() -> None:
    text, problems = decode_note("첫 줄\n둘\x00째 줄\n".encode(), "a.md")
    assert text == "첫 줄\n둘째 줄\n"
    assert (problems[0].code, problems[0].line) == ("nul-bytes", 2)


def test_binary_file_named_md_is_skipped() -> None:
    text, problems = decode_note(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "image.md")
    assert text is None and problems[0].action == "skipped"


def test_bom_and_crlf() -> None:
    text, problems = decode_note(b"\xef\xbb\xbf# \xeb\x9e\x8c\xeb\x8b\xa4\r\n\r\nbody\r\n", "a.md")
    assert text == "# 람다\n\nbody\n" and problems == []


def test_nfd_text_is_normalised() -> None:
    text, _ = decode_note(unicodedata.normalize("NFD", "람다").encode(), "a.md")
    assert text == unicodedata.normalize("NFC", "람다")


def test_load_vault_warns_and_goes_on_without_writing(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    (vault_dir / ".obsidian").mkdir(parents=True)
    (vault_dir / ".obsidian" / "workspace.md").write_text("[[hidden]]")
    (vault_dir / "좋은 노트.md").write_text("# 좋은\n[[나쁜 노트]]\n")
    (vault_dir / "나쁜 노트.md").write_bytes("# 나쁜\n한국어".encode("cp949"))
    (vault_dir / "binary.md").write_bytes(b"\x00\x01\x02" * 100)
    (vault_dir / "empty.md").write_text("")
    (vault_dir / "only-fm.md").write_text("---\ntags: [a]\n---\n")
    outside = tmp_path / "secret.md"
    outside.write_text("비밀")
    os.symlink(outside, vault_dir / "link-out.md")
    os.symlink(vault_dir / "좋은 노트.md", vault_dir / "link-in.md")
    before = snapshot(vault_dir)
    vault = load_vault(vault_dir, cache_dir=tmp_path / "cache")
    assert snapshot(vault_dir) == before
    assert "좋은 노트.md" in vault.notes and "나쁜 노트.md" in vault.notes
    assert "binary.md" not in vault.notes
    assert "link-out.md" not in vault.notes and "link-in.md" in vault.notes
    assert not any(p.startswith(".obsidian") for p in vault.notes)
    assert vault.notes["empty.md"].sections and vault.notes["only-fm.md"].tags[0].name == "a"
    codes = {(d.path, d.code) for d in vault.diagnostics}
    assert ("나쁜 노트.md", "encoding") in codes
    assert ("binary.md", "binary-note") in codes
    assert ("link-out.md", "outside-vault") in codes


def test_cache_reparses_only_changed_notes(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    vault_dir.mkdir()
    for n in range(5):
        (vault_dir / f"노트{n}.md").write_text(f"# 노트 {n}\n==핵심 {n}==\n")
    cache = tmp_path / "cache"
    first = load_vault(vault_dir, cache_dir=cache)
    assert (first.cache_hits, first.cache_misses) == (0, 5)
    (vault_dir / "노트3.md").write_text("# 노트 3\n==바뀐 핵심==\n")
    second = load_vault(vault_dir, cache_dir=cache)
    assert (second.cache_hits, second.cache_misses) == (4, 1)
    assert second.notes["노트3.md"].highlights[0].text == "바뀐 핵심"


def test_parallel_parse_gives_the_same_notes(tmp_path: Path) -> None:
    from notesgraph import vault as vault_module

    vault_dir = tmp_path / "vault"
    vault_dir.mkdir()
    for n in range(60):
        (vault_dir / f"노트{n:02}.md").write_text(
            f"# 노트 {n}\n- 메모리: {n}MB\n[[노트{n + 1:02}]]\n"
        )
    serial = load_vault(vault_dir, cache_dir=None, jobs=1)
    parallel = load_vault(vault_dir, cache_dir=None, jobs=2)
    assert len(serial.notes) == 60 >= vault_module.PARALLEL_THRESHOLD
    assert serial.notes == parallel.notes


def test_parallel_analysis_after_kiwi_is_loaded_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers forked from a process holding Kiwi can wait forever for its threads
    (seen, not every time); once Kiwi is loaded here (as in ``serve``), they start
    from a fresh interpreter."""
    from concurrent.futures import ProcessPoolExecutor

    from notesgraph import vault as vault_module
    from notesgraph.pipeline import _per_note_steps
    from notesgraph.search.korean import kiwi_loaded, warm_up

    started: list[str] = []

    def pool(max_workers: int, mp_context: object = None) -> ProcessPoolExecutor:
        started.append(mp_context.get_start_method() if mp_context else "fork")  # type: ignore[attr-defined]
        return ProcessPoolExecutor(max_workers=max_workers, mp_context=mp_context)  # type: ignore[arg-type]

    monkeypatch.setattr(vault_module, "ProcessPoolExecutor", pool)
    warm_up()
    assert kiwi_loaded()
    vault_dir = tmp_path / "vault"
    vault_dir.mkdir()
    for n in range(50):
        (vault_dir / f"람다{n:02}.md").write_text(
            f"# 람다 {n}\n- 람다는 메모리: {n + 128}MB 까지\n- 람다의 제한 시간은 900초\n"
        )
    serial = load_vault(vault_dir, cache_dir=None, jobs=1, per_note=_per_note_steps)
    parallel = load_vault(vault_dir, cache_dir=None, jobs=2, per_note=_per_note_steps)
    assert serial.notes == parallel.notes
    assert serial.derived == parallel.derived
    assert started == ["forkserver"]

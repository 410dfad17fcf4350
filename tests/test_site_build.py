"""`notesgraph build` end to end on the fixture vault: pages, privacy, links, determinism, atomicity."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from notesgraph.cli import main
from notesgraph.site.linkcheck import check_site
from notesgraph.site.mkbuild import MkDocsError

from .conftest import FIXTURES, ROOT
from .sitebuild import build, cli_args, options_for, site_files
from .test_vault_input import snapshot

VAULT = FIXTURES / "vault"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("fixture-site")
    (work / "docs").mkdir()
    (work / "docs" / "index.md").write_text("# 직접 쓴 홈\n", encoding="utf-8")
    report = build(VAULT, work, strict_mkdocs=True)
    assert report.mkdocs_warnings == []
    return work


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_pages_exist(fixture_site: Path) -> None:
    site = fixture_site / "site"
    for page in (
        "notes/홈/index.html",
        "notes/컴퓨팅/람다-정리/index.html",
        "services/lambda/index.html",
        "limits/index.html",
        "keypoints/index.html",
        "problems/index.html",
        "notes/index.html",
        "services/index.html",
        "compare/index.html",
    ):
        assert (site / page).is_file(), page


def test_hand_written_home_is_kept(fixture_site: Path) -> None:
    assert read(fixture_site / "docs" / "index.md") == "# 직접 쓴 홈\n"
    assert "직접 쓴 홈" in read(fixture_site / "site" / "index.html")


def test_private_note_never_reaches_the_site(fixture_site: Path) -> None:
    for rel, data in site_files(fixture_site / "site").items():
        text = data.decode("utf-8", errors="ignore")
        assert "비밀 일기" not in text and "시험 떨어지면" not in text, rel
    for rel, data in site_files(fixture_site / "docs").items():
        assert "시험 떨어지면" not in data.decode("utf-8", errors="ignore"), rel
    home = read(fixture_site / "site" / "notes" / "홈" / "index.html")
    assert '<span class="ng-unresolved" title="일기">일기</span>' in home


def test_no_broken_internal_links(fixture_site: Path) -> None:
    assert check_site(fixture_site / "site") == []


def test_note_page_renders_obsidian_features(fixture_site: Path) -> None:
    home = read(fixture_site / "site" / "notes" / "홈" / "index.html")
    # a working wikilink to a Hangul heading anchor
    assert 'href="../컴퓨팅/람다-정리/#메모리"' in home
    # a block link
    assert 'href="../컴퓨팅/람다-정리/#^limit-mem"' in home
    # an image with its size, copied into the site
    assert (
        'width="300"' in home
        and (fixture_site / "site" / "attachments" / "첨부" / "구성도.png").is_file()
    )
    # a missing image as a visible placeholder naming the file
    assert "ng-missing-embed" in home and "없는 그림.png" in home
    # a transcluded section
    assert 'class="ng-embed"' in home and "128MB ~ 10GB" in home
    # a link out of the vault is refused and shown as text
    assert "secret.md" not in home.split("ng-unresolved")[0]


def test_backlinks_and_services_on_note_page(fixture_site: Path) -> None:
    page = read(fixture_site / "site" / "notes" / "컴퓨팅" / "람다-정리" / "index.html")
    assert 'id="ng-backlinks"' in page and "AWS SAA 공부 홈" in page
    assert 'href="../../../services/lambda/"' in page


def test_problems_page_lists_check_problems(fixture_site: Path) -> None:
    page = read(fixture_site / "site" / "problems" / "index.html")
    assert "없는 그림.png" in page and "SQS 정리" in page


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    build(VAULT, tmp_path / "a", cache_dir=None)
    build(VAULT, tmp_path / "b")
    for folder in ("docs", "site"):
        first = site_files(tmp_path / "a" / folder)
        second = site_files(tmp_path / "b" / folder)
        assert first.keys() == second.keys()
        assert [k for k in first if first[k] != second[k]] == []


def test_vault_is_never_written(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault, symlinks=True)
    before = snapshot(vault)
    build(vault, tmp_path / "out")
    assert snapshot(vault) == before


def test_incremental_rebuild_touches_only_what_changed(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    first = build(vault, tmp_path / "out")
    assert len(first.written.written) > 10
    note = vault / "컴퓨팅" / "EC2.md"
    note.write_text(
        note.read_text(encoding="utf-8") + "\n- 새 문장: ==EC2 인스턴스==\n", encoding="utf-8"
    )
    second = build(vault, tmp_path / "out")
    assert "notes/컴퓨팅/EC2.md" in second.written.written
    assert len(second.written.written) < len(first.written.written) / 2
    assert second.analysis.vault.cache_misses == 1
    page = read(tmp_path / "out" / "site" / "notes" / "컴퓨팅" / "EC2" / "index.html")
    assert "EC2 인스턴스" in page


def test_a_note_deleted_or_made_private_leaves_the_site(tmp_path: Path) -> None:
    """Its old page in docs/ must not be built again: it stayed in the site (and, with
    incremental builds, in every later one) when stale pages were removed after MkDocs."""
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    secret = vault / "컴퓨팅" / "람다는 비밀.md"
    gone = vault / "컴퓨팅" / "람다를 지울 노트.md"
    secret.write_text("# 람다는 비밀\n\n람다의 비밀 계정 번호 zqxsecret8841\n", encoding="utf-8")
    gone.write_text("# 람다를 지울 노트\n\n람다를 쓴다. 지울 문장 zqxgone5527\n", encoding="utf-8")
    out = tmp_path / "out"
    build(vault, out)
    pages = out / "site" / "notes" / "컴퓨팅"
    assert (pages / "람다는-비밀" / "index.html").is_file()
    assert (pages / "람다를-지울-노트" / "index.html").is_file()
    secret.write_text(
        "---\npublish: false\n---\n# 람다는 비밀\n\n람다의 비밀 계정 번호 zqxsecret8841\n",
        encoding="utf-8",
    )
    gone.unlink()
    for _ in range(2):  # the second build is incremental, from the first one's site
        build(vault, out)
        assert not (pages / "람다는-비밀").exists()
        assert not (pages / "람다를-지울-노트").exists()
        for folder in ("docs", "site"):
            for path, data in site_files(out / folder).items():
                assert b"zqxsecret8841" not in data and b"zqxgone5527" not in data, (folder, path)


def test_failed_build_leaves_the_previous_site(tmp_path: Path) -> None:
    build(VAULT, tmp_path)
    before = site_files(tmp_path / "site")
    broken = tmp_path / "broken.yml"
    broken.write_text(
        read(ROOT / "mkdocs.yml").replace("name: material", "name: no-such-theme"), encoding="utf-8"
    )
    with pytest.raises(MkDocsError):
        from notesgraph.pipeline import build_site

        build_site(options_for(VAULT, tmp_path, config=broken))
    assert site_files(tmp_path / "site") == before


def test_cli_build_and_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = cli_args("build", VAULT, tmp_path)
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "7 notes (1 private, not published)" in out
    assert "홈.md:13: note not found" in err
    assert main([*args, "--strict", "--quiet"]) == 1
    out, _ = capsys.readouterr()
    assert out == ""


def test_cli_refuses_to_write_into_the_vault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    status = main(
        [
            "build",
            "--vault",
            str(vault),
            "--site",
            str(vault / "site"),
            "--config",
            str(ROOT / "mkdocs.yml"),
        ]
    )
    assert status == 2 and "inside the vault" in capsys.readouterr().err


def test_seed_vault_builds_strict_with_no_broken_links(tmp_path: Path) -> None:
    """The user's own vault: MkDocs in strict mode, then every internal href and #anchor checked."""
    report = build(ROOT / "vault", tmp_path, strict_mkdocs=True)
    assert report.mkdocs_warnings == []
    assert check_site(tmp_path / "site") == []
    codes = sorted({w.code for w in report.warnings})
    assert codes == ["missing-attachment", "unclosed-markup"]


def _built_with_pages_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path, set[int]]:
    """A copy of the fixture vault built into ``a/`` with a pages cache: the vault, the
    cache and the inodes of the pages it stored."""
    from notesgraph.site import mkparallel

    # The page cache serves large sites (forked page workers); make this one count as large.
    monkeypatch.setattr(mkparallel, "FORK_THRESHOLD", 2)
    monkeypatch.setattr(mkparallel, "default_workers", lambda: 2)
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    cache = tmp_path / "cache"
    build(vault, tmp_path / "a", cache_dir=cache)
    stored = {p.stat().st_ino for p in (cache / "pages").glob("*.html")}
    assert len(stored) > 10
    return vault, cache, stored


def test_rendered_pages_are_reused_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, cache, stored = _built_with_pages_cache(tmp_path, monkeypatch)
    build(vault, tmp_path / "b", cache_dir=cache)
    assert site_files(tmp_path / "a" / "site") == site_files(tmp_path / "b" / "site")
    ec2 = Path("notes") / "컴퓨팅" / "EC2" / "index.html"
    assert (tmp_path / "b" / "site" / ec2).stat().st_ino in stored  # reused, not rendered

    note = vault / "컴퓨팅" / "EC2.md"
    note.write_text(
        note.read_text(encoding="utf-8") + "\n- 람다는 새 문장: ==EC2 인스턴스==\n",
        encoding="utf-8",
    )
    build(vault, tmp_path / "c", cache_dir=cache)
    page = read(tmp_path / "c" / "site" / ec2)
    assert "람다는 새 문장" in page  # the edited page is rendered again, not served stale
    assert page != read(tmp_path / "a" / "site" / ec2)
    assert check_site(tmp_path / "c" / "site") == []


NEW_COMPARISON = """# SQS와 SNS

| | SQS | SNS |
| --- | --- | --- |
| 방식 | 폴링 | 푸시 |
| 보관 | 최대 14일 | 보관하지 않음 |
"""


def test_a_new_comparison_rerenders_the_nav_pages_not_the_note_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, cache, stored = _built_with_pages_cache(tmp_path, monkeypatch)
    compare_before = set((tmp_path / "a" / "docs" / "compare").glob("*.md"))

    (vault / "데이터베이스" / "SQS와 SNS.md").write_text(NEW_COMPARISON, encoding="utf-8")
    build(vault, tmp_path / "b", cache_dir=cache)
    assert set((tmp_path / "b" / "docs" / "compare").glob("*.md")) != compare_before
    site = tmp_path / "b" / "site"
    ec2 = site / "notes" / "컴퓨팅" / "EC2" / "index.html"
    services = site / "services" / "ec2" / "index.html"
    assert ec2.stat().st_ino in stored, "a note page outside the nav is reused"
    assert services.stat().st_ino not in stored, "a page in the changed nav is rendered again"
    # Reused or not, every page is what a build without any cache makes.
    build(vault, tmp_path / "c", cache_dir=None, incremental=False)
    assert site_files(site) == site_files(tmp_path / "c" / "site")


def test_compiled_templates_are_kept_and_checked_against_their_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinja2 import FileSystemBytecodeCache

    config = tmp_path / "config"
    config.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", config / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", config / "site_overrides")
    cache = tmp_path / "cache"
    build(VAULT, tmp_path / "a", cache_dir=cache, config=config / "mkdocs.yml")
    assert len(list((cache / "templates").iterdir())) > 10

    loaded: list[str] = []
    load = FileSystemBytecodeCache.load_bytecode

    def counting(self: FileSystemBytecodeCache, bucket: Any) -> None:
        load(self, bucket)
        if bucket.code is not None:
            loaded.append(bucket.key)

    monkeypatch.setattr(FileSystemBytecodeCache, "load_bytecode", counting)
    chips = config / "site_overrides" / "partials" / "tags.html"
    chips.write_text(
        chips.read_text(encoding="utf-8").replace('class="md-tags"', 'class="md-tags ng-probe"'),
        encoding="utf-8",
    )
    build(VAULT, tmp_path / "b", cache_dir=cache, config=config / "mkdocs.yml")
    assert len(loaded) > 10, "the second build compiled nothing it had compiled before"
    page = read(tmp_path / "b" / "site" / "notes" / "컴퓨팅" / "람다-정리" / "index.html")
    assert 'class="md-tags ng-probe"' in page, "an edited template is compiled again"


def test_a_broken_template_cache_costs_only_the_compiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinja2 import FileSystemBytecodeCache

    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "templates").write_text("a file where the folder goes", encoding="utf-8")
    build(VAULT, tmp_path / "a", cache_dir=cache)
    (cache / "templates").unlink()

    def disk_full(self: FileSystemBytecodeCache, bucket: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(FileSystemBytecodeCache, "dump_bytecode", disk_full)
    build(VAULT, tmp_path / "b", cache_dir=cache)
    assert site_files(tmp_path / "a" / "site") == site_files(tmp_path / "b" / "site")


def test_page_cache_keys_and_warnings(tmp_path: Path) -> None:
    from notesgraph.site.pagecache import PageCache

    cache = PageCache(tmp_path / "cache", "stamp")
    key = cache.key("notes/람다.md", "# 람다는\n")
    assert key != cache.key("notes/람다.md", "# 람다의\n")
    assert key != cache.key("notes/람다를.md", "# 람다는\n")
    assert key != PageCache(tmp_path / "cache", "another nav").key("notes/람다.md", "# 람다는\n")
    rendered = tmp_path / "site" / "람다" / "index.html"
    rendered.parent.mkdir(parents=True)
    rendered.write_text("<p>람다를</p>", encoding="utf-8")
    cache.store(key, str(rendered), ["a warning MkDocs gave"])
    target = tmp_path / "site2" / "람다" / "index.html"
    assert cache.fetch(key, str(target)) == ["a warning MkDocs gave"]
    assert read(target) == "<p>람다를</p>"
    assert cache.fetch(cache.key("notes/람다.md", "바뀜"), str(target)) is None
    cache.keep_only([])
    assert list((tmp_path / "cache" / "pages").iterdir()) == []


def test_pages_outside_the_nav_are_keyed_by_its_skeleton(tmp_path: Path) -> None:
    from notesgraph.site.pagecache import PageCache

    tabs = [[["노트", "notes/", None], ["서비스", "services/", None]], ""]
    before = PageCache(tmp_path, "nav with 291 comparisons", "config")
    after = PageCache(tmp_path, "nav with 292 comparisons", "config")
    for cache in (before, after):
        cache.outside_nav(tabs)
    note = '# 람다는\n\n<div class="ng-block">\n<p>[필수] 람다의 한도</p>\n</div><!--/ng-block-->\n'
    assert before.key("notes/람다.md", note, in_nav=False) == after.key(
        "notes/람다.md", note, in_nav=False
    )
    assert before.key("notes/람다.md", note) != after.key("notes/람다.md", note)
    for linked in (
        "[람다를](../람다.md)",
        "![그림](a.png)",
        "[람다][1]",
        "[1]: a.md",
        "<https://a>",
    ):
        text = note + linked + "\n"
        assert before.key("notes/람다.md", text, in_nav=False) != after.key(
            "notes/람다.md", text, in_nav=False
        ), linked
    moved = PageCache(tmp_path, "nav with 291 comparisons", "config")
    moved.outside_nav([[["노트", "notes/all/", None], ["서비스", "services/", None]], ""])
    assert moved.key("notes/람다.md", note, in_nav=False) != before.key(
        "notes/람다.md", note, in_nav=False
    )


def test_generated_front_matter_is_read_as_mkdocs_reads_it() -> None:
    from mkdocs.utils.meta import get_data

    from notesgraph.site.markup import Page
    from notesgraph.site.mkparallel import json_front_matter

    page = Page(
        {
            "title": '람다는 "서버리스" <b>',
            "search": {"exclude": True},
            "notesgraph": {"node": "note:람다의 한도.md", "tags": [["람다를", "../tags/#tag:x"]]},
            "odd": "tab\there, line\nbreak, \\ back, 🦀",
        }
    )
    page.heading(1, "람다의 한도", "람다의-한도")
    page.html("<p>---</p>")
    text = page.render()
    assert json_front_matter(text) == get_data(text)
    assert json_front_matter(text)[1]["notesgraph"]["tags"] == [["람다를", "../tags/#tag:x"]]
    for other in (
        "---\ntitle: 람다는\n---\n\n# 본문\n",  # YAML: MkDocs' way
        '---\n{"title": "a",\n "b": 1}\n---\n본문\n',  # JSON over two lines
        "---\n{not json}\n---\n본문\n",
        "---\n[1, 2]\n---\n본문\n",
        "# 람다를 쓰는 법\n",
        '---\n{"title": "unterminated"}\n',
    ):
        assert json_front_matter(other) is None, other


def test_replaced_site_is_removed_after_the_swap(tmp_path: Path) -> None:
    import time

    build(VAULT, tmp_path)
    first = (tmp_path / "site" / "index.html").stat().st_ino
    build(VAULT, tmp_path, incremental=False)
    assert (tmp_path / "site" / "index.html").stat().st_ino != first  # a new site is live
    deadline = time.monotonic() + 20
    while list(tmp_path.glob(".site-old-*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # a detached process removes the old one
    assert list(tmp_path.glob(".site-old-*")) == []
    assert list(tmp_path.glob(".site-building-*")) == []


def test_incremental_builds_from_the_spare_site_match_a_full_build(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    note = vault / "컴퓨팅" / "EC2.md"
    build(vault, tmp_path / "out")
    for line in ["- 람다는 첫 편집\n", "- 람다의 둘째 편집: ==EC2 한도==\n"]:
        note.write_text(note.read_text(encoding="utf-8") + line, encoding="utf-8")
        build(vault, tmp_path / "out")
        assert (tmp_path / "out" / ".site-spare").is_dir()  # the replaced site, kept
    # The third build started from the site of the first one (the spare) and brought it
    # up to date; it must be the site a build from nothing makes.
    build(vault, tmp_path / "fresh", cache_dir=None, incremental=False)
    incremental = site_files(tmp_path / "out" / "site")
    fresh = site_files(tmp_path / "fresh" / "site")
    assert incremental.keys() == fresh.keys()
    assert [k for k in fresh if fresh[k] != incremental[k]] == []
    assert "람다의 둘째 편집" in read(
        tmp_path / "out" / "site" / "notes" / "컴퓨팅" / "EC2" / "index.html"
    )


def test_a_first_site_gets_a_spare_that_the_next_build_starts_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time

    from notesgraph.site import mkbuild

    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    build(vault, tmp_path / "out")
    out = tmp_path / "out"
    deadline = time.monotonic() + 20
    while not (out / ".site-spare").is_dir() and time.monotonic() < deadline:
        time.sleep(0.05)  # a detached process links it
    assert list(out.glob(".site-old-*")) == [], "the spare is complete, under its own name"
    site, spare = out / "site", out / ".site-spare"
    files = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(spare)) for p in spare.rglob("*") if p.is_file())
    assert all(os.path.samefile(site / f, spare / f) for f in files), "links, not copies"

    def no_linking(source: Path, target: Path) -> None:
        raise AssertionError("the next build links the site itself")

    monkeypatch.setattr(mkbuild, "_link_tree", no_linking)
    unchanged = next(p for p in sorted((site / "assets").rglob("*.css")))
    kept = unchanged.stat().st_ino
    note = vault / "컴퓨팅" / "EC2.md"
    note.write_text(note.read_text(encoding="utf-8") + "- 람다는 편집됨\n", encoding="utf-8")
    build(vault, out)
    assert unchanged.stat().st_ino == kept, "an incremental build, from the spare"
    assert "람다는 편집됨" in read(site / "notes" / "컴퓨팅" / "EC2" / "index.html")


def test_the_site_links_the_attachments_notesgraph_copied_and_never_writes_into_them(
    tmp_path: Path,
) -> None:
    import os

    vault = tmp_path / "vault"
    shutil.copytree(FIXTURES / "vault", vault)
    out = tmp_path / "out"
    (out / "docs" / "손글씨").mkdir(parents=True)
    (out / "docs" / "손글씨" / "그림.png").write_bytes(b"hand-written")
    build(vault, out)
    image = "attachments/첨부/구성도.png"
    docs, site = out / "docs", out / "site"
    assert os.path.samefile(docs / image, site / image), "linked, not copied"
    assert not os.path.samefile(vault / "첨부" / "구성도.png", docs / image), "the vault's own"
    assert not os.path.samefile(docs / "손글씨" / "그림.png", site / "손글씨" / "그림.png")
    before = (site / image).read_bytes()

    (vault / "첨부" / "구성도.png").write_bytes(before + b"changed")
    os.utime(vault / "첨부" / "구성도.png", (4e9, 4e9))  # newer than anything built
    build(vault, out)
    assert (site / image).read_bytes() == before + b"changed"
    assert (out / ".site-spare" / image).read_bytes() == before, "the old site kept its copy"
    assert (vault / "첨부" / "구성도.png").read_bytes() == before + b"changed"


_BUILD_IN_A_FRESH_PROCESS = """
import sys
from pathlib import Path
from notesgraph import vault
from tests.sitebuild import build
vault.OVERLAP_THRESHOLD = 1  # the fixture vault counts as large
report = build(Path(sys.argv[1]), Path(sys.argv[2]))
print("MISSES", report.analysis.vault.cache_misses, "PENDING", report.analysis.vault.pending)
"""


def test_search_terms_of_a_changed_note_come_from_a_child_in_a_large_vault(tmp_path: Path) -> None:
    import subprocess
    import sys

    def build_fresh() -> str:
        # A new process, as `notesgraph build` runs: Kiwi is not loaded yet, so the edited
        # note's search analysis runs in a forked child while the graph and pages are made.
        done = subprocess.run(
            [sys.executable, "-c", _BUILD_IN_A_FRESH_PROCESS, str(vault), str(tmp_path / "out")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        return done.stdout.strip().splitlines()[-1]

    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    assert build_fresh().startswith("MISSES")
    note = vault / "컴퓨팅" / "EC2.md"
    note.write_text(
        note.read_text(encoding="utf-8") + "\n- 람다는 zyxwvut 한도를 가진다\n", encoding="utf-8"
    )
    assert build_fresh() == "MISSES 1 PENDING None"  # settled before the search index
    index = read(tmp_path / "out" / "docs" / "assets" / "generated" / "search-index.json")
    assert "zyxwvut" in index
    assert build_fresh() == "MISSES 0 PENDING None"  # the child's results reached the cache
    build(vault, tmp_path / "fresh", cache_dir=None)
    for folder in ("docs", "site"):
        built = site_files(tmp_path / "out" / folder)
        fresh = site_files(tmp_path / "fresh" / folder)
        assert [k for k in fresh if fresh[k] != built.get(k)] == []

"""The tags page and tag chips, the comparisons' shelves (nav and index), section headings.

A generated vault (60 notes, enough comparisons to shelve a category) plus a few
notes of ours with tags in every spelling, built with MkDocs in strict mode.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin

import pytest

from benchmarks.vaultgen import generate_vault
from notesgraph.site.body import tag_anchor
from notesgraph.site.conceptpages import SHELF_SIZE, comparison_shelves
from notesgraph.site.linkcheck import check_site
from notesgraph.site.reviewpages import SPLIT_AT

from .sitebuild import build

HOSTILE_TAG = '<img src=x onerror="alert(1)">'

TAGGED = {
    "태그/람다는.md": "# 람다는\n\n람다는 #Lambda 서버리스. #시험/대비\n",
    "태그/람다의.md": "# 람다의\n\n람다의 한도는 #lambda 로 묶는다.\n",
    "태그/람다를.md": (
        "---\ntags: [람다, " + json.dumps(HOSTILE_TAG) + ', "a_b"]\n---\n'
        "# 람다를\n\n람다를 호출한다.\n"
    ),
    "AWS_SAA #1/밑줄 폴더.md": "# 밑줄 폴더\n\n폴더 이름에 밑줄과 #이 있다.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("sections")
    vault = work / "vault"
    generate_vault(vault, 60, seed=3)
    for rel, text in TAGGED.items():
        (vault / rel).parent.mkdir(parents=True, exist_ok=True)
        (vault / rel).write_text(text, encoding="utf-8")
    report = build(vault, work, strict_mkdocs=True)
    assert report.mkdocs_warnings == []
    return work


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def note_html(site: Path, slug_path: str) -> str:
    return read(site / "site" / "notes" / slug_path / "index.html")


def test_tags_page_merges_spellings_and_lists_carriers(site: Path) -> None:
    page = read(site / "site" / "tags" / "index.html")
    heading = re.search(r'<h2 id="tag:lambda">(.*?)<a class="headerlink"', page)
    assert heading is not None, "#Lambda and #lambda share one entry"
    assert html.unescape(heading.group(1)) == "#Lambda · #lambda"
    section = page.split('id="tag:lambda"', 1)[1].split("<h2", 1)[0]
    assert ">람다는</a>" in section and ">람다의</a>" in section and "람다를" not in section
    assert f'id="{tag_anchor("시험/대비")}"' in page and f'id="{tag_anchor("람다")}"' in page
    # Hangul and the underscore survive as written (no Markdown emphasis, no double escaping)
    plain = re.search(r'<h2 id="tag:a_b">(.*?)<a class="headerlink"', page)
    assert plain is not None and html.unescape(plain.group(1)) == "#a_b"
    assert "img src=x" not in page, "a tag Obsidian would refuse is left out"


def test_tag_chips_and_inline_tags_land_on_the_tags_page(site: Path) -> None:
    page = note_html(site, "태그/람다를")
    chips = re.findall(r'<a href="([^"]+)" class="md-tag">([^<]*)</a>', page)
    names = [html.unescape(name) for _, name in chips]
    assert names == ["a_b", "람다"]
    assert "img src=x" not in page
    tags_page = read(site / "site" / "tags" / "index.html")
    for href, name in chips:
        path, _, anchor = unquote(html.unescape(href)).partition("#")
        assert path == "../../../tags/"
        assert f'id="{anchor}"' in tags_page, name
    inline = note_html(site, "태그/람다는")
    assert 'href="../../../tags/#tag:lambda"' in inline and 'class="md-tag">Lambda</a>' in inline


def test_notes_index_heading_keeps_underscores_and_hashes(site: Path) -> None:
    page = read(site / "site" / "notes" / "index.html")
    headings = [
        html.unescape(re.sub(r"<[^>]+>", "", h)).rstrip("¶")
        for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page)
    ]
    assert "AWS_SAA #1" in headings


def _comparison_links(site: Path, url: str) -> set[str]:
    """The comparison pages (``compare/<slug>/``) the page at site URL ``url`` links to."""
    page = read(site / "site" / url / "index.html")
    found = set()
    for href in re.findall(r'href="([^"#]*)', page):
        target = urljoin("http://site/" + url, unquote(html.unescape(href)))
        rel = target.removeprefix("http://site/")
        if rel.startswith("compare/") and rel != "compare/":
            found.add(rel)
    return found


def test_comparisons_are_shelved_and_only_the_open_shelf_is_drawn(site: Path) -> None:
    docs = site / "docs"
    pages = sorted(p.stem for p in (docs / "compare").glob("*.md") if p.stem != "index")
    urls = {f"compare/{stem}/" for stem in pages}
    assert len(pages) > SHELF_SIZE, "the generated vault has enough comparisons to shelve"
    assert _comparison_links(site, "compare/") == urls, "the index lists every comparison"
    # A comparison page's sidebar holds its own shelf: no page lists every comparison.
    drawn = [_comparison_links(site, url) for url in sorted(urls)]
    assert all(url in links for url, links in zip(sorted(urls), drawn, strict=True))
    assert max(len(links) for links in drawn) < len(urls)
    assert check_site(site / "site") == []


class _Graph:
    """Just what comparison_shelves reads of a site context: node attributes."""

    def __init__(self, nodes: dict[str, dict[str, Any]]) -> None:
        self.nodes = nodes

    def node(self, node: str) -> dict[str, Any]:
        return self.nodes[node]


def test_shelves_small_categories_flat_large_ones_by_first_service() -> None:
    nodes: dict[str, dict[str, Any]] = {
        "service:lambda": {"label": "Lambda", "category": "compute"},
        "service:fargate": {"label": "Fargate", "category": "compute"},
        "service:ec2": {"label": "EC2", "category": "compute"},
        "service:s3": {"label": "S3", "category": "storage"},
        "service:efs": {"label": "EFS", "category": "storage"},
        "feature:lambda/edge": {"label": "Lambda@Edge", "service": "service:lambda"},
    }
    groups: dict[str, list[str]] = {}
    for i in range(SHELF_SIZE):  # compute: one more than fits on one shelf
        lead = "service:lambda" if i % 2 else "service:ec2"
        nodes[f"comparison:c{i}"] = {"label": f"c{i}", "services": [lead, "service:fargate"]}
        groups[f"compare/c{i}.md"] = [f"comparison:c{i}"]
    nodes["comparison:edge"] = {"label": "e", "services": ["feature:lambda/edge", "service:ec2"]}
    groups["compare/edge.md"] = ["comparison:edge"]
    nodes["comparison:s"] = {"label": "s", "services": ["service:s3", "service:efs"]}
    groups["compare/s.md"] = ["comparison:s"]
    nodes["comparison:bare"] = {"label": "이름 없는 비교", "services": []}
    groups["compare/bare.md"] = ["comparison:bare"]
    shelves = dict(comparison_shelves(_Graph(nodes), groups))  # type: ignore[arg-type]
    compute = shelves["compute"]
    assert [lead for lead, _ in compute] == ["service:ec2", "service:lambda"]
    lambda_pages = [page for page, _ in compute[1][1]]
    assert "compare/edge.md" in lambda_pages, "a feature is shelved with its service"
    assert sum(len(pages) for _, pages in compute) == SHELF_SIZE + 1
    assert shelves["storage"] == [(None, [("compare/s.md", "S3 vs EFS")])]
    assert shelves["other"] == [(None, [("compare/bare.md", "이름 없는 비교")])]


def _rows(page: str) -> int:
    return len(re.findall(r"<tr>", page.split("<tbody>", 1)[1])) if "<tbody>" in page else 0


def test_limits_are_split_into_a_page_per_category(site: Path) -> None:
    """The 60-note vault has more limits than one page holds (SPLIT_AT): an index, then
    a sortable table per service category; every limit on exactly one of them."""
    assert not (site / "docs" / "limits.md").exists()
    assert (site / "docs" / "limits" / "index.md").is_file()
    index = read(site / "site" / "limits" / "index.html")
    total = int(re.search(r"서비스 \d+개의 한도 (\d+)개", index).group(1))  # type: ignore[union-attr]
    assert total > SPLIT_AT
    shelves = re.findall(
        r'<li><a href="([^"]+)">([^<]+)</a> <span class="ng-count">서비스 (\d+)개 · 한도 (\d+)개',
        index,
    )
    assert len(shelves) >= 2
    search = json.loads(read(site / "site" / "assets" / "generated" / "search-index.json"))
    searched = {entry[0]: entry[3][0][1] for entry in search["pages"]}
    rows = 0
    for href, label, _, count in shelves:
        url = urljoin("limits/", unquote(href))
        page = read(site / "site" / url / "index.html")
        assert f"한도 모음 · {html.unescape(label)}" in html.unescape(page)
        assert _rows(page) == int(count)
        assert page.count('<td class="ng-value"') == int(count)
        assert searched[url] == f"한도 모음 · {html.unescape(label)}"
        # its nav entry is open on it
        active = re.search(
            r'<a href="./" class="md-nav__link md-nav__link--active">\s*'
            r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>',
            page,
        )
        assert active is not None and active.group(1) == label
        rows += int(count)
    assert rows == total
    home = read(site / "site" / "index.html")
    assert 'href="limits/"' in home


def test_key_points_stay_on_one_page_below_the_split(site: Path) -> None:
    page = read(site / "site" / "keypoints" / "index.html")
    count = int(re.search(r"하이라이트</mark> (\d+)개", page).group(1))  # type: ignore[union-attr]
    assert 0 < count <= SPLIT_AT
    assert 'id="by-service"' in page and 'id="by-note"' in page
    assert not [p for p in (site / "site" / "keypoints").iterdir() if p.is_dir()]
    assert (site / "docs" / "keypoints.md").is_file()


def test_key_points_split_by_category(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past SPLIT_AT highlights: a page per category with its services' highlights, each
    under the service it mentions; the index lists every note with its count."""
    from notesgraph.pipeline import analyse, site_context
    from notesgraph.search.sitedocs import _keypoint_docs
    from notesgraph.site import reviewpages
    from notesgraph.site.conceptpages import concept_category
    from notesgraph.site.urls import page_url

    monkeypatch.setattr(reviewpages, "SPLIT_AT", 50)
    ctx = site_context(analyse(site / "vault", None))
    groups = reviewpages.keypoint_groups(ctx)
    pages, nav = reviewpages.keypoints_pages(ctx, groups)
    highlights = ctx.nodes_of("highlight")
    assert len(highlights) > 50 and len(groups) >= 2
    assert set(pages) == {reviewpages.KEYPOINTS_INDEX, *groups}
    assert nav == {
        "시험 포인트": [
            reviewpages.KEYPOINTS_INDEX,
            *({esc_label(ctx, path, services): path} for path, services in groups.items()),
        ]
    }
    for path, services in groups.items():
        categories = {concept_category(ctx, s) for s in services}
        assert len(categories) == 1 and path.startswith("keypoints/")
        for service, nodes in services.items():
            anchor = "svc-" + service.split(":", 1)[1]
            assert "{ #" + anchor + " }" in pages[path]
            for node in nodes:
                mentioned = {
                    ctx.node(t).get("service", t) if ctx.node(t)["kind"] == "feature" else t
                    for t, _ in ctx.out_edges(node, ["mentions"])
                }
                assert service in mentioned
    index = pages[reviewpages.KEYPOINTS_INDEX]
    listed = [int(n) for n in re.findall(r'<span class="ng-count">하이라이트 (\d+)개', index)]
    assert sum(listed) == len(highlights)
    docs = _keypoint_docs(ctx, highlights)
    places = reviewpages.keypoint_places(groups)
    for doc in docs[1:]:
        url, _, anchor = doc.location.partition("#")
        service = "service:" + anchor[len("svc-") :]
        assert url == page_url(places[service])


def esc_label(ctx: Any, path: str, services: dict[str, list[str]]) -> str:
    from notesgraph.site.conceptpages import concept_category
    from notesgraph.site.labels import category_label

    return html.escape(category_label(concept_category(ctx, next(iter(services)))))

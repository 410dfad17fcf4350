"""The JSON behind the service map, the local maps and the explorer, from the seed vault."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from benchmarks.vaultgen import generate_vault
from notesgraph.extract.facts import RELATION_KINDS
from notesgraph.pipeline import analyse
from notesgraph.pipeline import site_context as pipeline_site_context
from notesgraph.site.conceptpages import limit_value
from notesgraph.site.context import SiteContext
from notesgraph.site.localmaps import LOCAL_EDGES, LOCAL_LIMIT, local_maps
from notesgraph.site.mapdata import (
    EXPLORER_JSON,
    REVIEW_JSON,
    SERVICES_JSON,
    VIS_NETWORK,
    fnv1a,
    local_map_path,
    map_files,
    vendor_files,
)
from notesgraph.site.maplayout import PLACED_KINDS, layout
from notesgraph.site.render import prepare

from .browser.mapsite import write_xss_vault
from .conftest import ROOT

GIB = 1024**3
SEED_NOTE = "note:AWS SAA/215-229 서버리스.md"


def site_context(vault: Path) -> SiteContext:
    """What render_site hands the map data: the context with comparison pages known."""
    ctx = pipeline_site_context(analyse(vault))
    prepare(ctx)
    return ctx


@pytest.fixture(scope="module")
def seed_ctx() -> SiteContext:
    return site_context(ROOT / "vault")


@pytest.fixture(scope="module")
def seed_files(seed_ctx: SiteContext) -> dict[str, str]:
    return map_files(seed_ctx)


def data(files: dict[str, str], path: str) -> Any:
    return json.loads(files[path])


# ----------------------------------------------------------------------------- files


def test_two_builds_give_the_same_bytes(seed_files: dict[str, str]) -> None:
    again = map_files(site_context(ROOT / "vault"))
    assert again == seed_files


def test_one_local_map_per_note_and_service(
    seed_ctx: SiteContext, seed_files: dict[str, str]
) -> None:
    wanted = [n for n, a in seed_ctx.graph.nodes(data=True) if a["kind"] in ("note", "service")]
    for node in wanted:
        assert node in data(seed_files, local_map_path(node)), node
    local = [p for p in seed_files if "/local/" in p]
    assert set(local) == {local_map_path(n) for n in wanted}


def test_fnv1a_matches_the_reference_values() -> None:
    # Published FNV-1a 32-bit test vectors; map.js computes the same over NFC UTF-8.
    assert fnv1a("") == "811c9dc5"
    assert fnv1a("a") == "e40c292c"
    assert fnv1a("foobar") == "bf9cf968"
    assert fnv1a("서비스") == fnv1a("서비스")  # NFD input hashes as NFC


def test_pages_stay_small(seed_files: dict[str, str]) -> None:
    """No page embeds graph data; what a page fetches is small."""
    sizes = {path: len(text.encode()) for path, text in seed_files.items()}
    assert sizes[SERVICES_JSON] < 80_000
    assert max(size for path, size in sizes.items() if "/local/" in path) < 40_000


def test_vis_network_comes_from_pyvis() -> None:
    ((path, source),) = vendor_files().items()
    assert path == VIS_NETWORK
    assert source.is_file() and "pyvis" in source.parts
    assert "vis-network" in source.read_text(encoding="utf-8")[:300]


# ----------------------------------------------------------------------------- layout


def test_layout_places_every_drawn_node_deterministically(seed_ctx: SiteContext) -> None:
    first = layout(seed_ctx.graph)
    drawn = {n for n, a in seed_ctx.graph.nodes(data=True) if a["kind"] in PLACED_KINDS}
    assert set(first) == drawn
    assert first == layout(seed_ctx.graph)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in first.values())
    services = [first[n] for n in drawn if seed_ctx.node(n)["kind"] == "service"]
    assert len(set(services)) == len(services), "no two services share a spot"


def test_features_and_limits_sit_near_their_service(seed_ctx: SiteContext) -> None:
    pos = layout(seed_ctx.graph)

    def distance(a: str, b: str) -> float:
        return math.dist(pos[a], pos[b])

    assert distance("feature:lambda/snapstart", "service:lambda") < 150
    assert distance("limit:lambda/최대-실행-시간", "service:lambda") < 200


# ----------------------------------------------------------------------------- service map


def test_service_map_lists_the_seed_services_with_limits(seed_files: dict[str, str]) -> None:
    services = {s["id"]: s for s in data(seed_files, SERVICES_JSON)["services"]}
    for name in ("lambda", "cognito", "dynamodb", "api-gateway", "s3", "rds-proxy"):
        assert f"service:{name}" in services
    lam = services["service:lambda"]
    limits = {limit["name"]: limit for limit in lam["limits"]}
    assert limits["최대 실행 시간"]["value"] == "900초 (15분)"
    assert limits["메모리"]["value"] == "128 MB ~ 10 GB"
    assert limits["메모리"]["text"] == "메모리: 128MB ~ 10GB (1MB 단위로 증가)"
    assert limits["메모리"]["url"].endswith("#실행-한도")
    assert "람다" in lam["aliases"]
    assert lam["size"] == max(s["size"] for s in services.values()), (
        "the most-noted service is biggest"
    )


def test_service_map_edges_join_services_only(seed_files: dict[str, str]) -> None:
    content = data(seed_files, SERVICES_JSON)
    ids = {s["id"] for s in content["services"]}
    kinds = {r["id"] for r in content["legend"]["relations"]}
    for edge in content["edges"]:
        assert edge["source"] in ids and edge["target"] in ids and edge["source"] != edge["target"]
        assert edge["kind"] in kinds
        assert bool(edge["text"]) == bool(edge["url"]), "quoted relations link to their section"
    assert any(edge["text"] for edge in content["edges"])


# ----------------------------------------------------------------------------- explorer


def resolve_url(graph: dict[str, Any], i: int) -> str:
    """explorer.js's urlOf, in Python."""
    url, up = graph["nodes"]["url"][i], graph["nodes"]["up"][i]
    if url == "" and up >= 0:
        return resolve_url(graph, up)
    if url.startswith("#") and up >= 0:
        return resolve_url(graph, up).split("#")[0] + url
    return url


def test_explorer_columns_line_up_and_urls_resolve(
    seed_ctx: SiteContext, seed_files: dict[str, str]
) -> None:
    graph = data(seed_files, EXPLORER_JSON)
    columns = graph["nodes"]
    size = len(columns["kind"])
    assert all(len(column) == size for column in columns.values())
    drawn = sorted(n for n, a in seed_ctx.graph.nodes(data=True) if a["kind"] in PLACED_KINDS)
    assert size == len(drawn)
    for i, node in enumerate(drawn):
        assert columns["label"][i] == seed_ctx.node(node)["label"]
        assert resolve_url(graph, i) == (seed_ctx.url_of(node) or ""), node
    keyed = {v: int(k) for k, v in graph["key"].items()}
    assert drawn[keyed["service:lambda"]] == "service:lambda"
    lam = str(keyed["service:lambda"])
    assert graph["category"][lam] == "compute"


def test_explorer_edges_index_real_nodes(seed_files: dict[str, str]) -> None:
    graph = data(seed_files, EXPLORER_JSON)
    size = len(graph["nodes"]["kind"])
    for kind, flat in graph["edges"].items():
        assert len(flat) % 2 == 0, kind
        assert all(0 <= i < size for i in flat)
    for source, target, kind, section, _line, text in graph["relations"]:
        assert 0 <= source < size and 0 <= target < size and section < size
        assert (section >= 0) == bool(text), "quoted relations point at their section"
        assert kind in {r["id"] for r in graph["legend"]["relations"]}


# ----------------------------------------------------------------------------- local maps


def test_note_map_shows_the_services_it_mentions(seed_files: dict[str, str]) -> None:
    local = data(seed_files, local_map_path(SEED_NOTE))[SEED_NOTE]
    assert local["centre"] == SEED_NOTE and local["nodes"][0]["id"] == SEED_NOTE
    ids = {n["id"] for n in local["nodes"]}
    assert {"service:lambda", "service:cognito", "service:dynamodb"} <= ids
    assert len(local["nodes"]) <= LOCAL_LIMIT + 1
    assert all(n["depth"] == 1 for n in local["nodes"][1:])
    assert all(
        0 <= s < len(local["nodes"]) and 0 <= t < len(local["nodes"]) for s, t, _ in local["edges"]
    )


def test_note_maps_draw_the_lines_among_their_nodes_centre_first(tmp_path: Path) -> None:
    """Every note map of a generated vault against its lines worked out plainly from the
    graph: one to the centre per node (link, backlink or mention), the relations among
    the services named; past LOCAL_EDGES the centre's lines and the smallest others."""
    generate_vault(tmp_path / "vault", 200, seed=0)
    ctx = site_context(tmp_path / "vault")
    capped = 0
    for centre, local in local_maps(ctx).items():
        if not centre.startswith("note:"):
            continue
        ids = [n["id"] for n in local["nodes"]]
        index = {node: i for i, node in enumerate(ids)}
        lines = set()
        for i, node in enumerate(local["nodes"][1:], start=1):
            if node["group"] == "link":
                lines.add((0, i, "links_to"))
            elif node["group"] == "backlink":
                lines.add((i, 0, "links_to"))
            else:
                lines.add((0, i, "mentions"))
                for _, target, kind in ctx.graph.out_edges(node["id"], data="kind"):
                    if kind in RELATION_KINDS and index.get(target, 0) > 0:
                        lines.add((i, index[target], kind))
        wanted = sorted(lines)
        if len(wanted) > LOCAL_EDGES:
            capped += 1
            centre_lines = [e for e in wanted if 0 in e[:2]]
            others = [e for e in wanted if 0 not in e[:2]]
            wanted = sorted((centre_lines + others)[:LOCAL_EDGES])
        assert [tuple(e) for e in local["edges"]] == wanted, centre
    assert capped >= 10, "maps with more lines than are drawn"


def test_service_map_shows_features_and_relations_two_steps_out(seed_files: dict[str, str]) -> None:
    local = data(seed_files, local_map_path("service:lambda"))["service:lambda"]
    by_id = {n["id"]: n for n in local["nodes"]}
    assert by_id["feature:lambda/snapstart"]["group"] == "feature"
    assert by_id["feature:lambda/snapstart"]["depth"] == 1
    assert max(n["depth"] for n in local["nodes"]) <= 2
    radius = [math.hypot(n["x"], n["y"]) for n in local["nodes"] if n["depth"] == 1]
    assert max(radius) - min(radius) < 1, "depth-1 nodes share one ring"


# ----------------------------------------------------------------------------- flashcards


def test_limit_becomes_question_and_answer(seed_files: dict[str, str]) -> None:
    review = data(seed_files, REVIEW_JSON)
    cards = {card["q"]: card for card in review["cards"] if card["type"] == "limit"}
    card = cards["Lambda · 최대 실행 시간?"]
    assert card["a"] == "900초 (15분)"
    assert card["quote"] == "최대 실행 시간: 900초 (15분)"
    assert cards["Lambda · 메모리?"]["a"] == "128 MB ~ 10 GB"
    assert cards["CloudFront Functions · 시작 시간?"]["a"] == "1ms 미만"
    assert cards["DynamoDB · 항목 크기?"]["a"] == "최대 400 KB"


def test_highlight_becomes_cloze_with_its_words_hidden(
    seed_ctx: SiteContext, seed_files: dict[str, str]
) -> None:
    review = data(seed_files, REVIEW_JSON)
    cloze = [card for card in review["cards"] if card["type"] == "cloze"]
    assert len(cloze) == len(seed_ctx.nodes_of("highlight"))
    memory = next(c for c in cloze if c["answer"] == "128MB ~ 10GB")
    assert memory["before"] == "메모리: " and memory["after"] == " (1MB 단위로 증가)"
    for card in cloze:
        attrs = seed_ctx.node(card["id"])
        assert card["before"] + card["answer"] + card["after"] == attrs["context"]
        assert card["answer"] == attrs["label"]
        assert card["url"].endswith("#" + attrs["anchor"])


def test_decks_per_service_and_for_all(seed_files: dict[str, str]) -> None:
    review = data(seed_files, REVIEW_JSON)
    decks = {deck["id"]: deck for deck in review["decks"]}
    assert review["decks"][0]["id"] == "all"
    assert decks["all"]["cards"] == list(range(len(review["cards"])))
    lam = [review["cards"][i] for i in decks["service:lambda"]["cards"]]
    assert any(c.get("q") == "Lambda · 최대 실행 시간?" for c in lam)
    assert any(c["type"] == "cloze" and c["answer"] == "128MB ~ 10GB" for c in lam)
    assert len({c["id"] for c in review["cards"]}) == len(review["cards"]), "card ids are unique"


# ----------------------------------------------------------------------------- fit check


def test_fit_check_knows_lambda_memory_and_run_time(seed_files: dict[str, str]) -> None:
    fit = data(seed_files, REVIEW_JSON)["fit"]
    lam = next(o for o in fit["options"] if o["id"] == "service:lambda")
    by_field: dict[str, list[dict[str, Any]]] = {}
    for limit in lam["limits"]:
        by_field.setdefault(limit["field"], []).append(limit)
    assert [limit["max"] for limit in by_field["memory"]] == [10 * GIB]
    assert 900 in [limit["max"] for limit in by_field["duration"]]
    run_time = next(limit for limit in by_field["duration"] if limit["name"] == "최대 실행 시간")
    assert run_time["text"] == "최대 실행 시간: 900초 (15분)" and not run_time["strict"]
    assert by_field["concurrency"][0]["soft"], "기본 1,000개 is a default, not a ceiling"
    assert {f["id"] for f in fit["fields"]} >= {
        "memory",
        "duration",
        "file_size",
        "item_size",
        "package_size",
        "concurrency",
        "rate",
    }


def test_the_seed_exercise_becomes_a_preset(seed_files: dict[str, str]) -> None:
    fit = data(seed_files, REVIEW_JSON)["fit"]
    (exercise,) = fit["exercises"]
    assert exercise["text"] == "RAM 30GB, 실행 시간 30분, 3GB 파일 → Lambda 부적합"
    assert exercise["values"] == {"memory": 30 * GIB, "duration": 1800, "file_size": 3 * GIB}
    assert exercise["options"] == ["service:lambda"] and exercise["fits"] is False


def test_every_verdict_line_of_a_note_becomes_an_exercise(tmp_path: Path) -> None:
    """Both verdicts, particles on the service name, several in one note; a line that
    names a workload without a verdict, or a verdict without a workload, is none."""
    (tmp_path / "람다 정리.md").write_text(
        "# 람다 정리\n\n"
        "## Lambda\n\n"
        "### 실행 한도\n\n"
        "- 메모리: 128MB ~ 10GB\n"
        "- 최대 실행 시간: 900초 (15분)\n\n"
        "## 판단\n\n"
        "메모리 2GB, 실행 시간 5분 → 람다는 적합\n\n"
        "## 둘째\n\n"
        "RAM 30GB, 실행 시간 2시간 -> Lambda 부적합\n\n"
        "Lambda 적합 (수치 없음)\n",
        encoding="utf-8",
    )
    fit = data(map_files(site_context(tmp_path)), REVIEW_JSON)["fit"]
    found = [(e["text"], e["fits"], e["options"], e["values"]) for e in fit["exercises"]]
    assert found == [
        (
            "메모리 2GB, 실행 시간 5분 → 람다는 적합",
            True,
            ["service:lambda"],
            {"memory": 2 * GIB, "duration": 300},
        ),
        (
            "RAM 30GB, 실행 시간 2시간 -> Lambda 부적합",
            False,
            ["service:lambda"],
            {"memory": 30 * GIB, "duration": 7200},
        ),
    ]
    assert [e["url"].split("#")[-1] for e in fit["exercises"]] == ["판단", "둘째"]


def test_lambda_does_not_fit_30_gb_for_30_minutes(seed_files: dict[str, str]) -> None:
    """The page's rule (fitcheck.js evaluate), applied to the data: both limits decide."""
    fit = data(seed_files, REVIEW_JSON)["fit"]
    lam = next(o for o in fit["options"] if o["id"] == "service:lambda")
    workload = {"memory": 30 * GIB, "duration": 30 * 60, "file_size": 3 * GIB}
    failed = {
        limit["name"]
        for limit in lam["limits"]
        if limit["field"] in workload
        and not limit["soft"]
        and workload[limit["field"]] > limit["max"]
    }
    assert {"메모리", "최대 실행 시간"} <= failed
    assert "임시 저장소 (/tmp)" not in failed, "a 3 GB file fits in /tmp (10 GB)"


def test_limit_value_puts_korean_qualifiers_where_they_belong() -> None:
    base = {"name": "시작 시간", "unit": "seconds", "max": 0.001, "value": "1ms 미만"}
    assert limit_value({**base, "qualifier": "미만"}) == "1ms 미만"
    assert limit_value({**base, "qualifier": "최대", "max": 4.0}) == "최대 4초"
    assert (
        limit_value(
            {
                "name": "동시 실행 수",
                "unit": "count",
                "max": 1000.0,
                "value": "기본 1,000개",
                "qualifier": "기본",
            }
        )
        == "기본 1,000개"
    )


# ----------------------------------------------------------------------------- safety


def test_html_from_notes_stays_data(tmp_path: Path) -> None:
    files = map_files(site_context(write_xss_vault(tmp_path)))
    graph = data(files, EXPLORER_JSON)
    aliases = [a for values in graph["aliases"].values() for a in values]
    assert "<img src=x onerror=window.__xss=1>" in aliases
    assert "Lambda 한도 <b onmouseover=window.__xss=5>굵게" in graph["nodes"]["label"]
    assert any("<img src=x onerror=window.__xss=7>" in row[3] for row in graph["limit"].values())
    services = data(files, SERVICES_JSON)
    texts = [e["text"] for e in services["edges"]] + [
        limit["text"] for s in services["services"] for limit in s["limits"]
    ]
    assert any("<svg onload=window.__xss=8>" in t for t in texts)
    for text in files.values():
        assert "&lt;" not in text, "strings are data for textContent, never pre-escaped markup"
        json.loads(text)

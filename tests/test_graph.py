"""The concept graph: schema, golden graphs for the seed and the fixture vault, round trips."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from notesgraph.cli import main
from notesgraph.graph.build import edge_count
from notesgraph.graph.export import from_graphml, from_json, to_graphml, to_json
from notesgraph.graph.schema import EDGE_KINDS, NODE_KINDS
from notesgraph.pipeline import analyse

from .conftest import FIXTURES, ROOT, assert_golden_json

VAULT = FIXTURES / "vault"
KiB, MiB, GiB = 1024, 1024**2, 1024**3


@pytest.fixture(scope="module")
def seed_graph() -> nx.MultiDiGraph:
    return analyse(ROOT / "vault").graph


@pytest.fixture(scope="module")
def fixture_graph() -> nx.MultiDiGraph:
    return analyse(VAULT).graph


def summary(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """What a reader checks by hand: services, limits, relations, comparisons."""
    nodes = dict(graph.nodes(data=True))
    return {
        "services": {
            n: {"label": a["label"], "aliases": a.get("aliases", []), "category": a.get("category")}
            for n, a in nodes.items()
            if a["kind"] == "service"
        },
        "features": {n: a["label"] for n, a in nodes.items() if a["kind"] == "feature"},
        "limits": [
            {
                "id": n,
                "owner": a["owner"],
                "name": a["name"],
                "min": a.get("min"),
                "max": a.get("max"),
                "unit": a["unit"],
                "line": a["line"],
            }
            for n, a in nodes.items()
            if a["kind"] == "limit"
        ],
        "relations": sorted(
            [u, v, d["kind"], d.get("line", 0)]
            for u, v, d in graph.edges(data=True)
            if d["kind"]
            not in (
                "links_to",
                "embeds",
                "contains",
                "mentions",
                "tagged",
                "has_limit",
                "stated_in",
                "compares",
                "feature_of",
            )
        ),
        "comparisons": {
            n: {
                "services": a.get("services"),
                "columns": a.get("columns"),
                "rows": len(a.get("rows", [])),
            }
            for n, a in nodes.items()
            if a["kind"] == "comparison"
        },
    }


def test_seed_graph_golden(seed_graph: nx.MultiDiGraph) -> None:
    assert_golden_json(FIXTURES / "seed_graph.json", summary(seed_graph))


def test_fixture_vault_graph_golden(fixture_graph: nx.MultiDiGraph) -> None:
    assert_golden_json(FIXTURES / "vault_graph.json", json.loads(to_json(fixture_graph)))


def test_schema(seed_graph: nx.MultiDiGraph, fixture_graph: nx.MultiDiGraph) -> None:
    for graph in (seed_graph, fixture_graph):
        for node, attrs in graph.nodes(data=True):
            assert attrs["kind"] in NODE_KINDS and attrs["label"], node
            assert node.startswith(attrs["kind"] + ":"), node
            for value in attrs.values():
                assert isinstance(value, (str, int, float, bool, list)), (node, value)
            if attrs["kind"] == "service":
                assert isinstance(attrs.get("aliases", []), list)
            if attrs["kind"] == "limit":
                assert attrs["unit"] in ("bytes", "seconds", "count", "usd", "percent", "factor")
                assert attrs.get("min") is not None or attrs.get("max") is not None
                assert graph.nodes[attrs["service"]]["kind"] == "service"
                assert attrs["text"] and attrs["line"] > 0
        for _, _, data in graph.edges(data=True):
            assert data["kind"] in EDGE_KINDS


def _limits(graph: nx.MultiDiGraph, owner: str) -> dict[str, dict[str, Any]]:
    return {
        a["name"]: a
        for _, a in graph.nodes(data=True)
        if a["kind"] == "limit" and a["owner"] == owner
    }


def test_seed_lambda_limits_from_lecture_218(seed_graph: nx.MultiDiGraph) -> None:
    limits = {
        name: a
        for name, a in _limits(seed_graph, "service:lambda").items()
        if 96 <= a["line"] <= 121
    }
    assert (limits["메모리"]["min"], limits["메모리"]["max"]) == (128 * MiB, 10 * GiB)
    assert limits["최대 실행 시간"]["max"] == 900 and limits["최대 실행 시간"]["unit"] == "seconds"
    assert limits["환경변수 크기"]["max"] == 4 * KiB
    tmp = next(a for n, a in limits.items() if "/tmp" in n)
    assert tmp["max"] == 10 * GiB
    concurrency = next(a for n, a in limits.items() if "동시 실행" in n)
    assert concurrency["unit"] == "count" and 1000 in (
        concurrency.get("min"),
        concurrency.get("max"),
    )
    package = {n: a for n, a in limits.items() if "패키지" in n}
    assert sorted(a["max"] for a in package.values()) == [50 * MiB, 250 * MiB]
    assert len(limits) == 7


def test_seed_services_have_korean_aliases(seed_graph: nx.MultiDiGraph) -> None:
    lam = seed_graph.nodes["service:lambda"]
    assert lam["label"] == "Lambda" and "람다" in lam["aliases"]
    assert "코그니토" in seed_graph.nodes["service:cognito"]["aliases"]
    assert "RDS 프록시" in seed_graph.nodes["service:rds-proxy"]["aliases"]
    labels = {a["label"] for _, a in seed_graph.nodes(data=True) if a["kind"] == "service"}
    assert {
        "Lambda",
        "API Gateway",
        "DynamoDB",
        "Cognito",
        "CloudFront",
        "Lambda@Edge",
        "CloudFront Functions",
        "RDS Proxy",
    } <= labels
    assert not labels & {
        "Node.js",
        "Python",
        "Java",
        "Swagger",
        "OpenAPI",
        "WebSocket",
        "JSON",
        "Facebook",
        "Google",
    }


def test_seed_comparison_table(seed_graph: nx.MultiDiGraph) -> None:
    tables = [
        a
        for _, a in seed_graph.nodes(data=True)
        if a["kind"] == "comparison" and a.get("columns") and len(a.get("rows", [])) == 7
    ]
    assert tables and tables[0]["services"] == [
        "service:cloudfront-functions",
        "service:lambda-edge",
    ]


def test_private_notes_are_not_in_the_graph(fixture_graph: nx.MultiDiGraph) -> None:
    text = to_json(fixture_graph)
    assert "비공개/일기.md" not in text and "시험 떨어지면" not in text


def test_json_is_node_link_data_one_item_per_line(fixture_graph: nx.MultiDiGraph) -> None:
    text = to_json(fixture_graph)
    reference = json.dumps(nx.node_link_data(fixture_graph, edges="edges"), ensure_ascii=False)
    assert json.loads(text) == json.loads(reference)
    lines = text.splitlines()
    nodes, edges = fixture_graph.number_of_nodes(), fixture_graph.number_of_edges()
    assert len(lines) == nodes + edges + 7  # a diff shows the nodes and edges that changed
    assert sum(line.startswith('{"id": ') or ', "id": ' in line for line in lines) == nodes
    assert json.loads(to_json(nx.MultiDiGraph())) == {
        "directed": True,
        "edges": [],
        "graph": {},
        "multigraph": True,
        "nodes": [],
    }


def test_json_round_trip(fixture_graph: nx.MultiDiGraph) -> None:
    text = to_json(fixture_graph)
    assert to_json(from_json(text)) == text


def test_graphml_round_trip(seed_graph: nx.MultiDiGraph) -> None:
    back = from_graphml(to_graphml(seed_graph))
    assert set(back.nodes) == set(seed_graph.nodes)
    for node, attrs in seed_graph.nodes(data=True):
        assert back.nodes[node] == attrs, node
    original = sorted(
        (u, v, json.dumps(d, sort_keys=True)) for u, v, d in seed_graph.edges(data=True)
    )
    again = sorted((u, v, json.dumps(d, sort_keys=True)) for u, v, d in back.edges(data=True))
    assert again == original


def test_edge_count(seed_graph: nx.MultiDiGraph, fixture_graph: nx.MultiDiGraph) -> None:
    for graph in (seed_graph, fixture_graph):
        assert edge_count(graph) == graph.number_of_edges() == len(list(graph.edges)) > 50


def test_edges_share_attributes_only_when_alike() -> None:
    from notesgraph.graph.build import _Edges

    edges = _Edges()
    edges.add("note:람다.md", "service:lambda", "links_to", line=3)
    edges.add("note:람다의.md", "service:lambda", "links_to", line=3)
    edges.add("note:람다를.md", "service:lambda", "links_to", line=True)
    edges.add("note:람다는.md", "service:lambda", "links_to", line=3.0)
    found = {source: targets["service:lambda"] for source, targets in edges.found.items()}
    assert found["note:람다.md"] is found["note:람다의.md"]
    assert found["note:람다를.md"]["line"] is True and found["note:람다는.md"]["line"] == 3.0
    assert type(found["note:람다는.md"]["line"]) is float


def test_graph_is_frozen_and_a_copy_changes_alone(fixture_graph: nx.MultiDiGraph) -> None:
    # Edges share attribute and key dictionaries, so the built graph refuses changes;
    # a copy can be changed without touching the edges it was copied from.
    plain = [(u, v) for u, v, d in fixture_graph.edges(data=True) if d == {"kind": "contains"}]
    assert len(plain) > 2
    with pytest.raises(nx.NetworkXError):
        fixture_graph.add_edge(*plain[0], kind="links_to")
    before = to_json(fixture_graph)
    copy = nx.MultiDiGraph(fixture_graph)
    copy.add_edge(*plain[0], kind="links_to")
    copy.edges[plain[1][0], plain[1][1], 0]["kind"] = "changed"
    assert copy.number_of_edges(*plain[0]) == 2
    assert to_json(fixture_graph) == before


def test_graphml_keeps_hostile_text_and_types() -> None:
    graph = nx.MultiDiGraph()
    odd = "A & B <b>\"인용\"</b>\r\n\t람다의 '메모리' > 10GB"
    graph.add_node("note:a&b <c>.md", kind="note", label=odd, aliases=["람다는", odd], exists=True)
    graph.add_node("limit:lambda/메모리", kind="limit", label="메모리", min=128, max=10.5, line=3)
    graph.add_edge("note:a&b <c>.md", "limit:lambda/메모리", kind="mentions", count=2)
    graph.add_edge("note:a&b <c>.md", "limit:lambda/메모리", kind="links_to", anchor=odd)
    back = from_graphml(to_graphml(graph))
    assert dict(back.nodes(data=True)) == {
        "note:a&b <c>.md": {
            "kind": "note",
            "label": odd,
            "aliases": ["람다는", odd],
            "exists": True,
        },
        "limit:lambda/메모리": {
            "kind": "limit",
            "label": "메모리",
            "min": 128.0,
            "max": 10.5,
            "line": 3,
        },
    }
    assert sorted(back.edges(keys=True, data=True), key=str) == sorted(
        graph.edges(keys=True, data=True), key=str
    )
    # Characters XML cannot hold at all are replaced, not written raw (unreadable XML).
    control = nx.MultiDiGraph()
    control.add_node("n", label="a\x0bb\x1bc")
    assert from_graphml(to_graphml(control)).nodes["n"]["label"] == "a\ufffdb\ufffdc"


def test_output_is_deterministic() -> None:
    assert to_json(analyse(VAULT).graph) == to_json(analyse(VAULT, cache_dir=None).graph)


def test_cli_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "--vault", str(VAULT), "--no-cache"]) == 0
    printed = capsys.readouterr().out
    data = json.loads(printed)
    assert set(data) >= {"nodes", "edges", "directed", "multigraph"}
    written = tmp_path / "g.json"
    assert main(["graph", "--vault", str(VAULT), "--no-cache", "-o", str(written)]) == 0
    assert written.read_bytes() == printed.encode("utf-8")
    out = tmp_path / "g.graphml"
    assert main(["graph", "--vault", str(VAULT), "--format", "graphml", "-o", str(out)]) == 0
    assert from_graphml(out.read_text(encoding="utf-8")).number_of_nodes() == len(data["nodes"])
    assert main(["graph", "--vault", str(VAULT), "-o", str(VAULT / "g.json")]) == 2
    assert not (VAULT / "g.json").exists()

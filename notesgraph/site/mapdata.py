"""The JSON the service map, the local maps and the explorer draw from.

Pages stay small: no graph data is embedded in a page (a note page is the same size
with or without its map). The build writes, under ``assets/generated/graph/``:

``services.json``  the service map: services (category, size, position, the
                   limits its panel lists) and service-to-service relations with
                   the sentence that states each.
``explorer.json``  the whole typed graph for the explorer, column-wise, with
                   kind-specific details in sparse tables.
``review.json``    flashcard decks and fit-check limits (:mod:`.reviewdata`),
                   fetched when the explorer's review tabs open.
``local/<h>.json`` one note's or service's neighbourhood for its page's local
                   map (:mod:`.localmaps`); ``h`` is the FNV-1a hash of the node
                   id, which map.js computes from the placeholder's ``data-node``.

Positions come from :mod:`.maplayout`, so no page runs a physics simulation.
Every string from the notes travels as JSON data and the scripts insert it with
``textContent``; nothing here is HTML. vis-network itself comes from the
installed pyvis package (:func:`vendor_files`), so the site works offline.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..extract.facts import RELATION_KINDS
from ..graph.schema import STRUCTURE_EDGES
from ..jsontext import compact
from .conceptpages import limit_value
from .context import SiteContext
from .labels import category_label, relation_label
from .maplayout import PLACED_KINDS, Adjacency, Point, layout, node_size, service_of

GRAPH_DIR = "assets/generated/graph"
SERVICES_JSON = f"{GRAPH_DIR}/services.json"
EXPLORER_JSON = f"{GRAPH_DIR}/explorer.json"
REVIEW_JSON = f"{GRAPH_DIR}/review.json"
LOCAL_DIR = f"{GRAPH_DIR}/local"
VIS_NETWORK = "assets/generated/vendor/vis-network.min.js"

#: Bumped when the shape of the JSON changes (map.js refuses other versions).
FORMAT = 1

KIND_LABELS = {
    "note": "노트",
    "section": "섹션",
    "service": "서비스",
    "feature": "기능",
    "limit": "한도",
    "comparison": "비교",
    "highlight": "시험 포인트",
    "tag": "태그",
}
STRUCTURE_LABELS = {
    "links_to": "링크",
    "embeds": "임베드",
    "contains": "포함",
    "mentions": "언급",
    "tagged": "태그",
    "has_limit": "한도",
    "feature_of": "기능",
    "stated_in": "출처",
    "compares": "비교 대상",
}
#: A service map panel lists at most this many limits (the service page has them all).
PANEL_LIMITS = 12


def dumps(data: Any) -> str:
    """Compact, key-sorted JSON: byte-identical for the same graph."""
    return compact(data, sort_keys=True) + "\n"


def fnv1a(text: str) -> str:
    """32-bit FNV-1a of the NFC UTF-8 bytes, as 8 hex digits (map.js computes the same)."""
    value = 0x811C9DC5
    for byte in unicodedata.normalize("NFC", text).encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


def local_map_path(node_id: str) -> str:
    return f"{LOCAL_DIR}/{fnv1a(node_id)}.json"


def vendor_files() -> dict[str, Path]:
    """vis-network's standalone build, taken from the installed pyvis package (found,
    not imported: importing pyvis costs 0.05 s of every build)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("pyvis is not installed; vis-network comes from it")
    lib = Path(next(iter(spec.submodule_search_locations))).resolve() / "lib"
    found = sorted(
        lib.glob("vis-*/vis-network.min.js"),
        key=lambda p: tuple(int(x) for x in p.parent.name[4:].split(".") if x.isdigit()),
    )
    if not found:
        raise FileNotFoundError(f"vis-network.min.js not found under {lib}; reinstall pyvis")
    return {VIS_NETWORK: found[-1]}


# ----------------------------------------------------------------------------- shared pieces


def where(ctx: SiteContext, attrs: dict[str, Any]) -> str:
    """``노트 › 섹션`` for a fact read from a section."""
    note = ctx.node(attrs["note"])["label"] if attrs.get("note") in ctx.graph else ""
    section = ctx.adjacency.nodes.get(attrs.get("section", ""), {})
    if section.get("anchor") and section.get("label"):
        return f"{note} › {section['label']}"
    return note


def evidence(ctx: SiteContext, data: dict[str, Any]) -> dict[str, Any]:
    """The sentence a fact was read from, and where: quoted in panels, linked back."""
    section = str(data.get("section", ""))
    return {
        "text": data.get("text", ""),
        "url": (ctx.url_of(section) if section in ctx.graph else None) or "",
        "where": where(ctx, data),
        "line": data.get("line", 0),
    }


def limit_record(ctx: SiteContext, node: str) -> dict[str, Any]:
    """One limit as the map panel shows it: formatted value, original words, source."""
    attrs = ctx.node(node)
    owner = attrs.get("owner", "")
    record = {"name": attrs["name"], "value": limit_value(attrs), **evidence(ctx, attrs)}
    if owner and owner in ctx.graph and ctx.node(owner)["kind"] == "feature":
        record["feature"] = ctx.node(owner)["label"]
    return record


def service_limits(ctx: SiteContext, adj: Adjacency, service: str) -> list[str]:
    """Limit nodes of a service and its features, in note order, repeats dropped."""
    owners = [service] + sorted(u for u, _ in adj.into(service, "feature_of"))
    found = [v for owner in owners for v, _ in adj.out(owner, "has_limit")]
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for node in sorted(set(found), key=lambda n: (ctx.node(n)["note"], ctx.node(n)["line"], n)):
        attrs = ctx.node(node)
        key = (attrs.get("owner", ""), attrs["name"], limit_value(attrs))
        if key not in seen:
            seen.add(key)
            kept.append(node)
    return kept


def relation_counts(ctx: SiteContext, adj: Adjacency) -> Counter[str]:
    """How many typed relations touch each service (features count for their service)."""
    counts: Counter[str] = Counter()
    for source, target, data in adj.edges:
        if data["kind"] in RELATION_KINDS:
            for end in (source, target):
                if service := service_of(ctx.adjacency.nodes, end):
                    counts[service] += 1
    return counts


def legend(categories: Iterable[str]) -> dict[str, Any]:
    """Korean names the pages show for categories, relation and edge kinds, node kinds."""
    return {
        "categories": [
            {"id": c, "label": category_label(c)}
            for c in sorted(set(categories), key=category_label)
        ],
        "relations": [{"id": k, "label": relation_label(k)} for k in RELATION_KINDS],
        "structure": [{"id": k, "label": STRUCTURE_LABELS.get(k, k)} for k in STRUCTURE_EDGES],
        "kinds": [{"id": k, "label": KIND_LABELS[k]} for k in PLACED_KINDS],
    }


# ----------------------------------------------------------------------------- service map


def service_map(
    ctx: SiteContext, adj: Adjacency, pos: dict[str, Point], relations: Counter[str]
) -> dict[str, Any]:
    """Services and the relations between them (features folded into their service)."""
    graph = ctx.graph
    services = sorted(ctx.nodes_of("service"))
    nodes = []
    for node in services:
        attrs = ctx.node(node)
        limits = service_limits(ctx, adj, node)
        features = sorted(u for u, _ in adj.into(node, "feature_of"))
        nodes.append(
            {
                "id": node,
                "label": attrs["label"],
                "aliases": list(attrs.get("aliases", [])),
                "category": attrs.get("category", "other"),
                "mentions": attrs.get("mentions", 0),
                "size": node_size(graph, node, relations, adj),
                "x": pos.get(node, (0.0, 0.0))[0],
                "y": pos.get(node, (0.0, 0.0))[1],
                "url": ctx.url_of(node) or "",
                "limits": [limit_record(ctx, n) for n in limits[:PANEL_LIMITS]],
                "moreLimits": max(0, len(limits) - PANEL_LIMITS),
                "features": [
                    {"label": ctx.node(f)["label"], "url": ctx.url_of(f) or ""} for f in features
                ],
            }
        )
    first: dict[tuple[str, str, str], dict[str, Any]] = {}
    count: Counter[tuple[str, str, str]] = Counter()
    for source, target, data in sorted(
        (e for e in adj.edges if e[2]["kind"] in RELATION_KINDS), key=_edge_order
    ):
        a, b = service_of(adj.nodes, source), service_of(adj.nodes, target)
        if not a or not b or a == b:
            continue
        key = (a, b, data["kind"])
        count[key] += int(data.get("count", 1))
        if key not in first:
            first[key] = evidence(ctx, data)
            if (source, target) != (a, b):
                first[key]["via"] = [ctx.node(source)["label"], ctx.node(target)["label"]]
    edges = [
        {"source": a, "target": b, "kind": k, "count": count[(a, b, k)], **first[(a, b, k)]}
        for a, b, k in sorted(first)
    ]
    return {
        "format": FORMAT,
        "services": nodes,
        "edges": edges,
        "legend": legend(n["category"] for n in nodes),
    }


def _edge_order(edge: tuple[str, str, dict[str, Any]]) -> tuple[str, str, str, str, int]:
    source, target, data = edge
    return (source, target, data["kind"], data.get("note", ""), data.get("line", 0))


# ----------------------------------------------------------------------------- explorer


def explorer_graph(
    ctx: SiteContext, adj: Adjacency, pos: dict[str, Point], relations: Counter[str]
) -> dict[str, Any]:
    """The whole typed graph, column-wise: node ``i`` is ``id[i]``, ``kind[i]``, ``label[i]`` …

    ``url[i]`` is site-relative, or ``"#anchor"`` on the page of node ``up[i]``, or
    ``""`` meaning the same place as ``up[i]`` (a limit is where its section is).
    Sparse tables (``key``, ``aliases``, ``category``, ``limit``, ``highlight``) are
    keyed by the node's index; ``key`` holds the ids of notes, services, features,
    tags and comparisons (what a link into the explorer can name). Structure edges are
    flat ``[s, t, s, t, …]`` lists per kind; relations carry their evidence:
    ``[s, t, kind, section, line, text]``.
    """
    graph = ctx.graph
    kinds = list(PLACED_KINDS)
    kind_index = {kind: i for i, kind in enumerate(kinds)}
    attrs_of = adj.nodes
    nodes = [n for n in sorted(attrs_of) if attrs_of[n]["kind"] in kind_index]
    index = {n: i for i, n in enumerate(nodes)}
    columns: dict[str, list[Any]] = {
        k: [] for k in ("kind", "label", "x", "y", "size", "url", "up")
    }
    kind_column, label_column, x_column, y_column, size_column, url_column, up_column = (
        columns.values()
    )
    keys: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    category: dict[str, str] = {}
    mentions: dict[str, int] = {}
    limits: dict[str, list[Any]] = {}
    highlights: dict[str, list[Any]] = {}
    origin = (0.0, 0.0)
    for i, node in enumerate(nodes):
        attrs = attrs_of[node]
        kind = attrs["kind"]
        url, up = _compact_url(ctx, node, attrs, index)
        x, y = pos.get(node, origin)
        kind_column.append(kind_index[kind])
        label_column.append(attrs["label"])
        x_column.append(round(x))
        y_column.append(round(y))
        size_column.append(node_size(graph, node, relations, adj))
        url_column.append(url)
        up_column.append(up)
        if kind in _KEYED:
            keys[str(i)] = node
        if attrs.get("aliases"):
            aliases[str(i)] = list(attrs["aliases"])
        if kind in ("service", "feature"):
            owner = service_of(adj.nodes, node)
            category[str(i)] = adj.nodes[owner].get("category", "other") if owner else "other"
            mentions[str(i)] = int(attrs.get("mentions", 0))
        elif kind == "limit":
            limits[str(i)] = [
                attrs["name"],
                limit_value(attrs),
                attrs["unit"],
                attrs.get("text", ""),
            ]
        elif kind == "highlight":
            highlights[str(i)] = [
                attrs.get("context", ""),
                attrs.get("start", 0),
                attrs.get("end", 0),
            ]
    edges: dict[str, list[int]] = defaultdict(list)
    relation_rows: list[list[Any]] = []
    seen: set[tuple[str, str, str]] = set()
    placed = [edge for edge in adj.edges if edge[0] in index and edge[1] in index]
    for source, target, data in sorted(placed, key=_edge_order):
        kind = data["kind"]
        if (source, target, kind) in seen:
            continue
        seen.add((source, target, kind))
        if kind in RELATION_KINDS:
            section = index.get(data.get("section", ""), -1)
            relation_rows.append(
                [
                    index[source],
                    index[target],
                    kind,
                    section,
                    data.get("line", 0),
                    data.get("text", ""),
                ]
            )
        else:
            edges[kind] += [index[source], index[target]]
    categories = set(category.values())
    return {
        "format": FORMAT,
        "nodes": columns,
        "key": keys,
        "aliases": aliases,
        "category": category,
        "mentions": mentions,
        "limit": limits,
        "highlight": highlights,
        "edges": dict(sorted(edges.items())),
        "relations": relation_rows,
        "legend": legend(categories),
    }


_KEYED = frozenset({"note", "service", "feature", "tag", "comparison"})


def _compact_url(
    ctx: SiteContext, node: str, attrs: dict[str, Any], index: dict[str, int]
) -> tuple[str, int]:
    kind = attrs["kind"]
    if kind == "section" and attrs.get("note") in index:
        anchor = attrs.get("anchor", "")
        return ("#" + anchor if anchor else ""), index[attrs["note"]]
    if kind == "highlight" and attrs.get("section") in index:
        return "#" + attrs.get("anchor", ""), index[attrs["section"]]
    if kind == "limit" and attrs.get("section") in index:
        return "", index[attrs["section"]]
    up = index.get(attrs.get("service", ""), -1) if kind == "feature" else -1
    return ctx.url_of(node) or "", up


# ----------------------------------------------------------------------------- files


def map_files(ctx: SiteContext, review: bool = True) -> dict[str, str]:
    """Every JSON file the maps and the explorer read: docs path → text (without the
    review data, :func:`review_files`, unless ``review``)."""
    # Imported here: both build on this module's helpers (evidence, limit records).
    from .localmaps import local_maps

    adj = ctx.adjacency
    pos = layout(ctx.graph, adj)
    relations = relation_counts(ctx, adj)
    files = {
        SERVICES_JSON: dumps(service_map(ctx, adj, pos, relations)),
        EXPLORER_JSON: dumps(explorer_graph(ctx, adj, pos, relations)),
    }
    if review:
        files.update(review_files(ctx))
    buckets: dict[str, dict[str, Any]] = defaultdict(dict)
    for node, data in local_maps(ctx).items():
        buckets[local_map_path(node)][node] = data
    for path, entries in sorted(buckets.items()):
        files[path] = dumps(entries)
    return files


def review_files(ctx: SiteContext) -> dict[str, str]:
    """The flashcards' and the fit check's data (the review page reads it)."""
    from .reviewdata import review_data

    return {REVIEW_JSON: dumps(review_data(ctx))}

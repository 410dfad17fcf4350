"""The small maps at the bottom of note pages and on service pages.

A note's map: the notes it links to, the notes linking to it, the services it
names. A service's map: its features, its typed relations and its comparisons,
then one step further out along relations and comparisons. Each is laid out
radially here (the node in the middle, a ring per step, a ring's nodes next to
the one that brought them in), so the page draws it without any simulation.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from ..extract.facts import RELATION_KINDS
from .context import SiteContext
from .maplayout import Adjacency

#: At most this many nodes around the centre; the rest are counted, not drawn.
LOCAL_LIMIT = 80
_LINKS = ("links_to", "embeds")
_SERVICE_EDGES = (*RELATION_KINDS, "feature_of", "compares")
_GROUP_ORDER = {"link": 0, "backlink": 1, "mention": 2, "feature": 3, "relation": 4,
                "comparison": 5, "member": 6}


def note_neighbourhood(ctx: SiteContext, adj: Adjacency, note: str) -> dict[str, Any]:
    """Links, backlinks and the services a note names (depth 1)."""
    found: dict[str, tuple[int, str, float]] = {}  # node → (depth, group, weight)
    edges: list[tuple[str, str, str]] = []
    for target, _ in adj.out(note, *_LINKS):
        if adj.nodes[target]["kind"] == "note" and target != note:
            found.setdefault(target, (1, "link", 1.0))
            edges.append((note, target, "links_to"))
    for target, data in adj.out(note, "mentions"):
        if adj.nodes[target]["kind"] in ("service", "feature"):
            found[target] = (1, "mention", float(data.get("count", 1)))
            edges.append((note, target, "mentions"))
    for source, _ in adj.into(note, *_LINKS):
        if adj.nodes[source]["kind"] == "note" and source != note:
            found.setdefault(source, (1, "backlink", 1.0))
            edges.append((source, note, "links_to"))
    for source in [n for n, (_, group, _) in found.items() if group == "mention"]:
        for target, data in adj.out(source, *RELATION_KINDS):
            if target in found:
                edges.append((source, target, data["kind"]))
    return _assemble(ctx, adj, note, found, edges)


def service_neighbourhood(ctx: SiteContext, adj: Adjacency, service: str,
                          depth: int = 2) -> dict[str, Any]:
    """Features, relations and comparisons, then relations and comparisons one step out."""
    found: dict[str, tuple[int, str, float]] = {}
    parents: dict[str, str] = {}
    frontier = [service]
    for step in range(1, depth + 1):
        reached: list[str] = []
        for node in frontier:
            for other, group in _service_steps(adj, node, first=step == 1):
                if other == service or other in found:
                    continue
                found[other] = (step, group, float(_weight(adj, other)))
                parents[other] = node
                reached.append(other)
        frontier = sorted(reached)
    # Edges between two outer-ring nodes are left out: they turn the picture into a
    # hairball and say nothing about the service in the middle.
    near = {n for n, (step, _, _) in found.items() if step <= 1} | {service}
    kept = set(found) | {service}
    edges = [(u, v, d["kind"]) for u in sorted(kept) for v, d in adj.out(u, *_SERVICE_EDGES)
             if v in kept and (u in near or v in near)]
    return _assemble(ctx, adj, service, found, edges, parents)


def _service_steps(adj: Adjacency, node: str,
                   first: bool) -> list[tuple[str, str]]:
    steps = [(t, "relation") for t, _ in adj.out(node, *RELATION_KINDS)]
    steps += [(s, "relation") for s, _ in adj.into(node, *RELATION_KINDS)]
    if adj.nodes[node]["kind"] == "comparison":
        steps += [(t, "member") for t, _ in adj.out(node, "compares")]
    steps += [(s, "comparison") for s, _ in adj.into(node, "compares")]
    if first:
        steps += [(s, "feature") for s, _ in adj.into(node, "feature_of")]
    return sorted(set(steps))


def _weight(adj: Adjacency, node: str) -> int:
    return int(adj.nodes[node].get("mentions", 0)) + len(adj.out(node, *_SERVICE_EDGES))


def _assemble(ctx: SiteContext, adj: Adjacency, centre: str, found: dict[str, tuple[int, str, float]],
              edges: list[tuple[str, str, str]],
              parents: dict[str, str] | None = None) -> dict[str, Any]:
    """Keep the closest and heaviest neighbours, lay them out in rings, index the edges."""
    ranked = sorted(found, key=lambda n: (found[n][0], -found[n][2], _GROUP_ORDER[found[n][1]],
                                          adj.nodes[n]["label"].casefold(), n))
    kept = ranked[:LOCAL_LIMIT]
    hidden = Counter(found[n][1] for n in ranked[LOCAL_LIMIT:])
    positions = radial(centre, kept, found, parents or {})
    order = [centre, *kept]
    index = {n: i for i, n in enumerate(order)}
    nodes = []
    for node in order:
        attrs = adj.nodes[node]
        depth, group, _ = found.get(node, (0, "centre", 0.0))
        entry: dict[str, Any] = {
            "id": node, "kind": attrs["kind"], "label": attrs["label"],
            "url": ctx.url_of(node) or "", "depth": depth, "group": group,
            "x": positions[node][0], "y": positions[node][1],
        }
        owner = node if attrs["kind"] == "service" else attrs.get("service")
        if attrs["kind"] in ("service", "feature") and owner in adj.nodes:
            entry["category"] = adj.nodes[owner].get("category", "other")
        nodes.append(entry)
    links = sorted({(index[u], index[v], k) for u, v, k in edges if u in index and v in index})
    return {"centre": centre, "nodes": nodes, "edges": [list(e) for e in links],
            "hidden": dict(sorted(hidden.items()))}


def radial(centre: str, nodes: list[str], found: dict[str, tuple[int, str, float]],
           parents: dict[str, str]) -> dict[str, tuple[float, float]]:
    """The centre at (0, 0); ring ``d`` holds the depth-``d`` nodes, each near its parent."""
    positions: dict[str, tuple[float, float]] = {centre: (0.0, 0.0)}
    angles: dict[str, float] = {centre: 0.0}
    radius = 0.0
    rank = {n: i for i, n in enumerate(nodes)}
    for depth in sorted({found[n][0] for n in nodes}):
        ring = [n for n in nodes if found[n][0] == depth]
        ring.sort(key=lambda n: (angles.get(parents.get(n, centre), 0.0),
                                 _GROUP_ORDER[found[n][1]], rank[n]))
        radius += max(150.0, len(ring) * 26 / (2 * math.pi))
        for i, node in enumerate(ring):
            angle = -math.pi / 2 + 2 * math.pi * i / len(ring)
            angles[node] = angle
            positions[node] = (round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
    return positions


def local_maps(ctx: SiteContext, adj: Adjacency | None = None) -> dict[str, dict[str, Any]]:
    """Every note's and every service's neighbourhood, by node id."""
    adj = adj or Adjacency(ctx.graph)
    maps: dict[str, dict[str, Any]] = {}
    for node, attrs in sorted(adj.nodes.items()):
        if attrs["kind"] == "note" and ctx.url_of(node):
            maps[node] = note_neighbourhood(ctx, adj, node)
        elif attrs["kind"] == "service":
            maps[node] = service_neighbourhood(ctx, adj, node)
    return maps

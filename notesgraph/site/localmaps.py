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
from collections.abc import Callable, Iterable
from typing import Any

from ..extract.facts import RELATION_KINDS
from .context import SiteContext
from .maplayout import Adjacency

#: At most this many nodes around the centre; the rest are counted, not drawn.
LOCAL_LIMIT = 80
#: At most this many lines: beyond that a small map is a hairball.
LOCAL_EDGES = 200
_RELATIONAL = frozenset(RELATION_KINDS)
_LINKS = ("links_to", "embeds")
_SERVICE_EDGES = (*RELATION_KINDS, "feature_of", "compares")
_GROUP_ORDER = {
    "link": 0,
    "backlink": 1,
    "mention": 2,
    "feature": 3,
    "relation": 4,
    "comparison": 5,
    "member": 6,
}


Found = dict[str, tuple[int, str, float]]  # node → (depth, group, weight)
Line = tuple[int, int, str]  # a map's edge: (source, target, kind), each node by its index
_NONE: list[str] = []


class Neighbourhoods:
    """Builds the local maps of one graph; a node's weight is computed once for all maps."""

    def __init__(self, ctx: SiteContext, adj: Adjacency) -> None:
        self.ctx = ctx
        self.adj = adj
        self._weights: dict[str, float] = {}
        self._steps: dict[tuple[str, bool], list[tuple[str, str]]] = {}
        self._relations: dict[str, dict[str, list[str]]] = {}
        self._service_edges: dict[str, list[tuple[str, str]]] = {}

    def relations(self, node: str) -> dict[str, list[str]]:
        """The kinds of the node's outgoing relations, by target, each pair once.

        A service is the source of thousands of relation edges in a large vault (one per
        sentence stating it, from any note); every note map naming the service walked
        all of them again, where it needs those to the few nodes on the map.
        """
        found = self._relations.get(node)
        if found is None:
            found = self._relations[node] = {}
            for target, kind in _unique(self.adj.out(node, *RELATION_KINDS)):
                found.setdefault(target, []).append(kind)
        return found

    def service_edges(self, node: str) -> list[tuple[str, str]]:
        """``(target, kind)`` of the node's relations, features and comparisons, each once."""
        found = self._service_edges.get(node)
        if found is None:
            found = self._service_edges[node] = _unique(self.adj.out(node, *_SERVICE_EDGES))
        return found

    def steps(self, node: str, first: bool) -> list[tuple[str, str]]:
        """:func:`_service_steps`, once per node (the services' rings share most nodes)."""
        found = self._steps.get((node, first))
        if found is None:
            found = self._steps[(node, first)] = _service_steps(self.adj, node, first)
        return found

    def weight(self, node: str) -> float:
        """How much there is to a node: its mentions and its service-level edges."""
        if node not in self._weights:
            attrs = self.adj.nodes[node]
            self._weights[node] = float(
                int(attrs.get("mentions", 0)) + self.adj.count(node, *_SERVICE_EDGES)
            )
        return self._weights[node]

    def note(self, note: str) -> dict[str, Any]:
        """Links, backlinks and the services a note names (depth 1)."""
        adj = self.adj
        found: Found = {}
        for target, _ in adj.out(note, *_LINKS):
            if adj.nodes[target]["kind"] == "note" and target != note:
                found.setdefault(target, (1, "link", 1.0))
        for target, data in adj.out(note, "mentions"):
            if adj.nodes[target]["kind"] in ("service", "feature"):
                found[target] = (1, "mention", float(data.get("count", 1)))
        for source, _ in adj.into(note, *_LINKS):
            if adj.nodes[source]["kind"] == "note" and source != note:
                found.setdefault(source, (1, "backlink", 1.0))

        def edges(index: dict[str, int]) -> set[Line]:
            # One line to the centre per node; the lines among the others (relations
            # between the services named) are drawn smallest index first up to
            # LOCAL_EDGES in all (see _assemble): once that many are found, the rest of
            # the nodes, all of higher index, add none that would be drawn.
            lines: set[Line] = set()
            budget, among = LOCAL_EDGES - (len(index) - 1), 0
            for node, i in index.items():  # in index order
                group = found[node][1] if node != note else "centre"
                if group == "link":
                    lines.add((0, i, "links_to"))
                elif group == "backlink":
                    lines.add((i, 0, "links_to"))
                elif group != "centre":
                    lines.add((0, i, "mentions"))
                    if among >= budget:
                        continue
                    related = self.relations(node)
                    pairs: Iterable[tuple[int | None, list[str]]]
                    if len(related) < len(index):  # walk the shorter of the two
                        pairs = ((index.get(t), kinds) for t, kinds in related.items())
                    else:
                        pairs = ((j, related.get(t, _NONE)) for t, j in index.items())
                    found_here = {(i, j, kind) for j, kinds in pairs if j for kind in kinds}
                    among += len(found_here)
                    lines |= found_here
            return lines

        return _assemble(self.ctx, adj, note, found, edges)

    def service(self, service: str, depth: int = 2) -> dict[str, Any]:
        """Features, relations and comparisons, then relations and comparisons one step out."""
        adj = self.adj
        found: Found = {}
        parents: dict[str, str] = {}
        frontier = [service]
        for step in range(1, depth + 1):
            reached: list[str] = []
            for node in frontier:
                for other, group in self.steps(node, first=step == 1):
                    if other == service or other in found:
                        continue
                    found[other] = (step, group, 0.0)  # weighed in _assemble, if ranked
                    parents[other] = node
                    reached.append(other)
            frontier = sorted(reached)

        def edges(index: dict[str, int]) -> set[Line]:
            # Edges between two outer-ring nodes are left out: they turn the picture into
            # a hairball and say nothing about the service in the middle.
            near = {n for n in index if n == service or found[n][0] <= 1}
            lines: set[Line] = set()
            for u, i in index.items():
                for v, kind in self.service_edges(u):
                    j = index.get(v)
                    if j is not None and (u in near or v in near):
                        lines.add((i, j, kind))
            return lines

        return _assemble(self.ctx, adj, service, found, edges, parents, self.weight)


def note_neighbourhood(ctx: SiteContext, adj: Adjacency, note: str) -> dict[str, Any]:
    """Links, backlinks and the services a note names (depth 1)."""
    return Neighbourhoods(ctx, adj).note(note)


def service_neighbourhood(
    ctx: SiteContext, adj: Adjacency, service: str, depth: int = 2
) -> dict[str, Any]:
    """Features, relations and comparisons, then relations and comparisons one step out."""
    return Neighbourhoods(ctx, adj).service(service, depth)


def _unique(edges: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, str]]:
    """``(target, kind)`` of each edge, duplicates dropped, first seen first."""
    return list(dict.fromkeys((target, data["kind"]) for target, data in edges))


def _service_steps(adj: Adjacency, node: str, first: bool) -> list[tuple[str, str]]:
    steps = [(t, "relation") for t, _ in adj.out(node, *RELATION_KINDS)]
    steps += [(s, "relation") for s, _ in adj.into(node, *RELATION_KINDS)]
    if adj.nodes[node]["kind"] == "comparison":
        steps += [(t, "member") for t, _ in adj.out(node, "compares")]
    steps += [(s, "comparison") for s, _ in adj.into(node, "compares")]
    if first:
        steps += [(s, "feature") for s, _ in adj.into(node, "feature_of")]
    return sorted(set(steps))


def _assemble(
    ctx: SiteContext,
    adj: Adjacency,
    centre: str,
    found: Found,
    edges_among: Callable[[dict[str, int]], set[Line]],
    parents: dict[str, str] | None = None,
    weigh: Callable[[str], float] | None = None,
) -> dict[str, Any]:
    """Keep the closest and heaviest neighbours, lay them out in rings, index their edges.

    Nodes are ranked by depth first, so only the rings that can still hold a kept node
    are sorted (a service's outer ring has thousands of nodes in a large vault, of
    which none is drawn); ``weigh`` gives the weights the ``found`` entries leave out.
    """
    rings: dict[int, list[str]] = {}
    for node, (depth, _, _) in found.items():
        rings.setdefault(depth, []).append(node)
    candidates: list[str] = []
    for depth in sorted(rings):
        if len(candidates) >= LOCAL_LIMIT:
            break
        candidates += rings[depth]

    def weight(node: str) -> float:
        return weigh(node) if weigh is not None else found[node][2]

    ranked = sorted(
        candidates,
        key=lambda n: (
            found[n][0],
            -weight(n),
            _GROUP_ORDER[found[n][1]],
            adj.nodes[n]["label"].casefold(),
            n,
        ),
    )
    kept = ranked[:LOCAL_LIMIT]
    drawn = set(kept)
    hidden = Counter(group for n, (_, group, _) in found.items() if n not in drawn)
    positions = radial(centre, kept, found, parents or {})
    order = [centre, *kept]
    index = {n: i for i, n in enumerate(order)}
    nodes = []
    for node in order:
        attrs = adj.nodes[node]
        depth, group, _ = found.get(node, (0, "centre", 0.0))
        entry: dict[str, Any] = {
            "id": node,
            "kind": attrs["kind"],
            "label": attrs["label"],
            "url": ctx.url_of(node) or "",
            "depth": depth,
            "group": group,
            "x": positions[node][0],
            "y": positions[node][1],
        }
        owner = node if attrs["kind"] == "service" else attrs.get("service")
        if attrs["kind"] in ("service", "feature") and owner in adj.nodes:
            entry["category"] = adj.nodes[owner].get("category", "other")
        nodes.append(entry)
    links = sorted(edges_among(index))
    if len(links) > LOCAL_EDGES:
        # Lines to the centre first: they are what the map is about (both parts stay sorted).
        centre_lines = [e for e in links if e[0] == 0 or e[1] == 0]
        others = [e for e in links if e[0] != 0 and e[1] != 0]
        links = sorted((centre_lines + others)[:LOCAL_EDGES])
    relational = sorted({k for _, _, k in links if k in _RELATIONAL})
    return {
        "centre": centre,
        "nodes": nodes,
        "edges": links,  # (source, target, kind) by place in "nodes": arrays in JSON
        "hidden": dict(sorted(hidden.items())),
        "relational": relational,
    }


def radial(
    centre: str, nodes: list[str], found: dict[str, tuple[int, str, float]], parents: dict[str, str]
) -> dict[str, tuple[float, float]]:
    """The centre at (0, 0); ring ``d`` holds the depth-``d`` nodes, each near its parent."""
    positions: dict[str, tuple[float, float]] = {centre: (0.0, 0.0)}
    angles: dict[str, float] = {centre: 0.0}
    radius = 0.0
    rank = {n: i for i, n in enumerate(nodes)}
    for depth in sorted({found[n][0] for n in nodes}):
        ring = [n for n in nodes if found[n][0] == depth]
        ring.sort(
            key=lambda n: (
                angles.get(parents.get(n, centre), 0.0),
                _GROUP_ORDER[found[n][1]],
                rank[n],
            )
        )
        radius += max(170.0, len(ring) * 90 / (2 * math.pi))
        for i, node in enumerate(ring):
            angle = -math.pi / 2 + 2 * math.pi * i / len(ring)
            angles[node] = angle
            positions[node] = (
                round(radius * math.cos(angle), 1),
                round(radius * math.sin(angle), 1),
            )
    return positions


def local_maps(ctx: SiteContext) -> dict[str, dict[str, Any]]:
    """Every note's and every service's neighbourhood, by node id."""
    adj = ctx.adjacency
    build = Neighbourhoods(ctx, adj)
    maps: dict[str, dict[str, Any]] = {}
    for node, attrs in sorted(adj.nodes.items()):
        if attrs["kind"] == "note" and ctx.url_of(node):
            maps[node] = build.note(node)
        elif attrs["kind"] == "service":
            maps[node] = build.service(node)
    return maps

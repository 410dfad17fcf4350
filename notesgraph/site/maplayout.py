"""Build-time positions for the concept graph, so the browser never runs a physics simulation.

Only the services are laid out by force (networkx ``spring_layout`` on a graph of at
most a few hundred nodes: typed relations pull hard, sharing a section pulls a
little). Everything else is placed around what it belongs to on a golden-angle
spiral: features and limits around their service, notes around the service they
mention most, sections around their note, key points around their section, tags and
comparisons at the centre of what they join. That is linear in the number of nodes,
so a 5,000-note vault lays out in well under a second, and the same graph always
gives the same coordinates (rounded, so floating-point noise cannot leak into the
JSON).
"""

from __future__ import annotations

import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any

import networkx as nx

from ..extract.facts import RELATION_KINDS

Point = tuple[float, float]
Edge = tuple[str, dict[str, Any]]

#: Kinds that get a position (attachments are not drawn).
PLACED_KINDS = ("service", "feature", "limit", "comparison", "note", "section", "highlight", "tag")

_GOLDEN = math.pi * (3 - math.sqrt(5))
_SEED = 7
_GRAVITY = 0.04
#: A section naming more services than this only links its first ones (pairs grow as n²).
_MAX_PAIR_SERVICES = 12


def spiral(centre: Point, index: int, start: float, step: float, phase: float = 0.0) -> Point:
    """The ``index``-th point of a sunflower spiral around ``centre``: even spacing, no overlap."""
    radius = start + step * math.sqrt(index)
    angle = phase + index * _GOLDEN
    return centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle)


class Adjacency:
    """Every node's edges grouped by kind, built in one pass.

    A service is the target of thousands of ``mentions`` in a large vault; asking
    networkx for "its features" would walk all of them each time. Incoming edges
    of the bulk kinds (:data:`UNINDEXED_IN`) are not indexed: nothing asks for them.
    """

    UNINDEXED_IN = frozenset({"contains", "stated_in", "has_limit"})

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        #: Node attributes and all edges as plain Python containers (networkx views are slow
        #: to iterate over a hundred thousand edges several times).
        self.nodes: dict[str, dict[str, Any]] = dict(graph.nodes(data=True))
        self.edges: list[tuple[str, str, dict[str, Any]]] = [
            (source, target, data)
            for source, targets in graph.adjacency()
            for target, keyed in targets.items()
            for data in keyed.values()
        ]
        self._out: dict[str, dict[str, list[Edge]]] = defaultdict(lambda: defaultdict(list))
        self._in: dict[str, dict[str, list[Edge]]] = defaultdict(lambda: defaultdict(list))
        skip = self.UNINDEXED_IN
        for source, target, data in self.edges:
            kind = data["kind"]
            self._out[source][kind].append((target, data))
            if kind not in skip:
                self._in[target][kind].append((source, data))

    def out(self, node: str, *kinds: str) -> list[Edge]:
        """Edges leaving ``node`` (of the given kinds, or all), in graph order."""
        return _pick(self._out.get(node, {}), kinds)

    def out_degree(self, node: str) -> int:
        """How many edges leave ``node``."""
        return sum(len(edges) for edges in self._out.get(node, {}).values())

    def count(self, node: str, *kinds: str) -> int:
        """How many edges of the given kinds leave ``node`` (without building a list)."""
        by_kind = self._out.get(node, {})
        return sum(len(by_kind.get(kind, ())) for kind in kinds)

    def into(self, node: str, *kinds: str) -> list[Edge]:
        """Edges of the given kinds arriving at ``node``, in graph order."""
        if not kinds or self.UNINDEXED_IN.intersection(kinds):
            raise ValueError(f"incoming {kinds or 'all'} edges are not indexed")
        return _pick(self._in.get(node, {}), kinds)

    def into_except(self, node: str, *kinds: str) -> list[Edge]:
        """Every indexed edge arriving at ``node`` (not :data:`UNINDEXED_IN`) but those
        of the given kinds."""
        by_kind = self._in.get(node, {})
        return [edge for kind, edges in by_kind.items() if kind not in kinds for edge in edges]


def _pick(by_kind: dict[str, list[Edge]], kinds: tuple[str, ...]) -> list[Edge]:
    if not kinds:
        return [edge for edges in by_kind.values() for edge in edges]
    if len(kinds) == 1:
        return by_kind.get(kinds[0], [])
    return [edge for kind in kinds for edge in by_kind.get(kind, [])]


#: Every node's attributes (``Adjacency.nodes``: a plain dict, faster than networkx's
#: node view, which the map data asked a million times at 5,000 notes).
NodeAttrs = Mapping[str, Mapping[str, Any]]


def service_of(nodes: NodeAttrs, node: str) -> str | None:
    """The service a service or feature node belongs to."""
    attrs = nodes[node]
    if attrs["kind"] == "service":
        return node
    if attrs["kind"] == "feature":
        return str(attrs.get("service") or "") or None
    return None


def service_weights(graph: nx.MultiDiGraph, adjacency: Adjacency) -> nx.Graph:
    """Services joined by how strongly the notes tie them: relations 3, a shared section 1."""
    weights: Counter[tuple[str, str]] = Counter()
    nodes = adjacency.nodes
    for source, target, data in adjacency.edges:
        if data["kind"] in RELATION_KINDS:
            a, b = service_of(nodes, source), service_of(nodes, target)
            if a and b and a != b:
                weights[(min(a, b), max(a, b))] += 3
    for node, attrs in nodes.items():
        if attrs["kind"] != "section":
            continue
        named = sorted(
            {s for t, _ in adjacency.out(node, "mentions") if (s := service_of(nodes, t))}
        )
        for a, b in combinations(named[:_MAX_PAIR_SERVICES], 2):
            weights[(a, b)] += 1
    joined = nx.Graph()
    joined.add_nodes_from(sorted(n for n, a in nodes.items() if a["kind"] == "service"))
    for (a, b), weight in sorted(weights.items()):
        joined.add_edge(a, b, weight=math.log1p(weight))
    return joined


def service_positions(graph: nx.MultiDiGraph, adjacency: Adjacency) -> dict[str, Point]:
    """Spring layout of the services, scaled so neighbours sit ~120 px apart.

    A hidden hub tied weakly to every service acts as gravity: without it, services the
    notes never connect drift to the rim and the whole map has to zoom out to show them.
    """
    joined = service_weights(graph, adjacency)
    count = joined.number_of_nodes()
    if count == 0:
        return {}
    if count == 1:
        return {next(iter(joined.nodes)): (0.0, 0.0)}
    hub = "\x00hub"
    for node in list(joined.nodes):
        joined.add_edge(hub, node, weight=_GRAVITY)
    raw = nx.spring_layout(joined, weight="weight", seed=_SEED, iterations=80)
    cx, cy = raw.pop(hub)
    scale = 110.0 * math.sqrt(count)
    return {
        node: (float(x - cx) * scale, float(y - cy) * scale) for node, (x, y) in sorted(raw.items())
    }


def _centroid(points: Iterable[Point]) -> Point | None:
    xs, ys, n = 0.0, 0.0, 0
    for x, y in points:
        xs, ys, n = xs + x, ys + y, n + 1
    return (xs / n, ys / n) if n else None


class _Placer:
    """Hands out spiral slots around a centre, one after another."""

    def __init__(self, start: float, step: float) -> None:
        self.start, self.step = start, step
        self.used: Counter[object] = Counter()

    def place(self, key: object, centre: Point) -> Point:
        index = self.used[key]
        self.used[key] += 1
        return spiral(centre, index, self.start, self.step, phase=(hash_phase(key)))


def hash_phase(key: object) -> float:
    """A stable angle for a key (Python's hash() is salted per process; CRC-32 is not)."""
    return (zlib.crc32(str(key).encode("utf-8")) % 360) * math.pi / 180


def layout(graph: nx.MultiDiGraph, adjacency: Adjacency | None = None) -> dict[str, Point]:
    """Positions (px, rounded) of every node of a :data:`PLACED_KINDS` kind."""
    adjacency = adjacency or Adjacency(graph)
    nodes = adjacency.nodes
    pos: dict[str, Point] = dict(service_positions(graph, adjacency))
    by_kind: dict[str, list[str]] = defaultdict(list)
    for node in sorted(nodes):
        by_kind[nodes[node]["kind"]].append(node)
    origin = (0.0, 0.0)

    def around_owner(kind: str, placer: _Placer, owner_attribute: str) -> None:
        for node in by_kind[kind]:
            owner = nodes[node].get(owner_attribute, "")
            pos[node] = placer.place(owner, pos.get(owner, origin))

    around_owner("feature", _Placer(45, 12), "service")
    around_owner("limit", _Placer(30, 9), "owner")
    _place_notes(graph, adjacency, by_kind["note"], pos)
    around_owner("section", _Placer(22, 7), "note")  # notes are placed by now
    around_owner("highlight", _Placer(9, 4), "section")

    joins = _Placer(25, 14)
    for node in by_kind["comparison"]:
        members = [pos[m] for m in nodes[node].get("services", []) if m in pos]
        centre = _centroid(members) or origin
        pos[node] = joins.place((round(centre[0], -1), round(centre[1], -1)), centre)
    for node in by_kind["tag"]:
        notes = [pos[u] for u, _ in adjacency.into(node, "tagged") if u in pos]
        centre = _centroid(notes) or origin
        pos[node] = joins.place((round(centre[0], -1), round(centre[1], -1)), centre)
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in sorted(pos.items())}


def primary_service(graph: nx.MultiDiGraph, adjacency: Adjacency, note: str) -> str | None:
    """The service a note names most often (ties: the first by id)."""
    counts: Counter[str] = Counter()
    for target, data in adjacency.out(note, "mentions"):
        if service := service_of(adjacency.nodes, target):
            counts[service] += int(data.get("count", 1))
    if not counts:
        return None
    return min(counts, key=lambda s: (-counts[s], s))


def _place_notes(
    graph: nx.MultiDiGraph, adjacency: Adjacency, notes: list[str], pos: dict[str, Point]
) -> None:
    """Notes cluster around their main service; notes naming none ring the whole map."""
    around = _Placer(150, 24)
    loose: list[str] = []
    for note in notes:
        service = primary_service(graph, adjacency, note)
        if service and service in pos:
            pos[note] = around.place(service, pos[service])
        else:
            loose.append(note)
    if not loose:
        return
    reach = max((math.hypot(x, y) for x, y in pos.values()), default=0.0)
    radius = reach + 250
    for index, note in enumerate(loose):
        angle = 2 * math.pi * index / len(loose)
        ring = radius + 40 * (index % 4)
        pos[note] = (ring * math.cos(angle), ring * math.sin(angle))


def node_size(
    graph: nx.MultiDiGraph,
    node: str,
    relations: Mapping[str, int] | None = None,
    adjacency: Adjacency | None = None,
) -> int:
    """Drawn radius in px: services grow with how much the notes say about them."""
    attrs = adjacency.nodes[node] if adjacency else graph.nodes[node]
    kind = attrs["kind"]
    if kind == "service":
        said = int(attrs.get("mentions", 0)) + 2 * (relations or {}).get(node, 0)
        return min(44, 12 + round(4 * math.log2(1 + said)))
    if kind == "feature":
        return min(20, 8 + round(2 * math.log2(1 + int(attrs.get("mentions", 0)))))
    if kind == "note":
        links = adjacency.out_degree(node) if adjacency else graph.out_degree(node)
        return min(20, 9 + round(1.5 * math.log2(1 + links)))
    return {"comparison": 9, "tag": 8, "section": 6, "limit": 6, "highlight": 5}.get(kind, 6)

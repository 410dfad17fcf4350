"""Write and read the graph: node-link JSON (the reference format) and GraphML.

JSON is ``networkx.node_link_data(G, edges="edges")`` with sorted keys, so the
same vault gives the same bytes. GraphML cannot hold lists: list attributes are
stored as JSON text and decoded again on reading.
"""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx

from .schema import LIST_ATTRIBUTES


def to_json(graph: nx.MultiDiGraph, indent: int | None = 1) -> str:
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent) + "\n"


def from_json(text: str) -> nx.MultiDiGraph:
    graph = nx.node_link_graph(json.loads(text), edges="edges", multigraph=True, directed=True)
    return graph  # type: ignore[no-any-return]


def _flatten(attrs: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in attrs.items():
        if isinstance(value, (list, tuple, dict)):
            flat[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif isinstance(value, bool):
            flat[key] = value
        elif isinstance(value, (int, float)) and key in ("min", "max"):
            flat[key] = float(value)
        else:
            flat[key] = value
    return flat


def to_graphml(graph: nx.MultiDiGraph) -> str:
    flat = nx.MultiDiGraph()
    flat.graph.update(_flatten(dict(graph.graph)))
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **_flatten(attrs))
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key, **_flatten(attrs))
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def _unflatten(attrs: dict[str, Any]) -> None:
    for key in LIST_ATTRIBUTES:
        if isinstance(attrs.get(key), str):
            attrs[key] = json.loads(attrs[key])


def from_graphml(text: str) -> nx.MultiDiGraph:
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    for _, attrs in graph.nodes(data=True):
        _unflatten(attrs)
    for _, _, attrs in graph.edges(data=True):
        _unflatten(attrs)
    return graph  # type: ignore[no-any-return]

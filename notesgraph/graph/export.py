"""Write and read the graph: node-link JSON (the reference format) and GraphML.

JSON is what ``networkx.node_link_data(G, edges="edges")`` gives, keys sorted, one
node or edge per line, so the same vault gives the same bytes and a diff shows
what changed. GraphML cannot hold lists: list attributes are stored as JSON text
and decoded again on reading.
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

import networkx as nx

from .schema import LIST_ATTRIBUTES

_item = functools.partial(json.dumps, ensure_ascii=False, sort_keys=True)


def write_json(graph: nx.MultiDiGraph, out: TextIO) -> None:
    """Write the node-link JSON of ``graph`` to ``out`` item by item.

    Building the whole document first (``node_link_data`` copies every attribute
    dict, then one string) held 2 GB for a 5,000-note graph, and indented output
    ran Python's slow JSON encoder instead of the C one: 20 s.
    """
    nodes = ({**attrs, "id": node} for node, attrs in graph.nodes(data=True))
    edges = (
        {**attrs, "source": source, "target": target, "key": key}
        for source, target, key, attrs in graph.edges(keys=True, data=True)
    )
    out.write(f'{{"directed": {_item(graph.is_directed())},\n"edges": [')
    _write_items(out, edges)
    out.write(f'],\n"graph": {_item(graph.graph)},\n')
    out.write(f'"multigraph": {_item(graph.is_multigraph())},\n"nodes": [')
    _write_items(out, nodes)
    out.write("]}\n")


def _write_items(out: TextIO, items: Iterable[dict[str, Any]]) -> None:
    lines = (_item(item) for item in items)
    first = True
    for chunk in _chunks(lines, 2000):
        out.write(("\n" if first else ",\n") + ",\n".join(chunk))
        first = False
    if not first:
        out.write("\n")


def _chunks(lines: Iterator[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def to_json(graph: nx.MultiDiGraph) -> str:
    """The node-link JSON of ``graph`` as one string (see :func:`write_json`)."""
    buffer = io.StringIO()
    write_json(graph, buffer)
    return buffer.getvalue()


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

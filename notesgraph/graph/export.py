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
import re
from collections.abc import Iterable
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
    """The items of a JSON list, one per line."""
    separator = "\n"
    for item in items:
        out.write(separator + _item(item))
        separator = ",\n"
    if separator != "\n":
        out.write("\n")


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


#: GraphML types of attribute values, as networkx writes and reads them (bool first:
#: it is an int too).
_GRAPHML_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"),
    (int, "long"),
    (float, "double"),
    (str, "string"),
)
_GRAPHML_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)


def _graphml_type(value: Any) -> str:
    for python, name in _GRAPHML_TYPES:
        if isinstance(value, python):
            return name
    raise TypeError(f"GraphML cannot hold a {type(value).__name__} value")


#: Characters XML 1.0 cannot hold at all (control characters, lone surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: str) -> str:
    """Escaped for XML text; characters XML cannot hold become U+FFFD."""
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\r", "&#13;")  # a parser would read a bare CR as a newline
    return _NOT_XML.sub("\ufffd", text) if _NOT_XML.search(text) else text


def _attr(value: str) -> str:
    text = _text(value).replace('"', "&quot;")
    return text.replace("\n", "&#10;").replace("\t", "&#09;")


def write_graphml(graph: nx.MultiDiGraph, out: TextIO) -> None:
    """Write ``graph`` as GraphML, one node or edge per line, list attributes as JSON
    text. networkx's writer builds the whole XML tree first (2.5 GB, 30 s for a
    5,000-note graph); this one looks at every attribute once for the key table,
    then writes element by element. ``networkx.read_graphml`` reads it back."""
    scopes = (
        ("graph", [dict(graph.graph)]),
        ("node", (attrs for _, attrs in graph.nodes(data=True))),
        ("edge", (attrs for _, _, attrs in graph.edges(data=True))),
    )
    keys: dict[tuple[str, str, str], str] = {}
    for scope, elements in scopes:
        for attrs in elements:
            for name, value in _flatten(attrs).items():
                keys.setdefault((scope, str(name), _graphml_type(value)), f"d{len(keys)}")

    def data(scope: str, attrs: dict[str, Any]) -> str:
        return "".join(
            f'<data key="{keys[(scope, str(name), _graphml_type(value))]}">'
            f"{_text(str(value))}</data>"
            for name, value in _flatten(attrs).items()
        )

    out.write(_GRAPHML_HEAD)
    for (scope, name, kind), key in keys.items():
        out.write(
            f'  <key id="{key}" for="{scope}" attr.name="{_attr(name)}" attr.type="{kind}" />\n'
        )
    direction = "directed" if graph.is_directed() else "undirected"
    out.write(f'  <graph edgedefault="{direction}">{data("graph", dict(graph.graph))}\n')
    out.writelines(
        f'    <node id="{_attr(str(node))}">{data("node", attrs)}</node>\n'
        for node, attrs in graph.nodes(data=True)
    )
    out.writelines(
        f'    <edge source="{_attr(str(source))}" target="{_attr(str(target))}" id="{key}">'
        f"{data('edge', attrs)}</edge>\n"
        for source, target, key, attrs in graph.edges(keys=True, data=True)
    )
    out.write("  </graph>\n</graphml>\n")


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """``graph`` as GraphML text (see :func:`write_graphml`)."""
    buffer = io.StringIO()
    write_graphml(graph, buffer)
    return buffer.getvalue()


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

"""Build the concept graph from the published notes and what was extracted from them.

Nodes and edges are added in sorted order so the exported JSON is byte-identical
for the same vault. Private notes never enter: a link to one is dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, Protocol

import networkx as nx

from ..extract.facts import Limit, NoteConcepts, Source, split_key
from ..model import Note
from ..resolve import Resolution
from ..slugs import slugify
from . import schema as ids


class CatalogLike(Protocol):
    def service(self, service_id: str) -> Any: ...
    def feature(self, service_id: str, feature_id: str) -> Any: ...


@dataclass
class GraphInput:
    """What the graph is built from (published notes only)."""

    notes: Mapping[str, Note]
    resolutions: Mapping[str, tuple[Resolution, ...]]
    concepts: Iterable[NoteConcepts]
    catalog: CatalogLike
    attachments: Iterable[str] = ()


#: The attributes of the edges from one node to another, in the order they were found:
#: one dictionary (most pairs), or a list of them.
_Found = dict[str, Any] | list[dict[str, Any]]


@dataclass
class _Edges:
    """The edges as they are found, by source and target (no list of half a million
    edge tuples to sort: the graph is assembled from this, one source at a time).

    Edges with equal attributes share one attribute dictionary (all but a few
    thousand: most have a kind, maybe a count or a line): the graph is frozen once
    built. Edges without attributes and ``mentions`` edges take a shorter way there."""

    found: dict[str, dict[str, _Found]] = field(default_factory=dict)
    _plain: dict[str, dict[str, Any]] = field(default_factory=dict)
    _counted: dict[int, dict[str, Any]] = field(default_factory=dict)
    _alike: dict[tuple[Any, ...], dict[str, Any]] = field(default_factory=dict)

    def add(self, source: str, target: str, kind: str, **attrs: Any) -> None:
        if attrs:
            data = {"kind": kind, **_clean(attrs)}
            # Keyed with the value types too: 1, 1.0 and True are equal, but not alike.
            key = tuple((name, value, type(value)) for name, value in data.items())
            with suppress(TypeError):  # a list among the values: not shared
                data = self._alike.setdefault(key, data)
        else:
            data = self._plain.get(kind) or self._plain.setdefault(kind, {"kind": kind})
        self._put(source, target, data)

    def mentions(self, source: str, target: str, count: int) -> None:
        data = self._counted.get(count)
        if data is None:
            data = self._counted[count] = {"kind": "mentions", "count": count}
        self._put(source, target, data)

    def _put(self, source: str, target: str, data: dict[str, Any]) -> None:
        targets = self.found.get(source)
        if targets is None:
            targets = self.found[source] = {}
        known = targets.get(target)
        if known is None:
            targets[target] = data
        elif type(known) is list:
            known.append(data)
        else:
            targets[target] = [known, data]  # type: ignore[list-item]

    def shared(self) -> list[dict[str, Any]]:
        """The attribute dictionaries many edges share."""
        return [*self._plain.values(), *self._counted.values(), *self._alike.values()]


def _clean(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Drop empty values: GraphML has no null, and absent reads better than None."""
    return {k: v for k, v in attrs.items() if v is not None and v not in _EMPTY}


_EMPTY: tuple[Any, ...] = ("", [])


class _Builder:
    """Collects nodes and edges. Each node id is made once and that one string is used
    wherever the id appears (adjacency keys, ``note``/``section``/``owner`` values):
    copies made per edge were 70 MB of a 5,000-note graph."""

    def __init__(self, data: GraphInput) -> None:
        self.data = data
        self.notes = data.notes
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges = _Edges()
        self.block_highlights: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.note_ids = {path: ids.note_id(path) for path in data.notes}
        self.section_ids = {
            path: [ids.section_id(path, s.anchor) for s in note.sections]
            for path, note in data.notes.items()
        }
        self.concept_ids: dict[str, str] = {}

    def _source_attrs(self, source: Source) -> dict[str, Any]:
        return {
            "note": self.note_ids[source.note],
            "section": self.section_ids[source.note][source.section],
            "line": source.line,
            "text": source.text,
        }

    def node(self, node_id: str, kind: str, label: str, **attrs: Any) -> None:
        if node_id not in self.nodes:
            self.nodes[node_id] = {"kind": kind, "label": label, **_clean(attrs)}

    # -- notes ------------------------------------------------------------------

    def add_notes(self) -> None:
        for path, note in self.notes.items():
            nid = self.note_ids[path]
            lectures = sorted({h.lecture for h in note.headings if h.lecture is not None})
            tags = sorted({t.name for t in note.tags})
            self.node(
                nid,
                "note",
                note.title,
                path=path,
                aliases=list(note.aliases),
                tags=tags,
                lectures=lectures,
            )
            self._sections(note)
            self._highlights(note)
            for tag in tags:
                self.node(ids.tag_id(tag), "tag", "#" + tag)
                self.edges.add(nid, ids.tag_id(tag), "tagged")
            self._links(note)

    def _sections(self, note: Note) -> None:
        heading_section = {s.heading: s.index for s in note.sections if s.heading is not None}
        nid = self.note_ids[note.path]
        section_ids = self.section_ids[note.path]
        for section in note.sections:
            sid = section_ids[section.index]
            heading = note.headings[section.heading] if section.heading is not None else None
            parent = None
            if heading is not None and heading.parent is not None:
                parent = section_ids[heading_section[heading.parent]]
            self.node(
                sid,
                "section",
                section.title,
                note=nid,
                anchor=section.anchor,
                level=heading.level if heading else 0,
                lecture=heading.lecture if heading else None,
                start_line=section.start_line,
                end_line=section.end_line,
                parent=parent,
            )
            self.edges.add(nid, sid, "contains")

    def _highlights(self, note: Note) -> None:
        per_line: Counter[int] = Counter()
        for highlight in note.highlights:
            per_line[highlight.line] += 1
            hid = ids.highlight_id(note.path, highlight.line, per_line[highlight.line])
            sid = self.section_ids[note.path][highlight.section]
            self.node(
                hid,
                "highlight",
                highlight.text,
                note=self.note_ids[note.path],
                section=sid,
                line=highlight.line,
                context=highlight.context,
                start=highlight.start,
                end=highlight.end,
                anchor=highlight.anchor,
            )
            self.edges.add(sid, hid, "contains")
            self.block_highlights[(note.path, highlight.block_line)].append(hid)

    def _links(self, note: Note) -> None:
        source = self.note_ids[note.path]
        for link, resolution in zip(note.links, self.data.resolutions[note.path], strict=True):
            kind = "embeds" if link.kind in ("embed", "image") else "links_to"
            if resolution.kind == "note" and resolution.path and resolution.path in self.notes:
                if resolution.path != note.path:
                    self.edges.add(
                        source,
                        self.note_ids[resolution.path],
                        kind,
                        line=link.line,
                        anchor=resolution.anchor,
                    )
            elif resolution.kind == "attachment" and resolution.path:
                self._attachment(source, resolution.path, True, kind, link.line)
            elif resolution.status == "missing" and kind == "embeds" and "." in link.target:
                self._attachment(source, link.target, False, kind, link.line)

    def _attachment(self, source: str, path: str, exists: bool, kind: str, line: int) -> None:
        """An attachment a note links or embeds (``exists=False`` for a missing screenshot)."""
        aid = ids.attachment_id(path)
        self.node(aid, "attachment", path.rsplit("/", 1)[-1], path=path, exists=exists)
        self.edges.add(source, aid, kind, line=line)

    # -- concepts ---------------------------------------------------------------

    def concept(self, key: str) -> str:
        """Add (once) the service or feature node for a concept key; return its id."""
        known = self.concept_ids.get(key)
        if known is None:
            known = self.concept_ids[key] = self._concept(key)
        return known

    def _concept(self, key: str) -> str:
        service, feature = split_key(key)
        entry = self.data.catalog.service(service)
        sid = ids.service_id(service)
        self.node(sid, "service", entry.label, category=entry.category)
        if not feature:
            return sid
        fid = ids.feature_id(service, feature)
        if fid not in self.nodes:
            label = self.data.catalog.feature(service, feature).label
            self.node(fid, "feature", label, service=sid)
            self.edges.add(fid, sid, "feature_of")
        return fid

    def add_concepts(self, concepts: list[NoteConcepts]) -> None:
        surfaces: dict[str, set[str]] = defaultdict(set)
        counts: Counter[str] = Counter()
        for found in concepts:
            section_ids = self.section_ids[found.path]
            mentions = found.mentions
            in_note: Counter[str] = Counter()
            for (section, key), n in Counter([(m.source.section, m.key) for m in mentions]).items():
                cid = self.concept(key)
                self.edges.mentions(section_ids[section], cid, n)
                in_note[cid] += n
            nid = self.note_ids[found.path]
            for cid, n in in_note.items():
                self.edges.mentions(nid, cid, n)
                counts[cid] += n
            for key, surface in {(m.key, m.surface) for m in mentions}:
                surfaces[self.concept_ids[key]].add(surface)
        for cid, names in surfaces.items():
            label = self.nodes[cid]["label"]
            self.nodes[cid]["aliases"] = sorted(n for n in names if n and n != label)
            self.nodes[cid]["mentions"] = counts[cid]
        self._highlight_mentions(concepts)
        self._limits([limit for found in concepts for limit in found.limits])
        self._relations(concepts)
        self._comparisons(concepts)
        self._families()

    def _highlight_mentions(self, concepts: list[NoteConcepts]) -> None:
        """A concept named inside a highlight is linked from that highlight (exam key point)."""
        for found in concepts:
            for mention in found.mentions:
                if not mention.highlighted:
                    continue
                cid = self.concept(mention.key)
                for hid in self.block_highlights.get((found.path, mention.source.line), ()):
                    self.edges.add(hid, cid, "mentions")

    def _limits(self, limits: list[Limit]) -> None:
        used: Counter[str] = Counter()
        for limit in limits:
            owner = self.concept(limit.key)
            slug = slugify(limit.name, "limit")
            base = ids.limit_id(limit.key, slug)
            used[base] += 1
            lid = base if used[base] == 1 else f"{base}-{used[base]}"
            source = self._source_attrs(limit.source)
            self.node(
                lid,
                "limit",
                f"{limit.name}: {limit.value_text}",
                service=self.concept(split_key(limit.key)[0]),
                owner=owner,
                name=limit.name,
                min=limit.min,
                max=limit.max,
                unit=limit.unit,
                value=limit.value_text,
                qualifier=limit.qualifier,
                **source,
            )
            self.edges.add(owner, lid, "has_limit")
            self.edges.add(lid, source["section"], "stated_in", line=limit.source.line)

    def _relations(self, concepts: list[NoteConcepts]) -> None:
        first: dict[tuple[str, str, str], dict[str, Any]] = {}
        count: Counter[tuple[str, str, str]] = Counter()
        for found in concepts:
            for relation in found.relations:
                key = (
                    self.concept(relation.source_key),
                    self.concept(relation.target_key),
                    relation.kind,
                )
                if key[0] == key[1]:
                    continue
                count[key] += 1
                first.setdefault(key, self._source_attrs(relation.evidence))
        for edge in sorted(first):
            self.edges.add(edge[0], edge[1], edge[2], count=count[edge], **first[edge])

    def _families(self) -> None:
        """``part_of`` between mentioned services the catalogue puts in one family
        (RDS Proxy → RDS, Lambda@Edge → CloudFront): known facts, not read from notes."""
        services = [n for n, a in self.nodes.items() if a["kind"] == "service"]
        for node_id in services:
            parent = self.data.catalog.service(node_id.split(":", 1)[1]).part_of
            if parent and ids.service_id(parent) in self.nodes:
                self.edges.add(node_id, ids.service_id(parent), "part_of", evidence="catalogue")

    def _comparisons(self, concepts: list[NoteConcepts]) -> None:
        for found in concepts:
            for comparison in found.comparisons:
                cid = ids.comparison_id(comparison.slug)
                n = 1
                while cid in self.nodes:  # the same pair compared in another note
                    n += 1
                    cid = ids.comparison_id(f"{comparison.slug}-{n}")
                members = [self.concept(k) for k in comparison.keys]
                source = self._source_attrs(comparison.source)
                self.node(
                    cid,
                    "comparison",
                    comparison.label,
                    form=comparison.form,
                    services=members,
                    columns=list(comparison.columns),
                    rows=[list(r) for r in comparison.rows],
                    **source,
                )
                for member in members:
                    self.edges.add(cid, member, "compares")
                self.edges.add(cid, source["section"], "stated_in", line=comparison.source.line)

    # -- result -----------------------------------------------------------------

    def graph(self) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        order = sorted(self.nodes)
        if _direct(graph):
            # The attribute dicts as they are: add_nodes_from copies each one twice.
            nodes, succ, pred = graph._node, graph._succ, graph._pred  # noqa: SLF001
            for node_id in order:
                nodes[node_id] = self.nodes[node_id]
                succ[node_id] = {}
                pred[node_id] = {}
        else:
            graph.add_nodes_from((node_id, self.nodes[node_id]) for node_id in order)
        _add_edges(graph, self.edges)
        return graph


def _direct(graph: nx.MultiDiGraph) -> bool:
    """Whether this networkx lays a graph out as plain dicts that can be filled directly:
    ``_node``, ``_succ[u][v][key]``, ``_pred[v][u][key]`` (else its own methods run)."""
    return (
        all(isinstance(getattr(graph, name, None), dict) for name in ("_node", "_succ", "_pred"))
        and graph.node_attr_dict_factory is dict
        and graph.adjlist_inner_dict_factory is dict
        and graph.edge_key_dict_factory is dict
    )


def _line(attrs: dict[str, Any]) -> tuple[str, int]:
    return attrs["kind"], attrs.get("line", 0)


def _add_edges(graph: nx.MultiDiGraph, edges: _Edges) -> None:
    """Add the edges between existing nodes sorted by source, target, kind and line;
    the same edge (ends, kind, line) once (the first found); keyed 0, 1, … per node
    pair as networkx numbers them.

    networkx's ``add_edges_from`` checks and copies every edge (≈9 µs each, a
    second for a 1,000-note vault); filling its adjacency dictionaries directly in
    that order is equivalent and ~15× faster (see :func:`_direct`).
    """
    direct = _direct(graph)
    # Where they are not plain dicts, networkx's own methods and "in" are used instead.
    nodes: Any = graph._node if direct else graph  # noqa: SLF001
    succ: Any = graph._succ if direct else None  # noqa: SLF001
    pred: Any = graph._pred if direct else None  # noqa: SLF001
    # The key dictionary of a pair joined by one edge with shared attributes ({0: attrs})
    # is shared too: most pairs have one edge, and a dict each was 120 MB at 5,000 notes.
    single = {id(a): {0: a} for a in edges.shared()}
    slow: list[tuple[str, str, dict[str, Any]]] = []
    for source in sorted(edges.found):
        targets = edges.found.pop(source)  # freed as it goes
        if source not in nodes:
            continue
        ordered: dict[str, dict[int, dict[str, Any]]] = {}
        for target in sorted(targets):
            if target not in nodes:
                continue
            found = targets[target]
            if isinstance(found, list):
                found.sort(key=_line)
                kept = [a for i, a in enumerate(found) if not i or _line(a) != _line(found[i - 1])]
                keys = dict(enumerate(kept))
            else:
                keys = single.get(id(found)) or {0: found}
            ordered[target] = keys
        if direct:
            succ[source] = ordered
            for target, keys in ordered.items():
                pred[target][source] = keys
        else:
            slow.extend((source, t, a) for t, keys in ordered.items() for a in keys.values())
    if slow:
        graph.add_edges_from(slow)
    clear = getattr(nx, "_clear_cache", None)
    if clear is not None:
        clear(graph)


def edge_count(graph: nx.MultiDiGraph) -> int:
    """``graph.number_of_edges()`` without networkx's view per node (0.3 s at 5,000 notes)."""
    succ = getattr(graph, "_succ", None)
    if isinstance(succ, dict):
        return sum(len(keys) for targets in succ.values() for keys in targets.values())
    return int(graph.number_of_edges())


def build_graph(data: GraphInput) -> nx.MultiDiGraph:
    """The concept graph of the published notes, frozen: many edges share their
    attribute and key dictionaries, so changing one in place would change them all
    (``nx.MultiDiGraph(graph)`` makes a copy that can be changed)."""
    builder = _Builder(data)
    builder.add_notes()
    builder.add_concepts(sorted(data.concepts, key=lambda c: c.path))
    return nx.freeze(builder.graph())

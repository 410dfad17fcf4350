"""Everything page renderers read, computed once per build: URLs, backlinks, graph lookups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..extract.facts import Mention, NoteConcepts, Source
from ..graph import schema as ids
from ..model import Diagnostic, Note
from ..resolve import Resolution
from .body import BodyContext, BodyRenderer
from .maplayout import Adjacency
from .urls import PagePaths, compare_page, page_url, relative, service_page

TAGS_PAGE = "tags.md"
LIMITS_PAGE = "limits.md"
KEYPOINTS_PAGE = "keypoints.md"
PROBLEMS_PAGE = "problems.md"
MAP_PAGE = "map.md"
EXPLORER_PAGE = "explorer.md"
NOTES_INDEX = "notes/index.md"
SERVICES_INDEX = "services/index.md"
COMPARE_INDEX = "compare/index.md"


@dataclass(frozen=True, slots=True)
class Backlink:
    source: str  # vault path of the linking note
    line: int
    text: str  # the block the link sits in


@dataclass
class SiteContext:
    notes: dict[str, Note]  # published notes only
    resolutions: dict[str, tuple[Resolution, ...]]
    graph: nx.MultiDiGraph
    concepts: list[NoteConcepts]
    paths: PagePaths
    problems: list[Diagnostic] = field(default_factory=list)
    backlinks: dict[str, list[Backlink]] = field(default_factory=dict)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # node id → mentions
    comparison_pages: dict[str, str] = field(default_factory=dict)  # comparison node → docs path
    comparison_groups: dict[str, list[str]] | None = None  # docs path → comparison nodes
    #: Worked out once for the pages and the search index (reviewpages' groupings).
    memo: dict[str, Any] = field(default_factory=dict)
    body: BodyRenderer = field(init=False)
    #: Every node's edges by kind, made once and shared by the pages and the map data
    #: (networkx views are slow to walk).
    adjacency: Adjacency = field(init=False)
    _urls: dict[str, str | None] = field(init=False, default_factory=dict)
    _by_kind: dict[str, list[str]] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.adjacency = Adjacency(self.graph)
        self.backlinks = _backlinks(self.notes, self.resolutions)
        self.mentions = _mentions(self.concepts)
        services = {
            label_key(attrs["label"]): node
            for node, attrs in self.graph.nodes(data=True)
            if attrs["kind"] == "service"
        }
        for node, attrs in self.graph.nodes(data=True):
            if attrs["kind"] == "service":
                for alias in attrs.get("aliases", []):
                    services.setdefault(label_key(alias), node)

        def service_url(target: str) -> str | None:
            node = services.get(label_key(target))
            return page_url(service_page(node.split(":", 1)[1])) if node else None

        self.body = BodyRenderer(
            BodyContext(
                notes=self.notes,
                resolutions=self.resolutions,
                published=frozenset(self.notes),
                paths=self.paths,
                tags_url=page_url(TAGS_PAGE),
                service_url=service_url,
                problems=self.problems,
            )
        )

    # -- graph lookups ---------------------------------------------------------------

    def node(self, node_id: str) -> dict[str, Any]:
        return self.adjacency.nodes[node_id]

    def nodes_of(self, kind: str) -> list[str]:
        """The nodes of a kind, in graph order (a new list: callers may sort it)."""
        if self._by_kind is None:
            self._by_kind = defaultdict(list)
            for node, attrs in self.adjacency.nodes.items():
                self._by_kind[attrs["kind"]].append(node)
        return list(self._by_kind.get(kind, ()))

    def out_edges(
        self, node_id: str, kinds: Iterable[str] = ()
    ) -> list[tuple[str, dict[str, Any]]]:
        """Edges leaving the node, of these kinds (all if none), grouped by kind."""
        return self.adjacency.out(node_id, *kinds)

    def in_edges(self, node_id: str, kinds: Iterable[str]) -> list[tuple[str, dict[str, Any]]]:
        """Edges of these kinds arriving at the node, grouped by kind."""
        return self.adjacency.into(node_id, *kinds)

    # -- URLs --------------------------------------------------------------------------

    def url_of(self, node_id: str) -> str | None:
        """Site URL of a graph node's page (or of its place on a page)."""
        if node_id in self._urls:
            return self._urls[node_id]
        url = self._url_of(node_id)
        if not node_id.startswith("comparison:"):  # those depend on the grouping (prepare)
            self._urls[node_id] = url
        return url

    def _url_of(self, node_id: str) -> str | None:
        kind, _, rest = node_id.partition(":")
        if kind == "note":
            return self.paths.note_url(rest) if rest in self.paths.notes else None
        if kind == "service":
            return page_url(service_page(rest))
        if kind == "feature":
            service = rest.split("/", 1)[0]
            return page_url(service_page(service)) + "#feature-" + rest.split("/", 1)[1]
        if kind == "comparison":
            page = self.comparison_pages.get(node_id)
            return page_url(page) + "#" + rest if page else None
        if kind == "section":
            path, _, anchor = rest.rpartition("#")
            base = self.url_of(ids.note_id(path))
            return base + ("#" + anchor if anchor else "") if base else None
        if kind == "highlight":
            attrs = self.adjacency.nodes[node_id]
            base = self.url_of(attrs["note"])
            return base + "#" + attrs["anchor"] if base else None
        if kind == "limit":
            return self.url_of(self.adjacency.nodes[node_id]["section"])
        if kind == "tag":
            from .body import tag_anchor

            return page_url(TAGS_PAGE) + "#" + tag_anchor(rest)
        return None

    def source_url(self, source: Source) -> str:
        note = self.notes[source.note]
        anchor = note.sections[source.section].anchor
        return self.paths.note_url(source.note) + ("#" + anchor if anchor else "")

    def link(self, from_page: str, node_id: str) -> str | None:
        """Relative href from the page generated at ``from_page`` to a graph node."""
        target = self.url_of(node_id)
        return None if target is None else relative(page_url(from_page), target)

    def link_url(self, from_page: str, url: str) -> str:
        return relative(page_url(from_page), url)


def label_key(text: str) -> str:
    return "".join(text.casefold().split())


def _backlinks(
    notes: dict[str, Note], resolutions: dict[str, tuple[Resolution, ...]]
) -> dict[str, list[Backlink]]:
    found: dict[str, list[Backlink]] = defaultdict(list)
    for path, note in notes.items():
        block_of_line = {}
        for block in note.blocks:
            for index in block.links:
                block_of_line[index] = block.text
        seen: set[tuple[str, str]] = set()
        for index, resolution in enumerate(resolutions[path]):
            target = resolution.path
            if resolution.kind != "note" or not target or target == path or target not in notes:
                continue
            if (target, path) in seen:
                continue
            seen.add((target, path))
            found[target].append(
                Backlink(path, note.links[index].line, block_of_line.get(index, ""))
            )
    return {k: sorted(v, key=lambda b: (b.source, b.line)) for k, v in found.items()}


def _mentions(concepts: list[NoteConcepts]) -> dict[str, list[Mention]]:
    found: dict[str, list[Mention]] = defaultdict(list)
    for note in concepts:
        for mention in note.mentions:
            found[ids.concept_id(mention.key)].append(mention)
    return found


__all__ = ["SiteContext", "Backlink", "compare_page", "service_page", "page_url"]

"""What the site's search covers, from the :class:`~notesgraph.site.context.SiteContext`.

Every published note arrives analysed (one :class:`~.fields.PageTerms` per note,
from the parse workers); the pages made from the graph are described here as
:class:`~.index.SearchDoc` lists: each service page (with a doc per feature),
each comparison page (a doc per comparison), the key-points page (a doc per
service) and the limits page. Synonym groups come from the graph's services and
features: the label, the names the notes used (``aliases``) and the catalogue's
names, each group pointing at its page, so ``코그니토`` finds Cognito and a
service's name puts its page first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..extract.catalog import Catalog, load_catalog
from ..site.context import KEYPOINTS_PAGE, LIMITS_PAGE, SiteContext
from ..site.labels import category_label
from ..site.reviewpages import keypoint_groups, keypoint_places, limit_groups, page_category
from ..site.urls import page_url
from .fields import PageTerms
from .index import INDEX_PATH, SearchDoc, SynonymGroup, assemble_index

#: Pages made from the graph repeat what notes say; at equal match a note ranks first.
REVIEW_BOOST = 0.5
COMPARISON_BOOST = 0.8


def search_files(
    ctx: SiteContext, per_note_terms: Mapping[str, PageTerms], catalog: Catalog | None = None
) -> dict[str, str]:
    """``{INDEX_PATH: index JSON}`` for the site of ``ctx`` (a data file for docs/).

    ``per_note_terms`` maps vault paths to the analyser's results (private notes
    and notes missing from it are skipped); ``catalog`` is the vault's catalogue
    (the packaged one if None). Call it after ``ctx.comparison_pages`` is set.
    """
    catalog = catalog or load_catalog()
    notes = {p: t for p, t in per_note_terms.items() if p in ctx.notes}
    urls = {p: ctx.paths.note_url(p) for p in notes}
    kinds = _nodes_by_kind(ctx)
    index = assemble_index(notes, urls, graph_docs(ctx, kinds), synonym_groups(ctx, catalog, kinds))
    return {INDEX_PATH: index}


def graph_docs(ctx: SiteContext, kinds: dict[str, list[str]] | None = None) -> list[SearchDoc]:
    """Docs of the pages made from the graph, page by page, each page's own doc first."""
    kinds = kinds if kinds is not None else _nodes_by_kind(ctx)
    return [
        *_service_docs(ctx, kinds),
        *_comparison_docs(ctx),
        *_keypoint_docs(ctx, kinds["highlight"]),
        *_limit_docs(ctx),
    ]


def _nodes_by_kind(ctx: SiteContext) -> dict[str, list[str]]:
    """Every node id by kind, sorted: one pass over the graph instead of one per kind."""
    kinds: dict[str, list[str]] = defaultdict(list)
    for node, kind in ctx.graph.nodes(data="kind"):
        kinds[kind].append(node)
    for nodes in kinds.values():
        nodes.sort()
    return kinds  # a defaultdict: a kind the graph lacks is an empty list


def synonym_groups(
    ctx: SiteContext, catalog: Catalog, kinds: dict[str, list[str]] | None = None
) -> list[SynonymGroup]:
    """A group per service and feature of the graph, pointing at its page (or its place there)."""
    kinds = kinds if kinds is not None else _nodes_by_kind(ctx)
    groups: list[SynonymGroup] = []
    for kind in ("service", "feature"):
        for node in kinds[kind]:
            attrs = ctx.node(node)
            names = [*attrs.get("aliases", []), *_catalogue_names(catalog, node)]
            groups.append(SynonymGroup(attrs["label"], tuple(names), ctx.url_of(node)))
    return groups


def _catalogue_names(catalog: Catalog, node: str) -> list[str]:
    kind, _, rest = node.partition(":")
    service, _, feature = rest.partition("/")
    try:
        entry = catalog.feature(service, feature) if kind == "feature" else catalog.service(service)
    except KeyError:
        return []
    return [name.text for name in entry.all_names if not name.requires_prefix]


def _service_docs(ctx: SiteContext, kinds: dict[str, list[str]]) -> list[SearchDoc]:
    features: dict[str, list[str]] = defaultdict(list)
    for feature in kinds["feature"]:
        features[ctx.node(feature)["service"]].append(feature)
    docs: list[SearchDoc] = []
    for node in kinds["service"]:
        attrs = ctx.node(node)
        url = ctx.url_of(node) or ""
        facts = [category_label(attrs.get("category", "other"))]
        if attrs.get("aliases"):
            facts.append("노트 속 이름: " + ", ".join(attrs["aliases"]))
        if features[node]:
            facts.append("기능: " + ", ".join(ctx.node(f)["label"] for f in features[node]))
        docs.append(SearchDoc(url, attrs["label"], " · ".join(facts), "service"))
        for feature in features[node]:
            # Titled only: its other names reach it through its synonym group, and
            # names such as "Cognito 사용자 풀" in its text would answer every query
            # for the service itself.
            label = ctx.node(feature)["label"]
            docs.append(SearchDoc(ctx.url_of(feature) or url, label, "", "service"))
    return docs


def _comparison_docs(ctx: SiteContext) -> list[SearchDoc]:
    by_page: dict[str, list[str]] = defaultdict(list)
    for node, page in ctx.comparison_pages.items():
        by_page[page].append(node)
    docs: list[SearchDoc] = []
    for page in sorted(by_page):
        nodes = sorted(by_page[page])
        url = page_url(page)
        first = ctx.node(nodes[0])
        members = [ctx.node(m)["label"] for m in first.get("services", [])]
        title = " vs ".join(members) or first["label"]
        docs.append(SearchDoc(url, title, " · ".join(members), "comparison", COMPARISON_BOOST))
        for node in nodes:
            # Column heads only: the table and the sentence are in the note's
            # section, which should rank first for their words.
            attrs = ctx.node(node)
            text = " · ".join(attrs.get("columns", []))
            section = ctx.node(attrs["section"])["label"] if len(nodes) > 1 else attrs["label"]
            docs.append(
                SearchDoc(ctx.url_of(node) or url, section, text, "comparison", COMPARISON_BOOST)
            )
    return docs


def _keypoint_docs(ctx: SiteContext, highlights: list[str]) -> list[SearchDoc]:
    """The key-points page and a doc per service heading on it (``#svc-<id>``), on the
    category page the service is on when the page is split."""
    url = page_url(KEYPOINTS_PAGE)
    docs = [
        SearchDoc(
            url, "시험 포인트", f"노트의 하이라이트 {len(highlights)}개", "review", REVIEW_BOOST
        )
    ]
    groups = keypoint_groups(ctx)
    places = keypoint_places(groups)
    for service in sorted(places):
        # Titled by the service only: the highlighted words are in the notes, which
        # rank first for them, and re-reading them here would cost the assembly.
        label = ctx.node(service)["label"]
        text = f"{label} 하이라이트 {len(groups[places[service]][service])}개"
        docs.append(
            SearchDoc(
                f"{page_url(places[service])}#svc-{service.split(':', 1)[1]}",
                f"{label} 시험 포인트",
                text,
                "review",
                REVIEW_BOOST,
            )
        )
    return docs


def _limit_docs(ctx: SiteContext) -> list[SearchDoc]:
    """The limits page, or each of its category pages: a doc naming the services it
    lists (the limits are in the notes)."""
    docs = []
    for path, nodes in limit_groups(ctx).items():
        counts: dict[str, int] = defaultdict(int)
        for node in nodes:
            counts[ctx.node(ctx.node(node)["owner"])["label"]] += 1
        text = " · ".join(f"{service} 한도 {n}개" for service, n in sorted(counts.items()))
        title = "한도 모음"
        if path != LIMITS_PAGE:
            title += " · " + page_category(ctx, path)
        docs.append(SearchDoc(page_url(path), title, text, "review", REVIEW_BOOST))
    return docs

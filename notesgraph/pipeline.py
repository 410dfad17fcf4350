"""The build pipeline: scan+parse → extract → graph → render → write, one call each.

:func:`analyse` is shared by ``notesgraph graph`` and ``notesgraph build``;
:func:`build_site` adds rendering, writing docs/ and the MkDocs build.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .background import Background
from .check import link_problems
from .config import VaultConfig
from .extract.catalog import Catalog, CatalogError, load_catalog
from .extract.facts import NoteConcepts
from .extract.run import ConceptExtractor
from .graph.build import GraphInput, build_graph, edge_count
from .model import Diagnostic, Note
from .search import runstore
from .search.fields import PageTerms
from .search.korean import store_identity
from .search.noteterms import SearchAnalyser
from .search.sitedocs import search_files
from .site.context import SiteContext
from .site.mkbuild import run_mkdocs
from .site.pagesigs import Signatures
from .site.render import HOME, Reuse, map_data, prepare, render_site, review_data
from .site.urls import PagePaths
from .site.writer import GENERATED, DocsWriter, PageRecords, WriteStats, place_generated
from .vault import Progress, Vault, load_vault

Step = Callable[[str], None]


@dataclass
class Analysis:
    vault: Vault
    catalog: Catalog
    published: list[str]
    concepts: list[NoteConcepts]
    graph: nx.MultiDiGraph
    timings: dict[str, float] = field(default_factory=dict)
    outline: bool = False  # notes as outlines, no search terms (see analyse)

    def search_terms(self) -> dict[str, PageTerms]:
        """Each published note's search terms (waiting for any still being worked out)."""
        if self.outline:
            raise ValueError("an outline analysis has no search terms")
        self.vault.settle()
        return {p: self.vault.derived[p][1] for p in self.published}


@dataclass
class BuildOptions:
    vault: Path
    docs: Path
    site: Path
    config: Path
    cache_dir: Path | None = None
    incremental: bool = True
    strict_mkdocs: bool = False
    jobs: int | None = None
    site_url: str | None = None  # where the site is served (Material's instant navigation needs it)
    keep_cache: bool = False  # keep parsed notes in memory between builds (serve)


@dataclass
class BuildReport:
    analysis: Analysis
    warnings: list[Diagnostic]
    written: WriteStats
    mkdocs_warnings: list[str]
    pages: int
    timings: dict[str, float]


class _Clock:
    def __init__(self, step: Step | None) -> None:
        self.step = step
        self.timings: dict[str, float] = {}
        self._start = time.perf_counter()

    def lap(self, name: str, message: str) -> None:
        now = time.perf_counter()
        self.timings[name] = now - self._start
        self._start = now
        if self.step:
            self.step(message)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a build makes its many long-lived objects.

    Every few hundred new dicts and tuples Python looks for reference cycles, and
    every so often it walks all live objects; while loading a thousand notes and
    building a graph of 100,000 edges that walking took half of the time (1.1 of
    2.2 s). Those objects live until the build ends and form almost no cycles, so
    collection waits until then.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Enabling alone would make the next allocation walk every object made
            # meanwhile (0.15 s after a 1,000-note analysis): they are set aside as
            # permanent instead. A long-lived caller (serve) calls gc.unfreeze() when
            # it is idle, so the objects of old builds can still be collected.
            gc.freeze()
            gc.enable()


@contextmanager
def collecting_new_garbage() -> Iterator[None]:
    """Cyclic garbage collection for what is made from here on, not for what exists.

    MkDocs, Python-Markdown and Jinja leave reference cycles behind for every page;
    uncollected they grow a 5,000-note build by gigabytes. Freezing the objects that
    exist (the notes, the graph, the rendered pages) keeps the collector from walking
    them again and again, so collecting costs little.
    """
    paused = not gc.isenabled()
    gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        if paused:
            gc.disable()
        gc.unfreeze()


def _per_note_steps(config: VaultConfig) -> tuple[ConceptExtractor, SearchAnalyser]:
    """What runs on every note in the parse workers, each cached on its own:
    concept extraction and search analysis (for this vault's catalogue; a bad
    vault catalogue falls back to the packaged one)."""
    try:
        load_catalog(config.catalog_extra or None)
        extra = config.catalog_extra
    except CatalogError:
        extra = {}
    return ConceptExtractor(extra), SearchAnalyser(extra)


def _graph_steps(config: VaultConfig) -> tuple[ConceptExtractor]:
    """The per-note steps the graph alone needs: concept extraction."""
    return _per_note_steps(config)[:1]


@gc_paused()
def analyse(
    vault_dir: Path,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    step: Step | None = None,
    jobs: int | None = None,
    fallback: Mapping[str, Note] | None = None,
    keep_cache: bool = False,
    defer: bool = False,
    outline: bool = False,
) -> Analysis:
    """Parse the vault, extract concepts from the published notes, build the graph.

    With ``defer``, per-note results only the search index reads may still be being
    worked out when this returns (``Analysis.search_terms`` waits for them). With
    ``outline`` (a caller that needs the graph alone: ``notesgraph graph``) the notes
    are kept as outlines, without their texts, and no search terms are worked out.
    """
    clock = _Clock(step)
    # Kiwi's analyses of earlier processes, and this one's for later ones.
    runstore.use(None if outline else cache_dir, store_identity())
    vault = load_vault(
        vault_dir,
        cache_dir,
        jobs=jobs,
        progress=progress,
        fallback=fallback,
        per_note=_graph_steps if outline else _per_note_steps,
        keep_cache=keep_cache,
        outline=outline,
    )
    clock.lap(
        "parse",
        f"{len(vault.notes)} notes parsed and read for concepts ({vault.cache_hits} from cache)",
    )
    try:
        catalog = load_catalog(vault.config.catalog_extra or None)
    except CatalogError as error:
        vault.diagnostics.append(
            Diagnostic(
                vault.config.source or "notesgraph.yml",
                0,
                "bad-config",
                f"vault services/aliases rejected: {error}",
                "the packaged catalogue is used alone",
            )
        )
        catalog = load_catalog()
    published = vault.published
    concepts = [vault.derived[p][0] for p in published]
    clock.lap("extract", "concepts collected")
    graph = build_graph(
        GraphInput(
            notes={p: vault.notes[p] for p in published},
            resolutions=vault.resolutions,
            concepts=concepts,
            catalog=catalog,
            attachments=vault.attachments,
        )
    )
    clock.lap("graph", f"graph: {graph.number_of_nodes()} nodes, {edge_count(graph)} edges")
    if not defer:
        vault.settle()
    return Analysis(vault, catalog, published, concepts, graph, clock.timings, outline)


@gc_paused()
def build_site(
    options: BuildOptions,
    progress: Progress | None = None,
    step: Step | None = None,
    fallback: Mapping[str, Note] | None = None,
) -> BuildReport:
    """``notesgraph build``: the five stages, in order."""
    analysis = analyse(
        options.vault,
        options.cache_dir,
        progress,
        step,
        options.jobs,
        fallback,
        options.keep_cache,
        defer=True,
    )
    clock = _Clock(step)
    vault = analysis.vault
    published = {p: vault.notes[p] for p in analysis.published}
    problems = link_problems(vault)

    def context() -> SiteContext:
        return site_context(analysis)

    # The map data child makes its own context: forked before this one's is made, it
    # starts sooner (the context takes 0.6 s at 5,000 notes, and the maps were what a
    # rebuild of such a vault waited for last).
    data = Background(lambda: map_data(context(), review=False))
    ctx = context()
    prepare(ctx)
    # Without a cache, everything is worked out again: the pages too.
    records = PageRecords(options.cache_dir, options.docs) if options.cache_dir else None
    writer = DocsWriter(options.docs, records)
    reuse = (
        Reuse(Signatures(ctx, vault.content_keys, _config_digest(vault)), records.valid())
        if records is not None
        else None
    )
    try:
        files = render_site(
            ctx,
            [p for p in problems if p.path in published],
            {p: f.real for p, f in vault.attachments.items()},
            home_exists=_hand_written(options.docs, HOME),
            reuse=reuse,
        )
        clock.lap(
            "render",
            f"{len(files.pages)} pages rendered, {len(files.kept)} kept as they were",
        )
        writer.write(files.texts(), files.copies)
        writer.keep(files.kept)
        writer.record(files.records)
        writer.drop_stale(keep_under=GENERATED)
        sources = [*files.texts(), *files.copies, *files.kept]
        pages = len(files.pages) + len(files.kept)
        files.pages.clear()  # MkDocs reads them from docs/ (300 MB of text at 5,000 notes)
        clock.lap("write", "docs/: pages written")

        def add_data(staging: Path) -> None:
            """The search index (made here while the background child is still at the
            maps) and the background data: into docs/ and, with the notes tree and
            vendored scripts, into the finished site (MkDocs skips the generated folder)."""
            started = time.perf_counter()
            search = search_files(ctx, analysis.search_terms(), analysis.catalog)
            searched = time.perf_counter()
            # The review data here rather than in the child: the maps were what a rebuild
            # waited for last, by about as long as this takes (at 1,000 and 5,000 notes).
            review = review_data(ctx)
            reviewed = time.perf_counter()
            maps = data.result()
            # Inside the MkDocs step's time; shown on their own, since either can be the
            # bottleneck (a 5,000-note rebuild waited seconds for the map data).
            clock.timings["search index (in mkdocs)"] = searched - started
            clock.timings["review data (in mkdocs)"] = reviewed - searched
            clock.timings["waiting for map data (in mkdocs)"] = time.perf_counter() - reviewed
            texts = {**maps, **review, **search}
            writer.write(texts, {})
            place_generated(staging, {**files.data, **texts}, files.copies, writer)

        with collecting_new_garbage():
            result = run_mkdocs(
                options.config,
                options.docs,
                options.site,
                files.nav,
                incremental=options.incremental,
                strict=options.strict_mkdocs,
                files=sources,
                build_epoch=vault.newest_epoch,
                site_url=options.site_url,
                before_swap=add_data,
                exclude=(GENERATED,),
                page_cache=options.cache_dir,
            )
    finally:
        data.result_or_none()
        if vault.pending is not None:  # the build failed before the search index
            vault.pending.abandon()
    written = writer.finish()
    clock.lap("mkdocs", f"site built in {options.site}")
    warnings = sorted(
        vault.diagnostics + problems + ctx.problems + written.skipped, key=Diagnostic.sort_key
    )
    return BuildReport(
        analysis,
        warnings,
        written,
        result.warnings,
        pages,
        {**analysis.timings, **clock.timings},
    )


def site_context(analysis: Analysis) -> SiteContext:
    """What the page renderers and the map data read, for the published notes."""
    vault = analysis.vault
    notes = {p: vault.notes[p] for p in analysis.published}
    return SiteContext(
        notes=notes,
        resolutions=vault.resolutions,
        graph=analysis.graph,
        concepts=analysis.concepts,
        paths=PagePaths(notes, vault.attachments),
    )


def _config_digest(vault: Vault) -> str:
    """The vault's config as the page signatures see it (see site.pagesigs)."""
    config = dataclasses.asdict(vault.config)
    return json.dumps(config, sort_keys=True, ensure_ascii=False, default=str)


def _hand_written(docs: Path, rel: str) -> bool:
    from .site.writer import read_manifest

    return (docs / rel).exists() and rel not in read_manifest(docs)

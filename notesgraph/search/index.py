"""The search index that ``search-worker.js`` loads in place of Material's.

Material indexes pages with lunr and splits Korean only on spaces. notesgraph
analyses the notes at build time instead (:mod:`.noteterms`, in the parse
workers, cached with the parse) and here only *assembles* one JSON file:

``terms``     every term of the site, sorted (the worker binary-searches it for
              prefixes; terms are BMP-only, so Python's and JavaScript's string
              orders agree);
``pages``     per page ``[url, kind, boost, docs, term ids, postings]``: the docs
              are ``[anchor, title, snippet]`` (the page's own doc first, anchor
              ``""``), the term ids are the page's terms delta-coded, and the
              postings are the page-local ones of :class:`~.fields.PageTerms`,
              both as :func:`~.fields.varints` text. The worker inverts them
              into one postings list per term on load;
``synonyms``  per synonym group ``[label, keys, doc, spellings]``: the keys the
              index and the worker make for its names, the doc a query for the
              group puts first (a service page, -1 if none), and the names as
              written, which the worker marks in snippets.

The assembly never touches a single posting in Python: per page it maps the
page's terms to ids (in C) and joins pre-serialised JSON, so 1,000 notes take
a few tens of milliseconds. Pages made from the graph (:class:`SearchDoc`) are
few and analysed here, without Kiwi, the way the worker analyses queries.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..jsontext import compact
from .fields import DocFields, FieldCounter, PageTerms, page_terms, varints
from .korean import (
    SUFFIXES,
    UNIT_SCALES,
    UNITS,
    KoreanAnalyzer,
    name_key,
    normalise,
    vocabulary_analyse,
)
from .noteterms import FORMAT

#: Where the index goes, relative to ``docs/`` (generated files live under
#: ``assets/generated/``); the worker, served from ``assets/notesgraph/``,
#: fetches ``../generated/search-index.json`` relative to itself.
INDEX_PATH = "assets/generated/search-index.json"


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One searchable unit of a page made from the graph: the page or one of its sections.

    ``location`` is the site-relative URL (``services/lambda/#limits``); a page's
    own doc has no ``#``. ``text`` is plain text, no markup. If a page has no
    doc of its own, one is made from ``page_title`` (or the first doc's title).
    """

    location: str
    title: str
    text: str
    kind: str = "section"
    boost: float = 1.0
    page_title: str | None = None


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    """Names of one concept (``Cognito``, ``코그니토``, ``Amazon Cognito``).

    ``target`` is the location of the doc a query for one of the names puts
    first (the service page), or None.
    """

    label: str
    names: tuple[str, ...]
    target: str | None = None


@dataclass(frozen=True, slots=True)
class _Page:
    url: str
    kind: str
    boost: float
    terms: PageTerms
    locations: tuple[str, ...] = ()  # of the docs, for pages made here (synonym targets)


def assemble_index(
    notes: Mapping[str, PageTerms],
    urls: Mapping[str, str],
    extra_docs: Sequence[SearchDoc],
    synonyms: Sequence[SynonymGroup],
) -> str:
    """The whole index as compact JSON text (write it to :data:`INDEX_PATH`).

    ``notes`` maps a note's vault path to what :class:`~.noteterms.SearchAnalyser`
    made of it, ``urls`` the same path to its page URL; notes are laid out in
    path order, then the ``extra_docs`` pages in their order. The same input
    always gives the same bytes.
    """
    pages = [_Page(urls[path], "note", 1.0, notes[path]) for path in sorted(notes)]
    words = [p.terms.terms.split("\n") if p.terms.terms else [] for p in pages]
    vocabulary: set[str] = set().union(*words)
    groups = _synonym_groups(synonyms)
    keys = {k for _, group_keys, _, _ in groups for k in group_keys}
    extra = _extra_pages(extra_docs, vocabulary | keys, keys)
    pages += extra
    for page in extra:
        words.append(page.terms.terms.split("\n") if page.terms.terms else [])
        vocabulary.update(words[-1])

    terms = sorted(vocabulary)
    term_id = dict(zip(terms, range(len(terms)), strict=True))
    kinds = sorted({p.kind for p in pages})
    doc_at: dict[str, int] = {}
    first_doc = 0
    rows: list[str] = []
    for page, page_words in zip(pages, words, strict=True):
        ids = list(map(term_id.__getitem__, page_words))
        for n, location in enumerate(page.locations):
            doc_at.setdefault(location, first_doc + n)
        first_doc += page.terms.size
        rows.append(
            f"[{compact(page.url)},{kinds.index(page.kind)},{_number(page.boost)},"
            f'{page.terms.docs},"{varints(_delta(ids))}","{page.terms.postings}"]'
        )
    config = {
        "suffixes": list(SUFFIXES),
        "units": list(UNITS),
        "scales": {u: list(v) for u, v in sorted(UNIT_SCALES.items())},
    }
    synonym_rows = [
        [label, group_keys, doc_at.get(target, -1) if target else -1, spellings]
        for label, group_keys, target, spellings in groups
    ]
    return (
        f'{{"version":{FORMAT},"config":{compact(config)},"kinds":{compact(kinds)},'
        f'"terms":{compact(terms)},"pages":[{",".join(rows)}],"synonyms":{compact(synonym_rows)}}}'
    )


def with_page_docs(docs: Sequence[SearchDoc]) -> list[list[SearchDoc]]:
    """``docs`` grouped by page, each page's own doc first, made up if missing.

    Pages keep the order of their first doc; docs keep their order within a page.
    """
    pages: dict[str, list[SearchDoc]] = {}
    for doc in docs:
        pages.setdefault(doc.location.split("#", 1)[0], []).append(doc)
    out: list[list[SearchDoc]] = []
    for page, members in pages.items():
        own = [d for d in members if d.location == page]
        if not own:
            title = members[0].page_title or members[0].title
            own = [SearchDoc(page, title, "", members[0].kind, 1.0, title)]
        out.append([own[0], *(d for d in members if d is not own[0])])
    return out


def _extra_pages(docs: Sequence[SearchDoc], known: set[str], phrases: set[str]) -> list[_Page]:
    """Pages made from the graph, analysed like queries: their words' known stems."""
    counter = FieldCounter(KoreanAnalyzer(vocabulary_analyse(known)), phrases)
    pages: list[_Page] = []
    for members in with_page_docs(docs):
        page = members[0]
        fields = [DocFields(d.location.partition("#")[2], d.title, d.text) for d in members]
        pages.append(
            _Page(
                page.location,
                page.kind,
                page.boost,
                page_terms(fields, counter),
                tuple(d.location for d in members),
            )
        )
    return pages


def _synonym_groups(
    synonyms: Iterable[SynonymGroup],
) -> list[tuple[str, list[str], str | None, list[str]]]:
    """``(label, keys, target, spellings)`` per group, sorted by label.

    A key is a name's runs joined (:func:`.korean.name_key`): ``User Pools`` →
    ``userpools``, ``사용자 풀`` → ``사용자풀``, as the analyser makes it for a
    phrase in a note and the worker for a query. A key claimed by an earlier
    group is not repeated; a group left without keys is dropped.
    """
    taken: set[str] = set()
    out: list[tuple[str, list[str], str | None, list[str]]] = []
    for group in sorted(synonyms, key=lambda g: (g.label, g.target or "")):
        keys: list[str] = []
        spellings: list[str] = []
        for name in (group.label, *group.names):
            key = name_key(name)
            if key and key not in taken:
                taken.add(key)
                keys.append(key)
                spellings.append(" ".join(normalise(name).split()))
        if keys:
            out.append((group.label, keys, group.target, spellings))
    return out


def _delta(ids: list[int]) -> list[int]:
    """Delta-code increasing term ids (a page's terms are sorted, so its ids are too)."""
    return ids[:1] + list(map(operator.sub, ids[1:], ids))


def _number(value: float) -> float | int:
    """Boosts as short, stable JSON numbers (``1`` rather than ``1.0``)."""
    if math.isfinite(value) and value == int(value):
        return int(value)
    return round(value, 3)

"""The per-note half of the search index, run in the parse workers and cached with the parse.

:class:`SearchAnalyser` turns one parsed note into its :class:`~.fields.PageTerms`:
the note's page doc (title, aliases, text before the first heading) and one doc
per section, each with its terms, posting codes and short snippet. It is a
picklable ``PerNote`` (see :mod:`notesgraph.vault`): Kiwi is loaded at most once
per worker process, and the result is stored in the note cache under
:attr:`SearchAnalyser.fingerprint`, so a warm build analyses nothing.

Alias phrases (``API Gateway``, ``사용자 풀``) are found here against the names
of the service catalogue (packaged plus the vault's additions), which is why
the catalogue is part of the fingerprint; the graph is not needed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from ..fingerprint import source_fingerprint
from ..model import Note
from . import runstore
from .fields import DocFields, FieldCounter, PageTerms, page_terms
from .korean import KIWI_OPTIONS, KoreanAnalyzer, kiwi_loaded, kiwi_version, name_key

#: Bump when :class:`PageTerms` or the meaning of its fields changes.
FORMAT = 2

_COUNTERS: dict[str, FieldCounter] = {}  # one per fingerprint and process


def _source_fingerprint() -> str:
    """A hash of the search code, the catalogue code and data, Kiwi's version and options."""
    options = f"{FORMAT}:{kiwi_version()}:{sorted(KIWI_OPTIONS.items())}"
    return source_fingerprint(
        "search", "extract/catalog.py", "data/aws_services.yaml", extra=options
    )


def catalogue_keys(catalog_extra: Mapping[str, Any] | None = None) -> frozenset[str]:
    """Keys (:func:`.korean.name_key`) of every service and feature name of the catalogue."""
    from ..extract.catalog import CatalogError, load_catalog

    try:
        catalog = load_catalog(catalog_extra or None)
    except CatalogError:
        catalog = load_catalog()  # the pipeline reports a bad vault catalogue; search goes on
    keys = {name_key(name.text) for name, _service, _feature in catalog.entries()}
    keys.update(name_key(s.label) for s in catalog.services)
    keys.update(name_key(f.label) for s in catalog.services for f in s.features)
    keys.discard("")
    return frozenset(keys)


class SearchAnalyser:
    """A picklable ``Note → PageTerms`` function for one catalogue.

    Only the vault's catalogue additions travel to worker processes; each process
    builds its phrase list and loads Kiwi once, on the first note it analyses.
    ``fingerprint`` changes with the search code, the catalogue (packaged or
    added), the Kiwi version and :data:`FORMAT`, so cached results stay valid.
    """

    def __init__(self, catalog_extra: Mapping[str, Any] | None = None) -> None:
        self.catalog_extra = dict(catalog_extra or {})
        extras = json.dumps(self.catalog_extra, sort_keys=True, ensure_ascii=False, default=str)
        self.fingerprint = (
            "search:"
            + _source_fingerprint()
            + ":"
            + hashlib.blake2b(extras.encode(), digest_size=8).hexdigest()
        )

    @property
    def fork_safe(self) -> bool:
        """Whether a fork()ed child of this process can analyse: not once Kiwi (any
        Kiwi) is loaded here, since a child can wait forever for its threads."""
        return not kiwi_loaded()

    @property
    def loaded(self) -> bool:
        """Whether this process has Kiwi and the phrase list ready (the first note costs ~1 s)."""
        return self.fingerprint in _COUNTERS and (kiwi_loaded() or not kiwi_version())

    def counter(self) -> FieldCounter:
        found = _COUNTERS.get(self.fingerprint)
        if found is None:
            found = FieldCounter(KoreanAnalyzer(), catalogue_keys(self.catalog_extra))
            _COUNTERS[self.fingerprint] = found
        return found

    def __call__(self, note: Note) -> PageTerms:
        return page_terms(note_docs(note), self.counter())

    def flush(self) -> None:
        """Store the runs Kiwi analysed in this process (see :mod:`.runstore`)."""
        runstore.save()


def note_docs(note: Note) -> list[DocFields]:
    """The docs of a note's page: the page itself, then one per section with a heading.

    The page's own doc is titled with the note's title, holds the text before the
    first heading and has the note's aliases as context (searched, not shown). A
    section's text leaves out its heading line (that is the doc's title) and its
    context is the headings above it, so ``실행 한도`` under ``218. 람다 limit``
    is found by ``람다의 메모리``.
    """
    aliases = "\n".join(a for a in note.aliases if a != note.title)
    docs = [DocFields("", note.title, "", aliases)]
    for section in note.sections:
        if section.heading is None:
            docs[0] = DocFields("", note.title, section.text, aliases)
            continue
        first, _, rest = section.text.partition("\n")
        text = rest if first.strip() == section.title.strip() else section.text
        above = note.heading_path(section.heading)[:-1]
        context = "\n".join(h.text for h in above)
        docs.append(DocFields(section.anchor, section.title, text, context))
    return docs


def clear_memory() -> None:
    """Forget every in-process analysis (words, phrase lists): the next note is analysed cold."""
    from . import korean

    korean.clear_memory()
    _COUNTERS.clear()

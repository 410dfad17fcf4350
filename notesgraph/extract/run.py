"""Run every extractor over a note: mentions, limits, relations, comparisons.

Extraction is per note and pure, so it runs in the same worker processes as the
parse and is cached with it (see :class:`ConceptExtractor`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from ..fingerprint import source_fingerprint
from ..model import Note
from .comparisons import extract_comparisons
from .context import MatcherLike, NoteContext, key_of
from .facts import Mention, NoteConcepts
from .limits import extract_limits
from .relations import extract_relations


def _mentions(ctx: NoteContext) -> list[Mention]:
    note = ctx.note
    found: list[Mention] = []
    # One string per distinct key and surface in the note (kept, cached and loaded
    # once instead of once per mention: 340,000 mentions in a 5,000-note vault).
    words: dict[str, str] = {}
    for index, matches in enumerate(ctx.matches):
        block = note.blocks[index]
        spans = [(note.highlights[h].start, note.highlights[h].end) for h in block.highlights]
        source = ctx.source(index)
        for match in matches:
            highlighted = any(s <= match.start and match.end <= e for s, e in spans)
            key, surface = key_of(match), match.surface
            key, surface = words.setdefault(key, key), words.setdefault(surface, surface)
            found.append(Mention(key, surface, source, highlighted))
    return found


def extract_note(note: Note, matcher: MatcherLike) -> NoteConcepts:
    """All concepts stated in one note."""
    ctx = NoteContext(note, matcher)
    return NoteConcepts(
        path=note.path,
        mentions=_mentions(ctx),
        limits=extract_limits(ctx),
        relations=extract_relations(ctx),
        comparisons=extract_comparisons(ctx),
    )


def extract_vault(notes: Iterable[Note], matcher: MatcherLike) -> list[NoteConcepts]:
    return [extract_note(note, matcher) for note in notes]


_MATCHERS: dict[str, MatcherLike] = {}


def _source_fingerprint() -> str:
    """A hash of the extractor code and the packaged catalogue."""
    return source_fingerprint("extract", "data/aws_services.yaml")


class ConceptExtractor:
    """A picklable ``Note → NoteConcepts`` function for one catalogue.

    Only the vault's catalogue extras travel to worker processes; each process
    builds its matcher once. ``fingerprint`` changes whenever the extractor code,
    the packaged catalogue or the extras change, so cached results stay valid.
    """

    def __init__(self, catalog_extra: Mapping[str, Any] | None = None) -> None:
        self.catalog_extra = dict(catalog_extra or {})
        extras = json.dumps(self.catalog_extra, sort_keys=True, ensure_ascii=False, default=str)
        self.fingerprint = (
            _source_fingerprint()
            + ":"
            + hashlib.blake2b(extras.encode(), digest_size=8).hexdigest()
        )

    def matcher(self) -> MatcherLike:
        found = _MATCHERS.get(self.fingerprint)
        if found is None:
            from .catalog import load_catalog
            from .mentions import MentionMatcher, default_matcher

            found = (
                MentionMatcher(load_catalog(self.catalog_extra))
                if self.catalog_extra
                else default_matcher()
            )
            _MATCHERS[self.fingerprint] = found
        return found

    def __call__(self, note: Note) -> NoteConcepts:
        return extract_note(note, self.matcher())

"""Run every extractor over the published notes: mentions, limits, relations, comparisons.

Extraction is per note and pure, so its result can be cached with the note's
parse; :func:`extract_vault` only loops.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Note
from .comparisons import extract_comparisons
from .context import MatcherLike, NoteContext, key_of
from .facts import Mention, NoteConcepts
from .limits import extract_limits
from .relations import extract_relations


def _mentions(ctx: NoteContext) -> list[Mention]:
    note = ctx.note
    found: list[Mention] = []
    for index, matches in enumerate(ctx.matches):
        block = note.blocks[index]
        spans = [(note.highlights[h].start, note.highlights[h].end) for h in block.highlights]
        source = ctx.source(index)
        for match in matches:
            highlighted = any(s <= match.start and match.end <= e for s, e in spans)
            found.append(Mention(key_of(match), match.surface, source, highlighted))
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

"""Which service a piece of a note is about.

A limit like ``- **메모리**: 128MB ~ 10GB`` names no service; it belongs to the
service of its heading (``# 218. 람다 limit`` → Lambda), or of a parent list item,
or of the note's title. :class:`NoteContext` runs the mention matcher once per
block and answers "what is this block about?" for every extractor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..model import Note
from .facts import Source, concept_key


class MatchLike(Protocol):
    """The parts of :class:`notesgraph.extract.mentions.Mention` used here.

    Read-only properties, so a frozen dataclass satisfies the protocol.
    """

    @property
    def service(self) -> str: ...
    @property
    def feature(self) -> str | None: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def surface(self) -> str: ...


class MatcherLike(Protocol):
    def find(self, text: str) -> Sequence[MatchLike]: ...


def key_of(match: MatchLike) -> str:
    return concept_key(match.service, match.feature)


class NoteContext:
    """Mentions of every block of one note, and the subject of each block."""

    def __init__(self, note: Note, matcher: MatcherLike) -> None:
        self.note = note
        self.matches: list[Sequence[MatchLike]] = [matcher.find(b.text) for b in note.blocks]
        title_matches = matcher.find(note.title)
        self.title_subject = key_of(title_matches[0]) if title_matches else None
        self.heading_subjects = self._heading_subjects(matcher)

    def _heading_subjects(self, matcher: MatcherLike) -> list[str | None]:
        """Subject per heading: its own first mention, else its parent's.

        A heading that names no service and has no lecture number continues the
        topic of the heading before it at the same level (``# 심화 개념`` after
        ``# 223. Amazon DynamoDB``).
        """
        subjects: list[str | None] = []
        last_at_level: dict[int, int] = {}
        for index, heading in enumerate(self.note.headings):
            found = matcher.find(heading.text)
            subject = key_of(found[0]) if found else None
            if subject is None and heading.parent is not None:
                subject = subjects[heading.parent]
            if subject is None and heading.lecture is None and heading.level in last_at_level:
                subject = subjects[last_at_level[heading.level]]
            subjects.append(subject)
            last_at_level[heading.level] = index
            for deeper in [lvl for lvl in last_at_level if lvl > heading.level]:
                del last_at_level[deeper]
        return subjects

    def section_subject(self, section: int) -> str | None:
        heading = self.note.sections[section].heading if section < len(self.note.sections) else None
        if heading is not None and self.heading_subjects[heading]:
            return self.heading_subjects[heading]
        return self.title_subject

    def block_subject(self, block: int) -> str | None:
        """The first concept named in the block, its parent items, or its section."""
        current: int | None = block
        while current is not None:
            if self.matches[current]:
                return key_of(self.matches[current][0])
            current = self.note.blocks[current].parent
        return self.section_subject(self.note.blocks[block].section)

    def parent_subject(self, block: int) -> str | None:
        """Like :meth:`block_subject` but not counting the block's own words."""
        parent = self.note.blocks[block].parent
        if parent is not None:
            return self.block_subject(parent)
        return self.section_subject(self.note.blocks[block].section)

    def source(self, block: int) -> Source:
        b = self.note.blocks[block]
        return Source(note=self.note.path, section=b.section, line=b.line, text=b.text)

"""Resolve links the way Obsidian does.

Order: the exact vault path (``.md`` optional), then the file name anywhere in
the vault, where the shortest path (fewest folders) wins and a tie is reported as
ambiguous. Matching ignores case and Unicode normalisation form. Markdown links
are tried relative to the linking note first. ``#heading`` becomes the target's
anchor, ``#^id`` its block. A path that climbs out of the vault is refused.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

from .model import Link, Note
from .slugs import nfc, slugify

Status = Literal["ok", "missing", "ambiguous", "missing-heading", "missing-block", "refused"]
_MARKUP = re.compile(r"[*_=`\[\]]")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


@dataclass(frozen=True, slots=True)
class Resolution:
    status: Status
    kind: Literal["note", "attachment", "none"] = "none"
    path: str | None = None
    anchor: str | None = None  # heading anchor, or "^id" for a block
    candidates: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        return self.path is not None


def _key(text: str) -> str:
    return nfc(text).casefold()


def heading_key(text: str) -> str:
    """How heading text is compared: no markup, no case, single spaces."""
    return " ".join(_MARKUP.sub("", nfc(text)).casefold().split())


def _strip_md(path: str) -> str:
    return path[:-3] if path.lower().endswith(".md") else path


def escapes_vault(target: str) -> bool:
    """True for ``..`` segments, drive letters and other ways out of the vault."""
    decoded = unquote(target).replace("\\", "/")
    if _WINDOWS_DRIVE.match(decoded) or decoded.startswith("~/"):
        return True
    return ".." in decoded.split("/")


class LinkIndex:
    """Lookup tables over the vault's notes and attachments."""

    def __init__(self, notes: Mapping[str, Note], attachments: Iterable[str]) -> None:
        self.notes = notes
        self._note_paths: dict[str, list[str]] = {}
        self._note_names: dict[str, list[str]] = {}
        self._file_paths: dict[str, list[str]] = {}
        self._file_names: dict[str, list[str]] = {}
        for path in sorted(notes):
            bare = _strip_md(path)
            self._note_paths.setdefault(_key(bare), []).append(path)
            self._note_names.setdefault(_key(bare.rsplit("/", 1)[-1]), []).append(path)
        for path in sorted(attachments):
            self._file_paths.setdefault(_key(path), []).append(path)
            self._file_names.setdefault(_key(path.rsplit("/", 1)[-1]), []).append(path)

    # -- public ---------------------------------------------------------------

    def resolve(self, link: Link, source: str) -> Resolution:
        """Where ``link``, written in the note at ``source``, leads."""
        if not link.target:
            return self._fragment(link, source, "note")
        target = unquote(link.target).replace("\\", "/")
        if link.kind in ("markdown", "image"):
            if _WINDOWS_DRIVE.match(target) or target.startswith(("~/", "/")):
                found = self._exact(target.lstrip("/")) if target.startswith("/") else None
                return self._fragment(link, found[0], found[1]) if found else Resolution("refused")
            relative = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
            if relative == ".." or relative.startswith("../"):
                return Resolution("refused")
            found = self._exact(relative)
            if found:
                return self._fragment(link, found[0], found[1])
            if ".." in target.split("/"):
                return Resolution("missing")
        elif escapes_vault(target):
            return Resolution("refused")
        if target.startswith("/"):
            # Obsidian reads "/x" from the vault root; anything else there is a disk path.
            found = self._exact(target.lstrip("/"))
            return self._fragment(link, found[0], found[1]) if found else Resolution("refused")
        found = self._exact(target)
        if found:
            return self._fragment(link, found[0], found[1])
        folder = posixpath.dirname(source)
        if folder and link.kind in ("wikilink", "embed"):
            # A note beside the linking note wins over same-named notes elsewhere.
            found = self._exact(posixpath.join(folder, target))
            if found:
                return self._fragment(link, found[0], found[1])
        return self._by_name(link, target)

    def resolve_heading(self, path: str, heading: str) -> str | None:
        """The anchor of ``heading`` (``A#B`` for B under A) in the note at ``path``."""
        note = self.notes.get(path)
        if note is None:
            return None
        wanted = [heading_key(part) for part in heading.split("#") if part.strip()]
        if not wanted:
            return None
        matches = [h for h in note.headings if heading_key(h.text) == wanted[-1]]
        if not matches:
            # Markdown links often carry the anchor itself: [x](Note.md#인스턴스-유형)
            slug = slugify(heading.split("#")[-1])
            matches = [h for h in note.headings if h.anchor == slug]
        if len(wanted) > 1:
            for candidate in matches:
                ancestors = {
                    heading_key(h.text) for h in note.heading_path(note.headings.index(candidate))
                }
                if set(wanted[:-1]) <= ancestors:
                    return candidate.anchor
        return matches[0].anchor if matches else None

    # -- steps ------------------------------------------------------------------

    def _exact(self, target: str) -> tuple[str, Literal["note", "attachment"]] | None:
        notes = self._note_paths.get(_key(_strip_md(target)))
        if notes:
            return notes[0], "note"
        files = self._file_paths.get(_key(target))
        if files:
            return files[0], "attachment"
        return None

    def _by_name(self, link: Link, target: str) -> Resolution:
        name_key = _key(_strip_md(target).rsplit("/", 1)[-1])
        kind: Literal["note", "attachment"] = "note"
        candidates = self._note_names.get(name_key, [])
        if not candidates:
            kind = "attachment"
            candidates = self._file_names.get(_key(target.rsplit("/", 1)[-1]), [])
        if "/" in target:
            suffix = "/" + _key(_strip_md(target) if kind == "note" else target)
            candidates = [
                c
                for c in candidates
                if ("/" + _key(_strip_md(c) if kind == "note" else c)).endswith(suffix)
            ]
        if not candidates:
            return Resolution("missing")
        ranked = sorted(candidates, key=lambda c: (c.count("/"), c))
        best = ranked[0]
        ties = tuple(c for c in ranked if c.count("/") == best.count("/"))
        resolved = self._fragment(link, best, kind)
        if len(ties) > 1 and resolved.status == "ok":
            return Resolution("ambiguous", kind, best, resolved.anchor, ties)
        return resolved

    def _fragment(self, link: Link, path: str, kind: Literal["note", "attachment"]) -> Resolution:
        if kind == "attachment" or not (link.heading or link.block):
            return Resolution("ok", kind, path)
        note = self.notes[path]
        if link.block:
            if link.block in note.block_ids:
                return Resolution("ok", kind, path, "^" + link.block)
            return Resolution("missing-block", kind, path)
        anchor = self.resolve_heading(path, link.heading or "")
        if anchor is None:
            return Resolution("missing-heading", kind, path)
        return Resolution("ok", kind, path, anchor)

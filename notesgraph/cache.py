"""Parse results cached on disk by file content, so an edit re-parses one note.

One pickle file maps ``(path, blake2b of the bytes)`` to the parsed note and its
decoding warnings. The key also carries a fingerprint of the parser's own source
files, so a new notesgraph never reads notes parsed by an old one. The cache
lives outside the vault (the vault is never written).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

from .model import Diagnostic, Note

_PARSER_MODULES = ("model.py", "parse.py", "decode.py", "slugs.py", "markdown", "cache.py")


class Entry(NamedTuple):
    """One note's cached work: its parse (None if skipped), read problems, derived results."""

    note: Note | None
    problems: tuple[Diagnostic, ...]
    derived: dict[str, Any]  # e.g. extracted concepts, keyed by the extractor's fingerprint


def parser_fingerprint() -> str:
    """A hash of the modules whose output the cache stores."""
    digest = hashlib.blake2b(digest_size=8)
    package = Path(__file__).parent
    for name in _PARSER_MODULES:
        target = package / name
        files = sorted(target.glob("*.py")) if target.is_dir() else [target]
        for file in files:
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def content_key(path: str, data: bytes) -> str:
    return path + "\x00" + hashlib.blake2b(data, digest_size=16).hexdigest()


class NoteCache:
    """Load once, look up many, save once (only if something changed)."""

    def __init__(self, directory: Path | None) -> None:
        self.file = directory / "notes.pickle" if directory else None
        self.fingerprint = parser_fingerprint()
        self.entries: dict[str, Entry] = {}
        self.used: set[str] = set()
        self.dirty = False
        self.hits = self.misses = 0
        if self.file and self.file.is_file():
            self._load()

    def _load(self) -> None:
        assert self.file is not None
        try:
            with self.file.open("rb") as handle:
                data: Any = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                IndexError, TypeError, ValueError):
            return  # a damaged cache is simply rebuilt
        if isinstance(data, dict) and data.get("fingerprint") == self.fingerprint:
            self.entries = data.get("entries", {})

    def get(self, key: str) -> Entry | None:
        entry = self.entries.get(key)
        if entry is None:
            self.misses += 1
        else:
            self.hits += 1
            self.used.add(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.entries[key] = entry
        self.used.add(key)
        self.dirty = True

    def save(self) -> None:
        """Write atomically, dropping entries of notes that no longer exist."""
        if not self.file:
            return
        stale = set(self.entries) - self.used
        if not self.dirty and not stale:
            return
        entries = {k: v for k, v in self.entries.items() if k in self.used}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".notes-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump({"fingerprint": self.fingerprint, "entries": entries}, handle,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.file)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

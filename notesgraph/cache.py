"""Parse results cached on disk by file content, so an edit re-parses one note.

Each entry maps ``(path, blake2b of the bytes)`` to the parsed note, its decoding
warnings and the results of the per-note steps run with it (concepts, search
terms). Entries carry a fingerprint of the parser's own source files, so a new
notesgraph never reads notes parsed by an old one. The cache lives outside the
vault (the vault is never written).
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Callable, Collection, Iterable
from contextlib import closing, suppress
from pathlib import Path
from typing import Any, NamedTuple

from .fingerprint import source_fingerprint
from .model import Diagnostic, Note, NoteOutline

_PARSER_MODULES = (
    "model.py",
    "parse.py",
    "frontmatter.py",
    "noterender.py",
    "decode.py",
    "slugs.py",
    "markdown",
    "cache.py",
)


class Entry(NamedTuple):
    """One note's cached work: its parse (None if skipped), read problems, derived results."""

    note: Note | None
    problems: tuple[Diagnostic, ...]
    derived: dict[str, Any]  # e.g. extracted concepts, keyed by the extractor's fingerprint


def parser_fingerprint() -> str:
    """A hash of the modules whose output the cache stores."""
    return source_fingerprint(*_PARSER_MODULES)


def content_key(path: str, data: bytes) -> str:
    return path + "\x00" + hashlib.blake2b(data, digest_size=16).hexdigest()


_SHARED: dict[Path | None, NoteCache] = {}

#: NoteCache.write sends its rows to the file in batches of about this many bytes.
_WRITE_BATCH = 8 << 20


def encode(entry: Entry) -> bytes:
    """An entry as stored (a note outline cannot be: it has lost its texts)."""
    if isinstance(entry.note, NoteOutline):
        raise TypeError(f"{entry.note.path}: a note outline is not stored")
    return pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)


def _unpickle(data: bytes) -> Entry | None:
    """An entry, or None for a row written by something else or damaged."""
    try:
        entry = pickle.loads(data)
    except (
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        IndexError,
        TypeError,
        ValueError,
    ):
        return None
    return entry if isinstance(entry, Entry) else None


class NoteCache:
    """Look up many, write back only what changed.

    One SQLite file holds a pickled :class:`Entry` per note version. Opening reads
    the keys; :meth:`preload` unpickles the wanted entries in one streaming pass
    (:meth:`get` alone fetches a single row); saving writes the new rows and deletes
    the rows of notes that are gone, so editing one note rewrites one row, not the
    whole cache. A damaged or
    foreign cache file is simply started afresh.
    """

    def __init__(self, directory: Path | None) -> None:
        self.file = directory / "notes.sqlite" if directory else None
        self.fingerprint = parser_fingerprint()
        self._stored: set[str] = set()  # keys of the rows in the file for this fingerprint
        self.entries: dict[str, Entry] = {}
        self.used: set[str] = set()
        self._new: set[str] = set()
        self._rows: list[tuple[str, str, bytes]] = []  # written, not yet in the file
        self._row_bytes = 0
        self.hits = self.misses = 0
        if self.file and self.file.is_file():
            self._load()

    @classmethod
    def shared(cls, directory: Path | None) -> NoteCache:
        """One cache per folder for the life of the process (``serve`` rebuilds reuse
        what earlier builds unpickled)."""
        cache = _SHARED.get(directory)
        if cache is None or cache.fingerprint != parser_fingerprint():
            cache = _SHARED[directory] = cls(directory)
        cache.used.clear()
        cache.hits = cache.misses = 0
        return cache

    def _connect(self) -> sqlite3.Connection:
        assert self.file is not None
        connection = sqlite3.connect(self.file, timeout=30)
        connection.execute(
            "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, fingerprint TEXT, data BLOB)"
        )
        return connection

    def _load(self) -> None:
        try:
            with closing(self._connect()) as connection:
                rows = connection.execute(
                    "SELECT key FROM entries WHERE fingerprint = ?", (self.fingerprint,)
                ).fetchall()
        except sqlite3.Error:
            self._reset()
            return
        self._stored = {key for (key,) in rows}

    def preload(
        self, keys: Iterable[str], transform: Callable[[Entry], Entry] | None = None
    ) -> None:
        """Unpickle the entries for ``keys`` in one pass over the file, one row in memory
        at a time (reading all rows first held 150 MB of bytes for 5,000 notes).
        ``transform`` is applied to each entry as it is read, before the next one is
        (to keep less of it); a transformed entry must not be ``put`` back."""
        wanted = {key for key in keys if key in self._stored and key not in self.entries}
        if not wanted or not self.file:
            return
        try:
            with closing(self._connect()) as connection:
                rows = connection.execute(
                    "SELECT key, data FROM entries WHERE fingerprint = ?", (self.fingerprint,)
                )
                for key, data in rows:
                    if key in wanted:
                        entry = _unpickle(data)
                        if entry is not None:
                            self.entries[key] = transform(entry) if transform else entry
        except sqlite3.Error:
            return

    def _fetch(self, key: str) -> Entry | None:
        assert self.file is not None
        try:
            with closing(self._connect()) as connection:
                row = connection.execute(
                    "SELECT data FROM entries WHERE key = ? AND fingerprint = ?",
                    (key, self.fingerprint),
                ).fetchone()
        except sqlite3.Error:
            return None
        return _unpickle(row[0]) if row else None

    def _reset(self) -> None:
        assert self.file is not None
        with suppress(OSError):
            self.file.unlink()

    def has(self, key: str) -> bool:
        """Whether an entry is stored for ``key`` (it may still fail to load)."""
        return key in self.entries or key in self._stored

    def get(self, key: str) -> Entry | None:
        entry = self.entries.get(key)
        if entry is None and key in self._stored:  # not preloaded: this row alone
            entry = self._fetch(key)
            if entry is not None:
                self.entries[key] = entry
        if entry is None:
            self.misses += 1
        else:
            self.hits += 1
            self.used.add(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.entries[key] = entry
        self.used.add(key)
        self._new.add(key)

    def write(self, key: str, data: bytes) -> None:
        """Store an entry (as :func:`encode` gives it) without keeping it in memory
        (written a few megabytes at a time; :meth:`save` writes the rest)."""
        self.used.add(key)
        if not self.file:
            return
        self._rows.append((key, self.fingerprint, data))
        self._row_bytes += len(data)
        if self._row_bytes >= _WRITE_BATCH:
            self._flush()

    def save(self) -> None:
        """Write the new entries and drop those of notes that no longer exist."""
        if not self.file:
            return
        stale = self._stored - self.used
        for key in set(self.entries) - self.used:  # notes gone or changed: forget them
            del self.entries[key]
        self._rows += [
            (key, self.fingerprint, encode(self.entries[key])) for key in sorted(self._new)
        ]
        if (self._rows or stale) and not self._flush(stale, final=True):
            return  # the new entries are tried again at the next save (serve)
        self._new.clear()

    def _flush(self, stale: Collection[str] = (), final: bool = False) -> bool:
        """In one transaction: drop other parser versions' rows and ``stale`` ones, insert
        the rows written so far. A failure mid-build leaves those notes uncached (parsed
        again next time); at the end (``final``) the file is started afresh."""
        assert self.file is not None
        rows, self._rows, self._row_bytes = self._rows, [], 0
        self.file.parent.mkdir(parents=True, exist_ok=True)
        try:
            with closing(self._connect()) as connection, connection:
                connection.execute(
                    "DELETE FROM entries WHERE fingerprint != ?", (self.fingerprint,)
                )
                connection.executemany(
                    "DELETE FROM entries WHERE key = ?", [(key,) for key in sorted(stale)]
                )
                connection.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)
        except sqlite3.Error:
            if final:
                self._reset()  # this build has its results
            return False
        self._stored.update(key for key, _, _ in rows)
        self._stored.difference_update(stale)
        return True

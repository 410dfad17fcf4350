"""Kiwi's analyses kept between processes, in the cache folder.

Kiwi takes ~1.7 s of CPU to load and warm up in each process that needs it, and a
one-note rebuild needed it for the changed note alone (in a background child, on
one of two cores the rest of the build wanted). A run of Hangul is always analysed
on its own (see :mod:`.korean`), so its morphemes are the same in every process: they
are kept here (SQLite, one row per run) by the process that asked Kiwi, and a later
process asks Kiwi only for runs nobody has analysed before. Rows are for one Kiwi
version and set of options; a store made by another is emptied.

Any error (a damaged file, a read-only folder) only costs the asking.
"""

from __future__ import annotations

import json
import multiprocessing.util
import os
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

FILE = "kiwi-runs.sqlite"
_CHUNK = 500  # runs per query (SQLite's limit on parameters is higher)

_path: Path | None = None
_identity = ""
_unsaved: dict[str, Any] = {}  # runs Kiwi analysed in this process, not stored yet
_finalizer_pid = 0


def use(folder: Path | None, identity: str) -> None:
    """Keep analyses in ``folder`` (None: nowhere) for the analyser ``identity``
    (Kiwi's version and options): processes forked from here inherit it."""
    global _path, _identity
    _path = folder / FILE if folder is not None else None
    _identity = identity
    _unsaved.clear()


def active() -> bool:
    return _path is not None


def fetch(runs: Sequence[str]) -> dict[str, Any]:
    """The stored morphemes of those of ``runs`` a process analysed before."""
    if _path is None or not runs or not _path.exists():
        return {}
    found: dict[str, Any] = {}
    try:
        with closing(_connect(_path)) as connection:
            for start in range(0, len(runs), _CHUNK):
                chunk = runs[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for run, morphs in connection.execute(
                    f"SELECT run, morphs FROM runs WHERE run IN ({marks})", chunk
                ):
                    found[run] = tuple(tuple(m) for m in json.loads(morphs))
    except (sqlite3.Error, OSError, ValueError, TypeError):
        return {}
    return found


def remember(analysed: Iterable[tuple[str, Any]]) -> None:
    """Runs Kiwi just analysed here: stored by :func:`save` (called by the build, or
    when a parse worker exits)."""
    global _finalizer_pid
    if _path is None:
        return
    _unsaved.update(analysed)
    if _unsaved and _finalizer_pid != os.getpid():
        # Parse workers end without the build asking them: save on their way out.
        _finalizer_pid = os.getpid()
        multiprocessing.util.Finalize(None, save, exitpriority=10)


def save() -> None:
    """Store what Kiwi analysed here since the last save."""
    if _path is None or not _unsaved:
        return
    rows = [(run, json.dumps(morphs, ensure_ascii=False)) for run, morphs in _unsaved.items()]
    _unsaved.clear()
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        with closing(_connect(_path)) as connection, connection:
            connection.executemany("INSERT OR IGNORE INTO runs VALUES (?, ?)", rows)
    except (sqlite3.Error, OSError):
        pass


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=10)
    with connection:
        connection.execute("CREATE TABLE IF NOT EXISTS runs (run TEXT PRIMARY KEY, morphs TEXT)")
        connection.execute("CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT)")
        row = connection.execute("SELECT value FROM about WHERE key = 'analyser'").fetchone()
        if row is None or row[0] != _identity:
            connection.execute("DELETE FROM runs")
            connection.execute("INSERT OR REPLACE INTO about VALUES ('analyser', ?)", (_identity,))
    return connection

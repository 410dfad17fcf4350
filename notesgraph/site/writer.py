"""Write generated files into docs/: only what changed, never a hand-written file.

A manifest (``docs/.notesgraph-manifest.json``) lists what notesgraph wrote last
time, so stale generated pages are removed and hand-written pages (a home page,
assets) are never overwritten. Unchanged files keep their modification time,
which lets MkDocs' dirty build skip them.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Diagnostic

MANIFEST = ".notesgraph-manifest.json"


@dataclass
class WriteStats:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: list[Diagnostic] = field(default_factory=list)


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".ng-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the site must be readable by a server
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _same_file(source: Path, target: Path) -> bool:
    try:
        a, b = source.stat(), target.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns <= b.st_mtime_ns


def read_manifest(docs: Path) -> set[str]:
    try:
        data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {str(p) for p in data.get("files", [])} if isinstance(data, dict) else set()


def write_docs(docs: Path, texts: dict[str, str], copies: dict[str, Path]) -> WriteStats:
    """Bring docs/ in line with ``texts`` (generated pages and data) and ``copies`` (files)."""
    stats = WriteStats()
    previous = read_manifest(docs)
    produced: set[str] = set()
    for rel, text in sorted(texts.items()):
        target = docs / rel
        if not _claimable(target, rel, previous, stats):
            continue
        produced.add(rel)
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                stats.unchanged += 1
                continue
        except OSError:
            pass
        _atomic_write(target, data)
        stats.written.append(rel)
    for rel, source in sorted(copies.items()):
        target = docs / rel
        if not _claimable(target, rel, previous, stats):
            continue
        produced.add(rel)
        if _same_file(source, target):
            stats.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        stats.written.append(rel)
    for rel in sorted(previous - produced):
        stale = docs / rel
        if stale.is_file():
            stale.unlink()
            stats.removed.append(rel)
            _prune_empty(stale.parent, docs)
    _atomic_write(docs / MANIFEST,
                  (json.dumps({"files": sorted(produced)}, ensure_ascii=False, indent=0) + "\n").encode())
    return stats


def _claimable(target: Path, rel: str, previous: set[str], stats: WriteStats) -> bool:
    """A path is ours if we wrote it before or nothing is there yet."""
    if rel in previous or not target.exists():
        return True
    stats.skipped.append(
        Diagnostic(f"docs/{rel}", 0, "hand-written-kept",
                   "a hand-written file is where a generated page would go",
                   "kept; the generated page is not written")
    )
    return False


def _prune_empty(folder: Path, docs: Path) -> None:
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent

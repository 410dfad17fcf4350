"""Write generated files into docs/: only what changed, never a hand-written file.

A manifest (``docs/.notesgraph-manifest.json``) lists what notesgraph wrote last
time, so stale generated pages are removed and hand-written pages (a home page,
assets) are never overwritten. Unchanged files keep their modification time,
which lets MkDocs' dirty build skip them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Diagnostic

MANIFEST = ".notesgraph-manifest.json"
#: Data files the site's scripts read (maps, search, notes tree, vendored scripts). MkDocs
#: is told to skip this folder; the build places it into the finished site itself.
GENERATED = "assets/generated"


@dataclass
class WriteStats:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept: int = 0  # of the unchanged: pages not even rendered (see DocsWriter.keep)
    removed: list[str] = field(default_factory=list)
    skipped: list[Diagnostic] = field(default_factory=list)


def atomic_write(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` by renaming a finished file over it: a reader never sees
    half a file, and a hard link that was there (shared with the live site) is replaced,
    never written through."""
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


def replace_with_copy(source: Path, target: Path) -> None:
    """Put a copy of ``source`` (with its times) at ``target`` by renaming a finished copy
    over it: the site links the attachments it copies from docs/ (see mkbuild), so a file
    there is never written into."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".ng-", suffix=".tmp")
    os.close(fd)
    try:
        shutil.copy2(source, tmp)
        os.replace(tmp, target)
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


#: A page's record: its signature (see pagesigs) and the problems its rendering
#: reported, kept for its file in docs/ as written (its size and modification time).
Record = tuple[str, list[Diagnostic]]


class PageRecords:
    """The records of the pages in one docs/ folder, kept in the cache folder (a
    build without a cache renders every page): a file per docs/ folder, the few
    written last."""

    FOLDER = "page-records"
    KEEP = 4  # docs/ folders remembered per cache

    def __init__(self, cache_dir: Path, docs: Path) -> None:
        where = str(docs.resolve())
        name = hashlib.blake2b(where.encode(), digest_size=8).hexdigest() + ".json"
        self.file = cache_dir / self.FOLDER / name
        self.docs = docs
        self._where = where
        self._on_disk: dict[str, Any] = {}
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("docs") == where and isinstance(data.get("pages"), dict):
                self._on_disk = data["pages"]
        except (OSError, ValueError, AttributeError):
            pass

    def valid(self) -> dict[str, Record]:
        """The records whose files are as the build that recorded them left them."""
        found: dict[str, Record] = {}
        for rel, record in self._on_disk.items():
            try:
                signature, size, mtime, problems = record
                stat = (self.docs / rel).stat()
                if (stat.st_size, stat.st_mtime_ns) == (size, mtime):
                    found[rel] = (str(signature), [Diagnostic(*p) for p in problems])
            except (OSError, TypeError, ValueError):
                continue
        return found

    def about_to_change(self, rel: str) -> None:
        """Drop the records on disk before a recorded page is written again: a build
        stopped before :meth:`save` must not leave a record that could pass for the new
        file (same size, within the file system's time step)."""
        if rel in self._on_disk:
            self._on_disk = {}
            with suppress(OSError):
                self.file.unlink()

    def save(self, records: Mapping[str, Record]) -> None:
        pages = {}
        for rel, (signature, problems) in sorted(records.items()):
            try:
                stat = (self.docs / rel).stat()
            except OSError:
                continue
            rows = [[p.path, p.line, p.code, p.message, p.action, p.severity] for p in problems]
            pages[rel] = [signature, stat.st_size, stat.st_mtime_ns, rows]
        data = {"docs": self._where, "pages": pages}
        with suppress(OSError):
            atomic_write(self.file, json.dumps(data, ensure_ascii=False).encode("utf-8"))
            others = sorted(
                (f for f in self.file.parent.glob("*.json") if f != self.file),
                key=lambda f: f.stat().st_mtime_ns,
            )
            for stale in others[: max(0, len(others) - (self.KEEP - 1))]:
                stale.unlink()


class DocsWriter:
    """Writes generated files into docs/ in one or more rounds, then removes stale ones.

    Rounds let the map and search data, computed in the background, arrive after
    the pages without the pages' round deleting the previous data files.
    """

    def __init__(self, docs: Path, records: PageRecords | None = None) -> None:
        self.docs = docs
        self.previous = read_manifest(docs)
        self.records = records
        self._records: dict[str, Record] = {}
        self.produced: set[str] = set()
        self.stats = WriteStats()

    def keep(self, paths: Iterable[str]) -> None:
        """Pages left as an earlier build wrote them (their records said so)."""
        for rel in paths:
            self.produced.add(rel)
            self.stats.unchanged += 1
            self.stats.kept += 1

    def record(self, records: Mapping[str, Record]) -> None:
        """Pages' records, saved by :meth:`finish` with their files' sizes and times."""
        self._records.update(records)

    def write(self, texts: dict[str, str], copies: dict[str, Path]) -> list[str]:
        """Write what changed; return the docs paths written this round."""
        written: list[str] = []
        for rel, text in sorted(texts.items()):
            target = self.docs / rel
            if not _claimable(target, rel, self.previous, self.stats):
                continue
            self.produced.add(rel)
            data = text.encode("utf-8")
            try:
                if target.read_bytes() == data:
                    self.stats.unchanged += 1
                    continue
            except OSError:
                pass
            if self.records is not None:
                self.records.about_to_change(rel)
            atomic_write(target, data)
            written.append(rel)
        for rel, source in sorted(copies.items()):
            target = self.docs / rel
            if not _claimable(target, rel, self.previous, self.stats):
                continue
            self.produced.add(rel)
            if _same_file(source, target):
                self.stats.unchanged += 1
                continue
            replace_with_copy(source, target)
            written.append(rel)
        self.stats.written += written
        return written

    def drop_stale(self, keep_under: str) -> None:
        """Remove now what earlier builds generated and this one did not, except under
        ``keep_under`` (data a later round writes). Called before MkDocs reads docs/:
        a note deleted or made private must not be built again from its old page."""
        prefix = keep_under.rstrip("/") + "/"
        self._remove(rel for rel in self.previous - self.produced if not rel.startswith(prefix))

    def finish(self) -> WriteStats:
        """Remove what earlier builds generated and this one did not; save the manifest."""
        self._remove(self.previous - self.produced)
        if self.records is not None:
            self.records.save(self._records)
        manifest = {"files": sorted(self.produced)}
        atomic_write(
            self.docs / MANIFEST,
            (json.dumps(manifest, ensure_ascii=False, indent=0) + "\n").encode(),
        )
        return self.stats

    def _remove(self, stale_files: Iterable[str]) -> None:
        for rel in sorted(stale_files):
            stale = self.docs / rel
            if stale.is_file():
                stale.unlink()
                self.stats.removed.append(rel)
                _prune_empty(stale.parent, self.docs)


def _claimable(target: Path, rel: str, previous: set[str], stats: WriteStats) -> bool:
    """A path is ours if we wrote it before or nothing is there yet."""
    if rel in previous or not target.exists():
        return True
    stats.skipped.append(
        Diagnostic(
            f"docs/{rel}",
            0,
            "hand-written-kept",
            "a hand-written file is where a generated page would go",
            "kept; the generated page is not written",
        )
    )
    return False


def link_into(source: Path, target: Path) -> None:
    """Put a hard link to ``source`` at ``target`` (a copy where links fail), replacing
    what is there without writing through it: it may be a link the live site shares.
    Raises OSError when neither works."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with suppress(FileNotFoundError):
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _prune_empty(folder: Path, docs: Path) -> None:
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def place_generated(
    site: Path,
    texts: dict[str, str],
    copies: dict[str, Path],
    written: DocsWriter | None = None,
) -> None:
    """Make ``site/assets/generated`` hold exactly these files.

    Files are replaced, never written into: in an incremental build they may be
    hard links shared with the site being served. Texts that ``written`` put into
    docs/ (or found there unchanged) are hard-linked from there, which costs a
    fraction of writing a thousand small files again; the writer, like this
    function, only ever replaces files.
    """
    prefix = GENERATED + "/"
    wanted = {rel for rel in [*texts, *copies] if rel.startswith(prefix)}
    root = site / GENERATED
    if root.is_dir():
        for file in sorted(root.rglob("*")):
            if file.is_file() and str(file.relative_to(site)).replace("\\", "/") not in wanted:
                file.unlink()
    for rel, text in texts.items():
        if rel.startswith(prefix):
            target = site / rel
            if written is not None and rel in written.produced:
                try:
                    link_into(written.docs / rel, target)
                    continue
                except OSError:
                    pass
            atomic_write(target, text.encode("utf-8"))
    for rel, source in copies.items():
        if rel.startswith(prefix):
            replace_with_copy(source, site / rel)

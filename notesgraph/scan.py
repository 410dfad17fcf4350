"""List the files of a vault the way Obsidian sees them, without reading their text.

Dot folders (``.obsidian``, ``.trash``, ``.git``) and excluded paths are skipped;
symlinks are followed only while they stay inside the vault; every path is
vault-relative, POSIX and NFC (macOS writes Hangul names as NFD). This module
and :mod:`notesgraph.vault` are the only readers of the vault; nothing writes to it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .config import CONFIG_NAMES, VaultConfig
from .model import Diagnostic
from .slugs import nfc

NOTE_SUFFIX = ".md"


@dataclass(frozen=True, slots=True)
class VaultFile:
    path: str  # vault-relative, POSIX, NFC
    real: Path  # where to read it
    size: int
    mtime_ns: int

    @property
    def is_note(self) -> bool:
        return self.path.lower().endswith(NOTE_SUFFIX)


@dataclass
class VaultScan:
    root: Path
    notes: list[VaultFile] = field(default_factory=list)
    attachments: list[VaultFile] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)  # paths left out by config
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def scan_vault(root: Path, config: VaultConfig | None = None) -> VaultScan:
    """Every note and attachment under ``root``, sorted by path."""
    config = config or VaultConfig()
    real_root = root.resolve()
    scan = VaultScan(root=root)
    seen: dict[str, str] = {}
    visited_dirs: set[Path] = set()

    def visit(directory: Path, rel: str) -> None:
        real_dir = directory.resolve()
        if real_dir in visited_dirs:
            return
        visited_dirs.add(real_dir)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: nfc(e.name))
        except OSError as error:
            scan.diagnostics.append(
                Diagnostic(
                    rel or ".", 0, "unreadable", f"cannot list folder: {error.strerror}", "skipped"
                )
            )
            return
        for entry in entries:
            name = nfc(entry.name)
            if name.startswith("."):
                continue
            path = f"{rel}/{name}" if rel else name
            if not rel and name in CONFIG_NAMES:
                continue
            if config.excluded(path):
                scan.excluded.append(path)
                continue
            if entry.is_symlink():
                target = Path(entry.path).resolve()
                if not _inside(target, real_root):
                    scan.diagnostics.append(
                        Diagnostic(
                            path,
                            0,
                            "outside-vault",
                            "symlink leads outside the vault",
                            "not followed",
                        )
                    )
                    continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                visit(Path(entry.path), path)
                continue
            try:
                stat = entry.stat()
            except OSError as error:
                scan.diagnostics.append(
                    Diagnostic(path, 0, "unreadable", f"cannot read: {error.strerror}", "skipped")
                )
                continue
            if path in seen:
                scan.diagnostics.append(
                    Diagnostic(
                        path,
                        0,
                        "duplicate-path",
                        f"same name as {seen[path]} once Unicode-normalised (NFC)",
                        "skipped; the first one is used",
                    )
                )
                continue
            seen[path] = entry.name
            file = VaultFile(
                path=path, real=Path(entry.path), size=stat.st_size, mtime_ns=stat.st_mtime_ns
            )
            (scan.notes if file.is_note else scan.attachments).append(file)

    visit(root, "")
    scan.notes.sort(key=lambda f: f.path)
    scan.attachments.sort(key=lambda f: f.path)
    return scan

"""Hashes of notesgraph's own files, so caches keyed by them never serve stale results."""

from __future__ import annotations

import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def source_fingerprint(*parts: str, extra: str = "") -> str:
    """A short hash of the named package files and folders (their ``*.py``) and ``extra``.

    ``parts`` are paths relative to the package: ``"parse.py"``, ``"markdown"``,
    ``"data/aws_services.yaml"``.
    """
    digest = hashlib.blake2b(digest_size=8)
    for part in parts:
        target = PACKAGE / part
        files = sorted(target.glob("*.py")) if target.is_dir() else [target]
        for file in files:
            digest.update(str(file.relative_to(PACKAGE)).encode())
            digest.update(file.read_bytes())
    digest.update(extra.encode())
    return digest.hexdigest()

"""Shared test helpers: golden files and paths."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "vault" / "AWS SAA" / "215-229 서버리스.md"

#: Set NOTESGRAPH_REGEN=1 to rewrite golden files from the current output (then review the diff).
REGEN = os.environ.get("NOTESGRAPH_REGEN") == "1"


def assert_golden_json(path: Path, actual: Any) -> None:
    """Compare ``actual`` with the JSON golden file at ``path`` (rewrite it under REGEN)."""
    text = json.dumps(actual, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if REGEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not REGEN:
            pytest.fail(f"golden file {path} was missing; written now, review it")
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")

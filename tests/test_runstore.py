"""Kiwi's analyses kept between processes (search/runstore.py)."""

from __future__ import annotations

from pathlib import Path

from notesgraph.parse import parse_note
from notesgraph.search import korean, noteterms, runstore
from notesgraph.search.noteterms import SearchAnalyser

NOTE = (
    "# 람다는\n\n람다는 서버리스 컴퓨팅이다. 람다의 메모리는 128MB ~ 10GB, 람다를 "
    "API Gateway 뒤에서 호출한다.\n\n## 한도\n\n- 최대 실행 시간: 900초 (15분)\n"
)


def _terms(store: Path | None) -> tuple[object, int]:
    """The note's search terms worked out with nothing remembered in this process, and
    how many runs went to Kiwi for them."""
    korean.clear_memory()
    noteterms._COUNTERS.clear()  # each process makes its own
    runstore.use(store, korean.store_identity())
    analyser = SearchAnalyser()
    counter = analyser.counter()
    before = counter.analyzer.analysed
    terms = analyser(parse_note("연습/람다는.md", NOTE))
    analyser.flush()
    return terms, counter.analyzer.analysed - before


def test_a_later_process_takes_kiwis_analyses_from_the_store(tmp_path: Path) -> None:
    try:
        fresh, asked = _terms(None)
        assert asked > 0
        first, asked_first = _terms(tmp_path)
        assert asked_first == asked and first == fresh
        assert (tmp_path / runstore.FILE).is_file()
        again, asked_again = _terms(tmp_path)
        assert asked_again == 0, "every run was in the store"
        assert again == fresh
    finally:
        runstore.use(None, "")
        korean.clear_memory()


def test_a_store_of_another_kiwi_is_emptied(tmp_path: Path) -> None:
    try:
        runstore.use(tmp_path, "kiwipiepy 0.0 {} 1")
        runstore.remember([("람다는", (("람다", "NNG", 0, 2), ("는", "JX", 2, 1)))])
        runstore.save()
        assert runstore.fetch(["람다는", "없는"]) == {
            "람다는": (("람다", "NNG", 0, 2), ("는", "JX", 2, 1))
        }
        runstore.use(tmp_path, "kiwipiepy 9.9 {} 1")
        assert runstore.fetch(["람다는"]) == {}
        (tmp_path / runstore.FILE).write_bytes(b"not a database")
        assert runstore.fetch(["람다는"]) == {}  # a damaged store only costs the asking
        runstore.remember([("람다의", (("람다", "NNG", 0, 2),))])
        runstore.save()  # and saving into it fails quietly
    finally:
        runstore.use(None, "")


_COLD_LOAD = """
import hashlib, pickle, sys
from pathlib import Path
from notesgraph.pipeline import _per_note_steps
from notesgraph.vault import PENDING, load_vault

root, cache = Path(sys.argv[1]), Path(sys.argv[2])
vault = load_vault(root, cache, per_note=_per_note_steps)
waiting = sum(1 for results in vault.derived.values() if results[1] is PENDING)
print("DEFERRED", vault.pending is not None, waiting == len(vault.notes))
vault.settle()
again = load_vault(root, cache, per_note=_per_note_steps)
print("AGAIN", again.cache_misses, again.pending is None)
terms = {p: vault.derived[p][1] for p in sorted(vault.derived)}
assert terms == {p: again.derived[p][1] for p in sorted(again.derived)}
print("TERMS", hashlib.sha256(pickle.dumps(sorted(terms.items()))).hexdigest())
"""


def test_a_first_load_analyses_every_note_in_one_child(tmp_path: Path) -> None:
    """Many notes to parse (a first build): the parse workers leave Kiwi to one forked
    child, whose results complete the cache; they are what Kiwi gives in one process."""
    import hashlib
    import pickle
    import subprocess
    import sys

    from benchmarks.vaultgen import generate_vault
    from notesgraph.pipeline import _per_note_steps
    from notesgraph.vault import load_vault

    from .conftest import ROOT

    generate_vault(tmp_path / "vault", 60, seed=4)
    done = subprocess.run(
        [sys.executable, "-c", _COLD_LOAD, str(tmp_path / "vault"), str(tmp_path / "cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    lines = done.stdout.strip().splitlines()
    assert lines[:2] == ["DEFERRED True True", "AGAIN 0 True"]
    here = load_vault(tmp_path / "vault", None, jobs=1, per_note=_per_note_steps)
    terms = {p: here.derived[p][1] for p in sorted(here.derived)}
    digest = hashlib.sha256(pickle.dumps(sorted(terms.items()))).hexdigest()
    assert lines[2] == f"TERMS {digest}"

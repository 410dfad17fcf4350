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

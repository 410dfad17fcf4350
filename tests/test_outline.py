"""Note outlines: ``notesgraph graph`` keeps notes without their texts (half the memory);
the graph must not change, and an outline must never reach the cache."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from notesgraph.cache import Entry, encode
from notesgraph.graph.export import to_json
from notesgraph.model import NoteOutline
from notesgraph.parse import parse_note
from notesgraph.pipeline import analyse
from notesgraph.vault import PARALLEL_THRESHOLD, load_vault

from .conftest import FIXTURES, ROOT

SEED = ROOT / "vault" / "AWS SAA" / "215-229 서버리스.md"
VAULT = FIXTURES / "vault"


def test_outline_keeps_all_but_the_texts() -> None:
    note = parse_note("AWS SAA/215-229 서버리스.md", SEED.read_text(encoding="utf-8"))
    outline = note.outline()
    assert isinstance(outline, NoteOutline)
    assert note.body and note.blocks and note.tables and note.highlights
    assert (outline.body, outline.blocks, outline.tables, outline.block_html) == ((), (), (), {})
    assert [s.text for s in outline.sections] == [""] * len(note.sections)
    for kept in ("path", "title", "aliases", "tags", "headings", "highlights", "links"):
        assert getattr(outline, kept) == getattr(note, kept), kept
    assert [(s.title, s.anchor, s.start_line) for s in outline.sections] == [
        (s.title, s.anchor, s.start_line) for s in note.sections
    ]
    # A highlight carries its block's words and line, which the graph shows.
    for highlight in outline.highlights:
        block = note.blocks[highlight.block]
        assert (highlight.context, highlight.block_line) == (block.text, block.line)
    assert any("15분" in h.context for h in outline.highlights)


def test_an_outline_is_never_stored() -> None:
    note = parse_note("람다.md", "# 람다\n==람다는 최대 15분==\n")
    with pytest.raises(TypeError, match="람다.md"):
        encode(Entry(note.outline(), (), {}))
    assert pickle.loads(encode(Entry(note, (), {}))).note == note
    # It still travels between processes as what it is.
    assert isinstance(pickle.loads(pickle.dumps(note.outline())), NoteOutline)


@pytest.mark.parametrize("vault", [VAULT, ROOT / "vault"], ids=["fixture", "seed"])
def test_outline_graph_is_the_full_graph_cold_and_warm(vault: Path, tmp_path: Path) -> None:
    expected = to_json(analyse(vault, None).graph)
    cache = tmp_path / "cache"
    cold = analyse(vault, cache, outline=True)
    warm = analyse(vault, cache, outline=True)
    assert warm.vault.cache_misses == 0
    assert to_json(cold.graph) == to_json(warm.graph) == expected
    assert all(isinstance(n, NoteOutline) for n in warm.vault.notes.values())
    with pytest.raises(ValueError, match="outline"):
        warm.search_terms()
    # The cache the outline runs wrote holds whole notes: a full build reads them.
    full = analyse(vault, cache)
    assert not any(isinstance(n, NoteOutline) for n in full.vault.notes.values())
    assert full.vault.notes == load_vault(vault, None).notes
    assert full.search_terms() and to_json(full.graph) == expected


def test_outlines_from_parallel_workers(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    count = PARALLEL_THRESHOLD + 12
    for n in range(count):
        (vault / f"람다{n:02}.md").write_text(
            f"# 람다 {n}\n- 람다는 메모리: {n + 128}MB 까지\n- ==람다의 제한 시간은 900초==\n"
            f"- 람다를 API Gateway가 호출한다\n[[람다{(n + 1) % count:02}]]\n",
            encoding="utf-8",
        )
    expected = to_json(analyse(vault, None, jobs=1).graph)
    cache = tmp_path / "cache"
    parallel = analyse(vault, cache, jobs=2, outline=True)
    assert parallel.vault.cache_misses == count
    assert to_json(parallel.graph) == expected
    again = analyse(vault, cache, jobs=2, outline=True)
    assert (again.vault.cache_hits, again.vault.cache_misses) == (count, 0)
    assert to_json(again.graph) == expected
    assert load_vault(vault, cache).notes == load_vault(vault, None).notes


def test_outline_run_drops_rows_of_another_parser_version(tmp_path: Path) -> None:
    import sqlite3

    from notesgraph.cache import NoteCache

    cache = tmp_path / "cache"
    cache.mkdir()
    with sqlite3.connect(cache / "notes.sqlite") as connection:
        connection.execute(
            "CREATE TABLE entries (key TEXT PRIMARY KEY, fingerprint TEXT, data BLOB)"
        )
        connection.execute("INSERT INTO entries VALUES ('old', 'another version', x'00')")
    analyse(VAULT, cache, outline=True)  # every row comes through NoteCache.write
    with sqlite3.connect(cache / "notes.sqlite") as connection:
        fingerprints = {f for (f,) in connection.execute("SELECT fingerprint FROM entries")}
    assert fingerprints == {NoteCache(cache).fingerprint}


def test_a_step_with_new_code_replaces_its_old_results_in_the_cache(tmp_path: Path) -> None:
    """Results of a per-note step under an older fingerprint go when the step runs again
    (they stayed in every entry, which grew by a copy with each change of its code)."""
    import pickle
    import sqlite3

    from notesgraph.vault import with_results

    assert with_results(
        {"search:old:1": "a", "0a1b:2": "c", "other:1": "o"}, {"search:new:1": "b"}
    ) == {"0a1b:2": "c", "other:1": "o", "search:new:1": "b"}
    assert with_results({"0a1b:2": "c", "search:x": "s"}, {"ffee:3": "d"}) == {
        "search:x": "s",
        "ffee:3": "d",
    }

    cache = tmp_path / "cache"
    analyse(VAULT, cache)
    database = cache / "notes.sqlite"

    def derived_keys() -> list[set[str]]:
        with sqlite3.connect(database) as connection:
            rows = connection.execute("SELECT data FROM entries").fetchall()
        return [set(pickle.loads(data).derived) for (data,) in rows]

    current = derived_keys()
    assert current and all(len(keys) == 2 for keys in current)
    with sqlite3.connect(database) as connection:  # as if the search code had changed
        for key, data in connection.execute("SELECT key, data FROM entries").fetchall():
            entry = pickle.loads(data)
            entry.derived["search:older-code:0"] = entry.derived.pop(
                next(k for k in entry.derived if k.startswith("search:"))
            )
            connection.execute(
                "UPDATE entries SET data = ? WHERE key = ?", (pickle.dumps(entry), key)
            )
    _forget_shared_caches()
    analyse(VAULT, cache)
    assert derived_keys() == current


def _forget_shared_caches() -> None:
    """NoteCache.shared keeps each cache's entries for the process: read the file again."""
    from notesgraph import cache as cache_module

    cache_module._SHARED.clear()

"""The site's data files are the same JSON whether orjson or the standard library writes them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from notesgraph import jsontext
from notesgraph.jsontext import compact
from notesgraph.pipeline import analyse, site_context
from notesgraph.search.sitedocs import search_files
from notesgraph.site.mapdata import map_files
from notesgraph.site.render import notes_tree, prepare

from .conftest import ROOT

VALUES: list[Any] = [
    {"람다는": "서버리스", "b": [1, 2.5, -0.0, 10737418240.0, 900], "a": None, "c": True},
    {"text": '줄\n바꿈\t탭 "따옴표" \\ 역슬래시 \x00\x1f\x7f \u2028\u2029 </script> 🦀'},
    [("튜플", 1), ["목록", {"z": {"y": {"x": []}}}]],
    {"x": 170.0, "y": -300.5, "size": 44, "max": 0.001, "rate": 3.3333333333333335},
    "",
    [],
    {},
]


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("sort_keys", [False, True])
def test_same_text_as_the_standard_library(value: Any, sort_keys: bool) -> None:
    wanted = json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"))
    assert compact(value, sort_keys) == wanted


def test_what_orjson_refuses_goes_to_the_standard_library() -> None:
    assert compact({2: "이", 1: "일"}, sort_keys=True) == '{"1":"일","2":"이"}'
    assert compact(["\ud800"]) == json.dumps(["\ud800"], ensure_ascii=False)
    assert compact(2**70) == str(2**70)


def test_the_seed_sites_data_files_are_the_same_bytes_either_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert jsontext.orjson is not None, "orjson is a dependency"
    analysis = analyse(ROOT / "vault")
    ctx = site_context(analysis)
    prepare(ctx)

    def data_files() -> dict[str, str]:
        files = map_files(ctx)
        files.update(search_files(ctx, analysis.search_terms(), analysis.catalog))
        files["notes-tree"] = notes_tree(ctx)
        return files

    fast = data_files()
    monkeypatch.setattr(jsontext, "orjson", None)
    assert data_files() == fast

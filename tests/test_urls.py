"""Relative links between pages: a browser following the href lands on the target."""

from __future__ import annotations

from urllib.parse import urljoin

from hypothesis import given
from hypothesis import strategies as st

from notesgraph.site.urls import page_url, relative

SITE = "http://127.0.0.1:8000/"
_segment = st.sampled_from(["notes", "AWS-SAA", "서비스", "람다는", "lambda", "a", "index.md"])
_folder = st.lists(_segment, max_size=4).map(lambda parts: "".join(p + "/" for p in parts))


@given(
    _folder,
    _folder,
    st.sampled_from(["", "215-229-서버리스/", "그림.png"]),
    st.sampled_from(["", "#람다의-메모리", "#hl-25-1"]),
)
def test_following_the_href_reaches_the_target(
    here: str, folder: str, leaf: str, fragment: str
) -> None:
    target = folder + leaf
    href = relative(here, target + fragment)
    assert not href.startswith("/")
    if href.startswith("#"):
        assert target == here and fragment
    else:
        assert urljoin(SITE + here, href) == SITE + target + fragment


def test_examples() -> None:
    note = page_url("notes/AWS-SAA/215-229-서버리스.md")
    assert note == "notes/AWS-SAA/215-229-서버리스/"
    assert relative(note, "services/lambda/") == "../../../services/lambda/"
    assert relative(note, "notes/AWS-SAA/람다/") == "../람다/"
    assert relative(note, note + "#람다의-메모리") == "#람다의-메모리"
    assert relative("", "notes/") == "notes/"
    assert relative("notes/", "notes/") == "./"
    assert relative("notes/a/", "notes") == "../../notes"

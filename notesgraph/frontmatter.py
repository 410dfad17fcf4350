"""YAML front matter of a note: the mapping, and the fields Obsidian gives meaning to.

Broken YAML is a warning and the body is still parsed; front-matter tags are kept
only where Obsidian would accept them (letters, digits, ``_``, ``-``, ``/``).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from markdown_it.token import Token

from .model import Diagnostic
from .slugs import nfc

_TAG_SPLIT = re.compile(r"[,\s]+")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def front_matter(tokens: list[Token], path: str) -> tuple[dict[str, Any], list[Diagnostic]]:
    if not tokens or tokens[0].type != "front_matter":
        return {}, []
    token = tokens[0]
    try:
        data = yaml.load(token.content, Loader=_YAML_LOADER)  # noqa: S506 - safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        return {}, [
            Diagnostic(
                path,
                line,
                "bad-front-matter",
                f"front matter is not valid YAML: {problem}",
                "front matter ignored, body parsed",
            )
        ]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [
            Diagnostic(
                path,
                1,
                "bad-front-matter",
                "front matter is not a mapping",
                "front matter ignored, body parsed",
            )
        ]
    return {str(k): v for k, v in data.items()}, []


def string_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None and str(v).strip()]
    return [str(value)]


_VALID_TAG = re.compile(r"^[\w/\-]*[^\W\d_][\w/\-]*$|^[\w/\-]*_[\w/\-]*$")


def frontmatter_tags(value: Any) -> tuple[list[str], list[str]]:
    """Front-matter tags Obsidian would accept, and the ones it would not."""
    names: list[str] = []
    for item in string_list(value):
        names += [t.lstrip("#") for t in _TAG_SPLIT.split(item) if t.lstrip("#")]
    good = [nfc(n) for n in names if _VALID_TAG.match(nfc(n)) and not n.isdigit()]
    bad = [n for n in names if nfc(n) not in good]
    return good, bad


def publish_flag(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() not in {"false", "no", "0", "off"}

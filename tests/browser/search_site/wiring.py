"""Build the real seed site with notesgraph search, and the same pages with plain Material search.

:func:`build_with_search` is the real ``notesgraph build`` (search included).

:func:`plain_material_variant` makes the fair baseline from the *same generated
docs*: the ``search: {exclude: true}`` front matter is removed so Material's
lunr indexes every page and section, our index is deleted, and the theme's
overrides are used without ``main.html`` (so Material's own worker runs).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

from notesgraph import pipeline
from notesgraph.search.index import INDEX_PATH
from notesgraph.site.mkbuild import run_mkdocs

REPO = Path(__file__).resolve().parents[3]
SEED_VAULT = REPO / "vault"
NOTES = Path(__file__).resolve().parent / "notes"
CONFIG = REPO / "mkdocs.yml"


def make_vault(root: Path) -> Path:
    """The seed vault with our notes about SQS, Kinesis, S3, EC2 and DAX beside the seed note."""
    vault = root / "vault"
    shutil.copytree(SEED_VAULT, vault)
    for note in sorted(NOTES.glob("*.md")):
        shutil.copy(note, vault / "AWS SAA" / note.name)
    return vault


def build_with_search(vault: Path, work: Path) -> pipeline.BuildReport:
    """``notesgraph build`` of ``vault`` into ``work/docs`` and ``work/site``, search included."""
    options = pipeline.BuildOptions(
        vault=vault,
        docs=work / "docs",
        site=work / "site",
        config=CONFIG,
        cache_dir=work / "cache",
    )
    return pipeline.build_site(options)


def plain_material_variant(docs: Path, work: Path) -> Path:
    """The same generated pages built with plain Material search; returns the site folder."""
    plain_docs = work / "docs"
    shutil.copytree(docs, plain_docs)
    for page in plain_docs.rglob("*.md"):
        _include_in_search(page)
    (plain_docs / INDEX_PATH).unlink(missing_ok=True)
    overrides = work / "overrides"
    shutil.copytree(REPO / "site_overrides", overrides)
    (overrides / "main.html").unlink()  # Material's own main.html: its own search worker
    config = work / "mkdocs.yml"
    text = re.sub(r"(?m)^(\s*custom_dir:).*$", rf"\1 {overrides.as_posix()}", CONFIG.read_text())

    def absolute(match: re.Match[str]) -> str:  # hooks are relative to the config file
        path = REPO / match.group(2)
        return match.group(1) + (str(path) if path.is_file() else match.group(2))

    config.write_text(re.sub(r"(?m)^(\s*-\s*)(\S+\.py)\s*$", absolute, text), encoding="utf-8")
    run_mkdocs(config, plain_docs, work / "site", None)
    return work / "site"


def _include_in_search(page: Path) -> None:
    """Drop ``search: {exclude: true}`` from a page's front matter (YAML or JSON)."""
    text = page.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return
    head, sep, body = text[4:].partition("\n---\n")
    meta = yaml.safe_load(head) if sep else None
    if not isinstance(meta, dict) or "search" not in meta:
        return
    meta.pop("search")
    front = json.dumps(meta, ensure_ascii=False, sort_keys=True)  # JSON is YAML too
    page.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")

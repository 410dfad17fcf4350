"""``notesgraph check``: the link problems of a vault, as ``file:line: what``."""

from __future__ import annotations

from collections import Counter

from .model import Diagnostic, Link
from .resolve import Resolution
from .vault import Vault

ATTACHMENT_EXTENSIONS = frozenset(
    [
        "png",
        "jpg",
        "jpeg",
        "gif",
        "svg",
        "webp",
        "bmp",
        "avif",
        "tif",
        "tiff",
        "ico",
        "heic",
        "pdf",
        "mp3",
        "wav",
        "m4a",
        "ogg",
        "flac",
        "webm",
        "mp4",
        "mov",
        "mkv",
        "ogv",
        "3gp",
        "canvas",
        "excalidraw",
        "zip",
        "csv",
        "txt",
        "json",
    ]
)

#: Problem codes that ``check`` reports (read errors are always included too).
LINK_CODES = (
    "broken-link",
    "missing-attachment",
    "ambiguous-link",
    "unknown-heading",
    "unknown-block",
    "refused-link",
)
READ_CODES = (
    "binary-note",
    "encoding",
    "nul-bytes",
    "unreadable",
    "bad-front-matter",
    "outside-vault",
    "duplicate-path",
    "bad-config",
)


def is_attachment_name(target: str) -> bool:
    name = target.rsplit("/", 1)[-1]
    return "." in name and name.rsplit(".", 1)[1].lower() in ATTACHMENT_EXTENSIONS


def _shown(link: Link) -> str:
    text = link.target or ""
    if link.heading:
        text += "#" + link.heading
    if link.block:
        text += "#^" + link.block
    return text


def link_problem(path: str, link: Link, resolution: Resolution) -> Diagnostic | None:
    """The problem with one resolved link, or None when it works."""
    status = resolution.status
    shown = _shown(link)
    embed = link.kind in ("embed", "image")
    if status == "ok":
        return None
    if status == "refused":
        return Diagnostic(
            path,
            link.line,
            "refused-link",
            f'link leaves the vault: "{link.target}"',
            "refused, rendered as text",
        )
    if status == "missing":
        if is_attachment_name(link.target):
            action = "shown as a placeholder" if embed else "rendered as text"
            return Diagnostic(
                path, link.line, "missing-attachment", f'missing attachment "{link.target}"', action
            )
        what = "embedded note" if embed else "note"
        return Diagnostic(
            path,
            link.line,
            "broken-link",
            f'{what} not found: "{shown}"',
            "shown as a placeholder" if embed else "rendered as text",
        )
    if status == "ambiguous":
        others = ", ".join(resolution.candidates)
        return Diagnostic(
            path,
            link.line,
            "ambiguous-link",
            f'ambiguous link "{link.target}": matches {others}',
            f"using {resolution.path}",
        )
    target = resolution.path or link.target
    if status == "missing-heading":
        return Diagnostic(
            path,
            link.line,
            "unknown-heading",
            f'no heading "{link.heading}" in {target}',
            "links to the note's top",
        )
    return Diagnostic(
        path,
        link.line,
        "unknown-block",
        f"no block ^{link.block} in {target}",
        "links to the note's top",
    )


def link_problems(vault: Vault) -> list[Diagnostic]:
    problems = []
    for path, note in vault.notes.items():
        for link, resolution in zip(note.links, vault.resolutions[path], strict=True):
            problem = link_problem(path, link, resolution)
            if problem is not None:
                problems.append(problem)
    return sorted(problems, key=Diagnostic.sort_key)


def check_report(vault: Vault, include_all: bool = False) -> list[Diagnostic]:
    """Link problems plus read errors; with ``include_all`` every parse warning too."""
    read = [d for d in vault.diagnostics if include_all or d.code in READ_CODES]
    return sorted(read + link_problems(vault), key=Diagnostic.sort_key)


def summary(vault: Vault, problems: list[Diagnostic]) -> dict[str, object]:
    links = sum(len(n.links) for n in vault.notes.values())
    return {
        "notes": len(vault.notes),
        "attachments": len(vault.attachments),
        "links": links,
        "problems": len(problems),
        "by_code": dict(sorted(Counter(p.code for p in problems).items())),
    }

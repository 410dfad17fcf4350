"""Signatures of generated pages: a hash of everything a page is made from.

Every signature covers notesgraph's code and the vault's config. A note page's
covers the note, the notes its links and embeds land on (their titles and
headings; an embed's own embeds, in turn), the notes linking to it (backlinks
quote them), how each link resolved and where each of those notes and linked
attachments is published. A service page's covers every note with something on
it — a mention of the service or one of its features, a limit, a relation, a
comparison, a key point (found from the graph's edges around them, each naming
the note it came from) — and the pages its comparisons are on; a comparison
page's or a category page's of the limits or key points, the notes of what it
lists. A page whose signature is the one recorded when its file in docs/ was
written is not rendered again (see :mod:`.render`); one without a signature
always is. A note added elsewhere changes none of them.

Each note is known by its content key (path and a hash of its bytes), so working
the signatures out costs a hash of a few keys per page, not the page.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Mapping

from ..fingerprint import source_fingerprint
from ..graph import schema as ids
from .context import SiteContext

#: Changes every signature when what they cover changes.
FORMAT = "1"
_NOTE = "note:"


@functools.cache
def code_fingerprint() -> str:
    """notesgraph's code and packaged data: any change can change any page."""
    return source_fingerprint(
        ".",
        "markdown",
        "extract",
        "graph",
        "site",
        "search",
        "data/aws_services.yaml",
        extra=FORMAT,
    )


class Signatures:
    """Signatures of the note and service pages of one build."""

    def __init__(self, ctx: SiteContext, keys: Mapping[str, str], setup: str) -> None:
        """``keys``: each note's content key (a note without one is always rendered);
        ``setup``: a digest of the vault's config."""
        self.ctx = ctx
        self.keys = keys
        shared = hashlib.blake2b(digest_size=16)
        for part in (code_fingerprint(), setup):
            shared.update(part.encode())
            shared.update(b"\x00")
        self._notes = shared.copy()
        self._concepts = shared.copy()

    def note(self, path: str) -> str | None:
        """A note page's signature; None when a note it is made from has no key."""
        ctx = self.ctx
        if path not in self.keys:
            return None
        digest = self._notes.copy()
        shown = self._embedded(path)
        linked: set[str] = set()
        service_url = ctx.body.ctx.service_url
        for current in shown:
            # How each link resolved (another note can take a name over without
            # changing the notes linked before) and the notes it lands on.
            resolutions = ctx.resolutions[current]
            digest.update(current.encode() + b"\x00" + repr(resolutions).encode())
            for link, resolution in zip(ctx.notes[current].links, resolutions, strict=False):
                if resolution.kind == "note" and resolution.path:
                    linked.add(resolution.path)
                elif resolution.kind == "attachment" and resolution.path:
                    where = ctx.paths.attachments.get(resolution.path, "")
                    digest.update(f"\x02{where}".encode())
                else:  # a link to no note goes to the service of that name, if the graph has it
                    digest.update(f"\x03{service_url(link.target) or ''}".encode())
        sources = {b.source for b in ctx.backlinks.get(path, ())}
        for group in (shown, sorted(linked), sorted(sources)):
            digest.update(b"\x01")
            if not self._add_keys(digest, group):
                return None
        return digest.hexdigest()

    def service(self, node: str) -> str | None:
        """A service page's signature; None when a note it is made from has no key."""
        digest = self._concepts.copy()
        digest.update(node.encode())
        # The pages its comparisons are on (a new comparison elsewhere moves none).
        pages = self.ctx.comparison_pages
        for comparison, _ in self.ctx.adjacency.into(node, "compares"):
            digest.update(f"\x00{comparison}\x00{pages.get(comparison)}".encode())
        if not self._add_keys(digest, self._contributors(node)):
            return None
        return digest.hexdigest()

    def comparison(self, page: str, nodes: list[str]) -> str | None:
        """A comparison page's: the notes of its comparisons and of the other
        comparisons between its members (``compared_with``, ``alternative_to``)."""
        ctx = self.ctx
        members = set(ctx.node(nodes[0]).get("services", []))
        notes = [ctx.node(n).get("note") for n in nodes]
        for member in members:
            for target, data in ctx.out_edges(member, ["compared_with", "alternative_to"]):
                if target in members:
                    notes.append(data.get("note"))
        return self._of(page, nodes, notes)

    def nodes(self, page: str, nodes: list[str]) -> str | None:
        """A page listing these nodes (a category's limits or key points): their ids
        and the notes they come from."""
        return self._of(page, nodes, [self.ctx.node(n).get("note") for n in nodes])

    def _of(self, page: str, nodes: list[str], notes: list[object]) -> str | None:
        digest = self._concepts.copy()
        digest.update(page.encode() + b"\x00" + "\x00".join(nodes).encode())
        paths = sorted(
            {n[len(_NOTE) :] for n in notes if isinstance(n, str) and n.startswith(_NOTE)}
        )
        return digest.hexdigest() if self._add_keys(digest, paths) else None

    def _embedded(self, path: str) -> list[str]:
        """The note and every published note shown inside its page (embeds of embeds)."""
        ctx = self.ctx
        shown = [path]
        seen = {path}
        for current in shown:
            note = ctx.notes.get(current)
            if note is None:
                continue
            for link, resolution in zip(note.links, ctx.resolutions[current], strict=False):
                target = resolution.path
                if (
                    link.kind == "embed"
                    and resolution.kind == "note"
                    and target
                    and target in ctx.notes
                    and target not in seen
                ):
                    seen.add(target)
                    shown.append(target)
        return shown

    def _contributors(self, service: str) -> list[str]:
        """Every note with something on the service's page: the notes the edges around
        it and its features come from (a mention's note has an edge of its own)."""
        adj = self.ctx.adjacency
        nodes = adj.nodes
        found: set[object] = set()
        add = found.add
        scope = [service, *(u for u, _ in adj.into(service, "feature_of"))]
        for node in scope:
            # Every mention has an edge from its note (the graph builder adds the note's
            # beside its section's and key points'): those are the mentions' notes.
            for other, _ in adj.into(node, "mentions"):
                add(other)
            # Incoming edges of the kinds Adjacency leaves out (contains, stated_in,
            # has_limit) never end at a service or a feature.
            for other, data in (*adj.out(node), *adj.into_except(node, "mentions")):
                add(data.get("note"))
                attrs = nodes[other]
                add(other if attrs["kind"] == "note" else attrs.get("note"))
        return sorted(
            node[len(_NOTE) :] for node in found if isinstance(node, str) and node.startswith(_NOTE)
        )

    def _add_keys(self, digest: hashlib.blake2b, paths: Iterable[str]) -> bool:
        """Each note's content key and where its page is (nowhere: not published);
        False when a note has no key."""
        where = self.ctx.paths.notes
        for path in paths:
            key = self.keys.get(path)
            if key is None:
                return False
            digest.update(f"{key}\x00{where.get(path, '')}\x00".encode())
        return True


assert ids.note_id("a") == _NOTE + "a"

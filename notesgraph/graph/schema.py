"""The graph's schema in one place: node kinds, edge kinds, stable ids.

Every node has ``id`` (a stable string), ``kind`` and ``label``; every edge has
``kind``. Attribute values are scalars or short lists, so the node-link JSON is
plain and GraphML only needs lists flattened (see :mod:`.export`).
"""

from __future__ import annotations

from ..extract.facts import RELATION_KINDS, split_key

NODE_KINDS = (
    "note",
    "section",
    "service",
    "feature",
    "limit",
    "comparison",
    "highlight",
    "tag",
    "attachment",
)

#: Edges that are not service-to-service relations.
STRUCTURE_EDGES = (
    "links_to",  # note → note (wikilink or Markdown link)
    "embeds",  # note → note or attachment (![[…]])
    "contains",  # note → section, section → highlight
    "mentions",  # note/section/highlight → service or feature
    "tagged",  # note → tag
    "has_limit",  # service or feature → limit
    "feature_of",  # feature → service
    "stated_in",  # limit / comparison → section it was read from
    "compares",  # comparison → service or feature
)
EDGE_KINDS = STRUCTURE_EDGES + RELATION_KINDS

#: Attributes that hold lists (GraphML stores them as JSON text).
LIST_ATTRIBUTES = ("aliases", "tags", "columns", "rows", "services", "lectures", "keys")


def note_id(path: str) -> str:
    return f"note:{path}"


def section_id(path: str, anchor: str) -> str:
    return f"section:{path}#{anchor}"


def service_id(service: str) -> str:
    return f"service:{service}"


def feature_id(service: str, feature: str) -> str:
    return f"feature:{service}/{feature}"


def concept_id(key: str) -> str:
    """Node id of a concept key (``lambda`` → service, ``dynamodb/dax`` → feature)."""
    service, feature = split_key(key)
    return feature_id(service, feature) if feature else service_id(service)


def limit_id(key: str, slug: str) -> str:
    return f"limit:{key}/{slug}"


def comparison_id(slug: str) -> str:
    return f"comparison:{slug}"


def highlight_id(path: str, line: int, n: int) -> str:
    return f"highlight:{path}#L{line}.{n}"


def tag_id(name: str) -> str:
    return f"tag:{name}"


def attachment_id(path: str) -> str:
    return f"attachment:{path}"

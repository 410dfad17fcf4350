"""What extraction finds in notes: plain facts, each with its provenance.

A *concept key* names a service (``lambda``) or a feature of one
(``dynamodb/streams``); :func:`concept_key` and :func:`split_key` convert.
Every fact carries a :class:`Source` (note, section, line, original words) so a
page can quote it and link back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..pickling import compact

Unit = Literal["bytes", "seconds", "count", "usd", "percent", "factor"]

#: Typed service-to-service relations (edge kinds in the graph).
RELATION_KINDS = (
    "invokes",  # A calls B (API Gateway → Lambda)
    "triggers",  # an event in A runs B (S3 upload → Lambda)
    "integrates_with",  # A works with B, direction as written
    "sends_to",  # A delivers data to B (Kinesis → S3)
    "runs_in",  # A runs inside B (Lambda in VPC)
    "connects_through",  # A reaches something through B (Lambda → RDS Proxy)
    "authenticates",  # A signs users in for B (Cognito → API Gateway)
    "compared_with",  # a comparison table or prose comparison
    "alternative_to",  # A is used instead of B
    "part_of",  # A is a part of B (RDS Proxy of RDS)
    "fronts",  # A is placed in front of B (ALB or API Gateway before Lambda, WAF before ALB)
)
RelationKind = Literal[
    "invokes",
    "triggers",
    "integrates_with",
    "sends_to",
    "runs_in",
    "connects_through",
    "authenticates",
    "compared_with",
    "alternative_to",
    "part_of",
    "fronts",
]


def concept_key(service: str, feature: str | None = None) -> str:
    return f"{service}/{feature}" if feature else service


def split_key(key: str) -> tuple[str, str | None]:
    service, _, feature = key.partition("/")
    return service, feature or None


@compact
@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact was read: vault path, section index, 1-based line, the words."""

    note: str
    section: int
    line: int
    text: str


@compact
@dataclass(frozen=True, slots=True)
class Mention:
    """A service or feature named in a block of text."""

    key: str  # concept key
    surface: str  # the words as written, particles removed
    source: Source
    highlighted: bool = False  # inside an ==exam key point==


@compact
@dataclass(frozen=True, slots=True)
class Limit:
    """A stated limit or quota, normalised to a base unit (bytes, seconds, …)."""

    key: str  # concept key of what it limits
    name: str  # as written: "메모리", "패키지 크기 (압축 시)"
    unit: Unit
    min: float | None
    max: float | None
    value_text: str  # the value as written: "128MB ~ 10GB"
    qualifier: str  # "최대", "기본", "미만" … ("" if none)
    source: Source


@compact
@dataclass(frozen=True, slots=True)
class Relation:
    """A typed, directed relation between two concepts."""

    source_key: str
    target_key: str
    kind: RelationKind
    evidence: Source


@compact
@dataclass(frozen=True, slots=True)
class Comparison:
    """A comparison table (or clear prose comparison) between concepts."""

    slug: str
    label: str  # "CloudFront Functions vs Lambda@Edge"
    keys: tuple[str, ...]  # concept keys compared, in column order
    columns: tuple[str, ...]  # header row as written
    rows: tuple[tuple[str, ...], ...]
    form: Literal["table", "prose"]
    source: Source


@dataclass
class NoteConcepts:
    """Everything extracted from one note (cacheable by note content)."""

    path: str
    mentions: list[Mention] = field(default_factory=list)
    limits: list[Limit] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)

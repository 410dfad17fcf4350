"""The real seed site for the search tests, the queries it must answer, and a benchmark."""

from .queries import QUERIES, Query
from .wiring import build_with_search, make_vault, plain_material_variant

__all__ = [
    "QUERIES",
    "Query",
    "build_with_search",
    "make_vault",
    "plain_material_variant",
]

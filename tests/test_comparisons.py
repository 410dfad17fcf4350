"""Comparisons: one per comparison table, and clear prose comparisons, with stable slugs."""

from __future__ import annotations

from typing import Any

import pytest

from notesgraph.extract.comparisons import comparison_relations, extract_comparisons
from notesgraph.extract.context import NoteContext
from notesgraph.extract.facts import Comparison
from notesgraph.extract.mentions import MentionMatcher, default_matcher
from notesgraph.parse import parse_note

from .conftest import FIXTURES, SEED, assert_golden_json

SEED_PATH = "AWS SAA/215-229 서버리스.md"
RELATION_DIR = FIXTURES / "relations"
NOTES = {path.stem: path for path in sorted(RELATION_DIR.glob("*.md"))} | {"seed": SEED}


@pytest.fixture(scope="module")
def matcher() -> MentionMatcher:
    return default_matcher()


def comparisons_of(text: str, matcher: MentionMatcher, path: str = "note.md") -> list[Comparison]:
    return extract_comparisons(NoteContext(parse_note(path, text), matcher))


@pytest.fixture(scope="module")
def seed(matcher: MentionMatcher) -> list[Comparison]:
    return comparisons_of(SEED.read_text(encoding="utf-8"), matcher, SEED_PATH)


def by_slug(comparisons: list[Comparison]) -> dict[str, Comparison]:
    return {c.slug: c for c in comparisons}


# ------------------------------------------------------------------ the seed
def test_seed_summary_table(seed: list[Comparison]) -> None:
    table = by_slug(seed)["cloudfront-functions-vs-lambda-edge"]
    assert table.form == "table"
    assert table.label == "CloudFront Functions vs Lambda@Edge"
    assert table.keys == ("cloudfront-functions", "lambda-edge")
    assert table.columns == ("항목", "CloudFront Functions", "Lambda@Edge")
    assert len(table.rows) == 7
    assert table.rows[0] == ("런타임", "JavaScript", "Node.js, Python")
    assert table.rows[-1] == ("네트워크/SDK 접근", "불가능", "가능")
    assert (table.source.note, table.source.line) == (SEED_PATH, 181)


def test_seed_second_table_of_the_same_pair_is_its_own_comparison(seed: list[Comparison]) -> None:
    uses = by_slug(seed)["cloudfront-functions-vs-lambda-edge-주요-사용-사례"]
    assert uses.keys == ("cloudfront-functions", "lambda-edge")
    assert uses.label == "CloudFront Functions vs Lambda@Edge"  # same pair: a page groups them
    assert uses.columns == ("CloudFront Functions", "Lambda@Edge")
    assert uses.rows[0] == ("빠른 JWT 인증", "복잡한 사용자 인증/권한 처리")
    assert len(uses.rows) == 4


def test_seed_prose_comparisons(seed: list[Comparison]) -> None:
    ec2 = by_slug(seed)["lambda-vs-ec2"]
    assert (ec2.form, ec2.keys, ec2.source.line) == ("prose", ("lambda", "ec2"), 38)
    assert ec2.rows[0] == ("EC2는 가상 서버를 사용해 프로비저닝해야 하며, 항상 실행 중",)
    dax = by_slug(seed)["elasticache-vs-dax"]
    assert dax.keys == ("elasticache", "dynamodb/dax")
    assert dax.rows == (("객체 캐시 + 쿼리/스캔 캐시 지원",), ("DynamoDB와의 통합성이 뛰어남",))


def test_seed_has_exactly_these_comparisons(seed: list[Comparison]) -> None:
    assert [c.slug for c in seed] == [
        "cloudfront-functions-vs-lambda-edge",
        "cloudfront-functions-vs-lambda-edge-주요-사용-사례",
        "lambda-vs-ec2",
        "elasticache-vs-dax",
    ]


def test_compared_with_goes_from_the_first_concept_to_each_other(matcher: MentionMatcher) -> None:
    text = (RELATION_DIR / "compute-choice.md").read_text(encoding="utf-8")
    table = comparisons_of(text, matcher)[0]
    assert table.keys == ("ec2", "lambda", "fargate")
    pairs = [(r.source_key, r.target_key, r.kind) for r in comparison_relations([table])]
    assert pairs == [("ec2", "lambda", "compared_with"), ("ec2", "fargate", "compared_with")]
    assert all(r.evidence == table.source for r in comparison_relations([table]))


# ------------------------------------------------------------- table shapes
def test_services_down_the_first_column(matcher: MentionMatcher) -> None:
    text = (
        "# 메시징\n\n| 서비스 | 방식 | 보존 |\n|---|---|---|\n"
        "| SQS | 폴링 | 최대 14일 |\n| SNS | 푸시 | 없음 |\n"
        "| Kinesis Data Streams | 폴링 | 최대 365일 |\n"
    )
    [comparison] = comparisons_of(text, matcher)
    assert comparison.keys == ("sqs", "sns", "kinesis-data-streams")
    assert comparison.slug == "sqs-vs-sns-vs-kinesis-data-streams"
    assert comparison.columns == ("서비스", "방식", "보존")
    assert len(comparison.rows) == 3


def test_tables_that_compare_nothing(matcher: MentionMatcher) -> None:
    text = (
        "# 한도\n\n| 항목 | 값 |\n|---|---|\n| 메모리 | 10GB |\n\n"
        "| 항목 | Lambda |\n|---|---|\n| 메모리 | 10GB |\n\n"
        "| 기능 | 설명 |\n|---|---|\n| Lambda와 S3 연동 | 이벤트 |\n"
    )
    assert comparisons_of(text, matcher) == []


def test_prose_needs_two_sides(matcher: MentionMatcher) -> None:
    text = (
        "# 218. 람다\n\n- 128MB 메모리 사용 시 1GB보다 8배 더 긴 실행 시간 가능\n"
        "- 시험 대비 비교 정리\n"
    )
    assert comparisons_of(text, matcher) == []


def test_heading_above_a_table_is_not_a_second_comparison(matcher: MentionMatcher) -> None:
    text = (RELATION_DIR / "kinesis-pipeline.md").read_text(encoding="utf-8")
    assert [c.form for c in comparisons_of(text, matcher)] == ["table"]


def test_hangul_slugs(matcher: MentionMatcher) -> None:
    text = (RELATION_DIR / "vpc-networking.md").read_text(encoding="utf-8")
    [table] = comparisons_of(text, matcher)
    assert table.slug == "보안-그룹-vs-네트워크-acl"
    assert table.keys == ("vpc/security-groups", "vpc/nacl")


# ------------------------------------------------------------- golden files
def golden_rows(comparisons: list[Comparison]) -> list[dict[str, Any]]:
    return [
        {
            "slug": c.slug,
            "label": c.label,
            "form": c.form,
            "keys": list(c.keys),
            "columns": list(c.columns),
            "rows": [list(row) for row in c.rows],
            "line": c.source.line,
        }
        for c in comparisons
    ]


@pytest.mark.parametrize("name", sorted(NOTES))
def test_golden(name: str, matcher: MentionMatcher) -> None:
    path = SEED_PATH if name == "seed" else f"relations/{name}.md"
    comparisons = comparisons_of(NOTES[name].read_text(encoding="utf-8"), matcher, path)
    assert_golden_json(RELATION_DIR / f"{name}.comparisons.json", golden_rows(comparisons))

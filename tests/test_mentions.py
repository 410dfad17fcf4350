"""The mention matcher on the seed note, on fixture cases and on arbitrary text."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.utils import read_fixture_file

from notesgraph.extract.catalog import load_catalog
from notesgraph.extract.mentions import Mention, MentionMatcher, default_matcher, main

from .conftest import FIXTURES, SEED, assert_golden_json

MATCHING = FIXTURES / "mentions" / "matching.md"
SEED_GOLDEN = FIXTURES / "mentions" / "seed.json"

#: What the brief requires the seed note to yield, checked apart from the golden file
#: so that regenerating the golden can never drop one of them silently.
SEED_SERVICES = {
    "lambda", "api-gateway", "dynamodb", "cognito", "s3", "cloudfront", "sns", "sqs",
    "kinesis", "kinesis-data-streams", "kinesis-data-firehose", "kinesis-data-analytics",
    "aurora", "fargate", "ec2", "eks", "cloudwatch", "eventbridge", "lambda-edge",
    "cloudfront-functions", "rds", "rds-proxy", "elasticache", "vpc", "iam",
    "secrets-manager", "step-functions", "athena", "glue", "opensearch", "backup", "alb",
    "acm", "route-53",
}  # fmt: skip
SEED_FEATURES = {
    "lambda/snapstart", "dynamodb/dax", "dynamodb/streams", "dynamodb/global-tables",
    "dynamodb/ttl", "dynamodb/pitr", "cognito/user-pools", "cognito/identity-pools",
    "dynamodb/provisioned-mode", "dynamodb/on-demand-mode", "aurora/serverless", "vpc/eni",
}  # fmt: skip
NOT_SERVICES = ["Node.js", "Python", "Java", "Swagger", "OpenAPI", "WebSocket", "JSON",
                "Facebook", "Google"]  # fmt: skip


def describe(mention: Mention) -> str:
    target = mention.service + (f"/{mention.feature}" if mention.feature else "")
    return f"{mention.surface} → {target}"


def seed_mentions() -> list[tuple[int, Mention]]:
    """Every line of the seed note through the matcher, as the extract stage feeds blocks."""
    matcher = default_matcher()
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return [(number, m) for number, line in enumerate(lines, 1) for m in matcher.find(line)]


@pytest.mark.skipif(not SEED.exists(), reason="the seed note is not in this checkout")
def test_seed_note_golden() -> None:
    found = seed_mentions()
    actual = {
        "services": sorted({m.service for _, m in found}),
        "features": sorted({f"{m.service}/{m.feature}" for _, m in found if m.feature}),
        "mentions": [f"{number}: {describe(m)}" for number, m in found],
    }
    assert_golden_json(SEED_GOLDEN, actual)


@pytest.mark.skipif(not SEED.exists(), reason="the seed note is not in this checkout")
def test_seed_note_required_services_and_features() -> None:
    found = [m for _, m in seed_mentions()]
    services = {m.service for m in found}
    features = {f"{m.service}/{m.feature}" for m in found if m.feature}
    assert SEED_SERVICES - services == set()
    assert SEED_FEATURES - features == set()


@pytest.mark.skipif(not SEED.exists(), reason="the seed note is not in this checkout")
def test_seed_note_never_names_languages_or_companies() -> None:
    matcher = default_matcher()
    checked = 0
    for line in SEED.read_text(encoding="utf-8").splitlines():
        spans = [(m.start, m.end) for m in matcher.find(line)]
        for word in NOT_SERVICES:
            for hit in re.finditer(re.escape(word), line):
                checked += 1
                assert not any(s < hit.end() and hit.start() < e for s, e in spans), (word, line)
    assert checked >= len(NOT_SERVICES)


@pytest.mark.skipif(not SEED.exists(), reason="the seed note is not in this checkout")
def test_whole_text_and_per_line_agree() -> None:
    matcher = default_matcher()
    text = SEED.read_text(encoding="utf-8")
    per_line, offset = [], 0
    for line in text.splitlines(keepends=True):
        found = matcher.find(line)
        per_line += [(m.start + offset, m.end + offset, m.service, m.feature) for m in found]
        offset += len(line)
    assert per_line == [(m.start, m.end, m.service, m.feature) for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("line", "title", "text", "expected"),
    read_fixture_file(MATCHING),
    ids=[f"{case[0]}-{case[1]}" for case in read_fixture_file(MATCHING)],
)
def test_matching_fixtures(line: int, title: str, text: str, expected: str) -> None:
    found = default_matcher().find(text.rstrip("\n"))
    assert [describe(m) for m in found] == expected.splitlines(), f"{MATCHING.name}:{line} {title}"


@pytest.mark.parametrize(
    ("text", "surface", "service"),
    [
        ("람다는", "람다", "lambda"),
        ("람다의", "람다", "lambda"),
        ("람다를", "람다", "lambda"),
        ("람다함수", "람다", "lambda"),
        ("코그니토의", "코그니토", "cognito"),
        ("DynamoDB를", "DynamoDB", "dynamodb"),
        ("S3에", "S3", "s3"),
        ("Lambda로", "Lambda", "lambda"),
        ("다이나모DB에서", "다이나모DB", "dynamodb"),
        ("EC2는", "EC2", "ec2"),
    ],
)
def test_particles_are_not_part_of_the_surface(text: str, surface: str, service: str) -> None:
    (mention,) = default_matcher().find(text)
    assert (mention.kind, mention.service, mention.surface) == ("service", service, surface)
    assert (mention.start, mention.end) == (0, len(surface))


@pytest.mark.parametrize(
    "text", ["다람쥐", "node.js", "Node.js 런타임", "Go 언어", "Google 로그인", "람다식", "aws 밖"]
)
def test_negatives(text: str) -> None:
    assert default_matcher().find(text) == []


def test_mention_fields() -> None:
    text = "AWS의 Amazon DynamoDB Streams와 Dynamo DB"
    first, second = default_matcher().find(text)
    assert first == Mention(
        kind="feature",
        service="dynamodb",
        feature="streams",
        start=5,
        end=28,
        surface="Amazon DynamoDB Streams",
        name="DynamoDB Streams",
    )
    assert (second.kind, second.surface, second.name) == ("service", "Dynamo DB", "Dynamo DB")


def test_decomposed_hangul_is_normalised() -> None:
    text = unicodedata.normalize("NFD", "람다는 코그니토의")
    found = default_matcher().find(text)
    assert [(m.surface, m.start) for m in found] == [("람다", 0), ("코그니토", 4)]


def test_vault_extras_are_matched() -> None:
    extra = {
        "aliases": {"cognito": ["코드니토"]},
        "services": [
            {"id": "study-bot", "label": "Study Bot", "category": "end-user", "ko": ["스터디 봇"]}
        ],
    }
    matcher = MentionMatcher(load_catalog(extra))
    found = matcher.find("코드니토는 aws 외부 사용자를 대상으로 하고, 스터디봇이 퀴즈를 낸다")
    assert [describe(m) for m in found] == ["코드니토 → cognito", "스터디봇 → study-bot"]
    assert default_matcher().find("코드니토는") == []


def test_default_matcher_is_built_once() -> None:
    assert default_matcher() is default_matcher()


def test_benchmark_entry_point(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("AWS Lambda와 DynamoDB를 람다에서 호출\n" * 20, encoding="utf-8")
    assert main([str(note)]) == 0
    out = capsys.readouterr().out
    assert "60 mentions" in out and "find, one text" in out
    assert main([]) == 2


_PIECES = st.sampled_from(
    ["람다", "Lambda", "AWS ", "는", "의", "S3", "DynamoDB", " Streams", "사용자 풀", "Node.js",
     "다", " ", "\n", "-", "x", "@Edge", "RDS", " 프록시", "Amazon", "백업", "EC2", "코그니토"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=25).map("".join))
def test_mentions_are_sorted_disjoint_and_exact(text: str) -> None:
    normalised = unicodedata.normalize("NFC", text)
    found = default_matcher().find(text)
    for mention in found:
        assert normalised[mention.start : mention.end] == mention.surface
        assert mention.surface.strip() == mention.surface
        assert (mention.kind == "feature") == (mention.feature is not None)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))

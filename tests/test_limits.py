"""Limits and quotas read from notes: the seed's must-haves, golden fixtures, Korean particles."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from notesgraph.extract.context import NoteContext
from notesgraph.extract.facts import Limit, Source
from notesgraph.extract.limits import extract_limits, limit_dimension
from notesgraph.extract.mentions import MentionMatcher, default_matcher
from notesgraph.parse import normalize_text, parse_note

from .conftest import FIXTURES, SEED, assert_golden_json

KB, MB, GB = 1024.0, 1024.0**2, 1024.0**3
SEED_PATH = "AWS SAA/215-229 서버리스.md"
LIMIT_FIXTURES = sorted((FIXTURES / "limits").glob("*.md"))


@pytest.fixture(scope="module")
def matcher() -> MentionMatcher:
    return default_matcher()


@pytest.fixture(scope="module")
def seed_limits(matcher: MentionMatcher) -> list[Limit]:
    return limits_of(SEED.read_text(encoding="utf-8"), matcher, SEED_PATH)


def limits_of(text: str, matcher: MentionMatcher, path: str = "note.md") -> list[Limit]:
    return extract_limits(NoteContext(parse_note(path, text), matcher))


def row(limit: Limit) -> tuple[Any, ...]:
    return (limit.key, limit.name, limit.unit, limit.min, limit.max, limit.qualifier)


def as_json(limits: list[Limit]) -> list[dict[str, Any]]:
    return [
        {
            "key": limit.key,
            "name": limit.name,
            "unit": limit.unit,
            "min": limit.min,
            "max": limit.max,
            "qualifier": limit.qualifier,
            "value_text": limit.value_text,
            "dimension": limit_dimension(limit),
            "line": limit.source.line,
        }
        for limit in limits
    ]


def one(limits: list[Limit], key: str, name: str, **values: Any) -> Limit:
    """The single limit of ``key`` whose name contains ``name`` and whose fields match."""
    found = [
        limit
        for limit in limits
        if limit.key == key
        and name in limit.name
        and all(getattr(limit, field) == value for field, value in values.items())
    ]
    assert len(found) == 1, (
        key,
        name,
        values,
        [row(limit) for limit in limits if limit.key == key],
    )
    return found[0]


# ----------------------------------------------------------------------------- the seed


def test_lecture_218_is_exactly_lambdas_limits(seed_limits: list[Limit]) -> None:
    lecture = [limit for limit in seed_limits if 96 <= limit.source.line <= 121]
    assert [row(limit) for limit in lecture] == [
        ("lambda", "메모리", "bytes", 128 * MB, 10 * GB, ""),
        ("lambda", "최대 실행 시간", "seconds", None, 900.0, "최대"),
        ("lambda", "환경변수 크기", "bytes", None, 4 * KB, "최대"),
        ("lambda", "임시 저장소 (/tmp)", "bytes", None, 10 * GB, "최대"),
        ("lambda", "동시 실행 수", "count", None, 1000.0, "기본"),
        ("lambda", "패키지 크기 (압축 시)", "bytes", None, 50 * MB, "최대"),
        ("lambda", "패키지 크기 (비압축 시)", "bytes", None, 250 * MB, "최대"),
    ]
    # 환경변수 크기 is stated twice (lines 105 and 115): the first statement is kept
    assert one(lecture, "lambda", "환경변수").source.line == 105
    assert [limit_dimension(limit) for limit in lecture] == [
        "memory",
        "duration",
        "environment",
        "storage",
        "concurrency",
        "package_size",
        "package_size",
    ]


def test_seed_limits_elsewhere(seed_limits: list[Limit]) -> None:
    one(seed_limits, "dynamodb", "항목 크기", max=400 * KB, unit="bytes")
    one(seed_limits, "dynamodb/dax", "TTL", max=300.0, qualifier="기본")
    one(seed_limits, "dynamodb/streams", "보존", max=86_400.0)
    one(seed_limits, "kinesis-data-streams", "보존", max=365 * 86_400.0)
    one(seed_limits, "dynamodb/pitr", "PITR", max=35 * 86_400.0)
    one(seed_limits, "rds-proxy", "장애 조치 시간", unit="percent", max=66.0, qualifier="최대")
    one(seed_limits, "lambda/snapstart", "성능", unit="factor", max=10.0, qualifier="최대")
    start = one(seed_limits, "cloudfront-functions", "시작 시간", max=0.001, qualifier="미만")
    assert start.source.line == 160
    one(seed_limits, "cloudfront-functions", "실행 시간", max=0.001, qualifier="미만")
    one(seed_limits, "lambda-edge", "실행 시간", max=10.0, qualifier="최대")
    one(seed_limits, "lambda-edge", "실행 시간", min=5.0, max=10.0)
    one(seed_limits, "lambda", "요청", unit="count", max=1e6, qualifier="무료")
    one(seed_limits, "lambda", "GB-초", unit="count", max=4e5, qualifier="무료")
    one(seed_limits, "lambda", "100만 건당", unit="usd", max=0.2)
    one(seed_limits, "lambda", "이벤트 기반 실행", unit="seconds", max=900.0, qualifier="최대")


def test_seed_skips_examples_versions_and_vague_amounts(seed_limits: list[Limit]) -> None:
    lines = {limit.source.line for limit in seed_limits}
    assert 85 not in lines  # 예: 128MB 메모리 사용 시 …
    assert 119 not in lines  # RAM 30GB, 실행 시간 30분, 3GB 파일 → Lambda 부적합
    assert 124 not in lines  # Java 11 이상
    assert 159 not in lines and 246 not in lines  # 수백만
    assert 320 not in lines  # (예: 2시간 후 세션 자동 만료)
    assert 381 not in lines  # 코그니토 서비스 2개
    assert 184 not in lines  # (백만 단위), (수천 단위)


def test_seed_provenance(seed_limits: list[Limit]) -> None:
    memory = one(seed_limits, "lambda", "메모리")
    assert memory.source == Source(SEED_PATH, 13, 102, "메모리: 128MB ~ 10GB (1MB 단위로 증가)")
    assert memory.value_text == "128MB ~ 10GB"
    table = one(seed_limits, "lambda-edge", "실행 시간", qualifier="최대")
    assert (table.source.line, table.source.text) == (186, "실행 시간 | 1ms 미만 | 최대 10초")


def test_seed_golden(seed_limits: list[Limit]) -> None:
    assert_golden_json(FIXTURES / "limits" / "seed-215-229.json", as_json(seed_limits))


# ----------------------------------------------------------------------------- fixtures


@pytest.mark.parametrize("path", LIMIT_FIXTURES, ids=[p.stem for p in LIMIT_FIXTURES])
def test_fixture_golden(path: Path, matcher: MentionMatcher) -> None:
    limits = limits_of(path.read_text(encoding="utf-8"), matcher, f"fixtures/{path.name}")
    assert_golden_json(path.with_suffix(".json"), as_json(limits))


# ----------------------------------------------------------------------------- rules


def test_particles_do_not_hide_the_subject(matcher: MentionMatcher) -> None:
    (memory,) = limits_of("- 람다의 메모리는 최대 10GB\n", matcher)
    assert row(memory) == ("lambda", "메모리", "bytes", None, 10 * GB, "최대")
    (pools,) = limits_of("- 코그니토를 쓰면 사용자 풀을 기본 1,000개까지 만들 수 있다\n", matcher)
    assert row(pools) == ("cognito", "사용자 풀", "count", None, 1000.0, "기본")


def test_wikilinks_name_the_service(matcher: MentionMatcher) -> None:
    (size,) = limits_of("- [[SQS]] 메시지 크기는 최대 256KB\n", matcher)
    assert (size.key, size.name, size.max) == ("sqs", "메시지 크기", 256 * KB)
    (interval,) = limits_of(
        "# [[Kinesis Data Firehose|Firehose]]\n- 버퍼 간격: 60초 ~ 900초\n", matcher
    )
    assert (interval.key, interval.min, interval.max) == ("kinesis-data-firehose", 60.0, 900.0)


def test_heading_gives_the_subject(matcher: MentionMatcher) -> None:
    text = "# 12. 람다 limit\n\n#### 실행 한도\n- **메모리**: 128MB ~ 10GB\n"
    (memory,) = limits_of(text, matcher)
    assert (memory.key, memory.source.line) == ("lambda", 4)


def test_nested_item_names(matcher: MentionMatcher) -> None:
    text = "# Lambda\n- 패키지 크기:\n    - 압축 시: 최대 50MB\n"
    (package,) = limits_of(text, matcher)
    assert (package.name, package.max) == ("패키지 크기 (압축 시)", 50 * MB)


@pytest.mark.parametrize(
    ("value", "low", "high", "qualifier"),
    [
        ("최대 4KB", None, 4 * KB, "최대"),
        ("4KB 이하", None, 4 * KB, "최대"),
        ("4KB까지", None, 4 * KB, "최대"),
        ("4KB 미만", None, 4 * KB, "미만"),
        ("최소 4KB", 4 * KB, None, "최소"),
        ("4KB 이상", 4 * KB, None, "최소"),
        ("4KB 초과", 4 * KB, None, "초과"),
        ("기본 4KB", None, 4 * KB, "기본"),
        ("약 4KB", None, 4 * KB, "약"),
        ("4KB", None, 4 * KB, ""),
        ("1KB ~ 4KB", KB, 4 * KB, ""),
    ],
)
def test_qualifiers_map_to_bounds(
    matcher: MentionMatcher, value: str, low: float | None, high: float | None, qualifier: str
) -> None:
    (limit,) = limits_of(f"# SQS\n- 메시지 크기: {value}\n", matcher)
    assert (limit.min, limit.max, limit.qualifier) == (low, high, qualifier)


def test_limit_word_in_the_name_means_a_maximum(matcher: MentionMatcher) -> None:
    (item,) = limits_of("# DynamoDB\n- **항목 크기 제한: 400KB**\n", matcher)
    assert (item.name, item.qualifier, item.max) == ("항목 크기", "최대", 400 * KB)


def test_rates_say_their_period(matcher: MentionMatcher) -> None:
    (rate,) = limits_of("# S3\n- 접두사당 초당 3,500건 PUT 요청\n", matcher)
    assert (rate.name, rate.unit, rate.max) == ("접두사당 PUT 요청 (초당)", "count", 3500.0)
    assert limit_dimension(rate) == "rate"


def test_bare_number_after_a_label(matcher: MentionMatcher) -> None:
    (limit,) = limits_of("# Lambda\n- 동시 실행 수: 1000\n", matcher)
    assert (limit.unit, limit.max, limit.name) == ("count", 1000.0, "동시 실행 수")


@pytest.mark.parametrize(
    "text",
    [
        "# Lambda\n- 예: 128MB 메모리 사용 시 1GB보다 8배 더 긴 실행 시간 가능\n",
        "# Lambda\n- 예) 메모리 512MB로 설정\n",
        "# Lambda\n### 판단 기준 예시\n- 메모리: 30GB\n",
        "# Lambda\n- RAM 30GB, 실행 시간 30분, 3GB 파일 → Lambda 부적합\n",
        "# DynamoDB\n- 세션 관리 (예: 2시간 후 세션 자동 만료)\n",
        "# Lambda\n- 대상: Java 11 이상 Lambda 함수\n",
        "# DynamoDB\n- 초당 수백만 개 요청 처리, 수조 개의 항목 저장 가능\n",
        "# Cognito\n- 코그니토 서비스 2개\n",
        "# EC2\n- 스팟 인스턴스는 2분 전에 중단 알림\n",
        "# 2025년 5월 14일 복습\n- 215강부터 229강까지 정리\n",
    ],
)
def test_not_limits(matcher: MentionMatcher, text: str) -> None:
    assert limits_of(text, matcher) == []


def test_duplicates_merge_to_the_first(matcher: MentionMatcher) -> None:
    text = "# Lambda\n- 환경변수 크기: 최대 4KB\n- **환경변수 크기** (배포 시 포함): 최대 4KB\n"
    (limit,) = limits_of(text, matcher)
    assert limit.source.line == 2


def test_table_with_services_in_rows(matcher: MentionMatcher) -> None:
    text = (
        "| 서비스 | 최대 메시지 크기 | 보존 기간 |\n|---|---|---|\n"
        "| SQS | 256KB | 4일 ~ 14일 |\n| Kinesis Data Streams | 1MB | 24시간 ~ 365일 |\n"
    )
    assert [row(limit) for limit in limits_of(text, matcher)] == [
        ("sqs", "최대 메시지 크기", "bytes", None, 256 * KB, "최대"),
        ("sqs", "보존 기간", "seconds", 4 * 86_400.0, 14 * 86_400.0, ""),
        ("kinesis-data-streams", "최대 메시지 크기", "bytes", None, MB, "최대"),
        ("kinesis-data-streams", "보존 기간", "seconds", 86_400.0, 365 * 86_400.0, ""),
    ]


@pytest.mark.parametrize(
    ("name", "unit", "dimension"),
    [
        ("메모리", "bytes", "memory"),
        ("RAM", "bytes", "memory"),
        ("Memory", "bytes", "memory"),
        ("최대 실행 시간", "seconds", "duration"),
        ("타임아웃", "seconds", "duration"),
        ("Timeout", "seconds", "duration"),
        ("항목 크기", "bytes", "item_size"),
        ("메시지 크기", "bytes", "item_size"),
        ("Item size", "bytes", "item_size"),
        ("패키지 크기 (압축 시)", "bytes", "package_size"),
        ("Deployment package", "bytes", "package_size"),
        ("동시 실행 수", "count", "concurrency"),
        ("Concurrent executions", "count", "concurrency"),
        ("보존", "seconds", "retention"),
        ("Retention period", "seconds", "retention"),
        ("임시 저장소 (/tmp)", "bytes", "storage"),
        ("객체 최대 크기", "bytes", "file_size"),
        ("요청 (초당)", "count", "rate"),
        ("샤드당 쓰기 (초당)", "bytes", "throughput"),
        ("TTL", "seconds", "ttl"),
        ("시작 시간", "seconds", "latency"),
        ("요금", "usd", "price"),
        ("성능 향상", "factor", "improvement"),
        ("버퍼 크기", "bytes", None),
    ],
)
def test_limit_dimension(name: str, unit: str, dimension: str | None) -> None:
    source = Source("n.md", 0, 1, "")
    limit = Limit("lambda", name, unit, None, 1.0, "1", "", source)  # type: ignore[arg-type]
    assert limit_dimension(limit) == dimension


def test_decomposed_hangul_reads_the_same_once_decoded(matcher: MentionMatcher) -> None:
    """Notes saved as NFD (macOS) are NFC after decoding; the limits then match exactly."""
    text = "# 람다 limit\n- **메모리**: 128MB ~ 10GB\n- 동시 실행 수: 기본 1,000개\n"
    decomposed = normalize_text(unicodedata.normalize("NFD", text))
    assert limits_of(decomposed, matcher) == limits_of(text, matcher)

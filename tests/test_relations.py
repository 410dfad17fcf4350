"""Relations read from notes: the seed's must-haves, golden fixtures, hand-judged precision."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notesgraph.extract.catalog import load_catalog
from notesgraph.extract.context import NoteContext, key_of
from notesgraph.extract.facts import RELATION_KINDS, Relation, split_key
from notesgraph.extract.mentions import MentionMatcher, default_matcher
from notesgraph.extract.relations import extract_relations
from notesgraph.parse import parse_note

from .conftest import FIXTURES, SEED, assert_golden_json

SEED_PATH = "AWS SAA/215-229 서버리스.md"
RELATION_DIR = FIXTURES / "relations"
NOTES = {path.stem: path for path in sorted(RELATION_DIR.glob("*.md"))} | {"seed": SEED}


@pytest.fixture(scope="module")
def matcher() -> MentionMatcher:
    return default_matcher()


def note_path(name: str) -> str:
    return SEED_PATH if name == "seed" else f"relations/{name}.md"


def relations_of(text: str, matcher: MentionMatcher, path: str = "note.md") -> list[Relation]:
    return extract_relations(NoteContext(parse_note(path, text), matcher))


def read(name: str, matcher: MentionMatcher) -> list[Relation]:
    return relations_of(NOTES[name].read_text(encoding="utf-8"), matcher, note_path(name))


def triples(relations: list[Relation]) -> set[tuple[str, str, str]]:
    return {(r.source_key, r.target_key, r.kind) for r in relations}


@pytest.fixture(scope="module")
def seed(matcher: MentionMatcher) -> list[Relation]:
    return read("seed", matcher)


# ------------------------------------------------------------------ the seed
SEED_MUST_HAVE = [
    ("api-gateway", "lambda", "invokes"),  # API Gateway → REST API 요청 시 Lambda 호출
    ("s3", "lambda", "triggers"),  # S3 → 파일 업로드 등 이벤트 발생 시 Lambda 실행
    ("dynamodb", "lambda", "triggers"),  # DynamoDB → 데이터 변경 시 트리거
    ("eventbridge", "lambda", "triggers"),  # CloudWatch / EventBridge → 이벤트 기반 자동화
    ("lambda", "vpc", "runs_in"),  # Lambda를 VPC 내에서 실행
    ("lambda", "rds-proxy", "connects_through"),  # 프록시를 통해 연결
    ("lambda", "ec2", "compared_with"),  # 전통적인 서버 방식 (Amazon EC2)와 비교
    ("cloudfront-functions", "lambda-edge", "compared_with"),  # 비교 요약표
    ("dynamodb/dax", "elasticache", "alternative_to"),  # ElastiCache보다 DAX를 사용하는 이유
    ("cognito", "api-gateway", "authenticates"),  # Cognito: 모바일/웹 사용자 인증
]


@pytest.mark.parametrize("triple", SEED_MUST_HAVE, ids=lambda t: " ".join(t))
def test_seed_must_haves(seed: list[Relation], triple: tuple[str, str, str]) -> None:
    assert triple in triples(seed)


def test_seed_cloudfront_leads_to_lambda_edge(seed: list[Relation]) -> None:
    kinds = {r.kind for r in seed if (r.source_key, r.target_key) == ("cloudfront", "lambda-edge")}
    assert kinds, "CloudFront → Lambda@Edge gives a relation of some kind"


def test_seed_kinesis_delivers_to_s3(seed: list[Relation]) -> None:
    # "Kinesis 스트림과 연결해 데이터 수집 → S3 저장": the catalogue names the stream KDS.
    senders = {r.source_key for r in seed if r.target_key == "s3" and r.kind == "sends_to"}
    assert senders & {"kinesis", "kinesis-data-streams"}


def test_seed_names_no_languages_protocols_or_companies(seed: list[Relation]) -> None:
    catalog = load_catalog()
    for relation in seed:
        for key in (relation.source_key, relation.target_key):
            service, _ = split_key(key)
            catalog.service(service)  # raises for anything outside the catalogue
            for word in ("node", "python", "websocket", "swagger", "facebook", "google"):
                assert word not in key


def test_seed_category_and_negated_lines_give_nothing(seed: list[Relation]) -> None:
    lines = {r.evidence.line for r in seed}
    assert not lines & {13, 14, 15, 16, 17, 18, 19, 20}  # "정적 콘텐츠 → S3, CloudFront" …
    assert 211 not in lines  # "Lambda 함수는 기본적으로 VPC 외부에서 실행"
    assert 387 not in lines  # "… ALB로 접근하는게 아니라"


def test_seed_evidence_quotes_the_note(seed: list[Relation]) -> None:
    relation = next(r for r in seed if (r.source_key, r.kind) == ("api-gateway", "invokes"))
    assert relation.evidence.note == SEED_PATH
    assert relation.evidence.line == 62
    assert relation.evidence.text == "API Gateway → REST API 요청 시 Lambda 호출"
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for r in seed:
        assert r.evidence.line >= 1
        assert r.evidence.section >= 0
        if "|" not in r.evidence.text:  # table rows are quoted cell by cell
            words = r.evidence.text.split()[0]
            assert words in lines[r.evidence.line - 1].replace("**", "")


def test_seed_first_statement_wins(seed: list[Relation]) -> None:
    counts: dict[tuple[str, str, str], int] = {}
    for r in seed:
        counts[(r.source_key, r.target_key, r.kind)] = (
            counts.get((r.source_key, r.target_key, r.kind), 0) + 1
        )
    assert set(counts.values()) == {1}
    s3 = next(
        r for r in seed if (r.source_key, r.target_key, r.kind) == ("s3", "lambda", "triggers")
    )
    assert s3.evidence.line == 65  # not the thumbnail flow on line 74


def test_seed_features_come_from_the_catalogue(matcher: MentionMatcher) -> None:
    """Features need no extractor of their own: the matcher names them ``service/feature``."""
    note = parse_note(SEED_PATH, SEED.read_text(encoding="utf-8"))
    keys = {key_of(m) for block in note.blocks for m in matcher.find(block.text)}
    assert {
        "lambda/snapstart",
        "dynamodb/dax",
        "dynamodb/streams",
        "dynamodb/global-tables",
        "dynamodb/ttl",
        "dynamodb/pitr",
        "dynamodb/capacity-modes",
        "dynamodb/provisioned-mode",
        "dynamodb/on-demand-mode",
        "cognito/user-pools",
        "cognito/identity-pools",
    } <= keys


# ------------------------------------------------------------- golden files
def golden_rows(relations: list[Relation]) -> list[dict[str, Any]]:
    return [
        {"source": r.source_key, "target": r.target_key, "kind": r.kind, "line": r.evidence.line}
        for r in relations
    ]


@pytest.mark.parametrize("name", sorted(NOTES))
def test_golden(name: str, matcher: MentionMatcher) -> None:
    assert_golden_json(RELATION_DIR / f"{name}.relations.json", golden_rows(read(name, matcher)))


# ---------------------------------------------------- precision and recall
def _matches(entry: dict[str, Any], triple: tuple[str, str, str]) -> bool:
    source, target, kind = triple
    return (
        source in entry["source"].split("|")
        and target in entry["target"].split("|")
        and kind in entry["kind"].split("|")
    )


def score(name: str, matcher: MentionMatcher) -> tuple[list[Any], list[Any], list[Any]]:
    """(relations no truth entry allows, required entries found, required entries missed)."""
    truth = json.loads((RELATION_DIR / f"{name}.truth.json").read_text(encoding="utf-8"))
    found = triples(read(name, matcher))
    allowed = truth["required"] + truth["acceptable"]
    wrong = sorted(t for t in found if not any(_matches(e, t) for e in allowed))
    hit = [e for e in truth["required"] if any(_matches(e, t) for t in found)]
    missed = [e for e in truth["required"] if e not in hit]
    return wrong, hit, missed


@pytest.mark.parametrize("name", sorted(NOTES))
def test_every_relation_is_right(name: str, matcher: MentionMatcher) -> None:
    """Precision: each extracted relation is one a careful reader would accept."""
    wrong, _, _ = score(name, matcher)
    assert wrong == []


def test_recall_on_fixtures(matcher: MentionMatcher) -> None:
    hits = misses = 0
    for name in NOTES:
        _, hit, missed = score(name, matcher)
        hits, misses = hits + len(hit), misses + len(missed)
    assert hits / (hits + misses) >= 0.9


# --------------------------------------------------------- sentence shapes
def test_particles_and_wikilinks_to_service_names(matcher: MentionMatcher) -> None:
    text = (
        "# 147. [[SQS]] 심화\n\n- [[Lambda|람다]]를 [[Step Functions]]에서 호출해 워크플로 구성\n"
    )
    assert triples(relations_of(text, matcher)) == {("step-functions", "lambda", "invokes")}


def test_subject_that_is_not_a_service_blocks_the_guess(matcher: MentionMatcher) -> None:
    text = "# 226. API Gateway\n\n- 클라이언트가 Lambda를 직접 호출하려면 IAM 권한 필요\n"
    assert relations_of(text, matcher) == []


def test_negation(matcher: MentionMatcher) -> None:
    text = "# 221. 람다 in VPC\n\n- 퍼블릭 Lambda는 RDS 프록시와 연결할 수 없습니다.\n"
    assert relations_of(text, matcher) == []


def test_list_item_takes_the_heading_as_its_other_end(matcher: MentionMatcher) -> None:
    text = (
        "# 216. 람다 개요\n\n### AWS 서비스와의 통합 예시\n- **DynamoDB** → 데이터 변경 시 트리거\n"
    )
    assert triples(relations_of(text, matcher)) == {("dynamodb", "lambda", "triggers")}


def test_flow_hops(matcher: MentionMatcher) -> None:
    text = "# 활용\n\n- IoT 기기 → Kinesis Data Streams → Lambda 실행 → DynamoDB에 저장\n"
    assert triples(relations_of(text, matcher)) == {
        ("kinesis-data-streams", "lambda", "triggers"),
        ("lambda", "dynamodb", "sends_to"),
    }


def test_in_front_of(matcher: MentionMatcher) -> None:
    text = "# 보안\n\n- WAF를 API Gateway 앞에 배치해 SQL 인젝션 차단\n"
    assert triples(relations_of(text, matcher)) == {("waf", "api-gateway", "fronts")}


def test_batch_is_not_placing(matcher: MentionMatcher) -> None:
    text = "# 90. 컴퓨팅\n\n- AWS Batch는 EC2 또는 Fargate에서 배치 작업 실행\n"
    assert ("batch", "ec2", "runs_in") in triples(relations_of(text, matcher))
    assert all(r.kind != "fronts" for r in relations_of(text, matcher))


def test_relations_are_deterministic(matcher: MentionMatcher) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert relations_of(text, matcher, SEED_PATH) == relations_of(text, matcher, SEED_PATH)


_FRAGMENTS = [
    "Lambda",
    "람다를",
    "S3에",
    "API Gateway에서",
    "DynamoDB와",
    "SQS로",
    "VPC 내에서",
    "를 통해",
    "호출",
    "실행",
    "트리거",
    "연동",
    "저장",
    "인증",
    "대신",
    "보다",
    "비교",
    "→",
    ":",
    ",",
    " ",
    "\n- ",
    "### ",
    "클라이언트가",
    "않음",
    "(",
    ")",
    "**",
    "==",
    "SNS 토픽",
    "RDS 프록시",
    "사용하는 이유",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40))
def test_any_text_gives_well_formed_relations(parts: list[str]) -> None:
    relations = relations_of("# 노트\n\n- " + "".join(parts), default_matcher())
    for relation in relations:
        assert relation.kind in RELATION_KINDS
        assert relation.source_key != relation.target_key
        assert relation.evidence.line >= 1

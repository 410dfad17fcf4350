"""The packaged AWS catalogue is complete and consistent; vault extras merge or fail clearly."""

from __future__ import annotations

from typing import Any

import pytest

from notesgraph.extract.catalog import (
    PREFIXES,
    CatalogError,
    Feature,
    Service,
    load_catalog,
    name_key,
)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_catalogue_covers_an_saa_student(catalog) -> None:
    assert 150 <= len(catalog.services) <= 230
    assert sum(len(s.features) for s in catalog.services) >= 250
    ids = [s.id for s in catalog.services]
    assert ids == sorted(ids)
    used = {s.category for s in catalog.services}
    assert used == {c.id for c in catalog.categories}, "every category is used"


@pytest.mark.parametrize(
    ("service_id", "label"),
    [
        ("lambda", "Lambda"),
        ("api-gateway", "API Gateway"),
        ("dynamodb", "DynamoDB"),
        ("cognito", "Cognito"),
        ("cloudfront", "CloudFront"),
        ("lambda-edge", "Lambda@Edge"),
        ("cloudfront-functions", "CloudFront Functions"),
        ("rds-proxy", "RDS Proxy"),
        ("s3", "S3"),
        ("ec2", "EC2"),
        ("kinesis-data-streams", "Kinesis Data Streams"),
        ("kinesis-data-firehose", "Data Firehose"),
        ("eventbridge", "EventBridge"),
        ("acm", "Certificate Manager"),
        ("alb", "Application Load Balancer"),
        ("backup", "Backup"),
    ],
)
def test_canonical_labels(catalog, service_id: str, label: str) -> None:
    assert catalog.service(service_id).label == label


def test_families_and_relations(catalog) -> None:
    assert catalog.service("rds-proxy").part_of == "rds"
    assert catalog.service("aurora").part_of == "rds"
    assert catalog.service("alb").part_of == "elb"
    assert catalog.service("lambda-edge").part_of == "cloudfront"
    assert "lambda" in catalog.service("lambda-edge").related
    assert catalog.service("glacier").part_of == "s3"
    for service in catalog.services:
        for other in (service.part_of, *service.related):
            if other is not None:
                assert catalog.service(other).id == other


def test_every_name_has_one_owner(catalog) -> None:
    owners: dict[str, set[tuple[str, str | None]]] = {}
    for name, service_id, feature_id in catalog.entries():
        owners.setdefault(name.key, set()).add((service_id, feature_id))
        assert not any(name.text.lower().startswith(p.lower() + " ") for p in PREFIXES)
    shared = {key: who for key, who in owners.items() if len(who) > 1}
    assert shared == {}
    assert not set(owners) & {name_key(w) for w in catalog.not_services}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("람다", "lambda"),
        ("코그니토", "cognito"),
        ("다이나모DB", "dynamodb"),
        ("Simple Queue Service", "sqs"),
        ("CloudWatch Events", "eventbridge"),
        ("RDS 프록시", "rds-proxy"),
        ("엘라스틱 빈스톡", "elastic-beanstalk"),
        ("애플리케이션 로드 밸런서", "alb"),
        ("ACM", "acm"),
        ("route53", "route-53"),
        ("Kinesis Data Analytics", "kinesis-data-analytics"),
    ],
)
def test_lookup_service_names(catalog, name: str, expected: str) -> None:
    found = catalog.lookup(name)
    assert isinstance(found, Service)
    assert found.id == expected


@pytest.mark.parametrize(
    ("name", "service_id", "feature_id"),
    [
        ("SnapStart", "lambda", "snapstart"),
        ("사용자풀", "cognito", "user-pools"),
        ("자격 증명 풀", "cognito", "identity-pools"),
        ("페더레이션 자격 증명", "cognito", "identity-pools"),
        ("DynamoDB Streams", "dynamodb", "streams"),
        ("글로벌 테이블", "dynamodb", "global-tables"),
        ("ENI", "vpc", "eni"),
        ("온디맨드 모드", "dynamodb", "on-demand-mode"),
        ("Aurora Serverless", "aurora", "serverless"),
    ],
)
def test_lookup_feature_names(catalog, name: str, service_id: str, feature_id: str) -> None:
    found = catalog.lookup(name)
    assert isinstance(found, Feature)
    assert (found.service, found.id) == (service_id, feature_id)
    assert catalog.feature(service_id, feature_id) is found


def test_unknown_ids_raise_key_error(catalog) -> None:
    with pytest.raises(KeyError, match="no service 'nope'"):
        catalog.service("nope")
    with pytest.raises(KeyError, match="no feature 'nope'"):
        catalog.feature("lambda", "nope")
    assert catalog.lookup("람다식") is None


@pytest.mark.parametrize(
    "word",
    ["Node.js", "python", "Java", "C#", "Go", "Kubernetes", "Swagger", "OpenAPI"]
    + ["WebSocket", "JSON", "ION", "Facebook", "Google", "구글", "람다식", "REST"],
)
def test_not_services(catalog, word: str) -> None:
    assert catalog.is_not_service(word)
    assert catalog.lookup(word) is None


@pytest.mark.parametrize("word", ["Lambda", "EKS", "람다", "DAX"])
def test_services_are_not_refused(catalog, word: str) -> None:
    assert not catalog.is_not_service(word)


@pytest.mark.parametrize("word", ["Backup", "백업", "Config", "Batch", "Connect", "RAM", "MQ"])
def test_common_words_require_the_prefix(catalog, word: str) -> None:
    rules = {n.requires_prefix for n, _, _ in catalog.entries() if n.key == name_key(word)}
    assert rules == {True}


def test_label_is_a_name_with_the_listed_prefix_rule(catalog) -> None:
    assert [n.text for n in catalog.service("dynamodb").names][:2] == ["DynamoDB", "Dynamo DB"]
    backup = catalog.service("backup").names
    assert [(n.text, n.requires_prefix) for n in backup] == [("Backup", True)]


def test_packaged_catalogue_is_cached() -> None:
    assert load_catalog() is load_catalog()
    assert load_catalog({}) is load_catalog()


def test_vault_extras_merge() -> None:
    extra = {
        "aliases": {"cognito": ["코드니토", "Kognito"], "dynamodb/dax": ["닥스"]},
        "services": [
            {
                "id": "study-helper",
                "label": "Study Helper",
                "category": "end-user",
                "names": ["StudyHelper"],
                "ko": ["스터디 헬퍼"],
                "part_of": "amplify",
                "features": [{"id": "cards", "label": "Flashcards", "ko": ["플래시카드"]}],
            }
        ],
        "not_services": ["Notion"],
    }
    catalog = load_catalog(extra)
    assert catalog.lookup("코드니토").id == "cognito"
    assert catalog.lookup("kognito").id == "cognito"
    assert catalog.service("cognito").ko[-1].text == "코드니토"
    assert catalog.lookup("닥스").id == "dax"
    assert catalog.lookup("스터디헬퍼").id == "study-helper"
    assert catalog.lookup("플래시카드").service == "study-helper"
    assert catalog.is_not_service("notion")
    assert load_catalog().lookup("코드니토") is None, "extras never leak into the default"


def _service(**overrides: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": "my-service", "label": "My Service", "category": "compute"}
    entry.update(overrides)
    return entry


_TWO_FEATURES = [{"id": "a", "label": "A1"}, {"id": "a", "label": "A2"}]
_BAD_PREFIX_FLAG = [{"name": "X1", "requires_prefix": "yes"}]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"services": [_service(category="space")]}, r"'my-service'.*unknown category 'space'"),
        ({"services": [_service(id="lambda")]}, r"service 'lambda' is defined twice"),
        ({"services": [_service(id="My Service")]}, r"id 'My Service' must be a lower-case slug"),
        (
            {"services": [_service(ko=["람다"])]},
            r"'람다' is a name of both service 'lambda' and service 'my-service'",
        ),
        ({"services": [_service(names=["AWS Thing"])]}, r"'AWS Thing' starts with 'AWS'"),
        ({"services": [_service(colour="red")]}, r"'my-service'.*unknown key\(s\) \['colour'\]"),
        ({"services": [_service(part_of="nowhere")]}, r"'my-service': unknown service 'nowhere'"),
        ({"services": [_service(names=_BAD_PREFIX_FLAG)]}, r"requires_prefix must be true or"),
        ({"services": [_service(features=_TWO_FEATURES)]}, r"'my-service'\): feature id 'a' is"),
        ({"services": [_service(names=[42])]}, r"'my-service'\): names: expected a string.*42"),
        (
            {"aliases": {"cognito": ["람다"]}},
            r"'람다' is a name of both service 'cognito' and service 'lambda'",
        ),
        ({"aliases": {"nope": ["x1"]}}, r"aliases\['nope'\]: no service 'nope'"),
        ({"aliases": {"lambda/nope": ["x1"]}}, r"service 'lambda' has no feature 'nope'"),
        ({"aliases": ["람다함수"]}, r"aliases must map ids to lists of names"),
        ({"not_services": ["Lambda"]}, r"not_services: 'Lambda' is also a name of service"),
        ({"servicez": []}, r"vault config: unknown key\(s\) \['servicez'\]"),
    ],
)
def test_bad_extras_name_the_entry(extra: dict[str, Any], message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        load_catalog(extra)

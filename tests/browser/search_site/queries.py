"""What a Korean learner types, and where the real seed site must send them.

A query passes when one of its ``expected`` locations is among the first five
result links, in the order the result list shows them (a page's heading item,
then its sections). An expected location with ``#`` must match exactly; one
ending in ``/`` is a whole page, any of its sections counts.

``issue`` marks the queries named in the search issue; all of those must pass.
The seed note is ``vault/AWS SAA/215-229 서버리스.md``; the SQS, Kinesis, S3, EC2
and DAX notes are ours (``notes/``), copied beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

SEED = "notes/AWS-SAA/215-229-서버리스/"
DAX = "notes/AWS-SAA/DAX/"
EC2 = "notes/AWS-SAA/EC2/"
KINESIS = "notes/AWS-SAA/Kinesis/"
S3 = "notes/AWS-SAA/S3/"
SQS = "notes/AWS-SAA/SQS/"


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    expected: tuple[str, ...]  # site-relative locations; any one in the top 5 passes
    why: str
    issue: bool = False

    def matches(self, location: str) -> bool:
        """Whether a result location is one of the expected ones."""
        for want in self.expected:
            if "#" in want and location == want:
                return True
            if "#" not in want and location.split("#", 1)[0] == want:
                return True
        return False


def _q(text: str, *expected: str, why: str, issue: bool = False) -> Query:
    return Query(text, expected, why, issue)


LIMITS = SEED + "#실행-한도"

QUERIES: tuple[Query, ...] = (
    # The issue's queries.
    _q("람다는", "services/lambda/", why="particle 는 on the alias", issue=True),
    _q(
        "람다가",
        "services/lambda/",
        SEED + "#216-람다-개요",
        SEED + "#lambda의-주요-특징",
        why="particle 가; the text says Lambda가",
        issue=True,
    ),
    _q(
        "람다함수",
        SEED + "#221-람다-in-vpc",
        SEED + "#219-람다-snapstart",
        SEED + "#220-람다엣지-cloudfront-functions",
        SEED + "#작동-방식",
        why="no space: 람다 + 함수, the text says Lambda 함수",
        issue=True,
    ),
    _q("람다의 메모리", LIMITS, why="particle 의 and a second word; a sub-sub-section", issue=True),
    _q(
        "코그니토를",
        SEED + "#229-cognito-코그니토",
        why="object particle on a transliteration",
        issue=True,
    ),
    _q(
        "사용자풀",
        SEED + "#229-cognito-코그니토",
        why="spacing: the text says 사용자 풀",
        issue=True,
    ),
    _q(
        "클라우드프론트",
        SEED + "#220-람다엣지-cloudfront-functions",
        SEED + "#cloudfront-functions",
        "services/cloudfront/",
        why="Korean spelling of CloudFront",
        issue=True,
    ),
    _q("Cognito", "services/cognito/", why="a service name puts its page first", issue=True),
    _q("코그니토", SEED + "#229-cognito-코그니토", why="alias of Cognito", issue=True),
    _q("(15분)", LIMITS, why="token glued to punctuation", issue=True),
    _q("15분", LIMITS, why="number + Korean unit", issue=True),
    _q("900", LIMITS, why="bare number of 900초", issue=True),
    _q("400KB", SEED + "#데이터-구조", why="number + Latin unit", issue=True),
    _q("128MB", LIMITS, why="number + Latin unit", issue=True),
    _q("시간", SEED, SQS, KINESIS, DAX, why="not a stop word: any note saying 시간", issue=True),
    _q(
        "캐시",
        DAX,
        SEED + "#1-dax-dynamodb-accelerator",
        "services/dynamodb/#feature-dax",
        why="finds DAX",
        issue=True,
    ),
    _q("Lambda 메모리", LIMITS, why="mixed Korean and English", issue=True),
    _q("람다 메모리 한도", LIMITS, why="mixed aliases and nouns", issue=True),
    # Ours, over the seed note.
    _q("람다", "services/lambda/", why="the alias puts the service page first"),
    _q("사용자 풀", SEED + "#229-cognito-코그니토", why="spaced form"),
    _q("자격증명 풀", SEED + "#229-cognito-코그니토", why="no space inside 자격증명"),
    _q(
        "람다@엣지",
        SEED + "#lambdaedge",
        SEED + "#220-람다엣지-cloudfront-functions",
        "services/lambda-edge/",
        why="alias over punctuation",
    ),
    _q(
        "스냅스타트",
        SEED + "#219-람다-snapstart",
        "services/lambda/#feature-snapstart",
        why="Korean spelling of SnapStart",
    ),
    _q("API 게이트웨이", "services/api-gateway/", why="mixed-script alias"),
    _q("다이나모DB 항목 크기", SEED + "#데이터-구조", why="mixed-script alias and two nouns"),
    _q("동시 실행", LIMITS, why="two nouns"),
    _q(
        "RDS 프록시를",
        SEED + "#221-람다-in-vpc",
        "services/rds-proxy/",
        why="alias phrase with a particle",
    ),
    _q(
        "엣지 로케이션에서",
        SEED + "#220-람다엣지-cloudfront-functions",
        "services/cloudfront/#feature-edge-locations",
        why="two-syllable particle 에서",
    ),
    _q("스냅샷으로", SEED + "#작동-방식", why="particle 으로 on a compound"),
    _q("1,000개", LIMITS, why="thousands separator and counter"),
    _q("10GB", LIMITS, why="number + unit"),
    _q("1024MB", SEED + "#lambda-과금-구조", why="the same quantity as 1GB"),
    # Ours, over our own notes.
    _q("가시성 시간 초과", SQS + "#가시성-시간-초과-visibility-timeout", why="three nouns"),
    _q("SQS 메시지 보존 기간", SQS + "#표준-대기열-특징", why="mixed, four words"),
    _q("14일", SQS + "#표준-대기열-특징", why="number + Korean unit"),
    _q("대기열을", SQS, why="particle 을"),
    _q("키네시스 샤드", KINESIS + "#샤드와-용량", why="Korean alias + noun"),
    _q("샤드당", KINESIS + "#샤드와-용량", why="suffix 당 kept by the analyser"),
    _q("365일", KINESIS + "#데이터-보존", why="number + unit"),
    _q("96시간", SQS + "#표준-대기열-특징", why="the same quantity as 4일"),
    _q("5TB", S3 + "#객체-크기-제한", why="number + unit"),
    _q("스토리지 클래스", S3 + "#스토리지-클래스", why="two nouns"),
    _q("멀티파트 업로드", S3 + "#객체-크기-제한", why="loanword compound"),
    _q("스팟 인스턴스는", EC2 + "#구매-옵션", why="particle on the second word"),
    _q("90%", EC2 + "#구매-옵션", why="percentage"),
    _q("인스턴스 유형", EC2 + "#인스턴스-유형", why="two nouns"),
    _q("마이크로초", DAX + "#성능", SEED + "#1-dax-dynamodb-accelerator", why="compound noun"),
    _q(
        "DAX와 ElastiCache",
        DAX + "#dax와-elasticache-비교",
        "compare/elasticache-vs-dax/",
        why="particle on a Latin word",
    ),
)

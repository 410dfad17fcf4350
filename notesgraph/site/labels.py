"""Korean labels for what the site shows: relation kinds, categories, page titles."""

from __future__ import annotations

#: How a relation reads on a page: (label, phrase for "A <phrase> B").
RELATION_LABELS: dict[str, str] = {
    "invokes": "호출",
    "triggers": "트리거",
    "integrates_with": "통합",
    "sends_to": "데이터 전송",
    "runs_in": "안에서 실행",
    "connects_through": "경유 연결",
    "authenticates": "인증 제공",
    "compared_with": "비교",
    "alternative_to": "대안",
    "part_of": "구성 요소",
    "fronts": "앞단 배치",
    "feature_of": "기능",
    "uses": "사용",
    "stores_in": "저장",
}

CATEGORY_LABELS: dict[str, str] = {
    "compute": "컴퓨팅",
    "containers": "컨테이너",
    "storage": "스토리지",
    "database": "데이터베이스",
    "networking": "네트워킹·콘텐츠 전송",
    "security": "보안·자격 증명",
    "integration": "애플리케이션 통합",
    "analytics": "분석",
    "management": "관리·거버넌스",
    "developer-tools": "개발자 도구",
    "machine-learning": "머신 러닝",
    "migration": "마이그레이션·전송",
    "end-user": "최종 사용자·프런트엔드",
    "iot": "IoT",
    "media": "미디어",
    "cost-management": "비용 관리",
    "other": "기타",
}

UNIT_LABELS: dict[str, str] = {
    "bytes": "크기",
    "seconds": "시간",
    "count": "개수",
    "usd": "요금",
    "percent": "비율",
    "factor": "배수",
}


def relation_label(kind: str) -> str:
    return RELATION_LABELS.get(kind, kind.replace("_", " "))


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)

"""Word lists and particles for reading Korean limits, kept apart so they can be tuned as data."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


QUALIFIER_WORDS = {
    "최대": "최대", "최대치": "최대", "최고": "최대", "up to": "최대", "max": "최대",
    "maximum": "최대", "최소": "최소", "min": "최소", "minimum": "최소", "at least": "최소",
    "기본": "기본", "기본값": "기본", "디폴트": "기본", "default": "기본",
    "약": "약", "대략": "약", "about": "약", "less than": "미만", "more than": "초과",
}  # fmt: skip
PREFIX_RE = re.compile(
    r"(?:^|(?<=[\s(]))(최대치?|최고|최소|기본값?|디폴트|약|대략|up to|max(?:imum)?|min(?:imum)?"
    r"|at least|default|about|less than|more than)\s*$",
    re.IGNORECASE,
)
SUFFIX_RE = re.compile(
    r"\s?(?:(미만|이하|이상|초과|까지|이내)[가-힣]*|(내)(?:에|로|의)?(?![가-힣]))"
    r"|\s(or less|or more)\b"
)
SUFFIX_QUALIFIER = {
    "미만": "미만", "초과": "초과", "이상": "최소", "or more": "최소",
    "이하": "최대", "까지": "최대", "이내": "최대", "내": "최대", "or less": "최대",
}  # fmt: skip
PAREN_QUALIFIER = re.compile(r"\(\s*(기본|최대|최소)(?![가-힣])")
FREE = re.compile(r"무료|프리\s?티어|free\s?tier", re.IGNORECASE)
PER_SUFFIX = {"초": "초당", "분": "분당", "시간": "시간당", "일": "일당", "주": "주당",
              "월": "월간", "년": "연간"}  # fmt: skip
PER_WORDS = _words("초당 분당 시간당 일당 하루 매일 일일 매주 주당 매월 월간 월 매년 연간 연")
#: Counting words that name what is counted; IOPS/TPS/… are already per second.
MEASURE_COUNTERS = {"IOPS": True, "TPS": True, "RPS": True, "QPS": True, "RCU": False,
                    "WCU": False, "GB-초": False}  # fmt: skip

VAGUE = re.compile(r"(?:수|몇)\s?(?:십|백|천|만)*\s?(?:초|분|시간|일|개|건|배|[KMGT]B)")
CHANGE = re.compile(r"\s*(단축|감소|향상|증가|개선|절감|절약|감축)")
LIMIT_NAME = re.compile(r"\s+(?:제한|한도|limit|quota)$", re.IGNORECASE)

GENERIC_LABELS = _words(
    "장점 단점 특징 대상 결론 참고 요약 비고 주의 팁 예 예시 연동 통합 사용 활용"
    " 효과 목적 이유 방법 위치 종류 유형 핵심 포인트 정리 설명 개념 특성 기능 비교"
    " 기타 중요 설정 note tip"
)
STOP_WORDS = _words(
    "후 전 때 없이 이후 이전 최근 또는 및 그리고 등 각 경우 중 동안 대비 → -> + = / ~ :"
)
#: Verbal nouns say what is done with a figure ("설정 가능", "멀티파트 업로드 사용"), never
#: what it measures; next to the figure they are skipped, after it they end the name.
VERBAL_NOUNS = _words("설정 사용 구성 지정 선택 조정 변경 생성 수신 전송 조회")
COPULAS = _words("is are was were be = :")
VERB_END = re.compile(
    r"(?:하며|하고|하여|해서|되며|되고|되어|하면|이며|으며|으면|지만|므로|는데|니다|습니다"
    r"|있는|없는|되는|하는|가능|불가|필요|지원|제공|처리|적합|권장)$"
)
#: Nouns that end like a particle (길이 is not 길 + 이).
_NOUN_ENDINGS = tuple(
    _words(
        "길이 높이 깊이 넓이 차이 사이 증가 추가 평가 단가 정의 주의 결과 효과 초과"
        " 통과 부과 한도 속도 빈도 정도 용도"
    )
)
CORE_PARTICLES = ("은", "는", "이", "가", "을", "를", "의", "도")
_ADVERB_PARTICLES = ("에서", "으로", "에", "로", "와", "과", "보다", "부터", "마다", "만")


def strip_particle(word: str, *, core_only: bool = False) -> str:
    """``메모리는`` → ``메모리``, ``TTL은`` → ``TTL``; nouns like ``길이``, ``한도`` stay whole."""
    if word.endswith(_NOUN_ENDINGS):
        return word
    particles = CORE_PARTICLES if core_only else CORE_PARTICLES + _ADVERB_PARTICLES
    for particle in sorted(particles, key=len, reverse=True):
        if word.endswith(particle) and len(word) > len(particle) and _fits(word, particle):
            return word[: -len(particle)]
    return word


def _fits(word: str, particle: str) -> bool:
    """은/이/을/과/으로 follow a final consonant, 는/가/를/와 a vowel (Latin fits both)."""
    before = word[-len(particle) - 1]
    if not "가" <= before <= "힣":
        return True
    final = (ord(before) - ord("가")) % 28 != 0
    if particle in ("은", "이", "을", "과", "으로"):
        return final
    if particle in ("는", "가", "를", "와"):
        return not final
    return True

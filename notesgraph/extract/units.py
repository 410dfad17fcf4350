"""Numbers with units in Korean and English study notes, normalised to base units.

``128MB ~ 10GB``, ``900초``, ``월 100만 건``, ``$0.20``, ``66%``, ``10배`` become
:class:`Quantity` values in bytes, seconds, count, usd, percent or factor, with
the span and the words as written so a page can quote them. Byte multiples are
binary (1 KB = 1024 B), as AWS quotas are; months are 30 days and years 365.
Vague amounts (``수백만``, ``수 초``), dates and ordinals give nothing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..pickling import compact
from .facts import Unit

#: Calendar lengths used to turn months and years into seconds.
DAY = 86_400.0
MONTH = 30 * DAY
YEAR = 365 * DAY


@compact
@dataclass(frozen=True, slots=True)
class Quantity:
    """One number (or range) found in text, in base units.

    ``low == high`` unless the text gave a range. ``per`` is the period of a
    rate (``초`` for ``초당 3,000건`` or ``1MB/s``); ``each`` marks a
    denominator such as ``100만 건당``, which is part of a name, not a value.
    """

    start: int
    end: int
    text: str
    unit: Unit
    low: float
    high: float
    per: str | None = None  # 초 분 시간 일 주 월 년
    counter: str = ""  # the counting word as written: "건", "GB-초", "IOPS"
    each: bool = False
    bare: bool = False  # a number with no unit at all ("Java 11")

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@compact
@dataclass(frozen=True, slots=True)
class _UnitWord:
    pattern: str
    unit: Unit
    factor: float
    counter: str = ""
    per: str | None = None


# Longest and most specific first: "GB-초" before "GB", "개월" before "개", "ms" before "s".
_UNIT_WORDS: tuple[_UnitWord, ...] = (
    _UnitWord(r"GB-(?:초|s\b|seconds?\b)", "count", 1, "GB-초"),
    _UnitWord(r"Gbps", "bytes", 1e9 / 8, per="초"),
    _UnitWord(r"Mbps", "bytes", 1e6 / 8, per="초"),
    _UnitWord(r"Kbps", "bytes", 1e3 / 8, per="초"),
    _UnitWord(r"PiB|PB|페타바이트", "bytes", 1024.0**5),
    _UnitWord(r"TiB|TB|테라바이트", "bytes", 1024.0**4),
    _UnitWord(r"GiB|GB|기가바이트", "bytes", 1024.0**3),
    _UnitWord(r"MiB|MB|메가바이트", "bytes", 1024.0**2),
    _UnitWord(r"KiB|[Kk]B|킬로바이트", "bytes", 1024.0),
    _UnitWord(r"bytes?\b|B(?![A-Za-z])|바이트", "bytes", 1),
    _UnitWord(r"밀리초|ms\b|milliseconds?\b", "seconds", 1e-3),
    _UnitWord(r"마이크로초|[µμ]s\b|microseconds?\b", "seconds", 1e-6),
    _UnitWord(r"초(?![과기래반])|seconds?\b|secs?\b|s\b", "seconds", 1),
    _UnitWord(r"분(?![기석산리류할야배포]|의\s?\d)|minutes?\b|mins?\b", "seconds", 60),
    _UnitWord(r"시간|hours?\b|hrs?\b|h\b", "seconds", 3600),
    _UnitWord(r"개월|달(?![러성리])|months?\b", "seconds", MONTH),
    _UnitWord(r"주일?(?![요의기소문제석장])|weeks?\b", "seconds", 7 * DAY),
    _UnitWord(r"일(?![반부정관괄치시종])|days?\b", "seconds", DAY),
    _UnitWord(r"년(?!도)|years?\b|yrs?\b", "seconds", YEAR),
    _UnitWord(r"%|퍼센트|percent\b", "percent", 1),
    _UnitWord(r"배|[x×](?![A-Za-z])|times\b", "factor", 1),
    _UnitWord(r"달러|USD\b", "usd", 1),
    _UnitWord(r"센트|cents?\b", "usd", 0.01),
    _UnitWord(r"IOPS|TPS|RPS|QPS", "count", 1, per="초"),
    _UnitWord(r"RCU|WCU", "count", 1),
    _UnitWord(
        r"개(?![발선념요인별체])|건(?![물강설너])|회(?![사의원전선로])|번(?![째호역지])"
        r"|명(?![령시확칭])|가지|곳",
        "count",
        1,
    ),
    _UnitWord(
        r"요청|레코드|메시지|샤드|파티션|노드|연결"
        r"|(?:requests?|calls?|items?|messages?|records?|connections?|shards?|users?)\b",
        "count",
        1,
    ),
)
_UNIT_RE = [(re.compile(r"\s?(?:" + w.pattern + ")"), w) for w in _UNIT_WORDS]

# A number not glued to a word before it: "S3", "EC2", "t3.micro", "v2" are names.
_NUMBER = re.compile(r"(?<![A-WYZa-wyz0-9_.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
_DIGIT = re.compile(r"\d")
_SCALE = re.compile(r"([십백천]?[만억조]|[십백천])|\s?(thousand|million|billion)\b")
_HANGUL_NUMBER = re.compile(r"(?<![가-힣0-9])(백만|천만|십만|만|억|천|백)(?=\s?(?:건|개|명|회|번))")
_SCALE_VALUE = {"십": 10, "백": 100, "천": 1000, "만": 10**4, "억": 10**8, "조": 10**12}
_ENGLISH_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}

_DATE = re.compile(
    r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|(?<!\d)(?:19|20)\d{2}\s?년(?:\s?\d{1,2}\s?월(?:\s?\d{1,2}\s?일)?)?"
    r"|\d{1,2}\s?월\s?\d{1,2}\s?일|\d{1,2}:\d{2}|(?:오전|오후)\s?\d{1,2}(?:[.:]\d{2})?"
)
_CURRENCY_BEFORE = re.compile(r"(?:US)?\$\s?$|USD\s?$")
_FACTOR_BEFORE = re.compile(r"(?<![A-Za-z0-9])[xX×]\s?$")
_PER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(,/]))(초당|분당|시간당|일당|하루|매일|일일|매주|주당|매월|월간|월|매년|연간|연)"
    r"\s*(?:최대|최소|기본|약)?\s*$"
)
_PER_WORD = {
    "초당": "초", "분당": "분", "시간당": "시간", "일당": "일", "하루": "일", "매일": "일",
    "일일": "일", "매주": "주", "주당": "주", "매월": "월", "월간": "월", "월": "월",
    "매년": "년", "연간": "년", "연": "년",
}  # fmt: skip
_PER_AFTER = re.compile(
    r"\s?(?:/|per\s)\s?(초|분|시간|일|월|년|s|sec|second|min|minute|h|hr|hour|day|month|year)"
    r"(?![A-Za-z가-힣])"
)
_PER_ENGLISH = {"s": "초", "sec": "초", "second": "초", "min": "분", "minute": "분", "h": "시간",
                "hr": "시간", "hour": "시간", "day": "일", "month": "월", "year": "년"}  # fmt: skip
_ARCHITECTURE = re.compile(r"[xX](?:86|64)(?!\d)")
_RANGE_GAP = re.compile(r"\s*(?:~|〜|～|-|–|—|to|에서|부터)\s*")
_UNTIL = re.compile(r"\s?까지")


@compact
@dataclass(frozen=True, slots=True)
class _Token:
    """A single number with whatever unit follows it; ranges are joined later."""

    start: int
    end: int
    number: float
    word: _UnitWord | None
    per: str | None
    each: bool
    unit_text: str = ""


def find_quantities(text: str, *, bare: bool = False) -> list[Quantity]:
    """Every number with a unit in ``text``, ranges joined, left to right.

    With ``bare=True`` numbers without a unit are returned too (unit ``count``,
    ``bare=True``), for values like ``동시 실행 수: 1000``.
    """
    if not _DIGIT.search(text) and not _HANGUL_NUMBER.search(text):
        return []
    blocked = [m.span() for m in _DATE.finditer(text)]
    tokens = [t for t in _tokens(text) if not any(s <= t.start < e for s, e in blocked)]
    found = _join_ranges(text, tokens)
    return [q for q in found if bare or not q.bare]


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if text[start - 1 : start] in ("x", "X") and (
            not _FACTOR_BEFORE.search(text[:start]) or _ARCHITECTURE.match(text, start - 1)
        ):
            continue  # names such as "2xlarge", "x86"
        number = float(match.group(1).replace(",", ""))
        scale = _SCALE.match(text, end)
        if scale:
            number *= _scale_value(scale)
            end = scale.end()
        tokens.append(_token(text, start, end, number))
    for match in _HANGUL_NUMBER.finditer(text):
        tokens.append(_token(text, match.start(), match.end(), _scale_value(match)))
    tokens.sort(key=lambda t: t.start)
    return tokens


def _scale_value(match: re.Match[str]) -> float:
    korean, english = match.group(1), match.group(2) if match.re.groups > 1 else None
    if english:
        return _ENGLISH_SCALE[english]
    return math.prod(_SCALE_VALUE[ch] for ch in korean)


def _token(text: str, start: int, end: int, number: float) -> _Token:
    """Read the unit after a number, and a currency, ``x`` or rate word before it."""
    before = text[:start]
    word: _UnitWord | None = None
    unit_text = ""
    if currency := _CURRENCY_BEFORE.search(before):
        word, start = _UnitWord("$", "usd", 1), currency.start()
    elif factor := _FACTOR_BEFORE.search(before):
        word, start = _UnitWord("x", "factor", 1), factor.start()
    else:
        for pattern, candidate in _UNIT_RE:
            if unit_match := pattern.match(text, end):
                word, end, unit_text = candidate, unit_match.end(), unit_match.group().strip()
                break
    per = word.per if word else None
    if per_match := _PER_AFTER.match(text, end):
        name = per_match.group(1)
        per, end = _PER_ENGLISH.get(name, name), per_match.end()
    elif per_before := _PER_BEFORE.search(text[:start]):
        per = _PER_WORD[per_before.group(1)]
    each = text[end : end + 1] == "당"
    if each:
        end += 1
    return _Token(start, end, number, word, per, each, unit_text)


def _join_ranges(text: str, tokens: list[_Token]) -> list[Quantity]:
    """Turn tokens into quantities, joining ``A ~ B`` pairs of the same unit."""
    found: list[Quantity] = []
    index = 0
    while index < len(tokens):
        first = tokens[index]
        second = tokens[index + 1] if index + 1 < len(tokens) else None
        if second is not None and _is_range(text, first, second):
            found.append(_range(text, first, second))
            index += 2
            continue
        found.append(_single(text, first))
        index += 1
    return found


def _is_range(text: str, first: _Token, second: _Token) -> bool:
    gap = _RANGE_GAP.fullmatch(text, first.end, second.start)
    if gap is None or second.word is None or first.each or second.each:
        return False
    if first.word is None:
        return True
    return first.word.unit == second.word.unit and first.number * first.word.factor <= (
        second.number * second.word.factor
    )


def _range(text: str, first: _Token, second: _Token) -> Quantity:
    word = second.word
    assert word is not None
    low_factor = first.word.factor if first.word else word.factor
    end = second.end
    if until := _UNTIL.match(text, end):
        end = until.end()
    return Quantity(
        start=first.start,
        end=end,
        text=text[first.start : end],
        unit=word.unit,
        low=_clean(first.number * low_factor),
        high=_clean(second.number * word.factor),
        per=second.per or first.per,
        counter=_counter(second),
    )


def _single(text: str, token: _Token) -> Quantity:
    word = token.word
    value = _clean(token.number * (word.factor if word else 1))
    return Quantity(
        start=token.start,
        end=token.end,
        text=text[token.start : token.end],
        unit=word.unit if word else "count",
        low=value,
        high=value,
        per=token.per,
        counter=_counter(token),
        each=token.each,
        bare=word is None,
    )


def _counter(token: _Token) -> str:
    if token.word is None or token.word.unit != "count":
        return ""
    return token.word.counter or token.unit_text


def _clean(value: float) -> float:
    """Round away binary float noise (0.1 * 3) without losing real precision."""
    value = float(value)  # an int has no is_integer() before Python 3.12
    if value.is_integer():
        return value
    cleaned = float(f"{value:.15g}")
    return cleaned if abs(cleaned - value) <= math.ulp(value) else value


# ----------------------------------------------------------------------------- formatting

_BYTE_UNITS = (("PB", 1024.0**5), ("TB", 1024.0**4), ("GB", 1024.0**3), ("MB", 1024.0**2),
               ("KB", 1024.0), ("B", 1.0))  # fmt: skip
_PER_PREFIX = {"초": "초당", "분": "분당", "시간": "시간당", "일": "일당", "주": "주당",
               "월": "월", "년": "연"}  # fmt: skip


def format_quantity(value: float, unit: Unit, *, per: str | None = None, counter: str = "") -> str:
    """Base units back to readable text: ``10 GB``, ``900초 (15분)``, ``1,000개``, ``$0.20``."""
    if unit == "bytes":
        text = _format_bytes(value)
    elif unit == "seconds":
        text = _format_seconds(value)
    elif unit == "usd":
        text = _format_usd(value)
    elif unit == "percent":
        text = f"{_number(value, 9)}%"  # 99.999999999% keeps its nines
    elif unit == "factor":
        text = f"{_number(value)}배"
    else:
        text = _format_count(value, counter or "개")
    return f"{_PER_PREFIX[per]} {text}" if per in _PER_PREFIX else text


def _number(value: float, places: int = 2) -> str:
    """``1,000``, ``1.5``, ``0.25``: thousands separators, no trailing zeros."""
    text = f"{value:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _exact(value: float, size: float, places: int = 2) -> bool:
    """Whether ``value`` in units of ``size`` needs no more than ``places`` decimals."""
    scaled = value / size * 10**places
    return abs(scaled - round(scaled)) <= 1e-9 + 8 * math.ulp(scaled)


def _format_bytes(value: float) -> str:
    for name, size in _BYTE_UNITS:
        if value >= size and _exact(value, size):
            return f"{_number(value / size)} {name}"
    for name, size in _BYTE_UNITS:
        if value >= size:
            return f"{_number(value / size)} {name}"
    return f"{_number(value)} B"


def _format_seconds(value: float) -> str:
    """Seconds first below an hour (``900초 (15분)``, as notes state Lambda's timeout), then
    the largest unit that shows the value exactly: years, days (past two), hours, minutes."""
    if value == 0:
        return "0초"
    if value < 1e-3:
        return f"{_number(value * 1e6)}µs"
    if value < 1:
        return f"{_number(value * 1e3)}ms"
    if value < 60:
        return f"{_number(value)}초"
    if value < 3600:
        return f"{_number(value)}초 ({_number(value / 60)}분)"
    if _exact(value, YEAR, 0):
        return f"{_number(value / YEAR)}년"
    for name, size in (("일", DAY), ("시간", 3600.0), ("분", 60.0)):
        if _exact(value, size) and (name != "일" or value > 2 * DAY):
            return f"{_number(value / size)}{name}"
    return f"{_number(value)}초"


def _format_usd(value: float) -> str:
    if _exact(value, 1):
        return f"${value:,.2f}"
    return "$" + f"{value:.10f}".rstrip("0")


def _format_count(value: float, counter: str) -> str:
    for name, size in (("억", 1e8), ("만", 1e4)):
        if value >= size and _exact(value, size, 0):
            return f"{_number(value / size, 0)}{name} {counter}"
    return (
        f"{_number(value)}{counter}"
        if re.match(r"[가-힣]", counter)
        else f"{_number(value)} {counter}"
    )

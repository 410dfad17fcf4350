"""Numbers and units in Korean/English note text: parsing, normalising and formatting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notesgraph.extract.units import DAY, MONTH, YEAR, find_quantities, format_quantity

KB, MB, GB, TB = 1024.0, 1024.0**2, 1024.0**3, 1024.0**4

# text, [(as written, unit, low, high)]
PARSE_CASES = [
    # bytes are binary multiples
    ("128MB", [("128MB", "bytes", 128 * MB, 128 * MB)]),
    ("10 GB", [("10 GB", "bytes", 10 * GB, 10 * GB)]),
    ("최대 4KB", [("4KB", "bytes", 4 * KB, 4 * KB)]),
    ("항목 크기 제한: 400KB", [("400KB", "bytes", 400 * KB, 400 * KB)]),
    ("1 MiB", [("1 MiB", "bytes", MB, MB)]),
    ("5TB", [("5TB", "bytes", 5 * TB, 5 * TB)]),
    ("512 bytes", [("512 bytes", "bytes", 512, 512)]),
    ("256 바이트", [("256 바이트", "bytes", 256, 256)]),
    ("1.5GB", [("1.5GB", "bytes", 1.5 * GB, 1.5 * GB)]),
    # durations
    ("900초", [("900초", "seconds", 900, 900)]),
    ("15분", [("15분", "seconds", 900, 900)]),
    ("1ms 미만", [("1ms", "seconds", 0.001, 0.001)]),
    ("1 밀리초", [("1 밀리초", "seconds", 0.001, 0.001)]),
    ("24시간 보존", [("24시간", "seconds", 86_400, 86_400)]),
    ("35일", [("35일", "seconds", 35 * DAY, 35 * DAY)]),
    ("1년 보존", [("1년", "seconds", YEAR, YEAR)]),
    ("2주", [("2주", "seconds", 14 * DAY, 14 * DAY)]),
    ("3개월", [("3개월", "seconds", 3 * MONTH, 3 * MONTH)]),
    ("timeout 30 seconds", [("30 seconds", "seconds", 30, 30)]),
    ("15 min", [("15 min", "seconds", 900, 900)]),
    # counts, Korean numerals
    ("1,000개", [("1,000개", "count", 1000, 1000)]),
    ("기본 1,000개 (요청 시 증가 가능)", [("1,000개", "count", 1000, 1000)]),
    ("100만 건", [("100만 건", "count", 1e6, 1e6)]),
    ("1억 건", [("1억 건", "count", 1e8, 1e8)]),
    ("3천 건", [("3천 건", "count", 3000, 3000)]),
    ("5천만 명", [("5천만 명", "count", 5e7, 5e7)]),
    ("3,000건", [("3,000건", "count", 3000, 3000)]),
    ("1 million requests", [("1 million requests", "count", 1e6, 1e6)]),
    ("16,000 IOPS", [("16,000 IOPS", "count", 16_000, 16_000)]),
    ("40만 GB-초 무료", [("40만 GB-초", "count", 4e5, 4e5)]),
    # money, percent, factor
    ("$0.20", [("$0.20", "usd", 0.2, 0.2)]),
    ("0.20달러", [("0.20달러", "usd", 0.2, 0.2)]),
    ("20센트", [("20센트", "usd", 0.2, 0.2)]),
    ("66%까지 단축", [("66%", "percent", 66, 66)]),
    ("99.999999999%", [("99.999999999%", "percent", 99.999999999, 99.999999999)]),
    ("10배 성능 향상", [("10배", "factor", 10, 10)]),
    ("x10 faster", [("x10", "factor", 10, 10)]),
    ("10x faster", [("10x", "factor", 10, 10)]),
    # ranges keep both ends; a unit-less lower end takes the upper end's unit
    ("128MB ~ 10GB", [("128MB ~ 10GB", "bytes", 128 * MB, 10 * GB)]),
    ("4일 ~ 14일", [("4일 ~ 14일", "seconds", 4 * DAY, 14 * DAY)]),
    ("5-10초", [("5-10초", "seconds", 5, 10)]),
    ("5~10초", [("5~10초", "seconds", 5, 10)]),
    ("1~5분", [("1~5분", "seconds", 60, 300)]),
    ("60초 ~ 900초", [("60초 ~ 900초", "seconds", 60, 900)]),
    ("1분에서 15분까지", [("1분에서 15분까지", "seconds", 60, 900)]),
    ("수 초(5~10초)", [("5~10초", "seconds", 5, 10)]),
    # several in one sentence
    (
        "900초 (15분)",
        [("900초", "seconds", 900, 900), ("15분", "seconds", 900, 900)],
    ),
    (
        "RAM 30GB, 실행 시간 30분, 3GB 파일",
        [
            ("30GB", "bytes", 30 * GB, 30 * GB),
            ("30분", "seconds", 1800, 1800),
            ("3GB", "bytes", 3 * GB, 3 * GB),
        ],
    ),  # fmt: skip
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES, ids=[c[0] for c in PARSE_CASES])
def test_find_quantities(text: str, expected: list[tuple[str, str, float, float]]) -> None:
    found = [(q.text, q.unit, q.low, q.high) for q in find_quantities(text)]
    assert found == [(t, u, pytest.approx(lo), pytest.approx(hi)) for t, u, lo, hi in expected]


@pytest.mark.parametrize(
    "text",
    [
        "수백만 요청",  # vague
        "초당 수백만 요청 처리",
        "수 초",
        "한 자릿수 밀리초 성능",
        "매우 높음 (백만 단위)",  # a scale, not an amount
        "수천 단위",
        "Java 11 이상",  # versions and names are not amounts
        "Node.js 18, Python 3.12",
        "S3, EC2, t3.2xlarge, x86 아키텍처, Route 53",
        "스크린샷 2025-05-14 오후 9.28.27",  # dates and times
        "2025년 5월 14일",
        "매주 월요일 10시 실행",
        "215. 서버리스 소개",  # lecture numbers
        "2번째 단계",  # ordinals
        "비용이 10분의 1",  # a fraction, not ten minutes
    ],
)
def test_no_quantity(text: str) -> None:
    assert find_quantities(text) == []


def test_bare_numbers_only_on_request() -> None:
    assert find_quantities("동시 실행 수: 1000") == []
    (bare,) = find_quantities("동시 실행 수: 1000", bare=True)
    assert (bare.unit, bare.low, bare.bare) == ("count", 1000, True)


def test_span_and_text_as_written() -> None:
    text = "메모리: 128MB ~ 10GB (1MB 단위로 증가)"
    first, second = find_quantities(text)
    assert text[first.start : first.end] == first.text == "128MB ~ 10GB"
    assert first.is_range and not second.is_range
    assert second.text == "1MB"


@pytest.mark.parametrize(
    ("text", "per", "value", "unit"),
    [
        ("초당 3,000건", "초", 3000, "count"),
        ("초당 최대 3,500건", "초", 3500, "count"),
        ("1,000건/초", "초", 1000, "count"),
        ("1MB/s", "초", MB, "bytes"),
        ("1 MB per second", "초", MB, "bytes"),
        ("월 100만 건의 요청", "월", 1e6, "count"),
        ("16,000 IOPS", "초", 16_000, "count"),  # IOPS is already per second
        ("100Gbps", "초", 100e9 / 8, "bytes"),  # network bits are decimal
    ],
)
def test_rates(text: str, per: str, value: float, unit: str) -> None:
    (quantity,) = find_quantities(text)
    assert (quantity.per, quantity.unit) == (per, unit)
    assert quantity.low == pytest.approx(value)


def test_each_marks_a_denominator() -> None:
    per_million, price = find_quantities("이후 요청 100만 건당 $0.20")
    assert per_million.each and per_million.low == 1e6 and per_million.counter == "건"
    assert not price.each and (price.unit, price.low) == ("usd", 0.2)


def test_counter_is_kept() -> None:
    assert [q.counter for q in find_quantities("100만 건, 40만 GB-초, 3 RCU, 5개")] == [
        "건",
        "GB-초",
        "RCU",
        "개",
    ]


@pytest.mark.parametrize(
    ("value", "unit", "kwargs", "expected"),
    [
        (10 * GB, "bytes", {}, "10 GB"),
        (4 * KB, "bytes", {}, "4 KB"),
        (1.5 * KB, "bytes", {}, "1.5 KB"),
        (1537, "bytes", {}, "1,537 B"),
        (128 * MB, "bytes", {}, "128 MB"),
        (900, "seconds", {}, "900초 (15분)"),
        (0.001, "seconds", {}, "1ms"),
        (5, "seconds", {}, "5초"),
        (86_400, "seconds", {}, "24시간"),
        (35 * DAY, "seconds", {}, "35일"),
        (YEAR, "seconds", {}, "1년"),
        (1000, "count", {}, "1,000개"),
        (1e6, "count", {"counter": "건"}, "100만 건"),
        (4e5, "count", {"counter": "GB-초"}, "40만 GB-초"),
        (16_000, "count", {"counter": "IOPS"}, "16,000 IOPS"),
        (0.2, "usd", {}, "$0.20"),
        (0.0000166667, "usd", {}, "$0.0000166667"),
        (66, "percent", {}, "66%"),
        (99.999999999, "percent", {}, "99.999999999%"),
        (10, "factor", {}, "10배"),
        (3000, "count", {"per": "초", "counter": "건"}, "초당 3,000건"),
    ],
)
def test_format_quantity(value: float, unit: str, kwargs: dict[str, str], expected: str) -> None:
    assert format_quantity(value, unit, **kwargs) == expected  # type: ignore[arg-type]


_BYTE_SIZES = st.sampled_from([1.0, KB, MB, GB, TB])


@given(st.integers(min_value=1, max_value=10**7), _BYTE_SIZES)
def test_bytes_round_trip(count: int, size: float) -> None:
    value = count * size
    (parsed, *_) = find_quantities(format_quantity(value, "bytes"))
    assert (parsed.unit, parsed.low) == ("bytes", value)


@given(st.integers(min_value=1, max_value=10**9))
def test_seconds_round_trip(seconds: int) -> None:
    (parsed, *_) = find_quantities(format_quantity(seconds, "seconds"))
    assert parsed.unit == "seconds"
    assert parsed.low == pytest.approx(seconds, rel=1e-9)


@given(st.integers(min_value=1, max_value=999))
def test_milliseconds_round_trip(millis: int) -> None:
    (parsed,) = find_quantities(format_quantity(millis / 1000, "seconds"))
    assert parsed.low == pytest.approx(millis / 1000)


@given(st.integers(min_value=1, max_value=10**12))
def test_count_round_trip(count: int) -> None:
    (parsed,) = find_quantities(format_quantity(count, "count", counter="건"))
    assert (parsed.unit, parsed.low) == ("count", count)


def test_korean_scale_word_alone_does_not_crash() -> None:
    """`백만` with no digits gives an int scale value; Python 3.11's int has no is_integer()."""
    from notesgraph.extract.units import find_quantities

    assert isinstance(find_quantities("백만회선", bare=True), list)
    assert isinstance(find_quantities("최대 백만 건", bare=False), list)

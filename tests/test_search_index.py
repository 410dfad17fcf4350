"""The Python side of Korean search: per-note analysis, assembly, site docs, determinism."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notesgraph.parse import parse_note
from notesgraph.search import noteterms
from notesgraph.search.fields import (
    SNIPPET,
    DocFields,
    PageTerms,
    decode_varints,
    page_terms,
    varints,
)
from notesgraph.search.index import (
    INDEX_PATH,
    SearchDoc,
    SynonymGroup,
    assemble_index,
    with_page_docs,
)
from notesgraph.search.korean import name_key, normalise, split_runs, strip_suffix
from notesgraph.search.noteterms import SearchAnalyser, catalogue_keys, note_docs

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "vault" / "AWS SAA" / "215-229 서버리스.md"
ANALYSER = SearchAnalyser()


def analysed(markdown: str, path: str = "n.md") -> PageTerms:
    return ANALYSER(parse_note(path, markdown))


def page_postings(page: PageTerms) -> dict[str, dict[int, int]]:
    """term -> {doc index within the page: code}, decoding the page-local postings."""
    terms = page.terms.split("\n") if page.terms else []
    flat = decode_varints(page.postings)
    out: dict[str, dict[int, int]] = {}
    at = 0
    for term in terms:
        count, doc = flat[at], 0
        out[term] = {}
        for entry in flat[at + 1 : at + 1 + count]:
            doc += entry >> 3
            out[term][doc] = entry & 7
        at += count + 1
    assert at == len(flat)
    return out


def terms_of(text: str) -> set[str]:
    """Terms of the one section of a note holding ``text``."""
    page = analysed(f"# 제목\n\n{text}\n")
    return {t for t, docs in page_postings(page).items() if 1 in docs} - {"제목"}


def index_postings(index: dict[str, Any]) -> dict[str, dict[str, int]]:
    """term -> {location: code} over the whole index, decoded as the worker does."""
    locations: list[str] = []
    found: dict[str, dict[str, int]] = {}
    for url, _kind, _boost, docs, ids, postings in index["pages"]:
        base = len(locations)
        locations += [f"{url}#{d[0]}" if d[0] else url for d in docs]
        flat, term, at = decode_varints(postings), 0, 0
        for delta in decode_varints(ids):
            term += delta
            count, doc = flat[at], base
            for entry in flat[at + 1 : at + 1 + count]:
                doc += entry >> 3
                found.setdefault(index["terms"][term], {})[locations[doc]] = entry & 7
            at += count + 1
    return found


# ----------------------------------------------------------------- particles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("람다는 이벤트 기반", {"람다", "이벤트", "기반"}),
        ("람다가 자동 확장됨", {"람다", "자동", "확장"}),
        ("코그니토를 통해서", {"코그니토"}),
        ("Lambda의 주요 특징", {"lambda", "주요", "특징"}),
        ("DynamoDB를 데이터베이스로", {"dynamodb", "데이터베이스"}),
        ("캐시에 보관", {"캐시"}),
    ],
)
def test_particles_are_not_part_of_terms(text: str, expected: set[str]) -> None:
    found = terms_of(text)
    assert expected <= found
    assert not {"람다는", "람다가", "코그니토를", "캐시에", "의", "는"} & found


def test_ordinary_words_are_not_stop_words() -> None:
    assert {"시간", "수", "등"} <= terms_of("실행 시간 수 등")


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("람다는", "람다"),
        ("람다의", "람다"),
        ("코그니토를", "코그니토"),
        ("사용자들의", "사용자"),
        ("시간", "시간"),
        ("관리하는", "관리"),
        ("모르는말", "모르는말"),
    ],
)
def test_strip_suffix_keeps_known_stems(word: str, stem: str) -> None:
    known = {"람다", "코그니토", "사용자", "시간", "관리", "시"}
    assert strip_suffix(word, known.__contains__) == stem


# ------------------------------------------------------------ spacing, phrases


def test_glued_compound_gives_its_parts() -> None:
    assert {"사용자", "풀", "사용자풀"} <= terms_of("사용자풀을 만든다")


def test_catalogue_names_written_apart_are_one_term() -> None:
    keys = catalogue_keys()
    assert {"사용자풀", "apigateway", "lambdaedge", "rds프록시"} <= keys
    found = terms_of("Cognito 사용자 풀과 API Gateway를, RDS 프록시에서 Lambda@Edge의")
    assert {"사용자풀", "apigateway", "rds프록시", "lambdaedge", "사용자", "풀"} <= found


def test_name_keys_join_runs() -> None:
    assert name_key("API Gateway") == name_key("api gateway") == "apigateway"
    assert name_key("Lambda@Edge") == "lambdaedge"
    assert name_key("사용자 풀") == "사용자풀"
    assert name_key("Route 53") == name_key("Route-53") == "route53"


def test_compound_is_split_by_the_pages_own_words() -> None:
    page = analysed("# 람다 함수\n\n람다함수는 프록시에 연결\n\n# 프록시\n\n프록시 설명\n")
    found = page_postings(page)
    assert 1 in found["람다"] and 1 in found["함수"]  # section 1 wrote 람다함수 only
    assert 1 in found["프록시"]


def test_loanword_read_as_copula_is_kept_whole() -> None:
    assert "스토리지" in terms_of("스토리지 클래스")


# ----------------------------------------------------------- numbers and units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("최대 실행 시간: 900초 ==(15분)==", {"900", "900초", "15", "15분"}),
        ("항목 크기 제한: 400KB", {"400", "400kb", "kb"}),
        ("메모리: ==128MB ~ 10GB==", {"128mb", "10gb", "128", "10"}),
        ("기본 1,000개 (요청 시 증가)", {"1000", "1000개"}),
        ("66%까지 단축", {"66", "66%", "단축"}),
        ("최대 15 분만", {"15분"}),
        ("5~10초", {"5", "10", "10초"}),
    ],
)
def test_numbers_keep_their_units(text: str, expected: set[str]) -> None:
    assert expected <= terms_of(text)


def test_same_quantity_in_other_units_meets_at_one_term() -> None:
    assert "=900s" in terms_of("900초") & terms_of("(15분)")
    assert "=1073741824b" in terms_of("1GB") & terms_of("1024MB")
    assert not {t for t in terms_of("1.5초 0.1MB") if t.startswith("=")}  # not whole


def test_split_runs_glues_korean_unit_to_number() -> None:
    runs = split_runs(normalise("(15분)이며 3개월"))
    assert [(r.kind, r.text, r.unit) for r in runs] == [
        ("num", "15", "분"),
        ("hang", "이며", ""),
        ("num", "3", "개월"),
    ]
    assert [r.text for r in split_runs(normalise("100 일반"))] == ["100", "일반"]


# ------------------------------------------------------------- a note's docs


def test_note_docs_are_the_page_then_its_sections() -> None:
    note = parse_note(
        "AWS SAA/218.md", "앞글\n\n# 218. 람다 limit\n\n## 실행 한도\n\n- 메모리: 128MB\n"
    )
    docs = note_docs(note)
    assert [(d.anchor, d.title) for d in docs] == [
        ("", "218"),
        ("218-람다-limit", "218. 람다 limit"),
        ("실행-한도", "실행 한도"),
    ]
    assert docs[0].text == "앞글"
    assert docs[2].text == "메모리: 128MB"  # the heading line is the title, not text
    assert docs[2].context == "218. 람다 limit"


def test_aliases_are_searched_but_not_shown() -> None:
    page = analysed("---\naliases: [서버리스 정리]\n---\n# 개요\n\n람다\n", "노트.md")
    assert json.loads(page.docs)[0][1] == "노트"
    assert page_postings(page)["정리"] == {0: 1 << 1}


def test_headings_above_a_section_count_as_its_text() -> None:
    page = analysed("# 218. 람다 limit\n\n## 실행 한도\n\n- 메모리: 128MB\n")
    found = page_postings(page)
    assert found["람다"][2] == 1 << 1  # in section 2 as text once, not as its title
    assert found["메모리"][2] == 1 << 1


def test_title_bit_and_frequency_bucket() -> None:
    page = analysed("# 람다 개요\n\n람다 람다 람다 람다 서버\n")
    found = page_postings(page)
    assert found["람다"][1] == 1 | 3 << 1  # in the title, in the text 4+ times
    assert found["서버"][1] == 1 << 1
    assert found["개요"][1] == 1


def test_long_text_is_cut_for_snippets_only() -> None:
    page = analysed("# t\n\n" + "가나다 " * 1000 + "마지막단어\n")
    snippet = json.loads(page.docs)[1][2]
    assert len(snippet) <= SNIPPET + 2 and snippet.endswith(" …")
    assert 1 in page_postings(page)["마지막단어"]


# ----------------------------------------------------- the per-note analyser


def test_analyser_is_picklable_and_its_fingerprint_stable() -> None:
    note = parse_note(SEED.name, SEED.read_text(encoding="utf-8"))
    copy = pickle.loads(pickle.dumps(ANALYSER))
    assert copy.fingerprint == ANALYSER.fingerprint == SearchAnalyser().fingerprint
    assert copy(note) == ANALYSER(note)
    extra = SearchAnalyser({"aliases": {"lambda": ["람다함수"]}})
    assert extra.fingerprint != ANALYSER.fingerprint


def test_cold_and_warm_analyses_are_identical() -> None:
    note = parse_note(SEED.name, SEED.read_text(encoding="utf-8"))
    noteterms.clear_memory()
    cold = ANALYSER(note)
    assert cold == ANALYSER(note) == SearchAnalyser()(note)
    assert pickle.loads(pickle.dumps(cold)) == cold


@pytest.mark.parametrize("value", [0, 1, 31, 32, 1023, 1024, 32767, 32768, 2**31 - 1])
def test_varints_round_trip(value: int) -> None:
    assert decode_varints(varints([value, 5, value])) == [value, 5, value]
    assert not set(varints([value])) & set('"\\')


# ------------------------------------------------------------------ assembly


def assembled(
    notes: dict[str, str],
    extra: list[SearchDoc] | None = None,
    synonyms: list[SynonymGroup] | None = None,
) -> dict[str, Any]:
    terms = {path: analysed(text, path) for path, text in notes.items()}
    urls = {path: "notes/" + path.removesuffix(".md") + "/" for path in notes}
    return json.loads(assemble_index(terms, urls, extra or [], synonyms or []))


def test_assembly_lays_out_notes_in_path_order_with_their_anchors() -> None:
    index = assembled({"b.md": "# 둘\n\n람다\n", "a.md": "# 하나\n\n코그니토를\n"})
    assert [p[0] for p in index["pages"]] == ["notes/a/", "notes/b/"]
    found = index_postings(index)
    assert set(found["코그니토"]) == {"notes/a/#하나"}
    assert set(found["람다"]) == {"notes/b/#둘"}
    assert index["terms"] == sorted(index["terms"])
    assert index["config"]["suffixes"].index("에서") < index["config"]["suffixes"].index("에")
    assert "분" in index["config"]["units"]


def test_graph_pages_are_analysed_with_the_notes_vocabulary() -> None:
    extra = [
        SearchDoc("services/cognito/", "Cognito", "노트 속 이름: 코그니토를", "service"),
        SearchDoc("services/cognito/#feature-user-pools", "User Pools", "사용자 풀", "service"),
        SearchDoc("limits/", "한도 모음", "Lambda 한도 3개", "review", 0.5),
    ]
    index = assembled({"a.md": "# 하나\n\n코그니토 사용자 풀\n"}, extra)
    found = index_postings(index)
    assert "services/cognito/" in found["코그니토"]  # 코그니토를 → the notes' 코그니토
    assert "services/cognito/#feature-user-pools" in found["풀"]
    assert [p[2] for p in index["pages"]] == [1, 1, 0.5]


def test_sections_get_their_page_doc() -> None:
    pages = with_page_docs(
        [
            SearchDoc("x/#실행-한도", "실행 한도", "", page_title="람다 limit"),
            SearchDoc("y/", "Y", ""),
        ]
    )
    assert [[(d.location, d.title) for d in page] for page in pages] == [
        [("x/", "람다 limit"), ("x/#실행-한도", "실행 한도")],
        [("y/", "Y")],
    ]


def test_synonym_groups_and_their_pages() -> None:
    extra = [
        SearchDoc("services/cognito/", "Cognito", "", "service"),
        SearchDoc("services/lambda/", "Lambda", "", "service"),
    ]
    synonyms = [
        SynonymGroup("Lambda", ("람다", "AWS Lambda"), "services/lambda/"),
        SynonymGroup("Cognito", ("코그니토", "Amazon Cognito", "cognito"), "services/cognito/"),
        SynonymGroup("API Gateway", ("API 게이트웨이",), None),
        SynonymGroup("lambda", ("람다",), "nowhere/"),  # every key taken by Lambda: dropped
    ]
    index = assembled({"a.md": "# 하나\n\n람다\n"}, extra, synonyms)
    groups = {label: (keys, doc, spellings) for label, keys, doc, spellings in index["synonyms"]}
    assert groups["Cognito"] == (
        ["cognito", "코그니토", "amazoncognito"],
        2,  # docs: a.md's page and section, then Cognito's page
        ["cognito", "코그니토", "amazon cognito"],
    )
    assert groups["Lambda"][1] == 3
    assert groups["API Gateway"] == (
        ["apigateway", "api게이트웨이"],
        -1,
        ["api gateway", "api 게이트웨이"],
    )
    assert "lambda" not in groups


def test_assembly_is_deterministic() -> None:
    notes = {f"{i}.md": SEED.read_text(encoding="utf-8") for i in range(3)}
    terms = {path: analysed(text, path) for path, text in notes.items()}
    urls = {path: f"n/{path}/" for path in notes}
    first = assemble_index(terms, urls, [], [SynonymGroup("Lambda", ("람다",), None)])
    again = assemble_index(
        dict(reversed(terms.items())), urls, [], [SynonymGroup("Lambda", ("람다",))]
    )
    assert first == again


def test_index_path_is_what_the_worker_fetches() -> None:
    worker = ROOT / "site_overrides" / "assets" / "notesgraph" / "search-worker.js"
    assert INDEX_PATH == "assets/generated/search-index.json"
    assert 'new URL("../generated/search-index.json", self.location.href)' in worker.read_text(
        encoding="utf-8"
    )


# ----------------------------------------------------------- the real seed site


def test_search_files_on_the_seed_vault(tmp_path: Path) -> None:
    from notesgraph.pipeline import analyse, site_context
    from notesgraph.search.sitedocs import search_files
    from notesgraph.site.render import prepare

    analysis = analyse(ROOT / "vault", tmp_path / "cache")
    ctx = site_context(analysis)
    prepare(ctx)
    notes = ctx.notes
    terms = {p: ANALYSER(n) for p, n in notes.items()}
    terms["private.md"] = analysed("# 비밀\n\n비밀번호\n")  # not published: left out
    files = search_files(ctx, terms, analysis.catalog)
    assert list(files) == [INDEX_PATH]
    index = json.loads(files[INDEX_PATH])
    urls = [p[0] for p in index["pages"]]
    assert urls[0] == "notes/AWS-SAA/215-229-서버리스/"
    assert {"services/cognito/", "services/lambda/", "limits/", "keypoints/"} <= set(urls)
    assert any(u.startswith("compare/") for u in urls)
    assert "비밀번호" not in index["terms"]
    locations = [f"{p[0]}#{d[0]}" if d[0] else p[0] for p in index["pages"] for d in p[3]]
    groups = {label: (keys, doc) for label, keys, doc, _ in index["synonyms"]}
    assert "코그니토" in groups["Cognito"][0]
    assert locations[groups["Cognito"][1]] == "services/cognito/"
    assert locations[groups["User Pools"][1]] == "services/cognito/#feature-user-pools"
    found = index_postings(index)
    assert "notes/AWS-SAA/215-229-서버리스/#실행-한도" in found["=900s"]
    assert files == search_files(ctx, dict(reversed(terms.items())), analysis.catalog)


@settings(max_examples=40, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("람다는가의 코그니토 15분KB,.()@-\n\t사용자풀abc900#")),
        max_size=60,
    )
)
def test_any_text_analyses_deterministically(text: str) -> None:
    docs = [DocFields("", text[:10], text), DocFields("s", "s", text[::-1], text)]
    first = page_terms(docs, ANALYSER.counter())
    assert first == page_terms(docs, ANALYSER.counter())
    for term in first.terms.split("\n") if first.terms else []:
        assert term and not any(ch.isspace() for ch in term)
    page_postings(first)  # decodes completely

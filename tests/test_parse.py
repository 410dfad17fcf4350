"""The Note model on the seed note and on small Korean notes."""

from __future__ import annotations

import unicodedata
from dataclasses import asdict

from notesgraph.parse import lecture_of, normalize_text, parse_note

from .conftest import FIXTURES, assert_golden_json

SEED_PATH = "AWS SAA/215-229 서버리스.md"


def note_summary(note) -> dict:  # type: ignore[no-untyped-def]
    """The parts of a Note a golden file pins down (rendered HTML is covered elsewhere)."""
    return {
        "path": note.path,
        "title": note.title,
        "headings": [asdict(h) for h in note.headings],
        "sections": [{k: v for k, v in asdict(s).items() if k != "text"} for s in note.sections],
        "highlights": [asdict(h) for h in note.highlights],
        "links": [asdict(link) for link in note.links],
        "tables": [asdict(t) for t in note.tables],
        "tags": [asdict(t) for t in note.tags],
        "callouts": [asdict(c) for c in note.callouts],
        "blocks": [[b.kind, b.line, b.section, b.parent, b.text] for b in note.blocks],
        "line_count": note.line_count,
    }


def test_seed_note_golden(seed_text: str) -> None:
    note = parse_note(SEED_PATH, seed_text)
    assert_golden_json(FIXTURES / "seed_note.json", note_summary(note))


def test_seed_note_counts(seed_text: str) -> None:
    note = parse_note(SEED_PATH, seed_text)
    lectures = [h.lecture for h in note.headings if h.lecture]
    assert lectures == [215, 216, 218, 219, 220, 221, 222, 223, 226, 229]
    assert len(note.highlights) == 9
    embeds = [link for link in note.links if link.kind == "embed"]
    assert [e.target for e in embeds] == [
        "스크린샷 2025-05-14 오후 9.28.27.png",
        "스크린샷 2025-05-14 오후 9.28.43.png",
        "스크린샷 2025-05-14 오후 9.20.48.png",
    ]
    assert [e.line for e in embeds] == [76, 80, 392]
    assert len(note.tables) == 2
    assert note.tables[0].header == ("항목", "CloudFront Functions", "Lambda@Edge")
    assert len(note.tables[0].rows) == 7
    assert note.tables[1].header == ("CloudFront Functions", "Lambda@Edge")


def test_seed_highlights_keep_their_section_and_context(seed_text: str) -> None:
    note = parse_note(SEED_PATH, seed_text)
    memory = next(h for h in note.highlights if h.text == "128MB ~ 10GB")
    assert memory.line == 102
    section = note.sections[memory.section]
    assert section.title == "실행 한도"
    path = [h.text for h in note.heading_path(section.heading)]
    assert path[0] == "218. 람다 limit"
    block = note.blocks[memory.block]
    assert block.text[memory.start : memory.end] == "128MB ~ 10GB"
    assert block.text.startswith("메모리: 128MB ~ 10GB")
    nested = note.highlights[0]
    assert nested.text == "자동 스케일링, 사용한 만큼 과금"


def test_lecture_sections_have_line_ranges(seed_text: str) -> None:
    note = parse_note(SEED_PATH, seed_text)
    h218 = next(h for h in note.headings if h.lecture == 218)
    assert (h218.line, h218.end_line, h218.lecture_title) == (96, 121, "람다 limit")
    assert h218.anchor == "218-람다-limit"
    text = "\n".join(s.text for s in note.sections if h218.line <= s.start_line <= h218.end_line)
    assert "최대 실행 시간: 900초 (15분)" in text


def test_lecture_of() -> None:
    assert lecture_of("215. 서버리스 소개") == (215, "서버리스 소개")
    assert lecture_of("218강 람다 limit") == (218, "람다 limit")
    assert lecture_of("심화 개념") is None


def test_h3_numbered_items_are_not_lectures() -> None:
    note = parse_note("a.md", "# 223. DynamoDB\n### 1. **DAX (DynamoDB Accelerator)**\n")
    assert [h.lecture for h in note.headings] == [223, None]
    assert note.headings[1].text == "1. DAX (DynamoDB Accelerator)"


def test_front_matter_fields() -> None:
    text = "---\ntitle: 람다 정리\ntags: [aws, '#람다']\naliases: 람다\npublish: false\n---\n본문 #인라인\n"
    note = parse_note("폴더/lambda.md", text)
    assert note.title == "람다 정리"
    assert [t.name for t in note.tags] == ["aws", "람다", "인라인"]
    assert note.tags[2].line == 7
    assert note.aliases == ("람다",)
    assert note.publish is False
    assert note.stem == "lambda"


def test_broken_front_matter_warns_and_parses_body() -> None:
    text = "---\ntags: [aws\ntitle: x\n---\n# 제목\n[[링크]]\n"
    note = parse_note("broken.md", text)
    assert [d.code for d in note.diagnostics] == ["bad-front-matter"]
    assert note.diagnostics[0].line >= 2
    assert "body parsed" in note.diagnostics[0].action
    assert note.headings[0].text == "제목"
    assert note.links[0].target == "링크" and note.links[0].line == 6


def test_nfd_text_and_path_become_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "[[람다]]는 좋다")
    note = parse_note(unicodedata.normalize("NFD", "노트/람다.md"), normalize_text(nfd))
    assert note.path == "노트/람다.md"
    assert note.links[0].target == "람다"
    assert unicodedata.is_normalized("NFC", note.blocks[0].text)


def test_crlf_and_line_numbers() -> None:
    note = parse_note("a.md", normalize_text("# 제목\r\n\r\n- ==핵심==\r\n- [[링크]]\r\n"))
    assert note.highlights[0].line == 3
    assert note.links[0].line == 4


def test_particles_stay_outside_links_and_marks() -> None:
    note = parse_note("a.md", "[[Lambda|람다]]는 ==람다의== 핵심을 **람다를** 통해\n")
    assert note.blocks[0].text == "람다는 람다의 핵심을 람다를 통해"
    assert note.highlights[0].text == "람다의"


def test_nothing_in_code_is_a_link_tag_or_highlight() -> None:
    text = "`[[a]] #b ==c==`\n\n```\n[[d]] #e ==f== %%g%%\n```\n"
    note = parse_note("a.md", text)
    assert note.links == () and note.tags == () and note.highlights == ()
    assert "%%g%%" in note.body[0].html


def test_comments_never_reach_text_or_html() -> None:
    note = parse_note("a.md", "보임 %%비밀%% 끝\n\n%%\n여러 줄 비밀\n%%\n")
    everything = " ".join(b.text for b in note.blocks) + "".join(s.html for s in note.body)
    assert "비밀" not in everything


def test_unclosed_comment_warns() -> None:
    note = parse_note("a.md", "보임\n%% 열림\n숨음\n")
    assert [(d.code, d.line) for d in note.diagnostics] == [("unclosed-comment", 2)]


def test_nested_list_items_know_their_parent(seed_text: str) -> None:
    note = parse_note(SEED_PATH, seed_text)
    child = next(b for b in note.blocks if b.text == "압축 시: 최대 50MB")
    assert child.parent is not None
    assert note.blocks[child.parent].text == "패키지 크기:"


def test_callouts_are_recorded() -> None:
    note = parse_note("a.md", "# 제목\n> [!tip]- 시험 포인트\n> 람다는 ==900초==\n")
    assert [(c.kind, c.title, c.fold, c.line) for c in note.callouts] == [
        ("tip", "시험 포인트", "-", 2)
    ]
    assert note.highlights[0].text == "900초"
    assert note.highlights[0].line == 3


def test_block_ids_are_recorded() -> None:
    note = parse_note("a.md", "문단 ^p1\n\n- 항목 ^i2\n")
    assert note.block_ids == {"p1": 1, "i2": 3}

"""Generate realistic Korean Obsidian vaults of AWS study notes for benchmarks.

The notes imitate one student's real note (``vault/AWS SAA/215-229 서버리스.md``):
Korean bullet lists and prose that mix English and Korean service names with
particles attached (람다는, SQS의, DynamoDB를), ``# 218. 람다 limit`` lecture headings,
``==highlights==``, limit lines, comparison tables, wikilinks, image embeds and
callouts, spread over nested folders of 10-60 notes. The same ``seed`` and ``notes``
always give byte-identical files, so benchmark runs can be compared.

    python -m benchmarks.vaultgen /tmp/v1000 --notes 1000

The vocabulary is in ``vocab.py``, the folder and note-name plan in ``vaultplan.py``
and the particle rules in ``particles.py``; this module writes the notes and files.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import statistics
import struct
import sys
import time
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.particles import Mention, attach, fill, final_of, template_parts
from benchmarks.vaultplan import ATTACHMENTS, NotePlan, Planner, strip_number
from benchmarks.vocab import (
    AWS_NETWORKING,
    BASICS,
    BY_CATEGORY,
    BY_EN,
    CLI_EXAMPLES,
    COMMENTS,
    CONTRASTS,
    FOOTNOTES,
    GENERIC_TOPICS,
    KEYWORDS,
    REASONS,
    RELATIONS,
    RELATIONS_BY_SERVICE,
    RULES,
    RULES_BY_SERVICE,
    SENTENCES_ANY,
    SENTENCES_AWS,
    SERVICES,
    TABLES,
    USECASES,
    WORKLOADS,
    WRONG_REASONS,
    Service,
)

# --------------------------------------------------------------------------------------
# Vault-wide context: who can link to whom, which images exist, running counts
# --------------------------------------------------------------------------------------

MISSING_LINK_RATE = 0.06
IMAGE_EXISTS_RATE = 0.5


class _Vault:
    """Link targets and the image registry shared by every note while writing."""

    def __init__(self, plans: list[NotePlan]) -> None:
        self.plans = plans
        self.by_folder: dict[str, list[int]] = {}
        self.by_service: dict[str, list[int]] = {}
        self.names: dict[str, list[int]] = {}
        self.lectures: list[int] = []
        for plan in plans:
            self.by_folder.setdefault(plan.folder, []).append(plan.index)
            self.names.setdefault(plan.name, []).append(plan.index)
            if plan.kind not in ("daily", "quiz"):
                self.by_service.setdefault(plan.services[0].en, []).append(plan.index)
                self.lectures.append(plan.index)
        if not self.lectures:
            self.lectures = [plan.index for plan in plans]
        self.images: dict[str, bool] = {}  # name -> whether a file is written for it
        self.image_list: list[str] = []
        self.diagrams = 0
        self.wikilinks = self.broken_links = self.embeds = self.note_embeds = 0

    # -- wikilinks ----------------------------------------------------------------

    def link(self, rng: random.Random, plan: NotePlan, *, in_table: bool = False) -> str:
        """A wikilink from ``plan`` to a nearby note, now and then to a missing one."""
        self.wikilinks += 1
        if rng.random() < MISSING_LINK_RATE:
            self.broken_links += 1
            return f"[[{self._missing_name(rng, plan)}]]"
        return self._format(rng, self._pick(rng, plan), in_table)

    def _pick(self, rng: random.Random, plan: NotePlan) -> NotePlan:
        """Mostly the same folder or service, as a student links neighbouring lectures."""
        roll = rng.random()
        if plan.kind in ("daily", "quiz"):
            pool = self.by_service.get(rng.choice(plan.services).en) or self.lectures
        elif roll < 0.45:
            pool = self.by_folder[plan.folder]
        elif roll < 0.7:
            pool = self.by_service.get(plan.services[0].en) or self.lectures
        else:
            pool = self.lectures
        for _ in range(4):
            other = self.plans[rng.choice(pool)]
            if other.index != plan.index:
                return other
        return self.plans[(plan.index + 1) % len(self.plans)]

    def _format(self, rng: random.Random, other: NotePlan, in_table: bool) -> str:
        """Write the link: plain, by path when the name is ambiguous, with #heading or |alias."""
        target = other.name
        if (len(self.names[target]) > 1 and rng.random() < 0.6) or rng.random() < 0.02:
            target = f"{other.folder}/{other.name}"
        roll = rng.random()
        if roll < 0.14 and (len(other.headings) > 1 or (other.headings and roll < 0.04)):
            target += "#" + rng.choice(other.headings)
        elif roll < 0.16:
            target += "#" + rng.choice(("정리", "특징", "한도 요약"))
        if rng.random() < 0.2:
            alias = rng.choice(
                (
                    other.services[0].mention(rng).text,
                    strip_number(other.name),
                    "여기",
                    "이전 강의",
                )
            )
            target += ("\\|" if in_table else "|") + alias
        return f"[[{target}]]"

    def _missing_name(self, rng: random.Random, plan: NotePlan) -> str:
        """A plausible name of a note the student never wrote."""
        svc = rng.choice(plan.services)
        while True:
            name = rng.choice(
                (
                    f"{svc.label(rng)} {rng.choice(GENERIC_TOPICS)} 심화",
                    f"{svc.en} 정리 (작성 예정)",
                    f"{rng.randint(2000, 2999)}. {svc.label(rng)} {rng.choice(svc.topics)}",
                    "나중에 정리할 것",
                    f"{svc.en} 공식 문서 요약",
                )
            )
            if name not in self.names:
                return name

    def transclusion(self, rng: random.Random, plan: NotePlan) -> str:
        """``![[Other note#heading]]``: part of another note shown in place."""
        other = self._pick(rng, plan)
        self.embeds += 1
        self.note_embeds += 1
        heading = f"#{other.headings[0]}" if other.headings else ""
        return f"![[{other.name}{heading}]]"

    # -- images -------------------------------------------------------------------

    def image(self, rng: random.Random, plan: NotePlan) -> str:
        """An image embed; about half the images get a real PNG in 첨부/."""
        self.embeds += 1
        if self.image_list and rng.random() < 0.1:
            name = rng.choice(self.image_list)
        else:
            name = self._new_image_name(rng, plan)
            if name not in self.images:
                self.images[name] = rng.random() < IMAGE_EXISTS_RATE
                self.image_list.append(name)
        return f"![[{name}{rng.choice(('', '', '', '', '|300', '|500', '|400'))}]]"

    def _new_image_name(self, rng: random.Random, plan: NotePlan) -> str:
        """A fresh image name in the styles a Mac and Obsidian produce."""
        day, svc = plan.date, plan.services[0]
        for _ in range(20):
            style = rng.random()
            if style < 0.45:
                noon = rng.choice(("오전", "오후"))
                name = (
                    f"스크린샷 {day:%Y-%m-%d} {noon} {rng.randint(1, 12)}."
                    f"{rng.randint(0, 59):02d}.{rng.randint(0, 59):02d}.png"
                )
            elif style < 0.65:
                clock = f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
                name = f"Pasted image {day:%Y%m%d}{clock}.png"
            elif style < 0.85:
                self.diagrams += 1
                return f"diagram-{self.diagrams}.png"
            else:
                return f"{svc.en} {rng.choice(('아키텍처', '구조도', '정리표', '흐름'))}.png"
            if name not in self.images:
                return name
        return name


# --------------------------------------------------------------------------------------
# One note being written, and the blocks notes are made of
# --------------------------------------------------------------------------------------


def sentence(rng: random.Random, svc: Service, peer: Service) -> str:
    """One sentence in the student's voice about ``svc`` (and maybe ``peer``)."""
    template = rng.choice(SENTENCES_ANY if svc.category == BASICS else _SENTENCES_AWS_ALL)
    makers: dict[str, Callable[[], Mention | str]] = {
        "A": lambda: svc.mention(rng),
        "B": lambda: peer.mention(rng),
        "role_a": lambda: svc.role,
        "role_b": lambda: peer.role,
        "keyword": lambda: rng.choice(KEYWORDS),
        "reason": lambda: rng.choice(REASONS),
        "contrast": lambda: rng.choice(CONTRASTS),
        "workload": lambda: rng.choice(WORKLOADS),
        "n": lambda: str(rng.randint(2, 5)),
    }
    slots = {key: makers[key]() for _, key, _ in template_parts(template) if key}
    return fill(template, slots)


_SENTENCES_AWS_ALL = SENTENCES_ANY + SENTENCES_AWS


def peer_of(rng: random.Random, svc: Service, candidates: Sequence[Service] = ()) -> Service:
    """A second service to mention with ``svc``: a folder mate, an integration, a category peer."""
    others = [s for s in candidates if s is not svc]
    if others and rng.random() < 0.6:
        return rng.choice(others)
    relations = RELATIONS_BY_SERVICE.get(svc.en)
    if relations and rng.random() < 0.7:
        src, dst, _ = rng.choice(relations)
        return BY_EN[dst if src == svc.en else src]
    if svc.category == BASICS:
        return rng.choice(AWS_NETWORKING)
    peers = [s for s in BY_CATEGORY[svc.category] if s is not svc]
    return rng.choice(peers) if peers else rng.choice(SERVICES)


class _Note:
    """The lines of the note being written and handles on what blocks need."""

    def __init__(self, vault: _Vault, plan: NotePlan, rng: random.Random) -> None:
        self.vault, self.plan, self.rng = vault, plan, rng
        self.lines: list[str] = []
        self.size = 0
        self.footnotes: list[str] = []
        self.used: dict[tuple[object, str], None] = {}  # (block, service) pairs already written

    def add(self, *lines: str) -> None:
        """Append lines, keeping the byte size current so blocks stop at the target."""
        for line in lines:
            self.lines.append(line)
            self.size += len(line.encode("utf-8")) + 1

    def gap(self) -> None:
        """One blank line between blocks (never two in a row)."""
        if self.lines and self.lines[-1] != "":
            self.add("")

    def link(self, *, in_table: bool = False) -> str:
        return self.vault.link(self.rng, self.plan, in_table=in_table)

    def image(self) -> str:
        return self.vault.image(self.rng, self.plan)

    def peer(self, svc: Service) -> Service:
        return peer_of(self.rng, svc, self.plan.services)

    def sentence(self, svc: Service) -> str:
        return sentence(self.rng, svc, self.peer(svc))

    def footnote(self) -> str:
        """A ``[^n]`` reference; its definition goes to the end of the note."""
        self.footnotes.append(self.rng.choice(FOOTNOTES))
        return f"[^{len(self.footnotes)}]"

    def text(self) -> str:
        """The note as written, footnote definitions last, ending in one newline."""
        lines = list(self.lines)
        if self.footnotes:
            lines += ["", *(f"[^{i}]: {note}" for i, note in enumerate(self.footnotes, 1))]
        return "\n".join(lines).rstrip("\n") + "\n"


def _subheading(rng: random.Random, title: str) -> str:
    """Sub-headings in the seed's mixed styles (### **특징**, ### 🔸 비교 요약표, ####  **…**)."""
    return rng.choices(
        (
            f"### **{title}**",
            f"### {title}",
            f"#### **{title}**",
            f"### 🔸 {title}",
            f"## {title}",
            f"####  **{title}**",
        ),
        (35, 25, 15, 10, 8, 7),
    )[0]


def _block_definition(n: _Note, svc: Service) -> None:
    """A definition (``- **Lambda(람다)**: …`` or ``**AWS Lambda란?**``) and two bullets."""
    rng, (label, desc) = n.rng, n.rng.choice(svc.features)
    if rng.random() < 0.5:
        name = f"{svc.en}({svc.ko})" if svc.ko else svc.en
        n.add(
            f"- **{name}**: {attach(svc.role, final_of(svc.role), '이다')}"
            if rng.random() < 0.5
            else f"- **{name}**: {desc}"
        )
    else:
        full = f"{svc.prefix} {svc.en}" if svc.prefix else svc.en
        n.add(f"**{attach(full, svc.final, '이란')}?**  ")
    n.add(f"- {n.sentence(svc)}", f"- **{label}**: {desc}")
    n.gap()


def _feature_line(rng: random.Random, label: str, desc: str) -> str:
    """A feature bullet in one of the seed's styles (bold label, highlight, trailing spaces)."""
    roll = rng.random()
    if roll < 0.5:
        return f"- **{label}**: {desc}"
    if roll < 0.65:
        return f"- **{label}**: =={desc}=="
    if roll < 0.8:
        return f"- {label}: {desc}"
    if roll < 0.97:
        return f"- **{label}**: {desc}    "
    return f"- **{desc}"  # unclosed bold, as in the seed ("- **엄청 빠르고, …")


def _block_features(n: _Note, svc: Service) -> None:
    """A 주요 특징 list of a service's features, some with a nested remark."""
    rng = n.rng
    title = rng.choice(
        ("{A:의} 주요 특징", "특징", "주요 특징", "{A} 핵심 정리", "기본 개념", "동작 방식")
    )
    n.add(
        _subheading(rng, fill(title, {"A": svc.mention(rng)})),
        *([""] if rng.random() < 0.4 else []),
    )
    features = rng.sample(svc.features, min(len(svc.features), rng.randint(3, 5)))
    for label, desc in features:
        n.add(_feature_line(rng, label, desc))
        if rng.random() < 0.25:
            n.add(f"    - {n.sentence(svc)}")
    if len(features) >= 2 and rng.random() < 0.35:
        n.add(f"- ==**{features[0][0]}**, **{features[1][0]}**==")
    n.gap()


def _limit_line(rng: random.Random, label: str, value: str) -> str:
    """A limit bullet: ``- **메모리**: ==128MB ~ 10GB==`` and its variants."""
    roll = rng.random()
    if "(" in value and roll < 0.3:
        main, paren = value.split("(", 1)
        return f"- **{label}**: {main.strip()} ==({paren}=="
    if roll < 0.55:
        return f"- **{label}**: {value}"
    if roll < 0.75:
        return f"- **{label}**: =={value}=="
    if roll < 0.9:
        return f"- {label}: {value}"
    return f"- **{label}**: {value}    "


def _block_limits(n: _Note, svc: Service) -> None:
    """Limit lines like ``- **메모리**: ==128MB ~ 10GB==``, sometimes grouped under a parent."""
    rng = n.rng
    title = rng.choice(
        (
            "{A} 한도 요약 (시험 대비)",
            "실행 한도",
            "한도",
            "{A:의} 주요 한도",
            "숫자 정리",
            "limit 정리",
        )
    )
    n.add(_subheading(rng, fill(title, {"A": svc.mention(rng)})), "")
    limits = rng.sample(svc.limits, min(len(svc.limits), rng.randint(2, 6)))
    if len(limits) >= 3 and rng.random() < 0.3:
        n.add(f"- **{rng.choice(('주요 수치', '배포 한도', '기본값', '최대값'))}**:")
        n.add(*(f"    - {label}: {value}" for label, value in limits[:2]))
        limits = limits[2:]
    n.add(*(_limit_line(rng, label, value) for label, value in limits))
    if rng.random() < 0.2:
        n.add(
            f"- {rng.choice(svc.limits)[0]}{n.footnote()} 값은 바뀔 수 있으니 시험 직전에 다시 확인"
        )
    n.gap()


def _relation_line(rng: random.Random, relation: tuple[str, str, str]) -> str:
    """One integration line: arrow with a phrase, or a plain ``A + B`` pair."""
    src, dst, phrase = relation
    a, b = BY_EN[src].mention(rng), BY_EN[dst].mention(rng)
    roll = rng.random()
    if roll < 0.6:
        return f"- **{a.text}** → {fill(phrase, {'B': b})}"
    if roll < 0.8:
        return f"- {a.text} → {fill(phrase, {'B': b})}"
    return f"- {a.text} + {b.text}"


def _block_relations(n: _Note, svc: Service) -> None:
    """Integration lines: "**S3** → 파일 업로드 등 이벤트 발생 시 Lambda 실행", "A + B"."""
    rng = n.rng
    if svc.category == BASICS:  # a networking topic: show how AWS networking services connect
        svc = rng.choice(AWS_NETWORKING)
    relations = list(RELATIONS_BY_SERVICE.get(svc.en, ()))
    if len(relations) < 3:
        relations += rng.sample(RELATIONS, 3)
    title = rng.choice(
        ("AWS 서비스와의 통합 예시", "연동 서비스", "{A:과} 같이 쓰는 서비스", "아키텍처 패턴")
    )
    n.add(_subheading(rng, fill(title, {"A": svc.mention(rng)})), "")
    n.add(
        *(
            _relation_line(rng, r)
            for r in rng.sample(relations, min(len(relations), rng.randint(3, 6)))
        )
    )
    if rng.random() < 0.3:
        first = rng.choice(RELATIONS)
        onward = [r for r in RELATIONS if r[0] == first[1] and r[1] != first[0]]
        if onward:
            n.add(f"- {first[0]} → {first[1]} → {rng.choice(onward)[1]}")
    n.gap()


def _format_table(rng: random.Random, rows: Sequence[Sequence[str]]) -> list[str]:
    """A table either padded (as Obsidian's formatter leaves it) or compact ``|---|``."""
    if rng.random() < 0.5:
        return [f"|{'|'.join(row)}|" for row in (rows[0], ["---"] * len(rows[0]), *rows[1:])]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    padded = [
        "| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    return [padded[0], "| " + " | ".join("-" * w for w in widths) + " |", *padded[1:]]


def _generated_table(n: _Note, svc: Service, other: Service) -> list[list[str]]:
    """Rows comparing two services from their roles, limits and features."""
    rng = n.rng
    rows = [
        ["항목", svc.en, other.en],
        ["**역할**", svc.role, other.role],
        ["**대표 한도**", *(f"{s.limits[0][0]} {s.limits[0][1]}" for s in (svc, other))],
        ["**핵심 특징**", svc.features[0][1], other.features[0][1]],
    ]
    if rng.random() < 0.5:
        rows.append(["**시험 키워드**", rng.choice(KEYWORDS), rng.choice(KEYWORDS)])
    if rng.random() < 0.1:
        rows.append(["**관련 노트**", n.link(in_table=True), n.link(in_table=True)])
    return rows


def _block_table(n: _Note, svc: Service, other: Service | None = None) -> None:
    """A comparison table (``| 항목 | SQS | SNS |``): hand-written if one fits, else built."""
    rng = n.rng
    fitting = [t for t in TABLES if svc.en in t[0]]
    if fitting and other is None and rng.random() < 0.6:
        _, header, body = rng.choice(fitting)
        rows = [
            list(header),
            *(list(r) for r in rng.sample(body, max(2, len(body) - rng.randint(0, 2)))),
        ]
    else:
        rows = _generated_table(n, svc, other or n.peer(svc))
    n.add(
        _subheading(
            rng,
            rng.choice(
                ("비교 요약표", "한눈에 비교", f"{rows[0][1]} vs {rows[0][2]}", "차이 정리")
            ),
        ),
        "",
    )
    n.add(*_format_table(rng, rows))
    n.gap()


def _block_usecases(n: _Note, svc: Service) -> None:
    """Numbered 활용 예시 with chains and a tab-indented screenshot, like the seed."""
    rng = n.rng
    n.add(_subheading(rng, "활용 예시"), "")
    relations = list(RELATIONS_BY_SERVICE.get(svc.en, ())) or list(RELATIONS)
    for i, title in enumerate(rng.sample(USECASES, rng.randint(1, 3)), 1):
        src, dst, phrase = rng.choice(relations)
        n.add(f"{i}. **{title}**", f"    - {src} → {fill(phrase, {'B': BY_EN[dst].mention(rng)})}")
        n.add(f"    - {n.sentence(svc)}")
        if rng.random() < 0.5:
            n.add(rng.choice(("        ", "\t\t")) + n.image())
    n.gap()


def _block_paragraph(n: _Note, svc: Service) -> None:
    """Two to four sentences, sometimes with a link, a footnote or a %%comment%%."""
    rng = n.rng
    parts: list[str] = []
    for _ in range(rng.randint(2, 4)):
        line = n.sentence(svc)
        if line not in parts:
            parts.append(line)
    if rng.random() < 0.3:
        parts.append(
            rng.choice(
                ("자세한 내용은 {} 참고.", "{}에서 정리함.", "(이전 강의: {})", "→ {}")
            ).format(n.link())
        )
    if rng.random() < 0.1:
        parts[0] += n.footnote()
    if rng.random() < 0.08:
        parts.append(rng.choice(COMMENTS))
    joiner = " " if rng.random() < 0.5 else "\n"
    n.add(*joiner.join(parts).split("\n"))
    n.gap()


def _block_callout(n: _Note, svc: Service) -> None:
    """Obsidian callouts: ``> [!tip] 시험 포인트`` and friends."""
    rng = n.rng
    a = svc.mention(rng)
    kind = rng.choice(("tip", "tip", "warning", "note", "question", "example", "important"))
    title = {
        "tip": "시험 포인트",
        "warning": "주의",
        "note": "메모",
        "question": attach(a.text, a.final, "은") + " 언제 쓰지?",
        "example": "예시 시나리오",
        "important": "꼭 외울 것",
    }[kind]
    fold = "-" if kind == "example" else ""
    n.add(f"> [!{kind}]{fold} {title}")
    for _ in range(rng.randint(1, 3)):
        roll = rng.random()
        if roll < 0.35:
            label, value = rng.choice(svc.limits)
            n.add(f"> - {attach(a.text, a.final, '의')} **{label}**: =={value}==")
        elif roll < 0.6 and RULES_BY_SERVICE.get(svc.en):
            situation, answer = rng.choice(RULES_BY_SERVICE[svc.en])
            n.add(f"> - {situation} → {answer}")
        else:
            n.add(f"> {n.sentence(svc)}")
    n.gap()


def _block_code(n: _Note, svc: Service) -> None:
    """A code fence: a real CLI command, an IAM policy or a Lambda handler."""
    rng = n.rng
    commands = CLI_EXAMPLES.get(svc.cli if svc.category != BASICS else "")
    roll = rng.random()
    if commands and roll < 0.6:
        n.add("```bash", *rng.sample(commands, rng.randint(1, len(commands))), "```")
    elif svc.cli and roll < 0.8:
        verb = rng.choice(("Get*", "List*", "Describe*", "Put*"))
        n.add(
            "```json",
            "{",
            '  "Version": "2012-10-17",',
            '  "Statement": [',
            "    {",
            '      "Effect": "Allow",',
            f'      "Action": ["{svc.cli}:{verb}"],',
            '      "Resource": "*"',
            "    }",
            "  ]",
            "}",
            "```",
        )
    else:
        n.add(
            "```python",
            "def lambda_handler(event, context):",
            '    for record in event.get("Records", []):',
            '        print(record.get("eventSource"), record.get("body"))',
            '    return {"statusCode": 200}',
            "```",
        )
    n.gap()


def _block_tasks(n: _Note, svc: Service) -> None:
    """A task list (``- [ ]`` / ``- [x]``), one task possibly linking a note."""
    rng = n.rng
    n.add(_subheading(rng, rng.choice(("할 일", "TODO", "복습 체크"))))
    a = svc.mention(rng)
    tasks = [
        f"{attach(a.text, a.final, '을')} 콘솔에서 직접 만들어 보기",
        f"{a.text} 한도 외우기",
        f"덤프 {rng.randint(1, 60)}번 문제 다시 풀기",
        "@link 복습",
        "강의 노트 그림 다시 그리기",
    ]
    for task in rng.sample(tasks, rng.randint(2, 4)):
        if "@link" in task:  # make (and count) the link only when the task is written
            task = task.replace("@link", n.link())
        n.add(f"- [{rng.choice(('x', ' ', ' '))}] {task}")
    n.gap()


def _block_image(n: _Note, svc: Service) -> None:
    """A standalone image embed, sometimes under a short caption."""
    rng = n.rng
    if rng.random() < 0.4:
        n.add(rng.choice(("구조도:", "강의 캡처", "정리한 그림", f"{svc.en} 흐름")))
    n.add(n.image())
    n.gap()


def _block_rules(n: _Note, svc: Service) -> None:
    """A 판단 기준 list: situation → the service that fits (RAM 30GB … → Lambda 부적합)."""
    rng = n.rng
    rules = list(RULES_BY_SERVICE.get(svc.en, ())) or list(RULES)
    n.add(_subheading(rng, rng.choice(("판단 기준 예시", "이럴 땐 뭘 쓰지?", "시험 빈출 상황"))))
    for situation, answer in rng.sample(rules, min(len(rules), rng.randint(1, 4))):
        n.add(
            f"- {situation} → {answer}" if rng.random() < 0.7 else f"- {situation} → =={answer}=="
        )
    n.gap()


def _block_conclusion(n: _Note, svc: Service) -> None:
    """``**결론**:`` bullets or a one-line ``결론:`` as the seed ends lectures."""
    rng = n.rng
    if rng.random() < 0.5:
        n.add("**결론**:  ", f"- {n.sentence(svc)}", f"- {n.sentence(svc)}")
    else:
        n.add(f"결론: {n.sentence(svc)}")
    n.gap()


def _block_links(n: _Note, svc: Service) -> None:
    """A 관련 노트 list of wikilinks."""
    rng = n.rng
    n.add(_subheading(rng, rng.choice(("관련 노트", "참고", "같이 보기"))))
    n.add(*(f"- {n.link()}" for _ in range(rng.randint(2, 5))))
    n.gap()


def _block_transclusion(n: _Note, svc: Service) -> None:
    """An embedded section of another note (``![[note#heading]]``)."""
    n.add(n.rng.choice(("복습용으로 가져옴:", "이전 정리 그대로:", "> 아래는 원래 노트 내용")))
    n.add(n.vault.transclusion(n.rng, n.plan))
    n.gap()


def _block_rule(n: _Note, svc: Service) -> None:
    """A ``---`` rule between sections (never two in a row)."""
    if n.lines and n.lines[-2:] != ["---", ""]:
        n.add("---", "")


def _block_comment(n: _Note, svc: Service) -> None:
    """``%%comments%%``: inline, or a block the student keeps as a reminder."""
    if n.rng.random() < 0.4:
        body = n.rng.choice(
            (
                ["TODO: 그림 다시 그리기"],
                ["여기 강의 두 번 들음", "헷갈리면 공식 문서 FAQ 보기"],
                ["덤프 문제랑 같이 보기"],
            )
        )
        n.add("%%", *body, "%%")
    else:
        n.add(n.rng.choice(COMMENTS))
    n.gap()


_Block = Callable[[_Note, Service], None]
_BLOCKS: tuple[tuple[_Block, float], ...] = (
    (_block_features, 14),
    (_block_limits, 13),
    (_block_relations, 9),
    (_block_table, 6),
    (_block_usecases, 6),
    (_block_paragraph, 16),
    (_block_callout, 8),
    (_block_code, 4),
    (_block_tasks, 3),
    (_block_image, 7),
    (_block_rules, 5),
    (_block_links, 4),
    (_block_rule, 5),
    (_block_transclusion, 0.7),
    (_block_comment, 2),
)
_FACT_BLOCKS = frozenset(
    (
        _block_features,
        _block_limits,
        _block_relations,
        _block_table,
        _block_usecases,
        _block_code,
        _block_rules,
        _block_callout,
        _block_definition,
    )
)
_BLOCK_FUNCS = tuple(f for f, _ in _BLOCKS)
_BLOCK_CUM = tuple(itertools.accumulate(w for _, w in _BLOCKS))


def _next_block(rng: random.Random) -> _Block:
    return rng.choices(_BLOCK_FUNCS, cum_weights=_BLOCK_CUM)[0]


def _run_block(n: _Note, block: _Block, svc: Service) -> None:
    """Run a block, moving to a related service rather than repeating the same facts.

    Long notes would otherwise list one service's few limits three times over; a
    student writing 15 KB on ECS brings in Fargate, ALB and EKS instead.
    """
    if block not in _FACT_BLOCKS:
        block(n, svc)
        return
    subject = svc
    for _ in range(4):
        if (block, subject.en) not in n.used:
            n.used[(block, subject.en)] = None
            block(n, subject)
            return
        subject = n.peer(svc) if n.rng.random() < 0.7 else peer_of(n.rng, subject)


# --------------------------------------------------------------------------------------
# Notes by kind
# --------------------------------------------------------------------------------------

_COURSE_TAGS = {"AWS SAA": "saa", "AWS DVA": "dva", "AWS SOA": "soa", "AWS SAP": "sap"}


def _yaml_scalar(value: str, flow: bool) -> str:
    """A YAML scalar: plain when safe, else a JSON string (valid YAML double-quoted)."""
    risky = (
        ": " in value or " #" in value or value.endswith(":") or not re.match(r"[\w가-힣]", value)
    )
    if risky or (flow and any(c in value for c in ",[]{}")):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def _front_matter(n: _Note) -> None:
    """Front matter as Obsidian users write it: tags, aliases, dates, sometimes publish: false."""
    rng, plan = n.rng, n.plan
    svc = plan.services[0]
    tags = (
        ["daily"]
        if plan.kind == "daily"
        else [
            f"aws/{svc.tag}"
            if svc.category != BASICS
            else f"network/{svc.en.lower().replace(' ', '-')}"
        ]
    )
    course = plan.folder.split("/")[0]
    if course in _COURSE_TAGS:
        tags.append(_COURSE_TAGS[course])
    if rng.random() < 0.4:
        tags.append(rng.choice(("시험", "복습", "오답", "중요")))
    aliases = [strip_number(plan.name)] if plan.kind != "daily" and rng.random() < 0.4 else []
    flow = rng.random() < 0.4
    n.add("---")
    for key, values in (("tags", tags), ("aliases", aliases)):
        if not values:
            continue
        if flow:
            n.add(f"{key}: [{', '.join(_yaml_scalar(v, True) for v in values)}]")
        else:
            n.add(f"{key}:", *(f"  - {_yaml_scalar(v, False)}" for v in values))
    n.add(f"created: {plan.date.isoformat()}")
    if plan.kind in ("lecture", "bundle") and rng.random() < 0.3:
        n.add("source: Udemy 강의")
    if not plan.publish:
        n.add("publish: false")
    n.add("---", "")


def _tag_line(n: _Note) -> None:
    """Inline tags at the end of a note (``#aws/sqs #시험``)."""
    rng, svc = n.rng, n.plan.services[0]
    tags = [
        f"#aws/{svc.tag}" if svc.category != BASICS else "#network",
        rng.choice(("#시험", "#복습", "#정리")),
    ]
    n.gap()
    n.add(" ".join(tags))


def _write_stub(n: _Note) -> None:
    """A lecture heading with nothing or one line under it (seed: "# 222. RDS - 람다 …")."""
    n.add(f"# {n.plan.headings[0]}")
    if n.rng.random() < 0.5:
        n.add("", "", "")
    else:
        n.add("", f"- {n.sentence(n.plan.services[0])}")


def _write_lectures(n: _Note) -> None:
    """Lecture, bundle, summary, compare and network notes: headings filled with blocks."""
    rng, plan = n.rng, n.plan
    if plan.kind == "bundle" or rng.random() < 0.1:
        names = [s.mention(rng) for s in rng.sample(SERVICES, 4)]
        n.add(
            ">" + ", ".join(m.text for m in names[:3]) + " 그리고 " + names[3].text,
            ">",
            f">{n.sentence(plan.services[0])}",
            "",
            "---",
        )
    budget = max(300, plan.target - n.size) / len(plan.headings)
    for i, heading in enumerate(plan.headings):
        svc = plan.services[i] if plan.kind == "bundle" else plan.services[0]
        if i and rng.random() < 0.5:
            _block_rule(n, svc)
        end = n.size + budget
        n.add(f"# {heading}", "")
        if plan.kind == "compare":
            _block_table(n, svc, plan.services[1])
        else:
            rng.choice((_block_definition, _block_paragraph, _block_features))(n, svc)
        previous = None
        while n.size < end:
            block = _next_block(rng)
            if block is not previous:
                _run_block(n, block, svc)
            previous = block
        if rng.random() < 0.35:
            _block_conclusion(n, svc)
    if rng.random() < 0.3:
        n.add(f"이전: {n.link()} / 다음: {n.link()}")


def _write_daily(n: _Note) -> None:
    """A daily note: what was studied (links), a memo, and a task list."""
    rng, plan = n.rng, n.plan
    svc = plan.services[0]
    if rng.random() < 0.3:
        n.add(f"# {plan.name}", "")
    n.add("## 오늘 공부한 것")
    n.add(f"- {n.link()} ~ {n.link()}", f"- {n.link()} 복습")
    label, value = rng.choice(svc.limits)
    n.add(f"- {svc.mention(rng).text} 한도 다시 봄: **{label}** {value}", "")
    n.add("## 메모", n.sentence(svc), "")
    while n.size < plan.target - 200:
        roll = rng.random()
        if roll < 0.5:
            n.add(f"- {n.sentence(peer_of(rng, svc))}")
        elif roll < 0.7:
            situation, answer = rng.choice(RULES)
            n.add(f"- =={situation} → {answer}==")
        elif roll < 0.85:
            n.add(f"- {n.link()} 다시 볼 것")
        else:
            n.add(n.image())
    n.gap()
    n.add(
        "## 할 일",
        f"- [x] {n.link()} 정리",
        f"- [ ] 모의고사 {rng.randint(1, 6)}회 풀기",
        f"- [{rng.choice(('x', ' '))}] {svc.mention(rng).text} 실습",
    )


def _write_quiz(n: _Note) -> None:
    """A wrong-answer note: the question, choices, my answer vs the right one, and why."""
    rng, plan = n.rng, n.plan
    svc = plan.services[0]
    situation, answer = rng.choice(RULES_BY_SERVICE[svc.en])
    choices = [answer, *(r[1] for r in rng.sample([r for r in RULES if r[1] != answer], 3))]
    rng.shuffle(choices)
    letters = "ABCD"
    right = letters[choices.index(answer)]
    mine = rng.choice([c for c in letters if c != right])
    workload = rng.choice(WORKLOADS)
    n.add(
        f"# {plan.headings[0]}",
        "",
        "## 문제",
        f"한 회사가 {attach(workload, final_of(workload), '을')} 운영하고 있다. "
        f"요구 사항: {situation}. 가장 적합한 솔루션은?",
        "",
        "## 보기",
    )
    n.add(*(f"- {letter}. {choice}" for letter, choice in zip(letters, choices, strict=True)), "")
    n.add(f"**내 답**: {mine} ❌  ", f"**정답**: =={right}==", "", "## 해설")
    label, desc = rng.choice(svc.features)
    n.add(
        f"- 정답 **{answer}**: {label} - {desc}",
        f"- {mine}를 고른 이유: {rng.choice(WRONG_REASONS)}",
        f"- 관련 강의: {n.link()}",
        "",
    )
    while n.size < plan.target - 150:
        _run_block(
            n, rng.choice((_block_callout, _block_paragraph, _block_limits, _block_rules)), svc
        )
    _tag_line(n)


def write_note(vault: _Vault, plan: NotePlan, rng: random.Random) -> str:
    """The full text of one note."""
    n = _Note(vault, plan, rng)
    if plan.front_matter:
        _front_matter(n)
    if plan.kind == "daily":
        _write_daily(n)
    elif plan.kind == "quiz":
        _write_quiz(n)
    elif plan.target <= 300:
        _write_stub(n)
    else:
        _write_lectures(n)
        if rng.random() < 0.35:
            _tag_line(n)
    return n.text()


# --------------------------------------------------------------------------------------
# Files: PNG attachments, the vault on disk, statistics
# --------------------------------------------------------------------------------------


def png_bytes(
    width: int, height: int, top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> bytes:
    """A small valid RGB PNG in two colour bands (a stand-in for a screenshot)."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    rows = b"".join(
        b"\x00" + bytes(top if y < height // 2 else bottom) * width for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 6))
        + chunk(b"IEND", b"")
    )


def _image_bytes(seed: int, name: str) -> bytes:
    """The PNG for an attachment, its size and colours derived from the seed and name."""
    rng = random.Random(f"{seed}/png/{name}")

    def colour() -> tuple[int, int, int]:
        return rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)

    width, height = rng.randint(40, 160), rng.randint(30, 120)
    return png_bytes(width, height, colour(), colour())


@dataclass(frozen=True)
class VaultStats:
    """What was written: counts and sizes to print next to benchmark timings."""

    notes: int
    folders: int  # every directory under the root, 첨부/ and intermediate folders included
    attachments: int
    total_bytes: int  # notes + attachments
    median_note_bytes: int
    max_note_bytes: int
    wikilinks: int  # [[…]] links (embeds not counted)
    embeds: int  # ![[…]] of images and of notes
    missing_images: int  # distinct embedded image names with no file
    nfd_names: int
    note_bytes: int = 0
    broken_wikilinks: int = 0  # links written on purpose to notes that do not exist
    note_embeds: int = 0
    nfd_paths: tuple[str, ...] = ()
    duplicate_names: tuple[str, ...] = ()

    def summary(self) -> str:
        """Aligned ``key  value`` lines for terminals and benchmark logs."""
        rows = {
            "notes": self.notes,
            "folders": self.folders,
            "attachments": self.attachments,
            "total bytes": self.total_bytes,
            "note bytes": self.note_bytes,
            "median note bytes": self.median_note_bytes,
            "max note bytes": self.max_note_bytes,
            "wikilinks": self.wikilinks,
            "  to missing notes": self.broken_wikilinks,
            "embeds": self.embeds,
            "  of notes": self.note_embeds,
            "missing images": self.missing_images,
            "NFD file names": self.nfd_names,
            "duplicate names": ", ".join(self.duplicate_names) or "-",
        }
        return "\n".join(f"{key:<20} {value}" for key, value in rows.items())


def generate_vault(root: Path, notes: int, seed: int = 0) -> VaultStats:
    """Write a vault of ``notes`` notes under ``root`` (new or empty) and describe it.

    Deterministic: the same ``notes`` and ``seed`` give byte-identical files.
    """
    if notes < 1:
        raise ValueError(f"notes must be at least 1, got {notes}")
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(
            f"{root} is not empty; give a new directory so old notes do not mix in"
        )
    plans = Planner(random.Random(seed), notes).plan()
    vault = _Vault(plans)
    dirs: dict[str, None] = {}
    sizes: list[int] = []
    for plan in plans:
        data = write_note(vault, plan, random.Random(f"{seed}/note/{plan.index}")).encode("utf-8")
        _write(root, plan.relpath, data, dirs)
        sizes.append(len(data))
    attachment_bytes = 0
    for name, exists in vault.images.items():
        if exists:
            data = _image_bytes(seed, name)
            _write(root, f"{ATTACHMENTS}/{name}", data, dirs)
            attachment_bytes += len(data)
    return VaultStats(
        notes=len(plans),
        folders=_count_folders(dirs),
        attachments=sum(vault.images.values()),
        total_bytes=sum(sizes) + attachment_bytes,
        median_note_bytes=int(statistics.median(sizes)),
        max_note_bytes=max(sizes),
        wikilinks=vault.wikilinks,
        embeds=vault.embeds,
        missing_images=sum(not exists for exists in vault.images.values()),
        nfd_names=sum(p.nfd for p in plans),
        note_bytes=sum(sizes),
        broken_wikilinks=vault.broken_links,
        note_embeds=vault.note_embeds,
        nfd_paths=tuple(p.relpath for p in plans if p.nfd),
        duplicate_names=tuple(name for name, where in vault.names.items() if len(where) > 1),
    )


def _write(root: Path, relpath: str, data: bytes, dirs: dict[str, None]) -> None:
    """Write bytes (no newline translation), creating each folder once."""
    folder = relpath.rsplit("/", 1)[0]
    if folder not in dirs:
        (root / folder).mkdir(parents=True, exist_ok=True)
        dirs[folder] = None
    (root / relpath).write_bytes(data)


def _count_folders(dirs: Mapping[str, None]) -> int:
    """Number of distinct folders, parents of note folders included."""
    every: dict[str, None] = {}
    for folder in dirs:
        parts = folder.split("/")
        for depth in range(1, len(parts) + 1):
            every["/".join(parts[:depth])] = None
    return len(every)


# --------------------------------------------------------------------------------------
# Editing one note (incremental rebuild timing)
# --------------------------------------------------------------------------------------


def edit_one_note(root: Path, seed: int = 0) -> Path:
    """Append a paragraph, a highlight and a limit line to one note; return its path.

    The note is chosen deterministically from the sorted note list (skipping stubs),
    so a benchmark edits the same note on every run.
    """
    root = Path(root)
    notes = sorted(
        (
            p
            for p in root.rglob("*.md")
            if not any(part.startswith(".") for part in p.relative_to(root).parts)
        ),
        key=lambda p: p.relative_to(root).as_posix(),
    )
    candidates = [p for p in notes if p.stat().st_size >= 1_000] or notes
    if not candidates:
        raise FileNotFoundError(f"no notes (*.md) under {root}")
    rng = random.Random(f"{seed}/edit")
    path = rng.choice(candidates)
    text = path.read_text(encoding="utf-8")
    svc = next((s for s in SERVICES if s.en in text), rng.choice(SERVICES))
    with path.open("a", encoding="utf-8", newline="\n") as handle:
        handle.write(edit_text(rng, svc))
    return path


def edit_text(rng: random.Random, svc: Service) -> str:
    """What a student adds while reviewing: a short paragraph, a highlight, a limit."""
    peer = peer_of(rng, svc)
    label, value = rng.choice(svc.limits)
    _, feature = rng.choice(svc.features)
    paragraph = " ".join(sentence(rng, svc, peer) for _ in range(2))
    return (
        f"\n### 복습하면서 추가 ({rng.randint(1, 28)}일)\n\n{paragraph}\n\n"
        f"- =={feature}==\n- **{label}**: {value}\n"
    )


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.vaultgen OUT --notes 1000 [--seed 0]``: write and describe."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.vaultgen", description=__doc__.splitlines()[0]
    )
    parser.add_argument("out", type=Path, help="new or empty directory for the vault")
    parser.add_argument("--notes", type=int, default=1000, help="number of notes (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        stats = generate_vault(args.out, args.notes, args.seed)
    except (FileExistsError, ValueError) as error:
        print(f"vaultgen: {error}", file=sys.stderr)
        return 2
    print(stats.summary())
    print(f"{'generated in':<20} {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

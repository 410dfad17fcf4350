"""Typed, directed relations between services, read from Korean sentence structure.

Korean puts the verb last and marks each noun's role with a particle, so a clause
such as ``Lambda 함수에서 DynamoDB를 사용`` is read as: concepts with roles
(``에서`` source, ``를`` object), then the verb class of the last lexicon verb
(``사용``). Three shapes of note text are handled on top of plain clauses:

* labels: ``**API Gateway** → REST API 요청 시 Lambda 호출`` or ``**Cognito**: 사용자 인증``
  — the label is the actor, and a missing partner is the block's context
  (its parent items, heading or note title);
* flows: ``S3에 이미지 업로드 → Lambda 실행 → 저장`` — each hop between two
  segments that name concepts, typed by the verb of the later segment;
* lists: ``연동 가능한 서비스:`` followed by ``Lambda, Glue, OpenSearch 등``.

Negated clauses, clauses whose subject is a person or thing rather than a service
(``클라이언트가 Lambda를 호출``) and category lines (``정적 콘텐츠 → S3``) give nothing:
a missing edge is better than a wrong one on the service map.

:mod:`.sentences` reads a block into concepts, roles and verbs; :mod:`.verb_rules`
turns one verb's clause into relations; this module handles the block shapes,
the context, and keeps the first statement of each relation. Feature-of is not a
relation here: a key ``dynamodb/dax`` already says which service DAX belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .context import NoteContext
from .facts import Relation, RelationKind, split_key
from .sentences import AGENT_ROLES, CLAIM_WORDS, Arg, Sentence, analyse, is_concept_list, list_keys
from .verb_rules import Clause, keys_with_roles, read_clause, role_noun_relations, runs_code

_LIST_OR_LABEL = re.compile(r"[,/·:：]|및|또는")
_ARROW = re.compile(r"\s*(?:→|->|=>|⇒|➡|⟶)\s*")
_NEGATION = re.compile(r"없|않|못|불가|아니")
_PARTNER_HEADING = re.compile(r"(?:와|과)?\s*(?:통합|연동|연결|비교)\s*$")
_INTEGRATION_WORDS = re.compile(r"통합|연동|연결|integration", re.IGNORECASE)
_EVENT_DRIVEN = re.compile(r"이벤트\s*(?:기반|발생|구동|트리거)|event[- ]driven", re.IGNORECASE)
_EVENT_WORD = re.compile(r"이벤트|업로드|event", re.IGNORECASE)
_DATA_WORDS = re.compile(
    r"데이터|로그|메시지|이벤트|스트림|스트리밍|파이프라인|레코드|파일|전달|전송|저장|적재"
)
# Nouns that say what the listed services are to the subject of the introducer.
_RECEIVERS = re.compile(r"구독자|구독\s*대상|소비자|컨슈머|subscriber|consumer", re.IGNORECASE)
_SOURCES = re.compile(r"이벤트\s*소스|event\s*source", re.IGNORECASE)

#: Verb classes (see :mod:`.sentences`) that type a hop ``A → B 호출`` of a flow.
_HOP_KINDS: dict[str, RelationKind] = {
    "invoke": "invokes",
    "run": "triggers",
    "trigger": "triggers",
    "send": "sends_to",
    "integrate": "integrates_with",
}


@dataclass(frozen=True, slots=True)
class _Found:
    source: str
    target: str
    kind: RelationKind
    block: int


def extract_relations(ctx: NoteContext) -> list[Relation]:
    """Every relation stated in the note, first statement kept, in note order.

    ``compared_with`` comes from :mod:`.comparisons` (imported here because that
    module asks this one for a block's context).
    """
    from .comparisons import comparison_relations, extract_comparisons

    reader = _Reader(ctx)
    found: list[_Found] = []
    for index, block in enumerate(ctx.note.blocks):
        if block.kind in ("table_row", "callout_title") or not ctx.matches[index]:
            continue
        if reader.may_claim(index):
            found.extend(reader.block(index))
    candidates = [
        Relation(f.source, f.target, f.kind, ctx.source(f.block)) for f in found if _allowed(f)
    ]
    candidates += comparison_relations(extract_comparisons(ctx))
    candidates.sort(key=lambda r: r.evidence.line)  # stable: reading order within a line
    seen: set[tuple[str, str, str]] = set()
    relations: list[Relation] = []
    for relation in candidates:
        triple = (relation.source_key, relation.target_key, relation.kind)
        if triple not in seen:
            seen.add(triple)
            relations.append(relation)
    return relations


def block_context(ctx: NoteContext, index: int) -> str | None:
    """The concept a block is about when it does not name one (see :meth:`_Reader.context`)."""
    return _Reader(ctx).context(index)


def _allowed(item: _Found) -> bool:
    """No self-relations, and none between a service and its own features."""
    if item.source == item.target:
        return False
    (s_service, s_feature), (t_service, t_feature) = split_key(item.source), split_key(item.target)
    if s_service != t_service:
        return True
    both_features = s_feature is not None and t_feature is not None
    return both_features and item.kind in ("compared_with", "alternative_to")


class _Reader:
    """Reads one note block by block; caches each block's sentence analysis."""

    def __init__(self, ctx: NoteContext) -> None:
        self.ctx = ctx
        self._sentences: dict[int, Sentence] = {}

    def sentence(self, index: int) -> Sentence:
        """The block's analysis, computed once."""
        if index not in self._sentences:
            text = self.ctx.note.blocks[index].text
            self._sentences[index] = analyse(text, self.ctx.matches[index])
        return self._sentences[index]

    # ----------------------------------------------------------------- context
    def context(self, index: int) -> str | None:
        """What a block is about when it does not say: parent item, heading or title."""
        note = self.ctx.note
        block = note.blocks[index]
        if block.kind == "heading":
            heading = note.sections[block.section].heading
            parent = note.headings[heading].parent if heading is not None else None
            if parent is not None and self.ctx.heading_subjects[parent]:
                return self.ctx.heading_subjects[parent]
            return self.ctx.title_subject
        current = block.parent
        while current is not None:
            topic = self.sentence(current).topic()
            if topic:
                return topic
            current = note.blocks[current].parent
        return self.section_subject(block.section)

    def section_subject(self, section: int) -> str | None:
        """The section's subject, except that ``### 로드 밸런서 통합`` is about its parent's."""
        note = self.ctx.note
        heading = note.sections[section].heading if section < len(note.sections) else None
        if heading is not None and _PARTNER_HEADING.search(note.headings[heading].text):
            parent = note.headings[heading].parent
            if parent is not None and self.ctx.heading_subjects[parent]:
                return self.ctx.heading_subjects[parent]
            return self.ctx.title_subject
        return self.ctx.section_subject(section)

    def heading_text(self, index: int) -> str:
        """The text of the heading the block sits under ("" before the first heading)."""
        note = self.ctx.note
        heading = note.sections[note.blocks[index].section].heading
        return note.headings[heading].text if heading is not None else ""

    # ------------------------------------------------------------------ blocks
    def may_claim(self, index: int) -> bool:
        """A cheap test that skips most blocks: a verb, an arrow, or a list with an introducer."""
        text = self.ctx.note.blocks[index].text
        if CLAIM_WORDS.search(text) or _ARROW.search(text):
            return True
        if not _LIST_OR_LABEL.search(text):
            return False
        parent = self.ctx.note.blocks[index].parent
        intro = self.ctx.note.blocks[parent].text if parent is not None else ""
        return any(
            _introduced_kind(t) or _EVENT_DRIVEN.search(t)
            for t in (text, intro, self.heading_text(index))
        )

    def block(self, index: int) -> Iterator[_Found]:
        """Relations of one block, read by its shape: flow, label, list or plain clauses."""
        text = self.ctx.note.blocks[index].text
        if _ARROW.search(text):
            yield from self.flow(index)
            return
        sentence = self.sentence(index)
        if sentence.label and sentence.label_end is not None:
            yield from self.labelled(index, sentence)
            return
        if is_concept_list(sentence):
            yield from self.listed(index, sentence, 0)
            return
        word_label = sentence.word_label()
        if word_label is not None and is_concept_list(sentence, word_label):
            yield from self.listed(index, sentence, word_label)
            return
        yield from self.clauses(index, sentence, sentence.clauses(), label=())

    def clauses(
        self,
        index: int,
        sentence: Sentence,
        clauses: Iterable[tuple[int, int]],
        label: tuple[str, ...],
    ) -> Iterator[_Found]:
        """Relations of each verb of each clause; the actor carries over to later clauses."""
        carried: tuple[str, ...] = ()
        word_subject = False  # "클라이언트가 …하면, … 호출": the person stays the actor
        context = self.context(index)
        for start, end in clauses:
            args = sentence.args_in(start, end)
            explicit = [a for a in args if a.role in AGENT_ROLES]
            if explicit:
                carried, word_subject = explicit[0].keys, False
            elif sentence.has_word_subject(start, end):
                carried, word_subject = (), True
            for source, target, kind in role_noun_relations(args):
                yield _Found(source, target, kind, index)
            for verb in sentence.verbs_in(start, end):
                window = sentence.args_in(verb.window_start, verb.start)
                if verb.modifier and verb.cls == "send":
                    carried = keys_with_roles(window, "goal") or carried
                if verb.negated or verb.modifier:
                    continue
                clause = Clause(sentence, verb, window, label, carried, context, word_subject)
                for source, target, kind in read_clause(clause):
                    yield _Found(source, target, kind, index)
                carried = keys_with_roles(window, "topic", "subject", "source") or carried

    def labelled(self, index: int, sentence: Sentence, arrow: bool = False) -> Iterator[_Found]:
        """``X: description`` or ``X → description``: X acts; the description's verb says how.

        A description without a usable verb under a heading about integration
        (``AWS 서비스와의 통합 예시``) still ties X to the block's context.
        """
        assert sentence.label_end is not None
        cut = sentence.label_end
        described = [(max(s, cut), e) for s, e in sentence.clauses() if e > cut]
        found = list(self.clauses(index, sentence, described, label=sentence.label))
        yield from found
        verbs = sentence.verbs_in(cut, len(sentence.text))
        context = self.context(index)
        if found or any(v.negated for v in verbs) or context is None:
            return
        if not verbs and _EVENT_DRIVEN.search(sentence.text, cut):
            for key in sentence.label:
                yield _Found(key, context, "triggers", index)
        elif _INTEGRATION_WORDS.search(self.heading_text(index)):
            for key in sentence.label:
                pair = (key, context) if arrow else (context, key)
                yield _Found(*pair, "integrates_with", index)

    def listed(self, index: int, sentence: Sentence, start: int) -> Iterator[_Found]:
        """``Lambda, Glue 등`` after an introducer: ``연동 가능한 서비스:``, a parent or heading."""
        note = self.ctx.note
        parent = note.blocks[index].parent
        if start:
            intro_text = sentence.text[:start]
            subject = self.context(index)
        elif parent is not None:
            intro = self.sentence(parent)
            subject = intro.topic() or self.context(parent)
            intro_text = intro.text
        else:
            intro_text = self.heading_text(index)
            subject = self.section_subject(note.blocks[index].section)
        kind = _introduced_kind(intro_text)
        if subject is None or kind is None:
            return
        for key in list_keys(sentence, start):
            if kind == "triggers":
                yield _Found(key, subject, kind, index)
            else:
                yield _Found(subject, key, kind, index)

    # ------------------------------------------------------------------- flows
    def flow(self, index: int) -> Iterator[_Found]:
        """``A → B 실행 → C에 저장``: one relation per hop between named concepts."""
        text = self.ctx.note.blocks[index].text
        sentence = self.sentence(index)
        cuts = [(m.start(), m.end()) for m in _ARROW.finditer(text)]
        spans = _segments(cuts, len(text))
        segments = [sentence.args_in(s, e) for s, e in spans]
        first_start, first_end = spans[0]
        if sentence.is_label_segment(first_start, first_end) and len(spans) == 2:
            if not sentence.is_bare_segment(*spans[1]):
                yield from self.labelled(index, sentence.with_label(first_end), arrow=True)
                return
        elif segments[0] and not sentence.is_label_segment(first_start, first_end):
            yield from self.clauses(index, sentence, [spans[0]], label=())
        pipeline: RelationKind = (
            "sends_to"
            if _DATA_WORDS.search(text) or _DATA_WORDS.search(self.heading_text(index))
            else "integrates_with"
        )
        for i in range(len(spans) - 1):
            if not segments[i] or not segments[i + 1]:
                continue
            kind = self.hop_kind(sentence, spans[i + 1], pipeline)
            if kind is None:
                continue
            event = bool(_EVENT_WORD.search(text, *spans[i]))
            source = _flow_source(segments[i])
            for key in segments[i + 1][0].keys:
                hop: RelationKind = "triggers" if event and runs_code(key) else kind
                for src in source:
                    yield _Found(src, key, hop, index)

    def hop_kind(
        self, sentence: Sentence, span: tuple[int, int], pipeline: RelationKind
    ) -> RelationKind | None:
        """A hop's kind: the later segment's verb, or the flow's kind for a bare name."""
        start, end = span
        if sentence.is_bare_segment(start, end):
            return pipeline
        verbs = sentence.verbs_in(start, end)
        if any(v.negated for v in verbs):
            return None
        first_arg = sentence.args_in(start, end)[0]
        if verbs and first_arg.end <= verbs[-1].start and verbs[-1].cls in _HOP_KINDS:
            return _HOP_KINDS[verbs[-1].cls]
        if verbs:
            return None  # a clause of its own ("VPC 엔드포인트를 통해 접근"), not a hop
        if sentence.leads(first_arg, start) and not _NEGATION.search(sentence.text, start, end):
            return "integrates_with"  # "S3 → Athena로 분석": the arrow itself ties them
        return None


def _segments(cuts: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The spans between arrows."""
    spans: list[tuple[int, int]] = []
    start = 0
    for cut_start, cut_end in cuts:
        spans.append((start, cut_start))
        start = cut_end
    spans.append((start, length))
    return spans


def _flow_source(args: list[Arg]) -> tuple[str, ...]:
    """The concept a hop leaves from: the segment's topic, else its last concept."""
    for arg in args:
        if arg.role in AGENT_ROLES or arg.role == "label":
            return arg.keys
    return args[-1].keys


def _introduced_kind(text: str) -> RelationKind | None:
    """What an introducer says its listed services are: subscribers, sources or partners."""
    if _RECEIVERS.search(text):
        return "sends_to"
    if _SOURCES.search(text):
        return "triggers"
    if _INTEGRATION_WORDS.search(text):
        return "integrates_with"
    return None
